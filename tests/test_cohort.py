"""rolefit cohort: a coach's summary of a cohort file (targets, common gaps, closest people)."""

from __future__ import annotations

import base64
import csv
import html
import re
import subprocess
import sys

import pandas as pd
import pytest

import rolefit
from rolefit import io as rio
from rolefit.cohort import cohort_summary, render_cohort_html

# fictional people, skills in several list styles, free text, typos and unknown skills
CELLS = [
    "Python, PyTorch, Docker, Kubernetes, MLflow",
    "['python', 'sql', 'pandas', 'scikit-learn']",
    "sql; tableau; excel; power bi",
    "spark | airflow | kafka | python | sql",
    "Python, pytroch, numpy, qwertyuiop",  # a typo and an unknown skill
    "I built ETL pipelines with Spark and Airflow on AWS, modelling data in dbt.",
    "LangChain, OpenAI API, RAG, vector databases, Python",
    '["java", "docker", "kubernetes", "git"]',
    "Published papers on deep learning; PyTorch, JAX, statistics",
    "communication; teamwork",  # low signal: soft skills only
    "Machine learning, statistics, R, sql, xgboost, blorpify",
    "python, sql, tablaeu, Lookr",
    "Excel",  # low signal: one technical skill
]
FIRST = ["Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"]
LAST = ["Quill", "Marsh", "Vale", "Birch", "Stone"]


@pytest.fixture
def cohort_csv(tmp_path):
    path = tmp_path / "people.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "skills"])
        for i in range(50):
            writer.writerow([f"{FIRST[i % 10]} {LAST[i // 10]}", CELLS[i % len(CELLS)]])
    return path


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "rolefit.cli", *map(str, args)],
                          capture_output=True, timeout=180)


def test_fifty_people_give_targets_gaps_and_a_page_in_one_command(cohort_csv, tmp_path):
    page_path = tmp_path / "cohort.html"
    done = _cli("cohort", cohort_csv, "--column", "skills", "--id-column", "name",
                "-o", page_path)
    assert done.returncode == 0, done.stderr
    assert "50 people" in done.stderr.decode()
    page = page_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "://" not in page and "<link" not in page
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 2
    assert all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)

    frame = pd.read_csv(cohort_csv)
    lists = rio.read_cells(frame["skills"].tolist())
    scores = rolefit.score_many(lists, gaps=3)
    n_low = int(scores["low_signal"].sum())
    low_cells = ("communication; teamwork", "Excel")
    assert n_low == sum(CELLS[i % len(CELLS)] in low_cells for i in range(50)) == 7
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert f"50 people; {50 - n_low} with a target role, {n_low} with too few" in text
    # the target table adds up to 50 minus the low-signal rows
    table = re.search(r"people \(target\).*?</table>", page, re.S).group(0)
    counts = [int(c) for c in re.findall(r'<td class="num">(\d+)</td><td class="num">\d+%',
                                         table)]
    assert sum(counts) == 50 - n_low
    expected = scores["target_role"].value_counts()
    titles = rolefit.roles()["title"]
    for role, count in expected.items():
        assert re.search(rf"<td>{re.escape(titles[role])}</td><td class=\"num\">{count}</td>",
                         page), role
    # closest people: top score of each role, named
    best = scores.loc[~scores["low_signal"], "ml_engineer"].idxmax()
    assert f"{frame.loc[best, 'name']} ({scores.loc[best, 'ml_engineer']:.2f})" in text
    # everyone is listed, with the first gaps of their target role
    ada = rolefit.score(lists[0]).gaps(n=3)["name"].tolist()
    assert ", ".join(ada) in text


def test_cohort_summary_tables(cohort_csv):
    scores = rio.read_scores(cohort_csv, id_column="name", gaps=3)
    assert scores.columns[0] == "name" and len(scores) == 50
    summary = cohort_summary(scores, id_column="name")
    assert summary.people == 50 and summary.not_scored == 0
    assert summary.targets["people"].sum() == summary.with_target == 50 - summary.low_signal
    assert summary.targets.loc[summary.targets["adjacent"], "people"].eq(0).all()
    assert summary.targets["best_fit"].sum() == summary.with_target
    # each common gap is counted over the people of its target role
    for row in summary.gaps.itertuples():
        group = scores[scores["target_role"] == row.role_id]
        has = group[["gap_1", "gap_2", "gap_3"]].eq(row.skill_id).any(axis=1)
        assert row.people == int(has.sum())
    assert summary.gaps.groupby("role_id")["people"].apply(
        lambda s: s.is_monotonic_decreasing).all()
    closest = summary.closest
    assert closest.groupby("role_id").size().eq(3).all()
    kept = scores[~scores["low_signal"]]
    for role, group in closest.groupby("role_id"):
        assert group["score"].tolist() == sorted(kept[role].nlargest(3).tolist(), reverse=True)


def test_unrecognised_skills_are_reported_on_the_page_and_stderr(cohort_csv, tmp_path,
                                                                 capsys):
    from rolefit.cli import main

    page_path = tmp_path / "cohort.html"
    assert main(["cohort", str(cohort_csv), "--id-column", "name", "-o", str(page_path)]) == 0
    err = capsys.readouterr().err
    # CELLS[4] and CELLS[10] hold one unknown item each: rows 5, 18, 31, 44 and 11, 24, 37, 50
    assert ("rolefit: 2 skill-list items not recognised in 8 rows (listed on the page): "
            "'blorpify' (4 rows), 'qwertyuiop' (4 rows)\n") in err
    summary = cohort_summary(rio.read_scores(cohort_csv, id_column="name"), id_column="name")
    assert summary.unknown["item"].tolist() == ["blorpify", "qwertyuiop"]
    assert summary.unknown["people"].tolist() == [4, 4]
    assert summary.unknown["who"][1] == ("Eli Quill", "Hal Marsh", "Ada Birch", "Dee Stone")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page_path.read_text(encoding="utf-8")))
    assert "Skills not recognised" in text and "2 skill-list items matched no skill" in text
    assert re.search(r"qwertyuiop\s+4\s+Eli Quill; Hal Marsh; Ada Birch; Dee Stone", text)
    # CELLS[4] and CELLS[11] hold typos: 'pytroch' (4 rows), 'tablaeu' and 'Lookr' (3 rows)
    assert ("rolefit: 3 skill-list items read after a typo fix in 7 rows (listed on the "
            "page): 'pytroch' as pytorch (4 rows), 'Lookr' as looker (3 rows), 'tablaeu' as "
            "tableau (3 rows)\n") in err
    assert summary.corrections[["item", "skill_id", "people"]].values.tolist() == [
        ["pytroch", "pytorch", 4], ["Lookr", "looker", 3], ["tablaeu", "tableau", 3]]
    assert re.search(r"read as a skill after a typo fix: item read as people who "
                     r"pytroch PyTorch 4 Eli Quill; Hal Marsh", " ".join(text.split()))
    everyone_known = tmp_path / "known.csv"
    everyone_known.write_text('name,skills\nAda,"python, sql, pandas"\n')
    assert main(["cohort", str(everyone_known), "-o", str(page_path)]) == 0
    assert "not recognised" not in capsys.readouterr().err
    assert "Every skill-list item was recognised" in page_path.read_text()


def test_bad_cell_and_missing_nan(tmp_path, capsys):
    from rolefit.cli import main

    path = tmp_path / "people.csv"
    path.write_text('name,skills\nAda,"Python, SQL, pandas"\nBo,qwerty\nCy,"spark, kafka"\n')
    out = tmp_path / "c.html"
    assert main(["cohort", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "row 2, column 'skills': no known skill in 'qwerty'" in err
    assert not out.exists()
    assert main(["cohort", str(path), "-o", str(out), "--missing", "nan"]) == 0
    err = capsys.readouterr().err
    assert "1 of 3 rows scored as NaN" in err
    page = out.read_text()
    assert "1 not scored" in page
    assert "<tr><td>row 2</td><td>not scored</td>" in page  # NaN scores (low_signal True)
    assert main(["cohort", str(path), "-o", str(tmp_path / "c.pdf")]) == 2
    assert "must end in .html" in capsys.readouterr().err


def test_render_needs_a_score_many_result():
    with pytest.raises(ValueError, match="missing columns"):
        render_cohort_html(pd.DataFrame({"skills": [["python"]]}))


def test_small_cohorts_low_signal_only_empty_and_no_gaps(tmp_path, capsys):
    from rolefit.cli import main

    low = tmp_path / "low.csv"
    low.write_text("name,skills\nAda,communication\n")
    assert main(["cohort", str(low), "-o", str(tmp_path / "low.html")]) == 0
    assert "1 person (0 with a target role, 1 low signal)" in capsys.readouterr().err
    page = (tmp_path / "low.html").read_text()
    assert "No one in the cohort has a target role" in page and "<img" not in page
    empty = tmp_path / "empty.csv"
    empty.write_text("name,skills\n")
    assert main(["cohort", str(empty), "-o", str(tmp_path / "empty.html")]) == 0
    people = tmp_path / "people.csv"
    people.write_text('name,skills\nAda,"python, sql, pandas"\nBo,"spark; kafka; airflow"\n')
    assert main(["cohort", str(people), "--gaps", "0", "-o", str(tmp_path / "g.html")]) == 0
    page = (tmp_path / "g.html").read_text()
    assert "No gap columns" in page and page.count("<img") == 2


def test_gaps_above_the_bound_are_refused(tmp_path, capsys):
    from rolefit.cli import main

    people = tmp_path / "people.csv"
    people.write_text('name,skills\nAda,"python, sql, pandas"\n')
    out = tmp_path / "c.html"
    assert main(["cohort", str(people), "--gaps", "51", "-o", str(out)]) == 2
    assert capsys.readouterr().err == "rolefit: error: gaps must be at most 50, got 51\n"
    assert not out.exists()


def test_an_output_that_is_a_directory_is_named(tmp_path, capsys):
    from rolefit.cli import main

    people = tmp_path / "people.csv"
    people.write_text('name,skills\nAda,"python, sql, pandas"\n')
    page = tmp_path / "page.html"
    page.mkdir()
    assert main(["cohort", str(people), "-o", str(page)]) == 2
    assert capsys.readouterr().err == (f"rolefit: error: {page}: is a directory; give the "
                                       "name of the page to write\n")  # named the temp file
    assert main(["cohort", "/dev/null", "-o", str(tmp_path / "c.html")]) == 2
    assert "/dev/null: not a regular file" in capsys.readouterr().err


def test_cohort_uses_the_model_given(tmp_path, capsys):
    from rolefit.classifier import LinearModel, read_model, save_model
    from rolefit.cli import main

    shipped = read_model()
    swapped = save_model(LinearModel(shipped.classes, shipped.feature_names,
                                     shipped.coef[::-1].copy(), shipped.intercept[::-1].copy(),
                                     {}), tmp_path / "mine.npz")
    people = tmp_path / "people.csv"
    people.write_text('name,skills\nAda,"python, pytorch, docker, kubernetes"\n')
    scores = rio.read_scores(people, model=swapped)
    fit = rolefit.score(["python", "pytorch", "docker", "kubernetes"], model=swapped)
    assert scores.loc[0, "target_role"] == fit.target
    assert scores.loc[0, "gap_1"] == fit.gaps(n=1)["skill_id"].iloc[0]
    out = tmp_path / "c.html"
    assert main(["cohort", str(people), "--model", str(swapped), "-o", str(out)]) == 0
    assert f"{fit.scores[fit.target]:.2f}" in out.read_text()
    assert main(["cohort", str(people), "--model", str(tmp_path / "no.npz"), "-o",
                 str(out)]) == 2
    assert capsys.readouterr().err.count("rolefit: error:") == 1


# -- words: one person, and rows named as the user knows them -----------------------------------
PAIR = [["sql", "tableau", "excel"], ["python", "pytorch", "docker", "kubernetes"]]


def test_one_person_per_role_is_one_person():
    scores = rolefit.score_many(PAIR, gaps=3)
    page = render_cohort_html(scores)
    assert "<h3>ML Engineer (1 person)</h3>" in page
    assert "(1 people)" not in page


@pytest.mark.parametrize("index", [None, [10, 20], ["ada", "bo"]])
def test_people_are_named_by_the_index_label_given(index):
    scores = rolefit.score_many(PAIR, gaps=3)
    if index is not None:
        scores = scores.set_axis(index)
    closest = cohort_summary(scores).closest.set_index(["role_id", "rank"])
    best = scores.index.tolist()[1]  # the ML engineer
    assert scores["ml_engineer"].idxmax() == best
    assert closest.loc[("ml_engineer", 1), "person"] == f"row {best!r}"
    assert f"<td>{html.escape(f'row {best!r}')}</td>" in render_cohort_html(scores)


def test_cli_names_rows_as_its_error_messages_do(tmp_path, capsys):
    from rolefit.cli import main

    path = tmp_path / "people.csv"
    path.write_text('skills\n"sql, tableau, excel"\n"python, pytorch, docker, kubernetes"\n'
                    "qwerty\n")
    out = tmp_path / "c.html"
    assert main(["cohort", str(path), "-o", str(out)]) == 2
    assert "row 3, column 'skills'" in capsys.readouterr().err  # 1-based data rows
    path.write_text("\n".join(path.read_text().splitlines()[:3]) + "\n")
    assert main(["cohort", str(path), "-o", str(out)]) == 0
    page = out.read_text()
    ml_row = re.search(r"<td>ML Engineer</td><td>(row \d+) \(", page).group(1)
    assert ml_row == "row 2"  # the second data row, as the messages count
    assert "<td>row 1</td>" in page and "<td>row 0</td>" not in page
