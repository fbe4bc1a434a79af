"""Training rows from postings, the shipped settings, and ``rolefit train``.

The model file format (saving and reading) is runtime code in :mod:`rolefit.classifier`.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

from rolefit._encode import closed_matrix
from rolefit.build.datasets import Postings, PostingsError, _sha256, posting_skills
from rolefit.build.metrics import balanced_topk
from rolefit.build.role_model import LIST_ONLY_LEFT_OUT, fit_role_model
from rolefit.build.titles import role_from_title
from rolefit.skills import resolve

#: The classifier's settings, chosen by grouped CV on the training split (see --tune).
MODEL_PARAMS = {"lam": 1e-2, "prior_scale": 4.0, "guide_blend": 0.5,
                "builtin_forms": ("tags", "text"), "balance": True, "class_power": 1.0}

__all__ = ["MODEL_PARAMS", "read_postings_csv", "single_thread", "train_model", "training_rows"]

#: Within a role, each kind of evidence with at least this many rows (2023 skill lists,
#: Built In tags, Built In descriptions) gets an equal share of the role's weight.
MIN_CELL_ROWS = 5


def training_rows(postings: Postings, mask=None, forms=("tags", "text"), balance=True):
    """Skill-id rows, labels, weights and company groups for fitting the classifier.

    ``data_jobs`` postings give one row (their skill list). A Built In posting gives one
    row per form in ``forms``: ``"union"`` (tags and description skills), ``"tags"`` or
    ``"text"``, each weighted ``1 / len(forms)``. With ``balance``, the kinds of evidence
    of a role (``data_jobs`` lists, Built In tags, Built In texts) that have at least
    :data:`MIN_CELL_ROWS` rows share the role's total weight equally, so that 9,000 tool
    lists do not drown the 20 descriptions of the same role. ``data_jobs`` postings of the
    roles in :data:`LIST_ONLY_LEFT_OUT` are left out.

    Returns
    -------
    (list of tuple, ndarray, ndarray, ndarray)
        Skill ids per row, role ids, sample weights and ``source:company`` groups.
    """
    frame = postings.frame if mask is None else postings.frame[mask]
    frame = frame[~((frame["source"] == "data_jobs") & frame["role"].isin(LIST_ONLY_LEFT_OUT))]
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


def single_thread():
    """Context manager limiting BLAS to one thread.

    lbfgs on these small problems spends its time in tiny BLAS calls, which multi-threaded
    BLAS makes many times slower (15x measured on two cores).
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


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
        naming no role, rows whose title names one, rows without a known skill, unknown
        skill names).

    Raises
    ------
    PostingsError
        Naming the file, row (1-based, header excluded) and column, what is wrong and
        what to do: a missing column, an empty title, an unparseable skill list, no
        usable row (no title names a role, or no row has a known skill), or a single role.
    """

    path = Path(path)
    name = path.name
    if skills_column and text_column:
        raise PostingsError(name, None, None, "give a skills column or a text column, not both")
    column = text_column or skills_column or "skills"
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise PostingsError(name, None, None, "file not found; check the --postings path") \
            from None
    except IsADirectoryError:
        raise PostingsError(name, None, None, "is a directory; give the postings CSV file") \
            from None
    except UnicodeDecodeError as exc:
        raise PostingsError(
            name, None, None,
            f"not UTF-8 (byte {exc.start}); save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    for needed, option in ((title_column, "--title-column"),
                           (column, "--text-column" if text_column else "--skills-column")):
        if needed not in header:
            hint = (f"; name the column with {option}" if needed == title_column or
                    text_column else f"; name the column with {option} (a skill list) or "
                    "--text-column (a description)")
            raise PostingsError(name, 0, needed,
                                f"column missing from the header {header}{hint}")
    t_pos, c_pos = header.index(title_column), header.index(column)
    ids_per_row, roles = [], []
    report = {"file": str(path), "rows": 0, "kept": 0, "no_role": Counter(), "with_role": 0,
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
        report["with_role"] += 1
        if text_column:
            ids = posting_skills(values[c_pos])
        else:
            items = _parse_list(values[c_pos])
            if items is None:
                raise PostingsError(
                    name, number, column,
                    f"cannot parse the skill list {values[c_pos][:60]!r}; write it as "
                    "'a, b' or a list like ['a', 'b'], or use --text-column for a description",
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
        field = title_column if not report["with_role"] else column
        raise PostingsError(name, None, field, _no_usable_row(report, column, bool(text_column)))
    if len(distinct) < 2:
        raise PostingsError(
            name, None, title_column,
            f"all {len(roles)} usable rows are {distinct[0]!r}; a classifier needs at least "
            "two roles: add postings of another role (titles must map to one of: "
            f"{_role_list()})",
        )
    return ids_per_row, roles, report


def _role_list() -> str:
    from rolefit._data import knowledge

    return ", ".join(f"{r.id} ({r.title})" for r in knowledge().roles)


def _no_usable_row(report: dict, column: str, text: bool) -> str:
    """Why no row of a postings file can be used, and what to do about it."""
    titles = report["no_role"]
    if report["rows"] == 0:
        return "no data row: the file has a header only"
    if not report["with_role"]:
        example = titles.most_common(1)[0][0]
        return (
            f"no usable row: none of the {len(titles)} distinct titles names a role "
            f"(e.g. {example!r}); titles must map to one of: {_role_list()}; use "
            "--title-column to point at a column of role ids or titles"
        )
    where = "descriptions" if text else "skill lists"
    option = "--text-column" if text else "--skills-column (or --text-column for descriptions)"
    return (
        f"no usable row: the {report['with_role']} rows whose title names a role have no "
        f"known skill in their {where} (column {column!r})"
        + (f", e.g. unknown {report['unknown_skills'].most_common(1)[0][0]!r}"
           if report["unknown_skills"] else "")
        + f"; point {option} at the column that holds them; rolefit.skills() lists the "
        "known skills"
    )


def train_model(path, *, title_column="title", skills_column=None, text_column=None,
                lam: float | None = None, date: str | None = None):
    """Train rolefit's role model (:func:`~rolefit.build.role_model.fit_role_model`, the
    shipped settings) on a user's postings CSV.

    Parameters
    ----------
    path, title_column, skills_column, text_column
        As :func:`read_postings_csv`.
    lam : float, optional
        Pull towards the demand prior; default ``MODEL_PARAMS["lam"]``.
    date : str, optional
        Training date for the sidecar (default today).

    Returns
    -------
    (rolefit.classifier.LinearModel, dict, dict)
        The fitted model, the sidecar metadata and the reading report.
    """
    import datetime

    ids, roles, report = read_postings_csv(
        path, title_column=title_column, skills_column=skills_column, text_column=text_column
    )
    X = closed_matrix(ids)
    y = np.asarray(roles, dtype=object)
    lam = MODEL_PARAMS["lam"] if lam is None else float(lam)
    if not lam > 0:
        raise ValueError(f"lam must be positive, got {lam!r}")
    with single_thread():
        model = fit_role_model(X, y, lam=lam, prior_scale=MODEL_PARAMS["prior_scale"],
                               guide_blend=MODEL_PARAMS["guide_blend"],
                               class_power=MODEL_PARAMS["class_power"])
    proba = model.predict_proba(X)
    metadata = {
        "trained": date or datetime.date.today().isoformat(),
        "description": f"trained with rolefit train on {Path(path).name}",
        "data_versions": {Path(path).name: f"sha256:{_sha256(Path(path))}"},
        "training": {
            "lam": lam,
            "prior_scale": MODEL_PARAMS["prior_scale"],
            "guide_blend": MODEL_PARAMS["guide_blend"],
            "class_power": MODEL_PARAMS["class_power"],
            "rows_per_role": dict(sorted(Counter(roles).items())),
            "input": "text" if text_column else "skills",
        },
        "metrics": {
            "train_balanced_top1": round(balanced_topk(proba, y, list(model.classes), 1), 6),
            "note": "in-sample (training rows); evaluate on held-out postings before use",
        },
    }
    return model, metadata, report
