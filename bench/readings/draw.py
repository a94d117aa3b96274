"""Draw the "first readings" samples (A, B and C) of documents to hand-label.

Run from the repository root:  python3 bench/readings/draw.py [--list] [--sample C]

The samples are drawn from ../shared/data/corpora/ (or $GRAPHKIT_DATA/corpora/);
nothing is copied into the repository. The draw is deterministic: for each corpus
the eligible files are sorted by path and ``random.Random(SEED).sample`` picks
from them (one fresh generator per corpus, so the corpora do not interact).
Sample A uses seed 1601; sample B seed 1602, drawn from the eligible files that
A did not take; sample C seed 1603, drawn from the eligible files that neither A
nor B took (same eligibility rules).

Eligibility
-----------
kremlin_news_2021_2022/*.md (README* skipped), whitehouse_readouts_2021_2023/*.md
(README*/LICENSE* skipped):

* Files read by earlier sessions are excluded: position p in the sorted list of
  the corpus's .md files (README/LICENSE not counted) with p % 35 in
  {7, 8, 14, 15, 20, 21, 22} (every 35th file from 8, 15, 21, 22, counted both
  0-based and 1-based, so either reading of the earlier rule is covered). The
  rule is applied to both corpora.
* Foreign-party rule on the front-matter title (case-insensitive unless noted):
  the title contains
    - a foreign state's name, alias or adjective (for the Kremlin corpus also
      its capital) from graphkit/data/states.csv, as a whole word (Russia is
      not foreign for the Kremlin corpus, the United States not for the
      readouts; "Georgia" and "Jordan" are not used for the readouts, where
      they mostly name a US state or a person);
    - or an organisation's name or alias from graphkit/data/organisations.csv
      (aliases of 4 characters or fewer match case-sensitively: "UN", "EU",
      "CSTO"); aliases that also name national bodies ("Security Council",
      "General Assembly") are not used: Russia has a Security Council;
    - or a whole-word phrase of KEYWORDS (Kremlin: talks, telephone
      conversations, summits, letters of credence, kings/emirs, the Union
      State, the Supreme Eurasian Economic Council, treaties) or of
      READOUT_KEYWORDS (readouts: prime ministers, chancellors, kings and
      other foreign office titles, foreign dignitaries, Politburo, allies,
      European/Baltic/Caribbean/transatlantic leaders, Central America).
  Titles of domestic items (greetings to Russian staff, meetings with
  ministers, US domestic meetings) contain none of these and are left out.
  The rule is crude on purpose: a few domestic items pass it (a telephone
  conversation with a Russian citizen); they are labelled like any other
  document (a single NONE row when they state no relation).
  The rule was fixed (word boundaries, no "visit", no "Security Council")
  after a first trial draw whose titles showed domestic items; no document of
  any draw was read before the rule was final.

un_general_debate_2010_2024/Session */*.txt: every speech except those of
sessions 66, 69 and 70 (read by earlier sessions). No title rule (every speech
is about foreign relations).

Sizes per sample: 14 Kremlin items, 10 readouts, 4 UN speeches for A and B;
14 Kremlin items, 10 readouts, 2 UN speeches for C.

``--sample C`` prints only that sample's documents (one path a line, relative
to the corpora folder).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("GRAPHKIT_DATA", ROOT.parent / "shared" / "data"))
CORPORA = DATA / "corpora"
KREMLIN = "kremlin_news_2021_2022"
READOUTS = "whitehouse_readouts_2021_2023"
UNGD = "un_general_debate_2010_2024"

SEEDS = {"A": 1601, "B": 1602, "C": 1603}
SIZES = {KREMLIN: 14, READOUTS: 10, UNGD: 4}
#: per-sample sizes; samples are drawn in this order, each from what earlier ones left
SAMPLE_SIZES = {"A": SIZES, "B": SIZES, "C": {KREMLIN: 14, READOUTS: 10, UNGD: 2}}
EXCLUDED_MOD35 = {7, 8, 14, 15, 20, 21, 22}
EXCLUDED_SESSIONS = {66, 69, 70}

KEYWORDS = ("telephone conversation", "talks", "summit", "letters of credence",
            "foreign ambassadors", "crown prince", "king", "emir", "sultan", "foreign leaders",
            "union state", "supreme eurasian economic council", "treaty")
READOUT_KEYWORDS = ("prime minister", "chancellor", "king", "emir", "amir", "crown prince",
                    "sultan", "taoiseach", "secretary general", "secretary-general",
                    "general secretary", "foreign minister", "foreign dignitaries",
                    "president-elect", "his holiness", "pope", "summit with", "leaders' summit",
                    "politburo", "allies", "european", "transatlantic", "baltic",
                    "caribbean", "central america", "east asia summit",
                    "major economies forum")

#: organisation aliases left out of the title rule: they also name national bodies
AMBIGUOUS_ALIASES = ("Security Council", "the Security Council", "General Assembly",
                     "the General Assembly", "Human Rights Council", "the Human Rights Council")


def _front_title(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:  # a plain reading of the title line is enough for the rule
        yaml = None
    if yaml is not None and text.startswith("---"):
        meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        return re.sub(r"[\s\u2060]+", " ", str(meta.get("title", ""))).strip()
    if not text.startswith("---"):
        return ""
    head = text.split("---", 2)[1]
    lines = head.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("title:"):
            value = line[len("title:"):].strip()
            # folded continuation lines (indented) belong to the title
            for more in lines[i + 1:]:
                if more.startswith((" ", "\t")):
                    value += " " + more.strip()
                else:
                    break
            value = value.strip("'\"").replace("\\_", " ").replace("\\ ", " ")
            value = re.sub(r"\\\s*", "", value)
            return re.sub(r"\s+", " ", value)
    return ""


def _registry_words(home: str) -> tuple[list[str], list[str]]:
    """(case-insensitive words, case-sensitive words) naming foreign parties."""
    data = ROOT / "graphkit" / "data"
    loose, strict = [], []
    skip_words = {"georgia", "jordan"} if home == "USA" else set()
    # aliases that also name a national body (Russia's Security Council) are not used
    skip_words |= {a.lower() for a in AMBIGUOUS_ALIASES}
    with open(data / "states.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["id"] == home:
                continue
            cols = ("name", "aliases", "adjectives") + (("capitals",) if home == "RUS" else ())
            for col in cols:
                for w in (row[col] or "").split(";"):
                    w = w.strip()
                    if w and w.lower() not in skip_words:
                        loose.append(w)
    with open(data / "organisations.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for w in [row["name"]] + (row["aliases"] or "").split(";"):
                w = w.strip()
                if not w or w.lower() in skip_words:
                    continue
                (strict if len(w) <= 4 else loose).append(w)
    return loose, strict


def _title_matcher(home: str, keywords: tuple[str, ...]):
    loose, strict = _registry_words(home)
    loose_re = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, set(loose)),
                                                          key=len, reverse=True))
                          + r")(?![\w])", re.I)
    strict_re = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, set(strict)),
                                                           key=len, reverse=True))
                           + r")(?![\w])")

    key_re = re.compile(r"\b(" + "|".join(map(re.escape, keywords)) + r")\b", re.I)

    def foreign(title: str) -> bool:
        return (bool(key_re.search(title)) or bool(loose_re.search(title))
                or bool(strict_re.search(title)))
    return foreign


def eligible_md(corpus: str, home: str, keywords) -> list[Path]:
    folder = CORPORA / corpus
    files = sorted(p for p in folder.glob("*.md")
                   if not p.name.upper().startswith(("README", "LICENSE")))
    foreign = _title_matcher(home, keywords)
    out = []
    for pos, p in enumerate(files):
        if pos % 35 in EXCLUDED_MOD35:
            continue
        if foreign(_front_title(p)):
            out.append(p)
    return out


def eligible_un() -> list[Path]:
    out = []
    for folder in sorted((CORPORA / UNGD).glob("Session *")):
        session = int(folder.name.split()[1])
        if session in EXCLUDED_SESSIONS:
            continue
        out.extend(sorted(folder.glob("*.txt")))
    return sorted(out)


def draw() -> dict[str, list[str]]:
    pools = {KREMLIN: eligible_md(KREMLIN, "RUS", KEYWORDS),
             READOUTS: eligible_md(READOUTS, "USA", READOUT_KEYWORDS),
             UNGD: eligible_un()}
    samples: dict[str, list[str]] = {}
    taken: set[Path] = set()
    for name, sizes in SAMPLE_SIZES.items():
        docs = []
        for corpus in (KREMLIN, READOUTS, UNGD):
            pool = sorted(p for p in pools[corpus] if p not in taken)
            picked = random.Random(SEEDS[name]).sample(pool, sizes[corpus])
            taken.update(picked)
            docs.extend(sorted(str(p.relative_to(CORPORA)) for p in picked))
        samples[name] = docs
    return samples, {k: len(v) for k, v in pools.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print the eligible pools' sizes")
    ap.add_argument("--sample", choices=sorted(SEEDS),
                    help="print only this sample's documents (paths, one a line)")
    args = ap.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"corpora not found at {CORPORA}; set GRAPHKIT_DATA", file=sys.stderr)
        return 1
    samples, pools = draw()
    if args.sample:
        for d in samples[args.sample]:
            print(d)
        return 0
    if args.list:
        for k, v in pools.items():
            print(f"# eligible {k}: {v}")
    for name, docs in samples.items():
        for d in docs:
            print(f"{name}\t{d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
