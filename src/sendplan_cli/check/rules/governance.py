"""Rules about the plan as the inspection framework sees it: priority actions, monitoring, co-production.

An area for priority action (the third outcome of the 2023 Ofsted/CQC framework) must be answered
by actions, measured, and delivered before the monitoring that follows; these rules check what the
plan's `recommendations[].type`, `reviews:` and `voice:` records support (plan/governance.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.dates import english_list
from sendplan_cli.plan.governance import MONITORING, PRIORITY
from sendplan_cli.plan.model import Action, Recommendation


def _priority(ctx: Context) -> Iterator[tuple[int, Recommendation, list[tuple[int, Action]]]]:
    """Each area for priority action with the actions that answer it."""
    for index, recommendation in enumerate(ctx.plan.recommendations):
        if recommendation.type == PRIORITY:
            answering = [
                (i, a)
                for i, a in enumerate(ctx.plan.actions)
                if recommendation.id in a.recommendations
            ]
            yield index, recommendation, answering


def open_priority_actions(ctx: Context) -> list[tuple[int, Action]]:
    """Actions answering an area for priority action and not rated complete as_of, in plan order."""
    wanted = {r.id for _, r, _ in _priority(ctx)}
    return [
        (index, action)
        for index, action, state in ctx.actions()
        if wanted & set(action.recommendations) and not ctx.is_complete(state)
    ]


@rule("SP801", "priority-action-unanswered", "error")
def priority_action_unanswered(ctx: Context) -> Iterator[Finding]:
    """An area for priority action that no action answers.

    Why: an inspection with widespread or systemic failings names areas for priority action, and
    the priority action plan must show what will be done about each. A recommendation typed
    `area-for-priority-action` that no action cites in `recommendations:` has no plan at all.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    recommendations:
      - id: APA 1
        type: area-for-priority-action
        text: Leaders should urgently improve the timeliness of EHC plans.
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
        due: July 2025
    ```
    """
    for index, recommendation, answering in _priority(ctx):
        if not answering:
            yield Finding(
                ("recommendations", index, "type"),
                f"{recommendation.id} is an area for priority action and no action answers it",
                hint=f"add an action with `recommendations: [{recommendation.id}]`, "
                "or cite it from an existing action",
            )


@rule("SP802", "priority-action-unmeasured", "warning")
def priority_action_unmeasured(ctx: Context) -> Iterator[Finding]:
    """An area for priority action none of whose actions is measured by one of the plan's indicators.

    Why: a monitoring inspection asks what has improved, in numbers. At least one action answering
    each area for priority action should have a measure that cites a plan indicator
    (`measures: [{indicator: KPI 1}]`), so the board and inspectors can see the figures move.

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
        due: July 2025
        success_measures: [More plans on time]
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
        due: July 2025
        measures: [{indicator: KPI 1}]
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
    ```
    """
    for index, recommendation, answering in _priority(ctx):
        if answering and not any(m.indicator for _, a in answering for m in a.measures):
            refs = english_list([a.ref for _, a in answering])
            yield Finding(
                ("recommendations", index, "type"),
                f"{recommendation.id} is an area for priority action and none of its actions "
                f"({refs}) has a measure linked to an indicator",
                hint="add `measures: [{indicator: KPI N}]` to one of its actions, citing an "
                "indicator under `indicators:`",
            )


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
    for index, recommendation, answering in _priority(ctx):
        # The first date anything answering it is due: a milestone or activity counts as delivery.
        ends = []
        for i, action in answering:
            if ctx.is_complete(states[i]):
                ends.append(ctx.as_of)
                continue
            final = ctx.final(i, action, states[i])
            steps = [p.end for _, p in ctx.steps(i, action, states[i]) if p.end is not None]
            ends.extend(steps + ([final[1]] if final is not None else []))
        if ends and min(ends) > monitoring:
            yield Finding(
                ("recommendations", index, "type"),
                f"every action answering {recommendation.id}, an area for priority action, falls "
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
    stale = [a.ref for _, a in open_priority_actions(ctx) if not _updated_since(a, last, ctx.as_of)]
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
                hint="record this month's progress with `sendplan update PLAN REF --month YYYY-MM ...` "
                "for each action named",
            )


@rule("SP808", "priority-actions-not-typed", "warning")
def priority_actions_not_typed(ctx: Context) -> Iterator[Finding]:
    """A priority action plan, or a plan after a "widespread or systemic failings" inspection, with no area for priority action.

    Why: the third outcome of the 2023 Ofsted/CQC area SEND framework names areas for priority
    action. When the plan says it answers one (`kind: priority-action-plan`, or an `inspection:`
    with `outcome: widespread-or-systemic-failings`) but no recommendation has
    `type: area-for-priority-action`, none of the priority-action checks can run.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    kind: priority-action-plan
    inspection:
      date: November 2024
      inspectorates: [Ofsted, CQC]
      outcome: widespread-or-systemic-failings
    recommendations:
      - id: APA 1
        text: Leaders should urgently improve the timeliness of EHC plans.
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    kind: priority-action-plan
    inspection:
      date: November 2024
      inspectorates: [Ofsted, CQC]
      outcome: widespread-or-systemic-failings
    recommendations:
      - id: APA 1
        type: area-for-priority-action
        text: Leaders should urgently improve the timeliness of EHC plans.
    ```
    """
    inspection = ctx.plan.inspection
    failings = inspection is not None and inspection.outcome == "widespread-or-systemic-failings"
    if ctx.plan.kind != "priority-action-plan" and not failings:
        return
    if any(r.type == PRIORITY for r in ctx.plan.recommendations):
        return
    where = ("kind",) if ctx.plan.kind == "priority-action-plan" else ("inspection", "outcome")
    yield Finding(
        where,
        "the plan answers areas for priority action, but no recommendation is typed as one",
        hint="add `type: area-for-priority-action` to each recommendation the inspection named "
        "as an area for priority action",
    )
