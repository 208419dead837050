"""The methodology appendix in the client's language: how the report was worked out, formulas included, with
the model's own constants (so the appendix says what the code does) and nothing to look up elsewhere."""

from __future__ import annotations

from crmadvisor.model import choice, fit, needs, robustness
from crmadvisor.present.labels import Labels
from crmadvisor.present.typography import money, number, points
from crmadvisor.present.view import MethodPart, RobustnessView

PARTS = ("ratings", "profile", "needs", "must_haves", "fit", "configuration", "constraints", "robustness", "flip")


def method_parts(labels: Labels, draws: RobustnessView | None) -> tuple[MethodPart, ...]:
    """Each step of the method: its title, what it does in words, its formulas, and what follows from them."""
    w = labels.w
    lang = labels.lang

    def num(value: float, decimals: int = 2) -> str:
        return number(value, lang, decimals=decimals)

    def pct(share: float) -> str:
        return w["method.percent"].format(n=num(share * 100, 0))

    values = {
        "traits": num(len(labels.traits), 0),
        "capabilities": num(len(labels.caps), 0),
        "neutral": num(needs.NEUTRAL),
        "slope": num(1 - needs.FLOOR),
        "high": num(needs.SUGGEST_HIGH_FROM),
        "low": num(needs.SUGGEST_LOW_BELOW),
        "tie": num(needs.MUST_HAVE_TIE),
        "met": num(fit.MUST_HAVE_MET, 0),
        "major": num(fit.MAJOR_FROM, 0),
        "power": "³" if fit.WEIGHT_POWER == 3 else f"^{fit.WEIGHT_POWER}",
        "weights": ", ".join(num(level**fit.WEIGHT_POWER, 0) for level in range(1, 6)),
        "per_doubling": num(choice.LEVELS_PER_DOUBLING, 1),
        "five": num((5 / 4) ** (fit.WEIGHT_POWER - 1)),
        "nominal": money(choice.NOMINAL_PER_USER_MONTH_EUR, "EUR", lang),
        "lo": num(1 - robustness.WEIGHT_SPREAD),
        "hi": num(1 + robustness.WEIGHT_SPREAD),
        "slip": pct(robustness.RATING_SLIP),
        "share": pct(robustness.CLEAR_SHARE),
        "margin": points(robustness.CLOSE_MARGIN, lang),
        "steps": num(robustness.MAX_FLIP_STEPS, 0),
        "draws": num(draws.draws, 0) if draws is not None else "",
        "seed": str(draws.seed) if draws is not None else "",
    }
    parts = []
    for part in PARTS:
        key = f"method.{part}"
        if part == "robustness" and draws is None:
            key = "method.robustness_none"
        formulas = tuple(w[f"{key}.formula.{i}"].format(**values) for i in range(1, 4) if f"{key}.formula.{i}" in w)
        parts.append(
            MethodPart(
                title=w[f"method.{part}.title"],
                text=w[f"{key}.text"].format(**values),
                formulas=formulas,
                notes=w[f"{key}.notes"].format(**values) if f"{key}.notes" in w else "",
            )
        )
    return tuple(parts)
