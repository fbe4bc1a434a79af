"""score_many(): vectorised batch scoring agrees with score() row for row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
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
    assert list(out.columns) == [*ROLE_IDS, "target_role", "top_role", "low_signal",
                                 "n_skills", "n_unknown", "unknown", "corrections"]
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
        fit = rolefit.score(item)
        np.testing.assert_allclose(out.loc[i, ROLE_IDS].to_numpy(float),
                                   [fit.scores[r] for r in ROLE_IDS])
        assert out.loc[i, "low_signal"] == fit.low_signal
        for column, value in (("top_role", fit.top), ("target_role", fit.target)):
            got = out.loc[i, column]
            assert (pd.isna(got) and value is None) or got == value


def test_rows_without_a_known_skill_score_the_baselines_with_low_signal():
    out = rolefit.score_many([["qwertyuiop"], "nothing to see here", ["None"]])
    baseline = rolefit.score(["python", "sql"]).explain("ml_engineer").iloc[-1]["contribution"]
    assert out.loc[0, "ml_engineer"] == pytest.approx(baseline)
    assert out["n_skills"].tolist() == [0, 0, 0]
    assert out["low_signal"].tolist() == [True, True, True]
    assert out["top_role"].isna().all() and out["target_role"].isna().all()
    assert out["unknown"].tolist() == [("qwertyuiop",), (), ("None",)]
    empty = rolefit.score_many([])
    assert len(empty) == 0 and list(empty.columns)[:7] == ROLE_IDS


EMPTY_ROWS = ["", "  \n", "None", " NA ", "n/a", "null", "-", [], [""], ("  ", ""),
              np.array([], dtype=object), None, np.nan, pd.NA]


@pytest.mark.parametrize("row", EMPTY_ROWS, ids=repr)
def test_empty_and_missing_value_rows_follow_missing(row):
    items = pd.Series([["python", "sql"], row], index=["a", "b"], dtype=object)
    with pytest.raises(ValueError, match=r"^row 'b' is missing \(.+\); pass missing='nan'"):
        rolefit.score_many(items)
    out = rolefit.score_many(items, missing="nan")
    assert out.loc["b", ROLE_IDS].isna().all() and out.loc["a", ROLE_IDS].notna().all()
    assert pd.isna(out.loc["b", "target_role"]) and out.loc["b", "n_skills"] == 0
    if row is None or isinstance(row, float) or row is pd.NA:
        return
    with pytest.raises(ValueError, match="empty|spelling of a missing value"):
        rolefit.score(row)  # one person: an error saying what is wrong


def test_empty_lists_in_an_arrow_column_are_missing_rows():
    cells = pd.Series(pa.array([["python", "sql"], [], ["", " "], None],
                               type=pa.list_(pa.string())), dtype=pd.ArrowDtype(
                                   pa.list_(pa.string())))
    with pytest.raises(ValueError, match=r"row 1 is missing \(a skill list without an item"):
        rolefit.score_many(cells)
    out = rolefit.score_many(cells, missing="nan")
    assert out[ROLE_IDS].isna().all(axis=1).tolist() == [False, True, True, True]


def test_a_string_that_looks_like_a_skill_list_is_read_as_one_as_in_score():
    rows = ["python, sql, foo bar baz", "Python; pytroch; qwertyuiop",
            "I build ETL pipelines with Spark and Airflow. No Java."]
    out = rolefit.score_many(rows)
    assert out["unknown"].tolist() == [("foo bar baz",), ("qwertyuiop",), ()]
    assert out["corrections"].tolist() == [(), (("pytroch", "pytorch"),), ()]
    for i, row in enumerate(rows):
        fit = rolefit.score(row)
        assert out.loc[i, "n_skills"] == len(fit.skills)
        np.testing.assert_allclose(out.loc[i, ROLE_IDS].to_numpy(float),
                                   [fit.scores[r] for r in ROLE_IDS])


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


def test_progress_bar_renders_only_when_asked(capsys):
    rows = [["python", "sql"]] * 30
    rolefit.score_many(rows, progress=True, chunksize=10)
    err = capsys.readouterr().err
    assert "rolefit" in err and "rows" in err
    rolefit.score_many(rows, progress=False, chunksize=10)
    assert capsys.readouterr().err == ""
    rolefit.score_many(rows)  # default: no bar when stderr is not a terminal
    assert capsys.readouterr().err == ""


def test_mixed_rows_blank_items_and_numpy_strings():
    items = [
        ["python", "  ", ""],
        "Spark and Airflow pipelines",
        np.array(["sql", "tableau"]),  # numpy str_ items
        ("Python and SQL",),  # one item giving two skills
        ["qwertyuiop", "python", "qwertyuiop"],
    ]
    out = rolefit.score_many(items)
    assert out["n_unknown"].tolist() == [0, 0, 0, 0, 2]
    assert out["unknown"].tolist() == [(), (), (), (), ("qwertyuiop", "qwertyuiop")]
    assert all(type(s) is str for s in out.loc[4, "unknown"])
    for i, item in enumerate(items):
        expected = rolefit.score(item).scores
        np.testing.assert_allclose(out.loc[i, ROLE_IDS].to_numpy(float),
                                   [expected[r] for r in ROLE_IDS])
        assert out.loc[i, "n_skills"] == len(rolefit.score(item).skills)


def test_results_do_not_depend_on_what_was_scored_before():
    """The vocabulary shared across calls only caches: a fresh one gives equal results."""
    import rolefit._encode as batch

    items = [["pytroch", "sql"], ["zzz-unknown", "docker"], "Kafka"]
    before = rolefit.score_many(items)
    saved = batch._VOCABULARY
    try:
        batch._VOCABULARY = batch._Vocabulary()
        pd.testing.assert_frame_equal(rolefit.score_many(items), before)
    finally:
        batch._VOCABULARY = saved


def test_threads_share_the_vocabulary_safely():
    from concurrent.futures import ThreadPoolExecutor

    import rolefit._encode as batch

    rows = [[s, f"unknown-{i % 97}", SKILL_IDS[(i * 7) % len(SKILL_IDS)]]
            for i, s in enumerate(SKILL_IDS * 3)]
    expected = rolefit.score_many(rows)
    saved = batch._VOCABULARY
    try:
        batch._VOCABULARY = batch._Vocabulary()
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda _: rolefit.score_many(rows, chunksize=50), range(4)))
    finally:
        batch._VOCABULARY = saved
    for got in results:
        pd.testing.assert_frame_equal(got, expected)


def test_arrow_lists_score_like_python_lists():
    pa = pytest.importorskip("pyarrow")
    from rolefit.batch import score_arrow

    rows = [["python", "sql"], None, ["pytroch", "qwertyuiop", "Python and SQL"], [], ["k8s"]]
    cells = pa.array(rows, pa.list_(pa.string()))
    for part in (cells, cells.slice(1, 3), cells.slice(2)):
        expected = rolefit.score_many(part.to_pylist(), missing="nan")
        pd.testing.assert_frame_equal(score_arrow(part), expected)


def test_arrow_backed_series_takes_the_arrow_path_with_the_same_result():
    pa = pytest.importorskip("pyarrow")
    rows = [["python", "sql"], ["pytroch", "qwertyuiop"], [], ["k8s", "Python and SQL"]]
    series = pd.Series(rows, index=list("abcd"), dtype=pd.ArrowDtype(pa.list_(pa.string())))
    got = rolefit.score_many(series, chunksize=3, missing="nan")  # [] is a missing row
    pd.testing.assert_frame_equal(got, rolefit.score_many(pd.Series(rows, index=list("abcd")),
                                                          missing="nan"))
    gaps = pd.Series([["python"], None], index=[7, 8], dtype=series.dtype)
    with pytest.raises(ValueError, match="row 8 is missing"):
        rolefit.score_many(gaps)
    assert rolefit.score_many(gaps, missing="nan")["ml_engineer"].isna().tolist() == [False, True]
    with pytest.raises(TypeError, match="item 1 of row 'x'"):
        rolefit.score_many(pd.Series([["sql", None]], index=["x"], dtype=series.dtype))


def _gaps_of(fit, n):
    if fit is None or fit.low_signal:
        return [None] * n, [None] * n
    gaps = fit.gaps(n=n)
    ids, gains = gaps["skill_id"].tolist(), gaps["gain"].tolist()
    return ids + [None] * (n - len(ids)), gains + [None] * (n - len(gains))


@pytest.mark.parametrize("n", [1, 3, 7])
def test_gaps_equal_score_gaps_row_for_row(n):
    rng = np.random.default_rng(n)
    items = [
        ["Python", "PyTorch", "Docker", "SQL", "k8s"],
        ["pytroch", "pandas", "qwertyuiop"],
        rolefit.load_sample_resume(),
        "I build ETL pipelines with Spark and Airflow; no Kubernetes experience yet.",
        "Learning PyTorch; I use SQL, Tableau and Excel every day.",
        ["communication", "teamwork"],  # low signal
        [],  # no skill: low signal
        None,  # missing="nan"
        float("nan"),
        ["sql", "excel"],
        ["spark", "scala"],
        ["Python", "PyTorch", "Docker", "SQL", "k8s"],  # a repeat: served from the cache
    ]
    items += [rng.choice(SKILL_IDS, size=rng.integers(2, 15), replace=False).tolist()
              for _ in range(40)]
    out = rolefit.score_many(items, missing="nan", gaps=n)
    assert list(out.columns[-2 * n:]) == [f"{c}_{k}" for k in range(1, n + 1)
                                          for c in ("gap", "gain")]
    for i, item in enumerate(items):
        is_missing = item is None or isinstance(item, float)
        fit = None if is_missing or (isinstance(item, list) and not item) else rolefit.score(item)
        ids, gains = _gaps_of(fit, n)
        got_ids = [None if pd.isna(v) else v for v in out.loc[i, [f"gap_{k}" for k in
                                                                   range(1, n + 1)]]]
        got_gains = [None if pd.isna(v) else v for v in out.loc[i, [f"gain_{k}" for k in
                                                                     range(1, n + 1)]]]
        assert got_ids == ids, (i, item)
        assert got_gains == gains, (i, item)  # the same floats, not just close
        if fit is not None and not fit.low_signal:
            assert out.loc[i, "target_role"] == fit.target


def test_gaps_keep_dtypes_chunks_series_and_model(tmp_path):
    items = pd.Series([["python", "sql", "pandas"], ["communication"], "Spark and Kafka"],
                      index=["a", "b", "c"])
    out = rolefit.score_many(items, gaps=2, chunksize=1)
    whole = rolefit.score_many(items, gaps=2)
    pd.testing.assert_frame_equal(out, whole)
    assert out["gap_1"].dtype == out["target_role"].dtype and out["gain_1"].dtype == float
    assert out.loc["b", ["gap_1", "gain_2"]].isna().all()
    empty = rolefit.score_many([], gaps=2)
    assert list(empty.columns) == list(out.columns)
    assert list(rolefit.score_many(items).columns) == list(out.columns[:-4])  # gaps=0
    with pytest.raises(ValueError, match="gaps"):
        rolefit.score_many(items, gaps=-1)


def test_corrections_are_reported_as_score_reports_them():
    rows = [["python", "pytroch", "qwertyzz", "Pandsa", "pytroch"], ["sql"], "I use pytroch",
            ["pytroch"]]
    for chunksize in (1, 10):
        out = rolefit.score_many(rows, chunksize=chunksize)
        assert out["corrections"].tolist() == [
            (("pytroch", "pytorch"), ("Pandsa", "pandas")), (), (), (("pytroch", "pytorch"),)]
        assert dict(out.loc[0, "corrections"]) == rolefit.score(rows[0]).corrections
        assert out.loc[0, "unknown"] == ("qwertyzz",)
    arrow = pd.Series(pd.array([["pytroch", "sql"], None],
                               dtype=pd.ArrowDtype(pa.list_(pa.string()))))
    out = rolefit.score_many(arrow, missing="nan")
    assert out["corrections"].tolist() == [(("pytroch", "pytorch"),), ()]
    assert "corrections" in rolefit.score_many([]).columns


def test_a_dataframe_or_a_dict_is_refused_not_read_by_its_names():
    frame = pd.DataFrame({"skills": [["python", "sql"], ["docker", "k8s"]]})
    with pytest.raises(TypeError, match=r'got a DataFrame.*pass one column of it, e\.g\. df\['):
        rolefit.score_many(frame)  # used to score the column name "skills"
    with pytest.raises(TypeError, match="got a dict, which iterates over its keys"):
        rolefit.score_many({"a": ["python", "sql"], "b": ["docker"]})  # scored the keys
    with pytest.raises(TypeError, match="row 1 is dict"):
        rolefit.score_many([["python", "sql"], {"python": 1}])
    assert len(rolefit.score_many(frame["skills"])) == 2


def test_chunksize_must_be_a_positive_whole_number():
    rows = [["python", "sql"]] * 3
    assert len(rolefit.score_many(rows, chunksize=1)) == 3
    for bad in (0, -1):  # -1 gave 0 rows; 0 a cryptic range() error
        with pytest.raises(ValueError, match=f"chunksize must be a whole number >= 1, got {bad}"):
            rolefit.score_many(rows, chunksize=bad)
        with pytest.raises(ValueError, match="chunksize"):
            rolefit.score_many(pd.Series(rows), chunksize=bad)
        with pytest.raises(ValueError, match="chunksize"):
            rolefit.score_many(iter(rows), chunksize=bad)
    for bad in (1.5, None, "10", True):
        with pytest.raises(TypeError, match="chunksize must be a whole number"):
            rolefit.score_many(rows, chunksize=bad)


def test_gaps_has_an_upper_bound():
    from rolefit.batch import MAX_GAPS

    rows = [["python", "sql"]] * 3
    assert rolefit.score_many(rows, gaps=MAX_GAPS).shape[1] == len(
        rolefit.score_many(rows).columns) + 2 * MAX_GAPS
    with pytest.raises(ValueError, match=f"gaps must be at most {MAX_GAPS}, got 1,000,000"):
        rolefit.score_many(rows, gaps=10**6)  # used to hang
    for bad in (1.5, "3", True, None, [1]):
        with pytest.raises(TypeError, match="gaps must be a whole number"):
            rolefit.score_many(rows, gaps=bad)
    assert "gap_2" in rolefit.score_many(rows, gaps=np.int64(2)).columns


def test_gaps_on_a_dask_series_equal_the_pandas_result():
    dd = pytest.importorskip("dask.dataframe")
    items = pd.Series(["PyTorch, Docker and k8s", "SQL, Tableau and Excel", "communication"])
    lazy = rolefit.score_many(dd.from_pandas(items, npartitions=2), gaps=2)
    assert list(lazy.columns[-4:]) == ["gap_1", "gain_1", "gap_2", "gain_2"]
    pd.testing.assert_frame_equal(lazy.compute(scheduler="sync"),
                                  rolefit.score_many(items, gaps=2))
