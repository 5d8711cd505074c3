"""Which files are plans: the paths given, and the plans found by searching directories.

A file named on the command line is always checked. A directory is searched recursively for
YAML files that declare themselves plans (a top-level `partnership:` key, which every plan has,
or the plan schema's editor modeline) or that match the configured `include` patterns; the
`exclude` patterns (gitignore style, read by pathspec) leave files and folders out. A search must
never hide a broken plan, so YAML that has a plan's keys (`actions:`, `recommendations:`) without
`partnership:`, or that cannot be parsed at all, is checked too and its problems reported. Other
YAML (`.pre-commit-config.yaml`, CI workflows...) is skipped, never read as a plan, and named by
the run. A directory with no plan in it is a usage error, so a misconfigured CI job can never
pass green by checking nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendplan_cli.ground.errors import UsageError

PLAN_SUFFIXES = (".yaml", ".yml")
# Folders that never hold a partnership's plans: version control, environments, caches.
ALWAYS_EXCLUDED = (
    ".git/",
    ".hg/",
    ".svn/",
    ".venv/",
    "venv/",
    "node_modules/",
    "__pycache__/",
    ".tox/",
    ".nox/",
)
_DECLARES_A_PLAN = re.compile(
    r"^partnership\s*:|yaml-language-server:\s*\$schema=\S*plan\.schema\.json", re.MULTILINE
)
# A plan whose `partnership:` key was lost or misspelt still has these; it is a plan with a problem.
_PLAN_KEYS = re.compile(r"^[\"']?(?:actions|recommendations)[\"']?[ \t]*:", re.MULTILINE)
_SNIFF_BYTES = 65_536
# YAML that is not a plan is parsed (events only, no values built) to tell it from a broken plan;
# beyond this size it is skipped unparsed, as no other YAML kept beside plans is so large.
_PARSE_LIMIT = 20_000_000
_PLAN, _DOUBTFUL, _OTHER = "plan", "doubtful", "other"
NOT_A_PLAN = "not a plan: no top-level `partnership:` key, `actions:` or `recommendations:`"


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    doubtful: list[Path] = field(default_factory=list)
    """Files found by searching that are checked without declaring themselves plans: plans with a problem, or
    YAML that is not a plan (a template, say) and should be left out with an `exclude` pattern."""


def discover(
    paths: list[Path],
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    require_plans: bool = True,
) -> Discovery:
    """The plan files among paths, each once, in the order given (a directory's sorted).

    require_plans: a directory with no plan in it is a usage error (off for --show-files, which lists what it skipped)."""
    found = Discovery()
    seen: set[Path] = set()

    def add(file: Path) -> None:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(file)

    for path in paths:
        if path.is_dir():
            before = len(found.files)
            inside: list[Path] = []
            _search(path, include, exclude, inside.append, found.skipped, found.doubtful)
            for file in sorted(inside, key=lambda f: f.as_posix()):
                add(file)
            if (
                require_plans
                and len(found.files) == before
                and not any(f.resolve().is_relative_to(path.resolve()) for f in found.files)
            ):
                raise UsageError(
                    _no_plans(
                        path,
                        [
                            why
                            for f, why in found.skipped
                            if f.resolve().is_relative_to(path.resolve())
                        ],
                    )
                )
        elif path.exists():
            add(path)
        else:
            raise UsageError(f"{path}: no such file or directory; check the path")
    return found


def _no_plans(path: Path, reasons: list[str]) -> str:
    """Why a directory gave no plan, in words that say what to do."""
    if not reasons:
        return f"{path}: no YAML files in this directory or below it; check the path"
    excluded = sum(1 for why in reasons if why.startswith("excluded"))
    others = len(reasons) - excluded
    parts = []
    if excluded:
        parts.append(
            f"{excluded} YAML file{'s' if excluded != 1 else ''} left out by exclude patterns"
        )
    if others:
        parts.append(
            f"{others} YAML file{'s' if others != 1 else ''} without a top-level `partnership:` key, so not plans"
        )
    return (
        f"{path}: no plans found in this directory ({'; '.join(parts)}); `--show-files` lists them. "
        "Check the exclude patterns, or add an `include` pattern to the configuration"
    )


class _AlwaysExcluded:
    """ALWAYS_EXCLUDED alone: folder names, each matching a folder of that name at any depth.

    What pathspec answers for these patterns, without importing it (about 13 ms of every start)
    when the configuration adds no patterns: a folder is excluded by its own name, since the
    walk never enters an excluded folder, and a file never matches a pattern ending in '/'."""

    names = frozenset(pattern.rstrip("/") for pattern in ALWAYS_EXCLUDED)

    def match_file(self, relative: str) -> bool:
        return relative.endswith("/") and relative[:-1].rpartition("/")[2] in self.names


def _search(
    root: Path,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    add,
    skipped,  # type: ignore[no-untyped-def]
    doubtful,
) -> None:
    excluded: Any = _AlwaysExcluded()
    included = None
    if include or exclude:
        import pathspec

        excluded = pathspec.GitIgnoreSpec.from_lines([*ALWAYS_EXCLUDED, *exclude])
        included = pathspec.GitIgnoreSpec.from_lines(include) if include else None
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        relative_dir = here.relative_to(root).as_posix()
        prefix = "" if relative_dir == "." else relative_dir + "/"
        dirs[:] = sorted(d for d in dirs if not excluded.match_file(prefix + d + "/"))
        for name in sorted(names):
            if not name.endswith(PLAN_SUFFIXES):
                continue
            relative = prefix + name
            file = here / name
            if excluded.match_file(relative):
                skipped.append((file, "excluded by the configuration"))
            elif included is not None and included.match_file(relative):
                add(file)
            elif not file.is_file():
                skipped.append((file, "not a regular file"))
            else:
                kind = _kind(file)
                if kind is _OTHER:
                    skipped.append((file, NOT_A_PLAN))
                    continue
                add(file)
                if kind is _DOUBTFUL:
                    doubtful.append(file)


def looks_like_a_plan(file: Path) -> bool:
    """Whether a regular file is a plan, or a plan with a problem, by a look at its start: a top-level
    `partnership:`, `actions:` or `recommendations:` key, or the plan schema's modeline."""
    head = _head(file)
    return (
        head is None
        or _DECLARES_A_PLAN.search(head) is not None
        or _PLAN_KEYS.search(head) is not None
    )


def parses_as_a_plan(file: Path) -> bool:
    """A YAML file whose top level holds a plan's keys however it is written (quoted keys, JSON style, indented):
    the look at a file's start sees only the usual way of writing them. Too large a file counts as a plan."""
    if file.suffix.lower() not in (".yaml", ".yml", ".json"):
        return False
    try:
        if file.stat().st_size > _PARSE_LIMIT:
            return True  # far larger than any report sendplan writes: keep it
        import yaml

        data = yaml.load(file.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:  # noqa: BLE001 - a file that cannot be read as YAML is no plan sendplan could check
        return False
    return isinstance(data, dict) and bool(
        {"partnership", "actions", "recommendations"} & {str(k) for k in data}
    )


def _head(file: Path) -> str | None:
    """The file's first bytes as text; None when it cannot be read (the loader will say why)."""
    try:
        with file.open("rb") as handle:
            return handle.read(_SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None


def _kind(file: Path) -> str:
    """_PLAN, _DOUBTFUL (a plan with a problem, or YAML that cannot be parsed: checked, so its problems are
    reported) or _OTHER (YAML that is plainly something else). Only YAML that is no plan at first look is parsed."""
    head = _head(file)
    if head is None or _DECLARES_A_PLAN.search(head) is not None:
        return _PLAN  # an unreadable file too: the loader says why it cannot be read
    if _PLAN_KEYS.search(head) is not None:
        return _DOUBTFUL
    try:
        if file.stat().st_size > _PARSE_LIMIT:
            return _OTHER
        raw = file.read_bytes()
    except OSError:
        return _DOUBTFUL
    if not _parses(raw):
        return _DOUBTFUL
    return (
        _PLAN if parses_as_a_plan(file) else _OTHER
    )  # a plan written JSON-style, quoted keys indented


def _parses(raw: bytes) -> bool:
    """Whether the bytes are YAML a parser reads to the end: events only, so nothing is built or expanded."""
    import yaml

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        while parser.get_event() is not None:
            pass
    except (yaml.YAMLError, RecursionError):
        return False
    finally:
        parser.dispose()
    return True
