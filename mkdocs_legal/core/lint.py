"""Lint rules (SPEC §8): references, placeholders, legal completeness, translations.

Each rule has a stable code. Codes LGL001–LGL009 come from reading (and `extends`)
and schema validation; the ones here start at LGL010 (errors) and LGL100 (warnings); LGL200–
LGL299 concern the history folder (`history.py`, `publication.py`). The rules of the law's
topics (special categories, marketing, retention, children, Art. 22, cookies, wording,
parties) are in `core/checks/`: LGL040–LGL099 (errors) and LGL120–LGL199 (warnings).
`RULES` gathers the catalogue of `codes.py` and the topics' codes; the docs page of lint
rules is generated from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from . import checks
from .checks import consumer as lint_consumer
from .codes import BASE, FindingCode
from .documents import SECTION_IDS
from .findings import Finding, Severity
from .markdown import markup_dropped
from .model import LANGUAGE_RE, LegalData
from .vocabulary import DATA_CATEGORIES, SOURCES
from .yamlsource import Located, Path_

RULES: dict[str, FindingCode] = {
    r.code: r
    for r in [
        *BASE,
        *checks.RULES,
        *lint_consumer.RULES,
    ]
}
"""Every finding code, by code (`codes.py` has the catalogue's own entries)."""

PROSE_KEYS = {
    "description", "legitimate_interest", "legal_obligation", "withdraw", "consequence",
    "criteria", "condition", "instrument", "copy", "logic", "consequences", "how", "text",
    "purpose", "service", "channel", "cancellation_fee", "liability", "summary", "title", "body",
    "label", "arrangement", "objection", "parental_consent", "special_category_law",
    "criminal_offence_basis", "law",
}  # fmt: skip

_PLACEHOLDERS = [
    (re.compile(r"\[[^\]\n]{0,80}\](?![(\[:])"), "bracketed placeholder {match}"),
    (re.compile(r"\b(?:TODO|TBD|XXX|FIXME)\b"), "{match}"),
    (re.compile(r"lorem\s+ipsum", re.IGNORECASE), "{match}"),
]
_EXAMPLE_DOMAIN = re.compile(r"\bexample\.(?:com|org|net)\b", re.IGNORECASE)
_CONTACT_KEYS = {"email", "privacy_email", "website", "url", "phone"}


class Linter:
    def __init__(
        self,
        located: Located,
        data: LegalData,
        languages: list[str],
        *,
        fallback: bool = False,
        consent: bool = True,
    ) -> None:
        self.located = located
        self.data = data
        self.languages = languages
        self.fallback = fallback
        self.consent = consent
        self.findings: list[Finding] = []

    def add(self, code: str, message: str, path: Path_, *, key: bool = False) -> None:
        self._append(code, RULES[code].severity, message, path, key=key)

    def _append(
        self, code: str, severity: Severity, message: str, path: Path_, *, key: bool = False
    ) -> None:
        """Record a finding at the file, line and column the value at `path` came from."""
        self.findings.append(self.located.finding(path, code, severity, message, key=key))

    def run(self) -> list[Finding]:
        self.references()
        self.placeholders()
        self.addresses()
        self.legal()
        self.versions()
        self.translations()
        for topic in checks.TOPICS:
            topic.check(self)
        return sorted(set(self.findings))

    # --- references ----------------------------------------------------------------------

    def _unique(self, key: str) -> set[str]:
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(self.data, key)):
            if item.id in seen:
                self.add(
                    "LGL013",
                    f"id `{item.id}` is used twice here (first at {key}[{seen[item.id]}])",
                    (key, i, "id"),
                )
            seen.setdefault(item.id, i)
        return set(seen)

    def references(self) -> None:
        data = self.data
        categories = self._unique("data_categories")
        sources = self._unique("sources")
        recipients = self._unique("recipients")
        self._unique("purposes")
        for i, item in enumerate(data.data_categories):
            if item.id not in DATA_CATEGORIES and item.label is None:
                self.add(
                    "LGL011",
                    f"`{item.id}` is not a built-in data category, so it needs a "
                    f"`label`; built-in ids: {', '.join(DATA_CATEGORIES)}",
                    ("data_categories", i),
                )
        for i, src_item in enumerate(data.sources):
            if src_item.id not in SOURCES and src_item.label is None:
                self.add(
                    "LGL011",
                    f"`{src_item.id}` is not a built-in source, so it needs a `label`; "
                    f"built-in ids: {', '.join(SOURCES)}",
                    ("sources", i),
                )
        for i, purpose in enumerate(data.purposes):
            for j, cat in enumerate(purpose.data):
                if cat not in categories and cat not in DATA_CATEGORIES:
                    self.add(
                        "LGL010",
                        f"unknown data category `{cat}`: declare it under "
                        f"`data_categories` with a label, or use a built-in id "
                        f"({', '.join(DATA_CATEGORIES)})",
                        ("purposes", i, "data", j),
                    )
            for j, src in enumerate(purpose.sources):
                if src not in sources and src not in SOURCES:
                    self.add(
                        "LGL010",
                        f"unknown source `{src}`: declare it under `sources`, or "
                        f"use a built-in id ({', '.join(SOURCES)})",
                        ("purposes", i, "sources", j),
                    )
            if isinstance(purpose.retention, str) and purpose.retention not in data.retention:
                known = ", ".join(data.retention) or "none defined"
                self.add(
                    "LGL010",
                    f"unknown retention `{purpose.retention}`: define it under the "
                    f"top-level `retention` map (defined: {known})",
                    ("purposes", i, "retention"),
                )
        if data.cookies:
            for i, cookie in enumerate(data.cookies.items):
                if cookie.provider != "first_party" and cookie.provider not in recipients:
                    self.add(
                        "LGL010",
                        f"cookie provider `{cookie.provider}` is neither "
                        f"`first_party` nor a recipient id (recipients: "
                        f"{', '.join(sorted(recipients)) or 'none'})",
                        ("cookies", "items", i, "provider"),
                    )
        if isinstance(data.supervisory_authority, str):
            from . import authorities

            if authorities.get(data.supervisory_authority) is None:
                self.add(
                    "LGL012",
                    f"`{data.supervisory_authority}` is not a built-in authority; "
                    f"use one of {', '.join(authorities.keys())}, or give "
                    "`{name, url, address}`",
                    ("supervisory_authority",),
                )
        custom_ids = {s.id for s in data.sections}
        for i, section in enumerate(data.sections):
            valid = set(SECTION_IDS[section.document]) | custom_ids
            for key in ("after", "replace"):
                target = getattr(section, key)
                if target is not None and target not in valid:
                    self.add(
                        "LGL027",
                        f"`{target}` is not a section of the {section.document} "
                        f"document; valid: {', '.join(SECTION_IDS[section.document])}",
                        ("sections", i, key),
                    )
        import difflib

        from .vocabulary import RECIPIENT_CATEGORIES

        for i, r in enumerate(data.recipients):
            if isinstance(r.category, str) and r.category not in RECIPIENT_CATEGORIES:
                close = difflib.get_close_matches(
                    r.category, list(RECIPIENT_CATEGORIES), n=1, cutoff=0.6
                )
                if close or re.fullmatch(r"[a-z_]+", r.category):
                    hint = f"did you mean `{close[0]}`? " if close else ""
                    self.add(
                        "LGL105",
                        f"`{r.category}` is not a built-in recipient category, so it "
                        f"is shown as written; {hint}built-in: {', '.join(RECIPIENT_CATEGORIES)}",
                        ("recipients", i, "category"),
                    )

    # --- placeholders --------------------------------------------------------------------

    def placeholders(self) -> None:
        for path, value in walk_strings(self.located.data):
            key = next(
                (p for p in reversed(path) if isinstance(p, str) and not LANGUAGE_RE.match(p)), ""
            )
            markdown = key in {"body", "summary"} or (path and path[0] == "intro")
            dropped = markup_dropped(value) if markdown else []
            if dropped:
                self.add(
                    "LGL130",
                    f"this Markdown makes HTML a page may not contain ({', '.join(dropped[:3])}"
                    f"{', …' if len(dropped) > 3 else ''}); it is shown as plain text, as written",
                    path,
                )
            for pattern, label in _PLACEHOLDERS:
                if markdown and label.startswith("bracketed"):
                    continue
                match = pattern.search(value)
                if match:
                    what = label.format(match=repr(match.group(0)))
                    self.add(
                        "LGL020", f"placeholder text left in: {what}; write the real value", path
                    )
                    break
            if key in _CONTACT_KEYS and _EXAMPLE_DOMAIN.search(value):
                self.add(
                    "LGL020",
                    f"{value!r} is an example address; use the organisation's real contact details",
                    path,
                )

    # --- addresses that deceive ------------------------------------------------------------

    def addresses(self) -> None:
        from .deception import email_deceptions, url_deceptions

        org = self.data.organisation
        checks: list[tuple[str | None, Path_, Any]] = [
            (org.website, ("organisation", "website"), url_deceptions),
            (org.email, ("organisation", "email"), email_deceptions),
            (org.privacy_email, ("organisation", "privacy_email"), email_deceptions),
        ]
        for key in ("dpo", "representative"):
            contact = getattr(org, key)
            if contact is not None:
                checks.append((contact.email, ("organisation", key, "email"), email_deceptions))
        authority = self.data.supervisory_authority
        if authority is not None and not isinstance(authority, str):
            checks.append((authority.url, ("supervisory_authority", "url"), url_deceptions))
        for value, path, check in checks:
            if value:
                for problem in check(value):
                    self.add("LGL050", f"{value!r}: {problem}", path)

    # --- legal rules ---------------------------------------------------------------------

    def legal(self) -> None:
        data = self.data
        for i, p in enumerate(data.purposes):
            if p.legal_basis == "f" and p.legitimate_interest is None:
                self.add(
                    "LGL021",
                    "legal basis `f` (legitimate interests) needs "
                    "`legitimate_interest`: what interest you pursue",
                    ("purposes", i, "legal_basis"),
                )
            if p.legal_basis == "a" and p.withdraw is None:
                self.add(
                    "LGL022",
                    "legal basis `a` (consent) needs `withdraw`: how a person withdraws consent",
                    ("purposes", i, "legal_basis"),
                )
            if p.retention is None:
                self.add(
                    "LGL101",
                    f"purpose `{p.id}` has no `retention`: say how long the data is "
                    "kept, or the criteria (Art. 13(2)(a))",
                    ("purposes", i),
                )
        if data.cookies and not self.consent:
            for i, c in enumerate(data.cookies.items):
                if c.category != "necessary":
                    self.add(
                        "LGL023",
                        f"cookie `{c.name}` is `{c.category}`, so it needs consent "
                        "before it is set, but the consent banner is off (`consent: false`)",
                        ("cookies", "items", i, "category"),
                    )
        if (
            data.audience in {"b2c", "both"}
            and data.terms
            and data.terms.refunds == "none_if_delivered_as_agreed"
        ):
            self.add(
                "LGL024",
                "consumers keep a 14-day right of withdrawal (Directive 2011/83/EU); "
                "`refunds: none_if_delivered_as_agreed` cannot apply to them",
                ("terms", "refunds"),
            )
        for code, message, path in lint_consumer.check(data, self.located.data):
            self.add(code, message, path)
        org = data.organisation
        if not (org.email or org.privacy_email or org.phone or org.address):
            self.add(
                "LGL101",
                "no contact details: give at least `email` or `address` (Art. 13(1)(a))",
                ("organisation",),
            )
        if not data.purposes:
            self.add(
                "LGL101",
                "no `purposes`: list what you process personal data for, each with "
                "its legal basis (Art. 13(1)(c))",
                (),
            )
        if not data.recipients:
            self.add(
                "LGL101",
                "no `recipients`: list who receives personal data, at least by "
                "category (Art. 13(1)(e))",
                (),
            )
        if data.supervisory_authority is None:
            self.add(
                "LGL101",
                "no `supervisory_authority`: name the authority a person can "
                "complain to (Art. 13(2)(d)), e.g. `SE`",
                (),
            )
        from .documents.common import EEA

        providers = {c.provider for c in data.cookies.items} if data.cookies else set()
        for i, r in enumerate(data.recipients):
            third = r.country and r.country not in EEA and r.role != "authority"
            if third and not r.transfers and r.id not in providers:  # those are LGL104
                self.add(
                    "LGL107",
                    f"`{r.id}` is in {r.country}, a third country, but has no `transfers` "
                    "entry: say on what basis data goes there (Art. 13(1)(f))",
                    ("recipients", i, "country"),
                )
        if data.cookies:
            by_id = {r.id: r for r in data.recipients}
            for i, c in enumerate(data.cookies.items):
                source = by_id.get(c.provider)
                if source and source.country and source.country not in EEA and not source.transfers:
                    self.add(
                        "LGL104",
                        f"cookie `{c.name}` comes from `{source.id}` in {source.country}, a "
                        "third country, but that recipient has no `transfers` entry",
                        ("cookies", "items", i, "provider"),
                    )

    def versions(self) -> None:
        seen: dict[tuple[str, Any], int] = {}
        first_effective = min((v.effective for v in self.data.versions), default=None)
        for i, v in enumerate(self.data.versions):
            clashes: dict[int, list[str]] = {}
            for doc in v.documents or ["privacy", "cookies", "terms"]:
                if (doc, v.effective) in seen:
                    clashes.setdefault(seen[(doc, v.effective)], []).append(doc)
                seen.setdefault((doc, v.effective), i)
            for first, docs in clashes.items():
                self.add(
                    "LGL025",
                    f"two versions of {', '.join(docs)} take effect on {v.effective} "
                    f"(versions[{first}] and versions[{i}]); give each date one entry",
                    ("versions", i, "effective"),
                )
            if v.summary is None and v.effective != first_effective:  # the first changes nothing
                self.add(
                    "LGL060" if v.material else "LGL160",
                    f"version {v.label} ({v.effective}) has no `summary`, so the changelog, feed "
                    "and redline pages do not say what changed; add one"
                    + (" (a material change must say it)" if v.material else ""),
                    ("versions", i),
                )
            if v.material and v.published and v.effective - v.published < timedelta(days=30):
                self.add(
                    "LGL102",
                    f"material change published {v.published}, only "
                    f"{(v.effective - v.published).days} days before it takes effect on "
                    f"{v.effective}; give people at least 30 days",
                    ("versions", i, "published"),
                )

    # --- translations --------------------------------------------------------------------

    def translations(self) -> None:
        multi = len(self.languages) > 1
        for path, value in walk_texts(self.located.data):
            if isinstance(value, dict):
                missing = [lang for lang in self.languages if not _has_language(value, lang)]
                if missing and not self.fallback:
                    self.add(
                        "LGL026",
                        f"no text for {', '.join(missing)} (the site's languages are "
                        f"{', '.join(self.languages)}); add it, or set `fallback: true`",
                        path,
                    )
                elif missing:
                    self._append(
                        "LGL026",
                        "warning",
                        f"no text for {', '.join(missing)}; the default language is shown instead",
                        path,
                    )
            elif multi and _is_prose(path):
                self.add(
                    "LGL103",
                    f"this text is the same in every language; give one per "
                    f"language: {{{', '.join(f'{lang}: …' for lang in self.languages)}}}",
                    path,
                )


def _has_language(value: dict[str, str], language: str) -> bool:
    return language in value or language.replace("-", "_").split("_")[0] in value


def _is_prose(path: Path_) -> bool:
    key = path[-1] if path else ""
    if key == "from":
        return False
    return (isinstance(key, str) and key in PROSE_KEYS) or (len(path) == 2 and path[0] == "intro")


is_prose = _is_prose


def walk_strings(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk_strings(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk_strings(v, (*path, i))


def is_text_map(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and LANGUAGE_RE.match(k) and len(k) <= 6 for k in value)
        and all(isinstance(v, str) for v in value.values())
    )


def walk_texts(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str | dict[str, str]]]:
    """Every Text value: language maps, and plain strings (callers filter by key)."""
    if (is_text_map(value) and path and isinstance(path[-1], str)) or isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk_texts(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk_texts(v, (*path, i))


def lint(
    located: Located,
    data: LegalData,
    languages: list[str],
    *,
    fallback: bool = False,
    consent: bool = True,
) -> list[Finding]:
    """All lint findings for validated data."""
    return Linter(located, data, languages, fallback=fallback, consent=consent).run()
