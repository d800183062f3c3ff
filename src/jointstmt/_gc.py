"""The cyclic garbage collector, paused while one file is checked.

Checking a file builds tens of thousands of containers that all live until it is
done, and makes no reference cycles; each collection the collector runs meanwhile
traverses the growing tree again. That cost a third or more of the time on large
statements and made the cost per clause grow with the file (measured:
``benchmarks/bench_scaling.py``). Reference counting frees everything as before; the
rare cycle (an exception's traceback) waits for the next collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block, then restore it as it was.

    The switch is process-wide: another thread working meanwhile runs without it too,
    and one that entered while it was paused leaves it paused.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
