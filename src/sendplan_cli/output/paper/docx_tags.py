"""The Word template's tags filled in the sandbox, from plain data, within limits when the template is someone's own."""

from __future__ import annotations

import io
from contextlib import nullcontext
from typing import Any

from docxtpl import DocxTemplate

from sendplan_cli.errors import UsageError
from sendplan_cli.output.paper.sandbox import Limits, time_budget, word_environment
from sendplan_cli.output.paper.template_errors import word_error


def open_template(document: bytes | str, shown: str) -> Any:
    """A Word template ready for its tags, from a file or from bytes; anything else is a usage error."""
    try:
        tpl = DocxTemplate(io.BytesIO(document) if isinstance(document, bytes) else document)
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several types for a file that is not a Word document
        raise UsageError(f"{shown}: not a Word template (.docx): {exc}") from None
    return tpl


def fill_tags(tpl: Any, values: dict[str, Any], properties: dict[str, Any], shown: str,
              limits: Limits | None = None) -> bytes:
    """Fill the template's tags in the sandbox (within `limits` for a custom template), set the document's
    properties, and give the document's bytes; any failure is a usage error naming the template and tag."""
    env = word_environment(limits.max_chars if limits else None)
    try:
        with time_budget(limits.seconds) if limits else nullcontext():
            tpl.render(values, jinja_env=env)
    except Exception as exc:  # noqa: BLE001 - a template is a program: whatever it raises is its author's to fix
        raise UsageError(word_error(exc, env.source, shown, limits.memory_bytes if limits else None)) from None
    for name, value in properties.items():
        setattr(tpl.docx.core_properties, name, value)
    out = io.BytesIO()
    tpl.save(out)
    if limits and out.tell() > limits.max_chars:
        raise UsageError(f"{shown}: the paper grew past the limit of {limits.max_chars:,} bytes; simplify the template")
    return out.getvalue()
