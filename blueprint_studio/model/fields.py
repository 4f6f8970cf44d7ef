"""Fields of an entity, described once: their type, check, default, column and JSON name.

A `Field` knows how to normalise a value or refuse it with a `ModelError` that names the
field. Operations, the project file, the JSON reader and the inspector all call
`Field.check`, so there is one definition of a valid value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field as dataclass_field
from enum import Enum
from typing import Any

from . import limits
from .errors import LimitError, ModelError, Phrase

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_ID_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Field:
    """One attribute of an entity's dataclass.

    type: "text", "bool", "int", "float", "enum", "colour", "ref" (the id of another
    entity of the same scope, named by `references`) or "order" (a position within the
    entity's group, for kinds ordered by group).
    """

    name: str
    type: str
    label: str  # English, for messages: "Emotion", "Column width"
    default: Any = ""
    nullable: bool = False
    enum: type[Enum] | None = None
    low: float | None = None
    high: float | None = None
    references: str | None = None  # the kind a "ref" field points to
    column: str = ""  # the table column; default: the name
    json: str = ""  # the key in JSON; default: the name
    editable: bool = True  # changed by Update (refs and orders change by Move or not at all)
    max_length: int | None = None  # for text: the most characters (model.limits)
    extra_check: Callable[[Any], Any] | None = None
    # The common case without a call chain: loading 5,000 cards checks 85,000 values.
    _accepts: Callable[[Any], bool] = dataclass_field(init=False, compare=False, repr=False,
                                                      default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_accepts", _fast_accept(self))

    @property
    def column_name(self) -> str:
        return self.column or self.name

    @property
    def json_name(self) -> str:
        return self.json or self.name

    def check(self, value: Any) -> Any:
        """The normalised value, or ModelError naming this field."""
        if value is None and self.nullable:
            return None
        if self._accepts(value):
            return value
        label = Phrase(self.label)
        checker = _CHECKS[self.type]
        result = checker(self, value, label)
        return self.extra_check(result) if self.extra_check is not None else result


def _fast_accept(field: Field) -> Callable[[Any], bool]:
    """A quick yes for values that are already exactly right (no normalising needed);
    anything else takes the full check, which normalises or explains the refusal."""
    if field.extra_check is not None:
        return lambda value: False
    if field.type == "text":
        limit = field.max_length if field.max_length is not None else math.inf
        return lambda value: type(value) is str and len(value) <= limit
    if field.type == "bool":
        return lambda value: value is True or value is False
    if field.type == "enum":
        members = field.enum
        return lambda value: type(value) is members
    if field.type == "ref":
        return lambda value: type(value) is str and 0 < len(value) <= MAX_ID_LENGTH and not value.isspace()
    if field.type == "int":
        low = -math.inf if field.low is None else field.low
        high = math.inf if field.high is None else field.high
        return lambda value: type(value) is int and low <= value <= high
    if field.type == "order":
        return lambda value: type(value) is int and value >= 0
    return lambda value: False


def _text(field: Field, value: Any, label: Phrase) -> str:
    if not isinstance(value, str):
        raise ModelError("{field} must be text", field=label)
    if field.max_length is not None and len(value) > field.max_length:
        raise LimitError("{field} holds {length} characters; at most {limit} are allowed",
                         field=label, length=f"{len(value):,}", limit=f"{field.max_length:,}")
    return value


def _bool(field: Field, value: Any, label: Phrase) -> bool:
    # SQLite keeps booleans as 0 / 1; anything else ('false', 2, 0.5) is not a yes or no.
    if value is True or value is False:
        return value
    if type(value) is int and value in (0, 1):
        return bool(value)
    raise ModelError("{field} must be yes or no", field=label)


def _number(field: Field, value: Any, label: Phrase, whole: bool) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            whole and not isinstance(value, int)):
        template = "{field} must be a whole number" if whole else "{field} must be a number"
        raise ModelError(template, field=label)
    if isinstance(value, float) and not math.isfinite(value):
        raise ModelError("{field} must be a number", field=label)
    if (field.low is not None and value < field.low) or (field.high is not None and value > field.high):
        raise ModelError("{field} must be from {low} to {high}", field=label,
                         low=_shown_number(field.low), high=_shown_number(field.high))
    return int(value) if whole else float(value)


def _shown_number(value: float | None) -> str:
    if value is None:
        return "…"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:.4g}"


def _enum(field: Field, value: Any, label: Phrase) -> Any:
    assert field.enum is not None
    if field.nullable and value == "":
        return None
    try:
        return field.enum(value)
    except (ValueError, TypeError):
        allowed = ", ".join(member.value for member in field.enum)
        raise ModelError("{field} cannot be {value}; it is one of: {allowed}", field=label,
                         value=_quoted(value), allowed=allowed) from None


def _colour(field: Field, value: Any, label: Phrase) -> str:
    text = _text(field, value, label)
    if text and not _COLOUR.match(text):
        raise ModelError("{field} must look like #1a2b3c, not {value}", field=label,
                         value=_quoted(text))
    return text.lower()


def _ref(field: Field, value: Any, label: Phrase) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID_LENGTH:
        raise ModelError("{field} must be an id of at most {n} characters", field=label,
                         n=MAX_ID_LENGTH)
    return value


def _order(field: Field, value: Any, label: Phrase) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ModelError("{field} must be a whole number from 0", field=label)
    return value


def _quoted(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:39] + "…"


_CHECKS: dict[str, Callable[[Field, Any, Phrase], Any]] = {
    "text": _text,
    "bool": _bool,
    "int": lambda f, v, label: _number(f, v, label, whole=True),
    "float": lambda f, v, label: _number(f, v, label, whole=False),
    "enum": _enum,
    "colour": _colour,
    "ref": _ref,
    "order": _order,
}


# -- shorthands for descriptions ---------------------------------------------------------

def text(name: str, label: str, max_length: int = limits.NAME, **options: Any) -> Field:
    return Field(name, "text", label, max_length=max_length, **options)


def flag(name: str, label: str, default: bool = False, **options: Any) -> Field:
    return Field(name, "bool", label, default=default, **options)


def choice(name: str, label: str, enum: type[Enum], default: Any, **options: Any) -> Field:
    return Field(name, "enum", label, default=default, enum=enum, **options)


def colour(name: str = "colour", label: str = "Colour") -> Field:
    return Field(name, "colour", label, max_length=7)


def ref(name: str, label: str, references: str) -> Field:
    return Field(name, "ref", label, default=None, references=references, editable=False)
