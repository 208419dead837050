"""The `crmadvisor` command's entry point (the console script and `python -m crmadvisor`).

A command lives about a second and builds most of what it holds at start-up: the classes of its
modules and their generated methods, the pydantic validators, the catalogue read back from its
cache. None of that is ever garbage, yet Python's cyclic collector walks it again at every
collection while it grows: about 0.09 s of a 1.2 s `assess --answers` (measured with
`gc.callbacks`). So the collector is off while the command's modules load; what they built is
then set aside for good (`gc.freeze`), and the collector runs once the command has made 100,000
objects of its own (700 by default): never in an `assess`, now and then in a long questionnaire
or a `validate` of thousands of files, whose cyclic garbage is still collected.

numpy's BLAS runs on one thread unless the environment says otherwise: the ranking's products are
a few thousand numbers, which a pool of threads only slows down (starting it, and waking it on a
shared machine): 13 % of the process time of `assess --answers`, measured in pairs.

Once the command has finished (its output printed, its files written and closed), the process leaves
without tearing the interpreter down: Python would otherwise free every module, class and object one
by one, which nothing needs, about a tenth of the process time of `assess --answers` (paired
measurement in the commit that added it). What an exit must still do is done first: the `atexit`
handlers (temporary files and folders among them) and flushing standard output and error. With a
thread still running, or a stream that cannot be flushed, Python exits as usual and reports it.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import NoReturn

FIRST_GENERATION = 100_000
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")  # numpy's wheels, and builds on MKL


def main() -> NoReturn:
    leave(run())


def run() -> object:
    """Run the command line; what it exits with (`SystemExit.code`: None, a number or a message)."""
    for variable in BLAS_THREADS:  # read when numpy is first imported, later in the command
        os.environ.setdefault(variable, "1")
    gc.disable()
    try:
        from crmadvisor.cli import commands
    finally:
        gc.freeze()
        gc.set_threshold(FIRST_GENERATION)
        gc.enable()
    try:
        commands.main()
    except SystemExit as done:
        return done.code
    return None


def leave(code: object) -> NoReturn:
    """Exit with `code` as `sys.exit` would, without the interpreter's teardown when nothing needs it."""
    if (code is not None and not isinstance(code, int)) or threading.active_count() > 1:
        raise SystemExit(code)  # a message to print, or a thread to wait for: Python's own exit
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise SystemExit(code) from None  # Python reports the stream that failed, as it always does
    os._exit(code or 0)
