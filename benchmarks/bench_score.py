"""Benchmark ``rolefit.score`` on one resume: a skill list and a text.

The first call in a fresh process loads the shipped tables and builds the matcher; every
later call reuses them. Reported: the first call, then the median and 90th percentile of
many calls after it (target: median < 2 ms), each next to a reference measured in the same
run: reading the input alone (``normalize`` of each item for the list, ``extract_skills``
for the text), so the ratio shows what scoring adds on top of reading.

Usage::

    python benchmarks/bench_score.py [--calls 2000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

SKILLS = ["Python", "PyTorch", "Docker", "SQL", "k8s", "pandas", "AWS", "git"]
TYPO = "pytroch"  # corrected by a fuzzy search over every alias: the slow part of a list


def _times(func, calls: int) -> list[float]:
    out = []
    for _ in range(calls):
        t0 = time.perf_counter()
        func()
        out.append(time.perf_counter() - t0)
    return out


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.3f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    import rolefit
    from rolefit.skills import extract_skills, normalize

    imported = time.perf_counter() - t0
    text = rolefit.load_sample_resume()
    typo = [*SKILLS, TYPO]
    firsts = []
    for value in (SKILLS, typo, text):
        t0 = time.perf_counter()
        rolefit.score(value)
        firsts.append(time.perf_counter() - t0)

    cases = [
        (f"skill list ({len(SKILLS)} items)", lambda: rolefit.score(SKILLS),
         lambda: [normalize(s) for s in SKILLS], "normalize items", firsts[0]),
        (f"+ 1 typo ({TYPO!r})", lambda: rolefit.score(typo),
         lambda: [normalize(s) for s in typo], "normalize items", firsts[1]),
        (f"text ({len(text.encode()):,} bytes)", lambda: rolefit.score(text),
         lambda: extract_skills(text), "extract_skills", firsts[2]),
    ]
    print(f"rolefit.score on one resume ({args.calls:,} calls after the first; ms)")
    print(f"  import rolefit: {imported * 1e3:.1f} ms")
    print(f"{'input':>24} {'first':>8} {'median':>8} {'p90':>8} {'reference':>16} "
          f"{'ref median':>10} {'score/ref':>9}")
    for label, call, reference, ref_label, first in cases:
        times = sorted(_times(call, args.calls))
        ref = statistics.median(_times(reference, args.calls))
        median = statistics.median(times)
        p90 = times[int(0.9 * len(times))]
        print(f"{label:>24} {_ms(first)} {_ms(median)} {_ms(p90)} {ref_label:>16} "
              f"{_ms(ref):>10} {median / ref:9.1f}")
        verdict = "met" if median < 2e-3 else "NOT met"
        print(f"{'':>24} -> median {median * 1e3:.3f} ms (target < 2 ms: {verdict})")
    fit = rolefit.score(SKILLS)
    to_dict = statistics.median(_times(fit.to_dict, max(args.calls // 10, 50)))
    print(f"  RoleFit.to_dict() (what `rolefit score --json` prints): {to_dict * 1e3:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
