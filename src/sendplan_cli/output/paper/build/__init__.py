"""Build the board paper's model (output/paper/document.py) from each plan's computed view.

A section is one entry in SECTIONS: its key, heading and the function that computes its blocks. The
renderers loop over the sections, so a new section is one entry here and one builder, and no renderer
changes unless it brings a new kind of block.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sendplan_cli.output.paper.build import appendix, body, decisions, front
from sendplan_cli.output.paper.build.facts import Facts, facts
from sendplan_cli.output.paper.document import Block, BoardPaper, PlanPaper, Section
from sendplan_cli.output.paper.view import PlanView

Builder = Callable[[Facts], tuple[Block, ...]]

SECTIONS: tuple[tuple[str, str, Builder], ...] = (
    ("cover", "Cover", front.cover),
    ("decisions", "Decisions sought", decisions.decisions),
    ("summary", "Executive summary", front.summary),
    ("exceptions", "Exceptions", front.exceptions),
    ("position", "Overall position", body.position),
    ("progress", "Progress by recommendation", body.progress),
    ("narrative", "Impact, voice, risks and next steps", body.narrative),
    ("coming_up", "Coming up", body.coming_up),
    ("by_lead", "By lead", body.by_lead),
)
APPENDICES: tuple[tuple[str, str, str, Builder], ...] = (
    ("tracker", "A", "action tracker", appendix.tracker),
    ("appendix", "B", "rating legend and validation findings", appendix.legend),
)
FIRST_PAGE = ("cover", "decisions", "summary")
"""The sections the board reads first; the first page holds no rule code, rule name or pointer."""


def plan_paper(f: Facts, number: int) -> PlanPaper:
    """One plan's part of the paper, its sections in order."""
    sections = [
        Section(key, heading, order, build(f))
        for order, (key, heading, build) in enumerate(SECTIONS, 1)
    ]
    title = f.view.plan.title
    for order, (key, letter, name, build) in enumerate(APPENDICES, len(SECTIONS) + 1):
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
    return BoardPaper(
        title=titles[0] if len(titles) == 1 else "SEND improvement plans",
        month_label=f"{month:%B %Y}",
        as_of=f"{as_of:%d %b %Y}",
        generated=f"{generated:%d %b %Y}",
        plans=plans,
    )
