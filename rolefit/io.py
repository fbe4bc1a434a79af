"""Score a whole file of postings or resumes, streaming: ``rolefit score-file``.

A Parquet or CSV file is read in chunks (``pyarrow.parquet.ParquetFile.iter_batches``, the
standard library's ``csv.reader`` in strict mode), each chunk is scored with
:func:`rolefit.score_many`, and the results are appended to a Parquet or CSV file, so
memory stays bounded by the chunk size whatever the size of the file. The output is
written to a temporary file in the output's folder and renamed into place only when every
row was scored: a failed run never leaves a partial file behind.

A cell of the scored column is read as:

* a list (a Parquet list column): a skill list;
* a string that is a Python or JSON list literal, ``"['sql', 'python']"``: a skill list
  (with ``--format auto``, the default, or ``list``; parsed with ``ast.literal_eval``, which
  never runs code);
* with ``--format auto``, a string that looks like a list (the rule of
  :func:`rolefit.score`, :func:`rolefit._input.list_items`): items separated by ``;``,
  ``|``, a line break or ``,`` (the first of these found), each of at most 4 words and no
  sentence, or a lone item of at most 3 words (``"Python, SQL"``, ``"python; sql"``,
  ``"pytroch"``): a skill list, read forgivingly
  (typos corrected and reported in the ``corrections`` column, unknown items reported in
  the ``unknown`` column);
* any other string: a text (``--format auto`` or ``text``) or, with ``--format list``, a
  skill list separated by ``--sep`` (``"sql, python"``). With ``--format text`` every
  string is a text, even one in brackets.

A cell that is neither (an empty cell, a spelling of a missing value such as ``None``,
``NaN``, ``NA``, ``N/A``, ``null`` or ``-`` (:data:`rolefit.skills.MISSING_SPELLINGS`), an
unreadable list literal, or a cell in which no skill is recognised: ``qwerty``, ``[]``,
``1234``) follows ``missing``: ``"raise"`` stops with an error naming it, ``"nan"`` scores
the row as NaN (no target, no gaps).

Every data row of a CSV file gives one output row: a row with more fields than the header
(an unquoted separator in a cell) and a malformed quote (an unterminated one that would
swallow the rows after it) are errors naming the row. Blank lines are skipped; a row with
fewer fields than the header has empty cells.

Problems in the file (empty, binary, not UTF-8, missing column, bad cell) raise
:class:`FileError`, which names the file and, where it applies, the 1-based data row
(header excluded), the column and the value; the command prints it as one line and exits
with status 2.
"""

from __future__ import annotations

import argparse
import ast
import codecs
import contextlib
import csv
import json
import os
import re
import sys
import tempfile
from itertools import islice
from pathlib import Path

from rolefit._input import list_items

__all__ = [
    "FileError",
    "add_score_file_parser",
    "cmd_score_file",
    "read_cells",
    "read_scores",
    "result_schema",
    "score_file",
]

CHUNK_ROWS = 100_000
N_GAPS = 3  # gaps per row written by default (``--gaps``)
MAX_LITERAL_CHARS = 100_000
MAX_CELL_CHARS = 100_000_000  # a longer CSV cell is an error while the file is read
FORMATS = ("auto", "list", "text")
_PARQUET_SUFFIXES = (".parquet", ".pq", ".parq")
_CSV_SUFFIXES = (".csv", ".tsv", ".txt")  # an input named .txt is read as CSV
_OUTPUT_SUFFIXES = (".parquet", ".csv", ".pq", ".parq", ".tsv")  # .tsv: tab-separated
_QUOTED = r"""(?:'[^'\\\n]*'|"[^"\\\n]*")"""
_SIMPLE_LIST = re.compile(rf"\[\s*(?:{_QUOTED}\s*(?:,\s*{_QUOTED}\s*)*,?\s*)?\]")
_ITEM = re.compile(r"""'([^'\\\n]*)'|"([^"\\\n]*)\"""")


class FileError(ValueError):
    """A problem with an input or output file.

    Attributes
    ----------
    file : str
    row : int or None
        1-based data row (the header of a CSV file is not counted), or None.
    column : str or None
    """

    def __init__(self, file, message, row=None, column=None):
        self.file, self.row, self.column = str(file), row, column
        where = self.file
        if row is not None:
            where += f", row {row:,}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")


def result_schema(extra=None, gaps: int = 0):
    """The Arrow schema of a :func:`rolefit.score_many` result, for writing Parquet.

    Parameters
    ----------
    extra : dict, optional
        Columns to put first, as ``{name: pyarrow type}`` (an id column, say).
    gaps : int
        The ``gaps`` of the ``score_many`` call (0: no gap columns).

    Returns
    -------
    pyarrow.Schema
        One float64 column per role, ``target_role`` and ``top_role`` (string),
        ``low_signal`` (bool), ``n_skills`` and ``n_unknown`` (int64), ``unknown``
        (list of strings), ``corrections`` (map of string to string: item -> skill id),
        then ``gap_k`` (string) and ``gain_k`` (float64) for k = 1..gaps.

    Examples
    --------
    >>> import pyarrow as pa
    >>> from rolefit.io import result_schema
    >>> result_schema({"id": pa.int64()}).names[:2]
    ['id', 'ml_engineer']
    >>> str(result_schema().field("unknown").type)
    'list<item: string>'
    """
    import pyarrow as pa

    from rolefit.profiles import matrices

    fields = [pa.field(name, kind) for name, kind in (extra or {}).items()]
    fields += [pa.field(role, pa.float64()) for role in matrices().role_ids]
    fields += [
        pa.field("target_role", pa.string()),
        pa.field("top_role", pa.string()),
        pa.field("low_signal", pa.bool_()),
        pa.field("n_skills", pa.int64()),
        pa.field("n_unknown", pa.int64()),
        pa.field("unknown", pa.list_(pa.string())),
        pa.field("corrections", pa.map_(pa.string(), pa.string())),
    ]
    for k in range(1, gaps + 1):
        fields += [pa.field(f"gap_{k}", pa.string()), pa.field(f"gain_{k}", pa.float64())]
    return pa.schema(fields)


# -- reading ---------------------------------------------------------------------------------
def _kind(path: Path, *, output: bool = False) -> str:
    suffix = path.suffix.lower()
    if output and suffix not in _OUTPUT_SUFFIXES:
        raise FileError(path, "the output must end in .parquet or .csv (or .pq, .parq, "
                        ".tsv)")
    if suffix in _PARQUET_SUFFIXES:
        return "parquet"
    if suffix in _CSV_SUFFIXES:
        return "csv"
    if suffix:
        raise FileError(path, f"cannot read a {suffix} file; give a .parquet (.pq, .parq) "
                        "or .csv (.tsv, .txt) file")
    with path.open("rb") as handle:
        return "parquet" if handle.read(4) == b"PAR1" else "csv"


def _check_input(path: Path) -> str:
    if path.is_dir():
        raise FileError(path, "is a directory; give a .parquet or .csv file")
    if not path.exists():
        raise FileError(path, "no such file")
    if not path.is_file():
        raise FileError(path, "not a regular file (a device, FIFO or socket); give a "
                        ".parquet or .csv file")
    if path.stat().st_size == 0:
        raise FileError(path, "file is empty")
    kind = _kind(path)
    if kind == "csv":
        with path.open("rb") as handle:
            head = handle.read(65536)
        if head.startswith(b"PAR1"):
            raise FileError(path, "is a Parquet file; name it .parquet")
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            raise FileError(path, "is UTF-16 or UTF-32 text; save it as UTF-8 "
                            "(e.g. iconv -f utf-16 -t utf-8)")
        if b"\x00" in head:
            raise FileError(path, "looks like a binary file (NUL bytes), not CSV text")
    return kind


def _utf8_error(path: Path) -> FileError:
    """The :class:`FileError` naming the line and byte of the first byte of ``path`` that is
    not UTF-8 (the decoder that found it while reading names neither)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    line, offset = 1, 0
    with path.open("rb") as raw:
        while True:
            data = raw.read(1 << 20)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                bad = max(exc.start - pending, 0)
                line += data[:bad].count(b"\n")
                offset += bad
                break
            if not data:
                break
            line += data.count(b"\n")
            offset += len(data)
    return FileError(path, f"not UTF-8 text (line {line:,}, byte {offset:,}); "
                     "save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)")


def _records(reader, path):
    """The non-blank records of a ``csv.reader``, each as ``(line, fields)``: ``line`` is the
    line of the file the record starts on. A line that is empty or only spaces is skipped,
    as pandas skips it (``""`` is a record); a malformed quote raises a :class:`FileError`
    naming the row."""
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL_CHARS)  # the default, 131,072, is too small for a text
    try:
        row = 0  # records read: the header is record 0, data row k is record k
        while True:
            line = reader.line_num + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _quote_error(path, exc, row, line, reader.line_num) from None
            except UnicodeDecodeError:
                raise _utf8_error(path) from None
            if not fields or (len(fields) == 1 and fields[0] and not fields[0].strip()):
                continue  # a blank line ("" is a record: one empty cell)
            csv.field_size_limit(limit)  # the global setting, as we found it, while away
            yield line, fields
            csv.field_size_limit(MAX_CELL_CHARS)
            row += 1
    finally:
        csv.field_size_limit(limit)


def _quote_error(path, exc, row, line, end) -> FileError:
    """A :class:`FileError` for a ``csv.Error`` met while reading data row ``row`` (0: the
    header), which starts on ``line`` and was read up to line ``end``."""
    where = f"from line {line:,}" + ("" if end <= line else f" to line {end:,}")
    message = str(exc)
    if "expected after" in message:
        what = ("a quoted cell is closed and then goes on (an unterminated quote that "
                "swallowed the rows after it, or a quote inside a quoted cell that is not "
                'doubled as "")')
    elif "end of data" in message:
        what = "a quote opened here is never closed: the rest of the file would be one cell"
    elif "field larger than field limit" in message:
        what = f"a cell is longer than {MAX_CELL_CHARS:,} characters"
    else:
        what = f"not valid CSV ({message})"
    return FileError(path, f"{what} ({where})", row=row or None)


def _csv_chunks(path, column, id_column, chunksize):
    """Yield ``(cells, ids)`` lists from a CSV file, ``chunksize`` rows at a time.

    Read with the standard library's ``csv`` module in strict mode, so that every record
    is checked: a row with more fields than the header (an unquoted separator in a cell)
    and a malformed quote (one that swallows the rows after it) are errors naming the row,
    and every data row gives exactly one output row. An empty cell (and a row too short
    to reach the column) is None.
    """
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as text:
        records = _records(csv.reader(text, delimiter=sep, strict=True), path)
        first = next(records, None)
        if first is None:
            raise FileError(path, "file is empty (no header row)")
        header = first[1]
        wanted = [column] if id_column is None else [column, id_column]
        for name in wanted:
            if name not in header:
                known = ", ".join(map(repr, header[:20]))
                raise FileError(path, f"no such column; the columns are {known}"
                                + _separator_hint(header, sep), column=name)
            if header.count(name) > 1:
                raise FileError(path, f"the header names this column {header.count(name)} "
                                "times", column=name)
        width = len(header)
        at = header.index(column)
        id_at = None if id_column is None else header.index(id_column)
        row = 0
        while True:
            cells, ids = [], None if id_at is None else []
            for line, fields in islice(records, chunksize):
                row += 1
                if len(fields) > width:
                    raise FileError(
                        path,
                        f"has {len(fields)} fields, the header has {width} (line {line:,}: "
                        "an unquoted separator in a cell?)",
                        row=row,
                    )
                cells.append(fields[at] or None if at < len(fields) else None)
                if id_at is not None:
                    ids.append(fields[id_at] or None if id_at < len(fields) else None)
            if not cells:
                return
            yield cells, ids


def _separator_hint(header, sep) -> str:
    """A hint when the header is one column holding another separator ("name;skills")."""
    if len(header) != 1:
        return ""
    other = next((s for s in ("\t", ";", "|", ",") if s != sep and s in header[0]), None)
    if other is None:
        return ""
    if other == "\t":
        return " (the file looks tab-separated: name it .tsv)"
    expected = "tabs in a .tsv file" if sep == "\t" else "',' in a .csv file, tabs in .tsv"
    return (f" (the file looks separated by {other!r}, but columns are separated by "
            f"{expected}; --sep only separates the items inside a cell)")


def _parquet_file(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise FileError(path, f"not a readable Parquet file ({exc})") from None


def _parquet_chunks(path, column, id_column, chunksize):
    """Yield ``(cells, ids)`` from a Parquet file, ``chunksize`` rows at a time; ``cells``
    is a pyarrow list array for a list column (scored without Python lists), else a list."""
    import pyarrow as pa
    import pyarrow.compute as pc

    parquet = _parquet_file(path)
    schema = parquet.schema_arrow
    wanted = [column] if id_column is None else [column, id_column]
    for name in wanted:
        if name not in schema.names:
            known = ", ".join(map(repr, schema.names[:20]))
            raise FileError(path, f"no such column; the columns are {known}", column=name)
    kind = schema.field(column).type
    is_list = pa.types.is_list(kind) or pa.types.is_large_list(kind)
    if is_list and not (pa.types.is_string(kind.value_type)
                        or pa.types.is_large_string(kind.value_type)):
        raise FileError(path, f"holds lists of {kind.value_type}; expected lists of strings",
                        column=column)
    if not is_list and not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise FileError(path, f"has type {kind}; expected lists of strings or text",
                        column=column)
    start = 0
    try:
        for batch in parquet.iter_batches(batch_size=chunksize, columns=wanted):
            cells = batch.column(column)
            if is_list and cells.values.null_count and pc.list_flatten(cells).null_count:
                for pos, row in enumerate(cells.to_pylist()):
                    if row is not None and None in row:
                        raise FileError(
                            path, f"item {row.index(None)} of the list is null",
                            row=start + pos + 1, column=column,
                        )
            ids = None if id_column is None else batch.column(id_column)  # stays Arrow
            yield (cells if is_list else cells.to_pylist()), ids
            start += batch.num_rows
    except pa.ArrowException as exc:
        raise FileError(path, f"cannot read the Parquet data ({exc})") from None


def _literal(cell: str):
    """Parse a list literal (``"['sql', 'python']"``); None if ``cell`` is not one."""
    text = cell.strip()
    if not (text.startswith("[") and text.endswith("]")):
        return None
    if _SIMPLE_LIST.fullmatch(text):  # the common case, without ast
        return [single or double for single, double in _ITEM.findall(text)]
    hint = "; use --format text if the column holds free text"
    if len(text) > MAX_LITERAL_CHARS:
        raise ValueError(f"list literal longer than {MAX_LITERAL_CHARS:,} characters{hint}")
    try:
        value = ast.literal_eval(text)  # literals only: never runs code
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError) as exc:
        raise ValueError(f"cannot read the list literal ({type(exc).__name__}){hint}") from None
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"the list literal must hold only strings{hint}")
    return list(value)


def read_cells(cells, *, fmt="auto", sep=",", missing="raise", file="<input>",
               column="skills", start=0):
    """Turn raw cells into rows for :func:`rolefit.score_many` (see the module docstring).

    Parameters
    ----------
    cells : list
        Raw cell values: lists, strings or missing values (None, NaN, and strings that
        spell one: ``"None"``, ``"N/A"``, ``"-"``, ...).
    fmt : {"auto", "list", "text"}
        How a string cell that is not a list literal is read.
    sep : str
        Item separator for ``fmt="list"``.
    missing : {"raise", "nan"}
        A missing cell (None, NaN, ``pd.NA``, an empty string or a spelling of a missing
        value) or an unreadable list literal raises :class:`FileError` naming it, or is
        kept as None (scored as NaN). Anything else is a ValueError.
    file, column, start
        Used in error messages: the file name, the column and the number of data rows
        before ``cells``.

    Examples
    --------
    >>> from rolefit.io import read_cells
    >>> read_cells(["['sql', 'python']", "sql; R", "Python and SQL"], fmt="list", sep=";")
    [['sql', 'python'], ['sql', 'R'], ['Python and SQL']]
    >>> read_cells(["Python, SQL", "python | sql", "I built Spark pipelines.", ["k8s"]])
    [['Python', 'SQL'], ['python', 'sql'], 'I built Spark pipelines.', ['k8s']]
    """
    from rolefit._encode import _is_missing, check_missing
    from rolefit.skills import MAX_TEXT_CHARS, is_missing_spelling

    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, got {fmt!r}")
    check_missing(missing)
    if not isinstance(sep, str) or not sep:
        raise ValueError(f"sep must be a non-empty string (the item separator), got {sep!r}")
    out = []
    for pos, cell in enumerate(cells):
        if isinstance(cell, str) and is_missing_spelling(cell):
            if missing == "raise":
                what = f"missing value {_shown(cell)}" if cell.strip() else "empty cell"
                raise FileError(file, f"{what}; pass --missing nan to score it as NaN",
                                row=start + pos + 1, column=column)
            out.append(None)
        elif isinstance(cell, str):
            try:
                parsed = None if fmt == "text" else _literal(cell)
            except ValueError as exc:
                if missing == "raise":
                    raise FileError(file, f"{exc} (value {_shown(cell)})",
                                    row=start + pos + 1, column=column) from None
                out.append(None)
                continue
            if parsed is None and fmt == "auto":
                parsed = list_items(cell)
            if parsed is not None:
                out.append(parsed)
            elif fmt == "list":
                out.append([s.strip() for s in cell.split(sep) if s.strip()])
            elif len(cell) > MAX_TEXT_CHARS:
                raise FileError(
                    file, f"text of {len(cell):,} characters; the limit is {MAX_TEXT_CHARS:,}",
                    row=start + pos + 1, column=column,
                )
            else:
                out.append(cell)
        elif _is_missing(cell):  # None or NaN (an empty CSV cell), pd.NA
            if missing == "raise":
                empty = cell is None or isinstance(cell, float)  # a file's empty cell
                what = ("empty cell; pass --missing nan" if empty
                        else f"missing value {cell!r}; pass missing='nan'")
                raise FileError(file, f"{what} to score it as NaN", row=start + pos + 1,
                                column=column)
            out.append(None)
        elif isinstance(cell, list | tuple):
            out.append(cell)
        else:
            raise FileError(
                file, f"a {type(cell).__name__}, expected a list of strings or text",
                row=start + pos + 1, column=column,
            )
    return out


def _shown(value, limit=60) -> str:
    """A cell's value for an error message: quoted, on one line, at most ``limit`` chars."""
    text = " ".join(str(value).split())
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _no_skill(frame, cells, missing, file, column, start, nan_rows) -> None:
    """Rows in which no skill was recognised (``qwerty``, ``[]``) are bad cells: raise a
    FileError naming the first (``missing="raise"``), or score them as NaN, in place,
    adding their 1-based row numbers to ``nan_rows``."""
    import numpy as np

    from rolefit.profiles import matrices

    roles = list(matrices().role_ids)
    # rows without a skill: scored as the role baselines, or already NaN (a cell read as
    # None with missing="nan", or a list without an item, [], which score_many leaves NaN)
    bad = np.flatnonzero(frame["n_skills"].to_numpy() == 0)
    if bad.size and missing == "raise":
        pos = int(bad[0])
        value = cells[pos] if isinstance(cells, list) else cells[pos].as_py()
        raise FileError(file, f"no known skill in {_shown(value)}; pass --missing nan to "
                        "score such rows as NaN", row=start + pos + 1, column=column)
    if bad.size:
        frame.loc[bad, roles] = np.nan
        blank = [c for c in frame.columns if c in ("target_role", "top_role")
                 or c.startswith(("gap_", "gain_"))]
        frame.loc[bad, blank] = None  # (low_signal is already True: no skill)
    nan_rows.extend((start + bad + 1).tolist())


# -- writing ---------------------------------------------------------------------------------
class _Writer:
    """Append scored chunks to a temporary file; :meth:`commit` moves it into place."""

    def __init__(self, out: Path, kind: str, id_column, id_type, gaps: int = 0):
        self.out, self.kind, self.id_column, self.gaps = out, kind, id_column, gaps
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        os.close(handle)
        self.tmp = Path(name)
        self.rows = 0
        self.header = False  # the CSV header is written (once, with the first chunk)
        if kind == "parquet":
            import pyarrow.parquet as pq

            extra = None if id_column is None else {id_column: id_type}
            self.schema = result_schema(extra, gaps)
            self.handle = pq.ParquetWriter(self.tmp, self.schema)
        else:
            from rolefit.profiles import matrices

            self.roles = set(matrices().role_ids)
            self.sep = "\t" if out.suffix.lower() == ".tsv" else ","  # as read back
            self.handle = self.tmp.open("w", encoding="utf-8", newline="")

    def write(self, frame, ids) -> None:
        """Append ``frame`` (a score_many result) with ``ids`` (a list or a pyarrow array)."""
        import pyarrow as pa

        if self.kind == "parquet":
            scores = self.schema if self.id_column is None else self.schema.remove(0)
            table = pa.Table.from_pandas(frame, schema=scores, preserve_index=False)
            if self.id_column is not None:
                field = self.schema.field(0)
                ids = ids.cast(field.type) if isinstance(ids, pa.Array) else pa.array(
                    ids, type=field.type, from_pandas=True
                )
                table = table.add_column(0, field, ids)
            self.handle.write_table(table)
        else:
            if self.id_column is not None:
                if isinstance(ids, pa.Array):
                    ids = ids.to_pylist()
                frame.insert(0, self.id_column, ids)
            # most cells are empty: json.dumps only the others (a second per 10^6 rows)
            frame["unknown"] = [json.dumps(list(names)) if names else "[]"
                                for names in frame["unknown"]]
            frame["corrections"] = [json.dumps(dict(pairs)) if pairs else "{}"
                                    for pairs in frame["corrections"]]
            numbers = [c for c in frame.columns
                       if c in self.roles or (c.startswith("gain_") and c != self.id_column)]
            frame[numbers] = frame[numbers].round(3)  # CSV only; Parquet keeps float64
            frame.to_csv(self.handle, index=False, header=not self.header, sep=self.sep)
            self.header = True
        self.rows += len(frame)

    def commit(self) -> None:
        if self.kind == "csv" and not self.header:  # no chunk at all: the columns only
            from rolefit.batch import _empty_result

            self.write(_empty_result(self.gaps), [])
        self.handle.close()
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)  # as a plainly created file (mkstemp uses 0600)
        os.replace(self.tmp, self.out)

    def discard(self) -> None:
        with contextlib.suppress(Exception):  # the original error matters, not this one
            self.handle.close()
        self.tmp.unlink(missing_ok=True)


def _scored(path, kind, *, column, id_column, fmt, sep, missing, chunksize, gaps, model,
            stats):
    """Yield ``(scores, ids)`` per chunk of the file: the ``score_many`` result of each
    chunk (``gaps`` gap columns, bad cells handled as ``missing`` says) and its ids;
    ``stats`` gets the rows scored as NaN and the unrecognised items (see
    :func:`score_file`)."""
    from rolefit.batch import score_arrow, score_texts_as_read

    nan_rows = stats.setdefault("nan_rows", [])
    if kind == "parquet":
        chunks = _parquet_chunks(path, column, id_column, chunksize)
    else:
        chunks = _csv_chunks(path, column, id_column, chunksize)
    start = 0
    for cells, ids in chunks:  # reading the first chunk checks the columns
        if isinstance(cells, list):
            rows = read_cells(cells, fmt=fmt, sep=sep, missing=missing, file=path,
                              column=column, start=start)
            scores = score_texts_as_read(rows, gaps=gaps, model=model)
        else:  # an Arrow list array
            if missing == "raise" and cells.null_count:
                first = cells.is_null().to_numpy(zero_copy_only=False).argmax()
                raise FileError(path, "empty cell; pass --missing nan to score it as NaN",
                                row=start + int(first) + 1, column=column)
            scores = score_arrow(cells, gaps=gaps, model=model)
        _no_skill(scores, cells, missing, path, column, start, nan_rows)
        _count_items(scores, stats)
        yield scores, ids
        start += len(scores)


def _check_arguments(path, missing, chunksize, gaps, id_column):
    from rolefit._encode import check_missing
    from rolefit.batch import check_gaps
    from rolefit.skills import check_count

    check_missing(missing)
    check_count(chunksize, "chunksize", minimum=1)
    check_gaps(gaps)
    kind = _check_input(path)
    if id_column is not None and id_column in result_schema(gaps=gaps).names:
        raise FileError(path, "is also the name of a result column", column=id_column)
    return kind


def score_file(path, output, *, column="skills", id_column=None, fmt="auto", sep=",",
               missing="raise", chunksize=CHUNK_ROWS, progress=None, gaps=N_GAPS,
               model=None, stats=None) -> int:
    """Score every row of a Parquet or CSV file and write the scores to ``output``.

    Parameters
    ----------
    path, output : str or Path
        Input and output files; each is Parquet or CSV by its suffix (``.parquet``,
        ``.pq``, ``.parq``; ``.csv``, ``.tsv`` tab-separated; an input may also be
        ``.txt``, read as CSV, or have no suffix, read by its content). Any other suffix
        is a :class:`FileError`, raised before anything is read (for the output, before
        the input is opened). The output is replaced only when every row was scored.
    column : str
        The column of skill lists or texts.
    id_column : str, optional
        A column copied to the output as its first column.
    fmt, sep, missing
        How cells are read; see :func:`read_cells`. A cell in which no skill is recognised
        is a bad cell too: an error with ``missing="raise"``, a NaN row with ``"nan"``.
    chunksize : int
        Rows read, scored and written at a time (bounds memory).
    progress : bool, optional
        Show a progress bar on stderr; by default only on an interactive terminal.
    gaps : int
        The first gaps of each row's target role written with their gains (``gap_1``,
        ``gain_1``, ...; see :func:`rolefit.score_many`); 0 for none, at most 50
        (``rolefit.batch.MAX_GAPS``).
    model : None, str or path, optional
        The role model (a file saved by ``rolefit train``; None: the shipped one).
    stats : dict, optional
        Filled with ``nan_rows``: the 1-based data rows scored as NaN (empty cells and
        bad cells, with ``missing="nan"``); ``unknown``: each unrecognised skill-list item
        and the number of rows listing it (at most ``MAX_UNKNOWN_COUNTED`` distinct items;
        ``unknown_more`` counts the others), and ``unknown_rows``: the rows with one; the
        same for the items read after a typo fix: ``corrections`` ((item, skill id) ->
        rows), ``corrections_more`` and ``corrections_rows``.

    Returns
    -------
    int
        The number of rows written.

    Raises
    ------
    FileError
        Naming the file and, where it applies, the row, the column and the value.

    Notes
    -----
    The output has one row per input row: the id column if asked, one score per role
    (rounded to 3 decimals in a CSV file; float64 in Parquet), ``target_role``,
    ``top_role``, ``low_signal``, ``n_skills``, ``n_unknown``, ``unknown`` (JSON list in
    a CSV file), ``corrections`` (the items read after a typo fix and their skill ids: a
    JSON object in a CSV file, a map in Parquet) and the gap columns.
    """
    path, output = Path(path), Path(output)
    out_kind = _kind(output, output=True)  # first: a wrong name fails before any work
    if output.is_dir():
        raise FileError(output, "is a directory; give the name of the file to write")
    kind = _check_arguments(path, missing, chunksize, gaps, id_column)
    if not output.parent.is_dir():
        raise FileError(output, f"the folder {str(output.parent)!r} does not exist")
    if output.exists() and output.resolve() == path.resolve():
        raise FileError(output, "the output would overwrite the input")
    if model is not None:
        from rolefit.classifier import read_model

        model = read_model(model)  # once, and a bad model file fails before any output
    total, id_type = None, None
    if kind == "parquet":
        parquet = _parquet_file(path)
        total = parquet.metadata.num_rows
        if id_column is not None and id_column in parquet.schema_arrow.names:
            id_type = parquet.schema_arrow.field(id_column).type
    if id_type is None:
        import pyarrow as pa

        id_type = pa.string()
    chunks = _scored(path, kind, column=column, id_column=id_column, fmt=fmt, sep=sep,
                     missing=missing, chunksize=chunksize, gaps=gaps, model=model,
                     stats={} if stats is None else stats)
    bar = None
    if progress or (progress is None and sys.stderr.isatty()):
        from tqdm.auto import tqdm

        bar = tqdm(total=total, unit="rows", desc=path.name, leave=False)
    writer = None
    try:
        for scores, ids in chunks:
            if writer is None:
                writer = _Writer(output, out_kind, id_column, id_type, gaps)
            writer.write(scores, ids)
            if bar is not None:
                bar.update(len(scores))
        if writer is None:  # no data rows: still write a file with the columns
            writer = _Writer(output, out_kind, id_column, id_type, gaps)
        writer.commit()
    except BaseException:
        if writer is not None:
            writer.discard()
        raise
    finally:
        if bar is not None:
            bar.close()
    return writer.rows


def read_scores(path, *, column="skills", id_column=None, fmt="auto", sep=",",
                missing="raise", gaps=N_GAPS, model=None, stats=None):
    """Score a whole Parquet or CSV file in memory (a cohort): the rows
    :func:`score_file` would write, as one DataFrame.

    Parameters are those of :func:`score_file`. Returns a pandas DataFrame with the id
    column first (when given), indexed 0..n-1.
    """
    import pandas as pd

    path = Path(path)
    kind = _check_arguments(path, missing, CHUNK_ROWS, gaps, id_column)
    if model is not None:
        from rolefit.classifier import read_model

        model = read_model(model)
    frames = []
    for scores, ids in _scored(path, kind, column=column, id_column=id_column, fmt=fmt,
                               sep=sep, missing=missing, chunksize=CHUNK_ROWS, gaps=gaps,
                               model=model, stats={} if stats is None else stats):
        if id_column is not None:
            scores.insert(0, id_column, ids if isinstance(ids, list) else ids.to_pylist())
        frames.append(scores)
    if not frames:
        from rolefit.batch import _empty_result

        empty = _empty_result(gaps)
        if id_column is not None:
            empty.insert(0, id_column, pd.Series([], dtype=object))
        return empty
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


# -- command line ----------------------------------------------------------------------------
def _positive(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def add_score_file_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``score-file`` command to the ``rolefit`` command line's subparsers."""
    from rolefit.batch import MAX_GAPS

    p = subparsers.add_parser(
        "score-file",
        help="score every row of a Parquet or CSV file, streaming",
        description="Score every row of a Parquet or CSV file in chunks (bounded memory) "
        "and write one row of scores per input row to a Parquet or CSV file.",
    )
    p.add_argument("input", help="postings or resumes: .parquet or .csv")
    p.add_argument("--column", default="skills", help="column to score (default: skills)")
    p.add_argument("-o", "--output", required=True,
                   help="output file: .parquet or .csv (also .pq, .parq; .tsv for tabs); "
                   "replaced only on success")
    p.add_argument("--id-column", help="column copied to the output, first")
    p.add_argument("--format", dest="fmt", choices=FORMATS, default="auto",
                   help="how text cells are read: auto (list literals and list-like cells "
                   "such as 'Python, SQL' as skill lists, other text as free text), list "
                   "(split on --sep) or text (default: auto)")
    p.add_argument("--sep", default=",", help="item separator for --format list (default: ,)")
    add_cell_arguments(p)
    p.add_argument("--gaps", type=_whole, default=N_GAPS, metavar="N",
                   help=f"write the first N gaps of each person's target role with their "
                   f"gains (default: {N_GAPS}; 0 for none; at most {MAX_GAPS})")
    p.add_argument("--chunksize", type=_positive, default=CHUNK_ROWS, metavar="N",
                   help=f"rows per chunk (default: {CHUNK_ROWS:,})")
    p.set_defaults(func=cmd_score_file)
    return p


def add_cell_arguments(p) -> None:
    """The options that say how cells are read (shared with ``rolefit cohort``)."""
    p.add_argument("--missing", choices=("raise", "nan"), default="raise",
                   help="a bad cell (empty, unreadable, no known skill) is an error "
                   "(raise, default: exit 2 naming it) or scores as NaN (nan)")
    p.add_argument("--model", metavar="PATH",
                   help="a role model saved by `rolefit train` (default: the shipped one)")


def _whole(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {value!r}")
    return number


MAX_UNKNOWN_COUNTED = 10_000  # distinct unrecognised (corrected) items counted per file


def _count_items(frame, stats) -> None:
    """Add the unrecognised and the corrected items of a scored chunk to ``stats``:
    ``unknown`` (item -> rows listing it) and ``unknown_rows``, ``corrections`` ((item,
    skill id) -> rows) and ``corrections_rows``; at most ``MAX_UNKNOWN_COUNTED`` distinct
    items each, the rows of the others counted in ``unknown_more``/``corrections_more``."""
    import numpy as np

    for key, flags in (("unknown", frame["n_unknown"].to_numpy()),
                       ("corrections", frame["corrections"].astype(bool).to_numpy())):
        counts = stats.setdefault(key, {})
        rows = np.flatnonzero(flags)
        stats[f"{key}_rows"] = stats.get(f"{key}_rows", 0) + len(rows)
        stats.setdefault(f"{key}_more", 0)
        cells = frame[key].to_numpy()
        for r in rows.tolist():
            for item in dict.fromkeys(cells[r]):
                if item in counts or len(counts) < MAX_UNKNOWN_COUNTED:
                    counts[item] = counts.get(item, 0) + 1
                else:
                    stats[f"{key}_more"] += 1


def unknown_summary(stats, where="in the unknown column", shown=10) -> str | None:
    """One line naming the unrecognised skill-list items of a file (most rows first), or
    None when every item was recognised; ``stats`` as filled by :func:`score_file`."""
    return _items_summary(stats, "unknown", "not recognised", where, shown)


def corrections_summary(stats, where="in the corrections column", shown=10) -> str | None:
    """One line naming the skill-list items of a file read after a typo fix, or None."""
    return _items_summary(stats, "corrections", "read after a typo fix", where, shown)


def _items_summary(stats, key, what, where, shown) -> str | None:
    counts = stats.get(key) or {}
    if not counts:
        return None
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def name(item):
        return (_shown(item, 40) if key == "unknown"
                else f"{_shown(item[0], 40)} as {item[1]}")

    names = ", ".join(name(item) + (f" ({n:,} rows)" if n > 1 else "")
                      for item, n in top[:shown])
    if len(top) > shown or stats.get(f"{key}_more"):
        names += ", ..."
    rows = stats.get(f"{key}_rows", 0)
    more = "+" if stats.get(f"{key}_more") else ""
    return (f"rolefit: {len(counts):,}{more} skill-list item{'s' if len(counts) > 1 else ''} "
            f"{what} in {rows:,} row{'s' if rows != 1 else ''} (listed {where}): {names}")


def nan_summary(nan_rows, total) -> str | None:
    """One line saying which rows were scored as NaN, or None when none was."""
    if not nan_rows:
        return None
    shown = ", ".join(f"{r:,}" for r in nan_rows[:10]) + (", ..." if len(nan_rows) > 10 else "")
    return (f"rolefit: {len(nan_rows):,} of {total:,} rows scored as NaN (empty cell or no "
            f"known skill): row{'s' if len(nan_rows) > 1 else ''} {shown}")


def cmd_score_file(args) -> int:
    """Run ``rolefit score-file``; a bad file gives one line on stderr and status 2."""
    stats: dict = {}
    try:
        rows = score_file(
            args.input, args.output, column=args.column, id_column=args.id_column,
            fmt=args.fmt, sep=args.sep, missing=args.missing, chunksize=args.chunksize,
            gaps=args.gaps, model=args.model, stats=stats,
        )
    except (FileError, OSError, ValueError) as exc:
        message = " ".join(str(exc).split())
        print(f"rolefit: error: {message}", file=sys.stderr)  # noqa: T201 - a command
        return 2
    for summary in (nan_summary(stats.get("nan_rows"), rows), unknown_summary(stats),
                    corrections_summary(stats)):
        if summary:
            print(summary, file=sys.stderr)  # noqa: T201
    print(f"rolefit: scored {rows:,} row{'' if rows == 1 else 's'} of {args.input} -> "  # noqa: T201
          f"{args.output}", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    """``python -m rolefit.io score-file ...`` (the same as ``rolefit score-file``)."""
    parser = argparse.ArgumentParser(prog="rolefit")
    add_score_file_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
