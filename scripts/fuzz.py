"""Fuzz rolefit's public API, its command line and its file loaders (``make fuzz``).

Hypothesis generates the inputs (hostile Unicode mixed with real skill names, skill lists
with non-text items, score_many batches, command lines with generated files and stdin,
damaged data tables and model files) and every target checks its outcome:

* ``extract``: ``extract_skills``/``find_skills`` return sorted known ids and spans that
  index the text (under the default reader, ``"hybrid"``); only TypeError/ValueError
  allowed.
* ``extract_model``: the same with the rules alone and with the learned reader on every
  mention (``config_context(reader="rules")``, ``"model"``); the learned reader's held
  skills are a subset of the default's, and those of the rules' held skills.
* ``score``: ``score`` returns a RoleFit (whose tables and JSON render) or raises
  NoSkillsError/TypeError/ValueError; ``normalize``/``suggest`` return known ids.
* ``score_many``: returns one row per input agreeing with ``score``, or raises
  TypeError/ValueError naming a row.
* ``cli``: ``rolefit.cli.main(argv)`` with generated argv (every sub-command and option of
  the installed parser), generated file bytes and stdin, run in a temporary working
  directory; it must return (or exit with) 0 or 2, print one ``rolefit: error:`` line on
  failure and leave no new file behind when it fails.
* ``data``: ``load_knowledge`` on a copy of the shipped tables with damaged bytes or cells
  loads or raises DataError.
* ``model``: ``read_model`` on a damaged model file loads or raises ModelFileError.

Anything else (another exception, a broken invariant, more than 20 s on one input) is a
crash. Crashes are collected rather than raised, so the run tries every input and reports

    inputs tried: N   crashes: K

Usage::

    python scripts/fuzz.py --examples 20000 [--seed 0] [--targets extract,score,...]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import math
import os
import signal
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning

import rolefit
from rolefit import DataError, NoSkillsError
from rolefit import cli as rolefit_cli
from rolefit._data import SCHEMAS
from rolefit.skills import is_missing_spelling

TAX = rolefit.skills()
SKILL_IDS = frozenset(TAX.index)
ROLE_IDS = list(rolefit.roles().index)
SURFACES = sorted(
    {s for _, row in TAX.iterrows() if row["match"] != "list"
     for s in (row["name"], *row["aliases"])}
)
HOSTILE = [
    "\x00", "\x01", "\x1b[31m", "\x7f", "\r\n", "\r", "\t", "\x0b", "\x85", "\u2028",
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\ufffd", "\uffff",
    "\U0010ffff", "\ud800", "\udfff", "\udcff", "😀", "👩\u200d💻", "\u0301", "İ", "ß", "ﬁ",
    "Σ", "ς", "K", "𝐏𝐲𝐭𝐡𝐨𝐧", "Ｐｙｔｈｏｎ", "مرحبا", "中文", "<script>", "&amp;", "'", '"',
    "\\", "%s", "{0}", "||", "|", ",", ";", "C++", "C#", ".NET", "R&D", "A/B", "k8s", "+",
    "#", ".", "-", "/", "Go To Market", "Excel at", "R2", "C-suite", "python3.11",
]
ANY_CHAR = st.characters(exclude_categories=())
TEXT = st.lists(
    st.one_of(
        st.text(alphabet=ANY_CHAR, max_size=16),
        st.sampled_from(HOSTILE),
        st.sampled_from(SURFACES),
        st.sampled_from([" ", ", ", " and ", "/", "\n", ". ", "  ", "-"]),
    ),
    max_size=40,
).map("".join)
ITEM = st.one_of(st.sampled_from(SURFACES), st.sampled_from(sorted(SKILL_IDS)),
                 st.sampled_from(HOSTILE), st.text(alphabet=ANY_CHAR, max_size=20), TEXT)
NOT_TEXT = st.sampled_from([None, 1, 2.5, math.nan, b"python", ["python"], object(), True])
SKILL_LIST = st.lists(ITEM, max_size=12)
DIRTY_LIST = st.lists(st.one_of(ITEM, NOT_TEXT), max_size=6)
ROW = st.one_of(SKILL_LIST, TEXT, NOT_TEXT, DIRTY_LIST,
                SKILL_LIST.map(tuple), SKILL_LIST.map(set), SKILL_LIST.map(np.array))


class Crash(Exception):
    """An invariant was broken (reported like an unexpected exception)."""


def check(condition, message):
    if not condition:
        raise Crash(message)


@contextlib.contextmanager
def deadline(seconds):
    def expire(signum, frame):
        raise TimeoutError(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- targets ---------------------------------------------------------------------------------
def target_extract(text):
    found = rolefit.extract_skills(text)
    check(found == sorted(set(found)) and set(found) <= SKILL_IDS, "extract: bad ids")
    mentions = rolefit.find_skills(text)
    held = set(mentions.loc[mentions["status"] == "has", "skill_id"])
    check(held == set(found), "find_skills (status has) and extract_skills differ")
    every = rolefit.extract_skills(text, status=("has", "learning", "negated"))
    check(set(mentions["skill_id"]) == set(every), "find_skills and extract_skills(all) differ")
    last = 0
    for start, end, matched, skill_id in zip(mentions["start"], mentions["end"],
                                             mentions["matched"], mentions["skill_id"],
                                             strict=True):
        check(0 <= start < end <= len(text) and start >= last, f"span {start}:{end} out of order")
        check(text[start:end] == matched, f"span {start}:{end} is not {matched!r}")
        check(rolefit.normalize(matched) == skill_id, f"{matched!r} is not {skill_id}")
        last = start


def target_extract_model(text):
    with rolefit.config_context(reader="rules"):
        target_extract(text)
        rules = set(rolefit.extract_skills(text))
    with rolefit.config_context(reader="model"):
        target_extract(text)
        held = set(rolefit.extract_skills(text))
    check(held <= rules, "the learned reader holds a skill the rules do not")
    hybrid = set(rolefit.extract_skills(text))  # the default: between the two
    check(held <= hybrid <= rules, "the hybrid reader holds more than the rules or less "
          "than the learned reader")


def target_score(item):
    if isinstance(item, list | tuple | set):
        for x in list(item)[:4]:
            if isinstance(x, str):
                n = rolefit.normalize(x)
                check(n is None or n in SKILL_IDS, f"normalize({x!r}) = {n!r}")
                check(set(rolefit.suggest(x)) <= SKILL_IDS, f"suggest({x!r})")
    try:
        fit = rolefit.score(item)
    except NoSkillsError as exc:
        check("\n" not in str(exc), "multi-line NoSkillsError")
        return
    check(set(fit.skills) <= SKILL_IDS and fit.order[0] in ROLE_IDS, "score: bad ids")
    check(fit.top == (None if fit.low_signal else fit.order[0]), "top and low_signal disagree")
    check(all(v >= 0 for v in fit.scores.values()), "a score below 0")
    values = [fit.scores[r] for r in fit.order]
    check(values == sorted(values, reverse=True), "ranking not ordered by the score")
    json.loads(fit.to_json())
    repr(fit)
    check("<script>" not in fit._repr_html_(), "unescaped HTML")
    best = fit.order[0]
    explained = fit.explain(best)["contribution"].sum()
    check(abs(explained - fit.scores[best]) < 1e-9, "explain does not sum to the score")
    role = fit.target or best
    gaps = fit.gaps(role)
    check(not set(gaps["skill_id"]) & (set(fit.skills) | set(fit.implied)),
          "a listed or implied skill among the gaps")
    fit.plan(role)


def _missing_row(row) -> bool:
    """A missing row of score_many: None, NaN, an empty, blank or missing-value text
    ("None", "NA", ...), or a skill list without an item that is not blank."""
    if row is None or (isinstance(row, float) and math.isnan(row)):
        return True
    if isinstance(row, str):
        return is_missing_spelling(row)
    return isinstance(row, list | tuple | set | frozenset | np.ndarray) and all(
        isinstance(x, str) and not x.strip() for x in row)


def target_score_many(case):
    rows, missing, chunksize = case
    out = rolefit.score_many(rows, missing=missing, chunksize=chunksize)
    check(len(out) == len(rows), "score_many: wrong number of rows")
    for i, row in enumerate(rows):
        got = out.loc[i, ROLE_IDS].to_numpy(float)
        if _missing_row(row):
            check(np.isnan(got).all(), f"row {i}: missing row not NaN")
            continue
        try:
            fit = rolefit.score(row)
        except NoSkillsError:  # no skill: the role baselines, flagged low-signal, no role
            check(out.loc[i, "n_skills"] == 0 and bool(out.loc[i, "low_signal"])
                  and (got >= 0).all(), f"row {i}: a row with no skill is not low-signal")
            continue
        check(np.allclose(got, [fit.scores[r] for r in ROLE_IDS], atol=1e-12),
              f"row {i}: score_many and score differ")
        check(set(out.loc[i, "unknown"]) == set(fit.unknown), f"row {i}: unknown differ")
        check(bool(out.loc[i, "low_signal"]) == fit.low_signal, f"row {i}: low_signal differ")


SAFE_NAME = st.text(alphabet=st.characters(exclude_characters="/\\\x00",
                                           exclude_categories=("Cs",)), max_size=12)


SKIPPED_COMMANDS = {"evaluate"}  # reads ../shared/datasets and bootstraps: minutes per call


def _commands():
    """Every sub-command of the installed parser (but SKIPPED_COMMANDS) with its options."""
    parser = rolefit_cli.build_parser()
    out = {}
    for action in parser._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for name, sub in choices.items():
                if name in SKIPPED_COMMANDS:
                    continue
                out[name] = sorted(
                    s for a in sub._actions for s in a.option_strings if s not in ("-h",)
                )
    return out


COMMANDS = _commands()
FILE_EXTS = ["txt", "csv", "csv", "parquet", "parquet", "json", "npz", "", "tsv"]


def _file_bytes():
    cell = st.one_of(TEXT, st.sampled_from(
        ["", "nan", "None", "NA", "['python', 'sql']", "[]", "[[['x']]]", "['a', 1]", "[" * 50,
         "python; sql", "[\"k8s\", 'R']", "{'a': 1}", "['" + "x" * 300 + "']"]))
    table = st.lists(st.lists(cell, min_size=1, max_size=3), max_size=5)

    def to_csv(rows, header, encoding):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        errors = "surrogatepass" if encoding.startswith("utf") else "replace"
        return buffer.getvalue().encode(encoding, errors)

    return st.one_of(
        st.binary(max_size=300),
        TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.tuples(TEXT, st.sampled_from(["utf-16", "utf-16-le", "latin-1", "utf-32",
                                         "utf-8-sig"]))
        .map(lambda p: p[0].encode(p[1], "replace")),
        st.tuples(table, st.sampled_from([["skills"], ["skills"], ["skills", "id"], ["text"],
                                          ["title", "skills"], ["x"], []]),
                  st.sampled_from(["utf-8", "utf-16", "latin-1"]))
        .map(lambda p: to_csv(p[0], p[1], p[2])),
        st.sampled_from([b"", b"PAR1", b"PAR1" + b"\x00" * 20 + b"PAR1", b"PK\x03\x04",
                         b"\x80\x04K\x01.", b"%PDF-1.4\n", b"\xef\xbb\xbf"]),
        _parquet_bytes(),
    )


def _good_csv_bytes():
    """A CSV with the columns score-file and train look for, and hostile cells."""
    title = st.sampled_from(["Data Engineer", "ML Engineer", "Senior Data Scientist",
                             "AI Engineer", "Data Analyst", "Research Scientist", ""]) | TEXT
    cell = st.one_of(
        st.sampled_from(SURFACES).map(lambda s: f"['python', '{s}']"),
        st.sampled_from(SURFACES).map(lambda s: f"Python, {s} and SQL"),
        TEXT, st.sampled_from(["", "[]", "['a', 1]", "[" * 40, "nan"]),
    )
    row = st.tuples(title, cell, cell)

    def to_csv(rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["title", "skills", "text"])
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8", "surrogatepass")

    return st.lists(row, max_size=8).map(to_csv)


def _parquet_bytes():
    def build(case):
        import pyarrow as pa
        import pyarrow.parquet as pq

        name, values = case
        buffer = io.BytesIO()
        try:
            pq.write_table(pa.table({name: values, "id": list(range(len(values)))}), buffer)
        except (pa.ArrowException, ValueError, TypeError):  # mixed lists and strings
            pq.write_table(pa.table({name: [str(v) for v in values]}), buffer)
        return buffer.getvalue()

    word = st.one_of(st.text(max_size=30), st.sampled_from(SURFACES))
    value = st.one_of(st.none(), word, st.lists(st.none() | word, max_size=4))
    return st.tuples(st.sampled_from(["skills", "skills", "text"]),
                     st.lists(value, max_size=5)).map(build)


def _argv():
    """Command lines: mostly well-formed ones (so that files get read), some token soup."""
    # free text only as the value of --skills; no token can be an absolute or "../" path
    skill_list = st.sampled_from(SURFACES).map(lambda s: f"python, {s}, qwerty")
    skills = skill_list | TEXT
    source = st.sampled_from([["{file}"], ["{file}"], ["-"]]) | skills.map(
        lambda s: ["--skills", s]
    )
    opt = st.booleans()

    def flags(*pairs):
        """Optional ``[flag, value]`` pairs, each present or not."""
        return st.tuples(*(st.tuples(opt, st.just(flag), values) for flag, values in pairs)).map(
            lambda items: [x for on, flag, value in items if on
                           for x in ([flag] if value is None else [flag, value])]
        )

    none = st.none()
    number = st.sampled_from(["1", "2", "3", "100", "0", "-1", "x", "1_000"])
    role = st.sampled_from([*ROLE_IDS, "astronaut", ""])
    column = st.sampled_from(["skills", "text", "resume", "id", "x", ""])
    plausible = {
        "score": st.tuples(source, flags(("--json", none), ("--top", number))),
        "gaps": st.tuples(source, flags(("--json", none), ("--top", number), ("--all", none),
                                        ("--role", role))),
        "roles": st.tuples(st.just([]), flags(("--json", none))),
        "demo": st.tuples(st.just([]), flags(("--top", number))),
        "score-file": st.tuples(
            st.tuples(st.sampled_from(["{csv}", "{csv}", "{parquet}", "{parquet}", "{file}"]),
                      st.sampled_from(["out.csv", "out.parquet", "out.txt", "sub/out.csv",
                                       "out.tsv"]))
            .map(lambda p: [p[0], "-o", p[1]]),
            flags(("--column", column), ("--id-column", column),
                  ("--format", st.sampled_from(["auto", "list", "text", "csv"])),
                  ("--sep", st.sampled_from([",", ";", "|", ""])),
                  ("--missing", st.sampled_from(["raise", "nan", "drop"])),
                  ("--chunksize", number)),
        ),
        "report": st.tuples(
            st.tuples(source, st.sampled_from(["out.html"] * 5 + ["out.png", "out.pdf"]))
            .map(lambda p: [*p[0], "-o", p[1]]),
            flags(("--role", role)),
        ),
        "train": st.tuples(
            st.tuples(st.sampled_from(["{csv}", "{csv}", "{file}"]),
                      st.sampled_from(["model.npz", "model", "sub/model.npz"]))
            .map(lambda p: ["--postings", p[0], "-o", p[1]]),
            flags(("--title-column", st.sampled_from(["title", "x", ""])),
                  ("--skills-column", column),
                  ("--C", st.sampled_from(["1", "0", "-1", "nan", "inf", "1e-9"]))),
        ),
    }
    well_formed = st.sampled_from(sorted(set(plausible) & set(COMMANDS))).flatmap(
        lambda command: plausible[command].map(lambda parts: [command, *parts[0], *parts[1]])
    )

    def token(options):
        return st.one_of(
            st.sampled_from(options) if options else st.just("--json"),
            st.just("{file}"), st.just("-"),
            st.sampled_from(["out.csv", "out.parquet", "out.json", "sub/out.csv", "0", "1",
                             "-1", "99999999999999999999", "text", "skills", "resume"]),
            role, skill_list, SAFE_NAME,
        )

    soup = st.sampled_from(sorted(COMMANDS)).flatmap(
        lambda command: st.lists(token(COMMANDS[command]), max_size=6)
        .map(lambda tokens: [command, *tokens])
    )
    return st.one_of(well_formed, well_formed, well_formed, soup, st.lists(SAFE_NAME, max_size=3))


def target_cli(case):
    argv, data, ext, stdin, good_csv, parquet = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / (f"input.{ext}" if ext else "input")
        path.write_bytes(data)
        (folder / "good.csv").write_bytes(good_csv)
        (folder / "good.parquet").write_bytes(parquet)
        argv = [a.replace("{file}", str(path)).replace("{csv}", str(folder / "good.csv"))
                .replace("{parquet}", str(folder / "good.parquet")) for a in argv]
        before = set(folder.rglob("*"))
        out, err = io.StringIO(), io.StringIO()
        cwd = os.getcwd()
        old_stdin = sys.stdin
        os.chdir(folder)
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = rolefit_cli.main(argv)
                except SystemExit as exc:
                    code = exc.code
        finally:
            sys.stdin = old_stdin
            os.chdir(cwd)
        check(code in (0, 2), f"exit status {code!r} for {argv!r}")
        message = err.getvalue()
        if code == 2:
            lines = message.strip().splitlines()
            argparse_error = lines and lines[0].startswith("usage:")
            check(argparse_error or (len(lines) == 1 and lines[0].startswith("rolefit: error:")),
                  f"error output is not one line: {message[:300]!r}")
            left = set(folder.rglob("*")) - before
            check(not left, f"left {sorted(str(p.name) for p in left)} behind after failing")


def _tables():
    from importlib import resources

    return {item.name: item.read_bytes() for item in resources.files("rolefit.data").iterdir()
            if item.name.endswith(".csv")}


TABLES = _tables()
TABLE_NAMES = sorted(n for n in TABLES if n in SCHEMAS)


def target_data(case):
    from rolefit._data import load_knowledge

    name, edits, cut, cell = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for table, raw in TABLES.items():
            (folder / table).write_bytes(raw)
        data = bytearray(TABLES[name])
        if cell is not None:
            row, column, value = cell
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
            r = rows[1 + row % (len(rows) - 1)]
            r[column % len(r)] = value
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(rows)
            data = bytearray(buffer.getvalue().encode("utf-8", "surrogatepass"))
        for position, value in edits:
            data[position % len(data)] = value
        if cut is not None:
            data = data[: cut % (len(data) + 1)]
        (folder / name).write_bytes(bytes(data))
        try:
            load_knowledge(folder)
        except DataError as err:
            check(err.file in TABLE_NAMES and "\n" not in str(err), f"bad DataError {err}")


def _model_files():
    from rolefit.classifier import LinearModel, save_model

    rng = np.random.default_rng(0)
    linear = LinearModel(("ml_engineer", "data_scientist", "data_analyst"),
                         ("python", "sql", "pytorch"), rng.normal(size=(3, 3)),
                         rng.normal(size=3))
    with tempfile.TemporaryDirectory() as tmp:
        path = save_model(linear, Path(tmp) / "m.npz")
        stored = path.read_bytes()
        deflated = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(stored)) as source, \
                zipfile.ZipFile(deflated, "w", compression=zipfile.ZIP_DEFLATED) as target:
            for name in source.namelist():
                target.writestr(name, source.read(name))
        return stored, deflated.getvalue(), path.with_suffix(".json").read_bytes()


def target_model(case):
    from rolefit.classifier import ModelFileError, read_model

    which, edits, cut = case
    stored, deflated, sidecar = MODEL
    with tempfile.TemporaryDirectory() as tmp:
        npz = deflated if which == "deflated" else stored
        files = {"npz": bytearray(npz), "json": bytearray(sidecar)}
        data = files["json" if which == "json" else "npz"]
        for position, value in edits:
            data[position % len(data)] = value
        if cut is not None:
            del data[cut % (len(data) + 1):]
        for ext, content in files.items():
            (Path(tmp) / f"m.{ext}").write_bytes(bytes(content))
        try:
            read_model(Path(tmp) / "m.npz")
        except ModelFileError as err:
            check("\n" not in str(err), "multi-line ModelFileError")


MODEL = _model_files()
EDITS = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=6)
CUT = st.none() | st.integers(0, 10**7)

TARGETS = {
    "extract": (target_extract, TEXT, (TypeError, ValueError), 1),
    "extract_model": (target_extract_model, TEXT, (TypeError, ValueError), 1),
    "score": (target_score, ROW, (TypeError, ValueError), 1),
    "score_many": (
        target_score_many,
        st.tuples(st.lists(ROW, max_size=6), st.sampled_from(["raise", "nan"]),
                  st.integers(1, 4)),
        (TypeError, ValueError),
        2,
    ),
    "cli": (
        target_cli,
        st.tuples(_argv(), _file_bytes(), st.sampled_from(FILE_EXTS), _file_bytes(),
                  _good_csv_bytes(), _parquet_bytes()),
        (),
        2,
    ),
    "data": (
        target_data,
        st.tuples(st.sampled_from(TABLE_NAMES), EDITS, CUT,
                  st.none() | st.tuples(st.integers(0, 10**4), st.integers(0, 20), TEXT)),
        (),
        20,
    ),
    "model": (target_model, st.tuples(st.sampled_from(["npz", "deflated", "json"]), EDITS, CUT),
              (), 1),
}


def run_target(name, budget, random_seed, timeout):
    fn, strategy, allowed, _ = TARGETS[name]
    tried = 0
    crashes: list[tuple[str, str]] = []

    @seed(random_seed)
    @settings(max_examples=budget, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def harness(value):
        nonlocal tried
        tried += 1
        try:
            with deadline(timeout):
                fn(value)
        except allowed as exc:
            if "\n" in str(exc):
                crashes.append(("multi-line error message", repr(value)[:300]))
        except Exception as exc:  # every other exception is a crash
            where = traceback.extract_tb(exc.__traceback__)[-1]
            crashes.append((f"{type(exc).__name__}: {str(exc)[:200]} "
                            f"({Path(where.filename).name}:{where.lineno})",
                            repr(value)[:300]))

    harness()
    return tried, crashes


def main(argv=None) -> int:
    warnings.simplefilter("ignore", HypothesisWarning)  # reprs of the large sampled lists
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000,
                        help="inputs per target (data and cli targets get a share)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--targets", default=",".join(TARGETS),
                        help=f"comma-separated subset of {','.join(TARGETS)}")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per input")
    args = parser.parse_args(argv)
    total_tried, total_crashes = 0, 0
    started = time.perf_counter()
    for name in args.targets.split(","):
        budget = max(1, args.examples // TARGETS[name][3])
        t0 = time.perf_counter()
        tried, crashes = run_target(name, budget, args.seed, args.timeout)
        total_tried += tried
        total_crashes += len(crashes)
        print(f"{name:<11} inputs tried: {tried:>7,}   crashes: {len(crashes):>4}   "
              f"({time.perf_counter() - t0:,.0f} s)", flush=True)
        for kind, count in Counter(k for k, _ in crashes).most_common(10):
            example = next(v for k, v in crashes if k == kind)
            print(f"    {count} x {kind}\n      e.g. {example}")
    print(f"total       inputs tried: {total_tried:>7,}   crashes: {total_crashes:>4}   "
          f"({time.perf_counter() - started:,.0f} s, seed {args.seed})")
    return 1 if total_crashes else 0


if __name__ == "__main__":
    sys.exit(main())
