"""Hard-wrapped prose reads as the sentences it holds (rolefit._wrap.unwrap)."""

from __future__ import annotations

import textwrap

import pytest

import rolefit
from rolefit._wrap import unwrap

# Paragraphs written for this test, each with a denial or a learning cue whose list a
# wrap at some width splits across lines.
PARAGRAPHS = [
    "Six years building payment APIs in Java and Python. I am bad at statistics and I have "
    "not used PyTorch or TensorFlow yet, and I have no experience with Spark, Kafka or "
    "Airflow, although I know SQL and Docker well.",
    "Dear hiring team, I am applying for the junior data engineer role. I am currently "
    "learning dbt and Snowflake through an online course, and I have never worked with "
    "Kubernetes or Terraform in production; my background is in Excel reporting.",
    "During the interview the candidate explained her Tableau dashboards clearly but could "
    "not answer questions on Apache Airflow or on data modelling, and she said she has "
    "never touched Scala.",
    "Before moving into analytics I taught chemistry for nine years. I know R and ggplot2, "
    "I am taking a beginner course on Python and pandas on weekends, and machine learning "
    "is something I have never studied.",
    "The team does not use Hadoop or Hive any more, and you will not need Java for this "
    "role; the day-to-day work is Python, SQL and Looker, with some exposure to Terraform "
    "for the junior hires.",
    "i dont have any experience with aws or azure and i havent used docker either, but i "
    "write python every day at work and i am comfortable with git and linux.",
]
WIDTHS = [45, 60, 72, 90]


def statuses(text: str) -> list[tuple[str, str]]:
    found = rolefit.find_skills(text)
    return list(zip(found["skill_id"], found["status"], strict=True))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=range(len(PARAGRAPHS)))
def test_wrapped_paragraph_reads_as_one_line(paragraph, width):
    wrapped = textwrap.fill(paragraph, width)
    assert "\n" in wrapped
    assert statuses(wrapped) == statuses(paragraph)


@pytest.mark.parametrize("width", WIDTHS)
def test_wrapped_resume_with_structure_reads_as_unwrapped(width):
    summary = textwrap.fill(PARAGRAPHS[0], width)
    text = f"Maria Lopez\n\nSummary\n{summary}\n\nSkills: java, python, sql\nNever used:\nSpark\n"
    assert statuses(text) == statuses(text.replace(summary, PARAGRAPHS[0]))


def test_unwrap_keeps_offsets():
    for text in [textwrap.fill(p, 50) for p in PARAGRAPHS] + [
        "I have worked with many of the tools\r\nthat the platform team uses every day",
        "",
        "one line",
    ]:
        out = unwrap(text)
        assert len(out) == len(text)
        assert [c for c in out if c not in " \r\n"] == [c for c in text if c not in " \r\n"]


def test_unwrap_joins_a_wrapping_tools_breaks():
    text = textwrap.fill(PARAGRAPHS[2], 60)
    assert unwrap(text) == PARAGRAPHS[2]
    crlf = "I have used Python for years but I have never worked with\r\nKubernetes at all."
    assert unwrap(crlf) == crlf.replace("\r\n", "  ")


@pytest.mark.parametrize(
    "text",
    [
        # a heading over a list, and one item per line
        "Never used\nSpark, Airflow, Kafka, Flink, Kubernetes and a few other tools",
        "Tools I have used in my last two jobs at the bank\nPython\nSQL\nTableau",
        # a line that ends a sentence, a label or a clause
        "I have used Python every day for the last six years at work.\nKafka is next.",
        "These are the tools I have not had a chance to use yet:\nSpark, Kafka and Airflow",
        # a label, a list item or a table row next
        "I have spent most of my time on dashboards and reporting with\nSkills: Python",
        "I have spent most of my time on dashboards and reporting with\n- Tableau\n- Looker",
        # forms and tables: tick boxes, pipes, dotted leaders, aligned columns
        "Experience with Kubernetes in production for at least a year? ☐ Yes ☒ No\n"
        "Experience with Terraform in production for at least a year? ☒ Yes ☐ No",
        "Python ............................. daily at work for six years, no\n"
        "Scala .............................. never",
        "Tool            Used at work   Personal projects   Never used at all\n"
        "Python          x",
        # a text whose lines are all short is not wrapped at a width
        "Docker, Kubernetes and Helm never used\nAWS used a little at work",
    ],
)
def test_unwrap_keeps_breaks_the_writer_made(text):
    assert unwrap(text) == text
