"""Every limit in one place: what a file may cost, and how the corpus runner shares out work.

The CLI's defaults and the texts of the finding codes (:data:`jointstmt.findings.CODES`)
read these values, so a limit is changed here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024

#: Default size limit of a statement file (``--max-bytes``).
MAX_BYTES = 5 * MiB
#: Default nesting limit of a statement file, in collections (``--max-depth``).
MAX_DEPTH = 64
#: The largest statement text read (its size is checked before reading): statement
#: texts run to kilobytes, and a bound keeps a huge or sparse file from exhausting memory.
MAX_SOURCE_BYTES = 64 * MiB

#: The highest ``--max-depth`` accepted: libyaml's scanner costs the square of the flow
#: depth before this loader sees an event, so a limit of 10^5 let ~10^5 nested ``[`` take
#: minutes. Statements nest about eight deep; 1,000 levels take milliseconds.
MAX_DEPTH_CAP = 1000
#: Default findings reported per file (``--max-findings``); the rest are counted in one
#: ``io.findings_cap`` finding. A 5 MiB file can otherwise give a million findings.
MAX_FINDINGS = 1000
#: Findings reported per run, whatever ``--max-findings``: past it, each further invalid
#: file reports its first finding and how many more it had. Bounds a run's output.
MAX_RUN_FINDINGS = 100_000
#: ``--jobs`` beyond this many per core is cut to it: more processes than that only add
#: memory (each worker holds the validation stack, ~60 MB) and scheduling.
JOBS_PER_CORE = 4

#: Most files per task sent to a worker: enough that inter-process traffic is noise
#: (a ~12 KB statement takes ~2 ms), few enough to keep what is in flight small.
MAX_CHUNK = 32
#: Chunks in flight per worker: keeps every worker busy while bounding what is buffered.
CHUNKS_PER_JOB = 3
#: Below this many files per worker, starting workers costs more than it saves.
MIN_FILES_PER_JOB = 4


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits for one file: size in bytes, nesting depth (collections), findings reported."""

    max_bytes: int = MAX_BYTES
    max_depth: int = MAX_DEPTH
    max_findings: int = MAX_FINDINGS

    def __post_init__(self) -> None:
        if self.max_bytes < 0 or not 1 <= self.max_depth <= MAX_DEPTH_CAP or self.max_findings < 1:
            raise ValueError(
                f"max_bytes must be >= 0, max_depth 1 to {MAX_DEPTH_CAP:,}, max_findings >= 1"
            )


def mib(size: int) -> str:
    """``5 MiB`` for a size in bytes, for help and code texts."""
    return f"{size // MiB} MiB" if size % MiB == 0 else f"{size:,} bytes"
