"""RFC 3161 time-stamp tokens: read what one says, and check it against a record.

Parsing and the signature check are `rfc3161-client`'s (its CMS signature and certificate
chain check is OpenSSL's `PKCS7_verify`, at the token's own time); nothing here reads DER
by hand. Imported only by `release --tsa`, `verify` and `asof`, never by a build.
"""

from __future__ import annotations

import hashlib
import ssl
import warnings
from datetime import timezone
from pathlib import Path
from typing import TYPE_CHECKING

import rfc3161_client
from cryptography import x509
from cryptography.x509.oid import NameOID

from ..records import record

if TYPE_CHECKING:
    from rfc3161_client import TimeStampResponse

_HASHES = {
    "2.16.840.1.101.3.4.2.1": hashlib.sha256,
    "2.16.840.1.101.3.4.2.2": hashlib.sha384,
    "2.16.840.1.101.3.4.2.3": hashlib.sha512,
}


class TokenError(ValueError):
    """A token cannot be read or does not prove what it should; the message says why."""


@record
class TokenInfo:
    """What a token says."""

    time: str
    """genTime, ISO 8601 in UTC with a `Z`."""
    authority: str
    """The signing certificate's subject (RFC 4514), or the token's TSA name."""
    serial: int
    policy: str


def parse(data: bytes) -> TimeStampResponse:
    """The authority's answer (`TimeStampResp`), or `TokenError`."""
    try:
        response = rfc3161_client.decode_timestamp_response(data)
        response.tst_info  # noqa: B018  # a rejection has no token: fails here
    except ValueError as exc:
        raise TokenError(f"not a readable RFC 3161 time-stamp response ({exc})") from None
    return response


def status_problem(response: TimeStampResponse) -> str | None:
    """Why the authority's status is not `granted`, or None."""
    status = rfc3161_client.PKIStatus(response.status)
    if status in (rfc3161_client.PKIStatus.GRANTED, rfc3161_client.PKIStatus.GRANTED_WITH_MODS):
        return None
    said = "; ".join(response.status_string) if response.status_string else "no reason given"
    return f"the authority refused the request: status {status.name.lower()} ({said})"


def info(response: TimeStampResponse) -> TokenInfo:
    """The time, authority, serial number and policy of a token."""
    tst = response.tst_info
    when = tst.gen_time.astimezone(timezone.utc).replace(tzinfo=None)
    return TokenInfo(
        when.isoformat(timespec="seconds") + "Z",
        _authority(response),
        tst.serial_number,
        tst.policy.dotted_string,
    )


def _authority(response: TimeStampResponse) -> str:
    signer = _signer(response)
    if signer is not None:
        common = signer.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(common[0].value) if common else signer.subject.rfc4514_string()
    name = response.tst_info.name
    return str(getattr(name, "value", name)) if name is not None else "unknown authority"


def _signer(response: TimeStampResponse) -> x509.Certificate | None:
    infos = list(response.signed_data.signer_infos)
    if len(infos) != 1:
        return None
    for der in response.signed_data.certificates:
        cert = x509.load_der_x509_certificate(der)
        if cert.issuer == infos[0].issuer and cert.serial_number == infos[0].serial_number:
            return cert
    return None


def imprint_problem(response: TimeStampResponse, message: bytes) -> str | None:
    """Why the token is not over `message`, or None."""
    imprint = response.tst_info.message_imprint
    algorithm = _HASHES.get(imprint.hash_algorithm.dotted_string)
    if algorithm is None:
        return f"unsupported hash algorithm {imprint.hash_algorithm.dotted_string} in the token"
    if algorithm(message).digest() != imprint.message:
        return (
            "the token's message imprint is not the hash of the record: it time-stamps other data"
        )
    return None


def load_roots(path: Path | None) -> tuple[list[x509.Certificate], str]:
    """Trusted certificates: those in `path` (PEM), else the system's CA bundle; and a name
    for them in messages."""
    if path is None:
        cafile = ssl.get_default_verify_paths().cafile
        if not cafile or not Path(cafile).is_file():
            return [], "the system's certificate authorities (none found)"
        path, name = Path(cafile), "the system's certificate authorities"
    else:
        name = str(path)
    try:
        with warnings.catch_warnings():  # a system bundle may hold an old, odd certificate
            warnings.simplefilter("ignore")
            certificates = x509.load_pem_x509_certificates(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise TokenError(f"{path}: cannot read PEM certificates ({exc})") from None
    return certificates, name


def check(data: bytes, message: bytes, roots: list[x509.Certificate], trusted: str) -> list[str]:
    """Every reason the token in `data` does not prove that `message` existed at its time:
    unreadable, not granted, another imprint, a signature or chain that does not verify
    against `roots`, a signer that is not a time-stamping certificate."""
    try:
        response = parse(data)
    except TokenError as exc:
        return [str(exc)]
    problems = [p for p in (status_problem(response), imprint_problem(response, message)) if p]
    if problems:
        return problems
    if not roots:
        return [f"the signature cannot be checked: no trusted certificates in {trusted}"]
    verifier = rfc3161_client.VerifierBuilder(roots=roots).build()
    try:
        verifier.verify_message(response, message)
    except rfc3161_client.VerificationError as exc:
        return [f"the signature does not verify against {trusted}: {_reason(str(exc))}"]
    return []


def _reason(message: str) -> str:
    """The useful part of an OpenSSL error stack."""
    for marker in ('data: "Verify error: ', 'reason: "'):
        at = message.find(marker)
        if at != -1:
            rest = message[at + len(marker) :]
            return rest[: rest.find('"')]
    return message
