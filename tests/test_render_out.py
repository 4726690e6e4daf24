"""`mkdocs-legal render`: files for hosts that cannot run the plugin, linked to each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES

from mkdocs_legal.cli import main
from mkdocs_legal.core.owned import RECORD

CONFIG = """\
site_name: Fjällsjö Konsult
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, default: true, name: English}
        - {locale: sv, name: Svenska}
  - legal:
      data: legal.yml
      today: "2025-01-15"
"""

COOKIES = """\
cookies:
  last_reviewed: 2024-04-01
  items:
    - name: _stats
      provider: first_party
      purpose: {en: Counts visits, sv: Räknar besök}
      category: statistics
      duration: P12M
      type: http_cookie
"""

LINK = re.compile(r"\]\(<?([^)>]*)>?\)")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The fixture data file (one version, in force) with a cookie, beside an en+sv mkdocs.yml."""
    text = (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8")
    keys = [line for line in text.splitlines() if line[:1].isalpha()]
    assert keys[-1] == "versions:"  # the last key: `add_version` appends to it
    (tmp_path / "legal.yml").write_text(text.replace("versions:", COOKIES + "versions:"), "utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def add_version(site: Path, effective: str) -> None:
    data = site / "legal.yml"
    text = data.read_text(encoding="utf-8").replace("P7Y", "P10Y")
    text += f"  - effective: {effective}\n    version: '2.0'\n"
    data.write_text(text, encoding="utf-8")


def written(out: Path) -> list[Path]:
    """The pages in `out`, without the record of what `render` wrote there."""
    assert (out / RECORD).is_file()
    return [p for p in out.iterdir() if p.name != RECORD]


def local_links(text: str) -> list[str]:
    return [t for t in LINK.findall(text) if not re.match(r"(https?|mailto|tel):", t)]


def test_out_writes_every_document_and_the_changelog_linked_to_each_other(site: Path) -> None:
    out = site / "out"
    assert main(["render", str(site / "legal.yml"), "--out", str(out)]) == 0
    names = sorted(p.name for p in written(out))
    assert names == [
        f"{p}.{lang}.md" for p in ("changelog", "cookies", "privacy") for lang in ("en", "sv")
    ]
    for path in written(out):
        text = path.read_text(encoding="utf-8")
        assert "legal:" not in text
        language = path.name.split(".")[1]
        for target in local_links(text):
            file, _, _fragment = target.partition("#")
            assert file.endswith(f".{language}.md"), (path.name, target)
            assert (out / file).is_file(), (path.name, target)
    privacy = (out / "privacy.sv.md").read_text(encoding="utf-8")
    assert "(<cookies.sv.md>)" in privacy and "(<changelog.sv.md>)" in privacy
    assert "(<cookies.sv.md#manage>)" in (out / "cookies.sv.md").read_text(encoding="utf-8")
    changelog = (out / "changelog.en.md").read_text(encoding="utf-8")
    assert "[Privacy policy](<privacy.en.md>)" in changelog


def test_stdout_links_to_the_same_file_names(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(site / "legal.yml"), "--document", "privacy", "--lang", "sv"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Integritetspolicy")
    assert "legal:" not in text
    assert {t.partition("#")[0] for t in local_links(text)} == {"cookies.sv.md", "changelog.sv.md"}


def test_out_with_one_document_writes_no_changelog(site: Path) -> None:
    out = site / "out"
    assert (
        main(["render", str(site / "legal.yml"), "--out", str(out), "--document", "privacy"]) == 0
    )
    assert sorted(p.name for p in written(out)) == ["privacy.en.md", "privacy.sv.md"]


def test_out_publishes_the_version_in_force_and_stdout_the_newest(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(site / "legal.yml")
    assert main(["release", data]) == 0
    add_version(site, "2025-06-01")  # upcoming on the build date, 2025-01-15
    out = site / "out"
    assert main(["render", data, "--out", str(out)]) == 0
    capsys.readouterr()
    in_force = (out / "privacy.en.md").read_text(encoding="utf-8")
    assert "seven years" in in_force and "ten years" not in in_force
    changelog = (out / "changelog.en.md").read_text(encoding="utf-8")
    assert "June 1, 2025" in changelog and "upcoming" in changelog
    assert changelog.count("(<privacy.en.md>)") == 1  # the text in force; 2.0 has no file yet
    assert main(["render", data, "--document", "privacy", "--lang", "en"]) == 0
    assert "ten years" in capsys.readouterr().out


def test_out_refuses_when_the_text_in_force_was_never_frozen(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_version(site, "2025-06-01")  # 1.0 is in force, but only 2.0 can be rendered
    out = site / "out"
    assert main(["render", str(site / "legal.yml"), "--out", str(out)]) == 1
    assert "LGL203" in capsys.readouterr().err
    assert not out.exists()


# --- never overwrite a file render did not write (issue 14, item 6) ---------------------------


def test_out_refuses_to_replace_a_users_file_and_writes_nothing(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = site / "docs"
    out.mkdir()
    mine = out / "privacy.sv.md"
    mine.write_text("# Min egen policy\n", encoding="utf-8")
    assert main(["render", str(site / "legal.yml"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{mine} exists and was not written by mkdocs-legal" in err and "nothing written" in err
    assert mine.read_text(encoding="utf-8") == "# Min egen policy\n"
    assert sorted(p.name for p in out.iterdir()) == ["privacy.sv.md"]


def test_out_replaces_its_own_files_but_not_an_edited_one(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, out = str(site / "legal.yml"), site / "docs"
    assert main(["render", data, "--out", str(out)]) == 0
    assert main(["render", data, "--out", str(out)]) == 0  # the same files again
    text = (site / "legal.yml").read_text(encoding="utf-8").replace("P7Y", "P10Y")
    (site / "legal.yml").write_text(text, encoding="utf-8")
    assert main(["render", data, "--out", str(out)]) == 0  # its own files, changed
    assert "ten years" in (out / "privacy.en.md").read_text(
        encoding="utf-8"
    )  # small numbers in words
    edited = out / "privacy.en.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA note of mine.\n", "utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    text = text.replace("P10Y", "P9Y")
    (site / "legal.yml").write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["render", data, "--out", str(out)]) == 1
    assert "was written by mkdocs-legal but edited since" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_out_refuses_a_link_or_folder_in_the_way(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = site / "docs"
    (out / "privacy.en.md").mkdir(parents=True)
    (out / "privacy.sv.md").symlink_to(site / "legal.yml")
    assert main(["render", str(site / "legal.yml"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("is not a file written by mkdocs-legal") == 2
    assert (site / "legal.yml").read_text(encoding="utf-8").startswith("#")
