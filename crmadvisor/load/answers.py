"""Answers files: read and check against the criteria, write atomically after every answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from crmadvisor.errors import InputError, Problem
from crmadvisor.files import atomic_write
from crmadvisor.load import yamlsource
from crmadvisor.load.discover import Loaded, kind_of
from crmadvisor.load.located import did_you_mean, problem_at, validate
from crmadvisor.load.loyalty import loyalty_answers_problems
from crmadvisor.load.yamlsource import Sourced
from crmadvisor.model.schema import DONT_KNOW, Answers, Catalog


def load_answers(path: Path, catalog: Catalog) -> Loaded:
    """An answers file valid against the model and the criteria; every problem of both in one error."""
    src = yamlsource.read(path)
    kind_of(src, "answers")
    try:
        model = validate(Answers, src)
    except InputError as err:  # also what the criteria checks can see in the parts that are well formed
        raise InputError([*err.problems, *answers_problems(src, catalog)]) from None
    problems = answers_problems(src, catalog)
    if problems:
        raise InputError(problems)
    return Loaded("answers", model, src)


def _text_pairs(value: Any) -> dict[str, str]:
    """The key: value pairs of a mapping where both are text (a malformed section yields what it can)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def answers_problems(src: Sourced, catalog: Catalog) -> list[Problem]:
    """Answers naming traits, options, areas or levels that the criteria do not define.

    Read from the parsed data, not the model, so that a file with a type error elsewhere still
    gets these checks in the same run.
    """
    data = src.data if isinstance(src.data, dict) else {}
    problems: list[Problem] = []

    def bad(loc: tuple[str, ...], message: str, code: str) -> None:
        problems.append(problem_at(src, loc, message, code, of_value=code == "unknown-option"))

    traits = {t.id: t for t in catalog.traits.traits}
    for trait_id, option in _text_pairs(data.get("traits")).items():
        if trait_id not in traits:
            bad(("traits", trait_id), f"no trait `{trait_id}`{did_you_mean(trait_id, list(traits))}", "unknown-trait")
            continue
        options = [o.id for o in traits[trait_id].options] + [DONT_KNOW]
        if option not in options:
            msg = f"`{option}` is not an option: expected one of {', '.join(options)}"
            bad(("traits", trait_id), msg, "unknown-option")
    areas = [a.id for a in catalog.feature_areas.areas]
    levels = [lvl.id for lvl in catalog.feature_areas.importance_levels] + [DONT_KNOW]
    for area_id, level in _text_pairs(data.get("importance")).items():
        if area_id not in areas:
            bad(("importance", area_id), f"no feature area `{area_id}`{did_you_mean(area_id, areas)}", "unknown-area")
        elif level not in levels:
            msg = f"`{level}` is not an importance level: expected one of {', '.join(levels)}"
            bad(("importance", area_id), msg, "unknown-option")
    declared = [o.id for o in catalog.traits.declared_model.options] + [DONT_KNOW]
    given = data.get("declared_model")
    if isinstance(given, str) and given not in declared:
        msg = f"`{given}` is not an option: expected one of {', '.join(declared)}"
        bad(("declared_model",), msg, "unknown-option")
    if isinstance(data.get("must_haves"), list):
        problems += _must_have_problems(src, data["must_haves"], _text_pairs(data.get("importance")), catalog)
    if isinstance(data.get("loyalty"), dict):
        problems += loyalty_answers_problems(src, _loyalty_pairs(data["loyalty"]), catalog.loyalty)
    return problems + _budget_currency_problems(src, catalog)


def _must_have_problems(src: Sourced, named: list[Any], importance: dict[str, str], catalog: Catalog) -> list[Problem]:
    """Must-haves naming an unknown capability, or one of an area answered with a level of 0."""
    area_of = {c.id: a.id for a in catalog.feature_areas.areas for c in a.capabilities}
    zero = {lvl.id for lvl in catalog.feature_areas.importance_levels if lvl.ceiling == 0}
    problems = []
    for index, capability in enumerate(named):
        if not isinstance(capability, str):
            continue  # the model reports the type
        loc = ("must_haves", index)
        if capability not in area_of:
            msg = f"no capability `{capability}`{did_you_mean(capability, list(area_of))}"
            problems.append(problem_at(src, loc, msg, "unknown-capability", of_value=True))
        elif importance.get(area_of[capability]) in zero:
            area = area_of[capability]
            msg = (
                f"`{capability}` is a capability of `{area}`, answered `{importance[area]}`: "
                f"remove it from must_haves or change importance.{area}"
            )
            problems.append(problem_at(src, loc, msg, "must-have-not-needed", of_value=True))
    return problems


def _loyalty_pairs(value: dict[Any, Any]) -> dict[str, str]:
    # yes/no answers may be written unquoted: YAML reads them as booleans, the model as "yes"/"no"
    pairs: dict[str, str] = {}
    for key, answer in value.items():
        if isinstance(key, str) and isinstance(answer, bool):
            pairs[key] = "yes" if answer else "no"
        elif isinstance(key, str) and isinstance(answer, str):
            pairs[key] = answer
    return pairs


def read_answers(path: Path, catalog: Catalog) -> tuple[Answers, Loaded]:
    """An answers file that is valid against the criteria (possibly incomplete)."""
    loaded = load_answers(path, catalog)
    assert isinstance(loaded.model, Answers)
    return loaded.model, loaded


def missing_answers(answers: Answers, catalog: Catalog) -> list[str]:
    """The questions not answered yet, as `section.id` fields, in questionnaire order."""
    missing = [] if answers.company else ["company"]
    if answers.declared_model is None:
        missing.append("declared_model")
    missing += [f"traits.{t.id}" for t in catalog.traits.traits if t.id not in answers.traits]
    missing += [f"importance.{a.id}" for a in catalog.feature_areas.areas if a.id not in answers.importance]
    return missing


def require_complete(answers: Answers, loaded: Loaded, catalog: Catalog) -> None:
    """Raise located problems for every unanswered question (what `assess --answers` needs)."""
    missing = missing_answers(answers, catalog)
    if not missing:
        return
    problems = []
    for field in missing:
        section = tuple(field.split("."))[:1]
        line, col = loaded.src.mark(section) if section[0] in ("traits", "importance") else (1, 1)
        message = "not answered: answer it (or `dont_know`), or run `crmadvisor assess --resume` on this file"
        problems.append(Problem(loaded.src.path, line, col, field, message, "missing"))
    raise InputError(problems)


HEADER = """\
# crmadvisor answers file (kind: answers, version 1). Human-editable: change an answer and
# re-run `crmadvisor assess --answers THIS_FILE`. Values are option ids from `crmadvisor questions`;
# `dont_know` is accepted for traits and importance. Comments you add here are not kept by --resume.
"""


def dump_answers(answers: Answers, comment: str | None = None) -> str:
    """The answers as YAML, in questionnaire order, with a header comment."""
    data: dict[str, Any] = answers.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    if answers.date is not None:
        data["date"] = answers.date  # a YAML date, as people write it, not the quoted string '2026-11-22'
    if answers.constraints is not None:
        data["constraints"] = answers.constraints.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    head = HEADER + "".join(f"# {line}\n" if line else "#\n" for line in (comment or "").splitlines())
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_answers(path: Path, answers: Answers, comment: str | None = None) -> None:
    atomic_write(path, dump_answers(answers, comment))


def _budget_currency_problems(src: Sourced, catalog: Catalog) -> list[Problem]:
    from crmadvisor.load.rates import budget_currency_problems

    return budget_currency_problems(src, catalog.rates)
