"""The build's commands: ``python -m rolefit.build build|train|evaluate``.

``train`` and ``evaluate`` are also ``rolefit`` subcommands (:mod:`rolefit.cli` adds
them with :func:`add_train_parser` and :func:`add_evaluate_parser`; their modules are
imported only when the command runs).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

__all__ = ["add_evaluate_parser", "add_train_parser", "main", "model_paths"]


def _echo(*parts, file=None) -> None:
    """The command functions' only way to write (library code never prints)."""
    print(*parts, file=file or sys.stdout)


def add_train_parser(subparsers):
    """Add ``train`` to an argparse subparsers object (``rolefit train``)."""
    p = subparsers.add_parser(
        "train", help="train a role classifier on your own postings CSV",
        description="Train rolefit's classifier on a postings CSV (a title column plus a "
        "skill-list or a text column) and save it as NAME.npz + NAME.json.",
    )
    p.add_argument("--postings", required=True, help="postings CSV (UTF-8, header row)")
    p.add_argument("--title-column", default="title", help="job title column (default title)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--skills-column", help="skill list column (default skills)")
    group.add_argument("--text-column", help="free-text description column")
    p.add_argument("--lam", type=float, default=None,
                   help="pull of the weights towards the roles' skill demand (default: "
                   "the shipped model's, rolefit.build.training.MODEL_PARAMS)")
    p.add_argument("-o", "--output", required=True, metavar="NAME.npz",
                   help="model path ending in .npz (or with no suffix); the model is "
                   "written as NAME.npz plus its sidecar NAME.json")
    p.set_defaults(func=cmd_train)
    return p


def cmd_train(args) -> int:
    """``rolefit train``: fit on a postings CSV, save the model, print what was used."""
    from rolefit.build.training import train_model
    from rolefit.classifier import save_model

    npz, sidecar = model_paths(args.output)
    lr, metadata, report = train_model(
        args.postings, title_column=args.title_column, skills_column=args.skills_column,
        text_column=args.text_column, lam=args.lam,
    )
    path = save_model(lr, npz, metadata=metadata)
    _echo(f"read {report['rows']} rows from {report['file']}; trained on {report['kept']}")
    for role, n in metadata["training"]["rows_per_role"].items():
        _echo(f"  {role:<20} {n}")
    if report["no_role"]:
        top = ", ".join(f"{t!r} ({n})" for t, n in report["no_role"].most_common(5))
        _echo(f"skipped {sum(report['no_role'].values())} rows whose title names no role: {top}")
    if report["no_skill"]:
        _echo(f"skipped {report['no_skill']} rows without a known skill")
    if report["unknown_skills"]:
        top = ", ".join(f"{t!r} ({n})" for t, n in report["unknown_skills"].most_common(5))
        _echo(f"{len(report['unknown_skills'])} unknown skill names, e.g. {top}")
    _echo(f"in-sample balanced top-1: {metadata['metrics']['train_balanced_top1']:.3f}")
    _echo(f"wrote {path} (weights) and {sidecar} (sidecar); use it with "
          f"--model {shlex.quote(str(path))}")
    return 0


def model_paths(output) -> tuple[Path, Path]:
    """The two files ``rolefit train -o OUTPUT`` writes: ``NAME.npz`` and ``NAME.json``.

    ``OUTPUT`` must end in ``.npz`` or have no suffix (``mymodel`` gives ``mymodel.npz``);
    anything else is refused, so that ``-o model.pkl`` never writes ``model.pkl.npz``.

    Raises
    ------
    ValueError
        For another suffix, or a folder.

    Examples
    --------
    >>> from rolefit.build.cli import model_paths
    >>> [str(p) for p in model_paths("models/mine.npz")]
    ['models/mine.npz', 'models/mine.json']
    """
    path = Path(output)
    if path.is_dir() or str(output).endswith(("/", "\\")):
        raise ValueError(f"-o {output}: is a folder; give a file name such as "
                         f"{path / 'my_model.npz'}")
    if path.suffix == ".npz":
        return path, path.with_suffix(".json")
    if path.suffix:
        raise ValueError(
            f"-o {output}: a model is saved as NAME.npz plus NAME.json (never pickled), so "
            f"the path must end in .npz or have no suffix, e.g. -o {path.with_suffix('.npz')}"
        )
    return path.with_name(path.name + ".npz"), path.with_name(path.name + ".json")


def add_evaluate_parser(subparsers):
    """Add ``evaluate`` to an argparse subparsers object (``rolefit evaluate``)."""
    p = subparsers.add_parser(
        "evaluate", help="held-out evaluation on the public postings",
        description="Hold out postings by company, fit on the rest, and print balanced "
        "top-1, top-2, MRR, confusion matrices and calibration for skill-list and text "
        "input next to the majority-class and logistic-regression baselines.",
    )
    p.add_argument("--datasets", default=None,
                   help="public datasets folder (default: $ROLEFIT_DATASETS or "
                   "../shared/datasets)")
    p.add_argument("--bootstrap", type=int, default=1000,
                   help="company-bootstrap resamples for the margin interval (default 1000)")
    p.add_argument("--tune", action="store_true",
                   help="also run the grouped cross-validation used to pick the parameters")
    p.add_argument("--markdown", metavar="PATH", help="also write the report as Markdown")
    p.add_argument("--json", action="store_true", help="print the headline figures as JSON")
    p.set_defaults(func=cmd_evaluate)
    return p


def cmd_evaluate(args) -> int:
    """``rolefit evaluate``: print the held-out figures (and optionally write Markdown)."""
    from rolefit.build import evaluation
    from rolefit.build.datasets import DATA_JOBS, find_datasets, load_postings
    from rolefit.build.evaluation_report import to_markdown

    datasets = find_datasets() if args.datasets is None else Path(args.datasets)
    if datasets is None or not (datasets / DATA_JOBS).is_file():
        _echo(f"rolefit: public datasets not found at {datasets or '../shared/datasets'}; "
              "nothing to evaluate (pass --datasets or set ROLEFIT_DATASETS)", file=sys.stderr)
        return 2
    postings = load_postings(datasets)
    report = evaluation.evaluate_postings(postings, bootstrap=args.bootstrap, tune=args.tune)
    if args.json:
        _echo(json.dumps(report.headline(), indent=2, sort_keys=True))
    else:
        _echo(to_markdown(report, getattr(args, "command_line", None)))
    if args.markdown:
        Path(args.markdown).write_text(to_markdown(report, getattr(args, "command_line", None)),
                                       encoding="utf-8")
    return 0


def _print_summary(summary: dict) -> None:
    jobs, built = summary["data_jobs"], summary["builtin"]
    _echo(f"data_jobs: {jobs['rows']} rows, {jobs['labelled']} labelled; left out "
          f"{jobs['excluded']}; title overrides {jobs['title_overrides']}")
    _echo(f"  {len(jobs['unmapped_terms'])} of {jobs['distinct_terms']} skill terms unmapped"
          + "".join(f", {t} ({n})" for t, n in jobs["unmapped_terms"].items())
          + "; left out as ambiguous words: "
          + ", ".join(f"{t} ({n})" for t, n in jobs["ambiguous_terms_left_out"].items()))
    _echo(f"builtin: {built['files']} files, {built['labelled']} labelled; left out "
          f"{built['excluded']}")
    for name, problem in built["unreadable"].items():
        _echo(f"  left out {name}: {problem}")
    unmapped = built["unmapped_tags"]
    _echo(f"  {len(unmapped)} of {built['distinct_tags']} board tags unmapped "
          f"({sum(unmapped.values())} uses), most used: "
          + ", ".join(f"{t} ({n})" for t, n in list(unmapped.items())[:25]))
    onet = summary["onet"]
    _echo(f"onet: {onet['examples']} technology examples for the mapped occupations, "
          f"{onet['unmapped_examples']} distinct names unmapped")
    _echo("labelled postings per source and role: "
          + ", ".join(f"{k} {v}" for k, v in summary["roles"].items()))
    for path in summary.get("outputs", []):
        _echo(f"wrote {path}")


def cmd_reader(args) -> int:
    """``python -m rolefit.build reader``: train the learned reader, write its JSON."""
    from rolefit.build.reader import write_model

    data = write_model(args.sets, args.table, args.output, command=args.command_line)
    training = data["training"]
    _echo(f"trained on {training['texts']} texts: {training['examples']} "
          f"({training['kept_weights']} weights kept of {training['features']} features)")
    _echo(f"wrote {args.output}")
    return 0


def main(argv=None) -> int:
    """``python -m rolefit.build build|train|evaluate``."""
    from rolefit.build.pipeline import BUILD_DATE, build

    parser = argparse.ArgumentParser(prog="python -m rolefit.build",
                                     description="rolefit's market-data pipeline")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("build", help="rebuild the market tables and the shipped model")
    p.add_argument("--datasets", default="../shared/datasets", help="public datasets folder")
    p.add_argument("--out", default=".", help="repository root to write data/ and models/")
    p.add_argument("--date", default=BUILD_DATE, help=f"training date (default {BUILD_DATE})")
    p = sub.add_parser("reader", help="train the learned reader of mention statuses")
    p.add_argument("--sets", default="tests/reading_sets", help="reviewers' sets folder")
    p.add_argument("--table", default="tests/negation_cases.csv", help="status table CSV")
    p.add_argument("-o", "--output", default="models/status_reader.json", help="model JSON")
    p.set_defaults(func=cmd_reader)
    add_train_parser(sub)
    add_evaluate_parser(sub)
    args = parser.parse_args(argv)
    args.command_line = "python -m rolefit.build " + shlex.join(
        sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "build":
            summary = build(args.datasets, args.out, date=args.date, echo=_echo)
            _print_summary(summary)
            return 0
        return args.func(args)
    except (ValueError, OSError) as exc:
        _echo(f"rolefit: error: {exc}", file=sys.stderr)
        return 2
