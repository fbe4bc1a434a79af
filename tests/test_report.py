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


def test_report_lists_what_it_read_as_learning_and_denied():
    fit = rolefit.score("Python, SQL and Docker daily. No Kubernetes. Learning Spark.")
    page = report.render_html(fit)
    assert "<b>Denied (not counted):</b> Kubernetes" in page
    assert "<b>Learning:</b> Apache Spark" in page
    assert "Denied" not in report.render_html(rolefit.score("Python, SQL and Docker daily."))


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
    with pytest.raises(rolefit.NoSkillsError, match=f"^{re.escape(str(empty))}: no known"):
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


# -- what the page says -----------------------------------------------------------------------
def _row(page, title):
    """The ranking table's row of one role, as text."""
    start = page.index(f"<tr><td>{html.escape(title)}")
    return page[start:page.index("</tr>", start)]


def test_scores_and_probabilities_match_the_cli_in_score_order():
    fit = rolefit.score(["python", "sql", "spark", "airflow", "kafka"])
    page = report.render_html(fit)
    positions = []
    for r in fit._ranking_rows():
        row = _row(page, r["title"])
        assert f'<td class="num">{r["score"]:.2f}</td>' in row
        assert f'<td class="num">{r["proba"]:.0%}</td>' in row
        positions.append(page.index(_row(page, r["title"])))
    assert positions == sorted(positions)  # highest score first, as the CLI
    target = fit.target
    head = page[page.index('<p class="muted">rolefit'):]
    assert (f"score {fit.scores[target]:.2f}, probability {fit.proba[target]:.0%}"
            in head[:head.index("</p>")])
    assert "% of the role profile" not in page  # the old share wording is gone


def test_no_skill_is_both_matched_and_to_learn():
    # kafka and spark imply stream processing and data pipelines (partial credit): they
    # count as matched, so neither the gaps nor the plan may list them again
    fit = rolefit.score(["kafka", "spark", "python"])
    role = fit.target
    page = report.render_html(fit)
    matched = set(fit.ranking.loc[role, "matched"])
    assert {"stream_processing", "data_pipelines"} & set(fit.implied) & matched
    names = {rolefit.skills().loc[s, "name"] for s in matched}
    to_learn = set()
    for chunk in re.findall(r"To learn: ([^<]*)</span>", page):
        to_learn |= {html.unescape(n) for n in chunk.split(", ")}
    gap_rows = page[page.index("<h2>Gaps for"):page.index("<h2>Plan into")]
    to_learn |= {html.unescape(n).strip() for n in re.findall(r"<tr><td>([^<]*)", gap_rows)}
    assert to_learn and not (names & to_learn)
    assert not matched & set(fit.gaps(role)["skill_id"])
    assert not matched & {s for m in fit.plan(role)["missing"] for s in m}


def test_interview_topics_and_the_grouped_plan():
    fit = rolefit.score(rolefit.load_sample_resume())
    role = fit.target
    title = fit.ranking.loc[role, "title"]
    page = report.render_html(fit)
    assert f"<h2>Interview topics for {title}</h2>" in page
    section = page[page.index("<h2>Interview topics"):]
    for t in fit.questions(role).itertuples():
        assert html.escape(t.topic) in section
        prepared = "-" if t.prepared != t.prepared else f"{t.prepared:.0%}"
        assert f"<td>{html.escape(t.type.replace('_', ' '))}</td><td>{html.escape(t.topic)}"\
            f'</td><td class="num">{prepared}</td>' in section
    plan = fit.plan(role)
    steps = plan.drop_duplicates("step")
    for step in steps.itertuples():  # one heading per step, its actions under it
        assert f'<li value="{step.step}"><b>{html.escape(step.step_title)}</b>' in page
    assert page.count("<li value=") == len(steps)


def test_plan_header_names_the_closest_roadmap():
    fit = rolefit.score(["excel", "tableau", "power bi", "sql", "python", "pandas"])
    page = report.render_html(fit, role="data_engineer")
    assert ("<h2>Plan into Data Engineer</h2>\n<p class=\"muted\">Closest shipped roadmap: "
            "backend engineer to data engineer.</p>") in page
    own = report.render_html(fit, role="data_scientist")
    assert "Shipped roadmap: data analyst to data scientist." in own


def test_generated_plan_is_grouped_into_a_few_named_steps():
    fit = rolefit.score(["python", "sql", "excel", "tableau"])
    page = report.render_html(fit, role="software_engineer")  # no roadmap in the guide
    assert "Built from your gaps: no shipped roadmap leads here." in page
    assert 1 <= page.count("<li value=") <= 3
    assert "Learn X" not in page


def test_low_signal_input_says_so_and_shows_no_target(tmp_path):
    fit = rolefit.score(["python", "communication"])
    assert fit.low_signal
    page = report.render_html(fit)
    assert page.count("Not enough signal") == 1 and html.escape(fit.signal_note()) in page
    for absent in ("Gaps for", "Plan into", "Interview topics", "best target role",
                   "Best fit", "Learn next"):
        assert absent not in page
    assert len(re.findall(r"<img ", page)) == 1  # the ranking only
    # a role named by the user is shown anyway, next to the note
    named = report.render_html(fit, role="Data Engineer")
    assert "Not enough signal" in named and "Gaps for Data Engineer" in named
    png = report.render_png(fit)
    assert png.startswith(PNG_SIGNATURE)


def test_report_with_a_trained_model(tmp_path):
    from test_build import POSTINGS, write

    from rolefit.build import cli as build_cli

    postings = write(tmp_path / "postings.csv", POSTINGS)
    assert build_cli.main(["train", "--postings", str(postings), "-o",
                           str(tmp_path / "mine.npz")]) == 0
    out = tmp_path / "r.html"
    assert _run("--skills", "spark, kafka, airflow, sql", "-o", str(out), "--model",
                str(tmp_path / "mine.npz")) == 0
    page = out.read_text(encoding="utf-8")
    fit = rolefit.score(["spark", "kafka", "airflow", "sql"], model=tmp_path / "mine.npz")
    assert "n/a" in _row(page, "AI Engineer")  # a role the model was not trained on
    assert f'{fit.scores["data_engineer"]:.2f}' in _row(page, "Data Engineer")
    from rolefit.classifier import ModelFileError

    with pytest.raises(ModelFileError, match="nope"):
        _run("--skills", "spark, sql", "-o", str(out), "--model", str(tmp_path / "nope.npz"))
