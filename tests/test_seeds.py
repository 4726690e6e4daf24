"""The five real policies, as data files: their facts reach the page, their defects cannot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_legal.core import documents
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.source import Options, load_valid

SEEDS = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*.yml"))


@pytest.fixture(params=SEEDS, ids=lambda p: p.stem)
def seed(request: pytest.FixtureRequest):
    return load_valid(request.param, Options(("en", "sv")))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_seed_facts_are_on_the_privacy_page(seed, lang: str) -> None:
    data = seed.data
    text = documents.render(data, "privacy", Language(lang)).to_markdown()
    flat = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text)
    assert data.organisation.name in flat
    for email in filter(None, [data.organisation.email, data.organisation.privacy_email]):
        assert email in flat
    language = Language(lang)
    for purpose in data.purposes:
        assert language.text(purpose.description).strip() in flat
    for recipient in data.recipients:
        if recipient.name:
            assert recipient.name in flat
    assert len(re.findall(r"^## \d+\. ", text, re.M)) >= 8


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_seed_defects_cannot_recur(seed, lang: str) -> None:
    text = documents.render(seed.data, "privacy", Language(lang)).to_markdown()
    numbers = [int(n) for n in re.findall(r"^## (\d+)\. ", text, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)), "numbering is computed"
    assert not re.search(r"\[(X|…|\.\.\.)\]", text), "no placeholders"
    assert "PUL" not in text, "repealed law"
    assert "laglig grund" not in text.lower() and "legitimt intresse" not in text.lower()
    paragraphs = [p for p in text.split("\n\n") if len(p) > 80]
    assert len(paragraphs) == len(set(paragraphs)), "no duplicated paragraphs"
    assert "Article 77" in text or "artikel 77" in text
