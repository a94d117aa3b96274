"""Whole-pipeline benchmarks, stage by stage (issue 20); steps of bench/run.py.

Steps:

``pipeline``
    ``graphkit run`` in a fresh process on the first 400 UN General Debate
    speeches and on the whole corpus, with ``--workers 1``, ``--workers 2`` and
    ``--dask local``, runs alternating; per run the wall time, the CPU time of
    the whole process tree, and the run's own stages (``RunResult.stages``:
    setup, read, extract, aggregate, analyse, write and each writer), start-up
    and exit being the rest of the wall time. The outputs of the three modes
    are compared byte for byte.
``writers``
    GraphML and GEXF of a 2,000-party graph (20,000 synthetic events) written
    by graphkit's streaming writers and by networkx's own, CPU seconds, runs
    alternating (single-process, so steady on a busy machine).
``events20k``
    ``graphkit run events.csv`` on those 20,000 events, by stage.
``gdelt``
    Twelve copies of the GDELT 2.0 sample export (distinct file names) read by
    ``graphkit run`` with 1 and 2 workers and on Dask local: the import stage
    (``extract``), the whole run, and whether ``dyads.csv`` is identical.
``seed``
    ``graphkit run seeds/`` and ``graphkit --help``, wall time from the
    process start to its end.

``python bench/run.py --compare REF.json`` compares the stages of this run with
those of an earlier results file and lists every one that got more than 10%
slower (exit code 1 when there is one).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
UN = DATA / "corpora" / "un_general_debate_2010_2024"
GDELT2 = DATA / "gdelt" / "gdelt2_export_20191024143000" / "20191024143000.export.CSV"
SEEDS = ROOT / "seeds"

STEPS = ("pipeline", "writers", "events20k", "gdelt", "seed")
MODES = {"workers1": ["--workers", "1"], "workers2": ["--workers", "2"],
         "dask": ["--workers", "1", "--dask", "local"]}
COMPARED = ("events.csv", "dyads.csv", "actors.csv", "documents.csv", "stances.csv",
            "graph.graphml", "graph.gexf", "graph.html", "report.md")

# Targets of issue 20 (medians; wall-clock ones need a quiet machine).
T_E2E_400 = 1.8
T_E2E_FULL = 1.9
T_WRITER_RATIO = 4.0
T_EVENTS20K_S = 3.0
T_GDELT_SPEEDUP = 1.7
T_SEED_S = 0.6
T_COMPARE = 1.10        # --compare flags a stage more than 10% slower

# Runs graphkit's command line in this process and prints the run's stages.
DRIVER = r"""
import json, sys, time
import graphkit.pipeline as pipeline
from graphkit.cli import cli
seen = {}
real = pipeline.run
def run(*args, **kwargs):
    res = real(*args, **kwargs)
    seen.update(stages=res.stages, stage_cpu=res.stage_cpu, seconds=res.seconds,
                events=len(res.analysed_events),
                documents=res.documents, dyads=len(res.dyads))
    return res
pipeline.run = run
try:
    cli(sys.argv[2:], prog_name="graphkit")
except SystemExit as exc:
    if exc.code:
        raise
with open(sys.argv[1], "w") as fh:
    json.dump(seen, fh)
"""


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def loadavg() -> list:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def stats(values) -> dict:
    values = [float(v) for v in values]
    return {"min": min(values), "median": statistics.median(values), "max": max(values),
            "runs": [round(v, 4) for v in values]}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cli(args: list, *, driver: bool = True) -> dict:
    """``graphkit ARGS`` in a fresh process: wall, CPU of the process tree, stages."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        info = Path(fh.name)
    cmd = ([sys.executable, "-c", DRIVER, str(info)] if driver
           else [sys.executable, "-m", "graphkit"]) + [str(a) for a in args]
    cpu0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    try:
        if proc.returncode:
            raise RuntimeError(f"graphkit {' '.join(map(str, args))} failed: "
                               f"{proc.stderr.strip()[-600:]}")
        out = {"wall_s": wall, "cpu_s": cpu, "load": loadavg()}
        if driver:
            out.update(json.loads(info.read_text() or "{}"))
            out["stages"]["start-up and exit"] = round(wall - out["seconds"], 4)
        return out
    finally:
        info.unlink(missing_ok=True)


def digest(folder: Path) -> dict:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()[:16]
            for name in COMPARED if (folder / name).is_file()}


def summarize(runs: list) -> dict:
    """Medians (with min/max) of the wall, CPU and every stage of some runs."""
    names = list(dict.fromkeys(k for r in runs for k in r.get("stages", {})))
    out = {"wall_s": stats([r["wall_s"] for r in runs]),
           "cpu_s": stats([r["cpu_s"] for r in runs]),
           "stages": {k: stats([r["stages"].get(k, 0.0) for r in runs]) for k in names},
           "stage_cpu": {k: stats([r.get("stage_cpu", {}).get(k, 0.0) for r in runs])
                         for k in names if k != "start-up and exit"},
           "load": [r["load"] for r in runs]}
    for k in ("events", "documents", "dyads"):
        if k in runs[0]:
            out[k] = runs[0][k]
    return out


def _modes_round(src, tmp: Path, modes, extra=(), dask_ok=True) -> dict:
    """One run of each mode on ``src``; the runs and the outputs' digests."""
    got = {}
    for mode in modes:
        if mode == "dask" and not dask_ok:
            continue
        out = tmp / mode
        r = run_cli(["run", *([src] if isinstance(src, (str, Path)) else src), "-o", out, "-q",
                     *MODES[mode], *extra])
        r["digest"] = digest(out)
        got[mode] = r
        log(f"    {mode}: {r['wall_s']:.2f} s wall, {r['cpu_s']:.2f} s CPU")
    return got


def _dask_available() -> bool:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        return False
    return True


def _compare_modes(rounds: list, modes) -> dict:
    out = {}
    for mode in modes:
        runs = [r[mode] for r in rounds if mode in r]
        if runs:
            out[mode] = summarize(runs)
            out[mode]["digest"] = runs[0]["digest"]
    ref = out.get("workers1", {}).get("digest")
    out["identical"] = {m: out[m]["digest"] == ref for m in modes if m in out}
    if "workers1" in out and "workers2" in out:
        w1, w2 = out["workers1"], out["workers2"]
        out["speedup"] = w1["wall_s"]["median"] / w2["wall_s"]["median"]
        out["speedup_best"] = w1["wall_s"]["min"] / w2["wall_s"]["min"]
        # what two idle cores would give if each process kept its CPU cost: the
        # serial run's wall over the 2-worker run's CPU spread on two cores, or its
        # serial remainder, whichever is longer (a projection, not a measurement)
        out["cores_obtained"] = w2["cpu_s"]["median"] / w2["wall_s"]["median"]
    return out


# ---------------------------------------------------------------------------
# steps

def step_pipeline(args) -> dict:
    if not UN.is_dir():
        return {"skipped": f"corpus not found: {UN} (the shared data folder is absent)"}
    from graphkit.sources import find_files

    files = [f for f, _ in find_files(UN)]
    dask_ok = _dask_available()
    out = {"corpora": {}, "dask": dask_ok,
           "note": "graphkit run in a fresh process, runs alternating between modes; CPU of "
                   "the whole process tree; stages from RunResult.stages, start-up and exit "
                   "= wall - the run's own seconds"}
    subsets = [(name, n) for name, n in (("un400", 400), ("un", None))
               if name in args.corpora and not (args.quick and n is None)]
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
        tmp = Path(tmp)
        for name, n in subsets:
            if n:
                src = tmp / name
                src.mkdir()
                for f in files[:(150 if args.quick else n)]:
                    os.symlink(f, src / f.name)
                what = f"the first {len(list(src.iterdir()))} files of the UN corpus"
            else:
                src, what = UN, "the whole UN corpus"
            log(f"pipeline: {what}")
            rounds = []
            for i in range(args.repeat):
                log(f"  round {i + 1}")
                rounds.append(_modes_round(src, tmp / f"{name}-out", MODES, dask_ok=dask_ok))
            out["corpora"][name] = {"what": what, **_compare_modes(rounds, MODES)}
    return out


#: ``(n_events, parties) -> DataFrame`` of raw synthetic events; bench/run.py sets it.
synthetic_events = None


def _synthetic_events_csv(path: Path, n_events: int = 20_000, parties: int = 2_000) -> dict:
    from graphkit.export import write_events_csv
    from graphkit.graph import events_frame

    ev = events_frame(synthetic_events(n_events, parties))
    write_events_csv(ev, path)
    return {"events": len(ev), "parties": int(len(set(ev["source"]) | set(ev["target"]) - {""}))}


def step_writers(args) -> dict:
    import networkx as nx

    from graphkit.export import gephi_graph, gexf_graph, write_gexf, write_graphml
    from graphkit.pipeline import run

    n_events = 4_000 if args.quick else 20_000
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
        tmp = Path(tmp)
        info = _synthetic_events_csv(tmp / "events.csv", n_events)
        res = run([tmp / "events.csv"], None)
        D, events = res.full_graph, res.events
        cases = {
            "graphml": (lambda p: write_graphml(D, p),
                        lambda p: nx.write_graphml(gephi_graph(D), p, named_key_ids=True)),
            "gexf": (lambda p: write_gexf(D, p, events=events),
                     lambda p: nx.write_gexf(gexf_graph(D, events=events), p)),
        }
        out = {"graph": {"parties": D.number_of_nodes(), "edges": D.number_of_edges(), **info},
               "note": "CPU seconds of this process (process_time), runs alternating; "
                       "networkx = gephi_graph + nx.write_graphml(named_key_ids=True), "
                       "gexf_graph + nx.write_gexf"}
        for name, (ours, theirs) in cases.items():
            times = {"graphkit": [], "networkx": []}
            for i in range(max(args.repeat, 3)):
                for who, fn in (("graphkit", ours), ("networkx", theirs)):
                    path = tmp / f"{who}.{name}"
                    t = time.process_time()
                    fn(path)
                    times[who].append(time.process_time() - t)
            size = (tmp / f"graphkit.{name}").stat().st_size
            out[name] = {who: stats(v) for who, v in times.items()}
            out[name]["mb"] = round(size / 1e6, 2)
            out[name]["ratio"] = (out[name]["networkx"]["median"]
                                  / out[name]["graphkit"]["median"])
            log(f"writers: {name} graphkit {out[name]['graphkit']['median']:.3f} s, networkx "
                f"{out[name]['networkx']['median']:.3f} s CPU: {out[name]['ratio']:.1f}x")
    return out


def step_events20k(args) -> dict:
    n_events = 4_000 if args.quick else 20_000
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
        tmp = Path(tmp)
        info = _synthetic_events_csv(tmp / "events.csv", n_events)
        runs = []
        for i in range(args.repeat):
            runs.append(run_cli(["run", tmp / "events.csv", "-o", tmp / "out", "-q"]))
            log(f"events20k: run {i + 1}: {runs[-1]['wall_s']:.2f} s wall")
    return {**info, **summarize(runs),
            "input": f"events.csv of {n_events:,} synthetic events (bench/run.py "
                     "synthetic_events, Zipf 0.9 and 35% uniform targets)"}


def step_gdelt(args) -> dict:
    if not GDELT2.is_file():
        return {"skipped": f"GDELT sample not found: {GDELT2}"}
    copies = 4 if args.quick else 12
    dask_ok = _dask_available()
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
        tmp = Path(tmp)
        src = tmp / "gdelt"
        src.mkdir()
        data = GDELT2.read_bytes()
        for i in range(copies):
            (src / f"2019102414{i:02d}00.export.CSV").write_bytes(data)
        log(f"gdelt: {copies} copies of {GDELT2.name}")
        rounds = []
        for i in range(args.repeat):
            log(f"  round {i + 1}")
            rounds.append(_modes_round(src, tmp / "out", MODES, dask_ok=dask_ok))
    out = {"copies": copies, "rows": copies * data.count(b"\n"), "dask": dask_ok,
           **_compare_modes(rounds, MODES)}
    if "workers2" in out:
        out["import_speedup"] = (out["workers1"]["stages"]["extract"]["median"]
                                 / out["workers2"]["stages"]["extract"]["median"])
    if "dask" in out:
        out["dask_dyads_identical"] = (out["dask"]["digest"].get("dyads.csv")
                                       == out["workers1"]["digest"].get("dyads.csv"))
    return out


def step_seed(args) -> dict:
    runs, helps = [], []
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
        run_cli(["run", SEEDS, "-o", Path(tmp) / "out", "-q"], driver=False)     # warm caches
        for _ in range(max(5, args.repeat)):
            runs.append(run_cli(["run", SEEDS, "-o", Path(tmp) / "out", "-q"], driver=False))
            helps.append(run_cli(["--help"], driver=False))
        stages = run_cli(["run", SEEDS, "-o", Path(tmp) / "out", "-q"])
    log(f"seed: {statistics.median(r['wall_s'] for r in runs):.2f} s wall")
    return {"run": {"wall_s": stats([r["wall_s"] for r in runs]),
                    "cpu_s": stats([r["cpu_s"] for r in runs]),
                    "load": [r["load"] for r in runs]},
            "help": {"wall_s": stats([r["wall_s"] for r in helps])},
            "stages": stages["stages"],
            "command": "python -m graphkit run seeds/ -o OUT -q (process start to end)"}


STEP_FUNCS = {"pipeline": step_pipeline, "writers": step_writers,
              "events20k": step_events20k, "gdelt": step_gdelt, "seed": step_seed}


# ---------------------------------------------------------------------------
# targets, comparison, report

def evaluate(steps: dict, add) -> None:
    p = steps.get("pipeline", {})
    for name, target in (("un400", T_E2E_400), ("un", T_E2E_FULL)):
        c = p.get("corpora", {}).get(name)
        if c and "speedup" in c:
            v = c["speedup"]
            load = [x[0] for r in c["workers2"]["load"] for x in [r] if x]
            add(f"2 workers >= {target}x one worker end to end ({c['what']})", v, v >= target,
                f"{v:.2f}x (best runs {c['speedup_best']:.2f}x; load average at the runs "
                f"{min(load, default=0):.1f}-{max(load, default=0):.1f})", "pipeline")
    w = steps.get("writers", {})
    for name in ("graphml", "gexf"):
        if name in w:
            v = w[name]["ratio"]
            add(f"{name.upper() if name == 'gexf' else 'GraphML'} of the "
                f"{w['graph']['parties']:,}-party graph >= {T_WRITER_RATIO:.0f}x faster than "
                "networkx's writer", v, v >= T_WRITER_RATIO,
                f"{v:.1f}x ({w[name]['graphkit']['median']:.3f} vs "
                f"{w[name]['networkx']['median']:.3f} CPU s)", "writers")
    e = steps.get("events20k", {})
    if "wall_s" in e:
        v = e["wall_s"]["median"]
        add(f"the {e['events']:,}-event run < {T_EVENTS20K_S:.0f} s", v, v < T_EVENTS20K_S,
            f"{v:.2f} s wall ({e['cpu_s']['median']:.2f} s CPU)", "events20k")
    g = steps.get("gdelt", {})
    if "import_speedup" in g:
        v = g["import_speedup"]
        add(f"{g['copies']} GDELT 2.0 files imported with 2 workers >= {T_GDELT_SPEEDUP}x one "
            "process", v, v >= T_GDELT_SPEEDUP,
            f"{v:.2f}x on the import stage ({g['speedup']:.2f}x whole run)", "gdelt")
    if "dask_dyads_identical" in g:
        v = g["dask_dyads_identical"]
        add("the same files on Dask local: identical dyads.csv", v, v,
            "identical" if v else "DIFFERENT", "gdelt")
    s = steps.get("seed", {})
    if "run" in s:
        v = s["run"]["wall_s"]["median"]
        add(f"graphkit run seeds/ < {T_SEED_S} s wall including start-up", v, v < T_SEED_S,
            f"{v:.2f} s (best {s['run']['wall_s']['min']:.2f} s, CPU "
            f"{s['run']['cpu_s']['median']:.2f} s)", "seed")


def stage_medians(steps: dict) -> dict:
    """Every timed stage as ``path -> median seconds`` (what --compare compares)."""
    out = {}
    for corpus, c in steps.get("pipeline", {}).get("corpora", {}).items():
        for mode in MODES:
            if mode in c:
                out[f"pipeline/{corpus}/{mode}/wall"] = c[mode]["wall_s"]["median"]
                for k, v in c[mode]["stages"].items():
                    out[f"pipeline/{corpus}/{mode}/{k}"] = v["median"]
    w = steps.get("writers", {})
    for name in ("graphml", "gexf"):
        if name in w:
            out[f"writers/{name}"] = w[name]["graphkit"]["median"]
    e = steps.get("events20k", {})
    if "stages" in e:
        out["events20k/wall"] = e["wall_s"]["median"]
        out.update({f"events20k/{k}": v["median"] for k, v in e["stages"].items()})
    g = steps.get("gdelt", {})
    for mode in MODES:
        if mode in g:
            out[f"gdelt/{mode}/wall"] = g[mode]["wall_s"]["median"]
            out.update({f"gdelt/{mode}/{k}": v["median"] for k, v in g[mode]["stages"].items()})
    s = steps.get("seed", {})
    if "run" in s:
        out["seed/wall"] = s["run"]["wall_s"]["median"]
    return out


def compare(steps: dict, reference: dict, *, ratio: float = T_COMPARE,
            floor: float = 0.05) -> list:
    """Stages at least ``ratio`` times slower than in ``reference`` (a results
    dict); stages under ``floor`` seconds in both are noise and left out."""
    now, ref = stage_medians(steps), stage_medians(reference.get("steps", {}))
    slower = []
    for key, v in now.items():
        r = ref.get(key)
        if r is not None and max(v, r) >= floor and v > r * ratio:
            slower.append({"stage": key, "reference_s": r, "now_s": v, "ratio": v / r})
    return sorted(slower, key=lambda x: -x["ratio"])


def _spread(s: dict, fmt="{:.2f}") -> str:
    return f"{fmt.format(s['min'])} / **{fmt.format(s['median'])}** / {fmt.format(s['max'])}"


_STAGE_ORDER = ("start-up and exit", "setup", "read", "extract", "aggregate", "analyse",
                "write", "write:page", "write:parquet_copies", "write:gexf", "write:graphml",
                "write:tables", "write:summary")


def _stage_table(modes: dict) -> list:
    """Wall seconds per stage (the main process's CPU seconds in brackets)."""
    names = [k for k in _STAGE_ORDER if any(k in m["stages"] for m in modes.values())]
    L = ["| stage: wall s (CPU s) | " + " | ".join(modes) + " |",
         "|---|" + "---|" * len(modes)]
    L.append("| **whole run** | " + " | ".join(_spread(m["wall_s"]) for m in modes.values())
             + " |")
    L.append("| CPU, all processes | " + " | ".join(f"{m['cpu_s']['median']:.2f}"
                                                    for m in modes.values()) + " |")

    def cell(m, k):
        if k not in m["stages"]:
            return "-"
        cpu = m.get("stage_cpu", {}).get(k)
        return f"{m['stages'][k]['median']:.3f}" + (f" ({cpu['median']:.3f})" if cpu else "")
    for k in names:
        L.append(f"| {k} | " + " | ".join(cell(m, k) for m in modes.values()) + " |")
    return L


def _loads(runs_load: list) -> str:
    """The 1-minute load averages seen at some runs, as ``min-max``."""
    one = [x[0] for x in runs_load if x]
    return f"{min(one):.1f}-{max(one):.1f}" if one else "?"


def _step_load(step: dict) -> str:
    la = [x for x in (step.get("_loadavg_start"), step.get("_loadavg_end")) if x]
    return _loads(la)


def _projection(c: dict) -> float:
    """What two free cores would give, from the runs' own stages: the 1-worker
    run with its extract stage (the part the workers share) halved, and scaled
    by the extra CPU the 2-worker runs spent (Amdahl; a projection, not a
    measurement)."""
    w1, w2 = c["workers1"], c["workers2"]
    extract = w1["stages"]["extract"]["median"]
    serial = w1["wall_s"]["median"] - extract
    overhead = w2["cpu_s"]["median"] / w1["cpu_s"]["median"]
    return w1["wall_s"]["median"] / (serial + extract * overhead / 2)


def end_to_end(steps: dict) -> list:
    """The "Done when" items of issue 20, one row each: measured, target, met."""
    rows = []
    p = steps.get("pipeline", {}).get("corpora", {})
    for name, target in (("un400", T_E2E_400), ("un", T_E2E_FULL)):
        c = p.get(name)
        if not c or "speedup" not in c:
            continue
        w1, w2 = c["workers1"], c["workers2"]
        rows.append((f"2 workers vs 1, end to end: {c['what']}",
                     f"**{c['speedup']:.2f}x** (walls: 1 worker {_spread(w1['wall_s'])} s, "
                     f"2 workers {_spread(w2['wall_s'])} s; best runs {c['speedup_best']:.2f}x)",
                     f"CPU 1 worker {w1['cpu_s']['median']:.2f} s, 2 workers "
                     f"{w2['cpu_s']['median']:.2f} s; cores obtained by 2 workers "
                     f"{c['cores_obtained']:.2f}",
                     _loads(w1["load"] + w2["load"]), f">= {target}x", c["speedup"] >= target,
                     f"{_projection(c):.2f}x"))
    w = steps.get("writers", {})
    for name in ("graphml", "gexf"):
        if name in w:
            x = w[name]
            rows.append((f"{'GraphML' if name == 'graphml' else 'GEXF'} writer vs networkx, "
                         f"{w['graph']['parties']:,}-party graph ({x['mb']} MB)",
                         f"**{x['ratio']:.1f}x**", f"CPU graphkit {_spread(x['graphkit'], '{:.3f}')}"
                         f" s, networkx {_spread(x['networkx'], '{:.3f}')} s",
                         _step_load(w), f">= {T_WRITER_RATIO:.0f}x", x["ratio"] >= T_WRITER_RATIO))
    e = steps.get("events20k", {})
    if "wall_s" in e:
        v = e["wall_s"]["median"]
        rows.append((f"`graphkit run events.csv`, {e['events']:,} events, {e['parties']:,} parties",
                     f"{_spread(e['wall_s'])} s wall", f"CPU {_spread(e['cpu_s'])} s "
                     "(all processes)", _loads(e["load"]), f"< {T_EVENTS20K_S:.0f} s",
                     v < T_EVENTS20K_S))
    g = steps.get("gdelt", {})
    if "import_speedup" in g:
        ex1, ex2 = g["workers1"]["stages"]["extract"], g["workers2"]["stages"]["extract"]
        rows.append((f"{g['copies']} GDELT 2.0 files ({g['rows']:,} rows), import, 2 workers vs 1",
                     f"**{g['import_speedup']:.2f}x** (import stage: 1 worker {_spread(ex1)} s, "
                     f"2 workers {_spread(ex2)} s; whole run {g['speedup']:.2f}x)",
                     f"CPU 1 worker {g['workers1']['cpu_s']['median']:.2f} s, 2 workers "
                     f"{g['workers2']['cpu_s']['median']:.2f} s; cores obtained "
                     f"{g['cores_obtained']:.2f}",
                     _loads(g["workers1"]["load"] + g["workers2"]["load"]),
                     f">= {T_GDELT_SPEEDUP}x", g["import_speedup"] >= T_GDELT_SPEEDUP,
                     f"{_projection(g):.2f}x whole run"))
    if "dask_dyads_identical" in g:
        ok = g["dask_dyads_identical"]
        rows.append((f"the same files on `--dask local` (2 workers): dyads.csv",
                     "**identical**" if ok else "**different**",
                     f"whole run {_spread(g['dask']['wall_s'])} s wall",
                     _loads(g["dask"]["load"]), "identical", ok))
    s = steps.get("seed", {})
    if "run" in s:
        r = s["run"]
        rows.append(("`graphkit run seeds/`, process start to end",
                     f"{_spread(r['wall_s'])} s wall",
                     f"CPU {_spread(r['cpu_s'])} s (one process)", _loads(r["load"]),
                     f"< {T_SEED_S} s", r["wall_s"]["median"] < T_SEED_S))
    if not rows:
        return []
    L = ["## End to end (issue 20)", "",
         "Each \"Done when\" item of issue 20, from the steps below (medians, **median** "
         "between min / max; 3 runs or more). The load average is the 1-minute figure seen at "
         "the runs: on this 2-core machine, shared with other work, a load above 2 means a "
         "second worker or writer process does not get a core of its own, so the wall-clock "
         "speed-ups understate what two free cores give; the CPU figures (and the cores "
         "obtained, CPU / wall of the process tree) say how much the runs got. \"Two free "
         "cores\" is a projection from the runs' own stages, not a measurement: the 1-worker "
         "run with its extract stage halved and scaled by the extra CPU the 2-worker runs "
         "spent.", "",
         "| item | measured | CPU | load average | two free cores | target | met |",
         "|---|---|---|---|---|---|---|"]
    L += [f"| {row[0]} | {row[1]} | {row[2]} | {row[3]} | {row[6] if len(row) > 6 else '-'} | "
          f"{row[4]} | {'met' if row[5] else '**not met**'} |" for row in rows]
    return L + [""]


def markdown(steps: dict, when) -> list:
    L = end_to_end(steps)
    p = steps.get("pipeline")
    if p:
        L += ["## The whole pipeline, stage by stage", ""]
        if "skipped" in p:
            L += [f"Skipped: {p['skipped']}", ""]
        else:
            L += [f"{p['note']}. Stages (wall seconds, medians): setup = options, registry, "
                  "inputs listed, worker processes started, pandas and the writers imported "
                  "(while the workers extract); read = reading documents (inside extract); "
                  "extract = documents extracted and events streamed to events.csv; "
                  "aggregate = dyad sums merged, tables built; analyse = graphs and analysis; "
                  "write = every output, with each writer below it (with 2 workers the page "
                  "and Parquet are written in the main process while a forked one writes "
                  "GEXF, GraphML, the CSV tables and the report).", "", when("pipeline"), ""]
            for name, c in p["corpora"].items():
                modes = {m: c[m] for m in MODES if m in c}
                L += [f"### {c['what']}", "", *_stage_table(modes), ""]
                ident = ", ".join(f"{m}: {'identical' if ok else 'DIFFERENT'}"
                                  for m, ok in c["identical"].items())
                if "speedup" in c:
                    L += [f"2 workers / 1 worker, end to end: **{c['speedup']:.2f}x** (medians; "
                          f"{c['speedup_best']:.2f}x from the best runs), with "
                          f"{c['cores_obtained']:.2f} cores obtained by the 2-worker runs. "
                          f"Outputs against --workers 1 ({', '.join(COMPARED)}): {ident}. "
                          "Load average (1 min) at the 2-worker runs: "
                          f"{', '.join(str(x[0]) for x in c['workers2']['load'] if x)}.", ""]
    w = steps.get("writers")
    if w:
        g = w["graph"]
        L += ["## GraphML and GEXF writers", "",
              f"{g['parties']:,} parties, {g['edges']:,} edges ({g['events']:,} synthetic "
              f"events through graphkit run's graph); {w['note']}.", "", when("writers"), "",
              "| file | MB | graphkit CPU s | networkx CPU s | ratio |", "|---|---|---|---|---|"]
        for name in ("graphml", "gexf"):
            x = w[name]
            L.append(f"| {name} | {x['mb']} | {_spread(x['graphkit'], '{:.3f}')} | "
                     f"{_spread(x['networkx'], '{:.3f}')} | {x['ratio']:.1f}x |")
        L.append("")
    e = steps.get("events20k")
    if e:
        L += [f"## A run on {e['events']:,} events", "", f"{e['input']}, {e['parties']:,} "
              "parties.", "", when("events20k"), "", *_stage_table({"workers1": e}), ""]
    g = steps.get("gdelt")
    if g:
        L += ["## GDELT files in parallel", ""]
        if "skipped" in g:
            L += [f"Skipped: {g['skipped']}", ""]
        else:
            modes = {m: g[m] for m in MODES if m in g}
            L += [f"{g['copies']} copies of the GDELT 2.0 export 20191024143000 ({g['rows']:,} "
                  "rows), distinct file names, read by `graphkit run` (one task per file); "
                  "extract is the import stage.", "", when("gdelt"), "", *_stage_table(modes),
                  ""]
            if "import_speedup" in g:
                L += [f"Import stage, 2 workers / 1: **{g['import_speedup']:.2f}x**; whole run "
                      f"{g['speedup']:.2f}x. dyads.csv and the other outputs against "
                      "--workers 1: " + ", ".join(f"{m}: {'identical' if ok else 'DIFFERENT'}"
                                                  for m, ok in g["identical"].items()) + ".", ""]
    s = steps.get("seed")
    if s:
        L += ["## Start-up: the seed", "", f"`{s['command']}`, and `graphkit --help`.", "",
              when("seed"), "", "| command | wall s | CPU s |", "|---|---|---|",
              f"| graphkit run seeds/ | {_spread(s['run']['wall_s'])} | "
              f"{s['run']['cpu_s']['median']:.2f} |",
              f"| graphkit --help | {_spread(s['help']['wall_s'])} | |", "",
              "Stages of one seed run (s): " + ", ".join(
                  f"{k} {v:.3f}" for k, v in s["stages"].items()) + ".", ""]
    return L
