"""`sendplan list --indicators`: the KPI scorecard as a terminal table, or the computed statuses as JSON."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.plan.kpi_status import (
    COMPARISON_WORDS,
    CONFLICTING,
    NO_FIGURE_AT_TARGET,
    KpiStatus,
)
from sendplan_cli.plan.kpi_values import format_value

# Status colours for the terminal; the word is always printed beside the colour.
_STYLE = {
    "Green": "bold green",
    "Amber": "bold dark_orange",
    "Red": "bold red",
    "Not rated": "dim",
    CONFLICTING: "bold",
    NO_FIGURE_AT_TARGET: "bold",
}


def cells(status: KpiStatus) -> dict[str, str]:
    """One scorecard row, each cell on one line with controls shown as escapes (not markup-escaped): what every scorecard shows."""
    ind = status.indicator
    base = ind.baseline
    baseline = "-"
    if base is not None:
        baseline = format_value(ind, base.value) + (
            f" ({base.period.text})" if base.period else " (undated)"
        )
        baseline += f"; {base.note}" if base.note else ""
    latest = "-"
    if status.latest is not None:
        latest = f"{format_value(ind, status.latest.value)} ({status.latest.period.text})"
        latest += ", provisional" if status.latest.provisional else ""
        latest += f", revised {status.latest.revised.text}" if status.latest.revised else ""
    elif status.conflicting:
        values = " or ".join(
            format_value(ind, v) for v in sorted(f.actual.value for f in status.conflicting)
        )
        latest = f"conflicting: {values} ({status.conflicting[-1].actual.period.text})"
    if status.late is not None:
        latest += f"; figure for {status.late_period} late"
    target = "-"
    if status.target is not None:
        how = COMPARISON_WORDS[status.target.comparison] + " " if status.target.comparison else ""
        target = (
            how
            + format_value(ind, status.target.value)
            + (f" by {status.target.by.text}" if status.target.by else " (undated)")
        )
    milestone = status.next_milestone
    if milestone is not None:
        target += (
            "; " if target != "-" else ""
        ) + f"next milestone {format_value(ind, milestone.value)} by {milestone.by.text}"
    row = {
        "indicator": f"{ind.id}: {ind.name}",
        "baseline": baseline,
        "latest": latest,
        "target": target,
        "expected": format_value(ind, status.expected) if status.expected is not None else "-",
        "status": status.label,
        "trend": status.trend or "-",
        "reason": status.reason,
        "comparators": "; ".join(
            f"{c['name']} {format_value(ind, c['value'])}"
            + (
                f" ({c['period']})"
                if c["period"] and status.latest and c["period"] != status.latest.period.text
                else ""
            )
            for c in status.comparators
        )
        or "-",
        "missed": "; ".join(
            f"{m.kind} {m.words}{format_value(ind, m.value)} by {m.by}, figure due by {m.due:%d %b %Y}"
            for m in status.missed
        ),
    }
    return {key: one_line(value) for key, value in row.items()}


def _with_comparators(row: dict[str, str]) -> str:
    # In the Latest column rather than a column of their own: the table already fills a terminal's width.
    return row["latest"] if row["comparators"] == "-" else f"{row['latest']}; {row['comparators']}"


def print_scorecard(
    statuses: list[KpiStatus],
    as_of: date,
    out: TextIO,
    title: str | None = None,
    colour: str = "auto",
) -> None:
    """The scorecard through rich; plan text is escaped so it is shown, never read as markup."""
    from rich.markup import escape
    from rich.table import Table

    from sendplan_cli.output.colour import console as make_console

    heading = f"Indicators as at {as_of.day} {as_of:%B %Y}" + (
        f": {escape(one_line(title))}" if title else ""
    )
    table = Table(title=heading, header_style="bold", show_lines=False)
    for name in ("Indicator", "Baseline", "Latest", "Target", "Expected", "Status", "Trend"):
        table.add_column(name, overflow="fold")
    for status in statuses:
        row = cells(status)
        table.add_row(
            escape(row["indicator"]),
            escape(row["baseline"]),
            escape(_with_comparators(row)),
            escape(row["target"]),
            escape(row["expected"]),
            f"[{_STYLE[row['status']]}]{row['status']}[/]",
            row["trend"],
        )
    console = make_console(out, colour)
    console.print(table)
    for status in statuses:
        name = escape(one_line(status.indicator.id))
        console.print(f"{name}: {escape(one_line(status.reason))}")
        if status.late is not None:
            console.print(
                f"{name}: the figure for {status.late_period} (the period ending {status.late[0]:%d %b %Y}) "
                f"was due by {status.late[1]:%d %b %Y} and is not recorded"
            )
    if not statuses:
        console.print("This plan has no indicators; add them under `indicators:`.")
