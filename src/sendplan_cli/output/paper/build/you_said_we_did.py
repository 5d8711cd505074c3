"""You said, we did: what children, young people and families said in the last three months, and the response.

The window is the paper's month and the two before it, a quarter, so a record stays in front of the board
for three meetings; the caption says which months.
"""

from __future__ import annotations

from datetime import date

from sendplan_cli.output.paper.build.facts import NONE, Facts
from sendplan_cli.output.paper.build.view import previous_month
from sendplan_cli.output.paper.document.paper_model import Block, Cell, Para, Table
from sendplan_cli.plan.dates import month_end

HEADERS = ("Date", "Source", "You said", "We did", "Linked actions")
COLUMNS = ("date", "", "wide", "wide", "")
MONTHS = 3


def window(month: date) -> tuple[date, date]:
    """The first day of the month two before `month`, and the last day of `month`."""
    first = month.replace(day=1)
    for _ in range(MONTHS - 1):
        first = previous_month(first)
    return first, month_end(month.year, month.month)


def months_words(first: date, last: date) -> str:
    """ "April to June 2025", or "November 2024 to January 2025" across a year's end."""
    if first.year == last.year:
        return f"{first:%B} to {last:%B %Y}"
    return f"{first:%B %Y} to {last:%B %Y}"


def voice(f: Facts) -> tuple[Block, ...]:
    """The month's voice text and the dated records; nothing (no section) when the plan has neither."""
    entry = f.view.entry
    records = f.view.plan.voice
    blocks: list[Block] = []
    if entry is not None and entry.voice:
        blocks.append(Para(entry.voice, prose=True))
    if not records:
        return tuple(blocks)
    first, last = window(f.month)
    span = months_words(first, last)
    shown = sorted((r for r in records if first <= r.date <= last), key=lambda r: r.date)
    if not shown:
        blocks.append(Para(f"No voice record is dated {span}."))
        return tuple(blocks)
    blocks.append(
        Table(
            f"What was said from {span}, and what was done ({len(shown)})",
            HEADERS,
            tuple(
                (
                    Cell(f"{r.date:%d %b %Y}"),
                    Cell(r.source),
                    Cell(r.said, prose=True),
                    Cell(r.we_did or NONE, prose=r.we_did is not None),
                    Cell(", ".join(ref.strip() for ref in r.actions) or NONE),
                )
                for r in shown
            ),
            COLUMNS,
        )
    )
    return tuple(blocks)
