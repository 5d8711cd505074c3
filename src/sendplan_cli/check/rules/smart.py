"""Rules about SMART actions and the plan's structure: leads, measures, links, refs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sendplan_cli.check.rules.base import Context, Finding, rule
from sendplan_cli.plan.locate import suggest


@rule("SP301", "no-lead", "warning", reads={"leads", "activities"})
def no_lead(ctx: Context) -> Iterator[Finding]:
    """An action with no accountable lead.

    Why: an action nobody owns is not achievable. Name a lead for the action, or a lead
    for each of its activities.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        leads: [Caroline Tozzi]
    ```
    """
    for index, action in enumerate(ctx.plan.actions):
        if not action.leads and not any(a.leads for a in action.activities):
            yield Finding(
                ("actions", index, "ref"),
                f"action {action.ref} has no accountable lead",
                action.ref,
                "add `leads:` naming who is accountable",
                key=True,
            )


@rule("SP302", "unknown-lead", "warning", reads={"leads", "activities", "plan"})
def unknown_lead(ctx: Context) -> Iterator[Finding]:
    """A lead who is not in the plan's people directory.

    Why: when a plan keeps a directory of people, a lead spelt differently ("Sally Keen")
    splits one person's actions across two names in the per-lead digest. Only checked when
    the plan has a `people:` list.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    people:
      - name: Sally Kean
    actions:
      - ref: "1.3"
        title: Develop waiting well offer for SaLT
        leads: [Sally Keen]
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    people:
      - name: Sally Kean
    actions:
      - ref: "1.3"
        title: Develop waiting well offer for SaLT
        leads: [Sally Kean]
    ```
    """
    if ctx.plan.people is None:
        return
    names = [p.name for p in ctx.plan.people]
    for index, action in enumerate(ctx.plan.actions):
        places: list[tuple[tuple[str | int, ...], str]] = [
            (("actions", index, "leads", j), lead) for j, lead in enumerate(action.leads)
        ]
        for k, activity in enumerate(action.activities):
            places += [
                (("actions", index, "activities", k, "leads", j), lead)
                for j, lead in enumerate(activity.leads)
            ]
        for pointer, lead in places:
            if lead not in names:
                close = suggest(lead, names)
                yield Finding(
                    pointer,
                    f"lead {lead!r} of action {action.ref} is not in the people directory",
                    action.ref,
                    f"did you mean '{close}'?" if close else "add them under `people:`",
                )


@rule("SP303", "no-success-measure", "warning", reads={"success_measures", "measures"})
def no_success_measure(ctx: Context) -> Iterator[Finding]:
    """An action with nothing that says how success will be known.

    Why: the M of SMART. Give at least one success measure (the evidence of impact) or a
    quantified measure with a target.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "3.1"
        title: Improve timeliness of completing EHC plans
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "3.1"
        title: Improve timeliness of completing EHC plans
        success_measures:
          - EHC needs assessments completed within 20 weeks
    ```
    """
    for index, action in enumerate(ctx.plan.actions):
        if not action.success_measures and not action.measures:
            yield Finding(
                ("actions", index, "ref"),
                f"action {action.ref} has no success measure",
                action.ref,
                "add `success_measures:` or `measures:`",
                key=True,
            )


@rule("SP304", "unlinked-action", "warning", reads={"recommendations"})
def unlinked_action(ctx: Context) -> Iterator[Finding]:
    """An action that answers no inspection recommendation.

    Why: the plan exists to answer the inspection. Say which recommendation each action serves.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    recommendations:
      - id: AfI 1
        text: Address waiting well arrangements.
    actions:
      - ref: "1.1"
        title: Develop waiting well offer
        recommendations: [AfI 1]
    ```
    """
    for index, action in enumerate(ctx.plan.actions):
        if not action.recommendations:
            yield Finding(
                ("actions", index, "ref"),
                f"action {action.ref} answers no recommendation",
                action.ref,
                "add `recommendations:` with the id it answers",
                key=True,
            )


@rule("SP305", "recommendation-without-action", "error", reads={"recommendations", "plan"})
def recommendation_without_action(ctx: Context) -> Iterator[Finding]:
    """An inspection recommendation that no action answers.

    Why: inspectors will ask how each recommendation is being addressed; one with no action
    is a gap in the plan.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    recommendations:
      - id: AfI 2
        text: Assess children at high risk of aspiration.
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    recommendations:
      - id: AfI 2
        text: Assess children at high risk of aspiration.
    actions:
      - ref: "2.1"
        title: Video fluoroscopy unit fully functioning
        recommendations: [AfI 2]
    ```
    """
    answered = {rec for action in ctx.plan.actions for rec in action.recommendations}
    for index, rec in enumerate(ctx.plan.recommendations):
        if rec.id not in answered:
            yield Finding(
                ("recommendations", index, "id"),
                f"recommendation {rec.id} is answered by no action",
                None,
                f"add an action with `recommendations: [{rec.id}]`",
            )


@rule("SP306", "duplicate-ref", "error", reads={"ref", "plan"})
def duplicate_ref(ctx: Context) -> Iterator[Finding]:
    """Two actions share a ref.

    Why: refs are how boards, updates and reports name an action; a repeated ref makes
    updates ambiguous. Refs are compared as written, ignoring surrounding spaces.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.1"
        title: Develop waiting well offer for ND
      - ref: "1.1"
        title: Develop waiting well offer for SaLT
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "1.1"
        title: Develop waiting well offer for ND
      - ref: "1.3"
        title: Develop waiting well offer for SaLT
    ```
    """
    first: dict[str, int] = {}
    for index, action in enumerate(ctx.plan.actions):
        ref = action.ref.strip()
        if ref in first:
            yield Finding(
                ("actions", index, "ref"),
                f"ref {ref!r} is already used by another action",
                ref,
                "give each action its own ref",
                related=("actions", first[ref], "ref"),
            )
        else:
            first[ref] = index


# YAML 1.2's numbers, as other tools (editors, check-jsonschema) read an unquoted value.
_YAML_NUMBER = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
)
_NAMING_KEYS = frozenset({"ref", "id", "recommendations", "workstream"})


@rule("SP307", "unquoted-number", "info", reads={"ref", "recommendations"})
def unquoted_number(ctx: Context) -> Iterator[Finding]:
    """A ref or id written as an unquoted number that other YAML tools read differently.

    Why: sendplan reads `ref: 2.10` as written, but editors, spreadsheets and other YAML tools
    read it as the number 2.1, so action 2.10 becomes 2.1 the moment the plan leaves sendplan.
    Quoting the value keeps it the same everywhere. Information only.

    Fails:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: 2.10
        title: Review the local offer
    ```

    Passes:

    ```yaml
    # as-of: 2024-04-30
    actions:
      - ref: "2.10"
        title: Review the local offer
    ```
    """
    loaded = ctx.source
    if loaded is None:
        return
    lines = loaded.text.splitlines()
    for pointer, value in _naming_values(loaded.data, ()):
        if not _YAML_NUMBER.fullmatch(value) or _as_number_text(value) == value:
            continue
        line, column = loaded.position(pointer)
        written = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
        if written in ("'", '"'):
            continue
        key = pointer[-1] if isinstance(pointer[-1], str) else pointer[-2]
        ref = value if key == "ref" else None
        yield Finding(
            pointer,
            f"{key} {value} is unquoted: other YAML tools read it as the number {_as_number_text(value)}",
            ref,
            f'quote it: "{value}"',
        )


def _naming_values(node: object, pointer: tuple) -> Iterator[tuple[tuple, str]]:  # type: ignore[type-arg]
    # Only containers are descended into: most nodes are text, and a generator per text value
    # was most of this rule's time.
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _NAMING_KEYS and isinstance(value, str):
                yield (*pointer, key), value
            elif key in _NAMING_KEYS and isinstance(value, list):
                yield from (
                    ((*pointer, key, i), v) for i, v in enumerate(value) if isinstance(v, str)
                )
            elif isinstance(value, (dict, list)):
                yield from _naming_values(value, (*pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, (dict, list)):
                yield from _naming_values(value, (*pointer, index))


def _as_number_text(value: str) -> str:
    """How a YAML 1.2 tool shows the number: 2.10 -> 2.1, 007 -> 7, 1e3 -> 1000.0."""
    lowered = value.lower().lstrip("+")
    if lowered.startswith(("0o", "0x")):
        return str(int(lowered, 8 if lowered.startswith("0o") else 16))
    if re.fullmatch(r"-?[0-9]+", lowered):
        return str(int(lowered))
    return repr(float(lowered))
