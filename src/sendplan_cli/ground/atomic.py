"""Writing files so that a failure never leaves one half-written, and a replaced file keeps who owns it."""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sendplan_cli.ground.errors import UsageError


def write_atomic(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write through a temporary file in the same directory, fsync, then move it into place.

    A replaced file keeps its owner, group and mode, setgid and sticky bits included, or nothing
    is written and the error says why (a new file gets what the umask allows). With
    exclusive=True an existing file is never replaced, even one that appears meanwhile.
    """
    target = path if exclusive else path.resolve()
    if exclusive and (target.exists() or target.is_symlink()):
        raise UsageError(
            f"{path}: already exists; sendplan never overwrites it. Choose another file name, or move that file away"
        )
    if not exclusive and _is_special(target):
        _write_through(path, target, data)
        return
    folder = target.parent if str(target.parent) else Path(".")
    try:
        info = None if exclusive or not target.exists() else target.stat()
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"{path}: {why_not_written(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            _keep_ownership(handle.fileno(), info, path)
        if not hasattr(os, "fchmod"):  # Windows: the read-only flag is the only mode there is
            os.chmod(temp, _default_mode() if info is None else stat.S_IMODE(info.st_mode))
        if exclusive:
            os.link(temp, target)  # fails if the file exists by now
        else:
            os.replace(temp, target)
    except FileExistsError:
        raise UsageError(
            f"{path}: already exists; sendplan never overwrites it. Choose another file name, or move that file away"
        ) from None
    except OSError as exc:
        raise UsageError(f"{path}: {why_not_written(exc)}") from None
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass


def _is_special(target: Path) -> bool:
    """A device, pipe or socket: what is written goes to it, and moving a file over it would replace it (as root,
    `-o /dev/null` would leave a plain file where the device was)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(path: Path, target: Path, data: bytes) -> None:
    try:
        with open(target, "wb") as handle:
            handle.write(data)
            handle.flush()
    except OSError as exc:
        raise UsageError(f"{path}: {why_not_written(exc)}") from None


def _keep_ownership(fd: int, info: os.stat_result | None, path: Path) -> None:
    """Give the new file the old one's owner, group and mode; refuse when the system will not allow it."""
    mode = _default_mode() if info is None else stat.S_IMODE(info.st_mode)
    if info is not None and hasattr(os, "fchown"):
        own = os.fstat(fd)
        if (own.st_uid, own.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.fchown(
                    fd, info.st_uid, info.st_gid
                )  # before chmod: chown clears setuid and setgid
            except PermissionError:
                raise UsageError(_ownership_refusal(path, info, own)) from None
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
        if (
            stat.S_IMODE(os.fstat(fd).st_mode) != mode
        ):  # the system dropped setgid or sticky without a word
            raise UsageError(
                f"{path}: cannot keep the file's mode {mode:04o}; record the update by hand"
            )


def _ownership_refusal(path: Path, info: os.stat_result, own: os.stat_result) -> str:
    """Why the replacement cannot be the old file's, in names, and who can act on it."""
    owner, group = _user_name(info.st_uid), _group_name(info.st_gid)
    if own.st_uid != info.st_uid:
        # Only the owner or an administrator can give a file to a user; being in the group does not help.
        return (
            f"{path}: cannot keep who owns the plan: it belongs to {owner} (group {group}), and sendplan saves by "
            f"replacing the file, so the new one would belong to you; only {owner} or an administrator can give a "
            f"file to {owner}. Nothing was changed. Ask {owner} to run the command, or, if you now look after "
            "the plan, ask an administrator to make it yours"
        )
    return (
        f"{path}: cannot keep the plan's group {group}: you are not in it, so the new file would not be the group's "
        f"and its members could lose access. Nothing was changed. Ask an administrator to add you to {group}, "
        f"or someone in {group} to run the command"
    )


def _user_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def _group_name(gid: int) -> str:
    try:
        import grp

        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return f"group {gid}"


def _mounted_read_only(path: Path) -> bool:
    if not hasattr(os, "statvfs"):
        return False
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _plans_in(folder: Path) -> str:
    """A few plan files in a folder, for a message that says which to give."""
    try:
        found = sorted(
            p.name for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()
        )
    except OSError:
        found = []
    if not found:
        return "give the plan's .yaml file"
    shown = ", ".join(str(folder / name) for name in found[:3]) + (
        ", ..." if len(found) > 3 else ""
    )
    return f"give one plan file, e.g. {shown}"


def refuse_unsafe_replace(path: Path) -> None:
    """Refuse to replace a read-only file or one with hard links: both would be changed behind the owner's back."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(
            f"{path}: no such file; check the path (sendplan list shows the plans it finds)"
        ) from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {(exc.strerror or str(exc)).lower()}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{path}: is a folder, not a plan; {_plans_in(path)}")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{path}: is not a regular file; give the plan's .yaml file")
    if _mounted_read_only(path):
        raise UsageError(
            f"{path}: {why_not_written(OSError(errno.EROFS, os.strerror(errno.EROFS)))}"
        )
    if info.st_mode & 0o222 and not os.access(path, os.W_OK):
        owner = _user_name(info.st_uid)
        raise UsageError(
            f"{path}: you may not write the plan: it belongs to {owner} (group {_group_name(info.st_gid)}, mode "
            f"{stat.S_IMODE(info.st_mode):04o}), so sendplan will not change it. Ask {owner} to run the command, or to "
            "let the group write it (chmod g+w) if you share it"
        )
    if not info.st_mode & 0o222:
        raise UsageError(
            f"{path}: the plan is read-only (mode {stat.S_IMODE(info.st_mode):04o}), so sendplan will not change it; "
            "if it should be updated, make it writable first (e.g. chmod u+w)"
        )
    if info.st_nlink > 1:
        raise UsageError(
            f"{path}: the plan has {info.st_nlink} hard links; sendplan writes by replacing the file, which would "
            "leave the other names holding the old plan. Keep one name (use a symbolic link for the others) "
            "or record the update by hand"
        )


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete temporary files a killed write of this file left behind; call only while holding its lock."""
    target = path.resolve()
    pattern = os.path.join(
        glob.escape(str(target.parent)), glob.escape(f".{target.name}.") + "*.tmp"
    )
    removed = []
    for name in glob.glob(pattern):
        try:
            if stat.S_ISREG(os.lstat(name).st_mode):
                os.unlink(name)
                removed.append(Path(name))
        except OSError:
            pass
    return removed


def _default_mode() -> int:
    """What a plainly created file would get: 0o666 less the umask."""
    return 0o666 & ~_umask()


def why_not_written(exc: OSError) -> str:
    """What an operating-system error on writing means for the person, and what to do about it."""
    if exc.errno == errno.EROFS:
        return (
            "the disk or share it is on is mounted read-only, so nothing there can be changed. Copy the plan "
            "somewhere writable and run the command there, or ask whoever manages the share to make it writable"
        )
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            "the disk is full (or your quota is used up); free some space, or write somewhere else"
        )
    return f"cannot write: {exc.strerror or exc}"


def _write_new(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


@contextmanager
def staged_folder(folder: Path) -> Iterator[Callable[[str, bytes], None]]:
    """Write files into `folder` all or nothing: each goes to a hidden folder beside it, and all move in at the end.

    Yields write(name, data). If any write fails, or the block raises, none of the files appears
    and the hidden folder is removed, so running the command again is not blocked. A file that
    exists in `folder` is never replaced.
    """
    parent = folder.parent if str(folder.parent) else Path(".")
    _remove_stale_stages(parent, folder.name)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=parent))
    except OSError as exc:
        raise UsageError(f"{folder}: {why_not_written(exc)}; nothing was written") from None
    names: list[str] = []

    def write(name: str, data: bytes) -> None:
        try:
            _write_new(stage / name, data)
        except OSError as exc:
            raise UsageError(
                f"{folder / name}: {why_not_written(exc)}; nothing was written, so run the command again "
                "once that is done"
            ) from None
        names.append(name)

    try:
        yield write
        _move_in(stage, folder, names)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


STALE_STAGE_SECONDS = 3600
"""A hidden folder of forms this old is from an export that was killed: an export writes its forms in seconds."""


def _remove_stale_stages(parent: Path, name: str) -> None:
    """Remove the hidden folders killed exports of `name` left beside it; a recent one may be another export's."""
    import re
    import time

    # Only a folder of the shape sendplan makes (mkdtemp's eight characters), holding nothing but forms: a user's
    # own hidden folder of a similar name is never touched.
    shape = re.compile(re.escape(f".{name}.") + r"[a-z0-9_]{8}\.partial")
    pattern = os.path.join(glob.escape(str(parent)), glob.escape(f".{name}.") + "*.partial")
    for found in glob.glob(pattern):
        try:
            info = os.lstat(found)
            if not (
                shape.fullmatch(os.path.basename(found))
                and stat.S_ISDIR(info.st_mode)
                and time.time() - info.st_mtime > STALE_STAGE_SECONDS
            ):
                continue
            with os.scandir(found) as entries:
                only_forms = all(
                    e.is_file(follow_symlinks=False) and e.name.endswith(".xlsx") for e in entries
                )
            if only_forms:
                shutil.rmtree(found, ignore_errors=True)
        except OSError:
            continue


def _move_in(stage: Path, folder: Path, names: list[str]) -> None:
    """Every staged file into the folder, or none: a new folder is renamed into place whole."""
    try:
        if not folder.exists():
            os.chmod(
                stage, 0o777 & ~_umask()
            )  # mkdtemp's folder is private; the forms' folder should not be
            os.rename(stage, folder)
            return
        moved: list[Path] = []
        try:
            for name in names:
                os.link(
                    stage / name, folder / name
                )  # fails, rather than replaces, if the file appeared meanwhile
                moved.append(folder / name)
        except OSError:
            for path in moved:
                path.unlink(missing_ok=True)
            raise
    except FileExistsError as exc:
        raise UsageError(
            f"{exc.filename2 or exc.filename or folder}: already exists; sendplan never overwrites it and "
            "wrote nothing. Move it away, or choose another folder"
        ) from None
    except OSError as exc:
        raise UsageError(f"{folder}: {why_not_written(exc)}; nothing was written") from None


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
