"""The plan model: what a plan file may hold. Field docstrings become the JSON Schema descriptions."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from sendplan_cli.plan.dates import (
    ACCEPTED_FORMS,
    DatePhrase,
    parse_date_phrase,
    parse_month,
)
from sendplan_cli.plan.scale import RatingScale, west_sussex_scale


def _phrase(value: Any) -> DatePhrase:
    if isinstance(value, DatePhrase):
        return value
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, str):
        return parse_date_phrase(value.strip())
    raise ValueError(f"expected a date written as text, found {type(value).__name__}")


def _month(value: Any) -> Any:
    return parse_month(value.strip()) if isinstance(value, str) else value


def _listify(value: Any) -> Any:
    """A single name may be written without list brackets."""
    return [value] if isinstance(value, str) else value


# A plain validator: pydantic builds no schema for the DatePhrase dataclass itself, which keeps start-up fast.
DateText = Annotated[
    DatePhrase,
    PlainValidator(_phrase),
    PlainSerializer(lambda phrase: phrase.text, return_type=str),
    WithJsonSchema({"type": "string", "description": "A date as plans write it. Accepted: " + "; ".join(ACCEPTED_FORMS)}),
]
Month = Annotated[
    date,
    BeforeValidator(_month),
    PlainSerializer(lambda month: month.strftime("%Y-%m"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}$", "examples": ["2025-01"]}),
]
Names = Annotated[list[str], BeforeValidator(_listify)]


def _empty_list() -> list[Any]:
    """A new empty list. A Python function, not the builtin `list`: pydantic reads a default
    factory's signature, and a builtin's costs a tokenizer run on every build."""
    return []


class _Strict(BaseModel):
    # Deferred: only the Plan validator is built, on first use, not one per model at import.
    # An empty value (`ref: ""`, `leads: [""]`) says nothing; it is refused, never accepted silently.
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, defer_build=True, str_min_length=1)


class Source(_Strict):
    """The published document this plan file transcribes."""

    title: str
    """Title of the published plan."""
    publisher: str | None = None
    """Who published it."""
    date: DateText | None = None
    """When it was published, as written (e.g. "April 2024")."""
    url: str | None = None
    """Where it can be read."""


class Person(_Strict):
    """Someone who may lead an action; leads are checked against this directory."""

    name: str
    """As written in the plan's lead columns."""
    role: str | None = None
    """Job title."""
    organisation: str | None = None
    """Employer, e.g. NHS Sussex or the County Council."""


class Workstream(_Strict):
    """A workstream or theme that recommendations sit under (e.g. "PWG 1", "Theme 2")."""

    id: str
    """Short identifier used by recommendations."""
    name: str
    """Full name."""
    aim: str | None = None
    """What the workstream is for."""
    focus: list[str] = Field(default_factory=_empty_list)
    """Improvement focus."""
    success_measures: list[str] = Field(default_factory=_empty_list)
    """How the partnership will know it is succeeding."""
    strategic_leads: Names = Field(default_factory=_empty_list)
    """Roles or people who lead the workstream."""


class Recommendation(_Strict):
    """An inspection recommendation (Area of Improvement) the plan answers."""

    id: str
    """Short identifier, e.g. "AfI 1"; actions cite it."""
    text: str
    """The recommendation as the inspection report words it."""
    narrative: str | None = None
    """The inspectors' narrative from the report."""
    senior_responsible_officer: str | None = None
    """Who owns the recommendation (SRO)."""
    governance_group: str | None = None
    """The board or group that oversees it."""
    workstream: str | None = None
    """Id of the workstream or theme it sits under."""
    desired_outcome: str | None = None
    """Impact and desired outcome."""


class Activity(_Strict):
    """A specific or key activity within an action."""

    text: str
    """What will be done."""
    leads: Names = Field(default_factory=_empty_list)
    """Who leads this activity, when the plan names someone for it."""
    due: DateText | None = None
    """Target date as written."""


class Milestone(_Strict):
    """A dated step on the way to completing an action."""

    text: str
    """What will have happened."""
    due: DateText
    """When, as written."""


class Measure(_Strict):
    """A measure of success: free text (qualitative), or a reference to one of the plan's indicators."""

    name: str | None = None
    """What is measured; may be left out when `indicator` names a plan indicator."""
    indicator: str | None = None
    """Id of the plan indicator (under `indicators:`) that measures this, e.g. "KPI 1"."""
    unit: str | None = None
    """Unit, e.g. "%" or "weeks"."""
    baseline: str | None = None
    """The value when the plan started."""
    target: str | None = None
    """The value that means success."""
    actual: str | None = None
    """The latest value."""


class Update(_Strict):
    """One month's recorded progress on an action, as reviewed by the board."""

    month: Month
    """The reporting month, YYYY-MM."""
    completion: str | None = None
    """Completion rating that month, from the rating scale."""
    impact: str | None = None
    """Impact rating that month, from the rating scale."""
    commentary: str | None = None
    """What changed and why."""
    due: DateText | None = None
    """A new due date agreed that month, as written."""
    previous_due: str | None = None
    """The due date it replaced."""


class Action(_Strict):
    """One action of the plan, with its lead, date, measures and ratings."""

    ref: str
    """Unique reference, e.g. "1.1". Quote it if it looks like a number."""
    title: str
    """The action (strategic workstream priority or high-level action)."""
    recommendations: Names = Field(default_factory=_empty_list)
    """Ids of the recommendations this action answers."""
    leads: Names = Field(default_factory=_empty_list)
    """Accountable lead(s)."""
    due: DateText | None = None
    """Date of completion as written; several dates mean milestones then the final date."""
    milestones: list[Milestone] = Field(default_factory=_empty_list)
    """Dated steps on the way."""
    activities: list[Activity] = Field(default_factory=_empty_list)
    """Specific actions or key activities."""
    success_measures: list[str] = Field(default_factory=_empty_list)
    """Evidence of impact and success measures, as written."""
    measures: list[Measure] = Field(default_factory=_empty_list)
    """Quantified measures with baseline, target and actual values."""
    references: list[str] = Field(default_factory=_empty_list)
    """Other plans this action refers to."""
    review_cadence: str | None = None
    """How often an open-ended action is reviewed, e.g. "quarterly"."""
    completion: str | None = None
    """Completion rating as published, from the rating scale."""
    impact: str | None = None
    """Impact rating as published, from the rating scale."""
    commentary: str | None = None
    """Commentary on progress."""
    updates: list[Update] = Field(default_factory=_empty_list)
    """Monthly updates recorded after publication, oldest first."""


class Plan(_Strict):
    """A local-area SEND improvement plan."""

    title: str
    """Title of the plan."""
    partnership: str
    """The local area partnership that owns it."""
    published: DateText
    """When it was published, e.g. "April 2024" or 2024-04-30."""
    board: str
    """The board that reviews progress."""
    source: Source | None = None
    """The published document this file transcribes."""
    rating_scale: RatingScale = Field(default_factory=west_sussex_scale)
    """The BRAG legend; the West Sussex legend when omitted."""
    people: list[Person] | None = None
    """Directory of people that leads are checked against, when given."""
    workstreams: list[Workstream] = Field(default_factory=_empty_list)
    """Workstreams or themes."""
    recommendations: list[Recommendation] = Field(default_factory=_empty_list)
    """Inspection recommendations (Areas of Improvement)."""
    actions: list[Action] = Field(default_factory=_empty_list)
    """The actions."""
    indicators: list[Indicator] = Field(default_factory=_empty_list)
    """Key performance indicators: numbers with baselines, targets, trajectories and actuals."""
    indicator_tolerance: Tolerance | None = None
    """How far off trajectory an indicator may be and still rate Green or Amber (default: Amber up to 5% worse than expected)."""


# Imported last: indicators.py reads DateText and Names from this module; models build on first use.
from sendplan_cli.plan.indicators import Indicator, Tolerance  # noqa: E402
