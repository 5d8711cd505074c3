"""Decisions since the last board: the plan's decisions log from the day after the last meeting to the paper's date.

These are decisions already taken; the decisions the board is asked for (page one) are built in decisions.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from sendplan_cli.output.paper.build.facts import NONE, Facts
from sendplan_cli.output.paper.document.paper_model import Block, Cell, Para, Table
from sendplan_cli.plan.governance_records import Decision
from sendplan_cli.plan.model import Plan

HEADERS = ("Date", "Decision", "By", "Linked actions", "Due date change agreed")
COLUMNS = ("date", "wide", "", "", "date")


def last_meeting(plan: Plan, month: date) -> date | None:
    """The meeting date of the plan's latest `papers:` entry before `month`, if that entry gives one."""
    earlier = [p for p in plan.papers if p.month < month.replace(day=1)]
    if not earlier:
        return None
    return max(earlier, key=lambda p: p.month).meeting_date


def _due_change(d: Decision) -> str:
    if d.due is not None and d.previous_due is not None:
        return f"{d.previous_due.text} → {d.due.text}"
    if d.due is not None:
        return f"New date: {d.due.text}"
    if d.previous_due is not None:
        return f"Date {d.previous_due.text} set aside, no new date recorded"
    return "No date changed"


def decisions_taken(f: Facts) -> tuple[Block, ...]:
    """The decisions log since the last board; nothing (no section) when the plan keeps no log."""
    log = f.view.plan.decisions
    if not log:
        return ()
    meeting = last_meeting(f.view.plan, f.month)
    # A decision taken at the last meeting was reported to it; the log starts the day after.
    start = meeting + timedelta(days=1) if meeting else f.month.replace(day=1)
    since = (
        f"after the board of {meeting:%d %b %Y}"
        if meeting
        else f"from the start of {f.month_label} (the plan gives no earlier meeting date)"
    )
    shown = sorted((d for d in log if start <= d.date <= f.as_of), key=lambda d: d.date)
    if not shown:
        return (Para(f"No decision is recorded {since} up to {f.as_of_words}."),)
    return (
        Table(
            f"Decisions recorded {since} up to {f.as_of_words} ({len(shown)})",
            HEADERS,
            tuple(
                (
                    Cell(f"{d.date:%d %b %Y}"),
                    Cell(d.decision, prose=True),
                    Cell(d.by),
                    Cell(", ".join(ref.strip() for ref in d.actions) or NONE),
                    Cell(_due_change(d)),
                )
                for d in shown
            ),
            COLUMNS,
        ),
    )
