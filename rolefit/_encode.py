"""Encode skill lists and texts as sparse skill matrices (the vector step of rolefit).

Items are dictionary-encoded by one C-level ``map`` over a process-wide vocabulary
(:class:`_Vocabulary`), so Python code runs once per *distinct* string, not once per item,
and each distinct string is resolved once per process (which is also what makes chunked
files and Dask partitions cheap). Rows become a sparse 0/1 matrix (:func:`skill_matrix`),
and implied skills are added by one sparse product with the implication matrix
(:func:`close_sparse`). :func:`closed_matrix` and :func:`explicit_matrix` do the same for
rows that are already canonical skill ids.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping
from functools import cache
from itertools import chain

import numpy as np

from rolefit._data import knowledge
from rolefit._input import list_items
from rolefit.profiles import matrices
from rolefit.skills import (
    _check_text,
    _not_held,
    check_item,
    held_keys_many,
    is_missing_spelling,
    resolve,
)

VOCABULARY_SIZE = 250_000  # distinct strings remembered across calls before a reset
_EMPTY: tuple = ()
_SEQUENCES = (list, tuple, np.ndarray)


def check_missing(missing) -> str:
    """``missing`` as :func:`rolefit.score_many` and :func:`rolefit.io.read_cells` take it:
    ``"raise"`` or ``"nan"``, else a ValueError naming it."""
    if not isinstance(missing, str) or missing not in ("raise", "nan"):
        raise ValueError(f"missing must be 'raise' or 'nan', got {missing!r}")
    return missing


def _is_missing(value) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ == "NAType"  # pandas.NA, without importing pandas


def _missing_what(row) -> str:
    """How the message of a missing row names it (see :func:`encode_chunk`)."""
    row = row.as_py() if hasattr(row, "as_py") else row  # a pyarrow scalar
    if isinstance(row, str):
        return (f"{row!r}, a spelling of a missing value" if row.strip()
                else f"an empty text: {row!r}")
    if _is_missing(row):
        return repr(row)
    return f"a skill list without an item: {list(row)!r}"


class _NotText(TypeError):
    """A skill-list item that is not a string (found while encoding)."""


class _Vocabulary(dict):
    """Distinct skill-list items seen so far, each mapped to a code, with their columns.

    Looking an item up (``vocabulary[item]``) gives its code and, for a new item, assigns
    the next one (``__missing__``), so a whole chunk is encoded by one C-level ``map``.
    :meth:`resolve` then resolves the new items; ``cols``/``counts``/``unknown``/
    ``corrected`` are arrays indexed by code. Thread-safe: Dask may score partitions in threads.
    """

    def __init__(self):
        super().__init__()
        self.items: list[str] = []
        self.resolved: list[tuple[int, ...] | None] = []
        # item k gives columns cols[offsets[k] : offsets[k] + counts[k]]
        self.counts = np.zeros(0, dtype=np.int64)
        self.offsets = np.zeros(0, dtype=np.int64)
        self.cols = np.zeros(0, dtype=np.int64)
        self.unknown = np.zeros(0, dtype=bool)
        self.corrected = np.zeros(0, dtype=bool)  # read as a skill after a typo fix
        self.blank = np.zeros(0, dtype=bool)  # empty or only whitespace: skipped
        self.names = np.zeros(0, dtype=object)  # the items, as an array
        self.lock = threading.Lock()

    def __missing__(self, item):
        if not isinstance(item, str):
            raise _NotText(item)
        with self.lock:
            code = self.get(item)
            if code is None:
                code = len(self.items)
                self.items.append(str(item))
                self[item] = code
        return code

    def resolve(self, resolver) -> None:
        """Resolve every item added since the last call (each distinct string once)."""
        with self.lock:
            done = len(self.resolved)
            new = self.items[done:]
            if not new:
                return
            found, corrected = zip(*map(resolver.item, new), strict=True)
            counts = np.fromiter((len(r) if r else 0 for r in found), np.int64, len(found))
            cols = np.fromiter(chain.from_iterable(r for r in found if r), np.int64)
            offsets = len(self.cols) + np.cumsum(counts) - counts
            self.unknown = np.concatenate([self.unknown, [r is None for r in found]])
            self.corrected = np.concatenate([self.corrected, np.asarray(corrected, bool)])
            self.blank = np.concatenate([self.blank, [not s.strip() for s in new]])
            self.names = np.concatenate([self.names, np.array(new, dtype=object)])
            self.offsets = np.concatenate([self.offsets, offsets])
            self.cols = np.concatenate([self.cols, cols])
            self.counts = np.concatenate([self.counts, counts])  # published last
            self.resolved.extend(found)


_VOCABULARY = _Vocabulary()


def _vocabulary() -> _Vocabulary:
    global _VOCABULARY
    if len(_VOCABULARY.items) > VOCABULARY_SIZE:
        _VOCABULARY = _Vocabulary()  # callers still holding the old one keep using it
    return _VOCABULARY


class _Resolver:
    """Resolve skill-list items and texts to column indices.

    Skill-list items go through a process-wide :class:`_Vocabulary` (reset once it holds
    ``VOCABULARY_SIZE`` strings), so repeated calls over chunks of one big input, or over
    Dask partitions, resolve each distinct string once.
    """

    def __init__(self):
        self.index = knowledge().skill_index
        self.vocabulary = _vocabulary()

    def item(self, item: str) -> tuple[tuple[int, ...] | None, bool]:
        """Column indices of one skill-list item, None when it is unknown (an item that
        names skills only to deny them or to say they are learned is not unknown, as in
        :func:`rolefit.skills.parse_skill_list`), and whether it was read after a typo fix
        (a correction)."""
        if not item.strip():  # skipped, as rolefit.score skips blank items
            return (), False
        ids, corrected = resolve(item)
        if ids:
            return tuple(self.index[i] for i in ids), corrected
        denied, learned = _not_held(item[:10_000])
        return (() if denied or learned else None), False

    def texts(self, texts: list[str]) -> list[tuple[int, ...]]:
        """Column indices of the skills in each text (texts scanned together)."""
        index = self.index
        return [tuple(sorted(index[k] for k in keys)) for keys in held_keys_many(texts)]


def _label(labels, start, pos):
    """The name of row ``pos`` of a chunk: its index label, or its position overall."""
    if labels is None:
        return start + pos
    return labels[pos : pos + 1].tolist()[0]  # a plain Python value, not a NumPy scalar


def _classify(rows, start, labels, missing, strings="auto"):
    """Split a chunk into list rows (position, sequence), text rows and missing rows.

    A missing row is None, NaN, ``pd.NA`` or a text that is empty, only whitespace or only
    a spelling of a missing value (:func:`rolefit.skills.is_missing_spelling`: "None",
    "NA", ...); with ``missing="raise"`` the first one raises a ValueError naming it. With
    ``strings="auto"`` a string that looks like a skill list
    (:func:`rolefit._input.list_items`) is a list row, as :func:`rolefit.score` reads it;
    with ``"text"`` every string is a text.
    """
    list_pos: list[int] = []
    list_rows: list = []
    texts: dict[int, str] = {}
    valid = np.ones(len(rows), dtype=bool)
    for pos, row in enumerate(rows):
        if isinstance(row, str) and not is_missing_spelling(row):
            _check_text(row, f"text of row {_label(labels, start, pos)!r}")
            items = list_items(row, lines=False) if strings == "auto" else None
            if items is None:
                texts[pos] = row
            else:
                list_pos.append(pos)
                list_rows.append(items)
        elif isinstance(row, str) or _is_missing(row):
            valid[pos] = False
            _check_missing(valid, rows, start, labels, missing)
        elif isinstance(row, bytes | bytearray | Mapping) or not isinstance(row, Iterable):
            raise TypeError(
                f"row {_label(labels, start, pos)!r} is {type(row).__name__}; "
                "expected a skill list or a text string"
            )
        else:
            list_pos.append(pos)
            if isinstance(row, set | frozenset):  # as score() does: no hash-seed order
                row = sorted(row, key=str)
            list_rows.append(row if isinstance(row, _SEQUENCES) else list(row))
    return list_pos, list_rows, texts, valid


def _empty_lists(codes, row_of_item, lists, vocab):
    """Which rows are skill lists without an item that is not blank (``[]``, ``[""]``):
    ``lists`` marks the skill-list rows, ``codes`` and ``row_of_item`` are their items."""
    filled = np.bincount(row_of_item[~vocab.blank[codes]], minlength=len(lists))
    return lists & (filled == 0)


def _check_missing(valid, rows, start, labels, missing) -> None:
    """With ``missing="raise"``, raise a ValueError naming the first row that is not
    ``valid`` (a missing row), if any."""
    if missing == "raise" and not valid.all():
        pos = int(np.argmin(valid))
        raise ValueError(
            f"row {_label(labels, start, pos)!r} is missing ({_missing_what(rows[pos])}); "
            "pass missing='nan' to score it as NaN"
        )


def _first_non_string(list_rows):
    for row_pos, row in enumerate(list_rows):
        for item_pos, item in enumerate(row):
            if not isinstance(item, str):
                return row_pos, item_pos, item
    raise AssertionError("no non-string item found")  # pragma: no cover


def encode_chunk(rows: list, resolver: _Resolver, start: int = 0, labels=None, missing="raise",
                 strings="auto"):
    """Turn one chunk of rows into CSR parts of explicit skills plus unknown items.

    Returns ``(indptr, indices, n_unknown, unknown, corrections, valid)``: ``indptr`` and
    ``indices`` are the CSR structure of the distinct explicit skills of each row (column
    indices sorted within a row), ``n_unknown`` counts unknown items per row, ``unknown``
    is an object array holding each row's tuple of unknown items (``()`` for none),
    ``corrections`` one holding each row's tuple of ``(item, skill_id)`` pairs read after a
    typo fix (distinct, in input order; ``()`` for none) and ``valid`` is False for
    missing rows kept with ``missing="nan"``: those :func:`_classify` finds, and skill
    lists without an item that is not blank (``[]``, ``[""]``). ``strings`` says how a
    string is read (see :func:`_classify`).
    """
    n = len(rows)
    if set(map(type, rows)) <= set(_SEQUENCES):  # the common case: only skill lists
        list_pos, list_rows, texts, valid = None, rows, {}, np.ones(n, dtype=bool)
    else:
        list_pos, list_rows, texts, valid = _classify(rows, start, labels, missing, strings)
    lengths = np.fromiter(map(len, list_rows), dtype=np.int64, count=len(list_rows))
    vocab = resolver.vocabulary
    try:  # one C-level pass: each item -> its code (new items get the next code)
        codes = np.fromiter(
            map(vocab.__getitem__, chain.from_iterable(list_rows)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
    except TypeError:  # a non-string item (_NotText) or an unhashable one
        row_pos, item_pos, item = _first_non_string(list_rows)
        pos = row_pos if list_pos is None else list_pos[row_pos]
        check_item(item, f"{item_pos} of row {_label(labels, start, pos)!r}")
    vocab.resolve(resolver)
    row_of_item = np.repeat(
        np.arange(len(list_rows)) if list_pos is None else np.asarray(list_pos, np.int64),
        lengths,
    )
    lists = np.zeros(n, dtype=bool)
    lists[slice(None) if list_pos is None else list_pos] = True
    valid &= ~_empty_lists(codes, row_of_item, lists, vocab)
    _check_missing(valid, rows, start, labels, missing)
    text_entries = None
    if texts:  # (their length was checked by _classify)
        cols = resolver.texts(list(texts.values()))
        found = [(pos, c) for pos, row in zip(texts, cols, strict=True) for c in row]
        if found:
            text_entries = np.array(found, dtype=np.int64)
    return _encode_codes(codes, row_of_item, n, vocab, text_entries) + (valid,)


def encode_arrow(cells, resolver: _Resolver, start=0, labels=None, missing="raise"):
    """:func:`encode_chunk` for a pyarrow list<string> array, without Python lists.

    The items are dictionary-encoded by Arrow (C++); Python only sees the distinct ones.
    Null rows and lists without an item that is not blank are missing rows; a null item
    raises a TypeError naming it.
    """
    import pyarrow.compute as pc

    n = len(cells)
    valid = cells.is_valid().to_numpy(zero_copy_only=False)
    flat = pc.list_flatten(cells)
    row_of_item = pc.list_parent_indices(cells).to_numpy(zero_copy_only=False).astype(np.int64)
    if flat.null_count:
        bad = int(np.argmax(flat.is_null().to_numpy(zero_copy_only=False)))
        row = int(row_of_item[bad])
        item_pos = bad - int(np.searchsorted(row_of_item, row))
        check_item(None, f"{item_pos} of row {_label(labels, start, row)!r}")
    encoded = pc.dictionary_encode(flat)
    vocab = resolver.vocabulary
    distinct = encoded.dictionary.to_pylist()
    local = np.fromiter(map(vocab.__getitem__, distinct), dtype=np.int64, count=len(distinct))
    vocab.resolve(resolver)
    codes = local[encoded.indices.to_numpy(zero_copy_only=False)]
    valid &= ~_empty_lists(codes, row_of_item, valid, vocab)
    _check_missing(valid, cells, start, labels, missing)
    return _encode_codes(codes, row_of_item, n, vocab) + (valid,)


def _arrow_lists(items):
    """The pyarrow list<string> array behind a pandas Series, or None if it has none."""
    import pandas as pd

    dtype = getattr(items, "dtype", None)
    if not isinstance(items, pd.Series) or not isinstance(dtype, pd.ArrowDtype):
        return None
    import pyarrow as pa

    kind = dtype.pyarrow_dtype
    if not (pa.types.is_list(kind) or pa.types.is_large_list(kind)):
        return None
    if not (pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)):
        return None
    cells = pa.array(items)
    return cells.combine_chunks() if isinstance(cells, pa.ChunkedArray) else cells


def _encode_codes(codes, row_of_item, n, vocab, text_entries=None):
    """CSR parts, unknown items and corrections from item codes (see
    :func:`encode_chunk`)."""
    counts = vocab.counts[codes]
    if counts.size and counts.max() > 1:  # items like "Python and SQL" give several skills
        first = np.repeat(vocab.offsets[codes], counts)
        within = np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts)
        entry_rows, entry_cols = np.repeat(row_of_item, counts), vocab.cols[first + within]
    else:
        hit = counts == 1
        entry_rows, entry_cols = row_of_item[hit], vocab.cols[vocab.offsets[codes[hit]]]
    ordered = text_entries is None
    if text_entries is not None:
        entry_rows = np.concatenate([entry_rows, text_entries[:, 0]])
        entry_cols = np.concatenate([entry_cols, text_entries[:, 1]])
    indptr, indices = _csr_distinct(entry_rows, entry_cols, n, ordered)
    # unknown items, reported per row in input order
    where = np.flatnonzero(vocab.unknown[codes])
    unknown_rows = row_of_item[where]
    n_unknown = np.bincount(unknown_rows, minlength=n)
    unknown = np.empty(n, dtype=object)
    unknown.fill(_EMPTY)
    if where.size:
        names = vocab.names[codes[where]].tolist()
        bounds = np.flatnonzero(np.diff(unknown_rows)) + 1
        starts, ends = [0, *bounds.tolist()], [*bounds.tolist(), len(names)]
        groups = map(tuple, map(names.__getitem__, map(slice, starts, ends)))
        unknown[unknown_rows[starts]] = np.fromiter(groups, dtype=object, count=len(starts))
    return indptr, indices, n_unknown, unknown, _corrections(codes, row_of_item, n, vocab)


def _corrections(codes, row_of_item, n, vocab):
    """Each row's ``(item, skill_id)`` pairs of the items read after a typo fix."""
    corrections = np.empty(n, dtype=object)
    corrections.fill(_EMPTY)
    where = np.flatnonzero(vocab.corrected[codes])
    if not where.size:
        return corrections
    skill_ids = matrices().skill_ids
    pairs: dict[int, dict] = {}
    for k in where.tolist():
        code = int(codes[k])
        column = int(vocab.cols[vocab.offsets[code]])
        pairs.setdefault(int(row_of_item[k]), {})[(vocab.items[code], skill_ids[column])] = None
    for row, found in pairs.items():
        corrections[row] = tuple(found)
    return corrections


def _csr_distinct(rows, cols, n_rows, ordered=False):
    """CSR ``indptr`` and ``indices`` of the distinct (row, col) pairs, sorted in each row.

    ``ordered`` says ``rows`` is already non-decreasing (entries grouped by row).
    """
    from scipy import sparse

    shape = (n_rows, len(knowledge().skill_index))
    data = np.ones(len(rows))
    if ordered:
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
        matrix = sparse.csr_matrix((data, cols, indptr), shape=shape)
    else:
        matrix = sparse.csr_matrix((data, (rows, cols)), shape=shape)
    matrix.sum_duplicates()  # sorts each row's columns and merges repeats, in C++
    return matrix.indptr, matrix.indices


def skill_matrix(indptr, indices, n_rows):
    """Explicit 0/1 CSR matrix (rows x skills) from CSR parts."""
    from scipy import sparse

    n_skills = len(knowledge().skills)
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(n_rows, n_skills))


@cache
def _implication_csr():
    from scipy import sparse

    return sparse.csr_matrix(matrices().implication)


def close_sparse(explicit):
    """Coverage in [0, 1] of every skill (implied credit included) from a sparse 0/1
    matrix of listed skills; stays sparse (see :func:`rolefit.profiles.close_skills`)."""
    closed = explicit @ _implication_csr()
    np.minimum(closed.data, 1.0, out=closed.data)
    return closed


def closed_matrix(id_lists):
    """Sparse 0/1 matrix (rows x taxonomy skills) of id tuples, implied skills added."""
    from scipy import sparse

    index = knowledge().skill_index
    indptr, indices = [0], []
    for ids in id_lists:
        indices.extend(sorted(index[s] for s in ids))
        indptr.append(len(indices))
    explicit = sparse.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(indptr) - 1, len(index)),
    )
    return close_sparse(explicit)


def explicit_matrix(id_lists):
    """Sparse 0/1 matrix of id tuples, without implied skills (one-hot skills)."""
    from scipy import sparse

    index = knowledge().skill_index
    rows, cols = [], []
    for r, ids in enumerate(id_lists):
        for s in ids:
            rows.append(r)
            cols.append(index[s])
    return sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(id_lists), len(index))
    )
