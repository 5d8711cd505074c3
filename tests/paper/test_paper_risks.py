"""The Risks section: the month's risk words and the risk register by score, the same in every format."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_plan
from papers import WEST, paper
from section_reading import same_in_every_format, section

PLAN = """\
recommendations:
  - id: AfI 1
    text: Leaders should reduce waiting times.
actions:
  - ref: "1.1"
    title: Agree one pathway
    recommendations: [AfI 1]
    leads: [Head of Commissioning]
    due: December 2025
    completion: Amber
    impact: Red
    commentary: Drafted.
  - ref: "1.2"
    title: Commission the service
    recommendations: [AfI 1]
    leads: [Head of Commissioning]
    due: June 2026
    completion: Grey
    impact: Red
risks:
  - id: R1
    description: Families are not told about support
    owner: Forum Chair
    likelihood: 2
    impact: 3
    mitigation: Local offer pages carry it
    actions: ["1.2"]
    review_date: March 2025
  - id: R2
    description: Too few clinicians
    owner: Designated Clinical Officer
    likelihood: 4
    impact: 4
    mitigation: Recruitment running
    actions: ["1.1", "1.2"]
    review_date: September 2025
  - id: R3
    description: Funding ends
    likelihood: 3
    impact: 2
    review_date: 2025-04-15
  - id: R4
    description: Venue unavailable
    owner: Business Support Manager
    likelihood: 2
    impact: 2
    mitigation: Second venue booked
  - id: R5
    description: Data system migration delayed
    owner: Head of Performance
    likelihood: 3
    impact: 4
    mitigation: Supplier weekly call
    actions: ["1.1"]
    review_date: May 2025
papers:
  - month: 2025-04
    risks: [Recruitment may slip further, "<b>Not bold</b> | not a column"]
"""
HEADERS = [
    "Risk",
    "Owner",
    "Likelihood",
    "Impact",
    "Score",
    "Rating",
    "Mitigation",
    "Linked actions",
    "Review date",
]


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_plan(tmp_path_factory.mktemp("risks"), PLAN))


def test_the_register_is_sorted_by_score_with_bands_and_overdue_reviews(plan: str) -> None:
    read = same_in_every_format(plan, "2025-04", "Risks")
    [(caption, headers, rows)] = read.tables
    assert headers == HEADERS
    # Scores are likelihood x impact; R1 and R3 both score 6 and keep the plan's order. As at
    # 30 Apr 2025 the reviews of March 2025 (R1) and 15 April 2025 (R3) have passed.
    assert rows == [
        [
            "R2: Too few clinicians",
            "Designated Clinical Officer",
            "4",
            "4",
            "16",
            "Very high",
            "Recruitment running",
            "1.1, 1.2",
            "September 2025",
        ],
        [
            "R5: Data system migration delayed",
            "Head of Performance",
            "3",
            "4",
            "12",
            "High",
            "Supplier weekly call",
            "1.1",
            "May 2025",
        ],
        [
            "R1: Families are not told about support",
            "Forum Chair",
            "2",
            "3",
            "6",
            "Medium",
            "Local offer pages carry it",
            "1.2",
            "March 2025 (review overdue)",
        ],
        [
            "R3: Funding ends",
            "None recorded",
            "3",
            "2",
            "6",
            "Medium",
            "None recorded",
            "None recorded",
            "2025-04-15 (review overdue)",
        ],
        [
            "R4: Venue unavailable",
            "Business Support Manager",
            "2",
            "2",
            "4",
            "Low",
            "Second venue booked",
            "None recorded",
            "None recorded",
        ],
    ]
    assert "30 Apr 2025" in caption and "2 review overdue" in caption


def test_the_months_risk_words_are_in_the_risks_section_as_text(plan: str) -> None:
    read = same_in_every_format(plan, "2025-04", "Risks")
    assert read.texts[:2] == ["Recruitment may slip further", "<b>Not bold</b> | not a column"]
    narrative = same_in_every_format(plan, "2025-04", "Impact and next steps")
    assert not any("Recruitment may slip" in t for t in narrative.texts)
    assert "<b>Not bold</b>" not in paper(plan, "2025-04")


def test_overdue_reviews_are_those_the_validator_finds_as_at_the_papers_date(plan: str) -> None:
    # As at 10 April 2025 only R1's review (March 2025) has passed; R3's is on 15 April.
    html = run_cli("report", plan, "--month", "2025-04", "--as-of", "2025-04-10", "-o", "-")
    assert html.returncode == 0, html.stderr
    found = run_cli("validate", plan, "--as-of", "2025-04-10")
    overdue_in_validate = {
        risk
        for risk in ("R1", "R2", "R3", "R4", "R5")
        if f"risk {risk} was due for review" in found.stdout
    }
    assert overdue_in_validate == {"R1"}
    assert "March 2025 (review overdue)" in html.stdout
    assert "2025-04-15 (review overdue)" not in html.stdout
    assert "2025-04-15</td>" in html.stdout


def test_a_plan_with_only_the_months_risk_words_gets_them_without_a_register(
    tmp_path: Path,
) -> None:
    body = PLAN[: PLAN.index("risks:\n  - id: R1")] + PLAN[PLAN.index("papers:") :]
    path = str(write_plan(tmp_path, body))
    read = same_in_every_format(path, "2025-04", "Risks")
    assert read.tables == []
    assert read.texts == ["Recruitment may slip further", "<b>Not bold</b> | not a column"]


def test_a_plan_with_neither_has_no_risks_section() -> None:
    assert all(read is None for read in section(WEST, "2025-01", "Risks").values())
