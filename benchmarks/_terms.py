"""Load the term list that the benchmark scripts use: the one rolefit's text matcher uses.

The terms come from :func:`rolefit.skills.text_terms` (built from ``data/skills.csv``, see
``data/README.md``), sorted, so the corpus generator and every tool see the same list in
the same order.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rolefit.skills import text_terms

__all__ = ["SKILLS_CSV", "load_terms", "terms_source"]

SKILLS_CSV = Path(__file__).resolve().parent.parent / "data" / "skills.csv"


def terms_source() -> str:
    """Return a short description of where :func:`load_terms` reads its terms from."""
    return str(SKILLS_CSV)


def load_terms() -> list[tuple[str, str, bool]]:
    """Return the term list as sorted ``(surface, key, case_sensitive)`` triples."""
    return sorted(set(text_terms()))
