"""Ask a time-stamp authority for a token over a release record (RFC 3161 over HTTP).

The request carries the record's SHA-256, a random nonce and `certReq` (the answer must
include the authority's certificate); it is POSTed as `application/timestamp-query`
(RFC 3161 §3.4). The answer is accepted only when it is granted, is a token over this very
hash and carries this very nonce.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import rfc3161_client

from . import token

TIMEOUT = 30.0
"""Seconds to wait for the authority."""
MAX_ANSWER = 1 << 20
"""A time-stamp answer is a few kilobytes; more is not one."""


class TsaError(Exception):
    """The authority did not give a usable token; the message says why."""


def request_token(url: str, record: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """The authority's answer (`TimeStampResp`, DER) over `record`, checked; else `TsaError`."""
    if not url.startswith(("http://", "https://")):
        raise TsaError(f"{url}: a time-stamp authority's address starts with https:// or http://")
    query = (
        rfc3161_client.TimestampRequestBuilder()
        .data(record)
        .hash_algorithm(rfc3161_client.HashAlgorithm.SHA256)
        .nonce(nonce=True)
        .cert_request(cert_request=True)
        .build()
    )
    http = urllib.request.Request(
        url,
        data=query.as_bytes(),
        method="POST",
        headers={
            "Content-Type": "application/timestamp-query",
            "Accept": "application/timestamp-reply",
        },
    )
    try:
        with urllib.request.urlopen(http, timeout=timeout) as answer:  # checked above
            data = bytes(answer.read(MAX_ANSWER + 1))
    except urllib.error.HTTPError as exc:
        raise TsaError(
            f"the time-stamp authority at {url} refused the request: HTTP {exc.code} {exc.reason}"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TsaError(f"cannot reach the time-stamp authority at {url}: {reason}") from None
    if len(data) > MAX_ANSWER:
        raise TsaError(f"the answer of {url} is larger than any time-stamp answer")
    try:
        response = token.parse(data)
    except token.TokenError as exc:
        refused = _refusal(data)
        raise TsaError(f"{url}: {refused or exc}") from None
    problem = token.status_problem(response) or token.imprint_problem(response, record)
    if problem is None and response.tst_info.nonce != query.nonce:
        problem = "the token's nonce is not the request's: it answers another request"
    if problem is None and not response.signed_data.certificates:
        problem = "the token carries no certificate although the request asked for it"
    if problem is not None:
        raise TsaError(f"{url}: {problem}")
    return data


def _refusal(data: bytes) -> str | None:
    """The status of an answer that carries no token (a rejection), if it says one."""
    try:
        response = rfc3161_client.decode_timestamp_response(data)
    except ValueError:
        return None
    return token.status_problem(response)
