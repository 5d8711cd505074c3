"""The 5x5 risk matrix: likelihood and impact each scored 1-5, the score their product, and its band.

The bands are those of a common local-authority 5x5 matrix (1-4 low, 5-9 medium, 10-15 high,
16-25 very high): a risk that is likely (4) and major (4) or worse is very high; a possible (3)
risk with a major (4) impact is high; a possible, moderate risk (3 x 3 = 9) stays medium.
Councils and ICBs both use this split, so a board reads the plan's risks as it reads the
corporate register.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema

LOWEST, HIGHEST = 1, 5

# (lowest score in the band, band name), highest band first.
BANDS: tuple[tuple[int, str], ...] = ((16, "Very high"), (10, "High"), (5, "Medium"), (1, "Low"))


def _on_the_matrix(value: int) -> int:
    if not LOWEST <= value <= HIGHEST:
        raise ValueError(
            f"{value} is off the 5x5 risk matrix: likelihood and impact are scored from "
            f"{LOWEST} (rare, negligible) to {HIGHEST} (almost certain, severe)"
        )
    return value


MatrixLevel = Annotated[
    int,
    AfterValidator(_on_the_matrix),
    WithJsonSchema({"type": "integer", "minimum": LOWEST, "maximum": HIGHEST}),
]
"""A likelihood or an impact on the 5x5 matrix."""


def score(likelihood: int, impact: int) -> int:
    """The risk score: likelihood times impact, 1 to 25."""
    return likelihood * impact


def band(value: int) -> str:
    """The rating band of a score on the 5x5 matrix."""
    return next(name for lowest, name in BANDS if value >= lowest)


def band_ranges() -> list[str]:
    """The bands as "16-25 Very high", highest first: what messages and documentation quote."""
    tops = [HIGHEST * HIGHEST, *(lowest - 1 for lowest, _ in BANDS[:-1])]
    return [f"{lowest}-{top} {name}" for (lowest, name), top in zip(BANDS, tops, strict=True)]
