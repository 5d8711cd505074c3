"""The record and enumeration-text types of the paper's plain data (output/paper/document/plain.py).

Kept apart from the conversion, which needs pydantic, so that the process rendering a custom template
can read the paper's data back with nothing heavier than this.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from functools import cache
from typing import Any


class EnumText(str):
    """An enumeration member as its text (`"error"`), still answering to `.value` and `.name`."""

    name: str
    value: str


def enum_text(member: Enum) -> EnumText:
    text = EnumText(member.value)
    text.__dict__.update(name=member.name, value=str(member.value))
    return text


def _rebuild(name: str, names: tuple[str, ...], values: tuple[Any, ...]) -> Any:
    """A record again (how records cross into the process that renders a custom template)."""
    return record_class(name, names)(*values)


def _reduce(record: Any) -> tuple[Any, ...]:
    names = tuple(f.name for f in dataclasses.fields(record))
    return _rebuild, (type(record).__name__, names, tuple(getattr(record, n) for n in names))


@cache
def record_class(name: str, names: tuple[str, ...]) -> type:
    """The frozen record type with these fields, made once per name and field list."""
    cls = dataclasses.make_dataclass(
        name, names, frozen=True, slots=True, namespace={"__reduce__": _reduce}
    )
    # Jinja names a builtin's type without its module: "'Plan object' has no attribute 'sumary'".
    cls.__module__ = "builtins"
    return cls


def is_record_type(kind: type) -> bool:
    """True for a type record_class made (its fields are plain data, and it has no methods of its own)."""
    return getattr(kind, "__reduce__", None) is _reduce
