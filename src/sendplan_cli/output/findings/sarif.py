"""SARIF 2.1.0 for code-scanning dashboards."""

from __future__ import annotations

import json
from typing import Any, TextIO

from sendplan_cli import __version__
from sendplan_cli.output.findings import Run
from sendplan_cli.plan.diagnostics import LOAD_CODES

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rules() -> list[dict[str, Any]]:
    from sendplan_cli.check.rules import RULES

    described = [{"id": r.code, "name": r.name, "shortDescription": {"text": r.summary},
                  "fullDescription": {"text": r.doc}, "defaultConfiguration": {"level": _LEVEL[r.severity.value]}}
                 for r in RULES]
    described += [{"id": code, "name": name, "shortDescription": {"text": f"The file is not a valid plan: {name}."},
                   "defaultConfiguration": {"level": "error"}} for name, code in LOAD_CODES.items()]
    return described


def report_sarif(run: Run, out: TextIO) -> None:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for r in run.results:
        for d in r.diagnostics:
            result: dict[str, Any] = {
                "ruleId": d.code, "ruleIndex": index[d.code], "level": _LEVEL[d.severity.value],
                "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": d.path.replace("\\", "/")},
                    "region": {"startLine": d.line, "startColumn": d.column},
                }}],
            }
            if d.ref:
                result["properties"] = {"ref": d.ref}
            results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "sendplan", "version": __version__,
                                "rules": rules}},
            "invocations": [{"executionSuccessful": True, "properties": {"as_of": run.as_of.isoformat()}}],
            "results": results,
        }],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
