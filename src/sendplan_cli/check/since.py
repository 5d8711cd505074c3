"""Judge the change, not the whole file: `validate --since REF` and the history rules.

Findings are worked out twice with the same as-of date, on the plan as it is now and on the
plan as it was at REF, and matched by their stable identity (git/identity.py), so only the
findings a change introduced are reported and can fail the run; the rest are counted. A plan
that did not exist at REF, or a repository with no commits yet, is new entirely.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sendplan_cli.check.config import Overrides
from sendplan_cli.check.pipeline import FileResult
from sendplan_cli.plan.diagnostics import Diagnostic

if TYPE_CHECKING:
    from sendplan_cli.git.repo import GitRepo


def judge_changes(
    results: list[FileResult],
    paths: list[Path],
    as_of: date,
    since: str | None,
    history: bool,
    overrides: Overrides = Overrides(),
) -> list[FileResult]:
    """Each file's result narrowed to new findings (--since) and joined by history findings (--history).

    since and history come from the command line; None / False defer to each plan's configuration,
    and an empty --since "" turns a configured comparison off; overrides are the command line's configuration options.
    """
    from sendplan_cli.check.config import find_config

    out = []
    for result, path in zip(results, paths, strict=True):
        config = find_config(path.resolve().parent, overrides)
        ref = config.since if since is None else (since or None)
        wanted_history = history or config.history
        if ref is None and not wanted_history:
            out.append(result)
            continue
        out.append(_judge(result, path, as_of, ref, wanted_history, overrides))
    return out


def _judge(
    result: FileResult,
    path: Path,
    as_of: date,
    ref: str | None,
    history: bool,
    overrides: Overrides,
) -> FileResult:
    from sendplan_cli.git.repo import GitRepo

    repo = GitRepo.find(path, "--since" if ref else "--history")
    if history:
        repo.require_full_history("--history")
    relative = repo.relative(path)
    base = repo.resolve(ref, "--since") if ref is not None and repo.has_commits() else None
    changes = _history_findings(repo, path, relative, result, as_of, base, history, overrides)
    if ref is None:
        return replace(
            result,
            diagnostics=sorted(
                [*result.diagnostics, *(d for d, _ in changes)], key=lambda d: d.sort_key
            ),
        )
    kept = new_findings(
        repo, path, relative, result.diagnostics, base, as_of, result.path, overrides
    )
    kept += [d for d, new in changes if new]
    existing = len(result.diagnostics) + len(changes) - len(kept)
    return replace(
        result, diagnostics=sorted(kept, key=lambda d: d.sort_key), existing=existing, since=ref
    )


def new_findings(
    repo: GitRepo,
    path: Path,
    relative: str,
    diagnostics: list[Diagnostic],
    base: str | None,
    as_of: date,
    display: str,
    overrides: Overrides,
) -> list[Diagnostic]:
    """The diagnostics whose identity was not among the findings on the plan at the base commit."""
    from sendplan_cli.check.pipeline import analyse, load_bytes
    from sendplan_cli.git.identity import identities
    from sendplan_cli.plan.loader import load_plan

    old_raw = repo.show(base, relative) if base is not None else None
    if old_raw is None:
        return list(diagnostics)
    _, old, _ = analyse(path, as_of, display, old_raw, overrides)
    before = set(identities(old, relative, load_bytes(old_raw, display).data))
    now = identities(diagnostics, relative, load_plan(path, display).data)
    return [d for d, identity in zip(diagnostics, now, strict=True) if identity not in before]


def _history_findings(
    repo: GitRepo,
    path: Path,
    relative: str,
    result: FileResult,
    as_of: date,
    base: str | None,
    history: bool,
    overrides: Overrides,
) -> list[tuple[Diagnostic, bool]]:
    """History rules' findings, each with whether it is new since base.

    With --history every rule runs over every commit; a finding is new when its commit came after
    base. With --since alone, only due-date-moved-silently runs, over the commits since base.
    """
    from sendplan_cli.check.config import find_config
    from sendplan_cli.check.history_engine import run_history
    from sendplan_cli.check.rules.history import HISTORY_RULES, due_date_moved_silently
    from sendplan_cli.git.versions import read_versions
    from sendplan_cli.plan.loader import load_plan

    config = find_config(path.resolve().parent, overrides)
    if history:
        rules = [r for r in HISTORY_RULES if config.enabled(r)]
        versions = read_versions(repo, path, relative, as_of) if rules else []
    elif base is not None and config.enabled(due_date_moved_silently):
        rules = [due_date_moved_silently]
        versions = read_versions(repo, path, relative, as_of, base=base)
    else:
        return []
    if len(versions) < 2:
        return []
    found = run_history(versions, rules, load_plan(path, result.path), config.severity_of)
    if base is None or not history:
        return [(d, True) for d, _ in found]
    newer = {c.sha for c in repo.commits_touching(relative, after=base)}
    return [(d, commit is None or commit.sha in newer) for d, commit in found]
