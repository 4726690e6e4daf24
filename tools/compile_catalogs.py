#!/usr/bin/env python3
"""Compile every gettext catalog (`.po`) of the package into the `.mo` file read at run time.

`python3 tools/compile_catalogs.py` writes them beside their `.po` (git ignores them);
`hatch_build.py` calls the same function for every wheel. Fuzzy and untranslated entries are
left out, so they read in English and the build says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

LOCALE = Path("mkdocs_legal") / "locale"


def compile_catalog(po: Path, mo: Path) -> None:
    """`po` → `mo`, without its fuzzy and untranslated entries (nor partly translated plurals)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, locale=po.parent.parent.name)
    for message in list(catalog):
        # Babel fills an empty plural form with the English one; a plural lacking any form
        # is left out whole instead, so the page reads in one language.
        if message.id and isinstance(message.string, tuple) and not all(message.string):
            del catalog[message.id]
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as target:
        write_mo(target, catalog, use_fuzzy=False)


def compile_all(root: Path, out: Path) -> list[Path]:
    """Every catalog under `root/mkdocs_legal/locale`, into the same layout under `out`."""
    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        mo = out / po.relative_to(root).with_suffix(".mo")
        compile_catalog(po, mo)
        written.append(mo)
    return written


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    for path in compile_all(here, here):
        print(path.relative_to(here))
    sys.exit(0)
