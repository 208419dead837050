"""What a report template may spend, and the bounds that hold it there while it renders (crmadvisor.present.jinja
checks each costly operation before it runs; these stop the output, a loop and memory that the checks do not see).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmadvisor.files import read_bounded
from crmadvisor.present.template_costs import TooCostly


@dataclass(frozen=True, slots=True)
class Limits:
    """What a consultancy's template may spend; the shipped reports need 0.1 s and 0.1 MB."""

    seconds: float = 0.5  # rendering, once compiled: the shipped reports take 0.01 s (50x margin)
    chars: int = 10_000_000  # any string the template builds, and the report it writes
    items: int = 1_000_000  # any list it builds
    memory: int = 256 * 1024 * 1024  # bytes of address space on top of what the process holds (Linux)


def bounded_output(chunks: Generator[str, None, None], limits: Limits, deadline: float) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        if size > limits.chars:
            message = f"the report would be over {limits.chars:,} characters: a loop writing too much?"
            chunks.throw(TooCostly(message))  # raised inside, at the template's line
        if time.monotonic() > deadline:
            message = f"the template ran longer than {limits.seconds:g} s: a loop too long, or endless?"
            chunks.throw(TooCostly(message))
    return "".join(parts)


def cost_message(err: BaseException, limits: Limits | None) -> str:
    if isinstance(err, RecursionError):
        return "macros call each other too deeply: a macro that calls itself without end?"
    if isinstance(err, MemoryError):
        memory = limits.memory if limits is not None else 0
        return f"the template needs more than {memory // 2**20} MiB of memory: a text or list too large?"
    if isinstance(err, OverflowError) and "MAX_RANGE" in str(err):
        return "range() of more than 100,000 numbers: the sandbox allows 100,000 at most"
    return str(err)


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Stop a loop that makes no call (no other check runs then): SIGALRM, where there is one."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield  # the checks on calls, operators and output still hold the bound
        return

    def expired(signum: int, frame: Any) -> None:
        raise TooCostly(f"the template ran longer than {seconds:g} s: a loop too long, or endless?")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds + 0.2)  # the checks speak first when they can
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def memory_bound(extra: int) -> Iterator[None]:
    """An address-space limit while the template runs: a MemoryError, not a machine swapping (Linux)."""
    try:
        import resource

        held = int(read_bounded(Path("/proc/self/statm"), 4096).split()[0]) * resource.getpagesize()
    except (ImportError, OSError, ValueError, IndexError):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = held + extra
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
