"""Record classes, made without generating code.

`dataclasses.dataclass` writes and compiles Python source for every class it makes,
about 0.7 ms a class on CPython 3.11, and a build imports some thirty of them. `record`
makes classes that behave as the package's dataclasses did (type checkers treat them as
dataclasses) from one shared base: fields are read from the annotations; defaults are
plain values or `dataclasses.field(default=…, default_factory=…, compare=…, repr=…)`.

Left out, because nothing here needs them: inheritance of fields, `__post_init__`,
`field(init=False)` and `match` positions.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform as dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        """Tells type checkers the decorator makes dataclass-like classes; nothing at run time."""
        return lambda decorator: decorator


Field = dataclasses.Field
T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(
    *, frozen: bool = True, kw_only: bool = False, order: bool = False, slots: bool = True
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = True,
    kw_only: bool = False,
    order: bool = False,
    slots: bool = True,
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make `cls` a record: `__init__`, `__eq__`, `__repr__`, and, as asked, immutability
    (with `__hash__`), keyword-only construction, ordering and `__slots__`."""

    def make(cls: type[T]) -> type[T]:
        made: type[T] = _make(cls, frozen=frozen, kw_only=kw_only, order=order, slots=slots)
        return made

    return make if cls is None else make(cls)


def _make(cls: type[Any], *, frozen: bool, kw_only: bool, order: bool, slots: bool) -> Any:
    if cls.__bases__ != (object,):
        raise TypeError(f"{cls.__name__}: a record cannot inherit from another class")
    found: list[Field[Any]] = []
    for name, annotation in inspect.get_annotations(cls).items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        given = cls.__dict__.get(name, MISSING)
        spec = given if isinstance(given, Field) else dataclasses.field(default=given)
        if isinstance(spec.default, (list, dict, set)):
            raise TypeError(f"{cls.__name__}.{name}: a mutable default needs default_factory")
        if not spec.init or spec.kw_only not in (MISSING, kw_only):
            raise TypeError(f"{cls.__name__}.{name}: a record has no field(init=…, kw_only=…)")
        spec.name, spec.type = name, annotation
        if not kw_only and found and _has_default(found[-1]) and not _has_default(spec):
            raise TypeError(f"{cls.__name__}.{name}: a field without a default follows one with")
        found.append(spec)
    names = tuple(f.name for f in found)
    namespace = {k: v for k, v in cls.__dict__.items() if k not in {*names, *_OWN}}
    if slots:
        namespace["__slots__"] = names
    base: type[Any] = _Frozen if frozen else _Mutable
    if order:
        base = _FrozenOrdered if frozen else _MutableOrdered
    namespace.update(_fields=tuple(found), _kw_only=kw_only)
    namespace["_compared"] = tuple(f.name for f in found if f.compare)
    # As `dataclasses`: `field(hash=…)` decides, else `compare` does.
    namespace["_hashed"] = tuple(f.name for f in found if (f.compare if f.hash is None else f.hash))
    made = type(cls.__name__, (base,), namespace)
    made.__qualname__ = cls.__qualname__
    return made


_OWN = ("__dict__", "__weakref__")
"""The class's own descriptors, which would not apply to the new class's instances."""


def _has_default(spec: Field[Any]) -> bool:
    return spec.default is not MISSING or spec.default_factory is not MISSING


class Record:
    """What every record shares: construction, equality and its printed form."""

    __slots__ = ()
    if TYPE_CHECKING:  # not annotations at run time: type hints of records stay their own
        _fields: ClassVar[tuple[Field[Any], ...]]
        _compared: ClassVar[tuple[str, ...]]
        _hashed: ClassVar[tuple[str, ...]]
        _kw_only: ClassVar[bool]
    else:
        _fields, _compared, _hashed, _kw_only = (), (), (), False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if args and (self._kw_only or len(args) > len(fields)):
            raise TypeError(f"{type(self).__name__} takes {len(fields)} fields, by keyword")
        put = object.__setattr__
        for spec, value in zip(fields, args, strict=False):  # the rest come by keyword
            put(self, spec.name, value)
        for spec in fields[len(args) :]:
            name = spec.name
            if name in kwargs:
                value = kwargs.pop(name)
            elif spec.default is not MISSING:
                value = spec.default
            elif spec.default_factory is not MISSING:
                value = spec.default_factory()
            else:
                raise TypeError(f"{type(self).__name__} needs {name}")
            put(self, name, value)
        if kwargs:
            unknown = [k for k in kwargs if k not in {f.name for f in fields}]
            problem = (
                f"has no field {', '.join(unknown)}"
                if unknown
                else f"got {', '.join(kwargs)} twice"
            )
            raise TypeError(f"{type(self).__name__} {problem}")

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in self._fields if f.repr)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled through `__init__`, which a frozen record's fields need."""
        return _rebuilt, (type(self), asdict(self))


def _rebuilt(cls: type[T], values: dict[str, Any]) -> T:
    return cls(**values)


class _Frozen(Record):
    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in self._hashed))


class _Mutable(Record):
    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # as a mutable dataclass: unhashable


class _Ordered(Record):
    """Comparison by the fields' values in order, as `dataclass(order=True)`."""

    __slots__ = ()

    def _other(self, other: object) -> tuple[Any, ...] | None:
        return other._key() if type(other) is type(self) else None

    def __lt__(self, other: object) -> bool:
        key = self._other(other)
        return NotImplemented if key is None else self._key() < key

    def __le__(self, other: object) -> bool:
        key = self._other(other)
        return NotImplemented if key is None else self._key() <= key

    def __gt__(self, other: object) -> bool:
        key = self._other(other)
        return NotImplemented if key is None else self._key() > key

    def __ge__(self, other: object) -> bool:
        key = self._other(other)
        return NotImplemented if key is None else self._key() >= key


class _FrozenOrdered(_Ordered, _Frozen):
    __slots__ = ()


class _MutableOrdered(_Ordered, _Mutable):
    __slots__ = ()


def fields(item: Any) -> tuple[Field[Any], ...]:
    """The fields of a record class or record, in order."""
    return tuple(item._fields)


def is_record(item: Any) -> bool:
    """Whether `item` is a record class."""
    return isinstance(item, type) and issubclass(item, Record)


def replace(item: T, **changes: Any) -> T:
    """A copy of a record with some fields changed."""
    values = {f.name: getattr(item, f.name) for f in fields(item)}
    return type(item)(**{**values, **changes})


def asdict(item: Any) -> dict[str, Any]:
    """A record's fields as a dict (values as they are, not converted)."""
    return {f.name: getattr(item, f.name) for f in fields(item)}
