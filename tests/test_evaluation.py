"""Evaluation metrics and protocol, on literal arrays and a small synthetic posting set."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolefit.build import datasets, metrics, plots
from rolefit.build import evaluation as ev
from rolefit.build.datasets import Postings
from rolefit.build.evaluation_report import to_markdown
from rolefit.profiles import matrices

CLASSES = ["a", "b", "c"]


def test_ties_count_against_the_model():
    uniform = np.full((2, 3), 1 / 3)
    assert metrics.topk_accuracy(uniform, ["a", "b"], CLASSES, k=2) == 0.0
    assert metrics.topk_accuracy(uniform, ["a", "b"], CLASSES, k=3) == 1.0
    assert metrics.mean_reciprocal_rank(uniform, ["a", "b"], CLASSES) == pytest.approx(1 / 3)


def test_metrics_on_a_literal_example():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.5, 0.1, 0.4], [0.2, 0.3, 0.5]])
    y = ["a", "b", "c", "c"]
    assert metrics.topk_accuracy(p, y, CLASSES) == 0.75
    assert metrics.balanced_topk(p, y, CLASSES) == pytest.approx((1 + 1 + 0.5) / 3)
    assert metrics.balanced_topk(p, y, CLASSES, k=2) == 1.0
    assert metrics.mean_reciprocal_rank(p, y, CLASSES) == pytest.approx((1 + 1 + 0.5 + 1) / 4)
    expected = np.mean([0.09 + 0.04 + 0.01, 0.01 + 0.16 + 0.09, 0.25 + 0.01 + 0.36,
                        0.04 + 0.09 + 0.25])
    assert metrics.brier_score(p, y, CLASSES) == pytest.approx(expected)
    assert metrics.confusion_matrix(y, ["a", "b", "a", "c"], CLASSES).tolist() == [
        [1, 0, 0], [0, 1, 0], [1, 0, 1]]
    curve = metrics.reliability_curve(p, y, CLASSES, n_bins=2)
    assert sum(curve["count"]) == 4
    assert 0 <= metrics.expected_calibration_error(p, y, CLASSES) <= 1


def test_unknown_labels_are_named():
    with pytest.raises(ValueError, match="'z' is not among"):
        metrics.topk_accuracy([[1.0, 0, 0]], ["z"], CLASSES)


@given(st.lists(st.sampled_from(CLASSES), min_size=1, max_size=30), st.integers(0, 2**32 - 1))
def test_metric_bounds(labels, seed):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(3), size=len(labels))
    for k in (1, 2, 3):
        assert 0 <= metrics.balanced_topk(p, labels, CLASSES, k) <= 1
    assert metrics.balanced_topk(p, labels, CLASSES, 3) == 1.0
    assert 1 / 3 <= metrics.mean_reciprocal_rank(p, labels, CLASSES) <= 1
    assert 0 <= metrics.brier_score(p, labels, CLASSES) <= 2
    onehot = np.eye(3)[[CLASSES.index(c) for c in labels]]
    assert metrics.brier_score(onehot, labels, CLASSES) == 0
    assert metrics.balanced_topk(onehot, labels, CLASSES) == 1


def test_held_out_is_stable_and_by_company():
    names = [f"c{i}" for i in range(400)] * 2
    mask = ev.held_out(names)
    assert (mask[:400] == mask[400:]).all()
    assert 0.15 < mask.mean() < 0.35
    assert (ev.held_out(names) == mask).all()


def test_bootstrap_margin():
    rng = np.random.default_rng(0)
    y = rng.choice(CLASSES, 300)
    groups = rng.integers(0, 60, 300)
    perfect = np.eye(3)[[CLASSES.index(c) for c in y]]
    noise = rng.dirichlet(np.ones(3), 300)
    same = metrics.bootstrap_margin(noise, noise, y, CLASSES, groups, 50)
    assert same["estimate"] == same["low"] == same["high"] == 0.0
    better = metrics.bootstrap_margin(perfect, noise, y, CLASSES, groups, 50)
    assert better["low"] > 0.3 and better["model"] == 1.0
    assert better["groups"] == 60


def test_ceiling_on_duplicates():
    from scipy import sparse

    X = sparse.csr_matrix(np.array([[1, 0], [1, 0], [1, 0], [0, 1]]))
    got = ev._ceiling(X, ["a", "a", "b", "b"], ["a", "b"])
    assert got["top1"] == 0.75 and got["distinct_vectors"] == 2
    assert got["rows_sharing_vector_with_other_role"] == 0.75


# -- the protocol on a synthetic posting set -------------------------------------------------
PROFILES = {
    "data_analyst": ("sql", "excel", "tableau", "power_bi", "looker"),
    "data_engineer": ("spark", "airflow", "kafka", "snowflake", "dbt"),
    "ml_engineer": ("pytorch", "docker", "kubernetes", "mlflow", "tensorflow"),
    "ai_engineer": ("langchain", "llm", "rag", "python", "vector_database"),
}


@pytest.fixture(scope="module")
def synthetic() -> Postings:
    rng = np.random.default_rng(7)
    skill_ids = set(matrices().skill_ids)
    rows = []
    for i in range(240):
        role = list(PROFILES)[i % 4]
        pool = [s for s in PROFILES[role] if s in skill_ids]
        other = [s for r, p in PROFILES.items() if r != role for s in p if s in skill_ids]
        picks = set(rng.choice(pool, 3, replace=False)) | set(rng.choice(other, 1))
        builtin = role in ("ml_engineer", "ai_engineer") and i % 3 == 0
        rows.append((
            "builtin" if builtin else "data_jobs",
            f"company {i % 80}",
            ("2026-01-15" if i % 2 else "2026-02-15") if builtin else
            ("2023-05-01" if i % 2 else "2023-11-01"),
            role,
            tuple(sorted(picks)),
            tuple(sorted(picks | {pool[0]})) if builtin else (),
            float(100_000 + 1000 * (i % 7)),
            True,
        ))
    frame = pd.DataFrame(rows, columns=["source", "company", "date", "role", "list_ids",
                                        "text_ids", "salary", "us"])
    return Postings(frame, {"data_jobs": frozenset(skill_ids), "builtin": frozenset(skill_ids)},
                    {}, {"synthetic": "v1"})


@pytest.fixture(scope="module")
def report(synthetic):
    return ev.evaluate_postings(synthetic, bootstrap=20)


MODELS = ("rolefit", "logistic_balanced", "logistic_plain", "majority")


def test_report_has_every_model_and_figure(report):
    roles = matrices().role_ids
    assert report.classes == roles
    assert list(report.splits) == ["company_time", "company"]
    for split in report.splits.values():
        for kind in ("skills", "text"):
            assert set(split["results"][kind]) == set(MODELS)
            for m in split["results"][kind].values():
                assert 0 <= m["balanced_top1"] <= 1 and m["n"] > 0
                assert np.asarray(m["confusion"]).sum() == m["n"]
    skills = report.splits["company"]["results"]["skills"]
    assert skills["rolefit"]["balanced_top1"] > skills["majority"]["balanced_top1"]
    assert skills["majority"]["balanced_top1"] == pytest.approx(1 / 4)
    info = report.splits["company"]["info"]
    assert info["test_postings"] + info["train_postings"] == 240
    assert report.margins["skills"]["resamples"] == 20
    # the headline is the split by company and time
    assert report.results is report.splits["company_time"]["results"]
    assert "cutoffs" in report.splits["company_time"]["info"]


def test_report_outputs(report):
    head = report.headline()
    assert {"skills", "text", "split"} <= set(head)
    assert "margin_vs_balanced_logistic" in head["skills"]
    table = report.table("skills")
    assert list(table.index) == list(MODELS)
    conf = report.confusion("text")
    assert list(conf.index) == list(report.classes)
    text = to_markdown(report, "rolefit evaluate --bootstrap 20")
    assert "Generated by `rolefit evaluate --bootstrap 20` on " + report.date in text
    for heading in ("## Targets", "## Split: company_time (headline)", "## Split: company",
                    "### Skill-list input", "### Text input", "## What the data can support"):
        assert heading in text


def test_extras_can_be_skipped(synthetic):
    quick = ev.evaluate_postings(synthetic, bootstrap=0, extras=False)
    assert quick.ceiling == {} and list(quick.splits) == ["company_time"]
    assert "## What the data can support" not in to_markdown(quick)


def test_tuning_ranks_settings(synthetic, monkeypatch):
    grid = {"lam": (1e-3, 1e-2), "prior_scale": (4.0,), "guide_blend": (0.5,),
            "baseline_C": (0.1, 1.0)}
    monkeypatch.setattr(ev, "TUNE_GRID", grid)
    train, _ = ev._split_masks(synthetic.frame)
    rows = ev._tune(synthetic, train)
    assert [r["model"] for r in rows] == ["logistic_balanced"] * 2 + ["rolefit"] * 2
    for model in ("rolefit", "logistic_balanced"):
        got = [r["cv_skills_balanced_top1"] + r["cv_text_balanced_top1"] for r in rows
               if r["model"] == model]
        assert got == sorted(got, reverse=True)


def test_plots_return_axes(report):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = plots.plot_reliability(report, "skills")
    assert len(ax.lines) == 3 and ax.get_xlim() == (0.0, 1.0)
    fig, axes = plt.subplots(1, 2)
    assert plots.plot_confusion(report, "text", ax=axes[1]) is axes[1]
    assert axes[1].images
    plt.close("all")


def test_find_datasets_honours_the_environment(tmp_path, monkeypatch):
    (tmp_path / "data_jobs_2023").mkdir()
    monkeypatch.setenv("ROLEFIT_DATASETS", str(tmp_path))
    assert datasets.find_datasets() == tmp_path
