"""History: frozen texts, release, integrity, and which version is shown on which date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mkdocs_legal.cli import main
from mkdocs_legal.core.history import digest, frozen, parse, scan
from mkdocs_legal.core.project import Project
from mkdocs_legal.core.siteconfig import find_settings

FIXTURES = Path(__file__).parent / "fixtures"
BASIC = (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8")

MKDOCS_YML = """\
site_name: Test
theme: {name: material}
plugins:
  - legal:
      timezone: Europe/Stockholm
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, default: true, name: English}
        - {locale: sv, name: Svenska}
"""

V2 = """\
  - effective: 2025-03-01
    version: "2.0"
    published: 2025-01-20
    material: true
    summary:
      en: We now use a newsletter tool.
      sv: Vi använder nu ett nyhetsbrevsverktyg.
"""


def site(tmp_path: Path, data: str = BASIC) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "legal.yml").write_text(data, encoding="utf-8")
    return tmp_path / "legal.yml"


def project(data_file: Path) -> Project:
    settings = find_settings(data_file, data_file.parent)
    return Project.open(settings, settings.languages)


def release(data_file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["release", str(data_file)])
    out, err = capsys.readouterr()
    return code, out, err


def add_version(data_file: Path, entry: str = V2, org: str | None = None) -> None:
    text = data_file.read_text(encoding="utf-8") + entry
    if org:
        text = text.replace("name: Fjällsjö Konsult AB", f"name: {org}", 1)
    data_file.write_text(text, encoding="utf-8")


# --- frozen files ----------------------------------------------------------------------------


def test_frozen_file_round_trip_and_hash_of_lf_body(tmp_path: Path) -> None:
    item = frozen("privacy", "sv", 'v "2"', date(2025, 3, 1), "# Titel\r\n\r\nText\r\n\r\n")
    assert item.body == "# Titel\n\nText\n"
    assert item.sha256 == digest("# Titel\n\nText\n") == digest("# Titel\r\n\r\nText")
    again = parse(tmp_path / "x.md", item.dump())
    assert again.body == item.body and again.version == 'v "2"' and again.intact


@pytest.mark.parametrize(
    "text, message",
    [
        ("# no front matter\n", "starts with"),
        ("---\ndocument: privacy\n", "no closing"),
        ("---\ndocument: privacy\ncolour: red\n---\nx\n", "unexpected front matter"),
        ("---\ndocument: privacy\n---\nx\n", "lacks language"),
    ],
)
def test_malformed_frozen_files_are_findings(tmp_path: Path, text: str, message: str) -> None:
    folder = tmp_path / "privacy"
    folder.mkdir()
    (folder / "2025-03-01.en.md").write_text(text, encoding="utf-8")
    found = scan(tmp_path)
    assert not found.texts
    assert [f.code for f in found.findings] == ["LGL204"]
    assert message in found.findings[0].message
    assert found.findings[0].file.endswith("2025-03-01.en.md")


def test_a_moved_frozen_file_is_refused(tmp_path: Path) -> None:
    item = frozen("privacy", "en", "1", date(2025, 3, 1), "text")
    (tmp_path / "cookies").mkdir()
    (tmp_path / "cookies" / "2025-03-01.en.md").write_text(item.dump(), encoding="utf-8")
    assert "moved or renamed" in scan(tmp_path).findings[0].message


# --- release ---------------------------------------------------------------------------------


def test_release_freezes_every_document_and_language_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    code, out, _ = release(data_file, capsys)
    assert code == 0
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert "legal-history/privacy/2024-05-01.en.md" in files
    assert "legal-history/privacy/2024-05-01.sv.md" in files
    text = (tmp_path / "legal-history/privacy/2024-05-01.sv.md").read_text(encoding="utf-8")
    assert re.search(r"^sha256: \"[0-9a-f]{64}\"$", text, re.MULTILINE)
    assert 'version: "1.0"' in text and 'effective: "2024-05-01"' in text
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.md")}
    code, out, _ = release(data_file, capsys)
    assert code == 0 and "already released and unchanged" in out
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.md")} == before


def test_release_refuses_to_rewrite_a_changed_text_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    assert release(data_file, capsys)[0] == 0
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.md")}
    data_file.write_text(BASIC.replace("Fjällsjö Konsult AB", "Fjällsjö Konsult Aktiebolag"))
    code, _, err = release(data_file, capsys)
    assert code == 1
    assert "never rewritten" in err and "nothing written" in err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.md")} == before


def test_release_of_a_version_for_some_documents_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cookies = (
        "cookies:\n  items:\n    - {name: sid, provider: first_party, purpose: Log-in,"
        " category: necessary, duration: session, type: http_cookie}\n"
    )
    data = BASIC.replace("versions:\n", cookies + "versions:\n")
    data_file = site(tmp_path, data)
    assert release(data_file, capsys)[0] == 0
    add_version(
        data_file, V2.replace("material: true\n", "material: true\n    documents: [privacy]\n")
    )
    code, out, err = release(data_file, capsys)
    assert code == 0, err
    assert "privacy/2025-03-01.en.md" in out and "cookies/2025-03-01" not in out


# --- publication on a date -------------------------------------------------------------------


def states(data_file: Path, on: date) -> list[tuple[str, str, bool]]:
    timeline = project(data_file).publication(on).timeline("privacy", "en")
    return [(v.effective.isoformat(), v.state, v.body is not None) for v in timeline.versions]


def test_states_before_on_and_after_an_effective_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    assert release(data_file, capsys)[0] == 0
    add_version(data_file, org="Fjällsjö Konsult Aktiebolag")
    assert states(data_file, date(2025, 2, 28)) == [
        ("2024-05-01", "current", True),
        ("2025-03-01", "upcoming", True),
    ]
    for day in (date(2025, 3, 1), date(2026, 1, 1)):
        assert states(data_file, day) == [
            ("2024-05-01", "superseded", True),
            ("2025-03-01", "current", True),
        ]
    publication = project(data_file).publication(date(2025, 2, 28))
    shown = publication.timeline("privacy", "sv").shown
    assert shown.effective == date(2024, 5, 1)
    assert "Fjällsjö Konsult AB" in (shown.body or "")
    assert "Aktiebolag" not in (shown.body or "")
    assert not publication.findings


def test_the_in_force_text_must_be_frozen(tmp_path: Path) -> None:
    data_file = site(tmp_path)
    add_version(data_file)
    publication = project(data_file).publication(date(2025, 2, 1))
    assert len(publication.findings) == 2  # one per language
    finding = publication.findings[0]
    assert finding.code == "LGL203" and finding.severity == "error"
    assert "mkdocs-legal release" in finding.message
    assert "privacy/2024-05-01" in finding.file.replace("\\", "/")
    # once the new version is in force, the old one simply has no page
    assert not project(data_file).publication(date(2025, 3, 1)).findings


def test_tampering_and_unrecorded_edits_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    assert release(data_file, capsys)[0] == 0
    frozen_file = tmp_path / "legal-history/privacy/2024-05-01.en.md"
    frozen_file.write_text(
        frozen_file.read_text(encoding="utf-8").replace("Fjällsjö", "Fjallsjo"), encoding="utf-8"
    )
    data_file.write_text(BASIC.replace("Fjällsjö Konsult AB", "Fjällsjö Konsult Aktiebolag"))
    codes = sorted(f.code for f in project(data_file).publication(date(2025, 1, 1)).findings)
    assert codes == ["LGL201", "LGL202", "LGL202"]


def test_removing_a_released_version_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    add_version(data_file)
    assert release(data_file, capsys)[0] == 0
    data_file.write_text(BASIC, encoding="utf-8")
    findings = project(data_file).publication(date(2025, 1, 1)).findings
    assert {f.code for f in findings} == {"LGL205"}


def test_links_in_frozen_texts_are_tokens_not_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    assert release(data_file, capsys)[0] == 0
    text = (tmp_path / "legal-history/privacy/2024-05-01.en.md").read_text(encoding="utf-8")
    assert "(<legal:changelog>)" in text
    assert ".md>)" not in text


# --- diff and status -------------------------------------------------------------------------


def test_diff_shows_word_changes_between_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    assert release(data_file, capsys)[0] == 0
    add_version(data_file, org="Fjällsjö Konsult Aktiebolag")
    code = main(
        ["diff", str(data_file), "--document", "privacy", "--lang", "en",
         "--from", "2024-05-01", "--to", "2025-03-01"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Aktiebolag" in out and "AB" in out
    assert main(["diff", str(data_file), "--document", "privacy", "--from", "2023-01-01"]) == 1
    assert "no version of 2023-01-01" in capsys.readouterr().err
    assert main(["diff", str(data_file), "--document", "privacy", "--from", "01/05/2024"]) == 2


def test_status_says_when_a_release_is_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    assert main(["status", str(data_file)]) == 1
    assert "not released" in capsys.readouterr().out
    assert release(data_file, capsys)[0] == 0
    assert main(["status", str(data_file)]) == 0
    out = capsys.readouterr().out
    assert "privacy" in out and "2024-05-01" in out and "ok" in out
    data_file.write_text(BASIC.replace("Fjällsjö Konsult AB", "Fjällsjö Konsult Aktiebolag"))
    assert main(["status", str(data_file), "--format", "json"]) == 1
    assert '"release": "changed"' in capsys.readouterr().out


def test_render_prints_any_version_with_a_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    assert release(data_file, capsys)[0] == 0
    add_version(data_file, org="Fjällsjö Konsult Aktiebolag")
    render = ["render", str(data_file), "--document", "privacy", "--lang", "sv", "--version"]
    assert main([*render, "2024-05-01"]) == 0
    old = capsys.readouterr().out
    assert "Fjällsjö Konsult AB" in old and "Aktiebolag" not in old
    assert main([*render, "2025-03-01"]) == 0
    assert "Fjällsjö Konsult Aktiebolag" in capsys.readouterr().out
    assert main([*render, "2020-01-01"]) == 1
    assert "no version of 2020-01-01" in capsys.readouterr().err
    assert main([*render, "1 May 2024"]) == 2


# --- stale translations ----------------------------------------------------------------------

PURPOSE_EN = "en: To deliver the consulting services our customers order"
PURPOSE_SV = "sv: För att leverera de konsulttjänster som våra kunder beställer"


def test_a_changed_text_with_an_unchanged_translation_is_flagged_until_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = site(tmp_path)
    original = data_file.read_text(encoding="utf-8")
    assert PURPOSE_EN in original and PURPOSE_SV in original
    assert release(data_file, capsys)[0] == 0
    assert (tmp_path / "legal-history/texts/2024-05-01.json").is_file()
    # a new version entry alone changes no text
    add_version(data_file)
    assert not project(data_file).stale_translations()
    data_file.write_text(
        data_file.read_text(encoding="utf-8").replace(PURPOSE_EN, PURPOSE_EN + " by email"),
        encoding="utf-8",
    )
    [finding] = project(data_file).stale_translations()
    assert finding.code == "LGL106" and finding.severity == "warning"
    assert "the en text changed" in finding.message and "sv" in finding.message
    assert finding.path.startswith("purposes[") and finding.file.endswith("legal.yml")
    line = data_file.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert "en: To deliver" in line
    assert main(["check", str(data_file)]) == 0
    assert "LGL106" in capsys.readouterr().out
    assert main(["check", "--strict", str(data_file)]) == 1
    capsys.readouterr()
    # translating it too clears the warning; so does releasing the version
    both = data_file.read_text(encoding="utf-8").replace(PURPOSE_SV, PURPOSE_SV + " per e-post")
    data_file.write_text(both, encoding="utf-8")
    assert not project(data_file).stale_translations()
    data_file.write_text(both.replace(PURPOSE_SV + " per e-post", PURPOSE_SV), encoding="utf-8")
    assert project(data_file).stale_translations()
    assert release(data_file, capsys)[0] == 0
    assert not project(data_file).stale_translations()
