"""What history rules see: one change to a plan (the plan before, the plan after, the plan now, and who made it).

History rules read the plan data as loaded (text as written), not the validated model: an old
version may not pass today's schema, and building the model for each of hundreds of versions
would make the history slow. The few facts they need (the due date in force, the rating in force,
the updates by month) are read here, the same way plan/action_state.py reads them from the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

from sendplan_cli.plan.scale import normalise


@lru_cache(maxsize=4096)
def due_end(text: str | None) -> date | None:
    """The end of the final due period a date phrase names; None when it names none or cannot be read."""
    from sendplan_cli.plan.dates import DateParseError, parse_date_phrase

    if not isinstance(text, str):
        return None
    try:
        return parse_date_phrase(text.strip()).end
    except DateParseError:
        return None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


@dataclass(frozen=True)
class ActionFacts:
    """One action as written in one version of the plan."""

    data: dict[str, Any]

    @property
    def title(self) -> str:
        return _text(self.data.get("title")) or ""

    @cached_property
    def updates(self) -> list[dict[str, Any]]:
        found = self.data.get("updates")
        return [u for u in found if isinstance(u, dict)] if isinstance(found, list) else []

    def updates_by_month(self) -> dict[str, dict[str, Any]]:
        """Each recorded month's first entry."""
        out: dict[str, dict[str, Any]] = {}
        for update in self.updates:
            month = _text(update.get("month"))
            if month is not None:
                out.setdefault(month, update)
        return out

    @property
    def due(self) -> str | None:
        """The due date in force: the last update that agreed a new date, else the action's own."""
        for update in reversed(self.updates):
            if _text(update.get("due")):
                return _text(update.get("due"))
        return _text(self.data.get("due"))

    def _latest(self, key: str) -> str | None:
        dated = sorted(
            (str(u.get("month")), i)
            for i, u in enumerate(self.updates)
            if u.get("month") is not None
        )
        if dated:
            value = self.updates[dated[-1][1]].get(key)
            if value is not None or key == "commentary":
                return _text(value)
        return _text(self.data.get(key))

    @property
    def completion(self) -> str | None:
        """The completion rating in force: the latest update's, else as published."""
        return self._latest("completion")

    @property
    def impact(self) -> str | None:
        """The impact rating in force: the latest update's, else as published."""
        return self._latest("impact")

    @property
    def commentary(self) -> str | None:
        return self._latest("commentary")

    def records_move(self, old: date, new: date) -> bool:
        """True when an update records a new due date ending `new` and the date it replaced ending `old`."""
        return any(
            due_end(_text(u.get("due"))) == new and due_end(_text(u.get("previous_due"))) == old
            for u in self.updates
        )


@dataclass(frozen=True)
class PlanFacts:
    """One version of a plan as loaded: its actions by ref, recommendations by id, and rating scale."""

    data: dict[str, Any]

    def _items(self, key: str, name: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
        found = self.data.get(key)
        for index, item in enumerate(found if isinstance(found, list) else []):
            if isinstance(item, dict) and _text(item.get(name)) is not None:
                yield index, _text(item.get(name)), item  # type: ignore[misc]

    @cached_property
    def actions(self) -> dict[str, ActionFacts]:
        out: dict[str, ActionFacts] = {}
        for _, ref, item in self._items("actions", "ref"):
            out.setdefault(ref, ActionFacts(item))
        return out

    def decides_move(self, ref: str, old: date, new: date) -> bool:
        """True when a recorded decision for the action agreed a due date ending `new` in place of one ending `old`."""
        found = self.data.get("decisions")
        for decision in found if isinstance(found, list) else []:
            if not isinstance(decision, dict):
                continue
            actions = decision.get("actions")
            linked = [actions] if isinstance(actions, str) else actions
            if (
                isinstance(linked, list)
                and ref in [str(a).strip() for a in linked]
                and due_end(_text(decision.get("due"))) == new
                and due_end(_text(decision.get("previous_due"))) == old
            ):
                return True
        return False

    @cached_property
    def recommendations(self) -> dict[str, str]:
        """Each recommendation's text, by id, with spacing made regular."""
        return {
            rid: " ".join(str(item.get("text") or "").split())
            for _, rid, item in self._items("recommendations", "id")
        }

    def pointer(
        self, key: str, name: str, wanted: str, field: str | None = None
    ) -> tuple[str | int, ...]:
        """Where an item (and one of its fields, when written) sits; the plan's top when it is gone."""
        for index, found, item in self._items(key, name):
            if found == wanted:
                return (key, index, field) if field and field in item else (key, index)
        return ()

    @cached_property
    def _scale(self) -> dict[str, tuple[int, str]]:
        """Completion ratings by normalised name: (position from best, what it claims)."""
        from sendplan_cli.plan.scale import west_sussex_scale

        scale = self.data.get("rating_scale")
        ratings = scale.get("completion") if isinstance(scale, dict) else None
        if isinstance(ratings, list) and all(isinstance(r, dict) for r in ratings):
            return {
                normalise(str(r.get("name"))): (i, str(r.get("means")))
                for i, r in enumerate(ratings)
            }
        return {
            normalise(r.name): (i, r.means) for i, r in enumerate(west_sussex_scale().completion)
        }

    def step(self, rating: str | None) -> int | None:
        """A completion rating's position on the scale, best first; None when not on it."""
        found = self._scale.get(normalise(rating)) if rating else None
        return found[0] if found else None

    def is_complete(self, rating: str | None) -> bool:
        found = self._scale.get(normalise(rating)) if rating else None
        return found is not None and found[1] in {"complete-impactful", "complete"}


@dataclass(frozen=True)
class Change:
    """One step in the plan's history: the version before, the version after, and the plan now."""

    before: PlanFacts
    after: PlanFacts
    current: PlanFacts
    by: str
    """Who made the change and when, for messages: "in commit 1a2b3c4d5 by Jo Bloggs on 2025-02-03"."""
    day: date
    """The day the change was made: the commit's author date; the as-of date for edits not yet committed."""

    def changed_actions(self) -> Iterator[tuple[str, ActionFacts, ActionFacts]]:
        """(ref, before, after) for each action in both versions whose text changed.

        Versions share the data of unchanged text (git/versions.py), so an action that is the
        same object in both versions is unchanged and is skipped without comparing it."""
        return iter(self._changed)

    @cached_property
    def _changed(self) -> list[tuple[str, ActionFacts, ActionFacts]]:
        after = self.after.actions
        return [
            (ref, before, after[ref])
            for ref, before in self.before.actions.items()
            if ref in after and after[ref].data is not before.data
        ]


@dataclass(frozen=True)
class HistoryFinding:
    """What a history rule found: the item it is about (in the plan now) and what happened."""

    kind: str
    """"actions" or "recommendations"."""
    name: str
    """The action's ref or the recommendation's id."""
    message: str
    hint: str | None = None
    field: str | None = None
    """The field to point at in the plan now, when it is still written."""
