"""History rules on real git repositories: each fires on its change and stays quiet on the approved one."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli
from gitplans import HEADER, PlanRepo

from sendplan_cli.check.rules.history import HISTORY_RULES, HistoryRule

AS_OF = "2025-01-15"
_BLOCK = re.compile(r"(Before|Fails|Passes):\s*```yaml\n(.*?)```", re.DOTALL)


def _history(repo: PlanRepo, *args: str) -> list[dict]:  # type: ignore[type-arg]
    done = run_cli(
        "validate",
        "plans/plan.yaml",
        "--as-of",
        AS_OF,
        "--history",
        "--format",
        "json",
        *args,
        cwd=repo.root,
    )
    assert done.returncode in (0, 1), done.stderr
    return [f for f in json.loads(done.stdout)["findings"] if f["code"].startswith("SP5")]


def _committed(body: str) -> str:
    return re.search(r"# committed: (\S+)", body).group(1) + "T09:30:00+00:00"  # type: ignore[union-attr]


@pytest.mark.parametrize("rule", HISTORY_RULES, ids=[r.name for r in HISTORY_RULES])
@pytest.mark.parametrize("kind", ["Fails", "Passes"])
def test_each_rule_on_its_documented_change_in_git(
    rule: HistoryRule, kind: str, tmp_path: Path
) -> None:
    examples = dict(_BLOCK.findall(rule.doc))
    repo = PlanRepo(tmp_path)
    repo.commit(examples["Before"], when="2024-06-03T09:00:00+01:00", author="First Author")
    repo.commit(examples[kind], when=_committed(examples[kind]), author="Jo Bloggs")
    codes = [f["code"] for f in _history(repo)]
    assert (rule.code in codes) == (kind == "Fails")


MOVED_BEFORE = """\
actions:
  - ref: "1.1"
    title: Develop waiting well offer
    leads: Jo Lead
    due: July 2024
    completion: Amber
    commentary: Scoping under way
"""
MOVED = MOVED_BEFORE.replace("due: July 2024", "due: March 2025")
RECORD = """\
    updates:
      - month: 2024-09
        due: March 2025
        previous_due: July 2024
        commentary: New date agreed by the SEND Improvement Board on 5 September 2024
"""


def test_a_silent_move_names_commit_author_and_date_at_the_current_line(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    sha = repo.commit(MOVED, when="2024-09-10T14:00:00+01:00", author="Jo Bloggs")
    [finding] = _history(repo)
    assert finding["code"] == "SP501" and finding["severity"] == "error"
    assert f"in commit {sha[:9]} by Jo Bloggs on 2024-09-10" in finding["message"]
    assert "from July 2024 to March 2025" in finding["message"]
    due_line = 1 + (HEADER + MOVED).splitlines().index("    due: March 2025")
    assert (finding["line"], finding["pointer"]) == (due_line, "actions[0].due")


def test_recording_the_approval_after_the_fact_clears_it(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00")
    repo.commit(MOVED + RECORD, when="2024-10-01T14:00:00+01:00")
    assert _history(repo) == []


def test_since_catches_a_silently_moved_date_without_history(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(MOVED_BEFORE)
    repo.write(MOVED)
    done = run_cli(
        "validate", "plans/plan.yaml", "--as-of", AS_OF, "--since", "HEAD", cwd=repo.root
    )
    assert done.returncode == 1
    assert "SP501" in done.stdout and "in changes not yet committed" in done.stdout
    # The action is no longer overdue, so the move is the only thing stopping the commit.
    assert "SP101" not in done.stdout
    repo.write(MOVED + RECORD)
    done = run_cli(
        "validate", "plans/plan.yaml", "--as-of", AS_OF, "--since", "HEAD", cwd=repo.root
    )
    assert done.returncode == 0, done.stdout


def test_since_with_history_counts_old_history_findings_as_existing(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00")
    repo.write(MOVED.replace("Scoping under way", "Scoping is under way"))
    done = run_cli(
        "validate",
        "plans/plan.yaml",
        "--as-of",
        AS_OF,
        "--history",
        "--since",
        "HEAD",
        "--format",
        "json",
        cwd=repo.root,
    )
    report = json.loads(done.stdout)
    assert [f["code"] for f in report["findings"] if f["code"].startswith("SP5")] == []
    assert done.returncode == 0


def test_history_in_a_shallow_clone_is_a_usage_error(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path / "origin")
    repo.commit(MOVED_BEFORE)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)],
        check=True,
        env=repo.env(),
        capture_output=True,
    )
    done = run_cli("validate", "plans/plan.yaml", "--history", cwd=clone)
    assert done.returncode == 2
    assert "shallow clone" in done.stderr and "git fetch --unshallow" in done.stderr


def test_history_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(HEADER + MOVED, encoding="utf-8")
    done = run_cli("validate", "plan.yaml", "--history", cwd=tmp_path)
    assert done.returncode == 2
    assert "--history needs the plan to be in a git work tree" in done.stderr


def test_history_rules_switched_on_by_configuration(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    (tmp_path / "sendplan.toml").write_text("history = true\n", encoding="utf-8")
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00")
    done = run_cli("validate", "plans/plan.yaml", "--as-of", AS_OF, cwd=repo.root)
    assert done.returncode == 1 and "SP501" in done.stdout


def _every_plan_text() -> list[Path]:
    root = Path(__file__).resolve().parents[2]
    return sorted([*root.glob("plans/*.yaml"), *root.glob("tests/fixtures/**/*.yaml")])


@pytest.mark.parametrize("path", _every_plan_text(), ids=lambda p: p.name)
def test_versions_read_in_pieces_equal_the_whole_file_read_by_the_loader(path: Path) -> None:
    from sendplan_cli.check.pipeline import load_bytes
    from sendplan_cli.git.versions import VersionReader

    raw = path.read_bytes()
    whole = load_bytes(raw, str(path))
    expected = whole.data if whole.ok and isinstance(whole.data, dict) else None
    assert VersionReader().parse(raw) == expected


def test_pieces_are_reused_but_a_changed_piece_is_read_again() -> None:
    from sendplan_cli.git.versions import VersionReader

    reader = VersionReader()
    first = reader.parse((HEADER + MOVED_BEFORE).encode())
    second = reader.parse((HEADER + MOVED).encode())
    assert first is not None and second is not None
    assert first["actions"][0]["due"] == "July 2024" and second["actions"][0]["due"] == "March 2025"
    assert first["title"] == second["title"] == "Test plan"


TRICKY = {
    "indentless list": "actions:\n- ref: '1'\n  title: A\n  leads:\n  - X\n- ref: '2'\n  title: B\n",
    "document marker": "---\ntitle: T\nactions:\n  - ref: '1'\n    title: A\n",
    "comments between items": "actions:\n  # first\n  - ref: '1'\n    title: A\n# loose comment\n  - ref: '2'\n    title: B\n",
    "quoted text over lines": 'actions:\n  - ref: "1"\n    title: "A long\n  - title"\n  - ref: "2"\n    title: B\n',
    "alias across pieces": "people: &p\n  - name: X\nworkstreams: *p\n",
    "duplicate top key": "title: A\ntitle: B\n",
    "duplicate in an item": "actions:\n  - ref: '1'\n    ref: '2'\n",
    "flow list": "actions: [{ref: '1', title: A}]\n",
    "empty actions": "actions:\n# nothing yet\n",
    "block text": "actions:\n  - ref: '1'\n    commentary: |\n      line one\n      - not an item\n  - ref: '2'\n",
    "tab in indentation": "actions:\n\t- ref: '1'\n",
    "top-level list": "- ref: '1'\n",
    "indented text before the first key": "  stray\ntitle: T\n",
    "comment and blank lines first": "# a plan\n\n  # indented comment\ntitle: T\nactions:\n  - ref: '1'\n",
    "windows line ends": "title: T\r\nactions:\r\n  - ref: '1'\r\n    title: A\r\n  - ref: '2'\r\n",
}


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_awkward_yaml_read_in_pieces_equals_the_whole_file(text: str) -> None:
    from sendplan_cli.check.pipeline import load_bytes
    from sendplan_cli.git.versions import VersionReader

    whole = load_bytes(text.encode(), "plan.yaml")
    expected = whole.data if whole.ok and isinstance(whole.data, dict) else None
    assert VersionReader().parse(text.encode()) == expected


def test_every_version_of_a_long_generated_history_reads_the_same_in_pieces() -> None:
    import importlib.util

    from sendplan_cli.check.pipeline import load_bytes
    from sendplan_cli.git.versions import VersionReader

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "history.py"
    spec = importlib.util.spec_from_file_location("history_benchmark", script)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    reader = VersionReader()
    for _, _, text in module.history(120):
        assert reader.parse(text.encode()) == load_bytes(text.encode(), "plan.yaml").data


def test_a_finding_about_a_removed_action_sits_at_the_top_and_names_the_commit(
    tmp_path: Path,
) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(
        MOVED_BEFORE + '  - ref: "1.2"\n    title: Publish the guide\n',
        when="2024-06-03T09:00:00+01:00",
    )
    sha = repo.commit(MOVED_BEFORE, when="2024-10-02T09:00:00+01:00", author="Ria Khan")
    [finding] = _history(repo)
    assert finding["name"] == "item-removed" and (finding["line"], finding["column"]) == (1, 1)
    assert (
        finding["message"]
        == f"action 1.2 was removed from the plan in commit {sha[:9]} by Ria Khan on 2024-10-02"
    )


def test_a_version_that_is_not_valid_yaml_is_passed_over(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit("actions: [\n", when="2024-07-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00", author="Jo Bloggs")
    # The broken commit is not a version; the move is judged from the last readable one.
    [finding] = _history(repo)
    assert finding["code"] == "SP501" and "by Jo Bloggs on 2024-09-10" in finding["message"]


def test_a_version_with_a_control_character_is_not_read() -> None:
    from sendplan_cli.git.versions import VersionReader

    reader = VersionReader()
    assert reader.parse((HEADER + MOVED_BEFORE).encode()) is not None
    assert (
        reader.parse((HEADER + MOVED_BEFORE.replace("Scoping", "\x1b[31mScoping")).encode()) is None
    )


def test_a_date_moved_before_the_plan_was_renamed_is_still_found(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path, plan="plans/draft.yaml")
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    sha = repo.commit(MOVED, when="2024-09-10T14:00:00+01:00", author="Jo Bloggs")
    repo.git("mv", "plans/draft.yaml", "plans/plan.yaml")
    repo.commit(when="2024-10-01T14:00:00+01:00", message="Rename the plan")
    [finding] = _history(repo)
    assert finding["code"] == "SP501"
    assert f"in commit {sha[:9]} by Jo Bloggs on 2024-09-10" in finding["message"]


def test_since_a_revision_before_a_rename_reports_only_the_new_problems(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path, plan="plans/draft.yaml")
    base = repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.git("mv", "plans/draft.yaml", "plans/plan.yaml")
    repo.plan = repo.root / "plans" / "plan.yaml"
    repo.commit(
        MOVED_BEFORE.replace("    leads: Jo Lead\n", ""),
        when="2024-07-01T09:00:00+01:00",
        message="Rename",
    )
    done = run_cli(
        "validate",
        "plans/plan.yaml",
        "--as-of",
        AS_OF,
        "--since",
        base,
        "--format",
        "json",
        cwd=repo.root,
    )
    codes = [f["code"] for f in json.loads(done.stdout)["findings"]]
    # The overdue date was already there under the old name; only the lead removed since is new.
    assert codes == ["SP301"]


def test_since_follows_a_rename_however_much_the_plan_changed_after_it(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path, plan="plans/draft.yaml")
    base = repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.git("mv", "plans/draft.yaml", "plans/plan.yaml")
    repo.plan = repo.root / "plans" / "plan.yaml"
    repo.commit(when="2024-07-01T09:00:00+01:00", message="Rename")
    # Later edits rewrite most of the file: git no longer pairs the two names in one diff.
    rewritten = MOVED_BEFORE + "".join(
        f'  - ref: "{n}.1"\n    title: Action {n}\n    leads: Jo Lead\n    due: July 2026\n'
        for n in range(2, 12)
    )
    repo.commit(
        rewritten.replace("    leads: Jo Lead\n    due: July 2024", "    due: July 2024"),
        when="2024-08-01T09:00:00+01:00",
    )
    done = run_cli(
        "validate",
        "plans/plan.yaml",
        "--as-of",
        AS_OF,
        "--since",
        base,
        "--format",
        "json",
        cwd=repo.root,
    )
    codes = [f["code"] for f in json.loads(done.stdout)["findings"]]
    assert (
        "SP101" not in codes and "SP301" in codes
    )  # overdue was there at the base; the lead's removal is new


def test_a_copied_plan_does_not_inherit_the_history_of_the_plan_it_was_copied_from(
    tmp_path: Path,
) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00")  # a silent move in the old plan
    (repo.root / "plans" / "next.yaml").write_bytes(repo.plan.read_bytes())
    repo.commit(when="2024-10-01T09:00:00+01:00", message="Start next year's plan from this one")
    done = run_cli(
        "validate",
        "plans/next.yaml",
        "--as-of",
        AS_OF,
        "--history",
        "--format",
        "json",
        cwd=repo.root,
    )
    assert [
        f["code"] for f in json.loads(done.stdout)["findings"] if f["code"].startswith("SP5")
    ] == []
    assert [f["code"] for f in _history(repo)] == ["SP501"]  # the old plan keeps its own finding


@pytest.mark.parametrize(
    "code", ["SP502", "SP504", "SP505", "SP506"], ids=["update", "ref", "rating", "wording"]
)
def test_putting_it_back_later_leaves_the_finding_and_is_reported_too(
    code: str, tmp_path: Path
) -> None:
    """As each rule's what-to-do says: the finding stays with its commit, and a later commit that
    puts the plan back as it was is a change of its own."""
    rule = next(r for r in HISTORY_RULES if r.code == code)
    examples = dict(_BLOCK.findall(rule.doc))
    repo = PlanRepo(tmp_path)
    repo.commit(examples["Before"], when="2024-06-03T09:00:00+01:00", author="First Author")
    repo.commit(examples["Fails"], when=_committed(examples["Fails"]), author="Jo Bloggs")
    repo.commit(examples["Before"], when="2025-01-12T09:30:00+00:00", author="Ria Khan")
    said = [f["message"] for f in _history(repo) if f["code"] == code]
    assert len(said) == 2, said
    assert "by Jo Bloggs" in said[0] or "by Jo Bloggs" in said[1]
    assert any("by Ria Khan" in message for message in said)


def test_the_hint_on_a_changed_or_reopened_record_never_asks_for_what_is_reported_again(
    tmp_path: Path,
) -> None:
    """Putting a changed update or a title back is itself reported (the test above), so the hint
    printed beside each finding asks for the new update or commentary instead; a removed update may
    simply go back, and a reopened action is reported whatever its commentary says."""
    hints = {}
    for code in ("SP502", "SP504", "SP505"):
        rule = next(r for r in HISTORY_RULES if r.code == code)
        examples = dict(_BLOCK.findall(rule.doc))
        repo = PlanRepo(tmp_path / code)
        repo.commit(examples["Before"], when="2024-06-03T09:00:00+01:00")
        repo.commit(examples["Fails"], when=_committed(examples["Fails"]))
        # SP505's Fails example closes the action (Blue); going back to Before reopens it.
        repo.commit(examples["Before"], when="2025-01-12T09:30:00+00:00")
        hints[code] = [f["hint"] for f in _history(repo) if f["code"] == code]
    assert hints == {
        "SP502": [
            "leave it as the board saw it (changing it back is reported too) and say what "
            "was wrong in this month's update"
        ]
        * 2,
        "SP504": ["give the new work a new ref, and tell the board what became of the old work"]
        * 2,
        "SP505": [
            "say in the commentary what was done to earn the new rating",
            "a reopened action is always reported, so the board sees it: say in the commentary "
            "why the work restarted",
        ],
    }
