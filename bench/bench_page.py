"""Benchmark of the HTML explorer: page generation in Python and time to interactive
in headless Chromium, on synthetic graphs (not a pytest module).

    /work/venv/bin/python bench/bench_page.py            # full run
    /work/venv/bin/python bench/bench_page.py --quick    # small sizes only

Writes bench/page_results.json and prints a table. "Interactive" is the page's own
``window.graphkit.readyMs`` (``performance.now()`` when vis-network has stabilised,
physics is off and the first frame is drawn), measured from navigation start.
Needs Playwright (``pip install playwright``) and Debian's /usr/bin/chromium; without
them only the Python timings are taken.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphkit.graph import build_dyad_graph, events_frame  # noqa: E402
from graphkit.model import CATEGORIES  # noqa: E402
from graphkit.render import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND"]
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


def time_to_interactive(browser, path: Path, timeout_ms: int = 120_000):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    t0 = time.perf_counter()
    page.goto(path.as_uri(), timeout=timeout_ms)
    # Polled from Python: the page's CSP forbids the eval behind wait_for_function.
    deadline = time.perf_counter() + timeout_ms / 1000
    while not page.evaluate("!!(window.graphkit && window.graphkit.ready)"):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{path.name} not interactive after {timeout_ms} ms: {errors[:3]}")
        page.wait_for_timeout(10)
    wall = time.perf_counter() - t0
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


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes only")
    ap.add_argument("--out", default=str(ROOT / "bench" / "page_results.json"))
    args = ap.parse_args(argv)
    cases = [
        {"name": "seed-size", "parties": 6},
        {"name": "500", "parties": 500},
        {"name": "2000", "parties": 2000},
        {"name": "10000", "parties": 10000},
        # everything drawn at once (max_nodes = all parties)
        {"name": "500-all", "parties": 500, "max_nodes": 500},
        {"name": "2000-all", "parties": 2000, "max_nodes": 2000},
        {"name": "10000-all", "parties": 10000, "max_nodes": 10000, "repeat": 1},
        # physics versus positions computed in Python, by number of shown nodes
    ] + [
        {"name": f"shown{k}-{lay}", "parties": 500, "max_nodes": k, "layout": lay}
        for k in (50, 100, 150, 200, 300) for lay in ("physics", "python")
    ]
    if args.quick:
        cases = [c for c in cases if c["parties"] <= 500]
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
    print(f"{HEADER[0]:<24} {HEADER[1]:>7} {HEADER[2]:>8} {HEADER[3]:>8} {HEADER[4]:>8} "
          f"{HEADER[5]:>12} {HEADER[6]:>9} {HEADER[7]:>9} {HEADER[8]:>6}")
    with tempfile.TemporaryDirectory() as tmp:
        try:
            rows = run(cases, browser, Path(tmp))
        finally:
            if browser is not None:
                browser.close()
                pw.stop()
    result = {
        "note": "interactive_s = performance.now() at window.graphkit.ready (navigation start = 0); "
                "page_phases_ms: app script start, JSON parsed, view computed, vis.Network built, ready",
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_average": os.getloadavg(),
                    "chromium": CHROMIUM if browser is not None else None},
        "targets": {"seed-size interactive_s": 1.0, "2000 generate_s": 5.0, "2000 interactive_s": 2.0,
                    "10000 generate_s": 20.0, "10000 interactive_s": 4.0},
        "results": rows,
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
