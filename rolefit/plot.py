"""Charts: salaries against the survey, skill overlap between roles, a fit, a cohort.

Every function takes ``ax=None``, creates a figure only when no Axes is given, and returns
the Axes it drew on; matplotlib is imported inside the functions and nothing calls
``plt.show()``. Roles are labelled with their titles, adjacent roles marked; colours come
from the colour-blind safe Okabe-Ito palette (``viridis`` for heatmaps), and a skill
category always has the same one (:data:`CATEGORY_COLORS`). Bars are sorted by the number
written on them and axes end just after the data (labels are measured after a layout pass
so that they fit).

Examples
--------
>>> import rolefit
>>> from matplotlib.figure import Figure
>>> ax = Figure().subplots()
>>> rolefit.plot.fit_bars(rolefit.score(["python", "sql", "pytorch"]), ax=ax) is ax
True
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "cohort_scores",
    "cohort_top_roles",
    "fit_bars",
    "gap_bars",
    "role_similarity",
    "salary_ranges",
    "skill_matrix",
    "skill_overlap",
]

#: Okabe & Ito (2008) colour-blind-safe palette, black last.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
LEVEL_COLORS = {"EN": "#56B4E9", "MI": "#009E73", "SE": "#0072B2", "EX": "#D55E00"}
GUIDE_COLOR = "#D9D9D9"
TARGET_COLOR = OKABE_ITO[0]
ADJACENT_COLOR = "#A6A6A6"
ADJACENT_HATCH = "//"
TARGET_BOX = "#DCEBF5"
ADJACENT_BOX = "#EDEDED"
RARE_COLOR = "#6E6E6E"
BASELINE_COLOR = "#7F7F7F"
CATEGORY_LABELS = {
    "language": "Programming language",
    "ml_framework": "ML framework",
    "data_library": "Data library",
    "genai": "Generative AI",
    "nlp": "NLP",
    "cv": "Computer vision",
    "ml_concept": "ML concept",
    "statistics_math": "Statistics & math",
    "data_engineering": "Data engineering",
    "database": "Database",
    "cloud": "Cloud",
    "mlops": "MLOps",
    "devops": "DevOps",
    "bi_visualization": "BI & visualisation",
    "software_engineering": "Software engineering",
    "research": "Research",
    "soft_skill": "Soft skill",
}
#: The one (colour, hatch) of each skill category, in every chart and in the report.
#: Related categories share an Okabe-Ito hue and differ by hatch, the category that
#: weighs most in the role profiles of each family is solid: software (blue), machine
#: learning (orange), statistics and research (vermillion), data (bluish green),
#: infrastructure (sky blue), generative AI and language/vision (reddish purple), BI
#: (yellow), soft skills (grey).
CATEGORY_COLORS = {
    "language": ("#0072B2", ""),
    "software_engineering": ("#0072B2", "//"),
    "ml_concept": ("#E69F00", ""),
    "ml_framework": ("#E69F00", "//"),
    "statistics_math": ("#D55E00", ""),
    "research": ("#D55E00", "//"),
    "data_engineering": ("#009E73", ""),
    "database": ("#009E73", "//"),
    "data_library": ("#009E73", ".."),
    "mlops": ("#56B4E9", ""),
    "devops": ("#56B4E9", "//"),
    "cloud": ("#56B4E9", ".."),
    "genai": ("#CC79A7", ""),
    "nlp": ("#CC79A7", "//"),
    "cv": ("#CC79A7", ".."),
    "bi_visualization": ("#F0E442", ""),
    "soft_skill": ("#999999", ""),
}
_UNKNOWN_CATEGORY = ("#000000", "")

# -- helpers ---------------------------------------------------------------------------------
def _new_axes(ax, figsize):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _titles() -> dict[str, str]:
    from rolefit._data import knowledge

    return {r.id: r.title for r in knowledge().roles}


def _usd(value, _pos=None) -> str:
    return f"${value / 1000:,.0f}K"


def _percent_axis(axis, decimals=None):
    """Format ``axis`` (shares in [0, 1]) in percent. With ``decimals=0`` the ticks are
    also placed on whole percents only, so that no label is rounded (a tick at 2.5%
    would otherwise read "2%")."""
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    if decimals == 0:
        class WholePercentLocator(MaxNLocator):
            """matplotlib's default ticks (steps 1, 2, 2.5, 5, 10), on whole percents."""

            def tick_values(self, vmin, vmax):
                return super().tick_values(vmin * 100, vmax * 100) / 100

        axis.set_major_locator(WholePercentLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10],
                                                   integer=True))
    axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=decimals))



def _bar_axes(ax, ys, labels, xlabel, points=None) -> None:
    """Shared look of the horizontal bar charts: labelled rows top to bottom, an x axis
    in percent (``points=None``), percentage points (``True``) or plain numbers
    (``False``), with a light grid behind the bars."""
    from matplotlib.ticker import FuncFormatter

    ax.set_yticks(ys, labels, fontsize=10)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    if points:
        ax.xaxis.set_major_formatter(FuncFormatter(_points))
    elif points is None:
        _percent_axis(ax.xaxis)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", color="#E5E5E5")
    ax.set_axisbelow(True)


def category_colors(categories=None, start=None) -> dict[str, tuple[str, str]]:
    """The fixed ``(colour, hatch)`` of each category (:data:`CATEGORY_COLORS`).

    A category has the same colour in every chart, whatever else the chart shows, so
    two charts of one person (or of two people) can be read side by side.

    Parameters
    ----------
    categories : iterable of str, optional
        Category ids, repeats allowed (default: every category).
    start : dict, optional
        ``(colour, hatch)`` pairs that replace the fixed ones of their categories.

    Returns
    -------
    dict
        Category id to ``(colour, hatch)``, in order of first appearance.

    Examples
    --------
    >>> from rolefit.plot import category_colors
    >>> category_colors(["cloud", "mlops", "cloud"])
    {'cloud': ('#56B4E9', '..'), 'mlops': ('#56B4E9', '')}
    """
    chosen = {**CATEGORY_COLORS, **(start or {})}
    return {
        c: chosen.get(c, _UNKNOWN_CATEGORY)
        for c in (CATEGORY_COLORS if categories is None else categories)
    }


def _used_colors(categories, start=None) -> dict[str, tuple[str, str]]:
    """The colours of the categories a chart draws, in the order of
    :data:`CATEGORY_COLORS` (families together), for its bars and its legend."""
    used = set(categories)
    order = [c for c in CATEGORY_COLORS if c in used] + sorted(used - set(CATEGORY_COLORS))
    return category_colors(order, start=start)


def _category_legend(ax, colors, title="Skill category", extra=(), **kwargs):
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=c, hatch=h, edgecolor="white", label=CATEGORY_LABELS.get(k, k))
        for k, (c, h) in colors.items()
    ]
    handles += list(extra)
    return ax.legend(handles=handles, title=title, frameon=False, **kwargs)


def _check_scores(scores):
    from rolefit.profiles import matrices

    role_ids = list(matrices().role_ids)
    missing = [c for c in [*role_ids, "top_role"] if c not in getattr(scores, "columns", ())]
    if missing:
        raise ValueError(
            "expected a rolefit.score_many result (a DataFrame with one column per role "
            f"and top_role); missing columns: {missing}"
        )
    return role_ids


# -- salaries --------------------------------------------------------------------------------
def salary_ranges(ax=None, region: str = "us", roles=None, levels=("EN", "MI", "SE", "EX"),
                  percentiles=None):
    """The guide's quoted salary range per role against the survey, by experience level.

    Each role gets a grey band for the guide's quoted US range (an arrow marks an
    open-ended top) and, per experience level, the survey's 10th-90th percentile (thin
    line), 25th-75th percentile (thick line) and median (white dot). Groups with fewer
    than 20 people are not drawn. Survey: ai-jobs.net, full-time, 2023-2025 (see
    :mod:`rolefit.salaries`).

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.
    region : {"us", "worldwide"}
        Survey respondents living in the US, or everyone.
    roles : list of str, optional
        Role ids to show, top to bottom (default: every role, catalogue order).
    levels : tuple of str
        Experience levels to show among ``EN`` (entry), ``MI`` (mid), ``SE`` (senior),
        ``EX`` (executive).
    percentiles : pandas.DataFrame, optional
        As returned by :func:`rolefit.salaries.salary_percentiles` (default: shipped).

    Returns
    -------
    matplotlib.axes.Axes
        Artists carry ``gid`` ``"guide:<role_id>"`` (the band, a Rectangle) and
        ``"survey:<role_id>:<level>:<p10-p90|p25-p75|p50>"`` (lines).
    """
    import pandas as pd
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter
    from matplotlib.transforms import ScaledTranslation

    from rolefit.profiles import roles as role_table
    from rolefit.salaries import LEVEL_NAMES, MIN_N, MIN_YEAR, REGIONS, salary_percentiles

    if region not in REGIONS:
        raise ValueError(f"region must be one of {REGIONS}, got {region!r}")
    unknown = [lv for lv in levels if lv not in LEVEL_NAMES]
    if unknown:
        raise ValueError(f"unknown experience levels {unknown}; use {list(LEVEL_NAMES)}")
    catalogue = role_table()
    role_ids = list(catalogue.index) if roles is None else list(roles)
    for role in role_ids:
        if role not in catalogue.index:
            raise ValueError(f"unknown role {role!r}; known roles: {', '.join(catalogue.index)}")
    table = salary_percentiles() if percentiles is None else percentiles
    table = table[table["region"] == region].set_index(["role_id", "experience_level"])
    ax = _new_axes(ax, (9, 0.95 * len(role_ids) + 2.2))
    offsets = (np.arange(len(levels)) - (len(levels) - 1) / 2) * (0.72 / max(len(levels), 1))
    ticklabels = []
    xmax = 0.0
    for y, role in enumerate(role_ids):
        info = catalogue.loc[role]
        low, high = info["salary_min_usd"], info["salary_max_usd"]
        label = info["title"]
        if not (pd.isna(low) or pd.isna(high)):
            low, high = float(low), float(high)
            band = ax.barh(y, high - low, left=low, height=0.86, color=GUIDE_COLOR,
                           zorder=1)[0]
            band.set_gid(f"guide:{role}")
            top = f"{high / 1000:,.0f}K" + ("+" if info["salary_open_ended"] else "")
            label += f"\nguide: {_usd(low)}-{top}"  # one "$": no mathtext
            xmax = max(xmax, high)
            if info["salary_open_ended"]:
                ax.annotate("", xy=(high + 0.06 * high, y), xytext=(high, y),
                            arrowprops={"arrowstyle": "-|>", "color": "#7F7F7F", "lw": 2},
                            zorder=1)
                xmax = max(xmax, 1.06 * high)
        else:
            label += "\nguide: no range"
        ticklabels.append(label)
        for dy, level in zip(offsets, levels, strict=True):
            if (role, level) not in table.index:
                continue
            row = table.loc[(role, level)]
            if row["n"] < MIN_N or row[["p10", "p50", "p90"]].isna().any():
                continue
            yy = y + dy
            color = LEVEL_COLORS[level]
            p10, p25, p50, p75, p90 = (float(row[c]) for c in ("p10", "p25", "p50", "p75", "p90"))
            (thin,) = ax.plot([p10, p90], [yy, yy], color=color, lw=1.4, zorder=2,
                              solid_capstyle="butt")
            (thick,) = ax.plot([p25, p75], [yy, yy], color=color, lw=6, zorder=3,
                               solid_capstyle="butt")
            (mid,) = ax.plot([p50], [yy], marker="o", ms=5, color="white",
                             markeredgecolor=color, markeredgewidth=1.2, zorder=4, ls="none")
            thin.set_gid(f"survey:{role}:{level}:p10-p90")
            thick.set_gid(f"survey:{role}:{level}:p25-p75")
            mid.set_gid(f"survey:{role}:{level}:p50")
            xmax = max(xmax, p90)
    ax.set_yticks(range(len(role_ids)), ticklabels)
    ax.set_ylim(len(role_ids) - 0.5, -0.5)
    ax.set_xlim(0, xmax * 1.04 if xmax else 1)
    ax.xaxis.set_major_formatter(FuncFormatter(_usd))
    ax.set_xlabel("Yearly salary (USD)")
    ax.grid(axis="x", color="#E5E5E5", zorder=0)
    ax.set_axisbelow(True)
    for y in range(len(role_ids) - 1):
        ax.axhline(y + 0.5, color="#BFBFBF", lw=0.6)
    where = "US residents" if region == "us" else "all countries"
    ax.set_title(
        f"Guide's quoted salary ranges (US) vs. survey salaries ({where})\n"
        f"survey: ai-jobs.net {MIN_YEAR}-2025, full-time; line p10-p90, bar p25-p75, "
        "dot median;\n"
        f"groups under {MIN_N} people not drawn",
        fontsize=11,
    )
    handles = [Patch(facecolor=GUIDE_COLOR, label="guide's range")]
    handles += [
        Line2D([], [], color=LEVEL_COLORS[lv], lw=6, label=f"{LEVEL_NAMES[lv]} ({lv})")
        for lv in levels
    ]
    below = ax.transAxes + ScaledTranslation(0, -0.55, ax.figure.dpi_scale_trans)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0),
              bbox_transform=below, ncol=len(handles), frameon=False, fontsize=9)
    return ax


# -- overlap between roles -------------------------------------------------------------------
def role_similarity():
    """Cosine similarity between the roles' normalised skill-profile weight vectors.

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, indexed and labelled by role id, with 1 on the diagonal; 0
        means the profiles share no skill.

    Examples
    --------
    >>> from rolefit.plot import role_similarity
    >>> sim = role_similarity()
    >>> bool((sim.to_numpy() == sim.to_numpy().T).all()), float(sim.iloc[0, 0])
    (True, 1.0)
    """
    import pandas as pd

    from rolefit.profiles import matrices

    mats = matrices()
    weights = mats.weights
    norms = np.linalg.norm(weights, axis=1)
    unit = np.divide(weights, norms[:, None], out=np.zeros_like(weights),
                     where=norms[:, None] > 0)
    sim = np.clip(unit @ unit.T, 0.0, 1.0)
    sim = (sim + sim.T) / 2
    np.fill_diagonal(sim, np.where(norms > 0, 1.0, 0.0))
    return pd.DataFrame(sim, index=list(mats.role_ids), columns=list(mats.role_ids))


def skill_overlap(ax=None, annotate: bool = True):
    """Heatmap of how similar the roles' skill profiles are (cosine similarity).

    The measure is the cosine similarity of the normalised profile weight vectors (see
    :func:`role_similarity`): 1 for identical profiles, 0 for no shared skill.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.
    annotate : bool
        Write each value in its cell.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0].get_array()`` holds the similarity matrix (roles in catalogue
        order).
    """
    sim = role_similarity()
    titles = _titles()
    labels = [titles[r] for r in sim.index]
    values = sim.to_numpy()
    ax = _new_axes(ax, (7.5, 6.2))
    image = ax.imshow(values, cmap="viridis", vmin=0.0, vmax=1.0)
    ax.set_xticks(range(len(labels)), labels, rotation=35, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(labels)), labels)
    if annotate:
        for i in range(len(labels)):
            for j in range(len(labels)):
                v = values[i, j]
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=9,
                        color="black" if v > 0.55 else "white")
    colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.03)
    colorbar.set_label("cosine similarity of skill profiles")
    ax.set_title("How much the roles' skill profiles overlap\n"
                 "(cosine similarity of profile weight vectors)", fontsize=11)
    return ax


def _top_skill_shares(n):
    """Pick ``n`` skills: the most shared ones, then each role's largest, in turns.

    First the ``n // 3`` skills with the largest summed share over all profiles, then
    rank 1 of every role's profile (catalogue order), rank 2, and so on, skipping skills
    already taken. Returns (skills x roles shares, names, ids, role ids).
    """
    from rolefit._data import knowledge
    from rolefit.profiles import matrices

    mats = matrices()
    weights = mats.weights  # roles x skills, rows sum to 1
    ids = np.asarray(mats.skill_ids, dtype=object)
    ranked = [
        [j for j in np.lexsort((ids, -row)) if row[j] > 0] for row in weights
    ]
    keep = [int(j) for j in np.lexsort((ids, -weights.sum(axis=0)))[: n // 3]]
    for rank in range(max(len(r) for r in ranked)):
        for role_skills in ranked:
            if rank < len(role_skills) and role_skills[rank] not in keep and len(keep) < n:
                keep.append(int(role_skills[rank]))
    by_id = knowledge().skill_by_id
    names = [by_id[s].name for s in ids[keep]]
    return weights[:, keep].T, names, list(ids[keep]), list(mats.role_ids)


def skill_matrix(ax=None, n: int = 30):
    """Skill x role matrix of profile weights for the ``n`` most important skills.

    The rows are the ``n // 3`` skills with the largest summed share over all profiles
    (the widely shared ones), then skills taken in turns from each role's profile,
    largest share first (every role's distinctive top skills); they are ordered by
    hierarchical clustering (average linkage on the cosine distance between the skills'
    role-share vectors, optimal leaf order), so skills shared by many roles and skills
    distinctive of one role form blocks. Cells are the skill's share of the role's
    profile weight (what covering the skill adds to that role's fit); blank cells are
    skills outside the profile.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.
    n : int
        Number of skills (rows).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0].get_array()`` holds the shares in percent (masked where zero),
        rows in the clustered order shown by the y tick labels.
    """
    from scipy.cluster.hierarchy import leaves_list, linkage

    from rolefit.skills import check_count

    n = check_count(n, "n", minimum=1)
    shares, names, _, role_ids = _top_skill_shares(n)
    if len(names) > 2:
        order = leaves_list(linkage(shares, method="average", metric="cosine",
                                    optimal_ordering=True))
    else:
        order = np.arange(len(names))
    shares = shares[order] * 100
    names = [names[i] for i in order]
    titles = _titles()
    ax = _new_axes(ax, (7.5, 0.26 * len(names) + 2.4))
    import matplotlib as mpl

    cmap = mpl.colormaps["viridis"].with_extremes(bad="#F2F2F2")
    image = ax.imshow(np.ma.masked_equal(shares, 0.0), cmap=cmap, vmin=0, aspect="auto",
                      interpolation="nearest")
    ax.set_xticks(range(len(role_ids)), [titles[r] for r in role_ids], rotation=35,
                  ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(names)), names, fontsize=9)
    ax.set_xticks(np.arange(len(role_ids) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(names) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", lw=1)
    ax.tick_params(which="minor", length=0)
    colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.03)
    colorbar.set_label("share of the role's profile weight (%)")
    ax.set_title(f"{len(names)} key skills: shared across roles and distinctive of one\n"
                 "(rows clustered; grey = not in the profile)", fontsize=11)
    return ax


# -- one person --------------------------------------------------------------------------------
def _layout(ax) -> float:
    """Lay the figure out as it will be drawn; return the axes' width in pixels."""
    ax.figure.draw_without_rendering()
    return ax.get_window_extent().width


def _xmax_for_labels(width, ends, needs, floor=0.05, xmin=0.0, cap=0.6) -> float:
    """The smallest x limit that leaves ``needs[i]`` pixels right of bar end ``ends[i]``
    in an axes ``width`` pixels wide starting at ``xmin`` (a label never takes more than
    ``cap`` of it)."""
    xmax = xmin + floor
    for end, need in zip(ends, needs, strict=True):
        span = (float(end) - xmin) * width / (width - min(need, cap * width))
        xmax = max(xmax, xmin + span)
    return xmax


def _baseline(explained) -> float:
    """The part of a score that comes from no skill (rows of ``explain`` without a
    category, such as a role's baseline); 0 when there is none."""
    rows = explained["category"].map(lambda c: not (isinstance(c, str) and c))
    return float(explained.loc[rows, "contribution"].sum())


def _is_share(values) -> bool:
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    return bool(((values >= 0) & (values <= 1)).all())


def _score_is_share(fit) -> bool:
    """Scores are shares in [0, 1] made of skill contributions alone (shown in %),
    rather than points that include a baseline."""
    return _is_share(list(fit.scores.values())) and not any(
        _baseline(fit.explain(r)) for r in fit.scores)


def _format_score(value, share: bool) -> str:
    return f"{value:.0%}" if share else f"{value:.2f}"


def _names(names, k) -> str:
    more = len(names) - k
    return ", ".join(names[:k]) + (f" +{more}" if more else "")


def fit_bars(fit, ax=None, max_names: int = 4, colors=None):
    """Bar chart of a fit's role scores, highest first, each bar split into skill contributions.

    Bars are sorted by the number written after them, the ``score`` column of
    :attr:`rolefit.RoleFit.ranking`; each segment is one covered skill's contribution
    (:meth:`rolefit.RoleFit.explain`), largest first, coloured by skill category
    (:data:`CATEGORY_COLORS`). A row of ``explain`` without a category (a role's
    baseline) is drawn as a grey line from 0 and the skills' segments start where it
    ends, so a bar ends exactly at the role's score. Scores in [0, 1] made of skill
    contributions alone are shown in %, other scores as plain points. The x axis ends
    a little after the longest bar; the largest contributors' names follow each score
    as far as space allows. Adjacent roles are marked in their labels.

    Parameters
    ----------
    fit : rolefit.RoleFit
        The result of :func:`rolefit.score`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.
    max_names : int
        Name at most this many contributing skills after a bar (fewer when space is
        short; ``+k`` counts the others).
    colors : dict, optional
        Category to ``(colour, hatch)`` pairs overriding :data:`CATEGORY_COLORS`.

    Returns
    -------
    matplotlib.axes.Axes
        One bar container per category (labelled with the category id); the segments of a
        role share the role's y position. The score labels are texts with ``gid``
        ``"score:<role_id>"``.
    """
    from matplotlib.transforms import ScaledTranslation

    ranking = fit.ranking
    ranking = ranking[ranking["score"].notna()]  # a role a custom model does not know
    ranking = ranking.iloc[np.argsort(-ranking["score"].to_numpy(float), kind="stable")]
    role_ids = list(ranking.index)
    scores = ranking["score"].to_numpy(float)
    ax = _new_axes(ax, (9.5, 0.62 * len(role_ids) + 2.3))
    explained = {r: fit.explain(r) for r in role_ids}
    colors = _used_colors([c for r in role_ids for c in explained[r]["category"]
                           if isinstance(c, str) and c], colors)
    baselines = {r: _baseline(explained[r]) for r in role_ids}
    share = _is_share(scores) and not any(baselines.values())
    segments: dict[str, list[tuple[int, float, float]]] = {c: [] for c in colors}
    for y, role in enumerate(role_ids):
        left = baselines[role]  # a skill's segment starts where the last one ended
        for seg in explained[role].itertuples():
            if isinstance(seg.category, str) and seg.category:
                segments[seg.category].append((y, left, seg.contribution))
                left += seg.contribution
        if baselines[role]:
            ax.plot([0, baselines[role]], [y, y], color=BASELINE_COLOR, lw=2.5,
                    marker="|", ms=14, mew=2.5, markevery=[1], gid=f"baseline:{role}",
                    label="role baseline", zorder=0.9)
    for category, parts in segments.items():
        color, hatch = colors[category]
        ys, lefts, widths = (np.array(v, dtype=float) for v in zip(*parts, strict=True))
        ax.barh(ys, widths, left=lefts, height=0.7, color=color, hatch=hatch,
                edgecolor="white", linewidth=0.8, label=category)
    ticklabels = [t + (" (adjacent)" if a else "")
                  for t, a in zip(ranking["title"], ranking["adjacent"], strict=True)]
    _bar_axes(ax, range(len(role_ids)), ticklabels, points=None if share else False,
              xlabel="fit score (% of the role's profile weight your skills cover)" if share
              else "score (points: the role's baseline plus each skill's contribution)")
    skills = f"{len(fit.skills)} recognised skill" + ("" if len(fit.skills) == 1 else "s")
    note = ("\nlow signal: too few technical skills recognised to recommend a role"
            if getattr(fit, "low_signal", False) else "")
    ax.set_title(f"Role fit for {skills}, highest first\n"
                 f"(segments: each skill's contribution to the score){note}", fontsize=11)
    below = ax.transAxes + ScaledTranslation(0, -0.55, ax.figure.dpi_scale_trans)
    extra = [line for line in ax.lines if (line.get_gid() or "").startswith("baseline:")][:1]
    _category_legend(ax, colors, extra=extra, loc="upper center", bbox_to_anchor=(0.5, 0),
                     bbox_transform=below, ncol=min(4, max(len(colors) + len(extra), 1)),
                     fontsize=9, title_fontsize=9)
    width = _layout(ax)
    px = ax.figure.dpi / 72  # pixels per point
    values = [
        ax.annotate(_format_score(score, share), (score, y), xytext=(4, 0),
                    textcoords="offset points", va="center", ha="left", fontsize=10,
                    fontweight="bold", bbox={"fc": "white", "ec": "none", "pad": 0.5},
                    gid=f"score:{role}")
        for y, (role, score) in enumerate(zip(role_ids, scores, strict=True))
    ]
    probe = ax.text(0, 0, "", fontsize=8.5)

    def text_px(text):
        probe.set_text(text)
        return probe.get_window_extent().width if text else 0.0

    value_px = [v.get_window_extent().width for v in values]
    names = {r: [n for n, c in zip(explained[r]["name"], explained[r]["category"],
                                   strict=True) if isinstance(c, str) and c]
             for r in role_ids}
    # room for every score and the names of its two largest contributors (at most 30%
    # of the width: long names give way to "+k")
    needs = [(4 + 6 + 3) * px + w
             + min(text_px(_names(names[r], min(2, len(names[r])))), 0.3 * width)
             for r, w in zip(role_ids, value_px, strict=True)]
    xmin = min(0.0, *baselines.values(), *scores)
    xmin = xmin - 0.03 * (max(scores.max(), 0.0) - xmin) if xmin < 0 else 0.0
    xmax = _xmax_for_labels(width, scores, needs, xmin=xmin)
    used = []  # pixels the labels of each bar take in the end
    for y, (role, score, w) in enumerate(zip(role_ids, scores, value_px, strict=True)):
        room = width * (xmax - score) / (xmax - xmin) - (4 + 6) * px - w
        used.append((4 + 3) * px + w)
        for k in range(min(max_names, len(names[role])), 0, -1):
            text = _names(names[role], k)
            if text_px(text) <= room:
                ax.annotate(text, (score, y), xytext=(4 + 6 + w / px, 0),
                            textcoords="offset points", va="center", ha="left",
                            fontsize=8.5, color="#4D4D4D")
                used[-1] += 6 * px + text_px(text)
                break
    probe.remove()
    # no empty band on the right: end where the longest label ends (labels only gain room)
    _set_xmax(ax, min(xmax, _xmax_for_labels(width, scores, used, xmin=xmin)), xmin)
    return ax


def _set_xmax(ax, xmax, xmin=0.0) -> None:
    """x axis from ``xmin`` to ``xmax``; whole percents once the axis spans 10% or more;
    a line at zero when the axis starts below it."""
    from matplotlib.ticker import PercentFormatter

    ax.set_xlim(xmin, xmax)
    if xmin < 0:
        ax.axvline(0, color="#4D4D4D", lw=0.8, zorder=1.5)
    if xmax >= 0.1 and isinstance(ax.xaxis.get_major_formatter(), PercentFormatter):
        _percent_axis(ax.xaxis, decimals=0)


def _points(value, _pos=None) -> str:
    return f"{value * 100:g}"


def gap_bars(fit, role: str | None = None, ax=None, n: int = 12, colors=None):
    """The first ``n`` missing skills for one role, coloured by category.

    The skills are the first ``n`` rows of :meth:`rolefit.RoleFit.gaps`, top to bottom in
    its advice order (by ``gain``, an idea right before the tool that implies it, rare
    and soft skills after the first five); each bar is the skill's ``gain`` (what it adds
    to the score by itself), written after the bar. It is in percentage points when scores
    are shares shown in %, else in points. Skills that few of the role's job postings ask
    for (``rare``) are flagged with that share of postings, and a row out of ``gain`` order
    says why (its ``order_note``: "before <tool>", "soft skill: not in the top 5").

    Parameters
    ----------
    fit : rolefit.RoleFit
        The result of :func:`rolefit.score`.
    role : str, optional
        Role id (default: the best-fitting target role, ``fit.target``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.
    n : int
        Number of skills to show.
    colors : dict, optional
        Category to ``(colour, hatch)`` pairs overriding :data:`CATEGORY_COLORS`.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per skill, in advice order from the top; tick labels are the skill names;
        the labels of the rises have ``gid`` ``"gain:<skill_id>"``, rare flags
        ``"rare:<skill_id>"``, order notes ``"note:<skill_id>"``.
    """
    import pandas as pd
    from matplotlib.transforms import ScaledTranslation

    from rolefit.profiles import check_role
    from rolefit.skills import check_count

    n = check_count(n, "n", minimum=1)

    gaps = fit.gaps(role, n=n)  # the fit picks the target role, or says why it cannot
    role = fit.target if role is None else check_role(role)
    gaps = gaps.assign(rise=gaps["gain"].astype(float))
    share = _score_is_share(fit)
    now = _format_score(fit.scores[role], share)
    title = f"Gaps for {_titles()[role]} in learning order (score now {now})"
    ax = _new_axes(ax, (8, 0.4 * max(len(gaps), 3) + 2.3))
    if gaps.empty:
        ax.set_title(title, fontsize=11)
        ax.text(0.5, 0.5, "No missing skills: the profile is fully covered.",
                ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    rare = gaps["rare"].fillna(False).to_numpy(bool)
    if rare.any():
        title += "\n(rare: few of the role's job postings ask for it)"
    ax.set_title(title, fontsize=11)
    colors = _used_colors(gaps["category"], colors)
    ys = np.arange(len(gaps))
    gains = gaps["rise"].to_numpy()
    bars = ax.barh(ys, gains, height=0.7, color=[colors[c][0] for c in gaps["category"]],
                   edgecolor="white", linewidth=0.8)
    for bar, category in zip(bars, gaps["category"], strict=True):
        bar.set_hatch(colors[category][1])
    _bar_axes(ax, ys, gaps["name"].tolist(), points=share,
              xlabel="gain in score from the skill itself ("
                     + ("percentage points" if share else "points") + ")")
    below = ax.transAxes + ScaledTranslation(0, -0.55, ax.figure.dpi_scale_trans)
    _category_legend(ax, colors, loc="upper center", bbox_to_anchor=(0.5, 0),
                     bbox_transform=below, ncol=min(3, len(colors)), fontsize=9,
                     title_fontsize=9)
    width = _layout(ax)
    px = ax.figure.dpi / 72
    needs = []
    for y, row in enumerate(gaps.itertuples()):
        text = f"+{row.rise * 100:.1f}" if share else f"+{row.rise:.2f}"
        label = ax.annotate(text, (row.rise, y), xytext=(3, 0),
                            textcoords="offset points", va="center", ha="left", fontsize=9,
                            gid=f"gain:{row.skill_id}")
        need = 3 * px + label.get_window_extent().width
        if row.rare:
            if pd.isna(row.prevalence):
                posted = ""
            elif row.prevalence < 0.005:
                posted = " (<1% of postings)"
            else:
                posted = f" ({row.prevalence:.0%} of postings)"
            flag = ax.annotate(f"rare{posted}", (row.rise, y),
                               xytext=(3 + 5 + need / px - 3, 0), textcoords="offset points",
                               va="center", ha="left", fontsize=8.5, fontstyle="italic",
                               color=RARE_COLOR, gid=f"rare:{row.skill_id}")
            need += 5 * px + flag.get_window_extent().width
        if isinstance(row.order_note, str):  # why the row is out of gain order
            note = row.order_note.removeprefix("rare: ")  # (the rare flag is beside it)
            flag = ax.annotate(note, (row.rise, y), xytext=(8 + need / px, 0),
                               textcoords="offset points", va="center", ha="left",
                               fontsize=8.5, fontstyle="italic", color="#555555",
                               gid=f"note:{row.skill_id}")
            need += 8 * px + flag.get_window_extent().width
        needs.append(need + 4 * px)
    ax.set_xlim(0, _xmax_for_labels(width, gains, needs, floor=0.005, cap=0.75))
    return ax


# -- a cohort ------------------------------------------------------------------------------------
def _adjacent() -> set[str]:
    from rolefit._data import knowledge

    return {r.id for r in knowledge().roles if r.adjacent}


def _signal_rows(scores):
    """Role ids, the rows worth charting, and how many low-signal rows were left out.

    Low-signal rows: flagged by a ``low_signal`` column, not scored (every role NaN or no
    ``top_role``), or with no recognised skill (``n_skills`` 0).
    """
    import pandas as pd

    role_ids = _check_scores(scores)
    low = scores[role_ids].isna().all(axis=1) | scores["top_role"].isna()
    if "low_signal" in scores.columns:
        low |= scores["low_signal"].astype("boolean").fillna(False).astype(bool)
    if "n_skills" in scores.columns:
        low |= pd.to_numeric(scores["n_skills"], errors="coerce").eq(0)
    low = low.to_numpy(bool)
    return role_ids, scores.loc[~low], int(low.sum())


def _left_out(n_low: int) -> str:
    if not n_low:
        return ""
    rows = "row" if n_low == 1 else "rows"
    return f"\n{n_low:,} low-signal {rows} left out (no or too few recognised skills)"


def _people(n: int) -> str:
    return f"{n:,} {'person' if n == 1 else 'people'}"


def _role_label(role, titles, adjacent) -> str:
    return titles[role] + (" (adjacent)" if role in adjacent else "")


def _role_legend(ax, boxes=False, **kwargs):
    from matplotlib.patches import Patch

    if boxes:  # the look of cohort_scores' boxes
        handles = [
            Patch(facecolor=TARGET_BOX, edgecolor=TARGET_COLOR, label="target role"),
            Patch(facecolor=ADJACENT_BOX, edgecolor=ADJACENT_COLOR, hatch=ADJACENT_HATCH,
                  label="adjacent role (a starting point)"),
        ]
    else:
        handles = [
            Patch(facecolor=TARGET_COLOR, label="target role"),
            Patch(facecolor=ADJACENT_COLOR, hatch=ADJACENT_HATCH, edgecolor="white",
                  label="adjacent role (a starting point)"),
        ]
    return ax.legend(handles=handles, frameon=False, fontsize=9, **kwargs)


def cohort_top_roles(scores, ax=None):
    """How many people fit each role best, for a :func:`rolefit.score_many` result.

    Low-signal rows (see below) are left out and counted in the title; adjacent roles
    (starting points such as Data Analyst, not target roles) are grey, hatched and
    marked in their labels.

    Parameters
    ----------
    scores : pandas.DataFrame
        A :func:`rolefit.score_many` result. Rows flagged ``low_signal``, rows scored as
        NaN and rows with no recognised skill are left out.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per role (every role, most frequent first); bar widths are the share of
        the charted people whose best-fitting role it is.
    """
    from matplotlib.transforms import ScaledTranslation

    role_ids, kept, n_low = _signal_rows(scores)
    counts = kept["top_role"].value_counts().reindex(role_ids, fill_value=0)
    counts = counts.iloc[np.lexsort((np.arange(len(counts)), -counts.to_numpy()))]
    total = int(counts.sum())
    shares = counts / total if total else counts.astype(float)
    titles, adjacent = _titles(), _adjacent()
    ax = _new_axes(ax, (8, 0.5 * len(role_ids) + 2.4))
    ys = np.arange(len(counts))
    bars = ax.barh(ys, shares.to_numpy(), height=0.7, color=TARGET_COLOR,
                   edgecolor="white", linewidth=0.8)
    for bar, role in zip(bars, counts.index, strict=True):
        bar.set_gid(f"role:{role}")
        if role in adjacent:
            bar.set_facecolor(ADJACENT_COLOR)
            bar.set_hatch(ADJACENT_HATCH)
    _bar_axes(ax, ys, [_role_label(r, titles, adjacent) for r in counts.index],
              xlabel="share of people whose best-fitting role it is (%)")
    ax.set_title(f"Best-fitting role across {_people(total)}{_left_out(n_low)}", fontsize=11)
    below = ax.transAxes + ScaledTranslation(0, -0.55, ax.figure.dpi_scale_trans)
    _role_legend(ax, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below,
                 ncol=2)
    width = _layout(ax)
    needs = []
    for y, (count, share) in enumerate(zip(counts, shares, strict=True)):
        label = ax.text(share, y, f" {count:,} ({share:.0%})", va="center", ha="left",
                        fontsize=9)
        needs.append(label.get_window_extent().width + 2)
    _set_xmax(ax, _xmax_for_labels(width, shares.to_numpy(), needs))
    return ax


def cohort_scores(scores, ax=None, max_points: int = 1500, seed: int = 0):
    """Distribution of each role's fit score over a cohort (box plot with the points).

    Low-signal rows are left out and counted in the title; adjacent roles are grey and
    marked in their labels; the x axis ends just after the highest score.

    Parameters
    ----------
    scores : pandas.DataFrame
        A :func:`rolefit.score_many` result. Rows flagged ``low_signal``, rows scored as
        NaN and rows with no recognised skill are left out.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.
    max_points : int
        At most this many people are drawn as jittered points (a seeded random sample);
        the boxes always use everyone charted.
    seed : int
        Seed of the sample and of the jitter.

    Returns
    -------
    matplotlib.axes.Axes
        Roles ordered by median score, highest at the top; the boxes' medians are the
        roles' median scores.
    """
    from matplotlib.transforms import ScaledTranslation

    role_ids, kept, n_low = _signal_rows(scores)
    values = kept[role_ids].astype(float)
    medians = values.median()
    order = sorted(role_ids, key=lambda r: (-np.nan_to_num(medians[r], nan=-1.0),
                                            role_ids.index(r)))
    titles, adjacent = _titles(), _adjacent()
    ax = _new_axes(ax, (8, 0.6 * len(order) + 2.4))
    data = [values[r].dropna().to_numpy() for r in order]
    ys = np.arange(len(order))
    boxes = ax.boxplot(data, positions=ys, orientation="horizontal", widths=0.6,
                       showfliers=False, patch_artist=True, manage_ticks=False,
                       boxprops={"facecolor": TARGET_BOX, "edgecolor": TARGET_COLOR},
                       medianprops={"color": OKABE_ITO[5], "lw": 2},
                       whiskerprops={"color": TARGET_COLOR},
                       capprops={"color": TARGET_COLOR})
    for box, role in zip(boxes["boxes"], order, strict=True):
        box.set_gid(f"role:{role}")
        if role in adjacent:
            box.set_facecolor(ADJACENT_BOX)
            box.set_edgecolor(ADJACENT_COLOR)
            box.set_hatch(ADJACENT_HATCH)
    rng = np.random.default_rng(seed)
    pick = np.arange(len(values))
    if len(pick) > max_points:
        pick = np.sort(rng.choice(len(values), size=max_points, replace=False))
    for y, role in enumerate(order):
        x = values[role].to_numpy()[pick]
        x = x[~np.isnan(x)]
        ax.scatter(x, y + rng.uniform(-0.22, 0.22, len(x)), s=6, color="#333333",
                   alpha=0.35, linewidths=0, zorder=3)
    share = _is_share(values.to_numpy())
    _bar_axes(ax, ys, [_role_label(r, titles, adjacent) for r in order],
              points=None if share else False,
              xlabel="fit score (%)" if share else "score (points)")
    finite = values.to_numpy()[np.isfinite(values.to_numpy())]
    low, top = (min(float(finite.min()), 0.0), float(finite.max())) if finite.size else (0, 0)
    pad = 0.04 * (max(top, 0.0) - low)
    _set_xmax(ax, max(top + pad, 0.05), low - pad if low < 0 else 0.0)
    ax.set_title(f"Scores per role across {_people(len(values))} "
                 f"(box: quartiles, line: median){_left_out(n_low)}", fontsize=11)
    below = ax.transAxes + ScaledTranslation(0, -0.55, ax.figure.dpi_scale_trans)
    _role_legend(ax, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below,
                 ncol=2, boxes=True)
    return ax
