"""Checks the schema cannot express: ratings from the plan's own scale, ids that must exist."""

from __future__ import annotations

from sendplan_cli.plan.loader import LoadedPlan, Pointer
from sendplan_cli.plan.locate import suggest
from sendplan_cli.plan.model import Plan
from sendplan_cli.plan.scale import normalise


def check_references(plan: Plan, loaded: LoadedPlan) -> None:
    """Record located errors for unknown ratings and unknown recommendation or workstream ids."""
    scale = plan.rating_scale
    completion = [r.name for r in scale.completion]
    impact = [r.name for r in scale.impact]
    for i, action in enumerate(plan.actions):
        base: Pointer = ("actions", i)
        action.completion = _rating(loaded, (*base, "completion"), action.completion, completion, "completion")
        action.impact = _rating(loaded, (*base, "impact"), action.impact, impact, "impact")
        for j, update in enumerate(action.updates):
            where: Pointer = (*base, "updates", j)
            update.completion = _rating(loaded, (*where, "completion"), update.completion, completion, "completion")
            update.impact = _rating(loaded, (*where, "impact"), update.impact, impact, "impact")
        ids = [r.id for r in plan.recommendations]
        for j, cited in enumerate(action.recommendations):
            _known(loaded, (*base, "recommendations", j), cited, ids, "recommendation")
    if plan.workstreams:
        ids = [w.id for w in plan.workstreams]
        for i, rec in enumerate(plan.recommendations):
            if rec.workstream is not None:
                _known(loaded, ("recommendations", i, "workstream"), rec.workstream, ids, "workstream")


def _rating(loaded: LoadedPlan, pointer: Pointer, value: str | None, names: list[str], kind: str) -> str | None:
    """The rating as the scale spells it; an unknown rating is recorded and kept as written."""
    if value is None:
        return None
    for name in names:
        if normalise(name) == normalise(value):
            return name
    close = suggest(value.strip(), names)
    hint = (f"did you mean '{close}'? " if close else "") + f"the {kind} ratings are: " + ", ".join(names)
    article = "an" if kind[0] in "aeiou" else "a"
    loaded.error("unknown-rating", f"'{value}' is not {article} {kind} rating in this plan's scale",
                 loaded.position(pointer), hint, pointer)
    return value


def _known(loaded: LoadedPlan, pointer: Pointer, value: str, ids: list[str], what: str) -> None:
    if value in ids:
        return
    close = suggest(value, ids)
    hint = f"did you mean '{close}'?" if close else (f"the {what}s are: " + ", ".join(ids) if ids else f"define the {what} first")
    loaded.error("unknown-reference", f"there is no {what} with id '{value}'", loaded.position(pointer), hint, pointer)

