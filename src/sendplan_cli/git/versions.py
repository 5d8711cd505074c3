"""What git says about a plan: every version of it, oldest first.

Reading hundreds of versions must stay well under a second, and consecutive versions differ in
a few lines. So each version is cut into its top-level entries and, inside `actions` and
`recommendations`, into list items; each piece is read with the project's loader once and reused
by every version that holds the same text. Whenever a cut is not clean (document markers,
directives, a piece that does not read on its own, a key twice), the whole version is read in
one go instead, so the result is always what the loader makes of the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.git.repo import Commit, GitRepo
from sendplan_cli.plan.loader import LoadedPlan, load_text, read_text

_SPLIT = ("actions", "recommendations")
# A top-level key starts a section; any other top-level form means reading the version whole.
# Plain string searches, not multi-line regular expressions: they scan hundreds of versions.
_TOP = re.compile(r"\n[^ \t#\r\n]")
_AWKWARD = frozenset("-%[{&*!?|>'\".")
_LOOSE = re.compile(r"(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z))*")  # blank lines and comments only
_ITEM = re.compile(r"^([ \t]*)-(?:[ \t]|\r?$)", re.MULTILINE)
_FAILED = object()


@dataclass(frozen=True)
class Version:
    """The plan as one commit left it (commit None: the working tree)."""

    data: dict[str, Any]
    commit: Commit | None
    day: date
    baseline: bool = False
    """The plan at the revision compared with: where the changes start, not a change itself."""

    @property
    def by(self) -> str:
        if self.commit is None:
            return "in changes not yet committed"
        return f"in commit {self.commit.short} by {self.commit.author} on {self.commit.day}"


class VersionReader:
    """Reads versions of one plan, reusing every piece of text it has read before."""

    def __init__(self) -> None:
        self._pieces: dict[str, Any] = {}

    def parse(self, raw: bytes) -> dict[str, Any] | None:
        """The plan data of one version; None when it is not a readable plan."""
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        data = self._by_pieces(text)
        if data is None:
            data = self._load(text)
        return data if isinstance(data, dict) else None

    def _load(self, text: str) -> Any:
        found = self._pieces.get(text)
        if found is None:
            # Each new piece is checked as a plan file is (control characters refused), then read.
            checked = read_text(
                Path("<history>"), LoadedPlan(path="<history>", text=""), text.encode("utf-8")
            )
            loaded = (
                load_text(checked, LoadedPlan(path="<history>", text=""))
                if checked is not None
                else None
            )
            found = loaded.data if loaded is not None and loaded.ok else _FAILED
            self._pieces[text] = found
        return None if found is _FAILED else found

    def _by_pieces(self, text: str) -> dict[str, Any] | None:
        starts = ([0] if text[:1] not in ("", " ", "\t", "#", "\r", "\n") else []) + [
            m.start() + 1 for m in _TOP.finditer(text)
        ]
        if any(text[start] in _AWKWARD for start in starts):
            return None  # directives, document markers, flow or odd top-level forms: read whole
        if not starts or _LOOSE.fullmatch(text, 0, starts[0]) is None:
            return None
        data: dict[str, Any] = {}
        for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
            section = text[begin:end]
            key, _, rest = section.partition("\n")[0].partition(":")
            if key in _SPLIT and (not rest.strip() or rest.strip().startswith("#")):
                piece: Any = {
                    key: self._items(section[section.find("\n") + 1 :] if "\n" in section else "")
                }
                if piece[key] is _FAILED:
                    return None
            else:
                piece = self._load(section)
            if not isinstance(piece, dict) or len(piece) != 1 or next(iter(piece)) in data:
                return None
            data.update(piece)
        return data

    def _items(self, body: str) -> Any:
        first = _ITEM.search(body)
        if first is None:
            return (
                None if _LOOSE.fullmatch(body) else _FAILED
            )  # `actions:` with nothing under it reads as null
        if _LOOSE.fullmatch(body, 0, first.start()) is None:
            return _FAILED
        dash = first.group(1) + "-"
        pieces = body[first.start() + len(dash) :].split("\n" + dash)
        if any(piece[:1] not in ("", " ", "\t", "\r", "\n") for piece in pieces):
            return (
                _FAILED  # a line at the items' indent that starts "-" but not an item: read whole
            )
        out = []
        last = len(pieces) - 1
        for i, piece in enumerate(pieces):
            value = self._load(
                dash + piece + ("\n" if i < last else "")
            )  # the newline ends a block text
            if not isinstance(value, list) or len(value) != 1:
                return _FAILED
            out.append(value[0])
        return out


def read_versions(
    repo: GitRepo, path: Path, relative: str, as_of: date, base: str | None = None
) -> list[Version]:
    """The plan at base (when given), at each later commit reachable from HEAD that changed it, then as it is now."""
    reader = VersionReader()
    commits = repo.commits_touching(relative, after=base)
    blobs = repo.blobs(commits, relative)
    versions: list[Version] = []
    last: bytes | None = None
    if base is not None:
        last = repo.show(base, relative)
        data = reader.parse(last) if last is not None else None
        if data is not None:
            versions.append(Version(data, None, as_of, baseline=True))
    for commit, raw in zip(commits, blobs, strict=True):
        data = reader.parse(raw) if raw is not None else None
        if data is not None:
            versions.append(Version(data, commit, date.fromisoformat(commit.day)))
        last = raw
    try:
        now = path.read_bytes()
    except OSError:
        return versions
    if now != last:
        data = reader.parse(now)
        if data is not None:
            versions.append(Version(data, None, as_of))
    return versions
