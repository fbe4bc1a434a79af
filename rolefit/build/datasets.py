"""Readers of the public datasets (``../shared/datasets``; never shipped, never fetched).

- ``data_jobs_2023``: 2023 postings with a role class (``job_title_short``), the full
  title, a skill list from a closed vocabulary, a salary and a company;
- ``builtin_ai_postings``: 2025-26 AI-engineering postings (title, company, board tags,
  full description), one YAML file each, read with PyYAML;
- ``onet_technology_skills``: O*NET technology examples per occupation (a prior).

**Role labels.** ``data_jobs`` classes map to roles (Senior variants included); Business
Analyst and Cloud Engineer postings are left out (no matching role; Business Analyst
postings are requirements and process work, which would blur the Data Analyst profile).
Research Scientist and AI Engineer exist only in the title text: a title matching
:data:`~rolefit.build.titles.RESEARCH_TITLE` in a Data Scientist or ML Engineer posting
becomes ``research_scientist`` (the same title in an analyst or data-engineer posting is
non-ML research, physics or genomics, and is left out), and a title matching
:data:`~rolefit.build.titles.AI_TITLE` becomes ``ai_engineer``. Built In titles are
labelled by the same rules (:func:`~rolefit.build.titles.role_from_title`); its "Software
Engineer (AI)" titles are left out because they do not say which role they are. Every
exclusion is counted in the pipeline summary.

**Skills.** ``data_jobs`` terms are mapped with :func:`rolefit.normalize` (except the
English words of :data:`DATA_JOBS_AMBIGUOUS`, left out); Built In tags with
:func:`rolefit.normalize`, falling back to :func:`rolefit.extract_skills`; Built In
descriptions (title removed) with :func:`rolefit.extract_skills`, keeping the skills a
posting asks for at a basic level (``learning`` cues such as "exposure to" or "basic
knowledge of" still ask for the skill) and dropping denied ones ("Python not required").
Unmapped terms are
counted in the summary, not silently dropped; a posting file that is not valid YAML is
left out and named in the summary.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rolefit._config import config_context
from rolefit._data import DataError, knowledge
from rolefit.build.titles import AI_TITLE, RESEARCH_TITLE, role_from_title
from rolefit.skills import extract_skills, normalize

__all__ = ["POSTING_READER", "POSTING_STATUSES", "Postings", "PostingsError", "company_key",
           "find_datasets", "load_postings", "posting_skills", "read_builtin_postings",
           "read_onet"]

#: The mention statuses that count as "the posting asks for it" (see rolefit.find_skills).
POSTING_STATUSES = ("has", "learning")
#: How the build reads postings (rolefit.set_config's reader): the cue rules alone, with
#: which the committed tables and role model were built (a rebuild reproduces them byte
#: for byte); the learned reader of the default "hybrid" was trained on people's texts and
#: a few postings, and is not evaluated on the postings the build reads.
POSTING_READER = "rules"


def posting_skills(text: str) -> list[str]:
    """The skills a posting's text asks for, as the build reads them
    (:data:`POSTING_STATUSES` under :data:`POSTING_READER`)."""
    with config_context(reader=POSTING_READER):
        return extract_skills(text, status=POSTING_STATUSES)


DATA_JOBS = Path("data_jobs_2023") / "data_jobs_2023.csv"


BUILTIN = Path("builtin_ai_postings") / "postings"


ONET = Path("onet_technology_skills") / "technology_skills.tsv"


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


#: Roles the Built In titles may give: its software-engineer titles are AI product roles
#: that do not say which role they are, and its 4 data-scientist titles are too few to
#: learn or test a text profile from (data scientists come from data_jobs).
BUILTIN_ROLES = ("ai_engineer", "ml_engineer", "research_scientist", "data_engineer")


#: O*NET occupations used as a prior for each role (ML and AI engineers have none).
ONET_ROLES = {
    "data_scientist": ("15-2051.00",),
    "research_scientist": ("15-1221.00",),
    "data_engineer": ("15-1243.00", "15-1243.01"),
    "software_engineer": ("15-1252.00",),
    "data_analyst": ("15-2051.01",),
}


class PostingsError(DataError):
    """A postings file cannot be used for training; names the file, row and column."""


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
    >>> from rolefit.build.datasets import company_key
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

    mapping: dict[str, tuple[str, ...]] = {}
    for term in terms:
        skill = normalize(term)
        if skill:
            mapping[term] = (skill,)
        elif fallback_text:
            with config_context(reader=POSTING_READER):
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


def _remove_title(text: str, title: str) -> str:
    words = title.split()
    if not words:
        return text
    pattern = r"\s+".join(re.escape(w) for w in words)
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


def read_builtin_postings(folder: Path) -> tuple[list[dict], dict[str, str]]:
    """The Built In postings of ``folder`` (``*.yaml``, in name order) as dicts, and
    ``{file name: why it was left out}`` for the files that are not a YAML mapping."""
    try:
        import yaml
    except ImportError:  # pragma: no cover - pyyaml is in the build extra
        raise ImportError(
            "reading builtin_ai_postings needs PyYAML: pip install 'rolefit[build]'"
        ) from None

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    docs, unreadable = [], {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            doc = yaml.load(path.read_text("utf-8"), Loader=loader)
        except yaml.YAMLError as exc:  # named in the summary, never guessed at
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark is not None else "?"
            unreadable[path.name] = f"not valid YAML ({where}: {getattr(exc, 'problem', exc)})"
            continue
        if not isinstance(doc, dict):
            unreadable[path.name] = f"not a mapping of fields (a {type(doc).__name__})"
            continue
        docs.append(doc)
    return docs, unreadable


def _read_builtin(folder: Path, summary: dict):
    docs, unreadable = read_builtin_postings(folder)
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
        text_ids = posting_skills(description)
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
        "files": len(docs) + len(unreadable),
        "unreadable": unreadable,
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


def find_datasets():
    """The public datasets folder, or None when it is not on this machine.

    Looks at ``$ROLEFIT_DATASETS``, then ``../shared/datasets`` from the current folder,
    then beside the repository rolefit is installed from (an editable install).
    """
    import os
    from pathlib import Path

    import rolefit

    candidates = [os.environ.get("ROLEFIT_DATASETS"), Path.cwd().parent / "shared" / "datasets",
                  Path(rolefit.__file__).resolve().parents[2] / "shared" / "datasets"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "data_jobs_2023").is_dir():
            return Path(candidate)
    return None
