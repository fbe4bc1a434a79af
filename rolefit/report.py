"""``rolefit report``: a one-page shareable report of a resume's fit, as HTML or PNG.

The report holds the ranking, the best target role's gaps and roadmap, and the charts
(:func:`rolefit.plot.fit_bars`, :func:`rolefit.plot.gap_bars`). An HTML report is a single
self-contained file: styles inline, charts embedded as base64 PNG, no script, no link to
anything outside it, so it opens offline and can be mailed as is. The output is written
to a temporary file beside the target and renamed into place, so a failure never leaves a
partial report.

Examples
--------
>>> import rolefit
>>> from rolefit.report import render_html
>>> page = render_html(rolefit.score(["python", "sql", "pytorch"]))
>>> page.startswith("<!DOCTYPE html>") and "<script" not in page and "://" not in page
True
"""

from __future__ import annotations

import base64
import html
import io
import os
import sys
import tempfile
import textwrap
from pathlib import Path

__all__ = ["add_report_parser", "cmd_report", "render_html", "render_png"]

FORMATS = {".html": "html", ".htm": "html", ".png": "png"}
N_GAPS = 12
PNG_WRAP = 105  # characters per plan line on the PNG page (monospace 8.5 pt, 10 in wide)
PNG_LINES = 26
CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #1a1a1a; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem;
       line-height: 1.4; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #ddd; }
.muted { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eee;
         vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
img { max-width: 100%; height: auto; display: block; margin: 0.6rem auto; }
ol.plan li { margin: 0.15rem 0; }
.done { color: #009E73; font-weight: bold; }
.todo { color: #555; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               img { break-inside: avoid; } }
"""


def _figure(figsize):
    from matplotlib.figure import Figure

    return Figure(figsize=figsize, layout="constrained")


def _png(fig, dpi=120) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _colors(fit, role) -> dict:
    """One category colour mapping shared by the report's two charts."""
    from rolefit.plot import category_colors

    rows = fit._ranking_rows()
    used = [c for r in rows for c in fit.explain(r["role_id"])["category"]]
    return category_colors([*used, *(g["category"] for g in fit._gain_rows(role)[:N_GAPS])])


def _chart_pngs(fit, role) -> tuple[bytes, bytes]:
    from rolefit.plot import fit_bars, gap_bars

    colors = _colors(fit, role)
    n_roles = len(fit.scores)
    fig = _figure((9.5, 0.62 * n_roles + 2.6))
    fit_bars(fit, ax=fig.subplots(), colors=colors)
    ranking = _png(fig)
    n = min(N_GAPS, len(fit._gain_rows(role)))
    fig = _figure((8, 0.4 * max(n, 3) + 1.8))
    gap_bars(fit, role, ax=fig.subplots(), n=N_GAPS, colors=colors)
    return ranking, _png(fig)


def _salary(row) -> str:
    if row["salary_min_usd"] is None:
        return "-"
    top = f"${row['salary_max_usd'] // 1000}K" + ("+" if row["salary_open_ended"] else "")
    return f"${row['salary_min_usd'] // 1000}K-{top}"


def _names(ids) -> str:
    from rolefit._data import knowledge

    by_id = knowledge().skill_by_id
    return ", ".join(by_id[i].name for i in ids) or "-"


def _plan_label(roadmap_id) -> str:
    from rolefit._data import knowledge

    if roadmap_id is None:
        return "No roadmap in the guide leads here: this plan is built from your gaps."
    kn = knowledge()
    start = next((r["background"] for r in kn.roadmaps if r["roadmap_id"] == roadmap_id), "")
    title = next((b["title"] for b in kn.backgrounds if b["background_id"] == start), start)
    return f"The guide's roadmap; starting point: {title or roadmap_id.replace('_', ' ')}."


def render_html(fit, role: str | None = None, source: str | None = None) -> str:
    """Return the report of ``fit`` as one self-contained HTML page.

    Parameters
    ----------
    fit : rolefit.RoleFit
        The result of :func:`rolefit.score`.
    role : str, optional
        Role whose gaps and plan are shown (default: the best target role).
    source : str, optional
        Name of the input, shown in the header.

    Returns
    -------
    str
        HTML with inline CSS and base64 PNG charts; no script, no external resource.
    """
    from rolefit import __version__
    from rolefit.profiles import check_role

    esc = html.escape
    role = fit.target if role is None else check_role(role)
    rows = fit._ranking_rows()
    title = next(r["title"] for r in rows if r["role_id"] == role)
    ranking_png, gaps_png = _chart_pngs(fit, role)
    plan, roadmap_id = fit._plan_rows(role)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>rolefit report{': ' + esc(source) if source else ''}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Which AI/data role fits, and what to learn next</h1>",
        f'<p class="muted">rolefit {esc(__version__)} report'
        + (f" for <b>{esc(source)}</b>" if source else "")
        + f". Best fit: <b>{esc(rows[0]['title'])}</b> ({rows[0]['score']:.0%});"
        f" best target role: <b>{esc(title)}</b> ({fit.scores[role]:.0%}).</p>",
        f"<p><b>Skills recognised ({len(fit.skills)}):</b> {esc(_names(fit.skills))}",
    ]
    if fit.implied:
        parts.append(f"<br><b>Implied:</b> {esc(_names(fit.implied))}")
    if fit.unknown:
        parts.append(f"<br><b>Not recognised:</b> {esc(', '.join(fit.unknown))}")
    parts.append("</p>")
    parts.append("<h2>Ranking</h2>")
    parts.append(
        '<img alt="Bar chart of the fit score per role, split into skill contributions" '
        f'src="data:image/png;base64,{base64.b64encode(ranking_png).decode("ascii")}">'
    )
    parts.append(
        "<table><thead><tr><th>Role</th><th>Fit</th><th>Matched skills</th>"
        "<th>Learn next</th><th>Guide salary (US)</th></tr></thead><tbody>"
    )
    for r in rows:
        mark = " <i>(adjacent)</i>" if r["adjacent"] else ""
        parts.append(
            f"<tr><td>{esc(r['title'])}{mark}</td><td class=\"num\">{r['score']:.0%}</td>"
            f"<td>{esc(_names(r['matched']))}</td><td>{esc(_names(r['missing']))}</td>"
            f"<td class=\"num\">{esc(_salary(r))}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(f"<h2>Gaps for {esc(title)}</h2>")
    parts.append(
        f'<img alt="Bar chart of the missing skills for {esc(title)} by fit gain" '
        f'src="data:image/png;base64,{base64.b64encode(gaps_png).decode("ascii")}">'
    )
    parts.append(f"<h2>Plan into {esc(title)}</h2>")
    parts.append(f'<p class="muted">{esc(_plan_label(roadmap_id))}</p><ol class="plan">')
    for step in plan:
        if step["covered"]:
            status = ' <span class="done">&#10003; covered</span>'
        elif step["missing"]:
            status = f' <span class="todo">To learn: {esc(_names(step["missing"]))}</span>'
        else:
            status = ""
        parts.append(
            f"<li><b>Step {step['step']} ({esc(step['step_title'])}):</b> "
            f"{esc(step['action'].rstrip('.'))}.{status}</li>"
        )
    parts.append("</ol>")
    parts.append(
        '<p class="muted">Fit score: the share of the role profile\'s skill weight that '
        "the recognised skills cover (implied skills included). Salaries are the ranges "
        "quoted by the source guide.</p></body></html>"
    )
    return "\n".join(parts) + "\n"


def render_png(fit, role: str | None = None, source: str | None = None) -> bytes:
    """Return the report of ``fit`` as one PNG page (ranking, gaps and plan).

    Parameters
    ----------
    fit : rolefit.RoleFit
        The result of :func:`rolefit.score`.
    role : str, optional
        Role whose gaps and plan are shown (default: the best target role).
    source : str, optional
        Name of the input, shown in the header.

    Returns
    -------
    bytes
        The PNG file's bytes.
    """
    from matplotlib.transforms import blended_transform_factory

    from rolefit.plot import fit_bars, gap_bars
    from rolefit.profiles import check_role

    role = fit.target if role is None else check_role(role)
    title = next(r["title"] for r in fit._ranking_rows() if r["role_id"] == role)
    plan, _ = fit._plan_rows(role)
    fig = _figure((10, 15))
    grid = fig.add_gridspec(3, 1, height_ratios=[1.15, 1.0, 0.75])
    header = f"rolefit report{' for ' + source if source else ''}"
    fig.suptitle(f"{header}: best target role {title} ({fit.scores[role]:.0%})",
                 fontsize=14, fontweight="bold")
    colors = _colors(fit, role)
    fit_bars(fit, ax=fig.add_subplot(grid[0]), colors=colors)
    gap_bars(fit, role, ax=fig.add_subplot(grid[1]), n=N_GAPS, colors=colors)
    ax = fig.add_subplot(grid[2])
    ax.set_axis_off()
    lines = [f"Plan into {title}", ""]
    for step in plan:
        mark = "[x]" if step["covered"] else "[ ]"
        todo = f" (learn: {_names(step['missing'])})" if step["missing"] else ""
        lines.extend(textwrap.wrap(
            f"{mark} Step {step['step']} ({step['step_title']}): {step['action']}{todo}",
            width=PNG_WRAP, subsequent_indent="      ",
        ))
    if len(lines) > PNG_LINES:
        lines = [*lines[: PNG_LINES - 1], "      ..."]
    page_x = blended_transform_factory(fig.transFigure, ax.transAxes)
    text = ax.text(0.04, 1.0, "\n".join(lines), va="top", ha="left", fontsize=8.5,
                   family="monospace", transform=page_x)
    text.set_in_layout(False)  # placed from the page's left edge, wrapped to fit
    return _png(fig, dpi=100)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_report_parser(subparsers):
    """Add the ``report`` command to the command line.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``parser.add_subparsers()`` returned in :func:`rolefit.cli.build_parser`.

    Returns
    -------
    argparse.ArgumentParser
        The ``report`` sub-parser; its ``func`` default is :func:`cmd_report`.
    """
    p = subparsers.add_parser(
        "report",
        help="write a one-page shareable report (HTML or PNG)",
        description="Score a resume and write a self-contained one-page report: ranking, "
        "the best target role's gaps and plan, charts embedded.",
    )
    p.add_argument("input", nargs="?", help="resume text file, or - for stdin")
    p.add_argument("--skills", help='comma-separated skill list, e.g. "python, sql"')
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="report file to write: .html or .png")
    p.add_argument("--role", help="role id for gaps and plan (default: best target role)")
    p.set_defaults(func=cmd_report)
    return p


def cmd_report(args) -> int:
    """Run ``rolefit report``: score the input and write the report atomically.

    Parameters
    ----------
    args : argparse.Namespace
        ``input``, ``skills``, ``output`` and ``role``, as set up by
        :func:`add_report_parser`.

    Returns
    -------
    int
        0 on success.

    Raises
    ------
    rolefit.cli.UsageError
        For a wrong output suffix or folder, a missing or unreadable input, or both an
        input and ``--skills``.
    ValueError
        For an unknown role, or when nothing in the input is a known skill.
    """
    import rolefit
    from rolefit._input import UsageError, read_text
    from rolefit.profiles import check_role

    out = Path(args.output)
    kind = FORMATS.get(out.suffix.lower())
    if kind is None:
        raise UsageError(f"{out}: the report must end in .html or .png")
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such directory")
    if out.is_dir():
        raise UsageError(f"{out}: is a directory")
    if args.skills is not None:
        if args.input is not None:
            raise UsageError("give either a file (or -) or --skills, not both")
        items = [s for s in args.skills.split(",") if s.strip()]
        source = "skill list"
    elif args.input is None:
        raise UsageError("nothing to report on: give a resume file, - for stdin, or --skills")
    else:
        items = read_text(args.input)
        source = "<stdin>" if args.input == "-" else Path(args.input).name
    role = None if args.role is None else check_role(args.role)
    fit = rolefit.score(items)
    if kind == "html":
        data = render_html(fit, role, source).encode("utf-8")
    else:
        data = render_png(fit, role, source)
    _write_atomic(out, data)
    sys.stderr.write(f"rolefit: wrote {out} ({len(data):,} bytes)\n")
    return 0
