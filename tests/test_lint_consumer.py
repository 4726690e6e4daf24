"""Lint rules of consumer terms (core/checks/consumer.py): binding periods, the form of notice,
clauses that take away statutory rights, the German cancellation button and § 36 VSBG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DEMO

from mkdocs_legal.core.lint import RULES
from mkdocs_legal.core.source import Options, check


def findings(tmp_path: Path, audience: str = "b2c", **terms: Any) -> list[tuple[str, str, str]]:
    """(code, path, message) of the consumer rules for the demo as consumer terms."""
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    data["audience"] = audience
    data["terms"].update({"refunds": "pro_rata", **terms})
    data["terms"] = {k: v for k, v in data["terms"].items() if v is not None}
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = check(path, Options(("en", "sv"))).findings
    codes = {"LGL028", "LGL029", "LGL030", "LGL108", "LGL109"}
    return [(f.code, f.path, f.message) for f in found if f.code in codes]


GERMAN = {"governing_law": "DE", "cancellation_button": True, "dispute_resolution": "not_willing"}


def codes(found: list[tuple[str, str, str]]) -> list[str]:
    return sorted(code for code, _, _ in found)


def test_the_rules_are_registered_with_their_severity() -> None:
    assert [RULES[c].severity for c in ("LGL028", "LGL029", "LGL030")] == ["error"] * 3
    assert [RULES[c].severity for c in ("LGL108", "LGL109")] == ["warning"] * 2


def test_german_consumer_terms_that_say_everything_pass(tmp_path: Path) -> None:
    assert findings(tmp_path, **GERMAN) == []


def test_danish_binding_period_over_six_months_is_an_error(tmp_path: Path) -> None:
    found = findings(tmp_path, governing_law="DK", binding_period="P12M")
    assert [(c, p) for c, p, _ in found] == [("LGL028", "terms.binding_period")]
    assert "forbrugeraftaleloven § 28" in found[0][2] and "six months" in found[0][2]
    assert findings(tmp_path, governing_law="DK", binding_period="P6M") == []
    assert findings(tmp_path, "b2b", governing_law="DK", binding_period="P12M") == []


def test_no_limit_where_the_country_has_none_known(tmp_path: Path) -> None:
    assert findings(tmp_path, governing_law="SE", binding_period="P3Y") == []


@pytest.mark.parametrize(
    "channel",
    [
        "by registered letter to our office",
        {"en": "by email", "sv": "med rekommenderat brev"},
        {"en": "in a signed letter", "sv": "via e-post"},
        "per Einschreiben",
    ],
)
def test_notice_stricter_than_text_form_is_an_error_in_germany(
    tmp_path: Path, channel: Any
) -> None:
    found = findings(tmp_path, termination={"channel": channel}, **GERMAN)
    assert codes(found) == ["LGL029"]
    assert found[0][1].startswith("terms.termination.channel")
    assert "§ 309 Nr. 13 BGB" in found[0][2]


def test_text_form_passes_and_other_countries_are_not_judged(tmp_path: Path) -> None:
    email = {"channel": {"en": "by email to info@x.de", "sv": "via e-post till info@x.de"}}
    assert findings(tmp_path, termination=email, **GERMAN) == []
    letter = {"channel": "by registered letter"}
    assert findings(tmp_path, governing_law="SE", termination=letter) == []


def test_denmark_allows_no_form_requirement_either(tmp_path: Path) -> None:
    letter = {"channel": {"en": "by registered letter", "sv": "med rekommenderat brev"}}
    found = findings(tmp_path, governing_law="DK", termination=letter)
    assert codes(found) == ["LGL029"] and "§ 28 a" in found[0][2]


@pytest.mark.parametrize(
    "text",
    [
        "We exclude all liability, including for gross negligence.",
        "Wir haften nicht für Vorsatz.",
        "Vi ansvarar inte för personskador.",
        "The customer waives the right of withdrawal.",
        "Asiakas luopuu peruuttamisoikeudesta.",
        "Nous excluons toute responsabilité, y compris en cas de faute lourde.",
        "El cliente renuncia al derecho de desistimiento.",
        "Il cliente rinuncia al diritto di recesso.",
        "Wij zijn niet aansprakelijk voor letselschade.",
        "Nie ponosimy odpowiedzialności za szkody wyrządzone umyślnie.",
        "Não somos responsáveis por danos pessoais.",
    ],
)
def test_clauses_that_take_away_statutory_rights_are_errors(tmp_path: Path, text: str) -> None:
    found = findings(tmp_path, liability=text)
    assert [(c, p) for c, p, _ in found] == [("LGL030", "terms.liability")]


@pytest.mark.parametrize(
    "text",
    [
        "We are not liable for indirect loss; this does not apply to intent or gross negligence.",
        "Our liability for death or personal injury is not excluded.",
        "Die Haftung für Vorsatz und grobe Fahrlässigkeit bleibt unberührt.",
        "We are not liable for lost profit.",
        "We accept no liability for legal costs of third parties.",
        "Notre responsabilité pour faute lourde n'est pas exclue.",
        "La responsabilidad por dolo o culpa grave no queda excluida.",
        "Nie wyłącza to odpowiedzialności za szkody wyrządzone umyślnie.",
    ],
)
def test_carve_outs_and_ordinary_limits_pass(tmp_path: Path, text: str) -> None:
    assert findings(tmp_path, liability=text) == []


def test_the_waiver_rule_reads_custom_sections_and_only_consumer_terms(tmp_path: Path) -> None:
    text = {"en": "We accept no liability for gross negligence.", "sv": "Inget ansvar."}
    assert codes(findings(tmp_path, liability=text)) == ["LGL030"]
    assert findings(tmp_path, "b2b", liability=text) == []


def test_german_subscriptions_need_the_cancellation_button(tmp_path: Path) -> None:
    found = findings(tmp_path, **{**GERMAN, "cancellation_button": None})
    assert codes(found) == ["LGL108"] and "§ 312k BGB" in found[0][2]
    once = {**GERMAN, "cancellation_button": None, "binding_period": None,
            "billing_period": None, "renewal": "none"}  # fmt: skip
    assert findings(tmp_path, **once) == []  # a one-off sale is no subscription
    assert findings(tmp_path, governing_law="SE", binding_period="P1M") == []


def test_german_terms_must_say_whether_they_take_part_in_dispute_resolution(
    tmp_path: Path,
) -> None:
    found = findings(tmp_path, **{**GERMAN, "dispute_resolution": None})
    assert codes(found) == ["LGL109"] and "§ 36 VSBG" in found[0][2]
