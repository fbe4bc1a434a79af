"""The library baseline of the reading rules: negspacy's NegEx (rolefit.build.negex)."""

from __future__ import annotations

import json

import pytest
from _scripts import load_script

pytest.importorskip("negspacy", reason="the NegEx baseline needs the compare extra "
                                       '(pip install -e ".[compare]")')

import rolefit
from rolefit.build import negex

# resume lines, a chat message, a posting's bullets, a coach's note, a list: both readers
# must judge the same mentions
TEXTS = [
    "No experience with Python or machine learning yet. I have never used Kubernetes.",
    "Not familiar with Spark or Airflow, and no Kubernetes experience",
    "Skills: python, spark, excel, r",
    "hey! been learning dbt + Spark on weekends, SQL is fine tho",
    "Requirements:\n- 3+ years of Python\n- Docker, Kubernetes\n- Nice to have: Rust",
    "She led the Kafka migration but has not used Terraform. C++/CUDA kernels; R&D in R.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_negex_reads_the_mentions_that_find_skills_finds(text):
    found = rolefit.find_skills(text)
    read = negex.mentions(text)
    assert [(s, e, k) for s, e, k, _ in read] == list(zip(
        found["start"].tolist(), found["end"].tolist(), found["skill_id"].tolist(),
        strict=True))
    assert {status for *_, status in read} <= {"has", "negated"}  # NegEx knows no learning


def test_negex_negates_in_its_scope_and_stops_at_a_termination_word():
    statuses = {k: s for _, _, k, s in negex.mentions(
        "I have never used Kubernetes. Python daily; no Java, but strong SQL.")}
    assert statuses == {"kubernetes": "negated", "python": "has", "java": "negated",
                        "sql": "has"}


def test_two_mentions_in_one_token_share_its_status():
    read = negex.mentions("never touched C++/CUDA")
    assert [(k, s) for _, _, k, s in read] == [("cpp", "negated"), ("cuda", "negated")]


def test_a_termset_must_be_one_of_negspacys():
    with pytest.raises(ValueError, match="termset must be one of"):
        negex.pipeline("fr")
    assert negex.mentions("no Docker", termset="en_clinical")[0][3] == "negated"


def test_the_scripts_read_with_negex(capsys):
    assert load_script("scripts/reading_eval.py").main(["b", "--reader", "negex"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[2].startswith("| B | 200 (462) |") and "| - / 0.000 |" in rows[2]
    assert load_script("scripts/negation_eval.py").main(["--reader", "negex", "--summary"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["learning"]["recall"] == 0 and 0 < figures["negated"]["recall"] < 1
