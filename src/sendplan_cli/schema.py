"""The JSON Schema of a plan, generated from the model, for editors and other validators."""

from __future__ import annotations

import json
from typing import Any

LIMITS = (
    "This schema checks structure, keys and types only. `sendplan validate` also checks what a JSON "
    "Schema cannot express: that date phrases such as 'Q4 25/26' are readable, that ratings come "
    "from the plan's own rating_scale, that recommendation and workstream ids exist, that refs "
    "are unique, and every finding rule (`sendplan rules`)."
)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file."""
    from sendplan_cli.model import Plan

    schema = Plan.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "description": f"{schema.get('description', '')} {LIMITS}".strip(),
    }


def schema_text() -> str:
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
