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
        # a run of bullet items under a heading that names skills, whatever the bullet
        ("Skills\n• spark\n• excel\n• Python", ["excel", "python", "spark"]),
        ("Tech stack:\n- go\n- rust\n- postgres", ["go", "postgresql", "rust"]),
        ("TOOLS\n\uf0b7 spark\n\uf0b7 excel", ["excel", "spark"]),  # a PDF's Symbol-font bullet
        ("SKILLS\n\n• go\n• excel\n", ["excel", "go"]),  # an empty line under the heading
        ("Summary\nAnalyst, 6 years.\n\nTools:\n➢ tableau\n➢ excel\n➢ r",
         ["excel", "r", "tableau"]),
        # a neighbour below a bullet counts when the line above is no bullet
        ("Experience\n- spark\n- excel\n- Python", ["excel", "python", "spark"]),
        # a run of bullet items that are names and nothing else, as "spark, excel, r" is
        ("- spark\n- excel\n- go", ["excel", "go", "spark"]),
        ("• spark\n• excel\n• r\n• tableau", ["excel", "r", "spark", "tableau"]),
        # numbered items: "2." is the item's mark, not the end of a sentence
        ("1. spark\n2. excel\n3. go", ["excel", "go", "spark"]),
        ("1. Python\n2. spark\n3. SQL", ["python", "spark", "sql"]),
        ("Skills\n1) spark\n2) excel", ["excel", "spark"]),
    ],
)
def test_list_context_accepts_other_cases(text, expected):
    assert rolefit.extract_skills(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I use excel and go home",  # two names after a verb of use, but "go home"
        "we use rest and sleep",  # one name only
        "I used to go and swim",
        "I know a chef and a puppet",
        "Learning API automation using Postman and Rest Assured",  # part of a longer name
        "I use spark and excel to build reports",  # ("excel to": a verb's phrase)
        "I use spring water",  # one name, but not the whole object
        "I used to go.",
        "you know, go.",
        "We use spark to process data",
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
        "Hobbies\n- go hiking\n- excel",  # a heading that names no skills
        "Skills\n\nWe go further.\n- go\n- excel",  # prose between the heading and the run
        "We value people who:\n- go the extra mile\n- excel at teamwork",
        "Skills we look for in a person like you.\n- excel\n- go",  # a sentence, no heading
        "- We go home.\n- Python is fun.\n- I excel at it.",  # "go home." ends its item
        "Steps:\n1. go\n2. stop\n3. spark",  # one other item only is a name
        "- go home\n- excel at it\n- spark joy",
    ],
)
def test_prose_keeps_its_protection(text):
    assert "spark" not in rolefit.extract_skills(text)
    assert not set(rolefit.extract_skills(text)) & {"excel", "go", "r", "c", "spring"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i use spark and excel daily", {"spark", "excel"}),
        ("I use Python and excel daily.", {"python", "excel"}),
        ("i know go and rust", {"go", "rust"}),
        ("worked with react or angular", {"react", "angular"}),
        ("Proficient in excel and sheets", {"excel", "google_sheets"}),
        # one name, the whole object of the verb: the clause ends after it, or a word of
        # how often or how well
        ("i use spark daily", {"spark"}),
        ("i use excel every day for work", {"excel"}),
        ("I know swift well.", {"swift"}),
        ("Comfortable with excel, including pivot tables.", {"excel", "pivot_tables"}),
        ("we use go, rust and c for low-level work", {"go"}),
    ],
)
def test_names_after_a_verb_of_use_are_a_list(text, expected):
    # the first name right after "use", "know", "worked with", "proficient in", ...; each
    # other-case spelling an item of its own
    assert set(rolefit.extract_skills(text)) == expected


def test_skill_list_items_are_list_context():
    fit = rolefit.score(["python", "spark and excel"])
    assert {"python", "spark", "excel"} <= set(fit.skills)


def test_find_skills_reports_list_mentions_in_text_order():
    found = rolefit.find_skills("Skills: Python, spark, excel")
    assert found["matched"].tolist() == ["Python", "spark", "excel"]
    assert (found["status"] == "has").all()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a separator that ends its line joins nothing: the same as without it (a case
        # that hypothesis found for the order test in test_hostile.py)
        ("R/Shell Scripting0 ;", ["r"]),
        ("R/Shell Scripting0 |", ["r"]),
        ("R/Shell Scripting0", ["r"]),
        # between two items, it makes a list
        ("R; shell", ["r", "shell_scripting"]),
        ("| R | shell |", ["r", "shell_scripting"]),
    ],
)
def test_a_separator_at_the_end_of_a_line_makes_no_list(text, expected):
    with rolefit.config_context(reader="rules"):
        assert rolefit.extract_skills(text) == expected
