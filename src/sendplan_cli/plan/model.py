"""The plan model: what a plan file may hold. Field docstrings become the JSON Schema descriptions."""

from __future__ import annotations

from datetime import date

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

from sendplan_cli.plan.fields import DateText, Month, Names, empty_list
from sendplan_cli.plan.governance_records import (
    Decision,
    Evidence,
    Inspection,
    PlanKind,
    RecommendationType,
    Review,
    VoiceRecord,
)
from sendplan_cli.plan.kpi_model import Indicator, Tolerance
from sendplan_cli.plan.risk_matrix import MatrixLevel
from sendplan_cli.plan.scale import RatingScale, west_sussex_scale


class _Strict(BaseModel):
    # Deferred: only the Plan validator is built, on first use, not one per model at import.
    # An empty value (`ref: ""`, `leads: [""]`) says nothing; it is refused, never accepted silently.
    model_config = ConfigDict(
        extra="forbid", arbitrary_types_allowed=True, defer_build=True, str_min_length=1
    )


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
    focus: list[str] = Field(default_factory=empty_list)
    """Improvement focus."""
    success_measures: list[str] = Field(default_factory=empty_list)
    """How the partnership will know it is succeeding."""
    strategic_leads: Names = Field(default_factory=empty_list)
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
    # Governance (plan/governance_records.py).
    type: RecommendationType | None = None
    """area-for-priority-action, area-for-improvement, or other (then say which in `type_name`)."""
    type_name: str | None = None
    """What kind of recommendation it is, when `type` is other."""

    @model_validator(mode="after")
    def _named_other(self) -> Recommendation:
        if self.type == "other" and self.type_name is None:
            raise ValueError("a recommendation of type other needs `type_name` saying what it is")
        return self


class Activity(_Strict):
    """A specific or key activity within an action."""

    text: str
    """What will be done."""
    leads: Names = Field(default_factory=empty_list)
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
    proposed_due: DateText | None = None
    """A new due date the lead proposes this month; the board has not agreed it, so `due` is unchanged."""
    proposed_due_reason: str | None = None
    """Why the lead proposes the new date, for the board."""
    # Governance (plan/governance_records.py).
    evidence: list[Evidence] = Field(default_factory=empty_list)
    """Documents that show the progress recorded this month."""


class Action(_Strict):
    """One action of the plan, with its lead, date, measures and ratings."""

    ref: str
    """Unique reference, e.g. "1.1". Quote it if it looks like a number."""
    title: str
    """The action (strategic workstream priority or high-level action)."""
    recommendations: Names = Field(default_factory=empty_list)
    """Ids of the recommendations this action answers."""
    leads: Names = Field(default_factory=empty_list)
    """Accountable lead(s)."""
    due: DateText | None = None
    """Date of completion as written; several dates mean milestones then the final date."""
    milestones: list[Milestone] = Field(default_factory=empty_list)
    """Dated steps on the way."""
    activities: list[Activity] = Field(default_factory=empty_list)
    """Specific actions or key activities."""
    success_measures: list[str] = Field(default_factory=empty_list)
    """Evidence of impact and success measures, as written."""
    measures: list[Measure] = Field(default_factory=empty_list)
    """Quantified measures with baseline, target and actual values."""
    references: list[str] = Field(default_factory=empty_list)
    """Other plans this action refers to."""
    review_cadence: str | None = None
    """How often an open-ended action is reviewed, e.g. "quarterly"."""
    completion: str | None = None
    """Completion rating as published, from the rating scale."""
    impact: str | None = None
    """Impact rating as published, from the rating scale."""
    commentary: str | None = None
    """Commentary on progress."""
    updates: list[Update] = Field(default_factory=empty_list)
    """Monthly updates recorded after publication, oldest first."""
    # Dependencies between actions (docs/risks-and-dependencies.md).
    depends_on: list[str] = Field(default_factory=empty_list)
    """Refs of the actions that must be finished before this one can be, e.g. ["1.1", "2.3"]."""


# Risks to the plan's delivery (docs/risks-and-dependencies.md).
class Risk(_Strict):
    """A risk to delivering the plan, scored on the 5x5 matrix: likelihood times impact."""

    id: str
    """Short identifier, e.g. "R1"; findings and the board paper name the risk by it."""
    description: str
    """What might happen and what it would do to the plan."""
    owner: str | None = None
    """Who manages the risk."""
    likelihood: MatrixLevel
    """How likely it is, 1 (rare) to 5 (almost certain)."""
    impact: MatrixLevel
    """How serious it would be, 1 (negligible) to 5 (severe)."""
    score: int | None = None
    """Leave out: sendplan scores likelihood times impact. A score written here is checked against them."""
    mitigation: str | None = None
    """What is being done to make it less likely or less serious."""
    actions: list[str] = Field(default_factory=empty_list)
    """Refs of the plan's actions that mitigate it."""
    review_date: DateText | None = None
    """When the owner next reviews it, e.g. "June 2025" or 2025-06-30."""


class PaperEntry(_Strict):
    """The board paper's own words for one month: cover details, decisions sought and the narrative."""

    month: Month
    """The board's month this entry is for, YYYY-MM."""
    meeting_date: date | None = None
    """When the board meets, YYYY-MM-DD."""
    author: str | None = None
    """Who the report is by (name and role)."""
    purpose: str | None = None
    """What the paper is for, in a sentence or two."""
    decisions_sought: list[str] = Field(default_factory=list)
    """What the board is asked to agree, note or decide; one item each."""
    summary: str | None = None
    """The executive summary in the author's words; the paper adds the figures."""
    impact: str | None = None
    """What difference the work has made for children, young people and families."""
    voice: str | None = None
    """What the parent carer forum, children and young people have said."""
    risks: list[str] = Field(default_factory=list)
    """Risks and issues the board should know about."""
    next_steps: list[str] = Field(default_factory=list)
    """What happens before the next board."""


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
    workstreams: list[Workstream] = Field(default_factory=empty_list)
    """Workstreams or themes."""
    recommendations: list[Recommendation] = Field(default_factory=empty_list)
    """Inspection recommendations (Areas of Improvement)."""
    actions: list[Action] = Field(default_factory=empty_list)
    """The actions."""
    indicators: list[Indicator] = Field(default_factory=empty_list)
    """Key performance indicators: numbers with baselines, targets, trajectories and actuals."""
    indicator_tolerance: Tolerance | None = None
    """How far off trajectory an indicator may be and still rate Green or Amber (default: Amber up to 5% worse than expected)."""
    risks: list[Risk] = Field(default_factory=empty_list)
    """Risks to delivering the plan, each scored on the 5x5 matrix (the papers' `risks` text stays for the month's narrative)."""
    papers: list[PaperEntry] = Field(default_factory=list)
    """The monthly board paper's own words, one entry per month (cover details, decisions sought, narrative)."""
    # Governance (plan/governance_records.py): the plan as the inspection framework sees it.
    kind: PlanKind | None = None
    """What the plan is: priority-action-plan, written-statement-of-action, accelerated-progress-plan, improvement-plan or strategy."""
    inspection: Inspection | None = None
    """The area SEND inspection the plan answers."""
    reviews: list[Review] = Field(default_factory=empty_list)
    """Monitoring inspections, DfE/NHS England stocktakes and peer reviews, with their evidence deadlines."""
    voice: list[VoiceRecord] = Field(default_factory=empty_list)
    """What children, young people and parent carers said, and what the partnership did ("you said, we did")."""
    decisions: list[Decision] = Field(default_factory=empty_list)
    """Decisions taken (what, by whom, for which actions, and any due-date change agreed); `papers:` `decisions_sought` asks for them."""
