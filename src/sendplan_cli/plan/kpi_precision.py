"""How precisely an indicator is published, and figures worked out from it rounded to match.

A figure worked out from the plan (the value a trajectory expects on a day, a gap to it or to a
target) is shown with as many decimal places as the indicator's own figures are written with:
the most among its baseline, targets, milestones, band and recorded figures. A plan that
writes 56.3 gets "1.8 percentage points below", not "1.83333"; one that writes whole numbers
gets whole numbers. An indicator with no figures at all is shown to DEFAULT_DECIMALS places.
Halves round away from zero, as people round by hand: 2.5 is 3 and -2.5 is -3.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from sendplan_cli.plan.kpi_model import Indicator

DEFAULT_DECIMALS = 2
"""Places for an indicator that writes no figure of its own: what every figure was rounded to before."""
MAX_DECIMALS = 6
"""No published statistic needs more; a float's last digits are noise, not precision."""


def decimals_of(value: float) -> int:
    """The decimal places a figure is written with: 56.3 has 1, 1600 and 12.0 have 0."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    # An integer-valued float normalises to "1.6E+3": a positive exponent means no decimals.
    return min(max(-int(exponent), 0), MAX_DECIMALS)


def _own_figures(indicator: Indicator) -> Iterator[float]:
    if indicator.baseline is not None:
        yield indicator.baseline.value
    yield from (t.value for t in indicator.targets)
    yield from (p.value for p in indicator.trajectory)
    yield from (a.value for a in indicator.actuals)
    if indicator.band is not None:
        yield from (indicator.band.lower, indicator.band.upper)


def published_decimals(indicator: Indicator) -> int:
    """The most decimal places among the indicator's own figures; DEFAULT_DECIMALS when it has none."""
    return max((decimals_of(v) for v in _own_figures(indicator)), default=DEFAULT_DECIMALS)


def rounded(value: float, decimals: int) -> float:
    """The value to so many places, halves away from zero; whole numbers come back as int for JSON."""
    # repr gives the shortest text that reads back as the float, so 2.675 rounds as written, to 2.68.
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return int(exact) if decimals == 0 else float(exact)
