"""``rolefit cohort``: a coach's summary of a cohort file, as one self-contained HTML page.

:func:`cohort_summary` turns a :func:`rolefit.score_many` result (with gap columns,
``gaps=N``) into tidy tables: how many people each target role gets, the gaps most people
of each target role share, and the people closest to each role. :func:`render_cohort_html`
puts them on one page with the charts of :mod:`rolefit.plot` (inline CSS, charts as base64
PNG, no script, no link to anything outside the file), like ``rolefit report``.

Examples
--------
>>> import rolefit
>>> from rolefit.cohort import cohort_summary
>>> scores = rolefit.score_many([["python", "pytorch", "docker"], ["sql", "tableau", "excel"],
...                              ["communication"]], gaps=3)
>>> summary = cohort_summary(scores)
>>> summary.people, summary.low_signal, int(summary.targets["people"].sum())
(3, 1, 2)
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import html
import io
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rolefit.plot import _people
from rolefit.report import CSS as _REPORT_CSS

__all__ = ["Cohort", "add_cohort_parser", "cmd_cohort", "cohort_summary",
           "render_cohort_html"]

N_CLOSEST = 3
N_COMMON_GAPS = 8
N_NAMED = 5  # people named per unrecognised item on the page
MAX_PEOPLE_LISTED = 500  # the per-person table is left out of bigger cohorts' pages
# the report's page style (one look for every page rolefit writes), wider on screen, with h3
CSS = _REPORT_CSS + """
@media screen { body { max-width: 62rem; } }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; break-after: avoid; }
"""


@dataclass
class Cohort:
    """A cohort's summary (see :func:`cohort_summary`).

    Attributes
    ----------
    people : int
        Rows in the cohort.
    low_signal : int
        Rows with too few recognised technical skills for a target role.
    not_scored : int
        Rows scored as NaN (empty or unreadable cells, ``missing="nan"``).
    targets : pandas.DataFrame
        One row per role: ``role_id``, ``title``, ``adjacent``, ``people`` (whose target
        role it is; adjacent roles are never targets), ``share`` (of the people with a
        target) and ``best_fit`` (whose best-scored role it is, adjacent roles included);
        most people first.
    gaps : pandas.DataFrame
        The most common gaps per target role: ``role_id``, ``skill_id``, ``name``,
        ``people`` (people of that target role with the skill among their first gaps),
        ``share`` (of that role's people) and ``mean_gain``; by role (most people first),
        then most people.
    closest : pandas.DataFrame
        The people closest to each role: ``role_id``, ``title``, ``rank``, ``person`` (the
        id, or ``row <index label>``: ``row 0`` is ``scores.loc[0]``), ``score``;
        low-signal and unscored rows left out.
    unknown : pandas.DataFrame
        The skill-list items that matched no skill (they count for nothing): ``item``,
        ``people`` (rows listing it) and ``who`` (their names, as in ``closest``, in row
        order); most people first, then by item.
    corrections : pandas.DataFrame
        The skill-list items read as a skill after a typo fix: ``item``, ``skill_id``,
        ``name``, ``people`` and ``who``, ordered as ``unknown``.
    """

    people: int
    low_signal: int
    not_scored: int
    targets: object
    gaps: object
    closest: object
    unknown: object = None
    corrections: object = None

    @property
    def with_target(self) -> int:
        """People with a target role (everyone but low-signal and unscored rows)."""
        return self.people - self.low_signal - self.not_scored


def _gap_columns(scores) -> int:
    n = 0
    while f"gap_{n + 1}" in scores.columns:
        n += 1
    return n


def cohort_summary(scores, n: int = N_CLOSEST, n_gaps: int = N_COMMON_GAPS,
                   id_column: str | None = None) -> Cohort:
    """Summarise a cohort: target roles, the most common gaps, the closest people.

    Parameters
    ----------
    scores : pandas.DataFrame
        A :func:`rolefit.score_many` result, with gap columns (``gaps=N``) for the gap
        table; an id column may come first.
    n : int
        People listed per role in :attr:`Cohort.closest`.
    n_gaps : int
        Gaps listed per target role in :attr:`Cohort.gaps`.
    id_column : str, optional
        The column that names a person (default: ``row <label>``, the row's label in
        ``scores.index``, as :func:`rolefit.score_many` names rows in its messages;
        ``rolefit cohort`` numbers the rows of its file from 1, as its messages do).

    Returns
    -------
    Cohort
    """
    import numpy as np
    import pandas as pd

    from rolefit._data import knowledge
    from rolefit.profiles import matrices
    from rolefit.skills import check_count

    n, n_gaps = check_count(n, "n"), check_count(n_gaps, "n_gaps")
    roles = {r.id: r for r in knowledge().roles}
    role_ids = list(matrices().role_ids)
    missing = [c for c in [*role_ids, "target_role", "top_role", "low_signal"]
               if c not in scores.columns]
    if missing:
        raise ValueError("expected a rolefit.score_many result; missing columns: "
                         f"{missing}")
    frame = scores.reset_index(drop=True)
    unscored = frame[role_ids].isna().all(axis=1).to_numpy()
    low = frame["low_signal"].astype("boolean").fillna(False).to_numpy(bool) & ~unscored
    kept = frame.loc[~(unscored | low)]
    people = (frame[id_column].astype(str) if id_column is not None
              else pd.Series(_row_names(scores.index)))

    counts = kept["target_role"].value_counts()
    best = kept["top_role"].value_counts()
    total = max(len(kept), 1)
    targets = pd.DataFrame({
        "role_id": role_ids,
        "title": [roles[r].title for r in role_ids],
        "adjacent": [roles[r].adjacent for r in role_ids],
        "people": [int(counts.get(r, 0)) for r in role_ids],
        "best_fit": [int(best.get(r, 0)) for r in role_ids],
    })
    targets.insert(4, "share", targets["people"] / total)
    order = np.lexsort((np.arange(len(targets)), targets["adjacent"], -targets["people"]))
    targets = targets.iloc[order].reset_index(drop=True)

    by_id = knowledge().skill_by_id
    gap_rows = []
    k = _gap_columns(frame)
    for role in targets["role_id"]:
        group = kept.loc[kept["target_role"] == role]
        if group.empty or not k:
            continue
        long = pd.concat([
            pd.DataFrame({"skill_id": group[f"gap_{j}"], "gain": group[f"gain_{j}"]})
            for j in range(1, k + 1)
        ]).dropna(subset=["skill_id"])
        common = (long.groupby("skill_id", sort=True)["gain"].agg(["size", "mean"])
                  .reset_index().rename(columns={"size": "people", "mean": "mean_gain"}))
        common = common.sort_values(["people", "mean_gain", "skill_id"],
                                    ascending=[False, False, True]).head(n_gaps)
        for row in common.itertuples():
            gap_rows.append((role, row.skill_id, by_id[row.skill_id].name, int(row.people),
                             row.people / len(group), float(row.mean_gain)))
    gaps = pd.DataFrame(gap_rows, columns=["role_id", "skill_id", "name", "people", "share",
                                           "mean_gain"])

    closest = []
    for role in role_ids:
        values = kept[role].astype(float)
        top = values.sort_values(ascending=False, kind="stable").head(n)
        for rank, (i, value) in enumerate(top.items(), start=1):
            closest.append((role, roles[role].title, rank, people[i], float(value)))
    closest = pd.DataFrame(closest, columns=["role_id", "title", "rank", "person", "score"])
    return Cohort(people=len(frame), low_signal=int(low.sum()),
                  not_scored=int(unscored.sum()), targets=targets, gaps=gaps,
                  closest=closest, unknown=_unknown_items(frame, people),
                  corrections=_corrected_items(frame, people))


def _items(value) -> list:
    """The items of an ``unknown`` or ``corrections`` cell: a tuple (``score_many``), an
    array or list of pairs (read back from Parquet), JSON (read back from CSV) or missing;
    corrections as ``(item, skill_id)`` pairs."""
    if isinstance(value, str):
        value = json.loads(value) if value.startswith(("[", "{")) else [value]
    if isinstance(value, dict):
        return list(value.items())
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [tuple(v) if isinstance(v, list | tuple) else v for v in value]


def _who(frame, column, people) -> dict:
    """Each item of ``column`` (``unknown`` or ``corrections``) with who listed it."""
    who: dict = {}
    if column in frame.columns:
        for i, value in enumerate(frame[column].tolist()):
            for item in dict.fromkeys(_items(value)):
                who.setdefault(item, []).append(people[i])
    return dict(sorted(who.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _unknown_items(frame, people):
    """The ``unknown`` table of :class:`Cohort`: each unrecognised item, who listed it."""
    import pandas as pd

    rows = [(item, len(names), tuple(names))
            for item, names in _who(frame, "unknown", people).items()]
    return pd.DataFrame(rows, columns=["item", "people", "who"])


def _corrected_items(frame, people):
    """The ``corrections`` table of :class:`Cohort`: each item read after a typo fix."""
    import pandas as pd

    from rolefit._data import knowledge

    by_id = knowledge().skill_by_id
    rows = [(item, skill_id, by_id[skill_id].name, len(names), tuple(names))
            for (item, skill_id), names in _who(frame, "corrections", people).items()]
    return pd.DataFrame(rows, columns=["item", "skill_id", "name", "people", "who"])


# -- the page ----------------------------------------------------------------------------------
def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _charts(scores, summary) -> tuple[str, str]:
    """The target-role chart and the score distribution chart, as base64 PNG."""
    from matplotlib.figure import Figure

    from rolefit.plot import cohort_scores, cohort_top_roles

    frame = scores.copy()
    # the target role is the best-fitting of the five target roles: cohort_top_roles draws
    # it when given as the column it counts (adjacent roles are never targets: 0 people)
    frame["top_role"] = frame["target_role"]
    fig = Figure(figsize=(8, 6.0), layout="constrained")
    ax = cohort_top_roles(frame, ax=fig.subplots())
    title = f"Target role across {_people(summary.with_target)}"
    left_out = [f"{summary.low_signal:,} low-signal"] if summary.low_signal else []
    if summary.not_scored:
        left_out.append(f"{summary.not_scored:,} not scored")
    if left_out:
        rows = "row" if summary.low_signal + summary.not_scored == 1 else "rows"
        title += f"\n{' and '.join(left_out)} {rows} left out (no target role)"
    ax.set_title(title, fontsize=11)
    ax.set_xlabel("share of people whose target role it is (%)")
    targets = _png(fig)
    fig = Figure(figsize=(8, 6.6), layout="constrained")
    cohort_scores(scores, ax=fig.subplots())
    return targets, _png(fig)


def _table(header, rows, numeric=()) -> str:
    esc = html.escape
    head = "".join(f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>"
                   for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(
            f'<td class="num">{esc(str(v))}</td>' if i in numeric else f"<td>{esc(str(v))}</td>"
            for i, v in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_cohort_html(scores, summary: Cohort | None = None, source: str | None = None,
                       id_column: str | None = None) -> str:
    """Return a cohort's summary page as one self-contained HTML string.

    Parameters
    ----------
    scores : pandas.DataFrame
        A :func:`rolefit.score_many` result with gap columns (``gaps=N``).
    summary : Cohort, optional
        Its :func:`cohort_summary` (computed when None).
    source : str, optional
        The name of the cohort file, shown in the header.
    id_column : str, optional
        The column that names a person.

    Returns
    -------
    str
        HTML with inline CSS and base64 PNG charts; no script, no external resource.
    """
    import pandas as pd

    from rolefit import __version__
    from rolefit._data import knowledge

    esc = html.escape
    summary = cohort_summary(scores, id_column=id_column) if summary is None else summary
    titles = {r.id: r.title for r in knowledge().roles}
    by_id = knowledge().skill_by_id
    charts = _charts(scores, summary) if summary.with_target else None
    k = _gap_columns(scores)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>rolefit cohort{': ' + esc(source) if source else ''}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Cohort: target roles and what to learn next</h1>",
        f'<p class="muted">rolefit {esc(__version__)}'
        + (f", cohort file <b>{esc(source)}</b>" if source else "")
        + f": {_people(summary.people)}; {summary.with_target:,} with a target role, "
        f"{summary.low_signal:,} with too few recognised technical skills for one "
        "(low signal)"
        + (f", {summary.not_scored:,} not scored (empty cell or no known skill)"
           if summary.not_scored else "") + ".</p>",
        "<h2>Target roles</h2>",
        '<p class="muted">The target role is the best-scored of the five target roles; '
        "the best fit overall may be an adjacent role (a common starting point).</p>",
    ]
    if charts is None:
        parts.append("<p><b>No one in the cohort has a target role: too few technical skills "
                     "were recognised.</b></p>")
    else:
        parts.append(f'<img alt="Target role of each person" '
                     f'src="data:image/png;base64,{charts[0]}">')
    parts.append(_table(
        ["role", "people (target)", "share", "best fit overall"],
        [[t.title + (" (adjacent)" if t.adjacent else ""), t.people, f"{t.share:.0%}",
          t.best_fit] for t in summary.targets.itertuples()],
        numeric=(1, 2, 3),
    ))
    parts.append("<h2>Most common gaps per target role</h2>")
    if not k:
        parts.append('<p class="muted">No gap columns: score the cohort with gaps=N '
                     "(<code>--gaps N</code>).</p>")
    elif summary.gaps.empty:
        parts.append('<p class="muted">No one with a target role.</p>')
    else:
        parts.append(f'<p class="muted">People of each target role who have the skill among '
                     f"their first {k} gaps; gain: the score points it adds by itself "
                     "(mean over them).</p>")
        for role, group in summary.gaps.groupby("role_id", sort=False):
            n_role = int(summary.targets.set_index("role_id").loc[role, "people"])
            parts.append(f"<h3>{esc(titles[role])} ({_people(n_role)})</h3>")
            parts.append(_table(
                ["skill", "people who need it", "share", "mean gain"],
                [[g.name, g.people, f"{g.share:.0%}", f"+{g.mean_gain:.2f}"]
                 for g in group.itertuples()],
                numeric=(1, 2, 3),
            ))
    parts.append("<h2>Closest to each role</h2>")
    parts.append('<p class="muted">The highest scores for each role (log-odds points, as '
                 "<code>rolefit score</code> shows them); low-signal rows left out.</p>")
    rows = []
    for role, group in summary.closest.groupby("role_id", sort=False):
        label = titles[role] + (" (adjacent)" if role in _adjacent() else "")
        rows.append([label, "; ".join(f"{c.person} ({c.score:.2f})"
                                      for c in group.itertuples())])
    parts.append(_table(["role", "closest people (score)"], rows))
    if charts is not None:
        parts.append("<h2>Scores per role</h2>")
        parts.append(f'<img alt="Scores per role across the cohort" '
                     f'src="data:image/png;base64,{charts[1]}">')
    parts.extend(_unknown_section(summary))
    if len(scores) <= MAX_PEOPLE_LISTED:
        parts.append("<h2>Everyone</h2>")
        from rolefit.profiles import matrices

        frame = scores.reset_index(drop=True)
        names = _row_names(scores.index)
        unscored = frame[list(matrices().role_ids)].isna().all(axis=1).to_numpy()
        rows = []
        for i, row in frame.iterrows():
            person = row[id_column] if id_column is not None else names[i]
            target = row["target_role"]
            if pd.isna(target):
                note = "not scored" if unscored[i] else "low signal"
                rows.append([person, note, "", ""])
                continue
            gaps = [by_id[row[f"gap_{j}"]].name for j in range(1, k + 1)
                    if not pd.isna(row[f"gap_{j}"])]
            rows.append([person, titles[target], f"{row[target]:.2f}", ", ".join(gaps)])
        parts.append(_table(["person", "target role", "score", "first gaps"], rows,
                            numeric=(2,)))
    parts.append("</body></html>")
    return "\n".join(parts)


def _unknown_section(summary: Cohort) -> list[str]:
    """The page's lists of unrecognised and corrected skill-list items (none are left out
    or changed silently)."""
    def named(who):
        more = len(who) - N_NAMED
        return "; ".join(map(str, who[:N_NAMED])) + (f"; and {more:,} more" if more > 0 else "")

    parts = ["<h2>Skills not recognised</h2>"]
    unknown = summary.unknown
    if unknown is None or unknown.empty:
        parts.append('<p class="muted">Every skill-list item was recognised.</p>')
    else:
        parts.append(f'<p class="muted">{len(unknown):,} skill-list '
                     f"item{'' if len(unknown) == 1 else 's'} matched no skill and "
                     f"count{'s' if len(unknown) == 1 else ''} for nothing in the scores: "
                     "check the spelling, or they are skills rolefit does not know.</p>")
        parts.append(_table(["item", "people", "who"],
                            [[u.item, u.people, named(u.who)] for u in unknown.itertuples()],
                            numeric=(1,)))
    corrections = summary.corrections
    if corrections is not None and not corrections.empty:
        parts.append(f'<p class="muted">{len(corrections):,} skill-list '
                     f"item{'' if len(corrections) == 1 else 's'} read as a skill after a "
                     "typo fix:</p>")
        parts.append(_table(["item", "read as", "people", "who"],
                            [[c.item, c.name, c.people, named(c.who)]
                             for c in corrections.itertuples()],
                            numeric=(2,)))
    return parts


def _row_names(index) -> list[str]:
    """``row <label>`` for each label of ``index``, as :func:`rolefit.score_many` names a
    row in its messages (``row 0``, ``row 'ada'``)."""
    return [f"row {label!r}" for label in index.tolist()]


def _adjacent() -> set[str]:
    from rolefit._data import knowledge

    return {r.id for r in knowledge().roles if r.adjacent}


# -- command line ------------------------------------------------------------------------------
def _write(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path`` and rename it into place."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def add_cohort_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``cohort`` command to the ``rolefit`` command line's subparsers."""
    from rolefit.batch import MAX_GAPS
    from rolefit.io import FORMATS, N_GAPS, _whole, add_cell_arguments

    p = subparsers.add_parser(
        "cohort",
        help="a coach's summary of a cohort file: target roles, common gaps, closest people",
        description="Score every person of a CSV or Parquet file and write one HTML page: "
        "the distribution of target roles, the most common gaps per target role and the "
        "people closest to each role.",
    )
    p.add_argument("input", help="the cohort: .csv or .parquet, one person per row")
    p.add_argument("--column", default="skills", help="column to score (default: skills)")
    p.add_argument("--id-column", help="column that names a person (default: the row number)")
    p.add_argument("-o", "--output", required=True, help="the page: .html")
    p.add_argument("--format", dest="fmt", choices=FORMATS, default="auto",
                   help="how text cells are read, as for score-file (default: auto)")
    p.add_argument("--sep", default=",", help="item separator for --format list (default: ,)")
    add_cell_arguments(p)
    p.add_argument("--gaps", type=_whole, default=N_GAPS, metavar="N",
                   help=f"gaps per person counted in the common gaps (default: {N_GAPS}; "
                   f"at most {MAX_GAPS})")
    p.set_defaults(func=cmd_cohort)
    return p


def cmd_cohort(args) -> int:
    """Run ``rolefit cohort``; a bad file or cell gives one line on stderr and status 2."""
    from rolefit.io import (
        FileError,
        corrections_summary,
        nan_summary,
        read_scores,
        unknown_summary,
    )

    output = Path(args.output)
    stats: dict = {}
    try:
        if output.suffix.lower() not in (".html", ".htm"):
            raise FileError(output, "the output must end in .html")
        if not output.parent.is_dir():
            raise FileError(output, f"the folder {str(output.parent)!r} does not exist")
        if output.is_dir():
            raise FileError(output, "is a directory; give the name of the page to write")
        scores = read_scores(args.input, column=args.column, id_column=args.id_column,
                             fmt=args.fmt, sep=args.sep, missing=args.missing,
                             gaps=args.gaps, model=args.model, stats=stats)
        # rows named by their 1-based data row, as the file's error messages name them
        scores = scores.set_axis(range(1, len(scores) + 1))
        summary = cohort_summary(scores, id_column=args.id_column)
        page = render_cohort_html(scores, summary, source=Path(args.input).name,
                                  id_column=args.id_column)
        _write(output, page)
    except (FileError, OSError, ValueError) as exc:
        message = " ".join(str(exc).split())
        print(f"rolefit: error: {message}", file=sys.stderr)  # noqa: T201 - a command
        return 2
    for note in (nan_summary(stats.get("nan_rows"), summary.people),
                 unknown_summary(stats, "on the page"),
                 corrections_summary(stats, "on the page")):
        if note:
            print(note, file=sys.stderr)  # noqa: T201
    print(f"rolefit: {_people(summary.people)} ({summary.with_target:,} with a target role, "  # noqa: T201
          f"{summary.low_signal:,} low signal) -> {args.output}", file=sys.stderr)
    return 0
