"""The sections of the Word board paper, each built with python-docx in the template's own styles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sendplan_cli.output.paper.docx_parts import bullets, chart, paragraph, prose, table, text
from sendplan_cli.output.paper.render import Paper
from sendplan_cli.output.paper.view import PlanView

DETAILED = ("Overdue", "Missed milestones and activity dates", "Off track")


def _rating(name: str | None) -> str:
    return text(name) if name else "Not rated"


def _date(due: str | None, proposal: Any) -> str:
    """A date cell: the agreed date, and on its own line any new date proposed but not yet agreed."""
    words = text(due) if due else ""
    if proposal is None:
        return words
    return f"{words or 'No date'}\n{text(proposal.note)}"


def _cover(doc: Any, view: PlanView, paper: Paper) -> None:
    e = view.entry
    rows = [
        ["Report to", text(view.plan.board)],
        ["Partnership", text(view.plan.partnership)],
        ["Month reported", f"{paper.month:%B %Y}"],
    ]
    if e and e.meeting_date:
        rows.append(["Meeting date", f"{e.meeting_date:%d %B %Y}"])
    if e and e.author:
        rows.append(["Report by", text(e.author)])
    rows.append(
        [
            "Purpose",
            text(e.purpose)
            if e and e.purpose
            else f"Progress on the plan's actions as at {paper.as_of:%d %b %Y}, and the exceptions the board is asked to act on.",
        ]
    )
    rows += [
        ["Data as of", f"{paper.as_of:%d %b %Y}"],
        ["Generated", f"{paper.generated:%d %b %Y}"],
    ]
    table(doc, "Cover", ["Item", "Detail"], rows)


def _summary(doc: Any, view: PlanView) -> None:
    e, h = view.entry, view.headline
    if e and e.summary:
        prose(doc, e.summary)
    lines = [*h.sentences, *h.changes]
    if not view.has_updates:
        lines.append("Monthly updates are not recorded in this plan: ratings are as published.")
    bullets(doc, lines)
    if h.top:
        doc.add_paragraph("Longest in exception:")
        bullets(
            doc,
            [f"{i.ref} {text(i.title).rstrip('.')}: {i.reason} ({i.months_words})." for i in h.top],
        )
    if h.next_month:
        doc.add_paragraph("Due next month:")
        bullets(
            doc,
            [
                f"{i.ref} {'Final date' if i.what == 'final' else 'Milestone'}{': ' + text(i.text) if i.text else ''} ({text(i.due)})."
                for i in h.next_month
            ],
        )
    else:
        doc.add_paragraph("Nothing falls due next month.")


def _decisions(doc: Any, view: PlanView, month: str) -> None:
    asked = list(view.entry.decisions_sought) if view.entry else []
    if asked or view.proposals:
        bullets(doc, asked + [p.decision for p in view.proposals], numbered=True)
        if not asked:
            doc.add_paragraph(
                "The board is also asked to note the position and to agree what is done about each "
                "exception below."
            )
    else:
        doc.add_paragraph(
            "The board is asked to note the position and to agree what is done about each exception "
            f"below. No decisions are recorded for {month} in the plan."
        )


def _position(doc: Any, view: PlanView) -> None:
    for rating_chart in view.rating_charts:
        chart(doc, rating_chart)
    if view.kpis:
        table(
            doc,
            "Indicator scorecard",
            ["Indicator", "Latest", "Target", "Status", "Trend"],
            [
                [
                    text(c.row["indicator"]),
                    text(c.row["latest"]),
                    text(c.row["target"]),
                    text(c.row["status"]),
                    text(c.row["trend"]),
                ]
                for c in view.kpis
            ],
        )


def _exceptions(doc: Any, view: PlanView, as_of: str) -> None:
    if not view.exceptions and not view.red_kpis:
        doc.add_paragraph(f"No action is in exception as at {as_of}.")
    if view.red_kpis:
        table(
            doc,
            f"Indicators rated Red ({len(view.red_kpis)})",
            ["Indicator", "Owner", "Why"],
            [
                [
                    text(c.row["indicator"]),
                    text(c.status.indicator.owner or "None named"),
                    text(c.status.reason),
                ]
                for c in view.red_kpis
            ],
        )
    if view.missed_kpis:
        table(
            doc,
            f"Indicators past a target date with no figure ({len(view.missed_kpis)})",
            ["Indicator", "Owner", "Target or milestone passed"],
            [
                [
                    text(c.row["indicator"]),
                    text(c.status.indicator.owner or "None named"),
                    text(c.row["missed"]),
                ]
                for c in view.missed_kpis
            ],
        )
    for name in DETAILED:
        items = view.exceptions.get(name, [])
        if items:
            table(
                doc,
                f"{name} ({len(items)})",
                [
                    "Ref",
                    "Action and lead",
                    "Date",
                    "Why",
                    "In exception",
                    "Mitigation (latest commentary)",
                ],
                [
                    [
                        i.ref,
                        f"{text(i.title)}. Lead: {text('; '.join(i.leads)) or 'none named'}",
                        _date(i.due, i.proposal),
                        text(i.reason[:1].upper() + i.reason[1:]) + ".",
                        i.months_words,
                        text(i.mitigation) if i.mitigation else "No commentary recorded.",
                    ]
                    for i in items
                ],
            )
    mismatch = view.exceptions.get("Ratings that do not match", [])
    if mismatch:
        table(
            doc,
            f"Ratings that do not match ({len(mismatch)})",
            ["Ref", "Action and lead", "Date", "What does not match"],
            [
                [
                    i.ref,
                    f"{text(i.title)}. Lead: {text('; '.join(i.leads)) or 'none named'}",
                    _date(i.due, i.proposal),
                    text(i.reason),
                ]
                for i in mismatch
            ],
        )
    for name in ("Red or Amber without commentary", "No update this month"):
        items = view.exceptions.get(name, [])
        if items:
            para = doc.add_paragraph()
            para.add_run(f"{name} ({len(items)}): ").bold = True
            para.add_run(", ".join(text(i.ref) for i in items) + ".")


def _progress(doc: Any, view: PlanView) -> None:
    for rec, rows in view.coverage:
        paragraph(doc, text(rec.id), "Heading 2")
        prose(doc, rec.text)
        doc.add_paragraph(
            f"Senior responsible officer: {text(rec.senior_responsible_officer) or 'not named in the plan'}. "
            f"Desired outcome: {text(rec.desired_outcome) or 'not stated in the plan'}."
        )
        if not rows:
            doc.add_paragraph("No action answers this recommendation.")
            continue
        table(
            doc,
            f"Actions answering {text(rec.id)}",
            ["Ref", "Action", "Completion", "Impact", "Movement", "Measures of success"],
            [
                [
                    r.ref,
                    text(r.title),
                    _rating(r.completion),
                    _rating(r.impact),
                    r.movement,
                    f"{len(r.action.success_measures)} success measures (appendix A)"
                    if r.action.success_measures
                    else "None stated",
                ]
                for r in rows
            ],
            _rating_fills(view, rows, 2, 3),
        )


def _narrative(doc: Any, view: PlanView, month: str) -> None:
    e = view.entry
    if not (e and (e.impact or e.voice or e.risks or e.next_steps)):
        doc.add_paragraph(
            "What difference the work has made, the voice of families, risks and next steps are "
            f"not recorded for {month} in the plan."
        )
        return
    for heading, value in (
        ("What difference it has made", e.impact),
        ("The voice of children, young people and families", e.voice),
    ):
        if value:
            paragraph(doc, heading, "Heading 2")
            prose(doc, value)
    for heading, items in (("Risks", e.risks), ("Next steps", e.next_steps)):
        if items:
            paragraph(doc, heading, "Heading 2")
            bullets(doc, items)


def _coming_up(doc: Any, view: PlanView) -> None:
    for horizon, items in view.coming_up.items():
        if not items:
            doc.add_paragraph(f"Nothing falls due {horizon}.")
            continue
        table(
            doc,
            f"Due {horizon} ({len(items)})",
            ["Ref", "Action", "What", "Due"],
            [
                [
                    i.ref,
                    text(i.title),
                    ("Final date" if i.what == "final" else "Milestone")
                    + (f": {text(i.text)}" if i.text else ""),
                    f"{text(i.due)} (by {i.due_end:%d %b %Y})",
                ]
                for i in items
            ],
        )


def _by_lead(doc: Any, view: PlanView) -> None:
    def state(r: Any) -> str:
        return "; overdue" if r.status.overdue else "; missed a date" if r.status.missed else ""

    table(
        doc,
        "Actions by accountable lead",
        ["Lead", "Actions"],
        [
            [
                text(lead),
                ", ".join(f"{r.ref} ({text(r.completion) or 'not rated'}{state(r)})" for r in rows),
            ]
            for lead, rows in view.by_lead
        ],
    )


def _tracker(doc: Any, view: PlanView) -> None:
    rows = []
    for row, action in zip(view.rows, view.plan.actions):
        measures = [text(m) for m in action.success_measures] + [
            f"{text(m.name or m.indicator)}: baseline {text(m.baseline) or '-'}, target {text(m.target) or '-'}, actual {text(m.actual) or '-'}"
            for m in action.measures
        ]
        rows.append(
            [
                row.ref,
                text(row.title),
                text("; ".join(row.leads)) or "None named",
                _date(row.due, row.proposal) or "No date",
                _rating(row.completion),
                _rating(row.impact),
                row.movement,
                "\n".join(measures) or "None stated",
                text(row.commentary) or "None",
            ]
        )
    table(
        doc,
        "Every action",
        [
            "Ref",
            "Action",
            "Lead",
            "Due",
            "Completion",
            "Impact",
            "Movement",
            "Success measures",
            "Latest commentary",
        ],
        rows,
        _rating_fills(view, view.rows, 4, 5),
    )


def _rating_fills(
    view: PlanView, rows: list[Any], completion: int, impact: int
) -> dict[tuple[int, int], str]:
    """Each rating cell in its colour as well as its word, as in the HTML paper."""
    scale = view.plan.rating_scale
    fills = {}
    for r, row in enumerate(rows):
        rated = (scale.completion_named(row.completion), scale.impact_named(row.impact))
        for column, rating in zip((completion, impact), rated):
            if rating and rating.colour:
                fills[(r, column)] = rating.colour
    return fills


def _appendix(doc: Any, view: PlanView) -> None:
    scale = view.plan.rating_scale
    table(
        doc,
        "Status of action completion against timescale",
        ["Rating", "Meaning"],
        [[text(r.name), text(r.meaning)] for r in scale.completion],
    )
    table(
        doc,
        "Status of impact",
        ["Rating", "Meaning"],
        [[text(r.name), text(r.meaning)] for r in scale.impact],
    )
    if view.findings_by_rule:
        table(
            doc,
            f"Validation findings by rule ({len(view.findings)} in all)",
            ["Rule", "Severity", "Count", "Actions", "For example"],
            [
                [
                    f"{g.code} {g.name}",
                    g.severity,
                    str(g.count),
                    ", ".join(g.refs) or "the plan as a whole",
                    text(g.example),
                ]
                for g in view.findings_by_rule
            ],
        )
    else:
        doc.add_paragraph("No validation findings.")
    for card in view.kpis:
        _kpi_detail(doc, card)


def _kpi_detail(doc: Any, card: Any) -> None:
    """An indicator as the HTML paper's appendix shows it: heading, headline and chart kept on one page, then its values."""
    from sendplan_cli.output.paper.docx_charts import picture

    ind = card.status.indicator
    heading = paragraph(doc, f"{text(ind.id)}: {text(ind.name)}", "Heading 2")
    headline = doc.add_paragraph(card.headline)
    for para in (heading, headline):
        para.paragraph_format.keep_with_next = True
    if card.figure is not None:
        picture(doc, card.figure, 160)
    table(
        doc,
        f"{text(ind.id)}: the values{' in the chart' if card.figure is not None else ''}",
        ["When", "What", "Value", "Note"],
        [[text(r["when"]), r["what"], r["value"], text(r["note"])] for r in card.table],
    )
    for note in card.notes:
        doc.add_paragraph(f"Definition change: {text(note)}")


def plan_sections(view: PlanView, paper: Paper) -> dict[str, Callable[[Any], None]]:
    """Each section of one plan's paper, by its template name, as a function that builds it in a document."""
    month, as_of = f"{paper.month:%B %Y}", f"{paper.as_of:%d %b %Y}"
    return {
        "cover": lambda d: _cover(d, view, paper),
        "summary": lambda d: _summary(d, view),
        "decisions": lambda d: _decisions(d, view, month),
        "position": lambda d: _position(d, view),
        "exceptions": lambda d: _exceptions(d, view, as_of),
        "progress": lambda d: _progress(d, view),
        "narrative": lambda d: _narrative(d, view, month),
        "coming_up": lambda d: _coming_up(d, view),
        "by_lead": lambda d: _by_lead(d, view),
        "tracker": lambda d: _tracker(d, view),
        "appendix": lambda d: _appendix(d, view),
    }
