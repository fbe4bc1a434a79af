"""The evaluation report as Markdown (what ``rolefit evaluate`` prints and
``docs/evaluation.md`` holds)."""

from __future__ import annotations

import pandas as pd

from rolefit.build.evaluation import HEADLINE, SPLITS, EvaluationReport

__all__ = ["to_markdown"]


def _md_table(header, rows) -> list[str]:
    """A pipe table (tabulate); cells are printed as given (``disable_numparse``)."""
    table = pd.DataFrame(rows, columns=header).to_markdown(index=False, disable_numparse=True)
    return table.splitlines()


TARGETS = {
    "top2": 0.75,
    "text_balanced_top1": 0.70,
    "role_recall": 0.30,
}


def _yes(ok: bool) -> str:
    return "yes" if ok else "no"


def _targets(r: EvaluationReport) -> list[str]:
    sk, tx = r.results["skills"]["rolefit"], r.results["text"]["rolefit"]
    ms, mt = r.margins["skills"], r.margins["text"]
    low = {role: v for kind in ("skills", "text")
           for role, v in r.results[kind]["rolefit"]["recall"].items()
           if v < TARGETS["role_recall"]}
    rows = [
        ["skill lists: balanced top-1 above the class-balanced logistic baseline, 95% "
         "interval of the margin above zero",
         f"{ms['model']:.3f} vs {ms['baseline']:.3f}: margin {ms['estimate']:+.3f} "
         f"(95% {ms['low']:+.3f} to {ms['high']:+.3f})", _yes(ms["low"] > 0)],
        [f"skill lists: top-2 at least {TARGETS['top2']}", f"{sk['top2']:.3f} (n = {sk['n']})",
         _yes(sk["top2"] >= TARGETS["top2"])],
        [f"text: balanced top-1 at least {TARGETS['text_balanced_top1']}",
         f"{mt['model']:.3f} (95% {mt['model_low']:.3f} to {mt['model_high']:.3f}; "
         f"n = {tx['n']}, {len(tx['support'])} roles)",
         _yes(mt["model"] >= TARGETS["text_balanced_top1"])],
        [f"every role's recall at least {TARGETS['role_recall']} (roles with test postings)",
         "below: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(low.items()))
         if low else "all reach it", _yes(not low)],
    ]
    return _md_table(["target (headline split)", "measured", "met"], rows)


def _split_section(r: EvaluationReport, name: str) -> list[str]:
    split = r.splits[name]
    info = split["info"]
    lines = [
        f"## Split: {name}{' (headline)' if name == HEADLINE else ''}",
        "",
        f"{SPLITS[name][0].upper()}{SPLITS[name][1:]}.",
        f"Fitted on {info['train_postings']} postings of {info['train_companies']} "
        f"companies; tested on {info['test_postings']} postings of "
        f"{info['test_companies']} held-out companies"
        + (f" (date cutoffs {info['cutoffs']})" if "cutoffs" in info else "") + ".",
        f"Test postings per role: {info['test_roles']}.",
        "",
    ]
    for kind, models in split["results"].items():
        lines += [f"### {'Skill-list' if kind == 'skills' else 'Text'} input", ""]
        lines += _md_table(
            ["model", "n", "balanced top-1", "top-1", "top-2", "balanced top-2", "MRR",
             "Brier", "ECE"],
            [[n, m["n"], f"{m['balanced_top1']:.3f}", f"{m['top1']:.3f}", f"{m['top2']:.3f}",
              f"{m['balanced_top2']:.3f}", f"{m['mrr']:.3f}", f"{m['brier']:.3f}",
              f"{m['ece']:.3f}"] for n, m in models.items()],
        )
        margin = split["margins"][kind]
        lines += [
            "",
            f"rolefit balanced top-1 **{margin['model']:.3f}** (95% interval "
            f"{margin['model_low']:.3f} to {margin['model_high']:.3f}); margin over the "
            f"class-balanced logistic baseline **{margin['estimate']:+.3f}** "
            f"({margin['low']:+.3f} to {margin['high']:+.3f}). Intervals: bootstrap over "
            f"the {margin['groups']} held-out companies ({margin['resamples']} resamples).",
            "",
            "Recall per role (support):",
            "",
        ]
        names = [n for n in ("rolefit", "logistic_balanced", "logistic_plain") if n in models]
        support = models["rolefit"]["support"]
        lines += _md_table(
            ["role", "support", *names],
            [[role, support[role], *(f"{models[n]['recall'][role]:.3f}" for n in names)]
             for role in support],
        )
        conf = models["rolefit"]["confusion"]
        present = [i for i, row in enumerate(conf) if sum(row)]
        lines += ["", "Confusion matrix of rolefit (rows: true role, columns: predicted):",
                  ""]
        lines += _md_table(["true \\ predicted", *r.classes],
                           [[r.classes[i], *conf[i]] for i in present])
        rel = models["rolefit"]["reliability"]
        lines += ["", "Reliability of rolefit's probabilities (top-label):", ""]
        lines += _md_table(
            ["confidence bin", "n", "mean confidence", "share correct"],
            [[f"{lo:.1f}-{hi:.1f}", n, f"{c:.3f}", f"{a:.3f}"] for lo, hi, n, c, a in zip(
                rel["lower"], rel["upper"], rel["count"], rel["confidence"], rel["accuracy"],
                strict=True) if n],
        )
        lines.append("")
    return lines


def to_markdown(r: EvaluationReport, command: str | None = None) -> str:
    """The whole report as Markdown.

    Parameters
    ----------
    r : EvaluationReport
    command : str, optional
        The command line that produced it (written at the top).
    """
    command = command or "python -m rolefit.build evaluate --datasets ../shared/datasets"
    # the Markdown below is generated; docs/evaluation.md appends a hand-written section
    lines = [
        "# rolefit evaluation on held-out job postings",
        "",
        f"Generated by `{command}` on {r.date}. Data versions (sha256): "
        + "; ".join(f"{k} `{v[:12]}`" for k, v in sorted(r.versions.items())) + ".",
        "",
        f"Role-model settings: {r.params}.",
        "",
        "## Protocol",
        "",
        "- Models, fitted on the same training rows: `rolefit` (the role model behind",
        "  `rolefit.score`: non-negative weights per role and skill pulled towards the",
        "  roles' skill demand; its probabilities are the softmax of the score, so it ranks",
        "  exactly as the score does), `logistic_balanced` (scikit-learn",
        "  `LogisticRegression(class_weight=\"balanced\")` on one-hot skills, C chosen by",
        "  the same grouped CV: the honest competitor for a balanced metric),",
        "  `logistic_plain` (`LogisticRegression()`) and `majority`.",
        "- Skill-list input: data_jobs skill lists and Built In board tags. Text input:",
        "  Built In descriptions with the title removed, read by `rolefit.extract_skills`.",
        "- Balanced top-1 = mean recall over the roles present; top-2 and MRR over all rows.",
        "- Settings were chosen by grouped (company) 3-fold CV on the headline split's",
        "  training part (table at the end), by the mean of the CV balanced top-1 on skill",
        "  lists and on texts, before the test figures were computed.",
        "",
        "## Targets",
        "",
        *_targets(r),
        "",
    ]
    for name in r.splits:
        lines += _split_section(r, name)
    c = r.ceiling
    if c:
        jobs = c["data_jobs_lists"]
        overlap = c["ml_framework_postings"]
        spec = c["text_specialist"]
        lines += [
            "## What the data can support",
            "",
            f"- Label overlap: {jobs['rows_sharing_vector_with_other_role']:.1%} of data_jobs "
            "postings share their exact skill set with a posting of another role. Of the "
            f"{overlap['n']} data_jobs postings asking for PyTorch or TensorFlow, "
            + ", ".join(f"{v:.1%} are {k}" for k, v in overlap["roles"].items())
            + ": ML skills alone cannot separate Data Scientist, ML Engineer and Research "
            "Scientist titles.",
            f"- Duplicate-vector ceiling: predicting the best label for each of the "
            f"{jobs['distinct_vectors']} distinct skill sets, in-sample, reaches top-1 "
            f"{jobs['top1']:.3f} and balanced top-1 {jobs['balanced_top1']:.3f} (a loose upper "
            "bound: most skill sets occur once).",
            f"- In-sample: scored on its own training rows, rolefit reaches balanced top-1 "
            f"{c['in_sample_balanced_top1']:.3f} (held out: "
            f"{r.results['skills']['rolefit']['balanced_top1']:.3f} on skill lists).",
        ]
    if c and spec:
        lines += [
            f"- Text ceiling: a specialist fitted on Built In descriptions alone, choosing only "
            f"among the {len(spec['support'])} Built In roles, reaches balanced top-1 "
            f"{spec['balanced_top1']:.3f} in grouped 5-fold CV on the training split (best C "
            f"= {spec['C']} of five, which flatters it; n = {spec['n']}; recall "
            + ", ".join(f"{k} {v:.2f} ({spec['support'][k]})"
                        for k, v in spec["recall"].items()) + ").",
        ]
    if c:
        lines.append("")
    if r.tuning:
        lines += ["## Parameter choice (grouped 3-fold CV on the headline training split)", ""]
        lines += _md_table(
            ["model", "lam", "prior scale", "guide blend", "C",
             "CV balanced top-1 (skills)", "CV top-2 (skills)", "CV balanced top-1 (text)"],
            [[t["model"], *("-" if t[k] is None else t[k]
                            for k in ("lam", "prior_scale", "guide_blend", "C")),
              f"{t['cv_skills_balanced_top1']:.3f}", f"{t['cv_skills_top2']:.3f}",
              f"{t['cv_text_balanced_top1']:.3f}"] for t in r.tuning],
        )
        lines.append("")
    return "\n".join(lines)
