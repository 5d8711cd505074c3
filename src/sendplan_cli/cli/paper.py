"""The board paper command: report."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from sendplan_cli.cli.app import app, as_of_date, print_load_errors, today
from sendplan_cli.ground.errors import UsageError


class PaperFormat(str, Enum):
    html = "html"
    md = "md"
    docx = "docx"


@app.command()
def report(
    plans: Annotated[
        list[Path],
        typer.Argument(help="Plan files, or directories of *.yaml plans; several give one paper."),
    ],
    month: Annotated[
        str | None, typer.Option("--month", "-m", help="The board's month, YYYY-MM.")
    ] = None,
    output_format: Annotated[
        PaperFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (one self-contained file), md, or docx (an editable Word document). Default: from the -o file's extension, else html.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Output file (.html, .md or .docx); '-' for standard output. Default: board-paper-<plan>-<month>.<format>.",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Your own template: a Jinja template for html or md, a Word template (.docx with Jinja tags) for docx; see the README.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge dates as of this day. Default: the month's last day for a past month, today for the current month. Never in the future.",
        ),
    ] = None,
    for_review: Annotated[
        str | None,
        typer.Option(
            "--for-review",
            metavar="YYYY-MM-DD",
            help="Render the evidence pack for the review on this date (one of the plan's `reviews:`) instead of a monthly paper; see docs/governance.md.",
        ),
    ] = None,
) -> None:
    """Render the monthly board paper: ratings and movement, exceptions, what is coming up, by lead."""
    from sendplan_cli.check.pipeline import analyse, plan_files
    from sendplan_cli.cli.outputs import refuse_overwriting_plans
    from sendplan_cli.output.paper.build.scope import Paper
    from sendplan_cli.output.paper.build.view import build_view
    from sendplan_cli.plan.dates import DateParseError, month_end, month_error, parse_month

    if for_review is not None and month is not None:
        raise UsageError(
            "--month and --for-review make different papers: give --month YYYY-MM for the monthly "
            "board paper, or --for-review YYYY-MM-DD for a review's evidence pack"
        )
    if month is None and for_review is None:
        raise UsageError(
            "--month is missing: give the board's month (--month YYYY-MM), or --for-review YYYY-MM-DD "
            "for a review's evidence pack"
        )
    if for_review is not None:
        _evidence_pack(plans, for_review, output_format, output, template, as_of)
        return
    assert month is not None
    try:
        first = parse_month(month)
    except DateParseError as exc:
        raise typer.BadParameter(month_error(month, exc), param_hint="--month") from None
    if template is not None and not template.is_file():
        raise UsageError(f"{template}: no such template file")
    chosen = _paper_format(output_format, output)
    if template is not None and (template.suffix.lower() == ".docx") != (
        chosen is PaperFormat.docx
    ):
        raise UsageError(
            f"--template {template}: a Word template (.docx) goes with --format docx, "
            f"a Jinja template (.html.j2, .md.j2) with html or md; this paper is {chosen.value}"
        )
    when = _paper_as_of(first, as_of)
    files = plan_files(plans)
    stem = files[0].stem if len(files) == 1 else "plans"
    target = Path(output or f"board-paper-{stem}-{first:%Y-%m}.{chosen.value}")
    refuse_overwriting_plans(
        None if output == "-" else target,
        files,
        "-o",
        f"board-paper-{stem}-{first:%Y-%m}.{chosen.value}",
    )
    views: list[Any] = []
    broken = False
    for path in files:
        plan, diagnostics, _ = analyse(path, when)
        if plan is None:
            broken = True
            print_load_errors(str(path), diagnostics)
            continue
        published = plan.published.start
        if published is not None and month_end(first.year, first.month) < published:
            raise UsageError(
                f"{path}: the plan was published in {plan.published.text}, after {first:%B %Y}; "
                "choose a month from its publication on"
            )
        # The bundled Markdown paper and every Word paper show no SVG; someone's own Markdown template may.
        svg = chosen is PaperFormat.html or (chosen is PaperFormat.md and template is not None)
        views.append(
            build_view(plan, str(path), first, when, diagnostics, number=len(views) + 1, svg=svg)
        )
    if broken:
        typer.echo("sendplan: no board paper written: fix the errors above first", err=True)
        raise typer.Exit(1)
    _write(Paper(views, first, when, today()), chosen, output, target, template)


def _evidence_pack(
    plans: list[Path],
    given: str,
    output_format: PaperFormat | None,
    output: str | None,
    template: Path | None,
    as_of: str | None,
) -> None:
    """The evidence pack for one plan's review, as of its evidence deadline (else its date), or --as-of."""
    from sendplan_cli.check.pipeline import analyse, plan_files
    from sendplan_cli.cli.outputs import refuse_overwriting_plans
    from sendplan_cli.output.paper.build.view import build_view
    from sendplan_cli.output.paper.review_paper import ReviewPaper, chosen_review

    if template is not None:
        raise UsageError(
            "--template is for the monthly board paper; the evidence pack uses the bundled layout"
        )
    files = plan_files(plans)
    if len(files) != 1:
        raise UsageError(
            f"--for-review makes one plan's evidence pack, and {len(files)} plan files were given; "
            "give one plan file"
        )
    path = files[0]
    now = today()
    # Read once to find the review (its deadline sets the as-of day), then judged as of that day.
    loaded, diagnostics, _ = analyse(path, now)
    if loaded is None:
        print_load_errors(str(path), diagnostics)
        typer.echo("sendplan: no evidence pack written: fix the errors above first", err=True)
        raise typer.Exit(1)
    review, previous = chosen_review(loaded, str(path), given)
    when = as_of_date(as_of) if as_of else min(review.evidence_due or review.date, now)
    if when > now:
        raise UsageError(
            f"--as-of {when.isoformat()} is in the future; give a date up to today ({now.isoformat()})"
        )
    plan, diagnostics, _ = analyse(path, when)
    assert plan is not None
    chosen = _paper_format(output_format, output)
    default = f"evidence-pack-{path.stem}-{review.date.isoformat()}.{chosen.value}"
    target = Path(output or default)
    refuse_overwriting_plans(None if output == "-" else target, files, "-o", default)
    # The view is the month of the as-of day, so no state is read from after it.
    view = build_view(
        plan, str(path), when.replace(day=1), when, diagnostics, svg=chosen is PaperFormat.html
    )
    paper = ReviewPaper([view], review.date.replace(day=1), when, now, review, previous)
    _write(paper, chosen, output, target)


def _write(
    paper: Any, chosen: PaperFormat, output: str | None, target: Path, template: Path | None = None
) -> None:
    """Render the paper in its format and write it to the file, or to standard output for '-'."""
    from sendplan_cli.ground.atomic import write_atomic
    from sendplan_cli.output.paper.jinja.render import render

    if chosen is PaperFormat.docx:
        from sendplan_cli.output.paper.docx.docx_render import render_docx

        data = render_docx(paper, template)
    else:
        data = render(paper, chosen.value, template).encode("utf-8")
    if output == "-":
        if chosen is PaperFormat.docx and sys.stdout.isatty():
            raise UsageError(
                "a Word paper is a binary file and would garble the terminal; give a file name "
                "(-o board-paper.docx), or send standard output to a file or another program"
            )
        sys.stdout.buffer.write(data) if chosen is PaperFormat.docx else sys.stdout.write(
            data.decode("utf-8")
        )
        return
    write_atomic(target, data)
    typer.echo(f"wrote {target}", err=True)


_EXTENSIONS = {
    ".html": PaperFormat.html,
    ".htm": PaperFormat.html,
    ".md": PaperFormat.md,
    ".markdown": PaperFormat.md,
    ".docx": PaperFormat.docx,
}


def _paper_format(given: PaperFormat | None, output: str | None) -> PaperFormat:
    """--format, else the output file's extension, else HTML; a clash or an unknown extension is a usage error."""
    if output is None or output == "-":
        return given or PaperFormat.html
    suffix = Path(output).suffix.lower()
    inferred = _EXTENSIONS.get(suffix)
    if inferred is None and given is not None:
        return given  # the format was said: a file name of another kind (notes.txt) is the user's choice
    if inferred is None:
        raise UsageError(
            f"-o {output}: cannot tell the format from {suffix or 'no extension'!r}; "
            "end the file name in .html, .md or .docx, or give --format"
        )
    if given is not None and given is not inferred:
        raise UsageError(
            f"-o {output} is a {inferred.value} file name but --format is {given.value}; make them agree"
        )
    return inferred


def _paper_as_of(first: date, given: str | None) -> date:
    """The paper's as-of date: as given, else the month's end for a past month and today for the current one."""
    from sendplan_cli.plan.dates import month_end

    now = today()
    if first > now:
        raise UsageError(
            f"--month {first:%Y-%m} has not started yet; a board paper reports a month that has begun"
        )
    when = as_of_date(given) if given else min(month_end(first.year, first.month), now)
    if when > now:
        raise UsageError(
            f"--as-of {when.isoformat()} is in the future; give a date up to today ({now.isoformat()})"
        )
    return when
