"""Read a gettext `.po` catalog: its usable translations and its plural rule.

Only what `language.Catalog` needs, read the way Babel's `read_po` reads it, which
costs a build a tenth of a second to import and run; this costs a few milliseconds.
Fuzzy, untranslated and obsolete (`#~`) entries are left out; message contexts
are ignored; strings are unescaped as Babel does (`\\n`, `\\t`, `\\r`, `\\"`, `\\\\`).
"""

from __future__ import annotations

import re
from dataclasses import field

from .records import record

_ESCAPE = re.compile(r'\\([\\trn"])')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(.*)$")
_PLURAL_FORMS = re.compile(r"^Plural-Forms:(.*)$", re.M | re.I)
_CHARSET = re.compile(r"^Content-Type:.*?charset=([^\s;]+)", re.M | re.I)


def _unescape(quoted: str) -> str:
    inner = quoted[1:-1]
    if "\\" not in inner:
        return inner
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), inner)


@record(frozen=False)
class PoCatalog:
    messages: dict[str, str] = field(default_factory=dict)
    """msgid → msgstr"""
    plural_forms: dict[str, dict[int, str]] = field(default_factory=dict)
    """singular msgid → its translated forms by index (`msgstr[n]`)"""
    plural_header: tuple[int, str] | None = None
    """The header's `Plural-Forms`: number of forms and the expression, e.g. `(n != 1)`."""
    charset: str = "utf-8"

    def plurals(self, count: int) -> dict[str, tuple[str, ...]]:
        """Plural messages whose `count` forms are all translated."""
        out = {}
        for msgid, forms in self.plural_forms.items():
            strings = tuple(forms.get(i, "") for i in range(count))
            if all(strings):
                out[msgid] = strings
        return out


@record(frozen=False)
class _Entry:
    fuzzy: bool = False
    translated: bool = False
    """A `msgstr` line was read: the next comment or `msgid` starts a new entry."""
    parts: dict[str, list[str]] = field(default_factory=dict)
    target: list[str] | None = None

    def text(self, key: str) -> str | None:
        return "".join(self.parts[key]) if key in self.parts else None


def read(text: str) -> PoCatalog:
    """The usable translations of a `.po` file's text."""
    out = PoCatalog()
    entry = _Entry()
    for raw in text.splitlines():
        line = raw.strip()
        first = line[:1]
        if first == '"':
            if entry.target is not None:
                entry.target.append(_unescape(line))
            continue
        if first == "#":
            if line.startswith("#~"):  # obsolete entry
                continue
            if entry.translated:
                _finish(entry, out)
                entry = _Entry()
            if line.startswith("#,") and "fuzzy" in (f.strip() for f in line[2:].split(",")):
                entry.fuzzy = True
            continue
        match = _KEYWORD.match(line) if first == "m" else None
        if match is None:
            continue
        keyword, _, arg = match.groups()
        if entry.translated and keyword in ("msgctxt", "msgid"):
            _finish(entry, out)
            entry = _Entry()
        entry.translated = entry.translated or keyword.startswith("msgstr")
        arg = arg.strip()
        entry.target = entry.parts.setdefault(keyword, [])
        if arg.startswith('"'):
            entry.target.append(_unescape(arg))
    _finish(entry, out)
    return out


def _finish(entry: _Entry, out: PoCatalog) -> None:
    msgid = entry.text("msgid")
    if msgid is None:
        return
    if not msgid:  # the header
        _header(entry.text("msgstr") or "", out)
        return
    if entry.fuzzy:
        return
    if "msgid_plural" in entry.parts:
        out.plural_forms[msgid] = {
            int(k[7:-1]): "".join(v) for k, v in entry.parts.items() if k.startswith("msgstr[")
        }
        return
    string = entry.text("msgstr")
    if string:
        out.messages[msgid] = string


def _header(text: str, out: PoCatalog) -> None:
    charset = _CHARSET.search(text)
    if charset:
        out.charset = charset.group(1).strip().lower()
    forms = _PLURAL_FORMS.search(text)
    if forms:
        params = dict(
            (k.strip().lower(), v.strip())
            for k, _, v in (p.partition("=") for p in forms.group(1).split(";"))
        )
        out.plural_header = (int(params.get("nplurals") or 2), params.get("plural") or "(n != 1)")
