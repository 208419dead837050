"""The questionnaire's and the commands' own words (questions, usage errors), in French (merged into fr.WORDS)."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "questions.languages": (
        "Langues d'interface nécessaires aux utilisateurs du client (les éditeurs sans l'une d'elles sont exclus)"
    ),
    "questions.hosting_regions": (
        "Où les données clients peuvent-elles être hébergées (les éditeurs qui n'hébergent dans aucune de "
        "ces régions sont exclus) ?"
    ),
    "questions.company_size": "Taille de l'entreprise cliente (les éditeurs qui ne la servent pas sont exclus)",
    "questions.users": (
        "Nombre d'utilisateurs du CRM, un entier à partir de 1 (les licences à chiffrer : le rapport donne "
        "le coût annuel au prix catalogue de chaque configuration pour ce nombre)"
    ),
    "questions.budget_per_user_month": (
        "Budget par utilisateur et par mois, en budget_currency (les éditeurs dont le prix de départ le "
        "dépasse sont exclus ; un prix dans une autre devise n'est pas comparé)"
    ),
    "questions.budget_currency": "Devise du budget",
    "questions.optional": "Facultatif : omettre ou null pour aucune contrainte.",
    "ask.company": "Nom de l'entreprise ?",
    "ask.back": "← revenir à la question précédente",
    "ask.keys": "(flèches pour choisir, Entrée pour valider)",
    "ask.checkbox_keys": "(flèches, Espace pour cocher, Entrée pour valider)",
    "ask.languages": "Contrainte : langues d'interface nécessaires aux utilisateurs ?",
    "ask.hosting_regions": "Contrainte : où les données clients peuvent-elles être hébergées ?",
    "ask.company_size": (
        "Contrainte : taille de l'entreprise cliente (les éditeurs qui ne la servent pas sont exclus) ?"
    ),
    "ask.consultant": "Nom du consultant (le vôtre), tel que le rapport l'affichera ('<' = retour) ?",
    "ask.consultant.title": "Consultant",
    "ask.users": (
        "Nombre d'utilisateurs du CRM (les licences à chiffrer), par ex. 15 (vide = inconnu, '<' = retour) ?"
    ),
    "ask.users.refused": (
        "Tapez un nombre entier d'utilisateurs, 1 ou plus ; laissez vide s'il est inconnu, ou '<' pour revenir"
    ),
    "ask.users.none": "inconnu",
    "ask.budget.title": "Budget (par utilisateur et par mois, ou total annuel)",
    "ask.budget": (
        "Contrainte : budget par utilisateur et par mois, par ex. 40 (EUR) ou 40 USD, ou un total annuel, par ex."
        " 60000 EUR par an (vide = aucun, '<' = retour) ?"
    ),
    "ask.not_a_number": (
        "Tapez un nombre positif, éventuellement suivi de EUR, USD ou GBP, et de « par an » pour un total "
        "annuel ; laissez vide pour aucun budget, ou '<' pour revenir"
    ),
    "ask.required": "Une réponse est nécessaire ici.",
    "ask.summary": "Récapitulatif des réponses",
    "ask.summary_line": "{question} : {answer}",
    "ask.confirm": "Valider et classer les éditeurs",
    "ask.what_next": "Validez ces réponses, ou choisissez une partie à modifier :",
    "ask.which_answer": "Quelle réponse modifier ?",
    "ask.back_to_summary": "← revenir au récapitulatif",
    "ask.saving": "Les réponses sont enregistrées au fur et à mesure dans {path}",
    "ask.resuming": "Reprise de {path} à la question {n} sur {total}",
    "ask.interrupted": "Interrompu : vos réponses sont enregistrées dans {path} ; pour reprendre : {command}",
    "ask.exists": (
        "{path} existe déjà et n'est pas écrasé : reprenez-le avec `{command}`, ou indiquez un autre fichier --save"
    ),
    "ask.no_file": "{path} : aucun fichier de réponses à reprendre",
    "ask.resume_saves": "--resume enregistre les réponses dans {path} même : retirez --save",
    "ask.section.traits": "Partie 1 sur 3 : la relation client (9 questions)",
    "ask.section.importance": "Partie 2 sur 3 : importance de chaque domaine fonctionnel du CRM (9 questions)",
    "ask.must_haves.title": "Indispensables (critères éliminatoires)",
    "ask.must_haves": (
        "Lesquelles de ces fonctionnalités sont éliminatoires : un éditeur sans offre native solide est écarté ? "
        "(aucune cochée : la fonctionnalité centrale de chaque domaine jugé critique)"
    ),
    "ask.must_haves.help": (
        "Les indispensables doivent rester peu nombreux : un éditeur noté sous 3 sur l’un d’eux passe après tous "
        "ceux qui les couvrent tous. Sont listées les fonctionnalités des domaines jugés critiques ou importants."
    ),
    "ask.must_haves.none": "aucun nommé : la fonctionnalité centrale de chaque domaine jugé critique",
    "ask.section.constraints": "Partie 3 sur 3 : contraintes (facultatives : Entrée pour aucune)",
    "ask.loyalty.part.fundamentals": "Partie 1 sur 4 : les fondamentaux à vérifier d'abord",
    "ask.loyalty.part.specifics": "Partie 2 sur 4 : les spécificités B2B de vos clients",
    "ask.loyalty.part.design": "Partie 3 sur 4 : ce que doit être le programme",
    "ask.loyalty.part.success": "Partie 4 sur 4 : les facteurs clés de succès",
    "ask.loyalty.resuming": "Reprise de {path} à la question fidélité {n} sur {total}",
    "ask.loyalty.reused": "Déjà répondu : {question} {answer}",
    "ask.loyalty.reused_from": "d’après votre réponse à «\xa0{trait}\xa0»",
    "ask.loyalty.offer": (
        "Cette entreprise est B2B ou hybride et juge la fidélisation importante : évaluer maintenant sa "
        "préparation à un programme de fidélité B2B ({n} questions ; les réponses augmentent les besoins "
        "CRM correspondants) ?"
    ),
    "workflow.no_vendors_folder": "{folder} : aucun dossier d'éditeurs à ce chemin",
    "workflow.no_rates_file": "{path} : aucun fichier de taux à ce chemin",
    "workflow.no_vendors": "aucun profil d'éditeur à classer : indiquez --vendors DOSSIER",
    "workflow.no_answers_file": "{path} : aucun fichier de réponses à ce chemin",
    "workflow.no_terminal.assess": (
        "pas de terminal où poser les questions : indiquez un fichier de réponses complet avec --answers "
        "FICHIER (voir `crmadvisor questions` pour les questions et les identifiants d'options)"
    ),
    "workflow.no_terminal.loyalty": (
        "pas de terminal où poser les questions : indiquez avec --answers FICHIER un fichier de réponses "
        "dont la section `loyalty:` est complète (voir `crmadvisor questions` pour les questions et les "
        "identifiants d'options)"
    ),
    "workflow.pdf_needs_output": "un rapport PDF demande --output FICHIER.pdf",
    "workflow.template_not_json": "--template s'applique aux rapports Markdown et HTML, pas au JSON",
    "workflow.summary_terminal": "--summary affiche la synthèse dans le terminal : retirez --output et --format",
    "workflow.png_needs_charts": (
        "--png écrit les graphiques en PNG : il faut un rapport Markdown, HTML ou PDF avec graphiques"
    ),
    "workflow.format_mismatch": (
        "--format {fmt} ne correspond pas à l'extension de {path} : utilisez un nom de fichier en .{fmt}"
    ),
    "workflow.format_for_stdout": "--format est nécessaire quand le rapport va sur la sortie standard",
    "workflow.unknown_extension": (
        "{path} : l'extension `{suffix}` ne dit pas le format du rapport : utilisez .md, .html, .json ou "
        ".pdf, ou indiquez --format md|html|json|pdf"
    ),
    "workflow.no_extension": (
        "{path}\xa0: aucune extension n'indique le format du rapport\xa0: nommez le fichier en .md, .html, "
        ".json ou .pdf, ou indiquez --format md|html|json|pdf"
    ),
    "workflow.no_template": "{path} : aucun fichier de modèle à ce chemin",
    "workflow.unreadable_template": "{path} : impossible de lire le modèle : {reason}",
    "workflow.too_large_or_not_utf8": "trop volumineux ou pas en UTF-8",
    "workflow.wrote": "écrit : {path}",
    "workflow.no_loyalty_file": (
        "{folder} : pas de questionnaire fidélité (un fichier `kind: loyalty`) dans ce dossier de critères"
    ),
    "workflow.bad_vendor_id": (
        "`{id}` n'est pas un identifiant d'éditeur valide : utilisez des lettres minuscules, des chiffres et '-'"
    ),
    "workflow.not_overwritten": "{path} existe déjà : il n'est pas écrasé",
    "workflow.scaffolded": (
        "écrit : {path} ; remplacez chaque `TODO` et notez chaque fonctionnalité ; `crmadvisor validate {path}` "
        "liste ce qui reste"
    ),
    "workflow.no_vendor": "pas d'éditeur `{id}` dans le catalogue : {hint}",
    "workflow.compare_two": (
        "`vendors compare` demande au moins deux identifiants d’éditeur ({count} donné)\xa0: crmadvisor vendors "
        "compare ID ID [ID...]"
    ),
    "workflow.compare_twice": "{ids} nommé plus d’une fois\xa0: nommez chaque éditeur une seule fois",
    "workflow.did_you_mean": "vouliez-vous dire `{id}` ?",
    "workflow.see_list": "voir `crmadvisor vendors list`",
}
