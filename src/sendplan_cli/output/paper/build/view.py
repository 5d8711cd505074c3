"""The month's view of a plan for the board paper: ratings at month end, movement, exceptions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sendplan_cli.plan.action_state import ActionState, accountable_leads, state_at
from sendplan_cli.plan.action_status import ActionStatus
from sendplan_cli.plan.dates import month_end
from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.model import Action, Plan
from sendplan_cli.plan.scale import COMPLETE, RatingScale


def previous_month(month: date) -> date:
    return (month.replace(day=1) - timedelta(days=1)).replace(day=1)


@dataclass
class ActionRow:
    """One action as the board sees it this month."""

    ref: str
    title: str
    leads: list[str]
    due: str | None
    due_end: date | None
    completion: str | None
    impact: str | None
    commentary: str | None
    movement: str
    """improved, worsened, unchanged, new, completed, or "as published" when no update applies."""
    due_change: str | None
    updated_this_month: bool
    recommendations: list[str]
    findings: list[Diagnostic] = field(default_factory=list)
    source: str | None = None
    """Where the rating and movement come from when not from a recorded update: "git: the plan as committed at ..."."""
    status: Any = None
    """The action's status as at the paper's date (plan/exceptions.py): overdue, missed steps, steps ahead."""
    flags: list[str] = field(default_factory=list)
    """The exception headings this action appears under, in words."""
    proposal: Any = None
    """A new date proposed and not yet agreed (plan/proposals.py), or none; never the due date."""
    action: Any = None
    """The plan's own action this row shows (success measures, measures), so no template searches for it."""

    @property
    def finding_names(self) -> set[str]:
        return {d.name for d in self.findings}


@dataclass
class PlanView:
    """Everything the board paper shows for one plan in one month."""

    plan: Plan
    path: str
    rows: list[ActionRow]
    findings: list[Diagnostic]
    as_published: bool
    """True when no action has an update in or before the month: ratings are as published."""
    exceptions: dict[str, list[Any]]
    completion_counts: list[tuple[str, int, str]]
    impact_counts: list[tuple[str, int, str]]
    coming_up: dict[str, list[Any]]
    by_lead: list[tuple[str, list[ActionRow]]]
    coverage: list[tuple[Any, list[ActionRow]]]
    summary: list[str]
    kpis: list[Any] = field(default_factory=list)
    """One card per indicator: scorecard row, status colour, headline, chart and data table."""
    red_kpis: list[Any] = field(default_factory=list)
    """The cards of indicators rated Red, for the exceptions."""
    missed_kpis: list[Any] = field(default_factory=list)
    """The cards of indicators with a target or milestone date passed and no figure, for the exceptions."""
    changes: Any = None
    """Changes since the last board from git (output/paper/build/git_movement.py), or None outside git."""
    number: int = 1
    """The plan's place in the paper, for ids unique across several plans."""
    has_updates: bool = False
    """True when the plan records any monthly update."""
    entry: Any = None
    """The plan's own words for this month (`papers:`), or None."""
    findings_by_rule: list[Any] = field(default_factory=list)
    """The findings grouped by rule with counts and the actions concerned."""
    headline: Any = None
    """The executive summary's figures (output/paper/build/summary.py)."""
    proposals: list[Any] = field(default_factory=list)
    """New dates proposed and not yet agreed, in plan order: each a decision the board is asked to take."""
    rating_charts: list[Any] = field(default_factory=list)
    """Actions by completion rating and by impact rating, as bar charts (output/paper/charts/chart_cards.py)."""


def _rank(scale: RatingScale, name: str | None) -> int | None:
    names = [r.name for r in scale.completion]
    return names.index(name) if name in names else None


def _movement(
    plan: Plan, action: Action, now: ActionState, before: ActionState, month: date
) -> str:
    if now.update is None:
        return "as published"
    if now.update.month != month:
        return "unchanged"
    if before.completion is None:
        return "new"
    scale = plan.rating_scale
    if (
        scale.completion_means(now.completion) in COMPLETE
        and scale.completion_means(before.completion) not in COMPLETE
    ):
        return "completed"
    a, b = _rank(plan.rating_scale, now.completion), _rank(plan.rating_scale, before.completion)
    if a is None or b is None or a == b:
        return "unchanged"
    return "improved" if a < b else "worsened"


def _row(
    plan: Plan,
    index: int,
    action: Action,
    status: ActionStatus,
    month: date,
    findings: list[Diagnostic],
) -> ActionRow:
    """One action's row, from its status as at the paper's day; `findings` are that action's own."""
    now = status.state
    before = state_at(action, index, month - timedelta(days=1))
    change = None
    if now.update is not None and now.update.month == month and now.update.due is not None:
        change = f"{now.update.previous_due or (before.due.text if before.due else 'no date')} → {now.update.due.text}"
    leads = accountable_leads(action)
    return ActionRow(
        ref=action.ref,
        title=action.title,
        leads=leads,
        due=now.due.text if now.due else None,
        due_end=status.final.end if status.final else None,
        completion=now.completion,
        impact=now.impact,
        commentary=now.commentary,
        movement=_movement(plan, action, now, before, month),
        due_change=change,
        updated_this_month=now.update is not None and now.update.month == month,
        recommendations=action.recommendations,
        findings=findings,
        action=action,
    )


def _counts(names: list[str | None], ratings: list[Any]) -> list[tuple[str, int, str]]:
    counter = Counter(names)
    rows = [(r.name, counter.get(r.name, 0), r.colour or "#505a5f") for r in ratings]
    if counter.get(None):
        rows.append(("Not rated", counter[None], "#b1b4b6"))
    return rows


def build_view(
    plan: Plan,
    path: str,
    month: date,
    as_of: date,
    findings: list[Diagnostic],
    number: int = 1,
    svg: bool = True,
) -> PlanView:
    """The month's view of one validated plan; findings are evaluated as of as_of.

    svg: draw the charts as SVG, for a paper that shows them so (the Word paper draws its own pictures)."""
    from sendplan_cli.output.paper.build.exceptions import exception_items
    from sendplan_cli.output.paper.build.sections import coming_up, findings_by_rule, paper_entry
    from sendplan_cli.plan.action_status import plan_status
    from sendplan_cli.plan.proposals import pending_proposals

    statuses = plan_status(plan, as_of)
    proposals = pending_proposals(plan, statuses, as_of)
    # Findings indexed by action once: scanning them all for every action made a large plan's paper quadratic.
    by_ref: dict[str | None, list[Diagnostic]] = {}
    for d in findings:
        by_ref.setdefault(d.ref, []).append(d)
    rows = [
        _row(plan, i, a, status, month, by_ref.get(a.ref, []))
        for (i, a), status in zip(enumerate(plan.actions), statuses)
    ]
    exceptions = exception_items(plan, statuses, findings, as_of, month, proposals)
    # Each index built once: matching every row against every exception made a large plan's paper quadratic.
    flags: dict[str, list[str]] = {}
    for heading, items in exceptions.items():
        for ref in dict.fromkeys(i.ref for i in items):
            flags.setdefault(ref, []).append(heading)
    for row, status, proposal in zip(rows, statuses, proposals):
        row.status = status
        row.proposal = proposal
        if row.due is None and status.final is not None:
            row.due = f"by {status.final.end:%d %b %Y} (from its activities)"
        row.flags = list(flags.get(row.ref, ()))
    leads: dict[str, list[ActionRow]] = {}
    answering: dict[str, list[ActionRow]] = {}
    for r in rows:
        for lead in r.leads or ["No lead named"]:
            leads.setdefault(lead, []).append(r)
        for rec_id in dict.fromkeys(r.recommendations):
            answering.setdefault(rec_id, []).append(r)
    coverage = [(rec, answering.get(rec.id, [])) for rec in plan.recommendations]
    view = PlanView(
        plan=plan,
        path=path,
        rows=rows,
        findings=findings,
        as_published=all(r.movement == "as published" for r in rows),
        exceptions=exceptions,
        completion_counts=_counts([r.completion for r in rows], plan.rating_scale.completion),
        impact_counts=_counts([r.impact for r in rows], plan.rating_scale.impact),
        coming_up=coming_up(statuses, month, as_of),  # type: ignore[arg-type]
        by_lead=sorted(leads.items()),
        coverage=coverage,
        summary=[],
        number=number,
        has_updates=any(a.updates for a in plan.actions),
        entry=paper_entry(plan, month),
        findings_by_rule=findings_by_rule(findings),
        proposals=[p for p in proposals if p is not None],
    )
    from sendplan_cli.output.paper.charts.chart_cards import kpi_cards, rating_charts

    view.kpis = kpi_cards(plan, as_of, prefix=f"p{number}-" if number > 1 else "", svg=svg)
    view.rating_charts = rating_charts(
        {
            "Actions by completion rating": view.completion_counts,
            "Actions by impact rating": view.impact_counts,
        },
        f"p{number}-",
        svg=svg,
    )
    view.red_kpis = [card for card in view.kpis if card.status.rag == "Red"]
    view.missed_kpis = [card for card in view.kpis if card.status.missed]
    from sendplan_cli.output.paper.build.git_movement import add_git_movement

    before = previous_month(month)
    add_git_movement(view, month_end(month.year, month.month), month_end(before.year, before.month))
    view.summary = _summary(view)
    from sendplan_cli.output.paper.build.summary import headline

    view.headline = headline(view, month, as_of)
    return view


def _summary(view: PlanView) -> list[str]:
    total = len(view.rows)
    complete = sum(
        1 for r in view.rows if view.plan.rating_scale.completion_means(r.completion) in COMPLETE
    )
    lines = [f"{complete} of {total} actions {_verb(complete)} complete."]
    for name, label in (("Overdue", "overdue"), ("Off track", "rated off track")):
        count = len(view.exceptions.get(name, []))
        lines.append(f"{count} of {total} actions {_verb(count)} {label}.")
    soon = len(view.coming_up["next month"])
    lines.append(
        f"{soon} date{'s' if soon != 1 else ''} fall{'s' if soon == 1 else ''} due next month."
    )
    if view.as_published:
        lines.append("No monthly updates are recorded yet: ratings are as published.")
    if view.kpis:
        rated = sum(1 for card in view.kpis if card.status.rag)
        lines.append(
            f"{len(view.red_kpis)} of {rated} rated indicators {_verb(len(view.red_kpis))} Red."
        )
        if view.missed_kpis:
            lines.append(_missed_sentence(len(view.missed_kpis), len(view.kpis)))
    return lines


def _missed_sentence(missed: int, total: int) -> str:
    return f"{missed} of {total} indicators {_verb(missed)} past a target date with no figure."


def _verb(count: int) -> str:
    return "is" if count == 1 else "are"
