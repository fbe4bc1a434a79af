"""The command line, run as a user would: a subprocess of the installed entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

RESUME = "Python, PyTorch and Docker on Kubernetes; SQL every day."


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "rolefit.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def test_score_skills_text_output():
    out = run("score", "--skills", "python, pytorch, docker, k8s, sql")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert text.index("ML Engineer") < text.index("Data Analyst")
    assert "learn next" in text


def test_score_file_json_and_top(tmp_path):
    path = tmp_path / "resume.txt"
    path.write_text(RESUME)
    out = run("score", str(path), "--json", "--top", "2")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["ranking"]) == 2
    assert data["top"] == data["ranking"][0]["role_id"]
    assert {"python", "pytorch", "docker", "kubernetes", "sql"} <= set(data["skills"])


def test_score_says_what_it_read_as_denied_and_learning(tmp_path):
    # a resume pasted with its lines wrapped: the denial runs over a line break
    path = tmp_path / "resume.txt"
    path.write_text(
        "Six years of Python and SQL in payments, and Docker on Kubernetes, but I have never\n"
        "used PyTorch or Spark. I am currently learning dbt on weekends.\n"
    )
    out = run("score", str(path))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert "Denied: PyTorch, Apache Spark (not counted)" in lines
    assert any(line.startswith("Learning: dbt") for line in lines)
    data = json.loads(run("score", str(path), "--json").stdout)
    assert data["denied"] == ["pytorch", "spark"] and data["learning"] == ["dbt"]


def test_score_stdin():
    out = run("score", "-", stdin=RESUME.encode())
    assert out.returncode == 0, out.stderr
    assert b"ML Engineer" in out.stdout


def test_gaps_for_role(tmp_path):
    path = tmp_path / "resume.txt"
    path.write_text(RESUME)
    out = run("gaps", str(path), "--role", "data_engineer", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["role"] == "data_engineer"
    gains = [g["gain"] for g in data["gaps"]
             if g["needed_for"] is None and not g["rare"] and g["category"] != "soft_skill"]
    assert gains == sorted(gains, reverse=True)
    assert data["roadmap_id"] == "backend_engineer_to_data_engineer"
    text = run("gaps", str(path), "--role", "data_engineer").stdout.decode()
    assert "Gaps for Data Engineer" in text and "Plan" in text


def test_roles_and_demo():
    out = run("roles")
    assert out.returncode == 0 and b"research_scientist" in out.stdout
    roles = json.loads(run("roles", "--json").stdout)
    assert len(roles) == 7
    demo = run("demo")
    assert demo.returncode == 0, demo.stderr
    assert b"Gaps for" in demo.stdout


def test_unknown_and_corrected_skills_are_reported():
    out = run("score", "--skills", "python, pytroch, qwertyuiop")
    assert out.returncode == 0
    err = out.stderr.decode()
    assert "read 'pytroch' as PyTorch" in err
    assert "not recognised: 'qwertyuiop'" in err


@pytest.mark.parametrize(
    ("args", "content", "words"),
    [
        (["score"], None, "nothing to score"),
        (["score", "missing.txt"], None, "no such file"),
        (["score", "{file}"], b"\x00\x01\x02binary", "binary"),
        (["score", "{file}"], "café résumé python".encode("latin-1"), "not UTF-8"),
        (["score", "{file}"], b"Hello world. Nothing here.", "input.txt: no known skill"),
        (["gaps", "{file}"], b"Hello world. Nothing here.", "input.txt: no known skill"),
        # a file that is a skill list is read as one: its unknown items are named
        (["score", "{file}"], b"hello world",
         "input.txt: none of the skills was recognised: 'hello world'"),
        (["score", "--model", "{file}", "--skills", "python, sql"], b"x",
         "input.txt: a model is a .npz file"),
        (["score", "--skills", "qwertyuiop"], None, "--skills: none of the skills"),
        (["gaps", "--skills", "python", "--role", "astronaut"], None, "unknown role"),
        (["score", "{file}", "--skills", "python"], b"python", "not both"),
    ],
)
def test_user_mistakes_exit_2_with_one_line(tmp_path, args, content, words):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    args = [a.replace("{file}", str(path)) for a in args]
    out = run(*args)
    assert out.returncode == 2
    err = out.stderr.decode().strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("rolefit: error:") and words in err
    assert b"Traceback" not in out.stderr


def test_bad_top_is_a_usage_error():
    out = run("score", "--skills", "python", "--top", "0")
    assert out.returncode == 2


def test_score_path_does_not_import_heavy_modules():
    code = (
        "import sys, rolefit.cli as c; c.main(['score', '--skills', 'python, sql']);"
        "heavy = [m for m in ('sklearn', 'pandas', 'matplotlib') if m in sys.modules];"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert b"HEAVY []" in out.stdout


# -- rolefit gaps: a short table by default ------------------------------------------------------
def _gaps_text(capsys, *args):
    from rolefit import cli

    assert cli.main(["gaps", "--skills", "python, pytorch, docker, sql", *args]) == 0
    return capsys.readouterr().out


def _gap_rows(text):
    """The table's skill rows: between the dashes under the header and the first line
    that is not a row."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("---")) + 1
    rows = []
    for line in lines[start:]:
        if not line or line.startswith(("...", "(!)")):
            break
        rows.append(line)
    return rows


def test_gaps_shows_the_first_few_and_says_how_many_more(capsys):
    from rolefit import cli

    total = len(json.loads(_gaps_text(capsys, "--role", "ml_engineer", "--json"))["gaps"])
    text = _gaps_text(capsys, "--role", "ml_engineer")
    assert text.startswith("Gaps for ML Engineer")  # no blank line first
    assert len(_gap_rows(text)) == cli.N_GAPS_SHOWN
    more = total - cli.N_GAPS_SHOWN
    assert f"... {more} more (rolefit gaps --top N or --all shows them)" in text
    text = _gaps_text(capsys, "--role", "ml_engineer", "--top", "3")
    assert len(_gap_rows(text)) == 3 and f"... {total - 3} more" in text
    text = _gaps_text(capsys, "--role", "ml_engineer", "--all")
    assert len(_gap_rows(text)) == total and "more (" not in text
    assert "Plan (" in text


def test_gaps_table_says_why_a_row_is_out_of_gain_order(capsys):
    import rolefit

    text = _gaps_text(capsys, "--role", "ml_engineer", "--top", "12")
    assert "out of order" in text.splitlines()[1]
    fit = rolefit.score(["python", "pytorch", "docker", "sql"])
    notes = [n for n in fit.gaps("ml_engineer", n=12)["order_note"] if isinstance(n, str)]
    assert notes  # the sample resume has some
    rows = _gap_rows(text)
    assert sum(any(row.rstrip().endswith(n) for n in notes) for row in rows) == len(notes)


def test_gaps_all_and_top_together_is_a_usage_error(capsys):
    from rolefit import cli

    assert cli.main(["gaps", "--skills", "python, sql", "--all", "--top", "3"]) == 2
    assert "not both" in capsys.readouterr().err


def test_gaps_cuts_long_skill_names(capsys):
    from rolefit import cli
    from rolefit._data import knowledge

    longest = max((s.name for s in knowledge().skills), key=len)
    assert len(longest) > cli.NAME_WIDTH
    rows = _gap_rows(_gaps_text(capsys, "--role", "ml_engineer", "--all"))
    names = [row.split("  ")[0].removesuffix(" (!)").removesuffix(" (learning)")
             for row in rows]
    assert longest[: cli.NAME_WIDTH - 1].rstrip() + "\u2026" in names
    assert max(len(n) for n in names) == cli.NAME_WIDTH
    assert max(len(row.split("  ")[0]) for row in rows) <= cli.NAME_WIDTH + len(" (learning)")


def test_gaps_plan_header_names_the_closest_roadmap(capsys):
    from rolefit import cli

    assert cli.main(["gaps", "--skills", "excel, tableau, power bi, sql, python, pandas",
                     "--role", "data_engineer"]) == 0
    out = capsys.readouterr().out
    assert "\nPlan (closest shipped roadmap: backend engineer to data engineer):\n" in out


def test_explain_top_rows_still_add_up_to_the_score(capsys):
    from rolefit import cli

    assert cli.main(["explain", "--skills", "python, docker, postgresql, flask, kubernetes",
                     "--role", "research_scientist", "--top", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    score = float(lines[0].split("score ")[1].split(" =")[0])
    rows = lines[lines.index(next(x for x in lines if x.startswith("---"))) + 1 :]
    assert len(rows) == 3 and rows[-1].startswith("(")  # two terms, then the rest in one row
    assert sum(float(r.split()[-1]) for r in rows) == pytest.approx(score, abs=0.005)
