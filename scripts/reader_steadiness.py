"""How steady the learned reader is: the default reader's errors on the judging sets when
the learned reader is trained again on slightly different data.

Trains the learned reader as ``python -m rolefit.build reader`` does (every set of
``tests/reading_sets/`` and the status table, :mod:`rolefit.build.reader`), once on all of
it and then with ``--drop`` random rows of the status table left out (one run per seed),
and reads the judging sets of ``tests/reading_sets/holdout/`` as the default reader
(``reader="hybrid"``) does: the rules, then the model on each held mention in reach of a
cue word (every held mention in a text with a cross mark), each feature counted as often
as it stands in the window, as rolefit reads (:func:`rolefit._statusmodel.predict`). The
first run reproduces the shipped reader's figures (``scripts/reading_eval.py --reader
hybrid``). Prints each run's errors, skills held and dropped wrongly, and denials found,
then the spread (``docs/evaluation.md``, "The learned reader counts a repeated word more
than once"). ``--as-trained`` reads each feature once, as the model is trained; ``--C``
trains with another regularisation. Needs scikit-learn (the ``build`` extra); takes
about a minute per run.

Run: ``python scripts/reader_steadiness.py [--runs 6] [--drop 15] [--C 0.3] [--as-trained]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

from rolefit import _negation, _statusmodel
from rolefit.build import reader

SETS = Path(__file__).resolve().parents[1] / "tests" / "reading_sets"
TABLE = SETS.parent / "negation_cases.csv"
JUDGING = ("aaaa", "bbbb", "dddd", "eeee", "ffff", "gggg", "hhhh", "iiii", "jjjj")


def hybrid_rows(cases) -> list[tuple]:
    """:func:`rolefit.build.reader.examples` rows of ``cases`` with the features of only the
    held mentions that the default reader lets the model read (its reach)."""
    rows = []
    for k, case in enumerate(cases):
        found, decided, text, anchors = reader._mentions(case["text"])
        if _negation.has_marks(text):
            reach = [True] * len(found)
        else:
            cues = _negation.in_reach_words(anchors)
            reach = _statusmodel.in_reach(text, found, cues) if cues else [False] * len(found)
        spans = [(s, e) for s, e, _ in found]
        lines: dict = {}
        for i, (start, end, skill) in enumerate(found):
            names = None
            if i not in decided and reach[i]:
                names = _statusmodel.features(
                    _statusmodel.window(text, start, end, spans, lines))
            rows.append((k, skill, decided.get(i, ("has", ""))[0], names,
                         case["labels"].get(skill)))
    return rows


def statuses(rows, vectorizer, model, as_trained: bool) -> list[str]:
    """Each row's status: the model's where it reads the mention (each feature's count, or
    with ``as_trained`` its presence), else the rules'."""
    return reader.predictions(rows, vectorizer, model, counts=not as_trained)


def judge(judging, vectorizer, model, as_trained: bool) -> tuple[int, int, int, int]:
    """Errors, skills held and dropped wrongly, and denials found over the judging sets."""
    errors = held = dropped = denials = 0
    for cases, rows in judging:
        read = statuses(rows, vectorizer, model, as_trained)
        found = reader.strongest(((k, skill, status) for (k, skill, *_), status
                                  in zip(rows, read, strict=True)), len(cases))
        figures, diffs = reader.compare(cases, found)
        errors += sum(map(len, diffs))
        held += figures["wrongly_held"]
        dropped += figures["wrongly_dropped"]
        denials += sum(read.get(skill) == "negated"
                       for case, read in zip(cases, found, strict=True)
                       for skill, label in case["labels"].items() if label == "negated")
    return errors, held, dropped, denials


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6, help="runs (the first on all the data)")
    parser.add_argument("--drop", type=int, default=15, help="table rows left out per run")
    parser.add_argument("--C", type=float, default=reader.PARAMS["C"])
    parser.add_argument("--as-trained", action="store_true",
                        help="read each feature once, as the model is trained")
    args = parser.parse_args(argv)
    sets = reader.load_sets(SETS, TABLE)
    rows = {name: reader.examples(cases) for name, cases in sets.items()}
    holdout = reader.load_sets(SETS / "holdout")
    judging = [(holdout[name], hybrid_rows(holdout[name])) for name in JUDGING]
    params = {**reader.PARAMS, "C": args.C}
    errors = []
    print("| run | table rows left out | errors | held wrongly | dropped wrongly "
          "| denials found |")
    print("|---|---:|---:|---:|---:|---:|")
    for run in range(args.runs):
        gone = set(random.Random(run).sample(range(len(sets["table"])), args.drop) if run
                   else ())
        data = {**rows, "table": [row for row in rows["table"] if row[0] not in gone]}
        training, weights = reader._weighted(data)
        vectorizer, model = reader.train(training, params, weights)
        figures = judge(judging, vectorizer, model, args.as_trained)
        errors.append(figures[0])
        print(f"| {run} | {len(gone)} | " + " | ".join(f"{f:,}" for f in figures) + " |",
              flush=True)
    print(f"\nerrors: {min(errors):,}-{max(errors):,}, mean {statistics.mean(errors):,.1f}, "
          f"standard deviation {statistics.pstdev(errors):.1f} (C = {args.C}"
          + (", each feature read once)" if args.as_trained else ")"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
