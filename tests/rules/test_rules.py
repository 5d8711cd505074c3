"""Each rule on a small plan: exactly which lines and columns it reports, as of a given date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import check, names_at, write_plan

# Line 1-4 is the header from conftest; the bodies below start on line 5.
CASES = [
    (
        "overdue, and the on-track claim the date denies",
        """\
        actions:
          - ref: "1.1"
            title: Waiting well offer
            recommendations: []
            leads: [Caroline Tozzi]
            success_measures: [Offer published]
            due: July 2024
            completion: Amber
            commentary: Drafting.
            impact: Red
        """,
        date(2025, 1, 15),
        [(11, 10, "overdue"), (12, 17, "rating-contradicts-dates"), (6, 5, "unlinked-action")],
    ),
    (
        "a passed milestone in a several-date cell, an open action",
        """\
        recommendations:
          - id: AfI 4
            text: Places.
        actions:
          - ref: "4.1"
            title: Places
            recommendations: [AfI 4]
            leads: [Graham Olway]
            success_measures: [373 places]
            due: Sept 2024 March 2027
            completion: Red
            impact: Red
            commentary: Behind.
        """,
        date(2025, 1, 15),
        [(14, 10, "milestone-overdue")],
    ),
    (
        "activity dates that have passed, and one still to come",
        """\
        actions:
          - ref: "1.1"
            title: Health advice
            leads: [Lead]
            success_measures: [Faster advice]
            recommendations: [AfI 1]
            activities:
              - text: Review the pathway
                due: April 2025
              - text: Guidance
                due: April 2026
            completion: Grey
            impact: Red
        recommendations:
          - id: AfI 1
            text: Quality of EHC plans.
        """,
        date(2025, 6, 1),
        [(13, 14, "milestone-overdue"), (16, 17, "rating-contradicts-dates")],
    ),
    (
        "due soon is information",
        """\
        recommendations:
          - id: AfI 1
            text: X.
        actions:
          - ref: "1.1"
            title: X
            recommendations: [AfI 1]
            leads: [Lead]
            success_measures: [Y]
            due: 2025-02-10
            completion: Amber
            impact: Red
            commentary: On track.
        """,
        date(2025, 1, 15),
        [(14, 10, "due-soon")],
    ),
    (
        "impact and completion deny each other",
        """\
        recommendations:
          - id: AfI 2
            text: X.
        actions:
          - ref: "2.1"
            title: X
            recommendations: [AfI 2]
            leads: [Lead]
            success_measures: [Y]
            due: Jan 2024
            completion: Green
            impact: Green
          - ref: "2.2"
            title: Y
            recommendations: [AfI 2]
            leads: [Lead]
            success_measures: [Y]
            due: Jan 2026
            completion: Grey
            impact: Amber
        """,
        date(2024, 4, 30),
        [(15, 17, "rating-contradicts-impact"), (24, 13, "rating-contradicts-impact")],
    ),
    (
        "the latest monthly update is what the rules judge",
        """\
        recommendations:
          - id: AfI 1
            text: X.
        actions:
          - ref: "1.1"
            title: X
            recommendations: [AfI 1]
            leads: [Lead]
            success_measures: [Y]
            due: July 2024
            completion: Amber
            impact: Red
            commentary: On track.
            updates:
              - month: 2024-06
                completion: Red
                commentary: Recruitment gap.
              - month: 2024-08
                completion: Red
                due: March 2025
                previous_due: July 2024
              - month: 2024-12
                completion: Red
                commentary: Still off track.
        """,
        date(2025, 4, 15),
        [(24, 14, "overdue"), (26, 16, "stale-rating")],
    ),
    (
        "leads: missing, and misspelt against the directory",
        """\
        people:
          - name: Sally Kean
        recommendations:
          - id: AfI 1
            text: X.
        actions:
          - ref: "1.3"
            title: X
            recommendations: [AfI 1]
            success_measures: [Y]
            due: July 2026
            completion: Amber
            impact: Red
            commentary: Fine.
          - ref: "1.4"
            title: Y
            recommendations: [AfI 1]
            leads: [Sally Keen]
            success_measures: [Y]
            due: July 2026
            completion: Amber
            impact: Red
            commentary: Fine.
        """,
        date(2024, 4, 30),
        [(11, 5, "no-lead"), (22, 13, "unknown-lead")],
    ),
    (
        "structure: a recommendation nobody answers, a repeated ref, no measure",
        """\
        recommendations:
          - id: AfI 1
            text: X.
          - id: AfI 2
            text: Y.
        actions:
          - ref: "1.1"
            title: X
            recommendations: [AfI 1]
            leads: [Lead]
            due: Ongoing
            review_cadence: quarterly
            completion: Amber
            impact: Red
            commentary: Fine.
          - ref: "1.1"
            title: Y
            recommendations: [AfI 1]
            leads: [Lead]
            success_measures: [Y]
            due: Ongoing
            review_cadence: quarterly
            completion: Amber
            impact: Red
            commentary: Fine.
        """,
        date(2024, 4, 30),
        [
            (8, 9, "recommendation-without-action"),
            (11, 5, "no-success-measure"),
            (20, 10, "duplicate-ref"),
        ],
    ),
]


@pytest.mark.parametrize(("title", "body", "as_of", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_positions(tmp_path: Path, title: str, body: str, as_of: date, expected: list) -> None:  # type: ignore[type-arg]
    diagnostics = check(write_plan(tmp_path, body), as_of)
    assert sorted(names_at(diagnostics)) == sorted(expected)


def test_duplicate_ref_names_the_first_line(tmp_path: Path) -> None:
    body = CASES[-1][1]
    [d] = [
        d for d in check(write_plan(tmp_path, body), date(2024, 4, 30)) if d.name == "duplicate-ref"
    ]
    assert "(see line 11)" in d.message


def test_unknown_lead_suggests_the_nearest_name(tmp_path: Path) -> None:
    body = CASES[6][1]
    [d] = [
        d for d in check(write_plan(tmp_path, body), date(2024, 4, 30)) if d.name == "unknown-lead"
    ]
    assert d.hint == "did you mean 'Sally Kean'?"


def test_another_scale_needs_no_code_change(tmp_path: Path) -> None:
    body = """\
    rating_scale:
      completion:
        - {name: Done, meaning: Finished, means: complete}
        - {name: Going well, meaning: On schedule, means: on-track}
        - {name: Late, meaning: Behind schedule, means: off-track}
        - {name: Not begun, meaning: Not started, means: not-started}
      impact:
        - {name: High, meaning: Felt everywhere, means: felt}
        - {name: None yet, meaning: Not felt, means: not-felt}
    recommendations:
      - id: R1
        text: X.
    actions:
      - ref: A
        title: X
        recommendations: [R1]
        leads: [Lead]
        success_measures: [Y]
        due: July 2024
        completion: going WELL
        impact: None yet
        commentary: Fine.
      - ref: B
        title: Y
        recommendations: [R1]
        leads: [Lead]
        success_measures: [Y]
        due: July 2024
        completion: Done
        impact: None yet
    """
    found = {(d.ref, d.name) for d in check(write_plan(tmp_path, body), date(2025, 1, 15))}
    assert found == {("A", "overdue"), ("A", "rating-contradicts-dates")}
