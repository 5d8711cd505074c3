"""Findings about inline suppressions themselves; the engine raises them while applying suppressions."""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule


@rule("SP901", "suppression-without-reason", "warning", reads=set())
def suppression_without_reason(ctx: Context) -> Iterator[Finding]:
    """An inline suppression that gives no reason.

    Why: a hidden finding must say why it is hidden, so the board can check the reason.
    Write `# sendplan: ignore[RULE] reason="..."` on the offending line.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024  # sendplan: ignore[overdue]
        completion: Green
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024  # sendplan: ignore[overdue] reason="new date agreed by board 2024-09"
        completion: Amber
    ```
    """
    return iter(())


@rule("SP902", "suppression-expired", "warning", reads=set())
def suppression_expired(ctx: Context) -> Iterator[Finding]:
    """An inline suppression whose `until` date has passed; it no longer hides anything.

    Why: a board may agree to live with a finding for a while, not for ever. After the
    `until` date the finding shows again and this rule asks for the comment to be removed
    or renewed.

    Fails:

    ```yaml
    # as-of: 2025-06-01
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024  # sendplan: ignore[overdue] reason="new date agreed" until=2025-03-31
        completion: Amber
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024  # sendplan: ignore[overdue] reason="new date agreed" until=2025-03-31
        completion: Amber
    ```
    """
    return iter(())


@rule("SP903", "unused-suppression", "warning", reads=set())
def unused_suppression(ctx: Context) -> Iterator[Finding]:
    """An inline suppression that suppresses nothing on its line.

    Why: once the problem is fixed the comment is noise, and it would silently hide the
    next problem on that line.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024  # sendplan: ignore[overdue] reason="agreed"
        completion: Amber
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        due: July 2024  # sendplan: ignore[overdue] reason="agreed"
        completion: Amber
    ```
    """
    return iter(())
