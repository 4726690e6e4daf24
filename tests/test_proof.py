"""Trusted time stamps: `release --tsa`, `verify` and `asof`, against a real RFC 3161
authority (OpenSSL's `ts -reply`, served on 127.0.0.1 by `tsa_support.LocalTsa`).

One fixture site is released twice (first without, then with a time-stamp authority),
built with MkDocs, and verified as a history folder, a built site and a site served over
HTTP; then copies are tampered with, one thing at a time.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, ROOT, cli, copy_fixture_site, mkdocs_build
from tsa_support import LocalTsa, closed_port_url, make_pki, openssl

from mkdocs_legal.core.history import scan
from mkdocs_legal.core.proof import record, tsa

pytestmark = pytest.mark.slow

Result = subprocess.CompletedProcess[str]

SECOND_VERSION = """\
  - effective: 2025-01-01
    version: "1.1"
    published: 2024-11-20
    summary:
      en: New telephone number.
      sv: Nytt telefonnummer.
"""


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def other_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA that signed nothing here: tokens must not verify against it."""
    return make_pki(tmp_path_factory.mktemp("other"), ca_name="Unrelated Root CA") / "ca.pem"


def add_second_version(root: Path) -> None:
    """A new version with another telephone number: every text changes."""
    data = root.parent.parent / "data" / "basic.yml"
    text = data.read_text(encoding="utf-8").replace("+46 31 123 45 67", "+46 31 765 43 21")
    data.write_text(text + SECOND_VERSION, encoding="utf-8")


def copy_released(released: Path, tmp_path: Path) -> Path:
    """A copy of the released site beside its data folder; returns the site's root."""
    base = tmp_path / "copy"
    shutil.copytree(released.parent.parent, base)
    return base / "sites" / released.name


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory, pki: Path) -> Path:
    """The two-language fixture site: version 1.0 released without a time stamp, then 1.1
    released with `--tsa` (which stamps both), then built."""
    root = copy_fixture_site(tmp_path_factory.mktemp("released"), "two-languages", {}, {})
    first = cli("release", cwd=root)
    assert first.returncode == 0, first.stderr
    assert not (root / "legal-history" / "releases").exists()  # without --tsa: as before
    add_second_version(root)
    with LocalTsa(pki) as server:
        done = cli("release", "--tsa", server.url, cwd=root)
        assert server.requests == 2  # one token per version
    assert done.returncode == 0, done.stderr
    assert "time-stamped 2024-05-01 (2 text(s)) by Test TSA" in done.stdout
    assert "time-stamped 2025-01-01 (2 text(s)) by Test TSA" in done.stdout
    build, _site = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    return root


def verify(target: Path | str, *extra: str, cwd: Path = ROOT) -> Result:
    return cli("verify", str(target), *extra, cwd=cwd)


def problems(result: Result) -> list[str]:
    return result.stdout.splitlines()[:-1]


# --- the record and the release ----------------------------------------------------------


def test_record_is_what_sha256sum_prints(released: Path) -> None:
    history = released / "legal-history"
    data = (history / "releases" / "2025-01-01.sha256").read_bytes()
    lines = data.decode().splitlines()
    assert [line.split("  ")[1] for line in lines] == [
        "privacy/2025-01-01.en.md",
        "privacy/2025-01-01.sv.md",
    ]
    for line in lines:
        digest, path = line.split("  ")
        assert hashlib.sha256((history / path).read_bytes()).hexdigest() == digest
    checked = subprocess.run(
        ["sha256sum", "--strict", "-c", "releases/2025-01-01.sha256"],
        cwd=history,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert record.parse_record(data) == {line.split("  ")[1]: line.split("  ")[0] for line in lines}


def test_openssl_verifies_the_token_over_the_record(released: Path, pki: Path) -> None:
    """A third party needs no mkdocs-legal: OpenSSL checks the token over the record."""
    releases = released / "legal-history" / "releases"
    checked = subprocess.run(
        [openssl(), "ts", "-verify", "-data", "2024-05-01.sha256", "-in", "2024-05-01.tsr",
         "-CAfile", str(pki / "ca.pem")],
        cwd=releases, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr


def test_description_says_what_the_token_says(released: Path) -> None:
    info = json.loads((released / "legal-history/releases/2024-05-01.json").read_text())
    assert info["authority"] == "Test TSA"
    assert info["record"] == "2024-05-01.sha256" and info["token"] == "2024-05-01.tsr"
    assert info["time"].endswith("Z") and info["effective"] == "2024-05-01"


def test_release_again_needs_no_new_token(released: Path, tmp_path: Path, pki: Path) -> None:
    root = copy_released(released, tmp_path)
    before = snapshot(root / "legal-history")
    with LocalTsa(pki) as server:
        done = cli("release", "--tsa", server.url, cwd=root)
        assert server.requests == 0
    assert done.returncode == 0, done.stderr
    assert "every released version is already time-stamped" in done.stdout
    assert snapshot(root / "legal-history") == before


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("down", "cannot reach the time-stamp authority at http://127.0.0.1:"),
        ("error", "refused the request: HTTP 503"),
        ("reject", "the authority refused the request: status rejection"),
        ("mismatch", "message imprint is not the hash of the record"),
    ],
)
def test_failed_request_writes_nothing(mode: str, message: str, tmp_path: Path, pki: Path) -> None:
    root = copy_fixture_site(tmp_path, "two-languages", {}, {})
    assert cli("release", cwd=root).returncode == 0
    add_second_version(root)
    before = snapshot(root / "legal-history")
    if mode == "down":
        done = cli("release", "--tsa", closed_port_url(), cwd=root)
    else:
        with LocalTsa(pki, mode) as server:
            done = cli("release", "--tsa", server.url, cwd=root)
            assert server.requests == 1
    assert done.returncode == 1
    assert message in done.stderr
    assert "release stopped: nothing written" in done.stderr
    assert snapshot(root / "legal-history") == before  # not even the new version's texts


def test_a_replayed_answer_is_refused(pki: Path) -> None:
    """The same record asked twice: the second answer is the first one again (right
    imprint, the first request's nonce)."""
    with LocalTsa(pki, "replay") as server:
        tsa.request_token(server.url, b"one record\n")
        with pytest.raises(tsa.TsaError, match="nonce is not the request's"):
            tsa.request_token(server.url, b"one record\n")


def test_tsa_option_in_mkdocs_yml(tmp_path: Path, pki: Path) -> None:
    with LocalTsa(pki) as server:
        root = copy_fixture_site(tmp_path, "one-language", {}, {"tsa": server.url})
        done = cli("release", cwd=root)
        assert server.requests == 1
    assert done.returncode == 0, done.stderr
    assert (root / "legal-history" / "releases" / "2024-05-01.tsr").is_file()
    build, _site = mkdocs_build(root)  # the build accepts the option and never connects
    assert build.returncode == 0, build.stderr


def test_a_tampered_text_is_not_time_stamped(released: Path, tmp_path: Path, pki: Path) -> None:
    root = copy_released(released, tmp_path)
    text = root / "legal-history/privacy/2024-05-01.sv.md"
    text.write_text(text.read_text(encoding="utf-8") + "Edited.\n", encoding="utf-8")
    (root / "legal-history/releases/2024-05-01.json").unlink()  # as if never stamped
    with LocalTsa(pki) as server:
        done = cli("release", "--tsa", server.url, cwd=root)
        assert server.requests == 0
    assert done.returncode == 1
    assert "privacy/2024-05-01.sv.md" in done.stderr and "not time-stamped" in done.stderr


# --- verify: the released folder, the built site, the served site ------------------------


def test_verify_history_folder(released: Path, pki: Path) -> None:
    result = verify(released / "legal-history", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].endswith(
        "4 frozen text(s), 2 token(s) verified against " + str(pki / "ca.pem") + ": all proven"
    )


def test_verify_defaults_to_the_sites_history_folder(released: Path, pki: Path) -> None:
    result = cli("verify", "--ca", str(pki / "ca.pem"), cwd=released)
    assert result.returncode == 0, result.stdout


def test_verify_built_site(released: Path, pki: Path) -> None:
    result = verify(released / "site", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 0, result.stdout
    assert "4 version(s) listed, 2 token(s) verified" in result.stdout


def test_built_site_publishes_the_proof(released: Path) -> None:
    site = released / "site"
    manifest = json.loads((site / "legal.json").read_text(encoding="utf-8"))
    entry = manifest["documents"]["privacy"]["sv"]["versions"][-1]  # oldest last
    assert entry["effective"] == "2024-05-01"
    stamp = entry["timestamp"]
    assert stamp["authority"] == "Test TSA"
    assert (
        stamp["record_url"] == "https://fjallsjo-konsult.se/legal-proof/releases/2024-05-01.sha256"
    )
    assert stamp["token_url"] == "https://fjallsjo-konsult.se/legal-proof/releases/2024-05-01.tsr"
    assert stamp["text_url"] == "https://fjallsjo-konsult.se/legal-proof/privacy/2024-05-01.sv.md"
    history = released / "legal-history"
    for name in (
        "releases/2024-05-01.sha256",
        "releases/2024-05-01.tsr",
        "privacy/2024-05-01.sv.md",
    ):
        assert (site / "legal-proof" / name).read_bytes() == (history / name).read_bytes()
    assert not (site / "legal-proof" / "privacy" / "2024-05-01.sv").exists()  # not rendered
    checked = subprocess.run(
        ["sha256sum", "--strict", "-c", "releases/2025-01-01.sha256"],
        cwd=site / "legal-proof", capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[functools.partial[str]]:
    """`serve(folder)`: the address of `folder` served over HTTP on 127.0.0.1."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield functools.partial(start)
    for server in servers:
        server.shutdown()
        server.server_close()


def published(released: Path, tmp_path: Path, url: str = "") -> Path:
    """A copy of the built site whose `legal.json` addresses point at `url` (served)."""
    site = tmp_path / "served"
    shutil.copytree(released / "site", site)
    if url:
        manifest = site / "legal.json"
        text = manifest.read_text(encoding="utf-8").replace("https://fjallsjo-konsult.se/", url)
        manifest.write_text(text, encoding="utf-8")
    return site


def test_verify_published_site_over_http(
    released: Path, tmp_path: Path, pki: Path, serve: functools.partial[str]
) -> None:
    site = tmp_path / "served"
    url = serve(site)
    published(released, tmp_path, url)
    result = verify(url, "--ca", str(pki / "ca.pem"))
    assert result.returncode == 0, result.stdout
    assert "4 version(s) listed, 2 token(s) verified" in result.stdout
    # and the same site with a tampered text, fetched over HTTP
    text = site / "legal-proof/privacy/2025-01-01.en.md"
    text.write_bytes(text.read_bytes().replace(b"765 43 21", b"765 43 22"))
    result = verify(url + "legal.json", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert f"{url}legal-proof/privacy/2025-01-01.en.md: does not match its release record" in (
        result.stdout
    )
    # and with a token gone from the server
    (site / "legal-proof/releases/2024-05-01.tsr").unlink()
    result = verify(url, "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert (
        f"{url}legal-proof/releases/2024-05-01.tsr: privacy (en) version 1.0 of 2024-05-01: "
        "cannot fetch it: HTTP 404 File not found"
    ) in problems(result)


def test_verify_unreachable_site() -> None:
    result = verify(closed_port_url().replace("/tsa", "/"))
    assert result.returncode == 1
    assert "cannot read legal.json" in result.stdout


# --- verify: one tampering at a time -----------------------------------------------------


@pytest.fixture
def tampered(released: Path, tmp_path: Path) -> Path:
    """A fresh copy of the released site (history folder and built site)."""
    return copy_released(released, tmp_path)


def rewrite_text(path: Path, old: bytes, new: bytes, *, fix_hash: bool) -> None:
    """Change a frozen text; with `fix_hash`, also its front matter's sha256, as an owner
    who rewrites history would."""
    from mkdocs_legal.core.history import digest, parse

    content = path.read_bytes().replace(old, new)
    assert content != path.read_bytes()
    if fix_hash:
        item = parse(path, content.decode("utf-8"))
        content = content.replace(item.sha256.encode(), digest(item.body).encode())
    path.write_bytes(content)


def test_tampered_text(tampered: Path, pki: Path) -> None:
    text = tampered / "legal-history/privacy/2025-01-01.en.md"
    rewrite_text(text, b"765 43 21", b"765 43 22", fix_hash=False)
    result = verify(tampered / "legal-history", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert problems(result) == [
        f"{text}: does not match its release record 2025-01-01.sha256: the file was changed "
        "after it was time-stamped",
        f"{text}: the text no longer matches the sha256 in its front matter: it was changed "
        "after release",
    ]


def test_crlf_checkout_still_verifies(tampered: Path, pki: Path) -> None:
    """git on Windows may write CRLF line endings: neither texts nor records change meaning."""
    history = tampered / "legal-history"
    for path in [*history.glob("*/*.md"), *history.glob("releases/*.sha256")]:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = verify(history, "--ca", str(pki / "ca.pem"))
    assert result.returncode == 0, result.stdout
    build, site = mkdocs_build(tampered)
    assert build.returncode == 0, build.stderr
    published = (site / "legal-proof/releases/2024-05-01.sha256").read_bytes()
    assert b"\r" not in published
    assert verify(site, "--ca", str(pki / "ca.pem")).returncode == 0


def test_text_rewritten_with_its_hash(tampered: Path, pki: Path) -> None:
    """The owner edits a text and its sha256 together: the record still tells."""
    text = tampered / "legal-history/privacy/2024-05-01.sv.md"
    rewrite_text(text, b"123 45 67", b"123 45 68", fix_hash=True)
    result = verify(tampered / "legal-history", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert f"{text}: does not match its release record 2024-05-01.sha256" in result.stdout
    assert "front matter" not in result.stdout


def test_tampered_record(tampered: Path, pki: Path) -> None:
    """Text, its hash and the record rewritten together: the token tells."""
    history = tampered / "legal-history"
    text = history / "privacy/2024-05-01.sv.md"
    before = hashlib.sha256(text.read_bytes()).hexdigest()
    rewrite_text(text, b"123 45 67", b"123 45 68", fix_hash=True)
    after = hashlib.sha256(text.read_bytes()).hexdigest()
    rec = history / "releases/2024-05-01.sha256"
    rec.write_bytes(rec.read_bytes().replace(before.encode(), after.encode()))
    result = verify(history, "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    token = history / "releases/2024-05-01.tsr"
    assert (
        f"{token}: the token's message imprint is not the hash of the record: it time-stamps "
        "other data"
    ) in problems(result)
    assert len(problems(result)) == 1  # the text matches the forged record


def test_tampered_token(tampered: Path, pki: Path) -> None:
    token = tampered / "legal-history/releases/2025-01-01.tsr"
    data = bytearray(token.read_bytes())
    data[-1] ^= 0x01  # the last byte of the signature
    token.write_bytes(bytes(data))
    result = verify(tampered / "legal-history", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert any(
        line.startswith(f"{token}: the signature does not verify against")
        for line in problems(result)
    ), result.stdout


def test_token_of_another_record(tampered: Path, pki: Path) -> None:
    releases = tampered / "legal-history/releases"
    shutil.copy(releases / "2024-05-01.tsr", releases / "2025-01-01.tsr")
    result = verify(tampered / "legal-history", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert f"{releases / '2025-01-01.tsr'}: the token's message imprint" in result.stdout


def test_untrusted_authority(released: Path, other_ca: Path) -> None:
    result = verify(released / "legal-history", "--ca", str(other_ca))
    assert result.returncode == 1
    assert "unable to get local issuer certificate" in result.stdout
    assert "0 token(s) verified" in result.stdout


def test_tampered_description(tampered: Path, pki: Path) -> None:
    info = tampered / "legal-history/releases/2024-05-01.json"
    said = json.loads(info.read_text())
    info.write_text(json.dumps({**said, "time": "2024-04-30T00:00:00Z"}))
    result = verify(tampered / "legal-history", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert f"{info}: states time '2024-04-30T00:00:00Z', but the token says" in result.stdout


def edit_manifest(root: Path, pki: Path, change: Callable[[dict[str, Any]], None]) -> Result:
    """Change the built site's `legal.json` with `change`, then verify the site."""
    manifest = root / "site/legal.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    change(data["documents"]["privacy"])
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = verify(root / "site", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    return result


def test_tampered_legal_json_hash(tampered: Path, pki: Path) -> None:
    def change(privacy: dict[str, Any]) -> None:
        privacy["en"]["versions"][0]["sha256"] = "0" * 64

    result = edit_manifest(tampered, pki, change)
    published = scan(tampered / "legal-history").texts[key("privacy/2025-01-01.en.md")].sha256
    assert problems(result) == [
        f"{tampered / 'site/legal.json'}: privacy (en) version 1.1 of 2025-01-01: states sha256 "
        f"{'0' * 64}, but the published text's is {published}"
    ]


def key(path: str) -> tuple[str, str, date]:
    """The history key of a frozen text's path."""
    document, name = path.split("/")
    effective, language, _ = name.split(".")
    return (document, language, date.fromisoformat(effective))


def test_tampered_legal_json_time(tampered: Path, pki: Path) -> None:
    def change(privacy: dict[str, Any]) -> None:
        privacy["sv"]["versions"][1]["timestamp"]["time"] = "2024-01-01T00:00:00Z"

    result = edit_manifest(tampered, pki, change)
    assert (
        f"{tampered / 'site/legal.json'}: privacy (sv) version 1.0 of 2024-05-01: states time "
        "'2024-01-01T00:00:00Z', but the token says"
    ) in result.stdout


def test_legal_json_without_time_stamp(tampered: Path, pki: Path) -> None:
    def change(privacy: dict[str, Any]) -> None:
        del privacy["en"]["versions"][0]["timestamp"]

    result = edit_manifest(tampered, pki, change)
    assert problems(result) == [
        f"{tampered / 'site/legal.json'}: privacy (en) version 1.1 of 2025-01-01: no time "
        "stamp; nothing proves this text"
    ]


def test_published_text_tampered(tampered: Path, pki: Path) -> None:
    text = tampered / "site/legal-proof/privacy/2024-05-01.en.md"
    rewrite_text(text, b"123 45 67", b"123 45 68", fix_hash=True)
    result = verify(tampered / "site", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    assert (
        "https://fjallsjo-konsult.se/legal-proof/privacy/2024-05-01.en.md: does not match its "
        "release record"
    ) in result.stdout
    assert "states sha256" in result.stdout  # legal.json's hash is the original text's


def test_history_without_time_stamps(pki: Path) -> None:
    """The demo released without a time-stamp authority: every text is intact, none proven."""
    result = verify(ROOT / "legal-history", "--ca", str(pki / "ca.pem"))
    assert result.returncode == 1
    lines = problems(result)
    assert len(lines) == len(list((ROOT / "legal-history").glob("*/*.md")))
    assert all("no time-stamped release record lists this text" in x for x in lines)


def test_bad_ca_file(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("not a certificate")
    result = verify(ROOT / "legal-history", "--ca", str(tmp_path / "ca.pem"))
    assert result.returncode == 2
    assert "cannot read PEM certificates" in result.stderr


# --- asof --------------------------------------------------------------------------------


def demo_versions() -> dict[str, list[tuple[str, str]]]:
    """Per document: (effective, version label) of the demo's versions, oldest first."""
    import yaml

    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    out: dict[str, list[tuple[str, str]]] = {}
    for document in ("privacy", "cookies", "terms"):
        for v in data["versions"]:
            if document in v.get("documents", [document]):
                out.setdefault(document, []).append((str(v["effective"]), str(v["version"])))
    return out


@pytest.mark.parametrize("document", ["privacy", "cookies", "terms"])
@pytest.mark.parametrize("language", ["en", "sv"])
def test_asof_every_day_of_the_demo_history(document: str, language: str) -> None:
    """The day each version took effect, the day before the next one, and the day before
    the first: the right text, label and sha256, or exit 1."""
    versions = demo_versions()[document]
    days: list[tuple[str, tuple[str, str] | None]] = []
    first = date.fromisoformat(versions[0][0])
    days.append(((first - timedelta(days=1)).isoformat(), None))
    for i, (effective, label) in enumerate(versions):
        days.append((effective, (effective, label)))
        if i + 1 < len(versions):
            end = date.fromisoformat(versions[i + 1][0]) - timedelta(days=1)
            days.append((end.isoformat(), (effective, label)))
    days.append(("2099-12-31", versions[-1]))
    for day, expected in days:
        result = cli("asof", day, "--document", document, "--lang", language)
        if expected is None:
            assert result.returncode == 1, day
            assert f"no version of {document} ({language}) was in force on {day}" in result.stderr
            assert result.stdout == ""
            continue
        assert result.returncode == 0, (day, result.stderr)
        effective, label = expected
        frozen = scan(ROOT / "legal-history").texts[key(f"{document}/{effective}.{language}.md")]
        assert result.stdout == frozen.body, day
        assert f"version {label}, effective {effective}" in result.stderr
        assert f"sha256 {frozen.sha256}" in result.stderr
        assert "no time stamp" in result.stderr


def test_asof_shows_the_time_stamp(released: Path) -> None:
    result = cli("asof", "2024-12-31", "--document", "privacy", "--lang", "sv", cwd=released)
    assert result.returncode == 0, result.stderr
    info = json.loads((released / "legal-history/releases/2024-05-01.json").read_text())
    assert f"time-stamped {info['time']} by Test TSA" in result.stderr
    assert "version 1.0, effective 2024-05-01" in result.stderr
    assert "the time stamp is later than the version's effective date" in result.stderr


def test_asof_file_after_the_options(tmp_path: Path) -> None:
    """As SPEC §7 writes it: `asof DATE --document ID --lang LANG FILE`, from any folder."""
    result = cli(
        "asof", "2026-05-03", "--document", "privacy", "--lang", "sv", str(DEMO), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "version 2.0, effective 2026-03-01" in result.stderr
    before = cli(
        "asof", "2026-05-03", str(DEMO), "--document", "privacy", "--lang", "sv", cwd=tmp_path
    )
    assert before.stdout == result.stdout
    extra = cli("asof", "2026-05-03", "--document", "privacy", "--lang", "sv", "a", "b")
    assert extra.returncode == 2 and "unrecognized arguments: a b" in extra.stderr


def test_asof_usage_errors() -> None:
    assert cli("asof", "2026-13-01", "--document", "privacy", "--lang", "en").returncode == 2
    assert cli("asof", "2026-01-01", "--document", "nope", "--lang", "en").returncode == 2
    assert cli("asof", "2026-01-01", "--document", "privacy", "--lang", "xx").returncode == 2


def test_build_never_imports_the_token_libraries(released: Path) -> None:
    """The ASN.1 and signature libraries are for release and verify, not for a build."""
    import sys

    code = (
        "import sys, mkdocs.__main__ as m\n"
        "sys.argv = ['mkdocs', 'build', '-q']\n"
        "try:\n    m.cli()\nexcept SystemExit:\n    pass\n"
        "bad = [n for n in ('rfc3161_client', 'cryptography') if n in sys.modules]\n"
        "print('imported:', bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=released, capture_output=True, text=True, timeout=300
    )
    assert "imported: []" in result.stdout, result.stdout + result.stderr
