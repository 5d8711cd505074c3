"""A KPI's status as at a date: latest figure, what the trajectory expects, the gaps, and a RAG with its reason.

The one place a KPI is judged: rules, the terminal scorecard, JSON and the board paper read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sendplan_cli.plan.dates import DatePhrase
from sendplan_cli.plan.kpi_figures import Figure, figures_as_at
from sendplan_cli.plan.kpi_model import (
    DEFAULT_TOLERANCE,
    STRICT,
    Actual,
    Comparison,
    Indicator,
    Target,
    Tolerance,
    TrajectoryPoint,
)
from sendplan_cli.plan.kpi_periods import (
    figure_due,
    missing_figure,
    period_span,
    period_text,
    point_date,
)
from sendplan_cli.plan.kpi_precision import published_decimals, rounded
from sendplan_cli.plan.kpi_values import describe_gap, format_value
from sendplan_cli.plan.model import Plan

Rag = Literal["Green", "Amber", "Red"]
CONFLICTING = "Conflicting figures"
NO_FIGURE_AT_TARGET = "Target date passed, no figure"


def expected_at(
    points: list[tuple[date, float]], when: date, stepped: bool = False
) -> float | None:
    """The value a trajectory expects on a day: straight lines between points (or steps), flat beyond the ends."""
    if not points:
        return None
    points = sorted(points)
    if when <= points[0][0]:
        return points[0][1]
    if when >= points[-1][0]:
        return points[-1][1]
    for (d0, v0), (d1, v1) in zip(points, points[1:]):
        if d0 <= when < d1:
            if stepped:
                return v0
            return v0 + (v1 - v0) * (when - d0).days / (d1 - d0).days
    return points[-1][1]  # pragma: no cover - the loop covers every day between the ends


def shortfall(indicator: Indicator, actual: float, expected: float) -> float:
    """How much worse than expected the actual is (negative when better), by the indicator's direction."""
    if indicator.direction == "within-band" and indicator.band is not None:
        return max(indicator.band.lower - actual, actual - indicator.band.upper)
    if indicator.direction == "lower-is-better":
        return actual - expected
    return expected - actual


def tolerance_limits(tolerance: Tolerance, expected: float) -> tuple[float, float]:
    """How far worse than `expected` a figure may be and still rate Green, and Amber, in the indicator's unit."""
    scale = abs(expected) / 100 if tolerance.basis == "percent-of-expected" else 1.0
    return tolerance.green * scale, max(tolerance.amber, tolerance.green) * scale


def rag_for(short: float, expected: float, tolerance: Tolerance, strict: bool = False) -> Rag:
    """Green up to the green tolerance worse than expected, Amber up to the amber tolerance, then Red.

    strict: the value expected is a target to be passed ("above 90%"), so reaching it exactly is not Green."""
    green, amber = tolerance_limits(tolerance, expected)
    if short < green or (short == green and not strict):
        return "Green"
    if short <= amber:
        return "Amber"
    return "Red"


def comparison(indicator: Indicator, target: Target) -> Comparison | None:
    """How a figure meets the target: as the target says, else at least (higher-is-better) or at most (lower-is-better)."""
    if target.comparison is not None:
        return target.comparison
    return {"higher-is-better": "at_least", "lower-is-better": "at_most"}.get(
        indicator.direction or ""
    )  # type: ignore[return-value]


def meets(indicator: Indicator, target: Target, value: float) -> bool:
    """Whether a figure meets the target, by the target's comparison: above and below must pass the value, not equal it."""
    short = shortfall(indicator, value, target.value)
    return short < 0 if comparison(indicator, target) in STRICT else short <= 0


COMPARISON_WORDS = {
    "at_least": "at least",
    "above": "above",
    "at_most": "at most",
    "below": "below",
}


@dataclass(frozen=True)
class MissedDate:
    """A target or milestone whose date has passed with no figure for then or later, once that figure was due."""

    kind: Literal["target", "milestone"]
    position: int
    """Its place in the indicator's `targets` or `trajectory`."""
    value: float
    by: str
    """The date as the plan writes it."""
    due: date
    """The day the figure showing whether it was reached was due."""
    comparison: Comparison | None = None
    """How a target written with `comparison:` is met ("above 90%" is not "90%"); None for milestones and targets without one."""

    @property
    def words(self) -> str:
        """The words to put before the value so it reads as the plan means it ("above "), or nothing."""
        return f"{COMPARISON_WORDS[self.comparison]} " if self.comparison else ""


@dataclass(frozen=True)
class KpiStatus:
    """What the board needs to know about one indicator as at a date."""

    index: int
    indicator: Indicator
    as_of: date
    decimals: int = 2
    """Places the indicator publishes to (plan/kpi_precision.py): every figure worked out here is shown to it."""
    latest: Actual | None = None
    latest_index: int | None = None
    previous: Actual | None = None
    expected: float | None = None
    """What the trajectory expects, unrounded: the RAG is judged on it."""
    compared_with: str | None = None
    target: Target | None = None
    gap_to_expected: float | None = None
    """The latest figure less the expected value as shown (rounded), so the words add up."""
    gap_to_target: float | None = None
    rag: Rag | None = None
    reason: str = ""
    trend: str | None = None
    tolerance: Tolerance | None = None
    """The tolerance the plan gives the indicator (its own `tolerance:`, else the plan's
    `indicator_tolerance:`); none when the default applies."""
    late: tuple[date, date] | None = None
    """When a figure is overdue: the end of the period it is for, and the day it was due by."""
    missed: tuple[MissedDate, ...] = ()
    """Targets and milestones whose date passed with no figure to show whether they were reached."""
    conflicting: tuple[Figure, ...] = ()
    """The figures for the latest period when nothing says which stands; then no latest figure is read."""
    next_milestone: TrajectoryPoint | None = None
    """The first trajectory point not yet passed."""
    recorded: int = 0
    """How many figures are recorded for periods begun by the day (revisions included)."""
    latest_start: date | None = None
    latest_end: date | None = None
    """The days the latest figure's period covers: a year-to-date figure starts in January, not in its last month."""

    @property
    def expected_text(self) -> str | None:
        """The expected value in the indicator's unit, to the places it publishes: what every output shows."""
        if self.expected is None:
            return None
        return format_value(self.indicator, self.expected, decimals=self.decimals)

    def _figure(self, value: float | None) -> float | None:
        return None if value is None else rounded(value, self.decimals)

    @property
    def late_period(self) -> str | None:
        """The late figure's period, written as the indicator counts it ("Autumn term 2025", "Q2 25/26")."""
        if self.late is None or self.indicator.reporting is None:
            return None
        return period_text(self.indicator.reporting, self.late[0])

    @property
    def label(self) -> str:
        """The status in words: Green, Amber, Red, Conflicting figures, Target date passed, no figure, or Not rated."""
        if self.conflicting:
            return CONFLICTING
        if self.missed:
            return NO_FIGURE_AT_TARGET
        return self.rag or "Not rated"

    @property
    def in_exception(self) -> bool:
        """Whether the board paper lists the indicator among the exceptions: Red, or a target date passed with no figure."""
        return self.rag == "Red" or bool(self.missed)

    @property
    def comparators(self) -> list[dict[str, Any]]:
        """The latest figure's benchmarks (England, region, statistical neighbours); a period only where the plan gives one."""
        if self.latest is None:
            return []
        # No period is filled in: sources often say "latest national" without saying for when.
        return [
            {
                "name": c.name,
                "value": c.value,
                "period": c.period.text if c.period else None,
                "source": c.source,
            }
            for c in self.latest.comparators
        ]

    def as_dict(self) -> dict[str, Any]:
        """The status as plain data for JSON (dashboards); keys are added, never renamed."""
        ind = self.indicator
        return {
            "id": ind.id,
            "name": ind.name,
            "unit": ind.unit,
            "direction": ind.direction,
            "owner": ind.owner,
            "as_of": self.as_of.isoformat(),
            "baseline": ind.baseline.value if ind.baseline else None,
            "baseline_period": ind.baseline.period.text
            if ind.baseline and ind.baseline.period
            else None,
            "latest": self.latest.value if self.latest else None,
            "latest_period": self.latest.period.text if self.latest else None,
            "provisional": self.latest.provisional if self.latest else None,
            "expected": self._figure(self.expected),
            "compared_with": self.compared_with,
            "target": self.target.value if self.target else None,
            "target_by": self.target.by.text if self.target and self.target.by else None,
            "gap_to_expected": self._figure(self.gap_to_expected),
            "gap_to_target": self._figure(self.gap_to_target),
            "status": self.label,
            "rag": self.rag,
            "reason": self.reason,
            "trend": self.trend,
            "late_period_end": self.late[0].isoformat() if self.late else None,
            "late_period": self.late_period,
            "revised": self.latest.revised.text if self.latest and self.latest.revised else None,
            "conflicting_values": sorted(f.actual.value for f in self.conflicting) or None,
            "missed": [
                {"kind": m.kind, "value": m.value, "by": m.by, "due": m.due.isoformat()}
                for m in self.missed
            ],
            "next_milestone": self.next_milestone.value if self.next_milestone else None,
            "next_milestone_by": self.next_milestone.by.text if self.next_milestone else None,
            "target_comparison": comparison(ind, self.target) if self.target else None,
            "baseline_note": ind.baseline.note if ind.baseline else None,
            "comparators": self.comparators,
            "latest_period_start": self.latest_start.isoformat() if self.latest_start else None,
            "latest_period_end": self.latest_end.isoformat() if self.latest_end else None,
            "decimals": self.decimals,
        }


def reference_points(indicator: Indicator) -> tuple[list[tuple[date, float]], str]:
    """The line an actual is judged against: the trajectory, else the dated baseline to the dated targets."""
    base = indicator.baseline
    base_point = [(d, base.value)] if base and (d := point_date(indicator, base.period)) else []
    trajectory = [(point_date(indicator, p.by), p.value) for p in indicator.trajectory]
    dated = [(d, v) for d, v in trajectory if d is not None]
    if dated:
        first = min(d for d, _ in dated)
        return [*(p for p in base_point if p[0] < first), *dated], "the trajectory"
    targets = [
        (d, t.value) for t in indicator.targets if (d := point_date(indicator, t.by)) is not None
    ]
    if targets and base_point:
        return [*base_point, *targets], "a straight line from the baseline to the target"
    if targets:
        return targets, "the target"
    undated = [(date.min, t.value) for t in indicator.targets]
    return undated[-1:], "the target"


def target_in_force(indicator: Indicator, when: date) -> Target | None:
    """The next target due on or after the day, else the last one."""
    dated = sorted(
        indicator.targets,
        key=lambda t: (point_date(indicator, t.by) or date.max, t.value, t.by.text if t.by else ""),
    )
    return next(
        (t for t in dated if (point_date(indicator, t.by) or date.max) >= when),
        dated[-1] if dated else None,
    )


def next_milestone(indicator: Indicator, when: date) -> TrajectoryPoint | None:
    """The first trajectory point on or after the day."""
    ahead = [
        (d, p.value, p.by.text, p)
        for p in indicator.trajectory
        if (d := point_date(indicator, p.by)) is not None and d >= when
    ]
    return min(ahead, key=lambda item: item[:3])[3] if ahead else None


def missed_dates(
    indicator: Indicator, as_of: date, figures: list[Figure]
) -> tuple[MissedDate, ...]:
    """Targets and milestones whose figure is overdue: none recorded for a period ending in or after their date's period."""
    dated: list[
        tuple[Literal["target", "milestone"], int, float, DatePhrase | None, Comparison | None]
    ] = [
        *(("target", j, t.value, t.by, t.comparison) for j, t in enumerate(indicator.targets)),
        *(("milestone", j, p.value, p.by, None) for j, p in enumerate(indicator.trajectory)),
    ]
    ends = [f.end for f in figures if f.end <= as_of and f.standing != "superseded"]
    # A baseline is a figure too: a trajectory that starts at the baseline's date has its figure.
    if (
        indicator.baseline is not None
        and (baseline_end := point_date(indicator, indicator.baseline.period)) is not None
    ):
        ends.append(baseline_end)
    found = []
    for kind, j, value, by, how in dated:
        start, end = period_span(indicator, by) if by is not None else (None, None)
        if by is None or end is None:
            continue
        due = figure_due(indicator, end)
        if due < as_of and not any(e >= (start or end) for e in ends):
            found.append(MissedDate(kind, j, value, by.text, due, how))
    return tuple(sorted(found, key=lambda m: (m.due, m.kind, m.position)))


def kpi_status(
    indicator: Indicator, index: int, as_of: date, default: Tolerance | None = None
) -> KpiStatus:
    """Judge one indicator as at a day."""
    figures = figures_as_at(indicator, as_of)
    status = _judged(indicator, index, as_of, default, figures)
    missed = missed_dates(indicator, as_of, figures)
    status = _with(
        status,
        missed=missed,
        next_milestone=next_milestone(indicator, as_of),
        recorded=len(figures),
        target=status.target or target_in_force(indicator, as_of),
    )
    if status.conflicting or not missed:
        return status
    # The most recent date passed is the one the board most needs to hear about.
    last = missed[-1]
    more = (
        f" (and {len(missed) - 1} earlier date{'s' if len(missed) > 2 else ''})"
        if len(missed) > 1
        else ""
    )
    latest = (
        f"; the latest is {format_value(indicator, status.latest.value)} for {status.latest.period.text}"
        if status.latest
        else ""
    )
    return _with(
        status,
        rag=None,
        reason=f"target date passed, no figure: the {last.kind} of {last.words}{format_value(indicator, last.value)} "
        f"by {last.by} has no figure for then or later{more}{latest}",
    )


def _judged(
    indicator: Indicator, index: int, as_of: date, default: Tolerance | None, figures: list[Figure]
) -> KpiStatus:
    # Only periods that have ended are read: a year still running must not hide the quarter that ended.
    ended = [f for f in figures if f.end <= as_of and f.standing != "superseded"]
    status = KpiStatus(
        index,
        indicator,
        as_of,
        published_decimals(indicator),
        tolerance=indicator.tolerance or default,
        late=missing_figure(indicator, as_of, ended[-1].end if ended else None),
    )
    if not ended:
        running = sorted({f.actual.period.text for f in figures})
        return _with(
            status,
            reason="not rated: no figure recorded yet"
            if not figures
            else f"not rated: no figure yet for a period that has ended ({', '.join(running)} "
            f"{'has' if len(running) == 1 else 'have'} not ended)",
        )
    last = ended[-1]
    if last.standing == "conflicting":
        same = tuple(f for f in ended if f.span == last.span)
        values = " and ".join(
            format_value(indicator, v) for v in sorted(f.actual.value for f in same)
        )
        return _with(
            status,
            conflicting=same,
            reason=f"not rated: conflicting figures for {last.actual.period.text} ({values}); "
            "nothing says which stands",
        )
    latest, when = last.actual, last.end
    before = [f for f in ended if f.end < when]
    previous = before[-1].actual if before and before[-1].standing == "stands" else None
    target = target_in_force(indicator, when)
    status = _with(
        status,
        latest=latest,
        latest_index=last.index,
        previous=previous,
        target=target,
        latest_start=last.start,
        latest_end=last.end,
        gap_to_target=latest.value - target.value if target else None,
        trend=_trend(indicator, latest.value, previous.value) if previous else None,
    )
    if indicator.direction is None:
        return _with(
            status, reason="not rated: the indicator does not say whether higher or lower is better"
        )
    tolerance = status.tolerance or DEFAULT_TOLERANCE
    if indicator.direction == "within-band":
        if indicator.band is None:
            return _with(status, reason="not rated: within-band is given with no band")
        short = shortfall(indicator, latest.value, 0.0)
        nearest = min(
            (indicator.band.lower, indicator.band.upper), key=lambda b: abs(b - latest.value)
        )
        rag = rag_for(short, nearest, tolerance)
        band = f"{format_value(indicator, indicator.band.lower)} to {format_value(indicator, indicator.band.upper)}"
        said = (
            "inside"
            if short <= 0
            else f"{format_value(indicator, short, gap=True, decimals=status.decimals)} outside"
        )
        return _with(
            status,
            rag=rag,
            compared_with="the band",
            reason=f"{rag}: {format_value(indicator, latest.value)} for {latest.period.text} is {said} the band {band}",
        )
    if not indicator.targets and not indicator.trajectory:
        return _with(status, reason="not rated: no target or trajectory to judge it against")
    points, against = reference_points(indicator)
    expected = expected_at(points, when, indicator.stepped)
    assert expected is not None  # targets or trajectory exist, so there is a point
    short = shortfall(indicator, latest.value, expected)
    # A strict target ("above 90%") is passed, not reached: at the target itself, exactly 90 does not meet it.
    strict = (
        target is not None and expected == target.value and comparison(indicator, target) in STRICT
    )
    rag = rag_for(short, expected, tolerance, strict)
    # The gap is taken from the expected value as shown, so "10 is 1 above the 9 expected" adds up.
    shown = rounded(expected, status.decimals)
    words = describe_gap(indicator, latest.value, expected, status.decimals)
    reason = f"{rag}: {format_value(indicator, latest.value)} for {latest.period.text} is {words} {format_value(indicator, shown, decimals=status.decimals)} expected on {against}"
    if strict and short == 0 and target is not None:
        reason += f"; the target is {COMPARISON_WORDS[comparison(indicator, target) or 'above']} {format_value(indicator, target.value)}, which it does not pass"
    return _with(
        status,
        expected=expected,
        compared_with=against,
        gap_to_expected=latest.value - shown,
        rag=rag,
        reason=reason,
    )


def kpi_statuses(plan: Plan, as_of: date) -> list[KpiStatus]:
    """Every indicator of the plan, judged as at the day."""
    return [
        kpi_status(ind, i, as_of, plan.indicator_tolerance) for i, ind in enumerate(plan.indicators)
    ]


def _trend(indicator: Indicator, now: float, before: float) -> str:
    if now == before:
        return "no change"
    if indicator.direction in ("higher-is-better", "lower-is-better"):
        return (
            "improving"
            if shortfall(indicator, now, 0.0) < shortfall(indicator, before, 0.0)
            else "worsening"
        )
    if indicator.direction == "within-band" and indicator.band is not None:
        # Inside the band every value is as good as any other; outside, nearer is better.
        outside_now, outside_before = (
            max(shortfall(indicator, v, 0.0), 0.0) for v in (now, before)
        )
        if outside_now == outside_before:
            return "no change"
        return "improving" if outside_now < outside_before else "worsening"
    return "up" if now > before else "down"


def _with(status: KpiStatus, **changes: Any) -> KpiStatus:
    from dataclasses import replace

    return replace(status, **changes)
