"""Process-wide settings: :func:`set_config`, :func:`get_config`, :func:`config_context`.

One setting so far, ``reader``: how a mention's status is decided.

- ``"hybrid"`` (the default): the cue rules of :mod:`rolefit._negation`, then the
  learned reader (:mod:`rolefit._statusmodel`) rereads the mentions they hold without a
  cue that have a cue word in reach: in their line, the line above or their block's
  heading (all of them in a text with a cross mark), and every other mention of a skill
  that the rules deny or find being learned somewhere in the text. Left out in turn, the
  reviewers' sets read this way hold 50 % fewer denied or learned skills than the rules
  and drop three times as many held ones (fewer errors in all); on job postings and
  resumes the model reads 3-8 % of the mentions, and reading costs 1.3-1.6 times the
  rules' CPU (about 2.8 times on generated postings, whose long lines are full of cue
  words) (``docs/evaluation.md``, ``docs/performance.md``).
- ``"rules"``: the cue rules alone, the fastest (the default until 2026-12-01).
- ``"model"``: the rules, then the learned reader rereads every mention they hold
  without a cue: about as accurate as ``"hybrid"``, at about a tenth of the rules' speed.

The settings are global to the process (like ``sklearn.set_config``'s, but not per
thread). ``score_many`` on a Dask collection takes them with its graph to the workers;
processes you start yourself begin with the defaults.
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["READERS", "config_context", "get_config", "set_config"]

READERS = ("hybrid", "rules", "model")
_CONFIG = {"reader": "hybrid"}


def get_config() -> dict:
    """A copy of the current settings: ``{"reader": "hybrid" | "rules" | "model"}``."""
    return dict(_CONFIG)


def set_config(reader: str | None = None) -> None:
    """Change the settings for the rest of the process; ``None`` leaves one as it is.

    >>> import rolefit
    >>> rolefit.set_config(reader="rules")
    >>> rolefit.get_config()
    {'reader': 'rules'}
    >>> rolefit.set_config(reader="hybrid")
    """
    if reader is not None:
        if not isinstance(reader, str) or reader not in READERS:
            raise ValueError(f"reader must be one of {READERS}, got {reader!r}")
        _CONFIG["reader"] = reader


@contextmanager
def config_context(reader: str | None = None):
    """Change the settings inside a ``with`` block, and restore them after it.

    >>> import rolefit
    >>> text = "Bootcamp, week three: today we did pandas groupby."
    >>> rolefit.extract_skills(text)  # (no cue word in reach: the rules' reading)
    ['pandas']
    >>> with rolefit.config_context(reader="model"):
    ...     rolefit.extract_skills(text, status="learning")
    ['pandas']
    """
    old = get_config()
    set_config(reader)
    try:
        yield
    finally:
        _CONFIG.update(old)
