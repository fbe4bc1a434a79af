"""Shared fixtures: the public datasets beside the repository, skipped when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples (a failure there reproduces
# exactly); on a developer's machine they explore new examples on every run, and
# `make fuzz` explores far more.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
DATASETS = Path(os.environ.get("ROLEFIT_DATASETS", REPO.parent / "shared" / "datasets"))


@pytest.fixture(scope="session")
def datasets() -> Path:
    """Path of ../shared/datasets; tests using it skip with a message when it is absent."""
    if not (DATASETS / "README.md").is_file():
        pytest.skip(f"public datasets not found at {DATASETS} (set ROLEFIT_DATASETS)")
    return DATASETS


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the shipped tables, for corruption tests."""
    from importlib import resources

    for item in resources.files("rolefit.data").iterdir():
        if item.name.endswith(".csv"):
            (tmp_path / item.name).write_bytes(item.read_bytes())
    return tmp_path
