"""Rules about dependencies and dates: an action due before the work it waits on, and a dependency that is overdue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sendplan_cli.check.rules.base import DATES_AND_RATINGS, Context, Finding, rule
from sendplan_cli.plan.dependency_graph import Link, links

_READS = DATES_AND_RATINGS | {"ref", "depends_on", "plan"}


def _open_ends(ctx: Context) -> dict[int, date | None]:
    """Each open action's final due date as at as_of (None when not time-bound); complete actions are left out."""
    ends: dict[int, date | None] = {}
    for index, action, state in ctx.actions():
        if not ctx.is_complete(state):
            final = ctx.final(index, action, state)
            ends[index] = final[1] if final else None
    return ends


def _between_actions(ctx: Context) -> Iterator[tuple[Link, int]]:
    """Links between two different actions the plan has, each with the index of the action waited on."""
    for link in links(ctx.plan):
        if link.target is not None and link.target != link.index:
            yield link, link.target


@rule("SP703", "due-before-dependency", "warning", reads=_READS)
def due_before_dependency(ctx: Context) -> Iterator[Finding]:
    """An open action falls due before an action it depends on.

    Why: if 2.1 cannot finish until 1.1 has, a date for 2.1 earlier than 1.1's cannot be met.
    Either the dates or the dependency are wrong; the board should see which. Actions already
    rated complete are left out.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
        due: September 2025
      - ref: "2.1"
        title: Commission the assessment service
        due: June 2025
        depends_on: ["1.1"]
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
        due: June 2025
      - ref: "2.1"
        title: Commission the assessment service
        due: September 2025
        depends_on: ["1.1"]
    ```
    """
    ends = _open_ends(ctx)
    for link, target in _between_actions(ctx):
        mine, theirs = ends.get(link.index), ends.get(target)
        if mine is not None and theirs is not None and mine < theirs:
            yield Finding(
                link.pointer,
                f"action {link.ref} is due by {mine:%d %b %Y}, before action {link.on}"
                f" it depends on (due by {theirs:%d %b %Y})",
                link.ref,
                f"agree a date for {link.ref} after {link.on}'s, or bring {link.on} forward;"
                " record the agreed date in an update",
            )


@rule("SP704", "dependency-overdue", "warning", reads=_READS)
def dependency_overdue(ctx: Context) -> Iterator[Finding]:
    """An open action depends on an action that is overdue.

    Why: `overdue` reports the late action itself; this reports the knock-on, at the action
    that is waiting, so its lead and the board can see what the delay holds up.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
        due: September 2024
        completion: Amber
      - ref: "2.1"
        title: Commission the assessment service
        due: June 2025
        completion: Grey
        depends_on: ["1.1"]
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
        due: September 2024
        completion: Green
      - ref: "2.1"
        title: Commission the assessment service
        due: June 2025
        completion: Grey
        depends_on: ["1.1"]
    ```
    """
    ends = _open_ends(ctx)
    for link, target in _between_actions(ctx):
        theirs = ends.get(target)
        if link.index in ends and theirs is not None and theirs < ctx.as_of:
            yield Finding(
                link.pointer,
                f"action {link.ref} depends on action {link.on}, which was due by"
                f" {theirs:%d %b %Y} and is not complete",
                link.ref,
                f"agree a new date for {link.on} with the board, and say in {link.ref}'s update"
                " how the delay affects it",
            )
