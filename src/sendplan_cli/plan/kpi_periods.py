"""When an indicator's figures stand and fall due: periods as days, which figures count as at a date, late figures."""

from __future__ import annotations

from datetime import date, timedelta

from sendplan_cli.plan.dates import TERMS, DatePhrase, month_end
from sendplan_cli.plan.kpi_model import Indicator

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}
# Periods that end on fixed days of the year rather than a number of months after the last figure.
_TERM_ENDS = sorted((last, name) for name, (_, last) in TERMS.items())
_ACADEMIC_YEAR_END = 8
_SEASON_TERMS = {
    3: "spring",
    6: "summer",
    9: "autumn",
}  # the month a season starts, and its school term


def period_span(indicator: Indicator, phrase: DatePhrase) -> tuple[date | None, date | None]:
    """Start and end of a period; "2024/25" is September to August for an academic-year indicator."""
    final = phrase.final
    if final is None:
        return phrase.start, None
    if (
        indicator.reporting in ("academic-year", "termly")
        and final.precision == "financial-year"
        and final.start
    ):
        # School figures: "2023/24" is the school year, September to August, not the financial year.
        year = final.start.year
        return date(year, 9, 1), date(year + 1, 8, 31)
    if indicator.reporting == "termly" and final.precision == "season" and final.start:
        # "Spring 2025" from a termly indicator is the spring term, not March to May.
        term = _SEASON_TERMS.get(final.start.month)
        if term:
            first, last = TERMS[term]
            return date(final.start.year, first, 1), month_end(final.start.year, last)
    return final.start, final.end


def point_date(indicator: Indicator, phrase: DatePhrase | None) -> date | None:
    """The day a value stands for: the end of its period."""
    return period_span(indicator, phrase)[1] if phrase is not None else None


def before_baseline(indicator: Indicator, end: date | None) -> bool:
    """Whether a figure for a period ending on `end` comes before the indicator's baseline (it belongs in the baseline)."""
    baseline_end = point_date(indicator, indicator.baseline.period) if indicator.baseline else None
    return end is not None and baseline_end is not None and end < baseline_end


def missing_figure(
    indicator: Indicator, as_of: date, last: date | None
) -> tuple[date, date] | None:
    """The end of the first period after the latest figure's (`last`, else the baseline's) and the day its figure was due, once that day has passed."""
    if indicator.reporting is None:
        return None
    if last is None:
        last = point_date(indicator, indicator.baseline.period) if indicator.baseline else None
    if last is None:
        return None
    period_end = next_period_end(indicator.reporting, last)
    due = _month_end_after(period_end, indicator.lag_months)
    return (period_end, due) if due < as_of else None


def figure_due(indicator: Indicator, day: date) -> date:
    """The day the figure showing where things stood on `day` is due: the end of the reporting period holding it, plus the lag."""
    end = day
    if indicator.reporting == "quarterly":
        end = _month_end_after(day, (3 - day.month % 3) % 3)
    elif indicator.reporting in ("termly", "academic-year"):
        end = next_period_end(indicator.reporting, day - timedelta(days=1))
    elif indicator.reporting == "monthly":
        end = month_end(day.year, day.month)
    return _month_end_after(end, indicator.lag_months)


def next_period_end(reporting: str, last: date) -> date:
    """The end of the reporting period after the one ending on `last`: school terms end in December,
    April and July, academic years in August, other periods a whole number of months later."""
    if reporting == "termly":
        for year in (last.year, last.year + 1):
            for month, _ in _TERM_ENDS:
                end = month_end(year, month)
                if end > last:
                    return end
    if reporting == "academic-year":
        end = month_end(last.year, _ACADEMIC_YEAR_END)
        return end if end > last else month_end(last.year + 1, _ACADEMIC_YEAR_END)
    return _month_end_after(last, PERIOD_MONTHS[reporting])


def period_text(reporting: str, end: date) -> str:
    """How to write the period ending on `end` for `sendplan update indicator --period`, in the indicator's own terms."""
    if reporting == "termly":
        name = next((n for month, n in _TERM_ENDS if month == end.month), None)
        if name:
            return f"{name.capitalize()} term {end.year}"
    if reporting == "academic-year" and end.month == _ACADEMIC_YEAR_END:
        return f"{end.year - 1}/{end.year % 100:02d}"
    if reporting == "annual" and end.month == 12:
        return f"{end.year}"
    if reporting == "annual" and end.month == 3:
        return f"{end.year - 1}/{end.year % 100:02d}"  # a financial year, April to March
    if reporting == "quarterly" and end.month % 3 == 0:
        quarter = (end.month - 4) % 12 // 3 + 1  # financial quarters: Q1 is April to June
        first = end.year if end.month > 3 else end.year - 1
        return f"Q{quarter} {first % 100:02d}/{(first + 1) % 100:02d}"
    return f"{end:%Y-%m}"


def _month_end_after(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return month_end(year, month + 1)
