"""The history folder: frozen texts of released versions (SPEC §5).

A frozen text lives at `<history_dir>/<document>/<effective>.<language>.md`:

    ---
    document: privacy
    language: en
    version: "2026-03-01"
    effective: 2026-03-01
    sha256: 3f1c…
    ---
    # Privacy policy
    …

The `sha256` is of the body (everything after the closing `---` line), UTF-8 with
LF line endings. Links inside a body are `legal:<page>` tokens, so a frozen text
does not depend on where the site puts its pages. Nothing here ever rewrites a
frozen file: `plan_release` reports a conflict instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from .findings import Finding, Severity
from .records import record

_FIELDS = ("document", "language", "version", "effective", "sha256")
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.([A-Za-z]{2,3}(?:[_-][A-Za-z0-9]+)?)\.md$")


def file_finding(path: str, code: str, severity: Severity, message: str) -> Finding:
    """A finding about a whole file of the history folder."""
    return Finding(path, 1, 1, code, severity, message)


def normalise(body: str) -> str:
    """A body as it is hashed and stored: LF line endings, one final newline."""
    if body.endswith("\n") and not body.endswith("\n\n") and "\r" not in body:
        return body  # already so, as every frozen text is: no copy
    return body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"


def digest(body: str) -> str:
    """sha256 (hex) of a body, UTF-8, LF line endings."""
    return hashlib.sha256(normalise(body).encode("utf-8")).hexdigest()


@record
class Frozen:
    """One released text of one document, language and version."""

    document: str
    language: str
    version: str
    effective: date
    sha256: str
    body: str
    path: Path | None = None

    @property
    def intact(self) -> bool:
        """Whether the body still matches the hash recorded when it was released."""
        return digest(self.body) == self.sha256

    def dump(self) -> str:
        """The file's content: front matter, then the body."""
        values = {
            "document": self.document,
            "language": self.language,
            "version": self.version,
            "effective": self.effective.isoformat(),
            "sha256": self.sha256,
        }
        # JSON strings are valid YAML scalars, so odd version labels stay one line
        lines = [f"{key}: {json.dumps(values[key], ensure_ascii=False)}" for key in _FIELDS]
        return "---\n" + "\n".join(lines) + "\n---\n" + normalise(self.body)


def frozen(document: str, language: str, version: str, effective: date, body: str) -> Frozen:
    """A new frozen text, hashed now."""
    body = normalise(body)
    return Frozen(document, language, version, effective, digest(body), body)


def path_of(history_dir: Path, document: str, effective: date, language: str) -> Path:
    return history_dir / document / f"{effective.isoformat()}.{language}.md"


class HistoryError(ValueError):
    """A file in the history folder cannot be read as a frozen text."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(message)
        self.finding = Finding(str(path), line, 1, "LGL204", "error", message)


def split(path: Path, text: str) -> tuple[list[str], str]:
    """The front matter's lines and the body of a frozen text (LF line endings).

    The front matter lies between a first line `---` and the next line that is `---`; it
    is found without splitting the whole text into lines, which a build does for every
    frozen text.
    """
    if text != "---" and not text.startswith("---\n"):
        raise HistoryError(path, 1, "a frozen text starts with a `---` front matter line")
    end = text.find("\n---\n", 3)
    if end != -1:
        body = text[end + 5 :]
    elif text.endswith("\n---") and len(text) >= 7:
        end, body = len(text) - 4, ""
    else:
        raise HistoryError(path, 1, "the front matter has no closing `---` line")
    return (text[4:end].split("\n") if end > 3 else []), body


def parse(path: Path, text: str) -> Frozen:
    """Read a frozen text; `HistoryError` names the line that is wrong."""
    head, body = split(path, text.replace("\r\n", "\n"))
    values: dict[str, str] = {}
    for number, line in enumerate(head, start=2):
        key, sep, raw = line.partition(":")
        if not sep or key.strip() not in _FIELDS:
            raise HistoryError(
                path, number, f"unexpected front matter line {line!r}; keys: {', '.join(_FIELDS)}"
            )
        raw = raw.strip()
        try:
            value = _json_string(raw) if raw.startswith('"') else raw
        except json.JSONDecodeError:
            raise HistoryError(path, number, f"cannot read the value of {key.strip()}") from None
        values[key.strip()] = str(value)
    missing = [k for k in _FIELDS if k not in values]
    if missing:
        raise HistoryError(path, 1, f"front matter lacks {', '.join(missing)}")
    try:
        effective = date.fromisoformat(values["effective"])
    except ValueError:
        raise HistoryError(path, 1, "`effective` is not a YYYY-MM-DD date") from None
    return Frozen(
        values["document"],
        values["language"],
        values["version"],
        effective,
        values["sha256"],
        normalise(body),
        path,
    )


def _json_string(raw: str) -> Any:
    """`json.loads(raw)`, without the call for a string as `release` writes it: printable,
    no inner quote or backslash, so JSON would read it as it stands."""
    inner = raw[1:-1]
    plain = len(raw) > 1 and raw.endswith('"') and inner.isprintable()
    if plain and '"' not in inner and "\\" not in inner:
        return inner
    return json.loads(raw)


Key = tuple[str, str, date]
"""(document, language, effective)"""


@record(frozen=False)
class History:
    """Every frozen text in a history folder, and what was wrong with the folder."""

    texts: dict[Key, Frozen]
    findings: list[Finding]

    def get(self, document: str, language: str, effective: date) -> Frozen | None:
        return self.texts.get((document, language, effective))


def scan(history_dir: Path) -> History:
    """Read every `<document>/<date>.<language>.md` under `history_dir` (missing: empty)."""
    texts: dict[Key, Frozen] = {}
    findings: list[Finding] = []
    if not history_dir.is_dir():
        return History(texts, findings)
    for path in sorted(history_dir.glob("*/*.md"), key=lambda p: p.parts):
        match = _NAME.match(path.name)
        if match is None:
            findings.append(
                file_finding(
                    str(path),
                    "LGL204",
                    "error",
                    "a history file is named <effective>.<language>.md, e.g. 2026-03-01.en.md",
                )
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
            item = parse(path, text)
        except UnicodeDecodeError:
            findings.append(file_finding(str(path), "LGL204", "error", "not UTF-8 text"))
            continue
        except OSError as exc:  # a dangling symbolic link, a folder named *.md, no permission
            findings.append(file_finding(str(path), "LGL204", "error", _unreadable(path, exc)))
            continue
        except HistoryError as exc:
            findings.append(exc.finding)
            continue
        named = (path.parent.name, match.group(2), match.group(1))
        recorded = (item.document, item.language, item.effective.isoformat())
        if named != recorded:
            findings.append(
                file_finding(
                    str(path),
                    "LGL204",
                    "error",
                    f"the front matter says {'/'.join(recorded)} but the file's place says "
                    f"{'/'.join(named)}; a frozen file must not be moved or renamed",
                )
            )
            continue
        texts[(item.document, item.language, item.effective)] = item
    return History(texts, findings)


def _unreadable(path: Path, exc: OSError) -> str:
    if path.is_symlink() and not path.exists():
        return (
            f"a symbolic link to {os.readlink(path)}, which does not exist; restore the frozen "
            "file or remove the link"
        )
    return f"cannot be read ({exc.strerror or exc}); a frozen text must be a readable file"


def fingerprint(history_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Modification state of the history folder, to know when a cached scan is stale."""
    if not history_dir.is_dir():
        return ()
    out = []
    for root, _dirs, files in os.walk(history_dir):
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(root, name))
            except OSError:  # a dangling link: its own state, so its repair is noticed
                st = os.lstat(os.path.join(root, name))
            out.append((os.path.join(root, name), st.st_mtime_ns, st.st_size))
    return tuple(sorted(out))


@record
class Planned:
    """One file `release` would write, or found already written."""

    path: Path
    text: Frozen
    state: str  # "new" | "unchanged" | "conflict"
    existing: Frozen | None = None


def plan_release(history_dir: Path, texts: Iterable[Frozen], history: History) -> list[Planned]:
    """What releasing `texts` would do: write new files, keep equal ones, refuse to change any."""
    plan: list[Planned] = []
    for text in texts:
        path = path_of(history_dir, text.document, text.effective, text.language)
        existing = history.get(text.document, text.language, text.effective)
        if existing is None and path.exists():
            plan.append(Planned(path, text, "conflict"))
        elif existing is None:
            plan.append(Planned(path, text, "new"))
        elif existing.body == text.body and existing.intact:
            plan.append(Planned(path, text, "unchanged", existing))
        else:
            plan.append(Planned(path, text, "conflict", existing))
    return plan


def write(plan: list[Planned]) -> list[Path]:
    """Write the `new` files of a plan that has no conflict; never overwrite a file."""
    if any(p.state == "conflict" for p in plan):
        raise ValueError("a release plan with conflicts is never written")
    written: list[Path] = []
    for item in plan:
        if item.state != "new":
            continue
        item.path.parent.mkdir(parents=True, exist_ok=True)
        with open(item.path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(item.text.dump())
        written.append(item.path)
    return written
