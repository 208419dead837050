"""A loyalty-programme assessment in words: one language-resolved view (`loyalty_view`) that the
terminal renderer here and the report formats both show: context, gate, specifics, mechanics,
success factors, CRM needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from crmadvisor.model.loyalty import LoyaltyAssessment
from crmadvisor.model.needs import NeedRaise
from crmadvisor.model.schema import Catalog, LoyaltyFile, LoyaltyOption, LoyaltyQuestion
from crmadvisor.words import words

if TYPE_CHECKING:  # rich only where the terminal renders
    from rich.console import Console


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


@dataclass(frozen=True, slots=True)
class LoyaltyTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()  # lines shown after the table


@dataclass(frozen=True, slots=True)
class LoyaltyView:
    """Everything the loyalty section says, in one language."""

    heading: str
    context_title: str
    context: tuple[str, ...]  # the survey's figures and ranking of expectations, with the source
    verdict: str
    verdict_kind: Literal["fix_fundamentals", "design", "incomplete"]
    gate: LoyaltyTable
    tables: tuple[LoyaltyTable, ...]  # specifics (when answered), mechanics, success factors, CRM needs
    unanswered: str | None


def loyalty_view(
    result: LoyaltyAssessment, catalog: Catalog, lang: str, company: str | None, *, applied: bool
) -> LoyaltyView:
    loyalty = catalog.loyalty
    assert loyalty is not None  # a LoyaltyAssessment exists only with loyalty criteria
    w = loyalty_words(lang)
    tables = [_mechanics_table(result, loyalty, lang), _factors_table(result, loyalty, lang)]
    if result.specifics:
        tables.insert(0, _specifics_table(result, loyalty, lang))
    tables.append(_needs_table(result, catalog, lang, applied=applied))
    unanswered = w["unanswered"].format(questions=", ".join(result.unanswered)) if result.unanswered else None
    return LoyaltyView(
        heading=w["title"].format(company=company or "?"),
        context_title=loyalty.survey.heading(lang),
        context=_survey_lines(loyalty, lang),
        verdict=_verdict(result, loyalty, lang),
        verdict_kind=result.verdict,
        gate=_gate_table(result, loyalty, lang),
        tables=tuple(tables),
        unanswered=unanswered,
    )


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
    return LoyaltyTable(w["fundamentals"], (w["fundamental"], w["status"], w["answers"]), tuple(rows))


def _specifics_table(result: LoyaltyAssessment, loyalty: LoyaltyFile, lang: str) -> LoyaltyTable:
    w = loyalty_words(lang)
    rows = tuple(
        (_question(loyalty, c.question).question(lang), _option(loyalty, c.question, c.option).label(lang))
        for c in result.specifics
    )
    return LoyaltyTable(w["specifics"], (w["question"], w["answer"]), rows)


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
    return LoyaltyTable(title, columns, tuple(rows), (recommendation, loyalty.mix(lang)))


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
    return LoyaltyTable(w["factors"], (w["factor"], w["status"], w["todo"]), tuple(rows))


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
    return LoyaltyTable(w["needs"], (w["capability"], w["raise"], w["why"]), tuple(rows), (note,))


# ------------------------------------------------------------------ terminal

STATUS_STYLE = {
    "✓": "green",
    "✗": "bold red",
    "?": "yellow",
}
VERDICT_STYLE = {"fix_fundamentals": "red", "design": "green", "incomplete": "yellow"}


def render_loyalty(
    console: Console, result: LoyaltyAssessment, catalog: Catalog, lang: str, company: str | None, *, applied: bool
) -> None:
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.text import Text

    view = loyalty_view(result, catalog, lang, company, applied=applied)
    w = loyalty_words(lang)
    console.print(Rule(view.heading))
    # the title inside the panel, not on its border, where rich cuts a long one at the terminal's width
    context = Text(view.context_title + "\n", style="bold")
    context.append("\n".join(view.context))
    console.print(Panel(context))
    console.print()
    _render_table(console, view.gate)
    console.print(Panel(view.verdict, title=w["verdict"], title_align="left", style=VERDICT_STYLE[view.verdict_kind]))
    console.print()
    for table in view.tables:
        _render_table(console, table)
        for note in table.notes:
            console.print(note)
        console.print()
    if view.unanswered:
        console.print(Text(view.unanswered, style="yellow"))
        console.print()


def _render_table(console: Console, table: LoyaltyTable) -> None:
    from rich.table import Table
    from rich.text import Text

    out = Table(title=table.title, title_justify="left", show_lines=True)
    last = len(table.columns) - 1
    for i, column in enumerate(table.columns):
        if i == last:
            out.add_column(column, ratio=5)
        elif i == 0:
            out.add_column(column, ratio=2)
        else:
            numbers = all(row[i].lstrip("+").isdigit() for row in table.rows)
            out.add_column(column, no_wrap=True, justify="right" if numbers else "left")
    for row in table.rows:
        cells = [Text(cell, style=STATUS_STYLE.get(cell[:1], "")) for cell in row]
        out.add_row(*cells)
    console.print(out)
