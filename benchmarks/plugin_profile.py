"""The `legal` plugin's own time in each language pass of a build, and its top costs.

    python benchmarks/plugin_profile.py [--site DIR] [--top N] [--no-profile]

Builds the site in this process. Every event method of the plugin is wrapped with a
timer, so its time is split by language pass (mkdocs-static-i18n runs `on_config` …
`on_post_build` once per language); the time to import the plugin is measured apart,
in fresh processes. With the profile (the default), a second build runs cProfile inside
the plugin's events only and lists the costliest functions by cumulative time; the
profiler slows Python code down, so read its figures as shares and the timers of the
first build as the real cost.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import os
import pstats
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVENTS = (
    "on_config",
    "on_files",
    "on_nav",
    "on_env",
    "on_page_context",
    "on_page_content",
)


class EventTimer:
    """Wall time of the plugin's events, per language pass and per event."""

    def __init__(self, profile: cProfile.Profile | None = None) -> None:
        self.profile = profile
        self.passes: list[str] = []
        self.times: dict[tuple[int, str], float] = defaultdict(float)
        self.config: Any = None

    def wrap(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)  # keeps MkDocs' event priority attribute
        def timed(*args: Any, **kwargs: Any) -> Any:
            if name == "on_config":
                self.passes.append("?")
            start = time.perf_counter()
            if self.profile is not None:
                self.profile.enable()
            try:
                return method(*args, **kwargs)
            finally:
                if self.profile is not None:
                    self.profile.disable()
                self.times[(len(self.passes) - 1, name)] += time.perf_counter() - start
                if name == "on_files":
                    self.passes[-1] = self.language()

        return timed

    def language(self) -> str:
        i18n = self.config.plugins.get("i18n") if self.config is not None else None
        current = getattr(i18n, "current_language", None)
        return str(current or self.config.theme.get("language") or "?")

    def report(self) -> str:
        lines = ["plugin time per language pass (ms):"]
        header = "  pass  " + "".join(f"{e[3:]:>14}" for e in EVENTS) + f"{'total':>10}"
        lines.append(header)
        for i, language in enumerate(self.passes):
            row = [self.times.get((i, e), 0.0) * 1000 for e in EVENTS]
            cells = "".join(f"{v:14.1f}" for v in row)
            lines.append(f"  {language:<6}{cells}{sum(row):10.1f}")
        total = sum(self.times.values()) * 1000
        lines.append(f"  plugin total {total:.0f} ms in {len(self.passes)} pass(es)")
        return "\n".join(lines)


def build(site: Path, timer: EventTimer) -> float:
    """One in-process `mkdocs build` of `site` with the plugin's events timed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from mkdocs_legal.plugin.plugin import LegalPlugin

    originals = {name: getattr(LegalPlugin, name) for name in EVENTS if hasattr(LegalPlugin, name)}
    for name, method in originals.items():
        setattr(LegalPlugin, name, timer.wrap(name, method))
    cwd = os.getcwd()
    try:
        os.chdir(site)
        with tempfile.TemporaryDirectory() as out:
            config = load_config(str(site / "mkdocs.yml"), site_dir=out)
            timer.config = config
            start = time.perf_counter()
            mkdocs_build(config)
            return time.perf_counter() - start
    finally:
        os.chdir(cwd)
        for name, method in originals.items():
            setattr(LegalPlugin, name, method)


IMPORT = """
import time
import material.plugins.search.plugin, mkdocs.commands.build, mkdocs_static_i18n.plugin
start = time.perf_counter()
import mkdocs_legal.plugin.plugin
print(time.perf_counter() - start)
"""


def import_time(runs: int = 5) -> float:
    """Median seconds to import the plugin in a fresh process that has MkDocs, Material and
    i18n imported already: its own fixed cost per build."""
    import statistics
    import subprocess
    import sys

    times = []
    for _ in range(runs + 1):  # the first writes bytecode
        out = subprocess.run([sys.executable, "-c", IMPORT], capture_output=True, text=True)
        times.append(float(out.stdout))
    return statistics.median(times[1:])


def top_costs(profile: cProfile.Profile, top: int) -> str:
    """The functions with the highest cumulative time inside the plugin's events."""
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    body = out.getvalue()
    start = body.find("   ncalls")
    return body[start:] if start >= 0 else body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site", type=Path, default=ROOT / "example", help="site folder with mkdocs.yml"
    )
    parser.add_argument("--top", type=int, default=25, help="functions to list from the profile")
    parser.add_argument("--no-profile", action="store_true", help="the timers only")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = args.site.resolve()
    timer = EventTimer()
    wall = build(site, timer)
    print(f"site: {site}\nbuild {wall:.2f} s (in process, no profiler)")
    print(f"importing the plugin: {import_time() * 1000:.0f} ms (median of 5 fresh processes)")
    print(timer.report())
    if not args.no_profile:
        profile = cProfile.Profile()
        build(site, EventTimer(profile))
        print(f"\ntop {args.top} costs in the plugin's events under cProfile (cumulative):")
        print(top_costs(profile, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
