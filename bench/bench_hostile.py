"""Big and crafted inputs (issue 19): time, CPU and peak memory of ``graphkit run``.

Not a pytest test. Each case runs ``python -m graphkit run`` in a subprocess on an
input made here (nothing from ../shared/data is needed) and records wall time,
CPU seconds of the process tree, the peak RSS of the largest process
(``getrusage``) and the peak RSS and PSS of the whole tree (sampled every 0.25 s),
and whether it finished within the case's time limit (the run is stopped then).

    python bench/bench_hostile.py                    # every case; ~15 min on 2 idle cores
    python bench/bench_hostile.py --only crafted_200kb,events_200k
    python bench/bench_hostile.py --report           # rewrite the BENCHMARKS.md section

Figures go to ``bench/hostile_results.json`` and to the "Big and crafted inputs"
section of ``BENCHMARKS.md`` (``bench/run.py --report`` keeps that section).

Cases
-----
single_line_52mb   "Russia and NATO met. " repeated to 52 MB, one line (target: < 300 s,
                   peak < 1.5 GB; stopped at 900 s, so that a slow run is still measured)
single_line_5mb    the same, 5 MB
crafted_200kb      "US UK met EU " * 15000 (195 KB, one line) (target: < 10 s)
events_200k        an events.csv of 200,000 events over 30,000 parties
actors_100k_w1/_w2 a 100,000-row --actors file, 64 short documents, 1 and 2 workers
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "hostile_results.json"
MARKDOWN = ROOT / "BENCHMARKS.md"
BEGIN, END = "<!-- bench_hostile: begin -->", "<!-- bench_hostile: end -->"

_WRAPPER = ("import json, resource, subprocess, sys, time\n"
            "limit = float(sys.argv[1])\n"
            "t = time.perf_counter()\n"
            "p = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.PIPE, text=True)\n"
            "try:\n"
            "    err = p.communicate(timeout=limit)[1]\n"
            "    done = True\n"
            "except subprocess.TimeoutExpired:\n"
            "    p.kill(); err = p.communicate()[1]; done = False\n"
            "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(json.dumps({'rc': p.returncode, 'finished': done, "
            "'wall_s': time.perf_counter() - t, 'cpu_s': ru.ru_utime + ru.ru_stime, "
            "'maxrss_kb': ru.ru_maxrss, 'stderr': err[-600:]}))\n")


def tree_peaks(proc) -> tuple[int, int]:
    """Peak RSS and PSS (bytes) of the processes under ``proc`` (a wrapper that
    runs graphkit), sampled every 0.25 s until ``proc`` ends."""
    import psutil

    wrapper = psutil.Process(proc.pid)
    tree_rss = tree_pss = 0
    while proc.poll() is None:
        rss = pss = 0
        try:
            for c in wrapper.children(recursive=True):
                try:
                    mi = c.memory_full_info()
                    rss += mi.rss
                    pss += getattr(mi, "pss", mi.rss)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
        except psutil.NoSuchProcess:
            break
        tree_rss, tree_pss = max(tree_rss, rss), max(tree_pss, pss)
        time.sleep(0.25)
    return tree_rss, tree_pss


def measure(args: list, limit: float) -> dict:
    """Run ``python -m graphkit ARGS`` with a time limit; time, CPU and memory."""
    cmd = [sys.executable, "-c", _WRAPPER, str(limit), sys.executable, "-m", "graphkit", *args]
    load = os.getloadavg()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    tree_rss, tree_pss = tree_peaks(proc)
    out = json.loads(proc.communicate()[0].strip().splitlines()[-1])
    return {"finished": out["finished"], "rc": out["rc"], "limit_s": limit,
            "wall_s": round(out["wall_s"], 1), "cpu_s": round(out["cpu_s"], 1),
            "peak_rss_mb": round(out["maxrss_kb"] / 1024, 1),
            "tree_peak_rss_mb": round(tree_rss / 2**20, 1),
            "tree_peak_pss_mb": round(tree_pss / 2**20, 1),
            "load_before": [round(x, 2) for x in load],
            "load_after": [round(x, 2) for x in os.getloadavg()],
            "stderr": out["stderr"].strip()[-300:] if out["rc"] else ""}


def count_events(out: Path) -> int:
    path = out / "events.csv"
    if not path.is_file():
        return 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1


# --------------------------------------------------------------------------- inputs

def single_line(folder: Path, mb: float) -> Path:
    unit = "Russia and NATO met. "
    path = folder / "line.txt"
    path.write_text(unit * int(mb * 1e6 / len(unit)), encoding="utf-8")
    return path


def crafted(folder: Path) -> Path:
    path = folder / "dense.txt"
    path.write_text("US UK met EU " * 15000, encoding="utf-8")
    return path


def big_events(folder: Path, events: int = 200_000, parties: int = 30_000) -> Path:
    """An events.csv of ``events`` rows over ``parties`` made-up parties (seeded)."""
    sys.path.insert(0, str(ROOT))
    from graphkit.model import CATEGORIES, EVENT_COLUMNS

    rng = random.Random(19)
    cats = list(CATEGORIES)
    path = folder / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(EVENT_COLUMNS)
        for i in range(events):
            a, b = rng.randrange(parties), rng.randrange(parties)
            w.writerow([f"e{i}", f"d{i // 10}", f"20{10 + i % 14}-0{1 + i % 9}-1{i % 9}", 0,
                        f"P{a}", f"Party {a}", "", f"P{b}", f"Party {b}", "",
                        rng.choice(cats), "", "", "", "", "", "false", "", "",
                        f"Party {a} and Party {b}, sentence {i}.", 0, 30, "events"])
    return path


def big_actors(folder: Path, rows: int = 100_000) -> tuple[Path, Path]:
    path = folder / "actors.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("id,name,aliases\n")
        for i in range(rows):
            fh.write(f"Q{i},Partyland {i},Alias{i} Republic;Alias{i}\n")
    docs = folder / "docs"
    docs.mkdir()
    for i in range(64):
        (docs / f"d{i:02d}.txt").write_text(
            f"Alias{i} Republic and Russia held talks in Brussels. NATO criticized Alias{i}.",
            encoding="utf-8")
    return path, docs


# --------------------------------------------------------------------------- cases

def run_case(name: str, tmp: Path) -> dict:
    out = tmp / f"out_{name}"
    if name.startswith("single_line"):
        mb = 52 if name.endswith("52mb") else 5
        src = single_line(tmp, mb)
        res = measure(["run", str(src), "-o", str(out), "-q"], limit=900 if mb == 52 else 600)
        res.update(input=f"one line, 'Russia and NATO met. ' x {src.stat().st_size // 21:,} "
                         f"({src.stat().st_size / 1e6:.1f} MB)",
                   target="< 300 s and < 1.5 GB peak" if mb == 52 else "")
    elif name == "crafted_200kb":
        src = crafted(tmp)
        res = measure(["run", str(src), "-o", str(out), "-q"], limit=600)
        res.update(input=f"'US UK met EU ' * 15000 ({src.stat().st_size / 1e3:.0f} KB)",
                   target="< 10 s")
    elif name == "events_200k":
        src = big_events(tmp)
        res = measure(["run", str(src), "-o", str(out), "-q"], limit=900)
        res.update(input=f"events.csv, 200,000 events, 30,000 parties "
                         f"({src.stat().st_size / 1e6:.1f} MB)", target="")
    elif name.startswith("actors_100k"):
        workers = name[-1]
        actors, docs = big_actors(tmp)
        res = measure(["run", str(docs), "-o", str(out), "--actors", str(actors),
                       "--workers", workers, "-q"], limit=900)
        res.update(input=f"--actors of 100,000 rows, 64 documents, --workers {workers}",
                   target="")
    else:
        raise SystemExit(f"unknown case {name}")
    res["events"] = count_events(out)
    return res


CASES = ("crafted_200kb", "single_line_5mb", "single_line_52mb", "events_200k",
         "actors_100k_w1", "actors_100k_w2")


def machine() -> dict:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "commit": commit,
            "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}


def markdown(results: dict) -> str:
    """The BENCHMARKS.md section for ``results`` (between the two markers)."""
    m = results.get("machine", {})
    L = [BEGIN, "## Big and crafted inputs (issue 19)", "",
         f"Written by `python bench/bench_hostile.py` into `bench/hostile_results.json`; "
         f"last run at graphkit {m.get('commit', '?')}, {m.get('date', '?')}, {m.get('cores', '?')} "
         "cores (each case's commit is in the table). One run per case, `python -m graphkit run` in a subprocess, stopped at the "
         "time limit. CPU is user + system seconds of the process tree; peak RSS of the "
         "largest process (getrusage) and of the whole tree (sampled every 0.25 s; PSS "
         "counts pages shared after fork once). The machine is shared: the load averages "
         "say how busy it was, and CPU seconds are steadier than wall time.", "",
         "| case | commit | input | finished | wall s | CPU s | peak RSS MB (largest / tree) | "
         "tree PSS MB | events | target | load before / after |",
         "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name in CASES:
        r = results.get("cases", {}).get(name)
        if not r:
            continue
        done = "yes" if r["finished"] and r["rc"] == 0 else (
            f"**no** (stopped at {r['limit_s']:.0f} s)" if not r["finished"] else f"rc {r['rc']}")
        L.append(f"| {name} | {r.get('commit', '?')} | {r['input']} | {done} | {r['wall_s']} | {r['cpu_s']} | "
                 f"{r['peak_rss_mb']:,.0f} / {r['tree_peak_rss_mb']:,.0f} | "
                 f"{r['tree_peak_pss_mb']:,.0f} | {r['events']:,} | {r.get('target') or ''} | "
                 f"{r['load_before'][0]} / {r['load_after'][0]} |")
    notes = [(name, results["cases"][name]["note"]) for name in CASES
             if results.get("cases", {}).get(name, {}).get("note")]
    if notes:
        L += [""] + [f"- {name}: {note}" for name, note in notes]
    L += ["", END]
    return "\n".join(L)


def write_markdown(results: dict) -> None:
    section = markdown(results)
    text = MARKDOWN.read_text(encoding="utf-8") if MARKDOWN.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    MARKDOWN.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(CASES),
                    help=f"comma-separated cases ({', '.join(CASES)})")
    ap.add_argument("--report", action="store_true",
                    help="only rewrite the BENCHMARKS.md section from the results file "
                         "(a case's 'note' in the file is printed under the table)")
    args = ap.parse_args(argv)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if not args.report:
        results["machine"] = machine()
        results.setdefault("cases", {})
        for name in [c.strip() for c in args.only.split(",") if c.strip()]:
            with tempfile.TemporaryDirectory() as tmp:
                print(f"{name} ...", file=sys.stderr, flush=True)
                results["cases"][name] = run_case(name, Path(tmp))
                results["cases"][name]["commit"] = results["machine"]["commit"]
                print(f"  {json.dumps(results['cases'][name])}", file=sys.stderr, flush=True)
            RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    write_markdown(results)
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
