"""The anchor of `anchor_imports.py` (typer, PyYAML, rich, questionary, one pydantic model) plus the
libraries `assess` has imported since issue 12 was written: numpy (issue 13 asks for the ranking
vectorised with it) and Babel (locale-aware numbers, currencies and dates in the reports).

issue 12 and 13 ask for `assess --answers` within 2x "the time of importing its own stack": this is
that stack as it is now; `anchor_imports.py` is the stack as issue 12 listed it.
"""

import babel.dates
import babel.numbers  # noqa: F401
import numpy
import numpy.random  # noqa: F401
import questionary  # noqa: F401
import rich.console  # noqa: F401
import typer  # noqa: F401
import yaml  # noqa: F401
from pydantic import BaseModel


class Anchor(BaseModel):
    name: str
    rating: int = 0


Anchor(name="anchor")
