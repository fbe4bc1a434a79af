"""Fit rolefit's role model: one non-negative weight per role and skill, learned from postings.

The model scores a person for each role as

    score[r] = intercept[r] + sum over skills s of coef[r, s] * coverage[s]

where ``coverage`` is the closed skill vector (1 for a skill the person has, partial
credit for a skill only implied by one, see :func:`rolefit.profiles.close_skills`). The
same numbers give the ranking (higher first), the explanation (each skill's term; they
add up to the score) and the gap gains (the increase of the score if a skill were
learned); ``softmax(score)`` is the probability that a posting with these skills is for
role ``r`` (:func:`rolefit.classifier.role_scores`).

**Fitting.** A multinomial logistic regression: the weighted cross-entropy of the
postings' roles plus an L2 penalty that pulls each weight towards a *demand prior*,

    loss = sum_i w_i * CE(y_i, softmax(X_i coef.T + intercept))
           + (lam / 2) * ||coef - prior_scale * demand||^2,      coef >= 0,

minimised by L-BFGS-B (:func:`scipy.optimize.minimize`, bounds keep every weight
non-negative). ``demand[r, s]`` is how often the role's training postings ask for the
skill, blended with the guide's emphasis (:func:`demand_matrix`). Softmax probabilities
do not change when a constant is added to one skill's weights across all roles, so the
postings alone fix only the *differences* between roles; the prior fixes the level: a
skill that most postings of a role ask for (Python for data engineers) keeps a large
weight even though it does not separate the roles, and a tool that almost no posting asks
for gets a weight near zero. scikit-learn's ``LogisticRegression`` offers neither bounds
nor a penalty centred on a prior, so the objective is written here and solved by SciPy.
"""

from __future__ import annotations

import numpy as np

from rolefit.classifier import LinearModel
from rolefit.profiles import matrices

__all__ = ["demand_matrix", "fit_role_model", "posting_demand"]

#: Roles whose ``data_jobs`` postings are left out of training: their skill lists come
#: from a closed vocabulary of ~220 tools that cannot show what defines the role (research
#: work: papers, publications, experiments), so such a list is indistinguishable from a data
#: scientist's or ML engineer's and would teach the model that the role needs no research.
LIST_ONLY_LEFT_OUT = ("research_scientist",)
#: Roles told apart from their neighbours only by a kind of evidence: the role's weights on
#: skills outside ``categories`` (and its intercept) are capped at the smallest of the
#: ``apart_from`` roles' after fitting, so without such evidence the role never scores above
#: any of them. rolefit's role catalogue describes a research scientist as an ML
#: practitioner who invents and publishes methods: ML skills alone (computer vision, NLP,
#: PyTorch) point to an ML or AI engineer or a data scientist, research work to research.
ROLE_REQUIRES = {
    "research_scientist": {
        "categories": ("research",),
        "apart_from": ("data_scientist", "ml_engineer", "ai_engineer"),
    },
}
#: A share measured on fewer postings of a role than this is not used (the guide's
#: emphasis stands in for it).
MIN_ROLE_POSTINGS = 30


def demand_matrix(X, y, classes, *, sample_weight=None, guide_blend: float = 0.25):
    """How much each role's postings ask for each skill, blended with the guide's emphasis.

    Parameters
    ----------
    X : sparse matrix of shape (n, n_skills)
        Closed skill vectors of the training postings (taxonomy order).
    y : array-like of str
        Their role ids.
    classes : sequence of str
        Row order of the result.
    sample_weight : array-like, optional
        Row weights (the evidence balancing of :func:`~rolefit.build.training.training_rows`).
    guide_blend : float
        Weight in [0, 1] of the guide's profile: ``(1 - g) * share + g * guide``, where
        ``guide`` is the guide's emphasis rescaled so that a role's most emphasised skill
        counts as asked for by every posting.

    Returns
    -------
    ndarray of shape (n_classes, n_skills)
        Values in [0, 1].

    Examples
    --------
    >>> import numpy as np
    >>> from scipy import sparse
    >>> from rolefit.build.role_model import demand_matrix
    >>> from rolefit.profiles import matrices
    >>> n = len(matrices().skill_ids)
    >>> X = sparse.csr_matrix(np.eye(2, n))
    >>> D = demand_matrix(X, ["data_analyst", "ml_engineer"], ["data_analyst", "ml_engineer"],
    ...                   guide_blend=0.0)
    >>> D[:, :2].tolist()
    [[1.0, 0.0], [0.0, 1.0]]
    """
    from scipy import sparse

    if not 0.0 <= guide_blend <= 1.0:
        raise ValueError(f"guide_blend must be in [0, 1], got {guide_blend!r}")
    y = np.asarray(y, dtype=object)
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, float)
    X = sparse.csr_matrix(X, dtype=np.float64)
    mats = matrices()
    out = np.zeros((len(classes), X.shape[1]))
    for k, role in enumerate(classes):
        rows = y == role
        if rows.any():
            out[k] = np.asarray(X[rows].T @ w[rows]).ravel() / w[rows].sum()
        if role in mats.role_ids:
            guide = mats.weights[mats.role_ids.index(role)]
            top = guide.max()
            guide = guide / top if top > 0 else guide
            out[k] = (1.0 - guide_blend) * out[k] + guide_blend * guide
    return np.clip(out, 0.0, 1.0)


def _apply_requirements(coef, intercept, classes, requires=None) -> None:
    """Cap, in place, each required role's weights outside its categories (and its
    intercept) at the smallest of its ``apart_from`` roles' (see :data:`ROLE_REQUIRES`)."""
    from rolefit._data import knowledge

    requires = ROLE_REQUIRES if requires is None else requires
    categories = np.asarray([s.category for s in knowledge().skills], dtype=object)
    for role, rule in requires.items():
        others = [classes.index(o) for o in rule["apart_from"] if o in classes]
        if role not in classes or not others:
            continue
        r = classes.index(role)
        general = ~np.isin(categories, list(rule["categories"]))
        cap = coef[others].min(axis=0)
        coef[r, general] = np.minimum(coef[r, general], cap[general])
        intercept[r] = min(intercept[r], intercept[others].min())


def _loss(params, X, Y, w, prior, lam, n_classes):
    n_features = X.shape[1]
    coef = params[: n_classes * n_features].reshape(n_classes, n_features)
    intercept = params[n_classes * n_features:]
    z = np.asarray(X @ coef.T) + intercept
    z -= z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(z).sum(axis=1, keepdims=True))
    log_p = z - log_norm
    total = w.sum()
    loss = -(w * (log_p * Y).sum(axis=1)).sum() / total
    diff = coef - prior
    loss += 0.5 * lam * float((diff * diff).sum())
    residual = (np.exp(log_p) - Y) * (w / total)[:, None]
    grad_coef = np.asarray((X.T @ residual).T) + lam * diff
    grad_intercept = residual.sum(axis=0)
    return loss, np.concatenate([grad_coef.ravel(), grad_intercept])


def fit_role_model(X_closed, y, *, sample_weight=None, lam: float = 1e-3,
                   prior_scale: float = 4.0, guide_blend: float = 0.25,
                   class_power: float = 1.0, max_iter: int = 3000, demand=None,
                   requires=None):
    """Fit the non-negative role model (see the module docstring).

    Parameters
    ----------
    X_closed : array-like or sparse matrix of shape (n_samples, n_skills)
        Closed skill vectors (implied credit included), columns in taxonomy order.
    y : array-like of str
        Role ids (at least two distinct).
    sample_weight : array-like, optional
        Row weights, multiplied by the class weights.
    lam : float
        Strength of the pull towards the demand prior (per unit of mean cross-entropy).
    prior_scale : float
        Log-odds points given to a skill that every posting of a role asks for.
    guide_blend : float
        Weight of the guide's emphasis in the demand prior (:func:`demand_matrix`).
    class_power : float
        Class weights ``(n / (n_classes * n_class)) ** class_power``: 1 makes every role
        count equally (balanced), 0 leaves rows as they are.
    max_iter : int
        Iterations of L-BFGS-B.
    demand : ndarray, optional
        A demand matrix (classes in sorted order x skills) to use instead of the one
        computed from these rows (:func:`posting_demand` gives one from postings).
    requires : dict, optional
        Role requirements (default :data:`ROLE_REQUIRES`; ``{}`` for none), applied after
        the fit by :func:`_apply_requirements`.

    Returns
    -------
    rolefit.classifier.LinearModel
        ``coef`` >= 0 (classes x skills, taxonomy order), ``intercept`` shifted so that its
        smallest value is 0 (softmax is unchanged, and every score is >= 0), ``meta`` with
        the demand prior under ``"demand"`` (not saved).

    Examples
    --------
    >>> import numpy as np
    >>> from rolefit.build.role_model import fit_role_model
    >>> from rolefit.profiles import matrices
    >>> n = len(matrices().skill_ids)
    >>> X = np.zeros((4, n)); X[0, 0] = X[1, 0] = X[2, 1] = X[3, 1] = 1
    >>> model = fit_role_model(X, ["data_analyst", "data_analyst", "ml_engineer", "ml_engineer"])
    >>> model.classes, bool((model.coef >= 0).all()), float(model.intercept.min())
    (('data_analyst', 'ml_engineer'), True, 0.0)
    """
    from scipy import sparse
    from scipy.optimize import minimize

    y = np.asarray(y, dtype=object)
    mats = matrices()
    X = sparse.csr_matrix(X_closed, dtype=np.float64)
    if X.shape[1] != len(mats.skill_ids):
        raise ValueError(
            f"X has {X.shape[1]} columns, the taxonomy has {len(mats.skill_ids)} skills"
        )
    if not lam > 0:
        raise ValueError(f"lam must be positive, got {lam!r}")
    if not 0.0 <= class_power <= 1.0:
        raise ValueError(f"class_power must be in [0, 1], got {class_power!r}")
    classes, codes = np.unique(y, return_inverse=True)
    if len(classes) < 2:
        raise ValueError(f"need at least two roles to train, got {classes.tolist()}")
    weights = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, float)
    per_class = np.bincount(codes, weights=weights, minlength=len(classes))
    weights = weights * ((weights.sum() / (len(classes) * per_class)) ** class_power)[codes]
    if demand is None:
        demand = demand_matrix(X, y, classes, sample_weight=sample_weight,
                               guide_blend=guide_blend)
    prior = prior_scale * np.asarray(demand, dtype=np.float64)
    k, d = len(classes), X.shape[1]
    Y = np.zeros((len(y), k))
    Y[np.arange(len(y)), codes] = 1.0
    start = np.concatenate([prior.ravel(), np.zeros(k)])
    bounds = [(0.0, None)] * (k * d) + [(None, None)] * k
    result = minimize(_loss, start, args=(X, Y, weights, prior, lam, k), jac=True,
                      method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": max_iter, "maxfun": 2 * max_iter})
    coef = np.maximum(result.x[: k * d].reshape(k, d), 0.0)
    intercept = result.x[k * d:].copy()
    _apply_requirements(coef, intercept, [str(c) for c in classes], requires)
    intercept = intercept - intercept.min()
    meta = {"converged": bool(result.success), "iterations": int(result.nit),
            "demand": demand}
    return LinearModel(tuple(str(c) for c in classes), tuple(mats.skill_ids), coef,
                       intercept, meta)


def posting_demand(postings, mask, classes, *, guide_blend: float = 0.25):
    """:func:`demand_matrix` from labelled postings, counting each posting once and only
    where its source can show the skill.

    For role ``r`` and skill ``s``, the share is taken over the role's postings whose source
    can show ``s`` at all (``data_jobs`` lists know ~220 tools; descriptions show
    everything), with implied credit (closed vectors of list and description skills); with
    fewer than :data:`MIN_ROLE_POSTINGS` such postings the share is not trusted and the
    guide's emphasis stands alone. ``data_jobs`` postings of the roles in
    :data:`LIST_ONLY_LEFT_OUT` are left out, as in training.

    Parameters
    ----------
    postings : rolefit.build.datasets.Postings
    mask : array-like of bool, optional
        Postings to use (a training split); None for all.
    classes : sequence of str
        Row order of the result.
    guide_blend : float
        As :func:`demand_matrix`.

    Returns
    -------
    ndarray of shape (n_classes, n_skills), values in [0, 1]
    """
    from rolefit._encode import closed_matrix

    mats = matrices()
    frame = postings.frame if mask is None else postings.frame[mask]
    frame = frame[~((frame["source"] == "data_jobs") & frame["role"].isin(LIST_ONLY_LEFT_OUT))]
    index = {s: j for j, s in enumerate(mats.skill_ids)}
    sees = {}
    for source, skills in postings.observable.items():
        seen = np.zeros(len(mats.skill_ids))
        seen[[index[s] for s in skills if s in index]] = 1.0
        sees[source] = seen
    out = np.zeros((len(classes), len(mats.skill_ids)))
    for k, role in enumerate(classes):
        part = frame[frame["role"] == role]
        guide = np.zeros(len(mats.skill_ids))
        if role in mats.role_ids:
            guide = mats.weights[mats.role_ids.index(role)]
            guide = guide / guide.max() if guide.max() > 0 else guide
        if len(part) == 0:
            out[k] = guide
            continue
        n_seen = np.zeros(len(mats.skill_ids))
        asked = np.zeros(len(mats.skill_ids))
        for source, rows in part.groupby("source"):
            union = [tuple(set(a) | set(b)) for a, b in zip(rows["list_ids"], rows["text_ids"],
                                                            strict=True)]
            n_seen += len(rows) * sees[source]
            asked += np.asarray(closed_matrix(union).sum(axis=0)).ravel() * sees[source]
        share = np.divide(asked, n_seen, out=np.zeros_like(asked), where=n_seen > 0)
        trusted = n_seen >= MIN_ROLE_POSTINGS
        out[k] = np.where(trusted, (1.0 - guide_blend) * share + guide_blend * guide, guide)
    return np.clip(out, 0.0, 1.0)
