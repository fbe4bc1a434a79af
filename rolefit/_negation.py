"""Whether each skill mention is held, being learned, or denied, read from its clause.

Rule-based and English-only (a NegEx-style cue list with scopes). The maintained library,
negspacy's NegEx, reading the same mentions of two blind sets, is less precise on
denials, finds at most as many, and has no status for learning
(:mod:`rolefit.build.negex`, ``docs/evaluation.md``). A mention gets one of three statuses:

* ``negated``: a denial cue governs it (``no``, ``not``, ``never``, ``without``, ``lack
  of``, ``unfamiliar with``, ``n't``, ``0 years``, ``little or no``, ``neither``/
  ``nor``, ``yet to``, an interviewer's ``could not answer questions on`` and ``unable to
  explain how``, ``no clue about``, ``clueless``, ``can't say I've used``, ``none of my
  projects used``, ``a stranger to``, ``dont`` (chat spelling), ``know nothing about``,
  ``know zip about``, ``draw a blank on``,
  ``never got round to``, ``never have I used``, ``not once have I used``,
  ``useless at``, ``None of Kafka or
  Pub/Sub``, ``avoided PHP``, ``only read about``, ``don't know the first thing about``,
  ``idk anything about``, a posting's ``we'll teach you`` / ``will be trained in`` /
  ``we'll introduce you to`` / ``Training in Looker and dbt will be provided``, a line's
  ``None — Python, R`` label (or ``None`` over a bulleted list), ``no experience w/``, ``my
  gaps are``, ``couldn't tell you the first thing about``, ``Hadoop - nothing``, ``TypeScript
  not at all``, ``Docker, Kubernetes -- neither is in my toolbox``, ``PostgreSQL (years):
  0``, ``never written a single line of``, ``without ever touching``, an aim at a field or a
  role with nothing in progress (``want to move into``, ``transitioning to``, ``to become
  an``, ``break into``, ``interested in ... roles``, ``want to be an ML engineer``,
  ``deciding between``, ``an analyst moving to``, ``Goal: MLOps engineer``, ``Target role:``,
  ``a way into``; not ``moved into`` or ``applying for the ... role``), advice to ``skip`` a
  skill, and after the skill ``not required``, ``not a prerequisite``, ``won't be needed``,
  ``will not be used``, ``Kafka: none``,
  ``Scala (0 years)``, ``Docker: zilch``, ``is uncharted territory``, ``amounts to nothing``,
  ``Kafka? Not yet``, ``Mode? I've never even logged in``, ``PySpark not yet``, ``Rust:
  nah``, ``Pulumi no``, ``is outside my
  experience``, ``is not my area``, ``is not something I know``, ``Scala is not.``, ``is
  foreign to me``, ``none of them ring a bell``, ``a mystery``, ``Rust I don't``, ``dbt I
  haven't used at all``, ``Puppet, on the other hand, I've never used``, ``Airflow I have no
  experience with`` (a skill put first opens its clause), ``Scala we never touched``, ``makes
  no sense to me``, ``is not in my toolbox``, ``is not part of this role``, ``AWS daily,
  Azure never``, ``only heard of it``, ``I know only by name``, ``would not claim``,
  ``completely new to me``, ``a black box to me``, ``never heard of it``, ``never used
  either``, ``About cloud I know
  nothing``, ``Kafka also no``, ``is not relevant``, ``Kafka? heard of it``, ``Kubernetes
  not so much``, ``except Java`` (an exception to a denial holds what it names: ``no
  tech background except Salesforce``, ``Besides SQL I have no database skills``), a
  ``Gaps:`` label, the writer's ``do I need to know
  Java?``, ``Spark will be new to him``, ``AWS would be new``, ``a closed book to her``,
  ``is a real gap``, ``Kubernetes not.``, ``are all new``, ``a complete blank for me``,
  ``Perl I've forgotten``, ``do I need Terraform?``, a team's ``we no longer use
  Informatica``, a posting's ``we do not expect you to write Terraform``, a group's
  ``Nobody on the team has used Docker``, ``none of us has done NLP``, ``no one here uses
  Terraform`` (not ``nobody else``, ``nobody knows Spark better than``, ``no one knew
  Kafka, so I ...``), ``no interest in React``, ``I forgot all my Fortran``, ``I've used
  neither`` (the list named just before: ``BigQuery + Looker``), ``never written a line
  of it``, a posting's ``we do not expect any Java``, and after the skill ``is not part
  of the placement``, ``is outside the remit``, ``is not approved``, ``MATLAB is not used
  on site``, a second verb after "or" (``never used Docker or deployed anything on
  Kubernetes``), a label's later note (``jax — curious, never tried``; learning after a note
  of study: ``Spark: studied it in a course, never used it``); a label opening its line or
  sentence with a cue among its first words and a colon after a verb of use or a preposition
  (``Things I still can't do: Docker``, ``Tools you have never used but are curious about:
  Tableau``; not ``No two clients were alike: ...``), labels opening a line or a sentence
  (``Not in scope for this role:``, ``... Learning: PyTorch. Missing: GPU stuff``, ``Out
  of scope:``, ``Not my strength:``, ``Not offering:``, ``Not comfortable with:``, a
  decision record's ``Rejected:``; not a reply or a verdict, ``Not quite:``, ``Not
  good:``) and a cue with a verb before a colon (``Never touched:
  Docker, ...``); a denial of the list named just before it (``Spring, Maven - none of
  it``, ``..., none of which I've used``, ``I haven't used any of them``, ``not opened
  either of them``); a cross mark after a skill or opening its line, or an unticked box:
  ``Spark ✗``, ``| Neo4j | ❌ |``, ``❌ Docker, Kubernetes``, ``🚫 Salesforce``, ``🔴
  Terraform``, ``[ ] Jenkins``, ``☐ Spark`` (an unticked box with a learning note, ``☐
  Airflow - currently learning``, is left to the note); an answer on the question's line:
  ``Do you host data on AWS? No``; a cell or note after a pipe, tab, colon or dash: ``|
  Python | none |``, ``Asana<TAB>never used``, a JSON or YAML value ``"Scala": "none"``,
  ``docker: {level: none}``, ``Go: zero experience``, ``SQL: n/a``, a zero rating
  ``Kotlin | 0``, ``Scala - 0/5``, ``R rated 0/5``, ``Years with React: 0.``, ``Docker
  ........ 0``, ``Terraform ........ Level 0``, a table's next cell after two or more
  spaces or a tab (``Rust None``, ``Kubernetes 0 0 1``; not a bare ``no``, which a "Gap?"
  column also holds), a form's answer after a question (``Do you use Tableau? | No``,
  ``Have you used Dagster? -> No``, ``... ........ No``, ``SQL experience? (Y/N): N``; a
  bare ``No.`` after ``Have you used LangChain or LlamaIndex?`` denies both),
  ``Data modelling: absent``,
  struck through (``~~Perl~~``), a JSON or YAML list under a key of absence (``"none":
  ["Java"]``, ``not_used: [MongoDB]``, ``"gaps": [...]``; ``"learning": [...]`` is
  ``learning``), ``outside his wheelhouse``, ``above my pay grade``, ``a foreign language
  to me``, ``haven't the foggiest``, ``Out of scope for the first quarter: ...``,
  ``Terraform: zero``, empty stars or circles ``Polars ○○○○○``, a Y/N column's ``Tableau
  - N``, ``Detectron2: not used``, ``Scala: not used anywhere``, an interviewer's
  ``Kafka: could not explain consumer groups``, ``Theano - no longer used anywhere``);
  what an exam, a course or a buyer leaves out (``Scala is not tested``, ``R not
  assessed``, ``.NET: not offered``, ``Deep learning is not covered``; a label ``Not
  covered:`` still covers what follows it); what a job ad asks for, in a text of the
  writer's own (``I``, ``my``, ``me`` in it): ``the job ad mentions Jenkins and Helm``,
  ``every posting wants Python``, ``the role requires SAP`` (the writer's own words about
  the skill elsewhere in the text decide, as a held mention wins; a posting's own ``the
  role requires Python`` is ``has``); and after the skill ``Tableau - not started``,
  ``Snowflake (not started)``, ``Deep learning: hasn't used in a work setting``, ``Azure
  Data Factory: gap``, ``MLOps, Docker: no knowledge``, a team matrix's ``Spark:
  nobody``, ``Statistics ..... not my background``, ``*none*``, a form's ``Experience
  with Kafka? ☐ Yes ☒ No``, ``Kubernetes and Helm are blank spots``, ``a blind spot``; a
  bracketed cross or a multiplication sign opening its line (``[✗] Kafka``, ``×
  Kubernetes``); labels ``Deliberately skipped:``, ``Excluded:``, ``Skipping for now:``,
  ``What I'm skipping on purpose:``, ``Parked until spring:``, ``On hold:``, ``Set
  aside:``, a posting's ``Removed:``, a note that ends a label over its list (``Cloud
  (none yet): AWS, GCP``), ``Python can wait``, a heading ``Out of scope for now`` or
  ``What we do not expect`` over bullet lines, and a label whose verb is ``need`` or
  ``expect`` (``Things you won't need:``), also with
  ``right now`` or ``this year`` before its colon; a person's ``I'm missing`` (``What I'm
  still missing: Terraform``), ``SVN is something I've never touched``; a question that
  is such a label, answered by a list on its line or the next (``Which of these have you
  NOT worked with? Kubernetes, Scala``, ``Interviewer: Any tools you have never used?`` /
  ``Candidate: Qlik and MicroStrategy``); giving up (``I gave up on learning Rust``,
  ``stopped studying Haskell``, ``tried TensorFlow once and gave up``; not ``when pandas
  gave up``), ``a complete mystery``, ``My experience with Spark is zero``, ``Fivetran
  never, Stitch once``, a rating or cross mark after leader dots (``Chef ....... ○○○○○``),
  a bare ``0`` answering a question (``Q: Years of experience with Snowflake? A: 0.``), a
  cue opening a note that ends a label or a heading (``Things to improve (not started
  yet): Stan``, ``Not started yet (but on the list)`` over bullets); a negative condition
  after a label's cue turns it round (``Don't apply unless you know:`` holds the list);
  a note after a skill in the writer's own words (``Kafka: I have zero experience``, ``As
  for Spark, we have none``, ``Snowflake - never had the chance``), ``Python and
  statistics are gaps``, ``Scala remains a big gap``, ``Java was never my thing``,
  ``Deep learning is not her area``, ``Backend: none to speak of``, ``Spark: no hands-on
  work``, ``Python/ML: not part of my toolkit``, ``Ruby isn't in my toolbox``, ``Kafka
  ..... not taken``, ``Kimball: hasn't heard of it``, ``Flink — dropped from the plan``,
  a label on a part of the skill (``Spark jobs: never written one``, ``NoSQL document
  stores: read about them, haven't used``; ``Kafka migration — in progress`` is work),
  a checklist's ``[no]`` before a statement
  (``[no]  configure Azure Monitor alerts``); a wish that denies the skill (``I wish I
  knew Rust``, ``if only I could write Scala``; not ``wish I had more ... experience``),
  ``None with Docker``, a wish with no time to it (a learning cue after a word of wishing,
  with ``someday``, ``one day``, ``at some point`` or ``eventually`` in its clause: ``I'd
  love to learn Rust someday``, ``would love to try Svelte someday``; not ``one day a
  week``), an intent given up (``dropped the plan to learn TensorFlow``), a form's copy
  of a requirement before the note (``JAX experience (preferred) - none``), ``Mistral
  (not tried)``, ``RL: not studied``, and a short word's dot (``No
  prior exp. in Spark``, ``Tableau: no exp.``) ends no clause before a lower-case word;
* ``learning``: an aspiration or beginner cue governs it (``learning``, ``studying``,
  ``currently taking``, ``want/plan to learn``, ``beginner``, ``basic``, ``exposure to``,
  ``limited``, ``minimal``, ``new to``, ``getting started with``, ``aspiring``,
  ``dabbling in``, ``upskilling in``, ``keen to learn``, ``to gain experience with``,
  ``would like to get into``, ``Go: a bit``, ``terraform: dabbling``, ``Python 2/5 ·``,
  a low bare number on a scale the text defines elsewhere (``Self-rating (1-5)`` over
  ``SQL: 1``; ``negated`` where the scale's own words deny: ``1 = none``, ``0``),
  a posting's ``willing to learn`` (the requirement words around it ask for the will),
  ``rudimentary``, ``diving into``, ``getting comfortable with``, ``familiarising myself
  with``, an intent to study or to be at home with a skill (``planning to study``, ``I'll
  study``, ``to get familiar with``, ``becoming proficient in``, ``to get up to speed on``;
  not a purpose, ``workflows to study Spark workloads``, nor a goal of the past, ``was to
  get comfortable with``), being taught (``my mentor is teaching me``, ``getting trained
  in``), a wish list (``on my wishlist``), the start of a course (``about to start a
  Databricks course``), the next goal (``My next goal is Kafka``, ``Next focus:``), an
  intent to master a skill (``hoping to master Kubernetes``), a wish to try (``I'd love
  to try dbt``, ``wants to try Prophet``; not ``want to try it again``), ``barely know`` /
  ``hardly written any`` (not ``barely use``, a habit), a start (``early days with``,
  ``Spark (early days)``, ``first steps in``),
  knowledge in theory only (``only a theoretical understanding of``, ``I know
  Docker in theory``, ``Helm I understand conceptually``, ``Terraform (theory only)``,
  ``is purely theoretical``; not ``deep theoretical knowledge of`` or ``Spark is great in
  theory``), a course phrase such as ``enrolled in an online course on``, and after the
  skill ``(beginner)``, ``(self-study)``, ``on weekends``, ``is limited``, ``is new to
  me``, ``I'm still learning``, ``newbie here``; also ``a bit of``, ``surface-level``,
  ``struggling with``, ``weak in``, a person's ``bad at`` / ``poor at`` / ``terrible
  at`` (``I'm embarrassingly bad at maths``; not ``LLMs are bad at arithmetic``), after
  the skill ``is my weakest area``, ``remains her biggest weakness``, an assessor's
  ``struggled with the``, ``green on``,
  ``would benefit from training in`` and ``needs to build depth in``, a level's or a
  review's label (``Development needs:``, ``Developing:``, ``Shaky:``, ``Weaknesses:``,
  ``Areas for improvement:``, ``Needs work:``, also before a spaced dash: ``Developing —
  Python``), where all of it was met (``Flink (POC only)``, ``only tutorials``, ``toy
  examples``; not ``(university only)``), ``getting my feet wet``, ``a passing
  familiarity with``, ``a class in``, ``get my head around``, ``getting the hang of``,
  ``watched a few videos about``, ``registered for a course on``,
  ``a beginner when it comes
  to``, progress told in units (``three weeks into Rust``, ``two modules into a SQL
  course``, not ``years into``), ``halfway/partway/midway through``, ``in the middle
  of``, ``doing`` or ``just started`` a course, book, path, docs, refresher, cert or
  e-learning, whose name may take four words (``doing the Microsoft Power BI learning
  path``; not ``before completing a bootcamp``), ``just starting
  on``/``with``, ``first time using``, ``my first week with``, ``ramping up on``,
  ``getting used to``, ``playing around with``, ``getting up to speed on``, ``Next up:``,
  ``Coming up:``, a plan's ``Later:`` and ``Upcoming:``, ``Skills still developing:``,
  ``Growing:``, a low rating before the skill (``Rated myself 3/10 on SQL``),
  ``Currently improving:``, ``Working on:`` (not a posting's ``What you'll be working
  on:``), a denial the writer turns round in its sentence (``I don't know Scala yet but
  I am learning it``, ``No Kubernetes experience yet, but I'm taking a course``; not when
  the learning names another skill, the course names its subject or starts later),
  ``brushing up on``, ``I'm practising`` (not ``practising data scientists``),
  ``a tiny bit of``, the
  writer's ``should I learn``, ``Week 2 of my Kubernetes course``, ``starting the fast.ai
  course``, plans (``HTML and CSS are next month``, ``Node.js starts in week 11``,
  ``MongoDB comes later in the course``, ``on her to-do list``), a learning note on a
  list item (``SQL (halfway through a Udemy course)``, ``Kubernetes (CKA) - in
  progress``), a plan's step inside a line followed by the skill (``month 1 Docker, month
  2 Kubernetes``, ``Weeks 5-8 React``; not ``Week 1 checklist (ML team)``, ``Week 3 of
  the Airflow migration``), and after the skill ``Kafka: limited``, ``is superficial``,
  ``SQL I'm just learning``, ``is something I'm studying``, ``on my to-do list``, ``for
  the first time``, a low rating (``Polars 1/5``, ``Leadership: 2 out of 5``, ``Scala |
  3/10``; 3/5 and more is ``has``), ``PyTorch: started this week``, ``Asana (started
  using last month)`` (not ``Python (started 2016)``), ``my statistics is weak``, ``NumPy
  is still shaky``, ``my SQL is very basic``; "analysts who were learning SQL", "if
  anyone wants to learn Snowflake",
  "taught a course on Spark", "teach beginners Python" and "built a Flask app on weekends"
  are not about the writer's own level, "not a beginner", "not new to", "not reliant on",
  "not tied to", "not bad at", "no stranger to" and "cannot recommend X enough", "never had
  a problem with", "never afraid of", "from zero to", "don't miss" are not cues, nor a
  condition ("without dbt we would ..."), nor a double negative ("nothing ships without
  tests", "nothing I can't do in Excel", "there isn't a single module that I didn't write",
  "not that I don't know Java"), nor the writer's "I don't use Selenium anymore" (used
  before; a team's "we do not use Hadoop anymore" still denies));
* ``has``: anything else (``familiar with`` alone is ``has``).

Scope. A cue *before* a skill reaches it when the words between them are bridge words
(``experience``, ``exp``, ``with``, ``used``, ``any``, ``professional``, ..., and a
misspelling of a long word among them for what a writer knows, ``experiance``,
``knowlege``, within one or two edits; a cue may allow one
other word; a tight one, such as ``no``, only the word right before a skill whose kind of
knowledge it denies: "no background in classical ML", "no people leadership experience";
any cue, the examples of one kind it names in up to three other words, after a bracket,
``such as``, ``like``, ``including`` or ``e.g.``: "never used a columnar warehouse like
Snowflake", "no experience with our monitoring stack (Grafana)", not "(Excel only)"),
and then runs on over a list: further skills joined by commas, ``and``,
``or``, ``nor``, ``/``, ``+`` and bridge words ("no Spark, Kafka or Airflow", "or any kind of
stream processing", "a BI tool such as Tableau"). Scope stops at the
next cue, at a subject pronoun ("and I ...") and at a clause boundary: a sentence end, a
semicolon, a newline or bullet, a spaced dash, ``but``, ``however``, ``although``,
``though``, ``whereas``, ``while``, ``, yet`` ("no Java, but strong Python" keeps Python).
A cue *after* skills (``not required``, ``on weekends``) reaches back over the nearest
skill and the list joined to it by a conjunction; a parenthesised or colon/dash cue
(``Spark (beginner)``, ``Kafka: none``, ``**Kafka:** none``, ``| **Cloud** | none |``; a
bare "No" ends at its line) only the skill right before it (after a colon or a spaced
dash, the list before it: ``Spark/Kafka: none``), and nothing when
the word before it is not a skill ("French (basic), Python" keeps Python). A cue that makes
a heading line ("Learning next:", "Not required") covers the bullet lines under it, or a
line of skills and the short item lines below it ("Never used" / "Terraform, Ansible";
not a table's columns); a cue followed by a colon ("Not required: a degree, Java") covers
the rest of its clause, up to the next label after a bar, semicolon or bullet ("Shaky:
C++ | Current: Python"), or the list below it if the colon ends its line ("Name the
tools you have not used:" / "- Django"; a denial of use or need may have up to twelve
words before it there: "For this analyst role you will NOT need:", "Skills the new role
requires that I don't have yet:"; a condition with an
object of its own is read past: "What I'm not planning to learn unless forced:"). A cue
that reaches no skill this way may be about the skill that a relative clause of the
writer's follows ("Java, which I've never learned") or, opening an answer ("A: No.",
"Candidate: Not really", "Me: Zero"), about the skills of a question put to the writer just
before it ("Q: Do you know Go?", "How about Azure?", or skill names alone: "Interviewer:
AWS?"); so is a learning cue opening an answer, perhaps after a word or two, to a question
about the person's own skills ("Mentee: a little", "Candidate: Honestly, learning"; not a
posting's "Is there any NLP? A little"); a pronoun after a cue ("never used it")
stands for the nearest skill before it, across a question and its answer. A skill named in a
question takes the status of its mention in the answer ("Q: Experience with Terraform? A: I
have never written Terraform"). Under a heading line, each bullet counts up to its first
sentence end or spaced dash ("Scala. Our Spark jobs run in PySpark" keeps Spark and
PySpark), and a cue in an item leaves the items below to the heading ("What you don't
need" / "• Deep learning. We don't use it." / "• Cloud"); without a colon a heading may
have up to three words before its cue ("What we
don't need"). A learning cue after a denied intent denies what it reaches ("not planning to
learn Spark", "no plans to learn", "not interested in learning Scala"). A skill named
inside a cue is what the cue is about ("enrolled in
an AWS certification course"), unless the cue is read at the skill's own name ("Teaching
myself Julia": no ``teaching``).

Job postings. "Python not required", "no Python experience required", "not expected to
know Python" and "We don't expect you to know Terraform" are ``negated``
(the posting does not ask for Python); "no experience required" names no skill, so
changes nothing. Requirement wording in the clause (``required``, ``preferred``,
``a plus``, ``nice to have``, ``bonus``, ``would help``, ...) turns a ``learning`` cue
into ``has``: "basic SQL is required" and "exposure to Kafka is a plus" are what the
posting asks for.

Speed. Every cue holds one of a few words (``_ANCHORS``); :func:`rolefit.skills._reader`
finds them in the same scan as the skill names, and the cue expression is tried only at
them, so a text without one costs nothing here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

__all__ = ["CUE", "HAS", "HYPHENATED", "LEARNING", "NEGATED", "OUT_OF_REACH", "anchor_terms",
           "has_marks", "has_layout_cues", "has_scale", "in_reach_words", "statuses"]

HAS, LEARNING, NEGATED = "has", "learning", "negated"
CUE = "cue"  # not a status: a skill name read as a word of a cue, not as a mention

# -- cues before the skill -------------------------------------------------------------
# "not very experienced", "not too familiar": some knowledge, so ``learning``
_HEDGES = (
    r"very|too|that|so|overly|particularly|super|fully|yet\s+fully|hugely|terribly|great|good"
)
_COURSE = (
    r"(?:(?:course|class|bootcamp|mooc|nanodegree|speciali[sz]ation|certificate|certification"
    r"|workshop|programme|program|module|track|tutorial|chapter|unit|path|lesson|book"
    r"|curriculum|doc|refresher|cert|e-learning|kata)s?|documentation)"
)
_ABOUT = r"(?:\s+(?:on|in|about|of|for|covering|(?:that|which)\s+covers))?"
_MY_SKILLS = r"(?:\s+my\s+(?:\w+\s+)?(?:skills?|knowledge|experience|expertise|understanding))"
_BARE_NOT = "dont|didnt|doesnt|havent|hasnt|hadnt|cant|wont|isnt|arent|wasnt|werent|wouldnt"
# a learning plan's step: "Weeks 1-4: ", "Month 3. ", "Term 1 — ", "Wk 6    " (with what
# follows it; not "Phase 1 —" or "Quarter 2:", more often a project's than a learner's)
_PLAN_STEP = (
    r"(?:weeks?|wks?|months?|days?|term)\s*\d{1,2}(?:\s*[-–—]\s*\d{1,2})?"
    r"(?:\s*\([^()\n]{1,20}\))?(?:\s*(?::|\.|[—–-])[^\S\n]+|[^\S\n]{2,}|\t[^\S\n]*)"
)
# where a label starts: a line's start, after a bullet, a symbol or an emoji ("🚫 Not my
# thing:"), or a sentence's start ("Learning: PyTorch. Missing: GPU stuff")
_LABEL_START = (
    r"(?:(?<![^\n])|(?<=[-*•·\u2190-\u2bff\U0001f300-\U0001faff]\s)|(?<=[.!?][^\S\n]))"
)
# the roles an aim names after its field: "interested in data engineering roles"
_ROLE_NOUNS = r"[^\S\n]+(?:roles?|positions?|jobs?|openings?|careers?)\b"
# a role named within a few words: "an ML engineer", "data scientist roles"
_ROLE_AHEAD = (
    r"(?=(?:[^\S\n]+[\w/&+.#-]+){1,4}?[^\S\n]+(?:engineers?|scientists?|analysts?|developers?"
    r"|researchers?|architects?|specialists?|roles?|positions?|jobs?|careers?|tracks?)\b)"
)
# a role or a field named within a few words: "ML engineering", "an LLM engineering role"
_FIELD_AHEAD = _ROLE_AHEAD.replace("(?:engineers?|", "(?:engineers?|engineering|science"
                                   "|analytics|analysis|research|")
# a word or two, or a note in brackets, between a label's cue and its colon (or a spaced
# dash: "Developing — Python, SQL")
_LABEL_TAIL = (
    r"(?:[^\S\n]+(?!(?:in|for|from|between|of|to)\b)[\w'’-]+){0,2}?"
    r"(?:[^\S\n]*\([^()\n]{1,30}\))?(?=[^\S\n]*:(?!//)|[^\S\n]+[-–—][^\S\n])"
)
# for how long, or how deliberately, a plan leaves something out: "Skipped for now:", "Parked
# until Q3:", "What I'm skipping on purpose:"
_PUT_OFF = (
    r"(?:[^\S\n]+(?:on[^\S\n]+purpose|deliberately|intentionally"
    r"|for[^\S\n]+(?:now|the[^\S\n]+(?:moment|time[^\S\n]+being))"
    r"|(?:for[^\S\n]+)?this[^\S\n]+"
    r"(?:time|round|year|quarter|term|half)|until[^\S\n]+[\w'’ -]{1,20}?))?"
)
# the end of a heading's line, and bullet lines after it (a blank line between)
# the marks that open a list's line (also an arrow: "→ prior experience with document AI")
_BULLET_MARKS = "-*•·▪►●◦→➤➢"
_BULLETS_NEXT = (
    r"[^\S\n]*(?:\*\*)?[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*[" + _BULLET_MARKS + r"][^\S\n]")
# the end of a line, and a bullet or number opening the next ("None\n- Spark")
_BULLET_BELOW = r"[^\S\n]*\n[^\S\n]*(?:[" + _BULLET_MARKS + r"]|\d{1,2}[.)])"
# a low rating: "1/5", "2 out of 5", "3/10" (an attached cue, _ATTACHED)
_RATINGS = [
    *(f"{n}{sep}5" for n in (1, 2) for sep in ("/", " / ", " out of ", " of ")),
    *(f"{n}{sep}10" for n in (1, 2, 3) for sep in ("/", " / ", " out of ")),
]
# what a job ad asks for, in a text of the writer's own ("the job ad mentions Jenkins",
# "every posting wants Python"): the writer's own words elsewhere decide; alone, a skill
# named only there is one the writer lacks
_AD_NOUNS = """ad ads advert adverts posting postings description descriptions jd jds listing
    listings spec specs role roles job jobs position positions vacancy vacancies""".split()
# (whole words only, none the start of a common longer word: a cue word found inside one,
# "role i" in "role in", "job require" in "job requirements", costs the scan a check)
_AD_VERBS = """mentions mentioned lists listed requires required asks asked wants want wanted
    needs need needed calls says said expects demands""".split()
_AD_ANCHORS = [f"{noun} {word}" for noun in _AD_NOUNS for word in [
    *_AD_VERBS, "now", "also", "always", "seems", "seem"]] + [
    f"{noun} i {verb}" for noun in _AD_NOUNS for verb in ("see", "saw", "want", "like")]
# (the cue: the same nouns and verbs, "asks for", and "seems to list"/"mention")
_AD_CUE = (
    r"(?:(?<=the\s)|(?<=this\s)|(?<=that\s)|(?<=every\s)|(?<=each\s)|(?<=their\s)"
    r"|(?<=most\s)|(?<=all\s)|(?<=job\s))"
    rf"(?:{'|'.join(sorted(_AD_NOUNS, key=len, reverse=True))})\s+"
    r"(?:(?:now|also|always|seems?\s+to|I\s+(?:see|saw|want|like))\s+)?(?:"
    + "|".join(v + r"\s+for" if v in ("asks", "asked", "calls") else v
               for v in sorted([*_AD_VERBS, "mention", "list"], key=len, reverse=True))
    + ")"
)
_AD_CUE_AT = re.compile(_AD_CUE, re.I)
# (not "Flex My Way"; a lower-case "i" as in a chat: "i use python", "i've", not "i.e.")
_WRITER = re.compile(r"\b(?:I|I['’](?:m|ve|d)|i(?=\s|['’](?:m|ve|d)\b)|my|me)\b")
# (a skill right after it: not "Week 1 checklist (ML team)", "Week 3 of the Airflow migration")
_STEP_IN_LINE = r"(?:weeks?|wks?|months?|days?)\s*\d{1,2}(?:\s*[-–—]\s*\d{1,2})?[^\S\n](?=[^\W_])"
# A person as the subject right before a cue, with an adverb or none: "I'm", "she is really"
# (one look-behind each: Python's look-behinds have a fixed width)
_PERSON_IS = "(?:" + "|".join(
    rf"(?<=\b{who}\s{how})"
    for who in (r"I['’]m", r"I\sam", r"I\swas", r"he['’]s", r"she['’]s", r"he\sis", r"she\sis",
                r"he\swas", r"she\swas", r"they['’]re", r"they\sare", r"we['’]re", r"we\sare")
    for how in ("", *(rf"{a}\s" for a in (
        "really", "pretty", "quite", "very", "so", "still", "embarrassingly", "terribly",
        "fairly", "genuinely", "honestly", "completely", "rather", "kinda", "admittedly",
        "also", "currently", "definitely", "clearly", "totally")))
) + ")"
# the verbs of a choice made against a skill ("decided against Python", _NEG_BEFORE)
_CHOSE = ("decided", "decides", "decide", "deciding", "chose", "chosen", "choose", "opted",
          "opting", "opt")
_NEG_BEFORE = [
    _AD_CUE,  # (only in a text of the writer's own: statuses())
    # labels over what follows: "Not in scope for this role:", "Not my strength: CSS"
    _LABEL_START + r"not\s+in\s+scope(?:\s+for\s+(?:this|the)\s+(?:role|position|job))?(?=\s*:)",
    _LABEL_START + r"out\s+of\s+scope(?:(?:\s+for\s+[^:\n.;]{1,40})?(?=\s*:)"
    # (or a heading over bullet lines: "Out of scope for now" / "- Reinforcement learning")
    r"|(?=(?:[^\S\n]+[\w'’]+){0,4}" + _BULLETS_NEXT + "))",
    _LABEL_START + r"not\s+(?:really\s+)?(?:my|our)\s+(?:strengths?|area|thing|forte"
    r"|strong\s+suit)(?=\s*(?:\([^()\n]{1,20}\)\s*)?:)",  # (or "Not my thing (yet):")
    # "Irrelevant for this role: React", "Missing for this role: Java"
    _LABEL_START + r"irrelevant(?:\s+(?:for|to)\s+[^:\n.;]{1,40}?)?(?=\s*:)",
    _LABEL_START + r"missing(?:\s+(?:for|from|in)\s+[^:\n.;]{1,40}?)?(?=\s*:)",
    # what a plan or a tender leaves out: "Deliberately skipped: RL", "Excluded: Oracle",
    # "Skipping for now: Tableau", "Parked until spring: Rust", "Set aside: Kafka", a
    # posting's change list "Removed: Spark, Scala", "Deliberately left out:", "On hold:"
    r"(?:(?:(?<![^\n])|(?<=[-*•·\u2190-\u2bff\U0001f300-\U0001faff]\s)|(?<=deliberately\s)"
    r"|(?<=intentionally\s)|(?<=explicitly\s)|(?<=consciously\s)"
    # the writer's own: "What I'm skipping on purpose:", "Things I skipped:"
    r"|(?<=\bI['’]m\s)|(?<=\bI\sam\s)|(?<=\bI\s)|(?<=\bwe['’]re\s)|(?<=\bwe\s))"
    r"(?:skipped|skipping|excluded|parked|deferred|postponed|removed|dropped|left\s+out"
    r"|on\s+hold)"
    r"|(?:(?<=\bput\s)|(?<=\bset\s))aside)" + _PUT_OFF + r"(?=[^\S\n]*:)",
    # a decision record's "Rejected:", "Considered and rejected:", "Rejected options:"
    r"(?:(?<![^\n])|(?<=[-*•·|]\s)|(?<=\*\*)|(?<=\band\s)|(?<=\bbut\s))rejected"
    + _LABEL_TAIL,
    # with a word or two, or a note, before the colon: "Missing entirely:", "Gaps (nobody):"
    _LABEL_START + r"(?:missing|(?:(?:main|key|skills?)[^\S\n]+)?gaps?)" + _LABEL_TAIL,
    # or for what they are gaps: "Gaps for industry roles:", "Gaps vs. the posting:"
    _LABEL_START + r"(?:(?:main|key|skills?)[^\S\n]+)?gaps?[^\S\n]+(?:for|vs\.?|versus|against)"
    r"[^\S\n]+[^:\n.;]{1,40}?(?=[^\S\n]*:(?!//))",
    # a posting's "We don't expect you to know Terraform" (not asked for, as "we'll teach
    # you Terraform" is)
    r"(?:do\s+not|don['’]t|does\s+not|doesn['’]t|won['’]t|will\s+not)\s+expect\s+(?:you|candidates"
    r"|applicants|anyone)\s+to\s+(?:know|have|use|be\s+(?:familiar|experienced)\s+with)",
    # "never got round to learning Vue", "haven't yet gotten around to using it"
    r"(?:never|not|(?:haven|hasn|hadn|didn)['’]?t)\s+(?:yet\s+)?got(?:ten)?\s+(?:a)?round\s+to"
    r"(?:\s+(?:learning|using|trying|studying))?",
    # "Never have I ever deployed to Azure" (not "never have I enjoyed SQL more")
    r"never\s+(?:have|had|did)\s+(?:I|we)(?:\s+ever)?(?=\s+(?:used|touched|tried|worked|deployed"
    r"|written|built|programmed|coded|done|had|learned|learnt|seen)\b)",
    # "Not once have I used Tableau", "not once did she touch Spark"
    r"not\s+once\s+(?:have|has|had|did)\s+(?:I|we|he|she|they)(?:\s+ever)?(?=\s+(?:used|touched"
    r"|tried|worked|deployed|written|built|programmed|coded|done|had|learned|learnt|seen|use"
    r"|touch|try|work|deploy|write|build|program|code|do|learn|see)\b)",
    r"yet\s+to",  # "I am yet to use Airflow", "have yet to try"
    # "I gave up on learning Rust", "gave up on Java", "stopped learning Scala" (not "never
    # stopped learning Python")
    r"(?<!never\s)(?<!not\s)(?<!n['’]t\s)(?:gave|give|given|giving)\s+up\s+on"
    r"(?:\s+(?:learning|studying|using|trying\s+to\s+learn))?",
    r"(?<!never\s)(?<!not\s)(?<!n['’]t\s)(?:quit|stopped|abandoned)\s+(?:learning|studying)",
    # an interviewer's "could not answer questions on Kafka", "unable to explain how
    # Kubernetes schedules pods"
    r"unable\s+to\s+(?:work\s+(?:with|in)|use|write|code\s+in|program\s+in|read)",
    r"(?:(?<=could\s)not|couldn['’]?t|unable\s+to|failed\s+to)\s+(?:explain|answer|describe)"
    r"(?:\s+(?:any\s+)?(?:questions?|basics?|concepts?)\s+(?:on|about|of))?(?:\s+(?:how|what|why|when))?",
    r"forgot(?:ten)?\s+(?:all|most|everything)(?:\s+(?:of|about|I\s+knew\s+(?:of|about)))?"
    r"(?:\s+my)?",
    r"no\s+(?:clue|idea)(?:\s+(?:about|of|on|with|how|what))?",
    # "haven't the faintest idea how Kubernetes works", "Haven't the foggiest"
    r"(?:haven['’]?t|have\s+not|don['’]?t\s+have)\s+(?:got\s+)?(?:the\s+)?(?:faintest|foggiest"
    r"|slightest)(?:\s+(?:idea|clue|notion))?(?:\s+(?:about|of|on|how|what))?",
    r"clueless(?:\s+(?:about|with|when\s+it\s+comes\s+to))?",
    r"0(?=\s+(?:experience|exposure|knowledge|familiarity)\b)",
    r"none(?:\s+(?:yet|so\s+far))?(?=\s*:)",  # "None: SAS", "None yet: Spark"
    r"(?<![^\n])none(?:\s+(?:yet|so\s+far))?(?=[^\S\n]+[-–—][^\S\n])",  # "None — Spark, R"
    # a heading of its own over a bulleted list: "None\n- Spark\n- R"
    r"(?<![^\n])none(?:\s+(?:yet|so\s+far))?(?=" + _BULLET_BELOW + ")",
    r"none\s+of\s+the\s+following(?=\s*:)",  # "Requirements: none of the following: Java"
    # no one in a group: "Nobody on the team has used Docker", "none of us has done NLP"
    # (not "nobody else", "nobody knows Spark better than", "no one knew Kafka, so I ...")
    r"(?:nobody|no[\s-]one|none\s+of\s+(?:us|them|you)"
    # or no one of a kind of people: "No analyst writes Python or R"
    r"|no\s+(?:single\s+)?(?:analyst|engineer|developer|scientist|member|person|student"
    r"|colleague|teammate|researcher)s?(?=(?:\s+(?:on|in|at|from)\s+\w+\s+[\w-]+|\s+here)?"
    r"\s+(?:\w+\s+)?(?:writes?|uses?|knows?|has|have|had"
    r"|touche[sd]|works?|worked|ever|really|currently)\b))(?!\s+else\b)(?![^.;!?\n]*(?:\b(?:I|me"
    r"|myself|better|faster|more|than)\b|\blike\s+\w+\s+(?:does|do|did|can)\b"
    r"|\bso\s+(?:he|she|they|we)\b))"
    r"(?:\s+(?:on|in|at|from)\s+(?:the|our|this|my|his|her|their|your)\s+[\w-]+"
    r"(?:\s+(?:team|group|squad|lab|department|office|unit))?)?"
    r"(?:\s+(?:here|yet|so\s+far|currently|today))?",
    # a label opening a line: "Not offering: SEO or React", "Not needed for this role: Python"
    # (not "Not touching again: PHP", which the writer used)
    _LABEL_START + r"not[^\S\n]+(?!(?:bad|sure|only|just|merely|all|every|exhaustive|new|even"
    # (nor a reply or a verdict: "Not quite: I wrote Java for years", "Not good: they used
    # Excel")
    r"|quite|good|great|ideal|exactly|true|so\s+fast|really"
    r"|always|necessarily|an?\s+(?:big\s+|huge\s+)?fan"
    # (nor "Not a beginner in Go:")
    r"|an?\s+(?:complete\s+|total\s+)?(?:beginner|novice|newbie|newcomer)s?)\b)"
    r"(?![^:\n]{0,40}\b(?:again|any\s?more)\b)"
    r"(?:(?!but\b)[\w'’/-]+[^\S\n]+){0,4}?(?!but\b)[\w'’/-]+(?=[^\S\n]*(?:\([^()\n]{1,20}\)[^\S\n]*)?:(?!//))",
    r"none\s+of\s+(?:my|our|the)(?:\s+[\w-]+){0,3}?\s+(?:involved|used|required|included"
    r"|touched|needed)",
    # an answer: "Q: Experience with Airflow? A: None whatsoever." (_referred)
    r"(?:none(?:\s+(?:whatsoever|at\s+all|really|so\s+far|yet))?|nope|nah)(?=\s*(?:[.,;!]|$))",
    # a bare zero as the answer to a question ("Q: Years of experience with Snowflake? A: 0.")
    r"(?:(?<=A:\s)|(?<=\?\s)|(?<=\?\n))0(?![.,]\d)(?=[^\S\n]*(?:[.,;!]|$|\n|[-–—][^\S\n]))",
    r"(?:can['’]?t|cannot|couldn['’]t|wouldn['’]t)\s+(?:really\s+)?say\s+(?:that\s+)?"
    r"(?:I|I['’]ve|I\s+have|I['’]m)(?:\s+(?:ever|really))?(?:\s+(?:used|know|worked\s+with"
    r"|touched|tried|been\s+exposed\s+to))?",
    # "can't pretend I know Kafka", "not going to pretend I've used Terraform", "I'd be
    # lying if I said I knew Kubernetes"
    r"(?:(?:can['’]?t|cannot|won['’]t|not\s+going\s+to)\s+pretend|(?<=be\s)lying\s+if\s+I"
    r"\s+(?:said|told\s+you|claimed))\s+(?:that\s+)?(?:I|I['’]ve|I\s+have|I['’]d|I\s+had"
    r"|I['’]m)(?:\s+(?:ever|really))?(?:\s+(?:used|know|knew|worked\s+with|touched|tried"
    r"|been\s+exposed\s+to))?",
    r"(?:little|limited)\s+(?:or|to)\s+no",
    r"none\s+of(?!\s+(?:my|our|the|them|these|those|which)\b)",  # "None of Kafka or Pub/Sub"
    # a wish that denies the skill: "I wish I knew Rust", "wish I had learned Scala", "if only I
    # could write Go" (the writer's own, not "I wish my team used Airflow"; not "wish I had
    # more Kubernetes experience", which holds some)
    r"(?:wish|if\s+only)\s+I\s+(?:(?:had\s+)?(?:knew|known|learned|learnt|studied|understood)"
    r"|had(?:\s+(?:any|some|real))?(?!\s+more\b)"
    # (nor "wish I could use Spark at work": a wish for the chance)
    r"|could\s+(?:write|code\s+in|program\s+in|read))",
    # "None with Docker.", "plenty of tools, none using Kafka" (none of the writer's work)
    r"none\s+(?:with|using)",
    # "don't know the first thing about Terraform", "couldn't tell you the first thing about"
    r"(?:(?:don['’]?t|doesn['’]?t|do\s+not|does\s+not|didn['’]?t)\s+know"
    r"|(?:couldn['’]?t|can['’]?t|cannot)\s+tell\s+you)\s+the\s+first\s+thing\s+about",
    r"only\s+(?:read|heard)\s+(?:about|of)",  # "has only read about A/B testing"
    r"avoid(?:ed|ing|s)?",  # "avoided Java for my whole career" (tight: "avoided downtime")
    # "stayed away from LLM work", "steered clear of Kubernetes" (tight, as "avoided")
    r"(?:stay(?:ed|ing|s)?|kept|keep(?:ing|s)?)\s+away\s+from",
    r"steer(?:ed|ing|s)?\s+clear\s+of",
    # a posting's "we'll teach you SQL", "freshers will be trained in Docker", "would need
    # training on Ansible": not asked of the applicant
    r"(?:we['’]ll|we\s+will|we\s+can)\s+(?:teach|train)(?:\s+you)?(?:\s+(?:in|on))?",
    # "we'll introduce you to Jira" (not "to how public services are funded")
    r"(?:we['’]ll|we\s+will)\s+introduce\s+you\s+to(?!\s+(?:how|what|why|when|where|who)\b)",
    # an aim at a field or a role, not reached and not being learned (a skill one learns is
    # told so: "learning", "a course on"): "I want to move into data engineering",
    # "transitioning to MLOps", "to become an ML engineer"; not done moves ("moved into
    # data engineering in 2021", "transitioned to ML"); "aiming for" only before "roles"
    # (below)
    r"(?:(?<=like\s)|(?<=love\s)|(?<=want\s)|(?<=wants\s)|(?<=wanted\s)|(?<=wanting\s)"
    r"|(?<=plan\s)|(?<=plans\s)|(?<=planning\s)|(?<=hope\s)|(?<=hoping\s)|(?<=trying\s)"
    r"|(?<=looking\s)|(?<=aim\s)|(?<=aiming\s)|(?<=intend\s)|(?<=ready\s)|(?<=decided\s)"
    r"|(?<=keen\s)|(?<=eager\s))to\s+(?:go|move|transition|switch|pivot|break|step"
    r"|branch(?:\s+out)?|shift)\s+(?:into|to|towards?)",
    r"to\s+become\s+an?(?=\s)",
    # ("moving" only after "I'm", "am", "currently" or "now", which the cue starts with: a
    # cue word alone would widen the learned reader's reach to every "we are moving to")
    r"(?:transitioning|pivoting|(?:I['’]m|am|currently|now)\s+moving)"
    r"(?:\s+(?:my\s+career|over))?\s+(?:into|to|towards?)",
    r"(?:career|my)\s+(?:change|switch|move|transition|pivot)\s+(?:into|to|towards?)",
    r"break(?:ing)?\s+into",
    # "interested in data engineering roles" (not "applying for the Analytics Engineer
    # role", nor "looking for": the reviewers' sets hold the role a letter applies for)
    r"interested\s+in(?=(?:[^\S\n]+[\w/&+.#-]+){1,4}" + _ROLE_NOUNS + ")",
    # "aiming for ML roles", "considering data engineering positions" (their cue words are
    # out of the learned reader's reach, OUT_OF_REACH: postings aim for many things)
    r"(?:aiming\s+(?:for|at)|targeting|considering|eyeing|thinking\s+about)"
    # (not a posting's "considering candidates for ML roles")
    r"(?=(?:[^\S\n]+(?!(?:for|candidates?|applicants?|people|you)\b)[\w/&+.#-]+){1,4}"
    + _ROLE_NOUNS + ")",
    # the same in other words (rules only, OUT_OF_REACH): "I want to be an ML engineer",
    # "deciding between ML engineer and data engineer" (before a role's noun: "want to be
    # fluent in SQL" is another kind of wish), "a data analyst moving to ML engineering",
    # "thinking of switching to data engineering" (after a role or a thought: not "we are
    # moving to Snowflake"), "wanna move into data analysis"
    r"(?:(?:wants?|wanted|like|love|hope|hoping|plan|planning|aim|aiming)\s+to|wanna)\s+be"
    # (not "I'd like to be considered for the AI Engineer opening")
    r"(?!\s+(?:considered|interviewed|hired|part|able|on|in|at|the|your|our|their)\b)"
    r"(?:\s+an?)?" + _ROLE_AHEAD,
    r"(?:deciding|choosing|torn|decide|choose)\s+between" + _FIELD_AHEAD,
    r"(?:(?<=analyst\s)|(?<=engineer\s)|(?<=developer\s)|(?<=scientist\s)|(?<=considering\s)"
    r"|(?<=contemplating\s)|(?<=thinking\sof\s)|(?<=thinking\sabout\s))"
    r"(?:switching|moving)(?:\s+over)?\s+(?:into|to|towards?)" + _FIELD_AHEAD,
    # a goal that names a role or a field: "my goal is to become an ML engineer", "Goal:
    # MLOps / ML platform engineer", "Target role: product analyst", "pitch myself as a
    # DE", "a realistic way into audio ML"
    # (not "Goal: move from data analyst to analytics engineer": the role it moves from)
    r"goal(?![^\S\n]*:?[^\S\n]*(?:is\s+)?(?:to\s+)?(?:move|moving|switch|switching|go|going"
    r"|transition|transitioning|pivot|pivoting)\s+from\b)"
    r"(?:\s+is(?:\s+to\s+(?:be(?:come)?|get|land|move|go)(?:\s+into)?)?(?:\s+an?)?" + _FIELD_AHEAD
    + "|" + _FIELD_AHEAD.replace("(?=", r"(?=[^\S\n]*:", 1) + ")",  # (or a label: "Goal:")
    r"(?:target|desired|dream|next)\s+(?:roles?|jobs?|positions?|careers?)(?:\s+(?:is|would\s+be)"
    r"|(?=[^\S\n]*:))",
    r"pitch(?:ing)?\s+myself\s+as(?:\s+an?)?",
    r"(?:way|path|route)\s+into",
    # advice to leave a skill out: "skip Kubernetes for now", "I'd skip deep learning"
    r"skip(?!\s+(?:the|a|an|to|ahead|over|past|straight|this|that|it|them|out|nothing)\b)",
    r"wanna\s+(?:go|move|switch|pivot|break|get|transition|step)\s+(?:into|to|towards?)",
    r"we\s+teach(?:\s+you)?",  # "Paid traineeship: we teach SQL and Python"
    r"(?<=will\s)be\s+trained\s+(?:in|on)",
    r"(?:would\s+)?needs?\s+training\s+(?:in|on)",
    r"training\s+(?:in|on)(?=[^.;\n]{1,60}?\s(?:will\s+be|is|are)\s+(?:provided|given|offered)\b)",
    r"idk(?:\s+(?:anything|much))?(?:\s+(?:about|abt))?",  # chat: "idk anything abt LLMs"
    # a choice made against a skill: "She decided against Python for now", "we opted against
    # Snowflake", "evaluated Kubeflow but decided against it" (tight, as "avoided")
    r"(?:" + "|".join(_CHOSE) + r")\s+against"
    r"(?:\s+(?:learning|using|studying|pursuing|adopting))?",
    # "no need to pursue the Spark certification", "no need to learn Scala here" (a posting's
    # or a plan's; "no need for" is "no" before a noun)
    r"no\s+need\s+to\s+(?:learn|know|pursue|study|master|brush\s+up\s+on"
    r"|push\s+(?:him|her|them|you|me)\s+(?:onto|into|towards?))",
    r"(?:zero|0|no)[^\S\n]*(?:\+[^\S\n]*)?(?:years?|yrs?)",
    r"zero(?!\s+to\b)",  # (not "from zero to competent in Kubernetes")
    r"lack(?:s|ing)?(?:\s+of)?",
    r"unfamiliar",
    r"without",
    r"never(?!\s+(?:stopped|stop|stops|quit|gave\s+up|fails?|failed|missed|afraid|scared"
    r"|intimidated|(?:once\s+)?regretted|needed\s+a\s+(?:course|class|bootcamp)"
    r"|(?:had|have|has)\s+(?:a|an|any|one)\s+(?:problem|issue|complaint)s?)\b)",
    r"neither",
    r"nor",
    r"not(?:\s+really(?=\s*[,.;!]))?(?!\s+(?:only|just|merely|limited|least|necessarily|exclusively|simply|always"
    # a dependence, not a denial: "features not reliant on AI", "not tied to AWS"
    r"|reliant|dependent|tied|bound|locked|restricted|confined|specific|solely|purely|mainly"
    r"|primarily|mostly"
    r"|(?:yet\s+)?certified"
    r"|to\s+mention|even|one|new\s+to|bad|(?:an?\s+)?(?:big\s+|huge\s+)?fan"
    # an attitude, not a denial of use: "if you're not excited about AI"
    r"|(?:excited|passionate|enthusiastic|thrilled)\s+(?:about|by)"
    r"|(?:an?\s+)?(?:expert|pro|guru|specialist|master|beginner|novice|newbie|newcomer|noob)|"
    + _HEDGES
    + r")\b)",
    r"(?:\w+n['’]t|" + _BARE_NOT + r")(?!\s+(?:mind|miss|always|only|just|hesitate|necessarily"
    r"|recommend|praise|stress|overstate|emphasi[sz]e|wait|imagine)\b)",
    r"(?<!\bno\s)(?<!\bnot\s)(?<!\bnot\sa\s)(?:a\s+)?(?:complete\s+|total\s+)?stranger\s+to",
    r"(?:(?<=know\s)|(?<=knew\s)|(?<=knows\s)|(?<=literally\s)|(?<=absolutely\s)"
    r"|(?<=next\sto\s)|(?<=almost\s))nothing\s+(?:at\s+all\s+)?(?:about|of)",
    # the same in slang: "I know zip about Terraform", "knows squat about Kafka"
    r"(?:(?<=know\s)|(?<=knew\s)|(?<=knows\s))(?:zip|zilch|nada|squat)\s+(?:about|of)",
    # "I draw a blank on Scala"
    r"(?:" + "|".join(rf"(?<={v}\sa\s{w})" for v in ("draw", "draws", "drew", "drawing")
                      for w in ("", "complete\\s", "total\\s"))
    + r")blank\s+(?:on|with|when\s+it\s+comes\s+to)",
    r"(?:useless|hopeless)\s+(?:at|with|in)",
    _PERSON_IS + "missing",  # "I'm missing Docker", "What I'm still missing: Kubernetes"
    r"cannot(?!\s+(?:recommend|praise|stress|overstate|emphasi[sz]e|wait|imagine)\b)",
    # a team's own tools it stopped using: "We no longer use Informatica"
    r"no\s+longer\s+(?:use|uses|used|using|need|needs|support|supports|run|runs)",
    # a team's retired tools: "We retired Hadoop in 2022", "IT has decommissioned the Access
    # database", "we moved off Redshift" (after "we", "has", "have": not "I led the move")
    r"(?:(?<=\bwe\s)|(?<=we['’]ve\s)|(?<=we['’]re\s)|(?<=\bare\s)|(?<=\bhas\s)|(?<=\bhave\s)"
    r"|(?<=\bteam\s))"
    r"(?:retired|retiring|decommissioned|decommissioning|dropped|dropping|deprecated|deprecating"
    r"|ditched|ditching|scrapped|scrapping"
    r"|sunset|sunsetted|sunsetting|phased\s+out|phasing\s+out|stopped\s+using"
    r"|(?:moved|migrated)\s+(?:off|away\s+from)(?:\s+of)?)"
    r"(?:\s+(?:the|our|all|its|their)(?:\s+(?:last|remaining|legacy|old|self-hosted|on-prem"
    r"|on-premise))?)?",
    # a posting's "we do not expect you to write Terraform", and its heading "What we do
    # not expect on day one" over bullet lines
    r"(?:do\s+not|don['’]t|won['’]t|will\s+not)\s+expect(?:\s+(?:you|candidates|applicants)\s+to"
    r"|(?=\s+any\b)|(?=(?:[^\S\n]+[\w'’]+){0,4}:?" + _BULLETS_NEXT + "))"
    r"(?:\s+(?:know|write|use|have|be\s+familiar\s+with))?",
    # "everything on our list except Java"
    r"except(?:\s+for)?",
    # "Gaps: Kubernetes, Terraform" (a label over what follows it), "Critical gaps" over the
    # bullet lines below it
    r"(?:(?:main|key|skills?)\s+)?gaps?(?=\s*:|" + _BULLETS_NEXT + ")",
    # "my gaps are Docker and cloud", "My biggest gap is statistics"
    r"(?:(?<=my\s)|" + "|".join(rf"(?<=my\s{w}\s)" for w in ("main", "biggest", "big", "real",
                                                             "only", "obvious"))
    + r")gaps?\s+(?:are|is|would\s+be)"
    r"(?:\s+(?:probably|mostly|mainly|clearly))?",
    # the writer asking whether a skill is needed: "do I need to know Java?"
    r"(?:do|would|will)\s+I\s+(?:really\s+|actually\s+|even\s+|also\s+)?need(?:\s+to\s+"
    r"(?:know|learn|have|master|study|use))?"
    # (not where the answer is yes: "Do I need PyTorch? Yes.")
    r"(?![^?\n]{0,80}\?[^\S\n]*(?:A:[^\S\n]*)?(?:yes|yep|yeah|absolutely|definitely|of\s+course)\b)",
    r"no\s+(?:real\s+|particular\s+)?interest\s+in",  # "no interest in React or CSS"
    r"no(?![-.]\w|\s+(?:later|less|more|matter|doubt|longer|one|sooner)\b)",
]
# the words after which "to study" is an intent or a start ("want to study Rust")
_TO_STUDY = """
    want wants wanted wanting plan plans planned planning hope hopes hoped hoping start starts
    started starting aim aims aimed aiming intend intends intended intending try tries tried
    trying like love going gonna begin began beginning decided continue continued continuing
    ready excited sabbatical school university college aspiring
""".split() + ["goal is", "aim is", "plan is"]
# words of intent that open a cue word of their own with "to" ("need to", "keen to"): a cue
# after them starts with them
_LEAD_TO = r"(?:needs?|keen|eager|hoping|aiming|motivated)\s+to"
# the future of an intent ("will study", "I'll get familiar with"), as cue words spell it
_WILL = ("will", "i'll", "we'll")
_WILL_RE = r"will|I['’]ll|we['’]ll"
_INTENT = r"(?:" + _LEAD_TO + r"|to|" + _WILL_RE + ")"
# where a skill was met only to try it, after the skill or its pronoun: "(only used Spark)
# through a two-day workshop", "(only used it) in a tutorial" (_LEARN_BEFORE, _PRONOUN)
_MET_IN = (
    r"(?:\s+once)?\s+(?:in|via|through|during|from|on)\s+(?:(?:a|an|one|the|my|his|her|some"
    r"|two|a\s+couple\s+of)\s+)?(?:[\w'’-]+\s+){0,2}?(?:tutorials?|courses?|bootcamps?"
    r"|workshops?|moocs?|class(?:es)?|labs?|sandbox(?:es)?|demos?|toy\s+projects?"
    r"|course\s+(?:projects?|exercises?|sandbox))\b"
)
_ONLY_VERBS = ("used", "touched", "tried", "seen")  # (and "played with", _ONLY_USED)
_ONLY_USED = (r"(?:only|just)\s+(?:ever\s+)?(?:" + "|".join(_ONLY_VERBS)
              + r"|played\s+(?:around\s+)?with)")
_LEARN_BEFORE = [
    # "has only used Spark through a two-day workshop", "only played with Hugging Face
    # Transformers in a weekend tutorial", "I've only used it in a course"
    _ONLY_USED + r"(?=\s+[^\n.;!?]{1,50}?" + _MET_IN + ")",
    rf"not\s+(?:{_HEDGES})",
    r"learn",
    r"learning",
    r"studying",
    # the intent to study a skill or to be at home with it: "planning to study dbt", "I'll
    # study Terraform", "to get comfortable with Spark", "becoming familiar with dbt" (not
    # "a case study", "the study used R", "to become a data engineer"; "to study" only
    # after a word of intent or a start, not of a purpose, "workflows to study Spark
    # workloads", nor a study as a thing, "contribute to study design"; nor an intent of
    # the past, "the goal was to")
    r"(?:" + _LEAD_TO + "|" + "|".join(rf"(?<=\b{w}\s)to" for w in _TO_STUDY)
    + "|" + _WILL_RE + r")\s+(?:study(?:\s+(?:up\s+on|for))?|master(?![-'’]))"
    r"(?!\s+(?:designs?|teams?|groups?|protocols?|results?|sites?|participants?|population"
    r"|period|reports?|plans?|visits?|areas?|materials?|guides?|sessions?|hall|abroad|leave"
    r"|conduct|documents?|endpoints?)\b)",
    r"(?<!\bwas\s)(?<!\bwere\s)(?:" + _INTENT + r"\s+(?:get|become)|becoming)"
    r"\s+(?:more\s+)?(?:comfortable|familiar|proficient)(?:\s+(?:with|in))?",
    r"(?<!\bwas\s)(?<!\bwere\s)" + _INTENT + r"\s+get\s+up\s+to\s+speed\s+(?:on|with|in)",
    # a wish to try a skill: "I'd love to try Rust", "wants to try Prophet" (denied with a
    # time that is no plan, _vague_wish: "would like to try Looker someday")
    r"(?:(?<=\bwould\slike\s)|(?<=\bwould\slove\s)|(?<=['’]d\slike\s)|(?<=['’]d\slove\s)"
    r"|(?<=really\slike\s)|(?<=really\slove\s)|(?<=\bwant\s)|(?<=\bwants\s)|(?<=\bhope\s)"
    r"|(?<=\bhoping\s)|(?<=\bkeen\s)|(?<=\beager\s))to\s+try(?:\s+out)?"
    r"(?!\s+(?:to|and|not|again|harder|it|them|this|that|something|anything|new|different)\b)",
    # the next skill on the writer's way: "My next goal is Kafka", "Next focus: Terraform"
    r"(?:(?<=my\s)|(?<![^\n])|(?<=[-*•·|.;]\s))next\s+(?:goal|focus)"
    r"(?:\s+(?:is|will\s+be)|(?=[^\S\n]*:))",
    # being taught: "my mentor is teaching me Kubernetes", "getting trained in Airflow",
    # "being coached on SQL" (not "taught me Python years ago": done)
    r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=['’]s\s)|(?<=['’]re\s)|(?<=\bbeen\s))"
    r"(?:teaching|showing|coaching|mentoring|training)\s+(?:me|us)(?:\s+(?:on|in|about))?",
    r"(?:being|getting)\s+(?:mentored|coached|trained|taught)(?:\s+(?:on|in|about))?",
    r"(?:currently|now|am|'m|’m)\s+taking",
    # "taking a course on", "enrolled in a Coursera specialisation on", "working through
    # the intro module of", "attended a two-day workshop on"
    # ("before completing a bootcamp" is done)
    r"(?:taking|(?<!\bbefore\s)(?<!\bafter\s)(?:completing|finishing)|attending|attended|pursuing"
    # a step of a plan: "Next steps: finish the Databricks course", "need to finish the dbt
    # course"; a place booked: "Booked a SQL class for next month"
    r"|(?:(?<![^\n])|(?<=:\s)|(?<=[-•*]\s)|(?<=\bto\s))finish|booked"
    r"|enrolled\s+in|signed\s+up\s+for|doing"
    r"|registered\s+(?:for|on)|following"
    r"|starting|to\s+start|" + _LEAD_TO + r"\s+start|going\s+through"
    r"|(?:half|part|mid)-?way\s+through"
    r"|working\s+through|in\s+the\s+middle\s+of"
    r"|(?:(?<![^\n])|(?<=\.\s)|(?<=:\s)|(?<=just\s)|(?<=recently\s)|(?<=I\s)|(?<=I['’]ve\s)"
    r"|(?<=have\s)|(?<=I\shave\s))"
    r"(?:started|begun|began))\s+"
    # (a course's name of up to four words: "the Microsoft Power BI learning path"; a dot
    # only inside a word, "Node.js": not across a sentence's end)
    r"(?:(?:an?|the|my|this)\s+)?(?:[\w'’+#-]+(?:\.[\w'’+#-]+)*\s+){0,4}?" + _COURSE + _ABOUT,
    r"enrolled",
    r"(?:bootcamp|course|workshop|mooc|nanodegree|tutorial)s?\s+(?:covering|on|about|in|for"
    r"|that\s+covers|which\s+covers)",
    # (not "not a beginner", "no longer a beginner in Go", "no longer new to Spark")
    r"(?<!not\s)(?<!not\sa\s)(?<!\bno\s)(?<!longer\sa\s)(?<!teach\s)(?<!teaches\s)"
    r"(?<!hardly\sa\s)(?<!teaching\s)(?<!taught\s)beginners?(?:-level)?"
    r"(?:\s+when\s+it\s+comes\s+to)?",
    r"(?<!not\s)(?<!not\sa\s)(?<!\bno\s)(?<!longer\sa\s)(?<!hardly\sa\s)novice"
    r"(?:\s+when\s+it\s+comes\s+to)?",
    r"(?<!not\s)(?<!not\sa\s)(?<!\bno\s)(?<!longer\sa\s)(?<!hardly\sa\s)newbie"
    r"(?:\s+when\s+it\s+comes\s+to)?",
    r"(?<!not\s)(?<!not\sa\s)(?<!\bno\s)(?<!longer\s)new\s+to",
    # (not a posting's "Basic Qualifications:", the skills it asks for)
    # (not "well beyond the basics of Kubernetes"; but "Excel beyond the basics:" over a plan)
    r"(?!(?<=beyond\sthe\s)basics?\s+of\b)(?!(?<=past\sthe\s)basics?\s+of\b)"
    r"basics?(?!\s+(?:qualifications?|requirements?)\b)",
    r"(?<!good\s)(?<!strong\s)(?<!solid\s)(?<!broad\s)(?<!wide\s)(?<!deep\s)exposure",
    r"(?<!not\s)limited(?!\s+to\b)",
    r"minimal",
    r"rudimentary",
    r"(?<!not\sa\s)noob(?:\s+(?:at|with|in))?",
    r"familiari[sz]ing\s+myself(?:\s+with)?",
    r"getting\s+(?:more\s+)?comfortable(?:\s+with)?",
    # a first attempt: "trying my hand at Rust", "having a go at Python in the evenings",
    # "still finding my feet with Kubernetes", "a newcomer to Spark"
    r"trying\s+my\s+hand\s+at",
    r"having\s+a\s+go\s+at(?!\s+(?:the|our|this|that|their|his|her|my|your)\b)",
    r"finding\s+my\s+(?:feet|footing|way)(?:\s+(?:with|in|around|round))?",
    r"(?<!not\s)(?<!not\sa\s)(?<!longer\sa\s)(?<!hardly\sa\s)newcomers?\s+to",
    r"(?:diving|digging)\s+into",
    r"(?:(?<=started\s)|(?<=been\s)|(?<=currently\s)|(?<=now\s)|(?<=am\s)|(?<=m\s))exploring",
    # a start: "early days with dbt", "my first steps in TensorFlow" (not "the early days of
    # Hadoop", "in the early days at Google")
    r"(?:very\s+)?early\s+days\s+(?:with|in|on|for)",
    r"first\s+steps\s+(?:with|in|into|on)",
    # knowing a skill barely: "I barely know pandas", "can hardly read Python", "Delta
    # Lake, which I'd barely touched" (not "I barely use Java now": a habit)
    r"(?:barely|hardly|scarcely)\s+(?:ever\s+)?(?:know|knew|known|understand|understood|remember"
    r"|remembered|touched|written|wrote|write|read|used|tried|worked\s+with|dealt\s+with)"
    r"(?:\s+(?:any|some|much|the))?",
    # knowing a skill in theory only: "only theoretical knowledge of Kafka", "just a
    # conceptual understanding of Spark" (not "deep theoretical knowledge of ML")
    r"(?:(?<=only\s)|(?<=only\sa\s)|(?<=just\s)|(?<=just\sa\s)|(?<=purely\s)|(?<=mostly\s)"
    r"|(?<=mainly\s)|(?<=largely\s))(?:theoretical|conceptual)\s+(?:knowledge|understanding"
    r"|grasp|familiarity)(?:\s+(?:of|in|about|with|on|from))?",
    r"wrap(?:ping)?\s+my\s+head\s+around",
    # "watched a few YouTube videos about LangChain", "watching StatQuest videos on
    # regression" (not where they were: "videos on YouTube")
    r"watch(?:ed|ing)\s+(?:[\w'’.-]+\s+){0,4}?videos?\s+(?:on|about|covering)(?!\s+youtube\b)",
    r"(?:only\s+)?scratched\s+the\s+surface(?:\s+of)?",
    r"interested\s+in\s+learning(?:\s+more)?(?:\s+about)?",
    r"entry[-\s]level",
    r"elementary",
    r"upskilling",
    r"(?:dabbl(?:e|ed|ing)|tinker(?:ed|ing)?|experimenting)(?:\s+around)?",
    # "three weeks into a Kotlin bootcamp", "two months into Terraform" (not "years into")
    r"(?:days?|weeks?|months?|modules?|chapters?|lessons?|units?)\s+into(?:\s+(?:(?:an?|the|my"
    r"|this)\s+)?(?:[\w'’-]+\s+){0,3}?" + _COURSE + _ABOUT + ")?",
    r"(?:next|coming)\s+up",  # "Next up: Terraform", "Coming up: Ansible"
    # a plan's labels opening a line: "Later: Kubernetes", "Upcoming: Kafka, cloud deployment"
    _LABEL_START + r"(?:later|upcoming)(?=[^\S\n]*:)",
    # a step of a learning plan, opening its line: "Weeks 1-4: SQL in depth", "Month 3.
    # Statistics", "Term 1 — foundations", "Wk 6    Data modeling" (the whole line)
    r"(?:(?<![^\n])|(?<=[-*•·]\s))" + _PLAN_STEP + r"(?=[^\W_])",
    # the writer asking what to learn: "Should I learn Terraform first?"
    r"should\s+I\s+(?:first\s+|also\s+|even\s+|then\s+)?(?:learn|study|pick\s+up|focus\s+on"
    r"|start\s+with|go\s+with|get\s+into)",
    # a count through a whole as a label, wherever it stands: "Now in a bootcamp (week 9 of
    # 16): JavaScript, Node", "In a course, module 2 of 5: SQL"
    r"(?:days?|weeks?|months?|modules?|chapters?|lessons?|units?)\s+\d{1,2}\s+of\s+\d{1,2}"
    r"(?=\)?[^\S\n]*:)",
    # "Week 2 of my Kubernetes course"
    r"(?:days?|weeks?|months?|modules?|chapters?|lessons?|units?)\s+\d{1,2}\s+of\s+"
    r"(?:(?:an?|the|my|this|our)\s+)?(?:[\w'’+#.-]+\s+){0,3}?" + _COURSE,
    # "my first week with GitHub Actions", "ramping up on Go", "still getting used to
    # SQLAlchemy", "playing around with Core ML"
    r"first\s+(?:days?|weeks?|months?)\s+(?:with|of|using|on|in)",
    r"ramp(?:ing)?\s+up\s+(?:on|with|in)",
    r"currently\s+improving(?=[^\S\n]*:)",  # a label: "Currently improving: Spark tuning"
    # "Working on: Python via a weekend course", "What I'm working on: dbt" (not a posting's
    # "What you'll be working on:"; nor a team's "Some areas we're currently working on:")
    r"(?:(?<![^\n])|(?<=[-*•·]\s)|(?<=\bI['’]m\s)|(?<=\bI\sam\s)|(?<=\bI['’]m\scurrently\s)"
    r"|(?<=\bI\sam\scurrently\s))working\s+on(?=[^\S\n]*:)",
    r"brushing\s+up\s+on",  # "I'm brushing up on Python"
    # "I'm practising SQL in a home lab" (not "practising data scientists")
    r"(?:(?<=I['’]m\s)|(?<=\bam\s)|(?<=\bcurrently\s)|(?<=\bnow\s)|(?<=\bbeen\s)|(?<=\bstill\s))"
    r"practi[sc]ing(?:\s+(?:my|on|with))?",
    r"getting\s+up\s+to\s+speed\s+(?:on|with|in)",  # "Getting up to speed on Kafka"
    r"getting\s+used\s+to",
    r"playing\s+around(?:\s+with)?",
    # trying a tool out: "trying out Polars", "toying with Julia", "fiddling with Terraform",
    # "messing around with Docker", "dipping my toes into Spark", "kicking the tyres on
    # Snowflake", "poking at DuckDB"; "giving Polars a try", "gave Rust a go" (the skill
    # inside the cue)
    r"(?:try|tries|trying|tried)\s+out",
    r"(?:toy(?:s|ing|ed)?|fiddl(?:e|es|ing|ed)|mess(?:ing|ed))(?:\s+(?:around|about))?\s+with",
    r"mess(?:es)?\s+(?:around|about)\s+with",
    r"dipp(?:ing|ed)\s+(?:my|a|our|his|her|their)\s+toes?\s+(?:in|into)",
    r"kick(?:s|ing|ed)?\s+the\s+(?:tyres|tires)\s+(?:on|of|with)",
    r"pok(?:e|es|ing|ed)\s+(?:around\s+)?(?:at|with|in)",
    r"(?:giv(?:e|es|ing|en)|gave)\s+(?:(?!up\b|it\b|them\b)[\w+#.'’-]+\s+){1,3}?an?\s+"
    r"(?:try|spin|whirl|shot|go|test[\s-]drive)(?![-\w])",
    # "first time writing Go"
    r"first\s+time\s+(?:using|writing|trying|touching|learning|working\s+(?:with|in|on))",
    # "just starting on Tableau", "just starting with dbt" (not "just starting a project")
    r"just\s+starting(?:\s+(?:on|with|out\s+(?:on|with)|to\s+(?:learn|use|explore)))?",
    r"(?:just|recently)\s+(?:started|began|begun)(?:\s+(?:to\s+)?(?:learn|use|using|explore|"
    r"exploring|experiment|experimenting|play|playing|tinker|tinkering)(?:\s+around)?)?",
    # an aspiration to gain a skill: "keen to develop my skills in", "to gain experience"
    r"(?:keen|eager|hoping|aiming|motivated)\s+to\s+(?:learn|develop|build|grow|gain|"
    r"broaden|expand|get\s+into|move\s+into)" + _MY_SKILLS + "?",
    r"(?:(?<=like\s)|(?<=love\s)|(?<=want\s)|(?<=wants\s)|(?<=wanted\s)|(?<=plan\s)|(?<=plans\s)"
    r"|(?<=planning\s)|(?<=hope\s)|(?<=trying\s))to\s+get\s+into",
    r"(?:(?<=to\s)|(?<=will\s)|(?<='ll\s)|(?<=’ll\s))gain",
    r"gaining",
    r"little",
    r"(?:getting|got)\s+started",
    r"weak\s+(?:in|at|with|on)",
    # a person's poor ability: "I'm bad at maths", "she is really poor at SQL" (a person
    # right before it: "LLMs are bad at arithmetic" is about a tool; "not bad at" is no cue)
    _PERSON_IS + r"(?:bad|poor|terrible|awful|rubbish)\s+at",
    r"weak(?=[^\S\n]*:)",  # a label: "Still weak: Python, statistics"
    # a level's or a review's label over what follows: "Developing: Rust, Go", "Areas to
    # develop: Kubernetes", "Shaky: pandas", "Weaknesses: statistics" (where a label
    # stands: a line's start, after a bullet, a table's bar, a sentence or bold marks)
    r"(?:(?<![^\n])|(?<=[-*•·|.;]\s)|(?<=\*\*)|(?<=still\s))(?:developing|shaky|weaknesses"
    r"|(?:weak|development|growth|improvement)\s+areas?|development\s+needs?"
    r"|areas?\s+(?:to\s+(?:develop|improve"
    r"|grow|strengthen)|for\s+(?:development|improvement|growth))|needs?\s+(?:work"
    r"|improvement|practice))" + _LABEL_TAIL,
    # "Growing: Python, statistics", "Still growing:", "Growing skills:" (not a posting's
    # "Growing team:")
    r"(?:(?<![^\n])|(?<=[-*•·|.;]\s)|(?<=\*\*)|(?<=still\s))growing(?:\s+(?:skills?|areas?))?"
    r"(?=[^\S\n]*:(?!//))",
    r"(?:getting|got)\s+my\s+feet\s+wet(?:\s+with)?",
    r"(?<=a\s)passing\s+(?:acquaintance|familiarity|knowledge|understanding)",
    r"(?:intro|introductory|beginners?|crash)\s+(?:course|class|module|tutorial|coursework)s?",
    r"introductory(?=[^\S\n]*:)",  # a level's label: "Introductory: Airflow, dbt"
    r"pick(?:ing)?\s+up",
    r"getting\s+into",
    r"teaching\s+myself",
    r"self-(?:study|studying|learning|teaching)",
    r"working\s+towards?(?:\s+(?:an?|the|my)\s+(?:[\w'’-]+\s+){0,3}?" + _COURSE + _ABOUT + ")?",
    r"preparing\s+for",
    r"introduction\s+to",
    r"intro\s+to",
    r"aspiring",
    r"(?<!quite\sa\s)(?:(?<=\ba\s)|(?<=\ba\stiny\s))bit\s+of",
    r"surface[-\s]level",
    r"struggl(?:e|es|ing)\s+(?:with|in)(?:\s+(?:the|his|her|their|a|an))?",
    # an assessor's "Struggled with the SQL exercise" (not the writer's past: "I struggled
    # with Spark early on")
    r"(?<!\bI\s)(?<!\bwe\s)struggled\s+(?:with|in)(?:\s+(?:the|his|her|their|a|an))?",
    # an assessor's words about someone: "green on dbt", "would benefit from training in
    # Terraform", "needs to build depth in statistics"
    r"green\s+(?:on|with|in|at)",
    r"(?<=would\s)benefit\s+from\s+(?:(?:more|some|further|formal)\s+)?(?:training|exposure"
    r"|experience|practice|coaching|mentoring|a\s+course)\s+(?:in|on|with)",
    r"needs?\s+to\s+(?:build|develop|gain|deepen|strengthen)\s+(?:(?:more|some|her|his|their)"
    r"\s+)?(?:depth|experience|confidence|skills?|knowledge|fluency|familiarity)\s+(?:in|on|with)",
    r"(?:(?<=my\s)|(?<=get\s)|(?<=getting\s)|(?<=got\s))head\s+around",
    # "slowly getting the hang of Spark" (not "once you get the hang of it": that is done)
    r"(?<=getting\sthe\s)hang\s+of",
    r"(?:class|classes|lessons?)\s+(?:on|in|about|covering)",
    # a plan's step inside a line, the skill right after it and the list it opens: "month 1
    # Docker, month 2 Kubernetes", "Weeks 5-8 React" (the next step ends its reach)
    _STEP_IN_LINE,
]
# Words a cue may read across before it reaches a skill, and between skills in its scope.
_BRIDGE = frozenset(
    """
    a an the any some much many all of with in on for to at by from as via into about
    and or nor plus also either neither yet ever really still even prior previous previously
    being fully whatsoever
    experience experiences experienced exp knowledge skill skills background exposure
    familiarity proficiency expertise training understanding grasp command fluency
    professional commercial production hands-on hands practical direct real real-world working
    industry formal significant extensive deep solid actual relevant enterprise
    completely totally entirely absolutely complete total utter absolute
    academic personal
    year years yr yrs month months hour hours single line lines picked run ran anything
    used use using work worked working written write writing touched touch tried try
    programmed program programming coded code coding deployed deploy built build done do
    does did doing had have has having been be am is are was were know knew known
    get got chance opportunity time
    set up setup configured implemented instrumented installed
    familiar comfortable proficient experienced skilled fluent confident versed
    tools tool languages language frameworks framework libraries library platforms
    stack like such e.g. including etc
    course courses class classes tutorial tutorials online intro introductory
    myself level basic basics fundamentals concepts need needed required
    """.split()
)
# The long nouns and adjectives of the bridge list for what a writer knows, which writers
# misspell ("No experiance with Airflow", "no knowlege of Docker"): a word within one edit
# of one of them (two for ten letters or more), and as long or one letter apart, is read
# across as the word itself (_misspelled)
_LONG_BRIDGE = tuple(
    """experience experiences experienced knowledge background exposure familiarity
    proficiency expertise understanding professional commercial production practical""".split()
)


@lru_cache(maxsize=4096)
def _misspelled(word: str) -> bool:
    """Whether ``word`` (lower case) is a misspelling of a word of :data:`_LONG_BRIDGE`."""
    if len(word) < 7 or not word.isalpha():
        return False
    from rapidfuzz.distance import OSA

    return any(OSA.distance(word, w, score_cutoff=(edits := 1 + (len(w) >= 10))) <= edits
               for w in _LONG_BRIDGE if abs(len(w) - len(word)) <= 1)


_SUBJECTS = frozenset("i we you he she they it my our your their this that which who".split())
# What a system is made of, between a skill and a denial after it: "the Solr cluster was
# decommissioned", "Objective-C code was removed" (and a question mark: "Redis? No.")
_PARTS = frozenset(
    "cluster clusters server servers instance instances jobs code licences licenses estate".split()
)
# how a skill can wait: "Tableau can definitely wait" (_NEG_AFTER)
_WAIT_HOW = ("definitely", "certainly", "surely", "probably", "easily", "still", "safely")
# A copula other than "is", the size of a gap and "both", also between a skill and a denial
# after it: "Scala remains a big gap", "Swift and Kotlin are both unfamiliar to me", "Spark
# will not be used"
_LINKS = frozenset(
    "remain remains remained stays big major clear key huge both will would".split()
    # and how sure, or how much: "Python definitely not needed", "Go is more of a someday
    # thing"
    + "definitely genuinely certainly absolutely obviously more".split())
_CONNECTORS = frozenset(
    {"and", "or", "nor", "&", "/", "+", ",", "plus", "as", "well", "such", "like", "including",
     "e.g"}
)
# Cues that may read across one word outside the bridge list ("never really touched").
# (A denial after a skill reads across none, but for the end of a story, which may read
# across two, as a learning cue may: "tried Rust last summer and gave up".)
_STORY_END = re.compile(r"gave\s", re.I)
_LOOSE = 1


@lru_cache(maxsize=4096)
def _tight(cue: str) -> bool:
    """Whether cue text ``cue`` reads across no other word (cue texts repeat: read once;
    bounded, as a course cue holds any words: "taking a X Y course on")."""
    return _TIGHT_CUES.search(cue) is not None


_TIGHT_CUES = re.compile(
    r"(?:without|no|aspiring|nor|neither|bit\s+of|none\s+of|avoid(?:ed|ing|s)?|away\s+from|clear\s+of|against"
    r"|(?:days?|weeks?|months?|modules?|chapters?"
    r"|lessons?|units?)\s+into|^just\s+starting(?:\s+\w+)*)$",
    re.I,
)

# -- cues after the skill ----------------------------------------------------------------
# whose set of tools a skill is not in: "isn't in my toolbox", "not part of our stack"
_MY_TOOLKIT = r"(?:my|our|his|her|their)\s+(?:toolbox|toolkit|tool\s*set|stack|skill\s*set)"
# what a skill will not be: "won't be needed", "will not be used" (_NEG_AFTER)
_NOT_NEEDED = (
    r"(?:(?:strictly|really)\s+)?(?:required|needed|necessary|expected|mandatory|used)"
    # (not a purpose, "won't be used to schedule", nor how much: "would not be used much")
    r"(?!\s+(?:to|much|often|a\s+lot|heavily|as|that|so|very|any\s?more)\b)"
)
_NEG_AFTER = (
    r"(?:(?:is|are)\s+not|isn['’]t|aren['’]t|not)\s+(?:(?:strictly|absolutely|really)\s+)?"
    r"(?:required|needed|necessary|mandatory|essential|a\s+must|a\s+requirement|expected"
    r"|(?:a\s+)?prerequisites?|compulsory|obligatory|relevant)"
    # (not a denial of what follows: "Not expected to write Python", read as a cue before)
    r"(?!\s+to\s+(?:know|write|use|have|learn|build|code|program|work|touch|master)\b)"
    # "Kubernetes won't be needed", "Delta Lake knowledge will not be required" (two
    # branches: a cue starts at its cue word, "won't" or "not", _BEFORE_AT)
    r"|(?:won['’]t|wouldn['’]t)\s+be\s+" + _NOT_NEEDED
    + r"|(?:(?<=\bwill\s)|(?<=\bwould\s))not\s+be\s+" + _NOT_NEEDED
    # "Ruby isn't in my toolbox", "Go is not part of our stack"
    + rf"|(?:(?:is|are)\s+not|isn['’]t|aren['’]t)\s+(?:in|(?:a\s+)?part\s+of)\s+{_MY_TOOLKIT}"
    # what an exam, a course or a buyer leaves out: "Scala is not tested", "LDAP not
    # acceptable", ".NET: not offered", "Deep learning is not covered" (not a label over
    # what follows: "Not covered at all: RL, GNNs")
    r"|(?:(?:is|are)\s+not|isn['’]t|aren['’]t|not)\s+(?:tested|assessed|graded|examined"
    r"|evaluated|acceptable|accepted|supported|offered|covered|on\s+the\s+(?:exam|test|syllabus))"
    r"(?![^\S\n]*(?:at\s+all|here|yet)?[^\S\n]*:)"
    # "Theano — no longer used anywhere", "Talend (no longer supported since 2021)"
    r"|no\s+longer\s+(?:used|supported|in\s+use|maintained|offered)"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:anywhere|since|by|in|at|here|after)\b))"
    # "Kubernetes I know only by name", "RabbitMQ? only heard of it", "would not claim"
    r"|only\s+(?:read|heard)\s+(?:about|of)(?:\s+(?:it|them)\b|(?=\s*(?:[.,;!?)]|$)))"
    r"|known?\s+only\s+by\s+name"
    r"|(?:(?<=would\s)not|wouldn['’]t)\s+(?:claim|list)(?:\s+(?:it|them))?(?=\s*(?:[.,;!?)]|$))"
    r"|(?:(?<=completely\s)|(?<=totally\s)|(?<=entirely\s))new\s+to\s+(?:me|us)"
    # "About cloud I know nothing", "Apache Kafka also no."
    r"|(?<=know\s)nothing(?=\s*(?:[.,;!?]|$))|(?<=also\s)no(?=\s*(?:[.;!]|$))"
    # a short answer after the skill: "Kubernetes, no.", "redis? no.", "SSRS neither."
    r"|(?<=[,?]\s)(?:no|nope|nah)(?=\s*(?:[.;!]|$))|(?<=\w\s)neither(?=\s*(?:[.;!]|$))"
    # "AWS daily, Azure never.", "Fivetran never, Stitch once"
    r"|(?<=\w\s)never(?=\s*(?:[.;!]|$|,(?!\s*ever\b)))"
    r"|(?<=[\w?]\s)not\s+at\s+all(?=\s*(?:[.,;!]|$))"  # "JavaScript a bit, TypeScript not at all"
    # a posting's "Tableau training will be provided" (as "we'll teach you Tableau")
    r"|(?<=\w\s)training\s+(?:will\s+be\s+|is\s+)?(?:provided|given|offered)"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:on|during|in|by|for|from)\b))"
    # "Scala is not.", "Java is not something I know"
    r"|(?:(?<=is\s)|(?<=are\s))not(?=\s*(?:[.;!]|$))"
    r"|(?:(?:(?<=is\s)|(?<=are\s))not|isn['’]t|aren['’]t)\s+something\s+(?:I|we)(?:['’]ve|\s+have|\s+had)?"
    r"(?:\s+(?:ever|really|actually))?(?:\s+(?:know|used|use|touched|tried|done|learned|learnt"
    r"|worked\s+with|do|have))?"
    # "SVN is something I've never touched", "Go is something we have not used"
    r"|(?:is|are)\s+something\s+(?:I|we|he|she|they)(?:['’]ve|\s+have|\s+has|\s+had)?"
    r"(?:\s+never|\s+not|n['’]t|\s+(?:haven|hasn|hadn|didn|don|doesn)['’]t"
    r"|\s+(?:do|did|does)\s+not)(?:\s+(?:ever|really|actually|yet|properly|seriously))?"
    r"\s+(?:know|known|used|use|touched|tried|done|learned|learnt|worked\s+(?:with|on|in)|seen"
    r"|had|written|studied|needed)"
    # "Kubernetes is completely foreign to me", "Ansible, Chef: none of them ring a bell"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=completely\s)|(?<=totally\s)|(?<=entirely\s)|(?<=both\s)"
    r"|(?<=\sall\s))(?:foreign|alien|unknown)(?:\s+to\s+(?:me|us))?"
    # "Kubernetes is a complete unknown for me", "Spark is beyond me for now"
    r"|(?:(?<=\sa\s)|(?<=complete\s)|(?<=total\s))unknown(?:\s+(?:to|for)\s+(?:me|us|him|her|them))?"
    r"(?=\s*(?:[.,;!)]|$))"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=still\s))beyond\s+(?:me|us|him|her|them)"
    r"(?:\s+(?:for\s+now|right\s+now|at\s+the\s+moment|so\s+far))?(?=\s*(?:[.,;!)]|$))"
    # "Kafka was never part of my job", "Go isn't part of our stack"
    r"|(?:(?:(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s)|(?<=has\s)|(?<=have\s))never(?:\s+been)?"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s))not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)"
    r"\s+(?:ever\s+)?part\s+of\s+(?:my|our|his|her|their)\s+(?:(?:old|previous|current|day)\s+)?"
    r"(?:job|role|work|stack|degree|toolkit|tool\s*kit|remit|curriculum|training)"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:but|and|so|either|at\s+all)\b))"
    # "Kafka is unfamiliar to me", "Swift and Kotlin are both unfamiliar", "Event sourcing
    # remains completely unfamiliar territory" (not "unfamiliar to most analysts")
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=remain\s)|(?<=remains\s)"
    r"|(?<=completely\s)|(?<=totally\s)|(?<=entirely\s)|(?<=both\s)|(?<=\sall\s))"
    r"unfamiliar(?:\s+(?:territory|ground))?(?:\s+(?:to|for)\s+(?:me|us|him|her|them))?"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:but|and|so|yet)\b))"
    r"|(?:none\s+of\s+(?:them|these|those)\s+rings?|(?:doesn['’]t|don['’]t|(?<=does\s)not"
    r"|(?<=do\s)not)\s+ring)\s+(?:a|any)\s+bells?"
    r"|(?:outside|beyond)\s+(?:of\s+)?(?:my|his|her|their|our|your)\s+(?:experience|expertise"
    r"|skill\s*set|comfort\s+zone|wheelhouse|league|depth)"
    r"|(?:above|beyond)\s+(?:my|his|her|their|our|your)\s+pay\s*grade"
    r"|(?<=\sa\s)foreign\s+language(?:\s+to\s+(?:me|us|him|her|them))?"
    r"|(?:(?<=is\s)|(?<=are\s))(?:outside|beyond)\s+(?:the|our)\s+(?:remit|scope)"
    r"|(?:(?<=is\s)|(?<=are\s))non-?existent"
    r"|(?:(?<=is\s)|(?<=are\s))(?:irrelevant|unnecessary)"  # "Java experience is unnecessary"
    # "My experience with Spark is zero", "His Scala knowledge is nil"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=was\s))(?:zero|nil|none)(?=\s*(?:[.,;!)]|$))"
    # "tried TensorFlow once and gave up", "I tried Rust last year and gave up after a week"
    # (not "when pandas gave up": the skill is what gave up)
    r"|(?:(?<=and\s)|(?<=,\s)|(?<=but\s)|(?<=then\s)|(?<=\bI\s)|(?<=eventually\s)"
    r"|(?<=finally\s)|(?<=quickly\s)|(?<=soon\s))gave\s+up(?=\s*(?:[.,;!)]|$|\s+(?:after"
    r"|halfway|partway|in|on\s+(?:it|them)|both|for\s+now|twice|quickly|soon|again|because|when)\b))"
    r"|(?:(?:(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s))not|isn['’]t|aren['’]t|wasn['’]t"
    r"|weren['’]t|(?:(?<=was\s)|(?<=were\s)|(?<=is\s)|(?<=has\s))never(?:\s+been)?)"
    r"\s+(?:really\s+)?(?:my|our|his|her|their)\s+(?:area|strength|thing|forte"
    r"|strong\s+suit|expertise|specialty|speciality|field|cup\s+of\s+tea)"
    r"|(?:(?<=\sa\s)|(?<=is\s)|(?<=are\s)|(?<=complete\s)|(?<=total\s)|(?<=utter\s)"
    r"|(?<=absolute\s))mystery(?:\s+to\s+(?:me|us|him|her|them))?"
    r"|(?:(?<=\sa\s)|(?<=total\s)|(?<=complete\s))black\s+box(?:\s+to\s+(?:me|us))?"
    # "Bayesian statistics makes no sense to me", "Rust is not in my toolbox"
    r"|(?:(?<=makes\s)|(?<=make\s))(?:zero|no)\s+sense(?:\s+to\s+(?:me|us))?"
    r"|(?:(?<=is\s)|(?<=are\s))not\s+(?:yet\s+)?(?:in|part\s+of)\s+(?:(?:my|our)\s+(?:toolbox"
    r"|toolkit|tool\s*kit|skill\s*set|skills|repertoire|stack|wheelhouse|arsenal)"
    r"|(?:this|the|our)\s+(?:role|job|position|post|placement|plan|standard|brief|contract"
    r"|project|programme|program|curriculum))"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s))not\s+(?:approved|permitted|allowed"
    r"|being\s+considered)"
    r"|(?:(?:(?<=is\s)|(?<=are\s))not|isn['’]t|aren['’]t)\s+used"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:on|in|at|by|here|anywhere)\b))"
    # a skill put off: "Python can wait", "Tableau can definitely wait."
    r"|can\s+(?:(?:" + "|".join(_WAIT_HOW) + r")\s+)?wait"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:for\s+now|till|until|a\s+(?:bit|while|year))\b))"
    # a skill ruled out, or put off with no time to it: "Scala is off the table for now",
    # "Go is more of a someday thing"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=['’]s\s))off\s+the\s+table"
    r"|(?<=\ba\s)some-?day\s+(?:thing|project|goal|item)"
    # "Redis is required, Memcached isn't."
    r"|(?<=\w\s)(?:isn['’]t|aren['’]t)(?=\s*(?:[.;!]|$))"
    # a team's retired tools: "Hadoop cluster decommissioned", "Jenkins: fully
    # decommissioned", "Ansible is being retired", "Jenkins is also gone"
    r"|(?:(?:(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s)|(?<=been\s)|(?<=being\s)|(?<=fully\s)"
    r"|(?<=now\s)|(?<=also\s))(?:removed|gone|dropped)"
    r"|(?:retired|decommissioned|deprecated|sunsetted|phased\s+out))"
    r"(?=\s*(?:[.,;:!)]|$|\s+(?:in|on|last|this|since|as|from|years?|and|\d)\b))"
    # "Docker I know little, Kubernetes not.", "Docker, Linux and cloud are all new", "Cloud is a
    # complete blank for me", "Perl I've forgotten completely"
    r"|(?<![Oo]r\s)(?<=\w\s)not(?=\s*(?:[.;!]|$))"
    r"|(?:is|are)\s+(?:all|completely|totally|entirely|brand)\s+new"
    r"(?:\s+(?:to|for)\s+(?:me|us|him|her|them))?(?=\s*(?:[.,;!)]|$))"
    r"|(?:(?<=\sa\s)|(?<=complete\s)|(?<=total\s))blank(?:\s+(?:for|to)\s+(?:me|us|him|her))?"
    r"(?=\s*(?:[.,;:!)]|$))"
    r"|(?:(?<=\bI\s)|(?<=\bI['’]ve\s)|(?<=\bI\shave\s)|(?<=\bhas\s)|(?<=\bhave\s))forgotten"
    r"(?:\s+(?:it|them|completely|everything|most\s+of\s+it|all\s+of\s+it))?(?=\s*(?:[.,;!?)]|$))"
    # "Spark will be new to him", "Terraform is a closed book to her", "Statistics is a real gap"
    r"|(?:(?:will|would)\s+|(?<='ll\s)|(?<=’ll\s))be\s+(?:all\s+|completely\s+|totally\s+"
    r"|entirely\s+|brand\s+)?new(?:\s+(?:to|for)\s+(?:me|him|her|them|us|you)|(?=\s*(?:[.,;!)]|$)))"
    r"|(?<=\sa\s)closed\s+book(?:\s+to\s+(?:me|him|her|them|us))?"
    # "Spark is uncharted territory for me", "Kafka is terra incognita", "my Go experience
    # amounts to nothing"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=remains\s)|(?<=still\s))(?:(?:completely|totally|entirely"
    r"|largely)\s+)?(?:uncharted\s+(?:territory|waters)|terra\s+incognita)"
    r"(?:\s+(?:for|to)\s+(?:me|him|her|them|us))?(?=\s*(?:[.,;:!)]|$))"
    r"|amounts?\s+to\s+(?:nothing|zero|zilch)(?=\s*(?:[.,;:!)]|$))"
    r"|(?:(?<=\sa\s)|(?<=\sa\sreal\s)|(?<=\sa\sbig\s)|(?<=\sa\smajor\s)|(?<=\sa\sclear\s)"
    r"|(?<=\sa\skey\s))gap"
    r"(?=\s*(?:[.,;:!)]|$|\s+(?:for|in|to)\b))"
    # "Python and statistics are gaps", "Docker and Kubernetes remain real gaps for me"
    r"|(?:(?<=are\s)|(?<=remain\s)|(?<=\sreal\s)|(?<=\sbig\s)|(?<=\smajor\s)|(?<=\sclear\s)"
    r"|(?<=\skey\s)|(?<=\shuge\s))gaps"
    r"(?=\s*(?:[.,;:!)]|$|\s+(?:for|in|to)\b))"
    # "Kubernetes and Helm are blank spots", "Spark is a blind spot for her"
    r"|(?:(?<=\sa\s)|(?<=\sa\sreal\s)|(?<=\sa\sbig\s)|(?<=\sa\stotal\s)|(?<=are\s)"
    r"|(?<=\sreal\s)|(?<=\sbig\s)|(?<=\stotal\s))(?:blind|blank)\s+spots?"
    r"(?=\s*(?:[.,;:!)]|$|\s+(?:for|in|to)\b))"
    # the writer's own "I don't" closing a clause about skills named before it ("dbt I
    # haven't used at all", "Scala we never touched")
    r"|(?:(?:(?<=\bI\s)|(?<=\bwe\s))(?:don['’]?t|haven['’]?t|never(?:\s+(?:have|did))?"
    r"|can['’]?t|cannot)"
    r"|(?<=\bI\shave\s)never|(?<=\bI['’]ve\s)never|(?<=\bwe\shave\s)never|(?<=\bwe['’]ve\s)never"
    r"|(?<=\bI\sdo\s)not|(?<=\bI\shave\s)not|(?<=\bI\sdid\s)not|(?<=\bI\s)didn['’]?t)"
    r"(?:\s+(?:ever|really|actually))?"
    r"(?:\s+(?:know|use|used|have|do|touched|touch|tried|try|work(?:ed)?(?:\s+(?:with|on))?"
    r"|written|learned|learnt|needed)(?:\s+(?:it|them))?"
    r"|\s+[a-z]+ed(?:\s+(?:into|in|with|on|to))?)?"  # "Looker I've never logged into"
    r"(?:\s+(?:at\s+all|yet|before|so\s+far|much|either|professionally|myself))?"
    r"(?=\s*(?:[.,;!?)]|$))"
)
_LEARN_AFTER = (
    r"(?<!not\sa\s)(?<!\bno\s)(?:newbie|noob|beginner|novice)(?:\s+here)?(?=\s*(?:[.,;!?)]|$))|"
    # (also "very basic": "my SQL is fairly basic", "my Python is still very basic")
    r"(?:(?<=is\s)|(?<=are\s)|(?<=still\s)|(?<=is\svery\s)|(?<=are\svery\s)|(?<=still\svery\s)"
    r"|(?<=is\sfairly\s)|(?<=is\squite\s)|(?<=is\spretty\s)|(?<=is\srather\s)"
    r"|(?<=is\sextremely\s))(?:minimal|limited|basic|rudimentary|superficial"
    r"|new\s+to\s+me)"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:to|at\s+best|but|for\s+now|so\s+far)\b))"
    # (not what a tool is like to use: "Docker is pretty basic to set up")
    r"(?!\s+to\s+(?:set|use|learn|install|run|deploy|get|pick|understand|read|write|configure"
    r"|maintain|operate)\b)"
    r"|(?:(?<=still\s)|(?<=just\s)|(?<=only\s))learning(?=\s*(?:[.,;!)]|$))"
    # "Scala is something I'm studying on the side", "JavaScript I'm still getting my head
    # around": the writer's learning, closing a clause about the skill before it
    r"|(?:(?<=I['’]m\s)|(?<=I\sam\s)|(?<=still\s)|(?<=currently\s)"
    # ("Airflow I've been learning", "dbt I've just started studying")
    r"|(?<=I['’]ve\sbeen\s)|(?<=I\shave\sbeen\s)|(?<=I['’]ve\sstarted\s)|(?<=I\shave\sstarted\s)"
    r"|(?<=I\sstarted\s)|(?<=just\sstarted\s))(?:studying|learning)"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:on\s+the\s+side|at\s+the\s+moment|right\s+now|now|since|lately"
    r"|recently|slowly|this\s+(?:year|month|week|term|semester))\b))"
    r"|(?<=getting\smy\s)head\s+around(?=\s*(?:[.,;!)]|$))"
    # "Statistics is my weak point", "Python remains his weakest area"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=remains\s)|(?<=remain\s))(?:my|his|her|their|our)\s+"
    r"(?:(?:biggest|main|greatest|major)\s+)?(?:weak(?:est)?\s+(?:point|spot|area|link"
    r"|skill|side|subject|part)s?|weakness(?:es)?)(?=\s*(?:[.,;!)]|$|\s+(?:but|and|so|for|at)\b))"
    # "my statistics is weak", "NumPy is still shaky", "Cox regression is still hazy"
    r"|(?:(?<=is\s)|(?<=are\s)|(?<=still\s)|(?<=bit\s)|(?<=quite\s)|(?<=very\s)"
    r"|(?<=pretty\s)|(?<=really\s)|(?<=fairly\s))(?:weak|weaker|shaky|hazy)"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:for|to|at|than|but|and)\b))"
    r"|on\s+(?:the\s+)?weekends?|at\s+weekends?|in\s+(?:my|our)\s+(?:spare|free)\s+time"
    r"|in\s+the\s+evenings|(?:is|are)\s+(?:a\s+)?work\s+in\s+progress|in\s+progress"
    # "Tableau is next on my list", "Rust and Go are on my wishlist"
    r"|on\s+my\s+(?:(?:to-?do|to-learn|learning|bucket)\s+|wish[-\s]?)?list"
    r"|on\s+(?:the|his|her|their|our|your)\s+(?:to-?do|to-learn|learning)\s+list"
    # plans: "HTML and CSS are next month", "Node.js starts in week 11", "MongoDB comes later"
    r"|(?:is|are)\s+(?:next|up\s+next|coming\s+up)"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:month|week|year|term|semester|quarter|on\s+my\s+list)\b))"
    r"|(?:starts?|begins?|comes?)\s+(?:in\s+(?:week|module|month|term|semester|lesson|unit|part)"
    r"\s+\d{1,2}|next\s+(?:week|month|term|semester|quarter|year)"
    r"|later(?:\s+in\s+the\s+(?:course|program|programme|bootcamp|curriculum))?)"
    r"|for\s+the\s+first\s+time(?=\s*(?:[.,;!)]|$))"
    # a course's or team's teaching: "pandas and NumPy are taught in week one"
    r"|(?:is|are|be)\s+taught(?=\s*(?:[.,;!)]|$|\s+(?:in|during|on|from|at|by)\b))"
    # reading a language but not writing it: "my C++ is read-only", "Swift (reading level
    # only)", "Python: I read it but do not write it"
    # (not a store used read-only: "Elasticsearch (read-only, via Kibana)")
    r"|(?:(?<=is\s)|(?<=are\s))read[- ]only(?=\s*(?:[.,;!)]|$))"
    r"|(?:(?<=\()|(?<=,\s)|(?<=-\s)|(?<=:\s))reading(?:\s+level|\s+knowledge)(?:\s+only)?"
    r"(?=\s*(?:[.,;!)]|$))"
    r"|(?:I\s+)?(?:can\s+)?read\s+it\s+but\s+(?:do\s+not|don['’]t|can['’]?t|cannot|couldn['’]t)"
    r"\s+write(?:\s+it)?"
    # a start, after the skill: "Pulumi on a side project, still early days", "dbt: early
    # days", "Spark (early days)"
    r"|(?:(?:it['’]s|it\s+is|still|but|very)\s+)?(?:very\s+)?early\s+days"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:but|yet|so|for\s+now)\b))"
    # knowing a skill in theory only: "I understand Airflow in theory", "Helm I understand
    # conceptually", right after the skill or the writer's verb (_THEORY: not "Spark is
    # great in theory"); "Terraform (theory only)", "Kubernetes: theoretical knowledge
    # only"; "my knowledge of Spark is purely theoretical"
    r"|(?:in\s+theory|conceptually|theoretically)(?:\s+only)?"
    r"(?=\s*(?:[.,;!)]|$|\s+(?:but|though|although|not|only|at\s+best|for\s+now|so\s+far)\b))"
    r"|(?:(?<=\()|(?<=,\s)|(?<=-\s)|(?<=:\s)|(?<=–\s)|(?<=—\s))(?:theory|theoretical(?:\s+knowledge)?"
    r"|conceptual(?:\s+understanding)?)\s+only(?=\s*(?:[.,;!)]|$))"
    r"|(?:" + "|".join(rf"(?<={v}\s{a}\s)" for v in ("is", "are")
                        for a in ("purely", "only", "mostly", "entirely", "largely", "still"))
    + r")(?:theoretical|conceptual)(?=\s*(?:[.,;!)]|$|\s+(?:but|for\s+now|at\s+best|so\s+far)\b))"
)
# (the cues above read tight: only the skill, or the writer and a verb of knowing, before)
_THEORY = re.compile(r"(?:in\s+theory|conceptually|theoretically)\b", re.I)
# A value that stands alone after a skill: nothing but a separator or the line's end follows
# ("Scala: 0", "Kotlin | 0 | ...", "Python 2/5 · R 0/5"); _WIDE also takes quotes, braces,
# dashes and two spaces.
_ALONE = r"(?=[^\S\n]*(?:$|\n|[|,;)(\t·•]|\.(?:\s|$)))"
_ALONE_WIDE = r"(?=[^\S\n]*(?:$|\n|[|,;)(\t\"”}—–·•]|\.(?:\s|$))|[^\S\n]{2})"
# a low rating as the whole value: "Polars 1/5", "Leadership - 2 out of 5" (_RATINGS)
_LOW_RATING = (
    r"(?:(?:self-)?rated\s+|level\s*)?(?:[12]\s*(?:/|\s+out\s+of\s+|\s+of\s+)\s*5"
    r"|[1-3]\s*(?:/|\s+out\s+of\s+)\s*10)"
    + _ALONE_WIDE
)
# the places a skill may have been met only to try it: "(POC only)", "only tutorials" (not
# "(university only)", "(lab only)" or "(course projects)": the reviewers' sets hold these
# as often as not, as the status table holds "studied Java at university")
_EXPOSURE_WORDS = (
    "poc course courses training trainings tutorial tutorials demo demos sandbox mooc"
    " bootcamp".split()
)
_EXPOSURES = r"proof[\s-]+of[\s-]+concept|toy\s+(?:examples?|projects?)|" + "|".join(
    _EXPOSURE_WORDS)
# (their cue words: "POC only", "only tutorials", "toy examples", "concept only")
_EXPOSURE_ANCHORS = (
    *(f"{w} only" for w in (*_EXPOSURE_WORDS, "concept", "examples", "example", "projects",
                            "project")),
    *(f"only {w}" for w in (*_EXPOSURE_WORDS, "toy", "proof")),
    "toy example", "toy examples", "toy project", "toy projects",
)
# (and the words that start a note of where all of it was: "only in a tutorial")
_ONLY_IN = tuple(f"{w} {v}" for w in ("only", "just") for v in (
    "in", "from", "through", "via", "followed", "done", "did", "seen", "a", "an", "one", "my",
    "some", "two"))
# an arrow between a skill and its value or note ("Kafka → none", "Spark -> learning")
_ARROW = r"[-=]>|[→⇒➔➜⟶]"
# what a form copies of a requirement between a skill and the answer: "JAX experience
# (preferred) - none", "Spark (nice to have): no" (_ATTACHED)
_FORM_NOTE = (
    r"\s*\((?:preferred|required|desired|optional|essential|bonus|a\s+plus"
    r"|nice[\s-]to[\s-]have|must[\s-]have)\)"
)
# a form's yes/no prompt between a skill (or its question) and the answer (_ATTACHED)
_YES_NO = r"\??[^\S\n]*\((?:y|yes)[^\S\n]*/[^\S\n]*(?:n|no)\)"
_NEXT_SENTENCE = re.compile(r"[^\S\n]+(?=[A-Z])")
# the noun a note may follow: "Kafka experience: none" (_ATTACHED, _FORM_NOTED)
_NOTE_NOUN = r"(?:\s+(?:experience|exposure|knowledge|skills?|level))?"
_FORM_NOTED = re.compile(_NOTE_NOUN + r"(?:" + _FORM_NOTE + "|" + _YES_NO + ")", re.I)
# Right after the skill, in brackets or after a colon or dash: binds to that skill only.
_ATTACHED = re.compile(
    # (after a comma, a bare "none" or "no" is a list item, "python, None, sql", not a note)
    r"(?:" + _NOTE_NOUN
    + r"(?:\s*\((?:years?|yrs?|level|rating|proficiency)\))?"  # "PostgreSQL (years): 0"
    # a form's yes/no prompt: "SQL experience (Y/N): N", "Kubernetes? (Yes/No) No"
    r"(?P<prompt>" + _YES_NO + ")?"
    # what a form copies of the requirement: "JAX experience (preferred) - none"
    r"(?P<form>" + _FORM_NOTE + ")?"
    r"(?:\s*[●○◐◑★☆•]{1,5})?[\"”]?(?:\*\*?(?=[^\S\n]*[:|]))?\s*"  # "| **Cloud** | none |"
    r"(?:\(|:(?:\*\*?(?!\w))?|" + _ARROW
    + r"|-{1,2}|–|—|\||\.{2,}|…+|,(?!\s*(?:none|nope|neither|no)\b(?!\s+\w))"
    # the writer's own never after a semicolon: "Our analysts live in Mode; I've never even
    # logged in"
    r"|;(?=[^\S\n]*(?:i|we)(?:['’]ve|[^\S\n]+have)[^\S\n]+never\b)"
    r"|\?(?:\s*\.{2,}|[^\S\n]*(?:" + _ARROW + r"|-{1,2}|–|—)(?=[^\S\n]))?"  # "Core ML?  -> No"
    r"|(?<=/n\)[ \t])|(?<=/no\)[ \t])"  # (after the prompt, a space: "(Yes/No) No")
    # a table's next cell, not a bare "no" (a "Gap?" column's "no" is no gap): "Python   None",
    # "Kafka   no experience"
    r"|(?<=[^\S\n]{2})(?!\s*no?\b(?!\s+(?:experience|exposure|knowledge)\b))|(?<=\t))\s*"
    # a JSON or YAML value: '"Tableau": "never used"', "pyspark: {level: none}"
    r"(?:[\"“]|\*{1,2}(?=\w)|\{\s*(?:level|proficiency|rating|status|experience|years)\s*:\s*[\"“]?"
    # an answer in brackets after a question: "Have you used Snowflake? (no)"
    r"|(?<=\?\s)\(|(?<=\?)\()?"
    r"(?:(?P<neg>no\s+longer\s+(?:used|supported|in\s+use|maintained|offered)(?:\s+anywhere)?"
    # "Docker, Kubernetes -- neither is in my toolbox"
    r"|neither\s+(?:is|are|one)\b[^\n.;|!?,]*"
    r"|(?:none|nothing)\s+to\s+speak\s+of"  # "Backend: none to speak of"
    # "TensorFlow: unfamiliar", "Rust (not familiar)", "Kafka - no idea", "Helm: clueless"
    r"|(?:(?:completely|totally|entirely)\s+)?unfamiliar|not\s+familiar|no\s+idea|clueless"
    r"|(?:none|neither)\s+of\s+(?:them|these|those)"  # "Docker? Kubernetes? none of them"
    r"|none|non-?existent|neither|nope|nah|not\s+really|not\s+at\s+all|not\s+(?:so|that|too)\s+much"
    # a wish with no time to it as the note: "dbt - still \"someday\"", "Rust: someday, maybe"
    r"|(?:still\s+[\"“]?)?some-?day(?:[\"”]?,?\s+maybe)?"
    # what a posting does not ask for, as a value: "Kafka ..... not required", "Scala - not
    # needed" (in brackets or after a colon it is read as a cue after the skills before it:
    # "Go or Rust (not required)", "Containers / AKS: not required")
    r"|(?<![(:])(?<![(:]\s)not\s+(?:required|needed|necessary|expected|mandatory)"
    # "ML for security - interested but zero hands-on"
    r"|(?:no|zero)[^\S\n]+hands(?:-|[^\S\n])on(?=[^\S\n]*(?:[.,;!)]|$|\n))"
    # (on its line)
    r"|no(?:[^\S\n]+(?:(?:hands(?:-|[^\S\n])on|real|practical|professional)[^\S\n]+)?"
    r"(?:experience|exp|use|usage|exposure|knowledge|work))?"
    # "Azure Data Factory: gap", a team matrix's "Spark: nobody", "Statistics - not a
    # strength yet", "Data science ..... not my background"
    r"|gap|nobody|no\s*one|not\s+(?:yet\s+)?a\s+(?:strength|strong\s+(?:point|suit))"
    r"|not\s+(?:really\s+)?(?:my|his|her|their|our)\s+(?:background|area|thing|strength|forte|field)"
    # "Python/ML: not part of my toolkit"
    rf"|not\s+(?:really\s+)?(?:a\s+)?part\s+of\s+{_MY_TOOLKIT}"
    # a form's ticked "No": "Experience with Go? ☐ Yes ☒ No"
    r"|(?:☐|\[\s?\])\s*yes\s*(?:☒|☑|\[[xX✓✔]\])\s*no"
    # a note in the writer's own words: "Kafka: I have zero experience", "As for Spark, we
    # have no hands-on experience", "Airflow - I have none", "Snowflake: never had the
    # chance", "dbt, haven't had a chance to use it yet"
    r"|(?:(?:i|we|they)['’]ve\s+(?:got\s+)?|(?:i|we|he|she|they)\s+(?:have|has|had)\s+(?:got\s+)?)"
    r"(?:no|zero|nil|little\s+(?:to|or)\s+no)"
    r"(?:\s+(?:hands[-\s]on|real|practical|professional|prior|direct|actual|working|production"
    r"|commercial|industry))?"
    r"\s+(?:experience|exposure|knowledge|background)"
    r"|(?:i|we|he|she|they)\s+(?:have|has)\s+none"
    # a bare answer: "Q: Does she know Kafka? / A: She doesn't.", "Go - I don't"
    r"|(?:i|we|he|she|they)\s+(?:do(?:es)?\s+not|do(?:es)?n['’]?t)(?=\s*(?:[.!;)]|$|\n|\s[-–—]\s))"
    r"|(?:(?:i|we|they)['’]ve\s+|(?:i|we|he|she|they)\s+)?"
    r"(?:never|(?:have|has|had)(?:\s+not|n['’]?t)|not\s+yet)(?:\s+(?:yet|really|ever|actually))?"
    r"\s+had\s+(?:the|a|an|any)\s+(?:chance|opportunity)"
    r"(?:\s+to\s+(?:use|try|learn|touch|work\s+(?:with|on))(?:\s+(?:it|them))?)?"
    r"|never(?:\s+(?:used|touched|tried|heard\s+of|written|built|run|deployed|installed"
    r"|opened)(?:\s+(?:it|them|one|any))?)?"
    # the writer's own never, with "even": "Mode Analytics? I've never even logged in",
    # "Terraform - we've never even opened it"
    r"|(?:(?:i|we|they)['’]ve\s+|(?:i|we|he|she|they)\s+(?:have|has)\s+)never\s+(?:even\s+)?"
    r"(?:used|touched|tried|opened|installed|seen|logged\s+(?:in|on)(?:to)?|worked\s+with"
    r"|heard\s+of)(?:\s+(?:it|them|one))?"
    r"|forgotten(?:\s+(?:most|all|everything|it))?"  # "Perl: forgotten"
    # "Flink — dropped from the plan"
    r"|dropped(?:\s+from\s+(?:the|my|our)\s+(?:plan|list|syllabus|curriculum|scope|roadmap))?"
    r"|not\s+yet|(?:0|zero)[^\S\n]*(?:years?|yrs?)(?:[^\S\n]+experience)?|n/a"
    r"|zero" + _ALONE + r"|zero\s+(?:experience|exposure|knowledge)"
    r"|not\s+used(?:\s+here\b|\s+(?:anywhere|in|by|at)\b[^\n.;|]*)?|(?:explicitly\s+)?not\s+planned"
    # "Tableau - not started", "Airflow: not started yet", "Deep learning: hasn't used in a
    # work setting"
    r"|not\s+(?:yet\s+)?(?:started|taken|studied|learned|learnt|tried|touched)|(?:has|have)(?:\s+not|n['’]?t)\s+(?:used|touched|tried"
    r"|heard\s+of)"
    r"(?:\s+(?:it|them))?(?:\s+(?:in|at|on|for|since|outside|professionally)\b[^\n.;|]*)?"
    # an interviewer's "Apache Kafka: could not explain consumer groups"
    r"|could\s*(?:not|n['’]t)\s+(?:explain|answer|describe|name|say|tell)[^\n.;|]*"
    r"|(?-i:N)" + _ALONE  # a Y/N column
    # "Helm - heard of it", "Helm: she's only heard of it"
    + r"|(?:(?:i|we|he|she|they)(?:['’](?:ve|s)|\s+(?:have|has))\s+)?(?:only\s+)?heard\s+of"
    r"(?:\s+(?:it|them))?"
    # "Helm? What's that lol", "Machine learning: I only know the name"
    r"|what['’]?s\s+that(?:\s*\?*\s+(?:lol|lmao|haha))?"
    r"|(?:i\s+)?only\s+know\s+(?:the|its|their)\s+names?"
    # a zero rating as the whole value: "Kotlin | 0", "Scala - 0/5" (not "Spark 0.9")
    r"|(?:(?:self-)?rated\s+|level\s*)?0(?:\s*/\s*\d{1,2})?"
    + _ALONE_WIDE
    # "Data modelling: absent", "Streaming: nil"
    + r"|nothing(?:\s+(?:yet|at\s+all|really|so\s+far))?"  # "Hadoop - nothing"
    r"|absent|missing|nil|zilch|nada" + _ALONE + ")"
    # "Bitbucket: learning it for the new job" (before "learning": the note is what follows)
    r"|(?P<learn>(?:currently\s+)?learning\s+(?:it|them)\b[^\n.;|]*"
    r"|beginner|basics?|learning|currently\s+learning|a\s+(?:little\s+)?bit|a\s+little"
    r"|in\s+progress|novice"
    r"|self-study|coursework(?:\s+only)?|tutorials?\s+only|ongoing|rudimentary"
    # where all of it was: "Flink (POC only)", "Keras - only tutorials", "JAX: toy examples",
    # "Airflow: only in a tutorial", "Spark? Only in a university course", "PySpark - just a
    # Udemy course so far", "React: only a tutorial app"
    r"|(?:only|just)\s+(?:(?:in|from|through|via|followed|done|did|seen\s+it\s+in)\s+)?"
    r"(?:(?:a|an|one|my|some|two|a\s+couple\s+of)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:" + _EXPOSURES + r"|class(?:es)?|modules?|workshops?|coursework|labs?)"
    r"(?:\s+(?:apps?|projects?|exercises?))?"
    r"|(?:" + _EXPOSURES + r")\s+only|only\s+(?:" + _EXPOSURES + r")"
    r"|toy\s+(?:examples?|projects?)(?:\s+only)?"
    r"|studying|elementary|entry(?:\s|-)level|introductory|just\s+started|starting"
    r"|minimal|limited|superficial|dabbling|dabbled|tinkering|tinkered|kinda|somewhat"
    # "Snowflake - exploring", "SageMaker — exploring", "LLM stuff: experimenting" (not
    # "exploring and building")
    r"|(?:exploring|experimenting)(?![^\S\n]+and\b)"
    # a level's word: "Kubernetes - shaky", "Statistics: needs work", "Docker  Developing"
    # (not "models, developing algorithms"; "rusty" is past use: "Java (rusty)" is held)
    r"|shaky|hazy|weak|(?<!,)(?<!,\s)developing|needs?\s+(?:work|improvement|practice)"
    # "PyTorch: started this week", "Monday.com (started using last month)"
    r"|started(?:\s+(?:using|learning|studying|reading|on\s+it))?(?:\s+(?:last|this)\s+(?:week|month"
    r"|term|semester|quarter|year)|\s+recently)?"
    r"|" + _LOW_RATING + "))"
    # (on the next line, not a label over what follows: "Excel\nNone — Spark, R",
    # "Python\n\nNone\n- Spark")
    r"|(?:[^\S\n]+|\s*\n\s*(?!(?:none(?:[^\S\n]+(?:yet|so[^\S\n]+far))?|not\s+yet)"
    r"(?:[^\S\n]+[-–—][^\S\n]|" + _BULLET_BELOW + ")))"
    r"(?P<neg2>none|no(?=\s*(?:[,.;)]|$))|not\s+yet|not\s+(?:so|that|too)\s+much"
    r"|(?:self-)?rated\s+0(?:\s*/\s*\d{1,2})?" + _ALONE
    + r"|(?:0|zero)[^\S\n]*(?:years?|yrs?)"
    r"|0(?:/\d{1,2})?" + _ALONE + r")|\s+(?P<learn2>"
    + _LOW_RATING + r"))\b"
    r"(?![^\S\n]+\w+\s+(?:with|in|of)\b)",  # (on its line: "none with", not the next line)
    re.I,
)
# what may follow a note's cue before the note closes: "Spark: none yet", "(none so far)"
_STILL = r"(?:so\s+far|yet|at\s+all|to\s+date|for\s+now)"
_ATTACHED_CLOSE = re.compile(
    r"(?:\s*-?\s*level)?(?:\s+" + _STILL + r")?(?:[\"”]?\s*\}+|[\"”]|\*{1,2})?"
    r"(?:[^\S\t\n]*\t|[^\S\n]{2}|\s+[-–—]\s|[^\S\n]+(?:[:;]-?[()DPp]|lol|haha)(?!\w)"
    r"|[^\S\n]+/[^\S\n]+(?=[^/\n:]{1,40}:)"  # the next field of a form: "Azure: no / GCP: yes"
    r"|[^\S\n]*[·•▪]"  # the next item: "Python 2/5 · R 0/5"
    r"|\s*(?:\)|\(|,|;|\.|!|\?|\||$|\n|\s+(?:and|or)\b))",
    re.I,
)

# Requirement wording: in a posting, a learning cue names what is asked for.
_REQUIREMENT_WORDS = [
    *r"required requirements? require requires preferred prefer a\s+plus plus\b".split(),
    *r"nice[\s-]to[\s-]have bonus desirable desired would\s+help will\s+help helpful".split(),
    r"would\s+be\s+(?:great|good|ideal|useful|beneficial)",
    *r"beneficial valued appreciated welcome(?:d)? an\s+asset".split(),
    r"is\s+(?:fine|ok|okay|enough|sufficient|acceptable)",
    *r"advantage advantageous expected must should\s+have ideally is\s+essential".split(),
    r"candidates?",
    r"you\s+(?:have|bring|will\s+need)",
]
# (the look-ahead for their first letters spares the engine trying every alternative at
# every word; it changes nothing else)
_REQUIREMENT = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in _REQUIREMENT_WORDS}))}])"
    rf"(?:{'|'.join(_REQUIREMENT_WORDS)})\b",
    re.I,
)

# two names joined as a list: "Scala and Kotlin: neither"
_AND_OR = re.compile(r"\s+(?:and|or|&)\s+|\s*[/+]\s*", re.I)  # ("Spark/Kafka: none")
# a will to learn, which a posting asks for instead of the skill: "willing to learn Python"
_WILL_TO = re.compile(
    r"\b(?:willing(?:ness)?|eager(?:ness)?|keen|happy|open|ready)\s+to\s+$", re.I
)

_WILL_CUE = re.compile(r"(?:keen|eager)\s", re.I)  # (cues that open with the will: _LEAD_TO)


def _will_to_learn(text: str, m: re.Match, cue: str) -> bool:
    """Whether learning cue ``m`` (reading ``cue``) is a will to learn, not learning: "happy
    to learn it", "keen to learn it"."""
    return _WILL_CUE.match(cue) is not None or _WILL_TO.search(
        text, max(0, m.start() - 16), m.start()) is not None


# (written so that the engine tries the alternatives only after one of a few characters)
_BOUNDARY = re.compile(
    r"[.!?;\n\r•·▪►●◦ ](?:(?<=[.!?])(?=\s|$)"
    # (not a short word's dot before a lower-case word: "No prior exp. in Spark", "5 yrs. with")
    r"(?:(?<!\b[Ee]xp\.)(?<!\b[Yy]rs\.)(?<!\b[Aa]pprox\.)(?<!\b[Ii]ncl\.)"
    r"|(?![^\S\n]+[a-z]))|(?<=[;\n\r•·▪►●◦])|(?<= )(?:[-–—]+(?=\s)"
    r"|(?:[Bb]ut|[Hh]owever|[Aa]lthough|[Tt]hough|[Ww]hereas|[Ww]hil(?:e|st))\b"
    r"|(?<=, )[Yy]et\b(?!\s*,)))"
)


def _group(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


_AFTER = re.compile(rf"(?P<learnafter>\b(?:{_LEARN_AFTER})\b)", re.I)
# the labels among the denials before a skill ("Not in scope:", "Missing for this role:")
_LABEL_CUE = re.compile(
    rf"(?P<neg>{_group([p for p in _NEG_BEFORE if p.startswith(_LABEL_START)])})(?!\w)", re.I
)
# (the cue words that such a label can start with)
_LABEL_WORDS = frozenset("not irrelevant missing gap gaps".split())
# the range of a rating scale ("Self-rating (1-5)"): cue words that only _scaled reads
_SCALE_WORDS = frozenset(
    f"{low}{to}{high}" for low in "01" for high in ("5", "10")
    for to in ("-", "–", " - ", " – ", " to ")
)
# the cue words of trying a tool out ("trying out Polars", "kicking the tyres on Snowflake")
# that are not one word of _ANCHORS; with those words, out of the learned reader's reach
_TRYING_OUT = (
    *(f"{t} out" for t in ("try", "tries", "trying", "tried")),
    *(f"{m} {a}" for m in ("mess", "messes") for a in ("around", "about")),
    *(f"{k} the {t}" for k in ("kick", "kicks", "kicking", "kicked") for t in ("tyres", "tires")),
)
_TRYING_WORDS = frozenset(
    "toy toys toying toyed fiddle fiddles fiddling fiddled messing messed dipping dipped poke "
    "pokes poking poked".split()
)
# the cue words of the seventy-sixth round: a wish list, being taught and the start of a
# course ("About to start a Databricks course"); the rules read them, and they bring no
# line into the learned reader's reach
_TAUGHT = (
    "on my wishlist", "on my wish-list", "on my wish list", "on my bucket list",
    *(f"{v} {who}" for v in ("teaching", "showing", "coaching", "mentoring", "training")
      for who in ("me", "us")),
    *(f"{b} {v}" for b in ("being", "getting") for v in ("mentored", "coached", "trained",
                                                         "taught")),
    *(f"to start {a}" for a in ("a", "an", "the", "my", "this")),
)
# the cue words of the seventy-seventh and seventy-eighth rounds: a wish ("I wish I knew
# Rust"), the next goal ("My next goal is Kafka"), an intent to master a skill ("hoping to
# master Kubernetes"), "none with" and a wish to try ("I'd love to try dbt"); the rules
# read them, and they bring no line into the learned reader's reach
_WISHED = (
    "wish i", "if only i", "next goal", "next focus", "none with", "none using", "to try",
    *(f"{w} master" for w in ("to", *_WILL)),
)
# the cue words of the eighty-first round: a choice against a skill ("decided against
# Python"), a note that a skill waits for some day ("dbt - someday"); the rules read them,
# and they bring no line into the learned reader's reach
_DECIDED = (
    *(f"{w} against" for w in _CHOSE),
    "someday", "some-day",
)
# (and of a course being finished or booked: "finishing the Kafka course", "booked a dbt
# class")
_FINISHING = ("finishing", "finish", "booked")
# the cue words of the eighty-sixth round: a skill ruled out ("Scala is off the table");
# the rules read them, and they bring no line into the learned reader's reach
_RULED_OUT = ("off the table",)
# the cue words of the eighty-third round: a skill used only in a course ("only used Spark
# in a workshop"); the rules read them, and they bring no line into the learned reader's
# reach
_USED_ONLY = tuple(f"{w} {ever}{v}" for w in ("only", "just") for ever in ("", "ever ")
                   for v in (*_ONLY_VERBS, "played"))
# cue words that only the rules read: the learned reader's reach (rolefit._statusmodel.in_reach)
# leaves them out, since they stand in many texts that deny nothing ("aiming for a 50/50
# split") and each widens what the model rereads
OUT_OF_REACH = frozenset({
    *_TAUGHT, *_WISHED, *_DECIDED, *_FINISHING, *_USED_ONLY, *_RULED_OUT,
    "aiming for", "aiming at", "targeting", "considering", "eyeing", "thinking about",
    # (the twenty-eighth round's: aims and goals in other words, advice to skip a skill)
    "wanna", "skip", "goal", "pitch myself", "pitching myself", "way into", "path into",
    "route into", "switching to", "switching into", "switching over", "moving to",
    "moving into", "moving over",
    *(f"{w} between" for w in ("deciding", "choosing", "torn", "decide", "choose")),
    *(f"{w} to be" for w in ("want", "wants", "wanted", "like", "love", "hope", "hoping",
                             "plan", "planning", "aim", "aiming")),
    *(f"{w} {r}" for w in ("target", "desired", "dream", "next")
      for r in ("role", "roles", "job", "jobs", "position", "positions", "career", "careers")),
    *_SCALE_WORDS,  # (the range of a rating scale: "Self-rating (1-5)", _scaled)
    # (the fifty-second round's: a tutorial followed, a first attempt)
    "following", "trying my", "having", "finding my",
    # (the fifty-third round's: keeping away from a skill)
    *(f"{w} away" for w in ("stay", "stayed", "staying", "stays", "kept", "keep", "keeping",
                            "keeps")),
    *(f"{w} clear" for w in ("steer", "steered", "steering", "steers")),
    # (the fifty-fourth round's: an exception to a denial, read by _excepted only)
    "besides", "apart from", "aside from", "other than",
    # (the sixty-seventh round's: a plan's labels for what it leaves out, "Parked:")
    "parked", "deferred", "postponed", "aside",
    # (the sixty-eighth round's: the same, and a skill that can wait)
    "left out", "on hold", "can wait", *(f"can {how} wait" for how in _WAIT_HOW),
    # (the sixty-ninth round's: a level's label "Growing:")
    "growing",
    # (the sixty-third round's: trying a tool out)
    *_TRYING_OUT, *_TRYING_WORDS,
    # (the fifty-fifth round's: knowing a skill in theory only)
    "in theory", "conceptually", "theoretically", "theory only", "theoretical", "conceptual",
    # (the fifty-sixth round's: knowing a skill barely)
    "barely", "hardly", "scarcely",
    # (the fifty-seventh round's: a start)
    "early days", "first steps",
    # (the fifty-eighth round's: slang and idioms for none)
    "zilch", "nada", "zip", "squat", "uncharted", "terra incognita", "amounts to",
    "amount to",  # (and "blank", a cue word already in reach)
})


# Set phrases of postings and web pages around a cue word that deny nothing and tell of
# no learning: "including, but not limited to, TypeScript, Go, and Rust", "To learn more,
# follow Databricks on LinkedIn", "learn more about our Kafka platform", "Click here to
# learn more about New York Life's leadership" (never a person's "I'd like to learn more
# about Kafka").
# (a line break may fall inside one)
_SET_PHRASE = re.compile(
    r"not\s+(?:be\s+)?limited\s+to\b"
    r"|learn\s+more(?:\s+about\s+(?:us|our)\b|\s*[,:]\s*(?:visit|follow|check|see|click|go|read"
    r"|head)\b)",
    re.I,
)
_HERE_TO = re.compile(r"(?:click|tap|visit|go)\s+here\s+to\s+\Z", re.I)
# a posting's nice-to-have: "Knowledge of Spark is helpful but not mandatory", "a plus, not
# required" (the skill is asked for, not denied)
_NICE_NOT = re.compile(
    r"not\s+(?:strictly\s+)?(?:mandatory|required|essential|necessary|a\s+must|a\s+requirement)"
    r"\b", re.I
)
_NICE_BEFORE = re.compile(
    r"\b(?:helpful|useful|a\s+plus|nice\s+to\s+have|desirable|welcome|beneficial"
    r"|an\s+advantage|preferred|a\s+bonus)[^\S\n]*[,;–—-]?[^\S\n]*(?:but[^\S\n]+)?\Z",
    re.I,
)


# What, right after a cue word, takes its line out of the learned reader's reach: for
# "developing", anything but a level or one's own skills ("Statistics: Developing", "SQL |
# Developing |", "an area I'm actively developing.", "still developing his Spark skills"),
# so not a posting's "developing AI solutions", "developing and deploying"; for "what's", a
# posting's "What's in it for you", "what's possible with AI"
_WHATS_SET = re.compile(r"\s+(?:in\s+it\s+for\b|possible\b)", re.I)
_OUT_AFTER = {
    "developing": re.compile(
        r"(?![^\S\n]{2,}|[^\S\n]*(?:[.,;:!?)|\n]|\Z|(?:my|his|her|their)\b))", re.I
    ),
    "what's": _WHATS_SET,
    "whats": _WHATS_SET,
}
# the zero of a decimal number, no cue word: "4.0", "0.9"
_DECIMAL_ZERO = re.compile(r"(?<=\d[.,])0|0(?=[.,]\d)")
# (the cue words that in_reach_words looks at again)
_READ_AGAIN = frozenset({"not", "learn", *_OUT_AFTER})


def in_reach_words(anchors, text: str) -> list:
    """The cue words of ``anchors`` (in ``text``) that bring their lines into the learned
    reader's reach: all but those of :data:`OUT_OF_REACH`, those of a set phrase of
    postings (:data:`_SET_PHRASE`, :data:`_NICE_NOT`) and those that what follows them
    takes out (:data:`_OUT_AFTER`)."""
    words = [a for a in anchors if a[2] not in OUT_OF_REACH and not (
        a[2] == "0" and _DECIMAL_ZERO.match(text, a[0])
    )]  # (no zero of a decimal number: "Rated 4.0/5 on SQL", "Spark 0.9")
    if not any(w in _READ_AGAIN for _, _, w in words):
        return words
    out = []
    end = -1  # the end of the last set phrase: its other cue words ("limited") go with it
    for a in words:
        if a[0] < end:
            continue
        if a[2] in ("not", "learn") and (phrase := _SET_PHRASE.match(text, a[0]) or (
            a[2] == "not" and _NICE_BEFORE.search(text, max(0, a[0] - 40), a[0])
            and _NICE_NOT.match(text, a[0])
        )):
            end = phrase.end()
        elif (after := _OUT_AFTER.get(a[2])) is not None:
            if not after.match(text, a[1]):
                out.append(a)
        elif not (a[2] == "learn" and _HERE_TO.search(text, max(0, a[0] - 24), a[0])):
            out.append(a)
    return out


# Every cue contains one of these words; a cue is tried only where one stands, so the
# cue expression (slow to search for everywhere: many alternatives) runs at few places.
_ANCHORS = """
    no not never without lack lacks lacking unfamiliar zero 0 neither nor cannot
    don't doesn't didn't haven't hasn't hadn't isn't aren't wasn't weren't can't won't
    wouldn't shouldn't couldn't needn't
    gave give given giving quit stopped abandoned
    little limited learn learning studying taking currently enrolled beginner beginners kinda
    somewhat
    novice newbie basic basics exposure getting got intro introductory crash pick
    picking teaching self-study self-studying self-learning preparing introduction
    aspiring weekend weekends spare free evenings progress
    none elementary entry starting started
    later upcoming skipped skipping excluded parked deferred postponed aside
    minimal upskilling dabble dabbled dabbling tinker tinkered tinkering experimenting
    gain gaining clueless rudimentary noob familiarizing familiarising exploring scratched
    pursuing halfway partway midway half-way part-way mid-way doing coursework neither nope
    completing
    attending attended nonexistent
    non-existent self-teaching stranger mystery foreign alien unknown nothing nah bit
    green unable failed struggled
    surface struggle struggles struggling superficial passing weak useless hopeless
    weaker shaky hazy
    avoid avoided avoiding avoids n/a
    blank blind forgotten forgot couldn't couldnt n nobody no-one absent missing nil irrelevant
    unnecessary retired retiring decommissioned decommissioning dropped dropping deprecated
    deprecating sunset sunsetted sunsetting removed gone ditched ditching scrapped scrapping
    what's what’s whats
    developing weaknesses rejected lying
""".split() + [*_TRYING_WORDS] + _BARE_NOT.split("|") + [
    # "a course on" (not "of course"); a plural only before "covering": "ran workshops on
    # Spark" is more often taught than taken, and a learner names the one they take
    f"{course} {about}"
    for course in ("bootcamp", "course", "workshop", "mooc", "nanodegree", "tutorial")
    for about in ("covering", "on", "about", "in", "for", "that covers", "which covers")
] + [f"{course}s covering" for course in ("bootcamp", "course", "workshop", "tutorial")] + [
    "benefit from", "needs to", "need to",
    "development areas", "development area", "growth areas", "growth area",
    "development need", "development needs",
    "improvement areas", "improvement area", "areas to", "area to", "areas for", "area for",
    "needs work", "need work", "needs improvement", "need improvement", "needs practice",
    "need practice",
    "new to", "working toward", "working towards", "working through", "yet to", "outside my",
    "working on", "brushing up", "practising", "practicing",
    "outside of", "beyond my", "outside the", "outside our", "beyond the", "beyond our",
    "beyond me", "beyond us", "beyond him", "beyond them",
    "above my", "foreign language",
    *(f"{p} {w}" for p in ("outside", "beyond", "above") for w in ("his", "her", "their", "your")),
    "diving into", "digging into", "wrap my", "wrapping my", "hang of", "watched", "watching",
    "registered for", "registered on",
    "interested in", *sorted(OUT_OF_REACH),
    "newcomer", "newcomers",
    *(f"{w} at" for w in ("bad", "poor", "terrible", "awful", "rubbish")),
    "is something", "are something",
    *(f"{who} {a}{w}" for who in ("my", "his", "her", "their", "our")
      for a in ("", "biggest ", "main ", "greatest ", "major ")
      for w in ("weak", "weakest", "weakness", "weaknesses")),
    *(f"to {verb} {to}" for verb in ("go", "move", "transition", "switch", "pivot",
                                     "break", "step", "branch", "shift")
      for to in ("into", "to", "toward", "towards")),
    "to branch out",
    *(f"{w} study" for w in ("to", *_WILL)),
    *(f"{w} {more}{at}" for w in (*(f"{to} {v}" for to in ("to", *_WILL)
                                    for v in ("get", "become")), "becoming")
      for more in ("", "more ") for at in ("comfortable", "familiar", "proficient")),
    *(f"{w} get up to speed" for w in ("to", *_WILL)),
    "to become", "transitioning", "pivoting", "i'm moving", "i’m moving", "am moving",
    "currently moving", "now moving", "break into",
    "breaking into",
    *(f"{w} {v}" for w in ("career", "my") for v in ("change", "switch", "move", "transition",
                                                     "pivot")),
    "signed up", "going through", "just started", "just began", "just begun",
    "recently started", "recently began", "recently begun", "keen to", "eager to",
    "hoping to", "aiming to", "motivated to", "tutorial only", "tutorials only", "head around",
    "just starting", "in the middle of", "first time", "on my list", "only read", "only heard",
    "on my to-do", "on my todo", "on my to-learn", "on my learning", "next up", "black box",
    *_TAUGHT, *_WISHED, *_DECIDED, *_FINISHING, *_USED_ONLY, *_RULED_OUT,
    "we'll teach", "we’ll teach", "we will teach", "we can teach", "we'll train", "we’ll train",
    "we will train", "we can train", "we teach", "be trained",
    "we'll introduce", "we’ll introduce", "we will introduce", "to get into",
    *(f"training {v}{w}" for v in ("", "is ", "will be ")
      for w in ("provided", "given", "offered")),
    "phased out", "phasing out", "stopped using", "is taught", "are taught", "be taught",
    *(f"{v} {w}" for v in ("moved", "migrated") for w in ("off", "away")),
    "need training", "needs training", "training in", "training on", *_EXPOSURE_ANCHORS,
    *_ONLY_IN,
    "would need training", "idk", "heard of",
    "first day", "first days", "first week", "first weeks", "first month", "first months",
    *(f"{ramp} up {about}" for ramp in ("ramp", "ramping") for about in ("on", "with", "in")),
    "playing around", "for the first time",
    *_TRYING_OUT,
    "know only", "known only", "only know", "read-only", "read only", "reading level",
    "reading knowledge", "read it but",
    "except", "gap", "gaps", "do i need", "would i need", "will i need", "should i",
    "no longer", "not in scope", "out of scope", "not my", "not really my",
    *(f"{a} expect" for a in ("do not", "don't", "won't", "will not")),
    *(f"{v} {a} new" for v in ("is", "are")
      for a in ("all", "completely", "totally", "entirely", "brand")),
    *_RATINGS, *_AD_ANCHORS,
    "coming up", "closed book", "is next", "are next", "is up next", "are up next",
    "is coming up", "are coming up",
    *(f"{will}be {w}new" for will in ("", "will ", "would ")
      for w in ("", "all ", "completely ", "totally ", "entirely ", "brand ")),
    *(f"on {who} {what}" for who in ("the", "his", "her", "their", "our", "your")
      for what in ("to-do", "todo", "to-learn", "learning")),
    *(f"{verb} {when}" for verb in ("start", "starts", "begin", "begins", "come", "comes")
      for when in ("in", "next", "later")),
    *(f"{unit} {n} of" for unit in ("day", "week", "month", "module", "chapter", "lesson", "unit")
      for n in range(1, 31)),
    *(f"{unit}{s} into" for unit in ("day", "week", "month", "module", "chapter", "lesson", "unit")
      for s in ("", "s")),
    *(f"{c} {a}" for c in ("class", "classes", "lesson", "lessons")
      for a in ("on", "in", "about", "covering")),
    # a plan's steps: "Weeks 1-4:", "Month 3.", "Term 2 —" (with the number: the words alone
    # are in most texts, and every cue word found costs the text scan a check)
    *(f"{unit} {n}" for unit in ("week", "weeks", "wk", "wks", "month", "months")
      for n in range(1, 13)),
    *(f"{unit} {n}" for unit in ("day", "days") for n in range(1, 31)),
    *(f"term {n}" for n in range(1, 10)),
]
# (common words such as "new", "working", "going", "just" only in the phrases a cue needs)
_ATTACHED_WORDS = frozenset(
    "none no never not 0 zero beginner basic basics learning progress novice studying nah"
    " elementary entry introductory starting started nonexistent non-existent neither nope"
    " minimal limited superficial n/a"
    " self-study coursework rudimentary couldn't couldnt n absent missing nil forgotten"
    " shaky hazy weak developing hasn't haven't hasnt havent hadn't hadnt gap nobody"
    " don't doesn't"
    " what's what’s whats bit little nothing dabbling dabbled tinkering tinkered kinda somewhat"
    " exploring experimenting"
    " unfamiliar clueless zilch nada dropped someday some-day"
    .split()
) | {"only know", "tutorial only", "tutorials only", "heard of", "no longer", "needs work",
     "need work", "needs improvement", "need improvement", "needs practice", "need practice",
     "not my", "not really my", *_EXPOSURE_ANCHORS, *_ONLY_IN} | set(_RATINGS)
_AFTER_ANCHORS = frozenset({"weekend", "weekends", "spare", "free", "evenings", "progress"})

_RATING_WORDS = frozenset(_RATINGS)
# the scale after a zero rating's "0": "0/5", "0 out of 10" (then _RATED_ON: "0/5 on Flink")
_ZERO_OF = re.compile(r"[^\S\n]*(?:/|[^\S\n]+(?:out[^\S\n]+)?of[^\S\n]+)[^\S\n]*(?:5|10)\b")
_RATED_ON = re.compile(r"[^\S\n]+(?:on|in|for|at)[^\S\n]+", re.I)


#: The hyphenated words that the rules' expressions spell out, lower case (tested against
#: them): a hyphen at a line end between their parts is kept (:mod:`rolefit._mend`).
HYPHENATED = frozenset({"e-learning", "hands-on", "self-rating", "self-study", "to-learn"})


def anchor_terms() -> list[tuple[str, str, bool]]:
    """``(word, word, False)`` for the cue words (a text without one has no cue)."""
    words = _ANCHORS + [w.replace("'", "’") for w in _ANCHORS if "'" in w]
    return [(w, w.replace("’", "'"), False) for w in words]


_PLAN_CUE = re.compile(_PLAN_STEP, re.I)
_STEP_CUE = re.compile(_STEP_IN_LINE, re.I)


# a denied intent to learn: "not planning to", "no plans to", "don't want to", "not
# interested in", "haven't started" (the intent word may open the learning cue itself:
# "interested in learning")
_NO_INTENT = re.compile(
    r"(?:\b(?:not|never|no)|\b\w+n['’]t)\s+(?:(?:really|even|currently|particularly|that|at\s+all"
    r"|yet)\s+)?(?:planning|plans?|going|intend(?:ing)?|intentions?|wanting|want|interest(?:ed)?"
    # a start not made: "haven't started learning Python", "not yet begun to study Go"
    r"|keen|desire|started|begun)\b"
    # an intent given up: "dropped the plan to learn TensorFlow", "shelved the idea of learning"
    r"|\b(?:dropped|abandoned|scrapped|shelved|ditched|gave\s+up|giving\s+up|dropping)\s+"
    r"(?:the|my|our|his|her|their|any)\s+(?:plans?|idea|intention|goal)\b",
    re.I,
)
# between such an intent and its learning cue: a preposition and a word of how or when
# ("not planning to start learning"; not "to stop learning")
_INTENT_GAP = re.compile(
    r"\s+(?:(?:to|on|in|of|about)\s+)?(?:(?:start|begin|bother|actually|really|even|ever"
    r"|seriously|properly)\s+)?",
    re.I,
)


def _denied_intent(text: str, m: re.Match) -> re.Match | None:
    """The denied intent before learning cue ``m`` ("not planning to learn Spark", "no
    intention of learning Go", "not interested in learning Scala"), else None."""
    before = text[max(0, m.start() - 48) : m.start()].lower()
    if "n" not in before and "d" not in before:
        return None
    for x in _NO_INTENT.finditer(text, max(0, m.start() - 48), m.end()):
        if x.start() >= m.start():
            break
        if x.end() > m.start() or _INTENT_GAP.fullmatch(text, x.end(), m.start()):
            return x
    return None


# a wish with no time to it ("I'd love to learn Rust someday", "hoping to pick up Kubernetes
# at some point"): the words of the wish, and of a time that is no plan (not "one day a week")
_WISHING = re.compile(
    r"(?:\b(?:would|should)|['’]d)\s+(?:really\s+|also\s+|still\s+)?(?:like|love)\b"
    r"|\b(?:want|wants|wanna|hope|hopes|hoping|wish|wishes|keen|interested|dream)\b",
    re.I,
)
_SOMEDAY = re.compile(
    r"\b(?:some[\s-]?day|one\s+day(?![^\S\n]+(?:a|per|each|every|of)\b)|at\s+some\s+point"
    r"|eventually|one\s+of\s+these\s+days|down\s+the\s+(?:road|line))\b",
    re.I,
)


def _vague_wish(text: str, m: re.Match, clauses: _Clauses, limit: int) -> re.Match | None:
    """The time word that makes learning cue ``m`` a wish with no plan ("I'd love to learn
    Rust someday": ``someday``), if a word of wishing is in its clause up to the cue."""
    start = clauses.start(m.start(), max(0, m.start() - 120))
    end = clauses.end(m.end(), min(limit, m.end() + 120))
    when = _SOMEDAY.search(text, start, end)
    if when is None or _WISHING.search(text, start, m.end()) is None:
        return None
    # (not a note on one item of a list: "Tools I'd like to learn: dbt (enrolled), Dagster
    # (maybe one day)")
    return None if "(" in text[m.end() : when.start()] else when


# a wish that the writer has not acted on: "I want to learn Python but haven't started",
# "Interested in reinforcement learning, though honestly I haven't started on it", "MCP is
# on my list but haven't started" (_unstarted)
_NOT_STARTED = re.compile(
    r"(?:\bbut|\bthough|\bhowever|,\s+yet)\b,?[^\S\n]+(?:(?:honestly|still|sadly|so\s+far"
    r"|unfortunately|really),?[^\S\n]+)?(?:(?:I|he|she|we|they)[^\S\n]+)?"
    r"(?P<cue>(?:haven['’]?t|hasn['’]?t|have\s+not|has\s+not|not|never)[^\S\n]+(?:yet[^\S\n]+|actually"
    r"[^\S\n]+|really[^\S\n]+|even[^\S\n]+)?(?:started|begun|got\s+started)"
    r"(?:[^\S\n]+(?:on\s+(?:it|them)|anything(?:\s+(?:yet|concrete))?|any\s+[\w-]+|it|them"
    r"|one|either|learning(?:\s+(?:it|them|anything(?:\s+concrete)?))?|to\s+learn\s+(?:it|them)"
    r"|the\s+(?:course|book|class)))?(?:[^\S\n]+yet)?)(?=[^\S\n]*(?:[.;!?,)]|$|\n|[^\S\n]+(?:and"
    r"|so|because|since|though|lol|haha|tbh)\b))",
    re.I,
)
_WISH_WORD = re.compile(
    _WISHING.pattern + r"|\b(?:curious|interest(?:ed|ing)?|looking\s+forward|plan(?:s|ning)?"
    r"\s+to|on\s+(?:my|the|his|her|their|our)\s+(?:(?:to-?do|learning|wish)\s+)?(?:list|radar))\b",
    re.I,
)
_BUT = re.compile(r"\b(?:but|though|however)\b|,\s+yet\b", re.I)
_FEW_WORDS = re.compile(r"[^\w\n]*(?:[\w'’-]+[^\w\n]+){0,4}\Z")


def _not_started(text: str):
    """The matches of :data:`_NOT_STARTED` in ``text``, looked for only where "started" or
    "begun" stands, from a "but", "though", "however" or "yet" at most 80 characters before
    it."""
    for word in ("started", "begun"):
        pos = text.find(word)
        while pos >= 0:
            for but in _BUT.finditer(text, max(0, pos - 80), pos):
                m = _NOT_STARTED.match(text, but.start())
                if m is not None and m.start("cue") <= pos < m.end():
                    yield m
                    break
            pos = text.find(word, pos + len(word))


def _unstarted(text: str, found, clauses: _Clauses, decided: dict) -> None:
    """Deny the skills of a wish that the writer has not started on: those after its last
    wish word before "but haven't started" in the clause, or, with none there, those of
    the clause a few words before it ("Machine learning: curious but haven't started")."""
    starts = [s for s, _, _ in found]
    for m in _not_started(text):
        lo = clauses.start(m.start(), max(0, m.start() - 200))
        wishes = list(_WISH_WORD.finditer(text, lo, m.start()))
        if not wishes:
            continue
        wish = wishes[-1]
        first, last = bisect_left(starts, wish.end()), bisect_left(starts, m.start())
        if first == last:  # none after the wish: the skills just before it
            last = first
            first = bisect_left(starts, lo)
            if first == last or not _FEW_WORDS.match(text, found[last - 1][1], wish.start()):
                continue
        cue = " ".join(m.group("cue").split())
        for i in range(first, last):
            if decided.get(i, ("",))[0] != NEGATED:
                decided[i] = (NEGATED, cue)


def _plan_cue(text: str, m: re.Match) -> bool:
    """Whether learning cue ``m`` is a plan's step (which ends in a space: looked at first)."""
    return text[m.end() - 1].isspace() and _PLAN_CUE.fullmatch(m.group("learn")) is not None


# on a plan's step, what the learner already holds: "Month 2: Python; her SQL is already strong"
_PLAN_HELD = re.compile(
    r"\b(?:already|strong|solid|fluent|expert|shipped|built|led|deployed|delivered|launched"
    r"|knows|uses|lives\s+in|comfortable|confident)\b",
    re.I,
)


def _plan_step(text: str, m: re.Match, starts: tuple[int, ...]) -> list[int]:
    """The skills on the line of a plan's step after cue ``m``, up to the sentence of a
    word of what the learner already holds."""
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    held = _PLAN_HELD.search(text, m.end(), end)
    stop = end if held is None else text.rfind(". ", m.end(), held.start()) + 1 or m.end()
    return list(range(bisect_left(starts, m.end()), bisect_left(starts, stop)))


def _cue_matches(text: str, anchors) -> tuple[list[re.Match], list[re.Match]]:
    """The cues of ``text``, in order and not overlapping, tried at the anchor words, and
    those of them that run on past their cue word ("taking a course on")."""
    out: list[re.Match] = []
    long: list[re.Match] = []
    for start, end, word in anchors:
        if out and start < out[-1].end():
            continue
        if text[start - 1 : start] in "-‐" and _HYPHEN_BEFORE.search(
            text, max(0, start - 2), start
        ):
            continue  # part of a compound cut at a hyphen: "scikit- learn", "no-code"
        if word in _AFTER_ANCHORS:  # "on weekends", "in progress": the cue starts earlier
            m = _AFTER.search(text, max(start - 12, out[-1].end() if out else 0), end + 8)
            if m is None or m.end() < end:
                continue
        else:
            # a label opening its line is read as one ("Not needed for this role:"), before
            # the cue that its first words also are ("not needed", after a skill)
            m = (word in _LABEL_WORDS and _LABEL_CUE.match(text, start)) or (
                _BEFORE_AT.get(word) or _cue_expression(word)
            ).match(text, start)
        if m is not None:
            out.append(m)
            if m.end() > end:
                long.append(m)
    return out, long


# The cue expression (``_cue_expression()``: every cue, after the skill or before it) tries
# its alternatives in order at a cue word, and most cannot start with that word; the
# expression made for one cue word keeps, in order, those that can (an alternative is left
# out only when its literal first letters differ from the word's), so it finds the same cue,
# faster (tested against the whole expression at every cue word of the corpora).
_BEFORE_AT: dict[str | None, re.Pattern] = {}
_LOOKBEHIND = re.compile(r"\(\?<[=!](?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)")
_HEAD = re.compile(r"[\w'’-]*")


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``."""
    parts, depth, start, k = [], 0, 0, 0
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            k += 1
        elif ch == "[":
            k = pattern.index("]", k + 2)  # (no class here starts with "]")
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
        k += 1
    return [*parts, pattern[start:]]


def _may_start(pattern: str, word: str) -> bool:
    """False only if no branch of ``pattern`` can match where ``word`` stands: each branch
    starts (after its look-behinds) with literal letters that do not begin the word, or
    with a group of such branches."""
    return any(map(word.startswith, _heads(pattern)))


@cache
def _heads(pattern: str) -> frozenset[str]:
    """The lower-case literal starts of ``pattern``'s branches: a word may start a match
    of ``pattern`` only if it starts with one of them ("" for a branch that may start
    anywhere). Read once per pattern, so that each cue word costs a few prefix tests."""
    heads: set[str] = set()
    for branch in _branches(pattern):
        pos = _after_lookbehinds(branch, 0)
        # a group of look-behinds only ("(?:(?<=is\s)|(?<=are\s))not") matches no text
        while branch.startswith("(?:", pos):
            close = _group_end(branch, pos)
            inner = _branches(branch[pos + 3 : close])
            if not all(_after_lookbehinds(b, 0) == len(b) for b in inner):
                break
            pos = _after_lookbehinds(branch, close + 1)
        if branch.startswith("(?:", pos):
            close = _group_end(branch, pos)
            if branch[close + 1 : close + 2] in ("?", "*", "{"):
                heads.add("")  # (an optional group: what follows it may start there)
            else:
                heads.update(_heads(branch[pos + 3 : close]))
            continue
        head = _HEAD.match(branch, pos).group()
        if head and branch[pos + len(head) : pos + len(head) + 1] in ("?", "*", "{"):
            head = head[:-1]  # a quantifier makes its last letter optional
        heads.add(head.lower())
    return frozenset(heads)


def _after_lookbehinds(pattern: str, pos: int) -> int:
    """Where ``pattern`` goes on after the look-behinds that start at ``pos``."""
    while (lookbehind := _LOOKBEHIND.match(pattern, pos)) is not None:
        pos = lookbehind.end()
    return pos


def _group_end(pattern: str, start: int) -> int:
    """Index of the ")" that closes the group opening at ``start``."""
    depth, k = 0, start
    while True:
        ch = pattern[k]
        if ch == "\\":
            k += 1
        elif ch == "[":
            k = pattern.index("]", k + 2)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return k
        k += 1


@cache
def _cue_lists() -> tuple[list[str], ...]:
    """The alternatives of the cue expression, in its order: denials after the skill,
    learning after it, denials before it, learning before it."""
    return _branches(_NEG_AFTER), _branches(_LEARN_AFTER), _NEG_BEFORE, _LEARN_BEFORE


@cache
def _head_index() -> tuple[dict[str, tuple[int, ...]], ...]:
    """For each of :func:`_cue_lists`, the alternatives (by position) that each literal
    start (:func:`_heads`) may begin: those that may start at a word are the ones under its
    prefixes, "" included."""
    out = []
    for patterns in _cue_lists():
        index: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            for head in _heads(pattern):
                index.setdefault(head, []).append(i)
        out.append({head: tuple(kept) for head, kept in index.items()})
    return tuple(out)


# the cue expressions made so far, by the alternatives they keep: the 1,790 cue words
# share 176 of them
_BY_KEPT: dict[tuple[tuple[int, ...], ...], re.Pattern] = {}


def _cue_expression(word: str | None = None) -> re.Pattern:
    """The cue expression, with only the alternatives that may start where ``word``
    stands (all of them without a word): :func:`_may_start` of each, read off
    :func:`_head_index`. Made once per set of alternatives, looked up once per word."""
    lists = _cue_lists()
    if word is None:
        kept = tuple(tuple(range(len(patterns))) for patterns in lists)
    else:
        prefixes = [word[:k] for k in range(len(word) + 1)]
        kept = tuple(
            tuple(sorted({i for prefix in prefixes for i in index.get(prefix, ())}))
            for index in _head_index()
        )
    expression = _BY_KEPT.get(kept)
    if expression is None:
        neg_after, learn_after, neg, learn = (
            _group([patterns[i] for i in chosen]) if chosen else "(?!)"
            for patterns, chosen in zip(lists, kept, strict=True)
        )
        expression = _BY_KEPT[kept] = re.compile(
            rf"(?P<negafter>\b(?:{neg_after})\b)"
            rf"|(?P<learnafter>\b(?:{learn_after})\b)"
            rf"|\b(?:(?P<neg>{neg})|(?P<learn>{learn}))\b",
            re.I,
        )
    _BEFORE_AT[word] = expression
    return expression


_HYPHEN_BEFORE = re.compile(r"\w[-‐]\s?$")
# the last word before a position (searched with that position as the end), as _WORDS
# reads it, with only spaces after it
_LAST_WORD = re.compile(r"(?<![\w'’+#.-])([^\W_][\w'’+#.-]*)[^\S\n\r]*\Z")


def _starts_clause(text: str, word: re.Match) -> bool:
    """Whether the word (group 1 of ``word``) is one with which ``_BOUNDARY`` starts a
    clause there ("but", "however", ... after a space; "yet" after ", ")."""
    start = word.start(1)
    boundary = _BOUNDARY.match(text, start - 1) if start else None
    return boundary is not None and boundary.end() == word.end(1)
_SPACE_RUN = re.compile(r"\s*")
_WORDS = re.compile(r"[^\W_][\w'’+#.-]*|[^\w\s]")
# "learning" governs what follows only as a verb: at the start of its clause or after one of
# these words ("I'm learning", "currently learning"), never in "transfer learning with".
_LEARNING_LEADS = frozenset(
    """i i'm i’m im am m currently now still actively also been started start begin began
    begun and while then by to of for keen eager busy enjoy love
    is are she's he's they're we're she’s he’s they’re we’re""".split()
)


class _Clauses:
    """Clause boundaries of a text, searched for near the cues only."""

    def __init__(self, text: str):
        self.text = text

    def start(self, pos: int, floor: int = 0) -> int:
        """Start of the clause holding ``pos`` (not before ``floor``)."""
        start = floor
        for m in _BOUNDARY.finditer(self.text, floor, pos):
            start = m.end()
        return start

    def end(self, pos: int, limit: int) -> int:
        """End of the clause holding ``pos`` (not after ``limit``)."""
        m = _BOUNDARY.search(self.text, pos, limit)
        return m.start() if m else limit


def _words(gap: str) -> list[str]:
    return [w.lower().rstrip(".") or w for w in _WORDS.findall(gap)]


def _gap_ok(
    text: str, lo: int, hi: int, free: int, gerund: bool = False, after: bool = False
) -> bool:
    """True if a scope may read across the gap ``text[lo:hi]`` (at most ``free``
    non-bridge words; with ``gerund`` also one ``-ing`` word right after the cue:
    "without relying on"; with ``after``, for a denial after the skill, also the words of
    :data:`_PARTS` and :data:`_LINKS` and a question mark)."""
    prev = ""
    for n, m in enumerate(_WORDS.finditer(text, lo, hi)):  # _words, read lazily
        word = m.group()
        word = word.lower().rstrip(".") or word
        if word in _SUBJECTS:
            return False
        if after and word == "s" and prev in ("'", "’"):
            continue  # "is" after the skill: "Rust's off the table", "Python's not needed"
        prev = word
        if word == "w" and text.startswith("/", m.end()):
            continue  # "w/", short for "with": "no experience w/ Jira"
        if word in _BRIDGE or word in _CONNECTORS or word in "()\"'“”‘’:" or (
            after and (word in _PARTS or word in _LINKS or word == "?")
        ):
            continue
        if not word[0].isalnum() and word not in "(),/&:\"'":
            return False
        if gerund and n <= 1 and word.endswith("ing") and not word.endswith("thing"):
            continue
        if _misspelled(word):
            continue
        free -= 1
        if free < 0:
            return False
    return True


def _joined(gap: str, seen_conjunction: bool) -> tuple[bool, bool]:
    """Whether two skills are joined as one list by ``gap``, reading backwards."""
    gap = _after_version(gap)
    words = _words(gap)
    if not words:
        return True, seen_conjunction
    if all(w in {"and", "or", "nor", "/", "&", ",", "+"} for w in words):
        conj = any(w in {"and", "or", "nor", "/", "&", "+"} for w in words)
        if conj or seen_conjunction:
            return True, seen_conjunction or conj
    elif _names_between(gap):  # "Spark, Zorblax and Airflow"
        conj = _CONJUNCTION.search(gap) is not None
        if conj or seen_conjunction:
            return True, seen_conjunction or conj
    return False, seen_conjunction


def statuses(text: str, found, anchors) -> dict[int, tuple[str, str]]:
    """Return ``{i: (status, cue)}`` for the mentions of ``text`` that are not ``has``,
    and for those an exception to a denial names (``has``, :func:`_excepted`: decided, so
    that the learned reader leaves them; :func:`rolefit.skills._read` drops them).

    ``found`` are the ``(start, end, skill_id)`` mentions of ``text``, sorted by start;
    ``i`` indexes them. ``cue`` is the text of the cue that decided the status. ``anchors``
    are the ``(start, end, word)`` cue words of the text (:func:`anchor_terms`), sorted.
    Most texts hold cue words but no cue, or cues that reach no mention: the rules run per
    cue word and per cue, and find the mentions near a cue by bisection.
    """
    decided: dict[int, tuple[str, str]] = {}
    if not found:
        return decided
    if has_marks(text):
        _crossed(text, found, decided)
    if has_scale(text, anchors):
        _scaled(text, found, decided)
    if not anchors:
        return decided
    if any(word == "progress" for _, _, word in anchors):
        _studied(text, found, decided)
    matches, long = _cue_matches(text, anchors)
    if not matches and not any(word in _ATTACHED_WORDS for _, _, word in anchors):
        return decided
    clauses = _Clauses(text)
    starts, ends, _ = zip(*found, strict=True)

    # 1. attached cues bind to the skill right before them: "Spark (beginner)", "Java: none"
    taken: list[int] = []  # start and end of each attached cue, in text order
    for i in sorted(_before_attached(text, anchors, ends)):
        e = ends[i]
        m = _ATTACHED.match(text, e)
        inside = None
        if m is None and (close := _bracket_close(text, e, anchors)) >= 0:
            # a note on a list in brackets: "Monitoring (Prometheus, Grafana): no",
            # "| Cloud (AWS) | 0/5 |", "MLOps (model deployment, monitoring): none"
            m = _ATTACHED.match(text, close + 1)
            inside = _bracket_list(text, found, i) if m is not None else None
            if m is not None and not text.startswith("):", close) and not (
                inside and text[found[inside[-1]][1] : e].lstrip().startswith("(")
            ):
                m = None  # past a colon, only under a skill: not "strong (fraud detection) | none"
        qualified = m is None and _qualifier(text, found, i)
        if qualified:
            m = _ATTACHED.match(text, qualified)
        if m is None or not _ATTACHED_CLOSE.match(text, m.end()) and not (
            m.group("prompt") and _NEXT_SENTENCE.match(text, m.end())
        ):  # (a yes/no answer may run on into the next question of a joined line)
            continue
        status = LEARNING if m.group("learn") or m.group("learn2") else NEGATED
        if qualified and status == LEARNING and _PART_STATE.match(m.group("learn") or "") and (
            _noun_label(text, e)
        ):
            continue  # "Kafka migration — in progress": work on a part, not learning
        cue = text[m.end("form") if m.group("form") else m.end("prompt") if m.group("prompt")
                   else m.start() : m.end()].strip(
            " (:;-–—,?\t\n.…\"“”{*")
        decided[i] = (status, cue)
        taken += m.span()
        for j in inside or ():
            decided.setdefault(j, (status, cue))
        # a note that ends a label holds the label's list too: "Data/AI (self-study):
        # Python, pandas", "Cloud (none yet): AWS, GCP"
        if not inside and "(" in text[e : m.end()] and (
            label := _NOTE_LABEL_END.match(text, m.end())
        ):
            for j in _label_list(text, label.end(), clauses.end(label.end(), len(text)),
                                 starts, ends):
                decided.setdefault(j, (status, cue))
        # after a colon or a spaced dash, the note is on the list before it: "AWS, Azure,
        # GCP: none", "Cloud, Spark — no experience"
        if not qualified and (
            ":" in text[e : m.start() + 4] or _SPACED_DASH.search(text, e, m.start() + 4)
        ) and (
            i and (
                "," in text[max(0, e - 200) : e]
                or _AND_OR.fullmatch(text, found[i - 1][1], found[i][0])
            )
        ):
            for j in _list_before(text, found, i):
                decided.setdefault(j, (status, cue))
        elif i and text.startswith("?", e) and (listed := _list_before(text, found, i, True)) and (
            _ASKED_ALONE.fullmatch(text, text.rfind("\n", 0, found[listed[-1]][0]) + 1,
                                   found[listed[-1]][0])
            # or any question of skills joined by "or" or "and" that a bare denial answers:
            # "Any experience with reporting tools such as Power BI or Qlik?" / "None.", "Do
            # you know Python and SQL? No."
            or status == NEGATED and _BARE_DENIAL.fullmatch(cue)
            and _ASKED_JOIN.search(text, found[i - 1][1], found[i][0])
        ):  # a question of the list alone: "Spark or Databricks? Never touched them",
            # "tensorflow? keras? pytorch? none of them"
            for j in listed:
                decided.setdefault(j, (status, cue))

    _later_notes(text, anchors, found, decided)

    # a low rating before the skill it rates: "Rated myself 3/10 on SQL", "2/5 in Spark"
    # (a zero one denies it: "0/5 on Flink")
    for _, end, word in anchors:
        if word in _RATING_WORDS:
            rating = (LEARNING, word)
        elif word == "0" and not _DECIMAL_ZERO.match(text, end - 1) and (
            zero := _ZERO_OF.match(text, end)
        ):  # (not "3.0/5 on SQL")
            end, rating = zero.end(), (NEGATED, text[end - 1 : zero.end()])
        else:
            continue
        if on := _RATED_ON.match(text, end):
            i = bisect_left(starts, on.end())
            if i < len(starts) and starts[i] == on.end():
                decided.setdefault(i, rating)

    if "?" in text:  # "Recruiter: Spark?" / "Priya: Only in a university course."
        _answer_notes(text, found, anchors, ends, decided)

    # 2. cues before and after skills, each within its clause
    cues = []
    for m in matches:
        if _covered(m.start(), m.end(), starts, ends) or (
            taken and bisect_right(taken, m.start()) % 2  # inside an attached cue
        ) or m.lastgroup == "learn" and _past_basics(text, m, ends):
            continue  # (a level past the basics is read with its skill: _beyond_basics)
        # a learning word under a denial is part of it: "no exposure to", "lacks basic"
        if (
            cues
            and m.lastgroup == "learn"
            and cues[-1].lastgroup == "neg"
            and not _plan_cue(text, m)
            and not _covered_between(cues[-1].end(), m.start(), starts)
            and _gap_ok(text, cues[-1].end(), m.start(), 0)
            and not _denied_intent(text, m)  # (read below: "not interested in learning")
        ):
            continue
        cues.append(m)
    # a skill inside a cue: a word of the cue if the cue is read at its name ("Teaching
    # myself Julia"), else what the cue is about ("taking an AWS certification course")
    # (only a cue that runs on past its cue word can: a mention is never inside a cue word)
    words = {(s, e) for s, e, _ in anchors} if long else None
    kept = {id(m) for m in cues} if long else None
    for m in long:
        if id(m) not in kept:
            continue
        i = bisect_left(starts, m.start())
        status = NEGATED if m.lastgroup in ("neg", "negafter") else LEARNING
        while i < len(starts) and ends[i] <= m.end():
            if (starts[i], ends[i]) in words:
                decided[i] = (CUE, "")
            else:
                decided[i] = (status, " ".join(m.group(m.lastgroup).split()))
            i += 1
    writer = None  # whether the text is the writer's own (looked for once, if needed)
    for k, m in enumerate(cues):
        kind = m.lastgroup
        status = NEGATED if kind in ("neg", "negafter") else LEARNING
        # a learning cue after a denied intent: "not planning to learn", "no plans to learn"
        intent = _denied_intent(text, m) if kind == "learn" else None
        if intent is not None:
            status = NEGATED
        if kind == "neg" and _AD_CUE_AT.match(text, m.start()):
            if writer is None:
                writer = _WRITER.search(text) is not None
            if not writer:
                continue  # a posting's own "the role requires Python"
        if (
            kind == "learn"
            and m.end() - m.start() == 8  # (only a bare "learning" is checked)
            and not _learning_verb_ok(text, m, starts, clauses)
            and not _HEADING_END.match(text, m.end())  # "Planned learning" over bullets
        ):
            continue
        # the next cue ends this one's reach, unless it is in a note in brackets ("Jenkins
        # (retired last year), Chef")
        n = k + 1
        while n < len(cues) and _in_note(text, cues[n].start()):
            n += 1
        limit = cues[n].start() if n < len(cues) else len(text)
        plan = kind == "learn" and intent is None and _plan_cue(text, m)
        heading = None if plan else _heading(text, m, starts, ends)
        referred = None
        if plan:  # "Weeks 1-4: SQL in depth, then window functions"
            scoped = _plan_step(text, m, starts)
        elif heading:  # "Learning next:", "Not required" over the bullet lines below it
            # (a cue in an item leaves the items below to the heading: "What you don't
            # need" / "• Deep learning. We don't use it." / "• Cloud")
            while n < len(cues) and _in_item(text, cues[n].start()):
                n += 1
            limit = cues[n].start() if n < len(cues) else len(text)
            scoped = _list_below(text, heading.end(), limit, starts, ends, clauses)
        elif kind in ("neg", "learn") and _SEP_CHAR.search(text, m.end(), m.end() + 48) and (
            sep := _separated_label(text, m, starts)
        ):
            # "Not my area — cloud, web development", "Learning ▸ PyTorch", a table row's
            # "| No experience | Spark, deep learning |": the rest of the clause or cell
            stop = clauses.end(sep.end(), limit)
            if "|" in sep.group():
                cell = text.find("|", sep.end(), stop)
                stop = stop if cell < 0 else cell
            scoped = _label_list(text, sep.end(), stop, starts, ends)
        elif (c := text.find(":", m.end(), m.end() + 64)) >= 0 and (
            colon := (_colon_after(text, m) if c < m.end() + 24 else None)
            # a label that opens its line or sentence: "Things I still don't know: ..."
            or (_label_colon(text, m, c, starts) if kind in ("neg", "learn") else None)
        ) is not None and (kind in ("neg", "learn") or not (scoped := _scope_before(
            text, m, found, ends, status, clauses, max(m.start() - 300, 0)
        ))):  # ("Statistics is a real gap: she ..." is about the skill before it)
            # "Not required: a CS degree, Java, or a tie": the rest of the clause (of the
            # sentence, for a label that opens its line: "Learning: SQL via a MOOC; dbt")
            stop = clauses.end(colon.end(), limit)
            if text[stop : stop + 1] == ";" and _SEP_LEAD.search(
                text, max(0, m.start() - 30), m.start()
            ):
                end = _SENTENCE_END.search(text, colon.end(), limit)
                stop = limit if end is None else end.start()
            scoped = _label_list(text, colon.end(), stop, starts, ends)
            if not scoped and kind in ("neg", "learn") and (
                below := _label_end(text, colon.end(), starts)
            ) is not None:  # a label that ends its line: "Name the tools you have not used:"
                scoped = _list_below(text, below, limit, starts, ends, clauses)
        elif kind in ("neg", "learn") and (q := text.find("?", m.end(), m.end() + 64)) >= 0 and (
            answer := _question_label(text, m, q, starts)
        ) is not None:
            # a question that is a label, answered with a list: "Any you have never used?
            # Qlik, MicroStrategy", "Which are you learning?\nA: Tableau, dbt" (a cue in
            # an aside before the answer ends no reach: "Be honest, it won't count.")
            while n < len(cues) and q < cues[n].start() < answer:
                n += 1
            limit = cues[n].start() if n < len(cues) else len(text)
            scoped = _label_list(text, answer, clauses.end(answer, limit), starts, ends)
        elif kind in ("neg", "learn"):
            scoped = _scope_after(text, m, found, starts, clauses, limit)
            if kind == "learn" and (step := _STEP_CUE.match(text, m.start())) and (
                step.end() == m.end()
            ):
                if scoped and starts[scoped[0]] == m.end():
                    for i in scoped:
                        decided.setdefault(i, (status, " ".join(m.group(kind).split())))
                continue
            if not scoped and kind == "neg" and (
                own := _own_subject(text, m.start())
            ) is not None and _gap_ok(text, m.end(), clauses.end(m.end(), limit), 0):
                # the skill put first, the writer's denial closing the clause: "Airflow I
                # have no experience with", "Spark I've never had the chance to use"
                scoped = _scope_before(text, m, found, ends, status, clauses,
                                       max(m.start() - 300, 0), own, front=True)
            if not scoped:
                scoped = referred = _referred(text, m, found, ends, status, clauses)
        else:
            floor = max(cues[k - 1].end() if k > 0 else 0, m.start() - 300)
            scoped = _scope_before(text, m, found, ends, status, clauses, floor,
                                   _own_subject(text, m.start()))
            if not scoped:
                scoped = referred = _referred(text, m, found, ends, status, clauses)
        if not scoped and status == LEARNING and not heading and not plan:
            # a note on a list item: "SQL (halfway through a Udemy course)", "Pandas - on my list"
            scoped = referred = _noted(text, m.start(), found, ends)
        if status == LEARNING and scoped and not heading and not plan and not _WILL_TO.search(
            text, max(0, m.start() - 16), m.start()
        ) and not (referred and _answer_start(text, m.start(), status) >= 0):
            # (an answer's "Candidate: a little" is no posting's "ideal candidate")
            # requirement wording in the clause; most often after the cue ("would help")
            clause_end = clauses.end(m.end(), min(len(text), m.end() + 300))
            if _REQUIREMENT.search(text, m.start(), clause_end) or _REQUIREMENT.search(
                text, clauses.start(m.start(), max(0, m.start() - 300)), clause_end
            ) or (
                # a low level asked for ("- Exposure to Kafka"), not a will to learn it
                "learn" not in m.group(kind).lower() and _under_requirements(text, m.start())
            ):
                continue
        if scoped and kind != "negafter" and (
            (kind == "neg" or kind == "learn") and not referred and _attached_form(text, m)
            # (not a note that ends a label: "Now in a bootcamp (week 9 of 16): JavaScript")
            and not _note_label(text, m)
            # "French (basic), Python": a note on the word before
            and not (status == LEARNING and (scoped := _noted(text, m.start(), found, ends)))
            or _not_own(text, m, clauses)  # "analysts who had never used SQL"
        ):
            continue
        if scoped and kind == "neg" and _ANYMORE.match(text, ends[scoped[-1]]) and (
            _I_SUBJECT.search(text, max(0, m.start() - 12), m.start())
        ):
            continue  # "I don't use Selenium anymore": the writer used it (a team's "we
            # do not use Hadoop anymore" in a posting still denies it)
        someday = None
        if scoped and status == LEARNING and intent is None and not plan:
            someday = _vague_wish(text, m, clauses, limit)
        if someday is not None:  # "I'd love to learn Rust someday": a wish, not a start
            status = NEGATED
        if scoped:
            cue_text = " ".join(
                (m.group(kind) if intent is None else text[intent.start() : m.end()]).split())
            if someday is not None:
                cue_text = f"{cue_text} … {' '.join(someday.group().split())}"
            for i in scoped:
                if referred and status == LEARNING and decided.get(i, ("",))[0] == NEGATED and (
                    not _will_to_learn(text, m, cue_text)
                ):  # "no TensorFlow yet, but learning it" (not "... but happy to learn it")
                    decided[i] = (status, cue_text)
                else:
                    decided.setdefault(i, (status, cue_text))
    if "started" in text or "begun" in text:
        _unstarted(text, found, clauses, decided)
    if decided and _BUT_LEARNING_WORD.search(text):
        _but_learning(text, found, starts, decided)
    if decided and "beyond" in text:
        _beyond_basics(text, found, decided)
    if " of " in text:
        _grouped(text, found, ends, anchors, decided)
    if decided and "?" in text:
        _answered(text, found, decided)
    if "sked" in text:  # "He asked if I knew any DAX. No.", "Asked if he'd used Ray"
        _asked_indirectly(text, found, starts, decided)
    if any(word in _EXCEPT_WORDS for _, _, word in anchors):
        _excepted(text, found, anchors, matches, decided)
    return decided


# A question put to someone in reported speech, and a bare "no" after it: "He asked if I
# knew any DAX. No.", "They asked whether I'd used Polars. I said no", "Asked if he'd used
# Ray. Answer: no" (its subject a person's pronoun: not "asked whether anyone besides her
# can maintain the Flink jobs. Answer: no")
_INDIRECT = re.compile(
    r"\basked[^\S\n]+(?:(?:me|him|her|them|us)[^\S\n]+)?(?:if|whether)[^\S\n]+"
    r"(?:I|you|he|she|they|we)(?:['’]d)?\b[^\n.!?]{1,120}[.?]"
    r"[^\S\n]*(?:(?:answer|a)[^\S\n]*:[^\S\n]*|(?:I|you|he|she|they|we)[^\S\n]+said[^\S\n]+)?"
    r"(?P<no>no|nope|never|none|not[^\S\n]+really)\b",
    re.I,
)


def _asked_indirectly(text: str, found, starts, decided: dict[int, tuple[str, str]]) -> None:
    """Deny the skills of a question put to someone in reported speech that a bare "no"
    answers (:data:`_INDIRECT`); mentions read otherwise keep their reading; ``starts``
    are those of ``found``."""
    for m in _INDIRECT.finditer(text):
        stop = m.start("no")
        for i in range(bisect_left(starts, m.start()), bisect_left(starts, stop)):
            if found[i][1] <= stop:
                decided.setdefault(i, (NEGATED, m.group("no")))


# The words that name an exception; "except" is also a denial ("everything except Java").
_EXCEPT_WORDS = frozenset({"except", "besides", "apart from", "aside from", "other than",
                           "outside of"})
# what may stand between an exception word and the first skill it names
_EXCEPT_LEAD = re.compile(r"[^\S\n]+(?:for[^\S\n]+)?(?:the[^\S\n]+)?", re.I)
_EXCEPT_LAST = re.compile(r"[^\S\n]*,[^\S\n]*")
_EXCEPT_COURSE = re.compile(
    r"[^\S\n]+(?:course|class|tutorial|bootcamp|module|certification|exam|book)s?\b", re.I)
# between two skills of the list it names: "Salesforce and Zendesk", "pandas, NumPy or SciPy"
_EXCEPT_JOIN = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*(?:(?:and|or)[^\S\n]+)?|[/&+]|(?:and|or)(?=\s))[^\S\n]*", re.I)
# what may stand before an exception word that opens its sentence: a bullet, a quote, an
# adverb and a comma ("Honestly, apart from Excel, not much")
_EXCEPT_OPENS = re.compile(
    r"(?:^|[.!?;:\n])[^\w.!?;:\n]*(?:(?:[A-Za-z]+ly|so|well|and|but|ok|okay),[^\S\n]*)?\Z", re.I)
_EXCEPT_SENTENCE_END = re.compile(r"[.!?;\n]")
# who does something: past one, a denial before an exception word is another statement
# ("I've never used Kubernetes, and I've used every other tool except Helm")
_EXCEPT_SUBJECTS = frozenset("i we you he she they".split())


def _excepted(text: str, found, anchors, matches, decided: dict[int, tuple[str, str]]) -> None:
    """Hold the skills an exception to a denial names, whatever else was read:

    - after a denial in its clause: "no tech background except Salesforce and Zendesk",
      "I haven't used any cloud besides AWS" ("except" denies only after no denial: "every
      tool except Helm");
    - opening a sentence whose rest denies or learns something: "Except for MATLAB, I
      haven't used any numerical software", "Besides SQL I have no database skills"
      ("Except for Kubernetes, I have used all of them" still denies Kubernetes).

    Only the skills right after the exception word count ("except the BigQuery console",
    not "except a little EC2"). They are decided ``has`` with the exception word as cue,
    so the learned reader leaves them; :func:`rolefit.skills._read` drops that decision."""
    starts = [s for s, _, _ in found]
    clauses = _Clauses(text)
    for start, end, word in anchors:
        if word not in _EXCEPT_WORDS:
            continue
        named = _named_after(text, found, starts, end)
        if not named:
            continue
        opens = _EXCEPT_OPENS.search(text, max(0, start - 40), start)
        if opens is not None:  # (^ is the text's start only, not the search's)
            after = found[named[-1]][1]
            stop = _EXCEPT_SENTENCE_END.search(text, after)
            stop = len(text) if stop is None else stop.start()
            kinds = ("neg", "negafter") if word == "except" else ("neg", "negafter", "learn")
            if not any(after <= m.start() < stop and m.lastgroup in kinds for m in matches) and (
                not any(after <= s < stop and w in _EXCEPT_DENIALS for s, _, w in anchors)
            ):  # (a denial word alone too: "apart from Excel, nothing")
                continue
        else:
            # (a bare "none" too: "A: None except Kafka")
            floor = clauses.start(start, max(0, start - 300))
            denied = max((m.end() for m in matches
                          if floor <= m.start() and m.end() <= start and m.lastgroup == "neg"),
                         default=-1)
            denied = max(denied, max((e for s, e, w in anchors
                                      if w == "none" and floor <= s and e <= start), default=-1))
            if denied < 0 or any(
                w.group().lower().split("'")[0].split("’")[0] in _EXCEPT_SUBJECTS
                for w in _WORDS.finditer(text, denied, start)
            ):
                continue
        cue = " ".join(text[start:end].split())
        for i in named:
            decided[i] = (HAS, cue)


def _named_after(text: str, found, starts: list[int], at: int) -> list[int]:
    """The mentions of the list that starts right after ``at`` (an exception word's end)."""
    lead = _EXCEPT_LEAD.match(text, at)
    i = len(found) if lead is None else bisect_left(starts, lead.end())
    if i == len(found) or starts[i] != lead.end():
        return []
    out = [i]
    while i + 1 < len(found) and _EXCEPT_JOIN.fullmatch(text, found[i][1], starts[i + 1]):
        i += 1
        out.append(i)
    if len(out) > 1 and _EXCEPT_LAST.fullmatch(text, found[i - 1][1], starts[i]):
        # a list with no "and" or "or" before its last item goes on past the exception:
        # "Only read about: databases other than pgvector, rerankers, fine-tuning"
        out = out[:1]
    # (not what a course is about: "Besides the AWS course, I'm learning Git")
    return [] if _EXCEPT_COURSE.match(text, found[i][1]) else out


_NOTE_LABEL = re.compile(r"\)[^\S\n]*:")
# the end of a note after a skill that ends a label: "Cloud (none yet): AWS, GCP"
_NOTE_LABEL_END = re.compile(
    r"(?:[^\S\n]+" + _STILL + r")?[^\S\n]*\)[^\S\n]*:(?!//)", re.I
)
# a note that is a scale's key or an instruction: "(1 = never used)", "(write n/a if not used)"
_NOTE_KEY = re.compile(r"=|\b(?:if|unless|write|enter|mark|leave|put)\b", re.I)
# what may come before a cue in a note that ends a label: "(maybe never)", "(still learning)"
_NOTE_LEAD = re.compile(
    r"\((?:[^\S\n]*(?:maybe|still|currently|only|just|now|partly|mostly|probably|also))?[^\S\n]*",
    re.I,
)


def _label_note(text: str, m: re.Match) -> bool:
    """Whether cue ``m`` opens a note in brackets that may end a label ("Things to learn (not
    started yet):", "in a bootcamp (week 9 of 16):"): at most an adverb before it in the
    note (not "(Customer Zero):"), and the note is no scale's key or instruction
    (:data:`_NOTE_KEY`). The bracket is looked for at most 60 characters back, as
    :func:`_in_note` does (not back to the text's start for every cue)."""
    opening = text.rfind("(", max(0, m.start() - 60), m.start())
    return (
        opening >= 0 and _NOTE_LEAD.fullmatch(text, opening, m.start()) is not None
        and not _NOTE_KEY.search(text, opening, m.end())
    )


def _colon_after(text: str, m: re.Match) -> re.Match | None:
    """The colon right after cue ``m`` (:data:`_COLON`), if any; after the end of a note the
    cue is in, only if the note may end a label (:func:`_label_note`)."""
    colon = _COLON.match(text, m.end())
    if colon is not None and ")" in colon.group() and not _label_note(text, m):
        return None
    return colon


def _note_label(text: str, m: re.Match) -> bool:
    """Whether cue ``m`` is in a note that ends a label: the note closes right before a
    colon, and may end a label (:func:`_label_note`)."""
    return _NOTE_LABEL.match(text, m.end()) is not None and _label_note(text, m)


# a denial of a list named just before it: "Spring Boot, Hibernate, Maven - none of it",
# "Python, dbt, Snowflake. I've never used any of them"
_GROUP = re.compile(
    r"(?:none|neither|(?:never|not|cannot|no|[\w]+n['’]?t)(?:\s+[\w'’]+){0,3}?\s+(?:any|either))"
    r"\s+of\s+"
    r"(?:it|them|those|these|which|the\s+above)\b",
    re.I,
)
_GROUP_WORDS = frozenset(
    ("none", "neither", "never", "not", "cannot", "no", *_BARE_NOT.split("|"))
)
# the denial words whose presence, alone, makes an exception that opens a sentence one to a
# denial ("Apart from Excel, nothing": _excepted)
_EXCEPT_DENIALS = _GROUP_WORDS | {"nothing", "zero", "without"}


def _grouped(text: str, found, ends, anchors, decided: dict[int, tuple[str, str]]) -> None:
    """Skills of the list right before a denial of "them" ("none of those")."""
    for start, _, word in anchors:
        if (word in _GROUP_WORDS or word[-2:] in ("'t", "’t")) and (
            g := _GROUP.match(text, start)
        ):
            for i in _antecedent(text, start, found, ends, True):
                decided.setdefault(i, (NEGATED, " ".join(g.group().split())))


# a cross mark right after a skill ("Spark ✗", "Neo4j: ❌", "Looker ...... ✗"), or opening its
# line (or empty circles, none filled)
_MARK_AFTER = re.compile(
    # (past the rest of a label's bracket: "Cloud (AWS preferred): ✘")
    r"(?:[^\S\n]*\([^()\n]{1,30}\)|[^()\n]{0,30}\))?"
    r"[^\S\n]*(?:(?:[:|\t–—-]|\.{2,}+|…++)[^\S\n]*)?([✗✘❌✖🚫⛔🔴]|[○☆□]{3,5}(?![●★◐◑○☆■□]))"
)
# a rating in symbols right after a skill: filled, then empty ("AWS ★☆☆☆☆", "R ■□□□□",
# "SQL ███░░░░░░░", "Go ....... ☆☆☆☆☆" after leader dots, as a rated number may be); two
# fifths or less filled is learning, none filled denied
_GLYPHS = re.compile(
    r"[^\S\n]*(?:(?:[:|\t–—-]|\.{2,}+|…++)[^\S\n]*)?(?:([★●■█▓]*)([☆○□░▒]+)"
    r"(?![●★◐◑○☆■□█▓░▒])"
    r"|\[(#*)(-+)\])"  # (or "[##--------]")
)
_MARK_LINE = re.compile(
    r"(?:^|\n|[^\S\n]{2})[^\S\n]*(?:[-*•·▪►●◦|][^\S\n]*)?([✗✘❌✖🚫⛔🔴⬜☐]|\[ \]|\[[✗✘❌✖]\]"
    r"|\[(?:no|No|NO)\]"
    r"|(?:(?<![^\n])|(?<=\n[^\S\n]))×(?=[^\S\n]))[^\S\n]*"
)


_BOXES = frozenset({"[ ]", "⬜", "☐"})
_SAID_NO = frozenset({"[no]", "[No]", "[NO]"})  # "[no]  configure Azure Monitor alerts"
# struck through in Markdown: "~~Hadoop~~"
_STRUCK = re.compile(r"~~(?=\S)([^~\n]{1,80}?)~~")
# a list under a key of absence or learning in a JSON or YAML profile: '"none": ["Angular"]',
# "not_used: [Flask]", '"learning": ["dbt"]'
_KEYED_LIST = re.compile(
    r"(?<![\w-])[\"']?(?:(?P<neg>none|no|nope|nah|never|never[_ -]used|not[_ -]used|unused"
    r"|avoid|avoided|gaps?|missing|lacking|lacks|unknown|not[_ -](?:known|familiar|yet))"
    r"|(?P<learn>learning|studying|to[_ -]learn|in[_ -]progress|beginner|basic|basics))[\"']?"
    r"[^\S\n]*:[^\S\n]*\[(?P<items>[^\]\n]*)\]",
    re.I,
)
# where _KEYED_LIST may match: a colon and a bracket ("none: [", "learning": [). Searching
# for this first (a literal start) spares a Markdown text full of links a scan of every
# position for the keys, about 300 µs for a 5 KB posting.
_KEYED_AT = re.compile(r":[^\S\n]*\[")
_BOX_NOTE = re.compile(
    r"[^\n]*?\b(?:learning|studying|in\s+progress|started|starting|enrolled|course|next)\b", re.I
)


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a cross mark (the text scan's cue words cannot show one)."""
    return (
        "✗" in text or "✘" in text or "❌" in text or "✖" in text
        or ("×" in text and ("\n× " in text or text.startswith("× ")))
        or "🚫" in text or "⛔" in text or "🔴" in text
        or ("○" in text and "○○○" in text) or ("☆" in text and "☆☆☆" in text)
        or ("□" in text and "□□□" in text) or ("░" in text and "░░░" in text)
        or ("[" in text and "--]" in text)
        or ("[" in text and ("[ ]" in text  # (a one-character look first: it is faster)
                             or any(mark in text for mark in _SAID_NO)))
        or "⬜" in text or "☐" in text
        or ("~" in text and "~~" in text and _STRUCK.search(text) is not None)
        or ("[" in text and _KEYED_AT.search(text) is not None
            and _KEYED_LIST.search(text) is not None)
    )


# A rating scale that the text defines, and skills rated on it by a bare number: "Rate
# your proficiency (1 = none, 5 = expert)" over "Angular: 1", "Scale: 1 = not yet, 2 =
# developing" over "Infrastructure (AWS, Terraform) ....... 1", "Skill | Level (1-5)" over
# "| Python | 2 |". A point of the scale with its meaning ("0 = none"), and a range after a
# word of rating ("Competency self-rating (1-5)"):
# (a point, a range of points or an open top: "1 = basic", "1-2 = learning", "3+ = at work")
_SCALE_POINT = re.compile(
    r"(?<![\w/.])(?:(10|[0-9])[^\S\n]*[-–][^\S\n]*)?(10|[0-9])(\+?)[^\S\n]*="
    r"[^\S\n]*([^\W\d_][^,;)\n|]{0,30})"
)
_SCALE_RANGE = re.compile(
    r"\b(?:rat(?:e|ed|ing|ings)|levels?|scale|proficiency|scored?|self-rating"
    r"|competenc(?:y|ies|e)|confidence|comfort|expertise|familiarity)\b"
    r"[^\n]{0,40}?\(?([01])[^\S\n]*(?:-|–|to)[^\S\n]*(5|10)\b"
    r"(?![^\S\n]*(?:\+|years?|yrs?|months?|weeks?|days?|hours?|%|people|persons|k\b))",
    re.I,
)
# a scale given by its two ends, each with its meaning in brackets: "Rating scale 1 (none)
# to 5 (expert)"; looked for from the first bracket (a literal first is fast), the low end
# before it then (_scale_ends)
_SCALE_ENDS = re.compile(
    r"\(([^\W\d_][^()\n]{0,30})\)[^\S\n]*(?:-|–|to)[^\S\n]*(5|10)[^\S\n]*\(([^\W\d_][^()\n]{0,30})\)"
    r"(?![^\S\n]*(?:\+|years?|yrs?|months?|weeks?|days?|hours?|%|people|persons|k\b))",
    re.I,
)
_SCALE_LOW_END = re.compile(r"(?<![\w/.])([01])[^\S\n]*\Z")


def _scale_ends(text: str) -> dict[int, str] | None:
    """``{low: meaning, high: meaning}`` of the first scale given by its two ends
    (:data:`_SCALE_ENDS`) in ``text``, or None."""
    for m in _SCALE_ENDS.finditer(text):
        low = _SCALE_LOW_END.search(text, max(0, m.start() - 8), m.start())
        if low is not None:
            return {int(low[1]): m[1].strip(), int(m[2]): m[3].strip()}
    return None


# what shows a scale first, on every text: a digit before "=" (after a look for "=", which
# is fast), or a range to 5 or 10 (_SCALE_WORDS, found by the text scan as cue words)
_SCALE_HINT = re.compile(r"\d\+?[^\S\n]*=")
# a bare number after a separator that ends an item (a colon, a table's bar, leader dots, a
# spaced dash, a tab or wide spaces), not a count of years or a share; it starts right
# after the item's last character, so that a run of spaces or dots is tried once (linear)
_RATED_NUMBER = re.compile(
    r"(?<=[^\s.…])(?:[^\S\n]*+(?:[:|=]|\.{2,}+|…++|[-–—](?=[^\S\n]))[^\S\n.…]*+|\t++"
    r"|[^\S\n]{2,}+)(?P<n>10|[0-9])(?![\d.,/%+:]|[^\S\n]*+(?:years?|yrs?|y\b|months?|mos?\b"
    r"|%|k\b|\+|x\b|h\b|hours?|weeks?|days?))"
)
# a bare number right after a skill, in a list on one line: "Rate yourself 1-10: Python 8,
# SQL 7, cloud 1"
_RATED_AFTER = re.compile(
    r"[^\S\n]*+:?[^\S\n]*+(?P<n>10|[0-9])(?=[^\S\n]*+(?:[,;)|]|\.(?!\d)|and\b|$))", re.M
)
# what a point of the scale means, as a status: "none", "not yet", "no evidence"; "basic",
# "aware / in training", "developing"; anything else ("solid", "can do with help") is held
_SCALE_NONE = re.compile(
    r"(?:none|no\b|not\b|never|n/a|zero|nil|unfamiliar|nothing|can['’]?t|cannot|don['’]?t)", re.I
)
_SCALE_LOW = re.compile(
    r"(?:basic|beginner|novice|aware|awareness|learning|in\s+training|developing|elementary"
    r"|limited|some\s+exposure|exposure|introductory|entry|minimal|heard\s+of|theory)", re.I
)


def has_layout_cues(text: str) -> bool:
    """Whether ``text`` holds a cross mark or defines a rating scale: what the text scan's
    cue words cannot show (:func:`has_marks`, :func:`has_scale`)."""
    return has_marks(text) or has_scale(text)


def has_scale(text: str, anchors=()) -> bool:
    """Whether ``text``, with cue words ``anchors``, may define a rating scale
    (:func:`_scaled` reads it)."""
    return ("=" in text and _SCALE_HINT.search(text) is not None) or any(
        word in _SCALE_WORDS for _, _, word in anchors) or (
        "(" in text and _scale_ends(text) is not None)


def _scale(text: str):
    """``(low, high, {point: status})`` of the rating scale ``text`` defines, or None
    (``high`` as text, "3+", for a top open upwards)."""
    points = {}
    open_top = False  # "3+ = working knowledge": the points above it need no words
    for first, n, plus, meaning in _SCALE_POINT.findall(text):
        for point in range(min(int(first or n), int(n)), int(n) + 1):
            points[point] = meaning.strip()
        open_top = open_top or plus == "+"
    if "(" in text and (ends := _scale_ends(text)) is not None:
        for point, meaning in ends.items():
            points.setdefault(point, meaning)
    ranges = _SCALE_RANGE.findall(text)
    if len(points) >= 2 and min(points) in (0, 1) and (
        3 <= max(points) <= 10 or open_top and max(points) == 2
    ):
        low, high = min(points), max(points)
    elif ranges:
        low, high = int(ranges[0][0]), int(ranges[0][1])
    else:
        return None
    meant = {}
    for point in range(low, high + 1):
        meaning = points.get(point)
        if meaning is not None:  # the scale's own words
            meant[point] = (NEGATED if _SCALE_NONE.match(meaning) else
                            LEARNING if _SCALE_LOW.match(meaning) else HAS)
        elif point == 0:
            meant[point] = NEGATED
        elif high in (5, 10) and point <= high * 3 // 10 + (high == 5):
            # (1-2 of 5 and 1-3 of 10, as "2/5" and "3/10" read: _RATINGS)
            meant[point] = LEARNING
    return low, f"{high}+" if open_top and high == max(points, default=-1) else high, meant


def _scaled(text: str, found, decided: dict[int, tuple[str, str]]) -> None:
    """Skills rated low by a bare number on a scale the text defines (:func:`_scale`):
    ``negated`` at a point that means none ("0", or "1 = none"), ``learning`` low on it
    ("1 = basic", or 1-2 of 5 and 1-3 of 10 where the scale gives no words)."""
    scale = _scale(text)
    if scale is None:
        return
    low, high, meant = scale
    # (each point of the scale that is not held, with its cue; a number off the scale is)
    rated = {n: (status, f"{n} on a scale of {low}-{high}")
             for n, status in meant.items() if status != HAS}
    starts = [s for s, _, _ in found]
    line_end = -1  # (only the first number of a line rates it: "SQL | 4 | 4 | -")
    for m in _RATED_NUMBER.finditer(text):
        if m.start() < line_end:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end()) % (len(text) + 1)
        if (reading := rated.get(int(m.group("n")))) is not None:
            for i in range(bisect_left(starts, line_start), bisect_left(starts, m.start("n"))):
                decided.setdefault(i, reading)
    for i, (_, end, _) in enumerate(found):
        if i not in decided and (m := _RATED_AFTER.match(text, end)) is not None and (
            reading := rated.get(int(m.group("n")))
        ) is not None:
            decided[i] = reading


def _marked_stretches(text: str):
    """``(start, end, status, cue)`` of each stretch struck through ("~~Hadoop~~") or
    listed under a key of absence or learning ('"none": ["Angular", "Vue"]')."""
    if "~" in text:
        for m in _STRUCK.finditer(text):
            yield (*m.span(1), NEGATED, m.group())
    if "[" in text:
        for m in _KEYED_LIST.finditer(text):
            if m.group("learn") is not None:
                yield (*m.span("items"), LEARNING, m.group("learn"))
            else:
                yield (*m.span("items"), NEGATED, m.group("neg"))


# a line whose first character is a mark: "✅ Python ✅ SQL ❌ Scala ❌ Java", each mark before
# its item
_LINE_OF_MARKS = re.compile(r"^[^\S\n]*[✅✔✓☑✗✘❌✖🚫⛔🔴🟢⬜☐][^\n]*", re.M)
_MARK_IN_LINE = re.compile(r"(?<=[^\S\n])([✗✘❌✖🚫⛔🔴])[^\S\n]*")


# where a statement after a mark that opens its line ends: at the line's end or the next mark
_NEXT_MARK = re.compile(r"\n|[✅✔✓☑☒✗✘❌✖🚫⛔🔴🟢⬜☐]|\[(?:[ xX✓✔✗✘]|no|No|NO|yes|Yes|YES)\]")


# a claim about oneself: "I have ...", "I'm certified in ...", "Experience with ..."
_CLAIM = re.compile(
    r"(?:I|I['’](?:ve|m|d)|(?:have|has)\s+(?:used|worked|built|written|deployed|run|led)"
    r"|(?:experience|experienced|familiar|proficient|comfortable|skilled)\s+(?:with|in|using))"
    r"(?!\w)|(?:used|worked\s+with|know|can)\s",
    re.I,
)


def _opens_line(text: str, at: int) -> bool:
    """Whether only spaces or a bullet stand before ``at`` on its line."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip(" \t-*•·▪►●◦|")


def _prefixed_lines(text: str) -> list[int]:
    """Start and end of each line that opens with a mark, in order (flat)."""
    return [x for m in _LINE_OF_MARKS.finditer(text) for x in m.span()]


def _prefix_marks(text: str, prefixed: list[int]):
    """The cross marks that stand before their items: opening a line or after wide
    spaces (``_MARK_LINE``), and any cross on a line that opens with a mark."""
    marks = list(_MARK_LINE.finditer(text))
    for k in range(0, len(prefixed), 2):
        marks.extend(_MARK_IN_LINE.finditer(text, prefixed[k], prefixed[k + 1]))
    if prefixed:  # (a mark opening its line is found both ways)
        marks = sorted({m.start(1): m for m in marks}.values(), key=lambda m: m.start(1))
    return marks


def _crossed(text: str, found, decided: dict[int, tuple[str, str]]) -> None:
    """Skills crossed out in a checklist: "SQL ✓ | Spark ✗", "❌ Docker, Kubernetes", left
    unticked ("[ ] Jenkins"), struck through or listed under a key of absence
    (:func:`_marked_stretches`)."""
    starts = [s for s, _, _ in found]
    for lo, hi, status, cue in _marked_stretches(text):
        for i in range(bisect_left(starts, lo), bisect_left(starts, hi)):
            if found[i][1] <= hi:
                decided[i] = (status, cue)
    prefixed = _prefixed_lines(text)
    for line in _prefix_marks(text, prefixed):  # the list that starts right after the mark
        i, pos = bisect_left(starts, line.end()), line.end()
        if line.group(1) in _BOXES and _BOX_NOTE.match(text, pos):
            continue  # an unticked box with a note of learning: "☐ Python — learning"
        if i < len(found) and found[i][0] > pos and _opens_line(text, line.start(1)) and (
            _CLAIM.match(text, pos) or line.group(1) in _SAID_NO
        ):
            # a claim left unticked: "[ ] I have administered Active Directory" (not a task
            # to do: "[ ] Read the runbooks in Confluence"), or any statement answered "[no]"
            stop = _NEXT_MARK.search(text, pos)
            stop = len(text) if stop is None else stop.start()
            while i < len(found) and found[i][1] <= stop:
                decided[i] = (NEGATED, line.group(1))
                i += 1
            continue
        while i < len(found) and found[i][0] - pos < 40 and (
            found[i][0] == line.end() or pos > line.end() and _list_gap_ok(text[pos : found[i][0]])
        ):
            decided[i] = (NEGATED, line.group(1))
            pos = found[i][1]
            i += 1
    for i, (_, end, _) in enumerate(found):
        mark = _MARK_AFTER.match(text, end)
        if mark is not None and prefixed and bisect_right(prefixed, end) % 2:
            continue  # on a line of marks before their items, the mark is the next item's
        if mark is not None and not (  # "🔴 Terraform  🟢 Docker  🔴 Ansible": Ansible's mark
            "  " in text[end : mark.start(1)] and i + 1 < len(found)
            and not (between := text[mark.end() : found[i + 1][0]]).strip() and "\n" not in between
        ):
            decided[i] = (NEGATED, mark.group(1))
        elif mark is None and (glyphs := _GLYPHS.match(text, end)) is not None:
            full, empty = glyphs.group(1, 2) if glyphs.group(2) else glyphs.group(3, 4)
            filled, size = len(full), len(full) + len(empty)
            if size in (5, 10) and 5 * filled <= 2 * size:
                decided[i] = (LEARNING if filled else NEGATED, glyphs.group().strip(" :|\t–—-.…"))


# from a list item to a learning cue in the note on it: "Spark - 2/5 (one online course, in
# progress)", "Kubernetes (CKA) - in progress", "Terraform 📚 (three modules into the course)"
_NOTE_GAP = re.compile(
    r"[^\S\n]*(?:[^\w\s(\[]{1,3}[^\S\n]*)?(?:\([^()\n]{0,30}\)[^\S\n]*)?"
    r"(?:(?:[-–—:|]|" + _ARROW + r"|\.{2,}|…+)[^\S\n]*(?:\d{1,2}(?:/\d{1,2})?[^\S\n]*)?\(?"
    r"|\(|(?<=\t))[^\n()|;.!?]{0,45}"
)
# what may come right before a list item: a line start, separator, bullet or bracket
# (a slash too, between the items of a label: "Agents / tool calling: experimenting"; and a
# mark as the bullet: "🟡 HTML/CSS (doing a course)")
_ITEM_START = re.compile(
    r"(?:[\n,;|:•·▪►●◦*\]/]|\s[-–—]|\))"
    r"(?:[^\S\n]*[-*•·▪►●◦\u2190-\u2bff\U0001f300-\U0001faff])?[^\S\n]*\Z"
)


_SLASHED = re.compile(r"[^\S\n]*/[^\S\n]*")


def _noted(text: str, start: int, found, ends) -> list[int]:
    """The list item that a learning cue at ``start`` is a note on, if any, with the items
    joined to it by slashes ("HTML/CSS (doing a course)")."""
    i = bisect_left(ends, start + 1) - 1
    if i < 0 or start - ends[i] > 80 or _NOTE_GAP.fullmatch(text, ends[i], start) is None:
        return []
    if "(" not in text[ends[i] : start] and len(text[ends[i] : start].split()) > 3:
        return []  # "Learning Agility: Proven ability to rapidly learn": no note
    j = i  # (and the skills joined to it by slashes: "HTML/CSS (doing a course)")
    while j and _SLASHED.fullmatch(text, ends[j - 1], found[j][0]):
        j -= 1
    s = found[j][0]
    if s and _ITEM_START.search(text, max(0, s - 8), s) is None:
        return []  # "Built ETL in Python - learning a lot": not an item of a list
    return list(range(j, i + 1))


_QUESTION_END = re.compile(r"[.!?\n]")


def _answered(text: str, found, decided: dict[int, tuple[str, str]]) -> None:
    """A skill named in a question takes the status it has where the answer names it
    again: "Q: Experience with Terraform? A: I have never written Terraform" (the
    question's mention is no claim of its own)."""
    for j, (status, cue) in list(decided.items()):
        if status == CUE:
            continue
        start, end_j, skill = found[j]
        if (after := _QUESTION_END.search(text, end_j)) is not None and after.group() == "?":
            continue  # itself in a question ("Scala Spark? Absolutely not.")
        ask = text.rfind("?", max(0, start - 300), start)
        if ask < 0 or text.find("?", ask + 1, start) >= 0:
            continue  # not in the answer to the question before it
        for i in range(j - 1, -1, -1):
            s, e, other = found[i]
            if e > ask:
                continue
            if s < ask - 300:
                break
            end = _QUESTION_END.search(text, e)
            if other == skill and i not in decided and end is not None and end.start() == ask:
                decided[i] = (status, cue)


# Up to four words on the rest of the line, then maybe a colon. Possessive: where a line
# goes on (most cues), the match fails without trying to split its words another way.
_HEADING = re.compile(
    r"[^\S\n]*+(?:(?:(?:[\w'’()-]++|[—–])(?:[^\S\n]++|(?=[:*\n]))){0,4}+"
    # (or up to four words before a note: "Not started yet (but on the list)")
    # (the last word may touch the note: "—(a)")
    r"|(?:(?!\()(?:[\w'’()-]++|[—–])(?:[^\S\n]++|(?=[:*\n(]))){0,4}+\([^()\n]{1,30}\)[^\S\n]*+)"
    r"(?:\*\*)?(:)?"
    r"(?:\*\*)?[^\S\n]*+\n(?:[^\S\n]*\n)?"  # (a blank line may follow)
)
# A heading's cue starts its line (maybe after a bullet or a number: "- Not required", "1.
# Not in scope"), or follows at most four words of a line that starts with a capital (maybe
# after a number: "4. Capabilities we do not have") or a markdown "#" and is no bullet item:
# "What we don't need", "Tools I have never used:" (not "... quickly without cutting
# corners:", nor a line of wrapped text, "systems can reliably learn from")
_HEADING_END = re.compile(_BULLETS_NEXT)
_HEADING_LEAD = re.compile(
    r"(?:^|\n)[^\S\n]*(?:(?:[-*•·▪►●◦]|\d{1,2}[.)])[^\S\n]*|(?:#+|\*\*)[^\S\n]*(?:[^\w\s][^\S\n]*)?"
    r"(?:[\w'’]+[^\S\n]+){0,3}"
    r"|(?:\d{1,2}[.)][^\S\n]+)?[A-Z][\w'’]*[^\S\n]+(?:[\w'’]+[^\S\n]+){0,3})?\Z"
)


def _heading(text: str, m: re.Match, starts: tuple[int, ...], ends) -> re.Match | None:
    """The rest of a heading line after cue ``m`` ("Learning next:", "Not required"),
    if it names no skill and a bullet line follows, or it ends with a colon and the next
    line starts with a skill ("Never used:" / "Spark, Airflow"), or the next line holds
    nothing but a list of skills ("Never used" / "Terraform, Ansible"); at most three
    words may come before the cue on its line."""
    heading = _HEADING.match(text, m.end())
    if heading is None or not _LINE_BULLET.match(text, heading.end()) and not (
        _starts_with_skill(text, heading.end(), starts)
        and (heading.group(1) or _skills_only(text, heading.end(), starts, ends))
    ):
        return None
    if text.count(")", m.end(), heading.end()) > text.count("(", m.end(), heading.end()):
        return None  # the end of a bracket opened on the line above: wrapped text
    if _covered_between(m.end(), heading.end(), starts):
        return None
    if _negative_condition(text[m.end() : heading.end()]):
        return None  # "Don't apply unless you know" (but "Not a fit if" / "- you want Go")
    if not _HEADING_LEAD.search(text, max(0, m.start() - 40), m.start()):
        return None  # "... fast without cutting corners:" ends a sentence, not a heading
    return heading
# a label: the cue among the first words of its line or sentence, and a colon soon after
_LEAD_START = r"(?:^|\n|[.!?][^\S\n]+)[^\S\n]*(?:(?:[-*•·▪►●◦#]+|\d{1,2}[.)])[^\S\n]*){0,2}"
_LABEL_LEAD = re.compile(_LEAD_START + r"(?:[\w'’]+[^\S\n]+){0,5}\Z")
# the same with up to twelve words (and commas) before the cue
_LONG_LEAD = re.compile(_LEAD_START + r"(?:[\w'’,]+[^\S\n]+){0,11}\Z")
_LABEL_GAP = re.compile(r"[^\n.!?;:]*")
# a denial's verb of use or need: "not worked with", "never had to use", "won't need"
_USE_NEXT = re.compile(
    r"(?:[^\S\n]+(?:yet|ever|really|actually|been)){0,2}[^\S\n]+(?:use[ds]?|using|worked"
    r"|touched|tried|need(?:ed)?|require[ds]?|know|known|learn(?:ed|t)|done|ha(?:d|ve)\s+to\s+use"
    r"|have|has)"  # ("Skills the new role requires that I don't have yet:" / "- Spark")
    r"\b",
    re.I,
)
# a condition after a label's cue, whose object the list is: a negative one ("unless",
# "if ... not") turns the cue's denial around ("Don't apply unless you know:", "Please
# don't join if you're not excited about:"); a plain one keeps it ("Not a fit if you want:")
_CONDITION = re.compile(
    r"\b(?:unless\b|(?:if|whether)\b.*?\b(?:not|no|never|without|\w+n['’]t)\b)", re.I
)


def _negative_condition(after_cue: str) -> bool:
    """Whether the text after a label's cue holds a negative condition (:data:`_CONDITION`)."""
    return _CONDITION.search(after_cue) is not None
# words that make a line's first words a sentence rather than a label
_CLAUSE_WORDS = frozenset("never not no is are was were be been stops ends again anymore".split())
# a short label that opens its line: "Missing entirely:", "- Not relevant to role:"
# a line's start, and a bullet or two ("- **")
_LINE_START = r"(?:^|\n)[^\S\n]*(?:[-*•·▪►●◦#]+[^\S\n]*){0,2}"
_LINE_LABEL = re.compile(_LINE_START + r"\Z")
# the last word of such a label, whose object the list after the colon is
_LABEL_ENDS = frozenset(
    """know knew known use used using done do does did have had touched tried learned learnt
    learn learning study studying
    worked about with in on to of yet for need needed expect expected
    covered demonstrated shown taught practised practiced tested""".split()
)
# when, after the last word of such a label: "What you should not spend time on right now:"
_LABEL_WHEN = re.compile(
    r"\s(?:right\s+now|for\s+now|now|at\s+the\s+moment|this\s+(?:year|quarter|term|half))$",
    re.I,
)


# after a label's cue, a word or two or a note, then a separator other than a colon (an
# arrow, a dash, a bar, or a dotted leader: "Never used .... Spark, Scala")
_LABEL_SEP = re.compile(
    r"(?:[^\S\n]+[\w'’-]+){0,2}?(?:[^\S\n]*\([^()\n]{1,20}\))?(?:\*\*)?[^\S\n]*"
    r"(?:[▸►→]|[—–]|--|->|=>|\||\.{2,}|…+)[^\S\n]*(?=\S)"
)
_SEP_CHAR = re.compile(r"[▸►→—–|…]|--|->|=>|\.\.")
# what follows a separator that is a sentence, not the list a label names: a subject first
# ("No — it was all Java"), or a verb after the first words ("No — Python and SQL are
# enough", "Never — Spark is the main tool here"), brackets left out
_SENTENCE_AFTER = re.compile(
    r"(?:it|i|we|they|he|she|you|there|this|that|everything|nothing)\b"
    r"|[^,;:!?\n]{0,60}?\b(?:is|are|was|were|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|covers?"
    r"|covered|does|doesn['’]t|do|don['’]t|did|didn['’]t|has|have|had|will|would|can|could"
    r"|should|must|remains?|seems?|looks?)\b",
    re.I,
)
# a table row's first cell, or a line's start (with an adverb: "Currently learning —")
_ROW_START = re.compile(r"(?:^|\n)[^\S\n]*\|[^\S\n]*(?:\*\*)?\Z")
_SEP_LEAD = re.compile(_LINE_START + r"(?:(?:currently|still|now|also)[^\S\n]+)?\Z", re.I)


def _separated_label(text: str, m: re.Match, starts) -> re.Match | None:
    """The separator after a label that opens its line and holds cue ``m``, if it is
    not a colon: "Not my area — cloud", "Learning ▸ PyTorch", "| No experience | Spark |"
    (at most two words or a note between them, none a skill or a verb of a sentence)."""
    sep = _LABEL_SEP.match(text, m.end())  # (statuses() looks for a separator char first)
    if sep is None or bisect_left(starts, m.end()) != bisect_left(starts, sep.end()):
        return None
    words = text[m.end() : sep.end()].split()[:-1]
    if not _CLAUSE_WORDS.isdisjoint(w.lower() for w in words):
        return None
    lead = max(0, m.start() - 30)
    row = _ROW_START.search(text, lead, m.start()) is not None
    if row != ("|" in sep.group()) or not (row or _SEP_LEAD.search(text, lead, m.start())):
        return None  # (a cell's label, or a line's, each with its own separator)
    if _SENTENCE_AFTER.match(_NOTE.sub(" ", text[sep.end() : sep.end() + 80])):
        return None
    return sep


def _label_colon(text: str, m: re.Match, colon: int, starts) -> re.Match | None:
    """The colon ending a label that holds cue ``m`` ("Things I still don't know: testing,
    TypeScript", "Tools you have never used but are curious about: Tableau"), if the cue is
    among the first six words of its line or sentence, at most eight words and no skill
    come between it and the colon, the last of them a verb of use or a preposition (of
    :data:`_LABEL_ENDS`), and a space or the end follows the colon."""
    if not (colon + 1 == len(text) or text[colon + 1].isspace() or text[colon + 1] == "*"):
        return None
    if (words := _label_words(text, m, colon, starts)) is None:
        return None
    if _negative_condition(" ".join(words)):
        at = next((k for k, w in enumerate(words) if _UNLESS.match(w)), None)
        if at is None or not _complete_condition([w.lower().strip(",") for w in words[at:]]):
            return None  # "Don't join if you're not excited about:", "Don't apply unless ...:"
        # a condition of its own, whose object the list is not: "What I'm not planning to
        # learn unless forced:" (read without it)
        words = words[:at]
    if (when := _LABEL_WHEN.search(" ".join(words))) is not None:  # "... on right now:"
        words = words[: len(words) - len(when.group().split())]
    if words and words[-1].lower().strip(",") not in _LABEL_ENDS and not (
        len(words) <= 2
        and _CLAUSE_WORDS.isdisjoint(w.lower() for w in words)  # "Learning never stops:"
        and text.count("(", m.end(), colon) == text.count(")", m.end(), colon)
        and _LINE_LABEL.search(text, max(0, m.start() - 30), m.start())
    ):
        return None  # "No two projects were alike:", "Not a single gap on the infra side:"
    if _LABEL_LEAD.search(text, max(0, m.start() - 60), m.start()) is None and not (
        # a longer lead, for a denial of use or need over a list below it: "For this
        # role you will NOT need:" / "- Spark", "Please list the tools from the posting
        # you have not worked with:" / "Redis, Kafka"
        m.lastgroup == "neg"
        and _USE_NEXT.match(text, m.end())
        and _LONG_LEAD.search(text, max(0, m.start() - 120), m.start())
        and _label_end(text, colon + 1, starts) is not None
    ):
        return None
    return _COLON.match(text, colon)  # (the colon alone)


_OBJECTS = frozenset("me us him her them it you otherwise".split())
# (an "if" condition is negative by a word of denial after it, so its object is the list)
_UNLESS = re.compile(r"unless\b", re.I)


def _complete_condition(words: list[str]) -> bool:
    """Whether a label's condition (``words``, from "unless") has an object of its
    own, so that the list after the label is not what it asks for: "unless someone
    convinces me", "unless forced" (not "unless you have shipped", "if you're not excited
    about")."""
    return words[-1] in _OBJECTS or len(words) == 2 and words[1].endswith("ed")


def _label_words(text: str, m: re.Match, end: int, starts) -> list[str] | None:
    """The words between cue ``m`` and the end of its label at ``end`` (a colon, or a
    question's mark), if at most eight, and no sentence end, line break or skill, come
    between them."""
    if _LABEL_GAP.match(text, m.end(), end).end() != end:
        return None  # a sentence end or line break first
    words = text[m.end() : end].split()
    if len(words) > 8 or bisect_left(starts, m.end()) != bisect_left(starts, end):
        return None
    return words


_COLON = re.compile(
    r"(?:\s+(?:yet|really|ever|used|done|touched|tried|worked\s+with|had|got|learned|learnt"
    r"|started)){0,2}\)?\s*:"  # (or the end of a note the cue is in: "(week 9 of 16):")
)
_LINE_BULLET = re.compile(r"[^\S\n]*(?:[" + _BULLET_MARKS + r"]|\d{1,2}[.)])[^\S\n]+")
# Between two skills of one list: connectors and these few words only.
_GLUE = frozenset(
    """and or nor & / + , ( ) : plus also either neither as well with in of on for to the a an
    any other similar related kind kinds sort sorts type types form forms
    experience knowledge skills exposure background tools tooling frameworks
    libraries platforms systems services databases
    tool framework library platform system service database language
    languages e.g such like including etc even yet""".split()
)
# An item of a list that names no known skill: one or two words, each capitalised or
# holding a digit ("Zorblax", "Microsoft Office"); the words that a list of names is read
# with, or across, are none ("No Zorblax, But Kafka": a clause ends there). One such item
# at a time, next to a skill: a run of them is more often a title-case phrase ("Learn Fast,
# Align, Adapt & Go!") than a list of tools.
_NAME_WORD = r"(?:[A-Z][\w+#.'’-]*|[a-z][\w.+#-]*\d[\w.+#-]*|\d+[A-Za-z][\w.+#-]*)"
_NAME_ITEM = rf"{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD})?"
_NAME_SEP = (
    r"(?:[^\S\n]*,[^\S\n]*(?:(?i:and|or|nor)[^\S\n]+)?|[^\S\n]+(?i:and|or|nor)[^\S\n]+"
    r"|[^\S\n]*[/&][^\S\n]*)"
)
# a name between two skills of a list: "Spark, Zorblax and Airflow"
_NAMES_BETWEEN = re.compile(rf"{_NAME_SEP}{_NAME_ITEM}{_NAME_SEP}")
# a name that opens a list before its first skill: "no Zorblax, Kafka or Airflow"
_NAMES_FIRST = re.compile(rf"(?<![\w'’+#.-]){_NAME_ITEM}{_NAME_SEP}\Z")
# a name right before a cue after it: "Python at work and Zorblax on weekends"
_NAME_LAST = re.compile(rf"{_NAME_SEP}({_NAME_ITEM})[^\S\n]*\Z")
# how far a cue reaches over bridge words and a name to the first skill after it
_NAMES_REACH = 160
_SEPARATORS = frozenset({"and", "or", "nor"})
_CONJUNCTION = re.compile(r"\b(?:and|or|nor)\b|[&/]", re.I)
_NOT_NAMES = frozenset(
    """but however although though whereas while whilst yet except only just not no never
    none nothing without""".split()
)


def _all_names(stretch: str) -> bool:
    """Whether no word of ``stretch`` (a list's items and separators) is one that the
    rules read as a word: a bridge, a subject, a clause's opening or a cue."""
    return not any(
        w not in _SEPARATORS and (
            w in _BRIDGE or w in _SUBJECTS or w in _NOT_NAMES or w in _GLUE)
        for w in _words(stretch) if w[0].isalpha()
    )


def _names_first(gap: str) -> int:
    """Where in ``gap``, the words between a cue and the first skill after it, an unknown
    name that opens the list starts (``-1`` if none does: see :data:`_NAMES_FIRST`)."""
    last = gap.rstrip()[-4:].lower()
    if not last.endswith((",", "/", "&", " or", " and", " nor")):
        return -1  # (no separator before the skill: most gaps, looked at cheaply)
    m = _NAMES_FIRST.search(gap)
    while m is not None and not _all_names(m.group()):
        nxt = re.search(r"\s", gap[m.start():])
        if nxt is None:
            return -1
        m = _NAMES_FIRST.search(gap, m.start() + nxt.end())
    return -1 if m is None else m.start()


# a version number after a skill's name: "Python 3.11, Java 17 and Kafka", "Fortran77"
_VERSION = re.compile(
    r"(?:\.\d+(?:\.\d+)*|[^\S\n]?v?\d+(?:\.\d+)*)\+?(?=[^\w.+#-]|\.(?!\w)|\Z)"
)


def _after_version(gap: str) -> str:
    """``gap``, the text after a skill, without the version number that opens it."""
    m = _VERSION.match(gap)
    return gap if m is None else gap[m.end():]


def _names_between(gap: str) -> bool:
    """Whether ``gap``, between two skills, is a list's separators around an unknown name."""
    return _NAMES_BETWEEN.fullmatch(gap) is not None and _all_names(gap)


# what a skill's kind of knowledge is called, in a tight cue's reach or right after the skill
_KNOWING = frozenset("experience background knowledge exposure expertise skills".split())
_MODIFIED_REACH = 80  # characters: "no professional experience with self-hosted"
_BUT_FOR = frozenset(
    "only just beyond except besides but outside other than apart aside save".split()
)
_KNOWING_NEXT = re.compile(rf"[^\S\n]+(?:{'|'.join(sorted(_KNOWING))})\b", re.I)


def _modifier_before(text: str, lo: int, span) -> bool:
    """Whether a tight cue that ends at ``lo`` may read across the one word right before
    the skill ``span`` it reaches, where what it denies is a kind of knowledge: "no
    background in classical ML", "no experience with self-hosted Kubernetes", "no people
    leadership experience" (not "no doubt Python is ...")."""
    if span[0] - lo > _MODIFIED_REACH:
        return False
    words = list(_WORDS.finditer(text, lo, span[0]))
    if not words:
        return False
    last = words[-1]
    word = last.group().lower()
    before = [w.lower().rstrip(".") or w for w in (m.group() for m in words[:-1])]  # (_words)
    if word in _SUBJECTS or word in _BUT_FOR or not word[0].isalpha() or not all(
            w[0].isalnum() for w in before) or not _gap_ok(text, lo, last.start(), 0):
        return False  # (not "no coding background, only spreadsheets")
    return not _KNOWING.isdisjoint(before) or _KNOWING_NEXT.match(text, span[1]) is not None


# A kind of thing that a cue reaches, named by words rolefit does not know, then its
# examples: "never worked with a columnar warehouse like Snowflake", "no experience with our
# monitoring stack (Grafana and Prometheus)", "not familiar with container tooling such as
# Docker"
_EXAMPLES_NEXT = re.compile(
    r"(?:\(|\b(?:such\s+as|like|e\.g\.|including|for\s+(?:example|instance)),?)[^\S\n]*\Z",
    re.I,
)
_EXAMPLE_WORDS = 3  # words outside the bridge list before the examples: "clinical data formats"
_OWNERS = frozenset("our your their his her my its".split())
_JOINS = frozenset({"and", "or", "nor", "&", "/", "+", ",", "plus"})
_CONTRAST = _BUT_FOR | frozenset({"instead", "though", "rather"})
# a writer's attitude, not a denial: "not afraid of new tools like Rust", "no shying away
# from technologies such as Vue"
_NOT_KIND = _BUT_FOR | frozenset(
    """afraid scared shy shying away fear hesitant reluctant limited restricted confined
    opposed against""".split()
)


def _examples_before(text: str, lo: int, span) -> bool:
    """Whether a cue that ends at ``lo`` reaches the skill ``span`` as the first example
    of a kind of thing it names in words outside the bridge list (:data:`_EXAMPLES_NEXT`),
    within one clause and :data:`_MODIFIED_REACH` characters."""
    if span[0] - lo > _MODIFIED_REACH:
        return False
    marker = _EXAMPLES_NEXT.search(text, lo, span[0])
    if marker is None or marker.start() == lo:
        return False
    if text[marker.start()] == "(":  # a contrast in brackets: "no BI tools (Excel only)"
        close = text.find(")", marker.end(), marker.end() + _MODIFIED_REACH)
        if close >= 0 and not _CONTRAST.isdisjoint(_words(text[marker.end() : close])):
            return False
    hi = marker.start()
    while hi > lo and text[hi - 1] in " ,":
        hi -= 1
    free, last = _EXAMPLE_WORDS, ""
    for w in _WORDS.finditer(text, lo, hi):
        word = w.group().lower().rstrip(".") or w.group()
        if word in ("w", "/") and text.startswith("/", w.end() if word == "w" else w.start()):
            continue  # "w/", short for "with", as _gap_ok reads it
        if word in _JOINS:
            return False  # one kind, not several: "assessments and household surveys"
        if word in _OWNERS or word in _BRIDGE or word in _CONNECTORS:
            continue
        if word in _SUBJECTS or word in _NOT_KIND or not word[0].isalpha():
            return False
        free -= 1
        if free < 0:
            return False
        last = word
    # a kind is named, and by a noun: not "no experience with (Python)", not "chose one
    # without being prompted (Qdrant, ...)"
    return free < _EXAMPLE_WORDS and not last.endswith("ed")


def _scope_after(text, m, spans, starts, clauses, limit) -> list[int]:
    """Skills a cue reaches forward, within its clause (which ends at ``limit`` or
    before): the first within a few bridge words, then its list."""
    if _CONNECTOR_NEXT.match(text, m.end()):
        return []  # the cue word is one item of a list: "learning, and celebration"
    first = bisect_left(starts, m.end())
    if first == len(spans):
        return []
    tight = _tight(m.group(m.lastgroup))
    named = False  # whether the list opens with names it does not know: "no Zorblax, Kafka"
    if not _gap_ok(text, m.end(), spans[first][0], 0 if tight else _LOOSE, tight) and not (
            tight and _modifier_before(text, m.end(), spans[first])) and not (
            _examples_before(text, m.end(), spans[first])):
        at = _names_first(text[m.end() : spans[first][0]]) if (
            spans[first][0] - m.end() <= _NAMES_REACH) else -1
        if at < 0 or not _gap_ok(text, m.end(), m.end() + at, 0 if tight else _LOOSE, tight):
            return []
        named = True
    stop = clauses.end(m.end(), limit)  # the clause end, once a mention is close enough
    if _in_note(text, m.start()) and (close := text.find(")", m.end(), stop)) >= 0:
        stop = close  # a cue in a note reaches no further: "Python (no pandas yet), SQL"
    scoped: list[int] = []
    pos = m.end()
    steps = m.lastgroup == "learn"  # a plan's steps: "learn dbt this quarter, then Airflow"
    for i in range(first, len(spans)):
        s, e, _ = spans[i]
        if e > stop:
            break
        # "..., Redshift is familiar": a skill that starts a new clause ends the list
        if scoped and not (_list_gap_ok(text[pos:s], steps) or m.lastgroup == "neg" and (
                _or_verb(text[pos:s]))) or scoped and _VERB_AFTER.match(text, e):
            break
        scoped.append(i)
        pos = e
    if named and scoped and not _CONJUNCTION.search(text, m.end(), pos):
        return []  # a list of names is one with "and", "or": not "No Sponsorship, Python"
    return scoped


# An aside between commas, between a skill put first and the writer's denial after it:
# "Puppet, on the other hand, I've never used", "Kafka, sadly, I have not touched"
_ASIDE = re.compile(
    r"[^\S\n]*,[^\S\n]*(?:however|though|sadly|honestly|frankly|admittedly|unfortunately"
    r"|alas|meanwhile|in\s+contrast|by\s+contrast|on\s+the\s+other\s+hand|then\s+again"
    r"|to\s+be\s+(?:honest|fair|frank)|I\s+(?:admit|confess)|I['’]m\s+afraid)"
    r"[^\S\n]*,[^\S\n]*",
    re.I,
)

# what may stand before them: a bullet, "And", "As for"
_FRONT = re.compile(r"[\s\-*•·▪►●◦]*(?:(?:and|but|as\s+for|as\s+to)[^\S\n]+)?", re.I)


def _scope_before(
    text, m, spans, ends, status, clauses, floor, start=None, front=False
) -> list[int]:
    """Skills a cue after them reaches within its clause (which starts at ``floor`` or
    later): the nearest one, then the list joined to it. ``start``: where the cue's words
    start, if before the match ("I" of "Rust I don't"); with ``front``, the skills must
    open their clause (as they must across an aside: "Kafka, sadly, I have not")."""
    scoped: list[int] = []
    pos = m.start() if start is None else start
    after = m.lastgroup == "negafter"
    conj = aside = False
    clause_start = None  # found once a mention is close enough to need it
    for i in range(bisect_left(ends, m.start() + 1) - 1, -1, -1):
        s, e, _ = spans[i]
        if s < floor:
            break
        if not scoped:
            free = 0 if (status == NEGATED and not _STORY_END.match(m.group())) or (
                _THEORY.match(m.group())) else 2
            last = _NAME_LAST.search(text, max(e, pos - 64), pos)
            if last is not None and _all_names(last.group(1)):
                # a name it does not know before the cue: the cue is on it, and on the
                # skill before only if the two are one list ("Python and Zorblax")
                ok = last.start() == e
                if not ok:
                    break
            elif after and _NICE_BEFORE.search(text, e, pos):
                break  # a posting's nice-to-have: "Kafka is a plus, not required"
            else:
                ok = _gap_ok(text, e, pos, free, after=after)
                if not ok and start is not None and _ASIDE.fullmatch(text, e, pos):
                    ok = aside = True
            conj = ":" in text[e:pos]  # "Chef, Puppet: none of them": the list before a colon
        else:
            ok, conj = _joined(text[e:pos], conj)
        if not ok:
            break
        if clause_start is None:
            clause_start = clauses.start(s if aside else m.start(), floor)
        if s < clause_start:
            break
        scoped.append(i)
        pos = s
    if (aside or front) and scoped and not _FRONT.fullmatch(
        text, clauses.start(pos, floor), pos
    ):
        return []  # the skills put first must open their clause: not "I use Python, sadly, ..."
    return scoped


# "Java, which I've never learned", "Go, that I'm still learning": a relative clause of the
# writer's on the skill right before it
_WHICH_I = re.compile(
    r"(?:,\s*|\s+)(?:which|that)\s(?:I|we|he|she|they)"
    r"(?:\s+(?:have|has|had|do|does|did|am|is|was|are)|['’](?:ve|s|m|d|re))?"
    r"(?:\s+(?:only|still|really|ever|also|just))?\s+\Z"
)
# A speaker's name before a colon: "Candidate", "Chris (HM)", "hm", "A"
_SPEAKER = r"[A-Za-z][\w .'’()-]{0,20}"
# Where a question's cue may stand: among the first five words of its line or sentence,
# after a bullet or two or an asker's label ("Q: Which of these have you NOT used?")
_QUESTION_LEAD = re.compile(
    r"(?:^|\n|[.!?][^\S\n]+)[^\S\n]*(?:(?:[-*•·▪►●◦#]+|\d{1,2}[.)])[^\S\n]*){0,2}"
    r"(?:(?:" + _SPEAKER + r"|Q\d*):[^\S\n]*|Q\d*[.)][^\S\n]*)?(?:[\w'’]+[^\S\n]+){0,5}\Z"
)
_PAST = re.compile(r"\b(?:did|have|has|had)\b", re.I)
# a second question that asks what the first one's "yes" would mean: "Have you used
# Airflow? If so, for how long?" / "No."
_FOLLOW_UP = (
    r"(?:[^\S\n]+(?i:if[^\S\n]+(?:yes|so|you[^\S\n]+(?:have|do))\b,?|which|what|how|where"
    r"|when)[^\n.!?]{0,40}\?)?"
)
# a sentence of why it is asked that ends the question's line, no answer itself ("Any
# knowledge graphs? We're considering them." / "Rafael: No, nothing."; not "Q: Kubernetes?
# A: Yes." / "Q: On-prem? A: No."); the answer on the next line, before any other question
_YES_WORDS = r"yes|yeah|yep|yup|sure|definitely|of\s+course"
_WHY_ASKED = (
    r"[^\S\n]+(?!(?i:" + _YES_WORDS + r"|no|nope|not|never|none|A|Q)\b)[A-Z][^\n.!?:]{0,80}"
    r"[.!][^\S\n]*\n"
)
# After the question (and any of _FOLLOW_UP), its answer: on the same line or the next,
# after an answer's label ("A:", "Candidate:") or a bullet (or past _WHY_ASKED)
_ANSWER_LABEL_AT = (
    r"(?:(?:" + _SPEAKER + r"|A\d*):[^\S\n]*|A\d*[.)][^\S\n]*)?(?:[-*•·▪►●◦—–][^\S\n]*)?"
)
_ANSWER_AT = re.compile(
    r"\?" + _FOLLOW_UP + r"[^\S\n]*(?:\n[^\S\n]*)?" + _ANSWER_LABEL_AT
)
_ANSWER_PAST_WHY = re.compile(r"\?" + _FOLLOW_UP + _WHY_ASKED + r"[^\S\n]*" + _ANSWER_LABEL_AT)


def _question_label(text: str, m: re.Match, q: int, starts) -> int | None:
    """Where the answer to a question that holds cue ``m`` and ends at ``q`` starts, if
    the question is a label (as :func:`_label_colon` reads one, a question mark for its
    colon: "Which of these have you NOT worked with?") and its answer opens with a skill
    ("Kubernetes, Terraform, Scala"), on the same line or the next."""
    words = _label_words(text, m, q, starts)
    if words is None or words and words[-1].lower().strip(",") not in _LABEL_ENDS:
        return None
    lead = _QUESTION_LEAD.search(text, max(0, m.start() - 60), m.start())
    if lead is None or m.lastgroup == "learn" and _PAST.search(lead.group()):
        return None  # ("What did you learn? HTML, CSS": what was learnt is held)
    answer = _ANSWER_AT.match(text, q).end()
    if not _starts_with_skill(text, answer, starts):
        past = _ANSWER_PAST_WHY.match(text, q)
        if past is None or not _starts_with_skill(text, past.end(), starts):
            return None
        answer = past.end()
    return answer


# An answer that opens with a denial ("A: No, ...", "Candidate: Not really") to a question
# put to the writer on the line before ("Do you know Go?", "Any experience with Airflow?").
_ANSWER_START = re.compile(
    r"(?:(?:^|\n)[^\S\n]*(?:>[^\S\n]*)*(?:" + _SPEAKER + r":[^\S\n]*|A\d*[.)][^\S\n]+)?"
    r"(?:(?:[Ww]e|I)\s+)?"
    r"|\?[^\S\n]+[A-Za-z][\w.'’-]{0,20}:[^\S\n]*|\?[^\S\n]+(?:[—–-][^\S\n]*|A\d*[.)][^\S\n]+)?"
    r"|\?[^\S\n]*(?:\||->|→|=>|\.{2,}|…+)[^\S\n]*)\Z"
)
_ANSWER_CUE = re.compile(
    r"(?:no|nope|nah|never|none|zero|0(?![\d.,/%:]\d)|not(?:\s+really|\s+at\s+all|\s+yet)?"
    r"|don['’]?t|haven['’]?t|didn['’]?t)\b"
    r"(?!\s+(?:problem|problems|worries|doubt|professionally|commercially|in\s+production"
    r"|at\s+work|since)\b)",  # ("Not since 2012": it was)
    re.I,
)
_QUESTION = re.compile(
    r"[^\n.!?]*\?" + _FOLLOW_UP + r"(?:" + _WHY_ASKED + r"[^\n?]*\Z|"
    r"[^\S\n]*(?:\n[^\n]*|[A-Z][\w.'’-]{0,20}:[^\S\n]*|(?:[—–-][^\S\n]*)?"
    r"|A\d*[.)][^\S\n]+"  # "Q. Deep learning? A. No."
    r"|(?:\||->|→|=>|\.{2,}|…+)[^\S\n]*)\Z)"
)
_TO_WRITER = re.compile(
    r"\b(?:you|your|any|experience|ever\s+used|(?:how|what)\s+about"
    # or about what a role asks for: "Is Scala needed?", "Need LangChain?", "Is SAS used here?"
    r"|need|needed|required|used|use|necessary|mandatory|expected"
    # or about someone else's: "Does she know Kafka?", "Has he worked with Go?"
    r"|know|knows|familiar|worked|touched|tried)\b",
    re.I,
)
# words that may come before a denial opening an answer: "Also never.", "Honestly, no."
_DENIAL_LEAD = re.compile(r"(?:(?:also|again|honestly|frankly|sadly|unfortunately|likewise"
                          r"|same|definitely|absolutely|certainly)[,.]?[^\S\n]+)+\Z", re.I)
# A learning cue may open an answer after a word or two: "A: Only a little", "Honestly,
# learning"
_ANSWER_LEAD = re.compile(r"(?:(?:honestly|only|just|still|very|really|well|mostly|a|an)"
                          r",?[^\S\n]+)+\Z", re.I)
# A question of skill names alone, put to someone ("Interviewer: AWS?", "Q: And Kafka?",
# "hm: Snowflake or BigQuery?"): a speaker's label, then nothing but these words around the
# names
_ASKER = re.compile(r"[^\S\n]*(?:" + _SPEAKER + r":|Q\d*[.:)])?")
_YOU = re.compile(r"\b(?:you|your|u)\b", re.I)
_ANY_FIRST = re.compile(
    r"[^\S\n]*(?:(?:and|so|ok|okay|good|great|nice)[,.!]?[^\S\n]+)*(?:any|(?:how|what)\s+about)\b",
    re.I,
)
_BARE = re.compile(
    r"(?:[^\w\n]|\b(?:and|or|also|so|ok|okay|good|great|nice|cool|right|then|now|what|how"
    r"|about|any|at|all|else|too|itself|themselves|either"
    # the kind of the skills asked about: "Pub/Sub, Kafka, anything like that?", "Kafka or
    # similar?"
    r"|(?:anything|something|stuff)\s+(?:like\s+that|similar)|similar|etc|the\s+like)\b)*",
    re.I,
)


# The cue's object is a pronoun, then the clause ends: "never used it before", "but I'm
# learning it", "taking a course on it", "heard of them, never used them".
_PRONOUN = re.compile(
    r"(?:\s+(?:really|actually|ever|yet|properly|seriously|even))?"
    # "no hands-on experience with it"
    r"(?:(?:\s+(?:hands[-\s]on|real|practical|professional|prior|direct|actual|working"
    r"|production))*"
    r"\s+(?:experience|exposure|knowledge|familiarity)(?=\s+(?:with|in|of|on)\b))?"
    r"(?P<verb>\s+(?:used|use|touched|tried|worked\s+(?:with|on|in)|learned|learnt|studied|known|know"
    r"|done|deployed|opened|shipped|written|started|begun"
    r"|on|with|about|into|in|of))?"
    # "never written a line of it" (not "of either": most often a pair named further back)
    r"(?:\s+(?:a\s+(?:single\s+)?line|one\s+line|a\s+word)\s+of(?=\s+(?:it|them)\b))?"
    r"\s+(?-i:(it|them|either|both))\b"
    r"(?:\s+(?:before|yet|at\s+all|so\s+far|either|properly|much|myself|really|though|currently"
    r"|on\s+my\s+own|by\s+myself"
    r"|anymore|now|these\s+days|at\s+the\s+moment|on\s+the\s+side|in\s+the\s+evenings"
    r"|for\s+real|in\s+practice|in\s+anger"
    # (a time with no plan, for _vague_wish: "I'd love to learn it someday")
    r"|some[\s-]?day|one\s+day|eventually|at\s+some\s+point|(?:on|at)\s+weekends)"
    # (or where all of it was: "only used it in a tutorial", _ONLY_USED)
    r"|" + _MET_IN + r")?(?=\s*(?:[.,;!?)]|:(?!//)|$|\s+(?:but|and|so)\b))",
    re.I,
)


_IT = re.compile(r"\s(it|them|either|both)\b", re.I)
_OBJECT_NEITHER = re.compile(
    r"\b(?:used|use|uses|know|knows|knew|known|tried|touched|learned|learnt|done|had|have|has)"
    r"[^\S\n]+\Z", re.I
)
_CLAUSE_END = re.compile(
    r"(?:[^\S\n]+(?:yet|tbh|honestly|really|so\s+far|before|at\s+all|myself))?"
    r"[^\S\n]*(?:[.;!?,)]|\n|$)",
    re.I,
)
# a cue that takes the pronoun as its object ("learning it", "a course on it")
_OBJECT_CUE = re.compile(
    r"(?:learn|learning|studying|on|in|about|covering|into|with|against)$|" + _ONLY_USED + "$",
    re.I,
)
# (a question mark and the line break after it end one sentence: "Kafka?\nA: never used it")
_SENTENCE_END = re.compile(r"[.!?](?:[^\S\n]*\n|(?=\s))|\n")


def _antecedent(text: str, pos: int, spans, ends, plural: bool) -> list[int]:
    """The skill a pronoun at a cue at ``pos`` stands for: the nearest mention before it
    (in the same sentence or the one before, at most 200 characters back), with the list
    joined to it for "them"."""
    i = bisect_left(ends, pos + 1) - 1
    if i < 0 or pos - ends[i] > 200 or len(_SENTENCE_END.findall(text, ends[i], pos)) > 1:
        return []
    out = [i]
    conj = True
    while plural and i > 0:
        ok, conj = _joined(text[ends[i - 1] : spans[i][0]], conj)
        if not ok:
            break
        i -= 1
        out.append(i)
    return out


def _referred(text, m, spans, ends, status, clauses) -> list[int]:
    """Skills that cue ``m``, which reaches none forward, is about: the skill a relative
    clause of the writer's follows ("Java, which I've never learned"), the skill a pronoun
    after the cue stands for ("never used it"), or, for a denial opening an answer, the
    skills of the question on the line before it."""
    # (each rule first looks for a word it needs, most cues have none)
    start = m.start()
    i = bisect_left(ends, start + 1) - 1  # the relative clause follows a skill right away
    if i >= 0 and start - ends[i] <= 30 and (
        "which" in (gap := text[ends[i] : start]) or "that" in gap
    ):
        which = _WHICH_I.search(text, max(0, start - 30), start)
        if which is not None:
            i = bisect_left(ends, which.start())
            if i < len(ends) and ends[i] == which.start():
                return [i]
            return []
    end = m.end()
    if m.lastgroup in ("neg", "learn") and (
        text.find(" it", end, end + 48) >= 0 or text.find(" them", end, end + 48) >= 0
        or text.find(" either", end, end + 48) >= 0 or text.find(" both", end, end + 48) >= 0
    ) and (pronoun := _PRONOUN.match(text, end)) and (
        pronoun.group("verb") or _OBJECT_CUE.search(m.group(m.lastgroup))  # not "this is not it"
    ):
        if out := _antecedent(text, start, spans, ends, pronoun.group(2) != "it"):
            return out
        return _asked_before(text, start, spans, ends) if status == NEGATED else []
    if m.lastgroup == "negafter" and (
        " it" in (cue := m.group().lower()) or " them" in cue or " either" in cue or " both" in cue
    ) and (
        it := _IT.search(cue)
    ) is not None:
        # the writer's "I've never used it (yet)", with no skill before it in its clause
        return _antecedent(text, start, spans, ends, it.group(1).lower() != "it")
    if m.lastgroup in ("neg", "negafter") and (
        m.end() - start == 7 and m.group().lower() == "neither"
        and _OBJECT_NEITHER.search(text, max(0, start - 24), start)
        and _CLAUSE_END.match(text, m.end())
    ):
        return _antecedent(text, start, spans, ends, True)  # "Snowflake + dbt. I've used neither."
    if text.rfind("?", max(0, start - 300), start) < 0:
        return []
    start = _answer_start(text, start, status)
    if start < 0:
        return []
    return _asked(text, start, status, spans, ends)


def _asked_before(text: str, start: int, spans, ends) -> list[int]:
    """The skills of the question that a pronoun at a denial at ``start`` stands for,
    further back than :func:`_antecedent` looks: the denial is in the answer on the line
    after the question, with no skill and no "yes" before it on its line ("Q: JAX?" / "A:
    Read the docs once. Never used it.")."""
    if text.rfind("?", max(0, start - 300), start) < 0:
        return []
    line = text.rfind("\n", 0, start) + 1
    if not line or bisect_right(ends, start) != bisect_right(ends, line) or _YES.search(
        text, line, start
    ):
        return []
    return _asked(text, line, NEGATED, spans, ends)


_YES = re.compile(r"\b(?:" + _YES_WORDS + r")\b", re.I)


def _asked(text: str, start: int, status: str, spans, ends) -> list[int]:
    """The skills of the question put to someone that the answer starting at ``start``
    answers, for an answer of ``status`` (see :func:`_referred`)."""
    lo = max(0, start - 300)
    if (line := text.rfind("\n", lo, start)) > lo:
        # (a question and the start of its answer span two lines at most)
        lo = text.rfind("\n", lo, line) + 1 or lo
    question = _QUESTION.search(text, lo, start)
    if question is None:
        return []
    end = text.rfind("?", question.start(), question.end())
    lo, hi = bisect_left(ends, question.start() + 1), bisect_left(ends, end + 1)
    asked = _TO_WRITER.search(text, question.start(), question.end()) if status == NEGATED else (
        _asked_you(text, question.start(), end))  # (not a posting's "Is there any NLP?")
    if not asked and not _bare(text, question.start(), end, spans[lo:hi]):
        return []
    if status == NEGATED:  # "Any forecasting beyond spreadsheet trend lines?" / "No."
        return [i for i in range(lo, hi) if not _BEYOND.search(
            text, max(question.start(), spans[i][0] - 40), spans[i][0])]
    return list(range(lo, hi))


# what a question asks about besides the skill after it: a "no" does not deny that skill
_BEYOND = re.compile(r"\b(?:beyond|besides|other\s+than|apart\s+from|except(?:\s+for)?"
                     r"|outside(?:\s+of)?)[^\S\n]+(?:[\w'’-]+[^\S\n]+){0,2}\Z", re.I)


# A speaker's label opening a line, up to its colon: "Priya:", "Candidate:", "A:"
_ANSWER_LABEL = re.compile(r"[^\S\n]*" + _SPEAKER + r"?(?=[^\S\n]*:)")
_AFTER_LABEL = re.compile(r"[^\S\n]*:[ \t]*")  # (to where the answer starts)


def _answer_notes(text: str, found, anchors, ends, decided: dict) -> None:
    """Skills of a question put to someone whose answer, on the next line after the
    speaker's label, is a note as :data:`_ATTACHED` reads one after a skill
    ("Recruiter: Spark?" / "Priya: Only in a university course.")."""
    seen: set[int] = set()
    for start, _, word in anchors:
        if word not in _ATTACHED_WORDS:
            continue
        # (a label is short: its line starts a few words before the note, or not at all)
        line = text.rfind("\n", max(0, start - 64), start) + 1
        if not line or line in seen or text.rfind("?", max(0, line - 300), line) < 0:
            continue
        seen.add(line)
        label = _ANSWER_LABEL.match(text, line)
        if label is None or start - label.end() > 24:
            continue
        m = _ATTACHED.match(text, label.end())
        if m is None or m.start() > start or not _ATTACHED_CLOSE.match(text, m.end()):
            continue
        status = LEARNING if m.group("learn") or m.group("learn2") else NEGATED
        at = _AFTER_LABEL.match(text, label.end()).end()
        cue = text[m.start() : m.end()].strip(" (:-–—,?\t\n.…\"“”{*")
        for i in _asked(text, at, status, found, ends):
            decided.setdefault(i, (status, cue))


def _asked_you(text: str, lo: int, hi: int) -> bool:
    """Whether the question ``text[lo:hi]`` asks someone about their own skills ("Do you
    ...", "your level", "Any Python?", "What about dbt?")."""
    pos = _ASKER.match(text, lo).end()
    return _YOU.search(text, pos, hi) is not None or _ANY_FIRST.match(text, pos, hi) is not None


def _answer_start(text: str, start: int, status: str) -> int:
    """Where the answer starts that a cue at ``start`` opens ("A: No", "Candidate: a
    little", "Q: ...? Honestly, learning"), or -1 if the cue opens none. A denial must be
    one of :data:`_ANSWER_CUE`; a learning cue may follow a word or two."""
    if status == NEGATED:
        if not _ANSWER_CUE.match(text, start):
            return -1
        if (lead := _DENIAL_LEAD.search(text, max(0, start - 40), start)) is not None:
            start = lead.start()  # "Hadoop? Also never.", "Kafka? Honestly, no."
    elif (lead := _ANSWER_LEAD.search(text, max(0, start - 40), start)) is not None:
        start = lead.start()
    return start if _ANSWER_START.search(text, max(0, start - 24), start) else -1


def _bare(text: str, lo: int, hi: int, spans) -> bool:
    """Whether the question ``text[lo:hi]`` asks about the skills of ``spans`` (the
    mentions in it) alone, as a speaker's label and :data:`_BARE` words around them."""
    if not spans:
        return False
    pos = _ASKER.match(text, lo).end()
    for start, end, _ in spans:
        if start < pos or _BARE.fullmatch(text, pos, start) is None:
            return False
        pos = end
    if (noun := _ASKED_NOUN.match(text, pos, hi)) is not None:
        pos = noun.end()  # what of the skill is asked about: "Kafka pipelines?"
    return _BARE.fullmatch(text, pos, hi) is not None


# (or a comment with a subject of its own after a colon: "PyTorch: she had only used NumPy")
_ITEM_END = re.compile(
    r"[.!?](?=\s)|;|\s[—–-]\s|:(?=[^\S\n]+(?:I|we|he|she|they|it|you)\b)", re.I
)


def _starts_with_skill(text: str, pos: int, starts: tuple[int, ...]) -> bool:
    """Whether a mention starts at ``pos`` or after the spaces there."""
    pos = _SPACES.match(text, pos).end()
    i = bisect_left(starts, pos)
    return i < len(starts) and starts[i] == pos


def _skills_only(text: str, pos: int, starts, ends) -> bool:
    """Whether the line at ``pos`` holds nothing but skills joined as a list ("Terraform,
    Ansible", "Docker and Kubernetes"), a full stop at most after the last; not the
    columns of a table ("C++      Python      CUDA")."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    i = bisect_left(starts, pos)
    last = pos
    while i < len(starts) and starts[i] < end:
        gap = text[last : starts[i]]
        if gap.strip() and not _list_gap_ok(gap) or last > pos and ("  " in gap or "\t" in gap):
            return False
        last = ends[i]
        i += 1
    return last > pos and not text[last:end].strip(" \t\r.")


_SPACES = re.compile(r"[^\S\n]*")
_ITEM_LINE_WORDS = 6


def _item_lines_below(text: str, pos: int, limit: int, starts, ends, clauses) -> list[int]:
    """Skills on the lines after the one at ``pos`` (a heading's first item line) that
    go on the same list: up to an empty line or ``limit``, each line starting with a skill
    and no heading of its own; on each, its first clause, of at most
    :data:`_ITEM_LINE_WORDS` words outside brackets. A line that goes on after that clause
    (wrapped prose: "Scala. Our team uses" / "Python for ...") is the last."""
    scoped: list[int] = []
    end = text.find("\n", pos)
    if end < 0 or clauses.end(pos, end) < end:
        return scoped  # the first line is more than an item: "Scala. Our team uses"
    while 0 <= end < limit:
        start = end + 1
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        item_end = clauses.end(start, min(stop, limit))  # (a cue on the line ends it)
        if (text[start:stop].rstrip().endswith(":")
                or not _starts_with_skill(text, start, starts)
                or len(_NOTE.sub(" ", text[start:item_end]).split()) > _ITEM_LINE_WORDS):
            break
        scoped += _label_list(text, start, item_end, starts, ends)
        if item_end < stop:
            break  # a line that goes on after its item ends the list
    return scoped


def _list_below(text: str, pos: int, limit: int, starts, ends, clauses) -> list[int]:
    """Skills of the list below a heading or a label that ends its line, from ``pos``, the
    start of the next line: its bullet lines, or the clause of a line that lists skills
    ("Never used:" / "Spark, Airflow") and the short item lines after it that start with
    a skill ("Not needed:" / "Java" / "Hadoop")."""
    if _LINE_BULLET.match(text, pos):
        return _bullets_below(text, pos, limit, starts)
    stop = clauses.end(pos, limit)
    return _label_list(text, pos, stop, starts, ends) + _item_lines_below(
        text, pos, limit, starts, ends, clauses)


# the rest of a line after a label's colon (maybe a bold mark), and a blank line
_LINE_REST = re.compile(r"(?:\*\*)?[^\S\n]*\n(?:[^\S\n]*\n)?")


def _label_end(text: str, pos: int, starts) -> int | None:
    """The start of the list below a label whose colon ends at ``pos`` and ends its line,
    if the next line is a bullet item or starts with a skill, else None."""
    rest = _LINE_REST.match(text, pos)
    if rest is None:
        return None
    below = rest.end()
    if _LINE_BULLET.match(text, below) or _starts_with_skill(text, below, starts):
        return below
    return None


def _in_item(text: str, pos: int) -> bool:
    """Whether ``pos`` is on a bullet line, after its bullet."""
    bullet = _LINE_BULLET.match(text, text.rfind("\n", 0, pos) + 1)
    return bullet is not None and bullet.end() <= pos


def _bullets_below(text: str, pos: int, limit: int, starts: tuple[int, ...]) -> list[int]:
    """Skills on the bullet lines right below a heading line ("Learning next:")."""
    scoped: list[int] = []
    while pos < min(limit, len(text)):
        bullet = _LINE_BULLET.match(text, pos)
        if bullet is None:
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        # the item's first clause: "Scala. Our Spark jobs run in PySpark.", "dbt; our analysts"
        stop = _ITEM_END.search(text, bullet.end(), end)
        item_end = end if stop is None else stop.start()
        i = bisect_left(starts, bullet.end())
        while i < len(starts) and starts[i] < item_end:
            scoped.append(i)
            i += 1
        pos = end + 1
    return scoped


_NOTE = re.compile(r"\([^()]{0,40}\)")
_CONNECTOR_NEXT = re.compile(r"\s*(?:,|&|\band\b|\bor\b)", re.I)
_VERB_AFTER = re.compile(
    r"\s+(?:is|are|was|were|has|have|will|would|can|could|seems?|feels?|remains?)\b"
    # (but the list's own predicate: "Training in Looker and dbt will be provided")
    r"(?!\s+(?:be\s+)?(?:provided|given|offered)\b)",
    re.I,
)


# a note in brackets with a subject of its own: "(I only know Python and Scala)", "(we use
# Kotlin)", "(only Spark Streaming)"
_OWN_NOTE = re.compile(r"\((?=[^()\n]{0,12}\b(?:I|we|he|she|they|only)\b)[^()\n]{1,120}\)")


# another label after a separator on the same line: "Shaky: C++ | Current: Python",
# "Still weak: Go; Strong: Java" (up to four words, or bold, before its colon)
_NEXT_LABEL = re.compile(
    r"[|;•·][^\S\n]*(?:\*\*)?[^\W\d_][\w'’+#./-]*(?:[^\S\n]+[\w'’+#./-]+){0,3}"
    r"[^\S\n]*(?:\*\*)?[^\S\n]*:(?=\s|\*\*|$)"
)


def _label_list(text: str, lo: int, hi: int, starts, ends) -> list[int]:
    """The mentions between ``lo`` and ``hi`` (what a label covers), up to the next label
    after a separator (:data:`_NEXT_LABEL`), but those inside notes of their own
    ("Missing: Java (I only know Python)")."""
    if ":" in text[lo:hi] and (m := _NEXT_LABEL.search(text, lo, hi)):
        hi = m.start()
    scoped = [i for i in range(bisect_left(starts, lo), bisect_left(starts, hi)) if ends[i] <= hi]
    inside = [m.span() for m in _OWN_NOTE.finditer(text, lo, hi)] if "(" in text[lo:hi] else ()
    if not inside:
        return scoped
    return [i for i in scoped if not any(a < starts[i] < b for a, b in inside)]


# a bare denial as an answer, and "or" or "and" between two skills of a question
# (_list_before)
_BARE_DENIAL = re.compile(r"(?:none|no|nope|neither|never|nothing|n)", re.I)
_ASKED_JOIN = re.compile(r"\b(?:or|nor|and)\b|&", re.I)


def _list_before(text: str, found, i: int, asked: bool = False) -> list[int]:
    """The mentions of the list that ends with mention ``i`` on its line (joined by commas
    and connectors only, none in a bracket that closes before ``i``; with ``asked``, also
    each asked on its own: "tensorflow? keras? pytorch?")."""
    out = []
    for j in range(i - 1, -1, -1):
        gap = text[found[j][1] : found[j + 1][0]]
        if asked and _ASKED_GAP.fullmatch(gap):
            out.append(j)
            continue
        if "\n" in gap or ":" in gap or "(" in gap or ")" in gap or not _list_gap_ok(gap):
            break
        out.append(j)
    return out


_ASKED_GAP = re.compile(r"\?[^\S\n]+")


# the heading of a posting's list of what it asks for: "Requirements", "Nice to have:",
# "What you'll bring", "Preferred Qualifications"
_ASKS_HEADING = re.compile(
    # (after a mark: "## Requirements", "👀 Who You Are")
    r"(?:[^\w\s]+[^\S\n]*)?(?:[\w'’/&,-]+[^\S\n]+){0,6}?(?:requirements?|required|essential"
    r"|qualifications?"
    r"|preferred|bonus(?:\s+points)?|nice[\s-]to[\s-]haves?|must[\s-]haves?|desirable|desired"
    r"|good\s+to\s+have|what\s+you(?:['’]ll)?\s+bring|what\s+we(?:['’]re|\s+are)?\s+look(?:ing)?"
    r"\s+for|who\s+you\s+are|you\s+have|ideal\s+candidate|your\s+profile|about\s+you"
    r"|(?:a\s+)?(?:good\s+|great\s+|strong\s+)?fit\s+if)\b"
    r"[^\n]{0,30}\Z",
    re.I,
)


def _under_requirements(text: str, pos: int) -> bool:
    """Whether ``pos`` is on a bullet line of a list under a heading of what a posting
    asks for ("Nice to have\n- Some exposure to Kafka"): each line above it up to the
    heading is a bullet item, its continuation (indented, or starting in lower case) or
    blank. A cue on an item's wrapped line is on that item ("- Experience with Cursor\n
    and Claude Code, with exposure to Aider")."""
    start = text.rfind("\n", 0, pos) + 1
    for _ in range(4):
        if _LINE_BULLET.match(text, start):
            break
        first = text[start : start + 1]
        if not start or not (first.isspace() or first.islower()):
            return False
        start = text.rfind("\n", 0, start - 1) + 1
    else:
        return False
    for _ in range(40):
        if start == 0:
            return False
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if line.strip() and not _LINE_BULLET.match(line):
            if len(line) <= 80 and _ASKS_HEADING.match(line.strip(" \t:")):
                return True
            if not (line[:1].isspace() or line[:1].islower()):
                return False  # (else an item's wrapped line: "such as C, C++, or Python.")
        start = above
    return False


_SPACED_DASH = re.compile(r"[^\S\n][—–-]{1,2}[^\S\n]")


# a degree, diploma or certificate still being studied for, on one line: "MSc Data Science,
# University of X — in progress (2024-2026)", "Diploma in Health Data Science (in progress)"
_QUALIFICATION = re.compile(
    r"\b(?:B\.?Sc|M\.?Sc|MA|BA|MBA|MEng|BEng|Ph\.?D|Bachelor|Master|Diploma|Certificate|"
    r"Certification|Nanodegree|Bootcamp|Degree"
    # (a course or an exam: "Azure Fundamentals - in progress", "Snowflake course - in progress")
    r"|Fundamentals|Course|MOOC|Speciali[sz]ation|Associate|Practitioner|Exam)\b",
    re.I,
)
_IN_PROGRESS_END = re.compile(
    r"(?:[(—–-]|,)[^\S\n]*in[^\S\n]+progress[^\S\n]*(?:\)[^\S\n]*)?(?:\(?[\d–/ -]{4,11}\)?)?"
    r"[^\S\n]*\.?[^\S\n]*$",
    re.I | re.M,
)


_PROGRESS = re.compile("progress", re.I)


def _studied(text: str, found, decided: dict[int, tuple[str, str]]) -> None:
    """The skills on a line that names a qualification and ends "in progress" (learning)."""
    starts = [s for s, _, _ in found]
    eol = 0
    while (word := _PROGRESS.search(text, eol)) is not None:
        eol = text.find("\n", word.end())
        eol = len(text) if eol < 0 else eol
        end = _IN_PROGRESS_END.search(text, max(0, word.start() - 12), eol)
        if end is None:
            continue
        line = text.rfind("\n", 0, end.start()) + 1
        # (the line's last sentence or item: "BSc Statistics (2019). MSc ML - in progress",
        # "SQL • Git • MSc Data Science (in progress)")
        line = max(line, *(text.rfind(mark, line, end.start()) + 1
                           for mark in (". ", "; ", "•", "|")))
        if _QUALIFICATION.search(text, line, end.start()) is None:
            continue
        for i in range(bisect_left(starts, line), bisect_left(starts, end.start())):
            decided.setdefault(i, (LEARNING, "in progress"))


def _bracket_close(text: str, e: int, anchors) -> int:
    """Where the bracket closes that a list ends in, right after a mention that ends at
    ``e`` or after the rest of the list (:data:`_BRACKET_TAIL`, with no cue word in it);
    else -1."""
    if text.startswith(")", e):
        return e
    tail = _BRACKET_TAIL.match(text, e)
    if tail is None or any(e <= start < tail.end() for start, _, _ in anchors):
        return -1
    return tail.end() - 1


def _bracket_list(text: str, found, i: int) -> list[int]:
    """The other mentions of the bracket that closes after mention ``i`` on its line (and
    after the rest of its list, if any: :func:`_bracket_close`), and the one just before
    the bracket ("Cloud (AWS, GCP)"), if the bracket holds only a list of them."""
    line = text.rfind("\n", 0, found[i][0]) + 1
    opening = text.rfind("(", line, found[i][0])
    if opening < 0 or ")" in text[opening : found[i][0]]:
        return []
    out: list[int] = []
    for j in range(i - 1, -1, -1):
        if found[j][0] < opening:
            break
        if not _list_gap_ok(text[found[j][1] : found[j + 1][0]]):
            return []
        out.append(j)
    first = out[-1] if out else i
    if not all(w in _GLUE for w in _words(text[opening + 1 : found[first][0]])):
        return []  # "(we use Prometheus)"
    if first and not text[found[first - 1][1] : opening].strip():
        out.append(first - 1)
    return out


# A label's later note that denies it, after a first note that says something else: "jax —
# curious, never tried", "Spark: I'd like to, never had the chance", "Python: nice-to-have;
# I have none"; a note of study before it makes it learning ("Spark: studied it in a
# course, never used it").
_NOTED_LABEL_LEAD = re.compile(_LEAD_START.replace("[.!?]", "[.!?;]", 1) + r"\Z")
_LABEL_SEP_AT = re.compile(r"[^\S\n]*(?::|[—–]|--?(?=[^\S\n])|\.{2,}|…)")
_STUDIED = re.compile(
    r"\b(?:courses?|studied|study|studying|self-study|tutorials?|bootcamp|mooc|classes"
    r"|class|learning|learned|learnt|exercises?|online|udemy|coursera|kaggle|reading|books?"
    r"|seminars?|lectures?|theory|theoretical)\b",
    re.I,
)


# a skill left unused for a while, which the writer had
_LAPSED = re.compile(r"\b(?:since|anymore|any\s+more|in\s+(?:years|a\s+while|ages)"
                     r"|for\s+(?:years|a\s+while|ages))\b", re.I)
_LATER_BUT = re.compile(r"(?<=\S)[^\S\n]+(?:but|though)(?=[^\S\n])", re.I)


def _later_notes(text: str, anchors, found, decided: dict) -> None:
    """Decide the skills that open a label and that a later note of the label denies."""
    starts, ends, _ = zip(*found, strict=True)
    for start, _, word in anchors:
        if word not in _ATTACHED_WORDS:
            continue
        line = text.rfind("\n", 0, start) + 1
        # the note's start: after a comma, a semicolon or "but" ("jax — curious but never
        # tried")
        p = max(text.rfind(",", line, start), text.rfind(";", line, start))
        after = p + 1
        if (but := _LATER_BUT.search(text, max(line, start - 24), start)) and but.start() > p:
            p, after = but.start(), but.end()
        if p < 0 or start - p > 24:  # (the cue word may follow the note's subject)
            continue
        i = bisect_left(starts, p) - 1  # (no other skill between the label and the note)
        if i < 0 or ends[i] >= p or i in decided or not _NOTED_LABEL_LEAD.search(
            text, max(0, starts[i] - 12), starts[i]
        ):
            continue
        sep = _LABEL_SEP_AT.match(text, ends[i]) or (  # "NoSQL stores: read about ..."
            (q := _qualifier(text, found, i)) and _LABEL_SEP_AT.match(text, q) or None)
        if sep is None or sep.end() >= p or (
            _SENTENCE_END.search(text, sep.end(), p)  # "Tableau - expert. Power BI - none, ..."
        ) or _in_note(text, p):  # "Vector databases: ..., Weaviate (read the docs, haven't"
            continue
        eol = text.find("\n", p)
        note = ":" + text[after : len(text) if eol < 0 else eol]
        m = _ATTACHED.match(note)
        if m is None or not _ATTACHED_CLOSE.match(note, m.end()) or (
            i + 1 < len(starts) and starts[i + 1] < after - 1 + m.end()  # (a skill in the note)
        ):
            continue
        studied = _STUDIED.search(text, sep.end(), p)
        if not studied and _LAPSED.search(note, m.start(), m.end() + 40):
            continue  # a skill the writer had: "SAS: used for five years but hasn't touched
            # it since 2021" (not "took an online workshop; haven't touched it since")
        status = LEARNING if m.group("learn") or m.group("learn2") or studied else NEGATED
        decided[i] = (status, " ".join(note[1 : m.end()].split()))


# a denial of a skill past its basics: the basics are held, the rest to learn ("skills i
# dont have: python, statistics beyond the basics", "What I lack: Python beyond basics")
_BEYOND_BASICS = re.compile(
    r"[^\S\n]+beyond[^\S\n]+(?:the[^\S\n]+)?(?:basics|fundamentals|basic\s+\w+)\b", re.I)


def _past_basics(text: str, m: re.Match, ends) -> bool:
    """Whether cue ``m`` is the basics that a skill's name just before it goes beyond."""
    i = bisect_left(ends, m.start()) - 1
    return i >= 0 and (b := _BEYOND_BASICS.match(text, ends[i])) is not None and (
        b.end() >= m.end())


def _beyond_basics(text: str, found, decided: dict) -> None:
    """Read as learning a denied skill named with "beyond the basics" after it."""
    for i, (status, cue) in list(decided.items()):
        if status == NEGATED and (m := _BEYOND_BASICS.match(text, found[i][1])):
            decided[i] = (LEARNING, f"{cue} … {' '.join(m.group().split())}")


# A denial that the writer turns round in the same sentence: "I don't know Scala yet but I
# am learning it now", "No Kubernetes experience yet, but I'm taking a course" (the skill is
# being learned; not when the course names a skill: "..., but I'm learning PyTorch")
_BUT_LEARNING_WORD = re.compile(r"\b(?:but|though|although)\b", re.I)
_BUT_LEARNING = re.compile(
    r"(?:but|though|although)[^\S\n]+"
    r"(?:(?:i|we|he|she|they)(?:['’](?:m|re|s)|[^\S\n]+(?:am|are|is))?[^\S\n]+)?"
    r"(?:(?:now|currently|already|actively)[^\S\n]+)?"
    r"(?:(?P<it>learning|studying)(?:[^\S\n]+(?:it|them|that|this))?"
    r"|(?:taking|doing|following|enrolled\s+in|working\s+through|signed\s+up\s+for)"
    r"[^\S\n]+(?:(?:a|an|the|their|our|my|some|one|this)[^\S\n]+)?"
    r"(?:[\w'’-]+[^\S\n]+){0,3}?(?:" + _COURSE + r"|guides?)"
    # (not a course that names its subject, "a course in Cypher", or is still to start:
    # "an evening course that starts next month")
    r"(?![^\S\n]+(?:in|about|covering)\b)(?![^.!?\n]*\b(?:starts?|begins?)\b))\b",
    re.I,
)


def _but_learning(text: str, found, starts, decided: dict) -> None:
    """Read as learning the denied mentions of a sentence that goes on with the writer
    learning them (:data:`_BUT_LEARNING`); ``starts`` are those of ``found``."""
    for i in sorted(decided):
        if decided[i][0] != NEGATED:
            continue
        start, end, _ = found[i]
        stop = _SENTENCE_END.search(text, end, end + 300)
        stop = min(len(text), end + 300) if stop is None else stop.start()
        turn = _BUT_LEARNING_WORD.search(text, end, stop)
        m = None if turn is None else _BUT_LEARNING.match(text, turn.start())
        if m is None:
            continue
        # (every other skill up to the sentence's end denied with it: not "I don't know
        # Java, but I'm learning PyTorch"; a course is on the one skill the sentence
        # denies: not "I've never built a dashboard in Power BI and I don't know Python,
        # but I'm doing the PL-300 course")
        after = range(i + 1, bisect_left(starts, stop))
        if any(decided.get(j, ("",))[0] != NEGATED for j in after):
            continue
        if m.group("it") is None:
            opened = max((e.end() for e in _SENTENCE_END.finditer(text, max(0, start - 300),
                                                                   start)), default=0)
            if bisect_left(starts, turn.start()) - bisect_left(starts, opened) > 1:
                continue
        decided[i] = (LEARNING, " ".join(text[turn.start() : m.end()].split()))


def _in_note(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a bracket opened at most 60 characters before, on its line."""
    opened = text.rfind("(", max(0, pos - 60), pos)
    return opened >= 0 and text.find(")", opened, pos) < 0 and "\n" not in text[opened:pos]


def _covered_between(start: int, end: int, starts: tuple[int, ...]) -> bool:
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


# A denial reaches across "or" and a second verb of use to the skill it takes: "I've never
# used Docker or deployed anything on Kubernetes", "I haven't written Scala or used Spark"
# (one word besides the bridge words: "or built a dashboard in Tableau")
_OR_VERBS = frozenset(
    """used use worked work written wrote write touched touch tried try deployed deploy built
    build done do coded code programmed program configured configure implemented implement
    installed install run ran managed manage trained train maintained maintain shipped ship
    set played play dabbled dabble learned learnt learn studied study seen see known know
    operated operate tuned tune queried query developed develop administered administer
    """.split()
)


_OR_VERB = re.compile(r"[\s,]*(?:or|nor)\s+([\w'’]+)", re.I)


def _or_verb(gap: str) -> bool:
    """Whether ``gap`` is "or" (or "nor") and a verb of use, then bridge words."""
    m = _OR_VERB.match(gap)
    return m is not None and m.group(1).lower() in _OR_VERBS and _gap_ok(gap, m.end(), len(gap), 1)


def _list_gap_ok(gap: str, steps: bool = False) -> bool:
    """Two skills are one list: nothing between them, or a connector and glue words
    (a note in brackets, "(beginner)", "(2 years)", is skipped). With ``steps``, also the
    steps of a plan: "dbt this quarter, then Airflow", "Python (weeks 1-8), then SQL"."""
    gap = _NOTE.sub(" ", _after_version(gap))
    words = _words(gap)
    if not words:
        return True
    if steps and "then" in words:
        return all(w in _GLUE or w in _STEPS for w in words)
    if any(w in _CONNECTORS or w in "(:" for w in words) and all(w in _GLUE for w in words):
        return True
    return _names_between(gap)  # "Spark, Zorblax and Airflow": a name it does not know


# between the steps of a plan: "then", and when ("this quarter", "next month")
_STEPS = frozenset(
    """then next later after that afterwards this quarter month week year term semester
    half summer spring autumn fall winter""".split()
)


def _before_attached(text: str, anchors, ends: tuple[int, ...]) -> set[int]:
    """Mentions that end at most 16 characters before a word that can be an attached cue,
    or up to 80 with only leader dots between ("Docker ........ 0"), a label's qualifier
    (:data:`_QUALIFIER`) or a question mark and spaces ("Core ML?      -> No")."""
    out = set()
    for start, _, word in anchors:
        if word in _ATTACHED_WORDS:
            i = bisect_left(ends, start + 1) - 1
            if i >= 0 and (start - ends[i] <= 16 or start - ends[i] <= 80 and (
                _LEADER.fullmatch(text, ends[i], start) or _QUALIFIER.match(text, ends[i])
                or _ASKED_LEADER.fullmatch(text, ends[i], start)
                or _FORM_NOTED.match(text, ends[i])
                or _BRACKET_NOTE.fullmatch(text, ends[i], start)
            )):
                out.add(i)
    return out


# the words that are not a label's noun: a verb, a conjunction, a pronoun, a denial
_NOT_FILLER = (
    r"(?:is|are|was|were|be|been|has|have|had|do|does|did|and|or|nor|but|the|not|no|can"
    r"|could|will|would|should|may|might|must|only|also|still|you|she|they|this|that"
    r"|which|who|its|our|your|their|his|her|never|none|etc)\b"
)
# a noun or two in lower case after a skill asked about alone: "Interviewer: Multi-agent
# setups?", "Q: Spark jobs?" (as a label's noun: _QUALIFIER)
_ASKED_NOUN = re.compile(
    r"(?-i:[^\S\n]+(?!" + _NOT_FILLER + r")[a-z][a-z-]{2,15}(?:[^\S\n]+(?!" + _NOT_FILLER
    + r")[a-z][a-z-]{2,15})?)(?=[^\w\n]*\Z)"
)
# where a skill opens a label, what it is used on or for before the label's separator (a
# colon, a spaced dash or leader dots): "Edge deployment on Jetson devices: no", "- Spark
# in production -- never" (_qualifier)
_QUALIFIER = re.compile(
    r"[^\S\n]+(?:(?:on|in|at|with|for|via|using|inside|from)[^\S\n]+[^\W\d_]"
    r"[^\n:|?!,;.()\[\]]{0,38}?"
    # or a noun or two in lower case, what of the skill the label is about: "Spark jobs:
    # never written one", "NoSQL document stores: read about them, haven't used", "ML
    # experience level: beginner" (a part in progress is work: "Kafka migration — in
    # progress" is held, _PART_STATE)
    r"|(?P<noun>(?-i:(?!" + _NOT_FILLER + r")[a-z][a-z-]{2,15}(?:[^\S\n]+(?!" + _NOT_FILLER
    + r")[a-z][a-z-]{2,15})?)))"
    r"(?=[^\S\n]*(?::|[^\S\n][—–-]{1,2}[^\S\n]|\.{2,}))",
    re.I,
)
# what may open a line before a label's skill (a bullet or number: _LINE_BULLET), and
# before a question of a list alone (or an asker's label)
_LABEL_OPEN = re.compile(rf"(?:{_LINE_BULLET.pattern})?[^\S\n]*")
_ASKED_ALONE = re.compile(
    rf"(?:{_LINE_BULLET.pattern}|[^\S\n]*(?:{_SPEAKER}:|Q\d*[.:)]))?[^\S\n]*"
)


def _qualifier(text: str, found, i: int) -> int:
    """Where the separator after mention ``i``'s qualifier (:data:`_QUALIFIER`) starts, if
    the mention opens its line (after a bullet, if any) and no other mention is in the
    qualifier; else 0."""
    start, end, _ = found[i]
    q = _QUALIFIER.match(text, end)
    if q is None or (i + 1 < len(found) and found[i + 1][0] < q.end()):
        return 0
    line_start = text.rfind("\n", 0, start) + 1
    return q.end() if _LABEL_OPEN.fullmatch(text, line_start, start) else 0


# the state of a piece of work, not of a skill: "Kafka migration — in progress" (_noun_label)
_PART_STATE = re.compile(r"in\s+progress|ongoing|(?:just\s+)?start", re.I)


def _noun_label(text: str, end: int) -> bool:
    """Whether the label that a mention ending at ``end`` opens names a part of the skill
    (:data:`_QUALIFIER`'s noun: "Spark jobs: none")."""
    q = _QUALIFIER.match(text, end)
    return q is not None and q.group("noun") is not None


# The rest of a list in brackets after its last skill: items rolefit does not know, or
# its open end ("(model deployment, monitoring)", "(Kafka, Flink, and friends)", "(CNNs,
# transformers, etc.)"); an item is a word or three, none a verb, pronoun or denial.
_BRACKET_WORD = (
    r"(?!" + _NOT_FILLER + r"|(?:i|we|my|me|us|he|him|used?|using)\b)[^\W\d_][\w+#./&'’-]*"
)
_BRACKET_TAIL = re.compile(
    r"(?:(?:[^\S\n]*[,/][^\S\n]*|[^\S\n]+(?=and|or|&))(?:(?:and|or|&)[^\S\n]+)?"
    r"(?:etc\.?|…|\.{3}|" + _BRACKET_WORD
    + r"(?:[^\S\n]+" + _BRACKET_WORD + r"){0,2}))+[^\S\n]*\)",
    re.I,
)
# the rest of a list in brackets, then a label's separator: "(A/B testing, survey
# design) - no experience"
_BRACKET_NOTE = re.compile(_BRACKET_TAIL.pattern + r"[^\S\n]*(?::|[—–-]{1,2})?[^\S\n]*", re.I)

_LEADER = re.compile(r"[ .…\t:]*(?:level[ \t]*)?", re.I)  # "Docker ........ Level 0"
# a question's answer after a run of spaces: "Are you familiar with Core ML?       -> No"
_ASKED_LEADER = re.compile(r"\?[ \t]*(?:(?:" + _ARROW + r"|-{1,2}|–|—)[ \t]*)?")
_OPENER = re.compile(r"[(:?,\-–—]\s*$")


def _attached_form(text: str, m: re.Match) -> bool:
    """Whether cue ``m`` stands as a note on the item before it, as the attached cues do
    ("English (native), French (basic)", "Kafka: none"): an opening bracket, colon, dash,
    comma or question mark before it, and the note's end after it."""
    return bool(
        _OPENER.search(text, max(0, m.start() - 4), m.start())
        and _ATTACHED_CLOSE.match(text, m.end())
    )


# (in any case: "kafka i have never touched", "SCALA I HAVE NEVER TOUCHED")
_I_BEFORE = re.compile(
    r"\b(?:I(?:\s+(?:do|have|am)|['’](?:ve|m))?|we(?:\s+(?:do|have|are)|['’](?:ve|re))?)"
    r"(?:\s+(?:still|just|only|currently))?"
    r"(?:\s+getting\s+my|\s+know|\s+understand)?\s+$",
    re.I,
)
_TEACHING = frozenset(
    """taught teach teaches teaching led lead leads ran run runs delivered deliver designed
    created create wrote write writes authored built build developed develop organised
    organized organise organize hosted host mentored mentor gave give giving presented
    published maintain maintained""".split()
)
_OTHERS_VERBS = frozenset({"were", "are", "had", "have"})
_ME_AFTER = re.compile(r"\s(?:me|us)\b", re.I)
_TEACHING_NEAR = re.compile(rf"\b(?:{'|'.join(sorted(_TEACHING))})\b", re.I)

_ANYMORE = re.compile(r"\s+(?:any\s?more|any\s+longer)\b", re.I)
_I_SUBJECT = re.compile(r"\bI\s+(?:\w+\s+)?\Z", re.I)
_OTHERS_LEARN = re.compile(
    r"\b(?:anyone|anybody|someone|somebody|everyone|everybody|whoever|folks|people)"
    r"(?:\s+(?:who|that))?\s+(?:wants?|wanting|needs?|needing|willing|interested|looking|hoping"
    r"|keen|eager|is|are)(?:\s+[\w'’]+)?\s+\Z",
    re.I,
)
# (one look for the words the rules of _not_own need, before any of them runs)
_OWN_NEAR = re.compile(
    r"\b(?:who|anyone|anybody|someone|somebody|everyone|everybody|whoever|folks|people"
    r"|nothing|nobody|no\s+one|single|remember|not\s+that)\b",
    re.I,
)
_DOUBLE_BEFORE = re.compile(
    r"\b(?:nothing|nobody|no\s+one|not\s+that)\b|(?:\bnot|n['’]t)\s+(?:a\s+single"
    r"|remember\s+a\s+(?:single\s+)?(?:day|week|month|year|time|project))\b",
    re.I,
)
_SINGLE_AFTER = re.compile(r"\s+a\s+single\b", re.I)
_I_DIDNT = re.compile(
    r"\b(?:that|which|where)\s+(?:I|we)\s+(?:didn['’]?t|haven['’]?t|don['’]?t|did\s+not"
    r"|have\s+not|never)\b",
    re.I,
)
_WOULD = re.compile(
    r"\b(?:we|I|you|they|it)(?:['’]d|\s+(?:would|can['’]?t|cannot|couldn['’]?t))\b|\bwould\b", re.I
)
_KNOWING_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_KNOWING))})\b", re.I)  # (_KNOWING)
_EVEN_BEFORE = re.compile(r"\beven[^\S\n]+\Z", re.I)
_CONCEDING = re.compile(r"\b(?:still|nonetheless|anyway)\b", re.I)
_DOUBLE_NEGATIVE = re.compile(r"\b(?:nothing|never|no|not|none|nobody)\b|n['’]t\b", re.I)


def _own_subject(text: str, start: int) -> int | None:
    """Where the cue's subject or verb starts right before ``start`` ("Rust I don't",
    "Spark makes no sense"), else None."""
    if text.endswith(("makes ", "make "), 0, start):  # "Spark makes no sense to me"
        return text.rfind("make", 0, start)
    m = _I_BEFORE.search(text, max(0, start - 32), start)
    return m.start() if m else None


def _not_own(text: str, m: re.Match, clauses: _Clauses) -> bool:
    """Whether cue ``m`` is not about the writer's own skill: others' state ("analysts who
    had never used SQL", "students who are learning R"), something the writer made or
    taught ("taught a course on Spark", "wrote a beginner guide to Docker"), or a double
    negative ("nothing ships without tests in pytest")."""
    lo = max(0, m.start() - 60)
    learn = m.lastgroup in ("learn", "learnafter")
    if learn and _ME_AFTER.search(m.group(m.lastgroup)):
        return False  # the writer taught: "my mentor is teaching me Kubernetes"
    neg = m.lastgroup == "neg"
    if not (
        _OWN_NEAR.search(text, lo, m.end() + 10)
        or (learn and _TEACHING_NEAR.search(text, lo, m.start()))
        or m.group(m.lastgroup)[:7].lower() == "without"
    ):
        return False  # (most cues: none of the words these rules look for is near)
    start = clauses.start(m.start(), lo)
    if learn and _OTHERS_LEARN.search(text, start, m.start()):
        return True  # "if anyone wants to learn Snowflake, I'm running a session"
    if neg and (
        # "nothing I can't do in Excel" (not across a colon: "SQL and nothing else: no R")
        _DOUBLE_BEFORE.search(text, max(start, text.rfind(":", start, m.start()) + 1), m.start())
        or _SINGLE_AFTER.match(text, m.end())  # "isn't a single playbook that I didn't write"
        and _I_DIDNT.search(text, m.end(), clauses.end(m.end(), min(len(text), m.end() + 200)))
    ):
        return True
    before = [w.lower() for w in _WORDS.findall(text, start, m.start())][-4:]
    if "who" in before[-3:] and _OTHERS_VERBS.intersection(before[-2:]):
        return True
    if learn and _TEACHING.intersection(before):
        return True
    if not m.group(m.lastgroup).lower().startswith("without"):
        return False
    if (would := _WOULD.search(
        text, m.end(), clauses.end(m.end(), min(len(text), m.end() + 80))
    )) and not (
        # a lack the writer concedes: "Without any Go experience, I'd still like to
        # apply", "Even without Scala experience I'd ramp up quickly"
        _KNOWING_WORD.search(text, m.end(), would.start()) and (
            _EVEN_BEFORE.search(text, max(0, m.start() - 8), m.start())
            or _CONCEDING.search(text, would.end(), min(len(text), would.end() + 24))
        )
    ):
        return True  # "without Airflow we'd be lost": a condition, not a lack
    return _DOUBLE_NEGATIVE.search(text, start, m.start()) is not None


def _covered(start: int, end: int, starts: tuple[int, ...], ends: tuple[int, ...]) -> bool:
    """Whether ``[start, end)`` lies inside one mention ("learning" in "machine learning")."""
    i = bisect_left(starts, start + 1) - 1
    return i >= 0 and starts[i] <= start and ends[i] >= end


def _learning_verb_ok(text: str, m: re.Match, starts: tuple[int, ...], clauses: _Clauses) -> bool:
    """A bare ``learning`` cue must read as a verb: at the start of its clause, after one
    of ``_LEARNING_LEADS`` ("I'm learning", "currently learning") or right before a skill
    ("engineer learning TensorFlow")."""
    if m.group("learn").lower() != "learning":
        return True
    # the word right before the cue, unless punctuation or a clause boundary comes first
    word = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
    last = None
    if word is not None and not (word.group(1)[-1] == "." or _starts_clause(text, word)):
        last = word.group(1).lower().rstrip(".") or word.group(1)
    if last in ("keep", "keeps", "kept", "continue", "continues", "stop"):
        return False  # "keep learning SQL tricks": learning more of a held skill
    if last in ("were", "are"):
        start = clauses.start(m.start(), max(0, m.start() - 40))
        if any(w.lower() == "who" for w in _WORDS.findall(text, start, m.start())[-3:]):
            return False  # "mentored analysts who were learning SQL": others learn
    nxt = _SPACE_RUN.match(text, m.end()).end()
    i = bisect_left(starts, nxt)
    if i < len(starts) and starts[i] == nxt:
        return True
    if last is None:
        return True  # start of the clause, or after punctuation
    return last in _LEARNING_LEADS
