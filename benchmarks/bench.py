"""Speed and memory figures for sendplan, each beside a peer measured in the same run.

    python benchmarks/bench.py [--runs 7] [--work DIR] [--write-reference]

Prints, for each target: sendplan's figure, the peer's, the ratio, and peak memory. Needs
check-jsonschema and yamllint (`pip install check-jsonschema yamllint`); a missing peer is
reported and skipped. Comparisons are paired: each run times sendplan and then its peers one
after another, and the ratio is the median of the per-run ratios, so load from other work on
the machine falls on both sides. Throughput is in MB of YAML per CPU-second (user + system,
worker processes included), which other load on the machine disturbs less than wall time.

It also checks that the results have not changed: `validate --format json` on the corpus,
the West Sussex x128 plan and the bundled plans must hash to the digests in
benchmarks/reference.json, the output of this version (--write-reference rewrites them after
a deliberate change of output, so a speed change that alters a result shows here).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import write_corpus
from west_sussex_copies import write_copies

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schemas" / "plan.schema.json"
REFERENCE = Path(__file__).with_name("reference.json")
AS_OF = "2025-01-31"
# Two findings at the same line, column and code are ordered by set iteration, which follows
# string hashing; a fixed seed makes the JSON the same from run to run, so it can be compared.
SEEDED = {**os.environ, "PYTHONHASHSEED": "0"}


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (with reaped worker processes) and peak RSS (KiB) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def median(cmd: list[str], runs: int, cwd: Path | None = None) -> tuple[float, float, int]:
    results = [run(cmd, cwd) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        max(r[2] for r in results),
    )


def paired(cmds: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float, int]]]:
    """Each run times every command once, in turn."""
    out: dict[str, list[tuple[float, float, int]]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            out[name].append(run(cmd))
    return out


def ratio(
    times: dict[str, list[tuple[float, float, int]]], a: str, b: str, field: int = 0
) -> float:
    return statistics.median(x[field] / y[field] for x, y in zip(times[a], times[b]))


def mid(samples: list[tuple[float, float, int]], field: int = 0) -> float:
    return statistics.median(s[field] for s in samples)


def tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def sendplan() -> str:
    return tool("sendplan") or "sendplan"


def row(label: str, value: str) -> None:
    print(f"  {label:<44} {value}")


def json_digest(args: list[str], cwd: Path) -> str:
    out = subprocess.run(
        [sendplan(), "validate", *args, "--format", "json", "--as-of", AS_OF],
        cwd=cwd,
        env=SEEDED,
        capture_output=True,
        check=False,
    )
    return hashlib.sha256(out.stdout).hexdigest()


def check_results(work: Path, write: bool) -> None:
    """The JSON output of three runs against the reference digests."""
    digests = {
        "plans": json_digest(["plans"], ROOT),
        "corpus": json_digest(["copy-0"], work / "corpus"),
        "west-sussex-x128": json_digest(["west-sussex-x128.yaml"], work),
    }
    print(f"0. results (validate --format json --as-of {AS_OF}, sha256)")
    if write:
        REFERENCE.write_text(json.dumps(digests, indent=2) + "\n", encoding="utf-8")
        row("reference", f"written to {REFERENCE.name}")
        return
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    for name, digest in digests.items():
        row(
            name,
            "byte-identical to the reference"
            if digest == reference.get(name)
            else f"DIFFERENT: {digest[:16]} against {str(reference.get(name))[:16]}",
        )


def target_1(runs: int) -> None:
    plans = [str(p) for p in sorted((ROOT / "plans").glob("*.yaml"))]
    cmds = {
        "sendplan": [sendplan(), "validate", *plans],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    peers = {
        "check-jsonschema": ["--schemafile", str(SCHEMA), *plans],
        "yamllint": ["-d", "relaxed", *plans],
    }
    for name, args in peers.items():
        exe = tool(name)
        if exe is not None:
            cmds[name] = [exe, *args]
    times = paired(cmds, runs)
    print(f"1. validate the bundled plans (schema and every rule), {runs} paired runs")
    row("python -c pass", f"{mid(times['python -c pass']):.3f} s")
    s = times["sendplan"]
    row(
        "sendplan validate",
        f"{mid(s):.3f} s wall, {mid(s, 1):.3f} s CPU, peak {max(x[2] for x in s) / 1024:.0f} MiB",
    )
    for name in peers:
        if name not in times:
            row(name, "not installed")
            continue
        p = times[name]
        row(
            name,
            f"{mid(p):.3f} s wall, {mid(p, 1):.3f} s CPU; sendplan/{name} = {ratio(times, 'sendplan', name):.2f} "
            f"wall, {ratio(times, 'sendplan', name, 1):.2f} CPU",
        )


def target_2_3(work: Path, runs: int) -> None:
    files = write_corpus(work / "corpus", copies=4)
    one = [p for p in files if p.parent.name == "copy-0"]
    size = sum(p.stat().st_size for p in one)
    largest = max(p.stat().st_size for p in one)
    print(
        f"2. national corpus: {len(one)} plans, {size / 1e6:.1f} MB, largest file {largest / 1e6:.2f} MB, {os.cpu_count()} cores"
    )
    result = median([sendplan(), "validate", str(work / "corpus" / "copy-0")], runs)
    row(
        "sendplan validate",
        f"{result[0]:.2f} s wall, {result[1]:.2f} s CPU, peak {result[2] / 1024:.0f} MiB",
    )
    row(
        "throughput",
        f"{size / 1e6 / result[1]:.2f} MB per CPU-second, {size / 1e6 / result[0]:.2f} MB/s wall",
    )
    tiny = work / "tiny.yaml"
    tiny.write_text("title: t\npartnership: p\npublished: April 2024\nboard: b\n", encoding="utf-8")
    floor = median([sendplan(), "validate", str(tiny)], runs)[2]
    row("fixed floor (a tiny plan)", f"{floor / 1024:.0f} MiB")
    row("peak above the floor / largest file", f"{(result[2] - floor) * 1024 / largest:.1f}x")
    exe = tool("check-jsonschema")
    if exe is None:
        row("check-jsonschema", "not installed")
    else:
        peer = run([exe, "--schemafile", str(SCHEMA), *map(str, one)])
        row(
            "check-jsonschema (1 run)",
            f"{peer[0]:.2f} s, peak {peer[2] / 1024:.0f} MiB; ratio {result[0] / peer[0]:.2f}",
        )
    copies = write_copies(work)
    big = median([sendplan(), "validate", str(copies)], runs)
    mb = copies.stat().st_size / 1e6
    print(f"   one large plan: West Sussex's actions x128 ({mb:.2f} MB, one process)")
    row(
        "sendplan validate",
        f"{big[0]:.2f} s wall, {big[1]:.2f} s CPU: {mb / big[1]:.2f} MB per CPU-second",
    )
    print("3. scaling (sendplan validate, copies of the corpus)")
    base = None
    for n in (1, 2, 4):
        dirs = [str(work / "corpus" / f"copy-{c}") for c in range(n)]
        wall, cpu, _ = median([sendplan(), "validate", *dirs], max(1, runs // 2))
        base = base or (wall, cpu)
        row(
            f"{n}x ({n * size / 1e6:.0f} MB)",
            f"{wall:.2f} s wall ({wall / base[0]:.2f}x), {cpu:.2f} s CPU ({cpu / base[1]:.2f}x)",
        )


def target_4(work: Path, runs: int) -> None:
    exe = sendplan()
    plan = work / "west-sussex-2024.yaml"
    shutil.copyfile(ROOT / "plans" / "west-sussex-2024.yaml", plan)
    times = paired(
        {
            "validate": [exe, "validate", str(plan)],
            "report": [
                exe,
                "report",
                str(plan),
                "--month",
                "2025-01",
                "-o",
                str(work / "paper.html"),
            ],
            # --dry-run does all of update's work (read, edit, re-validate, diff) but the write.
            "update": [
                exe,
                "update",
                "action",
                str(plan),
                "1.1",
                "--month",
                "2025-01",
                "--completion",
                "Red",
                "--comment",
                "Behind schedule; new date agreed",
                "--dry-run",
            ],
        },
        runs,
    )
    print(f"4. one plan: report and update against validate, {runs} paired runs")
    row(
        "sendplan validate",
        f"{mid(times['validate']):.3f} s wall, {mid(times['validate'], 1):.3f} s CPU",
    )
    for name in ("report", "update"):
        row(
            f"sendplan {name}",
            f"{mid(times[name]):.3f} s wall, {mid(times[name], 1):.3f} s CPU; "
            f"{name}/validate = {ratio(times, name, 'validate'):.2f} wall, {ratio(times, name, 'validate', 1):.2f} CPU",
        )
    for args in (["--help"], ["--version"]):
        wall = median([exe, *args], runs)[0]
        probe = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "sendplan_cli", *args],
            capture_output=True,
            text=True,
        )
        heavy = sorted({m for m in ("pydantic", "ruamel", "jinja2") if f" {m}" in probe.stderr})
        row(
            f"sendplan {args[0]}",
            f"{wall:.3f} s; imports of pydantic/ruamel/jinja2: {', '.join(heavy) or 'none'}",
        )


def compile_bytecode() -> str:
    """Write sendplan's bytecode (.pyc) before timing, as an installed package has it.

    pip compiles a package's modules when it installs it, so the peers start from bytecode; an
    editable install, or PYTHONDONTWRITEBYTECODE, would otherwise have sendplan compile its own
    source on every run, a cost no installed copy pays."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("sendplan_cli")
    folder = Path(spec.origin).parent if spec and spec.origin else ROOT / "src" / "sendplan_cli"
    done = compileall.compile_dir(str(folder), quiet=1)
    return f"bytecode of {folder.name} {'written' if done else 'NOT written'}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sendplan-bench"))
    parser.add_argument(
        "--write-reference", action="store_true", help="record the current JSON output's digests"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(
        f"sendplan benchmarks, {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"  {compile_bytecode()}")
    write_corpus(args.work / "corpus", copies=4)
    write_copies(args.work)
    check_results(args.work, args.write_reference)
    target_1(args.runs)
    target_2_3(args.work, max(1, args.runs // 3))
    target_4(args.work, args.runs)


if __name__ == "__main__":
    main()
