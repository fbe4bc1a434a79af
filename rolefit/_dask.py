"""Score a Dask Series lazily, one pandas partition at a time.

Dask is an optional extra (``pip install rolefit[dask]``) and is only imported by the code
that receives a Dask collection. :func:`rolefit.score_many` sends Dask objects here, so the
usual recipe needs nothing else::

    import dask.dataframe as dd
    import rolefit

    postings = dd.read_parquet("postings/")
    scores = rolefit.score_many(postings["skills"])  # lazy: nothing is read yet
    scores.to_parquet("scores/")  # runs on the cluster, partition by partition

Each partition is scored by :func:`rolefit.score_many` in the worker that holds it, with
the settings of :func:`rolefit.set_config` at the time the graph was made, so the result
equals the in-process one row for row (the index is kept).
"""

from __future__ import annotations

from rolefit._config import config_context, get_config

__all__ = ["score_many_dask"]


def _score_partition(part, score, missing, model=None, config=None):
    with config_context(**(config or {})):
        return score(part, missing=missing, progress=False, model=model)


def score_many_dask(items, *, score, empty, missing: str = "raise", model=None):
    """Score a Dask Series of skill lists or texts, lazily.

    Parameters
    ----------
    items : dask.dataframe.Series or one-column dask.dataframe.DataFrame
        Each element is a skill list or a text, as for :func:`rolefit.score_many`.
    score : callable
        The in-process scorer applied to each pandas partition
        (:func:`rolefit.score_many`; passed in so that this module never imports it).
    empty : pandas.DataFrame
        The zero-row result, whose columns and dtypes are the lazy result's ``meta``.
    missing : {"raise", "nan"}
        What to do with a None/NaN row (checked when the partition is computed).
    model : None, False or rolefit.classifier.LinearModel, optional
        The role model, as for :func:`rolefit.score_many`.

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy; one partition per input partition, with the columns and dtypes of the pandas
        result of :func:`rolefit.score_many` and the input's index.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> import pandas as pd
    >>> import rolefit
    >>> texts = pd.Series(["PyTorch, Docker and k8s", "SQL, Tableau and Excel"])
    >>> scores = rolefit.score_many(dd.from_pandas(texts, npartitions=2))
    >>> scores.npartitions, list(scores.columns[-7:])  # doctest: +NORMALIZE_WHITESPACE
    (2, ['target_role', 'top_role', 'low_signal', 'n_skills', 'n_unknown', 'unknown',
         'corrections'])
    >>> scores["top_role"].compute(scheduler="sync").tolist()
    ['ml_engineer', 'data_analyst']

    Note that ``dd.from_pandas`` turns a column of lists into strings unless Dask's
    ``dataframe.convert-string`` option is off; ``dd.read_parquet`` keeps lists as lists.
    """
    if missing not in ("raise", "nan"):
        raise ValueError(f"missing must be 'raise' or 'nan', got {missing!r}")
    if getattr(items, "ndim", 1) == 2:
        columns = list(items.columns)
        if len(columns) != 1:
            raise TypeError(
                f"score_many needs one column of skill lists or texts, got a DataFrame with "
                f"columns {columns}; pass df[column]"
            )
        items = items[columns[0]]
    meta = empty.copy()
    meta.index = items._meta.index[:0]
    # the settings of this process (rolefit.set_config) go with the graph to the workers
    return items.map_partitions(_score_partition, score, missing, model, get_config(),
                                meta=meta)
