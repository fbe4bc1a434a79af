"""Text processing time grows linearly with the text: 1 MB to 10 MB (a benchmark, not a test).

For several kinds of text (real resume prose, one 10 MB "word" with no spaces, dense skill
mentions, a denied list of skills on one line, which the default reader's learned step
reads in full, self-ratings under a rating scale, punctuation soup, Arabic and Chinese
prose) it times
:func:`rolefit.extract_skills` (and :func:`rolefit.find_skills` for the resume prose) at 1,
2, 4, 6, 8 and 10 MB, and prints
MB/s per size and the ratio of the 10 MB time to ten times the 1 MB time. A ratio near 1
means linear; a quadratic blow-up would show as a ratio near 10. The peak memory of one
10 MB extraction (``tracemalloc``) is printed too.

Usage::

    python benchmarks/bench_linear.py [--sizes 1,2,4,6,8,10] [--repeat 2]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import rolefit

MB = 1_000_000


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


KINDS = {
    "resume prose": lambda size: _fill(rolefit.load_sample_resume() + "\n\n", size),
    "one long word": lambda size: _fill("abcdefghij", size),
    "dense mentions": lambda size: _fill("Python, C++17/CUDA, R, Go, k8s, A/B testing; ", size),
    # one line, one cue word, no sentence end: every mention is in the learned reader's reach
    "denied list": lambda size: "I never used " + _fill("Python, SQL and Docker, ", size - 13),
    # a rating scale over a self-rating table: every line's last number is read against it
    "rated lines": lambda size: "Self-rating (1 = none, 5 = expert)\n" + _fill(
        "Python ...... 4\nSpark | 1 |\nSQL: 2, Docker 5, Kafka 0\n", size - 35),
    # questions and the answers under them, each answer read for the question's skills
    "interview notes": lambda size: _fill(
        "Recruiter: Spark?\nPriya: Only in a university course.\nQ: Kafka?\nA: No.\n", size),
    # the same on one line with no break: no answer has a label's line to start on
    "one-line answers": lambda size: _fill("Spark? Candidate: no. Kafka? A: a little. ", size),
    "punctuation": lambda size: _fill("+#./-&|;:'\"()[]{} \u200f\u0301", size),
    "arabic prose": lambda size: _fill("أعمل مع بايثون و SQL في فريق البيانات. ", size),
    "chinese prose": lambda size: _fill("我在数据团队用 Python 和 SQL 工作。", size),
}


def best_time(fn, text, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,6,8,10", help="sizes in MB")
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs per size")
    args = parser.parse_args(argv)
    sizes = [int(float(s) * MB) for s in args.sizes.split(",")]
    rolefit.extract_skills("warm up: build the matcher once")  # not part of the timings
    functions = {"extract_skills": rolefit.extract_skills, "find_skills": rolefit.find_skills}
    print(f"{'text':<15} {'function':<15} " + " ".join(f"{s / MB:>7.0f}MB" for s in sizes)
          + "   ratio")
    for kind, make in KINDS.items():
        for name, fn in functions.items():
            if name == "find_skills" and kind != "resume prose":
                continue
            rates, seconds = [], []
            for size in sizes:
                elapsed = best_time(fn, make(size), args.repeat)
                seconds.append(elapsed)
                rates.append(size / MB / elapsed)
            ratio = (seconds[-1] / (sizes[-1] / sizes[0])) / seconds[0]
            print(f"{kind:<15} {name:<15} "
                  + " ".join(f"{r:>6.1f}/s" for r in rates) + f"   {ratio:5.2f}")
    text = KINDS["resume prose"](sizes[-1])
    tracemalloc.start()
    rolefit.extract_skills(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"\nMB/s per size; ratio = t({sizes[-1] / MB:.0f} MB) / "
          f"({sizes[-1] / sizes[0]:.0f} x t({sizes[0] / MB:.0f} MB)), 1.0 = linear")
    print(f"peak Python memory of extract_skills on {sizes[-1] / MB:.0f} MB of prose: "
          f"{peak / MB:.1f} MB (the text itself is {len(text) / MB:.0f} MB of characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
