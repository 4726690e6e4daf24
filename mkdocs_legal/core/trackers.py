"""Well-known analytics and advertising cookies, by name (`law/trackers.yml`)."""

from __future__ import annotations

import fnmatch
import functools
from collections.abc import Mapping
from typing import Any

from . import law


@functools.cache
def tracker(name: str) -> tuple[str, Mapping[str, Any]] | None:
    """The tool a cookie name belongs to and its entry, or None for a name not listed."""
    for tool, entry in law.topic("trackers").items():
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in entry.get("names", ())):
            return tool, entry
    return None
