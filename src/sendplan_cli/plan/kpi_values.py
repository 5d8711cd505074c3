"""How an indicator's numbers are written for people: "54.2%", "1,600", "18 weeks", "12.5 per 10,000"."""

from __future__ import annotations

from sendplan_cli.plan.kpi_model import Indicator
from sendplan_cli.plan.kpi_precision import rounded

_SUFFIX = {
    "percent": "%",
    "days": " days",
    "weeks": " weeks",
    "months": " months",
    "rate per 1,000": " per 1,000",
    "rate per 10,000": " per 10,000",
    "rate per 100,000": " per 100,000",
}


def plain(value: float, decimals: int = 2) -> str:
    """A number with thousands separators and at most so many decimals (halves away from zero), no trailing zeros."""
    text = f"{rounded(value, decimals):,.{decimals}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def format_value(
    indicator: Indicator, value: float, *, gap: bool = False, decimals: int = 2
) -> str:
    """A value in the indicator's unit; with gap=True, a difference (percentage points for a percentage).

    decimals: places to round to; a figure worked out from the plan passes the indicator's published precision."""
    number = plain(value, decimals)
    if indicator.unit == "pounds":
        return f"£{number}" if not number.startswith("-") else f"-£{number[1:]}"
    if gap and indicator.unit == "percent":
        return f"{number} percentage point" + ("" if number == "1" else "s")
    suffix = _SUFFIX.get(indicator.unit, "")
    return number + (suffix[:-1] if number == "1" and suffix.endswith("s") else suffix)


def describe_gap(indicator: Indicator, actual: float, expected: float, decimals: int) -> str:
    """The actual's place against a value, in words: "1.8 percentage points below the" or "at the".

    The gap is taken from the value as shown to so many places, so "10 is 1 above the 9 expected" adds up;
    a figure off the value by less than shows is "just above" it, never "0 above" or "at" it."""
    difference = actual - expected
    side = "above" if difference > 0 else "below"
    shown = rounded(actual - rounded(expected, decimals), decimals)
    if shown == 0:
        return "at the" if difference == 0 else f"just {side} the"
    return f"{format_value(indicator, abs(shown), gap=True, decimals=decimals)} {side} the"
