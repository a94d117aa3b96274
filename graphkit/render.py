"""The interactive HTML explorer: one self-contained, offline page over a dyad graph.

The page inlines vis-network (pyvis's bundled copy) and graphkit's own CSS/JS
from ``graphkit/templates``; every piece of data (names, evidence sentences,
document titles, URLs) travels as JSON inside ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page builds every
DOM node with ``textContent``. A Content-Security-Policy with script hashes
forbids any network request and any inline event handler.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import math
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from pandas.api.types import is_string_dtype

from .io import atomic_write_text
from .model import CATEGORIES, QUAD_CLASSES
from .report import PARTY_COUNTS, party_counts

__all__ = ["LAYOUTS", "render_html", "write_html", "notebook_iframe"]

#: Accepted values of the ``layout`` option.
LAYOUTS = ("auto", "physics", "python", "given")

#: Node kinds in legend order; other kinds are drawn as ``unknown``.
KINDS = ("state", "igo", "ngo", "group", "person", "agreement", "unknown")

# Layout. vis-network's physics is slow at corpus scale (measured in
# ../shared/notes/pyvis-and-gephi.md: 1.3-4.4 s to interactive from 150 shown nodes on
# this machine), so positions come from here and the page only fits them to the
# screen. Python gives every party a *base position*: nx.spring_layout (dense
# Fruchterman-Reingold, 50 iterations; 0.04 s at 100 nodes, 0.28 s at 300, 0.8 s at
# 499, SciPy above, so at most CORE_MAX_NODES) on the core (the parties shown at first,
# at least CORE_MIN_NODES), every other party next to its strongest placed partner (a
# sunflower, O(nodes + edges)). The page then lays out whatever the filters leave (see
# explorer.js, "layout"): a star-shaped view (one party in at least half of the drawn
# events: readouts, a ministry's statements) and a party's neighbours get concentric
# rings around the hub, ordered by activity, with communities or regions as sectors;
# other views snap the base positions onto a hexagonal lattice sized to the window, so
# that no two node centres are closer than the lattice spacing; small components and
# isolated parties are packed in columns beside the main component. Labels are drawn
# where they fit, largest parties first. "physics" (vis-network settles the page's
# positions, then stops) stays available; "given" keeps node attributes x/y.
STABILIZATION_ITERATIONS = 150
CORE_MIN_NODES = 200
CORE_MAX_NODES = 499
_SPRING_ITERATIONS = 50
_GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
#: Category of the page's rows for stances on named agreements (not events).
STANCE = "STANCE"

_EVENT_DEFAULTS = {
    "event_id": "", "doc_id": "", "date": "", "source": "", "target": "",
    "source_agent": "", "target_agent": "", "event_type": "", "mode": "",
    "polarity": 0, "intensity": 0.0, "issue": "", "negated": False, "modality": "",
    "speaker": "", "evidence": "", "trigger": "",
}
_NO_CLOSE = re.compile(r"</(script|style)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"/\*@(CSS|VIS|APP|CSP)@\*/|@(TITLE|DATA)@")


def render_html(
    D: nx.DiGraph,
    events: pd.DataFrame,
    *,
    title: str = "graphkit",
    documents: pd.DataFrame | None = None,
    max_nodes: int = 300,
    seed: int = 42,
    layout: str = "auto",
    evidence_sampled: bool = False,
    search_names: dict | None = None,
) -> str:
    """Render a dyad graph and its events as one self-contained HTML page.

    The page works offline from ``file://`` (vis-network and graphkit's CSS/JS are
    inlined), offers search, filters (category, polarity, issue, dates, minimum
    events, node kind, officials collapsed into their parties), side panels with
    partners, rivals, timelines and evidence sentences, and PNG/CSV downloads.

    Parameters
    ----------
    D : networkx.DiGraph
        Dyad graph from :func:`graphkit.graph.build_dyad_graph`. Optional node
        attributes ``aliases`` (``;``-joined), ``community``, ``pagerank``,
        ``betweenness``, ``x`` and ``y`` are used when present. Not modified.
    events : DataFrame
        Events with the ``events.csv`` columns, optionally a ``trigger`` column
        (``;``-joined trigger words, marked in the evidence) and an ``n`` column
        (a row standing for ``n`` like events without their sentences; the page
        counts it ``n`` times). Events whose source is not a node of ``D``, or
        whose dyad is not an edge of ``D``, are left out. Not modified.
    title : str, optional (default="graphkit")
        Corpus title shown in the header and the window title.
    documents : DataFrame, optional
        Columns ``doc_id, title, date, url``; only ``http``/``https`` URLs become links.
    max_nodes : int, optional (default=300)
        Show at most this many parties (the most active) at first; the page keeps
        all of them and lets search and filters bring others in.
    seed : int, optional (default=42)
        Seed of the Python layout and of vis-network's layout.
    layout : {"auto", "physics", "python", "given"}, optional (default="auto")
        ``python``: base positions computed here, fitted to the screen by the
        page after every filter change (rings around the hub of a star-shaped
        view, a lattice otherwise); ``physics``: the same, then vis-network
        settles them; ``given``: node attributes ``x``/``y`` as they are;
        ``auto``: ``given`` when every node has them, else ``python``.
    evidence_sampled : bool, optional (default=False)
        Say so on the page when only some events carry their sentence (a
        large run embeds a sample; see ``graphkit.pipeline.PAGE_EVIDENCE``).
    search_names : dict, optional
        Node id -> more names the search finds it by (the pipeline passes its
        officials' name variants: :func:`graphkit.pipeline.official_names`).

    Returns
    -------
    str
        The page. Same input, same string (everything sorted, fixed seeds).

    Raises
    ------
    TypeError
        If ``D`` is not a ``networkx.DiGraph`` or ``events`` not a DataFrame.
    ValueError
        If ``max_nodes`` is not a positive integer, ``layout`` is unknown, or
        ``layout="given"`` while some node lacks ``x``/``y``.

    Examples
    --------
    >>> from graphkit.graph import build_dyad_graph, events_frame
    >>> ev = events_frame([dict(event_id="e1", source="RUS", source_name="Russia",
    ...     target="NATO", target_name="NATO", event_type="CONSULT", polarity=1,
    ...     intensity=1.0, date="2013-04-23", evidence="Lavrov met NATO ministers.")])
    >>> page = render_html(build_dyad_graph(ev), ev, title="Seed")
    >>> page.startswith("<!DOCTYPE html>"), "Lavrov met NATO" in page
    (True, True)
    >>> render_html(build_dyad_graph(ev), ev) == render_html(build_dyad_graph(ev), ev)
    True

    See Also
    --------
    write_html, notebook_iframe
    """
    payload = _payload(D, events, evidence_sampled=evidence_sampled, title=title,
                       documents=documents, max_nodes=max_nodes, seed=seed, layout=layout,
                       search_names=search_names)
    return _page(payload, title)


def write_html(
    path,
    D: nx.DiGraph,
    events: pd.DataFrame,
    *,
    title: str = "graphkit",
    documents: pd.DataFrame | None = None,
    max_nodes: int = 300,
    seed: int = 42,
    layout: str = "auto",
    evidence_sampled: bool = False,
    search_names: dict | None = None,
) -> Path:
    """Write :func:`render_html` of ``D`` and ``events`` to ``path`` atomically.

    Parameters
    ----------
    path : str or path-like
        Output file (parent folders are created).
    D, events, title, documents, max_nodes, seed, layout, evidence_sampled, search_names
        As for :func:`render_html`.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    graphkit.errors.ExportError
        If the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphkit.graph import build_dyad_graph, events_frame
    >>> ev = events_frame([dict(event_id="e1", source="RUS", target="USA",
    ...                         event_type="CONSULT", polarity=1)])
    >>> out = write_html(pathlib.Path(tempfile.mkdtemp()) / "graph.html",
    ...                  build_dyad_graph(ev), ev, title="Demo")
    >>> out.name, out.read_text(encoding="utf-8").count("<title>Demo</title>")
    ('graph.html', 1)
    """
    page = render_html(D, events, title=title, documents=documents, max_nodes=max_nodes,
                       seed=seed, layout=layout, evidence_sampled=evidence_sampled,
                       search_names=search_names)
    return atomic_write_text(path, page)


def notebook_iframe(html_page: str, *, height: int = 600) -> str:
    """Wrap a page in an ``<iframe srcdoc="...">`` for Jupyter, VS Code or Colab.

    The page is attribute-escaped into ``srcdoc`` (works where file-backed iframes
    stay blank) and sandboxed: scripts run, but without the notebook's origin.
    Display it with ``IPython.display.HTML(notebook_iframe(page))``.

    Parameters
    ----------
    html_page : str
        A page from :func:`render_html`.
    height : int, optional (default=600)
        Height of the frame in pixels.

    Returns
    -------
    str
        The ``<iframe>`` element.

    Raises
    ------
    ValueError
        If ``height`` is not a positive integer.

    Examples
    --------
    >>> frame = notebook_iframe("<p title='x'>A & B</p>", height=400)
    >>> frame.startswith("<iframe srcdoc="), "&lt;p title=&#x27;x&#x27;&gt;A &amp; B" in frame
    (True, True)
    """
    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        raise ValueError(f"height must be a positive integer, got {height!r}")
    return (
        f'<iframe srcdoc="{html.escape(html_page, quote=True)}" title="graphkit explorer" '
        f'style="width:100%;height:{height}px;border:1px solid #d7dce2;border-radius:6px" '
        'sandbox="allow-scripts allow-downloads allow-popups '
        'allow-popups-to-escape-sandbox"></iframe>'
    )


# --------------------------------------------------------------------------- payload


def _payload(D, events, *, title, documents, max_nodes, seed, layout,
             evidence_sampled=False, search_names=None) -> dict:
    if not isinstance(D, nx.DiGraph) or D.is_multigraph():
        raise TypeError(f"D must be a networkx.DiGraph (a dyad graph), got {type(D).__name__}")
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a pandas DataFrame, got {type(events).__name__}")
    if documents is not None and not isinstance(documents, pd.DataFrame):
        raise TypeError(f"documents must be a pandas DataFrame, got {type(documents).__name__}")
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a positive integer, got {max_nodes!r}")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}; got {layout!r}")
    seed = int(seed)

    nodes, index = _nodes(D)
    for n, names in (search_names or {}).items():
        i = index.get(n)
        if i is not None:
            nodes["aliases"][i] = sorted(set(nodes["aliases"][i]) | {_text(x) for x in names} - {""})
    dyads = _dyads(D, index)
    ev, docs, dates = _events(events, documents, D, index)
    _add_stances(ev, nodes, dyads)
    nodes["activity"] = _activity(ev, nodes)
    stance = [c == STANCE for c in ev["cat"]]
    # dates of events and stances, indexed (the page's date slider moves over them)
    dates = sorted(set(dates) | {d for d in ev["date"] if d})
    date_index = {d: i for i, d in enumerate(dates)}
    ev["di"] = [date_index.get(d, -1) for d in ev.pop("date")]
    units = _units(nodes)
    activity = _unit_activity(nodes, units)
    ranked = sorted(units, key=lambda u: (-activity[u], u))
    initial = ranked[:max_nodes]

    given = all(x is not None and y is not None for x, y in zip(nodes["x"], nodes["y"]))
    if layout == "given" and not given:
        raise ValueError('layout="given" needs numeric node attributes x and y on every node')
    mode = ("given" if given and nodes["id"] else "python") if layout == "auto" else layout
    if mode == "given":
        xs, ys = _given_positions(nodes)
    else:
        core = min(max(len(initial), CORE_MIN_NODES), CORE_MAX_NODES)
        xs, ys = _python_layout(nodes, dyads, units, ranked[:core], ranked, seed=seed)
    nodes.pop("x")
    nodes.pop("y")
    nodes["x"], nodes["y"] = xs, ys

    cats = list(CATEGORIES)
    for c in sorted(set(ev["cat"]) - set(cats) - {"", STANCE}):
        cats.append(c)
    if any(stance):
        cats.append(STANCE)
    cat_index = {c: i for i, c in enumerate(cats)}
    ev["cat"] = [cat_index.get(c, -1) for c in ev["cat"]]
    modalities = _modality_classes(ev)

    issues = set()
    for x in ev["issue"]:
        issues.update(p for p in x.split(";") if p)
    kinds = nodes["kind"]
    kinds_present = {k if k in KINDS else "unknown" for k in kinds}
    event_dates = [dates[d] for d, st in zip(ev["di"], stance) if d >= 0 and not st]
    doc_ids = set(docs["id"]) | {_text(d) for d in _col(documents, "doc_id")} - {""}
    agreement = {i for i, k in enumerate(kinds) if k == "agreement"}
    meta = {
        "title": str(title),
        "date_min": min(event_dates) if event_dates else "",
        "date_max": max(event_dates) if event_dates else "",
        "counts": {
            "documents": len(doc_ids),
            "events": sum(n for n, st in zip(ev["n"], stance) if not st),
            "undated": sum(n for n, d, st in zip(ev["n"], ev["di"], stance)
                           if d < 0 and not st),
            "with_text": sum(1 for t in ev["text"] if t),
            "evidence_sampled": bool(evidence_sampled),
            "parties": sum(1 for i, k in enumerate(kinds) if k not in ("person", "agreement")
                           and nodes["activity"][i] > 0),
            "agreements": len(agreement),
            "officials": sum(1 for k in kinds if k == "person"),
            "dyads": sum(1 for a, b in zip(dyads["s"], dyads["t"])
                         if a not in agreement and b not in agreement),
            "stances": sum(n for n, st in zip(ev["n"], stance) if st),
        },
        "party_counts": PARTY_COUNTS,
        "max_nodes": max_nodes,
        "n_units": len(units),
        "initial": [nodes["id"][u] for u in initial],
        "truncated": len(units) > max_nodes,
        "layout": mode,
        "seed": seed,
        "stabilization_iterations": STABILIZATION_ITERATIONS,
        "categories": cats,
        "stance_category": cat_index.get(STANCE, -1),
        "category_quad": [CATEGORIES[c][0] if c in CATEGORIES else 0 for c in cats],
        "quad_classes": {str(k): v for k, v in QUAD_CLASSES.items()},
        "modalities": modalities,
        "issues": sorted(issues),
        "dates": dates,
        "kinds": [k for k in KINDS if k in kinds_present],
        "has": {k: any(v is not None for v in nodes[k])
                for k in ("community", "pagerank", "betweenness")},
    }
    return {"meta": meta, "nodes": nodes, "events": ev, "docs": docs}


#: Modality classes of the page: an event is asserted when its ``modality`` is
#: empty or ``asserted`` and it is not negated; negated events form their own class.
ASSERTED, NEGATED = "asserted", "negated"


def _modality_classes(ev) -> list:
    """Replace ``ev["mod"]`` by ``ev["mc"]``, an index into the returned class names:
    ``asserted`` first, then the other modalities by frequency, ``negated`` last."""
    classes = [NEGATED if neg else (m.strip().lower() or ASSERTED)
               for m, neg in zip(ev.pop("mod"), ev["neg"])]
    freq = {}
    for c, n in zip(classes, ev["n"]):
        freq[c] = freq.get(c, 0) + n
    others = sorted(set(freq) - {ASSERTED, NEGATED}, key=lambda c: (-freq[c], c))
    names = [ASSERTED] + others + ([NEGATED] if NEGATED in freq else [])
    where = {c: i for i, c in enumerate(names)}
    ev["mc"] = [where[c] for c in classes]
    return names


def _add_stances(ev, nodes, dyads) -> None:
    """Append one row per stance kind (support, oppose, negated, other) of every
    party -> agreement edge, category :data:`STANCE`, so that filters treat them
    like events (they are counted apart from the events)."""
    kind = nodes["kind"]
    for k, (s, t) in enumerate(zip(dyads["s"], dyads["t"])):
        if kind[t] != "agreement" and kind[s] != "agreement":
            continue
        coop, conf, neg = dyads["cooperative"][k], dyads["conflictual"][k], dyads["negated"][k]
        rest = max(dyads["events"][k] - coop - conf - neg, 0)
        for n, pol, negated in ((coop, 1, 0), (conf, -1, 0), (neg, 0, 1), (rest, 0, 0)):
            if n <= 0:
                continue
            for name, value in (("id", ""), ("doc", -1), ("date", dyads["first_date"][k]),
                                ("s", s), ("t", t), ("cat", STANCE), ("mode", ""),
                                ("pol", pol), ("int", 0.0), ("issue", ""), ("neg", negated),
                                ("mod", ""), ("sa", ""), ("ta", ""), ("speaker", ""),
                                ("n", int(n)), ("text", ""), ("marks", [])):
                ev[name].append(value)


def _activity(ev, nodes) -> list:
    """Events per node as :func:`graphkit.report.party_counts` counts them (what
    report.md and actors.csv say); an agreement's stances for an agreement node."""
    ids = nodes["id"]
    rows = [(ids[s], ids[t] if t >= 0 else "", n)
            for s, t, n, c in zip(ev["s"], ev["t"], ev["n"], ev["cat"]) if c != STANCE]
    frame = pd.DataFrame(rows, columns=["source", "target", "n"]).assign(polarity=0,
                                                                          negated=False)
    counts = party_counts(frame, weights=frame["n"].to_numpy())["events"].to_dict()
    act = [int(counts.get(i, 0)) for i in ids]
    for t, n, c in zip(ev["t"], ev["n"], ev["cat"]):
        if c == STANCE:
            act[t] += n
    return act


def _col(df, name, default=""):
    if df is None or name not in df.columns:
        return [] if df is None else [default] * len(df)
    return df[name].tolist()


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    return str(value)


def _num(value, ndigits=6):
    """A JSON-safe float (None for missing, NaN or inf)."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    return round(f, ndigits)


def _int(value, default=0) -> int:
    f = _num(value)
    return default if f is None else int(f)


def _nodes(D):
    ids = sorted(D.nodes, key=str)
    index = {n: i for i, n in enumerate(ids)}
    sid = [str(n) for n in ids]
    cols = {k: [] for k in ("id", "name", "kind", "country", "region", "mentions",
                            "aliases", "party", "community", "pagerank", "betweenness", "x", "y")}
    by_str = {s: i for i, s in enumerate(sid)}
    for i, n in enumerate(ids):
        a = D.nodes[n]
        kind = _text(a.get("kind")).strip().lower() or "unknown"
        cols["id"].append(sid[i])
        cols["name"].append(_text(a.get("name")) or sid[i])
        cols["kind"].append(kind if kind in KINDS else "unknown")
        cols["country"].append(_text(a.get("country")))
        cols["region"].append(_text(a.get("region")))
        cols["mentions"].append(_int(a.get("mentions")))
        aliases = a.get("aliases")
        if isinstance(aliases, (list, tuple, set, frozenset)):
            parts = [_text(x) for x in aliases]
        else:
            parts = _text(aliases).split(";")
        cols["aliases"].append(sorted({p.strip() for p in parts if p.strip()}))
        com = a.get("community")
        cols["community"].append(None if _num(com) is None else _int(com))
        cols["pagerank"].append(_num(a.get("pagerank")))
        cols["betweenness"].append(_num(a.get("betweenness")))
        cols["x"].append(_num(a.get("x")))
        cols["y"].append(_num(a.get("y")))
    for i in range(len(ids)):
        party = -1
        if cols["kind"][i] == "person":
            j = by_str.get(cols["country"][i], -1)
            if j >= 0 and j != i and cols["kind"][j] != "person":
                party = j
        cols["party"].append(party)
    return cols, index


def _texts(series: pd.Series) -> pd.Series:
    """Strings, with missing values (None, NaN, NA) as ''."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _numbers(series: pd.Series, ndigits=3) -> pd.Series:
    f = pd.to_numeric(series, errors="coerce").astype("float64")
    return f.where(f.abs() < float("inf"), 0.0).fillna(0.0).round(ndigits)


def _dyads(D, index):
    names = ("s", "t", "events", "cooperative", "conflictual", "negated", "mean_intensity",
             "sum_intensity", "sign", "first_date", "last_date", "issues")
    edges = sorted(((index[u], index[v], a) for u, v, a in D.edges(data=True)),
                   key=lambda e: (e[0], e[1]))
    if not edges:
        return {k: [] for k in names}
    dicts = [a for _, _, a in edges]

    def column(name, default):
        return pd.Series([a.get(name, default) for a in dicts], dtype=object)

    out = pd.DataFrame({"s": [e[0] for e in edges], "t": [e[1] for e in edges]})
    ev = pd.to_numeric(column("events", None), errors="coerce")
    ev = ev.fillna(pd.to_numeric(column("weight", None), errors="coerce"))
    out["events"] = ev.fillna(1).astype("int64")
    for name in ("cooperative", "conflictual", "negated"):
        out[name] = pd.to_numeric(column(name, 0), errors="coerce").fillna(0).astype("int64")
    out["mean_intensity"] = _numbers(column("mean_intensity", 0.0))
    out["sum_intensity"] = _numbers(column("sum_intensity", 0.0))
    sign = pd.to_numeric(column("sign", None), errors="coerce")
    fallback = np.sign(out["sum_intensity"])
    out["sign"] = sign.fillna(fallback).clip(-1, 1).astype("int64")
    out["first_date"] = _texts(column("first_date", ""))
    out["last_date"] = _texts(column("last_date", ""))
    issues = column("issues", "").map(
        lambda x: ";".join(map(_text, x)) if isinstance(x, (list, tuple, set, frozenset)) else x)
    out["issues"] = _sorted_parts(_texts(issues))
    return {k: out[k].tolist() for k in names}


def _sorted_parts(series: pd.Series) -> pd.Series:
    """Normalise ';'-joined values: unique, sorted, no empty parts."""
    multi = series.str.contains(";", regex=False)
    if multi.any():
        series = series.copy()
        series[multi] = series[multi].map(
            lambda v: ";".join(sorted({p for p in v.split(";") if p})))
    return series


def _strings(events, name, n) -> list:
    """Column ``name`` as a list of str ('' for missing values or a missing column)."""
    if name not in events.columns:
        return [""] * n
    col = events[name]
    values = col.tolist()
    if col.dtype != object and is_string_dtype(col.dtype) and not col.hasnans:
        return values
    return [v if type(v) is str else _text(v) for v in values]


def _events(events, documents, D, index):
    """Columnar events (sorted by date then id), their documents, and the sorted dates
    (``ev["date"]`` holds each event's date; :func:`_payload` turns it into indices)."""
    n = len(events)
    by_str = {str(k): i for k, i in index.items()}
    n_nodes = len(index)
    col = {name: _strings(events, name, n) for name, default in _EVENT_DEFAULTS.items()
           if isinstance(default, str)}
    src = [by_str.get(x, -1) for x in col["source"]]
    tgt = [by_str.get(x, -1) for x in col["target"]]
    edge_keys = {index[u] * n_nodes + index[v] for u, v in D.edges()}
    target = col["target"]
    keep = [k for k in range(n) if src[k] >= 0 and (
        not target[k] or (tgt[k] >= 0 and src[k] * n_nodes + tgt[k] in edge_keys))]
    date, eid = col["date"], col["event_id"]
    order = sorted(keep, key=lambda k: (date[k], eid[k]))

    if "polarity" in events.columns:
        pol = pd.to_numeric(events["polarity"], errors="coerce").fillna(0)
        pol = np.sign(pol).astype("int64").tolist()
    else:
        pol = [0] * n
    if "intensity" in events.columns:
        inten = _numbers(events["intensity"]).tolist()
    else:
        inten = [0.0] * n
    if "n" in events.columns:        # a row may stand for several events (see pipeline)
        count = pd.to_numeric(events["n"], errors="coerce").fillna(1).astype("int64").tolist()
    else:
        count = [1] * n
    if "negated" not in events.columns:
        neg = [0] * n
    elif events["negated"].dtype == bool:
        neg = events["negated"].astype("int64").tolist()
    else:
        neg = [1 if _truthy(v) else 0 for v in events["negated"].tolist()]

    doc_info = {}
    if documents is not None:
        for d, ti, da, u in zip(_col(documents, "doc_id"), _col(documents, "title"),
                                _col(documents, "date"), _col(documents, "url")):
            doc_info.setdefault(_text(d), (_text(ti), _text(da), _text(u).strip()))
    doc_col = col["doc_id"]
    doc_ids = sorted({doc_col[k] for k in order} - {""})
    docs = {"id": doc_ids, "title": [], "date": [], "url": [], "link": []}
    for d in doc_ids:
        ti, da, u = doc_info.get(d, ("", "", ""))
        docs["title"].append(ti)
        docs["date"].append(da)
        docs["url"].append(u)
        docs["link"].append(_is_web_url(u))
    dates = sorted({date[k] for k in order} - {""})
    doc_index = {d: i for i, d in enumerate(doc_ids)}

    def pick(values):
        return [values[k] for k in order]

    issues = pick(col["issue"])
    issues = [";".join(sorted({p for p in x.split(";") if p})) if ";" in x else x for x in issues]
    texts, triggers = pick(col["evidence"]), pick(col["trigger"])
    patterns = {g: _trigger_pattern(g) for g in set(triggers) if g}
    out = {
        "id": pick(eid),
        "doc": [doc_index.get(doc_col[k], -1) for k in order],
        "date": pick(date),
        "s": pick(src),
        "t": [tgt[k] if target[k] else -1 for k in order],
        "cat": [x.strip().upper() for x in pick(col["event_type"])],
        "mode": pick(col["mode"]),
        "pol": pick(pol),
        "int": pick(inten),
        "issue": issues,
        "neg": pick(neg),
        "mod": pick(col["modality"]),
        "sa": pick(col["source_agent"]),
        "ta": pick(col["target_agent"]),
        "speaker": pick(col["speaker"]),
        "n": pick(count),
        "text": texts,
        "marks": [_spans(x, patterns[g]) if g and x and patterns[g] is not None else []
                  for x, g in zip(texts, triggers)],
    }
    return out, docs, dates


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    f = _num(value)
    return bool(f) if f is not None else False


_WEB_URL = re.compile(r"https?://[^\x00-\x20\x7f\"'<>`\\/?#]+(?:[/?#][^\x00-\x20\x7f\"'<>`\\]*)?",
                      re.IGNORECASE)


def _is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host and no whitespace, quotes or controls.

    >>> _is_web_url("https://example.org/a?b=1"), _is_web_url("javascript:alert(1)")
    (True, False)
    >>> _is_web_url("http://x.org/ onmouseover=1"), _is_web_url("https:///nohost")
    (False, False)
    """
    return bool(url) and _WEB_URL.fullmatch(url) is not None


def _marks(text: str, trigger: str) -> list:
    """Flat [start, end, ...] spans of the trigger words in ``text`` (case-insensitive),
    in UTF-16 code units as JavaScript counts them.

    >>> _marks("Russia called for talks; Russia called again.", "called for")
    [7, 17]
    """
    if not text or not trigger:
        return []
    pattern = _trigger_pattern(trigger)
    return [] if pattern is None else _spans(text, pattern)


def _spans(text: str, pattern) -> list:
    regex, terms = pattern
    low = text.lower()
    found = []
    if len(low) == len(text):
        # str.find on the lower-cased text is much faster than a case-insensitive regex
        for term, left, right in terms:
            pos = low.find(term)
            while pos >= 0:
                end = pos + len(term)
                before = low[pos - 1] if left and pos > 0 else " "
                after = low[end] if right and end < len(low) else " "
                if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                    found.append((pos, end))
                pos = low.find(term, pos + 1)
        found.sort()
    else:
        found = [m.span() for m in regex.finditer(text)]
    flat = []
    for s, e in found:
        if flat and s <= flat[-1]:
            flat[-1] = max(flat[-1], e)
        else:
            flat += (s, e)
    if flat and not text.isascii() and any(ord(c) > 0xFFFF for c in text):
        flat = [i + sum(1 for c in text[:i] if ord(c) > 0xFFFF) for i in flat]
    return flat


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


@functools.lru_cache(maxsize=4096)
def _trigger_pattern(trigger: str):
    """The ';'- or '|'-separated trigger terms: a case-insensitive regex (longest term
    first) and (lower-cased term, needs left boundary, needs right boundary) triples."""
    terms = sorted({t.strip() for t in re.split(r"[;|]", trigger) if t.strip()},
                   key=lambda t: (-len(t), t))
    if not terms:
        return None
    parts, plain = [], []
    for term in terms:
        left, right = _is_word(term[0]), _is_word(term[-1])
        parts.append((r"\b" if left else "") + re.escape(term) + (r"\b" if right else ""))
        plain.append((term.lower(), left, right))
    return re.compile("|".join(parts), re.IGNORECASE), tuple(plain)


def _units(nodes) -> list:
    """Indices of the nodes drawn when officials are collapsed into their parties."""
    return [i for i, p in enumerate(nodes["party"]) if p < 0]


def _unit_activity(nodes, units) -> dict:
    act = {u: nodes["activity"][u] for u in units}
    for i, p in enumerate(nodes["party"]):
        if p >= 0:
            act[p] += nodes["activity"][i]
    return act


# --------------------------------------------------------------------------- layout


def _scale_for(n: int) -> float:
    """Half-width in pixels of the square holding ``n`` nodes (about 90 px apart)."""
    return 45.0 * math.sqrt(max(n, 1)) + 60.0


def _given_positions(nodes):
    xs, ys = nodes["x"], nodes["y"]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    extent = max(max(abs(x - cx) for x in xs), max(abs(y - cy) for y in ys)) or 1.0
    f = _scale_for(len(xs)) / extent
    return ([round((x - cx) * f, 1) for x in xs], [round((y - cy) * f, 1) for y in ys])


def _python_layout(nodes, dyads, units, core, ranked, *, seed):
    """Positions for every node: spring layout of the core, sunflowers around it."""
    n = len(nodes["id"])
    party = nodes["party"]

    def unit(i):
        return party[i] if party[i] >= 0 else i

    weight = {}
    for s, t, w in zip(dyads["s"], dyads["t"], dyads["events"]):
        a, b = unit(s), unit(t)
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        weight[key] = weight.get(key, 0) + w
    adj = {u: [] for u in units}
    for (a, b), w in sorted(weight.items()):
        adj[a].append((b, w))
        adj[b].append((a, w))

    H = nx.Graph()
    H.add_nodes_from(core)
    in_core = set(core)
    H.add_weighted_edges_from(
        (a, b, 1.0 + math.log(w)) for (a, b), w in sorted(weight.items())
        if a in in_core and b in in_core)
    scale = _scale_for(len(core))
    if len(core) == 1:
        pos = {core[0]: (0.0, 0.0)}
    else:
        raw = nx.spring_layout(H, iterations=_SPRING_ITERATIONS, seed=seed, weight="weight")
        pos = {u: (float(p[0]) * scale, float(p[1]) * scale) for u, p in raw.items()}

    # Breadth-first from the core: each new node joins its strongest placed partner.
    rank = {u: r for r, u in enumerate(ranked)}
    placed_around = {}
    outer = 0
    todo = sorted((u for u in units if u not in pos), key=rank.get)
    frontier = sorted(in_core, key=rank.get)
    remaining = set(todo)
    while remaining:
        nxt = []
        for u in frontier:
            for v, _ in sorted(adj[u], key=lambda e: (-e[1], rank[e[0]])):
                if v in remaining:
                    anchor = max((p for p in adj[v] if p[0] in pos),
                                 key=lambda e: (e[1], -rank[e[0]]))[0]
                    k = placed_around.get(anchor, 0)
                    placed_around[anchor] = k + 1
                    r = 38.0 + 16.0 * math.sqrt(k)
                    ax, ay = pos[anchor]
                    angle = k * _GOLDEN_ANGLE
                    pos[v] = (ax + r * math.cos(angle), ay + r * math.sin(angle))
                    remaining.discard(v)
                    nxt.append(v)
        if not nxt and remaining:
            # A component not reached from the core: seed it on an outer spiral.
            v = min(remaining, key=rank.get)
            r = scale * 1.15 + 30.0 * math.sqrt(outer)
            pos[v] = (r * math.cos(outer * _GOLDEN_ANGLE), r * math.sin(outer * _GOLDEN_ANGLE))
            outer += 1
            remaining.discard(v)
            nxt.append(v)
        frontier = nxt

    xs, ys = [0.0] * n, [0.0] * n
    officials = {}
    for i in range(n):
        if party[i] >= 0:
            k = officials.get(party[i], 0)
            officials[party[i]] = k + 1
            px, py = pos[party[i]]
            r = 30.0 + 10.0 * math.sqrt(k)
            angle = k * _GOLDEN_ANGLE + 1.0
            xs[i], ys[i] = px + r * math.cos(angle), py + r * math.sin(angle)
        else:
            xs[i], ys[i] = pos[i]
    return [round(x, 1) for x in xs], [round(y, 1) for y in ys]


# --------------------------------------------------------------------------- page


def _asset(name: str) -> str:
    return resources.files("graphkit").joinpath("templates", name).read_text(encoding="utf-8")


def _vis_js() -> str:
    # pyvis's file, found without importing pyvis (which imports IPython: 0.2 s)
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pyvis is not installed (it provides vis-network.min.js)")
    root = Path(list(spec.submodule_search_locations)[0])
    path = root / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    code = path.read_text(encoding="utf-8")
    # The source-map comment would make developer tools fetch a file that is not there.
    return re.sub(r"//# sourceMappingURL=\S*\s*$", "", code)


def _script_safe(code: str) -> str:
    return _NO_CLOSE.sub(lambda m: "<\\/" + m.group(1), code)


def _json_for_html(payload) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _page(payload, title) -> str:
    vis = _script_safe(_vis_js())
    app = _script_safe(_asset("explorer.js"))
    css = _NO_CLOSE.sub("<\\\\/\\1", _asset("explorer.css"))
    csp = ("default-src 'none'; script-src " + _sha256(vis) + " " + _sha256(app)
           + "; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; "
           "form-action 'none'")
    values = {"CSS": css, "VIS": vis, "APP": app, "CSP": csp,
              "TITLE": html.escape(str(title), quote=True), "DATA": _json_for_html(payload)}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1) or m.group(2)], _asset("explorer.html"))
