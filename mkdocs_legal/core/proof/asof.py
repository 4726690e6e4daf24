"""`asof`: the text of a document that was in force on a date, and what proves it.

Which version was in force is the publication's answer for that date (`publish`, the
same rule the site's banners follow); its text is the frozen one where there is one.
"""

from __future__ import annotations

from datetime import date

from ..history import digest
from ..project import Project
from ..publication import VersionText
from ..records import record
from .record import Stamp, read_lf, sha256_hex, stamps, text_path


@record
class AsOf:
    """The version in force on a date, its text and the earliest record that proves it."""

    version: VersionText
    body: str
    sha256: str
    frozen: bool
    stamp: Stamp | None


class NotInForce(LookupError):
    """No version of the document was in force on the date; the message says when one was."""


def as_of(project: Project, document: str, language: str, on: date) -> AsOf:
    """What was in force on `on` (`NotInForce` if nothing was, `LookupError` if its text is
    not kept)."""
    timeline = project.publication(on).timeline(document, language)
    current = timeline.current
    if current is None:
        first = timeline.versions[0].effective.isoformat()
        raise NotInForce(
            f"no version of {document} ({language}) was in force on {on.isoformat()}; "
            f"the first took effect on {first}"
        )
    stored = project.history.get(document, language, current.effective)
    body = stored.body if stored is not None else current.body
    if body is None:
        raise LookupError(
            f"version {current.version.label} of {document} ({language}) was in force on "
            f"{on.isoformat()}, but its text was never frozen in {project.history_dir}"
        )
    proof = None
    if stored is not None and stored.path is not None:
        path = text_path(document, current.effective, language)
        content = sha256_hex(read_lf(stored.path))
        matching = [s for s in stamps(project.history_dir) if s.entries.get(path) == content]
        proof = min(matching, key=lambda s: s.time, default=None)
    return AsOf(current, body, digest(body), stored is not None, proof)
