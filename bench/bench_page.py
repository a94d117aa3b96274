"""Benchmark of the HTML explorer (not a pytest module): page generation in Python and
time to interactive in headless Chromium on synthetic graphs; the page on the real
corpora (layout and click measures with a real mouse); and a whole `graphkit run` of
20,000 events over 2,000 parties with the page's share of it.

    python bench/bench_page.py                 # everything
    python bench/bench_page.py --quick         # small synthetic sizes, no corpora
    python bench/bench_page.py --only corpora  # synthetic, corpora or whole-run (repeatable)

Writes bench/page_results.json and prints tables. "Interactive" is the page's own
``window.graphkit.readyMs`` (``performance.now()`` when the drawing is laid out, fitted
and first drawn), measured from navigation start. Needs Playwright and Debian's
/usr/bin/chromium; without them only the Python timings are taken. The corpora come from
../shared/data (skipped with a message when absent).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
SHARED = ROOT.parent / "shared" / "data"
CORPORA = {"readouts": "whitehouse_readouts_2021_2023", "un": "un_general_debate_2010_2024"}

from graphkit.graph import build_dyad_graph, events_frame  # noqa: E402
from graphkit.model import CATEGORIES  # noqa: E402
from graphkit.render import render_html  # noqa: E402
import pagecheck  # noqa: E402  (tests/pagecheck.py: the measures the browser tests use)

CHROMIUM, CHROMIUM_ARGS = str(pagecheck.CHROMIUM), pagecheck.ARGS
ISSUES = ["syria", "afghanistan", "missile-defence", "terrorism", "trade", "energy", ""]
VERBS = {"AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "backed",
         "CONCEDE": "made concessions to", "COOPERATE": "cooperated with", "AID": "sent aid to",
         "RETREAT": "withdrew from", "REQUEST": "called on", "ACCUSE": "accused",
         "REJECT": "rejected the proposal of", "THREATEN": "threatened",
         "PROTEST": "protested against", "SANCTION": "imposed sanctions on",
         "MOBILIZE": "mobilised against", "COERCE": "pressured", "ASSAULT": "attacked"}


def synthetic(n_parties: int, dyads_per_party: int = 10, *, seed: int = 7):
    """Events, actors and documents for ``n_parties`` parties with a heavy-tailed
    activity (a few hubs, many small parties) and ``dyads_per_party * n`` dyads."""
    rng = np.random.default_rng(seed)
    n_dyads = n_parties * dyads_per_party
    ids = np.array([f"P{i:05d}" for i in range(n_parties)])
    weights = 1.0 / (np.arange(n_parties) + 8.0) ** 0.9
    weights /= weights.sum()
    pairs = set()
    # every party takes part in at least one dyad, with a partner chosen by activity
    partner = rng.choice(n_parties, size=n_parties, p=weights)
    for a, b in zip(range(n_parties), partner.tolist()):
        if a != b:
            pairs.add((a, b) if rng.random() < 0.5 else (b, a))
    while len(pairs) < n_dyads:
        k = int((n_dyads - len(pairs)) * 1.3) + 16
        s = rng.choice(n_parties, size=k, p=weights)
        t = rng.integers(0, n_parties, size=k)
        t = np.where(rng.random(k) < 0.5, rng.choice(n_parties, size=k, p=weights), t)
        for a, b in zip(s.tolist(), t.tolist()):
            if a != b and len(pairs) < n_dyads:
                pairs.add((a, b))
    pairs = np.array(sorted(pairs))
    per = 1 + rng.geometric(0.55, size=len(pairs)) - 1
    src = np.repeat(pairs[:, 0], per)
    tgt = np.repeat(pairs[:, 1], per)
    n_events = len(src)
    cats = np.array(list(CATEGORIES))
    cat = cats[rng.choice(len(cats), size=n_events,
                          p=np.array([8, 14, 8, 3, 10, 6, 1, 8, 9, 6, 4, 4, 3, 2, 2, 2], float) / 90)]
    pol = np.where(np.isin(cat, ["ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                                 "COERCE", "ASSAULT"]), -1, 1)
    intensity = np.array([CATEGORIES[c][2] for c in cat])
    day = rng.integers(0, 730, size=n_events)
    dates = (pd.Timestamp("2012-01-01") + pd.to_timedelta(day, unit="D")).strftime("%Y-%m-%d")
    names = np.array([f"Party {i}" for i in range(n_parties)])
    issue = np.array(ISSUES)[rng.integers(0, len(ISSUES), size=n_events)]
    doc = rng.integers(0, max(1, n_events // 6), size=n_events)
    verbs = np.array([VERBS[c] for c in cat])
    evidence = [f"{names[a]} {v} {names[b]} over {i or 'bilateral issues'} on {d}, officials said."
                for a, v, b, i, d in zip(src, verbs, tgt, issue, dates)]
    trigger = [v.split(" ")[0] for v in verbs]
    events = events_frame(pd.DataFrame({
        "event_id": [f"e{k:07d}" for k in range(n_events)],
        "doc_id": [f"doc{d:06d}" for d in doc], "date": dates,
        "source": ids[src], "source_name": names[src], "target": ids[tgt], "target_name": names[tgt],
        "event_type": cat, "polarity": pol, "intensity": intensity, "issue": issue,
        "evidence": evidence, "extractor": "synthetic",
    }))
    events["trigger"] = trigger
    kinds = np.where(np.arange(n_parties) % 7 == 3, "igo", np.where(np.arange(n_parties) % 11 == 5, "group", "state"))
    actors = pd.DataFrame({"id": ids, "name": names, "kind": kinds, "country": "", "region": ""})
    docs = pd.DataFrame({"doc_id": sorted(set(events["doc_id"]))})
    docs["title"] = "Synthetic report " + docs["doc_id"]
    docs["date"] = "2012-06-01"
    docs["url"] = "https://example.org/" + docs["doc_id"]
    return events, actors, docs


def seed_size():
    """About the size of the seed article: 6 parties, 10 events."""
    return synthetic(6, 2, seed=3)


def time_to_interactive(browser, path: Path, timeout_s: float = 120.0):
    page, errors, wall = pagecheck.open_page(browser, path, timeout=timeout_s)
    ready_ms = page.evaluate("window.graphkit.readyMs")
    shown = page.evaluate("[window.graphkit.nodes.length, window.graphkit.edges.length]")
    phases = page.evaluate("window.graphkit.timings")
    page.close()
    return ready_ms / 1000.0, wall, shown, errors, phases


def run(cases, browser, out_dir: Path):
    rows = []
    cache = {}
    for case in cases:
        n = case["parties"]
        if n not in cache:
            t = time.perf_counter()
            events, actors, docs = seed_size() if n == 6 else synthetic(n)
            t_data = time.perf_counter() - t
            t = time.perf_counter()
            D = build_dyad_graph(events, actors)
            t_graph = time.perf_counter() - t
            cache[n] = (events, actors, docs, D, t_data, t_graph)
        events, actors, docs, D, t_data, t_graph = cache[n]
        options = {k: case[k] for k in ("max_nodes", "layout") if k in case}
        t = time.perf_counter()
        page = render_html(D, events, title=case["name"], documents=docs, **options)
        t_render = time.perf_counter() - t
        path = out_dir / f"{case['name']}.html"
        path.write_text(page, encoding="utf-8")
        row = {
            "case": case["name"], "parties": D.number_of_nodes(), "dyads": D.number_of_edges(),
            "events": len(events), "max_nodes": options.get("max_nodes", 300),
            "layout": json.loads(page.split('"layout":', 1)[1].split(",", 1)[0]),
            "build_dyad_graph_s": round(t_graph, 3), "generate_s": round(t_render, 3),
            "page_mb": round(len(page.encode("utf-8")) / 1e6, 2),
        }
        if browser is not None:
            tti, wall, shown, errors, phases = min(
                (time_to_interactive(browser, path) for _ in range(case.get("repeat", 2))),
                key=lambda r: r[0])
            row.update({"interactive_s": round(tti, 3), "wall_s": round(wall, 3),
                        "shown_nodes": shown[0], "shown_edges": shown[1], "errors": errors[:3],
                        "page_phases_ms": phases})
        rows.append(row)
        print(_line(row), flush=True)
    return rows


HEADER = ("case", "parties", "dyads", "events", "layout", "shown", "generate", "interactive", "MB")


def _line(r):
    shown = f"{r.get('shown_nodes', '-')}/{r.get('shown_edges', '-')}"
    tti = f"{r['interactive_s']:.2f} s" if "interactive_s" in r else "-"
    return (f"{r['case']:<24} {r['parties']:>7,} {r['dyads']:>8,} {r['events']:>8,} {r['layout']:>8} "
            f"{shown:>12} {r['generate_s']:>7.2f} s {tti:>9} {r['page_mb']:>6.1f}")


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _graphkit(args: list) -> tuple:
    """Run ``python -m graphkit ARGS``; return (wall s, CPU s of the process tree)."""
    cpu, t = _cpu_children(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "graphkit", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t, _cpu_children() - cpu


def corpora(browser, out_dir: Path, *, loads: int = 3) -> list:
    """`graphkit run` on each shared corpus, then its page in Chromium: time to
    interactive (min and median of ``loads`` loads) and the layout measures of issue 17
    (among the 20 largest drawn parties: no other node centre within 18 px; selected by
    a real mouse click at their position)."""
    rows = []
    for name, folder in CORPORA.items():
        src = SHARED / "corpora" / folder
        if not src.is_dir():
            print(f"{src} not found: corpus page skipped")
            continue
        out = out_dir / name
        wall, cpu = _graphkit(["run", str(src), "-o", str(out), "--workers", "2", "-q",
                               "--title", name])
        path = out / "graph.html"
        row = {"corpus": name, "run_wall_s": round(wall, 2), "run_cpu_s": round(cpu, 2),
               "page_mb": round(path.stat().st_size / 1e6, 2)}
        if browser is not None:
            ready = []
            for _ in range(loads):
                page, errors, _wall = pagecheck.open_page(browser, path)
                ready.append(page.evaluate("window.graphkit.readyMs") / 1000.0)
                page.close()
            page, errors, _wall = pagecheck.open_page(browser, path)
            m = pagecheck.layout_measures(page)
            info = page.evaluate("window.graphkit.layout")
            row.update({
                "interactive_s": {"min": round(min(ready), 3),
                                  "median": round(statistics.median(ready), 3),
                                  "max": round(max(ready), 3)},
                "drawn": m["drawn"], "layout": info["mode"], "hub": info["hub"],
                "spacing_px": info["spacing"],
                "separated_of_20": m["separated"], "selected_of_20": m["selected"],
                "crowded": m["crowded"], "wrong_clicks": m["wrong_clicks"], "errors": errors[:3]})
            page.close()
        rows.append(row)
        print(f"{name:<10} run {wall:6.1f} s   page {row['page_mb']:5.1f} MB   "
              f"interactive {row.get('interactive_s', {}).get('median', '-')} s   "
              f"separated {row.get('separated_of_20', '-')}/20   "
              f"selected {row.get('selected_of_20', '-')}/20", flush=True)
    return rows


def whole_run(out_dir: Path, *, events_n: int = 20_000, parties: int = 2_000,
              repeat: int = 3) -> dict:
    """`graphkit run --format events` of ``events_n`` synthetic events over ``parties``
    parties (wall and CPU of a fresh process, ``repeat`` runs), and under cProfile in this
    process the share of the run spent writing the page (render.write_html)."""
    from graphkit.export import write_events_csv
    from graphkit.pipeline import run as run_pipeline

    events, _actors, _docs = synthetic(parties, 6, seed=11)
    rng = np.random.default_rng(11)
    keep = np.sort(rng.choice(len(events), size=min(events_n, len(events)), replace=False))
    events = events.iloc[keep].reset_index(drop=True)
    src = out_dir / "whole" / "events.csv"
    src.parent.mkdir(parents=True, exist_ok=True)
    write_events_csv(events.drop(columns=["trigger"]), src)
    n_parties = len(set(events["source"]) | set(events["target"]))
    walls, cpus = [], []
    for k in range(repeat):
        wall, cpu = _graphkit(["run", str(src), "--format", "events", "-o",
                               str(out_dir / "whole" / f"out{k}"), "-q"])
        walls.append(wall)
        cpus.append(cpu)
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    run_pipeline([src], out_dir / "whole" / "profiled", fmt="events")
    prof.disable()
    total = time.perf_counter() - t
    stats = pstats.Stats(prof)
    page = sum(v[3] for k, v in stats.stats.items()
               if k[2] == "write_html" and k[0].endswith("render.py"))
    layout = sum(v[3] for k, v in stats.stats.items()
                 if k[2] == "_python_layout" and k[0].endswith("render.py"))
    row = {"events": len(events), "parties": n_parties, "runs": repeat,
           "wall_s": {"min": round(min(walls), 2), "median": round(statistics.median(walls), 2),
                      "max": round(max(walls), 2)},
           "cpu_s": {"min": round(min(cpus), 2), "median": round(statistics.median(cpus), 2),
                     "max": round(max(cpus), 2)},
           "profiled_total_s": round(total, 2), "page_s": round(page, 2),
           "page_layout_s": round(layout, 2), "page_share": round(page / total, 3)}
    print(f"whole run of {len(events):,} events over {n_parties:,} parties: "
          f"{row['wall_s']['median']:.2f} s wall (median of {repeat}), "
          f"{row['cpu_s']['median']:.2f} s CPU; page {page:.2f} s of {total:.2f} s "
          f"under cProfile ({100 * page / total:.0f}%)", flush=True)
    return row


def markdown(result: dict) -> list:
    """Lines for BENCHMARKS.md (bench/run.py adds them to its HTML section)."""
    load = result["machine"]["load_average"]
    L = [f"Explorer on the corpora and the whole run: bench/bench_page.py, "
         f"{result['written']}, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
         "(1/5/15 min; the machine is shared, wall times are noisy).", ""]
    rows = result.get("corpora") or []
    if rows:
        L += ["| corpus | graphkit run s (wall, 2 workers) | page MB | parties drawn | layout | "
              "interactive s (min / median / max of 3) | 20 largest: no centre within 18 px | "
              "20 largest: selected by a click |", "|---|---|---|---|---|---|---|---|"]
        for r in rows:
            tti = r.get("interactive_s")
            tti = f"{tti['min']} / **{tti['median']}** / {tti['max']}" if tti else "-"
            lay = f"{r.get('layout', '-')}" + (f" around {r['hub']}" if r.get("hub") else "")
            L.append(f"| {r['corpus']} | {r['run_wall_s']} | {r['page_mb']} | {r.get('drawn', '-')} "
                     f"| {lay} | {tti} | {r.get('separated_of_20', '-')} of 20 | "
                     f"{r.get('selected_of_20', '-')} of 20 |")
        L += ["", "Targets (issue 17): at least 18 of 20 for both measures, interactive under 2 s.",
              ""]
    w = result.get("whole_run")
    if w:
        L += [f"Whole `graphkit run --format events` of {w['events']:,} events over "
              f"{w['parties']:,} parties (a fresh process, page included): "
              f"{w['wall_s']['min']} / **{w['wall_s']['median']}** / {w['wall_s']['max']} s wall, "
              f"{w['cpu_s']['median']} s CPU (median of {w['runs']}); target 5 s. Under cProfile "
              f"in one process the page takes {w['page_s']} s of {w['profiled_total_s']} s "
              f"({100 * w['page_share']:.0f}%; its Python base layout {w['page_layout_s']} s).", ""]
    return L


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small synthetic sizes, no corpora")
    ap.add_argument("--only", action="append", choices=["synthetic", "corpora", "whole-run"],
                    help="run only these parts (repeatable); the others are kept from --out")
    ap.add_argument("--out", default=str(ROOT / "bench" / "page_results.json"))
    args = ap.parse_args(argv)
    parts = set(args.only or (["synthetic"] if args.quick else
                              ["synthetic", "corpora", "whole-run"]))
    cases = [
        {"name": "seed-size", "parties": 6},
        {"name": "500", "parties": 500},
        {"name": "2000", "parties": 2000},
        {"name": "10000", "parties": 10000},
        # everything drawn at once (max_nodes = all parties)
        {"name": "500-all", "parties": 500, "max_nodes": 500},
        {"name": "2000-all", "parties": 2000, "max_nodes": 2000},
        {"name": "10000-all", "parties": 10000, "max_nodes": 10000, "repeat": 1},
    ]
    if args.quick:
        cases = [c for c in cases if c["parties"] <= 500]
    previous = {}
    if Path(args.out).exists():
        previous = json.loads(Path(args.out).read_text(encoding="utf-8"))
    browser = pw = None
    try:
        from playwright.sync_api import sync_playwright

        if Path(CHROMIUM).exists():
            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        else:
            print(f"{CHROMIUM} not found: Python timings only")
    except ImportError:
        print("playwright not installed: Python timings only")
    result = {
        "note": "interactive_s = performance.now() at window.graphkit.ready (navigation start = 0); "
                "page_phases_ms: app script start, JSON parsed, view computed, vis.Network built, ready",
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_average": os.getloadavg(),
                    "chromium": CHROMIUM if browser is not None else None},
        "written": time.strftime("%Y-%m-%d %H:%M %Z"),
        "targets": {"seed-size interactive_s": 1.0, "2000 generate_s": 5.0, "2000 interactive_s": 2.0,
                    "10000 generate_s": 20.0, "10000 interactive_s": 4.0,
                    "corpus interactive_s": 2.0, "whole run wall_s": 5.0},
        "results": previous.get("results", []),
        "corpora": previous.get("corpora", []),
        "whole_run": previous.get("whole_run"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        try:
            if "synthetic" in parts:
                print(f"{HEADER[0]:<24} {HEADER[1]:>7} {HEADER[2]:>8} {HEADER[3]:>8} {HEADER[4]:>8} "
                      f"{HEADER[5]:>12} {HEADER[6]:>9} {HEADER[7]:>9} {HEADER[8]:>6}")
                result["results"] = run(cases, browser, Path(tmp))
            if "corpora" in parts:
                result["corpora"] = corpora(browser, Path(tmp))
            if "whole-run" in parts:
                result["whole_run"] = whole_run(Path(tmp))
        finally:
            if browser is not None:
                browser.close()
                pw.stop()
    result["machine"]["load_average_end"] = os.getloadavg()
    result["markdown"] = markdown(result)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("\n".join(result["markdown"]))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
