"""The five real policies as data files: clean as written, and their defects are findings.

Each seed of `tests/fixtures/seeds/` restates a real policy (README.md lists its facts and
defects). Here, without building a site: every seed file passes `check` with no finding at all,
and each defect of a seed that the data file can express, written back into it, is a finding of
`mkdocs-legal check` with its code and field path. Their facts on the built pages, and the
defects no page can show, are in `test_seed_sites.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_legal import cli
from mkdocs_legal.core.source import Options, check

SEEDS_DIR = Path(__file__).parent / "fixtures" / "seeds"
SEEDS = sorted(p.stem for p in SEEDS_DIR.glob("*.yml"))


@pytest.mark.parametrize("seed", SEEDS)
def test_every_seed_file_is_clean(seed: str) -> None:
    checked = check(SEEDS_DIR / f"{seed}.yml", Options(("en", "sv")))
    assert checked.loaded is not None
    assert [f.format() for f in checked.findings] == []


@dataclass(frozen=True)
class Defect:
    """A seed's defect, written back into its data file: `pattern` → `replacement`."""

    seed: str
    what: str  # the defect, as README.md lists it (seed lines)
    pattern: str
    replacement: str
    code: str
    path: str  # the field path the finding names ("" for the file as a whole)


# The site beside the data file: without one, a file with no `versions` is checked as a base.
SITE = """\
site_name: Seed
plugins:
  - i18n:
      languages:
        - {locale: en, default: true}
        - {locale: sv}
  - legal
"""
NO_BASIS = r"    legal_basis: \w   # FILLED: not stated in the seed\n"
NO_AUTHORITY = r"supervisory_authority: \w\w .*\n"

DEFECTS = [
    Defect("calluna", "no legal basis for any purpose (47-57)", NO_BASIS, "", "LGL004",
           "purposes[0].legal_basis"),
    Defect("calluna", "no supervisory authority (103-109)", NO_AUTHORITY, "", "LGL101", ""),
    Defect("calluna", "no date or version (97-99)", r"(?s)\nversions:.*", "\n", "LGL004",
           "versions"),
    Defect("callxtra", "no legal basis except marketing consent (34-53)", NO_BASIS, "",
           "LGL004", "purposes[0].legal_basis"),
    Defect("callxtra", "only 'opt out', no way to withdraw consent (44, 75-99)",
           r"(?s)    withdraw:.*?\n(?=    provision)", "", "LGL022",
           "purposes[3].legal_basis"),
    Defect("callxtra", "no supervisory authority (75-99)", NO_AUTHORITY, "", "LGL101", ""),
    Defect("clavis", "no legal basis for any purpose (17-23)", NO_BASIS, "", "LGL004",
           "purposes[0].legal_basis"),
    Defect("clavis", "a balancing of interests that names no interest (51-55)",
           r"(?s)    legitimate_interest:   # FILLED.*?\n(?=    retention)", "", "LGL021",
           "purposes[0].legal_basis"),
    Defect("clavis", "no retention period (29, 43)", r"    retention: email_conversations\n",
           "", "LGL101", "purposes[0]"),
    Defect("clavis", "no supervisory authority (whole seed)", NO_AUTHORITY, "", "LGL101", ""),
    Defect("lhe", "the name as a template placeholder (20)", r"  name: LHe Handelsbolag\n",
           '  name: "[LHe Handelsbolag]"\n', "LGL020", "organisation.name"),
    Defect("lhe", "'max [X] månader' (55)", r"      sv: endast så länge som nödvändigt\n",
           "      sv: endast så länge som nödvändigt, max [X] månader\n", "LGL020",
           "retention.assignment.criteria.sv"),
    Defect("kirstencallesen", "statistics by consent with no way to withdraw (73-75)",
           r"(?s)    withdraw:   # FILLED.*?\n(?=    provision)", "", "LGL022",
           "purposes[4].legal_basis"),
    Defect("kirstencallesen", "Google (USA) with no transfer information (75)",
           r"(?s)    country: IE .*?(?=  - id: trustpilot)", "    country: US\n", "LGL104",
           "cookies.items[1].provider"),
    Defect("kirstencallesen", "no legal basis for any purpose (46-55)", NO_BASIS, "", "LGL004",
           "purposes[0].legal_basis"),
    Defect("callxtra", "consent by accessing or using the website (9)",
           r"products and services\.\n", "products and services. By accessing or using our "
           "website, you consent to the practices described in this policy.\n", "LGL047",
           "intro.privacy.en"),
    Defect("kirstencallesen", "consent by use: 'By using … you agree' (5)",
           r"      This privacy and personal data policy", "      By using kirstencallesen.dk/en, "
           "you agree that Kirsten Callesen processes your data. This privacy and personal "
           "data policy", "LGL047", "intro.privacy.en"),
    Defect("lhe", "basis 'avtal' for lead data, although leads are no contract party (40)",
           r"    sources: \[data_subject, customer\]\n    legal_basis: b\n",
           "    sources: [customer]\n    legal_basis: b\n", "LGL123", "purposes[0].legal_basis"),
]  # fmt: skip


def test_every_seed_has_defects_written_back() -> None:
    assert sorted({d.seed for d in DEFECTS}) == SEEDS


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda d: f"{d.seed}-{d.code}-{d.path}")
def test_a_seed_defect_written_back_is_a_finding(
    defect: Defect, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (SEEDS_DIR / f"{defect.seed}.yml").read_text(encoding="utf-8")
    text, count = re.subn(defect.pattern, defect.replacement, text, count=1)
    assert count == 1, defect.pattern
    path = tmp_path / "legal.yml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(SITE, encoding="utf-8")
    assert [(f.code, f.path) for f in check(path, Options(("en", "sv"))).findings] == [
        (defect.code, defect.path)
    ], defect.what
    code = cli.main(["check", str(path)])
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if f": {defect.code} " in x]
    assert line.startswith(f"{path}:")
    assert not defect.path or line.endswith(f"({defect.path})")
    assert code == (1 if f"{defect.code} error:" in line else 0)
