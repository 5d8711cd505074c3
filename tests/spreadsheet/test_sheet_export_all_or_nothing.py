"""`export --by-lead` writes every form or none: a failure part-way leaves nothing that blocks the rerun."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from sheetforms import copy_plan, export

from sendplan_cli.ground.errors import UsageError

FEB = date(2025, 2, 1)
LEADS = 8  # the West Sussex plan has eight leads with open actions in February 2025


def _disk_full_on(call: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every form is flushed to disk once it is written; the disk fills up at the given form."""
    real = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == call:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_a_write_that_fails_on_the_third_form_leaves_no_form_and_the_rerun_writes_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    folder = tmp_path / "forms"
    with monkeypatch.context() as patch:
        _disk_full_on(3, patch)
        with pytest.raises(UsageError) as refused:
            export(plan, FEB, folder)
    message = str(refused.value)
    assert "the disk is full" in message and "nothing was written" in message
    assert not folder.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        plan.name
    ]  # no hidden half-done folder either
    written = export(plan, FEB, folder)
    assert len(written) == LEADS and all(p.is_file() for p in written)


def test_into_an_existing_folder_a_failure_adds_nothing_and_keeps_what_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with monkeypatch.context() as patch:
        _disk_full_on(LEADS, patch)  # the last form
        with pytest.raises(UsageError):
            export(plan, FEB, folder)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forms", plan.name]
    assert len(export(plan, FEB, folder)) == LEADS
    assert (folder / "notes.txt").read_text() == "keep me"


def test_a_new_forms_folder_is_as_open_as_any_new_folder(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    export(plan, FEB, tmp_path / "forms")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "forms").stat().st_mode & 0o777 == 0o777 & ~umask


def test_hidden_folders_left_by_a_killed_export_are_cleared_by_the_next_and_a_recent_one_is_kept(
    tmp_path: Path,
) -> None:
    # A kill -9 leaves the hidden folder the forms were being written into; the next export clears it once it is
    # old enough not to be another export still running.
    import time

    plan = copy_plan(tmp_path)
    stale, recent = tmp_path / ".forms.k1ll3d_x.partial", tmp_path / ".forms.running1.partial"
    # A user's own hidden folders: not of the shape sendplan makes, or holding something other than forms.
    mine, notes = tmp_path / ".forms.mine.partial", tmp_path / ".forms.notes123.partial"
    for folder in (stale, recent, mine, notes):
        folder.mkdir()
        (folder / "update-2025-02-jane-taylor.xlsx").write_bytes(b"half a form")
    (notes / "important.txt").write_text("keep me", encoding="utf-8")
    an_hour_and_more = time.time() - 2 * 3600
    for folder in (stale, mine, notes):
        os.utime(folder, (an_hour_and_more, an_hour_and_more))
    written = export(plan, FEB, tmp_path / "forms")
    assert len(written) == LEADS
    assert not stale.exists() and recent.exists()
    assert (mine / "update-2025-02-jane-taylor.xlsx").exists() and (
        notes / "important.txt"
    ).exists()
