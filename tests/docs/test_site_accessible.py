"""Every page of the built documentation site passes axe-core's WCAG 2.2 A and AA checks in Chromium.

Council and NHS officers, parents and councillors read the site; a page that a screen reader or
keyboard cannot use excludes some of them. The checks are those the board paper passes. The site
is served over HTTP from this machine, as a web server would serve it, so that pages addressed
from the site's top (the "page not found" page) load their styles."""

from __future__ import annotations

import functools
import html
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from paper.browser import AXE, _run, chromium
from site_build import built_site, pages

AXE_RUN = """
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}})
  .then(r => { const pre = document.createElement("pre"); pre.id = "result";
    pre.textContent = JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)})));
    document.body.appendChild(pre); });
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # the test reports what fails; each request need not be logged


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Path, str]]:
    site = built_site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _violations(site: Path, address: str, number: int, page: Path) -> list[dict[str, object]]:
    """axe's findings on one page, through a copy of it beside it with axe-core added."""
    runner = f"<script>{AXE.read_text(encoding='utf-8')}</script><script>{AXE_RUN}</script>"
    probe = page.parent / f"axe-probe-{number}.html"
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", runner + "</body>"), encoding="utf-8"
    )
    url = address + probe.relative_to(site).as_posix()
    result = _run(["--dump-dom", "--virtual-time-budget=30000", "--window-size=1000,1200", url])
    marker = '<pre id="result">'
    assert marker in result.stdout, f"{page}: axe wrote nothing: {result.stderr[-2000:]}"
    return json.loads(html.unescape(result.stdout.split(marker, 1)[1].split("</pre>", 1)[0]))


def test_every_page_of_the_site_passes_axe_for_wcag_2_2_a_and_aa(served: tuple[Path, str]) -> None:
    chromium(need_axe=True)
    site, address = served
    every = pages(site)
    assert len(every) > 50  # the hand-written pages and one per rule
    # Two at a time: each page is one Chromium run, and CI machines have two cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = list(pool.map(lambda n: _violations(site, address, n, every[n]), range(len(every))))
    failing = {str(p.relative_to(site)): v for p, v in zip(every, found) if v}
    assert failing == {}, json.dumps(failing, indent=1)[:4000]
