"""The whole-process anchor for `assess` (issue 5): Python with typer, PyYAML, rich, questionary
and one pydantic model, as the issue words it ("about 0.3 s here").

`import pydantic` alone is lazy: the machinery a model needs (schema generation, validators) is
imported only when the first model class is built, so the anchor builds one.
"""

import questionary  # noqa: F401
import rich.console  # noqa: F401
import typer  # noqa: F401
import yaml  # noqa: F401
from pydantic import BaseModel


class Anchor(BaseModel):
    name: str
    rating: int = 0


Anchor(name="anchor")
