"""The recommendation in words (`crmadvisor.model.recommendation` gives codes and values)."""

from __future__ import annotations

from crmadvisor.model.assessment import Assessment
from crmadvisor.model.fit import Gap
from crmadvisor.model.recommendation import Advice, Pick, Point
from crmadvisor.present.labels import Labels, percent
from crmadvisor.present.typography import in_sentence, points
from crmadvisor.present.view import PickView, RecommendationView
from crmadvisor.words import Words, words


def _listed(items: list[str], w: Words) -> str:
    if len(items) < 2:
        return "".join(items)
    return w["report.recommendation.comma"].join(items[:-1]) + w["report.recommendation.and"] + items[-1]


def _why(pick: Pick, name: str, labels: Labels, w: Words) -> str:
    points = [
        w(
            "report.recommendation.point",
            capability=in_sentence(labels.capability(p.capability)),
            rating=p.rating,
            need=p.need,
        )
        for p in pick.why
    ]
    key = "report.recommendation.why" if points else "report.recommendation.why.none"
    text = w(key, name=name, fit=percent(pick.fit), points=_listed(points, w))
    return text + (w["report.recommendation.why.blocked"] if not pick.meets_must_haves else "")


def _open(gaps: tuple[Gap, ...], more: int, labels: Labels, w: Words) -> tuple[str, ...]:
    lines = [
        w(
            "report.recommendation.open",
            capability=labels.capability(g.capability),
            rating=g.rating,
            need=g.need,
            severity=w[f"severity.{g.severity}"],
        )
        for g in gaps
    ]
    if more:
        lines.append(w("report.recommendation.open.more", n=more))
    return tuple(lines) or (w["report.recommendation.open.none"],)


def _verify(points: tuple[Point, ...], labels: Labels, w: Words) -> tuple[str, ...]:
    lines = []
    for p in points:
        kind = "unverified" if p.unverified else "tight" if p.rating >= p.need else "short"
        lines.append(
            w(
                f"report.recommendation.verify.{kind}",
                capability=labels.capability(p.capability),
                rating=p.rating,
                need=p.need,
            )
        )
    return tuple(lines)


def _confidence(advice: Advice, result: Assessment, labels: Labels, w: Words) -> str:
    race = [f for f in result.fits if not f.excluded]
    if advice.confidence in ("none", "unmeasured"):
        return w[f"report.recommendation.confidence.{advice.confidence}"]
    leader = labels.vendor(race[0].vendor)
    if advice.confidence == "alone":
        return w("report.recommendation.confidence.alone", leader=leader)
    values = {
        "leader": leader,
        "runner_up": labels.vendor(race[1].vendor),
        "share": percent(advice.leader_share or 0.0),
        "margin": points(advice.margin or 0.0, labels.lang),
    }
    text = w(f"report.recommendation.confidence.{advice.confidence}", **values)
    flip = advice.flip
    if flip is not None:
        text += w(
            "report.recommendation.confidence.flip",
            area=in_sentence(labels.area(flip.area)),
            from_level=in_sentence(labels.level(flip.from_level)),
            to_level=in_sentence(labels.level(flip.to_level)),
            winner=labels.vendor(flip.winner),
        )
    elif advice.confidence == "close":
        text += w["report.recommendation.confidence.no_flip"]
    return text


def _must_haves(advice: Advice, labels: Labels, w: Words) -> str:
    parts = []
    if advice.named:
        named = _listed([labels.capability(c) for c in advice.named], w)
        parts.append(w("report.recommendation.must_haves.named", items=named))
    if advice.defaulted:
        defaulted = _listed([labels.capability(c) for c in advice.defaulted], w)
        parts.append(w("report.recommendation.must_haves.default", items=defaulted))
    return " ".join(parts) or w["report.recommendation.must_haves.none"]


def _suggested(result: Assessment, labels: Labels, w: Words) -> tuple[str, ...]:
    lines = []
    for area in dict.fromkeys(n.area for n in result.needs if n.suggested):
        need = next(n for n in result.needs if n.area == area)
        traits = _listed([labels.trait(t) for t in need.suggested_by], w)
        key = "report.recommendation.suggested" if traits else "report.recommendation.suggested.no_answers"
        lines.append(w(key, area=labels.area(area), level=labels.level(need.importance), traits=traits))
    return tuple(lines)


def _configuration(result: Assessment, vendor: str, labels: Labels) -> str | None:
    """The edition and add-ons, for a vendor sold in editions (format 2)."""
    found = next((r for r in result.configurations if r.vendor == vendor), None)
    profile = labels.vendors.get(vendor)
    if found is None or profile is None or profile.format < 2:
        return None
    return " + ".join(part.name for part in found.configuration.parts)


def recommendation_view(result: Assessment, labels: Labels) -> RecommendationView | None:
    advice = result.advice
    if advice is None:
        return None
    w = words(labels.lang)
    picks = []
    for pick in advice.shortlist:
        name = labels.vendor(pick.vendor)
        picks.append(
            PickView(
                vendor=pick.vendor,
                name=name,
                position=pick.position,
                fit=round(pick.fit, 4),
                meets_must_haves=pick.meets_must_haves,
                configuration=_configuration(result, pick.vendor, labels),
                why=_why(pick, name, labels, w),
                open=_open(pick.open, pick.more_open, labels, w),
                verify=_verify(pick.verify, labels, w),
            )
        )
    names = [p.name for p in picks]
    headline = (
        w("report.recommendation.headline", vendors=_listed(names, w))
        if len(names) > 1
        else w("report.recommendation.headline.one", vendors=_listed(names, w))
        if names
        else w["report.recommendation.headline.none"]
    )
    market = []
    for gap in advice.market_gaps:
        area = next(n.area for n in result.needs if n.capability == gap.capability)
        text = w(
            "report.recommendation.market",
            capability=labels.capability(gap.capability),
            best=gap.best,
            where=w[f"report.recommendation.market.where.{area}"],
        )
        if gap.elsewhere:
            others = _listed([labels.vendor(v) for v in gap.elsewhere], w)
            text += w("report.recommendation.market.elsewhere", vendors=others)
        market.append(text)
    return RecommendationView(
        title=w["report.recommendation.title"],
        headline=headline,
        confidence=advice.confidence,
        confidence_text=_confidence(advice, result, labels, w),
        picks=tuple(picks),
        market=tuple(market),
        must_haves=_must_haves(advice, labels, w),
        suggested=_suggested(result, labels, w),
    )
