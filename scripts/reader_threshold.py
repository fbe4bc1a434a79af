"""How should the learned reader weigh ``has``? Leave-one-set-out figures by threshold.

Each reviewers' set of ``tests/reading_sets/`` is left out in turn; the learned reader is
trained on the others and the status table (``rolefit.build.reader.left_out``, as
``cross_validate`` does, with the regularisation ``C`` given), and each left-out mention
is read as held unless the model's probability of ``has`` is below the threshold
(``rolefit.build.reader.decide``). Prints, summed over the left-out sets, the skills
wrongly held and wrongly dropped for each ``C`` and threshold, and the rules' figures
(the table in ``docs/evaluation.md``, "How the learned reader weighs a held skill").
The shipped choice (``rolefit.build.reader.PARAMS`` and ``HAS_THRESHOLD``) is the
fewest errors of both kinds together.

Run: ``python scripts/reader_threshold.py [--c 0.3 1] [--thresholds 0.5 0.6] [SET ...]``
(default: every set, the shipped C, thresholds 0.4 to 0.75). Needs scikit-learn; about
two minutes per C on every set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rolefit.build import reader

SETS = Path(__file__).resolve().parents[1] / "tests" / "reading_sets"
TABLE = SETS.parent / "negation_cases.csv"


def threshold_figures(sets: dict[str, list[dict]], thresholds, c: float | None = None) -> dict:
    """``{"rules": (held, dropped), threshold: (held, dropped), ...}`` over the left-out
    sets, the model trained with ``C=c`` (default: the shipped ``PARAMS``)."""
    params = dict(reader.PARAMS, **({} if c is None else {"C": c}))
    out = {"rules": [0, 0], **{t: [0, 0] for t in thresholds}}
    for _, cases, left_out, vectorizer, model in reader.left_out(sets, params):
        rules = reader.figures(cases, left_out, [row[2] for row in left_out])
        out["rules"][0] += rules["wrongly_held"]
        out["rules"][1] += rules["wrongly_dropped"]
        for t in thresholds:
            statuses = reader.predictions(left_out, vectorizer, model, t)
            got = reader.figures(cases, left_out, statuses)
            out[t][0] += got["wrongly_held"]
            out[t][1] += got["wrongly_dropped"]
    return {key: tuple(value) for key, value in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set names (b ... ff); default: all")
    parser.add_argument("--c", nargs="+", type=float, default=[reader.PARAMS["C"]],
                        help="regularisation strengths (default: the shipped one)")
    parser.add_argument("--thresholds", nargs="+", type=float,
                        default=[0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75])
    args = parser.parse_args(argv)
    if any(not 0 < t <= 1 for t in args.thresholds):
        parser.error(f"thresholds must be in (0, 1]: {args.thresholds}")
    sets = reader.load_sets(SETS, TABLE)
    if args.sets:
        sets = {name: cases for name, cases in sets.items()
                if name in {s.lower() for s in args.sets} or name == "table"}
    print("| C | threshold for has | wrongly held | wrongly dropped | both |")
    print("|---:|---:|---:|---:|---:|")
    rules = None
    for c in args.c:
        figures = threshold_figures(sets, args.thresholds, c)
        rules = figures.pop("rules")
        for t, (held, dropped) in figures.items():
            print(f"| {c:g} | {t:g} | {held:,} | {dropped:,} | {held + dropped:,} |")
    print(f"rules: wrongly held {rules[0]:,}, wrongly dropped {rules[1]:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
