"""The written report's words (Markdown, HTML, PDF; the JSON's labels), in English (merged into en.WORDS)."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "report.report_title": "CRM selection report",
    "report.prepared_for": "Prepared for",
    "report.date": "Date",
    "report.consultant": "Consultant",
    "report.tool": "Produced with",
    "report.catalogue_date": "Vendor catalogue reviewed",
    "report.contents": "Contents",
    "report.summary": "Executive summary",
    "report.summary.orientation": (
        "Orientation: {orientation}, {percent} % of the way from typical B2B to typical B2C."
    ),
    "report.summary.top": "The three best-fitting vendors",
    "report.summary.confidence": "first in {share} of draws, rank {range}",
    "report.summary.no_robustness": "robustness not computed",
    "report.summary.blocking": "Blocking gaps",
    "report.summary.no_blocking": "None of the three vendors above misses a must-have.",
    "report.summary.blocking_para": "must-have, need {need}/5",
    "report.summary.vendor_short": "{vendor} rates {rating}/5: {evidence}",
    "report.exec.recommendation": "Recommendation",
    "report.exec.findings": "Blocking findings",
    "report.exec.unchecked": "What could not be checked",
    "report.exec.confidence": "How sure",
    "report.exec.next": "Next steps",
    "report.exec.fit": "fit {fit}",
    "report.exec.cost.none": "no price in its profile",
    "report.exec.cost.yearly.one": "{amount} a year for {users} user (list price, licences only)",
    "report.exec.cost.yearly.other": "{amount} a year for {users} users (list price, licences only)",
    "report.exec.cost.per_user": "{monthly} (list price, licences only)",
    "report.exec.why": "Strong on {points}.",
    "report.exec.why.none": "Meets none of the main needs solidly.",
    "report.exec.open": "Left open: {items}.",
    "report.exec.open.none": "Leaves nothing open.",
    "report.exec.open.item": "{capability} ({rating}/5 for a need of {need})",
    "report.exec.open.must": "{capability}, a must-have ({rating}/5 for a need of {need})",
    "report.exec.open.more.one": "{n} more gap",
    "report.exec.open.more.other": "{n} more gaps",
    "report.exec.finding.must.one": (
        "{vendors} misses the must-have {capability} (need {need}/5), which another vendor meets."
    ),
    "report.exec.finding.must.other": (
        "{vendors} miss the must-have {capability} (need {need}/5), which another vendor meets."
    ),
    "report.exec.finding.none": "None: the shortlisted vendors meet every must-have.",
    "report.exec.unchecked.note": "{text} (vendors in the race concerned: {n}/{total}).",
    "report.exec.unchecked.no_budget": "No budget in the answers: costs are shown, not compared with a budget.",
    "report.exec.unchecked.quote.one": "{vendors} sells its recommended configuration on quote: its cost is not known.",
    "report.exec.unchecked.quote.other": (
        "{vendors} sell their recommended configurations on quote: their cost is not known."
    ),
    "report.exec.unchecked.users": (
        "The number of users is not in the answers (constraints.users): costs are per user and month, with no "
        "yearly total."
    ),
    "report.exec.unchecked.unverified.one": "{n} rating the shortlist rests on has no public source.",
    "report.exec.unchecked.unverified.other": "{n} ratings the shortlist rests on have no public source.",
    "report.exec.unchecked.none": "Nothing: every constraint could be checked for every vendor in the race.",
    "report.exec.confidence.clear": (
        "{leader} leads clearly: no change of one or two importance levels puts another vendor first."
    ),
    "report.exec.confidence.sensitive": "{leader} leads clearly, but on one answer.",
    "report.exec.confidence.close": "A close race between {vendors}: let the demos decide.",
    "report.exec.confidence.flip": (
        " Changing the importance of {area} from {from_level} to {to_level} would put {winner} first."
    ),
    "report.exec.confidence.alone": "{leader} is the only vendor left in the race: nothing to compare it with.",
    "report.exec.confidence.none": "No vendor is left in the race.",
    "report.exec.confidence.unmeasured": "Not measured: the robustness analysis was skipped (--draws 0).",
    "report.exec.next.demo": "Demo scenario “{capability}” (need {need}/5): ask {vendors} to show it on your own case.",
    "report.exec.next.rated": "{vendor} (rated {rating}/5)",
    "report.exec.next.market": (
        "Choose a tool for {capability} beside the CRM, and ask each shortlisted vendor how it connects."
    ),
    "report.exec.next.confirm": "Confirm with the client how important {area} is ({level}): the ranking turns on it.",
    "report.exec.next.quote": "Ask {vendors} for a quote.",
    "report.exec.next.users": "Give the number of users (constraints.users) to compare yearly costs.",
    "report.recommendation.title": "Recommendation",
    "report.recommendation.headline": "Shortlist {vendors} for demos.",
    "report.recommendation.headline.one": "Shortlist {vendors}: no other vendor is left in the race.",
    "report.recommendation.headline.none": "No vendor can be recommended: every one is excluded by a constraint.",
    "report.recommendation.comma": ", ",
    "report.recommendation.and": " and ",
    "report.recommendation.why": "{name} ({fit} fit) earns most of its fit on {points}.",
    "report.recommendation.why.none": "{name} ({fit} fit) meets none of the main needs solidly.",
    "report.recommendation.why.blocked": " It misses a must-have that another vendor meets: see what it leaves open.",
    "report.recommendation.point": "{capability} ({rating}/5 for a need of {need})",
    "report.recommendation.open": "{capability}: {rating}/5 for a need of {need} ({severity})",
    "report.recommendation.open.more": "and {n} smaller gaps (see its section)",
    "report.recommendation.open.none": "nothing: it covers every need",
    "report.recommendation.verify.unverified": (
        "{capability}: rated {rating}/5 without a public source; ask to see it work"
    ),
    "report.recommendation.verify.tight": (
        "{capability}: {rating}/5 just covers a need of {need}; see it on your own case"
    ),
    "report.recommendation.verify.short": (
        "{capability}: {rating}/5, one level short of {need}; ask how they would close it"
    ),
    "report.recommendation.market": (
        "No CRM in the race covers {capability} as a must-have needs (best rating {best}/5): plan it in "
        "{where} and weigh the integration; the vendors are ranked on the other must-haves."
    ),
    "report.recommendation.market.elsewhere": " {vendors} would meet it but are excluded by a constraint.",
    "report.recommendation.market.where.contacts": "a dedicated customer-data or emailing tool",
    "report.recommendation.market.where.automation": "a marketing automation platform",
    "report.recommendation.market.where.nurturing": "a marketing automation platform",
    "report.recommendation.market.where.pipeline": "a sales-forecasting tool",
    "report.recommendation.market.where.integration": "an integration platform (iPaaS) or custom development",
    "report.recommendation.market.where.calls": "a contact-centre or telephony tool",
    "report.recommendation.market.where.loyalty": "a loyalty-programme platform",
    "report.recommendation.market.where.social": "a social-media monitoring tool",
    "report.recommendation.market.where.invoicing": "the invoicing or ERP tool",
    "report.recommendation.must_haves.named": "Must-haves named by the consultant: {items}.",
    "report.recommendation.must_haves.default": (
        "Must-haves by default, the core capability of each area answered critical: {items}."
    ),
    "report.recommendation.must_haves.none": "No must-have: no area is answered critical and none is named.",
    "report.recommendation.suggested": (
        "{area}: importance not known, suggested {level} from the profile (answers on {traits})."
    ),
    "report.recommendation.suggested.no_answers": (
        "{area}: importance not known, suggested {level}; no answer about the traits driving it."
    ),
    "report.recommendation.confidence.clear": (
        "The ranking is clear: {leader} comes first in {share} of the draws, {margin} ahead of "
        "{runner_up}, and no change of one or two importance levels puts another vendor first."
    ),
    "report.recommendation.confidence.sensitive": (
        "{leader} leads clearly ({share} of the draws, {margin} ahead of {runner_up}), but it rests "
        "on one importance answer."
    ),
    "report.recommendation.confidence.close": (
        "No clear winner: {leader} comes first in {share} of the draws, {margin} ahead of {runner_up}; "
        "let the demos decide between the shortlisted vendors."
    ),
    "report.recommendation.confidence.flip": (
        " Rating {area} {to_level} instead of {from_level} would put {winner} first: confirm that "
        "answer with the client."
    ),
    "report.recommendation.confidence.no_flip": " No change of one or two importance levels puts another vendor first.",
    "report.recommendation.confidence.alone": "Only {leader} is left in the race: there is no alternative to compare.",
    "report.recommendation.confidence.none": "No vendor is left in the race.",
    "report.recommendation.confidence.unmeasured": "How sure the ranking is was not measured (--draws 0).",
    "report.recommendation.why_title": "Why",
    "report.recommendation.open_title": "Leaves open",
    "report.recommendation.verify_title": "Verify in a demo",
    "report.recommendation.market_title": "What the market does not cover",
    "report.recommendation.configuration": "Configuration",
    "report.recommendation.confidence_title": "How sure",
    "report.summary.verdict": "Confidence",
    "report.profile.intro": (
        "The 9 relationship traits between B2B and B2C, with the answer given and where it sits between "
        "typical B2B (left) and typical B2C (right)."
    ),
    "report.position.value": "B2C share",
    "report.needs.intro": (
        "Each capability's need on a 0-5 scale: the importance given to its feature area sets the level of "
        "the area's most relevant capability, and the traits lower the others. Must-haves are the ones the "
        "consultant named, else the core capability of each area rated critical; a vendor below a must-have "
        "that another vendor meets has a blocking gap."
    ),
    "report.level": "Need (0-5)",
    "report.must_have": "Must-have",
    "report.importance_of": "Importance",
    "report.ranking.intro": (
        "Fit is the share of the weighted need a vendor covers (capped at the need). Gaps are counted as "
        "blocking / major / minor. The order puts fewer blocking gaps (unmet must-haves) first, then "
        "higher fit, so a vendor may rank above one with a higher fit. Vendors excluded by a constraint "
        "are listed last, with the reason."
    ),
    "report.status": "Status",
    "report.in_race": "in the race",
    "report.matrix.intro": (
        "Share of each feature area's need that each vendor covers (first {rows} vendors in the race)."
    ),
    "report.matrix.legend": "Legend",
    "report.legend.full": "100 % covered",
    "report.legend.most": "75-99 %",
    "report.legend.half": "50-74 %",
    "report.legend.low": "below 50 %",
    "report.legend.none": "no need in this area",
    "report.shortlist": "Shortlisted vendors",
    "report.rank_n": "Rank {rank}",
    "report.publisher": "Publisher",
    "report.website": "Website",
    "report.stale_flag": "Warning: this profile was reviewed more than 12 months before the report date.",
    "report.strengths.intro": "Capabilities with a need of 3 or more that the vendor fully covers",
    "report.gaps.intro": "Capabilities rated below the need",
    "report.severity": "Severity",
    "report.rating": "Rating",
    "report.source": "source",
    "report.sources": "Sources",
    "report.changes.title": "What the vendors' answers changed",
    "report.changes.intro": (
        "This ranking uses ratings read back from the vendors' RFP answers or observed in demos (rfp import). "
        "Against the catalogue's desk research alone:"
    ),
    "report.changes.rank": "rank {rank}",
    "report.changes.out": "out of the race",
    "report.changes.vendor": "{vendor}: {now} ({desk} on desk research alone)",
    "report.changes.rating": "{capability}: {desk} → {rating}, {why}",
    "report.changes.not_rated": "not rated",
    "report.changes.others": "Other vendors whose rank moved: {vendors}.",
    "report.changes.other": "{vendor} {desk} → {now}",
    "report.evidence.desk_rank": "{desk} on desk research alone",
    "report.sources.intro": "Sources by site",
    "report.source_kind.vendor": "the vendor's own",
    "report.source_kind.third_party": "third party",
    "report.source_kind.disallowed": "not an allowed source",
    "report.page.pricing": "pricing",
    "report.page.api": "API reference",
    "report.page.help": "help centre",
    "report.page.blog": "blog",
    "report.page.home": "Home page",
    "report.page.numbered": "Page {number}",
    "report.evidence.title": "Evidence",
    "report.evidence.head.one": "{sourced} of {used} rating used here is sourced",
    "report.evidence.head.other": "{sourced} of {used} ratings used here are sourced",
    "report.evidence.own": "{n} on the vendor's own pages",
    "report.evidence.third_party": "{n} third party",
    "report.evidence.unverified.one": "{n} unverified",
    "report.evidence.unverified.other": "{n} unverified",
    "report.evidence.declared.one": "{n} declared by the vendor in its RFP answers",
    "report.evidence.declared.other": "{n} declared by the vendor in its RFP answers",
    "report.evidence.demo.one": "{n} observed in a demo",
    "report.evidence.demo.other": "{n} observed in a demo",
    "report.evidence.reviewed": "reviewed {date}",
    "report.evidence.short.one": "{sourced} of {used} rating sourced",
    "report.evidence.short.other": "{sourced} of {used} ratings sourced",
    "report.unverified_mark": "unverified",
    "report.provenance.vendor_declared": "vendor-declared, RFP of {date}",
    "report.provenance.demo": "observed in a demo on {date} by {by}",
    "report.provenance.demo_unnamed": "observed in a demo on {date}",
    "report.odds": "Monte Carlo",
    "report.rank_range": "Rank range (5-95 %)",
    "report.first_share": "First in",
    "report.topsis.closeness": "Closeness",
    "report.topsis.rank": "TOPSIS rank",
    "report.fit_rank": "Fit rank",
    "report.methodology": "Methodology",
    "report.page": "page",  # the footer: "page 3 of 12", "page 3 sur 12"
    "report.page_of": "of",
    "report.method.percent": "{n}\xa0%",
    "report.method.ratings.title": "Vendor ratings",
    "report.method.ratings.text": (
        "Each vendor is rated from 0 to 5 on each capability, on one scale for all vendors, from its public "
        "documentation at the review date shown in its section, with the source. The ratings are judgements, "
        "not tests of the products; a rating no public source supports is marked unverified."
    ),
    "report.method.profile.title": "Profile",
    "report.method.profile.text": (
        "Each of the {traits} relationship questions places the company between typical B2B (position 0) and "
        "typical B2C (position 1). The overall position is the mean of the positions answered (a \"don't "
        'know" is left out): B2B below one third, B2C above two thirds, hybrid in between.'
    ),
    "report.method.needs.title": "Needs",
    "report.method.needs.text": (
        "Each of the {capabilities} capabilities is driven by some of these answers, each with a weight from 1 "
        "to 3 and a side, B2B or B2C. An answer's pull is how typical of that side it is, from 0 to 1; the "
        "capability's relevance r is the weighted mean of its drivers' pulls ({neutral} when none was "
        "answered). The importance given to its feature area sets the level L: not needed 0, useful 3, "
        "important 4, critical 5."
    ),
    "report.method.needs.formula.1": "need = round(L × (1 − {slope} × (r_top − r))), a whole number from 0 to 5",
    "report.method.needs.notes": (
        "r_top is the highest relevance in the area: its most relevant capability gets the area's level, the "
        "others lose in proportion down to a quarter of it, and no need is above its area's importance. An "
        'importance answered "don\'t know" is suggested by the profile: important when r_top is {high} or '
        "more, not needed below {low}, useful otherwise; never critical, which only the client can say."
    ),
    "report.method.must_haves.title": "Must-haves",
    "report.method.must_haves.text": (
        "The must-haves are the capabilities the consultant named; a named must-have's need is its area's "
        "level. When none is named, each area answered critical has one: the capability with a need of 5 "
        "whose relevance is within {tie} of the area's top, the first in the catalogue's order. A vendor "
        "meets a must-have with a rating of at least {met}, or of the need when that is lower."
    ),
    "report.method.fit.title": "Fit and gaps",
    "report.method.fit.text": (
        "A vendor's fit is the share of the weighted need its ratings cover; a rating above the need earns "
        "nothing more."
    ),
    "report.method.fit.formula.1": "weight = need{power} (for needs of 1 to 5: {weights})",
    "report.method.fit.formula.2": "coverage = min(rating, need) ÷ need",
    "report.method.fit.formula.3": "fit = Σ (weight × coverage) ÷ Σ weight",
    "report.method.fit.notes": (
        "The cube makes one critical need outweigh several small ones. A gap is a need rated below: blocking "
        "when a must-have is not met, unless no vendor in the race meets it (then it is a finding about the "
        "market, said once, that blocks nobody); major when {major} levels or more short; minor when one "
        "level short. The ranking puts the vendors excluded by a constraint last, then fewer blocking gaps "
        "first, then the higher fit, then fewer major and fewer minor gaps."
    ),
    "report.method.configuration.title": "Editions, add-ons and cost",
    "report.method.configuration.text": (
        "Each vendor is ranked in one configuration: an edition, alone or with separately licensed add-ons, "
        "whose rating on a capability is the highest of the edition's and its add-ons'. Its cost is the "
        "yearly list price of the licences for the client's users (no discount, implementation or usage), "
        "converted at the European Central Bank's reference rate. Among the configurations within the budget "
        "that meet every must-have, the advisor keeps the one of highest value:"
    ),
    "report.method.configuration.formula.1": (
        "value = levels covered − {per_doubling} × log₂((cost + nominal) ÷ nominal)"
    ),
    "report.method.configuration.notes": (
        "Levels covered counts each level of rating up to the need on the important needs only (need 4 or 5): "
        "a level counts 1 on a need of 4 and {five} on a need of 5, the ratio of their weights per level. The "
        "nominal licence, {nominal} per user per month for the same users and year, makes a free edition "
        "comparable with a paid one. Doubling the cost must therefore close two levels of important needs "
        "(one capability from 2 to 4). A part sold on quote counts as one more doubling, and an edition on "
        "quote costs at least the priced edition below it. Needs of 1 to 3 never pay for an edition or an "
        "add-on; what more would close is listed with its extra cost."
    ),
    "report.method.constraints.title": "Constraints",
    "report.method.constraints.text": (
        "A vendor is excluded, and listed last with the reason, when its interface lacks a required language, "
        "it hosts data in none of the accepted regions, it does not serve the company's size, every edition "
        "is sold for fewer users than the client has, or every configuration that meets the must-haves costs "
        "more than the budget. A fact the vendor does not publish (a hosting region, a price on quote) "
        "excludes nobody: the report says to check it."
    ),
    "report.method.robustness.title": "How sure: the robustness draws",
    "report.method.robustness.text": (
        "Ratings and weights are judgements, so the ranking was worked out again in {draws} random draws "
        "from seed {seed} (the same answers, catalogue and seed give the same figures). In each draw, every "
        "need's weight is multiplied by a factor drawn between {lo} and {hi}, every rating moves one level "
        "down with a probability of {slip} and one level up with a probability of {slip}, and the blocking "
        "gaps are counted again."
    ),
    "report.method.robustness.notes": (
        '"First in" is the share of the draws in which a vendor ranks first; its rank range runs from the '
        "5th to the 95th percentile of its ranks. The report names a clear winner only when the leader comes "
        "first in at least {share} of the draws and leads the second by at least {margin} of fit."
    ),
    "report.method.robustness_none.text": "This report was made without the robustness draws.",
    "report.method.flip.title": "The smallest change that changes the winner",
    "report.method.flip.text": (
        "Each feature area's importance is moved up or down by 1 to {steps} levels, one area at a time; the needs, "
        "each vendor's configuration and the budget check are worked out again and the vendors ranked again. "
        "The report names the change the fewest levels away (then the first area in the catalogue's order) "
        "that puts another vendor first, or says that none does. A change of three levels (critical to not "
        "needed) would describe another company and is not tried."
    ),
    "report.appendix": "Appendix: every answer",
    "report.question": "Question",
    "report.charts": "Charts",
    "report.chart.radar": "Need and vendor ratings by feature area",
    "report.chart.radar.alt": (
        "Radar chart: the mean need of each feature area (0-5) against the mean rating of the top three vendors"
    ),
    "report.chart.fit": "Fit of the vendors in the race, with their share of first places",
    "report.chart.fit.alt": "Bar chart: each vendor's fit, and the share of perturbed draws in which it ranks first",
    "report.chart.value": "Fit against yearly list-price cost of the recommended configurations",
    "report.chart.value.alt": (
        "Scatter chart: each vendor in the race at its configuration's yearly licence cost and its fit; "
        "circles meet every must-have, crosses miss one"
    ),
    "report.chart.value.cost": "Yearly licence cost, list price ({currency})",
    "report.chart.value.meets": "meets every must-have",
    "report.chart.value.misses": "misses a must-have",
    "report.configuration": "Configuration",
    "report.yearly_cost": "Licences (list price)",
    "report.configuration.line": "Recommended configuration: {name}; {cost}",
    "report.configuration.rates": "Converted at {rates}",
    "report.configuration.upgrades": "More would close",
    "report.chart.need": "Need",
    "report.chart.red_blocked": "red: blocked by a must-have gap",
    "report.loyalty": "B2B loyalty programme",
}
