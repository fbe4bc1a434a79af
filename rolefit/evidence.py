"""Market evidence shipped with rolefit: skill prevalence and salary premiums in postings.

Runtime readers of two tables derived from public job postings by the build
(:mod:`rolefit.build`; see ``data/PROVENANCE.md``): ``data/market_prevalence.csv`` (per
role and skill, the share of postings asking for it) and
``data/market_salary_premium.csv`` (median advertised salary with and without a skill).
Standard library and numpy only; pandas only for the DataFrame accessors.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

from rolefit._data import check_role, knowledge

__all__ = [
    "gap_evidence",
    "market_prevalence",
    "salary_premium_dict",
    "salary_premiums",
]

PREVALENCE_FILE = "market_prevalence.csv"
PREMIUM_FILE = "market_salary_premium.csv"
#: A (role, skill) share is reported only when at least this many postings of the role
#: could show the skill.
MIN_ROLE_POSTINGS = 30
#: A salary premium is reported only with at least this many postings with the skill, and
#: as many without it (US postings with a yearly salary).
MIN_SALARY_POSTINGS = 30
#: A skill in a role's profile is "rarely asked for" below this share of the role's postings.
RARE_SHARE = 0.05
PREVALENCE_COLUMNS = (
    "role_id", "skill_id", "n_postings", "n_role_postings", "share", "guide", "onet",
)
PREMIUM_COLUMNS = (
    "role_id", "skill_id", "n_with", "n_without", "median_with_usd", "median_without_usd",
    "premium_usd", "premium_pct",
)


def _guide_pairs() -> set[tuple[str, str]]:
    return {(r["role_id"], r["skill_id"]) for r in knowledge().role_skills
            if r["source"] == "guide"}


def _profile_pairs() -> set[tuple[str, str]]:
    return {(r["role_id"], r["skill_id"]) for r in knowledge().role_skills}


def _shipped_rows(name: str) -> list[dict]:
    text = resources.files("rolefit.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def _prevalence_records() -> tuple[dict, ...]:
    out = []
    for row in _shipped_rows(PREVALENCE_FILE):
        out.append(
            {
                "role_id": row["role_id"],
                "skill_id": row["skill_id"],
                "n_postings": int(row["n_postings"]),
                "n_role_postings": int(row["n_role_postings"]),
                "share": float(row["share"]) if row["share"] else None,
                "guide": row["guide"] == "true",
                "onet": row["onet"],
            }
        )
    return tuple(out)


@cache
def _premium_records() -> tuple[dict, ...]:
    ints = ("n_with", "n_without", "median_with_usd", "median_without_usd", "premium_usd")
    out = []
    for row in _shipped_rows(PREMIUM_FILE):
        rec = {"role_id": row["role_id"], "skill_id": row["skill_id"]}
        rec.update({c: int(row[c]) for c in ints})
        rec["premium_pct"] = float(row["premium_pct"])
        out.append(rec)
    return tuple(out)


def market_prevalence():
    """Skill prevalence in real postings, per role, as a tidy DataFrame.

    Read from the shipped ``data/market_prevalence.csv`` (built by the pipeline; see
    ``data/PROVENANCE.md``).

    Returns
    -------
    pandas.DataFrame
        One row per role and skill, sorted by role (catalogue order) then share, with
        columns ``role_id``, ``skill_id``, ``n_postings`` (postings of the role asking for
        the skill), ``n_role_postings`` (postings of the role whose source can show the
        skill: ``data_jobs`` lists only know ~220 tools, so concepts such as
        ``statistics`` are counted over the Built In descriptions alone), ``share``
        (``n_postings / n_role_postings``; NaN below :data:`MIN_ROLE_POSTINGS`),
        ``guide`` (the guide lists it in the role's profile) and ``onet`` (``hot`` or
        ``listed`` among O*NET's technology examples for the role's occupation, ``no``,
        or empty for roles without an O*NET occupation). Skills of the role profile are
        always listed, even when no posting asks for them.

    Examples
    --------
    >>> import rolefit.evidence as market
    >>> prev = market.market_prevalence()
    >>> top = prev[prev.role_id == "data_analyst"].iloc[0]
    >>> top.skill_id, bool(top.share > 0.5)
    ('sql', True)
    """
    import pandas as pd

    frame = pd.DataFrame(list(_prevalence_records()), columns=list(PREVALENCE_COLUMNS))
    return frame.astype({"share": "float64"})


def salary_premiums():
    """Median advertised salary with and without each skill, per role, as a DataFrame.

    Computed from US ``data_jobs_2023`` postings with a yearly salary (hourly rates are
    left out), for skills with at least :data:`MIN_SALARY_POSTINGS` postings with and
    without them. The premium is descriptive, not causal: a skill common in senior or
    big-city postings carries their pay.

    Returns
    -------
    pandas.DataFrame
        Columns ``role_id``, ``skill_id``, ``n_with``, ``n_without``,
        ``median_with_usd``, ``median_without_usd``, ``premium_usd`` (with minus
        without) and ``premium_pct`` (premium over the median without, in percent),
        sorted by role then premium.

    Examples
    --------
    >>> import rolefit.evidence as market
    >>> prem = market.salary_premiums()
    >>> bool((prem.n_with >= market.MIN_SALARY_POSTINGS).all())
    True
    """
    import pandas as pd

    return pd.DataFrame(list(_premium_records()), columns=list(PREMIUM_COLUMNS))


def salary_premium_dict() -> dict[tuple[str, str], dict]:
    """:func:`salary_premiums` as ``{(role_id, skill_id): {column: value}}`` (no pandas).

    Examples
    --------
    >>> from rolefit.evidence import salary_premium_dict
    >>> sorted(next(iter(salary_premium_dict().values())))[:3]
    ['median_with_usd', 'median_without_usd', 'n_with']
    """
    return {
        (r["role_id"], r["skill_id"]): {k: v for k, v in r.items() if k not in
                                        ("role_id", "skill_id")}
        for r in _premium_records()
    }


def gap_evidence(role: str) -> dict[str, dict]:
    """Market evidence for each skill of ``role``'s profile or postings (plain Python).

    Parameters
    ----------
    role : str
        A role id.

    Returns
    -------
    dict
        ``{skill_id: {...}}`` for every skill in the role's profile and every skill the
        role's postings ask for, with keys ``prevalence`` (share of the role's postings,
        or None when too few postings could show it), ``n_role_postings``,
        ``premium_usd``, ``premium_pct``, ``n_with`` (None without a salary premium),
        ``guide`` (the guide lists it for the role), ``in_profile`` (it is in the
        shipped profile) and ``rare`` (in the profile, but asked for by fewer than
        :data:`RARE_SHARE` of the role's postings: flag it, do not hide it).

    Examples
    --------
    >>> from rolefit.evidence import gap_evidence
    >>> ev = gap_evidence("data_engineer")
    >>> ev["spark"]["prevalence"] > 0.2, sorted(ev["spark"])[:3]
    (True, ['guide', 'in_profile', 'n_role_postings'])
    """
    role = check_role(role)
    profile = _profile_pairs()
    premiums = salary_premium_dict()
    out: dict[str, dict] = {}
    for rec in _prevalence_records():
        if rec["role_id"] != role:
            continue
        premium = premiums.get((role, rec["skill_id"]), {})
        in_profile = (role, rec["skill_id"]) in profile
        share = rec["share"]
        out[rec["skill_id"]] = {
            "prevalence": share,
            "n_role_postings": rec["n_role_postings"],
            "premium_usd": premium.get("premium_usd"),
            "premium_pct": premium.get("premium_pct"),
            "n_with": premium.get("n_with"),
            "guide": rec["guide"],
            "in_profile": in_profile,
            "rare": in_profile and share is not None and share < RARE_SHARE,
        }
    for role_id, skill in sorted(profile):
        if role_id == role and skill not in out:
            out[skill] = {
                "prevalence": None, "n_role_postings": 0, "premium_usd": None,
                "premium_pct": None, "n_with": None,
                "guide": (role, skill) in _guide_pairs(), "in_profile": True, "rare": False,
            }
    return out
