"""The one error type for tool failures (bad option, unreadable config); the CLI turns it into exit 2."""


class UsageError(Exception):
    """A problem with how sendplan was called or configured, not with a plan."""
