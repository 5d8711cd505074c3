"""Custom templates run within limits; whatever goes wrong in one is a clear error naming its file and line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import PLANS, ROOT, run_cli

WEST = str(PLANS / "west-sussex-2024.yaml")


def _report_with(tmp_path: Path, source: str) -> tuple[int, str]:
    template = tmp_path / "mine.md.j2"
    template.write_text(source, encoding="utf-8")
    result = run_cli("report", WEST, "--month", "2025-01", "--template", str(template), "-o", "-")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result.returncode, result.stderr


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 1000000000 }}",
        "{{ [1] * 1000000000 }}",
        "{{ '%1000000000s' % 'a' }}",
        "{{ 'a' | center(1000000000) }}",
        "{{ '%1000000000s' | format('a') }}",
    ],
)
def test_a_huge_value_is_refused_before_it_is_built(tmp_path: Path, source: str) -> None:
    started = time.monotonic()
    code, stderr = _report_with(tmp_path, "# Paper\n" + source)
    assert time.monotonic() - started < 30
    assert code == 2
    assert (
        f"{tmp_path / 'mine.md.j2'}:2: the template would make a value of 1,000,000,000 characters"
        in stderr
    )


def test_a_huge_range_is_a_clear_error(tmp_path: Path) -> None:
    code, stderr = _report_with(tmp_path, "{% for i in range(100000000) %}x{% endfor %}")
    assert (
        code == 2 and "mine.md.j2:1:" in stderr and "range() may count to at most 100,000" in stderr
    )


def test_a_huge_power_is_refused(tmp_path: Path) -> None:
    code, stderr = _report_with(tmp_path, "{{ 9 ** 99999999 }}")
    assert code == 2 and "9 ** 99999999 is too large a number for a template" in stderr


def test_a_failing_expression_names_the_template_line(tmp_path: Path) -> None:
    code, stderr = _report_with(tmp_path, "# {{ title }}\n\n{{ 1 / 0 }}\n")
    assert code == 2
    assert f"sendplan: error: {tmp_path / 'mine.md.j2'}:3: the template divides by zero" in stderr


def _compiled(source: str):  # type: ignore[no-untyped-def]
    from sendplan_cli.output.paper.templating.sandbox import text_environment

    return text_environment(None, html=True).from_string(source)


def test_a_template_that_runs_too_long_is_stopped() -> None:
    from sendplan_cli.output.paper.templating.sandbox import TemplateLimit, render_within_limits

    endless = _compiled(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(TemplateLimit, match="took more than 1 seconds"):
        render_within_limits(endless, {}, seconds=1)
    assert time.monotonic() - started < 10


def test_a_paper_past_the_output_limit_is_stopped() -> None:
    from sendplan_cli.output.paper.templating.sandbox import TemplateLimit, render_within_limits

    big = _compiled("{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}")
    assert len(render_within_limits(big, {}, max_chars=1_000_000)) == 1_000_000
    with pytest.raises(TemplateLimit, match="grew past the limit of 999,999 characters"):
        render_within_limits(big, {}, max_chars=999_999)


# The limits hold in the process a custom template runs in, whatever builds the value: each of these makes
# a value of about 400 MB from strings no longer than the size checks allow, past a 256 MB memory budget.
BUILDERS = [
    "{% set a = 'a' * 100000000 %}{% set b = a ~ a %}{% set c = b ~ b %}{{ c | length }}",
    "{% set a = 'a' * 100000000 %}{{ (a + a + a + a) | length }}",
    "{% set a = 'a' * 100000000 %}{{ [a, a, a, a] | join | length }}",
    "{{ ('a' * 100000000) | replace('a', 'aaaa') | length }}",
    "{% set a = 'a' * 100000000 %}{{ '{}{}{}{}'.format(a, a, a, a) | length }}",
    "{% set a = 'a' * 100000000 %}{{ (a | center(199999999)) ~ (a | center(199999999)) | length }}",
    "{% set a = 'a' * 100000000 %}{{ (a | upper) ~ (a | lower) ~ (a | title) ~ (a | trim) | length }}",
]
SMALL_MEMORY = 256 << 20


def _small_paper(tmp_path: Path):  # type: ignore[no-untyped-def]
    from datetime import date

    from conftest import write_plan

    from sendplan_cli.check.pipeline import analyse
    from sendplan_cli.output.paper.build.scope import Paper
    from sendplan_cli.output.paper.build.view import build_view

    path = write_plan(
        tmp_path, 'actions:\n  - ref: "1"\n    title: An action\n    due: July 2024\n'
    )
    plan, findings, _ = analyse(path, date(2024, 9, 30))
    view = build_view(plan, str(path), date(2024, 9, 1), date(2024, 9, 30), findings)
    return Paper([view], date(2024, 9, 1), date(2024, 9, 30), date(2024, 10, 1))


@pytest.mark.parametrize("source", BUILDERS)
def test_memory_is_bounded_however_a_value_is_built(tmp_path: Path, source: str) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.jinja.render import render
    from sendplan_cli.output.paper.templating.sandbox import Limits

    template = tmp_path / "mine.md.j2"
    template.write_text("# Paper\n" + source, encoding="utf-8")
    with pytest.raises(
        UsageError, match=r"needed more memory than a template may use \(256 MB\)"
    ) as refused:
        render(_small_paper(tmp_path), "md", template, Limits(memory_bytes=SMALL_MEMORY))
    assert str(refused.value).startswith(f"{template}:2: ")


def _word_template(path: Path, *tags: str) -> Path:
    from docx import Document

    document = Document(str(ROOT / "templates" / "board-paper.docx"))
    for tag in tags:
        document.add_paragraph(tag)
    document.save(str(path))
    return path


def test_memory_is_bounded_in_a_word_template(tmp_path: Path) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.docx.docx_render import render_docx
    from sendplan_cli.output.paper.templating.sandbox import Limits

    template = _word_template(tmp_path / "ours.docx", BUILDERS[0])
    with pytest.raises(
        UsageError, match=r"needed more memory than a template may use \(256 MB\)"
    ) as refused:
        render_docx(_small_paper(tmp_path), template, Limits(memory_bytes=SMALL_MEMORY))
    assert str(refused.value).startswith(
        f"{template}: the Word template failed at the tag {{% set a = 'a' * 100000000 %}}"
    )


ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


@pytest.mark.parametrize("suffix", [".html.j2", ".docx"])
def test_time_is_bounded_in_every_kind_of_template(tmp_path: Path, suffix: str) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.docx.docx_render import render_docx
    from sendplan_cli.output.paper.jinja.render import render
    from sendplan_cli.output.paper.templating.sandbox import Limits

    template = tmp_path / f"mine{suffix}"
    if suffix == ".docx":
        _word_template(template, ENDLESS)
    else:
        template.write_text(ENDLESS, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(
        UsageError, match="the template took more than 2 seconds; simplify the template"
    ) as refused:
        if suffix == ".docx":
            render_docx(_small_paper(tmp_path), template, Limits(seconds=2))
        else:
            render(_small_paper(tmp_path), "html", template, Limits(seconds=2))
    assert time.monotonic() - started < 20
    assert str(refused.value).startswith(str(template))


def test_a_custom_papers_size_is_bounded_in_its_own_process(tmp_path: Path) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.jinja.render import render
    from sendplan_cli.output.paper.templating.sandbox import Limits

    template = tmp_path / "mine.html.j2"
    template.write_text("{% for i in range(2000) %}{{ 'x' * 1000 }}{% endfor %}", encoding="utf-8")
    assert (
        len(render(_small_paper(tmp_path), "html", template, Limits(max_chars=2_000_000)))
        == 2_000_000
    )
    with pytest.raises(UsageError, match="grew past the limit of 1,999,999 characters"):
        render(_small_paper(tmp_path), "html", template, Limits(max_chars=1_999_999))


def test_a_child_that_dies_is_never_taken_for_a_paper() -> None:
    import signal

    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.templating.sandbox import Limits
    from sendplan_cli.output.paper.templating.template_child import Job, _paper

    job = Job("text", "mine.html.j2", {}, Limits())
    half = b"D" + (100).to_bytes(8, "big") + b"<p>only half"
    with pytest.raises(
        UsageError,
        match=r"^mine.html.j2: the template was stopped before it finished \(it used more than",
    ):
        _paper(job, half, b"", -signal.SIGXCPU)
    with pytest.raises(UsageError, match=r"\(it was ended by signal 9\)"):
        _paper(job, b"D" + (3).to_bytes(8, "big") + b"<p>", b"", -9)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        (
            "{{p plan.sumary }}",
            "at the tag {{ plan.sumary }}: the template asks for 'sumary', which the paper's data does not have",
        ),
        (
            "{% include 'other.docx' %}",
            "at the tag {% include 'other.docx' %}: a Word template cannot include",
        ),
        (
            "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
            "the template calls itself too deeply",
        ),
        ("{% if %}", "at the tag {% if %}: template syntax error"),
        ("{{ 'a' * 2000000000 }}", "would make a value of 2,000,000,000 characters"),
    ],
)
def test_a_word_template_failure_names_the_template_and_tag(
    tmp_path: Path, tag: str, expected: str
) -> None:
    template = _word_template(
        tmp_path / "ours.docx", "{%p for plan in plans %}", tag, "{%p endfor %}"
    )
    out = tmp_path / "paper.docx"
    result = run_cli(
        "report", WEST, "--month", "2025-01", "--template", str(template), "-o", str(out)
    )
    assert result.returncode == 2 and not out.exists()
    assert (
        result.stderr.startswith(f"sendplan: error: {template}: the Word template failed ")
        and expected in result.stderr
    )
    assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr


@pytest.mark.skipif(
    not hasattr(__import__("signal"), "SIGXCPU"), reason="CPU-time limits are POSIX"
)
def test_the_child_process_limits_hold_without_any_check_in_the_template() -> None:
    """What a template cannot reach: the process's own limits, set before the template runs."""
    import signal
    import subprocess
    import sys

    confine = "from sendplan_cli.output.paper.templating.template_child import _confine; from sendplan_cli.output.paper.templating.sandbox import Limits; "
    started = time.monotonic()
    spin = subprocess.run(
        [sys.executable, "-c", confine + "_confine(Limits(seconds=1))\nwhile True: pass"],
        capture_output=True,
        timeout=60,
    )
    assert spin.returncode == -signal.SIGXCPU and time.monotonic() - started < 30
    if not Path("/proc/self/statm").exists():
        return  # the memory limit is set where the system reports a process's size (Linux)
    grow = subprocess.run(
        [
            sys.executable,
            "-c",
            confine
            + f"_confine(Limits(memory_bytes={SMALL_MEMORY}))\nx = 'a' * {2 * SMALL_MEMORY}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert grow.returncode == 1 and "MemoryError" in grow.stderr


def test_a_template_that_is_not_text_says_what_to_give(tmp_path: Path) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.jinja.render import render

    template = tmp_path / "mine.md.j2"
    template.write_bytes(b"\xff\xfe# {{ title }}")  # UTF-16, as some editors save
    with pytest.raises(
        UsageError,
        match=r"mine\.md\.j2: not a text template \(UTF-8\); give a Jinja template, such as a copy",
    ):
        render(_small_paper(tmp_path), "md", template)


def test_output_that_cannot_be_written_as_text_is_a_clear_error(tmp_path: Path) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.jinja.render import render

    template = tmp_path / "mine.md.j2"
    template.write_text(
        "# {{ '\\ud800' }}", encoding="utf-8"
    )  # a lone surrogate: no UTF-8 can hold it
    with pytest.raises(UsageError, match=r"mine\.md\.j2: the template failed: UnicodeEncodeError"):
        render(_small_paper(tmp_path), "md", template)


def test_a_custom_template_runs_against_this_copy_of_sendplan() -> None:
    # The child process rendering a user's template puts this folder first on its path: it must be
    # the one holding the package (src/ in a checkout, so an uninstalled checkout works), never the
    # package folder, whose git/ and plan/ would shadow libraries of those names.
    import sendplan_cli
    from sendplan_cli.output.paper.templating.template_child import PACKAGE_PARENT

    assert (PACKAGE_PARENT / "sendplan_cli").resolve() == Path(
        sendplan_cli.__file__
    ).parent.resolve()
