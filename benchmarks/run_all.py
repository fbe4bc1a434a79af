"""Run every rolefit benchmark in turn and print their figures (``make bench``).

Each benchmark runs as its own process with this interpreter. Nothing is written into the
repository, except what a benchmark may keep under ``benchmarks/.corpus/`` (git-ignored).

Usage::

    python benchmarks/run_all.py            # everything (several minutes)
    python benchmarks/run_all.py --quick    # smaller inputs where a benchmark allows it
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# (script, arguments with --quick or None when it has no quick mode)
BENCHMARKS = [
    ("bench_cold_start.py", ["--runs", "5"]),
    ("bench_score.py", ["--calls", "500"]),
    ("bench_batch.py", ["--quick"]),
    ("bench_extract.py", None),
    ("bench_reader.py", ["--texts", "300", "--runs", "3"]),
    ("bench_linear.py", ["--sizes", "1,2", "--repeat", "1"]),
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs")
    args = parser.parse_args(argv)
    import rolefit

    print(f"rolefit {rolefit.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()} {platform.system()}, {time.strftime('%Y-%m-%d %H:%M')}")
    failed = []
    for script, quick in BENCHMARKS:
        path = HERE / script
        if not path.is_file():
            print(f"\n== {script}: not present, skipped")
            continue
        print(f"\n== {script}", flush=True)
        extra = quick if args.quick and quick is not None else []
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(path), *extra], check=False)
        print(f"== {script}: {time.perf_counter() - started:.0f} s", flush=True)
        if done.returncode:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
