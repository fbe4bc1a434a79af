"""Hand-edited tables that are broken in ways tests/test_data.py does not try.

Every table and every column is corrupted in turn (bad UTF-8, a missing column), then the
cross-table rules (duplicates, unknown ids, cycles, weights out of range) and CSV syntax
problems. Each broken copy must raise :class:`rolefit.DataError` naming the file, the
1-based data row and the field, never another exception and never load silently.
"""

from __future__ import annotations

import csv
import io

import pytest
from _tables import read_rows, write_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit._data import SCHEMAS, DataError, load_knowledge

TABLES = sorted(SCHEMAS)


_rows, _write = read_rows, write_rows


def _refused(folder, name, row, field, words):
    with pytest.raises(DataError) as info:
        load_knowledge(folder)
    err = info.value
    assert (err.file, err.row, err.field) == (name, row, field), str(err)
    assert words in str(err), str(err)
    assert str(err).startswith(name)
    return err


# -- every table, every column -----------------------------------------------------------------
@pytest.mark.parametrize("name", TABLES)
def test_bad_utf8_in_every_table_names_file_and_row(data_copy, name):
    path = data_copy / name
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2][:5] + b"\xe9\xff" + lines[2][5:]  # latin-1 'e' acute and a stray byte
    path.write_bytes(b"\n".join(lines))
    _refused(data_copy, name, 2, None, "not valid UTF-8")


@pytest.mark.parametrize("name", TABLES)
def test_utf16_table_is_refused_as_not_utf8(data_copy, name):
    path = data_copy / name
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    _refused(data_copy, name, None, None, "not valid UTF-8")


@pytest.mark.parametrize(
    ("name", "column"), [(name, column) for name in TABLES for column in SCHEMAS[name]]
)
def test_every_missing_column_is_named(data_copy, name, column):
    path = data_copy / name
    rows = _rows(path)
    _write(path, rows, [c for c in rows[0] if c != column])
    _refused(data_copy, name, 0, column, "column missing")


@pytest.mark.parametrize("name", TABLES)
def test_utf8_bom_and_crlf_line_ends_still_load(data_copy, name):
    path = data_copy / name
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_knowledge(data_copy).skills


# -- rules within and across tables --------------------------------------------------------------
def _edit(data_copy, name, edit):
    path = data_copy / name
    rows = _rows(path)
    edit(rows)
    _write(path, rows)


def _duplicate(index):
    def edit(rows):
        rows.insert(index + 1, dict(rows[index]))

    return edit


def _set(index, **values):
    def edit(rows):
        rows[index].update(values)

    return edit


def _drop(rows, **match):
    rows[:] = [r for r in rows if any(r[k] != v for k, v in match.items())]


def _cycle3(rows):
    # a -> b -> c -> a among three skills that imply nothing yet
    free = [r for r in rows if not r["implies"]][:3]
    for this, nxt in zip(free, free[1:] + free[:1], strict=True):
        this["implies"] = nxt["skill_id"]


CASES = [
    # skills.csv
    ("skills.csv", _set(0, skill_id="Py-Torch"), 1, "skill_id", "snake_case"),
    ("skills.csv", _set(3, name=""), 4, "name", "name is empty"),
    ("skills.csv", _set(2, match="regex"), 3, "match", "word, case or list"),
    ("skills.csv", lambda rows: rows[5].update(implies=rows[5]["skill_id"]), 6, "implies",
     "imply itself"),
    ("skills.csv", lambda rows: rows[7].update(implies="python|no_such_skill"), 8, "implies",
     "unknown skill 'no_such_skill'"),
    ("skills.csv", _cycle3, None, "implies", "implication cycle"),
    # roles.csv
    ("roles.csv", _duplicate(1), 3, "role_id", "duplicate role id"),
    ("roles.csv", _set(2, role_id="astronaut"), 3, "role_id", "unknown role"),
    ("roles.csv", lambda rows: rows.pop(4), None, "role_id", "missing roles"),
    ("roles.csv", _set(0, salary_min_usd="lots"), 1, "salary_min_usd", "whole number"),
    ("roles.csv", _set(0, salary_min_usd="-5"), 1, "salary_min_usd", "whole number"),
    ("roles.csv", _set(1, salary_open_ended="yes"), 2, "salary_open_ended", "true or false"),
    ("roles.csv", _set(3, title=""), 4, "title", "title is empty"),
    # role_skills.csv
    ("role_skills.csv", _duplicate(4), 6, "skill_id", "duplicate role and skill pair"),
    ("role_skills.csv", _set(1, role_id="astronaut"), 2, "role_id", "unknown role id"),
    ("role_skills.csv", _set(2, source="blog"), 3, "source", "must be one of"),
    ("role_skills.csv", lambda rows: _drop(rows, role_id="ml_engineer"), None, "role_id",
     "has no skills"),
    # interview_topics.csv
    ("interview_topics.csv", _set(1, role_id="astronaut"), 2, "role_id", "unknown role id"),
    ("interview_topics.csv", _set(2, topic=""), 3, "topic", "topic is empty"),
    ("interview_topics.csv", _set(0, skills="python|astrology"), 1, "skills",
     "unknown skill id 'astrology'"),
    # roadmaps.csv
    ("roadmaps.csv", _set(1, target_role="astronaut"), 2, "target_role", "unknown role id"),
    ("roadmaps.csv", _set(0, skills="astrology"), 1, "skills", "unknown skill id"),
    ("roadmaps.csv", _set(2, action=""), 3, "action", "action is empty"),
    ("roadmaps.csv", _set(0, step="one"), 1, "step", "1, 2 or 3"),
    ("roadmaps.csv", _set(0, roadmap_id="Bad Id"), 1, "roadmap_id", "snake_case"),
    ("roadmaps.csv", _set(1, background="astronaut"), 2, "background", "unknown background"),
    ("roadmaps.csv", _set(1, target_role="data_analyst"), 2, "target_role",
     "other rows of roadmap"),
    # backgrounds.csv
    ("backgrounds.csv", _duplicate(2), 4, "skill_id", "duplicate background and skill pair"),
    ("backgrounds.csv", _set(1, skill_id="astrology"), 2, "skill_id", "unknown skill id"),
    ("backgrounds.csv", _set(0, background_id="Soft Eng"), 1, "background_id", "snake_case"),
]


@pytest.mark.parametrize(("name", "edit", "row", "field", "words"), CASES)
def test_rule_breaks_name_file_row_and_field(data_copy, name, edit, row, field, words):
    _edit(data_copy, name, edit)
    err = _refused_any_row(data_copy, name, field, words)
    if row is not None:
        assert err.row == row, str(err)


def _refused_any_row(folder, name, field, words):
    with pytest.raises(DataError) as info:
        load_knowledge(folder)
    err = info.value
    assert (err.file, err.field) == (name, field), str(err)
    assert words in str(err), str(err)
    return err


def test_three_skill_cycle_names_the_path(data_copy):
    _edit(data_copy, "skills.csv", _cycle3)
    err = _refused_any_row(data_copy, "skills.csv", "implies", "implication cycle")
    assert err.row is not None
    assert str(err).count("->") == 3  # a -> b -> c -> a


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (name, value)
        for name in ("role_skills.csv", "backgrounds.csv")
        for value in ("-0.5", "0", "0.0", "nan", "inf", "-inf", "1e-400", "", "1.0000001",
                      "2", "0x1", "½", "1,0")
    ],
)
def test_weight_out_of_range_or_not_a_number(data_copy, name, value):
    _edit(data_copy, name, _set(3, weight=value))
    _refused(data_copy, name, 4, "weight", "(0, 1]")


@pytest.mark.parametrize("value", ["1", "0.5", "1e-3", " 0.25 "])
def test_valid_weights_load(data_copy, value):
    _edit(data_copy, "backgrounds.csv", _set(3, weight=value))
    load_knowledge(data_copy)


# -- CSV syntax --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", TABLES)
def test_oversized_field_is_a_data_error(data_copy, name):
    path = data_copy / name
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "x" * 200_000)
    path.write_text("\n".join(lines), encoding="utf-8")
    _refused(data_copy, name, 3, None, "not valid CSV")


def test_unterminated_quote_is_a_data_error(data_copy):
    path = data_copy / "backgrounds.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'academic,"Academic,latex,1\n')
    with pytest.raises(DataError) as info:
        load_knowledge(data_copy)
    assert info.value.file == "backgrounds.csv"


def test_nul_byte_in_a_cell_is_a_data_error(data_copy):
    _edit(data_copy, "role_skills.csv", _set(0, skill_id="python\x00"))
    _refused(data_copy, "role_skills.csv", 1, "skill_id", "unknown skill id")


def test_quoted_newline_keeps_row_numbers_as_records(data_copy):
    # a multi-line action is one record: the error two records later names record 3
    path = data_copy / "roadmaps.csv"
    rows = _rows(path)
    rows[0]["action"] = "line one\nline two"
    rows[2]["step"] = "9"
    _write(path, rows)
    _refused(data_copy, "roadmaps.csv", 3, "step", "1, 2 or 3")


# -- property: one random cell replaced by random text -----------------------------------------
CELL_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "|", "||", "nan", "-1", "1e999", "true", "None", '"', "\x00",
                     "python", "ml_engineer", "\u202e", "\ud800"]),
)


@settings(max_examples=20, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(TABLES), pick=st.integers(0, 10_000), value=CELL_TEXT,
       column_pick=st.integers(0, 100))
def test_property_any_cell_edit_loads_or_names_the_file(data_copy, name, pick, value,
                                                       column_pick):
    path = data_copy / name
    original = path.read_bytes()
    try:
        rows = _rows(path)
        index = pick % len(rows)
        column = SCHEMAS[name][column_pick % len(SCHEMAS[name])]
        rows[index][column] = value
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
        try:
            load_knowledge(data_copy)
        except DataError as err:
            # the edited table is blamed, or a table that refers to an id it defines
            assert err.file in SCHEMAS, str(err)
            assert err.row is None or 0 <= err.row <= len(rows) + 1, str(err)
            assert err.field is None or err.field in SCHEMAS[err.file], str(err)
    finally:
        path.write_bytes(original)
