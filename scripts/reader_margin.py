"""Would a margin in favour of ``has`` help the learned reader? Leave-one-set-out figures.

Each reviewers' set of ``tests/reading_sets/`` is left out in turn; the learned reader is
trained on the others and the status table (``rolefit.build.reader.left_out``, as
``cross_validate`` does), and its scores for the left-out mentions get a margin added to
``has`` before the status is chosen. Prints, summed over the left-out sets, the skills
wrongly held and wrongly dropped for each margin, and the rules' figures (the table in
``docs/evaluation.md``, "Could the learned reader drop fewer held skills?").

Run: ``python scripts/reader_margin.py [--margins 0 0.5 1] [SET ...]`` (default: every
set, margins 0 to 2). Needs scikit-learn; about a minute on every set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rolefit.build import reader

SETS = Path(__file__).resolve().parents[1] / "tests" / "reading_sets"
TABLE = SETS.parent / "negation_cases.csv"


def margin_figures(sets: dict[str, list[dict]], margins) -> dict:
    """``{"rules": (held, dropped), margin: (held, dropped), ...}`` over the left-out sets."""
    out = {"rules": [0, 0], **{m: [0, 0] for m in margins}}
    for _, cases, left_out, vectorizer, model in reader.left_out(sets):
        rules = reader.figures(cases, left_out, [row[2] for row in left_out])
        out["rules"][0] += rules["wrongly_held"]
        out["rules"][1] += rules["wrongly_dropped"]
        todo = [k for k, row in enumerate(left_out) if row[3] is not None]
        scores = model.decision_function(
            vectorizer.transform([dict.fromkeys(left_out[k][3], 1) for k in todo])
        ) if todo else None
        classes = [str(c) for c in model.classes_]
        has = classes.index("has")
        for margin in margins:
            statuses = [row[2] for row in left_out]
            if todo:
                shifted = scores.copy()
                shifted[:, has] += margin
                for k, best in zip(todo, shifted.argmax(axis=1), strict=True):
                    statuses[k] = classes[best]
            got = reader.figures(cases, left_out, statuses)
            out[margin][0] += got["wrongly_held"]
            out[margin][1] += got["wrongly_dropped"]
    return {key: tuple(value) for key, value in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set names (b ... cc); default: all")
    parser.add_argument("--margins", nargs="+", type=float,
                        default=[0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0])
    args = parser.parse_args(argv)
    sets = reader.load_sets(SETS, TABLE)
    if args.sets:
        sets = {name: cases for name, cases in sets.items()
                if name in {s.lower() for s in args.sets} or name == "table"}
    figures = margin_figures(sets, args.margins)
    held, dropped = figures.pop("rules")
    print(f"rules: wrongly held {held:,}, wrongly dropped {dropped:,}")
    print("| margin for has | wrongly held | wrongly dropped | both |")
    print("|---:|---:|---:|---:|")
    for margin, (held, dropped) in figures.items():
        print(f"| {margin:g} | {held:,} | {dropped:,} | {held + dropped:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
