"""How sure the ranking is, in words: the Monte Carlo verdict, the flip, the TOPSIS cross-check."""

from __future__ import annotations

from crmadvisor.model.assessment import Assessment
from crmadvisor.present.labels import Labels, percent
from crmadvisor.present.typography import after_colon, in_sentence, number, points
from crmadvisor.present.view import RobustnessView, TopsisRow, TopsisView


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
                draws=number(robust.draws, labels.lang),
                margin=points(robust.margin, labels.lang),
            )
        )
    if result.fits and not result.fits[0].excluded and result.fits[0].blocked:
        lines.append(w["verdict.blocked"])
    flip = robust.flip
    if flip is not None:
        lines.append(
            w["flip"].format(
                area=after_colon(labels.area(flip.area), labels.lang),
                from_level=in_sentence(labels.level(flip.from_level)),
                to_level=in_sentence(labels.level(flip.to_level)),
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


def robustness_view(result: Assessment, labels: Labels) -> RobustnessView | None:
    robust = result.robustness
    if robust is None:
        return None
    flip = robust.flip
    return RobustnessView(
        draws=robust.draws,
        seed=robust.seed,
        clear_winner=robust.clear_winner,
        leader=labels.vendor(robust.leader) if robust.leader else None,
        runner_up=labels.vendor(robust.runner_up) if robust.runner_up else None,
        margin=round(robust.margin, 4),
        verdict=tuple(verdict_lines(result, labels)),
        flip_area=labels.area(flip.area) if flip else None,
        flip_to=labels.level(flip.to_level) if flip else None,
        flip_winner=labels.vendor(flip.winner) if flip else None,
    )


def topsis_view(result: Assessment, labels: Labels) -> TopsisView | None:
    cross = result.topsis
    if cross is None:
        return None
    fit_rank = {f.vendor: i for i, f in enumerate([f for f in result.fits if not f.excluded], start=1)}
    rows = tuple(
        TopsisRow(
            vendor=v,
            name=labels.vendor(v),
            closeness=round(c, 4),
            fit_rank=fit_rank[v],
            topsis_rank=i,
        )
        for i, (v, c) in enumerate(cross.closeness, start=1)
    )
    return TopsisView(same_winner=cross.same_winner, lines=tuple(topsis_lines(result, labels)), rows=rows)
