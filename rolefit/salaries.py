"""Salary percentiles per role and experience level, derived from a public salary survey.

rolefit ships only *derived* figures (``data/salary_percentiles.csv``): counts and
percentiles of yearly salaries per role, region and experience level, computed from the
CC0 ai-jobs.net salary survey (version 2025-01-19). No survey row is shipped. The survey's
job titles are mapped to role ids by an explicit, documented table
(``data/salary_title_map.csv``); titles that the table leaves out, or maps to no role,
are counted and reported, never dropped silently. Provenance is in ``data/SALARIES.md``.

Rebuild the shipped table (the same inputs give the same bytes)::

    python -m rolefit.salaries ../shared/datasets -o data/salary_percentiles.csv
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from importlib import resources
from pathlib import Path

import numpy as np

from rolefit._data import ROLE_IDS, DataError

__all__ = [
    "compare_with_guide",
    "derive_salary_percentiles",
    "salary_percentiles",
    "salary_title_map",
    "title_coverage",
]

SURVEY = Path("ai_jobs_salaries") / "salaries.csv"
SURVEY_VERSION = "2025-01-19"
PERCENTILES_FILE = "salary_percentiles.csv"
TITLE_MAP_FILE = "salary_title_map.csv"
REGIONS = ("us", "worldwide")
LEVELS = ("EN", "MI", "SE", "EX")
LEVEL_NAMES = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
QUANTILES = (10, 25, 50, 75, 90)
COLUMNS = ("role_id", "region", "experience_level", "n", *(f"p{q}" for q in QUANTILES))
MIN_YEAR = 2023
MIN_N = 20
EMPLOYMENT_TYPE = "FT"
SURVEY_COLUMNS = (
    "work_year",
    "experience_level",
    "employment_type",
    "job_title",
    "salary_in_usd",
    "employee_residence",
)


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


def _read_survey(datasets_dir):
    import pandas as pd

    path = Path(datasets_dir) / SURVEY
    if not path.is_file():
        raise FileNotFoundError(f"salary survey not found: {path}")
    frame = pd.read_csv(path, usecols=list(SURVEY_COLUMNS), dtype={"job_title": str})
    frame["job_title"] = frame["job_title"].str.strip()
    return frame


def _eligible(survey):
    """Rows the derivation uses: full-time, recent years, a known experience level."""
    keep = (
        (survey["employment_type"] == EMPLOYMENT_TYPE)
        & (survey["work_year"] >= MIN_YEAR)
        & survey["experience_level"].isin(LEVELS)
    )
    return survey[keep]


def title_coverage(datasets_dir, title_map=None):
    """Count the eligible survey rows per job title and say what became of each title.

    Parameters
    ----------
    datasets_dir : str or Path
        The folder holding ``ai_jobs_salaries/salaries.csv``.
    title_map : pandas.DataFrame, optional
        As returned by :func:`salary_title_map` (default: the shipped map).

    Returns
    -------
    pandas.DataFrame
        One row per distinct title among the rows used (full-time, ``work_year >=
        2023``), most frequent first, with columns ``job_title``, ``n``, ``role_id``
        (empty when unmapped) and ``status``: ``mapped``, ``excluded`` (listed in the map
        with no role, on purpose) or ``unlisted`` (not in the map).
    """
    title_map = salary_title_map() if title_map is None else title_map
    survey = _eligible(_read_survey(datasets_dir))
    counts = survey["job_title"].value_counts().rename_axis("job_title").reset_index(name="n")
    counts = counts.merge(title_map[["job_title", "role_id"]], on="job_title", how="left")
    listed = counts["role_id"].notna()
    counts["role_id"] = counts["role_id"].fillna("")
    counts["status"] = np.where(
        counts["role_id"] != "", "mapped", np.where(listed, "excluded", "unlisted")
    )
    counts = counts.sort_values(["n", "job_title"], ascending=[False, True], ignore_index=True)
    return counts[["job_title", "n", "role_id", "status"]]


def derive_salary_percentiles(datasets_dir, title_map=None):
    """Derive salary percentiles per role, region and experience level from the survey.

    Rows used: full-time (``employment_type == "FT"``), ``work_year >= 2023``, a title
    that the title map assigns to a role. ``region`` is ``us`` (``employee_residence ==
    "US"``) or ``worldwide`` (every residence, the US included). Percentiles use numpy's
    linear interpolation and are rounded to whole USD; they are left empty for groups with
    fewer than 20 people.

    Parameters
    ----------
    datasets_dir : str or Path
        The folder holding ``ai_jobs_salaries/salaries.csv`` (``../shared/datasets``).
    title_map : pandas.DataFrame, optional
        As returned by :func:`salary_title_map` (default: the shipped map).

    Returns
    -------
    pandas.DataFrame
        Every role x region x experience level (``EN``, ``MI``, ``SE``, ``EX``), in
        catalogue order, with columns ``role_id``, ``region``, ``experience_level``,
        ``n`` (people), ``p10``, ``p25``, ``p50``, ``p75``, ``p90`` (USD per year, nullable
        integers).
    """
    import pandas as pd

    title_map = salary_title_map() if title_map is None else title_map
    roles_of = {t: r for t, r in zip(title_map["job_title"], title_map["role_id"],
                                     strict=True) if r}
    survey = _eligible(_read_survey(datasets_dir))
    survey = survey.assign(role_id=survey["job_title"].map(roles_of)).dropna(
        subset=["role_id"]
    )
    rows = []
    for role_id in ROLE_IDS:
        for region in REGIONS:
            for level in LEVELS:
                mask = (survey["role_id"] == role_id) & (survey["experience_level"] == level)
                if region == "us":
                    mask &= survey["employee_residence"] == "US"
                values = np.sort(survey.loc[mask, "salary_in_usd"].to_numpy(dtype=np.float64))
                if len(values) >= MIN_N:
                    cuts = np.rint(np.percentile(values, QUANTILES)).astype(np.int64).tolist()
                else:
                    cuts = [None] * len(QUANTILES)
                rows.append((role_id, region, level, len(values), *cuts))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({c: "Int64" for c in COLUMNS[4:]})


def _to_csv(frame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


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


def main(argv: list[str] | None = None) -> int:
    """Rebuild ``salary_percentiles.csv`` from the survey and report unmapped titles."""
    parser = argparse.ArgumentParser(
        prog="python -m rolefit.salaries",
        description="Derive salary percentiles per role from the ai-jobs.net survey.",
    )
    parser.add_argument("datasets", help="folder holding ai_jobs_salaries/salaries.csv")
    parser.add_argument("-o", "--output", help="CSV to write (default: stdout)")
    parser.add_argument("--map", help="title map CSV (default: the shipped one)")
    parser.add_argument("--show", type=int, default=15, metavar="N",
                        help="list the N most frequent unmapped titles (default 15)")
    args = parser.parse_args(argv)
    title_map = salary_title_map(args.map)
    text = _to_csv(derive_salary_percentiles(args.datasets, title_map))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
    coverage = title_coverage(args.datasets, title_map)
    total = int(coverage["n"].sum())
    err = sys.stderr.write
    err(f"rows used (full-time, work_year >= {MIN_YEAR}): {total:,}\n")
    for status in ("mapped", "excluded", "unlisted"):
        part = coverage[coverage["status"] == status]
        err(f"  {status:9s} {int(part['n'].sum()):7,} rows  {len(part):4d} titles\n")
    unmapped = coverage[coverage["status"] != "mapped"].head(args.show)
    err(f"most frequent unmapped titles (top {len(unmapped)}):\n")
    for row in unmapped.itertuples():
        err(f"  {row.n:6,}  {row.job_title} ({row.status})\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
