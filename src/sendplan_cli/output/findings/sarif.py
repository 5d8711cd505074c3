"""SARIF 2.1.0 for code scanning: rules with help, stable fingerprints, and the run's verdict.

A result's `level` is "error" when it fails the run (whatever its severity) and otherwise the
severity's own level, as in the GitHub annotations; the sendplan severity is kept in its
properties. `partialFingerprints` come from each finding's stable identity (git/identity.py),
so code scanning tracks an alert across commits even when lines move.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sendplan_cli import __version__
from sendplan_cli.check.verdict import level_name
from sendplan_cli.ground.documentation import check_page
from sendplan_cli.output.findings.locations import from_root, root
from sendplan_cli.output.findings.run import Run

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "SRCROOT"


def _rule(code: str, name: str, summary: str, doc: str, level: str) -> dict[str, Any]:
    described: dict[str, Any] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": level},
    }
    page = check_page(code)
    if page is not None:  # only when the project names its documentation site
        described["helpUri"] = page
    return described


def _rules() -> list[dict[str, Any]]:
    from sendplan_cli.check.rules import RULES
    from sendplan_cli.plan.load_errors import LOAD_ERRORS

    described = [_rule(r.code, r.name, r.summary, r.doc, _LEVEL[r.severity.value]) for r in RULES]
    described += [_rule(e.code, e.name, e.summary, e.doc, "error") for e in LOAD_ERRORS]
    return described


def _location(path: str) -> dict[str, Any]:
    """From the repository's top folder against SRCROOT; elsewhere a file:// URI."""
    from pathlib import Path
    from urllib.parse import quote

    relative = from_root(path)
    if relative is not None:
        return {"uri": quote(relative), "uriBaseId": BASE_ID}
    if path.startswith("<"):
        return {"uri": quote(path.strip("<>"))}
    return {"uri": Path(path).resolve().as_uri()}


def _base() -> dict[str, Any]:
    top = root()
    where = {"uri": top.as_uri() + "/"} if top is not None else {}
    return {BASE_ID: {**where, "description": {"text": "The top folder of the plan's repository."}}}


def report_sarif(run: Run, out: TextIO) -> None:
    v = run.verdict
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for file_index, result in enumerate(v.results):
        for d, fails in zip(result.diagnostics, v.failing(file_index)):
            identity = result.identities.get(d)
            entry: dict[str, Any] = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "kind": "fail",
                "level": level_name(d, fails),
                "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _location(d.path),
                            "region": {"startLine": d.line, "startColumn": d.column},
                        }
                    }
                ],
                "properties": {
                    "severity": d.severity.value,
                    "failsRun": fails,
                    **({"ref": d.ref} if d.ref else {}),
                },
            }
            if identity:
                entry["partialFingerprints"] = {"sendplanFindingIdentity/v1": identity}
            results.append(entry)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "sendplan", "version": __version__, "rules": rules}},
                "originalUriBaseIds": _base(),
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "exitCode": v.exit_code,
                        "properties": {
                            "as_of": v.as_of.isoformat(),
                            "fail_on": v.fail_on_label,
                            "failed": v.failed,
                            "exit_zero": v.exit_zero,
                        },
                    }
                ],
                "results": results,
            }
        ],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
