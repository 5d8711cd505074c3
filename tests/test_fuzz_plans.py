"""Mutated plans never crash sendplan: a fuzz driver over the bundled plans.

Each mutant is a bundled plan with a few random changes: bytes flipped, lines deleted,
duplicated or swapped, control characters (raw and as YAML escapes), deep nesting, a huge line,
a cut-off end, a date at the calendar's ends, a figure too large for a float. Every fifth mutant
is also checked with a typed value at its extreme: an as-of date, a configuration value, and an
`update` (dry run) with a random period, figure, month or text. For each one `sendplan validate` runs in JSON and text, and every tenth also
renders the Markdown board paper, asserting: no traceback or internal error, exit code 0, 1 or 2,
JSON that parses, and every finding located inside the file (a line it has, a column within it).

The normal test run checks a small fixed sample; a larger run on demand:

    python tests/test_fuzz_plans.py --mutants 3000 [--seed 1]
    FUZZ_MUTANTS=500 pytest tests/test_fuzz_plans.py
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "plans").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures" / "valid").glob("*.yaml")
)
CONTROLS = [
    b"\x1b[31m",
    b"\x07",
    b"\x00",
    b"\r",
    b"\x0b",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xae",
    b"\t",
]
ESCAPES = [
    b'"\\e[2J"',
    b'"\\u001b]0;title\\a"',
    b'"\\x85"',
    b'"\\r"',
    b'"a\\nb"',
    b'"\\U0010ffff"',
    b'"\\ud800"',
    b'"\\UFFFFFFFF"',
]
SECONDS_PER_RUN = 20


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def delete_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    start = rng.randrange(len(lines))
    del lines[start : start + rng.randint(1, 5)]
    return b"".join(lines)


def duplicate_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    start = rng.randrange(len(lines))
    block = lines[start : start + rng.randint(1, 8)]
    lines[start:start] = block
    return b"".join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def insert_control(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(CONTROLS) + data[at:]


def escaped_control(rng: random.Random, data: bytes) -> bytes:
    """Replace a value with a double-quoted one holding an escape."""
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if re.match(rb"^\s*(- )?[a-z_]+: \S", line)]
    if not candidates:
        return insert_control(rng, data)
    i = rng.choice(candidates)
    key = lines[i].split(b": ", 1)[0]
    ending = b"\r\n" if lines[i].endswith(b"\r\n") else b"\n"
    lines[i] = key + b": " + rng.choice(ESCAPES) + ending
    return b"".join(lines)


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([70, 500, 5000])
    kind = rng.choice([(b"[", b"]"), (b"{a: ", b"}")])
    return (
        data + b"deep: " + kind[0] * depth + b"x" + kind[1] * rng.choice([depth, depth - 1]) + b"\n"
    )


def huge_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(i, b"  note: " + b"word " * rng.choice([20_000, 60_000]) + b"\n")
    return b"".join(lines)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


EXTREME_DATES = [
    b"July 9999",
    b"9999-12",
    b"9999-12-31",
    b"Winter 9999",
    b"Q4 99/00",
    b"9999/00",
    b"0001-01",
    b"1 January 0001",
    b"December 2999",
    b"1899",
    b"Autumn term 9999",
]
EXTREME_NUMBERS = [
    b"1e400",
    b"-1e400",
    b"1" + b"0" * 400,
    b"1e308",
    b"-0",
    b"999999999999999",
    b"1e-400",
]


def _replace_value(rng: random.Random, data: bytes, keys: bytes, values: list[bytes]) -> bytes:
    lines = _lines(data)
    candidates = [
        i for i, line in enumerate(lines) if re.match(rb"^\s*(- )?(" + keys + rb"): \S", line)
    ]
    if not candidates:
        return data
    i = rng.choice(candidates)
    key = lines[i].split(b": ", 1)[0]
    ending = b"\r\n" if lines[i].endswith(b"\r\n") else b"\n"
    lines[i] = key + b": " + rng.choice(values) + ending
    return b"".join(lines)


def extreme_date(rng: random.Random, data: bytes) -> bytes:
    """A date at or past the calendar's ends, where a rule counting days on from it would overflow."""
    return _replace_value(rng, data, rb"due|month|period|published|by|since", EXTREME_DATES)


def huge_number(rng: random.Random, data: bytes) -> bytes:
    """A figure that reads as infinity, or is as large as a float holds."""
    return _replace_value(rng, data, rb"value|lag_months|amber|green", EXTREME_NUMBERS)


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    flip_bytes,
    delete_lines,
    duplicate_lines,
    swap_lines,
    insert_control,
    escaped_control,
    deep_nesting,
    huge_line,
    truncate,
    extreme_date,
    huge_number,
]

# What a user may type as options or configuration: the ends of the calendar and of numbers.
AS_OF = [
    "9999-12-31",
    "9999-12-01",
    "0001-01-01",
    "1900-01-01",
    "2999-12-31",
    "3000-01-01",
    "2025-02-30",
    "2025-01-15",
]
CONFIG = [
    "due-soon-days = 100000000",
    "due-soon-days = -5",
    "due-soon-days = 3660",
    "due-soon-days = 1e9",
    "stale-months = 100000000000",
    "stale-months = -1",
    "stale-months = 120",
    "stale-months = true",
    "max-file-size = -1",
    "max-file-size = 0",
    "max-file-size = 99999999999999999",
    "max-file-size = 1",
    'fail-on = "fatal"',
    'select = ["SP999"]',
    "history = 3",
]
UPDATES = [
    ["--indicator", "KPI 2", "--period", "{period}", "--value", "{number}"],
    ["1", "--month", "{month}", "--comment", "{text}"],
    ["1", "--month", "{month}", "--propose-due", "{period}", "--reason", "{text}"],
    ["1", "--month", "{month}", "--due", "{period}", "--comment", "{text}"],
    ["--month", "{month}", "--paper-meeting-date", "{day}"],
    ["1", "--month", "2025-01", "--comment", "x", "--note", "{text}"],
]
TYPED = {
    "period": ["2027-06", "9999-12", "0001-01", "2020-06", "Q4 99/00", "", " ", "2025-13"],
    "number": ["1e400", "-1e400", "nan", "inf", "1" + "0" * 400, "54%", "", "0x10", "1_000"],
    "month": ["9999-12", "2999-12", "0001-01", "2025-00", "", "2024-12"],
    "day": ["9999-12-31", "0001-01-01", "2025-02-30", ""],
    "text": ["", " ", "two\nlines", "\x1b[2J", "'both' \"kinds\"", "a\u2028b", "\ud800"],
}


def mutant(rng: random.Random) -> tuple[str, bytes]:
    source = rng.choice(SOURCES)
    data = source.read_bytes()
    names = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        mutate = rng.choice(MUTATIONS)
        data = mutate(rng, data)
        names.append(mutate.__name__)
    return f"{source.stem}:{'+'.join(names)}", data


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang


def run_sendplan(*args: str) -> tuple[int, str, str]:
    """sendplan's own entry point in this process: exit code, stdout, stderr."""
    from sendplan_cli.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["sendplan", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


def _editor_lines(data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    text = text[1:] if text.startswith("\ufeff") else text
    lines = re.split("\r\n|\r|\n", text)
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


def problems(path: Path, data: bytes, with_paper: bool) -> tuple[int, list[str]]:
    """validate's exit code for one mutant, and what went wrong (empty when sendplan behaved)."""
    found = []
    code, out, err = run_sendplan(
        "validate", str(path), "--format", "json", "--as-of", "2025-01-15"
    )
    exit_code = code
    if code not in (0, 1, 2):
        found.append(f"validate json exit code {code}")
    for stream in (out, err):
        if "Traceback" in stream or "internal error" in stream:
            found.append("validate json: " + stream.strip().splitlines()[-1][:300])
    try:
        findings = json.loads(out)["findings"] if code != 2 else []
    except (ValueError, KeyError) as exc:
        found.append(f"JSON does not parse: {exc}")
        findings = []
    lines = _editor_lines(data)
    for f in findings:
        line, column = f["line"], f["column"]
        if not 1 <= line <= len(lines) or not 1 <= column <= len(lines[line - 1]) + 1:
            found.append(f"{f['code']} at {line}:{column} is outside the file ({len(lines)} lines)")
    runs = [("validate", str(path), "--as-of", "2025-01-15")]
    if with_paper:
        runs.append(("report", str(path), "--month", "2025-01", "--format", "md", "-o", "-"))
    for args in runs:
        code, out, err = run_sendplan(*args)
        if code not in (0, 1, 2):
            found.append(f"{args[0]} exit code {code}")
        if "Traceback" in out + err or "internal error" in out + err:
            found.append(f"{args[0]}: " + (out + err).strip().splitlines()[-1][:300])
        if "\x1b" in out + err and "\x1b" not in data.decode("utf-8", errors="replace"):
            found.append(f"{args[0]}: an escape character appeared in the output")
    return exit_code, found


def _no_crash(args: tuple[str, ...]) -> list[str]:
    """Run one command; what went wrong, if it crashed or exited with a code sendplan never uses."""
    code, out, err = run_sendplan(*args)
    found = []
    if code not in (0, 1, 2):
        found.append(f"{args[0]} exit code {code}")
    if "Traceback" in out + err or "internal error" in out + err:
        found.append(f"{' '.join(args)[:120]}: " + (out + err).strip().splitlines()[-1][:300])
    return found


def option_problems(rng: random.Random, folder: Path, plan: Path) -> list[str]:
    """Typed values at their extremes: an as-of date, a configuration value, an update's options."""
    from sendplan_cli.check.config import clear_config_cache

    found = _no_crash(("validate", str(plan), "--as-of", rng.choice(AS_OF)))
    config = folder / "sendplan.toml"
    config.write_text(rng.choice(CONFIG) + "\n", encoding="utf-8")
    clear_config_cache()
    try:
        found += _no_crash(("validate", str(plan), "--as-of", rng.choice(AS_OF[-3:])))
    finally:
        config.unlink()
        clear_config_cache()
    template = rng.choice(UPDATES)
    target = folder / "update-target.yaml"
    source = "indicators.yaml" if "--indicator" in template else "with-updates.yaml"
    target.write_bytes((ROOT / "tests" / "fixtures" / "valid" / source).read_bytes())
    typed = [
        part.format(**{name: rng.choice(values) for name, values in TYPED.items()})
        for part in template
    ]
    found += _no_crash(("update", str(target), *typed, "--dry-run"))
    return found


def fuzz(mutants: int, seed: int, folder: Path) -> tuple[Counter[str], list[str]]:
    """Run the mutants; count exit codes and collect every failure."""
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    failures: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm) if hasattr(signal, "SIGALRM") else None
    try:
        for n in range(mutants):
            name, data = mutant(rng)
            path = folder / f"mutant-{n}.yaml"
            path.write_bytes(data)
            if hasattr(signal, "alarm"):
                signal.alarm(SECONDS_PER_RUN)
            try:
                code, found = problems(path, data, with_paper=n % 10 == 0)
                if n % 5 == 0:
                    found += option_problems(rng, folder, path)
            except _Hang:
                code, found = -1, [f"no answer within {SECONDS_PER_RUN} s"]
            finally:
                if hasattr(signal, "alarm"):
                    signal.alarm(0)
            counts["failed" if found else f"exit {code}"] += 1
            failures += [f"mutant {n} ({name}): {problem}" for problem in found]
            path.unlink()
    finally:
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)
    return counts, failures


def test_mutated_plans_never_crash(tmp_path: Path) -> None:
    counts, failures = fuzz(int(os.environ.get("FUZZ_MUTANTS", "25")), seed=1, folder=tmp_path)
    assert failures == []
    assert (
        counts["exit 1"] > 0
    )  # the mutations do break plans: the sample exercises the error paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mutants", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        totals, problems_found = fuzz(options.mutants, options.seed, Path(work))
    for problem in problems_found:
        print(problem)
    print(
        f"{options.mutants} mutants (seed {options.seed}): "
        + ", ".join(f"{k}: {v}" for k, v in sorted(totals.items()))
        + f"; {len(problems_found)} problems"
    )
    sys.exit(1 if problems_found else 0)
