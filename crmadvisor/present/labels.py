"""Criteria text in one language, looked up by id, and the small pieces of wording every output shares."""

from __future__ import annotations

from collections.abc import Sequence

from crmadvisor.model.fit import Fit
from crmadvisor.model.needs import DriverEffect, Need
from crmadvisor.model.schema import DONT_KNOW, Catalog
from crmadvisor.present.reasons import reason_text
from crmadvisor.present.template_words import template_words


class Labels:
    """Criteria text in one language, looked up by id, and the words of an assessment."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.lang = lang
        self.w = template_words(lang)
        self.traits = {t.id: t for t in catalog.traits.traits}
        self.areas = {a.id: a for a in catalog.feature_areas.areas}
        self.caps = {c.id: c for a in catalog.feature_areas.areas for c in a.capabilities}
        self.levels = {lvl.id: lvl for lvl in catalog.feature_areas.importance_levels}
        self.declared = {o.id: o for o in catalog.traits.declared_model.options}
        self.vendors = {v.id: v for v in catalog.vendors}
        self.loyalty = catalog.loyalty

    def trait(self, trait_id: str) -> str:
        return self.traits[trait_id].heading(self.lang)

    def short_trait(self, trait_id: str) -> str:
        """A trait in a few words, for the needs' reasons: its `short` name, else its heading."""
        trait = self.traits[trait_id]
        return trait.short(self.lang) if trait.short is not None else trait.heading(self.lang)

    def option(self, trait_id: str, option_id: str | None) -> str:
        if option_id is None:
            return self.w["not_answered"]
        if option_id == DONT_KNOW:
            return self.w["dont_know"]
        option = next((o for o in self.traits[trait_id].options if o.id == option_id), None)
        return option.label(self.lang) if option else option_id

    def area(self, area_id: str) -> str:
        return self.areas[area_id].heading(self.lang)

    def short_area(self, area_id: str) -> str:
        """An area in a word or two, for a column's head: its `short` name, else its heading."""
        area = self.areas[area_id]
        return area.short(self.lang) if area.short is not None else area.heading(self.lang)

    def capability(self, cap_id: str) -> str:
        return self.caps[cap_id].name(self.lang)

    def level(self, level_id: str) -> str:
        return self.levels[level_id].label(self.lang) if level_id in self.levels else self.w["dont_know"]

    def vendor(self, vendor_id: str) -> str:
        vendor = self.vendors.get(vendor_id)
        return vendor.name if vendor else vendor_id

    def orientation(self, orientation: str) -> str:
        return self.w[f"orientation.{orientation}"]


def gauge(position: float | None, width: int = 11) -> str:
    """B2B |----●-----| B2C, as plain characters so it survives NO_COLOR and copy-paste."""
    if position is None:
        return "?".center(width)
    slot = round(position * (width - 1))
    return "".join("●" if i == slot else "─" for i in range(width))


def bar(level: int) -> str:
    return "■" * level + "□" * (5 - level)


def percent(value: float) -> str:
    return f"{value * 100:.0f} %"


def short(label: str) -> str:
    """An option's label up to its first explanation, for compact reasons."""
    for mark in (" (", ": ", " : ", ", "):
        label = label.split(mark)[0]
    return label.rstrip(" \u00a0\u202f")  # French puts a no-break space before its colon: "En one-to-one :"


REASONS_SHOWN = 2  # trait answers a need's reason names each way; the others are counted (all are in JSON)


def need_reason(need: Need, labels: Labels) -> str:
    """Why a need is at its level, in a few words: "Critical area, up to 5; raised by sales cycle (the same
    day) and leads (more than 10,000)"; the answers that weigh most first."""
    from crmadvisor.present.typography import in_sentence, plural

    w = labels.w
    lang = labels.lang

    def answers(effects: list[DriverEffect]) -> str:
        effects.sort(key=lambda e: -e.weight * abs((e.pull or 0.5) - 0.5))
        items = [
            w["why.item"].format(
                trait=labels.short_trait(e.trait), option=in_sentence(short(labels.option(e.trait, e.option)))
            )
            for e in effects[:REASONS_SHOWN]
        ]
        more = len(effects) - REASONS_SHOWN
        if more > 0:
            items.append(w[f"why.more.{plural(more, lang)}"].format(n=more))
        if len(items) < 2:
            return "".join(items)
        return w["why.comma"].join(items[:-1]) + w["why.and"] + items[-1]

    level = short(labels.level(need.importance))
    level = level if lang == "en" else in_sentence(level)
    key = "why.area.none" if need.ceiling == 0 else "why.area.suggested" if need.suggested else "why.area"
    parts = [w[key].format(level=level, ceiling=need.ceiling)]
    raised = [e for e in need.drivers if e.pull is not None and e.pull > 0.5]
    lowered = [e for e in need.drivers if e.pull is not None and e.pull < 0.5]
    if raised:
        parts.append(w["why.raised"].format(items=answers(raised)))
    if lowered:
        parts.append(w["why.lowered"].format(items=answers(lowered)))
    if need.raises and labels.loyalty is not None:
        from crmadvisor.present.loyalty import raised_by_loyalty

        parts.append(raised_by_loyalty(need.raises, labels.loyalty, labels.lang))
    if not raised and not lowered:
        parts.append(w["why.neutral"])
    text = w["why.sep"].join(parts)
    return text[:1].upper() + text[1:]


def unchecked_constraints(fits: Sequence[Fit], lang: str) -> str:
    """One line saying which constraint checks could not be made, and for how many vendors in the race."""
    race = [f for f in fits if not f.excluded]
    counts: dict[str, int] = {}
    for fit in race:
        for note in fit.notes:
            text = reason_text(note, lang)
            counts[text] = counts.get(text, 0) + 1
    if not counts:
        return ""
    parts = "; ".join(f"{text} ({n}/{len(race)})" for text, n in counts.items())
    return template_words(lang)["unchecked"].format(parts=parts)
