"""Generate a reproducible corpus of job-posting-like text with ground truth.

The text is built from template sentences written for this benchmark (no text is copied
from any data set). Templates mix real skill mentions, drawn from the term list
(:func:`_terms.load_terms`), with the traps that naive keyword matching gets wrong:
``C++17``, ``C++/CUDA``, ``C#``, ``.NET``, ``Node.js``, ``R`` next to ``R&D``, ``Go`` next
to ``go-to-market``, ``C`` next to ``C-suite``, ``Spark`` next to ``sparked``, ``Excel``
next to ``excellent`` and a few more.

``--kind resume`` writes resume-sized texts instead (0.5 to 1.5 KB each, first-person
wording of their own, "Skills:" lines, the same hard cases), for timing extraction one short
text per call.

Two files are written:

* the corpus (UTF-8, ``\\n`` line ends, written without newline translation), a sequence
  of postings separated by blank lines;
* ``<corpus>.truth.jsonl``: one JSON object per generated sentence (and per posting
  header line), ``{"doc": i, "start": s, "end": e, "keys": [...], "hard": bool}`` where
  ``corpus[s:e]`` (character offsets of the decoded text) is the sentence, ``keys`` the
  sorted set of skill keys it truly mentions and ``hard`` marks the hard-case sentences.

Ground truth comes from the templates, not from any matcher: a mention slot is labelled
with the key of the surface put there. A generated sentence is kept only when a naive
token-level scan for every surface finds nothing outside the labelled slots and trap
spans, so no accidental, unlabelled mention (for example a filler word that happens to
be an alias, or a slot plus the next word forming a longer surface) can slip in.

Usage::

    python benchmarks/make_corpus.py --seed 0 --mb 20 -o benchmarks/.corpus/corpus_seed0.txt
    python benchmarks/make_corpus.py --kind resume --seed 0 --mb 5
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _terms import load_terms, terms_source

DEFAULT_OUT = Path(__file__).resolve().parent / ".corpus" / "corpus_seed0.txt"
DEFAULT_RESUME_OUT = DEFAULT_OUT.with_name("resumes_seed0.txt")
RESUME_BYTES = (500, 1500)  # size range of one resume

# Markup in templates:
#   {}        a random skill mention (labelled with its key)
#   {{X}}     a mention of the listed surface X (labelled; plain text if X is not listed)
#   [[X]]     a trap: text that must not count as a mention of anything
SKILL_TEMPLATES = [
    "Strong experience with {} and {} in production settings.",
    "You have shipped projects using {}, {} or similar tools.",
    "Hands-on knowledge of {} is required.",
    "Bonus points for familiarity with {}.",
    "You will build and maintain pipelines on {} and {}.",
    "Our stack includes {}, {}, {} and a lot of coffee.",
    "At least three years of {} in a commercial environment.",
    "Proficiency in {} and a working knowledge of {}.",
    "Prior exposure to {} would help you ramp up quickly.",
    "We expect you to be comfortable with {} from day one.",
    "Nice to have: {}, {}.",
    "Must have: {}.",
    "You will mentor others in {} and review their work.",
    "The role involves heavy use of {} together with {}.",
    "Evaluate new approaches in {} and share what you learn.",
    "Deep understanding of {} and how it fits with {}.",
    "Experience migrating workloads from {} to {}.",
    "You are fluent in {} ({} is a plus).",
    "Demonstrated impact using {} on real users.",
    "Familiar with {}? Great, tell us about it.",
    "Ideally you have contributed to {} or {} before.",
    "Day to day, you will write {} and occasionally {}.",
    "Comfort turning ideas about {} into working prototypes.",
    "Solid grounding in {}, {} and {}.",
    "We are moving our platform to {} this year.",
    "Tooling: {} / {} / {}.",
    "Our interviews cover {} in some depth.",
    "You care about {} as much as about clean code.",
    "Knowledge of {} is helpful but not mandatory.",
    "You will pair with senior staff on {} work.",
    "Previous roles used {}; we also rely on {}.",
    "Applicants should list their {} experience.",
    "Most teams here use {} every week.",
    "Certifications in {} are welcome.",
    "Help us scale {} across several regions.",
    "Teach internal workshops about {} and {}.",
    "Document how {} is used across the company.",
    "Keep our {} setup healthy and cheap to run.",
    "Bring opinions about {} and {}, loosely held.",
    "The first project is a rewrite in {}.",
]

FILLER_TEMPLATES = [
    "We are a small, fast-growing team based in Lisbon and Toronto.",
    "This is a full-time position with flexible hours.",
    "You will report to the head of the department.",
    "We offer a generous parental leave policy.",
    "Remote work is possible within two time zones of the office.",
    "Our mission is to make public transport more reliable.",
    "Salary depends on experience and location.",
    "We value kindness, candour and ownership.",
    "The hiring process has four short steps.",
    "Please include a short note about why this role interests you.",
    "We welcome applicants from every background.",
    "You will join a team of eight people.",
    "Benefits include health cover, a learning budget and a new laptop.",
    "We ship small changes often and review each other's work.",
    "Our customers are hospitals, schools and city councils.",
    "The company was founded by two former teachers.",
    "We meet in person once a quarter.",
    "Everyone here owns their projects end to end.",
    "You will help shape the roadmap for next year.",
    "Travel is rarely needed, maybe twice a year.",
    "The team writes clear documents before big decisions.",
    "We care a great deal about the people who use our product.",
    "Onboarding takes about two weeks and includes a buddy.",
    "Interviews are held over video and take about an hour each.",
    "We publish our salary bands openly.",
    "Our office has a quiet floor and plenty of light.",
    "Part of the role is talking with customers every week.",
    "You enjoy turning vague questions into concrete plans.",
    "Applications close at the end of the month.",
    "We answer every application within ten working days.",
    "Tell us about something you built that you are proud of.",
    "This position is open to people early in their careers.",
    "We support conference travel and speaking.",
    "The work is varied and the pace is steady.",
    "You like explaining hard ideas in simple words.",
    "A cover letter is optional.",
    "Visa sponsorship is available for this role.",
    "Our product helps farmers plan their harvests.",
    "We prefer people who ask many questions.",
    "The team is spread over three countries — and that works well.",
    "You’ll have a real say in how we work.",
    "Compensation: a competitive base plus equity.",
]

HARD_TEMPLATES = [
    "Write modern {{C++}}17 and {{C++}}20 for latency-critical paths.",
    "Experience with {{C++}}/{{CUDA}} kernels is a plus.",
    "Our services run on {{C#}} and {{.NET}}, with some {{F#}} tooling.",
    "Build services in {{Node.js}} and {{TypeScript}}.",
    "Strong {{R}} skills; familiarity with [[R&D]] budgeting is a bonus.",
    "You will lead [[R&D]] initiatives and report to the [[C-suite]].",
    "Fit models in {{R}} and report [[R-squared]] for each one.",
    "Own the [[go-to-market]] reporting for new products.",
    "Partner with the [[Go-To-Market]] team on pricing.",
    "[[Go]] to our careers page to apply.",
    "Services are written in {{Go}} and {{Python}}.",
    "We use {{Go}}, {{Rust}} and {{C}} for low-level work.",
    "Use {{Go}} to build small internal utilities.",
    "Present findings to the [[C-suite]] and the board.",
    "Report to [[C]]-level executives every quarter.",
    "Our growth [[sparked]] new hiring across teams.",
    "Process event logs with {{Spark}} and {{Kafka}}.",
    "Candidates must have [[excellent]] written English.",
    "Solid {{Excel}} (lookups and charts) is required.",
    "Replace {{Excel}}-based reports with self-serve dashboards.",
    "[[Excel]] at cross-team work and clear writing.",
    "The team is [[Reacting]] quickly to market changes.",
    "[[React]] to incidents quickly and calmly.",
    "The web app uses {{React}} and {{TypeScript}}.",
    "Don't worry if your German is a bit [[rusty]].",
    "Our mascot is a [[gopher]] named Pat.",
    "Design {{A/B testing}} frameworks and keep {{CI/CD}} green.",
    "Contribute to {{scikit-learn}}'s ecosystem of estimators.",
    "Familiarity with {{PyTorch}}/{{TensorFlow}} is expected.",
    "Query the warehouse ({{SQL}}) daily.",
    "Skills: {{SQL}}, {{Python}}.",
    "Day to day we mostly write {{Python}}.",
    "Most of our code is {{Python}}3 with type hints.",
    "{{Python}}-based tooling and {{Kubernetes}}-native deployments.",
    "Most modelling is done in {{R}}.",
    "Use {{R}}'s tidy tools for quick analysis.",
    "Device code is written in {{C}} by a small team.",
    "Work on {{large language models}} for search.",
    "Adapt {{pre-trained models}} to new tasks.",
    "Queries run on {{Spark SQL}} today, not on plain {{SQL}}.",
    "Questions? Ask [[Ray]] from recruiting.",
    "Profit and loss ([[P&L]]) ownership for one region.",
]

# Resume wording, written for this benchmark like the templates above.
RESUME_SKILL_TEMPLATES = [
    "Built and ran {} pipelines for the finance team.",
    "Migrated nightly jobs from {} to {}, cutting cost by a third.",
    "Led a team of four shipping {} services.",
    "Wrote internal libraries in {} and {}.",
    "Skills: {}, {}, {}, {}",
    "Tech stack: {} / {} / {}",
    "Tools: {}, {} and {}.",
    "Trained and deployed models with {}.",
    "Automated weekly numbers with {} and {}.",
    "Kept {} clusters healthy under heavy load.",
    "Thesis work used {} for simulations.",
    "Certified in {} (2023).",
    "Made slow queries fast with careful {} tuning.",
    "Mentored interns on {} habits.",
    "Prototyped a recommender in {} within two weeks.",
    "Introduced {} for monitoring and alerting.",
    "Languages: {}, {}.",
    "Contributed fixes to {}.",
    "Ran workshops on {} for colleagues.",
    "Designed dashboards fed by {} and {}.",
    "Self-taught {}; daily use of {} at work.",
    "{} ({} years), {} (1 year)",
]
RESUME_FILLER_TEMPLATES = [
    "Coordinated weekly planning with product and design.",
    "Graduated with honours in 2019.",
    "Volunteer tutor at a local library.",
    "Interviewed more than forty candidates.",
    "Presented results to regional managers every month.",
    "Moved from teaching into industry in 2020.",
    "Organised the team's reading group.",
    "Wrote the onboarding guide for new hires.",
    "Enjoy running, chess and long walks.",
    "Available from next month.",
    "References on request.",
    "Worked closely with customers to understand their needs.",
    "Served as on-call lead for six months.",
    "Promoted twice in three years.",
    "Based in Porto, open to relocation.",
]
RESUME_HEADINGS = [
    "Summary",
    "Experience",
    "Projects",
    "Skills",
    "Education",
    "Highlights",
    "Other",
]

WORD = re.compile(r"[^\W_]+")
MARKUP = re.compile(r"\{\{(.+?)\}\}|\[\[(.+?)\]\]|\{\}")


class _Naive:
    """Token-level scan for every surface, used only to reject ambiguous sentences."""

    def __init__(self, terms):
        self.by_first: dict[str, list[tuple[tuple[str, ...], bool, str]]] = defaultdict(list)
        for surface, key, case in terms:
            toks = tuple(WORD.findall(surface))
            if not toks:
                continue
            self.by_first[toks[0].lower()].append((toks, case, key))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
        lowered = [w.lower() for w, _, _ in words]
        out = []
        for i, low in enumerate(lowered):
            for toks, case, key in self.by_first.get(low, ()):
                n = len(toks)
                if i + n > len(words):
                    continue
                if case:
                    ok = all(words[i + j][0] == toks[j] for j in range(n))
                else:
                    ok = all(lowered[i + j] == toks[j].lower() for j in range(n))
                if ok:
                    out.append((words[i][1], words[i + n - 1][2], key))
        return out


class Generator:
    """Draws sentences from the templates and labels them."""

    def __init__(self, terms, seed: int):
        self.rng = random.Random(seed)
        self.naive = _Naive(terms)
        by_key: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        self.exact: dict[str, tuple[str, bool]] = {}
        self.folded: dict[str, tuple[str, bool]] = {}
        for surface, key, case in terms:
            by_key[key].append((surface, case))
            self.exact.setdefault(surface, (key, case))
            if not case:
                self.folded.setdefault(surface.lower(), (key, case))
        self.keys = sorted(by_key)
        self.by_key = {k: sorted(v) for k, v in by_key.items()}
        self.skill = self._usable(SKILL_TEMPLATES)
        self.filler = self._usable(FILLER_TEMPLATES)
        self.hard = self._usable(HARD_TEMPLATES)
        self.resume = self._usable(RESUME_SKILL_TEMPLATES)
        self.resume_filler = self._usable(RESUME_FILLER_TEMPLATES)

    def _lookup(self, surface: str) -> str | None:
        hit = self.exact.get(surface)
        if hit is None and surface.lower() in self.folded:
            hit = self.folded[surface.lower()]
        return hit[0] if hit else None

    def _usable(self, templates: list[str]) -> list[str]:
        """Drop templates whose fixed words already mention a listed surface."""
        kept = []
        for template in templates:
            text, keys, spans = self._render(template, placeholder=True)
            if self._clean(text, spans, keys):
                kept.append(template)
            else:
                print(
                    f"make_corpus: template dropped (mentions a term): {template!r}",
                    file=sys.stderr,
                )
        return kept

    def _clean(self, text: str, spans: list[tuple[int, int]], keys: set[str]) -> bool:
        """True if every naive hit lies inside a labelled span or is a labelled key."""
        return all(
            any(a <= s and e <= b for a, b in spans)
            or (key in keys and any(s < b and a < e for a, b in spans))
            for s, e, key in self.naive.spans(text)
        )

    def _surface(self) -> tuple[str, str]:
        rng = self.rng
        key = rng.choice(self.keys)
        surface, case = rng.choice(self.by_key[key])
        if not case:
            roll = rng.random()
            if roll < 0.12:
                surface = surface.lower()
            elif roll < 0.20:
                surface = surface[:1].upper() + surface[1:]
            elif roll < 0.24:
                surface = surface.upper()
        if " " in surface and rng.random() < 0.1:
            surface = surface.replace(" ", rng.choice(["\n", "  ", " \n "]), 1)
        return surface, key

    def _render(self, template: str, placeholder: bool = False):
        """Return (text, keys, labelled spans) for one template."""
        parts: list[str] = []
        keys: set[str] = set()
        spans: list[tuple[int, int]] = []
        pos = 0
        length = 0
        for m in MARKUP.finditer(template):
            parts.append(template[pos : m.start()])
            length += m.start() - pos
            if m.group(1) is not None:
                piece = m.group(1)
                key = self._lookup(piece)
                if key is None:  # not a listed surface: plain text, checked like any other
                    parts.append(piece)
                    length += len(piece)
                    pos = m.end()
                    continue
                keys.add(key)
            elif m.group(2) is not None:
                piece = m.group(2)
            elif placeholder:
                piece = "Qzx"
            else:
                piece, key = self._surface()
                keys.add(key)
                if self.rng.random() < 0.05 and piece[-1:].isalnum():
                    piece += "'s"
            parts.append(piece)
            spans.append((length, length + len(piece)))
            length += len(piece)
            pos = m.end()
        parts.append(template[pos:])
        return "".join(parts), keys, spans

    def sentence(self, kind: str) -> tuple[str, set[str]]:
        templates = {
            "skill": self.skill,
            "filler": self.filler,
            "hard": self.hard,
            "resume": self.resume,
            "resume_filler": self.resume_filler,
        }[kind]
        for _ in range(50):
            text, keys, spans = self._render(self.rng.choice(templates))
            if self._clean(text, spans, keys):
                return text, keys
        return self.rng.choice(self.filler), set()


TITLES = [
    "Machine Learning Engineer",
    "Senior Data Scientist",
    "Data Engineer",
    "Research Scientist",
    "Analytics Lead",
    "Platform Engineer",
    "Applied Scientist",
    "Staff Software Engineer",
]
HEADINGS = [
    "About the role:",
    "What you will do:",
    "What we look for:",
    "Why join us?",
    "About us:",
    "How to apply:",
]


def generate(out: Path, seed: int, mb: float, kind: str = "posting") -> tuple[int, int]:
    """Write the corpus and its truth file; return (characters, sentences).

    ``kind`` is ``"posting"`` (job postings of about 2-4 KB) or ``"resume"`` (resumes of
    ``RESUME_BYTES``).
    """
    terms = load_terms()
    gen = Generator(terms, seed)
    rng = gen.rng
    target = int(mb * 1_000_000)
    chunks: list[str] = []
    records: list[str] = []
    offset = 0
    size = 0
    doc = 0

    def emit(text: str, keys: set[str], hard: bool, sep: str, prefix: str = "") -> None:
        nonlocal offset, size
        start = offset + len(prefix)
        records.append(
            json.dumps(
                {
                    "doc": doc,
                    "start": start,
                    "end": start + len(text),
                    "keys": sorted(keys),
                    "hard": hard,
                },
                separators=(",", ":"),
            )
        )
        piece = prefix + text + sep
        chunks.append(piece)
        offset += len(piece)
        size += len(piece.encode("utf-8"))

    def resume() -> None:
        nonlocal size, offset
        low, high = RESUME_BYTES
        budget = rng.randint(low + 100, high - 100)
        start = size
        emit(f"{rng.choice(TITLES)}, resume {rng.randrange(1000, 9999)}", set(), False, "\n\n")
        for heading in rng.sample(RESUME_HEADINGS, k=rng.randint(3, len(RESUME_HEADINGS))):
            emit(heading, set(), False, "\n")
            bullet = rng.choice(["- ", "• ", "* ", ""])
            for _ in range(rng.randint(2, 6)):
                roll = rng.random()
                which = "resume" if roll < 0.5 else "resume_filler" if roll < 0.8 else "hard"
                text, keys = gen.sentence(which)
                if size - start + len((bullet + text).encode("utf-8")) + 1 > budget:
                    break
                emit(text, keys, which == "hard", "\n", bullet)
            if size - start >= budget - 60:
                break
        while size - start < low + 10:
            emit(gen.sentence("resume_filler")[0], set(), False, "\n", "- ")

    while size < target and kind == "resume":
        resume()
        chunks.append("\n\n")
        offset += 2
        size += 2
        doc += 1

    while size < target and kind == "posting":
        title = f"{rng.choice(TITLES)} (ref. {rng.randrange(1000, 9999)})"
        if gen._clean(title, [], set()):
            emit(title, set(), False, "\n\n")
        for heading in rng.sample(HEADINGS, k=rng.randint(4, len(HEADINGS))):
            emit(heading, set(), False, "\n")
            bullets = rng.random() < 0.5
            for _ in range(rng.randint(6, 14)):
                roll = rng.random()
                which = "skill" if roll < 0.4 else "filler" if roll < 0.88 else "hard"
                text, keys = gen.sentence(which)
                if bullets:
                    bullet = "- " if rng.random() < 0.7 else "• "
                    emit(text, keys, which == "hard", "\n", bullet)
                else:
                    emit(text, keys, which == "hard", " ")
            chunks.append("\n")
            offset += 1
            size += 1
        chunks.append("\n\n")
        offset += 2
        size += 2
        doc += 1

    out.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(chunks)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    truth = out.with_name(out.name + ".truth.jsonl")
    with truth.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(records) + "\n")
    return len(text), len(records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--kind", choices=["posting", "resume"], default="posting")
    parser.add_argument("--mb", type=float, help="size in MB (default 20, resumes 5)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help=f"corpus path (default {DEFAULT_OUT}, resumes {DEFAULT_RESUME_OUT.name})",
    )
    args = parser.parse_args(argv)
    resume = args.kind == "resume"
    out = args.output or (DEFAULT_RESUME_OUT if resume else DEFAULT_OUT)
    mb = args.mb or (5 if resume else 20)
    chars, n = generate(out, args.seed, mb, args.kind)
    print(
        f"wrote {out} ({chars:,} characters, {n:,} truth records; "
        f"terms from {terms_source()})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
