"""Custom templates run within limits; whatever goes wrong in one is a clear error naming its file and line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

WEST = str(PLANS / "west-sussex-2024.yaml")


def _report_with(tmp_path: Path, source: str) -> tuple[int, str]:
    template = tmp_path / "mine.md.j2"
    template.write_text(source, encoding="utf-8")
    result = run_cli("report", WEST, "--month", "2025-01", "--template", str(template), "-o", "-")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result.returncode, result.stderr


@pytest.mark.parametrize(
    "source",
    ["{{ 'a' * 1000000000 }}", "{{ [1] * 1000000000 }}", "{{ '%1000000000s' % 'a' }}", "{{ 'a' | center(1000000000) }}",
     "{{ '%1000000000s' | format('a') }}"],
)
def test_a_huge_value_is_refused_before_it_is_built(tmp_path: Path, source: str) -> None:
    started = time.monotonic()
    code, stderr = _report_with(tmp_path, "# Paper\n" + source)
    assert time.monotonic() - started < 30
    assert code == 2
    assert f"{tmp_path / 'mine.md.j2'}:2: the template would make a value of 1,000,000,000 characters" in stderr


def test_a_huge_range_is_a_clear_error(tmp_path: Path) -> None:
    code, stderr = _report_with(tmp_path, "{% for i in range(100000000) %}x{% endfor %}")
    assert code == 2 and "mine.md.j2:1:" in stderr and "Range too big" in stderr


def test_a_huge_power_is_refused(tmp_path: Path) -> None:
    code, stderr = _report_with(tmp_path, "{{ 9 ** 99999999 }}")
    assert code == 2 and "9 ** 99999999 is too large a number for a template" in stderr


def test_a_failing_expression_names_the_template_line(tmp_path: Path) -> None:
    code, stderr = _report_with(tmp_path, "# {{ title }}\n\n{{ 1 / 0 }}\n")
    assert code == 2
    assert f"sendplan: error: {tmp_path / 'mine.md.j2'}:3: the template failed: ZeroDivisionError: division by zero" in stderr


def _compiled(source: str):  # type: ignore[no-untyped-def]
    from sendplan_cli.output.paper.render import _environment

    return _environment(None).from_string(source)


def test_a_template_that_runs_too_long_is_stopped() -> None:
    from sendplan_cli.output.paper.sandbox import TemplateLimit, render_within_limits

    endless = _compiled("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    started = time.monotonic()
    with pytest.raises(TemplateLimit, match="took more than 1 seconds"):
        render_within_limits(endless, {}, seconds=1)
    assert time.monotonic() - started < 10


def test_a_paper_past_the_output_limit_is_stopped() -> None:
    from sendplan_cli.output.paper.sandbox import TemplateLimit, render_within_limits

    big = _compiled("{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}")
    assert len(render_within_limits(big, {}, max_chars=1_000_000)) == 1_000_000
    with pytest.raises(TemplateLimit, match="grew past the limit of 999,999 characters"):
        render_within_limits(big, {}, max_chars=999_999)
