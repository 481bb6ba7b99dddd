"""Translation: one Translator per language, with plural forms and locale formats from Babel.

Catalogues live in steppe/locales/<lang>.json (flat key -> text). A text with counts may be a dict of CLDR plural
categories ({"one": "{n} event", "other": "{n} events"}; Russian also has "few" and "many"). Missing keys fall back
to English, then to the key itself, so a half-done catalogue never breaks a page."""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from . import config

LOCALES = Path(__file__).parent / "locales"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict:
    """The key -> text catalogue of a language ({} if there is none)."""
    path = LOCALES / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


class Translator:
    """tr("key", n=3) -> the text in this language, plural-aware, with numbers formatted for the locale."""

    def __init__(self, lang: str):
        self.lang = lang if lang in config.LANGUAGES else "en"
        self.locale = Locale.parse(self.lang)

    def __call__(self, key: str, /, **values) -> str:
        entry = catalogue(self.lang).get(key) or catalogue("en").get(key) or key
        if isinstance(entry, dict):
            count = values.get("n", 0)
            entry = entry.get(self.locale.plural_form(abs(count))) or entry.get("other") or key
        if not values:
            return entry
        # whole numbers are formatted for the locale (3,436 / 3 436); years are passed as text, never grouped
        shown = {k: self.number(v) if isinstance(v, int) and not isinstance(v, bool)
                 else v for k, v in values.items()}
        return entry.format(**shown)

    def number(self, value: int | float) -> str:
        """3436 -> '3,436' (en), '3 436' (ru, kk)."""
        return format_decimal(value, locale=self.locale)

    def date(self, day: dt.date, precision: str = "day") -> str:
        """A date in the locale's words: '5 Dec 1917', 'Dec 1917', '1917'; 'long': '31 December 1925'."""
        pattern = {"day": "d MMM y", "month": "LLL y", "long": "d MMMM y"}.get(precision, "y")
        return format_date(day, pattern, locale=self.locale)

    def month(self, day: dt.date) -> str:
        """'Aug 1930' — the month and year, for counts per month."""
        return format_date(day, "LLL y", locale=self.locale)


@lru_cache(maxsize=None)
def translator(lang: str) -> Translator:
    return Translator(lang)


def t(key: str, lang: str, /, **values) -> str:
    """t("filters.years", "en") -> "Years". The language is always given: nothing is translated by accident."""
    return translator(lang)(key, **values)
