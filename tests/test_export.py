"""`mkdocs-legal export` and `mkdocs-legal consent`: the plugin's output for other generators.

The demo site is built once with the plugin (and a hook that records what the plugin set,
`benchmarks/capture.py`), then exported and built with plain MkDocs, no plugin: the legal
pages must be the same. The rest is the command's contract: file names per layout, a
record of what it wrote, host files left alone, bad input refused like `check`.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DEMO, ROOT, cli
from legal_pages import compare_sites, demo_site, run, tool

from mkdocs_legal.core.export import RECORD

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CAPTURE = ROOT / "benchmarks" / "capture.py"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, with its bytes (to see that nothing changed)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built with the plugin into `plugin-site`, its `extra.consent` per
    language recorded in `capture.json`."""
    root = demo_site(tmp_path_factory.mktemp("demo"))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(CAPTURE)]
    (root / "mkdocs.capture.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [tool("python"), "-m", "mkdocs", "build", "-q", "-f", "mkdocs.capture.yml"]
    result = run([*command, "-d", str(root / "plugin-site")], root, LEGAL_CAPTURE="capture.json")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def exported(site: Path) -> Path:
    """The demo exported into its docs folder."""
    result = cli("export", cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "docs"


def test_suffix_layout_names_pages_as_i18n_does(exported: Path) -> None:
    names = set(tree(exported))
    for name in (
        "privacy.md",
        "privacy.sv.md",
        "privacy/2025-01-15.md",
        "privacy/2025-01-15.sv.md",
        "privacy/2027-01-01/changes.sv.md",
        "changelog.md",
        "changelog.sv.md",
        "changelog/feed.xml",
        "changelog/feed.sv.xml",
        "legal.json",
        "assets/stylesheets/legal.css",
        RECORD,
    ):
        assert name in names, name
    assert "index.md" in names and "index.sv.md" in names  # the host's pages stay
    record = json.loads((exported / RECORD).read_text(encoding="utf-8"))
    assert set(record["files"]) == names - {RECORD, "index.md", "index.sv.md"}


def test_history_pages_have_front_matter_documents_do_not(exported: Path) -> None:
    version = (exported / "privacy" / "2025-01-15.sv.md").read_text(encoding="utf-8")
    front = yaml.safe_load(version.split("---\n")[1])
    assert front["search"] == {"exclude": True} and front["sitemap"] is False
    document = (exported / "privacy.sv.md").read_text(encoding="utf-8")
    assert document.startswith('<aside class="legal-banner')
    assert 'data-legal-state="current"' in document and "(<cookies.md>)" in document


def test_plain_mkdocs_build_of_the_export_is_the_plugins(site: Path, exported: Path) -> None:
    """The exported pages, built by MkDocs and Material without the plugin, are the plugin's."""
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "legal" in p)]
    capture = json.loads((site / "capture.json").read_text(encoding="utf-8"))
    config["extra"] = {"consent": capture["consent"]["en"]}  # what the user pastes (`consent`)
    (site / "mkdocs.plain.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [tool("python"), "-m", "mkdocs", "build", "-q", "-f", "mkdocs.plain.yml"]
    result = run([*command, "-d", str(site / "plain-site")], site)
    assert result.returncode == 0, result.stderr
    changelogs = ["changelog/", "sv/changelog/"]
    assert compare_sites(site / "plugin-site", site / "plain-site", changelogs) == []


def test_folder_layout(site: Path, tmp_path: Path) -> None:
    result = cli("export", "--out", str(tmp_path / "out"), "--layout", "folder", cwd=site)
    assert result.returncode == 0, result.stderr
    names = set(tree(tmp_path / "out"))
    assert {"en/privacy.md", "sv/privacy.md", "sv/privacy/2027-01-01/changes.md"} <= names
    assert {"en/changelog/feed.xml", "sv/changelog/feed.xml", "legal.json"} <= names


def test_one_language_layout_needs_one_language(site: Path, tmp_path: Path) -> None:
    result = cli("export", "--out", str(tmp_path / "out"), "--layout", "none", cwd=site)
    assert result.returncode == 2 and "one language" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_second_run_replaces_exactly_its_own_files(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("# Home\n", encoding="utf-8")
    assert cli("export", "--out", str(out), cwd=site).returncode == 0
    before = tree(out)
    # Nothing changed: nothing is written again.
    again = cli("export", "--out", str(out), cwd=site)
    assert again.returncode == 0 and " 0 written" in again.stdout
    assert tree(out) == before
    # A later day: the upcoming version is in force; pages change, the host's page stays.
    command = [tool("python"), "-m", "mkdocs_legal.cli", "export", "--out", str(out)]
    later = run(command, site, SOURCE_DATE_EPOCH="1798761600")  # 2027-01-01
    assert later.returncode == 0, later.stderr
    after = tree(out)
    assert after["index.md"] == b"# Home\n"
    assert after["privacy.md"] != before["privacy.md"]
    assert set(after) == set(before)
    # A document left out of the site: its pages go, and only they.
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    legal = next(p for p in config["plugins"] if isinstance(p, dict) and "legal" in p)
    narrowed = tmp_path / "narrowed"
    shutil.copytree(site, narrowed, ignore=shutil.ignore_patterns("*site", "docs"))
    legal["legal"]["documents"] = {"privacy": {"path": "privacy"}, "cookies": {}}
    (narrowed / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    fewer = cli("export", "--out", str(out), cwd=narrowed)
    assert fewer.returncode == 0, fewer.stderr
    left = tree(out)
    assert not [name for name in left if name.startswith("terms")]
    assert not (out / "terms").exists()
    assert {name for name in before if not name.startswith("terms")} <= set(left)


def test_a_host_file_at_an_export_path_is_refused(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    (out / "privacy").mkdir(parents=True)
    (out / "privacy" / "2025-01-15.md").write_text("# Mine\n", encoding="utf-8")
    before = tree(out)
    result = cli("export", "--out", str(out), cwd=site)
    assert result.returncode == 1
    assert "privacy/2025-01-15.md: error: not a file an earlier" in result.stderr
    assert tree(out) == before and not (out / RECORD).exists()


def test_a_symbolic_link_in_the_way_is_refused(site: Path, tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "privacy").symlink_to(elsewhere, target_is_directory=True)
    result = cli("export", "--out", str(out), cwd=site)
    assert result.returncode == 1 and "symbolic link" in result.stderr
    assert not any(elsewhere.iterdir()) and not (out / RECORD).exists()


def test_a_record_cannot_point_outside_the_folder(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    victim = tmp_path / "keep.md"
    victim.write_text("keep\n", encoding="utf-8")
    record = {"files": {"../keep.md": "0" * 64, "/etc/passwd": "0" * 64}}
    (out / RECORD).write_text(json.dumps(record), encoding="utf-8")
    assert cli("export", "--out", str(out), cwd=site).returncode == 0
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_bad_input_gives_checks_findings_and_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    text = DEMO.read_text(encoding="utf-8").replace("legal_basis: f", "legal_basis: z", 1)
    (site / "legal.yml").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "example" / "legal-history", site / "legal-history")
    out = tmp_path / "out"
    checked = cli("check", str(site / "legal.yml"), "--lang", "en,sv", cwd=tmp_path)
    exported = cli(
        "export", str(site / "legal.yml"), "--lang", "en,sv", "--out", str(out), cwd=tmp_path
    )
    assert checked.returncode == exported.returncode == 1

    def findings(output: str) -> list[str]:
        return [line for line in output.splitlines() if " error: " in line or " warning: " in line]

    assert findings(exported.stdout) == findings(checked.stdout) != []
    assert "nothing written" in exported.stderr and not out.exists()


def test_strict_refuses_warnings_as_check_does(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "legal.yml").write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(ROOT / "example" / "legal-history", site / "legal-history")
    # A prose text as a plain string in a two-language site is a warning.
    text = DEMO.read_text(encoding="utf-8")
    start = text.index("    summary:\n", text.index("versions:"))
    end = text.index("\n", text.index("sv:", start))
    (site / "legal.yml").write_text(
        text[:start] + "    summary: A plain summary." + text[end:], encoding="utf-8"
    )
    args = [str(site / "legal.yml"), "--lang", "en,sv", "--strict"]
    checked = cli("check", *args, cwd=tmp_path)
    exported = cli("export", *args, "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert checked.returncode == exported.returncode == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_consent_prints_the_plugins_settings(site: Path, language: str) -> None:
    plugin = json.loads((site / "capture.json").read_text(encoding="utf-8"))["consent"][language]
    as_json = cli("consent", "--format", "json", "--lang", language, cwd=site)
    as_yaml = cli("consent", "--format", "yaml", "--lang", language, cwd=site)
    as_toml = cli("consent", "--format", "toml", "--lang", language, cwd=site)
    assert as_json.returncode == as_yaml.returncode == as_toml.returncode == 0
    assert json.loads(as_json.stdout) == plugin
    assert yaml.safe_load(as_yaml.stdout) == {"extra": {"consent": plugin}}
    assert tomllib.loads(as_toml.stdout) == {"project": {"extra": {"consent": plugin}}}


def test_consent_without_cookies_needing_it(tmp_path: Path) -> None:
    """A data file without cookies that need consent (this one has no cookie table)."""
    from conftest import FIXTURES

    shutil.copy(FIXTURES / "sites" / "de-en" / "legal.yml", tmp_path / "legal.yml")
    result = cli("consent", str(tmp_path / "legal.yml"), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout) is None
    assert "needs no consent dialog" in result.stderr
    as_yaml = cli("consent", str(tmp_path / "legal.yml"), cwd=tmp_path)
    assert as_yaml.returncode == 0 and as_yaml.stdout == ""


def test_consent_refuses_a_language_the_site_lacks(site: Path) -> None:
    result = cli("consent", "--lang", "fi", cwd=site)
    assert result.returncode == 2 and "en, sv" in result.stderr


def test_export_is_reproducible(site: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert cli("export", "--out", str(out), cwd=site).returncode == 0
    assert tree(a) == tree(b)
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".mkdocs-legal-export-")]


def test_export_says_when_the_consent_dialog_disagrees_with_the_cookie_table(
    site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*site", "docs"))
    out = str(tmp_path / "out")
    none = cli("export", "--out", out, cwd=copy)
    assert none.returncode == 0 and "(`extra.consent` in mkdocs.yml) has none" in none.stderr
    strict = cli("export", "--out", str(tmp_path / "strict"), "--strict", cwd=copy)
    assert strict.returncode == 1 and not (tmp_path / "strict").exists()
    # Pasted: no warning; the texts of a pasted dialog are the user's, as with the plugin.
    config = yaml.safe_load((copy / "mkdocs.yml").read_text(encoding="utf-8"))
    pasted = json.loads(cli("consent", "--format", "json", cwd=copy).stdout)
    config["extra"] = {"consent": pasted}
    (copy / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    fine = cli("export", "--out", out, cwd=copy)
    assert fine.returncode == 0 and "consent" not in fine.stderr
    # A category missing from the pasted dialog: the dialog and the table disagree.
    dropped = next(iter(pasted["cookies"]))
    del pasted["cookies"][dropped]
    (copy / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    stale = cli("export", "--out", out, cwd=copy)
    assert "(`extra.consent` in mkdocs.yml) differs" in stale.stderr


def test_relative_path_is_relpath() -> None:
    import posixpath
    from itertools import product

    from mkdocs_legal.core.sitepaths import relative_path

    paths = ["privacy.md", "privacy/2025-01-15.md", "privacy/2025-01-15/changes.sv.md"]
    paths += ["sv/privacy.md", "sv/changelog.md", "legal/privacy/x.md", "changelog/feed.xml"]
    folders = ["", "privacy", "privacy/2025-01-15", "sv", "sv/privacy", "legal", "other/deep"]
    for target, folder in product(paths, folders):
        assert relative_path(target, folder) == posixpath.relpath(target, folder or "."), (
            target,
            folder,
        )


def test_time_stamped_releases_are_exported_as_the_plugin_publishes_them(tmp_path: Path) -> None:
    """`release --tsa` proof (records, tokens, texts) and `legal.json`'s time stamps."""
    from conftest import copy_fixture_site, mkdocs_build
    from tsa_support import LocalTsa, make_pki

    if shutil.which("openssl") is None and os.environ.get("CI") != "true":
        pytest.skip("openssl makes the test authority's certificates")
    pki = make_pki(tmp_path / "pki")
    root = copy_fixture_site(tmp_path / "sites", "two-languages", {}, {})
    with LocalTsa(pki) as server:
        released = cli("release", "--tsa", server.url, cwd=root)
    assert released.returncode == 0, released.stderr
    build, site = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    out = tmp_path / "out"
    exported = cli("export", "--out", str(out), cwd=root)
    assert exported.returncode == 0, exported.stderr
    assert (out / "legal.json").read_bytes() == (site / "legal.json").read_bytes()
    assert "timestamp" in (out / "legal.json").read_text(encoding="utf-8")
    proof = tree(site / "legal-proof")
    assert proof and tree(out / "legal-proof") == proof
    verified = cli("verify", str(out), "--ca", str(pki / "ca.pem"))
    assert verified.returncode == 0, verified.stdout
