"""The "You said, we did" section: voice records of the paper's month and the two before it, in every format."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, write_plan
from papers import EAST, WEST
from section_reading import same_in_every_format, section

GOVERNANCE = str(ROOT / "examples" / "governance.yaml")
HEADERS = ["Date", "Source", "You said", "We did", "Linked actions"]


def test_june_shows_april_to_june_records_and_the_months_voice_text() -> None:
    read = same_in_every_format(GOVERNANCE, "2025-06", "You said, we did")
    # Read off examples/governance.yaml: the paper's voice text, then the records of 2 April and
    # 14 May 2025; the young people's group of 22 January is before April.
    assert read.texts == [
        "The Parent Carer Forum told us letters use words families do not understand; "
        "we are rewriting them together."
    ]
    [(caption, headers, rows)] = read.tables
    assert "April to June 2025" in caption
    assert headers == HEADERS
    assert rows == [
        [
            "02 Apr 2025",
            "Northdale Parent Carer Forum (example)",
            "Families hear nothing for months after asking for an assessment.",
            "A monthly letter now tells each family where their assessment is.",
            "1.1, 1.2",
        ],
        [
            "14 May 2025",
            "Northdale Parent Carer Forum (example)",
            "Letters use words families do not understand.",
            "The forum is rewriting the standard letters with us in the charter.",
            "2.1",
        ],
    ]
    narrative = same_in_every_format(GOVERNANCE, "2025-06", "Impact and next steps")
    assert not any("Parent Carer Forum" in t for t in narrative.texts)


def test_the_window_crosses_the_years_end() -> None:
    read = same_in_every_format(GOVERNANCE, "2025-01", "You said, we did")
    [(caption, _, rows)] = read.tables
    assert "November 2024 to January 2025" in caption
    assert [row[0] for row in rows] == ["22 Jan 2025"]
    assert read.texts == []


def test_a_quarter_without_records_says_so(tmp_path: Path) -> None:
    path = str(
        write_plan(
            tmp_path,
            """\
            actions:
              - {ref: "1", title: An action, leads: Jo Lead, due: July 2026, completion: Amber, impact: Red, commentary: Going.}
            voice:
              - {date: 2025-01-10, source: Parent Carer Forum, said: Clearer letters please.}
              - {date: 2025-05-10, source: Young people's group, said: "Meet after school, not in it.", actions: ["1"]}
            """,
        )
    )
    # A record with no response or action yet shows that none is recorded.
    march = same_in_every_format(path, "2025-03", "You said, we did")
    assert march.tables[0][2] == [
        [
            "10 Jan 2025",
            "Parent Carer Forum",
            "Clearer letters please.",
            "None recorded",
            "None recorded",
        ]
    ]
    # February to April holds neither record.
    april = same_in_every_format(path, "2025-04", "You said, we did")
    assert april.tables == []
    assert april.texts == ["No voice record is dated February to April 2025."]
    may = same_in_every_format(path, "2025-05", "You said, we did")
    assert [row[0] for row in may.tables[0][2]] == ["10 May 2025"]


def test_the_bundled_plans_record_no_voice_and_have_no_section() -> None:
    for path, month in ((WEST, "2025-01"), (EAST, "2025-06")):
        assert all(read is None for read in section(path, month, "You said, we did").values())
