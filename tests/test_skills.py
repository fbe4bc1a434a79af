"""Taxonomy, normalisation, suggestions and precise extraction from text."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rolefit
from rolefit.skills import MAX_TEXT_CHARS, parse_skill_list


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("k8s", "kubernetes"),
        ("Kubernetes", "kubernetes"),
        ("torch", "pytorch"),
        ("sklearn", "scikit_learn"),
        ("scikit-learn's", "scikit_learn"),
        ("GCP", "gcp"),
        ("Google Cloud Platform", "gcp"),
        ("LLMs", "llm"),
        ("large language models", "llm"),
        ("A/B testing", "ab_testing"),
        ("C++", "cpp"),
        ("C++17", "cpp"),
        ("C#", "csharp"),
        (".NET", "dotnet"),
        ("Node.js", "nodejs"),
        ("CI/CD", "ci_cd"),
        ("  PyTorch  ", "pytorch"),
        ("pytorch,", "pytorch"),
        ("Python3", "python"),
        ("python 3.11", "python"),
        ("Dockers", "docker"),
        ("R", "r"),
        ("Go", "go"),
        ("golang", "go"),
        ("AWS SageMaker", "aws_sagemaker"),
    ],
)
def test_normalize_forgives_spelling(name, expected):
    assert rolefit.normalize(name) == expected


@pytest.mark.parametrize("name", ["", "   ", "underwater basket weaving", "zzz", "R&D"])
def test_normalize_unknown_is_none(name):
    assert rolefit.normalize(name) is None


def test_normalize_rejects_non_strings():
    with pytest.raises(TypeError, match="string"):
        rolefit.normalize(3)


def test_typos_are_corrected_and_reported():
    parsed = parse_skill_list(["pytroch", "Pandsa", "kubernets"])
    assert parsed.skills == ["pytorch", "pandas", "kubernetes"]
    assert parsed.corrections == {
        "pytroch": "pytorch",
        "Pandsa": "pandas",
        "kubernets": "kubernetes",
    }
    assert parsed.unknown == {}


@pytest.mark.parametrize(
    "item",
    ["Core Data", "Sigma"],  # "Core Java" with both edits in one short word; "Figma"
)
def test_a_real_word_is_not_read_as_a_typo_of_another_name(item):
    parsed = parse_skill_list(["Python", item])
    assert parsed.skills == ["python"]
    assert parsed.corrections == {}
    assert item in parsed.unknown


@pytest.mark.parametrize("item", ["sales", "lisa", "Sales", "javs", "rubi"])
def test_no_typo_fix_onto_a_name_shorter_than_5_characters(item):
    parsed = parse_skill_list(["python", item])  # "sales" was SUSE Linux ("sles")
    assert parsed.corrections == {} and item in parsed.unknown


@pytest.mark.parametrize("item", ["None", "none", "NULL", "NaN", "NA", "N/A", "n/a", "-",
                                  " None "])
def test_missing_value_spellings_are_unknown_never_corrected(item):
    parsed = parse_skill_list(["python", item])  # "None" was read as Node.js
    assert parsed.skills == ["python"]
    assert parsed.corrections == {} and parsed.unknown == {item: []}
    with pytest.raises(rolefit.NoSkillsError, match="none of the skills was recognised"):
        rolefit.score([item])
    out = rolefit.score_many([["python", "sql", item]])
    assert out.loc[0, "unknown"] == (item,) and out.loc[0, "n_skills"] == 2


@pytest.mark.parametrize("item", ["pyt\x00hon", "py\u200bthon", "\x07python", "pyth\xadon"])
def test_an_item_read_after_dropping_a_control_character_is_a_correction(item):
    parsed = parse_skill_list([item, "sql"])  # was read as Python without a word
    assert parsed.skills == ["python", "sql"] and parsed.corrections == {item: "python"}
    assert rolefit.score([item, "sql"]).corrections == {item: "python"}
    assert rolefit.score_many([[item, "sql"]]).loc[0, "corrections"] == ((item, "python"),)


def test_whitespace_and_separating_control_characters_are_not_corrections():
    assert parse_skill_list(["\tpython\n", "sql"]).corrections == {}
    parsed = parse_skill_list(["Python\x00and SQL"])  # the NUL separates two names
    assert parsed.skills == ["python", "sql"] and parsed.corrections == {}


def test_unknown_items_kept_with_suggestions():
    parsed = parse_skill_list(["python", "tensorflw lite extreme", "qwertyuiop"])
    assert parsed.skills == ["python"]
    assert set(parsed.unknown) == {"tensorflw lite extreme", "qwertyuiop"}
    assert "tflite" in parsed.unknown["tensorflw lite extreme"]


def test_list_item_with_several_skills():
    assert parse_skill_list(["Python and SQL"]).skills == ["python", "sql"]


def test_list_item_type_error_names_position():
    with pytest.raises(TypeError, match="item 1 is 3.5"):
        parse_skill_list(["python", 3.5])


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Expert in C++17 and C++/CUDA kernels", {"cpp", "cuda"}, {"c"}),
        ("We use C# and .NET and F# daily", {"csharp", "dotnet", "fsharp"}, set()),
        ("Node.js services with CI/CD", {"nodejs", "ci_cd"}, set()),
        ("ran A/B testing with pre-trained models", {"ab_testing"}, set()),
        ("scikit-learn's API", {"scikit_learn"}, set()),
        ("Strong R&D culture and an R-squared of 0.9", set(), {"r"}),
        ("We program in R and Go.", {"r", "go"}, set()),
        ("Own the go-to-market plan with the C-suite", set(), {"go", "c"}),
        ("This sparked excellent results", set(), {"spark", "excel"}),
        ("Spark and Excel are required", {"spark", "excel"}, set()),
        ("We use Rust, Julia, Ray, Helm and React", {"rust", "julia", "ray", "helm", "react"},
         set()),
    ],
)
def test_extract_hard_cases(text, present, absent):
    found = set(rolefit.extract_skills(text))
    assert present <= found, present - found
    assert not (absent & found), absent & found


def test_extract_is_sorted_unique():
    out = rolefit.extract_skills("Python python PYTHON and SQL")
    assert out == sorted(set(out)) == ["python", "sql"]


def test_find_skills_spans_index_the_text():
    text = "Built RAG apps with LangChain; deployed on k8s. C++17 too."
    frame = rolefit.find_skills(text)
    assert list(frame.columns) == [
        "skill_id", "name", "category", "matched", "start", "end", "status", "cue"
    ]
    for row in frame.itertuples():
        assert text[row.start : row.end] == row.matched
    assert {"rag", "langchain", "kubernetes", "cpp"} <= set(frame["skill_id"])


def test_extract_rejects_non_text_and_huge_text():
    with pytest.raises(TypeError):
        rolefit.extract_skills(None)
    with pytest.raises(ValueError, match="limit"):
        rolefit.extract_skills("a" * (MAX_TEXT_CHARS + 1))


def test_extract_skills_many_equals_one_at_a_time():
    texts = [
        "Python, SQL and dbt; R&D budgets",
        "",
        "We run Spark on k8s. Go to market with C++17/CUDA.",
        "Excel at teamwork. Built dashboards in Excel and Tableau.",
    ] * 3
    assert rolefit.extract_skills_many(texts) == [rolefit.extract_skills(t) for t in texts]
    assert rolefit.extract_skills_many(iter(texts)) == [rolefit.extract_skills(t) for t in texts]
    assert rolefit.extract_skills_many([]) == []


def test_extract_skills_many_keeps_a_series_index_and_name():
    import pandas as pd

    texts = pd.Series(["Python and SQL", "Spark, Airflow"], index=["a", "b"], name="bio")
    out = rolefit.extract_skills_many(texts)
    assert isinstance(out, pd.Series)
    assert out.index.tolist() == ["a", "b"] and out.name == "bio"
    assert out.tolist() == [["python", "sql"], ["airflow", "spark"]]


@pytest.mark.parametrize("status", [None, 3, b"has"])
def test_status_must_be_a_string_or_a_collection_of_strings(status):
    with pytest.raises(TypeError, match="status must be a string or a collection of strings"):
        rolefit.extract_skills_many(["python"], status=status)
    with pytest.raises(TypeError, match="status must be a string or a collection"):
        rolefit.extract_skills("python", status=status)


def test_extract_skills_many_refuses_a_dataframe_or_a_dict():
    import pandas as pd

    with pytest.raises(TypeError, match="got a dict, which iterates over its keys"):
        rolefit.extract_skills_many({"a": "python"})  # gave [[]]: the key "a" was read
    with pytest.raises(TypeError, match=r'got a DataFrame.*df\["text"\]'):
        rolefit.extract_skills_many(pd.DataFrame({"text": ["Python and SQL"]}))


@pytest.mark.parametrize(("texts", "kind"), [(None, "NoneType"), (42, "int")])
def test_extract_skills_many_names_the_argument_when_it_is_not_iterable(texts, kind):
    message = rf"^texts must be an iterable of strings \(a list or a pandas Series\), got {kind}$"
    with pytest.raises(TypeError, match=message):
        rolefit.extract_skills_many(texts)


def test_extract_skills_many_names_the_bad_row(monkeypatch):
    import pandas as pd

    with pytest.raises(TypeError, match=r"text 2 must be a string, got NoneType"):
        rolefit.extract_skills_many(["Python", "SQL", None])
    with pytest.raises(TypeError, match=r"text 'b' must be a string, got float"):
        rolefit.extract_skills_many(pd.Series(["Python", float("nan")], index=["a", "b"]))
    with pytest.raises(TypeError, match="not one string"):
        rolefit.extract_skills_many("Python, SQL")
    from importlib import import_module

    monkeypatch.setattr(import_module("rolefit.skills"), "MAX_TEXT_CHARS", 10)
    with pytest.raises(ValueError, match=r"text 1 is 11 characters; the limit is 10"):
        rolefit.extract_skills_many(["Python", "Python, SQL"])


def test_taxonomy_frame():
    tax = rolefit.skills()
    assert tax.index.is_unique and len(tax) >= 300
    assert set(tax.columns) == {"name", "category", "aliases", "implies", "implies_all", "match"}
    assert "aws" in tax.loc["aws_sagemaker", "implies_all"]


def test_every_alias_normalizes_to_its_skill():
    tax = rolefit.skills()
    for skill_id, row in tax.iterrows():
        for alias in (row["name"], *row["aliases"]):
            assert rolefit.normalize(alias) == skill_id, (alias, skill_id)


@given(st.text(max_size=300))
def test_find_skills_any_text(text):
    frame = rolefit.find_skills(text)
    for row in frame.itertuples():
        assert text[row.start : row.end] == row.matched
    assert sorted(set(frame["skill_id"])) == rolefit.extract_skills(text)


@pytest.mark.parametrize(
    ("items", "skills", "learning", "denied"),
    [
        (["no Java", "Python", "SQL"], ["python", "sql"], (), ("java",)),
        (["Python, no Java", "SQL"], ["python", "sql"], (), ("java",)),
        (["Python", "SQL", "learning Spark"], ["python", "sql"], ("spark",), ()),
        (["Python", "Spark (beginner)", "SQL"], ["python", "sql"], ("spark",), ()),
        (["Python and SQL", "Tableau"], ["python", "sql", "tableau"], (), ()),
        # a skill held in one item and denied in another is held
        (["Python", "no Python 2", "SQL"], ["python", "sql"], (), ()),
    ],
)
def test_skill_list_items_that_deny_or_are_learning_do_not_count(items, skills, learning,
                                                                 denied):
    fit = rolefit.score(items)
    assert fit.skills == skills and fit.learning == learning and fit.denied == denied
    assert fit.unknown == {}  # named and denied is not unknown
    row = rolefit.score_many([items]).iloc[0]
    assert row["n_skills"] == len(skills) and row["n_unknown"] == 0


def test_suggest_checks_its_arguments():
    assert rolefit.suggest("pytroch", n=0) == []
    assert rolefit.suggest("pytroch", n=1) == ["pytorch"]
    with pytest.raises(ValueError, match="n must be a whole number >= 0, got -1"):
        rolefit.suggest("pytroch", n=-1)  # was a RuntimeError from rapidfuzz
    with pytest.raises(TypeError, match="n must be a whole number, got 1.5"):
        rolefit.suggest("pytroch", n=1.5)
    with pytest.raises(TypeError, match="skill name must be a string, got NoneType"):
        rolefit.suggest(None)  # was an AttributeError


def test_check_count():
    from rolefit.skills import check_count

    assert check_count(np.int64(2), "n") == 2 and type(check_count(np.int64(2), "n")) is int
    assert check_count(None, "n", none=True) is None
    with pytest.raises(TypeError, match="n must be a whole number, got None"):
        check_count(None, "n")
    with pytest.raises(ValueError, match="chunksize must be a whole number >= 1, got 0"):
        check_count(0, "chunksize", minimum=1)
    with pytest.raises(ValueError, match="gaps must be at most 50, got 51"):
        check_count(51, "gaps", maximum=50)
