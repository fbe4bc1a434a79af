"""The maintained library that reads negation: negspacy's NegEx, as a baseline for the rules.

rolefit's reading of mention statuses (:mod:`rolefit._negation`) is hand-written. The
maintained library for the same job is negspacy (the NegEx algorithm as a spaCy pipeline
component). This module reads the mentions that :func:`rolefit.find_skills` finds with it,
so that both readers judge the same mentions, and only their statuses differ:

* a blank English spaCy pipeline (its tokenizer and rule-based ``sentencizer``; no trained
  model, nothing downloaded) with negspacy's ``negex`` component and one of its termsets
  (``"en"``, general English, by default);
* each mention becomes an entity (widened to whole tokens; mentions that fall in one token,
  "C++/CUDA", share it) and is ``negated`` where NegEx negates that entity, else ``has``.
  NegEx has no status for learning.

``python scripts/reading_eval.py --reader negex`` and ``python scripts/negation_eval.py
--reader negex`` print its figures beside the rules' (``docs/evaluation.md``). It needs the
``compare`` extra (``pip install -e ".[compare]"``: spaCy and negspacy).
"""

from __future__ import annotations

from functools import cache

import rolefit

__all__ = ["TERMSETS", "mentions", "pipeline"]

TERMSETS = ("en", "en_clinical")


@cache
def pipeline(termset: str = "en"):
    """A blank English spaCy pipeline with a sentencizer and negspacy's ``negex`` using
    ``termset`` (one of :data:`TERMSETS`), built once per termset.

    Raises
    ------
    ImportError
        If spaCy or negspacy is not installed (the ``compare`` extra).
    """
    if termset not in TERMSETS:
        raise ValueError(f"termset must be one of {TERMSETS}, got {termset!r}")
    try:
        import spacy
        from negspacy.negation import Negex  # noqa: F401 (registers the "negex" factory)
        from negspacy.termsets import termset as negspacy_termset
    except ImportError as err:
        raise ImportError("the NegEx baseline needs spaCy and negspacy: "
                          'pip install -e ".[compare]"') from err
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("negex", config={"neg_termset": negspacy_termset(termset).get_patterns()})
    return nlp


def mentions(text: str, termset: str = "en") -> list[tuple[int, int, str, str]]:
    """``(start, end, skill_id, status)`` of every mention that :func:`rolefit.find_skills`
    finds in ``text``, in text order, with the status NegEx gives it (``negated`` or
    ``has``)."""
    from spacy.util import filter_spans

    found = rolefit.find_skills(text)
    triples = list(zip(found["start"].tolist(), found["end"].tolist(),
                       found["skill_id"].tolist(), strict=True))
    nlp = pipeline(termset)
    doc = nlp.make_doc(text)
    spans = [doc.char_span(start, end, label=skill, alignment_mode="expand")
             for start, end, skill in triples]
    doc.ents = filter_spans([span for span in spans if span is not None])
    for _, component in nlp.pipeline:
        doc = component(doc)
    # a mention's entity: the one that holds its tokens (one token may hold two mentions)
    negated = [(ent.start, ent.end) for ent in doc.ents if ent._.negex]
    out = []
    for (start, end, skill), span in zip(triples, spans, strict=True):
        hit = span is not None and any(lo <= span.start and span.end <= hi
                                       for lo, hi in negated)
        out.append((start, end, skill, "negated" if hit else "has"))
    return out
