"""Rules about each risk in the register: someone owns it, something mitigates it, and it is reviewed on time."""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.risk_scores import rated_risks

# These rules read only the risks; "plan" keeps their findings back when part of the plan is unreadable.
_RISKS = frozenset({"plan"})


@rule("SP601", "risk-incomplete", "warning", reads=_RISKS)
def risk_incomplete(ctx: Context) -> Iterator[Finding]:
    """A risk with no owner or no mitigation.

    Why: a risk nobody owns is reviewed by nobody, and a risk with no mitigation is only a
    worry. Name who manages the risk and say what is being done about it, so the board can
    hold someone to it.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    risks:
      - id: R1
        description: Too few educational psychologists to complete EHC needs assessments in 20 weeks
        likelihood: 4
        impact: 4
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    risks:
      - id: R1
        description: Too few educational psychologists to complete EHC needs assessments in 20 weeks
        owner: Principal Educational Psychologist
        likelihood: 4
        impact: 4
        mitigation: Locum psychologists commissioned until the new posts are filled
    ```
    """
    for rated in rated_risks(ctx.plan):
        risk = rated.risk
        missing = [
            word
            for word, value in (("owner", risk.owner), ("mitigation", risk.mitigation))
            if value is None
        ]
        if missing:
            keys = " and ".join(f"`{m}:`" for m in missing)
            yield Finding(
                (*rated.pointer, "id"),
                f"risk {risk.id} has no {' and no '.join(missing)}",
                None,
                f"add {keys}: who manages the risk and what is being done about it",
                key=True,
            )


@rule("SP602", "risk-review-overdue", "warning", reads=_RISKS)
def risk_review_overdue(ctx: Context) -> Iterator[Finding]:
    """A risk whose review date has passed, or names no date.

    Why: a risk register is only as current as its last review. When a risk's `review_date`
    ended before the as-of date, the owner should review it (likelihood, impact, mitigation)
    and record the next review date. A review date such as "Ongoing" says when nothing will
    happen.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    risks:
      - id: R1
        description: Specialist placements run out before the new school opens
        owner: Head of SEND Place Planning
        likelihood: 3
        impact: 5
        mitigation: Interim places agreed with two academy trusts
        review_date: November 2024
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    risks:
      - id: R1
        description: Specialist placements run out before the new school opens
        owner: Head of SEND Place Planning
        likelihood: 3
        impact: 5
        mitigation: Interim places agreed with two academy trusts
        review_date: February 2025
    ```
    """
    for rated in rated_risks(ctx.plan):
        review = rated.risk.review_date
        if review is None:
            continue
        at = (*rated.pointer, "review_date")
        if rated.review_by is None:
            yield Finding(
                at,
                f"risk {rated.risk.id}'s review date {review.text!r} names no date",
                None,
                "give the date of the next review, e.g. June 2025",
            )
        elif rated.review_passed(ctx.as_of):
            yield Finding(
                at,
                f"risk {rated.risk.id} was due for review by {rated.review_by:%d %b %Y}"
                f" ({review.text})",
                None,
                "review the risk with its owner, update likelihood, impact and mitigation, "
                "and write the next review date",
            )
