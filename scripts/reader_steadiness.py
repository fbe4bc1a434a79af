"""How steady the learned reader is: the default reader's errors on the judging sets when
the learned reader is trained again on slightly different data.

Trains the learned reader as ``python -m rolefit.build reader`` does (every set of
``tests/reading_sets/`` and the status table, :mod:`rolefit.build.reader`), once on all of
it and then with ``--drop`` random rows of the status table left out (one run per seed),
and reads the judging sets of ``tests/reading_sets/holdout/`` as the default reader
(``reader="hybrid"``) does: the rules, then the model on each held mention in reach of a
cue word or of a skill the rules deny somewhere (every held mention in a text with a cross
mark), as rolefit reads
(:func:`rolefit._statusmodel.predict`). The first run reproduces the shipped reader's
figures (``scripts/reading_eval.py --reader hybrid``). Prints each run's errors, skills
held and dropped wrongly, and denials found, then the spread (``docs/evaluation.md``,
"The learned reader reads each feature once"). ``--C`` trains with another
regularisation; ``--left-out`` instead trains without each reviewers' set in turn and
reads it (the sets of ``tests/reading_sets/``, not the judging sets). Needs scikit-learn
(the ``build`` extra); takes about a minute per run, ten for ``--left-out``.

``--left-out --seed N`` first leaves out ``--drop`` rows of the status table, chosen as
run ``N`` chooses them: how far the left-out figure moves with a small change of the
training data alone.

Run: ``python scripts/reader_steadiness.py [--runs 6] [--drop 15] [--C 0.3] [--left-out
[--seed N]]``.
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
            cues = _negation.in_reach_words(anchors, text)
            reach = _statusmodel.in_reach(text, found, cues) if cues else [False] * len(found)
        # (and every mention of a skill that the rules do not hold somewhere)
        denied = {found[i][2] for i in _statusmodel.not_held_at(decided)}
        spans = [(s, e) for s, e, _ in found]
        lines: dict = {}
        for i, (start, end, skill) in enumerate(found):
            names = None
            if i not in decided and (reach[i] or skill in denied):
                names = _statusmodel.features(
                    _statusmodel.window(text, start, end, spans, lines))
            rows.append((k, skill, decided.get(i, ("has", ""))[0], names,
                         case["labels"].get(skill)))
    return rows


def judge(judging, vectorizer, model) -> tuple[int, int, int, int]:
    """Errors, skills held and dropped wrongly, and denials found over ``judging`` (pairs
    of cases and their :func:`hybrid_rows`)."""
    errors = held = dropped = denials = 0
    for cases, rows in judging:
        read = reader.predictions(rows, vectorizer, model)
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
    parser.add_argument("--left-out", action="store_true",
                        help="train without each reviewers' set in turn and read it")
    parser.add_argument("--seed", type=int, default=None,
                        help="with --left-out: leave out --drop random rows of the status "
                             "table first (how far the left-out figure moves by chance)")
    args = parser.parse_args(argv)
    sets = reader.load_sets(SETS, TABLE)
    params = {**reader.PARAMS, "C": args.C}
    if args.left_out:
        if args.seed is not None:
            sets = without_table_rows(sets, args.drop, args.seed)
        return left_out(sets, params)
    rows = {name: reader.examples(cases) for name, cases in sets.items()}
    holdout = reader.load_sets(SETS / "holdout")
    judging = [(holdout[name], hybrid_rows(holdout[name])) for name in JUDGING]
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
        figures = judge(judging, vectorizer, model)
        errors.append(figures[0])
        print(f"| {run} | {len(gone)} | " + " | ".join(f"{f:,}" for f in figures) + " |",
              flush=True)
    print(f"\nerrors: {min(errors):,}-{max(errors):,}, mean {statistics.mean(errors):,.1f}, "
          f"standard deviation {statistics.pstdev(errors):.1f} (C = {args.C})")
    return 0


def without_table_rows(sets: dict, drop: int, seed: int) -> dict:
    """``sets`` with ``drop`` rows of the status table left out, chosen by ``seed`` as a
    run of the same number leaves them out."""
    gone = set(random.Random(seed).sample(range(len(sets["table"])), drop))
    return {**sets, "table": [case for k, case in enumerate(sets["table"]) if k not in gone]}


def left_out(sets, params) -> int:
    """Train without each reviewers' set in turn (:func:`rolefit.build.reader.left_out`),
    read it as the default reader does and print the sum of :func:`judge`'s figures over
    the sets."""
    total = [0, 0, 0, 0]
    for _, cases, _, vectorizer, model in reader.left_out(sets, params):
        figures = judge([(cases, hybrid_rows(cases))], vectorizer, model)
        total = [a + b for a, b in zip(total, figures, strict=True)]
    print(f"{len(sets) - 1} sets, each left out in turn: errors {total[0]:,}, held wrongly "
          f"{total[1]:,}, dropped wrongly {total[2]:,}, denials found {total[3]:,} "
          f"(C = {params['C']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
