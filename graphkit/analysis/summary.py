"""Every analysis table for one event set, and writing the tables."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import AnalysisError
from ..graph import build_dyad_graph
from ..io import atomic_write_text
from ._checks import _check_events, _check_int, _dated, _sorted_nodes
from .centrality import centrality
from .communities import _community_table, communities
from .dyads import MIXED_MIN_EVENTS, _top, pair_table
from .issues import _issue_counts
from .signed import _balance_dict, _blocs, _triangles
from .temporal import _timeline

__all__ = ["analyze", "write_tables", "hub", "STAR_SHARE", "WEAK_MODULARITY"]

#: A party in more than this share of the events between two parties makes the corpus
#: star-shaped ("one party is in most events"): a readout series, one government's news.
#: Its partners then link mostly through it, and communities and blocs computed with it
#: group parties by their ties to the hub; :func:`analyze` computes them without it.
STAR_SHARE = 0.5

#: A graph needs this many parties to be called star-shaped: with three or four, one
#: party in most events is just a small graph, and there is little to group either way.
STAR_MIN_PARTIES = 5

#: Below this modularity a partition is weak: Newman and Girvan (2004) report values of
#: about 0.3 to 0.7 for networks with a real community structure.
WEAK_MODULARITY = 0.3


def hub(D):
    """The party in the most events between two parties, and its share of those events.

    Events of a party with itself are left out. Ties go to the smaller id.

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> hub(build_dyad_graph(toy_events("USA GBR CONSULT", "USA JPN CONSULT", "FRA DEU AID",
    ...                                 "USA USA ACCUSE")))
    ('USA', 0.667)
    """
    return _hub(pair_table(D))


def _hub(pairs):
    pairs = pairs[pairs["a"] != pairs["b"]]
    total = int(pairs["events"].sum()) if len(pairs) else 0
    if not total:
        return "", 0.0
    per = pd.concat([pairs.set_index("a")["events"], pairs.set_index("b")["events"]])
    per = per.groupby(level=0).sum()
    best = sorted(per.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]
    return best[0], round(best[1] / total, 3)


def analyze(events, *, actors=None, seed=0, top=10, exact_max=16, resolution=1.0, graph=None,
            mixed_min_events=MIXED_MIN_EVENTS):
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
    mixed_min_events : int, optional (default=10)
        Events a pair needs to rank among the most mixed (see :func:`top_dyads`).

    Returns
    -------
    dict of DataFrame
        ``summary`` (metric, value: corpus size, dates, communities, modularity, methods),
        ``centrality`` (:func:`centrality` plus ``community`` and ``bloc``),
        ``top_cooperative``, ``top_conflictual``, ``most_mixed``, ``domestic`` (pairs,
        see :func:`top_dyads`), ``balance`` (metric, value from :func:`balance`),
        ``communities`` (community, size, cooperative weight inside, members),
        ``issues`` (:func:`issue_counts`) and ``timeline`` (:func:`timeline` by month
        and party).

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> ev = toy_events("RUS NATO COOPERATE 2013-04-23", "USA RUS ACCUSE 2013-05-02")
    >>> tables = analyze(ev)
    >>> sorted(tables)  # doctest: +NORMALIZE_WHITESPACE
    ['balance', 'centrality', 'communities', 'domestic', 'issues', 'most_mixed', 'summary',
     'timeline', 'top_conflictual', 'top_cooperative']
    >>> tables["top_cooperative"][["a", "b", "cooperative"]].values.tolist()
    [['NATO', 'RUS', 1]]
    >>> tables["centrality"][["id", "community", "bloc"]].values.tolist()
    [['NATO', 0, 0], ['RUS', 0, 0], ['USA', 1, 1]]

    Notes
    -----
    When one party takes part in more than ``STAR_SHARE`` of the events between
    parties (:func:`hub`) of a graph of at least ``STAR_MIN_PARTIES``, communities, blocs and balance are computed without it:
    its ``community`` and ``bloc`` are -1 and the summary's ``star`` is 1.
    """
    ev = _check_events(events)
    _check_int(top, "top", 1)
    D = graph if graph is not None else build_dyad_graph(ev, actors)
    cent = centrality(D, seed=seed)
    pairs = pair_table(D)
    hub_id, share = _hub(pairs)
    star = share > STAR_SHARE and D.number_of_nodes() >= STAR_MIN_PARTIES
    G = D.subgraph([v for v in D if v != hub_id]) if star else D
    members, q = communities(G, seed=seed, resolution=resolution)
    nodes = _sorted_nodes(G)
    rank = {v: i for i, v in enumerate(nodes)}
    live = pairs[(pairs["a"] != pairs["b"]) & (pairs["sign"] != 0)
                 & pairs["a"].isin(rank) & pairs["b"].isin(rank)]
    edges = sorted(zip(live["a"].map(rank).tolist(), live["b"].map(rank).tolist(),
                       live["sign"].tolist()))
    labels, frustration, method = _blocs(nodes, edges, seed=seed, exact_max=exact_max)
    bloc_of = {v: labels[i] for i, v in enumerate(nodes)}
    tri, bal = _triangles(len(nodes), edges)
    bal_dict = _balance_dict(edges, tri, bal, frustration, method)

    cent["community"] = cent["id"].map(members).fillna(-1).astype("int64")
    cent["bloc"] = cent["id"].map(bloc_of).fillna(-1).astype("int64")
    tops = _top(D, pairs, top, mixed_min_events)

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
        ("hub", hub_id),
        ("hub_share", share),
        ("star", int(star)),
        ("seed", seed),
        ("notes", "; ".join(notes)),
    ]
    tables = {
        "summary": pd.DataFrame(summary, columns=["metric", "value"]),
        "centrality": cent,
        "top_cooperative": tops["cooperative_pairs"],
        "top_conflictual": tops["conflictual_pairs"],
        "most_mixed": tops["mixed_pairs"],
        "domestic": tops["domestic"],
        "balance": pd.DataFrame(list(bal_dict.items()), columns=["metric", "value"]),
        "communities": comm,
        "issues": _issue_counts(ev),
        "timeline": _timeline(ev, "M", "party"),
    }
    return tables


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
