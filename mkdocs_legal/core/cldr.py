"""Dates, lists and country names as CLDR words them, without loading Babel's locale data.

Babel loads a locale by unpickling its data and merging it with the root locale's: 10 to
20 ms for each language of every build. For English and each language with a catalog,
the package ships the few facts its texts use instead (`data/cldr.json`, written from
Babel by `tools/make_cldr.py` and checked against it by the tests). Other locales, such
as regional variants (`de_AT`), are asked of Babel itself.

The extract is used only when the installed Babel is the one it was written from (its
version is read from Babel's `__init__.py`, without importing Babel). With any other Babel
every locale is asked of Babel, so that a site never mixes two CLDR versions: `de` from the
extract beside `de-AT` or a duration from a newer Babel.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel import Locale

EXTRACT = Path(__file__).parent / "data" / "cldr.json"
DATE_FIELDS = ("d", "dd", "MMMM", "y")
"""The fields a long date format of the extract may use (`tools/make_cldr.py` checks)."""


class Words:
    """A locale's words for dates, lists and countries."""

    def long_date(self, value: date) -> str:
        raise NotImplementedError

    def join(self, items: Sequence[str]) -> str:
        """`["a", "b", "c"]` → "a, b and c", with the locale's list patterns."""
        raise NotImplementedError

    def country(self, code: str) -> str | None:
        """The name of an ISO 3166 alpha-2 country, or None when CLDR has none."""
        raise NotImplementedError


class _Extracted(Words):
    def __init__(self, facts: dict[str, Any]) -> None:
        self._date: str = facts["date_long"]
        self._months: list[str] = facts["months"]
        self._list: dict[str, str] = facts["list"]
        self._countries: dict[str, str] = facts["countries"]

    def long_date(self, value: date) -> str:
        month = self._months[value.month - 1]
        day, year = str(value.day), str(value.year)
        return self._date % {"d": day, "dd": day.zfill(2), "MMMM": month, "y": year}

    def join(self, items: Sequence[str]) -> str:
        if len(items) < 2:
            return items[0] if items else ""
        if len(items) == 2:
            return self._list["2"].format(*items)
        text = self._list["start"].format(items[0], items[1])
        for item in items[2:-1]:
            text = self._list["middle"].format(text, item)
        return self._list["end"].format(text, items[-1])

    def country(self, code: str) -> str | None:
        return self._countries.get(code)


class _FromBabel(Words):
    def __init__(self, code: str) -> None:
        self.locale = babel_locale(code)

    def long_date(self, value: date) -> str:
        from babel.dates import format_date

        return str(format_date(value, format="long", locale=self.locale))

    def join(self, items: Sequence[str]) -> str:
        from babel.lists import format_list

        return str(format_list(list(items), locale=self.locale)) if items else ""

    def country(self, code: str) -> str | None:
        name = self.locale.territories.get(code)
        return str(name) if name is not None else None


_VERSION = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)


def installed_babel() -> str | None:
    """The version of the installed Babel, read from its `__init__.py` (no import)."""
    from importlib.util import find_spec

    spec = find_spec("babel")
    if spec is None or spec.origin is None:
        return None
    found = _VERSION.search(Path(spec.origin).read_text(encoding="utf-8"))
    return found[1] if found else None


@cache
def _extract() -> dict[str, dict[str, Any]]:
    """The extract's locales, or none when the installed Babel is another than its own."""
    raw = json.loads(EXTRACT.read_text(encoding="utf-8"))
    if raw["babel"] != installed_babel():
        return {}
    locales: dict[str, dict[str, Any]] = raw["locales"]
    return locales


@cache
def words(language: str) -> Words:
    """The words of `language` (`sv`, `de-AT`): from the extract when it has the locale."""
    code = language.replace("-", "_")
    facts = _extract().get(code)
    return _Extracted(facts) if facts is not None else _FromBabel(code)


def is_extracted(language: str) -> bool:
    return language.replace("-", "_") in _extract()


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166 alpha-2 code CLDR names (with its regions such as `EU`)."""
    english = _extract().get("en")
    if english is not None:
        return frozenset(english["countries"])
    names = babel_locale("en").territories
    return frozenset(str(c) for c in names if re.fullmatch("[A-Z]{2}", str(c)))


def duration(language: str, count: int, unit: str) -> str:
    """`count` of a duration unit (`years` … `days`) in Babel's long form, as "3 months"."""
    from babel.units import format_unit

    unit_id = f"duration-{unit.removesuffix('s')}"
    return str(format_unit(count, unit_id, length="long", locale=babel_locale(language)))


@cache
def babel_locale(language: str) -> Locale:
    """Babel's locale for `language`; else for its base language (`sv` for `sv-XX`); else
    English, whose messages a language without a catalog gets too."""
    from babel import Locale, UnknownLocaleError

    code = language.replace("-", "_")
    for candidate in (code, code.split("_")[0]):
        try:
            return Locale.parse(candidate)
        except (ValueError, LookupError, UnknownLocaleError):
            continue
    return Locale("en")
