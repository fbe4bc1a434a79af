"""The import contracts of docs/architecture.md cover every module and catch a wrong import.

``lint-imports`` (run by ``make test``) checks the contracts in ``pyproject.toml``. These
tests check the contracts themselves: that no runtime module escapes them, and that a
deliberately wrong import in a copy of the package makes ``lint-imports`` fail and name it.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
NOT_RUNTIME = {"cli", "__init__", "__main__"}  # the CLI sits on top; build/ is its own layer


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return {contract["type"]: contract for contract in contracts}


def _runtime_modules() -> set[str]:
    return {path.stem for path in (REPO / "rolefit").glob("*.py")} - NOT_RUNTIME


def _layered() -> set[str]:
    layers = _contracts()["layers"]["layers"]
    return {name.strip() for layer in layers for name in re.split(r"[:|]", layer)}


def _forbidden_sources() -> set[str]:
    sources = _contracts()["forbidden"]["source_modules"]
    return {name.removeprefix("rolefit.") for name in sources}


def test_every_runtime_module_is_in_a_layer():
    missing = _runtime_modules() - _layered()
    assert not missing, f"add {sorted(missing)} to a layer of the layers contract"


def test_every_runtime_module_is_forbidden_the_build():
    missing = _runtime_modules() - _forbidden_sources()
    assert not missing, (
        f"add {sorted('rolefit.' + m for m in missing)} to the source_modules of the "
        "'runtime never imports the build' contract"
    )


def test_contracts_name_only_existing_modules():
    assert _layered() - {"cli", "build"} <= _runtime_modules()
    assert _forbidden_sources() <= _runtime_modules()
    assert _contracts()["forbidden"]["forbidden_modules"] == ["rolefit.build", "rolefit.cli"]


def test_architecture_doc_names_every_module():
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = [*(REPO / "rolefit").glob("*.py"), *(REPO / "rolefit" / "build").glob("*.py")]
    missing = sorted(str(p.relative_to(REPO)) for p in modules if f"`{p.stem}`" not in doc)
    assert not missing, f"docs/architecture.md: say in one line what {missing} own"


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """A copy of the rolefit package and pyproject.toml, which lint-imports reads there."""
    shutil.copytree(REPO / "rolefit", tmp_path / "rolefit",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    "path", sorted((REPO / "rolefit").rglob("*.py")), ids=lambda p: p.stem
)
def test_no_module_binds_a_top_level_name_twice(path):
    # a second `_NAME = ...` lower in a long module silently replaces the first for every
    # function, wherever it is used
    seen: dict[str, int] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names = [t.id for t in getattr(node, "targets", ()) if isinstance(t, ast.Name)]
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names = [node.name]
        for name in names:
            assert name not in seen, f"{path.name}: {name} at lines {seen[name]}, {node.lineno}"
            seen[name] = node.lineno


def test_contracts_are_kept(package_copy):
    run = _lint_imports(package_copy)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_a_runtime_module_importing_the_build_fails(package_copy):
    fit = package_copy / "rolefit" / "fit.py"
    source = fit.read_text(encoding="utf-8").rstrip("\n") + "\n"
    fit.write_text(source + "import rolefit.build.training  # noqa\n", encoding="utf-8")
    line = source.count("\n") + 1  # the line just added: proves the copy was analysed

    run = _lint_imports(package_copy)

    assert run.returncode != 0
    assert "The runtime never imports the build BROKEN" in run.stdout
    assert "rolefit.fit is not allowed to import rolefit.build" in run.stdout
    assert f"rolefit.fit -> rolefit.build.training (l.{line})" in run.stdout
