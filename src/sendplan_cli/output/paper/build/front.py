"""The paper's first page: the cover, the executive summary, the one exception summary."""

from __future__ import annotations

from sendplan_cli.output.paper.build.facts import NONE, Facts, leads_words
from sendplan_cli.output.paper.document.paper_model import Block, Bullets, Cell, Para, Table
from sendplan_cli.plan.scale import COMPLETE


def cover(f: Facts) -> tuple[Block, ...]:
    plan, e = f.view.plan, f.view.entry
    rows = [("Report to", plan.board), ("Partnership", plan.partnership)]
    rows.append(("Month reported", f.month_label))
    if e and e.meeting_date:
        rows.append(("Meeting date", f"{e.meeting_date:%d %B %Y}"))
    if e and e.author:
        rows.append(("Report by", e.author))
    purpose = (
        e.purpose
        if e and e.purpose
        else f"Progress on the plan's actions as at {f.as_of_words}, and the decisions the board is asked to take."
    )
    rows.append(("Purpose", purpose))
    rows += [("Data as of", f.as_of_words), ("Generated", f"{f.generated:%d %b %Y}")]
    return (
        Table(
            "About this paper",
            ("Item", "Detail"),
            tuple((Cell(k), Cell(str(v or NONE), prose=k == "Purpose")) for k, v in rows),
        ),
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(f: Facts) -> tuple[Block, ...]:
    view, h = f.view, f.view.headline
    blocks: list[Block] = []
    if view.entry and view.entry.summary:
        blocks.append(Para(view.entry.summary, prose=True))
    actions = [r for r in f.exceptions if not r.indicator]
    indicators = [r for r in f.exceptions if r.indicator]
    lines = [
        f"{h.complete} of {h.total} actions {'is' if h.complete == 1 else 'are'} complete.",
        f"{_count(h.overdue, 'action is', 'actions are')} overdue (the final date has passed).",
        f"{_count(h.missed, 'open action has', 'open actions have')} missed a milestone or activity date.",
        f"In exception: {_count(len(actions), 'action', 'actions')}"
        + (f" and {_count(len(indicators), 'indicator', 'indicators')}" if view.kpis else "")
        + ", each counted once (see Exceptions).",
    ]
    scale = view.plan.rating_scale
    if scale.impact and not f.unrated:
        lowest = scale.impact[-1].name
        low = sum(1 for r in view.rows if r.impact == lowest)
        lines.append(
            f"Impact rated {lowest} ({scale.impact[-1].meaning}) on {low} of {h.total} actions."
        )
    if view.kpis:
        rated = sum(1 for card in view.kpis if card.status.rag)
        lines.append(
            f"{len(view.red_kpis)} of {rated} rated indicators {'is' if len(view.red_kpis) == 1 else 'are'} Red."
        )
        missed = len(view.missed_kpis)
        if missed:
            lines.append(
                f"{missed} of {len(view.kpis)} indicators {'is' if missed == 1 else 'are'} past a target "
                "date with no figure."
            )
    lines += list(h.changes)
    blocks.append(Bullets(tuple(lines)))
    blocks.append(Para(_quality(f), label="Data quality:"))
    if h.next_month:
        blocks.append(Para("Due next month:"))
        blocks.append(Bullets(tuple(f"{i.ref} {step_words(i)} ({i.due})." for i in h.next_month)))
    else:
        blocks.append(Para("Nothing falls due next month."))
    return tuple(blocks)


def step_words(item: object) -> str:
    what, text = getattr(item, "what", ""), getattr(item, "text", None)
    return ("Final date" if what == "final" else "Milestone") + (f": {text}" if text else "")


def _quality(f: Facts) -> str:
    view = f.view
    if f.unrated:
        return (
            f"no action is rated yet ({len(view.rows)} not rated): the board cannot yet see progress; "
            "leads are asked to record ratings."
        )
    parts = []
    unrated = sum(1 for r in view.rows if r.completion is None)
    if unrated:
        parts.append(f"{_count(unrated, 'action is', 'actions are')} not rated")
    for heading, words in (
        ("Red or Amber without commentary", "rated Red or Amber with no commentary"),
        ("No update this month", f"with no update for {f.month_label}"),
    ):
        items = view.exceptions.get(heading, [])
        if items:
            parts.append(
                f"{_count(len(items), 'action', 'actions')} {words} ({', '.join(i.ref for i in items)})"
            )
    if not view.has_updates:
        parts.append("monthly updates are not recorded in this plan, so ratings are as published")
    return "; ".join(parts) + "." if parts else "every action is rated and has its commentary."


def exceptions(f: Facts) -> tuple[Block, ...]:
    if not f.exceptions:
        return (Para(f"No action or indicator is in exception as at {f.as_of_words}."),)
    rows = tuple(
        (
            Cell(r.ref),
            Cell(r.title),
            Cell(leads_words(r.leads)),
            Cell(r.what),
            Cell(r.months_words),
            Cell(r.mitigation or NONE, prose=bool(r.mitigation)),
            Cell(r.ask),
        )
        for r in f.exceptions
    )
    return (
        Table(
            f"In exception as at {f.as_of_words} ({len(rows)})",
            (
                "Ref",
                "Action or indicator",
                "Lead or owner",
                "What is wrong",
                "In exception",
                "Mitigation",
                "The ask",
            ),
            rows,
            ("ref", "", "name", "wide", "", "", ""),
        ),
    )


def complete_count(f: Facts) -> int:
    scale = f.view.plan.rating_scale
    return sum(1 for r in f.view.rows if scale.completion_means(r.completion) in COMPLETE)
