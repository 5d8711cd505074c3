"""Writing files so that a failure never leaves one half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sendplan_cli.errors import UsageError


def write_atomic(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write through a temporary file in the same directory, fsync, then move it into place.

    The target's permissions are kept (a new file gets what the umask allows). With
    exclusive=True an existing file is never replaced, even one that appears meanwhile.
    """
    target = path if exclusive else path.resolve()
    if exclusive and (target.exists() or target.is_symlink()):
        raise UsageError(f"{path}: already exists; sendplan never overwrites it")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        if exclusive:
            os.link(temp, target)  # fails if the file exists by now
        else:
            os.replace(temp, target)
    except FileExistsError:
        raise UsageError(f"{path}: already exists; sendplan never overwrites it") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass


def _default_mode() -> int:
    """What a plainly created file would get: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
