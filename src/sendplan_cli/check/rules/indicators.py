"""Rules about key performance indicators: late or misdated figures, off trajectory, missed targets, SMART gaps."""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.dates import english_list
from sendplan_cli.plan.kpi_figures import gaps
from sendplan_cli.plan.kpi_periods import before_baseline, period_span, period_text, point_date
from sendplan_cli.plan.kpi_status import COMPARISON_WORDS, KpiStatus, meets
from sendplan_cli.plan.kpi_values import format_value
from sendplan_cli.plan.loader import Pointer


def _at(status: KpiStatus, *rest: str | int) -> Pointer:
    return ("indicators", status.index, *rest)


@rule("SP401", "late-data", "warning")
def late_data(ctx: Context) -> Iterator[Finding]:
    """An indicator has no figure for the latest period that is due.

    Why: a board judging last quarter's number does not know where things stand. A figure
    is due `lag_months` (default 1) after its period ends, counting from the latest figure
    (or the baseline) by the indicator's `reporting` period; an indicator with no
    `reporting` is not judged.

    Fails:

    ```yaml
    # as-of: 2025-08-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        reporting: monthly
        actuals:
          - {period: 2025-05, value: 48}
    ```

    Passes:

    ```yaml
    # as-of: 2025-08-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        reporting: monthly
        actuals:
          - {period: 2025-05, value: 48}
          - {period: 2025-06, value: 50}
    ```
    """
    for status in ctx.kpis():
        if status.late is None:
            continue
        ind, (period_end, due) = status.indicator, status.late
        where = (
            _at(status, "actuals", status.latest_index, "period")
            if status.latest_index is not None
            else _at(status, "id")
        )
        latest = (
            f"the latest is for {status.latest.period.text}"
            if status.latest
            else "none is recorded"
        )
        yield Finding(
            where,
            f"indicator {ind.id} has no figure for the period ending {period_end:%d %b %Y}, "
            f"due by {due:%d %b %Y}; {latest}",
            hint=f"record it with `sendplan update indicator PLAN '{ind.id}' --period {_quoted(status.late_period or f'{period_end:%Y-%m}')} --value N`",
        )


@rule("SP402", "off-trajectory", "warning")
def off_trajectory(ctx: Context) -> Iterator[Finding]:
    """An indicator's latest figure is worse than expected beyond its tolerance (Red).

    Why: the trajectory is the plan's promise of how fast things improve. A figure worse
    than expected by more than the amber tolerance (`tolerance:`, else the plan's
    `indicator_tolerance`, else 5% of the expected value) needs a recovery plan in front of
    the board. With no trajectory, the line runs from the dated baseline to the target.

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        trajectory:
          - {by: June 2025, value: 52}
        actuals:
          - {period: 2025-06, value: 40}
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        trajectory:
          - {by: June 2025, value: 52}
        actuals:
          - {period: 2025-06, value: 51}
    ```
    """
    for status in ctx.kpis():
        if status.rag == "Red" and status.latest_index is not None:
            yield Finding(
                _at(status, "actuals", status.latest_index, "value"),
                f"indicator {status.indicator.id} is {status.reason}",
                hint="say in the figure's `note:` what will bring it back, or agree a revised trajectory with the board",
            )


@rule("SP403", "target-missed", "warning")
def target_missed(ctx: Context) -> Iterator[Finding]:
    """A target's date has passed and the latest figure does not meet it.

    Why: a target with a date is a commitment the board and inspectors will hold the
    partnership to; once the date passes unmet, the plan must say so and what happens next.

    Fails:

    ```yaml
    # as-of: 2026-05-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        targets:
          - {value: 60, by: March 2026}
        actuals:
          - {period: 2026-03, value: 55}
    ```

    Passes:

    ```yaml
    # as-of: 2026-05-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        targets:
          - {value: 60, by: March 2026}
        actuals:
          - {period: 2026-03, value: 61}
    ```
    """
    for status in ctx.kpis():
        ind, latest = status.indicator, status.latest
        if latest is None or ind.direction not in ("higher-is-better", "lower-is-better"):
            continue
        # A target whose figure is missing is no-figure-for-target's to report, not judged on an older figure.
        unevidenced = {m.position for m in status.missed if m.kind == "target"}
        for j, target in enumerate(ind.targets):
            by = point_date(ind, target.by)
            if (
                by is not None
                and by < ctx.as_of
                and j not in unevidenced
                and not meets(ind, target, latest.value)
            ):
                how = COMPARISON_WORDS[target.comparison] + " " if target.comparison else ""
                yield Finding(
                    _at(status, "targets", j, "by"),
                    f"indicator {ind.id} was to reach {how}{format_value(ind, target.value)} by {target.by.text if target.by else ''}; "
                    f"the latest figure is {format_value(ind, latest.value)} for {latest.period.text}",
                    hint="record what the board agreed: a new target date, or why it was not met",
                )


@rule("SP410", "no-figure-for-target", "error")
def no_figure_for_target(ctx: Context) -> Iterator[Finding]:
    """A target's or milestone's date has passed and no figure shows whether it was reached.

    Why: a plan whose targets fall due with no figures recorded tells the board nothing, and
    a scorecard that rates only the indicators with figures makes the position look better
    than it is. Once the figure for the target's date is due (the end of the reporting period
    holding the date, plus `lag_months`), a figure for that period or a later one must be
    recorded; until then the indicator's status is "Target date passed, no figure".

    Fails:

    ```yaml
    # as-of: 2025-11-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        reporting: quarterly
        targets:
          - {value: 50, by: September 2025}
    ```

    Passes:

    ```yaml
    # as-of: 2025-11-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        reporting: quarterly
        targets:
          - {value: 50, by: September 2025}
        actuals:
          - {period: Q2 25/26, value: 47}
    ```
    """
    for status in ctx.kpis():
        ind = status.indicator
        for missed in status.missed:
            field = "targets" if missed.kind == "target" else "trajectory"
            yield Finding(
                _at(status, field, missed.position, "by"),
                f"indicator {ind.id}'s {missed.kind} of {missed.words}{format_value(ind, missed.value)} by {missed.by} has passed "
                f"with no figure for then or later; one was due by {missed.due:%d %b %Y}",
                hint=f"record the figure with `sendplan update indicator PLAN {_quoted(ind.id)} --period PERIOD --value N`, "
                "or record what the board agreed about the date",
            )


@rule("SP404", "indicator-not-smart", "warning")
def indicator_not_smart(ctx: Context) -> Iterator[Finding]:
    """An indicator without a baseline, a target or a direction, with an undated baseline or target, or a target whose comparison goes against the direction.

    Why: inspectors criticise plans that "lack precise targets or timescales". A number is
    only a measure of success when the plan says where it started and when, what it should
    reach and by when, and whether higher or lower is better.

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        baseline: {value: 38}
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        direction: higher-is-better
        baseline: {value: 38, period: March 2024}
        targets:
          - {value: 60, by: March 2026}
    ```
    """
    for index, ind in enumerate(ctx.plan.indicators):
        base: Pointer = ("indicators", index)
        missing = [
            what
            for what, absent in (
                ("baseline", ind.baseline is None),
                ("target", not ind.targets),
                ("direction", ind.direction is None),
            )
            if absent
        ]
        if missing:
            yield Finding(
                (*base, "id"),
                f"indicator {ind.id} has no {', '.join(missing)}",
                key=True,
                hint="add " + ", ".join(f"`{m if m != 'target' else 'targets'}:`" for m in missing),
            )
        if ind.direction == "within-band" and ind.band is None:
            yield Finding(
                (*base, "direction"),
                f"indicator {ind.id} is to stay within a band but gives none",
                hint="add `band: {lower: ..., upper: ...}`",
            )
        if ind.baseline is not None and ind.baseline.period is None:
            yield Finding(
                (*base, "baseline"),
                f"indicator {ind.id} has a baseline with no date",
                hint="add the baseline's `period:`, e.g. March 2024",
            )
        for j, target in enumerate(ind.targets):
            against = {
                "higher-is-better": ("at_most", "below"),
                "lower-is-better": ("at_least", "above"),
            }.get(ind.direction or "", ())
            if target.comparison is not None and target.comparison in against:
                yield Finding(
                    (*base, "targets", j, "comparison"),
                    f"indicator {ind.id} is {ind.direction} but its target of {format_value(ind, target.value)} "
                    f"is to be {COMPARISON_WORDS[target.comparison]} it",
                    hint="correct the target's `comparison:` or the indicator's `direction:`",
                )
            if target.by is None or point_date(ind, target.by) is None:
                yield Finding(
                    (*base, "targets", j),
                    f"indicator {ind.id} has a target of {format_value(ind, target.value)} with no date",
                    hint="add `by:` with the date it is to be reached",
                )


@rule("SP405", "actual-misdated", "warning")
def actual_misdated(ctx: Context) -> Iterator[Finding]:
    """A figure for a period that has not started yet, or that ends before the baseline.

    Why: a figure dated in the future is a typing slip or a forecast recorded as fact; one
    before the baseline belongs in the baseline. Either way the trend and status are wrong.

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        baseline: {value: 38, period: March 2024}
        actuals:
          - {period: 2026-06, value: 48}
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        baseline: {value: 38, period: March 2024}
        actuals:
          - {period: 2025-06, value: 48}
    ```
    """
    for index, ind in enumerate(ctx.plan.indicators):
        for j, actual in enumerate(ind.actuals):
            start, end = period_span(ind, actual.period)
            where: Pointer = ("indicators", index, "actuals", j, "period")
            if start is not None and start > ctx.as_of:
                yield Finding(
                    where,
                    f"indicator {ind.id} has a figure for {actual.period.text}, which has not started",
                    hint="check the period; record a figure once its period is over",
                )
            elif before_baseline(ind, end):
                yield Finding(
                    where,
                    f"indicator {ind.id} has a figure for {actual.period.text}, before its baseline "
                    f"({ind.baseline.period.text if ind.baseline and ind.baseline.period else ''})",
                    hint="check the period, or move the figure to the baseline",
                )


@rule("SP411", "figure-gap", "warning")
def figure_gap(ctx: Context) -> Iterator[Finding]:
    """A reporting period with no figure between two periods that have one.

    Why: a series with a year missing reads as unbroken progress on a chart and in a trend,
    and hides the period the board most needs to ask about. Periods are counted by the
    indicator's `reporting:`; with none, a series of whole years (calendar, financial or
    academic) is counted year by year, and any other series is not judged.

    Fails:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        actuals:
          - {period: "2021", value: 32}
          - {period: "2023", value: 40}
    ```

    Passes:

    ```yaml
    # as-of: 2025-07-15
    indicators:
      - id: KPI 1
        name: New EHC plans issued within 20 weeks
        unit: percent
        actuals:
          - {period: "2021", value: 32}
          - {period: "2022", value: 35}
          - {period: "2023", value: 40}
    ```
    """
    for index, ind in enumerate(ctx.plan.indicators):
        for gap in gaps(ind):
            names = [period_text(gap.reporting, end) for end in gap.missing]
            shown = (
                english_list(names)
                if len(names) <= 3
                else f"{len(names)} periods, {names[0]} to {names[-1]}"
            )
            first = names[0]
            yield Finding(
                ("indicators", index, "actuals", gap.after.index, "period"),
                f"indicator {ind.id} has no figure for {shown}, between the figures for "
                f"{gap.before.actual.period.text} and {gap.after.actual.period.text}",
                hint=f"record it with `sendplan update indicator PLAN {_quoted(ind.id)} --period {_quoted(first)} --value N`; "
                "if none was published, say so in a suppression's reason",
            )


def _quoted(text: str) -> str:
    return f"'{text}'" if " " in text else text
