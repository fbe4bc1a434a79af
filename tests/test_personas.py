"""Fictional personas and the roles a career coach would accept for them.

Written for this test (no dataset rows): each persona is a skill list or a short resume
text, with the roles a coach would accept as the best fit (``top``) and as the target
among the five AI/data roles (``target``). The model must agree with the coach on every
one; a failure here is a recommendation a person would not trust.
"""

from __future__ import annotations

import pytest

import rolefit

PERSONAS = [
    # (name, input, acceptable top roles, acceptable target roles)
    ("java backend", ["Java", "Spring Boot", "PostgreSQL", "Kafka", "Docker", "REST APIs",
                      "microservices"],
     {"software_engineer", "data_engineer"}, {"data_engineer", "ml_engineer", "ai_engineer"}),
    ("bi analyst", ["Power BI", "DAX", "Excel", "SQL"],
     {"data_analyst"}, {"data_scientist", "data_engineer"}),
    ("physicist", ["Python", "NumPy", "statistics", "publications", "LaTeX", "C++",
                   "Monte Carlo"],
     {"research_scientist", "data_scientist"}, {"research_scientist", "data_scientist"}),
    ("vision specialist", ["Python", "PyTorch", "OpenCV", "computer vision",
                           "object detection", "image segmentation"],
     {"ml_engineer", "ai_engineer"}, {"ml_engineer", "ai_engineer"}),
    ("nlp specialist", ["Python", "Hugging Face", "transformers", "NLP", "spaCy",
                        "text classification"],
     {"ai_engineer", "ml_engineer"}, {"ai_engineer", "ml_engineer"}),
    ("llm app developer", ["Python", "LangChain", "RAG", "OpenAI API", "vector database",
                           "FastAPI"],
     {"ai_engineer"}, {"ai_engineer"}),
    ("mlops engineer", ["Python", "Docker", "Kubernetes", "MLflow", "Kubeflow", "CI/CD",
                        "Terraform"],
     {"ml_engineer"}, {"ml_engineer"}),
    ("data engineer", ["Python", "Spark", "Airflow", "dbt", "Snowflake", "Kafka", "SQL"],
     {"data_engineer"}, {"data_engineer"}),
    ("data scientist", ["Python", "pandas", "scikit-learn", "statistics", "A/B testing",
                        "SQL", "XGBoost"],
     {"data_scientist"}, {"data_scientist"}),
    ("ml researcher", ["Python", "PyTorch", "JAX", "publications", "research papers",
                       "transformers", "deep learning"],
     {"research_scientist"}, {"research_scientist"}),
    ("frontend developer", ["JavaScript", "React", "TypeScript", "CSS", "Node.js"],
     {"software_engineer"}, {"ai_engineer", "ml_engineer", "data_engineer"}),
    ("r statistician", ["R", "statistics", "hypothesis testing", "regression", "SAS"],
     {"data_scientist", "data_analyst"}, {"data_scientist"}),
    ("resume text, analyst", "Senior analyst. Daily work in Excel and SQL; I build Tableau "
     "dashboards for the sales team and present them to the board.",
     {"data_analyst"}, {"data_scientist", "data_engineer"}),
    ("resume text, denied ml", "Backend developer: Go, PostgreSQL, Docker and Kubernetes in "
     "production. No experience with PyTorch or machine learning yet.",
     {"software_engineer"}, {"data_engineer", "ml_engineer", "ai_engineer"}),
]


@pytest.mark.parametrize(("name", "given", "tops", "targets"), PERSONAS,
                         ids=[p[0] for p in PERSONAS])
def test_persona_gets_a_role_a_coach_accepts(name, given, tops, targets):
    fit = rolefit.score(given)
    assert not fit.low_signal, name
    assert fit.top in tops, (name, fit.ranking[["score", "proba"]])
    assert fit.target in targets, (name, fit.ranking[["score", "proba"]])


@pytest.mark.parametrize("given", [
    ["Team player", "communication", "leadership"],
    ["Python"],
    "Motivated team player with strong communication and leadership skills.",
])
def test_not_enough_signal_gives_no_target(given):
    fit = rolefit.score(given)
    assert fit.low_signal and fit.top is None and fit.target is None
    assert "Not enough signal" in repr(fit)
    with pytest.raises(ValueError, match="not enough signal"):
        fit.gaps()
    with pytest.raises(ValueError, match="not enough signal"):
        fit.plan()
    assert fit.to_dict()["gaps"] == [] and fit.to_dict()["target"] is None
    assert len(fit.gaps("data_engineer")) > 0  # a role named explicitly still works


def test_niche_tools_are_not_first_gaps():
    fit = rolefit.score(["Python", "PyTorch", "Docker", "SQL", "k8s"])
    first = fit.gaps("ml_engineer", n=5)
    assert not first["rare"].any()
    assert not {"tfx", "evidently_ai"} & set(first["skill_id"])
    assert (first["category"] != "soft_skill").all()


def test_analyst_learns_machine_learning_before_churn_prediction():
    gaps = list(rolefit.score(["Power BI", "DAX", "Excel", "SQL"]).gaps("data_scientist")
                ["skill_id"])
    assert "python" in gaps[:5]
    assert gaps.index("machine_learning") < gaps.index("churn_prediction")


def test_published_physicist_is_not_told_to_read_papers():
    fit = rolefit.score(["Python", "NumPy", "statistics", "publications", "LaTeX"])
    gaps = set(fit.gaps("research_scientist")["skill_id"])
    assert not {"research_papers", "academic_writing", "publications"} & gaps


@pytest.mark.parametrize("given", [p[1] for p in PERSONAS])
def test_gaps_never_repeat_what_the_person_has(given):
    fit = rolefit.score(given)
    for role in fit.scores:
        gaps = set(fit.gaps(role)["skill_id"])
        assert not gaps & set(fit.skills), role
        assert not gaps & set(fit.implied), role


def test_a_tool_comes_after_the_missing_ideas_it_implies():
    from rolefit._data import knowledge

    closure = knowledge().closure
    fit = rolefit.score(["Java", "SQL", "Docker"])
    for role in ("data_engineer", "ml_engineer", "ai_engineer"):
        order = list(fit.gaps(role)["skill_id"])
        where = {s: i for i, s in enumerate(order)}
        for skill in order:
            for implied in closure[skill]:
                if implied in where and implied != skill:
                    assert where[implied] < where[skill], (role, skill, implied)
