"""Benchmark the West Sussex board paper (January 2025) in HTML and Word.

Run: `.venv/bin/python benchmarks/paper.py`. Prints, for each format, the median of 5 runs of the
whole command (`sendplan report ... -o FILE`, start-up and validation included) and of the
rendering alone (the month's view built, then the paper rendered), in-process after one warm-up.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "west-sussex-2024.yaml"
RUNS = 5


def _median(run) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall-clock and CPU seconds (this process and its children) of RUNS runs."""
    import resource

    def cpu() -> float:
        own, children = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    walls, cpus = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), cpu()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(cpu() - start_cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    from sendplan_cli.check.pipeline import analyse
    from sendplan_cli.output.paper.build.scope import Paper
    from sendplan_cli.output.paper.build.view import build_view
    from sendplan_cli.output.paper.docx.docx_render import render_docx
    from sendplan_cli.output.paper.jinja.render import render

    month, as_of = date(2025, 1, 1), date(2025, 1, 31)
    plan, findings, _ = analyse(PLAN, as_of)

    def paper() -> Paper:
        return Paper(
            [build_view(plan, str(PLAN), month, as_of, findings)], month, as_of, date.today()
        )

    renderers = {"html": lambda: render(paper(), "html"), "docx": lambda: render_docx(paper())}
    with tempfile.TemporaryDirectory() as folder:
        for fmt, renderer in renderers.items():
            renderer()
            alone, alone_cpu = _median(renderer)
            target = Path(folder) / f"paper.{fmt}"
            command = [
                sys.executable,
                "-m",
                "sendplan_cli",
                "report",
                str(PLAN),
                "--month",
                "2025-01",
                "-o",
                str(target),
            ]
            whole, whole_cpu = _median(
                lambda command=command: subprocess.run(command, check=True, capture_output=True)
            )
            print(
                f"{fmt}: whole command {whole:.2f} s ({whole_cpu:.2f} s CPU), "
                f"view and rendering alone {alone:.3f} s ({alone_cpu:.3f} s CPU)"
            )


if __name__ == "__main__":
    main()
