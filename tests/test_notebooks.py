"""Every notebook in notebooks/ is stored without outputs and runs top to bottom."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
EXPECTED = {"quickstart.ipynb", "salaries_and_overlap.ipynb", "cohort.ipynb"}
CELL_TIMEOUT = 120


def test_the_notebooks_are_there():
    assert EXPECTED <= {p.name for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {index} has stored outputs"
            assert cell.execution_count is None, f"{path.name} cell {index} has a count"


@pytest.mark.slow
@pytest.mark.enable_socket  # the kernel talks to the test over local sockets
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_top_to_bottom(path, tmp_path):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},  # any file it writes lands here
    )
    try:
        client.execute()
    except CellExecutionError as exc:  # pragma: no cover - the message is the report
        pytest.fail(f"{path.name} failed:\n{exc}", pytrace=False)
    errors = [
        out for cell in nb.cells if cell.cell_type == "code"
        for out in cell.outputs if out.get("output_type") == "error"
    ]
    assert not errors, f"{path.name} produced errors: {errors}"
