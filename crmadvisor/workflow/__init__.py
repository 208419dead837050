"""What each command does: a frozen request in, a `Printout` (what to print, the files written) out.

`crmadvisor/cli/` only parses arguments, builds the request and prints the printout; the decisions (which
language and date, an answers file or an interview, the terminal or a written report) are taken
here, one module per command or family of commands, wiring load -> model -> present.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crmadvisor.workflow.inputs import catalog, complete_answers, has_terminal

if TYPE_CHECKING:
    from crmadvisor.model.assessment import Assessment
    from crmadvisor.model.schema import Answers, Catalog

__all__ = ["assess", "catalog", "complete_answers", "has_terminal"]


def assess(catalog: Catalog, answers: Answers, *, draws: int, seed: int, topsis: bool) -> Assessment:
    """The assessment of complete answers (the decision model, imported when a command needs it)."""
    from crmadvisor.model.assessment import assess as assess_model

    return assess_model(catalog, answers, draws=draws, seed=seed, topsis=topsis)
