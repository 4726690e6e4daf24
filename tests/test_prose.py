"""The texts read as written by a lawyer of each language: no slot is introduced by "as
follows:", and small numbers are words (the style guide of docs/translating.md).

The checks run on every document of the demo, the fixture sites and the consumer fixtures, in
every catalog language, and are themselves shown to catch the patterns they look for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DEMO, FIXTURES, load_data

from mkdocs_legal.core import documents
from mkdocs_legal.core.language import NUMBER_WORDS, Language, available_languages

LANGUAGES = available_languages()

AS_FOLLOWS = re.compile(
    r"as follows:|the following \w+(?: \w+)?: |wie folgt:|folgenden? (?:Staates|Weise):"
    r"|som följer:|på följande sätt:|följande land:|på følgende måde:|følgende land:"
    r"|på følgende måte:|som følger:|seuraavasti:|seuraavan maan",
    re.IGNORECASE,
)
"""A slot introduced by "as follows:" (or "the law of the following state:") in any language."""

UNITS = {
    "en": r"days?|weeks?|months?|years?",
    "sv": r"dag(?:ar)?|veck(?:a|or)|månad(?:er)?|år",
    "da": r"dage?|uger?|måned(?:er)?|år",
    "de": r"Tag(?:e|en)?|Wochen?|Monat(?:e|en)?|Jahr(?:e|en)?",
    "nb": r"dag(?:er)?|uker?|måned(?:er)?|år",
    "fi": r"päivä(?:ä|n)?|viikko(?:a)?|kuukau(?:si|tta|den)|vuo(?:si|tta|den)",
}


def small_numbers(language: str) -> int:
    """The highest number the language writes in words (its catalog's list decides)."""
    return len(Language(language)._(NUMBER_WORDS).split("|")) + 1


def problems(text: str, language: str) -> list[str]:
    """Sentences of `text` that break the style guide, with what is wrong."""
    found = [f"slot after a colon: {m.group(0)!r}" for m in AS_FOLLOWS.finditer(text)]
    units = UNITS[language.split("-")[0].split("_")[0]]
    most = small_numbers(language)
    for line in text.splitlines():
        if line.startswith("|"):  # a table cell: digits are right there
            continue
        for match in re.finditer(rf"(?<![\d.,/§-])\b(\d+)\s+(?:{units})\b", line):
            if 1 <= int(match.group(1)) <= most:
                found.append(f"small number in digits: {match.group(0)!r}")
    return found


def test_the_checks_find_what_they_look_for() -> None:
    assert problems("Changes are notified as follows: email.", "en")
    assert problems("Ændringer meddeles på følgende måde: e-mail.", "da")
    assert problems("Für den Vertrag gilt das Recht des folgenden Staates: Deutschland.", "de")
    assert problems("Muutoksista ilmoitetaan seuraavasti: sähköposti.", "fi")
    assert problems("Gebyrerne opkræves pr. faktureringsperiode på 1 måned.", "da")
    assert problems("Vi svarar senast inom 1 månad.", "sv")
    assert problems("Irtisanomisaika on 1 kuukausi.", "fi")
    assert problems("Die Frist beträgt 3 Monate.", "de")
    assert not problems("Die Widerrufsfrist beträgt vierzehn Tage.", "de")
    assert not problems("within 14 days, for 24 months, under Article 6(1)", "en")
    assert not problems("| _ga | 2 years |", "en")
    assert not problems("Irtisanomisaika on 12 kuukautta.", "fi")  # Finnish words end at ten


def data_files() -> list[Path]:
    consumer = sorted((FIXTURES / "consumer").glob("*-*.yml"))
    sites = [FIXTURES / "sites" / s / "legal.yml" for s in ("da-en", "de-en", "fi-en", "nb-en")]
    return [DEMO, *sites, *consumer]


@pytest.mark.parametrize("path", data_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_document_reads_as_prose_in_every_language(path: Path) -> None:
    own = {"legal.yml": ("en", "sv")}.get(path.name) if path == DEMO else None
    if own is None:
        own = (path.parent.name[:2], "en") if path.name == "legal.yml" else tuple(LANGUAGES)
    data = load_data(path, own)  # clauses in every language; the data's texts fall back
    found = []
    for document in documents.available(data):
        for code in LANGUAGES:
            language = Language(code, default="en", fallback=True)
            text = documents.render(data, document, language).to_markdown()
            found += [f"{document} [{code}]: {p}" for p in problems(text, code)]
    assert not found, "\n".join(found)
