"""A wheel built from the repository carries the data and works from another directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import rolefit

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(out), str(REPO)],
        capture_output=True,
        timeout=300,
    )
    if build.returncode:
        pytest.fail(build.stderr.decode()[-2000:])
    (path,) = out.glob("rolefit-*.whl")
    return path


def test_wheel_contains_the_tables(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for table in ("skills.csv", "roles.csv", "role_skills.csv", "interview_topics.csv",
                  "roadmaps.csv", "backgrounds.csv"):
        assert f"rolefit/data/{table}" in names
    assert "rolefit/sample_resume.txt" in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_copy_works_elsewhere(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    skills = ["python", "docker", "kubernetes", "mlflow", "aws sagemaker"]
    code = (
        f"import rolefit, pathlib; f = rolefit.score({skills!r});"
        "print(pathlib.Path(rolefit.__file__).parent.parent, f.top)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                         capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr
    where, top = out.stdout.decode().split()
    assert Path(where) == site
    assert top == rolefit.score(skills).top == "ml_engineer"
