"""score(): ranking, explanation, gaps, plan, questions, output, and its invariants."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rolefit
from rolefit import NoSkillsError

ML = ["Python", "PyTorch", "Docker", "SQL", "k8s"]
ROLE_IDS = list(rolefit.roles().index)
SKILL_IDS = list(rolefit.skills().index)


def test_issue_example():
    fit = rolefit.score(ML)
    assert fit.top == "ml_engineer"
    ranking = fit.ranking
    assert list(ranking.index) == fit.order
    assert set(ranking.index) == set(ROLE_IDS)
    assert ranking["score"].is_monotonic_decreasing  # the order follows the number shown
    assert ranking["proba"].is_monotonic_decreasing
    assert {"title", "score", "proba", "matched", "missing", "salary_min_usd",
            "salary_max_usd", "adjacent"} <= set(ranking.columns)
    assert ranking.loc["ml_engineer", "salary_min_usd"] == 160_000
    assert ranking.loc["data_analyst", "adjacent"]


@pytest.mark.parametrize(
    ("skills", "top"),
    [
        (["spark", "airflow", "kafka", "snowflake", "sql", "python", "dbt"], "data_engineer"),
        (["sql", "pandas", "scikit-learn", "statistics", "a/b testing", "hypothesis testing"],
         "data_scientist"),
        (["hugging face", "langchain", "llm", "rag", "prompt engineering", "python"],
         "ai_engineer"),
        (["pytorch", "jax", "latex", "linear algebra", "publications", "research papers"],
         "research_scientist"),
        (["excel", "tableau", "power bi", "sql"], "data_analyst"),
    ],
)
def test_archetypes_rank_their_role_first(skills, top):
    assert rolefit.score(skills).top == top


def test_explain_contributions_add_up_for_every_role():
    fit = rolefit.score(ML)
    for role in ROLE_IDS:
        table = fit.explain(role)
        assert table["contribution"].sum() == pytest.approx(fit.scores[role], abs=1e-9)
        assert table.iloc[-1]["skill_id"] == "(baseline)"
        assert table["contribution"].iloc[:-1].is_monotonic_decreasing
        assert (table["contribution"] >= 0).all()
    deep = fit.explain("ml_engineer").set_index("skill_id")
    if "deep_learning" in deep.index:
        assert deep.loc["deep_learning", "via"] == ("pytorch",)


def test_gain_is_exact_score_increase():
    fit = rolefit.score(ML)
    gaps = fit.gaps("ml_engineer")
    assert list(gaps.columns)[:5] == ["skill_id", "name", "category", "gain", "implied_gain"]
    for row in gaps.head(8).itertuples():
        better = rolefit.score([*ML, row.skill_id])
        assert better.scores["ml_engineer"] - fit.scores["ml_engineer"] == pytest.approx(
            row.gain + row.implied_gain
        )
    # in gain order, except a skill moved ahead of the tool that implies it, and rare or soft
    # skills kept out of the first five
    ordered = gaps[gaps["needed_for"].isna() & ~gaps["rare"] & (gaps["category"] != "soft_skill")]
    assert ordered["gain"].is_monotonic_decreasing
    assert not set(gaps["skill_id"]) & set(fit.skills)
    assert gaps["step"].notna().any()


_SKILL_IDS = rolefit.skills().index.tolist()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_SKILL_IDS), min_size=2, max_size=12, unique=True))
def test_every_row_out_of_gain_order_says_why(skills):
    fit = rolefit.score(skills)
    for role in fit.scores:
        gaps = fit.gaps(role)
        # the rows without a note are in gain order ...
        assert gaps.loc[gaps["order_note"].isna(), "gain"].is_monotonic_decreasing
        # ... and a note names a tool further down, or a rule that moved the row down
        where = {s: k for k, s in enumerate(gaps["skill_id"])}
        name = dict(zip(gaps["skill_id"], gaps["name"], strict=True))
        for k, row in enumerate(gaps.itertuples()):
            if isinstance(row.order_note, str) and row.order_note.startswith("before "):
                assert row.order_note == f"before {name[row.needed_for]}"
                assert where[row.needed_for] > k
            elif isinstance(row.order_note, str):
                assert row.order_note.startswith(("rare:", "soft skill:"))
                assert k >= 5 and (row.rare or row.category == "soft_skill")


def test_gaps_default_role_is_best_target():
    fit = rolefit.score(["excel", "tableau", "sql"])
    assert fit.top == "data_analyst"
    assert fit.target != "data_analyst"
    assert len(fit.gaps(n=3)) == 3


def test_plan_uses_the_roadmap_and_marks_covered_steps():
    fit = rolefit.score(["java", "python", "git", "docker", "mlflow", "rest api"])
    plan = fit.plan("ml_engineer")
    assert (plan["roadmap_id"] == "software_engineer_to_ml_engineer").all()
    assert plan["step"].is_monotonic_increasing
    assert plan["covered"].dtype == bool
    covered = plan[plan["covered"]]
    for row in covered.itertuples():
        assert row.missing == ()


def test_plan_without_a_guide_roadmap_is_generated_prerequisites_first():
    fit = rolefit.score(["sql"])
    plan = fit.plan("ai_engineer")
    assert plan["roadmap_id"].isna().all()
    learned = [s for skills in plan["skills"] for s in skills]
    if "python" in learned and "langchain" in learned:
        assert learned.index("python") < learned.index("langchain")


ANALYST = ["excel", "tableau", "power bi", "sql", "python", "pandas"]


@pytest.mark.parametrize(("role", "source"), [
    ("data_scientist", "shipped roadmap: data analyst to data scientist"),
    # the only roadmap into data engineering starts from backend engineering
    ("data_engineer", "closest shipped roadmap: backend engineer to data engineer"),
    ("ai_engineer", "built from your gaps: no shipped roadmap leads here"),
])
def test_plan_source_says_when_the_roadmap_starts_elsewhere(role, source):
    fit = rolefit.score(ANALYST)
    assert fit.background == "data_analyst"
    assert fit._plan_source(role) == source


def test_background_detection():
    assert rolefit.score(["excel", "tableau", "power bi", "sql"]).background == "data_analyst"
    assert rolefit.score(["latex", "publications", "statistics"]).background == "academic"


def test_questions_grouped_by_type():
    fit = rolefit.score(ML)
    q = fit.questions("data_scientist")
    assert list(q.columns) == ["type", "topic", "skills", "prepared"]
    assert list(q["type"]) == sorted(q["type"])
    assert q["prepared"].dropna().between(0, 1).all()


def test_to_dict_is_json_and_complete():
    fit = rolefit.score([*ML, "pytroch", "qwertyuiop"])
    data = json.loads(fit.to_json())
    assert data["top"] == fit.top
    assert data["unknown"] == {"qwertyuiop": fit.unknown["qwertyuiop"]}
    assert data["corrections"] == {"pytroch": "pytorch"}
    assert [r["role_id"] for r in data["ranking"]] == fit.order


def test_repr_html_and_repr():
    fit = rolefit.score([*ML, "qwertyuiop"])
    page = fit._repr_html_()
    assert "<table>" in page and "ML Engineer" in page and "qwertyuiop" in page
    assert "ML Engineer" in repr(fit)


def test_text_input():
    fit = rolefit.score(rolefit.load_sample_resume())
    assert fit.kind == "text"
    assert {"python", "docker", "kubernetes"} <= set(fit.skills)


@pytest.mark.parametrize(
    ("text", "skills", "unknown", "corrections"),
    [
        ("python, sql, foo bar baz", ["python", "sql"], ["foo bar baz"], {}),
        ("Python, SQL, pytroch", ["python", "pytorch", "sql"], [], {"pytroch": "pytorch"}),
        ("python; qwertyuiop; SQL", ["python", "sql"], ["qwertyuiop"], {}),
        ("Python | Docker | k8s | blorfle", ["docker", "kubernetes", "python"], ["blorfle"],
         {}),
        ("pytroch", ["pytorch"], [], {"pytroch": "pytorch"}),
    ],
)
def test_a_string_that_looks_like_a_skill_list_is_read_as_one(text, skills, unknown,
                                                              corrections):
    fit = rolefit.score(text)
    assert fit.kind == "list"
    assert fit.skills == skills and list(fit.unknown) == unknown
    assert fit.corrections == corrections


@pytest.mark.parametrize("text", [
    "I build ETL pipelines with Spark and Airflow. No Java.",
    "Python, SQL and dashboards for the sales team, five years in a row.",
    "Senior data engineer: Spark, Kafka; learning Rust on weekends, mostly at night.",
    # a resume of short lines: a name and a job title are not skill-list items
    "Jane Doe\nData Analyst\nSkills\nPython\nSQL\nTableau",
    "Python\nDocker\nk8s\n",
])
def test_prose_is_still_read_as_free_text(text):
    fit = rolefit.score(text)
    assert fit.kind == "text" and fit.unknown == {} and fit.corrections == {}
    assert fit.skills == rolefit.extract_skills(text)


@pytest.mark.parametrize(
    ("value", "error", "words"),
    [
        ([], NoSkillsError, "^the skill list is empty$"),
        (["  ", ""], NoSkillsError, r"^the skill list is empty \(its items are blank\)$"),
        (["qwertyuiop"], NoSkillsError, "qwertyuiop"),
        (["no Java"], NoSkillsError, "^the skill list names only denied skills$"),
        ("nothing to see here", NoSkillsError, "no known skill"),
        ("", NoSkillsError, "^the text is empty; pass a resume text or a skill list$"),
        (" \n\t", NoSkillsError, r"^the text is empty \(only whitespace\); pass a resume"),
        ("None", NoSkillsError, "^the text is only 'None', a spelling of a missing value;"),
        (" N/A ", NoSkillsError, "^the text is only 'N/A', a spelling of a missing value;"),
        ("Learning Python and SQL.", NoSkillsError, "being learned: python, sql"),
        ("No Java; learning Rust.", NoSkillsError, "being learned: rust; denied: java"),
        (None, TypeError, "NoneType"),
        (42, TypeError, "int"),
        (b"python", TypeError, "decode"),
        (["python", None], TypeError, "item 1"),
        (["python", float("nan")], TypeError, "item 1"),
    ],
)
def test_bad_input_messages(value, error, words):
    with pytest.raises(error, match=words):
        rolefit.score(value)


@pytest.mark.parametrize("value", ["", "   ", "None", "NA", "null", "-", [], [""]])
def test_empty_and_missing_value_input_is_a_value_error(value):
    # score_many reads these as missing rows (test_batch.py); score says which it is
    with pytest.raises(ValueError, match="empty|spelling of a missing value"):
        rolefit.score(value)


def test_unknown_role_is_named():
    fit = rolefit.score(ML)
    for method in (fit.explain, fit.gaps, fit.plan, fit.questions):
        with pytest.raises(ValueError, match="unknown role 'astronaut'"):
            method("astronaut")


def test_series_and_set_inputs():
    import pandas as pd

    a = rolefit.score(pd.Series(ML)).scores
    b = rolefit.score(set(ML)).scores
    assert a == b == rolefit.score(ML).scores


skill_lists = st.lists(st.sampled_from(SKILL_IDS), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(skill_lists, st.randoms())
def test_order_case_and_duplicates_do_not_matter(skills, rnd):
    base = rolefit.score(skills).scores
    shuffled = list(skills) * 2
    rnd.shuffle(shuffled)
    shouted = [s.upper() if rnd.random() < 0.5 else s for s in shuffled]
    assert rolefit.score(shouted).scores == pytest.approx(base)


@settings(max_examples=60, deadline=None)
@given(skill_lists, st.sampled_from(SKILL_IDS))
def test_adding_a_skill_never_lowers_any_score(skills, extra):
    before = rolefit.score(skills).scores
    after = rolefit.score([*skills, extra]).scores
    for role in ROLE_IDS:
        assert after[role] >= before[role] - 1e-12


@settings(max_examples=60, deadline=None)
@given(skill_lists)
def test_scores_in_unit_interval_and_explained(skills):
    fit = rolefit.score(skills)
    values = np.array(list(fit.scores.values()))
    assert (values >= 0).all()
    assert np.array_equal(np.argsort(-values, kind="stable"),
                          np.argsort(-np.array(list(fit.proba.values())), kind="stable"))
    role = fit.order[0]
    assert fit.explain(role)["contribution"].sum() == pytest.approx(fit.scores[role])


def test_probabilities_follow_the_scores():
    fit = rolefit.score(ML)
    ranking = fit.ranking
    assert ranking["proba"].sum() == pytest.approx(1.0)
    z = ranking["score"].to_numpy()
    expected = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    np.testing.assert_allclose(ranking["proba"], expected)


def test_model_false_is_refused_with_a_reason():
    with pytest.raises(TypeError, match="no longer supported"):
        rolefit.score(ML, model=False)


def test_gaps_carry_market_evidence():
    gaps = rolefit.score(["python", "sql", "java"]).gaps("data_engineer")
    assert {"prevalence", "premium_usd", "premium_pct", "guide", "rare"} <= set(gaps.columns)
    spark = gaps.set_index("skill_id").loc["spark"]
    assert 0 < spark["prevalence"] <= 1 and spark["guide"]


def test_a_dataframe_or_a_dict_is_refused():
    import pandas as pd

    with pytest.raises(TypeError, match="score got a dict, which iterates over its keys"):
        rolefit.score({"a": "python", "b": "sql"})
    with pytest.raises(TypeError, match=r"score got a DataFrame.*score_many\(df"):
        rolefit.score(pd.DataFrame({"skills": ["python", "sql"]}))
    assert rolefit.score(pd.Series(["python", "sql"])).skills == ["python", "sql"]


@pytest.mark.parametrize(("n", "error", "words"), [
    (-1, ValueError, "n must be a whole number >= 0, got -1"),  # gave all but the last
    (1.5, TypeError, "n must be None or a whole number, got 1.5 (float)"),
    ("3", TypeError, "got '3' (str)"),
    (True, TypeError, "got True (bool)"),
])
def test_gaps_n_is_none_or_a_whole_number(n, error, words):
    fit = rolefit.score(["python", "pytorch", "docker", "sql"])
    with pytest.raises(error, match=re.escape(words)):
        fit.gaps("ml_engineer", n=n)
    with pytest.raises(error, match=re.escape(words.replace("n must", "n_gaps must"))):
        fit.to_dict(n_gaps=n)


def test_gaps_n_none_zero_and_numpy():
    fit = rolefit.score(["python", "pytorch", "docker", "sql"])
    every = fit.gaps("ml_engineer")
    assert len(fit.gaps("ml_engineer", n=None)) == len(every) > 3
    assert len(fit.gaps("ml_engineer", n=0)) == 0
    assert len(fit.gaps("ml_engineer", n=np.int64(3))) == 3
    assert len(fit.to_dict(n_gaps=None)["gaps"]) == len(fit.gaps())  # the target role
    assert len(fit.to_dict(n_gaps=2)["gaps"]) == 2


def test_learning_note_says_when_a_learned_skill_is_credited_as_implied():
    fit = rolefit.score("Python and scikit-learn daily. Currently learning machine learning"
                        " and Rust.")
    assert {"machine_learning", "rust"} <= set(fit.learning)
    assert "machine_learning" in fit.implied  # scikit-learn implies it
    note = fit.learning_note()
    assert "Rust (not counted)" in note
    assert "Machine learning (counted only as implied" in note
    assert rolefit.score(["python", "sql"]).learning_note() is None
