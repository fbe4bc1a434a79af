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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rolefit._data import knowledge

__all__ = ["extract_skills", "find_skills", "normalize", "skills", "suggest"]

MAX_TEXT_CHARS = 20_000_000

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

    Examples
    --------
    >>> from rolefit import suggest
    >>> suggest("pytroch")[0]
    'pytorch'
    """
    from rapidfuzz import fuzz, process

    key = _key(name)
    if not key:
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


def _correct(name: str) -> str | None:
    """Resolve an obvious typo (one edit, or two in a long word) to a unique skill."""
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
    if not hits:
        return None
    best = min(h[1] for h in hits)
    ids = {lex.choices[h[0]] for h in hits if h[1] == best}
    return ids.pop() if len(ids) == 1 else None


@dataclass
class ParsedSkills:
    """Outcome of reading one skill list or text.

    ``skills`` are canonical ids in first-seen order, ``corrections`` maps an input to the
    id it was read as when that needed a typo fix, ``unknown`` maps an unrecognised input to
    suggested ids (possibly empty).
    """

    skills: list[str]
    corrections: dict[str, str]
    unknown: dict[str, list[str]]


def resolve(item: str) -> tuple[tuple[str, ...], bool]:
    """Resolve one skill-list item to canonical ids.

    Tries, in order: :func:`normalize`; the precise free-text extractor (so that
    ``"Python and SQL"`` gives both); a unique one-edit typo fix. Returns the ids (empty when
    nothing matched) and whether a typo fix was needed.
    """
    skill_id = normalize(item)
    if skill_id:
        return (skill_id,), False
    found = tuple(_matcher().keys(item[:10_000]))
    if found:
        return tuple(sorted(found)), False
    fixed = _correct(item)
    return ((fixed,), True) if fixed else ((), False)


def check_item(item, position) -> str:
    """Return ``item`` if it is a string, else raise a TypeError naming its position."""
    if not isinstance(item, str):
        raise TypeError(
            f"skill list item {position} is {item!r} ({type(item).__name__}); "
            "expected a string"
        )
    return item


def parse_skill_list(items: Iterable) -> ParsedSkills:
    """Resolve a skill list item by item; nothing is dropped silently."""
    found: list[str] = []
    corrections: dict[str, str] = {}
    unknown: dict[str, list[str]] = {}
    for position, item in enumerate(items):
        if not check_item(item, position).strip():
            continue
        ids, corrected = resolve(item)
        if corrected:
            corrections[item] = ids[0]
        if not ids:
            unknown[item] = suggest(item)
        found.extend(i for i in ids if i not in found)
    return ParsedSkills(found, corrections, unknown)


_MATCHER_LOCK = threading.Lock()


def _matcher():
    """The text matcher, built once per process.

    Building it compiles one large regular expression (about a second); threads that race
    the first call wait for that one build instead of each compiling their own.
    """
    with _MATCHER_LOCK:
        return _build_matcher()


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


def extract_skills(text: str) -> list[str]:
    """Return the sorted canonical ids of the skills mentioned in free text.

    Examples
    --------
    >>> from rolefit import extract_skills
    >>> extract_skills("Shipped C++17/CUDA kernels and A/B testing dashboards; led R&D.")
    ['ab_testing', 'cpp', 'cuda']
    """
    return sorted(_matcher().keys(_check_text(text)))


def extract_skills_many(texts):
    """Return :func:`extract_skills` of every text, scanning many texts per pass.

    The result equals ``[extract_skills(t) for t in texts]``, at 1.4 to 1.7 times the
    throughput (measured on texts of 0.6 and 2.8 KB: NumPy's fixed cost is paid per block
    of texts, not per text; see ``docs/performance.md``).

    Parameters
    ----------
    texts : iterable of str, or pandas.Series of str

    Returns
    -------
    list of list of str, or pandas.Series
        A Series with the same index and name when ``texts`` is a Series.

    Raises
    ------
    TypeError
        If an element is not a string (missing values included); the message names its
        position, or its index label for a Series.
    ValueError
        If a text is longer than ``MAX_TEXT_CHARS`` (named the same way).

    Examples
    --------
    >>> from rolefit import extract_skills_many
    >>> extract_skills_many(["Python and SQL", "R&D budgets", "We run Spark on k8s"])
    [['python', 'sql'], [], ['kubernetes', 'spark']]
    """
    pd = sys.modules.get("pandas")
    series = pd is not None and isinstance(texts, pd.Series)
    if isinstance(texts, str | bytes):
        raise TypeError("texts must be an iterable of strings, not one string")
    values = texts.tolist() if series else list(texts)
    for pos, text in enumerate(values):
        if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
            label = texts.index[pos : pos + 1].tolist()[0] if series else pos
            _check_text(text, f"text {label!r}")
    found = [sorted(keys) for keys in _matcher().keys_many(values)]
    if series:
        return pd.Series(found, index=texts.index, name=texts.name, dtype=object)
    return found


def find_skills(text: str):
    """Return every skill mention in ``text`` as a DataFrame.

    Returns
    -------
    pandas.DataFrame
        One row per mention in text order, with columns ``skill_id``, ``name``,
        ``category``, ``matched`` (the exact substring), ``start`` and ``end``
        (``text[start:end] == matched``).

    Examples
    --------
    >>> from rolefit import find_skills
    >>> find_skills("Python and k8s")[["skill_id", "matched", "start", "end"]]
         skill_id matched  start  end
    0      python  Python      0    6
    1  kubernetes     k8s     11   14
    """
    import pandas as pd

    text = _check_text(text)
    by_id = knowledge().skill_by_id
    rows = [
        (k, by_id[k].name, by_id[k].category, text[s:e], s, e)
        for s, e, k in _matcher().find(text)
    ]
    return pd.DataFrame(
        rows, columns=["skill_id", "name", "category", "matched", "start", "end"]
    ).astype({"start": "int64", "end": "int64"})


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
