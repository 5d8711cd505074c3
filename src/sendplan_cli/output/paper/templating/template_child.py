"""A custom template rendered in a process of its own, with hard limits on its time, memory and output.

The sandbox refuses the obvious (`'a' * 10**9`) at its line, but a template is a program: it can double
a value with `~` until the machine runs out, or nest loops for hours, and no check on each operation can
foresee them all. So a template someone wrote runs in a fresh Python process that limits its own memory
(RLIMIT_AS) and CPU time (RLIMIT_CPU) before it runs the template, while this process waits no longer
than the time limit and then ends it. The child is spawned, never forked (this process may have
threads), and started with `-P`, so no module in the folder the paper is made in is imported in place
of sendplan's own. It sends the paper back in frames, then a last frame saying it finished or why not,
so a child that dies midway is never mistaken for a paper.

The bundled templates render in-process: they are part of sendplan, read plain data only, and do work
in proportion to the plan (loops over its actions, findings and indicators), so the default paper pays
nothing for a fence it does not need.
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sendplan_cli.ground.errors import UsageError
from sendplan_cli.output.paper.templating.sandbox import (
    Limits,
    generate_within_limits,
    text_environment,
)
from sendplan_cli.output.paper.templating.template_errors import text_error

START_UP_SECONDS = 30.0
"""Time allowed beyond the template's own for the child to start and read the paper's data."""
_HEADER = struct.Struct(">cQ")
_FLUSH_CHARS = 1 << 20


@dataclass(frozen=True)
class Job:
    """One custom template to render: `kind` is "text" (HTML, Markdown) or "word"."""

    kind: str
    template: str
    """The template as the user named it."""
    context: dict[str, Any]
    limits: Limits
    document: bytes = b""
    """A Word template with the paper's built sections' pictures in it, ready for its tags."""
    properties: dict[str, Any] = field(default_factory=dict)
    """The Word document's properties to set once its tags are filled."""
    html: bool = True
    """A text paper in HTML: every value escaped, whatever the template's file is called."""


# The folder holding the sendplan_cli package (src/ in a checkout), put first on the child's path
# so it imports this very copy; never the package folder itself, whose own packages (git, plan)
# would then shadow libraries of the same name.
PACKAGE_PARENT = Path(__file__).resolve().parents[4]


def run(job: Job) -> bytes:
    """Render the job in a child process: the paper's bytes, or a UsageError saying what went wrong."""
    package_parent = str(PACKAGE_PARENT)
    code = (
        f"import sys; sys.path.insert(0, {package_parent!r}); "
        "from sendplan_cli.output.paper.templating.template_child import main; main()"
    )
    try:
        process = subprocess.Popen(
            [sys.executable, "-P", "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise UsageError(
            f"{job.template}: could not start a process to render the template in ({exc.strerror or exc}); "
            "check that Python can be run here"
        ) from None
    try:
        out, err = process.communicate(
            pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL),
            timeout=job.limits.seconds + START_UP_SECONDS,
        )
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise UsageError(
            f"{job.template}: the template took more than {job.limits.seconds:.0f} seconds; "
            "simplify the template"
        ) from None
    return _paper(job, out, err, process.returncode)


def _paper(job: Job, out: bytes, err: bytes, returncode: int) -> bytes:
    """The paper from the child's frames, or the child's own message, or what its ending says."""
    body: list[bytes] = []
    at = 0
    while at + _HEADER.size <= len(out):
        kind, size = _HEADER.unpack_from(out, at)
        payload = out[at + _HEADER.size : at + _HEADER.size + size]
        at += _HEADER.size + size
        if len(payload) < size:
            break
        if kind == b"D":
            body.append(payload)
        elif kind == b"E":
            raise UsageError(payload.decode("utf-8", "replace"))
        elif kind == b"K" and returncode == 0:
            return b"".join(body)
    raise UsageError(
        f"{job.template}: the template was stopped before it finished ({_ending(returncode, err)}); "
        "simplify the template"
    )


def _ending(returncode: int, err: bytes) -> str:
    import signal

    cpu = getattr(signal, "SIGXCPU", None)
    if cpu is not None and returncode == -cpu:
        return "it used more than its time limit"
    if returncode < 0:
        return f"it was ended by signal {-returncode}"
    last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {returncode}"]
    return last[0][:200]


def _confine(limits: Limits) -> None:
    """Limit this process's memory and CPU time; the limits cannot be raised again from inside."""
    try:
        import resource
    except ImportError:  # not on Windows: the parent's time limit still holds there
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime + limits.seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    # A process ended for its CPU time may dump core: never a gigabyte file in the folder the paper is made in.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    now = _address_space()
    if now is not None:
        cap = now + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _address_space() -> int | None:
    """This process's virtual memory size in bytes, where the system says (Linux), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def custom_chunks(
    template: Path, values: dict[str, Any], limits: Limits, html: bool = True
) -> Iterator[str]:
    """A custom template's output, chunk by chunk within the limits; any failure is a usage error naming it."""
    # The template's real folder, so that a link to a template elsewhere still finds its own includes.
    real = template.resolve()
    env = text_environment(real.parent, html, own=real.name)
    filename = str(real)
    try:
        compiled = env.get_template(real.name)
        filename = compiled.filename or filename
        yield from generate_within_limits(compiled, values, limits)
    except Exception as exc:  # noqa: BLE001 - a template is a program: whatever it raises is its author's to fix
        raise UsageError(text_error(exc, filename, str(template), limits.memory_bytes)) from None


def _frame(out: IO[bytes], kind: bytes, payload: bytes) -> None:
    out.write(_HEADER.pack(kind, len(payload)))
    out.write(payload)


def _send_text(job: Job, out: IO[bytes]) -> None:
    chunks = custom_chunks(Path(job.template), job.context, job.limits, job.html)
    _confine(job.limits)
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= _FLUSH_CHARS:
            _frame(out, b"D", "".join(pending).encode("utf-8"))
            pending, size = [], 0
    _frame(out, b"D", "".join(pending).encode("utf-8"))


def _send_word(job: Job, out: IO[bytes]) -> None:
    from sendplan_cli.output.paper.templating.docx_tags import fill_tags, open_template

    tpl = open_template(job.document, job.template)
    _confine(job.limits)
    _frame(out, b"D", fill_tags(tpl, job.context, job.properties, job.template, job.limits))


def main() -> None:
    """The child: read a job, limit itself, render, and send the paper or the reason it could not."""
    out = sys.stdout.buffer
    job: Job = pickle.load(sys.stdin.buffer)
    try:
        (_send_text if job.kind == "text" else _send_word)(job, out)
    except UsageError as exc:
        _frame(out, b"E", str(exc).encode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - e.g. output that is not text (a lone surrogate) or memory run out
        _frame(
            out,
            b"E",
            f"{job.template}: the template failed: {type(exc).__name__}: {exc}".encode(
                "utf-8", "replace"
            ),
        )
    else:
        _frame(out, b"K", b"")
    out.flush()
