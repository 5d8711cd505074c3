"""When an indicator's figures stand and fall due: periods as days, which figures count as at a date, late figures."""

from __future__ import annotations

import calendar
from datetime import date

from sendplan_cli.plan.dates import DatePhrase
from sendplan_cli.plan.indicators import Actual, Indicator

PERIOD_MONTHS = {"monthly": 1, "termly": 4, "quarterly": 3, "annual": 12, "academic-year": 12}


def period_span(indicator: Indicator, phrase: DatePhrase) -> tuple[date | None, date | None]:
    """Start and end of a period; "2024/25" is September to August for an academic-year indicator."""
    final = phrase.final
    if final is None:
        return phrase.start, None
    if indicator.reporting == "academic-year" and final.precision == "financial-year" and final.start:
        year = final.start.year
        return date(year, 9, 1), date(year + 1, 8, 31)
    return final.start, final.end


def point_date(indicator: Indicator, phrase: DatePhrase | None) -> date | None:
    """The day a value stands for: the end of its period."""
    return period_span(indicator, phrase)[1] if phrase is not None else None


def actuals_as_at(indicator: Indicator, as_of: date) -> list[tuple[int, Actual, date]]:
    """Actuals whose period has started by the day, oldest first, with the day each stands for."""
    found = []
    for i, actual in enumerate(indicator.actuals):
        start, end = period_span(indicator, actual.period)
        if end is not None and (start or end) <= as_of:
            found.append((i, actual, end))
    return sorted(found, key=lambda item: item[2])


def missing_figure(indicator: Indicator, as_of: date, seen: list[tuple[int, Actual, date]]) -> tuple[date, date] | None:
    """The end of the first period after the latest figure (or the baseline) and the day its figure was due, once that day has passed."""
    if indicator.reporting is None:
        return None
    last = seen[-1][2] if seen else point_date(indicator, indicator.baseline.period) if indicator.baseline else None
    if last is None:
        return None
    period_end = _month_end_after(last, PERIOD_MONTHS[indicator.reporting])
    due = _month_end_after(period_end, indicator.lag_months)
    return (period_end, due) if due < as_of else None


def _month_end_after(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])
