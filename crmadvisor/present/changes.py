"""What the vendors' RFP answers and demo scores changed against the ranking on the catalogue's desk research
alone: each re-rated vendor's rank then and now, the ratings that moved and on whose word, and the other
vendors whose rank moved with them."""

from __future__ import annotations

from crmadvisor.model.assessment import Assessment
from crmadvisor.present.evidence import provenance_label
from crmadvisor.present.labels import Labels
from crmadvisor.present.view import ChangesView, RankChange, RatingChange
from crmadvisor.words import Words, words


def rank_words(rank: int | None, w: Words) -> str:
    """ "rank 4", or "out of the race"."""
    return w["report.changes.out"] if rank is None else w("report.changes.rank", rank=rank)


def changes_view(result: Assessment, labels: Labels) -> ChangesView | None:
    if not result.desk_ranks:
        return None
    w = words(labels.lang)
    race = [f.vendor for f in result.fits if not f.excluded]
    now = {f.vendor: race.index(f.vendor) + 1 if f.vendor in race else None for f in result.fits}
    desk = dict(result.desk_ranks)
    vendors = []
    for change in result.changes:
        ratings = []
        for capability, before, after, why in change.ratings:
            label = provenance_label(why, w) or ""
            shown = w["report.changes.not_rated"] if before is None else str(before)
            name = labels.capability(capability)
            ratings.append(
                RatingChange(
                    capability=capability,
                    name=name,
                    desk=before,
                    rating=after,
                    provenance=why.kind,
                    provenance_label=label,
                    line=w("report.changes.rating", capability=name, desk=shown, rating=after, why=label),
                )
            )
        name = labels.vendor(change.vendor)
        vendors.append(
            RankChange(
                vendor=change.vendor,
                name=name,
                rank=change.after,
                desk_rank=change.before,
                line=w(
                    "report.changes.vendor",
                    vendor=name,
                    now=rank_words(change.after, w),
                    desk=rank_words(change.before, w),
                ),
                ratings=tuple(ratings),
            )
        )
    answered = {c.vendor for c in result.changes}
    moved = [
        w("report.changes.other", vendor=labels.vendor(v), desk=rank_words(desk.get(v), w), now=rank_words(now[v], w))
        for v in now
        if v not in answered and v in desk and desk[v] != now[v]
    ]
    return ChangesView(
        title=w["report.changes.title"],
        intro=w["report.changes.intro"],
        vendors=tuple(vendors),
        others=w("report.changes.others", vendors=w["common.sep"].join(moved)) if moved else "",
    )
