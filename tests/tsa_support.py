"""A real RFC 3161 time-stamp authority for the tests, on 127.0.0.1 only.

`make_pki` makes a test root CA and a time-stamping certificate (extendedKeyUsage critical
timeStamping) with the `openssl` command; `LocalTsa` answers `application/timestamp-query`
POSTs with `openssl ts -reply`, in a thread of the test process. It serves until the test
ends, and stops itself after `LIFETIME` seconds whatever happens.

`mode` decides how it answers: `ok`; `error` (HTTP 503); `mismatch` (a genuine token, but
over other data, with another nonce); `reject` (a granted-status-less answer: openssl's
rejection of a query for a digest it does not accept); `replay` (the first answer it gave,
again, to every later request: right imprint for the same record, wrong nonce).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

import pytest

LIFETIME = 600.0
"""Seconds after which a `LocalTsa` shuts itself down."""

_CONFIG = """\
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa1
[ tsa1 ]
dir = {dir}
serial = {dir}/serial
crypto_device = builtin
signer_cert = {dir}/tsa.pem
signer_key = {dir}/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
other_policies = 1.3.6.1.4.1.99999.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def openssl() -> str:
    found = shutil.which("openssl")
    if found is None:
        pytest.fail("the `openssl` command is needed for the time-stamp tests")
    return found


def _run(*args: str, cwd: Path, data: bytes | None = None) -> bytes:
    done = subprocess.run(
        [openssl(), *args], cwd=cwd, input=data, capture_output=True, timeout=60, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(args)}: {done.stderr.decode(errors='replace')}")
    return done.stdout


def make_pki(folder: Path, *, ca_name: str = "mkdocs-legal Test Root CA") -> Path:
    """A root CA and a TSA certificate it signed, in `folder`; returns `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "openssl.cnf").write_text(_CONFIG.format(dir=folder), encoding="utf-8")
    (folder / "serial").write_text("01\n", encoding="ascii")
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes")
    cnf = ("-config", "openssl.cnf")
    _run("req", "-x509", "-new", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "3650",
         "-subj", f"/CN={ca_name}", *cnf, "-extensions", "ca_ext", cwd=folder)  # fmt: skip
    _run("req", "-new", *ec, "-keyout", "tsa.key", "-out", "tsa.csr",
         "-subj", "/O=mkdocs-legal tests/CN=Test TSA", *cnf, cwd=folder)  # fmt: skip
    _run("x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
         "-set_serial", "2", "-days", "3650", "-out", "tsa.pem",
         "-extfile", "openssl.cnf", "-extensions", "tsa_ext", cwd=folder)  # fmt: skip
    return folder


class LocalTsa:
    """An RFC 3161 authority over HTTP on 127.0.0.1, signing with `pki`'s TSA certificate."""

    def __init__(self, pki: Path, mode: str = "ok") -> None:
        self.pki = pki
        self.mode = mode
        self.requests = 0
        self._first: bytes | None = None
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                query = self.rfile.read(length)
                with owner._lock:
                    owner.requests += 1
                    kind = self.headers.get("Content-Type")
                    status, body = owner.answer(query, kind)
                self.send_response(status)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tsa"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._timer = threading.Timer(LIFETIME, self.server.shutdown)
        self._timer.daemon = True

    def answer(self, query: bytes, kind: str | None) -> tuple[int, bytes]:
        if self.mode == "error":
            return 503, b"service unavailable"
        if kind != "application/timestamp-query":
            return 415, b"expected application/timestamp-query"
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            if self.mode == "mismatch":  # a real token, for another request
                (work / "other").write_bytes(b"another record")
                query = _run("ts", "-query", "-data", "other", "-sha256", "-cert", cwd=work)
            elif self.mode == "reject":  # a digest this authority does not accept
                (work / "other").write_bytes(b"another record")
                query = _run("ts", "-query", "-data", "other", "-sha1", "-cert", cwd=work)
            elif self.mode == "replay" and self._first is not None:
                return 200, self._first
            (work / "query.tsq").write_bytes(query)
            _run("ts", "-reply", "-config", str(self.pki / "openssl.cnf"), "-section", "tsa1",
                 "-queryfile", "query.tsq", "-out", "reply.tsr", cwd=work)  # fmt: skip
            reply = (work / "reply.tsr").read_bytes()
            self._first = self._first or reply
            return 200, reply

    def __enter__(self) -> LocalTsa:
        self._thread.start()
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._timer.cancel()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=10)


def closed_port_url() -> str:
    """An address on 127.0.0.1 where nothing listens (a port just released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsa"
