"""`verify`: check a history folder, a built site or a published site, trusting neither.

- History folder: every frozen text against its own sha256 and against each release
  record that lists it; every record against its token (signature and certificate chain,
  message imprint) and its description; every frozen text covered by a record.
- Built or published site (`legal.json` at its root): every version `legal.json` lists
  against the published frozen text, that text against its record, the record against
  its token, and the authority and time `legal.json` states against the token's.

Each failure is a `Problem`: the file (or address) and what is wrong.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from cryptography import x509

from ..history import HistoryError, digest, parse, scan
from ..records import record
from . import token
from .record import RELEASES, RecordError, lf, parse_record, read_lf, sha256_hex, text_path

Fetch = Callable[[str], bytes]
"""An address in `legal.json` → the bytes it names (`OSError` when it cannot)."""

MANIFEST = "legal.json"
TIMEOUT = 30.0
MAX_FILE = 32 << 20
"""Bytes read of one fetched file at most."""


@record(order=True)
class Problem:
    """One thing that is not proven: where, and what is wrong."""

    file: str
    message: str

    def format(self) -> str:
        return f"{self.file}: {self.message}"


@record
class Report:
    problems: list[Problem]
    checked: int
    """Frozen texts (folder) or listed versions (site) looked at."""
    tokens: int
    """Tokens that verified."""


@record
class Trust:
    roots: list[x509.Certificate]
    name: str


def trust(ca: Path | None) -> Trust:
    """The certificates tokens must chain to: `--ca FILE`, else the system's."""
    roots, name = token.load_roots(ca)
    return Trust(roots, name)


# --- a history folder --------------------------------------------------------------------


def verify_history(folder: Path, trusted: Trust) -> Report:
    """Check a history folder (see the module's docstring)."""
    problems: list[Problem] = []
    history = scan(folder)
    problems.extend(Problem(f.file, f.message) for f in history.findings)
    files: dict[str, bytes] = {}
    for (document, language, effective), text in sorted(history.texts.items()):
        assert text.path is not None
        if not text.intact:
            problems.append(
                Problem(
                    str(text.path),
                    "the text no longer matches the sha256 in its front matter: it was "
                    "changed after release",
                )
            )
        files[text_path(document, effective, language)] = read_lf(text.path)
    listed: set[str] = set()
    tokens = 0
    releases = folder / RELEASES
    names = sorted({p.name.split(".")[0] + _suffix(p.name) for p in _release_files(releases)})
    for name in names:
        paths, ok = _check_release(releases, name, files, trusted, problems)
        listed |= paths
        tokens += ok
    for path in sorted(set(files) - listed):  # a listed text's failure is reported already
        problems.append(
            Problem(
                str(folder / path),
                "no time-stamped release record lists this text; run "
                "`mkdocs-legal release --tsa URL` to time-stamp it",
            )
        )
    return Report(sorted(problems), len(files), tokens)


def _release_files(releases: Path) -> list[Path]:
    if not releases.is_dir():
        return []
    return [p for p in releases.iterdir() if p.is_file() and not p.name.startswith(".")]


def _suffix(filename: str) -> str:
    """`.2` of `2026-03-01.2.tsr`, empty for `2026-03-01.tsr`."""
    parts = filename.split(".")
    return f".{parts[1]}" if len(parts) == 3 and parts[1].isdigit() else ""


def _check_release(
    releases: Path,
    name: str,
    files: dict[str, bytes],
    trusted: Trust,
    problems: list[Problem],
) -> tuple[set[str], int]:
    """Check one record, its token and description; the texts it lists, and 1 if its token
    verified."""
    record_path = releases / f"{name}.sha256"
    token_path = releases / f"{name}.tsr"
    info_path = releases / f"{name}.json"
    for path in (record_path, token_path, info_path):
        if not path.is_file():
            problems.append(
                Problem(
                    str(path),
                    "missing: a release record, its token and its description come together",
                )
            )
    if not record_path.is_file() or not token_path.is_file():
        return set(), 0
    data = read_lf(record_path)
    try:
        entries = parse_record(data)
    except RecordError as exc:
        problems.append(Problem(str(record_path), f"not a release record: {exc}"))
        return set(), 0
    answer = token_path.read_bytes()
    failed = token.check(answer, data, trusted.roots, trusted.name)
    problems.extend(Problem(str(token_path), p) for p in failed)
    if info_path.is_file():
        _check_info(info_path, answer, name, problems)
    for listed, expected in entries.items():
        content = files.get(listed)
        if content is None:
            problems.append(
                Problem(str(record_path), f"lists {listed}, which is not in the history folder")
            )
        elif sha256_hex(content) != expected:
            problems.append(
                Problem(
                    str(releases.parent / listed),
                    f"does not match its release record {record_path.name}: the file was "
                    "changed after it was time-stamped",
                )
            )
    return set(entries), 0 if failed else 1


def _check_info(info_path: Path, answer: bytes, name: str, problems: list[Problem]) -> None:
    try:
        said = json.loads(info_path.read_text(encoding="utf-8"))
        claims = {k: said[k] for k in ("authority", "time")}
        if said.get("record") != f"{name}.sha256" or said.get("token") != f"{name}.tsr":
            raise KeyError("record")
    except (OSError, ValueError, KeyError, TypeError):
        problems.append(Problem(str(info_path), "not a readable description of its token"))
        return
    _compare(str(info_path), claims, answer, problems)


def _compare(
    where: str, claims: dict[str, Any], answer: bytes, problems: list[Problem], what: str = ""
) -> None:
    """The authority and time stated in `where` (about `what`) against the token's."""
    try:
        actual = token.info(token.parse(answer))
    except (token.TokenError, ValueError):
        return  # reported with the token
    for key, value in (("authority", actual.authority), ("time", actual.time)):
        if claims.get(key) != value:
            problems.append(
                Problem(
                    where,
                    f"{what}{': ' if what else ''}states {key} {claims.get(key)!r}, but the "
                    f"token says {value!r}",
                )
            )


# --- a built or published site -----------------------------------------------------------


def local_fetch(site: Path) -> Fetch:
    """Addresses in a built site's `legal.json` read from the site folder, never the network:
    the longest tail of the address's path that names a file in `site`."""
    root = site.resolve()

    def fetch(url: str) -> bytes:
        parts = [p for p in urllib.parse.urlsplit(url).path.split("/") if p]
        for start in range(len(parts)):
            candidate = root.joinpath(*(urllib.parse.unquote(p) for p in parts[start:]))
            if candidate.resolve().is_relative_to(root) and candidate.is_file():
                return candidate.read_bytes()
        raise OSError(f"not in {site}")

    return fetch


def http_fetch(base: str) -> Fetch:
    """Addresses resolved against `base` (the address of `legal.json`), over HTTP(S)."""

    def fetch(url: str) -> bytes:
        absolute = urllib.parse.urljoin(base, url)
        if not absolute.startswith(("http://", "https://")):
            raise OSError(f"{absolute} is not an http(s) address")
        try:
            with urllib.request.urlopen(absolute, timeout=TIMEOUT) as answer:
                data = bytes(answer.read(MAX_FILE + 1))
        except urllib.error.HTTPError as exc:
            raise OSError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise OSError(str(exc.reason)) from None
        if len(data) > MAX_FILE:
            raise OSError(f"larger than {MAX_FILE // (1 << 20)} MiB, more than any legal text")
        return data

    return fetch


def manifest_address(url: str) -> str:
    """The address of `legal.json` for a site's address (or `legal.json`'s own)."""
    if url.rstrip("/").endswith(MANIFEST):
        return url
    return url.rstrip("/") + "/" + MANIFEST


def verify_site(where: str, fetch: Fetch, trusted: Trust) -> Report:
    """Check a site's `legal.json` and what it lists (see the module's docstring)."""
    problems: list[Problem] = []
    try:
        manifest = json.loads(fetch(MANIFEST if not where.startswith("http") else where))
        documents = manifest["documents"]
        assert isinstance(documents, dict)
    except OSError as exc:
        return Report([Problem(where, f"cannot read {MANIFEST}: {exc}")], 0, 0)
    except (ValueError, KeyError, TypeError, AssertionError):
        return Report([Problem(where, f"not a {MANIFEST} of mkdocs-legal")], 0, 0)
    cache: dict[str, bytes | OSError] = {}

    def get(url: str) -> bytes:
        if url not in cache:
            try:
                cache[url] = fetch(url)
            except OSError as exc:
                cache[url] = exc
        got = cache[url]
        if isinstance(got, OSError):
            raise got
        return got

    checked_tokens: dict[str, bool] = {}
    checked = 0
    for document, per_language in sorted(documents.items()):
        for language, listed in sorted(per_language.items()):
            for version in listed.get("versions", []):
                checked += 1
                _check_version(
                    where, document, language, version, get, trusted, checked_tokens, problems
                )
    tokens = sum(checked_tokens.values())
    return Report(sorted(set(problems)), checked, tokens)


def _check_version(
    where: str,
    document: str,
    language: str,
    version: dict[str, Any],
    get: Fetch,
    trusted: Trust,
    checked_tokens: dict[str, bool],
    problems: list[Problem],
) -> None:
    what = f"{document} ({language}) version {version.get('version')} of {version.get('effective')}"
    stamp = version.get("timestamp")
    if not isinstance(stamp, dict):
        problems.append(Problem(where, f"{what}: no time stamp; nothing proves this text"))
        return
    try:
        effective = date.fromisoformat(str(version["effective"]))
        urls = {k: str(stamp[k]) for k in ("text_url", "record_url", "token_url")}
    except (KeyError, ValueError):
        problems.append(Problem(where, f"{what}: an incomplete `timestamp` entry"))
        return
    fetched: dict[str, bytes] = {}
    for key, url in urls.items():
        try:
            fetched[key] = get(url)
        except OSError as exc:
            problems.append(Problem(url, f"{what}: cannot fetch it: {exc}"))
    if len(fetched) != len(urls):
        return
    text_url, record_url, token_url = urls["text_url"], urls["record_url"], urls["token_url"]
    content = lf(fetched["text_url"])
    try:
        frozen = parse(Path(text_url), content.decode("utf-8"))
    except (UnicodeDecodeError, HistoryError):
        problems.append(Problem(text_url, f"{what}: not a frozen text"))
        return
    if (frozen.document, frozen.language, frozen.effective) != (document, language, effective):
        problems.append(
            Problem(
                text_url,
                f"{what}: the text is of {frozen.document} ({frozen.language}) "
                f"{frozen.effective.isoformat()}",
            )
        )
    if digest(frozen.body) != frozen.sha256:
        problems.append(
            Problem(text_url, "the text no longer matches the sha256 in its front matter")
        )
    if version.get("sha256") != frozen.sha256:
        problems.append(
            Problem(
                where,
                f"{what}: states sha256 {version.get('sha256')}, but the published text's is "
                f"{frozen.sha256}",
            )
        )
    try:
        fetched["record_url"] = lf(fetched["record_url"])
        entries = parse_record(fetched["record_url"])
    except RecordError as exc:
        problems.append(Problem(record_url, f"not a release record: {exc}"))
        return
    expected = entries.get(text_path(document, effective, language))
    if expected is None:
        problems.append(Problem(record_url, f"does not list the text of {what}"))
    elif expected != sha256_hex(content):
        problems.append(
            Problem(
                text_url,
                "does not match its release record: the text was changed after it was time-stamped",
            )
        )
    if token_url not in checked_tokens:
        failed = token.check(
            fetched["token_url"], fetched["record_url"], trusted.roots, trusted.name
        )
        problems.extend(Problem(token_url, p) for p in failed)
        checked_tokens[token_url] = not failed
    claims = {k: stamp.get(k) for k in ("authority", "time")}
    _compare(where, claims, fetched["token_url"], problems, what)
