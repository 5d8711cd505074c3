"""`sendplan update action --evidence`: the evidence item an update cites, checked as validate checks it.

The path check is plan/evidence_paths.py's, the one the evidence-missing rule reads, so a path
the update accepts is one validate accepts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.roundtrip import refuse_controls
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.plan.dates import DateParseError, parse_date_phrase
from sendplan_cli.plan.evidence_paths import OUTSIDE, evidence_problem, repository_root

_DATE_FORMS = "write a month such as March 2026 or a day such as 31/03/2026"


@dataclass(frozen=True)
class EvidenceCited:
    """One evidence item as typed: a title, and a path (from the plan's folder) or a link."""

    title: str
    path: str | None = None
    link: str | None = None
    date: str | None = None
    """When the document was written; None: the update's month."""


def evidence_item(path: Path, cited: EvidenceCited | None, month: date) -> dict[str, str] | None:
    """The evidence item to append, checked as validate checks it; UsageError, before anything is written, if wrong."""
    if cited is None:
        return None
    for option, text in (
        ("--evidence", cited.title),
        ("--evidence-path", cited.path),
        ("--evidence-link", cited.link),
        ("--evidence-date", cited.date),
    ):
        refuse_controls(option, text)
        if text is not None and not text.strip():
            raise UsageError(f"{option} is empty; give a value, or leave {option} out")
    if cited.path is None and cited.link is None:
        raise UsageError(
            "--evidence needs --evidence-path (a file in the plan's repository) or --evidence-link "
            "(where it can be read online)"
        )
    if cited.path is not None:
        folder = path.resolve().parent
        problem = evidence_problem(folder, repository_root(path), cited.path)
        if problem == OUTSIDE:
            raise UsageError(
                f"{path}: --evidence-path {one_line(cited.path)!r} is outside the plan's repository; "
                "keep the document in the repository and give its path from the plan's folder, "
                "or give --evidence-link"
            )
        if problem is not None:
            raise UsageError(
                f"{path}: --evidence-path {one_line(cited.path)!r}: no such file from the plan's "
                f"folder ({folder}); {_from_plan_folder(folder, cited.path)}"
            )
    if cited.date is not None:
        try:
            parse_date_phrase(cited.date)
        except DateParseError as exc:
            raise UsageError(f"--evidence-date: {exc}; {_DATE_FORMS}") from None
    item = {"title": cited.title, "date": cited.date or f"{month:%B %Y}"}
    item.update({k: v for k, v in (("link", cited.link), ("path", cited.path)) if v is not None})
    return item


def _from_plan_folder(folder: Path, typed: str) -> str:
    """What to do about a path not found from the plan's folder: the path to give, when it was typed from here."""
    here = Path(typed).resolve()
    if here.exists():
        return f"it is read from the plan's folder, so give --evidence-path {Path(os.path.relpath(here, folder)).as_posix()!r}"
    return "add the document first, or correct the path (it is read from the plan's folder)"


def add_evidence(entry: Any, item: dict[str, str]) -> None:
    """Append the item to the update's evidence, in the style of the items already there; nothing if it is already cited."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    cited = entry.get("evidence")
    if cited is None:
        cited = entry["evidence"] = CommentedSeq()
    if any(dict(old) == item for old in cited if isinstance(old, dict)):
        return
    new = CommentedMap(item)
    if cited and all(getattr(old, "fa", None) and old.fa.flow_style() for old in cited):
        new.fa.set_flow_style()
    cited.append(new)
