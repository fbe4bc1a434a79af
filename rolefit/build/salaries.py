"""Derive ``data/salary_percentiles.csv`` from the CC0 ai-jobs.net salary survey.

Counts and percentiles of yearly salaries per role, region and experience level (version
2025-01-19 of the survey); no survey row is shipped. The survey's job titles are mapped to
role ids by the shipped table ``data/salary_title_map.csv``; titles that the table leaves
out, or maps to no role, are counted and reported, never dropped silently. Provenance is in
``data/SALARIES.md``; the runtime reader is :func:`rolefit.salaries.salary_percentiles`.

Rebuild the shipped table (the same inputs give the same bytes)::

    python -m rolefit.build.salaries ../shared/datasets -o data/salary_percentiles.csv
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import numpy as np

from rolefit._data import ROLE_IDS
from rolefit.salaries import COLUMNS, LEVELS, MIN_N, MIN_YEAR, QUANTILES, REGIONS, salary_title_map

__all__ = ["derive_salary_percentiles", "title_coverage"]

SURVEY = Path("ai_jobs_salaries") / "salaries.csv"


SURVEY_VERSION = "2025-01-19"




EMPLOYMENT_TYPE = "FT"


SURVEY_COLUMNS = (
    "work_year",
    "experience_level",
    "employment_type",
    "job_title",
    "salary_in_usd",
    "employee_residence",
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


def main(argv: list[str] | None = None) -> int:
    """Rebuild ``salary_percentiles.csv`` from the survey and report unmapped titles."""
    parser = argparse.ArgumentParser(
        prog="python -m rolefit.build.salaries",
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
