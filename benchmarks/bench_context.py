"""What reading mentions in context costs: statuses (negation, learning) and list context.

Compares, on the corpus of ``bench_extract.py`` (generated with its defaults when
missing), the matcher alone (``TermMatcher.keys_many`` / ``keys``: every mention counts, the
behaviour before statuses and list context) with the public functions that add them
(``rolefit.extract_skills_many`` / ``rolefit.extract_skills``: negated and learning mentions
dropped, other-case names accepted in lists). Reported per way: MB per CPU second (median of
``--runs``), the ratio to the matcher alone, and micro-averaged precision/recall on the
hard-case sentences and on the first ``--sample`` sentences, each extracted on its own.

Usage::

    python benchmarks/bench_context.py [--corpus PATH] [--runs 5] [--sample 50000]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_extract import load_corpus, quality, seconds  # noqa: E402
from make_corpus import DEFAULT_OUT, generate  # noqa: E402

import rolefit  # noqa: E402
from rolefit.skills import _matcher  # noqa: E402

_many, _one = rolefit.extract_skills_many, rolefit.extract_skills


def speed(extract, docs, megabytes: float, runs: int, batch: bool = False) -> float:
    """MB per CPU second of ``extract`` over ``docs``: one call per doc, or one for all."""
    return megabytes / statistics.median(seconds(extract, docs, batch) for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--runs", type=int, default=5, help="timed runs (median; default 5)")
    parser.add_argument("--sample", type=int, default=50_000, help="sentences for all P/R")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"generating {args.corpus} (make_corpus.py defaults) ...", flush=True)
        generate(args.corpus, seed=0, mb=20)
    text, docs, records = load_corpus(args.corpus)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    hard = [r for r in records if r["hard"]]
    sample = records[: args.sample]
    matcher = _matcher()
    rolefit.extract_skills("Skills: python, spark")  # build the list-context matcher
    gc.collect()
    gc.freeze()
    ways = [
        ("matcher keys_many (batch)", matcher.keys, ("batch", matcher.keys_many)),
        ("extract_skills_many (batch)", rolefit.extract_skills, ("batch", _many)),
        ("matcher keys, per posting", matcher.keys, ("each", matcher.keys)),
        ("extract_skills, per posting", rolefit.extract_skills, ("each", _one)),
    ]
    print(
        f"corpus: {args.corpus} ({megabytes:.1f} MB in {len(docs):,} postings, "
        f"{len(hard):,} hard-case sentences); median of {args.runs} runs\n"
    )
    header = (
        f"{'way':30s} {'MB/s':>7s} {'vs matcher':>10s} {'hard P':>7s} {'hard R':>7s} "
        f"{'all P':>7s} {'all R':>7s}"
    )
    print(header)
    print("-" * len(header))
    base: dict[str, float] = {}
    for name, keyset, (mode, timed) in ways:
        mbps = speed(timed, docs, megabytes, args.runs, batch=mode == "batch")
        base.setdefault(mode, mbps)
        hp, hr = quality(keyset, text, hard)
        ap, ar = quality(keyset, text, sample)
        print(
            f"{name:30s} {mbps:7.1f} {mbps / base[mode]:9.2f}x {hp:7.3f} {hr:7.3f} "
            f"{ap:7.3f} {ar:7.3f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
