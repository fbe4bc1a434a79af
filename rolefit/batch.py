"""Score many people at once: one sparse matrix product per chunk of rows.

Each row is a skill list (list, tuple, array of strings) or a string (a text, or a skill
list when it looks like one), read exactly as :func:`rolefit.score` reads it, so
``score_many`` and ``score`` agree row for row.

How it stays fast: each chunk is encoded as a sparse skill matrix by
:mod:`rolefit._encode` (Python code runs once per distinct string), and role scores come
from one sparse product with the role weights. With ``gaps=N`` the first gaps of each row's
target role are found once per distinct skill set (:class:`_Gaps`), with the ordering rules
of :meth:`rolefit.RoleFit.gaps`, looking only as far down the list as ``N`` rows need.
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
    check_missing,
    close_sparse,
    encode_arrow,
    encode_chunk,
    skill_matrix,
)
from rolefit.profiles import matrices
from rolefit.skills import check_count, refuse_containers

__all__ = ["score_many"]

CHUNK_ROWS = 100_000
#: The most gaps per row ``score_many(gaps=N)``, ``score-file --gaps`` and ``cohort --gaps``
#: write: the first gaps are the advice; far more only makes hundreds of columns.
MAX_GAPS = 50
GAP_CACHE = 200_000  # distinct (skill set, role) keys remembered by one gaps=N call


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
               chunksize: int = CHUNK_ROWS, model=None, gaps: int = 0):
    """Score many skill lists or texts at once.

    Parameters
    ----------
    items : list, pandas.Series, iterable or dask Series
        Each element is a skill list (list/tuple/array of strings) or a string, read as
        :func:`rolefit.score` reads it: a skill list when it is one line that looks like
        one (``"Python, SQL, pytroch"``: typos corrected, unknown items reported), else a
        text. A
        generator is consumed chunk by chunk, never held whole. A Series of pyarrow lists
        of strings (``pd.read_parquet(..., dtype_backend="pyarrow")``) is encoded by Arrow
        without making Python lists (quickest). A dask Series gives a lazy dask DataFrame
        (see ``docs/performance.md``).
    missing : {"raise", "nan"}
        What to do with a missing row: raise a ValueError naming it, or score it as NaN.
        A missing row is None, NaN or ``pd.NA``, a text that is empty, only whitespace or
        only a spelling of a missing value (``"None"``, ``"NA"``, ``"N/A"``, ``"null"``,
        ``"-"``: :data:`rolefit.skills.MISSING_SPELLINGS`, as ``rolefit score-file`` reads a
        cell) or a skill list without an item that is not blank (``[]``, ``[""]``);
        :func:`rolefit.score` raises ``NoSkillsError`` (a ``ValueError``) for such a text
        or list. A row with items none of which is known (``["qwerty"]``, ``["None"]``) is
        not missing: it scores the role baselines, flagged ``low_signal``.
    progress : bool, optional
        Show a progress bar (tqdm, on stderr); by default only for inputs of more than
        ``chunksize`` rows on an interactive terminal. ``False`` silences it.
    chunksize : int
        Rows scored per sparse product (bounds memory): a whole number >= 1.
    model : None, str, path or rolefit.classifier.LinearModel, optional
        The role model, as in :func:`rolefit.score` (None: the shipped one).
    gaps : int
        Add the first ``gaps`` gaps of each row's target role: columns ``gap_1``,
        ``gain_1``, ..., ``gap_N``, ``gain_N`` (skill id and its gain, exactly the
        ``skill_id`` and ``gain`` of ``rolefit.score(row).gaps(n=N)``; missing for
        low-signal and NaN rows and past the end of a short list). Computed once per
        distinct skill set. 0 (the default) adds nothing; at most ``MAX_GAPS`` (50).

    Raises
    ------
    TypeError
        For a pandas DataFrame or a dict (they iterate over their column names or keys;
        pass one column, or a list or Series; a one-column dask DataFrame is read), a row
        that is neither a skill list nor a text, or a skill-list item that is not a
        string; the message names the row.
    ValueError
        For a missing row with ``missing="raise"`` (the message names it), or a bad
        ``gaps`` or ``chunksize``.

    Returns
    -------
    pandas.DataFrame
        One row per input (a Series keeps its index) and one float column per role id (its
        score, as ``rolefit.score(row).scores``), then ``target_role`` (the best-scored of
        the five target roles, as ``rolefit.score(row).target``), ``top_role`` (the
        best-scored role, adjacent roles included, as ``rolefit.score(row).top``), both
        missing for low-signal rows; ``low_signal`` (bool: fewer than
        ``rolefit.fit.MIN_TECHNICAL_SKILLS`` technical skills recognised, so True for a
        row scored as NaN too; such a row is told apart by its NaN scores), ``n_skills``
        (skills recognised, implied ones excluded), ``n_unknown`` and ``unknown`` (tuple of
        the unrecognised skill-list items), ``corrections`` (tuple of ``(item, skill_id)``
        pairs: the skill-list items read as a skill after a typo fix, as
        ``rolefit.score(row).corrections``); then, with ``gaps=N``, ``gap_1``, ``gain_1``,
        ..., ``gap_N``, ``gain_N``.

    Examples
    --------
    >>> import rolefit
    >>> out = rolefit.score_many([["python", "docker", "kubernetes", "mlflow"],
    ...                           "SQL, Tableau and Excel"])
    >>> out["top_role"].tolist()
    ['ml_engineer', 'data_analyst']
    >>> out = rolefit.score_many([["python", "sql", "pandas"]], gaps=2)
    >>> out.loc[0, ["target_role", "gap_1", "gap_2"]].tolist()
    ['data_scientist', 'statistics', 'hypothesis_testing']
    """
    check_missing(missing)
    gaps = check_gaps(gaps)
    chunksize = check_count(chunksize, "chunksize", minimum=1)
    if model is False:
        raise TypeError("model=False is no longer supported: the role model is the score")
    if model is not None:
        from rolefit.classifier import LinearModel, read_model

        if not isinstance(model, LinearModel):
            model = read_model(model)  # once, not per chunk
    if hasattr(items, "map_partitions") and hasattr(items, "npartitions"):
        from functools import partial

        from rolefit._dask import score_many_dask

        return score_many_dask(items, score=partial(score_many, gaps=gaps),
                               empty=_empty_result(gaps), missing=missing, model=model)
    refuse_containers(items, "score_many", 'one column of it, e.g. df["skills"]',
                      "a list or a pandas Series of skill lists or texts (pd.Series(d) keeps "
                      "the keys as the index)")
    import pandas as pd

    resolver = _Resolver()
    total = len(items) if hasattr(items, "__len__") else None
    bar = _progress(total, progress)
    parts = _Parts(model, gaps)
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


def check_gaps(gaps) -> int:
    """``gaps`` as an int, checked: a whole number from 0 to :data:`MAX_GAPS` (a TypeError
    or ValueError otherwise). Shared by :func:`score_many`, ``score-file`` and ``cohort``."""
    return check_count(gaps, "gaps", maximum=MAX_GAPS)


class _Parts:
    """Score encoded chunks and collect their columns until :meth:`result`.

    ``model`` is the role model (None: the shipped one), as in :func:`rolefit.score`;
    ``gaps`` the number of gaps per row (0: none).
    """

    def __init__(self, model=None, gaps: int = 0):
        from rolefit.classifier import role_weights

        self.coef, self.intercept = role_weights(model)
        self.technical = np.asarray(
            [s.category != "soft_skill" for s in knowledge().skills], dtype=np.int64)
        self.scores, self.n_skills, self.n_unknown, self.unknown = [], [], [], []
        self.corrections = []
        self.n_technical = []
        self.rows = 0
        self.gaps = _Gaps(self.coef, gaps) if gaps else None
        self.gap_parts: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, indptr, indices, n_unknown, unknown, corrections, valid) -> None:
        n = len(valid)
        closed = close_sparse(skill_matrix(indptr, indices, n))
        chunk = np.asarray(closed @ self.coef.T) + self.intercept  # as role_scores
        chunk[~valid] = np.nan
        self.scores.append(chunk)
        self.n_skills.append(np.diff(indptr))
        row_of = np.repeat(np.arange(n), np.diff(indptr))
        self.n_technical.append(np.bincount(row_of, weights=self.technical[indices],
                                            minlength=n).astype(np.int64))
        self.n_unknown.append(n_unknown)
        self.unknown.append(unknown)
        self.corrections.append(corrections)
        self.rows += n
        if self.gaps is not None:
            from rolefit.fit import MIN_TECHNICAL_SKILLS

            targets = self.gaps.targets
            best = np.asarray(targets)[_best(chunk, targets)]
            best[~valid | (self.n_technical[-1] < MIN_TECHNICAL_SKILLS)] = -1
            self.gap_parts.append(self.gaps.rows(indptr, indices, closed, best))

    def result(self):
        frame = _result(self.scores, self.n_skills, self.n_unknown, self.unknown,
                        self.corrections, self.n_technical)
        if self.gaps is not None:
            _add_gap_columns(frame, self.gaps.n, self.gap_parts)
        return frame


class _Gaps:
    """The first ``n`` gaps of a role for many skill sets, as :meth:`RoleFit.gaps` orders
    them, each distinct (skill set, role) worked out once.

    The rules are those of ``RoleFit._gain_rows``: missing skills with a positive weight,
    by gain (then implied gain, then id); a skill placed right before the first gap that
    implies it; the first ``TOP_MISSING`` rows neither rare nor soft skills while others
    are left. A skill's gain is its weight, the same for everybody, so each role's skills
    are sorted once; a person's gaps are the first uncovered skills in that order (the
    implied gain, which depends on the person, is computed only to break a tie of gains),
    and only as many as ``n`` rows need are looked at.
    """

    def __init__(self, weights, n: int):
        """``weights``: the role model's ``coef`` in role order (``role_weights``)."""
        from rolefit.evidence import RARE_SHARE, gap_evidence
        from rolefit.fit import TOP_MISSING

        mats, kn = matrices(), knowledge()
        self.n, self.wanted, self.top_missing = n, min(n, TOP_MISSING), TOP_MISSING
        self.skill_ids = list(mats.skill_ids)
        self.implication = mats.implication
        adjacent = {r.id for r in kn.roles if r.adjacent}
        self.targets = [i for i, r in enumerate(mats.role_ids) if r not in adjacent]
        self.weights = weights
        soft = [kn.skill_by_id[s].category == "soft_skill" for s in self.skill_ids]
        index = kn.skill_index
        # the skills a skill implies, in the order RoleFit places them ahead of it
        self.implied = [
            [index[t] for t in sorted(kn.closure[s], key=lambda t: len(kn.closure[t]))
             if t != s]
            for s in self.skill_ids
        ]
        by_id = sorted(range(len(self.skill_ids)), key=self.skill_ids.__getitem__)
        self.order, self.tied, self.first_type, self.positive = [], [], [], []
        for i, role in enumerate(mats.role_ids):
            weights = self.weights[i].tolist()
            rounded = [round(w, 12) for w in weights]
            order = sorted((j for j in by_id if weights[j] > 1e-9), key=lambda j: -rounded[j])
            groups: dict[float, list[int]] = {}
            for j in order:
                groups.setdefault(rounded[j], []).append(j)
            self.order.append(order)
            self.tied.append({j: g for g in groups.values() if len(g) > 1 for j in g})
            evidence = gap_evidence(role)
            rare = [(evidence.get(s, {}).get("prevalence") or 1.0) < RARE_SHARE
                    for s in self.skill_ids]
            self.first_type.append([not (r or f) for r, f in zip(rare, soft, strict=True)])
            self.positive.append([w > 1e-9 for w in weights])
        self.cache: dict[tuple, list[tuple[str, float]]] = {}

    def rows(self, indptr, indices, closed, roles) -> tuple[np.ndarray, np.ndarray]:
        """Gap ids (object, None for none) and gains (NaN) of each row: ``closed`` is the
        chunk's coverage matrix (CSR), ``roles[r]`` the row's role index, -1 for no gaps
        (a low-signal or NaN row)."""
        ids = np.full((len(roles), self.n), None, dtype=object)
        gains = np.full((len(roles), self.n), np.nan)
        for r, role in enumerate(roles.tolist()):
            if role < 0:
                continue
            key = (role, *indices[indptr[r] : indptr[r + 1]].tolist())
            head = self.cache.get(key)
            if head is None:
                if len(self.cache) >= GAP_CACHE:
                    self.cache.clear()  # bounded memory on very large inputs
                covered = set(closed.indices[closed.indptr[r] : closed.indptr[r + 1]].tolist())
                head = self.cache[key] = self._head(role, key[1:], covered)
            for k, (skill_id, gain) in enumerate(head):
                ids[r, k], gains[r, k] = skill_id, gain
        return ids, gains

    def _tie_order(self, role, group, columns, covered) -> list[int]:
        """The uncovered skills of a group of equal gains, by implied gain, then id."""
        weights = self.weights[role]
        missing = np.asarray([j for j in group if j not in covered], dtype=np.int64)
        if len(missing) < 2:
            return missing.tolist()
        credit = self.implication[list(columns)].sum(axis=0)  # as RoleFit computes it
        after = np.minimum(credit[None, :] + self.implication[missing], 1.0)
        implied = (after - np.minimum(credit, 1.0)[None, :]) @ weights - weights[missing]
        return missing[np.lexsort((np.arange(len(missing)), -implied))].tolist()

    def _head(self, role: int, columns, covered: set) -> list[tuple[str, float]]:
        first_type, positive, tied = self.first_type[role], self.positive[role], self.tied[role]
        placed: list[int] = []
        done = set(covered)  # covered or already placed
        n_first = 0
        resolved: set[int] = set()
        for i in self.order[role]:
            if n_first >= self.wanted and len(placed) >= self.n:
                break  # the skills after these cannot move into the first n
            if i in tied and i not in resolved:
                resolved.update(tied[i])
                sequence = self._tie_order(role, tied[i], columns, covered)
            elif i in tied:
                continue  # placed with its group
            else:
                sequence = [i]
            for j in sequence:
                if j in done:
                    continue
                for k in [*self.implied[j], j]:
                    if k not in done and positive[k]:
                        done.add(k)
                        placed.append(k)
                        n_first += first_type[k]
        first = [i for i in placed if first_type[i]][: self.top_missing]
        chosen = set(first)
        head = first + [i for i in placed if i not in chosen]
        weights = self.weights[role]
        return [(self.skill_ids[i], float(weights[i])) for i in head[: self.n]]


def _add_gap_columns(frame, n: int, parts) -> None:
    """Append ``gap_k``/``gain_k`` columns (k = 1..n) to a result frame, in place."""
    import pandas as pd

    string = pd.Series(["x"]).dtype
    if parts:
        ids = np.concatenate([p[0] for p in parts])
        gains = np.concatenate([p[1] for p in parts])
    else:
        ids, gains = np.zeros((0, n), dtype=object), np.zeros((0, n))
    for k in range(n):
        frame[f"gap_{k + 1}"] = pd.Series(ids[:, k], dtype=string)
        frame[f"gain_{k + 1}"] = gains[:, k]


def score_texts_as_read(rows, *, gaps: int = 0, model=None):
    """Score rows made by :func:`rolefit.io.read_cells`: the ``score_many`` result
    (``gaps`` and ``model`` as there), with None rows scored as NaN and every string read
    as free text (read_cells has already made the strings it reads as lists lists; with
    ``fmt="text"`` a list-like string stays a text)."""
    parts = _Parts(model, gaps)
    parts.add(*encode_chunk(rows, _Resolver(), missing="nan", strings="text"))
    return parts.result()


def score_arrow(cells, *, gaps: int = 0, model=None):
    """Score a pyarrow list<string> array (a Parquet list column): the ``score_many``
    result (``gaps`` and ``model`` as there), with null rows scored as NaN; far quicker
    than going through Python lists."""
    parts = _Parts(model, gaps)
    parts.add(*encode_arrow(cells, _Resolver(), missing="nan"))
    return parts.result()


def _best(scores, columns) -> np.ndarray:
    sub = scores[:, columns]
    return np.argmax(np.where(np.isnan(sub), -np.inf, sub), axis=1) if sub.size else np.zeros(
        len(scores), dtype=np.int64)


def _result(scores, n_skills, n_unknown, unknown, corrections, n_technical=()):
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
    low = n_tech < MIN_TECHNICAL_SKILLS  # True for those too: they have no skill
    names = np.asarray(role_ids, dtype=object)
    string = pd.Series(["x"]).dtype  # str (or object)
    for column, best in (("target_role", names[targets][_best(scores, targets)]),
                         ("top_role", names[_best(scores, list(range(len(role_ids))))])):
        best = best.astype(object)
        best[invalid | low] = None
        frame[column] = pd.Series(best, dtype=string)
    frame["low_signal"] = low  # bool, never missing: as written to Parquet and CSV
    frame["n_skills"] = join(n_skills, np.int64)
    frame["n_unknown"] = join(n_unknown, np.int64)
    frame["unknown"] = join(unknown, object)
    frame["corrections"] = join(corrections, object)
    return frame


def _empty_result(gaps: int = 0):
    """The zero-row result, with the same columns and dtypes as any other."""
    frame = _result([], [], [], [], [])
    if gaps:
        _add_gap_columns(frame, gaps, [])
    return frame
