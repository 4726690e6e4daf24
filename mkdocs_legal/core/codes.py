"""The catalogue of finding codes: every code's severity, what it finds and how to fix it.

Codes LGL001–LGL009 come from reading (and `extends`) and schema validation; LGL010–LGL039
(errors) and LGL100–LGL119 (warnings) are the general lint rules (`lint.py`); the law's
topics add LGL040–LGL099 and LGL120–LGL199 (`checks/`, consumer law in `checks/consumer.py`); LGL200–LGL299
concern the history folder. `lint.RULES` gathers them all; the docs page of lint rules is
generated from it.
"""

from __future__ import annotations

from .findings import Severity
from .records import record


@record
class FindingCode:
    """A finding's stable code, its severity, what it finds and how to fix it."""

    code: str
    severity: Severity
    summary: str
    fix: str


BASE: list[FindingCode] = [
    FindingCode(
        "LGL001",
        "error",
        "The file cannot be read as YAML.",
        "Fix the YAML syntax at the position given; indent with spaces.",
    ),
    FindingCode(
        "LGL002",
        "error",
        "A YAML tag or merge key is used.",
        "Write plain values; no `!!tags`, anchors merge keys (`<<`).",
    ),
    FindingCode(
        "LGL003", "error", "A key appears twice in one map.", "Keep one of the two entries."
    ),
    FindingCode(
        "LGL004",
        "error",
        "A required field is missing or empty.",
        "Add the field named in the message.",
    ),
    FindingCode(
        "LGL005",
        "error",
        "An unknown key.",
        "Use one of the keys listed in the message (check the spelling).",
    ),
    FindingCode(
        "LGL006",
        "error",
        "A value has the wrong type or is not one of the allowed values.",
        "Use a value of the kind the message names.",
    ),
    FindingCode(
        "LGL007",
        "error",
        "A date, duration or country is malformed.",
        "Dates are `YYYY-MM-DD`, durations ISO 8601 (`P12M`), countries ISO 3166-1 alpha-2 (`SE`).",
    ),
    FindingCode(
        "LGL008",
        "error",
        "An id or language code has a character that is not allowed.",
        "Ids are lowercase letters, digits, `_` and `-`, starting with a letter.",
    ),
    FindingCode(
        "LGL009",
        "error",
        "`extends` names a base file that does not exist, or the bases form a cycle.",
        "Fix the path (it is relative to the extending file), or break the cycle.",
    ),
    FindingCode(
        "LGL010",
        "error",
        "A reference to an id that does not exist.",
        "Define the id, or refer to one that exists (both places are named).",
    ),
    FindingCode(
        "LGL011",
        "error",
        "A custom id has no label.",
        "Give the item a `label`, or use a built-in id.",
    ),
    FindingCode(
        "LGL012",
        "error",
        "Unknown built-in supervisory authority.",
        "Use a built-in key (`SE`, `DK`, `DE-BY`, …) or `{name, url, address}`.",
    ),
    FindingCode(
        "LGL013", "error", "Two items of one list share an id.", "Give each item its own id."
    ),
    FindingCode(
        "LGL020",
        "error",
        "Placeholder or template text left in a field.",
        "Replace `[X]`, `TODO`, `TBD`, `XXX`, `lorem ipsum` or `example.com` with the real value.",
    ),
    FindingCode(
        "LGL021",
        "error",
        "Legal basis `f` without `legitimate_interest`.",
        "Describe the legitimate interest (Art. 13(1)(d)).",
    ),
    FindingCode(
        "LGL022",
        "error",
        "Legal basis `a` without a way to withdraw consent.",
        "Say how to withdraw in `withdraw` (Art. 7(3), 13(2)(c)).",
    ),
    FindingCode(
        "LGL023",
        "error",
        "A cookie that needs consent, with no consent path.",
        "Keep `consent: true` in the plugin options, or mark the cookie `necessary` if it is.",
    ),
    FindingCode(
        "LGL024",
        "error",
        "Consumer terms that exclude refunds.",
        "With `audience: b2c` or `both`, use `refunds: pro_rata` or a text that keeps the 14-day right of withdrawal.",
    ),
    FindingCode(
        "LGL025",
        "error",
        "Two versions of one document take effect on the same date.",
        "Merge the two entries or change one `effective` date.",
    ),
    FindingCode(
        "LGL026",
        "error",
        "A text lacks a language of the site.",
        "Add the language to the text map, or set `fallback: true`.",
    ),
    FindingCode(
        "LGL027",
        "error",
        "A custom section refers to a section that does not exist.",
        "Use a section id of that document for `after`/`replace`.",
    ),
    FindingCode(
        "LGL050",
        "error",
        "A website, email or authority address that reads as one place and leads to "
        "another: invisible (bidirectional, zero-width) characters, a host name mixing "
        "scripts or made of look-alike letters, `user@host`, a protocol-relative `//host`, "
        "or headers and extra recipients in an email address (`?cc=`, `?bcc=`).",
        "Write the plain address: `https://host/…` for a website, `name@host` for email, "
        "host names in one script, no invisible characters.",
    ),
    FindingCode(
        "LGL060",
        "error",
        "A material version after the first has no `summary`: the changelog, feed and "
        "redline pages would not say what changed.",
        "Add `summary` to the version: what changes for the reader, in every language.",
    ),
    FindingCode(
        "LGL101",
        "warning",
        "An item GDPR Art. 13/14 requires is missing.",
        "Add the facts named in the message.",
    ),
    FindingCode(
        "LGL102",
        "warning",
        "A material change is published less than 30 days before it takes effect.",
        "Publish earlier, or move `effective` later.",
    ),
    FindingCode(
        "LGL103",
        "warning",
        "A prose field is a plain string in a multi-language site.",
        "Give a map with a text per language (`{en: …, sv: …}`).",
    ),
    FindingCode(
        "LGL104",
        "error",
        "A cookie from a recipient in a third country with no transfer entry.",
        "Add a `transfers` entry (country and mechanism) to that recipient.",
    ),
    FindingCode(
        "LGL105",
        "warning",
        "A recipient category that looks like a misspelt built-in.",
        "Use the built-in id named in the message.",
    ),
    FindingCode(
        "LGL106",
        "warning",
        "A text changed in the default language since the last release, but a translation did not.",
        "Update the translation, or release if it still says the same.",
    ),
    FindingCode(
        "LGL107",
        "error",
        "A recipient in a third country with no transfer entry (Art. 13(1)(f)).",
        "Add a `transfers` entry (country and mechanism) to that recipient.",
    ),
    FindingCode(
        "LGL130",
        "warning",
        "A Markdown field (`body`, `intro`, `summary`) makes HTML a page may not contain "
        "(raw HTML the parser reads as such, a link to another scheme, …), so it is shown "
        "as plain text, as written.",
        "Write it as Markdown without HTML; links may be `https:`, `http:`, `mailto:`, "
        "`tel:` or relative.",
    ),
    FindingCode(
        "LGL160",
        "warning",
        "A version after the first has no `summary`: the changelog, feed and redline pages "
        "do not say what changed.",
        "Add `summary` to the version: what changes for the reader, in every language.",
    ),
    FindingCode(
        "LGL161",
        "warning",
        "The site's `mkdocs.yml` has no `site_url`: the sitemap, language alternates, "
        "canonical links and feed get no absolute addresses.",
        "Set `site_url` to the address the site is published at (`mkdocs-legal init --url` does).",
    ),
    FindingCode(
        "LGL201",
        "warning",
        "A frozen text in the history folder no longer matches its sha256.",
        "Restore the released file from version control; a change is a new version.",
    ),
    FindingCode(
        "LGL202",
        "warning",
        "Today's rendering of the newest version differs from its frozen text.",
        "Add a `versions` entry for the change and run `mkdocs-legal release`, or undo it.",
    ),
    FindingCode(
        "LGL203",
        "error",
        "The version in force has no frozen text, and only the newest can be rendered.",
        "Run `mkdocs-legal release` before adding a newer version (the message says how "
        "to recover).",
    ),
    FindingCode(
        "LGL204",
        "error",
        "A file in the history folder is not a readable frozen text.",
        "Restore it from version control; files are `<document>/<date>.<language>.md`.",
    ),
    FindingCode(
        "LGL206",
        "error",
        "A document has facts, but every version was released without it.",
        "Add a version that lists it (`documents: [<id>]`) from the day its text is first "
        "published, and run `mkdocs-legal release`.",
    ),
    FindingCode(
        "LGL205",
        "warning",
        "A frozen text belongs to no entry of `versions`.",
        "Restore the removed version entry; versions are never removed.",
    ),
]
"""The codes of reading, validation, the general lint rules and the history folder."""
