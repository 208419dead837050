"""The executive summary in words, one page: the shortlist in its configurations and costs, the blocking
findings, what could not be checked, how sure the ranking is, and the next steps.

Figures come from the assessment (`Advice`, the fits, the configurations); the words from the
`report.exec.*` keys. The draws and the seed stay out: a manager reads "a close race", the
methodology appendix gives the numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crmadvisor.model.assessment import Assessment
from crmadvisor.model.recommendation import Advice, Pick
from crmadvisor.present.labels import Labels
from crmadvisor.present.reasons import reason_text
from crmadvisor.present.typography import after_colon, in_sentence, number, plural
from crmadvisor.present.view import BlockingGap, ConfigurationView, RankRow, Summary, SummaryPick
from crmadvisor.words import Words, words

CONTENDER = 0.15  # a vendor first in this share of the draws is in the race for first place
LISTED_GAPS = 2  # gaps a pick's sentence names; the others are counted
DEMOS = 3  # demo scenarios in the next steps


def listed(items: Sequence[str], w: Words) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) < 2:
        return "".join(items)
    return w["report.recommendation.comma"].join(items[:-1]) + w["report.recommendation.and"] + items[-1]


def _cost(config: ConfigurationView | None, w: Words, users_given: bool) -> str:
    if config is None:
        return w["report.exec.cost.none"]
    if config.yearly_cost is None:
        return w["configuration.on_quote.all"]
    if not users_given:
        return w("report.exec.cost.per_user", monthly=config.yearly)
    key = f"report.exec.cost.yearly.{plural(config.users, w.lang)}"
    return w(key, amount=config.yearly, users=number(config.users, w.lang))


def _why(pick: Pick, labels: Labels, w: Words) -> str:
    if not pick.why:
        return w["report.exec.why.none"]
    names = [in_sentence(labels.capability(p.capability)) for p in pick.why]
    return w("report.exec.why", points=listed(names, w))


def _left_open(pick: Pick, labels: Labels, w: Words) -> str:
    if not pick.open:
        return w["report.exec.open.none"]
    shown = pick.open[:LISTED_GAPS]
    items = [
        w(
            "report.exec.open.must" if g.severity == "blocking" else "report.exec.open.item",
            capability=in_sentence(labels.capability(g.capability)),
            rating=g.rating,
            need=g.need,
        )
        for g in shown
    ]
    more = len(pick.open) - len(shown) + pick.more_open
    if more:
        items.append(w(f"report.exec.open.more.{plural(more, w.lang)}", n=more))
    return w("report.exec.open", items=listed(items, w))


def _picks(
    advice: Advice, labels: Labels, configs: Mapping[str, ConfigurationView], w: Words, users_given: bool
) -> tuple[SummaryPick, ...]:
    picks = []
    for pick in advice.shortlist:
        config = configs.get(pick.vendor)
        profile = labels.vendors.get(pick.vendor)
        editions = profile is not None and profile.format >= 2
        priced = config is not None and config.yearly_cost is not None and users_given
        picks.append(
            SummaryPick(
                position=pick.position,
                vendor=pick.vendor,
                name=labels.vendor(pick.vendor),
                fit=round(pick.fit, 4),
                meets_must_haves=pick.meets_must_haves,
                configuration=config.name if config is not None and editions else None,
                yearly_cost=config.yearly_cost if priced and config is not None else None,
                currency=config.currency if config is not None else None,
                cost=_cost(config, w, users_given),
                why=_why(pick, labels, w),
                left_open=_left_open(pick, labels, w),
            )
        )
    return tuple(picks)


def _findings(market: Sequence[str], blocking: Sequence[BlockingGap], w: Words) -> tuple[str, ...]:
    lines = list(market)
    for gap in blocking:
        vendors = listed([v.vendor for v in gap.vendors], w)
        key = f"report.exec.finding.must.{plural(len(gap.vendors), w.lang)}"
        lines.append(w(key, capability=gap.name, need=gap.need, vendors=vendors))
    return tuple(lines)


def _unchecked(result: Assessment, picks: Sequence[SummaryPick], w: Words, users_given: bool) -> tuple[str, ...]:
    lines = []
    race = [f for f in result.fits if not f.excluded]
    counts: dict[str, int] = {}
    for fit in race:
        for note in fit.notes:
            text = reason_text(note, w.lang)
            counts[text] = counts.get(text, 0) + 1
    for text, n in counts.items():
        total = number(len(race), w.lang)
        lines.append(
            w("report.exec.unchecked.note", text=text[:1].upper() + text[1:], n=number(n, w.lang), total=total)
        )
    constraints = result.answers.constraints
    budget = constraints is not None and (
        constraints.budget_per_user_month is not None or constraints.budget_per_year is not None
    )
    if not budget:
        lines.append(w["report.exec.unchecked.no_budget"])
    on_quote = [p.name for p in picks if p.configuration is not None and p.cost == w["configuration.on_quote.all"]]
    if on_quote:
        lines.append(w(f"report.exec.unchecked.quote.{plural(len(on_quote), w.lang)}", vendors=listed(on_quote, w)))
    if not users_given and any(p.configuration is not None for p in picks):
        lines.append(w["report.exec.unchecked.users"])
    advice = result.advice
    unverified = {
        (pick.vendor, point.capability)
        for pick in (advice.shortlist if advice is not None else ())
        for point in (*pick.why, *pick.verify)
        if point.unverified
    }
    if unverified:
        n = len(unverified)
        lines.append(w(f"report.exec.unchecked.unverified.{plural(n, w.lang)}", n=number(n, w.lang)))
    return tuple(lines)


def _confidence(advice: Advice, ranking: Sequence[RankRow], labels: Labels, w: Words) -> str:
    race = [r for r in ranking if r.rank is not None]
    kind = advice.confidence
    if kind in ("none", "unmeasured") or not race:
        return w["report.exec.confidence.none" if kind == "none" or not race else "report.exec.confidence.unmeasured"]
    leader = race[0].name
    if kind == "alone":
        return w("report.exec.confidence.alone", leader=leader)
    flip = advice.flip
    change = ""
    if flip is not None:
        change = w(
            "report.exec.confidence.flip",
            area=in_sentence(labels.area(flip.area)),
            from_level=in_sentence(labels.level(flip.from_level)),
            to_level=in_sentence(labels.level(flip.to_level)),
            winner=labels.vendor(flip.winner),
        )
    if kind == "close":
        shares = sorted((r for r in race if r.first_share is not None), key=lambda r: -(r.first_share or 0.0))
        contenders = [r.name for r in shares if (r.first_share or 0.0) >= CONTENDER]
        if len(contenders) < 2:
            contenders = [r.name for r in race[:2]]
        return w("report.exec.confidence.close", vendors=listed(contenders, w)) + change
    if kind == "sensitive":
        return w("report.exec.confidence.sensitive", leader=leader) + change
    return w("report.exec.confidence.clear", leader=leader)


def _next_steps(
    advice: Advice, picks: Sequence[SummaryPick], labels: Labels, w: Words, users_given: bool
) -> tuple[str, ...]:
    steps = []
    gaps: dict[str, list[tuple[str, int]]] = {}
    needs: dict[str, int] = {}
    for pick in advice.shortlist:
        for gap in pick.open:
            if gap.severity in ("blocking", "major"):
                gaps.setdefault(gap.capability, []).append((labels.vendor(pick.vendor), gap.rating))
                needs[gap.capability] = gap.need
    if not gaps:  # nothing left open that matters: see the tight or unverified ratings work
        for pick in advice.shortlist:
            for point in pick.verify:
                gaps.setdefault(point.capability, []).append((labels.vendor(pick.vendor), point.rating))
                needs[point.capability] = point.need
    order = sorted(gaps, key=lambda c: (-needs[c], -len(gaps[c])))
    for capability in order[:DEMOS]:
        vendors = listed([w("report.exec.next.rated", vendor=v, rating=r) for v, r in gaps[capability]], w)
        steps.append(
            w(
                "report.exec.next.demo",
                capability=labels.capability(capability),
                need=needs[capability],
                vendors=vendors,
            )
        )
    for missing in advice.market_gaps:
        steps.append(w("report.exec.next.market", capability=in_sentence(labels.capability(missing.capability))))
    flip = advice.flip
    if flip is not None:
        steps.append(
            w(
                "report.exec.next.confirm",
                area=in_sentence(labels.area(flip.area)),
                level=in_sentence(labels.level(flip.from_level)),
            )
        )
    on_quote = [p.name for p in picks if p.configuration is not None and p.cost == w["configuration.on_quote.all"]]
    if on_quote:
        steps.append(w("report.exec.next.quote", vendors=listed(on_quote, w)))
    if not users_given and any(p.configuration is not None for p in picks):
        steps.append(w["report.exec.next.users"])
    return tuple(steps)


def summary_view(
    result: Assessment,
    labels: Labels,
    *,
    ranking: tuple[RankRow, ...],
    blocking: tuple[BlockingGap, ...],
    verdict: tuple[str, ...],
    configs: Mapping[str, ConfigurationView],
    market: Sequence[str],
    headline: str,
    users_given: bool,
    top: int,
) -> Summary:
    w = words(labels.lang)
    orientation = result.profile
    text = w(
        "report.summary.orientation",
        orientation=after_colon(labels.orientation(orientation.orientation), w.lang),
        percent=orientation.b2c_percent,
    )
    first = tuple(r for r in ranking if r.rank is not None)[:top]
    advice = result.advice
    if advice is None:
        return Summary(orientation=text, top=first, blocking=blocking, verdict=verdict)
    picks = _picks(advice, labels, configs, w, users_given)
    findings = _findings(market, blocking, w)
    unchecked = _unchecked(result, picks, w, users_given)
    if picks:  # with a shortlist, say that nothing blocks or that all was checked
        findings = findings or (w["report.exec.finding.none"],)
        unchecked = unchecked or (w["report.exec.unchecked.none"],)
    return Summary(
        orientation=text,
        headline=headline,
        picks=picks,
        findings=findings,
        unchecked=unchecked,
        confidence=_confidence(advice, ranking, labels, w),
        next_steps=_next_steps(advice, picks, labels, w, users_given),
        top=first,
        blocking=blocking,
        verdict=verdict,
    )
