"""The written report's words (Markdown, HTML, PDF; the JSON's labels), in French (merged into fr.WORDS)."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "report.report_title": "Rapport de choix de CRM",
    "report.prepared_for": "Préparé pour",
    "report.date": "Date",
    "report.consultant": "Consultant",
    "report.tool": "Produit avec",
    "report.catalogue_date": "Catalogue des éditeurs revu le",
    "report.contents": "Sommaire",
    "report.summary": "Synthèse",
    "report.summary.orientation": (
        "Orientation\xa0: {orientation}, à {percent} % du chemin entre le B2B typique et le B2C typique."
    ),
    "report.summary.top": "Les trois éditeurs les plus adaptés",
    "report.summary.confidence": "en tête dans {share} des tirages, rang {range}",
    "report.summary.no_robustness": "robustesse non calculée",
    "report.summary.blocking": "Écarts bloquants",
    "report.summary.no_blocking": "Aucun des trois éditeurs ci-dessus ne manque un indispensable.",
    "report.summary.blocking_para": "indispensable, besoin {need}/5",
    "report.summary.vendor_short": "{vendor} est noté {rating}/5\xa0: {evidence}",
    "report.exec.recommendation": "Recommandation",
    "report.exec.findings": "Constats bloquants",
    "report.exec.unchecked": "Ce qui n’a pas pu être vérifié",
    "report.exec.confidence": "Degré de certitude",
    "report.exec.next": "Prochaines étapes",
    "report.exec.fit": "adéquation {fit}",
    "report.exec.cost.none": "aucun prix dans son profil",
    "report.exec.cost.yearly.one": "{amount} par an pour {users} utilisateur (prix catalogue, licences seules)",
    "report.exec.cost.yearly.other": "{amount} par an pour {users} utilisateurs (prix catalogue, licences seules)",
    "report.exec.cost.per_user": "{monthly} (prix catalogue, licences seules)",
    "report.exec.why": "Points forts\xa0: {points}.",
    "report.exec.why.none": "Ne couvre solidement aucun des besoins principaux.",
    "report.exec.open": "Reste ouvert\xa0: {items}.",
    "report.exec.open.none": "Ne laisse rien d’ouvert.",
    "report.exec.open.item": "{capability} ({rating}/5 pour un besoin de {need})",
    "report.exec.open.must": "{capability}, indispensable ({rating}/5 pour un besoin de {need})",
    "report.exec.open.more.one": "{n} autre écart",
    "report.exec.open.more.other": "{n} autres écarts",
    "report.exec.finding.must.one": (
        "{vendors} ne couvre pas l’indispensable «\xa0{capability}\xa0» (besoin {need}/5), qu’un autre éditeur couvre."
    ),
    "report.exec.finding.must.other": (
        "{vendors} ne couvrent pas l’indispensable «\xa0{capability}\xa0» (besoin {need}/5), qu’un autre éditeur "
        "couvre."
    ),
    "report.exec.finding.none": "Aucun\xa0: les éditeurs retenus couvrent tous les indispensables.",
    "report.exec.unchecked.note": "{text} (éditeurs en lice concernés\xa0: {n}/{total}).",
    "report.exec.unchecked.no_budget": (
        "Pas de budget dans les réponses\xa0: les coûts sont indiqués, sans être comparés à un budget."
    ),
    "report.exec.unchecked.quote.one": (
        "{vendors} vend sa configuration recommandée sur devis\xa0: son coût n’est pas connu."
    ),
    "report.exec.unchecked.quote.other": (
        "{vendors} vendent leur configuration recommandée sur devis\xa0: leur coût n’est pas connu."
    ),
    "report.exec.unchecked.users": (
        "Le nombre d’utilisateurs n’est pas dans les réponses (constraints.users)\xa0: les coûts sont par "
        "utilisateur et par mois, sans total annuel."
    ),
    "report.exec.unchecked.unverified.one": "{n} note sur laquelle repose la présélection n’a pas de source publique.",
    "report.exec.unchecked.unverified.other": (
        "{n} notes sur lesquelles repose la présélection n’ont pas de source publique."
    ),
    "report.exec.unchecked.none": "Rien\xa0: chaque contrainte a pu être vérifiée pour chaque éditeur en lice.",
    "report.exec.confidence.clear": (
        "{leader} est nettement en tête\xa0: aucun changement d’un ou deux niveaux d’importance ne place un autre "
        "éditeur devant."
    ),
    "report.exec.confidence.sensitive": "{leader} est nettement en tête, mais sur une seule réponse.",
    "report.exec.confidence.close": "Une course serrée entre {vendors}\xa0: laissez les démonstrations trancher.",
    "report.exec.confidence.flip": (
        " Passer l’importance de {area} de «\xa0{from_level}\xa0» à «\xa0{to_level}\xa0» placerait {winner} en tête."
    ),
    "report.exec.confidence.alone": "{leader} est le seul éditeur en lice\xa0: rien à lui comparer.",
    "report.exec.confidence.none": "Aucun éditeur n’est en lice.",
    "report.exec.confidence.unmeasured": "Non mesuré\xa0: l’analyse de robustesse a été omise (--draws 0).",
    "report.exec.next.demo": (
        "Scénario de démonstration «\xa0{capability}\xa0» (besoin {need}/5)\xa0: demandez à {vendors} de le "
        "montrer sur votre propre cas."
    ),
    "report.exec.next.rated": "{vendor} (noté {rating}/5)",
    "report.exec.next.market": (
        "Choisissez un outil pour {capability} à côté du CRM, et demandez à chaque éditeur retenu comment il s’y "
        "connecte."
    ),
    "report.exec.next.confirm": (
        "Confirmez avec le client l’importance de {area} ({level})\xa0: le classement en dépend."
    ),
    "report.exec.next.quote": "Demandez un devis à {vendors}.",
    "report.exec.next.users": "Indiquez le nombre d’utilisateurs (constraints.users) pour comparer les coûts annuels.",
    "report.recommendation.title": "Recommandation",
    "report.recommendation.headline": "Retenez {vendors} pour les démonstrations.",
    "report.recommendation.headline.one": "Retenez {vendors}\xa0: aucun autre éditeur ne reste en lice.",
    "report.recommendation.headline.none": (
        "Aucun éditeur ne peut être recommandé\xa0: tous sont exclus par une contrainte."
    ),
    "report.recommendation.comma": ", ",
    "report.recommendation.and": " et ",
    "report.recommendation.why": "{name} (adéquation {fit}) tient l’essentiel de son adéquation de {points}.",
    "report.recommendation.why.none": "{name} (adéquation {fit}) ne couvre solidement aucun des besoins principaux.",
    "report.recommendation.why.blocked": (
        " Il manque un indispensable qu’un autre éditeur couvre\xa0: voir ce qu’il laisse ouvert."
    ),
    "report.recommendation.point": "{capability} ({rating}/5 pour un besoin de {need})",
    "report.recommendation.open": "{capability}\xa0: {rating}/5 pour un besoin de {need} ({severity})",
    "report.recommendation.open.more": "et {n} écarts plus petits (voir sa section)",
    "report.recommendation.open.none": "rien\xa0: il couvre tous les besoins",
    "report.recommendation.verify.unverified": (
        "{capability}\xa0: noté {rating}/5 sans source publique\xa0; demandez à le voir fonctionner"
    ),
    "report.recommendation.verify.tight": (
        "{capability}\xa0: {rating}/5 couvre tout juste un besoin de {need}\xa0; voyez-le sur votre cas"
    ),
    "report.recommendation.verify.short": (
        "{capability}\xa0: {rating}/5, un niveau sous {need}\xa0; demandez comment combler l’écart"
    ),
    "report.recommendation.market": (
        "Aucun CRM en lice ne couvre {capability} au niveau d’un indispensable (meilleure note {best}/5)\xa0: "
        "prévoyez-le dans {where} et pesez l’intégration\xa0; les éditeurs sont classés sur les autres indispensables."
    ),
    "report.recommendation.market.elsewhere": " {vendors} le couvriraient mais sont exclus par une contrainte.",
    "report.recommendation.market.where.contacts": "un outil dédié de données clients ou d’emailing",
    "report.recommendation.market.where.automation": "une plateforme de marketing automation",
    "report.recommendation.market.where.nurturing": "une plateforme de marketing automation",
    "report.recommendation.market.where.pipeline": "un outil de prévision des ventes",
    "report.recommendation.market.where.integration": (
        "une plateforme d’intégration (iPaaS) ou un développement spécifique"
    ),
    "report.recommendation.market.where.calls": "un outil de centre de contacts ou de téléphonie",
    "report.recommendation.market.where.loyalty": "une plateforme de programme de fidélité",
    "report.recommendation.market.where.social": "un outil de veille des réseaux sociaux",
    "report.recommendation.market.where.invoicing": "l’outil de facturation ou l’ERP",
    "report.recommendation.must_haves.named": "Indispensables nommés par le consultant\xa0: {items}.",
    "report.recommendation.must_haves.default": (
        "Indispensables par défaut, la capacité centrale de chaque domaine jugé critique\xa0: {items}."
    ),
    "report.recommendation.must_haves.none": (
        "Aucun indispensable\xa0: aucun domaine n’est jugé critique et aucun n’est nommé."
    ),
    "report.recommendation.suggested": (
        "{area}\xa0: importance non connue, suggérée {level} d’après le profil (réponses sur {traits})."
    ),
    "report.recommendation.suggested.no_answers": (
        "{area}\xa0: importance non connue, suggérée {level}\xa0; aucune réponse sur les critères qui la déterminent."
    ),
    "report.recommendation.confidence.clear": (
        "Le classement est net\xa0: {leader} arrive premier dans {share} des tirages, {margin} devant "
        "{runner_up}, et aucun changement d’un ou deux niveaux d’importance ne met un autre éditeur en tête."
    ),
    "report.recommendation.confidence.sensitive": (
        "{leader} mène nettement ({share} des tirages, {margin} devant {runner_up}), mais cela tient à "
        "une réponse d’importance."
    ),
    "report.recommendation.confidence.close": (
        "Pas de gagnant net\xa0: {leader} arrive premier dans {share} des tirages, {margin} devant "
        "{runner_up}\xa0; laissez les démonstrations départager les éditeurs retenus."
    ),
    "report.recommendation.confidence.flip": (
        " Juger {area} {to_level} au lieu de {from_level} mettrait {winner} en tête\xa0: confirmez "
        "cette réponse avec le client."
    ),
    "report.recommendation.confidence.no_flip": (
        " Aucun changement d’un ou deux niveaux d’importance ne met un autre éditeur en tête."
    ),
    "report.recommendation.confidence.alone": "Seul {leader} reste en lice\xa0: il n’y a pas d’alternative à comparer.",
    "report.recommendation.confidence.none": "Aucun éditeur ne reste en lice.",
    "report.recommendation.confidence.unmeasured": "La solidité du classement n’a pas été mesurée (--draws 0).",
    "report.recommendation.why_title": "Pourquoi",
    "report.recommendation.open_title": "Laisse ouvert",
    "report.recommendation.verify_title": "À vérifier en démonstration",
    "report.recommendation.market_title": "Ce que le marché ne couvre pas",
    "report.recommendation.configuration": "Configuration",
    "report.recommendation.confidence_title": "Solidité",
    "report.summary.verdict": "Confiance",
    "report.profile.intro": (
        "Les 9 différences de relation entre B2B et B2C, avec la réponse donnée et sa place entre le B2B "
        "typique (à gauche) et le B2C typique (à droite)."
    ),
    "report.position.value": "Part B2C",
    "report.needs.intro": (
        "Le besoin de chaque fonctionnalité sur une échelle de 0 à 5\xa0: l'importance donnée à son domaine fixe "
        "le niveau de la fonctionnalité la plus pertinente du domaine, et les critères abaissent les autres. "
        "Les indispensables sont ceux que le consultant a nommés, sinon la fonctionnalité centrale de chaque "
        "domaine jugé critique\xa0; un éditeur en dessous d'un indispensable qu'un autre couvre a un écart bloquant."
    ),
    "report.level": "Besoin (0-5)",
    "report.must_have": "Indispensable",
    "report.importance_of": "Importance",
    "report.ranking.intro": (
        "L'adéquation est la part du besoin pondéré que couvre un éditeur (plafonnée au besoin). Les "
        "écarts sont comptés en bloquants / majeurs / mineurs. L'ordre place d'abord les éditeurs qui ont "
        "le moins d'écarts bloquants (indispensables non couverts), puis la meilleure adéquation\xa0: un "
        "éditeur peut donc précéder un autre mieux adapté en pourcentage. Les éditeurs exclus par une "
        "contrainte viennent en dernier, avec la raison."
    ),
    "report.status": "Statut",
    "report.in_race": "en lice",
    "report.matrix.intro": (
        "Part du besoin de chaque domaine couverte par chaque éditeur (les {rows} premiers éditeurs en lice)."
    ),
    "report.matrix.legend": "Légende",
    "report.legend.full": "couvert à 100\u202f%",
    "report.legend.most": "75-99\u202f%",
    "report.legend.half": "50-74\u202f%",
    "report.legend.low": "moins de 50\u202f%",
    "report.legend.none": "pas de besoin dans ce domaine",
    "report.shortlist": "Éditeurs présélectionnés",
    "report.rank_n": "Rang {rank}",
    "report.publisher": "Éditeur du logiciel",
    "report.website": "Site",
    "report.stale_flag": "Attention\xa0: ce profil a été revu plus de 12 mois avant la date du rapport.",
    "report.strengths.intro": "Fonctionnalités de besoin 3 ou plus entièrement couvertes",
    "report.gaps.intro": "Fonctionnalités notées en dessous du besoin",
    "report.severity": "Gravité",
    "report.rating": "Note",
    "report.source": "source",
    "report.sources": "Sources",
    "report.changes.title": "Ce que les réponses des éditeurs ont changé",
    "report.changes.intro": (
        "Ce classement utilise des notes tirées des réponses des éditeurs à l’appel d’offres ou observées en "
        "démonstration (rfp import). Par rapport à la seule recherche documentaire du catalogue\xa0:"
    ),
    "report.changes.rank": "rang {rank}",
    "report.changes.out": "hors course",
    "report.changes.vendor": "{vendor}\xa0: {now} ({desk} sur la seule recherche documentaire)",
    "report.changes.rating": "{capability}\xa0: {desk} → {rating}, {why}",
    "report.changes.not_rated": "non notée",
    "report.changes.others": "Autres éditeurs dont le rang a changé\xa0: {vendors}.",
    "report.changes.other": "{vendor} {desk} → {now}",
    "report.evidence.desk_rank": "{desk} sur la seule recherche documentaire",
    "report.sources.intro": "Sources par site",
    "report.source_kind.vendor": "site de l’éditeur",
    "report.source_kind.third_party": "tiers",
    "report.source_kind.disallowed": "source non admise",
    "report.page.pricing": "tarifs",
    "report.page.api": "référence de l’API",
    "report.page.help": "centre d’aide",
    "report.page.blog": "blog",
    "report.page.home": "Page d’accueil",
    "report.page.numbered": "Page {number}",
    "report.evidence.title": "Sources des notes",
    "report.evidence.head.one": "{sourced} note retenue ici sur {used} est sourcée",
    "report.evidence.head.other": "{sourced} des {used} notes retenues ici sont sourcées",
    "report.evidence.own": "{n} sur les pages de l’éditeur",
    "report.evidence.third_party": "{n} chez des tiers",
    "report.evidence.unverified.one": "{n} non vérifiée",
    "report.evidence.unverified.other": "{n} non vérifiées",
    "report.evidence.declared.one": "{n} déclarée par l’éditeur dans ses réponses à l’appel d’offres",
    "report.evidence.declared.other": "{n} déclarées par l’éditeur dans ses réponses à l’appel d’offres",
    "report.evidence.demo.one": "{n} observée en démonstration",
    "report.evidence.demo.other": "{n} observées en démonstration",
    "report.evidence.reviewed": "profil revu le {date}",
    "report.evidence.short.one": "{sourced} note sourcée sur {used}",
    "report.evidence.short.other": "{sourced} notes sourcées sur {used}",
    "report.unverified_mark": "non vérifiée",
    "report.provenance.vendor_declared": "déclarée par l’éditeur, appel d’offres du {date}",
    "report.provenance.demo": "observée en démonstration le {date} par {by}",
    "report.provenance.demo_unnamed": "observée en démonstration le {date}",
    "report.odds": "Monte Carlo",
    "report.rank_range": "Plage de rangs (5-95 %)",
    "report.first_share": "En tête dans",
    "report.topsis.closeness": "Proximité",
    "report.topsis.rank": "Rang TOPSIS",
    "report.fit_rank": "Rang adéquation",
    "report.methodology": "Méthode",
    "report.page": "page",  # the footer: "page 3 of 12", "page 3 sur 12"
    "report.page_of": "sur",
    "report.method.percent": "{n}\u202f%",
    "report.method.ratings.title": "Les notes des éditeurs",
    "report.method.ratings.text": (
        "Chaque éditeur est noté de 0 à 5 sur chaque fonctionnalité, sur une même échelle pour tous, d’après "
        "sa documentation publique à la date de revue indiquée dans sa section, avec la source. Ces notes sont "
        "des jugements, pas des tests des produits\xa0; une note qu’aucune source publique n’étaye est "
        "signalée comme non vérifiée."
    ),
    "report.method.profile.title": "Le profil",
    "report.method.profile.text": (
        "Chacune des {traits} questions sur la relation client place l’entreprise entre le B2B typique "
        "(position 0) et le B2C typique (position 1). La position d’ensemble est la moyenne des positions "
        "répondues (un «\xa0je ne sais pas\xa0» est laissé de côté)\xa0: B2B sous un tiers, B2C au-dessus de "
        "deux tiers, hybride entre les deux."
    ),
    "report.method.needs.title": "Les besoins",
    "report.method.needs.text": (
        "Chacune des {capabilities} fonctionnalités dépend de certaines de ces réponses, chacune avec un poids "
        "de 1 à 3 et un côté, B2B ou B2C. L’attraction d’une réponse mesure, de 0 à 1, combien elle est typique "
        "de ce côté\xa0; la pertinence r de la fonctionnalité est la moyenne pondérée de ces attractions "
        "({neutral} si aucune n’a été répondue). L’importance donnée à son domaine fixe le niveau N\xa0: pas "
        "nécessaire 0, utile 3, important 4, critique 5."
    ),
    "report.method.needs.formula.1": ("besoin = arrondi(N × (1 − {slope} × (r_max − r))), un nombre entier de 0 à 5"),
    "report.method.needs.notes": (
        "r_max est la plus haute pertinence du domaine\xa0: sa fonctionnalité la plus pertinente reçoit le "
        "niveau du domaine, les autres perdent en proportion, jusqu’au quart de ce niveau, et aucun besoin ne "
        "dépasse l’importance de son domaine. Une importance répondue «\xa0je ne sais pas\xa0» est suggérée par "
        "le profil\xa0: importante quand r_max vaut {high} ou plus, pas nécessaire sous {low}, utile sinon\xa0; "
        "jamais critique, ce que seul le client peut dire."
    ),
    "report.method.must_haves.title": "Les indispensables",
    "report.method.must_haves.text": (
        "Les indispensables sont les fonctionnalités que le consultant a nommées\xa0; le besoin d’un "
        "indispensable nommé est le niveau de son domaine. Quand aucun n’est nommé, chaque domaine répondu "
        "critique en a un\xa0: la fonctionnalité de besoin 5 dont la pertinence est à {tie} près la plus haute "
        "du domaine, la première dans l’ordre du catalogue. Un éditeur couvre un indispensable avec une note "
        "d’au moins {met}, ou du besoin s’il est plus bas."
    ),
    "report.method.fit.title": "L’adéquation et les écarts",
    "report.method.fit.text": (
        "L’adéquation d’un éditeur est la part du besoin pondéré que couvrent ses notes\xa0; une note "
        "au-dessus du besoin ne rapporte rien de plus."
    ),
    "report.method.fit.formula.1": "poids = besoin{power} (pour les besoins de 1 à 5\xa0: {weights})",
    "report.method.fit.formula.2": "couverture = min(note, besoin) ÷ besoin",
    "report.method.fit.formula.3": "adéquation = Σ (poids × couverture) ÷ Σ poids",
    "report.method.fit.notes": (
        "Le cube fait peser un besoin critique plus que plusieurs petits. Un écart est un besoin noté "
        "en dessous\xa0: bloquant quand un indispensable n’est pas couvert, sauf si aucun éditeur en lice ne le "
        "couvre (c’est alors un constat sur le marché, dit une fois, qui ne bloque personne)\xa0; majeur à "
        "{major} niveaux ou plus sous le besoin\xa0; mineur à un niveau. Le classement met en dernier les "
        "éditeurs exclus par une contrainte, puis d’abord le moins d’écarts bloquants, puis la meilleure "
        "adéquation, puis le moins d’écarts majeurs et mineurs."
    ),
    "report.method.configuration.title": "Éditions, modules et coût",
    "report.method.configuration.text": (
        "Chaque éditeur est classé dans une configuration\xa0: une édition, seule ou avec des modules vendus "
        "à part, dont la note sur une fonctionnalité est la plus haute de celles de l’édition et de ses "
        "modules. Son coût est le prix catalogue annuel des licences pour les utilisateurs du client (sans "
        "remise, mise en œuvre ni consommation), converti au taux de référence de la Banque centrale "
        "européenne. Parmi les configurations dans le budget qui couvrent tous les indispensables, l’outil "
        "retient celle de plus grande valeur\xa0:"
    ),
    "report.method.configuration.formula.1": (
        "valeur = niveaux couverts − {per_doubling} × log₂((coût + licence de référence) ÷ licence de référence)"
    ),
    "report.method.configuration.notes": (
        "Les niveaux couverts comptent chaque niveau de note jusqu’au besoin sur les seuls besoins importants "
        "(besoin 4 ou 5)\xa0: un niveau compte 1 sur un besoin de 4 et {five} sur un besoin de 5, le rapport de "
        "leurs poids par niveau. La licence de référence, {nominal} par utilisateur et par mois pour les mêmes "
        "utilisateurs et la même année, rend une édition gratuite comparable à une payante. Doubler le coût "
        "doit donc combler deux niveaux de besoins importants (une fonctionnalité de 2 à 4). Une partie sur "
        "devis compte pour un doublement de plus, et une édition sur devis coûte au moins l’édition à prix "
        "public qui la précède. Les besoins de 1 à 3 ne paient jamais une édition ni un module\xa0; ce que "
        "l’on comblerait de plus est indiqué avec son surcoût."
    ),
    "report.method.constraints.title": "Les contraintes",
    "report.method.constraints.text": (
        "Un éditeur est exclu, et listé en dernier avec la raison, quand son interface n’a pas une langue "
        "requise, qu’il n’héberge les données dans aucune des régions acceptées, qu’il ne sert pas la taille "
        "de l’entreprise, que chaque édition est vendue pour moins d’utilisateurs que le client n’en a, ou que "
        "toute configuration qui couvre les indispensables coûte plus que le budget. Un fait que l’éditeur ne "
        "publie pas (une région d’hébergement, un prix sur devis) n’exclut personne\xa0: le rapport dit de le "
        "vérifier."
    ),
    "report.method.robustness.title": "Quelle confiance\xa0: les tirages de robustesse",
    "report.method.robustness.text": (
        "Notes et poids sont des jugements\xa0: le classement a donc été refait dans {draws} tirages au hasard "
        "à partir de la graine {seed} (les mêmes réponses, le même catalogue et la même graine donnent les "
        "mêmes chiffres). À chaque tirage, le poids de chaque besoin est multiplié par un facteur tiré entre "
        "{lo} et {hi}, chaque note baisse d’un niveau avec une probabilité de {slip} et monte d’un niveau avec "
        "une probabilité de {slip}, et les écarts bloquants sont recomptés."
    ),
    "report.method.robustness.notes": (
        "«\xa01er dans\xa0» est la part des tirages où un éditeur arrive premier\xa0; sa plage de rangs va du "
        "5e au 95e centile de ses rangs. Le rapport désigne un vainqueur net seulement quand le premier arrive "
        "en tête dans au moins {share} des tirages et devance le deuxième d’au moins {margin} d’adéquation."
    ),
    "report.method.robustness_none.text": "Ce rapport a été fait sans les tirages de robustesse.",
    "report.method.flip.title": "Le plus petit changement qui modifie le vainqueur",
    "report.method.flip.text": (
        "L’importance de chaque domaine est montée ou baissée de 1 à {steps} niveaux, un domaine à la fois\xa0; "
        "les besoins, la configuration de chaque éditeur et le contrôle du budget sont refaits et les éditeurs "
        "reclassés. Le rapport donne le changement le moins éloigné (puis le premier domaine dans l’ordre du "
        "catalogue) qui place un autre éditeur en tête, ou dit qu’aucun ne le fait. Un changement de trois "
        "niveaux (de critique à pas nécessaire) décrirait une autre entreprise et n’est pas essayé."
    ),
    "report.appendix": "Annexe\xa0: toutes les réponses",
    "report.question": "Question",
    "report.charts": "Graphiques",
    "report.chart.radar": "Besoin et notes des éditeurs par domaine",
    "report.chart.radar.alt": (
        "Graphique radar\xa0: le besoin moyen de chaque domaine (0-5) face à la note moyenne des trois premiers "
        "éditeurs"
    ),
    "report.chart.fit": "Adéquation des éditeurs en lice et part des premières places",
    "report.chart.fit.alt": (
        "Diagramme en barres\xa0: l'adéquation de chaque éditeur et la part des tirages perturbés où il arrive en tête"
    ),
    "report.chart.value": "Adéquation et coût annuel au prix catalogue des configurations recommandées",
    "report.chart.value.alt": (
        "Nuage de points\xa0: chaque éditeur en lice au coût annuel des licences de sa configuration et à son "
        "adéquation\xa0; les cercles couvrent tous les indispensables, les croix en manquent un"
    ),
    "report.chart.value.cost": "Coût annuel des licences, prix catalogue ({currency})",
    "report.chart.value.meets": "couvre tous les indispensables",
    "report.chart.value.misses": "manque un indispensable",
    "report.configuration": "Configuration",
    "report.yearly_cost": "Licences (prix catalogue)",
    "report.configuration.line": "Configuration recommandée\xa0: {name}\xa0; {cost}",
    "report.configuration.rates": "Converti au taux {rates}",
    "report.configuration.upgrades": "Pour aller plus loin",
    "report.chart.need": "Besoin",
    "report.chart.red_blocked": "rouge\xa0: bloqué par un écart sur un indispensable",
    "report.loyalty": "Programme de fidélité B2B",
}
