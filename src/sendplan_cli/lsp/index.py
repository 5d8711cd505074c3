"""Where a plan's ids, references, ratings and dates are in its text: what hover, go to definition, find
references and the outline read. Built once per version of a document, when one of them asks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendplan_cli.plan.loader import LoadedPlan

# Each kind of id, and where it is defined and referred to.
DEFINES = {
    "recommendation": "recommendations",
    "workstream": "workstreams",
    "indicator": "indicators",
    "action": "actions",
}
RATINGS = ("completion", "impact")
DATES = ("due", "proposed_due")


@dataclass(frozen=True)
class Span:
    """One scalar of interest: 1-based line, columns [start, end) in characters."""

    line: int
    start: int
    end: int
    kind: str
    """recommendation, workstream, indicator, action, completion, impact or due."""
    value: str
    defines: bool = False


@dataclass
class PlanIndex:
    loaded: LoadedPlan
    plan: Any
    """The validated model (sendplan_cli.plan.model.Plan) as far as it could be read, or None."""
    spans: list[Span] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        return self.loaded.data if isinstance(self.loaded.data, dict) else {}

    def at(self, line: int, column: int) -> Span | None:
        """The span holding a 1-based line and character column."""
        return next((s for s in self.spans if s.line == line and s.start <= column <= s.end), None)

    def definition(self, kind: str, value: str) -> Span | None:
        return next(
            (s for s in self.spans if s.defines and s.kind == kind and s.value == value), None
        )

    def references(self, kind: str, value: str) -> list[Span]:
        return [s for s in self.spans if s.kind == kind and s.value == value]

    def ids(self, kind: str) -> list[str]:
        return list(dict.fromkeys(s.value for s in self.spans if s.defines and s.kind == kind))


def build_index(text: str, path: Path) -> PlanIndex:
    """Read the text as the checks do (data with positions, then the model as far as it validates)."""
    from sendplan_cli.check.pipeline import load_parts

    loaded, plan, _ = load_parts(path, str(path), text.encode("utf-8", errors="surrogatepass"))
    index = PlanIndex(loaded, plan)
    data = index.data
    lines = text.split("\n")

    def add(pointer: tuple[Any, ...], kind: str, defines: bool = False) -> None:
        value: Any = data
        for part in pointer:
            value = value[part]
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return
        line, column = loaded.position(pointer)
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        quoted = source[column - 1 : column] in ("'", '"')
        width = len(str(value)) + (2 if quoted else 0)
        index.spans.append(Span(line, column, column + width, kind, str(value), defines))

    def items(key: str) -> list[tuple[int, dict[str, Any]]]:
        found = data.get(key)
        return (
            [(i, item) for i, item in enumerate(found) if isinstance(item, dict)]
            if isinstance(found, list)
            else []
        )

    for kind, key in DEFINES.items():
        for i, item in items(key):
            if (name := "ref" if kind == "action" else "id") in item:
                add((key, i, name), kind, defines=True)
    for i, item in items("recommendations"):
        if "workstream" in item:
            add(("recommendations", i, "workstream"), "workstream")
    for i, action in items("actions"):
        refs = action.get("recommendations")
        for j in range(len(refs) if isinstance(refs, list) else 0):
            add(("actions", i, "recommendations", j), "recommendation")
        for name in (*RATINGS, *DATES):
            if name in action:
                add(("actions", i, name), "due" if name in DATES else name)
        for part in ("milestones", "activities", "updates", "measures"):
            inner = action.get(part)
            for j, item in enumerate(inner if isinstance(inner, list) else []):
                if not isinstance(item, dict):
                    continue
                for name in (*RATINGS, *DATES, "indicator"):
                    if name in item and (part == "updates" or name in (*DATES, "indicator")):
                        add(("actions", i, part, j, name), "due" if name in DATES else name)
    index.spans.sort(key=lambda s: (s.line, s.start))
    return index
