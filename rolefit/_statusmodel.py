"""The learned reader: a second opinion on the mentions that the rules hold.

The rules of :mod:`rolefit._negation` read a mention as ``learning`` or ``negated`` only
when they find one of their cue wordings in reach. Reviewers' texts say it in many more
ways ("Rust is next on my list", "nobody on the team knew Kafka", a bootcamp diary). This
module holds a logistic regression, trained on the reviewers' sets of
``tests/reading_sets/`` and the status table ``tests/negation_cases.csv`` by
``python -m rolefit.build reader`` (:mod:`rolefit.build.reader`), that rereads each
mention the rules hold without a cue from the words around it (a mention the rules decided
keeps their status). Under the default ``reader="hybrid"`` it rereads only the mentions
with a cue word in reach (:func:`in_reach`) and the other mentions of a skill the rules
deny or find being learned (:func:`revise`), under ``reader="model"`` every one, under
``reader="rules"`` none (:mod:`rolefit._config`).

The window's words are its features, by position (1, 2, 3-4, 5-7, 8-12 words before its
sentence's start on its line; the same buckets after, up to 10 words), with the first
words of the line, the heading just above it (the last line above that is not empty, if
it ends with a colon or is short) and the heading of its block (the nearest line above
that ends with a colon, starts with ``#`` or is a short line that is not a list item:
"Skills I have not used:" over a list of bullets). Other skill names read as ``<skill>``
and numbers of two or more digits as ``<num>``, so that the model learns from the
wording, not from which skills the reviewers happened to name. Each feature counts once,
read as it is trained (:func:`features`). A mention is read as held
unless the model gives ``has`` a probability below the file's ``has_threshold``; then it
takes the likelier of the other two statuses. ``docs/evaluation.md`` compares it with the
rules on each reviewer's set, trained on the others.

The model file is JSON (weights by feature name); nothing in it is executed.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from functools import cache
from importlib import resources
from itertools import compress

__all__ = ["MODEL_FILE", "features", "in_reach", "load", "not_held_at", "predict", "revise",
           "window"]

MODEL_FILE = "status_reader.json"
FORMAT = "rolefit-status-reader"
FORMAT_VERSION = 3
CUE = "model"

_SKILL = "<skill>"
_TOKEN = re.compile(r"<num>|[^\W\d_][\w']*|\d+|[^\w\s]")
_TOKEN_OR_SKILL = re.compile(r"<num>|<skill>|[^\W\d_][\w']*|\d+|[^\w\s]")
_DIGITS = re.compile(r"(?<![\w'])\d\d+")  # a number of 2+ digits, not inside a word
_LIST_ITEM = re.compile(r"\s*(?:[-*•·–▪◦►>|]|\d+[.)]\s)")  # a bullet, number or table row
_SENTENCE_END = frozenset(".!?;")
_LEFT, _RIGHT, _HEADING, _SECTION, _SECTION_UP = 12, 10, 6, 8, 25


def _bucket(i: int) -> str:
    return "1" if i == 1 else "2" if i == 2 else "3" if i <= 4 else "5" if i <= 7 else "8"


def _line(text: str, lo: int, hi: int, spans) -> tuple[dict[int, int], list[str]]:
    """The tokens of ``text[lo:hi]``, lower-cased, with each skill mention of ``spans``
    (sorted ``(start, end)`` pairs) read as one ``<skill>`` and each run of two or more
    digits as ``<num>``; and ``{mention start: index of its <skill>}``.

    The stretch is read in one piece, each mention written as ``<skill>`` (one token to
    :data:`_TOKEN_OR_SKILL`, glued to nothing: ``<`` and ``>`` are not word characters),
    unless the text itself holds that word; then piece by piece (tested equal)."""
    pieces: list[str] = []
    starts: list[int] = []
    cur = lo
    for k in range(max(0, bisect_left(spans, (lo, lo)) - 1), len(spans)):
        start, end = spans[k]
        if start >= hi:
            break
        if end <= lo:
            continue
        if start > cur:
            pieces.append(text[cur:start])
        pieces.append(_SKILL)
        starts.append(start)
        cur = max(cur, end)
    if hi > cur:
        pieces.append(text[cur:hi])
    if text.find("<", lo, hi) >= 0 and _SKILL in text[lo:hi].lower():
        return _pieces(pieces, starts)
    words = _TOKEN_OR_SKILL.findall(_clean("".join(pieces)))
    at: dict[int, int] = {}
    i = -1
    for start in starts:
        at[start] = i = words.index(_SKILL, i + 1)
    return at, words


def _pieces(pieces: list[str], starts: list[int]) -> tuple[dict[int, int], list[str]]:
    """:func:`_line` of a text that holds the word ``<skill>``: each piece between two
    mentions (at ``starts``) read on its own."""
    at: dict[int, int] = {}
    words: list[str] = []
    mentions = iter(starts)
    for piece in pieces:
        if piece is _SKILL:
            at[next(mentions)] = len(words)
            words.append(_SKILL)
        else:
            words += _TOKEN.findall(_clean(piece))
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


def _section_line(text: str, line_start: int) -> tuple[int, int] | None:
    """Where the heading of the block that the line at ``line_start`` is in starts and
    ends: the nearest line above (up to 25 lines that are not empty) that ends with a
    colon, starts with ``#``, or has at most six words and is not a list item; None if
    there is none."""
    at = line_start
    for _ in range(_SECTION_UP):
        lo, hi = _above(text, at)
        if not hi:
            return None
        if _is_heading(text[lo:hi]):
            return lo, hi
        at = lo
        if not at:
            return None
    return None


def _section(text: str, line_start: int, spans, lines: dict | None = None) -> list[str]:
    """The first words of the heading of the block that the line at ``line_start`` is in
    (:func:`_section_line`); empty if none."""
    where = _section_line(text, line_start)
    if where is None:
        return []
    return _starting(text, *where, spans, {} if lines is None else lines)[:_SECTION]


def window(text: str, start: int, end: int, spans, lines: dict | None = None,
           line_start: int | None = None):
    """The words around the mention ``text[start:end]``: before it in its sentence and
    line (nearest last), after it (nearest first), the line's first words, whether the
    line is a bullet, the heading just above it (the last line above that is not empty,
    if it ends with a colon or has at most five words; else empty) and the heading of its
    block (:func:`_section`). ``lines`` caches each line's and each sentence's tokens
    between calls on the same text and ``spans``; ``line_start``, the start of the
    mention's line, is looked for when not given.

    Only the mention's sentence is tokenised, and the first words of the lines around
    it: a sentence ends at ``.``, ``!``, ``?`` or ``;`` outside a skill's name, each of
    which is a word of its own, so the words are those of tokenising the whole line
    (tested)."""
    lines = {} if lines is None else lines
    if line_start is None:
        line_start = text.rfind("\n", 0, start) + 1
    line = lines.get(line_start)
    if line is None:
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        heading: list[str] = []
        at, above = _above(text, line_start)
        if above:
            colon = text[at:above].rstrip().endswith(":")
            words = _starting(text, at, above, spans, lines)
            if colon or len(words) <= 5:
                heading = words[:_HEADING]
        bullet = text[line_start:line_end].lstrip()[:1] in "-*•·–"
        ends = _sentence_ends(text, line_start, line_end, spans)
        if not ends or len(ends) == 1 and not text[ends[0]:line_end].strip():
            # a line of one sentence (most): read once, for its first words too
            words = _sentence(text, line_start, ends[0] if ends else line_end, spans, lines)[1]
            lines.setdefault((line_start, line_end), words[:_SECTION + 1])
        first = _starting(text, line_start, line_end, spans, lines)[:3]
        line = lines[line_start] = (line_end, first, bullet, heading,
                                    _section(text, line_start, spans, lines), ends)
    line_end, first, bullet, heading, section, ends = line
    k = bisect_right(ends, start)  # (an end at the mention's start: ".Python")
    lo = ends[k - 1] if k else line_start
    sentence = lines.get((lo,))
    if sentence is None:
        k = bisect_left(ends, end + 1)  # (a sentence end right after the mention is its own)
        sentence = _sentence(text, lo, ends[k] if k < len(ends) else line_end, spans, lines)
    at, words, stop = sentence
    i = at[start]
    return (words[max(0, i - _LEFT):i], words[i + 1:min(stop, i + 1 + _RIGHT)], first,
            bullet, heading, section)


def _sentence(text: str, lo: int, hi: int, spans, lines: dict) -> tuple:
    """The sentence ``text[lo:hi]`` as :func:`window` keeps it in ``lines`` (under
    ``(lo,)``): :func:`_line`'s reading, and how many of its words a mention may see after
    it (its only sentence end is its last word, if any: the others end sentences)."""
    at, words = _line(text, lo, hi, spans)
    sentence = lines[(lo,)] = at, words, len(words) - (
        bool(words) and words[-1] in _SENTENCE_END)
    return sentence


_ENDS = re.compile(r"[.!?;]")
_PREFIX = 80  # characters tokenised first where only a line's first words are needed


def _inside(spans, pos: int) -> tuple[int, int] | None:
    """The span of ``spans`` that holds position ``pos``, if any."""
    k = bisect_left(spans, (pos + 1,)) - 1
    return spans[k] if k >= 0 and spans[k][0] <= pos < spans[k][1] else None


def _sentence_ends(text: str, lo: int, hi: int, spans) -> list[int]:
    """Just after each sentence end of ``text[lo:hi]`` (``.``, ``!``, ``?`` or ``;``
    outside the skill names of ``spans``), in order: found once per line, so that each
    mention finds its sentence by bisection."""
    return [m.end() for m in _ENDS.finditer(text, lo, hi) if _inside(spans, m.start()) is None]


def _starting(text: str, lo: int, hi: int, spans, lines: dict) -> list[str]:
    """The first words of the line ``text[lo:hi]`` as :func:`_line` reads them: the first
    eight right, perhaps one more (cut), or all of them if fewer. A prefix of the line is
    tokenised first, the whole line only if the prefix holds eight words or fewer. Kept
    in ``lines`` (each line is the heading of the next, or of a block)."""
    words = lines.get((lo, hi))
    if words is None:
        if hi - lo > _PREFIX:
            words = _line(text, lo, lo + _PREFIX, spans)[1]
            words = words[:_SECTION + 1] if len(words) > _SECTION else None
        if words is None:
            words = _line(text, lo, hi, spans)[1][:_SECTION + 1]
        lines[(lo, hi)] = words
    return words


def features(parts) -> list[str]:
    """The feature names of a mention from its :func:`window`, each once, as the model is
    trained (:func:`rolefit.build.reader.train`) and read (:func:`predict`, :func:`_has`).

    The pair of words before or after the mention is left out when both are skill names:
    in the status table, written to test denials, most lists of names are denied, and
    once the ``<skill>`` words around a mention in a list counted once in all, not once
    each, the pair taught the model to deny a list of names in a posting ("Technologies
    javascript reactjs node.js redux html") as soon as a cue word stood on its line
    (``docs/evaluation.md``, "The learned reader reads each feature once")."""
    left, right, first, bullet, heading, section = parts
    names = []
    for i, t in enumerate(reversed(left), 1):
        names += (f"L{_bucket(i)}:{t}", f"Lb:{t}")
    for i, t in enumerate(right, 1):
        names += (f"R{_bucket(i)}:{t}", f"Rb:{t}")
    if len(left) >= 2 and not left[-2] == left[-1] == _SKILL:
        names.append(f"LB2:{left[-2]} {left[-1]}")
    if len(right) >= 2 and not right[0] == right[1] == _SKILL:
        names.append(f"RB2:{right[0]} {right[1]}")
    names += [f"F:{t}" for t in first]
    if not left:
        names.append("line_start")
    if bullet:
        names.append("bullet")
    names += [f"H:{t}" for t in heading]
    names += [f"S:{t}" for t in section]
    return list(dict.fromkeys(names))


@cache
def load(path: str | None = None) -> dict:
    """The model: ``classes``, ``intercept``, ``weights`` (``{feature: [one weight per
    class]}``) and ``has_threshold``, read from ``path`` or the shipped
    ``models/status_reader.json``."""
    if path is None:
        raw = resources.files("rolefit.models").joinpath(MODEL_FILE).read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    name = path or MODEL_FILE
    model = json.loads(raw)
    if model.get("format") != FORMAT:
        raise ValueError(f"{name}: not a {FORMAT} file (format {model.get('format')!r})")
    if model.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"{name}: format_version {model.get('format_version')!r} is not "
                         f"supported (this rolefit reads {FORMAT_VERSION}); rebuild it with "
                         "python -m rolefit.build reader")
    keys = ("classes", "intercept", "weights", "has_threshold")
    missing = [k for k in keys if k not in model]
    if missing or "has" not in model["classes"]:
        raise ValueError(f"{name}: a {FORMAT} file needs classes (with 'has'), intercept, "
                         f"weights and has_threshold; missing {missing or ['has']}")
    n = len(model["classes"])
    if n not in (2, 3) or len(set(model["classes"])) != n:
        raise ValueError(f"{name}: classes must be 'has' and one or two others, all "
                         f"different, not {model['classes']!r}")
    if len(model["intercept"]) != n or any(len(w) != n for w in model["weights"].values()):
        raise ValueError(f"{name}: every weight needs {n} values, one per class")
    threshold = model["has_threshold"]
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not (
            0 < threshold <= 1):
        raise ValueError(f"{name}: has_threshold must be a number in (0, 1], "
                         f"not {threshold!r}")
    return model


def predict(model: dict, names: list[str]) -> tuple[str, str]:
    """The status the model gives a mention with feature ``names``, and the feature that
    pulled most towards it against ``has`` (``""`` for ``has``). The status is ``has``
    unless its probability is below ``has_threshold``; then the likelier of the others."""
    classes, weights = model["classes"], model["weights"]
    known = [name for name in names if name in weights]
    total, held = _held(model, map(weights.get, known))
    if held:
        return "has", ""
    has = classes.index("has")
    best = max((c for c in range(len(classes)) if c != has), key=total.__getitem__)
    pull = max(known, key=lambda name: weights[name][best] - weights[name][has], default="")
    return classes[best], pull


def in_reach(text: str, found, cues) -> list[bool]:
    """Whether each mention of ``found`` has a cue word of ``cues`` (sorted ``(start,
    end, word)``, :func:`rolefit._negation.anchor_terms`) in what the model reads around
    it (:func:`window`): its line, the last line above it that is not empty, or its
    block's heading (:func:`_section_line`).

    Worked forward from the few lines that hold a cue word: each reaches itself, the
    next line that is not empty, and, if it is a heading, the lines below it up to the
    next heading, within 25 lines that are not empty (tested against asking
    :func:`_above` and :func:`_section_line` at every mention)."""
    if not cues or not found:
        return [False] * len(found)
    reached: set[int] = set()  # the starts of the lines that a cue word reaches
    size = len(text)
    for line_start in sorted(set(_line_starts(text, cues))):
        reached.add(line_start)
        line_end = text.find("\n", line_start)
        if line_end < 0:
            continue
        heading = _is_heading(text[line_start:line_end])
        passed = 0  # lines below that are not empty
        at = line_end + 1
        while at <= size and passed < _SECTION_UP:
            end = text.find("\n", at)
            end = size if end < 0 else end
            if end > at:  # (an empty line is skipped, as _above skips it)
                if passed == 0 or heading:
                    reached.add(at)
                if not heading or _is_heading(text[at:end]):
                    break
                passed += 1
            at = end + 1
    starts = [start for start, *_ in found]
    out = [False] * len(found)
    for line_start in reached:  # (its mentions: those that start before its end)
        line_end = text.find("\n", line_start)
        lo = bisect_left(starts, line_start)
        hi = len(starts) if line_end < 0 else bisect_left(starts, line_end, lo)
        out[lo:hi] = [True] * (hi - lo)
    return out


def _line_starts(text: str, spans):
    """The start of the line of each ``(start, ...)`` of ``spans`` (sorted by start),
    looking back for a line break only as far as the one before (linear in the text)."""
    line_start = previous = 0
    for start, *_ in spans:
        line_start = max(line_start, text.rfind("\n", previous, start) + 1)
        previous = start
        yield line_start


def _is_heading(line: str) -> bool:
    """Whether a line heads a block (:func:`_section_line`)."""
    stripped = line.strip()
    return stripped.endswith(":") or stripped.startswith("#") or (
        bool(stripped) and len(stripped.split()) <= 6 and not _LIST_ITEM.match(line))


def _against_has(model: dict):
    """A function that writes one weight per class of ``model`` as a complex number: by
    how much it raises the score of each class other than ``has`` (in the order of
    ``classes``: real part, imaginary part; ``-inf`` if there is one other) against that
    of ``has``. The probability of ``has`` is at least ``has_threshold`` if
    ``exp(real) + exp(imag) <= 1 / has_threshold - 1`` for their sums (:func:`_has`)."""
    has = model["classes"].index("has")
    if len(model["classes"]) == 2:
        return lambda w: complex(w[1 - has] - w[has], -math.inf)
    first, second = (c for c in range(3) if c != has)
    return lambda w: complex(w[first] - w[has], w[second] - w[has])


def _by_place(model: dict) -> tuple:
    """The weights of ``model`` by place and word, each as :func:`_against_has` writes
    it (:func:`_has`). Before the mention (nearest first) and after it: for each place,
    its bucket's word plus the same word at ``Lb``/``Rb``; for each bucket, its words; and
    ``Lb``/``Rb``. Then ``LB2``, ``RB2``, ``F``, ``line_start``, ``bullet``, ``H`` and
    ``S``, and the intercept."""
    against_has = _against_has(model)
    groups: dict[str, dict[str, complex]] = {}
    for name, weights in model["weights"].items():
        place, _, word = name.partition(":")
        groups.setdefault(place, {})[word] = against_has(weights)

    def group(place: str) -> dict:
        return groups.get(place, {})

    def side(letter: str, size: int) -> tuple:
        buckets = {b: group(f"{letter}{b}") for b in "12358"}
        anywhere = group(f"{letter}b")
        merged = {}
        for b, bucket in buckets.items():
            merged[b] = both = dict(anywhere)
            for word, weight in bucket.items():
                both[word] = both.get(word, 0) + weight
        return tuple(merged[_bucket(i)] for i in range(1, size + 1)), buckets, anywhere

    return (side("L", _LEFT), side("R", _RIGHT), group("LB2"), group("RB2"), group("F"),
            group("line_start").get("", 0), group("bullet").get("", 0), group("H"),
            group("S"), against_has(model["intercept"]))


# id(model): (model, _by_place(model)) for the models in use (they are not changed)
_PLACES: dict[int, tuple] = {}


def _repeated(total: complex, weights: tuple, words: list[str]) -> complex:
    """``total`` plus the weights of the words on one side of a mention (nearest first,
    ``weights`` by :func:`_by_place`) that holds a word twice, each feature once: each
    word once per bucket and once anywhere."""
    _, by_bucket, anywhere = weights
    placed = {(_bucket(i), word) for i, word in enumerate(words, 1)}
    total += sum(filter(None, (by_bucket[b].get(word) for b, word in placed)))
    return total + sum(filter(None, map(anywhere.get, set(words))))


def _has(model: dict, parts) -> bool:
    """Whether :func:`predict` reads a mention with :func:`window` ``parts`` as ``has``:
    the weights of its :func:`features` summed by place, without naming them (tested
    equal to it). A side of the mention that holds no word twice (most) is summed by
    place, each place's weight holding its bucket's and the side's (``Lb``, ``Rb``)."""
    model_then, places = _PLACES.get(id(model), (None, None))
    if model_then is not model:
        places = _by_place(model)
        _PLACES[id(model)] = model, places
    left, right, first, bullet, heading, section = parts
    (before, after, pairs_left, pairs_right, firsts, at_start, bulleted, heads, sections,
     total) = places
    if len(set(left)) == len(left):
        total += sum(filter(None, map(dict.get, before[0], reversed(left))))
    else:
        total = _repeated(total, before, left[::-1])
    if len(set(right)) == len(right):
        total += sum(filter(None, map(dict.get, after[0], right)))
    else:
        total = _repeated(total, after, right)
    if len(left) >= 2 and not left[-2] == left[-1] == _SKILL:
        total += pairs_left.get(f"{left[-2]} {left[-1]}", 0)
    if len(right) >= 2 and not right[0] == right[1] == _SKILL:
        total += pairs_right.get(f"{right[0]} {right[1]}", 0)
    # (the first words of a line, its headings: a word twice is rare, and counts once)
    total += sum(filter(None, map(firsts.get, set(first) if len(first) > 1 else first)))
    if not left:
        total += at_start
    if bullet:
        total += bulleted
    if heading:
        total += sum(filter(None, map(heads.get, set(heading))))
    if section:
        total += sum(filter(None, map(sections.get, set(section))))
    # (a score 700 above that of has would overflow exp: such a mention is not held)
    return total.real < 700 and total.imag < 700 and (
        math.exp(total.real) + math.exp(total.imag) <= 1 / model["has_threshold"] - 1)


def _held(model: dict, rows) -> tuple[list[float], bool]:
    """Each class's score (the intercept plus the weight ``rows``, summed in order) and
    whether the probability of ``has`` is at least the model's ``has_threshold``."""
    total = [sum(column) for column in zip(model["intercept"], *rows, strict=True)]
    has = model["classes"].index("has")
    top = max(total)
    return total, math.exp(total[has] - top) / sum(math.exp(t - top) for t in total) >= (
        model["has_threshold"])


def revise(text: str, found, decided: dict, cues=None, skills_only: bool = False) -> dict:
    """``decided`` (``{index: (status, cue)}`` of the mentions ``found`` that the rules
    do not hold) plus the held mentions the model reads otherwise; their cue is
    ``"model: "`` and the word of the feature that pulled most (``"model: week"``).
    With ``cues`` (the text's cue words), only the mentions :func:`in_reach` of one are
    read, and every other mention of a skill that the rules do not hold somewhere
    (``learning`` or ``negated``): a skill is held if any of its mentions is, so a mention
    that no cue word reaches ("Module 1: Kubernetes fundamentals" in a training plan that
    ends "Kenji has never worked with Kubernetes") must not hold a skill that the rules
    deny or find being learned without a reading of its own.

    With ``skills_only``, a mention is not read once another mention of its skill is known
    to be held: what is returned then gives each skill the same status (held if any
    mention is held, :func:`rolefit.skills._skill_status`), but not each mention (tested
    equal to reading every mention on two reviewers' sets and the status table)."""
    out = dict(decided)
    reach = None if cues is None else in_reach(text, found, cues)
    denied = {found[i][2] for i in not_held_at(decided)}  # (by the rules)
    if reach is not None and True not in reach and not denied:
        return out
    model = load()
    spans = [(s, e) for s, e, _ in found]
    lines: dict = {}
    # (skills_only) the skills with a mention known to be held: one that the rules hold, one
    # out of reach of a skill that the rules do not deny (none reads it), one that the model
    # has read as held
    held: set[str] = set()
    if skills_only:
        held = {found[i][2] for i, (status, _) in decided.items() if status == "has"}
        if reach is not None:
            held |= {k for i, (_, _, k) in enumerate(found)
                     if not reach[i] and i not in decided and k not in denied}

    def read(indices) -> None:
        line_start = previous = 0
        for i in indices:
            start, end, key = found[i]
            if i in out or key in held:
                continue
            # the mentions are in text order: look for a line break since the last one only
            line_start = max(line_start, text.rfind("\n", previous, start) + 1)
            previous = start
            parts = window(text, start, end, spans, lines, line_start)
            if _has(model, parts):  # (most are: the features are named only where not)
                if skills_only:
                    held.add(key)
                continue
            status, pull = predict(model, features(parts))
            if status != "has":
                out[i] = (status, f"{CUE}: {pull.partition(':')[2] or pull}")

    if reach is None:
        read(range(len(found)))
    else:
        read(compress(range(len(found)), reach))
        # the skills that the rules do not hold somewhere: their mentions out of reach too
        if denied := denied - held:
            read(i for i, reached in enumerate(reach) if not reached and found[i][2] in denied)
    return out


def not_held_at(decided: dict) -> list[int]:
    """The indices of ``decided`` (``{index: (status, cue)}``) whose status is not ``has``."""
    return [i for i, (status, _) in decided.items() if status != "has"]
