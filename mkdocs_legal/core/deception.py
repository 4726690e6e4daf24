"""URLs and email addresses that read as one place and lead to another.

A contact address in a legal text is something a reader trusts. `url_deceptions` and
`email_deceptions` say, in words, what would make a website or mail link go somewhere
else than it reads: invisible bidirectional or zero-width characters, a host name that
mixes scripts (a Cyrillic `а` among Latin letters), a name of Latin look-alikes written
wholly in another script, `user@host` (the browser goes to `host`), a protocol-relative
`//host`, and extra headers or recipients in a `mailto:` address.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

# Letters of other scripts that look like Latin ones (Unicode's confusables, the common ones).
LATIN_LOOKALIKES = set(
    "аеорсухіјѕԁԛԝһӏвкмнтԍԌаАВЕЅІЈКМНОРСТХУЬѵѴ"  # Cyrillic
    "αβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"  # Greek
    "օսոհցաԁ"  # Armenian
)
# Scripts that are written together in one name as a matter of course.
_TOGETHER = [{"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "LATIN"}]


def _script(char: str) -> str | None:
    """The script of a letter, from its Unicode name; None for digits, `-` and the like."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    first = name.split(" ")[0]
    return "CJK" if first in ("CJK", "IDEOGRAPHIC") else first or None


def invisible(text: str) -> list[str]:
    """The format and control characters in `text`, named (bidi overrides, zero-width …)."""
    found = []
    for char in text:
        if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or char in "\u00ad\u180e":
            name = unicodedata.name(char, "a control character")
            found.append(f"U+{ord(char):04X} {name}")
    return list(dict.fromkeys(found))


def _label(label: str) -> str:
    """A host-name label as a reader sees it (`xn--` labels decoded)."""
    if label.lower().startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return label
    return label


def host_deceptions(host: str) -> list[str]:
    """What makes the host name `host` look like another one."""
    out = []
    labels = [_label(part) for part in host.rstrip(".").split(".")]
    ascii_tld = bool(labels) and labels[-1].isascii()
    for label in labels:
        scripts = {s for s in map(_script, label) if s}
        if len(scripts) > 1 and not any(scripts <= group for group in _TOGETHER):
            out.append(
                f"its host name mixes scripts in `{label}` ({', '.join(sorted(scripts))}): "
                "letters of one script can pass for another's (homoglyphs)"
            )
        elif (
            scripts
            and scripts != {"LATIN"}
            and ascii_tld
            and all(c in LATIN_LOOKALIKES or not c.isalpha() for c in label)
        ):
            out.append(
                f"its host name's `{label}` is written in {', '.join(sorted(scripts))} "
                "letters that look like Latin ones; it reads as an address it is not"
            )
    return out


def url_deceptions(url: str) -> list[str]:
    """What makes the website address `url` lead somewhere else than it reads."""
    out = [f"it holds an invisible character, {name}" for name in invisible(url)]
    seen = unquote(url.strip())
    if seen.startswith(("//", "\\\\", "/\\", "\\/")):
        out.append("it starts with `//`, so it goes to whatever host follows; write `https://…`")
        seen = "https:" + seen
    try:
        parts = urlsplit(seen)
        host = parts.hostname or ""
        has_user = parts.username is not None or "@" in parts.netloc
    except ValueError:
        return [*out, "it is not a valid address"]
    if has_user:
        out.append(
            f"it has the form `user@host`: a browser goes to `{host}`, not to the name "
            "before the `@`"
        )
    return out + host_deceptions(host)


def email_deceptions(address: str) -> list[str]:
    """What makes the email address `address` send mail elsewhere, or to more people."""
    out = [f"it holds an invisible character, {name}" for name in invisible(address)]
    seen = unquote(address.strip())
    if seen.lower().startswith("mailto:"):
        seen = seen[7:]
    local, at, domain = seen.rpartition("@")
    if "?" in seen or "&" in seen or "\n" in seen or "\r" in seen:
        out.append(
            "it carries `?`, `&` or a line break: in a `mailto:` link that adds headers "
            "(`cc=`, `bcc=`, `subject=`, `body=`) or recipients; give the bare address"
        )
        return out
    if "," in seen or ";" in seen:
        out.append("it lists more than one address; give one")
    elif at and "@" in local:
        out.append(f"it has more than one `@`; mail goes to `{domain}`")
    if at and domain:
        out += host_deceptions(domain)
    return out
