"""Typed plugin options (SPEC §2)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c


class _SitePath(base.BaseConfigOption[str]):
    """A URL path inside the site: relative, `/`-separated, no `.` or `..` part."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise base.ValidationError(f"expected a path like `legal/privacy`, got {value!r}")
        shown = f"`{value}`"
        if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
            raise base.ValidationError(
                f"{shown} is absolute; give a path inside the site, relative to its root "
                "(e.g. `legal/privacy`)"
            )
        parts = value.replace("\\", "/").strip("/").split("/")
        if any(part in (".", "..") for part in parts) or "\\" in value:
            raise base.ValidationError(
                f"{shown} leaves the site or is not a plain path; use `/`-separated folder "
                "names without `.` or `..` (e.g. `legal/privacy`)"
            )
        if not value.strip("/") or any(not part.strip() for part in parts):
            raise base.ValidationError(f"{shown} names no page; e.g. `legal/privacy`")
        return value


class PathOption(base.Config):
    """`{path: …}`: where a generated page lives, relative to the site root."""

    path = c.Optional(_SitePath())


class _KeyedType(c.Type):  # type: ignore[type-arg]
    """A `Type` option stored under another key than its attribute name.

    `Config` is a `UserDict`, so an option attribute cannot be called `data`.
    """

    def __init__(self, key: str, type_: type[Any], **kwargs: Any) -> None:
        super().__init__(type_, **kwargs)
        self._key = key

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = self._key


class _IsoDate(base.BaseConfigOption[str]):
    """An ISO date, written quoted (a string) or not (YAML reads it as a date)."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        raise base.ValidationError(f"expected a date like 2026-03-01, got {value!r}")


class LegalConfig(base.Config):
    data_file = _KeyedType("data", str, default="legal.yml")
    history_dir = c.Type(str, default="legal-history")
    timezone = c.Type(str, default="UTC")
    today = c.Optional(_IsoDate())
    documents = c.Optional(c.DictOfItems(c.SubConfig(PathOption)))
    changelog = c.SubConfig(PathOption)
    consent = c.Type(bool, default=True)
    fallback = c.Type(bool, default=False)
    strict = c.Type(bool, default=False)
    enabled = c.Type(bool, default=True)
    tsa = c.Optional(c.Type(str))  # read by `mkdocs-legal release`; a build never connects
