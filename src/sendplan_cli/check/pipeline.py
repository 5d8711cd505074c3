"""Check plan files: load, validate against the model, cross-check, run rules."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.check.config import Overrides
from sendplan_cli.plan.diagnostics import Diagnostic, Severity
from sendplan_cli.plan.loader import LoadedPlan, load_plan, load_text, read_text

# Below this many bytes in total, starting worker processes costs more than it saves.
PARALLEL_BYTES = 2_000_000


@dataclass
class FileResult:
    """One file's diagnostics, sorted by position."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    """The severity that fails the run, from this file's configuration."""
    leads: dict[str, list[str]] = field(default_factory=dict)
    """Each action ref's accountable leads, for the per-lead digest."""
    identities: dict[Diagnostic, str] = field(default_factory=dict)
    """Each diagnostic's stable identity (git/identity.py)."""
    existing: int = 0
    """Findings left out because they were already there at the --since revision."""
    since: str | None = None
    """The revision findings were compared with (--since), when they were."""
    indicators: list[dict[str, Any]] = field(default_factory=list)
    """Each indicator's computed status as at the run's date (plan/kpi_status.py), for dashboards."""


def plan_files(paths: list[Path], overrides: Overrides = Overrides()) -> list[Path]:
    """The plans among paths (check/discovery.py); every command that reads plans finds them here."""
    from sendplan_cli.check.config import discovery_patterns
    from sendplan_cli.check.discovery import discover

    return discover(paths, *discovery_patterns(overrides)).files


def load_parts(
    path: Path, display: str | None = None, raw: bytes | None = None, max_bytes: int | None = None
):  # type: ignore[no-untyped-def]
    """Load and validate one plan as far as it can be read: (LoadedPlan, Plan or None, Damage).

    raw is the file's bytes as they were at a commit, in place of reading the file now."""
    from sendplan_cli.check.crossrefs import check_references
    from sendplan_cli.check.partial import Damage, validate_parts

    loaded = (
        load_plan(path, display, max_bytes)
        if raw is None
        else load_bytes(raw, display or str(path))
    )
    if loaded.data is None:
        return loaded, None, Damage()
    if not isinstance(loaded.data, dict):
        kind = "a list" if isinstance(loaded.data, list) else "a single value"
        loaded.error(
            "not-a-plan",
            f"the file holds {kind}, not a plan",
            loaded.position(()),
            "a plan is a mapping with title, partnership, published, board and actions",
        )
        return loaded, None, Damage()
    plan, damage = validate_parts(loaded)
    if plan is not None:
        before = len(loaded.diagnostics)
        check_references(plan, loaded)
        for diagnostic in loaded.diagnostics[before:]:
            damage.record(diagnostic)
    return loaded, plan, damage


def load_model(
    path: Path,
    display: str | None = None,
    raw: bytes | None = None,  # type: ignore[no-untyped-def]
    max_bytes: int | None = None,
):
    """Load and validate one plan: (LoadedPlan, Plan or None when any part of it cannot be read)."""
    loaded, plan, _ = load_parts(path, display, raw, max_bytes)
    return loaded, plan if loaded.ok else None


def load_bytes(raw: bytes, display: str) -> LoadedPlan:
    """Read a plan from bytes (a version from git), with the same checks as reading the file."""
    loaded = LoadedPlan(path=display, text="")
    text = read_text(Path(display), loaded, raw)
    return loaded if text is None else load_text(text, loaded)


def analyse(
    path: Path,
    as_of: date,
    display: str | None = None,
    raw: bytes | None = None,  # type: ignore[no-untyped-def]
    overrides: Overrides = Overrides(),
):
    """Load, validate and run the rules: (plan, or None when it has load errors; sorted diagnostics; configuration)."""
    loaded, plan, diagnostics, config, _ = _analyse(path, as_of, display, raw, overrides)
    return (plan if loaded.ok else None), diagnostics, config


def _analyse(
    path: Path,
    as_of: date,
    display: str | None,
    raw: bytes | None,  # type: ignore[no-untyped-def]
    overrides: Overrides,
):
    """Every part that can be read is checked, so a plan's problems all arrive in one run.

    Also returns the rules' context (None when no rule ran), whose shared results outputs may read."""
    from sendplan_cli.check.config import find_config
    from sendplan_cli.check.engine import run_rules
    from sendplan_cli.check.rules import Context, get

    config = find_config(path.resolve().parent, overrides)
    loaded, plan, damage = load_parts(path, display, raw, config.max_file_size)
    diagnostics = list(loaded.diagnostics)
    ctx = None
    if plan is not None:
        ctx = Context(plan, as_of, config.options, loaded)
        found = run_rules(plan, loaded, config, as_of, ctx)
        diagnostics += [d for d in found if damage.keeps(d, get(d.code).reads)]
    return loaded, plan, sorted(dict.fromkeys(diagnostics), key=lambda d: d.sort_key), config, ctx


def check_file(
    path: Path,
    as_of: date,
    display: str | None = None,
    raw: bytes | None = None,
    overrides: Overrides = Overrides(),
) -> FileResult:
    """Every diagnostic for one plan file (or, with raw, for those bytes as if they were that file)."""
    from sendplan_cli.git.identity import identities, path_from_root
    from sendplan_cli.plan.action_state import accountable_leads

    loaded, plan, diagnostics, config, ctx = _analyse(path, as_of, display, raw, overrides)
    leads = {a.ref: accountable_leads(a) for a in plan.actions} if plan else {}
    # The statuses the indicator rules worked out, reused: a plan without load errors only.
    kpis = (
        [status.as_dict() for status in ctx.kpis()]
        if ctx is not None and loaded.ok and plan.indicators
        else []
    )
    shown = display or str(path)
    ids = dict(zip(diagnostics, identities(diagnostics, path_from_root(path, shown), loaded.data)))
    return FileResult(shown, diagnostics, config.fail_on, leads, ids, indicators=kpis)


def _check_one(job: tuple[Path, date, str, Overrides]) -> FileResult:
    path, as_of, display, overrides = job
    return check_file(path, as_of, display, None, overrides)


def check_files(paths: list[Path], as_of: date, overrides: Overrides) -> list[FileResult]:
    """Check every file, across processes when there is enough work to share; each job carries the command line's overrides."""
    jobs = [(p, as_of, str(p), overrides) for p in paths]
    workers = min(len(jobs), os.cpu_count() or 1)
    total = sum(_size(p) for p in paths)
    if workers < 2 or total < PARALLEL_BYTES:
        return [_check_one(job) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_check_one, jobs, chunksize=max(1, len(jobs) // (workers * 4))))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
