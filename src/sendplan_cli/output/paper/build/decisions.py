"""Decisions sought: the plan's own first, then numbered recommendations drawn from the exceptions."""

from __future__ import annotations

from sendplan_cli.output.paper.build.exception_rows import MISSED, OVERDUE, ExceptionRow
from sendplan_cli.output.paper.build.facts import Facts, leads_words
from sendplan_cli.output.paper.document.paper_model import Block, Decision, Decisions, Para

FOR_DECISION = "For decision"
FOR_NOTING = "For noting"
GENERATED = "(Drawn from this month's exceptions.)"
ONE_EACH = 10
"""Up to this many overdue actions get a recommendation each; more are asked about in one."""


def _named(rows: list[ExceptionRow]) -> str:
    """The actions with their leads; past ONE_EACH, the rest are counted (each is in the Exceptions table)."""
    named = "; ".join(
        f"{r.ref} {r.title.rstrip('.')} (lead: {leads_words(r.leads)})" for r in rows[:ONE_EACH]
    )
    more = len(rows) - ONE_EACH
    return named + (f"; and {more} more, each listed under Exceptions" if more > 0 else "")


def _generated(f: Facts) -> list[tuple[str, str]]:
    """(mark, words) for each recommendation the exceptions call for, in the order the board takes them."""
    out: list[tuple[str, str]] = []
    overdue = [r for r in f.exceptions if OVERDUE in r.kinds and not r.proposal]
    if len(overdue) <= ONE_EACH:
        for r in overdue:
            out.append(
                (
                    FOR_DECISION,
                    f"{r.ref} {r.title.rstrip('.')} (lead: {leads_words(r.leads)}) is overdue "
                    f"({r.months_words} in exception): re-rate it, or agree a new date.",
                )
            )
    else:
        out.append(
            (
                FOR_DECISION,
                f"Re-rate, or agree new dates for, the {len(overdue)} overdue actions: {_named(overdue)}.",
            )
        )
    missed = [
        r for r in f.exceptions if MISSED in r.kinds and OVERDUE not in r.kinds and not r.proposal
    ]
    if missed:
        out.append(
            (
                FOR_NOTING,
                f"Milestones or activity dates missed by {len(missed)} open "
                f"action{'s' if len(missed) != 1 else ''}: {_named(missed)}; leads to propose new dates.",
            )
        )
    for r in f.exceptions:
        if (
            r.indicator
            and r.kinds == ("Indicator rated Red",)
            and r.ask.startswith("Confirm or challenge")
        ):
            owner = leads_words(r.leads)
            out.append(
                (
                    FOR_DECISION,
                    f"{r.ref} {r.title} (owner: {owner}) is Red: {r.ask[0].lower()}{r.ask[1:]}",
                )
            )
    unrated = [row for row in f.view.rows if row.completion is None]
    if unrated and f.unrated:
        # Every action: the leads are the plan's whole list, in the tracker; naming them all here would fill the page.
        out.append(
            (
                FOR_NOTING,
                f"None of the {len(unrated)} actions is rated yet: each action's lead records its completion "
                "and impact ratings before the next board (the leads are in Appendix A).",
            )
        )
    elif unrated:
        by_lead: dict[str, list[str]] = {}
        for row in unrated:
            by_lead.setdefault(leads_words(row.leads), []).append(row.ref)
        who = "; ".join(f"{lead} ({', '.join(refs)})" for lead, refs in by_lead.items())
        out.append(
            (
                FOR_NOTING,
                f"{len(unrated)} action{'s are' if len(unrated) != 1 else ' is'} not rated; "
                f"the leads record ratings before the next board: {who}.",
            )
        )
    return out


def decisions(f: Facts) -> tuple[Block, ...]:
    view = f.view
    asked = list(view.entry.decisions_sought) if view.entry else []
    items = [(FOR_DECISION, str(d), False) for d in asked]
    items += [(FOR_DECISION, p.decision, False) for p in view.proposals]
    items += [(mark, f"{words} {GENERATED}", True) for mark, words in _generated(f)]
    if not items:
        return (
            Para(
                f"No decisions are recorded for {f.month_label} in the plan, and nothing is in exception: "
                "the board is asked to note the position."
            ),
        )
    return (
        Decisions(
            tuple(Decision(n, words, mark, gen) for n, (mark, words, gen) in enumerate(items, 1))
        ),
    )
