"""The paper's exceptions: each with why in words, lead, date, months in exception and mitigation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sendplan_cli.plan.action_status import (
    ActionStatus,
    DatedStep,
    date_reason,
    months_between,
    rated_words,
)
from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.model import Plan

# The headings, in the order the board reads them; the README lists them.
OVERDUE = "Overdue"
MISSED = "Missed milestones and activity dates"
OFF_TRACK = "Off track"
MISMATCH = "Ratings that do not match"
NO_COMMENTARY = "Red or Amber without commentary"
NO_UPDATE = "No update this month"
HEADINGS = (OVERDUE, MISSED, OFF_TRACK, MISMATCH, NO_COMMENTARY, NO_UPDATE)


@dataclass
class ExceptionItem:
    """One action in one kind of exception."""

    ref: str
    title: str
    leads: list[str]
    due: str
    """The date that matters for this exception, in words."""
    reason: str
    """Why it is an exception, in words."""
    since: date | None
    months: int | None
    """Whole months in exception as at the paper's date; none when not known."""
    mitigation: str | None
    """The latest commentary, or none when there is none."""
    steps: list[DatedStep] = field(default_factory=list)
    """For missed dates: each missed milestone or activity, with its text and date."""
    proposal: Any = None
    """A new date proposed for the action and not yet agreed (plan/proposals.py), or none."""

    @property
    def months_words(self) -> str:
        if self.months is None:
            return "not known"
        if self.months == 0:
            return "under a month"
        return f"{self.months} month{'s' if self.months != 1 else ''}"


def _rating_since(plan: Plan, index: int, means: str, as_of: date) -> date | None:
    """The start of the latest run of months in which the completion rating has meant `means`."""
    action = plan.actions[index]
    scale = plan.rating_scale
    since = plan.published.start if scale.completion_means(action.completion) == means else None
    for update in sorted((u for u in action.updates if u.month <= as_of), key=lambda u: u.month):
        if update.completion is None:
            continue
        if scale.completion_means(update.completion) != means:
            since = None
        elif since is None:
            since = update.month
    return since


def exception_items(
    plan: Plan,
    statuses: list[ActionStatus],
    findings: list[Diagnostic],
    as_of: date,
    month: date,
    proposals: Sequence[Any] = (),
) -> dict[str, list[ExceptionItem]]:
    """Every exception as at the date, grouped by heading; headings with none are left out.

    `proposals` are the actions' pending new dates beside `statuses` (plan/proposals.py): shown with the
    exception, while the exception itself follows the agreed date."""
    by_ref: dict[str | None, list[Diagnostic]] = {}
    for d in findings:
        by_ref.setdefault(d.ref, []).append(d)
    has_updates = any(a.updates for a in plan.actions)
    out: dict[str, list[ExceptionItem]] = {h: [] for h in HEADINGS}
    for index, status in enumerate(statuses):
        commentary = status.state.commentary
        base: dict[str, Any] = {
            "ref": status.ref,
            "title": status.title,
            "leads": status.leads,
            "mitigation": commentary,
            "proposal": proposals[index] if index < len(proposals) else None,
        }
        final_words = (
            f"{status.final.when} (by {status.final.end:%d %b %Y})" if status.final else "No date"
        )
        reason = date_reason(plan, status)
        since = status.exception_since
        if status.overdue and reason:
            out[OVERDUE].append(
                ExceptionItem(
                    **base,
                    due=final_words,
                    reason=reason,
                    since=since,
                    months=months_between(since, as_of) if since else None,
                )
            )
        elif status.missed and reason:
            out[MISSED].append(
                ExceptionItem(
                    **base,
                    due=", ".join(s.when for s in status.missed),
                    reason=reason,
                    since=since,
                    months=months_between(since, as_of) if since else None,
                    steps=status.missed,
                )
            )
        means = plan.rating_scale.completion_means(status.state.completion)
        if means == "off-track":
            start = _rating_since(plan, index, means, as_of)
            out[OFF_TRACK].append(
                ExceptionItem(
                    **base,
                    due=final_words,
                    reason=f"{rated_words(plan, status)}",
                    since=start,
                    months=months_between(start, as_of) if start else None,
                )
            )
        own = by_ref.get(status.ref, [])
        mismatches = [
            d.message
            for d in own
            if d.name in ("rating-contradicts-dates", "rating-contradicts-impact")
        ]
        if mismatches:
            out[MISMATCH].append(
                ExceptionItem(
                    **base, due=final_words, reason="; ".join(mismatches), since=None, months=None
                )
            )
        if any(d.name == "missing-commentary" for d in own):
            out[NO_COMMENTARY].append(
                ExceptionItem(
                    **base,
                    due=final_words,
                    reason=f"{rated_words(plan, status)}, with no commentary to say why",
                    since=None,
                    months=None,
                )
            )
        if (
            has_updates
            and not status.complete
            and not any(u.month == month for u in plan.actions[index].updates)
        ):
            out[NO_UPDATE].append(
                ExceptionItem(
                    **base,
                    due=final_words,
                    reason=f"no update recorded for {month:%B %Y}",
                    since=None,
                    months=None,
                )
            )
    return {heading: items for heading, items in out.items() if items}
