"""The skill taxonomy: canonical ids, normalisation, suggestions and extraction from text.

A *skill list* is forgiving: case, spacing, punctuation variants, plurals, version
suffixes and small typos are resolved to canonical ids (typos are reported as
corrections). *Free text* is precise: only whole-word mentions that mean the technology
are found (``R`` but not ``R&D``, ``Spark`` but not ``sparked``).
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import itemgetter

from rolefit._config import _CONFIG
from rolefit._data import knowledge
from rolefit._mend import hyphen_pairs, mend, mend_map
from rolefit._wrap import unwrap

__all__ = ["extract_skills", "find_skills", "normalize", "skills", "suggest"]

MAX_TEXT_CHARS = 20_000_000

#: How tables spell a missing value: a skill-list item that is only one of these (any case,
#: surrounding spaces ignored) is reported as unknown, never typo-corrected into a skill
#: ("None" is not Node.js), and a file cell that is only one of these is a missing cell.
MISSING_SPELLINGS = frozenset({"", "-", "--", "na", "n/a", "#n/a", "nan", "none", "null", "<na>"})
#: Typos are never corrected onto a name or alias shorter than this: a short word one edit
#: from a short name is more often another word ("sales" is not "sles", "lisa" not "lisp").
MIN_CORRECTED_ALIAS = 5

_SPACES = re.compile(r"\s+")
_VERSION = re.compile(r"(?<=[a-z+#])\s*v?\d+(?:\.\d+)*$")
_EDGE = re.compile(r"^[\s\"'`(\[{*•·,;:-]+|[\s\"'`)\]}*•·,;:.!?-]+$")
_SQUASH = re.compile(r"[^a-z0-9+#]")


def _key(name: str) -> str:
    return _SPACES.sub(" ", name.strip().lower())


@dataclass
class _Lexicon:
    exact: dict[str, str] = field(default_factory=dict)
    squashed: dict[str, str] = field(default_factory=dict)
    choices: dict[str, str] = field(default_factory=dict)


@cache
def _lexicon() -> _Lexicon:
    lex = _Lexicon()
    ambiguous: set[str] = set()
    for skill in knowledge().skills:
        for alias in (skill.id, skill.id.replace("_", " "), skill.name, *skill.aliases):
            key = _key(alias)
            lex.exact[key] = skill.id
            squashed = _SQUASH.sub("", key)
            if squashed and lex.squashed.setdefault(squashed, skill.id) != skill.id:
                ambiguous.add(squashed)
            if len(key) > 1:
                lex.choices[key] = skill.id
    for squashed in ambiguous:
        del lex.squashed[squashed]
    return lex


def normalize(name: str) -> str | None:
    """Return the canonical skill id for a skill name, or None if it is not known.

    Case, spacing, surrounding punctuation, a plural ``s``, a possessive ``'s`` and a
    version suffix are forgiven; typos are not (see :func:`suggest`).

    Parameters
    ----------
    name : str
        A skill as a person would write it in a list.

    Returns
    -------
    str or None

    Examples
    --------
    >>> from rolefit import normalize
    >>> normalize("k8s"), normalize("Scikit-Learn"), normalize("C++17"), normalize("LLMs")
    ('kubernetes', 'scikit_learn', 'cpp', 'llm')
    >>> normalize("underwater basket weaving") is None
    True
    """
    if not isinstance(name, str):
        raise TypeError(f"skill name must be a string, got {type(name).__name__}: {name!r}")
    lex = _lexicon()
    key = _key(name)
    candidates = [key, _EDGE.sub("", key)]
    base = candidates[-1]
    for variant in (
        _VERSION.sub("", base),
        base[:-2] if base.endswith("'s") else None,
        base[:-1] if base.endswith("s") and len(base) > 3 else None,
        base[:-2] if base.endswith("es") and len(base) > 4 else None,
    ):
        if variant:
            candidates.append(variant)
    for candidate in candidates:
        if candidate in lex.exact:
            return lex.exact[candidate]
    for candidate in candidates:
        squashed = _SQUASH.sub("", candidate)
        if squashed in lex.squashed:
            return lex.squashed[squashed]
    return None


def suggest(name: str, n: int = 3) -> list[str]:
    """Return up to ``n`` canonical skill ids whose names look like ``name``.

    ``name`` must be a string and ``n`` a whole number >= 0 (a TypeError or ValueError
    otherwise).

    Examples
    --------
    >>> from rolefit import suggest
    >>> suggest("pytroch")[0]
    'pytorch'
    """
    from rapidfuzz import fuzz, process

    if not isinstance(name, str):
        raise TypeError(f"skill name must be a string, got {type(name).__name__}: {name!r}")
    n = check_count(n, "n")
    key = _key(name)
    if not key or not n:
        return []
    lex = _lexicon()
    out: list[str] = []
    for alias, _score, _position in process.extract(
        key, list(lex.choices), scorer=fuzz.ratio, limit=8 * n, score_cutoff=70
    ):
        skill_id = lex.choices[alias]
        if skill_id not in out:
            out.append(skill_id)
    return out[:n]


def is_missing_spelling(item: str) -> bool:
    """Whether ``item`` is only a spelling of a missing value (:data:`MISSING_SPELLINGS`).

    >>> from rolefit.skills import is_missing_spelling
    >>> is_missing_spelling(" N/A "), is_missing_spelling("None"), is_missing_spelling("nano")
    (True, True, False)
    """
    return item.strip().lower() in MISSING_SPELLINGS


def _correct(name: str) -> str | None:
    """Resolve an obvious typo (one edit, or two in a long word) to a unique skill, never
    one whose closest name is shorter than :data:`MIN_CORRECTED_ALIAS` characters."""
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    key = _EDGE.sub("", _key(name))
    if len(key) < 4:
        return None
    budget = 1 if len(key) < 8 else 2
    lex = _lexicon()
    if len(key) - budget > max(map(len, lex.choices), default=0):
        return None  # longer than any name by more than the edits allowed (a pasted text)
    hits = extract(key, list(lex.choices), scorer=OSA.distance, score_cutoff=budget, limit=10)
    hits = [h for h in hits if _typo_like(key, h[0])]
    if not hits:
        return None
    best = min(h[1] for h in hits)
    closest = [h[0] for h in hits if h[1] == best]
    if any(len(alias) < MIN_CORRECTED_ALIAS for alias in closest):
        return None
    ids = {lex.choices[alias] for alias in closest}
    return ids.pop() if len(ids) == 1 else None


def _typo_like(key: str, alias: str) -> bool:
    """Whether ``key`` reads as a typo of ``alias`` word by word: the same first letter
    (typing rarely misses it: "Sigma" is not "Figma"), and, for as many words, at most one
    edit in a word of 3 to 5 characters and two in a longer one ("Core Data" is not "Core
    Java": both edits fall in one short word)."""
    from rapidfuzz.distance import OSA

    if key[0] != alias[0]:
        return False
    words, alias_words = key.split(), alias.split()
    if len(words) != len(alias_words):
        return True  # words joined or split ("scikit learn"): the whole-name budget rules
    return all(
        OSA.distance(a, b) <= (0 if len(a) < 3 else 1 if len(a) < 6 else 2)
        for a, b in zip(words, alias_words, strict=True)
    )


@dataclass
class ParsedSkills:
    """Outcome of reading one skill list or text.

    ``skills`` are canonical ids in first-seen order, ``corrections`` maps an input to the
    id it was read as when that needed a typo fix (or dropping a control character),
    ``unknown`` maps an unrecognised input to
    suggested ids (possibly empty), ``learning`` holds the ids a text says are being
    learned and ``denied`` those it only denies ("no Kubernetes experience"; both sorted,
    neither counted; see :func:`extract_skills`).
    """

    skills: list[str]
    corrections: dict[str, str]
    unknown: dict[str, list[str]]
    learning: tuple[str, ...] = ()
    denied: tuple[str, ...] = ()


def resolve(item: str) -> tuple[tuple[str, ...], bool]:
    """Resolve one skill-list item to canonical ids.

    Tries, in order: :func:`normalize`; the precise free-text extractor (so that
    ``"Python and SQL"`` gives both), leaving out what the item denies or says is being
    learned (``"no Java"``, ``"Spark (beginner)"``, read as :func:`find_skills` reads a
    clause); a unique one-edit typo fix. Returns the ids (empty when nothing matched, or
    nothing named is held) and whether a fix was needed: a typo fix, or dropping a control
    or invisible character (``"pyt\\x00hon"``, a zero-width space) to read the item as a
    skill, so that such an item is reported as a correction, never changed silently. A
    spelling of a missing value (:func:`is_missing_spelling`: "None", "N/A", ...)
    resolves to nothing.
    """
    if is_missing_spelling(item):
        return (), False
    skill_id = normalize(item)
    if skill_id:
        return (skill_id,), _has_control(item)
    text = item[:10_000]
    found = _matcher().find(text)
    named = {k for _, _, k in found} | _list_item_keys(text, found)
    if named:
        denied, learning = _not_held(text)
        return tuple(sorted(named - denied - learning)), False
    fixed = _correct(item)
    return ((fixed,), True) if fixed else ((), False)


def _has_control(item: str) -> bool:
    """Whether ``item`` holds a control or invisible character (Unicode category C: NUL,
    escape, zero-width space, soft hyphen, ...) other than whitespace."""
    return not item.isprintable() and any(
        unicodedata.category(c)[0] == "C" and not c.isspace() for c in item)


@lru_cache(maxsize=1024)  # resolve, parse_skill_list and the batch encoder ask in turn
def _not_held(item: str) -> tuple[frozenset[str], frozenset[str]]:
    """The skills a multi-word skill-list item denies and the ones it says are learned."""
    if not any(c.isspace() or c in "()" for c in item.strip()):
        return frozenset(), frozenset()
    item = _check_text(item)  # one reading for both; the rules only: the result is cached
    _, other = _skill_status(*_read(item, _reader().find_parts(item), rules_only=True))
    return (frozenset(k for k, status in other.items() if status == "negated"),
            frozenset(k for k, status in other.items() if status == "learning"))


def _list_item_keys(item: str, found) -> set[str]:
    """Other-case names in a skill-list item ("spark and excel"): a list is list context."""
    from rolefit._context import list_mentions

    candidates = _split(_reader().find_parts(item), item)[2]
    return {k for _, _, k in list_mentions(item, found, candidates, whole_item=True)}


def check_count(value, name: str, *, minimum: int = 0, maximum: int | None = None,
                none: bool = False) -> int | None:
    """Return ``value`` as an int when it is a whole number from ``minimum`` to ``maximum``
    (None too, when ``none``); else raise a TypeError (not a whole number; True and False
    are refused) or a ValueError (out of range) naming ``name``.

    The one check of every count argument: ``gaps``, ``chunksize``, ``n``, ``n_gaps``.

    Examples
    --------
    >>> from rolefit.skills import check_count
    >>> check_count(3, "n"), check_count(None, "n", none=True)
    (3, None)
    >>> check_count(-1, "n")
    Traceback (most recent call last):
    ...
    ValueError: n must be a whole number >= 0, got -1
    """
    import numbers

    if value is None and none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        kind = "None or a whole number" if none else "a whole number"
        raise TypeError(f"{name} must be {kind}, got {value!r} ({type(value).__name__})")
    value = int(value)
    if value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum:,}, got {value:,}")
    return value


def refuse_containers(value, what: str, table: str, mapping: str) -> None:
    """Raise a TypeError when ``value`` is a DataFrame or a mapping (a dict): iterating one
    gives its column names or keys, never its cells. ``what`` names the function, ``table``
    and ``mapping`` say what to pass instead."""
    if any(kind.__name__ == "DataFrame" for kind in type(value).__mro__):  # pandas, dask...
        raise TypeError(f"{what} got a {type(value).__name__}, which iterates over its "
                        f"column names; pass {table}")
    if isinstance(value, Mapping):
        raise TypeError(f"{what} got a {type(value).__name__}, which iterates over its keys; "
                        f"pass {mapping}")


def check_item(item, position) -> str:
    """Return ``item`` if it is a string, else raise a TypeError naming its position."""
    if not isinstance(item, str):
        raise TypeError(
            f"skill list item {position} is {item!r} ({type(item).__name__}); "
            "expected a string"
        )
    return item


def parse_skill_list(items: Iterable) -> ParsedSkills:
    """Resolve a skill list item by item; nothing is dropped silently: an item that names
    skills only to deny them ("no Java") is not unknown, and the skills an item says are
    being learned ("Spark (beginner)") go to ``learning``, those it only denies to
    ``denied``; an item that is only a spelling of a missing value ("None", "N/A") is
    unknown, without suggestions."""
    found: list[str] = []
    corrections: dict[str, str] = {}
    unknown: dict[str, list[str]] = {}
    learning: set[str] = set()
    denials: set[str] = set()
    for position, item in enumerate(items):
        if not check_item(item, position).strip():
            continue
        ids, corrected = resolve(item)
        if corrected:
            corrections[item] = ids[0]
        denied, learned = _not_held(item[:10_000])
        learning |= learned
        denials |= denied
        if not ids and not (denied or learned):
            unknown[item] = [] if is_missing_spelling(item) else suggest(item)
        found.extend(i for i in ids if i not in found)
    learning -= set(found)
    return ParsedSkills(found, corrections, unknown, tuple(sorted(learning)),
                        tuple(sorted(denials - learning - set(found))))


_MATCHER_LOCK = threading.Lock()


def _matcher():
    """The text matcher, built once per process.

    Building it takes a few tenths of a second (two automata over thousands of spellings);
    threads that race the first call wait for that one build instead of each building
    their own.
    """
    with _MATCHER_LOCK:
        return _build_matcher()


# Key prefixes of the extra terms of _reader: an other-case spelling, a cue word (its side
# keys). No skill id starts with one: an id starts with a letter or digit.
_VARIANT, _ANCHOR = "\x00v", "\x00a"
_KEY = itemgetter(2)


def _reader():
    """The text matcher plus other-case spellings and cue words, built once per process.

    One scan finds the skill mentions, the other-case spellings of case-sensitive names
    (:func:`rolefit._context.variant_terms`) and the cue words of negation and learning
    (:func:`rolefit._negation.anchor_terms`); their keys start with ``_VARIANT`` and
    ``_ANCHOR``, and ``find_parts`` returns them apart from the skill mentions. A cue word
    or spelling is one word, so it never takes a skill's place: at one position the
    longest term wins.
    """
    if not _READER:  # built once; later calls (one per text) skip the lock
        with _MATCHER_LOCK:
            if not _READER:
                _READER.append(_build_reader())
    return _READER[0]


_READER: list = []


def _build_reader():
    from rolefit._context import variant_terms
    from rolefit._matcher import TermMatcher
    from rolefit._negation import anchor_terms

    extras = [
        *((s, _VARIANT + k, case) for s, k, case in variant_terms(text_terms())),
        *((s, _ANCHOR + k, case) for s, k, case in anchor_terms()),
    ]
    return TermMatcher([*text_terms(), *extras], side_keys={k for _, k, _ in extras})


def _split(parts, text: str):
    """Split what :func:`_reader` found (``find_parts``: the skill mentions, and the
    other-case spellings and cue words) into skill mentions, their set of skill ids,
    other-case spellings and cue words.

    A skill whose name is also a cue word ("Teaching" in "Teaching myself Julia") is
    both a mention and a cue word.
    """
    mentions, extras = parts
    keys = set(map(_KEY, mentions))
    candidates, anchors = [], []
    for s, e, k in extras:
        (candidates if k[1] == "v" else anchors).append((s, e, k[2:]))
    shared = _shared_words()
    if not shared.keys().isdisjoint(keys):
        for s, e, k in mentions:
            if k in shared and text[s:e].lower() in shared[k]:
                anchors.append((s, e, text[s:e].lower()))
                anchors.sort()
    return mentions, keys, candidates, anchors


_NOT_ALNUM = re.compile(r"[\W_]")


@cache
def _hiding_anchors() -> frozenset[str]:
    """Cue words of several words whose later words may start a skill name ("class on"
    and "on-device ML"): the reader keeps the longest match at a position, so where one
    is found, the stretch it covers is read again for skills (:func:`_restore`)."""
    from rolefit._negation import anchor_terms

    heads = set()  # every start of a skill name that ends where a word does
    for surface, _, _ in text_terms():
        surface = surface.lower()
        heads.add(surface)
        heads.update(surface[: m.start()] for m in _NOT_ALNUM.finditer(surface))
    return frozenset(
        word
        for word, _, _ in anchor_terms()
        if any(" ".join(word.split()[k:]) in heads for k in range(1, len(word.split())))
    )


@cache
def _shared_words() -> dict[str, set[str]]:
    """Skill ids whose names are also cue words, with those words."""
    from rolefit._negation import anchor_terms

    words = {w for w, _, _ in anchor_terms()}
    out: dict[str, set[str]] = {}
    for surface, key, _ in text_terms():
        if surface.lower() in words:
            out.setdefault(key, set()).add(surface.lower())
    return out


@cache
def _mend_words() -> tuple[frozenset[str], frozenset[str]]:
    """What :func:`rolefit._mend.mend` knows of the words that a hyphen at a line end
    splits, in lower case: the words it joins without the hyphen (the one-word names of
    skills and the cue words: "Kuber-\\nnetes"), and the pairs it keeps the hyphen
    between (of the hyphenated skill names, cue words and words the rules read:
    "problem-\\nsolving", "hands-\\non")."""
    from rolefit._negation import HYPHENATED, anchor_terms

    names = {s.lower() for s, _, _ in text_terms()}
    cues = [w.lower() for w, _, _ in anchor_terms()]
    words = {name for name in names if name.isalnum()}
    keeps = set()
    for wording in (*names, *cues, *HYPHENATED):
        keeps.update(hyphen_pairs(wording))
    for wording in cues:
        words.update(_WORDS.findall(wording))
    return frozenset(words), frozenset(keeps)


_WORDS = re.compile(r"[^\W\d_]+")


class _Words:
    """One of :func:`_mend_words`, made when first asked (most texts break no word)."""

    def __init__(self, which: int):
        self.which = which

    def __contains__(self, word: str) -> bool:
        return word in _mend_words()[self.which]


_JOINS, _KEEPS = _Words(0), _Words(1)


def _names(segment: str):
    """The skill mentions of ``segment`` (for :func:`rolefit._mend.mend`)."""
    return _reader().find_parts(segment)[0]


def _mended(text: str) -> tuple[str, str | None]:
    """``text`` as it is read: words that typesetting broke written whole (soft hyphens,
    ligatures, a hyphen at a line end; :mod:`rolefit._mend`); and, if that changed it,
    ``text`` itself, the layout that :func:`rolefit._wrap.unwrap` reads the width of a wrap
    from (a word joined across a line break makes a line longer than the wrap)."""
    mended = mend(text, _JOINS, _KEEPS, _names)
    return mended, None if mended is text else text


def text_terms() -> list[tuple[str, str, bool]]:
    """The ``(surface, skill_id, case_sensitive)`` triples the text matcher looks for.

    Each skill's name and aliases, and (for case-insensitive skills) its id with ``_``
    replaced by a space; skills whose ``match`` is ``list`` are never looked for in text.
    """
    terms = []
    for skill in knowledge().skills:
        if skill.match == "list":
            continue
        case = skill.match == "case"
        surfaces = {skill.name, *skill.aliases}
        if not case:
            surfaces.add(skill.id.replace("_", " "))
        terms.extend((surface, skill.id, case) for surface in sorted(surfaces))
    return terms


@cache
def _build_matcher():
    from rolefit._matcher import TermMatcher

    return TermMatcher(text_terms())


def _check_text(text, where: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{where} must be a string, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"{where} is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}. "
            "Split it into documents and use rolefit.score_many."
        )
    return text


STATUSES = ("has", "learning", "negated")
_HAS = frozenset({"has"})


def _check_status(status) -> frozenset[str]:
    if isinstance(status, str) and status == "has":
        return _HAS
    if not isinstance(status, str | Iterable) or isinstance(status, bytes | Mapping):
        raise TypeError("status must be a string or a collection of strings "
                        f"(any of {STATUSES}), got {status!r} ({type(status).__name__})")
    wanted = frozenset((status,) if isinstance(status, str) else status)
    if not wanted or not wanted <= set(STATUSES):
        raise ValueError(f"status must be one or more of {STATUSES}, got {status!r}")
    return wanted


def _mentions(text: str) -> list[tuple[int, int, str, str, str]]:
    """Every mention as ``(start, end, skill_id, status, cue)``, in text order; ``start``
    and ``end`` are offsets in ``text`` as given (a mention of a word that typesetting broke,
    "Kuber-\\nnetes", spans it all)."""
    mended, where = mend_map(text, _JOINS, _KEEPS, _names)
    layout = None if where is None else text
    found, _, decided = _read(mended, _reader().find_parts(mended), layout=layout)
    mentions = [(s, e, k, *decided.get(i, ("has", ""))) for i, (s, e, k) in enumerate(found)]
    if where is None:
        return mentions
    return [(where[s], where[e - 1] + 1, *rest) for s, e, *rest in mentions]


def _read(text: str, parts, rules_only: bool = False, skills_only: bool = False,
          layout: str | None = None):
    """The skill mentions of ``text``, their set of skill ids, and ``{index: (status,
    cue)}`` of those not held.

    ``parts`` is what :func:`_reader` finds in ``text`` (``find_parts``): skill mentions,
    and other-case spellings (kept in a list, :mod:`rolefit._context`) and cue words
    (:mod:`rolefit._negation`). With ``skills_only`` the statuses are right for each
    skill, not for each mention (:func:`rolefit._statusmodel.revise`). ``layout``: the
    text as given, if ``text`` is it mended (:func:`_mended`).
    """
    found, keys, candidates, anchors = _split(parts, text)
    hiding = _hiding_anchors()
    if hiding and (hidden := [a for a in anchors if a[2] in hiding]):
        # "a class on-device ML": the cue words "class on" hide the start of "on-device ML"
        found = _restore(text, found, hidden)
        keys = {k for _, _, k in found}
    if candidates:
        from rolefit._context import list_mentions

        extra = list_mentions(text, found, candidates)
        if len(extra) < len(candidates):
            found = _restore(text, found, [c for c in candidates if c not in extra])
        if extra:
            found = sorted([*found, *extra])
        keys = {k for _, _, k in found}
    negation = _negation()
    # the statuses are read from the sentences of hard-wrapped prose ("I haven't\nused
    # PyTorch"): the same text with the soft line breaks a cue can reach across as spaces
    # (the same offsets)
    text = unwrap(text, [start for start, _, _ in anchors], layout)
    if not anchors and not (found and negation.has_layout_cues(text)):
        # (a cross mark: "Spark ✗"; a rating scale: "(1 = none, 5 = expert)" ... "Spark: 1")
        return found, keys, (
            {} if rules_only else _second_opinion(text, found, {}, anchors, skills_only))

    decided = negation.statuses(text, found, anchors)
    cue = negation.CUE
    if any(status == cue for status, _ in decided.values()):  # "Teaching myself Julia"
        kept = [i for i in range(len(found)) if decided.get(i, ("",))[0] != cue]
        decided = {n: decided[i] for n, i in enumerate(kept) if i in decided}
        found = [found[i] for i in kept]
        keys = {k for _, _, k in found}
    if not rules_only:
        decided = _second_opinion(text, found, decided, anchors, skills_only)
    # (the rules decide some mentions held, so that the learned reader leaves them: "Except
    # for MATLAB, I haven't used ...", _negation._excepted)
    return found, keys, {i: d for i, d in decided.items() if d[0] != "has"}


def _second_opinion(text: str, found, decided: dict, anchors, skills_only: bool) -> dict:
    """``decided``, revised by the learned reader (:mod:`rolefit._statusmodel`): every
    mention it holds under ``reader="model"``; under ``reader="hybrid"``, those with a cue
    word of ``anchors`` in reach (but those of ``OUT_OF_REACH``, which only the rules
    read) and then the other mentions of each skill not held somewhere
    (:func:`rolefit._statusmodel.revise`), all of them in a text with a cross mark."""
    reader = _CONFIG["reader"]
    if reader == "rules" or not found:
        return decided
    from rolefit._statusmodel import not_held_at, revise

    if reader == "hybrid" and not _negation().has_marks(text):
        anchors = _negation().in_reach_words(anchors, text)
        if not anchors and not _unread_others(found, decided, not_held_at(decided)):
            return decided
        return revise(text, found, decided, anchors, skills_only)
    return revise(text, found, decided, skills_only=skills_only)


def _unread_others(found, decided: dict, denied: list[int]) -> bool:
    """Whether a skill of a mention of ``denied`` (indices of ``found`` that ``decided``
    does not hold) has another mention that the rules have not decided (the learned reader
    reads it)."""
    keys = {found[i][2] for i in denied}
    return bool(keys) and any(
        key in keys and i not in decided for i, (_, _, key) in enumerate(found))


def _restore(text: str, found, rejected):
    """``found`` plus the skill mentions that rejected other-case spellings hid.

    :func:`_reader` keeps the longest term at a position, so a spelling such as
    ``Node.Js`` hides ``Node`` and ``Js``; where the spelling is not taken, the text
    matcher reads that stretch again (from a little before it, for its rules on what
    precedes a name).
    """
    matcher = _matcher()
    out = list(found)
    for start, end, _ in rejected:
        lo = text.rfind(" ", 0, max(0, start - 24)) + 1
        hi = text.find(" ", end + 100)
        hi = len(text) if hi < 0 else hi
        out.extend(
            (s + lo, e + lo, k)
            for s, e, k in matcher.find(text[lo:hi])
            if start <= s + lo < end
        )
    return sorted(set(out))


_RANK = {"has": 0, "learning": 1, "negated": 2}


def _skill_status(found, keys, decided) -> tuple[set[str], dict[str, str]]:
    """Each skill's status: ``has`` if any mention is held, else ``learning`` if any
    mention is learned, else ``negated`` (arguments as :func:`_read` returns them).
    Returns the held skills, and the status of each other skill."""
    if not decided:
        return keys, {}
    held = {k for i, (_, _, k) in enumerate(found) if i not in decided}
    other: dict[str, str] = {}
    for i, (status, _) in decided.items():
        key = found[i][2]
        if key not in held and (key not in other or _RANK[status] < _RANK[other[key]]):
            other[key] = status
    return held, other


@cache
def _negation():
    """:mod:`rolefit._negation`, imported when first needed (it takes about 12 ms)."""
    from rolefit import _negation

    return _negation


def _statuses(text: str) -> tuple[set[str], dict[str, str]]:
    """:func:`_skill_status` of one text."""
    text, layout = _mended(text)
    return _status_of(text, _reader().find_parts(text), layout)


def _statuses_many(values: list[str]) -> list[tuple[set[str], dict[str, str]]]:
    """:func:`_skill_status` of every text. Scanning the texts one by one is as fast as
    :meth:`~rolefit._matcher.TermMatcher.find_many` on postings and faster on short texts
    (``docs/performance.md``)."""
    find = _reader().find_parts
    return [_status_of(text, find(text), layout) for text, layout in map(_mended, values)]


def _status_of(text: str, parts, layout: str | None = None) -> tuple[set[str], dict[str, str]]:
    """:func:`_skill_status` of ``text`` (as :func:`_mended` gives it, with ``layout``)
    from what :func:`_reader` found in it. Without a cue word or other-case spelling (most
    short texts), every mention is held."""
    mentions, extras = parts
    if not extras and _CONFIG["reader"] != "model":
        keys = set(map(_KEY, mentions))
        if _shared_words().keys().isdisjoint(keys) and not (
            keys and _negation().has_layout_cues(text)
        ):
            return keys, {}
    return _skill_status(*_read(text, parts, skills_only=True, layout=layout))


def held_keys_many(texts: list[str]) -> list[set[str]]:
    """The skills held in each text (what ``extract_skills_many`` returns), as sets."""
    return [held for held, _ in _statuses_many(texts)]


def read_text(text: str) -> ParsedSkills:
    """Read a text as :func:`rolefit.score` does: held skills, those being learned and
    those denied."""
    held, other = _statuses(text)
    return ParsedSkills(sorted(held), {}, {}, tuple(_select((held, other), {"learning"})),
                        tuple(_select((held, other), {"negated"})))


def _select(statuses: tuple[set[str], dict[str, str]], wanted) -> list[str]:
    """The sorted skills whose status is in ``wanted`` (``statuses`` as from
    :func:`_skill_status`)."""
    held, other = statuses
    if not other:
        return sorted(held) if "has" in wanted else []
    found = [k for k, st in other.items() if st in wanted]
    if "has" in wanted:
        found.extend(held)
    return sorted(found)


def extract_skills(text: str, status="has") -> list[str]:
    """Return the sorted canonical ids of the skills mentioned in free text.

    Each mention is read in its clause (see :func:`find_skills`) and each skill takes the
    strongest status of its mentions: ``has`` if any mention is held, else ``learning``,
    else ``negated``. By default only held skills are returned: a denied skill
    ("no Kubernetes experience") never counts, and one being learned ("learning dbt",
    "Airflow (beginner)") is not counted as held.

    Parameters
    ----------
    text : str
    status : str or collection of str, default "has"
        The statuses to return: any of ``"has"``, ``"learning"`` and ``"negated"``.

    Returns
    -------
    list of str

    Examples
    --------
    >>> from rolefit import extract_skills
    >>> extract_skills("Shipped C++17/CUDA kernels and A/B testing dashboards; led R&D.")
    ['ab_testing', 'cpp', 'cuda']
    >>> text = "Python and SQL daily; no Java, but learning Spark. Tools: excel, r"
    >>> extract_skills(text)
    ['excel', 'python', 'r', 'sql']
    >>> extract_skills(text, status="learning"), extract_skills(text, status="negated")
    (['spark'], ['java'])
    """
    wanted = _check_status(status)
    return _select(_statuses(_check_text(text)), wanted)


def extract_skills_many(texts, status="has"):
    """Return :func:`extract_skills` of every text.

    The result equals ``[extract_skills(t, status) for t in texts]``; every text is checked
    before any is read, so a bad one fails the call at once, naming its position.

    Parameters
    ----------
    texts : iterable of str, or pandas.Series of str
    status : str or collection of str, default "has"
        As in :func:`extract_skills`.

    Returns
    -------
    list of list of str, or pandas.Series
        A Series with the same index and name when ``texts`` is a Series.

    Raises
    ------
    TypeError
        If an element is not a string (missing values included); the message names its
        position, or its index label for a Series. Also for a DataFrame or a dict (which
        iterate over their column names or keys): pass one column, or a list or Series;
        and for ``texts`` that is not an iterable (None, a number).
    ValueError
        If a text is longer than ``MAX_TEXT_CHARS`` (named the same way), or ``status``
        is not a known status.

    Examples
    --------
    >>> from rolefit import extract_skills_many
    >>> extract_skills_many(["Python and SQL", "R&D budgets", "We run Spark on k8s"])
    [['python', 'sql'], [], ['kubernetes', 'spark']]
    >>> extract_skills_many(["No Docker yet", "Docker (learning)"], status="learning")
    [[], ['docker']]
    """
    wanted = _check_status(status)
    refuse_containers(texts, "extract_skills_many", 'one column of texts, e.g. df["text"]',
                      "a list or a pandas Series of texts (pd.Series(d) keeps the keys)")
    pd = sys.modules.get("pandas")
    series = pd is not None and isinstance(texts, pd.Series)
    if isinstance(texts, str | bytes):
        raise TypeError("texts must be an iterable of strings, not one string")
    if not isinstance(texts, Iterable):
        raise TypeError("texts must be an iterable of strings (a list or a pandas Series), "
                        f"got {type(texts).__name__}")
    values = texts.tolist() if series else list(texts)
    for pos, text in enumerate(values):
        if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
            label = texts.index[pos : pos + 1].tolist()[0] if series else pos
            _check_text(text, f"text {label!r}")
    found = [_select(st, wanted) for st in _statuses_many(values)]
    if series:
        return pd.Series(found, index=texts.index, name=texts.name, dtype=object)
    return found


def find_skills(text: str):
    """Return every skill mention in ``text`` as a DataFrame.

    Mentions are found precisely (whole words; case-sensitive names such as ``Spark``,
    ``Excel``, ``R`` and ``Go`` in their own capitalisation), except inside a list of
    skills ("Skills: python, spark, excel, r", comma, pipe or bullet separated short
    items), where other capitalisations count too (:mod:`rolefit._context`).

    Each mention's ``status`` is read from its clause (:mod:`rolefit._negation`):
    ``negated`` under a denial cue ("no", "not", "never", "without", "lack of",
    "unfamiliar with", "0 years", "not required", ...), ``learning`` under an aspiration
    or beginner cue ("learning", "studying", "want to learn", "planning to study", "to get
    familiar with", "beginner", "basic knowledge of", "exposure to", "(beginner)", "on
    weekends", ...), else ``has``. A cue covers a list ("no Spark, Kafka or Airflow") and
    the examples of a kind it names
    ("never used a columnar warehouse like Snowflake", "no experience with our monitoring
    stack (Grafana, Prometheus)"), and stops at a clause boundary: a
    sentence end, semicolon, newline, bullet, "but", "however", "although" ("no Java,
    but strong Python" keeps Python); a line break that a fixed-width wrap put inside a
    sentence (text pasted from a PDF or an e-mail) is read as a space
    (:mod:`rolefit._wrap`), and a word that typesetting broke is read whole: a hyphen at
    a line end ("Kuber-\\nnetes", matched as it stands), a soft hyphen, a ligature
    character (:mod:`rolefit._mend`). In a posting, "Python not required" is
    ``negated``, and requirement wording ("a plus", "required", "nice to have") makes a
    learning cue ``has`` ("exposure to Kafka is a plus"). By default
    (``reader="hybrid"``) the learned reader then rereads the mentions held without a
    cue that have a cue word in their line, the line above or their block's heading
    (not one of a posting's set phrase: "not limited to", "learn more about us"; every
    one under ``rolefit.set_config(reader="model")``, none under
    ``reader="rules"``); its cue reads ``"model: "`` and the word that weighed most
    (``docs/evaluation.md``).

    Returns
    -------
    pandas.DataFrame
        One row per mention in text order, with columns ``skill_id``, ``name``,
        ``category``, ``matched`` (the exact substring), ``start`` and ``end``
        (``text[start:end] == matched``), ``status`` (``has``, ``learning`` or
        ``negated``) and ``cue`` (the words that decided the status; empty for ``has``).

    Examples
    --------
    >>> from rolefit import find_skills
    >>> find_skills("Python and k8s")[["skill_id", "matched", "start", "end", "status"]]
         skill_id matched  start  end status
    0      python  Python      0    6    has
    1  kubernetes     k8s     11   14    has
    >>> find_skills("No Spark or Kafka, but strong SQL")[["skill_id", "status", "cue"]]
      skill_id   status cue
    0    spark  negated  No
    1    kafka  negated  No
    2      sql      has
    """
    import pandas as pd

    text = _check_text(text)
    by_id = knowledge().skill_by_id
    rows = [
        (k, by_id[k].name, by_id[k].category, text[s:e], s, e, status, cue)
        for s, e, k, status, cue in _mentions(text)
    ]
    columns = ["skill_id", "name", "category", "matched", "start", "end", "status", "cue"]
    return pd.DataFrame(rows, columns=columns).astype({"start": "int64", "end": "int64"})


def skills():
    """Return the skill taxonomy as a DataFrame indexed by ``skill_id``.

    Columns: ``name``, ``category``, ``aliases`` (tuple), ``implies`` (tuple of ids,
    direct), ``implies_all`` (tuple, transitive) and ``match`` (``word``, ``case`` or
    ``list``: how free text may mention it).

    Examples
    --------
    >>> import rolefit
    >>> tax = rolefit.skills()
    >>> tax.loc["pytorch", "category"]
    'ml_framework'
    >>> len(tax) >= 300
    True
    """
    import pandas as pd

    kn = knowledge()
    frame = pd.DataFrame(
        [
            (s.id, s.name, s.category, s.aliases, s.implies, kn.closure[s.id], s.match)
            for s in kn.skills
        ],
        columns=["skill_id", "name", "category", "aliases", "implies", "implies_all", "match"],
    )
    return frame.set_index("skill_id")
