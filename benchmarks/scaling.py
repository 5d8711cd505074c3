"""Does every command stay linear in the plan's size? CPU growth per doubling of the number of actions.

    nice python benchmarks/scaling.py [--sizes 1000 2000 4000 8000] [--runs 1] [--work DIR]
                                      [--commands validate "report html" ...]

For each size it writes a plan of that many actions, each West Sussex action 1.1 (overdue, rated
Amber, so every action is in exception) under a fresh ref with three monthly updates, and 15
indicators with two years of monthly figures whatever the size. It commits the plan to a git
repository of its own (twice: the second commit retitles one action), then times each command
in a child process: validate, list, report (HTML, Markdown, Word), update, export (the month's
form and the whole tracker), import (the month's form, every row filled in) and history.

The figure is the child processes' CPU time (user + system), the least of --runs runs; wall time
on a shared machine says more about the neighbours than about sendplan. It prints each command's
CPU at each size, its growth per doubling (2.0 is linear; the goal is at most 2.3), and `report`
HTML against `validate` on the 4,000-action plan (goal: at most 3x). A run of the 8,000-action
plans takes several minutes: run it under `nice` on a shared machine. --commands times only the
commands named (as the table names them), for a quicker look at one of them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from indicators import plan_text as indicators_plan_text

ROOT = Path(__file__).resolve().parents[1]
WEST = ROOT / "plans" / "west-sussex-2024.yaml"
AS_OF = "2025-01-31"
MONTH = "2025-01"
FORM_MONTH = "2025-02"
UPDATES = ("2024-10", "2024-11", "2024-12")


def _action_block() -> str:
    """West Sussex action 1.1 as written, with its ref as a placeholder."""
    text = WEST.read_text(encoding="utf-8")
    start = text.index('  - ref: "1.1"\n')
    end = text.index('  - ref: "1.2"\n')
    return text[start:end].rstrip("\n").replace('ref: "1.1"', 'ref: "{ref}"', 1)


def plan_text(actions: int) -> str:
    """West Sussex's header, `actions` copies of action 1.1 with updates, then 15 indicators."""
    text = WEST.read_text(encoding="utf-8")
    head = text[: text.index("\nactions:\n")]
    block = _action_block()
    updates = "\n    updates:\n" + "".join(
        f"      - month: {month}\n        completion: Amber\n        impact: Red\n"
        f"        commentary: Briefing paper drafted; the waiting well pages are not yet on the Local Offer.\n"
        for month in UPDATES
    ).rstrip("\n")
    body = [
        block.format(ref=f"{n // 100 + 1}.{n % 100 + 1}" if n < 100 else f"9.{n}") + updates
        for n in range(actions)
    ]
    indicators = indicators_plan_text()
    indicators = indicators[indicators.index("indicators:\n") :].replace(
        'actions: ["1"]', 'actions: ["1.1"]'
    )
    return head + "\nactions:\n" + "\n\n".join(body) + "\n" + indicators


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def make_repository(folder: Path, actions: int) -> Path:
    """A git repository holding the plan in two commits, with a sendplan.toml that allows large files."""
    folder.mkdir(parents=True)
    (folder / "sendplan.toml").write_text("max-file-size = 1_000_000_000\n", encoding="utf-8")
    plan = folder / "plan.yaml"
    text = plan_text(actions)
    plan.write_text(text, encoding="utf-8")
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "Plan")
    plan.write_text(
        text.replace("Neurodiversity\n", "Neurodiversity and its pathway\n", 1), encoding="utf-8"
    )
    _git(folder, "commit", "-q", "-a", "-m", "A clearer title for action 1.1")
    return plan


def fill_form(form: Path) -> None:
    """Give every row of the form's Actions sheet this month's completion rating and commentary, as a lead would."""
    from openpyxl import load_workbook

    book = load_workbook(form)
    sheet = book["Actions"]
    headers = [cell.value for cell in sheet[1]]
    completion = headers.index("Completion rating this month") + 1
    commentary = headers.index("Commentary this month") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value:
            sheet.cell(row, completion).value = "Red"
            sheet.cell(row, commentary).value = "Recruitment gap; a new date is to be agreed."
    book.save(form)


def cpu_of(cmd: list[str], cwd: Path) -> float:
    """The CPU seconds (user + system) of one child process and its own children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(cmd)} exited {result.returncode}: {result.stderr.decode(errors='replace')}"
        )
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


COMMANDS = (
    "validate",
    "list",
    "report html",
    "report md",
    "report docx",
    "update",
    "export form",
    "export tracker",
    "import",
    "history",
)


def time_commands(
    plan: Path, scratch: Path, runs: int, chosen: tuple[str, ...] = COMMANDS
) -> dict[str, float]:
    """The least CPU of `runs` runs of each chosen command on one plan."""
    exe = [sys.executable, "-m", "sendplan_cli"]
    folder = plan.parent
    form = scratch / "form.xlsx"
    if "import" in chosen:  # the form a lead returns, filled in before the clock starts
        subprocess.run(
            [*exe, "export", str(plan), "--month", FORM_MONTH, "-o", str(form)],
            check=True,
            capture_output=True,
        )
        fill_form(form)
    counter = iter(range(1_000_000))

    def fresh(name: str) -> str:
        return str(scratch / f"{next(counter)}-{name}")

    def copy() -> str:
        target = (
            folder / f"copy-{next(counter)}.yaml"
        )  # beside the plan, so its sendplan.toml applies
        shutil.copyfile(plan, target)
        return str(target)

    commands = {
        "validate": lambda: [*exe, "validate", str(plan), "--as-of", AS_OF],
        "list": lambda: [*exe, "list", str(plan)],
        "report html": lambda: [
            *exe,
            "report",
            str(plan),
            "--month",
            MONTH,
            "-o",
            fresh("paper.html"),
        ],
        "report md": lambda: [*exe, "report", str(plan), "--month", MONTH, "-o", fresh("paper.md")],
        "report docx": lambda: [
            *exe,
            "report",
            str(plan),
            "--month",
            MONTH,
            "-o",
            fresh("paper.docx"),
        ],
        "update": lambda: [
            *exe,
            "update",
            "action",
            copy(),
            "1.1",
            "--month",
            MONTH,
            "--completion",
            "Red",
            "--comment",
            "Recruitment gap; a new date is to be agreed.",
        ],
        "export form": lambda: [
            *exe,
            "export",
            str(plan),
            "--month",
            FORM_MONTH,
            "-o",
            fresh("form.xlsx"),
        ],
        "export tracker": lambda: [
            *exe,
            "export",
            str(plan),
            "--as-of",
            AS_OF,
            "-o",
            fresh("tracker.xlsx"),
        ],
        "import": lambda: [*exe, "import", copy(), str(form)],
        "history": lambda: [*exe, "history", str(plan)],
    }
    assert tuple(commands) == COMMANDS
    figures = {}
    for name, command in commands.items():
        if name not in chosen:
            continue
        figures[name] = min(cpu_of(command(), folder) for _ in range(runs))
        for leftover in [*folder.glob("copy-*.yaml"), *folder.glob(".copy-*")]:
            leftover.unlink()
        print(f"    {name:<15} {figures[name]:7.2f} s CPU", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sendplan-scaling-"))
    table: dict[int, dict[str, float]] = {}
    for size in args.sizes:
        folder = work / f"plan-{size}"
        if folder.exists():
            shutil.rmtree(folder)
        plan = make_repository(folder, size)
        scratch = work / f"out-{size}"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        print(f"{size} actions, {plan.stat().st_size / 1e6:.1f} MB:", flush=True)
        table[size] = time_commands(plan, scratch, args.runs, tuple(args.commands))
    sizes = sorted(table)
    names = list(table[sizes[0]])
    print(
        "\nCPU seconds (user + system) by number of actions, and growth per doubling (2.0 is linear):"
    )
    print(f"{'command':<15}" + "".join(f"{s:>9}" for s in sizes) + "   growth")
    for name in names:
        growth = [
            table[b][name] / table[a][name] for a, b in zip(sizes, sizes[1:]) if table[a][name] > 0
        ]
        print(
            f"{name:<15}"
            + "".join(f"{table[s][name]:9.2f}" for s in sizes)
            + "   "
            + " ".join(f"{g:.2f}" for g in growth)
            + ("   over 2.3" if any(g > 2.3 for g in growth) else "")
        )
    if 4000 in table and {"report html", "validate"} <= set(table[4000]):
        ratio = table[4000]["report html"] / table[4000]["validate"]
        print(f"\nreport (HTML) / validate on 4,000 actions: {ratio:.2f} (goal: at most 3)")


if __name__ == "__main__":
    main()
