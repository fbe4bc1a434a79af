"""Lower-case (and upper-case) names of case-sensitive skills, accepted inside skill lists.

In prose, case tells a technology from a word: ``Spark`` but not "sparked", ``Excel`` but
not "excel at", ``Go`` but not "go to market". Inside a *list* of skills the same word
is a name whatever its case, so ``"Skills: python, spark, excel, r"`` gives all four.

How. A second matcher looks for the other-case spellings (``spark``, ``SPARK``, ``r``,
``go``, ...) of the case-sensitive terms only; on most texts it finds few or none, and then
nothing more is done. Each spelling it finds is kept when it stands in a list-like
context, and is one of that list's items:

* **labelled list**: the line reads ``Label: items`` (or ``Label - items``) and the
  label names skills (``Skills``, ``Tech stack``, ``Tools``, ``Languages``, ...);
* **separated list**: its sentence splits on ``,`` ``;`` ``|`` ``•`` (and ``and``/``or``)
  into at least three short items, or two around ``|`` or ``;``, and another item is a
  skill found the usual way (so "rest, relax and go home" stays prose), or each of at
  least three items is one such spelling and nothing else ("spark, excel, r");
* **bullet list**: its line is a short bullet item and another line of the same run of
  bullet items holds a skill found the usual way, or the run stands under a heading that
  names skills ("Skills", "Tech stack:"; at most four words; up to two empty lines
  between them), or the item and at least two other items of the run are each one such
  spelling and nothing else ("- spark" / "- excel" / "- go");
* **names after a verb of use**: two items, the first a name right after "use",
  "know", "worked with", "proficient in", ... and the second a name, found the usual way
  or other-case ("i use spark and excel daily", "worked with react or angular"); or one
  name, the whole object of such a verb: the clause ends after it, or a word of how
  often or how well follows ("i use excel every day", "never used spark, never used
  hadoop", "know swift well");
* a **skill-list item** (:func:`rolefit.score` on a list) is always list context.

The item itself must be short (at most three words besides bracketed notes), must not go
on with a word that makes the name a verb (``go to``, ``excel at``, ``react to``), and a
one-letter name (``r``, ``c``) must be the whole item. In other prose nothing changes:
"excel and go further", "I use excel and go home" and "I use spring water" find nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

__all__ = ["list_mentions", "variant_terms"]

_LABEL = re.compile(
    r"[^\S\n]*(?:[-*•·▪►●◦]\s*)?(?P<label>[A-Za-z][A-Za-z /&+,()-]{0,48}?)"
    r"(?:\s*[:：]|[^\S\n]+[-–—])[^\S\n]*",
)
_SKILL_LABEL = re.compile(
    r"skill|stack|tool|technolog|tech\b|language|framework|librar|competenc|proficien"
    r"|expertise|platform|software|database|cloud|program|environment|keyword|package"
    r"|devops|infrastructure|data|ml\b|ai\b|analytics|visuali[sz]ation|familiar|experience"
    r"|knowledge|learning|\bos\b|systems|services|methods",
    re.I,
)
_SEP = re.compile(r"\s*(?:[,;|•·▪/]|\band\b|\bor\b|&)\s*", re.I)
_STRONG_SEP = re.compile(r"[|;]")
# a bullet: also the marks a PDF of a word processor's list copies as characters of the
# Private Use Area (U+F0B7 for "•" in the Symbol font, U+F0A7, U+F0D8 in Wingdings, ...)
_BULLET = re.compile(r"[^\S\n]*(?:[-*•·▪►●◦➢➤■□○✓✔\ue000-\uf8ff]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_ITEM_WORD = re.compile(r"[^\W_][\w'’+#.-]*")
# A word after the name that makes it a verb or a common noun in a phrase.
_VERB_NEXT = frozenset(
    """to at in on into beyond further ahead above deeper up out back your our their the
    a an with for of from about through over down off away home live""".split()
)
_MAX_ITEM_WORDS = 3


def variant_terms(terms: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """``(spelling, skill_id, True)`` for the other-case spellings of the case-sensitive
    ``terms`` (``spark``, ``SPARK`` for ``Spark``) that are no term's own spelling;
    ``terms`` are ``(surface, skill_id, case_sensitive)`` as the text matcher takes them."""
    taken = {surface for surface, _, _ in terms}
    taken_folded = {surface.lower() for surface, _, case in terms if not case}
    variants = []
    for surface, key, case in terms:
        if not case:
            continue
        for form in {surface.lower(), surface.upper(), surface.title()}:
            if form not in taken and form.lower() not in taken_folded:
                taken.add(form)
                variants.append((form, key, True))
    return variants


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _items(segment: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each item of ``segment``, as offsets in the text."""
    out, pos = [], 0
    for m in _SEP.finditer(segment):
        out.append((offset + pos, offset + m.start()))
        pos = m.end()
    out.append((offset + pos, offset + len(segment)))
    return [(s, e) for s, e in out if e > s]


def _short(text: str, start: int, end: int) -> bool:
    return len(_ITEM_WORD.findall(_NOTE.sub(" ", text[start:end]))) <= _MAX_ITEM_WORDS


def _holds(items: list[tuple[int, int]], holds, skip: int) -> bool:
    """Whether an item other than ``items[skip]`` holds a mention found the usual way
    (``holds(start, end)`` tells for one stretch of the text)."""
    return any(holds(s, e) for k, (s, e) in enumerate(items) if k != skip)


class _Found:
    """``holds`` from the mentions of the whole text found the usual way (sorted), and
    the spans of those and of the other-case spellings by where they start and end
    (made when first asked for)."""

    def __init__(self, found: list[tuple[int, int, str]], names=frozenset()):
        self.found, self.names = found, names
        self.starts = [s for s, _, _ in found]

    def __call__(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end

    @cached_property
    def _spans(self) -> list[tuple[int, int]]:
        return [*((s, e) for s, e, _ in self.found), *self.names]

    @cached_property
    def by_start(self) -> dict[int, int]:
        return dict(self._spans)

    @cached_property
    def by_end(self) -> dict[int, int]:
        return {e: s for s, e in self._spans}


# A verb of use or knowledge right before the first of two names: "i use spark and excel",
# "worked with react or angular"
_USE_VERB = re.compile(
    r"(?:^|\s)(?:use[sd]?|using|know[sn]?|knew|(?:work(?:ed|ing|s)?|experience|familiar"
    r"|comfortable)\s+with|(?:proficient|skilled|fluent|experienced|expert)\s+(?:in|with)"
    r"|(?:program|programming|code|coding)\s+in)\s+\Z",
    re.I,
)


def _used_pair(text: str, items: list[tuple[int, int]], found: _Found) -> bool:
    """Whether two items are two names, the first after a verb of use (:data:`_USE_VERB`):
    "i use spark and excel daily" (but not "I use excel and go home" nor "using Postman and
    Rest Assured": every other-case spelling must be an item of its own, :func:`_item_ok`,
    and not the start of a longer name)."""
    (s0, e0), (s1, e1) = items
    last = s0 + len(text[s0:e0].rstrip(" \t\"'*"))
    first = s1 + len(text[s1:e1]) - len(text[s1:e1].lstrip(" \t\"'*"))
    a, b = found.by_end.get(last), found.by_start.get(first)
    if a is None or b is None or not _USE_VERB.search(text[s0:a]):
        return False
    return all(_item_ok(text, item, x, y) and not _NAMED_ON.match(text, y, item[1])
               for item, (x, y) in (((s0, e0), (a, last)), ((s1, e1), (first, b)))
               if (x, y) in found.names)


# what may end the object of a verb of use: "i use excel every day", "know spark well"
_USE_END = re.compile(
    r"[^\S\n]*(?:[.,;:!?)]|\n|\Z|(?:daily|every\s+day|at\s+work|regularly|a\s+lot|well|too"
    r"|as\s+well|for\s+years)\b)",
    re.I,
)


def _used_alone(text: str, lo: int, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` is the whole object of a verb of use (its
    sentence starts at ``lo``): "i use excel every day", "never used spark, never used
    hadoop", "comfortable with excel, including pivot tables" (not "use spring water")."""
    return _USE_VERB.search(text, max(lo, start - 40), start) is not None and (
        _USE_END.match(text, end) is not None)


# a capitalised word right after a spelling makes it part of a longer name ("Rest Assured")
_NAMED_ON = re.compile(r"[^\S\n]+[A-Z]")


def _item_ok(text: str, item: tuple[int, int], start: int, end: int) -> bool:
    """The name is one short item, not a verb phrase, and a lone letter stands alone."""
    s, e = item
    if not _short(text, s, e):
        return False
    after = _ITEM_WORD.findall(_NOTE.sub(" ", text[end:e]))
    if after and after[0].lower().rstrip(".") in _VERB_NEXT:  # ("go home.")
        return False
    if end - start == 1:
        rest = _NOTE.sub("", text[s:e]).strip(" \t\"'*.")
        if rest != text[start:end] or text[end : end + 1] == ")":
            return False
    return True


def _all_names(text: str, items: list[tuple[int, int]], names: set[tuple[int, int]]) -> bool:
    """Whether every item is exactly one of the other-case spellings ``names`` ("spark,
    excel, r": a list of names and nothing else)."""
    for s, e in items:
        item = text[s:e]
        lead = len(item) - len(item.lstrip(" \t\"'*"))
        if (s + lead, s + len(item.rstrip(" \t\"'*"))) not in names:
            return False
    return True


def _in_list(text: str, start: int, end: int, holds, names=frozenset()) -> bool:
    line_start, line_end = _line_bounds(text, start, end)
    # the sentence (within the line, after its bullet: "2. spark") that holds the name
    lead = _BULLET.match(text, line_start, line_end)
    seg_start = lead.end() if lead else line_start
    for m in _SENTENCE_END.finditer(text, seg_start, start):
        seg_start = m.end()
    m = _SENTENCE_END.search(text, end, line_end)
    seg_end = m.start() if m else line_end
    if _used_alone(text, seg_start, start, end):
        return True
    label = _LABEL.match(text, seg_start, seg_end)
    if label and label.end() <= start and _SKILL_LABEL.search(label.group("label")):
        items = _items(text[label.end() : seg_end], label.end())
        return _item_ok(text, _item_at(items, start), start, end)
    bullet = lead if lead and lead.end() == seg_start else _BULLET.match(text, seg_start, seg_end)
    body_start = bullet.end() if bullet else seg_start
    segment = text[body_start:seg_end]
    items = _items(segment, body_start)
    here = _item_at(items, start)
    if not _item_ok(text, here, start, end):
        return False
    # (a separator that ends the segment joins nothing: "R/Shell Scripting0 ;")
    strong = _STRONG_SEP.search(segment.rstrip(" \t|;")) is not None
    if len(items) == 2 and _used_pair(text, items, holds):
        return True
    if (len(items) >= 3 or (strong and len(items) >= 2)) and all(
        _short(text, s, e) or k == 0 for k, (s, e) in enumerate(items)
    ):
        return _holds(items, holds, items.index(here)) or (
            len(items) >= 3 and _all_names(text, items, names)
        )
    if bullet and len(items) == 1:
        return _bullet_neighbour(text, line_start, line_end, holds) or (
            _all_names(text, items, names) and _name_run(text, line_start, line_end, names)
        )
    return False


def _item_at(items: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for item in items:
        if item[0] <= pos < item[1]:
            return item
    return items[-1]


def _lines_up(text: str, line_start: int):
    """``(start, end)`` of the lines above the one starting at ``line_start``, nearest
    first, at most ``_RUN`` of them."""
    pos = line_start
    for _ in range(_RUN):
        if pos == 0:
            return
        prev = text.rfind("\n", 0, pos - 1) + 1
        yield prev, pos - 1
        pos = prev


def _lines_down(text: str, line_end: int):
    """``(start, end)`` of the lines below the one ending at ``line_end``, nearest first,
    at most ``_RUN`` of them."""
    pos = line_end
    for _ in range(_RUN):
        if pos >= len(text):
            return
        nxt = text.find("\n", pos + 1)
        nxt = len(text) if nxt < 0 else nxt
        yield pos + 1, nxt
        pos = nxt


def _bullet_neighbour(text: str, line_start: int, line_end: int, holds) -> bool:
    """Another short item of the same run of bullet lines (at most ``_RUN`` lines either
    way) holds a mention found the usual way, or the run stands under a heading that names
    skills (a short line just above it: "Skills", "Tech stack:")."""
    for start, end in _lines_up(text, line_start):  # to the line above the run
        found = _bullet_item(text, start, end, holds)
        if found is False:
            if _skill_heading(_heading_line(text, start, end)):
                return True
            break
        if found:
            return True
    for start, end in _lines_down(text, line_end):
        found = _bullet_item(text, start, end, holds)
        if found is not None:
            return found
    return False


def _name_run(text: str, line_start: int, line_end: int, names) -> bool:
    """Whether at least two other lines of the same run of bullet lines (at most ``_RUN``
    lines either way) are each one other-case spelling and nothing else: "- spark" /
    "- excel" / "- go", a list of names as "spark, excel, r" is one."""
    count = 0
    for lines in (_lines_up(text, line_start), _lines_down(text, line_end)):
        for start, end in lines:
            named = _bullet_name(text, start, end, names)
            if named is None:
                break
            count += named
            if count >= 2:
                return True
    return False


def _bullet_name(text: str, start: int, end: int, names) -> bool | None:
    """None if the line is no short bullet item (the run ends), else whether its item is
    one other-case spelling and nothing else."""
    item = _short_item(text, start, end)
    return None if item is None else _all_names(text, [(item, end)], names)


def _heading_line(text: str, start: int, end: int) -> str:
    """The line ``text[start:end]``, or, if it is empty, the line above it that is not,
    within :data:`_BLANKS` empty lines (a heading may stand over an empty line)."""
    for _ in range(_BLANKS):
        if text[start:end].strip() or not start:
            break
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
    return text[start:end]


_BLANKS = 2


def _skill_heading(line: str) -> bool:
    """Whether ``line`` is a heading that names skills: at most :data:`_HEADING_WORDS`
    words, a skill label's word (``Skills``, ``Tools``, ...) among them, ending in a colon
    or nothing."""
    words = line.strip().rstrip(":：").split()
    return (0 < len(words) <= _HEADING_WORDS and not line.rstrip().endswith((".", ","))
            and _SKILL_LABEL.search(" ".join(words)) is not None)


_HEADING_WORDS = 4


def _short_item(text: str, start: int, end: int) -> int | None:
    """Where the item of the line ``text[start:end]`` starts, if the line is a short bullet
    item, else None."""
    bullet = _BULLET.match(text, start, end)
    return bullet.end() if bullet is not None and _short(text, bullet.end(), end) else None


def _bullet_item(text: str, start: int, end: int, holds) -> bool | None:
    """True if the line is a short bullet item with a mention, None if it is a short bullet
    item without one (look further), False if it is not a short bullet item (stop)."""
    if _short_item(text, start, end) is None:
        return False
    return True if holds(start, end) else None


_RUN = 8


def list_mentions(
    text: str,
    found: list[tuple[int, int, str]],
    candidates: list[tuple[int, int, str]],
    *,
    whole_item: bool = False,
) -> list[tuple[int, int, str]]:
    """Mentions of other-case spellings that stand in a list, not overlapping ``found``.

    ``found`` are the usual matcher's mentions of ``text`` and ``candidates`` the
    other-case spellings in it (:func:`variant_terms`), both ``(start, end, skill_id)``
    sorted by start. With ``whole_item`` the text is itself a skill-list item: every
    spelling that is not part of a verb phrase is kept.
    """
    if not candidates:
        return []
    names = {(s, e) for s, e, _ in candidates}
    holds = _Found(found, names)
    out = []
    for start, end, key in candidates:
        if whole_item:
            items = _items(text, 0)
            keep = _item_ok(text, _item_at(items, start), start, end)
        else:
            keep = _in_list(text, start, end, holds, names)
        if keep and not _overlaps(start, end, found):
            out.append((start, end, key))
    return out


def _overlaps(start: int, end: int, found) -> bool:
    """Whether a mention found the usual way covers part of ``text[start:end]``."""
    i = bisect_left(found, (end,)) - 1
    return i >= 0 and found[i][1] > start
