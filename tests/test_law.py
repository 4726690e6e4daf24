"""The law files: every shipped topic loads, and every fact in it names its source."""

from __future__ import annotations

from importlib.resources import files

import pytest

from mkdocs_legal.core import law

TOPICS = sorted(
    p.name.removesuffix(".yml")
    for p in files("mkdocs_legal.core.law").iterdir()
    if p.name.endswith(".yml")
)


def test_there_are_law_files() -> None:
    assert "regions" in TOPICS


@pytest.mark.parametrize("name", TOPICS)
def test_every_entry_names_its_source(name: str) -> None:
    entries = law.topic(name)
    assert entries
    for key, entry in entries.items():
        source = entry["source"]
        assert source, key


def test_regions() -> None:
    eu = set(law.fact("regions", "EU", "members"))
    assert len(eu) == 27 and "GB" not in eu and "GR" in eu
    assert set(law.fact("regions", "EEA_EFTA", "members")) == {"IS", "LI", "NO"}


def test_a_missing_fact_gives_the_default() -> None:
    assert law.fact("regions", "XX", "members", ()) == ()


def test_consumer_law_names_each_body_and_act_in_english_and_its_own_language() -> None:
    own = {"SE": "sv", "DK": "da", "DE": "de", "NO": "nb", "FI": "fi"}
    for country, language in own.items():
        for field in ("withdrawal_act", "guarantee", "adr"):
            entry = law.fact("consumer", country, field)
            names = entry.get("name", entry) if field != "withdrawal_act" else entry
            assert set(names) == {"en", language}, (country, field)
        assert law.fact("consumer", country, "adr")["url"].startswith("https://")
    assert law.fact("consumer", "DE", "adr_statement") is True
    assert law.fact("consumer", "NO", "rome_i") is False


def test_no_consumer_fact_links_the_closed_odr_platform() -> None:
    text = (files("mkdocs_legal.core.law") / "consumer.yml").read_text(encoding="utf-8")
    assert "ec.europa.eu/consumers/odr" not in text
