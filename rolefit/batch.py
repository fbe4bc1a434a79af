"""Score many people at once: one sparse matrix product per chunk of rows.

Each row is a skill list (list, tuple, array of strings) or a text (str), read exactly as
:func:`rolefit.score` reads it, so ``score_many`` and ``score`` agree row for row.

How it stays fast: each chunk is encoded as a sparse skill matrix by
:mod:`rolefit._encode` (Python code runs once per distinct string), and role scores come
from one sparse product with the role weights.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import islice

import numpy as np

from rolefit._data import knowledge
from rolefit._encode import (
    _arrow_lists,
    _Resolver,
    _vocabulary,
    close_sparse,
    encode_arrow,
    encode_chunk,
    skill_matrix,
)
from rolefit.profiles import matrices

__all__ = ["score_many"]

CHUNK_ROWS = 100_000


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
    model : None, str, path or rolefit.classifier.LinearModel, optional
        The role model, as in :func:`rolefit.score` (None: the shipped one).

    Returns
    -------
    pandas.DataFrame
        One row per input (a Series keeps its index) and one float column per role id (its
        score, as ``rolefit.score(row).scores``), then ``target_role`` (the best-scored of
        the five target roles, as ``rolefit.score(row).target``), ``top_role`` (the
        best-scored role, adjacent roles included, as ``rolefit.score(row).top``), both
        missing for low-signal rows; ``low_signal`` (fewer than
        ``rolefit.fit.MIN_TECHNICAL_SKILLS`` technical skills recognised), ``n_skills``
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
    if model is False:
        raise TypeError("model=False is no longer supported: the role model is the score")
    if model is not None:
        from rolefit.classifier import LinearModel, read_model

        if not isinstance(model, LinearModel):
            model = read_model(model)  # once, not per chunk
    if hasattr(items, "map_partitions") and hasattr(items, "npartitions"):
        from rolefit._dask import score_many_dask

        return score_many_dask(items, score=score_many, empty=_empty_result(), missing=missing,
                               model=model)
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

    ``model`` is the role model (None: the shipped one), as in :func:`rolefit.score`.
    """

    def __init__(self, model=None):
        from rolefit.classifier import _aligned_model

        self.model = _aligned_model(model)
        self.technical = np.asarray(
            [s.category != "soft_skill" for s in knowledge().skills], dtype=np.int64)
        self.scores, self.n_skills, self.n_unknown, self.unknown = [], [], [], []
        self.n_technical = []
        self.rows = 0

    def add(self, indptr, indices, n_unknown, unknown, valid) -> None:
        from rolefit.classifier import role_scores

        n = len(valid)
        closed = close_sparse(skill_matrix(indptr, indices, n))
        chunk, _ = role_scores(closed, self.model)
        chunk[~valid] = np.nan
        self.scores.append(chunk)
        self.n_skills.append(np.diff(indptr))
        row_of = np.repeat(np.arange(n), np.diff(indptr))
        self.n_technical.append(np.bincount(row_of, weights=self.technical[indices],
                                            minlength=n).astype(np.int64))
        self.n_unknown.append(n_unknown)
        self.unknown.append(unknown)
        self.rows += n

    def result(self):
        return _result(self.scores, self.n_skills, self.n_unknown, self.unknown,
                       self.n_technical)


def score_arrow(cells):
    """Score a pyarrow list<string> array (a Parquet list column): the ``score_many``
    result, with null rows scored as NaN; far quicker than going through Python lists."""
    parts = _Parts()
    parts.add(*encode_arrow(cells, _Resolver(), missing="nan"))
    return parts.result()


def _best(scores, columns) -> np.ndarray:
    sub = scores[:, columns]
    return np.argmax(np.where(np.isnan(sub), -np.inf, sub), axis=1) if sub.size else np.zeros(
        len(scores), dtype=np.int64)


def _result(scores, n_skills, n_unknown, unknown, n_technical=()):
    """The result DataFrame from per-chunk arrays (also builds the empty result)."""
    import pandas as pd

    from rolefit.fit import MIN_TECHNICAL_SKILLS

    kn = knowledge()
    role_ids = matrices().role_ids
    adjacent = {r.id for r in kn.roles if r.adjacent}
    targets = [i for i, r in enumerate(role_ids) if r not in adjacent]

    def join(parts, dtype, width=None):
        if not parts:
            return np.zeros((0, width) if width else 0, dtype=dtype)
        out = parts[0] if len(parts) == 1 else np.concatenate(parts)
        return out.astype(dtype, copy=False)

    scores = join(scores, np.float64, len(role_ids))
    n_tech = join(list(n_technical), np.int64)
    frame = pd.DataFrame(scores, columns=list(role_ids), copy=False)
    invalid = np.isnan(scores).all(axis=1)  # rows scored as NaN (missing="nan")
    low = (n_tech < MIN_TECHNICAL_SKILLS) & ~invalid
    names = np.asarray(role_ids, dtype=object)
    string = pd.Series(["x"]).dtype  # str (or object)
    for column, best in (("target_role", names[targets][_best(scores, targets)]),
                         ("top_role", names[_best(scores, list(range(len(role_ids))))])):
        best = best.astype(object)
        best[invalid | low] = None
        frame[column] = pd.Series(best, dtype=string)
    frame["low_signal"] = pd.Series(low, dtype="boolean")
    frame.loc[invalid, "low_signal"] = pd.NA
    frame["n_skills"] = join(n_skills, np.int64)
    frame["n_unknown"] = join(n_unknown, np.int64)
    frame["unknown"] = join(unknown, object)
    return frame


def _empty_result():
    """The zero-row result, with the same columns and dtypes as any other."""
    return _result([], [], [], [])
