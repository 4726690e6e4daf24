"""What a site publishes of its time-stamped releases: the release records, their tokens and
the frozen texts they cover, under `legal-proof/`, and what `legal.json` says of each text's
earliest stamp. The MkDocs plugin and `export` publish the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..sitepaths import absolute

PROOF_DIR = "legal-proof"
"""Where release records, tokens and the texts they cover are published (as in the history
folder: `legal-proof/releases/E.sha256`, `legal-proof/privacy/E.en.md`)."""

Listed = dict[tuple[str, str, date], dict[str, str]]
"""(document, language, effective) → authority, time and the URLs of record, token, text"""


def published(history_dir: Path, site_url: str | None) -> tuple[dict[str, bytes], Listed]:
    """The files to publish (path below `legal-proof/` → bytes) and, for each time-stamped
    text, what `legal.json` says of its earliest stamp."""
    from .record import lf, stamps

    contents: dict[str, bytes] = {}
    listed: Listed = {}
    for stamp in stamps(history_dir):  # oldest first: the first stamp of a text is kept
        for name in (stamp.record, stamp.token, *stamp.entries):
            if name not in contents and (history_dir / name).is_file():
                content = (history_dir / name).read_bytes()
                contents[name] = content if name == stamp.token else lf(content)
        for path in stamp.entries:
            document, file_name = path.split("/")
            effective, language, _md = file_name.split(".")
            key = (document, language, date.fromisoformat(effective))
            if key not in listed or stamp.time < listed[key]["time"]:
                listed[key] = {
                    "authority": stamp.authority,
                    "time": stamp.time,
                    "record_url": absolute(site_url, f"{PROOF_DIR}/{stamp.record}"),
                    "token_url": absolute(site_url, f"{PROOF_DIR}/{stamp.token}"),
                    "text_url": absolute(site_url, f"{PROOF_DIR}/{path}"),
                }
    return contents, listed
