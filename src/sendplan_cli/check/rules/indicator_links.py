"""Rules about how indicators hang together: one figure a period, one unit, ids that exist, ratings the numbers support."""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.dates import english_list
from sendplan_cli.plan.kpi_figures import conflicts
from sendplan_cli.plan.loader import Pointer


@rule("SP406", "duplicate-period", "error")
def duplicate_period(ctx: Context) -> Iterator[Finding]:
    """Two figures for the same period of one indicator, with nothing saying which stands.

    Why: with two figures for June the board cannot tell which is right, and the status
    and trend depend on which is read. "2025-06" and "June 2025" are the same period. A
    figure that revises an earlier one says so with `revised:` and the day it was revised;
    the newest revision stands, the earlier stays in the figures table (mark it
    `provisional: true` while it may change). Until it is resolved the indicator's status
    is "Conflicting figures".

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        actuals:
          - {period: 2025-06, value: 48}
          - {period: June 2025, value: 50}
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        actuals:
          - {period: 2025-06, value: 48, provisional: true}
          - {period: June 2025, value: 50, revised: 2025-07-10}
    ```
    """
    for index, ind in enumerate(ctx.plan.indicators):
        for group in conflicts(ind):
            # Point at each figure after the first in the file, naming the first.
            first, *rest = sorted(f.index for f in group)
            for j in rest:
                yield Finding(
                    ("indicators", index, "actuals", j, "period"),
                    f"indicator {ind.id} has two figures for {ind.actuals[j].period.text} and nothing says which stands",
                    hint="if one revises the other, give it `revised:` with the day it was revised; "
                    "if one is wrong, `sendplan update indicator ... --replace` corrects it",
                    related=("indicators", index, "actuals", first, "period"),
                )


@rule("SP407", "unit-mismatch", "error")
def unit_mismatch(ctx: Context) -> Iterator[Finding]:
    """A baseline, comparator, target, trajectory point or figure in a different unit from its indicator.

    Why: a baseline in days and a target in weeks, or a count beside a percentage, cannot be
    compared, so the gap and status would be nonsense. Convert the value to the indicator's unit.

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: Weeks waiting for a first appointment
        unit: weeks
        baseline: {value: 280, unit: days, period: March 2024}
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: Weeks waiting for a first appointment
        unit: weeks
        baseline: {value: 40, period: March 2024}
    ```
    """
    for index, ind in enumerate(ctx.plan.indicators):
        base: Pointer = ("indicators", index)
        places: list[tuple[Pointer, str | None, str]] = []
        if ind.baseline is not None:
            places.append(((*base, "baseline", "unit"), ind.baseline.unit, "the baseline"))
            places += [
                ((*base, "baseline", "comparators", k, "unit"), c.unit, f"the {c.name} comparator")
                for k, c in enumerate(ind.baseline.comparators)
            ]
        places += [
            ((*base, "targets", j, "unit"), t.unit, "a target") for j, t in enumerate(ind.targets)
        ]
        places += [
            ((*base, "trajectory", j, "unit"), p.unit, "a trajectory point")
            for j, p in enumerate(ind.trajectory)
        ]
        places += [
            ((*base, "actuals", j, "unit"), a.unit, f"the figure for {a.period.text}")
            for j, a in enumerate(ind.actuals)
        ]
        for where, unit, what in places:
            if unit is not None and unit != ind.unit:
                yield Finding(
                    where,
                    f"indicator {ind.id} is in {ind.unit} but {what} is in {unit}",
                    hint=f"convert the value to {ind.unit} and remove its `unit:`",
                    related=(*base, "unit"),
                )


@rule("SP408", "impact-contradicts-indicators", "warning")
def impact_contradicts_indicators(ctx: Context) -> Iterator[Finding]:
    """An action rated as having its impact felt while every indicator it is evidenced by is Red.

    Why: "impact felt at a system level" is a claim the numbers should support. When every
    indicator linked to the action (by the indicator's `actions:` or the action's
    `measures: [{indicator: ...}]`) is off trajectory, the rating contradicts the evidence.
    What counts as "felt" comes from the plan's rating scale (`means: felt`).

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        actions: ["1.1"]
        trajectory:
          - {by: June 2025, value: 52}
        actuals:
          - {period: 2025-06, value: 30}
    actions:
      - ref: "1.1"
        title: Timely EHC plans
        impact: Green
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        actions: ["1.1"]
        trajectory:
          - {by: June 2025, value: 52}
        actuals:
          - {period: 2025-06, value: 30}
    actions:
      - ref: "1.1"
        title: Timely EHC plans
        impact: Red
    ```
    """
    statuses = ctx.kpis()
    for _, action, state in ctx.actions():
        impact = ctx.plan.rating_scale.impact_named(state.impact)
        if impact is None or impact.means != "felt":
            continue
        cited = {m.indicator for m in action.measures if m.indicator}
        linked = [
            s for s in statuses if action.ref in s.indicator.actions or s.indicator.id in cited
        ]
        if linked and all(s.rag == "Red" for s in linked):
            ids = ", ".join(s.indicator.id for s in linked)
            yield Finding(
                state.impact_at,
                f"action {action.ref} is rated impact {impact.name} ({impact.meaning}) "
                f"but every indicator evidencing it is Red ({ids})",
                action.ref,
                "rate the impact the numbers show, or explain in the commentary what the indicators miss",
            )


@rule("SP412", "rating-without-figures", "warning")
def rating_without_figures(ctx: Context) -> Iterator[Finding]:
    """An action rated at the top of its completion or impact scale while no indicator evidencing it has a figure.

    Why: the best rating on the scale ("complete and impactful", "impact felt at a system
    level") is the claim inspectors test against the numbers. When the action names
    indicators as its evidence (by the indicator's `actions:` or the action's
    `measures: [{indicator: ...}]`) and none of them has a figure yet, nothing supports the
    claim. The top rating is the first listed in the plan's `rating_scale`.

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        actions: ["1.1"]
    actions:
      - ref: "1.1"
        title: Timely EHC plans
        impact: Green
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        actions: ["1.1"]
        actuals:
          - {period: 2025-06, value: 48}
    actions:
      - ref: "1.1"
        title: Timely EHC plans
        impact: Green
    ```
    """
    scale = ctx.plan.rating_scale
    top_completion = scale.completion[0] if scale.completion else None
    top_impact = scale.impact[0] if scale.impact else None
    statuses = ctx.kpis()
    for _, action, state in ctx.actions():
        cited = {m.indicator for m in action.measures if m.indicator}
        linked = [
            s for s in statuses if action.ref in s.indicator.actions or s.indicator.id in cited
        ]
        if not linked or any(s.recorded for s in linked):
            continue
        ids = english_list([s.indicator.id for s in linked])
        claims = [
            (state.impact_at, "impact", scale.impact_named(state.impact), top_impact),
            (
                state.completion_at,
                "completion",
                scale.completion_named(state.completion),
                top_completion,
            ),
        ]
        for where, kind, rating, top in claims:
            if rating is not None and rating is top:
                yield Finding(
                    where,
                    f"action {action.ref} is rated {kind} {rating.name} ({rating.meaning}), the top of the scale, "
                    f"but no indicator evidencing it has a figure ({ids})",
                    action.ref,
                    "record the indicators' figures, or rate what the evidence shows",
                )


@rule("SP409", "unknown-indicator-reference", "error")
def unknown_indicator_reference(ctx: Context) -> Iterator[Finding]:
    """An indicator id cited by a measure that no indicator has, an indicator citing an unknown action or recommendation, or two indicators with one id.

    Why: the links between actions, recommendations and indicators are how the board sees
    which numbers evidence which work; a broken link silently drops the evidence.

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
    actions:
      - ref: "1.1"
        title: Timely EHC plans
        measures:
          - indicator: KPI 2
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
    actions:
      - ref: "1.1"
        title: Timely EHC plans
        measures:
          - indicator: KPI 1
    ```
    """
    from sendplan_cli.plan.locate import suggest

    ids = [ind.id for ind in ctx.plan.indicators]
    refs = [a.ref for a in ctx.plan.actions]
    recs = [r.id for r in ctx.plan.recommendations]

    def unknown(
        where: Pointer, value: str, known: list[str], what: str, ref: str | None = None
    ) -> Finding:
        close = suggest(value, known)
        hint = (
            f"did you mean '{close}'?"
            if close
            else (f"the {what}s are: " + ", ".join(known) if known else f"define the {what} first")
        )
        return Finding(where, f"there is no {what} with id '{value}'", ref, hint)

    for i, ind in enumerate(ctx.plan.indicators):
        if ids.index(ind.id) != i:
            yield Finding(
                ("indicators", i, "id"),
                f"two indicators have the id '{ind.id}'",
                hint="give each indicator its own id",
                related=("indicators", ids.index(ind.id), "id"),
            )
        for j, ref in enumerate(ind.actions):
            if ref not in refs:
                yield unknown(("indicators", i, "actions", j), ref, refs, "action")
        for j, rec in enumerate(ind.recommendations):
            if rec not in recs:
                yield unknown(("indicators", i, "recommendations", j), rec, recs, "recommendation")
    for i, action in enumerate(ctx.plan.actions):
        for j, measure in enumerate(action.measures):
            if measure.indicator is not None and measure.indicator not in ids:
                yield unknown(
                    ("actions", i, "measures", j, "indicator"),
                    measure.indicator,
                    ids,
                    "indicator",
                    action.ref,
                )
