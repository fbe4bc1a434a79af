"""Check that the extraction functions give the same results as a saved earlier version.

For every text of both benchmark corpora (the postings and the resume-sized texts of
``make_corpus.py``, the latter also lower-cased, which makes every case-sensitive name a
candidate for the list-context rules), and for every sentence of the postings' ground
truth, records
``extract_skills(text, status=s)`` for each non-empty set of statuses, ``find_skills(text)``
(every column) and ``extract_skills_many`` over all texts with each set of statuses. The
first run writes these to ``--save``; a later run (on changed code) compares against them.
The outputs are pickled; keep them outside the repository.

Usage::

    python benchmarks/check_extract.py --save /tmp/extract_before.pkl   # old code
    python benchmarks/check_extract.py --compare /tmp/extract_before.pkl  # new code
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_extract import load_corpus  # noqa: E402
from make_corpus import DEFAULT_OUT, DEFAULT_RESUME_OUT  # noqa: E402

import rolefit  # noqa: E402
from rolefit.skills import STATUSES  # noqa: E402

STATUS_SETS = [
    tuple(c) for n in range(1, len(STATUSES) + 1) for c in itertools.combinations(STATUSES, n)
]


def outputs(texts: list[str], frames: bool) -> dict:
    out: dict = {}
    for status in STATUS_SETS:
        out["each", status] = [rolefit.extract_skills(t, status=status) for t in texts]
        out["many", status] = rolefit.extract_skills_many(texts, status=status)
    if frames:
        out["find"] = [
            [tuple(row) for row in rolefit.find_skills(t).itertuples(index=False)]
            for t in texts
        ]
    return out


def collect(postings: Path, resumes: Path) -> dict:
    text, docs, records = load_corpus(postings)
    sentences = [text[r["start"] : r["end"]] for r in records]
    resume_docs = load_corpus(resumes)[1]
    return {
        "postings": outputs(docs, frames=True),
        "resumes": outputs(resume_docs, frames=True),
        "sentences": outputs(sentences, frames=False),
        # lower case makes every case-sensitive name a list-context candidate
        "resumes lower-cased": outputs([t.lower() for t in resume_docs], frames=True),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--resumes", type=Path, default=DEFAULT_RESUME_OUT)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write the outputs here")
    what.add_argument("--compare", type=Path, help="compare with the outputs saved here")
    args = parser.parse_args(argv)
    now = collect(args.corpus, args.resumes)
    if args.save:
        with args.save.open("wb") as fh:
            pickle.dump(now, fh)
        print(f"saved to {args.save}")
        return 0
    with args.compare.open("rb") as fh:
        before = pickle.load(fh)
    differences = 0
    for corpus, results in now.items():
        for what_, got in results.items():
            old = before[corpus][what_]
            bad = [i for i, (a, b) in enumerate(zip(old, got, strict=True)) if a != b]
            differences += len(bad)
            mentions = sum(map(len, got))
            print(f"{corpus:10s} {what_!s:40s} {len(got):7,} texts {mentions:9,} items "
                  f"{'same' if not bad else f'{len(bad)} DIFFER, first at {bad[0]}'}")
    print("equal" if not differences else f"{differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
