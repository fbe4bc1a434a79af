"""Score many people at once: one sparse matrix product per chunk of rows.

Each row is a skill list (list, tuple, array of strings) or a text (str), read exactly as
:func:`rolefit.score` reads it, so ``score_many`` and ``score`` agree row for row. Distinct
skill names are resolved once per call, then rows become a sparse 0/1 matrix, implied
skills are added by a sparse product with the implication matrix, and role scores come
from one product with the profile weights.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Iterator
from itertools import islice

import numpy as np

from rolefit._data import knowledge
from rolefit.profiles import matrices
from rolefit.skills import _check_text, _matcher, check_item, resolve

__all__ = ["score_many"]

CHUNK_ROWS = 100_000
_EMPTY: tuple = ()


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


class _Resolver:
    """Resolve skill-list items and texts to column indices, remembering each answer."""

    def __init__(self):
        self.index = knowledge().skill_index
        self.memo: dict[str, tuple[int, ...] | None] = {"": ()}

    def item(self, item: str) -> tuple[int, ...] | None:
        """Column indices of one skill-list item; None when it is unknown."""
        ids, _ = resolve(item)
        return tuple(self.index[i] for i in ids) if ids else None

    def text(self, text: str) -> tuple[int, ...]:
        return tuple(sorted(self.index[k] for k in _matcher().keys(_check_text(text))))


def encode_chunk(rows: list, resolver: _Resolver, start: int = 0, labels=None, missing="raise"):
    """Turn one chunk of rows into CSR parts of explicit skills plus unknown items.

    Returns ``(indptr, indices, n_unknown, unknown, valid)`` where ``unknown`` maps a row
    position (within the chunk) to its tuple of unknown items and ``valid`` is False for
    missing rows kept with ``missing="nan"``.
    """
    n = len(rows)
    lengths = np.zeros(n, dtype=np.int64)
    flat: list = []
    valid = np.ones(n, dtype=bool)
    text_cols: dict[int, tuple[int, ...]] = {}
    for pos, row in enumerate(rows):
        if isinstance(row, str):
            text_cols[pos] = resolver.text(row)
        elif _is_missing(row):
            if missing == "raise":
                label = labels[pos] if labels is not None else start + pos
                raise ValueError(
                    f"row {label!r} is missing ({row!r}); pass missing='nan' to score it as NaN"
                )
            valid[pos] = False
        elif isinstance(row, bytes | bytearray) or not isinstance(row, Iterable):
            label = labels[pos] if labels is not None else start + pos
            raise TypeError(
                f"row {label!r} is {type(row).__name__}; expected a skill list or a text string"
            )
        else:
            items = list(row)
            lengths[pos] = len(items)
            flat.extend(items)
    # distinct items once: codes index into `uniques`
    memo = resolver.memo
    uniques: dict = {}
    codes = np.fromiter(
        (uniques.setdefault(x, len(uniques)) if isinstance(x, str) else -1 for x in flat),
        dtype=np.int64,
        count=len(flat),
    )
    if (codes < 0).any():
        bad = int(np.flatnonzero(codes < 0)[0])
        row_pos = int(np.searchsorted(np.cumsum(lengths), bad, side="right"))
        label = labels[row_pos] if labels is not None else start + row_pos
        check_item(flat[bad], f"{bad - int(lengths[:row_pos].sum())} of row {label!r}")
    resolved = []
    for item in uniques:
        if item not in memo:
            memo[item] = resolver.item(item)
        resolved.append(memo[item])
    counts = np.array([len(r) if r else 0 for r in resolved], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]]) if len(counts) else counts
    cols_of_unique = np.fromiter(
        (c for r in resolved if r for c in r), dtype=np.int64, count=int(counts.sum())
    )
    row_of_item = np.repeat(np.arange(n), lengths)
    per_item = counts[codes] if len(codes) else codes
    first = np.repeat(offsets[codes], per_item) if len(codes) else codes
    within = np.arange(int(per_item.sum())) - np.repeat(np.cumsum(per_item) - per_item, per_item)
    list_rows = np.repeat(row_of_item, per_item)
    list_cols = cols_of_unique[first + within]
    # unknown items (None from the resolver) are reported per row
    is_unknown = np.array([r is None for r in resolved], dtype=bool)
    unknown_mask = is_unknown[codes] if len(codes) else np.zeros(0, dtype=bool)
    n_unknown = np.bincount(row_of_item[unknown_mask], minlength=n)
    unknown: dict[int, tuple] = {}
    for i in np.flatnonzero(unknown_mask):
        unknown.setdefault(int(row_of_item[i]), ())
        unknown[int(row_of_item[i])] += (flat[i],)
    # texts
    text_rows = np.fromiter(
        (p for p, c in text_cols.items() for _ in c), dtype=np.int64
    )
    text_cols_flat = np.fromiter((c for cs in text_cols.values() for c in cs), dtype=np.int64)
    all_rows = np.concatenate([list_rows, text_rows])
    all_cols = np.concatenate([list_cols, text_cols_flat])
    order = np.lexsort((all_cols, all_rows))
    all_rows, all_cols = all_rows[order], all_cols[order]
    keep = np.ones(len(all_rows), dtype=bool)
    keep[1:] = (all_rows[1:] != all_rows[:-1]) | (all_cols[1:] != all_cols[:-1])
    all_rows, all_cols = all_rows[keep], all_cols[keep]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(all_rows, minlength=n))])
    return indptr, all_cols, n_unknown, unknown, valid


def skill_matrix(indptr, indices, n_rows):
    """Explicit 0/1 CSR matrix (rows x skills) from CSR parts."""
    from scipy import sparse

    n_skills = len(knowledge().skills)
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(n_rows, n_skills))


def close_sparse(explicit):
    """Add implied skills to a sparse 0/1 skill matrix (stays sparse, stays 0/1)."""
    from scipy import sparse

    closed = explicit @ sparse.csr_matrix(matrices().implication)
    closed.data[:] = 1.0
    return closed


def _chunks(items, size) -> Iterator[tuple[list, list | None]]:
    import pandas as pd

    if isinstance(items, pd.Series):
        for begin in range(0, len(items), size):
            part = items.iloc[begin : begin + size]
            yield part.tolist(), part.index.tolist()
        return
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise TypeError(
            "score_many expects a list, a pandas Series or an iterable of skill lists or "
            f"texts, got {type(items).__name__}"
        )
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk, None


def _progress(total, enabled):
    if enabled is None:
        enabled = sys.stderr.isatty() and (total is None or total > CHUNK_ROWS)
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="rows", desc="rolefit", leave=False)


def score_many(items, *, missing: str = "raise", progress: bool | None = None,
               chunksize: int = CHUNK_ROWS):
    """Score many skill lists or texts at once.

    Parameters
    ----------
    items : list, pandas.Series, iterable or dask Series
        Each element is a skill list (list/tuple/array of strings) or a text (str). A
        generator is consumed chunk by chunk, never held whole. A dask Series gives a lazy
        dask DataFrame (see the README's section on scale).
    missing : {"raise", "nan"}
        What to do with a None/NaN row: raise a ValueError naming it, or score it as NaN.
    progress : bool, optional
        Show a progress bar; by default only for large inputs on an interactive terminal.
    chunksize : int
        Rows scored per sparse product (bounds memory).

    Returns
    -------
    pandas.DataFrame
        One row per input (a Series keeps its index) and one float column per role id (the
        score, as :func:`rolefit.score` computes it), then ``top_role``, ``n_skills``
        (skills recognised, implied ones excluded), ``n_unknown`` and ``unknown`` (tuple of
        the unrecognised skill-list items).

    Examples
    --------
    >>> import rolefit
    >>> out = rolefit.score_many([["python", "pytorch", "docker"], "SQL, Tableau and Excel"])
    >>> out["top_role"].tolist()
    ['ml_engineer', 'data_analyst']
    """
    import pandas as pd

    if missing not in ("raise", "nan"):
        raise ValueError(f"missing must be 'raise' or 'nan', got {missing!r}")
    if hasattr(items, "map_partitions") and hasattr(items, "npartitions"):
        from rolefit._dask import score_many_dask

        return score_many_dask(items, missing=missing)
    mats = matrices()
    weights_t = np.ascontiguousarray(mats.weights.T)
    resolver = _Resolver()
    total = len(items) if hasattr(items, "__len__") else None
    bar = _progress(total, progress)
    parts, start = [], 0
    try:
        for rows, labels in _chunks(items, chunksize):
            indptr, indices, n_unknown, unknown, valid = encode_chunk(
                rows, resolver, start, labels, missing
            )
            n = len(rows)
            explicit = skill_matrix(indptr, indices, n)
            scores = np.asarray(close_sparse(explicit) @ weights_t)
            scores[~valid] = np.nan
            frame = pd.DataFrame(scores, columns=list(mats.role_ids))
            best = np.argmax(np.nan_to_num(scores, nan=-1.0), axis=1)
            top = np.array(mats.role_ids, dtype=object)[best]
            top[~valid] = None
            frame["top_role"] = top
            frame["n_skills"] = np.diff(indptr)
            frame["n_unknown"] = n_unknown
            column = [_EMPTY] * n
            for pos, names in unknown.items():
                column[pos] = names
            frame["unknown"] = column
            parts.append(frame)
            start += n
            if bar is not None:
                bar.update(n)
    finally:
        if bar is not None:
            bar.close()
    if not parts:
        return _empty_result()
    out = pd.concat(parts, ignore_index=True)
    if isinstance(items, pd.Series):
        out.index = items.index
    return out


def _empty_result():
    import pandas as pd

    role_ids = list(matrices().role_ids)
    frame = pd.DataFrame({r: pd.Series(dtype="float64") for r in role_ids})
    frame["top_role"] = pd.Series(dtype=object)
    frame["n_skills"] = pd.Series(dtype="int64")
    frame["n_unknown"] = pd.Series(dtype="int64")
    frame["unknown"] = pd.Series(dtype=object)
    return frame
