"""Salary percentiles: the shipped table, the title map and the derivation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import rolefit
from rolefit import DataError
from rolefit._data import ROLE_IDS
from rolefit.build.salaries import _to_csv, derive_salary_percentiles, main, title_coverage
from rolefit.salaries import (
    COLUMNS,
    LEVELS,
    MIN_N,
    PERCENTILES_FILE,
    REGIONS,
    compare_with_guide,
    salary_percentiles,
    salary_title_map,
)

SURVEY_HEADER = (
    "work_year,experience_level,employment_type,job_title,salary,salary_currency,"
    "salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n"
)


def _shipped_text() -> str:
    from importlib import resources

    return resources.files("rolefit.data").joinpath(PERCENTILES_FILE).read_text("utf-8")


# -- the shipped table ---------------------------------------------------------------------
def test_shipped_table_is_complete_and_tidy():
    table = salary_percentiles()
    assert tuple(table.columns) == COLUMNS
    assert len(table) == len(ROLE_IDS) * len(REGIONS) * len(LEVELS)
    assert not table.duplicated(["role_id", "region", "experience_level"]).any()
    assert list(table["role_id"].unique()) == list(ROLE_IDS)
    assert set(table["region"]) == set(REGIONS)
    assert set(table["experience_level"]) == set(LEVELS)


def test_shipped_percentiles_are_ordered_and_blank_below_min_n():
    table = salary_percentiles()
    cuts = table[["p10", "p25", "p50", "p75", "p90"]]
    present = cuts.notna().all(axis=1)
    assert (present == (table["n"] >= MIN_N)).all()
    values = cuts[present].to_numpy(dtype=float)
    assert (np.diff(values, axis=1) >= 0).all()
    assert (values > 0).all()


def test_us_is_a_subset_of_worldwide():
    table = salary_percentiles().set_index(["role_id", "experience_level", "region"])["n"]
    us = table.xs("us", level="region")
    world = table.xs("worldwide", level="region")
    assert (us <= world).all()


def test_region_filter():
    us = salary_percentiles("us")
    assert set(us["region"]) == {"us"}
    assert len(us) == len(ROLE_IDS) * len(LEVELS)
    with pytest.raises(ValueError, match="region"):
        salary_percentiles("europe")


# -- the title map -------------------------------------------------------------------------
def test_title_map_is_explicit_and_documented():
    m = salary_title_map()
    assert list(m.columns) == ["job_title", "role_id", "reason"]
    assert m["job_title"].is_unique
    assert set(m["role_id"]) <= {*ROLE_IDS, ""}
    assert (m["reason"].str.len() > 0).all()
    assert set(ROLE_IDS) <= set(m["role_id"])  # every role has survey titles


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Machine Learning Engineer", "ml_engineer"),
        ("MLOps Engineer", "ml_engineer"),
        ("AI Engineer", "ai_engineer"),
        ("Prompt Engineer", "ai_engineer"),
        ("Research Scientist", "research_scientist"),
        ("AI Research Scientist", "research_scientist"),
        ("Research Engineer", ""),
        ("Applied Scientist", ""),
        ("Data Analyst", "data_analyst"),
        ("Software Engineer", "software_engineer"),
        ("Engineer", ""),
    ],
)
def test_title_map_decisions(title, role):
    m = salary_title_map().set_index("job_title")["role_id"]
    assert m[title] == role


def test_title_map_rejects_bad_rows(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text("job_title,role_id,reason\nData Analyst,analyst,typo\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown role id"):
        salary_title_map(path)
    path.write_text("job_title,role_id,reason\nA,data_analyst,x\nA,data_analyst,y\n")
    with pytest.raises(DataError, match="duplicate"):
        salary_title_map(path)
    path.write_text("job_title,role_id,reason\nA,data_analyst, \n")
    with pytest.raises(DataError, match="say why"):
        salary_title_map(path)
    path.write_text("job_title,role_id\nA,data_analyst\n")
    with pytest.raises(DataError, match="reason"):
        salary_title_map(path)


# -- the derivation on a tiny literal survey -----------------------------------------------
@pytest.fixture
def tiny(tmp_path):
    """A made-up survey: 25 US senior data analysts, noise rows that must be left out."""
    lines = [
        f"2024,SE,FT,Data Analyst,0,USD,{100_000 + 1_000 * i},US,0,US,M" for i in range(25)
    ]
    lines += [
        "2024,SE,FT,Data Analyst,0,USD,50000,DE,0,DE,M",  # worldwide only
        "2024,SE,PT,Data Analyst,0,USD,10000,US,0,US,M",  # part-time: left out
        "2022,SE,FT,Data Analyst,0,USD,10000,US,0,US,M",  # before 2023: left out
        "2024,EN,FT,BI Analyst,0,USD,70000,US,0,US,M",  # mapped, fewer than MIN_N
        "2024,MI,FT,Wizard,0,USD,90000,US,0,US,M",  # not in the map
        "2024,MI,FT,Wizard,0,USD,91000,US,0,US,M",
        "2024,MI,FT,Engineer,0,USD,95000,US,0,US,M",  # in the map, kept out
    ]
    folder = tmp_path / "datasets"
    (folder / "ai_jobs_salaries").mkdir(parents=True)
    (folder / "ai_jobs_salaries" / "salaries.csv").write_text(
        SURVEY_HEADER + "\n".join(lines) + "\n", encoding="utf-8"
    )
    title_map = pd.DataFrame(
        {
            "job_title": ["Data Analyst", "BI Analyst", "Engineer"],
            "role_id": ["data_analyst", "data_analyst", ""],
            "reason": ["the role", "reporting", "no discipline"],
        }
    )
    return folder, title_map


def test_derivation_matches_numpy_percentiles(tiny):
    folder, title_map = tiny
    out = derive_salary_percentiles(folder, title_map).set_index(
        ["role_id", "region", "experience_level"]
    )
    assert len(out) == len(ROLE_IDS) * len(REGIONS) * len(LEVELS)
    us = np.array([100_000 + 1_000 * i for i in range(25)], dtype=float)
    row = out.loc[("data_analyst", "us", "SE")]
    assert row["n"] == 25
    expected = np.rint(np.percentile(us, [10, 25, 50, 75, 90])).astype(int)
    assert row[["p10", "p25", "p50", "p75", "p90"]].astype(int).tolist() == expected.tolist()
    world = out.loc[("data_analyst", "worldwide", "SE")]
    assert world["n"] == 26
    assert world["p50"] == int(np.rint(np.percentile(np.append(us, 50_000), 50)))
    entry = out.loc[("data_analyst", "us", "EN")]
    assert entry["n"] == 1 and pd.isna(entry["p50"])
    assert out.loc[("ml_engineer", "us", "SE"), "n"] == 0


def test_unmapped_titles_are_counted(tiny):
    folder, title_map = tiny
    cov = title_coverage(folder, title_map).set_index("job_title")
    assert cov.loc["Wizard", "n"] == 2 and cov.loc["Wizard", "status"] == "unlisted"
    assert cov.loc["Engineer", "status"] == "excluded"
    assert cov.loc["Data Analyst", "n"] == 26 and cov.loc["Data Analyst", "status"] == "mapped"
    assert cov["n"].sum() == 26 + 1 + 2 + 1  # part-time and 2022 rows are not used


def test_derivation_is_deterministic(tiny):
    folder, title_map = tiny
    first = _to_csv(derive_salary_percentiles(folder, title_map))
    assert first == _to_csv(derive_salary_percentiles(folder, title_map))


def test_missing_survey_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="salary survey not found"):
        derive_salary_percentiles(tmp_path)


# -- the real survey -----------------------------------------------------------------------
@pytest.mark.datasets
def test_rerun_reproduces_the_shipped_csv(datasets):
    assert _to_csv(derive_salary_percentiles(datasets)) == _shipped_text()


@pytest.mark.datasets
def test_command_rebuilds_the_file_and_reports_unmapped(datasets, tmp_path, capsys):
    out = tmp_path / "salary_percentiles.csv"
    assert main([str(datasets), "-o", str(out), "--show", "5"]) == 0
    assert out.read_text(encoding="utf-8") == _shipped_text()
    err = capsys.readouterr().err
    assert "unlisted" in err and "excluded" in err and "most frequent unmapped" in err


@pytest.mark.datasets
def test_every_mapped_title_occurs_in_the_survey(datasets):
    from rolefit.build.salaries import _read_survey

    titles = set(_read_survey(datasets)["job_title"])
    assert set(salary_title_map()["job_title"]) <= titles


# -- comparison with the guide -------------------------------------------------------------
def test_compare_with_guide_verdicts():
    table = compare_with_guide("us")
    assert len(table) == len(ROLE_IDS) * len(LEVELS)
    catalogue = rolefit.roles()
    for row in table.itertuples():
        assert row.title == catalogue.loc[row.role_id, "title"]
        if pd.isna(row.guide_min_usd) or pd.isna(row.p50):
            assert pd.isna(row.median_vs_guide)
        elif row.p50 < row.guide_min_usd:
            assert row.median_vs_guide == "below"
        elif row.p50 > row.guide_max_usd and not row.guide_open_ended:
            assert row.median_vs_guide == "above"
        else:
            assert row.median_vs_guide == "within"
    with pytest.raises(ValueError, match="region"):
        compare_with_guide("mars")
