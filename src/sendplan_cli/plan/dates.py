"""Dates as improvement plans write them: "July 2024", "Summer 2025", "Q4 25/26", "Ongoing"...

A date field is kept as written and parsed into one or more periods. Phrases that
name no end ("Ongoing", "As set out", "From September 2025") are valid but not
time-bound; the parser records that and never invents an end date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
# Meteorological seasons, as UK public bodies use them; winter runs into the next year.
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
# School terms in England: "Autumn term 2024" ends at Christmas, not with the meteorological autumn.
# Spring term runs to Easter, which falls in March or April; April's end keeps an action from
# being called overdue before its term is over.
TERMS = {"autumn": (9, 12), "spring": (1, 4), "summer": (4, 7)}

ACCEPTED_FORMS = (
    '"July 2024" or "Sept 2025" (a month)',
    '"2024-07" or "2024-07-31" (ISO month or day)',
    '"31 July 2024" or "31/07/2024" (a day, day first as in the UK)',
    '"Summer 2025" (spring, summer, autumn, winter)',
    '"Autumn term 2024" (school terms: autumn September-December, spring January-April, summer April-July)',
    '"Q4 25/26" (financial quarter, Q1 = April-June)',
    '"2026/27" (financial year, April-March)',
    '"2025" (a calendar year)',
    '"From September 2025" or "Ongoing from March 2025" (open-ended)',
    '"Complete by July 2025" or "By July 2025"',
    '"Ongoing with full implementation March 2026"',
    '"Ongoing" or "As set out" (not time-bound)',
    "several of these in one field, for milestones",
    '"April 2024 to March 2025", "2024-01/2024-09" or "April to September 2024" (a figure\'s period over a range of months)',
)


# The years sendplan handles. Rules count forward and back from a date (a month on for "due
# soon", a period on for a late figure), and Python's calendar stops at year 9999; a plan's dates,
# the as-of date and every month typed lie well inside these bounds, so no sum leaves the calendar.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def not_yet_begun(month: date, today: date) -> bool:
    """Whether the month holding `month` starts after the month holding `today`: nothing can be reported for it yet."""
    return (month.year, month.month) > (today.year, today.month)


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of time named by one date phrase; end is None when open-ended."""

    start: date | None
    end: date | None
    precision: str
    text: str
    label: str = ""
    """The date alone, without words such as "Complete by" or "From" around it; empty when it is the text."""

    @property
    def when(self) -> str:
        """The date as written, for sentences: "July 2025" out of "Complete by July 2025"."""
        return self.label or self.text


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A date field as written, with the periods it names."""

    text: str
    periods: tuple[Period, ...] = ()

    @property
    def final(self) -> Period | None:
        """The period with the latest end, when any period has an end."""
        ended = [p for p in self.periods if p.end is not None]
        return max(ended, key=lambda p: p.end) if ended else None  # type: ignore[arg-type,return-value]

    @property
    def end(self) -> date | None:
        final = self.final
        return final.end if final else None

    @property
    def start(self) -> date | None:
        starts = [p.start for p in self.periods if p.start is not None]
        return min(starts) if starts else None

    @property
    def time_bound(self) -> bool:
        return self.end is not None

    @property
    def milestones(self) -> tuple[Period, ...]:
        """Every dated period other than the final one."""
        final = self.final
        return tuple(p for p in self.periods if p.end is not None and p is not final)


class DateParseError(ValueError):
    """A date phrase that matches none of the accepted forms."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read {text!r} as a date: {reason}")


class DateOutOfRange(DateParseError):
    """A date phrase in a form sendplan knows, naming a year outside EARLIEST to LATEST."""


def month_error(text: str, exc: DateParseError) -> str:
    """What to tell someone whose typed month could not be read: the year, or the form."""
    if isinstance(exc, DateOutOfRange):
        return exc.reason
    return f"{text!r} is not a month; use YYYY-MM, e.g. 2025-01"


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if value < 100 else value


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON_NAMES = "|".join(SEASONS)
# One dated form; the alternatives are tried in order at the current position.
_DATED = re.compile(
    rf"""
    (?P<uk_day>(?P<u_d>\d{{1,2}})/(?P<u_m>\d{{1,2}})/(?P<u_y>\d{{4}}))\b
  | (?P<day_month>(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_mon>{_MONTH_NAMES})\.?,?\s+(?P<dm_y>\d{{4}}))\b
  | (?P<iso_day>(?P<d_y>\d{{4}})-(?P<d_m>\d{{1,2}})-(?P<d_d>\d{{1,2}}))\b
  | (?P<iso_month>(?P<m_y>\d{{4}})-(?P<m_m>\d{{1,2}}))\b
  | (?P<month>(?P<mon>{_MONTH_NAMES})\.?,?\s+(?P<mon_y>\d{{4}}))\b
  | (?P<season>(?P<sea>{_SEASON_NAMES})(?P<term>\s+term)?\s+(?P<sea_y>\d{{4}}))\b
  | (?P<quarter>Q(?P<q>[1-4])\s*(?:FY\s*)?(?P<q_y1>\d{{2}}|\d{{4}})\s*/\s*(?P<q_y2>\d{{2}}|\d{{4}}))\b
  | (?P<fin_year>(?:FY\s*)?(?P<f_y1>\d{{4}})\s*/\s*(?P<f_y2>\d{{2}}|\d{{4}}))\b
  | (?P<year>(?P<y>\d{{4}}))\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_OPEN = re.compile(r"(?:on\s*-?\s*going\s+)?from\s+", re.IGNORECASE)
_BY = re.compile(
    r"(?:(?:complete[d]?|completion)\s+by|by|on\s*-?\s*going\s+with\s+full\s+implementation(?:\s+by)?"
    r"|(?:end|by\s+the\s+end)\s+of)\s+",
    re.IGNORECASE,
)
_UNDATED = re.compile(
    r"(?P<ongoing>on\s*-?\s*going)\b|(?P<as_set_out>as\s+set\s+out)\b", re.IGNORECASE
)
_SEPARATORS = re.compile(r"[\s,;/&•\-–]+|\band\b|\bthen\b", re.IGNORECASE)


def _dated(m: re.Match[str]) -> Period:
    text = m.group(0)
    kind = next(
        k
        for k in (
            "uk_day",
            "day_month",
            "iso_day",
            "iso_month",
            "month",
            "season",
            "quarter",
            "fin_year",
            "year",
        )
        if m.group(k)
    )
    try:
        if kind in ("uk_day", "day_month"):
            year = int(m["u_y"] or m["dm_y"])
            month = int(m["u_m"]) if kind == "uk_day" else MONTHS[m["dm_mon"].lower()]
            day = date(year, month, int(m["u_d"] or m["dm_d"]))
            return Period(day, day, "day", text)
        if kind == "iso_day":
            day = date(int(m["d_y"]), int(m["d_m"]), int(m["d_d"]))
            return Period(day, day, "day", text)
        if kind == "iso_month":
            year, month = int(m["m_y"]), int(m["m_m"])
            return Period(date(year, month, 1), month_end(year, month), "month", text)
        if kind == "month":
            year, month = int(m["mon_y"]), MONTHS[m["mon"].lower()]
            return Period(date(year, month, 1), month_end(year, month), "month", text)
        if kind == "season":
            year = int(m["sea_y"])
            name = m["sea"].lower()
            if m["term"] and name in TERMS:
                first, last = TERMS[name]
                return Period(date(year, first, 1), month_end(year, last), "term", text)
            first, last = SEASONS[name]
            end_year = year + 1 if last < first else year
            return Period(date(year, first, 1), month_end(end_year, last), "season", text)
        if kind == "quarter":
            fy = _year(m["q_y1"])
            _check_consecutive(fy, _year(m["q_y2"]), text)
            first = 4 + 3 * (int(m["q"]) - 1)
            year = fy + (first - 1) // 12
            first = (first - 1) % 12 + 1
            return Period(date(year, first, 1), month_end(year, first + 2), "quarter", text)
        if kind == "fin_year":
            fy = int(m["f_y1"])
            _check_consecutive(fy, _year(m["f_y2"]), text)
            return Period(date(fy, 4, 1), date(fy + 1, 3, 31), "financial-year", text)
        year = int(m["y"])
        return Period(date(year, 1, 1), date(year, 12, 31), "year", text)
    except ValueError as exc:
        if isinstance(exc, DateParseError):
            raise
        # The calendar's own wording ("day is out of range for month") is Python's, not the reader's.
        raise DateParseError(
            text,
            f"{text!r} is not a day in the calendar; check the day and the month "
            "(a month has 28 to 31 days, and there are 12 months)",
        ) from None


def _check_consecutive(first: int, second: int, text: str) -> None:
    if second % 100 != (first + 1) % 100:
        raise DateParseError(
            text, "a financial year runs over two consecutive years, such as 2025/26"
        )


# Plans repeat the same few phrases ("July 2024", "Ongoing", each month of the updates) many
# times over; a phrase always parses to the same frozen value, so each is parsed once.
@lru_cache(maxsize=4096)
def parse_date_phrase(text: str) -> DatePhrase:
    """Parse a date field as written; raise DateParseError if any part is unreadable."""
    periods: list[Period] = []
    pos, n = 0, len(text)
    while pos < n:
        sep = _SEPARATORS.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        opener = _OPEN.match(text, pos)
        by = None if opener else _BY.match(text, pos)
        lead = opener or by
        cursor = lead.end() if lead else pos
        dated = _DATED.match(text, cursor)
        if dated:
            period = _dated(dated)
            if not (
                EARLIEST <= period.start <= LATEST  # type: ignore[operator]
                and period.end is not None
                and period.end <= LATEST
            ):
                raise DateOutOfRange(
                    text,
                    f"{dated.group(0)!r} is outside the years sendplan handles "
                    f"({EARLIEST.year} to {LATEST.year}); check the year",
                )
            if opener:
                period = Period(period.start, None, "open", text[pos : dated.end()], dated.group(0))
            elif by:
                period = Period(
                    None, period.end, period.precision, text[pos : dated.end()], dated.group(0)
                )
            periods.append(period)
            pos = dated.end()
            continue
        undated = _UNDATED.match(text, pos)
        if undated and not lead:
            periods.append(
                Period(
                    None, None, "ongoing" if undated["ongoing"] else "as-set-out", undated.group(0)
                )
            )
            pos = undated.end()
            continue
        rest = text[pos:].strip()
        raise DateParseError(text, f"{rest[:40]!r} is not a date form sendplan knows")
    return DatePhrase(text, tuple(periods))


# What may join the two ends of a figure's period: "2024-01/2024-09", "April 2024 - March 2025", "April 2024 to March 2025".
_RANGE_JOIN = re.compile(r"\s*(?:/|-|–|—)\s*")
_WORD_JOIN = re.compile(r"\s+(?:to|until|through)\s+", re.IGNORECASE)
_UNBOUNDED = ("open", "ongoing", "as-set-out")
# "April to September 2024", "Jan-Sep 2024": two months sharing one year.
_MONTHS_IN_YEAR = re.compile(
    rf"(?P<a>{_MONTH_NAMES})\.?\s*(?:-|–|—|to)\s*(?P<b>{_MONTH_NAMES})\.?,?\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)
RANGE_FORM = ACCEPTED_FORMS[-1]
ONE_PERIOD = (
    'a figure is for one period: write a range as "April 2024 to March 2025" or "2024-01/2024-09", '
    "and each period's figure as its own entry"
)


@lru_cache(maxsize=4096)
def parse_figure_period(text: str) -> DatePhrase:
    """Parse the period a figure is for: one period, or a range from the start of one to the end of another.

    A date field elsewhere may list several dates (milestones); a figure's period may not, since
    reading "2024-01/2024-09" as September alone would misdate a nine-month figure."""
    months = _MONTHS_IN_YEAR.fullmatch(text.strip())
    if months:
        first_month, last_month, year = (
            MONTHS[months["a"].lower()],
            MONTHS[months["b"].lower()],
            int(months["y"]),
        )
        if first_month >= last_month:
            raise DateParseError(
                text,
                f"{text!r} does not say which year {months['a']} is in; write both ends, "
                'e.g. "September 2024 to March 2025"',
            )
        return _range(
            text,
            parse_date_phrase(f"{months['a']} {year}").periods[0],
            parse_date_phrase(f"{months['b']} {year}").periods[0],
        )
    worded = _WORD_JOIN.split(text)
    if len(worded) > 1:
        ends = [parse_date_phrase(part.strip()).periods for part in worded]
        if len(worded) != 2 or any(
            len(p) != 1 or p[0].precision in _UNBOUNDED or p[0].start is None for p in ends
        ):
            raise DateParseError(text, ONE_PERIOD)
        return _range(text, ends[0][0], ends[1][0])
    phrase = parse_date_phrase(text)
    if len(phrase.periods) <= 1:
        return phrase
    first, *rest = phrase.periods
    if (
        len(rest) != 1
        or first.precision in _UNBOUNDED
        or rest[0].precision in _UNBOUNDED
        or first.start is None
        or rest[0].start is None
    ):
        raise DateParseError(text, ONE_PERIOD)
    last = rest[0]
    between = text[text.index(first.text) + len(first.text) : text.rindex(last.text)]
    if not _RANGE_JOIN.fullmatch(between):
        raise DateParseError(text, ONE_PERIOD)
    return _range(text, first, last)


def _range(text: str, first: Period, last: Period) -> DatePhrase:
    assert first.start is not None and last.end is not None
    if not first.start < last.end or (last.start is not None and last.start < first.start):
        raise DateParseError(
            text,
            f'the range ends before it starts; write the earlier period first, e.g. "{last.text} to {first.text}"',
        )
    return DatePhrase(text, (Period(first.start, last.end, "range", text),))


@lru_cache(maxsize=4096)
def parse_month(text: str) -> date:
    """Parse a reporting month "YYYY-MM" (or a month phrase) to its first day."""
    phrase = parse_date_phrase(text)
    if len(phrase.periods) != 1 or phrase.periods[0].precision not in {"month", "day"}:
        raise DateParseError(text, "expected one month, such as 2025-01 or January 2025")
    start = phrase.periods[0].start
    assert start is not None
    return start.replace(day=1)


def english_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"; repeats left out."""
    unique = list(dict.fromkeys(items))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
