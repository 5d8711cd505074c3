"""When sendplan cannot write a plan, it says what is true and what to do: a folder, a read-only disk, another's file."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

from sendplan_cli.authoring import update as edit
from sendplan_cli.ground.atomic import refuse_unsafe_replace, write_atomic
from sendplan_cli.ground.errors import UsageError

WEST = PLANS / "west-sussex-2024.yaml"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / WEST.name
    shutil.copyfile(WEST, target)
    return target


@pytest.mark.parametrize("command", ["update", "import"])
def test_a_folder_given_for_the_plan_is_named_as_a_folder_with_the_plans_in_it(
    tmp_path: Path, command: str
) -> None:
    plan = _copy(tmp_path)
    args = (
        ["1.1", "--month", "2025-01", "--completion", "Red"]
        if command == "update"
        else [str(tmp_path / "form.xlsx")]
    )
    result = run_cli(command, str(tmp_path), *args)
    assert result.returncode == 2
    assert f"{tmp_path}: is a folder, not a plan; give one plan file, e.g. {plan}" in result.stderr
    assert "hard links" not in result.stderr
    assert plan.read_bytes() == WEST.read_bytes()


class _ReadOnlyMount:
    f_flag = os.ST_RDONLY if hasattr(os, "ST_RDONLY") else 1


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="mount flags are read with statvfs")
def test_a_plan_on_a_read_only_disk_says_so_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _copy(tmp_path)
    monkeypatch.setattr(os, "statvfs", lambda path: _ReadOnlyMount())
    with pytest.raises(UsageError) as refused:
        edit.record(plan, edit.Change("1.1", "2025-01", completion="Red", comment="Not written"))
    message = str(refused.value)
    assert message.startswith(f"{plan}: the disk or share it is on is mounted read-only")
    assert (
        "Copy the plan somewhere writable" in message and "ask whoever manages the share" in message
    )
    assert "chmod" not in message
    assert plan.read_bytes() == WEST.read_bytes()


def test_a_write_refused_by_a_read_only_disk_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk may become read-only between the check and the write (a share remounted, a disk failing).
    import tempfile

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(UsageError, match="mounted read-only, so nothing there can be changed"):
        write_atomic(tmp_path / "paper.html", b"<p>paper</p>")


def test_a_plan_someone_else_owns_says_whose_it_is_not_that_it_is_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _copy(tmp_path)
    os.chmod(plan, 0o644)
    monkeypatch.setattr(
        os, "access", lambda path, mode: False
    )  # as a group member sees another user's 0644 file
    owner = pytest.importorskip("pwd").getpwuid(plan.stat().st_uid).pw_name
    with pytest.raises(UsageError) as refused:
        refuse_unsafe_replace(plan)
    message = str(refused.value)
    assert (
        f"{plan}: you may not write the plan: it belongs to {owner}" in message
        and "mode 0644" in message
    )
    assert f"Ask {owner} to run the command" in message
    assert "read-only" not in message and "chmod u+w" not in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_report_written_to_a_pipe_or_device_goes_to_it_and_never_replaces_it(
    tmp_path: Path,
) -> None:
    # `-o /dev/null` or a named pipe: moving a finished file into place would put a plain file where the
    # device or pipe was (as root, for every program on the machine).
    import stat
    import threading

    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run_cli(
        "validate", str(WEST), "--as-of", "2025-01-15", "--format", "json", "-o", str(pipe)
    )
    reader.join(timeout=60)
    assert result.returncode == 1, result.stderr  # West Sussex has errors as of that day
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received and received[0].lstrip().startswith(b"{")
