"""Configuration: `sendplan.toml`, or `[tool.sendplan]` in `pyproject.toml`, nearest the plan wins."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sendplan_cli.check.rules import RULES, Options, Rule, get
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.plan.diagnostics import Severity

_KEYS = {
    "select",
    "ignore",
    "severity",
    "fail-on",
    "stale-months",
    "due-soon-days",
    "voice-months",
    "since",
    "history",
    "max-file-size",
    "include",
    "exclude",
}


@dataclass(frozen=True)
class Config:
    """Which rules run, at what severity, and which severity fails the run."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    options: Options = field(default_factory=Options)
    source: str | None = None
    since: str | None = None
    """Report only findings that are new since this git revision (validate --since)."""
    history: bool = False
    """Run the history rules, which read the plan's git history (validate --history)."""
    max_file_size: int | None = None
    """Largest plan file read, in bytes; None for the default (plan/reading.py)."""
    include: tuple[str, ...] = ()
    """Gitignore-style patterns of files that are plans even without a `partnership:` key."""
    exclude: tuple[str, ...] = ()
    """Gitignore-style patterns of files and folders never searched for plans."""

    def enabled(self, rule: Rule) -> bool:
        chosen = self.select is None or rule.code in self.select
        return chosen and rule.code not in self.ignore

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.code, rule.severity)


def _codes(values: Any, where: str) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise UsageError(f"{where}: expected a list of rule names or codes")
    try:
        return frozenset(get(v).code for v in values)
    except KeyError as exc:
        from sendplan_cli.plan.locate import suggest

        close = suggest(exc.args[0], [key for r in RULES for key in (r.name, r.code)])
        hint = f"did you mean {close!r}? " if close else ""
        raise UsageError(
            f"{where}: unknown rule {exc.args[0]!r}; {hint}`sendplan rules` lists them"
        ) from None


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise UsageError(f"{where}: expected error, warning or info, found {value!r}") from None


# The largest values that still mean something: a "due soon" window or a staleness gap longer than
# ten years says nothing a board can act on, and a plan file past 2 GB would need some 20 GB of
# memory to check. Bounding them also keeps every date sum inside the calendar.
MAX_DUE_SOON_DAYS = 3660
MAX_STALE_MONTHS = 120
MAX_VOICE_MONTHS = 120
MAX_FILE_SIZE_LIMIT = 2_000_000_000


def _whole(value: Any, where: str, lowest: int, highest: int, example: int, meaning: str) -> int:
    """A whole number within bounds, or a usage error saying which numbers are allowed."""
    if isinstance(value, int) and not isinstance(value, bool) and lowest <= value <= highest:
        return value
    raise UsageError(
        f"{where}: expected a whole number from {lowest:,} to {highest:,}, "
        f"found {_described(value, meaning)}; write e.g. {example:_}"
    )


def _described(value: Any, meaning: str) -> str:
    """A wrong value in words an officer recognises: TOML reads 1e400 as inf, which says nothing to them."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float) and math.isnan(value):
        return f'nan ("not a number"), which cannot be {meaning}'
    if isinstance(value, float) and math.isinf(value):
        size = "too large" if value > 0 else "too far below zero"
        return f"a number {size} to be {meaning}"
    return repr(value)


def parse_config(table: dict[str, Any], source: str) -> Config:
    """Build a Config from a TOML table; unknown keys and rules are usage errors."""
    unknown = set(table) - _KEYS
    if unknown:
        raise UsageError(
            f"{source}: unknown setting(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_KEYS))}"
        )
    severities = table.get("severity", {})
    if not isinstance(severities, dict):
        raise UsageError(f"{source}: severity must be a table of rule = level")
    return Config(
        select=_codes(table["select"], f"{source}: select") if "select" in table else None,
        ignore=_codes(table.get("ignore", []), f"{source}: ignore"),
        severity={
            get(k).code
            if k in {r.name for r in RULES} | {r.code for r in RULES}
            else _unknown(k, source): _severity(v, f"{source}: severity.{k}")
            for k, v in severities.items()
        },
        fail_on=_severity(table.get("fail-on", "error"), f"{source}: fail-on"),
        options=Options(
            stale_months=_whole(
                table.get("stale-months", Options.stale_months),
                f"{source}: stale-months",
                0,
                MAX_STALE_MONTHS,
                Options.stale_months,
                "a count of months",
            ),
            due_soon_days=_whole(
                table.get("due-soon-days", Options.due_soon_days),
                f"{source}: due-soon-days",
                0,
                MAX_DUE_SOON_DAYS,
                Options.due_soon_days,
                "a count of days",
            ),
            voice_months=_whole(
                table.get("voice-months", Options.voice_months),
                f"{source}: voice-months",
                1,
                MAX_VOICE_MONTHS,
                Options.voice_months,
                "a count of months",
            ),
        ),
        source=source,
        since=_revision(table.get("since"), f"{source}: since"),
        history=_flag(table.get("history", False), f"{source}: history"),
        max_file_size=(
            _whole(
                table["max-file-size"],
                f"{source}: max-file-size",
                1,
                MAX_FILE_SIZE_LIMIT,
                50_000_000,
                "a size in bytes",
            )
            if "max-file-size" in table
            else None
        ),
        include=_patterns(table.get("include", []), f"{source}: include"),
        exclude=_patterns(table.get("exclude", []), f"{source}: exclude"),
    )


def _patterns(values: Any, where: str) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise UsageError(f'{where}: expected a list of patterns, e.g. ["archive/", "*.draft.yaml"]')
    return tuple(values)


def _revision(value: Any, where: str) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise UsageError(
            f'{where}: expected a git revision as text, e.g. "origin/main", found {value!r}'
        )
    return value


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise UsageError(f"{where}: expected true or false, found {value!r}")
    return value


def _unknown(key: str, source: str) -> str:
    raise UsageError(f"{source}: severity: unknown rule {key!r}; `sendplan rules` lists them")


def _read(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc}") from None


@dataclass(frozen=True)
class Overrides:
    """What the command line says about configuration; it wins over the files, as in ruff."""

    config_file: Path | None = None
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def apply(self, config: Config) -> Config:
        from dataclasses import replace

        select = _codes(list(self.select), "--select") if self.select is not None else config.select
        if self.extend_select and select is not None:
            select = select | _codes(list(self.extend_select), "--extend-select")
        elif self.extend_select:
            _codes(list(self.extend_select), "--extend-select")  # still refuse an unknown code
        ignore = config.ignore | _codes(list(self.ignore), "--ignore")
        return replace(config, select=select, ignore=ignore)


def discovery_patterns(overrides: Overrides) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The include and exclude patterns for searching directories: the configuration where sendplan runs, then --exclude."""
    config = find_config(Path.cwd(), overrides)
    return config.include, (*config.exclude, *overrides.exclude)


def clear_config_cache() -> None:
    """Forget configurations read so far (for a long-running caller whose files changed)."""
    _find.cache_clear()


def find_config(directory: Path, overrides: Overrides = Overrides()) -> Config:
    """The configuration for a plan in this directory: --config FILE, else the nearest file; then the command line's."""
    return _find(directory, overrides)


@lru_cache(maxsize=64)
def _find(directory: Path, overrides: Overrides) -> Config:
    if overrides.config_file is not None:
        return overrides.apply(_from_file(overrides.config_file))
    return overrides.apply(_nearest(directory))


def _from_file(path: Path) -> Config:
    """A configuration file named on the command line: sendplan.toml, or a pyproject.toml with [tool.sendplan]."""
    if not path.is_file():
        raise UsageError(f"--config {path}: no such file; give a sendplan.toml or a pyproject.toml")
    table = _read(path)
    if path.name == "pyproject.toml":
        section = table.get("tool", {}).get("sendplan")
        if section is None:
            raise UsageError(f"--config {path}: it has no [tool.sendplan] table")
        return parse_config(section, f"{path} [tool.sendplan]")
    return parse_config(table, str(path))


def _nearest(directory: Path) -> Config:
    for folder in (directory, *directory.parents):
        own = folder / "sendplan.toml"
        if own.is_file():
            return parse_config(_read(own), str(own))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("sendplan")
            if table is not None:
                return parse_config(table, f"{pyproject} [tool.sendplan]")
    return Config()
