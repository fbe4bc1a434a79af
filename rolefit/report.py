"""``rolefit report``: a one-page shareable report of a resume's fit, as HTML or PNG.

The report holds the ranking (score and probability, as ``rolefit score`` prints them),
the best target role's gaps, plan and interview topics, and the charts
(:func:`rolefit.plot.fit_bars`, :func:`rolefit.plot.gap_bars`); a low-signal input gets
the ranking and one line saying so. An HTML report is a single
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
td.num, th.num { text-align: right; white-space: nowrap; }
img { max-width: 100%; height: auto; display: block; margin: 0.6rem auto; }
ol.plan li { margin: 0.15rem 0; }
.done { color: #009E73; font-weight: bold; }
.todo { color: #555; }
.note { background: #FFF4D6; padding: 0.4rem 0.6rem; }
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


def _chart_pngs(fit, role) -> tuple[bytes, bytes | None]:
    """The ranking chart, and the gap chart of ``role`` (None without a role)."""
    from rolefit.plot import fit_bars, gap_bars

    fig = _figure((9.5, 0.62 * len(fit.scores) + 2.6))
    fit_bars(fit, ax=fig.subplots())
    ranking = _png(fig)
    if role is None:
        return ranking, None
    n = min(N_GAPS, len(fit._gain_rows(role)))
    fig = _figure((8, 0.4 * max(n, 3) + 1.8))
    gap_bars(fit, role, ax=fig.subplots(), n=N_GAPS)
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


def _plan_label(fit, role) -> str:
    """The plan's source as a sentence (the words of :meth:`RoleFit._plan_source`)."""
    source = fit._plan_source(role)
    return source[0].upper() + source[1:] + "."


def _number(fit, role) -> str:
    """A role's score and probability, as the CLI writes them."""
    value = fit.scores[role]
    points = "n/a" if value != value else f"{value:.2f}"  # NaN: a role the model lacks
    return f"score {points}, probability {fit.proba[role]:.0%}"


def _role(fit, role):
    """The role whose gaps, plan and topics are shown: the one asked for, else the best
    target role; None for a low-signal input (nothing is guessed)."""
    from rolefit.profiles import check_role

    return fit.target if role is None else check_role(role)


def _prepared(value) -> str:
    return "-" if value != value else f"{value:.0%}"


def _steps(plan) -> list[tuple[int, str, list]]:
    """The plan's rows grouped by step, in order."""
    steps: list[tuple[int, str, list]] = []
    for row in plan.itertuples():
        if not steps or steps[-1][0] != row.step:
            steps.append((row.step, row.step_title, []))
        steps[-1][2].append(row)
    return steps


def render_html(fit, role: str | None = None, source: str | None = None) -> str:
    """Return the report of ``fit`` as one self-contained HTML page.

    The page holds the recognised skills, the ranking (chart and table: score and
    probability as ``rolefit score`` prints them, highest score first) and, for the best
    target role (or ``role``), the gaps (chart and table), the plan grouped by step and
    the interview topics. For a low-signal input (:attr:`rolefit.RoleFit.low_signal`)
    it says so in one line and shows no target, gaps or plan unless ``role`` is given.

    Parameters
    ----------
    fit : rolefit.RoleFit
        The result of :func:`rolefit.score`.
    role : str, optional
        Role whose gaps, plan and interview topics are shown (default: the best target
        role).
    source : str, optional
        Name of the input, shown in the header.

    Returns
    -------
    str
        HTML with inline CSS and base64 PNG charts; no script, no external resource.
    """
    from rolefit import __version__

    esc = html.escape
    role = _role(fit, role)
    rows = fit._ranking_rows()
    titles = {r["role_id"]: r["title"] for r in rows}
    ranking_png, gaps_png = _chart_pngs(fit, role)
    head = (f'<p class="muted">rolefit {esc(__version__)} report'
            + (f" for <b>{esc(source)}</b>" if source else ""))
    if not fit.low_signal:
        head += (f". Best fit: <b>{esc(rows[0]['title'])}</b> "
                 f"({_number(fit, rows[0]['role_id'])})")
    if role is None:
        head += ".</p>"
    elif fit.low_signal:
        head += f"; role shown: <b>{esc(titles[role])}</b> ({_number(fit, role)}).</p>"
    elif role == fit.target:
        head += (f"; best target role: <b>{esc(titles[role])}</b> "
                 f"({_number(fit, role)}).</p>")
    else:
        head += (f"; role shown: <b>{esc(titles[role])}</b> ({_number(fit, role)}); best "
                 f"target role: {esc(titles[fit.target])}.</p>")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>rolefit report{': ' + esc(source) if source else ''}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Which AI/data role fits, and what to learn next</h1>",
        head,
    ]
    if fit.low_signal:
        parts.append(f'<p class="note"><b>{esc(fit.signal_note())}</b></p>')
    parts.append(f"<p><b>Skills recognised ({len(fit.skills)}):</b> {esc(_names(fit.skills))}")
    if fit.implied:
        parts.append(f"<br><b>Implied:</b> {esc(_names(fit.implied))}")
    if fit.learning:
        parts.append(f"<br><b>Learning:</b> {esc(fit.learning_note())}")
    if fit.denied:
        parts.append(f"<br><b>Denied (not counted):</b> {esc(_names(fit.denied))}")
    if fit.unknown:
        parts.append(f"<br><b>Not recognised:</b> {esc(', '.join(fit.unknown))}")
    parts.append("</p>")
    parts.append("<h2>Ranking</h2>")
    parts.append(
        '<img alt="Bar chart of the score per role, split into skill contributions" '
        f'src="data:image/png;base64,{base64.b64encode(ranking_png).decode("ascii")}">'
    )
    parts.append(
        '<table><thead><tr><th>Role</th><th class="num">Score</th>'
        '<th class="num">Probability</th><th>Matched skills</th>'
        + ("" if fit.low_signal else "<th>Learn next</th>")
        + "<th>Guide salary (US)</th></tr></thead><tbody>"
    )
    for r in rows:
        mark = " <i>(adjacent)</i>" if r["adjacent"] else ""
        value = "n/a" if r["score"] is None else f"{r['score']:.2f}"
        learn = "" if fit.low_signal else f"<td>{esc(_names(r['missing']))}</td>"
        parts.append(
            f"<tr><td>{esc(r['title'])}{mark}</td><td class=\"num\">{value}</td>"
            f"<td class=\"num\">{r['proba']:.0%}</td>"
            f"<td>{esc(_names(r['matched']))}</td>{learn}"
            f"<td class=\"num\">{esc(_salary(r))}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(
        '<p class="muted">Score: the role model\'s points for these skills (the role\'s '
        "baseline plus each skill's weight times its credit: 1 for a listed skill, partial "
        "for an implied one); roles are ranked by it. Probability: the same scores as "
        "chances over the roles that a job posting asking for these skills is for that "
        "role. <i>Adjacent</i> roles are common starting points rather than targets.</p>"
    )
    if role is not None:
        parts.extend(_role_sections(fit, role, titles[role], gaps_png))
    parts.append(
        '<p class="muted">Salaries are the ranges quoted by the source guide; "in '
        "postings\" is the share of the role's job postings that ask for the skill.</p>"
        "</body></html>"
    )
    return "\n".join(parts) + "\n"


def _role_sections(fit, role, title, gaps_png) -> list[str]:
    """Gaps, plan and interview topics of one role, as HTML."""
    import pandas as pd

    esc = html.escape
    parts = [f"<h2>Gaps for {esc(title)}</h2>"]
    parts.append(
        f'<img alt="Bar chart of the missing skills for {esc(title)} by score gain" '
        f'src="data:image/png;base64,{base64.b64encode(gaps_png).decode("ascii")}">'
    )
    gaps = fit.gaps(role, n=N_GAPS)
    if len(gaps):
        parts.append(
            '<p class="muted">In the order to learn them, as in the chart: largest gain '
            "first, an idea right before the tool that needs it, skills few postings ask for "
            "(rare) later. Score gain: what the skill adds to the role's score by itself.</p>"
            '<table><thead><tr><th>Skill</th><th>Category</th><th class="num">Score gain'
            '</th><th class="num">In postings</th><th>Plan step</th></tr></thead><tbody>'
        )
        for g in gaps.itertuples():
            seen = "-" if pd.isna(g.prevalence) else f"{g.prevalence:.0%}"
            flags = (" <i>(rare)</i>" if g.rare else "") + \
                (" <i>(learning)</i>" if g.learning else "") + \
                (f" <i>(before {esc(_names([g.needed_for]))})</i>"
                 if isinstance(g.needed_for, str) else "")
            step = "-" if pd.isna(g.step) else f"{g.step}"
            parts.append(
                f"<tr><td>{esc(g.name)}{flags}</td><td>{esc(g.category.replace('_', ' '))}"
                f'</td><td class="num">+{g.gain:.2f}</td>'
                f'<td class="num">{seen}</td>'
                f"<td>{step}</td></tr>"
            )
        parts.append("</tbody></table>")
    plan = fit.plan(role)
    parts.append(f"<h2>Plan into {esc(title)}</h2>")
    parts.append(f'<p class="muted">{esc(_plan_label(fit, role))}</p><ol class="plan">')
    for step, step_title, actions in _steps(plan):
        parts.append(f'<li value="{step}"><b>{esc(step_title)}</b><ul>')
        for a in actions:
            if a.covered:
                status = ' <span class="done">&#10003; covered</span>'
            elif a.missing:
                status = f' <span class="todo">To learn: {esc(_names(a.missing))}</span>'
            else:
                status = ""
            parts.append(f"<li>{esc(a.action.rstrip('.'))}.{status}</li>")
        parts.append("</ul></li>")
    parts.append("</ol>")
    topics = fit.questions(role)
    parts.append(f"<h2>Interview topics for {esc(title)}</h2>")
    parts.append(
        '<table><thead><tr><th>Type</th><th>Topic</th><th class="num">Prepared</th>'
        "</tr></thead><tbody>"
    )
    for t in topics.itertuples():
        parts.append(
            f"<tr><td>{esc(t.type.replace('_', ' '))}</td><td>{esc(t.topic)}</td>"
            f'<td class="num">{_prepared(t.prepared)}</td></tr>'
        )
    parts.append("</tbody></table>")
    parts.append('<p class="muted">Prepared: the share of the topic\'s skills you have '
                 "(implied skills count in part).</p>")
    return parts


def render_png(fit, role: str | None = None, source: str | None = None) -> bytes:
    """Return the report of ``fit`` as one PNG page (ranking, gaps, plan, interview topics).

    A low-signal input gets the ranking and the one-line note only, unless ``role`` is
    given.

    Parameters
    ----------
    fit : rolefit.RoleFit
        The result of :func:`rolefit.score`.
    role : str, optional
        Role whose gaps, plan and interview topics are shown (default: the best target
        role).
    source : str, optional
        Name of the input, shown in the header.

    Returns
    -------
    bytes
        The PNG file's bytes.
    """
    from matplotlib.transforms import blended_transform_factory

    from rolefit.plot import fit_bars, gap_bars

    role = _role(fit, role)
    header = f"rolefit report{' for ' + source if source else ''}"
    if role is None:
        fig = _figure((10, 7))
        fig.suptitle(f"{header}\n{fit.signal_note()}", fontsize=11, fontweight="bold")
        fit_bars(fit, ax=fig.subplots())
        return _png(fig, dpi=100)
    title = next(r["title"] for r in fit._ranking_rows() if r["role_id"] == role)
    lines = [f"Plan into {title} ({fit._plan_source(role)})"]
    for step, step_title, actions in _steps(fit.plan(role)):
        lines.append(f"Step {step}: {step_title}")
        for a in actions:
            mark = "[x]" if a.covered else "[ ]"
            todo = f" (to learn: {_names(a.missing)})" if a.missing else ""
            lines.extend(textwrap.wrap(f"  {mark} {a.action}{todo}", width=PNG_WRAP,
                                       subsequent_indent="      "))
    if len(lines) > PNG_LINES:
        lines = [*lines[: PNG_LINES - 1], "      ..."]
    topics = [f"Interview topics for {title} (prepared: share of the topic's skills you have)"]
    for t in fit.questions(role).itertuples():
        topics.extend(textwrap.wrap(
            f"  {t.type.replace('_', ' ')}: {t.topic} ({_prepared(t.prepared)})",
            width=PNG_WRAP, subsequent_indent="      "))
    if len(topics) > PNG_LINES // 2:
        topics = [*topics[: PNG_LINES // 2 - 1], "      ..."]
    lines += ["", *topics]
    text_in = 0.16 * len(lines) + 0.6  # 8.5 pt monospace lines, in inches
    fig = _figure((10, 13.5 + text_in))
    grid = fig.add_gridspec(3, 1, height_ratios=[6.2, 5.3, text_in])
    kind = "best target role" if role == fit.target else "role"
    fig.suptitle(f"{header}: {kind} {title} ({_number(fit, role)})",
                 fontsize=13, fontweight="bold")
    fit_bars(fit, ax=fig.add_subplot(grid[0]))
    gap_bars(fit, role, ax=fig.add_subplot(grid[1]), n=N_GAPS)
    ax = fig.add_subplot(grid[2])
    ax.set_axis_off()
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
    p.add_argument("--role", help="role id or title for gaps, plan and interview topics "
                   "(default: the best-scored target role)")
    p.add_argument("--model", metavar="PATH",
                   help="a role model saved by `rolefit train` (default: the shipped one)")
    p.set_defaults(func=cmd_report)
    return p


def cmd_report(args) -> int:
    """Run ``rolefit report``: score the input and write the report atomically.

    Parameters
    ----------
    args : argparse.Namespace
        ``input``, ``skills``, ``output``, ``role`` and ``model``, as set up by
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
    from rolefit._input import UsageError, read_text, source_name
    from rolefit.fit import NoSkillsError
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
        items = [s.strip() for s in args.skills.split(",") if s.strip()]
        source = "skill list"
    elif args.input is None:
        raise UsageError("nothing to report on: give a resume file, - for stdin, or --skills")
    else:
        items = read_text(args.input)
        source = "<stdin>" if args.input == "-" else Path(args.input).name
    role = None if args.role is None else check_role(args.role)
    try:
        fit = rolefit.score(items, model=args.model)
    except NoSkillsError as exc:  # name the input, as the other errors about it do
        where = "--skills" if args.skills is not None else source_name(args.input)
        raise NoSkillsError(f"{where}: {exc}") from None
    if kind == "html":
        data = render_html(fit, role, source).encode("utf-8")
    else:
        data = render_png(fit, role, source)
    _write_atomic(out, data)
    sys.stderr.write(f"rolefit: wrote {out} ({len(data):,} bytes)\n")
    return 0
