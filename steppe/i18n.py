"""Every user-visible string goes through t(); catalogues live in steppe/locales/<lang>.json."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """The flat key -> text catalogue of a language (English if the file is missing)."""
    path = LOCALES / f"{lang}.json"
    if not path.exists():
        path = LOCALES / "en.json"
    return json.loads(path.read_text(encoding="utf-8"))


def t(key: str, lang: str = "en", **values) -> str:
    """t("filters.years") -> "Years"; falls back to English, then to the key itself."""
    text = catalogue(lang).get(key) or catalogue("en").get(key) or key
    return text.format(**values) if values else text
