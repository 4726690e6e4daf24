"""`mkdocs serve` survives a data file saved broken, then fixed (SPEC §2: serve rebuilds when the
data file changes; issue 7 item 5).

A real `mkdocs serve` (live reload on, which is what watches files) runs on a copy of the
two-language fixture site. The data file is saved with a YAML error, later with a validation
error: each time the server keeps running and logs the error with file:line:col, and once the
file is fixed the next request gets the new text.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES

pytestmark = pytest.mark.slow

BASIC = (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8")
NAME = "Fjällsjö Konsult AB"
RENAMED = "Fjällsjö Konsult Aktiebolag"
TIMEOUT = 60.0  # seconds for a build or rebuild on a busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page at `url`, or None while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(what: str, condition: Callable[[], bool], server: Server) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        assert server.process.poll() is None, f"serve exited:\n{server.log()}"
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}; serve said:\n{server.log()[-4000:]}")


class Server:
    """A running `mkdocs serve`, its output collected as it comes."""

    def __init__(self, root: Path, port: int) -> None:
        self.data = root / "legal.yml"
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._lines.append(line)

    def log(self) -> str:
        return "".join(self._lines)

    def page(self, path: str) -> str | None:
        return fetch(self.url + path)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._reader.join(timeout=5)


@pytest.fixture
def server(copy_site: Callable[..., Path]) -> Iterator[Server]:
    root = copy_site("two-languages", files={"legal.yml": BASIC}, data="legal.yml")
    running = Server(root, free_port())
    try:
        yield running
    finally:
        running.stop()


def located(text: str, fragment: str, column: int) -> tuple[str, str]:
    """(`text`, "LINE:COL") where LINE is the line that contains `fragment`."""
    line = next(n for n, t in enumerate(text.splitlines(), 1) if fragment in t)
    return text, f"{line}:{column}"


BREAKAGES = [  # (data file saved broken, where the error is, its code)
    (*located(BASIC.replace("name: Fjällsjö", "name: [Fjällsjö", 1), "[Fjällsjö", 9), "LGL001"),
    (
        *located(BASIC.replace("legal_basis: f", "legal_basis: g", 1), "legal_basis: g", 18),
        "LGL006",
    ),
]


def test_serve_survives_a_broken_data_file_and_recovers(server: Server) -> None:
    wait_for("the first build", lambda: NAME in (server.page("/privacy/") or ""), server)
    for n, (broken, where, code) in enumerate(BREAKAGES, 1):
        server.data.write_text(broken, encoding="utf-8")
        error = f"{server.data}:{where}: {code} error"
        wait_for(error, lambda e=error: e in server.log(), server)
        assert server.process.poll() is None
        # (MkDocs holds page requests back until a rebuild succeeds: "the server will appear
        # stuck until build errors are resolved")
        fixed = f"{RENAMED} {n}"
        server.data.write_text(BASIC.replace(NAME, fixed), encoding="utf-8")
        for path in ("/privacy/", "/sv/privacy/"):
            wait_for(
                f"{fixed} at {path}", lambda p=path, f=fixed: f in (server.page(p) or ""), server
            )
    assert server.process.poll() is None
    assert "Traceback" not in server.log()
