"""Each accepted row through the existing round-trip writers, chained into one new version of the plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.spreadsheet.form import (
    action_fingerprint,
    indicator_fingerprint,
    plan_fingerprint,
)
from sendplan_cli.authoring.spreadsheet.outcome import Outcome
from sendplan_cli.authoring.spreadsheet.rows import ActionFormRow, FigureRow
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.plan.action_state import accountable_leads
from sendplan_cli.plan.model import Plan
from sendplan_cli.plan.scale import normalise


def load(plan_path: Path) -> tuple[Plan, bytes]:
    """The plan now; one with errors is refused before any form is read."""
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.plan.reading import ReadRefused, read_plan_bytes

    try:
        raw = read_plan_bytes(plan_path)
    except ReadRefused as exc:
        raise UsageError(
            f"{plan_path}: {exc.message}" + (f"; {exc.hint}" if exc.hint else "")
        ) from None
    loaded, plan = load_model(plan_path, raw=raw)
    if plan is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        where = f" (line {first.line}: {one_line(first.message)})" if first else ""
        raise UsageError(
            f"{plan_path}: the plan has errors{where}; run `sendplan validate` and fix them first"
        )
    return plan, raw


def _same(existing: Any, answers: dict[str, str]) -> bool:
    """The month's update already says all this (ratings compared as the scale compares them)."""
    if existing is None:
        return False
    for key, value in answers.items():
        held = getattr(existing, key)
        held = held.text if hasattr(held, "text") else held
        if held is None or (
            normalise(str(held)) != normalise(value)
            if key in ("completion", "impact")
            else held != value
        ):
            return False
    return True


def _describe(row: ActionFormRow) -> str:
    parts = [
        f"{k.replace('_', ' ')} {one_line(v)}"
        for k, v in row.answers().items()
        if k in ("completion", "impact", "proposed_due")
    ]
    if row.commentary:
        parts.append("commentary")
    return f"action {one_line(row.ref)}: " + ", ".join(parts) + f" (from {row.where})"


def apply_rows(
    plan_path: Path,
    plan: Plan,
    raw: bytes,
    month: date,
    actions: list[ActionFormRow],
    figures: list[FigureRow],
    outcome: Outcome,
    today: date,
) -> bytes:
    """The plan's bytes with every accepted row recorded; rows that conflict are named and left out.

    today: a figure for a period not yet ended on this day is refused, as `update` refuses it."""
    from sendplan_cli.authoring.actuals import ActualChange, apply_actual
    from sendplan_cli.authoring.update import Change, action_indexes, apply_changes, prepare_change

    current = raw
    indexes = action_indexes(
        plan
    )  # looked up per row: a list scan per row made a large import quadratic
    version = plan_fingerprint(raw)
    accepted: list[Change] = []
    described: list[str] = []
    for row in actions:
        if row.ref not in indexes:
            outcome.problems.append(
                f"{row.where}: action {one_line(row.ref)} is no longer in the plan; nothing was recorded for it"
            )
            continue
        index = indexes[row.ref]
        action = plan.actions[index]
        lead = row.form.meta.get("lead")
        if lead and lead not in accountable_leads(action):
            outcome.problems.append(
                f"{row.where}: action {one_line(row.ref)} is not {one_line(lead)}'s in the plan (its "
                f"leads are {one_line(', '.join(accountable_leads(action)) or 'none')}), and a form speaks "
                "only for its own lead's actions; nothing was recorded for it. Ask the action's lead for "
                "the update, or record it with `sendplan update action`"
            )
            continue
        if _same(next((u for u in action.updates if u.month == month), None), row.answers()):
            outcome.unchanged += 1
            continue
        if (
            row.form.meta.get("plan_sha256") != version
            and action_fingerprint(action, index, month) != row.fingerprint
        ):
            outcome.problems.append(
                f"{row.where}: action {one_line(row.ref)} changed in the plan since this form was made "
                f"(its ratings, due date or {month:%B %Y} update); nothing was recorded for it. "
                "Export a fresh form, or record this row with `sendplan update action`"
            )
            continue
        change = Change(
            row.ref,
            f"{month:%Y-%m}",
            row.completion,
            row.impact,
            row.commentary,
            proposed_due=row.proposed_due,
            proposed_due_reason=row.proposed_due_reason,
        )
        try:
            prepare_change(plan_path, plan, change, indexes)
        except UsageError as exc:
            outcome.problems.append(f"{row.where}: {exc}")
            continue
        accepted.append(change)
        described.append(_describe(row))
    if accepted:
        try:  # every update in one edit: one round trip of the file, however many rows
            current = apply_changes(plan_path, accepted, raw=current)[1]
            outcome.recorded += described
        except UsageError as exc:
            outcome.problems.append(f"{exc}; no action update was recorded")
    for figure in figures:
        current = _apply_figure(
            plan_path, plan, version, figure, current, outcome, today, ActualChange, apply_actual
        )
    return current


def _apply_figure(
    plan_path: Path,
    plan: Plan,
    version: str,
    figure: FigureRow,
    current: bytes,
    outcome: Outcome,
    today: date,
    ActualChange: Any,
    apply_actual: Any,
) -> bytes:  # noqa: N803 - the writer's types, imported late
    from sendplan_cli.plan.dates import parse_figure_period
    from sendplan_cli.plan.kpi_periods import period_span

    ids = [i.id for i in plan.indicators]
    if figure.indicator not in ids:
        outcome.problems.append(
            f"{figure.where}: indicator {one_line(figure.indicator)} is no longer in the plan; nothing was recorded for it"
        )
        return current
    index = ids.index(figure.indicator)
    indicator = plan.indicators[index]
    lead = figure.form.meta.get("lead")
    if lead and indicator.owner != lead:
        outcome.problems.append(
            f"{figure.where}: indicator {one_line(figure.indicator)} is not {one_line(lead)}'s in the plan "
            f"(its owner is {one_line(indicator.owner or 'nobody')}), and a form speaks only for its own "
            "lead's indicators; nothing was recorded for it. Ask the owner for the figure, or record it "
            "with `sendplan update indicator`"
        )
        return current
    if (
        figure.form.meta.get("plan_sha256") != version
        and indicator_fingerprint(plan, index) != figure.fingerprint
    ):
        outcome.problems.append(
            f"{figure.where}: indicator {one_line(figure.indicator)} was renamed or its unit changed since "
            "this form was made; nothing was recorded for it. Check the figure, then record it with "
            "`sendplan update indicator` or send a fresh form"
        )
        return current
    span = period_span(indicator, parse_figure_period(figure.period))
    held = next((a for a in indicator.actuals if period_span(indicator, a.period) == span), None)
    if held is not None:
        if held.value == figure.value and (figure.note is None or held.note == figure.note):
            outcome.unchanged += 1
        else:
            outcome.problems.append(
                f"{figure.where}: indicator {one_line(figure.indicator)} already has a figure for {one_line(held.period.text)} "
                f"({held.value:.15g}) and the form says {figure.value:.15g}; nothing was recorded for it. If the form is right, run "
                f'`sendplan update indicator PLAN "{one_line(figure.indicator)}" --period "{one_line(figure.period)}" '
                f"--value {figure.value:.15g} --replace`"
            )
        return current
    try:
        after = apply_actual(
            plan_path,
            ActualChange(
                figure.indicator,
                figure.period,
                str(figure.value),
                figure.note,
                today=today,
                named="period",
            ),
            raw=current,
        )[1]
    except UsageError as exc:
        outcome.problems.append(f"{figure.where}: {exc}")
        return current
    outcome.recorded.append(
        f"indicator {one_line(figure.indicator)}: {one_line(figure.period)} = {figure.value:.15g} (from {figure.where})"
    )
    return after
