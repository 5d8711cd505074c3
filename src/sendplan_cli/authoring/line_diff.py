"""Which lines an edit kept, in time that grows with the plan's size rather than its square.

difflib's SequenceMatcher looks up every place each line occurs; a plan repeats many lines
(`impact: Red`, blank lines, the same activity under many actions), so matching a whole plan
before and after an import took time proportional to the square of its actions. The lines that
occur once in both versions, in the same order (an action's ref, a title), are matched first, as
patience diff does; SequenceMatcher then matches only the short stretches between them, exactly
as it would have.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence

Opcode = tuple[str, int, int, int, int]


def _anchors(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """(i, j) pairs of lines found once in a and once in b, the longest run in the same order in both."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {line: j for j, line in enumerate(b) if count_b[line] == 1}
    pairs = [
        (i, where_b[line]) for i, line in enumerate(a) if count_a[line] == 1 and line in where_b
    ]
    # Longest increasing subsequence of j (pairs are already in i order), by patience sorting.
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pile = bisect_left(tails, j)
        if pile == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pile] = j
            tail_at[pile] = k
        back.append(tail_at[pile - 1] if pile else -1)
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _pieces(a: Sequence[str], b: Sequence[str]) -> Iterator[Opcode]:
    i = j = 0
    for anchor_i, anchor_j in [*_anchors(a, b), (len(a), len(b))]:
        matcher = difflib.SequenceMatcher(a=a[i:anchor_i], b=b[j:anchor_j], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            yield tag, i + i1, i + i2, j + j1, j + j2
        if anchor_i < len(a):
            yield "equal", anchor_i, anchor_i + 1, anchor_j, anchor_j + 1
        i, j = anchor_i + 1, anchor_j + 1


def line_opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """SequenceMatcher's opcodes (equal, replace, delete, insert) turning a into b, neighbouring equal runs joined."""
    out: list[Opcode] = []
    for tag, i1, i2, j1, j2 in _pieces(a, b):
        if i1 == i2 and j1 == j2:
            continue
        if out and out[-1][0] == tag == "equal":
            out[-1] = (tag, out[-1][1], i2, out[-1][3], j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


class LineMatcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """A SequenceMatcher whose opcodes come from line_opcodes, for difflib's unified diff."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        super().__init__(None, a, b, autojunk=False)
        self._opcodes = line_opcodes(a, b)

    def get_opcodes(self) -> list[Opcode]:  # type: ignore[override]
        return list(self._opcodes)


def unified_diff(
    old: Sequence[str], new: Sequence[str], fromfile: str, tofile: str, n: int = 3
) -> Iterator[str]:
    """difflib.unified_diff's text, with the lines matched by line_opcodes."""
    groups = list(LineMatcher(old, new).get_grouped_opcodes(n))
    if not groups:
        return
    yield f"--- {fromfile}\n"
    yield f"+++ {tofile}\n"
    for group in groups:
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in old[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in old[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in new[j1:j2])


def _range(start: int, stop: int) -> str:
    """A unified diff's line range, as difflib writes it."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1  # an empty range begins on the line before
    return f"{beginning},{length}"
