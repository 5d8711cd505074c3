"""What a finding's code means, in the words `sendplan explain` prints."""

from __future__ import annotations

from sendplan_cli.check.rules import get
from sendplan_cli.plan.load_errors import LOAD_ERRORS


def explanation(code: str) -> str | None:
    """`sendplan explain CODE`'s text (Markdown), or None for a code sendplan does not know."""
    for error in LOAD_ERRORS:
        if error.code == code:
            return f"# {error.code} {error.name} (load error)\n\n{error.doc}"
    try:
        rule = get(code)
    except KeyError:
        return None
    return f"# {rule.code} {rule.name} ({rule.severity.value})\n\n{rule.doc}"
