"""Benchmark skill extraction: rolefit's TermMatcher against flashtext2 and pyahocorasick.

All three get the same term list (:func:`_terms.load_terms`) and the same corpus
(``make_corpus.py``; generated with its defaults when missing). Reported per tool:

* **MB/s**: UTF-8 megabytes of postings per second, extracting the key set of every
  posting (the batch use case), median of ``--runs`` runs, one process,
  ``time.perf_counter``. Each tool is timed both ways it can be used: one posting per call,
  and as fast as its API allows over the whole corpus (rolefit: ``keys_many``, the engine of
  ``rolefit.extract_skills_many`` and ``score_many``, which scans many postings per pass
  and still returns one key set per posting; the competitors have no batch call, so they
  get the whole corpus as one string, which is faster for them but loses the postings);
* the speed ratio to rolefit's ``keys_many()``, measured in the same process;
* micro-averaged **precision / recall** of the key sets against the ground truth, on the
  hard-case sentences (``C++17``, ``R&D``, ``go-to-market``, ``sparked``, ...) and on the
  first ``--sample`` sentences of any kind, each sentence extracted on its own.

The corpus and its ground truth are loaded first, then ``gc.freeze()`` moves them out of
the garbage collector's sight, so that no tool pays for collections over the benchmark's
own data (every tool allocates its results and would otherwise trigger them).

The competitors, configured as their APIs allow:

* ``flashtext2.KeywordProcessor(case_sensitive=False)`` with every surface mapped to its
  key (it has one case mode per processor);
* ``pyahocorasick``: an ``Automaton`` of lower-cased surfaces run with ``iter_long`` over
  the lower-cased text, then a post-filter written here: a match must not be glued to a
  letter, digit or underscore on a side where the surface starts/ends with one, and a
  case-sensitive surface must appear with its exact capitalisation.

Usage::

    python benchmarks/bench_extract.py [--corpus PATH] [--runs 5] [--sample 50000]
    /usr/bin/time -v python benchmarks/bench_extract.py --process rolefit-batch --repeat 4
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _terms import load_terms, terms_source  # noqa: E402
from make_corpus import DEFAULT_OUT, generate  # noqa: E402

from rolefit._matcher import TermMatcher  # noqa: E402


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def build_flashtext(terms):
    from flashtext2 import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    kp.add_keywords_with_clean_word_from_iter([(s, k) for s, k, _ in terms])
    return lambda text: set(kp.extract_keywords(text))


def build_aho(terms):
    import ahocorasick

    by_lower: dict[str, list[tuple[str, str, bool]]] = {}
    for surface, key, case in terms:
        norm = " ".join(surface.split())
        by_lower.setdefault(norm.lower(), []).append((norm, key, case))
    automaton = ahocorasick.Automaton()
    for low, entries in by_lower.items():
        automaton.add_word(low, (len(low), entries))
    automaton.make_automaton()

    def keys(text: str) -> set[str]:
        low = text.lower()
        n = len(low)
        found = set()
        for end, (length, entries) in automaton.iter_long(low):
            start = end - length + 1
            for surface, key, case in entries:
                if _is_word(surface[0]) and start > 0 and _is_word(low[start - 1]):
                    continue
                if _is_word(surface[-1]) and end + 1 < n and _is_word(low[end + 1]):
                    continue
                if case and text[start : end + 1] != surface:
                    continue
                found.add(key)
                break
        return found

    return keys


def load_corpus(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    records = []
    with path.with_name(path.name + ".truth.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            records.append(json.loads(line))
    spans: dict[int, list[int]] = {}
    for r in records:
        span = spans.setdefault(r["doc"], [r["start"], r["end"]])
        span[0] = min(span[0], r["start"])
        span[1] = max(span[1], r["end"])
    docs = [text[a:b] for a, b in spans.values()]
    return text, docs, records


def load_docs(path: Path) -> list[str]:
    """The postings of the corpus (the ground truth is read and dropped)."""
    return load_corpus(path)[1]


def _process_rolefit(terms, docs, repeat):
    matcher = TermMatcher(terms)
    for _ in range(repeat):
        matcher.keys_many(docs)


def _process_each(build):
    def run(terms, docs, repeat):
        extract = build(terms)
        for _ in range(repeat):
            for doc in docs:
                extract(doc)

    return run


PROCESS_MODES = {
    "rolefit-batch": _process_rolefit,
    "rolefit-each": _process_each(lambda terms: TermMatcher(terms).keys),
    "flashtext2-each": _process_each(build_flashtext),
    "pyahocorasick-each": _process_each(build_aho),
}


def speed(extract, docs, megabytes: float, runs: int, batch: bool = False) -> float:
    """MB/s of ``extract`` over ``docs``: one call per doc, or one call for all if batch."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        if batch:
            extract(docs)
        else:
            for doc in docs:
                extract(doc)
        times.append(time.perf_counter() - start)
    return megabytes / statistics.median(times)


def quality(extract, text: str, records) -> tuple[float, float]:
    tp = fp = fn = 0
    for r in records:
        truth = set(r["keys"])
        got = set(extract(text[r["start"] : r["end"]]))
        tp += len(got & truth)
        fp += len(got - truth)
        fn += len(truth - got)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--runs", type=int, default=5, help="timed runs (median; default 5)")
    parser.add_argument(
        "--sample", type=int, default=50_000, help="sentences for the all-sentence P/R"
    )
    parser.add_argument(
        "--process",
        choices=sorted(PROCESS_MODES),
        help="no table: load the corpus, build this tool and extract every posting --repeat "
        "times, printing nothing (for timing whole processes from outside, e.g. with "
        "/usr/bin/time -v, against --repeat 0)",
    )
    parser.add_argument("--repeat", type=int, default=4, help="passes with --process")
    args = parser.parse_args(argv)

    if not args.corpus.exists():
        print(f"generating {args.corpus} (make_corpus.py defaults) ...", flush=True)
        generate(args.corpus, seed=0, mb=20)
    if args.process:
        docs = load_docs(args.corpus)
        PROCESS_MODES[args.process](load_terms(), docs, args.repeat)
        return 0
    text, docs, records = load_corpus(args.corpus)
    terms = load_terms()
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    hard = [r for r in records if r["hard"]]
    sample = records[: args.sample]

    gc.collect()
    gc.freeze()
    start = time.perf_counter()
    matcher = TermMatcher(terms)
    build_rolefit = time.perf_counter() - start
    flashtext, aho = build_flashtext(terms), build_aho(terms)
    whole = "\n".join(docs)
    # (name, per-text function for the quality checks, how it is timed)
    tools = [
        ("rolefit keys_many() (batch)", matcher.keys, ("batch", matcher.keys_many)),
        ("rolefit keys() per posting", matcher.keys, ("each", matcher.keys)),
        ("rolefit find() per posting", matcher.find, ("each", matcher.find)),
        ("flashtext2 per posting", flashtext, ("each", flashtext)),
        ("flashtext2 whole corpus", flashtext, ("whole", flashtext)),
        ("pyahocorasick+filter per posting", aho, ("each", aho)),
        ("pyahocorasick+filter whole corpus", aho, ("whole", aho)),
    ]
    print(
        f"corpus: {args.corpus} ({megabytes:.1f} MB in {len(docs):,} postings, "
        f"{len(records):,} sentences, {len(hard):,} hard-case)\n"
        f"terms: {len(terms):,} surfaces / {len({k for _, k, _ in terms}):,} keys from "
        f"{terms_source()}; TermMatcher built in {build_rolefit:.2f} s\n"
        f"speed: key set of every posting, median of {args.runs} runs\n"
    )
    header = (
        f"{'tool':36s} {'MB/s':>7s} {'vs batch':>9s} {'hard P':>7s} {'hard R':>7s} "
        f"{'all P':>7s} {'all R':>7s}"
    )
    print(header)
    print("-" * len(header))
    base = None
    for name, extract, (mode, timed) in tools:
        if name.startswith("rolefit find()"):
            keyset = lambda t, f=extract: {k for _, _, k in f(t)}  # noqa: E731
        else:
            keyset = extract
        if mode == "whole":
            mbps = speed(timed, [whole], len(whole.encode("utf-8")) / 1e6, args.runs)
        else:
            mbps = speed(timed, docs, megabytes, args.runs, batch=mode == "batch")
        base = base or mbps
        hp, hr = quality(keyset, text, hard)
        ap, ar = quality(keyset, text, sample)
        print(
            f"{name:36s} {mbps:7.1f} {mbps / base:8.2f}x {hp:7.3f} {hr:7.3f} {ap:7.3f} {ar:7.3f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
