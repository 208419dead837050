"""Cross-checks of the loyalty criteria file and of the `loyalty:` section of answers files.

A loyalty file is valid alone when its types are; these checks need the set: that every id it
names (fundamental, mechanic, success factor, capability, feature area, importance level) exists.
"""

from __future__ import annotations

from crmadvisor.errors import Problem
from crmadvisor.load.located import duplicate_ids, one_of, problem_at
from crmadvisor.load.yamlsource import Key, Sourced
from crmadvisor.model.schema import FeatureAreasFile, LoyaltyFile, LoyaltyPart
from crmadvisor.resume import resume_command


def loyalty_file_problems(src: Sourced, loyalty: LoyaltyFile, areas: FeatureAreasFile | None) -> list[Problem]:
    """Every id the loyalty file names must exist; ids must be unique. Without the feature areas, the
    capability and importance ids are left to `loyalty_areas_problems`."""
    fundamentals = [f.id for f in loyalty.fundamentals]
    mechanics = [m.id for m in loyalty.mechanics]
    factors = [f.id for f in loyalty.success_factors]
    problems = duplicate_ids(src, [(("fundamentals", i, "id"), f) for i, f in enumerate(fundamentals)])
    problems += duplicate_ids(src, [(("mechanics", i, "id"), m) for i, m in enumerate(mechanics)])
    problems += duplicate_ids(src, [(("success_factors", i, "id"), f) for i, f in enumerate(factors)])
    problems += duplicate_ids(src, [(("questions", i, "id"), q.id) for i, q in enumerate(loyalty.questions)])
    for i, question in enumerate(loyalty.questions):
        at: Key = ("questions", i)
        problems += duplicate_ids(src, [((*at, "options", j, "id"), o.id) for j, o in enumerate(question.options)])
        is_gate = question.part is LoyaltyPart.fundamentals
        if is_gate and question.fundamental not in fundamentals:
            msg = f"a `fundamentals` question needs `fundamental:` one of {', '.join(fundamentals)}"
            problems.append(problem_at(src, (*at, "fundamental") if question.fundamental else at, msg, "unknown-id"))
        for j, option in enumerate(question.options):
            here: Key = (*at, "options", j)
            if option.blocks is not None and option.blocks != question.fundamental:
                msg = f"`{option.blocks}` is not this question's fundamental (`{question.fundamental}`)"
                problems.append(problem_at(src, (*here, "blocks"), msg, "unknown-id"))
            if option.gap is not None and option.gap not in factors:
                msg = f"no success factor `{option.gap}`{one_of(option.gap, factors)}"
                problems.append(problem_at(src, (*here, "gap"), msg, "unknown-id"))
            for mechanic in option.mechanics:
                if mechanic not in mechanics:
                    msg = f"no mechanic `{mechanic}`{one_of(mechanic, mechanics)}"
                    problems.append(problem_at(src, (*here, "mechanics", mechanic), msg, "unknown-id", of_value=False))
    if areas is not None:
        problems += loyalty_areas_problems(src, loyalty, areas)
    return problems


def loyalty_areas_problems(src: Sourced, loyalty: LoyaltyFile, areas: FeatureAreasFile) -> list[Problem]:
    """The capabilities, feature area and importance levels the loyalty file names must exist in these areas."""
    problems = []
    capabilities = [c.id for a in areas.areas for c in a.capabilities]
    for i, question in enumerate(loyalty.questions):
        for j, option in enumerate(question.options):
            for capability in option.raises:
                if capability not in capabilities:
                    loc: Key = ("questions", i, "options", j, "raises", capability)
                    msg = f"no capability `{capability}` in the feature areas{one_of(capability, capabilities)}"
                    problems.append(problem_at(src, loc, msg, "unknown-capability", of_value=False))
    area_ids = [a.id for a in areas.areas]
    levels = [lvl.id for lvl in areas.importance_levels]
    when = loyalty.applies_when
    if when.area not in area_ids:
        msg = f"no feature area `{when.area}`{one_of(when.area, area_ids)}"
        problems.append(problem_at(src, ("applies_when", "area"), msg, "unknown-area"))
    for k, level in enumerate(when.importance):
        if level not in levels:
            msg = f"no importance level `{level}`{one_of(level, levels)}"
            problems.append(problem_at(src, ("applies_when", "importance", k), msg, "unknown-option"))
    return problems


def loyalty_answers_problems(src: Sourced, answers: dict[str, str], loyalty: LoyaltyFile | None) -> list[Problem]:
    """A `loyalty:` answer naming a question or an option the loyalty criteria do not define."""
    if loyalty is None:
        msg = "these criteria have no loyalty questionnaire (no `kind: loyalty` file): remove this section"
        return [problem_at(src, ("loyalty",), msg, "unknown-section", of_value=False)]
    questions = {q.id: q for q in loyalty.questions}
    problems = []
    for question_id, option in answers.items():
        loc: Key = ("loyalty", question_id)
        question = questions.get(question_id)
        if question is None:
            msg = f"no loyalty question `{question_id}`{one_of(question_id, list(questions))}"
            problems.append(problem_at(src, loc, msg, "unknown-question", of_value=False))
            continue
        options = [o.id for o in question.options]
        if option not in options:
            msg = f"`{option}` is not an option: expected one of {', '.join(options)}"
            problems.append(problem_at(src, loc, msg, "unknown-option"))
    return problems


def missing_loyalty_problems(src: Sourced, answers: dict[str, str] | None, loyalty: LoyaltyFile) -> list[Problem]:
    """Every loyalty question not answered, located at the `loyalty:` section (or the file's start)."""
    if answers is None:
        resume = resume_command("loyalty", src.path)
        message = f"no `loyalty:` section: answer the loyalty questions with `{resume}`"
        return [Problem(src.path, 1, 1, "loyalty", message, "missing")]
    given = answers
    line, col = src.mark(("loyalty",))
    message = "not answered: answer it, or run `crmadvisor loyalty --resume` on this file"
    return [
        Problem(src.path, line, col, f"loyalty.{q.id}", message, "missing")
        for q in loyalty.questions
        if q.id not in given
    ]
