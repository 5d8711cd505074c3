"""Which action waits on which (`depends_on`), and the circles no action can leave.

Cycles are found with the standard library's graphlib: each time it reports one, the actions in
it are set aside and the rest is sorted again, so every separate circle is named once.
"""

from __future__ import annotations

from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter

from sendplan_cli.plan.loader import Pointer
from sendplan_cli.plan.model import Plan


@dataclass(frozen=True)
class Link:
    """One entry of an action's `depends_on`: the action at `index` waits on `on`."""

    index: int
    """Position of the waiting action in the plan's action list."""
    item: int
    """Position of the entry in its `depends_on` list."""
    ref: str
    """The waiting action's ref."""
    on: str
    """The ref it depends on, as written (spaces around it dropped)."""
    target: int | None
    """Position of the action it depends on; None when no action has that ref."""

    @property
    def pointer(self) -> Pointer:
        return ("actions", self.index, "depends_on", self.item)


def links(plan: Plan) -> list[Link]:
    """Every depends_on entry in plan order; a repeated ref resolves to its first action, as updates do."""
    first: dict[str, int] = {}
    for index, action in enumerate(plan.actions):
        first.setdefault(action.ref.strip(), index)
    return [
        Link(index, item, action.ref.strip(), on.strip(), first.get(on.strip()))
        for index, action in enumerate(plan.actions)
        for item, on in enumerate(action.depends_on)
    ]


def cycles(found: list[Link]) -> list[list[Link]]:
    """Each circle of dependencies once, as the links that make it, starting at the action first in the plan."""
    graph: dict[int, set[int]] = {}
    for link in found:
        if link.target is not None:
            graph.setdefault(link.index, set()).add(link.target)
    circles = []
    while graph:
        try:
            TopologicalSorter(graph).prepare()
        except CycleError as error:
            nodes: list[int] = list(dict.fromkeys(error.args[1]))
        else:
            break
        circles.append(_walk(nodes, graph, found))
        graph = {
            node: {d for d in deps if d not in nodes}
            for node, deps in graph.items()
            if node not in nodes
        }
    return sorted(circles, key=lambda circle: circle[0].index)


def _walk(nodes: list[int], graph: dict[int, set[int]], found: list[Link]) -> list[Link]:
    """The links round the circle, in "depends on" order, from its action first in the plan."""
    # graphlib lists the circle one way or the other; keep the way its edges run.
    ring = list(reversed(nodes))
    if not all(b in graph.get(a, ()) for a, b in zip(nodes, [*nodes[1:], nodes[0]], strict=True)):
        nodes = ring
    at = nodes.index(min(nodes))
    nodes = nodes[at:] + nodes[:at]
    return [
        next(k for k in found if k.index == here and k.target == there)
        for here, there in zip(nodes, [*nodes[1:], nodes[0]], strict=True)
    ]
