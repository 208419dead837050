"""`schema` and `questions`: what the data files may hold, for editors, forms and other tools."""

from __future__ import annotations

from pathlib import Path

from crmadvisor.workflow.printout import Printout


def schema(kind: str) -> Printout:
    from crmadvisor.present.schemas import json_schema

    return Printout(json_schema(kind))


def questions(fmt: str, lang: str, criteria_dir: Path | None) -> Printout:
    from crmadvisor.load.criteria import load_criteria
    from crmadvisor.present.questions import FORMATS

    return Printout(FORMATS[fmt](load_criteria(criteria_dir), lang))
