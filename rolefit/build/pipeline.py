"""The build pipeline: public datasets in, committed tables, model and model card out.

Writes (aggregates only, no posting is shipped):

- ``data/market_prevalence.csv``: per role and skill, the share of postings asking for it;
- ``data/market_salary_premium.csv``: per role and skill, median advertised salary of
  postings with and without it;
- ``models/role_classifier.npz`` + ``.json``: the trained classifier
  (:mod:`rolefit.classifier`), and ``models/MODEL_CARD.md``.

Rebuild them from the repository root (same inputs, same bytes)::

    python -m rolefit.build build --datasets ../shared/datasets --out .
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from rolefit._encode import closed_matrix
from rolefit.build import evaluation
from rolefit.build.datasets import load_postings, read_onet
from rolefit.build.model_card import model_card
from rolefit.build.role_model import fit_role_model, posting_demand
from rolefit.build.tables import _pct, _usd, _write_csv, premium_rows, prevalence_rows
from rolefit.build.training import single_thread, training_rows
from rolefit.classifier import LinearModel, save_model
from rolefit.evidence import PREMIUM_COLUMNS, PREMIUM_FILE, PREVALENCE_COLUMNS, PREVALENCE_FILE

__all__ = ["BUILD_DATE", "build"]

BUILD_DATE = "2026-11-30"


MODEL_FILE = "role_classifier.npz"


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
    report = evaluation.evaluate_postings(postings, bootstrap=200, extras=False, date=date)
    say("fitting the shipped role model on all postings")
    params = evaluation.MODEL_PARAMS
    ids, y, w, _ = training_rows(postings, forms=params["builtin_forms"],
                                 balance=params["balance"])
    with single_thread():
        demand = posting_demand(postings, None, np.unique(y),
                                guide_blend=params["guide_blend"])
        fitted = fit_role_model(closed_matrix(ids), y, sample_weight=w, lam=params["lam"],
                                prior_scale=params["prior_scale"],
                                class_power=params["class_power"], demand=demand)
    model = LinearModel(fitted.classes, fitted.feature_names, np.round(fitted.coef, 6),
                        np.round(fitted.intercept, 6))
    counts = Counter(y.tolist())
    metadata = {
        "trained": date,
        "description": "rolefit role model: multinomial logistic regression with "
        "non-negative weights pulled towards each role's skill demand in postings "
        "(score = intercept + coef @ coverage; proba = softmax(score))",
        "data_versions": {k: f"sha256:{v}" for k, v in sorted(postings.versions.items())},
        "training": {
            "lam": params["lam"],
            "prior_scale": params["prior_scale"],
            "guide_blend": params["guide_blend"],
            "builtin_forms": list(params["builtin_forms"]),
            "balance_evidence": params["balance"],
            "class_power": params["class_power"],
            "converged": fitted.meta["converged"],
            "rows_per_role": {k: int(v) for k, v in sorted(counts.items())},
        },
        "metrics": report.headline(),
    }
    model_path = save_model(model, out / "models" / MODEL_FILE, metadata=metadata)
    (out / "models" / "MODEL_CARD.md").write_text(
        model_card(metadata, postings.summary, report), encoding="utf-8"
    )
    summary = dict(postings.summary)
    summary["outputs"] = [str(p) for p in (out / "data" / PREVALENCE_FILE,
                                           out / "data" / PREMIUM_FILE, model_path)]
    summary["metrics"] = metadata["metrics"]
    return summary
