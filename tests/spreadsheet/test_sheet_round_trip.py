"""The monthly round on the West Sussex plan: export forms by lead, fill three, import, report the movement."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from conftest import run_cli
from sheetforms import changed_lines, copy_plan, fill


def test_round_trip_records_only_the_new_update_lines_and_the_paper_shows_the_movement(
    tmp_path: Path,
) -> None:
    plan = copy_plan(tmp_path)
    before = plan.read_bytes()
    forms = tmp_path / "forms"
    exported = run_cli(
        "export", str(plan), "--month", "2025-02", "--format", "xlsx", "--by-lead", "-o", str(forms)
    )
    assert exported.returncode == 0, exported.stderr
    # The plan names eight leads with open actions (2.1, Caroline Tozzi's, is Blue: complete, so on no form).
    assert len(list(forms.glob("*.xlsx"))) == 8

    jane = fill(
        forms / "update-2025-02-jane-taylor.xlsx",
        {
            "1.5": {
                "completion": "Red",
                "impact": "Red",
                "commentary": "Provider websites not yet updated",
                "proposed_due": datetime(2025, 6, 30),
                "proposed_due_reason": "Web team capacity until June",
            },
            "5.4": {
                "completion": "Amber",
                "impact": "Amber",
                "commentary": "Transition protocol drafted",
            },
        },
    )
    caroline = fill(
        forms / "update-2025-02-caroline-tozzi.xlsx",
        {
            "1.1": {
                "completion": "Green",
                "impact": "Red",
                "commentary": "Waiting well offer published on the Local Offer",
            },
        },
    )
    claire = fill(
        forms / "update-2025-02-claire-prince.xlsx",
        {
            "3.3": {
                "completion": "red",
                "commentary": "Recruitment paused",
            },  # typed in lower case: the scale's word is written
        },
    )

    imported = run_cli("import", str(plan), str(jane), str(caroline), str(claire))
    assert imported.returncode == 0, imported.stderr
    assert "recorded 4 change(s)" in imported.stderr

    removed, added = changed_lines(before, plan.read_bytes())
    assert removed == []
    assert all(
        re.match(
            r"^\s+(updates:|- month: 2025-02|completion:|impact:|commentary:|proposed_due:|proposed_due_reason:)",
            line,
        )
        for line in added
    ), added
    assert (
        "        proposed_due: '2025-06-30'" in added
        and "        proposed_due_reason: Web team capacity until June" in added
    )
    assert "        completion: Red" in added  # 3.3's "red" as the scale writes it
    # A proposal is not an agreed date: no update gains a `due:` line, and 1.5 is still due July 2024.
    assert not any(re.match(r"^\s+due:", line) for line in added)

    paper = run_cli("report", str(plan), "--month", "2025-02", "--format", "md", "-o", "-")
    assert paper.returncode == 0, paper.stderr
    table = (
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in paper.stdout.splitlines()
        if line.startswith("| ")
    )
    rows = {cells[0].replace("\\", ""): cells for cells in table if len(cells) == 9}
    assert rows["1.5"][4:7] == ["Red", "Red", "worsened"]  # Amber to Red
    assert rows["1.1"][4:7] == [
        "Green",
        "Red",
        "completed",
    ]  # Amber to Green, which the legend defines as complete
    assert rows["5.4"][6] == "unchanged"  # Amber and Amber, as published

    again = run_cli("import", str(plan), str(jane), str(caroline), str(claire))
    assert (
        again.returncode == 0
        and "no change for February 2025; 4 row(s) already recorded" in again.stderr
    )
