"""Lower-case names of case-sensitive skills in list context, and prose left alone."""

from __future__ import annotations

import pytest

import rolefit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skills: python, spark, excel, r", ["excel", "python", "r", "spark"]),
        ("Tech stack: go | rust | postgres", ["go", "postgresql", "rust"]),
        ("TOOLS: SPARK, EXCEL, TABLEAU", ["excel", "spark", "tableau"]),
        ("python, spark, excel and r", ["excel", "python", "r", "spark"]),
        ("python; spark; docker", ["docker", "python", "spark"]),
        ("- python\n- spark\n- excel", ["excel", "python", "spark"]),
        ("Languages: python, r (basic), go", ["go", "python"]),
        ("Languages - go, rust, c, r", ["c", "go", "r", "rust"]),  # a dash after the label
        ("spark, excel, r", ["excel", "r", "spark"]),  # nothing but names: a list
        ("excel | go | react", ["excel", "go", "react"]),
    ],
)
def test_list_context_accepts_other_cases(text, expected):
    assert rolefit.extract_skills(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i use spark and excel daily",  # prose: no case signal, no list
        "This sparked excellent results",
        "You will excel at stakeholder work",
        "Own the go-to-market plan with the C-suite",
        "Strong R&D culture and an R-squared of 0.9",
        "rest, relax and go home",  # a list, but of no skill
        "Skills: communication, go to market strategy",
        "Options: a, b, c",
        "Interests: spring skiing, chess",
        "go, sparked, excel at",  # not every item is a name
        "We go, we spark, we excel.",
        "Weekend - go hiking, spark joy",  # a dash after a label that names no skills
    ],
)
def test_prose_keeps_its_protection(text):
    assert "spark" not in rolefit.extract_skills(text)
    assert not set(rolefit.extract_skills(text)) & {"excel", "go", "r", "c", "spring"}


def test_skill_list_items_are_list_context():
    fit = rolefit.score(["python", "spark and excel"])
    assert {"python", "spark", "excel"} <= set(fit.skills)


def test_find_skills_reports_list_mentions_in_text_order():
    found = rolefit.find_skills("Skills: Python, spark, excel")
    assert found["matched"].tolist() == ["Python", "spark", "excel"]
    assert (found["status"] == "has").all()
