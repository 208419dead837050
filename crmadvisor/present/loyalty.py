"""Rich rendering of a loyalty-programme assessment: context, gate, specifics, mechanics, factors, needs."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from crmadvisor.model.loyalty import LoyaltyAssessment
from crmadvisor.model.needs import NeedRaise
from crmadvisor.model.schema import Catalog, LoyaltyFile, LoyaltyOption, LoyaltyQuestion
from crmadvisor.present.words import words

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "B2B loyalty programme: {company}",
        "source": "Source: {document}, « {section} »",
        "fundamentals": "1. Fundamentals to check first",
        "fundamental": "Fundamental",
        "status": "Status",
        "answers": "Answers and what to do",
        "status.ok": "✓ in place",
        "status.failed": "✗ not in place",
        "status.unanswered": "? not checked",
        "verdict": "Verdict",
        "specifics": "2. B2B specifics",
        "question": "Question",
        "answer": "Answer",
        "design": "3. Programme design: the mix of mechanics",
        "design.later": "3. Programme design, for when the fundamentals are in place",
        "mechanic": "Mechanic",
        "score": "Points",
        "role": "Role",
        "why": "Why",
        "role.primary": "primary",
        "role.secondary": "secondary",
        "role.minor": "-",
        "recommendation": "Recommended: {primary} mechanics first{secondary}.",
        "recommendation.secondary": ", with {secondary} mechanics as a complement",
        "recommendation.none": "No answer points to a mechanic yet: answer the design questions.",
        "factors": "4. Key success factors",
        "factor": "Factor",
        "factor.met": "✓ met",
        "factor.gap": "✗ gap",
        "factor.unanswered": "? not answered",
        "todo": "What to do",
        "needs": "5. What the CRM must do for this programme",
        "capability": "Capability",
        "raise": "Need",
        "applied": "These raises, within each area's importance ceiling, are applied to the vendor ranking above.",
        "not_applied": (
            "These raises apply in `crmadvisor assess` when the company is {orientations} and rates "
            "“{area}” as {levels}."
        ),
        "no_needs": "No answer raises a CRM capability's need.",
        "unanswered": "Not answered yet: {questions}. Resume with `crmadvisor loyalty --resume FILE`.",
        "raised_by": "loyalty programme: {reason} (+{by})",
        "or": " or ",
    },
    "fr": {
        "title": "Programme de fidélité B2B : {company}",
        "source": "Source : {document}, « {section} »",
        "fundamentals": "1. Les fondamentaux à vérifier d'abord",
        "fundamental": "Fondamental",
        "status": "État",
        "answers": "Réponses et que faire",
        "status.ok": "✓ en place",
        "status.failed": "✗ pas en place",
        "status.unanswered": "? non vérifié",
        "verdict": "Verdict",
        "specifics": "2. Les spécificités B2B",
        "question": "Question",
        "answer": "Réponse",
        "design": "3. Conception du programme : le mix de mécaniques",
        "design.later": "3. Conception du programme, pour quand les fondamentaux seront en place",
        "mechanic": "Mécanique",
        "score": "Points",
        "role": "Rôle",
        "why": "Pourquoi",
        "role.primary": "principale",
        "role.secondary": "secondaire",
        "role.minor": "-",
        "recommendation": "Recommandé : d'abord des mécaniques {primary}s{secondary}.",
        "recommendation.secondary": ", complétées par des mécaniques {secondary}s",
        "recommendation.none": (
            "Aucune réponse n'oriente encore vers une mécanique : répondez aux questions de conception."
        ),
        "factors": "4. Les facteurs clés de succès",
        "factor": "Facteur",
        "factor.met": "✓ réuni",
        "factor.gap": "✗ manque",
        "factor.unanswered": "? sans réponse",
        "todo": "Que faire",
        "needs": "5. Ce que le CRM doit faire pour ce programme",
        "capability": "Fonctionnalité",
        "raise": "Besoin",
        "applied": (
            "Ces hausses, dans la limite du plafond d'importance de chaque domaine, sont appliquées au classement "
            "ci-dessus."
        ),
        "not_applied": (
            "Ces hausses s'appliquent dans `crmadvisor assess` quand l'entreprise est {orientations} et juge "
            "« {area} » {levels}."
        ),
        "no_needs": "Aucune réponse n'augmente le besoin d'une fonctionnalité du CRM.",
        "unanswered": "Sans réponse pour l'instant : {questions}. Reprenez avec `crmadvisor loyalty --resume FICHIER`.",
        "raised_by": "programme de fidélité : {reason} (+{by})",
        "or": " ou ",
    },
}


def loyalty_words(lang: str) -> dict[str, str]:
    return WORDS["fr" if lang == "fr" else "en"]


def _question(loyalty: LoyaltyFile, question_id: str) -> LoyaltyQuestion:
    return next(q for q in loyalty.questions if q.id == question_id)


def _option(loyalty: LoyaltyFile, question_id: str, option_id: str) -> LoyaltyOption:
    return next(o for o in _question(loyalty, question_id).options if o.id == option_id)


def raise_reason(item: NeedRaise, loyalty: LoyaltyFile, lang: str) -> str:
    """One loyalty answer behind a raised need, as the needs table shows it among the drivers."""
    option = _option(loyalty, item.question, item.option)
    reason = option.reason(lang) if option.reason else option.label(lang)
    return loyalty_words(lang)["raised_by"].format(reason=reason, by=item.by)


def render_loyalty(
    console: Console, result: LoyaltyAssessment, catalog: Catalog, lang: str, company: str | None, *, applied: bool
) -> None:
    loyalty = catalog.loyalty
    assert loyalty is not None  # a LoyaltyAssessment exists only with loyalty criteria
    w = loyalty_words(lang)
    console.print(Rule(w["title"].format(company=company or "?")))
    render_survey(console, loyalty, lang)
    render_gate(console, result, loyalty, lang)
    render_specifics(console, result, loyalty, lang)
    render_mechanics(console, result, loyalty, lang)
    render_factors(console, result, loyalty, lang)
    render_raises(console, result, catalog, lang, applied=applied)
    if result.unanswered:
        console.print(Text(w["unanswered"].format(questions=", ".join(result.unanswered)), style="yellow"))
        console.print()


def render_survey(console: Console, loyalty: LoyaltyFile, lang: str) -> None:
    """The survey's figures and ranking of expectations, attributed to the article, as context."""
    w = loyalty_words(lang)
    survey = loyalty.survey
    lines = [f"{figure.value} {figure.text(lang)}" for figure in survey.figures]
    lines.append(survey.expectations.text(lang))
    lines += [f"  {i}. {item(lang)}" for i, item in enumerate(survey.expectations.ranked, 1)]
    source = survey.expectations.source
    lines.append(w["source"].format(document=source.document, section=source.section))
    console.print(Panel("\n".join(lines), title=survey.heading(lang), title_align="left"))
    console.print()


def render_gate(console: Console, result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> None:
    w = loyalty_words(lang)
    table = Table(title=w["fundamentals"], title_justify="left", show_lines=True)
    table.add_column(w["fundamental"], ratio=2)
    table.add_column(w["status"], no_wrap=True)
    table.add_column(w["answers"], ratio=5)
    names = {f.id: f for f in loyalty.fundamentals}
    for check in result.fundamentals:
        fundamental = names[check.fundamental]
        notes = [fundamental.question(lang)]
        for chosen in check.failing:
            option = _option(loyalty, chosen.question, chosen.option)
            question = _question(loyalty, chosen.question).question(lang)
            notes.append(f"✗ {question} {option.label(lang)}")
            if option.action is not None:
                notes.append(f"→ {option.action(lang)}")
        style = {"ok": "green", "failed": "bold red", "unanswered": "yellow"}[check.status]
        table.add_row(fundamental.name(lang), Text(w[f"status.{check.status}"], style=style), "\n".join(notes))
    console.print(table)
    verdicts = loyalty.verdicts
    if result.verdict == "fix_fundamentals":
        failed = ", ".join(names[f].name(lang) for f in result.failed)
        text, style = verdicts.fix_fundamentals(lang).format(fundamentals=failed), "red"
    elif result.verdict == "incomplete":
        text, style = verdicts.incomplete(lang), "yellow"
    else:
        text, style = verdicts.design(lang), "green"
    console.print(Panel(text, title=w["verdict"], title_align="left", style=style))
    console.print()


def render_specifics(console: Console, result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> None:
    if not result.specifics:
        return
    w = loyalty_words(lang)
    table = Table(title=w["specifics"], title_justify="left", show_lines=True)
    table.add_column(w["question"], ratio=3)
    table.add_column(w["answer"], ratio=2)
    for chosen in result.specifics:
        option = _option(loyalty, chosen.question, chosen.option)
        table.add_row(_question(loyalty, chosen.question).question(lang), option.label(lang))
    console.print(table)
    console.print()


def render_mechanics(console: Console, result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> None:
    w = loyalty_words(lang)
    title = w["design.later"] if result.verdict == "fix_fundamentals" else w["design"]
    mechanics = {m.id: m for m in loyalty.mechanics}
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column(w["mechanic"], ratio=2)
    table.add_column(w["score"], no_wrap=True, justify="right")
    table.add_column(w["role"], no_wrap=True)
    table.add_column(w["why"], ratio=5)
    for score in result.mechanics:
        mechanic = mechanics[score.mechanic]
        reasons = [mechanic.description(lang)]
        for item in score.reasons:
            option = _option(loyalty, item.question, item.option)
            reason = option.reason(lang) if option.reason else option.label(lang)
            reasons.append(f"+{item.points}: {reason}")
        style = "bold" if score.role == "primary" else ""
        table.add_row(
            Text(mechanic.name(lang), style=style), str(score.score), w[f"role.{score.role}"], "\n".join(reasons)
        )
    console.print(table)
    primary, secondary = result.primary, result.secondary
    if primary is None:
        console.print(w["recommendation.none"])
    else:
        extra = ""
        if secondary is not None:
            extra = w["recommendation.secondary"].format(secondary=mechanics[secondary.mechanic].name(lang).lower())
        console.print(
            w["recommendation"].format(primary=mechanics[primary.mechanic].name(lang).lower(), secondary=extra)
        )
    console.print(Text(loyalty.mix(lang), style="italic"))
    console.print()


def render_factors(console: Console, result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> None:
    w = loyalty_words(lang)
    table = Table(title=w["factors"], title_justify="left", show_lines=True)
    table.add_column(w["factor"], ratio=2)
    table.add_column(w["status"], no_wrap=True)
    table.add_column(w["todo"], ratio=5)
    names = {f.id: f for f in loyalty.success_factors}
    for check in result.factors:
        actions = []
        for chosen in check.gaps:
            option = _option(loyalty, chosen.question, chosen.option)
            if option.action is not None:
                actions.append(f"→ {option.action(lang)}")
        style = {"met": "green", "gap": "bold red", "unanswered": "yellow"}[check.status]
        table.add_row(
            names[check.factor].name(lang), Text(w[f"factor.{check.status}"], style=style), "\n".join(actions)
        )
    console.print(table)
    console.print()


def render_raises(console: Console, result: LoyaltyAssessment, catalog: Catalog, lang: str, *, applied: bool) -> None:
    loyalty = catalog.loyalty
    assert loyalty is not None
    w = loyalty_words(lang)
    if not result.raises:
        console.print(w["no_needs"])
        console.print()
        return
    capabilities = {c.id: c for a in catalog.feature_areas.areas for c in a.capabilities}
    table = Table(title=w["needs"], title_justify="left", show_lines=True)
    table.add_column(w["capability"], ratio=2)
    table.add_column(w["raise"], no_wrap=True, justify="right")
    table.add_column(w["why"], ratio=5)
    for lift in result.raises:
        reasons = [raise_reason(NeedRaise(c.question, c.option, c.points), loyalty, lang) for c in lift.because]
        table.add_row(capabilities[lift.capability].name(lang), f"+{lift.by}", "\n".join(reasons))
    console.print(table)
    if applied:
        console.print(w["applied"])
    else:
        when = loyalty.applies_when
        area = next((a.heading(lang) for a in catalog.feature_areas.areas if a.id == when.area), when.area)
        levels = {lvl.id: lvl.label(lang) for lvl in catalog.feature_areas.importance_levels}
        console.print(
            w["not_applied"].format(
                orientations=w["or"].join(words(lang)[f"orientation.{o}"] for o in when.orientations),
                area=area,
                levels=w["or"].join(levels.get(i, i).lower() for i in when.importance),
            )
        )
    console.print()
