"""Each risk's score and rating band, worked out once: the rules, `sendplan list --risks` and the
board paper read these and never multiply likelihood by impact themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendplan_cli.plan.loader import Pointer
from sendplan_cli.plan.model import Plan, Risk
from sendplan_cli.plan.risk_matrix import band, score


@dataclass(frozen=True)
class RatedRisk:
    """A risk as the plan writes it, with its computed score and band."""

    index: int
    """Its position in the plan's `risks:` list."""
    risk: Risk
    score: int
    """Likelihood times impact."""
    band: str
    """Low, Medium, High or Very high (plan/risk_matrix.py)."""

    @property
    def pointer(self) -> Pointer:
        return ("risks", self.index)

    @property
    def review_by(self) -> date | None:
        """The last day of the review date's period; None when it names no end."""
        review = self.risk.review_date
        return review.end if review is not None else None

    def review_passed(self, as_of: date) -> bool:
        """True when the review date's period ended before as_of."""
        return self.review_by is not None and self.review_by < as_of

    @property
    def written_score_differs(self) -> bool:
        """True when the plan types a score that is not likelihood times impact."""
        return self.risk.score is not None and self.risk.score != self.score


def rated_risks(plan: Plan) -> list[RatedRisk]:
    """The plan's risks in plan order, each scored and banded."""
    rated = []
    for index, risk in enumerate(plan.risks):
        value = score(risk.likelihood, risk.impact)
        rated.append(RatedRisk(index, risk, value, band(value)))
    return rated


def by_score(rated: list[RatedRisk]) -> list[RatedRisk]:
    """Highest score first; equal scores keep the plan's order."""
    return sorted(rated, key=lambda r: -r.score)
