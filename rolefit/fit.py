"""Score a person's skills against the role profiles: ranking, explanation, gaps, plan.

The score of a role is the share of the role's profile weight that the person's skills
cover; a skill that is only implied (``PyTorch`` implies ``deep learning``) earns partial
credit (:data:`rolefit.profiles.IMPLIED_CREDIT` per implying skill, at most full). It is
in ``[0, 1]`` and is exactly the sum of the per-skill contributions shown by
:meth:`RoleFit.explain`; the gain of a missing skill (:meth:`RoleFit.gaps`) is the exact
increase of the score if the person learned it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from functools import cached_property

import numpy as np

from rolefit._data import knowledge
from rolefit.profiles import check_role, matrices
from rolefit.skills import ParsedSkills, _check_text, parse_skill_list, read_text

__all__ = ["NoSkillsError", "RoleFit", "score"]

TOP_MISSING = 5
GENERATED_STEPS = {
    1: (
        "Foundations",
        {"language", "statistics_math", "ml_concept", "database", "software_engineering"},
    ),
    2: (
        "Core tools",
        {
            "ml_framework",
            "data_library",
            "genai",
            "nlp",
            "cv",
            "data_engineering",
            "cloud",
            "mlops",
            "devops",
            "bi_visualization",
        },
    ),
    3: ("Practice and show your work", {"research", "soft_skill"}),
}


class NoSkillsError(ValueError):
    """The input held no recognisable skill, so no fit can be computed."""


def _read_input(skills_or_text) -> tuple[str, ParsedSkills]:
    if isinstance(skills_or_text, str):
        parsed = read_text(_check_text(skills_or_text))  # denied and learning skills apart
        if not parsed.skills:
            raise NoSkillsError(
                f"no known skill was found in the text ({len(skills_or_text):,} characters); "
                "pass a skill list, or see rolefit.skills() for what is recognised"
            )
        return "text", parsed
    if isinstance(skills_or_text, bytes | bytearray):
        raise TypeError("got bytes: decode the text first (for example data.decode('utf-8'))")
    if skills_or_text is None or not isinstance(skills_or_text, Iterable):
        raise TypeError(
            "expected a skill list (list, tuple, set, Series of strings) or a text string, "
            f"got {type(skills_or_text).__name__}"
        )
    items = skills_or_text
    if isinstance(items, set | frozenset):
        items = sorted(items, key=str)
    parsed = parse_skill_list(items)
    if not parsed.skills:
        if not parsed.unknown:
            raise NoSkillsError("the skill list is empty")
        hints = "; ".join(
            f"{name!r}" + (f" (did you mean {', '.join(s)}?)" if s else "")
            for name, s in parsed.unknown.items()
        )
        raise NoSkillsError(f"none of the skills was recognised: {hints}")
    return "list", parsed


def score(skills_or_text, *, model=None) -> RoleFit:
    """Score a skill list or a resume text against every role.

    Each role gets two numbers: ``score``, the explainable profile fit (the share of the
    role's skill profile the person covers, see :meth:`RoleFit.explain`), and ``proba``,
    the probability from a classifier trained on real job postings. Roles are ranked by
    ``rank_score = 0.3 * proba + 0.7 * score / sum(scores)``
    (:func:`rolefit.classifier.combine_scores`; the weight was chosen by cross-validation,
    see ``docs/evaluation.md``).

    Parameters
    ----------
    skills_or_text : list of str or str
        A skill list (any iterable of strings, e.g. a list or a pandas Series) is read
        forgivingly (aliases, case, plurals, typos); a single string is treated as free
        text and read precisely.
    model : None, False, str or path, optional
        The role classifier: None for the shipped one, the path of a model saved by
        ``rolefit train``, or False to rank by the profile fit alone.

    Returns
    -------
    RoleFit

    Raises
    ------
    NoSkillsError
        When nothing in the input is a known skill.
    TypeError
        When the input, or an item of a skill list, is not text.

    Examples
    --------
    >>> import rolefit
    >>> fit = rolefit.score(["Python", "PyTorch", "Docker", "SQL", "k8s"])
    >>> fit.top
    'ml_engineer'
    >>> fit.skills
    ['docker', 'kubernetes', 'python', 'pytorch', 'sql']
    >>> bool(fit.explain("ml_engineer")["contribution"].sum().round(12)
    ...      == round(fit.ranking.loc["ml_engineer", "score"], 12))
    True
    """
    kind, parsed = _read_input(skills_or_text)
    return RoleFit(parsed, kind, model=model)


class RoleFit:
    """How well one person's skills fit each role, and what to learn next.

    Build it with :func:`rolefit.score`. Tables are returned as plain pandas DataFrames.

    Attributes
    ----------
    skills : list of str
        Canonical ids recognised in the input, sorted.
    implied : list of str
        Ids added because a recognised skill implies them, sorted.
    unknown : dict
        Each unrecognised skill-list item mapped to suggested skill ids.
    corrections : dict
        Skill-list items read as a skill after a typo fix, mapped to that skill id.
    learning : tuple of str
        Ids a text says the person is learning (not counted in ``skills``), sorted.
    scores : dict
        Profile fit of each role, in [0, 1] (explained by :meth:`explain`).
    proba : dict or None
        Classifier probability of each role (None when scored with ``model=False``).
    rank_scores : dict
        What the ranking sorts by (see :func:`rolefit.score`).
    top : str
        The best-ranked role id.
    """

    def __init__(self, parsed: ParsedSkills, kind: str = "list", model=None):
        self.kind = kind
        self.skills = sorted(parsed.skills)
        self.unknown = dict(parsed.unknown)
        self.corrections = dict(parsed.corrections)
        self.learning = tuple(parsed.learning)
        mats = matrices()
        kn = knowledge()
        rows = [kn.skill_index[s] for s in self.skills]
        explicit = np.zeros(len(mats.skill_ids))
        explicit[rows] = 1.0
        # = explicit @ implication, summing only the listed rows (the dense product reads
        # the whole skills x skills matrix, ~1 ms); unclipped, for exact gains
        self._credit = mats.implication[rows].sum(axis=0)
        self._covered = np.minimum(self._credit, 1.0)  # = close_skills(explicit, ...)
        self.implied = sorted(
            mats.skill_ids[i] for i in np.flatnonzero(self._covered - explicit > 0)
        )
        profile = mats.weights @ self._covered
        self.scores = dict(zip(mats.role_ids, profile, strict=True))
        self.proba, rank = None, profile
        if model is not False:
            from rolefit.classifier import classifier_proba, combine_scores

            proba = classifier_proba(self._covered[None, :], model=model)[0]
            self.proba = dict(zip(mats.role_ids, proba, strict=True))
            rank = combine_scores(profile, proba)
        self.rank_scores = dict(zip(mats.role_ids, rank, strict=True))
        order = sorted(range(len(mats.role_ids)), key=lambda i: -rank[i])
        self.order = [mats.role_ids[i] for i in order]
        self.top = self.order[0]

    # -- plain-data core (no pandas), shared by the DataFrames, the CLI and to_dict --------
    def _gain_rows(self, role: str) -> list[dict]:
        mats = matrices()
        by_id = knowledge().skill_by_id
        weights = mats.weights[mats.role_ids.index(role)]
        missing = np.flatnonzero((weights > 0) & (self._covered < 1))
        # learning skill s adds row s of the credit matrix; the score gain is exact
        after = np.minimum(self._credit[None, :] + mats.implication[missing], 1.0)
        gains = np.zeros(len(mats.skill_ids))
        gains[missing] = (after - self._covered[None, :]) @ weights
        rows = [
            {
                "skill_id": mats.skill_ids[i],
                "name": by_id[mats.skill_ids[i]].name,
                "category": by_id[mats.skill_ids[i]].category,
                "share": float(weights[i]),
                "gain": float(gains[i]),
            }
            for i in missing
        ]
        rows.sort(key=lambda r: (-round(r["gain"], 12), -r["share"], r["skill_id"]))
        return rows

    def _ranking_rows(self) -> list[dict]:
        mats = matrices()
        roles = {r.id: r for r in knowledge().roles}
        rows = []
        for role_id in self.order:
            weights = mats.weights[mats.role_ids.index(role_id)]
            matched = np.flatnonzero((weights > 0) & (self._covered > 0))
            matched = sorted(matched, key=lambda i: (-weights[i], mats.skill_ids[i]))
            role = roles[role_id]
            rows.append(
                {
                    "role_id": role_id,
                    "title": role.title,
                    "adjacent": role.adjacent,
                    "score": float(self.scores[role_id]),
                    "proba": None if self.proba is None else float(self.proba[role_id]),
                    "rank_score": float(self.rank_scores[role_id]),
                    "matched": tuple(mats.skill_ids[i] for i in matched),
                    "missing": tuple(
                        r["skill_id"] for r in self._gain_rows(role_id)[:TOP_MISSING]
                    ),
                    "salary_min_usd": role.salary_min_usd,
                    "salary_max_usd": role.salary_max_usd,
                    "salary_open_ended": role.salary_open_ended,
                }
            )
        return rows

    @property
    def target(self) -> str:
        """The best-fitting of the five target roles (adjacent roles excluded)."""
        adjacent = {r.id for r in knowledge().roles if r.adjacent}
        return next(r for r in self.order if r not in adjacent)

    @cached_property
    def background(self) -> str | None:
        """The closest starting background (``software_engineer``, ``data_analyst``,
        ``backend_engineer`` or ``academic``), or None when no background skill is present."""
        kn = knowledge()
        totals: dict[str, float] = {}
        hits: dict[str, float] = {}
        for row in kn.backgrounds:
            bid = row["background_id"]
            totals[bid] = totals.get(bid, 0.0) + row["weight"]
            hits[bid] = hits.get(bid, 0.0) + row["weight"] * float(
                self._covered[kn.skill_index[row["skill_id"]]]
            )
        shares = {b: hits[b] / totals[b] for b in totals}
        best = max(shares, key=shares.get, default=None)
        return best if best is not None and shares[best] > 0 else None

    def _plan_rows(self, role: str) -> tuple[list[dict], str | None]:
        kn = knowledge()
        covered = self._covered
        candidates = [r for r in kn.roadmaps if r["target_role"] == role]
        ids = sorted({r["roadmap_id"] for r in candidates})
        preferred = [
            i for i in ids if any(r["background"] == self.background for r in candidates
                                  if r["roadmap_id"] == i)
        ]
        roadmap_id = (preferred or ids or [None])[0]
        if roadmap_id is not None:
            rows = []
            for r in candidates:
                if r["roadmap_id"] != roadmap_id:
                    continue
                missing = tuple(s for s in r["skills"] if covered[kn.skill_index[s]] < 1)
                rows.append(
                    {
                        "step": r["step"],
                        "step_title": r["step_title"],
                        "action": r["action"],
                        "skills": r["skills"],
                        "missing": missing,
                        "covered": bool(r["skills"]) and not missing,
                    }
                )
            return rows, roadmap_id
        return self._generated_plan(role), None

    def _generated_plan(self, role: str) -> list[dict]:
        """A plan built from the gaps when the guide has no roadmap into ``role``."""
        kn = knowledge()
        by_id = kn.skill_by_id
        gaps = self._gain_rows(role)
        missing = {g["skill_id"] for g in gaps}
        ordered: list[str] = []
        for g in gaps:
            for s in (*reversed(kn.closure[g["skill_id"]]), g["skill_id"]):
                if s in missing and s not in ordered:
                    ordered.append(s)
        rows = []
        for step, (title, categories) in GENERATED_STEPS.items():
            for s in ordered:
                if by_id[s].category in categories:
                    rows.append(
                        {
                            "step": step,
                            "step_title": title,
                            "action": f"Learn {by_id[s].name}",
                            "skills": (s,),
                            "missing": (s,),
                            "covered": False,
                        }
                    )
        return rows

    # -- public tables ----------------------------------------------------------------------
    @property
    def ranking(self):
        """DataFrame indexed by ``role_id``, best-ranked first.

        Columns: ``title``, ``adjacent``, ``score`` (profile fit in [0, 1]), ``proba``
        (classifier probability), ``rank_score`` (what the order follows), ``matched``
        (profile skills covered, most important first), ``missing`` (the five missing
        skills with the largest gain), ``salary_min_usd``, ``salary_max_usd``,
        ``salary_open_ended`` (the guide's quoted US range).
        """
        import pandas as pd

        frame = pd.DataFrame(self._ranking_rows()).set_index("role_id")
        return frame.astype({"salary_min_usd": "Int64", "salary_max_usd": "Int64"})

    def explain(self, role: str):
        """Each covered skill's contribution to ``role``'s score (they sum to the score).

        Returns
        -------
        pandas.DataFrame
            Columns ``skill_id``, ``name``, ``category``, ``via`` (the input skills that
            bring it: the skill itself, or the skills that imply it), ``credit`` (1 for a
            listed skill, less for one that is only implied) and ``contribution`` (credit
            times the skill's share of the profile); largest contribution first.
        """
        import pandas as pd

        check_role(role)
        kn = knowledge()
        mats = matrices()
        weights = mats.weights[mats.role_ids.index(role)]
        rows = []
        for i in np.flatnonzero((weights > 0) & (self._covered > 0)):
            skill_id = mats.skill_ids[i]
            via = tuple(
                s for s in self.skills if s == skill_id or skill_id in kn.closure[s]
            )
            skill = kn.skill_by_id[skill_id]
            credit = float(self._covered[i])
            rows.append(
                (skill_id, skill.name, skill.category, via, credit, credit * float(weights[i]))
            )
        frame = pd.DataFrame(
            rows, columns=["skill_id", "name", "category", "via", "credit", "contribution"]
        )
        return frame.sort_values(
            ["contribution", "skill_id"], ascending=[False, True], ignore_index=True
        )

    def _gap_table(self, role: str) -> list[dict]:
        """Gain rows with their plan step and the market evidence (plain data)."""
        from rolefit.evidence import gap_evidence

        steps: dict[str, tuple[int, str]] = {}
        for row in self._plan_rows(role)[0]:
            for s in row["skills"]:
                steps.setdefault(s, (row["step"], row["step_title"]))
        evidence = gap_evidence(role)
        rows = []
        for g in self._gain_rows(role):
            step, title = steps.get(g["skill_id"], (None, None))
            ev = evidence.get(g["skill_id"], {})
            rows.append(
                {
                    **g,
                    "step": step,
                    "step_title": title,
                    "prevalence": ev.get("prevalence"),
                    "premium_usd": ev.get("premium_usd"),
                    "premium_pct": ev.get("premium_pct"),
                    "guide": bool(ev.get("guide", False)),
                    "rare": bool(ev.get("rare", False)),
                }
            )
        return rows

    def gaps(self, role: str | None = None, n: int | None = None):
        """Missing skills for ``role`` (default: the best target role), biggest gain first.

        Returns
        -------
        pandas.DataFrame
            Columns ``skill_id``, ``name``, ``category``, ``share`` (the skill's own share
            of the role profile), ``gain`` (how much the score would rise if it were learned,
            implied skills included), ``step`` and ``step_title`` (the plan step that covers
            it, missing when no step does), and the market evidence from job postings:
            ``prevalence`` (share of the role's postings asking for it; missing when too
            few postings could show it), ``premium_usd`` and ``premium_pct`` (median
            advertised salary of the role's postings with the skill minus those without;
            missing when too few postings carry a salary), ``guide`` (the guide names it
            for the role) and ``rare`` (in the profile but asked for by under 5% of the
            role's postings: flagged, not hidden).
        """
        import pandas as pd

        role = self.target if role is None else check_role(role)
        columns = ["skill_id", "name", "category", "share", "gain", "step", "step_title",
                   "prevalence", "premium_usd", "premium_pct", "guide", "rare"]
        frame = pd.DataFrame(self._gap_table(role), columns=columns)
        frame = frame.astype({"step": "Int64", "prevalence": "Float64",
                              "premium_usd": "Float64", "premium_pct": "Float64"})
        return frame if n is None else frame.head(n)

    def plan(self, role: str | None = None):
        """The transition roadmap into ``role`` (default: the best target role).

        The guide's roadmap into the role is used (preferring the one that starts from the
        person's :attr:`background`); for a role without one, a plan is generated from the
        gaps, prerequisites first.

        Returns
        -------
        pandas.DataFrame
            One row per action in order, with columns ``roadmap_id`` (missing for a
            generated plan), ``step``, ``step_title``, ``action``, ``skills``, ``missing``
            (the action's skills the person lacks) and ``covered`` (all of them present).
        """
        import pandas as pd

        role = self.target if role is None else check_role(role)
        rows, roadmap_id = self._plan_rows(role)
        frame = pd.DataFrame(
            rows, columns=["step", "step_title", "action", "skills", "missing", "covered"]
        )
        frame.insert(0, "roadmap_id", roadmap_id)
        return frame

    def questions(self, role: str | None = None):
        """Interview topics for ``role`` (default: the best target role), grouped by type.

        Returns
        -------
        pandas.DataFrame
            Columns ``type``, ``topic``, ``skills`` and ``prepared`` (share of the topic's
            skills the person has; missing when the topic names none), sorted by type.
        """
        from rolefit.profiles import interview_topics

        role = self.target if role is None else check_role(role)
        kn = knowledge()
        frame = interview_topics(role).drop(columns="role_id")
        frame["prepared"] = [
            float(np.mean([self._covered[kn.skill_index[s]] for s in skills]))
            if skills
            else float("nan")
            for skills in frame["skills"]
        ]
        return frame

    # -- output -----------------------------------------------------------------------------
    def to_dict(self, n_gaps: int = 10) -> dict:
        """A JSON-serialisable summary: skills, ranking and the best target role's gaps."""
        target = self.target
        return {
            "input": self.kind,
            "skills": self.skills,
            "implied": self.implied,
            "unknown": self.unknown,
            "corrections": self.corrections,
            "top": self.top,
            "ranking": [
                {**r, "matched": list(r["matched"]), "missing": list(r["missing"])}
                for r in self._ranking_rows()
            ],
            "target": target,
            "gaps": self._gap_table(target)[:n_gaps],
        }

    def to_json(self, **kwargs) -> str:
        """:meth:`to_dict` as a JSON string (keyword arguments go to ``json.dumps``)."""
        return json.dumps(self.to_dict(), **kwargs)

    def __repr__(self) -> str:
        lines = [f"RoleFit({len(self.skills)} skills, {len(self.unknown)} unknown)"]
        if self.learning:
            by_id = knowledge().skill_by_id
            lines.append(f"  learning: {', '.join(by_id[s].name for s in self.learning)}")
        for r in self._ranking_rows():
            mark = " (adjacent)" if r["adjacent"] else ""
            lines.append(f"  {r['score']:6.1%}  {r['title']}{mark}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        by_id = knowledge().skill_by_id
        head = (
            f"<p><b>Recognised:</b> {esc(', '.join(by_id[s].name for s in self.skills))}"
        )
        if self.unknown:
            head += f"<br><b>Not recognised:</b> {esc(', '.join(self.unknown))}"
        head += "</p>"
        body = []
        for r in self._ranking_rows():
            width = round(100 * r["score"])
            bar = (
                f'<div style="background:#0072B2;height:0.8em;width:{width}%"></div>'
            )
            title = esc(r["title"]) + (" <i>(adjacent)</i>" if r["adjacent"] else "")
            body.append(
                f"<tr><td>{title}</td><td>{r['score']:.1%}</td>"
                f'<td style="min-width:8em">{bar}</td>'
                f"<td>{esc(', '.join(by_id[s].name for s in r['matched']))}</td>"
                f"<td>{esc(', '.join(by_id[s].name for s in r['missing']))}</td></tr>"
            )
        return (
            f"<div>{head}<table><thead><tr><th>Role</th><th>Fit</th><th></th>"
            "<th>Matched</th><th>Learn next</th></tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>"
        )

    # -- charts -----------------------------------------------------------------------------
    def plot(self, ax=None, **kwargs):
        """Ranked bar chart of the scores; see :func:`rolefit.plot.fit_bars`."""
        from rolefit.plot import fit_bars

        return fit_bars(self, ax=ax, **kwargs)

    def plot_gaps(self, role: str | None = None, ax=None, n: int = 12, **kwargs):
        """Missing skills for ``role`` by gain; see :func:`rolefit.plot.gap_bars`."""
        from rolefit.plot import gap_bars

        return gap_bars(self, role, ax=ax, n=n, **kwargs)
