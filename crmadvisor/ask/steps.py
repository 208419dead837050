"""The questions as data: what a step asks, where its answer is kept, how the summary shows it.

A step names a field of the answers file ("company", "traits.sales_volume", "constraints.budget",
"loyalty.company_ids", or any new top-level field such as "must_haves") and the kind of question that
fills it: one option of a list, any options of a list, or typed text. Adding a question to a
questionnaire is adding one `Step` to its list; the engine asks it, saves it, resumes at it and
shows it in the summary. A kind may also be a function of the answers so far, for options that
depend on earlier answers. A new top-level field defaults to None in `Answers`: None is "not asked
yet", an empty tuple "asked, nothing ticked". No terminal code here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crmadvisor.ask.budget import Budget
from crmadvisor.model.schema import Answers


@dataclass(frozen=True, slots=True)
class Option:
    value: Any  # what the answers file keeps: an option id, or None for "no constraint"
    label: str


@dataclass(frozen=True, slots=True)
class OneOf:
    """Pick one option; the pointer starts on the current answer."""

    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class SomeOf:
    """Tick any number of options; the answer is the tuple of their values, () when none is ticked."""

    options: tuple[Option, ...]
    none: str = ""  # the summary's words for no option ticked


def _stripped(text: str) -> str:
    if not text.strip():
        raise ValueError(text)
    return text.strip()


@dataclass(frozen=True, slots=True)
class Text:
    """Typed text, read into a value; a text `read` refuses (ValueError) is not accepted."""

    read: Callable[[str], Any] = _stripped
    refused: str | None = None  # said under a refused text (None: questionary's own words)
    shown: Callable[[Any], str] = str  # a value as the consultant would type it
    none: str = ""  # the summary's words for an answer of None
    back_key: str | None = None  # typed alone: back to the previous question (in the summary: no change)


Kind = OneOf | SomeOf | Text
KindOf = Kind | Callable[[Answers], Kind]  # fixed, or computed from the answers so far


@dataclass(frozen=True, slots=True)
class Step:
    field: str  # where the answer is kept, "section.key" or a top-level field
    question: str
    kind: KindOf
    title: str = ""  # in the summary; the question when empty
    section: str | None = None  # a banner printed before the first step of each section
    help: tuple[str, str] | None = None  # (heading, text) printed before the question
    group: str = ""  # the part of the summary it is changed from (its label when empty)

    @property
    def label(self) -> str:
        return self.title or self.question

    def kind_for(self, answers: Answers) -> Kind:
        return self.kind if isinstance(self.kind, OneOf | SomeOf | Text) else self.kind(answers)


def value_at(answers: Answers, field: str) -> Any:
    """The current answer of a field, None when there is none (a budget is a `Budget`)."""
    section, _, key = field.partition(".")
    if section == "constraints":
        given = answers.constraints
        if given is None:
            return None
        if key == "budget":
            if given.budget_per_user_month is not None:
                return Budget(given.budget_per_user_month, given.budget_currency)
            if given.budget_per_year is not None:
                return Budget(given.budget_per_year, given.budget_currency, "year")
            return None
        return getattr(given, key)
    value = getattr(answers, section)
    return (value or {}).get(key) if key else value


def answered(answers: Answers, field: str) -> bool:
    """Answered in the questionnaire, or set by hand in the file (a hand-written file has no `asked` list)."""
    section, _, key = field.partition(".")
    if section == "constraints":
        given = answers.constraints
        return given is not None and (key in given.asked or value_at(answers, field) is not None)
    return value_at(answers, field) not in (None, "")


def set_answer(answers: Answers, field: str, value: Any) -> Answers:
    """The answers with one more, validated (`model_copy` would keep raw strings where enums belong)."""
    data = answers.model_dump()
    section, _, key = field.partition(".")
    if section == "constraints":
        constraints = data["constraints"] or {}
        asked = tuple(dict.fromkeys((*constraints.get("asked", ()), key)))
        if key == "budget":  # a Budget, or None
            currency = value.currency if value is not None else constraints.get("budget_currency", "EUR")
            monthly = value.amount if value is not None and value.per == "user_month" else None
            yearly = value.amount if value is not None and value.per == "year" else None
            constraints = {
                **constraints,
                "budget_per_user_month": monthly,
                "budget_per_year": yearly,
                "budget_currency": currency,
            }
            data["constraints"] = {**constraints, "asked": asked}
        else:
            data["constraints"] = {**constraints, key: value, "asked": asked}
    elif key:
        data[section] = {**(data[section] or {}), key: value}
    else:
        data[section] = value
    return Answers.model_validate(data)


def shown(step: Step, answers: Answers) -> str:
    """A step's answer as the summary shows it; "" when unanswered."""
    if not answered(answers, step.field):
        return ""
    value = value_at(answers, step.field)
    kind = step.kind_for(answers)
    if isinstance(kind, OneOf):
        return next((o.label for o in kind.options if o.value == value), str(value))
    if isinstance(kind, SomeOf):
        labels = {o.value: o.label for o in kind.options}
        return ", ".join(labels.get(v, str(v)) for v in value) if value else kind.none
    return kind.none if value is None else kind.shown(value)


def first_unanswered(steps: list[Step], answers: Answers) -> int:
    return next((i for i, s in enumerate(steps) if not answered(answers, s.field)), len(steps))
