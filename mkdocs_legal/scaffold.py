"""`mkdocs-legal init`: a new site that builds as generated (SPEC §7).

The files come from the templates in the `init_files/` folder beside this module
(`string.Template` syntax). The data file is valid but unfinished: what the organisation
must still add is left out, with `FILL IN` comments, so the lint warnings of
`mkdocs-legal check --strict` list it until it is done.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

from . import __version__
from .core import authorities
from .core.changelog import title as changelog_title
from .core.cldr import babel_locale
from .core.dates import build_date
from .core.language import Language, available_languages
from .core.markdown import escape
from .core.model import _check_country
from .core.records import record
from .core.vocabulary import DOCUMENT_TITLES

TEMPLATES = {
    "mkdocs.yml": "mkdocs.yml",
    "legal.yml": "legal.yml",
    "overrides/main.html": "overrides/main.html",
    ".github/workflows/publish.yml": "github/workflows/publish.yml",
    ".gitignore": "gitignore",
}
"""Path in the new site → template (dot files are stored without the dot)."""

ZENSICAL_TEMPLATES = {
    "mkdocs.yml": "zensical/mkdocs.yml",
    "legal.yml": "legal.yml",
    ".github/workflows/publish.yml": "zensical/github/workflows/publish.yml",
    ".gitignore": "zensical/gitignore",
}
"""The same for `--generator zensical`: `mkdocs-legal export` writes the legal pages, and
Zensical builds the site (it has no plugins, and no `custom_dir` templates here)."""

GENERATORS = ("mkdocs", "zensical")


class ScaffoldError(ValueError):
    """A bad answer to `init` (a usage error)."""


@record
class Answers:
    """What `init` needs to know about the new site."""

    name: str
    country: str
    languages: tuple[str, ...]
    timezone: str
    today: date
    url: str | None = None
    """`site_url`; None leaves a FILL IN that `check` reports (LGL161)."""

    @classmethod
    def parse(
        cls,
        name: str,
        country: str,
        languages: str,
        today: date | None = None,
        url: str | None = None,
    ) -> Answers:
        """Check the command-line answers (`ScaffoldError` naming what is valid)."""
        name = name.strip()
        if not name or "\n" in name or "\r" in name:
            raise ScaffoldError("--name: give the organisation's legal name on one line")
        code = country.strip().upper()
        try:
            _check_country(code)
        except ValueError as exc:
            raise ScaffoldError(f"--country: {exc}") from None
        langs = tuple(x.strip() for x in languages.split(",") if x.strip())
        available = available_languages()
        unknown = [x for x in langs if x not in available]
        if not langs or unknown or len(set(langs)) != len(langs):
            what = f"no built-in texts in {', '.join(unknown)}" if unknown else "bad list"
            raise ScaffoldError(
                f"--languages: {what}; give a comma-separated list without repeats, default "
                f"language first, from: {', '.join(available)}"
            )
        zone = timezone_for(code)
        return cls(name, code, langs, zone, today or build_date(None, zone), _site_url(url))


def _site_url(url: str | None) -> str | None:
    """`--url` as `site_url`: an http(s) address with a host, ending in `/`."""
    if url is None:
        return None
    from urllib.parse import urlsplit

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in " \"'#"):
        raise ScaffoldError(
            "--url: give the address the site is published at, such as "
            "https://<user>.github.io/<repository>/"
        )
    return url if url.endswith("/") else url + "/"


_MAIN_ZONES = {"DE": "Europe/Berlin"}
"""Countries whose main zone is not the only (European) zone Babel lists."""


def timezone_for(country: str) -> str:
    """The IANA time zone of a country: its only one, or its only European one; else UTC."""
    from babel.core import get_global

    if country in _MAIN_ZONES:
        return _MAIN_ZONES[country]
    zones: list[str] = list(get_global("territory_zones").get(_territory(country), []))
    european = [z for z in zones if z.startswith("Europe/")]
    for candidates in (zones, european):
        if len(candidates) == 1:
            return candidates[0]
    return "UTC"


def _territory(country: str) -> str:
    return "GB" if country == "UK" else country


def authority_for(country: str) -> str | None:
    """The built-in supervisory authority for companies in `country`, if there is one."""
    key = "UK" if country == "GB" else country
    found = authorities.get(key)
    return key if found is not None and found.note is None else None


def daily_cron(timezone: str, year: int, minute: int = 17) -> str:
    """A cron line (UTC) that runs each day shortly after midnight in `timezone`."""
    zone = ZoneInfo(timezone)
    offsets = [datetime(year, month, 1, 12, tzinfo=zone).utcoffset() for month in range(1, 13)]
    # The earliest UTC offset of the year gives the latest UTC time of local midnight, so
    # the run comes after midnight in summer and winter alike.
    earliest = min(int(o.total_seconds()) // 60 for o in offsets if o is not None)
    at = (minute - earliest) % (24 * 60)
    return f"{at % 60} {at // 60} * * *"


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _language_name(code: str) -> str:
    name = str(babel_locale(code).get_display_name(code) or code)
    return name[:1].upper() + name[1:]


def _authority_lines(answers: Answers) -> str:
    key = authority_for(answers.country)
    if key is not None:
        return f"supervisory_authority: {key}  # the built-in authority of {answers.country}"
    known = authorities.keys()
    regional = [k for k in known if k.startswith(f"{answers.country}-")]
    choice = (
        f"a built-in key ({', '.join(regional)}) or {{name, url, address}}"
        if regional
        else f"{{name, url, address}} (there is no built-in one for {answers.country})"
    )
    return (
        "# FILL IN: the supervisory authority a person can complain to (Art. 13(2)(d)):\n"
        f"# {choice}.\n"
        '# supervisory_authority: {name: "[authority]", url: https://www.example.com}'
    )


def _text_example(languages: tuple[str, ...]) -> str:
    if len(languages) == 1:
        return '"[what the data is for]"'
    return "{" + ", ".join(f'{x}: "[…]"' for x in languages) + "}"


def _texts_note(languages: tuple[str, ...]) -> str:
    if len(languages) == 1:
        return "# Texts are plain strings; prose fields may be Markdown only in `body` and `intro`."
    return (
        "# Texts: a plain string (a name, an address) is used in every language; prose needs\n"
        f"# one text per language: {_text_example(languages)}"
    )


def _i18n_block(languages: tuple[str, ...]) -> str:
    if len(languages) == 1:
        return ""
    entries = [
        f"        - {{locale: {code}, {'default: true, ' if i == 0 else ''}"
        f"name: {_yaml_string(_language_name(code))}}}"
        for i, code in enumerate(languages)
    ]
    return "\n  - i18n:\n      docs_structure: suffix\n      languages:\n" + "\n".join(entries)


def _template(name: str) -> Template:
    return Template((files("mkdocs_legal") / "init_files" / name).read_text(encoding="utf-8"))


def _index(answers: Answers, code: str) -> str:
    lang = Language(code, default=answers.languages[0])
    return _template("docs/index.md").substitute(
        title=escape(answers.name),
        privacy=escape(lang._(DOCUMENT_TITLES["privacy"])),
        changelog=escape(changelog_title(lang)),
    )


def render(answers: Answers, generator: str = "mkdocs") -> dict[str, str]:
    """Every file of the new site: path relative to the site → text."""
    several = len(answers.languages) > 1
    values = {
        "name": answers.name,
        "name_yaml": _yaml_string(answers.name),
        "country": answers.country,
        "authority": _authority_lines(answers),
        "effective": answers.today.isoformat(),
        "text_example": _text_example(answers.languages),
        "texts_note": _texts_note(answers.languages),
        "timezone": answers.timezone,
        "site_url": (
            f"site_url: {answers.url}"
            if answers.url
            else "# FILL IN: the address the site is published at (for the sitemap, language\n"
            "# alternates and canonical links; `mkdocs-legal check` warns until it is set),\n"
            "# e.g. https://<user>.github.io/<repository>/ on GitHub Pages.\n"
            "# site_url: https://www.example.com/"
        ),
        "theme_language": (
            f"\n  language: {answers.languages[0]}" if len(answers.languages) == 1 else ""
        ),
        "i18n": _i18n_block(answers.languages),
        "cron": daily_cron(answers.timezone, answers.today.year),
        "version": re.sub(r"^(\d+\.\d+).*", r"\1", __version__),
        "zensical_packages": "zensical zensical-i18n" if several else "zensical",
        "zensical_build": "zensical-i18n build" if several else "zensical build",
    }
    templates = ZENSICAL_TEMPLATES if generator == "zensical" else TEMPLATES
    out = {path: _template(name).substitute(values) for path, name in templates.items()}
    default, *others = answers.languages
    out["docs/index.md"] = _index(answers, default)
    for code in others:
        out[f"docs/index.{code}.md"] = _index(answers, code)
    return out


def is_empty_or_missing(target: Path) -> bool:
    return not target.exists() or (target.is_dir() and not any(target.iterdir()))


def write(target: Path, answers: Answers, generator: str = "mkdocs") -> list[Path]:
    """Write the new site into `target`, which must be missing or an empty folder."""
    if not is_empty_or_missing(target):
        raise FileExistsError(target)
    written = []
    for relative, text in render(answers, generator).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def next_steps(target: Path, generator: str = "mkdocs", languages: int = 1) -> str:
    """What to do after `init`, printed by the command."""
    if generator == "zensical":
        build = "zensical-i18n build" if languages > 1 else "zensical build"
        serve = "zensical-i18n serve" if languages > 1 else "zensical serve"
        return f"""\
Next steps:
  1. Fill in the lines marked FILL IN in {target / "legal.yml"} (and site_url in mkdocs.yml).
  2. cd {target}
     mkdocs-legal check --strict   # lists what is still missing; the workflow runs it too
  3. mkdocs-legal export           # writes the legal pages into docs/ (git-ignored)
     {serve:<29} # preview; `{build}` builds into site/
  4. mkdocs-legal release          # freeze the texts of the first version; commit legal-history/
  5. git init, commit and push to a GitHub repository, and set Settings → Pages →
     Source to "GitHub Actions": .github/workflows/publish.yml checks, exports, builds
     and deploys on every push to main and once a day.
  When the cookie table lists cookies that need consent, paste the output of
  `mkdocs-legal consent` into mkdocs.yml, so the consent dialog matches the table.
"""
    return f"""\
Next steps:
  1. Fill in the lines marked FILL IN in {target / "legal.yml"} (and site_url in mkdocs.yml).
  2. cd {target}
     mkdocs-legal check --strict   # lists what is still missing; the workflow runs it too
  3. mkdocs serve                  # preview at http://127.0.0.1:8000/
  4. mkdocs-legal release          # freeze the texts of the first version; commit legal-history/
  5. git init, commit and push to a GitHub repository, and set Settings → Pages →
     Source to "GitHub Actions": .github/workflows/publish.yml checks, builds and
     deploys on every push to main and once a day.
"""
