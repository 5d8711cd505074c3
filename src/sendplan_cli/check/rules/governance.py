"""Rules about areas for priority action: typed, answered by actions, and measured.

An area for priority action (the third outcome of the 2023 Ofsted/CQC framework) must be answered
by actions and measured; these rules check what the plan's `kind`, `inspection` and
`recommendations[].type` records support (plan/governance_records.py). The monitoring that follows is
checked in monitoring.py, co-production and evidence in coproduction.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.dates import english_list


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
    for area in ctx.priority_areas():
        if not area.answering:
            yield Finding(
                ("recommendations", area.index, "type"),
                f"{area.recommendation.id} is an area for priority action and no action answers it",
                hint=f"add an action with `recommendations: [{area.recommendation.id}]`, "
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
    for area in ctx.priority_areas():
        if area.answering and not any(m.indicator for _, a in area.answering for m in a.measures):
            refs = english_list([a.ref for _, a in area.answering])
            yield Finding(
                ("recommendations", area.index, "type"),
                f"{area.recommendation.id} is an area for priority action and none of its actions "
                f"({refs}) has a measure linked to an indicator",
                hint="add `measures: [{indicator: KPI N}]` to one of its actions, citing an "
                "indicator under `indicators:`",
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
    if ctx.priority_areas():
        return
    where = ("kind",) if ctx.plan.kind == "priority-action-plan" else ("inspection", "outcome")
    yield Finding(
        where,
        "the plan answers areas for priority action, but no recommendation is typed as one",
        hint="add `type: area-for-priority-action` to each recommendation the inspection named "
        "as an area for priority action",
    )
