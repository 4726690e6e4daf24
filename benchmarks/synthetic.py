"""A large site for the benchmark: 3 documents × 4 languages × N versions, with its history.

    python benchmarks/synthetic.py DIR [--versions 100]

The data is the repository's demo (`legal.yml`) with Danish and German texts added
(copies of the English ones: the clause library still speaks each language) and N
versions a month apart. Version k changes two small things (the street number and
a retention period), so every document has a redline between each pair of versions.
The history folder is what N successive `mkdocs-legal release` runs write; it is made
in one process with the Python API behind that command, which is much faster.
"""

from __future__ import annotations

import argparse
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from mkdocs_legal.core import history
from mkdocs_legal.core.lint import is_text_map
from mkdocs_legal.core.project import Project
from mkdocs_legal.core.siteconfig import find_settings
from mkdocs_legal.core.yamlsource import load

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "sv", "da", "de")
TODAY = "2025-06-01"

MKDOCS_YML = f"""\
site_name: Benchmark
site_url: https://example.org/
theme:
  name: material
  language: en
  font: false
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {{locale: en, default: true, name: English}}
        - {{locale: sv, name: Svenska}}
        - {{locale: da, name: Dansk}}
        - {{locale: de, name: Deutsch}}
  - legal:
      data: legal.yml
      history_dir: legal-history
      timezone: Europe/Stockholm
      today: "{TODAY}"
nav:
  - index.md
  - privacy.md
  - cookies.md
  - terms.md
  - changelog.md
"""

INDEX = {
    "en": "# Benchmark\n\nA site with three legal documents in four languages.\n",
    "sv": "# Prestandatest\n\nEn webbplats med tre juridiska dokument på fyra språk.\n",
    "da": "# Ydelsestest\n\nEt websted med tre juridiske dokumenter på fire sprog.\n",
    "de": "# Leistungstest\n\nEine Website mit drei Rechtstexten in vier Sprachen.\n",
}


def _with_languages(value: Any, in_map: bool = False) -> Any:
    """Every language map of the demo data, with `da` and `de` added."""
    if in_map and is_text_map(value):  # list items are records, never texts
        english = value.get("en", next(iter(value.values())))
        return {**value, "da": value.get("da", english), "de": value.get("de", english)}
    if isinstance(value, dict):
        return {k: _with_languages(v, True) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_languages(v) for v in value]
    return value


def effective(k: int) -> date:
    """The effective date of version k (1-based): monthly from January 2015."""
    months = 2015 * 12 + (k - 1)
    return date(months // 12, months % 12 + 1, 1)


def data_for(base: dict[str, Any], k: int) -> dict[str, Any]:
    """The data file as it was when version k was released: versions 1…k, k-th state."""
    data = {key: value for key, value in base.items() if key != "versions"}
    data["organisation"] = {
        **data["organisation"],
        "address": {**data["organisation"]["address"], "street": f"Kungsgatan {k}"},
    }
    data["retention"] = {
        **data["retention"],
        "logs": {**data["retention"]["logs"], "period": f"P{k}M"},
    }
    data["versions"] = [
        {
            "effective": effective(i).isoformat(),
            "version": f"{i}.0",
            "summary": {
                "en": f"Version {i}: we moved to Kungsgatan {i}.",
                "sv": f"Version {i}: vi har flyttat till Kungsgatan {i}.",
                "da": f"Version {i}: vi er flyttet til Kungsgatan {i}.",
                "de": f"Version {i}: Wir sind in die Kungsgatan {i} umgezogen.",
            },
        }
        for i in range(1, k + 1)
    ]
    return data


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def skeleton(site: Path) -> None:
    """mkdocs.yml, overrides and a home page in each language."""
    site.mkdir(parents=True, exist_ok=True)
    (site / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    docs = site / "docs"
    docs.mkdir(exist_ok=True)
    for lang, text in INDEX.items():
        name = "index.md" if lang == "en" else f"index.{lang}.md"
        (docs / name).write_text(text, encoding="utf-8")


def generate(site: Path, versions: int) -> Path:
    """Write the site with `versions` released versions into `site` (emptied first)."""
    if site.exists():
        shutil.rmtree(site)
    skeleton(site)
    base = _with_languages(load(ROOT / "example" / "legal.yml").data)
    data_file = site / "legal.yml"
    history_dir = site / "legal-history"
    known = history.History({}, [])
    for k in range(1, versions + 1):
        data_file.write_text(dump(data_for(base, k)), encoding="utf-8")
        settings = find_settings(data_file, site)
        project = Project.open(settings, LANGUAGES, history_dir)
        plan = history.plan_release(history_dir, project.release_texts(), known)
        history.write(plan)
        for item in plan:
            known.texts[(item.text.document, item.text.language, item.text.effective)] = item.text
        project.record_texts()
    return site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--versions", type=int, default=100)
    args = parser.parse_args()
    generate(args.dir, args.versions)
    print(f"wrote {args.dir} with {args.versions} versions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
