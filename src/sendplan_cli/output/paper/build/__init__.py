"""Build the board paper's model (output/paper/document/paper_model.py) from each plan's computed view.

A section is one entry in SECTIONS: its key, heading and the function that computes its blocks. The
renderers loop over the sections, so a new section is one entry here and one builder, and no renderer
changes unless it brings a new kind of block. A section named in WHEN_RECORDED is left out when its
builder returns no blocks: a plan that keeps no risks, voice records or decisions log gets no heading
over nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sendplan_cli.output.paper.build import (
    appendix,
    body,
    decisions,
    decisions_taken,
    front,
    risk_table,
    you_said_we_did,
)
from sendplan_cli.output.paper.build.facts import Facts, facts
from sendplan_cli.output.paper.build.view import PlanView
from sendplan_cli.output.paper.document.paper_model import Block, BoardPaper, PlanPaper, Section

Builder = Callable[[Facts], tuple[Block, ...]]

SECTIONS: tuple[tuple[str, str, Builder], ...] = (
    ("cover", "Cover", front.cover),
    ("decisions", "Decisions sought", decisions.decisions),
    ("summary", "Executive summary", front.summary),
    ("exceptions", "Exceptions", front.exceptions),
    ("position", "Overall position", body.position),
    ("progress", "Progress by recommendation", body.progress),
    ("narrative", "Impact and next steps", body.narrative),
    ("voice", "You said, we did", you_said_we_did.voice),
    ("risks", "Risks", risk_table.risks),
    ("decisions_taken", "Decisions since the last board", decisions_taken.decisions_taken),
    ("coming_up", "Coming up", body.coming_up),
    ("by_lead", "By lead", body.by_lead),
)
APPENDICES: tuple[tuple[str, str, str, Builder], ...] = (
    ("tracker", "A", "action tracker", appendix.tracker),
    ("appendix", "B", "rating legend and validation findings", appendix.legend),
)
WHEN_RECORDED = frozenset({"voice", "risks", "decisions_taken"})
"""Sections shown only when the plan records what they show."""
FIRST_PAGE = ("cover", "decisions", "summary")
"""The sections the board reads first; the first page holds no rule code, rule name or pointer."""


def plan_paper(f: Facts, number: int) -> PlanPaper:
    """One plan's part of the paper, its sections in order."""
    built = [(key, heading, build(f)) for key, heading, build in SECTIONS]
    shown = [(k, h, b) for k, h, b in built if b or k not in WHEN_RECORDED]
    sections = [
        Section(key, heading, order, blocks)
        for order, (key, heading, blocks) in enumerate(shown, 1)
    ]
    title = f.view.plan.title
    for order, (key, letter, name, build) in enumerate(APPENDICES, len(sections) + 1):
        heading = (
            f"Appendix {letter}.{number}: {name}, {title}"
            if f.several
            else f"Appendix {letter}: {name}"
        )
        sections.append(
            Section(key, heading, order, build(f), appendix=True, landscape=key == "tracker")
        )
    return PlanPaper(number, title, tuple(sections), FIRST_PAGE)


def board_paper(views: Sequence[PlanView], month: date, as_of: date, generated: date) -> BoardPaper:
    """The whole paper, built once; every format renders this."""
    several = len(views) > 1
    plans = tuple(plan_paper(facts(v, month, as_of, generated, several), v.number) for v in views)
    titles = [v.plan.title for v in views]
    title = titles[0] if len(titles) == 1 else "SEND improvement plans"
    return BoardPaper(
        title=title,
        month_label=f"{month:%B %Y}",
        heading=f"{title}: board paper, {month:%B %Y}",
        about=f"Board paper for {month:%B %Y}",
        as_of=f"{as_of:%d %b %Y}",
        generated=f"{generated:%d %b %Y}",
        plans=plans,
    )
