"""The timeline of a plan or one action: every change git recorded, merged with the recorded updates.

Git says when a date, rating, lead or commentary was edited and by whom; the `updates` entries
say what the board was told each month. `sendplan history` shows both in one chronological list,
each event saying which source it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sendplan_cli.git.changes import ActionFacts, PlanFacts
from sendplan_cli.git.versions import Version

FIELDS = ("title", "leads", "due", "completion", "impact", "commentary")
_UPDATE_FIELDS = ("completion", "impact", "due", "commentary")


@dataclass(frozen=True)
class Event:
    """One change to one action."""

    day: str
    """ISO date: the commit's author date, or the first day of a recorded update's month."""
    source: str
    """"commit" (git), "uncommitted" (the working tree) or "update" (an entry in the plan's updates)."""
    ref: str
    what: str
    """The field that changed, or "added" / "removed" for the action, or "update recorded/changed/removed"."""
    before: str | None = None
    after: str | None = None
    commit: str | None = None
    author: str | None = None
    month: str | None = None
    """The update's month, for events from recorded updates."""
    committed: bool = True
    """False for a change only in the working tree, a recorded update's field included."""


def _value(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value if v is not None) or None
    return " ".join(str(value).split()) if value is not None else None


def _git_events(
    before: PlanFacts | None, after: PlanFacts, version: Version, ref: str | None
) -> Iterator[Event]:
    commit = version.commit
    stamp: dict[str, Any] = {
        "day": version.day.isoformat(),
        "source": "commit" if commit else "uncommitted",
        "committed": commit is not None,
        "commit": commit.short if commit else None,
        "author": commit.author if commit else None,
    }
    old = before.actions if before is not None else {}
    for name, action in after.actions.items():
        if ref is not None and name != ref:
            continue
        was = old.get(name)
        if was is None:
            yield Event(ref=name, what="added", after=action.title, **stamp)
        elif was.data is not action.data:
            yield from _field_events(name, was, action, stamp)
    for name, action in old.items():
        if name not in after.actions and (ref is None or name == ref):
            yield Event(ref=name, what="removed", before=action.title, **stamp)


def _field_events(
    name: str, was: ActionFacts, now: ActionFacts, stamp: dict[str, Any]
) -> Iterator[Event]:
    for key in FIELDS:
        a, b = _value(was.data, key), _value(now.data, key)
        if a != b:
            yield Event(ref=name, what=key, before=a, after=b, **stamp)
    old, new = was.updates_by_month(), now.updates_by_month()
    for month in sorted(set(old) | set(new)):
        if old.get(month) != new.get(month):
            what = (
                "update recorded"
                if month not in old
                else "update removed"
                if month not in new
                else "update changed"
            )
            yield Event(ref=name, what=what, month=month, **stamp)


def _first_day(month: str) -> str:
    from sendplan_cli.plan.dates import DateParseError, parse_month

    try:
        return parse_month(month).isoformat()
    except DateParseError:
        return month


def _in_git(saved: ActionFacts | None, update: dict[str, Any], key: str) -> bool:
    """Whether the last committed version holds this update's value for key (and, for a date, the date it replaced)."""
    entry = saved.updates_by_month().get(_value(update, "month") or "") if saved else None
    keys = (key, "previous_due") if key == "due" else (key,)
    return entry is not None and all(_value(entry, k) == _value(update, k) for k in keys)


def _update_events(
    current: PlanFacts, ref: str | None, baseline: PlanFacts | None, committed: PlanFacts | None
) -> Iterator[Event]:
    for name, action in current.actions.items():
        if ref is not None and name != ref:
            continue
        was = baseline.actions.get(name) if baseline is not None else None
        saved = committed.actions.get(name) if committed is not None else None
        already = was.updates if was is not None else []
        in_force = {key: _value(action.data, key) for key in _UPDATE_FIELDS}
        for update in sorted(action.updates, key=lambda u: str(u.get("month"))):
            month = _value(update, "month")
            if month is None:
                continue
            if update in already:
                for (
                    key
                ) in _UPDATE_FIELDS:  # recorded by the revision compared with: not a change since
                    in_force[key] = _value(update, key) or in_force[key]
                continue
            for key in _UPDATE_FIELDS:
                value = _value(update, key)
                if value is None:
                    continue
                before = (
                    _value(update, "previous_due")
                    if key == "due" and update.get("previous_due")
                    else in_force[key]
                )
                yield Event(
                    day=_first_day(month),
                    source="update",
                    ref=name,
                    what=key,
                    before=before,
                    after=value,
                    month=month,
                    committed=_in_git(saved, update, key),
                )
                in_force[key] = value


def timeline(versions: list[Version], ref: str | None = None) -> list[Event]:
    """Every change, oldest first: git's record of each version, and the updates as recorded in the latest.

    When the first version is a baseline (the revision the changes are counted from), it only
    sets where they start: neither its actions nor the updates it already held are changes."""
    events: list[Event] = []
    previous: PlanFacts | None = None
    baseline: PlanFacts | None = None
    committed: PlanFacts | None = None
    for version in versions:
        facts = PlanFacts(version.data)
        if version.baseline:
            previous = baseline = committed = facts
            continue
        events += _git_events(previous, facts, version, ref)
        previous = facts
        if version.commit is not None:
            committed = facts
    if previous is not None:
        events += _update_events(previous, ref, baseline, committed)
    order = {"update": 0, "commit": 1, "uncommitted": 2}
    return sorted(_once(events), key=lambda e: (e.day, order[e.source]))


def _once(events: list[Event]) -> list[Event]:
    """Without the working tree's "update recorded/changed" when the update's own fields already say it.

    An update written but not yet committed is one edit: its fields are listed at their month,
    marked not committed, and the working tree's note of the same entry would list it twice. The
    note stays when no field of the entry is listed (a proposed date only, say)."""
    listed = {(e.ref, e.month) for e in events if e.source == "update" and not e.committed}
    return [
        e
        for e in events
        if not (
            e.source == "uncommitted"
            and e.what in ("update recorded", "update changed")
            and (e.ref, e.month) in listed
        )
    ]


def known_refs(versions: list[Version]) -> set[str]:
    """Every action ref any version held."""
    return {ref for version in versions for ref in PlanFacts(version.data).actions}
