"""Find mentions of known terms in free text: the engine behind skill extraction.

Design
------
The search is done by ``ahocorasick_rs`` (Rust's ``aho-corasick`` crate), Python checks
the rules. Both automata scan a *view* of the case-folded text (:func:`_view`): one ASCII
byte per character, in which ``bytes.title`` has upper-cased every letter that follows a
non-letter. Each spelling is written the same way (:meth:`_Leaf.views`), so a spelling that
starts with a letter is found only where a word starts ("Python" in ``Python3`` or
``Python-based``, never the "r" in ``Docker``). Short spellings also list the character
that follows them, and spellings of several words the ways whitespace can start between
them, so every real match is a view occurrence, and byte offsets are character offsets.

1. One leftmost-longest scan gives the longest view at the leftmost position, then the
   next one after it. Most are settled from the bytes around them in the view: a
   case-insensitive spelling between two bytes that cannot be word characters needs no
   other check (:meth:`TermMatcher._fast_rule`), nor does a case-sensitive one whose
   neighbouring bytes no rule of its looks at, once its case is compared
   (:meth:`TermMatcher._exact_rule`); one glued to a word is rejected.
2. The others are checked with the spelling's own regular expression (its boundaries
   and case rules, below), compiled on first use; a view of first words and whitespace
   tries only the spellings whose next word follows. Where a check fails, the shorter
   views at the same place are tried, and where something could still start inside the
   stretch the scan skipped (or an accepted match ends elsewhere than its view), that
   stretch is scanned again with every overlapping view (:meth:`TermMatcher._rescan`),
   spellings longest first, so the result is the leftmost-longest set of valid matches.

The tests check the result against a brute-force scan that tries every spelling at every
position. Every text is scanned with a newline added at both ends, so the start and the
end of a text behave exactly like the start and the end of a line.
:meth:`TermMatcher.find_many` and :meth:`TermMatcher.keys_many` scan many texts per call:
the padded texts are joined with a NUL character between them (no term may contain one,
and no rule looks past the padding newline), so each text gets exactly the result it gets
alone, and the fixed cost per call is paid once per block of texts.

Matching rules
--------------
* Case: case-insensitive terms match any capitalisation; case-sensitive terms only their
  exact spelling.
* Whitespace inside a term matches any run of whitespace in the text (one exception:
  after a first word without ASCII characters, "🤗 transformers", a run that starts with
  non-ASCII whitespace is found only as one such character, or a space and one).
* A term must not be glued to a letter, digit or underscore on either side. A term that
  ends in punctuation (``C++``, ``C#``) may be followed by anything (``C++17``,
  ``C++/CUDA``); a case-insensitive term that ends in a letter may be followed by a version
  number (``Python3``, ``python3.11``); a case-sensitive term may not (``R2`` is not ``R``).
  Hyphen compounds are fine (``Python-based``), as is a possessive ``'s``.
* Short case-sensitive terms (one or two characters: ``R``, ``C``, ``Go``) are also
  rejected next to ``&``/``-`` and a letter (``R&D``, ``P&L``, ``R-squared``, ``C-suite``,
  ``go-to-market``), before an apostrophe and a letter other than the possessive ``'s``, and
  before ``.`` and a letter (``R.J.``).
* Case-sensitive terms that are also English verbs (``Go``, ``Excel``, ``React``,
  ``Express``, ``Spark``, ``Zoom``) are rejected before ``To`` in title case
  (``Go To Market``) and, at the start of a sentence (start of text or line, or after
  ``.!?:;)``, a dash or a bullet, each followed by whitespace), before a particle or
  determiner after whitespace or a hyphen (``Go to our site``, ``Excel at ...``, ``React
  to incidents``, ``Go-to``; not after a spaced dash: ``Spark - in progress`` is a note).
  ``Spark`` takes an object, so only ``into``, ``up`` and a determiner count after it
  (``Spark the conversation``; ``Spark on EMR: no`` names the tool).
* A term that starts with punctuation (``.NET``) may follow a word (``ASP.NET``) unless it
  then continues in lower case (``example.net``).
* The longest term wins at a position and matches never overlap (leftmost-longest). When
  two terms have the same spelling, case-sensitive ones win, then the earlier in the
  input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["TermMatcher"]

_WS = " "
_INSENSITIVE_END = r"(?![^\W\d]|\d++(?:\.\d++)*+\w)"  # a letter may take a version number
_STRICT_END = r"(?!\w)"
_SHORT_AFTER = r"(?![-&][^\W\d_]|['’](?![sS](?!\w))\w|\.[^\W\d_])"
_SHORT_BEFORE = r"(?<![^\W\d_][-&'’])"
_VERBS = frozenset({"go", "excel", "react", "express", "spark", "zoom"})
_PARTICLES = (
    "to|at|in|on|into|beyond|further|ahead|above|deeper|up|out|back|your|our|their|the|a|an"
)
# "spark" takes an object, not a place: "Spark on EMR", "Spark in production" name the tool
_OWN_PARTICLES = {"spark": "into|up|your|our|their|the|a|an"}
_SENTENCE_START = (
    r"(?:(?<=[\n\r])|(?<=[.!?:;•*)\-–—]\s)|(?<=[.!?]\s\s)"
    r"|(?<=[\n\r][-*•·]\s)|(?<=[\n\r][ \t][-*•·]\s)|(?<=[\n\r][ \t])|(?<=[\n\r][ \t][ \t]))"
)
_GLUED_LOWER = re.compile(r"(?!(?<=\w)[\s\S][a-z])")
# Every text is scanned as _PAD + text + _PAD, so its start and end look like the start
# and end of a line; find_many/keys_many put _SEP between padded texts. No term may contain
# _SEP, so no match crosses it, and no rule looks past a _PAD into a neighbouring text.
_PAD = "\n"
_SEP = "\x00"
_GLUE = _PAD + _SEP + _PAD
# find_many/keys_many scan texts in joined blocks of about this many characters.
_BLOCK_CHARS = 1 << 16
# What Python's \s matches in ASCII: a space in a view (see _view).
_SPACES = bytes(range(9, 14)) + bytes(range(28, 33))
_TO_VIEW = bytes.maketrans(_SPACES, b" " * len(_SPACES))
# How whitespace between two words of a spelling can start in a view, but " " + a word.
_GAPS = (b"  ", b"?", b" ?")
_SPACE_RUN = re.compile(r"\s*")
_NON_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or c == 95))
_DIGITS = b"0123456789"
# 1 for the bytes of a view that are surely not a word character (``?`` may stand for one).
_BOUNDARY = bytes(c in _NON_WORD and c != ord("?") for c in range(256))
# Where an exact-case spelling (TermMatcher._exact_rule) is found, what the byte after it
# settles: 1 no rule of its validator can reject it there, 2 one surely does, 0 unknown.
_WORD_BYTES = bytes(c < 128 and (chr(c).isalnum() or c == 95) for c in range(256))
_LETTERS = bytes(c < 128 and chr(c).isalpha() for c in range(256))
_AFTER = bytes(_BOUNDARY[c] or 2 * _WORD_BYTES[c] for c in range(256))
_AFTER_SHORT = bytes(0 if c in b"-&'." else _AFTER[c] for c in range(256))
# A short spelling found with "-", "&" or "." after it: what the byte after that settles;
# with "'" after it: the same, but 3 for an "s", after which _AFTER settles the next byte
# (R's is a possessive, R'sx and R'x are not R).
_AFTER_SHORT_MARK = bytes(2 if _LETTERS[c] else int(c != ord("?")) for c in range(256))
_AFTER_SHORT_APOSTROPHE = bytes(
    3 if c == ord("S") else 2 if _WORD_BYTES[c] else int(c != ord("?")) for c in range(256)
)
_BEFORE_SHORT = bytes(b and c not in b"-&'" for c, b in enumerate(_BOUNDARY))
# The same for the byte before a spelling that starts with a word character, after a
# case-insensitive spelling (a version number may follow it), and after one that ends in
# punctuation (no rule).
_BEFORE_WORD = _AFTER
_AFTER_INSENSITIVE = bytes(
    2 if _LETTERS[c] or c == 95 else int(_BOUNDARY[c] == 1) for c in range(256)
)
_ANY = bytes([1]) * 256
# A verb followed by whitespace or a hyphen may still be rejected where this matches the
# view after it: it finds every particle or "To" that its validator looks for (and more:
# the view has no case, and "?" may stand for whitespace).
_VERB_NEXT = re.compile(
    rb"(?:[ ?]+|-)(?:%s)(?![A-Za-z0-9_])"
    % "|".join(w.title() for w in _PARTICLES.split("|")).encode()
)
# Characters whose lower-case form is ASCII while they are not: where a text has neither,
# its view equals the view of its folded copy.
_FOLDS_TO_ASCII = ("\u0130", "\u212a")


def _check_text(text, name: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a string, got {type(text).__name__}")


def _fold(text: str) -> str:
    """Lower-case without changing the length (``İ`` is the only char whose lower() grows)."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    return text.lower()


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and _is_word(ch)


def _literal(surface: str) -> str:
    """Regex for a normalised surface: its characters, whitespace matching any run."""
    return r"\s++".join(re.escape(part) for part in surface.split(_WS))


def _view(folded: str) -> bytes:
    """What the automata scan: an ASCII copy of folded text, one byte per character.

    Characters beyond ASCII become ``?``, ASCII whitespace becomes a space, and
    ``bytes.title`` upper-cases every letter that follows a non-letter. Spellings are
    written the same way (:meth:`_Leaf.views`), so one that starts with a letter is only
    found at the start of a word.
    """
    return folded.encode("ascii", "replace").translate(_TO_VIEW).title()


def _tables(leaf) -> tuple[bytes, bytes]:
    """The ``before`` and ``after`` tables of a leaf with a ``fast_key`` (see
    :meth:`TermMatcher._fast_rule`)."""
    before = _BEFORE_WORD if _is_word(leaf.folded[0]) else _BOUNDARY
    after = {"": _ANY, _STRICT_END: _AFTER}.get(leaf.end, _AFTER_INSENSITIVE)
    return before, after


# What a "?" in a view may stand for that is surely no word character: "?" itself, and
# common whitespace and punctuation beyond ASCII.
_BREAKS = frozenset("?\u00a0\u2009\u202f\u3000’‘“”—–•…·")


def _settled(table: bytes, view: bytes, text: str, pos: int) -> bool:
    """Whether ``table`` says the rules of a fast leaf hold at the byte ``pos`` of
    ``view`` (1), or would if its "?" is a character of ``_BREAKS`` in ``text``."""
    value = table[view[pos]]
    return value == 1 or (value == 0 and view[pos] == 63 and text[pos] in _BREAKS)


_LATER = object()  # a rule not made yet


def _next_words(view: bytes, text: str, start: int, gap) -> tuple[int, list[bytes]]:
    """Where the run of whitespace after the first words of a gap view found at ``start``
    ends, and the next words of its leaves that the view holds there (``gap`` as
    :meth:`TermMatcher._chain` makes it; ``text`` is the text or its folded copy)."""
    size, _, by_length, firsts = gap
    at = _SPACE_RUN.match(text, start + size).end()
    if firsts is not None and (at == len(view) or view[at] not in firsts):
        return at, []  # (the common case: no leaf's next word starts with the byte there)
    return at, [word for n, words in by_length.items() if (word := view[at : at + n]) in words]


def _read_gap(rule, view: bytes, text: str, start: int):
    """What a gap view (``TermMatcher._gap_rule``) found at ``start`` settles: ``(stop,
    key)`` of the match there, ``(start, None)`` where nothing matches there, or None
    where :meth:`TermMatcher._check_at` must decide."""
    gap, heads, tail, prefix, pairs = rule
    if heads and view.startswith(heads, start + tail):
        return None
    at, found = _next_words(view, text, start, gap)
    if found:  # a leaf's next word follows: settle a pair of words alone
        if len(found) > 1 or pairs[found[0]] is None:
            return None
        key, before, after, longer = pairs[found[0]]
        stop = at + len(found[0])
        ok = _settled(before, view, text, start - 1) and _settled(after, view, text, stop)
        # the longer spellings, tried first, need whitespace after the second word
        return (stop, key) if ok and not (longer and text[stop].isspace()) else None
    # none of the view's leaves matches here: the shorter spelling tried next, if any
    if prefix is None:
        return start, None
    stop = start + prefix[0]
    if _settled(prefix[2], view, text, start - 1) and _settled(prefix[3], view, text, stop):
        return stop, prefix[1]
    return None


class _Lazy:
    """A regular expression compiled on its first ``match``: the rules of most skills never
    run in a process (a cold start compiled thousands of them)."""

    __slots__ = ("match", "pattern")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.match = self._first

    def _first(self, text: str, pos: int = 0) -> re.Match | None:
        self.match = re.compile(self.pattern).match  # later calls go straight to it
        return self.match(text, pos)


class _Item:
    __slots__ = ("case", "key", "order", "surface")

    def __init__(self, surface: str, key: str, case: bool, order: int):
        self.surface, self.key, self.case, self.order = surface, key, case, order

    @property
    def short(self) -> bool:
        return self.case and len(self.surface) <= 2

    def validator(self) -> re.Pattern | _Lazy | None:
        """Regex that must match at the start of a mention in the original text, or None."""
        s = self.surface
        if not self.case:
            return None if _is_word(s[0]) else _GLUED_LOWER
        parts = []
        if self.short:
            parts.append(_SHORT_BEFORE)
        if s.lower() in _VERBS:
            esc = re.escape(s)
            particles = _OWN_PARTICLES.get(s.lower(), _PARTICLES)
            parts.append(rf"(?!{_SENTENCE_START}{esc}(?:\s++|-)(?:{particles})(?!\w))")
        parts.append(_literal(s))
        if _is_word(s[-1]):
            parts.append(_STRICT_END)
        if self.short:
            parts.append(_SHORT_AFTER)
        if s.lower() in _VERBS:
            parts.append(r"(?![\s\-]++T[oO](?!\w))")
        return _Lazy("".join(parts))


class _Leaf:
    """Everything that shares one folded spelling, and the rules at its end."""

    __slots__ = ("case_only", "checked", "end", "exact", "fast_key", "folded", "plain", "rx")

    def __init__(self, folded: str, items: list[_Item]):
        self.folded = folded
        self.plain: str | None = None  # key of an unchecked (always valid) term
        self.checked: list[tuple[re.Pattern, str, bool]] = []
        first: dict[str, tuple[str, re.Pattern]] = {}  # spelling: its first key, validator
        # Case-sensitive terms first, then input order: that is the priority on a tie.
        for item in sorted(items, key=lambda it: (not it.case, it.order)):
            validator = item.validator()
            if validator is None:
                if self.plain is None:
                    self.plain = item.key
            else:
                self.checked.append((validator, item.key, validator is not _GLUED_LOWER))
                first.setdefault(item.surface, (item.key, validator))
        last = folded[-1]
        if not _is_word(last):
            self.end = ""
        elif any(not it.case for it in items) and last.isalpha():
            self.end = _INSENSITIVE_END
        else:
            self.end = _STRICT_END
        if all(it.short for it in items):
            # The left-hand rule as a look-behind over the (fixed-width) term itself.
            self.end += _SHORT_AFTER + r"(?<![^\W\d_][-&'’]" + re.escape(folded) + ")"
        # Only case-sensitive terms, starting with a word character: a validator that
        # matches after a boundary byte of the view settles it (see TermMatcher._check).
        self.case_only = self.plain is None and _is_word(folded[0])
        # Case-sensitive spellings of ASCII characters: the rules their validators hold can
        # mostly be read off the view around them (TermMatcher._exact_rule), which leaves
        # their case: {spelling: (key, validator) of the first term so spelled}.
        self.exact: dict[str, tuple[str, re.Pattern]] | None = None
        if self.case_only and all(it.case and it.surface.isascii() for it in items):
            self.exact = first
        self.rx: re.Pattern | None = None  # compiled on first use: most never occur
        self.fast_key = self._fast_key()

    def compile(self) -> re.Pattern:
        """Regex of this spelling alone (in folded text), with its boundaries."""
        head = r"\b" if _is_word(self.folded[0]) else ""
        self.rx = re.compile(head + _literal(self.folded) + self.end)
        return self.rx

    def views(self) -> list[bytes]:
        """Spellings of this leaf in a view (see :func:`_view`): every match is one of them.

        A short spelling that ends in a word character is listed once per character that
        may follow it, so that it is not found inside every word it starts. A spelling of
        several words is also listed as each of its first words followed by the ways a run of
        whitespace other than one ASCII character can start (``_GAPS``). Where those first
        words are all beyond ASCII ("🤗"), a gap that starts with other whitespace than
        ASCII is only found when it is one character, or a space and one character: the
        one place where the matcher finds less than the rules say.
        """
        folded = self.folded
        view = folded.encode("ascii", "replace").title()
        if len(folded) > 3 or not _is_ascii_word(folded[-1]):
            views = [view]
        else:
            after = _NON_WORD + (_DIGITS if self.end.startswith(_INSENSITIVE_END) else b"")
            views = [view + bytes([c]) for c in after]
        for i in (i for i, ch in enumerate(folded) if ch == _WS):
            head = view[:i]
            if head.strip(b"?"):
                views.extend(head + gap for gap in _GAPS)
            else:  # "??" would be found in any text of non-ASCII letters: add the next word
                after = view[i + 1 :].split(b" ")[0]
                views.extend([head + b"  ", head + b"?" + after, head + b" ?" + after])
        return views

    def _fast_key(self) -> str | None:
        """The key of its full view wherever a boundary byte precedes it and its end rule
        holds (``TermMatcher._fast_rule``), or None if its terms need more checks."""
        f = self.folded
        if not f.isascii() or "?" in f:
            return None
        if not self.checked:
            return self.plain if _is_word(f[0]) else None
        # ".NET": only the rule against "example.net", which a boundary byte before settles
        if all(validator is _GLUED_LOWER for validator, _, _ in self.checked):
            return self.checked[0][1]
        return None

    def resolve(self, text: str, start: int, end: int) -> str | None:
        """Key of the first term of this spelling valid at ``text[start:end]``, else None."""
        for validator, key, exact in self.checked:
            m = validator.match(text, start)
            if m is not None and (not exact or m.end() == end):
                return key
        return self.plain


class TermMatcher:
    """Find mentions of known terms in free text (longest-leftmost, non-overlapping).

    Parameters
    ----------
    terms : iterable of (str, str, bool)
        ``(surface, key, case_sensitive)`` triples. ``surface`` is one spelling of a term
        (``"PyTorch"``, ``"c++"``, ``"a/b testing"``, ``"R"``); ``key`` is the canonical
        id it maps to (several surfaces may share a key); ``case_sensitive`` restricts it
        to its exact capitalisation (for short or ambiguous names such as ``R``, ``Go``,
        ``Spark``, ``Excel``). Whitespace inside a surface matches any run of whitespace.
    side_keys : collection of str, optional
        Keys whose matches :meth:`find_parts` returns in a list of their own (a reader of
        skills may look for cue words in the same scan, as other keys).

    Raises
    ------
    TypeError
        If a term is not a ``(str, str, bool)`` triple, or ``side_keys`` is one string.
    ValueError
        If a surface is empty or only whitespace, or contains a NUL character.

    Notes
    -----
    The module docstring lists the matching rules and explains the design. Construction
    builds two automata (a few tenths of a second for thousands of surfaces); matching runs
    in time linear in the length of the text. A matcher's results never change once built:
    what it works out on first use (the expression of a spelling, the rule of a rare view)
    is the same whichever thread does it first, so threads may share it.

    Examples
    --------
    >>> m = TermMatcher([("C++", "cpp", False), ("CUDA", "cuda", False), ("R", "r", True)])
    >>> m.find("C++17/CUDA kernels; R&D in R.")
    [(0, 3, 'cpp'), (6, 10, 'cuda'), (27, 28, 'r')]
    >>> sorted(m.keys("c++ and cuda"))
    ['cpp', 'cuda']
    """

    def __init__(self, terms: Iterable[tuple[str, str, bool]], side_keys: Iterable[str] = ()):
        if isinstance(side_keys, str):
            raise TypeError("side_keys must be a collection of keys, not one string")
        self._side = frozenset(side_keys)
        by_folded: dict[str, list[_Item]] = {}
        seen: set[tuple[str, str, bool]] = set()
        for term in terms:
            if not (isinstance(term, tuple | list) and len(term) == 3):
                raise TypeError(
                    f"a term must be a (surface, key, case_sensitive) triple: {term!r}"
                )
            surface, key, case = term
            if not isinstance(surface, str) or not isinstance(key, str):
                raise TypeError(f"surface and key must be strings: {term!r}")
            norm = _WS.join(surface.split())
            if not norm:
                raise ValueError(f"empty surface for key {key!r}")
            if _SEP in norm:
                raise ValueError(f"surface {surface!r} of key {key!r} contains a NUL character")
            ident = (norm, key, bool(case))
            if ident not in seen:
                seen.add(ident)
                by_folded.setdefault(_fold(norm), []).append(_Item(*ident, len(seen)))
        self._n_terms = len(seen)
        # Longest spelling first: sorting candidates by (start, leaf index) then tries the
        # longest spelling at each position first.
        self._leaves = [
            _Leaf(folded, by_folded[folded])
            for folded in sorted(by_folded, key=lambda f: (-len(f), f))
        ]
        by_view: dict[bytes, list[int]] = {}
        for i, leaf in enumerate(self._leaves):
            for view in leaf.views():
                by_view.setdefault(view, []).append(i)
        views = list(by_view)
        self._views = views
        self._leaves_of = [tuple(by_view[v]) for v in views]  # longest first
        self._index = {v: p for p, v in enumerate(views)}
        self._chains: dict[int, tuple[tuple[int, ...], bool]] = {}
        self._longest = self._all = None
        self._longest_view = max(map(len, views), default=0)
        # Views that start with a byte other than a letter or digit (".Net", "? Transformers").
        heads = {v[0] for v in views if v[:1] in _NON_WORD}
        self._heads = bytes(c in heads for c in range(256))
        self._head_views = tuple(v for v in views if v[0] in heads)
        self._finals: dict[int, bool] = {}
        self._fast = [self._fast_rule(p) for p in range(len(views))]
        self._exact = [self._exact_rule(p) for p in range(len(views))]
        # the rules of views of first words and a gap are made on first use (see _gap_rule)
        self._gaps = [_LATER if v.endswith(_GAPS) else None for v in views]
        if views:
            from ahocorasick_rs import BytesAhoCorasick, MatchKind

            self._longest = BytesAhoCorasick(views, matchkind=MatchKind.LeftmostLongest)
            self._all = BytesAhoCorasick(views)

    def _final(self, p: int, heads: tuple[bytes, ...]) -> bool:
        """Whether view ``p`` has one leaf and nothing else to try where it fails, given
        that none of ``heads`` (the views starting with its last byte) starts there.
        Found on first use for the views of fast leaves (most are never rejected)."""
        final = self._finals.get(p)
        if final is None:
            chain, closed, gap, inner_heads = self._chains.get(p) or self._chain(p)
            checked = (len(self._views[p]) - 1,) if heads else ()
            final = len(chain) == 1 and closed and gap is None and inner_heads == checked
            self._finals[p] = final
        return final

    def _fast_rule(self, p: int):
        """For view ``p`` whose longest leaf has a ``fast_key``: ``(key, trim, before,
        after, heads, side)``, else None; ``side`` is whether ``key`` is a side key.

        Where the view is found at ``start`` and ends at ``end``, ``before[view[start -
        1]]`` and ``after[view[end - trim]]`` are 1 where the leaf's rules hold, 2 where
        they surely fail (glued to a word), 0 where :meth:`_check_at` must look; where
        they fail, a view that is :meth:`_final` has nothing else to try. ``heads`` are
        the views that may start at its last byte, where :meth:`_check_at` would scan
        again.
        """
        view, ids = self._views[p], self._leaves_of[p]
        leaf = self._leaves[ids[0]]  # the longest: tried first
        key = leaf.fast_key
        full = leaf.folded.encode("ascii", "replace").title()
        if key is None or not view.startswith(full):
            return None
        trim = len(view) - len(full)
        if trim > 1 or (trim and not _BOUNDARY[view[-1]]):
            return None
        heads = self._heads_at_end(view) if trim else ()
        before, after = _tables(leaf)
        return key, trim, before, after, heads, key in self._side

    def _exact_rule(self, p: int):
        """For view ``p`` of exact-case spellings only (``_Leaf.exact``): ``(spellings,
        size, back, before, after, verb, final, heads)``, else None.

        Where the view is found at ``start`` and ends at ``end``, the byte before it is a
        boundary, so its validators are tried on the text (:meth:`_check`), and each
        rule they hold but the case looks at a byte that the view shows as it is (an
        ASCII byte), or at "?". Then ``spellings.get(text[start:start + size])`` is the
        key and validator of the spelling there, if the case is right;
        ``after[view[end - back]]`` is 1 where no rule can reject the match there, 2
        where one surely does; ``before[view[start - 1]]`` is true where no rule on the
        left can; a verb is never taken where ``_VERB_NEXT`` finds a particle after it;
        elsewhere the validator decides. ``heads`` are the views that may start at the
        view's last byte, where :meth:`_check_at` would scan again. Where the spelling
        is rejected, a ``final`` view has nothing else to try.
        """
        view, ids = self._views[p], self._leaves_of[p]
        leaf = self._leaves[ids[0]]
        if len(ids) > 1 or leaf.exact is None or not _is_word(leaf.folded[-1]):
            return None
        full = leaf.folded.encode("ascii").title()
        back = len(view) - len(full)
        if not view.startswith(full) or back > 1:
            return None
        heads = self._heads_at_end(view) if back else ()
        short = len(leaf.folded) <= 2  # as _Item.short: every spelling is case-sensitive
        before, after = (_BEFORE_SHORT, _AFTER_SHORT) if short else (_BOUNDARY, _AFTER)
        if back:
            mark = view[-1]
            if short and mark in b"-&.":  # R&D, C-suite, R.J.: read the byte after it
                back, after = 0, _AFTER_SHORT_MARK
            elif short and mark == ord("'"):  # R's, but not R'x
                back, after = 0, _AFTER_SHORT_APOSTROPHE
            elif after[mark] != 1:
                return None
        verb = leaf.folded in _VERBS
        # a spelling of several words is found in other whitespace too: never rejected here
        final = _WS not in leaf.folded and self._final(p, heads)
        return leaf.exact, len(full), back, before, after, verb, final, heads

    def _gap_rule(self, p: int):
        """For view ``p`` of first words and a gap (``_GAPS``): ``(gap, heads, tail,
        prefix, pairs)``, else None; ``gap`` as :meth:`_chain` makes it.

        Where none of the next words of the view's leaves follows the run of whitespace
        after its first words (:func:`_next_words`; also where no whitespace follows),
        none of them can match there (see :meth:`_after_gap`). Then, unless one of
        ``heads`` starts at the view's last byte, ``tail`` bytes in (see
        :meth:`_check_at`), the match is nothing, or, where a shorter spelling is tried
        next, ``prefix``: its ``(length, key, before, after)`` as in :meth:`_fast_rule`
        ("Ollama" before a no-break space, where the view of "ollama server" and its gap
        was found). Where exactly one next word follows and its entry in ``pairs`` is not
        None, that spelling of two words is settled the same way ("Google" and "Cloud"
        across a run of whitespace). See :func:`_read_gap`.
        """
        view = self._views[p]
        if not view.endswith(_GAPS):
            return None
        chain, closed, gap, inner_heads = self._chains.get(p) or self._chain(p)
        if gap is None or not closed or inner_heads not in ((), (len(view) - 1,)):
            return None
        prefix = None  # the first of the shorter spellings tried next, if it has a fast_key
        if len(chain) > gap[1]:
            leaf = self._leaves[chain[gap[1]]]
            if leaf.fast_key is None:
                return None
            prefix = (len(leaf.folded), leaf.fast_key, *_tables(leaf))
        pairs = {word: self._pair(ids) for words in gap[2].values() for word, ids in words.items()}
        heads = self._heads_at_end(view) if inner_heads else ()
        return gap, heads, len(view) - 1, prefix, pairs

    def _heads_at_end(self, view: bytes) -> tuple[bytes, ...]:
        """The views that start with the last byte of ``view`` (where, found there, they
        make :meth:`_check_at` scan again)."""
        return tuple(h for h in self._head_views if h[0] == view[-1])

    def _pair(self, ids: list[int]):
        """``(key, before, after, longer)`` if one of the leaves ``ids`` (which share a
        next word) has two words and a ``fast_key`` and the others more words, else
        None: where its second word follows the gap, the bytes around settle it, and
        where ``longer`` those leaves too, when no whitespace follows it (see
        :func:`_read_gap`)."""
        leaves = [self._leaves[i] for i in ids]
        pairs = [leaf for leaf in leaves if leaf.folded.count(_WS) == 1]
        if len(pairs) != 1 or pairs[0].fast_key is None:
            return None
        return (pairs[0].fast_key, *_tables(pairs[0]), len(leaves) > 1)

    def __repr__(self) -> str:
        return f"TermMatcher({self._n_terms} terms, {len(self._leaves)} spellings)"

    # -- matching -------------------------------------------------------------------------

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Return every mention as ``(start, end, key)``, sorted by ``start``.

        ``text[start:end]`` is the matched substring of ``text`` (a trailing version number,
        possessive or sentence-final dot is not part of it).

        Parameters
        ----------
        text : str

        Returns
        -------
        list of tuple of (int, int, str)
        """
        _check_text(text, "text")
        return self._matches(f"{_PAD}{text}{_PAD}", len(_PAD))

    def find_parts(self, text: str):
        """Return :meth:`find` of ``text`` as two lists: the matches of other keys, and
        those of ``side_keys``.

        Parameters
        ----------
        text : str

        Returns
        -------
        tuple of (list of tuple of (int, int, str), list of tuple of (int, int, str))

        Examples
        --------
        >>> m = TermMatcher([("Spark", "spark", True), ("no", "no", False)], side_keys={"no"})
        >>> m.find_parts("no Spark")
        ([(3, 8, 'spark')], [(0, 2, 'no')])
        """
        _check_text(text, "text")
        side: list[tuple[int, int, str]] = []
        return self._matches(f"{_PAD}{text}{_PAD}", len(_PAD), side), side

    def keys(self, text: str) -> set[str]:
        """Return the set of keys mentioned in ``text``.

        Equal to ``{key for _, _, key in self.find(text)}``.

        Parameters
        ----------
        text : str

        Returns
        -------
        set of str
        """
        _check_text(text, "text")
        return {key for _, _, key in self._matches(f"{_PAD}{text}{_PAD}")}

    def find_many(self, texts: Iterable[str]) -> list[list[tuple[int, int, str]]]:
        """Return :meth:`find` of each text, scanning many texts per pass.

        The texts are joined (in blocks of about ``_BLOCK_CHARS`` characters) with a
        separator that no term can match across and that every rule sees exactly as the
        start or end of a text, so the result equals ``[self.find(t) for t in texts]``
        (tested), at the throughput of one long text.

        Parameters
        ----------
        texts : iterable of str

        Returns
        -------
        list of list of tuple of (int, int, str)
        """
        out: list[list[tuple[int, int, str]]] = []
        for joined, bounds in self._blocks(texts):
            found: list[list[tuple[int, int, str]]] = [[] for _ in bounds]
            doc = 0
            offset, end = 1, bounds[0]
            for start, stop, key in self._matches(joined):
                while start >= end:
                    doc += 1
                    offset, end = end + len(_GLUE), bounds[doc]
                found[doc].append((start - offset, stop - offset, key))
            out.extend(found)
        return out

    def keys_many(self, texts: Iterable[str]) -> list[set[str]]:
        """Return :meth:`keys` of each text, scanning many texts per pass (see find_many).

        Parameters
        ----------
        texts : iterable of str

        Returns
        -------
        list of set of str
        """
        out: list[set[str]] = []
        for joined, bounds in self._blocks(texts):
            found: list[set[str]] = [set() for _ in bounds]
            doc, end = 0, bounds[0]
            for start, _, key in self._matches(joined):
                while start >= end:
                    doc += 1
                    end = bounds[doc]
                found[doc].add(key)
            out.extend(found)
        return out

    def _blocks(self, texts: Iterable[str]):
        """Yield ``(joined, bounds)``: padded texts glued together, and where each ends.

        ``joined`` is ``PAD + t0 + PAD + SEP + PAD + t1 + ... + PAD``; ``bounds[i]`` is the
        index just past text ``i`` in ``joined``.
        """
        if isinstance(texts, str):
            raise TypeError("texts must be an iterable of strings, not one string")
        block: list[str] = []
        size = 0
        for i, text in enumerate(texts):
            _check_text(text, f"texts[{i}]")
            block.append(text)
            size += len(text) + len(_GLUE)
            if size >= _BLOCK_CHARS:
                yield self._join(block)
                block, size = [], 0
        if block:
            yield self._join(block)

    @staticmethod
    def _join(block: list[str]) -> tuple[str, list[int]]:
        bounds = []
        end = 1 - len(_GLUE)
        for text in block:
            end += len(_GLUE) + len(text)
            bounds.append(end)
        return f"{_PAD}{_GLUE.join(block)}{_PAD}", bounds

    def _matches(self, padded: str, shift: int = 0, side=None) -> list[tuple[int, int, str]]:
        """Every match in a padded text (or block of texts), ``shift`` before its coordinates;
        those of side keys go to the list ``side`` if one is given.

        The leftmost-longest matches of the views are taken as they are when their leaf
        needs no check and boundary bytes surround them (the common case), or when they
        are an exact-case spelling whose surrounding bytes no rule looks at
        (:meth:`_exact_rule`) and that is there in its case; otherwise the leaf is checked,
        and where a check fails or a match hides part of the text, the hidden stretch is
        scanned again with every overlapping view (:meth:`_rescan`).
        """
        if self._longest is None:
            return []
        folded = None  # the case-folded text, made when a check first needs it
        if _FOLDS_TO_ASCII[0] in padded or _FOLDS_TO_ASCII[1] in padded:
            folded = _fold(padded)
            view = _view(folded)
        else:  # the same view, without folding the text first
            view = _view(padded)
        fast, exact, gaps = self._fast, self._exact, self._gaps
        boundary = _BOUNDARY
        out: list[tuple[int, int, str]] = []
        append = out.append
        sides = self._side
        put_side = append if side is None else side.append
        last = 0
        for p, start, end in self._longest.find_matches_as_indexes(view):
            if start < last:
                if end > last:
                    if folded is None:
                        folded = _fold(padded)
                    last = self._rescan(view, folded, padded, last, end, out, shift, side)
                continue
            rule = fast[p]
            if rule is not None:
                key, cut, before, after, heads, aside = rule
                stop = end - cut
                x, y = before[view[start - 1]], after[view[stop]]
                if heads and view.startswith(heads, stop):
                    pass  # checked below
                elif x == y == 1 or (
                    x != 2
                    and y != 2
                    and _settled(before, view, padded, start - 1)
                    and _settled(after, view, padded, stop)
                ):
                    (put_side if aside else append)((start - shift, stop - shift, key))
                    last = stop
                    continue
                elif (x == 2 or y == 2) and self._final(p, heads):
                    continue  # glued to a word, and nothing else to try there
            elif (rule := exact[p]) is not None:
                if boundary[view[start - 1]]:
                    spellings, size, back, before, after, verb, final, heads = rule
                    stop = start + size
                    if not heads or not view.startswith(heads, stop):
                        spelled = spellings.get(padded[start:stop])
                        settled = after[view[end - back]]
                        if settled == 3:  # "'s" after a short name: the byte after that
                            settled = _AFTER[view[end + 1]]
                        if spelled is None or settled == 2:
                            if final:
                                continue  # rejected, and nothing else to try there
                        elif (
                            settled
                            and before[view[start - 1]]
                            and not (verb and _VERB_NEXT.match(view, stop))
                        ) or spelled[1].match(padded, start):  # else its validator decides
                            key = spelled[0]
                            (put_side if key in sides else append)(
                                (start - shift, stop - shift, key)
                            )
                            last = stop
                            continue
                        elif final:
                            continue
            elif (rule := gaps[p]) is not None:
                if rule is _LATER:
                    rule = gaps[p] = self._gap_rule(p)
                if rule is not None and (read := _read_gap(rule, view, padded, start)):
                    stop, key = read
                    if key is not None:
                        (put_side if key in sides else append)((start - shift, stop - shift, key))
                        last = stop
                    continue
            if folded is None:
                folded = _fold(padded)
            last = self._check_at(p, view, folded, padded, start, end, out, shift, last, side)
        return out

    def _check_at(self, p, view, folded, padded, start, end, out, shift, last, side) -> int:
        """Check the leaves of view ``p`` found at ``start`` (and the shorter views there),
        add what matches to ``out`` (or ``side``, see :meth:`_matches`) and return the new
        end of the last match."""
        chain, closed, gap, inner_heads = self._chains.get(p) or self._chain(p)
        if gap is not None:
            chain = self._after_gap(view, folded, start, chain, gap)
        leaves = self._leaves
        for index in chain:
            found = self._check(leaves[index], folded, padded, view, start)
            if found is not None:
                last = self._put(found, out, side, shift)
                # a view may start in the stretch the match leaves hidden ("Spark ?" found
                # as "Spark" hides "? Transformers")
                if last < end and any(map(self._heads.__getitem__, view[last:end])):
                    last = self._rescan(view, folded, padded, last, end, out, shift, side)
                return last
        if not closed or any(
            view.startswith(head, start + k) for k in inner_heads for head in self._head_views
        ):
            last = self._rescan(view, folded, padded, start, end, out, shift, side)
        return last

    def _put(self, found: tuple[int, int, str], out: list, side: list | None, shift: int) -> int:
        """Add a checked match ``(start, end, key)``, ``shift`` before its coordinates, to
        ``out``, or to ``side`` for a side key (see :meth:`_matches`); return its end."""
        start, end, key = found
        (side if side is not None and key in self._side else out).append(
            (start - shift, end - shift, key)
        )
        return end

    def _chain(self, p: int):
        """The leaves to try where view ``p`` is the longest found, if that is all, and gap.

        When no view can start inside view ``p`` (no upper-case letter or digit after its
        first byte, and no view that starts with punctuation or ``?`` found at such a byte,
        whose offsets are ``inner_heads``), the only other candidates are the views that
        are its prefixes, so their leaves follow its own, longest first, and no rescan is
        needed.
        When ``p`` is the first words of its leaves followed by whitespace (``_GAPS``),
        ``gap`` is the length of those words, the number of its own leaves and these by
        their next word, by its length (see :meth:`_after_gap`), and the first bytes of
        those words, else None.
        """
        view = self._views[p]
        closed = not any(65 <= c <= 90 or 48 <= c <= 57 for c in view[1:])
        inner_heads = tuple(k for k in range(1, len(view)) if self._heads[view[k]])
        own = self._leaves_of[p]
        chain = own
        if closed:
            for n in range(len(view) - 1, 0, -1):
                q = self._index.get(view[:n])
                if q is not None:
                    chain += self._leaves_of[q]
        size = len(view) - (2 if view.endswith((b"  ", b" ?")) else 1)
        fulls = [self._leaves[i].folded.encode("ascii", "replace").title() for i in own]
        gap = None
        if view.endswith(_GAPS) and all(
            f[:size] == view[:size]
            and f[size : size + 1] == b" "
            and f[size + 1 : size + 2] != b"?"
            for f in fulls
        ):
            by_length: dict[int, dict[bytes, list[int]]] = {}
            for i, f in zip(own, fulls, strict=True):
                word = f[size + 1 :].split(b" ")[0]
                by_length.setdefault(len(word), {}).setdefault(word, []).append(i)
            firsts = None  # (an empty next word could follow anything)
            if 0 not in by_length:
                firsts = frozenset(w[0] for words in by_length.values() for w in words)
            gap = size, len(own), by_length, firsts
        self._chains[p] = chain, closed, gap, inner_heads
        return chain, closed, gap, inner_heads

    def _own(self, p: int, view: bytes, folded: str, start: int) -> tuple[int, ...]:
        """The leaves of view ``p`` found at ``start``, but those ruled out by their gap."""
        gap = (self._chains.get(p) or self._chain(p))[2]
        own = self._leaves_of[p]
        return own if gap is None else self._after_gap(view, folded, start, own, gap)

    @staticmethod
    def _after_gap(
        view: bytes, folded: str, start: int, chain: tuple[int, ...], gap
    ) -> tuple[int, ...]:
        """``chain`` without the leaves whose next word is not the one after the whitespace."""
        _, n_own, by_length, _ = gap
        found = _next_words(view, folded, start, gap)[1]
        kept = sorted(i for word in found for i in by_length[len(word)][word])  # longest first
        return (*kept, *chain[n_own:])  # the leaves of shorter prefixes follow

    @staticmethod
    def _check(leaf: _Leaf, folded: str, padded: str, view: bytes, start: int):
        """``(start, end, key)`` if ``leaf`` matches at ``start``, else None."""
        if leaf.case_only and _BOUNDARY[view[start - 1]]:
            for validator, key, _ in leaf.checked:
                m = validator.match(padded, start)
                if m is not None:
                    return start, m.end(), key
            return None
        m = (leaf.rx or leaf.compile()).match(folded, start)
        if m is None:
            return None
        end = m.end()
        key = leaf.resolve(padded, start, end) if leaf.checked else leaf.plain
        return None if key is None else (start, end, key)

    def _rescan(
        self, view: bytes, folded: str, padded: str, lo: int, hi: int, out, shift: int, side
    ) -> int:
        """Add the matches that start in ``[lo, hi)``, trying every view found there,
        ``shift`` before their coordinates (to ``out``, or ``side``: see :meth:`_matches`).

        Returns the end of the last match added, or ``lo``.
        """
        window = view[lo : hi + self._longest_view]
        found = self._all.find_matches_as_indexes(window, overlapping=True)
        candidates = sorted(
            (lo + start, index)
            for p, start, _ in found
            if start < hi - lo
            for index in self._own(p, view, folded, lo + start)
        )
        last = lo
        for start, index in candidates:
            if start >= last:
                found = self._check(self._leaves[index], folded, padded, view, start)
                if found is not None:
                    last = self._put(found, out, side, shift)
        return last
