"""Find mentions of known terms in free text: the engine behind skill extraction.

Design
------
All terms are compiled into **one regular expression over the case-folded text**, written
as a prefix trie (``pytorch|python`` becomes ``py(?:torch(...)|thon(...))``) whose leaves
end with the boundary look-arounds of their terms; the pattern starts with ``\\b`` (terms
that begin with punctuation, like ``.NET``, have their own branch). CPython's C regex engine
does the scanning; Python code runs once per *match*, never once per character.

Because matching runs on folded text, the regex cannot see capitalisation: leaves of
case-sensitive terms (and of terms that start with punctuation) are *checked* in Python
against the original text when they match. A failed check falls back to the longest shorter
term at the same place, then the scan resumes, so the result is exactly the leftmost-longest
set of valid matches.

Every text is scanned with a newline added at both ends, so the start and the end of a text
behave exactly like the start and the end of a line.

Texts of at least ``_PREFILTER_MIN_CHARS`` characters first go through a vectorised
(numpy) filter, :class:`_Prefilter`: it cuts the folded text into runs of ASCII letters or
digits and keeps the positions where the first run (and, for terms of several runs, the
second) could be a term's, a superset of the real starts (about 1.5x the number of
matches on job-posting text). The regex is then tried only there, in one C-level ``map``
of ``Pattern.match``, and Python code walks the matches to drop overlaps. Both paths give
identical results (tested); ``keys`` on a short text uses ``findall`` when no leaf needs
checking.

:meth:`TermMatcher.find_many` and :meth:`TermMatcher.keys_many` scan many texts per pass:
the padded texts are joined with a NUL character between them (no term may contain one,
and no rule looks past the padding newline), so each text gets exactly the result it gets
alone, while numpy's fixed cost per call is paid once per block of about
``_BLOCK_CHARS`` characters instead of once per text.

Measured on 11.3 MB of the benchmark corpus of job postings (``benchmarks/bench_extract.py``,
5.5k surfaces) through ``keys_many``, one core, best of several runs on a shared machine:
folding 4 ms/MB, the prefilter 11 ms/MB, the regex at the candidates 9-11 ms/MB (about
0.45 us per candidate), getting the matched strings, spans and keys 5 ms/MB, the Python
walk over the matches and the per-text sets 6 ms/MB: about 36 ms/MB, 28 MB/s. One posting
(about 2.8k characters) per call pays ~40 us of NumPy fixed cost, which is why short
texts (below the threshold) skip the prefilter and why the batch methods are faster.

Design history, with what was measured:

* trie regex + ``finditer`` over the whole text (what short texts still use): ~720
  instructions per character (``valgrind --tool=cachegrind``), about 12 MB/s;
* ``[^\\w]`` (consume the separator) instead of ``\\b``: -13 % on the scan, rejected for the
  glue cases it gets wrong (``C++CUDA``);
* the trie over the original text with case classes (``[pP][yY]``) or ``(?i:...)``: 2-4x
  slower (``re`` only skips a branch cheaply when it starts with a plain literal);
* one small regex per first run, chosen in Python at each candidate: no faster than the one
  big regex (the Python dispatch costs what the smaller regex saves);
* the prefilter as first written (a 2^18-entry table, one gather per byte of the
  signature, and every character beyond Latin-1 a candidate because one term starts with an
  emoji): 300k candidates and 156-159 ms on those 11.3 MB; now (2^20 entries, the first
  four bytes of every run in one gather through a 4-byte view with a 1-byte stride,
  classes by ``bytes.translate``, the few terms that do not start with a run found by
  substring search) 218k candidates and 134-135 ms, and 62 instead of 68 us per 2.8 KB
  posting when called per text.

Matching rules
--------------
* Case: case-insensitive terms match any capitalisation; case-sensitive terms only their
  exact spelling.
* Whitespace inside a term matches any run of whitespace in the text.
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
  determiner (``Go to our site``, ``Excel at ...``, ``React to incidents``).
* A term that starts with punctuation (``.NET``) may follow a word (``ASP.NET``) unless it
  then continues in lower case (``example.net``).
* The longest term wins at a position and matches never overlap (leftmost-longest). When
  two terms have the same spelling, case-sensitive ones win, then the earlier in the
  input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import repeat

__all__ = ["TermMatcher"]

_WS = " "
# Order of alternatives in the trie: frequent letters first (CPython tries a branch's
# alternatives in order, so this shortens the average scan).
_FREQ = "etaoinsrhldcumfpgwybvkxjqz0123456789"
_RANK = {ch: i for i, ch in enumerate(_FREQ)}

_INSENSITIVE_END = r"(?![^\W\d]|\d++(?:\.\d++)*+\w)"  # a letter may take a version number
_STRICT_END = r"(?!\w)"
_SHORT_AFTER = r"(?![-&][^\W\d_]|['’](?![sS](?!\w))\w|\.[^\W\d_])"
_SHORT_BEFORE = r"(?<![^\W\d_][-&'’])"
_VERBS = frozenset({"go", "excel", "react", "express", "spark", "zoom"})
_PARTICLES = (
    "to|at|in|on|into|beyond|further|ahead|above|deeper|up|out|back|your|our|their|the|a|an"
)
_SENTENCE_START = (
    r"(?:(?<=[\n\r])|(?<=[.!?:;•*)\-–—]\s)|(?<=[.!?]\s\s)"
    r"|(?<=[\n\r][-*•·]\s)|(?<=[\n\r][ \t][-*•·]\s)|(?<=[\n\r][ \t])|(?<=[\n\r][ \t][ \t]))"
)
_GLUED_LOWER = re.compile(r"(?!(?<=\w)[\s\S][a-z])")
_CACHE_LIMIT = 100_000
# Texts at least this long go through the vectorised candidate filter (see _Prefilter).
_PREFILTER_MIN_CHARS = 1_200
# Every text is scanned as _PAD + text + _PAD, so its start and end look like the start
# and end of a line; find_many/keys_many put _SEP between padded texts. No term may contain
# _SEP, so no match crosses it, and no rule looks past a _PAD into a neighbouring text.
_PAD = "\n"
_SEP = "\x00"
_GLUE = _PAD + _SEP + _PAD
# find_many/keys_many scan texts in joined blocks of about this many characters.
_BLOCK_CHARS = 1 << 16
# The prefilter's candidates are matched this many at a time.
_MATCH_SLICE = 4096
_RUN = re.compile(r"[a-z]+|[0-9]+")
_GROUP = re.Match.group
_SPAN = re.Match.span


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


def _literal(surface: str) -> str:
    """Regex for a normalised surface: its characters, whitespace matching any run."""
    return r"\s++".join(re.escape(part) for part in surface.split(_WS))


class _Item:
    __slots__ = ("case", "key", "order", "surface")

    def __init__(self, surface: str, key: str, case: bool, order: int):
        self.surface, self.key, self.case, self.order = surface, key, case, order

    @property
    def short(self) -> bool:
        return self.case and len(self.surface) <= 2

    def validator(self) -> re.Pattern | None:
        """Regex that must match at the start of a mention in the original text, or None."""
        s = self.surface
        if not self.case:
            return None if _is_word(s[0]) else _GLUED_LOWER
        parts = []
        if self.short:
            parts.append(_SHORT_BEFORE)
        if s.lower() in _VERBS:
            esc = re.escape(s)
            parts.append(rf"(?!{_SENTENCE_START}{esc}[\s\-]++(?:{_PARTICLES})(?!\w))")
        parts.append(_literal(s))
        if _is_word(s[-1]):
            parts.append(_STRICT_END)
        if self.short:
            parts.append(_SHORT_AFTER)
        if s.lower() in _VERBS:
            parts.append(r"(?![\s\-]++T[oO](?!\w))")
        return re.compile("".join(parts))


class _Leaf:
    """Everything that ends at one trie leaf (one folded spelling)."""

    __slots__ = ("checked", "end", "folded", "plain", "prefixes", "short", "_rx")

    def __init__(self, folded: str):
        self.folded = folded
        self.plain: str | None = None  # key of an unchecked (always valid) term
        self.checked: list[tuple[re.Pattern | None, str, bool]] = []
        self.prefixes: list[_Leaf] = []  # shorter leaves on the same trie path, longest first
        self.end = ""
        self.short = False
        self._rx: re.Pattern | None = None

    def rx(self) -> re.Pattern:
        """Regex that matches this leaf alone (folded text), with its end conditions."""
        if self._rx is None:
            head = r"\b" if _is_word(self.folded[0]) else ""
            self._rx = re.compile(head + _literal(self.folded) + self.end)
        return self._rx

    def resolve(self, text: str, start: int, end: int) -> str | None:
        """Key of the first term of this leaf valid at ``text[start:end]``, else None."""
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

    Raises
    ------
    TypeError
        If a term is not a ``(str, str, bool)`` triple.
    ValueError
        If a surface is empty or only whitespace.

    Notes
    -----
    The module docstring lists the matching rules and explains the design. Construction
    compiles one large regular expression (a few tenths of a second for thousands of
    surfaces); matching runs in time linear in the length of the text.

    Examples
    --------
    >>> m = TermMatcher([("C++", "cpp", False), ("CUDA", "cuda", False), ("R", "r", True)])
    >>> m.find("C++17/CUDA kernels; R&D in R.")
    [(0, 3, 'cpp'), (6, 10, 'cuda'), (27, 28, 'r')]
    >>> sorted(m.keys("c++ and cuda"))
    ['cpp', 'cuda']
    """

    def __init__(self, terms: Iterable[tuple[str, str, bool]]):
        items: list[_Item] = []
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
                items.append(_Item(norm, key, bool(case), len(items)))
        self._n_terms = len(items)
        self._leaves = self._group(items)
        self._regex = re.compile(self._pattern())
        self._lut: dict[str, str | _Leaf] = {}
        self._reset_lut()
        self._prefilter: _Prefilter | None = None
        self._checked = any(leaf.checked for leaf in self._leaves.values())
        self._prefilter_min_chars = _PREFILTER_MIN_CHARS

    def __repr__(self) -> str:
        return f"TermMatcher({self._n_terms} terms, {len(self._leaves)} spellings)"

    # -- construction ---------------------------------------------------------------------

    @staticmethod
    def _group(items: list[_Item]) -> dict[str, _Leaf]:
        leaves: dict[str, _Leaf] = {}
        # Case-sensitive terms first, then input order: that is the priority on a tie.
        for item in sorted(items, key=lambda it: (not it.case, it.order)):
            folded = _fold(item.surface)
            leaf = leaves.get(folded)
            if leaf is None:
                leaf = leaves[folded] = _Leaf(folded)
            validator = item.validator()
            if validator is None:
                if leaf.plain is None:
                    leaf.plain = item.key
            else:
                leaf.checked.append((validator, item.key, validator is not _GLUED_LOWER))
        by_folded: dict[str, list[_Item]] = {}
        for item in items:
            by_folded.setdefault(_fold(item.surface), []).append(item)
        for leaf in leaves.values():
            items_here = by_folded[leaf.folded]
            last = leaf.folded[-1]
            if not _is_word(last):
                leaf.end = ""
            elif any(not it.case for it in items_here) and last.isalpha():
                leaf.end = _INSENSITIVE_END
            else:
                leaf.end = _STRICT_END
            if all(it.short for it in items_here):
                # The left-hand rule as a look-behind over the (fixed-width) term itself.
                leaf.short = True
                leaf.end += _SHORT_AFTER + r"(?<![^\W\d_][-&'’]" + re.escape(leaf.folded) + ")"
        return leaves

    def _pattern(self) -> str:
        trie: dict = {}
        for folded, leaf in self._leaves.items():
            node = trie
            for ch in folded:
                node = node.setdefault(ch, {})
            node[""] = leaf
        # Record, for every leaf, the shorter leaves on its path (fallback candidates).
        stack: list[tuple[dict, list[_Leaf]]] = [(trie, [])]
        while stack:
            node, above = stack.pop()
            leaf = node.get("")
            if leaf is not None:
                leaf.prefixes = above[::-1]
                above = [*above, leaf]
            stack.extend((child, above) for ch, child in node.items() if ch != "")
        word = {ch: sub for ch, sub in trie.items() if _is_word(ch)}
        punct = {ch: sub for ch, sub in trie.items() if ch and not _is_word(ch)}
        alts = []
        if word:
            alts.append(r"\b" + self._emit(word))
        if punct:
            alts.append(self._emit(punct))
        return "|".join(alts) if alts else r"(?!)"

    def _emit(self, node: dict) -> str:
        alts = []
        for ch in sorted((c for c in node if c != ""), key=lambda c: (_RANK.get(c, 99), c)):
            # Follow single-child chains in a loop: recursion only at branching nodes.
            chain = []
            child = node[ch]
            while True:
                chain.append(r"\s++" if ch == _WS else re.escape(ch))
                if len(child) != 1 or "" in child:
                    break
                ((ch, child),) = child.items()
            alts.append("".join(chain) + self._emit(child))
        leaf = node.get("")
        if leaf is not None:
            alts.append(leaf.end)
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    def _reset_lut(self) -> None:
        self._lut = {
            folded: (leaf if leaf.checked else leaf.plain) for folded, leaf in self._leaves.items()
        }

    def _lookup(self, matched: str) -> str | _Leaf:
        """Leaf (or plain key) for a matched folded string with arbitrary whitespace runs."""
        value = self._lut.get(_WS.join(matched.split()))
        if value is None:  # pragma: no cover - every match is a leaf's spelling
            raise AssertionError(f"matched text {matched!r} is not a known spelling")
        if len(self._lut) > _CACHE_LIMIT:
            self._reset_lut()
        self._lut[matched] = value
        return value

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
        return [(s - 1, e - 1, k) for s, e, k in self._matches(_PAD + text + _PAD)]

    def keys(self, text: str) -> set[str]:
        """Return the set of keys mentioned in ``text``.

        Equal to ``{key for _, _, key in self.find(text)}``, computed without building
        match objects when no case-sensitive term needs checking.

        Parameters
        ----------
        text : str

        Returns
        -------
        set of str
        """
        _check_text(text, "text")
        return self._keys(_PAD + text + _PAD)

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
        return _PAD + _GLUE.join(block) + _PAD, bounds

    def _matches(self, padded: str) -> list[tuple[int, int, str]]:
        """Every match in a padded text (or block of texts), in its coordinates."""
        folded = _fold(padded)
        if len(padded) >= self._prefilter_min_chars:
            return self._scan_candidates(padded, folded)
        return self._scan(padded, folded)

    def _keys(self, padded: str) -> set[str]:
        if len(padded) >= self._prefilter_min_chars or self._checked:
            return {key for _, _, key in self._matches(padded)}
        folded = _fold(padded)
        lut = self._lut
        found: set[str] = set()
        for matched in set(self._regex.findall(folded)):
            value = lut.get(matched)
            if value is None:
                value = self._lookup(matched)
            if value.__class__ is not str:
                return {key for _, _, key in self._scan(padded, folded)}
            found.add(value)
        return found

    def _settle(
        self, leaf: _Leaf, text: str, folded: str, start: int, end: int
    ) -> tuple[int, str] | None:
        """Check a matched leaf; on failure try the shorter leaves on its path."""
        key = leaf.resolve(text, start, end)
        if key is not None:
            return end, key
        for shorter in leaf.prefixes:
            m = shorter.rx().match(folded, start)
            if m is not None:
                key = shorter.resolve(text, start, m.end())
                if key is not None:
                    return m.end(), key
        return None

    def _scan(self, text: str, folded: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest scan with ``finditer`` (resumes after a failed check)."""
        regex = self._regex
        lut = self._lut
        out: list[tuple[int, int, str]] = []
        append = out.append
        pos = 0
        while True:
            for m in regex.finditer(folded, pos):
                value = lut.get(m.group())
                if value is None:
                    value = self._lookup(m.group())
                if value.__class__ is str:
                    append((*m.span(), value))
                    continue
                start, end = m.span()
                settled = self._settle(value, text, folded, start, end)
                if settled is None:
                    pos = start + 1
                    break
                append((start, *settled))
                if settled[0] != end:
                    pos = settled[0]
                    break
            else:
                return out

    def _scan_candidates(self, text: str, folded: str) -> list[tuple[int, int, str]]:
        """Same result as :meth:`_scan`, trying the regex only where a match can start.

        The regex is tried at every candidate in one C-level ``map``, candidates inside an
        earlier match included; Python then walks the matches only, to drop those overlaps
        and check case-sensitive leaves.
        """
        if self._prefilter is None:
            self._prefilter = _Prefilter(self._leaves)
        starts = self._prefilter.candidates(folded)
        match = self._regex.match
        lut_get = self._lut.get
        out: list[tuple[int, int, str]] = []
        append = out.append
        last = 0
        # Slices of candidates, so that few match objects are alive at once (a long text
        # would otherwise keep millions, and the garbage collector would walk them).
        for lo in range(0, len(starts), _MATCH_SLICE):
            part = starts[lo : lo + _MATCH_SLICE]
            found = list(filter(None, map(match, repeat(folded, len(part)), part)))
            groups = list(map(_GROUP, found))
            values = map(lut_get, groups)
            for (start, end), value, group in zip(map(_SPAN, found), values, groups, strict=True):
                if start < last:
                    continue
                if value is None:
                    value = self._lookup(group)
                if value.__class__ is str:
                    last = end
                    append((start, end, value))
                    continue
                settled = self._settle(value, text, folded, start, end)
                if settled is not None:
                    last = settled[0]
                    append((start, *settled))
        return out


# Class of each Latin-1 byte for the prefilter: 1 for a-z, 2 for 0-9, 0 for anything else
# (folded text has no A-Z; characters beyond Latin-1 are encoded as "?").
_CLASS = bytes(1 if 97 <= b <= 122 else 2 if 48 <= b <= 57 else 0 for b in range(256))
_MASK64 = (1 << 64) - 1
_MUL = 0x9E3779B97F4A7C15
_MUL2 = 0x2545F4914F6CDD1D
_BITS = 20


def _signature(run: str) -> int:
    """Length, first four and last byte of an ASCII run (see _Prefilter)."""
    b = run.encode("ascii")
    first = int.from_bytes(b[:4], "little")
    return (len(b) << 40) | (b[-1] << 32) | first


def _slot(sig: int) -> int:
    return ((sig * _MUL) & _MASK64) >> (64 - _BITS)


def _pair_slot(first: int, second: int) -> int:
    return _slot(((first * _MUL2) & _MASK64) ^ second)


class _Prefilter:
    """Vectorised search (numpy) for the positions where a match can start.

    The folded text is cut into *runs* of ASCII letters or of ASCII digits. A term that
    starts with an ASCII letter or digit can only match where its first run equals a run of
    the text, and a term of two or more runs also needs its second run to be the text's
    next run. Runs are compared through a signature (length, first four and last
    characters) hashed into a bit table, so the filter can only err on the side of a false
    candidate, which the regex then rejects. The few other terms (``.net``, a leading
    emoji) are found by plain substring search for their beginning: up to their first run
    when it is close (``.net``), else their first character.

    Each step is one pass of C code over the text or over its runs: ``bytes.translate``
    for the classes, one comparison and ``flatnonzero`` for the class changes, and two
    gathers for the signature (the first four bytes of every run read at once through a
    4-byte view with a 1-byte stride).
    """

    def __init__(self, leaves: dict[str, _Leaf]):
        import numpy as np

        self.np = np
        # One table (1 MB) of flags: 1 marks a one-run term's run, 2 a (first run, second
        # run) pair.
        self.table = np.zeros(1 << _BITS, np.uint8)
        heads: set[str] = set()
        for folded in leaves:
            m = _RUN.search(folded)
            if m is None or m.start() > 0:
                near = m is not None and m.start() <= 3 and _WS not in folded[: m.start()]
                heads.add(folded[: m.end()] if near else folded[0])
                continue
            runs = _RUN.findall(folded)
            if len(runs) == 1:
                self.table[_slot(_signature(runs[0]))] |= 1
            else:
                self.table[_pair_slot(_signature(runs[0]), _signature(runs[1]))] |= 2
        self.heads = sorted(heads)
        self.masks = np.array([0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF], np.uint32)

    def candidates(self, folded: str) -> list[int]:
        """Sorted positions of ``folded`` where a term may start (a superset).

        ``folded`` must start and end with a character that is not an ASCII letter or
        digit (the matcher pads every text with a newline).
        """
        np = self.np
        u64 = np.uint64
        raw = folded.encode("latin-1", "replace")
        cls = np.frombuffer(raw.translate(_CLASS), np.uint8)
        if len(cls) < 2 or cls[0] or cls[-1]:  # pragma: no cover - callers pad
            raise ValueError("the prefilter needs a padded text")
        # Class changes; a run starts at a change to a non-zero class and ends at the next
        # change (the padding guarantees both exist).
        edges = np.flatnonzero(cls[1:] != cls[:-1]) + 1
        keep = cls[edges] != 0
        starts = edges[keep]
        ends = edges[1:][keep[:-1]]
        length = ends - starts
        window = np.ndarray(buffer=raw + b"\0\0\0", dtype="<u4", shape=(len(raw),), strides=(1,))
        first = window[starts] & self.masks[np.minimum(length, 4)]
        last = np.frombuffer(raw, np.uint8)[ends - 1]
        # A length beyond 2^24 would spill into nothing but the top bits: only a false
        # candidate, never a missed one (no term is that long).
        sig = length.astype(u64) << u64(40)
        sig |= last.astype(u64) << u64(32)
        sig |= first
        shift = u64(64 - _BITS)
        flags = self.table[(sig * u64(_MUL)) >> shift]
        if len(sig) > 1:
            pair = (((sig[:-1] * u64(_MUL2)) ^ sig[1:]) * u64(_MUL)) >> shift
            flags[:-1] |= self.table[pair]
        found = starts[flags != 0].tolist()
        extra = [
            m.start()
            for head in self.heads
            if head in folded
            for m in re.finditer(re.escape(head), folded)
        ]
        if extra:
            # Duplicates are harmless: the scan skips positions inside the last match.
            found = sorted(found + extra)
        return found
