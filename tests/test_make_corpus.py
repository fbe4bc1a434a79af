"""benchmarks/make_corpus.py: both kinds of corpus reach the size asked for."""

from __future__ import annotations

import json

import pytest
from _scripts import load_script


@pytest.fixture(scope="module")
def make_corpus():
    return load_script("benchmarks/make_corpus.py")


@pytest.mark.parametrize(("kind", "mb", "sizes"), [
    ("posting", 0.05, (1_500, 8_000)),
    ("resume", 0.03, (500, 1_500)),
])
def test_corpus_reaches_its_size_in_many_documents(make_corpus, tmp_path, kind, mb, sizes):
    # (a loop variable once shadowed the kind, so the posting corpus stopped after one posting)
    out = tmp_path / f"{kind}.txt"
    chars, records = make_corpus.generate(out, seed=3, mb=mb, kind=kind)
    text = out.read_text(encoding="utf-8")
    assert len(text) == chars and len(text.encode("utf-8")) >= mb * 1_000_000
    lines = (tmp_path / f"{kind}.txt.truth.jsonl").read_text(encoding="utf-8").splitlines()
    truth = [json.loads(line) for line in lines]
    assert len(truth) == records
    assert len({t["doc"] for t in truth}) >= 5
    low, high = sizes
    per_doc = {}
    for t in truth:
        assert text[t["start"] : t["end"]].strip()
        per_doc.setdefault(t["doc"], []).append(t)
    lengths = [len(text[min(t["start"] for t in ts) : max(t["end"] for t in ts)].encode())
               for ts in per_doc.values()]
    assert low * 0.5 <= min(lengths) and max(lengths) <= high * 1.5, (kind, lengths)
