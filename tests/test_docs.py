"""The docs' promises: every data column is documented, the README's commands are the ones CI runs."""
import json
import re

import pytest

from conftest import ROOT
from steppe import schema
from steppe.i18n import LOCALES


@pytest.mark.parametrize("file, column", [(f, c.name) for f, cols in schema.ALL.items() for c in cols])
def test_every_column_is_documented(file, column):
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert f"`{file}`" in text and f"`{column}`" in text


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme
    assert re.search(r"^bash scripts/test.sh$", ci, re.M)


def test_readme_run_command_starts_dashboard():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "streamlit run dashboard.py" in readme


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert "==" in line, f"{name}: {line} is not pinned"


def test_every_translation_key_used_in_code_exists():
    catalogue = json.loads((LOCALES / "en.json").read_text(encoding="utf-8"))
    code = "\n".join(p.read_text(encoding="utf-8") for p in [*ROOT.glob("steppe/**/*.py"),
                                                             *ROOT.glob("app_pages/*.py"), ROOT / "dashboard.py"])
    used = set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]*[a-z_])["']""", code))
    missing = sorted(k for k in used if k not in catalogue)
    assert not missing, missing


def test_dynamic_translation_keys_exist():
    from steppe import config
    catalogue = json.loads((LOCALES / "en.json").read_text(encoding="utf-8"))
    keys = [f"thread.{t}" for t in config.THREADS] + [f"thread_about.{t}" for t in config.THREADS]
    keys += [f"certainty.{c}" for c in config.CERTAINTIES] + [f"route.kind.{k}" for k in config.ROUTE_KINDS]
    keys += [f"lang.{code}" for code in config.LANGUAGES]
    assert [k for k in keys if k not in catalogue] == []


def test_every_url_parameter_is_documented_in_the_readme():
    from steppe.urlstate import FILTERS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key in [*(k for f in FILTERS for k in f.keys), "event", "lang", "story", "step", "card", "present"]:
        assert f"`{key}`" in readme, key
