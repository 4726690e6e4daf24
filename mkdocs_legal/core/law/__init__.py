"""Legal facts as reviewable data: one YAML file per topic in this folder.

A lawyer reviews these files without reading any renderer or lint rule. Each file maps a key
(a country code, a rule name) to an entry, and every entry carries `source`: the statute,
article, judgment or official page the fact comes from, so a reviewer can check it. The
renderers and the checker read facts only through `topic()`; no legal fact is written in code.

Files (each documents its own fields in its header comment):

- `regions.yml`: the EU Member States and the EEA states outside the EU.
- `authorities.yml`: the built-in supervisory authorities (read by `core/authorities.py`).
- `gdpr.yml`: GDPR and ePrivacy facts the checker and the privacy policy use (Art. 9(2)
  conditions, Art. 10, Art. 22(2) exceptions, direct-marketing conditions).
- `consent_ages.yml`: the age of digital consent per country (GDPR Art. 8(1)).
- `cookies.yml`: the national rules implementing ePrivacy Art. 5(3), per country.
- `trackers.yml`: cookie names of well-known analytics and advertising tools.
- `registers.yml`: company registers per country and how their numbers are labelled.
- `wording.yml`: wording the checker recognises in free text, in every catalog language.
- `timestamps.yml`: what an electronic time stamp is worth under eIDAS (read by no renderer:
  the facts behind the documentation of `release --tsa`).
- `consumer.yml`: consumer contract law per country (right of withdrawal, legal guarantee,
  dispute body, binding periods, form of notice, cancellation button, Lugano and Rome I).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import yaml

__all__ = ["LawFileError", "fact", "topic"]


class LawFileError(RuntimeError):
    """A shipped law file is malformed: a defect of the package, never of a user's data."""


@functools.cache
def topic(name: str) -> Mapping[str, Mapping[str, Any]]:
    """Every entry of `law/<name>.yml`, key → fields (each with a non-empty `source`)."""
    resource = files(__name__) / f"{name}.yml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # our own file: libyaml is safe
    raw = yaml.load(resource.read_text(encoding="utf-8"), Loader=loader)
    where = f"mkdocs_legal/core/law/{name}.yml"
    if not isinstance(raw, dict) or not raw:
        raise LawFileError(f"{where}: the top level must be a mapping of key → entry")
    for key, entry in raw.items():
        if not isinstance(key, str) or not key:
            # A bare NO is the boolean False under YAML 1.1: keys must be quoted.
            raise LawFileError(f"{where}: key {key!r} is not a non-empty string (quote it)")
        if not isinstance(entry, dict):
            raise LawFileError(f"{where}: {key} must be a mapping")
        source = entry.get("source")
        sources = source if isinstance(source, list) else [source]
        if not sources or not all(isinstance(s, str) and s.strip() for s in sources):
            raise LawFileError(f"{where}: {key} has no `source` (every fact names its source)")
    return raw


def fact(name: str, key: str, field: str, default: Any = None) -> Any:
    """One field of one entry of topic `name`, or `default` where the entry or field is absent."""
    entry = topic(name).get(key)
    return default if entry is None else entry.get(field, default)
