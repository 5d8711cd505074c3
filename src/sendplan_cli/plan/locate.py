"""Turn pydantic validation errors into located diagnostics with hints."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from sendplan_cli.plan.dates import ACCEPTED_FORMS, DateParseError
from sendplan_cli.plan.kpi_model import NumberTextError, NumberTooLarge
from sendplan_cli.plan.loader import LoadedPlan, Pointer

_TYPE_WORDS = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date",
}

_TYPE_HINTS = {
    "text": "write the words on this line, in quotes if they start with a character YAML treats specially",
    "a list": "write one item per line, each starting with '- ', or the items in brackets: [a, b]",
    "a mapping": "write `key: value` lines indented under this key",
    "a whole number": "write a whole number, e.g. 3",
    "true or false": "write true or false",
    "a date": "write the date as text, e.g. 2025-07-15",
}


def suggest(word: str, choices: typing.Iterable[str]) -> str | None:
    """The closest choice to a misspelt word, if any is close."""
    options = list(choices)
    folded = {c.casefold(): c for c in options}
    match = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def _model_at(model: type[BaseModel], pointer: Pointer) -> type[BaseModel] | None:
    """The model class that holds the mapping at pointer."""
    current: Any = model
    for part in pointer:
        if isinstance(part, int):
            continue
        if (
            not (isinstance(current, type) and issubclass(current, BaseModel))
            or part not in current.model_fields
        ):
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """list[X], X | None and Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _described(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


_THOUSANDS = re.compile(r"\d{3}(\.\d+)?")


def _split_number(data: Any, pointer: Pointer) -> tuple[str, str] | None:
    """A number with thousands separators in a { } mapping ("value: 1,600"), which YAML splits at each comma.

    When the unknown key at pointer is a piece of one: the number as written and as it should be
    written, empty for every piece after the first (one message for the whole number)."""
    mapping = data
    for part in pointer[:-1]:
        try:
            mapping = mapping[part]
        except (KeyError, IndexError, TypeError):
            return None
    key = pointer[-1] if pointer else None
    if not isinstance(mapping, dict) or not isinstance(key, str):
        return None
    keys = list(mapping)

    def piece(name: str) -> bool:
        return bool(_THOUSANDS.fullmatch(name)) and mapping[name] is None

    if not piece(key):
        return None
    start = keys.index(key)
    while start > 0 and piece(keys[start - 1]):
        start -= 1
    head = mapping[keys[start - 1]] if start > 0 else None
    if not isinstance(head, str) or not re.fullmatch(r"[+-]?\d{1,3}", head):
        return None
    if keys[start] != key:
        return "", ""
    end = start
    while end < len(keys) and piece(keys[end]):
        end += 1
    groups = [head, *keys[start:end]]
    return ",".join(groups), "".join(groups)


def diagnose(plan: LoadedPlan, model: type[BaseModel], error: ValidationError) -> None:
    """Record one located diagnostic per pydantic error."""
    for item in error.errors(include_url=False):
        pointer: Pointer = tuple(part for part in item["loc"] if isinstance(part, (str, int)))
        kind = item["type"]
        if kind == "extra_forbidden" and (split := _split_number(plan.data, pointer)):
            written, number = split
            if written:
                plan.error(
                    "wrong-type",
                    f"{written!r} must be a number: inside {{ }} the comma ends the value, "
                    f"so {str(pointer[-1])!r} was read as another key",
                    plan.position(pointer, key=True),
                    f"write {number}",
                    pointer,
                )
        elif kind == "extra_forbidden":
            key = str(pointer[-1])
            holder = _model_at(model, pointer[:-1])
            allowed = sorted(holder.model_fields) if holder else []
            close = suggest(key, allowed)
            hint = (
                f"did you mean '{close}'?"
                if close
                else ("allowed keys: " + ", ".join(allowed) if allowed else None)
            )
            plan.error(
                "unknown-key",
                f"unknown key '{key}'",
                plan.position(pointer, key=True),
                hint,
                pointer,
            )
        elif kind == "missing":
            key = str(pointer[-1])
            plan.error(
                "missing-key",
                f"missing required key '{key}'",
                plan.position(pointer[:-1]),
                f"add `{key}:` here",
                pointer,
            )
        elif isinstance(item.get("ctx", {}).get("error"), DateParseError):
            exc: DateParseError = item["ctx"]["error"]
            plan.error(
                "bad-date",
                f"cannot read {exc.text!r} as a date: {exc.reason}",
                plan.position(pointer),
                "accepted forms: " + "; ".join(ACCEPTED_FORMS),
                pointer,
            )
        elif isinstance(item.get("ctx", {}).get("error"), NumberTextError):
            wrong: NumberTextError = item["ctx"]["error"]
            hint = (
                f"write {wrong.number}; the indicator's `unit:` says what it counts"
                if wrong.number
                else "check the figure and its unit (`unit:`); write it as a plain number"
                if isinstance(wrong, NumberTooLarge)
                else wrong.advice
            )
            plan.error("wrong-type", str(wrong), plan.position(pointer), hint, pointer)
        elif kind in ("literal_error", "enum"):
            expected = item.get("ctx", {}).get("expected", "")
            plan.error(
                "invalid-value",
                f"{_described(item['input'])} is not allowed here",
                plan.position(pointer),
                f"expected {expected}",
                pointer,
            )
        elif kind == "string_too_short":
            plan.error(
                "invalid-value",
                "the value is empty",
                plan.position(pointer),
                "write the value, or remove the line",
                pointer,
            )
        elif kind in _TYPE_WORDS:
            plan.error(
                "wrong-type",
                f"expected {_TYPE_WORDS[kind]}, found {_described(item['input'])}",
                plan.position(pointer),
                _TYPE_HINTS[_TYPE_WORDS[kind]],
                pointer,
            )
        else:
            # A check of the format's own: its message is written for users; pydantic prefixes "Value error, ".
            message = str(item["msg"]).removeprefix("Value error, ")
            plan.error(
                "invalid-value",
                message,
                plan.position(pointer),
                "correct the value; `sendplan schema` describes what each key holds",
                pointer,
            )
