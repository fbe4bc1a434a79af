"""Benchmark skill extraction: rolefit's TermMatcher against flashtext2 and pyahocorasick.

All three get the same term list (:func:`_terms.load_terms`) and texts of several sizes
from two sources: texts generated with a seed by ``make_corpus.py`` (when missing, with
its defaults), and real job postings:

* **short**: resume-sized texts (0.5-1.5 KB, ``make_corpus.py --kind resume``), one per call;
* **medium**: the postings of 1.5-3 KB of the posting corpus, one per call;
* **long**: the postings of 3-6 KB of the posting corpus, one per call;
* **batch**: every posting of the posting corpus (about 2.8 KB each) at once, and
  **batch, resumes**: every resume-sized text at once;
* **real**, where ``../shared/datasets`` is there (``--real``): the 1,037 descriptions of
  Built In's job postings, written by the people who posted them, read from the dataset at
  run time (never stored): cut at line breaks into pieces of 0.5-1.5 KB (**real short**),
  those of 3-6 KB (**real long**), one per call, and all at once (**real batch**). The
  generated texts are denser in skills and poorer in cue words than real postings, so the
  two sources load the engine and the reading in context differently.

In the batch sizes, rolefit runs through ``keys_many`` (the engine of
``extract_skills_many`` and ``score_many``, which scans many texts per call and still
returns one key set per text) and ``rolefit.extract_skills_many`` itself; the competitors
have no batch call, so they are timed both one text per call and on the whole corpus as
one string (faster for them, but it loses the texts), and the faster of the two counts.

Speed is UTF-8 megabytes per CPU second (``time.process_time``: one core's work, not the
time the process waited for a shared machine), extracting the key set of every text. Each
of ``--runs`` rounds runs every tool over the texts in slices of about 0.5 MB, the tools in
turn on each slice, so that a busy moment hits all tools alike (after one untimed pass of
each); "whole corpus" then means each slice as one string. The tables give the min / median
/ max over the rounds, and the ratio to the faster competitor is taken round by round.
rolefit's public functions (``extract_skills``, ``extract_skills_many``) are timed next to
the engine: they add input checks and sorting, and the text rules that ``rolefit.skills``
applies to the matcher's mentions (negation, learning, list context). A summary then gives
the public functions against the targets of issue 12 (per call at least 1.0x the faster
peer; batch at least 1.5x and 25 MB/s). Then micro-averaged **precision / recall** of the key
sets against the ground truth, on the hard-case sentences (``C++17``, ``R&D``,
``go-to-market``, ``sparked``, ...) and on the first ``--sample`` sentences of any kind of
the posting corpus, each sentence extracted on its own.

The corpora and their ground truth are loaded first, then ``gc.freeze()`` moves them out of
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

    python benchmarks/bench_extract.py [--corpus PATH] [--resumes PATH] [--real DIR] [--runs 7]
    python benchmarks/bench_extract.py --only real   # the real postings' sizes alone
    /usr/bin/time -v python benchmarks/bench_extract.py --process rolefit-batch --repeat 4
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _terms import load_terms, terms_source  # noqa: E402
from make_corpus import DEFAULT_OUT, DEFAULT_RESUME_OUT, generate  # noqa: E402

import rolefit  # noqa: E402
from rolefit._config import READERS  # noqa: E402
from rolefit._matcher import TermMatcher  # noqa: E402

DATASETS = HERE.parent.parent / "shared" / "datasets"
REAL_POSTINGS = DATASETS / "builtin_ai_postings" / "postings"
LONG_BYTES = (3000, 6000)
MEDIUM_BYTES = (1500, 3000)
SHORT_BYTES = (500, 1500)


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


def ensure_corpora(corpus: Path = DEFAULT_OUT, resumes: Path = DEFAULT_RESUME_OUT) -> None:
    """Generate the posting and resume-sized corpora (seed 0) where they are missing."""
    for path, kind, mb in [(corpus, "posting", 20), (resumes, "resume", 5)]:
        if not path.exists():
            print(f"generating {path} (make_corpus.py --kind {kind}) ...", flush=True)
            generate(path, seed=0, mb=mb, kind=kind)


def load_docs(path: Path) -> list[str]:
    """The postings of the corpus (the ground truth is read and dropped)."""
    return load_corpus(path)[1]


def load_real(folder: Path = REAL_POSTINGS) -> list[str]:
    """The description of every job posting of Built In (``../shared/datasets``): real
    wording, written by the people who posted them. Returns ``[]``, with a message, when
    the folder or PyYAML is missing (the texts are read here, never stored)."""
    if not folder.is_dir():
        print(f"real postings skipped: {folder} is not there")
        return []
    from rolefit.build.datasets import read_builtin_postings

    try:
        docs, _ = read_builtin_postings(folder)
    except ImportError as exc:
        print(f"real postings skipped: {exc}")
        return []
    return [doc["description"] for doc in docs if isinstance(doc.get("description"), str)]


def pieces(docs: list[str], low_high: tuple[int, int], seed: int = 0) -> list[str]:
    """Resume-sized pieces of longer texts: each text cut at line breaks into runs of
    whole lines, each run aiming at a length drawn uniformly from ``low``-``high`` UTF-8
    bytes (seeded); a run shorter than ``low`` and a line longer than ``high`` are
    dropped."""
    low, high = low_high
    rng = random.Random(seed)
    out = []
    for doc in docs:
        piece, size, aim = [], 0, rng.randint(low, high)
        for line in doc.splitlines(keepends=True):
            n = len(line.encode("utf-8"))
            if size + n > aim:
                if size >= low:
                    out.append("".join(piece))
                    piece, size, aim = [], 0, rng.randint(low, high)
                if size + n > high:
                    piece, size = [], 0
                    if n > high:
                        continue
            piece.append(line)
            size += n
        if size >= low:
            out.append("".join(piece))
    return out


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
    "extract-each": _process_each(lambda terms: rolefit.extract_skills),
    "flashtext2-each": _process_each(build_flashtext),
    "pyahocorasick-each": _process_each(build_aho),
}


def seconds(extract, docs, batch: bool) -> float:
    """CPU time of ``extract`` over ``docs``: one call per doc, or one call for all if batch."""
    start = time.process_time()
    if batch:
        extract(docs)
    else:
        for doc in docs:
            extract(doc)
    return time.process_time() - start


def _slices(docs: list[str], chars: int = 500_000) -> list[list[str]]:
    out, size = [[]], 0
    for doc in docs:
        if size >= chars:
            out.append([])
            size = 0
        out[-1].append(doc)
        size += len(doc)
    return out


def _sized(docs: list[str], low_high: tuple[int, int]) -> list[str]:
    low, high = low_high
    return [d for d in docs if low <= len(d.encode("utf-8")) <= high]


def _spread(values) -> str:
    values = sorted(values)
    return f"{values[0]:.1f} / {statistics.median(values):.1f} / {values[-1]:.1f}"


def _spread2(values) -> str:
    values = sorted(values)
    return f"{values[0]:.2f} / {statistics.median(values):.2f} / {values[-1]:.2f}"


def time_sizes(sizes, runs: int) -> dict[str, tuple[dict[str, list[float]], list[float]]]:
    """Print, per size, MB/s of every tool and rolefit's ratio to the faster competitor.

    A round runs every tool over every slice of about 0.5 MB of the texts, the tools in turn
    on each slice, so that a busy moment of the machine hits them alike. Returns, per size,
    the MB/s of every tool round by round and the faster competitor's.
    """
    out = {}
    for size, (docs, tools) in sizes.items():
        megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        slices = _slices(docs)
        wholes = [["\n".join(part)] for part in slices]
        rates: dict[str, list[float]] = {name: [] for name, _, _, _ in tools}
        for _ in range(runs):
            spent = dict.fromkeys(rates, 0.0)
            for part, whole in zip(slices, wholes, strict=True):
                for name, extract, mode, _ in tools:
                    if mode == "whole":
                        spent[name] += seconds(extract, whole, False)
                    else:
                        spent[name] += seconds(extract, part, mode == "batch")
            for name in rates:
                rates[name].append(megabytes / spent[name])
        peers = [name for name, _, _, peer in tools if peer]
        best_peer = [max(rates[p][r] for p in peers) for r in range(runs)]
        print(f"\n{size}: {len(docs):,} texts, {megabytes:.1f} MB, "
              f"{megabytes * 1e3 / len(docs):.2f} KB per text; {runs} rounds")
        header = f"{'tool':40s} {'MB/s min / median / max':>24s} {'vs faster peer':>22s}"
        print(header)
        print("-" * len(header))
        for name, _, _, peer in tools:
            mine = zip(rates[name], best_peer, strict=True)
            ratio = "" if peer else _spread2(a / b for a, b in mine)
            print(f"{name:40s} {_spread(rates[name]):>24s} {ratio:>22s}", flush=True)
        out[size] = rates, best_peer
    return out


def targets(results, public: dict[str, tuple[str, float, float]]) -> None:
    """Print the public functions against issue 12's targets, per size.

    ``public`` maps a size to ``(tool, least ratio to the faster peer, least MB/s)``.
    """
    print("\npublic functions against the targets (min / median / max over the rounds)")
    header = f"{'size':44s} {'MB/s':>20s} {'vs faster peer':>20s}  target"
    print(header)
    print("-" * len(header))
    for size, (tool, ratio, floor) in public.items():
        rates, best_peer = results[size]
        ratios = [a / b for a, b in zip(rates[tool], best_peer, strict=True)]
        ok = min(ratios) >= ratio and min(rates[tool]) >= floor
        almost = statistics.median(ratios) >= ratio and statistics.median(rates[tool]) >= floor
        verdict = "met" if ok else "met at the median only" if almost else "NOT met"
        goal = f">= {ratio:.1f}x" + (f", >= {floor:.0f} MB/s" if floor else "")
        print(f"{size:44s} {_spread(rates[tool]):>20s} {_spread2(ratios):>20s}  {goal}: "
              f"{verdict}", flush=True)


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
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT, help="postings")
    parser.add_argument("--resumes", type=Path, default=DEFAULT_RESUME_OUT, help="resumes")
    parser.add_argument("--runs", type=int, default=7, help="timed rounds (default 7)")
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
    parser.add_argument(
        "--real", type=Path, default=REAL_POSTINGS,
        help="folder of Built In postings (*.yaml); skipped when missing",
    )
    parser.add_argument(
        "--only", default="", help="time only the sizes whose name contains this (e.g. real)"
    )
    parser.add_argument(
        "--reader", choices=READERS, default=None,
        help="how extract_skills reads mentions (rolefit.set_config; default: the package's "
        "default, hybrid)",
    )
    args = parser.parse_args(argv)
    if args.reader:
        rolefit.set_config(reader=args.reader)
    print(f"reader: {rolefit.get_config()['reader']}")

    ensure_corpora(args.corpus, args.resumes)
    if args.process:
        docs = load_docs(args.corpus)
        PROCESS_MODES[args.process](load_terms(), docs, args.repeat)
        return 0
    text, docs, records = load_corpus(args.corpus)
    resumes = load_docs(args.resumes)
    short = _sized(resumes, SHORT_BYTES)
    medium = _sized(docs, MEDIUM_BYTES)
    long = _sized(docs, LONG_BYTES)
    real = load_real(args.real)
    terms = load_terms()
    hard = [r for r in records if r["hard"]]
    sample = records[: args.sample]

    gc.collect()
    gc.freeze()
    start = time.perf_counter()
    matcher = TermMatcher(terms)
    build_rolefit = time.perf_counter() - start
    flashtext, aho = build_flashtext(terms), build_aho(terms)
    # One untimed pass of each engine over both corpora: rolefit compiles the regular
    # expression of a spelling the first time it is found (0.2-0.3 s here in all).
    for extract in (matcher.keys, flashtext, aho, rolefit.extract_skills):
        for doc in docs + resumes + real:
            extract(doc)
    print(
        f"postings: {args.corpus} ({len(docs):,} postings, {len(records):,} sentences, "
        f"{len(hard):,} hard-case); resumes: {args.resumes}\n"
        f"terms: {len(terms):,} surfaces / {len({k for _, k, _ in terms}):,} keys from "
        f"{terms_source()}; TermMatcher built in {build_rolefit:.2f} s\n"
        f"real postings: {args.real} ({len(real):,} descriptions)"
    )
    # (name, function, how it is timed, competitor?)
    each = [
        ("rolefit TermMatcher.keys", matcher.keys, "each", False),
        ("rolefit.extract_skills", rolefit.extract_skills, "each", False),
        ("flashtext2", flashtext, "each", True),
        ("pyahocorasick+filter", aho, "each", True),
    ]
    batch = [
        ("rolefit TermMatcher.keys_many", matcher.keys_many, "batch", False),
        ("rolefit.extract_skills_many", rolefit.extract_skills_many, "batch", False),
        ("flashtext2 per text", flashtext, "each", True),
        ("flashtext2 whole corpus", flashtext, "whole", True),
        ("pyahocorasick+filter per text", aho, "each", True),
        ("pyahocorasick+filter whole corpus", aho, "whole", True),
    ]
    sizes = {
        "short (resumes of 0.5-1.5 KB, one per call)": (short, each),
        "medium (postings of 1.5-3 KB, one per call)": (medium, each),
        "long (postings of 3-6 KB, one per call)": (long, each),
        "batch (all postings)": (docs, batch),
        "batch, resumes (all resumes)": (resumes, batch),
    }
    if real:  # the same texts cut into resume-sized pieces, by size, and all at once
        sizes.update({
            "real short (pieces of 0.5-1.5 KB, one per call)": (pieces(real, SHORT_BYTES), each),
            "real long (postings of 3-6 KB, one per call)": (_sized(real, LONG_BYTES), each),
            "real batch (all real postings)": (real, batch),
        })
    sizes = {size: v for size, v in sizes.items() if args.only in size}
    results = time_sizes(sizes, args.runs)
    one, many = "rolefit.extract_skills", "rolefit.extract_skills_many"
    goals = {size: (many, 1.5, 25) if "batch" in size else (one, 1.0, 0) for size in sizes}
    targets(results, goals)

    print(f"\nquality on the postings' sentences, each extracted on its own "
          f"({len(hard):,} hard-case, first {len(sample):,} of all)")
    header = f"{'tool':36s} {'hard P':>7s} {'hard R':>7s} {'all P':>7s} {'all R':>7s}"
    print(header)
    print("-" * len(header))
    for name, keyset in [("rolefit", matcher.keys), ("flashtext2", flashtext),
                         ("pyahocorasick+filter", aho)]:
        hp, hr = quality(keyset, text, hard)
        ap, ar = quality(keyset, text, sample)
        print(f"{name:36s} {hp:7.3f} {hr:7.3f} {ap:7.3f} {ar:7.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
