"""The `crmadvisor` command's entry point (the console script and `python -m crmadvisor`).

A command lives about a second and builds most of what it holds at start-up: the classes of its
modules and their generated methods, the pydantic validators, the catalogue read back from its
cache. None of that is ever garbage, yet Python's cyclic collector walks it again at every
collection while it grows: about 0.09 s of a 1.2 s `assess --answers` (measured with
`gc.callbacks`). So the collector is off while the command's modules load; what they built is
then set aside for good (`gc.freeze`), and the collector runs once the command has made 100,000
objects of its own (700 by default): never in an `assess`, now and then in a long questionnaire
or a `validate` of thousands of files, whose cyclic garbage is still collected.
"""

from __future__ import annotations

import gc

FIRST_GENERATION = 100_000


def main() -> None:
    gc.disable()
    try:
        from crmadvisor.cli import commands
    finally:
        gc.freeze()
        gc.set_threshold(FIRST_GENERATION)
        gc.enable()
    commands.main()
