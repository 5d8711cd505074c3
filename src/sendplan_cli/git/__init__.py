"""What git says about a plan: its versions, the changes between them, findings' identities, timelines.

Reading only: nothing here runs a rule or writes to the repository. The history rules that judge
the changes live in check/rules/history.py.
"""
