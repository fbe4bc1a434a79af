"""Ranking metrics for role predictions: top-k, balanced top-k, MRR, Brier score,
calibration, confusion matrix and a company-bootstrap margin.

``proba`` is an (n, n_roles) array of scores in ``classes`` order; higher ranks first.

The confusion matrix is scikit-learn's. The rest is written here (numpy only) because
scikit-learn's versions differ: ``top_k_accuracy_score`` breaks ties by label position, so
a tie can hit by luck (here a tie counts against the model, and top-k, balanced top-k and
MRR share one rank computation), and it requires sorted labels while ``classes`` follows
the catalogue's role order; ``brier_score_loss`` also assumes sorted columns (and needs
scikit-learn 1.7 for more than two classes); ``calibration_curve`` is binary and returns
neither the bin counts nor the edges that the report and the expected calibration error
need; nothing there bootstraps by group.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "balanced_topk",
    "bootstrap_margin",
    "brier_score",
    "confusion_matrix",
    "expected_calibration_error",
    "mean_reciprocal_rank",
    "metrics",
    "reliability_curve",
    "topk_accuracy",
]

def _codes(y, classes) -> np.ndarray:
    position = {c: i for i, c in enumerate(classes)}
    try:
        return np.fromiter((position[v] for v in y), dtype=np.int64, count=len(y))
    except KeyError as exc:
        raise ValueError(f"label {exc.args[0]!r} is not among the classes {list(classes)}") \
            from None


def _ranks(proba, codes) -> np.ndarray:
    """1-based rank of the true class in each row (ties counted pessimistically)."""
    proba = np.asarray(proba, dtype=np.float64)
    true = proba[np.arange(len(codes)), codes]
    return 1 + (proba > true[:, None]).sum(axis=1) + (
        (proba == true[:, None]).sum(axis=1) - 1
    )


def topk_accuracy(proba, y, classes, k: int = 1) -> float:
    """Share of rows whose true class is among the ``k`` highest scores.

    Ties are counted against the model (a uniform score never "hits" by luck).

    Examples
    --------
    >>> from rolefit.build.metrics import topk_accuracy
    >>> p = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.5, 0.1, 0.4]]
    >>> topk_accuracy(p, ["a", "c", "c"], ["a", "b", "c"], k=1)
    0.3333333333333333
    >>> topk_accuracy(p, ["a", "c", "c"], ["a", "b", "c"], k=2)
    1.0
    """
    codes = _codes(y, classes)
    return float(np.mean(_ranks(proba, codes) <= k))


def balanced_topk(proba, y, classes, k: int = 1) -> float:
    """Top-``k`` accuracy averaged over the classes present in ``y`` (each counts equally).

    Examples
    --------
    >>> from rolefit.build.metrics import balanced_topk
    >>> p = [[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.4, 0.6]]
    >>> balanced_topk(p, ["a", "a", "a", "b"], ["a", "b"])
    1.0
    >>> balanced_topk(p, ["a", "a", "b", "b"], ["a", "b"])
    0.75
    """
    codes = _codes(y, classes)
    hits = _ranks(proba, codes) <= k
    present = np.unique(codes)
    return float(np.mean([hits[codes == c].mean() for c in present]))


def mean_reciprocal_rank(proba, y, classes) -> float:
    """Mean of 1 / rank of the true class.

    Examples
    --------
    >>> from rolefit.build.metrics import mean_reciprocal_rank
    >>> mean_reciprocal_rank([[0.6, 0.4], [0.7, 0.3]], ["a", "b"], ["a", "b"])
    0.75
    """
    codes = _codes(y, classes)
    return float(np.mean(1.0 / _ranks(proba, codes)))


def brier_score(proba, y, classes) -> float:
    """Multi-class Brier score: mean squared distance to the one-hot truth (0 is best, 2 worst).

    Examples
    --------
    >>> from rolefit.build.metrics import brier_score
    >>> brier_score([[1.0, 0.0], [0.5, 0.5]], ["a", "b"], ["a", "b"])
    0.25
    """
    proba = np.asarray(proba, dtype=np.float64)
    codes = _codes(y, classes)
    onehot = np.zeros_like(proba)
    onehot[np.arange(len(codes)), codes] = 1.0
    return float(np.mean(((proba - onehot) ** 2).sum(axis=1)))


def reliability_curve(proba, y, classes, n_bins: int = 10) -> dict:
    """Top-label reliability: confidence of the predicted class against its accuracy.

    Returns
    -------
    dict
        ``lower`` / ``upper`` bin edges, ``count``, ``confidence`` (mean top
        probability) and ``accuracy`` (share correct) per non-empty bin, as lists.

    Examples
    --------
    >>> from rolefit.build.metrics import reliability_curve
    >>> curve = reliability_curve([[0.9, 0.1], [0.8, 0.2], [0.4, 0.6]], ["a", "b", "b"],
    ...                           ["a", "b"], n_bins=2)
    >>> curve["count"], curve["accuracy"]
    ([3], [0.6666666666666666])
    """
    proba = np.asarray(proba, dtype=np.float64)
    codes = _codes(y, classes)
    confidence = proba.max(axis=1)
    correct = proba.argmax(axis=1) == codes
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, n_bins - 1)
    out: dict = {"lower": [], "upper": [], "count": [], "confidence": [], "accuracy": []}
    for b in range(n_bins):
        inside = which == b
        if inside.any():
            out["lower"].append(float(edges[b]))
            out["upper"].append(float(edges[b + 1]))
            out["count"].append(int(inside.sum()))
            out["confidence"].append(float(confidence[inside].mean()))
            out["accuracy"].append(float(correct[inside].mean()))
    return out


def expected_calibration_error(proba, y, classes, n_bins: int = 10) -> float:
    """Count-weighted mean gap between confidence and accuracy over the reliability bins."""
    curve = reliability_curve(proba, y, classes, n_bins)
    count = np.asarray(curve["count"], dtype=np.float64)
    gap = np.abs(np.asarray(curve["confidence"]) - np.asarray(curve["accuracy"]))
    return float((count * gap).sum() / count.sum())


def confusion_matrix(y_true, y_pred, classes) -> np.ndarray:
    """Counts with true classes as rows and predicted classes as columns.

    Examples
    --------
    >>> from rolefit.build.metrics import confusion_matrix
    >>> confusion_matrix(["a", "a", "b"], ["a", "b", "b"], ["a", "b"]).tolist()
    [[1, 1], [0, 1]]
    """
    from sklearn.metrics import confusion_matrix

    _codes(y_true, classes), _codes(y_pred, classes)  # name a label that is not a class
    return confusion_matrix(y_true, y_pred, labels=list(classes))


def metrics(proba, y, classes) -> dict:
    codes = _codes(y, classes)
    ranks = _ranks(proba, codes)
    present = np.unique(codes)
    recall = {classes[c]: float((ranks[codes == c] <= 1).mean()) for c in present}
    support = {classes[c]: int((codes == c).sum()) for c in present}
    pred = np.asarray(classes, dtype=object)[np.asarray(proba).argmax(axis=1)]
    return {
        "n": len(codes),
        "balanced_top1": float(np.mean(list(recall.values()))),
        "top1": float(np.mean(ranks <= 1)),
        "top2": float(np.mean(ranks <= 2)),
        "balanced_top2": float(np.mean([(ranks[codes == c] <= 2).mean() for c in present])),
        "mrr": float(np.mean(1.0 / ranks)),
        "brier": brier_score(proba, y, classes),
        "ece": expected_calibration_error(proba, y, classes),
        "recall": recall,
        "support": support,
        "confusion": confusion_matrix(y, pred, classes).tolist(),
        "reliability": reliability_curve(proba, y, classes),
    }


def bootstrap_margin(proba_a, proba_b, y, classes, groups, n: int, seed: int = 0) -> dict:
    """Balanced top-1 of a minus b, with 95% percentile intervals over resampled groups.

    Groups (companies) are drawn with replacement; each draw recomputes both balanced
    accuracies. Returns the margin with its interval and ``a``'s own interval.
    """
    codes = _codes(y, classes)
    hit_a = _ranks(proba_a, codes) <= 1
    hit_b = _ranks(proba_b, codes) <= 1
    _, group_codes = np.unique(np.asarray(groups, dtype=object).astype(str),
                               return_inverse=True)
    n_groups, n_classes = group_codes.max() + 1, len(classes)
    # per group and class: rows, hits of a, hits of b
    cell = group_codes * n_classes + codes
    size = n_groups * n_classes
    rows = np.bincount(cell, minlength=size).reshape(n_groups, n_classes)
    ha = np.bincount(cell, weights=hit_a, minlength=size).reshape(n_groups, n_classes)
    hb = np.bincount(cell, weights=hit_b, minlength=size).reshape(n_groups, n_classes)

    def scores(weights):
        r, a, b = weights @ rows, weights @ ha, weights @ hb
        ok = r > 0
        return float(np.mean(a[ok] / r[ok])), float(np.mean(b[ok] / r[ok]))

    first, second = scores(np.ones(n_groups))
    rng = np.random.default_rng(seed)
    draws = np.array([
        scores(np.bincount(rng.integers(0, n_groups, n_groups),
                           minlength=n_groups).astype(np.float64))
        for _ in range(n)
    ]).reshape(n, 2)

    def interval(values):
        return [float(v) for v in np.percentile(values, [2.5, 97.5])] if n else [np.nan] * 2

    low, high = interval(draws[:, 0] - draws[:, 1])
    a_low, a_high = interval(draws[:, 0])
    return {"estimate": first - second, "low": low, "high": high, "resamples": n,
            "groups": int(n_groups), "model": first, "model_low": a_low,
            "model_high": a_high, "baseline": second}
