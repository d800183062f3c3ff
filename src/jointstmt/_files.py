"""Reading user files safely: bounded reads and readable reasons for failures.

Shared by the statement file (:mod:`jointstmt.validation`) and its source text
(:mod:`jointstmt.rules`), which must both refuse what is over a limit without
reading it into memory.
"""

from __future__ import annotations

from typing import BinaryIO


def read_bounded(stream: BinaryIO, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a file whose size was ``size`` when last asked.

    ``read(n)`` reserves ``n`` bytes up front, so ask for the size (plus one, to see
    a file that grew since), not the limit: for a 12 KB file and a 5 MiB limit that
    made reading five times slower. More than ``limit`` bytes back means too large.
    """
    data = stream.read(min(size, limit) + 1)
    if size < len(data) <= limit:  # the file grew since its size was taken
        data += stream.read(limit + 1 - len(data))
    return data


def reason(error: Exception) -> str:
    """Why an open or read failed, for a message (``strerror`` where the OS gave one)."""
    return (
        (error.strerror if isinstance(error, OSError) else None)
        or str(error)
        or type(error).__name__
    )
