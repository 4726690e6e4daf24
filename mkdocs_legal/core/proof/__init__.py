"""Proof a third party can check: release records, RFC 3161 time-stamp tokens, `verify`, `asof`.

In the history folder, beside the frozen texts, `releases/` holds for each time-stamped
version (named by its effective date E; a later record of the same version is `E.2`, …):

- `E.sha256`: the release record (`record.py`): one line per frozen file of the version,
  `<sha256 of the file's bytes>  <path in the history folder>`, as `sha256sum` prints it;
- `E.tsr`: the time-stamp authority's answer (RFC 3161 `TimeStampResp`, DER) over the record;
- `E.json`: what the token says (authority, time), so a build reads it without parsing DER.

Only `tsa.py`, `token.py` and `verify.py` import the ASN.1 and signature libraries, and only
`release --tsa`, `verify` and `asof` import those modules: a build never does.
"""
