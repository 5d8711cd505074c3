"""Which of an indicator's figures stand as at a date: revisions, conflicts, and one order of periods.

Statistics are published provisionally and revised; a plan records both and says which is newer
with `revised:`. Nothing here depends on the order figures are written in the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sendplan_cli.plan.kpi_model import Actual, Indicator
from sendplan_cli.plan.kpi_periods import next_period_end, period_span

Standing = Literal["stands", "superseded", "conflicting"]


@dataclass(frozen=True)
class Figure:
    """One recorded figure with the days its period covers and whether it stands."""

    index: int
    """Its place in the indicator's `actuals`, for pointing at it."""
    actual: Actual
    start: date
    end: date
    revised: date | None
    standing: Standing
    """stands; superseded by a newer revision; or conflicting: another figure for the period and nothing says which stands."""

    @property
    def span(self) -> tuple[date, date]:
        return self.start, self.end


def figure_key(
    figure: Figure, reporting: str | None = None
) -> tuple[date, bool, date, date, float, str, str, bool]:
    """A total order: by the end of the period; on the same end, a figure for one of the indicator's own
    reporting periods (the year of an annual indicator), then the finer period (the later start), then the newer revision.

    The value and words break any remaining tie, so two figures never compare as equal unless they read the same.
    """
    actual = figure.actual
    return (
        figure.end,
        # An annual indicator is judged on its year: a quarter ending with the year is a look inside it.
        is_reporting_period(reporting, figure.start, figure.end),
        figure.start,
        figure.revised or date.min,
        actual.value,
        actual.period.text,
        actual.note or "",
        actual.provisional,
    )


def is_reporting_period(reporting: str | None, start: date, end: date) -> bool:
    """Whether the days from `start` to `end` are one whole reporting period of the indicator (None: it names none)."""
    return reporting is not None and next_period_end(reporting, start - timedelta(days=1)) == end


def figures_as_at(indicator: Indicator, as_of: date | None) -> list[Figure]:
    """Figures whose period has started by the day and revisions made by then, in time order (None: every one)."""
    last = as_of or date.max
    groups: dict[tuple[date, date], list[tuple[int, Actual, date | None]]] = {}
    for i, actual in enumerate(indicator.actuals):
        start, end = period_span(indicator, actual.period)
        revised = actual.revised.end if actual.revised is not None else None
        if end is None or (start or end) > last or (revised is not None and revised > last):
            continue
        groups.setdefault((start or end, end), []).append((i, actual, revised))
    found = [
        figure for (start, end), group in groups.items() for figure in _resolve(start, end, group)
    ]
    return sorted(found, key=lambda figure: figure_key(figure, indicator.reporting))


def _resolve(start: date, end: date, group: list[tuple[int, Actual, date | None]]) -> list[Figure]:
    # The newest revision stands; an unrevised figure is the oldest. Two at the newest: nothing says which.
    newest = max((revised or date.min) for _, _, revised in group)
    at_newest = sum(1 for _, _, revised in group if (revised or date.min) == newest)
    out = []
    for i, actual, revised in group:
        if (revised or date.min) != newest:
            standing: Standing = "superseded"
        else:
            standing = "stands" if at_newest == 1 else "conflicting"
        out.append(Figure(i, actual, start, end, revised, standing))
    return out


def conflicts(indicator: Indicator) -> list[list[Figure]]:
    """Each period with two or more figures and nothing saying which stands, in time order."""
    by_span: dict[tuple[date, date], list[Figure]] = {}
    for figure in figures_as_at(indicator, None):
        if figure.standing == "conflicting":
            by_span.setdefault(figure.span, []).append(figure)
    return list(by_span.values())


@dataclass(frozen=True)
class Gap:
    """Reporting periods with no figure between two figures that have one."""

    before: Figure
    after: Figure
    missing: tuple[date, ...]
    """The end of each period with no figure, in time order."""
    reporting: str
    """The reporting period the gap is counted in (the indicator's, or annual when every figure is a whole year)."""


# A gap longer than this is reported by its first periods only; the count still says how many.
_MOST_MISSING = 400


def gaps(indicator: Indicator) -> list[Gap]:
    """Each run of reporting periods with no figure between two recorded figures, in time order.

    Counted by the indicator's `reporting`; with none, only a series of whole years is judged
    (annual), since a month-by-month plan may report at any interval it likes."""
    figures = [f for f in figures_as_at(indicator, None) if f.standing != "superseded"]
    reporting = indicator.reporting or (
        "annual" if figures and all(_whole_year(f) for f in figures) else None
    )
    if reporting is None:
        return []
    by_span = list({f.span: f for f in figures}.values())
    found = []
    for before, after in zip(by_span, by_span[1:]):
        missing: list[date] = []
        end = next_period_end(reporting, before.end)
        while end < after.start and len(missing) < _MOST_MISSING:
            missing.append(end)
            end = next_period_end(reporting, end)
        if missing:
            found.append(Gap(before, after, tuple(missing), reporting))
    return found


def _whole_year(figure: Figure) -> bool:
    start, end = figure.start, figure.end
    try:
        return end == start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        return False
