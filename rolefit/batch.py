"""Score many people at once: one sparse matrix product per chunk of rows.

Each row is a skill list (list, tuple, array of strings) or a text (str), read exactly as
:func:`rolefit.score` reads it, so ``score_many`` and ``score`` agree row for row.

How it stays fast: the items of a chunk are dictionary-encoded by one C-level ``map``
over a process-wide vocabulary (:class:`_Vocabulary`), so Python code runs once per
*distinct* string, not once per item, and each distinct string is resolved once per
process (which is also what makes chunked files and Dask partitions cheap). Rows then
become a sparse 0/1 matrix, skill coverage (implied credit included) comes from a sparse
product with the implication matrix, and role scores from one product with the profile
weights.
"""

from __future__ import annotations

import math
import sys
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain, islice

import numpy as np

from rolefit._data import knowledge
from rolefit.profiles import matrices
from rolefit.skills import _check_text, _matcher, check_item, resolve

__all__ = ["score_many"]

CHUNK_ROWS = 100_000
VOCABULARY_SIZE = 250_000  # distinct strings remembered across calls before a reset
_EMPTY: tuple = ()
_SEQUENCES = (list, tuple, np.ndarray)


def _is_missing(value) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ == "NAType"  # pandas.NA, without importing pandas


class _NotText(TypeError):
    """A skill-list item that is not a string (found while encoding)."""


class _Vocabulary(dict):
    """Distinct skill-list items seen so far, each mapped to a code, with their columns.

    Looking an item up (``vocabulary[item]``) gives its code and, for a new item, assigns
    the next one (``__missing__``), so a whole chunk is encoded by one C-level ``map``.
    :meth:`resolve` then resolves the new items; ``cols``/``counts``/``unknown`` are
    arrays indexed by code. Thread-safe: Dask may score partitions in threads.
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
            found = [resolver.item(item) for item in new]
            counts = np.fromiter((len(r) if r else 0 for r in found), np.int64, len(found))
            cols = np.fromiter(chain.from_iterable(r for r in found if r), np.int64)
            offsets = len(self.cols) + np.cumsum(counts) - counts
            self.unknown = np.concatenate([self.unknown, [r is None for r in found]])
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

    def item(self, item: str) -> tuple[int, ...] | None:
        """Column indices of one skill-list item; None when it is unknown."""
        if not item.strip():  # skipped, as rolefit.score skips blank items
            return ()
        ids, _ = resolve(item)
        return tuple(self.index[i] for i in ids) if ids else None

    def texts(self, texts: list[str]) -> list[tuple[int, ...]]:
        """Column indices of the skills in each text (texts scanned together)."""
        index = self.index
        return [tuple(sorted(index[k] for k in keys)) for keys in _matcher().keys_many(texts)]


def _label(labels, start, pos):
    """The name of row ``pos`` of a chunk: its index label, or its position overall."""
    if labels is None:
        return start + pos
    return labels[pos : pos + 1].tolist()[0]  # a plain Python value, not a NumPy scalar


def _classify(rows, start, labels, missing):
    """Split a chunk into list rows (position, sequence), text rows and missing rows."""
    list_pos: list[int] = []
    list_rows: list = []
    texts: dict[int, str] = {}
    valid = np.ones(len(rows), dtype=bool)
    for pos, row in enumerate(rows):
        if isinstance(row, str):
            texts[pos] = row
        elif _is_missing(row):
            if missing == "raise":
                raise ValueError(
                    f"row {_label(labels, start, pos)!r} is missing ({row!r}); "
                    "pass missing='nan' to score it as NaN"
                )
            valid[pos] = False
        elif isinstance(row, bytes | bytearray) or not isinstance(row, Iterable):
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


def _first_non_string(list_rows):
    for row_pos, row in enumerate(list_rows):
        for item_pos, item in enumerate(row):
            if not isinstance(item, str):
                return row_pos, item_pos, item
    raise AssertionError("no non-string item found")  # pragma: no cover


def encode_chunk(rows: list, resolver: _Resolver, start: int = 0, labels=None, missing="raise"):
    """Turn one chunk of rows into CSR parts of explicit skills plus unknown items.

    Returns ``(indptr, indices, n_unknown, unknown, valid)``: ``indptr`` and ``indices``
    are the CSR structure of the distinct explicit skills of each row (column indices
    sorted within a row), ``n_unknown`` counts unknown items per row, ``unknown`` is an
    object array holding each row's tuple of unknown items (``()`` for none) and ``valid``
    is False for missing rows kept with ``missing="nan"``.
    """
    n = len(rows)
    if set(map(type, rows)) <= set(_SEQUENCES):  # the common case: only skill lists
        list_pos, list_rows, texts, valid = None, rows, {}, np.ones(n, dtype=bool)
    else:
        list_pos, list_rows, texts, valid = _classify(rows, start, labels, missing)
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
    text_entries = None
    if texts:
        for pos, text in texts.items():
            _check_text(text, f"text of row {_label(labels, start, pos)!r}")
        cols = resolver.texts(list(texts.values()))
        found = [(pos, c) for pos, row in zip(texts, cols, strict=True) for c in row]
        if found:
            text_entries = np.array(found, dtype=np.int64)
    return _encode_codes(codes, row_of_item, n, vocab, text_entries) + (valid,)


def encode_arrow(cells, resolver: _Resolver, start=0, labels=None, missing="raise"):
    """:func:`encode_chunk` for a pyarrow list<string> array, without Python lists.

    The items are dictionary-encoded by Arrow (C++); Python only sees the distinct ones.
    Null rows are missing rows; a null item raises a TypeError naming it.
    """
    import pyarrow.compute as pc

    n = len(cells)
    valid = cells.is_valid().to_numpy(zero_copy_only=False)
    if missing == "raise" and not valid.all():
        pos = int(np.argmin(valid))
        raise ValueError(
            f"row {_label(labels, start, pos)!r} is missing (None); "
            "pass missing='nan' to score it as NaN"
        )
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
    """CSR parts and unknown items from item codes (see :func:`encode_chunk`)."""
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
    return indptr, indices, n_unknown, unknown


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


def _chunks(items, size) -> Iterator[tuple[list, object]]:
    import pandas as pd

    if isinstance(items, pd.Series):
        for begin in range(0, len(items), size):
            part = items.iloc[begin : begin + size]
            yield part.tolist(), part.index
        return
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise TypeError(
            "score_many expects a list, a pandas Series or an iterable of skill lists or "
            f"texts, got {type(items).__name__}"
        )
    if isinstance(items, list | tuple):
        for begin in range(0, len(items), size):
            yield list(items[begin : begin + size]), None
        return
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk, None
        del chunk  # so that at most one chunk is alive while the next one is read


def _progress(total, enabled):
    if enabled is None:
        enabled = sys.stderr.isatty() and (total is None or total > CHUNK_ROWS)
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="rows", desc="rolefit", leave=False)


def score_many(items, *, missing: str = "raise", progress: bool | None = None,
               chunksize: int = CHUNK_ROWS, model=None):
    """Score many skill lists or texts at once.

    Parameters
    ----------
    items : list, pandas.Series, iterable or dask Series
        Each element is a skill list (list/tuple/array of strings) or a text (str). A
        generator is consumed chunk by chunk, never held whole. A Series of pyarrow lists
        of strings (``pd.read_parquet(..., dtype_backend="pyarrow")``) is encoded by Arrow
        without making Python lists (quickest). A dask Series gives a lazy dask DataFrame
        (see ``docs/performance.md``).
    missing : {"raise", "nan"}
        What to do with a None/NaN row: raise a ValueError naming it, or score it as NaN.
    progress : bool, optional
        Show a progress bar (tqdm, on stderr); by default only for inputs of more than
        ``chunksize`` rows on an interactive terminal. ``False`` silences it.
    chunksize : int
        Rows scored per sparse product (bounds memory).
    model : None, False, str or path, optional
        The role classifier that joins the profile fit in the ranking behind
        ``top_role``, as in :func:`rolefit.score` (None: the shipped one; False: profile
        fit alone).

    Returns
    -------
    pandas.DataFrame
        One row per input (a Series keeps its index) and one float column per role id (the
        profile fit, as :func:`rolefit.score` computes it), then ``top_role`` (the
        best-ranked role, as ``rolefit.score(row).top``), ``n_skills``
        (skills recognised, implied ones excluded), ``n_unknown`` and ``unknown`` (tuple of
        the unrecognised skill-list items).

    Examples
    --------
    >>> import rolefit
    >>> out = rolefit.score_many([["python", "docker", "kubernetes", "mlflow"],
    ...                           "SQL, Tableau and Excel"])
    >>> out["top_role"].tolist()
    ['ml_engineer', 'data_analyst']
    """
    if missing not in ("raise", "nan"):
        raise ValueError(f"missing must be 'raise' or 'nan', got {missing!r}")
    if model is not None and model is not False:
        from rolefit.classifier import LinearModel, read_model

        if not isinstance(model, LinearModel):
            model = read_model(model)  # once, not per chunk
    if hasattr(items, "map_partitions") and hasattr(items, "npartitions"):
        from rolefit._dask import score_many_dask

        return score_many_dask(items, missing=missing, model=model)
    import pandas as pd

    resolver = _Resolver()
    total = len(items) if hasattr(items, "__len__") else None
    bar = _progress(total, progress)
    parts = _Parts(model)
    arrow = _arrow_lists(items)  # e.g. read with dtype_backend="pyarrow": no Python lists
    try:
        if arrow is not None:
            for begin in range(0, len(arrow), chunksize):
                resolver.vocabulary = _vocabulary()
                cells = arrow.slice(begin, chunksize)
                labels = items.index[begin : begin + chunksize]
                parts.add(*encode_arrow(cells, resolver, begin, labels, missing))
                if bar is not None:
                    bar.update(len(cells))
        for rows, labels in _chunks(items, chunksize) if arrow is None else ():
            resolver.vocabulary = _vocabulary()  # a fresh one if it has grown too big
            parts.add(*encode_chunk(rows, resolver, parts.rows, labels, missing))
            if bar is not None:
                bar.update(len(rows))
            del rows, labels  # at most one chunk of the caller's rows alive at a time
    finally:
        if bar is not None:
            bar.close()
    out = parts.result()
    if isinstance(items, pd.Series):
        out.index = items.index
    return out


class _Parts:
    """Score encoded chunks and collect their columns until :meth:`result`.

    ``model`` is the role classifier whose probabilities join the profile fit in the
    ranking that picks ``top_role`` (as in :func:`rolefit.score`); False ranks by the
    profile fit alone.
    """

    def __init__(self, model=None):
        self.weights_t = np.ascontiguousarray(matrices().weights.T)
        self.model = model
        self.scores, self.n_skills, self.n_unknown, self.unknown = [], [], [], []
        self.rank = []
        self.rows = 0

    def add(self, indptr, indices, n_unknown, unknown, valid) -> None:
        n = len(valid)
        closed = close_sparse(skill_matrix(indptr, indices, n))
        chunk = np.asarray(closed @ self.weights_t)
        rank = chunk
        if self.model is not False:
            from rolefit.classifier import classifier_proba, combine_scores

            rank = combine_scores(chunk, classifier_proba(closed, model=self.model))
        chunk[~valid] = np.nan
        rank[~valid] = np.nan
        self.rank.append(rank)
        self.scores.append(chunk)
        self.n_skills.append(np.diff(indptr))
        self.n_unknown.append(n_unknown)
        self.unknown.append(unknown)
        self.rows += n

    def result(self):
        return _result(self.scores, self.n_skills, self.n_unknown, self.unknown, self.rank)


def score_arrow(cells):
    """Score a pyarrow list<string> array (a Parquet list column): the ``score_many``
    result, with null rows scored as NaN; far quicker than going through Python lists."""
    parts = _Parts()
    parts.add(*encode_arrow(cells, _Resolver(), missing="nan"))
    return parts.result()


def _result(scores, n_skills, n_unknown, unknown, rank=None):
    """The result DataFrame from per-chunk arrays (also builds the empty result);
    ``top_role`` follows ``rank`` (per-chunk arrays like ``scores``), else the scores."""
    import pandas as pd

    role_ids = matrices().role_ids

    def join(parts, dtype, width=None):
        if not parts:
            return np.zeros((0, width) if width else 0, dtype=dtype)
        out = parts[0] if len(parts) == 1 else np.concatenate(parts)
        return out.astype(dtype, copy=False)

    scores = join(scores, np.float64, len(role_ids))
    rank = scores if not rank else join(rank, np.float64, len(role_ids))
    frame = pd.DataFrame(scores, columns=list(role_ids), copy=False)
    top = np.asarray(role_ids, dtype=object)[np.argmax(np.nan_to_num(rank, nan=0.0), axis=1)]
    top[np.isnan(scores[:, 0])] = None  # rows scored as NaN (missing="nan")
    frame["top_role"] = pd.Series(top, dtype=pd.Series(["x"]).dtype)  # str (or object)
    frame["n_skills"] = join(n_skills, np.int64)
    frame["n_unknown"] = join(n_unknown, np.int64)
    frame["unknown"] = join(unknown, object)
    return frame


def _empty_result():
    """The zero-row result, with the same columns and dtypes as any other."""
    return _result([], [], [], [])
