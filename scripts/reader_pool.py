"""Does the learned reader gain from more of the reviewers' texts? Sets left out in pairs.

The build trains the learned reader on the sets of ``tests/reading_sets/`` and the status
table (``python -m rolefit.build reader``); the sets in ``holdout/`` measure it. Most of
those are spent: their failures were read for rounds of rules, or they judged a change
that was not kept. This script trains the reader also on the spent sets (every set of
``holdout/`` but those named with ``--fresh``), leaving out a group of them at a time
(``--pairs``), and prints for each left-out set the skills held and dropped wrongly when
it is read as :func:`rolefit.find_skills` reads it under the default reader, with the
shipped model file and with the larger one at each ``C`` and threshold given (swapped in
for the run). ``docs/evaluation.md``, "The learned reader retrained on 73 sets", has the
figures of 2026-12-02.

With ``--skillspan``, it prints instead, for each ``C``, SkillSpan's figures
(``scripts/skillspan_eval.py``) under the default reader with the reader trained on the
training sets and every spent set: how well it reads job ads, which the reviewers' sets
hold few of.

Run: ``python scripts/reader_pool.py [--pairs sss,ttt qqq,rrr] [--c 0.07 0.3]
[--thresholds 0.6 0.7] [--table-weight 8] [--fresh www xxx] [--skillspan [DATASETS]]``.
Needs scikit-learn; about two minutes per ``C`` with the defaults (``--skillspan``: one,
and ``../shared/datasets``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

import rolefit
from rolefit import _statusmodel
from rolefit.build import reader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reading_eval import found_statuses  # (a sibling script)

SETS = Path(__file__).resolve().parents[1] / "tests" / "reading_sets"
TABLE = SETS.parent / "negation_cases.csv"
PAIRS = ("sss,ttt", "qqq,rrr", "ooo,ppp", "mmm,nnn", "kkk,lll", "uuu,vvv")
FRESH = ("www", "xxx", "yyy", "zzz", "aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg",
         "hhhh", "iiii", "jjjj")
DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def _model(rows: dict[str, list], names, c: float, table_weight: float) -> dict:
    """The model file's content, trained as the build trains it on the sets ``names``."""
    used, weights = reader._weighted({name: rows[name] for name in names}, table_weight)
    return reader._as_json(*reader.train(used, dict(reader.PARAMS, C=c), weights))


def hybrid(cases, model: dict | None = None) -> tuple[int, int]:
    """Skills held and dropped wrongly in ``cases`` under the default reader, with
    ``model`` (a model file's content) in place of the shipped one if given."""
    if model is None:
        model = _statusmodel.load()
    with rolefit.config_context(reader="hybrid"), mock.patch.object(
            _statusmodel, "load", lambda path=None: model):
        figures = reader.compare(cases, [found_statuses(case["text"]) for case in cases])[0]
    return figures["wrongly_held"], figures["wrongly_dropped"]


def pool_figures(training: dict, spent: dict, groups, cs, thresholds,
                 table_weight: float = reader.TABLE_WEIGHT) -> dict:
    """``{set: {"shipped": (held, dropped), (C, threshold): (held, dropped), ...}}`` for
    each set of each group of ``groups`` (names of ``spent``), left out with its group:
    "shipped" is the shipped model file, the others readers trained on ``training`` (with
    the status table) and the spent sets but the group."""
    rows = {name: reader.examples(cases) for name, cases in {**training, **spent}.items()}
    out: dict[str, dict] = {}
    for group in groups:
        names = [*training, *(name for name in spent if name not in group)]
        models = {c: _model(rows, names, c, table_weight) for c in cs}
        for name in group:
            out[name] = {"shipped": hybrid(spent[name])}
            for c, model in models.items():
                for t in thresholds:
                    out[name][c, t] = hybrid(spent[name], dict(model, has_threshold=t))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", nargs="+", default=list(PAIRS),
                        help="groups of spent sets left out together, comma-separated")
    parser.add_argument("--c", nargs="+", type=float, default=[reader.PARAMS["C"]])
    parser.add_argument("--thresholds", nargs="+", type=float, default=[reader.HAS_THRESHOLD])
    parser.add_argument("--table-weight", type=float, default=reader.TABLE_WEIGHT)
    parser.add_argument("--fresh", nargs="*", default=list(FRESH),
                        help="sets of holdout/ never trained on (they measure the shipped code)")
    parser.add_argument("--skillspan", nargs="?", type=Path, const=DATASETS, default=None,
                        metavar="DATASETS", help="SkillSpan's figures for each C instead")
    args = parser.parse_args(argv)
    groups = [tuple(group.lower().split(",")) for group in args.pairs]
    training = reader.load_sets(SETS, TABLE)
    spent = {name: cases for name, cases in reader.load_sets(SETS / "holdout").items()
             if name not in {f.lower() for f in args.fresh}}
    if args.skillspan is not None:
        return _skillspan(args.skillspan, training, spent, args.c, args.table_weight)
    missing = sorted({name for group in groups for name in group} - set(spent))
    if missing:
        parser.error(f"not spent sets of {SETS / 'holdout'}: {', '.join(missing)}")
    figures = pool_figures(training, spent, groups, args.c, args.thresholds, args.table_weight)
    keys = [(c, t) for c in args.c for t in args.thresholds]
    print("| left out | shipped | " + " | ".join(f"C {c}, threshold {t}" for c, t in keys) + " |")
    print("|---|" + "---:|" * (len(keys) + 1))
    totals = {key: [0, 0] for key in ["shipped", *keys]}
    for name, row in figures.items():
        cells = []
        for key in ["shipped", *keys]:
            held, dropped = row[key]
            totals[key][0] += held
            totals[key][1] += dropped
            cells.append(f"{held} + {dropped}")
        print(f"| {name.upper()} | " + " | ".join(cells) + " |")
    print("| all | " + " | ".join(f"{h:,} + {d:,} = {h + d:,}" for h, d in totals.values()) + " |")
    return 0


def _skillspan(datasets: Path, training: dict, spent: dict, cs, table_weight: float) -> int:
    from skillspan_eval import evaluate

    if not (datasets / "skillspan").is_dir():
        print(f"skipped: no skillspan data under {datasets}", file=sys.stderr)
        return 0
    rows = {name: reader.examples(cases) for name, cases in {**training, **spent}.items()}
    print("| reader | in-vocabulary recall | precision | mentions |")
    print("|---|---:|---:|---:|")
    for label, model in [("shipped", _statusmodel.load()),
                         *((f"C {c}", _model(rows, list(rows), c, table_weight)) for c in cs)]:
        with rolefit.config_context(reader="hybrid"), mock.patch.object(
                _statusmodel, "load", lambda path=None, model=model: model):
            got = evaluate(datasets)
        print(f"| {label} | {got['in_vocabulary_recall']:.4f} | {got['precision']:.4f} | "
              f"{got['mentions']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
