"""Benchmark ``rolefit.score_many``: rows/s from 10^3 to 10^6 skill lists, memory, texts.

Every size runs in a fresh Python process, so its peak memory (``ru_maxrss``, which
includes the input rows themselves) is its own. Inputs are generated with a seed: each row
holds 3 to 12 items sampled from the taxonomy's names and aliases (also upper-cased or
title-cased), with about 7 % obvious typos of them and 7 % unknown made-up words, drawn
from fixed pools (a job board repeats its vocabulary; the cost of each *new* distinct
string is the first-call column).

Figures printed, each against a reference measured in the same run:

* lists: seconds and rows/s per size, the per-row cost relative to the 10^5 run (1.0 means
  linear growth), peak memory, and the speed-up over calling ``rolefit.score`` row by row;
* texts: MB/s of ``score_many`` on posting-like texts, against the extraction alone
  (``extract_skills_many`` on the same texts; ``extract_skills`` text by text is shown
  too) plus the list path on the same rows;
* files: ``rolefit score-file`` streaming a Parquet file in chunks: peak memory stays
  flat as the file grows, and shrinks with the chunk size;
* Dask (not with ``--quick``): Parquet -> ``score_many`` -> Parquet on a local cluster of
  two worker processes, to compare with ``score-file`` on one core.

Usage::

    python benchmarks/bench_batch.py            # 10^3 .. 10^6 rows (about a minute)
    python benchmarks/bench_batch.py --quick    # 10^3 .. 10^5 rows
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (10**3, 10**4, 10**5, 10**6)
P_TYPO, P_UNKNOWN = 0.07, 0.07
N_TYPOS, N_UNKNOWN = 400, 300


# -- synthetic input -------------------------------------------------------------------------
def vocabulary(seed: int = 0) -> tuple[list[str], list[str], list[str]]:
    """Known surfaces (names, aliases, case variants), typo pool and unknown-word pool."""
    from rolefit.skills import normalize, skills

    rng = random.Random(seed)
    tax = skills()
    surfaces = set()
    for skill_id, row in tax.iterrows():
        for s in (row["name"], skill_id.replace("_", " "), *row["aliases"]):
            surfaces.update((s, s.upper(), s.title()))
    known = sorted(s for s in surfaces if normalize(s) is not None)
    typos: set[str] = set()
    long_ones = [s for s in known if len(s) >= 6 and s.isascii()]
    while len(typos) < N_TYPOS:
        s = rng.choice(long_ones)
        i = rng.randrange(1, len(s) - 1)
        edit = rng.randrange(3)
        typo = (
            s[:i] + s[i + 1] + s[i] + s[i + 2 :] if edit == 0  # swap two letters
            else s[:i] + s[i + 1 :] if edit == 1  # drop one
            else s[:i] + s[i] + s[i:]  # double one
        )
        if typo != s and normalize(typo) is None:
            typos.add(typo)
    unknown: set[str] = set()
    while len(unknown) < N_UNKNOWN:
        word = "".join(rng.choices(string.ascii_lowercase, k=rng.randrange(6, 11)))
        if normalize(word) is None:
            unknown.add(word if rng.random() < 0.5 else f"{word} {rng.choice(['ops', 'kit'])}")
    return known, sorted(typos), sorted(unknown)


def make_lists(n: int, seed: int = 0) -> list[list[str]]:
    """``n`` skill lists of 3 to 12 items (known, typo or unknown), reproducible."""
    import numpy as np

    known, typos, unknown = vocabulary(seed)
    rng = np.random.default_rng(seed)
    lengths = rng.integers(3, 13, size=n)
    total = int(lengths.sum())
    kind = rng.choice(3, size=total, p=[1 - P_TYPO - P_UNKNOWN, P_TYPO, P_UNKNOWN])
    flat = np.empty(total, dtype=object)
    for k, pool in enumerate((known, typos, unknown)):
        where = kind == k
        flat[where] = np.asarray(pool, dtype=object)[rng.integers(0, len(pool), where.sum())]
    flat = flat.tolist()
    ends = np.cumsum(lengths).tolist()
    return [flat[e - m : e] for e, m in zip(ends, lengths.tolist(), strict=True)]


FILLER = (
    "We are a small team that ships often and reviews each other's work.",
    "You will report to the head of data and work with product managers.",
    "Benefits include a learning budget, health cover and flexible hours.",
    "Our customers are hospitals, schools and city councils.",
    "The hiring process has four short steps and takes about two weeks.",
    "We value clear writing, kindness and ownership of outcomes.",
)
SKILL_SENTENCES = (
    "Strong experience with {} and {} in production.",
    "Nice to have: {}, {} or {}.",
    "You will build pipelines on {} and keep {} healthy.",
    "Day to day you will write {} and review {} code.",
)


def make_texts(n: int, seed: int = 0) -> list[str]:
    """``n`` posting-like texts of about 1 KB, mentioning taxonomy names, reproducible."""
    from rolefit.skills import skills

    rng = random.Random(seed)
    tax = skills()
    names = sorted(tax.loc[tax["match"] != "list", "name"])
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(6, 12)):
            if rng.random() < 0.5:
                parts.append(rng.choice(FILLER))
            else:
                template = rng.choice(SKILL_SENTENCES)
                parts.append(template.format(*rng.sample(names, template.count("{}"))))
        texts.append(" ".join(parts))
    return texts


# -- measurement in a child process ----------------------------------------------------------
def _rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_mb()


def _peak_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _timed(func):
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def _worker(kind: str, n: int, seed: int, repeats: int) -> dict:
    import rolefit
    from rolefit.skills import extract_skills, extract_skills_many

    # once per process: load the tables, build the text matcher, import rapidfuzz
    rolefit.score_many([["python", "pytroch"], "Python"], progress=False)
    rows = make_lists(n, seed) if kind == "lists" else make_texts(n, seed)
    before = _rss_mb()
    runs = [_timed(lambda: rolefit.score_many(rows, progress=False)) for _ in range(repeats)]
    best = min(runs[1:] or runs)  # the best later call (wall); the first is reported apart
    result = {
        "kind": kind,
        "n": n,
        "first": runs[0][0],
        "first_cpu": runs[0][1],
        "warm": best[0],
        "warm_cpu": min(cpu for _, cpu in runs[1:] or runs),
        "input_mb": before,
        "peak_mb": _peak_mb(),
    }
    if kind == "lists":
        sample = rows[: min(n, 2000)]

        def loop():
            for row in sample:
                try:
                    rolefit.score(row)
                except rolefit.NoSkillsError:
                    pass

        result["loop_cpu_per_row"] = _timed(loop)[1] / len(sample)
        result["items"] = sum(map(len, rows))
    else:
        result["mb"] = sum(len(t.encode()) for t in rows) / 1e6
        result["extract_cpu"] = min(
            _timed(lambda: extract_skills_many(rows))[1] for _ in range(2)
        )
        result["extract_each_cpu"] = min(
            _timed(lambda: [extract_skills(t) for t in rows])[1] for _ in range(2)
        )
        lists = extract_skills_many(rows)
        # (a text whose every skill is denied or being learned gives an empty list, which
        # score_many reads as a missing row)
        result["product_cpu"] = min(
            _timed(lambda: rolefit.score_many(lists, missing="nan", progress=False))[1]
            for _ in range(2)
        )
    return result


def _child(kind: str, n: int, seed: int, repeats: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(n), str(seed), str(repeats)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        raise SystemExit(f"worker {kind} {n} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cli_peak(args: list[str]) -> tuple[float, float, float]:
    """Wall time, CPU time and peak RSS (MB) of one ``rolefit`` command, fresh process.

    Linux counts the parent's memory at fork in a child's ``ru_maxrss``, so the parent
    (this script) never holds the data itself.
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rolefit.cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"rolefit {' '.join(args)} failed: {err}")
    peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)
    return wall, usage.ru_utime + usage.ru_stime, peak


# -- report ----------------------------------------------------------------------------------
def bench_lists(sizes, seed) -> list[dict]:
    print("score_many on skill lists (fresh process per size; seconds)")
    print("  first = first call on this input (its distinct strings resolved); repeat = best")
    print("  later call; cpu = CPU time of that call (this machine's cores are shared, so")
    print("  CPU time is the one-core cost and wall time depends on the load)")
    print(f"{'rows':>9} {'items':>10} {'first':>6} {'repeat':>6} {'cpu':>6} {'rows/s cpu':>11} "
          f"{'cpu/row vs 1e5':>14} {'peak MB':>7} {'input MB':>8} {'vs score() loop':>15}")
    results = [_child("lists", n, seed, max(3, min(21, 10**6 // n))) for n in sizes]
    ref = next((r for r in results if r["n"] == 10**5), results[-1])
    ref_cost = ref["warm_cpu"] / ref["n"]
    for r in results:
        per_row = r["warm_cpu"] / r["n"]
        print(
            f"{r['n']:>9,} {r['items']:>10,} {r['first']:>6.2f} {r['warm']:>6.2f} "
            f"{r['warm_cpu']:>6.2f} {r['n'] / r['warm_cpu']:>11,.0f} "
            f"{per_row / ref_cost:>14.2f} {r['peak_mb']:>7.0f} {r['input_mb']:>8.0f} "
            f"{r['loop_cpu_per_row'] / per_row:>14.0f}x"
        )
    big = max(results, key=lambda r: r["n"])
    print(
        f"-> {big['n']:,} rows: first call {big['first']:.2f} s wall, {big['first_cpu']:.2f} s "
        f"CPU (target < 10 s on one core); peak {big['peak_mb']:.0f} MB (target < 2048 MB)\n"
    )
    return results


def bench_texts(n, seed) -> dict:
    r = _child("texts", n, seed, 3)
    floor = r["extract_cpu"] + r["product_cpu"]
    print(f"score_many on {n:,} texts ({r['mb']:.1f} MB of posting-like text; CPU seconds)")
    print(f"  score_many                 {r['warm_cpu']:7.3f} s  {r['mb'] / r['warm_cpu']:6.1f} "
          f"MB/s  {n / r['warm_cpu']:9,.0f} rows/s")
    print(f"  extract_skills_many alone  {r['extract_cpu']:7.3f} s  "
          f"{r['mb'] / r['extract_cpu']:6.1f} MB/s")
    print(f"  extract_skills, each text  {r['extract_each_cpu']:7.3f} s  "
          f"{r['mb'] / r['extract_each_cpu']:6.1f} MB/s")
    print(f"  score_many on the lists    {r['product_cpu']:7.3f} s")
    print(f"  -> score_many / (extraction + list scoring) = {r['warm_cpu'] / floor:.2f}\n")
    return r


def _write(path: str, n: int, seed: int, files: int = 1) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = make_lists(n, seed)
    table = pa.table({"id": pa.array(range(n), pa.int64()), "skills": rows})
    if files == 1:
        pq.write_table(table, path, row_group_size=100_000)
        return
    Path(path).mkdir()
    size = -(-n // files)
    for i in range(files):
        pq.write_table(table.slice(i * size, size), Path(path) / f"part.{i:03d}.parquet")


def _write_postings(path: Path, n: int, seed: int, files: int = 1) -> float:
    """Write ``n`` generated rows to Parquet (``files`` > 1: a folder of that many files),
    in a child process (see :func:`_cli_peak`); returns the size in MB."""
    subprocess.run(
        [sys.executable, __file__, "--write", str(path), str(n), str(seed), str(files)],
        check=True,
    )
    paths = [path] if files == 1 else list(path.iterdir())
    return sum(p.stat().st_size for p in paths) / 1e6


def bench_file(sizes, seed) -> list[dict]:
    print("rolefit score-file on Parquet, --gaps 0 --missing nan (fresh process, start-up "
          "included; seconds)")
    print(f"{'rows':>9} {'file MB':>8} {'chunksize':>9} {'wall':>6} {'cpu':>6} "
          f"{'rows/s cpu':>11} {'peak MB':>7}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(n, 100_000) for n in sizes] + [(sizes[-1], 10_000)]
        written = {}
        for n, chunksize in runs:
            path = Path(tmp) / f"postings_{n}.parquet"
            if n not in written:
                written[n] = _write_postings(path, n, seed)
            out = Path(tmp) / f"scores_{n}.parquet"
            wall, cpu, peak = _cli_peak(
                ["score-file", str(path), "--column", "skills", "--id-column", "id",
                 "-o", str(out), "--chunksize", str(chunksize),
                 # the generated rows include lists of only unknown names (bad cells), and
                 # the default three gap columns are timed by the cohort tests, not here
                 "--missing", "nan", "--gaps", "0"]
            )
            results.append({"n": n, "chunksize": chunksize, "file_mb": written[n],
                            "seconds": wall, "cpu": cpu, "peak_mb": peak})
            print(f"{n:>9,} {written[n]:>8.1f} {chunksize:>9,} {wall:>6.2f} {cpu:>6.2f} "
                  f"{n / cpu:>11,.0f} {peak:>7.0f}")
    small, big = results[0], results[len(sizes) - 1]
    if big["n"] > small["n"]:  # start-up (imports, tables, vocabulary) cancels out
        marginal = (big["n"] - small["n"]) / (big["cpu"] - small["cpu"])
        print(f"-> marginal rate from {small['n']:,} to {big['n']:,} rows: "
              f"{marginal:,.0f} rows/s per core (read, score, write)")
        big["marginal"] = marginal
    print()
    return results


def _cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _warm_worker(path: str) -> None:
    import dask.dataframe  # noqa: F401
    import pandas as pd

    import rolefit

    rolefit.score_many(pd.read_parquet(path, dtype_backend="pyarrow")["skills"])


def bench_dask(n, seed, workers=2, files=10, single=None) -> dict:
    """Parquet -> score_many -> Parquet on a local Dask cluster of worker processes."""
    import dask.dataframe as dd
    import pyarrow as pa
    from distributed import Client, LocalCluster

    import rolefit
    from rolefit.io import result_schema

    print(f"Dask: {n:,} rows in {files} Parquet files read with dtype_backend='pyarrow', "
          f"LocalCluster({workers} worker processes x 1 thread); seconds")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "postings"
        _write_postings(folder, n, seed, files)  # the rows score-file read, in 10 files
        t0 = time.perf_counter()
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address="127.0.0.1:0", host="127.0.0.1") as cluster,
            Client(cluster) as client,
        ):
            # warm each worker as a long job would be: imports done, vocabulary resolved
            client.run(_warm_worker, str(folder / "part.000.parquet"))
            started = time.perf_counter() - t0
            cpu0 = sum(client.run(_cpu_seconds).values())
            t0 = time.perf_counter()
            postings = dd.read_parquet(folder, dtype_backend="pyarrow")
            scores = rolefit.score_many(postings["skills"])
            scores["id"] = postings["id"]
            scores.to_parquet(Path(tmp) / "scores", write_index=False,
                              schema=result_schema({"id": pa.int64()}))
            wall = time.perf_counter() - t0
            cpu = sum(client.run(_cpu_seconds).values()) - cpu0
    print(f"  cluster start, warm-up  {started:6.2f} wall (imports, vocabulary; once per worker)")
    print(f"  read, score, write      {wall:6.2f} wall  {n / wall:9,.0f} rows/s wall")
    print(f"  workers' CPU, summed    {cpu:6.2f} cpu   {n / cpu:9,.0f} rows/s per busy core")
    if single is not None and "marginal" in single:
        print(f"  -> per core, Dask / score-file marginal rate = "
              f"{(n / cpu) / single['marginal']:.2f}")
    print()
    return {"n": n, "seconds": wall, "cpu": cpu, "start": started}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="stop at 10^5 rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--text-rows", type=int, default=20_000)
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--write", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write:
        _write(args.write[0], *map(int, args.write[1:]))
        return 0
    if args.worker:
        kind, n, seed, repeats = args.worker
        print(json.dumps(_worker(kind, int(n), int(seed), int(repeats))))
        return 0
    sizes = [n for n in SIZES if not args.quick or n <= 10**5]
    bench_lists(sizes, args.seed)
    bench_texts(args.text_rows // (4 if args.quick else 1), args.seed)
    files = bench_file([n for n in (10**5, 10**6) if n <= sizes[-1]], args.seed)
    if not args.quick:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("Dask: distributed is not installed (pip install rolefit[dask]), skipped")
        else:
            single = next(r for r in files if r["n"] == 10**6 and r["chunksize"] == 100_000)
            bench_dask(10**6, args.seed, single=single)
    return 0


if __name__ == "__main__":
    sys.exit(main())
