"""Signed graphs: the sign of each pair, structural balance and the two-bloc partition."""

from __future__ import annotations

from collections import deque

import networkx as nx
import numpy as np

from ..errors import AnalysisError
from ._checks import _check_digraph, _check_int, _plain, _sorted_nodes
from .dyads import _PAIR_COLUMNS, pair_table

__all__ = ["signed_graph", "balance", "blocs"]


#: Largest ``exact_max`` accepted by :func:`blocs` (2**(n-1) partitions are enumerated).
_EXACT_LIMIT = 24


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
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> ev = toy_events("RUS NATO COOPERATE", "NATO RUS THREATEN", "USA RUS ACCUSE")
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

def _as_signed(G, sign):
    if isinstance(G, nx.DiGraph) and not G.is_multigraph():
        return signed_graph(G, sign=sign)
    if isinstance(G, nx.Graph) and not G.is_directed() and not G.is_multigraph():
        return G
    raise AnalysisError(
        f"expected a dyad graph (DiGraph) or a signed nx.Graph, got {type(G).__name__}"
    )
