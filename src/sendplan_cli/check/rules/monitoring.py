"""Rules about monitoring: priority actions delivered before the next monitoring, evidence ready for a review.

Monitoring inspections and DfE/NHS England stocktakes (`reviews:`, plan/governance_records.py) follow a
priority action plan; these rules check the plan against their dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.dates import english_list
from sendplan_cli.plan.governance_records import MONITORING
from sendplan_cli.plan.model import Action


def next_monitoring(ctx: Context) -> tuple[int, date] | None:
    """The next monitoring inspection or stocktake on or after as_of: its position and date."""
    coming = [
        (review.date, index)
        for index, review in enumerate(ctx.plan.reviews)
        if review.type in MONITORING and review.date >= ctx.as_of
    ]
    return (min(coming)[1], min(coming)[0]) if coming else None


@rule("SP803", "priority-after-monitoring", "warning")
def priority_action_after_monitoring(ctx: Context) -> Iterator[Finding]:
    """Every action answering an area for priority action falls due after the next monitoring.

    Why: the monitoring inspection or stocktake that follows a priority action plan looks for
    progress. When every open action answering an area for priority action, and each of their
    milestones and activities, is due after the next monitoring date (`reviews:` of type
    monitoring-inspection or stocktake), nothing will have been delivered by then. Bring a date
    forward, or add a milestone due before it.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    recommendations:
      - id: APA 1
        type: area-for-priority-action
        text: Leaders should urgently improve the timeliness of EHC plans.
    actions:
      - ref: "1.1"
        title: Recruit educational psychologists
        recommendations: [APA 1]
        due: December 2025
    reviews:
      - {type: monitoring-inspection, date: 2025-09-15}
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    recommendations:
      - id: APA 1
        type: area-for-priority-action
        text: Leaders should urgently improve the timeliness of EHC plans.
    actions:
      - ref: "1.1"
        title: Recruit educational psychologists
        recommendations: [APA 1]
        due: June 2025
    reviews:
      - {type: monitoring-inspection, date: 2025-09-15}
    ```
    """
    found = next_monitoring(ctx)
    if found is None:
        return
    review_index, monitoring = found
    states = {index: state for index, _, state in ctx.actions()}
    for area in ctx.priority_areas():
        # The first date anything answering it is due: a milestone or activity counts as delivery.
        ends = []
        for i, action in area.answering:
            if ctx.is_complete(states[i]):
                ends.append(ctx.as_of)
                continue
            final = ctx.final(i, action, states[i])
            steps = [p.end for _, p in ctx.steps(i, action, states[i]) if p.end is not None]
            ends.extend(steps + ([final[1]] if final is not None else []))
        if ends and min(ends) > monitoring:
            yield Finding(
                ("recommendations", area.index, "type"),
                f"every action answering {area.recommendation.id}, an area for priority action, falls "
                f"due after the next monitoring on {monitoring:%d %b %Y}",
                hint="bring an action's date forward, or add a milestone due before the monitoring",
                related=("reviews", review_index, "date"),
            )


def _updated_since(action: Action, since: date | None, as_of: date) -> bool:
    start = since.replace(day=1) if since is not None else date.min
    return any(start <= u.month <= as_of for u in action.updates)


@rule("SP804", "review-evidence-due", "warning")
def review_evidence_due(ctx: Context) -> Iterator[Finding]:
    """A review's evidence is due soon and priority actions have no update since the last review.

    Why: monitoring inspections and DfE/NHS England stocktakes ask for evidence before they meet.
    When a review's `evidence_due` falls within `due-soon-days` (default 31) of the as-of date,
    every open action answering an area for priority action should have an update recorded since
    the previous review (or, before the first review, at least one update).

    Fails:

    ```yaml
    # as-of: 2025-02-20
    recommendations:
      - {id: APA 1, type: area-for-priority-action, text: Improve the timeliness of EHC plans.}
    actions:
      - ref: "1.1"
        title: Recruit educational psychologists
        recommendations: [APA 1]
        due: July 2025
        completion: Amber
        updates:
          - {month: 2024-09, completion: Amber}
    reviews:
      - {type: stocktake, date: 2024-10-01, evidence_due: 2024-09-17}
      - {type: stocktake, date: 2025-03-20, evidence_due: 2025-03-06}
    ```

    Passes:

    ```yaml
    # as-of: 2025-02-20
    recommendations:
      - {id: APA 1, type: area-for-priority-action, text: Improve the timeliness of EHC plans.}
    actions:
      - ref: "1.1"
        title: Recruit educational psychologists
        recommendations: [APA 1]
        due: July 2025
        completion: Amber
        updates:
          - {month: 2024-09, completion: Amber}
          - {month: 2025-01, completion: Amber, commentary: Four psychologists appointed}
    reviews:
      - {type: stocktake, date: 2024-10-01, evidence_due: 2024-09-17}
      - {type: stocktake, date: 2025-03-20, evidence_due: 2025-03-06}
    ```
    """
    horizon = ctx.as_of + timedelta(days=ctx.options.due_soon_days)
    held = [r.date for r in ctx.plan.reviews if r.date < ctx.as_of]
    last = max(held) if held else None
    stale = [
        a.ref for _, a in ctx.open_priority_actions() if not _updated_since(a, last, ctx.as_of)
    ]
    for index, review in enumerate(ctx.plan.reviews):
        due = review.evidence_due
        if due is None or not ctx.as_of <= due <= horizon:
            continue
        if stale:
            since = f"since the review on {last:%d %b %Y}" if last else "yet"
            named = "priority action" if len(stale) == 1 else "priority actions"
            verb = "has" if len(stale) == 1 else "have"
            yield Finding(
                ("reviews", index, "evidence_due"),
                f"evidence for the {review.type.replace('-', ' ')} on {review.date:%d %b %Y} is due "
                f"by {due:%d %b %Y}, and {named} {english_list(stale)} {verb} no update {since}",
                hint="record this month's progress with `sendplan update action PLAN REF --month YYYY-MM ...` "
                "for each action named",
            )
