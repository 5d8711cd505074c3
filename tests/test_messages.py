"""Messages read as English: dates as the plan writes them, lists as lists."""

from __future__ import annotations

from datetime import date

from conftest import HEADER, PLANS, check, load_errors

EAST = PLANS / "east-sussex-2025.yaml"


def _overdue(ref: str) -> str:
    [message] = [d.message for d in check(EAST, date(2026, 1, 15)) if d.name == "overdue" and d.ref == ref]
    return message


def test_a_due_date_is_named_without_the_words_around_it() -> None:
    # East Sussex 4.4 is due "Complete by July 2025".
    assert _overdue("4.4") == "action 4.4 was due July 2025 (ended 31 Jul 2025) and is not rated"


def test_several_dates_are_listed_as_a_list() -> None:
    # East Sussex 2.1 gives March 2025, April 2025 and September 2025 in one cell.
    assert _overdue("2.1") == ("action 2.1 was due September 2025 (ended 30 Sep 2025; "
                               "its dates: March 2025, April 2025 and September 2025) and is not rated")


def test_an_impact_rating_takes_an(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.yaml"
    path.write_text(HEADER + 'actions:\n  - ref: "1.1"\n    title: T\n    impact: Purple\n', encoding="utf-8")
    [d] = load_errors(path)
    assert d.message == "'Purple' is not an impact rating in this plan's scale"
