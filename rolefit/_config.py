"""Process-wide settings: :func:`set_config`, :func:`get_config`, :func:`config_context`.

One setting so far, ``reader``: how a mention's status is decided.

- ``"rules"`` (the default): the cue rules of :mod:`rolefit._negation` alone.
- ``"model"``: the rules, then the learned reader (:mod:`rolefit._statusmodel`) rereads
  every mention they hold without a cue. On the reviewers' sets it keeps about half as
  many denied or learned skills as held, and drops more held ones, at about a tenth of
  the rules' speed (``docs/evaluation.md``, ``docs/performance.md``).

The settings are global to the process (like ``sklearn.set_config``'s, but not per
thread). ``score_many`` on a Dask collection takes them with its graph to the workers;
processes you start yourself begin with the defaults.
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["READERS", "config_context", "get_config", "set_config"]

READERS = ("rules", "model")
_CONFIG = {"reader": "rules"}


def get_config() -> dict:
    """A copy of the current settings: ``{"reader": "rules" | "model"}``."""
    return dict(_CONFIG)


def set_config(reader: str | None = None) -> None:
    """Change the settings for the rest of the process; ``None`` leaves one as it is.

    >>> import rolefit
    >>> rolefit.set_config(reader="model")
    >>> rolefit.get_config()
    {'reader': 'model'}
    >>> rolefit.set_config(reader="rules")
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
    >>> rolefit.extract_skills(text)
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
