"""Write `mkdocs_legal/core/data/cldr.json`: the CLDR facts the texts use, from Babel.

For English and each language with a catalog it keeps the long date format and the month
names it fills in, the standard list patterns, and the names of the countries (ISO 3166
alpha-2 codes). Run it after changing the Babel version that `pyproject.toml` pins for the
tests, or after adding a catalog:

    .venv/bin/python tools/make_cldr.py

`tests/test_cldr.py` checks the file against that Babel, so a stale extract fails there.
At run time the extract is used only with the Babel it records (`core/cldr.py`); with any
other Babel every locale is asked of Babel, so one site never mixes two CLDR versions.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.core import get_cldr_version
from babel.dates import get_date_format

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs_legal.core.cldr import DATE_FIELDS, EXTRACT  # noqa: E402
from mkdocs_legal.core.language import available_languages  # noqa: E402

COUNTRY = re.compile(r"[A-Z]{2}")


def facts(code: str) -> dict[str, Any]:
    """What `core/cldr.py` needs of one locale."""
    locale = Locale.parse(code)
    pattern = get_date_format("long", locale=locale)
    fields = set(re.findall(r"%\((\w+)\)s", pattern.format))
    if not fields <= set(DATE_FIELDS):
        raise SystemExit(f"{code}: the long date {pattern.pattern!r} uses {sorted(fields)}")
    lists = locale.list_patterns["standard"]
    return {
        "date_long": pattern.format,
        "months": [locale.months["format"]["wide"][m] for m in range(1, 13)],
        "list": {key: lists[key] for key in ("start", "middle", "end", "2")},
        "countries": {
            code: name
            for code, name in sorted(locale.territories.items())
            if COUNTRY.fullmatch(code)
        },
    }


def main() -> None:
    extract = {
        "babel": babel.__version__,
        "cldr": get_cldr_version(),
        "locales": {code: facts(code) for code in available_languages()},
    }
    text = json.dumps(extract, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    EXTRACT.write_text(text, encoding="utf-8")
    print(
        f"{EXTRACT.relative_to(ROOT)}: {', '.join(extract['locales'])} from Babel {babel.__version__}"
    )


if __name__ == "__main__":
    main()
