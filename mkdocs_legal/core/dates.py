"""The build date, and which version of a document is in force on it (SPEC §2, §5)."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import LegalData, Version

ALL_DOCUMENTS = ("privacy", "cookies", "terms")


def zone(name: str) -> ZoneInfo:
    """An IANA time zone, or `ValueError` naming what is valid."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}; use an IANA name such as Europe/Stockholm or UTC"
        ) from None


def build_date(
    today: date | str | None, tz: str = "UTC", environ: dict[str, str] | None = None
) -> date:
    """`today` if set, else the date of SOURCE_DATE_EPOCH in `tz`, else the current date in `tz`."""
    where = zone(tz)  # checked even when `today` is set: the feed's dates use it too
    if isinstance(today, date):
        return today
    if isinstance(today, str) and today:
        return date.fromisoformat(today)
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    else:
        moment = datetime.now(timezone.utc)
    return moment.astimezone(where).date()


def versions_of(data: LegalData, document: str) -> list[Version]:
    """The versions that concern `document`, oldest first."""
    found = [v for v in data.versions if v.documents is None or document in v.documents]
    return sorted(found, key=lambda v: v.effective)


def in_force(versions: list[Version], on: date) -> Version | None:
    """The version in force on `on`: the latest whose `effective` ≤ `on`."""
    current = None
    for version in versions:
        if version.effective <= on:
            current = version
    return current


def upcoming(versions: list[Version], on: date) -> list[Version]:
    return [v for v in versions if v.effective > on]
