"""The shipped CLDR extract words dates, lists and countries exactly as Babel does."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import babel
import babel.core
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
OWN_BABEL = EXTRACT["babel"] == babel.__version__


def test_the_installed_babel_is_read_without_importing_it() -> None:
    assert cldr.installed_babel() == babel.__version__


@pytest.mark.skipif(not OWN_BABEL, reason="the extract is compared with the Babel it records")
def test_the_extract_is_what_the_pinned_babel_says() -> None:
    """pyproject pins Babel for the tests; after changing the pin, run tools/make_cldr.py."""
    assert EXTRACT["cldr"] == babel.core.get_cldr_version()
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


@pytest.fixture
def another_babel(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The package run with a Babel other than the one the extract was written from."""
    monkeypatch.setattr(cldr, "installed_babel", lambda: "99.0.0")
    caches = (cldr._extract, cldr.words, cldr.country_codes)
    for cached in caches:
        cached.cache_clear()
    yield
    monkeypatch.undo()
    for cached in caches:
        cached.cache_clear()


@pytest.mark.parametrize("code", [*LOCALES, "de-AT", "sv-FI", "en-GB"])
def test_with_another_babel_every_locale_is_babels(another_babel: None, code: str) -> None:
    """One site never mixes the extract's CLDR (for `de`) with a newer Babel's (`de-AT`)."""
    assert not cldr.is_extracted(code)
    words, locale = cldr.words(code), cldr.babel_locale(code)
    for day in (date(2026, 1, 5), date(2027, 10, 31)):
        assert words.long_date(day) == format_date(day, format="long", locale=locale)
    assert words.join(["a", "b", "c"]) == format_list(["a", "b", "c"], locale=locale)
    assert words.country("DE") == locale.territories["DE"]
    assert "EU" in cldr.country_codes() and "SE" in cldr.country_codes()


@pytest.mark.skipif(not OWN_BABEL, reason="the extract is used only with the Babel it records")
def test_other_locales_are_asked_of_babel() -> None:
    assert not cldr.is_extracted("de-AT") and cldr.is_extracted("de")
    austrian = Language("de-AT")
    assert austrian.date(date(2026, 1, 5)) == "5. Jänner 2026"
    assert not cldr.is_extracted("cs")  # Czech has no catalog (yet)
    czech = Language("cs")
    assert czech.date(date(2026, 1, 5)) == format_date(date(2026, 1, 5), "long", locale="cs")
    assert czech.list(["a", "b", "c"]) == "a, b a\xa0c"
    assert czech.country("DE") == "Německo"
    assert czech.duration("P1Y6M") == "1 rok a\xa06 měsíců"
    assert Language("sv-XX").date(date(2026, 1, 5)) == "5 januari 2026"  # Babel lacks sv_XX
    assert Language("tlh").date(date(2026, 1, 5)) == "January 5, 2026"  # and Klingon


def test_new_catalog_languages_are_extracted_and_word_durations_from_the_catalog() -> None:
    for code in ("fr", "es", "it", "nl", "pl", "pt"):
        assert cldr.is_extracted(code), code
    # small numbers in words, as each catalog's style guide writes them; larger ones in digits
    assert Language("fr").duration("P1Y6M") == "un an et six mois"
    assert Language("pl").duration("P2Y") == "dwa lata"
    assert Language("pl").duration("P5Y") == "pięć lat"
    assert Language("pl").duration("P15Y") == "15 lat"
    assert Language("fr").date(date(2026, 2, 1)) == "1 février 2026"


@pytest.mark.parametrize("code", ["en", "en-GB", "en_GB", "en-gb", "EN", "En-GB"])
def test_english_however_the_code_is_spelled(code: str) -> None:
    english = Language(code)
    assert english.country("US", in_sentence=True) == "the United States"
    assert english.duration("P1Y6M") == "one year and six months"
    assert english.duration("P1Y6M", words=False) == "1 year and 6 months"


@pytest.mark.skipif(not OWN_BABEL, reason="the extract is used only with the Babel it records")
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
