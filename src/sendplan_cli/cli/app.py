"""The `sendplan` typer app, the options commands share, and the one handler that turns failures into exit codes.

Heavy libraries (pydantic, ruamel.yaml, jinja2) are imported inside the commands, so that
`sendplan --help` and `sendplan --version` start fast.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sendplan_cli import __version__
from sendplan_cli.ground.errors import UsageError

app = typer.Typer(
    name="sendplan",
    help="Check and report on local-area SEND improvement plans kept as YAML.",
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh, fish and PowerShell.
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def today() -> date:
    """The one place the clock is read."""
    return date.today()


def as_of_date(value: str | None) -> date:
    """The as-of date: today unless given."""
    from sendplan_cli.plan.dates import EARLIEST, LATEST

    if value is None:
        return today()
    try:
        when = date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD", param_hint="--as-of"
        ) from None
    if not EARLIEST <= when <= LATEST:
        raise typer.BadParameter(
            f"{value} is outside the years sendplan handles ({EARLIEST.year} to {LATEST.year}); "
            f"give a date between {EARLIEST} and {LATEST}",
            param_hint="--as-of",
        )
    return when


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sendplan {__version__}")
        raise typer.Exit()


def _colour(value: str) -> str:
    from sendplan_cli.output.colour import CHOICES

    if value not in CHOICES:
        raise typer.BadParameter(
            f"{value!r} is not one of {', '.join(CHOICES)}", param_hint="--color"
        )
    return value


def colour_choice(ctx: typer.Context) -> str:
    """The --color given before the command (auto, always or never), for the command to pass to its output."""
    return str(ctx.find_root().params.get("color") or "auto")


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when sendplan itself fails.")
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="auto|always|never",
            callback=_colour,
            help="Colour output: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never.",
        ),
    ] = "auto",
) -> None:
    pass  # --debug is read off the command line by main(), before or after the command; declared here for --help


AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="YYYY-MM-DD", help="Judge dates as of this day (default: today)."
    ),
]


def file_lines(path: str) -> list[str]:
    """A file's lines for quoting; read when a reporter needs them, a few files at a time."""
    from sendplan_cli.plan.positions import editor_lines
    from sendplan_cli.plan.reading import ReadRefused, read_plan_bytes

    try:  # regular files only: quoting must never block on a pipe or read a device (the loader said why)
        return editor_lines(
            read_plan_bytes(Path(path), max_bytes=sys.maxsize)
            .decode("utf-8", errors="replace")
            .lstrip("\ufeff")
        )
    except ReadRefused:
        return []


def write_report(produce, output_file: Path | None) -> None:  # type: ignore[no-untyped-def]
    """Let produce(stream) write to standard output, or to output_file whole or not at all."""
    if output_file is None:
        produce(sys.stdout)
        return
    import io

    from sendplan_cli.ground.atomic import write_atomic

    buffer = io.StringIO()
    produce(buffer)
    write_atomic(output_file, buffer.getvalue().encode("utf-8"))


def print_load_errors(path: str, diagnostics) -> None:  # type: ignore[no-untyped-def]
    from sendplan_cli.output.findings.text import render

    lines = file_lines(path)
    for d in diagnostics:
        if d.is_load_error:
            head, snippet, hint = render(d, lines)
            typer.echo("\n".join([head, *snippet, *([hint] if hint else [])]), err=True)


def _command_named(args: list[str]) -> str | None:
    """The command a command line runs, when the options before it are the root's own (else None)."""
    rest = iter(args)
    for arg in rest:
        if arg == "--color":
            next(rest, None)
        elif arg != "--debug" and not arg.startswith("--color="):
            return None if arg.startswith("-") else arg
    return None


def _only_the_command_run(args: list[str]) -> typer.Typer:
    """The app with only the command being run registered: a copy, so the app itself never changes.

    typer turns each registered command's signature into click parameters on every start, about
    1 ms a command, before running the one asked for. Help for the whole tool, shell completion and
    a mistyped command (which gets suggestions) still see every command."""
    name = _command_named(args)
    if name is None or any(key.endswith("_COMPLETE") for key in os.environ):
        return app
    from copy import copy

    from typer.main import get_command_name

    chosen = [
        c
        for c in app.registered_commands
        if (c.name or get_command_name(c.callback.__name__)) == name  # type: ignore[union-attr]
    ]
    groups = [g for g in app.registered_groups if g.name == name]  # `update` and its commands
    if not chosen and not groups:
        return app
    runner = copy(app)
    runner.registered_commands = chosen
    runner.registered_groups = groups
    return runner


def _without_debug(args: list[str]) -> tuple[list[str], bool]:
    """The command line with --debug taken out wherever it stands, and whether it was there.

    The hint after an internal error says "run again with --debug", and people add it at the end;
    after `--` every word is an argument, so it is left alone there."""
    end = args.index("--") if "--" in args else len(args)
    kept = [arg for arg in args[:end] if arg != "--debug"] + args[end:]
    return kept, len(kept) != len(args)


def main() -> None:
    """Entry point: usage errors exit 2 with a message; sendplan's own failures show a traceback only with --debug."""
    args, debug = _without_debug(sys.argv[1:])
    runner = _only_the_command_run(args)
    try:
        code = runner(
            args=args, prog_name="sendplan", standalone_mode=False
        )  # sendplan words option errors itself
    except UsageError as exc:
        typer.echo(f"sendplan: error: {_shown(exc)}", err=True)
        sys.exit(2)
    except typer.Abort:
        typer.echo("sendplan: stopped", err=True)
        sys.exit(130)
    except typer.TyperException as exc:
        sys.exit(_option_error(exc))
    except Exception as exc:  # noqa: BLE001 - the single handler for sendplan's own failures
        if debug:
            raise
        typer.echo(
            f"sendplan: internal error: {type(exc).__name__}: {_shown(exc)} (run again with --debug for details)",
            err=True,
        )
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _shown(message: object) -> str:
    """An error message as the terminal should show it: a path or value the user typed may hold controls."""
    from sendplan_cli.ground.sanitise import prose_lines

    return "\n".join(prose_lines(message))


def _option_error(exc: typer.TyperException) -> int:
    """An option or argument error in the same words as every other sendplan error, and where to look."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        typer.echo(
            ctx.get_help()
        )  # `sendplan` alone asks for the help, and gets it (exit 2, as click does)
        return int(getattr(exc, "exit_code", 2))
    typer.echo(f"sendplan: error: {_shown(exc.format_message())}", err=True)  # type: ignore[attr-defined]
    command = (
        ctx.command_path
        if ctx is not None
        else " ".join(["sendplan", *filter(None, [_command_named(sys.argv[1:])])])
    )
    typer.echo(f"Run '{command} -h' for its options.", err=True)
    return int(getattr(exc, "exit_code", 2))
