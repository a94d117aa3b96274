"""The sign of well-known relations in two runs of graphkit over the shared corpora.

Usage::

    graphkit run ../shared/data/corpora/whitehouse_readouts_2021_2023 -o /tmp/o-ro
    graphkit run ../shared/data/corpora/un_general_debate_2010_2024 -o /tmp/o-un
    python bench/readings/signs.py /tmp/o-ro /tmp/o-un > bench/readings/signs_<commit>.md

Counts, for each pair (both directions), the asserted cooperative and conflictual events
of ``events.csv`` and the events kept as not asserted, and compares the sign with the one
we expected (chosen before looking; "mixed" pairs are not scored).
"""
import sys

import pandas as pd
def load(d):
    ev = pd.read_csv(f"{d}/events.csv", dtype=str, keep_default_na=False)
    ev["polarity"] = ev.polarity.astype(int)
    ev["asserted"] = ev.modality.isin(["", "asserted"]) & (ev.negated.str.lower() != "true")
    return ev
def pair(ev, a, b, since=None):
    m = ((ev.source == a) & (ev.target == b)) | ((ev.source == b) & (ev.target == a))
    if since: m &= ev.date >= since
    e = ev[m]; s = e[e.asserted]
    return int((s.polarity > 0).sum()), int((s.polarity < 0).sum()), len(e) - len(s)
ro, un = load(sys.argv[1]), load(sys.argv[2])
cases = [("readouts", ro, "RUS", "USA", "2022-02-24", -1), ("readouts", ro, "RUS", "UKR", None, -1),
         ("readouts", ro, "USA", "UKR", None, 1), ("readouts", ro, "USA", "JPN", None, 1),
         ("readouts", ro, "USA", "IRN", None, -1), ("readouts", ro, "USA", "PRK", None, -1),
         ("readouts", ro, "USA", "CHN", None, 0), ("readouts", ro, "USA", "ISR", None, 1),
         ("readouts", ro, "USA", "GBR", None, 1), ("readouts", ro, "HAMAS", "ISR", None, -1),
         ("UN", un, "ISR", "PSE", None, -1), ("UN", un, "IND", "PAK", None, -1),
         ("UN", un, "ARM", "AZE", None, -1), ("UN", un, "RUS", "UKR", None, -1),
         ("UN", un, "RUS", "GEO", None, -1), ("UN", un, "GRC", "TUR", None, -1),
         ("UN", un, "CYP", "TUR", None, -1), ("UN", un, "SRB", "XKX", None, -1),
         ("UN", un, "PRK", "KOR", None, -1), ("UN", un, "SAU", "IRN", None, -1),
         ("UN", un, "ETH", "ERI", None, -1), ("UN", un, "USA", "CUB", None, -1)]
right = 0; rows = []
for corpus, ev, a, b, since, want in cases:
    c, k, other = pair(ev, a, b, since)
    got = (c > k) - (c < k)
    ok = (got == want) if want else None
    right += bool(ok)
    rows.append(f"| {corpus} | {a}-{b}{' since '+since if since else ''} | {c} | {k} | {other} | {'+' if want>0 else '-' if want<0 else 'mixed'} | {'right' if ok else 'wrong' if ok is not None else 'n/a'} |")
print("| corpus | pair | cooperative | conflictual | not asserted | expected | |\n|---|---|---|---|---|---|---|")
print("\n".join(rows)); print(f"right: {right} of {sum(1 for c in cases if c[-1])}")
