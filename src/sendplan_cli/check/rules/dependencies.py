"""Rules about `depends_on` itself: refs that name no action, and actions that wait on each other in a circle."""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.dates import english_list
from sendplan_cli.plan.dependency_graph import cycles, links
from sendplan_cli.plan.locate import suggest

_LINKS = frozenset({"ref", "depends_on", "plan"})


@rule("SP701", "unknown-dependency", "error", reads=_LINKS)
def unknown_dependency(ctx: Context) -> Iterator[Finding]:
    """An action depends on a ref that no action in the plan has.

    Why: `depends_on` says which actions must finish first. A ref with no action (a typo, or an
    action renumbered or removed) hides the real order of the work from the board.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
      - ref: "1.2"
        title: Open the waiting well offer
        depends_on: ["1.3"]
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
      - ref: "1.2"
        title: Open the waiting well offer
        depends_on: ["1.1"]
    ```
    """
    refs = [action.ref.strip() for action in ctx.plan.actions]
    for link in links(ctx.plan):
        if link.target is None:
            close = suggest(link.on, refs)
            yield Finding(
                link.pointer,
                f"action {link.ref} depends on action {link.on}, which the plan does not have",
                link.ref,
                f"did you mean '{close}'?"
                if close
                else "check the ref (`sendplan list` shows every action's), or remove it from `depends_on:`",
            )


@rule("SP702", "dependency-cycle", "error", reads=_LINKS)
def dependency_cycle(ctx: Context) -> Iterator[Finding]:
    """Actions that depend on each other in a circle, so none of them can finish first.

    Why: if 1.1 waits on 2.1 and 2.1 waits on 1.1, neither can be completed and the plan's
    order of work is impossible. Each circle is reported once, at the `depends_on` entry of
    its action that comes first in the plan, naming every action in it.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
        depends_on: ["2.1"]
      - ref: "2.1"
        title: Commission the assessment service
        depends_on: ["1.1"]
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Agree the neurodevelopmental pathway
      - ref: "2.1"
        title: Commission the assessment service
        depends_on: ["1.1"]
    ```
    """
    for circle in cycles(links(ctx.plan)):
        first = circle[0]
        if len(circle) == 1:
            yield Finding(
                first.pointer,
                f"action {first.ref} depends on itself",
                first.ref,
                f"remove {first.ref} from its own `depends_on:`",
            )
            continue
        names = english_list([link.ref for link in circle])
        steps = ", ".join(f"{link.ref} on {link.on}" for link in circle)
        yield Finding(
            first.pointer,
            f"actions {names} depend on each other in a circle ({steps}), so none can finish first",
            first.ref,
            "remove the dependency that is not real, or split one action so part of it can finish first",
            related=circle[-1].pointer,
        )
