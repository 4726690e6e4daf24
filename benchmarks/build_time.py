"""What the `legal` plugin costs a build, measured against plain MkDocs (SPEC §9).

    python3 tasks.py bench [--only demo,small,large,render,growth,profile] [--runs N] …
    python3 tasks.py bench --site DIR [--runs N]     # any site with the plugin
    python3 tasks.py bench --only instructions [--site DIR]   # needs valgrind

- demo, large: the repository's live example site (`example/`), and a synthetic site of 3
  documents × 4 languages × 100 versions (`synthetic.py`), each built (a) with the plugin and (b) by
  plain MkDocs + Material + i18n from exactly the files the plugin generates: pages,
  dated versions, redlines and changelog written as Markdown (with the banner HTML at
  the top, where the plugin puts it), feeds and `legal.json` as static files. The files
  are recorded by one build with a hook (`capture.py`), not re-made here. Builds are
  fresh `mkdocs build` processes, alternating (a, b, a, b, …); medians of wall and CPU
  time are compared.
- small: the site `mkdocs-legal init` writes (English and Swedish, one version), compared
  like the demo: the plugin's fixed cost per build weighs most on a site this small.
- render: `mkdocs-legal render legal.yml --out DIR` of 3 documents × 4 languages, run as a
  new process each time (interpreter start included), like hyperfine.
- growth: the large site with 10, 50 and 100 versions, each built both ways.
- profile: the plugin's own time per language pass and its top costs (`plugin_profile.py`).
- export: `mkdocs-legal export` of the demo into a new folder against `mkdocs-legal check`
  of the same data file, each a new process (interpreter start included), alternating.
- exported: the demo built (a) with the plugin and (b) by plain MkDocs + Material + i18n from
  the files `mkdocs-legal export` writes (instead of the files the capture hook records), with
  the same consent settings and announce-bar notice as the demo's plain copy; both sides have
  the same pages, so the ratio is also the ratio of the time per page.
- redline: one redline between two long texts, 0.25 to 2 MB, in process: the demo's privacy
  policy repeated (every line occurs many times, nothing to anchor on) and with every 7th
  line changed; time and peak memory, which should double with the size.
- site (`--site DIR`): a copy of that site folder compared like the demo, its hooks kept.
- instructions (not run by default): the instructions one build of the small site (or of
  `--site`) executes each way, counted by valgrind's callgrind. The count barely varies
  between runs, so it shows a difference of 1% that wall time on a shared machine cannot;
  it does not see waiting for the disk or the cache misses of a bigger process.

Python writes bytecode for the builds (into a temporary folder), as an installed
package has it; every timing is of a fresh process, except the plugin's own time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

BIN = Path(sys.executable).parent
SECTIONS = ("demo", "small", "large", "render", "growth", "profile", "redline", "export")
SECTIONS += ("exported",)
"""Run by default, in this order; `instructions` and `site` only when asked for."""
THEME = ROOT / "mkdocs_legal" / "plugin" / "theme"
STYLESHEET = "assets/stylesheets/legal.css"
PYCACHE = Path(tempfile.gettempdir()) / "mkdocs-legal-bench-pycache"

# --- sites -------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    """The builds' environment: bytecode kept (in the work folder), as an installed
    package has it, so that compiling mkdocs_legal's sources is not counted."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _without_block(text: str, start: Callable[[str], bool]) -> str:
    """`text` less each line for which `start` holds and the lines indented under it."""
    out: list[str] = []
    indent: int | None = None
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip())
        if indent is not None and (not line.strip() or depth > indent):
            continue
        indent = None
        if start(line):
            indent = depth
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def without_plugin(text: str) -> str:
    return _without_block(text, lambda line: line.strip() in ("- legal", "- legal:"))


def with_hook(text: str, hook: Path) -> str:
    """mkdocs.yml text with `hook` added to its `hooks:` list (or a new one)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("hooks:"):
            if line.split(":", 1)[1].strip():
                raise SystemExit("write `hooks:` as a block list for the benchmark's hook")
            lines.insert(i + 1, f"  - {hook}")
            return "\n".join(lines) + "\n"
    return f"{text.rstrip()}\nhooks:\n  - {hook}\n"


def copied_site(source: Path, work: Path) -> Path:
    """A copy of the site in `source` (its built site, caches and VCS folders left out)."""
    site = work / f"site-{source.resolve().name}"
    if not site.exists():
        junk = ("site", ".cache", ".git", ".venv", "node_modules", "__pycache__")
        shutil.copytree(source, site, ignore=shutil.ignore_patterns(*junk))
    return site


def demo_site(work: Path) -> Path:
    """A fresh copy of the live example site (`example/`: mkdocs.yml, data file, history)."""
    site = work / "demo"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(ROOT / "example", site, ignore=shutil.ignore_patterns("site", "__pycache__"))
    return site


def capture(site: Path, work: Path) -> dict:  # type: ignore[type-arg]
    """Build `site` once with the capture hook; what the plugin added, as `capture.py` says."""
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    hooked = site / "mkdocs.capture.yml"
    hooked.write_text(with_hook(config, HERE / "capture.py"), encoding="utf-8")
    target = work / f"{site.name}.capture.json"
    out = work / f"{site.name}.capture-site"
    command = [str(BIN / "mkdocs"), "build", "-q", "-f", str(hooked), "-d", str(out)]
    subprocess.run(command, cwd=site, env={**_env(), "LEGAL_CAPTURE": str(target)}, check=True)
    hooked.unlink()
    shutil.rmtree(out)
    return json.loads(target.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _static_src(captured: dict, item: dict) -> str:  # type: ignore[type-arg]
    """Where a user would put a generated static file so that i18n copies it to its place."""
    uri, language, default = item["dest_uri"], item["language"], captured["default"]
    if captured["structure"] == "suffix" and language != default:
        stem, dot, ext = uri.removeprefix(f"{language}/").rpartition(".")
        return f"{stem}.{language}.{ext}" if dot else f"{uri}.{language}"
    if captured["structure"] == "folder" and language == default:
        return f"{language}/{uri}"
    return str(uri)


def _with_banner(markdown: str, banner: str | None) -> str:
    """The page's Markdown with the banner as raw HTML where the plugin adds it: on top."""
    if not banner:
        return markdown
    front = re.match(r"---\n.*?\n---\n\n?", markdown, re.S)
    cut = front.end() if front else 0
    return f"{markdown[:cut]}{banner.strip()}\n\n{markdown[cut:]}"


def plain_site(site: Path, captured: dict, work: Path) -> Path:  # type: ignore[type-arg]
    """A copy of `site` without the plugin, whose legal pages are ordinary files."""
    target = work / f"{site.name}-plain"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("site"))
    config_text = without_plugin((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config = yaml.load(config_text, Loader=_AnyTag) or {}
    docs = target / str(config.get("docs_dir", "docs"))
    for item in captured["files"]:
        if item["page"]:
            name = item["src_uri"]
            text = _with_banner(item["content"], captured["banners"].get(name))
        else:
            name, text = _static_src(captured, item), item["content"]
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    (docs / STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(THEME / STYLESHEET, docs / STYLESHEET)
    if "extra_css" in config:
        raise SystemExit(f"{site}: mkdocs.yml has extra_css; the benchmark cannot add legal.css")
    config_text += f"extra_css:\n  - {STYLESHEET}\n"
    custom = (config.get("theme") or {}).get("custom_dir")
    if custom:  # templates that include the plugin's partials still find them
        for partial in (THEME / "partials").iterdir():
            dest = target / custom / "partials" / partial.name
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(partial, dest)
    # What a hand-written site would configure: consent settings and the announce notice.
    static = {"consent": captured.get("consent", {}), "notices": captured.get("notices", {})}
    (target / "static_legal.json").write_text(json.dumps(static), encoding="utf-8")
    shutil.copy(HERE / "static_legal.py", target / "static_legal.py")
    config_text = with_hook(config_text, Path("static_legal.py"))
    (target / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    shutil.rmtree(target / "legal-history", ignore_errors=True)
    (target / "legal.yml").unlink(missing_ok=True)
    return target


class _AnyTag(yaml.SafeLoader):
    """Reads `!!python/name:` and other tags of an mkdocs.yml as plain values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)

# --- timing ------------------------------------------------------------------------------


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, *, quiet: bool = False) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` (which must succeed); `quiet` drops its
    standard error too."""
    cpu, start = _children_cpu(), time.perf_counter()
    stderr = subprocess.DEVNULL if quiet else None
    subprocess.run(
        command, cwd=cwd, env=_env(), check=True, stdout=subprocess.DEVNULL, stderr=stderr
    )
    return time.perf_counter() - start, _children_cpu() - cpu


def build_once(site: Path, work: Path) -> tuple[float, float]:
    out = work / f"{site.name}.out"
    try:
        return timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(out)], site)
    finally:
        shutil.rmtree(out, ignore_errors=True)


class Runs:
    """Timings of one side of a comparison."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def add(self, wall_cpu: tuple[float, float]) -> None:
        self.wall.append(wall_cpu[0])
        self.cpu.append(wall_cpu[1])

    def line(self) -> str:
        runs = ", ".join(f"{x:.2f}" for x in self.wall)
        return (
            f"  {self.label:<14} wall median {statistics.median(self.wall):7.3f} s  "
            f"CPU median {statistics.median(self.cpu):7.3f} s  (wall: {runs})"
        )


_compared: dict[str, tuple[Runs, Runs]] = {}


def compare(site: Path, work: Path, runs: int) -> tuple[Runs, Runs]:
    """Alternating builds of `site` with the plugin and of its plain copy (once per site)."""
    if site.name in _compared:
        return _compared[site.name]
    captured = capture(site, work)
    plain = plain_site(site, captured, work)
    pages = sum(1 for item in captured["files"] if item["page"])
    print(f"{site.name}: {pages} generated pages in {len(captured['languages'])} language(s)")
    a, b = Runs("with plugin"), Runs("plain MkDocs")
    for _ in range(runs):
        a.add(build_once(site, work))
        b.add(build_once(plain, work))
    print(a.line())
    print(b.line())
    for kind in ("wall", "cpu"):
        ra = statistics.median(getattr(a, kind)) / statistics.median(getattr(b, kind))
        print(f"  {kind:<5} ratio {ra:.3f}  (the plugin adds {100 * (ra - 1):+.1f}%)")
    # Each build with the plugin ran next to one without: the median of those pairs'
    # differences is steadier than the ratio of the medians when the machine is noisy.
    if runs > 1:
        pairs = [x - y for x, y in zip(a.wall, b.wall, strict=True)]
        diff = statistics.median(pairs)
        share = 100 * diff / statistics.median(b.wall)
        print(f"  pairs median difference {diff:+.3f} s  (the plugin adds {share:+.1f}%)")
    shutil.rmtree(plain)
    _compared[site.name] = (a, b)
    return a, b


def exported_site(site: Path, captured: dict, work: Path) -> Path:  # type: ignore[type-arg]
    """The plain copy of `site` (see `plain_site`), its legal pages written by `export`."""
    target = plain_site(site, {**captured, "files": []}, work)
    (target / "docs" / STYLESHEET).unlink()  # export writes it, and refuses to replace a copy
    command = [str(BIN / "mkdocs-legal"), "export", "legal.yml", "--out", str(target / "docs")]
    subprocess.run(command, cwd=site, env=_env(), check=True, capture_output=True)
    return target


def paired(a: Runs, b: Runs, what: str) -> None:
    """Print both sides, the ratio of the medians and the median of the pairs' ratios."""
    print(a.line())
    print(b.line())
    for kind in ("wall", "cpu"):
        ratio = statistics.median(getattr(a, kind)) / statistics.median(getattr(b, kind))
        print(f"  {kind:<5} ratio of medians {ratio:.3f}  ({what} {100 * (ratio - 1):+.1f}%)")
    ratios = [x / y for x, y in zip(a.wall, b.wall, strict=True)]
    print(f"  wall  median of the {len(ratios)} pairs' ratios {statistics.median(ratios):.3f}")


# --- sections ----------------------------------------------------------------------------


def section_demo(work: Path, args: argparse.Namespace) -> None:
    print("\n== demo site (example/: mkdocs.yml, legal.yml, legal-history/) ==")
    compare(demo_site(work), work, args.runs)


def large_site(work: Path, versions: int) -> Path:
    site = work / f"large-{versions}"
    if not site.exists():
        start = time.perf_counter()
        synthetic.generate(site, versions)
        print(
            f"(generated {site.name}: {versions} releases in {time.perf_counter() - start:.1f} s)"
        )
    return site


def small_site(work: Path) -> Path:
    """The site `mkdocs-legal init` writes for a Swedish firm, in English and Swedish."""
    site = work / "small"
    if not site.exists():
        command = [str(BIN / "mkdocs-legal"), "init", str(site), "--name", "Exempel Konsult AB"]
        command += ["--country", "SE", "--languages", "en,sv"]
        subprocess.run(command, env=_env(), check=True, stdout=subprocess.DEVNULL)
    return site


def section_small(work: Path, args: argparse.Namespace) -> None:
    print("\n== small site: what `mkdocs-legal init` writes (English, Swedish, one version) ==")
    compare(small_site(work), work, args.runs)


def section_instructions(work: Path, args: argparse.Namespace) -> None:
    site = copied_site(args.site, work) if args.site else small_site(work)
    print(f"\n== instructions executed by one build of {site.name} (valgrind's callgrind) ==")
    if shutil.which("valgrind") is None:
        print("  skipped: valgrind is not installed (apt-get install valgrind)")
        return
    plain = plain_site(site, capture(site, work), work)
    a, b = instructions([site, plain], work)
    print(f"  with plugin   {a / 1e9:7.3f} G instructions")
    print(f"  plain MkDocs  {b / 1e9:7.3f} G instructions")
    print(f"  the plugin adds {100 * (a / b - 1):+.1f}% ({(a - b) / 1e6:+.0f} M)")
    shutil.rmtree(plain)


def instructions(sites: list[Path], work: Path) -> list[int]:
    """Instructions of one `mkdocs build` of each site, the builds run side by side."""
    env = {**_env(), "PYTHONHASHSEED": "0"}  # the same dict layouts, run after run
    runs = []
    for site in sites:
        out = work / f"{site.name}.out"
        build = [str(BIN / "python"), "-m", "mkdocs", "build", "-q", "-d", str(out)]
        subprocess.run(build, cwd=site, env=env, check=True)  # bytecode written, files cached
        grind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *build]
        runs.append(subprocess.Popen(grind, cwd=site, env=env, stderr=subprocess.PIPE, text=True))
    counts = []
    for run in runs:
        _, err = run.communicate()
        found = re.search(r"Collected : (\d+)", err)
        if run.returncode or not found:
            raise SystemExit(f"valgrind failed:\n{err[-2000:]}")
        counts.append(int(found.group(1)))
    for site in sites:
        shutil.rmtree(work / f"{site.name}.out", ignore_errors=True)
    return counts


def section_site(work: Path, args: argparse.Namespace) -> None:
    print(f"\n== {args.site} (with its own hooks, if any) ==")
    compare(copied_site(args.site, work), work, args.runs)


def section_large(work: Path, args: argparse.Namespace) -> None:
    print(f"\n== large site: 3 documents × 4 languages × {args.versions} versions ==")
    compare(large_site(work, args.versions), work, args.large_runs)


def section_render(work: Path, args: argparse.Namespace) -> None:
    print("\n== mkdocs-legal render FILE --out DIR: 3 documents × 4 languages ==")
    for versions in (1, args.versions):
        site = large_site(work, versions)
        command = [str(BIN / "mkdocs-legal"), "render", "legal.yml", "--out", str(work / "r")]
        timed(command, site)  # warm-up: bytecode and file caches, as hyperfine does
        times = [timed(command, site)[0] for _ in range(args.render_runs)]
        print(
            f"  {versions:>3} version(s): median {statistics.median(times):.3f} s, "
            f"min {min(times):.3f} s, max {max(times):.3f} s ({args.render_runs} runs)"
        )


def section_growth(work: Path, args: argparse.Namespace) -> None:
    print("\n== growth with history: the large site with 10, 50 and 100 versions ==")
    rows = []
    for versions in (10, 50, 100):
        site = large_site(work, versions)
        a, b = compare(site, work, args.growth_runs)  # 100 versions: measured once only
        own = statistics.median(_own(site) for _ in range(args.growth_runs))
        rows.append((versions, statistics.median(a.cpu), statistics.median(b.cpu), own))
    print("  versions  CPU with plugin   CPU plain   plugin's own time (in process)")
    for versions, with_plugin, plain, own in rows:
        print(f"  {versions:>8} {with_plugin:13.2f} s {plain:9.2f} s {own:12.2f} s")
    for column, name in ((1, "with plugin"), (2, "plain"), (3, "plugin's own")):
        (v1, *r1), (v2, *r2), (v3, *r3) = rows
        low = (r2[column - 1] - r1[column - 1]) / (v2 - v1)
        high = (r3[column - 1] - r2[column - 1]) / (v3 - v2)
        print(
            f"  {name:<13} s per version: 10→50 {low:.3f}, 50→100 {high:.3f}"
            f"  (ratio {high / low:.2f}: 1 if linear, 2.5 if quadratic)"
        )


def _own(site: Path) -> float:
    """The plugin's own time in one build of `site`, from `plugin_profile.py`'s timers."""
    command = [sys.executable, str(HERE / "plugin_profile.py"), "--site", str(site), "--no-profile"]
    out = subprocess.run(command, env=_env(), check=True, capture_output=True, text=True).stdout
    found = re.search(r"plugin total (\d+) ms", out)
    assert found, out
    return int(found.group(1)) / 1000


def section_profile(work: Path, args: argparse.Namespace) -> None:
    for site in (small_site(work), demo_site(work), large_site(work, args.versions)):
        print(f"\n== plugin time per language pass: {site.name} ==")
        command = [sys.executable, str(HERE / "plugin_profile.py"), "--site", str(site)]
        subprocess.run([*command, "--top", str(args.top)], env=_env(), check=True)


def section_export(work: Path, args: argparse.Namespace) -> None:
    print("\n== mkdocs-legal export of the demo vs mkdocs-legal check of the same file ==")
    site = demo_site(work)
    out = work / "exported"
    export = [str(BIN / "mkdocs-legal"), "export", "legal.yml", "--out", str(out)]
    check = [str(BIN / "mkdocs-legal"), "check", "legal.yml"]
    a, b = Runs("export"), Runs("check")

    def fresh_export() -> tuple[float, float]:
        shutil.rmtree(out, ignore_errors=True)  # a new folder each time, as in CI
        return timed(export, site, quiet=True)  # no consent dialog configured: a warning

    fresh_export(), timed(check, site)  # warm-up: bytecode and file caches
    for _ in range(max(args.runs, 11)):
        a.add(fresh_export())
        b.add(timed(check, site))
    files = sum(1 for p in out.rglob("*") if p.is_file())
    print(f"  export writes {files} files")
    paired(a, b, "export takes")


def section_exported(work: Path, args: argparse.Namespace) -> None:
    print("\n== the demo: plugin build vs plain MkDocs build of the exported pages ==")
    site = demo_site(work)
    plain = exported_site(site, capture(site, work), work)
    pages = sum(1 for p in (plain / "docs").rglob("*.md"))
    print(f"  both sides build the same {pages} Markdown pages")
    a, b = Runs("with plugin"), Runs("exported+plain")
    build_once(site, work), build_once(plain, work)  # warm-up
    for _ in range(max(args.runs, 11)):
        a.add(build_once(site, work))
        b.add(build_once(plain, work))
    paired(a, b, "the plugin's build per page takes")
    shutil.rmtree(plain)


def _frozen_body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


def section_redline(work: Path, args: argparse.Namespace) -> None:
    import tracemalloc

    from mkdocs_legal.core.redline import redline_markdown

    print("\n== one redline between two long texts (in process) ==")
    old = _frozen_body(ROOT / "legal-history" / "privacy" / "2026-03-01.en.md")
    new = _frozen_body(ROOT / "legal-history" / "privacy" / "2027-01-01.en.md")
    lines = old.split("\n")
    for repeat in (20, 40, 80, 160):
        edited = [line + " extra" if k % 7 == 0 else line for k, line in enumerate(lines * repeat)]
        for name, a, b in (
            ("repeated", old * repeat, new * repeat),
            ("every 7th line", "\n".join(lines * repeat), "\n".join(edited)),
        ):
            tracemalloc.start()
            start = time.perf_counter()
            redline_markdown(a, b)
            seconds = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(
                f"  {len(a) / 1e6:5.2f} MB, {name:<15} {seconds:7.2f} s, peak {peak / 1e6:5.0f} MB"
            )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    every = (*SECTIONS, "instructions")
    parser.add_argument("--only", help=f"sections, comma-separated: {', '.join(every)}")
    parser.add_argument("--site", type=Path, help="compare this site instead (section `site`)")
    parser.add_argument("--runs", type=int, default=5, help="builds per side, demo and small")
    parser.add_argument("--large-runs", type=int, default=3, help="builds per side, large site")
    parser.add_argument("--growth-runs", type=int, default=1, help="builds per side and size")
    parser.add_argument("--render-runs", type=int, default=10)
    parser.add_argument("--versions", type=int, default=100, help="versions of the large site")
    parser.add_argument("--top", type=int, default=20, help="functions shown by the profile")
    parser.add_argument("--work", type=Path, help="keep generated sites here (else a temp dir)")
    args = parser.parse_args()
    default = "site" if args.site else ",".join(SECTIONS)
    chosen = [s.strip() for s in (args.only or default).split(",") if s.strip()]
    unknown = [s for s in chosen if s not in (*every, "site")]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(every)}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work.resolve() if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name in chosen:
            globals()[f"section_{name}"](work, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
