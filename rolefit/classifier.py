"""The role classifier: save, load and apply it without ever unpickling.

A rolefit model is a multinomial logistic regression over closed skill vectors (one 0/1
column per taxonomy skill, implied skills included). It is stored as two files side by
side:

- ``NAME.npz``: plain float64 arrays ``coef`` (classes x features) and ``intercept``,
  read with ``numpy.load(..., allow_pickle=False)``;
- ``NAME.json``: the sidecar with the format name and version, the class labels (role
  ids), the feature names (skill ids), the training date, the data versions and metrics.

Neither file can run code when loaded: the archive may only hold the two float arrays,
the sidecar only the documented keys and JSON types, and anything else (a pickle renamed
to ``.npz``, object arrays, foreign keys, wrong shapes, non-finite numbers) is refused
with a :class:`ModelFileError` naming the file.

It is fitted by the build (:func:`rolefit.build.role_model.fit_role_model`).
:func:`classifier_proba` applies the shipped model (or any rolefit model) with numpy
alone, so ``rolefit score`` never imports scikit-learn or pandas; :func:`load_model`
rebuilds a fitted scikit-learn pipeline for everything else.
"""

from __future__ import annotations

import io
import json
import lzma
import math
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

__all__ = [
    "DEFAULT_MODEL",
    "LinearModel",
    "ModelFileError",
    "classifier_proba",
    "role_scores",
    "role_weights",
    "load_model",
    "read_model",
    "save_model",
]

FORMAT = "rolefit-classifier"
FORMAT_VERSION = 1
ESTIMATOR = "LogisticRegression"
DEFAULT_MODEL = "role_classifier.npz"
MAX_MODEL_BYTES = 50_000_000

_ARRAYS = {"coef": 2, "intercept": 1}
_REQUIRED = {
    "format": str,
    "format_version": int,
    "estimator": str,
    "classes": list,
    "feature_names": list,
}
_OPTIONAL = {
    "trained": str,
    "rolefit_version": str,
    "description": str,
    "data_versions": dict,
    "training": dict,
    "metrics": dict,
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ID = re.compile(r"[A-Za-z0-9_.+#\- ]{1,100}\Z")


class ModelFileError(ValueError):
    """A file is not a valid rolefit model; it was refused without running any code.

    Attributes
    ----------
    path : str
        The refused file.
    """

    def __init__(self, path, message):
        self.path = str(path)
        super().__init__(f"{self.path}: {message}; refused (not loaded)")


@dataclass(frozen=True)
class LinearModel:
    """A validated model as plain arrays (what :func:`read_model` returns).

    Attributes
    ----------
    classes : tuple of str
        Class labels (role ids), in the row order of ``coef``.
    feature_names : tuple of str
        Skill ids, in the column order of ``coef``.
    coef : ndarray of shape (n_classes, n_features), or (1, n_features) for two classes
    intercept : ndarray of shape (n_classes,) or (1,)
    meta : dict
        The JSON sidecar.
    """

    classes: tuple[str, ...]
    feature_names: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict = field(default_factory=dict)

    def aligned(self, feature_names) -> LinearModel:
        """The same model with columns reordered to ``feature_names``.

        Skills the model does not know get a zero coefficient; skills the model knows but
        ``feature_names`` lacks are dropped (they could never be set).
        """
        feature_names = tuple(feature_names)
        if feature_names == self.feature_names:
            return self
        position = {f: i for i, f in enumerate(self.feature_names)}
        coef = np.zeros((self.coef.shape[0], len(feature_names)))
        for j, name in enumerate(feature_names):
            if name in position:
                coef[:, j] = self.coef[:, position[name]]
        return LinearModel(self.classes, feature_names, coef, self.intercept, self.meta)

    def decision_function(self, X) -> np.ndarray:
        """Logits ``X @ coef.T + intercept`` for a dense or sparse 0/1 matrix."""
        if X.shape[1] != self.coef.shape[1]:
            raise ValueError(
                f"X has {X.shape[1]} columns, the model has {self.coef.shape[1]} features"
            )
        return np.asarray(X @ self.coef.T) + self.intercept

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities (columns in :attr:`classes` order), like scikit-learn's."""
        z = self.decision_function(X)
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + np.exp(-z[:, 0]))
            return np.column_stack([1.0 - p, p])
        z = z - z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        return z / z.sum(axis=1, keepdims=True)








# -- saving ----------------------------------------------------------------------------------
def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An ``.npz`` archive with fixed timestamps, so equal arrays give equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, _npy_bytes(arrays[name]))
    path.write_bytes(buffer.getvalue())


def _paths(path) -> tuple[Path, Path]:
    path = Path(path)
    if path.suffix in (".npz", ".json"):
        return path.with_suffix(".npz"), path.with_suffix(".json")
    return path.with_name(path.name + ".npz"), path.with_name(path.name + ".json")


def _unwrap(model):
    """The LogisticRegression and feature names of a model or pipeline."""
    if isinstance(model, LinearModel):
        return model, list(model.feature_names)
    steps = getattr(model, "steps", None)
    names = None
    if steps is not None:
        first, model = steps[0][1], steps[-1][1]
        if len(steps) > 1 and hasattr(first, "get_feature_names_out"):
            names = [str(n) for n in first.get_feature_names_out()]
    if type(model).__name__ != ESTIMATOR or not hasattr(model, "coef_"):
        raise TypeError(
            f"only a fitted LogisticRegression (or a pipeline ending in one) can be saved, "
            f"got {type(model).__name__}"
        )
    if names is None:
        from rolefit.profiles import matrices

        names = list(matrices().skill_ids)
    return model, names


def save_model(model, path, *, metadata: dict | None = None) -> Path:
    """Save a fitted classifier as ``NAME.npz`` (arrays) plus ``NAME.json`` (sidecar).

    Parameters
    ----------
    model : LogisticRegression, Pipeline or LinearModel
        A fitted logistic regression over closed skill vectors in taxonomy order, or a
        pipeline whose first step names its features (a fitted
        :class:`rolefit.SkillVectorizer`) and whose last step is the regression.
    path : str or Path
        Where to write; ``.npz`` is added when missing and the sidecar gets ``.json``.
    metadata : dict, optional
        Extra sidecar entries: ``trained`` (YYYY-MM-DD), ``description``,
        ``data_versions``, ``training`` and ``metrics`` (JSON values).

    Returns
    -------
    Path
        The ``.npz`` path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from rolefit.classifier import load_model, read_model, save_model
    >>> shipped = read_model()
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save_model(shipped, pathlib.Path(tmp) / "copy.npz")
    ...     copy = read_model(path)
    >>> copy.classes == shipped.classes
    True
    """
    lr, feature_names = _unwrap(model)
    coef = np.asarray(lr.coef, dtype=np.float64) if isinstance(lr, LinearModel) else \
        np.asarray(lr.coef_, dtype=np.float64)
    intercept = np.asarray(
        lr.intercept if isinstance(lr, LinearModel) else lr.intercept_, dtype=np.float64
    )
    classes = [str(c) for c in (lr.classes if isinstance(lr, LinearModel) else lr.classes_)]
    meta = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "estimator": ESTIMATOR,
        "classes": classes,
        "feature_names": list(feature_names),
    }
    base = dict(lr.meta) if isinstance(lr, LinearModel) else {}
    for key in _OPTIONAL:
        if key in base:
            meta[key] = base[key]
    for key, value in (metadata or {}).items():
        if key not in _OPTIONAL:
            raise ValueError(f"unknown metadata key {key!r}; allowed: {sorted(_OPTIONAL)}")
        meta[key] = value
    npz_path, json_path = _paths(path)
    _check(npz_path, meta, {"coef": coef, "intercept": intercept}, json_path)
    npz_path.parent.mkdir(parents=True, exist_ok=True)
    _write_npz(npz_path, {"coef": coef, "intercept": intercept})
    text = json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
    json_path.write_text(text + "\n", encoding="utf-8")
    return npz_path


# -- loading ---------------------------------------------------------------------------------
def _json_value_ok(value, depth=0) -> bool:
    if depth > 6:
        return False
    if value is None or isinstance(value, bool | str):
        return True
    if isinstance(value, int | float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_json_value_ok(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_value_ok(v, depth + 1) for k, v in value.items())
    return False


def _check(npz_path, meta, arrays, json_path) -> None:
    """Validate sidecar and arrays together; raise ModelFileError naming the bad file."""
    if not isinstance(meta, dict):
        raise ModelFileError(json_path, "the sidecar is not a JSON object")
    if meta.get("format") != FORMAT:
        raise ModelFileError(json_path, f"not a rolefit model (format is not {FORMAT!r})")
    unknown = sorted(set(meta) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ModelFileError(json_path, f"unknown sidecar keys {unknown}")
    for key, kind in (*_REQUIRED.items(), *_OPTIONAL.items()):
        if key not in meta:
            if key in _REQUIRED:
                raise ModelFileError(json_path, f"sidecar key {key!r} is missing")
            continue
        value = meta[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ModelFileError(
                json_path, f"sidecar key {key!r} must be {kind.__name__}, got "
                f"{type(value).__name__}"
            )
        if not _json_value_ok(value):
            raise ModelFileError(json_path, f"sidecar key {key!r} holds a non-finite number")
    if meta["format_version"] != FORMAT_VERSION:
        raise ModelFileError(
            json_path, f"format_version {meta['format_version']} is not supported "
            f"(this rolefit reads {FORMAT_VERSION})"
        )
    if meta["estimator"] != ESTIMATOR:
        raise ModelFileError(json_path, f"estimator {meta['estimator']!r} is not trusted")
    if "trained" in meta and not _DATE.match(meta["trained"]):
        raise ModelFileError(json_path, "'trained' must be a date YYYY-MM-DD")
    for key, minimum in (("classes", 2), ("feature_names", 1)):
        items = meta[key]
        if len(items) < minimum or not all(isinstance(s, str) and _ID.match(s) for s in items):
            raise ModelFileError(
                json_path, f"{key!r} must list at least {minimum} short names"
            )
        if len(set(items)) != len(items):
            raise ModelFileError(json_path, f"{key!r} has duplicates")
    n_classes, n_features = len(meta["classes"]), len(meta["feature_names"])
    rows = 1 if n_classes == 2 else n_classes
    expected = {"coef": (rows, n_features), "intercept": (rows,)}
    if set(arrays) != set(_ARRAYS):
        raise ModelFileError(
            npz_path, f"holds arrays {sorted(arrays)}; a rolefit model holds exactly "
            f"{sorted(_ARRAYS)}"
        )
    for name, array in arrays.items():
        if array.dtype != np.float64:
            raise ModelFileError(npz_path, f"array {name!r} is {array.dtype}, not float64")
        if array.shape != expected[name]:
            raise ModelFileError(
                npz_path, f"array {name!r} has shape {array.shape}, expected "
                f"{expected[name]} for {n_classes} classes and {n_features} features"
            )
        if not np.isfinite(array).all():
            raise ModelFileError(npz_path, f"array {name!r} holds non-finite numbers")


def _declared_bytes(member) -> int:
    """Bytes of array data an ``.npy`` header announces (checked before numpy allocates)."""
    fmt = np.lib.format
    version = fmt.read_magic(member)
    read_header = fmt.read_array_header_1_0 if version == (1, 0) else fmt.read_array_header_2_0
    shape, _, dtype = read_header(member)
    return math.prod(shape) * dtype.itemsize


def _read_arrays(npz_path: Path, raw: bytes) -> dict[str, np.ndarray]:
    if raw[:1] == b"\x80" or raw[:2] in (b"(d", b"(l", b"}q", b"]q"):
        raise ModelFileError(npz_path, "this is a Python pickle, which rolefit never loads")
    if not raw.startswith(b"PK\x03\x04"):
        raise ModelFileError(npz_path, "not an .npz archive")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            names = [i.filename for i in infos]
            if sum(i.file_size for i in infos) > MAX_MODEL_BYTES:
                raise ModelFileError(npz_path, "archive unpacks to too many bytes")
            bad = [n for n in names if not n.endswith(".npy") or n[:-4] not in _ARRAYS]
            if bad or len(names) != len(set(names)):
                raise ModelFileError(
                    npz_path, f"holds {sorted(names)}; a rolefit model holds exactly "
                    f"{sorted(k + '.npy' for k in _ARRAYS)}"
                )
            arrays = {}
            for info in infos:
                with archive.open(info) as member:
                    if _declared_bytes(member) > info.file_size:
                        raise ModelFileError(
                            npz_path, f"{info.filename} declares more data than it holds"
                        )
                with archive.open(info) as member:
                    arrays[info.filename[:-4]] = np.lib.format.read_array(
                        member, allow_pickle=False
                    )
    except ModelFileError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, NotImplementedError,
            RuntimeError, zlib.error, lzma.LZMAError) as exc:  # damaged or exotic archives
        raise ModelFileError(npz_path, f"unreadable archive ({exc})") from None
    return arrays


def _read_bytes(path: Path, what: str) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ModelFileError(path, f"{what} not found") from None
    if size > MAX_MODEL_BYTES:
        raise ModelFileError(path, f"larger than {MAX_MODEL_BYTES:,} bytes")
    return path.read_bytes()


def read_model(path=None) -> LinearModel:
    """Read and validate a rolefit model with numpy and json alone (no pickle, no sklearn).

    Parameters
    ----------
    path : str or Path, optional
        The ``.npz`` file (its ``.json`` sidecar must sit beside it). By default the model
        shipped in ``rolefit.models``.

    Returns
    -------
    LinearModel

    Raises
    ------
    ModelFileError
        When either file is missing, is not a rolefit model, or holds unexpected keys,
        types or shapes. Nothing in the file is executed.

    Examples
    --------
    >>> from rolefit.classifier import read_model
    >>> model = read_model()
    >>> "ai_engineer" in model.classes, model.meta["format"]
    (True, 'rolefit-classifier')
    """
    if path is None:
        return _shipped()
    suffix = Path(path).suffix.lower()
    if suffix not in ("", ".npz", ".json") and not Path(f"{path}.npz").is_file():
        raise ModelFileError(path, f"a model is a .npz file saved by `rolefit train` (with "
                             f"its .json sidecar beside it), not a {suffix} file")
    npz_path, json_path = _paths(path)
    raw = _read_bytes(npz_path, "model file")
    arrays = _read_arrays(npz_path, raw)
    text = _read_bytes(json_path, "model sidecar (.json beside the .npz)")
    try:
        meta = json.loads(text.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ModelFileError(json_path, f"the sidecar is not valid JSON ({exc})") from None
    _check(npz_path, meta, arrays, json_path)
    return LinearModel(
        tuple(meta["classes"]),
        tuple(meta["feature_names"]),
        arrays["coef"],
        arrays["intercept"],
        meta,
    )


def _no_constant(name):
    raise ValueError(f"{name} is not allowed")


@cache
def _shipped() -> LinearModel:
    folder = resources.files("rolefit.models")
    with resources.as_file(folder.joinpath(DEFAULT_MODEL)) as path:
        return read_model(path)


@cache
def _aligned_default() -> LinearModel:
    from rolefit.profiles import matrices

    return _shipped().aligned(matrices().skill_ids)


def load_model(path=None):
    """Load a rolefit model as a fitted scikit-learn pipeline.

    The pipeline is ``SkillVectorizer -> LogisticRegression``: it takes skill lists or
    texts like :func:`rolefit.profile_pipeline`. The regression is rebuilt from the arrays
    (``coef_``, ``intercept_``, ``classes_``, ``n_features_in_``), aligned to the installed
    taxonomy, and the sidecar is kept as ``pipeline.rolefit_metadata_``.

    Parameters
    ----------
    path : str or Path, optional
        A model saved by :func:`save_model` or ``rolefit train``; by default the shipped
        one.

    Raises
    ------
    ModelFileError
        As :func:`read_model`.

    Examples
    --------
    >>> from rolefit.classifier import load_model
    >>> pipe = load_model()
    >>> pipe.predict([["sql", "tableau", "excel", "power bi"]]).tolist()
    ['data_analyst']
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    from rolefit.model import SkillVectorizer
    from rolefit.profiles import matrices

    model = read_model(path).aligned(matrices().skill_ids)
    lr = LogisticRegression()
    lr.classes_ = np.asarray(model.classes, dtype=object)
    lr.coef_ = model.coef.copy()
    lr.intercept_ = model.intercept.copy()
    lr.n_features_in_ = model.coef.shape[1]
    lr.n_iter_ = np.zeros(1, dtype=np.int32)
    pipe = Pipeline([("skills", SkillVectorizer().fit()), ("classifier", lr)])
    pipe.rolefit_metadata_ = model.meta
    return pipe


def classifier_proba(X_closed, model=None) -> np.ndarray:
    """Role probabilities from the role model, with numpy alone: the second array of
    :func:`role_scores` (softmax of the scores, columns in ``matrices().role_ids`` order,
    rows summing to 1; a role the model was not trained on gets 0).

    Examples
    --------
    >>> import numpy as np
    >>> from rolefit.classifier import classifier_proba
    >>> from rolefit.profiles import matrices
    >>> p = classifier_proba(np.zeros((1, len(matrices().skill_ids))))
    >>> p.shape, bool(np.isclose(p.sum(), 1.0))
    ((1, 7), True)
    """
    return role_scores(X_closed, model)[1]


def _aligned_model(model) -> LinearModel:
    """``model`` (None: the shipped one; a path; a LinearModel) in taxonomy column order."""
    from rolefit.profiles import matrices

    if model is None:
        return _aligned_default()
    linear = model if isinstance(model, LinearModel) else read_model(model)
    return linear.aligned(matrices().skill_ids)


def role_weights(model=None) -> tuple[np.ndarray, np.ndarray]:
    """The role model as arrays in ``matrices()`` order: what every score is computed from.

    Parameters
    ----------
    model : str, Path or LinearModel, optional
        A model file or a read model; by default the shipped one (read and arranged once
        per process).

    Returns
    -------
    (ndarray, ndarray)
        ``coef`` of shape (n_roles, n_skills), rows in ``matrices().role_ids`` order and
        columns in taxonomy order (zeros for a role the model was not trained on), and
        ``intercept`` of shape (n_roles,) (NaN for such a role); both read-only.
    """
    if model is None:
        return _default_role_weights()
    return _role_weights(_aligned_model(model))


@cache
def _default_role_weights() -> tuple[np.ndarray, np.ndarray]:
    return _role_weights(_aligned_default())


def _role_weights(linear: LinearModel) -> tuple[np.ndarray, np.ndarray]:
    from rolefit.profiles import matrices

    mats = matrices()
    rows, values = linear.coef, linear.intercept
    if len(linear.classes) == 2 and rows.shape[0] == 1:  # a two-class file: one logit
        rows = np.vstack([np.zeros_like(rows), rows])
        values = np.concatenate([[0.0], values])
    coef = np.zeros((len(mats.role_ids), rows.shape[1]))
    intercept = np.full(len(mats.role_ids), np.nan)
    position = {r: i for i, r in enumerate(mats.role_ids)}
    for k, label in enumerate(linear.classes):
        if label in position:
            coef[position[label]], intercept[position[label]] = rows[k], values[k]
    coef.flags.writeable = intercept.flags.writeable = False
    return coef, intercept


def role_scores(X_closed, model=None) -> tuple[np.ndarray, np.ndarray]:
    """rolefit's one number per role, and the probabilities it implies, with numpy alone.

    ``score = intercept + coef @ coverage``: the model's log-odds points for each role
    (every weight is >= 0, so learning a skill never lowers a score);
    ``proba = softmax(score)`` over the roles the model knows.

    Parameters
    ----------
    X_closed : ndarray or scipy.sparse matrix of shape (n, n_skills)
        Skill coverage with implied credit (``close_skills``), taxonomy column order.
    model : str, Path or LinearModel, optional
        A model file or a read model; by default the shipped one.

    Returns
    -------
    (ndarray, ndarray), each of shape (n, n_roles)
        Scores and probabilities in ``matrices().role_ids`` order; a role the model was
        not trained on gets a NaN score and probability 0.

    Examples
    --------
    >>> import numpy as np
    >>> from rolefit.classifier import role_scores
    >>> from rolefit.profiles import close_skills, matrices
    >>> mats = matrices()
    >>> x = np.zeros((1, len(mats.skill_ids)))
    >>> for s in ("sql", "tableau", "excel"):
    ...     x[0, mats.skill_ids.index(s)] = 1
    >>> score, proba = role_scores(close_skills(x, mats.implication))
    >>> mats.role_ids[int(np.argmax(score))] == mats.role_ids[int(proba.argmax())]
    True
    """
    coef, intercept = role_weights(model)
    X = X_closed if hasattr(X_closed, "tocsr") else np.atleast_2d(np.asarray(X_closed, float))
    if X.shape[1] != coef.shape[1]:
        raise ValueError(f"X has {X.shape[1]} columns, the model has {coef.shape[1]} features")
    scores = np.asarray(X @ coef.T) + intercept
    shifted = np.where(np.isnan(scores), -np.inf, scores)
    shifted = shifted - shifted.max(axis=1, keepdims=True)
    proba = np.exp(shifted)
    proba /= proba.sum(axis=1, keepdims=True)
    return scores, proba
