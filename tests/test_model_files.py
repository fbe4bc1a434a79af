"""Model files from strangers: tampered archives and sidecars are refused, no code runs.

A rolefit model is ``NAME.npz`` (two float64 arrays) plus ``NAME.json``. Every file here is
a valid model edited in one hostile way; :func:`rolefit.classifier.read_model` and
:func:`~rolefit.classifier.load_model` must raise :class:`ModelFileError` naming the file,
and a pickle payload that would create a marker file must never run. This complements
tests/test_classifier.py (basic pickle, object array, extra/missing array, int dtype, NaN
and sidecar checks live there) with what it does not try: every pickle protocol, an audit
hook proving nothing is unpickled, imported or executed, foreign members, lying headers,
more dtypes and shapes, hostile JSON, and random byte damage.
"""

from __future__ import annotations

import io
import json
import pathlib
import pickle
import subprocess
import sys
import textwrap
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit.classifier import LinearModel, ModelFileError, load_model, read_model, save_model

CLASSES = ("ml_engineer", "data_scientist", "data_analyst")
FEATURES = ("python", "sql", "pytorch", "tableau")


class Payload:
    """Unpickling this creates ``path``: the proof that a loader ran code from a file."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path(self.path),))


@pytest.fixture
def model(tmp_path) -> pathlib.Path:
    """A valid three-class model saved in tmp_path; returns the .npz path."""
    rng = np.random.default_rng(0)
    linear = LinearModel(CLASSES, FEATURES, rng.normal(size=(3, 4)), rng.normal(size=3))
    return save_model(linear, tmp_path / "model.npz", metadata={"trained": "2026-01-01"})


def _npy(array, allow_pickle=False) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=allow_pickle)
    return buffer.getvalue()


def _zip(path, members: dict[str, bytes]):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def _refused(path, *words):
    with pytest.raises(ModelFileError) as info:
        read_model(path)
    message = str(info.value)
    assert "refused" in message and "\n" not in message
    for word in words:
        assert word in message, message
    return info.value


def test_valid_model_round_trips(model):
    back = read_model(model)
    assert back.classes == CLASSES and back.feature_names == FEATURES
    assert back.coef.dtype == np.float64 and back.coef.shape == (3, 4)


# -- pickles: the proof that nothing from the file runs ------------------------------------
def test_payload_is_live_when_unpickled(tmp_path):
    """Control: the payload does create its marker when something does unpickle it."""
    marker = tmp_path / "control-marker"
    pickle.loads(pickle.dumps(Payload(marker)))
    assert marker.exists()


@pytest.mark.parametrize("protocol", [0, 2, 4, 5])
def test_pickle_renamed_to_npz_is_refused_and_never_runs(model, tmp_path, protocol):
    marker = tmp_path / "marker"
    model.write_bytes(pickle.dumps(Payload(marker), protocol=protocol))
    _refused(model, str(model))
    with pytest.raises(ModelFileError):
        load_model(model)
    assert not marker.exists()


def test_pickle_inside_the_sidecar_path_is_refused_and_never_runs(model, tmp_path):
    marker = tmp_path / "marker"
    model.with_suffix(".json").write_bytes(pickle.dumps(Payload(marker)))
    _refused(model, "model.json", "not valid JSON")
    assert not marker.exists()


def test_no_unpickling_or_process_events_while_loading_hostile_files(tmp_path):
    """In a fresh interpreter, an audit hook sees no ``pickle.find_class``, ``exec``,
    import, ``os.system`` or new process while every hostile file is loaded."""
    marker = tmp_path / "marker"
    base = tmp_path / "hostile"
    base.mkdir()
    rng = np.random.default_rng(1)
    good = save_model(
        LinearModel(CLASSES, FEATURES, rng.normal(size=(3, 4)), rng.normal(size=3)),
        base / "good.npz",
    )
    sidecar = good.with_suffix(".json").read_text()
    payload = np.empty(3, dtype=object)
    payload[0] = Payload(marker)
    hostile = {
        "pickle0": pickle.dumps(Payload(marker), protocol=0),
        "pickle5": pickle.dumps(Payload(marker), protocol=5),
        "objarray": None,
        "pickle_member": None,
    }
    for name, data in hostile.items():
        path = base / f"{name}.npz"
        if name == "objarray":
            members = _members(good)
            members["intercept.npy"] = _npy(payload, allow_pickle=True)
            _zip(path, members)
        elif name == "pickle_member":
            _zip(path, {**_members(good), "payload.pkl": pickle.dumps(Payload(marker))})
        else:
            path.write_bytes(data)
        path.with_suffix(".json").write_text(sidecar)
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from rolefit.classifier import ModelFileError, load_model, read_model
        load_model(Path({str(good)!r}))  # imports done before the hook is installed
        events = []
        def hook(event, args):
            if event in ("pickle.find_class", "exec", "os.system", "subprocess.Popen",
                         "os.exec", "os.posix_spawn", "os.fork", "import"):
                events.append((event, repr(args)[:80]))
        sys.addaudithook(hook)
        refused = 0
        for path in sorted(Path({str(base)!r}).glob("*.npz")):
            if path.name == "good.npz":
                continue
            for loader in (read_model, load_model):
                try:
                    loader(path)
                except ModelFileError:
                    refused += 1
        print("REFUSED", refused)
        print("EVENTS", events)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert f"REFUSED {2 * len(hostile)}" in out.stdout, out.stdout
    assert "EVENTS []" in out.stdout, out.stdout
    assert not marker.exists()


# -- archive members -----------------------------------------------------------------------
def test_extra_member_is_refused(model):
    _zip(model, {**_members(model), "README.txt": b"hello"})
    _refused(model, "README.txt", "holds exactly")


def test_duplicate_member_is_refused(model):
    members = _members(model)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("coef.npy", members["coef.npy"])
    model.write_bytes(buffer.getvalue())
    _refused(model, "holds")


def test_member_in_a_subfolder_is_refused(model):
    members = _members(model)
    _zip(model, {"../coef.npy": members["coef.npy"], "intercept.npy": members["intercept.npy"]})
    _refused(model, "../coef.npy")


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04", b"PK\x03\x04" + b"\x00" * 100, b"\x93NUMPY", b"not a model at all",
     b"\x1f\x8b\x08\x00compressed"],
)
def test_not_an_archive_is_refused(model, data):
    model.write_bytes(data)
    _refused(model, "model.npz")


def _patch_central_directory(model, offset, value: bytes):
    data = bytearray(model.read_bytes())
    at = data.index(b"PK\x01\x02") + offset
    data[at:at + len(value)] = value
    model.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("offset", "value", "what"),
    [(6, b"\xbd\x00", "version needed 18.9"), (10, b"\x63\x00", "compression method 99"),
     (10, b"\x0e\x00", "LZMA without its header"), (8, b"\x01\x00", "encrypted flag")],
    ids=["version", "method", "lzma", "encrypted"],
)
def test_exotic_or_damaged_zip_headers_are_refused(model, offset, value, what):
    """Found by scripts/fuzz.py: zipfile raises NotImplementedError/RuntimeError here."""
    _patch_central_directory(model, offset, value)
    _refused(model, "model.npz")


def test_damaged_deflated_archive_is_refused(model):
    members = _members(model)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    start = data.index(b"coef.npy") + len("coef.npy") + 20
    data[start:start + 8] = b"\xff" * 8  # corrupt the deflate stream
    model.write_bytes(bytes(data))
    _refused(model, "model.npz")


def test_truncated_archive_is_refused(model):
    model.write_bytes(model.read_bytes()[:-40])
    _refused(model, "model.npz")


def test_header_announcing_a_huge_array_is_refused_before_allocating(model):
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buffer, {"descr": "<f8", "fortran_order": False, "shape": (10**12,)}
    )
    members = _members(model)
    members["coef.npy"] = buffer.getvalue()
    _zip(model, members)
    _refused(model, "declares more data than it holds")


# -- arrays: dtypes, shapes, values ----------------------------------------------------------
@pytest.mark.parametrize(
    "coef",
    [
        np.zeros((3, 4), dtype=np.float32),
        np.zeros((3, 4), dtype=np.complex128),
        np.zeros((3, 4), dtype=bool),
        np.zeros((3, 4), dtype=">f8"),
        np.array([["a"] * 4] * 3),
        np.zeros((3, 4), dtype=[("w", "<f8")]),
        np.zeros((3, 4), dtype="datetime64[s]"),
    ],
    ids=["float32", "complex", "bool", "big-endian", "unicode", "structured",
         "datetime"],
)
def test_foreign_dtype_is_refused(model, coef):
    members = _members(model)
    members["coef.npy"] = _npy(coef)
    _zip(model, members)
    _refused(model, "coef")


@pytest.mark.parametrize(
    ("name", "array"),
    [
        ("coef", np.zeros((3, 5))),
        ("coef", np.zeros((4, 4))),
        ("coef", np.zeros(12)),
        ("coef", np.zeros((3, 4, 1))),
        ("coef", np.zeros((0, 4))),
        ("intercept", np.zeros(2)),
        ("intercept", np.zeros((3, 1))),
        ("intercept", np.float64(0.0)),
    ],
)
def test_wrong_shape_is_refused(model, name, array):
    members = _members(model)
    members[f"{name}.npy"] = _npy(np.asarray(array))
    _zip(model, members)
    _refused(model, f"array {name!r} has shape")


@pytest.mark.parametrize("value", [np.inf, -np.inf])
def test_non_finite_weights_are_refused(model, value):
    coef = read_model(model).coef.copy()
    coef[1, 2] = value
    members = _members(model)
    members["coef.npy"] = _npy(coef)
    _zip(model, members)
    _refused(model, "non-finite")


# -- the JSON sidecar ----------------------------------------------------------------------
def _sidecar(model) -> dict:
    return json.loads(model.with_suffix(".json").read_text())


def _write_sidecar(model, meta):
    model.with_suffix(".json").write_text(json.dumps(meta))


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda m: m.update(__reduce__="os.system"), "unknown sidecar keys"),
        (lambda m: m.pop("format"), "not a rolefit model"),
        (lambda m: m.update(estimator="sklearn.pipeline.Pipeline"), "not trusted"),
        (lambda m: m.update(format_version="1"), "must be int"),
        (lambda m: m.update(format_version=1.0), "must be int"),
        (lambda m: m.update(classes=["ml_engineer"] * 3), "duplicates"),
        (lambda m: m.update(classes=["ml_engineer", "ml_engineer", "x"]), "duplicates"),
        (lambda m: m.update(classes=["a\nb", "c", "d"]), "short names"),
        (lambda m: m.update(classes=["x" * 101, "c", "d"]), "short names"),
        (lambda m: m.update(feature_names=[]), "short names"),
        (lambda m: m.update(feature_names=["python", "sql", "pytorch", "sql"]), "duplicates"),
        (lambda m: m.update(trained="yesterday"), "YYYY-MM-DD"),
        (lambda m: m.update(metrics={"a": {"b": {"c": {"d": {"e": {"f": {"g": 1}}}}}}}),
         "'metrics'"),  # nested deeper than the sidecar allows
        (lambda m: m.update(metrics=[1, 2]), "must be dict"),
    ],
)
def test_tampered_sidecar_is_refused(model, edit, words):
    meta = _sidecar(model)
    edit(meta)
    _write_sidecar(model, meta)
    _refused(model, "model.json", words)


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b'"rolefit-classifier"',
        b'{"format": Infinity}',
        b"\xff\xfe{\x00}\x00",
        b'{"format": "rolefit-classifier", "format_version": 1e999}',
        b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"format": ' + b"1" * 5_000 + b"}",
    ],
    ids=["empty", "string", "infinity", "utf16", "overflow", "deep",
         "long-int"],
)
def test_sidecar_that_is_not_a_json_object_is_refused(model, text):
    model.with_suffix(".json").write_bytes(text)
    _refused(model, "model.json")


def test_missing_sidecar_and_missing_archive(model):
    model.with_suffix(".json").unlink()
    _refused(model, "sidecar", "not found")
    model.unlink()
    _refused(model, "not found")


def test_oversized_file_is_refused_without_reading(model, monkeypatch):
    import rolefit.classifier as classifier

    monkeypatch.setattr(classifier, "MAX_MODEL_BYTES", 100)
    _refused(model, "larger than")


# -- property: random byte damage --------------------------------------------------------------
@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1,
                      max_size=4),
       target=st.sampled_from(["npz", "json"]), cut=st.none() | st.integers(0, 10**6))
def test_property_damaged_files_load_or_are_refused(model, edits, target, cut):
    path = model.with_suffix(f".{target}")
    original = path.read_bytes()
    try:
        data = bytearray(original)
        for position, value in edits:
            data[position % len(data)] = value
        if cut is not None:
            data = data[: cut % (len(data) + 1)]
        path.write_bytes(bytes(data))
        try:
            read_model(model)
        except ModelFileError as err:
            assert err.path in (str(model), str(model.with_suffix(".json")))
    finally:
        path.write_bytes(original)
