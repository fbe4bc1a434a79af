"""``rolefit.match`` and ``rolefit match``: one person against one job posting."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import json

import numpy as np
import pytest

import rolefit
from rolefit import cli
from rolefit.plot import CATEGORY_COLORS
from rolefit.profiles import IMPLIED_CREDIT

# Fictional postings and people, of varied length and wording.
DE_POSTING = """Senior Data Engineer - Payments Platform

We are looking for a data engineer to build and run our batch and streaming pipelines.
You will design ETL jobs with Spark and Airflow on AWS, model data in Snowflake,
and write a lot of SQL and Python. Experience with Kafka is a plus.
No Java required. We are learning dbt as a team.
"""
# titled "Data Engineer", but asks for what analysts and AI engineers use
ODD_POSTING = """Data Engineer (Marketing Analytics)
Build Excel reports and Tableau dashboards, present to stakeholders,
use Photoshop and PowerPoint, some SQL. Knowledge of PyTorch and LLM prompting welcome.
"""
ML_POSTING = (
    "ML Engineer. Ship PyTorch models to production on Kubernetes with Docker, track "
    "experiments in MLflow and keep CI/CD green. Python required."
)
SALES_POSTING = "Account executive: grow our customer base, great communicator, travel."
BACKEND = """Backend developer, 4 years. Python, Django, PostgreSQL, Docker, AWS (EC2, S3).
Wrote SQL daily. Learning Spark on weekends. No Kafka experience.
"""


def test_typical_posting_its_role_and_excluded_mentions():
    m = rolefit.match(BACKEND, DE_POSTING)
    assert m.role == "data_engineer" and m.role_proba > 0.5
    assert {"spark", "airflow", "aws", "snowflake", "sql", "python", "kafka"} <= set(
        m.posting_skills)
    assert "java" not in m.posting_skills and "dbt" not in m.posting_skills
    assert m.excluded == {"negated": ["java"], "learning": ["dbt"]}
    context = m.context()
    assert context["typical"] and context["common_share"] == 1.0
    assert context["unusual"] == [] and context["note"].startswith("Typical Data Engineer")


@pytest.mark.parametrize(("posting", "line"), [
    (DE_POSTING, 'not counted: denied ("No Java"); being learned ("learning dbt")'),
    ("Data engineer: Spark, Airflow, SQL. No Kafka or Scala needed; Python not required.",
     'not counted: denied ("No Kafka or Scala", "Python not required")'),
    ("ML engineer: PyTorch, Docker, Kubernetes, Python. Scala (beginner) is fine.",
     'not counted: being learned ("Scala (beginner)")'),
])
def test_text_quotes_the_words_that_exclude_a_posting_skill(posting, line):
    lines = rolefit.match(BACKEND, posting).to_text().splitlines()
    assert lines[1] == "  " + line
    assert "mentioned as" not in "\n".join(lines)


# A posting laid out as many large employers lay them out: its requirement lists under
# headings, "Basic Qualifications" among them (not "basic", a cue of learning).
LISTED_POSTING = """Data Engineer, Payments

BASIC QUALIFICATIONS
- 3+ years of experience with Python and SQL
- Experience building pipelines with Spark and Airflow

PREFERRED QUALIFICATIONS
- Exposure to Kafka
- Basic knowledge of Terraform
"""


def test_a_postings_requirement_lists_are_what_it_asks_for():
    m = rolefit.match(BACKEND, LISTED_POSTING)
    assert set(m.posting_skills) == {"python", "sql", "spark", "airflow", "kafka", "terraform"}
    assert m.excluded == {"negated": [], "learning": []} and m.role == "data_engineer"


def test_atypical_posting_says_what_is_unusual():
    m = rolefit.match(BACKEND, ODD_POSTING)
    context = m.context()
    assert not context["typical"]
    assert {"excel", "tableau"} <= set(context["unusual"])
    assert context["note"].startswith("Unusual ") and "Excel" in context["note"]
    assert context["common_share"] < 0.75


@pytest.mark.parametrize(
    ("person", "posting"),
    [(BACKEND, DE_POSTING), (BACKEND, ODD_POSTING), (["python", "pytorch"], ML_POSTING),
     (["sql", "excel", "tableau", "python"], ODD_POSTING),
     ("PyTorch and TensorFlow researcher; deep learning papers; Python.", ML_POSTING * 20)],
)
def test_explanation_adds_up_to_the_score(person, posting):
    m = rolefit.match(person, posting)
    table = m.explain()
    assert round(table["contribution"].sum(), 12) == round(m.score, 12)
    assert 0 <= m.score <= 1
    assert np.isclose(table["share"].sum(), 1.0)
    assert sorted(table["skill_id"]) == m.posting_skills
    assert (table["contribution"] == table["share"] * table["credit"]).all()
    has, lacks = set(m.has()["skill_id"]), set(m.lacks()["skill_id"])
    assert has.isdisjoint(lacks) and has | lacks == set(m.posting_skills)


def test_lacks_follow_the_gap_logic_of_the_role():
    m = rolefit.match(BACKEND, DE_POSTING)
    lacks = m.lacks()
    lacking = [s for s in m.posting_skills if s not in set(m.has()["skill_id"])]
    expected = [g["skill_id"] for g in m.person._gain_rows("data_engineer", lacking)]
    assert lacks["skill_id"].tolist() == expected  # every posting skill has weight here
    # gaps' rules: largest gain first, unless an idea goes right before its tool
    plain = lacks[lacks["needed_for"].isna()]
    assert plain["gain"].is_monotonic_decreasing
    assert "kafka" in lacking  # "No Kafka experience" does not count
    assert lacks.set_index("skill_id").loc["spark", "learning"]  # "Learning Spark"
    assert (lacks["match_gain"] > 0).all()


def test_match_gain_is_the_exact_rise_of_the_score():
    person = ["python", "sql"]
    m = rolefit.match(person, DE_POSTING)
    for row in m.lacks().itertuples():
        after = rolefit.match([*person, row.skill_id], DE_POSTING)
        assert np.isclose(after.score - m.score, row.match_gain)


def test_a_posting_skill_without_weight_shows_what_its_implied_skills_add():
    posting = "Data engineer. Requirements: Python, SQL, AWS Glue, Snowflake, Airflow."
    person = ["python", "sql"]
    m = rolefit.match(person, posting)
    glue = m.lacks().set_index("skill_id").loc["aws_glue"]
    assert glue["gain"] == 0 and glue["implied_gain"] > 0.5
    rise = rolefit.score([*person, "aws_glue"]).scores[m.role] - m.person.scores[m.role]
    assert glue["gain"] + glue["implied_gain"] == pytest.approx(rise)
    assert "through the skills it implies" in m.to_text()


def test_implied_skills_count_in_part_and_are_not_lacking():
    m = rolefit.match(["pytorch", "python", "docker"],
                      "Deep learning engineer: PyTorch, deep learning, Docker, Kubernetes.")
    row = m.explain().set_index("skill_id").loc["deep_learning"]
    assert row["status"] == "implied" and row["via"] == ("pytorch",)
    assert 0 < row["credit"] <= 1 and row["credit"] == pytest.approx(
        min(1.0, IMPLIED_CREDIT))
    assert "deep_learning" not in set(m.lacks()["skill_id"])


def test_adding_a_skill_never_lowers_the_match():
    person = ["python", "sql"]
    base = rolefit.match(person, DE_POSTING).score
    for extra in ["spark", "kafka", "excel", "communication", "pytorch", "snowflake"]:
        assert rolefit.match([*person, extra], DE_POSTING).score >= base - 1e-12


def test_posting_as_a_skill_list_and_long_wordy_text_agree():
    short = rolefit.match(["python"] * 1 + ["sql", "docker"], ["pytorch", "kubernetes",
                                                              "docker", "mlflow", "python"])
    long = rolefit.match(["python", "sql", "docker"],
                         ("We are a friendly team. " * 300) + ML_POSTING)
    assert short.posting.kind == "list" and long.posting.kind == "text"
    assert short.role == long.role == "ml_engineer"


def test_low_signal_posting_is_one_line_and_not_guessed():
    m = rolefit.match(BACKEND, SALES_POSTING)
    assert m.low_signal and m.role is None and m.score is None
    note = m.signal_note()
    assert note.startswith("Not enough signal") and "\n" not in note
    assert "the posting" in note and "no role" in note
    assert m.explain().empty and m.lacks().empty and m.context() == {}
    data = m.to_dict()
    assert data["score"] is None and data["note"] == note and data["posting"]["role"] is None
    assert m.to_text().splitlines()[-1] == note


def test_low_signal_person_keeps_the_posting_side():
    m = rolefit.match(["python", "communication"], DE_POSTING)
    assert m.low_signal and m.score is None
    assert m.role == "data_engineer" and m.context()["typical"]
    assert "the person" in m.signal_note() and "no match score" in m.signal_note()


@pytest.mark.parametrize(
    ("person", "posting", "error", "message"),
    [("", DE_POSTING, ValueError, "person is empty"),
     (BACKEND, "   \n ", ValueError, "posting is empty"),
     ([], DE_POSTING, ValueError, "skill list is empty"),
     (b"python", DE_POSTING, TypeError, "bytes"),
     (BACKEND, 42, TypeError, "got int")],
)
def test_bad_input(person, posting, error, message):
    with pytest.raises(error, match=message):
        rolefit.match(person, posting)


def test_outputs_are_plain_data_html_and_text():
    m = rolefit.match(BACKEND, DE_POSTING)
    data = json.loads(m.to_json())
    assert data["score"] == pytest.approx(m.score)
    assert data["posting"]["role"] == "data_engineer"
    assert [r["skill_id"] for r in data["lacks"]] == m.lacks()["skill_id"].tolist()
    assert sum(r["contribution"] for r in data["explain"]) == pytest.approx(m.score)
    assert "Match score" in m._repr_html_() and "<script" not in m._repr_html_()
    assert repr(m).startswith("PostingMatch(score=")
    assert f"Match: {m.score:.0%}" in m.to_text()


def test_plot_draws_each_posting_skill_in_its_category_colour():
    from matplotlib.colors import to_hex

    m = rolefit.match(BACKEND, DE_POSTING)
    ax = m.plot()
    outline = {p.get_gid().split(":")[1]: p for p in ax.patches
               if (p.get_gid() or "").startswith("posting:")}
    covered = {p.get_gid().split(":")[1]: p for p in ax.patches
               if (p.get_gid() or "").startswith("covered:")}
    assert set(outline) == set(covered) == set(m.posting_skills)
    assert sum(p.get_width() for p in covered.values()) == pytest.approx(m.score)
    table = m.explain().set_index("skill_id")
    for skill_id, patch in covered.items():
        assert to_hex(patch.get_facecolor()) == CATEGORY_COLORS[
            table.loc[skill_id, "category"]][0].lower()
        assert (patch.get_width() > 0) == (table.loc[skill_id, "status"] != "lacks")
    by_name = dict(zip(table["name"], table.index, strict=True))
    widths = [outline[by_name[t.get_text()]].get_width() for t in ax.get_yticklabels()]
    assert widths == sorted(widths, reverse=True)  # largest weight share at the top
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.parametrize("size", [None, (10, 5), (6, 5)])
def test_plot_writes_the_share_each_bar_is_sorted_by(size):
    import itertools

    from matplotlib.figure import Figure

    m = rolefit.match(BACKEND, DE_POSTING + " Deep learning, MongoDB, pandas, Terraform.")
    ax = m.plot(ax=None if size is None else Figure(figsize=size,
                                                    layout="constrained").subplots())
    ax.figure.draw_without_rendering()
    bars = {p.get_gid().split(":")[1]: p for p in ax.patches
            if (p.get_gid() or "").startswith("posting:")}
    values = {t.get_gid().split(":")[1]: t for t in ax.texts
              if (t.get_gid() or "").startswith("share:")}
    assert set(values) == set(bars) == set(m.posting_skills)
    shown = []
    for skill_id, text in sorted(values.items(), key=lambda kv: kv[1].xy[1]):  # top first
        share = bars[skill_id].get_width()
        assert text.xy == (share, bars[skill_id].get_y() + bars[skill_id].get_height() / 2)
        assert text.get_text() == ("<1%" if share < 0.005 else f"{share:.0%}")
        shown.append(0.0 if text.get_text() == "<1%" else float(text.get_text()[:-1]))
    assert shown == sorted(shown, reverse=True) and shown[0] > 0
    # small, readable: no two labels overlap, nor a label and a skill name; all inside
    boxes = [(t.get_text(), t.get_window_extent()) for t in ax.texts]
    names = [(t.get_text(), t.get_window_extent()) for t in ax.get_yticklabels()]
    for (a, box_a), (b, box_b) in itertools.combinations([*boxes, *names], 2):
        assert not box_a.overlaps(box_b), f"{a!r} and {b!r} overlap"
    for text, box in boxes:
        assert ax.bbox.x0 <= box.x0 and box.x1 <= ax.bbox.x1 + 1, f"{text!r} runs out"
    assert all(t.get_fontsize() <= 9 for t in ax.texts)
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.parametrize("xmax", [0.19, 0.27, 0.6])
def test_plot_ticks_are_whole_percents(xmax):
    from matplotlib.figure import Figure

    ax = rolefit.match(BACKEND, DE_POSTING).plot(ax=Figure(figsize=(6, 5)).subplots())
    ax.set_xlim(0, xmax)  # at 19% matplotlib's default ticks fall on 2.5%, 7.5%, ...
    ax.figure.draw_without_rendering()
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    assert labels
    for label in labels:
        shown = float(label.get_text().rstrip("%")) / 100
        assert shown == pytest.approx(label.get_position()[0], abs=1e-9), label.get_text()


def test_plot_tells_missing_skills_apart_by_category():
    from matplotlib.colors import to_hex, to_rgb
    from matplotlib.patches import Patch

    # data engineering, databases and data libraries share a hue: only the hatch differs
    m = rolefit.match(BACKEND, DE_POSTING + " MongoDB, pandas, Kubernetes, Terraform.")
    ax = m.plot()
    table = m.explain().set_index("skill_id")
    lacking = table[table["status"] == "lacks"]
    assert {"data_engineering", "database", "data_library"} <= set(lacking["category"])
    bars = {p.get_gid(): p for p in ax.patches if p.get_gid()}
    looks = {}
    for skill_id, row in table.iterrows():
        color, hatch = CATEGORY_COLORS[row["category"]]
        pale, solid = bars[f"posting:{skill_id}"], bars[f"covered:{skill_id}"]
        # missing part: a pale tint of the colour, outlined and hatched in the colour
        face = np.array(to_rgb(pale.get_facecolor()))
        assert to_hex(pale.get_edgecolor()) == color.lower()
        assert (pale.get_hatch() or "") == hatch
        assert np.allclose(face, 1 - 0.25 * (1 - np.array(to_rgb(color))), atol=1e-6)
        # held part: solid colour, clearly darker than the missing part
        assert to_hex(solid.get_facecolor()) == color.lower()
        assert face.sum() - np.array(to_rgb(color)).sum() > 0.5
        if row["status"] == "lacks":
            looks.setdefault(row["category"], set()).add(
                (to_hex(pale.get_facecolor()), to_hex(pale.get_edgecolor()), pale.get_hatch()))
    assert all(len(v) == 1 for v in looks.values())
    assert len({next(iter(v)) for v in looks.values()}) == len(looks)  # all distinct
    # the legend shows each category drawn, both ways, and what solid and pale mean
    legend = ax.get_legend()
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels[-2:] == ["solid: you have it", "pale, outlined: you lack it"]
    drawn = legend.findobj(Patch)
    for category, (color, hatch) in CATEGORY_COLORS.items():
        if category not in set(table["category"]):
            continue
        assert rolefit.plot.CATEGORY_LABELS[category] in labels
        assert any(to_hex(p.get_facecolor()) == color.lower() and (p.get_hatch() or "") == hatch
                   for p in drawn)
        assert any(to_hex(p.get_edgecolor()) == color.lower()
                   and (p.get_hatch() or "") == hatch
                   and to_hex(p.get_facecolor()) != color.lower() for p in drawn)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_plot_of_a_low_signal_match_says_so():
    import matplotlib.pyplot as plt

    ax = rolefit.match(BACKEND, SALES_POSTING).plot()
    assert any("Not enough signal" in t.get_text() for t in ax.texts)
    plt.close("all")


def test_a_trained_model_is_used(tmp_path):
    from test_build import POSTINGS, write

    from rolefit.build import cli as build_cli

    postings = write(tmp_path / "postings.csv", POSTINGS)
    assert build_cli.main(["train", "--postings", str(postings), "-o",
                           str(tmp_path / "mine")]) == 0
    m = rolefit.match(BACKEND, DE_POSTING, model=tmp_path / "mine.npz")
    assert m.role in {"data_analyst", "data_engineer", "ml_engineer"}
    assert round(m.explain()["contribution"].sum(), 12) == round(m.score, 12)


# -- the command line -------------------------------------------------------------------------
@pytest.fixture
def files(tmp_path):
    (tmp_path / "resume.txt").write_text(BACKEND, encoding="utf-8")
    (tmp_path / "posting.txt").write_text(DE_POSTING, encoding="utf-8")
    (tmp_path / "sales.txt").write_text(SALES_POSTING, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "folder.png").mkdir()
    return tmp_path


def test_cli_text_and_json(files, capsys):
    assert cli.main(["match", str(files / "resume.txt"), str(files / "posting.txt")]) == 0
    out = capsys.readouterr().out
    assert "Typical Data Engineer posting" in out and "Match: " in out
    assert "You lack" in out and "Apache Kafka" in out
    assert cli.main(["match", "--person-skills", "python, sql, spark",
                     str(files / "posting.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["person"]["skills"] == ["python", "spark", "sql"]
    assert data["posting"]["excluded"]["negated"] == ["java"]
    assert sum(r["contribution"] for r in data["explain"]) == pytest.approx(data["score"])


def test_cli_reports_corrections_and_trims_listed_items(files, capsys):
    argv = ["match", "--person-skills", "python, qwertyzz, pytroch", str(files / "posting.txt")]
    assert cli.main(argv) == 0
    err = capsys.readouterr().err
    assert "rolefit: read 'pytroch' as PyTorch\n" in err
    assert "rolefit: not recognised: 'qwertyzz'" in err  # was ' qwertyzz', space and all
    assert cli.main([*argv, "--json"]) == 0
    person = json.loads(capsys.readouterr().out)["person"]
    assert person["corrections"] == {"pytroch": "pytorch"}
    assert person["unknown"] == {"qwertyzz": []} and person["skills"] == ["python", "pytorch"]


def test_cli_chart(files, capsys):
    out = files / "chart.png"
    assert cli.main(["match", str(files / "resume.txt"), str(files / "posting.txt"),
                     "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in files.iterdir() if p.name.startswith(".")) == []


def test_cli_low_signal_posting_is_one_line(files, capsys):
    assert cli.main(["match", str(files / "resume.txt"), str(files / "sales.txt")]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("Not enough signal") and "Match:" not in "\n".join(out)


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["{d}/resume.txt", "{d}/missing.txt"], "no such file"),
     (["{d}/resume.txt", "{d}/empty.txt"], "is empty"),
     (["{d}/resume.txt", "{d}/binary.bin"], "binary"),
     (["{d}/posting.txt"], "two files"),
     (["--person-skills", "python", "{d}/resume.txt", "{d}/posting.txt"], "posting file"),
     (["{d}/resume.txt", "{d}/posting.txt", "-o", "{d}/chart.pdf"], "must end in .png"),
     (["{d}/resume.txt", "{d}/posting.txt", "--model", "{d}/nope.npz"], "nope"),
     (["-", "-"], "only one"),
     (["{d}/resume.txt", "{d}/posting.txt", "-o", "{d}/folder.png"], "is a directory"),
     (["--person-skills", " , ", "{d}/posting.txt"], "empty")],
)
def test_cli_bad_input_exits_2_with_one_line(files, capsys, argv, message):
    argv = [a.format(d=files) for a in argv]
    assert cli.main(["match", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("rolefit: error: ") and message in err
    assert not (files / "chart.pdf").exists()


def test_a_dict_is_refused_not_read_by_its_keys():
    with pytest.raises(TypeError, match="the person got a dict"):
        rolefit.match({"python": 1, "sql": 2}, "We need Python and SQL")
    with pytest.raises(TypeError, match="the posting got a dict"):
        rolefit.match(["python"], {"python": 1})


def test_lacks_n_is_checked():
    m = rolefit.match(["python", "sql"], "We need Python, SQL, Docker and Kubernetes")
    assert len(m.lacks(n=1)) == 1 and len(m.lacks(n=None)) == len(m.lacks()) == 2
    with pytest.raises(ValueError, match="n must be a whole number >= 0, got -1"):
        m.lacks(n=-1)  # returned all but the last
    with pytest.raises(TypeError, match="n must be None or a whole number"):
        m.lacks(n=1.5)
    with pytest.raises(TypeError, match="n must be a whole number"):
        m.to_text(n="3")


def test_a_person_string_that_looks_like_a_skill_list_is_read_as_one():
    m = rolefit.match("python, docker, pytroch, foo bar baz", ML_POSTING)
    assert m.person.kind == "list"
    assert m.person.corrections == {"pytroch": "pytorch"}
    assert list(m.person.unknown) == ["foo bar baz"]
    assert m.person.skills == rolefit.score("python, docker, pytroch, foo bar baz").skills
    assert rolefit.match(BACKEND, ML_POSTING).person.kind == "text"


def test_match_chart_marks_a_lacking_skill_being_learned():
    from matplotlib.figure import Figure

    m = rolefit.match("Python, SQL, Docker. Currently learning PyTorch.",
                      "ML engineer: Python, PyTorch, Docker, Kubernetes, MLOps.")
    ax = Figure().subplots()
    m.plot(ax=ax)
    labels = [t.get_text() for t in ax.texts]
    assert labels.count("lacks (learning)") == 1 and "has" in labels


def test_match_chart_file_is_readable_like_the_other_outputs(tmp_path):
    import stat

    posting = tmp_path / "posting.txt"
    posting.write_text("ML engineer: Python, PyTorch, Docker, Kubernetes.")
    out = tmp_path / "m.png"
    assert cli.main(["match", "--person-skills", "python, docker", str(posting),
                     "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_match_chart_title_stays_inside_a_narrow_figure():
    from matplotlib.figure import Figure

    m = rolefit.match(["python", "sql", "docker"],
                      "ML engineer: Python, PyTorch, Docker, Kubernetes, MLflow, SQL, Spark.")
    fig = Figure(figsize=(6, 5), layout="constrained")
    m.plot(ax=fig.subplots())
    fig.canvas.draw()
    box = fig.axes[0].title.get_window_extent()
    assert box.x0 >= 0 and box.x1 <= fig.bbox.width  # it was cut off at both ends
