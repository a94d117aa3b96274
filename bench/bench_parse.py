"""Speed of ``rules+parse`` against ``rules.v1`` on the same UN speeches, and what the parse changed.

Usage (needs the ``[parse]`` extra and an English model, see README)::

    python bench/bench_parse.py [--every 20] [--runs 3] [--out bench/parse_results.json]

Reads a fixed subset of ``../shared/data/corpora/un_general_debate_2010_2024`` (every
``--every``-th file in path order), then runs the two extractors on exactly those
documents, alternating (rules, rules+parse, rules, ...), in this one process with
spaCy's threads left at one. A run's figure is the CPU seconds of ``extract`` alone
(``time.process_time``: reading files and loading the model are not counted), so other
work on the machine disturbs it less than wall time; the load average before and after
is recorded. Also writes how many sentences were parsed, and the parse's checks per
kind (confirmed / replaced / vetoed / open / unlocated / unparsed, for sources and
targets) with the events dropped.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "un_general_debate_2010_2024"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--every", type=int, default=20, help="take every n-th speech")
    ap.add_argument("--runs", type=int, default=3, help="runs of each extractor")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "parse_results.json")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found", file=sys.stderr)
        return 0

    from graphkit.errors import GraphkitError
    from graphkit.extract import get_extractor
    from graphkit.sources import iter_documents

    files = sorted(CORPUS.rglob("*.txt"))[::args.every]
    docs = list(iter_documents(files))
    try:
        t0 = time.process_time()
        parse = get_extractor("rules+parse")
        load_cpu = time.process_time() - t0
    except GraphkitError as err:
        print(f"skipped: {err}", file=sys.stderr)
        return 0
    rules = parse.rules     # the same rules extractor, so the runs differ only by the parse

    load_before = os.getloadavg()
    times = {"rules.v1": [], "rules+parse": []}
    results = {}
    for _ in range(args.runs):
        for name, ex in (("rules.v1", rules), ("rules+parse", parse)):
            t0 = time.process_time()
            out = [ex.extract(d) for d in docs]
            times[name].append(time.process_time() - t0)
            results[name] = out
    load_after = os.getloadavg()

    sentences = sum(r.sentences for r in results["rules.v1"])
    checks = [c for r in results["rules+parse"] for c in r.checks]
    parsed = len({(c.event_id.rsplit("#", 1)[0], c.sentence_id) for c in checks})
    kinds = collections.Counter()
    for c in checks:
        kinds[f"source {c.source_check}"] += 1
        kinds[f"target {c.target_check}"] += 1
        kinds["events dropped"] += not c.kept
    figures = {}
    for name, runs in times.items():
        best, median = min(runs), statistics.median(runs)
        figures[name] = {"cpu_s_runs": [round(t, 3) for t in runs],
                         "sentences_per_cpu_s_best": round(sentences / best),
                         "sentences_per_cpu_s_median": round(sentences / median),
                         "events": sum(len(r.events) for r in results[name])}
    result = {
        "corpus": str(CORPUS.relative_to(ROOT.parent)), "every": args.every,
        "documents": len(docs), "sentences": sentences, "parsed_sentences": parsed,
        "parsed_share": round(parsed / sentences, 4) if sentences else None,
        "model": parse.nlp.meta.get("name", ""), "model_version": parse.nlp.meta.get("version"),
        "pipes": parse.nlp.pipe_names, "model_load_cpu_s": round(load_cpu, 2),
        "runs": args.runs, "extractors": figures, "checks": dict(sorted(kinds.items())),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("documents", "sentences", "parsed_share",
                                             "extractors", "checks")}, indent=1))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
