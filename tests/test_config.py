"""Configuration files and inline suppressions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import check, run_cli, write_plan
from test_reporters import OVERDUE_BODY

AS_OF = date(2025, 1, 15)


def names(path: Path, as_of: date = AS_OF) -> list[str]:
    return sorted(d.name for d in check(path, as_of))


def test_sendplan_toml_selects_ignores_and_overrides(tmp_path: Path) -> None:
    from sendplan_cli.check.config import clear_config_cache

    clear_config_cache()
    (tmp_path / "sendplan.toml").write_text(
        'ignore = ["rating-contradicts-dates"]\n[severity]\noverdue = "warning"\n', encoding="utf-8"
    )
    plan = write_plan(tmp_path, OVERDUE_BODY)
    [d] = check(plan, AS_OF)
    assert (d.name, d.severity.value) == ("overdue", "warning")
    assert run_cli("validate", str(plan), "--as-of", "2025-01-15").returncode == 0


def test_pyproject_table_is_found_by_walking_up(tmp_path: Path) -> None:
    from sendplan_cli.check.config import clear_config_cache

    clear_config_cache()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sendplan]\nselect = ["SP201"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    (tmp_path / "plans").mkdir()
    plan = write_plan(tmp_path / "plans", OVERDUE_BODY)
    assert names(plan) == ["rating-contradicts-dates"]
    assert run_cli("validate", str(plan), "--as-of", "2025-01-15").returncode == 1
    assert (
        run_cli("validate", str(plan), "--as-of", "2025-01-15", "--fail-on", "error").returncode
        == 0
    )


def test_rule_options(tmp_path: Path) -> None:
    from sendplan_cli.check.config import clear_config_cache

    clear_config_cache()
    (tmp_path / "sendplan.toml").write_text("due-soon-days = 200\n", encoding="utf-8")
    plan = write_plan(tmp_path, OVERDUE_BODY)
    assert "due-soon" in names(plan, date(2024, 4, 30))


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ('select = ["overdew"]\n', "unknown rule 'overdew'"),
        ("colour = 1\n", "unknown setting(s) colour"),
        ('fail-on = "fatal"\n', "expected error, warning or info"),
        ("select = [\n", "cannot read configuration"),
        # Past these bounds a date sum leaves the calendar; the value must be refused, not crash the run.
        (
            "due-soon-days = 100000000\n",
            "due-soon-days: expected a whole number from 0 to 3,660, found 100,000,000",
        ),
        (
            "due-soon-days = -5\n",
            "due-soon-days: expected a whole number from 0 to 3,660, found -5",
        ),
        ("stale-months = 100000000000\n", "stale-months: expected a whole number from 0 to 120"),
        ("max-file-size = -1\n", "max-file-size: expected a whole number from 1 to 2,000,000,000"),
        ("max-file-size = 0\n", "max-file-size: expected a whole number from 1"),
    ],
)
def test_bad_configuration_is_a_usage_error(tmp_path: Path, toml: str, words: str) -> None:
    (tmp_path / "sendplan.toml").write_text(toml, encoding="utf-8")
    plan = write_plan(tmp_path, OVERDUE_BODY)
    result = run_cli("validate", str(plan))
    assert result.returncode == 2
    assert words in result.stderr and "sendplan.toml" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        # TOML reads 1e400 as infinity; "found inf" meant nothing to the officer who wrote it.
        (
            "due-soon-days = 1e400\n",
            "due-soon-days: expected a whole number from 0 to 3,660, "
            "found a number too large to be a count of days; write e.g. 31",
        ),
        (
            "due-soon-days = -1e400\n",
            "due-soon-days: expected a whole number from 0 to 3,660, "
            "found a number too far below zero to be a count of days; write e.g. 31",
        ),
        (
            "due-soon-days = nan\n",
            "due-soon-days: expected a whole number from 0 to 3,660, "
            'found nan ("not a number"), which cannot be a count of days; write e.g. 31',
        ),
        (
            "stale-months = inf\n",
            "stale-months: expected a whole number from 0 to 120, "
            "found a number too large to be a count of months; write e.g. 1",
        ),
        (
            "voice-months = -nan\n",
            "voice-months: expected a whole number from 1 to 120, "
            'found nan ("not a number"), which cannot be a count of months; write e.g. 3',
        ),
        (
            "max-file-size = 1e400\n",
            "max-file-size: expected a whole number from 1 to 2,000,000,000, "
            "found a number too large to be a size in bytes; write e.g. 50_000_000",
        ),
    ],
)
def test_an_infinite_or_not_a_number_setting_is_refused_in_plain_words(
    tmp_path: Path, toml: str, words: str
) -> None:
    (tmp_path / "sendplan.toml").write_text(toml, encoding="utf-8")
    plan = write_plan(tmp_path, OVERDUE_BODY)
    result = run_cli("validate", str(plan))
    assert result.returncode == 2
    assert words in result.stderr, result.stderr
    assert "found inf" not in result.stderr and "found -inf" not in result.stderr
    assert "Traceback" not in result.stderr


def _with_comment(comment: str) -> str:
    return OVERDUE_BODY.replace("    due: July 2024\n", f"    due: July 2024  {comment}\n")


def test_suppression_hides_the_finding_on_its_line(tmp_path: Path) -> None:
    plan = write_plan(
        tmp_path,
        _with_comment(
            '# sendplan: ignore[overdue] reason="new date agreed by board 2024-09" until=2025-03-31'
        ),
    )
    assert names(plan) == ["rating-contradicts-dates"]


def test_suppression_by_code(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, _with_comment('# sendplan: ignore[SP101] reason="agreed"'))
    assert names(plan) == ["rating-contradicts-dates"]


def test_suppression_without_reason_still_hides_but_is_reported(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, _with_comment("# sendplan: ignore[overdue]"))
    found = check(plan, AS_OF)
    assert sorted(d.name for d in found) == [
        "rating-contradicts-dates",
        "suppression-without-reason",
    ]
    [meta] = [d for d in found if d.name == "suppression-without-reason"]
    assert (meta.line, meta.column) == (14, 21)


def test_expired_suppression_shows_the_finding_again(tmp_path: Path) -> None:
    plan = write_plan(
        tmp_path, _with_comment('# sendplan: ignore[overdue] reason="agreed" until=2024-12-31')
    )
    assert names(plan) == ["overdue", "rating-contradicts-dates", "suppression-expired"]


def test_unused_suppression_is_reported(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, _with_comment('# sendplan: ignore[overdue] reason="agreed"'))
    assert names(plan, date(2024, 4, 30)) == ["unused-suppression"]


def test_a_quoted_hash_is_not_a_suppression(tmp_path: Path) -> None:
    body = OVERDUE_BODY.replace('"Drafting, 50% done"', '"see item #sendplan: ignore[overdue]"')
    plan = write_plan(tmp_path, body)
    assert names(plan) == ["overdue", "rating-contradicts-dates"]


def test_worker_processes_are_given_the_command_lines_options_with_each_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendplan_cli.check import pipeline
    from sendplan_cli.check.config import Overrides

    plans = [write_plan(tmp_path, OVERDUE_BODY, name=f"plan-{n}.yaml") for n in range(2)]
    monkeypatch.setattr(
        pipeline, "PARALLEL_BYTES", 0
    )  # share even this little work across processes
    assert all(
        "overdue" in {d.name for d in r.diagnostics}
        for r in pipeline.check_files(plans, AS_OF, Overrides())
    )
    results = pipeline.check_files(plans, AS_OF, Overrides(ignore=("overdue",)))
    assert [r.path for r in results] == [str(p) for p in plans]
    assert all("overdue" not in {d.name for d in r.diagnostics} for r in results)
