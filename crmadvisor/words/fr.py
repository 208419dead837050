"""Every word crmadvisor shows a user, in French (same keys and placeholders as the other language)."""

from __future__ import annotations

from crmadvisor.words.fr_ask import WORDS as ASK_WORDS
from crmadvisor.words.fr_report import WORDS as REPORT_WORDS
from crmadvisor.words.fr_rfp import WORDS as RFP_WORDS
from crmadvisor.words.fr_vendors import WORDS as VENDORS_WORDS

WORDS: dict[str, str] = {
    # Small words used everywhere
    "common.dont_know": "ne sait pas",
    "common.not_answered": "sans réponse",
    "common.none": "aucun",
    "common.yes": "oui",
    "common.no": "non",
    "common.points.one": "{n} point",
    "common.points.other": "{n} points",
    "common.colon": "\xa0:",  # French puts a non-breaking space before a colon
    "common.sep": "\xa0; ",  # and before a semicolon
    "common.not_given": "non renseigné",
    # Domain values: orientation
    "orientation.b2b": "B2B",
    "orientation.b2c": "B2C",
    "orientation.hybrid": "Hybride",
    # Domain values: gap severity
    "severity.blocking": "bloquant",
    "severity.major": "majeur",
    "severity.minor": "mineur",
    # Domain values: data hosting regions (constraints.hosting_regions)
    "region.fr": "France",
    "region.de": "Allemagne",
    "region.eu": "Union européenne",
    "region.uk": "Royaume-Uni",
    "region.ch": "Suisse",
    "region.us": "États-Unis",
    "region.ca": "Canada",
    "region.au": "Australie",
    "region.apac": "Asie-Pacifique",
    # les mêmes régions, dans une phrase (« pas d'hébergement des données dans l'Union européenne »)
    "region.in.fr": "en France",
    "region.in.de": "en Allemagne",
    "region.in.eu": "dans l'Union européenne",
    "region.in.uk": "au Royaume-Uni",
    "region.in.ch": "en Suisse",
    "region.in.us": "aux États-Unis",
    "region.in.ca": "au Canada",
    "region.in.au": "en Australie",
    "region.in.apac": "en Asie-Pacifique",
    # Domain values: company size (one set, also the questionnaire's choices)
    "size.micro": "micro (1 à 9 personnes)",
    "size.small": "petites (10 à 49 personnes)",
    "size.medium": "moyennes (50 à 249 personnes)",
    "size.large": "grandes (250 personnes et plus)",
    # Domain values: knock-out reasons and constraint notes
    "reason.language": "l'interface n'existe pas en {languages}",
    "reason.language.or": " ni en ",  # entre deux langues : « en français ni en allemand »
    "reason.hosting": "pas d'hébergement des données {wanted} (propose\xa0: {offered})",
    "reason.hosting.or": " ni ",  # entre deux régions : « en France ni dans l'Union européenne »
    "reason.size": "ne sert pas les entreprises {size}",
    "reason.budget": "à partir de {price} {currency} par utilisateur et par mois, au-delà du budget de {budget}",
    "reason.hosting_unpublished": (
        "régions d'hébergement non publiées\xa0: vérifier la localisation des données auprès de l'éditeur"
    ),
    "reason.no_price": "pas de prix public par utilisateur à comparer au budget",
    "reason.part_on_quote": "{parts} sur devis\xa0: le budget n'est vérifié que sur les parties au prix catalogue",
    "reason.seat_limit": "vendu pour {max} utilisateurs au plus dans chaque édition, moins que les {users} prévus",
    "reason.currency": "prix en {price}, budget en {budget}\xa0: non comparés",
    # éditions : la configuration recommandée d'un éditeur (crmadvisor/present/configurations.py)
    "configuration.cost.other": (
        "{amount} par an au prix catalogue, licences seules, pour {users} utilisateurs "
        "({monthly} par utilisateur et par mois)"
    ),
    "configuration.cost.one": "{amount} par an au prix catalogue, licences seules, pour 1 utilisateur",
    "configuration.on_quote": "{amount} par an au prix catalogue pour les parties tarifées\xa0; {parts} sur devis",
    "configuration.on_quote.all": "prix sur devis",
    "configuration.cost.no_users": (
        "{monthly} par utilisateur et par mois au prix catalogue, licences seules (le nombre "
        "d'utilisateurs n'est pas dans les réponses\xa0: constraints.users)"
    ),
    "configuration.per_user": "{monthly}/utilisateur/mois",
    "configuration.rates": "{rates} ({source}, {date})",
    "configuration.upgrade.edition": "{name} comblerait {closes} ({extra})",
    "configuration.upgrade.add_on": "le module {name} comblerait {closes} ({extra})",
    "configuration.upgrade.extra": "+{amount} par an",
    "configuration.upgrade.on_quote": "prix sur devis",
    # éditions : aucun budget ne permet une configuration qui couvre les indispensables
    "reason.over_budget": "{configuration}{needed} coûte {amount} {per}, au-delà du budget de {budget}",
    "reason.over_budget.at_least": (
        "{configuration}{needed} est vendu sur devis et coûte au moins le prix de {below}, {amount} {per},"
        " au-delà du budget de {budget}"
    ),
    "reason.over_budget.needed": ", nécessaire pour {capabilities},",
    "reason.over_budget.converted": "{original} (≈ {price} au taux {source}du {date})",
    "reason.over_budget.per.user_month": "par utilisateur et par mois",
    "reason.over_budget.per.year": "par an",
    # The answers file's fields, as a report's appendix and `questions` name them
    "answers.section.company": "Entreprise",
    "answers.section.traits": "Différences de relation",
    "answers.section.importance": "Domaines fonctionnels",
    "answers.section.constraints": "Contraintes",
    "answers.constraint.languages": "Langues de l’interface",
    "answers.constraint.hosting_regions": "Régions d’hébergement des données",
    "answers.constraint.company_size": "Taille de l’entreprise",
    "answers.constraint.users": "Utilisateurs du CRM",
    "answers.constraint.budget": "Budget par utilisateur et par mois",
    "answers.constraint.budget_per_year": "Budget annuel, toutes licences",
    "answers.no_constraint": "aucune contrainte",
    "answers.company": "Nom de l'entreprise",
    "answers.declared_model": "Modèle déclaré",
    # An assessment, on the terminal and in the written reports
    "assessment.assessment": "Évaluation CRM",
    "assessment.profile": "Profil de l'entreprise",
    "assessment.trait": "Critère",
    "assessment.answer": "Réponse",
    "assessment.position": "B2B ↔ B2C",
    "assessment.overall": (
        "Globalement\xa0: {orientation} ({percent} % du chemin entre le B2B typique et le B2C typique)"
    ),
    "assessment.declared": "Modèle déclaré\xa0: {declared}",
    "assessment.inconsistent": (
        "Contrôle de cohérence\xa0: le modèle déclaré ({declared}) et les réponses divergent (mesuré\xa0: "
        "{percent} % B2C). Critères éloignés du modèle déclaré\xa0: {traits}. La première question de "
        "l'article est de savoir si vous êtes B2B ou B2C\xa0: vérifiez ces réponses."
    ),
    "assessment.needs": "Besoins",
    "assessment.area": "Domaine fonctionnel",
    "assessment.capability": "Fonctionnalité",
    "assessment.need": "Besoin",
    "assessment.must": "Indisp.",
    "assessment.why": "Pourquoi",
    "assessment.why.area": "domaine {level}, jusqu’à {ceiling}",
    "assessment.why.area.none": "domaine non nécessaire",
    "assessment.why.area.suggested": "domaine {level} (suggéré), jusqu’à {ceiling}",
    "assessment.why.raised": "augmenté par {items}",
    "assessment.why.lowered": "diminué par {items}",
    "assessment.why.item": "{trait} ({option})",
    "assessment.why.more.one": "{n} autre",
    "assessment.why.more.other": "{n} autres",
    "assessment.why.comma": ", ",
    "assessment.why.and": " et ",
    "assessment.why.sep": "\xa0; ",
    "assessment.why.neutral": "aucune réponse ne le modifie",
    "assessment.must_legend": (
        "! = indispensable\xa0: nommé par le consultant, sinon la fonctionnalité centrale de chaque domaine critique"
    ),
    "assessment.ranking": "Classement",
    "assessment.ranking.order": (
        "Ordre\xa0: le moins d'écarts bloquants (indispensables non couverts) d'abord, puis la meilleure "
        "adéquation\xa0; B/M/m = écarts bloquants / majeurs / mineurs."
    ),
    "assessment.more_vendors.one": "1 autre éditeur non affiché (--top).",
    "assessment.more_vendors.other": "{n} autres éditeurs non affichés (--top).",
    "assessment.rank": "#",
    "assessment.vendor": "Éditeur",
    "assessment.fit": "Adéquation",
    "assessment.gaps": "Écarts B/M/m",
    "assessment.first": "1er dans",
    "assessment.range": "Rang 5-95 %",
    "assessment.excluded": "exclu\xa0: {reasons}",
    "assessment.blocked": "bloqué par un écart sur un indispensable",
    "assessment.lopsided": "adéquation déséquilibrée",
    "assessment.gap_matrix": "Matrice des écarts\xa0: part du besoin couverte par domaine",
    "assessment.legend": (
        "Légende\xa0: ■ couvert à 100\u202f%, ▣ 75-99\u202f%, ▢ 50-74\u202f%, ✗ moins de 50\u202f%, · pas de besoin"
    ),
    "assessment.strengths": "Points forts",
    "assessment.gap_list": "Écarts",
    "assessment.rated": "noté {rating}/5 pour un besoin de {need}",
    "assessment.robustness": "Quelle confiance accorder à ce classement\xa0?",
    "assessment.verdict.clear": (
        "{leader} arrive en tête dans {share} des {draws} tirages où pondérations et notes ont été "
        "perturbées\xa0; son avance sur {second} est de {margin} d'adéquation."
    ),
    "assessment.verdict.unclear": (
        "Pas de vainqueur net\xa0: {leader} arrive en tête dans {share} des {draws} tirages perturbés, avec "
        "{margin} d'adéquation d'avance sur {second}. Comparez la présélection sur les écarts, pas "
        "sur le score."
    ),
    "assessment.verdict.blocked": (
        "Aucun éditeur en lice ne couvre tous les indispensables\xa0: le premier a un écart bloquant."
    ),
    "assessment.verdict.alone": "Seul {leader} reste en lice.",
    "assessment.verdict.none": "Aucun éditeur ne reste en lice\xa0: tous sont exclus par une contrainte.",
    "assessment.flip": (
        "Le plus petit changement qui modifierait le vainqueur\xa0: {area} de «\xa0{from_level}\xa0» à "
        "«\xa0{to_level}\xa0» placerait {winner} en tête."
    ),
    "assessment.no_flip": (
        "Aucun changement d’un ou deux niveaux d’importance, dans un même domaine, ne change le vainqueur."
    ),
    "assessment.topsis": "Contre-vérification TOPSIS",
    "assessment.topsis.agree": "TOPSIS désigne le même vainqueur ({winner}).",
    "assessment.topsis.disagree": "TOPSIS place {topsis_winner} en tête au lieu de {winner}.",
    "assessment.topsis.diff": "{vendor}\xa0: rang adéquation {fit_rank}, rang TOPSIS {topsis_rank}",
    "assessment.evidence": "preuve",
    "assessment.review_date": "revu le {date}",
    "assessment.stale": "revue de plus de 12 mois",
    "assessment.notes": "remarque\xa0: {notes}",
    "assessment.unchecked": "Contraintes non vérifiées (éditeurs en lice concernés)\xa0: {parts}.",
    # The B2B loyalty-programme assessment
    "loyalty.title": "Programme de fidélité B2B : {company}",
    "loyalty.source": "Source : {document}, « {section} »",
    "loyalty.fundamentals": "1. Les fondamentaux à vérifier d'abord",
    "loyalty.fundamental": "Fondamental",
    "loyalty.status": "État",
    "loyalty.answers": "Réponses et que faire",
    "loyalty.status.ok": "✓ en place",
    "loyalty.status.failed": "✗ pas en place",
    "loyalty.status.unanswered": "? non vérifié",
    "loyalty.verdict": "Verdict",
    "loyalty.specifics": "2. Les spécificités B2B",
    "loyalty.question": "Question",
    "loyalty.answer": "Réponse",
    "loyalty.design": "3. Conception du programme : le mix de mécaniques",
    "loyalty.design.later": "3. Conception du programme, pour quand les fondamentaux seront en place",
    "loyalty.mechanic": "Mécanique",
    "loyalty.score": "Points",
    "loyalty.role": "Rôle",
    "loyalty.why": "Pourquoi",
    "loyalty.role.primary": "principale",
    "loyalty.role.secondary": "secondaire",
    "loyalty.role.minor": "-",
    "loyalty.recommendation": "Recommandé : d'abord des mécaniques {primary}s{secondary}.",
    "loyalty.recommendation.secondary": ", complétées par des mécaniques {secondary}s",
    "loyalty.recommendation.none": (
        "Aucune réponse n'oriente encore vers une mécanique : répondez aux questions de conception."
    ),
    "loyalty.factors": "4. Les facteurs clés de succès",
    "loyalty.factor": "Facteur",
    "loyalty.factor.met": "✓ réuni",
    "loyalty.factor.gap": "✗ manque",
    "loyalty.factor.unanswered": "? sans réponse",
    "loyalty.todo": "Que faire",
    "loyalty.needs": "5. Ce que le CRM doit faire pour ce programme",
    "loyalty.capability": "Fonctionnalité",
    "loyalty.raise": "Besoin",
    "loyalty.applied": (
        "Ces hausses, dans la limite du plafond d'importance de chaque domaine, sont appliquées au "
        "classement ci-dessus."
    ),
    "loyalty.not_applied": (
        "Ces hausses s'appliquent dans `crmadvisor assess` quand l'entreprise est {orientations} et juge "
        "« {area} » {levels}."
    ),
    "loyalty.no_needs": "Aucune réponse n'augmente le besoin d'une fonctionnalité du CRM.",
    "loyalty.unanswered": (
        "Sans réponse pour l'instant : {questions}. Reprenez avec `crmadvisor loyalty --resume FICHIER`."
    ),
    "loyalty.raised_by": "augmenté par le programme de fidélité : {reasons}",
    "loyalty.or": " ou ",
    "loyalty.hint": (
        "Cette entreprise est B2B ou hybride et juge la fidélisation importante : pour l'évaluation du "
        "programme de fidélité B2B (les fondamentaux à vérifier d'abord, le mix de mécaniques, les "
        "besoins CRM qu'il augmente), lancez `{command}`, puis de nouveau cette "
        "commande."
    ),
    "loyalty.file": "FICHIER_DE_RÉPONSES",
}
WORDS.update(RFP_WORDS)
WORDS.update(VENDORS_WORDS)
WORDS.update(ASK_WORDS)
WORDS.update(REPORT_WORDS)
