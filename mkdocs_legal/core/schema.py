"""The model as pydantic classes: the validator that words findings, and the JSON Schema.

Derived from `core/model.py` at first use, so the two can't disagree. Importing
pydantic and building these classes costs about a quarter of a second, which is why a
build only comes here when `core/construct.py` has rejected its data.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, create_model

from . import model
from .model import Rule, key_of

_CONFIG = ConfigDict(extra="forbid", frozen=True, strict=True)


@cache
def validator() -> type[BaseModel]:
    """The pydantic class of the whole data file."""
    return _pydantic(model.LegalData)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the data file, as `mkdocs-legal schema` prints it."""
    schema = validator().model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://mkdocs-legal.github.io/schema/1/legal.schema.json"
    schema["title"] = "mkdocs-legal data file (schema 1)"
    return schema


@cache
def _pydantic(cls: type[Any]) -> type[BaseModel]:
    hints = typing.get_type_hints(cls, vars(model), include_extras=True)
    fields: dict[str, Any] = {}
    for field in model.fields(cls):
        options = _constraints(field.metadata["rule"])
        if field.default is not dataclasses.MISSING:
            options["default"] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            options["default_factory"] = _factory(field.default_factory)
        if field.metadata.get("key"):
            options["alias"] = key_of(field)
        fields[field.name] = (
            _type(hints[field.name]),
            Field(description=field.metadata["description"], **options),
        )
    # A class without a docstring has the one `dataclass` writes, its signature.
    doc = None if (cls.__doc__ or "").startswith(cls.__name__ + "(") else cls.__doc__
    made: type[BaseModel] = create_model(cls.__name__, __config__=_CONFIG, __doc__=doc, **fields)
    return made


def _factory(factory: Any) -> Any:
    # Defaults built from a model class (`rights`) become its pydantic twin.
    if model.is_model(factory):
        return _pydantic(typing.cast(Any, factory))
    return factory


def _constraints(rule: Rule) -> dict[str, Any]:
    names = ("pattern", "min_length", "max_length", "ge", "le")
    return {name: getattr(rule, name) for name in names if getattr(rule, name) is not None}


_NO_CHOICE = object()


def _exact(hint: Any, choices: tuple[Any, ...]) -> Any:
    """`hint`, made to reject values equal to a choice but of another type (`true` for 1).

    pydantic's literal check compares by value, so `True` and `1.0` pass as `1` even in
    strict mode; the model, and `core/construct.py`, want `1` itself.
    """
    if all(isinstance(choice, str) for choice in choices):
        return hint  # strings are only ever equal to strings
    kinds = {type(choice) for choice in choices}

    def exact(value: Any) -> Any:
        return value if type(value) in kinds else _NO_CHOICE

    return Annotated[hint, BeforeValidator(exact)]


def _type(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Annotated:
        extras: list[Any] = []
        for rule in args[1:]:
            if rule.check is not None:
                extras.append(BeforeValidator(rule.check))
            if rule.schema is not None:
                extras.append(WithJsonSchema(rule.schema))
            if _constraints(rule):
                extras.append(Field(**_constraints(rule)))
        params = (_type(args[0]), *extras)
        return Annotated[params]
    if origin is Literal:
        return _exact(hint, args)
    if origin in (Union, types.UnionType):
        return Union[tuple(_type(arg) for arg in args)]  # noqa: UP007
    if origin is list:
        return list[_type(args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[_type(args[0]), _type(args[1])]  # type: ignore[misc]
    if model.is_model(hint):
        return _pydantic(typing.cast(type, hint))
    return hint
