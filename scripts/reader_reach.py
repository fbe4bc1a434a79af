"""Where the default reader asks the learned reader: errors by reach and threshold.

Leave-one-set-out over the reviewers' sets (``rolefit.build.reader.left_out``: each set read
by the model trained on the others and the status table): the model's status is kept for
the held mentions "in reach" of a cue word and the rules' status elsewhere, and the skills
held and dropped wrongly are summed over the left-out sets (``docs/evaluation.md``, "The
default reader: hybrid"). Reaches:

- ``rules``: nowhere (the rules alone); ``model``: every held mention (``reader="model"``);
- ``hybrid``: :func:`rolefit._statusmodel.in_reach`, the shipped default (its line, the
  line above, its block's heading);
- ``line``, ``line+1``, ``line+3``, ``line+25``: a cue word in its line or that many lines
  above; ``text``: anywhere in the text;
- ``sentence``: what the model's own words can hold, or a little more: a cue word in the
  mention's sentence, the first three words of its line, the line above or its block's
  heading (tried on 2026-12-01 to spare reads in long paragraph lines; not kept).

A text with a cross mark or a rating in symbols is read by the model everywhere in each
reach but ``rules``. Needs scikit-learn (the ``build`` extra). Takes about 3 minutes.

``--share`` prints instead how many mentions each reach takes in ordinary texts: the
Built In descriptions of ``../shared/datasets`` (skipped when absent) and the generated
corpora of ``benchmarks/make_corpus.py`` (made if missing).

Run: ``python scripts/reader_reach.py [--thresholds 0.5 0.6 0.7] [--share]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_left, bisect_right
from pathlib import Path

from rolefit import _negation, _statusmodel
from rolefit.build import reader
from rolefit.skills import _reader, _split

SETS = Path(__file__).resolve().parents[1] / "tests" / "reading_sets"
TABLE = SETS.parent / "negation_cases.csv"
ABOVE = {"line": 0, "line+1": 1, "line+3": 3, "line+25": 25}
_FIRST_WORDS = re.compile(r"[ \t]*(?:\S+[ \t]+){0,2}\S*")


def in_sentence(text: str, found, cues) -> list[bool]:
    """The ``sentence`` reach: whether each mention of ``found`` has a cue word of
    ``cues`` in its sentence (:func:`rolefit._statusmodel.window`'s), the first three words
    of its line, the last line above that is not empty, or its block's heading."""
    spans = [(s, e) for s, e, _ in found]
    cue_starts = [start for start, _, _ in cues]

    def holds(lo: int, hi: int) -> bool:
        k = bisect_left(cue_starts, lo)
        return k < len(cue_starts) and cue_starts[k] < hi

    out, lines = [], {}
    for start, end, _ in found:
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in lines:
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            above = _statusmodel._above(text, line_start)
            heading = _statusmodel._section_line(text, line_start)
            lines[line_start] = (
                line_end, _statusmodel._sentence_ends(text, line_start, line_end, spans),
                (above[1] and holds(*above)) or (heading is not None and holds(*heading))
                or holds(line_start, _FIRST_WORDS.match(text, line_start, line_end).end()))
        line_end, ends, near = lines[line_start]
        k, n = bisect_right(ends, start), bisect_left(ends, end + 1)
        out.append(near or holds(ends[k - 1] if k else line_start,
                                 ends[n] if n < len(ends) else line_end))
    return out


def reaches(text: str, found) -> dict[str, list[bool]]:
    """For each reach, whether each mention of ``found`` is in it."""
    cues = _negation.in_reach_words(_split(_reader().find_parts(text), text)[3], text)
    if _negation.has_marks(text):
        return {name: [True] * len(found) for name in ("hybrid", "sentence", "text", *ABOVE)}
    out = {"hybrid": _statusmodel.in_reach(text, found, cues),
           "sentence": in_sentence(text, found, cues) if cues else [False] * len(found),
           "text": [bool(cues)] * len(found)}
    line_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
    cue_lines = {bisect_right(line_starts, start) - 1 for start, _, _ in cues}
    mention_lines = [bisect_right(line_starts, start) - 1 for start, _, _ in found]
    for name, up in ABOVE.items():
        out[name] = [any(line - k in cue_lines for k in range(up + 1)) for line in mention_lines]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[reader.HAS_THRESHOLD],
                        help="P(has) below which the model reads a mention as not held")
    parser.add_argument("--share", action="store_true",
                        help="the share of mentions each reach takes in postings and resumes")
    args = parser.parse_args(argv)
    if args.share:
        return _share()
    names = ("rules", "sentence", "line", "line+1", "line+3", "line+25", "hybrid", "text",
             "model")
    totals = {(name, t): [0, 0] for name in names for t in args.thresholds}
    read = dict.fromkeys(names, 0)
    rows_seen = 0
    for _, cases, rows, vectorizer, model in reader.left_out(reader.load_sets(SETS, TABLE)):
        reach: dict[str, list[bool]] = {name: [] for name in names}
        for case in cases:
            found = reader._mentions(case["text"])[0]
            for name, flags in reaches(case["text"], found).items():
                reach[name] += flags
        reach["rules"] = [False] * len(rows)
        reach["model"] = [True] * len(rows)
        rows_seen += len(rows)
        for name in names:
            read[name] += sum(reach[name])
        for t in args.thresholds:
            predicted = reader.predictions(rows, vectorizer, model, t)
            for name in names:
                statuses = [p if r else row[2] for row, p, r in
                            zip(rows, predicted, reach[name], strict=True)]
                figures = reader.figures(cases, rows, statuses)
                totals[name, t][0] += figures["wrongly_held"]
                totals[name, t][1] += figures["wrongly_dropped"]
    print("| reach | threshold | held wrongly | dropped wrongly | both | mentions read |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in names:
        for t in args.thresholds:
            held, dropped = totals[name, t]
            print(f"| {name} | {t} | {held:,} | {dropped:,} | {held + dropped:,} | "
                  f"{read[name] / rows_seen:.0%} |")
    return 0


def _share() -> int:
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "benchmarks"))
    from bench_extract import ensure_corpora, load_docs, load_real
    from make_corpus import DEFAULT_OUT, DEFAULT_RESUME_OUT

    ensure_corpora(DEFAULT_OUT, DEFAULT_RESUME_OUT)
    corpora = {"Built In descriptions": load_real(),
               "generated resumes": load_docs(DEFAULT_RESUME_OUT),
               "generated postings": load_docs(DEFAULT_OUT)}
    print("| texts | mentions | hybrid | sentence | line+25 | text |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, texts in corpora.items():
        if not texts:
            continue
        counts = dict.fromkeys(("hybrid", "sentence", "line+25", "text"), 0)
        total = 0
        for text in texts:
            found = _split(_reader().find_parts(text), text)[0]
            total += len(found)
            for name, flags in reaches(text, found).items():
                if name in counts:
                    counts[name] += sum(flags)
        cells = " | ".join(f"{counts[name] / max(total, 1):.1%}" for name in counts)
        print(f"| {label} ({len(texts):,}) | {total:,} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
