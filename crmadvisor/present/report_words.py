"""The written report's own words in English and French, on top of the terminal's (words.py)."""

from __future__ import annotations

from crmadvisor.present.words import words

REPORT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "colon": ":",
        "sep": "; ",
        "report_title": "CRM selection report",
        "prepared_for": "Prepared for",
        "date": "Date",
        "consultant": "Consultant",
        "tool": "Produced with",
        "catalogue_date": "Vendor catalogue reviewed",
        "contents": "Contents",
        "summary": "Executive summary",
        "summary.orientation": "Orientation: {orientation}, {percent} % of the way from typical B2B to typical B2C.",
        "summary.top": "The three best-fitting vendors",
        "summary.confidence": "first in {share} of draws, rank {range}",
        "summary.no_robustness": "robustness not computed",
        "summary.blocking": "Blocking gaps",
        "summary.no_blocking": "None of the three vendors above misses a must-have.",
        "summary.blocking_para": "must-have, need {need}/5",
        "summary.vendor_short": "{vendor} rates {rating}/5: {evidence}",
        "summary.verdict": "Confidence",
        "profile.intro": (
            "The 9 relationship traits between B2B and B2C, with the answer given and where it sits "
            "between typical B2B (left) and typical B2C (right)."
        ),
        "position.value": "B2C share",
        "needs.intro": (
            "Each capability's need on a 0-5 scale, derived from the traits and capped by the importance "
            "given to its feature area. In an area rated critical, a need of 4 or more (or the area's highest) "
            "is a must-have; a vendor below a must-have has a blocking gap."
        ),
        "level": "Need (0-5)",
        "must_have": "Must-have",
        "importance_of": "Importance",
        "ranking.intro": (
            "Fit is the share of the weighted need a vendor covers (capped at the need). Gaps are counted "
            "as blocking / major / minor. The order puts fewer blocking gaps (unmet must-haves) first, then "
            "higher fit, so a vendor may rank above one with a higher fit. Vendors excluded by a constraint are "
            "listed last, with the reason."
        ),
        "status": "Status",
        "in_race": "in the race",
        "matrix.intro": "Share of each feature area's need that each vendor covers (first {rows} vendors in the race).",
        "matrix.legend": "Legend",
        "legend.full": "100 % covered",
        "legend.most": "75-99 %",
        "legend.half": "50-74 %",
        "legend.low": "below 50 %",
        "legend.none": "no need in this area",
        "shortlist": "Shortlisted vendors",
        "rank_n": "Rank {rank}",
        "publisher": "Publisher",
        "website": "Website",
        "stale_flag": "Warning: this profile was reviewed more than 12 months before the report date.",
        "strengths.intro": "Capabilities with a need of 3 or more that the vendor fully covers",
        "gaps.intro": "Capabilities rated below the need",
        "severity": "Severity",
        "rating": "Rating",
        "source": "source",
        "sources": "Sources",
        "odds": "Monte Carlo",
        "rank_range": "Rank range (5-95 %)",
        "first_share": "First in",
        "draws_seed": "{draws} draws, seed {seed}.",
        "topsis.closeness": "Closeness",
        "topsis.rank": "TOPSIS rank",
        "fit_rank": "Fit rank",
        "methodology": "Methodology",
        "methodology.text": (
            "The company's answers place it on each of the 9 relationship traits between typical B2B and "
            "typical B2C. Each of the 23 capabilities gets a need from 0 to 5 from the traits that drive "
            "it, capped by the importance of its feature area. Each vendor's fit is the share of the "
            "need-weighted requirement its ratings cover; a gap is blocking when a must-have is missed, "
            "major when the rating is two levels or more below the need, minor otherwise. Vendor ratings "
            "are judgements from public documentation at the review date, not tests of the products. "
            "The robustness analysis perturbs weights and ratings at random and re-ranks the vendors. "
            "Formulas, thresholds and a worked example: docs/methodology.md in the crmadvisor repository."
        ),
        "appendix": "Appendix: every answer",
        "question": "Question",
        "section.company": "Company",
        "section.traits": "Relationship traits",
        "section.importance": "Feature areas",
        "section.constraints": "Constraints",
        "constraint.languages": "Interface languages",
        "constraint.hosting_regions": "Data hosting regions",
        "constraint.company_size": "Company size",
        "constraint.budget": "Budget per user per month",
        "no_constraint": "no constraint",
        "company": "Company name",
        "declared_model": "Declared business model",
        "charts": "Charts",
        "chart.radar": "Need and vendor ratings by feature area",
        "chart.radar.alt": (
            "Radar chart: the mean need of each feature area (0-5) against the mean rating of the top three vendors"
        ),
        "chart.fit": "Fit of the vendors in the race, with their share of first places",
        "chart.fit.alt": "Bar chart: each vendor's fit, and the share of perturbed draws in which it ranks first",
        "chart.need": "Need",
        "chart.red_blocked": "red: blocked by a must-have gap",
        "loyalty": "B2B loyalty programme",
        "not_given": "not given",
    },
    "fr": {
        "colon": "\u00a0:",  # French puts a (non-breaking) space before a colon
        "sep": "\u00a0; ",  # and before a semicolon
        "report_title": "Rapport de choix de CRM",
        "prepared_for": "Préparé pour",
        "date": "Date",
        "consultant": "Consultant",
        "tool": "Produit avec",
        "catalogue_date": "Catalogue des éditeurs revu le",
        "contents": "Sommaire",
        "summary": "Synthèse",
        "summary.orientation": (
            "Orientation : {orientation}, à {percent} % du chemin entre le B2B typique et le B2C typique."
        ),
        "summary.top": "Les trois éditeurs les plus adaptés",
        "summary.confidence": "en tête dans {share} des tirages, rang {range}",
        "summary.no_robustness": "robustesse non calculée",
        "summary.blocking": "Écarts bloquants",
        "summary.no_blocking": "Aucun des trois éditeurs ci-dessus ne manque un indispensable.",
        "summary.blocking_para": "indispensable, besoin {need}/5",
        "summary.vendor_short": "{vendor} est noté {rating}/5 : {evidence}",
        "summary.verdict": "Confiance",
        "profile.intro": (
            "Les 9 différences de relation entre B2B et B2C, avec la réponse donnée et sa place entre le "
            "B2B typique (à gauche) et le B2C typique (à droite)."
        ),
        "position.value": "Part B2C",
        "needs.intro": (
            "Le besoin de chaque fonctionnalité sur une échelle de 0 à 5, déduit des critères et plafonné "
            "par l'importance donnée à son domaine. Dans un domaine jugé critique, un besoin de 4 ou plus (ou le "
            "plus élevé du domaine) est indispensable ; un éditeur en dessous d'un indispensable a un écart "
            "bloquant."
        ),
        "level": "Besoin (0-5)",
        "must_have": "Indispensable",
        "importance_of": "Importance",
        "ranking.intro": (
            "L'adéquation est la part du besoin pondéré que couvre un éditeur (plafonnée au besoin). Les "
            "écarts sont comptés en bloquants / majeurs / mineurs. L'ordre place d'abord les éditeurs qui ont "
            "le moins d'écarts bloquants (indispensables non couverts), puis la meilleure adéquation : un éditeur "
            "peut donc précéder un autre mieux adapté en pourcentage. Les éditeurs exclus par une contrainte "
            "viennent en dernier, avec la raison."
        ),
        "status": "Statut",
        "in_race": "en lice",
        "matrix.intro": (
            "Part du besoin de chaque domaine couverte par chaque éditeur (les {rows} premiers éditeurs en lice)."
        ),
        "matrix.legend": "Légende",
        "legend.full": "couvert à 100 %",
        "legend.most": "75-99 %",
        "legend.half": "50-74 %",
        "legend.low": "moins de 50 %",
        "legend.none": "pas de besoin dans ce domaine",
        "shortlist": "Éditeurs présélectionnés",
        "rank_n": "Rang {rank}",
        "publisher": "Éditeur du logiciel",
        "website": "Site",
        "stale_flag": "Attention : ce profil a été revu plus de 12 mois avant la date du rapport.",
        "strengths.intro": "Fonctionnalités de besoin 3 ou plus entièrement couvertes",
        "gaps.intro": "Fonctionnalités notées en dessous du besoin",
        "severity": "Gravité",
        "rating": "Note",
        "source": "source",
        "sources": "Sources",
        "odds": "Monte Carlo",
        "rank_range": "Plage de rangs (5-95 %)",
        "first_share": "En tête dans",
        "draws_seed": "{draws} tirages, graine {seed}.",
        "topsis.closeness": "Proximité",
        "topsis.rank": "Rang TOPSIS",
        "fit_rank": "Rang adéquation",
        "methodology": "Méthode",
        "methodology.text": (
            "Les réponses placent l'entreprise, sur chacune des 9 différences de relation, entre le B2B "
            "typique et le B2C typique. Chacune des 23 fonctionnalités reçoit un besoin de 0 à 5 selon les "
            "critères qui la déterminent, plafonné par l'importance de son domaine. L'adéquation d'un "
            "éditeur est la part du besoin pondéré que couvrent ses notes ; un écart est bloquant quand un "
            "indispensable manque, majeur quand la note est inférieure au besoin de deux niveaux ou plus, "
            "mineur sinon. Les notes des éditeurs sont des jugements fondés sur leur documentation publique "
            "à la date de revue, pas des tests des produits. L'analyse de robustesse perturbe au hasard "
            "pondérations et notes et reclasse les éditeurs. Formules, seuils et exemple chiffré : "
            "docs/methodology.md dans le dépôt de crmadvisor."
        ),
        "appendix": "Annexe : toutes les réponses",
        "question": "Question",
        "section.company": "Entreprise",
        "section.traits": "Différences de relation",
        "section.importance": "Domaines fonctionnels",
        "section.constraints": "Contraintes",
        "constraint.languages": "Langues de l'interface",
        "constraint.hosting_regions": "Régions d'hébergement des données",
        "constraint.company_size": "Taille de l'entreprise",
        "constraint.budget": "Budget par utilisateur et par mois",
        "no_constraint": "aucune contrainte",
        "company": "Nom de l'entreprise",
        "declared_model": "Modèle déclaré",
        "charts": "Graphiques",
        "chart.radar": "Besoin et notes des éditeurs par domaine",
        "chart.radar.alt": (
            "Graphique radar : le besoin moyen de chaque domaine (0-5) face à la note moyenne des trois "
            "premiers éditeurs"
        ),
        "chart.fit": "Adéquation des éditeurs en lice et part des premières places",
        "chart.fit.alt": (
            "Diagramme en barres : l'adéquation de chaque éditeur et la part des tirages perturbés où il arrive en tête"
        ),
        "chart.need": "Besoin",
        "chart.red_blocked": "rouge : bloqué par un écart sur un indispensable",
        "loyalty": "Programme de fidélité B2B",
        "not_given": "non renseigné",
    },
}


def report_words(lang: str) -> dict[str, str]:
    """Every label a report template may use: the terminal's words and the report's own."""
    return {**words(lang), **REPORT_WORDS["fr" if lang == "fr" else "en"]}
