"""The built-in registry of data-protection supervisory authorities (SPEC §3).

`supervisory_authority: SE` (or `DK`, `NO`, `FI`, `IE`, `UK`, `DE`, `DE-BY`, … one key per
German Land, as ISO 3166-2 codes) refers to an entry of `law/authorities.yml`, shipped inside
the package. The file is read once, lazily, through `importlib.resources`, so it works from an
installed wheel as well as from a checkout.
"""

from __future__ import annotations

import functools
from dataclasses import field
from importlib.resources import files

import yaml

from .records import record

__all__ = ["BuiltinAuthority", "get", "keys"]

_FIELDS = frozenset({"country", "name", "url", "address", "note", "source"})


@record
class BuiltinAuthority:
    """One supervisory authority: names per language, website, postal address."""

    key: str
    country: str
    name: dict[str, str] = field(hash=False)
    """Language → official name. The first entry is the authority's local language."""
    url: str
    address: str
    note: str | None = None

    @property
    def local_language(self) -> str:
        """The language the authority's name is listed in first (its own language)."""
        return next(iter(self.name))

    def name_in(self, language: str) -> str:
        """The name in `language`, else the authority's own (local-language) name.

        A regional tag falls back to its base language first: `sv-FI` → `sv`. A proper
        name reads better in its own language than in English on, say, a Swedish page.
        """
        base = language.replace("_", "-").split("-", 1)[0]
        for candidate in (language, base):
            if candidate in self.name:
                return self.name[candidate]
        return self.name[self.local_language]


def get(key: str) -> BuiltinAuthority | None:
    """The built-in authority for `key` (e.g. `"SE"`, `"DE-BY"`), or None if there is none."""
    return _registry().get(key)


def keys() -> list[str]:
    """Every built-in key, in the order of the data file."""
    return list(_registry())


@functools.cache
def _registry() -> dict[str, BuiltinAuthority]:
    resource = files("mkdocs_legal.core") / "law" / "authorities.yml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # our own file: libyaml is safe here
    raw = yaml.load(resource.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(raw, dict):
        raise _broken("the top level must be a mapping of key → authority")
    return {_key(k): _parse(_key(k), v) for k, v in raw.items()}


def _key(key: object) -> str:
    if not isinstance(key, str) or not key:
        # A bare `NO:` is read as the boolean False under YAML 1.1: keys must be quoted.
        raise _broken(f"key {key!r} is not a non-empty string (quote it)")
    return key


def _parse(key: str, raw: object) -> BuiltinAuthority:
    if not isinstance(raw, dict):
        raise _broken(f"{key}: must be a mapping")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise _broken(f"{key}: unknown field(s) {sorted(map(str, unknown))}")
    names = raw.get("name")
    if (
        not isinstance(names, dict)
        or not names
        or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in names.items())
    ):
        raise _broken(f"{key}.name: must be a non-empty map of language → name")
    note = raw.get("note")
    if note is not None and not isinstance(note, str):
        raise _broken(f"{key}.note: must be a string")
    return BuiltinAuthority(
        key=key,
        country=_text(raw, key, "country"),
        name=dict(names),
        url=_text(raw, key, "url"),
        address=_text(raw, key, "address"),
        note=note,
    )


def _text(raw: dict[object, object], key: str, name: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value:
        raise _broken(f"{key}.{name}: must be a non-empty string")
    return value


def _broken(message: str) -> RuntimeError:
    return RuntimeError(f"mkdocs_legal/core/law/authorities.yml is malformed: {message}")
