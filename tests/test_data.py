"""Every shipped table is validated on load; a broken edit names file, row and field."""

from __future__ import annotations

import pytest
from _tables import read_rows, write_rows

from rolefit._data import SCHEMAS, DataError, knowledge, load_knowledge

_rows, _write = read_rows, write_rows


def test_shipped_tables_load_and_meet_the_brief():
    kn = knowledge()
    assert len(kn.skills) >= 300
    assert [r.id for r in kn.roles][:5] == [
        "ml_engineer",
        "ai_engineer",
        "data_scientist",
        "data_engineer",
        "research_scientist",
    ]
    assert {r.id for r in kn.roles if r.adjacent} == {"data_analyst", "software_engineer"}
    roadmaps = {(r["background"], r["target_role"]) for r in kn.roadmaps}
    assert roadmaps == {
        ("software_engineer", "ml_engineer"),
        ("data_analyst", "data_scientist"),
        ("backend_engineer", "data_engineer"),
        ("academic", "research_scientist"),
    }
    assert {b["background_id"] for b in kn.backgrounds} == {
        "software_engineer",
        "data_analyst",
        "backend_engineer",
        "academic",
    }
    assert kn.closure["pytorch"] and {"deep_learning", "python"} <= set(kn.closure["pytorch"])
    assert "aws" in kn.closure["aws_sagemaker"]


def test_every_target_role_has_topics_of_several_types():
    kn = knowledge()
    for role in ("ml_engineer", "ai_engineer", "data_scientist", "data_engineer",
                 "research_scientist"):
        types = {t["type"] for t in kn.topics if t["role_id"] == role}
        assert len(types) >= 2, role


def test_copy_loads(data_copy):
    assert len(load_knowledge(data_copy).skills) == len(knowledge().skills)


def _corrupt(data_copy, name, edit):
    path = data_copy / name
    rows = _rows(path)
    fieldnames = list(rows[0])
    result = edit(rows, fieldnames)
    _write(path, rows, result or fieldnames)


@pytest.mark.parametrize(
    ("name", "edit", "row", "field", "words"),
    [
        (
            "skills.csv",
            lambda rows, f: [c for c in f if c != "category"],
            0,
            "category",
            "column missing",
        ),
        (
            "skills.csv",
            lambda rows, f: rows[4].update(skill_id=rows[2]["skill_id"]),
            5,
            "skill_id",
            "duplicate skill id",
        ),
        (
            "skills.csv",
            lambda rows, f: rows[6].update(implies="no_such_skill"),
            7,
            "implies",
            "unknown skill",
        ),
        (
            "skills.csv",
            lambda rows, f: rows[3].update(aliases=rows[3]["aliases"] + "|" + rows[8]["name"]),
            None,
            "aliases",
            "is also",
        ),
        (
            "skills.csv",
            lambda rows, f: rows[1].update(category="astrology"),
            2,
            "category",
            "unknown category",
        ),
        (
            "role_skills.csv",
            lambda rows, f: rows[2].update(weight="1.5"),
            3,
            "weight",
            "(0, 1]",
        ),
        (
            "role_skills.csv",
            lambda rows, f: rows[0].update(weight="heavy"),
            1,
            "weight",
            "(0, 1]",
        ),
        (
            "role_skills.csv",
            lambda rows, f: rows[5].update(skill_id="astrology"),
            6,
            "skill_id",
            "unknown skill id",
        ),
        (
            "roles.csv",
            lambda rows, f: rows[0].update(adjacent="maybe"),
            1,
            "adjacent",
            "true or false",
        ),
        (
            "roles.csv",
            lambda rows, f: rows[1].update(salary_max_usd="1000"),
            2,
            "salary_max_usd",
            "below",
        ),
        (
            "roadmaps.csv",
            lambda rows, f: rows[0].update(step="4"),
            1,
            "step",
            "1, 2 or 3",
        ),
        (
            "interview_topics.csv",
            lambda rows, f: rows[0].update(type="astrology"),
            1,
            "type",
            "must be one of",
        ),
        (
            "backgrounds.csv",
            lambda rows, f: rows[0].update(weight="0"),
            1,
            "weight",
            "(0, 1]",
        ),
    ],
)
def test_corruption_names_file_row_and_field(data_copy, name, edit, row, field, words):
    _corrupt(data_copy, name, edit)
    with pytest.raises(DataError) as info:
        load_knowledge(data_copy)
    err = info.value
    assert err.file == name
    assert err.field == field
    if row is not None:
        assert err.row == row
    assert words in str(err)
    assert name in str(err)


def test_implication_cycle_is_refused(data_copy):
    path = data_copy / "skills.csv"
    rows = _rows(path)
    by_id = {r["skill_id"]: r for r in rows}
    by_id["python"]["implies"] = "pytorch"  # pytorch already implies python
    _write(path, rows)
    with pytest.raises(DataError, match="implication cycle") as info:
        load_knowledge(data_copy)
    assert info.value.field == "implies"


def test_bad_utf8_names_the_line(data_copy):
    path = data_copy / "roles.csv"
    raw = path.read_bytes().split(b"\n")
    raw[3] = raw[3] + b"\xff\xfe"
    path.write_bytes(b"\n".join(raw))
    with pytest.raises(DataError, match="not valid UTF-8") as info:
        load_knowledge(data_copy)
    assert info.value.file == "roles.csv"
    assert info.value.row == 3


def test_missing_file_and_empty_file(data_copy):
    (data_copy / "roadmaps.csv").unlink()
    with pytest.raises(DataError, match="file not found"):
        load_knowledge(data_copy)
    (data_copy / "roadmaps.csv").write_text("")
    with pytest.raises(DataError, match="empty"):
        load_knowledge(data_copy)


def test_ragged_row(data_copy):
    path = data_copy / "role_skills.csv"
    path.write_text(path.read_text() + "ml_engineer,python\n")
    with pytest.raises(DataError, match="fields") as info:
        load_knowledge(data_copy)
    assert info.value.row is not None


def test_schemas_match_the_data_readme():
    from importlib import resources

    readme = resources.files("rolefit.data").joinpath("README.md").read_text("utf-8")
    for name, columns in SCHEMAS.items():
        assert f"`{name}`" in readme
        for column in columns:
            assert column in readme, (name, column)
