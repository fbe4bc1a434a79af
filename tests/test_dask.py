"""score_many on Dask: lazy, proper meta, and equal to the in-process result row for row.

The cluster is a distributed ``LocalCluster`` with two single-threaded workers in this
process (``processes=False``: quick to start, nothing to spawn) that still talk to the
scheduler and the client over TCP, so tasks and results are pickled as on a real cluster.
Every socket is on 127.0.0.1 with a random port (the HTTP endpoints included, with the
dashboard off), so the tests run under ``pytest --allow-hosts=127.0.0.1``; under
``--disable-socket`` the ``enable_socket`` mark of pytest-socket lets the cluster tests
open their local sockets.
"""

from __future__ import annotations

import importlib.util
import pickle

import pandas as pd
import pytest

import rolefit

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")

pytestmark = [
    # dask's Parquet reader still calls reset_index(inplace=True), deprecated in pandas 3.1
    pytest.mark.filterwarnings("ignore:The inplace keyword:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:The inplace keyword:FutureWarning"),
]

if importlib.util.find_spec("pytest_socket"):  # the cluster lives for the whole module
    pytestmark.append(pytest.mark.enable_socket)

ROWS = [
    ["Python", "PyTorch", "Docker", "k8s"],
    ["SQL", "Tableau", "excel"],
    ["pytroch", "pandas", "qwertyuiop"],
    ["spark", "airflow", "kafka", "scala"],
    [],
    ["latex", "jax", "zzzunknownzzz", "research"],
]
TEXTS = [
    "Python, PyTorch and Docker on Kubernetes; SQL every day.",
    "Dashboards in Tableau and Excel, lots of SQL.",
    "Nothing relevant here.",
    "Spark and Kafka pipelines with Airflow.",
    "",
    "Papers, LaTeX and JAX.",
]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp://",
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
            worker_dashboard_address="127.0.0.1:0",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def postings(tmp_path):
    """Three Parquet partitions of 6 rows: an id, a list column and a text column."""
    folder = tmp_path / "postings"
    folder.mkdir()
    frame = pd.DataFrame(
        {"id": range(18), "skills": ROWS * 3, "text": TEXTS * 3}
    )
    for part in range(3):
        frame.iloc[part * 6 : part * 6 + 6].to_parquet(
            folder / f"part.{part}.parquet", index=False
        )
    return folder, frame


def test_score_many_is_lazy_with_proper_meta(postings):
    folder, frame = postings
    lazy = rolefit.score_many(dd.read_parquet(folder)["skills"], missing="nan")
    assert isinstance(lazy, dd.DataFrame)
    assert lazy.npartitions == 3
    expected = rolefit.score_many(frame["skills"], missing="nan")
    assert list(lazy.columns) == list(expected.columns)
    assert lazy.dtypes.to_dict() == expected.dtypes.to_dict()


@pytest.mark.parametrize(
    ("column", "backend"), [("skills", None), ("skills", "pyarrow"), ("text", None)]
)
def test_cluster_equals_in_process_row_for_row(client, postings, column, backend):
    folder, frame = postings
    options = {} if backend is None else {"dtype_backend": backend}
    lazy = rolefit.score_many(dd.read_parquet(folder, **options)[column], missing="nan")
    got = client.compute(lazy).result()
    expected = rolefit.score_many(frame[column].tolist(), missing="nan")  # [] and "": NaN
    assert got.dtypes.to_dict() == expected.dtypes.to_dict()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)


def test_recipe_parquet_to_parquet(client, postings, tmp_path):
    from rolefit.io import result_schema

    folder, frame = postings
    postings_dd = dd.read_parquet(folder)
    scores = rolefit.score_many(postings_dd["skills"], missing="nan")
    scores["id"] = postings_dd["id"]
    out = tmp_path / "scores"
    scores.to_parquet(out, write_index=False, schema=result_schema({"id": pa.int64()}))
    back = pd.read_parquet(out).sort_values("id", ignore_index=True)
    expected = rolefit.score_many(frame["skills"].tolist(), missing="nan")
    assert back["id"].tolist() == list(range(18))
    pd.testing.assert_frame_equal(
        back[expected.columns[:-1]], expected[expected.columns[:-1]], check_dtype=False
    )
    assert [tuple(x) for x in back["unknown"]] == expected["unknown"].tolist()


def _from_pandas(data, npartitions):
    """dd.from_pandas keeping lists as lists (by default Dask turns them into strings)."""
    import dask

    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_pandas(data, npartitions=npartitions)


def test_missing_rows_follow_missing(client):
    series = _from_pandas(pd.Series([["python"], None, ["sql"]]), npartitions=2)
    with pytest.raises(ValueError, match="row 1 is missing"):
        client.compute(rolefit.score_many(series)).result()
    got = client.compute(rolefit.score_many(series, missing="nan")).result()
    assert got["ml_engineer"].isna().tolist() == [False, True, False]


def test_one_column_dataframe_and_bad_input():
    frame = _from_pandas(pd.DataFrame({"skills": ROWS}), npartitions=2)
    got = rolefit.score_many(frame, missing="nan").compute(scheduler="sync")
    pd.testing.assert_frame_equal(got, rolefit.score_many(ROWS, missing="nan"))
    two = _from_pandas(pd.DataFrame({"a": ROWS, "b": ROWS}), npartitions=1)
    with pytest.raises(TypeError, match="pass df\\[column\\]"):
        rolefit.score_many(two)
    with pytest.raises(ValueError, match="missing must be"):
        rolefit.score_many(frame["skills"], missing="drop")


def test_partition_function_pickles():
    """Workers in other processes receive the task by pickle: it must round-trip."""
    from rolefit._dask import _score_partition

    assert pickle.loads(pickle.dumps(_score_partition)) is _score_partition


def test_the_reader_setting_travels_with_the_graph():
    """A graph made under reader="model" reads with the model wherever it is computed
    (here: computed after the setting is back to the rules)."""
    texts = pd.Series([
        "Bootcamp, week three: today we did pandas groupby. I use SQL and Excel daily.",
        "My manager keeps asking about Spark and I have to admit I have zero hands-on time "
        "with it. I write Python and SQL every day.",
    ])
    with rolefit.config_context(reader="model"):
        lazy = rolefit.score_many(dd.from_pandas(texts, npartitions=2))
        expected = rolefit.score_many(texts.tolist())
    rules = rolefit.score_many(texts.tolist())
    got = lazy.compute(scheduler="sync").reset_index(drop=True)
    assert got["n_skills"].tolist() == expected["n_skills"].tolist()
    assert got["n_skills"].tolist() != rules["n_skills"].tolist()
