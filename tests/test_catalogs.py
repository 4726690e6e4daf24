"""The translation workflow: compiled catalogs match their sources, the standard library reads
them, an English change keeps the translation for review, and a message a catalog lacks is
reported instead of silently read in English."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from mkdocs_legal.core import language
from mkdocs_legal.core.language import Language, _read_mo, catalog, locale_dir

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from compile_catalogs import compile_all, compile_catalog  # noqa: E402

CATALOGS = sorted(Path(locale_dir()).glob("*/LC_MESSAGES/*.po"))


def load_tasks() -> object:
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_compiled_catalog_is_current(po: Path, tmp_path: Path) -> None:
    """The `.mo` beside each `.po` is what compiling it gives now (`python3 tasks.py` refreshes)."""
    fresh = tmp_path / "fresh.mo"
    compile_catalog(po, fresh)
    assert po.with_suffix(".mo").read_bytes() == fresh.read_bytes()


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_standard_library_reads_every_translation(po: Path) -> None:
    with po.open("rb") as handle:
        source = read_po(handle)
    read = catalog(po.parent.parent.name)
    for message in source:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            assert read.plurals[message.id[0]] == tuple(message.string)
        else:
            assert read.messages[message.id] == message.string


ODD = (
    'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : 2);\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#, fuzzy\nmsgid "changed"\nmsgstr "ändrad"\n\n'
    'msgid "empty"\nmsgstr ""\n\n'
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] ""\nmsgstr[2] "z"\n\n'
    'msgid "b"\nmsgid_plural "bs"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n\n'
    'msgid "multi"\nmsgstr ""\n"one \\"q\\" \\t"\n"two"\n\n'
    '#~ msgid "old"\n#~ msgstr "gammal"\n'
)


def test_fuzzy_untranslated_and_obsolete_entries_are_not_used(tmp_path: Path) -> None:
    po = tmp_path / "xx" / "LC_MESSAGES" / "mkdocs_legal.po"
    po.parent.mkdir(parents=True)
    po.write_text(ODD, encoding="utf-8")
    mo = po.with_suffix(".mo")
    compile_catalog(po, mo)
    read = _read_mo(mo.read_bytes())
    assert read.messages == {"multi": 'one "q" \ttwo'}
    assert read.plurals == {"b": ("x", "y", "z")}  # "a" lacks a form: English instead
    assert [read.plural_index(n) for n in (0, 1, 2)] == [1, 0, 1]  # the locale's rule: (n != 1)


def test_a_message_the_catalog_lacks_is_reported_once() -> None:
    language.fell_back()
    sv = Language("sv")
    assert sv._("A sentence no catalog has.") == "A sentence no catalog has."
    assert sv._("A sentence no catalog has.") == "A sentence no catalog has."
    assert sv.ngettext("{count} apple", "{count} apples", 2) == "{count} apples"
    assert Language("en")._("Only English.") == "Only English."
    assert language.fell_back() == {"sv": ["A sentence no catalog has.", "{count} apple"]}
    assert language.fell_back() == {}


def test_an_uncompiled_checkout_says_how_to_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog.cache_clear()
    real = Path.is_file
    monkeypatch.setattr(Path, "is_file", lambda p: p.suffix != ".mo" and real(p))
    try:
        with pytest.raises(language.CatalogNotCompiled, match=r"tasks\.py catalogs"):
            catalog("sv")
    finally:
        monkeypatch.undo()
        catalog.cache_clear()


def test_changing_english_marks_the_translation_for_review(tmp_path: Path) -> None:
    """`tasks.py catalogs` after an English edit: the old translation stays, marked fuzzy (so
    the language test fails until it is reviewed); a message that disappears stays as obsolete, never deleted."""
    locale = tmp_path / "locale"
    shutil.copytree(Path(locale_dir()) / "sv", locale / "sv")
    with (Path(locale_dir()) / "mkdocs_legal.pot").open("rb") as handle:
        template = read_po(handle)
    ids = [m.id for m in template if isinstance(m.id, str) and len(m.id) > 40]
    changed, removed = ids[0], ids[1]
    reworded = changed.replace(" ", "  ", 1)
    template.add(reworded, locations=template[changed].locations)
    del template[changed]
    del template[removed]
    template.add("A brand new sentence.")
    pot = tmp_path / "new.pot"
    with pot.open("wb") as handle:
        write_po(handle, template)
    tasks = load_tasks()
    tasks.update(pot, locale)  # type: ignore[attr-defined]
    with (locale / "sv" / "LC_MESSAGES" / "mkdocs_legal.po").open("rb") as handle:
        updated = read_po(handle)
    entry = updated.get(reworded)
    assert entry is not None and entry.fuzzy and entry.string
    assert any(m.id == removed and m.string for m in updated.obsolete.values())


def test_compiling_writes_one_mo_per_catalog(tmp_path: Path) -> None:
    written = compile_all(ROOT, tmp_path)
    assert sorted(p.parent.parent.name for p in written) == sorted(
        p.parent.parent.name for p in CATALOGS
    )


def test_tasks_compiles_before_it_tests() -> None:
    source = (ROOT / "tasks.py").read_text(encoding="utf-8")
    body = source[source.index("def test(") :]
    assert body.index("compiled()") < body.index('"pytest"')


def test_package_reads_no_po_file() -> None:
    code = "import sys; import mkdocs_legal.core.language as l; l.catalog('sv'); print('babel' in ' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
