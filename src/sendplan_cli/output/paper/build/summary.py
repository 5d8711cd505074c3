"""The executive summary's figures: totals, change since last month, top exceptions, what is due next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sendplan_cli.plan.action_status import plan_status

TOP = 3


@dataclass
class Headline:
    """What the executive summary says, as numbers and items the templates put into words."""

    total: int
    complete: int
    overdue: int
    missed: int
    off_track: int
    in_exception: int
    sentences: list[str] = field(default_factory=list)
    """The figures as plain-English sentences."""
    changes: list[str] = field(default_factory=list)
    """What changed since the end of last month, as sentences."""
    top: list[Any] = field(default_factory=list)
    """The exceptions longest outstanding (at most three)."""
    next_month: list[Any] = field(default_factory=list)
    """Steps falling due next month."""


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def headline(view: Any, month: date, as_of: date) -> Headline:
    """The executive summary of one plan's view."""
    statuses = [row.status for row in view.rows]
    refs = {heading: {i.ref for i in items} for heading, items in view.exceptions.items()}
    flagged = set().union(*refs.values()) if refs else set()
    result = Headline(
        total=len(statuses),
        complete=sum(s.complete for s in statuses),
        overdue=sum(s.overdue for s in statuses),
        missed=sum(bool(s.missed) for s in statuses),
        off_track=len(refs.get("Off track", ())),
        in_exception=len(flagged),
    )
    result.sentences = [
        f"{result.complete} of {result.total} actions {'is' if result.complete == 1 else 'are'} complete.",
        f"{_plural(result.overdue, 'action is', 'actions are')} overdue (the final date has passed).",
        f"{_plural(result.missed, 'open action has', 'open actions have')} missed a milestone or activity date.",
        f"{_plural(result.in_exception, 'action is', 'actions are')} in exception in all.",
    ]
    if view.kpis:
        rated = sum(1 for card in view.kpis if card.status.rag)
        red = len(view.red_kpis)
        result.sentences.append(
            f"{red} of {rated} rated indicators {'is' if red == 1 else 'are'} Red."
        )
        if view.missed_kpis:
            missed = len(view.missed_kpis)
            result.sentences.append(
                f"{missed} of {len(view.kpis)} indicators {'is' if missed == 1 else 'are'} "
                "past a target date with no figure."
            )
    if view.proposals:
        count = len(view.proposals)
        result.sentences.append(
            f"{_plural(count, 'new date is', 'new dates are')} proposed for the board to agree "
            "(see decisions sought)."
        )
    before_day = month - timedelta(days=1)
    published = view.plan.published.start
    if published is not None and before_day < published:
        result.changes = [
            "This is the first month of the plan: there is no earlier month to compare with."
        ]
    else:
        before = plan_status(view.plan, before_day)
        now_overdue = [s.ref for s, b in zip(statuses, before) if s.overdue and not b.overdue]
        now_complete = [s.ref for s, b in zip(statuses, before) if s.complete and not b.complete]
        now_missed = [
            s.ref
            for s, b in zip(statuses, before)
            if len(s.missed) > len(b.missed) and not s.overdue
        ]
        moved = [
            r.ref for r in view.rows if r.movement in ("improved", "worsened", "completed", "new")
        ]
        result.changes = [
            f"Since {before_day:%d %b %Y}: {_plural(len(now_overdue), 'action', 'actions')} became overdue"
            + (f" ({', '.join(now_overdue)})" if now_overdue else "")
            + "; "
            + f"{_plural(len(now_missed), 'action', 'actions')} missed a further date"
            + (f" ({', '.join(now_missed)})" if now_missed else "")
            + "; "
            + f"{_plural(len(now_complete), 'action was', 'actions were')} completed"
            + (f" ({', '.join(now_complete)})" if now_complete else "")
            + "; "
            + f"{_plural(len(moved), 'rating', 'ratings')} changed.",
        ]
    items = [
        item
        for heading in ("Overdue", "Missed milestones and activity dates", "Off track")
        for item in view.exceptions.get(heading, [])
    ]
    seen: set[str] = set()
    ranked = sorted(items, key=lambda i: (-(i.months or 0), i.ref))
    result.top = [i for i in ranked if not (i.ref in seen or seen.add(i.ref))][:TOP]  # type: ignore[func-returns-value]
    result.next_month = list(view.coming_up.get("next month", []))
    return result
