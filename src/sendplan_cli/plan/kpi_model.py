"""Key performance indicators in the plan format: numbers with baselines, targets, trajectories and actuals.

Field docstrings become the JSON Schema descriptions editors show. Values are numbers: a value
written the way documents write it ("38%", "1,600") is refused with the number it holds, so a
figure is never guessed at.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema

from sendplan_cli.plan.dates import DatePhrase, parse_date_phrase
from sendplan_cli.plan.fields import DateText, Names, PeriodText, _phrase, empty_list

Unit = Literal[
    "percent",
    "count",
    "days",
    "weeks",
    "months",
    "rate per 1,000",
    "rate per 10,000",
    "rate per 100,000",
    "score",
    "pounds",
]
Direction = Literal["higher-is-better", "lower-is-better", "within-band"]
Reporting = Literal["monthly", "termly", "quarterly", "annual", "academic-year"]

_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_NUMBER_IN_TEXT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# What may surround a number and be dropped without changing it: a unit written beside the figure.
_DECORATION = re.compile(r"(?:\s|%|£|per\s*cent|percent|days?|weeks?|months?)*", re.IGNORECASE)
# Words and signs that make the number a bound rather than a figure: dropping them changes the meaning.
_BOUND = re.compile(
    r"^\s*(?:[<>≤≥]=?|(?:more|greater|fewer|less|lower|higher)\s+than|over|under|above|below"
    r"|at\s+(?:least|most)|up\s+to|no\s+(?:more|less|fewer)\s+than|min(?:imum)?|max(?:imum)?)\s*",
    re.IGNORECASE,
)
_RATIO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*:\s*(\d{1,3}(?:,\d{3})+|\d+)\s*$")
_RATE_UNITS = (
    (1_000, "rate per 1,000"),
    (10_000, "rate per 10,000"),
    (100_000, "rate per 100,000"),
)


def _described(value: Any) -> str:
    """A value that is not text, in words: never a Python type name or repr."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


class NumberTextError(ValueError):
    """A value written as text ("38%", "1,600") where a plain number belongs."""

    def __init__(self, text: str, *, written: bool = True) -> None:
        self.text = text
        found = _NUMBER_IN_TEXT.findall(text)
        self.number: str | None = None
        # Offer the number only when what is dropped is a unit: "write 50" for ">50" would change its meaning.
        if len(found) == 1 and _DECORATION.fullmatch(text.replace(found[0], "", 1)):
            number = float(found[0].replace(",", ""))
            self.number = f"{number:.15g}" if abs(number) < 1e15 else found[0].replace(",", "")
        super().__init__(
            f"{text!r} must be a number" if written else f"expected a number, found {text}"
        )

    @property
    def advice(self) -> str:
        """What to write instead, keeping the figure's meaning."""
        if self.number:
            return f"write {self.number}"
        if _BOUND.match(self.text) and _NUMBER_IN_TEXT.search(self.text):
            return (
                f"{self.text.strip()!r} is a bound, not a figure: record the figure itself (put the bound in `note:`), "
                "or for a target write the number with `comparison:` (above, at_least, below, at_most)"
            )
        ratio = _RATIO.match(self.text)
        if ratio:
            return _ratio_advice(float(ratio[1]), float(ratio[2].replace(",", "")))
        return "write the number only, e.g. 54.2; put any words in `note:`"


class NumberMissing(NumberTextError):
    """A figure left empty (`value:` with nothing after it, or null)."""

    def __init__(self) -> None:
        super().__init__("")
        self.args = ("the figure is empty",)

    @property
    def advice(self) -> str:
        return "write the number, e.g. 54.2, or leave the entry out until there is a figure"


def _ratio_advice(first: float, second: float) -> str:
    # A ratio becomes a rate per 1,000 (or more): offered only when the rate is exact, so the meaning is kept.
    if first > 0 and second > 0:
        for per, unit in _RATE_UNITS:
            rate = first * per / second
            if rate >= 1 and abs(rate * 100 - round(rate * 100)) < 1e-9:
                return f"a ratio is written as a rate: {first:.15g}:{second:.15g} is {round(rate, 2):.15g} per {per:,}; write {round(rate, 2):.15g} with `unit: {unit}`"
    return "write the ratio as a rate: choose `unit: rate per 1,000` (or 10,000 or 100,000) and write how many per that number"


class NumberTooLarge(NumberTextError):
    """A plain number too large for any figure a plan reports (1e400 would be read as infinity)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.number = None
        self.args = (f"{text!r} is too large for a figure",)


# Far above any count, rate or sum of money a plan reports, and below where sums of figures lose
# whole units or overflow.
_LARGEST = 1e15


def _number(value: Any) -> float:
    if value is None:
        raise NumberMissing()
    if isinstance(value, bool):
        raise NumberTextError(str(value).lower())
    if isinstance(value, (int, float)) or (
        isinstance(value, str) and _PLAIN_NUMBER.fullmatch(value.strip())
    ):
        try:
            number = float(value)
        except OverflowError:  # an int beyond any float
            number = float("inf")
        if not abs(number) < _LARGEST:  # also refuses infinity and not-a-number
            raise NumberTooLarge(value.strip() if isinstance(value, str) else repr(value))
        return number
    if isinstance(value, str):
        raise NumberTextError(value)
    raise NumberTextError(_described(value), written=False)


Number = Annotated[
    float,
    PlainValidator(_number),
    WithJsonSchema(
        {
            "type": "number",
            "description": "A plain number, e.g. 54.2 for 54.2% (the unit is given once).",
        }
    ),
]


Comparison = Literal["at_least", "above", "at_most", "below"]
STRICT: frozenset[str] = frozenset({"above", "below"})


class RelativeNumber(NumberTextError):
    """A target written as a change ("+50") where the value to reach belongs."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.number = None
        self.args = (f"{text!r} is a change, not a value to reach",)

    @property
    def advice(self) -> str:
        change = self.text.strip().lstrip("+").strip()
        return (
            f"write the value to reach: the baseline plus {change} (e.g. a baseline of 8 and {self.text.strip()} is 58), "
            f'and keep "{self.text.strip()} on the baseline" in the target\'s `note:`'
        )


def _target_number(value: Any) -> float:
    # A leading plus sign is how plans write a change on the baseline; read as a value it would be a far lower target.
    if isinstance(value, str) and value.strip().startswith("+"):
        raise RelativeNumber(value)
    return _number(value)


TargetNumber = Annotated[
    float,
    PlainValidator(_target_number),
    WithJsonSchema(
        {
            "type": "number",
            "description": "The value to reach, a plain number (not a change such as +5).",
        }
    ),
]


def _target_date(value: Any) -> DatePhrase:
    """ "From March 2021" on a target is the date it holds from, so it is read as that date, not as no date."""
    phrase = _phrase(value)
    if (
        phrase.end is None
        and len(phrase.periods) == 1
        and phrase.periods[0].precision == "open"
        and phrase.periods[0].label
    ):
        dated = parse_date_phrase(phrase.periods[0].label)
        return DatePhrase(phrase.text, dated.periods)
    return phrase


TargetDate = Annotated[
    DatePhrase,
    PlainValidator(_target_date),
    PlainSerializer(lambda phrase: phrase.text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": 'When the value is to be reached, e.g. March 2026 or "From March 2021".',
        }
    ),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, defer_build=True)


class Comparator(_Strict):
    """A figure to compare with, such as England or statistical neighbours."""

    name: str
    """Who the figure is for, e.g. "England" or "Statistical neighbours"."""
    value: Number
    """The comparator's value, a plain number in the indicator's unit."""
    period: PeriodText | None = None
    """The period the figure is for, e.g. "2024" or "2023/24"."""
    source: str | None = None
    """Where the figure comes from, e.g. "DfE SEN2 2024"."""
    unit: Unit | None = None
    """Only when it differs from the indicator's unit (sendplan then reports the mismatch)."""


class Baseline(_Strict):
    """The value when the plan started, and when it was measured."""

    value: Number
    """The baseline value, a plain number in the indicator's unit."""
    period: PeriodText | None = None
    """The period it was measured in, e.g. "March 2024" or "2023/24". Without it the baseline is not SMART."""
    unit: Unit | None = None
    """Only when it differs from the indicator's unit (sendplan then reports the mismatch)."""
    comparators: list[Comparator] = Field(default_factory=empty_list)
    """Benchmarks beside the baseline, e.g. England's figure for the same year."""
    note: str | None = None
    """Anything the board should know about the baseline, e.g. that it was measured with a differently worded question."""


class Target(_Strict):
    """A value the partnership commits to reach, and by when."""

    value: TargetNumber
    """The target value, a plain number in the indicator's unit (not a change: "+50" is refused)."""
    by: TargetDate | None = None
    """When it is to be reached, e.g. "March 2026"; "From March 2021" is read as March 2021. Without it the target is not SMART."""
    comparison: Comparison | None = None
    """How a figure meets it: at_least (the default for higher-is-better), above (strictly), at_most (the default for lower-is-better) or below (strictly)."""
    unit: Unit | None = None
    """Only when it differs from the indicator's unit (sendplan then reports the mismatch)."""
    note: str | None = None
    """Anything the board should know about this target."""


class TrajectoryPoint(_Strict):
    """An interim value expected on the way to the target (a milestone)."""

    value: TargetNumber
    """The value expected by then, a plain number in the indicator's unit (not a change: "+5" is refused)."""
    by: DateText
    """When, e.g. "Dec 2025"; the end of that period is the point on the line."""
    label: str | None = None
    """The plan's name for it, e.g. "Milestone 2"."""
    unit: Unit | None = None
    """Only when it differs from the indicator's unit (sendplan then reports the mismatch)."""


class Actual(_Strict):
    """The figure reached in one reporting period."""

    period: PeriodText
    """The reporting period, e.g. 2025-06, "Q1 25/26", "Autumn term 2025" or "2024/25"; or a range for a part-year or year-to-date figure, e.g. "April 2024 to September 2024"."""
    value: Number
    """The figure, a plain number in the indicator's unit."""
    note: str | None = None
    """Context for the board, e.g. a data quality caveat."""
    provisional: bool = False
    """True while the figure may still be revised."""
    revised: DateText | None = None
    """The day this figure revised an earlier one for the same period, e.g. 2025-03-14; the newest revision stands."""
    comparators: list[Comparator] = Field(default_factory=empty_list)
    """Benchmarks beside this figure, e.g. England, the region or statistical neighbours; give `period:` when the source says for when."""
    unit: Unit | None = None
    """Only when it differs from the indicator's unit (sendplan then reports the mismatch)."""


class DefinitionChange(_Strict):
    """A change to how the indicator is defined or counted, from a date."""

    since: DateText
    """The period from which the new definition applies."""
    note: str
    """What changed, as a footnote for the board paper."""


class Band(_Strict):
    """The range an indicator should stay within, for direction within-band."""

    lower: Number
    """The lowest value inside the band."""
    upper: Number
    """The highest value inside the band."""


class Tolerance(_Strict):
    """How far worse than expected a figure may be and still rate Green or Amber; beyond that it is Red."""

    amber: Number
    """A shortfall up to this rates Amber; more rates Red."""
    green: Number = 0.0
    """A shortfall up to this still rates Green (default 0: Green means on or better than expected)."""
    basis: Literal["units", "percent-of-expected"] = "units"
    """units: in the indicator's unit (points for a percentage); percent-of-expected: a percentage of the value expected."""


DEFAULT_TOLERANCE = Tolerance(amber=5.0, basis="percent-of-expected")


class Indicator(_Strict):
    """A key performance indicator (KPI): a number with a baseline, targets, a trajectory and monthly actuals."""

    id: str
    """Short identifier, e.g. "KPI 1"; actions' measures cite it."""
    name: str
    """What is measured, e.g. "New EHC plans issued within 20 weeks"."""
    definition: str | None = None
    """Exactly how it is counted: numerator, denominator, exclusions."""
    unit: Unit
    """percent, count, days, weeks, months, rate per 1,000 / 10,000 / 100,000, score or pounds."""
    direction: Direction | None = None
    """higher-is-better, lower-is-better, or within-band (with `band`). Without it the indicator is not rated."""
    band: Band | None = None
    """For direction within-band: the range to stay within."""
    owner: str | None = None
    """The lead accountable for the indicator."""
    recommendations: Names = Field(default_factory=empty_list)
    """Ids of the recommendations this indicator evidences."""
    actions: Names = Field(default_factory=empty_list)
    """Refs of the actions this indicator evidences."""
    source: str | None = None
    """Where the figure comes from, e.g. "Local EHCP case management system"."""
    reporting: Reporting | None = None
    """How often a figure is due: monthly, termly, quarterly, annual or academic-year."""
    lag_months: int = 1
    """Months after a period ends before its figure is due (default 1)."""
    baseline: Baseline | None = None
    """The value when the plan started."""
    targets: list[Target] = Field(default_factory=empty_list)
    """Values to reach and by when; several are allowed."""
    trajectory: list[TrajectoryPoint] = Field(default_factory=empty_list)
    """Interim values expected on the way, each dated."""
    stepped: bool = False
    """True when each trajectory value holds until the next point, instead of a straight line between points."""
    tolerance: Tolerance | None = None
    """How far off trajectory is still Green or Amber, overriding the plan's `indicator_tolerance`."""
    actuals: list[Actual] = Field(default_factory=empty_list)
    """The figures reached, one per reporting period."""
    definition_changes: list[DefinitionChange] = Field(default_factory=empty_list)
    """Changes to the definition, each dated from when it applies."""
