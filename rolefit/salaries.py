"""Salary percentiles per role and experience level, derived from a public salary survey.

rolefit ships only *derived* figures (``data/salary_percentiles.csv``): counts and
percentiles of yearly salaries per role, region and experience level, computed from the
CC0 ai-jobs.net salary survey (version 2025-01-19). No survey row is shipped. The survey's
job titles are mapped to role ids by an explicit, documented table
(``data/salary_title_map.csv``); titles that the table leaves out, or maps to no role,
are counted and reported, never dropped silently. Provenance is in ``data/SALARIES.md``.

The table is derived by :mod:`rolefit.build.salaries` (same inputs, same bytes)::

    python -m rolefit.build.salaries ../shared/datasets -o data/salary_percentiles.csv
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

from rolefit._data import ROLE_IDS, DataError

__all__ = [
    "compare_with_guide",
    "salary_percentiles",
    "salary_title_map",
]

PERCENTILES_FILE = "salary_percentiles.csv"
TITLE_MAP_FILE = "salary_title_map.csv"
REGIONS = ("us", "worldwide")
LEVELS = ("EN", "MI", "SE", "EX")
LEVEL_NAMES = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
QUANTILES = (10, 25, 50, 75, 90)
COLUMNS = ("role_id", "region", "experience_level", "n", *(f"p{q}" for q in QUANTILES))
MIN_YEAR = 2023
MIN_N = 20


def _read_package_csv(name: str) -> str:
    return resources.files("rolefit.data").joinpath(name).read_text("utf-8")


def salary_title_map(path: str | Path | None = None):
    """Return the survey-title to role-id table.

    Parameters
    ----------
    path : str or Path, optional
        A CSV with columns ``job_title``, ``role_id``, ``reason``; by default the shipped
        ``data/salary_title_map.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns ``job_title`` (exactly as the survey writes it), ``role_id`` (empty string
        for a title deliberately kept out of every role) and ``reason``.

    Raises
    ------
    DataError
        On a missing column, an unknown role id, a duplicate title or an empty reason.

    Examples
    --------
    >>> from rolefit.salaries import salary_title_map
    >>> m = salary_title_map().set_index("job_title")
    >>> m.loc["MLOps Engineer", "role_id"], m.loc["Prompt Engineer", "role_id"]
    ('ml_engineer', 'ai_engineer')
    """
    import pandas as pd

    name = TITLE_MAP_FILE if path is None else str(path)
    text = _read_package_csv(TITLE_MAP_FILE) if path is None else Path(path).read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    header = rows[0].keys() if rows else ()
    for column in ("job_title", "role_id", "reason"):
        if column not in header:
            raise DataError(name, 0, column, "column missing from the header")
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        title = row["job_title"].strip()
        if not title or title in seen:
            raise DataError(name, number, "job_title", f"empty or duplicate title {title!r}")
        seen.add(title)
        if row["role_id"] and row["role_id"] not in ROLE_IDS:
            raise DataError(name, number, "role_id", f"unknown role id {row['role_id']!r}")
        if not row["reason"].strip():
            raise DataError(name, number, "reason", "say why the title maps (or does not)")
    return pd.DataFrame(
        [(r["job_title"].strip(), r["role_id"], r["reason"].strip()) for r in rows],
        columns=["job_title", "role_id", "reason"],
    )












def salary_percentiles(region: str | None = None):
    """Return the shipped salary percentiles (USD per year) per role and experience level.

    Parameters
    ----------
    region : {"us", "worldwide"}, optional
        Keep one region; by default both.

    Returns
    -------
    pandas.DataFrame
        Columns ``role_id``, ``region``, ``experience_level`` (``EN`` entry, ``MI`` mid,
        ``SE`` senior, ``EX`` executive), ``n``, ``p10``, ``p25``, ``p50``, ``p75``,
        ``p90`` (nullable integers; empty below 20 people). See :func:`derive_salary_percentiles`
        for how they were derived.

    Examples
    --------
    >>> from rolefit.salaries import salary_percentiles
    >>> us = salary_percentiles("us")
    >>> sorted(us["experience_level"].unique())
    ['EN', 'EX', 'MI', 'SE']
    >>> row = us[(us.role_id == "ml_engineer") & (us.experience_level == "SE")].iloc[0]
    >>> bool(row.p10 <= row.p25 <= row.p50 <= row.p75 <= row.p90)
    True
    """
    import pandas as pd

    if region is not None and region not in REGIONS:
        raise ValueError(f"region must be one of {REGIONS}, got {region!r}")
    text = _read_package_csv(PERCENTILES_FILE)
    frame = pd.read_csv(io.StringIO(text), dtype={"role_id": str, "region": str,
                                                  "experience_level": str})
    if tuple(frame.columns) != COLUMNS:
        raise DataError(PERCENTILES_FILE, 0, None, f"expected the columns {COLUMNS}")
    frame = frame.astype({"n": "int64", **{c: "Int64" for c in COLUMNS[4:]}})
    if region is not None:
        frame = frame[frame["region"] == region].reset_index(drop=True)
    return frame


def compare_with_guide(region: str = "us", percentiles=None):
    """Put each role's quoted salary range next to the survey's percentiles.

    Parameters
    ----------
    region : {"us", "worldwide"}
        Survey region to compare with (the guide quotes US salaries).
    percentiles : pandas.DataFrame, optional
        As returned by :func:`salary_percentiles` (default: the shipped table).

    Returns
    -------
    pandas.DataFrame
        One row per role and experience level, roles in catalogue order, with columns
        ``role_id``, ``title``, ``guide_min_usd``, ``guide_max_usd``,
        ``guide_open_ended``, ``experience_level``, ``n``, ``p25``, ``p50``, ``p75`` and
        ``median_vs_guide``: ``below``, ``within`` or ``above`` the guide's range (an
        open-ended range has no top), missing when the guide quotes no range or the group
        has fewer than 20 people.

    Examples
    --------
    >>> from rolefit.salaries import compare_with_guide
    >>> table = compare_with_guide("us")
    >>> senior = table[table["experience_level"] == "SE"].set_index("role_id")
    >>> row = senior.loc["ml_engineer"]
    >>> int(row.guide_min_usd), int(row.guide_max_usd), row.median_vs_guide
    (160000, 220000, 'within')
    """
    import pandas as pd

    from rolefit.profiles import roles

    if region not in REGIONS:
        raise ValueError(f"region must be one of {REGIONS}, got {region!r}")
    table = salary_percentiles() if percentiles is None else percentiles
    table = table[table["region"] == region]
    catalogue = roles()[["title", "salary_min_usd", "salary_max_usd", "salary_open_ended"]]
    catalogue = catalogue.rename(
        columns={
            "salary_min_usd": "guide_min_usd",
            "salary_max_usd": "guide_max_usd",
            "salary_open_ended": "guide_open_ended",
        }
    )
    out = catalogue.reset_index().merge(table, on="role_id", how="left")
    low, high, mid = out["guide_min_usd"], out["guide_max_usd"], out["p50"]
    verdict = pd.Series(pd.NA, index=out.index, dtype="string")
    known = (low.notna() & mid.notna()).to_numpy()
    below = (mid < low).fillna(False).to_numpy(dtype=bool)
    above = (mid > high).fillna(False).to_numpy(dtype=bool) & ~out["guide_open_ended"]
    verdict[known] = "within"
    verdict[known & below] = "below"
    verdict[known & above.to_numpy(dtype=bool)] = "above"
    out["median_vs_guide"] = verdict
    columns = [
        "role_id", "title", "guide_min_usd", "guide_max_usd", "guide_open_ended",
        "experience_level", "n", "p25", "p50", "p75", "median_vs_guide",
    ]
    return out[columns].reset_index(drop=True)



