"""The scikit-learn estimators: conventions, common checks, and agreement with score()."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline
from sklearn.utils.estimator_checks import parametrize_with_checks

import rolefit
from rolefit import ProfileMatcher, SkillVectorizer

_REASON = (
    "a coverage score against class-mean profiles is not a discriminative classifier on "
    "the check's real-valued, standardised blobs (rolefit's inputs are 0/1 skill vectors); "
    "the training-accuracy bar of this check does not apply"
)


def _expected_failures(estimator):
    return {
        "check_classifiers_train": _REASON,
        "check_classifiers_train(readonly_memmap=True)": _REASON,
        "check_classifiers_train(readonly_memmap=True,X_dtype=float32)": _REASON,
    }


@parametrize_with_checks(
    [ProfileMatcher(), ProfileMatcher(min_weight=0.1)],
    expected_failed_checks=_expected_failures,
)
def test_sklearn_compatible(estimator, check):
    check(estimator)


def test_matcher_separates_skill_vector_classes():
    rng = np.random.default_rng(0)
    centers = rng.random((3, 40)) < 0.25
    X = np.vstack([(rng.random((50, 40)) < 0.1) | c for c in centers]).astype(float)
    y = np.repeat(["a", "b", "c"], 50)
    assert (ProfileMatcher().fit(X, y).predict(X) == y).mean() > 0.9


def test_profile_is_class_mean_and_scores_add_up():
    X = np.array([[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1]], dtype=float)
    m = ProfileMatcher().fit(X, ["a", "a", "b"])
    np.testing.assert_allclose(m.profiles_, [[1, 0.5, 0, 0], [0, 0, 1, 1]])
    np.testing.assert_allclose(m.weights_.sum(axis=1), 1.0)
    x = np.array([[1, 1, 1, 0]])
    np.testing.assert_allclose(m.transform(x), (x * m.weights_).sum(axis=1)[None, :])
    assert m.get_feature_names_out().tolist() == ["a", "b"]


def test_min_weight_drops_rare_skills():
    X = np.array([[1, 0], [1, 0], [1, 0], [1, 1]], dtype=float)
    m = ProfileMatcher(min_weight=0.3).fit(X, ["a"] * 4)
    assert m.weights_[0].tolist() == [1.0, 0.0]
    with pytest.raises(ValueError, match="min_weight"):
        ProfileMatcher(min_weight=1.5).fit(X, ["a"] * 4)


def test_set_output_pandas_names_columns_by_role():
    pipe = rolefit.profile_pipeline()
    pipe[-1].set_output(transform="pandas")
    frame = pipe.transform([["python", "pytorch"]])
    assert set(frame.columns) == set(rolefit.roles().index)


def test_loaded_model_pipeline_reproduces_score():
    from rolefit.classifier import load_model

    pipe = load_model()
    items = [["python", "pytorch", "docker", "kubernetes"], "SQL, Tableau and Excel"]
    got = pipe.decision_function(items)
    classes = list(pipe.classes_)
    for row, item in zip(got, items, strict=True):
        fit = rolefit.score(item)
        np.testing.assert_allclose(row, [fit.scores[c] for c in classes])


def test_profile_pipeline_is_the_guide_profile_coverage():
    from rolefit.profiles import matrices

    pipe = rolefit.profile_pipeline()
    mats = matrices()
    got = pipe.transform([["python", "pytorch", "docker", "kubernetes"]])
    fit = rolefit.score(["python", "pytorch", "docker", "kubernetes"])
    expected = mats.weights @ fit._covered
    order = [mats.role_ids.index(c) for c in pipe.classes_]
    np.testing.assert_allclose(got[0], expected[order])


def test_vectorizer_features_and_implied_flag():
    vec = SkillVectorizer().fit()
    names = vec.get_feature_names_out()
    assert len(names) == len(rolefit.skills())
    X = vec.transform([["pytorch"]])
    assert "deep_learning" in set(names[X[0].indices])
    X_plain = SkillVectorizer(implied=False).fit().transform([["pytorch"]])
    assert set(names[X_plain[0].indices]) == {"pytorch"}


def test_vectorizer_feeds_any_sklearn_model():
    from sklearn.linear_model import LogisticRegression

    X = [["python", "pytorch"], ["sql", "tableau"], ["pytorch", "cuda"], ["excel", "sql"]]
    y = ["ml", "analyst", "ml", "analyst"]
    model = make_pipeline(SkillVectorizer(), LogisticRegression()).fit(X, y)
    assert model.predict([["pytorch"]]).tolist() == ["ml"]
