"""Figures of an evaluation report: reliability diagram and confusion matrix.

Each takes an :class:`~rolefit.build.evaluation.EvaluationReport` and ``ax=None`` and
returns the Axes; roles are named by their titles, every number drawn says how many
postings it rests on.
"""

from __future__ import annotations

import numpy as np

from rolefit.build.evaluation import EvaluationReport

__all__ = ["plot_confusion", "plot_reliability"]

#: Reliability bins with fewer postings than this are merged with their neighbours.
MIN_BIN_COUNT = 10


def _merged_bins(curve: dict, min_count: int = MIN_BIN_COUNT) -> dict:
    """Merge neighbouring reliability bins until each holds ``min_count`` postings.

    Bins are taken left to right and pooled until the pool reaches ``min_count``; a last
    pool that stays short joins the one before it. Confidence and accuracy of a merged
    bin are the count-weighted means, so they are those of its postings. When all bins
    together hold fewer than ``min_count`` postings, nothing is left.

    Examples
    --------
    >>> from rolefit.build.plots import _merged_bins
    >>> curve = {"lower": [0.2, 0.3, 0.5], "upper": [0.3, 0.4, 0.6], "count": [2, 9, 30],
    ...          "confidence": [0.25, 0.35, 0.55], "accuracy": [0.0, 1.0, 0.5]}
    >>> merged = _merged_bins(curve)
    >>> merged["count"], merged["lower"], merged["upper"], merged["accuracy"][0]
    ([11, 30], [0.2, 0.5], [0.4, 0.6], 0.8181818181818182)
    """
    pools: list[list[int]] = []
    current: list[int] = []
    pooled = 0
    for i, count in enumerate(curve["count"]):
        current.append(i)
        pooled += count
        if pooled >= min_count:
            pools.append(current)
            current, pooled = [], 0
    if current and pools:
        pools[-1].extend(current)
    out: dict = {"lower": [], "upper": [], "count": [], "confidence": [], "accuracy": []}
    for pool in pools:
        counts = np.array([curve["count"][j] for j in pool], dtype=float)
        out["lower"].append(curve["lower"][pool[0]])
        out["upper"].append(curve["upper"][pool[-1]])
        out["count"].append(int(counts.sum()))
        for key in ("confidence", "accuracy"):
            values = np.array([curve[key][j] for j in pool], dtype=float)
            out[key].append(float(values @ counts / counts.sum()))
    return out


def _new_axes(ax, figsize):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def plot_reliability(report: EvaluationReport, kind: str = "skills", models=None, ax=None,
                     min_count: int = MIN_BIN_COUNT):
    """Reliability diagram: confidence in the top role against the share correct.

    Bins of the report's reliability curve with fewer than ``min_count`` postings are
    merged with their neighbours (:func:`_merged_bins`), so no point rests on one or two
    postings; each point is labelled with its number of postings (above-left of the point for
    first model, below-right for the second), and the legend sits under the axes, off the
    data.

    Parameters
    ----------
    report : EvaluationReport
        The result of :func:`rolefit.build.evaluation.evaluate_postings`.
    kind : {"skills", "text"}
        Which held-out input.
    models : tuple of str, optional
        Models of ``report.results[kind]`` to draw (default: ``rolefit`` and the first
        logistic-regression baseline).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.
    min_count : int
        Smallest number of postings in a drawn bin.

    Returns
    -------
    matplotlib.axes.Axes
        One line for perfect calibration and one per model (``gid`` the model name);
        the count labels are texts with ``gid`` ``"count:<model>"``.
    """
    from matplotlib.transforms import ScaledTranslation

    if models is None:
        baselines = [m for m in report.results[kind] if m.startswith("logistic")]
        models = ("rolefit", *baselines[:1])
    ax = _new_axes(ax, (5.2, 5.6))
    ax.plot([0, 1], [0, 1], color="0.6", linestyle="--", linewidth=1,
            label="perfectly calibrated")
    colors = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
    labels = []
    n = 0
    for k, name in enumerate(models):
        result = report.results[kind][name]
        curve = _merged_bins(result["reliability"], min_count)
        n = max(n, sum(result["reliability"]["count"]))
        color = colors[k % len(colors)]
        ax.plot(curve["confidence"], curve["accuracy"], marker="o", color=color, gid=name,
                label=f"{name.replace('_', ' ')} (Brier {result['brier']:.3f})")
        left = k % 2 == 0  # counts up-left of the curve for one model, down-right for the next
        for x, y, count in zip(curve["confidence"], curve["accuracy"], curve["count"],
                               strict=True):
            labels.append(ax.annotate(
                f"{count:,}", (x, y), xytext=(-5, 5) if left else (5, -5),
                textcoords="offset points", ha="right" if left else "left",
                va="bottom" if left else "top", fontsize=7.5, color=color,
                gid=f"count:{name}"))
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="predicted probability of the top role",
           ylabel="share of postings whose top role is right")
    ax.set_aspect("equal")
    ax.set_title(f"Reliability, {kind} input ({n:,} held-out postings)\n"
                 f"numbers: postings per bin; bins under {min_count} merged", fontsize=10)
    below = ax.transAxes + ScaledTranslation(0, -0.5, ax.figure.dpi_scale_trans)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below,
              fontsize="small", frameon=False, ncol=1)
    _apart(ax, labels)
    return ax


def _apart(ax, labels) -> None:
    """Move count labels that collide with one placed before them to the first free spot
    around their point (right, left, above, below, then further out)."""
    ax.figure.draw_without_rendering()
    spots = [((5, 5), "left", "bottom"), ((-5, -5), "right", "top"), ((0, 8), "center",
             "bottom"), ((0, -8), "center", "top"), ((9, 0), "left", "center"),
             ((-9, 0), "right", "center"), ((0, 16), "center", "bottom"),
             ((0, -16), "center", "top")]
    placed = []
    for label in labels:
        box = label.get_window_extent()
        for offset, ha, va in [(None, None, None), *spots]:
            if offset is not None:
                label.set_position(offset)
                label.set_horizontalalignment(ha)
                label.set_verticalalignment(va)
                box = label.get_window_extent()
            if not any(box.overlaps(other) for other in placed):
                break
        placed.append(box)


def plot_confusion(report: EvaluationReport, kind: str = "skills", model: str = "rolefit",
                   ax=None):
    """Row-normalised confusion matrix as a heat map, roles named by their titles.

    Rows are the true roles that occur in the held-out set (their number of postings in
    the label), columns the predicted roles; a cell is the share of the row's postings
    predicted as the column's role, written as a percentage when at least 0.5%.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0].get_array()`` holds the row shares.
    """
    from rolefit._data import knowledge

    counts = np.asarray(report.results[kind][model]["confusion"], dtype=np.float64)
    keep = counts.sum(axis=1) > 0
    rows = counts[keep] / counts[keep].sum(axis=1, keepdims=True)
    titles = {r.id: r.title for r in knowledge().roles}
    labels = [titles.get(c, c) for c in report.classes]
    ax = _new_axes(ax, (8, 0.55 * int(keep.sum()) + 3.2))
    image = ax.imshow(rows, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(labels)), labels, rotation=35, ha="right",
                  rotation_mode="anchor", fontsize=9)
    ax.set_yticks(range(int(keep.sum())),
                  [f"{label} ({int(c):,})" for label, c, k
                   in zip(labels, counts.sum(axis=1), keep, strict=True) if k], fontsize=9)
    for i in range(rows.shape[0]):
        for j in range(rows.shape[1]):
            if rows[i, j] >= 0.005:
                ax.text(j, i, f"{rows[i, j]:.0%}", ha="center", va="center", fontsize=9,
                        color="white" if rows[i, j] > 0.5 else "black")
    colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.03)
    colorbar.set_label("share of the true role's postings")
    ax.set(xlabel="predicted role", ylabel="true role (held-out postings)")
    ax.set_title(f"Confusion matrix: {model}, {kind} input\n(each row sums to 100%)",
                 fontsize=10)
    return ax
