"""The `crmadvisor` command's entry point (the console script and `python -m crmadvisor`).

A command lives about a second and builds most of what it holds at start-up: the classes of its
modules and their generated methods, the pydantic validators, the catalogue read back from its
cache. None of that is ever garbage, yet Python's cyclic collector walks it again at every
collection while it grows: about 0.09 s of a 1.2 s `assess --answers` (measured with
`gc.callbacks`, benchmarks/README.md). So the collector is off while the command's modules load;
what they built is then set aside for good (`gc.freeze`), and the collector runs on what the
command itself creates, with a first generation of 10,000 objects instead of 700.
"""

from __future__ import annotations

import gc

FIRST_GENERATION = 10_000


def main() -> None:
    gc.disable()
    try:
        from crmadvisor.cli import commands
    finally:
        gc.freeze()
        gc.set_threshold(FIRST_GENERATION)
        gc.enable()
    commands.main()
