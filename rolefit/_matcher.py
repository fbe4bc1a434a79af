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

Texts of at least ``_PREFILTER_MIN_CHARS`` characters first go through a vectorised
(numpy) filter, :class:`_Prefilter`: it cuts the folded text into runs of ASCII letters or
digits and keeps the positions where the first run (and, for terms of several runs, the
second) could be a term's, a superset of the real starts about 1.3x the number of matches.
The regex is then only tried there (``Pattern.match``), which skips the ~600 machine
instructions that ``re`` spends on every word it is tried at. Both paths give identical
results (tested); ``keys`` uses ``findall`` when no leaf needs checking.

Measured with ``valgrind --tool=cachegrind`` (instructions per character of job-posting
text, deterministic, unlike wall time on a shared machine) for the shipped taxonomy (5.5k
surfaces), whole scan including the Python loop:

* trie regex + ``finditer`` over the whole text: ~720 instr/char;
* the same with the numpy prefilter: ~470 on 3 kB texts, ~330-375 on 10-100 kB texts
  (slower below ~1.2 kB because of the fixed numpy overhead, hence the threshold);
* ``[^\\w]`` (consume the separator) instead of ``\\b``: -13 % on the scan, rejected for the
  glue cases it gets wrong (``C++CUDA``);
* ordering trie branches by letter frequency, simpler end look-arounds, ``\\s`` instead of
  ``\\s++``: no measurable change (``re`` checks every literal-led branch anyway; the cost
  is the ~130 instructions per entered branch and ~600 per attempted position).

Rejected by wall-clock measurement: the trie over the original text with case classes
(``[pP][yY]``) or ``(?i:...)`` (2-4x slower: ``re`` only skips a branch cheaply when it
starts with a plain literal); a second case-sensitive pass merged with the folded one (2x
the scanning); tokenising with ``re.findall(r"\\w+")`` (slower than the trie scan itself);
``str.split`` plus per-token candidate lookup was estimated no faster than the numpy filter
(splitting and hashing the tokens alone measured ~40 MB/s, before recovering positions).

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
    r"(?:(?<![\s\S])|(?<=[\n\r])|(?<=[.!?:;•*)\-–—]\s)|(?<=[.!?]\s\s)"
    r"|(?<=[\n\r][-*•·]\s)|(?<=[\n\r][ \t][-*•·]\s)|(?<=[\n\r][ \t])|(?<=[\n\r][ \t][ \t]))"
)
_GLUED_LOWER = re.compile(r"(?!(?<=\w)[\s\S][a-z])")
_CACHE_LIMIT = 100_000
# Texts at least this long go through the vectorised candidate filter (see _Prefilter).
_PREFILTER_MIN_CHARS = 1_500
_RUN = re.compile(r"[a-z]+|[0-9]+")


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
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, got {type(text).__name__}")
        folded = _fold(text)
        if len(text) >= self._prefilter_min_chars:
            return self._scan_candidates(text, folded)
        return self._scan(text, folded)

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
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, got {type(text).__name__}")
        folded = _fold(text)
        if len(text) >= self._prefilter_min_chars:
            return {key for _, _, key in self._scan_candidates(text, folded)}
        if self._checked:
            return {key for _, _, key in self._scan(text, folded)}
        lut = self._lut
        found: set[str] = set()
        for matched in set(self._regex.findall(folded)):
            value = lut.get(matched)
            if value is None:
                value = self._lookup(matched)
            if value.__class__ is not str:
                return {key for _, _, key in self._scan(text, folded)}
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
        """Same result as :meth:`_scan`, trying the regex only where a match can start."""
        if self._prefilter is None:
            self._prefilter = _Prefilter(self._leaves)
        match = self._regex.match
        lut = self._lut
        out: list[tuple[int, int, str]] = []
        append = out.append
        last = 0
        for start in self._prefilter.candidates(folded):
            if start < last:
                continue
            m = match(folded, start)
            if m is None:
                continue
            value = lut.get(m.group())
            if value is None:
                value = self._lookup(m.group())
            if value.__class__ is str:
                last = m.end()
                append((start, last, value))
                continue
            settled = self._settle(value, text, folded, start, m.end())
            if settled is not None:
                last = settled[0]
                append((start, *settled))
        return out


def _signature(run: str) -> int:
    """Length, first three and last character of an ASCII run (see _Prefilter)."""
    b = run.encode("ascii")
    n = len(b)
    c1 = b[1] if n > 1 else 0
    c2 = b[2] if n > 2 else 0
    return (min(n, 255) << 32) | (b[0] << 24) | (c1 << 16) | (c2 << 8) | b[-1]


_MASK64 = (1 << 64) - 1
_MUL = 0x9E3779B97F4A7C15
_MUL2 = 0x2545F4914F6CDD1D
_BITS = 18


def _slot(sig: int) -> int:
    return ((sig * _MUL) & _MASK64) >> (64 - _BITS)


def _pair_slot(first: int, second: int) -> int:
    return _slot(((first * _MUL2) & _MASK64) ^ second)


class _Prefilter:
    """Vectorised search (numpy) for the positions where a match can start.

    The folded text is cut into *runs* of ASCII letters or of ASCII digits. A word-initial
    term can only match where its first run equals a run of the text, and a term of two or
    more runs also needs its second run to be the text's next run. Runs are compared through
    a signature (length, first three and last characters) hashed into a bit table, so the
    filter can only err on the side of a false candidate, which the regex then rejects.
    Terms with a short punctuation lead (``.net``) are found at their first run minus the
    lead; the rare others (a lead with whitespace, or no ASCII run) at every occurrence of
    their first character.
    """

    def __init__(self, leaves: dict[str, _Leaf]):
        import numpy as np

        self.np = np
        lut = np.zeros(256, np.uint8)
        lut[ord("a") : ord("z") + 1] = 1
        lut[ord("0") : ord("9") + 1] = 2
        self.lut = lut
        # One small table (fits in L2 cache) of bit flags: for a lead of length i, bit 2i
        # marks a one-run term's run, bit 2i+1 a (first run, second run) pair.
        self.table = np.zeros(1 << _BITS, np.uint8)
        leads: set[int] = set()
        anywhere: set[int] = set()
        for folded in leaves:
            m = _RUN.search(folded)
            lead = folded[: m.start()] if m else folded
            if m is None or _WS in lead or len(lead) > 3:
                anywhere.add(folded[0].encode("latin-1", "replace")[0])
                continue
            leads.add(len(lead))
            runs = _RUN.findall(folded)
            if len(runs) == 1:
                self.table[_slot(_signature(runs[0]))] |= 1 << (2 * len(lead))
            else:
                slot = _pair_slot(_signature(runs[0]), _signature(runs[1]))
                self.table[slot] |= 2 << (2 * len(lead))
        self.leads = [(lead, np.uint8(3 << (2 * lead))) for lead in sorted(leads)]
        self.anywhere = sorted(anywhere)
        self.mul = np.uint64(_MUL)
        self.mul2 = np.uint64(_MUL2)
        self.shift = np.uint64(64 - _BITS)

    def candidates(self, folded: str) -> list[int]:
        """Sorted positions of ``folded`` where a term may start (a superset)."""
        np = self.np
        codes = np.frombuffer(folded.encode("latin-1", "replace"), np.uint8)
        n = len(codes)
        if n == 0:
            return []
        # Class of each character, padded with a 0 at both ends; runs are the non-zero
        # segments between two class changes.
        cls = np.zeros(n + 2, np.uint8)
        cls[1:-1] = self.lut[codes]
        edges = np.flatnonzero(cls[1:] != cls[:-1])
        cls = cls[1:-1]
        starts = edges[:-1]
        keep = cls[starts] != 0
        starts = starts[keep]
        ends = edges[1:][keep]
        length = (ends - starts).astype(np.uint64)
        u64 = np.uint64
        second = codes[np.minimum(starts + 1, n - 1)] * (length > 1)
        third = codes[np.minimum(starts + 2, n - 1)] * (length > 2)
        sig = np.minimum(length, u64(255)) << u64(32)
        sig |= codes[starts].astype(u64) << u64(24)
        sig |= second.astype(u64) << u64(16)
        sig |= third.astype(u64) << u64(8)
        sig |= codes[ends - 1]
        slot = (sig * self.mul) >> self.shift
        pair_slot = (((sig[:-1] * self.mul2) ^ sig[1:]) * self.mul) >> self.shift
        flags = self.table[slot]
        flags[:-1] |= self.table[pair_slot]
        parts = []
        for lead, mask in self.leads:
            pos = starts[(flags & mask) != 0]
            parts.append(pos[pos >= lead] - lead if lead else pos)
        parts.extend(np.flatnonzero(codes == b) for b in self.anywhere)
        if len(parts) == 1:
            return parts[0].tolist()
        # Duplicates are harmless: the scan skips positions inside the last match.
        return np.sort(np.concatenate(parts)).tolist() if parts else []
