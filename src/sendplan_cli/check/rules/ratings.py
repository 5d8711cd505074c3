"""Rules about BRAG ratings: claims the dates or the other rating deny, silence, staleness."""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import DATES_AND_RATINGS, Context, Finding, rule
from sendplan_cli.plan.action_state import dated_steps
from sendplan_cli.plan.dates import not_yet_begun


@rule("SP201", "rating-contradicts-dates", "warning", reads=DATES_AND_RATINGS)
def rating_contradicts_dates(ctx: Context) -> Iterator[Finding]:
    """A completion rating whose meaning the dates deny.

    Why: "Amber: in progress, on track" for an action whose due date has passed is a claim
    the plan's own dates contradict; "Grey: not yet started" after the start or due date has
    passed is the same. The meanings come from the plan's rating scale (`means: on-track`,
    `means: not-started`), so any partnership's legend is checked the same way.

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
        completion: Red
        commentary: Off track; new date to be agreed.
    ```
    """
    for index, action, state in ctx.actions():
        means = ctx.completion_means(state.completion)
        steps = ctx.steps(index, action, state)
        final = ctx.final(index, action, state)
        end = final[1] if final else None
        # The action should have started by the earliest date the plan gives for it.
        starts = [p.start for _, p in steps if p.start] + (
            [state.due.start] if state.due and state.due.start else []
        )
        start = min(starts) if starts else None
        rating = ctx.plan.rating_scale.completion_named(state.completion)
        if rating is None:
            continue
        said = f"{rating.name} ({rating.meaning})"
        if means == "on-track" and end is not None and end < ctx.as_of:
            yield Finding(
                state.completion_at,
                f"action {action.ref} is rated {said} but was due by {end:%d %b %Y}",
                action.ref,
                "rate it as off track, or record the agreed new date",
            )
        elif means == "not-started" and (
            (start and start < ctx.as_of) or (end and end < ctx.as_of)
        ):
            passed = (
                f"due by {end:%d %b %Y}"
                if end and end < ctx.as_of
                else f"to start {start:%d %b %Y}"
            )
            yield Finding(
                state.completion_at,
                f"action {action.ref} is rated {said} but was {passed}",
                action.ref,
                "rate the progress made, or explain the delay",
            )


@rule("SP202", "rating-contradicts-impact", "warning", reads=DATES_AND_RATINGS)
def rating_contradicts_impact(ctx: Context) -> Iterator[Finding]:
    """The completion and impact ratings deny each other, or completion is claimed too early.

    Why: in the legend, Blue means "complete and impactful", so its impact must be felt;
    Green means "complete, impact not yet felt", so a felt impact makes it Blue; an action not
    yet started cannot have impact; and an action rated complete while some of its activities
    are still dated in the future is not complete.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "2.1"
        title: Video fluoroscopy unit
        completion: Blue
        impact: Red
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "2.1"
        title: Video fluoroscopy unit
        completion: Blue
        impact: Green
    ```
    """
    for index, action, state in ctx.actions():
        completion = ctx.plan.rating_scale.completion_named(state.completion)
        impact = ctx.plan.rating_scale.impact_named(state.impact)
        if completion is None:
            continue
        pair = f"{completion.name} ({completion.meaning})"
        if impact is not None:
            with_impact = f"{pair} with impact {impact.name} ({impact.meaning})"
            if completion.means == "complete-impactful" and impact.means != "felt":
                yield Finding(
                    state.impact_at,
                    f"action {action.ref} is rated {with_impact}",
                    action.ref,
                    "a complete and impactful action has impact felt; lower the completion rating or raise the impact",
                )
            elif completion.means == "complete" and impact.means == "felt":
                yield Finding(
                    state.completion_at,
                    f"action {action.ref} is rated {with_impact}",
                    action.ref,
                    "complete with impact felt is the complete-and-impactful rating",
                )
            elif completion.means == "not-started" and impact.means != "not-felt":
                yield Finding(
                    state.impact_at,
                    f"action {action.ref} is rated {with_impact}",
                    action.ref,
                    "an action not yet started has no impact yet",
                )
        if completion.means in ("complete", "complete-impactful"):
            future = [
                p.text
                for _, p in dated_steps(action, index, None, state.due_at)
                if p.end and p.end > ctx.as_of
            ]
            if future:
                yield Finding(
                    state.completion_at,
                    f"action {action.ref} is rated {pair} but activities are dated {', '.join(future)}",
                    action.ref,
                    "rate it in progress until its activities are done",
                )


@rule("SP203", "missing-commentary", "warning", reads=DATES_AND_RATINGS)
def missing_commentary(ctx: Context) -> Iterator[Finding]:
    """An action in progress (Red or Amber) with no commentary.

    Why: every board asks why an action is off track, or what is keeping it on track.
    The rating in force (the latest update, else as published) needs words beside it.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "5.4"
        title: CAMHS to adult transitions
        completion: Red
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "5.4"
        title: CAMHS to adult transitions
        completion: Red
        commentary: Working group delayed by recruitment; restarts in June.
    ```
    """
    for _, action, state in ctx.actions():
        means = ctx.completion_means(state.completion)
        if means in ("on-track", "off-track") and not (state.commentary or "").strip():
            yield Finding(
                state.completion_at,
                f"action {action.ref} is rated {state.completion} with no commentary",
                action.ref,
                "add `commentary:` saying what is happening",
            )


@rule("SP204", "stale-rating", "warning", reads=DATES_AND_RATINGS)
def stale_rating(ctx: Context) -> Iterator[Finding]:
    """Monthly updates are recorded, but none recently.

    Why: once a plan records monthly updates, a silent month means the rating in front of
    the board is old. Reported when the latest update is more than `stale-months`
    (default 1) months before the as-of month.

    Fails:

    ```yaml
    # as-of: 2025-03-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        updates:
          - month: 2025-01
            completion: Amber
            commentary: On track.
    ```

    Passes:

    ```yaml
    # as-of: 2025-03-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        updates:
          - month: 2025-02
            completion: Amber
            commentary: On track.
    ```
    """
    as_of_month = ctx.as_of.year * 12 + ctx.as_of.month
    for index, action, state in ctx.actions():
        if not action.updates or state.update is None:
            continue
        latest = state.update.month
        gap = as_of_month - (latest.year * 12 + latest.month)
        if gap > ctx.options.stale_months:
            position = action.updates.index(state.update)
            yield Finding(
                ("actions", index, "updates", position, "month"),
                f"action {action.ref} was last updated for {latest:%B %Y}, {gap} months before the as-of date",
                action.ref,
                "record this month's update with `sendplan update action`",
            )


@rule("SP205", "unrated", "warning", reads=DATES_AND_RATINGS)
def unrated(ctx: Context) -> Iterator[Finding]:
    """An action with no completion or no impact rating.

    Why: the board reviews ratings every month; an action with none cannot be reviewed.
    A plan that publishes no ratings is recorded without them, and this rule says so.

    Fails:

    ```yaml
    # as-of: 2025-04-30
    actions:
      - ref: "1.1"
        title: Improve consistency of Health input
    ```

    Passes:

    ```yaml
    # as-of: 2025-04-30
    actions:
      - ref: "1.1"
        title: Improve consistency of Health input
        completion: Grey
        impact: Red
    ```
    """
    for index, action, state in ctx.actions():
        missing = [
            kind
            for kind, value in (("completion", state.completion), ("impact", state.impact))
            if value is None
        ]
        if missing:
            yield Finding(
                ("actions", index, "ref"),
                f"action {action.ref} has no {' or '.join(missing)} rating",
                action.ref,
                "add the rating agreed by the board",
                key=True,
            )


@rule("SP206", "update-misdated", "warning", reads=frozenset({"updates"}))
def update_misdated(ctx: Context) -> Iterator[Finding]:
    """A monthly update for a month that has not begun.

    Why: an update reports what happened in its month; one dated ahead is a typing slip or a
    hope recorded as fact, and the board would read it as the rating in force once that month
    comes. Reported when the update's month starts after the as-of month; the current month's
    update is fine. (Figures for a period not yet started are SP405.)

    Fails:

    ```yaml
    # as-of: 2025-03-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        updates:
          - month: 2025-04
            completion: Green
            commentary: Offer launched.
    ```

    Passes:

    ```yaml
    # as-of: 2025-03-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        updates:
          - month: 2025-03
            completion: Amber
            commentary: Offer drafted; launch planned for April.
    ```
    """
    for index, action in enumerate(ctx.plan.actions):
        for position, update in enumerate(action.updates):
            if not_yet_begun(update.month, ctx.as_of):
                yield Finding(
                    ("actions", index, "updates", position, "month"),
                    f"action {action.ref} has an update for {update.month:%B %Y}, which has not begun "
                    f"(as of {ctx.as_of.day} {ctx.as_of:%B %Y})",
                    action.ref,
                    f"check the month; record an update once its month has begun "
                    f"(from 1 {update.month:%B %Y})",
                )
