"""Same-machine A/B of the rules extractor's speed: this checkout against another commit.

Usage::

    python bench/ab_extract.py --ref REV [--runs 6] [--every 8] [--out bench/ab_results.json]

Reads a fixed subset of the UN General Debate speeches once (every ``--every``-th file,
with this checkout's reader) and pickles the documents; then runs the extractor of
this checkout (B) and of commit REV (A, from a temporary ``git worktree``) on exactly
those documents, alternating A and B, each run in a fresh process. A run reports the
CPU seconds of ``extract`` alone (``time.process_time``: reading and start-up are not
counted), so other work on the machine disturbs it less than wall time. Prints best and
median sentences per CPU-second of each and writes them to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "un_general_debate_2010_2024"

_RUN = r"""
import pickle, sys, time
sys.path.insert(0, sys.argv[1])
from graphkit.extract import get_extractor
docs = pickle.load(open(sys.argv[2], "rb"))
ex = get_extractor("rules.v1")
t0 = time.process_time()
n = ev = 0
for d in docs:
    r = ex.extract(d)
    n += r.sentences
    ev += len(r.events)
print(time.process_time() - t0, n, ev)
"""


def _run(src: Path, docs: Path) -> tuple:
    out = subprocess.run([sys.executable, "-c", _RUN, str(src), str(docs)], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ref", required=True, help="the commit to compare with (A)")
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--every", type=int, default=8)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "ab_results.json")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}")
        return 1
    sys.path.insert(0, str(ROOT))
    from graphkit.sources import find_files, iter_documents

    files = [f for f, _ in sorted(find_files(CORPUS))][::args.every]
    docs = list(iter_documents(files))
    tmp = Path(tempfile.mkdtemp(prefix="graphkit-ab-"))
    pick = tmp / "docs.pickle"
    pick.write_bytes(pickle.dumps(docs))
    ref = tmp / "ref"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(ref), args.ref],
                   check=True, capture_output=True)
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True).stdout.strip()
    try:
        times: dict = {"A": [], "B": []}
        counts: dict = {}
        for i in range(args.runs):
            for side, src in (("A", ref), ("B", ROOT)) if i % 2 == 0 else (("B", ROOT),
                                                                           ("A", ref)):
                cpu, n, ev = _run(src, pick)
                times[side].append(cpu)
                counts[side] = (n, ev)
                print(f"run {i + 1} {side}: {cpu:.2f} CPU s, {n} sentences, {ev} events",
                      flush=True)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(ref)],
                       capture_output=True)
    result = {"ref": args.ref, "head": rev, "documents": len(docs), "every": args.every,
              "runs": args.runs, "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "machine": f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}",
              "load_average": os.getloadavg()}
    for side in ("A", "B"):
        n = counts[side][0]
        rates = sorted(n / t for t in times[side])
        result[side] = {"cpu_seconds": times[side], "sentences": n, "events": counts[side][1],
                        "best_per_cpu_s": round(rates[-1]), "median_per_cpu_s":
                        round(statistics.median(rates))}
    best = result["B"]["best_per_cpu_s"] / result["A"]["best_per_cpu_s"]
    med = result["B"]["median_per_cpu_s"] / result["A"]["median_per_cpu_s"]
    result["b_over_a"] = {"best": round(best, 4), "median": round(med, 4)}
    print(f"A {args.ref}: best {result['A']['best_per_cpu_s']:,} median "
          f"{result['A']['median_per_cpu_s']:,} sentences per CPU-s")
    print(f"B {rev}: best {result['B']['best_per_cpu_s']:,} median "
          f"{result['B']['median_per_cpu_s']:,} sentences per CPU-s")
    print(f"B/A: best {best:.3f}, median {med:.3f}")
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
