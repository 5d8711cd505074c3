"""A document's findings, from the same pipeline as `validate`, turned into LSP diagnostics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lsprotocol import types

from sendplan_cli.ground.documentation import check_page
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.lsp.coordinates import UTF16, lsp_column
from sendplan_cli.plan.diagnostics import Diagnostic, Severity
from sendplan_cli.plan.positions import editor_lines

SOURCE = "sendplan"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# The same first look as a directory search (check/discovery.py): a plan declares itself, or has a plan's keys.
_PLAN_TEXT = re.compile(
    r"^[\"']?(?:partnership|actions|recommendations)[\"']?[ \t]*:"
    r"|yaml-language-server:\s*\$schema=\S*plan\.schema\.json",
    re.MULTILINE,
)


def looks_like_a_plan(text: str) -> bool:
    """Whether an open YAML document is a plan, or may be a plan with a problem (it cannot be parsed), as a
    directory search decides: YAML that parses and has no plan key is some other file, and is left alone."""
    return _PLAN_TEXT.search(text) is not None or not _parses(text)


def _parses(text: str) -> bool:
    import yaml

    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        while parser.get_event() is not None:
            pass
    except (yaml.YAMLError, RecursionError, ValueError):
        return False
    finally:
        parser.dispose()
    return True


@dataclass(frozen=True)
class Checked:
    """One check of one version of a document: sendplan's findings, or the configuration error that stopped it."""

    diagnostics: list[Diagnostic]
    config_error: str | None = None


def check_text(text: str, path: Path, when: date, with_history: bool) -> Checked:
    """The findings `validate` reports for this text saved at path; with_history adds what the git history says."""
    from sendplan_cli.check.pipeline import check_file

    raw = text.encode(
        "utf-8", errors="surrogatepass"
    )  # a lone surrogate is reported as an encoding error
    try:
        result = check_file(path, when, str(path), raw)
        if with_history:
            from sendplan_cli.check.since import judge_changes

            result = judge_changes([result], [path], when, None, False)[0]
    except UsageError as exc:
        return Checked([], str(exc))
    return Checked(result.diagnostics)


def to_lsp(findings: list[Diagnostic], text: str, encoding: str = UTF16) -> list[types.Diagnostic]:
    """LSP diagnostics: 0-based lines, UTF-16 columns; each spans from its column to the end of its line."""
    lines = editor_lines(text)
    out = []
    for d in findings:
        line = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
        start = lsp_column(line, d.column, encoding)
        end = max(start, lsp_column(line, len(line.rstrip()) + 1, encoding))
        out.append(
            types.Diagnostic(
                range=types.Range(
                    types.Position(d.line - 1, start), types.Position(d.line - 1, end)
                ),
                message=d.message,
                severity=_SEVERITY[d.severity],
                code=d.code,
                code_description=_page(d.code),
                source=SOURCE,
            )
        )
    return out


def _page(code: str) -> types.CodeDescription | None:
    """The rule's page on the documentation site, when the project names one; editors link the code to it."""
    href = check_page(code)
    return types.CodeDescription(href=href) if href else None


def config_problem(message: str) -> types.Diagnostic:
    """A configuration that cannot be read stops every check; the author sees why at the top of the plan."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=f"sendplan configuration: {message}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
