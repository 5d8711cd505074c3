"""The rating scale (BRAG legend) and what each rating claims about an action."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

CompletionMeaning = Literal[
    "complete-impactful", "complete", "on-track", "off-track", "not-started"
]
ImpactMeaning = Literal["felt", "variable", "not-felt"]
COMPLETE = frozenset({"complete-impactful", "complete"})
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _hex_colour(value: str) -> str:
    # The colour goes into the paper's style attributes: anything but #rrggbb could carry CSS
    # (`#f47738;background-image:url(...)` makes the paper fetch from elsewhere).
    if not _HEX_COLOUR.fullmatch(value):
        raise PydanticCustomError(
            "colour", "'{value}' is not a colour written #rrggbb, e.g. #f47738", {"value": value}
        )
    return value


Colour = Annotated[
    str, AfterValidator(_hex_colour), Field(json_schema_extra={"pattern": "^#[0-9a-fA-F]{6}$"})
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class CompletionRating(_Strict):
    """One completion rating: its name, the plan's own words for it, and what it claims."""

    name: str
    """The word used in the plan, e.g. "Amber"."""
    meaning: str
    """The legend's definition, e.g. "Action in progress, on track"."""
    means: CompletionMeaning
    """What the rating claims, so checks work for any scale: complete-impactful, complete, on-track, off-track or not-started."""
    colour: Colour | None = None
    """Colour for the board paper, as #rrggbb."""


class ImpactRating(_Strict):
    """One impact rating: its name, the plan's own words for it, and what it claims."""

    name: str
    """The word used in the plan, e.g. "Red"."""
    meaning: str
    """The legend's definition, e.g. "Impact not yet felt"."""
    means: ImpactMeaning
    """What the rating claims: felt, variable or not-felt."""
    colour: Colour | None = None
    """Colour for the board paper, as #rrggbb."""


class RatingScale(_Strict):
    """The plan's BRAG legend. Ratings are listed from best to worst."""

    completion: list[CompletionRating]
    """Status of action completion against timescale."""
    impact: list[ImpactRating]
    """Status of impact."""

    def completion_named(self, name: str | None) -> CompletionRating | None:
        return _named(self.completion, name)

    def impact_named(self, name: str | None) -> ImpactRating | None:
        return _named(self.impact, name)

    def completion_means(self, name: str | None) -> str | None:
        """What a completion rating claims, or None for no rating or one not in the scale."""
        rating = self.completion_named(name)
        return rating.means if rating else None


def _named(ratings: list, name: str | None):  # type: ignore[no-untyped-def,type-arg]
    if name is None:
        return None
    # Nearly every name is written as the scale writes it: found without normalising (a paper reads tens of thousands).
    for rating in ratings:
        if rating.name == name:
            return rating
    wanted = normalise(name)
    return next((r for r in ratings if normalise(r.name) == wanted), None)


@lru_cache(maxsize=4096)  # a handful of rating names, compared thousands of times
def normalise(name: str) -> str:
    """Ratings match ignoring case and surrounding or repeated spaces."""
    return " ".join(name.split()).casefold()


def west_sussex_scale() -> RatingScale:
    """The West Sussex legend (April 2024 plan), the default when a plan gives none."""
    return RatingScale(
        completion=[
            CompletionRating(
                name="Blue",
                meaning="Action complete and impactful",
                means="complete-impactful",
                colour="#1d70b8",
            ),
            CompletionRating(
                name="Green",
                meaning="Action complete, impact not yet felt",
                means="complete",
                colour="#00703c",
            ),
            CompletionRating(
                name="Amber",
                meaning="Action in progress, on track",
                means="on-track",
                colour="#f47738",
            ),
            CompletionRating(
                name="Red",
                meaning="Action in progress, off track",
                means="off-track",
                colour="#d4351c",
            ),
            CompletionRating(
                name="Grey", meaning="Action not yet started", means="not-started", colour="#505a5f"
            ),
        ],
        impact=[
            ImpactRating(
                name="Green",
                meaning="Impact is felt at a system level",
                means="felt",
                colour="#00703c",
            ),
            ImpactRating(
                name="Amber", meaning="Impact is variable", means="variable", colour="#f47738"
            ),
            ImpactRating(
                name="Red", meaning="Impact not yet felt", means="not-felt", colour="#d4351c"
            ),
        ],
    )
