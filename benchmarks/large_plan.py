"""One very large plan: many actions in a single file, for checking that every command stays linear.

The board paper once scanned every finding for each action, so its time grew with the square of
the plan's size; `validate` and `report` on this file should take about the same time.

    python benchmarks/large_plan.py OUT_DIR [--actions 10000]
    python benchmarks/large_plan.py OUT_DIR --time [--runs 3]   # also time validate and report

It writes OUT_DIR/large-plan.yaml (10,000 actions: about 41 MB) and a sendplan.toml beside it
that raises `max-file-size` above the default 20 MB, which no real plan comes near.

Each action has activities, a milestone, a year of monthly updates and dates of the forms real
plans use, so the rules find plenty (overdue actions, contradictory ratings). Same arguments,
same bytes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import IMPACT, RATINGS, due, q, sentence


def large_plan_text(actions: int, seed: int = 10_000) -> str:
    rng = random.Random(seed)
    people = [f"Lead {n:03d}" for n in range(40)]
    recs = 12
    lines = [
        "# Synthetic plan for benchmarking: one file with many actions.",
        "title: Large Synthetic SEND Improvement Plan",
        "partnership: Large Synthetic Local Area Partnership",
        "published: April 2024",
        "board: SEND and AP Partnership Board",
        "recommendations:",
    ]
    for r in range(1, recs + 1):
        lines += [
            f"  - id: AfI {r}",
            f"    text: {q(sentence(rng, 25, 50))}",
            f"    senior_responsible_officer: {q(rng.choice(people))}",
        ]
    lines.append("actions:")
    for a in range(1, actions + 1):
        lines += [
            f'  - ref: "{a % recs + 1}.{a}"',
            f"    title: {q(sentence(rng, 6, 20))}",
            f"    recommendations: [AfI {a % recs + 1}]",
            f"    leads: [{q(rng.choice(people))}]",
            f"    due: {q(due(rng))}",
            "    activities:",
        ]
        for _ in range(rng.randint(1, 3)):
            lines += [f"      - text: {q(sentence(rng, 12, 30))}", f"        due: {q(due(rng))}"]
        lines += [
            "    milestones:",
            f"      - {{text: {q(sentence(rng, 4, 10))}, due: {q(due(rng))}}}",
            "    success_measures:",
            f"      - {q(sentence(rng, 8, 20))}",
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


def _seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="folder for large-plan.yaml and its sendplan.toml")
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument(
        "--time", action="store_true", help="also time validate and report on the file"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    plan = args.out / "large-plan.yaml"
    plan.write_text(large_plan_text(args.actions), encoding="utf-8")
    (args.out / "sendplan.toml").write_text("max-file-size = 1_000_000_000\n", encoding="utf-8")
    print(f"{args.actions} actions, {plan.stat().st_size / 1e6:.1f} MB in {plan}")
    if args.time:
        base = [sys.executable, "-m", "sendplan_cli"]
        validate = _seconds([*base, "validate", str(plan), "--as-of", "2025-01-31"], args.runs)
        report = _seconds(
            [
                *base,
                "report",
                str(plan),
                "--month",
                "2025-01",
                "-o",
                str(args.out / "large-plan.html"),
            ],
            args.runs,
        )
        print(
            f"validate {validate:.2f} s, report {report:.2f} s, ratio {report / validate:.2f} (median of {args.runs})"
        )


if __name__ == "__main__":
    main()
