"""Malformed user files given to the command line: exit status 2 and one clear line.

The commands run in-process (``rolefit.cli.main``) for speed, with a few end-to-end runs
of the installed entry point to prove that what reaches the terminal is one line and no
traceback. Files are empty, huge, binary, UTF-16/latin-1, directories, unreadable, or
named with control characters.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rolefit import cli

RESUME = "Python, PyTorch and Docker on Kubernetes; SQL every day.\n"


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    try:
        code = cli.main([str(a) for a in argv])
    except SystemExit as exc:  # argparse
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_usage_error(code, err, *words):
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("rolefit: error:")
    assert "\x1b" not in err and "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]


def _file(tmp_path, content: bytes, name="resume.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


# -- text inputs -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ["is empty"]),
        (b"\xef\xbb\xbf", ["is empty"]),
        (b"   \n\t\r\n", ["the text is empty (only whitespace)"]),
        (b"Hello world, nothing to see here.", ["no known skill"]),
        (b"hello world, nothing to see", ["none of the skills was recognised: 'hello world'",
                                          "'nothing to see'"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["binary"]),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), ["binary"]),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01", ["PDF"]),
        (RESUME.encode("utf-16"), ["UTF-16"]),
        (RESUME.encode("utf-16-be").join([b"\xfe\xff", b""]), ["UTF-16"]),
        (RESUME.encode("utf-32"), ["UTF-16"]),
        (RESUME.encode("utf-16-le"), ["binary"]),
        ("Python, café, résumé\n".encode("latin-1"), ["not UTF-8", "line 1"]),
        ("line one\nPython \u201csmart quotes\u201d\n".encode("cp1252"), ["not UTF-8", "line 2"]),
        (bytes(range(128, 256)) * 10, ["not UTF-8"]),
        (b"PK\x03\x04" + b"\x00" * 30, ["binary"]),
    ],
    ids=["empty", "bom-only", "whitespace", "no-skills", "no-skills-list", "png", "elf", "pdf",
         "utf16", "utf16-be", "utf32", "utf16-no-bom", "latin1", "cp1252", "high-bytes", "zip"],
)
@pytest.mark.parametrize("command", ["score", "gaps"])
def test_bad_text_file(tmp_path, capsys, content, words, command):
    path = _file(tmp_path, content)
    code, out, err = run([command, path], capsys)
    assert_usage_error(code, err, *words)
    assert out == ""


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary", RESUME.encode("utf-16")])
def test_bad_stdin(capsys, monkeypatch, content):
    code, out, err = run(["score", "-"], capsys, stdin=content, monkeypatch=monkeypatch)
    assert_usage_error(code, err, "<stdin>")


def test_good_files_in_other_shapes_are_read(tmp_path, capsys):
    for content in (
        b"\xef\xbb\xbf" + RESUME.encode(),  # UTF-8 with a byte order mark
        RESUME.replace("\n", "\r\n").encode(),  # Windows line ends
        b"x" * 70_000 + b"\n" + RESUME.encode(),  # one very long line first
    ):
        code, out, err = run(["score", _file(tmp_path, content), "--json"], capsys)
        assert code == 0, err
        assert '"python"' in out


def test_huge_file_is_refused_without_reading_it_all(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(cli.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    code, out, err = run(["score", path], capsys)
    assert_usage_error(code, err, "larger than", "huge.txt")


def test_huge_stdin_is_refused(capsys, monkeypatch):
    data = b"python " * (cli.MAX_FILE_BYTES // 7 + 1)
    code, out, err = run(["score", "-"], capsys, stdin=data, monkeypatch=monkeypatch)
    assert_usage_error(code, err, "larger than")


def test_directory_is_refused(tmp_path, capsys):
    code, out, err = run(["score", tmp_path], capsys)
    assert_usage_error(code, err, "is a directory")


@pytest.mark.parametrize("target", ["missing.txt", "dangling-link"])
def test_missing_file_and_dangling_link(tmp_path, capsys, target):
    if target == "dangling-link":
        (tmp_path / target).symlink_to(tmp_path / "nowhere")
    code, out, err = run(["score", tmp_path / target], capsys)
    assert_usage_error(code, err, "no such file")


def test_special_file_is_refused(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, out, err = run(["score", fifo], capsys)  # would block forever if opened
    assert_usage_error(code, err, "not a regular file")
    code, out, err = run(["score", "/dev/zero"], capsys)
    assert_usage_error(code, err, "not a regular file")


def test_unreadable_file_is_one_line(tmp_path, capsys, monkeypatch):
    path = _file(tmp_path, RESUME.encode())

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    code, out, err = run(["score", path], capsys)
    assert_usage_error(code, err, "Permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_unreadable_file_for_real(tmp_path, capsys):
    path = _file(tmp_path, RESUME.encode())
    path.chmod(0)
    code, out, err = run(["score", path], capsys)
    assert_usage_error(code, err, "Permission denied")


@pytest.mark.parametrize("name", ["evil\nname.txt", "evil\x1b[2Jname.txt", "evil\rname.txt"])
def test_control_characters_in_a_file_name_stay_on_one_line(tmp_path, capsys, name):
    missing = tmp_path / name
    code, out, err = run(["score", missing], capsys)
    assert_usage_error(code, err, "no such file")
    latin = _file(tmp_path, "café".encode("latin-1"), name)
    code, out, err = run(["score", latin], capsys)
    assert_usage_error(code, err, "not UTF-8")


@pytest.mark.parametrize(
    ("skills", "words"),
    [("", "empty"), (",,, ,", "empty"), ("\x1b[31mred", "none of the skills"),
     ("a\nb", "none of the skills"), ("\udcff\udcfe", "none of the skills")],
)
def test_hostile_skill_lists(capsys, skills, words):
    code, out, err = run(["score", "--skills", skills], capsys)
    assert_usage_error(code, err, words)


def test_unknown_items_are_reported_escaped(capsys):
    code, out, err = run(["score", "--skills", "python,\x1b[2Jwipe\nscreen"], capsys)
    assert code == 0
    assert "\x1b" not in err and len(err.strip().splitlines()) == 1
    assert "not recognised" in err


@pytest.mark.parametrize("top", ["0", "-1", "1e3", "x", ""])
def test_bad_top(capsys, top):
    code, out, err = run(["score", "--skills", "python", "--top", top], capsys)
    assert code == 2 and "Traceback" not in err


def test_huge_top_is_fine(capsys):
    code, out, err = run(["score", "--skills", "python", "--top", "9" * 30], capsys)
    assert code == 0, err


# -- end to end: what reaches the terminal ---------------------------------------------------
@pytest.mark.parametrize(
    "make",
    [
        lambda d: d,
        lambda d: _file(d, b""),
        lambda d: _file(d, RESUME.encode("utf-16")),
        lambda d: _file(d, b"\x00" * 10),
    ],
    ids=["directory", "empty", "utf16", "binary"],
)
def test_entry_point_prints_one_line_and_exits_2(tmp_path, make):
    path = make(tmp_path)
    out = subprocess.run([sys.executable, "-m", "rolefit.cli", "score", str(path)],
                         capture_output=True, timeout=120)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and err.startswith("rolefit: error:"), err
    assert out.stdout == b""


# -- score-file: what tests/test_io.py does not already try ------------------------------------
def _parquet(path, table):
    import pyarrow.parquet as pq

    pq.write_table(table, path)
    return path


def _score_file_cases(tmp_path):
    import pyarrow as pa

    parquet = _parquet(tmp_path / "real.parquet", pa.table({"skills": [["python"]]}))
    nested = "[" * 5000 + "]" * 5000
    return {
        "utf16.csv": ("skills\npython\n".encode("utf-16"), "UTF-16"),
        "utf16-nobom.csv": ("skills\npython\n".encode("utf-16-le"), "binary"),
        "bom-only.csv": (b"\xef\xbb\xbf", "empty"),
        "parquet-named.csv": (parquet.read_bytes(), "is a Parquet file"),
        "csv-named.parquet": (b"skills\npython\n", "not a readable Parquet file"),
        "nested.csv": (f'skills\n"{nested}"\n'.encode(), "list literal"),
        "floats.parquet": (None, "has type double"),
        "dir.csv": (None, "is a directory"),
        "fifo.csv": (None, "not a regular file"),
    }


def test_score_file_bad_inputs_exit_2_with_one_line_and_no_output(tmp_path, capsys):
    import pyarrow as pa

    for name, (content, words) in _score_file_cases(tmp_path).items():
        path = tmp_path / name
        if name == "floats.parquet":
            _parquet(path, pa.table({"skills": [1.5, float("nan")]}))
        elif name == "dir.csv":
            path.mkdir()
        elif name == "fifo.csv":
            os.mkfifo(path)
        else:
            path.write_bytes(content)
        out_dir = tmp_path / f"out-{name}"
        out_dir.mkdir()
        code, out, err = run(["score-file", path, "-o", out_dir / "scores.csv"], capsys)
        assert_usage_error(code, err, words)
        assert list(out_dir.iterdir()) == [], name


def test_score_file_empty_parquet_writes_the_columns(tmp_path, capsys):
    import pandas as pd
    import pyarrow as pa

    path = _parquet(tmp_path / "empty.parquet", pa.table({"skills": pa.array([], pa.string())}))
    code, out, err = run(["score-file", path, "-o", tmp_path / "out.csv"], capsys)
    assert code == 0, err
    frame = pd.read_csv(tmp_path / "out.csv")
    assert len(frame) == 0 and "top_role" in frame.columns


def test_score_file_output_that_is_a_directory_leaves_nothing_behind(tmp_path, capsys):
    path = tmp_path / "in.csv"
    path.write_text("skills\npython\nsql\n")
    target = tmp_path / "out.csv"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    code, out, err = run(["score-file", path, "-o", target], capsys)
    assert_usage_error(code, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
    assert (target / "keep.txt").read_text() == "mine"


def test_score_file_interrupted_midway_keeps_the_old_output(tmp_path, monkeypatch):
    import rolefit.batch as batch
    from rolefit.io import score_file

    path = tmp_path / "in.csv"
    path.write_text("skills\n" + "python\n" * 10)
    out = tmp_path / "scores.parquet"
    out.write_bytes(b"previous results")
    calls = []
    real = batch.score_texts_as_read

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "score_texts_as_read", interrupted)
    with pytest.raises(KeyboardInterrupt):
        score_file(path, out, chunksize=2)
    assert out.read_bytes() == b"previous results"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "scores.parquet"]


def test_score_file_text_over_the_limit_is_named(tmp_path, capsys, monkeypatch):
    from importlib import import_module

    monkeypatch.setattr(import_module("rolefit.skills"), "MAX_TEXT_CHARS", 50)
    path = tmp_path / "in.csv"
    path.write_text("skills\npython\n" + "python " * 20 + "\n")
    code, out, err = run(["score-file", path, "-o", tmp_path / "o.csv"], capsys)
    assert_usage_error(code, err, "row 2", "the limit is 50")
    assert not (tmp_path / "o.csv").exists()


def test_score_file_ragged_row_is_refused(tmp_path, capsys):
    path = tmp_path / "ragged.csv"
    path.write_bytes(b"skills,id\npython,1\npython, sql,2\n")
    code, out, err = run(["score-file", path, "-o", tmp_path / "o.csv"], capsys)
    assert_usage_error(code, err, "row 2")
