"""Records behave as the dataclasses they replace, and the build path makes no dataclass."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from functools import cached_property
from typing import ClassVar

import pytest

from mkdocs_legal.core.records import asdict, fields, is_record, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)
    note: str = dataclasses.field(default="", compare=False, repr=False)
    LIMIT: ClassVar[int] = 10

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


@dataclasses.dataclass(frozen=True)
class PointDC:
    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)
    note: str = dataclasses.field(default="", compare=False, repr=False)


@record(order=True)
class Ranked:
    rank: int
    name: str = ""


@dataclasses.dataclass(frozen=True, order=True)
class RankedDC:
    rank: int
    name: str = ""


@record(frozen=False)
class Counter:
    name: str
    count: int = 0


def test_construction_positional_keyword_and_defaults() -> None:
    assert Point(1) == Point(x=1) == Point(1, 0) == Point(1, y=0, tags=[])
    assert Point(1).tags == [] and Point(1).tags is not Point(1).tags
    assert Point(1, 2).norm() == 3 and Point.LIMIT == 10
    assert [f.name for f in fields(Point)] == ["x", "y", "tags", "note"]
    with pytest.raises(TypeError, match="needs x"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="has no field z"):
        Point(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="got x twice"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 4 fields"):
        Point(1, 2, [], "", 5)  # type: ignore[call-arg]


def test_records_match_dataclasses() -> None:
    samples = [(1, 2, ["a"], "n"), (1, 2, ["a"], "other"), (0, 0, [], ""), (-1, 5, ["b"], "")]
    for a in samples:
        for b in samples:
            assert (Point(*a) == Point(*b)) == (PointDC(*a) == PointDC(*b))
        assert repr(Point(*a)) == repr(PointDC(*a)).replace("PointDC", "Point")
        assert asdict(Point(*a)) == dataclasses.asdict(PointDC(*a))
    ranks = [(1, "a"), (1, "b"), (0, "z"), (2, "")]
    for r in ranks:
        assert hash(Ranked(*r)) == hash(Ranked(*r))
        for s in ranks:
            for op in ("__lt__", "__le__", "__gt__", "__ge__", "__eq__"):
                expected = getattr(RankedDC(*r), op)(RankedDC(*s))
                assert getattr(Ranked(*r), op)(Ranked(*s)) == expected, (r, s, op)
    assert sorted([Ranked(2), Ranked(1, "b"), Ranked(1, "a")]) == [
        Ranked(1, "a"),
        Ranked(1, "b"),
        Ranked(2),
    ]
    assert Ranked(1).__lt__(RankedDC(1)) is NotImplemented  # type: ignore[operator]
    assert Point(1).__eq__(PointDC(1)) is NotImplemented


def test_hash_follows_field_hash_as_dataclasses_do() -> None:
    @record
    class Named:
        code: str
        names: dict[str, str] = dataclasses.field(default_factory=dict, hash=False)

    @dataclasses.dataclass(frozen=True)
    class NamedDC:
        code: str
        names: dict[str, str] = dataclasses.field(default_factory=dict, hash=False)

    assert hash(Named("SE", {"sv": "IMY"})) == hash(Named("SE"))
    assert Named("SE", {"sv": "IMY"}) != Named("SE")
    assert hash(NamedDC("SE", {"sv": "IMY"})) == hash(NamedDC("SE"))
    with pytest.raises(TypeError, match="init=…, kw_only=…"):

        @record
        class Uninitialised:
            a: int = dataclasses.field(default=0, init=False)


def test_frozen_and_mutable() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x
    assert not hasattr(point, "__dict__")  # slots
    assert replace(point, y=5) == Point(1, 5) and point.y == 0
    counter = Counter("a")
    counter.count += 1
    assert counter == Counter("a", 1)
    with pytest.raises(TypeError):
        hash(counter)
    assert is_record(Point) and is_record(Counter) and not is_record(PointDC)


def test_copies_and_pickles() -> None:
    point = Point(1, 2, ["a"], "note")
    for twin in (copy.copy(point), copy.deepcopy(point), pickle.loads(pickle.dumps(point))):
        assert twin == point and twin.note == "note" and twin is not point
    assert copy.deepcopy(point).tags is not point.tags
    counter = copy.deepcopy(Counter("a", 3))
    counter.count += 1
    assert counter == Counter("a", 4)


def test_keyword_only_and_instance_dict() -> None:
    @record(kw_only=True, slots=False)
    class Text:
        body: str

        @cached_property
        def size(self) -> int:
            return len(self.body)

    text = Text(body="abc")
    assert text.size == 3 and text.__dict__["size"] == 3
    with pytest.raises(TypeError, match="by keyword"):
        Text("abc")  # type: ignore[call-arg]


def test_declarations_that_a_record_refuses() -> None:
    with pytest.raises(TypeError, match="follows one with"):

        @record
        class Disordered:
            a: int = 0
            b: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="default_factory"):

        @record
        class Shared:
            a: list[int] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="inherit"):

        @record
        class Child(Point):
            z: int = 0


def test_importing_the_plugin_makes_no_dataclass() -> None:
    """Each dataclass costs about 0.7 ms of import, paid on every build (SPEC §9)."""
    script = (
        "import dataclasses, sys\n"
        "made = []\n"
        "original = dataclasses._process_class\n"
        "def counted(cls, *args, **kwargs):\n"
        "    if cls.__module__.startswith('mkdocs_legal'):\n"
        "        made.append(cls.__module__ + '.' + cls.__qualname__)\n"
        "    return original(cls, *args, **kwargs)\n"
        "dataclasses._process_class = counted\n"
        "import mkdocs_legal.plugin.plugin, mkdocs_legal.core.construct\n"
        "print(made)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
