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
    ["communication"],  # low signal: scored, no target (a cell with no known skill is bad)
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
    expected = rolefit.score_many(ROWS, gaps=3)  # --gaps 3 is the default
    assert list(got.columns) == ["id", *expected.columns]
    assert got["id"].tolist() == [10, 11, 12, 13, 14]
    np.testing.assert_allclose(got[ROLE_IDS].to_numpy(), expected[ROLE_IDS].to_numpy())
    assert got["top_role"].tolist() == expected["top_role"].tolist()
    assert [tuple(u) for u in got["unknown"]] == expected["unknown"].tolist()
    assert got["target_role"].tolist() == expected["target_role"].tolist()
    pd.testing.assert_frame_equal(got.filter(like="ga"), expected.filter(like="ga"),
                                  check_dtype=False)
    assert pq.read_schema(out) == rio.result_schema({"id": pa.int64()}, gaps=3)


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
    # CSV scores are rounded to 3 decimals
    np.testing.assert_allclose(got[ROLE_IDS].to_numpy(), expected[ROLE_IDS].to_numpy(),
                               rtol=0, atol=5e-4)
    assert [json.loads(u) for u in got["unknown"]] == [[], ["qwertyuiop"], []]

    path.write_text("skills\n\"python; sql\"\nexcel\n")
    status, _ = run(capsys, path, "--format", "list", "--sep", ";", "-o", out)
    assert status == 0
    assert pd.read_csv(out)["n_skills"].tolist() == [2, 1]


@pytest.mark.parametrize("cell", ["None", "null", "NaN", "NA", "N/A", "n/a", "-", "   "])
def test_missing_value_spellings_are_missing_cells(tmp_path, capsys, cell):
    path = tmp_path / "people.csv"
    path.write_text(f'name,skills\nalice,"python, sql"\nbob,"{cell}"\n')
    out = tmp_path / "out.csv"
    status, err = run(capsys, path, "--id-column", "name", "-o", out)
    what = "empty cell" if not cell.strip() else f"missing value {cell!r}"
    assert status == 2 and f"row 2, column 'skills': {what}; pass --missing nan" in err
    status, err = run(capsys, path, "--id-column", "name", "-o", out, "--missing", "nan")
    assert status == 0 and "1 of 2 rows scored as NaN" in err and "row 2" in err
    got = pd.read_csv(out)
    assert got["ml_engineer"].isna().tolist() == [False, True]  # "None" was Node.js
    assert rio.read_cells([cell, ["python"]], missing="nan") == [None, ["python"]]


def test_unrecognised_items_are_summed_up_on_stderr(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text('name,skills\nalice,"python, sql, qwertyzz"\nbob,"docker, blorfle"\n'
                    'carol,"k8s, qwertyzz, qwertyzz"\n')
    status, err = run(capsys, path, "-o", tmp_path / "out.csv")
    assert status == 0
    assert ("rolefit: 2 skill-list items not recognised in 3 rows (listed in the unknown "
            "column): 'qwertyzz' (2 rows), 'blorfle'\n") in err
    stats = {}
    rio.score_file(path, tmp_path / "out.parquet", stats=stats)
    assert stats["unknown"] == {"qwertyzz": 2, "blorfle": 1} and stats["unknown_rows"] == 3


def test_corrections_are_written_out(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text('name,skills\nalice,"python, qwertyzz, pytroch"\nbob,"docker, k8s"\n'
                    'carol,"Pandsa, pytroch, sql"\n')
    status, err = run(capsys, path, "--id-column", "name", "-o", tmp_path / "out.csv")
    assert status == 0
    assert ("rolefit: 2 skill-list items read after a typo fix in 2 rows (listed in the "
            "corrections column): 'pytroch' as pytorch (2 rows), 'Pandsa' as pandas\n") in err
    got = pd.read_csv(tmp_path / "out.csv")
    assert list(got.columns[12:16]) == ["n_unknown", "unknown", "corrections", "gap_1"]
    assert [json.loads(c) for c in got["corrections"]] == [
        {"pytroch": "pytorch"}, {}, {"Pandsa": "pandas", "pytroch": "pytorch"}]
    out = tmp_path / "out.parquet"
    assert rio.score_file(path, out, id_column="name") == 3
    assert pq.read_schema(out).field("corrections").type == pa.map_(pa.string(), pa.string())
    assert [dict(c) for c in pd.read_parquet(out)["corrections"]] == [
        {"pytroch": "pytorch"}, {}, {"Pandsa": "pandas", "pytroch": "pytorch"}]
    lists = tmp_path / "lists.parquet"
    pq.write_table(pa.table({"skills": [["pytroch", "sql"], ["docker"]]}), lists)
    rio.score_file(lists, out)
    assert [dict(c) for c in pd.read_parquet(out)["corrections"]] == [{"pytroch": "pytorch"}, {}]


def test_read_cells_formats():
    cells = ["['a', 'b']", "x, y", "[Remote] Python [Senior]", None]
    assert rio.read_cells(cells[:2], fmt="list") == [["a", "b"], ["x", "y"]]
    assert rio.read_cells(cells[2:3], fmt="text") == ["[Remote] Python [Senior]"]
    assert rio.read_cells(cells[3:], missing="nan") == [None]
    assert rio.read_cells(["[\"it's\", 'a \\'b\\'']"]) == [["it's", "a 'b'"]]
    with pytest.raises(rio.FileError, match=r"f\.csv, row 8, column 'skills': cannot read"):
        rio.read_cells(["[Remote] Python [Senior]"], file="f.csv", start=7)


def test_read_cells_names_pandas_missing_values_and_checks_missing():
    # a string column of pandas holds pd.NA; read_cells said "a NAType, expected a list"
    cells = pd.Series(["python, sql", pd.NA], dtype="string").tolist()
    with pytest.raises(rio.FileError, match=r"^<input>, row 2, column 'skills': missing value "
                       r"<NA>; pass missing='nan' to score it as NaN$"):
        rio.read_cells(cells)
    assert rio.read_cells(cells, missing="nan") == [["python", "sql"], None]
    for bad in ("drop", None, "NaN"):
        with pytest.raises(ValueError, match=f"^missing must be 'raise' or 'nan', got {bad!r}$"):
            rio.read_cells(["python"], missing=bad)


@pytest.mark.parametrize("bad", ["", None, 0])
def test_read_cells_checks_the_separator(bad):
    # "" gave Python's own "empty separator" once a cell was split
    with pytest.raises(ValueError, match=r"^sep must be a non-empty string"):
        rio.read_cells(["python, sql"], fmt="list", sep=bad)


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

    for name in ("score_texts_as_read", "score_arrow"):  # cells read by read_cells, Arrow
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
    assert got["low_signal"].tolist() == [True, True, True]  # the null row has no skill
    assert [list(u) for u in got["unknown"]] == [[], [], ["qwertyuiop"]]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_low_signal_is_bool_in_the_frame_and_after_a_round_trip(tmp_path, suffix):
    cells = ["python, sql, pandas", "excel", None, "qwerty"]  # None, qwerty: NaN rows
    frame = rolefit.score_many(rio.read_cells(cells, missing="nan"), missing="nan")
    assert frame["low_signal"].dtype == bool
    assert frame["low_signal"].tolist() == [False, True, True, True]
    path = tmp_path / "people.csv"
    pd.DataFrame({"skills": cells}).to_csv(path, index=False)
    out = tmp_path / f"scores{suffix}"
    rio.score_file(path, out, missing="nan")
    got = (pd.read_parquet if suffix == ".parquet" else pd.read_csv)(out)
    assert got["low_signal"].dtype == bool  # was object: True/False and None (or NaN)
    assert got["low_signal"].tolist() == [False, True, True, True]
    assert got["ml_engineer"].isna().tolist() == [False, False, True, True]
    if suffix == ".parquet":
        assert pq.read_schema(out).field("low_signal").type == pa.bool_()
        assert pq.read_table(out).column("low_signal").null_count == 0


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


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".parquet"])
def test_zero_input_rows_give_a_valid_output_with_zero_rows(tmp_path, capsys, suffix):
    header_only = tmp_path / "header.csv"
    header_only.write_text("name,skills\n")
    out = tmp_path / f"empty{suffix}"
    status, err = run(capsys, header_only, "--id-column", "name", "-o", out)
    assert status == 0 and "scored 0 rows" in err
    if suffix == ".parquet":
        got = pd.read_parquet(out)
    else:  # the header was written twice: read back, it was one bogus row
        got = pd.read_csv(out, sep="\t" if suffix == ".tsv" else ",")
        assert len(out.read_text().splitlines()) == 1
    assert len(got) == 0 and list(got.columns[:2]) == ["name", ROLE_IDS[0]]
    assert list(got.columns[1:]) == list(rolefit.score_many([], gaps=3).columns)


def test_an_empty_chunk_does_not_write_the_csv_header_twice(tmp_path):
    from rolefit.batch import _empty_result

    out = tmp_path / "out.csv"
    writer = rio._Writer(out, "csv", None, None, gaps=1)
    writer.write(_empty_result(1), [])
    writer.commit()
    assert len(out.read_text().splitlines()) == 1 and writer.rows == 0


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
        ("unclosed.csv", "row 1: a quote opened here is never closed", None),
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


@pytest.mark.parametrize(
    ("content", "words"),
    [
        # every row has one field too many: pandas would make the first column the index
        ("name,skills\nalice,python, sql\nbob,docker, k8s\n", "row 1: has 3 fields, the header"),
        # only the first row
        ("name,skills\nalice,python, sql\nbob,docker\n", "row 1: has 3 fields, the header"),
        ('name,skills\nalice,"python"\nbob,"sql",,\n', "row 2: has 4 fields, the header has 2"),
        # an unterminated quote that swallows the next row, closed in the middle of a cell
        ('name,skills\nalice,"python, sql\nbob,"docker, sql"\n', "row 1: a quoted cell is closed"),
        ('name,skills\nalice,"python, sql\nbob,"docker"\n', "row 1: a quoted cell is closed"),
        # ... or never closed
        ('name,skills\nalice,"python"\nbob,"sql\ncarol,r\n', "row 2: a quote opened here"),
    ],
)
def test_csv_rows_that_do_not_fit_the_header_are_errors(tmp_path, capsys, content, words):
    path = tmp_path / "people.csv"
    path.write_text(content)
    out = tmp_path / "out.csv"
    for extra in ([], ["--missing", "nan"]):
        status, err = run(capsys, path, "--id-column", "name", "-o", out, *extra)
        assert status == 2 and len(err.strip().splitlines()) == 1, err
        assert err.startswith(f"rolefit: error: {path}, {words}"), err
        assert not out.exists()


def test_csv_every_data_row_gives_one_output_row(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_bytes(b'\xef\xbb\xbfname,skills\r\nalice,"python,\nsql"\r\n\r\n'
                     b'bob,"say ""hi"", python, sql"\r\ncarol\r\n   \r\ndave,"docker, k8s"\r\n')
    out = tmp_path / "out.csv"
    status, err = run(capsys, path, "--id-column", "name", "-o", out, "--missing", "nan")
    assert status == 0, err
    got = pd.read_csv(out)
    assert got["name"].tolist() == ["alice", "bob", "carol", "dave"]
    assert got["n_skills"].tolist() == [2, 2, 0, 2]
    assert "rows 3" in err or "row 3" in err  # carol's short row has no skills cell: NaN


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


def test_chunksize_is_checked(postings, tmp_path):
    out = tmp_path / "s.csv"
    with pytest.raises(ValueError, match="chunksize must be a whole number >= 1, got 0"):
        rio.score_file(postings, out, chunksize=0)
    for bad in (1.5, "10"):
        with pytest.raises(TypeError, match="chunksize must be a whole number"):
            rio.score_file(postings, out, chunksize=bad)
    assert not out.exists()


def test_gaps_above_the_bound_are_one_line_exit_2(postings, tmp_path, capsys):
    out = tmp_path / "s.csv"
    status, err = run(capsys, postings, "-o", out, "--gaps", "1000")
    assert status == 2 and err == "rolefit: error: gaps must be at most 50, got 1,000\n"
    assert not out.exists()
    with pytest.raises(ValueError, match="at most 50"):
        rio.read_scores(postings, gaps=51)
    assert rio.score_file(postings, out, gaps=50) == 5


@pytest.mark.parametrize("name", ["people.json", "people.jsonl", "skills.xyz", "p.csv.gz"])
def test_other_input_suffixes_are_refused_naming_the_accepted_ones(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text('[{"name": "a", "skills": ["python"]}]\n')  # was read as CSV
    status, err = run(capsys, path, "-o", tmp_path / "out.csv")
    suffix = name[name.rindex("."):]
    assert status == 2 and err == (
        f"rolefit: error: {path}: cannot read a {suffix} file; give a .parquet (.pq, .parq) "
        "or .csv (.tsv, .txt) file\n")
    no_suffix = tmp_path / "people"  # no suffix: read by its content
    no_suffix.write_text("skills\npython\n")
    assert run(capsys, no_suffix, "-o", tmp_path / "out.csv")[0] == 0


@pytest.mark.parametrize(("content", "words"), [
    ("name;skills\nalice;python, sql\n", "the columns are 'name;skills' (the file looks "
     "separated by ';', but columns are separated by ',' in a .csv file, tabs in .tsv; --sep "
     "only separates the items inside a cell)"),
    ("name\tskills\nalice\tpython, sql\n", "(the file looks tab-separated: name it .tsv)"),
])
def test_a_file_with_another_separator_gets_a_hint(tmp_path, capsys, content, words):
    path = tmp_path / "people.csv"
    path.write_text(content)
    status, err = run(capsys, path, "-o", tmp_path / "out.csv")
    assert status == 2 and "column 'skills': no such column; " in err and words in err


def test_an_output_that_is_a_directory_is_named(postings, tmp_path, capsys):
    target = tmp_path / "out.csv"
    target.mkdir()
    status, err = run(capsys, postings, "-o", target)
    assert err == f"rolefit: error: {target}: is a directory; give the name of the file " \
        "to write\n"  # named the temporary file
    assert status == 2 and list(target.iterdir()) == []


def test_a_device_is_not_a_regular_file(tmp_path, capsys):
    status, err = run(capsys, "/dev/null", "-o", tmp_path / "out.csv")
    assert status == 2 and err.startswith("rolefit: error: /dev/null: not a regular file")


def test_a_model_that_is_not_a_npz_file_is_named(postings, tmp_path, capsys):
    model = tmp_path / "good.csv"
    model.write_text("skills\npython\n")
    status, err = run(capsys, postings, "-o", tmp_path / "out.csv", "--model", model)
    assert status == 2
    assert err.startswith(f"rolefit: error: {model}: a model is a .npz file saved by "
                          "`rolefit train`")  # said "good.csv.npz: model file not found"


@pytest.mark.parametrize("name", ["o.txt", "o.json", "o.xlsx", "o", "o.csv.gz"])
def test_other_output_suffixes_are_refused_before_any_work(tmp_path, capsys, monkeypatch,
                                                           name):
    def no_work(*args, **kwargs):
        raise AssertionError("the input was read")

    monkeypatch.setattr(rio, "_check_arguments", no_work)
    monkeypatch.setattr(rio, "_scored", no_work)
    out = tmp_path / name
    status, err = run(capsys, tmp_path / "people.csv", "-o", out)
    assert status == 2
    assert err == (f"rolefit: error: {out}: the output must end in .parquet or .csv "
                   "(or .pq, .parq, .tsv)\n")
    assert list(tmp_path.iterdir()) == []


def test_tsv_output_is_tab_separated(tmp_path, capsys):
    path = tmp_path / "people.csv"
    pd.DataFrame({"skills": ["python, sql, pandas", "pytorch, docker"]}).to_csv(path,
                                                                             index=False)
    status, err = run(capsys, path, "-o", tmp_path / "out.tsv")
    assert status == 0, err
    got = pd.read_csv(tmp_path / "out.tsv", sep="\t")
    assert len(got) == 2 and set(ROLE_IDS) <= set(got.columns)


def test_one_row_is_one_row(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text('skills\n"python, sql, pandas"\n', encoding="utf-8")
    status, err = run(capsys, path, "-o", tmp_path / "out.csv")
    assert status == 0 and f"scored 1 row of {path} ->" in err


def test_list_like_cells_are_skill_lists_by_default(tmp_path, capsys):
    cells = ["Python, pytroch, qwertyuiop", "['python', 'sql']", "python; sql", "python | sql",
             "pytroch", "I built ETL pipelines with Spark and Airflow at a bank."]
    assert rio.read_cells(cells) == [
        ["Python", "pytroch", "qwertyuiop"], ["python", "sql"], ["python", "sql"],
        ["python", "sql"], ["pytroch"], cells[-1]]
    path = tmp_path / "people.csv"
    pd.DataFrame({"skills": cells}).to_csv(path, index=False)
    out = tmp_path / "out.csv"
    status, err = run(capsys, path, "-o", out)
    assert status == 0, err
    got = pd.read_csv(out)
    assert got["n_skills"].tolist() == [2, 2, 2, 2, 1, 3]  # pytroch read as PyTorch
    assert [json.loads(u) for u in got["unknown"]] == [["qwertyuiop"], [], [], [], [], []]


@pytest.mark.parametrize("cell", ["qwerty", "[1, 2", "[]", "1234", "asdf; zxcv",
                                  "The weather was lovely all week long, thanks."])
def test_a_cell_with_no_known_skill_is_a_bad_cell(tmp_path, capsys, cell):
    path = tmp_path / "people.csv"
    pd.DataFrame({"name": ["a", "b", "c"], "skills": ["python, sql", cell, "excel, sql"]}
                 ).to_csv(path, index=False)
    out = tmp_path / "out.csv"
    status, err = run(capsys, path, "-o", out)  # --missing raise, the default
    assert status == 2
    assert err.count("\n") == 1 and err.startswith(f"rolefit: error: {path}, row 2, "
                                                   "column 'skills': ")
    assert cell[:20] in err and not out.exists()
    status, err = run(capsys, path, "-o", out, "--missing", "nan")
    assert status == 0, err
    assert "1 of 3 rows scored as NaN" in err and "row 2" in err
    got = pd.read_csv(out)
    assert got[ROLE_IDS].isna().all(axis=1).tolist() == [False, True, False]
    assert got["target_role"].isna().tolist() == [False, True, False]
    assert got["gap_1"].isna().tolist() == [False, True, False]


def test_cli_bad_cell_exits_2_as_the_readme_says(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text('name,skills\nAda,"Python, SQL"\nBo,qwerty\n')
    done = cli(path, "-o", tmp_path / "out.csv")
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        f"rolefit: error: {path}, row 2, column 'skills': no known skill in 'qwerty'; "
        "pass --missing nan to score such rows as NaN")
    assert not (tmp_path / "out.csv").exists()


def test_csv_has_targets_gaps_and_3_decimals_parquet_keeps_float64(tmp_path, capsys):
    rows = ["Python, PyTorch, Docker, k8s", "sql; tableau; excel", "communication"]
    lists = [["Python", "PyTorch", "Docker", "k8s"], ["sql", "tableau", "excel"],
             ["communication"]]
    path = tmp_path / "people.csv"
    pd.DataFrame({"skills": rows}).to_csv(path, index=False)
    status, _ = run(capsys, path, "-o", tmp_path / "out.csv", "--gaps", "2")
    assert status == 0
    text = (tmp_path / "out.csv").read_text().splitlines()
    header = text[0].split(",")
    assert header[-4:] == ["gap_1", "gain_1", "gap_2", "gain_2"]
    first = dict(zip(header, text[1].split(","), strict=False))
    assert all(len(first[c].split(".")[-1]) <= 3 for c in [*ROLE_IDS, "gain_1"])
    expected = rolefit.score_many(lists, gaps=2)
    got = pd.read_csv(tmp_path / "out.csv")
    assert got["target_role"].tolist()[:2] == expected["target_role"].tolist()[:2]
    assert got["top_role"].tolist()[:2] == ["ml_engineer", "data_analyst"]
    assert got["low_signal"].tolist() == [False, False, True]
    assert got["gap_1"].tolist()[:2] == expected["gap_1"].tolist()[:2]
    np.testing.assert_allclose(got["gain_1"][:2], expected["gain_1"][:2], atol=5e-4)
    status, _ = run(capsys, path, "-o", tmp_path / "out.parquet")
    parquet = pd.read_parquet(tmp_path / "out.parquet")
    np.testing.assert_array_equal(parquet[ROLE_IDS].to_numpy(),  # not rounded
                                  expected[ROLE_IDS].to_numpy())
    assert "gain_3" in parquet.columns  # --gaps 3 by default
    status, _ = run(capsys, path, "-o", tmp_path / "none.csv", "--gaps", "0")
    assert "gap_1" not in pd.read_csv(tmp_path / "none.csv").columns


def test_model_option_is_used_for_scores_and_gaps(tmp_path, capsys):
    from rolefit.classifier import LinearModel, read_model, save_model

    shipped = read_model()
    swapped = LinearModel(shipped.classes, shipped.feature_names, shipped.coef[::-1].copy(),
                          shipped.intercept[::-1].copy(), {})
    model = save_model(swapped, tmp_path / "mine.npz")
    rows = [["Python", "PyTorch", "Docker", "k8s"], ["sql", "tableau", "excel"]]
    path = tmp_path / "people.parquet"
    pq.write_table(pa.table({"skills": rows}), path)
    out = tmp_path / "out.parquet"
    status, err = run(capsys, path, "-o", out, "--model", model)
    assert status == 0, err
    got = pd.read_parquet(out)
    expected = rolefit.score_many(rows, model=model, gaps=3)
    np.testing.assert_allclose(got[ROLE_IDS].to_numpy(), expected[ROLE_IDS].to_numpy())
    assert not np.allclose(got[ROLE_IDS].to_numpy(),
                           rolefit.score_many(rows)[ROLE_IDS].to_numpy())
    for i, row in enumerate(rows):
        gaps = rolefit.score(row, model=model).gaps(n=3)
        assert got.loc[i, ["gap_1", "gap_2", "gap_3"]].tolist() == gaps["skill_id"].tolist()
    status, err = run(capsys, path, "-o", out, "--model", tmp_path / "nope.npz")
    assert status == 2 and err.count("\n") == 1
