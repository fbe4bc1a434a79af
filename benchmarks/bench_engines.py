"""Compare multi-pattern matching libraries on rolefit's own terms (how the engine was chosen).

Each library gets the ``(surface, key, case_sensitive)`` terms of
:func:`rolefit.skills.text_terms` and does only what it does natively, one text per call,
collecting every raw match as ``(pattern, start, end)``; none of them applies rolefit's
rules, so these are the costs *before* any Python filtering:

* ``hyperscan`` (Python bindings of Intel's regex library; ``pip install hyperscan``): one
  regex per surface, ``\\b`` on both sides where the surface starts/ends with a word
  character, the caseless flag for case-insensitive surfaces, on the UTF-8 bytes; a Python
  callback per match. Start offsets need ``HS_FLAG_SOM_LEFTMOST``, whose compile time is
  reported separately (``--som``; 20 s or more); the scan is timed without it. Also its
  literal mode (no boundaries, no case flags), which compiles fast.
* ``ahocorasick_rs`` (Rust ``aho-corasick``): lower-cased surfaces, leftmost-longest, over the
  lower-cased text; matches returned as one list per call.
* ``pyahocorasick`` (C): lower-cased surfaces, ``iter_long`` over the lower-cased text.

Prints the build time and MB/s (min / median / max of ``--runs`` rounds, one round = every
library once over the texts) for the resume corpus and the posting corpus of
``make_corpus.py``. A library that is not installed is skipped with a note.

Usage::

    python benchmarks/bench_engines.py [--runs 5] [--som]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _terms import load_terms  # noqa: E402
from bench_extract import load_docs  # noqa: E402
from make_corpus import DEFAULT_OUT, DEFAULT_RESUME_OUT, generate  # noqa: E402


def _hs_pattern(surface: str) -> bytes:
    body = "".join(
        ch if ch.isascii() and ch.isalnum() else "".join(f"\\x{b:02x}" for b in ch.encode())
        for ch in " ".join(surface.split())
    )
    word = [ch.isascii() and (ch.isalnum() or ch == "_") for ch in (surface[0], surface[-1])]
    return ((r"\b" if word[0] else "") + body + (r"\b" if word[1] else "")).encode()


def hyperscan_regex(terms, som: bool = False):
    import hyperscan

    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    flags = [
        (0 if case else hyperscan.HS_FLAG_CASELESS)
        | (hyperscan.HS_FLAG_SOM_LEFTMOST if som else 0)
        for _, _, case in terms
    ]
    db.compile(
        expressions=[_hs_pattern(s) for s, _, _ in terms],
        ids=list(range(len(terms))),
        flags=flags,
    )

    def find(text: str):
        found = []
        add = found.append
        db.scan(text.encode(), match_event_handler=lambda i, s, e, f, c: add((i, s, e)))
        return found

    return find


def hyperscan_literal(terms):
    import hyperscan

    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=[" ".join(s.split()).lower().encode() for s, _, _ in terms],
        ids=list(range(len(terms))),
        flags=0,
        literal=True,
    )

    def find(text: str):
        found = []
        add = found.append
        db.scan(text.lower().encode(), match_event_handler=lambda i, s, e, f, c: add((i, s, e)))
        return found

    return find


def ahocorasick_rs(terms):
    from ahocorasick_rs import AhoCorasick, MatchKind

    patterns = sorted({" ".join(s.split()).lower() for s, _, _ in terms})
    ac = AhoCorasick(patterns, matchkind=MatchKind.LeftmostLongest)
    return lambda text: ac.find_matches_as_indexes(text.lower())


def pyahocorasick(terms):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for surface in {" ".join(s.split()).lower() for s, _, _ in terms}:
        automaton.add_word(surface, surface)
    automaton.make_automaton()
    return lambda text: list(automaton.iter_long(text.lower()))


ENGINES = {
    "hyperscan, regex with \\b (no SOM)": hyperscan_regex,
    "hyperscan, literal mode": hyperscan_literal,
    "ahocorasick_rs, leftmost-longest": ahocorasick_rs,
    "pyahocorasick, iter_long": pyahocorasick,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--som", action="store_true", help="also time hyperscan's SOM compile")
    args = parser.parse_args(argv)
    for path, kind, mb in [(DEFAULT_RESUME_OUT, "resume", 5), (DEFAULT_OUT, "posting", 20)]:
        if not path.exists():
            generate(path, seed=0, mb=mb, kind=kind)
    corpora = {"resumes": load_docs(DEFAULT_RESUME_OUT), "postings": load_docs(DEFAULT_OUT)}
    terms = load_terms()
    print(f"{len(terms):,} surfaces; " + ", ".join(
        f"{name}: {len(docs):,} texts, {sum(len(d.encode()) for d in docs) / 1e6:.1f} MB"
        for name, docs in corpora.items()))
    built = {}
    for name, build in ENGINES.items():
        start = time.perf_counter()
        try:
            built[name] = build(terms)
        except ImportError as exc:
            print(f"{name}: skipped ({exc})")
            continue
        print(f"{name}: built in {time.perf_counter() - start:.2f} s", flush=True)
    if args.som and any(n.startswith("hyperscan") for n in built):
        start = time.perf_counter()
        hyperscan_regex(terms, som=True)
        print(f"hyperscan, regex with \\b and SOM_LEFTMOST: built in "
              f"{time.perf_counter() - start:.2f} s")
    gc.collect()
    gc.freeze()
    for corpus, docs in corpora.items():
        megabytes = sum(len(d.encode()) for d in docs) / 1e6
        rates = {name: [] for name in built}
        for _ in range(args.runs):
            for name, find in built.items():
                start = time.perf_counter()
                for doc in docs:
                    find(doc)
                rates[name].append(megabytes / (time.perf_counter() - start))
        print(f"\n{corpus}, one text per call: MB/s min / median / max")
        for name, values in rates.items():
            values.sort()
            print(f"  {name:40s} {values[0]:6.1f} / {statistics.median(values):6.1f} / "
                  f"{values[-1]:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
