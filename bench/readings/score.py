"""Score graphkit's extractor on one hand-labelled "first readings" sample.

Run from the repository root, with graphkit installed (``pip install -e .``):

    python3 bench/readings/score.py bench/readings/sample_a.tsv

It runs ``graphkit.run`` over exactly the sample's documents (read from
``../shared/data/corpora/`` or ``$GRAPHKIT_DATA/corpora/``) into a temporary
folder, reads the ``events.csv`` it wrote, compares each document's events with
the labels, prints a per-document table and the aggregates, and writes
``bench/readings/results_<sample>_<commit>.json`` (``<commit>``: the last commit
that changed anything outside ``bench/readings/``, i.e. the code measured).

Definitions (per document; pairs are undirected, a party paired with itself and
the ``NONE`` row are ignored):

* an extracted event is **asserted** when its ``modality`` is empty or
  ``asserted`` and ``negated`` is not true; only asserted events count below;
* the predicted sign of a pair is the sign of the sum of its asserted events'
  ``polarity``;
* **central found**: the labelled central relation's pair is among the asserted
  pairs (only documents whose central label is ``asserted``; a central label
  that is ``future``, e.g. an announcement of talks, is scored under factuality);
  **with right sign**: and the predicted sign equals the label's sign;
* **other found**: share of the labelled asserted pairs other than the central
  pair that are among the asserted pairs; **with right sign**: the predicted sign
  is one of the signs the labels give that pair as asserted;
* **precision (strict)**: share of the asserted pairs that the labels list as
  asserted; **precision (lenient)**: share that the labels list with any modality;
* **factuality error**: share of the pairs labelled only as non-asserted
  (future, desired, conditional, negated, hypothetical, ...; no asserted label
  for that pair in the document) that the extractor asserts anyway (lower is
  better).

A figure is left out (null) for a document where its denominator is empty; the
aggregates are the median and mean over the documents where it is defined, with
their number ``n``. Aggregates are also given per corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("GRAPHKIT_DATA", ROOT.parent / "shared" / "data"))
CORPORA = DATA / "corpora"

METRICS = ("central_found", "central_found_sign", "other_found", "other_found_sign",
           "precision_strict", "precision_lenient", "factuality_error")
TRUE = {"true", "1", "yes", "t"}


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def read_labels(path: Path) -> tuple[str, dict]:
    """Sample name and {doc: [row, ...]} from a label TSV."""
    docs: dict[str, list] = {}
    sample = None
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            sample = sample or row["sample"]
            docs.setdefault(row["doc"], [])
            if row["source"] == "NONE":
                continue
            row["pair"] = frozenset((row["source"], row["target"]))
            row["sign"] = int(row["sign"])
            row["central"] = row["central"] == "1"
            docs[row["doc"]].append(row)
    return sample, docs


def run_extractor(doc_paths: list[Path], extractor: str = "rules.v1") -> tuple[dict, set]:
    """{file name: [event row, ...]} from one graphkit.run over the files with
    ``extractor``, and the modality values seen."""
    import graphkit
    names = [p.name for p in doc_paths]
    if len(set(names)) != len(names):
        raise SystemExit("two sample documents share a file name; doc ids would clash")
    events: dict[str, list] = defaultdict(list)
    modalities: set = set()
    with tempfile.TemporaryDirectory(prefix="readings-") as tmp:
        graphkit.run([str(p) for p in doc_paths], Path(tmp) / "out", extractor=extractor)
        with open(Path(tmp) / "out" / "events.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                events[row["doc_id"]].append(row)
                modalities.add(row.get("modality", ""))
    return events, modalities


def asserted_pairs(rows: list) -> dict:
    """{undirected pair: summed polarity} over the asserted events."""
    pol: dict = defaultdict(float)
    for r in rows:
        s, t = r.get("source", ""), r.get("target", "")
        if not s or not t or s == t:
            continue
        if (r.get("modality") or "").strip().lower() not in ("", "asserted"):
            continue
        if (r.get("negated") or "").strip().lower() in TRUE:
            continue
        try:
            p = float(r.get("polarity") or 0)
        except ValueError:
            p = 0.0
        pol[frozenset((s, t))] += p
    return dict(pol)


def score_document(labels: list, events: list) -> dict:
    pred = asserted_pairs(events)
    asserted_lab: dict = defaultdict(set)
    any_lab: set = set()
    for r in labels:
        any_lab.add(r["pair"])
        if r["modality"] == "asserted":
            asserted_lab[r["pair"]].add(r["sign"])
    out: dict = {"labelled_pairs": len(any_lab), "labelled_asserted_pairs": len(asserted_lab),
                 "extracted_events": len(events), "extracted_asserted_pairs": len(pred)}

    central = [r for r in labels if r["central"]]
    out["central_modality"] = central[0]["modality"] if central else None
    if central and central[0]["modality"] == "asserted":
        c = central[0]
        found = c["pair"] in pred
        out["central_found"] = float(found)
        out["central_found_sign"] = float(found and _sign(pred[c["pair"]]) == c["sign"])
    else:
        out["central_found"] = out["central_found_sign"] = None

    cpair = central[0]["pair"] if central else None
    others = {p: s for p, s in asserted_lab.items() if p != cpair}
    if others:
        hit = [p for p in others if p in pred]
        out["other_found"] = len(hit) / len(others)
        out["other_found_sign"] = sum(_sign(pred[p]) in others[p] for p in hit) / len(others)
    else:
        out["other_found"] = out["other_found_sign"] = None
    out["other_pairs"] = len(others)

    if pred:
        out["precision_strict"] = sum(p in asserted_lab for p in pred) / len(pred)
        out["precision_lenient"] = sum(p in any_lab for p in pred) / len(pred)
    else:
        out["precision_strict"] = out["precision_lenient"] = None

    nonasserted = {r["pair"] for r in labels if r["modality"] != "asserted"} - set(asserted_lab)
    out["nonasserted_only_pairs"] = len(nonasserted)
    out["factuality_error"] = (sum(p in pred for p in nonasserted) / len(nonasserted)
                               if nonasserted else None)
    return out


def aggregate(per_doc: dict) -> dict:
    agg = {}
    for m in METRICS:
        vals = [d[m] for d in per_doc.values() if d[m] is not None]
        agg[m] = {"n": len(vals),
                  "median": round(statistics.median(vals), 4) if vals else None,
                  "mean": round(statistics.fmean(vals), 4) if vals else None}
    return agg


def _git(*args) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def _fmt(x) -> str:
    return "   -" if x is None else f"{x:4.2f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", type=Path, help="a sample TSV (bench/readings/sample_a.tsv)")
    ap.add_argument("--out", type=Path, help="results JSON (default: next to the labels)")
    ap.add_argument("--extractor", default="rules.v1",
                    help="graphkit extractor to score (default rules.v1; e.g. rules+parse)")
    args = ap.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"corpora not found at {CORPORA}; set GRAPHKIT_DATA", file=sys.stderr)
        return 1
    sample, labels = read_labels(args.labels)
    paths = [CORPORA / d for d in labels]
    events, modalities = run_extractor(paths, args.extractor)

    per_doc = {}
    for doc, rows in labels.items():
        per_doc[doc] = score_document(rows, events.get(Path(doc).name, []))
        per_doc[doc]["corpus"] = doc.split("/", 1)[0]

    code_commit = _git("log", "-1", "--format=%h", "--", ".", ":!bench/readings")
    head = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--", "graphkit") != ""
    by_corpus = {c: aggregate({d: v for d, v in per_doc.items() if v["corpus"] == c})
                 for c in sorted({v["corpus"] for v in per_doc.values()})}
    result = {"sample": sample, "labels": str(args.labels), "extractor": args.extractor,
              "documents": len(per_doc),
              "code_commit": code_commit, "head": head, "graphkit_dirty": dirty,
              "extracted_modalities": sorted(modalities),
              "aggregate": aggregate(per_doc), "by_corpus": by_corpus, "per_document": per_doc}

    heads = ("central", "c.sign", "other", "o.sign", "prec", "prec.l", "fact.err")
    print(f"sample {sample}: {len(per_doc)} documents, {args.extractor} at {code_commit}"
          f"{' (dirty)' if dirty else ''}; extracted modalities {sorted(modalities)}")
    print(f"{'doc':<58} {'lab':>3} {'ext':>3} " + " ".join(f"{h:>8}" for h in heads))
    for doc, v in per_doc.items():
        name = doc.split("/", 1)[1][:58]
        print(f"{name:<58} {v['labelled_pairs']:>3} {v['extracted_asserted_pairs']:>3} "
              + " ".join(f"{_fmt(v[m]):>8}" for m in METRICS))
    for label, agg in [("ALL", result["aggregate"])] + list(by_corpus.items()):
        print(f"\n{label}")
        for m in METRICS:
            a = agg[m]
            print(f"  {m:<20} n={a['n']:>2}  median {_fmt(a['median'])}  mean {_fmt(a['mean'])}")

    suffix = "" if args.extractor in ("rules", "rules.v1") else f"_{args.extractor}"
    out = args.out or args.labels.parent / f"results_{sample.lower()}_{code_commit}{suffix}.json"
    out.write_text(json.dumps(result, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
