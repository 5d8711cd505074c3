"""The explicit registry of rules: `sendplan rules` lists it, the engine runs it."""

from __future__ import annotations

from sendplan_cli.check.rules import (
    coproduction,
    deadlines,
    dependencies,
    dependency_dates,
    governance,
    history,
    ignores,
    indicator_links,
    indicators,
    monitoring,
    ratings,
    risk_consistency,
    risks,
    smart,
)
from sendplan_cli.check.rules.base import Context, Finding, Options, Rule

RULES: tuple[Rule, ...] = (
    deadlines.overdue,
    deadlines.milestone_overdue,
    deadlines.due_soon,
    deadlines.not_time_bound,
    ratings.rating_contradicts_dates,
    ratings.rating_contradicts_impact,
    ratings.missing_commentary,
    ratings.stale_rating,
    ratings.unrated,
    ratings.update_misdated,
    smart.no_lead,
    smart.unknown_lead,
    smart.no_success_measure,
    smart.unlinked_action,
    smart.recommendation_without_action,
    smart.duplicate_ref,
    smart.unquoted_number,
    indicators.late_data,
    indicators.off_trajectory,
    indicators.target_missed,
    indicators.indicator_not_smart,
    indicators.actual_misdated,
    indicators.no_figure_for_target,
    indicators.figure_gap,
    indicator_links.duplicate_period,
    indicator_links.unit_mismatch,
    indicator_links.impact_contradicts_indicators,
    indicator_links.unknown_indicator_reference,
    indicator_links.rating_without_figures,
    risks.risk_incomplete,
    risks.risk_review_overdue,
    risk_consistency.risk_score_mismatch,
    risk_consistency.unknown_risk_action,
    dependencies.unknown_dependency,
    dependencies.dependency_cycle,
    dependency_dates.due_before_dependency,
    dependency_dates.dependency_overdue,
    *history.HISTORY_RULES,
    governance.priority_action_unanswered,
    governance.priority_action_unmeasured,
    monitoring.priority_action_after_monitoring,
    monitoring.review_evidence_due,
    coproduction.evidence_missing,
    coproduction.priority_action_without_voice,
    coproduction.unknown_action_link,
    governance.priority_actions_not_typed,
    ignores.suppression_without_reason,
    ignores.suppression_expired,
    ignores.unused_suppression,
)
_BY_KEY = {key: r for r in RULES for key in (r.code, r.name)}


def get(key: str) -> Rule:
    """A rule by code (SP101) or name (overdue); KeyError names the valid ones."""
    found = _BY_KEY.get(key) or _BY_KEY.get(key.upper())
    if found is None:
        raise KeyError(key)
    return found


__all__ = ["RULES", "Context", "Finding", "Options", "Rule", "get"]
