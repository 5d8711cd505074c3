"""The Word template's tags filled in the sandbox, from plain data, within limits when the template is someone's own."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from docxtpl import DocxTemplate

from sendplan_cli.ground.errors import UsageError
from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.output.paper.templating.sandbox import Limits, time_budget, word_environment
from sendplan_cli.output.paper.templating.template_errors import word_error

MAX_XML_PART_BYTES = 20_000_000
"""The largest XML part read from a Word template: the bundled template's document is 20 KB, and python-docx
parses each part whole, using many times its size in memory."""
MAX_UNPACKED_BYTES = 200_000_000
"""The most a Word template may unpack to, pictures included."""


def open_template(document: bytes | str, shown: str) -> Any:
    """A Word template ready for its tags, from a file or from bytes; anything else is a usage error."""
    _check_package(document, shown)
    try:
        tpl = DocxTemplate(io.BytesIO(document) if isinstance(document, bytes) else document)
        tpl.init_docx()
    except Exception:  # noqa: BLE001 - python-docx raises several types for a file that is not a Word document
        raise UsageError(
            f"{shown}: cannot be read as a Word document; the file may be damaged. Open it in Word and "
            "save it again as 'Word Document (.docx)', or start from a copy of the bundled board-paper.docx"
        ) from None
    return tpl


def _check_package(document: bytes | str, shown: str) -> None:
    """Refuse, before anything is parsed, a file that is not a .docx package or that unpacks to far more than a
    template holds (a small file can unpack to gigabytes)."""
    try:
        with zipfile.ZipFile(
            io.BytesIO(document) if isinstance(document, bytes) else document
        ) as archive:
            parts = archive.infolist()
    except (OSError, zipfile.BadZipFile):
        raise UsageError(
            f"{shown}: not a Word document (.docx); save the template from Word as 'Word Document (.docx)', "
            "or start from a copy of the bundled board-paper.docx"
        ) from None
    if "word/document.xml" not in {part.filename for part in parts}:
        raise UsageError(
            f"{shown}: a zip file but not a Word document (.docx); save the template from Word as "
            "'Word Document (.docx)'"
        ) from None
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise UsageError(
            f"{shown}: the template unpacks to more than {MAX_UNPACKED_BYTES // 1_000_000} MB, far more than a "
            "Word template holds; make the pictures in it smaller, or start from a copy of the bundled "
            "board-paper.docx"
        )
    big = next(
        (
            p
            for p in parts
            if p.filename.endswith((".xml", ".rels")) and p.file_size > MAX_XML_PART_BYTES
        ),
        None,
    )
    if big is not None:
        raise UsageError(
            f"{shown}: its part {one_line(big.filename)} unpacks to {big.file_size / 1e6:.0f} MB, more than the "
            f"{MAX_XML_PART_BYTES // 1_000_000} MB sendplan reads from a Word template; the template holds "
            "far more than a board paper's layout. Start from a copy of the bundled board-paper.docx"
        )


_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


@contextmanager
def _core_properties_namespace() -> Iterator[None]:
    """python-docx's `cp` prefix as the core properties' namespace while the properties are set.

    docxcompose, which docxtpl imports, rebinds that prefix to the custom properties' namespace for the
    whole process, so the keywords, last author, category and revision were written in a namespace Word
    does not read there (beside the real, empty ones)."""
    from docx.oxml import ns

    before = ns.nsmap["cp"]
    ns.nsmap["cp"] = _CORE_PROPERTIES
    try:
        yield
    finally:
        ns.nsmap["cp"] = before


def fill_tags(
    tpl: Any,
    values: dict[str, Any],
    properties: dict[str, Any],
    shown: str,
    limits: Limits | None = None,
) -> bytes:
    """Fill the template's tags in the sandbox (within `limits` for a custom template), set the document's
    properties, and give the document's bytes; any failure is a usage error naming the template and tag."""
    env = word_environment(limits.max_chars if limits else None)
    try:
        with time_budget(limits.seconds) if limits else nullcontext():
            tpl.render(values, jinja_env=env)
    except Exception as exc:  # noqa: BLE001 - a template is a program: whatever it raises is its author's to fix
        raise UsageError(
            word_error(exc, env.source, shown, limits.memory_bytes if limits else None)
        ) from None
    with _core_properties_namespace():
        for name, value in properties.items():
            setattr(tpl.docx.core_properties, name, value)
    out = io.BytesIO()
    tpl.save(out)
    if limits and out.tell() > limits.max_chars:
        raise UsageError(
            f"{shown}: the paper grew past the limit of {limits.max_chars:,} bytes; simplify the template"
        )
    return out.getvalue()
