"""The window an evidence pack covers: from the review held before to the pack's as-of day.

Updates count from the month of the previous review, as the review-evidence-due rule reads an update "since
the last review"; voice records and decisions count from the day after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sendplan_cli.output.paper.build.view import PlanView
from sendplan_cli.plan.action_status import ActionStatus, action_status
from sendplan_cli.plan.governance_records import Review
from sendplan_cli.plan.kpi_status import KpiStatus, kpi_statuses


def review_words(review: Review) -> str:
    """How the pack names a review: its title, else its kind and date."""
    kind = review.type.replace("-", " ")
    return review.title or f"{kind[0].upper()}{kind[1:]} on {review.date:%d %b %Y}"


@dataclass(frozen=True)
class Window:
    """What every section of the pack reads: the view (as of the pack's day), the review and the one before."""

    view: PlanView
    review: Review
    previous: Review | None
    as_of: date
    then: dict[int, ActionStatus]
    """Each action as it stood before the window's first month, so an update inside it shows as movement."""
    kpis_then: dict[str, KpiStatus]
    """Each indicator as judged on the previous review's day."""
    kpis_now: dict[str, KpiStatus]

    @property
    def since(self) -> date | None:
        return self.previous.date if self.previous else None

    @property
    def since_words(self) -> str:
        p = self.previous
        return f"the {review_words(p)} ({p.date:%d %b %Y})" if p else "the plan began"

    def in_window(self, day: date) -> bool:
        return (self.since is None or day > self.since) and day <= self.as_of

    def month_in_window(self, month: date) -> bool:
        start = self.since.replace(day=1) if self.since else date.min
        return start <= month <= self.as_of


def window(view: PlanView, review: Review, previous: Review | None, as_of: date) -> Window:
    """The pack's window, its states then read from plan/action_status.py and plan/kpi_status.py."""
    plan = view.plan
    now = {card.status.indicator.id: card.status for card in view.kpis}
    if previous is None:
        return Window(view, review, None, as_of, {}, {}, now)
    before = previous.date.replace(day=1) - timedelta(days=1)
    then = {i: action_status(plan, i, before) for i in range(len(plan.actions))}
    kpis = {s.indicator.id: s for s in kpi_statuses(plan, previous.date)}
    return Window(view, review, previous, as_of, then, kpis, now)
