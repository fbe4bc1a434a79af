"""Precision and recall of rolefit.extract_skills on SkillSpan's KNOWLEDGE spans.

Reads the "tech" sentences (Stack Overflow job ads) of ../shared/datasets/skillspan
(train + dev), rebuilds each sentence from its tokens, and compares rolefit's mentions
with the human-annotated KNOWLEDGE spans at span level (a mention and a span match when
their character ranges overlap):

- precision: share of rolefit mentions that overlap an annotated span;
- recall: share of annotated spans that some mention overlaps;
- in-vocabulary recall: the same, over annotated spans whose text rolefit's taxonomy
  knows (``rolefit.normalize`` resolves it), which separates extraction misses from
  skills the taxonomy does not list;
- precision against any span: a mention also counts as right when it overlaps a SKILL
  span (soft skills such as "communication" are annotated as SKILL, not KNOWLEDGE).

Mentions are those :func:`rolefit.extract_skills` keeps (status ``has``: denied and
learning mentions dropped, list-context spellings added; see :func:`rolefit.find_skills`);
``--all-mentions`` counts every mention the matcher finds, as before statuses existed.

Run: ``python scripts/skillspan_eval.py [DATASETS_DIR] [--all-mentions]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import rolefit
from rolefit.skills import _matcher, _mentions

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def sentences(datasets: Path):
    """Yield (text, KNOWLEDGE spans, SKILL spans) for every "tech" sentence; spans are
    (start, end) character offsets in the text rebuilt from the tokens."""
    for name in ("train.json", "dev.json"):
        with (datasets / "skillspan" / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["source"] != "tech":
                    continue
                starts, pos = [], 0
                for token in record["tokens"]:
                    starts.append(pos)
                    pos += len(token) + 1
                text = " ".join(record["tokens"])
                yield (
                    text,
                    _spans(record["tokens"], starts, record["tags_knowledge"]),
                    _spans(record["tokens"], starts, record["tags_skill"]),
                )


def _spans(tokens, starts, tags):
    spans, begin = [], None
    for i, tag in enumerate([*tags, "O"]):
        if begin is not None and tag != "I":
            spans.append((begin, starts[i - 1] + len(tokens[i - 1])))
            begin = None
        if tag == "B":
            begin = starts[i]
    return spans


def evaluate(datasets: Path, all_mentions: bool = False) -> dict:
    """Return counts and precision/recall figures (see the module docstring)."""
    matcher = _matcher()
    n_pred = n_pred_ok = n_pred_any = n_gold = n_gold_hit = n_vocab = n_vocab_hit = 0
    n_sent = 0
    for text, gold, soft in sentences(datasets):
        n_sent += 1
        if all_mentions:
            mentions = [(s, e) for s, e, _ in matcher.find(text)]
        else:
            mentions = [(s, e) for s, e, _, status, _ in _mentions(text) if status == "has"]
        n_pred += len(mentions)
        n_pred_ok += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in mentions)
        n_pred_any += sum(
            any(s < ge and gs < e for gs, ge in gold + soft) for s, e in mentions
        )
        for gs, ge in gold:
            hit = any(s < ge and gs < e for s, e in mentions)
            n_gold += 1
            n_gold_hit += hit
            if rolefit.normalize(text[gs:ge]) is not None:
                n_vocab += 1
                n_vocab_hit += hit
    return {
        "sentences": n_sent,
        "mentions": n_pred,
        "gold_spans": n_gold,
        "precision": n_pred_ok / max(n_pred, 1),
        "precision_any_span": n_pred_any / max(n_pred, 1),
        "recall": n_gold_hit / max(n_gold, 1),
        "in_vocabulary_spans": n_vocab,
        "in_vocabulary_recall": n_vocab_hit / max(n_vocab, 1),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument(
        "--all-mentions", action="store_true", help="count every mention (no statuses)"
    )
    args = parser.parse_args(argv)
    if not (args.datasets / "skillspan").is_dir():
        print(f"skipped: no skillspan data under {args.datasets}", file=sys.stderr)
        return 0
    print(json.dumps(evaluate(args.datasets, args.all_mentions), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
