"""Words that typesetting broke are read whole (rolefit._mend): a hyphen at a line end, a
soft hyphen, a ligature character. Every text here was written for this test."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rolefit
from rolefit import _negation
from rolefit._mend import hyphen_pairs, mend, mend_map
from rolefit.skills import _mend_words, _names

# (text, {skill: status}): what a resume or a posting copied out of a PDF, a web page or a
# fixed-width wrap holds, and what it says
CASES = [
    # LaTeX hyphenates a long name at a line end
    ("Built streaming pipelines on Apache Kaf-\nka and deployed them with Kuber-\nnetes.",
     {"stream_processing": "has", "kafka": "has", "kubernetes": "has"}),
    ("I have no hands-on experience with Ten-\nsorFlow or PyTorch yet.",
     {"tensorflow": "negated", "pytorch": "negated"}),
    ("Never used Snow-\nflake or dbt; five years of SQL.",
     {"snowflake": "negated", "dbt": "negated", "sql": "has"}),
    ("Currently learn-\ning Spark on weekends; I write Python every day.",
     {"spark": "learning", "python": "has"}),
    # a word broken with the hyphen of the font (U+2010), a Windows line end, an indent
    ("Migrated reporting from Excel to Post\u2010\ngreSQL and Looker.",
     {"excel": "has", "postgresql": "has", "looker": "has"}),
    ("Deployed on Kuber-\r\nnetes with Helm charts.", {"kubernetes": "has", "helm": "has"}),
    ("  * Tools: Terra-\n    form, Ansible, Jenkins",
     {"terraform": "has", "ansible": "has", "jenkins": "has"}),
    # a wrapper broke a compound after its own hyphen: the hyphen stays
    ("Strong problem-\nsolving skills and hands-on work with scikit-\nlearn and Matplotlib.",
     {"problem_solving": "has", "scikit_learn": "has", "matplotlib": "has"}),
    ("We build open-\nsource tooling in Go and Rust, and TensorFlow-\nbased and LLM-\n"
     "powered services.",
     {"open_source": "has", "go": "has", "rust": "has", "tensorflow": "has", "llm": "has"}),
    ("We train large-\nlanguage models on a low-\nlatency Kafka stack.",
     {"llm": "has", "kafka": "has"}),
    # any other word, broken, is a typesetter's: joined without the hyphen
    ("Six years of Java. No experi-\nence with Airflow or Kafka, and I am still explor-\n"
     "ing genera-\ntive AI.",
     {"java": "has", "airflow": "negated", "kafka": "negated", "generative_ai": "learning"}),
    # a soft hyphen (U+00AD), as a web page or a word processor leaves it
    ("Experience with Elastic\xadsearch, Snow\xadflake and Kuber\xad\nnetes.",
     {"elasticsearch": "has", "snowflake": "has", "kubernetes": "has"}),
    # a font's hyphen (U+2010) and a word processor's non-breaking hyphen (U+2011)
    ("Fine\u2011tuning LLMs; T\u2010SQL and scikit\u2011learn.",
     {"llm_fine_tuning": "has", "tsql": "has", "scikit_learn": "has"}),
    # ligature characters, as some PDF viewers copy them
    ("Proﬁcient in SQL; ﬁne-tuning LLMs with Hugging Face; no Tableau or Power BI.",
     {"sql": "has", "llm_fine_tuning": "has", "hugging_face": "has", "tableau": "negated",
      "power_bi": "negated"}),
    # no word is broken: a dash, a date range, list items, a hyphen before a digit
    ("Skills -\nPython, SQL", {"python": "has", "sql": "has"}),
    ("2019-\n2021: analyst at a retailer, Excel and Tableau every day.",
     {"excel": "has", "tableau": "has"}),
    ("- Docker-\n- Kubernetes", {"docker": "has", "kubernetes": "has"}),
    ("Python 3-\n4 years, Java 2 years", {"python": "has", "java": "has"}),
]


def statuses(text: str) -> dict[str, str]:
    found = rolefit.find_skills(text)
    out: dict[str, str] = {}
    rank = {"has": 0, "learning": 1, "negated": 2}
    for skill, status in zip(found["skill_id"], found["status"], strict=True):
        if skill not in out or rank[status] < rank[out[skill]]:
            out[skill] = status
    return out


@pytest.mark.parametrize(("text", "expected"), CASES, ids=range(len(CASES)))
def test_broken_words_read_whole(text, expected):
    assert statuses(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=range(len(CASES)))
def test_mentions_point_into_the_text_as_given(text, expected):
    found = rolefit.find_skills(text)
    for matched, start, end in zip(found["matched"], found["start"], found["end"], strict=True):
        assert text[start:end] == matched
        assert matched[0].isalnum() and matched[-1].isalnum()


def test_a_broken_name_is_matched_across_the_break():
    text = "Ran Kuber-\nnetes and Tensor-\n  Flow; ﬂask apps; Py\xadthon"
    found = rolefit.find_skills(text)
    assert found["matched"].tolist()[:2] == ["Kuber-\nnetes", "Tensor-\n  Flow"]
    assert "Py\xadthon" in found["matched"].tolist()


def test_every_entry_point_reads_the_mended_text():
    texts = [text for text, _ in CASES]
    one_by_one = [rolefit.extract_skills(t, status=("has", "learning", "negated"))
                  for t in texts]
    assert rolefit.extract_skills_many(texts, status=("has", "learning", "negated")) == (
        one_by_one)
    assert one_by_one == [sorted(expected) for _, expected in CASES]
    assert rolefit.score("No experience with Kuber-\nnetes; Python daily").denied == (
        "kubernetes",)


def test_the_words_mend_knows_come_from_skill_names_and_cue_wordings():
    joins, keeps = _mend_words()
    assert {"kubernetes", "tensorflow", "postgresql", "learning", "never"} <= joins
    assert {"problem-solving", "end-to", "to-end", "scikit-learn"} <= keeps
    assert "problemsolving" not in joins and "experi-ence" not in keeps


@pytest.mark.parametrize("text", [
    "", "Python, SQL and Spark", "5-10 years", "a - b\n- c", "café - naïve\n",
    "Senior ML Engineer — Berlin\n• PyTorch\n• Kubernetes",
])
def test_a_text_with_nothing_to_mend_is_returned_as_is(text):
    assert mend(text) is text
    assert mend_map(text) == (text, None)


def test_mend_rules():
    assert mend("Kuber-\nnetes") == "Kubernetes"  # a typesetter's hyphen, by default
    assert mend("a cross-\n  functional team") == "a crossfunctional team"
    assert mend("a cross-\n  functional team", keeps={"cross-functional"}) == (
        "a cross-functional team")
    # the hyphen stays where the words around it name something at it
    def find(segment):  # names "Python", "language models" and "Kuber"
        names = ("Python", "language models", "Kuber")
        return [(m.start(), m.end()) for m in re.finditer("|".join(names), segment)]

    assert mend("Python-\nbased", find=find) == "Python-based"
    assert mend("We train large-\n  language models", find=find) == (
        "We train large-language models")
    assert mend("use Python en-\ngines", find=find) == "use Python engines"
    # a word known whole wins: "Kuber-\nnetes" is Kubernetes
    assert mend("Kuber-\nnetes", joins={"kubernetes"}, find=find) == "Kubernetes"
    assert mend("self-\nstudy", keeps={"self-study"}) == "self-study"
    assert mend("Kuber\xad\nnetes", find=find) == "Kubernetes"  # a soft one: never kept
    assert mend("x \xad\ny and \xad") == "x \ny and "
    assert mend("ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ") == "ff fi fl ffi ffl st st"
    assert mend("end\u2011to\u2010end") == "end-to-end"
    assert mend("C++-\nbased") == "C++-\nbased"  # no letter or digit before the hyphen


def test_hyphen_pairs():
    assert list(hyphen_pairs("end-to-end, a-b c")) == ["end-to", "to-end", "a-b"]


def test_the_hyphenated_words_the_rules_read_are_kept():
    # every hyphenated word that a pattern of the rules spells out (outside a character
    # class) is in HYPHENATED, so a hyphen at a line end between its parts is kept
    spelled = set()
    for value in vars(_negation).values():
        if isinstance(value, re.Pattern):
            source = re.sub(r"\[[^\]]*\]", " ", value.pattern)  # (no "a-z" of a class)
            words = re.findall(r"(?<![\\\w])[A-Za-z]+(?:-[A-Za-z]+)+", source)
            spelled.update(w.lower() for w in words)
    assert spelled and spelled <= _negation.HYPHENATED
    assert "hands-on" in _mend_words()[1]
    assert statuses("I have no hands-\non experience with Docker.") == statuses(
        "I have no hands-on experience with Docker.")


def test_many_broken_words_take_linear_time():
    # 20,000 compounds broken at their hyphen, each looked up in its own few words
    text = "".join(f"Python-\nbased w{i}x-\ny{i}z " for i in range(20_000))
    mended = mend(text, find=lambda s: [(m.start(), m.end()) for m in re.finditer("Python", s)])
    assert mended == "".join(f"Python-based w{i}xy{i}z " for i in range(20_000))


_PIECES = st.sampled_from(
    ["Kuber", "netes", "-", "\n", "\r\n", " ", "  ", "\t", "\xad", "ﬁ", "ﬂ", "\u2010", "\u2011",
     "Python", "a", "1", ",", "é", "SQL"])


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_map_points_each_character_back(text):
    keeps = {"python-a", "kuber-netes"}
    mended, where = mend_map(text, {"kubernetes"}, keeps, _names)
    assert mended == mend(text, {"kubernetes"}, keeps, _names)
    if where is None:
        assert mended == text
        return
    assert len(where) == len(mended) + 1 and where[-1] == len(text)
    assert where == sorted(where)
    for char, at in zip(mended, where, strict=False):
        source = text[at]
        assert char == source or source in "ﬀﬁﬂﬃﬄﬅﬆ" or source in "-\u2010\u2011"
