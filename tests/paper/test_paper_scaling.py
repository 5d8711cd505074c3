"""A plan twice the size gives a paper that takes twice the work, not four times: nothing is looked up by
scanning the plan's actions, or every exception, once per row.

The work is counted, not timed: how many times the paper walks the plan's list of actions and each list
of exceptions. Those walks must not grow with the number of actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import write_plan

MONTH = date(2025, 1, 1)
AS_OF = date(2025, 1, 31)


class CountingList(list):  # type: ignore[type-arg]
    """A list that counts how often it is walked from the start."""

    def __init__(self, items: Any, walks: list[int]) -> None:
        super().__init__(items)
        self.walks = walks

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.walks[0] += 1
        return super().__iter__()


def _plan(tmp_path: Path, actions: int) -> Path:
    # Every action overdue (due July 2024, still Amber) with no commentary and no update for January:
    # each is in four exceptions (overdue, a rating that does not match, no commentary, no update).
    body = [
        "recommendations:",
        "  - {id: AfI 1, text: Waiting well.}",
        "  - {id: AfI 2, text: Transitions.}",
        "actions:",
    ]
    for n in range(actions):
        body += [
            f'  - ref: "1.{n + 1}"',
            f"    title: Waiting well offer {n + 1}",
            f"    recommendations: [AfI {n % 2 + 1}]",
            "    leads: [Caroline Tozzi]",
            "    due: July 2024",
            "    success_measures: [Offer published]",
            "    completion: Amber",
            "    impact: Red",
            "    updates:",
            "      - {month: 2024-12, completion: Amber}",
        ]
    return write_plan(tmp_path, "\n".join(body) + "\n", name=f"plan-{actions}.yaml")


def _walks(path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> int:
    from sendplan_cli.check.pipeline import analyse
    from sendplan_cli.output.paper.build import exceptions as exceptions_module
    from sendplan_cli.output.paper.build.scope import Paper
    from sendplan_cli.output.paper.build.view import build_view
    from sendplan_cli.output.paper.jinja.render import render

    walks = [0]
    original = exceptions_module.exception_items

    def counted(*args: Any, **kwargs: Any) -> dict[str, list[Any]]:
        return {
            heading: CountingList(items, walks)
            for heading, items in original(*args, **kwargs).items()
        }

    monkeypatch.setattr(exceptions_module, "exception_items", counted)
    plan, diagnostics, _ = analyse(path, AS_OF)
    assert plan is not None
    plan.actions = CountingList(plan.actions, walks)
    view = build_view(plan, str(path), MONTH, AS_OF, diagnostics)
    assert len(view.exceptions["Overdue"]) == len(plan.actions)
    paper = Paper([view], MONTH, AS_OF, AS_OF)
    if fmt == "docx":
        from sendplan_cli.output.paper.docx.docx_render import render_docx

        render_docx(paper)
    else:
        render(paper, fmt, None)
    return walks[0]


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
def test_the_paper_walks_the_actions_and_exceptions_as_often_whatever_the_plans_size(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _walks(_plan(tmp_path, 10), fmt, monkeypatch)
    large = _walks(_plan(tmp_path, 20), fmt, monkeypatch)
    assert large == small


def test_findings_by_rule_names_each_action_once_in_first_seen_order() -> None:
    from sendplan_cli.output.paper.build.sections import findings_by_rule
    from sendplan_cli.plan.diagnostics import Diagnostic, Severity

    def finding(ref: str | None) -> Diagnostic:
        return Diagnostic(
            path="p.yaml",
            line=1,
            column=1,
            pointer="actions",
            code="SP101",
            name="overdue",
            severity=Severity.ERROR,
            message="overdue",
            ref=ref,
        )

    (group,) = findings_by_rule(
        [finding("2.1"), finding("1.1"), finding("2.1"), finding(None), finding("1.1")]
    )
    assert (group.count, group.refs) == (5, ["2.1", "1.1"])


def test_a_word_section_with_four_times_the_rows_takes_about_four_times_the_work() -> None:
    # CPU time of this process, the least of three runs, so other work on the machine barely counts. Emptying
    # one scratch body after each section took time growing with the square of a table's rows: 4x the rows
    # took about 11x the time; built in a body of its own, about 4x.
    import time

    from docxtpl import DocxTemplate

    from sendplan_cli.output.paper.docx.docx_parts import table
    from sendplan_cli.output.paper.docx.docx_render import DEFAULT_DOCX, _Sections
    from sendplan_cli.resources import resource_dir

    tpl = DocxTemplate(str(resource_dir("templates") / DEFAULT_DOCX))
    tpl.init_docx()
    sections = _Sections(tpl)

    def cpu(rows: int) -> float:
        def fill(doc: Any) -> None:
            table(
                doc,
                "Every action",
                ["Ref", "Action"],
                [[f"1.{n}", "Waiting well offer"] for n in range(rows)],
            )

        runs = []
        for _ in range(3):
            start = time.process_time()
            sections.build(fill)
            runs.append(time.process_time() - start)
        return min(runs)

    cpu(10)
    assert cpu(4000) < 6 * cpu(1000)
