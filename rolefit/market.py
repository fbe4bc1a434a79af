"""Ground the role model in real job postings: skill prevalence, salary premiums, classifier.

The pipeline reads three public datasets (``../shared/datasets``, never shipped):

- ``data_jobs_2023``: 2023 postings with a role class (``job_title_short``), the full
  title, a skill list from a closed vocabulary, a salary and a company;
- ``builtin_ai_postings``: 2025-26 AI-engineering postings (title, company, board tags,
  full description);
- ``onet_technology_skills``: O*NET technology examples per occupation (a prior).

and writes committed, human-readable outputs (aggregates only, no posting is shipped):

- ``data/market_prevalence.csv``: per role and skill, the share of postings asking for it;
- ``data/market_salary_premium.csv``: per role and skill, median advertised salary of
  postings with and without it;
- ``models/role_classifier.npz`` + ``.json``: the trained classifier
  (:mod:`rolefit.classifier`), and ``models/MODEL_CARD.md``.

Rebuild them from the repository root (same inputs, same bytes)::

    python -m rolefit.market build --datasets ../shared/datasets --out .

**Role labels.** ``data_jobs`` classes map to roles (Senior variants included); Business
Analyst and Cloud Engineer postings are left out (no matching role; Business Analyst
postings are requirements and process work, which would blur the Data Analyst profile).
Research Scientist and AI Engineer exist only in the title text: a title matching
:data:`RESEARCH_TITLE` in a Data Scientist or ML Engineer posting becomes
``research_scientist`` (the same title in an analyst or data-engineer posting is
non-ML research, physics or genomics, and is left out), and a title matching
:data:`AI_TITLE` becomes ``ai_engineer``. Built In titles are labelled by the same rules
(:func:`role_from_title`); its "Software Engineer (AI)" titles are left out because they
do not say which role they are. Every exclusion is counted in the pipeline summary.

**Skills.** ``data_jobs`` terms are mapped with :func:`rolefit.normalize` (except the
English words of :data:`DATA_JOBS_AMBIGUOUS`, left out); Built In tags
with :func:`rolefit.normalize`, falling back to :func:`rolefit.extract_skills`; Built In
descriptions (title removed) with :func:`rolefit.extract_skills`. Unmapped terms are
counted in the summary, not silently dropped.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import io
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from rolefit._data import DataError, knowledge
from rolefit.classifier import PROFILE_WEIGHT

__all__ = [
    "AI_TITLE",
    "RESEARCH_TITLE",
    "PostingsError",
    "gap_evidence",
    "load_postings",
    "market_prevalence",
    "role_from_title",
    "salary_premium_dict",
    "salary_premiums",
]

BUILD_DATE = "2026-11-25"
DATA_JOBS = Path("data_jobs_2023") / "data_jobs_2023.csv"
BUILTIN = Path("builtin_ai_postings") / "postings"
ONET = Path("onet_technology_skills") / "technology_skills.tsv"
PREVALENCE_FILE = "market_prevalence.csv"
PREMIUM_FILE = "market_salary_premium.csv"
MODEL_FILE = "role_classifier.npz"
#: A (role, skill) share is reported only when at least this many postings of the role
#: could show the skill.
MIN_ROLE_POSTINGS = 30
#: A salary premium is reported only with at least this many postings with the skill, and
#: as many without it (US postings with a yearly salary).
MIN_SALARY_POSTINGS = 30
#: A skill in a role's profile is "rarely asked for" below this share of the role's postings.
RARE_SHARE = 0.05

PREVALENCE_COLUMNS = (
    "role_id", "skill_id", "n_postings", "n_role_postings", "share", "guide", "onet",
)
PREMIUM_COLUMNS = (
    "role_id", "skill_id", "n_with", "n_without", "median_with_usd", "median_without_usd",
    "premium_usd", "premium_pct",
)

# -- role labels -------------------------------------------------------------------------
DATA_JOBS_ROLES = {
    "Data Scientist": "data_scientist",
    "Senior Data Scientist": "data_scientist",
    "Data Engineer": "data_engineer",
    "Senior Data Engineer": "data_engineer",
    "Data Analyst": "data_analyst",
    "Senior Data Analyst": "data_analyst",
    "Machine Learning Engineer": "ml_engineer",
    "Software Engineer": "software_engineer",
}
#: ``data_jobs`` skill terms left out: ordinary English words that the upstream keyword
#: matcher finds in any posting ("go", "flow", "express"...), so a match rarely means the
#: technology (for example "go" is in 6.5% of Data Analyst postings, "flow" in 6.3%).
DATA_JOBS_AMBIGUOUS = (
    "arch", "assembly", "chef", "colocation", "express", "flow", "go", "notion",
    "phoenix", "planner", "slack", "spring", "swift", "symphony", "terminal", "unify",
    "unity", "wire", "zoom",
)
#: ``data_jobs`` classes in which a research title means ML research.
ML_CLASSES = ("Data Scientist", "Senior Data Scientist", "Machine Learning Engineer")
#: Research scientist / engineer titles (also applied, ML and AI scientists).
RESEARCH_TITLE = (
    r"\bresearch\s+(scientist|engineer)s?\b"
    r"|\b(applied|machine\s+learning|ml|ai|deep\s+learning|nlp)\s+(research\s+)?scientists?\b"
)
#: AI engineer titles: "AI", "GenAI", "LLM", "agentic" or "prompt" right before
#: engineer/developer ("Applied AI Engineer", "Generative AI Developer").
AI_TITLE = (
    r"\b(ai|a\.i\.|artificial\s+intelligence|gen\s?ai|generative\s+ai|llm|agentic(\s+ai)?"
    r"|prompt)\s+(engineer|developer)s?\b"
)
#: Title rules in order: the first match wins.
TITLE_RULES = (
    ("research_scientist", RESEARCH_TITLE),
    ("data_engineer", r"\bdata\s+engineer"),
    (
        "ml_engineer",
        r"\b(machine\s+learning|ml|mlops|deep\s+learning|computer\s+vision|nlp)\b"
        r".*\b(engineer|developer)s?\b",
    ),
    ("ai_engineer", AI_TITLE),
    ("data_scientist", r"\bdata\s+scien"),
    ("data_analyst", r"\b(data|bi|business\s+intelligence|analytics|reporting)\s+analyst"),
    (
        "software_engineer",
        r"\bsoftware\s+(engineer|developer)|\b(back-?\s?end|front-?\s?end|full[-\s]?stack)"
        r"\s+(engineer|developer)",
    ),
)
#: Roles the Built In titles may give: its software-engineer titles are AI product roles
#: that do not say which role they are, and its 4 data-scientist titles are too few to
#: learn or test a text profile from (data scientists come from data_jobs).
BUILTIN_ROLES = ("ai_engineer", "ml_engineer", "research_scientist", "data_engineer")
#: Within a role, each kind of evidence with at least this many rows (2023 skill lists,
#: Built In tags, Built In descriptions) gets an equal share of the role's weight.
MIN_CELL_ROWS = 5
#: O*NET occupations used as a prior for each role (ML and AI engineers have none).
ONET_ROLES = {
    "data_scientist": ("15-2051.00",),
    "research_scientist": ("15-1221.00",),
    "data_engineer": ("15-1243.00", "15-1243.01"),
    "software_engineer": ("15-1252.00",),
    "data_analyst": ("15-2051.01",),
}


@cache
def _title_rules():
    return tuple((role, re.compile(rx, re.IGNORECASE)) for role, rx in TITLE_RULES)


def role_from_title(title: str) -> str | None:
    """The role id a job title names, by :data:`TITLE_RULES` (first match wins), or None.

    A title that is already a role id or a role's display title maps to that role.

    Examples
    --------
    >>> from rolefit.market import role_from_title
    >>> [role_from_title(t) for t in ("Senior AI Engineer", "AI/ML Engineer",
    ...  "Research Engineer, LLMs", "Sr. Data Analyst", "Head of Sales", "ml_engineer")]
    ['ai_engineer', 'ml_engineer', 'research_scientist', 'data_analyst', None, 'ml_engineer']
    """
    text = " ".join(str(title).split())
    kn = knowledge()
    if text in kn.role_index:
        return text
    for role in kn.roles:
        if text.lower() == role.title.lower():
            return role.id
    for role, rx in _title_rules():
        if rx.search(text):
            return role
    return None


# -- errors ------------------------------------------------------------------------------
class PostingsError(DataError):
    """A postings file cannot be used for training; names the file, row and column."""


# -- reading the public datasets -----------------------------------------------------------
@dataclass
class Postings:
    """Labelled postings from the public datasets, as canonical skill ids.

    ``frame`` has one row per labelled posting with columns ``source`` (``data_jobs`` or
    ``builtin``), ``company`` (a normalised key), ``date`` (YYYY-MM-DD), ``role``,
    ``list_ids`` (tuple: skills from its skill list or board tags), ``text_ids`` (tuple:
    skills found in its description, title removed; empty for ``data_jobs``),
    ``salary`` (yearly USD or NaN) and ``us`` (posted in the United States).
    ``observable`` maps a source to the skill ids it can show at all; ``summary`` counts
    what was read, labelled, left out and not mapped.
    """

    frame: object
    observable: dict[str, frozenset]
    summary: dict = field(default_factory=dict)
    versions: dict = field(default_factory=dict)


_COMPANY_SUFFIX = re.compile(
    r"\b(inc|llc|ltd|limited|corp|corporation|co|company|gmbh|plc|lp|llp|sa|ag)\b\.?"
)


def company_key(name) -> str:
    """Normalise a company name for grouping ("Acme, Inc." and "ACME Inc" agree).

    Examples
    --------
    >>> from rolefit.market import company_key
    >>> company_key("Acme, Inc."), company_key(" ACME  inc")
    ('acme', 'acme')
    """
    text = str(name or "").lower()
    text = _COMPANY_SUFFIX.sub(" ", re.sub(r"[^\w\s]", " ", text))
    return " ".join(text.split())


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_digest(folder: Path, pattern: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob(pattern)):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _package_digest(*names) -> str:
    digest = hashlib.sha256()
    for name in names:
        digest.update(resources.files("rolefit.data").joinpath(name).read_bytes())
    return digest.hexdigest()


def _check_datasets(datasets) -> Path:
    datasets = Path(datasets)
    for part in (DATA_JOBS, BUILTIN, ONET):
        if not (datasets / part).exists():
            raise FileNotFoundError(
                f"{datasets / part} not found: pass --datasets pointing at the public "
                "datasets folder (../shared/datasets from the repository root)"
            )
    return datasets


def _map_terms(terms, fallback_text: bool):
    """Map distinct skill terms to id tuples; returns (mapping, unmapped Counter)."""
    from rolefit.skills import extract_skills, normalize

    mapping: dict[str, tuple[str, ...]] = {}
    for term in terms:
        skill = normalize(term)
        if skill:
            mapping[term] = (skill,)
        elif fallback_text:
            mapping[term] = tuple(extract_skills(term))
        else:
            mapping[term] = ()
    return mapping


_SIMPLE_LIST = re.compile(r"\[(?:'[^'\\]*'(?:, '[^'\\]*')*)?\]")
_QUOTED = re.compile(r"'([^'\\]*)'")


def _read_data_jobs(path: Path, summary: dict):
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    counts: Counter = Counter()
    parsed: dict[str, list[str]] = {}
    for number, rec in enumerate(records, start=1):
        value = rec["job_skills"]
        if value and value not in parsed:
            if _SIMPLE_LIST.fullmatch(value):  # fast path for ['a', 'b']
                items = _QUOTED.findall(value)
            else:
                try:
                    items = ast.literal_eval(value)
                except (ValueError, SyntaxError):
                    items = None
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise DataError(path.name, number, "job_skills", "not a list of strings")
            parsed[value] = items
        if value:
            counts.update(parsed[value])
    mapping = _map_terms(sorted(counts), fallback_text=False)
    for term in DATA_JOBS_AMBIGUOUS:
        mapping[term] = ()
    research = re.compile(RESEARCH_TITLE, re.IGNORECASE)
    ai = re.compile(AI_TITLE, re.IGNORECASE)
    excluded: Counter = Counter()
    overrides: Counter = Counter()
    rows = []
    for rec in records:
        short = rec["job_title_short"]
        role = DATA_JOBS_ROLES.get(short)
        title = rec["job_title"]
        if research.search(title):
            if short not in ML_CLASSES:
                excluded[f"research title in a {short} posting"] += 1
                continue
            role = "research_scientist"
        elif ai.search(title) and role is not None and role != "data_engineer":
            role = "ai_engineer"
        if role is None:
            excluded[short] += 1
            continue
        if not rec["job_skills"]:
            excluded["no skill list"] += 1
            continue
        ids = sorted({s for term in parsed[rec["job_skills"]] for s in mapping[term]})
        if not ids:
            excluded["no mapped skill"] += 1
            continue
        if role != DATA_JOBS_ROLES.get(short):
            overrides[f"{short} -> {role}"] += 1
        salary = float(rec["salary_year_avg"]) if rec["salary_year_avg"] else float("nan")
        rows.append(
            (
                "data_jobs",
                company_key(rec["company_name"]) or f"row{len(rows)}",
                rec["job_posted_date"][:10],
                role,
                tuple(ids),
                (),
                salary,
                rec["job_country"] == "United States",
            )
        )
    unmapped = {t: c for t, c in counts.items()
                if not mapping[t] and t not in DATA_JOBS_AMBIGUOUS}
    ambiguous = {t: counts[t] for t in DATA_JOBS_AMBIGUOUS if t in counts}
    summary["data_jobs"] = {
        "rows": len(records),
        "labelled": len(rows),
        "excluded": dict(sorted(excluded.items())),
        "title_overrides": dict(sorted(overrides.items())),
        "distinct_terms": len(counts),
        "unmapped_terms": dict(sorted(unmapped.items(), key=lambda kv: (-kv[1], kv[0]))),
        "ambiguous_terms_left_out": dict(sorted(ambiguous.items(),
                                                key=lambda kv: (-kv[1], kv[0]))),
    }
    observable = frozenset(s for ids in mapping.values() for s in ids)
    return rows, observable


_YAML_KEY = re.compile(r"^([a-z_]+):(.*)$")


def _lenient_yaml(text: str) -> dict:
    """Read the few fields we need from a posting whose YAML is malformed.

    Top-level ``key: value`` lines start a field; every other line belongs to the current
    one (so a description line that lost its indentation stays in the description).
    """
    out: dict = {}
    key = None
    for line in text.splitlines():
        match = _YAML_KEY.match(line)
        if match and match.group(1) in {"job_id", "title", "company", "location", "work_type",
                                        "level", "skills", "company_size", "description",
                                        "industries", "posted_date", "url", "source"}:
            key, value = match.group(1), match.group(2).strip()
            out[key] = [] if key in ("skills", "industries") else (
                "" if value in ("|", "|-", ">", ">-") else value.strip("'\"")
            )
            continue
        if key in ("skills", "industries"):
            item = line.strip()
            if item.startswith("- "):
                out[key].append(item[2:].strip().strip("'\""))
        elif key == "description":
            out[key] += ("\n" if out[key] else "") + line.strip()
    return out


def _remove_title(text: str, title: str) -> str:
    words = title.split()
    if not words:
        return text
    pattern = r"\s+".join(re.escape(w) for w in words)
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


def _read_builtin(folder: Path, summary: dict):
    try:
        import yaml
    except ImportError:  # pragma: no cover - pyyaml is in the test extra
        raise ImportError("reading builtin_ai_postings needs pyyaml: pip install pyyaml") from None
    from rolefit.skills import extract_skills

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    docs, lenient = [], 0
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text("utf-8")
        try:
            doc = yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            doc, lenient = _lenient_yaml(text), lenient + 1
        docs.append(doc)
    tags: Counter = Counter(t for d in docs for t in (d.get("skills") or []) if isinstance(t, str))
    mapping = _map_terms(sorted(tags), fallback_text=True)
    roles: Counter = Counter()
    excluded: Counter = Counter()
    rows = []
    for doc in docs:
        title = " ".join(str(doc.get("title") or "").split())
        role = role_from_title(title) if title else None
        if role not in BUILTIN_ROLES:
            excluded[f"{role} title" if role else "title names no role"] += 1
            continue
        list_ids = sorted({s for t in doc.get("skills") or [] for s in mapping.get(t, ())})
        description = _remove_title(str(doc.get("description") or ""), title)
        text_ids = extract_skills(description)
        if not list_ids and not text_ids:
            excluded["no skill found"] += 1
            continue
        roles[role] += 1
        rows.append(
            (
                "builtin",
                company_key(doc.get("company")) or f"builtin{len(rows)}",
                str(doc.get("posted_date") or "")[:10],
                role,
                tuple(list_ids),
                tuple(text_ids),
                float("nan"),
                False,
            )
        )
    unmapped = {t: c for t, c in tags.items() if not mapping[t]}
    summary["builtin"] = {
        "files": len(docs),
        "read_leniently": lenient,
        "labelled": len(rows),
        "excluded": dict(sorted(excluded.items())),
        "distinct_tags": len(tags),
        "unmapped_tags": dict(sorted(unmapped.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    kn = knowledge()
    observable = frozenset(
        {s.id for s in kn.skills if s.match != "list"}
        | {s for ids in mapping.values() for s in ids}
    )
    return rows, observable


def load_postings(datasets) -> Postings:
    """Read and label the public postings (``data_jobs_2023`` and ``builtin_ai_postings``).

    Parameters
    ----------
    datasets : str or Path
        The public datasets folder (``../shared/datasets`` from the repository root).

    Returns
    -------
    Postings
    """
    import pandas as pd

    datasets = _check_datasets(datasets)
    summary: dict = {}
    jobs, jobs_seen = _read_data_jobs(datasets / DATA_JOBS, summary)
    built, built_seen = _read_builtin(datasets / BUILTIN, summary)
    columns = ["source", "company", "date", "role", "list_ids", "text_ids", "salary", "us"]
    frame = pd.DataFrame(jobs + built, columns=columns)
    summary["roles"] = {
        f"{source}:{role}": int(n)
        for (source, role), n in frame.groupby(["source", "role"]).size().items()
    }
    versions = {
        "data_jobs_2023.csv": _sha256(datasets / DATA_JOBS),
        "builtin_ai_postings": _folder_digest(datasets / BUILTIN, "*.yaml"),
        "technology_skills.tsv": _sha256(datasets / ONET),
        "rolefit skills.csv": _package_digest("skills.csv"),
        "rolefit role_skills.csv": _package_digest("role_skills.csv"),
    }
    return Postings(frame, {"data_jobs": jobs_seen, "builtin": built_seen}, summary, versions)


def read_onet(datasets, summary: dict | None = None) -> dict[str, dict[str, str]]:
    """O*NET technology examples of each role's occupations, as skill ids.

    Returns ``{role_id: {skill_id: "hot" | "listed"}}`` for the roles in
    :data:`ONET_ROLES`. A vendor-style name ("Oracle Java") is mapped by
    :func:`rolefit.normalize` on the whole name, then on the name without its leading
    words; names that still do not map are counted in ``summary["onet"]``.
    """
    from rolefit.skills import normalize

    path = Path(datasets) / ONET
    wanted = {code: role for role, codes in ONET_ROLES.items() for code in codes}
    out: dict[str, dict[str, str]] = {role: {} for role in ONET_ROLES}
    unmapped: Counter = Counter()
    examples = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle, delimiter="\t"):
            role = wanted.get(rec["O*NET-SOC Code"])
            if role is None:
                continue
            examples += 1
            words = rec["Example"].split()
            skill = next(
                (s for i in range(len(words)) if (s := normalize(" ".join(words[i:])))), None
            )
            if skill is None:
                unmapped[rec["Example"]] += 1
                continue
            flag = "hot" if rec["Hot Technology"] == "Y" else "listed"
            if out[role].get(skill) != "hot":
                out[role][skill] = flag
    if summary is not None:
        summary["onet"] = {
            "examples": examples,
            "unmapped_examples": len(unmapped),
            "unmapped": dict(sorted(unmapped.items())),
        }
    return out


# -- matrices --------------------------------------------------------------------------------
def closed_matrix(id_lists):
    """Sparse 0/1 matrix (rows x taxonomy skills) of id tuples, implied skills added."""
    from scipy import sparse

    from rolefit.batch import close_sparse

    index = knowledge().skill_index
    indptr, indices = [0], []
    for ids in id_lists:
        indices.extend(sorted(index[s] for s in ids))
        indptr.append(len(indices))
    explicit = sparse.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(indptr) - 1, len(index)),
    )
    return close_sparse(explicit)


def explicit_matrix(id_lists):
    """Sparse 0/1 matrix of id tuples, without implied skills (one-hot skills)."""
    from scipy import sparse

    index = knowledge().skill_index
    rows, cols = [], []
    for r, ids in enumerate(id_lists):
        for s in ids:
            rows.append(r)
            cols.append(index[s])
    return sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(id_lists), len(index))
    )


# -- derived tables ------------------------------------------------------------------------
def _guide_pairs() -> set[tuple[str, str]]:
    return {(r["role_id"], r["skill_id"]) for r in knowledge().role_skills
            if r["source"] == "guide"}


def _profile_pairs() -> set[tuple[str, str]]:
    return {(r["role_id"], r["skill_id"]) for r in knowledge().role_skills}


def prevalence_rows(postings: Postings, onet: dict | None = None) -> list[dict]:
    """The rows of ``market_prevalence.csv`` (see :func:`market_prevalence`)."""
    frame = postings.frame
    kn = knowledge()
    guide, profile = _guide_pairs(), _profile_pairs()
    onet = onet or {}
    rows = []
    for role in (r.id for r in kn.roles):
        part = frame[frame["role"] == role]
        n_by_source = part.groupby("source").size().to_dict()
        asked: Counter = Counter()
        for list_ids, text_ids in zip(part["list_ids"], part["text_ids"], strict=True):
            asked.update(set(list_ids) | set(text_ids))
        for skill in kn.skills:
            n_role = sum(n for src, n in n_by_source.items()
                         if skill.id in postings.observable[src])
            n = asked.get(skill.id, 0)
            listed = (role, skill.id) in profile
            if not listed and (n == 0 or n_role < MIN_ROLE_POSTINGS):
                continue
            share = n / n_role if n_role >= MIN_ROLE_POSTINGS else None
            onet_flag = ""
            if role in ONET_ROLES:
                onet_flag = onet.get(role, {}).get(skill.id, "no")
            rows.append(
                {
                    "role_id": role,
                    "skill_id": skill.id,
                    "n_postings": n,
                    "n_role_postings": n_role,
                    "share": share,
                    "guide": (role, skill.id) in guide,
                    "onet": onet_flag,
                }
            )
    order = {r.id: i for i, r in enumerate(kn.roles)}
    rows.sort(key=lambda r: (order[r["role_id"]],
                             -(r["share"] if r["share"] is not None else -1.0),
                             r["skill_id"]))
    return rows


def premium_rows(postings: Postings) -> list[dict]:
    """The rows of ``market_salary_premium.csv`` (see :func:`salary_premiums`)."""
    frame = postings.frame
    paid = frame[(frame["source"] == "data_jobs") & frame["us"] & frame["salary"].notna()]
    kn = knowledge()
    rows = []
    for role in (r.id for r in kn.roles):
        part = paid[paid["role"] == role]
        salary = part["salary"].to_numpy(dtype=np.float64)
        skill_sets = [set(ids) for ids in part["list_ids"]]
        for skill in sorted(postings.observable["data_jobs"]):
            has = np.fromiter((skill in s for s in skill_sets), dtype=bool, count=len(salary))
            n_with, n_without = int(has.sum()), int((~has).sum())
            if n_with < MIN_SALARY_POSTINGS or n_without < MIN_SALARY_POSTINGS:
                continue
            with_ = round(float(np.median(salary[has])))
            without = round(float(np.median(salary[~has])))
            rows.append(
                {
                    "role_id": role,
                    "skill_id": skill,
                    "n_with": n_with,
                    "n_without": n_without,
                    "median_with_usd": with_,
                    "median_without_usd": without,
                    "premium_usd": with_ - without,
                    "premium_pct": 100.0 * (with_ - without) / without,
                }
            )
    order = {r.id: i for i, r in enumerate(kn.roles)}
    rows.sort(key=lambda r: (order[r["role_id"]], -round(r["premium_pct"], 6), r["skill_id"]))
    return rows


def _format(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6f}"
    return str(value)


def _write_csv(path: Path, columns, rows, formats=None) -> None:
    formats = formats or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [formats[c](row[c]) if c in formats else _format(row[c]) for c in columns]
        )
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _usd(value) -> str:
    return f"{value:.0f}"


def _pct(value) -> str:
    return f"{value:.2f}"


# -- readers of the shipped tables (standard library + numpy) --------------------------------
def _shipped_rows(name: str) -> list[dict]:
    text = resources.files("rolefit.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def _prevalence_records() -> tuple[dict, ...]:
    out = []
    for row in _shipped_rows(PREVALENCE_FILE):
        out.append(
            {
                "role_id": row["role_id"],
                "skill_id": row["skill_id"],
                "n_postings": int(row["n_postings"]),
                "n_role_postings": int(row["n_role_postings"]),
                "share": float(row["share"]) if row["share"] else None,
                "guide": row["guide"] == "true",
                "onet": row["onet"],
            }
        )
    return tuple(out)


@cache
def _premium_records() -> tuple[dict, ...]:
    ints = ("n_with", "n_without", "median_with_usd", "median_without_usd", "premium_usd")
    out = []
    for row in _shipped_rows(PREMIUM_FILE):
        rec = {"role_id": row["role_id"], "skill_id": row["skill_id"]}
        rec.update({c: int(row[c]) for c in ints})
        rec["premium_pct"] = float(row["premium_pct"])
        out.append(rec)
    return tuple(out)


def market_prevalence():
    """Skill prevalence in real postings, per role, as a tidy DataFrame.

    Read from the shipped ``data/market_prevalence.csv`` (built by the pipeline; see
    ``data/PROVENANCE.md``).

    Returns
    -------
    pandas.DataFrame
        One row per role and skill, sorted by role (catalogue order) then share, with
        columns ``role_id``, ``skill_id``, ``n_postings`` (postings of the role asking for
        the skill), ``n_role_postings`` (postings of the role whose source can show the
        skill: ``data_jobs`` lists only know ~220 tools, so concepts such as
        ``statistics`` are counted over the Built In descriptions alone), ``share``
        (``n_postings / n_role_postings``; NaN below :data:`MIN_ROLE_POSTINGS`),
        ``guide`` (the guide lists it in the role's profile) and ``onet`` (``hot`` or
        ``listed`` among O*NET's technology examples for the role's occupation, ``no``,
        or empty for roles without an O*NET occupation). Skills of the role profile are
        always listed, even when no posting asks for them.

    Examples
    --------
    >>> import rolefit.market as market
    >>> prev = market.market_prevalence()
    >>> top = prev[prev.role_id == "data_analyst"].iloc[0]
    >>> top.skill_id, bool(top.share > 0.5)
    ('sql', True)
    """
    import pandas as pd

    frame = pd.DataFrame(list(_prevalence_records()), columns=list(PREVALENCE_COLUMNS))
    return frame.astype({"share": "float64"})


def _prevalence_matrix(observed: bool = False):
    """Roles x skills prevalence in ``matrices()`` order (numpy only; missing -> 0).

    With ``observed=True`` also returns a boolean matrix marking the pairs with a share
    (enough postings could show the skill): blend prevalence into weights only there.
    """
    from rolefit.profiles import matrices

    mats = matrices()
    role_pos = {r: i for i, r in enumerate(mats.role_ids)}
    skill_pos = {s: j for j, s in enumerate(mats.skill_ids)}
    values = np.zeros((len(mats.role_ids), len(mats.skill_ids)))
    seen = np.zeros(values.shape, dtype=bool)
    for rec in _prevalence_records():
        i, j = role_pos.get(rec["role_id"]), skill_pos.get(rec["skill_id"])
        if i is None or j is None or rec["share"] is None:
            continue
        values[i, j] = rec["share"]
        seen[i, j] = True
    return (values, seen) if observed else values


def salary_premiums():
    """Median advertised salary with and without each skill, per role, as a DataFrame.

    Computed from US ``data_jobs_2023`` postings with a yearly salary (hourly rates are
    left out), for skills with at least :data:`MIN_SALARY_POSTINGS` postings with and
    without them. The premium is descriptive, not causal: a skill common in senior or
    big-city postings carries their pay.

    Returns
    -------
    pandas.DataFrame
        Columns ``role_id``, ``skill_id``, ``n_with``, ``n_without``,
        ``median_with_usd``, ``median_without_usd``, ``premium_usd`` (with minus
        without) and ``premium_pct`` (premium over the median without, in percent),
        sorted by role then premium.

    Examples
    --------
    >>> import rolefit.market as market
    >>> prem = market.salary_premiums()
    >>> bool((prem.n_with >= market.MIN_SALARY_POSTINGS).all())
    True
    """
    import pandas as pd

    return pd.DataFrame(list(_premium_records()), columns=list(PREMIUM_COLUMNS))


def salary_premium_dict() -> dict[tuple[str, str], dict]:
    """:func:`salary_premiums` as ``{(role_id, skill_id): {column: value}}`` (no pandas).

    Examples
    --------
    >>> from rolefit.market import salary_premium_dict
    >>> sorted(next(iter(salary_premium_dict().values())))[:3]
    ['median_with_usd', 'median_without_usd', 'n_with']
    """
    return {
        (r["role_id"], r["skill_id"]): {k: v for k, v in r.items() if k not in
                                        ("role_id", "skill_id")}
        for r in _premium_records()
    }


def gap_evidence(role: str) -> dict[str, dict]:
    """Market evidence for each skill of ``role``'s profile or postings (plain Python).

    Parameters
    ----------
    role : str
        A role id.

    Returns
    -------
    dict
        ``{skill_id: {...}}`` for every skill in the role's profile and every skill the
        role's postings ask for, with keys ``prevalence`` (share of the role's postings,
        or None when too few postings could show it), ``n_role_postings``,
        ``premium_usd``, ``premium_pct``, ``n_with`` (None without a salary premium),
        ``guide`` (the guide lists it for the role), ``in_profile`` (it is in the
        shipped profile) and ``rare`` (in the profile, but asked for by fewer than
        :data:`RARE_SHARE` of the role's postings: flag it, do not hide it).

    Examples
    --------
    >>> from rolefit.market import gap_evidence
    >>> ev = gap_evidence("data_engineer")
    >>> ev["spark"]["prevalence"] > 0.2, sorted(ev["spark"])[:3]
    (True, ['guide', 'in_profile', 'n_role_postings'])
    """
    from rolefit.profiles import check_role

    check_role(role)
    profile = _profile_pairs()
    premiums = salary_premium_dict()
    out: dict[str, dict] = {}
    for rec in _prevalence_records():
        if rec["role_id"] != role:
            continue
        premium = premiums.get((role, rec["skill_id"]), {})
        in_profile = (role, rec["skill_id"]) in profile
        share = rec["share"]
        out[rec["skill_id"]] = {
            "prevalence": share,
            "n_role_postings": rec["n_role_postings"],
            "premium_usd": premium.get("premium_usd"),
            "premium_pct": premium.get("premium_pct"),
            "n_with": premium.get("n_with"),
            "guide": rec["guide"],
            "in_profile": in_profile,
            "rare": in_profile and share is not None and share < RARE_SHARE,
        }
    for role_id, skill in sorted(profile):
        if role_id == role and skill not in out:
            out[skill] = {
                "prevalence": None, "n_role_postings": 0, "premium_usd": None,
                "premium_pct": None, "n_with": None,
                "guide": (role, skill) in _guide_pairs(), "in_profile": True, "rare": False,
            }
    return out


# -- the pipeline --------------------------------------------------------------------------
def training_rows(postings: Postings, mask=None, forms=("tags", "text"), balance=True):
    """Skill-id rows, labels, weights and company groups for fitting the classifier.

    ``data_jobs`` postings give one row (their skill list). A Built In posting gives one
    row per form in ``forms``: ``"union"`` (tags and description skills), ``"tags"`` or
    ``"text"``, each weighted ``1 / len(forms)``. With ``balance``, the kinds of evidence
    of a role (``data_jobs`` lists, Built In tags, Built In texts) that have at least
    :data:`MIN_CELL_ROWS` rows share the role's total weight equally, so that 9,000 tool
    lists do not drown the 20 descriptions of the same role.

    Returns
    -------
    (list of tuple, ndarray, ndarray, ndarray)
        Skill ids per row, role ids, sample weights and ``source:company`` groups.
    """
    frame = postings.frame if mask is None else postings.frame[mask]
    ids, labels, weights, groups, kinds = [], [], [], [], []
    share = 1.0 / len(forms)
    for source, company, role, list_ids, text_ids in zip(
        frame["source"], frame["company"], frame["role"], frame["list_ids"],
        frame["text_ids"], strict=True,
    ):
        if source == "builtin":
            rows = [({"union": set(list_ids) | set(text_ids), "tags": set(list_ids),
                      "text": set(text_ids)}[form], share, f"builtin:{form}") for form in forms]
            rows = [(tuple(sorted(r)), w, k) for r, w, k in rows if r]
        else:
            rows = [(list_ids, 1.0, source)]
        for row, weight, kind in rows:
            ids.append(row)
            labels.append(role)
            weights.append(weight)
            groups.append(f"{source}:{company}")
            kinds.append(kind)
    labels, weights = np.asarray(labels, dtype=object), np.asarray(weights)
    if balance:
        kinds = np.asarray(kinds, dtype=object)
        for role in np.unique(labels):
            in_role = labels == role
            cells = [k for k in np.unique(kinds[in_role])
                     if (in_role & (kinds == k)).sum() >= MIN_CELL_ROWS]
            total = weights[in_role].sum()
            for kind in cells:
                cell = in_role & (kinds == kind)
                weights[cell] *= total / (len(cells) * weights[cell].sum())
    return ids, labels, weights, np.asarray(groups, dtype=object)


def build(datasets, out=".", *, date: str = BUILD_DATE, echo=None) -> dict:
    """Run the whole pipeline and write the committed outputs under ``out``.

    Writes ``out/data/market_prevalence.csv``, ``out/data/market_salary_premium.csv``,
    ``out/models/role_classifier.npz`` (+ ``.json``) and ``out/models/MODEL_CARD.md``.

    Parameters
    ----------
    datasets : str or Path
        The public datasets folder.
    out : str or Path
        The repository root (or any folder: ``data/`` and ``models/`` are created).
    date : str
        Training date recorded in the model sidecar and card (fixed, for reproducibility).
    echo : callable, optional
        Called with progress lines (the CLI passes ``print``).

    Returns
    -------
    dict
        The pipeline summary: counts read, labelled, left out, unmapped terms, and the
        evaluation figures written into the model card.
    """
    from rolefit import evaluation
    from rolefit.classifier import fit_classifier, save_model

    say = echo or (lambda line: None)
    out = Path(out)
    (out / "data").mkdir(parents=True, exist_ok=True)
    (out / "models").mkdir(parents=True, exist_ok=True)
    say(f"reading postings from {datasets}")
    postings = load_postings(datasets)
    onet = read_onet(datasets, postings.summary)
    _write_csv(out / "data" / PREVALENCE_FILE, PREVALENCE_COLUMNS,
               prevalence_rows(postings, onet))
    _write_csv(out / "data" / PREMIUM_FILE, PREMIUM_COLUMNS, premium_rows(postings),
               {"median_with_usd": _usd, "median_without_usd": _usd, "premium_usd": _usd,
                "premium_pct": _pct})
    say("evaluating on held-out postings")
    report = evaluation.evaluate_postings(postings, bootstrap=200, extras=False)
    say("fitting the shipped classifier on all postings")
    params = evaluation.MODEL_PARAMS
    ids, y, w, _ = training_rows(postings, forms=params["builtin_forms"],
                                 balance=params["balance"])
    lr = fit_classifier(closed_matrix(ids), y, sample_weight=w, C=params["C"],
                        coverage_scale=params["coverage_scale"],
                        class_power=params["class_power"])
    lr.coef_ = np.round(lr.coef_, 6)
    lr.intercept_ = np.round(lr.intercept_, 6)
    counts = Counter(y.tolist())
    metadata = {
        "trained": date,
        "description": "rolefit role classifier: class-balanced logistic regression on "
        "closed skill vectors plus guide-profile coverage (folded into the coefficients)",
        "data_versions": {k: f"sha256:{v}" for k, v in sorted(postings.versions.items())},
        "training": {
            "C": params["C"],
            "coverage_scale": params["coverage_scale"],
            "builtin_forms": list(params["builtin_forms"]),
            "balance_evidence": params["balance"],
            "class_power": params["class_power"],
            "rows_per_role": {k: int(v) for k, v in sorted(counts.items())},
        },
        "metrics": report.headline(),
    }
    model_path = save_model(lr, out / "models" / MODEL_FILE, metadata=metadata)
    (out / "models" / "MODEL_CARD.md").write_text(
        _model_card(metadata, postings.summary, report), encoding="utf-8"
    )
    summary = dict(postings.summary)
    summary["outputs"] = [str(p) for p in (out / "data" / PREVALENCE_FILE,
                                           out / "data" / PREMIUM_FILE, model_path)]
    summary["metrics"] = metadata["metrics"]
    return summary


def _model_card(meta: dict, summary: dict, report) -> str:
    h = meta["metrics"]
    rows = meta["training"]["rows_per_role"]
    lines = [
        "# Model card: rolefit role classifier",
        "",
        "Generated by `python -m rolefit.market build --datasets ../shared/datasets --out .`",
        "(do not edit by hand; the pipeline rewrites it).",
        "",
        "## Model",
        "",
        f"- File: `models/{MODEL_FILE}` (float arrays `coef`, `intercept`; loaded with",
        "  `allow_pickle=False`) and its sidecar `models/role_classifier.json` (classes,",
        "  feature names = skill ids, date, data versions, metrics).",
        "- Estimator: multinomial logistic regression over closed skill vectors (0/1 per",
        "  taxonomy skill, implied skills added) plus the coverage of each guide role profile,",
        "  folded into one coefficient matrix. Roles weighted to count equally, and within a",
        "  role each kind of evidence (2023 skill lists, Built In tags, Built In descriptions)",
        f"  weighted equally (C = {meta['training']['C']}, coverage scale = "
        f"{meta['training']['coverage_scale']}; chosen by grouped cross-validation on the",
        "  training split, see `docs/evaluation.md`).",
        "- Recommended use: rank by `rolefit.classifier.combine_scores(profile fit, "
        "probability)`,",
        f"  i.e. {1 - PROFILE_WEIGHT:g} x classifier probability + {PROFILE_WEIGHT:g} x "
        "profile fit rescaled to sum to 1",
        "  (`rolefit` in the table below); the classifier alone is `classifier`.",
        f"- Trained: {meta['trained']}, on all labelled postings (rows per role: "
        + ", ".join(f"{k} {v:g}" for k, v in rows.items()) + ").",
        "",
        "## Data",
        "",
        "- `data_jobs_2023` (Luke Barousse, Google Jobs postings of 2023; upstream describes",
        "  Apache-2.0): role classes from `job_title_short`, research scientist and AI",
        "  engineer from title rules (`rolefit.market.RESEARCH_TITLE`, `AI_TITLE`).",
        "- `builtin_ai_postings` (Built In, posted 2025-11 to 2026-02, via",
        "  alexeygrigorev/ai-engineering-field-guide; no licence stated, development use):",
        "  AI / ML engineer, research and data-engineer titles, board tags and descriptions.",
        "- Versions (sha256 of the inputs) are in the sidecar's `data_versions`.",
        "",
        "## Held-out performance",
        "",
        "Postings of 25% of companies (chosen by a hash of the company name) were held out",
        "before fitting; figures on them (full tables: `docs/evaluation.md`):",
        "",
        "| input | model | balanced top-1 | top-2 | MRR | Brier |",
        "|---|---|---|---|---|---|",
    ]
    for kind in ("skills", "text"):
        for name in ("rolefit", "classifier", "logistic_baseline", "majority"):
            m = h[kind][name]
            lines.append(
                f"| {kind} | {name} | {m['balanced_top1']:.3f} | {m['top2']:.3f} | "
                f"{m['mrr']:.3f} | {m['brier']:.3f} |"
            )
    lines.append("")
    for kind in ("skills", "text"):
        margin = h[kind]["margin_vs_logistic"]
        lines.append(
            f"- {kind}: n = {h[kind]['n']}; rolefit balanced top-1 {margin['model']:.3f} "
            f"(95% interval {margin['model_low']:.3f} to {margin['model_high']:.3f}), "
            f"margin over the logistic baseline {margin['estimate']:+.3f} "
            f"({margin['low']:+.3f} to {margin['high']:+.3f}; bootstrap over held-out "
            "companies)."
        )
    lines += [
        "",
        "## Intended use",
        "",
        "Ranking the seven rolefit roles for a skill list or a resume/posting text, next to",
        "the explainable profile fit (`rolefit.score`). Use the probabilities as one signal",
        "among others, for career exploration.",
        "",
        "## Limits",
        "",
        "- Labels come from posting titles (and, for data_jobs, the author's title",
        "  classifier): Data Scientist / ML Engineer / Research Scientist overlap, and",
        "  the same skill set often appears under several titles (see the ceiling in",
        "  `docs/evaluation.md`).",
        "- AI Engineer and Research Scientist examples are few and come mostly from one",
        "  board and period (Built In, 2025-26); data_jobs skills come from a closed",
        "  vocabulary of ~220 tools, so concepts (statistics, LLMs, RAG) are learned from",
        "  Built In descriptions only.",
        "- Text is the weak input: held-out balanced top-1 "
        f"{h['text']['rolefit']['balanced_top1']:.3f} on only {h['text']['n']} descriptions,"
        " below the 0.65 target (reasons and a",
        "  cross-fitted estimate over all Built In postings in `docs/evaluation.md`).",
        "- Probabilities are under-confident (strong regularisation and the blend with the",
        "  profile fit); read them as a ranking, not as calibrated chances.",
        "- Postings describe jobs, not people; a resume is a different kind of text.",
        "- Not for screening or ranking candidates.",
        "",
    ]
    return "\n".join(lines)


# -- training on user postings -----------------------------------------------------------------
def _parse_list(value: str):
    text = value.strip()
    if not text:
        return []
    if text[0] in "[(":
        try:
            items = json.loads(text)
        except ValueError:
            try:
                items = ast.literal_eval(text)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                return None
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            return None
        return list(items)
    return [part.strip() for part in re.split(r"[,;|]", text) if part.strip()]


def read_postings_csv(path, *, title_column="title", skills_column=None, text_column=None):
    """Read a user's postings CSV for ``rolefit train``.

    Parameters
    ----------
    path : str or Path
        UTF-8 CSV with a header row.
    title_column : str
        Job titles; mapped to roles by :func:`role_from_title` (role ids work too).
    skills_column, text_column : str, optional
        Either a skill list per row (``python, sql``, ``a|b``, or a JSON/Python list
        literal) or a free-text description. Default: ``skills_column="skills"``.

    Returns
    -------
    (list of tuple of str, list of str, dict)
        Skill ids per kept row, their role ids, and a report (rows read, kept, titles
        naming no role, rows without a known skill, unknown skill names).

    Raises
    ------
    PostingsError
        Naming the file, row (1-based, header excluded) and column: a missing column, an
        empty title, an unparseable skill list, no usable row, or a single role.
    """
    from rolefit.skills import extract_skills, resolve

    path = Path(path)
    name = path.name
    if skills_column and text_column:
        raise PostingsError(name, None, None, "give a skills column or a text column, not both")
    column = text_column or skills_column or "skills"
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise PostingsError(name, None, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise PostingsError(name, None, None, f"not UTF-8 (byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    for needed in (title_column, column):
        if needed not in header:
            raise PostingsError(name, 0, needed, f"column missing from the header {header}")
    t_pos, c_pos = header.index(title_column), header.index(column)
    ids_per_row, roles = [], []
    report = {"file": str(path), "rows": 0, "kept": 0, "no_role": Counter(),
              "no_skill": 0, "unknown_skills": Counter()}
    for number, values in enumerate(reader, start=1):
        if not any(v.strip() for v in values):
            continue
        report["rows"] += 1
        if len(values) != len(header):
            raise PostingsError(name, number, None,
                                f"has {len(values)} fields, the header has {len(header)}")
        title = values[t_pos].strip()
        if not title:
            raise PostingsError(name, number, title_column, "empty title")
        role = role_from_title(title)
        if role is None:
            report["no_role"][title] += 1
            continue
        if text_column:
            ids = extract_skills(values[c_pos])
        else:
            items = _parse_list(values[c_pos])
            if items is None:
                raise PostingsError(
                    name, number, column,
                    f"cannot parse the skill list {values[c_pos][:60]!r} (use 'a, b' or "
                    "a list like ['a', 'b'])",
                )
            found = set()
            for item in items:
                got, _ = resolve(item)
                if not got:
                    report["unknown_skills"][item] += 1
                found.update(got)
            ids = sorted(found)
        if not ids:
            report["no_skill"] += 1
            continue
        ids_per_row.append(tuple(ids))
        roles.append(role)
    report["kept"] = len(roles)
    distinct = sorted(set(roles))
    if not roles:
        raise PostingsError(
            name, None, title_column,
            f"no usable row: {len(report['no_role'])} distinct titles name no role and "
            f"{report['no_skill']} rows have no known skill",
        )
    if len(distinct) < 2:
        raise PostingsError(
            name, None, title_column,
            f"all {len(roles)} usable rows are {distinct[0]!r}; a classifier needs at least "
            "two roles",
        )
    return ids_per_row, roles, report


#: Regularisation of ``rolefit train`` when --C is not given: ``C = TRAIN_C_ROWS / rows``.
#: scikit-learn's penalty does not grow with the data, so this keeps the shipped model's
#: strength per row (C = 0.002 over about 22,000 weighted rows, i.e. about 50).
TRAIN_C_ROWS = 50.0


def train_model(path, *, title_column="title", skills_column=None, text_column=None,
                C: float | None = None, date: str | None = None):
    """Train rolefit's classifier recipe on a user's postings CSV.

    Parameters
    ----------
    path, title_column, skills_column, text_column
        As :func:`read_postings_csv`.
    C : float, optional
        Inverse regularisation; default ``TRAIN_C_ROWS / rows``.
    date : str, optional
        Training date for the sidecar (default today).

    Returns
    -------
    (LogisticRegression, dict, dict)
        The fitted model, the sidecar metadata and the reading report.
    """
    import datetime

    from rolefit.classifier import fit_classifier
    from rolefit.evaluation import MODEL_PARAMS, balanced_topk

    ids, roles, report = read_postings_csv(
        path, title_column=title_column, skills_column=skills_column, text_column=text_column
    )
    X = closed_matrix(ids)
    y = np.asarray(roles, dtype=object)
    C = TRAIN_C_ROWS / len(y) if C is None else float(C)
    if not C > 0:
        raise ValueError(f"C must be positive, got {C!r}")
    lr = fit_classifier(X, y, C=C, coverage_scale=MODEL_PARAMS["coverage_scale"],
                        class_power=MODEL_PARAMS["class_power"])
    proba = lr.predict_proba(X)
    metadata = {
        "trained": date or datetime.date.today().isoformat(),
        "description": f"trained with rolefit train on {Path(path).name}",
        "data_versions": {Path(path).name: f"sha256:{_sha256(Path(path))}"},
        "training": {
            "C": C,
            "coverage_scale": MODEL_PARAMS["coverage_scale"],
            "class_power": MODEL_PARAMS["class_power"],
            "rows_per_role": dict(sorted(Counter(roles).items())),
            "input": "text" if text_column else "skills",
        },
        "metrics": {
            "train_balanced_top1": round(balanced_topk(proba, y, lr.classes_, 1), 6),
            "note": "in-sample (training rows); evaluate on held-out postings before use",
        },
    }
    return lr, metadata, report


# -- command line ------------------------------------------------------------------------------
def _echo(*parts, file=None) -> None:
    """The command functions' only way to write (library code never prints)."""
    print(*parts, file=file or sys.stdout)


def add_train_parser(subparsers):
    """Add ``train`` to an argparse subparsers object (``rolefit train``)."""
    p = subparsers.add_parser(
        "train", help="train a role classifier on your own postings CSV",
        description="Train rolefit's classifier on a postings CSV (a title column plus a "
        "skill-list or a text column) and save it as NAME.npz + NAME.json.",
    )
    p.add_argument("--postings", required=True, help="postings CSV (UTF-8, header row)")
    p.add_argument("--title-column", default="title", help="job title column (default title)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--skills-column", help="skill list column (default skills)")
    group.add_argument("--text-column", help="free-text description column")
    p.add_argument("--C", type=float, default=None,
                   help=f"inverse regularisation (default {TRAIN_C_ROWS:g} / rows)")
    p.add_argument("-o", "--output", required=True, help="model path, e.g. mymodel.npz")
    p.set_defaults(func=cmd_train)
    return p


def cmd_train(args) -> int:
    """``rolefit train``: fit on a postings CSV, save the model, print what was used."""
    from rolefit.classifier import save_model

    lr, metadata, report = train_model(
        args.postings, title_column=args.title_column, skills_column=args.skills_column,
        text_column=args.text_column, C=args.C,
    )
    path = save_model(lr, args.output, metadata=metadata)
    _echo(f"read {report['rows']} rows from {report['file']}; trained on {report['kept']}")
    for role, n in metadata["training"]["rows_per_role"].items():
        _echo(f"  {role:<20} {n}")
    if report["no_role"]:
        top = ", ".join(f"{t!r} ({n})" for t, n in report["no_role"].most_common(5))
        _echo(f"skipped {sum(report['no_role'].values())} rows whose title names no role: {top}")
    if report["no_skill"]:
        _echo(f"skipped {report['no_skill']} rows without a known skill")
    if report["unknown_skills"]:
        top = ", ".join(f"{t!r} ({n})" for t, n in report["unknown_skills"].most_common(5))
        _echo(f"{len(report['unknown_skills'])} unknown skill names, e.g. {top}")
    _echo(f"in-sample balanced top-1: {metadata['metrics']['train_balanced_top1']:.3f}")
    _echo(f"saved {path} and {path.with_suffix('.json')}")
    return 0


def add_evaluate_parser(subparsers):
    """Add ``evaluate`` to an argparse subparsers object (``rolefit evaluate``)."""
    p = subparsers.add_parser(
        "evaluate", help="held-out evaluation on the public postings",
        description="Hold out postings by company, fit on the rest, and print balanced "
        "top-1, top-2, MRR, confusion matrices and calibration for skill-list and text "
        "input next to the majority-class and logistic-regression baselines.",
    )
    p.add_argument("--datasets", default=None,
                   help="public datasets folder (default: $ROLEFIT_DATASETS or "
                   "../shared/datasets)")
    p.add_argument("--bootstrap", type=int, default=1000,
                   help="company-bootstrap resamples for the margin interval (default 1000)")
    p.add_argument("--tune", action="store_true",
                   help="also run the grouped cross-validation used to pick the parameters")
    p.add_argument("--markdown", metavar="PATH", help="also write the report as Markdown")
    p.add_argument("--json", action="store_true", help="print the headline figures as JSON")
    p.set_defaults(func=cmd_evaluate)
    return p


def cmd_evaluate(args) -> int:
    """``rolefit evaluate``: print the held-out figures (and optionally write Markdown)."""
    from rolefit import evaluation

    datasets = evaluation.find_datasets() if args.datasets is None else Path(args.datasets)
    if datasets is None or not (datasets / DATA_JOBS).is_file():
        _echo(f"rolefit: public datasets not found at {datasets or '../shared/datasets'}; "
              "nothing to evaluate (pass --datasets or set ROLEFIT_DATASETS)", file=sys.stderr)
        return 2
    postings = load_postings(datasets)
    report = evaluation.evaluate_postings(postings, bootstrap=args.bootstrap, tune=args.tune)
    if args.json:
        _echo(json.dumps(report.headline(), indent=2, sort_keys=True))
    else:
        _echo(report.to_markdown())
    if args.markdown:
        Path(args.markdown).write_text(report.to_markdown(), encoding="utf-8")
    return 0


def _print_summary(summary: dict) -> None:
    jobs, built = summary["data_jobs"], summary["builtin"]
    _echo(f"data_jobs: {jobs['rows']} rows, {jobs['labelled']} labelled; left out "
          f"{jobs['excluded']}; title overrides {jobs['title_overrides']}")
    _echo(f"  {len(jobs['unmapped_terms'])} of {jobs['distinct_terms']} skill terms unmapped"
          + "".join(f", {t} ({n})" for t, n in jobs["unmapped_terms"].items())
          + "; left out as ambiguous words: "
          + ", ".join(f"{t} ({n})" for t, n in jobs["ambiguous_terms_left_out"].items()))
    _echo(f"builtin: {built['files']} files ({built['read_leniently']} read leniently), "
          f"{built['labelled']} labelled; left out {built['excluded']}")
    unmapped = built["unmapped_tags"]
    _echo(f"  {len(unmapped)} of {built['distinct_tags']} board tags unmapped "
          f"({sum(unmapped.values())} uses), most used: "
          + ", ".join(f"{t} ({n})" for t, n in list(unmapped.items())[:25]))
    onet = summary["onet"]
    _echo(f"onet: {onet['examples']} technology examples for the mapped occupations, "
          f"{onet['unmapped_examples']} distinct names unmapped")
    _echo("labelled postings per source and role: "
          + ", ".join(f"{k} {v}" for k, v in summary["roles"].items()))
    for path in summary.get("outputs", []):
        _echo(f"wrote {path}")


def main(argv=None) -> int:
    """``python -m rolefit.market build|train|evaluate``."""
    parser = argparse.ArgumentParser(prog="python -m rolefit.market",
                                     description="rolefit's market-data pipeline")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("build", help="rebuild the market tables and the shipped model")
    p.add_argument("--datasets", default="../shared/datasets", help="public datasets folder")
    p.add_argument("--out", default=".", help="repository root to write data/ and models/")
    p.add_argument("--date", default=BUILD_DATE, help=f"training date (default {BUILD_DATE})")
    add_train_parser(sub)
    add_evaluate_parser(sub)
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            summary = build(args.datasets, args.out, date=args.date, echo=_echo)
            _print_summary(summary)
            return 0
        return args.func(args)
    except (ValueError, OSError) as exc:
        _echo(f"rolefit: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
