"""`sendplan import`: returned forms into the plan, through the round-trip writers, in one atomic write.

Nothing from a form is written while any of its cells is wrong. Two forms that disagree about
an action, or a row whose action changed in the plan since the form was made, are conflicts:
named, and nothing is written for that action. Answers already in the plan are "no change",
so importing a form twice changes nothing.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from pathlib import Path

from sendplan_cli.authoring.spreadsheet.cells import as_shown
from sendplan_cli.authoring.spreadsheet.form import addressee, heading
from sendplan_cli.authoring.spreadsheet.outcome import Outcome
from sendplan_cli.authoring.spreadsheet.reader import Form, open_form, shape_problems
from sendplan_cli.authoring.spreadsheet.rows import ActionFormRow, FigureRow, read_rows
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.plan.dates import DateParseError, not_yet_begun, parse_month
from sendplan_cli.plan.model import Plan


def _check_identity(
    form: Form, plan: Plan, plan_path: Path, month: date | None, this_month: date
) -> date:
    made_for = (form.meta.get("title"), form.meta.get("partnership"))
    if made_for != (plan.title, plan.partnership):
        raise UsageError(
            f"{form.name}: this form was made for {one_line(made_for[0])!r} ({one_line(form.meta.get('plan'))}), "
            f"not for {one_line(plan_path)} ({one_line(plan.title)!r}); import it into its own plan"
        )
    try:
        form_month = parse_month(form.meta.get("month", ""))
    except DateParseError:
        raise UsageError(
            f"{form.name}: its record of the month it is for is damaged; use a fresh form"
        ) from None
    if month is not None and form_month != month:
        raise UsageError(
            f"{form.name}: this form is for {form_month:%B %Y}, not {month:%B %Y}; "
            f"import it with --month {form_month:%Y-%m}, or send the lead the {month:%B %Y} form"
        )
    if not_yet_begun(form_month, this_month):
        raise UsageError(
            f"{form.name}: this form is for {form_month:%B %Y}, which has not begun; a month's updates are "
            f"recorded once it has started, so import it in {form_month:%B %Y} or later"
        )
    lead = form.meta.get("lead") or None
    # The hidden record is what import trusts; the lead saw the Guide sheet. If they disagree, one was edited.
    for cell, expected, about in (
        ("A1", heading(plan.title, form_month), f"is for {form_month:%B %Y}"),
        ("A2", addressee(lead), f"is {lead}'s" if lead else "is for every lead"),
    ):
        found = form.shown[0 if cell == "A1" else 1]
        if found != as_shown(expected):
            raise UsageError(
                f"{form.where('Guide', cell)}: the form says {one_line(found)!r} but its hidden record says it "
                f"{one_line(about)}; it was altered after it was sent. Ask the lead to fill in a fresh form"
            )
    return form_month


def _gather(
    plan_path: Path,
    plan: Plan,
    forms: list[Path],
    month: date | None,
    this_month: date,
    outcome: Outcome,
):  # type: ignore[no-untyped-def]
    """Read every form; a form with any problem contributes nothing, and a file that is no usable form stops the import."""
    opened: list[tuple[Form, date]] = []
    for path in forms:
        try:
            form = open_form(path, (len(plan.actions), len(plan.indicators)))
            opened.append((form, _check_identity(form, plan, plan_path, month, this_month)))
        except UsageError as exc:
            outcome.problems.append(str(exc))
            outcome.unusable = True
    months = sorted({m for _, m in opened})
    if len(months) > 1:
        outcome.problems.append(
            "the forms are for "
            + " and ".join(f"{m:%B %Y}" for m in months)
            + "; import one month's forms at a time (--month says which)"
        )
        outcome.unusable = True
    if outcome.unusable:
        outcome.problems.append(
            "nothing was recorded; leave out or replace the files named above and import again"
        )
        return [], [], None
    actions: list[ActionFormRow] = []
    figures: list[FigureRow] = []
    for form, form_month in opened:
        problems = shape_problems(form)
        rows, figs, cell_problems = (
            read_rows(form, plan, form_month) if not problems else ([], [], [])
        )
        problems += cell_problems
        if problems:
            outcome.problems += problems
            outcome.problems.append(
                f"{form.name}: nothing from this form was recorded; correct the cells named above and import it again"
            )
            continue
        if not rows and not figs:
            outcome.blank.append(
                f"{form.name}: came back blank: no rating, commentary, proposed date or figure is filled in; "
                "nothing to record from it (ask the lead for their update if one is due)"
            )
        actions += rows
        figures += figs
    return actions, figures, (months[0] if months else None)


def _disagreements(rows: list, key, label: str, outcome: Outcome) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Rows that agree with every other form's row for the same thing; the rest are named as conflicts."""
    groups: dict[object, list] = {}  # type: ignore[type-arg]
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    kept = []
    for ident, group in groups.items():
        answers = {repr(_answers(r)) for r in group}
        if len(answers) > 1:
            cells = " and ".join(r.where for r in group)
            outcome.problems.append(
                f"{cells}: the forms disagree about {label} {one_line(ident)}; nothing was recorded "
                "for it. Agree one answer with the leads, correct the other form(s) and import again"
            )
        else:
            kept.append(group[0])
    return kept


def _answers(row: ActionFormRow | FigureRow) -> object:
    return row.answers() if isinstance(row, ActionFormRow) else (row.period, row.value, row.note)


def import_forms(
    plan_path: Path, forms: list[Path], month_text: str | None, dry_run: bool, today: date
) -> Outcome:
    """Read the forms and record what they say; every problem is in the outcome, none raised for a form.

    today: a form for a month after today's is refused, and so is a figure for a period not yet ended."""
    from sendplan_cli.authoring.spreadsheet.apply import apply_rows, load
    from sendplan_cli.ground.atomic import (
        refuse_unsafe_replace,
        remove_stale_temporaries,
        write_atomic,
    )
    from sendplan_cli.ground.lock import plan_lock

    try:
        month = parse_month(month_text) if month_text is not None else None
    except DateParseError:
        raise UsageError(f"--month {one_line(month_text)!r}: use YYYY-MM, e.g. 2025-02") from None
    outcome = Outcome(forms=len(forms))
    if not dry_run:
        refuse_unsafe_replace(plan_path)
    with plan_lock(plan_path) if not dry_run else nullcontext():
        if not dry_run:
            remove_stale_temporaries(plan_path)
        plan, raw = load(plan_path)
        actions, figures, form_month = _gather(
            plan_path, plan, forms, month, today.replace(day=1), outcome
        )
        outcome.month = form_month
        actions = _disagreements(actions, lambda r: r.ref, "action", outcome)
        figures = _disagreements(
            figures, lambda r: f"{r.indicator} for {r.period}", "the figure of indicator", outcome
        )
        after = (
            apply_rows(plan_path, plan, raw, form_month, actions, figures, outcome, today)
            if form_month
            else raw
        )
        if after != raw and not dry_run:
            if plan_path.read_bytes() != raw:
                raise UsageError(
                    f"{plan_path}: the file changed on disk while sendplan was importing; run the command again"
                )
            write_atomic(plan_path, after)
    from sendplan_cli.authoring.roundtrip import unified_diff

    outcome.diff = unified_diff(plan_path, raw, after) if after != raw else ""
    outcome.summary = _summary(plan_path, outcome, dry_run, after != raw)
    return outcome


def _summary(plan_path: Path, outcome: Outcome, dry_run: bool, changed: bool) -> str:
    lines = [f"  {line}" for line in outcome.recorded]
    verb = "would record" if dry_run else "recorded"
    month = f" for {outcome.month:%B %Y}" if outcome.month else ""
    if changed:
        head = f"{one_line(plan_path)}: {verb} {len(outcome.recorded)} change(s){month}"
    else:
        head = f"{one_line(plan_path)}: no change{month}" + (
            " (some forms had problems, listed above)" if outcome.problems else ""
        )
    if outcome.unchanged:
        head += f"; {outcome.unchanged} row(s) already recorded"
    return "\n".join([head + (":" if lines else ""), *lines])
