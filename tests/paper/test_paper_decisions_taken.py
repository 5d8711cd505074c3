"""Decisions since the last board: the plan's decisions log after the previous meeting, in every format."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, run_cli, write_plan
from papers import WEST, paper
from section_reading import same_in_every_format, section

GOVERNANCE = str(ROOT / "examples" / "governance.yaml")
HEADING = "Decisions since the last board"
HEADERS = ["Date", "Decision", "By", "Linked actions", "Due date change agreed"]
LOG = """\
actions:
  - {ref: "1", title: An action, leads: Jo Lead, due: July 2026, completion: Amber, impact: Red, commentary: Going.}
  - {ref: "2", title: Another, leads: Jo Lead, due: June 2026, completion: Amber, impact: Red, commentary: Going.}
decisions:
  - {date: 2025-03-10, decision: Second in date order, by: SEND Partnership Board, actions: ["2"]}
  - {date: 2025-02-18, decision: Taken at the February meeting, by: SEND Partnership Board}
  - {date: 2025-02-25, decision: Taken by the chair after the meeting, by: Board chair, actions: ["1"], due: July 2026, previous_due: March 2026}
  - {date: 2025-03-25, decision: After the paper's date, by: SEND Partnership Board}
papers:
  - {month: 2025-02, meeting_date: 2025-02-18}
  - {month: 2025-03, meeting_date: 2025-03-24}
"""


def test_the_log_since_the_previous_meeting_in_date_order(tmp_path: Path) -> None:
    path = str(write_plan(tmp_path, LOG))
    result = run_cli("report", path, "--month", "2025-03", "--as-of", "2025-03-20", "-o", "-")
    assert result.returncode == 0, result.stderr
    read = same_in_every_format(path, "2025-03", HEADING)
    [(caption, headers, rows)] = read.tables
    assert headers == HEADERS
    assert "after the board of 18 Feb 2025" in caption
    # As at 31 Mar 2025: the day after the February meeting onwards, the meeting's own decision left out.
    assert rows == [
        [
            "25 Feb 2025",
            "Taken by the chair after the meeting",
            "Board chair",
            "1",
            "March 2026 → July 2026",
        ],
        ["10 Mar 2025", "Second in date order", "SEND Partnership Board", "2", "No date changed"],
        [
            "25 Mar 2025",
            "After the paper's date",
            "SEND Partnership Board",
            "None recorded",
            "No date changed",
        ],
    ]
    # Up to the paper's date: on 20 March the 25 March decision is not yet taken.
    assert (
        "After the paper&#39;s date" not in result.stdout
        and "After the paper's date" not in result.stdout
    )
    assert "Second in date order" in result.stdout


def test_governance_example_decisions_by_month() -> None:
    # Read off examples/governance.yaml: no earlier `papers:` entry, so each month starts on its first day.
    march = same_in_every_format(GOVERNANCE, "2025-03", HEADING)
    assert march.tables[0][2] == [
        [
            "11 Mar 2025",
            "Move the backlog's completion to September 2025, so that new requests are not delayed to clear old ones",
            "Northdale SEND Partnership Board (example)",
            "1.2",
            "June 2025 → September 2025",
        ]
    ]
    may = same_in_every_format(GOVERNANCE, "2025-05", HEADING)
    assert [row[0] for row in may.tables[0][2]] == ["13 May 2025"]
    june = same_in_every_format(GOVERNANCE, "2025-06", HEADING)
    assert june.tables == []
    assert june.texts == [
        "No decision is recorded from the start of June 2025 (the plan gives no earlier meeting date) up to 30 Jun 2025."
    ]


def test_decisions_sought_stay_on_page_one_apart_from_decisions_taken() -> None:
    for fmt, summary in (("html", "Executive summary</h2>"), ("md", "## Executive summary")):
        text = paper(GOVERNANCE, "2025-06", fmt)
        page_one = text[: text.index(summary)]
        assert "Agree the evidence to send for the second stocktake." in page_one
    taken = same_in_every_format(GOVERNANCE, "2025-06", HEADING)
    assert not any("stocktake" in t for t in taken.texts)


def test_a_plan_without_a_decisions_log_has_no_section() -> None:
    assert all(read is None for read in section(WEST, "2025-01", HEADING).values())
