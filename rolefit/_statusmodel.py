"""The learned reader: a second opinion on the mentions that the rules hold.

The rules of :mod:`rolefit._negation` read a mention as ``learning`` or ``negated`` only
when they find one of their cue wordings in reach. Reviewers' texts say it in many more
ways ("Rust is next on my list", "nobody on the team knew Kafka", a bootcamp diary). This
module holds a logistic regression, trained on the reviewers' sets of
``tests/reading_sets/`` and the status table ``tests/negation_cases.csv`` by
``python -m rolefit.build reader`` (:mod:`rolefit.build.reader`), that rereads a held
mention from the words around it. It runs only where it is switched on
(``rolefit.set_config(reader="model")``), and only on a mention that

- the rules hold without a cue (a mention the rules decided keeps their status), and
- has one of :data:`GATE_WORDS` (words of denial, learning, plans and questions) in its
  window: its sentence on its line, and the short line above it (a heading).

The window's words are its features, by position (1, 2, 3-4, 5-7, 8-12 words before;
the same buckets after, up to 10 words), with the first words of the line and the
heading's words. Other skill names read as ``<skill>`` and numbers of two or more digits
as ``<num>``, so that the model learns from the wording, not from which skills the
reviewers happened to name.
``docs/evaluation.md`` compares it with the rules on each reviewer's set, trained on the
others.

The model file is JSON (weights by feature name); nothing in it is executed.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import cache
from importlib import resources

__all__ = ["GATE_WORDS", "MODEL_FILE", "features", "load", "revise", "window"]

MODEL_FILE = "status_reader.json"
FORMAT = "rolefit-status-reader"
CUE = "model"

GATE_WORDS = frozenset("""
no not never none nobody nothing neither nor without lack lacking lacks unfamiliar unaware
don't doesn't didn't haven't hasn't hadn't can't cannot couldn't won't wouldn't isn't
aren't wasn't weren't dont doesnt didnt havent cant wont isnt
learning learn learned studying study course courses coursework bootcamp tutorial
tutorials class classes module beginner basic basics novice newbie exposure introductory
intro familiarizing currently starting started start week weeks month months next plan
planning planned want wanting hope hoping soon someday eventually yet still later future
goal aim weak limited little minimal zero some heard tried trying touched dabbled
dabbling teach train training trained taught required needed optional bonus plus
q question ? ✗ ✘ ❌ x 0 na
""".split())

# the first run of letters of each gate word, and the characters of the others
_LETTERS = re.compile(r"[^\W\d_]+")
_GATE_RUNS = frozenset(_LETTERS.match(w).group() for w in GATE_WORDS if _LETTERS.match(w))
_GATE_SYMBOLS = frozenset("".join(w for w in GATE_WORDS if not _LETTERS.match(w)))
_TOKEN = re.compile(r"<num>|[^\W\d_][\w']*|\d+|[^\w\s]")
_DIGITS = re.compile(r"(?<![\w'])\d\d+")  # a number of 2+ digits, not inside a word
_SENTENCE_END = frozenset(".!?;")
_LEFT, _RIGHT, _HEADING = 12, 10, 6


def _bucket(i: int) -> str:
    return "1" if i == 1 else "2" if i == 2 else "3" if i <= 4 else "5" if i <= 7 else "8"


def _line(text: str, lo: int, hi: int, spans) -> tuple[dict[int, int], list[str]]:
    """The tokens of ``text[lo:hi]``, lower-cased, with each skill mention of ``spans``
    (sorted ``(start, end)`` pairs) read as one ``<skill>`` and each run of two or more
    digits as ``<num>``; and ``{mention start: index of its <skill>}``."""
    at: dict[int, int] = {}
    words: list[str] = []
    cur = lo
    for k in range(max(0, bisect_left(spans, (lo, lo)) - 1), len(spans)):
        start, end = spans[k]
        if start >= hi:
            break
        if end <= lo:
            continue
        if start > cur:
            words += _TOKEN.findall(_clean(text[cur:start]))
        at[start] = len(words)
        words.append("<skill>")
        cur = max(cur, end)
    if hi > cur:
        words += _TOKEN.findall(_clean(text[cur:hi]))
    return at, words


def _clean(part: str) -> str:
    return _DIGITS.sub("<num>", part.lower().replace("’", "'"))


def _above(text: str, line_start: int) -> tuple[int, int]:
    """Where the last line above ``line_start`` that is not empty starts and ends (the
    end is 0 if there is none)."""
    above = line_start
    while above and text[above - 1] == "\n":
        above -= 1
    return (text.rfind("\n", 0, above) + 1 if above else 0), above


def window(text: str, start: int, end: int, spans, lines: dict | None = None,
           line_start: int | None = None):
    """The words around the mention ``text[start:end]``: before it in its sentence and
    line (nearest last), after it (nearest first), the line's first words, whether the
    line is a bullet, and the heading above it (the last line above that is not empty,
    if it ends with a colon or has at most five words; else empty). ``lines`` caches
    each line's tokens between calls on the same text and ``spans``; ``line_start``, the
    start of the mention's line, is looked for when not given."""
    lines = {} if lines is None else lines
    if line_start is None:
        line_start = text.rfind("\n", 0, start) + 1
    if line_start not in lines:
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        heading: list[str] = []
        at, above = _above(text, line_start)
        if above:
            words = _line(text, at, above, spans)[1]
            if text[at:above].rstrip().endswith(":") or len(words) <= 5:
                heading = words[:_HEADING]
        bullet = text[line_start:line_end].lstrip()[:1] in "-*•·–"
        lines[line_start] = (*_line(text, line_start, line_end, spans), bullet, heading)
    at, words, bullet, heading = lines[line_start]
    i = at[start]
    left = words[max(0, i - 40):i]
    for k in range(len(left) - 1, -1, -1):
        if left[k] in _SENTENCE_END:
            left = left[k + 1:]
            break
    right = words[i + 1:i + 41]
    for k, t in enumerate(right):
        if t in _SENTENCE_END:
            right = right[:k]
            break
    return left[-_LEFT:], right[:_RIGHT], words[:3], bullet, heading


def features(parts) -> tuple[list[str], bool]:
    """The feature names of a mention from its :func:`window`, and whether the model
    reads it (a word of :data:`GATE_WORDS` in the window)."""
    left, right, first, bullet, heading = parts
    if GATE_WORDS.isdisjoint(left) and GATE_WORDS.isdisjoint(right) and (
        GATE_WORDS.isdisjoint(first) and GATE_WORDS.isdisjoint(heading)
    ):
        return [], False
    names = []
    for i, t in enumerate(reversed(left), 1):
        names += (f"L{_bucket(i)}:{t}", f"Lb:{t}")
    for i, t in enumerate(right, 1):
        names += (f"R{_bucket(i)}:{t}", f"Rb:{t}")
    if len(left) >= 2:
        names.append(f"LB2:{left[-2]} {left[-1]}")
    if len(right) >= 2:
        names.append(f"RB2:{right[0]} {right[1]}")
    names += [f"F:{t}" for t in first]
    if not left:
        names.append("line_start")
    if bullet:
        names.append("bullet")
    names += [f"H:{t}" for t in heading]
    return names, True


@cache
def load(path: str | None = None) -> dict:
    """The model: ``classes``, ``intercept`` and ``weights`` (``{feature: [one weight
    per class]}``), read from ``path`` or the shipped ``models/status_reader.json``."""
    if path is None:
        raw = resources.files("rolefit.models").joinpath(MODEL_FILE).read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    model = json.loads(raw)
    if model.get("format") != FORMAT:
        raise ValueError(f"{path or MODEL_FILE}: not a {FORMAT} file "
                         f"(format {model.get('format')!r})")
    missing = [k for k in ("classes", "intercept", "weights") if k not in model]
    if missing or "has" not in model["classes"]:
        raise ValueError(f"{path or MODEL_FILE}: a {FORMAT} file needs classes (with 'has'), "
                         f"intercept and weights; missing {missing or ['has']}")
    n = len(model["classes"])
    if len(model["intercept"]) != n or any(len(w) != n for w in model["weights"].values()):
        raise ValueError(f"{path or MODEL_FILE}: every weight needs {n} values, one per class")
    return model


def predict(model: dict, names: list[str]) -> tuple[str, str]:
    """The class the model gives a mention with feature ``names``, and the feature that
    pulled most towards it (against ``has``)."""
    classes, weights = model["classes"], model["weights"]
    total = list(model["intercept"])
    rows = [(name, weights[name]) for name in names if name in weights]
    for _, w in rows:
        for c, value in enumerate(w):
            total[c] += value
    best = max(range(len(classes)), key=total.__getitem__)
    has = classes.index("has")
    pull = max(rows, key=lambda r: r[1][best] - r[1][has], default=("", ()))[0]
    return classes[best], pull


def _near_gate(text: str, line_start: int, start: int) -> bool:
    """False only if no mention on the line at ``line_start`` can have a gate word in its
    window: none of the line's letter runs, nor the line's above it up to the last one
    that is not empty, starts a gate word, and no gate symbol or digit is there. (A token
    of :data:`_TOKEN` that is a gate word starts a maximal run of letters, which is the
    gate word's first run, so this never says False where :func:`features` gates.)"""
    lo = _above(text, line_start)[0]
    hi = text.find("\n", start)
    region = text[lo:hi if hi >= 0 else len(text)].lower()
    if not _GATE_SYMBOLS.isdisjoint(region):
        return True
    return not _GATE_RUNS.isdisjoint(_LETTERS.findall(region))


def revise(text: str, found, decided: dict) -> dict:
    """``decided`` (``{index: (status, cue)}`` of the mentions ``found`` that the rules
    do not hold) plus the held mentions the model reads otherwise; their cue is
    ``"model: "`` and the word of the feature that pulled most (``"model: week"``)."""
    model = load()
    spans = [(s, e) for s, e, _ in found]
    out = dict(decided)
    lines: dict = {}
    near: dict[int, bool] = {}
    line_start = previous = 0
    for i, (start, end, _) in enumerate(found):
        if i in decided:
            continue
        # the mentions are in text order: look for a line break since the last one only
        line_start = max(line_start, text.rfind("\n", previous, start) + 1)
        previous = start
        if line_start not in near:
            near[line_start] = _near_gate(text, line_start, start)
        if not near[line_start]:
            continue
        names, gate = features(window(text, start, end, spans, lines, line_start))
        if not gate:
            continue
        status, pull = predict(model, names)
        if status != "has":
            out[i] = (status, f"{CUE}: {pull.partition(':')[2] or pull}")
    return out
