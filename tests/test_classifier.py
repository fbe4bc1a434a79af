"""The role classifier: numpy scoring, sklearn round trip, and refusing anything unsafe."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import sparse

from rolefit.classifier import (
    LinearModel,
    ModelFileError,
    classifier_proba,
    load_model,
    read_model,
    role_scores,
    save_model,
)
from rolefit.profiles import close_skills, matrices

MATS = matrices()
N_SKILLS = len(MATS.skill_ids)
ROLES = list(MATS.role_ids)


def closed(*skill_lists) -> np.ndarray:
    X = np.zeros((len(skill_lists), N_SKILLS))
    for i, skills in enumerate(skill_lists):
        for s in skills:
            X[i, MATS.skill_ids.index(s)] = 1.0
    return close_skills(X, MATS.implication)


@pytest.fixture(scope="module")
def tiny_lr():
    X = closed(["sql", "excel"], ["tableau", "sql"], ["pytorch", "docker"],
               ["pytorch", "kubernetes"], ["spark", "airflow"], ["kafka", "spark"])
    y = ["data_analyst", "data_analyst", "ml_engineer", "ml_engineer",
         "data_engineer", "data_engineer"]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=10.0).fit(X, y)


@pytest.fixture
def saved(tiny_lr, tmp_path) -> Path:
    return save_model(tiny_lr, tmp_path / "tiny.npz",
                      metadata={"trained": "2026-11-25", "metrics": {"note": "tiny"}})


# -- scoring ---------------------------------------------------------------------------------
def test_shipped_model_gives_probabilities_in_role_order():
    X = closed(["sql", "tableau", "excel"], ["pytorch", "docker", "kubernetes", "mlflow"],
               ["langchain", "python", "llm"], ["spark", "airflow", "kafka"])
    p = classifier_proba(X)
    assert p.shape == (4, len(ROLES))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    top = [ROLES[i] for i in p.argmax(axis=1)]
    assert top[:3] == ["data_analyst", "ml_engineer", "ai_engineer"]
    # the score orders the roles exactly as the probabilities do
    scores, proba = role_scores(X)
    np.testing.assert_allclose(proba, p)
    assert (scores.argmax(axis=1) == p.argmax(axis=1)).all()
    assert top[3] == "data_engineer"


def test_dense_sparse_and_sklearn_paths_agree():
    X = closed(["sql", "python"], ["pytorch", "cuda"], ["spark"])
    dense = classifier_proba(X)
    np.testing.assert_allclose(classifier_proba(sparse.csr_matrix(X)), dense)
    pipe = load_model()
    lr = pipe.named_steps["classifier"]
    got = lr.predict_proba(X)
    order = [list(lr.classes_).index(r) for r in ROLES]
    np.testing.assert_allclose(got[:, order], dense, atol=1e-12)
    # the pipeline reads skill lists like rolefit.score
    via_pipe = pipe.predict_proba([["SQL", "Python"]])[:, order]
    np.testing.assert_allclose(via_pipe, dense[:1], atol=1e-12)


def test_single_vector_and_wrong_width():
    x = closed(["sql"])[0]
    assert classifier_proba(x).shape == (1, len(ROLES))
    with pytest.raises(ValueError, match="columns"):
        classifier_proba(np.zeros((1, 3)))


def test_scoring_imports_neither_sklearn_nor_pandas():
    code = (
        "import sys, numpy as np\n"
        "from rolefit.classifier import classifier_proba\n"
        "from rolefit.profiles import matrices\n"
        "p = classifier_proba(np.zeros((1, len(matrices().skill_ids))))\n"
        "assert p.shape == (1, 7)\n"
        "bad = [m for m in ('sklearn', 'pandas') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()


@given(st.sets(st.sampled_from(MATS.skill_ids), max_size=12),
       st.sampled_from(MATS.skill_ids))
def test_adding_a_skill_never_lowers_a_score(skills, extra):
    before, _ = role_scores(closed(sorted(skills)))
    after, _ = role_scores(closed(sorted(skills | {extra})))
    assert (after >= before - 1e-12).all()


def test_shipped_weights_are_non_negative_and_scores_at_least_zero():
    model = read_model()
    assert (model.coef >= 0).all() and model.intercept.min() == 0.0
    scores, _ = role_scores(np.zeros((1, N_SKILLS)))
    assert (scores >= 0).all()


# -- saving and loading ----------------------------------------------------------------------
def test_round_trip(tiny_lr, saved):
    model = read_model(saved)
    assert model.classes == tuple(tiny_lr.classes_)
    assert model.feature_names == MATS.skill_ids
    np.testing.assert_array_equal(model.coef, tiny_lr.coef_)
    assert model.meta["trained"] == "2026-11-25"
    X = closed(["sql"], ["pytorch"])
    expected = tiny_lr.predict_proba(X)
    np.testing.assert_allclose(model.predict_proba(X), expected, atol=1e-12)
    proba = classifier_proba(X, model=saved)
    assert proba[:, ROLES.index("ai_engineer")].tolist() == [0.0, 0.0]
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    pipe = load_model(saved)
    np.testing.assert_allclose(pipe.named_steps["classifier"].predict_proba(X), expected,
                               atol=1e-12)
    assert pipe.rolefit_metadata_["metrics"] == {"note": "tiny"}


def test_saving_is_byte_reproducible(tiny_lr, tmp_path):
    a = save_model(tiny_lr, tmp_path / "a.npz", metadata={"trained": "2026-11-25"})
    b = save_model(tiny_lr, tmp_path / "b", metadata={"trained": "2026-11-25"})
    assert b.name == "b.npz"
    assert a.read_bytes() == b.read_bytes()
    assert a.with_suffix(".json").read_bytes() == b.with_suffix(".json").read_bytes()


def test_pipeline_and_linear_model_can_be_saved(tiny_lr, tmp_path):
    pipe = load_model()
    path = save_model(pipe, tmp_path / "copy.npz")
    assert read_model(path).classes == read_model().classes
    linear = read_model()
    path = save_model(linear, tmp_path / "linear.npz")
    assert read_model(path).meta["trained"] == linear.meta["trained"]


def test_save_refuses_other_estimators_and_metadata(tiny_lr, tmp_path):
    from rolefit import ProfileMatcher

    matcher = ProfileMatcher().fit(np.eye(2), ["a", "b"])
    with pytest.raises(TypeError, match="LogisticRegression"):
        save_model(matcher, tmp_path / "m.npz")
    with pytest.raises(ValueError, match="unknown metadata key"):
        save_model(tiny_lr, tmp_path / "m.npz", metadata={"pickle": "no"})


def test_alignment_to_another_taxonomy():
    model = LinearModel(("a", "b"), ("x", "y"), np.array([[1.0, 2.0]]), np.array([0.5]))
    aligned = model.aligned(("y", "z"))
    np.testing.assert_array_equal(aligned.coef, [[2.0, 0.0]])


# -- refusing unsafe or foreign files ------------------------------------------------------
class _Trap:
    """Unpickling this would create the marker file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def _sidecar(saved: Path) -> dict:
    return json.loads(saved.with_suffix(".json").read_text())


def test_a_pickle_renamed_to_npz_is_refused_without_running(tmp_path, saved):
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.npz"
    evil.write_bytes(pickle.dumps(_Trap(marker)))
    evil.with_suffix(".json").write_text(saved.with_suffix(".json").read_text())
    for loader in (read_model, load_model, lambda p: classifier_proba(closed(["sql"]), p)):
        with pytest.raises(ModelFileError, match="evil.npz.*pickle") as info:
            loader(evil)
        assert info.value.path == str(evil)
    assert not marker.exists()


def test_object_arrays_inside_the_archive_are_refused_without_running(tmp_path, saved):
    marker = tmp_path / "pwned"
    evil = tmp_path / "objects.npz"
    trap = np.empty(1, dtype=object)
    trap[0] = _Trap(marker)
    np.savez(evil, coef=trap, intercept=np.zeros(3))
    evil.with_suffix(".json").write_text(saved.with_suffix(".json").read_text())
    with pytest.raises(ModelFileError, match="objects.npz"):
        read_model(evil)
    assert not marker.exists()


def _arrays(saved: Path) -> dict:
    with np.load(saved, allow_pickle=False) as base:
        return {k: base[k] for k in base.files}


def _rewrite(saved: Path, tmp_path: Path, arrays=None, meta=None, name="bad") -> Path:
    path = tmp_path / f"{name}.npz"
    content = _arrays(saved) if arrays is None else arrays
    with zipfile.ZipFile(path, "w") as archive:
        for key, value in content.items():
            with archive.open(f"{key}.npy", "w") as handle:
                np.lib.format.write_array(handle, np.asarray(value), allow_pickle=False)
    path.with_suffix(".json").write_text(json.dumps(meta or _sidecar(saved)))
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: {**a, "extra": np.zeros(1)}, "holds"),
        (lambda a: {"coef": a["coef"]}, "holds arrays"),
        (lambda a: {**a, "coef": a["coef"][:, :5]}, "shape"),
        (lambda a: {**a, "intercept": a["intercept"].astype(np.int64)}, "int64"),
        (lambda a: {**a, "coef": np.where(a["coef"] == a["coef"].max(), np.nan,
                                          a["coef"])}, "non-finite"),
    ],
    ids=["extra-array", "missing-array", "wrong-shape", "int-dtype", "nan"],
)
def test_bad_arrays_are_refused(saved, tmp_path, change, message):
    path = _rewrite(saved, tmp_path, change(_arrays(saved)))
    with pytest.raises(ModelFileError, match=message) as info:
        read_model(path)
    assert "bad.npz" in str(info.value) and "refused" in str(info.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: {**m, "format": "sklearn"}, "not a rolefit model"),
        (lambda m: {**m, "py/object": "os.system"}, "unknown sidecar keys"),
        (lambda m: {**m, "classes": "ml_engineer"}, "must be list"),
        (lambda m: {**m, "classes": [1, 2, 3]}, "short names"),
        (lambda m: {**m, "format_version": 99}, "not supported"),
        (lambda m: {**m, "format_version": True}, "must be int"),
        (lambda m: {**m, "estimator": "MLPClassifier"}, "not trusted"),
        (lambda m: {**m, "trained": "yesterday"}, "YYYY-MM-DD"),
        (lambda m: {k: v for k, v in m.items() if k != "feature_names"}, "missing"),
        (lambda m: {**m, "feature_names": m["feature_names"][:-1]}, "shape"),
        (lambda m: [m], "not a JSON object"),
    ],
    ids=["format", "foreign-key", "type", "class-type", "version", "bool-version",
         "estimator", "date", "missing-key", "features", "not-object"],
)
def test_bad_sidecars_are_refused(saved, tmp_path, change, message):
    path = _rewrite(saved, tmp_path, meta=change(_sidecar(saved)))
    with pytest.raises(ModelFileError, match=message) as info:
        read_model(path)
    assert "bad." in str(info.value)


def test_other_broken_files_are_refused(saved, tmp_path):
    cases = {
        "empty.npz": b"",
        "text.npz": b"hello, I am not a model",
        "truncated.npz": saved.read_bytes()[:100],
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        path.with_suffix(".json").write_text(saved.with_suffix(".json").read_text())
        with pytest.raises(ModelFileError, match=name.replace(".", r"\.")):
            read_model(path)
    lonely = tmp_path / "lonely.npz"
    lonely.write_bytes(saved.read_bytes())
    with pytest.raises(ModelFileError, match="lonely.json.*sidecar"):
        read_model(lonely)
    with pytest.raises(ModelFileError, match="not found"):
        read_model(tmp_path / "nowhere.npz")
    other = tmp_path / "good.csv"
    other.write_text("skills\npython\n")
    with pytest.raises(ModelFileError, match=r"good\.csv: a model is a \.npz file saved by"):
        read_model(other)  # said "good.csv.npz: model file not found"
    bad_json = tmp_path / "badjson.npz"
    bad_json.write_bytes(saved.read_bytes())
    bad_json.with_suffix(".json").write_text('{"format": NaN}')
    with pytest.raises(ModelFileError, match="not valid JSON"):
        read_model(bad_json)


def test_model_file_error_is_a_value_error():
    assert issubclass(ModelFileError, ValueError)


def test_a_header_claiming_a_huge_array_is_refused_before_reading(saved, tmp_path):
    path = tmp_path / "huge.npz"
    header = {"descr": "<f8", "fortran_order": False, "shape": (10**12, 7)}
    buffer = __import__("io").BytesIO()
    np.lib.format.write_array_header_1_0(buffer, header)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("coef.npy", buffer.getvalue() + b"\0" * 64)
        archive.writestr("intercept.npy", buffer.getvalue())
    path.with_suffix(".json").write_text(saved.with_suffix(".json").read_text())
    with pytest.raises(ModelFileError, match="huge.npz"):
        read_model(path)
