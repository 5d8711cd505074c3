"""Speed and memory figures for sendplan, each beside a peer measured in the same run.

    python benchmarks/bench.py [--runs 5] [--work DIR]

Prints, for each target: sendplan's figure, the peer's, the ratio, and peak memory. Needs
check-jsonschema and yamllint (`pip install check-jsonschema yamllint`); a missing peer is
reported and skipped. Wall times are medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schemas" / "plan.schema.json"


def run(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of the largest process of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def median(cmd: list[str], runs: int) -> tuple[float, float, int]:
    results = [run(cmd) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results))


def tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def row(label: str, value: str) -> None:
    print(f"  {label:<44} {value}")


def target_1(runs: int) -> None:
    plans = [str(p) for p in sorted((ROOT / "plans").glob("*.yaml"))]
    sendplan = median([tool("sendplan") or "sendplan", "validate", *plans], runs)
    print("1. validate the bundled plans (schema and every rule)")
    row("python -c pass", f"{median([sys.executable, '-c', 'pass'], runs)[0]:.3f} s")
    row("sendplan validate", f"{sendplan[0]:.3f} s, peak {sendplan[2] / 1024:.0f} MiB")
    for name, cmd in (("check-jsonschema", ["--schemafile", str(SCHEMA), *plans]), ("yamllint", ["-d", "relaxed", *plans])):
        exe = tool(name)
        if exe is None:
            row(name, "not installed")
            continue
        peer = median([exe, *cmd], runs)
        row(name, f"{peer[0]:.3f} s, peak {peer[2] / 1024:.0f} MiB; sendplan/{name} = {sendplan[0] / peer[0]:.2f}")


def target_2_3(work: Path, runs: int) -> None:
    files = write_corpus(work, copies=4)
    one = [p for p in files if p.parent.name == "copy-0"]
    size = sum(p.stat().st_size for p in one)
    largest = max(p.stat().st_size for p in one)
    print(f"2. national corpus: {len(one)} plans, {size / 1e6:.1f} MB, largest file {largest / 1e6:.2f} MB, {os.cpu_count()} cores")
    sendplan = median([tool("sendplan") or "sendplan", "validate", str(work / "copy-0")], runs)
    row("sendplan validate", f"{sendplan[0]:.2f} s wall, {sendplan[1]:.2f} s CPU, peak {sendplan[2] / 1024:.0f} MiB")
    row("throughput", f"{size / 1e6 / sendplan[0]:.2f} MB/s wall, {size / 1e6 / sendplan[1]:.2f} MB/s per busy core")
    tiny = work / "tiny.yaml"
    tiny.write_text("title: t\npartnership: p\npublished: April 2024\nboard: b\n", encoding="utf-8")
    floor = median([tool("sendplan") or "sendplan", "validate", str(tiny)], runs)[2]
    row("fixed floor (a tiny plan)", f"{floor / 1024:.0f} MiB")
    row("peak above the floor / largest file", f"{(sendplan[2] - floor) * 1024 / largest:.1f}x")
    exe = tool("check-jsonschema")
    if exe is None:
        row("check-jsonschema", "not installed")
    else:
        peer = median([exe, "--schemafile", str(SCHEMA), *map(str, one)], 1)
        row("check-jsonschema (1 run)", f"{peer[0]:.2f} s, peak {peer[2] / 1024:.0f} MiB; ratio {sendplan[0] / peer[0]:.2f}")
    print("3. scaling (sendplan validate, copies of the corpus)")
    base = None
    for copies in (1, 2, 4):
        dirs = [str(work / f"copy-{n}") for n in range(copies)]
        wall = median([tool("sendplan") or "sendplan", "validate", *dirs], runs)[0]
        base = base or wall
        row(f"{copies}x ({copies * size / 1e6:.0f} MB)", f"{wall:.2f} s, {wall / base:.2f}x the 1x time")


def target_4(runs: int) -> None:
    exe = tool("sendplan") or "sendplan"
    plan = str(ROOT / "plans" / "west-sussex-2024.yaml")
    print("4. start-up and the board paper")
    report = median([exe, "report", plan, "--month", "2025-01", "-o", os.devnull], runs)
    row("sendplan report (one plan, HTML)", f"{report[0]:.3f} s")
    for args in (["--help"], ["--version"]):
        wall = median([exe, *args], runs)[0]
        probe = subprocess.run([sys.executable, "-X", "importtime", "-m", "sendplan_cli", *args],
                               capture_output=True, text=True)
        heavy = sorted({m for m in ("pydantic", "ruamel", "jinja2") if f" {m}" in probe.stderr})
        row(f"sendplan {args[0]}", f"{wall:.3f} s; imports of pydantic/ruamel/jinja2: {', '.join(heavy) or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sendplan-bench"))
    args = parser.parse_args()
    print(f"sendplan benchmarks, {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    target_1(args.runs)
    target_2_3(args.work, max(1, args.runs // 2))
    target_4(args.runs)


if __name__ == "__main__":
    main()
