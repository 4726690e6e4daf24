"""What a topic's check is given, and how a rule is described."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, Protocol

from .. import law
from ..model import LegalData, Text
from ..yamlsource import Located, Path_


class Checker(Protocol):
    """The linter as a topic's check sees it."""

    located: Located
    data: LegalData
    languages: list[str]

    def add(self, code: str, message: str, path: Path_, *, key: bool = False) -> None: ...


@functools.cache
def patterns(entry: str, language: str) -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of `law/wording.yml` entry `entry` for one language."""
    per_language: dict[str, list[str]] = law.fact("wording", entry, "languages", {})
    return tuple(re.compile(p, re.IGNORECASE) for p in per_language.get(language, ()))


def base_language(code: str) -> str:
    return code.replace("-", "_").split("_")[0].lower()


def texts(value: Text | None, site: list[str]) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """Each string of a Text with the languages to read it in: `(path tail, language, text)`.

    A language map's entries are read in their own language; a plain string in each of the
    site's languages (it is shown in all of them).
    """
    if value is None:
        return
    if isinstance(value, dict):
        for lang, text in value.items():
            yield (lang,), base_language(lang), text
    else:
        for lang in dict.fromkeys(base_language(s) for s in site):
            yield (), lang, value


def find(entry: str, value: Text | None, site: list[str]) -> tuple[tuple[str, ...], str] | None:
    """The first wording of `entry` in `value`: (path tail, the words matched), or None."""
    for tail, lang, text in texts(value, site):
        for pattern in patterns(entry, lang):
            match = pattern.search(text)
            if match:
                return tail, match.group(0)
    return None


def plain(value: Any) -> str:
    """A Text for a message: its English or first string."""
    if isinstance(value, dict):
        return str(value.get("en") or next(iter(value.values()), ""))
    return str(value)
