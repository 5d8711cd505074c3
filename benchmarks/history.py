"""How long the history rules take on one plan with a long git history.

    python benchmarks/history.py [--commits 500] [--runs 5] [--work DIR]

Builds a git repository holding one 40-action plan and COMMITS commits of the kind a plan
sees (monthly updates with new ratings and commentary, now and then a due date moved with the
update that records it, an occasional unrecorded move), written in one `git fast-import`. Then
prints medians of: the history analysis alone (reading every version from git and running every
history rule), `sendplan validate` on the plan, and `sendplan validate --history`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

AUTHORS = ["Jo Bloggs", "Sam Patel", "Alex Morgan", "Ria Khan"]
RATINGS = ["Blue", "Green", "Amber", "Red", "Grey"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def q(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def plan_text(actions: list[dict]) -> str:  # type: ignore[type-arg]
    out = [
        "title: Benchmark SEND improvement plan",
        "partnership: Benchmark local area partnership",
        "published: April 2024",
        "board: SEND Improvement Board",
        "actions:",
    ]
    for a in actions:
        out += [
            f"  - ref: {q(a['ref'])}",
            f"    title: {q(a['title'])}",
            f"    leads: {q(a['lead'])}",
            f"    due: {q(a['due'])}",
            f"    completion: {a['completion']}",
            "    impact: Red",
            f"    commentary: {q(a['commentary'])}",
        ]
        if a["updates"]:
            out.append("    updates:")
            for u in a["updates"]:
                out.append(f"      - month: {u['month']}")
                out += [f"        {k}: {q(v)}" for k, v in u.items() if k != "month"]
    return "\n".join(out) + "\n"


def history(commits: int, seed: int = 7) -> list[tuple[str, datetime, str]]:
    """(author, when, plan text) for each commit, oldest first."""
    rng = random.Random(seed)
    actions = [
        {
            "ref": f"{i // 5 + 1}.{i % 5 + 1}",
            "title": f"Action {i}: improve the local offer for area {i}",
            "lead": rng.choice(AUTHORS),
            "due": f"{rng.choice(MONTHS)} {rng.choice([2025, 2026])}",
            "completion": "Amber",
            "commentary": "Work under way",
            "updates": [],
        }
        for i in range(40)
    ]
    start = datetime(2024, 5, 1, 9, tzinfo=UTC)
    out = []
    for n in range(commits):
        when = start + timedelta(hours=36 * n)
        month = f"{when.year}-{when.month:02d}"
        action = rng.choice(actions)
        update: dict[str, str] = {
            "month": month,
            "completion": rng.choice(RATINGS[1:4]),
            "commentary": f"Progress reported on {when.date().isoformat()}",
        }
        if n % 25 == 24:
            moved = f"{rng.choice(MONTHS)} 2027"
            update.update(due=moved, previous_due=action["due"])
        if n % 97 == 96:
            action["due"] = f"December {2028 + n % 3}"  # an unrecorded move, for the rules to find
        if action["updates"] and action["updates"][-1]["month"] == month:
            action["updates"][-1].update(update)
        else:
            action["updates"].append(update)
        out.append((AUTHORS[n % len(AUTHORS)], when, plan_text(actions)))
    return out


def build(root: Path, commits: int) -> Path:
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", str(root)], check=True)
    stream = bytearray()
    for author, when, text in history(commits):
        body, message = text.encode(), f"Update for {when.date()}".encode()
        stamp = f"{author} <{author.split()[0].lower()}@example.org> {int(when.timestamp())} +0000"
        stream += f"commit refs/heads/main\nauthor {stamp}\ncommitter {stamp}\ndata {len(message)}\n".encode()
        stream += (
            message
            + f"\nM 100644 inline plans/plan.yaml\ndata {len(body)}\n".encode()
            + body
            + b"\n"
        )
    subprocess.run(["git", "fast-import", "--quiet"], input=bytes(stream), cwd=root, check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=root, check=True)
    return root / "plans" / "plan.yaml"


def analysis(plan: Path) -> tuple[float, float, int, int]:
    """Wall and CPU seconds (this process) to read every version and run every history rule; versions; findings."""
    from sendplan_cli.check.config import find_config
    from sendplan_cli.check.history_engine import run_history
    from sendplan_cli.check.rules.history import HISTORY_RULES
    from sendplan_cli.git.repo import GitRepo
    from sendplan_cli.git.versions import read_versions
    from sendplan_cli.plan.loader import load_plan

    config = find_config(plan.parent)
    began, cpu = time.perf_counter(), time.process_time()
    repo = GitRepo.find(plan, "--history")
    relative = repo.relative(plan)
    versions = read_versions(repo, plan, relative, date(2026, 1, 15))
    found = run_history(versions, list(HISTORY_RULES), load_plan(plan), config.severity_of)
    return time.perf_counter() - began, time.process_time() - cpu, len(versions), len(found)


def wall(cmd: list[str], cwd: Path) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None, help="keep the repository here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sendplan-history-"))
    try:
        plan = build(work, args.commits)
        size = plan.stat().st_size
        results = [analysis(plan) for _ in range(args.runs)]
        seconds, cpu = (
            statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results),
        )
        sendplan = str(Path(sys.executable).parent / "sendplan")
        base = ["--as-of", "2026-01-15", "plans/plan.yaml"]
        plain = statistics.median(
            wall([sendplan, "validate", *base], work) for _ in range(args.runs)
        )
        full = statistics.median(
            wall([sendplan, "validate", "--history", *base], work) for _ in range(args.runs)
        )
        print(
            f"one plan ({size / 1024:.0f} KiB now), {args.commits} commits; medians of {args.runs} runs"
        )
        print(
            f"  history analysis (read {results[0][2]} versions, run every history rule): {seconds:.3f} s "
            f"({cpu:.3f} s CPU in sendplan's process), {results[0][3]} findings"
        )
        print(f"  sendplan validate:            {plain:.3f} s")
        print(f"  sendplan validate --history:  {full:.3f} s")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
