"""Communities of cooperating parties (seeded Louvain)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ._checks import _check_digraph, _edge_frame, _empty, _num, _sorted_nodes

__all__ = ["communities"]


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
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> ev = toy_events(*(f"{s} {t} COOPERATE" for s, t in ["AB", "BC", "CA", "XY", "YZ", "ZX"]))
    >>> members, q = communities(build_dyad_graph(ev), seed=0)
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


def _community_table(D, cent):
    cols = ["community", "size", "cooperative_inside", "members"]
    if cent.empty:
        return _empty(cols)
    cent = cent[cent["community"] >= 0]           # a hub left out of the communities
    comm_of = dict(zip(cent["id"], cent["community"]))
    inside = {}
    for u, v, c in D.edges(data="cooperative", default=0):
        if u != v and u in comm_of and comm_of[u] == comm_of.get(v):
            inside[comm_of[u]] = inside.get(comm_of[u], 0) + (c or 0)
    ranked = cent.sort_values(["community", "strength", "id"], ascending=[True, False, True],
                              kind="mergesort")
    rows = []
    for k, grp in ranked.groupby("community", sort=True):
        rows.append((int(k), len(grp), int(inside.get(k, 0)), ";".join(map(str, grp["id"]))))
    return pd.DataFrame(rows, columns=cols)
