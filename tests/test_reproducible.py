"""Reproducible builds, with no network and no git history (SPEC §5, §9; issue 7 item 3).

The same inputs and `SOURCE_DATE_EPOCH` give a byte-identical site folder: every file, the
gzipped sitemap, the search index, the feed and `legal.json` included. The site here is
demo-like: the demo's data file with three released-then-extended versions (see
`test_hostile.history_site`), built from two separate copies so that no absolute path, time
or ordering of the machine can leak into the output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from test_hostile import full_data, history_site

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
BUILD_DAY = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)  # 2.0 in force, 3.0 upcoming
EPOCH = str(int(BUILD_DAY.timestamp()))

# Imported first by every Python process of the build (PYTHONPATH): any attempt to reach the
# network is written to $LEGAL_NET_LOG and fails, as it would on a machine with no network.
NO_NETWORK = """\
import os
import socket

_LOG = os.environ["LEGAL_NET_LOG"]


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(repr(what) + "\\n")


class _Offline(socket.socket):
    def connect(self, address):
        if self.family != socket.AF_UNIX:
            _record(address)
            raise OSError(101, "Network is unreachable (mkdocs-legal test: network is off)")
        return super().connect(address)

    def connect_ex(self, address):
        if self.family != socket.AF_UNIX:
            _record(address)
            return 101
        return super().connect_ex(address)


def _getaddrinfo(host, *args, **kwargs):
    _record(host)
    raise socket.gaierror(socket.EAI_NONAME, "no network (mkdocs-legal test)")


socket.socket = _Offline
socket.getaddrinfo = _getaddrinfo
"""


def build(root: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build -d out` in `root`, with SOURCE_DATE_EPOCH and `env` set."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def first_difference(a: bytes, b: bytes) -> str:
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return f"at byte {at}: {a[max(0, at - 40) : at + 40]!r} != {b[max(0, at - 40) : at + 40]!r}"


def unshare_works() -> bool:
    """Whether this machine lets us run a process in a new network namespace (no network)."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


def offline(
    tmp_path: Path, command: list[str], cwd: Path, env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run `command` with the network off: in a network namespace of its own when the machine
    allows it, and always with sockets that refuse and record. Returns the finished process
    and every address it tried to reach."""
    guard = tmp_path / "no-network"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    log = tmp_path / "network.log"
    log.write_text("", encoding="utf-8")
    inherited = env.get("PYTHONPATH", os.environ.get("PYTHONPATH", ""))  # a worktree's code
    pythonpath = os.pathsep.join(p for p in (str(guard), inherited) if p)
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens there
    full_env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": EPOCH,
        **env,
        "PYTHONPATH": pythonpath,
        "LEGAL_NET_LOG": str(log),
        "http_proxy": closed,
        "https_proxy": closed,
        "HTTP_PROXY": closed,
        "HTTPS_PROXY": closed,
        "no_proxy": "",
    }
    prefix = ["unshare", "-rn"] if unshare_works() else []
    result = subprocess.run(
        prefix + command, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300
    )
    return result, log.read_text(encoding="utf-8").splitlines()


# --- the same inputs give the same bytes ------------------------------------------------------


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    roots = [history_site(tmp_path / name, full_data(), today=None) for name in ("first", "second")]
    outs = [tmp_path / "out-1", tmp_path / "out-2"]
    # the second build runs in another local time zone and locale (and, as every process
    # does, with another hash seed): none of that may reach the output
    machines = [{}, {"TZ": "America/Los_Angeles", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "7"}]
    for root, out, machine in zip(roots, outs, machines, strict=True):
        result = build(root, out, **machine)
        assert result.returncode == 0, result.stderr
    one, two = tree(outs[0]), tree(outs[1])
    assert sorted(one) == sorted(two)
    for expected in (
        "sitemap.xml.gz",
        "search/search_index.json",
        "legal.json",
        "privacy/2025-01-15/index.html",
        "sv/privacy/2026-03-01/changes/index.html",
        "changelog/index.html",
    ):
        assert expected in one, expected
    different = {
        name: first_difference(one[name], two[name]) for name in one if one[name] != two[name]
    }
    assert different == {}
    assert '"date": "2026-06-01"' in one["legal.json"].decode()  # the date of SOURCE_DATE_EPOCH


def test_feed_is_byte_identical_too(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_legal.core.feed", reason="the Atom feed has not landed yet")
    root = history_site(tmp_path / "site", full_data(), today=None)
    outs = [tmp_path / "out-1", tmp_path / "out-2"]
    for out in outs:
        assert build(root, out).returncode == 0
    for feed in ("changelog/feed.xml", "sv/changelog/feed.xml"):
        assert (outs[0] / feed).read_bytes() == (outs[1] / feed).read_bytes(), feed


# --- no network, no git history ------------------------------------------------------------


def test_build_with_the_network_off(tmp_path: Path) -> None:
    root = history_site(tmp_path / "site", full_data(), today=None)
    out = tmp_path / "out"
    result, attempts = offline(
        tmp_path, [sys.executable, "-m", "mkdocs", "build", "-d", str(out)], root, {}
    )
    assert result.returncode == 0, result.stderr
    assert attempts == [], attempts
    assert (out / "sv" / "privacy" / "2025-01-15" / "index.html").is_file()
    assert (out / "legal.json").is_file()


def test_guard_notices_a_network_attempt(tmp_path: Path) -> None:
    """The offline harness itself: a connection attempt fails and is recorded."""
    code = "import urllib.request as u\ntry:\n u.urlopen('http://example.org', timeout=5)\nexcept Exception:\n pass"
    result, attempts = offline(tmp_path, [sys.executable, "-c", code], tmp_path, {})
    assert result.returncode == 0, result.stderr
    assert attempts, "the guard saw no attempt"


def test_shallow_clone_builds_its_demo_offline(tmp_path: Path) -> None:
    """The committed state, cloned with no history, builds its own demo with its own code."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", ROOT.as_uri(), str(clone)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    count = subprocess.run(
        ["git", "-C", str(clone), "rev-list", "--count", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert count.stdout.strip() == "1"
    # As `python3 tasks.py demo` does first: compile the clone's catalogs (git ignores .mo).
    subprocess.run(
        [sys.executable, "tools/compile_catalogs.py"], cwd=clone, check=True, capture_output=True
    )
    out = tmp_path / "out"
    result, attempts = offline(
        tmp_path,
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        clone,
        {"PYTHONPATH": str(clone)},  # the clone's mkdocs_legal, not the working tree's
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert attempts == [], attempts
    assert (out / "index.html").is_file()
    assert (out / "privacy" / "index.html").is_file()
    assert not list(out.rglob("legal.yml"))
