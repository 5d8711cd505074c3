"""Rules about the plan's records of evidence, co-production and decisions (plan/governance_records.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.evidence_paths import OUTSIDE, evidence_problem


@rule("SP805", "evidence-missing", "error")
def evidence_missing(ctx: Context) -> Iterator[Finding]:
    """Evidence cited by a path that does not exist in the repository.

    Why: an update's `evidence:` is what the board and inspectors will ask to see. A `path` is read
    relative to the plan file and must name a file or folder inside the plan's repository; a moved
    or misspelt path leaves the claim unsupported. Paths outside the repository are not looked at.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Recruit educational psychologists
        due: July 2025
        updates:
          - month: 2024-12
            evidence:
              - {title: Recruitment report, path: evidence/no-such-report.pdf}
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "1.1"
        title: Recruit educational psychologists
        due: July 2025
        updates:
          - month: 2024-12
            evidence:
              - {title: Recruitment report, link: "https://example.org/recruitment-report"}
    ```
    """
    root = ctx.repository()
    if root is None:
        return
    folder = Path(ctx.source.path).resolve().parent
    for i, action in enumerate(ctx.plan.actions):
        for j, update in enumerate(action.updates):
            for k, evidence in enumerate(update.evidence):
                if evidence.path is None:
                    continue
                where = ("actions", i, "updates", j, "evidence", k, "path")
                problem = evidence_problem(folder, root, evidence.path)
                if problem == OUTSIDE:
                    yield Finding(
                        where,
                        f"evidence {evidence.title!r} for action {action.ref} points outside the repository",
                        action.ref,
                        "keep the document in the plan's repository and give its path from the "
                        "plan's folder, or give a `link` instead",
                    )
                elif problem is not None:
                    yield Finding(
                        where,
                        f"evidence {evidence.title!r} for action {action.ref} is not at {evidence.path!r}",
                        action.ref,
                        "correct the path (it is read from the plan's folder), or add the document",
                    )


def _months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - date(year, month, 1)).days))


@rule("SP806", "priority-action-without-voice", "warning")
def priority_action_without_voice(ctx: Context) -> Iterator[Finding]:
    """An open priority action with no co-production record in the last quarter.

    Why: inspectors look for the voice of children, young people and families in the response to
    every area for priority action. Each open action answering one should be linked from a
    `voice:` record ("you said, we did") dated within the last `voice-months` (default 3).

    Fails:

    ```yaml
    # as-of: 2025-01-15
    recommendations:
      - {id: APA 1, type: area-for-priority-action, text: Improve the timeliness of EHC plans.}
    actions:
      - {ref: "1.1", title: Recruit educational psychologists, recommendations: [APA 1], due: July 2025}
    voice:
      - date: 2024-06-12
        source: Parent Carer Forum
        said: Families wait too long to hear about assessments.
        actions: ["1.1"]
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    recommendations:
      - {id: APA 1, type: area-for-priority-action, text: Improve the timeliness of EHC plans.}
    actions:
      - {ref: "1.1", title: Recruit educational psychologists, recommendations: [APA 1], due: July 2025}
    voice:
      - date: 2024-11-20
        source: Parent Carer Forum
        said: Families wait too long to hear about assessments.
        actions: ["1.1"]
        we_did: A monthly letter now tells each family where their assessment is.
    ```
    """
    start = _months_before(ctx.as_of, ctx.options.voice_months)
    heard = {
        ref
        for record in ctx.plan.voice
        if start <= record.date <= ctx.as_of
        for ref in record.actions
    }
    for index, action in ctx.open_priority_actions():
        if action.ref not in heard:
            yield Finding(
                ("actions", index, "ref"),
                f"priority action {action.ref} has no co-production record since {start:%d %b %Y}",
                action.ref,
                "add a `voice:` record of what children, young people or parent carers said about "
                f'it, with `actions: ["{action.ref}"]`',
            )


@rule("SP807", "unknown-action-link", "error")
def unknown_action_link(ctx: Context) -> Iterator[Finding]:
    """A voice record or decision links an action ref the plan does not have.

    Why: a "you said, we did" record or a decision about an action that does not exist (a typo, or
    an action renumbered since) is lost from every report about that action.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - {ref: "1.1", title: Recruit educational psychologists, due: July 2025}
    decisions:
      - {date: 2024-12-05, decision: Fund two more posts, by: SEND Partnership Board, actions: ["1.2"]}
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - {ref: "1.1", title: Recruit educational psychologists, due: July 2025}
    decisions:
      - {date: 2024-12-05, decision: Fund two more posts, by: SEND Partnership Board, actions: ["1.1"]}
    ```
    """
    refs = {a.ref for a in ctx.plan.actions}
    linked = [("voice", i, r.actions) for i, r in enumerate(ctx.plan.voice)] + [
        ("decisions", i, r.actions) for i, r in enumerate(ctx.plan.decisions)
    ]
    for key, i, actions in linked:
        for j, ref in enumerate(actions):
            if ref not in refs:
                record = "voice record" if key == "voice" else "decision"
                yield Finding(
                    (key, i, "actions", j),
                    f"{record} {i + 1} under `{key}:` links action {ref!r}, which the plan does not have",
                    hint='use the ref of an action under `actions:` (quote it, e.g. "1.1")',
                )
