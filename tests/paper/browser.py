"""Headless Chromium for the paper tests: print to PDF, and run a script in the page and read what it wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT

AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(need_axe: bool = False) -> str:
    """The Chromium binary (and axe-core, for page scripts); skipped with a reason on a machine without them, a failure in CI."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    needed = [("chromium", bool(found), "apt-get install chromium")]
    if need_axe:
        needed.append(("axe-core", AXE.is_file(), "npm install --prefix .ci/node axe-core@4"))
    missing = [(what, how) for what, ok, how in needed if not ok]
    if missing:
        names = " and ".join(what for what, _ in missing)
        if os.environ.get("CI"):
            pytest.fail(
                f"CI must run the browser test, but {names} is missing: .ci/run installs them"
            )
        pytest.skip(f"{names} not installed: {'; '.join(how for _, how in missing)}")
    return found  # type: ignore[return-value]


def _run(args: list[str], need_axe: bool = False) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [chromium(need_axe), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def print_pdf(html: Path, pdf: Path) -> None:
    """Print the page as Chromium's print dialog would (A4 from the page's @page rules), without its own header."""
    result = _run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()])
    assert pdf.is_file() and pdf.stat().st_size > 0, result.stderr[-2000:]


def page_script(html_text: str, script: str, folder: Path, width: int = 1000) -> str:
    """Run `script` in the page (with axe-core loaded) and return the text it puts in <pre id="result">."""
    chromium(need_axe=True)
    probe = folder / "probe.html"
    runner = f"<script>{AXE.read_text(encoding='utf-8')}</script><script>{script}</script>"
    probe.write_text(html_text.replace("</body>", runner + "</body>"), encoding="utf-8")
    result = _run(
        [
            "--dump-dom",
            "--virtual-time-budget=30000",
            f"--window-size={width},1200",
            probe.as_uri(),
        ],
        need_axe=True,
    )
    marker = '<pre id="result">'
    assert marker in result.stdout, f"the page script wrote nothing: {result.stderr[-2000:]}"
    import html as html_module

    return html_module.unescape(result.stdout.split(marker, 1)[1].split("</pre>", 1)[0])
