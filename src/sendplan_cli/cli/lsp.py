"""`sendplan lsp`: the language server for editors (installed with the `lsp` extra)."""

from __future__ import annotations

from sendplan_cli.cli.app import AsOf, app, as_of_date, today
from sendplan_cli.ground.errors import UsageError

_INSTALL = "the language server needs the lsp extra: pip install 'sendplan[lsp]'"


@app.command()
def lsp(as_of: AsOf = None) -> None:
    """Run the language server on standard input and output, for an editor: findings as the plan is typed."""
    when = as_of_date(as_of) if as_of is not None else None
    try:
        import pygls  # noqa: F401  (only to say how to install it when it is missing)
    except ImportError:
        raise UsageError(_INSTALL) from None
    from sendplan_cli.lsp.features import serve
    from sendplan_cli.lsp.settings import ServerSettings

    serve(ServerSettings(as_of=when, today=today))
