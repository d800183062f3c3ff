"""How well ``jointstmt new`` types clauses: its suggestions against the corpus's encodings.

For every version-2 statement of ``datasets/``, the script copies the statement
text to a scratch folder, runs ``jointstmt new`` on it (in process, through the
CLI's ``main``) and loads the draft (which must validate). Then, sentence by
sentence over the encoded body (headings aside, as ``jointstmt coverage`` splits
it): the encoded type is the type of the encoded clause covering most of the
sentence, the suggested type that of the drafted clause covering most of it
("none" when the draft leaves the sentence out).

It prints the agreement, the majority-class baseline beside it (every sentence
given the type encoded most often), each type's precision and recall, and the
agreement per statement. Targets (issue 13): agreement >= 70 % and >= 30 points
above the baseline. The cues are tuned on this same corpus, so the figure is an
upper bound for unseen statements; the per-statement lines show the spread.

Run: python benchmarks/bench_suggest.py [--datasets DIR] [--mistakes]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jointstmt import load
from jointstmt.cli import main
from jointstmt.coverage import body_ranges
from jointstmt.model.v2.statement import JointStatement
from jointstmt.sentences import Sentence, split

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Typed:
    """One sentence of a statement's body: its encoded and its suggested type."""

    statement: str
    sentence: Sentence
    encoded: str
    suggested: str


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", type=Path, default=ROOT / "datasets")
    parser.add_argument(
        "--mistakes", action="store_true", help="list every sentence typed otherwise"
    )
    args = parser.parse_args(argv)
    typed: list[Typed] = []
    statements = 0
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted(args.datasets.glob("*/*.yaml")):
            encoded = load(path)
            if not isinstance(encoded, JointStatement):
                continue  # version 1: no body to compare over
            statements += 1
            typed += compare(encoded, path.parent, Path(scratch))
    report(typed, statements, args.datasets)
    if args.mistakes:
        for t in typed:
            if t.encoded != t.suggested:
                flat = " ".join(t.sentence.text.split())
                print(f"{t.statement}: {t.encoded} -> {t.suggested}: {flat[:110]}")
    return 0


def compare(encoded: JointStatement, folder: Path, scratch: Path) -> list[Typed]:
    """Draft ``encoded``'s text with ``jointstmt new`` and type each body sentence both ways."""
    name = encoded.statement_text.path
    text = (folder / name).read_text(encoding="utf-8")
    target = scratch / encoded.id
    target.mkdir()
    shutil.copyfile(folder / name, target / name)
    draft_path = target / "draft.yaml"
    with contextlib.redirect_stdout(io.StringIO()):
        status = main(["new", str(target / name), "--output", str(draft_path)])
    if status != 0:
        raise SystemExit(f"jointstmt new failed on {encoded.id} (status {status})")
    drafted = load(draft_path)  # raises if the draft does not validate
    assert isinstance(drafted, JointStatement)
    out = []
    for start, end in body_ranges(encoded):
        for sentence in split(text, start, end, encoded.language):
            if sentence.is_heading:
                continue
            truth = _covering(encoded, sentence)
            if truth is not None:
                out.append(
                    Typed(encoded.id, sentence, truth, _covering(drafted, sentence) or "none")
                )
    return out


def _covering(statement: JointStatement, sentence: Sentence) -> str | None:
    """The type of the clause that covers most of ``sentence`` (the first, on a tie)."""
    best, most = None, 0
    for clause in statement.clauses:
        overlap = min(clause.span.end, sentence.end) - max(clause.span.start, sentence.start)
        if overlap > most:
            best, most = clause.type, overlap
    return best


def report(typed: list[Typed], statements: int, datasets: Path) -> None:
    total = len(typed)
    agree = sum(t.encoded == t.suggested for t in typed)
    encoded = Counter(t.encoded for t in typed)
    suggested = Counter(t.suggested for t in typed)
    majority, majority_count = encoded.most_common(1)[0]
    agreement = 100 * agree / total
    baseline = 100 * majority_count / total
    print(f"jointstmt new on {statements} statements of {datasets} ({total} body sentences)")
    print()
    print(f"agreement       {agreement:5.1f} %  ({agree} of {total} sentences)")
    print(
        f"baseline        {baseline:5.1f} %  (every sentence typed {majority!r}, "
        "the type encoded most often)"
    )
    print(f"above baseline  {agreement - baseline:5.1f} points   (targets: >= 70 %, >= 30 points)")
    print()
    print(f"{'type':22} {'encoded':>8} {'suggested':>9} {'precision':>10} {'recall':>8}")
    for type_ in sorted(set(encoded) | set(suggested), key=lambda t: (-encoded[t], t)):
        hits = sum(t.encoded == t.suggested == type_ for t in typed)
        precision = f"{100 * hits / suggested[type_]:.0f} %" if suggested[type_] else "-"
        recall = f"{100 * hits / encoded[type_]:.0f} %" if encoded[type_] else "-"
        print(f"{type_:22} {encoded[type_]:8} {suggested[type_]:9} {precision:>10} {recall:>8}")
    print()
    print("per statement")
    for statement in sorted({t.statement for t in typed}):
        mine = [t for t in typed if t.statement == statement]
        hits = sum(t.encoded == t.suggested for t in mine)
        print(f"  {statement:48} {100 * hits / len(mine):5.1f} %  ({hits}/{len(mine)})")


if __name__ == "__main__":
    sys.exit(main_())
