"""Behaviour of graphkit.analysis that users rely on."""

import copy
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from graphkit import analysis as A
from graphkit.errors import AnalysisError, GraphkitError
from graphkit.graph import build_dyad_graph, events_frame
from graphkit.model import CATEGORIES

_COOP = {"COOPERATE": 6.0, "CONSULT": 1.0}
_CONF = {"ACCUSE": -3.0, "THREATEN": -6.0}


def ev(*specs):
    """Events from (source, target, event_type[, date[, issue[, negated]]]) tuples."""
    rows = []
    for i, spec in enumerate(specs):
        s, t, kind, *rest = spec
        date = rest[0] if len(rest) > 0 else ""
        issue = rest[1] if len(rest) > 1 else ""
        negated = rest[2] if len(rest) > 2 else False
        intensity = CATEGORIES[kind][2]
        rows.append(dict(event_id=f"e{i:04d}", doc_id=f"d{i % 3}", date=date, source=s,
                         source_name=s.title(), target=t, target_name=t.title(),
                         event_type=kind, intensity=intensity,
                         polarity=CATEGORIES[kind][1], issue=issue, negated=negated))
    return events_frame(rows)


def snapshot(G):
    return (type(G), copy.deepcopy(list(G.nodes(data=True))),
            copy.deepcopy(sorted(G.edges(data=True), key=lambda e: (e[0], e[1]))),
            dict(G.graph))


def signed(*edges):
    S = nx.Graph()
    for u, v, s in edges:
        S.add_edge(u, v, sign=s)
    return S


@pytest.fixture
def events():
    return ev(
        ("RUS", "NATO", "COOPERATE", "2013-01-10", "missile defence"),
        ("RUS", "NATO", "COOPERATE", "2013-02-10", "missile defence"),
        ("NATO", "RUS", "CONSULT", "2013-02-11"),
        ("NATO", "RUS", "ACCUSE", "2014-03-20", "Ukraine"),
        ("USA", "RUS", "THREATEN", "2014-03-21", "Ukraine;sanctions"),
        ("USA", "RUS", "THREATEN", "", "Ukraine"),
        ("USA", "NATO", "COOPERATE", "2013-05-01"),
        ("USA", "NATO", "CONSULT", "2013-05-02", "", True),
        ("CHN", "RUS", "CONSULT", "2014-06-01"),
    )


@pytest.fixture
def D(events):
    return build_dyad_graph(events)


# --------------------------------------------------------------------------- centrality


def test_centrality_strengths_and_columns(D):
    c = A.centrality(D).set_index("id")
    assert list(c.index) == ["CHN", "NATO", "RUS", "USA"]
    assert c.loc["NATO", "in_weight"] == 3  # RUS x2 + USA x1 (negated event not counted)
    assert c.loc["NATO", "out_weight"] == 2
    assert c.loc["RUS", "cooperative"] == 4  # 2 out to NATO, 1 in from NATO, 1 in from CHN
    assert c.loc["RUS", "conflictual"] == 3  # 1 from NATO, 2 from USA
    assert c.loc["USA", "partners"] == 2
    assert not c.isna().any().any()


def test_centrality_matches_networkx_reference():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    rng = random.Random(3)
    G = nx.gnm_random_graph(40, 120, seed=3, directed=True)
    D = nx.DiGraph()
    for u, v in G.edges():
        c, k = rng.randint(0, 3), rng.randint(0, 2)
        D.add_edge(f"N{u:02d}", f"N{v:02d}", weight=c + k, cooperative=c, conflictual=k)
    nodes = sorted(D)
    U = nx.Graph()
    U.add_nodes_from(nodes)
    U.add_edges_from(D.edges())
    W = nx.Graph()
    for u, v, w in D.edges(data="weight"):
        W.add_edge(u, v, weight=w + (W[u][v]["weight"] if W.has_edge(u, v) else 0))

    exact = A.centrality(D)
    ref = nx.betweenness_centrality(U)
    assert np.allclose(exact["betweenness"], [ref[v] for v in nodes])
    ref = _pagerank_python(D, weight="cooperative")
    assert np.allclose(exact["pagerank"], [ref[v] for v in nodes], atol=1e-6)
    ref = nx.eigenvector_centrality(W, weight="weight", max_iter=1000)
    assert np.allclose(exact["eigenvector"], [ref[v] for v in nodes], atol=1e-5)

    sampled = A.centrality(D, betweenness_exact_max=10, betweenness_k=15, seed=7)
    ref = nx.betweenness_centrality(U, k=15, seed=7)
    assert np.allclose(sampled["betweenness"], [ref[v] for v in nodes])
    assert any("sampled from 15 pivots" in n for n in sampled.attrs["notes"])


def test_centrality_empty_and_edgeless_graphs():
    empty = A.centrality(nx.DiGraph())
    assert empty.empty and "betweenness" in empty.columns
    D = nx.DiGraph()
    D.add_nodes_from(["A", "B"])
    c = A.centrality(D)
    assert c["eigenvector"].tolist() == [0.0, 0.0]
    assert c["pagerank"].tolist() == pytest.approx([0.5, 0.5])
    assert any("eigenvector" in n for n in c.attrs["notes"])


def test_centrality_rejects_bad_input(D):
    with pytest.raises(AnalysisError, match="alpha must be between 0 and 1"):
        A.centrality(D, alpha=1.5)
    with pytest.raises(AnalysisError, match="expected a dyad graph"):
        A.centrality(nx.Graph())
    assert issubclass(AnalysisError, GraphkitError)


# --------------------------------------------------------------------------- communities


def two_cliques(order=1):
    specs = []
    for group in (["A1", "A2", "A3", "A4"], ["B1", "B2", "B3"]):
        for u in group:
            for v in group:
                if u < v:
                    specs += [(u, v, "COOPERATE")] * 2
    specs.append(("A1", "B1", "CONSULT"))
    specs.append(("A2", "B2", "THREATEN"))
    return build_dyad_graph(ev(*specs[::order]))


def test_communities_finds_cliques_numbered_by_size():
    members, q = A.communities(two_cliques(), seed=0)
    assert {v for v, c in members.items() if c == 0} == {"A1", "A2", "A3", "A4"}
    assert {v for v, c in members.items() if c == 1} == {"B1", "B2", "B3"}
    assert 0.3 < q < 0.6


def test_communities_deterministic_for_a_seed_and_insertion_order():
    first = A.communities(two_cliques(), seed=5)
    assert A.communities(two_cliques(), seed=5) == first
    assert A.communities(two_cliques(order=-1), seed=5) == first


def test_communities_empty_and_without_cooperation():
    assert A.communities(nx.DiGraph()) == ({}, 0.0)
    D = build_dyad_graph(ev(("B", "A", "ACCUSE"), ("C", "A", "THREATEN")))
    members, q = A.communities(D)
    assert members == {"A": 0, "B": 1, "C": 2} and q == 0.0
    with pytest.raises(AnalysisError, match="resolution must be a positive number"):
        A.communities(D, resolution=0)


# --------------------------------------------------------------------------- signs, balance, blocs


def test_pair_table_sums_both_directions(D):
    p = A.pair_table(D).set_index(["a", "b"])
    row = p.loc[("NATO", "RUS")]
    counts = (row["directions"], row["events"], row["cooperative"], row["conflictual"])
    assert counts == (2, 4, 3, 1)
    assert row["sum_intensity"] == pytest.approx(6 + 6 + 1 - 3)
    assert row["first_date"] == "2013-01-10" and row["last_date"] == "2014-03-20"
    assert row["issues"] == "Ukraine;missile defence"
    assert A.pair_table(nx.DiGraph()).empty


def test_signed_graph_sign_from_net_intensity_of_both_directions():
    D = build_dyad_graph(ev(("A", "B", "COOPERATE"), ("B", "A", "THREATEN"),
                            ("A", "C", "ACCUSE"), ("C", "A", "CONSULT"), ("A", "A", "ACCUSE")))
    S = A.signed_graph(D)
    assert S["A"]["B"]["sign"] == 0  # +6 and -6
    assert S["A"]["C"]["sign"] == -1  # -3 and +1
    assert not S.has_edge("A", "A")
    assert S.nodes["A"]["name"] == "A"


@pytest.mark.parametrize("signs, balanced", [
    ((1, 1, 1), True), ((1, -1, -1), True), ((1, 1, -1), False), ((-1, -1, -1), False),
])
def test_balance_of_a_triad(signs, balanced):
    b = A.balance(signed(("A", "B", signs[0]), ("B", "C", signs[1]), ("A", "C", signs[2])))
    assert b["triangles"] == 1
    assert b["balanced"] == int(balanced) and b["unbalanced"] == int(not balanced)
    assert b["share_balanced"] == float(balanced)
    assert b["frustration"] == (0 if balanced else 1)
    assert b["method"] == "exact"


def test_balance_from_dyad_graph_and_empty():
    D = build_dyad_graph(ev(("A", "B", "COOPERATE"), ("B", "C", "ACCUSE"), ("C", "A", "ACCUSE"),
                            ("C", "D", "ACCUSE")))
    b = A.balance(D)
    assert (b["triangles"], b["balanced"], b["frustration"]) == (1, 1, 0)
    assert (b["signed_edges"], b["positive"], b["negative"]) == (4, 1, 3)
    e = A.balance(nx.Graph())
    assert e["triangles"] == 0 and np.isnan(e["share_balanced"]) and e["method"] == "none"


def test_zero_sign_edges_are_ignored_by_balance_and_blocs():
    S = signed(("A", "B", 1), ("B", "C", 1), ("A", "C", 0))
    assert A.balance(S)["triangles"] == 0
    assert A.blocs(S) == ({"A": 0, "B": 0, "C": 0}, 0)


def test_exact_blocs_on_known_signed_graph():
    # Two camps {A, B, C} and {D, E}; one friendly pair across (C-D) cannot be satisfied
    # together with the hostile C-E and friendly D-E.
    S = signed(("A", "B", 1), ("B", "C", 1), ("A", "C", 1), ("D", "E", 1),
               ("A", "D", -1), ("B", "E", -1), ("C", "E", -1), ("C", "D", 1))
    members, frustration = A.blocs(S)
    assert members == {"A": 0, "B": 0, "C": 0, "D": 1, "E": 1}
    assert frustration == 1


def test_blocs_canonical_per_component_and_isolated_nodes():
    S = signed(("A", "B", -1), ("X", "Y", -1))
    S.add_node("Z")
    assert A.blocs(S) == ({"A": 0, "B": 1, "X": 0, "Y": 1, "Z": 0}, 0)


def planted(n=60, p=0.3, flips=6, seed=1):
    rng = random.Random(seed)
    nodes = [f"P{i:02d}" for i in range(n)]
    side = {v: rng.randint(0, 1) for v in nodes}
    edges = []
    for i, u in enumerate(nodes):
        for v in nodes[i + 1:]:
            if rng.random() < p:
                edges.append([u, v, 1 if side[u] == side[v] else -1])
    for e in rng.sample(edges, flips):
        e[2] = -e[2]
    return signed(*map(tuple, edges)), side


def test_heuristic_recovers_planted_blocs():
    S, side = planted()
    members, frustration = A.blocs(S, seed=0)
    assert A.balance(S)["method"] == "heuristic"
    flip = side["P00"]  # blocs are labelled so that the first node is in bloc 0
    assert members == {v: s ^ flip for v, s in side.items()}
    assert frustration == 6


def test_heuristic_matches_exact_on_small_graphs():
    for seed in range(15):
        G = nx.gnm_random_graph(11, 30, seed=seed)
        rng = random.Random(seed)
        S = signed(*[(u, v, rng.choice((1, -1))) for u, v in G.edges()])
        _, exact = A.blocs(S, exact_max=16)
        _, heur = A.blocs(S, exact_max=0, seed=seed)
        assert heur == exact, seed


def test_blocs_deterministic_and_validated():
    S, _ = planted(flips=40, seed=4)
    assert A.blocs(S, seed=3) == A.blocs(S, seed=3)
    with pytest.raises(AnalysisError, match="exact_max must be an integer between 0 and 24"):
        A.blocs(S, exact_max=40)
    with pytest.raises(AnalysisError, match="restarts must be an integer >= 1"):
        A.blocs(S, restarts=0)
    with pytest.raises(AnalysisError, match="signed nx.Graph"):
        A.blocs(nx.MultiGraph())


# --------------------------------------------------------------------------- top dyads


def test_top_dyads_rankings(D):
    t = A.top_dyads(D, n=2)
    # ties on the cooperative count go to the larger net intensity (COOPERATE 6 > CONSULT 1)
    assert t["cooperative"][["source", "target"]].values.tolist() == [["RUS", "NATO"],
                                                                      ["USA", "NATO"]]
    assert t["conflictual"].iloc[0][["source", "target", "conflictual"]].tolist() == [
        "USA", "RUS", 2]
    assert t["mixed"].empty                  # below the floor of 10 events
    assert t["cooperative_pairs"].iloc[0][["a", "b", "cooperative"]].tolist() == [
        "NATO", "RUS", 3]
    mixed = A.top_dyads(D, n=2, mixed_min_events=1)["mixed_pairs"]
    assert mixed.iloc[0][["a", "b", "balance"]].tolist() == ["NATO", "RUS", 0.333]
    assert all(len(f) <= 2 for f in t.values())
    with pytest.raises(AnalysisError, match="n must be an integer >= 1"):
        A.top_dyads(D, n=0)


def test_top_dyads_empty():
    t = A.top_dyads(nx.DiGraph())
    assert set(t) == {"cooperative", "conflictual", "mixed", "cooperative_pairs",
                      "conflictual_pairs", "mixed_pairs", "domestic"}
    assert all(f.empty for f in t.values())


# --------------------------------------------------------------------------- change over time


def test_dyad_change(events):
    ch = A.dyad_change(events, split_date="2014-01-01").set_index(["source", "target"])
    assert ch.attrs["undated"] == 1
    assert ch.loc[("NATO", "RUS"), "status"] == "sign_changed"
    assert ch.loc[("NATO", "RUS"), "delta"] == pytest.approx(-3 - 1)
    assert ch.loc[("USA", "RUS"), "status"] == "appeared"
    assert ch.loc[("RUS", "NATO"), "status"] == "disappeared"
    assert ch.loc[("RUS", "NATO"), "events_before"] == 2
    assert bool(ch.loc[("NATO", "RUS"), "sign_changed"])
    with pytest.raises(AnalysisError, match="split_date must be a YYYY-MM-DD date"):
        A.dyad_change(events, split_date="2014-13-45")
    assert A.dyad_change(events, split_date=pd.Timestamp("2014-01-01")).equals(
        A.dyad_change(events, split_date="2014-01-01"))


def test_compare_detects_appeared_disappeared_and_sign_change():
    a = ev(("RUS", "NATO", "COOPERATE"), ("USA", "RUS", "CONSULT"), ("FRA", "DEU", "CONSULT"))
    b = ev(("RUS", "NATO", "THREATEN"), ("CHN", "RUS", "CONSULT"), ("FRA", "DEU", "CONSULT"))
    out = A.compare(a, b)
    assert out[["source", "target", "status"]].values.tolist() == [
        ["CHN", "RUS", "appeared"], ["USA", "RUS", "disappeared"],
        ["RUS", "NATO", "sign_changed"]]
    assert out.iloc[2][["sign_a", "sign_b"]].tolist() == [1, -1]
    assert A.compare(a, a).empty


def test_compare_periods(events):
    out = A.compare_periods(events, split_date="2014-01-01")
    assert set(out["status"]) == {"appeared", "disappeared", "sign_changed"}
    assert out.attrs["undated"] == 1


def test_timeline_counts(events):
    t = A.timeline(events, freq="M")
    assert t.attrs["undated"] == 1
    row = t[(t["period"] == "2013-05") & (t["source"] == "USA")].iloc[0]
    assert (row["events"], row["cooperative"], row["mean_intensity"]) == (2, 1, 6.0)
    y = A.timeline(events, freq="Y", by="party")
    counts = {(r.period, r.party): r.events for r in y.itertuples()}
    assert counts[("2013", "NATO")] == 5 and counts[("2014", "RUS")] == 3
    assert sum(y["events"]) == 2 * (len(events) - 1)
    d = A.timeline(events, freq="D")
    assert d["period"].str.len().eq(10).all() and d["events"].sum() == len(events) - 1


def test_timeline_validation_and_empty():
    with pytest.raises(AnalysisError, match="freq must be one of"):
        A.timeline(events_frame(), freq="W")
    with pytest.raises(AnalysisError, match="by must be"):
        A.timeline(events_frame(), by="issue")
    t = A.timeline(events_frame())
    assert t.empty and t.attrs["undated"] == 0
    with pytest.raises(AnalysisError, match="events lack columns"):
        A.timeline(pd.DataFrame({"source": ["A"]}))


def test_issue_counts(events):
    c = A.issue_counts(events).set_index("issue")
    assert c.loc["Ukraine", "events"] == 3
    assert c.loc["missile defence", "cooperative"] == 2
    assert c.loc["sanctions", "parties"] == 2
    assert c.attrs["no_issue"] == 4


# --------------------------------------------------------------------------- subgraphs


def test_ego_network_is_a_copy_with_undirected_reach(D):
    ego = A.ego_network(D, "CHN")
    assert sorted(ego) == ["CHN", "RUS"]
    assert sorted(A.ego_network(D, "CHN", radius=2)) == ["CHN", "NATO", "RUS", "USA"]
    assert sorted(A.ego_network(D, "CHN", radius=0)) == ["CHN"]
    ego["CHN"]["RUS"]["events"] = 99
    ego.nodes["CHN"]["name"] = "changed"
    assert D["CHN"]["RUS"]["events"] == 1 and D.nodes["CHN"]["name"] == "Chn"
    with pytest.raises(AnalysisError, match="node 'XXX' is not in the graph"):
        A.ego_network(D, "XXX")
    with pytest.raises(AnalysisError, match="radius"):
        A.ego_network(D, "CHN", radius=-1)


def test_issue_subgraph_matches_whole_issue_names(events):
    sub, G = A.issue_subgraph(events, "ukraine")
    assert sorted(sub["event_id"]) == ["e0003", "e0004", "e0005"]
    assert sorted(G.edges()) == [("NATO", "RUS"), ("USA", "RUS")]
    sub, G = A.issue_subgraph(events, "missile")
    assert sub.empty and G.number_of_nodes() == 0
    with pytest.raises(AnalysisError, match="issue must be a non-empty string"):
        A.issue_subgraph(events, "  ")


# --------------------------------------------------------------------------- inputs untouched


def test_functions_do_not_mutate_inputs(events, D):
    ev_before = events.copy(deep=True)
    d_before = snapshot(D)
    S = A.signed_graph(D)
    s_before = snapshot(S)
    A.centrality(D)
    A.communities(D)
    A.pair_table(D)
    A.balance(D)
    A.balance(S)
    A.blocs(S)
    A.top_dyads(D)
    A.ego_network(D, "RUS")
    A.dyad_change(events, split_date="2014-01-01")
    A.compare(events, events.iloc[:3])
    A.timeline(events, by="party")
    A.issue_counts(events)
    A.issue_subgraph(events, "Ukraine")
    A.analyze(events)
    pd.testing.assert_frame_equal(events, ev_before)
    assert snapshot(D) == d_before
    assert snapshot(S) == s_before


# --------------------------------------------------------------------------- analyze, write


def test_analyze_tables(events):
    t = A.analyze(events)
    assert set(t) == {"summary", "centrality", "top_cooperative", "top_conflictual",
                      "most_mixed", "domestic", "balance", "communities", "issues",
                      "timeline"}
    c = t["centrality"].set_index("id")
    assert {"community", "bloc"} <= set(c.columns)
    # NATO-RUS and NATO-USA friendly, USA-RUS hostile: one frustrated pair whatever the split
    balance = dict(zip(t["balance"]["metric"], t["balance"]["value"]))
    assert (balance["triangles"], balance["unbalanced"], balance["frustration"]) == (1, 1, 1)
    assert t["top_cooperative"].iloc[0][["a", "b"]].tolist() == ["NATO", "RUS"]
    summary = dict(zip(t["summary"]["metric"], t["summary"]["value"]))
    assert summary["events"] == 9 and summary["parties"] == 4 and summary["undated"] == 1
    assert summary["first_date"] == "2013-01-10" and summary["last_date"] == "2014-06-01"
    assert t["communities"]["size"].sum() == 4


def test_analyze_empty_events():
    t = A.analyze(events_frame())
    assert t["centrality"].empty and t["top_cooperative"].empty and t["timeline"].empty
    summary = dict(zip(t["summary"]["metric"], t["summary"]["value"]))
    assert summary["events"] == 0 and summary["parties"] == 0


def test_analyze_and_write_tables_are_deterministic(events, tmp_path):
    first = A.write_tables(A.analyze(events, seed=1), tmp_path / "a")
    second = A.write_tables(A.analyze(events.sample(frac=1, random_state=3), seed=1),
                            tmp_path / "b")
    assert [p.name for p in first] == sorted(p.name for p in first)
    for p, q in zip(first, second):
        assert p.read_bytes() == q.read_bytes(), p.name
    text = (tmp_path / "a" / "centrality.csv").read_text()
    assert text.startswith("id,name,kind,in_weight") and "\r" not in text
    assert not list((tmp_path / "a").glob(".*"))


def test_write_tables_rounds_and_validates(tmp_path):
    frame = pd.DataFrame({"x": [1 / 3, -1e-12], "v": [0.1 + 0.2, "a"]})
    (path,) = A.write_tables({"t": frame}, tmp_path, digits=3)
    assert path.read_text() == "x,v\n0.333,0.3\n0.0,a\n"
    with pytest.raises(AnalysisError, match="not a plain file name"):
        A.write_tables({"../evil": frame}, tmp_path)
    with pytest.raises(AnalysisError, match="is not a DataFrame"):
        A.write_tables({"t": [1, 2]}, tmp_path)
