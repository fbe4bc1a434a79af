"""Job title -> role rules, used to label public postings and a user's training file.

Research Scientist and AI Engineer exist only in title text in the public postings, so
the rules are regular expressions over titles (:data:`TITLE_RULES`, first match wins).
"""

from __future__ import annotations

import re
from functools import cache

from rolefit._data import knowledge

__all__ = ["AI_TITLE", "RESEARCH_TITLE", "TITLE_RULES", "role_from_title"]

#: Research scientist / engineer titles (also applied, ML and AI scientists).
RESEARCH_TITLE = (
    r"\bresearch\s+(scientist|engineer)s?\b"
    r"|\b(applied|machine\s+learning|ml|ai|deep\s+learning|nlp)\s+(research\s+)?scientists?\b"
)


#: AI engineer titles: "AI", "GenAI", "LLM", "agentic" or "prompt" right before
#: engineer/developer ("Applied AI Engineer", "Generative AI Developer").
AI_TITLE = (
    r"\b(ai|a\.i\.|artificial\s+intelligence|gen\s?ai|generative\s+ai|llm|agentic(\s+ai)?"
    r"|prompt)\s+(engineer|developer)s?\b"
)


#: Title rules in order: the first match wins.
TITLE_RULES = (
    ("research_scientist", RESEARCH_TITLE),
    ("data_engineer", r"\bdata\s+engineer"),
    (
        "ml_engineer",
        r"\b(machine\s+learning|ml|mlops|deep\s+learning|computer\s+vision|nlp)\b"
        r".*\b(engineer|developer)s?\b",
    ),
    ("ai_engineer", AI_TITLE),
    ("data_scientist", r"\bdata\s+scien"),
    ("data_analyst", r"\b(data|bi|business\s+intelligence|analytics|reporting)\s+analyst"),
    (
        "software_engineer",
        r"\bsoftware\s+(engineer|developer)|\b(back-?\s?end|front-?\s?end|full[-\s]?stack)"
        r"\s+(engineer|developer)",
    ),
)


@cache
def _title_rules():
    return tuple((role, re.compile(rx, re.IGNORECASE)) for role, rx in TITLE_RULES)


def role_from_title(title: str) -> str | None:
    """The role id a job title names, by :data:`TITLE_RULES` (first match wins), or None.

    A title that is already a role id or a role's display title maps to that role.

    Examples
    --------
    >>> from rolefit.build.titles import role_from_title
    >>> [role_from_title(t) for t in ("Senior AI Engineer", "AI/ML Engineer",
    ...  "Research Engineer, LLMs", "Sr. Data Analyst", "Head of Sales", "ml_engineer")]
    ['ai_engineer', 'ml_engineer', 'research_scientist', 'data_analyst', None, 'ml_engineer']
    """
    text = " ".join(str(title).split())
    kn = knowledge()
    if text in kn.role_index:
        return text
    for role in kn.roles:
        if text.lower() == role.title.lower():
            return role.id
    for role, rx in _title_rules():
        if rx.search(text):
            return role
    return None
