"""The paper's one list of exceptions: each action or indicator once, with what is wrong and the ask."""

from __future__ import annotations

from dataclasses import dataclass

from sendplan_cli.output.paper.build.exceptions import MISMATCH, MISSED, OFF_TRACK, OVERDUE
from sendplan_cli.output.paper.build.view import PlanView

# The kinds of exception that put an action on the list; missing commentary and a missing update are data
# quality, said in one line, not counted as exceptions.
ACTION_KINDS = (OVERDUE, MISSED, OFF_TRACK, MISMATCH)
IMPACT_MISMATCH = "rating-contradicts-impact"
"""The one mismatch an action already late on its dates still needs said: its impact."""


@dataclass(frozen=True)
class ExceptionRow:
    """One action or indicator in exception."""

    ref: str
    title: str
    leads: tuple[str, ...]
    what: str
    """What is wrong, in words: each of its exceptions, in the order the board reads them."""
    months: int | None
    months_words: str
    mitigation: str | None
    ask: str
    kinds: tuple[str, ...]
    """Overdue, Missed milestones and activity dates, Off track, Ratings that do not match, or for an
    indicator "Indicator rated Red" / "Indicator past a target date"."""
    indicator: bool = False
    due: str = ""
    proposal: str | None = None
    """A new date proposed and not yet agreed, in words, or none."""


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:].rstrip(".")


def _ask(kinds: tuple[str, ...], proposal: str | None) -> str:
    if proposal:
        return f"Agree or refuse the new date proposed ({proposal})."
    if OVERDUE in kinds:
        return "Re-rate the action, or agree a new date."
    if MISSED in kinds:
        return "Agree new dates for the missed milestones, or say why the final date still stands."
    if OFF_TRACK in kinds:
        return "Agree the recovery the lead proposes, or escalate."
    return "Correct the rating so it matches the dates and the impact."


def exception_rows(view: PlanView) -> list[ExceptionRow]:
    """The plan's exceptions, one row for each action or indicator, longest in exception first within kind."""
    findings = {row.ref: row.findings for row in view.rows}
    merged: dict[str, list] = {}  # type: ignore[type-arg]
    for kind in ACTION_KINDS:
        for item in view.exceptions.get(kind, []):
            merged.setdefault(item.ref, []).append((kind, item))
    rows = []
    for ref, found in merged.items():
        kinds = tuple(dict.fromkeys(k for k, _ in found))
        first = found[0][1]
        months = [i.months for _, i in found if i.months is not None]
        longest = max(found, key=lambda ki: ki[1].months or -1)[1]
        # A rating that contradicts a date the action has already missed says the same thing twice:
        # for a late action only the impact mismatch is added.
        dated = OVERDUE in kinds or MISSED in kinds
        reasons = dict.fromkeys(_sentence(i.reason) for k, i in found if k != MISMATCH or not dated)
        if dated and MISMATCH in kinds:
            reasons.update(
                dict.fromkeys(
                    _sentence(d.message) for d in findings.get(ref, ()) if d.name == IMPACT_MISMATCH
                )
            )
        proposal = first.proposal.note if first.proposal is not None else None
        rows.append(
            ExceptionRow(
                ref=ref,
                title=first.title,
                leads=tuple(first.leads),
                what="; ".join(reasons) + ".",
                months=max(months) if months else None,
                months_words=longest.months_words,
                mitigation=first.mitigation,
                ask=_ask(kinds, proposal),
                kinds=kinds,
                due=first.due,
                proposal=proposal,
            )
        )
    order = {k: i for i, k in enumerate(ACTION_KINDS)}
    rows.sort(key=lambda r: (order[r.kinds[0]], -(r.months or 0)))
    rows.extend(_indicator_rows(view))
    return rows


def _indicator_rows(view: PlanView) -> list[ExceptionRow]:
    rows: dict[str, ExceptionRow] = {}
    for card in view.red_kpis:
        ind = card.status.indicator
        missing = [
            w
            for w, v in (
                ("name an owner", ind.owner),
                ("agree a recovery date", card.status.next_milestone),
            )
            if not v
        ]
        ask = "Confirm the Red rating and the recovery planned."
        if missing:
            ask = f"Confirm or challenge the Red rating; {' and '.join(missing)}."
        rows[ind.id] = ExceptionRow(
            ref=ind.id,
            title=ind.name,
            leads=(ind.owner,) if ind.owner else (),
            what=card.status.reason[:1].upper() + card.status.reason[1:] + ".",
            months=None,
            months_words="not known",
            mitigation=None,
            ask=ask,
            kinds=("Indicator rated Red",),
            indicator=True,
        )
    for card in view.missed_kpis:
        ind = card.status.indicator
        if ind.id in rows:
            continue
        rows[ind.id] = ExceptionRow(
            ref=ind.id,
            title=ind.name,
            leads=(ind.owner,) if ind.owner else (),
            what=f"Past a target date with no figure: {card.row['missed']}.",
            months=None,
            months_words="not known",
            mitigation=None,
            ask="Record the figure, or say when it will be published.",
            kinds=("Indicator past a target date",),
            indicator=True,
        )
    return list(rows.values())
