"""Messages read as English: dates as the plan writes them, lists as lists."""

from __future__ import annotations

from datetime import date

from conftest import HEADER, PLANS, check, load_errors

EAST = PLANS / "east-sussex-2025.yaml"


def _overdue(ref: str) -> str:
    [message] = [
        d.message for d in check(EAST, date(2026, 1, 15)) if d.name == "overdue" and d.ref == ref
    ]
    return message


def test_a_due_date_is_named_without_the_words_around_it() -> None:
    # East Sussex 4.4 is due "Complete by July 2025".
    assert _overdue("4.4") == "action 4.4 was due July 2025 (ended 31 Jul 2025) and is not rated"


def test_several_dates_are_listed_as_a_list() -> None:
    # East Sussex 2.1 gives March 2025, April 2025 and September 2025 in one cell.
    assert _overdue("2.1") == (
        "action 2.1 was due September 2025 (ended 30 Sep 2025; "
        "its dates: March 2025, April 2025 and September 2025) and is not rated"
    )


def test_an_impact_rating_takes_an(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.yaml"
    path.write_text(
        HEADER + 'actions:\n  - ref: "1.1"\n    title: T\n    impact: Purple\n', encoding="utf-8"
    )
    [d] = load_errors(path)
    assert d.message == "'Purple' is not an impact rating in this plan's scale"


# --- No pydantic or Python wording reaches a council officer, and every load error says what to do.

import re  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from test_bad_input import ACTION, CASES  # noqa: E402
from test_fuzz_plans import run_sendplan  # noqa: E402

# Words from the libraries underneath, not from sendplan: pydantic's messages, Python's type
# names, and the YAML spelling of infinity a too-large number turns into.
LIBRARY_WORDING = re.compile(
    r"String should|Value error|NoneType|\.inf\b|\bdict\b|<block|Traceback|internal error"
    r"|out of range for month|must be in 1\.\.12|\['"
)

MORE_PLANS = [
    ("indentation", HEADER + ACTION + "      due: July 2025\n"),
    ("dedented", HEADER + ACTION + "   due: July 2025\n"),
    ("list-item-out-of-line", HEADER + ACTION + ' - ref: "1.2"\n    title: Other\n'),
    ("colon-in-value", HEADER + ACTION + "    commentary: Aim: fewer waits\n"),
    ("missing-colon", HEADER + ACTION + "    due July 2025\n    impact: Red\n"),
    ("unclosed-quote", HEADER + ACTION + '    commentary: "Waiting well\n    impact: Red\n'),
    ("quote-in-quotes", HEADER + ACTION + "    commentary: 'it's late'\n"),
    ("unclosed-bracket", HEADER + ACTION + "    leads: [Jane Taylor\n"),
    ("at-sign", HEADER + ACTION + "    commentary: @home\n"),
    ("date-as-mapping", HEADER + ACTION + "    due: {month: July}\n"),
    ("date-as-list", HEADER + ACTION + "    due: [July 2025]\n"),
    ("title-as-list", HEADER + 'actions:\n  - ref: "1.1"\n    title: [a, b]\n'),
    ("empty-title", HEADER + 'actions:\n  - ref: "1.1"\n    title: ""\n'),
    (
        "huge-figure",
        HEADER + "indicators:\n  - id: K\n    name: N\n    unit: count\n    actuals:\n"
        "      - {period: 2025-01, value: 1e400}\nactions: []\n",
    ),
    ("far-year", HEADER + ACTION + "    due: July 9999\n"),
    ("no-such-day", HEADER + ACTION + "    due: 31 February 2025\n"),
    ("no-such-month", HEADER + ACTION + "    due: 2024-13-45\n"),
    (
        "figure-as-list",
        HEADER + "indicators:\n  - id: K\n    name: N\n    unit: count\n    actuals:\n"
        "      - {period: 2025-01, value: [1]}\nactions: []\n",
    ),
]
PLAN_CASES = [(name, raw) for name, raw, _, _ in CASES] + [
    (name, text.encode()) for name, text in MORE_PLANS
]


@pytest.mark.parametrize(("name", "raw"), PLAN_CASES, ids=[name for name, _ in PLAN_CASES])
def test_every_load_error_has_a_hint_in_plain_words(tmp_path: Path, name: str, raw: bytes) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    errors = load_errors(path)
    assert errors, "each case is a plan sendplan cannot read"
    for d in errors:
        assert d.hint, (
            f"{d.code} at {d.line}:{d.column} ({d.message}) says what is wrong but not what to do"
        )
        assert not LIBRARY_WORDING.search(d.message + " " + d.hint), d.message + " / " + d.hint


def test_a_yaml_slip_names_its_line_and_what_to_check(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        HEADER + ACTION + "      due: July 2025\n", encoding="utf-8"
    )  # line 8, two spaces too far in
    [d] = load_errors(path)
    assert (d.line, d.name) == (8, "yaml-syntax")
    assert "indented further than the line above" in d.message
    assert d.hint is not None and "indentation against the line above" in d.hint


def test_an_unclosed_quote_is_shown_where_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        HEADER + ACTION + '    commentary: "Waiting well\n    impact: Red\n', encoding="utf-8"
    )
    [d] = load_errors(path)
    assert (d.line, d.column, d.message) == (8, 17, "a quote opened here is never closed")


def test_a_missing_colon_is_shown_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(HEADER + ACTION + "    due July 2025\n    impact: Red\n", encoding="utf-8")
    [d] = load_errors(path)
    assert (d.line, d.column, d.message) == (8, 5, "a line with no colon after its key")


WEST = PLANS / "west-sussex-2024.yaml"
INDICATORS = PLANS.parent / "tests" / "fixtures" / "valid" / "indicators.yaml"

# Options a user may type wrong, each with words its message must hold; every one exits 2.
OPTION_CASES = [
    (
        ["update", "{west}", "1.1", "--month", "2025-01", "--impact", "Purple"],
        "'Purple' is not an impact rating",
    ),
    (
        ["update", "{west}", "1.1", "--month", "2025-01", "--completion", "Purple"],
        "is not a completion rating",
    ),
    (
        ["update", "{west}", "1.1", "--month", "2025-01", "--comment", ""],
        "--comment is empty; write the commentary",
    ),
    (
        ["update", "{west}", "1.1", "--month", "2025-01", "--comment", "x", "--note", "y"],
        "--note belongs to a KPI figure (with --indicator), not to an action's update",
    ),
    (
        ["update", "{west}", "1.1", "--month", "2025-01", "--comment", "x", "--replace"],
        "--replace belongs to a KPI figure",
    ),
    (
        ["update", "{west}", "--month", "2025-01", "--paper-author", "A", "--value", "3"],
        "--value belongs to a KPI figure (with --indicator), not to the paper's words",
    ),
    (["update", "{west}", "1.1", "--month", "2999-12", "--comment", "x"], "has not started yet"),
    (
        ["update", "{west}", "1.1", "--comment", "x"],
        "--month is missing: give the month this update of action 1.1 is for",
    ),
    (
        ["update", "{west}", "1.1", "--month", "9999-12", "--comment", "x"],
        "outside the years sendplan handles",
    ),
    (
        [
            "update",
            "{west}",
            "1.1",
            "--month",
            "2025-01",
            "--propose-due",
            "2025-09",
            "--reason",
            " ",
        ],
        "--reason is empty",
    ),
    (
        ["update", "{kpi}", "--indicator", "KPI 2", "--period", "2025-09", "--value", "1e400"],
        "--value 1e400: too large",
    ),
    (
        ["update", "{kpi}", "--indicator", "KPI 2", "--period", "2999-06", "--value", "4"],
        "can be recorded from 1 July 2999",
    ),
    (
        ["update", "{kpi}", "--indicator", "KPI 2", "--period", "2020-06", "--value", "4"],
        "before indicator KPI 2's baseline",
    ),
    (
        ["update", "{kpi}", "--indicator", "KPI 2", "--period", "2025-09", "--value", "54%"],
        "must be a number",
    ),
    (["validate", "{west}", "--as-of", "9999-12-01"], "outside the years sendplan handles"),
    (["report", "{west}", "--month", "9999-01", "-o", "-"], "outside the years sendplan handles"),
    (
        ["export", "{west}", "--month", "9999-12", "-o", "{tmp}/form.xlsx"],
        "outside the years sendplan handles",
    ),
    (
        ["update", "{tmp}", "1.1", "--month", "2025-01", "--comment", "x"],
        "is a folder, not a plan; give one plan file",
    ),
    (["new", "-o", "{tmp}/new.yaml", "--title", "", "--partnership", "P"], "--title is empty"),
    (
        ["new", "-o", "{tmp}/new.yaml", "--title", "a\nb", "--partnership", "P"],
        "--title holds a line break",
    ),
]


@pytest.mark.parametrize(
    ("args", "words"), OPTION_CASES, ids=[" ".join(a[:1] + a[3:5]) for a, _ in OPTION_CASES]
)
def test_every_option_mistake_is_refused_in_plain_words(
    tmp_path: Path, args: list[str], words: str
) -> None:
    west, kpi = tmp_path / "west.yaml", tmp_path / "kpi.yaml"
    shutil.copyfile(WEST, west)
    shutil.copyfile(INDICATORS, kpi)
    before = west.read_bytes(), kpi.read_bytes()
    code, out, err = run_sendplan(*(a.format(west=west, kpi=kpi, tmp=tmp_path) for a in args))
    assert code == 2, err
    assert words in err
    assert not LIBRARY_WORDING.search(out + err), err
    assert (west.read_bytes(), kpi.read_bytes()) == before  # nothing written
    assert not (tmp_path / "new.yaml").exists()
