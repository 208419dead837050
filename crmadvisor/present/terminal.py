"""Rich rendering of an assessment for the terminal (80 columns and NO_COLOR friendly)."""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from crmadvisor.model.assessment import Assessment
from crmadvisor.model.fit import Fit
from crmadvisor.model.loyalty import applies
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import DONT_KNOW, Catalog, Vendor
from crmadvisor.present.reasons import reason_text, reasons_text
from crmadvisor.present.template_words import template_words

SEVERITY_STYLE = {"blocking": "bold red", "major": "yellow", "minor": "cyan"}
SHORTLIST = 3
MATRIX_ROWS = 10


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

    def option(self, trait_id: str, option_id: str | None) -> str:
        if option_id is None:
            return self.w["not_answered"]
        if option_id == DONT_KNOW:
            return self.w["dont_know"]
        option = next((o for o in self.traits[trait_id].options if o.id == option_id), None)
        return option.label(self.lang) if option else option_id

    def area(self, area_id: str) -> str:
        return self.areas[area_id].heading(self.lang)

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
    return label


def need_reason(need: Need, labels: Labels) -> str:
    """Which answers raised or lowered a need, and the importance answer that capped it."""
    w = labels.w
    raised = [
        f"{labels.trait(e.trait)} = {short(labels.option(e.trait, e.option))}"
        for e in need.drivers
        if e.pull is not None and e.pull > 0.5
    ]
    lowered = [
        f"{labels.trait(e.trait)} = {short(labels.option(e.trait, e.option))}"
        for e in need.drivers
        if e.pull is not None and e.pull < 0.5
    ]
    parts = [w["importance"].format(level=labels.level(need.importance), ceiling=need.ceiling)]
    if raised:
        parts.append(w["raised_by"].format(items="; ".join(raised)))
    if lowered:
        parts.append(w["lowered_by"].format(items="; ".join(lowered)))
    if need.raises and labels.loyalty is not None:
        from crmadvisor.present.loyalty import raised_by_loyalty

        parts.append(raised_by_loyalty(need.raises, labels.loyalty, labels.lang))
    if not raised and not lowered:
        parts.append(w["no_driver_answer"])
    return "; ".join(parts)


def render_assessment(
    console: Console,
    result: Assessment,
    catalog: Catalog,
    lang: str,
    today: dt.date,
    *,
    answers_file: Path | None = None,
) -> None:
    labels = Labels(catalog, lang)
    w = labels.w
    title = f"{w['assessment']}: {result.answers.company or '?'}"
    console.print(Rule(title))
    render_profile(console, result, labels)
    render_needs(console, result.needs, labels)
    render_ranking(console, result, labels)
    render_matrix(console, result.fits, labels)
    render_shortlist(console, result, labels, catalog.vendors, today)
    render_robustness(console, result, labels)
    if result.loyalty is not None:
        from crmadvisor.present.loyalty import render_loyalty

        applied = any(need.raises for need in result.needs)
        render_loyalty(console, result.loyalty, catalog, lang, result.answers.company, applied=applied)
    elif catalog.loyalty is not None and applies(
        catalog.loyalty, result.profile.orientation, result.answers.importance
    ):
        from crmadvisor.words import words

        where = shlex.quote(str(answers_file)) if answers_file is not None else None
        hint = words(lang)("loyalty.hint", file=where or words(lang)["loyalty.file"])
        console.print(Text(hint, style="italic"))


def render_profile(console: Console, result: Assessment, labels: Labels) -> None:
    w = labels.w
    profile = result.profile
    table = Table(title=w["profile"], title_justify="left", expand=False, show_lines=False)
    table.add_column(w["trait"], ratio=3)
    table.add_column(w["answer"], ratio=4)
    table.add_column(w["position"], no_wrap=True)
    for item in profile.traits:
        chosen = result.answers.traits.get(item.trait)
        table.add_row(labels.trait(item.trait), labels.option(item.trait, chosen), f"B2B {gauge(item.position)} B2C")
    console.print(table)
    orientation = labels.orientation(profile.orientation)
    console.print(w["overall"].format(orientation=orientation, percent=profile.b2c_percent))
    if profile.declared is not None:
        declared = labels.declared[profile.declared].label(labels.lang)
        console.print(w["declared"].format(declared=declared))
        if not profile.consistent:
            traits = ", ".join(labels.trait(t) for t in profile.disagreeing_traits)
            note = w["inconsistent"].format(declared=declared, percent=profile.b2c_percent, traits=traits)
            console.print(Panel(note, style="yellow"))
    console.print()


def render_needs(console: Console, needs: Sequence[Need], labels: Labels) -> None:
    w = labels.w
    table = Table(title=w["needs"], title_justify="left", show_lines=True)
    table.add_column(w["capability"], ratio=3)
    table.add_column(w["need"], no_wrap=True)
    table.add_column(w["why"], ratio=5)
    current = None
    for need in needs:
        if need.area != current:
            current = need.area
            table.add_row(Text(labels.area(need.area), style="bold"), "", "")
        must = " !" if need.must_have else ""
        table.add_row(labels.capability(need.capability), f"{bar(need.level)}{must}", need_reason(need, labels))
    console.print(table)
    console.print(labels.w["must_legend"])
    console.print()


def _odds_cells(result: Assessment, fit: Fit) -> tuple[str, str]:
    if result.robustness is None:
        return "", ""
    odds = result.robustness.odds_of(fit.vendor)
    if odds is None:
        return "-", "-"
    span = f"{odds.rank_low}" if odds.rank_low == odds.rank_high else f"{odds.rank_low}-{odds.rank_high}"
    return percent(odds.first_share), span


def render_ranking(console: Console, result: Assessment, labels: Labels) -> None:
    w = labels.w
    table = Table(title=w["ranking"], title_justify="left")
    table.add_column(w["rank"], justify="right", no_wrap=True)
    table.add_column(w["vendor"], ratio=3)
    table.add_column(w["fit"], justify="right", no_wrap=True)
    table.add_column(w["gaps"], justify="center", no_wrap=True)
    if result.robustness is not None:
        table.add_column(w["first"], justify="right", no_wrap=True)
        table.add_column(w["range"], justify="center", no_wrap=True)
    position = 0
    for fit in result.fits:
        name = Text(labels.vendor(fit.vendor))
        if fit.excluded:
            reasons = reasons_text(fit.exclusions, labels.lang, labels.capability)
            name.append("\n" + w["excluded"].format(reasons=reasons), style="dim")
            rank_cell = "-"
        else:
            position += 1
            rank_cell = str(position)
            if fit.blocked:
                name.append("\n" + w["blocked"], style="red")
            if fit.lopsided:
                name.append("\n" + w["lopsided"], style="yellow")
        gaps = f"{fit.count('blocking')}/{fit.count('major')}/{fit.count('minor')}"
        row: list[str | Text] = [rank_cell, name, percent(fit.score), gaps]
        if result.robustness is not None:
            row += list(_odds_cells(result, fit))
        table.add_row(*row, style="dim" if fit.excluded else None)
    console.print(table)
    console.print(Text(w["ranking.order"], style="dim"))
    unchecked = unchecked_constraints(result.fits, labels.lang)
    if unchecked:
        console.print(Text(unchecked, style="yellow"))
    console.print()


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


def coverage_cell(value: float | None) -> Text:
    if value is None:
        return Text("·", style="dim")
    if value >= 0.999:
        return Text("■", style="green")
    if value >= 0.75:
        return Text("▣", style="green")
    if value >= 0.5:
        return Text("▢", style="yellow")
    return Text("✗", style="bold red")


def render_matrix(console: Console, fits: Sequence[Fit], labels: Labels) -> None:
    w = labels.w
    areas = list(labels.areas)
    table = Table(title=w["gap_matrix"], title_justify="left")
    table.add_column(w["vendor"], no_wrap=True)
    for index in range(len(areas)):
        table.add_column(str(index + 1), justify="center", no_wrap=True)
    for fit in [f for f in fits if not f.excluded][:MATRIX_ROWS]:
        coverage = dict(fit.area_coverage)
        table.add_row(labels.vendor(fit.vendor)[:22], *[coverage_cell(coverage.get(a)) for a in areas])
    console.print(table)
    console.print("  ".join(f"{i + 1} {labels.area(a)}" for i, a in enumerate(areas)), style="dim")
    console.print(w["legend"], style="dim")
    console.print()


def render_shortlist(
    console: Console, result: Assessment, labels: Labels, vendors: Sequence[Vendor], today: dt.date
) -> None:
    w = labels.w
    by_id = {v.id: v for v in vendors}
    needs = {n.capability: n for n in result.needs}
    for fit in [f for f in result.fits if not f.excluded][:SHORTLIST]:
        vendor = by_id[fit.vendor]
        lines = Text()
        stale = (today - vendor.review_date).days > 365
        review = w["review_date"].format(date=vendor.review_date) + (f" ({w['stale']})" if stale else "")
        lines.append(f"{w['fit']} {percent(fit.score)} · {review}\n", style="dim")
        met = sorted(
            (n for n in result.needs if n.level >= 3 and vendor.ratings[n.capability].at() >= n.level),
            key=lambda n: (-n.level, -vendor.ratings[n.capability].at(), n.capability),
        )[:4]
        lines.append(f"{w['strengths']}:\n", style="bold green")
        for need in met:
            rating = vendor.ratings[need.capability]
            lines.append(f"  + {labels.capability(need.capability)}: {rating.evidence}\n")
        if not met:
            lines.append(f"  {w['none']}\n")
        lines.append(f"{w['gap_list']}:\n", style="bold")
        for gap in sorted(fit.gaps, key=lambda g: (("blocking", "major", "minor").index(g.severity), g.capability)):
            rating = vendor.ratings[gap.capability]
            severity = w[f"severity.{gap.severity}"]
            lines.append(f"  - [{severity}] ", style=SEVERITY_STYLE[gap.severity])
            detail = w["rated"].format(rating=gap.rating, need=needs[gap.capability].level)
            lines.append(f"{labels.capability(gap.capability)} ({detail}): {rating.evidence}\n")
        if not fit.gaps:
            lines.append(f"  {w['none']}\n")
        if fit.notes:
            lines.append(w["notes"].format(notes=reasons_text(fit.notes, labels.lang)) + "\n", style="dim")
        console.print(Panel(lines, title=vendor.name, title_align="left"))
    console.print()


def verdict_lines(result: Assessment, labels: Labels) -> list[str]:
    """The robustness verdict in sentences a client can read."""
    w = labels.w
    robust = result.robustness
    lines: list[str] = []
    if robust is None:
        return lines
    if robust.leader is None:
        return [w["verdict.none"]]
    leader = labels.vendor(robust.leader)
    if robust.runner_up is None:
        lines.append(w["verdict.alone"].format(leader=leader))
    else:
        key = "verdict.clear" if robust.clear_winner else "verdict.unclear"
        lines.append(
            w[key].format(
                leader=leader,
                second=labels.vendor(robust.runner_up),
                share=percent(robust.odds[0].first_share),
                draws=robust.draws,
                margin=f"{robust.margin * 100:.1f}".replace(".", "," if labels.lang == "fr" else "."),
            )
        )
    if result.fits and not result.fits[0].excluded and result.fits[0].blocked:
        lines.append(w["verdict.blocked"])
    flip = robust.flip
    if flip is not None:
        lines.append(
            w["flip"].format(
                area=labels.area(flip.area),
                from_level=labels.level(flip.from_level),
                to_level=labels.level(flip.to_level),
                winner=labels.vendor(flip.winner),
            )
        )
    else:
        lines.append(w["no_flip"])
    return lines


def topsis_lines(result: Assessment, labels: Labels) -> list[str]:
    w = labels.w
    cross = result.topsis
    if cross is None or not cross.closeness:
        return []
    winner = labels.vendor(next(f.vendor for f in result.fits if not f.excluded))
    if cross.same_winner:
        lines = [w["topsis.agree"].format(winner=winner)]
    else:
        lines = [w["topsis.disagree"].format(topsis_winner=labels.vendor(cross.closeness[0][0]), winner=winner)]
    lines += [
        w["topsis.diff"].format(vendor=labels.vendor(v), fit_rank=a, topsis_rank=b) for v, a, b in cross.disagreements
    ]
    return lines


def render_robustness(console: Console, result: Assessment, labels: Labels) -> None:
    w = labels.w
    lines = verdict_lines(result, labels)
    if lines:
        console.print(Panel(Group(*[Text(line) for line in lines]), title=w["robustness"], title_align="left"))
    cross = topsis_lines(result, labels)
    if cross:
        console.print(Panel(Group(*[Text(line) for line in cross]), title=w["topsis"], title_align="left"))
