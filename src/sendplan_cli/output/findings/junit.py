"""JUnit XML for CI test tabs: one failing test case per finding that fails the run, one passing case per clean file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from sendplan_cli.check.verdict import describe_counts
from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.output.findings.run import Run


def report_junit(run: Run, out: TextIO) -> None:
    v = run.verdict
    cases: list[ET.Element] = []
    for index, result in enumerate(v.results):
        failing = [d for d, fails in zip(result.diagnostics, v.failing(index)) if fails]
        path = one_line(result.path)
        if not failing:
            cases.append(
                ET.Element(
                    "testcase",
                    name=f"{path}: {describe_counts(v.counts(index))}",
                    classname=path,
                    time="0",
                )
            )
        for d in failing:
            subject = f"action {one_line(d.ref)}" if d.ref else f"line {d.line}"
            case = ET.Element(
                "testcase", name=f"{path} {d.code} [{d.name}] {subject}", classname=path, time="0"
            )
            failure = ET.SubElement(case, "failure", type=d.code, message=one_line(d.message))
            # XML 1.0 cannot hold most control characters at all; one_line shows them as escapes.
            failure.text = f"{path}:{d.line}:{d.column}: {d.severity.value} {d.code} [{d.name}] {one_line(d.message)}"
            if d.hint:
                failure.text += f"\nhint: {one_line(d.hint)}"
            cases.append(case)
    failures = sum(1 for case in cases if case.find("failure") is not None)
    totals = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "time": "0"}
    root = ET.Element("testsuites", {"name": "sendplan", **totals})
    suite = ET.SubElement(
        root, "testsuite", {"name": "sendplan validate", "skipped": "0", **totals}
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("as_of", v.as_of.isoformat()),
        ("fail_on", v.fail_on_label),
        ("failed", str(v.failed).lower()),
        ("exit_zero", str(v.exit_zero).lower()),
        ("exit_code", str(v.exit_code)),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    suite.extend(cases)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
