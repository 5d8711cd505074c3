"""Check plan files: load, validate against the model, cross-check, run rules."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sendplan_cli.errors import UsageError
from sendplan_cli.plan.diagnostics import Diagnostic, Severity
from sendplan_cli.plan.loader import load_plan

PLAN_SUFFIXES = (".yaml", ".yml")
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

    def fails(self, fail_on: Severity | None = None) -> bool:
        """True when a load error, or a finding at or above the failing severity, is present."""
        level = fail_on or self.fail_on
        return any(d.is_load_error or d.severity.rank >= level.rank for d in self.diagnostics)


def plan_files(paths: list[Path]) -> list[Path]:
    """Files as given, and each directory's *.yaml / *.yml files; missing paths are usage errors."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix in PLAN_SUFFIXES and p.is_file())
            if not inside:
                raise UsageError(f"{path}: no plan files (*.yaml, *.yml) in this directory")
            found += inside
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    return found


def load_model(path: Path, display: str | None = None, max_bytes: int | None = None):  # type: ignore[no-untyped-def]
    """Load and validate one plan: (LoadedPlan, Plan or None when it has errors)."""
    from pydantic import ValidationError

    from sendplan_cli.check.crossrefs import check_references
    from sendplan_cli.plan.locate import diagnose
    from sendplan_cli.plan.model import Plan

    loaded = load_plan(path, display, max_bytes)
    if loaded.data is None:
        return loaded, None
    if not isinstance(loaded.data, dict):
        kind = "a list" if isinstance(loaded.data, list) else "a single value"
        loaded.error("not-a-plan", f"the file holds {kind}, not a plan", loaded.position(()),
                     "a plan is a mapping with title, partnership, published, board and actions")
        return loaded, None
    try:
        plan = Plan.model_validate(loaded.data)
    except ValidationError as exc:
        diagnose(loaded, Plan, exc)
        return loaded, None
    check_references(plan, loaded)
    return loaded, plan


def analyse(path: Path, as_of: date, display: str | None = None):  # type: ignore[no-untyped-def]
    """Load, validate and run the rules: (plan or None, sorted diagnostics, configuration)."""
    from sendplan_cli.check.config import find_config
    from sendplan_cli.check.engine import run_rules

    config = find_config(path.resolve().parent)
    loaded, plan = load_model(path, display, config.max_file_size)
    diagnostics = list(loaded.diagnostics)
    if plan is not None and loaded.ok:
        diagnostics += run_rules(plan, loaded, config, as_of)
    else:
        plan = None
    return plan, sorted(diagnostics, key=lambda d: d.sort_key), config


def check_file(path: Path, as_of: date, display: str | None = None) -> FileResult:
    """Every diagnostic for one plan file."""
    plan, diagnostics, config = analyse(path, as_of, display)
    from sendplan_cli.plan.status import accountable_leads

    leads = {a.ref: accountable_leads(a) for a in plan.actions} if plan else {}
    return FileResult(display or str(path), diagnostics, config.fail_on, leads)


def _check_one(args: tuple[Path, date, str]) -> FileResult:
    return check_file(*args)


def check_files(paths: list[Path], as_of: date) -> list[FileResult]:
    """Check every file, across processes when there is enough work to share."""
    jobs = [(p, as_of, str(p)) for p in paths]
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
