"""Field types the plan's models share: dates as plans write them, months, and lists of names."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema

from sendplan_cli.plan.dates import (
    ACCEPTED_FORMS,
    RANGE_FORM,
    DatePhrase,
    parse_date_phrase,
    parse_figure_period,
    parse_month,
)


def _phrase(value: Any) -> DatePhrase:
    if isinstance(value, DatePhrase):
        return value
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, str):
        return parse_date_phrase(value.strip())
    found = (
        "a mapping"
        if isinstance(value, dict)
        else "a list"
        if isinstance(value, list)
        else "nothing"
        if value is None
        else "a value that is not text"
    )
    raise ValueError(f"expected a date written as text, e.g. July 2025, found {found}")


def _figure_period(value: Any) -> DatePhrase:
    if isinstance(value, str):
        return parse_figure_period(value.strip())
    return _phrase(value)


def _month(value: Any) -> Any:
    return parse_month(value.strip()) if isinstance(value, str) else value


def _listify(value: Any) -> Any:
    """A single name may be written without list brackets."""
    return [value] if isinstance(value, str) else value


# A plain validator: pydantic builds no schema for the DatePhrase dataclass itself, which keeps start-up fast.
DateText = Annotated[
    DatePhrase,
    PlainValidator(_phrase),
    PlainSerializer(lambda phrase: phrase.text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A date as plans write it. Accepted: " + "; ".join(ACCEPTED_FORMS),
        }
    ),
]
# The period a figure is for: one period or a range, never a list of dates.
PeriodText = Annotated[
    DatePhrase,
    PlainValidator(_figure_period),
    PlainSerializer(lambda phrase: phrase.text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "The period a figure is for, one period or a range. Accepted: "
            + "; ".join(ACCEPTED_FORMS[:8])
            + "; "
            + RANGE_FORM,
        }
    ),
]
Month = Annotated[
    date,
    BeforeValidator(_month),
    PlainSerializer(lambda month: month.strftime("%Y-%m"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}$", "examples": ["2025-01"]}),
]
Names = Annotated[list[str], BeforeValidator(_listify)]


def empty_list() -> list[Any]:
    """A new empty list. A Python function, not the builtin `list`: pydantic reads a default
    factory's signature, and a builtin's costs a tokenizer run on every build."""
    return []
