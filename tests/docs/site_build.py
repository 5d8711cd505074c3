"""The documentation site built once per test run, as CI builds it: `mkdocs build --strict`."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT


def need_mkdocs() -> None:
    """Skipped with the command to run where the docs extra is not installed; a failure in CI."""
    try:
        import material  # noqa: F401
        import mkdocs  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI must build the documentation: .ci/run installs '.[test,docs]'")
        pytest.skip("the documentation tools are not installed: pip install -e '.[docs]'")


@functools.cache
def _built() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="sendplan-site-"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return folder


def built_site() -> Path:
    """The folder the site was built into (built on first use)."""
    need_mkdocs()
    return _built()


def pages(site: Path) -> list[Path]:
    """Every page of the built site (the 404 page included)."""
    return sorted(site.rglob("*.html"))
