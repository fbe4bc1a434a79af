"""Charts: checked on the data and artists they draw, not on pixels."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import rolefit
from rolefit import plot
from rolefit.profiles import matrices
from rolefit.salaries import MIN_N, salary_percentiles

SKILLS = ["python", "pytorch", "docker", "sql", "kubernetes", "aws", "git", "pandas"]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def fit():
    return rolefit.score(SKILLS)


@pytest.fixture
def ax():
    return Figure(figsize=(8, 6)).subplots()


@pytest.fixture(scope="module")
def cohort():
    profiles = rolefit.role_profiles()
    rng = np.random.default_rng(0)
    people = []
    for i in range(60):
        prof = profiles[profiles["role_id"] == profiles["role_id"].unique()[i % 7]]
        k = min(len(prof), 3 + i % 6)
        people.append(list(rng.choice(prof["skill_id"], size=k, replace=False)))
    return rolefit.score_many(people)


def _titles():
    return rolefit.roles()["title"].to_dict()


def _ticks(labels):
    return [t.get_text() for t in labels]


# -- salaries ------------------------------------------------------------------------------
@pytest.mark.parametrize("region", ["us", "worldwide"])
def test_salary_ranges_draws_guide_and_survey(ax, region):
    out = plot.salary_ranges(ax=ax, region=region)
    assert out is ax
    catalogue = rolefit.roles()
    by_gid = {a.get_gid(): a for a in [*ax.patches, *ax.lines] if a.get_gid()}
    for role_id, row in catalogue.iterrows():
        band = by_gid.get(f"guide:{role_id}")
        if pd.isna(row["salary_min_usd"]):
            assert band is None
            continue
        assert band.get_x() == pytest.approx(row["salary_min_usd"])
        assert band.get_width() == pytest.approx(row["salary_max_usd"] - row["salary_min_usd"])
    table = salary_percentiles(region)
    for row in table.itertuples():
        thick = by_gid.get(f"survey:{row.role_id}:{row.experience_level}:p25-p75")
        if row.n < MIN_N:
            assert thick is None
        else:
            assert list(thick.get_xdata()) == [row.p25, row.p75]
            mid = by_gid[f"survey:{row.role_id}:{row.experience_level}:p50"]
            assert list(mid.get_xdata()) == [row.p50]
    labels = _ticks(ax.get_yticklabels())
    assert [label.split("\n")[0] for label in labels] == list(catalogue["title"])
    assert "USD" in ax.get_xlabel()
    assert ("US residents" if region == "us" else "all countries") in ax.get_title()


def test_salary_ranges_subset_and_errors(ax):
    plot.salary_ranges(ax=ax, roles=["data_scientist", "ml_engineer"], levels=("SE",))
    assert [t.split("\n")[0] for t in _ticks(ax.get_yticklabels())] == [
        "Data Scientist",
        "ML Engineer",
    ]
    assert {g.get_gid().split(":")[2] for g in ax.lines if g.get_gid()} == {"SE"}
    with pytest.raises(ValueError, match="region"):
        plot.salary_ranges(region="eu")
    with pytest.raises(ValueError, match="unknown role"):
        plot.salary_ranges(roles=["wizard"])
    with pytest.raises(ValueError, match="experience levels"):
        plot.salary_ranges(levels=("XX",))


def test_salary_ranges_creates_a_figure_when_no_axes():
    ax = plot.salary_ranges()
    assert ax.figure is not None and len(plt.get_fignums()) == 1


# -- overlap -------------------------------------------------------------------------------
def test_role_similarity_is_cosine_of_profiles():
    sim = plot.role_similarity()
    w = matrices().weights
    unit = w / np.linalg.norm(w, axis=1, keepdims=True)
    np.testing.assert_allclose(sim.to_numpy(), unit @ unit.T, atol=1e-12)
    assert list(sim.index) == list(matrices().role_ids)


def test_skill_overlap_heatmap_is_symmetric_with_unit_diagonal(ax):
    assert plot.skill_overlap(ax=ax) is ax
    data = np.asarray(ax.images[0].get_array())
    assert data.shape == (7, 7)
    np.testing.assert_array_equal(data, data.T)
    np.testing.assert_array_equal(np.diag(data), 1.0)
    assert ((data >= 0) & (data <= 1)).all()
    titles = list(_titles().values())
    assert _ticks(ax.get_xticklabels()) == titles
    assert _ticks(ax.get_yticklabels()) == titles
    assert len(ax.texts) == 49
    assert "cosine" in ax.get_title()


def test_skill_matrix_rows_are_the_top_skills_clustered(ax):
    from scipy.cluster.hierarchy import leaves_list, linkage

    assert plot.skill_matrix(ax=ax, n=20) is ax
    data = np.ma.getdata(ax.images[0].get_array())
    assert data.shape == (20, 7)
    shares, names, _, _ = plot._top_skill_shares(20)
    order = leaves_list(linkage(shares, method="average", metric="cosine",
                                optimal_ordering=True))
    assert _ticks(ax.get_yticklabels()) == [names[i] for i in order]
    np.testing.assert_allclose(data, shares[order] * 100)
    assert np.ma.getmaskarray(ax.images[0].get_array()).tolist() == (data == 0).tolist()
    assert _ticks(ax.get_xticklabels()) == list(_titles().values())
    # every role's two largest skills are among the rows
    mats = matrices()
    ids = plot._top_skill_shares(20)[2]
    for row in mats.weights:
        top2 = [mats.skill_ids[j] for j in np.argsort(-row, kind="stable")[:2]]
        assert set(top2) <= set(ids)


def test_skill_matrix_small_n(ax):
    plot.skill_matrix(ax=ax, n=2)
    assert len(ax.get_yticklabels()) == 2
    with pytest.raises(ValueError):
        plot.skill_matrix(n=0)


# -- one person ----------------------------------------------------------------------------
def test_fit_bars_total_widths_are_the_scores(ax, fit):
    assert plot.fit_bars(fit, ax=ax) is ax
    ranking = fit.ranking
    totals = np.zeros(len(ranking))
    for patch in ax.patches:
        y = round(patch.get_y() + patch.get_height() / 2)
        totals[y] += patch.get_width()
    np.testing.assert_allclose(totals, ranking["score"].to_numpy(), atol=1e-12)
    expected = [t + (" (adjacent)" if a else "") for t, a in
                zip(ranking["title"], ranking["adjacent"], strict=True)]
    assert _ticks(ax.get_yticklabels()) == expected
    assert ax.get_xlim() == (0, 1)


def test_fit_bars_segments_are_the_explanation_coloured_by_category(ax, fit):
    plot.fit_bars(fit, ax=ax)
    top = fit.ranking.index[0]
    explained = fit.explain(top)
    segments = sorted(
        (p.get_x(), p.get_width(), c.get_label())
        for c in ax.containers for p in c.patches if round(p.get_y() + 0.35) == 0
    )
    assert [w for _, w, _ in segments] == pytest.approx(explained["contribution"].tolist())
    assert [cat for *_, cat in segments] == explained["category"].tolist()
    for container in ax.containers:
        assert len({to_hex(p.get_facecolor()) for p in container.patches}) == 1
    colours = [(to_hex(c.patches[0].get_facecolor()), c.patches[0].get_hatch() or "")
               for c in ax.containers]
    assert len(set(colours)) == len(ax.containers)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [plot.CATEGORY_LABELS[c.get_label()] for c in ax.containers]
    assert any(t.get_text() == f"{fit.ranking['score'].iloc[0]:.0%}" for t in ax.texts)


def test_gap_bars_count_widths_and_category_colours(ax, fit):
    gaps = fit.gaps(fit.target, n=12)
    assert plot.gap_bars(fit, ax=ax) is ax
    bars = ax.patches
    assert len(bars) == len(gaps) == min(12, len(fit.gaps(fit.target)))
    assert [b.get_width() for b in bars] == pytest.approx(gaps["gain"].tolist())
    assert _ticks(ax.get_yticklabels()) == gaps["name"].tolist()
    colour_of = {}
    for bar, category in zip(bars, gaps["category"], strict=True):
        key = (to_hex(bar.get_facecolor()), bar.get_hatch() or "")
        assert colour_of.setdefault(category, key) == key
    assert len(set(colour_of.values())) == len(colour_of)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [plot.CATEGORY_LABELS[c] for c in colour_of]
    assert _titles()[fit.target] in ax.get_title()


def test_gap_bars_for_a_named_role_and_n(ax, fit):
    plot.gap_bars(fit, "data_engineer", ax=ax, n=3)
    assert len(ax.patches) == 3
    assert "Data Engineer" in ax.get_title()
    with pytest.raises(ValueError, match="unknown role"):
        plot.gap_bars(fit, "wizard")
    with pytest.raises(ValueError, match="n must be"):
        plot.gap_bars(fit, n=0)


def test_gap_bars_without_gaps(ax):
    profile = rolefit.role_profiles()
    full = rolefit.score(profile.loc[profile.role_id == "data_analyst", "skill_id"].tolist())
    plot.gap_bars(full, "data_analyst", ax=ax)
    assert not ax.patches
    assert "No missing skills" in ax.texts[0].get_text()


def test_category_colors_are_stable_and_distinct():
    cats = list(plot.CATEGORY_LABELS)
    colors = plot.category_colors(cats)
    assert list(colors) == cats
    assert len(set(colors.values())) == len(cats)
    assert colors["language"][0] in plot.OKABE_ITO


def test_category_colors_extend_a_mapping():
    base = plot.category_colors(["cloud", "mlops"])
    more = plot.category_colors(["nlp", "cloud"], start=base)
    assert more["cloud"] == base["cloud"] and more["mlops"] == base["mlops"]
    assert more["nlp"] not in (base["cloud"], base["mlops"])


def test_a_shared_mapping_keeps_colours_consistent_across_charts(fit):
    gaps = fit.gaps(fit.target, n=12)
    colors = plot.category_colors([*gaps["category"], "cloud", "language"])
    left, right = Figure().subplots(), Figure().subplots()
    plot.fit_bars(fit, ax=left, colors=colors)
    plot.gap_bars(fit, ax=right, colors=colors)
    given = {(to_hex(c), h) for c, h in colors.values()}
    for container in left.containers:
        drawn = (to_hex(container.patches[0].get_facecolor()), container.patches[0].get_hatch()
                 or "")
        if container.get_label() in colors:
            assert drawn == (to_hex(colors[container.get_label()][0]),
                             colors[container.get_label()][1])
        else:  # a category the mapping lacks gets a pair nobody else uses
            assert drawn not in given
    for bar, category in zip(right.patches, gaps["category"], strict=True):
        assert to_hex(bar.get_facecolor()) == to_hex(colors[category][0])
    assert len(left.get_legend().get_texts()) == len(left.containers)  # only categories drawn


def test_shortcuts_on_the_fit(ax, fit):
    assert fit.plot(ax=ax) is ax
    assert len(ax.patches) > 0
    other = Figure().subplots()
    assert fit.plot_gaps("ml_engineer", ax=other, n=4) is other
    assert len(other.patches) == 4


# -- a cohort ------------------------------------------------------------------------------
def test_cohort_top_roles_shares(ax, cohort):
    assert plot.cohort_top_roles(cohort, ax=ax) is ax
    counts = cohort["top_role"].value_counts()
    widths = [p.get_width() for p in ax.patches]
    assert sum(widths) == pytest.approx(1.0)
    assert widths == sorted(widths, reverse=True)
    titles = _titles()
    labels = _ticks(ax.get_yticklabels())
    assert sorted(labels) == sorted(titles.values())
    by_title = {titles[r]: c / len(cohort) for r, c in counts.items()}
    for label, width in zip(labels, widths, strict=True):
        assert width == pytest.approx(by_title.get(label, 0.0))


def test_cohort_scores_boxes_are_the_medians(ax, cohort):
    assert plot.cohort_scores(cohort, ax=ax, max_points=25) is ax
    titles = _titles()
    labels = _ticks(ax.get_yticklabels())
    role_of = {t: r for r, t in titles.items()}
    medians = cohort[list(titles)].median()
    assert [medians[role_of[label]] for label in labels] == sorted(medians, reverse=True)
    drawn = [line.get_xdata()[0] for line in ax.lines if line.get_color() == plot.OKABE_ITO[5]]
    assert drawn == pytest.approx([medians[role_of[label]] for label in labels])
    assert all(len(c.get_offsets()) <= 25 for c in ax.collections)
    assert "%" in ax.get_xlabel()


def test_cohort_charts_reject_other_tables():
    with pytest.raises(ValueError, match="score_many"):
        plot.cohort_top_roles(pd.DataFrame({"a": [1]}))
    with pytest.raises(ValueError, match="score_many"):
        plot.cohort_scores(pd.DataFrame({"a": [1]}))


def test_cohort_charts_skip_missing_rows(ax):
    scores = rolefit.score_many([["python", "sql"], None, ["pytorch"]], missing="nan")
    plot.cohort_top_roles(scores, ax=ax)
    assert sum(p.get_width() for p in ax.patches) == pytest.approx(1.0)
    assert "2 people" in ax.get_title()
