"""History rules: what changed between commits of a plan. They run with `validate --history`.

Each rule compares two consecutive versions of a plan (the plan now stands by for what was
recorded after the fact) and yields findings about an action or recommendation; git/versions.py
reads the versions from git and check/history_engine.py locates each finding in the plan now. On
a single plan they find nothing, so the engine can list and configure them like any other rule.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sendplan_cli.check.rules.base import Context, Finding, Rule
from sendplan_cli.git.changes import Change, HistoryFinding, due_end
from sendplan_cli.plan.diagnostics import Severity


def _nothing(ctx: Context) -> Iterator[Finding]:
    return iter(())


@dataclass(frozen=True)
class HistoryRule(Rule):
    """A rule about a change between two versions of a plan."""

    compare: Callable[[Change], Iterable[HistoryFinding]] = lambda change: ()


def history_rule(
    code: str, name: str, severity: str
) -> Callable[[Callable[[Change], Iterable[HistoryFinding]]], HistoryRule]:
    """Declare a history rule; the function's docstring is its user documentation."""

    def wrap(compare: Callable[[Change], Iterable[HistoryFinding]]) -> HistoryRule:
        import inspect

        return HistoryRule(
            code,
            name,
            Severity(severity),
            _nothing,
            inspect.cleandoc(compare.__doc__ or ""),
            compare=compare,
        )

    return wrap


@history_rule("SP501", "due-date-moved-silently", "error")
def due_date_moved_silently(change: Change) -> Iterator[HistoryFinding]:
    """A due date moved later with no decision or update recording the agreed new date and the date it replaced.

    Why: a deadline never moves without the board's approval (and often the DfE's). Editing
    `due: July 2024` to `due: March 2025` makes an overdue action look on time and leaves no trace
    in the plan or the board paper. `validate --since REF` always runs this rule on the change
    since REF, with or without `--history`.

    What to do: record the move in an update: the month it was agreed, the new `due`, the
    `previous_due` it replaced, and in the commentary who agreed it and when; or record the
    board's decision under `decisions:` with the action's ref, the new `due` and the
    `previous_due`. Adding either after the fact clears the finding, and so does putting the
    date back if the move was never agreed.

    Before:

    ```yaml
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024
        completion: Amber
    ```

    Fails:

    ```yaml
    # committed: 2024-09-10
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        completion: Amber
    ```

    Passes:

    ```yaml
    # committed: 2024-09-10
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        completion: Amber
        updates:
          - month: 2024-09
            due: March 2025
            previous_due: July 2024
            commentary: New date agreed by the SEND Improvement Board on 5 September 2024
    ```
    """
    for ref, before, after in change.changed_actions():
        now = change.current.actions.get(ref)
        if now is None:
            continue
        old, new = due_end(before.due), due_end(after.due)
        if old is None or new is None or new <= old:
            continue
        still = due_end(now.due)
        if (still is not None and still <= old) or now.records_move(old, new):
            continue  # moved back since, or the approval is recorded
        if change.current.decides_move(ref, old, new):
            continue  # the decision that agreed it is in the decisions log
        yield HistoryFinding(
            "actions",
            ref,
            f"action {ref}'s due date moved from {before.due} to {after.due} {change.by}, "
            "and no recorded decision or update agrees the change",
            f"record the decision under `decisions:` (date, decision, by, actions: [{json.dumps(ref)}], "
            f"due: {after.due}, previous_due: {before.due}), or add an update with the month it "
            f"was agreed, due: {after.due} and previous_due: {before.due}",
            "due",
        )


@lru_cache(maxsize=1024)
def _reported_by(month: str) -> date | None:
    """The last day of the month after an update's month: by then the board has seen it."""
    from sendplan_cli.plan.dates import DateParseError, parse_month

    try:
        first = parse_month(month)
    except DateParseError:
        return None
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (following.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@history_rule("SP502", "update-rewritten", "warning")
def update_rewritten(change: Change) -> Iterator[HistoryFinding]:
    """A recorded update for a month the board has already seen was changed or removed.

    Why: the updates are the plan's record of what the board was told each month; the record must
    be append-only. An update counts as reported once the month after it has ended (the board has
    met on it by then).

    What to do: put a removed update back as the board saw it, and correct a reported month
    only by adding an update for the current month that says what was wrong and what is right.
    The finding stays with the commit that made the change, as its record; a later commit does
    not clear it (restoring a changed update is itself a change, and is reported too).

    Before:

    ```yaml
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        updates:
          - month: 2024-09
            completion: Red
            commentary: Recruitment delayed
    ```

    Fails:

    ```yaml
    # committed: 2024-12-02
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        updates:
          - month: 2024-09
            completion: Amber
            commentary: Recruitment delayed
    ```

    Passes:

    ```yaml
    # committed: 2024-12-02
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        updates:
          - month: 2024-09
            completion: Red
            commentary: Recruitment delayed
          - month: 2024-11
            completion: Amber
            commentary: Posts filled in November
    ```
    """
    for ref, before, after in change.changed_actions():
        now = after.updates_by_month()
        for month, entry in before.updates_by_month().items():
            reported = _reported_by(month)
            if reported is None or change.day <= reported or now.get(month) == entry:
                continue
            what = "removed" if month not in now else "changed"
            yield HistoryFinding(
                "actions",
                ref,
                f"action {ref}'s update for {month}, already reported to the board, "
                f"was {what} {change.by}",
                "put the update back as the board saw it"
                if what == "removed"
                else "leave it as the board saw it (changing it back is reported too) and say what "
                "was wrong in this month's update",
                "updates",
            )


@history_rule("SP503", "item-removed", "warning")
def item_removed(change: Change) -> Iterator[HistoryFinding]:
    """An action or recommendation was removed from the plan.

    Why: the board, the DfE and parents track actions by ref; an action that disappears is an
    action that was quietly dropped.

    What to do: put the item back under its ref or id. Close an action by rating it complete
    with commentary saying why the board closed it, and keep every inspection recommendation.
    Putting the item back clears the finding.

    Before:

    ```yaml
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
      - ref: "1.2"
        title: Publish the waiting well guide
        due: June 2025
    ```

    Fails:

    ```yaml
    # committed: 2025-01-10
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
    ```

    Passes:

    ```yaml
    # committed: 2025-01-10
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
      - ref: "1.2"
        title: Publish the waiting well guide
        due: June 2025
        completion: Green
        commentary: Guide published in December; closed by the board in January
    ```
    """
    for kind, label, before, after, now in (
        ("actions", "action", change.before.actions, change.after.actions, change.current.actions),
        (
            "recommendations",
            "recommendation",
            change.before.recommendations,
            change.after.recommendations,
            change.current.recommendations,
        ),
    ):
        for name in before:
            if name not in after and name not in now:
                yield HistoryFinding(
                    kind,
                    name,
                    f"{label} {name} was removed from the plan {change.by}",
                    f"put {label} {name} back; close an action by rating it complete with commentary",
                )


def _different(old: str, new: str) -> bool:
    from difflib import SequenceMatcher

    return bool(old and new) and SequenceMatcher(None, old.casefold(), new.casefold()).ratio() < 0.5


@history_rule("SP504", "ref-reused", "warning")
def ref_reused(change: Change) -> Iterator[HistoryFinding]:
    """An action's ref now names different work: its title was replaced, not reworded.

    Why: a ref is how the board follows an action from month to month; giving it to new work
    hides that the old work was dropped and carries the old ratings over to work they never
    judged. A title counts as replaced when less than half of it survives.

    What to do: give new work a new ref, and tell the board what became of the old work; if it
    goes on, add it back under a new ref of its own. The finding stays with the commit that
    reused the ref, as its record: putting the old title back later replaces the title again,
    and is reported too.

    Before:

    ```yaml
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
    ```

    Fails:

    ```yaml
    # committed: 2025-01-10
    actions:
      - ref: "1.1"
        title: Recruit two educational psychologists
        due: March 2025
    ```

    Passes:

    ```yaml
    # committed: 2025-01-10
    actions:
      - ref: "1.1"
        title: Develop and publish the waiting well offer
        due: March 2025
    ```
    """
    for ref, before, after in change.changed_actions():
        if before.title != after.title and _different(before.title, after.title):
            yield HistoryFinding(
                "actions",
                ref,
                f"action {ref} now names different work {change.by}: "
                f"it was {before.title!r} and is now {after.title!r}",
                "give the new work a new ref, and tell the board what became of the old work",
                "title",
            )


@history_rule("SP505", "rating-reversed-or-jumped", "warning")
def rating_reversed_or_jumped(change: Change) -> Iterator[HistoryFinding]:
    """A completed action was reopened, or a completion rating improved by more than one step with no commentary.

    Why: a board that saw an action closed expects it to stay closed; and a jump from Red to Blue
    with nothing said is the kind of movement a board is told to challenge.

    What to do: for a jump, say in the commentary of the update that records the new rating, in
    the same commit, what was done to earn it. A reopened action is always reported, whatever its
    commentary says, so that the board sees it: say in the commentary why the work restarted. The
    finding stays with the commit that made the change, as its record; a later commit does not
    clear it.

    Before:

    ```yaml
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        completion: Red
        commentary: Recruitment delayed
    ```

    Fails:

    ```yaml
    # committed: 2025-01-10
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        completion: Blue
        commentary: Recruitment delayed
    ```

    Passes:

    ```yaml
    # committed: 2025-01-10
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: March 2025
        completion: Blue
        commentary: Offer launched in December; 300 families used it in the first month
    ```
    """
    for ref, before, after in change.changed_actions():
        was, now = before.completion, after.completion
        if change.before.is_complete(was) and not change.after.is_complete(now):
            yield HistoryFinding(
                "actions",
                ref,
                f"action {ref} was complete ({was}) and was reopened "
                f"({now or 'no rating'}) {change.by}",
                "a reopened action is always reported, so the board sees it: say in the commentary "
                "why the work restarted",
                "completion",
            )
            continue
        old_step, new_step = change.before.step(was), change.after.step(now)
        silent = after.commentary is None or after.commentary == before.commentary
        if old_step is not None and new_step is not None and old_step - new_step > 1 and silent:
            yield HistoryFinding(
                "actions",
                ref,
                f"action {ref}'s completion rating went from {was} to {now} "
                f"{change.by} with no new commentary",
                "say in the commentary what was done to earn the new rating",
                "completion",
            )


@history_rule("SP506", "recommendation-text-changed", "warning")
def recommendation_text_changed(change: Change) -> Iterator[HistoryFinding]:
    """An inspection recommendation's text was changed after it was written into the plan.

    Why: recommendations are the inspectors' words, quoted from the published report; the plan is
    judged against them.

    What to do: put the wording of the published inspection report back, and write your own
    reading of the recommendation in `narrative` or `desired_outcome`. The finding stays with
    the commit that changed the wording, as its record; putting the wording back is a change
    too, and is reported as well.

    Before:

    ```yaml
    recommendations:
      - id: AfI 1
        text: Leaders should improve the timeliness of EHC plans.
    ```

    Fails:

    ```yaml
    # committed: 2025-01-10
    recommendations:
      - id: AfI 1
        text: Leaders should review EHC plan processes.
    ```

    Passes:

    ```yaml
    # committed: 2025-01-10
    recommendations:
      - id: AfI 1
        text: Leaders should improve the timeliness of EHC plans.
        narrative: Timeliness fell to 28% in 2023.
    ```
    """
    for rid, old in change.before.recommendations.items():
        new = change.after.recommendations.get(rid)
        if new is not None and old and new != old:
            yield HistoryFinding(
                "recommendations",
                rid,
                f"recommendation {rid}'s text was changed {change.by}",
                "restore the wording of the published inspection report",
                "text",
            )


HISTORY_RULES: tuple[HistoryRule, ...] = (
    due_date_moved_silently,
    update_rewritten,
    item_removed,
    ref_reused,
    rating_reversed_or_jumped,
    recommendation_text_changed,
)
