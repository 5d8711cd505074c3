"""Date phrases as the two source plans write them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendplan_cli.plan.dates import DateParseError, parse_date_phrase, parse_month


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("July 2024", date(2024, 7, 1), date(2024, 7, 31), "month"),
        ("Sept 2025", date(2025, 9, 1), date(2025, 9, 30), "month"),
        ("Jan 2024", date(2024, 1, 1), date(2024, 1, 31), "month"),
        ("Summer 2025", date(2025, 6, 1), date(2025, 8, 31), "season"),
        ("spring 2025", date(2025, 3, 1), date(2025, 5, 31), "season"),
        ("winter 2025", date(2025, 12, 1), date(2026, 2, 28), "season"),
        # Financial quarters: Q1 is April-June, so Q4 of 2025/26 is January-March 2026.
        ("Q4 25/26", date(2026, 1, 1), date(2026, 3, 31), "quarter"),
        ("Q1 2025/26", date(2025, 4, 1), date(2025, 6, 30), "quarter"),
        ("2026/27", date(2026, 4, 1), date(2027, 3, 31), "financial-year"),
        ("2024-07", date(2024, 7, 1), date(2024, 7, 31), "month"),
        ("2024-07-15", date(2024, 7, 15), date(2024, 7, 15), "day"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("February 2024", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ],
)
def test_single_periods(text: str, start: date, end: date, precision: str) -> None:
    phrase = parse_date_phrase(text)
    assert phrase.text == text
    assert [(p.start, p.end, p.precision) for p in phrase.periods] == [(start, end, precision)]
    assert phrase.time_bound


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Complete by July 2025", None, date(2025, 7, 31)),
        ("On going with full implementation March 2026", None, date(2026, 3, 31)),
        ("Ongoing with full implementation March 2026", None, date(2026, 3, 31)),
    ],
)
def test_deadline_forms_are_time_bound(text: str, start: date | None, end: date) -> None:
    phrase = parse_date_phrase(text)
    assert (phrase.start, phrase.end, phrase.time_bound) == (start, end, True)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("From September 2025", date(2025, 9, 1)),
        ("Ongoing from March 2025", date(2025, 3, 1)),
        ("Ongoing from spring 2025", date(2025, 3, 1)),
        ("Ongoing", None),
        ("As set out", None),
    ],
)
def test_open_forms_record_no_end(text: str, start: date | None) -> None:
    phrase = parse_date_phrase(text)
    assert phrase.start == start
    assert phrase.end is None
    assert not phrase.time_bound


def test_several_dates_are_milestones_then_final() -> None:
    phrase = parse_date_phrase("Sept 2024 Sept 2024 Sept 2024 March 2026")
    assert phrase.end == date(2026, 3, 31)
    assert [p.end for p in phrase.milestones] == [date(2024, 9, 30)] * 3


def test_mixed_cell_keeps_its_dated_parts() -> None:
    phrase = parse_date_phrase("August 2026 As set out")
    assert phrase.end == date(2026, 8, 31)
    assert [p.precision for p in phrase.periods] == ["month", "as-set-out"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("soon", "'soon' is not a date form"),
        ("2024-06-31", "not a day in the calendar; check the day and the month"),
        ("Q4 25/27", "two consecutive years"),
        ("July 2024 and then some", "'some' is not a date form"),
    ],
)
def test_unreadable_phrases_say_why(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date_phrase(text)
    assert reason in str(info.value)


def test_reporting_month() -> None:
    assert parse_month("2025-01") == date(2025, 1, 1)
    with pytest.raises(DateParseError):
        parse_month("Summer 2025")


@given(st.text(max_size=60))
def test_parser_never_raises_anything_else(text: str) -> None:
    try:
        parse_date_phrase(text)
    except DateParseError:
        pass


@given(st.from_regex(r"(Q[1-4] )?\d{1,5}([/-]\d{1,5}){0,2}", fullmatch=True))
def test_numeric_noise_never_raises_anything_else(text: str) -> None:
    try:
        parse_date_phrase(text)
    except DateParseError:
        pass


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # School terms in England: autumn ends at Christmas, spring runs to Easter, summer to July.
        ("Autumn term 2024", date(2024, 9, 1), date(2024, 12, 31)),
        ("Spring term 2025", date(2025, 1, 1), date(2025, 4, 30)),
        ("Summer Term 2025", date(2025, 4, 1), date(2025, 7, 31)),
        # Without "term", a season is the meteorological one UK public bodies use.
        ("Autumn 2024", date(2024, 9, 1), date(2024, 11, 30)),
        # Days written day first, as in the UK.
        ("31 July 2024", date(2024, 7, 31), date(2024, 7, 31)),
        ("1st April 2025", date(2025, 4, 1), date(2025, 4, 1)),
        ("31/07/2024", date(2024, 7, 31), date(2024, 7, 31)),
    ],
)
def test_terms_and_british_days(text: str, start: date, end: date) -> None:
    [period] = parse_date_phrase(text).periods
    assert (period.start, period.end) == (start, end)


def test_an_american_day_is_not_a_real_date() -> None:
    with pytest.raises(DateParseError, match="not a day in the calendar"):
        parse_date_phrase("07/31/2024")
