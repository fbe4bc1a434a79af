"""A person against one job posting: :func:`match` and ``rolefit match``.

The posting's skills are read from its text exactly as a resume's are (a denied skill,
"no Java needed", or one the team is "learning" does not count); the role model applied
to them names the posting's most likely role. **The match score is the share of the
posting's skill weight, under that role's weights, that the person covers:**
``sum over the posting's skills of weight * coverage / sum over them of weight``, where
``coverage`` is 1 for a skill the person listed and partial credit for one a listed skill
implies (as in :func:`rolefit.score`); a posting skill the role gives no weight counts
for nothing (all count equally if the role weighs none of them).
:meth:`PostingMatch.explain` lists one row per posting skill and the rows add up to the
score exactly. The skills the person lacks are
ordered by the same gain logic as :meth:`rolefit.RoleFit.gaps` for the posting's role.

Examples
--------
>>> import rolefit
>>> posting = ("Data Engineer. You will build batch pipelines with Spark and Airflow on "
...            "AWS, model data in Snowflake and write a lot of SQL and Python. "
...            "No Java required.")
>>> m = rolefit.match(["python", "sql", "pandas"], posting)
>>> m.role, "java" in m.posting_skills
('data_engineer', False)
>>> bool(round(m.explain()["contribution"].sum(), 12) == round(m.score, 12))
True
>>> m.lacks()["skill_id"].iloc[0], m.has()["skill_id"].tolist()
('spark', ['python', 'sql'])
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from rolefit._data import knowledge
from rolefit._input import list_items
from rolefit.fit import MIN_TECHNICAL_SKILLS, RoleFit
from rolefit.profiles import matrices
from rolefit.skills import (
    _check_text,
    check_count,
    extract_skills,
    parse_skill_list,
    read_text,
    refuse_containers,
)

__all__ = ["PostingMatch", "add_match_parser", "cmd_match", "match"]

#: A posting is typical of its role when the role model gives the role at least this
#: probability and at least :data:`TYPICAL_COMMON` of its skills (those with market
#: evidence) are asked for by 5% or more of the role's postings.
TYPICAL_PROBA = 0.5
TYPICAL_COMMON = 0.75
#: Quote at most this many characters of a posting's words that exclude a skill.
MAX_QUOTE = 60


def _read(value, what: str, lists: bool = False):
    """A ``ParsedSkills`` of a text or skill list; no recognised skill is not an error
    here (the match reports it as not enough signal), an empty input is. With ``lists``,
    a string that looks like a skill list is read as one, as :func:`rolefit.score` does."""
    if isinstance(value, str):
        text = _check_text(value, what)
        if not text.strip():
            raise ValueError(f"the {what} is empty")
        listed = list_items(text, lines=False) if lists else None
        if listed is None:
            return "text", read_text(text)
        value = listed
    if isinstance(value, bytes | bytearray):
        raise TypeError(f"the {what} is bytes: decode the text first (data.decode('utf-8'))")
    refuse_containers(value, f"the {what}", "a skill list or a text",
                      "a list of skill names (list(d) for its keys) or a text")
    if value is None or not isinstance(value, Iterable):
        raise TypeError(
            f"the {what} must be a text string or a skill list, got {type(value).__name__}"
        )
    items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
    parsed = parse_skill_list(items)
    if not parsed.skills and not parsed.unknown:
        raise ValueError(f"the {what}'s skill list is empty")
    return "list", parsed


def match(person, posting, *, model=None) -> PostingMatch:
    """Compare one person's skills with one job posting.

    Parameters
    ----------
    person : str or list of str
        A resume text or a skill list, read as :func:`rolefit.score` reads it.
    posting : str or list of str
        The posting's text (denied and "learning" mentions do not count) or its skill list.
    model : None, str, path or rolefit.classifier.LinearModel, optional
        The role model (default: the shipped one), used for the posting's role, its weights
        and the person's gains.

    Returns
    -------
    PostingMatch

    Raises
    ------
    ValueError
        When the person or the posting is empty.
    TypeError
        When either is neither a text nor a list of strings.
    """
    person_kind, person_parsed = _read(person, "person", lists=True)
    posting_kind, posting_parsed = _read(posting, "posting")
    denied, quotes = (), {}
    if posting_kind == "text":
        denied = tuple(s for s in extract_skills(posting, status="negated")
                       if s not in posting_parsed.skills)
        quotes = _cue_quotes(posting, {*denied, *posting_parsed.learning})
    return PostingMatch(
        RoleFit(person_parsed, person_kind, model=model),
        RoleFit(posting_parsed, posting_kind, model=model),
        denied=denied, quotes=quotes,
    )


def _cue_quotes(text: str, skill_ids) -> dict[str, str]:
    """The words of ``text`` that say a skill does not count, for each of ``skill_ids``:
    from the cue of its first mention that is not held to the mention ("No Java",
    "Python not required"); the words of mentions that overlap are joined ("No Kafka or
    Scala" for both). A skill whose cue is not found close to it is left out."""
    from rolefit.skills import _mentions

    spans: dict[str, tuple[int, int]] = {}
    for start, end, skill_id, status, cue in _mentions(text):
        if skill_id not in skill_ids or skill_id in spans or status == "has" or not cue:
            continue
        word = re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)")  # not "no" in "snowflake"
        before = [m.start() for m in word.finditer(text, max(0, start - MAX_QUOTE), start)]
        after = word.search(text, end, end + MAX_QUOTE)
        if before:
            spans[skill_id] = (before[-1], end)
        elif after is not None:
            stop = after.end()
            if text[stop : stop + 1] == ")" and text.count("(", start, stop) > text.count(
                    ")", start, stop):
                stop += 1  # "Scala (beginner)", not "Scala (beginner"
            spans[skill_id] = (start, stop)
    merged: list[list] = []  # [start, end, skill ids], in text order
    for skill_id, (start, end) in sorted(spans.items(), key=lambda item: item[1]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(skill_id)
        else:
            merged.append([start, end, [skill_id]])
    quotes = {}
    for start, end, ids in merged:
        words = " ".join(text[start:end].split())
        if len(words) <= MAX_QUOTE:
            quotes.update(dict.fromkeys(ids, words))
    return quotes


class PostingMatch:
    """One person against one job posting. Build it with :func:`rolefit.match`.

    Attributes
    ----------
    person : rolefit.RoleFit
        The person's fit (skills, implied skills, gains).
    posting : rolefit.RoleFit
        The posting read as a skill set and scored by the role model.
    posting_skills : list of str
        The skill ids the posting asks for (denied and learning mentions excluded), sorted.
    excluded : dict
        ``{"negated": [...], "learning": [...]}``: skills the posting text mentions but
        that do not count.
    role : str or None
        The posting's most likely role (top score; None when the posting has too little
        signal).
    role_proba : float or None
        The role model's probability of that role for the posting.
    score : float or None
        The share of the posting's skill weight (under ``role``'s weights) the person
        covers, in [0, 1]; :meth:`explain` adds up to it. None when either side has too
        little signal.
    low_signal : bool
        The posting or the person has fewer than 2 recognised technical skills.
    """

    def __init__(self, person: RoleFit, posting: RoleFit, denied=(), quotes=None):
        self.person = person
        self.posting = posting
        self.posting_skills = list(posting.skills)
        self.excluded = {"negated": sorted(denied), "learning": sorted(posting.learning)}
        self._quotes = quotes or {}  # skill id -> the posting's words that exclude it
        self.role = None if posting.low_signal else posting.order[0]
        self.role_proba = None if self.role is None else float(posting.proba[self.role])
        self.low_signal = posting.low_signal or person.low_signal
        self._rows = [] if self.role is None else self._explain_rows()
        self.score = (
            None if self.low_signal else math.fsum(r["contribution"] for r in self._rows)
        )

    # -- plain-data core ----------------------------------------------------------------
    def _weights(self) -> np.ndarray:
        """The role's weight of each posting skill (all 1 when the role gives none any)."""
        kn = knowledge()
        index = [kn.skill_index[s] for s in self.posting_skills]
        weights = self.posting._coef[self.posting._role_row(self.role)][index]
        return weights if weights.sum() > 0 else np.ones(len(index))

    def _explain_rows(self) -> list[dict]:
        kn = knowledge()
        weights = self._weights()
        total = float(weights.sum())
        rows = []
        for skill_id, weight in zip(self.posting_skills, weights, strict=True):
            credit = float(self.person._covered[kn.skill_index[skill_id]])
            via = tuple(s for s in self.person.skills
                        if s == skill_id or skill_id in kn.closure[s])
            status = "lacks" if credit == 0 else "has" if skill_id in via else "implied"
            skill = kn.skill_by_id[skill_id]
            rows.append({
                "skill_id": skill_id, "name": skill.name, "category": skill.category,
                "status": status, "via": via, "credit": credit, "weight": float(weight),
                "share": float(weight) / total, "contribution": credit * float(weight) / total,
            })
        rows.sort(key=lambda r: (-r["contribution"], -r["share"], r["skill_id"]))
        return rows

    def _lack_rows(self) -> list[dict]:
        """The posting skills the person lacks, in :meth:`RoleFit.gaps` order (the
        posting's skills the role gives no weight follow, gain 0), with ``match_gain``."""
        if self.low_signal:
            return []
        kn = knowledge()
        mats = matrices()
        lacking = [r["skill_id"] for r in self._rows if r["status"] == "lacks"]
        rows = self.person._gain_rows(self.role, candidates=lacking)
        placed = {r["skill_id"] for r in rows}
        evidence = _evidence(self.role)
        learning = set(self.person.learning)
        role_weights = self.person._coef[self.person._role_row(self.role)]
        for skill_id in sorted(set(lacking) - placed):
            skill = kn.skill_by_id[skill_id]
            share = evidence.get(skill_id, {}).get("prevalence")
            # no weight of its own, but it may imply skills that have one (AWS Glue: AWS)
            learned = mats.implication[kn.skill_index[skill_id]]
            after = np.minimum(self.person._credit + learned, 1.0)
            implied = float((after - self.person._covered) @ role_weights)
            rows.append({
                "skill_id": skill_id, "name": skill.name, "category": skill.category,
                "gain": 0.0, "implied_gain": implied, "prevalence": share,
                "rare": share is not None and share < _rare_share(),
                "learning": skill_id in learning, "needed_for": None, "order_note": None,
            })
        # exact rise of the match score if the skill alone were learned
        index = np.array([kn.skill_index[s] for s in self.posting_skills])
        weights = self._weights() / self._weights().sum()
        now = self.person._covered[index]
        for r in rows:
            learned = mats.implication[kn.skill_index[r["skill_id"]]]
            after = np.minimum(self.person._credit + learned, 1.0)[index]
            r["match_gain"] = float((after - now) @ weights)
        return rows

    def context(self) -> dict:
        """Is the posting typical of its role? Plain data (also in :meth:`to_dict`).

        Returns
        -------
        dict
            ``role``, ``title``, ``proba`` (the role model's probability of the role for
            the posting), ``runner_up`` and ``runner_up_proba`` (the next role),
            ``common`` (posting skills asked for by at least 5% of the role's postings),
            ``unusual`` (asked for by fewer, or by none), ``unmeasured`` (too few of the
            role's postings could show them), ``common_share`` (``common`` over
            ``common`` plus ``unusual``; None when both are empty), ``typical`` and a
            one-line ``note``. Empty when the posting has too little signal.
        """
        if self.role is None:
            return {}
        evidence = _evidence(self.role)
        rare = _rare_share()
        common, unusual, unmeasured = [], [], []
        for skill_id in self.posting_skills:
            ev = evidence.get(skill_id)
            if ev is None:  # no posting of the role asks for it
                unusual.append((skill_id, 0.0))
            elif ev["prevalence"] is None:
                unmeasured.append(skill_id)
            elif ev["prevalence"] >= rare:
                common.append(skill_id)
            else:
                unusual.append((skill_id, ev["prevalence"]))
        measured = len(common) + len(unusual)
        share = len(common) / measured if measured else None
        second = self.posting.order[1] if len(self.posting.order) > 1 else None
        titles = {r.id: r.title for r in knowledge().roles}
        typical = (self.role_proba >= TYPICAL_PROBA
                   and (share is None or share >= TYPICAL_COMMON))
        by_id = knowledge().skill_by_id
        title = titles[self.role]
        parts = [f"{'Typical' if typical else 'Unusual'} {title} posting: the role model "
                 f"gives {title} {self.role_proba:.0%}"]
        if second is not None:
            parts[0] += f" ({titles[second]} {self.posting.proba[second]:.0%})"
        if measured:
            parts.append(f"{len(common)} of its {measured} skills with posting counts are "
                         f"asked for by at least {rare:.0%} of {title} postings"
                         + (f" ({len(unmeasured)} more without a count)" if unmeasured else ""))
        if unusual:
            parts.append("unusual for the role: " + ", ".join(
                f"{by_id[s].name} ({_percent(p)})"
                for s, p in sorted(unusual, key=lambda u: (u[1], u[0]))))
        return {
            "role": self.role,
            "title": title,
            "proba": self.role_proba,
            "runner_up": second,
            "runner_up_proba": None if second is None else float(self.posting.proba[second]),
            "common": common,
            "unusual": [s for s, _ in unusual],
            "unmeasured": unmeasured,
            "common_share": share,
            "typical": bool(typical),
            "note": "; ".join(parts) + ".",
        }

    # -- public tables --------------------------------------------------------------------
    def explain(self):
        """Each posting skill's part of the match score: they add up to :attr:`score`.

        Returns
        -------
        pandas.DataFrame
            One row per posting skill, largest contribution first, with columns
            ``skill_id``, ``name``, ``category``, ``status`` (``has``: listed, ``implied``:
            a listed skill implies it, ``lacks``), ``via`` (the person's skills that bring
            it), ``credit`` (1 listed, partial implied, 0 lacking), ``weight`` (the posting
            role's weight of the skill), ``share`` (its weight over the posting's total)
            and ``contribution`` (``share * credit``). Empty when there is too little
            signal (see :meth:`signal_note`).
        """
        import pandas as pd

        columns = ["skill_id", "name", "category", "status", "via", "credit", "weight",
                   "share", "contribution"]
        return pd.DataFrame([] if self.low_signal else self._rows, columns=columns)

    def has(self):
        """The posting skills the person has (listed or implied): :meth:`explain`'s rows
        whose ``status`` is ``has`` or ``implied``."""
        frame = self.explain()
        return frame[frame["status"] != "lacks"].reset_index(drop=True)

    def lacks(self, n: int | None = None):
        """The posting skills the person lacks, in advice order.

        The order is :meth:`rolefit.RoleFit.gaps`' for the posting's role, restricted to
        the posting's skills (largest score gain first, an idea right before the tool
        that implies it, rarely asked-for and soft skills not among the first five); the
        posting's skills that the role gives no weight come last.

        Returns
        -------
        pandas.DataFrame
            Columns ``skill_id``, ``name``, ``category``, ``gain`` and ``implied_gain``
            (as in ``gaps``: the rise of the person's score for the role), ``match_gain``
            (the exact rise of the match score if the skill alone were learned),
            ``prevalence``, ``rare``, ``learning`` (the person says they are learning it),
            ``needed_for`` and ``order_note`` (as in ``gaps``). A posting skill the role
            gives no weight has ``gain`` 0 and, in ``implied_gain``, what the skills it
            implies would add.
        """
        import pandas as pd

        n = check_count(n, "n", none=True)
        columns = ["skill_id", "name", "category", "gain", "implied_gain", "match_gain",
                   "prevalence", "rare", "learning", "needed_for", "order_note"]
        frame = pd.DataFrame(self._lack_rows(), columns=columns)
        frame = frame.astype({"prevalence": "Float64"})
        return frame if n is None else frame.head(n)

    # -- output ---------------------------------------------------------------------------
    def signal_note(self) -> str | None:
        """One line saying which side has too few skills, or None when both have enough."""
        sides = [(what, fit.n_technical) for what, fit in
                 (("the posting", self.posting), ("the person", self.person))
                 if fit.low_signal]
        if not sides:
            return None
        found = " and ".join(f"{n} technical skill(s) recognised in {what}"
                             for what, n in sides)
        what = "no role, match score or gaps" if self.posting.low_signal else \
            "no match score or gaps"
        return (f"Not enough signal: {found} (at least {MIN_TECHNICAL_SKILLS} are needed), "
                f"so {what}.")

    def to_dict(self) -> dict:
        """A JSON-serialisable summary: posting, person, score, explanation, has, lacks."""
        return {
            "posting": {
                "input": self.posting.kind,
                "skills": self.posting_skills,
                "excluded": self.excluded,
                "unknown": self.posting.unknown,
                "corrections": self.posting.corrections,
                "role": self.role,
                "proba": self.role_proba,
                "context": self.context(),
            },
            "person": {
                "input": self.person.kind,
                "skills": self.person.skills,
                "implied": self.person.implied,
                "learning": list(self.person.learning),
                "unknown": self.person.unknown,
                "corrections": self.person.corrections,
            },
            "low_signal": self.low_signal,
            "note": self.signal_note(),
            "score": self.score,
            "explain": [] if self.low_signal else [
                {**r, "via": list(r["via"])} for r in self._rows],
            "has": [r["skill_id"] for r in self._rows
                    if r["status"] != "lacks"] if not self.low_signal else [],
            "lacks": self._lack_rows(),
        }

    def to_json(self, **kwargs) -> str:
        """:meth:`to_dict` as a JSON string (keyword arguments go to ``json.dumps``)."""
        return json.dumps(self.to_dict(), **kwargs)

    def to_text(self, n: int = 10) -> str:
        """The match as plain text, as ``rolefit match`` prints it, with at most ``n`` of
        the skills the person lacks."""
        n = check_count(n, "n")
        by_id = knowledge().skill_by_id

        def names(ids):
            return ", ".join(by_id[s].name for s in ids) or "-"

        n = len(self.posting_skills)
        lines = [f"Posting: {n} skill{'' if n == 1 else 's'}: {names(self.posting_skills)}"]
        excluded = [f"{how} ({self._quoted(self.excluded[kind])})"
                    for kind, how in (("negated", "denied"), ("learning", "being learned"))
                    if self.excluded[kind]]
        if excluded:
            lines.append(f"  not counted: {'; '.join(excluded)}")
        context = self.context()
        if context:
            lines.append(context["note"])
        if self.low_signal:
            lines.append(self.signal_note())
            return "\n".join(lines)
        title = context["title"]
        lines.append(
            f"Match: {self.score:.0%} of the posting's skill weight (under {title}'s "
            "weights) is covered by your skills"
        )
        has = [r for r in self._rows if r["status"] != "lacks"]
        lines.append(f"You have ({len(has)}): " + (", ".join(
            r["name"] + ("" if r["status"] == "has" else
                         f" (implied by {names(r['via'])}, {r['credit']:.0%})")
            for r in has) or "-"))
        lacks = self._lack_rows()
        lines.append(f"You lack ({len(lacks)}), in learning order (by {title} score gain; "
                     "a note says why a row is out of that order):")
        for r in lacks[:n]:
            flags = (" (rare)" if r["rare"] else "") + (" (learning)" if r["learning"] else "")
            seen = "" if r["prevalence"] is None else \
                f", in {_percent(r['prevalence'])} of {title} postings"
            gain = f"{title} score +{r['gain']:.2f}"
            if r["gain"] == 0 and r["implied_gain"] > 0.005:
                gain += f" (+{r['implied_gain']:.2f} through the skills it implies)"
            note = f" [{r['order_note']}]" if r["order_note"] else ""
            lines.append(f"  {r['name']}{flags}: {gain}, match +{r['match_gain']:.0%}{seen}"
                         f"{note}")
        if len(lacks) > n:
            lines.append(f"  ... {len(lacks) - n} more (--json lists all)")
        return "\n".join(lines)

    def _quoted(self, ids) -> str:
        """The posting's words that exclude ``ids`` ("No Java"), quoted, each once, in
        text order; then the names of those without such words."""
        by_id = knowledge().skill_by_id
        wanted = set(ids)
        quotes = dict.fromkeys(q for s, q in self._quotes.items() if s in wanted)
        return ", ".join([*(f'"{q}"' for q in quotes),
                          *(by_id[s].name for s in ids if s not in self._quotes)])

    def __repr__(self) -> str:
        head = (f"PostingMatch(score={'n/a' if self.score is None else f'{self.score:.3f}'}, "
                f"role={self.role!r})")
        return head + "\n" + "\n".join("  " + line for line in self.to_text().splitlines())

    def _repr_html_(self) -> str:
        esc = html.escape
        by_id = knowledge().skill_by_id
        context = self.context()
        head = [f"<b>Posting skills ({len(self.posting_skills)}):</b> "
                + esc(", ".join(by_id[s].name for s in self.posting_skills) or "-")]
        if context:
            head.append(esc(context["note"]))
        if self.low_signal:
            head.append(f"<b>{esc(self.signal_note())}</b>")
            return "<div><p>" + "<br>".join(head) + "</p></div>"
        rows = "".join(
            f"<tr><td>{esc(r['name'])}</td><td>{esc(r['status'])}</td>"
            f"<td>{r['share']:.1%}</td><td>{r['credit']:.0%}</td>"
            f"<td>{r['contribution']:.1%}</td></tr>"
            for r in self._rows
        )
        lacks = ", ".join(r["name"] for r in self._lack_rows()) or "-"
        head.append(f"<b>Learn first:</b> {esc(lacks)}")
        return (
            "<div><p>" + "<br>".join(head) + "</p>"
            "<table><thead><tr><th>Posting skill</th><th>You</th><th>Weight share</th>"
            "<th>Credit</th><th>Contribution</th></tr></thead>"
            f"<tbody>{rows}</tbody><tfoot><tr><td colspan=\"4\"><b>Match score</b></td>"
            f"<td><b>{self.score:.1%}</b></td></tr></tfoot></table></div>"
        )

    def plot(self, ax=None):
        """Horizontal bars of the posting's skills: solid if the person has the skill,
        pale and outlined if not; see :func:`match_bars`."""
        return match_bars(self, ax=ax)


def _percent(share: float) -> str:
    return "<1%" if share < 0.005 else f"{share:.0%}"


def _evidence(role: str) -> dict:
    from rolefit.evidence import gap_evidence

    return gap_evidence(role)


def _rare_share() -> float:
    from rolefit.evidence import RARE_SHARE

    return RARE_SHARE


def match_bars(m: PostingMatch, ax=None):
    """The posting's skills as horizontal bars, largest weight share at the top.

    Each bar is the skill's share of the posting's skill weight (under the posting role's
    weights) in its category's colour and hatch (:data:`rolefit.plot.CATEGORY_COLORS`):
    the part the person covers is solid (all of it for a listed skill, the credit for an
    implied one), so the solid parts add up to the match score in the title; the part
    they lack is a pale tint of the colour, outlined and hatched in the colour itself, so
    that missing skills of related categories (same hue, other hatch) stay apart. The
    legend shows each category both ways.

    Parameters
    ----------
    m : PostingMatch
    ax : matplotlib Axes, optional
        Where to draw; a new figure is created when None.

    Returns
    -------
    matplotlib.axes.Axes
        Two bars per skill: the whole share, pale (``gid`` ``"posting:<skill_id>"``), and
        the covered part on top of it (``gid`` ``"covered:<skill_id>"``, width 0 when
        lacking). After each bar, the share it is sorted by (whole percents, ``<1%``; a
        text with ``gid`` ``"share:<skill_id>"``), then whether the person has it.
    """
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.patches import Patch

    from rolefit.plot import (
        CATEGORY_COLORS,
        CATEGORY_LABELS,
        _layout,
        _percent_axis,
        _xmax_for_labels,
    )

    rows = sorted(m._rows, key=lambda r: (-r["share"], r["status"] == "lacks", r["name"]))
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10, 0.38 * max(len(rows), 3) + 2.4),
                             layout="constrained")
    if m.low_signal:
        ax.set_axis_off()
        ax.text(0.5, 0.5, m.signal_note(), ha="center", va="center", wrap=True,
                transform=ax.transAxes)
        return ax
    ys = np.arange(len(rows))
    used = {}
    learning = set(m.person.learning)
    notes = []
    for y, r in zip(ys, rows, strict=True):
        color, hatch = CATEGORY_COLORS.get(r["category"], ("#000000", ""))
        used[r["category"]] = (color, hatch)
        ax.barh(y, r["share"], height=0.7, facecolor=_tint(color), edgecolor=color,
                hatch=hatch, linewidth=1.5, gid=f"posting:{r['skill_id']}")
        ax.barh(y, r["share"] * r["credit"], height=0.7, color=color, hatch=hatch,
                edgecolor="white", linewidth=0.8, gid=f"covered:{r['skill_id']}")
        label = {"has": "has", "implied": f"implied ({r['credit']:.0%})",
                 "lacks": "lacks"}[r["status"]]
        if r["status"] == "lacks" and r["skill_id"] in learning:
            label = "lacks (learning)"
        if r["share"] < 5e-4:
            label += f" (no weight for {m.context()['title']})"
        notes.append(label)
    ax.set_yticks(ys, [r["name"] for r in rows], fontsize=9.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    _percent_axis(ax.xaxis, decimals=0)
    ax.set_xlabel("share of the posting's skill weight (solid: the part you cover)")
    ax.grid(axis="x", color="#E5E5E5")
    ax.set_axisbelow(True)
    title = m.context()["title"]
    ax.set_title(f"Your match with this {title} posting: {m.score:.0%} of its skill weight "
                 f"covered\n({sum(r['status'] != 'lacks' for r in rows)} of {len(rows)} "
                 "skills; bar length: how much the role weighs each skill)", fontsize=10.5,
                 wrap=True)  # (a narrow figure wraps it instead of cutting it off)
    order = [c for c in CATEGORY_COLORS if c in used]
    handles = [(Patch(facecolor=used[c][0], hatch=used[c][1], edgecolor="white"),
                Patch(facecolor=_tint(used[c][0]), hatch=used[c][1], edgecolor=used[c][0],
                      linewidth=1.5))
               for c in order]
    labels = [CATEGORY_LABELS.get(c, c) for c in order]
    handles += [Patch(facecolor="#4D4D4D", edgecolor="white"),
                Patch(facecolor=_tint("#4D4D4D"), edgecolor="#4D4D4D", linewidth=1.5)]
    labels += ["solid: you have it", "pale, outlined: you lack it"]
    ax.legend(handles=handles, labels=labels, loc="upper left", bbox_to_anchor=(1.01, 1.0),
              fontsize=8, title="Skill category\n(have it, lack it)", title_fontsize=8,
              frameon=False, handler_map={tuple: HandlerTuple(ndivide=None, pad=0.4)},
              handlelength=4.0, handleheight=1.6)
    # after each bar the share it is sorted by, then has/lacks; the axis ends after them
    shares = [r["share"] for r in rows]
    ax.set_xlim(0, max(shares) * 1.05)
    width = _layout(ax)
    px = ax.figure.dpi / 72  # pixels per point
    needs = []
    for y, r, label, share in zip(ys, rows, notes, shares, strict=True):
        value = ax.annotate(_percent(share), (share, y), xytext=(4, 0),
                            textcoords="offset points", va="center", ha="left", fontsize=8.5,
                            fontweight="bold", color="#1a1a1a", gid=f"share:{r['skill_id']}")
        note = ax.annotate(label, (1, 0.5), xycoords=value, xytext=(4, 0),
                           textcoords="offset points", va="center", ha="left", fontsize=8.5,
                           color="#1a1a1a" if r["status"] != "lacks" else "#6E6E6E",
                           fontstyle="italic" if r["status"] == "lacks" else "normal")
        needs.append((4 + 4 + 6) * px + value.get_window_extent().width
                     + note.get_window_extent().width)
    ax.set_xlim(0, _xmax_for_labels(width, shares, needs))
    return ax


def _tint(color, amount: float = 0.25) -> tuple[float, float, float]:
    """``color`` mixed with white: ``amount`` of the colour (a pale fill)."""
    from matplotlib.colors import to_rgb

    return tuple(1 - amount * (1 - c) for c in to_rgb(color))


# -- command line ---------------------------------------------------------------------------
def add_match_parser(subparsers):
    """Add the ``match`` command to the command line (see :mod:`rolefit.cli`).

    Returns
    -------
    argparse.ArgumentParser
        The ``match`` sub-parser; its ``func`` default is :func:`cmd_match`.
    """
    p = subparsers.add_parser(
        "match",
        help="compare a resume with one job posting",
        description="Read a job posting's skills and most likely role, and show which of "
        "them a resume has, which it lacks (most useful first) and the match score: the "
        "share of the posting's skill weight the resume covers.",
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="the resume then the posting (text files, - for stdin); only the "
                   "posting with --person-skills")
    p.add_argument("--person-skills", metavar="LIST",
                   help='the person as a comma-separated skill list, e.g. "python, sql"')
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--model", metavar="PATH",
                   help="a role model saved by `rolefit train` (default: the shipped one)")
    p.add_argument("-o", "--output", metavar="CHART.png", help="also write the chart (PNG)")
    p.set_defaults(func=cmd_match)
    return p


def cmd_match(args) -> int:
    """Run ``rolefit match``; returns 0 (user mistakes raise, and exit with status 2)."""
    from rolefit._input import UsageError
    from rolefit._input import read_text as read_file

    wanted = 1 if args.person_skills is not None else 2
    if len(args.files) != wanted:
        raise UsageError(
            "give the posting file after --person-skills" if wanted == 1 else
            "give two files: the resume, then the posting (or --person-skills and the posting)"
        )
    if args.files.count("-") > 1:
        raise UsageError("only one of the files can be - (stdin)")
    out = None
    if args.output is not None:
        out = Path(args.output)
        if out.suffix.lower() != ".png":
            raise UsageError(f"{out}: the chart must end in .png")
        if not out.parent.is_dir():
            raise UsageError(f"{out.parent}: no such directory")
        if out.is_dir():
            raise UsageError(f"{out}: is a directory")
    if args.person_skills is not None:
        person = [s.strip() for s in args.person_skills.split(",") if s.strip()]
        if not person:
            raise UsageError("--person-skills is empty")
    else:
        person = read_file(args.files[0])
    posting = read_file(args.files[-1])
    result = match(person, posting, model=args.model)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2) + "\n")
    else:
        by_id = knowledge().skill_by_id
        for item, skill in {**result.person.corrections, **result.posting.corrections}.items():
            sys.stderr.write(f"rolefit: read {item!r} as {by_id[skill].name}\n")
        for item, hints in {**result.person.unknown, **result.posting.unknown}.items():
            hint = f" (did you mean: {', '.join(hints)}?)" if hints else ""
            sys.stderr.write(f"rolefit: not recognised: {item!r}{hint}\n")
        sys.stdout.write(result.to_text() + "\n")
    if out is not None:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(10, 0.38 * max(len(result.posting_skills), 3) + 2.4),
                     layout="constrained")
        match_bars(result, ax=fig.subplots())
        handle, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                fig.savefig(stream, format="png", dpi=110, metadata={"Software": None})
            os.chmod(tmp, 0o644)  # as the report's files (mkstemp makes it private)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        sys.stderr.write(f"rolefit: wrote {out}\n")
    return 0
