"""Benchmark the cold start of ``rolefit score --skills "python, sql"`` in a fresh process.

The reference, measured in the same run and interleaved with it, is a fresh
``python -c "import sklearn"``; the bare interpreter (``python -c pass``) and
``import numpy`` are shown as the floor. Each command runs once to warm the file cache,
then ``--runs`` times; the median wall time is reported (target: rolefit well under the
scikit-learn import).

Usage::

    python benchmarks/bench_cold_start.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _command() -> list[str]:
    script = Path(sys.executable).with_name("rolefit")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "rolefit.cli"]


def _wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, check=False)
    wall = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode()}")
    return wall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    py = sys.executable
    cases = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import numpy'": [py, "-c", "import numpy"],
        "python -c 'import sklearn'": [py, "-c", "import sklearn"],
        'rolefit score --skills "python, sql"': [*_command(), "score", "--skills",
                                                 "python, sql"],
    }
    times: dict[str, list[float]] = {label: [] for label in cases}
    for cmd in cases.values():
        _wall(cmd)  # warm the file cache
    for _ in range(args.runs):
        for label, cmd in cases.items():  # interleaved, so drift hits all alike
            times[label].append(_wall(cmd))
    print(f"Cold start, fresh process each time (median of {args.runs} runs; seconds)")
    for label, values in times.items():
        print(f"  {label:<40} {statistics.median(values):7.3f}  "
              f"(min {min(values):.3f}, max {max(values):.3f})")
    ours = statistics.median(times['rolefit score --skills "python, sql"'])
    sklearn = statistics.median(times["python -c 'import sklearn'"])
    print(f"  -> rolefit score / import sklearn = {ours / sklearn:.2f} "
          f"({'well under' if ours < 0.5 * sklearn else 'NOT well under'} the sklearn import)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
