"""Charts: checked on the data and artists they draw, and on where their text lands once
laid out (window extents after a draw), not on pixels."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
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


# -- readability: every chart laid out and drawn, then checked on its text boxes ---------------
def _drawn(ax):
    """Draw ``ax``'s figure with Agg; return the renderer."""
    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _boxes(texts, renderer):
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts
            if t.get_visible() and t.get_text()]


def _assert_apart(boxes, what):
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), f"{what} overlap: {a!r} and {b!r}"


def _tick_labels(axis):
    """The tick labels drawn: those of ticks inside the view interval."""
    low, high = sorted(axis.get_view_interval())
    return [tick.label1 for tick in axis.get_major_ticks()
            if low - 1e-9 <= tick.get_loc() <= high + 1e-9]


def _assert_rotated_apart(labels, renderer, ax):
    """Slanted labels are parallel: they overlap when their anchors are closer, across
    the slant, than a line of text is high."""
    xs = sorted(ax.transData.transform((label.get_position()[0], 0))[0] for label in labels)
    angle = np.deg2rad(labels[0].get_rotation())
    line = labels[0].get_fontsize() * ax.figure.dpi / 72
    assert all(np.diff(xs) * abs(np.sin(angle)) >= line), "slanted tick labels overlap"


def _assert_readable(ax):
    """No overlapping tick labels or annotations, nothing cut off by the figure's edge,
    annotations inside the axes, the legend clear of the axis labels."""
    renderer = _drawn(ax)
    fig_box = ax.figure.bbox
    xlabels = [t for t in _tick_labels(ax.xaxis) if t.get_visible() and t.get_text()]
    xticks = _boxes(xlabels, renderer)
    yticks = _boxes(_tick_labels(ax.yaxis), renderer)
    texts = _boxes(ax.texts, renderer)
    if xlabels and xlabels[0].get_rotation():
        _assert_rotated_apart(xlabels, renderer, ax)
    else:
        _assert_apart(xticks, "x tick labels")
    _assert_apart(yticks, "y tick labels")
    _assert_apart(texts, "annotations")
    _assert_apart([*yticks, *texts], "annotations and y tick labels")
    for text, box in [*xticks, *yticks, *texts, *_boxes([ax.title, ax.xaxis.label], renderer)]:
        assert fig_box.x0 - 1 <= box.x0 and box.x1 <= fig_box.x1 + 1, f"{text!r} cut off"
        assert fig_box.y0 - 1 <= box.y0 and box.y1 <= fig_box.y1 + 1, f"{text!r} cut off"
    if ax.axison:
        for text, box in texts:
            assert box.x1 <= ax.bbox.x1 + 1, f"{text!r} runs out of the axes"
    legend = ax.get_legend()
    if legend is not None:
        box = legend.get_window_extent(renderer)
        assert fig_box.y0 - 1 <= box.y0 and box.x0 >= fig_box.x0 - 1
        assert box.x1 <= fig_box.x1 + 1
        for text, other in [*xticks, *_boxes([ax.xaxis.label], renderer)]:
            assert not box.overlaps(other), f"legend covers {text!r}"


def _constrained(figsize=(9.5, 6.5)):
    return Figure(figsize=figsize, layout="constrained").subplots()


READABLE = {
    "salary_ranges": lambda fit, cohort, ax: plot.salary_ranges(ax=ax),
    "skill_overlap": lambda fit, cohort, ax: plot.skill_overlap(ax=ax),
    "skill_matrix": lambda fit, cohort, ax: plot.skill_matrix(ax=ax),
    "fit_bars": lambda fit, cohort, ax: plot.fit_bars(fit, ax=ax),
    "fit_bars_one_skill": lambda fit, cohort, ax: plot.fit_bars(rolefit.score(["python"]),
                                                                ax=ax),
    "gap_bars": lambda fit, cohort, ax: plot.gap_bars(fit, ax=ax),
    "gap_bars_other_role": lambda fit, cohort, ax: plot.gap_bars(fit, "ai_engineer", ax=ax),
    "cohort_top_roles": lambda fit, cohort, ax: plot.cohort_top_roles(cohort, ax=ax),
    "cohort_scores": lambda fit, cohort, ax: plot.cohort_scores(cohort, ax=ax),
}


@pytest.mark.parametrize("chart", list(READABLE))
def test_charts_are_readable_at_their_own_size(chart, fit, cohort):
    ax = READABLE[chart](fit, cohort, None)
    _assert_readable(ax)


@pytest.mark.parametrize("chart", ["fit_bars", "gap_bars", "cohort_top_roles",
                                   "cohort_scores"])
def test_bar_charts_are_readable_in_a_given_axes(chart, fit, cohort):
    _assert_readable(READABLE[chart](fit, cohort, _constrained()))


# -- one person ----------------------------------------------------------------------------
def _score_labels(ax):
    """(role id, y, text) of the score written after each fit bar, top to bottom."""
    found = [(t.get_gid().split(":", 1)[1], t.xy[1], t.get_text()) for t in ax.texts
             if (t.get_gid() or "").startswith("score:")]
    return sorted(found, key=lambda item: item[1])


def _drawn_colours(ax):
    """Category -> (colour, hatch) of every bar container of a fit chart."""
    return {c.get_label(): (to_hex(c.patches[0].get_facecolor()),
                            c.patches[0].get_hatch() or "") for c in ax.containers}


def _gap_colours(ax, gaps):
    out = {}
    for bar, category in zip(ax.patches, gaps["category"], strict=True):
        key = (to_hex(bar.get_facecolor()), bar.get_hatch() or "")
        assert out.setdefault(category, key) == key
    return out


def _number(text):
    return float(text.rstrip("%").replace("\N{MINUS SIGN}", "-"))


def _rises(gaps):
    """What gap_bars draws: each gap's own gain, in the advice order of fit.gaps()."""
    return gaps.assign(rise=gaps["gain"])


def test_fit_bars_are_sorted_by_the_score_they_show(ax, fit):
    assert plot.fit_bars(fit, ax=ax) is ax
    ranking = fit.ranking
    share = plot._score_is_share(fit)
    labels = _score_labels(ax)
    assert [y for _, y, _ in labels] == list(range(len(ranking)))
    shown = [_number(text) for *_, text in labels]
    assert shown == sorted(shown, reverse=True)
    roles = [role for role, *_ in labels]
    scores = ranking.loc[roles, "score"].to_numpy()
    assert list(scores) == sorted(scores, reverse=True)
    assert [plot._format_score(s, share) for s in scores] == [text for *_, text in labels]
    totals = np.array([plot._baseline(fit.explain(r)) for r in roles])
    for patch in ax.patches:
        totals[round(patch.get_y() + patch.get_height() / 2)] += patch.get_width()
    np.testing.assert_allclose(totals, scores, atol=1e-12)
    expected = [ranking.loc[r, "title"] + (" (adjacent)" if ranking.loc[r, "adjacent"] else "")
                for r in roles]
    assert _ticks(ax.get_yticklabels()) == expected


def test_fit_bars_axis_is_scaled_to_the_data(ax, fit):
    plot.fit_bars(fit, ax=ax)
    low, high = ax.get_xlim()
    top = fit.ranking["score"].max()
    assert low == min(0, *(plot._baseline(fit.explain(r)) for r in fit.ranking.index))
    assert top < high < 2 * top
    if plot._score_is_share(fit):
        assert high < 1
    small = Figure().subplots()
    one = rolefit.score(["python"])
    plot.fit_bars(one, ax=small)
    assert small.get_xlim()[1] < 2 * one.ranking["score"].max()


def test_fit_bars_segments_are_the_explanation_in_the_fixed_colours(ax, fit):
    plot.fit_bars(fit, ax=ax)
    top = _score_labels(ax)[0][0]
    explained = fit.explain(top)
    explained = explained[explained["category"].map(lambda c: isinstance(c, str) and c != "")]
    segments = sorted(
        (p.get_x(), p.get_width(), c.get_label())
        for c in ax.containers for p in c.patches if round(p.get_y() + 0.35) == 0
    )
    assert [w for _, w, _ in segments] == pytest.approx(explained["contribution"].tolist())
    assert [cat for *_, cat in segments] == explained["category"].tolist()
    for container in ax.containers:
        assert len({to_hex(p.get_facecolor()) for p in container.patches}) == 1
    assert _drawn_colours(ax) == {c: (to_hex(plot.CATEGORY_COLORS[c][0]),
                                      plot.CATEGORY_COLORS[c][1]) for c in _drawn_colours(ax)}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert [t for t in legend if t != "role baseline"] == [
        plot.CATEGORY_LABELS[c.get_label()] for c in ax.containers]


@pytest.mark.parametrize("skills", [SKILLS, ["sql", "excel", "tableau", "statistics"],
                                    ["pytorch", "langchain", "docker"]])
def test_a_category_has_one_colour_in_the_fit_and_gap_charts(skills):
    person = rolefit.score(skills)
    left = Figure().subplots()
    plot.fit_bars(person, ax=left)
    colours = _drawn_colours(left)
    shared = 0
    for role in person.scores:
        right = Figure().subplots()
        plot.gap_bars(person, role, ax=right)
        gap_colours = _gap_colours(right, _rises(person.gaps(role, n=12)))
        for category, pair in gap_colours.items():
            assert pair == (to_hex(plot.CATEGORY_COLORS[category][0]),
                            plot.CATEGORY_COLORS[category][1])
            if category in colours:
                shared += 1
                assert colours[category] == pair, category
    assert shared > 0


def test_category_colours_are_fixed_distinct_and_colour_blind_safe():
    from rolefit._data import CATEGORIES

    assert set(plot.CATEGORY_COLORS) == set(CATEGORIES) == set(plot.CATEGORY_LABELS)
    assert len(set(plot.CATEGORY_COLORS.values())) == len(CATEGORIES)
    assert {c for c, _ in plot.CATEGORY_COLORS.values()} <= {*plot.OKABE_ITO, "#999999"}
    assert plot.category_colors(["cloud", "mlops", "cloud"]) == {
        "cloud": plot.CATEGORY_COLORS["cloud"], "mlops": plot.CATEGORY_COLORS["mlops"]}
    assert plot.category_colors() == plot.CATEGORY_COLORS
    # the order of appearance changes nothing
    assert plot.category_colors(["nlp", "cloud"])["cloud"] == plot.CATEGORY_COLORS["cloud"]


def test_a_given_mapping_overrides_the_fixed_colours(fit):
    gaps = _rises(fit.gaps(fit.target, n=12))
    mine = {gaps["category"].iloc[0]: ("#123456", "xx")}
    left, right = Figure().subplots(), Figure().subplots()
    plot.fit_bars(fit, ax=left, colors=mine)
    plot.gap_bars(fit, ax=right, colors=mine)
    for category, pair in _gap_colours(right, gaps).items():
        colour, hatch = mine.get(category, plot.CATEGORY_COLORS[category])
        assert pair == (to_hex(colour), hatch)
    for category, pair in _drawn_colours(left).items():
        colour, hatch = mine.get(category, plot.CATEGORY_COLORS[category])
        assert pair == (to_hex(colour), hatch)
    legend = [t.get_text() for t in left.get_legend().get_texts()]
    assert len([t for t in legend if t != "role baseline"]) == len(left.containers)


def test_gap_bars_widths_labels_and_units(ax, fit):
    gaps = _rises(fit.gaps(fit.target, n=12))
    share = plot._score_is_share(fit)
    assert plot.gap_bars(fit, ax=ax) is ax
    bars = ax.patches
    assert len(bars) == len(gaps) == min(12, len(fit.gaps(fit.target)))
    assert [b.get_width() for b in bars] == pytest.approx(gaps["rise"].tolist())
    assert [b.get_y() for b in bars] == sorted(b.get_y() for b in bars)  # top to bottom
    assert _ticks(ax.get_yticklabels()) == gaps["name"].tolist()
    gains = {t.get_gid()[5:]: t.get_text() for t in ax.texts
             if (t.get_gid() or "").startswith("gain:")}
    assert gains == {r.skill_id: f"+{r.rise * 100:.1f}" if share else f"+{r.rise:.2f}"
                     for r in gaps.itertuples()}
    # advice order: by gain, except ideas moved before their tools and rare/soft skills
    ordered = gaps[gaps["needed_for"].isna() & ~gaps["rare"] & (gaps["category"] != "soft_skill")]
    shown = [float(gains[s]) for s in ordered["skill_id"]]
    assert shown == sorted(shown, reverse=True)
    # units: axis label and ticks agree (percentage points or points; no "%" anywhere)
    assert ("percentage points" if share else "(points") in ax.get_xlabel()
    _drawn(ax)
    for tick, loc in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True):
        if tick.get_text():
            assert "%" not in tick.get_text()
            assert _number(tick.get_text()) == pytest.approx(loc * 100 if share else loc)
    assert ax.get_xlim()[1] < 2.5 * gaps["rise"].max()
    assert _titles()[fit.target] in ax.get_title()


def test_gap_bars_flag_the_rare_skills(ax, fit):
    def first_rare(role):
        rare = fit.gaps(role)["rare"].fillna(False).to_numpy(bool)
        return int(np.argmax(rare)) if rare.any() else 10**6

    role = min(fit.scores, key=first_rare)
    n = max(12, first_rare(role) + 1)
    gaps = _rises(fit.gaps(role, n=n))
    rare = gaps["rare"].fillna(False).astype(bool)
    assert rare.any() and not rare.all()  # the chart shows both
    plot.gap_bars(fit, role, ax=ax, n=n)
    flags = {t.get_gid()[5:]: t for t in ax.texts if (t.get_gid() or "").startswith("rare:")}
    assert set(flags) == set(gaps.loc[rare, "skill_id"])
    y_of = dict(zip(gaps["skill_id"], range(len(gaps)), strict=True))
    renderer = _drawn(ax)
    for skill_id, flag in flags.items():
        assert flag.get_text().startswith("rare")
        assert flag.xy[1] == y_of[skill_id]
        bar = ax.patches[y_of[skill_id]].get_window_extent(renderer)
        assert flag.get_window_extent(renderer).x0 > bar.x1
    assert "rare" in ax.get_title()


def test_gap_bars_say_why_a_row_is_out_of_gain_order(ax):
    fit = rolefit.score(["Python", "PyTorch", "Docker", "SQL", "k8s"])
    gaps = fit.gaps(fit.target, n=12)
    noted = gaps[gaps["order_note"].notna()]
    assert len(noted) >= 2  # an idea before its tool, a soft skill moved down
    plot.gap_bars(fit, ax=ax, n=12)
    notes = {t.get_gid()[5:]: t for t in ax.texts if (t.get_gid() or "").startswith("note:")}
    assert set(notes) == set(noted["skill_id"])
    renderer = _drawn(ax)
    right = ax.get_window_extent(renderer).x1
    y_of = dict(zip(gaps["skill_id"], range(len(gaps)), strict=True))
    for row in noted.itertuples():
        text = notes[row.skill_id]
        assert text.xy[1] == y_of[row.skill_id]
        if row.order_note.startswith("before "):
            assert text.get_text() == row.order_note
        else:
            assert text.get_text().endswith("not in the top 5")
        gain = next(t for t in ax.texts if t.get_gid() == f"gain:{row.skill_id}")
        box = text.get_window_extent(renderer)
        assert box.x0 > gain.get_window_extent(renderer).x1 and box.x1 <= right


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
    skills = profile.loc[profile.role_id == "data_analyst", "skill_id"].tolist()
    full = rolefit.score([*skills, *rolefit.score(skills).gaps("data_analyst")["skill_id"]])
    assert full.gaps("data_analyst").empty
    plot.gap_bars(full, "data_analyst", ax=ax)
    assert not ax.patches
    assert "No missing skills" in ax.texts[0].get_text()


def test_shortcuts_on_the_fit(ax, fit):
    assert fit.plot(ax=ax) is ax
    assert len(ax.patches) > 0
    other = Figure().subplots()
    assert fit.plot_gaps("ml_engineer", ax=other, n=4) is other
    assert len(other.patches) == 4


# -- a cohort ------------------------------------------------------------------------------
def _low_signal(scores):
    """The rows the cohort charts leave out, restated."""
    role_ids = list(_titles())
    low = scores[role_ids].isna().all(axis=1) | scores["top_role"].isna()
    if "low_signal" in scores:
        low |= scores["low_signal"].astype("boolean").fillna(False).astype(bool)
    return low | scores["n_skills"].eq(0)


def _adjacent_roles():
    table = rolefit.roles()
    return set(table.index[table["adjacent"]])


def test_cohort_top_roles_shares(ax, cohort):
    assert plot.cohort_top_roles(cohort, ax=ax) is ax
    kept = cohort[~_low_signal(cohort)]
    counts = kept["top_role"].value_counts()
    widths = [p.get_width() for p in ax.patches]
    assert sum(widths) == pytest.approx(1.0)
    assert widths == sorted(widths, reverse=True)
    titles = _titles()
    labels = [t.removesuffix(" (adjacent)") for t in _ticks(ax.get_yticklabels())]
    assert sorted(labels) == sorted(titles.values())
    by_title = {titles[r]: c / len(kept) for r, c in counts.items()}
    for label, width in zip(labels, widths, strict=True):
        assert width == pytest.approx(by_title.get(label, 0.0))
    assert ax.get_xlim()[1] < min(2.5 * max(widths), 1.0)


def _assert_exact_percent_ticks(ax):
    """Every x tick label drawn is its tick's value in percent, not a rounding of it."""
    ax.figure.draw_without_rendering()
    labels = [t for t in _tick_labels(ax.xaxis) if t.get_text()]
    assert labels
    for label in labels:
        shown = float(label.get_text().rstrip("%")) / 100
        assert shown == pytest.approx(label.get_position()[0], abs=1e-9), label.get_text()


@pytest.mark.parametrize("top", [1, 9, 16, 19])
def test_cohort_top_roles_ticks_are_whole_percents(cohort, top):
    # about one person in seven per role: an axis near 20%, where matplotlib's default
    # ticks fall at 2.5%, 7.5%, ... (once labelled "2%", "8%")
    role_ids = list(matrices().role_ids)
    frame = pd.concat([cohort.iloc[:1]] * 100, ignore_index=True)
    frame["top_role"] = [role_ids[0]] * top + [role_ids[1 + i % 6] for i in range(100 - top)]
    _assert_exact_percent_ticks(plot.cohort_top_roles(frame))
    _assert_exact_percent_ticks(plot.cohort_top_roles(frame, ax=_constrained()))


@pytest.mark.parametrize("chart", [plot.cohort_top_roles, plot.cohort_scores])
def test_cohort_charts_mark_adjacent_roles(ax, cohort, chart):
    chart(cohort, ax=ax)
    titles, adjacent = _titles(), _adjacent_roles()
    assert adjacent
    labels = _ticks(ax.get_yticklabels())
    for role, title in titles.items():
        marked = f"{title} (adjacent)" in labels
        assert marked == (role in adjacent), title
        assert marked or title in labels
    patches = {p.get_gid()[5:]: p for p in [*ax.patches, *ax.artists, *ax.findobj()]
               if (p.get_gid() or "").startswith("role:")}
    assert set(patches) == set(titles)
    for role, patch in patches.items():
        assert bool(patch.get_hatch()) == (role in adjacent)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("adjacent" in t for t in legend)


@pytest.mark.parametrize("chart", [plot.cohort_top_roles, plot.cohort_scores])
def test_cohort_charts_leave_out_low_signal_rows_and_say_how_many(ax, chart):
    people = [["python", "sql", "pandas"], ["pytorch", "docker", "kubernetes"], None, [],
              ["qwertyuiop"], ["spark", "airflow", "kafka"], ["excel", "tableau", "sql"]]
    scores = rolefit.score_many(people, missing="nan")
    scores["low_signal"] = [False, False, False, False, False, True, False]
    chart(scores, ax=ax)
    # NaN row, empty list, nothing recognised, and the flagged one
    assert "4 low-signal rows left out" in ax.get_title()
    assert "3 people" in ax.get_title()
    if chart is plot.cohort_top_roles:
        assert sum(p.get_width() for p in ax.patches) == pytest.approx(1.0)
        assert sum(p.get_width() > 0 for p in ax.patches) <= 3
    else:
        counts = {len(c.get_offsets()) for c in ax.collections}
        assert counts == {3}
    quiet = Figure().subplots()
    chart(scores.drop(columns="low_signal").iloc[:2], ax=quiet)
    assert "left out" not in quiet.get_title()


def test_cohort_scores_boxes_are_the_medians(ax, cohort):
    assert plot.cohort_scores(cohort, ax=ax, max_points=25) is ax
    kept = cohort[~_low_signal(cohort)]
    titles = _titles()
    labels = [t.removesuffix(" (adjacent)") for t in _ticks(ax.get_yticklabels())]
    role_of = {t: r for r, t in titles.items()}
    medians = kept[list(titles)].median()
    assert [medians[role_of[label]] for label in labels] == sorted(medians, reverse=True)
    drawn = [line.get_xdata()[0] for line in ax.lines if line.get_color() == plot.OKABE_ITO[5]]
    assert drawn == pytest.approx([medians[role_of[label]] for label in labels])
    assert all(len(c.get_offsets()) <= 25 for c in ax.collections)
    share = plot._is_share(kept[list(titles)].to_numpy())
    assert ("%" if share else "points") in ax.get_xlabel()
    top = kept[list(titles)].max().max()
    assert top <= ax.get_xlim()[1] < 1.5 * top


def test_cohort_charts_reject_other_tables():
    with pytest.raises(ValueError, match="score_many"):
        plot.cohort_top_roles(pd.DataFrame({"a": [1]}))
    with pytest.raises(ValueError, match="score_many"):
        plot.cohort_scores(pd.DataFrame({"a": [1]}))


def test_cohort_charts_skip_missing_rows(ax):
    scores = rolefit.score_many([["python", "sql"], None, ["pytorch", "docker"]],
                                missing="nan")
    plot.cohort_top_roles(scores, ax=ax)
    assert sum(p.get_width() for p in ax.patches) == pytest.approx(1.0)
    assert "2 people" in ax.get_title()
    assert "1 low-signal row left out" in ax.get_title()


def test_fit_bars_with_a_baseline_in_points(fit, monkeypatch):
    """Scores that are points with a per-role baseline (an ``explain`` row without a
    category), not shares: bars start at the baseline, the axis is plain numbers."""
    baselines = dict(zip(fit.scores, np.linspace(-0.9, 0.8, len(fit.scores)), strict=True))
    plain = fit.explain

    def explain(role):
        row = {"skill_id": None, "name": "baseline", "category": None, "via": (),
               "credit": np.nan, "contribution": baselines[role]}
        return pd.concat([plain(role), pd.DataFrame([row])], ignore_index=True)

    ranking = fit.ranking.assign(score=lambda t: t["score"] + pd.Series(baselines))
    points = type("Points", (), {"explain": staticmethod(explain), "ranking": ranking,
                                 "skills": fit.skills})()
    ax = _constrained()
    plot.fit_bars(points, ax=ax)
    labels = _score_labels(ax)
    roles = [role for role, *_ in labels]
    assert list(ranking.loc[roles, "score"]) == sorted(ranking["score"], reverse=True)
    assert [text for *_, text in labels] == [f"{ranking.loc[r, 'score']:.2f}" for r in roles]
    for y, role in enumerate(roles):
        parts = [p for p in ax.patches if round(p.get_y() + p.get_height() / 2) == y]
        assert min(p.get_x() for p in parts) == pytest.approx(plot._baseline(explain(role)))
        assert max(p.get_x() + p.get_width() for p in parts) == pytest.approx(
            ranking.loc[role, "score"])
    assert {line.get_gid() for line in ax.lines} >= {f"baseline:{r}" for r in roles}
    assert ax.get_xlim()[0] < -0.9 and "points" in ax.get_xlabel()
    _assert_readable(ax)


@pytest.mark.parametrize("chart", [plot.cohort_top_roles, plot.cohort_scores])
def test_cohort_charts_count_one_person(ax, chart):
    chart(rolefit.score_many([["python", "pytorch", "docker"]]), ax=ax)
    assert "across 1 person" in ax.get_title()
