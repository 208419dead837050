"""The report's appendix: every answer given, worded, with the value stored in the answers file."""

from __future__ import annotations

from crmadvisor.model.assessment import Assessment
from crmadvisor.model.schema import DONT_KNOW, Catalog
from crmadvisor.present.labels import Labels
from crmadvisor.present.typography import money, number
from crmadvisor.present.view import AnswerRow
from crmadvisor.words import language_name, words


def answer_rows(result: Assessment, catalog: Catalog, labels: Labels) -> tuple[AnswerRow, ...]:
    w = labels.w
    given = result.answers
    lang = labels.lang
    rows = [
        AnswerRow(
            section=w["section.company"],
            key="company",
            question=w["company"],
            answer=given.company or "?",
            value=given.company,
        ),
    ]
    if given.consultant:  # unknown: no line (a client's report never says "not given")
        rows.append(
            AnswerRow(
                section=w["section.company"],
                key="consultant",
                question=w["consultant"],
                answer=given.consultant,
                value=given.consultant,
            )
        )
    declared = catalog.traits.declared_model
    chosen = given.declared_model
    option = labels.declared.get(chosen or "")
    rows.append(
        AnswerRow(
            section=w["section.company"],
            key="declared_model",
            question=declared.question(lang),
            answer=option.label(lang) if option else (w["dont_know"] if chosen == DONT_KNOW else w["not_answered"]),
            value=chosen,
        )
    )
    for trait in catalog.traits.traits:
        value = given.traits.get(trait.id)
        rows.append(
            AnswerRow(
                section=w["section.traits"],
                key=trait.id,
                question=trait.question(lang),
                answer=labels.option(trait.id, value),
                value=value,
            )
        )
    for area in catalog.feature_areas.areas:
        value = given.importance.get(area.id)
        answer = labels.level(value) if value else w["not_answered"]
        rows.append(
            AnswerRow(
                section=w["section.importance"], key=area.id, question=area.question(lang), answer=answer, value=value
            )
        )
    rows += _constraint_rows(result, labels)
    return tuple(rows)


def _constraint_rows(result: Assessment, labels: Labels) -> list[AnswerRow]:
    w = labels.w
    c = result.answers.constraints
    section = w["section.constraints"]
    none = w["no_constraint"]

    def row(key: str, value: str | None) -> AnswerRow:
        return AnswerRow(section=section, key=key, question=w[f"constraint.{key}"], answer=value or none, value=value)

    if c is None:
        return [row(k, None) for k in ("languages", "hosting_regions", "company_size", "budget")]
    lang = labels.lang
    said = words(lang)

    def row_in_words(key: str, value: str | None, words: str | None) -> AnswerRow:
        """The answer in the report's words ("French", "1 200", "35 €"), the value as the answers file has it."""
        return AnswerRow(section=section, key=key, question=w[f"constraint.{key}"], answer=words or none, value=value)

    languages = ", ".join(c.languages) if c.languages else None
    regions = ", ".join(c.hosting_regions) if c.hosting_regions else None
    size = c.company_size.value if c.company_size else None
    count = None if c.users is None else str(c.users)
    budget = f"{c.budget_per_user_month:g} {c.budget_currency}" if c.budget_per_user_month is not None else None
    rows = [
        row_in_words(
            "languages", languages, ", ".join(language_name(code, lang) for code in c.languages or ()) or None
        ),
        row_in_words(
            "hosting_regions",
            regions,
            ", ".join(said.get(f"region.{r}", r) for r in c.hosting_regions or ()) or None,
        ),
        row_in_words("company_size", size, w.get(f"size.{size}", size) if size else None),
    ]
    if count is not None and c.users is not None:
        rows.append(row_in_words("users", count, number(c.users, lang)))
    money_words = (
        money(c.budget_per_user_month, c.budget_currency, lang) if c.budget_per_user_month is not None else None
    )
    if c.budget_per_year is None or c.budget_per_user_month is not None:
        rows.append(row_in_words("budget", budget, money_words))
    if c.budget_per_year is not None:  # a yearly budget in total, instead of or beside the monthly one
        yearly = f"{c.budget_per_year:g} {c.budget_currency}"
        rows.append(row_in_words("budget_per_year", yearly, money(c.budget_per_year, c.budget_currency, lang)))
    return rows
