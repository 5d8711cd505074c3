"""`sendplan update --indicator`: one period's figure recorded, only those lines changed, refusals change nothing."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from conftest import run_cli, write_plan

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.plan.kpi_status import kpi_statuses

PLAN = """\
indicators:
  - id: KPI 1
    name: New EHC plans issued within 20 weeks
    unit: percent
    direction: higher-is-better
    trajectory:
      - {by: June 2025, value: 52}
    actuals:
      - {period: 2025-04, value: 49}
      - {period: 2025-06, value: 48}  # June from the case system
    # KPI 2 is reported by the ICB
  - id: KPI 2
    name: Weeks to a first neurodevelopmental appointment
    unit: weeks
    direction: lower-is-better
    actuals:
      - period: 2025-05
        value: 40
        note: New triage
actions: []
"""


def _changes(before: bytes, after: bytes) -> list[tuple[str, list[str], list[str]]]:
    old, new = before.decode().splitlines(), after.decode().splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        (tag, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def test_a_figure_is_added_in_period_order_written_like_its_neighbours(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    before = path.read_bytes()
    result = run_cli(
        "update", str(path), "--indicator", "KPI 1", "--period", "2025-05", "--value", "50.5"
    )
    assert result.returncode == 0, result.stderr
    assert _changes(before, path.read_bytes()) == [
        ("insert", [], ["      - {period: 2025-05, value: 50.5}"])
    ]


def test_a_figure_after_the_last_goes_before_the_comment_that_follows_it(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    result = run_cli(
        "update",
        str(path),
        "--indicator",
        "KPI 1",
        "--period",
        "July 2025",
        "--value",
        "53",
        "--note",
        "Provisional: validation due",
    )
    assert result.returncode == 0, result.stderr
    lines = path.read_text().splitlines()
    at = lines.index("      - {period: 2025-06, value: 48}  # June from the case system")
    assert lines[at + 1 : at + 3] == [
        "      - {period: July 2025, value: 53, note: 'Provisional: validation due'}",
        "    # KPI 2 is reported by the ICB",
    ]
    _, plan = load_model(path)
    assert plan is not None
    kpi = kpi_statuses(plan, date(2025, 8, 15))[0]
    assert kpi.latest is not None and (kpi.latest.value, kpi.latest.note) == (
        53.0,
        "Provisional: validation due",
    )


def test_block_style_figures_get_a_block_style_entry(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    before = path.read_bytes()
    assert (
        run_cli(
            "update", str(path), "--indicator", "KPI 2", "--period", "2025-06", "--value", "38"
        ).returncode
        == 0
    )
    assert _changes(before, path.read_bytes()) == [
        ("insert", [], ["      - period: 2025-06", "        value: 38"]),
    ]


def test_an_indicator_with_no_figures_gets_its_first(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        indicators:
          - id: KPI 3
            name: Suspensions
            unit: count
        actions: []
        """,
    )
    before = path.read_bytes()
    assert (
        run_cli(
            "update", str(path), "--indicator", "KPI 3", "--period", "Q1 25/26", "--value", "1600"
        ).returncode
        == 0
    )
    assert _changes(before, path.read_bytes()) == [
        ("insert", [], ["    actuals:", "      - period: Q1 25/26", "        value: 1600"]),
    ]


def test_a_second_figure_for_a_period_is_refused_unless_replacing(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    before = path.read_bytes()
    refused = run_cli(
        "update", str(path), "--indicator", "KPI 1", "--period", "June 2025", "--value", "47"
    )
    assert refused.returncode == 2
    assert "already has a figure for 2025-06 (48); give --replace" in refused.stderr
    assert path.read_bytes() == before
    replaced = run_cli(
        "update",
        str(path),
        "--indicator",
        "KPI 1",
        "--period",
        "June 2025",
        "--value",
        "47",
        "--replace",
    )
    assert replaced.returncode == 0, replaced.stderr
    assert _changes(before, path.read_bytes()) == [
        (
            "replace",
            ["      - {period: 2025-06, value: 48}  # June from the case system"],
            ["      - {period: 2025-06, value: 47}  # June from the case system"],
        ),
    ]


def test_dry_run_shows_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    before = path.read_bytes()
    result = run_cli(
        "update",
        str(path),
        "--indicator",
        "KPI 1",
        "--period",
        "2025-05",
        "--value",
        "50",
        "--dry-run",
    )
    assert result.returncode == 0
    assert "+      - {period: 2025-05, value: 50}\n" in result.stdout
    assert path.read_bytes() == before


def test_bad_values_ids_and_periods_exit_2_and_change_nothing(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    before = path.read_bytes()
    for args, words in [
        (
            ["--indicator", "KPI 1", "--period", "2025-05", "--value", "38%"],
            "--value '38%' must be a number; write 38",
        ),
        (["--indicator", "KPI 1", "--period", "2025-05", "--value", "1,600"], "write 1600"),
        (
            ["--indicator", "KPI1", "--period", "2025-05", "--value", "38"],
            "no indicator with id 'KPI1'; did you mean 'KPI 1'?",
        ),
        (
            ["--indicator", "KPI 1", "--period", "Marsh 2025", "--value", "38"],
            "cannot read 'Marsh 2025' as a date",
        ),
        (["--indicator", "KPI 1", "--value", "38"], "--indicator needs --period and --value"),
        (
            ["1.1", "--indicator", "KPI 1", "--period", "2025-05", "--value", "38"],
            "an action ref belongs to action updates",
        ),
        (
            ["--indicator", "KPI 1", "--period", "Sept", "2025", "--value", "38"],
            "'2025' belongs to no option: put a period of several words in quotes",
        ),
        (
            ["--indicator", "KPI 1", "--month", "2025-05", "--period", "2025-05", "--value", "38"],
            "--month belongs to action updates",
        ),
        (
            ["--indicator", "KPI 1", "--period", "2025-05", "--value", "38", "--note", "a\x1b[2Jb"],
            "--note: holds control character U+001B",
        ),
    ]:
        result = run_cli("update", str(path), *args)
        assert result.returncode == 2, args
        assert words in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_replacing_a_figure_with_the_same_one_says_no_change_and_writes_nothing(
    tmp_path: Path,
) -> None:
    path = write_plan(tmp_path, PLAN)
    before = path.stat().st_mtime_ns, path.read_bytes()
    same = run_cli(
        "update",
        str(path),
        "--indicator",
        "KPI 1",
        "--period",
        "2025-06",
        "--value",
        "48",
        "--replace",
    )
    assert same.returncode == 0, same.stderr
    assert "no change: indicator KPI 1" in same.stderr
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
