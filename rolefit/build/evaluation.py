"""Evaluate role predictions honestly: held-out postings, baselines, calibration.

The protocol (:func:`evaluate_postings`):

1. **Hold out before fitting, by company and by time** (the headline split, as users
   live it: a model built from yesterday's postings scores people against today's market).
   Postings of 25% of companies (a salted hash of the normalised company name, so the
   choice is stable and blind to the data) are held out, so reposts of a job cannot leak;
   the model is fitted on the other companies' postings from before per-source date
   cutoffs and tested on the held-out companies' postings from the cutoffs on. The
   company-only split (all dates) is reported next to it.
2. **Fit on the rest**: rolefit's role model
   (:func:`rolefit.build.role_model.fit_role_model`) and, in the same run, three
   baselines: a class-balanced :class:`~sklearn.linear_model.LogisticRegression` on
   one-hot skills (the honest competitor for a balanced metric; its C chosen by the same
   grouped CV), a plain one (default settings) and the majority class.
3. **Score two inputs**: skill lists (``data_jobs`` lists and Built In board tags) and
   text (Built In descriptions with the title removed, read by
   :func:`rolefit.extract_skills`).
4. **Report** (:mod:`rolefit.build.evaluation_report`) balanced top-1 accuracy (mean
   recall over roles), top-1, top-2, balanced top-2, mean reciprocal rank, recall per
   role, the confusion matrix, the Brier score, the expected calibration error and a
   reliability curve; the margin over the class-balanced baseline gets a 95% interval
   from a bootstrap over held-out companies.

Parameters were chosen by grouped cross-validation on the training split only
(``rolefit evaluate --tune``); the test split was not used to choose anything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

from rolefit._encode import closed_matrix, explicit_matrix
from rolefit.build.datasets import Postings
from rolefit.build.metrics import (
    _codes,
    balanced_topk,
    bootstrap_margin,
    metrics,
    topk_accuracy,
)
from rolefit.build.role_model import fit_role_model, posting_demand
from rolefit.build.training import MODEL_PARAMS, single_thread, training_rows
from rolefit.profiles import matrices

__all__ = ["BASELINE_C", "MODEL_PARAMS", "EvaluationReport", "evaluate_postings", "held_out"]

TEST_SHARE = 0.25
SPLIT_SALT = "rolefit-evaluation-v1"
#: Time split: fit before the cutoff, test on or after it (per source).
TIME_CUTOFFS = {"data_jobs": "2023-10-01", "builtin": "2026-02-01"}
#: The splits evaluated; the first is the headline (users score people against today's
#: market with a model built from yesterday's postings).
SPLITS = {
    "company_time": "held-out companies (25%, salted hash of the company name) and time: "
    "fitted on the other companies' postings before the cutoffs, tested on the held-out "
    "companies' postings from the cutoffs on",
    "company": "held-out companies (25%, salted hash of the company name), all dates",
}
HEADLINE = "company_time"
#: C of the class-balanced logistic baseline, chosen by the same grouped CV (--tune).
BASELINE_C = 0.1
TUNE_GRID = {
    "lam": (1e-4, 1e-3, 1e-2),
    "prior_scale": (2.0, 4.0, 8.0),
    "guide_blend": (0.0, 0.25, 0.5),
    "baseline_C": (0.01, 0.1, 1.0, 10.0),
}


def held_out(companies, share: float = TEST_SHARE, salt: str = SPLIT_SALT) -> np.ndarray:
    """Boolean mask of rows whose company falls in the held-out ``share`` (salted hash).

    Examples
    --------
    >>> from rolefit.build.evaluation import held_out
    >>> mask = held_out([f"company {i}" for i in range(1000)])
    >>> bool(0.2 < mask.mean() < 0.3)
    True
    """
    def bucket(name: str) -> float:
        digest = hashlib.sha256(f"{salt}:{name}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2.0**64

    cache: dict[str, bool] = {}
    return np.fromiter(
        (cache.setdefault(c, bucket(c) < share) for c in companies), dtype=bool,
        count=len(companies),
    )


def _ceiling(X, y, classes) -> dict:
    """Best accuracy any function of the skill set could reach on these rows (in-sample).

    Rows with the same closed skill vector must get the same prediction; predicting the
    most frequent (or, for the balanced figure, the most class-weighted) label of each
    distinct vector gives the ceiling.
    """
    codes = _codes(y, classes)
    X = X.tocsr()
    keys = [X.indices[X.indptr[i]:X.indptr[i + 1]].tobytes() for i in range(X.shape[0])]
    _, vec = np.unique(np.asarray(keys, dtype=object), return_inverse=True)
    n_vec, n_classes = vec.max() + 1, len(classes)
    table = np.zeros((n_vec, n_classes))
    np.add.at(table, (vec, codes), 1.0)
    per_class = np.bincount(codes, minlength=n_classes).astype(float)
    plain = table.max(axis=1).sum() / len(codes)
    weighted = table / np.where(per_class > 0, per_class, 1.0)
    best = weighted.argmax(axis=1)
    hits = table[np.arange(n_vec), best]
    recall = np.bincount(best, weights=hits, minlength=n_classes)
    present = per_class > 0
    balanced = float(np.mean(recall[present] / per_class[present]))
    shared = float((table > 0).sum(axis=1)[vec].__gt__(1).mean())
    return {"top1": float(plain), "balanced_top1": balanced, "distinct_vectors": int(n_vec),
            "rows_sharing_vector_with_other_role": shared}


@dataclass
class EvaluationReport:
    """Everything :func:`evaluate_postings` measured (Markdown:
    :func:`rolefit.build.evaluation_report.to_markdown`).

    ``splits[name]`` holds one train/test split (:data:`SPLITS`): ``info`` (sizes, roles,
    cutoffs), ``results[input][model]`` (the metrics of one model on one input,
    ``skills`` or ``text``: ``n``, ``balanced_top1``, ``top1``, ``top2``,
    ``balanced_top2``, ``mrr``, ``brier``, ``ece``, ``recall`` and ``support`` per role,
    ``confusion`` rows true / columns predicted in :attr:`classes` order, and
    ``reliability``) and ``margins[input]`` (rolefit minus the class-balanced logistic
    baseline, balanced top-1, with a company-bootstrap interval). The headline split is
    :data:`HEADLINE`.
    """

    classes: tuple[str, ...]
    splits: dict
    ceiling: dict
    versions: dict
    params: dict
    tuning: list = field(default_factory=list)
    date: str = ""

    @property
    def results(self) -> dict:
        """The headline split's results (``results[input][model]``)."""
        return self.splits[HEADLINE]["results"]

    @property
    def margins(self) -> dict:
        """The headline split's margins over the class-balanced logistic baseline."""
        return self.splits[HEADLINE]["margins"]

    def headline(self) -> dict:
        """The figures recorded in the model sidecar (rounded to 6 decimals)."""
        out: dict = {}
        for kind, models in self.results.items():
            out[kind] = {
                name: {k: round(m[k], 6) for k in ("balanced_top1", "top2", "mrr", "brier")}
                for name, m in models.items()
            }
            out[kind]["n"] = next(iter(models.values()))["n"]
            out[kind]["margin_vs_balanced_logistic"] = {
                k: round(v, 6) if isinstance(v, float) else v
                for k, v in self.margins[kind].items()
            }
        out["split"] = SPLITS[HEADLINE]
        return out

    def table(self, kind: str = "skills", split: str = HEADLINE):
        """The metrics of every model on one input as a DataFrame (one row per model)."""
        import pandas as pd

        keys = ("n", "balanced_top1", "top1", "top2", "balanced_top2", "mrr", "brier", "ece")
        return pd.DataFrame(
            [{"model": name, **{k: m[k] for k in keys}}
             for name, m in self.splits[split]["results"][kind].items()]
        ).set_index("model")

    def confusion(self, kind: str = "skills", model: str = "rolefit", split: str = HEADLINE):
        """Confusion matrix as a DataFrame (rows: true role, columns: predicted)."""
        import pandas as pd

        return pd.DataFrame(self.splits[split]["results"][kind][model]["confusion"],
                            index=list(self.classes), columns=list(self.classes))


def _today() -> str:
    import datetime

    return datetime.date.today().isoformat()


def _split_masks(frame):
    test = held_out((frame["source"] + ":" + frame["company"]).tolist())
    return ~test, test


def _time_masks(frame):
    train, test = _split_masks(frame)
    cutoff = frame["source"].map(TIME_CUTOFFS)
    before = (frame["date"] < cutoff).to_numpy()
    return train & before, test & ~before


def _inputs(postings, mask):
    """Test inputs: skill lists (data_jobs lists, Built In tags) and Built In texts."""
    frame = postings.frame[mask]
    lists = frame[frame["list_ids"].map(len) > 0]
    texts = frame[(frame["source"] == "builtin") & (frame["text_ids"].map(len) > 0)]
    return {
        "skills": (list(lists["list_ids"]), lists["role"].to_numpy(object),
                   (lists["source"] + ":" + lists["company"]).to_numpy(object),
                   lists["source"].to_numpy(object)),
        "text": (list(texts["text_ids"]), texts["role"].to_numpy(object),
                 (texts["source"] + ":" + texts["company"]).to_numpy(object),
                 texts["source"].to_numpy(object)),
    }


def _training_ids(postings, mask, params):
    return training_rows(postings, mask, params["builtin_forms"], params["balance"])


class _Fitted:
    """rolefit's role model and the baselines fitted on one training set; ``predict``
    gives role probabilities in :func:`~rolefit.profiles.matrices` role order."""

    def __init__(self, ids, y, w, params, demand, baseline_c=BASELINE_C, baselines=True):
        from sklearn.linear_model import LogisticRegression

        self.roles = matrices().role_ids
        with single_thread():
            self.model = fit_role_model(
                closed_matrix(ids), y, sample_weight=w, lam=params["lam"],
                prior_scale=params["prior_scale"], class_power=params["class_power"],
                demand=demand,
            )
        self.baselines = {}
        if baselines:
            explicit = explicit_matrix(ids)
            with single_thread():
                self.baselines["logistic_balanced"] = LogisticRegression(
                    C=baseline_c, class_weight="balanced", max_iter=3000
                ).fit(explicit, y, sample_weight=w)
                self.baselines["logistic_plain"] = LogisticRegression(max_iter=3000).fit(
                    explicit, y, sample_weight=w
                )
        counts: dict = {}
        for label, weight in zip(y, w, strict=True):
            counts[label] = counts.get(label, 0.0) + weight
        self.majority = max(sorted(counts), key=counts.get)

    def _ordered(self, proba, classes):
        out = np.zeros((proba.shape[0], len(self.roles)))
        for k, c in enumerate(classes):
            out[:, self.roles.index(c)] = proba[:, k]
        return out

    def predict(self, ids) -> dict:
        out = {"rolefit": self._ordered(self.model.predict_proba(closed_matrix(ids)),
                                        self.model.classes)}
        if self.baselines:
            explicit = explicit_matrix(ids)
            for name, lr in self.baselines.items():
                out[name] = self._ordered(lr.predict_proba(explicit), lr.classes_)
            majority = np.zeros((len(ids), len(self.roles)))
            majority[:, self.roles.index(self.majority)] = 1.0
            out["majority"] = majority
        return out


def _cv_folds(groups, n_folds: int) -> np.ndarray:
    return np.fromiter(
        (int.from_bytes(hashlib.sha256(f"cv:{g}".encode()).digest()[:4], "big") % n_folds
         for g in groups), dtype=np.int64, count=len(groups),
    )


def _tune(postings, train_mask, n_folds: int = 3) -> list[dict]:
    """Grouped (by company) cross-validation on a training split over :data:`TUNE_GRID`.

    Rows are sorted best first by the mean of the CV balanced top-1 on skill lists and on
    texts (the two inputs weigh equally). The class-balanced logistic baseline's C is
    tuned the same way (rows with ``model == "logistic_balanced"``), so that it is an
    honest competitor.
    """
    from itertools import product

    from sklearn.linear_model import LogisticRegression

    frame = postings.frame[train_mask].reset_index(drop=True)
    sub = Postings(frame, postings.observable)
    fold = _cv_folds((frame["source"] + ":" + frame["company"]).tolist(), n_folds)
    folds = []
    for f in range(n_folds):
        ids, y, w, _ = _training_ids(sub, fold != f, MODEL_PARAMS)
        folds.append((ids, y, w, _inputs(sub, fold == f), fold != f))
    results = []
    for lam, scale, blend in product(TUNE_GRID["lam"], TUNE_GRID["prior_scale"],
                                     TUNE_GRID["guide_blend"]):
        params = {**MODEL_PARAMS, "lam": lam, "prior_scale": scale, "guide_blend": blend}
        got: dict = {"skills": [], "text": [], "top2": []}
        for ids, y, w, tests, train in folds:
            demand = posting_demand(sub, train, np.unique(y), guide_blend=blend)
            fitted = _Fitted(ids, y, w, params, demand, baselines=False)
            for kind, (test_ids, test_y, _, _) in tests.items():
                proba = fitted.predict(test_ids)["rolefit"]
                got[kind].append(balanced_topk(proba, test_y, fitted.roles))
                if kind == "skills":
                    got["top2"].append(topk_accuracy(proba, test_y, fitted.roles, 2))
        results.append({"model": "rolefit", "lam": lam, "prior_scale": scale,
                        "guide_blend": blend, "C": None, **_cv_means(got)})
    roles = matrices().role_ids
    for C in TUNE_GRID["baseline_C"]:
        got = {"skills": [], "text": [], "top2": []}
        for ids, y, w, tests, _ in folds:
            with single_thread():
                lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(
                    explicit_matrix(ids), y, sample_weight=w)
            for kind, (test_ids, test_y, _, _) in tests.items():
                proba = np.zeros((len(test_ids), len(roles)))
                raw = lr.predict_proba(explicit_matrix(test_ids))
                for k, c in enumerate(lr.classes_):
                    proba[:, roles.index(c)] = raw[:, k]
                got[kind].append(balanced_topk(proba, test_y, roles))
                if kind == "skills":
                    got["top2"].append(topk_accuracy(proba, test_y, roles, 2))
        results.append({"model": "logistic_balanced", "lam": None, "prior_scale": None,
                        "guide_blend": None, "C": C, **_cv_means(got)})
    results.sort(key=lambda r: (r["model"], -(r["cv_skills_balanced_top1"]
                                              + r["cv_text_balanced_top1"])))
    return results


def _cv_means(got) -> dict:
    return {"cv_skills_balanced_top1": float(np.mean(got["skills"])),
            "cv_skills_top2": float(np.mean(got["top2"])),
            "cv_text_balanced_top1": float(np.mean(got["text"]))}


def _text_ceiling(postings, train_mask, n_folds: int = 5) -> dict:
    """In-distribution reference for text: a specialist fitted on Built In texts alone.

    A class-balanced logistic regression over the Built In roles only, on the descriptions'
    one-hot skills, scored by grouped cross-validation on the training split's Built In
    postings (the best C of a small grid is reported, which flatters it).
    """
    from sklearn.linear_model import LogisticRegression


    frame = postings.frame[train_mask]
    frame = frame[(frame["source"] == "builtin") & (frame["text_ids"].map(len) > 0)]
    y = frame["role"].to_numpy(object)
    X = explicit_matrix(list(frame["text_ids"]))
    fold = _cv_folds(frame["company"].tolist(), n_folds)
    classes = sorted(set(y))
    if len(classes) < 2 or any(len(set(y[fold != f])) < 2 for f in range(n_folds)):
        return {}
    best: dict = {}
    for C in (0.01, 0.03, 0.1, 0.3, 1.0):
        pred = np.empty(len(y), dtype=object)
        for f in range(n_folds):
            lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
            with single_thread():
                lr.fit(X[fold != f], y[fold != f])
            pred[fold == f] = lr.predict(X[fold == f])
        recall = {c: float((pred[y == c] == c).mean()) for c in classes}
        score = float(np.mean(list(recall.values())))
        if not best or score > best["balanced_top1"]:
            best = {"C": C, "balanced_top1": score, "recall": recall, "n": len(y),
                    "support": {c: int((y == c).sum()) for c in classes}}
    return best


def _evaluate_split(postings, train, test, params, baseline_c, bootstrap) -> dict:
    roles = matrices().role_ids
    frame = postings.frame
    ids, y, w, _ = _training_ids(postings, train, params)
    demand = posting_demand(postings, train, np.unique(y), guide_blend=params["guide_blend"])
    fitted = _Fitted(ids, y, w, params, demand, baseline_c)
    results, margins = {}, {}
    for kind, (test_ids, test_y, groups, _) in _inputs(postings, test).items():
        probas = fitted.predict(test_ids)
        results[kind] = {name: metrics(p, test_y, roles) for name, p in probas.items()}
        margins[kind] = bootstrap_margin(probas["rolefit"], probas["logistic_balanced"],
                                         test_y, roles, groups, bootstrap)
    info = {
        "train_postings": int(train.sum()), "test_postings": int(test.sum()),
        "train_companies": int(frame.loc[train, ["source", "company"]].drop_duplicates()
                               .shape[0]),
        "test_companies": int(frame.loc[test, ["source", "company"]].drop_duplicates()
                              .shape[0]),
        "train_roles": {k: int(v) for k, v in frame.loc[train].groupby("role").size().items()},
        "test_roles": {k: int(v) for k, v in frame.loc[test].groupby("role").size().items()},
    }
    return {"info": info, "results": results, "margins": margins, "fitted": fitted,
            "train_ids": (ids, y)}


def evaluate_postings(postings, *, bootstrap: int = 1000, tune: bool = False,
                      extras: bool = True, params: dict | None = None,
                      baseline_c: float | None = None, date: str | None = None):
    """Run the held-out evaluation on labelled postings (see the module docstring).

    Parameters
    ----------
    postings : rolefit.build.datasets.Postings
        From :func:`rolefit.build.datasets.load_postings`.
    bootstrap : int
        Company-bootstrap resamples for the margin intervals.
    tune : bool
        Also run the grouped cross-validation on the headline split's training part.
    extras : bool
        Also evaluate the company-only split and compute the ceilings (the model card
        needs only the headline figures).
    params : dict, optional
        Role-model settings (default :data:`MODEL_PARAMS`).
    baseline_c : float, optional
        C of the class-balanced logistic baseline (default :data:`BASELINE_C`).
    date : str, optional
        Date written in the report (default: today; the build passes its fixed
        :data:`~rolefit.build.pipeline.BUILD_DATE` so that a rerun gives the same bytes).

    Returns
    -------
    EvaluationReport
    """
    params = dict(MODEL_PARAMS if params is None else params)
    baseline_c = BASELINE_C if baseline_c is None else baseline_c
    roles = matrices().role_ids
    frame = postings.frame
    splits = {}
    masks = {"company_time": _time_masks(frame), "company": _split_masks(frame)}
    for name in SPLITS if extras else (HEADLINE,):
        train, test = masks[name]
        split = _evaluate_split(postings, train, test, params, baseline_c, bootstrap)
        split["info"]["description"] = SPLITS[name]
        if name == "company_time":
            split["info"]["cutoffs"] = dict(TIME_CUTOFFS)
        splits[name] = split
    headline = splits[HEADLINE]
    ceiling = {}
    if extras:
        ids, y = headline["train_ids"]
        in_sample = headline["fitted"].predict(ids)["rolefit"]
        jobs = (frame["source"] == "data_jobs").to_numpy()
        X_jobs = closed_matrix(list(frame.loc[jobs, "list_ids"]))
        ml = frame.loc[jobs, "list_ids"].map(
            lambda ids: bool({"pytorch", "tensorflow"} & set(ids)))
        ml_roles = frame.loc[jobs].loc[ml, "role"].value_counts(normalize=True)
        ceiling = {
            "data_jobs_lists": _ceiling(X_jobs, frame.loc[jobs, "role"].to_numpy(object),
                                        roles),
            "ml_framework_postings": {"n": int(ml.sum()),
                                      "roles": {k: float(v)
                                                for k, v in ml_roles.head(4).items()}},
            "in_sample_balanced_top1": balanced_topk(in_sample, y, roles),
            "text_specialist": _text_ceiling(postings, masks[HEADLINE][0]),
        }
    for split in splits.values():
        del split["fitted"], split["train_ids"]
    report = EvaluationReport(
        classes=roles, splits=splits, ceiling=ceiling, versions=dict(postings.versions),
        date=date or _today(),
        params={**{k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()},
                "baseline_C": baseline_c},
    )
    if tune:
        report.tuning = _tune(postings, masks[HEADLINE][0])
    return report
