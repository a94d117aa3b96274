"""Analysis over event tables and dyad graphs: centrality, communities, signed balance, blocs,
top dyads, change over time, ego networks and the tables the report and exports read.

Every function is pure: it never changes the events frame or the graph it is given, and any
randomness comes from a ``seed`` keyword, so the same input gives the same output.

Scale (see each function's Notes): betweenness is exact up to ``BETWEENNESS_EXACT_MAX`` nodes
and sampled with ``BETWEENNESS_SAMPLES`` seeded pivots above; the two-bloc partition is exact
(enumeration) up to ``exact_max`` signed nodes and a seeded local search above; Louvain is a
seeded heuristic at every size.

Modules, one per family: ``centrality``, ``communities``, ``dyads`` (pair tables, top pairs,
ego networks), ``signed`` (signs, balance, blocs), ``temporal`` (timelines, change, period
comparison), ``issues``, ``summary`` (:func:`analyze`, :func:`write_tables`) and ``examples``
(:func:`~graphkit.analysis.examples.toy_events`, the toy tables of the doctests).
"""

from .centrality import BETWEENNESS_EXACT_MAX, BETWEENNESS_SAMPLES, centrality
from .communities import communities
from .dyads import MIXED_MIN_EVENTS, ego_network, pair_table, top_dyads
from .issues import issue_counts, issue_subgraph
from .signed import balance, blocs, signed_graph
from .summary import STAR_SHARE, WEAK_MODULARITY, analyze, hub, write_tables
from .temporal import compare, compare_periods, dyad_change, timeline

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
    "MIXED_MIN_EVENTS",
    "dyad_change",
    "compare",
    "compare_periods",
    "timeline",
    "issue_counts",
    "ego_network",
    "issue_subgraph",
    "analyze",
    "hub",
    "STAR_SHARE",
    "WEAK_MODULARITY",
    "write_tables",
]
