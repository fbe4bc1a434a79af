"""Reading a resume text given on the command line (a path or ``-`` for stdin), and
telling a string that is a skill list from a text (:func:`list_items`).

:func:`read_text` is shared by :mod:`rolefit.cli` and :mod:`rolefit.report`; it refuses
what is not UTF-8 text with a :class:`UsageError` that names the file and the problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MAX_FILE_BYTES = 20_000_000
MAX_ITEM_WORDS = 4  # longer pieces make a separated string a text, not a list
_LIST_SEPARATORS = (";", "|", "\n", ",")
_SENTENCE = re.compile(r"[.!?](?:\s|$)")


class UsageError(Exception):
    """A mistake in the command line or its input files (exit status 2)."""


_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def source_name(source: str) -> str:
    """How messages name an input: ``<stdin>`` for ``-``, else the path (escaped when it
    holds control characters, so that a message stays on one line)."""
    return "<stdin>" if source == "-" else source if source.isprintable() else ascii(source)


def read_text(source: str) -> str:
    """Read a resume text from a path or ``-`` (stdin), refusing binary or non-UTF-8 data."""
    name = source_name(source)
    if source == "-":
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        path = Path(source)
        if path.is_dir():
            raise UsageError(f"{name}: is a directory; give a text file")
        if not path.exists():
            raise UsageError(f"{name}: no such file")
        if not path.is_file():
            raise UsageError(f"{name}: not a regular file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise UsageError(f"{name}: larger than {MAX_FILE_BYTES:,} bytes; split it first")
    if not raw.removeprefix(b"\xef\xbb\xbf"):
        raise UsageError(f"{name}: is empty")
    if raw.startswith(_UTF16_32_BOMS):
        raise UsageError(
            f"{name}: is UTF-16 or UTF-32 text; save it as UTF-8 (e.g. iconv -f utf-16 -t utf-8)"
        )
    if raw.startswith(b"%PDF-"):
        raise UsageError(f"{name}: is a PDF; save its text as a plain UTF-8 file first")
    if b"\x00" in raw[:65536]:
        raise UsageError(f"{name}: looks like a binary file (NUL bytes); give plain text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UsageError(
            f"{name}: not UTF-8 text (line {line}, byte {exc.start}); "
            "save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        ) from None


def list_items(text: str, *, lines: bool = True) -> list[str] | None:
    """The items of a string that looks like a skill list, else None (a text).

    It looks like one when it is split by ``;``, ``|``, a line break or ``,`` (the first
    of these found) into items of at most :data:`MAX_ITEM_WORDS` words, none of them a
    sentence (``.``, ``!`` or ``?`` before a space or at the end), or when it is a lone
    item of at most 3 words: ``"Python, SQL"``, ``"python; sql"``, ``"pytroch"``. With
    ``lines=False`` (how :func:`rolefit.score` reads a string) a string of several lines
    is a text: a resume of short lines ("Jane Doe", "Data Analyst", "Python") is read as
    the text it is, not as a list of a name, a job title and skills.

    >>> from rolefit._input import list_items
    >>> list_items("python, sql, foo bar baz"), list_items("I built ETL pipelines. In Spark.")
    (['python', 'sql', 'foo bar baz'], None)
    """
    text = text.strip()
    if not lines and ("\n" in text or "\r" in text):
        return None
    sep = next((s for s in _LIST_SEPARATORS if s in text), None)
    words = MAX_ITEM_WORDS if sep is not None else 3
    items = []
    for item in [text] if sep is None else text.split(sep):
        item = item.strip()
        if not item:
            continue
        # (split at most `words` times: a long text is turned down at its first item)
        if len(item.split(None, words)) > words or _SENTENCE.search(item):
            return None
        items.append(item)
    return items or None
