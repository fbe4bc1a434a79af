"""The build: title rules, dataset readers, user postings, shipped tables and evidence,
the rebuild."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rolefit import evidence
from rolefit.build import cli as build_cli
from rolefit.build import datasets, pipeline, titles, training
from rolefit.classifier import read_model
from rolefit.profiles import matrices

REPO = Path(__file__).resolve().parents[1]

POSTINGS = [
    ("title", "skills", "description"),
    ("Data Analyst", "sql, excel, tableau", "We need SQL, Excel and Tableau dashboards."),
    ("Senior Data Analyst", "['sql', 'power bi']", "SQL and Power BI reporting."),
    ("BI Analyst", "excel|sql|looker", "Excel, SQL and Looker."),
    ("Data Analyst II", "sql; tableau", "Tableau and SQL."),
    ("Reporting Analyst", "excel, sql", "Excel and SQL reports."),
    ("Data Analyst", "excel, power bi", "Excel and Power BI."),
    ("Data Analyst", "sql, looker", "SQL and Looker."),
    ("Machine Learning Engineer", "python, pytorch, docker", "Python, PyTorch and Docker."),
    ("ML Engineer", "python, kubernetes, mlflow", "Kubernetes, MLflow, Python."),
    ("Senior ML Engineer", '["pytorch", "aws"]', "PyTorch on AWS."),
    ("MLOps Engineer", "docker, kubernetes, python", "Docker, Kubernetes and Python."),
    ("Machine Learning Engineer", "tensorflow, python", "TensorFlow and Python."),
    ("ML Engineer", "pytorch, cuda", "PyTorch and CUDA."),
    ("Data Engineer", "spark, airflow, kafka", "Spark, Airflow and Kafka pipelines."),
    ("Senior Data Engineer", "spark, snowflake", "Spark and Snowflake."),
    ("Data Engineer", "airflow, dbt, sql", "Airflow, dbt and SQL."),
    ("Data Engineer", "kafka, spark", "Kafka and Spark streaming."),
    ("Data Engineer", "snowflake, airflow", "Snowflake and Airflow."),
    ("Head of Sales", "excel", "Excel."),
    ("Data Engineer", "", "Nothing technical."),
]


def write(path: Path, rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def postings_csv(tmp_path) -> Path:
    return write(tmp_path / "postings.csv", POSTINGS)


# -- labels and parsing ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Senior AI Engineer", "ai_engineer"),
        ("Applied AI Engineer (Startups)", "ai_engineer"),
        ("Generative AI Developer", "ai_engineer"),
        ("AI/ML Engineer", "ml_engineer"),
        ("AI Engineer / Machine Learning Engineer", "ml_engineer"),
        ("MLOps Engineer", "ml_engineer"),
        ("AI Research Engineer - Robotics", "research_scientist"),
        ("Machine Learning Scientist II", "research_scientist"),
        ("Senior Applied Scientist", "research_scientist"),
        ("AI Data Engineer", "data_engineer"),
        ("Lead Data Scientist", "data_scientist"),
        ("BI Analyst", "data_analyst"),
        ("Full-Stack Developer", "software_engineer"),
        ("Senior Software Engineer, AI", "software_engineer"),
        ("Distinguished Engineer", None),
        ("data_scientist", "data_scientist"),
        ("  ai   engineer  ", "ai_engineer"),
    ],
)
def test_role_from_title(title, role):
    assert titles.role_from_title(title) == role


@pytest.mark.parametrize(
    ("value", "items"),
    [
        ("python, sql", ["python", "sql"]),
        ("python|sql; r", ["python", "sql", "r"]),
        ("['python', 'sql']", ["python", "sql"]),
        ('["python", "c++"]', ["python", "c++"]),
        ("", []),
        ("['python', 'sql'", None),
        ("[1, 2]", None),
        ("{'a': 1}", ["{'a': 1}"]),
    ],
)
def test_parse_list(value, items):
    assert training._parse_list(value) == items


def test_unreadable_yaml_posting_is_named_and_left_out(tmp_path):
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "ok.yaml").write_text(
        "job_id: 1\ntitle: AI Engineer\ncompany: Acme\nskills:\n  - Python\n"
        "description: |\n  Build agents with LangChain.\nposted_date: 2026-01-02\n"
    )
    (folder / "broken.yaml").write_text("title: AI Engineer\ndescription: |\n  ok\nno colon\n")
    summary: dict = {}
    rows, _ = datasets._read_builtin(folder, summary)
    assert len(rows) == 1 and rows[0][3] == "ai_engineer"
    assert list(summary["builtin"]["unreadable"]) == ["broken.yaml"]
    assert "not valid YAML (line" in summary["builtin"]["unreadable"]["broken.yaml"]
    assert summary["builtin"]["files"] == 2


def test_title_is_removed_even_when_wrapped():
    text = "As a Senior AI\n  Engineer you will use Python."
    assert "Engineer" not in datasets._remove_title(text, "Senior AI Engineer")


# -- user postings and rolefit train ---------------------------------------------------------
def test_read_postings_csv_reports_everything(postings_csv):
    ids, roles, report = training.read_postings_csv(postings_csv)
    assert len(ids) == len(roles) == report["kept"] == 18
    assert report["rows"] == 20
    assert dict(report["no_role"]) == {"Head of Sales": 1}
    assert report["no_skill"] == 1
    assert set(roles) == {"data_analyst", "ml_engineer", "data_engineer"}
    assert ("excel", "sql", "tableau") == ids[0]


@pytest.mark.parametrize(
    ("rows", "kwargs", "message"),
    [
        ([("name", "skills"), ("Data Analyst", "sql")], {}, r"row 0, field 'title'"),
        ([("title", "tags"), ("Data Analyst", "sql")], {}, r"row 0, field 'skills'"),
        ([("title", "skills"), ("Data Analyst", "sql"), ("", "excel")], {},
         r"row 2, field 'title'.*empty title"),
        ([("title", "skills"), ("Data Analyst", "sql"), ("ML Engineer", "['python'")], {},
         r"row 2, field 'skills'.*cannot parse"),
        ([("title", "skills"), ("Data Analyst", "sql"), ("Data Analyst", "excel")], {},
         r"field 'title'.*two roles"),
        ([("title", "skills"), ("Chef", "sql")], {}, "no usable row"),
        ([("title", "skills"), ("Data Analyst", "sql", "extra")], {}, "row 1.*fields"),
        ([("title", "skills", "text")], {"skills_column": "skills", "text_column": "text"},
         "not both"),
    ],
    ids=["no-title", "no-skills", "empty-title", "bad-list", "one-role", "no-rows",
         "ragged", "both-columns"],
)
def test_bad_postings_name_file_row_and_column(tmp_path, rows, kwargs, message):
    path = write(tmp_path / "mine.csv", rows)
    with pytest.raises(datasets.PostingsError, match=message) as info:
        training.read_postings_csv(path, **kwargs)
    assert str(info.value).startswith("mine.csv")
    assert isinstance(info.value, ValueError)


def test_train_command_writes_a_model_the_classifier_reads(postings_csv, tmp_path, capsys):
    out = tmp_path / "mymodel.npz"
    status = build_cli.main(["train", "--postings", str(postings_csv), "-o", str(out)])
    assert status == 0
    printed = capsys.readouterr().out
    assert "trained on 18" in printed and "Head of Sales" in printed
    model = read_model(out)
    assert model.classes == ("data_analyst", "data_engineer", "ml_engineer")
    assert model.meta["training"]["rows_per_role"]["data_engineer"] == 5
    assert model.meta["data_versions"]["postings.csv"].startswith("sha256:")
    from rolefit.classifier import load_model

    pipe = load_model(out)
    assert pipe.predict([["spark", "kafka"], ["excel", "tableau"]]).tolist() == [
        "data_engineer", "data_analyst"]


def test_train_on_text_column(postings_csv, tmp_path, capsys):
    out = tmp_path / "text.npz"
    status = build_cli.main(["train", "--postings", str(postings_csv), "--text-column",
                          "description", "-o", str(out)])
    assert status == 0, capsys.readouterr().err
    assert read_model(out).meta["training"]["input"] == "text"


def test_train_command_exits_2_with_the_reason(tmp_path, capsys):
    path = write(tmp_path / "bad.csv", [("title", "skills"), ("Data Analyst", "[oops")])
    status = build_cli.main(["train", "--postings", str(path), "-o", str(tmp_path / "m.npz")])
    assert status == 2
    err = capsys.readouterr().err
    assert "bad.csv, row 1, field 'skills'" in err
    assert not (tmp_path / "m.npz").exists()


def test_no_usable_row_says_what_is_wrong_and_what_to_do(tmp_path):
    path = write(tmp_path / "sales.csv", [("title", "skills"), ("Head of Sales", "excel"),
                                          ("Chef", "knives"), ("Head of Sales", "sql")])
    with pytest.raises(datasets.PostingsError) as info:
        training.read_postings_csv(path)
    message = str(info.value)
    assert "none of the 2 distinct titles names a role (e.g. 'Head of Sales')" in message
    assert "titles must map to one of: ml_engineer (ML Engineer), ai_engineer" in message
    assert "use --title-column" in message
    path = write(tmp_path / "noskill.csv", [("title", "skills"), ("Data Analyst", "foo"),
                                            ("Data Engineer", "bar")])
    with pytest.raises(datasets.PostingsError, match=r"field 'skills'.*the 2 rows whose title "
                       r"names a role have no known skill.*unknown 'foo'.*--skills-column"):
        training.read_postings_csv(path)
    with pytest.raises(datasets.PostingsError, match=r"field 'tags'.*--skills-column"):
        training.read_postings_csv(path, skills_column="tags")
    one = write(tmp_path / "one.csv", [("title", "skills"), ("Data Analyst", "sql")])
    with pytest.raises(datasets.PostingsError, match="add postings of another role"):
        training.read_postings_csv(one)


@pytest.mark.parametrize("output", ["t4.pkl", "t4.json", "t4.NPZ", "my.model"])
def test_train_refuses_an_output_it_would_not_write_as_given(postings_csv, tmp_path, capsys,
                                                             output):
    status = build_cli.main(["train", "--postings", str(postings_csv), "-o",
                             str(tmp_path / output)])
    assert status == 2
    err = capsys.readouterr().err
    assert "must end in .npz or have no suffix" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["postings.csv"]


@pytest.mark.parametrize(("output", "written"), [("t4.npz", "t4"), ("t4", "t4"),
                                                 ("sub/model.v2.npz", "sub/model.v2")])
def test_train_writes_exactly_the_files_it_names(postings_csv, tmp_path, capsys, output,
                                                 written):
    assert build_cli.main(["train", "--postings", str(postings_csv), "-o",
                           str(tmp_path / output)]) == 0
    printed = capsys.readouterr().out
    npz, sidecar = tmp_path / f"{written}.npz", tmp_path / f"{written}.json"
    assert npz.is_file() and sidecar.is_file()
    assert f"wrote {npz} (weights) and {sidecar} (sidecar)" in printed
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert files == sorted(["postings.csv", f"{written}.npz", f"{written}.json"])


def test_train_then_use_the_model_everywhere(postings_csv, tmp_path, capsys):
    """`rolefit train`, then score, gaps, explain, report and match with --model."""
    import json

    from rolefit import cli

    model = tmp_path / "mine.npz"
    assert cli.main(["train", "--postings", str(postings_csv), "-o", str(model)]) == 0
    capsys.readouterr()
    skills = "spark, kafka, airflow, sql"
    assert cli.main(["score", "--skills", skills, "--model", str(model), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["top"] == "data_engineer"
    scores = {r["role_id"]: r["score"] for r in data["ranking"]}
    assert scores["ai_engineer"] is None  # the model knows three roles only
    assert cli.main(["gaps", "--skills", skills, "--model", str(model), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["role"] == "data_engineer"
    assert cli.main(["explain", "--skills", skills, "--model", str(model)]) == 0
    assert "data_engineer: score" in capsys.readouterr().out
    assert cli.main(["report", "--skills", skills, "--model", str(model), "-o",
                     str(tmp_path / "r.html")]) == 0
    assert "n/a" in (tmp_path / "r.html").read_text(encoding="utf-8")
    posting = tmp_path / "posting.txt"
    posting.write_text("Data engineer: Spark, Kafka and Airflow pipelines, SQL, Snowflake.",
                       encoding="utf-8")
    assert cli.main(["match", "--person-skills", skills, str(posting), "--model", str(model),
                     "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["posting"]["role"] == "data_engineer" and 0 < data["score"] <= 1


def test_parsers_can_be_added_to_another_cli():
    import argparse

    parser = argparse.ArgumentParser(prog="rolefit")
    sub = parser.add_subparsers(dest="command")
    build_cli.add_train_parser(sub)
    build_cli.add_evaluate_parser(sub)
    args = parser.parse_args(["train", "--postings", "p.csv", "--text-column", "d", "-o", "m"])
    assert args.func is build_cli.cmd_train and args.text_column == "d"
    args = parser.parse_args(["evaluate", "--bootstrap", "10"])
    assert args.func is build_cli.cmd_evaluate and args.bootstrap == 10


def test_evaluate_without_datasets_exits_2(tmp_path, capsys):
    assert build_cli.main(["evaluate", "--datasets", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err


# -- the shipped tables ----------------------------------------------------------------------
def test_prevalence_table():
    prev = evidence.market_prevalence()
    assert list(prev.columns) == list(evidence.PREVALENCE_COLUMNS)
    assert set(prev.role_id) == set(matrices().role_ids)
    shares = prev.share.dropna()
    assert ((shares >= 0) & (shares <= 1)).all()
    known = prev.dropna(subset=["share"])
    np.testing.assert_allclose(known.share, known.n_postings / known.n_role_postings,
                               atol=1e-6)
    assert (known.n_role_postings >= evidence.MIN_ROLE_POSTINGS).all()
    assert not prev.duplicated(["role_id", "skill_id"]).any()
    assert set(prev.onet) <= {"", "hot", "listed", "no"}
    # every skill of every profile is listed, asked for or not
    from rolefit import role_profiles

    profile = set(zip(role_profiles().role_id, role_profiles().skill_id, strict=True))
    assert profile <= set(zip(prev.role_id, prev.skill_id, strict=True))


def test_salary_premiums():
    prem = evidence.salary_premiums()
    assert list(prem.columns) == list(evidence.PREMIUM_COLUMNS)
    assert (prem.n_with >= evidence.MIN_SALARY_POSTINGS).all()
    assert (prem.n_without >= evidence.MIN_SALARY_POSTINGS).all()
    assert (prem.premium_usd == prem.median_with_usd - prem.median_without_usd).all()
    np.testing.assert_allclose(
        prem.premium_pct, 100 * prem.premium_usd / prem.median_without_usd, atol=0.01
    )
    plain = evidence.salary_premium_dict()
    first = prem.iloc[0]
    assert plain[(first.role_id, first.skill_id)]["n_with"] == first.n_with


@pytest.mark.parametrize("role", matrices().role_ids)
def test_gap_evidence(role):
    found = evidence.gap_evidence(role)
    from rolefit import role_profiles

    profile = role_profiles()
    assert set(profile.loc[profile.role_id == role, "skill_id"]) <= set(found)
    for skill, ev in found.items():
        assert set(ev) == {"prevalence", "n_role_postings", "premium_usd", "premium_pct",
                           "n_with", "guide", "in_profile", "rare"}
        if ev["rare"]:
            assert ev["in_profile"] and ev["prevalence"] < evidence.RARE_SHARE, skill
        if ev["premium_usd"] is not None:
            assert ev["n_with"] >= evidence.MIN_SALARY_POSTINGS


def test_gap_evidence_rejects_unknown_roles():
    with pytest.raises(ValueError, match="unknown role"):
        evidence.gap_evidence("astronaut")


def test_plain_accessors_import_no_pandas():
    code = (
        "import sys\n"
        "from rolefit import evidence\n"
        "ev = evidence.gap_evidence('data_engineer')\n"
        "d = evidence.salary_premium_dict()\n"
        "assert ev and d\n"
        "assert 'pandas' not in sys.modules and 'sklearn' not in sys.modules\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()


def test_shipped_outputs_hold_aggregates_only():
    with (REPO / "data" / evidence.PREVALENCE_FILE).open(newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == evidence.PREVALENCE_COLUMNS
    with (REPO / "data" / evidence.PREMIUM_FILE).open(newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == evidence.PREMIUM_COLUMNS
    meta = read_model().meta
    assert set(meta["classes"]) == set(matrices().role_ids)
    assert meta["trained"] == pipeline.BUILD_DATE
    assert {"skills", "text"} <= set(meta["metrics"])


# -- the public datasets -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def rebuilt(datasets, tmp_path_factory):
    out = tmp_path_factory.mktemp("rebuild")
    summary = pipeline.build(datasets, out)
    return out, summary


@pytest.mark.slow
def test_rebuild_reproduces_the_committed_outputs_byte_for_byte(rebuilt):
    out, _ = rebuilt
    for relative in (f"data/{evidence.PREVALENCE_FILE}", f"data/{evidence.PREMIUM_FILE}",
                     "models/role_classifier.npz", "models/role_classifier.json",
                     "models/MODEL_CARD.md"):
        committed = (REPO / relative).read_bytes()
        assert (out / relative).read_bytes() == committed, (
            f"{relative} differs from a rebuild: run "
            "`python -m rolefit.build build --datasets ../shared/datasets --out .`"
        )


@pytest.mark.slow
def test_pipeline_summary_reports_labels_and_unmapped_terms(rebuilt):
    _, summary = rebuilt
    jobs, built = summary["data_jobs"], summary["builtin"]
    assert jobs["labelled"] > 25_000 and built["labelled"] > 300
    assert jobs["excluded"]["Business Analyst"] > 0
    assert "unmapped_terms" in jobs and built["unmapped_tags"]
    assert sum(built["unmapped_tags"].values()) > 0
    roles = {key.split(":")[1] for key in summary["roles"]}
    assert roles == set(matrices().role_ids)
    assert summary["onet"]["examples"] > 0
