"""Analysis over event tables and dyad graphs: centrality, communities, signed balance, blocs,
top dyads, change over time, ego networks and the tables the report and exports read.

Every function is pure: it never changes the events frame or the graph it is given, and any
randomness comes from a ``seed`` keyword, so the same input gives the same output.

Scale (see each function's Notes): betweenness is exact up to ``BETWEENNESS_EXACT_MAX`` nodes
and sampled with ``BETWEENNESS_SAMPLES`` seeded pivots above; the two-bloc partition is exact
(enumeration) up to ``exact_max`` signed nodes and a seeded local search above; Louvain is a
seeded heuristic at every size.
"""

from __future__ import annotations

import random
import re
from collections import deque
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from .errors import AnalysisError
from .graph import build_dyad_graph, dyad_table, events_frame
from .io import atomic_write_text
from .model import EVENT_COLUMNS

__all__ = [
    "BETWEENNESS_EXACT_MAX",
    "BETWEENNESS_SAMPLES",
    "centrality",
    "communities",
    "pair_table",
    "signed_graph",
    "balance",
    "blocs",
    "top_dyads",
    "dyad_change",
    "compare",
    "compare_periods",
    "timeline",
    "issue_counts",
    "ego_network",
    "issue_subgraph",
    "analyze",
    "write_tables",
]

#: Betweenness is exact on graphs with at most this many nodes, sampled above.
BETWEENNESS_EXACT_MAX = 1000
#: Number of seeded source pivots used when betweenness is sampled.
BETWEENNESS_SAMPLES = 100
#: Largest ``exact_max`` accepted by :func:`blocs` (2**(n-1) partitions are enumerated).
_EXACT_LIMIT = 24
_FREQS = {"D": 10, "M": 7, "Y": 4}
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"

_CENTRALITY_COLUMNS = [
    "id", "name", "kind", "in_weight", "out_weight", "strength", "partners",
    "cooperative", "conflictual", "betweenness", "pagerank", "eigenvector",
]
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
_CHANGE_COLUMNS = [
    "source", "target", "events_before", "net_before", "sign_before", "events_after",
    "net_after", "sign_after", "delta", "sign_changed", "status",
]
_COMPARE_COLUMNS = [
    "source", "target", "status", "events_a", "net_a", "sign_a", "events_b", "net_b", "sign_b",
]
_ISSUE_COLUMNS = [
    "issue", "events", "cooperative", "conflictual", "negated", "dyads", "parties",
    "first_date", "last_date",
]


# --------------------------------------------------------------------------- centrality


def centrality(
    D,
    *,
    weight="weight",
    cooperative="cooperative",
    conflictual="conflictual",
    alpha=0.85,
    seed=0,
    betweenness_exact_max=BETWEENNESS_EXACT_MAX,
    betweenness_k=BETWEENNESS_SAMPLES,
):
    """Centrality of every party in a dyad graph, one row per node.

    Parameters
    ----------
    D : nx.DiGraph
        A dyad graph (:func:`graphkit.graph.build_dyad_graph`).
    weight : str, optional (default="weight")
        Edge attribute used for the weighted in/out degree and eigenvector centrality
        (the dyad graph's ``weight`` is its number of non-negated events).
    cooperative, conflictual : str, optional (default="cooperative", "conflictual")
        Edge attributes holding the cooperative and conflictual event counts.
    alpha : float, optional (default=0.85)
        PageRank damping factor, in (0, 1).
    seed : int, optional (default=0)
        Seed for the pivots of sampled betweenness.
    betweenness_exact_max : int, optional (default=1000)
        Betweenness is exact on graphs with at most this many nodes.
    betweenness_k : int, optional (default=100)
        Number of pivots (>= 2) when betweenness is sampled.

    Returns
    -------
    DataFrame
        Columns ``id, name, kind, in_weight, out_weight, strength, partners, cooperative,
        conflictual, betweenness, pagerank, eigenvector``, sorted by ``id``, without NaN.
        ``frame.attrs["notes"]`` lists the approximations and fallbacks that were used.

    Raises
    ------
    AnalysisError
        If ``D`` is not a directed graph or a parameter is out of range.

    Examples
    --------
    >>> from graphkit.graph import events_frame, build_dyad_graph
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", event_type="COOPERATE",
    ...          intensity=6.0, polarity=1),
    ...     dict(event_id="e2", source="USA", target="NATO", event_type="AGREE",
    ...          intensity=4.0, polarity=1),
    ...     dict(event_id="e3", source="NATO", target="RUS", event_type="ACCUSE",
    ...          intensity=-3.0, polarity=-1)])
    >>> c = centrality(build_dyad_graph(ev))
    >>> c[["id", "in_weight", "out_weight", "cooperative", "conflictual"]].values.tolist()
    [['NATO', 2, 1, 2, 1], ['RUS', 1, 1, 1, 1], ['USA', 0, 1, 1, 0]]
    >>> c.sort_values("pagerank").iloc[-1]["id"]
    'NATO'

    Notes
    -----
    - ``cooperative`` / ``conflictual`` are strengths: the counts summed over in- and out-edges.
    - Betweenness (normalised) is computed on the undirected, unweighted contact graph: who
      lies on the shortest chains of contact between other parties. Above
      ``betweenness_exact_max`` nodes it is estimated from ``betweenness_k`` source pivots
      drawn with ``seed``. Values equal ``nx.betweenness_centrality(U, k=..., seed=seed)``
      on the contact graph ``U`` with nodes in sorted order (Brandes' algorithm on integer
      adjacency lists, about three times faster).
    - PageRank runs on the directed graph weighted by cooperative counts: a party ranks high
      when highly ranked parties cooperate with it. Parties that cooperate with nobody spread
      their rank evenly (networkx's dangling-node rule). Same result as ``nx.pagerank``,
      computed with numpy so that it needs no scipy.
    - Eigenvector centrality runs on the undirected graph weighted by ``weight`` summed over
      both directions (power iteration on ``A + I`` as ``nx.eigenvector_centrality``). When
      the graph has no weighted edge or the iteration does not converge, the column is 0 and
      a note says so.
    """
    _check_digraph(D)
    if not 0 < alpha < 1:
        raise AnalysisError(f"alpha must be between 0 and 1, got {alpha!r}")
    _check_int(betweenness_exact_max, "betweenness_exact_max", 0)
    _check_int(betweenness_k, "betweenness_k", 2)
    nodes = _sorted_nodes(D)
    n = len(nodes)
    notes = []
    if n == 0:
        out = _empty(_CENTRALITY_COLUMNS)
        out.attrs["notes"] = ["empty graph"]
        return out
    index = {v: i for i, v in enumerate(nodes)}
    e = _edge_frame(D, [weight, cooperative, conflictual])
    src = e["source"].map(index).to_numpy(dtype=np.int64)
    dst = e["target"].map(index).to_numpy(dtype=np.int64)
    w = _num(e[weight])
    coop = _num(e[cooperative])
    conf = _num(e[conflictual])

    in_w = np.bincount(dst, weights=w, minlength=n)
    out_w = np.bincount(src, weights=w, minlength=n)
    coop_s = np.bincount(dst, weights=coop, minlength=n)
    coop_s += np.bincount(src, weights=coop, minlength=n)
    conf_s = np.bincount(dst, weights=conf, minlength=n)
    conf_s += np.bincount(src, weights=conf, minlength=n)

    adj = [set() for _ in range(n)]
    for a, b in zip(src.tolist(), dst.tolist()):
        if a != b:
            adj[a].add(b)
            adj[b].add(a)
    adj = [sorted(x) for x in adj]
    partners = np.array([len(x) for x in adj], dtype=np.int64)
    if n <= betweenness_exact_max:
        btw = _betweenness(adj, range(n))
    else:
        k = min(betweenness_k, n)
        pivots = random.Random(seed).sample(range(n), k)
        btw = _betweenness(adj, pivots)
        notes.append(f"betweenness sampled from {k} pivots (seed={seed}) above "
                     f"{betweenness_exact_max} nodes")

    pr, ok = _pagerank(n, src, dst, coop, alpha=alpha)
    if not ok:
        notes.append("pagerank did not converge; uniform values used")
    eig, why = _eigenvector(n, src, dst, w)
    if why:
        notes.append(f"eigenvector centrality set to 0: {why}")

    out = pd.DataFrame({
        "id": nodes,
        "name": [_node_name(D, v) for v in nodes],
        "kind": [str(D.nodes[v].get("kind", "")) for v in nodes],
        "in_weight": _as_int(in_w),
        "out_weight": _as_int(out_w),
        "strength": _as_int(in_w + out_w),
        "partners": partners,
        "cooperative": _as_int(coop_s),
        "conflictual": _as_int(conf_s),
        "betweenness": btw,
        "pagerank": pr,
        "eigenvector": eig,
    })
    out.attrs["notes"] = notes
    return out


def _betweenness(adj, sources):
    """Normalised betweenness of an unweighted undirected graph given as sorted int
    adjacency lists (Brandes), from all or sampled ``sources``; rescaled exactly as
    ``nx.betweenness_centrality(G, k=len(sources))`` does."""
    n = len(adj)
    bc = [0.0] * n
    sources = list(sources)
    for s in sources:
        sigma = [0.0] * n
        dist = [-1] * n
        sigma[s] = 1.0
        dist[s] = 0
        order = [s]
        i = 0
        while i < len(order):
            v = order[i]
            i += 1
            dv = dist[v] + 1
            sv = sigma[v]
            for w in adj[v]:
                if dist[w] < 0:
                    dist[w] = dv
                    order.append(w)
                    sigma[w] = sv
                elif dist[w] == dv:
                    sigma[w] += sv
        delta = [0.0] * n
        for w in reversed(order):
            dw = dist[w] - 1
            coeff = (1.0 + delta[w]) / sigma[w]
            for v in adj[w]:
                if dist[v] == dw:
                    delta[v] += sigma[v] * coeff
            if w != s:
                bc[w] += delta[w]
    bc = np.array(bc)
    big_n = n - 1
    if big_n < 2:
        return bc
    k = len(sources)
    if k == n:
        return bc / (big_n * (big_n - 1))
    scale = np.full(n, 1.0 / (k * (big_n - 1)))
    scale[sources] = 1.0 / ((k - 1) * (big_n - 1))
    return bc * scale


def _pagerank(n, src, dst, w, *, alpha=0.85, max_iter=100, tol=1.0e-6):
    """Power-iteration PageRank equal to ``nx.pagerank`` (uniform teleport and dangling)."""
    out_w = np.bincount(src, weights=w, minlength=n)
    dangling = out_w == 0
    share = np.divide(w, out_w[src], out=np.zeros_like(w), where=out_w[src] > 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        xlast = x
        x = alpha * np.bincount(dst, weights=xlast[src] * share, minlength=n)
        x += (alpha * xlast[dangling].sum() + 1.0 - alpha) / n
        if np.abs(x - xlast).sum() < n * tol:
            return x, True
    return np.full(n, 1.0 / n), False


def _eigenvector(n, src, dst, w, *, max_iter=1000, tol=1.0e-6):
    """Eigenvector centrality of the symmetrised weights; (values, reason-if-zeroed)."""
    keep = (src != dst) & (w > 0)
    src, dst, w = src[keep], dst[keep], w[keep]
    if len(w) == 0:
        return np.zeros(n), "the graph has no weighted edge between distinct parties"
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        xlast = x
        x = xlast + np.bincount(dst, weights=xlast[src] * w, minlength=n)
        x += np.bincount(src, weights=xlast[dst] * w, minlength=n)
        x /= np.linalg.norm(x) or 1.0
        if np.abs(x - xlast).sum() < n * tol:
            return x, ""
    return np.zeros(n), f"power iteration did not converge in {max_iter} iterations"


# --------------------------------------------------------------------------- communities


def communities(D, *, seed=0, resolution=1.0, weight="cooperative"):
    """Cooperation communities: Louvain on the undirected cooperation-weighted graph.

    Parameters
    ----------
    D : nx.DiGraph
        A dyad graph.
    seed : int, optional (default=0)
        Seed passed to ``nx.community.louvain_communities``.
    resolution : float, optional (default=1.0)
        Louvain resolution (> 0); above 1 favours smaller communities.
    weight : str, optional (default="cooperative")
        Edge attribute summed over both directions to weight each pair.

    Returns
    -------
    membership : dict
        Node -> community number. Communities are numbered 0, 1, ... by size (largest first),
        ties broken by their smallest node id.
    modularity : float
        Modularity of the partition on the same weighted graph (0.0 without weighted edges).

    Raises
    ------
    AnalysisError
        If ``D`` is not a directed graph or ``resolution`` is not positive.

    Examples
    --------
    >>> from graphkit.graph import events_frame, build_dyad_graph
    >>> rows = [dict(event_id=f"e{i}", source=s, target=t, event_type="COOPERATE",
    ...              intensity=6.0, polarity=1)
    ...         for i, (s, t) in enumerate([("A", "B"), ("B", "C"), ("C", "A"),
    ...                                     ("X", "Y"), ("Y", "Z"), ("Z", "X")])]
    >>> members, q = communities(build_dyad_graph(events_frame(rows)), seed=0)
    >>> members
    {'A': 0, 'B': 0, 'C': 0, 'X': 1, 'Y': 1, 'Z': 1}
    >>> round(q, 2)
    0.5

    Notes
    -----
    Pairs whose summed weight is 0 (only conflictual or negated events) are not edges of the
    graph Louvain sees; self-loops are ignored. Parties without cooperation form singleton
    communities. Louvain is a heuristic: another seed may give another partition.
    """
    _check_digraph(D)
    if not isinstance(resolution, (int, float)) or not resolution > 0:
        raise AnalysisError(f"resolution must be a positive number, got {resolution!r}")
    nodes = _sorted_nodes(D)
    if not nodes:
        return {}, 0.0
    U = _undirected_weighted(D, nodes, weight)
    if U.number_of_edges() == 0:
        parts = [{v} for v in nodes]
        q = 0.0
    else:
        parts = nx.community.louvain_communities(
            U, weight="weight", resolution=resolution, seed=seed
        )
        q = float(nx.community.modularity(U, parts, weight="weight", resolution=resolution))
    rank = {v: i for i, v in enumerate(nodes)}
    parts = sorted(parts, key=lambda c: (-len(c), min(rank[v] for v in c)))
    membership = {v: i for i, c in enumerate(parts) for v in c}
    return {v: membership[v] for v in nodes}, q


def _undirected_weighted(D, nodes, weight):
    e = _edge_frame(D, [weight])
    e = e[e["source"] != e["target"]]
    U = nx.Graph()
    U.add_nodes_from(nodes)
    if e.empty:
        return U
    rank = {v: i for i, v in enumerate(nodes)}
    ia = e["source"].map(rank).to_numpy()
    ib = e["target"].map(rank).to_numpy()
    g = pd.DataFrame({"a": np.minimum(ia, ib), "b": np.maximum(ia, ib), "w": _num(e[weight])})
    g = g.groupby(["a", "b"], sort=True)["w"].sum()
    U.add_weighted_edges_from(
        (nodes[a], nodes[b], float(x)) for (a, b), x in g.items() if x > 0
    )
    return U


# --------------------------------------------------------------------------- pairs, signs


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
        the summed net intensity; ``mean_intensity`` is over non-negated events.

    Examples
    --------
    >>> from graphkit.graph import events_frame, build_dyad_graph
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", event_type="COOPERATE",
    ...          intensity=6.0, polarity=1),
    ...     dict(event_id="e2", source="NATO", target="RUS", event_type="ACCUSE",
    ...          intensity=-3.0, polarity=-1)])
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
    live = (out["events"] - out["negated"]).to_numpy(dtype=float)
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


def signed_graph(D, *, sign="sign"):
    """The undirected signed graph of a dyad graph: one edge per pair of parties.

    Parameters
    ----------
    D : nx.DiGraph
        A dyad graph.
    sign : str, optional (default="sign")
        Name of the edge attribute that receives the pair's sign.

    Returns
    -------
    nx.Graph
        All nodes of ``D`` (with copies of their attributes); one edge per pair with the
        :func:`pair_table` columns as attributes, ``sign`` being -1, 0 or 1 from the net
        intensity summed over both directions. Self-loops are left out.

    Examples
    --------
    >>> from graphkit.graph import events_frame, build_dyad_graph
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", event_type="COOPERATE",
    ...          intensity=6.0, polarity=1),
    ...     dict(event_id="e2", source="NATO", target="RUS", event_type="THREATEN",
    ...          intensity=-6.0, polarity=-1),
    ...     dict(event_id="e3", source="USA", target="RUS", event_type="ACCUSE",
    ...          intensity=-3.0, polarity=-1)])
    >>> S = signed_graph(build_dyad_graph(ev))
    >>> sorted((u, v, s) for u, v, s in S.edges(data="sign"))
    [('NATO', 'RUS', 0), ('RUS', 'USA', -1)]
    """
    _check_digraph(D)
    return _signed_from_pairs(D, pair_table(D), sign)


def _signed_from_pairs(D, pairs, sign):
    S = nx.Graph()
    for v in _sorted_nodes(D):
        S.add_node(v, **dict(D.nodes[v]))
    pairs = pairs[pairs["a"] != pairs["b"]]
    attrs = [c for c in _PAIR_COLUMNS if c not in ("a", "b", "a_name", "b_name")]
    for row in pairs[["a", "b"] + attrs].itertuples(index=False, name=None):
        data = {k: _plain(x) for k, x in zip(attrs, row[2:])}
        data[sign] = data.pop("sign")
        S.add_edge(row[0], row[1], **data)
    return S


def balance(G, *, sign="sign", seed=0, exact_max=16):
    """Structural balance of a signed graph (Heider triangles) and its frustration.

    Parameters
    ----------
    G : nx.DiGraph or nx.Graph
        A dyad graph (turned into :func:`signed_graph`) or an undirected graph whose edges
        carry a ``sign`` attribute (-1, 0 or 1).
    sign : str, optional (default="sign")
        Edge attribute with the sign, for an undirected ``G``.
    seed, exact_max : optional
        Passed to :func:`blocs` for the frustration.

    Returns
    -------
    dict
        ``triangles`` (triangles whose three edges have a non-zero sign), ``balanced``
        (product of signs > 0), ``unbalanced``, ``share_balanced`` (NaN when there is no
        triangle), ``frustration`` (edges violating the best two-bloc partition),
        ``signed_edges``, ``positive``, ``negative`` and ``method`` of the partition
        (``"exact"``, ``"heuristic"`` or ``"none"``).

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edge("A", "B", sign=1); S.add_edge("B", "C", sign=-1); S.add_edge("A", "C", sign=-1)
    >>> b = balance(S)
    >>> b["triangles"], b["balanced"], b["frustration"]
    (1, 1, 0)
    >>> S["A"]["C"]["sign"] = 1
    >>> b = balance(S)
    >>> b["unbalanced"], b["share_balanced"], b["frustration"]
    (1, 0.0, 1)
    """
    S = _as_signed(G, sign)
    nodes, edges = _signed_edges(S, sign)
    tri, bal = _triangles(len(nodes), edges)
    _, frustration, method = _blocs(nodes, edges, seed=seed, exact_max=exact_max)
    return _balance_dict(edges, tri, bal, frustration, method)


def _balance_dict(edges, tri, bal, frustration, method):
    pos = sum(1 for _, _, s in edges if s > 0)
    return {
        "triangles": tri,
        "balanced": bal,
        "unbalanced": tri - bal,
        "share_balanced": bal / tri if tri else float("nan"),
        "frustration": frustration,
        "signed_edges": len(edges),
        "positive": pos,
        "negative": len(edges) - pos,
        "method": method,
    }


def blocs(G, *, sign="sign", seed=0, exact_max=16, restarts=10):
    """Two-bloc partition of a signed graph with the least frustration.

    Frustration is the number of negative edges inside a bloc plus positive edges across
    the two blocs; a perfectly balanced graph has frustration 0.

    Parameters
    ----------
    G : nx.DiGraph or nx.Graph
        A dyad graph (turned into :func:`signed_graph`) or an undirected graph whose edges
        carry ``sign`` (-1, 0 or 1; 0 edges are ignored).
    sign : str, optional (default="sign")
        Edge attribute with the sign, for an undirected ``G``.
    seed : int, optional (default=0)
        Seed of the heuristic's restarts.
    exact_max : int, optional (default=16)
        Enumerate all partitions (exact minimum) when at most this many nodes have a signed
        edge (0..24); use the heuristic above.
    restarts : int, optional (default=10)
        Restarts of the heuristic (>= 1).

    Returns
    -------
    membership : dict
        Node -> 0 or 1, for every node of ``G``. In each connected component the node that
        sorts first is in bloc 0; nodes without signed edges are in bloc 0.
    frustration : int
        Frustration of that partition.

    Raises
    ------
    AnalysisError
        If a parameter is out of range.

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edges_from([("A", "B", {"sign": 1}), ("C", "D", {"sign": 1}),
    ...                   ("A", "C", {"sign": -1}), ("B", "D", {"sign": -1}),
    ...                   ("A", "D", {"sign": 1})])
    >>> blocs(S)
    ({'A': 0, 'B': 0, 'C': 1, 'D': 1}, 1)

    Notes
    -----
    Exact: the first node is fixed in bloc 0 and the other ``2**(n-1)`` assignments are
    enumerated with numpy; among equally good partitions the first in enumeration order wins.

    Heuristic (more than ``exact_max`` signed nodes): ``restarts`` starting partitions —
    the first by propagating signs along a breadth-first tree from the best-connected node of
    each component (exact on a balanced graph), then alternately such propagation from
    random roots and uniformly random assignments drawn with ``seed`` — each improved by
    single-node flips (any node with more violated than satisfied signed edges moves) until
    no flip helps. The best partition then goes through ``2 * restarts`` kicks (a random
    node and a random half of its neighbours flipped, then single-node flips again), kept
    when no worse. The result is a local optimum, not guaranteed minimal: it matched the
    exact minimum on 299 of 300 random signed graphs of 12 and 16 nodes (uniform signs, the
    hard case), and recovers the blocs of a planted two-bloc graph.
    """
    S = _as_signed(G, sign)
    _check_int(restarts, "restarts", 1)
    nodes, edges = _signed_edges(S, sign)
    labels, frustration, _ = _blocs(nodes, edges, seed=seed, exact_max=exact_max,
                                    restarts=restarts)
    return {v: labels[i] for i, v in enumerate(nodes)}, frustration


def _signed_edges(S, sign):
    nodes = _sorted_nodes(S)
    rank = {v: i for i, v in enumerate(nodes)}
    edges = []
    for u, v, s in S.edges(data=sign, default=0):
        s = 0 if s is None or s != s else s
        if u != v and s != 0:
            a, b = sorted((rank[u], rank[v]))
            edges.append((a, b, 1 if s > 0 else -1))
    edges.sort()
    return nodes, edges


def _triangles(n, edges):
    """(triangles, balanced) among signed edges, each triangle counted once."""
    higher = [dict() for _ in range(n)]
    for a, b, s in edges:
        higher[a][b] = s
    tri = bal = 0
    for u in range(n):
        hu = higher[u]
        for v, s_uv in hu.items():
            hv = higher[v]
            if len(hv) < len(hu):
                common = [w for w in hv if w in hu]
            else:
                common = [w for w in hu if w in hv]
            for w in common:
                tri += 1
                if s_uv * hu[w] * hv[w] > 0:
                    bal += 1
    return tri, bal


def _blocs(nodes, edges, *, seed=0, exact_max=16, restarts=10):
    """(labels list, frustration, method) for nodes/edges from :func:`_signed_edges`."""
    _check_int(exact_max, "exact_max", 0, _EXACT_LIMIT)
    n = len(nodes)
    labels = [0] * n
    if not edges:
        return labels, 0, "none"
    used = sorted({a for a, _, _ in edges} | {b for _, b, _ in edges})
    local = {v: i for i, v in enumerate(used)}
    m = len(used)
    ea = np.array([local[a] for a, _, _ in edges])
    eb = np.array([local[b] for _, b, _ in edges])
    es = np.array([s for _, _, s in edges])
    if m <= exact_max:
        spins, method = _exact_spins(m, ea, eb, es), "exact"
    else:
        spins, method = _heuristic_spins(m, ea, eb, es, seed=seed, restarts=restarts), "heuristic"
    spins = _canonical(m, ea, eb, spins)
    frustration = _frustration(spins, ea, eb, es)
    for i, v in enumerate(used):
        labels[v] = 0 if spins[i] > 0 else 1
    return labels, frustration, method


def _frustration(spins, ea, eb, es):
    return int((es * spins[ea] * spins[eb] < 0).sum())


def _exact_spins(m, ea, eb, es, chunk=1 << 15):
    best, best_code = None, 0
    free = m - 1
    bits = np.arange(free, dtype=np.int64)
    for start in range(0, 1 << free, chunk):
        codes = np.arange(start, min(start + chunk, 1 << free), dtype=np.int64)
        spins = np.ones((len(codes), m), dtype=np.int8)
        spins[:, 1:] = 1 - 2 * ((codes[:, None] >> bits) & 1)
        bad = (es[None, :] * spins[:, ea] * spins[:, eb] < 0).sum(axis=1)
        i = int(np.argmin(bad))
        if best is None or bad[i] < best:
            best, best_code = int(bad[i]), int(codes[i])
    spins = np.ones(m, dtype=np.int64)
    spins[1:] = 1 - 2 * ((best_code >> bits) & 1)
    return spins


def _heuristic_spins(m, ea, eb, es, *, seed=0, restarts=10):
    nbrs = [[] for _ in range(m)]
    for a, b, sg in zip(ea.tolist(), eb.tolist(), es.tolist()):
        nbrs[a].append((b, sg))
        nbrs[b].append((a, sg))
    degree = np.array([len(x) for x in nbrs])
    rng = np.random.default_rng(seed)
    best = None
    for r in range(restarts):
        if r == 0:
            roots = np.lexsort((np.arange(m), -degree)).tolist()
            s = _propagate(nbrs, roots)
        elif r % 2 == 1:
            s = _propagate(nbrs, rng.permutation(m).tolist())
        else:
            s = (1 - 2 * rng.integers(0, 2, m)).tolist()
        h = [sum(sg * s[j] for j, sg in nb) for nb in nbrs]
        f = _frustration(np.array(s), ea, eb, es)
        f = _descend(nbrs, s, h, f, rng.permutation(m).tolist())
        if best is None or f < best[2]:
            best = (s, h, f)
        if best[2] == 0:
            return np.array(best[0], dtype=np.int64)
    for _ in range(restarts * 2):
        # Kick: flip a random node with a random half of its neighbours, improve again
        # around them, keep the result when it is no worse (this also crosses plateaus).
        s, h, f = list(best[0]), list(best[1]), best[2]
        v = int(rng.integers(m))
        kicked = [v] + [j for j, _ in nbrs[v] if rng.random() < 0.5]
        for i in kicked:
            f = _flip(nbrs, s, h, f, i)
        touched = dict.fromkeys(kicked + [j for i in kicked for j, _ in nbrs[i]])
        f = _descend(nbrs, s, h, f, list(touched))
        if f <= best[2]:
            best = (s, h, f)
        if best[2] == 0:
            break
    return np.array(best[0], dtype=np.int64)


def _propagate(nbrs, roots):
    s = [0] * len(nbrs)
    for r in roots:
        if s[r]:
            continue
        s[r] = 1
        queue = deque([r])
        while queue:
            u = queue.popleft()
            for j, sg in nbrs[u]:
                if not s[j]:
                    s[j] = sg * s[u]
                    queue.append(j)
    return s


def _flip(nbrs, s, h, f, i):
    """Flip node ``i`` in place (spins ``s``, local fields ``h``); return the new frustration."""
    si = s[i]
    f += si * h[i]
    s[i] = -si
    for j, sg in nbrs[i]:
        h[j] -= 2 * sg * si
    return f


def _descend(nbrs, s, h, f, candidates):
    """Single-node flips while one lowers the frustration, starting from ``candidates``."""
    queue = deque(candidates)
    queued = set(candidates)
    while queue:
        i = queue.popleft()
        queued.discard(i)
        if s[i] * h[i] < 0:
            f = _flip(nbrs, s, h, f, i)
            for j, _ in nbrs[i]:
                if j not in queued:
                    queued.add(j)
                    queue.append(j)
    return f


def _canonical(m, ea, eb, spins):
    """Flip each connected component so that its first node is in bloc 0 (+1)."""
    spins = np.asarray(spins, dtype=np.int64).copy()
    nbrs = [[] for _ in range(m)]
    for a, b in zip(ea.tolist(), eb.tolist()):
        nbrs[a].append(b)
        nbrs[b].append(a)
    seen = [False] * m
    for r in range(m):
        if seen[r]:
            continue
        comp, queue = [r], deque([r])
        seen[r] = True
        while queue:
            u = queue.popleft()
            for j in nbrs[u]:
                if not seen[j]:
                    seen[j] = True
                    comp.append(j)
                    queue.append(j)
        if spins[r] < 0:
            spins[comp] *= -1
    return spins


# --------------------------------------------------------------------------- top dyads


def top_dyads(D, *, n=10):
    """The strongest cooperative, conflictual and mixed dyads, directed and per pair.

    Parameters
    ----------
    D : nx.DiGraph
        A dyad graph.
    n : int, optional (default=10)
        Rows per table (>= 1).

    Returns
    -------
    dict of DataFrame
        ``cooperative``, ``conflictual``, ``mixed`` over ordered dyads (columns ``source,
        target, ...``) and ``cooperative_pairs``, ``conflictual_pairs``, ``mixed_pairs``
        over unordered pairs (:func:`pair_table` columns). Cooperative tables rank by
        cooperative count (then net intensity, then ids), conflictual ones by conflictual
        count (then the most negative net intensity), mixed ones by ``mixed`` =
        min(cooperative, conflictual) then events. Rows with a zero score are left out.

    Examples
    --------
    >>> from graphkit.graph import events_frame, build_dyad_graph
    >>> ev = events_frame(
    ...     [dict(event_id=f"c{i}", source="RUS", target="NATO", event_type="CONSULT",
    ...           intensity=1.0, polarity=1) for i in range(3)]
    ...     + [dict(event_id="x1", source="NATO", target="RUS", event_type="ACCUSE",
    ...             intensity=-3.0, polarity=-1),
    ...        dict(event_id="x2", source="USA", target="RUS", event_type="SANCTION",
    ...             intensity=-7.0, polarity=-1)])
    >>> t = top_dyads(build_dyad_graph(ev), n=5)
    >>> t["cooperative"][["source", "target", "cooperative"]].values.tolist()
    [['RUS', 'NATO', 3]]
    >>> t["conflictual"][["source", "target"]].values.tolist()
    [['USA', 'RUS'], ['NATO', 'RUS']]
    >>> t["mixed_pairs"][["a", "b", "cooperative", "conflictual", "mixed"]].values.tolist()
    [['NATO', 'RUS', 3, 1, 1]]
    """
    _check_digraph(D)
    _check_int(n, "n", 1)
    return _top(D, pair_table(D), n)


def _top(D, pairs, n):
    nodes = _sorted_nodes(D)
    rank = {v: i for i, v in enumerate(nodes)}
    cols = [c for c in _DYAD_TOP_COLUMNS if c not in ("source", "target", "source_name",
                                                      "target_name")]
    e = _edge_frame(D, cols)
    e.insert(2, "source_name", [_node_name(D, v) for v in e["source"]])
    e.insert(3, "target_name", [_node_name(D, v) for v in e["target"]])
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
    for suffix, frame in (("", e), ("_pairs", p)):
        frame = frame.assign(mixed=np.minimum(frame["cooperative"], frame["conflictual"]))
        out["cooperative" + suffix] = _rank(
            frame, "cooperative", ["cooperative", "sum_intensity"], [False, False], n)
        out["conflictual" + suffix] = _rank(
            frame, "conflictual", ["conflictual", "sum_intensity"], [False, True], n)
        out["mixed" + suffix] = _rank(frame, "mixed", ["mixed", "events"], [False, False], n)
    return out


def _rank(frame, score, by, ascending, n):
    f = frame[frame[score] > 0].sort_values(
        by + ["_ra", "_rb"], ascending=ascending + [True, True], kind="mergesort"
    )
    return f.drop(columns=["_ra", "_rb"]).head(n).reset_index(drop=True)


# --------------------------------------------------------------------------- time


def dyad_change(events, *, split_date):
    """Per ordered dyad: events and net intensity before and after a date.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    split_date : str or datetime-like
        ``YYYY-MM-DD``; events dated before it are "before", on or after it "after".

    Returns
    -------
    DataFrame
        Columns ``source, target, events_before, net_before, sign_before, events_after,
        net_after, sign_after, delta`` (net after minus net before), ``sign_changed``
        (present in both periods with a different sign) and ``status``: ``appeared``,
        ``disappeared``, ``sign_changed`` or ``unchanged``. Sorted by source, target.
        Undated events are left out; ``frame.attrs["undated"]`` counts them.

    Raises
    ------
    AnalysisError
        If ``split_date`` is not a date or ``events`` lacks a column.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", date="2013-01-05", source="RUS", target="NATO",
    ...          event_type="COOPERATE", intensity=6.0, polarity=1),
    ...     dict(event_id="e2", date="2014-03-01", source="RUS", target="NATO",
    ...          event_type="THREATEN", intensity=-6.0, polarity=-1),
    ...     dict(event_id="e3", date="", source="USA", target="RUS",
    ...          event_type="ACCUSE", intensity=-3.0, polarity=-1)])
    >>> ch = dyad_change(ev, split_date="2014-01-01")
    >>> ch[["source", "target", "net_before", "net_after", "delta", "status"]].values.tolist()
    [['RUS', 'NATO', 6.0, -6.0, -12.0, 'sign_changed']]
    >>> ch.attrs["undated"]
    1
    """
    ev = _check_events(events)
    split = _check_date(split_date)
    dated, undated = _dated(ev)
    before = dated[dated["date"] < split]
    after = dated[dated["date"] >= split]
    out = _diff(dyad_table(before), dyad_table(after), ("before", "after"))
    out = out.rename(columns={"_status": "status"})
    out["sign_changed"] = out["status"] == "sign_changed"
    out = out[_CHANGE_COLUMNS].reset_index(drop=True)
    out.attrs["undated"] = undated
    return out


def compare(events_a, events_b):
    """Dyads that appeared, disappeared or changed sign between two event sets.

    Parameters
    ----------
    events_a, events_b : DataFrame
        Rows with the ``events.csv`` columns: the earlier (or reference) and the later set.

    Returns
    -------
    DataFrame
        Columns ``source, target, status, events_a, net_a, sign_a, events_b, net_b,
        sign_b``; ``status`` is ``appeared`` (only in b), ``disappeared`` (only in a) or
        ``sign_changed`` (in both, sign of net intensity differs). Unchanged dyads are left
        out. Sorted by status, source, target.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> def ev(*rows):
    ...     return events_frame([dict(event_id=f"e{i}", source=s, target=t, intensity=x,
    ...                               polarity=(x > 0) - (x < 0))
    ...                          for i, (s, t, x) in enumerate(rows)])
    >>> a = ev(("RUS", "NATO", 4.0), ("USA", "RUS", 1.0))
    >>> b = ev(("RUS", "NATO", -6.0), ("CHN", "RUS", 4.0))
    >>> compare(a, b)[["source", "target", "status"]].values.tolist()
    [['CHN', 'RUS', 'appeared'], ['USA', 'RUS', 'disappeared'], ['RUS', 'NATO', 'sign_changed']]
    """
    a = _check_events(events_a)
    b = _check_events(events_b)
    out = _diff(dyad_table(a), dyad_table(b), ("a", "b"))
    out = out[out["_status"] != "unchanged"].rename(columns={"_status": "status"})
    out = out.sort_values(["status", "source", "target"], kind="mergesort")
    return out[_COMPARE_COLUMNS].reset_index(drop=True)


def compare_periods(events, *, split_date):
    """:func:`compare` applied to the events before and from ``split_date``.

    Undated events are left out (counted in ``frame.attrs["undated"]``).

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", date="2013-01-05", source="RUS", target="NATO",
    ...          intensity=6.0, polarity=1),
    ...     dict(event_id="e2", date="2015-01-05", source="RUS", target="NATO",
    ...          intensity=-6.0, polarity=-1)])
    >>> compare_periods(ev, split_date="2014-03-18")["status"].tolist()
    ['sign_changed']
    """
    ev = _check_events(events)
    split = _check_date(split_date)
    dated, undated = _dated(ev)
    out = compare(dated[dated["date"] < split], dated[dated["date"] >= split])
    out.attrs["undated"] = undated
    return out


def _diff(ta, tb, names):
    x, y = names
    keep = ["source", "target", "events", "sum_intensity", "sign"]
    left = ta[keep].rename(columns={"events": f"events_{x}", "sum_intensity": f"net_{x}",
                                    "sign": f"sign_{x}"})
    right = tb[keep].rename(columns={"events": f"events_{y}", "sum_intensity": f"net_{y}",
                                     "sign": f"sign_{y}"})
    out = left.merge(right, on=["source", "target"], how="outer", indicator=True)
    for c in (f"events_{x}", f"sign_{x}", f"events_{y}", f"sign_{y}"):
        out[c] = out[c].fillna(0).astype("int64")
    for c in (f"net_{x}", f"net_{y}"):
        out[c] = out[c].fillna(0.0).astype(float)
    out["delta"] = (out[f"net_{y}"] - out[f"net_{x}"]).round(3)
    both = out["_merge"] == "both"
    status = np.where(out["_merge"] == "left_only", "disappeared",
                      np.where(out["_merge"] == "right_only", "appeared", "unchanged"))
    status = np.where(both & (out[f"sign_{x}"] != out[f"sign_{y}"]), "sign_changed", status)
    out["_status"] = status
    out = out.drop(columns="_merge").sort_values(["source", "target"], kind="mergesort")
    return out.reset_index(drop=True)


def timeline(events, *, freq="M", by="dyad"):
    """Events per period, per dyad or per party.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    freq : {"D", "M", "Y"}, optional (default="M")
        Period: day (``2013-04-23``), month (``2013-04``) or year (``2013``).
    by : {"dyad", "party"}, optional (default="dyad")
        ``dyad``: one row per period and ordered (source, target), events without a target
        left out. ``party``: one row per period and party, an event counting for its source
        and its target.

    Returns
    -------
    DataFrame
        Columns ``period``, then ``source, target`` or ``party``, then ``events,
        cooperative, conflictual, mean_intensity`` (mean over non-negated events, 0 when
        none). Sorted by period then ids. Events without a ``YYYY-MM-DD`` date are left out
        and counted in ``frame.attrs["undated"]``.

    Raises
    ------
    AnalysisError
        If ``freq`` or ``by`` is not one of the values above.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", date="2013-04-23", source="RUS", target="NATO",
    ...          intensity=1.0, polarity=1),
    ...     dict(event_id="e2", date="2013-04-30", source="RUS", target="NATO",
    ...          intensity=-3.0, polarity=-1),
    ...     dict(event_id="e3", date="", source="RUS", target="NATO", intensity=1.0)])
    >>> t = timeline(ev, freq="M")
    >>> t.values.tolist()
    [['2013-04', 'RUS', 'NATO', 2, 1, 1, -1.0]]
    >>> t.attrs["undated"]
    1
    >>> timeline(ev, freq="Y", by="party")[["period", "party", "events"]].values.tolist()
    [['2013', 'NATO', 2], ['2013', 'RUS', 2]]
    """
    if freq not in _FREQS:
        raise AnalysisError(f"freq must be one of 'D', 'M', 'Y', got {freq!r}")
    if by not in ("dyad", "party"):
        raise AnalysisError(f"by must be 'dyad' or 'party', got {by!r}")
    return _timeline(_check_events(events), freq, by)


def _timeline(ev, freq, by):
    dated, undated = _dated(ev)
    keys = ["source", "target"] if by == "dyad" else ["party"]
    period = dated["date"].str.slice(0, _FREQS[freq])
    base = pd.DataFrame({
        "period": period,
        "source": dated["source"],
        "target": dated["target"],
        "_live": ~dated["negated"],
        "_pol": dated["polarity"],
        "_int": dated["intensity"],
    })
    if by == "dyad":
        rows = base[base["target"] != ""]
    else:
        src = base.drop(columns="target").rename(columns={"source": "party"})
        tgt = base[(base["target"] != "") & (base["target"] != base["source"])]
        tgt = tgt.drop(columns="source").rename(columns={"target": "party"})
        rows = pd.concat([src, tgt], ignore_index=True)
        rows = rows[rows["party"] != ""]
    cols = ["period"] + keys + ["events", "cooperative", "conflictual", "mean_intensity"]
    if rows.empty:
        out = _empty(cols)
        out.attrs["undated"] = undated
        return out
    rows = rows.assign(
        _coop=(rows["_live"] & (rows["_pol"] > 0)).astype("int64"),
        _conf=(rows["_live"] & (rows["_pol"] < 0)).astype("int64"),
        _int=rows["_int"].where(rows["_live"]),
    )
    g = rows.groupby(["period"] + keys, sort=True)
    out = pd.DataFrame({
        "events": g.size(),
        "cooperative": g["_coop"].sum(),
        "conflictual": g["_conf"].sum(),
        "mean_intensity": g["_int"].mean().fillna(0.0).round(3),
    }).reset_index()
    out = out[cols].reset_index(drop=True)
    out.attrs["undated"] = undated
    return out


def issue_counts(events):
    """Events per issue (the ``issue`` column is ``;``-joined, so an event can count twice).

    Returns
    -------
    DataFrame
        Columns ``issue, events, cooperative, conflictual, negated, dyads, parties,
        first_date, last_date``, sorted by events (most first) then issue.
        ``frame.attrs["no_issue"]`` counts events without an issue.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", issue="missile defence",
    ...          polarity=-1),
    ...     dict(event_id="e2", source="USA", target="RUS", issue="Syria;missile defence",
    ...          polarity=1)])
    >>> issue_counts(ev)[["issue", "events", "cooperative", "parties"]].values.tolist()
    [['missile defence', 2, 1, 3], ['Syria', 1, 1, 2]]
    """
    return _issue_counts(_check_events(events))


def _issue_counts(ev):
    has = ev["issue"].str.strip() != ""
    no_issue = int((~has).sum())
    ev = ev[has]
    if ev.empty:
        out = _empty(_ISSUE_COLUMNS)
        out.attrs["no_issue"] = no_issue
        return out
    ex = ev.assign(issue=ev["issue"].str.split(";"), _row=np.arange(len(ev))).explode("issue")
    ex["issue"] = ex["issue"].str.strip()
    ex = ex[ex["issue"] != ""].drop_duplicates(["_row", "issue"])
    live = ~ex["negated"]
    ex = ex.assign(
        _coop=(live & (ex["polarity"] > 0)).astype("int64"),
        _conf=(live & (ex["polarity"] < 0)).astype("int64"),
        _neg=ex["negated"].astype("int64"),
        _dyad=np.where(ex["target"] != "", ex["source"] + "\x1f" + ex["target"], None),
        _date=ex["date"].where(ex["date"].str.match(_ISO_DATE), None),
    )
    g = ex.groupby("issue", sort=True)
    parties = pd.concat([
        ex[["issue", "source"]].set_axis(["issue", "p"], axis=1),
        ex[["issue", "target"]].set_axis(["issue", "p"], axis=1),
    ])
    parties = parties[parties["p"] != ""].groupby("issue")["p"].nunique()
    out = pd.DataFrame({
        "events": g.size(),
        "cooperative": g["_coop"].sum(),
        "conflictual": g["_conf"].sum(),
        "negated": g["_neg"].sum(),
        "dyads": g["_dyad"].nunique(),
        "parties": parties,
        "first_date": g["_date"].min(),
        "last_date": g["_date"].max(),
    })
    out.index.name = "issue"
    out = out.reset_index()
    out["parties"] = out["parties"].fillna(0).astype("int64")
    for c in ("first_date", "last_date"):
        out[c] = out[c].fillna("").astype(str)
    out = out.sort_values(["events", "issue"], ascending=[False, True], kind="mergesort")
    out = out[_ISSUE_COLUMNS].reset_index(drop=True)
    out.attrs["no_issue"] = no_issue
    return out


# --------------------------------------------------------------------------- subgraphs


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


def issue_subgraph(events, issue, *, actors=None):
    """The events about one issue and their dyad graph.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    issue : str
        Issue name, matched case-insensitively against each ``;``-separated issue.
    actors : DataFrame, optional
        Party information for node attributes (see :func:`graphkit.graph.node_table`).

    Returns
    -------
    events : DataFrame
        The matching rows (a copy, original index kept).
    D : nx.DiGraph
        Their dyad graph.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", issue="missile defence"),
    ...     dict(event_id="e2", source="USA", target="SYR", issue="Syria;chemical weapons")])
    >>> sub, D = issue_subgraph(ev, "syria")
    >>> sub["event_id"].tolist(), sorted(D.edges())
    (['e2'], [('USA', 'SYR')])
    """
    if not isinstance(issue, str) or not issue.strip():
        raise AnalysisError("issue must be a non-empty string")
    ev = _check_events(events)
    want = issue.strip().casefold()
    mask = ev["issue"].map(
        lambda s: want in {p.strip().casefold() for p in str(s).split(";")}
    ).astype(bool)
    sub = ev[mask].copy()
    return sub, build_dyad_graph(sub, actors)


# --------------------------------------------------------------------------- all tables


def analyze(events, *, actors=None, seed=0, top=10, exact_max=16, resolution=1.0, graph=None):
    """Every analysis table for one event set.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    actors : DataFrame, optional
        Party information for node attributes (see :func:`graphkit.graph.node_table`).
    seed : int, optional (default=0)
        Seed for Louvain, the bloc heuristic and sampled betweenness.
    top : int, optional (default=10)
        Rows in the top-pair tables.
    exact_max, resolution : optional
        Passed to :func:`blocs` and :func:`communities`.
    graph : nx.DiGraph, optional
        The dyad graph of ``events`` when the caller already built it (not modified).

    Returns
    -------
    dict of DataFrame
        ``summary`` (metric, value: corpus size, dates, communities, modularity, methods),
        ``centrality`` (:func:`centrality` plus ``community`` and ``bloc``),
        ``top_cooperative``, ``top_conflictual``, ``most_mixed`` (pairs, see
        :func:`top_dyads`), ``balance`` (metric, value from :func:`balance`),
        ``communities`` (community, size, cooperative weight inside, members),
        ``issues`` (:func:`issue_counts`) and ``timeline`` (:func:`timeline` by month
        and party).

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", doc_id="d1", date="2013-04-23", source="RUS",
    ...          target="NATO", event_type="COOPERATE", intensity=6.0, polarity=1),
    ...     dict(event_id="e2", doc_id="d1", date="2013-05-02", source="USA",
    ...          target="RUS", event_type="ACCUSE", intensity=-3.0, polarity=-1)])
    >>> tables = analyze(ev)
    >>> sorted(tables)
    ['balance', 'centrality', 'communities', 'issues', 'most_mixed', 'summary', 'timeline', 'top_conflictual', 'top_cooperative']
    >>> tables["top_cooperative"][["a", "b", "cooperative"]].values.tolist()
    [['NATO', 'RUS', 1]]
    >>> tables["centrality"][["id", "community", "bloc"]].values.tolist()
    [['NATO', 0, 0], ['RUS', 0, 0], ['USA', 1, 1]]
    """
    ev = _check_events(events)
    _check_int(top, "top", 1)
    D = graph if graph is not None else build_dyad_graph(ev, actors)
    cent = centrality(D, seed=seed)
    members, q = communities(D, seed=seed, resolution=resolution)
    pairs = pair_table(D)
    nodes = _sorted_nodes(D)
    rank = {v: i for i, v in enumerate(nodes)}
    live = pairs[(pairs["a"] != pairs["b"]) & (pairs["sign"] != 0)]
    edges = sorted(zip(live["a"].map(rank).tolist(), live["b"].map(rank).tolist(),
                       live["sign"].tolist()))
    labels, frustration, method = _blocs(nodes, edges, seed=seed, exact_max=exact_max)
    bloc_of = {v: labels[i] for i, v in enumerate(nodes)}
    tri, bal = _triangles(len(nodes), edges)
    bal_dict = _balance_dict(edges, tri, bal, frustration, method)

    cent["community"] = cent["id"].map(members).astype("int64")
    cent["bloc"] = cent["id"].map(bloc_of).astype("int64")
    tops = _top(D, pairs, top)

    comm = _community_table(D, cent)
    dated, undated = _dated(ev)
    notes = list(cent.attrs.get("notes", []))
    summary = [
        ("documents", int(ev.loc[ev["doc_id"] != "", "doc_id"].nunique())),
        ("events", len(ev)),
        ("negated", int(ev["negated"].sum())),
        ("undated", undated),
        ("parties", D.number_of_nodes()),
        ("dyads", D.number_of_edges()),
        ("pairs", len(pairs)),
        ("first_date", dated["date"].min() if len(dated) else ""),
        ("last_date", dated["date"].max() if len(dated) else ""),
        ("communities", len(comm)),
        ("modularity", round(q, 6)),
        ("bloc_method", method),
        ("bloc_0", sum(1 for i, _ in enumerate(nodes) if labels[i] == 0)),
        ("bloc_1", sum(1 for i, _ in enumerate(nodes) if labels[i] == 1)),
        ("seed", seed),
        ("notes", "; ".join(notes)),
    ]
    tables = {
        "summary": pd.DataFrame(summary, columns=["metric", "value"]),
        "centrality": cent,
        "top_cooperative": tops["cooperative_pairs"],
        "top_conflictual": tops["conflictual_pairs"],
        "most_mixed": tops["mixed_pairs"],
        "balance": pd.DataFrame(list(bal_dict.items()), columns=["metric", "value"]),
        "communities": comm,
        "issues": _issue_counts(ev),
        "timeline": _timeline(ev, "M", "party"),
    }
    return tables


def _community_table(D, cent):
    cols = ["community", "size", "cooperative_inside", "members"]
    if cent.empty:
        return _empty(cols)
    comm_of = dict(zip(cent["id"], cent["community"]))
    inside = {}
    for u, v, c in D.edges(data="cooperative", default=0):
        if u != v and comm_of[u] == comm_of[v]:
            inside[comm_of[u]] = inside.get(comm_of[u], 0) + (c or 0)
    ranked = cent.sort_values(["community", "strength", "id"], ascending=[True, False, True],
                              kind="mergesort")
    rows = []
    for k, grp in ranked.groupby("community", sort=True):
        rows.append((int(k), len(grp), int(inside.get(k, 0)), ";".join(map(str, grp["id"]))))
    return pd.DataFrame(rows, columns=cols)


def write_tables(tables, out_dir, *, digits=6):
    """Write each table as ``<name>.csv`` in ``out_dir``, atomically and deterministically.

    Parameters
    ----------
    tables : dict of DataFrame
        E.g. the result of :func:`analyze`. Names must be plain file names.
    out_dir : str or Path
        Folder, created if needed.
    digits : int, optional (default=6)
        Floats are rounded to this many decimals (and -0.0 written as 0.0).

    Returns
    -------
    list of Path
        The files written, in name order.

    Raises
    ------
    AnalysisError
        If a name is not a plain file name or a value is not a DataFrame.
    graphkit.errors.ExportError
        If a file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> out = tempfile.mkdtemp()
    >>> paths = write_tables({"x": pd.DataFrame({"a": [1], "b": [0.1234567]})}, out)
    >>> [p.name for p in paths], paths[0].read_text()
    (['x.csv'], 'a,b\\n1,0.123457\\n')
    """
    _check_int(digits, "digits", 0)
    for name, frame in tables.items():
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", name) or \
                name.startswith("."):
            raise AnalysisError(f"table name {name!r} is not a plain file name")
        if not isinstance(frame, pd.DataFrame):
            raise AnalysisError(f"table {name!r} is not a DataFrame")
    out_dir = Path(out_dir)
    paths = []
    for name in sorted(tables):
        frame = tables[name].copy()
        for c in frame.columns:
            if pd.api.types.is_float_dtype(frame[c]):
                frame[c] = frame[c].round(digits) + 0.0
            elif frame[c].dtype == object:
                frame[c] = frame[c].map(
                    lambda x: round(x, digits) + 0.0 if isinstance(x, float) else x)
        text = frame.to_csv(index=False, lineterminator="\n")
        paths.append(atomic_write_text(out_dir / f"{name}.csv", text))
    return paths


# --------------------------------------------------------------------------- helpers


def _check_digraph(D):
    if not isinstance(D, nx.DiGraph) or D.is_multigraph():
        raise AnalysisError(
            f"expected a dyad graph (networkx DiGraph), got {type(D).__name__}"
        )


def _as_signed(G, sign):
    if isinstance(G, nx.DiGraph) and not G.is_multigraph():
        return signed_graph(G, sign=sign)
    if isinstance(G, nx.Graph) and not G.is_directed() and not G.is_multigraph():
        return G
    raise AnalysisError(
        f"expected a dyad graph (DiGraph) or a signed nx.Graph, got {type(G).__name__}"
    )


def _check_events(events):
    if not isinstance(events, pd.DataFrame):
        raise AnalysisError(f"events must be a DataFrame, got {type(events).__name__}")
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        raise AnalysisError("events lack columns: " + ", ".join(missing))
    return events_frame(events)


def _check_int(value, name, low, high=None):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low or (
        high is not None and value > high
    ):
        bound = f"between {low} and {high}" if high is not None else f">= {low}"
        raise AnalysisError(f"{name} must be an integer {bound}, got {value!r}")


def _check_date(value):
    text = value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else value
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise AnalysisError(f"split_date must be a YYYY-MM-DD date, got {value!r}")
    try:
        pd.Timestamp(text)
    except ValueError:
        raise AnalysisError(f"split_date must be a YYYY-MM-DD date, got {value!r}") from None
    return text


def _dated(ev):
    ok = ev["date"].str.match(_ISO_DATE).astype(bool)
    return ev[ok], int((~ok).sum())


def _sorted_nodes(G):
    try:
        return sorted(G)
    except TypeError:
        return sorted(G, key=lambda v: (type(v).__name__, str(v)))


def _edge_frame(D, cols):
    rows = [(u, v, *[d.get(c, 0) for c in cols]) for u, v, d in D.edges(data=True)]
    return pd.DataFrame(rows, columns=["source", "target", *cols])


def _num(series):
    return pd.to_numeric(series, errors="coerce").fillna(0).to_numpy(dtype=float)


def _as_int(values):
    return np.rint(values).astype(np.int64) if np.allclose(values, np.rint(values)) else values


def _node_name(G, v):
    name = G.nodes[v].get("name", "")
    return str(name) if name not in (None, "") and name == name else str(v)


def _empty(cols):
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})


def _plain(value):
    return value.item() if hasattr(value, "item") else value
