"""Evaluation figures, on a literal report: merged bins, counts, titles, nothing overlapping."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import rolefit
from rolefit.build import plots
from rolefit.profiles import matrices


def _curve(counts, accuracy):
    """A reliability curve over ten bins, empty bins left out as the metric does."""
    keep = [i for i, c in enumerate(counts) if c]
    return {"lower": [i / 10 for i in keep], "upper": [(i + 1) / 10 for i in keep],
            "count": [counts[i] for i in keep],
            "confidence": [i / 10 + 0.05 for i in keep],
            "accuracy": [accuracy[i] for i in keep]}


ROLES = tuple(matrices().role_ids)
CONFUSION = np.diag([50, 40, 30, 20, 10, 5, 0]) + 2
CONFUSION[-1] = 0  # no held-out posting of the last role
REPORT = SimpleNamespace(
    classes=ROLES,
    results={
        "skills": {
            "rolefit": {
                "reliability": _curve([0, 0, 1, 2, 40, 80, 60, 30, 1, 2],
                                      [0, 0, 0, 1, .40, .55, .62, .75, 0, 1]),
                "brier": 0.61, "confusion": CONFUSION.tolist()},
            "logistic_baseline": {
                "reliability": _curve([0, 3, 30, 50, 70, 40, 20, 12, 5, 0],
                                      [0, 1, .30, .42, .50, .58, .70, .80, .9, 0]),
                "brier": 0.66, "confusion": CONFUSION.tolist()},
        },
        "text": {
            "rolefit": {"reliability": _curve([0, 0, 0, 3, 4, 0, 0, 0, 0, 0],
                                              [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]),
                        "brier": 0.7, "confusion": CONFUSION.tolist()},
        },
    },
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _drawn(ax):
    if not isinstance(ax.figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(ax.figure)
    ax.figure.canvas.draw()
    return ax.figure.canvas.get_renderer()


def _apart(texts, renderer):
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_text()]
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), f"{a!r} and {b!r} overlap"


def test_small_bins_are_merged_and_nothing_is_lost():
    curve = REPORT.results["skills"]["rolefit"]["reliability"]
    merged = plots._merged_bins(curve)
    assert min(merged["count"]) >= plots.MIN_BIN_COUNT
    assert sum(merged["count"]) == sum(curve["count"])
    assert merged["lower"][0] == curve["lower"][0] and merged["upper"][-1] == 1.0
    correct = sum(c * a for c, a in zip(curve["count"], curve["accuracy"], strict=True))
    assert sum(c * a for c, a in zip(merged["count"], merged["accuracy"], strict=True)) == (
        pytest.approx(correct))
    # the first bins (1 + 2 postings) join the 40 after them, the last (1 + 2) the 30 before
    assert merged["count"] == [43, 80, 60, 33]
    tiny = plots._merged_bins(REPORT.results["text"]["rolefit"]["reliability"])
    assert tiny["count"] == []  # 7 postings in all: nothing to draw


def test_reliability_draws_merged_bins_with_their_counts():
    ax = plots.plot_reliability(REPORT, "skills")
    assert ax.get_xlim() == (0.0, 1.0) and ax.get_ylim() == (0.0, 1.0)
    assert len(ax.lines) == 3
    for name in ("rolefit", "logistic_baseline"):
        merged = plots._merged_bins(REPORT.results["skills"][name]["reliability"])
        (line,) = [line for line in ax.lines if line.get_gid() == name]
        assert list(line.get_xdata()) == pytest.approx(merged["confidence"])
        assert list(line.get_ydata()) == pytest.approx(merged["accuracy"])
        counts = [t.get_text() for t in ax.texts if t.get_gid() == f"count:{name}"]
        assert counts == [f"{c:,}" for c in merged["count"]]
    assert "merged" in ax.get_title()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[1:] == ["rolefit (Brier 0.610)", "logistic baseline (Brier 0.660)"]


def test_reliability_legend_is_off_the_data_and_labels_apart():
    ax = plots.plot_reliability(REPORT, "skills")
    renderer = _drawn(ax)
    legend = ax.get_legend().get_window_extent(renderer)
    assert not legend.overlaps(ax.get_window_extent(renderer))
    assert legend.y0 >= ax.figure.bbox.y0 - 1  # not cut off
    _apart(ax.texts, renderer)
    _apart(ax.get_xticklabels(), renderer)


def test_reliability_hides_a_curve_with_too_few_postings():
    ax = plots.plot_reliability(REPORT, "text", models=("rolefit",))
    (line,) = [line for line in ax.lines if line.get_gid() == "rolefit"]
    assert len(line.get_xdata()) == 0 and not ax.texts


def test_confusion_names_roles_by_title_with_counts():
    fig = Figure(figsize=(8, 7), layout="constrained")
    ax = plots.plot_confusion(REPORT, "skills", ax=fig.subplots())
    titles = rolefit.roles()["title"]
    assert [t.get_text() for t in ax.get_xticklabels()] == [titles[r] for r in ROLES]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    totals = CONFUSION.sum(axis=1)
    assert rows == [f"{titles[r]} ({n:,})" for r, n in zip(ROLES, totals, strict=True) if n]
    shares = np.asarray(ax.images[0].get_array())
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    assert all(t.get_fontsize() >= 9 for t in ax.texts)
    assert {t.get_text() for t in ax.texts} >= {f"{CONFUSION[0, 0] / totals[0]:.0%}"}
    renderer = _drawn(ax)
    _apart(ax.get_yticklabels(), renderer)
    _apart(ax.texts, renderer)
    # slanted x labels: anchors further apart, across the slant, than a line is high
    xs = [ax.transData.transform((x, 0))[0] for x in range(len(ROLES))]
    line = ax.get_xticklabels()[0].get_fontsize() * fig.dpi / 72
    assert np.diff(xs).min() * np.sin(np.deg2rad(35)) >= line
