"""Time and peak memory of `sendplan import` for returned forms made hostile: each must finish within 2 s and 200 MB.

    python benchmarks/hostile_forms.py [--work DIR]

Builds, from Jane Taylor's February form of the West Sussex plan, files whose sheets reach far
beyond a form (a stray cell at M1048576 or XFD200000, a dense block, a million rows) or whose
parts read whole on opening are as large as allowed, then imports each in its own process and
prints the exit code, wall time and peak resident memory of that process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = (
    "the form as sent, filled in",
    "one stray cell at M1048576",
    "one stray cell at XFD200000",
    "dense block, 500 x 300 cells",
    "a million blank rows",
    "dense block in the hidden record",
    "shared strings at the part limit",
    "styles at the part limit",
)


def _measure(plan: Path, form: Path) -> tuple[int, float, float]:
    """(exit code, seconds, peak MB) of one import in a fresh process."""
    before = plan.read_bytes()
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "sendplan_cli", "import", str(plan), str(form)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    plan.write_bytes(before)
    return (
        os.waitstatus_to_exitcode(status),
        seconds,
        usage.ru_maxrss / 1024,
    )  # ru_maxrss is in KB on Linux


def _make(work: Path) -> None:
    """Write the plan and one file per case; run in its own process, so building them does not count as the import's memory."""
    sys.path[:0] = [str(ROOT / "tests" / "spreadsheet"), str(ROOT / "tests")]
    import hostile
    from sheetforms import copy_plan, export, fill

    from sendplan_cli.authoring.spreadsheet.reader import MAX_PART_BYTES

    plan = copy_plan(work)
    form = next(
        p
        for p in export(plan, date(2025, 2, 1), work / "forms")
        if p.name.endswith("jane-taylor.xlsx")
    )
    fill(form, {"1.5": {"completion": "Red", "impact": "Red", "commentary": "Delayed"}})
    makers = (
        lambda out: form.replace(out),
        lambda out: hostile.stray_cell(form, out, "M1048576"),
        lambda out: hostile.stray_cell(form, out, "XFD200000"),
        lambda out: hostile.dense_block(form, out, 10, 500, 300),
        lambda out: hostile.many_rows(form, out, 6, 1_000_000),
        lambda out: hostile.dense_block(form, out, 100, 500, 300, part=hostile.RECORD_PART),
        lambda out: hostile.shared_strings(form, out, MAX_PART_BYTES // 18 - 10),
        lambda out: hostile.styles(form, out, MAX_PART_BYTES // 66 - 100),
    )
    for number, make in reversed(
        list(enumerate(makers))
    ):  # the plain form is moved into place last
        make(work / f"hostile-{number}.xlsx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--work", type=Path, help="Folder for the files (default: a temporary one)."
    )
    parser.add_argument("--make", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sendplan-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.make:
        _make(work)
        return 0
    subprocess.run([sys.executable, __file__, "--make", "--work", str(work)], check=True)
    plan = work / "west-sussex-2024.yaml"
    print(f"{'file':36} {'size':>9} {'exit':>4} {'seconds':>8} {'peak MB':>8}")
    for number, name in enumerate(CASES):
        path = work / f"hostile-{number}.xlsx"
        code, seconds, peak = _measure(plan, path)
        print(f"{name:36} {path.stat().st_size:>9,} {code:>4} {seconds:>8.2f} {peak:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
