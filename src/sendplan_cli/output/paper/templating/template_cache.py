"""Compiled board-paper templates kept between runs: compiling the paper's template is most of `report`'s own work.

Imported only when a paper is rendered, never by `validate`."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

from sendplan_cli import __version__


class _Quiet(FileSystemBytecodeCache):  # type: ignore[misc]
    """Jinja's file cache, where a file that cannot be read or written means compiling again, never an error."""

    def load_bytecode(self, bucket: Any) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged file: unpickling and unmarshalling raise several types
            bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache(env: Any) -> Any:
    """Jinja's own file cache, in its private per-user folder, or None where no such folder can be had.

    Each file is named for everything that changes the compiled code, so a cache written under other
    settings, another sendplan or another Jinja is never read; Jinja itself checks each file against
    the template's text and the Python version.
    """
    if Path(tempfile.gettempdir()).resolve() == Path.cwd().resolve():
        return None  # Python falls back to the current folder when no temporary folder is writable: never litter it
    settings = (
        __version__,
        jinja2.__version__,
        type(env).__qualname__,
        sorted(env.intercepted_binops),
        sorted(env.intercepted_unops),
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        env.block_start_string,
        env.variable_start_string,
        env.comment_start_string,
        env.autoescape,
    )
    tag = hashlib.sha256(repr(settings).encode()).hexdigest()[:16]
    try:
        return _Quiet(pattern=f"sendplan-{tag}-%s.cache")
    except (OSError, RuntimeError):  # no temporary folder that only this user can write to
        return None
