"""SARIF's `helpUri` and the language server's link on a finding's code point at the check's page
on the documentation site when the project names its site (`Documentation` in [project.urls]),
and are left out when it does not."""

from __future__ import annotations

import json
from email.message import Message
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

SITE = "https://plans.example.org/sendplan-docs"
WEST = str(PLANS / "west-sussex-2024.yaml")


def _with_documentation_url(tmp_path: Path) -> dict[str, str]:
    """An environment in which the installed metadata names the site, as a wheel built with it would."""
    info = tmp_path / "meta" / "sendplan-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.4\nName: sendplan\nVersion: 0.1.0\n"
        f"Project-URL: Source, https://example.org/src\nProject-URL: Documentation, {SITE}\n",
        encoding="utf-8",
    )
    return {"PYTHONPATH": str(tmp_path / "meta")}


def _sarif_rules(env: dict[str, str] | None = None) -> list[dict[str, object]]:
    result = run_cli("validate", WEST, "--as-of", "2025-01-15", "--format", "sarif", env=env)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]


def test_sarif_links_each_rule_to_its_page_when_the_site_is_named(tmp_path: Path) -> None:
    rules = _sarif_rules(_with_documentation_url(tmp_path))
    links = {r["id"]: r.get("helpUri") for r in rules}
    assert links["SP101"] == f"{SITE}/reference/rules/SP101/"
    assert links["SP013"] == f"{SITE}/reference/rules/SP013/"
    assert all(link == f"{SITE}/reference/rules/{code}/" for code, link in links.items())


def test_sarif_has_no_help_link_when_the_site_is_not_named() -> None:
    from importlib.metadata import metadata

    assert not any(
        str(u).startswith("Documentation,")
        for u in metadata("sendplan").get_all("Project-URL") or []
    ), "this test needs an install whose metadata names no documentation site"
    assert [r["id"] for r in _sarif_rules() if "helpUri" in r] == []


@pytest.mark.parametrize("named", [True, False])
def test_the_language_server_links_a_finding_code_only_when_the_site_is_named(
    named: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.metadata

    from sendplan_cli.ground.documentation import documentation_url
    from sendplan_cli.lsp.document_findings import to_lsp
    from sendplan_cli.plan.diagnostics import Diagnostic, Severity

    meta = Message()
    meta["Name"] = "sendplan"
    if named:
        meta["Project-URL"] = f"Documentation, {SITE}/"
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: meta)
    documentation_url.cache_clear()
    try:
        finding = Diagnostic(
            path="plan.yaml",
            line=1,
            column=1,
            pointer="title",
            code="SP101",
            name="overdue",
            severity=Severity.ERROR,
            message="action 1.1 was due July 2024",
        )
        [shown] = to_lsp([finding], "title: x\n")
    finally:
        documentation_url.cache_clear()
    if named:
        assert shown.code_description is not None
        assert shown.code_description.href == f"{SITE}/reference/rules/SP101/"
    else:
        assert shown.code_description is None
