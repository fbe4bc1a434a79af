"""The reviewers' reading sets (tests/reading_sets) and the script that reads them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from _scripts import load_script

import rolefit

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"b": 200, "c": 200, "d": 200, "e": 220, "f": 253, "g": 254, "h": 266, "i": 221,
         "j": 221, "k": 224, "l": 221, "m": 190, "n": 200, "o": 201, "p": 232, "q": 216,
         "r": 217, "s": 214, "t": 218, "u": 210, "v": 217, "w": 224,
         "x": 229, "y": 217, "z": 245, "aa": 239, "bb": 226, "cc": 90,
         "dd": 219, "ee": 160, "ff": 120, "gg": 201, "hh": 100, "ii": 193, "jj": 190,
         "kk": 192, "ll": 192, "mm": 190, "nn": 190, "oo": 190,
         "pp": 190, "qq": 190, "rr": 190, "ss": 193, "tt": 190, "uu": 191, "vv": 196,
         "ww": 196, "xx": 194, "yy": 194, "zz": 198, "aaa": 192, "bbb": 197,
         "ccc": 199, "ddd": 200, "eee": 198, "fff": 200, "ggg": 198, "hhh": 200,
         "iii": 199, "jjj": 197, "kkk": 196, "lll": 199, "mmm": 200, "nnn": 198,
         "ooo": 200, "ppp": 198, "qqq": 199, "rrr": 198,
         "sss": 196, "ttt": 198, "uuu": 200, "vvv": 198, "www": 197, "xxx": 199,
         "yyy": 198, "zzz": 200, "aaaa": 195, "bbbb": 196, "cccc": 196, "dddd": 198,
         "eeee": 199, "ffff": 195, "gggg": 198, "hhhh": 200,
         "iiii": 198, "jjjj": 200}
# in tests/reading_sets/holdout/: never trained on
HOLDOUT = {"kk", "ll", "mm", "nn", "oo", "pp", "qq", "rr", "ss", "tt", "uu", "vv", "ww", "xx",
           "yy", "zz", "aaa", "bbb", "ccc", "ddd", "eee", "fff", "ggg", "hhh",
           "iii", "jjj", "kkk", "lll", "mmm", "nnn", "ooo", "ppp",
           "qqq", "rrr", "sss", "ttt", "uuu", "vvv", "www", "xxx", "yyy", "zzz",
           "aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg", "hhhh",
           "iiii", "jjjj"}


@pytest.fixture(scope="module")
def reading_eval():
    return load_script("scripts/reading_eval.py")


@pytest.mark.parametrize(("name", "size"), sorted(SIZES.items()))
def test_every_set_is_whole_and_uses_known_skills(reading_eval, name, size):
    with (ROOT / "data" / "skills.csv").open(encoding="utf-8", newline="") as handle:
        known = {row["skill_id"] for row in csv.DictReader(handle)}
    cases = reading_eval.load_set(name)
    assert len(cases) == size
    for case in cases:
        assert set(case) == {"genre", "text", "labels"}
        assert case["text"].strip() and case["genre"]
        assert set(case["labels"]) <= known, case["text"]
        assert set(case["labels"].values()) <= {"has", "learning", "negated"}


def test_evaluate_counts_each_skill_once_per_text(reading_eval):
    cases = [
        {"genre": "t", "text": "No Kubernetes yet. Learning Spark. Python daily.",
         "labels": {"kubernetes": "negated", "spark": "learning", "python": "has"}},
        {"genre": "t", "text": "Never used Docker; Docker is new to me.",
         "labels": {"docker": "has"}},
    ]
    figures, errors = reading_eval.evaluate(cases)
    assert figures["texts"] == 2 and figures["labels"] == 4
    # Docker: denied, then learning; the stronger status, learning, is what counts
    assert figures["negated"] == {"precision": 1.0, "recall": 1.0}
    assert figures["learning"] == {"precision": 0.5, "recall": 1.0}
    assert figures["has"] == {"precision": 1.0, "recall": 0.5}
    assert figures["wrongly_held"] == 0
    assert len(errors) == 1 and "docker: labelled has, read learning" in errors[0]


def test_the_script_prints_one_row_per_set(reading_eval, capsys, tmp_path):
    assert reading_eval.main(["b", "--errors", str(tmp_path / "errors.txt")]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("| set |") and len(rows) == 3
    assert rows[2].startswith("| B | 200 (462) |")
    assert (tmp_path / "errors.txt").read_text(encoding="utf-8").startswith("## set B")


def test_holdout_sets_are_apart_and_the_script_reads_them_with_either_reader(
        reading_eval, capsys):
    assert {p.stem for p in (ROOT / "tests" / "reading_sets" / "holdout").glob("*.jsonl")} \
        == HOLDOUT
    assert not HOLDOUT & {p.stem for p in (ROOT / "tests" / "reading_sets").glob("*.jsonl")}
    for reader in ("rules", "model"):
        assert reading_eval.main(["pp", "--reader", reader]) == 0
        rows = capsys.readouterr().out.splitlines()
        assert rows[2].startswith("| PP | 190 (2,327) |")


def test_threshold_script_gives_the_shipped_reading_at_the_shipped_threshold(capsys):
    # at the shipped C and threshold, the left-out figures are cross_validate's, summed
    script = load_script("scripts/reader_threshold.py")
    from rolefit.build import reader

    sets = {name: cases for name, cases in reader.load_sets(script.SETS, script.TABLE).items()
            if name in {"b", "c", "table"}}
    figures = script.threshold_figures(sets, [reader.HAS_THRESHOLD, 0.05, 1.0])
    cross = reader.cross_validate(sets)
    assert figures[reader.HAS_THRESHOLD] == tuple(
        sum(cross[name]["model"][key] for name in ("b", "c"))
        for key in ("wrongly_held", "wrongly_dropped"))
    assert figures["rules"] == tuple(
        sum(cross[name]["rules"][key] for name in ("b", "c"))
        for key in ("wrongly_held", "wrongly_dropped"))
    # a low threshold reads close to the rules (fewer drops, more kept wrongly);
    # 1.0 reads every mention the rules hold without a cue as learning or negated
    assert figures[0.05][0] <= figures["rules"][0] and figures[0.05][1] >= figures["rules"][1]
    assert figures[1.0][0] <= figures[reader.HAS_THRESHOLD][0]
    assert figures[1.0][1] >= figures[reader.HAS_THRESHOLD][1]
    assert script.main(["b", "c", "--thresholds", "0.6", "--c", "0.3"]) == 0
    assert "| 0.3 | 0.6 |" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        script.main(["b", "--thresholds", "0"])


def test_pool_script_leaves_each_group_out_and_swaps_the_model_only_for_its_run(
        reading_eval, capsys):
    script = load_script("scripts/reader_pool.py")
    from rolefit import _statusmodel
    from rolefit.build import reader

    sets = reader.load_sets(script.SETS, script.TABLE)
    training = {name: sets[name] for name in ("b", "table")}
    spent = {name: sets[name] for name in ("c", "d")}
    shipped = _statusmodel.load
    figures = script.pool_figures(training, spent, [("c",), ("d",)], [0.3], [0.6, 1.0])
    assert _statusmodel.load is shipped
    assert set(figures) == {"c", "d"}
    for name in ("c", "d"):
        # "shipped" is the shipped reader's reading, as reading_eval.py prints it
        with rolefit.config_context(reader="hybrid"):
            expected = reading_eval.evaluate(sets[name])[0]
        assert figures[name]["shipped"] == (expected["wrongly_held"],
                                            expected["wrongly_dropped"])
        # a threshold of 1 reads every held mention in reach as learned or denied
        assert figures[name][0.3, 1.0][0] <= figures[name][0.3, 0.6][0]
        assert figures[name][0.3, 1.0][1] >= figures[name][0.3, 0.6][1]
    # the reader that left C out was trained on B, the table and D, not on C
    rows = {name: reader.examples(cases) for name, cases in {**training, **spent}.items()}
    without_c = script._model(rows, ["b", "table", "d"], 0.3, reader.TABLE_WEIGHT)
    assert figures["c"][0.3, 0.6] == script.hybrid(spent["c"], without_c)
    assert figures["c"][0.3, 0.6] != figures["c"]["shipped"]
    with pytest.raises(SystemExit):
        script.main(["--pairs", "b,c"])  # training sets are not spent sets
    assert "not spent sets" in capsys.readouterr().err


def test_hyphenate_breaks_words_as_a_typesetter_does(reading_eval):
    pytest.importorskip("pyphen", reason="--hyphenate needs the compare extra (pyphen)")
    text = ("I have no experience with Kubernetes, TensorFlow-based pipelines or "
            "PostgreSQL databases whatsoever.\nSkills: SQL")
    lines = reading_eval.hyphenate(text, 30).split("\n")
    assert all(len(line) <= 30 for line in lines)
    assert lines[0].endswith("Ku-") and lines[1].startswith("bernetes,")
    assert "TensorFlow-based" in lines[1] and lines[-1] == "Skills: SQL"
    # nothing but hyphens and line breaks is added or taken away
    def squeeze(s):
        return s.replace("-", "").replace("\n", "").replace(" ", "")

    assert squeeze("\n".join(lines)) == squeeze(text)
    assert reading_eval.hyphenate("short line", 30) == "short line"
