"""Words that typesetting broke: text copied out of a PDF or a typeset page, mended.

A resume typeset with hyphenation (LaTeX's default) and copied out of its PDF, or a
posting wrapped by a tool that breaks lines after a hyphen, holds words that no skill name
matches: "Kuber-\\nnetes", "Tensor-\\nFlow", "Py\\u00adthon" (a soft hyphen), "ﬂask" (a
ligature character). :func:`mend` gives the matcher and the reading rules the words as
they were written:

* a soft hyphen (U+00AD) is removed, and the hyphen (U+2010) and non-breaking hyphen
  (U+2011) of a font or a word processor are written ``-`` ("fine\u2011tuning");
* a ligature character (U+FB00 to U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) is written as its letters;
* a word broken at a line end (a letter or digit, a hyphen ``-``, U+2010 or a soft
  hyphen, spaces or tabs, a line break, spaces or tabs, then a letter) is written whole,
  and the line goes on after it (a line break inside a word is inside a sentence). The
  hyphen stays where it belongs to a compound that a wrapper broke after it: where the
  words around it, hyphen kept, name a skill that ends at it, starts after it or spans it
  (``find``, the skill matcher: "Python-\\nbased", "large-\\nlanguage models"), or where
  the pair is one of ``keeps`` (the pairs of words of the hyphenated skill names, cue
  wordings and words the rules read: "problem-\\nsolving", "hands-\\non"); unless the
  hyphen was a soft one or the word joined is one of ``joins`` (the one-word names of
  skills and the cue words: "Kuber-\\nnetes", "learn-\\ning"). Any other word is joined
  without it, as a typesetter's hyphenation ("experi-\\nence", "genera-\\ntive AI",
  "engineer-\\ning").

:func:`mend_map` also gives, for each character of the mended text, where it came from,
so that a mention found in it is reported at its place in the text as given.
A text with none of these (most) is returned as it is, after a look that costs one or two
microseconds per kilobyte (1-2 % of reading it).
"""

from __future__ import annotations

import re
from collections.abc import Container

__all__ = ["hyphen_pairs", "mend", "mend_map"]

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
              "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_SOFT = "\xad"
_WORD = re.compile(r"[^\W_]+")
# what is mended: a break after the usual hyphen (an expression that starts with one
# character is looked for at the speed of a string search); a break after another
# hyphen, a soft hyphen, a ligature, another hyphen (all outside ASCII: looked for only
# where there is one)
_HYPHEN_BREAK = re.compile(r"-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_OTHER = re.compile(
    r"[\u2010\xad][ \t]*\r?\n[ \t]*(?=[^\W\d_])|\xad|[\ufb00-\ufb06]|[\u2010\u2011]")


def _others(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_OTHER`."""
    return not text.isascii() and (
        _SOFT in text or "\u2010" in text or "\u2011" in text or "\ufb01" in text
        or "\ufb02" in text or "\ufb00" in text or "\ufb03" in text or "\ufb04" in text
        or "\ufb05" in text or "\ufb06" in text)


def _stretches(text: str) -> list[re.Match]:
    """What there may be to mend in ``text``, in order (most texts: nothing, after a search
    for a hyphen before a line break and, in a text not all ASCII, a look for each mark)."""
    found = list(_HYPHEN_BREAK.finditer(text))
    if _others(text):
        found = sorted([*found, *_OTHER.finditer(text)], key=re.Match.start)
    return found


def _edits(text: str, found, joins: Container[str], keeps: Container[str], find):
    """``(start, end, replacement)`` for each stretch of ``text`` to mend, in order, from
    ``found`` (:func:`_stretches`)."""
    for m in found:
        start, end = m.span()
        char = text[start]
        if char in _LIGATURES:
            yield start, end, _LIGATURES[char]
        elif end - start == 1:  # inside a line: a soft hyphen, or another hyphen as "-"
            yield start, end, "" if char == _SOFT else "-"
        elif start and text[start - 1].isalnum():
            k = start
            while k and text[k - 1].isalnum():
                k -= 1
            first, second = text[k:start].lower(), _WORD.match(text, end).group().lower()
            if char != _SOFT and first + second not in joins and (
                    f"{first}-{second}" in keeps
                    or find is not None and _named(text, k, start, end, find)):
                yield start, end, char
            else:
                yield start, end, ""
        elif char == _SOFT:  # a soft hyphen that ends a line after no word: removed
            yield start, start + 1, ""


_REACH = 60  # characters of context each side of a broken compound that find reads


def _named(text: str, k: int, start: int, end: int, find) -> bool:
    """Whether ``find`` names something at the hyphen of the compound broken at
    ``text[start:end]`` (its first word starts at ``k``): in the compound with its hyphen,
    and up to :data:`_REACH` characters each side (to a space), a name that ends at the
    hyphen, starts after it or spans it."""
    lo = text.rfind(" ", 0, max(0, k - _REACH)) + 1
    hi = text.find(" ", end + _REACH)
    segment = text[lo:start + 1] + text[end:len(text) if hi < 0 else hi]
    hyphen = start - lo
    return any(e >= hyphen and s <= hyphen + 1 for s, e, *_ in find(segment))


_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def hyphen_pairs(wording: str):
    """Each pair of words joined by a hyphen in ``wording`` ("end-to-end": "end-to",
    "to-end")."""
    for compound in _COMPOUND.findall(wording):
        parts = compound.split("-")
        yield from (f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))


def mend(text: str, joins: Container[str] = (), keeps: Container[str] = (),
         find=None) -> str:
    """``text`` with its soft hyphens removed, ligatures written out and words broken at
    a line end written whole (module docstring); ``text`` itself if there is none.
    ``find(segment)`` gives the ``(start, end, ...)`` of each name in ``segment``."""
    found = _stretches(text)
    if not found:
        return text
    return _apply(text, found, joins, keeps, find, None)


def mend_map(text: str, joins: Container[str] = (), keeps: Container[str] = (),
             find=None) -> tuple[str, list[int] | None]:
    """:func:`mend` of ``text`` and, if it differs, the position in ``text`` of each of its
    characters (one more entry for its end: ``len(text)``); None if it is ``text``."""
    found = _stretches(text)
    if not found:
        return text, None
    where: list[int] = []
    out = _apply(text, found, joins, keeps, find, where)
    if out == text and len(where) == len(text):
        return text, None
    where.append(len(text))
    return out, where


def _apply(text: str, found, joins: Container[str], keeps: Container[str], find,
           where: list[int] | None) -> str:
    pieces: list[str] = []
    at = 0
    for start, end, replacement in _edits(text, found, joins, keeps, find):
        pieces += (text[at:start], replacement)
        if where is not None:  # (a ligature's letters all come from it)
            where.extend(range(at, start))
            where.extend([start] * len(replacement))
        at = end
    pieces.append(text[at:])
    if where is not None:
        where.extend(range(at, len(text)))
    return "".join(pieces)
