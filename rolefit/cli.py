"""Command line: ``rolefit score|gaps|roles|demo``.

User mistakes (unreadable files, unknown roles, nothing recognisable) exit with status 2
and one line on stderr; results go to stdout, as text or as JSON with ``--json``. Only the
modules a command needs are imported, so a single score starts quickly.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from rolefit._config import READERS, config_context
from rolefit._input import MAX_FILE_BYTES, UsageError, read_text, source_name

__all__ = ["MAX_FILE_BYTES", "UsageError", "build_parser", "main", "read_text"]

#: Gaps ``rolefit gaps`` and ``rolefit demo`` print unless told otherwise (``--top N``,
#: ``--all``; ``--json`` lists all).
N_GAPS_SHOWN = 8
#: Longer skill names are cut to this many characters, ending in an ellipsis, in tables.
NAME_WIDTH = 40


def _input(args):
    if args.skills is not None:
        if args.input is not None:
            raise UsageError("give either a file (or -) or --skills, not both")
        return [s.strip() for s in args.skills.split(",") if s.strip()]
    if args.input is None:
        raise UsageError("nothing to score: give a resume file, - for stdin, or --skills")
    return read_text(args.input)


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def _clip(text: str, width: int = NAME_WIDTH) -> str:
    """``text`` cut to ``width`` characters, the last one an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _salary(row) -> str:
    if row["salary_min_usd"] is None:
        return "-"
    top = f"{row['salary_max_usd'] // 1000}K" + ("+" if row["salary_open_ended"] else "")
    return f"${row['salary_min_usd'] // 1000}K-{top}"


def _names(ids, limit=None) -> str:
    from rolefit._data import knowledge

    by_id = knowledge().skill_by_id
    ids = list(ids)[:limit] if limit else list(ids)
    return ", ".join(by_id[i].name for i in ids) or "-"


def _notes(fit) -> None:
    for item, skill in fit.corrections.items():
        print(f"rolefit: read {item!r} as {_names([skill])}", file=sys.stderr)
    for item, hints in fit.unknown.items():
        hint = f" (did you mean: {_names(hints)}?)" if hints else ""
        print(f"rolefit: not recognised: {item!r}{hint}", file=sys.stderr)


def _print_ranking(fit, top) -> None:
    rows = fit._ranking_rows()[:top]
    print(f"Skills recognised ({len(fit.skills)}): {_names(fit.skills)}")
    if fit.implied:
        print(f"Implied: {_names(fit.implied)}")
    if fit.learning:
        print(f"Learning: {fit.learning_note()}")
    if fit.denied:
        print(f"Denied: {_names(fit.denied)} (not counted)")
    if fit.low_signal:
        print(fit.signal_note())
    print()
    print(
        _table(
            [
                [
                    r["title"] + (" *" if r["adjacent"] else ""),
                    "n/a" if r["score"] is None else f"{r['score']:.2f}",
                    f"{r['proba']:.0%}",
                    _salary(r),
                    "" if fit.low_signal else _names(r["missing"], 3),
                ]
                for r in rows
            ],
            ["role", "score", "probability", "guide salary (US)", "learn next"],
        )
    )
    print("score: the role model's points for your skills (roles are ranked by it; "
          "`rolefit explain` lists its terms); probability: the same scores as "
          "chances over the roles")
    if any(r["adjacent"] for r in rows):
        print("* adjacent role: a common starting point rather than a target")


def _print_gaps(fit, role, top=N_GAPS_SHOWN) -> None:
    """The first ``top`` gaps of ``role`` (all when None), a line saying how many more
    there are, and the plan."""
    from rolefit._data import knowledge

    titles = {r.id: r.title for r in knowledge().roles}
    table = fit._gap_table(role)
    gaps = table[:top]
    print(f"Gaps for {titles[role]} (score {fit.scores[role]:.2f}), in learning order "
          "(by score gain, unless 'out of order' says why):")
    print(
        _table(
            [
                [
                    _clip(g["name"]) + (" (!)" if g["rare"] else "")
                    + (" (learning)" if g["learning"] else ""),
                    g["category"],
                    f"+{g['gain']:.2f}",
                    "-" if g["prevalence"] is None else f"{g['prevalence']:.0%}",
                    "-" if g["premium_usd"] is None else f"{g['premium_usd']:+,.0f}",
                    g["order_note"] or "",
                ]
                for g in gaps
            ],
            ["skill", "category", "score gain", "in postings", "median pay with it (USD)",
             "out of order"],
        )
    )
    if len(table) > len(gaps):
        print(f"... {len(table) - len(gaps)} more (rolefit gaps --top N or --all "
              "shows them)")
    if any(g["rare"] for g in gaps):
        print("(!) asked for by under 5% of the role's postings")
    rows, _ = fit._plan_rows(role)
    print(f"\nPlan ({fit._plan_source(role)}):")
    for r in rows:
        mark = "[x]" if r["covered"] else "[ ]"
        print(f"  {mark} step {r['step']} ({r['step_title']}): {r['action']}")


def _score(args):
    import rolefit
    from rolefit.fit import NoSkillsError

    data = _input(args)
    try:
        return rolefit.score(data, model=getattr(args, "model", None))
    except NoSkillsError as exc:  # name the input, as the other errors about it do
        where = "--skills" if args.skills is not None else source_name(args.input)
        raise NoSkillsError(f"{where}: {exc}") from None


def cmd_score(args) -> int:
    fit = _score(args)
    if args.json:
        data = fit.to_dict()
        data["ranking"] = data["ranking"][: args.top]
        print(json.dumps(data, indent=2))
    else:
        _notes(fit)
        _print_ranking(fit, args.top)
    return 0


def cmd_gaps(args) -> int:
    from rolefit.profiles import check_role

    if args.all and args.top is not None:
        raise UsageError("give --top N or --all, not both")
    fit = _score(args)
    if args.role is None and fit.low_signal:
        if args.json:
            print(json.dumps({"role": None, "low_signal": True, "note": fit.signal_note()},
                             indent=2))
        else:
            _notes(fit)
            print(fit.signal_note() + " Name a role with --role to see its gaps anyway.")
        return 0
    role = fit.target if args.role is None else check_role(args.role)
    if args.json:
        rows, roadmap_id = fit._plan_rows(role)
        print(
            json.dumps(
                {
                    "role": role,
                    "score": fit.scores[role],
                    "gaps": fit._gap_table(role)[: args.top],
                    "roadmap_id": roadmap_id,
                    "plan": rows,
                },
                indent=2,
            )
        )
    else:
        _notes(fit)
        _print_gaps(fit, role, None if args.all else args.top or N_GAPS_SHOWN)
    return 0


def cmd_explain(args) -> int:
    from rolefit.profiles import check_role

    fit = _score(args)
    role = check_role(args.role) if args.role else fit.order[0]
    table = fit.explain(role)
    if args.json:
        print(table.to_json(orient="records", indent=2))
        return 0
    _notes(fit)
    print(f"{role}: score {fit.scores[role]:.2f} = the sum of these terms")
    rows = [[r.name, ", ".join(r.via) or "-", f"{r.credit:g}", f"{r.weight:.3f}",
             f"{r.contribution:.3f}"] for r in table.itertuples()]
    if args.top is not None and len(rows) > args.top:  # the rest in one row: it still adds up
        rest = table["contribution"].iloc[args.top :].sum()
        rows = [*rows[: args.top], [f"({len(rows) - args.top} more terms)", "", "", "",
                                    f"{rest:.3f}"]]
    print(_table(rows, ["skill", "via", "credit", "weight", "contribution"]))
    return 0


def cmd_roles(args) -> int:
    from rolefit._data import knowledge

    roles = knowledge().roles
    if args.json:
        print(json.dumps([r.__dict__ for r in roles], indent=2))
        return 0
    rows = [
        [r.id, r.title + (" *" if r.adjacent else ""), r.focus,
         _salary(r.__dict__)]
        for r in roles
    ]
    print(_table(rows, ["role id", "title", "focus", "guide salary (US)"]))
    if any(r.adjacent for r in roles):
        print("* adjacent role: a common starting point rather than a target; --role accepts "
              "an id or a title (any case)")
    return 0


def cmd_demo(args) -> int:
    import rolefit

    text = rolefit.load_sample_resume()
    print("Sample resume (shipped with rolefit):\n")
    print("  " + "\n  ".join(text.strip().splitlines()[:6]) + "\n  ...\n")
    fit = rolefit.score(text)
    _print_ranking(fit, args.top)
    if not fit.low_signal:
        print()
        _print_gaps(fit, fit.target)
    return 0


def _command(sub, name: str, text: str) -> argparse.ArgumentParser:
    """A subcommand whose --help opens with its one-line description."""
    return sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolefit",
        description="Which AI/data role do your skills fit, why, and what to learn next.",
    )
    parser.add_argument(
        "--reader", choices=READERS, default=None,
        help="how a text's skill mentions are read: hybrid (default: the cue rules, then "
        "the learned reader where a cue word is in reach and on the other mentions of a "
        "skill the rules deny), rules (the rules alone, the "
        "fastest) or model (the learned reader on every mention the rules hold; slowest); "
        "see docs/evaluation.md. Give it before the command: rolefit --reader rules score CV.txt",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_input(p, top="show N rows"):
        p.add_argument("input", nargs="?", help="resume text file, or - for stdin")
        p.add_argument("--skills", help='comma-separated skill list, e.g. "python, sql"')
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.add_argument("--top", type=_positive, default=None, metavar="N", help=top)
        p.add_argument("--model", metavar="PATH",
                       help="a role model saved by `rolefit train` (default: the shipped one)")

    p = _command(sub, "score", "rank the roles for a resume or skill list")
    add_input(p)
    p.set_defaults(func=cmd_score)
    p = sub.add_parser("gaps", help="missing skills and roadmap for one role")
    add_input(p, top=f"show the first N gaps (default: {N_GAPS_SHOWN}; --json lists all "
                     "unless --top is given)")
    p.add_argument("--all", action="store_true", help="show every gap")
    p.add_argument("--role", help="role id or title (default: the best-scored target role)")
    p.set_defaults(func=cmd_gaps)
    p = _command(sub, "explain", "the terms that add up to one role's score")
    add_input(p)
    p.add_argument("--role", help="role id or title (default: the best-scored role)")
    p.set_defaults(func=cmd_explain)
    p = _command(sub, "roles", "list the roles")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_roles)
    p = _command(sub, "demo", "score the sample resume shipped with rolefit")
    p.add_argument("--top", type=_positive, default=None, metavar="N", help="show N rows")
    p.set_defaults(func=cmd_demo)
    # these modules import only the standard library and numpy at the top
    from rolefit.build.cli import add_evaluate_parser, add_train_parser
    from rolefit.cohort import add_cohort_parser
    from rolefit.io import add_score_file_parser
    from rolefit.match import add_match_parser
    from rolefit.report import add_report_parser

    add_score_file_parser(sub)
    add_cohort_parser(sub)
    add_report_parser(sub)
    add_match_parser(sub)
    add_train_parser(sub)
    add_evaluate_parser(sub)
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    args.command_line = "rolefit " + shlex.join(sys.argv[1:] if argv is None else argv)
    try:
        with config_context(reader=args.reader):
            return args.func(args)
    except BrokenPipeError:  # pragma: no cover - e.g. `rolefit roles | head -1`
        return 0
    except (UsageError, ValueError, TypeError, OSError) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__  # always one line
        print(f"rolefit: error: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
