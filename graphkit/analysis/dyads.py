"""Pairs of parties: the undirected pair table, the strongest and most mixed pairs, ego
networks."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ._checks import (
    _check_digraph,
    _check_int,
    _edge_frame,
    _empty,
    _node_name,
    _num,
    _sorted_nodes,
)

__all__ = ["pair_table", "top_dyads", "ego_network", "MIXED_MIN_EVENTS"]


#: A pair needs at least this many cooperative plus conflictual events to rank among the
#: most mixed: below it the balance is noise (one event each way is a "perfect" 1.0, and
#: with 10 events one event more or less moves the balance by at most about 0.2).
MIXED_MIN_EVENTS = 10


_PAIR_COLUMNS = [
    "a", "b", "a_name", "b_name", "directions", "events", "cooperative", "conflictual",
    "negated", "mean_intensity", "sum_intensity", "sign", "weight", "first_date",
    "last_date", "issues",
]


_DYAD_TOP_COLUMNS = [
    "source", "target", "source_name", "target_name", "events", "cooperative",
    "conflictual", "negated", "mean_intensity", "sum_intensity", "sign", "first_date",
    "last_date", "issues",
]


def pair_table(D):
    """Aggregate a dyad graph over unordered pairs (both directions summed).

    Parameters
    ----------
    D : nx.DiGraph
        A dyad graph.

    Returns
    -------
    DataFrame
        One row per pair with columns ``a, b, a_name, b_name, directions, events,
        cooperative, conflictual, negated, mean_intensity, sum_intensity, sign, weight,
        first_date, last_date, issues``; ``a`` sorts before ``b``; ``sign`` is the sign of
        the summed net intensity; ``mean_intensity`` is over asserted events.

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> ev = toy_events("RUS NATO COOPERATE", "NATO RUS ACCUSE")
    >>> pair_table(build_dyad_graph(ev))[["a", "b", "directions", "events", "sum_intensity",
    ...                                  "sign"]].values.tolist()
    [['NATO', 'RUS', 2, 2, 3.0, 1]]
    """
    _check_digraph(D)
    nodes = _sorted_nodes(D)
    num = ["events", "cooperative", "conflictual", "negated", "sum_intensity", "weight"]
    e = _edge_frame(D, num + ["first_date", "last_date", "issues"])
    if e.empty:
        return _empty(_PAIR_COLUMNS)
    rank = {v: i for i, v in enumerate(nodes)}
    ia = e["source"].map(rank).to_numpy()
    ib = e["target"].map(rank).to_numpy()
    e = e.assign(
        _a=np.minimum(ia, ib),
        _b=np.maximum(ia, ib),
        first_date=_date_number(e["first_date"]),
        last_date=_date_number(e["last_date"]),
    )
    for c in num:
        e[c] = _num(e[c])
    g = e.groupby(["_a", "_b"], sort=True)
    out = g[num].sum()
    out["directions"] = g.size()
    out["first_date"] = _date_text(g["first_date"].min())
    out["last_date"] = _date_text(g["last_date"].max())
    merged = {}
    for key, text in zip(zip(e["_a"].tolist(), e["_b"].tolist()), e["issues"].tolist()):
        if text and text == text:
            merged.setdefault(key, []).append(str(text))
    out["issues"] = [_join_issues(merged.get(key, ())) for key in out.index]
    out = out.reset_index()
    out["a"] = [nodes[i] for i in out["_a"]]
    out["b"] = [nodes[i] for i in out["_b"]]
    out["a_name"] = [_node_name(D, v) for v in out["a"]]
    out["b_name"] = [_node_name(D, v) for v in out["b"]]
    for c in ("events", "cooperative", "conflictual", "negated", "weight", "directions"):
        out[c] = out[c].round().astype("int64")
    out["sum_intensity"] = out["sum_intensity"].round(3)
    live = out["weight"].to_numpy(dtype=float)      # the asserted events
    out["mean_intensity"] = np.round(
        np.divide(out["sum_intensity"].to_numpy(), live, out=np.zeros(len(out)), where=live > 0), 3
    )
    out["sign"] = np.sign(out["sum_intensity"].to_numpy()).astype("int64")
    for c in ("first_date", "last_date"):
        out[c] = out[c].fillna("").astype(str)
    return out[_PAIR_COLUMNS].reset_index(drop=True)


def _date_number(series):
    """``YYYY-MM-DD`` strings to YYYYMMDD floats (NaN when empty), for fast min/max."""
    text = series.astype(object).where(series.notna(), "").astype(str).str.replace("-", "")
    return pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)


def _date_text(series):
    return [f"{int(x) // 10000:04d}-{int(x) // 100 % 100:02d}-{int(x) % 100:02d}"
            if x == x else "" for x in series]


def _join_issues(values):
    vals = [v for v in values if v]
    if len(vals) <= 1:
        return vals[0] if vals else ""
    return ";".join(sorted(set(";".join(vals).split(";")) - {""}))


def top_dyads(D, *, n=10, mixed_min_events=MIXED_MIN_EVENTS):
    """The strongest cooperative, conflictual and mixed dyads, directed and per pair.

    Parameters
    ----------
    D : nx.DiGraph
        A dyad graph.
    n : int, optional (default=10)
        Rows per table (>= 1).
    mixed_min_events : int, optional (default=10)
        Cooperative plus conflictual events a pair needs to rank among the mixed.

    Returns
    -------
    dict of DataFrame
        ``cooperative``, ``conflictual``, ``mixed`` over ordered dyads (columns ``source,
        target, ...``) and ``cooperative_pairs``, ``conflictual_pairs``, ``mixed_pairs``
        over unordered pairs (:func:`pair_table` columns). Cooperative tables rank by
        cooperative count (then net intensity, then ids), conflictual ones by conflictual
        count (then the most negative net intensity), mixed ones by ``balance`` =
        min(cooperative, conflictual) / max(cooperative, conflictual) (1.0: as many of
        each) among pairs with at least ``mixed_min_events`` of them, then events. Rows
        with a zero score are left out, and so are a party's events with itself
        (``domestic``: one row per party acting on itself, by events).

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> ev = toy_events(*["RUS NATO CONSULT"] * 3, "NATO RUS ACCUSE", "USA RUS SANCTION",
    ...                 "USA USA ACCUSE")
    >>> t = top_dyads(build_dyad_graph(ev), n=5, mixed_min_events=2)
    >>> t["cooperative"][["source", "target", "cooperative"]].values.tolist()
    [['RUS', 'NATO', 3]]
    >>> t["conflictual"][["source", "target"]].values.tolist()
    [['USA', 'RUS'], ['NATO', 'RUS']]
    >>> t["mixed_pairs"][["a", "b", "cooperative", "conflictual", "balance"]].values.tolist()
    [['NATO', 'RUS', 3, 1, 0.333]]
    >>> t["domestic"][["a", "events", "conflictual"]].values.tolist()
    [['USA', 1, 1]]
    """
    _check_digraph(D)
    _check_int(n, "n", 1)
    _check_int(mixed_min_events, "mixed_min_events", 0)
    return _top(D, pair_table(D), n, mixed_min_events)


def _top(D, pairs, n, mixed_min_events=MIXED_MIN_EVENTS):
    nodes = _sorted_nodes(D)
    rank = {v: i for i, v in enumerate(nodes)}
    cols = [c for c in _DYAD_TOP_COLUMNS if c not in ("source", "target", "source_name",
                                                      "target_name")]
    e = _edge_frame(D, cols)
    names = {v: _node_name(D, v) for v in nodes}
    e.insert(2, "source_name", [names[v] for v in e["source"]])
    e.insert(3, "target_name", [names[v] for v in e["target"]])
    for c in ("events", "cooperative", "conflictual", "negated", "sign"):
        e[c] = _num(e[c]).astype("int64")
    for c in ("mean_intensity", "sum_intensity"):
        e[c] = _num(e[c])
    e["_ra"] = e["source"].map(rank)
    e["_rb"] = e["target"].map(rank)
    p = pairs.copy()
    p["_ra"] = p["a"].map(rank)
    p["_rb"] = p["b"].map(rank)
    out = {}
    for suffix, frame in (("", e[e["source"] != e["target"]]), ("_pairs", p[p["a"] != p["b"]])):
        c = frame["cooperative"].to_numpy(dtype=float)
        k = frame["conflictual"].to_numpy(dtype=float)
        balance = np.divide(np.minimum(c, k), np.maximum(c, k), out=np.zeros(len(frame)),
                            where=np.maximum(c, k) > 0).round(3)
        frame = frame.assign(balance=np.where(c + k >= mixed_min_events, balance, 0.0))
        out["cooperative" + suffix] = _rank(
            frame, "cooperative", ["cooperative", "sum_intensity"], [False, False], n)
        out["conflictual" + suffix] = _rank(
            frame, "conflictual", ["conflictual", "sum_intensity"], [False, True], n)
        out["mixed" + suffix] = _rank(frame, "balance", ["balance", "events"], [False, False], n)
    out["domestic"] = _rank(p[p["a"] == p["b"]], "events", ["events", "conflictual"],
                            [False, False], n)
    return out


def _rank(frame, score, by, ascending, n):
    f = frame[frame[score] > 0].sort_values(
        by + ["_ra", "_rb"], ascending=ascending + [True, True], kind="mergesort"
    )
    return f.drop(columns=["_ra", "_rb"]).head(n).reset_index(drop=True)


def ego_network(D, node, *, radius=1):
    """The parties within ``radius`` steps of ``node`` (either direction), as a new DiGraph.

    Parameters
    ----------
    D : nx.DiGraph
        A dyad graph.
    node : node
        The centre; must be in ``D``.
    radius : int, optional (default=1)
        Number of steps (>= 0), following edges in either direction.

    Returns
    -------
    nx.DiGraph
        A copy (changing it leaves ``D`` alone) with every edge of ``D`` between those
        parties and their attributes.

    Raises
    ------
    AnalysisError
        If ``node`` is not in ``D`` or ``radius`` is negative.

    Examples
    --------
    >>> D = nx.DiGraph([("RUS", "NATO"), ("USA", "RUS"), ("CHN", "USA")])
    >>> sorted(ego_network(D, "RUS"))
    ['NATO', 'RUS', 'USA']
    >>> sorted(ego_network(D, "RUS", radius=2).edges())
    [('CHN', 'USA'), ('RUS', 'NATO'), ('USA', 'RUS')]
    """
    _check_digraph(D)
    _check_int(radius, "radius", 0)
    if node not in D:
        raise AnalysisError(f"node {node!r} is not in the graph")
    reach = nx.single_source_shortest_path_length(D.to_undirected(as_view=True), node,
                                                  cutoff=radius)
    return D.subgraph(reach).copy()
