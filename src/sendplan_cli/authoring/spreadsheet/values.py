"""Reading what a lead typed: ratings from the plan's scale, commentary, a proposed date, a figure.

Each reader returns (value, problem); a problem names the cell and says what to type instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.plan.dates import MONTHS, DateParseError, parse_date_phrase, parse_figure_period
from sendplan_cli.plan.locate import suggest
from sendplan_cli.plan.scale import normalise

Read = tuple[Any, "str | None"]
# Messages quote what was typed in double quotes, as a spreadsheet user sees text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})")
_DAY_NAMED_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")


def formula(cell: Any) -> str | None:
    """Formulas are never evaluated: the lead is asked to type the value itself."""
    if cell.data_type == "f":
        return f"{one_line(cell.value)} is a formula; type the value itself (sendplan does not run formulas)"
    return None


def text(value: Any) -> Read:
    """Free text: numbers and dates are taken as written; control characters are refused."""
    if value is None:
        return None, None
    if isinstance(value, datetime):
        value = value.date().isoformat()
    written = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL.search(written):
        return None, "contains a control character; retype the text"
    return written or None, None


def rating(value: Any, names: list[str], kind: str) -> Read:
    written, problem = text(value)
    if problem or written is None:
        return None, problem
    for name in names:
        if normalise(name) == normalise(written):
            return name, None
    close = suggest(written, names)
    advice = (
        f"did you mean {one_line(close)}?"
        if close
        else "choose one of " + ", ".join(one_line(n) for n in names)
    )
    return (
        None,
        f'"{one_line(written)}" is not {"an" if kind[0] in "aeiou" else "a"} {kind} rating; {advice}',
    )


def proposed_date(value: Any, month: date) -> Read:
    """A date as the plan writes it: a day as YYYY-MM-DD, or the phrase typed when it names a period ("March 2026")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day: date | None = value
        written = value.isoformat()
    elif isinstance(value, str):
        day, written, problem = _british(value.strip())
        if problem:
            return None, problem
    else:
        return (
            None,
            f'"{one_line(value)}" is not a date; give a date such as 31/03/2026 or March 2026',
        )
    end = day if day else parse_date_phrase(written).end
    if end is None:
        return (
            None,
            f'"{one_line(written)}" names no end date; give a date such as 31/03/2026 or March 2026',
        )
    if end < month:
        return (
            None,
            f'"{one_line(written)}" is before {month:%B %Y}; a proposed new date is in the future',
        )
    return written, None


def _british(written: str) -> tuple[date | None, str, str | None]:
    """31/03/2026 and 31 March 2026 (day first, as in Britain) become 2026-03-31; phrases the plan accepts stay as typed."""
    bad = f'"{one_line(written)}" is not a date sendplan can read; give a date such as 31/03/2026, 31 March 2026 or March 2026'
    numeric = _DAY_MONTH_YEAR.fullmatch(written)
    named = _DAY_NAMED_MONTH.fullmatch(written)
    if numeric or named:
        d, m, y = numeric.groups() if numeric else named.groups()  # type: ignore[union-attr]
        month = int(m) if numeric else MONTHS.get(m.casefold())
        try:
            day = date(int(y) + (2000 if len(y) == 2 else 0), month or 0, int(d))
        except ValueError:
            return None, written, bad
        return day, day.isoformat(), None
    try:
        parse_date_phrase(written)
    except DateParseError:
        return None, written, bad
    return None, written, None


def period(value: Any) -> Read:
    """A reporting period; Excel turns a typed 2025-01 into 1 January 2025, which is read back as 2025-01."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return (f"{value:%Y-%m}", None) if value.day == 1 else (value.isoformat(), None)
    written, problem = text(value)
    if problem or written is None:
        return None, problem
    try:
        phrase = parse_figure_period(written)
    except DateParseError:
        phrase = None
    if phrase is None or len(phrase.periods) != 1 or phrase.end is None:
        return (
            None,
            f'"{one_line(written)}" is not one reporting period; give e.g. 2025-01, "Q3 24/25" or 2024/25',
        )
    return written, None


def number(value: Any) -> Read:
    if isinstance(value, bool):
        return None, "is TRUE or FALSE, not a number; write the figure, e.g. 54.2"
    if value is None or isinstance(value, (int, float)):
        return value, None
    written, problem = text(value)
    if problem or written is None:
        return None, problem
    from sendplan_cli.plan.kpi_model import NumberTextError, _number

    try:
        figure = _number(written)
    except NumberTextError as exc:
        return None, f'"{one_line(written)}" is not a number; {exc.advice}'
    return (int(figure) if figure == int(figure) and "." not in written else figure), None
