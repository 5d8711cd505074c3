"""Headless LibreOffice for the paper tests: a Word document converted to PDF as LibreOffice prints it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

TIMEOUT = 300
"""Seconds: a first conversion sets up a new LibreOffice profile; on a busy machine that takes a minute."""


def soffice() -> str:
    """The LibreOffice binary; skipped with a reason on a machine without it, a failure in CI."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(
                "CI must run the Word print test, but LibreOffice is missing: .ci/run installs it"
            )
        pytest.skip("LibreOffice not installed: apt-get install libreoffice-writer-nogui")
    return found


def print_pdf(document: Path, folder: Path) -> Path:
    """The document converted to PDF by LibreOffice, in a profile of its own so parallel runs never share one."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(document),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    pdf = folder / f"{document.stem}.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 0, (result.stdout + result.stderr)[-2000:]
    return pdf
