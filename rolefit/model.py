"""scikit-learn estimators behind rolefit's scores.

- :class:`SkillVectorizer` turns skill lists or texts into a sparse matrix over the
  taxonomy: 1 for a listed skill, partial credit for an implied one. It is the thin
  string front end.
- :class:`ProfileMatcher` is the numeric estimator: it learns one weight profile per role
  (the mean of that role's skill vectors) and scores a vector by the share of each
  profile's weight it covers. With the shipped profiles as training rows it reproduces
  :func:`rolefit.score`; with job postings as rows it learns market profiles.

:func:`profile_pipeline` chains the two with the shipped role profiles.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.pipeline import Pipeline
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from rolefit._encode import _Resolver, close_sparse, encode_chunk, skill_matrix
from rolefit.profiles import matrices, normalize_rows

__all__ = ["ProfileMatcher", "SkillVectorizer", "profile_pipeline"]


class SkillVectorizer(TransformerMixin, BaseEstimator):
    """Skill lists or texts -> sparse coverage matrix with one column per taxonomy skill.

    A listed skill gets 1; a skill only implied by listed ones gets
    :data:`rolefit.profiles.IMPLIED_CREDIT` per implying skill, at most 1.

    Parameters
    ----------
    implied : bool, default=True
        Also credit the skills implied by the recognised ones (PyTorch -> deep learning);
        with False the matrix is 0/1 over listed skills only.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        The skill ids, in column order.

    Examples
    --------
    >>> from rolefit import SkillVectorizer
    >>> vec = SkillVectorizer().fit([["python"]])
    >>> X = vec.transform([["pytorch"], "SQL and Tableau"])
    >>> sorted(vec.get_feature_names_out()[X[0].indices])
    ['deep_learning', 'machine_learning', 'neural_networks', 'python', 'pytorch']
    """

    def __init__(self, implied: bool = True):
        self.implied = implied

    def fit(self, X=None, y=None):
        """Fix the vocabulary (the taxonomy); ``X`` and ``y`` are ignored."""
        self.feature_names_out_ = np.asarray(matrices().skill_ids, dtype=object)
        return self

    def transform(self, X):
        """Return a CSR matrix (n_samples x n_skills); unknown skill-list items are skipped.

        Use :func:`rolefit.score_many` to see which items were not recognised.
        """
        check_is_fitted(self, "feature_names_out_")
        rows = list(X)
        indptr, indices, *_ = encode_chunk(rows, _Resolver())
        explicit = skill_matrix(indptr, indices, len(rows))
        return close_sparse(explicit) if self.implied else explicit

    def get_feature_names_out(self, input_features=None):
        """The skill ids, in column order."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


class ProfileMatcher(ClassifierMixin, TransformerMixin, BaseEstimator):
    """Match skill vectors against per-class weight profiles.

    ``fit`` averages the (clipped to [0, 1]) rows of each class into a profile: with job
    postings that is each skill's prevalence in the role; with one row per role it is the
    row itself. Each profile is scaled to sum to 1, so the score of a vector for a class,
    ``clip(x, 0, 1) @ weights_[k]``, is the share of the profile it covers, in [0, 1], and
    is the sum of per-feature contributions ``x_j * weights_[k, j]``.

    Parameters
    ----------
    min_weight : float, default=0.0
        Profile weights below this (before scaling) are set to zero, which keeps learned
        profiles focused on skills a class really asks for.

    Attributes
    ----------
    classes_ : ndarray
        Class labels (role ids).
    profiles_ : ndarray of shape (n_classes, n_features)
        Mean clipped row of each class.
    weights_ : ndarray of shape (n_classes, n_features)
        ``profiles_`` after ``min_weight``, each row scaled to sum to 1.

    Examples
    --------
    >>> import numpy as np
    >>> from rolefit import ProfileMatcher
    >>> X = np.array([[1, 1, 0], [1, 0, 0], [0, 0, 1]])
    >>> m = ProfileMatcher().fit(X, ["a", "a", "b"])
    >>> m.transform([[1, 0, 0]]).round(3).tolist()
    [[0.667, 0.0]]
    >>> m.predict([[0, 0, 1]]).tolist()
    ['b']
    """

    def __init__(self, min_weight: float = 0.0):
        self.min_weight = min_weight

    def fit(self, X, y, sample_weight=None):
        """Learn one profile per class from rows ``X`` labelled ``y``."""
        X, y = validate_data(self, X, y, accept_sparse="csr", reset=True)
        check_classification_targets(y)
        if not 0.0 <= self.min_weight < 1.0:
            raise ValueError(f"min_weight must be in [0, 1), got {self.min_weight!r}")
        self.classes_, codes = np.unique(y, return_inverse=True)
        sw = np.ones(X.shape[0]) if sample_weight is None else np.asarray(sample_weight, float)
        if sw.shape != (X.shape[0],):
            raise ValueError(
                f"sample_weight has shape {sw.shape}; expected ({X.shape[0]},), one per row"
            )
        if not np.all(np.isfinite(sw)) or (sw < 0).any() or sw.sum() <= 0:
            raise ValueError("sample_weight must be finite, non-negative and not all zero")
        profiles = np.zeros((len(self.classes_), X.shape[1]))
        for k in range(len(self.classes_)):
            rows = codes == k
            clipped = self._clip(X[rows])
            profiles[k] = np.asarray(sw[rows] @ clipped).ravel() / max(sw[rows].sum(), 1e-12)
        self.profiles_ = profiles
        kept = np.where(profiles >= self.min_weight, profiles, 0.0)
        self.weights_ = normalize_rows(kept)
        return self

    @staticmethod
    def _clip(X):
        if hasattr(X, "tocsr"):
            X = X.tocsr(copy=True)
            X.data = np.clip(X.data, 0.0, 1.0)
            return X
        return np.clip(X, 0.0, 1.0)

    def transform(self, X):
        """Score of each class for each row: the covered share of its profile, in [0, 1]."""
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        return np.asarray(self._clip(X) @ self.weights_.T)

    def predict_proba(self, X):
        """Scores scaled to sum to 1 per row (uniform where every score is 0)."""
        scores = self.transform(X)
        total = scores.sum(axis=1, keepdims=True)
        uniform = np.full_like(scores, 1.0 / scores.shape[1])
        return np.divide(scores, total, out=uniform, where=total > 0)

    def predict(self, X):
        """The best-covered class of each row."""
        scores = self.transform(X)
        return self.classes_[np.argmax(scores, axis=1)]

    def get_feature_names_out(self, input_features=None):
        """One output column per class."""
        check_is_fitted(self)
        return np.asarray([str(c) for c in self.classes_], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        return tags


def profile_pipeline() -> Pipeline:
    """A fitted ``SkillVectorizer -> ProfileMatcher`` pipeline on the shipped profiles.

    Its ``transform`` gives the same role scores as :func:`rolefit.score`.

    Examples
    --------
    >>> import rolefit
    >>> pipe = rolefit.profile_pipeline()
    >>> proba = pipe.predict_proba([["python", "pytorch", "docker", "kubernetes"]])
    >>> pipe.predict([["spark", "airflow", "kafka"]]).tolist()
    ['data_engineer']
    """
    mats = matrices()
    matcher = ProfileMatcher().fit(mats.weights, np.asarray(mats.role_ids, dtype=object))
    return Pipeline([("skills", SkillVectorizer().fit()), ("roles", matcher)])
