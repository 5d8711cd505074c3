"""`sendplan report`: the monthly board paper, read the way a board member reads it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, PLANS, ROOT, run_cli, write_plan

WEST = str(PLANS / "west-sussex-2024.yaml")
EAST = str(PLANS / "east-sussex-2025.yaml")
UPDATES = str(FIXTURES / "valid" / "with-updates.yaml")


def paper(*args: str) -> str:
    result = run_cli("report", *args, "-o", "-")
    assert result.returncode == 0, result.stderr
    return result.stdout


class Tables(HTMLParser):
    """Collects each table's caption and the row-header cells of its body."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[str]] = {}
        self.caption: str | None = None
        self.where: str | None = None
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("caption", "th"):
            self.where, self.text = tag, ""
            self.scope = dict(attrs).get("scope")

    def handle_data(self, data: str) -> None:
        if self.where:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self.caption = self.text.strip()
            self.tables[self.caption] = []
        elif tag == "th" and self.scope == "row" and self.caption is not None:
            self.tables[self.caption].append(self.text.strip())
        if tag in ("caption", "th"):
            self.where = None


def tables(html: str) -> Tables:
    parser = Tables()
    parser.feed(html)
    return parser


def test_west_sussex_january_2025_lists_the_overdue_actions() -> None:
    html = paper(WEST, "--month", "2025-01")
    # Each action in exception once: the five overdue (3.2 longest), then 4.1 and 4.2 with a missed milestone.
    assert tables(html).tables["In exception as at 31 Jan 2025 (7)"] == [
        "3.2",
        "1.1",
        "1.3",
        "1.5",
        "5.4",
        "4.1",
        "4.2",
    ]
    assert "Data as of 31 Jan 2025" in html
    assert "monthly updates are not recorded in this plan, so ratings are as published." in html


def test_west_sussex_at_publication_has_nothing_overdue() -> None:
    html = paper(WEST, "--month", "2024-04")
    assert "0 actions are overdue" in html and "is overdue" not in html
    assert "1 of 18 actions is complete." in html


def test_west_sussex_coming_up_in_june_2024() -> None:
    found = tables(paper(WEST, "--month", "2024-06")).tables
    # July 2024 is the month after June: 1.1, 1.3, 1.5 and 5.4 fall due then (read off the plan's table).
    assert found["Due next month (4)"] == ["1.1", "1.3", "1.5", "5.4"]


def test_east_sussex_is_reported_as_unrated() -> None:
    markdown = paper(EAST, "--month", "2025-06", "--format", "md")
    # No action is rated: said once as data quality, with no chart of zeros and no "as published".
    assert "no action is rated yet (19 not rated)" in markdown
    assert (
        "Actions by completion rating" not in markdown
        and "as published" not in markdown.split("## Progress")[0]
    )
    # Findings are summarised by rule with the actions concerned: 3.2 has no date (SP104).
    assert re.search(
        r"^\| SP104 not-time-bound \| warning \| \d+ \| [^|]*\b3\.2\b", markdown, re.MULTILINE
    )


def test_movement_against_the_previous_month() -> None:
    markdown = paper(UPDATES, "--month", "2025-01", "--format", "md")
    rows = {
        line.split("|")[1].strip(): line.split("|")[7].strip()
        for line in markdown.splitlines()
        if re.match(r"^\| \d \| ", line) and line.count("|") == 10
    }
    assert rows == {
        "1": "improved",
        "2": "worsened",
        "3": "completed",
        "4": "new",
        "5": "unchanged",
    }
    assert "December 2024 → April 2025" in markdown
    assert "Ratings are as published" not in markdown


def test_no_update_this_month_is_data_quality() -> None:
    html = paper(UPDATES, "--month", "2025-01")
    assert "1 action with no update for January 2025 (5)" in html


def test_ratings_before_any_update_are_as_published() -> None:
    markdown = paper(UPDATES, "--month", "2024-11", "--format", "md")
    assert (
        "| 1 | Improves in January | Alex Example | March 2025 | Red | Red | no update yet |"
        in markdown
    )


def test_several_plans_give_one_paper() -> None:
    html = paper(WEST, EAST, "--month", "2025-06")
    assert html.count('<section class="plan"') == 2


def test_html_is_self_contained_and_accessible() -> None:
    html = paper(WEST, "--month", "2025-01")
    parsed = tables(html)
    tags = [t for t, _ in parsed.tags]
    assert '<html lang="en-GB">' in html
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not re.search(r"""(src|href)=["']?https?:""", html)
    assert all(
        attrs.get("role") == "img" and attrs.get("aria-labelledby")
        for t, attrs in parsed.tags
        if t == "svg"
    )
    assert tags.count("title") == 1 + tags.count("svg")
    headings = [int(t[1]) for t in tags if re.fullmatch(r"h[1-6]", t)]
    assert headings[0] == 1 and all(b - a <= 1 for a, b in zip(headings, headings[1:]))
    assert all(attrs.get("scope") in ("col", "row") for t, attrs in parsed.tags if t == "th")
    # Ratings carry their word, not only their colour.
    assert re.search(
        r'<span class="badge" style="background:#f47738;color:#0b0c0c">Amber</span>', html
    )
    assert "print-color-adjust: exact" in html and "display: table-header-group" in html


def test_badge_text_contrast_is_at_least_4_5_to_1() -> None:
    from sendplan_cli.output.paper.templating.filters import text_colour
    from sendplan_cli.plan.scale import west_sussex_scale

    def luminance(colour: str) -> float:
        def ch(v: str) -> float:
            c = int(v, 16) / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(colour[1:3]) + 0.7152 * ch(colour[3:5]) + 0.0722 * ch(colour[5:7])

    scale = west_sussex_scale()
    for rating in [*scale.completion, *scale.impact]:
        a, b = sorted([luminance(rating.colour), luminance(text_colour(rating.colour))])  # type: ignore[arg-type]
        assert (b + 0.05) / (a + 0.05) >= 4.5, rating.name


def test_plan_text_is_escaped_and_never_run_as_a_template(tmp_path: Path) -> None:
    body = """\
    recommendations:
      - id: R1
        text: "<script>alert(1)</script> {{ 7 * 7 }}"
    actions:
      - ref: "1"
        title: "{% for x in range(3) %}loop{% endfor %}"
        recommendations: [R1]
    """
    html = paper(str(write_plan(tmp_path, body)), "--month", "2024-05")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "{{ 7 * 7 }}" in html and " 49" not in html
    assert "{% for x in range(3) %}loop{% endfor %}" in html


def test_custom_template_with_a_typo_fails_loudly(tmp_path: Path) -> None:
    template = tmp_path / "mine.html.j2"
    template.write_text("<h1>{{ titel }}</h1>", encoding="utf-8")
    result = run_cli("report", WEST, "--month", "2025-01", "--template", str(template), "-o", "-")
    assert result.returncode == 2
    assert (
        "the template uses 'titel', which is not one of the paper's variables" in result.stderr
        and "Traceback" not in result.stderr
    )


def test_custom_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    template = tmp_path / "evil.md.j2"
    template.write_text("{{ plans.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    result = run_cli("report", WEST, "--month", "2025-01", "--template", str(template), "-o", "-")
    assert result.returncode == 2
    assert "the template asks for '__class__', which templates may not use" in result.stderr
    assert "subclasses" not in result.stdout


def test_custom_html_template_is_autoescaped(tmp_path: Path) -> None:
    template = tmp_path / "mine.html.j2"
    template.write_text(
        "{% for v in plans %}{% for r in v.rows %}<p>{{ r.title }}</p>{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    body = 'actions:\n  - ref: "1"\n    title: "<b>bold</b>"\n'
    result = run_cli(
        "report",
        str(write_plan(tmp_path, body)),
        "--month",
        "2024-05",
        "--template",
        str(template),
        "-o",
        "-",
    )
    assert result.stdout == "<p>&lt;b&gt;bold&lt;/b&gt;</p>"


def test_template_variables_are_documented() -> None:
    from sendplan_cli.output.paper.build.view import ActionRow, PlanView
    from sendplan_cli.output.paper.jinja.render import TEMPLATE_VARIABLES

    page = (ROOT / "docs" / "officers" / "templates.md").read_text(encoding="utf-8")
    section = page.split("## Template variables")[1].split("\n## ")[0]
    documented = set(re.findall(r"^\s*- `([a-z_]+)`", section, re.MULTILINE))
    fields = (
        set(TEMPLATE_VARIABLES)
        | set(PlanView.__dataclass_fields__)
        | set(ActionRow.__dataclass_fields__)
    )
    assert documented == fields


def test_default_output_file_and_no_half_written_file(tmp_path: Path) -> None:
    result = run_cli("report", WEST, "--month", "2025-01", "--format", "md", cwd=tmp_path)
    assert result.returncode == 0
    assert (
        (tmp_path / "board-paper-west-sussex-2024-2025-01.md")
        .read_text(encoding="utf-8")
        .startswith("# West Sussex")
    )
    broken = write_plan(tmp_path, "actions: [\n", name="broken.yaml")
    result = run_cli("report", str(broken), "--month", "2025-01", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "broken.yaml:5:11: error SP003" in result.stderr
    )  # just after the unclosed [ on the last line
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "board-paper-west-sussex-2024-2025-01.md",
        "broken.yaml",
    ]


@pytest.mark.parametrize("month", ["2025-13", "January", "2025"])
def test_bad_month_is_a_usage_error(month: str) -> None:
    result = run_cli("report", WEST, "--month", month, "-o", "-")
    assert result.returncode == 2 and "YYYY-MM" in result.stderr


@pytest.mark.parametrize("name", ["mine.jinja", "mine.html.jinja2", "mine.tpl"])
def test_an_html_paper_from_a_template_of_any_name_escapes_plan_text(
    tmp_path: Path, name: str
) -> None:
    # The paper's format decides escaping, not how the template's file happens to be named.
    plan = write_plan(
        tmp_path,
        """\
    recommendations:
      - id: R1
        text: "<script>alert(1)</script>"
    actions:
      - ref: "1"
        title: Waiting well
        recommendations: [R1]
    """,
    )
    template = tmp_path / name
    template.write_text(
        "{% for r in plans[0].plan.recommendations %}<p>{{ r.text }}</p>{% endfor %}",
        encoding="utf-8",
    )
    result = run_cli(
        "report",
        str(plan),
        "--month",
        "2024-05",
        "--format",
        "html",
        "--template",
        str(template),
        "-o",
        "-",
    )
    assert result.returncode == 0, result.stderr
    assert (
        "<script>" not in result.stdout
        and "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in result.stdout
    )


@pytest.mark.parametrize("include", [".env", ".git/config", "notes.yaml"])
def test_a_template_includes_only_template_files_never_hidden_ones(
    tmp_path: Path, include: str
) -> None:
    # A template at the top of a repository must not be able to print its secrets or configuration.
    secret = tmp_path / include
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text("TOPSECRET-token-123\n", encoding="utf-8")
    template = tmp_path / "mine.md.j2"
    template.write_text(f"{{% include '{include}' %}}", encoding="utf-8")
    result = run_cli("report", WEST, "--month", "2025-01", "--template", str(template), "-o", "-")
    assert result.returncode == 2
    assert "TOPSECRET" not in result.stdout + result.stderr
    assert (
        f"cannot include '{include}': a template may include only template files" in result.stderr
    )


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            "{% for i in range(10**6) %}{% endfor %}",
            "range() may count to at most 100,000 in a template",
        ),
        ("{{ 1 / 0 }}", "the template divides by zero"),
    ],
)
def test_template_failures_are_said_in_plain_words(tmp_path: Path, body: str, said: str) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(body, encoding="utf-8")
    result = run_cli("report", WEST, "--month", "2025-01", "--template", str(template), "-o", "-")
    assert result.returncode == 2
    assert (
        said in result.stderr
        and "MAX_RANGE" not in result.stderr
        and "ZeroDivisionError" not in result.stderr
    )


def test_the_date_filter_shows_a_plans_own_date_as_written(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ plans[0].plan.actions[0].due | date }}", encoding="utf-8")
    result = run_cli("report", WEST, "--month", "2025-01", "--template", str(template), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "July 2024"
