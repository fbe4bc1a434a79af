"""The role catalogue: role skill profiles, salaries, interview topics and roadmaps.

A role profile is a vector of skill weights. A person's fit to a role is the share of
the role's weight that their skills cover: a number in ``[0, 1]`` that is the exact sum of
per-skill contributions. A skill the person lists counts fully; a skill only implied by
what they list (PyTorch implies deep learning) counts :data:`IMPLIED_CREDIT` for each
listed skill that implies it, up to fully.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from rolefit._data import check_role, knowledge

__all__ = ["interview_topics", "roadmaps", "role_profiles", "roles"]

IMPLIED_CREDIT = 0.5
MARKET_BLEND = 0.5


@dataclass(frozen=True)
class ProfileMatrices:
    """Dense arrays behind scoring; rows and columns follow the catalogue order.

    ``weights`` is roles x skills and sums to 1 over each row; ``implication`` is
    skills x skills with ``implication[i, j] = 1`` when skill ``i`` is or implies ``j``.
    """

    role_ids: tuple[str, ...]
    skill_ids: tuple[str, ...]
    weights: np.ndarray
    implication: np.ndarray


def implication_matrix() -> np.ndarray:
    """Skills x skills credit matrix: row ``i`` gives 1 to skill ``i`` itself and
    :data:`IMPLIED_CREDIT` to every skill it implies (transitively)."""
    kn = knowledge()
    out = np.eye(len(kn.skills), dtype=np.float64)
    for skill in kn.skills:
        i = kn.skill_index[skill.id]
        for implied in kn.closure[skill.id]:
            out[i, kn.skill_index[implied]] = IMPLIED_CREDIT
    return out


def weight_matrix(rows, role_ids, skill_index) -> np.ndarray:
    """Roles x skills raw weights from tidy ``(role_id, skill_id, weight)`` rows."""
    role_pos = {r: i for i, r in enumerate(role_ids)}
    out = np.zeros((len(role_ids), len(skill_index)))
    for row in rows:
        out[role_pos[row["role_id"]], skill_index[row["skill_id"]]] = row["weight"]
    return out


def normalize_rows(weights: np.ndarray) -> np.ndarray:
    """Scale each row to sum to 1 (rows of zeros stay zero)."""
    weights = np.asarray(weights, dtype=np.float64)
    total = weights.sum(axis=1, keepdims=True)
    return np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)


def blend_market(guide: np.ndarray, prevalence: np.ndarray, observed: np.ndarray,
                 blend: float = MARKET_BLEND) -> np.ndarray:
    """Blend job-posting prevalence into row-normalised guide profile weights.

    Only the skills of a role's profile whose prevalence was observed (enough postings
    could show them) are re-weighted: their joint share of the profile stays the same and
    is split ``(1 - blend)`` by the guide's weights and ``blend`` by how often the role's
    postings ask for each. Every other skill keeps its guide share, so each row still
    sums to 1 and no skill enters or leaves the profile.

    Examples
    --------
    >>> import numpy as np
    >>> guide = np.array([[0.5, 0.25, 0.25]])
    >>> prevalence = np.array([[0.1, 0.9, 0.0]])
    >>> observed = np.array([[True, True, False]])
    >>> blend_market(guide, prevalence, observed).round(4).tolist()
    [[0.2875, 0.4625, 0.25]]
    """
    mask = observed & (guide > 0)
    mass = (guide * mask).sum(axis=1, keepdims=True)
    market = normalize_rows(np.where(mask, prevalence, 0.0)) * mass
    has_market = market.sum(axis=1, keepdims=True) > 0
    blended = np.where(mask, (1 - blend) * guide + blend * market, guide)
    return np.where(has_market, blended, guide)


def _market_prevalence(role_ids, skill_index) -> tuple[np.ndarray, np.ndarray]:
    from rolefit.evidence import _prevalence_records

    values = np.zeros((len(role_ids), len(skill_index)))
    observed = np.zeros(values.shape, dtype=bool)
    role_pos = {r: i for i, r in enumerate(role_ids)}
    for rec in _prevalence_records():
        i, j = role_pos.get(rec["role_id"]), skill_index.get(rec["skill_id"])
        if i is None or j is None or rec["share"] is None:
            continue
        values[i, j], observed[i, j] = rec["share"], True
    return values, observed


@cache
def matrices() -> ProfileMatrices:
    """The shipped role profiles as arrays (built once per process): the guide's weights
    with job-posting prevalence blended in (:func:`blend_market`)."""
    kn = knowledge()
    role_ids = tuple(r.id for r in kn.roles)
    guide = normalize_rows(weight_matrix(kn.role_skills, role_ids, kn.skill_index))
    prevalence, observed = _market_prevalence(role_ids, kn.skill_index)
    return ProfileMatrices(
        role_ids=role_ids,
        skill_ids=tuple(s.id for s in kn.skills),
        weights=blend_market(guide, prevalence, observed),
        implication=implication_matrix(),
    )


def close_skills(explicit: np.ndarray, implication: np.ndarray) -> np.ndarray:
    """Coverage in [0, 1] of every skill, implied credit included, from 0/1 vectors."""
    return np.minimum(explicit @ implication, 1.0)


def roles():
    """Return the role catalogue as a DataFrame indexed by ``role_id``.

    Columns: ``title``, ``adjacent`` (a starting-point role rather than a target),
    ``identity``, ``focus``, ``responsibilities`` (tuple), ``salary_min_usd``,
    ``salary_max_usd`` (the guide's quoted US range, nullable integers),
    ``salary_open_ended`` (the top is "and up"), ``best_for`` (tuple) and ``n_skills``
    (skills in the profile).

    Examples
    --------
    >>> import rolefit
    >>> cat = rolefit.roles()
    >>> list(cat.index[:5])
    ['ml_engineer', 'ai_engineer', 'data_scientist', 'data_engineer', 'research_scientist']
    >>> int(cat.loc["data_scientist", "salary_min_usd"])
    130000
    """
    import pandas as pd

    kn = knowledge()
    counts = {r.id: 0 for r in kn.roles}
    for row in kn.role_skills:
        counts[row["role_id"]] += 1
    frame = pd.DataFrame(
        [
            {
                "role_id": r.id,
                "title": r.title,
                "adjacent": r.adjacent,
                "identity": r.identity,
                "focus": r.focus,
                "responsibilities": r.responsibilities,
                "salary_min_usd": r.salary_min_usd,
                "salary_max_usd": r.salary_max_usd,
                "salary_open_ended": r.salary_open_ended,
                "best_for": r.best_for,
                "n_skills": counts[r.id],
            }
            for r in kn.roles
        ]
    )
    frame = frame.astype({"salary_min_usd": "Int64", "salary_max_usd": "Int64"})
    return frame.set_index("role_id")


def role_profiles():
    """Return the role skill profiles as a tidy DataFrame.

    One row per role and skill, sorted by role (catalogue order) then weight, with columns
    ``role_id``, ``skill_id``, ``name``, ``category``, ``weight`` (as edited, in
    ``(0, 1]``), ``guide_share`` (the weight's share of the role's total), ``share``
    (after blending in job-posting prevalence, :func:`blend_market`: what covering it adds to
    the fit score) and ``source`` (``guide``, ``curated`` or ``market``).

    Examples
    --------
    >>> import rolefit
    >>> prof = rolefit.role_profiles()
    >>> prof.groupby("role_id")["share"].sum().round(6).unique().tolist()
    [1.0]
    """
    import pandas as pd

    kn = knowledge()
    by_id = kn.skill_by_id
    frame = pd.DataFrame(kn.role_skills).drop(columns="_row")
    frame["name"] = frame["skill_id"].map(lambda s: by_id[s].name)
    frame["category"] = frame["skill_id"].map(lambda s: by_id[s].category)
    frame["guide_share"] = frame["weight"] / frame.groupby("role_id")["weight"].transform("sum")
    mats = matrices()
    frame["share"] = [
        mats.weights[kn.role_index[r], kn.skill_index[s]]
        for r, s in zip(frame["role_id"], frame["skill_id"], strict=True)
    ]
    frame["_order"] = frame["role_id"].map(kn.role_index)
    frame = frame.sort_values(["_order", "weight", "skill_id"], ascending=[True, False, True])
    columns = ["role_id", "skill_id", "name", "category", "weight", "guide_share", "share",
               "source"]
    return frame[columns].reset_index(drop=True)


def interview_topics(role: str | None = None):
    """Return interview preparation topics as a DataFrame.

    Columns: ``role_id``, ``type`` (``coding``, ``sql``, ``system_design``,
    ``debugging``, ``statistics``, ``case_study``, ``theory``, ``paper_discussion``,
    ``product_sense``, ``behavioral``), ``topic`` and ``skills`` (tuple of related ids),
    sorted by role then type.

    Examples
    --------
    >>> import rolefit
    >>> "system_design" in set(rolefit.interview_topics("ml_engineer")["type"])
    True
    """
    import pandas as pd

    kn = knowledge()
    rows = [r for r in kn.topics if role is None or r["role_id"] == check_role(role)]
    frame = pd.DataFrame(rows, columns=["role_id", "type", "topic", "skills", "_row"])
    frame["_order"] = frame["role_id"].map(kn.role_index)
    frame = frame.sort_values(["_order", "type", "_row"], kind="stable")
    return frame[["role_id", "type", "topic", "skills"]].reset_index(drop=True)


def roadmaps():
    """Return the transition roadmaps as a DataFrame, one row per action, in order.

    Columns: ``roadmap_id``, ``background``, ``target_role``, ``step``, ``step_title``,
    ``action`` and ``skills`` (tuple of skill ids the action adds).

    Examples
    --------
    >>> import rolefit
    >>> sorted(rolefit.roadmaps()["roadmap_id"].unique())[0]
    'academic_to_research_scientist'
    """
    import pandas as pd

    columns = ["roadmap_id", "background", "target_role", "step", "step_title", "action"]
    frame = pd.DataFrame(knowledge().roadmaps, columns=[*columns, "skills"])
    return frame.reset_index(drop=True)
