"""Files shipped with sendplan: templates/ and schemas/, inside the wheel or beside the source."""

from __future__ import annotations

from pathlib import Path


def resource_dir(name: str) -> Path:
    """The installed copy when sendplan is installed from a wheel, else the repository's top-level folder."""
    installed = Path(__file__).resolve().parent / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / name
