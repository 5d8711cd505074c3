"""Where a check's page is on the documentation site, when the project names its site.

The address comes from the `Documentation` entry of `[project.urls]` in pyproject.toml, read from
the installed distribution's metadata, so a fork or a partnership's own build points at its own
site. With no such entry there is no address: SARIF and the language server then leave the link
out rather than point somewhere that may not exist.
"""

from __future__ import annotations

import functools

# The site lays out one page per check here (docs/hooks/reference_pages.py, RULES_DIR).
_CHECK_PAGE = "reference/rules/{code}/"


@functools.lru_cache(maxsize=1)
def documentation_url() -> str | None:
    """The site's address from the installed metadata, ending in "/", or None when it is not set."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("sendplan").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip().casefold() == "documentation" and url.strip():
            return url.strip().rstrip("/") + "/"
    return None


def check_page(code: str) -> str | None:
    """The address of a rule's or load error's page (SP101), or None when the site is not named."""
    base = documentation_url()
    return base + _CHECK_PAGE.format(code=code) if base else None
