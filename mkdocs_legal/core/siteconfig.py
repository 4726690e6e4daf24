"""Read what the command line needs from an `mkdocs.yml`, without importing MkDocs.

`mkdocs.yml` files often use tags such as `!ENV` or `!!python/name:`; they are
read as inert values here (nothing is imported or executed).
"""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding
from .lint import is_text_map
from .records import record


class _TolerantLoader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:", _any_tag)


@record
class SiteSettings:
    """The `legal` options and languages of a site, as the CLI sees them."""

    config_file: Path | None
    data: Path
    history_dir: Path
    languages: tuple[str, ...]
    timezone: str = "UTC"
    today: str | None = None
    fallback: bool = False
    consent: bool = True
    strict: bool = False
    tsa: str | None = None
    """The time-stamp authority `release` uses (option `tsa`), if any."""
    site_url: str | None = None


def _plugin_entries(config: dict[str, Any]) -> dict[str, Any]:
    plugins = config.get("plugins") or []
    out: dict[str, Any] = {}
    if isinstance(plugins, dict):
        return {str(k): v or {} for k, v in plugins.items()}
    for entry in plugins:
        if isinstance(entry, str):
            out[entry] = {}
        elif isinstance(entry, dict):
            for k, v in entry.items():
                out[str(k)] = v or {}
    return out


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """The settings in an `mkdocs.yml` ({} if unreadable); read once while it is unchanged
    (a command may ask more than once)."""
    try:
        stat = path.stat()
    except OSError:
        return {}
    return copy.deepcopy(_read(path.resolve(), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)
def _read(path: Path, mtime: int, size: int) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            loaded = yaml.load(handle, Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def languages_in_config(config: dict[str, Any]) -> tuple[str, ...]:
    plugins = _plugin_entries(config)
    i18n = plugins.get("i18n")
    if isinstance(i18n, dict) and isinstance(i18n.get("languages"), list):
        langs = [x for x in i18n["languages"] if isinstance(x, dict) and x.get("locale")]
        default = [str(x["locale"]) for x in langs if x.get("default")]
        others = [str(x["locale"]) for x in langs if not x.get("default") and x.get("build", True)]
        ordered = default + [x for x in others if x not in default]
        if ordered:
            return tuple(ordered)
    theme = config.get("theme")
    if isinstance(theme, dict):
        lang = theme.get("language") or theme.get("locale")
        if lang:
            return (str(lang),)
    return ()


def languages_in_data(data: Any) -> tuple[str, ...]:
    """Languages used by the text maps of a data file, most frequent first."""
    counts: dict[str, int] = {}

    def walk(value: Any, in_map: bool) -> None:
        if in_map and is_text_map(value):  # list items are records, never texts
            for k in value:
                counts[k] = counts.get(k, 0) + 1
        elif isinstance(value, dict):
            for v in value.values():
                walk(v, True)
        elif isinstance(value, list):
            for v in value:
                walk(v, False)

    walk(data, False)
    return tuple(sorted(counts, key=lambda k: (-counts[k], k)))


def find_settings(data_file: Path | None, cwd: Path) -> SiteSettings:
    """Settings for `data_file` (or the site in `cwd`): mkdocs.yml beside it, else defaults."""
    search = [data_file.parent] if data_file is not None else [cwd]
    config_file = next(
        (
            d / name
            for d in search
            for name in ("mkdocs.yml", "mkdocs.yaml")
            if (d / name).is_file()
        ),
        None,
    )
    config = read_mkdocs_yml(config_file) if config_file else {}
    options = _plugin_entries(config).get("legal")
    options = options if isinstance(options, dict) else {}
    base = config_file.parent if config_file else (data_file.parent if data_file else cwd)
    data = data_file or base / str(options.get("data", "legal.yml"))
    return SiteSettings(
        config_file=config_file,
        data=data,
        history_dir=base / str(options.get("history_dir", "legal-history")),
        languages=languages_in_config(config) if config_file else (),
        timezone=str(options.get("timezone", "UTC")),
        today=str(options["today"]) if options.get("today") else None,
        fallback=bool(options.get("fallback", False)),
        consent=bool(options.get("consent", True)),
        strict=bool(options.get("strict", False)),
        tsa=str(options["tsa"]) if options.get("tsa") else None,
        site_url=str(config["site_url"]) if config.get("site_url") else None,
    )


def languages_for(
    option: str | None, configured: tuple[str, ...], data_file: Path
) -> tuple[str, ...]:
    """`--lang a,b` if given, else the site's languages, else those the data file's texts use."""
    if option:
        return tuple(x.strip() for x in option.split(",") if x.strip())
    if configured:
        return configured
    from . import extends
    from .findings import LegalDataError

    try:  # the merged data: a text may come from a base file
        found = languages_in_data(extends.load(data_file).located.data)
    except LegalDataError:
        found = ()
    return found or ("en",)


def site_url_findings(config_file: Path | None, site_url: str | None) -> list[Finding]:
    """LGL161 when the site's `mkdocs.yml` has no `site_url`: MkDocs then writes `None` into
    the sitemap, and alternates, canonical links and the feed have no absolute address."""
    if config_file is None or site_url:
        return []
    line = 1
    try:
        for number, text in enumerate(config_file.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*#?\s*site_url\s*:", text):
                line = number
                break
    except OSError:
        pass
    return [
        Finding(
            str(config_file),
            line,
            1,
            "LGL161",
            "warning",
            "`site_url` is not set: the sitemap gets `None/…` addresses, and the language "
            "alternates, canonical links and feed no absolute ones; set it to the address the "
            "site is published at, e.g. `site_url: https://<user>.github.io/<repository>/`",
        )
    ]
