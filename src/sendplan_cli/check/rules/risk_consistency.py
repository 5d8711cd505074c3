"""Rules about what a risk says against the rest of the plan: its written score, and the actions it names."""

from __future__ import annotations

from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.locate import suggest
from sendplan_cli.plan.risk_matrix import HIGHEST, LOWEST, band
from sendplan_cli.plan.risk_scores import rated_risks

# The score rule reads only the risks; resolving linked actions reads the actions' refs too.
_RISKS = frozenset({"plan"})
_RISKS_AND_REFS = frozenset({"ref", "plan"})


@rule("SP603", "risk-score-mismatch", "error", reads=_RISKS)
def risk_score_mismatch(ctx: Context) -> Iterator[Finding]:
    """A risk whose written score is not its likelihood times its impact.

    Why: the score orders the risk register and sets the rating the board sees. sendplan
    works it out from likelihood and impact; a score typed by hand that disagrees (often left
    behind when the likelihood was revised) puts the risk in the wrong place. Remove `score:`
    or correct likelihood and impact.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    risks:
      - id: R2
        description: Health advice for EHC needs assessments arrives after six weeks
        owner: Designated Clinical Officer
        likelihood: 3
        impact: 4
        score: 16
        mitigation: Weekly tracking of advice requests with NHS providers
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    risks:
      - id: R2
        description: Health advice for EHC needs assessments arrives after six weeks
        owner: Designated Clinical Officer
        likelihood: 3
        impact: 4
        mitigation: Weekly tracking of advice requests with NHS providers
    ```
    """
    for rated in rated_risks(ctx.plan):
        if rated.written_score_differs:
            risk = rated.risk
            yield Finding(
                (*rated.pointer, "score"),
                f"risk {risk.id} gives score {_written(risk.score)}, but likelihood"
                f" {risk.likelihood} x impact {risk.impact} is {rated.score} ({rated.band})",
                None,
                "remove `score:` (sendplan works it out), or correct likelihood and impact",
            )


def _written(value: int | None) -> str:
    """A typed score with its band; a score no likelihood and impact can give is said to be off the matrix."""
    if value is None or not LOWEST <= value <= HIGHEST * HIGHEST:
        return f"{value}, which is off the 5x5 matrix ({LOWEST} to {HIGHEST * HIGHEST})"
    return f"{value} ({band(value)})"


@rule("SP604", "unknown-risk-action", "error", reads=_RISKS_AND_REFS)
def unknown_risk_action(ctx: Context) -> Iterator[Finding]:
    """A risk linked to an action ref that no action in the plan has.

    Why: a risk's `actions:` say which actions mitigate it; a ref with no action (a typo, or an
    action renumbered or removed) leaves the risk looking mitigated by work that does not exist.

    Fails:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "3.1"
        title: Improve timeliness of completing EHC plans
    risks:
      - id: R1
        description: Too few educational psychologists to complete EHC needs assessments in 20 weeks
        owner: Principal Educational Psychologist
        likelihood: 4
        impact: 4
        mitigation: Locum psychologists commissioned
        actions: ["3.2"]
    ```

    Passes:

    ```yaml
    # as-of: 2025-01-15
    actions:
      - ref: "3.1"
        title: Improve timeliness of completing EHC plans
    risks:
      - id: R1
        description: Too few educational psychologists to complete EHC needs assessments in 20 weeks
        owner: Principal Educational Psychologist
        likelihood: 4
        impact: 4
        mitigation: Locum psychologists commissioned
        actions: ["3.1"]
    ```
    """
    refs = [action.ref.strip() for action in ctx.plan.actions]
    for rated in rated_risks(ctx.plan):
        for item, ref in enumerate(rated.risk.actions):
            if ref.strip() in refs:
                continue
            close = suggest(ref.strip(), refs)
            yield Finding(
                (*rated.pointer, "actions", item),
                f"risk {rated.risk.id} is linked to action {ref.strip()}, which the plan does not have",
                None,
                f"did you mean '{close}'?"
                if close
                else "check the ref (`sendplan list` shows every action's), or remove it from `actions:`",
            )
