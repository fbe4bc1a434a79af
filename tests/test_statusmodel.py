"""The learned reader of mention statuses (``reader="model"`` and the default ``"hybrid"``)
and its build."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolefit
from rolefit import _statusmodel
from rolefit._negation import has_marks, in_reach_words
from rolefit._wrap import unwrap
from rolefit.build import reader as build_reader

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "tests" / "reading_sets"
TABLE = ROOT / "tests" / "negation_cases.csv"
MODEL = ROOT / "models" / _statusmodel.MODEL_FILE
RANK = {"has": 3, "learning": 2, "negated": 1}

# Texts the rules read as held that the shipped model rereads (written for this test,
# in none of the training sets); it misses others as plain (docs/evaluation.md). (Since it
# reads each feature once, the model reads "zero hands-on time" as learning, not denied:
# knowing of a skill without practice, which the reviewers label either way)
REREAD = [
    ("Bootcamp, week three: today we did pandas groupby.", "pandas", "learning"),
    ("My manager keeps asking about Spark and I have to admit I have zero hands-on time "
     "with it.", "spark", "learning"),
    ("Asked about Kubernetes in the screen and had to say no.", "kubernetes", "negated"),
]


def _skill_statuses(text: str) -> dict[str, str]:
    found = rolefit.find_skills(text)
    out: dict[str, str] = {}
    for skill, status in zip(found["skill_id"], found["status"], strict=True):
        if skill not in out or RANK[status] > RANK[out[skill]]:
            out[skill] = status
    return out


def _table():
    with TABLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["xfail"]:
                yield row["text"].replace("\\n", "\n"), dict(
                    pair.split("=") for pair in row["expected"].split())


def test_hybrid_is_the_default_and_the_setting_is_checked():
    assert rolefit.get_config() == {"reader": "hybrid"}
    for bad in ("learned", "", None and 1, 3):
        if bad is None:
            continue
        with pytest.raises(ValueError, match="reader must be one of"):
            rolefit.set_config(reader=bad)
    assert rolefit.get_config() == {"reader": "hybrid"}


def test_config_context_restores_the_setting_after_an_error():
    with pytest.raises(RuntimeError), rolefit.config_context(reader="model"):
        assert rolefit.get_config()["reader"] == "model"
        raise RuntimeError
    assert rolefit.get_config() == {"reader": "hybrid"}


@pytest.mark.parametrize(("text", "skill", "status"), REREAD)
def test_the_model_rereads_what_the_rules_hold(text, skill, status):
    with rolefit.config_context(reader="rules"):
        assert skill in rolefit.extract_skills(text)
    with rolefit.config_context(reader="model"):
        found = rolefit.find_skills(text)
        assert skill not in rolefit.extract_skills(text)
        assert skill in rolefit.extract_skills(text, status=status)
        fit = rolefit.score(text + "\nI use Python and SQL every day.")
        assert skill not in fit.skills
        assert (skill in fit.learning) == (status == "learning")
    row = found[found["skill_id"] == skill].iloc[0]
    assert row["status"] == status
    assert row["cue"].startswith("model: ") and len(row["cue"]) > len("model: ")


def test_the_model_keeps_every_status_the_rules_decide():
    """Mentions the rules read with a cue keep it; the model only rereads held ones."""
    for text, _ in _table():
        with rolefit.config_context(reader="rules"):
            rules = rolefit.find_skills(text)
        with rolefit.config_context(reader="model"):
            model = rolefit.find_skills(text)
        assert list(model["skill_id"]) == list(rules["skill_id"])
        for r_status, r_cue, m_status, m_cue in zip(
                rules["status"], rules["cue"], model["status"], model["cue"], strict=True):
            if r_cue:
                assert (m_status, m_cue) == (r_status, r_cue), text
            elif m_status != "has":
                assert m_cue.startswith("model: "), text


def test_the_model_reads_the_status_table_almost_as_the_rules_do_skill_by_skill():
    """The table is part of its training, and the rules read all of it right; this
    guards the shipped model against a bad rebuild (skill by skill, as extract_skills and
    score see it): at most 1 % of the texts may read otherwise."""
    rows = list(_table())
    with rolefit.config_context(reader="model"):
        wrong = [(text, expected, got) for text, expected in rows
                 if (got := _skill_statuses(text)) != expected]
    assert len(wrong) <= 0.01 * len(rows), wrong


def test_plain_statements_of_use_stay_held():
    text = ("Built ETL pipelines in Python and SQL on Airflow; shipped dashboards in "
            "Tableau; deployed services with Docker on AWS.")
    with rolefit.config_context(reader="rules"):
        rules = rolefit.find_skills(text)
    with rolefit.config_context(reader="model"):
        model = rolefit.find_skills(text)
    assert len(model) >= 6 and set(model["status"]) == {"has"}
    assert model.equals(rules)


_HEADINGS = {"bullets": "Skills you do NOT have (so that we don't assign you wrongly):\n",
             "blank line": "## Skills you do NOT have (so that we don't assign you wrongly)\n\n",
             "numbered": "Skills you do NOT have (so that we don't assign you wrongly):\n",
             "no heading": "Skills you use every day (so we can assign you well):\n"}


def _block(layout: str) -> str:
    items = ["Java", "Scala and Kotlin", "Rust", "Haskell", "Elixir"]
    lines = [f"{k}. {item}" if layout == "numbered" else f"- {item}"
             for k, item in enumerate(items, 1)]
    # a heading that no rule reads (its note is too long for one); only the block
    # heading reaches the last item
    return "I build backend services in Python.\n\n" + _HEADINGS[layout] + "\n".join(lines)


def _features_of_last_item(text: str) -> list[str]:
    """The model's feature names of the last item ("Elixir") of a :func:`_block`."""
    start = text.index("Elixir")
    found = rolefit.find_skills(text)
    spans = list(zip(found["start"], found["end"], strict=True))
    return _statusmodel.features(_statusmodel.window(
        text, start, start + len("Elixir"), spans, {}, text.rfind("\n", 0, start) + 1))


@pytest.mark.parametrize("layout", sorted(_HEADINGS))
def test_the_heading_of_a_block_reaches_every_item_under_it(layout):
    """The model's features of the last item of a list block hold its heading's words,
    not only those of the line just above."""
    names = _features_of_last_item(_block(layout))
    assert ("S:not" in names) == (layout != "no heading"), names
    assert ("S:use" in names) == (layout == "no heading"), names


def _p_has_of_last_item(text: str) -> float:
    """The shipped model's probability of ``has`` for the last item ("Elixir")."""
    model = _statusmodel.load()
    names = _features_of_last_item(text)
    scores = np.array(_statusmodel._held(
        model, [model["weights"][n] for n in names if n in model["weights"]])[0])
    p = np.exp(scores - scores.max())
    return float(p[model["classes"].index("has")] / p.sum())


@pytest.mark.parametrize("layout", ["bullets", "numbered"])
def test_the_model_reads_the_items_under_a_heading_of_denial(layout):
    # The heading pulls the last item well below what it gets under a heading of use.
    # Whether it falls under has_threshold (0.6) is each retrained reader's draw: on
    # 2026-12-04 (the seventy-first round) 0.68 for the bullet list, held, and 0.53 for the
    # numbered one, denied, against 0.94 (docs/evaluation.md); on the night of
    # 2026-12-01, 0.63 under "## ... NOT have ..." and a blank line. How far below is a
    # draw too: the bullet list's item 0.72 against 0.95 on 2026-12-05 (the ninety-eighth
    # round), 0.76 against 0.95 after the ninety-ninth, whose new table rows are not what
    # moved it (retrained without its one row of a heading of use: 0.77).
    text = _block(layout)
    assert _p_has_of_last_item(text) < _p_has_of_last_item(_block("no heading")) - 0.15
    with rolefit.config_context(reader="model"):
        found = rolefit.find_skills(text)
    last = found[found["skill_id"] == "elixir"]
    assert len(last) == 1 and last["cue"].iloc[0] in ("", "model: not"), found
    with rolefit.config_context(reader="rules"):
        assert set(rolefit.find_skills(text)["status"]) == {"has"}
    assert found.loc[found["skill_id"] == "python", "status"].tolist() == ["has"]


def test_under_a_heading_of_use_the_model_holds_every_item():
    with rolefit.config_context(reader="model"):
        found = rolefit.find_skills(_block("no heading"))
    assert set(found["status"]) == {"has"} and set(found["cue"]) == {""}


def test_the_block_heading_is_the_nearest_heading_line_within_reach():
    section = _statusmodel._section
    text = "Tools I have not used:\n- a\n- b\n- c"
    assert section(text, text.index("- c"), []) == ["tools", "i", "have", "not", "used", ":"]
    # a list item is not a heading; a short line that is not one is
    text = "Done so far\n- 1 one two three\n2. four\n| five |\n- six"
    assert section(text, text.index("- six"), []) == ["done", "so", "far"]
    # nothing above, or only long lines within reach
    assert section("- a", 0, []) == []
    long = "this line has far more than six words in it\n"
    text = "Heading:\n" + long * 25 + "- x"
    assert section(text, text.index("- x"), []) == []
    text = "Heading:\n" + long * 24 + "- x"
    assert section(text, text.index("- x"), []) == ["heading", ":"]


def test_batch_and_one_by_one_agree_under_the_model():
    texts = [t for t, _, _ in REREAD] + [text for text, _ in list(_table())[:60]]
    with rolefit.config_context(reader="model"):
        assert rolefit.extract_skills_many(texts) == [rolefit.extract_skills(t) for t in texts]
        held = [t for t in texts if rolefit.extract_skills(t)]
        many = rolefit.score_many(held, gaps=0)
        one = [rolefit.score(t) for t in held]
    assert len(held) > 30
    assert [len(f.skills) for f in one] == many["n_skills"].tolist()
    assert [f.top for f in one] == [None if pd.isna(r) else r for r in many["top_role"]]


def test_skill_lists_keep_the_rules():
    items = ["Python", "SQL", "no Kubernetes experience", "week 3 of a Docker course"]
    rules = rolefit.score(items)
    with rolefit.config_context(reader="model"):
        model = rolefit.score(items)
    assert (model.skills, model.learning) == (rules.skills, rules.learning)


def test_the_command_line_takes_the_reader(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(REREAD[0][0] + "\nI have shipped Docker services for two years.\n",
                    encoding="utf-8")
    run = [sys.executable, "-m", "rolefit.cli"]
    model = subprocess.run([*run, "--reader", "model", "score", str(path), "--json"],
                           capture_output=True, text=True, check=True)
    rules = subprocess.run([*run, "score", str(path), "--json"],
                           capture_output=True, text=True, check=True)
    assert "pandas" in json.loads(model.stdout)["learning"]
    assert "pandas" in json.loads(rules.stdout)["skills"]
    bad = subprocess.run([*run, "--reader", "neural", "score", str(path)],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "invalid choice: 'neural'" in bad.stderr


def test_a_file_of_another_format_is_refused(tmp_path):
    path = tmp_path / "not_a_model.json"
    path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not_a_model.json: not a rolefit-status-reader"):
        _statusmodel.load(str(path))
    for old in (1, 2):  # (2: each feature read as often as it stands)
        path.write_text(json.dumps({"format": "rolefit-status-reader", "format_version": old}),
                        encoding="utf-8")
        with pytest.raises(ValueError, match=f"format_version {old} is not supported .* rebuild"):
            _statusmodel.load(str(path))
    path.write_text(json.dumps({"format": "rolefit-status-reader", "format_version": 3,
                                "classes": ["a"]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"needs classes \(with 'has'\), intercept, weights"):
        _statusmodel.load(str(path))
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    data["weights"] = {"L1:no": [1.0, 2.0]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="every weight needs 3 values"):
        _statusmodel.load(str(path))
    for classes in (["has"], ["has", "learning", "negated", "other"], ["has", "has"]):
        data = json.loads(MODEL.read_text(encoding="utf-8"))
        data["classes"] = classes
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ValueError, match="classes must be 'has' and one or two others"):
            _statusmodel.load(str(path))
    for bad in (0, 1.5, "0.6", None, True, float("nan")):
        data = json.loads(MODEL.read_text(encoding="utf-8"))
        data["has_threshold"] = bad
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ValueError, match="has_threshold must be a number in"):
            _statusmodel.load(str(path))


def test_a_mention_is_held_unless_has_is_below_the_threshold():
    model = {"classes": ["has", "learning", "negated"], "intercept": [0.0, 0.0, 0.0],
             "weights": {"L1:no": [0.0, 0.5, 1.0], "L1:week": [0.0, 1.0, 0.0]},
             "has_threshold": 0.6}
    # no feature known: each class 1/3, has below 0.6: the likelier other (a tie: first)
    assert _statusmodel.predict(model, ["unknown"]) == ("learning", "")
    assert _statusmodel.predict(model, ["L1:no"]) == ("negated", "L1:no")
    assert _statusmodel.predict(model, ["L1:week", "L1:no"])[0] == "learning"
    model["intercept"] = [1.0, 0.0, 0.0]  # p(has) = e / (e + 2) = 0.576 < 0.6
    assert _statusmodel.predict(model, [])[0] == "learning"
    model["has_threshold"] = 0.5
    assert _statusmodel.predict(model, []) == ("has", "")
    # the build reads the same way, from scikit-learn's probabilities
    assert build_reader.decide([[0.59, 0.1, 0.31], [0.6, 0.3, 0.1], [0.2, 0.5, 0.3]],
                               ["has", "learning", "negated"]) == ["negated", "has", "learning"]


def test_the_shipped_model_was_trained_on_the_files_in_the_repository():
    training = json.loads(MODEL.read_text(encoding="utf-8"))["training"]
    files = {p.name: p for p in [*SETS.glob("*.jsonl"), TABLE]}
    assert set(training["files"]) == set(files), "rebuild: python -m rolefit.build reader"
    for name, digest in training["files"].items():
        assert hashlib.sha256(files[name].read_bytes()).hexdigest() == digest, name
    assert not set(training["files"]) & {p.name for p in SETS.glob("holdout/*.jsonl")}


def test_the_status_table_weighs_more_in_training():
    training = json.loads(MODEL.read_text(encoding="utf-8"))["training"]
    assert training["table_weight"] == build_reader.TABLE_WEIGHT == 4
    rows = [(0, "python", "has", ["L1:no"], "negated"), (1, "python", "has", ["L1:yes"], "has")]
    with pytest.raises(ValueError, match="1 weights for 2 rows"):
        build_reader.train(rows, weights=[1.0])
    # a heavier row pulls the model towards its label
    mixed = rows + [(2, "sql", "has", ["L1:no"], "has")]
    light = build_reader.train(mixed, weights=[1.0, 1.0, 1.0])
    heavy = build_reader.train(mixed, weights=[5.0, 1.0, 1.0])
    probe = [(0, "go", "has", ["L1:no"], None)]
    assert build_reader.predictions(probe, *heavy) == ["negated"]
    assert light[1].decision_function(light[0].transform([{"L1:no": 1}]))[0] < (
        heavy[1].decision_function(heavy[0].transform([{"L1:no": 1}]))[0])


def test_the_build_gives_the_shipped_model(tmp_path):
    out = tmp_path / "reader.json"
    build_reader.write_model(SETS, TABLE, out)
    built = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads(MODEL.read_text(encoding="utf-8"))
    assert built["classes"] == shipped["classes"]
    assert set(built["weights"]) == set(shipped["weights"])
    assert max(abs(a - b) for k, w in built["weights"].items()
               for a, b in zip(w, shipped["weights"][k], strict=True)) < 2e-3
    assert built["training"]["examples"] == shipped["training"]["examples"]


def test_figures_count_each_skill_once_with_its_strongest_status():
    cases = [{"text": "", "labels": {"a": "has", "b": "negated", "c": "learning"}}]
    rows = [(0, "a", "negated", None, "has"), (0, "a", "has", None, "has"),
            (0, "b", "has", None, "negated"), (0, "c", "learning", None, "learning"),
            (0, "d", "has", None, None)]
    figures = build_reader.figures(cases, rows, [r[2] for r in rows])
    assert figures["wrongly_held"] == 2 and figures["wrongly_dropped"] == 0
    assert figures["has"] == {"precision": 1 / 3, "recall": 1.0}
    assert figures["negated"] == {"precision": None, "recall": 0.0}
    assert figures["learning"] == {"precision": 1.0, "recall": 1.0}


def test_cross_validation_trains_without_the_set_it_reads():
    sets = build_reader.load_sets(SETS, TABLE)
    small = {name: sets[name] for name in ("b", "c", "table")}
    result = build_reader.cross_validate(small)
    assert set(result) == {"b", "c"}
    for both in result.values():
        assert set(both) == {"rules", "model"}
        assert both["rules"]["labels"] == both["model"]["labels"] > 400


_CUES = ["no", "not", "never", "without", "learning", "course", "week", "next", "?",
         "✗", "0", "heard", "basic", "none", ":", "#", "- "]
_HOSTILE_TEXT = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(exclude_categories=()), max_size=10),
        st.sampled_from(["\n", "\n\n", ". ", ", ", ": ", "? ", " - ", "\r\n", "\u2028", "İ",
                         "ß", "😀", "\ud800", "e\u0301", "’", "'", "0", "123", "<num>",
                         "<skill>"]),
        st.sampled_from(_CUES),
        st.sampled_from(["Python", "SQL", "Kubernetes", "C++", "R", "Go", "spark", "dbt",
                         "machine learning", "Node.js", "C#"]),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(_HOSTILE_TEXT)
def test_the_model_reads_any_text_and_only_changes_statuses(text):
    """Any text: the same mentions at the same places as the rules, statuses among the
    three, held skills a subset of the rules' held skills or of the model's reading."""
    rules = rolefit.find_skills(text)
    with rolefit.config_context(reader="model"):
        model = rolefit.find_skills(text)
        held = rolefit.extract_skills(text)
    assert model[["skill_id", "start", "end"]].equals(rules[["skill_id", "start", "end"]])
    assert set(model["status"]) <= {"has", "learning", "negated"}
    assert set(held) == set(model.loc[model["status"] == "has", "skill_id"])
    assert set(held) <= set(rolefit.extract_skills(text))


@pytest.mark.parametrize("sep", [" ", "\n"])
def test_a_megabyte_of_dense_text_is_read_in_one_go(sep):
    """A hang guard (SIGALRM, 60 s; about 1.5 s here): one long line, or many short
    lines, each with skills, denial and learning words."""
    import signal

    unit = "I have used Python and SQL, no Kubernetes yet, learning Docker; Spark is next."
    text = sep.join([unit] * (1_000_000 // (len(unit) + 1)))

    def expire(signum, frame):
        raise TimeoutError("the learned reader took longer than 60 s on 1 MB")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    try:
        with rolefit.config_context(reader="model"):
            held = rolefit.extract_skills(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert {"python", "sql"} <= set(held) and "kubernetes" not in held


def test_the_fuzzer_reads_with_the_learned_reader_too():
    """``make fuzz`` has a target for the learned reader; its checks (spans, ids, held
    skills a subset of the rules') pass on odd layouts."""
    from _scripts import load_script

    fuzz = load_script("scripts/fuzz.py")
    assert "extract_model" in fuzz.TARGETS
    for text in ["", "No Kubernetes.\n- Java", "Developing:\n- Rust\n\n\n" * 3,
                 "#\n" * 30 + "- Python", "Skills you do NOT have:\n1. Go\n| Scala |"]:
        fuzz.target_extract_model(text)


# -- the default reader, "hybrid": the model where a cue word is in reach -----------------

def _reach_by_asking(text, found, cues):
    """in_reach's answer, found the slow way: asking at each mention."""
    starts = [s for s, _, _ in cues]

    def holds(lo, hi):
        return any(lo <= s < hi for s in starts)

    out = []
    for start, _, _ in found:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        reached = holds(line_start, len(text) if line_end < 0 else line_end)
        lo, hi = _statusmodel._above(text, line_start)
        reached = reached or (bool(hi) and holds(lo, hi))
        where = _statusmodel._section_line(text, line_start)
        out.append(reached or (where is not None and holds(*where)))
    return out


def _read_parts(text):
    from rolefit.skills import _reader, _split

    found, _, _, cues = _split(_reader().find_parts(text), text)
    return found, cues


_REACH_TEXTS = [
    "Gaps:\n- Kafka\n- Spark\n\n\n- Airflow\nStrengths:\n- Python",
    "No experience with Go.\nPython daily.\n\nSQL too.",
    "Python and SQL daily.",
    "Not yet:\n" + "- a line with more than six words in it, Docker\n" * 24 + "- Kubernetes",
    "Not yet:\n" + "- a line with more than six words in it, Docker\n" * 25 + "- Kubernetes",
    "# Learning\n\n  \nRust, Go\n## Daily\nPython",
    "Spark\nnever used\nKafka",
    "",
]


def test_in_reach_matches_asking_at_every_mention():
    cases = [case["text"] for name in ("b", "s", "hh") for case in _load_set(name)]
    for text in _REACH_TEXTS + [t for t, _ in _table()] + cases:
        found, cues = _read_parts(text)
        assert _statusmodel.in_reach(text, found, cues) == _reach_by_asking(
            text, found, cues), text
    text = _REACH_TEXTS[0]
    found, cues = _read_parts(text)
    # the heading reaches its list across blank lines, and stops at the next heading
    assert _statusmodel.in_reach(text, found, cues) == [True, True, True, False]


def _load_set(name):
    with (SETS / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_hybrid_is_the_model_in_reach_and_the_rules_elsewhere():
    texts = [case["text"] for case in _load_set("hh")] + [t for t, _ in _table()][:200]
    for text in texts:
        readings = {}
        for reader in ("rules", "hybrid", "model"):
            with rolefit.config_context(reader=reader):
                readings[reader] = rolefit.find_skills(text)
        rules = readings["rules"]
        found = list(zip(rules["start"], rules["end"], rules["skill_id"], strict=True))
        # (in reach in the text as read: a fixed-width wrap's line breaks as spaces; of the
        # cue words that bring a line into reach, not those only the rules read)
        anchors = _read_parts(text)[1]
        read = unwrap(text, [a[0] for a in anchors])
        reach = _statusmodel.in_reach(read, found, in_reach_words(anchors, read))
        if has_marks(text):
            reach = [True] * len(found)  # (a cross mark or a rating reaches every mention)
        hybrid = list(zip(readings["hybrid"]["status"], readings["hybrid"]["cue"], strict=True))
        # a skill that the rules do not hold somewhere: the model reads its other mentions
        denied = set(rules["skill_id"][rules["status"] != "has"])
        for k, reached in enumerate(reach):
            other = readings["model" if reached or found[k][2] in denied else "rules"]
            assert hybrid[k] == (other["status"].iloc[k], other["cue"].iloc[k]), text


# a skill the rules deny or find being learned in one place, named again where no cue word
# reaches: (text, skill, the mention out of reach, its status under the model)
DENIED_ELSEWHERE = [
    ("Training plan (Kenji)\n- Module 1: Kubernetes fundamentals, 2 days\n- Module 2: Helm "
     "charts\nKenji has never worked with Kubernetes.", "kubernetes", 0, "learning"),
    ("Course syllabus\nUnit 1: Docker images and containers\nUnit 2: Compose\nMost "
     "students have not used Docker before.", "docker", 0, "learning"),
    ("Goals for Q3\n- Airflow: first DAG in production\n\nI haven't used Airflow "
     "yet.", "airflow", 0, "learning"),
]


@pytest.mark.parametrize(("text", "skill", "k", "status"), DENIED_ELSEWHERE)
def test_a_skill_denied_somewhere_has_each_mention_read(text, skill, k, status):
    """The rules deny (or find learning of) a skill in one place: its other mentions, out
    of any cue word's reach, are read by the model, so a plain mention ("Module 1:
    Kubernetes fundamentals") does not hold the skill on its own."""
    with rolefit.config_context(reader="rules"):
        rules = rolefit.find_skills(text)
        assert skill in rolefit.extract_skills(text)
    mine = rules[rules["skill_id"] == skill]
    assert (mine["status"] != "has").any() and mine["cue"].iloc[k] == ""
    found, cues = _read_parts(text)
    reach = _statusmodel.in_reach(unwrap(text, [a[0] for a in cues]), found, cues)
    assert not reach[list(rules["skill_id"]).index(skill) + k]  # (no cue word reaches it)
    hybrid = rolefit.find_skills(text)
    row = hybrid[hybrid["skill_id"] == skill].iloc[k]
    assert row["status"] == status and row["cue"].startswith("model: ")
    assert skill not in rolefit.extract_skills(text)
    assert skill in rolefit.extract_skills(text, status=status)
    # a skill the rules hold everywhere keeps its mentions out of reach unread
    other = hybrid[(hybrid["skill_id"] != skill) & (hybrid["status"] == "has")]
    assert (other["cue"] == "").all()


@pytest.mark.parametrize("reader", ["hybrid", "model"])
def test_skill_level_reading_skips_mentions_of_held_skills_and_agrees(reader, monkeypatch):
    # extract_skills stops reading a skill's mentions once one is held; each skill's
    # status must still be the strongest of its mentions as find_skills reads them
    texts = [case["text"] for name in ("hh", "gg") for case in _load_set(name)]
    texts += [t for t, _ in _table()][:200]
    texts.append("Not yet used Kafka at work.\nKafka: shipped two consumers in Go.")
    reads = []
    has = _statusmodel._has
    monkeypatch.setattr(_statusmodel, "_has", lambda *a: reads.append(1) or has(*a))
    every = skill_level = 0
    with rolefit.config_context(reader=reader):
        for text in texts:
            before = len(reads)
            expected = _skill_statuses(text)
            every += len(reads) - before
            before = len(reads)
            for status in ("has", "learning", "negated"):
                got = rolefit.extract_skills(text, status=status)
                assert got == sorted(k for k, v in expected.items() if v == status), text
            skill_level += (len(reads) - before) / 3
    assert skill_level < 0.9 * every, (skill_level, every)


def test_a_cross_mark_lets_the_model_read_every_mention():
    text = "Spark ✗\n\nBootcamp, week three: today we did pandas groupby."
    with rolefit.config_context(reader="model"):
        model = rolefit.find_skills(text)
    assert rolefit.find_skills(text).equals(model)
    assert model["status"].tolist() == ["negated", "learning"]


def test_hybrid_reads_the_status_table_almost_as_the_rules_do_skill_by_skill():
    rows = list(_table())
    wrong = [(text, expected, got) for text, expected in rows
             if (got := _skill_statuses(text)) != expected]
    assert len(wrong) <= 0.01 * len(rows), wrong


def test_the_fast_check_of_has_is_predict():
    model = _statusmodel.load()
    checked = not_held = 0
    for case in _load_set("gg") + _load_set("t"):
        text = case["text"]
        found, _ = _read_parts(text)
        spans = [(s, e) for s, e, _ in found]
        lines: dict = {}
        for start, end, _ in found:
            parts = _statusmodel.window(text, start, end, spans, lines)
            held = _statusmodel.predict(model, _statusmodel.features(parts))[0] == "has"
            assert _statusmodel._has(model, parts) == held, text
            checked += 1
            not_held += not held
    assert checked > 2000 and not_held > 200


def test_each_feature_is_named_once_as_the_model_is_trained():
    parts = (["and", "<skill>", ",", "and", "<skill>", ","], ["and", ",", "and", "."],
             ["and", "and"], True, ["and", "and"], ["and", "and"])
    names = _statusmodel.features(parts)
    assert len(names) == len(set(names))
    for name in ("Lb:and", "L1:,", "L3:and", "Rb:and", "R3:and", "F:and", "H:and", "S:and"):
        assert name in names
    # the windows of a reviewers' set hold repeated words, each named once
    repeated = 0
    for case in _load_set("gg"):
        text = case["text"]
        found, _ = _read_parts(text)
        spans = [(s, e) for s, e, _ in found]
        for start, end, _ in found:
            parts = _statusmodel.window(text, start, end, spans, {})
            names = _statusmodel.features(parts)
            assert len(names) == len(set(names)), text
            repeated += len(set(parts[0])) < len(parts[0])
    assert repeated > 100


def test_a_pair_of_skill_names_is_no_feature():
    names = _statusmodel.features((["use", "<skill>", "<skill>"], ["<skill>", "<skill>", "a"],
                                   [], False, [], []))
    assert not [n for n in names if n.startswith(("LB2:", "RB2:"))], names
    names = _statusmodel.features((["use", "<skill>"], ["and", "<skill>"], [], False, [], []))
    assert {"LB2:use <skill>", "RB2:and <skill>"} <= set(names)


def test_rolefit_reads_a_trained_model_as_scikit_learn_predicts():
    # a small model trained by the build, written as the model file is, and read by
    # rolefit: the same statuses as scikit-learn's probabilities give (each feature once)
    cases = _load_set("gg") + _load_set("hh")
    rows = build_reader.examples(cases)
    vectorizer, fitted = build_reader.train(rows)
    model = build_reader._as_json(vectorizer, fitted)
    read = [r for r in rows if r[3] is not None]
    expected = build_reader.predictions(read, vectorizer, fitted)
    got = [_statusmodel.predict(model, names)[0] for *_, names, _ in read]
    p_has = fitted.predict_proba(vectorizer.transform([dict.fromkeys(r[3], 1) for r in read]))
    has = list(fitted.classes_).index("has")
    # (the file rounds each weight to 4 decimals: a probability within 0.002 of the
    # threshold may fall on the other side)
    differ = [k for k, (a, b) in enumerate(zip(expected, got, strict=True)) if a != b
              and abs(p_has[k][has] - build_reader.HAS_THRESHOLD) > 0.002]
    assert not differ, [read[k] for k in differ[:3]]
    assert len(read) > 1000 and len(set(got)) == 3


def test_the_fast_check_of_has_is_predict_for_two_or_three_classes():
    weights = {"L1:and": [0.1, 0.9, 0.2], "Lb:no": [0.0, 0.2, 2.5], "R1:week": [0.3, 1.4, 0.0],
               "F:skills": [0.5, 0.0, 0.1], "bullet": [0.2, 0.0, 0.4], "H:gaps": [0.0, 0.3, 0.9],
               "LB2:<skill> and": [0.0, 0.0, 0.7], "RB2:week .": [0.0, 0.6, 0.0],
               "L3:and": [0.0, 0.8, 0.0], "Lb:and": [0.0, 0.0, 0.6], "Rb:<skill>": [0.9, 0.0, 0.0],
               "LB2:<skill> <skill>": [0.0, 0.0, 3.0], "RB2:<skill> <skill>": [0.0, 0.0, 3.0],
               "line_start": [0.0, 0.5, 0.5]}
    seen = set()
    for parts in ((["no", "<skill>", "and"], ["week", "."], ["skills", ":"], True, ["gaps"], []),
                  # words twice in a bucket and on a side, pairs of two skill names
                  (["and", "no", "and", "<skill>", "<skill>"], ["<skill>", "<skill>", "week"],
                   ["skills", "skills"], False, ["gaps", "gaps"], ["gaps"]),
                  ([], ["week", "week", "."], [], True, [], [])):
        names = _statusmodel.features(parts)
        for intercept in (-3.0, -1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 800.0):
            for classes, keep in ((["has", "learning", "negated"], [0, 1, 2]),
                                  (["negated", "has"], [2, 0])):
                model = {"classes": classes, "intercept": [0.0] * len(classes),
                         "weights": {k: [w[c] for c in keep] for k, w in weights.items()},
                         "has_threshold": 0.6}
                model["intercept"][classes.index("has")] = intercept
                held = _statusmodel.predict(model, names)[0] == "has"
                assert _statusmodel._has(model, parts) == held, (parts, intercept, classes)
                seen.add(held)
    assert seen == {True, False}


_TOKEN_OF_A_PIECE = re.compile(r"<num>|[^\W\d_][\w']*|\d+|[^\w\s]")


def _line_piece_by_piece(text, lo, hi, spans):
    """_line as it was before it read a stretch in one piece: each piece between two
    mentions lower-cased, its numbers written <num> and tokenised on its own."""
    at, words, cur = {}, [], lo
    for start, end in spans:
        if end <= lo or start >= hi:
            continue
        if start > cur:
            words += _TOKEN_OF_A_PIECE.findall(_statusmodel._clean(text[cur:start]))
        at[start] = len(words)
        words.append("<skill>")
        cur = max(cur, end)
    if hi > cur:
        words += _TOKEN_OF_A_PIECE.findall(_statusmodel._clean(text[cur:hi]))
    return at, words


def test_a_stretch_read_in_one_piece_reads_as_piece_by_piece():
    texts = [
        "Python3 and 12Spark, v2.10 of Kafka's API; 2024: SQL", "No SQL, ΟΔΟΣ Python ΣSQL",
        "x_12 Python _12 '12 Java 1234567 Go-to R", "<skill> Python <SKILL>Java <num> 42 Rust",
        "PythonJava", "a\x00b Python\u00a0SQL İ12 Java", "Spark <skil> Kafka <", "",
    ] + [case["text"] for case in _load_set("s")[:60]]
    checked = 0
    for text in texts:
        found, _ = _read_parts(text)
        spans = [(s, e) for s, e, _ in found]
        for lo in sorted({0, len(text) // 3, *(s for s, _ in spans)}):
            for hi in sorted({len(text), lo + 7, *(e for _, e in spans if e > lo)})[:4]:
                assert _statusmodel._line(text, lo, hi, spans) == _line_piece_by_piece(
                    text, lo, hi, spans), (text, lo, hi)
                checked += 1
    assert checked > 500


def _window_of_whole_lines(text, start, end, spans):
    """window() as it was before it tokenised only the mention's sentence: every word of
    the line, then the sentence cut out of them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    heading = []
    at, above = _statusmodel._above(text, line_start)
    if above:
        words = _statusmodel._line(text, at, above, spans)[1]
        if text[at:above].rstrip().endswith(":") or len(words) <= 5:
            heading = words[:6]
    bullet = text[line_start:line_end].lstrip()[:1] in "-*•·–"
    at, words = _statusmodel._line(text, line_start, line_end, spans)
    i = at[start]
    left = words[max(0, i - 40):i]
    for k in range(len(left) - 1, -1, -1):
        if left[k] in ".!?;":
            left = left[k + 1:]
            break
    right = words[i + 1:i + 41]
    for k, t in enumerate(right):
        if t in ".!?;":
            right = right[:k]
            break
    where = _statusmodel._section_line(text, line_start)
    section = [] if where is None else _statusmodel._line(text, *where, spans)[1][:8]
    return left[-12:], right[:10], words[:3], bullet, heading, section


def test_the_window_tokenises_the_sentence_as_the_whole_line_would():
    long_words = " ".join(["word"] * 60)
    texts = [
        "Gaps: Node.js and Spark; no Kafka. Python 3.5 daily! Is Go next? e.g. Rust, Java.",
        f"Skills:\n{long_words}, Python. {long_words} SQL; Kafka",
        "Not yet:\n- Docker (v2.1), Kubernetes.\n- ASP.NET, C# 10.5 and Go; R",
        f"{long_words}\nheading words here\n- Spark. Also Airflow? No.",
        "Experience with Kafka? ☐ Yes ☒ No\nExperience with Java? ☒ Yes ☐ No",
    ] + [case["text"] for case in _load_set("s")[:80]]
    for text in texts:
        found, _ = _read_parts(text)
        spans = [(s, e) for s, e, _ in found]
        lines: dict = {}
        for start, end, _ in found:
            assert _statusmodel.window(text, start, end, spans, lines) == \
                _window_of_whole_lines(text, start, end, spans), (text, start)


def test_the_reach_script_names_each_reach():
    from _scripts import load_script

    reaches = load_script("scripts/reader_reach.py").reaches
    text = "Gaps:\n- Kafka\n\n- Spark\nStrengths:\n- Python\n- SQL"
    found, cues = _read_parts(text)
    got = reaches(text, found)
    assert got["hybrid"] == _statusmodel.in_reach(text, found, cues) == [True, True, False, False]
    assert got["line"] == [False] * 4 and got["line+1"] == [True, False, False, False]
    assert got["line+25"] == got["text"] == [True] * 4
    marked = reaches("Spark ✗\nPython", _read_parts("Spark ✗\nPython")[0])
    assert all(all(flags) for flags in marked.values())


def test_the_build_reads_postings_with_the_rules():
    from rolefit.build.datasets import POSTING_READER, posting_skills

    text = "Asked about Kubernetes in the screen and had to say no. Python is required."
    assert POSTING_READER == "rules"
    assert "kubernetes" not in rolefit.extract_skills(text)  # the default, hybrid
    assert posting_skills(text) == ["kubernetes", "python"]
    assert rolefit.get_config() == {"reader": "hybrid"}


def test_rules_only_cue_words_leave_the_learned_reader_out(monkeypatch):
    """A cue word of OUT_OF_REACH ("aiming for") is read by the rules only: it brings no
    line into the learned reader's reach; another cue word does."""
    calls = []
    real = _statusmodel.revise
    monkeypatch.setattr(_statusmodel, "revise",
                        lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    with rolefit.config_context(reader="hybrid"):
        found = rolefit.find_skills("We are aiming for a 50/50 split; React and AWS daily.")
        assert list(found["status"]) == ["has", "has"] and not calls
        found = rolefit.find_skills("Aiming for MLOps roles; React and AWS daily.")
        assert list(found["status"]) == ["negated", "has", "has"] and not calls
        rolefit.find_skills("We are not hiring for a 50/50 split; React and AWS daily.")
        assert calls


@pytest.mark.parametrize("name", ["jjjj", "bbbb"])
def test_the_steadiness_script_reads_as_the_default_reader(name):
    # its rows, read by the shipped model where it gives features, are the default's reading
    # (in BBBB, the model reads a mention of a skill the rules deny elsewhere: "Module 1: ML
    # fundamentals" in a curriculum)
    from _scripts import load_script

    script = load_script("scripts/reader_steadiness.py")
    model = _statusmodel.load()
    cases = build_reader.load_sets(SETS / "holdout")[name]
    rows = script.hybrid_rows(cases)
    assert sum(row[3] is not None for row in rows) > 100  # the model reads some
    statuses = [row[2] if row[3] is None else _statusmodel.predict(model, row[3])[0]
                for row in rows]
    read = build_reader.strongest(((k, skill, status) for (k, skill, *_), status
                                   in zip(rows, statuses, strict=True)), len(cases))
    assert read == [_skill_statuses(case["text"]) for case in cases]


def test_the_steadiness_script_leaves_out_table_rows_by_seed():
    # --left-out --seed N leaves out --drop rows of the status table only, the same rows
    # for the same seed
    from _scripts import load_script

    script = load_script("scripts/reader_steadiness.py")
    sets = {"table": [f"row {k}" for k in range(40)], "aa": ["a case"]}
    first = script.without_table_rows(sets, 15, 1)
    assert len(first["table"]) == 25 and set(first["table"]) < set(sets["table"])
    assert first["aa"] == ["a case"] and len(sets["table"]) == 40
    assert script.without_table_rows(sets, 15, 1) == first
    assert script.without_table_rows(sets, 15, 2)["table"] != first["table"]
