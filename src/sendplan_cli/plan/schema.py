"""The JSON Schema of a plan, generated from the model, for editors and other validators."""

from __future__ import annotations

import json
from typing import Any

from sendplan_cli.plan.scale import RatingScale, west_sussex_scale

LIMITS = (
    "This schema checks structure, keys and types, and offers the ratings of one rating scale. "
    "`sendplan validate` also checks what a JSON Schema cannot express: that date phrases such as "
    "'Q4 25/26' are readable, that ratings come from the plan's own rating_scale, that "
    "recommendation and workstream ids exist, that refs are unique, and every finding rule "
    "(`sendplan rules`)."
)


def _any_case(name: str) -> str:
    """An ECMA-262 pattern matching a rating as sendplan does: any case, spaces around it."""
    letters = "".join(
        f"[{c.upper()}{c.lower()}]" if c.isalpha() else ("\\s+" if c == " " else _escape(c))
        for c in name
    )
    return letters


def _escape(c: str) -> str:
    return "\\" + c if c in r".^$*+?()[]{}|\/-" else c


def _ratings(names: list[str], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {"type": "string", "enum": names},
            {
                "type": "string",
                "pattern": "^\\s*(" + "|".join(_any_case(n) for n in names) + ")\\s*$",
            },
            {"type": "null"},
        ],
    }


def _field_docs() -> dict[str, dict[str, str]]:
    """Field docstrings of the model classes, read from their source: {class: {field: text}}."""
    import ast
    import inspect

    from sendplan_cli.plan import governance_records, kpi_model, model, scale

    docs: dict[str, dict[str, str]] = {}
    for module in (model, scale, kpi_model, governance_records):
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if not isinstance(node, ast.ClassDef):
                continue
            fields = docs.setdefault(node.name, {})
            body = node.body
            for item, following in zip(body, body[1:]):
                if (
                    isinstance(item, ast.AnnAssign)
                    and isinstance(item.target, ast.Name)
                    and isinstance(following, ast.Expr)
                    and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)
                ):
                    fields[item.target.id] = inspect.cleandoc(following.value.value)
    return docs


def plan_schema(scale: RatingScale | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file, offering the given scale's ratings (West Sussex by default)."""
    from sendplan_cli.plan.model import Plan

    scale = scale or west_sussex_scale()
    schema = Plan.model_json_schema()
    docs = _field_docs()
    for name, definition in [*schema["$defs"].items(), ("Plan", schema)]:
        for field, prop in definition.get("properties", {}).items():
            if field in docs.get(name, {}):
                prop["description"] = docs[name][field]
    completion = [r.name for r in scale.completion]
    impact = [r.name for r in scale.impact]
    for holder in ("Action", "Update"):
        props = schema["$defs"][holder]["properties"]
        for key, names in (("completion", completion), ("impact", impact)):
            props[key] = {**_ratings(names, props[key].get("description", "")), "default": None}
    for holder, key in (
        ("Action", "leads"),
        ("Action", "recommendations"),
        ("Activity", "leads"),
        ("Workstream", "strategic_leads"),
    ):
        prop = schema["$defs"][holder]["properties"][key]
        prop["anyOf"] = [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]
        del prop["type"], prop["items"]
    _governance_conditions(schema["$defs"])
    _accept_plain_scalars(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "description": f"{schema.get('description', '')} {LIMITS}".strip(),
    }


def _governance_conditions(defs: dict[str, Any]) -> None:
    """What the governance records' validators require (plan/governance_records.py), so an editor agrees."""
    defs["Evidence"]["anyOf"] = [{"required": ["link"]}, {"required": ["path"]}]
    defs["Recommendation"]["if"] = {
        "properties": {"type": {"const": "other"}},
        "required": ["type"],
    }
    defs["Recommendation"]["then"] = {"required": ["type_name"]}


def _accept_plain_scalars(node: Any) -> None:
    """Free text may be written as an unquoted number or word, as sendplan reads it (`ref: 2.10` stays "2.10").

    YAML tools read `2.10` as the number 2.1, so a schema asking for a string would mark a value
    sendplan accepts; the editor and `sendplan validate` must give the same verdict. Text with a
    pattern or a list of allowed values (ratings, months, colours) stays text only."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "enum" not in node and "pattern" not in node:
            node["type"] = ["string", "number", "boolean"]
        for value in node.values():
            _accept_plain_scalars(value)
    elif isinstance(node, list):
        for value in node:
            _accept_plain_scalars(value)


def schema_text(scale: RatingScale | None = None) -> str:
    return json.dumps(plan_schema(scale), indent=2, ensure_ascii=False) + "\n"
