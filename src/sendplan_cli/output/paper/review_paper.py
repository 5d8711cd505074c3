"""The evidence pack for one review: which review, the one held before it, and the day its figures are taken."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendplan_cli.ground.errors import UsageError
from sendplan_cli.output.paper.build.review_window import review_words
from sendplan_cli.output.paper.build.scope import Paper
from sendplan_cli.output.paper.document.paper_model import BoardPaper
from sendplan_cli.plan.governance_records import Review
from sendplan_cli.plan.model import Plan


def chosen_review(plan: Plan, path: str, given: str) -> tuple[Review, Review | None]:
    """The review dated `given`, and the latest review held before it (the pack's window starts there).

    "Held before" is the same reading as the review-evidence-due rule's "since the last review"."""
    reviews = sorted(plan.reviews, key=lambda r: r.date)
    listed = "; ".join(f"{r.date.isoformat()} ({review_words(r)})" for r in reviews)
    try:
        wanted = date.fromisoformat(given.strip())
    except ValueError:
        wanted = None
    match = [r for r in reviews if r.date == wanted]
    if not match:
        if not reviews:
            raise UsageError(
                f"{path}: the plan records no reviews, so there is no evidence pack to render; "
                "add the review under `reviews:` (see docs/governance.md)"
            )
        raise UsageError(
            f"--for-review {given}: no review in {path} is dated so; give one of its reviews' dates "
            f"(YYYY-MM-DD): {listed}"
        )
    review = match[0]
    earlier = [r for r in reviews if r.date < review.date]
    return review, (earlier[-1] if earlier else None)


@dataclass(frozen=True)
class ReviewPaper(Paper):
    """A paper for one review: the same renderers lay out its own sections (build/evidence_pack.py)."""

    review: Review | None = None
    previous: Review | None = None

    def model(self) -> BoardPaper:
        from sendplan_cli.output.paper.build.evidence_pack import evidence_pack

        assert self.review is not None
        return evidence_pack(self.views[0], self.review, self.previous, self.as_of, self.generated)
