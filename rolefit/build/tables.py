"""Derived tables written by the build: skill prevalence and salary premiums per role.

The rows of ``data/market_prevalence.csv`` and ``data/market_salary_premium.csv``; the
runtime reads them back with :mod:`rolefit.evidence`, whose docstrings define the
columns. The CSV writer is kept by hand (a dozen lines) because each column has its own
fixed format (booleans as ``true``/``false``, shares with 6 decimals, dollars with none,
percentages with 2) and ``csv`` does that in one pass with no pandas formatting rules to
pin down.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import numpy as np

from rolefit._data import knowledge
from rolefit.build.datasets import ONET_ROLES, Postings
from rolefit.evidence import MIN_ROLE_POSTINGS, MIN_SALARY_POSTINGS, _guide_pairs, _profile_pairs

__all__ = ["premium_rows", "prevalence_rows"]

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
