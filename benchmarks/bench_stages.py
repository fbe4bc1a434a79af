"""Where the time of ``extract_skills`` goes, stage by stage, next to flashtext2.

On the texts of ``bench_extract.py`` (resume-sized texts of 0.5-1.5 KB and postings of
3-6 KB, and Built In's real postings cut to the same sizes where ``../shared/datasets`` is
there; one per call), prints CPU milliseconds per MB of text (the best of ``--runs``,
after one untimed pass) for each stage, each row including the ones above it:

* ``view``: the case-folded ASCII copy of the text that the automaton scans;
* ``automaton``: ahocorasick-rs's leftmost-longest matches on the views (the views made
  beforehand, so this row is the scan alone);
* ``find``: ``TermMatcher.find`` of the skill reader, the rules of each spelling included;
* ``statuses``: with the reading in context (negation, learning, list context);
* ``extract_skills``: the public function (input checks, the sorted list).

flashtext2's time on the same texts is printed first: the public function's figure must be
at most that one for a ratio of at least 1.0. Timings of one run are comparable with each
other; use ``bench_extract.py`` for the ratios of record.

Usage::

    python benchmarks/bench_stages.py [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _terms import load_terms  # noqa: E402
from bench_extract import _sized, build_flashtext, load_docs, load_real, pieces  # noqa: E402
from make_corpus import DEFAULT_OUT, DEFAULT_RESUME_OUT, generate  # noqa: E402

from rolefit._matcher import _PAD, _view  # noqa: E402

skills = importlib.import_module("rolefit.skills")  # the module, not rolefit.skills()


def best_ms_per_mb(step, docs: list[str], megabytes: float, runs: int) -> float:
    step(docs)
    best = min(_cpu(step, docs) for _ in range(runs))
    return best * 1e3 / megabytes


def _cpu(step, docs) -> float:
    start = time.process_time()
    step(docs)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the best counts")
    args = parser.parse_args(argv)
    for path, kind, mb in [(DEFAULT_OUT, "posting", 20), (DEFAULT_RESUME_OUT, "resume", 5)]:
        if not path.exists():
            generate(path, seed=0, mb=mb, kind=kind)
    sizes = {
        "resume-sized texts, 0.5-1.5 KB": _sized(load_docs(DEFAULT_RESUME_OUT), (500, 1500)),
        "postings, 3-6 KB": _sized(load_docs(DEFAULT_OUT), (3000, 6000)),
    }
    real = load_real()  # Built In's postings, when ../shared/datasets is there
    if real:
        sizes["real postings cut into pieces of 0.5-1.5 KB"] = pieces(real, (500, 1500))
        sizes["real postings, 3-6 KB"] = _sized(real, (3000, 6000))
    flashtext = build_flashtext(load_terms())
    reader = skills._reader()
    automaton = reader._longest
    gc.freeze()
    for size, docs in sizes.items():
        megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        views = [_view(_PAD + d + _PAD) for d in docs]
        steps = {  # name: (step, its input)
            "flashtext2": (lambda ds: [flashtext(d) for d in ds], docs),
            "view": (lambda ds: [_view(_PAD + d + _PAD) for d in ds], docs),
            "automaton": (lambda vs: [automaton.find_matches_as_indexes(v) for v in vs], views),
            "find": (lambda ds: [reader.find(d) for d in ds], docs),
            "statuses": (lambda ds: [skills._statuses(d) for d in ds], docs),
            "extract_skills": (lambda ds: [skills.extract_skills(d) for d in ds], docs),
        }
        print(f"\n{size}: {len(docs):,} texts, {megabytes:.1f} MB; best of {args.runs}")
        for name, (step, data) in steps.items():
            print(f"  {name:16s} {best_ms_per_mb(step, data, megabytes, args.runs):6.1f} ms/MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
