"""The interface's own words in English and French (criteria text lives in criteria/)."""

from __future__ import annotations

from collections.abc import Iterable

from crmadvisor.model.fit import Reason

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "assessment": "CRM assessment",
        "profile": "Company profile",
        "trait": "Trait",
        "answer": "Answer",
        "position": "B2B ↔ B2C",
        "orientation.b2b": "B2B",
        "orientation.b2c": "B2C",
        "orientation.hybrid": "Hybrid",
        "overall": "Overall: {orientation} ({percent} % of the way from typical B2B to typical B2C)",
        "declared": "Declared business model: {declared}",
        "inconsistent": (
            "Consistency check: the declared model ({declared}) and the answers disagree "
            "(measured {percent} % B2C). Traits far from the declared model: {traits}. "
            "The article's first question is whether you are B2B or B2C: check these answers."
        ),
        "dont_know": "don't know",
        "not_answered": "not answered",
        "needs": "Needs",
        "area": "Feature area",
        "capability": "Capability",
        "need": "Need",
        "must": "Must",
        "why": "Why",
        "importance": "importance {level} (ceiling {ceiling})",
        "raised_by": "raised by {items}",
        "lowered_by": "lowered by {items}",
        "no_driver_answer": "no driving trait answered: neutral",
        "must_legend": "! = must-have: in an area rated critical, a need of 4 or more (or the area's highest)",
        "ranking": "Ranking",
        "ranking.order": "Order: fewest blocking gaps (unmet must-haves) first, then highest fit; "
        "B/M/m = blocking / major / minor gaps.",
        "rank": "#",
        "vendor": "Vendor",
        "fit": "Fit",
        "gaps": "Gaps B/M/m",
        "first": "1st in",
        "range": "Rank 5-95 %",
        "excluded": "excluded: {reasons}",
        "blocked": "blocked by a must-have gap",
        "lopsided": "lopsided fit",
        "gap_matrix": "Gap matrix: share of each area's need covered",
        "legend": "Legend: ■ 100 % covered, ▣ 75-99 %, ▢ 50-74 %, ✗ below 50 %, · no need",
        "strengths": "Strengths",
        "gap_list": "Gaps",
        "none": "none",
        "rated": "rated {rating}/5 for a need of {need}",
        "robustness": "How sure is this ranking?",
        "verdict.clear": (
            "{leader} leads in {share} of {draws} draws where weights and ratings were perturbed; "
            "its margin over {second} is {margin} points of fit."
        ),
        "verdict.unclear": (
            "No clear winner: {leader} comes first in {share} of {draws} perturbed draws, with a margin of "
            "{margin} points of fit over {second}. Compare the shortlist on the gaps, not on the score."
        ),
        "verdict.blocked": "No vendor in the race meets every must-have: the leader has a blocking gap.",
        "verdict.alone": "Only {leader} is left in the race.",
        "verdict.none": "No vendor is left in the race: every one is excluded by a constraint.",
        "flip": "The smallest change that would change the winner: {area} from {from_level} to {to_level} "
        "would put {winner} first.",
        "no_flip": "No change of a single feature area's importance changes the winner.",
        "topsis": "TOPSIS cross-check",
        "topsis.agree": "TOPSIS agrees on the winner ({winner}).",
        "topsis.disagree": "TOPSIS puts {topsis_winner} first instead of {winner}.",
        "topsis.diff": "{vendor}: fit rank {fit_rank}, TOPSIS rank {topsis_rank}",
        "severity.blocking": "blocking",
        "severity.major": "major",
        "severity.minor": "minor",
        "yes": "yes",
        "no": "no",
        "evidence": "evidence",
        "review_date": "reviewed {date}",
        "stale": "review older than 12 months",
        "notes": "note: {notes}",
        "unchecked": "Constraint checks not made (vendors in the race concerned): {parts}.",
        "reason.language": "interface not available in {languages}",
        "reason.hosting": "no data hosting in {wanted} (offers {offered})",
        "reason.size": "does not serve {size} companies",
        "reason.budget": "starts at {price} {currency} per user per month, over the budget of {budget}",
        "reason.hosting_unpublished": "hosting regions not published: check the data location with the vendor",
        "reason.no_price": "no public per-user price to compare with the budget",
        "reason.currency": "price in {price}, budget in {budget}: not compared",
        "size.micro": "micro (1-9 people)",
        "size.small": "small (10-49 people)",
        "size.medium": "medium-sized (50-249 people)",
        "size.large": "large (250+ people)",
    },
    "fr": {
        "assessment": "Évaluation CRM",
        "profile": "Profil de l'entreprise",
        "trait": "Critère",
        "answer": "Réponse",
        "position": "B2B ↔ B2C",
        "orientation.b2b": "B2B",
        "orientation.b2c": "B2C",
        "orientation.hybrid": "Hybride",
        "overall": "Globalement : {orientation} ({percent} % du chemin entre le B2B typique et le B2C typique)",
        "declared": "Modèle déclaré : {declared}",
        "inconsistent": (
            "Contrôle de cohérence : le modèle déclaré ({declared}) et les réponses divergent "
            "(mesuré : {percent} % B2C). Critères éloignés du modèle déclaré : {traits}. "
            "La première question de l'article est de savoir si vous êtes B2B ou B2C : vérifiez ces réponses."
        ),
        "dont_know": "ne sait pas",
        "not_answered": "sans réponse",
        "needs": "Besoins",
        "area": "Domaine fonctionnel",
        "capability": "Fonctionnalité",
        "need": "Besoin",
        "must": "Indisp.",
        "why": "Pourquoi",
        "importance": "importance {level} (plafond {ceiling})",
        "raised_by": "augmenté par {items}",
        "lowered_by": "diminué par {items}",
        "no_driver_answer": "aucun critère déterminant renseigné : neutre",
        "must_legend": "! = indispensable : dans un domaine jugé critique, un besoin de 4 ou plus (ou le plus "
        "élevé du domaine)",
        "ranking": "Classement",
        "ranking.order": "Ordre : le moins d'écarts bloquants (indispensables non couverts) d'abord, puis la "
        "meilleure adéquation ; B/M/m = écarts bloquants / majeurs / mineurs.",
        "rank": "#",
        "vendor": "Éditeur",
        "fit": "Adéquation",
        "gaps": "Écarts B/M/m",
        "first": "1er dans",
        "range": "Rang 5-95 %",
        "excluded": "exclu : {reasons}",
        "blocked": "bloqué par un écart sur un indispensable",
        "lopsided": "adéquation déséquilibrée",
        "gap_matrix": "Matrice des écarts : part du besoin couverte par domaine",
        "legend": "Légende : ■ couvert à 100 %, ▣ 75-99 %, ▢ 50-74 %, ✗ moins de 50 %, · pas de besoin",
        "strengths": "Points forts",
        "gap_list": "Écarts",
        "none": "aucun",
        "rated": "noté {rating}/5 pour un besoin de {need}",
        "robustness": "Quelle confiance accorder à ce classement ?",
        "verdict.clear": (
            "{leader} arrive en tête dans {share} des {draws} tirages où pondérations et notes ont été perturbées ; "
            "son avance sur {second} est de {margin} points d'adéquation."
        ),
        "verdict.unclear": (
            "Pas de vainqueur net : {leader} arrive en tête dans {share} des {draws} tirages perturbés, avec "
            "{margin} points d'adéquation d'avance sur {second}. Comparez la présélection sur les écarts, "
            "pas sur le score."
        ),
        "verdict.blocked": "Aucun éditeur en lice ne couvre tous les indispensables : le premier a un écart bloquant.",
        "verdict.alone": "Seul {leader} reste en lice.",
        "verdict.none": "Aucun éditeur ne reste en lice : tous sont exclus par une contrainte.",
        "flip": "Le plus petit changement qui modifierait le vainqueur : {area} de {from_level} à {to_level} "
        "placerait {winner} en tête.",
        "no_flip": "Aucun changement d'importance d'un seul domaine ne change le vainqueur.",
        "topsis": "Contre-vérification TOPSIS",
        "topsis.agree": "TOPSIS désigne le même vainqueur ({winner}).",
        "topsis.disagree": "TOPSIS place {topsis_winner} en tête au lieu de {winner}.",
        "topsis.diff": "{vendor} : rang adéquation {fit_rank}, rang TOPSIS {topsis_rank}",
        "severity.blocking": "bloquant",
        "severity.major": "majeur",
        "severity.minor": "mineur",
        "yes": "oui",
        "no": "non",
        "evidence": "preuve",
        "review_date": "revu le {date}",
        "stale": "revue de plus de 12 mois",
        "notes": "remarque : {notes}",
        "unchecked": "Contraintes non vérifiées (éditeurs en lice concernés) : {parts}.",
        "reason.language": "interface non disponible en {languages}",
        "reason.hosting": "pas d'hébergement des données en {wanted} (propose {offered})",
        "reason.size": "ne sert pas les entreprises {size}",
        "reason.budget": "à partir de {price} {currency} par utilisateur et par mois, au-delà du budget de {budget}",
        "reason.hosting_unpublished": "régions d'hébergement non publiées : vérifier la localisation des données "
        "auprès de l'éditeur",
        "reason.no_price": "pas de prix public par utilisateur à comparer au budget",
        "reason.currency": "prix en {price}, budget en {budget} : non comparés",
        "size.micro": "micro (1 à 9 personnes)",
        "size.small": "petites (10 à 49 personnes)",
        "size.medium": "moyennes (50 à 249 personnes)",
        "size.large": "grandes (250 personnes et plus)",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["fr" if lang == "fr" else "en"]


def reason_text(reason: Reason, lang: str) -> str:
    """A knock-out reason or constraint note, worded in `lang` (numbers with a decimal comma in French)."""
    w = words(lang)
    values = dict(reason.values)
    if "size" in values:
        values["size"] = w.get(f"size.{values['size']}", values["size"])
    if lang == "fr":
        values = {
            k: v.replace(".", ",") if k in ("price", "budget") and v[:1].isdigit() else v for k, v in values.items()
        }
    return w[f"reason.{reason.code}"].format(**values)


def reasons_text(reasons: Iterable[Reason], lang: str) -> str:
    return "; ".join(reason_text(r, lang) for r in reasons)
