"""The `update` group, which also takes the spelling from before `update` was split, for one release.

`sendplan update PLAN REF --month ...`, `update PLAN --indicator ID ...` and
`update PLAN --month M --paper-...` run the old all-in-one command (cli/update_legacy.py), with the
same result and exit code, and then say on standard error what to type instead. The notice
follows a run that completes, after its own line; a refused run shows its error alone, as it
always did, so whatever reads the error (a person, a script) finds it where it was.
"""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

_OLD = "(old spelling)"  # the name the old command runs under; a user typing it gets the old command too
_ROUTED = "sendplan.update.old_spelling"  # set on the context when a command line is routed there


def _old_spelling(first: str, commands: list[str], help_names: list[str]) -> bool:
    """Whether a command line starting with `first` after `update` is the old spelling.

    The old spelling starts with the plan (or an option); a bare word close to a command's name
    that is no file is a typing slip, answered with the commands there are."""
    if first in commands or first in help_names:
        return False
    if first.startswith("-") or Path(first).exists() or not first.isalpha():
        return True
    return not get_close_matches(first.lower(), commands, cutoff=0.6)


class UpdateGroup(TyperGroup):
    """`update action`, `update indicator` and `update paper`; any other first word is the old spelling's plan."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        if args and _old_spelling(args[0], list(self.commands), ctx.help_option_names):
            ctx.meta[_ROUTED] = True
            args = [_OLD, *args]
        return super().parse_args(ctx, args)

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:  # type: ignore[override]
        if cmd_name == _OLD and ctx.meta.get(_ROUTED):
            from sendplan_cli.cli.update_legacy import old_update_command

            return old_update_command()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        if not ctx.meta.get(_ROUTED):
            try:
                return super().invoke(ctx)
            except typer.TyperException as exc:
                self._say_whose(exc, ctx)
                raise
        from sendplan_cli.cli.update_legacy import notice

        result = super().invoke(ctx)
        typer.echo(notice(ctx), err=True)
        return result

    def _say_whose(self, exc: typer.TyperException, ctx: typer.Context) -> None:
        """An unknown option that another update command takes: say which, instead of guessing a near name."""
        name = getattr(exc, "option_name", None)
        owners = [
            f"`sendplan update {command_name}`"
            for command_name in self.commands
            if name in _option_names(self.commands[command_name], ctx)
        ]
        if owners and hasattr(exc, "possibilities"):
            exc.possibilities = None
            exc.message = (  # type: ignore[attr-defined]
                f"{name} is not an option of `sendplan update {ctx.invoked_subcommand}`: "
                f"it belongs to {' and '.join(owners)}"
            )


def _option_names(command: Any, ctx: typer.Context) -> set[str]:
    return {name for param in command.get_params(ctx) for name in getattr(param, "opts", [])}
