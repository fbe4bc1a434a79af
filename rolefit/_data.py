"""Load and validate the knowledge tables shipped in ``rolefit.data``.

Everything here is standard library only (``csv``, ``importlib.resources``) so that the
scoring path stays light. Tables are read once, validated, and cached; a broken edit raises
:class:`DataError` naming the file, the data row (1-based, header excluded) and the field.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["DataError", "Knowledge", "knowledge", "load_knowledge", "load_sample_resume"]

ROLE_IDS = (
    "ml_engineer",
    "ai_engineer",
    "data_scientist",
    "data_engineer",
    "research_scientist",
    "data_analyst",
    "software_engineer",
)
CATEGORIES = (
    "language",
    "ml_framework",
    "data_library",
    "genai",
    "nlp",
    "cv",
    "ml_concept",
    "statistics_math",
    "data_engineering",
    "database",
    "cloud",
    "mlops",
    "devops",
    "bi_visualization",
    "software_engineering",
    "research",
    "soft_skill",
)
MATCH_MODES = ("word", "case", "list")
TOPIC_TYPES = (
    "coding",
    "sql",
    "system_design",
    "debugging",
    "statistics",
    "case_study",
    "theory",
    "paper_discussion",
    "product_sense",
    "behavioral",
)
SOURCES = ("guide", "curated", "market")
_ID = re.compile(r"[a-z0-9_]+\Z")

SCHEMAS = {
    "skills.csv": ("skill_id", "name", "category", "aliases", "implies", "match"),
    "roles.csv": (
        "role_id",
        "title",
        "adjacent",
        "identity",
        "focus",
        "responsibilities",
        "salary_min_usd",
        "salary_max_usd",
        "salary_open_ended",
        "best_for",
    ),
    "role_skills.csv": ("role_id", "skill_id", "weight", "source"),
    "interview_topics.csv": ("role_id", "type", "topic", "skills"),
    "roadmaps.csv": (
        "roadmap_id",
        "background",
        "target_role",
        "step",
        "step_title",
        "action",
        "skills",
    ),
    "backgrounds.csv": ("background_id", "title", "skill_id", "weight"),
}


class DataError(ValueError):
    """A shipped or user-supplied table is malformed.

    Attributes
    ----------
    file : str
        File name of the table.
    row : int or None
        1-based data row (the header is row 0), or None for whole-file problems.
    field : str or None
        Column name, or None.
    """

    def __init__(self, file, row, field, message):
        self.file, self.row, self.field = str(file), row, field
        where = self.file
        if row is not None:
            where += f", row {row}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    implies: tuple[str, ...]
    match: str


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    adjacent: bool
    identity: str
    focus: str
    responsibilities: tuple[str, ...]
    salary_min_usd: int | None
    salary_max_usd: int | None
    salary_open_ended: bool
    best_for: tuple[str, ...]


@dataclass
class Knowledge:
    """All shipped tables, validated and cross-checked.

    ``skills`` and ``roles`` keep file order; ``skill_index`` maps a skill id to its column
    in every skill vector; ``closure`` maps a skill id to the ids it implies, transitively,
    itself excluded.
    """

    skills: list[Skill]
    roles: list[Role]
    role_skills: list[dict]
    topics: list[dict]
    roadmaps: list[dict]
    backgrounds: list[dict]
    skill_index: dict[str, int] = field(init=False)
    role_index: dict[str, int] = field(init=False)
    closure: dict[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self):
        self.skill_index = {s.id: i for i, s in enumerate(self.skills)}
        self.role_index = {r.id: i for i, r in enumerate(self.roles)}
        self.closure = _closure({s.id: s.implies for s in self.skills})

    @property
    def skill_by_id(self) -> dict[str, Skill]:
        return {s.id: s for s in self.skills}


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip()) if value else ()


def _records(text: str, name: str):
    """Yield ``(record number, values)``, the header being record 0.

    CSV syntax errors (e.g. a field over the csv module's size limit) become DataError.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise DataError(name, number, None, f"not valid CSV ({exc})") from None
        yield number, values
        number += 1


def _read(source: Path | None, name: str) -> list[dict]:
    """Read one CSV table as a list of dicts, checking encoding and header."""
    if source is None:
        raw = resources.files("rolefit.data").joinpath(name).read_bytes()
    else:
        path = Path(source) / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DataError(name, None, None, f"file not found in {source}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n")
        raise DataError(
            name, line if line else None, None, f"not valid UTF-8 (byte {exc.start})"
        ) from None
    records = _records(text, name)
    try:
        _, header = next(records)
    except StopIteration:
        raise DataError(name, None, None, "file is empty") from None
    expected = SCHEMAS[name]
    header = [h.strip() for h in header]
    missing = [c for c in expected if c not in header]
    if missing:
        raise DataError(name, 0, missing[0], "column missing from the header")
    rows = []
    for number, values in records:
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise DataError(
                name, number, None, f"has {len(values)} fields, the header has {len(header)}"
            )
        row = {h: v.strip() for h, v in zip(header, values, strict=True)}
        row["_row"] = number
        rows.append(row)
    return rows


def _require(name, row, column, ok, message):
    if not ok:
        raise DataError(name, row["_row"], column, f"{message} (value {row[column]!r})")


def _id(name, row, column):
    _require(name, row, column, _ID.match(row[column]), "must be a snake_case id [a-z0-9_]+")
    return row[column]


def _bool(name, row, column):
    _require(name, row, column, row[column] in ("true", "false"), "must be true or false")
    return row[column] == "true"


def _weight(name, row, column):
    try:
        value = float(row[column])
    except ValueError:
        value = float("nan")
    _require(name, row, column, 0.0 < value <= 1.0, "must be a number in (0, 1]")
    return value


def _int_or_none(name, row, column):
    if not row[column]:
        return None
    _require(name, row, column, row[column].isdigit(), "must be a whole number of USD")
    return int(row[column])


def _closure(implies: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}

    def visit(node):
        if node in out:
            return out[node]
        seen: list[str] = []
        for nxt in implies[node]:
            for s in (nxt, *visit(nxt)):
                if s not in seen and s != node:
                    seen.append(s)
        out[node] = tuple(seen)
        return out[node]

    for node in implies:
        visit(node)
    return out


def _check_cycles(name, rows, implies):
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    row_of = {r["skill_id"]: r for r in rows}

    def visit(node, path):
        state[node] = 1
        for nxt in implies[node]:
            if state.get(nxt) == 1:
                cycle = " -> ".join([*path[path.index(nxt) :], nxt])
                _require(name, row_of[node], "implies", False, f"implication cycle {cycle}")
            if state.get(nxt) is None:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in implies:
        if state.get(node) is None:
            visit(node, [node])


def _load_skills(source) -> list[Skill]:
    name = "skills.csv"
    rows = _read(source, name)
    if not rows:
        raise DataError(name, None, None, "has no rows")
    skills, ids = [], set()
    for row in rows:
        sid = _id(name, row, "skill_id")
        _require(name, row, "skill_id", sid not in ids, "duplicate skill id")
        ids.add(sid)
        _require(name, row, "name", row["name"], "name is empty")
        _require(name, row, "category", row["category"] in CATEGORIES, "unknown category")
        _require(name, row, "match", row["match"] in MATCH_MODES, "must be word, case or list")
        skills.append(
            Skill(
                sid,
                row["name"],
                row["category"],
                _split(row["aliases"]),
                _split(row["implies"]),
                row["match"],
            )
        )
    owner: dict[str, str] = {}
    for row, skill in zip(rows, skills, strict=True):
        for target in skill.implies:
            _require(name, row, "implies", target in ids, f"implies unknown skill {target!r}")
            _require(name, row, "implies", target != skill.id, "a skill cannot imply itself")
        for alias in {skill.name, skill.id.replace("_", " "), *skill.aliases}:
            key = " ".join(alias.lower().split())
            other = owner.setdefault(key, skill.id)
            _require(
                name, row, "aliases", other == skill.id, f"alias {alias!r} is also {other!r}'s"
            )
    _check_cycles(name, rows, {s.id: s.implies for s in skills})
    return skills


def _load_roles(source) -> list[Role]:
    name = "roles.csv"
    roles = []
    for row in _read(source, name):
        rid = _id(name, row, "role_id")
        _require(
            name, row, "role_id", rid in ROLE_IDS, f"unknown role; expected one of {ROLE_IDS}"
        )
        _require(name, row, "role_id", rid not in {r.id for r in roles}, "duplicate role id")
        _require(name, row, "title", row["title"], "title is empty")
        low = _int_or_none(name, row, "salary_min_usd")
        high = _int_or_none(name, row, "salary_max_usd")
        _require(
            name,
            row,
            "salary_max_usd",
            low is None or high is None or low <= high,
            f"below salary_min_usd {low}",
        )
        roles.append(
            Role(
                rid,
                row["title"],
                _bool(name, row, "adjacent"),
                row["identity"],
                row["focus"],
                _split(row["responsibilities"]),
                low,
                high,
                _bool(name, row, "salary_open_ended"),
                _split(row["best_for"]),
            )
        )
    found = {r.id for r in roles}
    if found != set(ROLE_IDS):
        raise DataError(name, None, "role_id", f"missing roles {sorted(set(ROLE_IDS) - found)}")
    return roles


def _skill_list(name, row, column, skill_ids):
    values = _split(row[column])
    for value in values:
        _require(name, row, column, value in skill_ids, f"unknown skill id {value!r}")
    return values


def _load_role_skills(source, skill_ids, role_ids) -> list[dict]:
    name = "role_skills.csv"
    out, seen = [], set()
    for row in _read(source, name):
        _require(name, row, "role_id", row["role_id"] in role_ids, "unknown role id")
        _require(name, row, "skill_id", row["skill_id"] in skill_ids, "unknown skill id")
        pair = (row["role_id"], row["skill_id"])
        _require(name, row, "skill_id", pair not in seen, "duplicate role and skill pair")
        seen.add(pair)
        _require(name, row, "source", row["source"] in SOURCES, f"must be one of {SOURCES}")
        out.append({**row, "weight": _weight(name, row, "weight")})
    for rid in role_ids:
        if not any(r["role_id"] == rid for r in out):
            raise DataError(name, None, "role_id", f"role {rid!r} has no skills")
    return out


def _load_topics(source, skill_ids, role_ids) -> list[dict]:
    name = "interview_topics.csv"
    out = []
    for row in _read(source, name):
        _require(name, row, "role_id", row["role_id"] in role_ids, "unknown role id")
        _require(name, row, "type", row["type"] in TOPIC_TYPES, f"must be one of {TOPIC_TYPES}")
        _require(name, row, "topic", row["topic"], "topic is empty")
        out.append({**row, "skills": _skill_list(name, row, "skills", skill_ids)})
    return out


def _load_roadmaps(source, skill_ids, role_ids, background_ids) -> list[dict]:
    name = "roadmaps.csv"
    out, first = [], {}
    for row in _read(source, name):
        _id(name, row, "roadmap_id")
        _id(name, row, "background")
        _require(
            name, row, "background", row["background"] in background_ids,
            "unknown background; expected a background_id of backgrounds.csv",
        )
        _require(name, row, "target_role", row["target_role"] in role_ids, "unknown role id")
        head = first.setdefault(row["roadmap_id"], row)
        for column in ("background", "target_role"):
            _require(
                name, row, column, row[column] == head[column],
                f"differs from the other rows of roadmap {row['roadmap_id']!r} "
                f"({head[column]!r})",
            )
        _require(name, row, "step", row["step"] in ("1", "2", "3"), "must be 1, 2 or 3")
        _require(name, row, "action", row["action"], "action is empty")
        skills = _skill_list(name, row, "skills", skill_ids)
        out.append({**row, "step": int(row["step"]), "skills": skills})
    return out


def _load_backgrounds(source, skill_ids) -> list[dict]:
    name = "backgrounds.csv"
    out, seen = [], set()
    for row in _read(source, name):
        _id(name, row, "background_id")
        _require(name, row, "skill_id", row["skill_id"] in skill_ids, "unknown skill id")
        pair = (row["background_id"], row["skill_id"])
        _require(name, row, "skill_id", pair not in seen, "duplicate background and skill pair")
        seen.add(pair)
        out.append({**row, "weight": _weight(name, row, "weight")})
    return out


def load_knowledge(source: str | Path | None = None) -> Knowledge:
    """Load and validate every table from ``source`` (a folder) or the shipped data.

    Raises
    ------
    DataError
        Naming the file, row and field of the first problem found.
    """
    source = None if source is None else Path(source)
    skills = _load_skills(source)
    skill_ids = {s.id for s in skills}
    roles = _load_roles(source)
    role_ids = [r.id for r in roles]
    backgrounds = _load_backgrounds(source, skill_ids)
    background_ids = {b["background_id"] for b in backgrounds}
    return Knowledge(
        skills=skills,
        roles=roles,
        role_skills=_load_role_skills(source, skill_ids, role_ids),
        topics=_load_topics(source, skill_ids, role_ids),
        roadmaps=_load_roadmaps(source, skill_ids, role_ids, background_ids),
        backgrounds=backgrounds,
    )


@cache
def knowledge() -> Knowledge:
    """The shipped knowledge, loaded once per process."""
    return load_knowledge()


def load_sample_resume() -> str:
    """Return the text of the sample resume shipped with rolefit.

    Examples
    --------
    >>> import rolefit
    >>> "Python" in rolefit.load_sample_resume()
    True
    """
    return resources.files("rolefit").joinpath("sample_resume.txt").read_text("utf-8")


def check_role(role) -> str:
    """The role id that ``role`` names, else a ValueError that lists the roles.

    A role id (``data_engineer``) or a role's title in any case (``"Data Engineer"``,
    ``"data engineer"``) is accepted.

    Examples
    --------
    >>> from rolefit.profiles import check_role
    >>> check_role("data_engineer"), check_role("ML engineer")
    ('data_engineer', 'ml_engineer')
    """
    kn = knowledge()
    if isinstance(role, str) and role in kn.role_index:
        return role
    if isinstance(role, str):
        wanted = " ".join(role.split()).casefold()
        for r in kn.roles:
            if wanted in (r.id.casefold(), r.title.casefold(), r.id.replace("_", " ")):
                return r.id
    known = ", ".join(f"{r.id} ({r.title})" for r in kn.roles)
    raise ValueError(f"unknown role {role!r}; known roles: {known}")
