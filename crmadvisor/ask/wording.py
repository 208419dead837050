"""The questionnaire's words (to move into crmadvisor/words/ under "ask." once it exists)."""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "en": {
        "company": "Company name?",
        "back": "← back to the previous question",
        "keys": "(arrows to move, Enter to choose)",
        "checkbox_keys": "(arrows to move, Space to tick, Enter to confirm; none ticked = no constraint)",
        "languages": "Constraint: interface languages the users need?",
        "hosting_regions": "Constraint: where may customer data be hosted?",
        "company_size": "Constraint: the client's company size (vendors that do not serve it are excluded)?",
        "budget": "Constraint: budget per user per month, e.g. 40 (EUR) or 40 USD (empty = none, '<' = back)?",
        "no_constraint": "no constraint",
        "not_a_number": "Type a positive number, optionally followed by EUR, USD or GBP; leave empty for no "
        "budget, or '<' to go back",
        "summary": "Summary of the answers",
        "confirm": "Confirm and rank the vendors",
        "edit": "Edit: {question}",
        "what_next": "Confirm these answers, or choose one to change:",
        "saving": "Answers are saved as you go in {path}",
        "resuming": "Resuming {path} at question {n} of {total}",
        "interrupted": "Interrupted: your answers are saved in {path}; resume with: {command}",
        "exists": "{path} already exists and is not overwritten: continue it with `{command}`, "
        "or pass another --save FILE",
        "no_file": "{path}: no such answers file to resume",
        "resume_saves": "--resume saves the answers in {path} itself: leave out --save",
        "title.languages": "Interface languages",
        "title.hosting_regions": "Data hosting",
        "title.company_size": "Company size",
        "title.budget": "Budget per user per month",
        "section.traits": "Part 1 of 3: the customer relationship (9 questions)",
        "section.importance": "Part 2 of 3: how important is each CRM feature area (9 questions)",
        "section.constraints": "Part 3 of 3: constraints (optional: Enter for none)",
        "size.micro": "micro (1-9 people)",
        "size.small": "small (10-49)",
        "size.medium": "medium (50-249)",
        "size.large": "large (250+)",
        "loyalty.part.fundamentals": "Part 1 of 4: the fundamentals to check first",
        "loyalty.part.specifics": "Part 2 of 4: the B2B specifics of your customers",
        "loyalty.part.design": "Part 3 of 4: what the programme should be",
        "loyalty.part.success": "Part 4 of 4: the key success factors",
        "loyalty.resuming": "Resuming {path} at loyalty question {n} of {total}",
        "loyalty.offer": "This company is B2B or hybrid and rates loyalty important: assess its B2B "
        "loyalty-programme readiness now ({n} questions; the answers raise the matching CRM needs)?",
    },
    "fr": {
        "company": "Nom de l'entreprise ?",
        "back": "← revenir à la question précédente",
        "keys": "(flèches pour choisir, Entrée pour valider)",
        "checkbox_keys": "(flèches, Espace pour cocher, Entrée pour valider ; rien de coché = pas de contrainte)",
        "languages": "Contrainte : langues d'interface nécessaires aux utilisateurs ?",
        "hosting_regions": "Contrainte : où les données clients peuvent-elles être hébergées ?",
        "company_size": "Contrainte : taille de l'entreprise cliente "
        "(les éditeurs qui ne la servent pas sont exclus) ?",
        "budget": "Contrainte : budget par utilisateur et par mois, par ex. 40 (EUR) ou 40 USD (vide = aucun, "
        "'<' = retour) ?",
        "no_constraint": "pas de contrainte",
        "not_a_number": "Tapez un nombre positif, éventuellement suivi de EUR, USD ou GBP ; laissez vide pour "
        "aucun budget, ou '<' pour revenir",
        "summary": "Récapitulatif des réponses",
        "confirm": "Valider et classer les éditeurs",
        "edit": "Modifier : {question}",
        "what_next": "Validez ces réponses, ou choisissez-en une à modifier :",
        "saving": "Les réponses sont enregistrées au fur et à mesure dans {path}",
        "resuming": "Reprise de {path} à la question {n} sur {total}",
        "interrupted": "Interrompu : vos réponses sont enregistrées dans {path} ; pour reprendre : {command}",
        "exists": "{path} existe déjà et n'est pas écrasé : reprenez-le avec `{command}`, "
        "ou indiquez un autre fichier --save",
        "no_file": "{path} : aucun fichier de réponses à reprendre",
        "resume_saves": "--resume enregistre les réponses dans {path} même : retirez --save",
        "title.languages": "Langues d'interface",
        "title.hosting_regions": "Hébergement des données",
        "title.company_size": "Taille de l'entreprise",
        "title.budget": "Budget par utilisateur et par mois",
        "section.traits": "Partie 1 sur 3 : la relation client (9 questions)",
        "section.importance": "Partie 2 sur 3 : importance de chaque domaine fonctionnel du CRM (9 questions)",
        "section.constraints": "Partie 3 sur 3 : contraintes (facultatives : Entrée pour aucune)",
        "size.micro": "micro (1 à 9 personnes)",
        "size.small": "petite (10 à 49)",
        "size.medium": "moyenne (50 à 249)",
        "size.large": "grande (250 et plus)",
        "loyalty.part.fundamentals": "Partie 1 sur 4 : les fondamentaux à vérifier d'abord",
        "loyalty.part.specifics": "Partie 2 sur 4 : les spécificités B2B de vos clients",
        "loyalty.part.design": "Partie 3 sur 4 : ce que doit être le programme",
        "loyalty.part.success": "Partie 4 sur 4 : les facteurs clés de succès",
        "loyalty.resuming": "Reprise de {path} à la question fidélité {n} sur {total}",
        "loyalty.offer": "Cette entreprise est B2B ou hybride et juge la fidélisation importante : évaluer "
        "maintenant sa préparation à un programme de fidélité B2B ({n} questions ; les réponses augmentent "
        "les besoins CRM correspondants) ?",
    },
}


def ui(lang: str) -> dict[str, str]:
    return UI["fr" if lang == "fr" else "en"]
