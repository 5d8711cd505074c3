"""Writing files so that a failure never leaves one half-written, and a replaced file keeps who owns it."""

from __future__ import annotations

import glob
import os
import stat
import tempfile
from pathlib import Path

from sendplan_cli.errors import UsageError


def write_atomic(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write through a temporary file in the same directory, fsync, then move it into place.

    A replaced file keeps its owner, group and mode, setgid and sticky bits included, or nothing
    is written and the error says why (a new file gets what the umask allows). With
    exclusive=True an existing file is never replaced, even one that appears meanwhile.
    """
    target = path if exclusive else path.resolve()
    if exclusive and (target.exists() or target.is_symlink()):
        raise UsageError(f"{path}: already exists; sendplan never overwrites it. Choose another file name, or move that file away")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        info = None if exclusive or not target.exists() else target.stat()
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
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
        raise UsageError(f"{path}: already exists; sendplan never overwrites it. Choose another file name, or move that file away") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass


def _keep_ownership(fd: int, info: os.stat_result | None, path: Path) -> None:
    """Give the new file the old one's owner, group and mode; refuse when the system will not allow it."""
    mode = _default_mode() if info is None else stat.S_IMODE(info.st_mode)
    if info is not None and hasattr(os, "fchown"):
        own = os.fstat(fd)
        if (own.st_uid, own.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.fchown(fd, info.st_uid, info.st_gid)  # before chmod: chown clears setuid and setgid
            except PermissionError:
                raise UsageError(
                    f"{path}: cannot keep the file's owner and group (user {info.st_uid}, group {info.st_gid}): "
                    "the replacement would belong to you. Run the command as the file's owner, or as a member of "
                    "its group, or record the update by hand"
                ) from None
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
        if stat.S_IMODE(os.fstat(fd).st_mode) != mode:  # the system dropped setgid or sticky without a word
            raise UsageError(f"{path}: cannot keep the file's mode {mode:04o}; record the update by hand")


def refuse_unsafe_replace(path: Path) -> None:
    """Refuse to replace a read-only file or one with hard links: both would be changed behind the owner's back."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; check the path (sendplan list shows the plans it finds)") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {(exc.strerror or str(exc)).lower()}") from None
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
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
    pattern = os.path.join(glob.escape(str(target.parent)), glob.escape(f".{target.name}.") + "*.tmp")
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
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
