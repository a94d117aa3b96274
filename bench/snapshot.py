"""Snapshot of the extractor's output: a hash of every event over fixed inputs.

A refactor must keep what the extractor finds identical. This script runs the
rules extractor over

- ``un``: the UN General Debate speeches (``../shared/data/corpora/un_general_debate_2010_2024``),
- ``readouts``: the White House readouts (``../shared/data/corpora/whitehouse_readouts_2021_2023``),
- ``plover``: the PLOVER gold sentences, each its own document, as ``graphkit eval`` reads them,
- ``fixtures``: the seed and the test fixtures under ``tests/fixtures/robust``,

and hashes the sorted events (every ``events.csv`` field plus the trigger) and
stances of each part. ``bench/snapshot.json`` holds the recorded hashes.

Usage::

    python bench/snapshot.py --check            # exit 1 and list the parts that changed
    python bench/snapshot.py --update           # record the current hashes
    python bench/snapshot.py --diff [PART ...]  # events added and removed since the last run

Every run keeps its sorted events in ``~/.cache/graphkit-snapshot/<checkout>/<part>.tsv`` (outside
the repository: the corpora are not ours to commit), and the previous run's copy in
``<part>.prev.tsv``, so ``--diff`` can list what a change added and removed. A
part whose data folder is absent is skipped with a message.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GRAPHKIT_SHARED", ROOT.parent / "shared")) / "data"
RECORD = ROOT / "bench" / "snapshot.json"
CACHE = Path(os.environ.get("GRAPHKIT_SNAPSHOT_CACHE",
                            Path.home() / ".cache" / "graphkit-snapshot" / ROOT.name))
PARTS = ("un", "readouts", "plover", "fixtures")

sys.path.insert(0, str(ROOT))


def _documents(part: str):
    """The documents of a part, or None when its data is absent."""
    from graphkit.model import Document
    from graphkit.sources import iter_documents

    if part == "un":
        folder = SHARED / "corpora" / "un_general_debate_2010_2024"
        return iter_documents([folder]) if folder.is_dir() else None
    if part == "readouts":
        folder = SHARED / "corpora" / "whitehouse_readouts_2021_2023"
        return iter_documents([folder]) if folder.is_dir() else None
    if part == "plover":
        gold = SHARED / "eval" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
        if not gold.is_file():
            return None
        from graphkit.evaluate import load_gold
        return (Document(r.id, r.text, r.date) for r in load_gold(gold) if not r.skipped)
    if part == "fixtures":
        return iter_documents([ROOT / "seeds", ROOT / "tests" / "fixtures" / "robust"])
    raise ValueError(part)


def _lines(part: str, workers: int) -> list[str] | None:
    from graphkit.pipeline import extract_events

    docs = _documents(part)
    if docs is None:
        return None
    lines = []
    for doc, _n, rows, _m, _a, stances in extract_events(docs, workers=workers):
        for r in rows:
            lines.append("E\t" + "\t".join(_cell(r[k]) for k in r))
        for s in stances:
            lines.append("S\t" + "\t".join(_cell(s[k]) for k in sorted(s)))
    lines.sort()
    return lines


def _cell(value) -> str:
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _digest(lines: list[str]) -> str:
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _keep(part: str, lines: list[str]) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    cur, prev = CACHE / f"{part}.tsv", CACHE / f"{part}.prev.tsv"
    if cur.exists():
        os.replace(cur, prev)
    cur.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _diff(part: str, limit: int) -> None:
    cur, prev = CACHE / f"{part}.tsv", CACHE / f"{part}.prev.tsv"
    if not (cur.exists() and prev.exists()):
        print(f"{part}: no two runs kept in {CACHE}")
        return
    a = set(prev.read_text(encoding="utf-8").splitlines())
    b = set(cur.read_text(encoding="utf-8").splitlines())
    gone, new = sorted(a - b), sorted(b - a)
    print(f"{part}: {len(gone)} removed, {len(new)} added")
    for sign, rows in (("-", gone), ("+", new)):
        for line in rows[:limit]:
            print(f"  {sign} {_short(line)}")
        if len(rows) > limit:
            print(f"  {sign} ... {len(rows) - limit} more")


def _short(line: str) -> str:
    """An event line as doc, sentence, source, target, category, modality, evidence."""
    f = line.split("\t")
    if f[0] != "E":
        return line[:200]
    # E, event_id, doc_id, date, sentence_id, source, source_name, source_agent, target,
    # target_name, target_agent, event_type, mode, quad, intensity, polarity, issue,
    # negated, modality, speaker, evidence, char_start, char_end, extractor
    neg = " NEG" if f[17] == "True" else ""
    return (f"{f[2]}#{f[4]} {f[5]}->{f[8] or '-'} {f[11]}/{f[12]}{neg} {f[18]} "
            f"| {f[20][:160]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="compare with bench/snapshot.json")
    mode.add_argument("--update", action="store_true", help="record the current hashes")
    mode.add_argument("--diff", action="store_true", help="list changes since the last run")
    ap.add_argument("parts", nargs="*", default=list(PARTS), help=f"parts ({', '.join(PARTS)})")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=40, help="lines listed per part by --diff")
    args = ap.parse_args(argv)
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        ap.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    if args.diff:
        for part in args.parts:
            _diff(part, args.limit)
        return 0
    recorded = json.loads(RECORD.read_text()) if RECORD.exists() else {}
    changed = []
    for part in args.parts:
        t0 = time.perf_counter()
        lines = _lines(part, args.workers)
        if lines is None:
            print(f"{part}: skipped (data not found under {SHARED})")
            continue
        digest = _digest(lines)
        _keep(part, lines)
        n_ev = sum(1 for x in lines if x.startswith("E"))
        old = recorded.get(part, {}).get("sha256")
        status = "same" if digest == old else ("new" if old is None else "CHANGED")
        print(f"{part}: {n_ev} events, {len(lines) - n_ev} stances, {digest[:12]} {status} "
              f"({time.perf_counter() - t0:.1f} s)")
        if status != "same":
            changed.append(part)
        recorded[part] = {"sha256": digest, "events": n_ev, "stances": len(lines) - n_ev}
    if args.update:
        RECORD.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n")
        print(f"recorded in {RECORD.relative_to(ROOT)}")
        return 0
    if changed:
        print(f"changed: {', '.join(changed)} (python bench/snapshot.py --diff {' '.join(changed)})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
