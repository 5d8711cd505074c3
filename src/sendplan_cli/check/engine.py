"""Run the rules over a validated plan: locate findings, apply configuration and suppressions."""

from __future__ import annotations

from datetime import date

from sendplan_cli.check.config import Config
from sendplan_cli.check.rules import RULES, Context, Finding, Rule, get
from sendplan_cli.check.suppressions import Suppression, find_suppressions
from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.loader import LoadedPlan, format_pointer
from sendplan_cli.plan.model import Plan


def _diagnostic(loaded: LoadedPlan, rule: Rule, config: Config, finding: Finding) -> Diagnostic:
    line, column = loaded.position(finding.pointer, key=finding.key)
    message = finding.message
    if finding.related is not None:
        message += f" (see line {loaded.position(finding.related)[0]})"
    return Diagnostic(
        path=loaded.path,
        line=line,
        column=column,
        code=rule.code,
        name=rule.name,
        severity=config.severity_of(rule),
        message=message,
        pointer=format_pointer(finding.pointer),
        hint=finding.hint,
        ref=finding.ref,
    )


def run_rules(
    plan: Plan, loaded: LoadedPlan, config: Config, as_of: date, ctx: Context | None = None
) -> list[Diagnostic]:
    """Every enabled rule's findings as located diagnostics, after inline suppressions.

    ctx, when given, is the caller's context, so what the rules worked out (KPI statuses) can be read after."""
    ctx = ctx or Context(plan, as_of, config.options, loaded)
    found = [
        _diagnostic(loaded, rule, config, finding)
        for rule in RULES
        if config.enabled(rule)
        for finding in rule.check(ctx)
    ]
    suppressions = find_suppressions(loaded.text)
    if not suppressions:
        return found
    return _apply(found, suppressions, loaded, config, as_of)


def _apply(
    found: list[Diagnostic],
    suppressions: list[Suppression],
    loaded: LoadedPlan,
    config: Config,
    as_of: date,
) -> list[Diagnostic]:
    by_line: dict[int, list[Suppression]] = {}
    for s in suppressions:
        by_line.setdefault(s.line, []).append(s)
    kept = []
    for diagnostic in found:
        hiding = next(
            (s for s in by_line.get(diagnostic.line, []) if _covers(s, diagnostic, as_of)), None
        )
        if hiding is None:
            kept.append(diagnostic)
        else:
            hiding.used = True
    for s in suppressions:
        kept += _meta(s, loaded, config, as_of)
    return kept


def _covers(s: Suppression, diagnostic: Diagnostic, as_of: date) -> bool:
    if s.until_text is not None and (s.until is None or s.until < as_of):
        return False
    return diagnostic.name in s.rules or diagnostic.code in s.rules


def _enabled(key: str, config: Config) -> bool:
    """A suppression for a rule that is switched off is not reported as unused."""
    try:
        return config.enabled(get(key))
    except KeyError:
        return True


def _meta(s: Suppression, loaded: LoadedPlan, config: Config, as_of: date) -> list[Diagnostic]:
    """Findings about the suppression comment itself."""
    out = []
    where = f"ignore[{', '.join(s.rules)}]"

    def emit(name: str, message: str, hint: str) -> None:
        rule = get(name)
        if config.enabled(rule):
            out.append(
                Diagnostic(
                    loaded.path,
                    s.line,
                    s.column,
                    rule.code,
                    rule.name,
                    config.severity_of(rule),
                    message,
                    hint=hint,
                )
            )

    if not s.reason:
        emit(
            "suppression-without-reason",
            f"{where} gives no reason",
            'add reason="..." saying who agreed it and when',
        )
    if s.until_text is not None and s.until is None:
        emit(
            "suppression-expired",
            f"{where} has until={s.until_text}, which is not a date",
            "write until=YYYY-MM-DD",
        )
    elif s.until is not None and s.until < as_of:
        emit(
            "suppression-expired",
            f"{where} expired on {s.until:%d %b %Y}",
            "remove the comment or renew it",
        )
    elif not s.used and any(_enabled(name, config) for name in s.rules):
        emit("unused-suppression", f"{where} suppresses nothing on this line", "remove the comment")
    return out
