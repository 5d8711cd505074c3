"""Checks the schema cannot express: ratings from the plan's own scale, ids that must exist."""

from __future__ import annotations

from sendplan_cli.plan.loader import LoadedPlan, Pointer
from sendplan_cli.plan.locate import suggest
from sendplan_cli.plan.model import Plan
from sendplan_cli.plan.scale import normalise


def check_references(plan: Plan, loaded: LoadedPlan) -> None:
    """Record located errors for unknown ratings and unknown recommendation or workstream ids."""
    scale = plan.rating_scale
    completion = _Ratings([r.name for r in scale.completion], "completion")
    impact = _Ratings([r.name for r in scale.impact], "impact")
    ids = [r.id for r in plan.recommendations]
    for i, action in enumerate(plan.actions):
        base: Pointer = ("actions", i)
        for model, pointer in (
            (action, base),
            *((u, (*base, "updates", j)) for j, u in enumerate(action.updates)),
        ):
            for field, ratings in (("completion", completion), ("impact", impact)):
                written = getattr(model, field)
                if written is not None:
                    named = ratings.spelled(written, loaded, (*pointer, field))
                    if (
                        named != written
                    ):  # a model's attribute is set only to change it: setting is slow
                        setattr(model, field, named)
        for j, cited in enumerate(action.recommendations):
            _known(loaded, (*base, "recommendations", j), cited, ids, "recommendation")
    if plan.workstreams:
        ids = [w.id for w in plan.workstreams]
        for i, rec in enumerate(plan.recommendations):
            if rec.workstream is not None:
                _known(
                    loaded, ("recommendations", i, "workstream"), rec.workstream, ids, "workstream"
                )


class _Ratings:
    """One scale's rating names, looked up by their normalised spelling (the first of equal spellings wins)."""

    def __init__(self, names: list[str], kind: str) -> None:
        self.names, self.kind = names, kind
        self.by_spelling = {normalise(name): name for name in reversed(names)}

    def spelled(self, value: str, loaded: LoadedPlan, pointer: Pointer) -> str:
        """The rating as the scale spells it; an unknown rating is recorded and kept as written."""
        found = self.by_spelling.get(normalise(value))
        if found is not None:
            return found
        names, kind = self.names, self.kind
        close = suggest(value.strip(), names)
        hint = (
            (f"did you mean '{close}'? " if close else "")
            + f"the {kind} ratings are: "
            + ", ".join(names)
        )
        article = "an" if kind[0] in "aeiou" else "a"
        loaded.error(
            "unknown-rating",
            f"'{value}' is not {article} {kind} rating in this plan's scale",
            loaded.position(pointer),
            hint,
            pointer,
        )
        return value


def _known(loaded: LoadedPlan, pointer: Pointer, value: str, ids: list[str], what: str) -> None:
    if value in ids:
        return
    close = suggest(value, ids)
    hint = (
        f"did you mean '{close}'?"
        if close
        else (f"the {what}s are: " + ", ".join(ids) if ids else f"define the {what} first")
    )
    loaded.error(
        "unknown-reference",
        f"there is no {what} with id '{value}'",
        loaded.position(pointer),
        hint,
        pointer,
    )
