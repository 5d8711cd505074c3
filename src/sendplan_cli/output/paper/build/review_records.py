"""The evidence pack's review, voice and decisions sections, each within the pack's window."""

from __future__ import annotations

from sendplan_cli.output.paper.build.facts import NONE
from sendplan_cli.output.paper.build.review_window import Window, review_words
from sendplan_cli.output.paper.document.paper_model import Block, Cell, Para, Table


def review(w: Window) -> tuple[Block, ...]:
    r = w.review
    rows = [
        ("Review", review_words(r)),
        ("Kind", r.type.replace("-", " ")),
        ("Date", f"{r.date:%d %B %Y}"),
        ("Evidence due", f"{r.evidence_due:%d %B %Y}" if r.evidence_due else NONE),
        ("Progress since", w.since_words),
        ("Data as of", f"{w.as_of:%d %B %Y}"),
    ]
    return (Table("The review", ("Item", "Detail"), tuple((Cell(k), Cell(v)) for k, v in rows)),)


def voice(w: Window) -> tuple[Block, ...]:
    records = [v for v in w.view.plan.voice if w.in_window(v.date)]
    if not records:
        return (Para(f"No voice record since {w.since_words}."),)
    rows = tuple(
        (
            Cell(f"{v.date:%d %b %Y}"),
            Cell(v.source),
            Cell(v.said, prose=True),
            Cell(v.we_did or NONE, prose=True),
            Cell(", ".join(v.actions) or NONE),
        )
        for v in records
    )
    return (
        Table(
            "You said, we did",
            ("Date", "Who", "You said", "We did", "Actions"),
            rows,
            ("date", "", "wide", "wide", ""),
        ),
    )


def decisions(w: Window) -> tuple[Block, ...]:
    taken = [d for d in w.view.plan.decisions if w.in_window(d.date)]
    if not taken:
        return (Para(f"No decision recorded since {w.since_words}."),)
    rows = tuple(
        (
            Cell(f"{d.date:%d %b %Y}"),
            Cell(d.decision, prose=True),
            Cell(d.by),
            Cell(", ".join(d.actions) or NONE),
            Cell(
                f"{d.previous_due.text if d.previous_due else 'an earlier date'} to {d.due.text}"
                if d.due
                else NONE
            ),
        )
        for d in taken
    )
    return (
        Table(
            "Decisions taken",
            ("Date", "Decision", "By", "Actions", "Due date moved"),
            rows,
            ("date", "wide", "", "", ""),
        ),
    )
