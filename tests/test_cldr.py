"""The shipped CLDR extract words dates, lists and countries exactly as Babel does."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import babel
import pytest
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.units import format_unit

from mkdocs_legal.core import cldr
from mkdocs_legal.core.language import Language, available_languages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import make_cldr  # noqa: E402

EXTRACT = json.loads(cldr.EXTRACT.read_text(encoding="utf-8"))
LOCALES = sorted(EXTRACT["locales"])


def test_the_extract_is_what_the_pinned_babel_says() -> None:
    """pyproject pins Babel for the tests; after changing the pin, run tools/make_cldr.py."""
    assert EXTRACT["babel"] == babel.__version__
    assert sorted(available_languages()) == LOCALES
    for code in LOCALES:
        assert EXTRACT["locales"][code] == make_cldr.facts(code), code


def _days() -> list[date]:
    """Every day from 2024 (a leap year) to 2026, and days of far-off years."""
    start = date(2024, 1, 1)
    days = [start + timedelta(n) for n in range((date(2027, 1, 1) - start).days)]
    return [*days, date(1, 1, 1), date(999, 12, 31), date(2100, 2, 28), date(9999, 12, 31)]


@pytest.mark.parametrize("code", LOCALES)
def test_long_dates_match_babel(code: str) -> None:
    words, locale = cldr.words(code), Locale.parse(code)
    for day in _days():
        assert words.long_date(day) == format_date(day, format="long", locale=locale), day


@pytest.mark.parametrize("code", LOCALES)
def test_lists_and_countries_match_babel(code: str) -> None:
    words, locale = cldr.words(code), Locale.parse(code)
    items = ["Alfa", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    for n in range(len(items) + 1):
        assert words.join(items[:n]) == (format_list(items[:n], locale=locale) if n else "")
    countries = {c: n for c, n in locale.territories.items() if re.fullmatch("[A-Z]{2}", c)}
    for country, name in countries.items():
        assert words.country(country) == name
    assert words.country("XY") is None


def test_country_codes_are_cldrs() -> None:
    names = Locale("en").territories
    assert cldr.country_codes() == {c for c in names if re.fullmatch("[A-Z]{2}", c)}


@pytest.mark.parametrize("unit", ["years", "months", "weeks", "days"])
def test_english_durations_are_cldrs_below_a_thousand(unit: str) -> None:
    # English words durations with its own messages, as the catalogs do; CLDR agrees
    # until 1000, where it writes "1,000 days" and the messages "1000 days".
    english = Language("en")
    for count in range(0, 1000):
        expected = format_unit(count, f"duration-{unit[:-1]}", length="long", locale="en")
        assert english._amount(count, unit) == expected


def test_other_locales_are_asked_of_babel() -> None:
    assert not cldr.is_extracted("de-AT") and cldr.is_extracted("de")
    austrian = Language("de-AT")
    assert austrian.date(date(2026, 1, 5)) == "5. Jänner 2026"
    french = Language("fr")
    assert french.date(date(2026, 1, 5)) == format_date(date(2026, 1, 5), "long", locale="fr")
    assert french.list(["a", "b", "c"]) == "a, b et c"
    assert french.country("DE") == "Allemagne"
    assert french.duration("P1Y6M") == "1\xa0an et 6\xa0mois"
    assert Language("sv-XX").date(date(2026, 1, 5)) == "5 januari 2026"  # Babel lacks sv_XX
    assert Language("tlh").date(date(2026, 1, 5)) == "January 5, 2026"  # and Klingon


@pytest.mark.parametrize("code", ["en", "en-GB", "en_GB", "en-gb", "EN", "En-GB"])
def test_english_however_the_code_is_spelled(code: str) -> None:
    english = Language(code)
    assert english.country("US", in_sentence=True) == "the United States"
    assert english.duration("P1Y6M") == "1 year and 6 months"


def test_a_build_loads_no_babel_locale_data() -> None:
    code = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from mkdocs_legal.core import source\n"
        "from mkdocs_legal.core.project import render_all\n"
        "loaded = source.load_valid(Path('example/legal.yml'), source.Options(('en', 'sv'), fallback=True))\n"
        "render_all(loaded, ('en', 'sv', 'de'), fallback=True)\n"
        "import babel.localedata as data\n"
        "print(json.dumps(sorted(data._cache)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) == []
