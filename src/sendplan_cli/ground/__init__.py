"""The ground floor: helpers every other package stands on, knowing nothing about plans.

The sanitiser (plan text shown safely), the atomic writer, the plan lock and the one error type for
tool failures. Nothing here imports from the rest of sendplan, so any floor may use it.
"""
