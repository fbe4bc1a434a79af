"""score_many(): vectorised batch scoring agrees with score() row for row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rolefit

ROLE_IDS = list(rolefit.roles().index)
SKILL_IDS = list(rolefit.skills().index)


def test_columns_and_index():
    items = pd.Series(
        [["python", "pytorch"], "Spark and Airflow pipelines", ["excel", "qwertyuiop"]],
        index=["a", "b", "c"],
    )
    out = rolefit.score_many(items)
    assert list(out.index) == ["a", "b", "c"]
    assert list(out.columns) == [*ROLE_IDS, "top_role", "n_skills", "n_unknown", "unknown"]
    assert out.loc["c", "unknown"] == ("qwertyuiop",)
    assert out.loc["c", "n_unknown"] == 1
    assert out.loc["a", "unknown"] == ()
    assert out.loc["b", "top_role"] == "data_engineer"


def test_agrees_with_score_row_for_row():
    items = [
        ["Python", "PyTorch", "Docker", "SQL", "k8s"],
        ["pytroch", "pandas"],
        rolefit.load_sample_resume(),
        ["Python and SQL", "tableau"],
        ("spark", "scala"),
        np.array(["latex", "jax"], dtype=object),
    ]
    out = rolefit.score_many(items)
    for i, item in enumerate(items):
        expected = rolefit.score(item).scores
        np.testing.assert_allclose(out.loc[i, ROLE_IDS].to_numpy(float),
                                   [expected[r] for r in ROLE_IDS])


def test_empty_rows_score_zero_and_empty_input():
    out = rolefit.score_many([[], ""])
    assert (out[ROLE_IDS].to_numpy() == 0).all()
    assert out["n_skills"].tolist() == [0, 0]
    empty = rolefit.score_many([])
    assert len(empty) == 0 and list(empty.columns)[:7] == ROLE_IDS


def test_missing_rows_raise_or_become_nan():
    items = pd.Series([["python"], None, np.nan], index=[10, 11, 12])
    with pytest.raises(ValueError, match="row 11"):
        rolefit.score_many(items)
    out = rolefit.score_many(items, missing="nan")
    assert out.loc[[11, 12], ROLE_IDS].isna().all().all()
    assert out.loc[10, ROLE_IDS].notna().all()
    with pytest.raises(ValueError, match="missing must be"):
        rolefit.score_many(items, missing="drop")


def test_bad_rows_named():
    with pytest.raises(TypeError, match="row 1"):
        rolefit.score_many([["python"], 5])
    with pytest.raises(TypeError, match="of row 0"):
        rolefit.score_many([["python", 5]])
    with pytest.raises(TypeError, match="score_many expects"):
        rolefit.score_many("python")


def test_generator_is_streamed_in_chunks():
    consumed = []

    def rows():
        for i in range(25):
            consumed.append(i)
            yield ["python", "sql"] if i % 2 else "Spark and Kafka"

    out = rolefit.score_many(rows(), chunksize=10)
    assert len(out) == 25 and consumed == list(range(25))
    assert list(out.index) == list(range(25))


def test_chunking_does_not_change_results():
    items = [[s] for s in SKILL_IDS[:50]]
    a = rolefit.score_many(items, chunksize=7)
    b = rolefit.score_many(items)
    pd.testing.assert_frame_equal(a, b)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SKILL_IDS), min_size=1, max_size=8),
                min_size=1, max_size=8))
def test_property_batch_equals_single(rows):
    out = rolefit.score_many(rows)
    for i, row in enumerate(rows):
        expected = rolefit.score(row).scores
        np.testing.assert_allclose(out.loc[i, ROLE_IDS].to_numpy(float),
                                   [expected[r] for r in ROLE_IDS], atol=1e-12)
