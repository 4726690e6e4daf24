"""The build's validator (`core/construct.py`) and the one that words findings (pydantic,
`core/schema.py`) must agree on every input: the first decides what a build accepts, the
second only explains a rejection. These tests compare them on every data file in the
repository, on edge cases of each kind of value, and on generated mutations of the demo.
"""

from __future__ import annotations

import copy
import datetime
import functools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, FIXTURES, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mkdocs_legal.core import extends, yamlsource
from mkdocs_legal.core.construct import Rejected, build
from mkdocs_legal.core.model import LegalData
from mkdocs_legal.core.schema import validator

DATA_FILES = sorted(
    p
    for p in [DEMO, *FIXTURES.rglob("*.yml")]
    if "\nversions:" in p.read_text(encoding="utf-8")  # complete data files, not bases
)


def verdicts(data: Any) -> tuple[bool, bool]:
    """(accepted by construct, accepted by pydantic)."""
    try:
        build(LegalData, data)
        fast = True
    except Rejected:
        fast = False
    try:
        validator().model_validate(data)
        reference = True
    except ValidationError:
        reference = False
    return fast, reference


def demo_data() -> dict[str, Any]:
    data = yamlsource.parse(DEMO.read_text(encoding="utf-8"), str(DEMO)).data
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_in_the_repository_is_accepted_by_both(path: Path) -> None:
    data = extends.load(path).located.data
    assert verdicts(data) == (True, True)


def test_the_data_files_were_found() -> None:
    assert len(DATA_FILES) >= 12


def test_construct_keeps_what_the_file_says() -> None:
    made = build(LegalData, demo_data())
    assert made.organisation.name == "Mötesbokarna Norden AB"
    assert made.schema_ == 1
    assert made.versions[0].effective == datetime.date(2025, 1, 15)
    assert made.rights.response_time == "P1M"  # a default filled in
    retention = made.retention["customer"]
    assert retention.from_ == "contract_end"  # `from` in the file
    assert made.recipients[1].transfers[0].copy_ is not None  # `copy` in the file


def _set(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = demo_data()
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


EDGE_CASES: list[tuple[tuple[Any, ...], Any]] = [
    (("schema",), True),
    (("schema",), 1.0),
    (("schema",), "1"),
    (("schema_",), 1),
    (("children", "min_age"), True),
    (("children", "min_age"), 18.0),
    (("children", "min_age"), 22),
    (("children", "min_age"), -1),
    (("versions", 0, "effective"), datetime.datetime(2025, 1, 15)),
    (("versions", 0, "effective"), "2025-02-30"),
    (("versions", 0, "effective"), "2025-1-5"),
    (("versions", 0, "effective"), "2025-01-15\n"),
    (("versions", 0, "effective"), 20250115),
    (("versions", 0, "material"), 1),
    (("versions", 0, "version"), 1.0),
    (("versions",), []),
    (("versions",), {}),
    (("purposes", 0, "id"), "abc\n"),
    (("purposes", 0, "id"), "a" * 65),
    (("purposes", 0, "id"), "é"),
    (("purposes", 0, "id"), ""),
    (("purposes", 0, "legal_basis"), "A"),
    (("purposes", 0, "retention"), "BAD"),
    (("purposes", 0, "retention"), {}),
    (("purposes", 0, "retention"), {"from_": "x"}),
    (("purposes", 0, "data"), "name"),
    (("organisation", "name"), ""),
    (("organisation", "name"), "x\n"),
    (("organisation", "legal_form"), {"en": 1}),
    (("organisation", "legal_form"), {1: "x"}),
    (("organisation", "legal_form"), {"EN": "x"}),
    (("organisation", "legal_form"), {"en\n": "x"}),
    (("organisation", "legal_form"), []),
    (("organisation", "address", "country"), "SE\n"),
    (("organisation", "address", "country"), "XX"),
    (("organisation", "address", "country"), "UK"),
    (("organisation", "address", "country"), "EU"),
    (("storage", "regions"), ["EEA", "eu"]),
    (("storage", "regions"), ["EU", "EEA", "NO"]),
    (("cookies", "items", 0, "duration"), "P"),
    (("cookies", "items", 0, "duration"), "P1D\n"),
    (("cookies", "items", 0, "duration"), "Session"),
    (("retention",), {"Bad": {"period": "P1D"}}),
    (("rights",), None),
    (("rights",), {}),
    (("automated_decisions",), []),
    (("automated_decisions",), "None"),
    (("automated_decisions",), [{"description": "x", "logic": "y"}]),
    (("recipients", 0, "category"), 5),
    (("recipients", 0, "category"), {"en": "x"}),
    (("recipients", 0, "category"), "anything of our own"),
    (("supervisory_authority",), {"name": "X"}),
    (("supervisory_authority",), {"url": "x"}),
    (("terms", "refunds"), {"en": "x"}),
    (("terms", "dpa"), "yes"),
    (("extends",), None),
    ((1,), "x"),
]


@pytest.mark.parametrize(("path", "value"), EDGE_CASES, ids=repr)
def test_both_validators_agree_on_edge_cases(path: tuple[Any, ...], value: Any) -> None:
    fast, reference = verdicts(_set(path, value))
    assert fast == reference


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the demo's data, containers included."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


DEMO_PATHS = _paths(demo_data())

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 70),
    st.floats(allow_nan=False),
    st.sampled_from(
        [
            "",
            "x",
            "x\n",
            "P1D",
            "P13M",
            "P",
            "session",
            "SE",
            "US",
            "EU",
            "EEA",
            "ZZ",
            "en",
            "2025-01-15",
            "2025-13-01",
            "none",
            "a",
            "f",
            "necessary",
            "first_party",
            "contract_end",
            "scc",
            "b2c",
            "privacy",
            "a" * 70,
        ]
    ),
    st.dates(),
    st.datetimes(),
    st.just([]),
    st.just({}),
    st.lists(st.sampled_from(["name", "email", "SE", "x", 1]), max_size=3),
    st.dictionaries(st.sampled_from(["en", "sv", "EN", "id", "name", "from"]), st.text(max_size=3)),
)


@settings(max_examples=300, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(DEMO_PATHS), st.one_of(ODD_VALUES, st.just(KeyError))),
        min_size=1,
        max_size=3,
    )
)
def test_both_validators_agree_on_mutations_of_the_demo(
    changes: list[tuple[tuple[Any, ...], Any]],
) -> None:
    data = demo_data()
    for path, value in changes:
        target: Any = data
        try:
            for part in path[:-1]:
                target = target[part]
            if value is KeyError:
                del target[path[-1]]
            else:
                target[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this path
    fast, reference = verdicts(data)
    assert fast == reference


def test_a_build_does_not_import_pydantic() -> None:
    code = (
        "import sys, json; from pathlib import Path\n"
        "from mkdocs_legal.core import source\n"
        f"source.load_valid(Path({str(DEMO)!r}), source.Options(('en', 'sv')))\n"
        "from mkdocs_legal.plugin import plugin\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) == []


def test_a_value_only_construct_rejects_is_still_a_located_finding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Should the two validators ever disagree, the user gets a finding at the value, not a
    # traceback. Make them disagree on purpose: construct refuses one purpose's id.
    from mkdocs_legal.core import construct, source

    original = construct._builder.__wrapped__  # type: ignore[attr-defined]

    def refusing(hint: Any) -> Any:
        made = original(hint)
        if hint is not construct.model.Purpose:
            return made

        def purpose(value: Any) -> Any:
            if value.get("id") == "newsletter":
                raise Rejected(("id",))
            return made(value)

        return purpose

    construct._builder.cache_clear()
    monkeypatch.setattr(construct, "_builder", functools.cache(refusing))
    located = yamlsource.parse(DEMO.read_text(encoding="utf-8"), "legal.yml")
    data, findings = source.to_model(located)
    assert data is None
    assert [(f.code, f.path) for f in findings] == [("LGL006", "purposes[3].id")]
    line = DEMO.read_text(encoding="utf-8").splitlines().index("  - id: newsletter") + 1
    assert findings[0].line == line and "please report" in findings[0].message


def test_model_classes_are_frozen_keyword_classes_compared_by_value() -> None:
    from mkdocs_legal.core import model

    address = model.Address(city="Göteborg", country="SE")
    assert address == model.Address(country="SE", city="Göteborg") != model.Address()
    assert repr(address) == ("Address(street=None, postcode=None, city='Göteborg', country='SE')")
    assert model.replace(address, city="Malmö").city == "Malmö" and address.city == "Göteborg"
    with pytest.raises(AttributeError):
        address.city = "Malmö"  # type: ignore[misc]
    with pytest.raises(TypeError, match="no field town"):
        model.Address(town="Malmö")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="needs name"):
        model.Organisation()  # type: ignore[call-arg]
    assert model.Rights().exclude == [] and model.Rights().exclude is not model.Rights().exclude
    assert [f.name for f in model.fields(model.Retention)] == ["period", "from_", "criteria"]
    assert model.is_model(model.LegalData) and not model.is_model(model.Rule)
