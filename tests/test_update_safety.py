"""`sendplan update` never loses a change, never changes who owns a plan, and says what it will not do."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, PLANS

from sendplan_cli.ground.errors import UsageError

WEST = PLANS / "west-sussex-2024.yaml"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / WEST.name
    shutil.copyfile(WEST, target)
    return target


def _start(plan: Path, ref: str, comment: str, **popen: object) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sendplan_cli",
            "update",
            str(plan),
            ref,
            "--month",
            "2025-01",
            "--completion",
            "Red",
            "--comment",
            comment,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **popen,  # type: ignore[call-overload]
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


def _update(plan: Path, ref: str, comment: str) -> tuple[int, str]:
    return _finish(_start(plan, ref, comment))


@pytest.mark.parametrize("trial", range(3))
def test_two_updates_at_once_both_land_or_one_is_refused_clearly(
    tmp_path: Path, trial: int
) -> None:
    plan = _copy(tmp_path)
    first, second = _start(plan, "1.1", "First change"), _start(plan, "2.1", "Second change")
    outcomes = [_finish(first), _finish(second)]
    text = plan.read_text(encoding="utf-8")
    for (code, stderr), comment in zip(outcomes, ("First change", "Second change")):
        if code == 0:
            assert f"commentary: {comment}" in text
        else:
            assert (
                code == 2
                and "another sendplan update" in stderr
                and "nothing was changed" in stderr
            )
    assert any(code == 0 for code, _ in outcomes)


def test_a_second_writer_waits_then_fails_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendplan_cli.authoring import update as edit
    from sendplan_cli.ground import lock

    plan = _copy(tmp_path)
    before = plan.read_bytes()
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)
    with (
        lock.plan_lock(plan),
        pytest.raises(UsageError, match="another sendplan update has been writing this plan"),
    ):
        edit.record(plan, edit.Change("1.1", "2025-01", completion="Red", comment="x"))
    assert plan.read_bytes() == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="giving a file to another owner needs root",
)
def test_owner_group_and_special_bits_are_kept(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    os.chown(plan, 65534, 1234)  # nobody, and a group the writer is not in
    os.chmod(plan, 0o3660)  # setgid and sticky, group-writable
    assert _update(plan, "1.1", "Kept")[0] == 0
    info = plan.stat()
    assert "commentary: Kept" in plan.read_text(encoding="utf-8")
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 1234, 0o3660)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="acting as another user needs root"
)
def test_a_writer_who_cannot_keep_the_owner_is_refused(tmp_path: Path) -> None:
    import tempfile

    from sendplan_cli.authoring import update as edit

    # The same update as root first, so every module it needs is imported before acting as nobody,
    # who may not be able to read this Python's library.
    edit.record(_copy(tmp_path), edit.Change("1.1", "2025-01", completion="Red", comment="As root"))
    # pytest's own folders are private to root; the shared folder must be reachable by nobody.
    folder = Path(tempfile.mkdtemp(prefix="sendplan-shared-"))
    os.chmod(folder, 0o777)
    try:
        _refused_as_nobody(folder, edit)
    finally:
        shutil.rmtree(folder)


def _refused_as_nobody(folder: Path, edit: object) -> None:
    plan = folder / WEST.name
    shutil.copyfile(WEST, plan)
    os.chmod(
        plan, 0o666
    )  # root's, writable by all: nobody may replace it but cannot give it back to root
    before = plan.read_bytes()
    os.setegid(65534)
    os.seteuid(65534)
    try:
        with pytest.raises(UsageError, match="cannot keep who owns the plan: it belongs to root"):
            edit.record(plan, edit.Change("1.1", "2025-01", completion="Red", comment="Not kept"))  # type: ignore[attr-defined]
    finally:
        os.seteuid(0)
        os.setegid(0)
    assert plan.read_bytes() == before and plan.stat().st_uid == 0
    assert sorted(p.name for p in folder.iterdir()) == [f".{plan.name}.lock", plan.name]


def test_a_read_only_plan_is_refused(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    os.chmod(plan, 0o444)
    code, stderr = _update(plan, "1.1", "x")
    assert code == 2 and "the plan is read-only (mode 0444)" in stderr
    assert plan.read_bytes() == WEST.read_bytes()


def test_a_plan_with_hard_links_is_refused(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    os.link(plan, tmp_path / "other-name.yaml")
    code, stderr = _update(plan, "1.1", "x")
    assert code == 2 and "the plan has 2 hard links" in stderr
    assert (tmp_path / "other-name.yaml").read_bytes() == plan.read_bytes() == WEST.read_bytes()


def test_temporary_files_left_by_a_killed_update_are_removed_on_the_next(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    stale = tmp_path / f".{plan.name}.k3l9x0qa.tmp"
    stale.write_bytes(plan.read_bytes())
    other = tmp_path / ".other.yaml.k3l9x0qa.tmp"  # another plan's: not ours to remove
    other.write_bytes(b"x")
    assert _update(plan, "1.1", "Next")[0] == 0
    assert not stale.exists() and other.exists()


def test_mixed_line_endings_are_kept_line_by_line(tmp_path: Path) -> None:
    import difflib

    lines = (FIXTURES / "valid" / "with-updates.yaml").read_text(encoding="utf-8").splitlines()
    # Odd lines end in CRLF, even lines in LF, as a file edited on two systems might.
    original = [line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines)]
    plan = tmp_path / "mixed.yaml"
    plan.write_bytes("".join(original).encode("utf-8"))
    assert _update(plan, "5", "Late")[0] == 0
    after = plan.read_bytes().decode("utf-8").splitlines(keepends=True)
    opcodes = difflib.SequenceMatcher(a=original, b=after, autojunk=False).get_opcodes()
    # Every old line is still there with its own ending; the new lines take the ending of the line above.
    assert {tag for tag, *_ in opcodes} == {"equal", "insert"}
    inserted = [(after[j1 - 1], after[j1:j2]) for tag, _, _, j1, j2 in opcodes if tag == "insert"]
    assert any("commentary: Late" in line for _, block in inserted for line in block)
    for above, block in inserted:
        ending = "\r\n" if above.endswith("\r\n") else "\n"
        assert all(line.endswith(ending) and not line.endswith("\r\r\n") for line in block)
