"""The questionnaire as data (JSON or YAML), for forms, spreadsheets and other tools."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from crmadvisor.model.schema import DONT_KNOW, Catalog, CompanySize, HostingRegion
from crmadvisor.words import language_name, words


def questions_document(catalog: Catalog, lang: str) -> dict[str, Any]:
    """Every question in order, with the answers-file field it fills and the accepted values."""
    traits = catalog.traits
    w = words(lang)
    declared = traits.declared_model
    items: list[dict[str, Any]] = [
        {"field": "company", "type": "text", "question": w["answers.company"]},
        {
            "field": "declared_model",
            "type": "choice",
            "question": declared.question(lang),
            "help": declared.help(lang),
            "options": [{"id": o.id, "label": o.label(lang), "position": o.position} for o in declared.options],
            "source": declared.source.model_dump(exclude_none=True),
        },
    ]
    for trait in traits.traits:
        options = [{"id": o.id, "label": o.label(lang), "position": o.position} for o in trait.options]
        if trait.dont_know:
            options.append({"id": DONT_KNOW, "label": w["common.dont_know"], "position": None})
        items.append(
            {
                "field": f"traits.{trait.id}",
                "type": "choice",
                "heading": trait.heading(lang),
                "question": trait.question(lang),
                "help": trait.help(lang),
                "options": options,
                "source": trait.source.model_dump(exclude_none=True),
            }
        )
    levels = [{"id": lvl.id, "label": lvl.label(lang)} for lvl in catalog.feature_areas.importance_levels]
    levels.append({"id": DONT_KNOW, "label": w["common.dont_know"]})
    for area in catalog.feature_areas.areas:
        items.append(
            {
                "field": f"importance.{area.id}",
                "type": "choice",
                "heading": area.heading(lang),
                "question": area.question(lang),
                "help": area.help(lang),
                "options": levels,
                "capabilities": [{"id": c.id, "name": c.name(lang)} for c in area.capabilities],
                "source": area.source.model_dump(exclude_none=True),
            }
        )
    items += _constraint_questions(catalog, lang)
    if catalog.loyalty is not None:
        items += _loyalty_questions(catalog, lang)
    return {"version": 1, "lang": lang, "answers_file": {"kind": "answers", "version": 1}, "questions": items}


_OWN = {"document": "crmadvisor", "section": "own addition"}  # constraints are the tool's, not the articles'


def _constraint_questions(catalog: Catalog, lang: str) -> list[dict[str, Any]]:
    """The optional knock-out constraints: the `constraints:` section of answers files."""
    text = words(lang).section("questions")
    w = words(lang)
    languages = sorted({code for vendor in catalog.vendors for code in vendor.languages})

    def item(field: str, kind: str, options: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "field": f"constraints.{field}",
            "type": kind,
            "question": text[field],
            "help": text["optional"],
            "options": options,
            "source": _OWN,
        }

    return [
        item("languages", "multiple", [{"id": code, "label": language_name(code, lang)} for code in languages]),
        item("hosting_regions", "multiple", [{"id": r.value, "label": w[f"region.{r.value}"]} for r in HostingRegion]),
        item("company_size", "choice", [{"id": s.value, "label": w[f"size.{s.value}"]} for s in CompanySize]),
        item("users", "number", []),
        item("budget_per_user_month", "number", []),
        item("budget_currency", "choice", [{"id": c, "label": c} for c in ("EUR", "USD", "GBP")]),
    ]


def _loyalty_questions(catalog: Catalog, lang: str) -> list[dict[str, Any]]:
    """The loyalty questionnaire (`crmadvisor loyalty`): the `loyalty:` section of answers files."""
    assert catalog.loyalty is not None
    items: list[dict[str, Any]] = []
    for question in catalog.loyalty.questions:
        options = []
        for option in question.options:
            entry: dict[str, Any] = {"id": option.id, "label": option.label(lang)}
            if option.blocks:
                entry["blocks"] = option.blocks
            if option.gap:
                entry["gap"] = option.gap
            if option.mechanics:
                entry["mechanics"] = dict(option.mechanics)
            if option.raises:
                entry["raises"] = dict(option.raises)
            options.append(entry)
        item: dict[str, Any] = {"field": f"loyalty.{question.id}", "type": "choice", "part": question.part.value}
        if question.fundamental:
            item["fundamental"] = question.fundamental
        item |= {
            "question": question.question(lang),
            "help": question.help(lang),
            "options": options,
            "source": question.source.model_dump(exclude_none=True),
        }
        items.append(item)
    return items


def as_json(catalog: Catalog, lang: str) -> str:
    return json.dumps(questions_document(catalog, lang), indent=2, ensure_ascii=False) + "\n"


def as_yaml(catalog: Catalog, lang: str) -> str:
    import yaml

    class _NoAliases(yaml.SafeDumper):
        # options shared by several questions would otherwise print as &id001 / *id001 anchors,
        # which our own loader (and many form tools) refuse
        def ignore_aliases(self, data: object) -> bool:
            return True

    document = questions_document(catalog, lang)
    return yaml.dump(document, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100)


FORMATS: dict[str, Callable[[Catalog, str], str]] = {"json": as_json, "yaml": as_yaml}
