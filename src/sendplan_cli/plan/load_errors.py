"""What each load error means: the problems that stop a file being read as a plan (SP0xx).

They are not rules: they cannot be switched off, and each always fails the run. `sendplan rules`
lists them and `sendplan explain` prints them beside the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from sendplan_cli.plan.dates import ACCEPTED_FORMS
from sendplan_cli.plan.diagnostics import LOAD_CODES
from sendplan_cli.plan.loader import MAX_ALIAS_EXPANSION, MAX_DEPTH
from sendplan_cli.plan.reading import MAX_FILE_SIZE


@dataclass(frozen=True)
class LoadError:
    code: str
    name: str
    summary: str
    fix: str
    covers: str = ""
    """What exactly counts, where the summary alone would leave a reader guessing."""

    @property
    def meaning(self) -> str:
        """What the error means: the summary, then what exactly counts."""
        return f"{self.summary} {self.covers}".strip()

    @property
    def doc(self) -> str:
        return f"{self.meaning}\n\nThis is a load error: it always fails the run and cannot be switched off.\n\nWhat to do: {self.fix}"


_TEXT: dict[str, tuple[str, str]] = {
    "unreadable-file": (
        "The file cannot be opened or read.",
        "check the path and that you may read the file; a plan must be an ordinary file.",
    ),
    "encoding-error": (
        "The file is not UTF-8 text, or holds a control character YAML does not allow.",
        "save the file as UTF-8 and delete the character at the position given.",
    ),
    "yaml-syntax": (
        "The file is not valid YAML at the position given.",
        "look at the line given and the one before it: a missing colon, a stray quote or bracket, "
        "or indentation with tabs are the usual causes.",
    ),
    "duplicate-key": (
        "The same key is set twice in one mapping; YAML tools disagree about which value wins.",
        "keep one of the two lines named in the message.",
    ),
    "unsupported-yaml": (
        "The file uses YAML that plans do not need: tags, several documents, aliases that expand "
        "hugely, complex keys or very deep nesting.",
        "write the content out plainly: text, lists and mappings.",
    ),
    "not-a-plan": (
        "The file holds no YAML mapping of a plan (it is empty, a list or a single value).",
        "start from `sendplan new` or a bundled plan.",
    ),
    "unknown-key": (
        "A key the plan format does not have, often a misspelling.",
        "use the key suggested in the hint, or remove the line.",
    ),
    "missing-key": (
        "A key the plan format requires is missing.",
        "add the key named in the message at the place given.",
    ),
    "wrong-type": (
        "A value of the wrong kind: a list where text is expected, a mapping where a list is, ...",
        "write the value in the form the message names. A figure is a plain number in the indicator's "
        'unit: 1600, not "1,600" (inside { } the comma would split it); 38, not "38%". A bound such as '
        '">50" is not a figure: for a target write 50 with `comparison: above` (or at_least, below, at_most). '
        "A ratio such as 1:500 is a rate: 2 with `unit: rate per 1,000`. A target is the value to reach, "
        'not a change: the baseline plus 50, not "+50".',
    ),
    "bad-date": (
        "A date that cannot be read.",
        "write it in one of these forms:\n" + "\n".join(f"- {form}" for form in ACCEPTED_FORMS),
    ),
    "unknown-rating": (
        "A rating that is not on the plan's own rating scale.",
        "use one of the ratings listed in the hint, or add it to the plan's rating_scale.",
    ),
    "invalid-value": (
        "A value the plan format does not allow here.",
        "use one of the values the hint names.",
    ),
    "unknown-reference": (
        "A reference to a recommendation or workstream id that the plan does not define.",
        "correct the id (the hint suggests the closest), or define it first.",
    ),
}

# What exactly counts as each error, for the reference and `sendplan explain`.
_COVERS: dict[str, str] = {
    "unreadable-file": (
        "This includes a path that is not a regular file (a directory, a named pipe, a device "
        "such as `/dev/zero`: refused at once, never read) and a file larger than the size limit "
        f"({MAX_FILE_SIZE:,} bytes unless `max-file-size` in the configuration says otherwise)."
    ),
    "encoding-error": (
        "A byte-order mark is fine. A control character is refused whether it is raw or written "
        'as an escape in a double-quoted value (`"\\e"`, `"\\a"`, `"\\r"`, `"\\x85"`, '
        '`"\\u001b"`); `"\\n"` and `"\\t"` are allowed, as new lines and tabs are ordinary in prose.'
    ),
    "yaml-syntax": (
        "Tabs used for indentation count too. The finding is placed on the line to fix and says "
        "what to check there: its indentation against the line above, a missing colon, a colon or "
        "leading `@` that needs quotes, an unclosed quote or bracket."
    ),
    "duplicate-key": "The message names both lines.",
    "unsupported-yaml": (
        "Precisely: several documents in one file, a tag such as `!!python/...`, aliases that "
        f"expand beyond {MAX_ALIAS_EXPANSION:,} nodes, nesting deeper than {MAX_DEPTH} levels, or "
        "a key that is not plain text."
    ),
    "unknown-key": "The hint suggests the closest key the format has.",
    "wrong-type": "This includes a figure too large to be one (`1e400`).",
    "bad-date": "A year outside 1900 to 2999 cannot be read either.",
    "unknown-rating": "The hint suggests the closest rating on the scale.",
    "unknown-reference": (
        "An action cites a recommendation id, or a recommendation a workstream id, that does not "
        "exist."
    ),
}

LOAD_ERRORS: tuple[LoadError, ...] = tuple(
    LoadError(
        code,
        name,
        *_TEXT.get(name, (f"The file is not a valid plan: {name}.", "read the message and hint.")),
        covers=_COVERS.get(name, ""),
    )
    for name, code in sorted(LOAD_CODES.items(), key=lambda item: item[1])
)
