"""Figures of an evaluation report: reliability diagram and confusion matrix.

Each takes an :class:`~rolefit.build.evaluation.EvaluationReport` and ``ax=None`` and
returns the Axes.
"""

from __future__ import annotations

import numpy as np

from rolefit.build.evaluation import EvaluationReport

__all__ = ["plot_confusion", "plot_reliability"]

def plot_reliability(report: EvaluationReport, kind: str = "skills",
                     models=("rolefit", "logistic_baseline"), ax=None):
    """Reliability diagram (top-label confidence against accuracy); returns the Axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4.5))
    ax.plot([0, 1], [0, 1], color="0.6", linestyle="--", linewidth=1, label="perfect")
    for name in models:
        curve = report.results[kind][name]["reliability"]
        brier = report.results[kind][name]["brier"]
        ax.plot(curve["confidence"], curve["accuracy"], marker="o",
                label=f"{name} (Brier {brier:.3f})")
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="predicted probability of the top role",
           ylabel="share correct", title=f"Reliability, {kind} input")
    ax.legend(loc="upper left", fontsize="small")
    return ax


def plot_confusion(report: EvaluationReport, kind: str = "skills", model: str = "rolefit",
                   ax=None):
    """Row-normalised confusion matrix as a heat map; returns the Axes."""
    import matplotlib.pyplot as plt

    counts = np.asarray(report.results[kind][model]["confusion"], dtype=np.float64)
    keep = counts.sum(axis=1) > 0
    rows = counts[keep] / counts[keep].sum(axis=1, keepdims=True)
    labels = list(report.classes)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 0.5 * keep.sum() + 1.5))
    ax.imshow(rows, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_yticks(range(int(keep.sum())), [r for r, k in zip(labels, keep, strict=True) if k])
    for i in range(rows.shape[0]):
        for j in range(rows.shape[1]):
            if rows[i, j] >= 0.01:
                ax.text(j, i, f"{rows[i, j]:.2f}", ha="center", va="center", fontsize=7,
                        color="white" if rows[i, j] > 0.5 else "black")
    ax.set(xlabel="predicted", ylabel="true", title=f"{model}, {kind} input (row shares)")
    return ax
