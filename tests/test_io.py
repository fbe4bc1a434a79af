"""rolefit score-file: streaming a Parquet or CSV file through score_many, safely."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import rolefit
from rolefit import io as rio

ROLE_IDS = list(rolefit.roles().index)
ROWS = [
    ["Python", "PyTorch", "Docker", "k8s"],
    ["SQL", "Tableau", "excel"],
    ["pytroch", "pandas", "qwertyuiop"],
    [],
    ["spark", "airflow", "kafka"],
]


def cli(*args):
    """Run ``rolefit score-file`` as a user would: a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "rolefit.cli", "score-file", *map(str, args)],
        capture_output=True,
        timeout=120,
    )


def run(capsys, *args):
    """Run the command in-process: (exit status, stderr)."""
    status = rio.main(["score-file", *map(str, args)])
    return status, capsys.readouterr().err


@pytest.fixture
def postings(tmp_path):
    path = tmp_path / "postings.parquet"
    pq.write_table(pa.table({"id": [10, 11, 12, 13, 14], "skills": ROWS}), path)
    return path


def test_parquet_to_parquet_keeps_ids_and_equals_score_many(postings, tmp_path):
    out = tmp_path / "scores.parquet"
    done = cli(postings, "--column", "skills", "--id-column", "id", "-o", out)
    assert done.returncode == 0, done.stderr
    got = pd.read_parquet(out)
    expected = rolefit.score_many(ROWS)
    assert list(got.columns) == ["id", *expected.columns]
    assert got["id"].tolist() == [10, 11, 12, 13, 14]
    np.testing.assert_allclose(got[ROLE_IDS].to_numpy(), expected[ROLE_IDS].to_numpy())
    assert got["top_role"].tolist() == expected["top_role"].tolist()
    assert [tuple(u) for u in got["unknown"]] == expected["unknown"].tolist()
    assert pq.read_schema(out) == rio.result_schema({"id": pa.int64()})


def test_csv_cells_literals_text_and_separated_lists(tmp_path, capsys):
    path = tmp_path / "people.csv"
    frame = pd.DataFrame(
        {
            "name": ["a", "b", "c"],
            "skills": ["['python', 'pytorch']", '["sql", "qwertyuiop"]', "Spark and Kafka"],
        }
    )
    frame.to_csv(path, index=False)
    out = tmp_path / "out.csv"
    status, _ = run(capsys, path, "--id-column", "name", "-o", out)
    assert status == 0
    got = pd.read_csv(out)
    expected = rolefit.score_many(
        [["python", "pytorch"], ["sql", "qwertyuiop"], "Spark and Kafka"]
    )
    assert got["name"].tolist() == ["a", "b", "c"]
    np.testing.assert_allclose(got[ROLE_IDS].to_numpy(), expected[ROLE_IDS].to_numpy())
    assert [json.loads(u) for u in got["unknown"]] == [[], ["qwertyuiop"], []]

    path.write_text("skills\n\"python; sql\"\nexcel\n")
    status, _ = run(capsys, path, "--format", "list", "--sep", ";", "-o", out)
    assert status == 0
    assert pd.read_csv(out)["n_skills"].tolist() == [2, 1]


def test_read_cells_formats():
    cells = ["['a', 'b']", "x, y", "[Remote] Python [Senior]", None]
    assert rio.read_cells(cells[:2], fmt="list") == [["a", "b"], ["x", "y"]]
    assert rio.read_cells(cells[2:3], fmt="text") == ["[Remote] Python [Senior]"]
    assert rio.read_cells(cells[3:], missing="nan") == [None]
    assert rio.read_cells(["[\"it's\", 'a \\'b\\'']"]) == [["it's", "a 'b'"]]
    with pytest.raises(rio.FileError, match=r"f\.csv, row 8, column 'skills': cannot read"):
        rio.read_cells(["[Remote] Python [Senior]"], file="f.csv", start=7)


@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_streams_in_chunks(postings, tmp_path, monkeypatch, kind):
    import rolefit.batch

    if kind == "csv":
        path = tmp_path / "postings.csv"
        pd.DataFrame({"skills": [str(r) for r in ROWS]}).to_csv(path, index=False)
    else:
        path = postings
    sizes = []

    def spying(scorer):
        def spy(rows, *args, **kwargs):
            sizes.append(len(rows))
            return scorer(rows, *args, **kwargs)

        return spy

    for name in ("score_many", "score_arrow"):  # lists go through one, Arrow through the other
        monkeypatch.setattr(rolefit.batch, name, spying(getattr(rolefit.batch, name)))
    out = tmp_path / f"scores.{kind}"
    assert rio.score_file(path, out, chunksize=2) == 5
    assert sizes == [2, 2, 1]
    whole = tmp_path / f"whole.{kind}"
    rio.score_file(path, whole)
    read = pd.read_parquet if kind == "parquet" else pd.read_csv
    pd.testing.assert_frame_equal(read(out), read(whole))
    if kind == "parquet":
        assert pq.ParquetFile(out).metadata.num_row_groups == 3


def test_parquet_null_rows_with_missing_nan(tmp_path):
    path = tmp_path / "gaps.parquet"
    pq.write_table(pa.table({"skills": [["python"], None, ["qwertyuiop", "sql"]]}), path)
    out = tmp_path / "scores.parquet"
    rio.score_file(path, out, missing="nan")
    got = pd.read_parquet(out)
    assert got["ml_engineer"].isna().tolist() == [False, True, False]
    assert got["top_role"].isna().tolist() == [True, True, True]  # low signal or missing
    assert got["low_signal"].tolist() == [True, None, True]
    assert [list(u) for u in got["unknown"]] == [[], [], ["qwertyuiop"]]


def test_missing_nan_and_header_only(tmp_path, capsys):
    path = tmp_path / "gaps.csv"
    path.write_text("skills\npython\n\nsql\n", encoding="utf-8")
    path.write_text('skills\npython\n""\nsql\n', encoding="utf-8")
    out = tmp_path / "out.parquet"
    status, err = run(capsys, path, "-o", out)
    assert status == 2 and "row 2, column 'skills': empty cell" in err
    status, _ = run(capsys, path, "-o", out, "--missing", "nan")
    assert status == 0
    got = pd.read_parquet(out)
    assert got["ml_engineer"].isna().tolist() == [False, True, False]
    header_only = tmp_path / "header.csv"
    header_only.write_text("skills\n")
    status, _ = run(capsys, header_only, "-o", tmp_path / "empty.csv")
    assert status == 0
    assert list(pd.read_csv(tmp_path / "empty.csv").columns)[:2] == ROLE_IDS[:2]


def _bad_files(tmp_path):
    """(name, content or writer, extra args, words expected in the error)."""
    list_of_ints = tmp_path / "ints.parquet"
    pq.write_table(pa.table({"skills": [[1, 2]]}), list_of_ints)
    null_item = tmp_path / "null_item.parquet"
    pq.write_table(pa.table({"skills": [["python"], ["sql", None]]}), null_item)
    null_cell = tmp_path / "null_cell.parquet"
    pq.write_table(pa.table({"skills": [["python"], None]}), null_cell)
    files = {
        "empty.csv": b"",
        "binary.csv": b"\x00\x01\x02\x03binary",
        "latin1.csv": "skills\npython\ncafé\n".encode("latin-1"),
        "nocol.csv": b"name,other\na,b\n",
        "nan.csv": b"skills\npython\n\"\"\n",
        "literal.csv": b"skills\n\"['sql', 1]\"\n",
        "unclosed.csv": b"skills\n\"python, sql\n",
        "corrupt.parquet": b"PAR1 this is not really parquet",
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    return [
        ("empty.csv", "file is empty", None),
        ("binary.csv", "binary", None),
        ("latin1.csv", "not UTF-8 text (line 3", None),
        ("nocol.csv", "column 'skills': no such column", None),
        ("nan.csv", "row 2, column 'skills': empty cell", None),
        ("literal.csv", "row 1, column 'skills': the list literal must hold only strings", None),
        ("unclosed.csv", "not valid CSV", None),
        ("corrupt.parquet", "not a readable Parquet file", None),
        ("ints.parquet", "column 'skills': holds lists of int64", None),
        ("null_item.parquet", "row 2, column 'skills': item 1 of the list is null", None),
        ("null_cell.parquet", "row 2, column 'skills': empty cell", None),
        ("missing.csv", "no such file", None),
    ]


def test_bad_files_exit_2_with_one_line_and_no_output(tmp_path, capsys):
    for name, words, _ in _bad_files(tmp_path):
        out = tmp_path / "out" / "scores.parquet"
        out.parent.mkdir(exist_ok=True)
        status, err = run(capsys, tmp_path / name, "-o", out)
        assert status == 2, name
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith(f"rolefit: error: {tmp_path / name}"), err
        assert words in lines[0], (name, err)
        assert list(out.parent.iterdir()) == [], name  # no partial or temporary file


def test_failure_midway_leaves_previous_output_untouched(tmp_path, capsys):
    path = tmp_path / "late_gap.csv"
    path.write_text("skills\n" + "python\n" * 5 + '""\n', encoding="utf-8")
    out = tmp_path / "scores.csv"
    out.write_text("previous results\n")
    status, err = run(capsys, path, "-o", out, "--chunksize", "2")
    assert status == 2 and "row 6" in err
    assert out.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late_gap.csv", "scores.csv"]


def test_cli_bad_file_is_one_line_exit_2(tmp_path):
    path = tmp_path / "nan.csv"
    path.write_text('skills\npython\n""\n')
    done = cli(path, "-o", tmp_path / "out.parquet")
    assert done.returncode == 2
    err = done.stderr.decode().strip()
    assert err == f"rolefit: error: {path}, row 2, column 'skills': empty cell; " \
        "pass --missing nan to score it as NaN"
    assert b"Traceback" not in done.stderr
    assert not (tmp_path / "out.parquet").exists()


def test_bad_output_and_arguments(postings, tmp_path, capsys):
    status, err = run(capsys, postings, "-o", tmp_path / "scores.json")
    assert status == 2 and "must end in .parquet or .csv" in err
    status, err = run(capsys, postings, "-o", tmp_path / "nope" / "scores.csv")
    assert status == 2 and "does not exist" in err
    status, err = run(capsys, postings, "-o", tmp_path / "s.csv", "--id-column", "top_role")
    assert status == 2 and "is also the name of a result column" in err
    with pytest.raises(SystemExit):
        rio.main(["score-file", str(postings), "-o", "x.csv", "--chunksize", "0"])
