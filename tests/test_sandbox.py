"""No network, no surprise writes: importing rolefit and scoring touch nothing on disk.

A fresh interpreter runs with HOME, TMPDIR and the working directory set to new empty
folders and with a private copy of the package on ``PYTHONPATH`` (so that nobody else's
edits to the work tree can disturb the comparison). An audit hook, installed before
rolefit is imported, records every file opened for writing, every file-system change and
every socket or HTTP event while it imports rolefit, scores (``score``, ``score_many``,
``extract_skills``, ``find_skills``) and runs the CLI (``score``, ``gaps``, ``roles``,
``demo``). None may occur, and a snapshot of the package copy, HOME, TMPDIR and the working
directory must be the same before and after. Bytecode caching is switched off
(``PYTHONDONTWRITEBYTECODE``): ``__pycache__`` files are the interpreter's, not rolefit's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest

import rolefit

HOOK = textwrap.dedent(
    """
    import json, os, sys
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    FS_EVENTS = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link",
                 "os.truncate", "os.chmod", "os.chown", "os.utime", "shutil.copyfile",
                 "shutil.copytree", "shutil.rmtree", "shutil.move", "tempfile.mkstemp",
                 "tempfile.mkdtemp"}
    NET_PREFIXES = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")
    events = []

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            writes = (any(c in mode for c in "wax+") if isinstance(mode, str)
                      else bool((flags or 0) & WRITE_FLAGS))
            if writes:
                events.append(("open-for-write", str(path), str(mode), flags))
        elif event in FS_EVENTS or event.startswith(NET_PREFIXES):
            events.append((event, repr(args)[:200]))
        elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"):
            events.append((event, repr(args)[:200]))

    sys.addaudithook(hook)
    """
)
SCRIPT = HOOK + textwrap.dedent(
    """
    import rolefit
    import rolefit.cli as cli
    from importlib import resources

    assert rolefit.__file__.startswith(sys.argv[1]), rolefit.__file__
    assert str(resources.files("rolefit.data")).startswith(sys.argv[1])
    resume = sys.argv[2]
    fits = [
        rolefit.score(["Python", "PyTorch", "Docker", "SQL", "k8s", "pytroch", "zzz"]),
        rolefit.score(rolefit.load_sample_resume()),
        rolefit.score(open(resume, encoding="utf-8").read()),
    ]
    for fit in fits:
        fit.to_json(); fit.gaps(); fit.plan(); fit.explain(fit.top); fit.questions()
    rolefit.score_many([["python", "sql"], "Spark and Kafka", [], ["qqq"]], missing="nan")
    rolefit.score_many((["python"] for _ in range(2000)), chunksize=100)
    rolefit.extract_skills("C++17/CUDA and A/B testing")
    rolefit.find_skills("Python and k8s")
    rolefit.normalize("k8s"); rolefit.suggest("pytroch")
    rolefit.skills(); rolefit.roles(); rolefit.role_profiles(); rolefit.roadmaps()
    codes = [
        cli.main(["score", resume]),
        cli.main(["score", resume, "--json"]),
        cli.main(["score", "--skills", "python, sql, pytroch, qqq"]),
        cli.main(["gaps", resume, "--role", "data_engineer"]),
        cli.main(["roles", "--json"]),
        cli.main(["demo"]),
        cli.main(["score", os.path.join(os.getcwd(), "missing.txt")]),
    ]
    print("\\nRESULT " + json.dumps({"codes": codes, "events": events}))
    """
)


def _snapshot(*roots: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for root in roots:
        for path in [root, *root.rglob("*")]:
            st = path.lstat()
            out[str(path)] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture
def sandbox(tmp_path):
    """Fresh HOME, TMPDIR, working directory, and a private copy of the package."""
    folders = {name: tmp_path / name for name in ("home", "tmp", "cwd", "pkg", "inputs")}
    for folder in folders.values():
        folder.mkdir()
    package = Path(rolefit.__file__).parent
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(package, folders["pkg"] / "rolefit", ignore=ignore)
    for sub in ("data", "models"):
        source = Path(str(resources.files(f"rolefit.{sub}")))
        shutil.copytree(source, folders["pkg"] / "rolefit" / sub, ignore=ignore,
                        dirs_exist_ok=True)
    resume = folders["inputs"] / "resume.txt"
    resume.write_text("Python, PyTorch and Docker on Kubernetes; SQL, Spark and Airflow.\n")
    return folders


def test_import_and_scoring_write_nothing_and_open_no_socket(sandbox):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "PYTHON", "MPL", "HYPOTHESIS"))
    }
    env.update(
        HOME=str(sandbox["home"]),
        TMPDIR=str(sandbox["tmp"]),
        PYTHONPATH=str(sandbox["pkg"]),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONHASHSEED="0",
    )
    watched = [sandbox[k] for k in ("home", "tmp", "cwd", "pkg", "inputs")]
    before = _snapshot(*watched)
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sandbox["pkg"]), str(sandbox["inputs"] / "resume.txt")],
        cwd=sandbox["cwd"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.rsplit("\nRESULT ", 1)[1])
    assert result["codes"] == [0, 0, 0, 0, 0, 0, 2]
    assert result["events"] == []
    after = _snapshot(*watched)
    assert after == before, sorted(set(after.items()) ^ set(before.items()))[:10]


def test_the_audit_hook_does_see_writes_and_sockets(tmp_path):
    """Control: the same hook reports a file written and a (local) connection attempt."""
    code = HOOK + textwrap.dedent(
        """
        import socket
        open(os.path.join(sys.argv[1], "note.txt"), "w").close()
        os.mkdir(os.path.join(sys.argv[1], "folder"))
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(1)
            s.connect_ex(("127.0.0.1", 9))
        print("\\nRESULT " + json.dumps({"events": events}))
        """
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    kinds = {e[0] for e in json.loads(out.stdout.rsplit("\nRESULT ", 1)[1])["events"]}
    assert {"open-for-write", "os.mkdir", "socket.connect"} <= kinds, kinds


def test_sockets_are_disabled_in_this_suite():
    """The suite is meant to run under pytest-socket (``--disable-socket``); when it does,
    opening an internet socket fails here instead of reaching the network."""
    import socket

    if not _socket_disabled():
        pytest.skip("run with -p pytest_socket --disable-socket to check this")
    with pytest.raises(Exception, match="(?i)socket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def _socket_disabled() -> bool:
    import socket

    return socket.socket.__name__ != "socket" or "pytest_socket" in repr(socket.socket)
