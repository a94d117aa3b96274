"""What a rule changes on a corpus: events with the rule on and switched off.

Usage::

    python bench/rule_effect.py RULE [RULE ...] [--corpus PATH] [--every N] [--limit N]

Runs the rules extractor over the documents of ``--corpus`` (default: the White House
readouts under ``../shared/data``; ``--every N`` takes every Nth file) twice, with the
named rules on and off, and prints the events only one of the runs has (``+``: the
rules add it, ``-``: the rules remove it). Use it to check a rule on text it was not
written from; read the lines, do not tune on them. The documents of the first-reading
samples (``bench/readings/sample_*.tsv``) are always left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT.parent / "shared" / "data" / "corpora" / "whitehouse_readouts_2021_2023"


def _held_out() -> set:
    """Resolved paths of the documents in the first-reading samples (bench/readings)."""
    corpora = ROOT.parent / "shared" / "data" / "corpora"
    out = set()
    for tsv in (ROOT / "bench" / "readings").glob("sample_*.tsv"):
        for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) > 1:
                out.add(str((corpora / fields[1]).resolve()))
    return out


def _events(ex, docs):
    out = set()
    for doc in docs:
        for e in ex.extract(doc).events:
            neg = "~" if e.negated else ""
            mod = f"@{e.modality}" if e.modality else ""
            out.add((doc.doc_id, e.sentence_id, f"{e.source}>{e.target}:{e.event_type}{mod}{neg}",
                     e.evidence[:220]))
    return out


def main(argv=None) -> int:
    from graphkit.extract import get_extractor
    from graphkit.extract.engine import switched_off
    from graphkit.sources import find_files, iter_documents

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rules", nargs="+")
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--limit", type=int, default=60, help="lines printed per direction")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}")
        return 1
    files = [f for f, _id in sorted(find_files(args.corpus))][::args.every]
    # the documents labelled for first readings are never read while writing rules
    held = _held_out()
    files = [f for f in files if str(Path(f).resolve()) not in held]
    docs = list(iter_documents(files))
    ex = get_extractor("rules.v1")
    on = _events(ex, docs)
    with switched_off(*args.rules):
        off = _events(ex, docs)
    print(f"{len(docs)} documents; events with the rules {len(on)}, without {len(off)}")
    for sign, rows in (("+", sorted(on - off)), ("-", sorted(off - on))):
        for doc_id, sid, ev, text in rows[:args.limit]:
            print(f"{sign} {ev:<28} {doc_id}#{sid} | {text}")
        if len(rows) > args.limit:
            print(f"{sign} ... {len(rows) - args.limit} more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
