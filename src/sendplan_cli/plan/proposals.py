"""New dates a lead has proposed that the board has not yet agreed, as at a date.

A proposal (`proposed_due` on a monthly update) is a question for the board, never a date the plan
keeps to: an action's due date changes only when an update records the agreed `due` (written by
`sendplan update action --due`). So overdue and missed dates keep following the agreed date, and the board
paper asks the board to decide each proposal still open.

The proposal that counts is the one on the update in force for the month (the month's own update,
else the latest before it): a later update that proposes nothing has moved on from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sendplan_cli.plan.action_state import latest_update
from sendplan_cli.plan.action_status import ActionStatus
from sendplan_cli.plan.model import Plan

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_words(written: str, end: date | None) -> str:
    """A date as a board reads it: a day written as YYYY-MM-DD becomes "31 Mar 2026"; anything else as written."""
    if end is not None and _DAY.fullmatch(written.strip()):
        return f"{end:%d %b %Y}"
    return written


@dataclass(frozen=True)
class ProposedDate:
    """A new date proposed for one action and not yet agreed, with what it would replace and why."""

    ref: str
    month: date
    """The month of the update that proposes it."""
    proposed: str
    """The proposed date in words, e.g. "31 Mar 2026"."""
    proposed_end: date | None
    agreed: str | None
    """The agreed date it would replace, in words; none when the action has no date."""
    reason: str | None
    """The lead's reason, as written."""

    @property
    def decision(self) -> str:
        """The decision the board is asked to take; the lead's reason follows in their own words, never re-cased."""
        was = f"was {self.agreed}" if self.agreed else "it has no agreed date"
        reason = (self.reason or "").strip()
        given = (
            f" Reason given: {reason}{'' if reason.endswith(('.', '!', '?')) else '.'}"
            if reason
            else ""
        )
        return f"Agree a new date for action {self.ref}: {self.proposed} ({was}).{given}"

    @property
    def note(self) -> str:
        """The proposal beside the action's date, saying it is not the date in force."""
        return f"New date proposed, not yet agreed: {self.proposed} (see decisions sought)"


def pending_proposal(
    plan: Plan, index: int, status: ActionStatus, as_of: date
) -> ProposedDate | None:
    """The new date proposed for the action at `index` and not yet adopted as at the date, or none."""
    found = latest_update(plan.actions[index], as_of)
    update = found[1] if found is not None else None
    if update is None or update.proposed_due is None or update.due is not None or status.complete:
        return None  # an update that records the agreed `due` is the board's answer, whichever date it chose
    phrase = update.proposed_due
    agreed_end = status.final.end if status.final is not None else None
    agreed_text = status.state.due.text if status.state.due is not None else None
    if (phrase.end is not None and phrase.end == agreed_end) or phrase.text == agreed_text:
        return (
            None  # the board has agreed it: the update's `due` (or an earlier one) already says so
        )
    agreed = date_words(status.final.when, status.final.end) if status.final is not None else None
    return ProposedDate(
        status.ref,
        update.month,
        date_words(phrase.text, phrase.end),
        phrase.end,
        agreed,
        update.proposed_due_reason,
    )


def pending_proposals(
    plan: Plan, statuses: list[ActionStatus], as_of: date
) -> list[ProposedDate | None]:
    """Each action's pending proposal as at the date (or none), in plan order, beside `plan_status`'s statuses."""
    return [pending_proposal(plan, i, status, as_of) for i, status in enumerate(statuses)]
