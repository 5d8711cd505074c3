"""Rules about dates: overdue actions and milestones, deadlines coming up, dates that bind nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sendplan_cli.check.rules.base import DATES_AND_RATINGS, Context, Finding, rule
from sendplan_cli.plan.action_state import ActionState
from sendplan_cli.plan.dates import DatePhrase, english_list
from sendplan_cli.plan.loader import Pointer
from sendplan_cli.plan.model import Action


def _final(
    ctx: Context, action: Action, index: int, state: ActionState
) -> tuple[Pointer, date] | None:
    return ctx.final(index, action, state)


@rule("SP101", "overdue", "error", reads=DATES_AND_RATINGS)
def overdue(ctx: Context) -> Iterator[Finding]:
    """An open action whose final due date has passed.

    Why: a date that slips silently is the commonest failure of an improvement plan. When the
    final due period has ended before the as-of date and the action is not rated complete on the
    plan's scale, the board needs to see it, agree a new date, or close the action.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024
        completion: Amber
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024
        completion: Green
    ```
    """
    for index, action, state in ctx.actions():
        final = _final(ctx, action, index, state)
        if final is not None and final[1] < ctx.as_of and not ctx.is_complete(state):
            pointer, end = final
            rated = f"still rated {state.completion}" if state.completion else "not rated"
            if state.due and state.due.end:
                message = f"action {action.ref} was due {_due_words(state.due, end)} and is {rated}"
            else:
                message = f"action {action.ref}'s last activity was due by {end:%d %b %Y} and the action is {rated}"
            yield Finding(
                pointer,
                message,
                action.ref,
                "record completion, or agree a new date with the board and record it in an update",
            )


@rule("SP102", "milestone-overdue", "warning", reads=DATES_AND_RATINGS)
def milestone_overdue(ctx: Context) -> Iterator[Finding]:
    """A milestone or activity date has passed while the action is still open.

    Why: a long action (say, due in 2027) can hide slipped steps. Each dated step that ended
    before the as-of date while the action is open is reported once, unless the whole action is
    already overdue (then `overdue` says it).

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "4.1"
        title: Increase the number of special school placements
        due: Sept 2024 March 2027
        completion: Amber
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "4.1"
        title: Increase the number of special school placements
        due: Sept 2025 March 2027
        completion: Amber
    ```
    """
    for index, action, state in ctx.actions():
        if ctx.is_complete(state):
            continue
        steps = ctx.steps(index, action, state)
        final = ctx.final(index, action, state)
        if final is None or final[1] < ctx.as_of:
            continue
        passed: dict[tuple, list[str]] = {}
        for pointer, period in steps:
            if period.end is not None and period.end < ctx.as_of:
                passed.setdefault(pointer, []).append(period.when)
        for pointer, texts in passed.items():
            dates = (
                "a milestone date that has" if len(set(texts)) == 1 else "milestone dates that have"
            )
            yield Finding(
                pointer,
                f"action {action.ref} has {dates} passed: {english_list(texts)}",
                action.ref,
                "record in an update whether the step was met",
            )


@rule("SP103", "due-soon", "info", reads=DATES_AND_RATINGS)
def due_soon(ctx: Context) -> Iterator[Finding]:
    """An open action falls due within the next reporting month.

    Why: the board paper's "coming up" list. Information only; it never fails a run.
    The window is `due-soon-days` (default 31) after the as-of date.

    Fails:

    ```yaml
    # as-of: 2024-07-10
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024
        completion: Amber
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024
        completion: Amber
    ```
    """
    horizon = ctx.as_of + timedelta(days=ctx.options.due_soon_days)
    for index, action, state in ctx.actions():
        final = _final(ctx, action, index, state)
        if final is not None and ctx.as_of <= final[1] <= horizon and not ctx.is_complete(state):
            yield Finding(
                final[0], f"action {action.ref} is due by {final[1]:%d %b %Y}", action.ref
            )


@rule("SP104", "not-time-bound", "warning", reads=DATES_AND_RATINGS)
def not_time_bound(ctx: Context) -> Iterator[Finding]:
    """An action with no end date and no review cadence.

    Why: inspectors criticise plans that "lack precise targets or timescales". "Ongoing",
    "As set out", an open start ("From September 2025") or no date at all says when nothing
    will be finished. Give an end date, or a `review_cadence` for genuinely continuous work.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.7"
        title: Monitoring by the ICB
        due: Ongoing
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.7"
        title: Monitoring by the ICB
        due: Ongoing
        review_cadence: quarterly
    ```
    """
    for index, action, state in ctx.actions():
        if action.review_cadence:
            continue
        if _final(ctx, action, index, state) is not None:
            continue
        if state.due is None:
            yield Finding(
                (*state.due_at[:-1], "ref"),
                f"action {action.ref} has no date",
                action.ref,
                "add `due:` with an end date",
                key=True,
            )
        else:
            yield Finding(
                state.due_at,
                f"action {action.ref} is due {state.due.text!r}, which names no end date",
                action.ref,
                "give an end date, or a review_cadence for continuous work",
            )


def _due_words(due: DatePhrase, end: date) -> str:
    """ "July 2024 (ended 31 Jul 2024)"; with several dates, the list too."""
    dated = [p for p in due.periods if p.end is not None]
    last = next((p for p in reversed(dated) if p.end == end), dated[-1])
    every = list(dict.fromkeys(p.when for p in dated))
    listed = f"; its dates: {english_list(every)}" if len(every) > 1 else ""
    return f"{last.when} (ended {end:%d %b %Y}{listed})"
