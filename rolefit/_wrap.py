"""Hard-wrapped prose, read as the sentences it holds.

Text pasted from a PDF, a plain-text resume or an e-mail is often wrapped at a fixed width,
so a line break can fall inside a sentence: "I haven't\\nused PyTorch", "no experience
with Spark, Kafka or\\nAirflow". The rules of :mod:`rolefit._negation` end a clause at a
line break, and the learned reader (:mod:`rolefit._statusmodel`) reads a mention's line;
both read such a break as the end of what the writer said. :func:`unwrap` gives them the
text with each break that continues a sentence replaced by a space, one character for
one, so every offset stays where it was (:mod:`rolefit.skills` asks only for the breaks
that a cue's reach can cross, around the lines that hold a cue word).

A break continues a sentence when the text is wrapped at a width (its longest line holds
at least :data:`_MIN_WIDTH` characters) and the break is one a wrapping tool makes: the
line before it is prose (at least :data:`_MIN_WORDS` words, no table cell, dotted leader,
tick box or column gap) that fills the width to within :data:`_SLACK` characters (30 % of
a narrower width) and does not end a sentence, a label or a clause (``.``, ``!``, ``?``,
``:``, ``;``); the next line is neither empty, a list item, a table row nor a label of its
own ("Skills: ..."); and the next line starts in lower case, or its first word would not
have fit on the line before (and its own line is full or ends its paragraph), or that
line ends with a comma or a word after which a
sentence goes on ("with", "and", "used", ...). A heading over a list ("Never
used\\nSpark, Airflow"), a list of one item per line, a form and a line ending in a full
stop keep their breaks.
"""

from __future__ import annotations

import re

__all__ = ["unwrap"]

_MIN_WORDS = 5
_MIN_WIDTH = 40
_SLACK = 20
_NEWLINE = re.compile("\n")
_ENDS = frozenset(".!?:;|\n")  # what ends a line that ends a sentence, label or clause
# what a table, a form or a list of aligned columns has in a line, and prose does not
# (with dotted leaders and a gap of two spaces or more inside it: _layout)
_LAYOUT = re.compile(r"[|\t☐☒☑✓✗✔✘❌✅⬜…\[\]]")
# what opens a line that goes on no sentence: a list item, a table row, a heading, an
# empty line, a label ("Skills:", "Interviewer:", "Never used:")
_NOT_PROSE = re.compile(
    r"[^\S\n]*(?:[-*•·▪►●◦>|#+]|\d{1,2}[.)]\s|[A-Za-z][.)]\s|$"
    r"|(?:[^\s:]+[^\S\n]+){0,3}[^\s:]+:(?:\s|$))"
)
# words after which a sentence goes on
_GOES_ON = frozenset(
    """a an the and or nor but with without of in on at to for from by as into onto about
    than like including via using used use uses touched tried learned learnt learning
    studying know known knew worked working done had have has having am is are was were be
    been being any some my our your his her their its this that these those
    very really also still yet only just both either neither i we you he she they who which
    what how whether if because while although though when where ever even e.g. i.e.
    dont don't didn't haven't hasn't hadn't isn't aren't wasn't weren't can't cannot won't
    couldn't wouldn't shouldn't""".split()
)


def unwrap(text: str, near=None, layout: str | None = None) -> str:
    """``text`` with each line break inside a wrapped sentence replaced by a space (a
    ``\\r\\n`` by two), so that the result has the same length and offsets.

    ``near``: the sorted offsets of the cue words, if only the breaks that a cue's reach
    can cross matter (:mod:`rolefit.skills` passes them): those before and after a line
    that holds one, and after the next line. ``layout``: the text as it was laid out, if
    ``text`` is not (:mod:`rolefit._mend` joins a word that a hyphen broke across two lines,
    and the line it makes is longer than the wrap): the width is read from it."""
    if "\n" not in text or near is not None and not near:
        return text
    if near is None:
        breaks = [m.start() for m in _NEWLINE.finditer(text)]
    else:  # the line breaks before and after each cue word's line, and after the next
        found: set[int] = set()
        line_end = -2  # the break after the last cue word's line (-1: the text's end)
        for pos in near:
            if line_end == -1 or pos <= line_end:
                continue  # on the same line: each line is looked around once (linear)
            around = _around(text, pos)
            found.update(around)
            line_end = around[1]
        found.discard(-1)
        breaks = sorted(found)
    joins = []
    width = 0  # the longest line's length, once a break may need it
    for n in breaks:
        k = n - 1
        while k >= 0 and text[k] in " \t\r":
            k -= 1
        if k < 0 or text[k] in _ENDS:
            continue  # a line that ends a sentence, a label or a clause, or an empty one
        if not width:
            width = max(map(len, (text if layout is None else layout).split("\n")))
        if width >= _MIN_WIDTH and _soft(text, n, width - min(_SLACK, width * 0.3), width):
            joins.append(n)
    if not joins:
        return text
    out = []
    done = 0
    for n in joins:  # (a "\r" before the break with it)
        cut = n - 1 if text[n - 1] == "\r" else n
        out += [text[done:cut], " " * (n + 1 - cut)]
        done = n + 1
    out.append(text[done:])
    return "".join(out)


def _around(text: str, pos: int) -> tuple[int, int, int]:
    """The line breaks before and after the line that holds ``pos``, and after the next
    line (-1 where there is none)."""
    after = text.find("\n", pos)
    return text.rfind("\n", 0, pos), after, -1 if after < 0 else text.find("\n", after + 1)


def _soft(text: str, n: int, full: float, width: int) -> bool:
    """Whether the line break at ``n`` is inside a wrapped sentence (see the module)."""
    start = text.rfind("\n", 0, n) + 1
    if n - start < full:
        return False  # a short line: the writer broke it
    line = text[start:n].rstrip()
    if len(line) < full or line.lstrip().count(" ") < _MIN_WORDS - 1:
        return False  # (its last character was looked at first); a heading
    end = text.find("\n", n + 1)
    after = text[n + 1 : len(text) if end < 0 else end]
    if _NOT_PROSE.match(after) or _layout(line) or _layout(first := after.strip()):
        return False  # a list item, a table row, a label or a heading next; a form, a table
    last = line.rsplit(None, 1)[-1]
    return (first[0].islower() or last.endswith((",", "(", "&", "/"))
            or last.lower() in _GOES_ON or _wrapped(text, line, first, end, full, width))


def _layout(line: str) -> bool:
    """Whether a line has what a table, a form or aligned columns have and prose does not."""
    return ".." in line or "  " in line.strip() or _LAYOUT.search(line) is not None


def _wrapped(text: str, line: str, first: str, end: int, full: float, width: int) -> bool:
    """Whether ``first``, the next line without its indent (it ends at ``end``, -1 for the
    text's end), opens with a word that was wrapped: it would not have fit on ``line``,
    the line before, and its own line is full too or the last of its paragraph (a
    sentence's end, an empty line or the text's end next), as a wrapping tool leaves them."""
    if len(line) + 1 + len(first.split(None, 1)[0]) <= width:
        return False
    own = first.rstrip()
    if len(own) >= full or own.endswith((".", "!", "?")) or end < 0:
        return True
    below = text.find("\n", end + 1)
    return not text[end + 1 : len(text) if below < 0 else below].strip()
