"""A board paper's compiled template is kept between runs; the paper is the same with or without it,
and a damaged, stale or impossible cache never stops a paper being written."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli
from papers import WEST


def _report(tmp_path: Path, *extra: str) -> str:
    result = run_cli(
        "report", WEST, "--month", "2025-01", "-o", "-", *extra, env={"TMPDIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_paper_is_the_same_from_a_kept_template_and_from_a_damaged_one(tmp_path: Path) -> None:
    fresh = _report(tmp_path)
    kept = list(tmp_path.glob("_jinja2-cache-*/sendplan-*.cache"))
    assert len(kept) == 1
    assert _report(tmp_path) == fresh
    kept[0].write_bytes(b"j2 not what was written")
    assert _report(tmp_path) == fresh
    kept[0].write_bytes(b"")
    assert _report(tmp_path) == fresh
    from jinja2.bccache import bc_magic  # Jinja's own header, then a damaged body

    kept[0].write_bytes(bc_magic + b"\x80\x05damaged")
    assert _report(tmp_path) == fresh


def test_an_edited_template_is_used_at_once(tmp_path: Path) -> None:
    mine = tmp_path / "mine.md.j2"
    mine.write_text("First wording for {{ month_label }}\n", encoding="utf-8")
    assert (
        _report(tmp_path, "--format", "md", "--template", str(mine))
        == "First wording for January 2025\n"
    )
    mine.write_text("Second wording for {{ month_label }}\n", encoding="utf-8")
    assert (
        _report(tmp_path, "--format", "md", "--template", str(mine))
        == "Second wording for January 2025\n"
    )


def test_no_place_to_keep_templates_still_gives_the_paper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendplan_cli.check.pipeline import analyse
    from sendplan_cli.output.paper.build.scope import Paper
    from sendplan_cli.output.paper.build.view import build_view
    from sendplan_cli.output.paper.jinja.render import render

    as_of = date(2025, 1, 31)
    plan, findings, _ = analyse(Path(WEST), as_of)
    paper = Paper(
        [build_view(plan, WEST, date(2025, 1, 1), as_of, findings)],
        date(2025, 1, 1),
        as_of,
        date(2026, 1, 1),
    )
    normal = render(paper, "html")
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    assert render(paper, "html") == normal
    # With no writable temporary folder Python offers the current one, a partnership's plans folder: left alone.
    here = tmp_path / "plans"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setattr(tempfile, "tempdir", str(here))
    assert render(paper, "html") == normal
    assert list(here.iterdir()) == []
