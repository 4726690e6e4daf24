"""One output language: its translation catalog, and its CLDR wording of dates, durations, lists.

Catalogs are gettext `.po` files under `mkdocs_legal/locale/<lang>/LC_MESSAGES/`, read as
the `.mo` files that packaging compiles from them (`hatch_build.py`).
English is the source language: its strings are the message ids themselves.
Adding a language is adding a catalog; no Python changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from . import cldr
from .model import DURATION_RE
from .records import record

if TYPE_CHECKING:
    from .model import Text

DOMAIN = "mkdocs_legal"
SOURCE_LANGUAGE = "en"


class MissingTranslation(LookupError):
    """A data-file text has no entry for the language being rendered."""

    def __init__(self, language: str, value: dict[str, str]) -> None:
        self.language = language
        self.value = value
        super().__init__(f"no {language!r} text in {sorted(value)}")


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural message for extraction without translating it yet."""
    return singular, plural


DURATION_UNITS = {
    "years": NP_("{count} year", "{count} years"),
    "months": NP_("{count} month", "{count} months"),
    "weeks": NP_("{count} week", "{count} weeks"),
    "days": NP_("{count} day", "{count} days"),
}
"""Duration units, worded by the catalog (or in English by these messages); a language
without a catalog gets CLDR's names from Babel."""

ONE_UNIT = {
    # TRANSLATORS: a duration of one unit in running text, in the form every duration slot of
    # your catalog takes (German: the accusative, "einen Monat"; see docs/translating.md).
    "years": N_("one year"),
    "months": N_("one month"),
    "weeks": N_("one week"),
    "days": N_("one day"),
}
"""A single unit in words, as prose writes it: the translation gives the gender and, in
languages with cases, the form that every duration slot of the catalog takes."""

# TRANSLATORS: your words for 2, 3, 4, … separated by "|", as far as your style guide writes
# numbers in words (stop earlier to write digits from there on).
NUMBER_WORDS = N_("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
"""The small numbers prose writes in words, from two on; a language writes as many as its
style guide does (the translation's length decides), and digits above them."""


def locale_dir() -> str:
    return str(files("mkdocs_legal") / "locale")


@record
class Catalog:
    """A language's translations: plain messages, and plural messages with their rule."""

    messages: dict[str, str] = field(default_factory=dict)
    plurals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plural_index: Callable[[int], int] = lambda n: int(n != 1)


@cache
def catalog(language: str) -> Catalog:
    """The catalog of `language`; empty for English or a language without a catalog."""
    for code in _candidates(language):
        directory = files("mkdocs_legal") / "locale" / code / "LC_MESSAGES"
        mo = directory / f"{DOMAIN}.mo"
        if mo.is_file():
            return _read_mo(mo.read_bytes())
        if (directory / f"{DOMAIN}.po").is_file():
            raise CatalogNotCompiled(code)
    return Catalog()


class CatalogNotCompiled(RuntimeError):
    """A source checkout whose `.po` catalog has no compiled `.mo` beside it."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"the {code!r} catalog of mkdocs-legal is not compiled: run `python3 tasks.py "
            "catalogs` in the source tree, or reinstall the package (`pip install -e .`)"
        )


def _read_mo(raw: bytes) -> Catalog:
    """A compiled catalog, read by the standard library (fuzzy entries are never compiled)."""
    from gettext import GNUTranslations
    from io import BytesIO

    class Reader(GNUTranslations):
        def entries(self) -> dict[object, str]:
            return self._catalog  # type: ignore[attr-defined, no-any-return]

    reader = Reader(BytesIO(raw))
    messages: dict[str, str] = {}
    forms: dict[str, dict[int, str]] = {}
    for key, value in reader.entries().items():
        if isinstance(key, str):
            if key and value:
                messages[key] = value
        elif isinstance(key, tuple):
            singular, index = key
            forms.setdefault(singular, {})[index] = value
    plurals = {
        msgid: tuple(by_index[i] for i in range(len(by_index)))
        for msgid, by_index in forms.items()
        if all(by_index.get(i) for i in range(len(by_index)))
    }
    return Catalog(messages, plurals, reader.plural)  # type: ignore[attr-defined]


_FELL_BACK: dict[str, set[str]] = {}


def fell_back() -> dict[str, list[str]]:
    """Built-in messages that a catalog language lacked and rendered in English, since the last
    call (language → messages); the build and `check` warn about each language once."""
    out = {code: sorted(messages) for code, messages in sorted(_FELL_BACK.items())}
    _FELL_BACK.clear()
    return out


def available_languages() -> list[str]:
    """Languages with a built-in catalog, English first."""
    root = files("mkdocs_legal") / "locale"
    found = sorted(p.name for p in root.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())
    return [SOURCE_LANGUAGE, *[c for c in found if c != SOURCE_LANGUAGE]]


def _candidates(language: str) -> list[str]:
    code = language.replace("-", "_")
    base = code.split("_")[0]
    return [code] if code == base else [code, base]


def base_language(code: str) -> str:
    """`en-GB`, `EN_gb` → `en`."""
    return code.replace("-", "_").split("_")[0].lower()


def has_catalog(language: str) -> bool:
    return base_language(language) == SOURCE_LANGUAGE or bool(catalog(language).messages)


def without_catalog_message(languages: Sequence[str], default: str, fallback: bool) -> str:
    """What to say about site languages that have no built-in texts (once per build)."""
    names = ", ".join(languages)
    steps = (
        f"to add {names}, copy mkdocs_legal/locale/{DOMAIN}.pot to "
        f"mkdocs_legal/locale/<language>/LC_MESSAGES/{DOMAIN}.po, translate it with the "
        "official GDPR terms of the language and check it with the language tests (see "
        '"Adding a language" in the docs, translating.md); the languages with built-in '
        f"texts are {', '.join(available_languages())}"
    )
    if fallback:
        return (
            f"the site language(s) {names} have no built-in texts: with `fallback: true` their "
            f"legal pages are published wholly in {default} (texts, dates and lists, marked "
            f'lang="{default}"); {steps}'
        )
    return (
        f"the site language(s) {names} have no built-in texts, so their legal pages cannot "
        f"be written; {steps}, or set the plugin option `fallback: true` to publish them "
        f"wholly in {default}"
    )


class Language:
    """Translation and formatting for one language of the site.

    With `fallback`, a language without a built-in catalog is worded wholly in `default`:
    its built-in texts, the data file's texts, dates, lists and durations alike (`wording`),
    never English words with French dates. `code` stays the page's language.
    """

    def __init__(self, code: str, *, default: str | None = None, fallback: bool = False) -> None:
        self.code = code
        self.default = default or code
        self.fallback = fallback
        self.wording = code
        if fallback and not has_catalog(code) and has_catalog(self.default):
            self.wording = self.default
        self.words = cldr.words(self.wording)
        self._base = base_language(self.wording)
        self._catalog = catalog(self.wording)
        self._messages = self._catalog.messages

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    def _(self, message: str) -> str:
        """The translation of a built-in message (English if the catalog lacks it)."""
        translated = self._messages.get(message)
        if translated is None:
            if self._messages:
                _FELL_BACK.setdefault(self.code, set()).add(message)
            return message
        return translated

    def text(self, value: Text) -> str:
        """Resolve a data-file Text: a plain string, or this language's entry of a map."""
        if isinstance(value, str):
            return value
        for code in (self.wording, *_candidates(self.wording)):
            if code in value:
                return value[code]
        if self.fallback and self.default in value:
            return value[self.default]
        raise MissingTranslation(self.code, value)

    def date(self, value: date) -> str:
        return self.words.long_date(value)

    def duration(self, iso: str, *, words: bool = True) -> str:
        """`P1Y6M` → "one year and six months" in prose; with `words=False` (tables)
        "1 year and 6 months". Small numbers are words as far as the catalog has them."""
        match = DURATION_RE.match(iso)
        if not match:
            return iso
        parts = []
        for unit in ("years", "months", "weeks", "days"):
            amount = match.group(unit)
            if amount is not None:
                count = int(amount)
                word = self.number_word(count, unit) if words else None
                parts.append(word or self._amount(count, unit))
        return self.list(parts)

    def number_word(self, count: int, unit: str) -> str | None:
        """`count` of `unit` with the number in words, or None where the language writes
        digits (a large number, or a language without a catalog)."""
        if not has_catalog(self.code):
            return None
        if count == 1:
            return self._(ONE_UNIT[unit])
        names = self._(NUMBER_WORDS).split("|")
        if not 2 <= count < len(names) + 2:
            return None
        singular, plural = DURATION_UNITS[unit]
        return self.ngettext(singular, plural, count).format(count=names[count - 2].strip())

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of a plural message for `count` (English rules without a catalog)."""
        forms = self._catalog.plurals.get(singular)
        if forms:
            index = self._catalog.plural_index(count)
            return forms[min(index, len(forms) - 1)]
        if self._messages:
            _FELL_BACK.setdefault(self.code, set()).add(singular)
        return singular if count == 1 else plural

    def _amount(self, count: int, unit: str) -> str:
        """`count` of a duration unit: the catalog's wording (legal texts say "30 dagar",
        where CLDR's Swedish says "30 dygn"), English's own, else CLDR's from Babel."""
        singular, plural = DURATION_UNITS[unit]
        if singular in self._catalog.plurals or self._base == SOURCE_LANGUAGE:
            return self.ngettext(singular, plural, count).format(count=count)
        return cldr.duration(self.wording, count, unit)

    def list(self, items: list[str]) -> str:
        return self.words.join(items)

    def country(self, code: str, *, in_sentence: bool = False) -> str:
        """A country's name in this language (`EU`, `EEA` and `UK` included).

        `in_sentence`: the name as it reads after "of" or "in" in running text, which in
        English takes "the" for some countries ("the law of the United States").
        """
        special = {"EU": self._("the EU"), "EEA": self._("the EEA")}
        if code in special:
            return special[code]
        territory = "GB" if code == "UK" else code
        name = self.words.country(territory) or code
        if in_sentence and self._base == "en" and _takes_the(territory, name):
            return f"the {name}"
        return name


_THE = {"BS", "GM", "KM", "MV", "NL", "PH", "SC", "VA"}
"""Countries whose English names take "the" in running text, beyond the patterns below."""


def _takes_the(code: str, name: str) -> bool:
    plural = name.endswith(("Islands", "Republic", "Emirates"))
    return code in _THE or name.startswith("United ") or plural


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(message: str) -> set[str]:
    """The `{name}` slots of a message (translations must keep the same set)."""
    return set(_PLACEHOLDER.findall(message))
