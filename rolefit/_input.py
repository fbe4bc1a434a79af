"""Reading a resume text given on the command line: a path or ``-`` for stdin.

Shared by :mod:`rolefit.cli` and :mod:`rolefit.report`; refuses what is not UTF-8 text
with a :class:`UsageError` that names the file and the problem.
"""

from __future__ import annotations

import sys
from pathlib import Path

MAX_FILE_BYTES = 20_000_000


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
