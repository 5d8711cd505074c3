"""The paper's context as plain data: what templates are given, so a template can read the paper and do nothing else.

A template is a program from whoever can commit one. Handed the live plan (a pydantic model) it could call
`parse_raw`, which unpickles, or `parse_file`, which reads any file; handed any object it can call that
object's methods. So templates get only values: text, numbers, dates, lists, tuples, sets, mappings, and
frozen records whose attributes are those same values, each record named for the object it was made from
(`ActionRow`, `Plan`). A record holds its source's fields and the values of its properties (`months_words`,
`note`), computed here once; its methods are left behind. Templates read `a.b` and `a['b']` alike.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import date, datetime
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from sendplan_cli.output.paper.document.paper_model import Cell
from sendplan_cli.output.paper.document.records import enum_text, record_class

_SCALARS = frozenset({str, int, float, bool, type(None), date, datetime, Markup})


def _public_properties(cls: type, stop: type) -> tuple[str, ...]:
    """The names of the properties a class and its own bases define (not those of `stop` and above)."""
    names: list[str] = []
    for klass in cls.__mro__:
        if issubclass(stop, klass):
            continue
        for name, attribute in vars(klass).items():
            if isinstance(attribute, property) and not name.startswith("_") and name not in names:
                names.append(name)
    return tuple(names)


@cache
def _record_form(cls: type) -> tuple[type, Any]:
    """The record type for objects of `cls`, and a getter of their field and property values in its order."""
    if issubclass(cls, BaseModel):
        fields = tuple(cls.model_fields)
        names = fields + tuple(p for p in _public_properties(cls, BaseModel) if p not in fields)
    else:
        fields = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        names = fields + tuple(p for p in _public_properties(cls, object) if p not in fields)
    getter = (
        attrgetter(*names)
        if len(names) > 1
        else (lambda obj: (getattr(obj, names[0]),) if names else ())
    )
    return record_class(cls.__name__, names), getter


def _is_record_source(kind: type) -> bool:
    """True for the types made into records: pydantic models and dataclasses (a class itself is never one)."""
    return issubclass(kind, BaseModel) or (dataclasses.is_dataclass(kind) and kind is not type)


@functools.cache
def _form(kind: type) -> tuple[Any, ...]:
    """A type's record form (see _record_form), or () when it is not made into a record; worked out once a
    type, as the paper of a large plan holds tens of thousands of table cells, all of one type."""
    return _record_form(kind) if _is_record_source(kind) else ()


@cache
def _cell_record() -> type:
    record, _ = _record_form(Cell)
    # _cell passes the fields by position.
    assert tuple(f.name for f in dataclasses.fields(record)) == ("text", "fill", "prose")
    return record  # type: ignore[no-any-return]


class _Converter:
    """Converts one context, keeping shared objects shared (a row listed under its lead is the same row)."""

    def __init__(self) -> None:
        self.done: dict[
            int, tuple[Any, Any]
        ] = {}  # id -> (source, plain); the source is kept so ids stay unique

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind in _SCALARS:
            return value
        if kind is list:
            return [v if type(v) in _SCALARS else self(v) for v in value]
        if kind is tuple:
            return tuple([v if type(v) in _SCALARS else self(v) for v in value])
        if kind is dict:
            return {self(k): v if type(v) in _SCALARS else self(v) for k, v in value.items()}
        if kind is Cell:
            return self._cell(value)
        seen = self.done.get(id(value))
        if seen is not None:
            return seen[1]
        result = self._convert(value)
        self.done[id(value)] = (value, result)
        return result

    def _cell(self, cell: Cell) -> Any:
        """A table cell as its record, made straight from its three plain fields: a large plan's paper has
        tens of thousands of cells, and they need neither the general path nor to be kept shared."""
        text, fill, prose = cell.text, cell.fill, cell.prose
        if type(text) is str and (fill is None or type(fill) is str) and type(prose) is bool:
            return _cell_record()(text, fill, prose)
        return self._convert(cell)

    def _convert(self, value: Any) -> Any:
        kind: type = type(value)
        form = _form(kind)
        if form:
            cls, getter = form
            return cls(*[v if type(v) in _SCALARS else self(v) for v in getter(value)])
        if isinstance(value, Enum):
            return enum_text(value)
        if isinstance(value, Markup):
            return value
        # Subclasses of plain types (an int-valued flag, say) as the plain type, shedding their own methods.
        if isinstance(value, str):
            return str.__str__(value)
        if isinstance(value, (int, float)):
            return float(value) if isinstance(value, float) else int(value)
        if isinstance(value, date):
            return value
        if isinstance(value, dict):
            return {self(k): self(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            items = [self(v) for v in value]
            return tuple(items) if isinstance(value, tuple) else items
        if isinstance(value, (set, frozenset)):
            items = [self(v) for v in value]
            return frozenset(items) if isinstance(value, frozenset) else set(items)
        raise TypeError(
            f"the board paper has no plain form for a {type(value).__qualname__}; add one in {__name__}"
        )


def plain(value: Any) -> Any:
    """`value` (the paper's context, or any part of it) as plain data, for a template to read."""
    return _Converter()(value)
