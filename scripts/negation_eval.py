"""Precision and recall of the mention statuses on the hand-written negation table.

Reads ``tests/negation_cases.csv`` (columns ``source``, ``text``, ``expected``; in
``text`` a literal ``\\n`` stands for a newline; ``expected`` lists ``skill_id=status``
for every mention in text order), reads each text with :func:`rolefit.find_skills`
and compares the statuses mention by mention (the k-th mention of a skill with the k-th
expected one; a mention found or expected on one side only counts against the status it
has there). Prints, for ``negated`` and ``learning``: true positives, precision and recall,
then every case whose mentions or statuses differ.

Run: ``python scripts/negation_eval.py [CASES_CSV] [--reader rules|hybrid|model|negex]``
(``negex``: the same mentions read by negspacy's NegEx, :mod:`rolefit.build.negex`; with
``--summary``, the figures only).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import rolefit
from rolefit._config import READERS

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "negation_cases.csv"


def load_cases(path: Path = DEFAULT) -> list[dict]:
    """The cases of the table, ``text`` with real newlines, ``expected`` as pairs."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["text"] = row["text"].replace("\\n", "\n")
        row["expected"] = [tuple(item.split("=")) for item in row["expected"].split()]
    return rows


def predicted(text: str, reader: str | None = None) -> list[tuple[str, str]]:
    """``(skill_id, status)`` of every mention of ``text``, in text order, read as
    configured or, where ``reader`` is ``"negex"``, by NegEx."""
    if reader == "negex":
        from rolefit.build.negex import mentions

        return [(skill, status) for _, _, skill, status in mentions(text)]
    found = rolefit.find_skills(text)
    return list(zip(found["skill_id"], found["status"], strict=True))


def _keyed(pairs):
    seen: Counter = Counter()
    out = {}
    for skill, status in pairs:
        out[(skill, seen[skill])] = status
        seen[skill] += 1
    return out


def evaluate(cases: list[dict], reader: str | None = None) -> dict:
    """Counts and precision/recall per status, and the cases that differ."""
    counts = {s: Counter() for s in ("negated", "learning", "has")}
    wrong = []
    for case in cases:
        got = predicted(case["text"], reader)
        if got != case["expected"]:
            wrong.append({"text": case["text"], "expected": case["expected"], "got": got})
        truth, pred = _keyed(case["expected"]), _keyed(got)
        for key in truth.keys() | pred.keys():
            t, p = truth.get(key), pred.get(key)
            for status, c in counts.items():
                c["tp"] += t == status and p == status
                c["fp"] += p == status and t != status
                c["fn"] += t == status and p != status
    figures = {"cases": len(cases), "mentions": sum(len(c["expected"]) for c in cases)}
    for status, c in counts.items():
        figures[status] = {
            "expected": c["tp"] + c["fn"],
            "precision": round(c["tp"] / max(c["tp"] + c["fp"], 1), 3),
            "recall": round(c["tp"] / max(c["tp"] + c["fn"], 1), 3),
        }
    figures["cases_differing"] = len(wrong)
    return {"figures": figures, "wrong": wrong}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--reader", choices=(*READERS, "negex"), default="rules",
                        help="how mentions are read (default: rules)")
    parser.add_argument("--summary", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases)
    if args.reader == "negex":
        result = evaluate(cases, "negex")
    else:
        with rolefit.config_context(reader=args.reader):
            result = evaluate(cases)
    print(json.dumps(result["figures"], indent=2))
    for case in [] if args.summary else result["wrong"]:
        print(f"\n{case['text']!r}\n  expected {case['expected']}\n  got      {case['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
