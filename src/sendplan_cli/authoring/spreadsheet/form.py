"""The update form's layout, shared by export and import, and the fingerprints that tie a form to a plan version.

A form made from an older version of the plan still imports when the rows it touches have not
changed since: each row carries a fingerprint of what the lead saw and what the month's update
held when the form was made, and import compares it with the plan now.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sendplan_cli.plan.action_state import ActionState, accountable_leads, state_at
from sendplan_cli.plan.model import Action, Plan

FORM_KIND = "sendplan monthly update form"
FORM_VERSION = "1"
SHEETS = ("Guide", "Actions", "Indicators", "Ratings", "_sendplan")
"""The sheets in order; a form whose sheets were renamed, added, removed or moved is refused."""
META_SHEET = "_sendplan"
FIRST_ROW = 2  # row 1 is the header


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    filled_in: bool = False
    """True for the cells the lead fills in (unlocked); the others are locked."""


ACTION_COLUMNS = (
    Column("ref", "Ref", 8),
    Column("title", "Action", 50),
    Column("leads", "Accountable lead(s)", 22),
    Column("due", "Due date in force", 18),
    Column("last_month", "Last rated", 14),
    Column("last_completion", "Last completion rating", 14),
    Column("last_impact", "Last impact rating", 14),
    Column("last_commentary", "Last commentary", 50),
    Column("completion", "Completion rating this month", 16, True),
    Column("impact", "Impact rating this month", 16, True),
    Column("commentary", "Commentary this month", 50, True),
    Column("proposed_due", "Proposed new due date (for the board to agree)", 18, True),
    Column("proposed_due_reason", "Reason for the proposed date", 40, True),
)
INDICATOR_COLUMNS = (
    Column("id", "Id", 10),
    Column("name", "Indicator", 50),
    Column("unit", "Unit", 12),
    Column("latest", "Latest figure recorded", 24),
    Column("period", "Period of the new figure", 18, True),
    Column("value", "Value", 12, True),
    Column("note", "Note for the board", 40, True),
)
RATING_COLUMNS = (
    Column("kind", "Rating of", 12),
    Column("name", "Rating", 12),
    Column("meaning", "What it means", 50),
)


def heading(title: str, month: date) -> str:
    """The Guide sheet's first line (A1): the plan and the month the form is for."""
    return f"{title}: update for {month:%B %Y}"


def addressee(lead: str | None) -> str:
    """The Guide sheet's second line (A2): whose form it is."""
    return f"For: {lead or 'all accountable leads'}"


def letter(columns: tuple[Column, ...], key: str) -> str:
    """The spreadsheet column letter of a column."""
    from openpyxl.utils import get_column_letter

    return get_column_letter([c.key for c in columns].index(key) + 1)


def plan_fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def before_month(month: date) -> date:
    """The day the form's context is taken from: the last day before the reporting month."""
    return month - timedelta(days=1)


def action_fingerprint(action: Action, index: int, month: date) -> str:
    """What the lead saw on the form, and what the month's update held: if neither changed, the row still applies."""
    state = state_at(action, index, before_month(month))
    current = next((u.model_dump(mode="json") for u in action.updates if u.month == month), None)
    return _digest(
        {
            "ref": action.ref,
            "title": action.title,
            "leads": accountable_leads(action),
            "due": state.due.text if state.due else None,
            "completion": state.completion,
            "impact": state.impact,
            "commentary": state.commentary,
            "this_month": current,
        }
    )


def indicator_fingerprint(plan: Plan, index: int) -> str:
    indicator = plan.indicators[index]
    return _digest({"id": indicator.id, "name": indicator.name, "unit": indicator.unit})


def _digest(data: Any) -> str:
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, default=str).encode("utf-8")
    ).hexdigest()[:16]


def open_actions(
    plan: Plan, month: date, lead: str | None = None
) -> list[tuple[int, Action, ActionState]]:
    """The actions still open as at the month (state from plan/action_state.py), of one lead or of all."""
    from sendplan_cli.plan.scale import COMPLETE

    found = []
    for index, action in enumerate(plan.actions):
        state = state_at(action, index, before_month(month))
        if plan.rating_scale.completion_means(state.completion) in COMPLETE:
            continue
        if lead is None or lead in accountable_leads(action):
            found.append((index, action, state))
    return found


def leads_of(plan: Plan, month: date) -> list[str]:
    """Every lead with an open action or an indicator, in the order they first appear."""
    names: list[str] = []
    for _, action, _ in open_actions(plan, month):
        names += [n for n in accountable_leads(action) if n not in names]
    names += [i.owner for i in plan.indicators if i.owner and i.owner not in names]
    return names
