"""``rolefit report``: a self-contained one-page report, written atomically."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import argparse
import html
import re

import pytest

import rolefit
from rolefit import report
from rolefit.cli import UsageError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _run(*argv):
    """Parse and run ``report`` through its own sub-parser, as rolefit.cli will."""
    parser = argparse.ArgumentParser(prog="rolefit")
    report.add_report_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["report", *argv])
    return args.func(args)


@pytest.fixture
def resume(tmp_path):
    path = tmp_path / "resume.txt"
    path.write_text(rolefit.load_sample_resume(), encoding="utf-8")
    return path


def _leftovers(folder, keep):
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_html_report_is_self_contained(resume, tmp_path):
    out = tmp_path / "report.html"
    assert _run(str(resume), "-o", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    fit = rolefit.score(rolefit.load_sample_resume())
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "://" not in page  # no http(s) link to CSS, fonts or images
    assert "@import" not in page and "url(" not in page
    assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', page)) == 2
    for title in fit.ranking["title"]:
        assert title in page
    target = fit.ranking.loc[fit.target, "title"]
    assert f"Gaps for {target}" in page and f"Plan into {target}" in page
    for action in fit.plan()["action"]:
        assert html.escape(action) in page
    assert _leftovers(tmp_path, {"resume.txt", "report.html"}) == []


def test_png_report(resume, tmp_path):
    out = tmp_path / "report.png"
    assert _run(str(resume), "-o", str(out), "--role", "data_engineer") == 0
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert height > width > 500  # one portrait page


def test_skill_list_input_and_escaping(tmp_path):
    out = tmp_path / "r.html"
    assert _run("--skills", "python, sql, <b>bold</b>", "-o", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    assert "<b>bold</b>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_render_html_for_a_named_role():
    fit = rolefit.score(["python", "sql", "spark"])
    page = report.render_html(fit, role="data_engineer", source="x.txt")
    assert "Gaps for Data Engineer" in page and "x.txt" in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{resume}", "-o", "{tmp}/report.pdf"], "must end in .html or .png"),
        (["{resume}", "-o", "{tmp}/nowhere/report.html"], "no such directory"),
        (["{tmp}/missing.txt", "-o", "{tmp}/report.html"], "no such file"),
        (["{resume}", "--skills", "python", "-o", "{tmp}/report.html"], "not both"),
        (["-o", "{tmp}/report.html"], "nothing to report"),
    ],
)
def test_usage_errors(resume, tmp_path, argv, message):
    argv = [a.format(resume=resume, tmp=tmp_path) for a in argv]
    with pytest.raises(UsageError, match=message):
        _run(*argv)
    assert _leftovers(tmp_path, {"resume.txt"}) == []


def test_unknown_role_and_no_skills(resume, tmp_path):
    with pytest.raises(ValueError, match="unknown role"):
        _run(str(resume), "-o", str(tmp_path / "r.html"), "--role", "wizard")
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing to see here", encoding="utf-8")
    with pytest.raises(rolefit.NoSkillsError):
        _run(str(empty), "-o", str(tmp_path / "r.html"))
    assert _leftovers(tmp_path, {"resume.txt", "empty.txt"}) == []


def test_failure_leaves_no_partial_file(resume, tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    out.write_text("previous report", encoding="utf-8")

    def disk_full(fd):
        raise OSError("disk full")

    monkeypatch.setattr(report.os, "fsync", disk_full)
    with pytest.raises(OSError, match="disk full"):
        _run(str(resume), "-o", str(out))
    assert out.read_text(encoding="utf-8") == "previous report"
    assert _leftovers(tmp_path, {"resume.txt", "report.html"}) == []


def test_stdin_input(tmp_path, monkeypatch):
    import io
    import sys

    data = b"Python, SQL and Airflow pipelines on Spark"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "r.html"
    assert _run("-", "-o", str(out)) == 0
    assert "&lt;stdin&gt;" in out.read_text(encoding="utf-8")
