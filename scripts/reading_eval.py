"""How the mention statuses read on the reviewers' sets (texts nobody here wrote).

Reads the sets in ``tests/reading_sets/`` (one JSON object per line: ``genre``, ``text``,
``labels``, a ``{skill_id: status}`` dict; ``tests/reading_sets/README.md`` says who wrote
them and how), reads each text with :func:`rolefit.find_skills` and compares per skill per
text: a skill's found status is the strongest of its mentions (``has`` over ``learning``
over ``negated``), a skill found or labelled on one side only counts against the status it
has there. Prints, per set, the precision and recall of each status and the number of
skills *wrongly held* (read as ``has`` but labelled ``learning``, ``negated`` or not at all)
and *wrongly dropped* (labelled ``has`` but read otherwise or not found).
These are the figures of ``docs/evaluation.md`` ("Reading skill mentions in context").

Sets in ``tests/reading_sets/holdout/`` were written after the learned reader was
trained, which never sees them; they are read like the others.

Run: ``python scripts/reading_eval.py [SET ...] [--reader model] [--errors FILE]``
(default: every set, read by the rules); ``--wrap 72`` reads each text hard-wrapped at
72 characters, as text pasted from a PDF or an e-mail often is, and ``--wrap 72
--hyphenate`` with the words that do not fit broken at the line end, as a typeset PDF
breaks them ("Kuber-" / "netes"; Pyphen's dictionaries, the ``compare`` extra).
``--reader negex`` reads the same mentions with the maintained library for negation,
negspacy's NegEx
(:mod:`rolefit.build.negex`; needs the ``compare`` extra), as the baseline for the rules.
``--cross`` prints instead, for each set of ``tests/reading_sets/``, the rules against the
learned reader trained on the other sets and the status table
(``rolefit.build.reader.cross_validate``; needs scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import Counter
from pathlib import Path

import rolefit
from rolefit._config import READERS
from rolefit.build.reader import STATUSES, compare, strongest

SETS = Path(__file__).resolve().parents[1] / "tests" / "reading_sets"


def _path(name: str, folder: Path) -> Path:
    path = folder / f"{name.lower()}.jsonl"
    return path if path.is_file() else folder / "holdout" / f"{name.lower()}.jsonl"


def load_set(name: str, folder: Path = SETS) -> list[dict]:
    """The texts of one set (``b`` ... ``k``), in order."""
    with _path(name, folder).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def found_statuses(text: str, reader: str | None = None) -> dict[str, str]:
    """``{skill_id: status}`` of ``text``: the strongest status of each skill's mentions,
    read as configured, or by NegEx where ``reader`` is ``"negex"``."""
    if reader == "negex":
        from rolefit.build.negex import mentions

        pairs = [(skill, status) for _, _, skill, status in mentions(text)]
    else:
        found = rolefit.find_skills(text)
        pairs = list(zip(found["skill_id"], found["status"], strict=True))
    return strongest(((0, skill, status) for skill, status in pairs), 1)[0]


def wrap(text: str, width: int) -> str:
    """``text`` as a fixed-width wrap leaves it: each line longer than ``width`` filled
    to lines of at most ``width`` characters (no word broken)."""
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
        if len(line) > width else line
        for line in text.split("\n")
    )


def hyphenate(text: str, width: int) -> str:
    """``text`` as a typesetter that hyphenates leaves it: each line longer than ``width``
    filled to lines of at most ``width`` characters, a word that does not fit broken after
    one of its hyphens or at a hyphenation point of the maintained dictionaries of Pyphen
    (``en_US``, as LaTeX breaks "Kuber-netes"), the first part ending in a hyphen. Needs the
    ``compare`` extra."""
    import pyphen

    dic = pyphen.Pyphen(lang="en_US")
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        current = ""
        for word in line.split(" "):
            while True:
                room = width - len(current) - (1 if current else 0)
                if len(word) <= room:
                    current = f"{current} {word}" if current else word
                    break
                cut = word.rfind("-", 0, room) + 1 if room > 1 else 0
                if cut and word[:cut - 1][-1:].isalnum() and word[cut:cut + 1].isalpha():
                    first, word = word[:cut], word[cut:]
                else:
                    parts = dic.wrap(word, room) if room > 3 else None
                    if parts is None:
                        if not current:  # a word longer than the line: as it is
                            current = word
                            break
                        out.append(current)
                        current = ""
                        continue
                    first, word = parts
                out.append(f"{current} {first}" if current else first)
                current = ""
        out.append(current)
    return "\n".join(out)


def evaluate(cases: list[dict], reader: str | None = None, width: int | None = None,
             hyphens: bool = False) -> tuple[dict, list[str]]:
    """Figures for one set, and one line per text that differs (each text wrapped at
    ``width`` first, if given, and with words broken at its line ends if ``hyphens``)."""
    fill = hyphenate if hyphens else wrap
    texts = [case["text"] if width is None else fill(case["text"], width) for case in cases]
    figures, diffs = compare(cases, [found_statuses(text, reader) for text in texts])
    errors = [f"[{k}] ({case['genre']}) {case['text']!r}\n    " + "\n    ".join(diff)
              for k, (case, diff) in enumerate(zip(cases, diffs, strict=True)) if diff]
    return figures, errors


def _cell(figures: dict, status: str) -> str:
    p, r = figures[status]["precision"], figures[status]["recall"]
    return " / ".join("-" if v is None else f"{v:.3f}" for v in (p, r))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (b ... h); default: all")
    parser.add_argument("--errors", type=Path, help="write the differing texts here")
    parser.add_argument("--reader", choices=(*READERS, "negex"), default="rules",
                        help="how mentions are read (default: rules; negex: negspacy's "
                             "NegEx, the library baseline)")
    parser.add_argument("--wrap", type=int, metavar="WIDTH",
                        help="read each text hard-wrapped at WIDTH characters, as text "
                             "pasted from a PDF or an e-mail often is")
    parser.add_argument("--hyphenate", action="store_true",
                        help="with --wrap: break the words that do not fit at a line end, "
                             "as a typeset PDF does (needs pyphen, the compare extra)")
    parser.add_argument("--cross", action="store_true",
                        help="rules against the learned reader trained on the other sets")
    args = parser.parse_args(argv)
    if args.cross:
        return _cross()
    if args.hyphenate and args.wrap is None:
        parser.error("--hyphenate needs --wrap WIDTH")
    names = args.sets or sorted(p.stem for p in [*SETS.glob("*.jsonl"),
                                                 *SETS.glob("holdout/*.jsonl")])
    if args.reader == "negex":
        return _table(names, args.errors, "negex", args.wrap, args.hyphenate)
    with rolefit.config_context(reader=args.reader):
        return _table(names, args.errors, width=args.wrap, hyphens=args.hyphenate)


def _cross() -> int:
    from rolefit.build.reader import cross_validate, load_sets

    table = SETS.parent / "negation_cases.csv"
    print("| set | reader | negated P / R | learning P / R | has P / R | wrongly held | "
          "wrongly dropped |")
    print("|---|---|---|---|---|---:|---:|")
    totals: dict[str, Counter] = {"rules": Counter(), "model": Counter()}
    for name, both in cross_validate(load_sets(SETS, table)).items():
        for reader, figures in both.items():
            totals[reader].update(held=figures["wrongly_held"],
                                  dropped=figures["wrongly_dropped"])
            cells = " | ".join(_cell(figures, status) for status in STATUSES)
            print(f"| {name.upper()} | {reader} | {cells} | {figures['wrongly_held']} | "
                  f"{figures['wrongly_dropped']} |")
    for reader, total in totals.items():
        print(f"| all | {reader} | | | | {total['held']} | {total['dropped']} |")
    return 0


def _table(names: list[str], errors_path: Path | None, reader: str | None = None,
           width: int | None = None, hyphens: bool = False) -> int:
    print("| set | texts (labels) | negated P / R | learning P / R | has P / R | wrongly held |"
          " wrongly dropped |")
    print("|---|---|---|---|---|---:|---:|")
    lines = []
    total: Counter = Counter()
    for name in names:
        figures, errors = evaluate(load_set(name), reader, width, hyphens)
        total.update(held=figures["wrongly_held"], dropped=figures["wrongly_dropped"])
        lines += [f"## set {name.upper()}", *errors]
        print(f"| {name.upper()} | {figures['texts']} ({figures['labels']:,}) | "
              f"{_cell(figures, 'negated')} | {_cell(figures, 'learning')} | "
              f"{_cell(figures, 'has')} | {figures['wrongly_held']} | "
              f"{figures['wrongly_dropped']} |")
    if len(names) > 1:
        print(f"| all | | | | | {total['held']} | {total['dropped']} |")
    if errors_path:
        errors_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
