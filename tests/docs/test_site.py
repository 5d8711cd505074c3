"""The documentation site builds with no warning, its reference pages come from the code, and it
needs no network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from site_build import built_site, pages


@pytest.fixture(scope="module")
def site() -> Path:
    return built_site()


def _codes_listed_by_rules() -> list[str]:
    result = run_cli("rules")
    assert result.returncode == 0
    return re.findall(r"^\s+(SP\d{3})\s", result.stdout, re.MULTILINE)


def test_the_rule_pages_list_the_same_codes_as_sendplan_rules(site: Path) -> None:
    codes = _codes_listed_by_rules()
    assert len(codes) > 40  # the load errors and every rule
    on_site = sorted(p.parent.name for p in (site / "reference" / "rules").glob("SP*/index.html"))
    assert on_site == sorted(codes)
    index = (site / "reference" / "rules" / "index.html").read_text(encoding="utf-8")
    assert sorted(set(re.findall(r'href="(SP\d{3})/"', index))) == sorted(codes)


def test_a_rule_page_says_what_sendplan_explain_prints(site: Path) -> None:
    """The page is generated from the rule itself: its why, and its failing and passing examples."""
    for code in ("SP101", "SP013", "SP501"):
        explained = run_cli("explain", code).stdout
        page = _text((site / "reference" / "rules" / code / "index.html").read_text("utf-8"))
        for line in explained.splitlines()[2:]:
            words = _squeezed(line.replace("`", "")).strip("#")
            if words and not words.startswith("```"):
                assert words in _squeezed(page), (code, line)


def test_no_rule_page_is_kept_by_hand() -> None:
    """The rule, command and plan format pages exist only in the built site, never in docs/."""
    generated = ["reference/rules", "reference/commands.md", "reference/plan-format.md"]
    assert [p for p in generated if (ROOT / "docs" / p).exists()] == []


def test_the_command_reference_has_every_command_and_option(site: Path) -> None:
    import typer.main

    from sendplan_cli.cli import app

    page = (site / "reference" / "commands" / "index.html").read_text(encoding="utf-8")
    found = 0
    todo = [("sendplan", typer.main.get_command(app))]
    while todo:
        title, command = todo.pop()
        assert f"<code>{title}</code>" in page, title
        found += 1
        for param in command.params:
            assert [o for o in param.opts if o.startswith("-") and o not in page] == [], title
        todo += [(f"{title} {n}", c) for n, c in getattr(command, "commands", {}).items()]
    assert found > 10
    assert "Judge dates as of this day (default: today)." in page


def test_the_plan_format_reference_has_every_key_of_the_schema(site: Path) -> None:
    from sendplan_cli.plan.schema import plan_schema

    schema = plan_schema()
    page = _text((site / "reference" / "plan-format" / "index.html").read_text("utf-8"))
    for part in [schema, *schema["$defs"].values()]:
        for key, spec in part.get("properties", {}).items():
            assert key in page
            description = spec.get("description", "").replace("`", "")
            assert _squeezed(description) in _squeezed(page), (key, description)
    # Allowed values come from the schema's enumerations, e.g. an indicator's direction.
    assert "higher-is-better" in page and "within-band" in page


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.search = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "img", "iframe") and found.get("src"):
            self.fetched.append(found["src"] or "")
        if tag == "link" and found.get("href"):
            self.fetched.append(found["href"] or "")
        if tag == "input" and found.get("name") == "query":
            self.search = True


def test_every_page_works_offline_and_has_a_search_box(site: Path) -> None:
    """Nothing is fetched from another site: no web fonts, scripts or styles; search runs locally."""
    for page in pages(site):
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert [u for u in tags.fetched if re.match(r"(https?:)?//", u)] == [], page
        assert tags.search, page
    assert (site / "search" / "search_index.json").is_file()
    styles = "".join(p.read_text("utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in styles and "@import url(http" not in styles


def _text(html: str) -> str:
    """A page's words, tags removed and spaces collapsed, for finding a sentence in it."""
    import html as html_module

    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _squeezed(text: str) -> str:
    """Text without its white space: highlighted code splits words with tags and spaces."""
    return re.sub(r"\s+", "", text)


def test_a_rule_page_says_what_to_do_from_the_rule_s_own_hint(site: Path) -> None:
    """The failing example is run: the page shows the message and the hint a plan author would see."""
    page = _text((site / "reference" / "rules" / "SP101" / "index.html").read_text("utf-8"))
    assert (
        "action 1.1 was due July 2024 (ended 31 Jul 2024) and is still rated Amber; what to do: "
        "record completion, or agree a new date with the board and record it in an update"
    ) in page


# What to do about each history rule's finding, as a plan author reads it, written out here.
_HISTORY_WHAT_TO_DO = {
    "SP501": "What to do: record the move in an update: the month it was agreed, the new due, "
    "the previous_due it replaced",
    "SP502": "What to do: put a removed update back as the board saw it, and correct a reported "
    "month only by adding an update for the current month",
    "SP503": "What to do: put the item back under its ref or id.",
    "SP504": "What to do: give new work a new ref, and tell the board what became of the old work",
    "SP505": "A reopened action is always reported, whatever its commentary says",
    "SP506": "What to do: put the wording of the published inspection report back",
}


@pytest.mark.parametrize("code", sorted(_HISTORY_WHAT_TO_DO))
def test_a_history_rule_says_what_to_do_in_explain_and_on_its_page(site: Path, code: str) -> None:
    """A history rule's example needs git to run, so its own text says what to do."""
    explained = run_cli("explain", code)
    assert explained.returncode == 0
    page = _text((site / "reference" / "rules" / code / "index.html").read_text("utf-8"))
    expected = _HISTORY_WHAT_TO_DO[code]
    assert expected in " ".join(explained.stdout.replace("`", "").split())
    # Code in the page is set apart by tags, which leave spaces around it.
    assert _squeezed(expected) in _squeezed(page)


def test_every_history_rule_has_its_what_to_do_checked() -> None:
    from sendplan_cli.check.rules.history import HISTORY_RULES

    assert sorted(r.code for r in HISTORY_RULES) == sorted(_HISTORY_WHAT_TO_DO)


def _load_error_rows(site: Path) -> dict[str, tuple[str, str]]:
    """The load error table of the checking page: code -> (name, what it means), as a reader sees it."""
    page = (site / "reference" / "validate" / "index.html").read_text("utf-8")
    table = page[page.index('id="problems-that-stop-a-file-being-read') :]
    table = table[table.index("<table>") : table.index("</table>")]
    rows: dict[str, tuple[str, str]] = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)[1:]:
        cells = re.findall(r"<td>(.*?)</td>", row, re.DOTALL)
        # Inside a cell a tag only marks code or a link, so it goes without leaving a space.
        code, name, meaning = (_text(re.sub(r"<[^>]+>", "", cell)) for cell in cells)
        rows[code] = (name, meaning)
    return rows


def test_the_load_error_table_lists_every_load_error_with_its_text(site: Path) -> None:
    """The table is generated from the load errors: every code `sendplan rules` lists as one, and its words."""
    rows = _load_error_rows(site)
    listed = run_cli("rules").stdout.split("\nRules:")[0]
    assert sorted(rows) == sorted(re.findall(r"^\s+(SP0\d\d)\s", listed, re.MULTILINE))
    assert rows["SP001"] == (
        "unreadable-file",
        "The file cannot be opened or read. This includes a path that is not a regular file (a "
        "directory, a named pipe, a device such as /dev/zero: refused at once, never read) and a "
        "file larger than the size limit (20,000,000 bytes unless max-file-size in the "
        "configuration says otherwise).",
    )
    assert rows["SP004"] == (
        "duplicate-key",
        "The same key is set twice in one mapping; YAML tools disagree about which value wins. "
        "The message names both lines.",
    )
    assert rows["SP011"] == ("missing-key", "A key the plan format requires is missing.")
    assert "nesting deeper than 64 levels" in rows["SP005"][1]
    for code, (name, meaning) in rows.items():
        explained = " ".join(run_cli("explain", code).stdout.replace("`", "").split())
        assert f"{code} {name} (load error)" in explained
        assert meaning in explained, code


def test_the_load_error_table_is_not_kept_by_hand() -> None:
    text = (ROOT / "docs" / "reference" / "validate.md").read_text("utf-8")
    assert "<!-- LOAD_ERRORS_TABLE -->" in text
    assert "| SP001 |" not in text


def _headings(html: str) -> list[str]:
    """Each title heading (h1) of a page, as read out: the permanent-link mark left out."""
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    return [_text(re.sub(r'<a class="headerlink".*?</a>', "", h, flags=re.DOTALL)) for h in found]


def test_no_two_pages_of_the_site_share_a_title_heading(site: Path) -> None:
    """A reader moving between pages, or a screen reader listing them, tells each by its heading."""
    by_heading: dict[str, list[str]] = {}
    for page in pages(site):
        headings = _headings(page.read_text(encoding="utf-8"))
        assert len(headings) == 1, (page, headings)
        by_heading.setdefault(headings[0].casefold(), []).append(str(page.relative_to(site)))
    assert {h: p for h, p in by_heading.items() if len(p) > 1} == {}
    assert by_heading["checking a plan"] == ["reference/validate/index.html"]
    assert by_heading["sp101 overdue"] == ["reference/rules/SP101/index.html"]
