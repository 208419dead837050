"""A loyalty-programme assessment in words: the loyalty section of the view (`loyalty_view`), which the
terminal and the report formats all show: context, gate, specifics, mechanics, success factors, CRM needs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crmadvisor.model.assessment import Assessment
from crmadvisor.model.loyalty import LoyaltyAssessment, applies
from crmadvisor.model.needs import NeedRaise
from crmadvisor.model.schema import Catalog, LoyaltyFile, LoyaltyOption, LoyaltyQuestion
from crmadvisor.present.view import LoyaltySection, LoyaltyTable
from crmadvisor.resume import resume_command
from crmadvisor.words import words


def loyalty_words(lang: str) -> dict[str, str]:
    """The loyalty section's words, keyed without "loyalty."."""
    return words(lang).section("loyalty")


def _question(loyalty: LoyaltyFile, question_id: str) -> LoyaltyQuestion:
    return next(q for q in loyalty.questions if q.id == question_id)


def _option(loyalty: LoyaltyFile, question_id: str, option_id: str) -> LoyaltyOption:
    return next(o for o in _question(loyalty, question_id).options if o.id == option_id)


def raise_reason(item: NeedRaise, loyalty: LoyaltyFile, lang: str) -> str:
    """One loyalty answer behind a raised need: its reason and the levels it adds."""
    option = _option(loyalty, item.question, item.option)
    reason = option.reason(lang) if option.reason else option.label(lang)
    return f"{reason} (+{item.by})"


def raised_by_loyalty(items: Sequence[NeedRaise], loyalty: LoyaltyFile, lang: str) -> str:
    """The loyalty answers behind a raised need, as the needs table shows them among its reasons."""
    reasons = "; ".join(raise_reason(item, loyalty, lang) for item in items)
    return loyalty_words(lang)["raised_by"].format(reasons=reasons)


def loyalty_view(
    result: LoyaltyAssessment, catalog: Catalog, lang: str, company: str | None, *, applied: bool
) -> LoyaltySection:
    """Everything the loyalty section says, in one language."""
    loyalty = catalog.loyalty
    assert loyalty is not None  # a LoyaltyAssessment exists only with loyalty criteria
    w = loyalty_words(lang)
    tables = [_mechanics_table(result, loyalty, lang), _factors_table(result, loyalty, lang)]
    if result.specifics:
        tables.insert(0, _specifics_table(result, loyalty, lang))
    tables.append(_needs_table(result, catalog, lang, applied=applied))
    unanswered = w["unanswered"].format(questions=", ".join(result.unanswered)) if result.unanswered else None
    primary, secondary = result.primary, result.secondary
    return LoyaltySection(
        heading=w["title"].format(company=company or "?"),
        summary=_verdict(result, loyalty, lang),
        verdict=result.verdict,
        verdict_title=w["verdict"],
        primary=primary.mechanic if primary else None,
        secondary=secondary.mechanic if secondary else None,
        applied=applied,
        context_title=loyalty.survey.heading(lang),
        context=_survey_lines(loyalty, lang),
        gate=_gate_table(result, loyalty, lang),
        tables=tuple(tables),
        unanswered=unanswered,
    )


def loyalty_section(result: Assessment, catalog: Catalog, lang: str) -> LoyaltySection | None:
    """The loyalty section of an assessment's view, when the answers have a loyalty part."""
    if result.loyalty is None:
        return None
    applied = any(need.raises for need in result.needs)
    return loyalty_view(result.loyalty, catalog, lang, result.answers.company, applied=applied)


def loyalty_hint(result: Assessment, catalog: Catalog, lang: str, answers_file: Path | None) -> str | None:
    """How to run the loyalty questionnaire, when it applies to this company and is not answered yet."""
    loyalty = catalog.loyalty
    if result.loyalty is not None or loyalty is None:
        return None
    if not applies(loyalty, result.profile.orientation, result.answers.importance):
        return None
    w = words(lang)
    return w("loyalty.hint", command=resume_command("loyalty", answers_file or w["loyalty.file"]))


# a client reads the article's title, not the file name it has in shared/seeds
ARTICLE_TITLES = {
    "000_e47ce3ecf87b07e8.txt": "« Panorama des différences entre le CRM B2B et le CRM B2C »",
    "002_ead71232a8a67b53.txt": "« Programmes de fidélité en B2B – Partie 1 »",
}


def _survey_lines(loyalty: LoyaltyFile, lang: str) -> tuple[str, ...]:
    """The survey's figures and ranking of expectations, attributed to the article, as context."""
    survey = loyalty.survey
    lines = [f"{figure.value} {figure.text(lang)}" for figure in survey.figures]
    lines.append(survey.expectations.text(lang))
    lines += [f"  {i}. {item(lang)}" for i, item in enumerate(survey.expectations.ranked, 1)]
    source = survey.expectations.source
    document = ARTICLE_TITLES.get(source.document, source.document)
    lines.append(loyalty_words(lang)["source"].format(document=document, section=source.section))
    return tuple(lines)


def _verdict(result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> str:
    verdicts = loyalty.verdicts
    if result.verdict == "fix_fundamentals":
        names = {f.id: f.name(lang) for f in loyalty.fundamentals}
        return verdicts.fix_fundamentals(lang).format(fundamentals=", ".join(names[f] for f in result.failed))
    if result.verdict == "incomplete":
        return verdicts.incomplete(lang)
    return verdicts.design(lang)


def _gate_table(result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> LoyaltyTable:
    w = loyalty_words(lang)
    names = {f.id: f for f in loyalty.fundamentals}
    rows = []
    for check in result.fundamentals:
        fundamental = names[check.fundamental]
        notes = [fundamental.question(lang)]
        for chosen in check.failing:
            option = _option(loyalty, chosen.question, chosen.option)
            notes.append(f"✗ {_question(loyalty, chosen.question).question(lang)} {option.label(lang)}")
            if option.action is not None:
                notes.append(f"→ {option.action(lang)}")
        rows.append((fundamental.name(lang), w[f"status.{check.status}"], "\n".join(notes)))
    return LoyaltyTable(
        title=w["fundamentals"], columns=(w["fundamental"], w["status"], w["answers"]), rows=tuple(rows)
    )


def _specifics_table(result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> LoyaltyTable:
    w = loyalty_words(lang)
    rows = tuple(
        (_question(loyalty, c.question).question(lang), _option(loyalty, c.question, c.option).label(lang))
        for c in result.specifics
    )
    return LoyaltyTable(title=w["specifics"], columns=(w["question"], w["answer"]), rows=rows)


def _mechanics_table(result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> LoyaltyTable:
    w = loyalty_words(lang)
    mechanics = {m.id: m for m in loyalty.mechanics}
    rows = []
    for score in result.mechanics:
        mechanic = mechanics[score.mechanic]
        reasons = [mechanic.description(lang)]
        for item in score.reasons:
            option = _option(loyalty, item.question, item.option)
            reasons.append(f"+{item.points}: {option.reason(lang) if option.reason else option.label(lang)}")
        rows.append((mechanic.name(lang), str(score.score), w[f"role.{score.role}"], "\n".join(reasons)))
    primary, secondary = result.primary, result.secondary
    if primary is None:
        recommendation = w["recommendation.none"]
    else:
        extra = ""
        if secondary is not None:
            extra = w["recommendation.secondary"].format(secondary=mechanics[secondary.mechanic].name(lang).lower())
        name = mechanics[primary.mechanic].name(lang).lower()
        recommendation = w["recommendation"].format(primary=name, secondary=extra)
    title = w["design.later"] if result.verdict == "fix_fundamentals" else w["design"]
    columns = (w["mechanic"], w["score"], w["role"], w["why"])
    return LoyaltyTable(title=title, columns=columns, rows=tuple(rows), notes=(recommendation, loyalty.mix(lang)))


def _factors_table(result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> LoyaltyTable:
    w = loyalty_words(lang)
    names = {f.id: f for f in loyalty.success_factors}
    rows = []
    for check in result.factors:
        actions = []
        for chosen in check.gaps:
            option = _option(loyalty, chosen.question, chosen.option)
            if option.action is not None:
                actions.append(f"→ {option.action(lang)}")
        rows.append((names[check.factor].name(lang), w[f"factor.{check.status}"], "\n".join(actions)))
    return LoyaltyTable(title=w["factors"], columns=(w["factor"], w["status"], w["todo"]), rows=tuple(rows))


def _needs_table(result: LoyaltyAssessment, catalog: Catalog, lang: str, *, applied: bool) -> LoyaltyTable:
    loyalty = catalog.loyalty
    assert loyalty is not None
    w = loyalty_words(lang)
    capabilities = {c.id: c for a in catalog.feature_areas.areas for c in a.capabilities}
    rows = []
    for lift in result.raises:
        reasons = [raise_reason(NeedRaise(c.question, c.option, c.points), loyalty, lang) for c in lift.because]
        rows.append((capabilities[lift.capability].name(lang), f"+{lift.by}", "\n".join(reasons)))
    if not rows:
        note = w["no_needs"]
    elif applied:
        note = w["applied"]
    else:
        when = loyalty.applies_when
        area = next((a.heading(lang) for a in catalog.feature_areas.areas if a.id == when.area), when.area)
        levels = {lvl.id: lvl.label(lang) for lvl in catalog.feature_areas.importance_levels}
        note = w["not_applied"].format(
            orientations=w["or"].join(words(lang)[f"orientation.{o}"] for o in when.orientations),
            area=area,
            levels=w["or"].join(levels.get(i, i).lower() for i in when.importance),
        )
    return LoyaltyTable(
        title=w["needs"], columns=(w["capability"], w["raise"], w["why"]), rows=tuple(rows), notes=(note,)
    )
