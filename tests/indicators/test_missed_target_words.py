"""A target passed with no figure is named as the plan writes it: "above 90%" is not "90%".

York's written statement of action asks for a satisfaction level "consistently above 90% by
September 2021" (tests/fixtures/real/york-2020.yaml); a finding that says "a target of 90%" tells
the board that 90 would have done.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from conftest import run_cli, write_plan

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.output.scorecard import cells
from sendplan_cli.plan.kpi_status import kpi_statuses

PLAN = """\
indicators:
  - id: KPI 1
    name: Satisfaction level of children, young people and families
    unit: percent
    direction: higher-is-better
    targets:
      - {value: 90, by: September 2021, comparison: above}
  - id: KPI 2
    name: Plans audited as compliant
    unit: percent
    direction: higher-is-better
    targets:
      - {value: 98, by: September 2021}
actions: []
"""
AS_OF = "2022-09-01"


def test_the_finding_the_status_and_the_scorecard_keep_the_comparison(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    result = run_cli("validate", str(path), "--as-of", AS_OF, "--format", "json")
    messages = [f["message"] for f in json.loads(result.stdout)["findings"] if f["code"] == "SP410"]
    assert messages == [
        "indicator KPI 1's target of above 90% by September 2021 has passed with no figure "
        "for then or later; one was due by 31 Oct 2021",
        # A target with no comparison written is named by its value alone, as before.
        "indicator KPI 2's target of 98% by September 2021 has passed with no figure "
        "for then or later; one was due by 31 Oct 2021",
    ]
    _, plan = load_model(path)
    assert plan is not None
    above, plain = kpi_statuses(plan, date.fromisoformat(AS_OF))
    assert above.reason.startswith(
        "target date passed, no figure: the target of above 90% by September 2021"
    )
    assert cells(above)["missed"] == "target above 90% by September 2021, figure due by 31 Oct 2021"
    assert cells(plain)["missed"] == "target 98% by September 2021, figure due by 31 Oct 2021"
