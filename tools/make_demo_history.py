"""Write the live example's `example/legal-history/` as if its versions had been released on time.

The demo company is fictional, so its past is reconstructed: each earlier state of
`legal.yml` (1.0, 2.0) is today's file minus what the later versions' summaries say
they added. Each state is released with `mkdocs-legal release`, oldest first, exactly
as a real site would have done, and last today's file itself (3.0, released when it
was announced).

A real site never does this: its history folder grows one `release` at a time.
Run it only to rebuild the demo history after the demo data changes:

    rm -r example/legal-history && .venv/bin/python tools/make_demo_history.py
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example"  # the live example site


def without(items: list[dict[str, Any]], key: str, *values: str) -> list[dict[str, Any]]:
    return [item for item in items if item.get(key) not in values]


def state_2(data: dict[str, Any]) -> dict[str, Any]:
    """Before 3.0: logs kept three months, no language cookie, full-month cancellation."""
    data = copy.deepcopy(data)
    data["versions"] = [v for v in data["versions"] if v["version"] in ("1.0", "2.0")]
    data["retention"]["logs"]["period"] = "P3M"
    data["cookies"]["items"] = without(data["cookies"]["items"], "name", "mb_lang")
    data["cookies"]["last_reviewed"] = "2026-02-10"
    terms = data["terms"]["termination"]
    terms["mid_period"] = "full_period_charged"
    del terms["cancellation_fee"]
    return data


def state_1(data: dict[str, Any]) -> dict[str, Any]:
    """Before 2.0: no CRM provider in the USA, no prospecting, no web statistics."""
    data = state_2(data)
    data["versions"] = [v for v in data["versions"] if v["version"] == "1.0"]
    data["purposes"] = without(data["purposes"], "id", "prospecting", "web_statistics")
    del data["retention"]["prospects"]
    del data["retention"]["statistics"]
    data["recipients"] = without(data["recipients"], "id", "pipewell", "matpunkt")
    data["sources"] = without(data["sources"], "id", "public_registers")
    data["storage"]["regions"] = ["SE"]
    data["cookies"]["items"] = without(data["cookies"]["items"], "name", "mp_vid")
    data["cookies"]["last_reviewed"] = "2025-01-10"
    return data


def release(state: dict[str, Any], history: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_file = Path(folder) / "legal.yml"
        data_file.write_text(
            yaml.safe_dump(state, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        command = [sys.executable, "-m", "mkdocs_legal.cli", "release", str(data_file)]
        command += ["--lang", "en,sv", "--history-dir", str(history)]
        subprocess.run(command, check=True)


def main() -> int:
    history = EXAMPLE / "legal-history"
    if history.exists():
        print(f"{history} exists; remove it first (frozen texts are never rewritten)")
        return 1
    data = yaml.safe_load((EXAMPLE / "legal.yml").read_text(encoding="utf-8"))
    for state in (state_1(data), state_2(data), data):
        release(state, history)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
