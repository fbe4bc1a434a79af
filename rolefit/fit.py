"""Score a person's skills against the roles: ranking, explanation, gaps, plan.

Each role gets one number, its **score**: the role model's log-odds points for the role,
``intercept[role] + sum of coef[role, skill] * coverage[skill]`` over the person's skills
(:func:`rolefit.classifier.role_scores`; weights learned from job postings, all >= 0).
``coverage`` is 1 for a skill the person has and partial credit for a skill only implied
by one (``PyTorch`` implies ``deep learning``; :data:`rolefit.profiles.IMPLIED_CREDIT`
per implying skill, at most full). The score orders the ranking and every view; it is
exactly the sum of the rows of :meth:`RoleFit.explain` (one per skill plus the role's
baseline); the gain of a missing skill (:meth:`RoleFit.gaps`) is the exact increase of
the score if the person learned it; ``proba`` (softmax of the scores) is the
probability, over the roles, that a posting asking for these skills is for that role.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from functools import cached_property

import numpy as np

from rolefit._data import knowledge
from rolefit._input import list_items
from rolefit.profiles import check_role, matrices
from rolefit.skills import (
    ParsedSkills,
    _check_text,
    check_count,
    extract_skills,
    is_missing_spelling,
    parse_skill_list,
    read_text,
    refuse_containers,
)

__all__ = ["NoSkillsError", "RoleFit", "score"]

TOP_MISSING = 5
#: Fewer recognised technical skills (soft skills do not count) than this is "not enough
#: signal": no top role, target, gaps or plan are given (:attr:`RoleFit.low_signal`).
MIN_TECHNICAL_SKILLS = 2
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
#: The verb of a generated plan action, by skill category.
ACTION_VERBS = {
    "language": "Learn the language",
    "statistics_math": "Study the maths",
    "ml_concept": "Study the ML concepts",
    "database": "Practise the databases",
    "software_engineering": "Practise the engineering",
    "ml_framework": "Build a project with",
    "data_library": "Analyse a real dataset with",
    "genai": "Build an LLM application with",
    "nlp": "Build an NLP project with",
    "cv": "Build a vision project with",
    "data_engineering": "Build a data pipeline with",
    "cloud": "Deploy it on",
    "mlops": "Ship a model to production with",
    "devops": "Automate it with",
    "bi_visualization": "Publish a dashboard with",
    "research": "Practise research",
    "soft_skill": "Show",
}


def _with_order_notes(rows: list[dict], moved_down: set[str]) -> list[dict]:
    """Add ``order_note`` to gain rows in advice order: why a row stands above one with a
    larger ``gain`` ("before <tool>", the tool that implies it) or was moved down out of
    the first rows (``moved_down``: a rare or soft skill); None elsewhere."""
    by_id = knowledge().skill_by_id
    position = {r["skill_id"]: k for k, r in enumerate(rows)}
    for k, r in enumerate(rows):
        note = None
        if position.get(r["needed_for"], -1) > k:  # (a rare idea may end up after its tool)
            note = f"before {by_id[r['needed_for']].name}"
        elif r["skill_id"] in moved_down:
            what = "rare" if r["rare"] else "soft skill"
            note = f"{what}: not in the top {TOP_MISSING}"
        r["order_note"] = note
    return rows


class NoSkillsError(ValueError):
    """The input held no recognisable skill, so no fit can be computed."""


def _read_input(skills_or_text) -> tuple[str, ParsedSkills]:
    if isinstance(skills_or_text, str):
        text = _check_text(skills_or_text)
        if not text.strip():
            raise NoSkillsError(f"the text is empty{' (only whitespace)' if text else ''}; "
                                "pass a resume text or a skill list")
        if is_missing_spelling(text):
            raise NoSkillsError(f"the text is only {text.strip()!r}, a spelling of a missing "
                                "value; pass a resume text or a skill list")
        listed = list_items(text, lines=False)  # "python, sql, pytroch": a skill list
        if listed is not None:
            return _read_input(listed)
        parsed = read_text(text)  # denied and learning skills apart
        if not parsed.skills:
            denied = extract_skills(skills_or_text, status="negated")
            if parsed.learning or denied:
                named = [f"being learned: {', '.join(parsed.learning)}"] if parsed.learning else []
                named += [f"denied: {', '.join(denied)}"] if denied else []
                raise NoSkillsError(
                    f"no skill in the text is held; it names only skills {'; '.join(named)} "
                    "(see rolefit.find_skills(text) for the cue of each)"
                )
            raise NoSkillsError(
                f"no known skill was found in the text ({len(skills_or_text):,} characters); "
                "pass a skill list, or see rolefit.skills() for what is recognised"
            )
        return "text", parsed
    if isinstance(skills_or_text, bytes | bytearray):
        raise TypeError("got bytes: decode the text first (for example data.decode('utf-8'))")
    refuse_containers(skills_or_text, "score",
                      "one person's skill list or text (rolefit.score_many(df[\"skills\"]) "
                      "scores a column)",
                      "a list of skill names (list(d) for its keys) or a text")
    if skills_or_text is None or not isinstance(skills_or_text, Iterable):
        raise TypeError(
            "expected a skill list (list, tuple, set, Series of strings) or a text string, "
            f"got {type(skills_or_text).__name__}"
        )
    items = skills_or_text
    items = sorted(items, key=str) if isinstance(items, set | frozenset) else list(items)
    parsed = parse_skill_list(items)
    if not parsed.skills:
        if parsed.learning and not parsed.unknown:
            raise NoSkillsError(
                "no skill in the list is held: the items name only skills being learned "
                f"({', '.join(parsed.learning)}) or denied"
            )
        if not any(item.strip() for item in items):  # (parse_skill_list checked the types)
            raise NoSkillsError("the skill list is empty"
                                + (" (its items are blank)" if items else ""))
        if not parsed.unknown:
            raise NoSkillsError("the skill list names only denied skills")
        hints = "; ".join(
            f"{name!r}" + (f" (did you mean {', '.join(s)}?)" if s else "")
            for name, s in parsed.unknown.items()
        )
        raise NoSkillsError(f"none of the skills was recognised: {hints}")
    return "list", parsed


def score(skills_or_text, *, model=None) -> RoleFit:
    """Score a skill list or a resume text against every role.

    Each role gets one number, ``score``: the role model's log-odds points, which orders
    the ranking and is explained exactly by :meth:`RoleFit.explain`; ``proba`` is the
    probability it implies (softmax over the roles).

    Parameters
    ----------
    skills_or_text : list of str or str
        A skill list (any iterable of strings, e.g. a list or a pandas Series) is read
        forgivingly (aliases, case, plurals, typos corrected and reported in
        :attr:`RoleFit.corrections`, unrecognised items reported in
        :attr:`RoleFit.unknown`). A one-line string that looks like a skill list is read
        as one, by the rule ``rolefit score-file`` applies to a cell: items separated by
        ``;``, ``|`` or ``,`` (the first of these found), each of at most 4 words and none
        a sentence (``.``, ``!`` or ``?`` before a space or at the end), or a lone item of
        at most 3 words (``"python, sql, pytroch"``, ``"k8s"``). Any other string (a
        resume, any text of several lines, a sentence) is free text, read precisely
        (denied skills do not count, skills being learned are listed apart in
        :attr:`RoleFit.learning`).
    model : None, str, path or rolefit.classifier.LinearModel, optional
        The role model: None for the shipped one, or the path of a model saved by
        ``rolefit train``.

    Returns
    -------
    RoleFit

    Raises
    ------
    NoSkillsError
        A ``ValueError`` raised when nothing in the input is a known skill; its message
        says why: an empty input (a text that is empty or only whitespace, a list without
        an item that is not blank), a text that is only a spelling of a missing value
        (``"None"``, ``"NA"``, ``"N/A"``, ``"null"``, ``"-"``; :func:`rolefit.score_many`
        reads all of these as missing rows), a list whose items are all unknown (named,
        with suggestions), or only denied or learned skills.
    TypeError
        When the input, or an item of a skill list, is not text; for a DataFrame or a dict
        (which iterate over their column names or keys).

    Examples
    --------
    >>> import rolefit
    >>> fit = rolefit.score(["Python", "PyTorch", "Docker", "SQL", "k8s"])
    >>> fit.top
    'ml_engineer'
    >>> fit.skills
    ['docker', 'kubernetes', 'python', 'pytorch', 'sql']
    >>> bool(fit.explain("ml_engineer")["contribution"].sum().round(9)
    ...      == round(fit.ranking.loc["ml_engineer", "score"], 9))
    True
    """
    if model is False:
        raise TypeError("model=False is no longer supported: the role model is the score")
    kind, parsed = _read_input(skills_or_text)
    return RoleFit(parsed, kind, model=model)


def _is_technical(skill_id: str) -> bool:
    return knowledge().skill_by_id[skill_id].category != "soft_skill"


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
        Skill-list items read as a skill after a typo fix, or after dropping a control or
        invisible character (``"pyt\\x00hon"``), mapped to that skill id.
    learning : tuple of str
        Ids a text says the person is learning (not counted in ``skills``), sorted.
    denied : tuple of str
        Ids the input only denies ("no Kubernetes experience", "never used Spark"; not
        counted), sorted: shown so that a misreading can be seen.
    scores : dict
        The score of each role (log-odds points, >= 0; explained by :meth:`explain`).
    proba : dict
        The probability of each role implied by the scores (they sum to 1).
    low_signal : bool
        Fewer than :data:`MIN_TECHNICAL_SKILLS` technical skills were recognised: the
        scores are shown, but no top role, target, gaps or plan are given.
    top : str or None
        The best-scored role id (None when :attr:`low_signal`).
    """

    def __init__(self, parsed: ParsedSkills, kind: str = "list", model=None):
        from rolefit.classifier import role_weights

        self.kind = kind
        self.skills = sorted(parsed.skills)
        self.unknown = dict(parsed.unknown)
        self.corrections = dict(parsed.corrections)
        self.learning = tuple(parsed.learning)
        self.denied = tuple(parsed.denied)
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
        self._coef, self._intercept = role_weights(model)  # read-only, shared
        n_roles = len(mats.role_ids)
        values = self._intercept + self._coef @ self._covered
        known = ~np.isnan(values)
        proba = np.zeros(n_roles)
        proba[known] = np.exp(values[known] - values[known].max())
        proba /= proba.sum()
        self.scores = dict(zip(mats.role_ids, values.tolist(), strict=True))
        self.proba = dict(zip(mats.role_ids, proba.tolist(), strict=True))
        order = sorted(range(n_roles), key=lambda i: (not known[i], -np.nan_to_num(values[i])))
        self.order = [mats.role_ids[i] for i in order]
        self.n_technical = sum(_is_technical(s) for s in self.skills)
        self.low_signal = self.n_technical < MIN_TECHNICAL_SKILLS
        self.top = None if self.low_signal else self.order[0]

    # -- plain-data core (no pandas), shared by the DataFrames, the CLI and to_dict --------
    def _role_row(self, role: str) -> int:
        return matrices().role_ids.index(role)

    def _gain_rows(self, role: str, candidates=None) -> list[dict]:
        """Missing skills of ``role`` with their exact gain, in advice order (see gaps);
        only those among ``candidates`` (skill ids) when given (a posting's skills)."""
        from rolefit.evidence import RARE_SHARE, gap_evidence

        mats = matrices()
        kn = knowledge()
        by_id = kn.skill_by_id
        weights = self._coef[self._role_row(role)]
        evidence = gap_evidence(role)
        wanted = weights > 0
        if candidates is not None:
            chosen = np.zeros(len(weights), dtype=bool)
            chosen[[kn.skill_index[s] for s in candidates]] = True
            wanted &= chosen
        missing = np.flatnonzero(wanted & (self._covered == 0))
        # learning skill s adds row s of the credit matrix; the score gain is exact
        after = np.minimum(self._credit[None, :] + mats.implication[missing], 1.0)
        gains = (after - self._covered[None, :]) @ weights
        learning = set(self.learning)
        rows = []
        for i, gain in zip(missing, gains, strict=True):
            skill_id = mats.skill_ids[i]
            ev = evidence.get(skill_id, {})
            share = ev.get("prevalence")
            rows.append(
                {
                    "skill_id": skill_id,
                    "name": by_id[skill_id].name,
                    "category": by_id[skill_id].category,
                    "gain": float(weights[i]),
                    "implied_gain": float(gain - weights[i]),
                    "prevalence": share,
                    "rare": share is not None and share < RARE_SHARE,
                    "learning": skill_id in learning,
                    "needed_for": None,
                }
            )
        rows = [r for r in rows if r["gain"] > 1e-9]
        rows.sort(key=lambda r: (-round(r["gain"], 12), -r["implied_gain"], r["skill_id"]))
        # a skill comes right after the missing skills it implies (the idea before the tool)
        placed: list[dict] = []
        pending = {r["skill_id"]: r for r in rows}
        for r in rows:
            if r["skill_id"] not in pending:
                continue
            # an implied skill's own closure is smaller than the skills implying it
            for implied in sorted(kn.closure[r["skill_id"]], key=lambda t: len(kn.closure[t])):
                if implied in pending and implied != r["skill_id"]:
                    placed.append({**pending.pop(implied), "needed_for": r["skill_id"]})
            placed.append(pending.pop(r["skill_id"]))
        # rarely asked-for skills and soft skills stay out of the first TOP_MISSING rows
        # while other gaps are left
        position = {r["skill_id"]: k for k, r in enumerate(placed)}
        first = [r for r in placed if not (r["rare"] or r["category"] == "soft_skill")]
        rest = [r for r in placed if r not in first[:TOP_MISSING]]
        ordered = first[:TOP_MISSING] + sorted(rest, key=lambda r: position[r["skill_id"]])
        # the rare and soft skills that the rule put below the first rows
        last = position[first[TOP_MISSING - 1]["skill_id"]] if len(first) >= TOP_MISSING else -1
        moved_down = {
            r["skill_id"] for r in rest if r not in first and position[r["skill_id"]] < last
        }
        return _with_order_notes(ordered, moved_down)

    def _ranking_rows(self) -> list[dict]:
        mats = matrices()
        roles = {r.id: r for r in knowledge().roles}
        rows = []
        for role_id in self.order:
            weights = self._coef[self._role_row(role_id)]
            terms = weights * self._covered
            matched = sorted(np.flatnonzero(terms > 0),
                             key=lambda i: (-terms[i], mats.skill_ids[i]))
            role = roles[role_id]
            value = self.scores[role_id]
            rows.append(
                {
                    "role_id": role_id,
                    "title": role.title,
                    "adjacent": role.adjacent,
                    "score": None if np.isnan(value) else float(value),
                    "proba": float(self.proba[role_id]),
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
    def target(self) -> str | None:
        """The best-scored of the five target roles (adjacent roles excluded), or None
        when :attr:`low_signal`."""
        if self.low_signal:
            return None
        adjacent = {r.id for r in knowledge().roles if r.adjacent}
        return next(r for r in self.order if r not in adjacent)

    def _role_or_target(self, role: str | None) -> str:
        if role is not None:
            return check_role(role)
        if self.low_signal:
            raise ValueError(
                f"not enough signal: {self.n_technical} technical skill(s) recognised, at "
                f"least {MIN_TECHNICAL_SKILLS} are needed to pick a target role; pass role= "
                "to see the gaps of a role anyway"
            )
        return self.target

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
                missing = tuple(s for s in r["skills"] if covered[kn.skill_index[s]] == 0)
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

    def _plan_source(self, role: str) -> str:
        """Where the plan into ``role`` comes from, in the words of every plan header (the
        CLI's, the report's): the shipped roadmap from the person's :attr:`background`,
        the closest shipped roadmap when the only ones into the role start elsewhere, or
        a plan built from the gaps."""
        roadmap_id = self._plan_rows(role)[1]
        if roadmap_id is None:
            return "built from your gaps: no shipped roadmap leads here"
        start = next(r["background"] for r in knowledge().roadmaps
                     if r["roadmap_id"] == roadmap_id)
        closest = "" if start == self.background else "closest "
        return f"{closest}shipped roadmap: {roadmap_id.replace('_', ' ')}"

    def _generated_plan(self, role: str, n_gaps: int = 12) -> list[dict]:
        """A plan built from the first ``n_gaps`` gaps when the guide has no roadmap into
        ``role``: one named action per skill category within each step (at most three
        steps), prerequisites first."""
        by_id = knowledge().skill_by_id
        gaps = self._gain_rows(role)[:n_gaps]
        rows = []
        for step, (title, categories) in GENERATED_STEPS.items():
            groups: dict[str, list[str]] = {}
            for g in gaps:
                if g["category"] in categories:
                    groups.setdefault(g["category"], []).append(g["skill_id"])
            for category, ids in groups.items():
                names = [by_id[s].name for s in ids]
                rows.append(
                    {
                        "step": step,
                        "step_title": title,
                        "action": f"{ACTION_VERBS.get(category, 'Learn')}: "
                        + ", ".join(names),
                        "skills": tuple(ids),
                        "missing": tuple(ids),
                        "covered": False,
                    }
                )
        return rows

    # -- public tables ----------------------------------------------------------------------
    @property
    def ranking(self):
        """DataFrame indexed by ``role_id``, highest score first.

        Columns: ``title``, ``adjacent``, ``score`` (the role's log-odds points; what the
        order follows and :meth:`explain` adds up), ``proba`` (the probability implied by
        the scores), ``matched`` (skills that add to the score, largest term first),
        ``missing`` (the first five gaps of :meth:`gaps`), ``salary_min_usd``,
        ``salary_max_usd``, ``salary_open_ended`` (the guide's quoted US range).
        """
        import pandas as pd

        frame = pd.DataFrame(self._ranking_rows()).set_index("role_id")
        return frame.astype({"score": "float64", "salary_min_usd": "Int64",
                             "salary_max_usd": "Int64"})

    def explain(self, role: str):
        """Each term of ``role``'s score: they add up to the score exactly.

        Returns
        -------
        pandas.DataFrame
            One row per covered skill that counts for the role, then a ``baseline`` row
            (the role's intercept, the same for everybody), with columns ``skill_id``,
            ``name``, ``category``, ``via`` (the input skills that bring it: the skill
            itself, or the skills that imply it), ``credit`` (1 for a listed skill, less
            for one that is only implied), ``weight`` (the role model's weight of the
            skill) and ``contribution`` (credit times weight); largest contribution first,
            the baseline last.
        """
        import pandas as pd

        role = check_role(role)
        kn = knowledge()
        mats = matrices()
        i_role = self._role_row(role)
        weights = self._coef[i_role]
        rows = []
        for i in np.flatnonzero((weights > 0) & (self._covered > 0)):
            skill_id = mats.skill_ids[i]
            via = tuple(
                s for s in self.skills if s == skill_id or skill_id in kn.closure[s]
            )
            skill = kn.skill_by_id[skill_id]
            credit = float(self._covered[i])
            rows.append((skill_id, skill.name, skill.category, via, credit,
                         float(weights[i]), credit * float(weights[i])))
        columns = ["skill_id", "name", "category", "via", "credit", "weight", "contribution"]
        frame = pd.DataFrame(rows, columns=columns).sort_values(
            ["contribution", "skill_id"], ascending=[False, True], ignore_index=True
        )
        baseline = pd.DataFrame(
            [("(baseline)", "Role baseline", "", (), 1.0, float(self._intercept[i_role]),
              float(self._intercept[i_role]))], columns=columns,
        )
        return pd.concat([frame, baseline], ignore_index=True) if len(frame) else baseline

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
                    "premium_usd": ev.get("premium_usd"),
                    "premium_pct": ev.get("premium_pct"),
                    "guide": bool(ev.get("guide", False)),
                }
            )
        return rows

    def gaps(self, role: str | None = None, n: int | None = None):
        """Missing skills for ``role`` (default: the best target role), in advice order.

        Ordered by ``gain``, the rise of the role's score that the skill brings by itself
        (its weight in the role model, pulled towards how often the role's postings ask for
        it), with two rules: a skill comes right after the missing skills it implies (the
        idea before the tool, so implied credit never lifts a tool above them; those rows
        name the tool in ``needed_for``), and neither a skill asked for by fewer than 5% of
        the role's postings (``rare``) nor a soft skill is among the first five rows while
        other gaps are left. Skills the person listed or that a listed skill implies are
        never gaps.

        Returns
        -------
        pandas.DataFrame
            Columns ``skill_id``, ``name``, ``category``, ``gain``, ``implied_gain`` (the
            further rise from the credit it gives to skills it implies; ``gain +
            implied_gain`` is the exact rise of the score if it were learned alone),
            ``prevalence`` (share of the role's postings asking for it;
            missing when too few postings could show it), ``rare``, ``learning`` (a text
            said the person is learning it), ``needed_for`` (the gap it was moved ahead of,
            because that skill implies it), ``order_note`` (why the row is out of ``gain``
            order: "before <tool>", or a rare or soft skill kept out of the first five;
            missing where ``gain`` order holds), ``step`` and ``step_title`` (the plan step
            that covers it, missing when no step does), ``premium_usd`` and
            ``premium_pct`` (median advertised salary of the role's postings with the
            skill minus those without; missing when too few postings carry a salary) and
            ``guide`` (the guide names it for the role).

        Raises
        ------
        ValueError
            With no ``role`` when :attr:`low_signal` (there is no target to aim at), or
            ``n`` below 0.
        TypeError
            When ``n`` is neither None (every gap) nor a whole number.
        """
        import pandas as pd

        n = check_count(n, "n", none=True)
        role = self._role_or_target(role)
        columns = ["skill_id", "name", "category", "gain", "implied_gain", "prevalence", "rare",
                   "learning", "needed_for", "order_note", "step", "step_title", "premium_usd",
                   "premium_pct", "guide"]
        frame = pd.DataFrame(self._gap_table(role), columns=columns)
        frame = frame.astype({"step": "Int64", "prevalence": "Float64",
                              "premium_usd": "Float64", "premium_pct": "Float64"})
        return frame if n is None else frame.head(n)

    def plan(self, role: str | None = None):
        """The transition roadmap into ``role`` (default: the best target role).

        The guide's roadmap into the role is used (preferring the one that starts from the
        person's :attr:`background`; when none does, the CLI and the report call it the
        closest shipped roadmap); for a role without one, a plan is generated from the
        first gaps: at most three steps (foundations, core tools, practice), each with one
        named action per skill category.

        Returns
        -------
        pandas.DataFrame
            One row per action in order, with columns ``roadmap_id`` (missing for a
            generated plan), ``step``, ``step_title``, ``action``, ``skills``, ``missing``
            (the action's skills the person lacks: neither listed nor implied, as in
            :meth:`gaps`) and ``covered`` (none of them missing).

        Raises
        ------
        ValueError
            With no ``role`` when :attr:`low_signal`.
        """
        import pandas as pd

        role = self._role_or_target(role)
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

        role = self._role_or_target(role)
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
    def signal_note(self) -> str | None:
        """One line saying why no target is given, or None when there is enough signal."""
        if not self.low_signal:
            return None
        return (
            f"Not enough signal: {self.n_technical} technical skill(s) recognised "
            f"(at least {MIN_TECHNICAL_SKILLS} are needed), so no target role, gaps or plan."
        )

    def learning_note(self) -> str | None:
        """What to say after "Learning:" about the skills a text says are being learned,
        or None when there are none: not counted as held, except through held skills that
        imply them (then they count as implied, like any implied skill)."""
        if not self.learning:
            return None
        by_id = knowledge().skill_by_id
        parts = []
        for implied, how in ((False, "not counted"),
                             (True, "counted only as implied by your held skills")):
            ids = [s for s in self.learning if (s in self.implied) == implied]
            if ids:
                parts.append(f"{', '.join(by_id[s].name for s in ids)} ({how})")
        return "; ".join(parts)

    def to_dict(self, n_gaps: int = 10) -> dict:
        """A JSON-serialisable summary: skills, ranking and the first ``n_gaps`` gaps of the
        best target role (None: all of them)."""
        n_gaps = check_count(n_gaps, "n_gaps", none=True)
        target = self.target
        return {
            "input": self.kind,
            "skills": self.skills,
            "implied": self.implied,
            "learning": list(self.learning),
            "denied": list(self.denied),
            "unknown": self.unknown,
            "corrections": self.corrections,
            "low_signal": self.low_signal,
            "top": self.top,
            "ranking": [
                {**r, "matched": list(r["matched"]), "missing": list(r["missing"])}
                for r in self._ranking_rows()
            ],
            "target": target,
            "gaps": [] if target is None else self._gap_table(target)[:n_gaps],
        }

    def to_json(self, **kwargs) -> str:
        """:meth:`to_dict` as a JSON string (keyword arguments go to ``json.dumps``)."""
        return json.dumps(self.to_dict(), **kwargs)

    def __repr__(self) -> str:
        lines = [f"RoleFit({len(self.skills)} skills, {len(self.unknown)} unknown)"]
        by_id = knowledge().skill_by_id
        for label, ids in (("learning", self.learning), ("denied", self.denied)):
            if ids:
                lines.append(f"  {label}: {', '.join(by_id[s].name for s in ids)}")
        if self.low_signal:
            lines.append(f"  {self.signal_note()}")
        lines.append("  score  proba  role")
        for r in self._ranking_rows():
            mark = " (adjacent)" if r["adjacent"] else ""
            value = "   n/a" if r["score"] is None else f"{r['score']:6.2f}"
            lines.append(f"  {value} {r['proba']:6.1%}  {r['title']}{mark}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        by_id = knowledge().skill_by_id
        head = (
            f"<p><b>Recognised:</b> {esc(', '.join(by_id[s].name for s in self.skills))}"
        )
        if self.unknown:
            head += f"<br><b>Not recognised:</b> {esc(', '.join(self.unknown))}"
        if self.learning:
            head += f"<br><b>Learning:</b> {esc(', '.join(by_id[s].name for s in self.learning))}"
        if self.denied:
            names = esc(", ".join(by_id[s].name for s in self.denied))
            head += f"<br><b>Denied (not counted):</b> {names}"
        if self.low_signal:
            head += f"<br><b>{esc(self.signal_note())}</b>"
        head += "</p>"
        rows = self._ranking_rows()
        best = max((r["score"] or 0.0) for r in rows) or 1.0
        body = []
        for r in rows:
            width = round(100 * (r["score"] or 0.0) / best)
            bar = f'<div style="background:#0072B2;height:0.8em;width:{width}%"></div>'
            title = esc(r["title"]) + (" <i>(adjacent)</i>" if r["adjacent"] else "")
            value = "n/a" if r["score"] is None else f"{r['score']:.2f}"
            missing = "" if self.low_signal else esc(
                ", ".join(by_id[s].name for s in r["missing"]))
            body.append(
                f"<tr><td>{title}</td><td>{value}</td><td>{r['proba']:.0%}</td>"
                f'<td style="min-width:8em">{bar}</td>'
                f"<td>{esc(', '.join(by_id[s].name for s in r['matched']))}</td>"
                f"<td>{missing}</td></tr>"
            )
        return (
            f"<div>{head}<table><thead><tr><th>Role</th><th>Score</th><th>Probability</th>"
            "<th></th><th>Matched</th><th>Learn next</th></tr></thead>"
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
