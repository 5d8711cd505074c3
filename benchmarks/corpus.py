"""A deterministic national corpus: one synthetic plan per English local authority (153).

Each plan has 15-60 actions with activities, milestones, a year of monthly updates, text of
realistic length and the date phrases real plans use. Same seed, same bytes.

    python benchmarks/corpus.py OUT_DIR [--copies N]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

AUTHORITIES = 153
WORDS = (
    "improve timeliness quality education health care needs assessment plan children young people families "
    "waiting well offer neurodevelopmental pathway speech language therapy CAMHS annual review provision "
    "alternative specialist school places mainstream inclusion attendance transition adulthood employment "
    "partnership board commissioning workforce training audit dashboard metrics co-production parent carer "
    "forum local offer sufficiency capital programme designated clinical officer social care contribution"
).split()
DUE_FORMS = (
    "{m} {y}",
    "{short} {y}",
    "Summer {y}",
    "spring {y}",
    "Q{q} {fy}/{fy1}",
    "{y}-{mm:02d}",
    "Complete by {m} {y}",
    "Ongoing with full implementation {m} {y}",
    "From {m} {y}",
    "Ongoing",
    "{short} {y} {m2} {y2}",
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
SHORT = ("Jan Feb March April May June July Aug Sept Oct Nov Dec").split()
RATINGS = ("Blue", "Green", "Amber", "Red", "Grey")
IMPACT = ("Green", "Amber", "Red")


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize() + "."


def due(rng: random.Random) -> str:
    y = rng.randint(2024, 2027)
    m, m2 = rng.randint(1, 12), rng.randint(1, 12)
    fy = y % 100
    return rng.choice(DUE_FORMS).format(
        m=MONTHS[m - 1],
        short=SHORT[m - 1],
        y=y,
        q=rng.randint(1, 4),
        fy=fy,
        fy1=fy + 1,
        mm=m,
        m2=MONTHS[m2 - 1],
        y2=y + 1,
    )


def q(text: str) -> str:
    return json.dumps(text)


def plan_text(index: int) -> str:
    rng = random.Random(index)
    name = f"Authority {index:03d}"
    people = [f"Lead {index:03d}-{n:02d}" for n in range(rng.randint(6, 14))]
    recs = rng.randint(3, 6)
    lines = [
        "# yaml-language-server: $schema=../schemas/plan.schema.json",
        f"# Synthetic plan {index} for benchmarking.",
        f"title: {q(name + ' SEND Improvement Plan')}",
        f"partnership: {q(name + ' Local Area Partnership')}",
        "published: April 2024",
        "board: SEND and AP Partnership Board",
        "people:",
        *(f"  - {{name: {q(p)}, role: {q(sentence(rng, 2, 5))}}}" for p in people),
        "recommendations:",
    ]
    for r in range(1, recs + 1):
        lines += [
            f"  - id: AfI {r}",
            f"    text: {q(sentence(rng, 25, 50))}",
            f"    narrative: {q(' '.join(sentence(rng, 15, 30) for _ in range(4)))}",
            f"    senior_responsible_officer: {q(rng.choice(people))}",
            f"    desired_outcome: {q(sentence(rng, 30, 60))}",
        ]
    lines.append("actions:")
    for a in range(1, rng.randint(15, 60) + 1):
        lines += [
            f'  - ref: "{rng.randint(1, recs)}.{a}"',
            f"    title: {q(sentence(rng, 6, 20))}",
            f"    recommendations: [AfI {rng.randint(1, recs)}]",
            f"    leads: [{q(rng.choice(people))}]",
            f"    due: {q(due(rng))}",
            "    activities:",
        ]
        for _ in range(rng.randint(2, 5)):
            lines += [f"      - text: {q(sentence(rng, 12, 30))}", f"        due: {q(due(rng))}"]
        lines += [
            "    milestones:",
            f"      - {{text: {q(sentence(rng, 4, 10))}, due: {q(due(rng))}}}",
            "    success_measures:",
            *(f"      - {q(sentence(rng, 8, 20))}" for _ in range(rng.randint(1, 3))),
            f"    completion: {rng.choice(RATINGS)}",
            f"    impact: {rng.choice(IMPACT)}",
            f"    commentary: {q(sentence(rng, 10, 30))}",
            "    updates:",
        ]
        for month in range(12):
            year, mm = 2024 + (3 + month) // 12, (3 + month) % 12 + 1
            lines += [
                f"      - month: {year}-{mm:02d}",
                f"        completion: {rng.choice(RATINGS)}",
                f"        impact: {rng.choice(IMPACT)}",
                f"        commentary: {q(sentence(rng, 8, 25))}",
            ]
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, copies: int = 1) -> list[Path]:
    """Write the corpus (copies times over, in subfolders) and return the files."""
    files = []
    for copy in range(copies):
        folder = out / f"copy-{copy}"
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(1, AUTHORITIES + 1):
            path = folder / f"authority-{index:03d}.yaml"
            if not path.exists():
                path.write_text(plan_text(index), encoding="utf-8")
            files.append(path)
    return files


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    written = write_corpus(args.out, args.copies)
    print(
        f"{len(written)} files, {sum(p.stat().st_size for p in written) / 1e6:.1f} MB in {args.out}"
    )
