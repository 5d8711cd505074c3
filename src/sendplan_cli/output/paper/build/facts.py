"""What every section builder reads: the plan's computed view, the dates, and the exceptions listed once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendplan_cli.output.paper.build.exception_rows import ExceptionRow, exception_rows
from sendplan_cli.output.paper.build.view import PlanView

NONE = "None recorded"
"""The one way the paper shows a value the plan does not give (a lead, an owner, a commentary)."""


def movement_words(movement: str) -> str:
    """A row's movement as the board reads it. Templates keep the token "as published" (a documented
    value); the paper says what it means for the ratings shown."""
    return "no update yet" if movement == "as published" else movement


@dataclass(frozen=True)
class Facts:
    view: PlanView
    month: date
    as_of: date
    generated: date
    several: bool
    """True when the paper covers several plans (headings of appendices then name their plan)."""
    exceptions: tuple[ExceptionRow, ...]
    """Each action or indicator in exception, once, in the order the board reads them."""

    @property
    def month_label(self) -> str:
        return f"{self.month:%B %Y}"

    @property
    def as_of_words(self) -> str:
        return f"{self.as_of:%d %b %Y}"

    @property
    def unrated(self) -> bool:
        """True when no action has a completion rating: there is nothing to chart or compare."""
        rows = self.view.rows
        return bool(rows) and all(row.completion is None for row in rows)


def facts(
    view: PlanView, month: date, as_of: date, generated: date, several: bool = False
) -> Facts:
    """The facts of one plan's paper, the exceptions gathered once for the summary, decisions and detail."""
    return Facts(view, month, as_of, generated, several, tuple(exception_rows(view)))


def leads_words(leads: list[str] | tuple[str, ...]) -> str:
    return "; ".join(leads) or NONE
