"""The interactive questionnaire (questionary): one question at a time, saved after every answer.

Back navigation: every question but the first offers "back"; Ctrl-C stops with the answers
saved; `--resume FILE` starts again at the first unanswered question; a summary lets the
consultant confirm or edit any answer before scoring.
"""

from __future__ import annotations

import datetime as dt
import math
import shlex
import shutil
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice

from crmadvisor.errors import Interrupted, UsageError
from crmadvisor.load.answers import read_answers, write_answers
from crmadvisor.model.schema import DONT_KNOW, Answers, Catalog, CompanySize, HostingRegion
from crmadvisor.words import words

BACK = "__back__"
NO_CONSTRAINT = "__none__"
CONFIRM = "__confirm__"
DEFAULT_FILE = Path("crmadvisor-answers.yaml")

_UI: dict[str, dict[str, Any]] = {
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
        "sizes": {
            "micro": "micro (1-9 people)",
            "small": "small (10-49)",
            "medium": "medium (50-249)",
            "large": "large (250+)",
        },
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
        "sizes": {
            "micro": "micro (1 à 9 personnes)",
            "small": "petite (10 à 49)",
            "medium": "moyenne (50 à 249)",
            "large": "grande (250 et plus)",
        },
    },
}


def open_answers(
    catalog: Catalog,
    *,
    resume: Path | None,
    save: Path | None,
    lang: str | None,
    today: dt.date,
    default: Path,
    command: Callable[[Path, Sequence[str]], str],
    again: Sequence[str] = (),
    start: Mapping[str, Any] | None = None,
) -> tuple[Answers, Path]:
    """The answers file a questionnaire writes to: the resumed one, or a new one created at once.

    A new file is never written over an existing one; `start` holds extra fields of a new file.
    `command(path, again)` is the resume command that errors print.
    """
    ui = _UI["fr" if lang == "fr" else "en"]
    if resume is not None:
        if save is not None:
            raise UsageError(ui["resume_saves"].format(path=resume))
        if not resume.is_file():
            raise UsageError(ui["no_file"].format(path=resume))
        answers, _ = read_answers(resume, catalog)
        if lang is not None and lang != answers.lang:
            answers = answers.model_copy(update={"lang": lang})
        return answers, resume
    if save is not None and save.exists():
        raise UsageError(ui["exists"].format(path=save, command=command(save, again)))
    path = save if save is not None else _free_name(default)
    answers = Answers.model_validate(
        {"kind": "answers", "lang": "fr" if lang == "fr" else "en", "date": today, **(start or {})}
    )
    write_answers(path, answers)  # from now on, "your answers are saved in PATH" is true
    return answers, path


@dataclass(frozen=True, slots=True)
class Step:
    field: str  # "company", "traits.customer_file_size", "constraints.languages", ...
    title: str  # the question, for the summary
    section: str | None  # a section banner printed before the first step of a section
    ask: Callable[[Answers, bool], Any]  # (answers so far, may go back) -> value or BACK
    answered: Callable[[Answers], bool]
    shown: Callable[[Answers], str]  # the current answer, for the summary


def run(
    catalog: Catalog,
    *,
    resume: Path | None,
    save: Path | None,
    lang: str | None,
    today: dt.date,
    again: Sequence[str] = (),
    then: Callable[[Answers, Path], Answers] | None = None,
) -> Answers:
    """Ask every unanswered question, save after each answer, and return confirmed answers.

    `again` holds the options (catalogue folders) the resume command must repeat to rank the same vendors.
    `then` asks more after the summary (the loyalty questions), saving to the same file; a Ctrl-C
    there resumes like one in the main questionnaire.
    """
    answers, path = open_answers(
        catalog,
        resume=resume,
        save=save,
        lang=lang,
        today=today,
        default=DEFAULT_FILE,
        command=resume_command,
        again=again,
    )
    ui = _UI[answers.lang]
    steps = build_steps(catalog, answers.lang)
    questionary.print(ui["saving"].format(path=path), style="italic")
    try:
        index = next((i for i, s in enumerate(steps) if not s.answered(answers)), len(steps))
        if resume is not None and index:
            questionary.print(ui["resuming"].format(path=path, n=index + 1, total=len(steps)), style="italic")
        answers = ask_steps(steps, answers, path, index)
        answers = review(steps, answers, path, catalog)
        if then is not None:
            answers = then(answers, path)
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D / input closed: stop, the answers are on disk
        raise Interrupted(ui["interrupted"].format(path=path, command=resume_command(path, again))) from None
    return answers


def resume_command(path: Path, again: Sequence[str] = ()) -> str:
    """The exact command that continues this answers file, quoted for a POSIX shell."""
    return shlex.join(["crmadvisor", "assess", "--resume", str(path), *again])


def _free_name(path: Path) -> Path:
    """crmadvisor-answers.yaml, or -2, -3 ... : never overwrite an earlier client's answers."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def ask_steps(steps: list[Step], answers: Answers, path: Path, index: int) -> Answers:
    shown_section: str | None = None
    reached = index  # going forward past here, a question answered in the file (by hand) is not asked again
    while index < len(steps):
        step = steps[index]
        if index >= reached and step.answered(answers):
            index = reached = index + 1
            continue
        if step.section and step.section != shown_section:
            questionary.print(f"\n{step.section}", style="bold")
            shown_section = step.section
        value = step.ask(answers, index > 0)
        if value == BACK:
            index -= 1
            continue
        answers = set_answer(answers, step.field, value)
        write_answers(path, answers)
        index += 1
        reached = max(reached, index)
    return answers


def review(steps: list[Step], answers: Answers, path: Path, catalog: Catalog) -> Answers:
    """The summary: confirm, or pick any answer to change, until confirmed."""
    ui = _UI[answers.lang]
    while True:
        questionary.print(f"\n{ui['summary']}", style="bold")
        for step in steps:
            line = f"{step.title}: {step.shown(answers)}"
            questionary.print(textwrap.fill(line, width=_width(), initial_indent="  ", subsequent_indent="    "))
        choices = [Choice(ui["confirm"], value=CONFIRM)]
        choices += [Choice(ui["edit"].format(question=s.title), value=str(i)) for i, s in enumerate(steps)]
        message = _question(ui["what_next"], ui["keys"])
        picked = questionary.select(message, choices=choices, instruction=ui["keys"]).unsafe_ask()
        if picked == CONFIRM:
            answers = answers.model_copy(update={"confirmed": True})
            write_answers(path, answers)
            return answers
        step = steps[int(picked)]
        value = step.ask(answers, False)
        answers = set_answer(answers, step.field, value).model_copy(update={"confirmed": False})
        write_answers(path, answers)


def set_answer(answers: Answers, field: str, value: Any) -> Answers:
    """The answers with one more, validated (`model_copy` would keep raw strings where enums belong)."""
    data = answers.model_dump()
    section, _, key = field.partition(".")
    if section in ("traits", "importance"):
        data[section] = {**data[section], key: value}
    elif section == "constraints":
        constraints = data["constraints"] or {}
        asked = tuple(dict.fromkeys((*constraints.get("asked", ()), key)))
        if key == "budget":  # (amount, currency) or None
            amount, currency = value if value is not None else (None, constraints.get("budget_currency", "EUR"))
            constraints = {**constraints, "budget_per_user_month": amount, "budget_currency": currency}
            data["constraints"] = {**constraints, "asked": asked}
        else:
            data["constraints"] = {**constraints, key: value, "asked": asked}
    else:
        data[section] = value
    return Answers.model_validate(data)


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns - 1))


def _help(heading: str, text: str) -> None:
    questionary.print(f"\n{heading}", style="bold")
    for paragraph in text.splitlines():
        questionary.print(textwrap.fill(paragraph, width=_width()), style="italic")


def _question(message: str, instruction: str = "") -> str:
    """The question wrapped at word boundaries after questionary's "? " mark, not cut mid-word by the terminal.

    The instruction questionary prints after it goes to the next line when it would not fit on the last one.
    """
    width = _width() - 2
    text = textwrap.fill(message, width=width, subsequent_indent="  ")
    if instruction and len(text.rsplit("\n", 1)[-1]) + len(instruction) + 2 > width:
        text += "\n"
    return text


def _wrapped(choice: Choice) -> Choice:
    """A long option label on several lines, cut between words, aligned after questionary's " » " pointer."""
    if not isinstance(choice.title, str):
        return choice
    title = textwrap.fill(choice.title, width=_width() - 3, subsequent_indent="   ")
    return Choice(title, value=choice.value, checked=choice.checked)


def _select(message: str, choices: list[Choice], default: str | None, back: bool, ui: dict[str, Any]) -> Any:
    options = [_wrapped(c) for c in choices]
    if back:
        options.append(Choice(ui["back"], value=BACK))
    chosen = default if default in {c.value for c in options} else None
    message = _question(message, ui["keys"])
    return questionary.select(message, choices=options, default=chosen, instruction=ui["keys"]).unsafe_ask()


def build_steps(catalog: Catalog, lang: str) -> list[Step]:
    """Every question of the interview, in order, as data-driven steps."""
    ui = _UI[lang]
    w = words(lang)
    traits = catalog.traits
    steps: list[Step] = []

    def ask_company(answers: Answers, back: bool) -> Any:
        return (
            questionary.text(ui["company"], default=answers.company or "", validate=lambda t: bool(t.strip()))
            .unsafe_ask()
            .strip()
        )

    steps.append(
        Step("company", ui["company"], None, ask_company, lambda a: bool(a.company), lambda a: a.company or "")
    )

    declared = traits.declared_model
    declared_labels = {o.id: o.label(lang) for o in declared.options}

    def ask_declared(answers: Answers, back: bool) -> Any:
        _help(declared.question(lang), declared.help(lang))
        choices = [Choice(o.label(lang), value=o.id) for o in declared.options]
        choices.append(Choice(w["common.dont_know"], value=DONT_KNOW))
        return _select(declared.question(lang), choices, answers.declared_model, back, ui)

    steps.append(
        Step(
            "declared_model",
            declared.question(lang),
            None,
            ask_declared,
            lambda a: a.declared_model is not None,
            lambda a: declared_labels.get(a.declared_model or "", w["common.dont_know"]) if a.declared_model else "",
        )
    )
    for trait in traits.traits:
        steps.append(_trait_step(trait.id, catalog, lang, ui["section.traits"]))
    for area in catalog.feature_areas.areas:
        steps.append(_importance_step(area.id, catalog, lang, ui["section.importance"]))
    steps += _constraint_steps(catalog, lang, ui["section.constraints"])
    return steps


def _trait_step(trait_id: str, catalog: Catalog, lang: str, section: str) -> Step:
    ui = _UI[lang]
    w = words(lang)
    trait = next(t for t in catalog.traits.traits if t.id == trait_id)
    labels = {o.id: o.label(lang) for o in trait.options} | {DONT_KNOW: w["common.dont_know"]}

    def ask(answers: Answers, back: bool) -> Any:
        _help(trait.heading(lang), trait.help(lang))
        choices = [Choice(o.label(lang), value=o.id) for o in trait.options]
        if trait.dont_know:
            choices.append(Choice(w["common.dont_know"], value=DONT_KNOW))
        return _select(trait.question(lang), choices, answers.traits.get(trait.id), back, ui)

    return Step(
        f"traits.{trait.id}",
        trait.heading(lang),
        section,
        ask,
        lambda a: trait.id in a.traits,
        lambda a: labels.get(a.traits.get(trait.id, ""), ""),
    )


def _importance_step(area_id: str, catalog: Catalog, lang: str, section: str) -> Step:
    ui = _UI[lang]
    w = words(lang)
    area = next(a for a in catalog.feature_areas.areas if a.id == area_id)
    levels = catalog.feature_areas.importance_levels
    labels = {lvl.id: lvl.label(lang) for lvl in levels} | {DONT_KNOW: w["common.dont_know"]}

    def ask(answers: Answers, back: bool) -> Any:
        capabilities = ", ".join(c.name(lang) for c in area.capabilities)
        _help(area.heading(lang), f"{area.help(lang)}\n→ {capabilities}")
        choices = [Choice(lvl.label(lang), value=lvl.id) for lvl in levels]
        choices.append(Choice(w["common.dont_know"], value=DONT_KNOW))
        return _select(area.question(lang), choices, answers.importance.get(area.id), back, ui)

    return Step(
        f"importance.{area.id}",
        area.heading(lang),
        section,
        ask,
        lambda a: area.id in a.importance,
        lambda a: labels.get(a.importance.get(area.id, ""), ""),
    )


def _asked(key: str) -> Callable[[Answers], bool]:
    """Asked in the questionnaire, or set by hand in the file (a hand-written file has no `asked` list)."""
    name = "budget_per_user_month" if key == "budget" else key
    return lambda a: (
        a.constraints is not None and (key in a.constraints.asked or getattr(a.constraints, name) is not None)
    )


def _constraint_steps(catalog: Catalog, lang: str, section: str) -> list[Step]:
    ui = _UI[lang]
    languages = sorted({code for v in catalog.vendors for code in v.languages})

    def ask_languages(answers: Answers, back: bool) -> Any:
        current = set((answers.constraints.languages if answers.constraints else None) or ())
        choices = [Choice(code, value=code, checked=code in current) for code in languages]
        if back:
            choices.append(Choice(ui["back"], value=BACK))
        picked = questionary.checkbox(ui["languages"], choices=choices, instruction=ui["checkbox_keys"]).unsafe_ask()
        return BACK if BACK in picked else tuple(picked)

    def ask_hosting(answers: Answers, back: bool) -> Any:
        current = set((answers.constraints.hosting_regions if answers.constraints else None) or ())
        choices = [Choice(r.value, value=r.value, checked=r.value in current) for r in HostingRegion]
        if back:
            choices.append(Choice(ui["back"], value=BACK))
        message = ui["hosting_regions"]
        picked = questionary.checkbox(message, choices=choices, instruction=ui["checkbox_keys"]).unsafe_ask()
        return BACK if BACK in picked else tuple(picked)

    def ask_size(answers: Answers, back: bool) -> Any:
        current = answers.constraints.company_size if answers.constraints else None
        choices = [Choice(ui["no_constraint"], value=NO_CONSTRAINT)]
        choices += [Choice(ui["sizes"][s.value], value=s.value) for s in CompanySize]
        picked = _select(ui["company_size"], choices, current.value if current else NO_CONSTRAINT, back, ui)
        return None if picked == NO_CONSTRAINT else picked

    def ask_budget(answers: Answers, back: bool) -> Any:
        given = answers.constraints
        current = (
            (given.budget_per_user_month, given.budget_currency) if given and given.budget_per_user_month else None
        )
        shown = f"{current[0]:g} {current[1]}" if current else ""
        raw = questionary.text(ui["budget"], default=shown, validate=lambda t: _budget_ok(t, ui)).unsafe_ask()
        if raw.strip() == "<":
            return BACK if back else current  # in the summary, "<" leaves the budget as it was
        return budget_from(raw)

    def shown(key: str) -> Callable[[Answers], str]:
        def show(a: Answers) -> str:
            if a.constraints is None:
                return ""
            value = getattr(a.constraints, "budget_per_user_month" if key == "budget" else key)
            if value in (None, ()):
                return str(ui["no_constraint"])
            if key == "budget":
                return f"{value:g} {a.constraints.budget_currency}"
            return ", ".join(value) if isinstance(value, tuple) else f"{value}"

        return show

    return [
        Step(f"constraints.{key}", ui[f"title.{key}"], section, ask, _asked(key), shown(key))
        for key, ask in (
            ("languages", ask_languages),
            ("hosting_regions", ask_hosting),
            ("company_size", ask_size),
            ("budget", ask_budget),
        )
    ]


CURRENCIES = ("EUR", "USD", "GBP")


def budget_from(text: str) -> tuple[float, str] | None:
    """ "40", "40,5", "40 usd", "40USD" -> (amount, currency; EUR when none is typed); "" -> None.

    Raises ValueError for anything else, or an amount that is not positive.
    """
    value = text.strip().upper().replace(",", ".")
    if not value:
        return None
    currency = next((c for c in CURRENCIES if value.endswith(c)), "EUR")
    amount = float(value.removesuffix(currency).strip())
    if not (amount > 0 and math.isfinite(amount)):
        raise ValueError(text)
    return amount, currency


def _budget_ok(text: str, ui: dict[str, Any]) -> bool | str:
    if text.strip() == "<":
        return True
    try:
        budget_from(text)
    except ValueError:
        return str(ui["not_a_number"])
    return True
