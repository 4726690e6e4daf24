"""Build model objects from plain data in one pass, or say that the data is not valid.

This is the path every build takes: it reads the model's own type hints and rules
(`core/model.py`) and needs nothing else. It only answers yes or no. When the answer
is no, `core/validate.py` runs the full validator to word every finding, so this module
must never accept what that validator rejects; `tests/test_construct.py` compares the
two on valid, broken and generated data.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union

from . import model
from .model import Rule, key_of

T = TypeVar("T")

Build = Callable[[Any], Any]
"""Checks one value and returns what the model keeps; raises Rejected otherwise."""


class Rejected(Exception):
    """The data does not fit the model; the full validator says why.

    `path` leads to the value that was rejected (or to the nearest one that can be named,
    such as a union), for the rare case where only this module rejects it.
    """

    def __init__(self, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(path)
        self.path = path


def _within(part: str | int, build: Build, value: Any) -> Any:
    try:
        return build(value)
    except Rejected as exc:
        raise Rejected((part, *exc.path)) from None


def build(cls: type[T], data: Any) -> T:
    """An instance of the model class `cls` made from `data`; raises Rejected if invalid."""
    made: T = _builder(typing.cast(Any, cls))(data)
    return made


@cache
def _builder(hint: Any) -> Build:
    origin = typing.get_origin(hint)
    if origin is Annotated:
        base, *extras = typing.get_args(hint)
        return _ruled(_builder(base), [e for e in extras if isinstance(e, Rule)])
    if origin is Literal:
        return _literal(typing.get_args(hint))
    if origin in (Union, types.UnionType):
        return _union(tuple(_builder(arg) for arg in typing.get_args(hint)))
    if origin is list:
        return _list(_builder(typing.get_args(hint)[0]))
    if origin is dict:
        key, value = typing.get_args(hint)
        return _dict(_builder(key), _builder(value))
    if model.is_model(hint):
        return _model(hint)
    if hint is type(None):
        return _none
    return _SCALARS[hint]


def _none(value: Any) -> None:
    if value is not None:
        raise Rejected


def _instance(kind: type, excluding: type | None = None) -> Build:
    # Strict, as the model wants: `true` is not a number, a timestamp is not a date.
    def scalar(value: Any) -> Any:
        if not isinstance(value, kind) or (excluding and isinstance(value, excluding)):
            raise Rejected
        return value

    return scalar


_SCALARS: dict[Any, Build] = {
    str: _instance(str),
    int: _instance(int, excluding=bool),
    bool: _instance(bool),
    date: _instance(date, excluding=datetime),
}


def _literal(allowed: tuple[Any, ...]) -> Build:
    # A literal matches by value and by type: `1` is not `True`, `"1"` is not `1`.
    choices = {(type(value), value) for value in allowed}

    def literal(value: Any) -> Any:
        if isinstance(value, (list, dict)) or (type(value), value) not in choices:
            raise Rejected
        return value

    return literal


def _union(options: tuple[Build, ...]) -> Build:
    def union(value: Any) -> Any:
        for option in options:
            try:
                return option(value)
            except Rejected:
                continue
        raise Rejected

    return union


def _list(item: Build) -> Build:
    def items(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise Rejected
        return [_within(i, item, v) for i, v in enumerate(value)]

    return items


def _dict(key: Build, item: Build) -> Build:
    def mapping(value: Any) -> dict[Any, Any]:
        if not isinstance(value, dict):
            raise Rejected
        return {_within(k, key, k): _within(k, item, v) for k, v in value.items()}

    return mapping


def _ruled(inner: Build, rules: list[Rule]) -> Build:
    for rule in rules:
        inner = _apply(inner, rule)
    return inner


def _apply(inner: Build, rule: Rule) -> Build:
    check = rule.check
    # Pattern rules end in `$`, which must mean the end of the text (Python's `$` also
    # matches before a final newline).
    pattern = re.compile(re.sub(r"\$$", r"\\Z", rule.pattern)) if rule.pattern else None
    low, high = rule.min_length, rule.max_length

    def ruled(value: Any) -> Any:
        if check is not None:
            try:
                value = check(value)
            except ValueError:
                raise Rejected from None
        value = inner(value)
        if value is None:  # an optional field left empty: its rules are for a value
            return None
        if pattern is not None and not pattern.search(value):
            raise Rejected
        if (low is not None and len(value) < low) or (high is not None and len(value) > high):
            raise Rejected
        if (rule.ge is not None and value < rule.ge) or (rule.le is not None and value > rule.le):
            raise Rejected
        return value

    return ruled


def _model(cls: type[Any]) -> Build:
    hints = typing.get_type_hints(cls, vars(model), include_extras=True)
    fields = []
    for field in model.fields(cls):
        rule: Rule = field.metadata["rule"]
        builder = _builder(hints[field.name])
        if not rule.is_empty():
            builder = _apply(builder, rule)
        fields.append((key_of(field), field.name, builder, _is_required(field)))
    keys = {key for key, _, _, _ in fields}

    def instance(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Rejected
        for key in value:
            if key not in keys:
                raise Rejected((key,))
        made = {}
        for key, name, builder, required in fields:
            if key in value:
                made[name] = _within(key, builder, value[key])
            elif required:
                raise Rejected((key,))
        return cls(**made)

    return instance


def _is_required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
