"""A template is someone else's program: every known way out of Jinja's sandbox is refused, in HTML,
Markdown and Word templates alike, as a one-line error naming the template, with nothing run and nothing written."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, run_cli, write_plan

# A pickle that runs `touch pwned` when loaded, as pydantic's deprecated parse_raw would load it.
PICKLE = "cposix\\nsystem\\n(S'touch pwned'\\ntR."
# `{plan}` is the live plan in the old context: `plans[0].plan` for HTML and Markdown, `plans[0].view.plan` in Word.
PAYLOADS = [
    '{{ {plan}.parse_raw("'
    + PICKLE
    + "\", content_type='application/pickle', allow_pickle=True) }}",
    "{{ {plan}.parse_file('/etc/passwd') }}",
    "{{ {plan}.model_validate_json('{}') }}",
    "{{ {plan}.model_dump() }}",
    "{{ {plan}.rating_scale.completion_means('Red') }}",
    "{{ {plan}.__class__.parse_raw('{}') }}",
    "{{ {plan}.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ plans.__class__.__base__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch pwned').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('touch pwned').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('touch pwned').read() }}",
    "{{ lipsum.__globals__['os'].popen('touch pwned').read() }}",
    "{{ range.__globals__ }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('touch pwned').read() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ '{0.__class__.__mro__}'.format(title) }}",
    "{{ '{x.__class__}'.format_map({'x': title}) }}",
    "{{ title | attr('__class__') | attr('__mro__') }}",
    "{{ plans | attr('__class__') }}",
    "{{ plans.append(1) }}",
    "{{ plans.clear() }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../../../etc/passwd' %}",
    "{% extends '/etc/hostname' %}",
    "{% import 'os' as os %}",
    "{{ range(1000000000) | list | length }}",
]


@dataclasses.dataclass(frozen=True)
class Made:
    paper: Any
    tmp: Path


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    from sendplan_cli.check.pipeline import analyse
    from sendplan_cli.output.paper.build.scope import Paper
    from sendplan_cli.output.paper.build.view import build_view

    tmp = tmp_path_factory.mktemp("payloads")
    path = write_plan(
        tmp,
        'actions:\n  - ref: "1"\n    title: An action\n    due: July 2024\n    completion: Red\n',
    )
    plan, findings, _ = analyse(path, date(2024, 9, 30))
    view = build_view(plan, str(path), date(2024, 9, 1), date(2024, 9, 30), findings)
    return Made(Paper([view], date(2024, 9, 1), date(2024, 9, 30), date(2024, 10, 1)), tmp)


def _refusal(exc: pytest.ExceptionInfo[Exception], template: Path) -> str:
    message = str(exc.value)
    assert message.startswith(str(template)) and "\n" not in message, message
    return message


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("suffix", [".html.j2", ".md.j2"])
def test_html_and_markdown_templates_cannot_escape(
    made: Made, payload: str, suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The very function the child process runs, in this process, so that an escape would show here.
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.jinja.render import context
    from sendplan_cli.output.paper.templating.sandbox import Limits
    from sendplan_cli.output.paper.templating.template_child import custom_chunks

    monkeypatch.chdir(tmp_path)
    template = tmp_path / f"evil{suffix}"
    template.write_text(
        "<p>before</p>\n" + payload.replace("{plan}", "plans[0].plan"), encoding="utf-8"
    )
    with pytest.raises(UsageError) as refused:
        "".join(custom_chunks(template, context(made.paper, views=True), Limits()))
    _refusal(refused, template)
    assert not (tmp_path / "pwned").exists()


def _word_template(path: Path, *tags: str) -> Path:
    from docx import Document

    from sendplan_cli.resources import resource_dir

    document = Document(str(resource_dir("templates") / "board-paper.docx"))
    for tag in tags:
        document.add_paragraph(tag)
    document.save(str(path))
    return path


@pytest.mark.parametrize("payload", PAYLOADS)
def test_word_templates_cannot_escape(
    made: Made, payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.docx.docx_render import word_values
    from sendplan_cli.output.paper.templating.docx_tags import fill_tags, open_template
    from sendplan_cli.output.paper.templating.sandbox import Limits

    monkeypatch.chdir(tmp_path)
    template = _word_template(
        tmp_path / "evil.docx", payload.replace("{plan}", "plans[0].view.plan")
    )
    tpl = open_template(str(template), str(template))
    with pytest.raises(UsageError) as refused:
        fill_tags(
            tpl, word_values(made.paper, tpl, template, legacy=True), {}, str(template), Limits()
        )
    assert "the Word template failed at the tag {" in _refusal(refused, template)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("suffix", [".html.j2", ".md.j2", ".docx"])
@pytest.mark.parametrize("payload", [PAYLOADS[0], PAYLOADS[1], PAYLOADS[9]])
def test_the_command_refuses_an_escaping_template_and_writes_nothing(
    tmp_path: Path, suffix: str, payload: str
) -> None:
    plan = FIXTURES / "valid" / "with-updates.yaml"
    where = "plans[0].view.plan" if suffix == ".docx" else "plans[0].plan"
    template = tmp_path / f"evil{suffix}"
    if suffix == ".docx":
        _word_template(template, payload.replace("{plan}", where))
    else:
        template.write_text(payload.replace("{plan}", where), encoding="utf-8")
    out = tmp_path / f"paper{suffix.removesuffix('.j2')}"
    result = run_cli(
        "report",
        str(plan),
        "--month",
        "2025-01",
        "--template",
        str(template),
        "-o",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"sendplan: error: {template}"), result.stderr
    assert "internal error" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [template.name]  # no paper, no `pwned`


def test_an_include_through_a_link_out_of_the_templates_folder_is_refused(
    made: Made, tmp_path: Path
) -> None:
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.output.paper.jinja.render import context
    from sendplan_cli.output.paper.templating.sandbox import Limits
    from sendplan_cli.output.paper.templating.template_child import custom_chunks

    secret = tmp_path / "secret.txt"
    secret.write_text("the key", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "innocent.html").symlink_to(secret)
    template = folder / "mine.html.j2"
    template.write_text("{% include 'innocent.html' %}", encoding="utf-8")
    with pytest.raises(UsageError) as refused:
        "".join(custom_chunks(template, context(made.paper, views=True), Limits()))
    assert "cannot include 'innocent.html'" in _refusal(refused, template)
    assert "the key" not in str(refused.value)


def test_a_template_can_still_include_its_neighbours_and_the_bundled_templates(
    made: Made, tmp_path: Path
) -> None:
    from sendplan_cli.output.paper.jinja.render import context
    from sendplan_cli.output.paper.templating.sandbox import Limits
    from sendplan_cli.output.paper.templating.template_child import custom_chunks

    (tmp_path / "part.md.j2").write_text("Plan: {{ title }}\n", encoding="utf-8")
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{% include 'part.md.j2' %}{% extends 'board-paper.md.j2' %}", encoding="utf-8"
    )
    paper = "".join(custom_chunks(template, context(made.paper, views=True), Limits(), html=False))
    # Its neighbour's line, then the bundled paper's heading (`# {{ title }}: board paper, {{ month_label }}`).
    assert paper.startswith("Plan: Test plan\n# Test plan: board paper, September 2024\n")


# What templates may be given: plain data. Anything else must show up here.
_PLAIN = (str, int, float, bool, type(None), date, list, tuple, dict, set, frozenset)


def _walk(value: Any, where: str, seen: set[int]) -> None:
    from markupsafe import Markup
    from pydantic import BaseModel

    from sendplan_cli.output.paper.document.records import EnumText

    if id(value) in seen:
        return
    seen.add(id(value))
    assert not isinstance(value, BaseModel), f"{where} is a pydantic model"
    own = next((t for t in (Markup, EnumText, *_PLAIN) if type(value) is t), None)
    if own is None:
        assert dataclasses.is_dataclass(value) and type(value).__dataclass_params__.frozen, (
            f"{where} is a {type(value).__qualname__}, not plain data"
        )  # type: ignore[attr-defined]
        own = object
    for name in dir(value):
        if not name.startswith("_") and not hasattr(own, name):
            assert not callable(getattr(value, name)), f"{where}.{name} can be called"
    children: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        children = [(f"{where}[{k!r}]", v) for k, v in value.items()] + [
            (f"{where} key", k) for k in value
        ]
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = [(f"{where}[{i}]", v) for i, v in enumerate(value)]
    elif dataclasses.is_dataclass(value):
        children = [
            (f"{where}.{f.name}", getattr(value, f.name)) for f in dataclasses.fields(value)
        ]
    for child_where, child in children:
        _walk(child, child_where, seen)


def test_templates_are_given_plain_data_only(tmp_path: Path) -> None:
    """The richest paper we have (indicators, a proposed date, the month's own words, findings), walked to the end."""
    from sendplan_cli.check.pipeline import analyse
    from sendplan_cli.output.paper.build.scope import Paper
    from sendplan_cli.output.paper.build.view import build_view
    from sendplan_cli.output.paper.docx.docx_render import word_values
    from sendplan_cli.output.paper.jinja.render import context
    from sendplan_cli.output.paper.templating.docx_tags import open_template
    from sendplan_cli.resources import resource_dir

    source = (FIXTURES / "valid" / "indicators.yaml").read_text(encoding="utf-8")
    source = (
        source.replace(
            "    commentary: Four writers recruited; two in training.\n",
            """\
    commentary: Four writers recruited; two in training.
    updates:
      - month: 2025-01
        completion: Red
        commentary: Two writers left.
        proposed_due: June 2026
        proposed_due_reason: Recruiting again.
""",
            1,
        )
        + "papers:\n  - month: 2025-01\n    purpose: To report progress.\n    risks: [Recruitment]\n"
    )
    path = tmp_path / "rich.yaml"
    path.write_text(source, encoding="utf-8")
    plan, findings, _ = analyse(path, date(2025, 1, 31))
    assert plan is not None and findings
    view = build_view(plan, str(path), date(2025, 1, 1), date(2025, 1, 31), findings)
    assert view.kpis and view.proposals and view.entry and view.exceptions
    paper = Paper([view], date(2025, 1, 1), date(2025, 1, 31), date(2025, 2, 1))
    _walk(context(paper, views=True), "context", set())
    bundled = resource_dir("templates") / "board-paper.docx"
    _walk(word_values(paper, open_template(str(bundled), "t"), bundled, legacy=True), "word", set())


def test_the_plain_data_reads_as_the_readme_documents(made: Made) -> None:
    from sendplan_cli.output.paper.jinja.render import context

    values = context(made.paper, views=True)
    row, finding = values["plans"][0].rows[0], values["plans"][0].findings[0]
    assert (row.ref, row.completion, row.status.overdue) == (
        "1",
        "Red",
        True,
    )  # July 2024, open, judged in September
    assert (
        finding.severity.value in ("error", "warning", "info")
        and finding.severity == finding.severity.value
    )
    assert (
        values["plans"][0].plan.rating_scale.completion[0].name == "Blue"
    )  # the West Sussex legend, the default
    assert values["plans"][0].by_lead[0][1][0] is row  # one row, wherever it is listed


def test_the_bundled_templates_render_in_this_process(
    made: Made, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default paper pays for no child process (it is benchmarked); only someone's own template needs one."""
    import subprocess

    from sendplan_cli.output.paper.docx.docx_render import render_docx
    from sendplan_cli.output.paper.jinja.render import render

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a child process was started for a bundled template")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert render(made.paper, "md").startswith("# Test plan")
    assert render_docx(made.paper)[:2] == b"PK"  # the Word paper is a zip
