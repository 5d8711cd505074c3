"""A plan with 15 indicators x 24 monthly actuals: how long validating, judging and reporting take.

    python benchmarks/indicators.py [--runs 5] [--work DIR]

Writes a deterministic synthetic plan (fictional figures), then prints medians of: loading,
validating and running every rule plus computing every KPI status in one process; and the
`sendplan validate`, `sendplan list --indicators` and `sendplan report` commands end to end.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

UNITS = (
    "percent",
    "count",
    "days",
    "weeks",
    "months",
    "rate per 1,000",
    "rate per 10,000",
    "rate per 100,000",
    "score",
)


def plan_text(indicators: int = 15, months: int = 24, seed: int = 14) -> str:
    """A valid plan: a header, one action and the indicators, each with a monthly actual for every month."""
    rng = random.Random(seed)
    out = [
        "title: Benchmark plan (fictional)",
        "partnership: Benchmark partnership",
        "published: April 2024",
        "board: Benchmark board",
        "recommendations:",
        "  - {id: AfI 1, text: Timeliness.}",
        "actions:",
        '  - {ref: "1", title: Timeliness, recommendations: [AfI 1], leads: [Lead], due: March 2026,'
        " success_measures: [Faster], completion: Amber, impact: Green, commentary: On track.}",
        "indicators:",
    ]
    for i in range(indicators):
        higher = i % 2 == 0
        start = rng.uniform(20, 80)
        step = rng.uniform(0.2, 1.5) * (1 if higher else -1)
        out += [
            f"  - id: KPI {i + 1}",
            f"    name: Benchmark indicator {i + 1}",
            f"    unit: {UNITS[i % len(UNITS)]}",
            f"    direction: {'higher' if higher else 'lower'}-is-better",
            "    reporting: monthly",
            '    actions: ["1"]',
            f"    stepped: {'true' if i % 3 == 0 else 'false'}",
            f"    baseline: {{value: {start:.1f}, period: March 2024}}",
            f"    targets: [{{value: {start + step * 30:.1f}, by: March 2027}}]",
            "    trajectory:",
        ]
        for k in range(6, 36, 6):
            out.append(f"      - {{by: {_month(k):%Y-%m}, value: {start + step * k:.1f}}}")
        out.append("    actuals:")
        for k in range(1, months + 1):
            out.append(
                f"      - {{period: {_month(k):%Y-%m}, value: {start + step * k + rng.uniform(-3, 3):.1f}}}"
            )
    return "\n".join(out) + "\n"


def _month(k: int) -> date:
    index = 2024 * 12 + 3 + k  # months after March 2024
    return date(index // 12, index % 12 + 1, 1)


def in_process(path: Path, as_of: date) -> float:
    from sendplan_cli.check.config import Config
    from sendplan_cli.check.engine import run_rules
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.plan.kpi_status import kpi_statuses

    start = time.perf_counter()
    loaded, plan = load_model(path)
    assert plan is not None and loaded.ok, loaded.diagnostics
    run_rules(plan, loaded, Config(), as_of)
    statuses = kpi_statuses(plan, as_of)
    assert len(statuses) == 15 and all(s.latest for s in statuses)
    return time.perf_counter() - start


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sendplan-kpi-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "indicators-15x24.yaml"
    path.write_text(plan_text(), encoding="utf-8")
    as_of = "2026-04-15"
    exe = [sys.executable, "-m", "sendplan_cli"]
    in_process(
        path, date.fromisoformat(as_of)
    )  # the first run builds the models; later runs are what a command repeats
    figures = {
        "load, validate, every rule and every KPI status (in process, after the first)": statistics.median(
            in_process(path, date.fromisoformat(as_of)) for _ in range(args.runs)
        ),
        "sendplan validate (whole command)": statistics.median(
            wall([*exe, "validate", str(path), "--as-of", as_of]) for _ in range(args.runs)
        ),
        "sendplan list --indicators (whole command)": statistics.median(
            wall([*exe, "list", str(path), "--indicators", "--as-of", as_of])
            for _ in range(args.runs)
        ),
        "sendplan report, HTML with 15 charts (whole command)": statistics.median(
            wall([*exe, "report", str(path), "--month", "2026-03", "-o", str(work / "paper.html")])
            for _ in range(args.runs)
        ),
    }
    print(
        f"{path.stat().st_size / 1000:.0f} kB plan, 15 indicators x 24 monthly actuals; medians of {args.runs} runs"
    )
    for label, seconds in figures.items():
        print(f"  {label:<80} {seconds:.3f} s")


if __name__ == "__main__":
    main()
