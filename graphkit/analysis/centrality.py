"""Centrality of the parties in a dyad graph: weighted degree, strength, betweenness, PageRank,
eigenvector."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ._checks import (
    _as_int,
    _check_digraph,
    _check_int,
    _edge_frame,
    _empty,
    _node_name,
    _num,
    _sorted_nodes,
)

__all__ = ["BETWEENNESS_EXACT_MAX", "BETWEENNESS_SAMPLES", "centrality"]


#: Betweenness is exact on graphs with at most this many nodes, sampled above.
BETWEENNESS_EXACT_MAX = 1000


#: Number of seeded source pivots used when betweenness is sampled.
BETWEENNESS_SAMPLES = 100


_CENTRALITY_COLUMNS = [
    "id", "name", "kind", "in_weight", "out_weight", "strength", "partners",
    "cooperative", "conflictual", "betweenness", "pagerank", "eigenvector",
]


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
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> ev = toy_events("RUS NATO COOPERATE", "USA NATO AGREE", "NATO RUS ACCUSE")
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
    ``nx.betweenness_centrality(G, k=len(sources))`` does.

    Each breadth-first search runs level by level on numpy arrays (the edges from
    one level to the next at once), so the cost per source is a few array
    operations per level rather than a Python step per edge: on 30,000 parties,
    100,000 contacts and 100 pivots, 1.2-1.5 CPU seconds against 13.3-13.6 for the
    loop it replaced.
    """
    n = len(adj)
    deg = np.fromiter((len(a) for a in adj), dtype=np.int64, count=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(deg, out=indptr[1:])
    indices = np.fromiter(itertools.chain.from_iterable(adj), dtype=np.int64,
                          count=int(indptr[-1]))
    bc = np.zeros(n)
    sources = list(sources)
    for s in sources:
        dist = np.full(n, -1, dtype=np.int64)
        sigma = np.zeros(n)
        dist[s], sigma[s] = 0, 1.0
        frontier = np.array([s], dtype=np.int64)
        steps = []          # per level: the shortest-path edges (v, w) into the next level
        level = 0
        while len(frontier):
            counts = deg[frontier]
            total = int(counts.sum())
            if not total:
                break
            first = np.repeat(indptr[frontier] - (np.cumsum(counts) - counts), counts)
            v = np.repeat(frontier, counts)
            w = indices[first + np.arange(total)]
            fresh = w[dist[w] < 0]
            dist[fresh] = level + 1
            on_path = dist[w] == level + 1
            v, w = v[on_path], w[on_path]
            sigma += np.bincount(w, weights=sigma[v], minlength=n)
            steps.append((v, w))
            frontier = np.unique(fresh)
            level += 1
        delta = np.zeros(n)
        for v, w in reversed(steps):
            delta += np.bincount(v, weights=sigma[v] * (1.0 + delta[w]) / sigma[w], minlength=n)
        delta[s] = 0.0
        bc += delta
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
