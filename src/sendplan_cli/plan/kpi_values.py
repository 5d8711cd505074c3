"""How an indicator's numbers are written for people: "54.2%", "1,600", "18 weeks", "12.5 per 10,000"."""

from __future__ import annotations

from sendplan_cli.plan.kpi_model import Indicator

_SUFFIX = {
    "percent": "%",
    "days": " days",
    "weeks": " weeks",
    "months": " months",
    "rate per 1,000": " per 1,000",
    "rate per 10,000": " per 10,000",
    "rate per 100,000": " per 100,000",
}


def plain(value: float) -> str:
    """A number with thousands separators and at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_value(indicator: Indicator, value: float, *, gap: bool = False) -> str:
    """A value in the indicator's unit; with gap=True, a difference (percentage points for a percentage)."""
    number = plain(value)
    if indicator.unit == "pounds":
        return f"£{number}" if not number.startswith("-") else f"-£{number[1:]}"
    if gap and indicator.unit == "percent":
        return f"{number} percentage point" + ("" if number == "1" else "s")
    suffix = _SUFFIX.get(indicator.unit, "")
    return number + (suffix[:-1] if number == "1" and suffix.endswith("s") else suffix)


def describe_gap(indicator: Indicator, actual: float, expected: float) -> str:
    """The actual's place against a value, in words: "1.8 percentage points below the" or "at the"."""
    difference = actual - expected
    if round(difference, 2) == 0:
        return "at the"
    side = "above" if difference > 0 else "below"
    return f"{format_value(indicator, abs(difference), gap=True)} {side} the"
