"""Graph building and the writers people open in other tools."""

import networkx as nx
import pandas as pd
import pytest

from graphkit.export import write_gexf, write_graphml, write_json, write_table
from graphkit.graph import build_dyad_graph, build_event_graph, dyad_table, events_frame


@pytest.fixture
def ev():
    return events_frame([
        dict(event_id="e1", doc_id="d", date="2013-04-23", source="RUS", source_name="Russia",
             target="NATO", target_name="NATO", event_type="COOPERATE", intensity=6.0,
             polarity=1, issue="security"),
        dict(event_id="e2", doc_id="d", date="2013-04-24", source="RUS", source_name="Russia",
             target="NATO", target_name="NATO", event_type="AGREE", intensity=4.0,
             polarity=0, negated=True, issue="missile-defence"),
        dict(event_id="e3", doc_id="d", date="2014-03-01", source="USA", target="RUS",
             event_type="SANCTION", intensity=-7.0, polarity=-1),
        dict(event_id="e4", doc_id="d", source="RUS", event_type="REQUEST", intensity=2.0,
             polarity=1),
    ])


def test_dyads_exclude_negated_from_weights(ev):
    d = dyad_table(ev).set_index(["source", "target"])
    row = d.loc[("RUS", "NATO")]
    assert (row.events, row.cooperative, row.negated, row.n_AGREE, row.n_COOPERATE) == (
        2, 1, 1, 0, 1)
    assert row.sign == 1 and row.mean_intensity == 6.0
    assert row.issues == "missile-defence;security"
    assert (row.first_date, row.last_date) == ("2013-04-23", "2013-04-24")
    assert d.loc[("USA", "RUS")].sign == -1
    assert len(d) == 2                      # the event without a target has no dyad


def test_event_graph_one_edge_per_event(ev):
    G = build_event_graph(ev)
    assert G.number_of_edges() == 3 and G["RUS"]["NATO"]["e2"]["negated"] is True


def test_graph_building_does_not_mutate_input(ev):
    before = ev.copy()
    build_dyad_graph(ev)
    pd.testing.assert_frame_equal(ev, before)


def test_dyad_aggregation_of_many_events_uses_group_bys():
    n = 200_000
    import numpy as np
    rng = np.random.default_rng(0)
    parties = np.array([f"P{i}" for i in range(300)])
    ev = events_frame(pd.DataFrame({
        "event_id": np.arange(n).astype(str), "source": rng.choice(parties, n),
        "target": rng.choice(parties, n), "event_type": rng.choice(["CONSULT", "ACCUSE"], n),
        "polarity": rng.choice([1, -1], n), "intensity": rng.normal(0, 3, n)}))
    d = dyad_table(ev)
    assert d.events.sum() == n


def test_graphml_is_gephi_friendly(tmp_path, ev):
    D = build_dyad_graph(ev)
    D.nodes["RUS"]["tags"] = ["b", "a"]
    D.nodes["RUS"]["missing"] = None
    before = nx.node_link_data(D, edges="links")
    p = write_graphml(D, tmp_path / "g.graphml", positions={"RUS": (0.5, 1.0)})
    assert nx.node_link_data(D, edges="links") == before     # input untouched
    xml = p.read_text()
    assert 'id="d0"' not in xml and 'attr.name="label"' in xml
    G = nx.read_graphml(p)
    assert G.nodes["RUS"]["tags"] == "a;b" and "missing" not in G.nodes["RUS"]
    assert G.nodes["RUS"]["x"] == 0.5 and G.nodes["RUS"]["label"] == "Russia"
    assert G["USA"]["RUS"]["weight"] == 1.0 and G["USA"]["RUS"]["sign"] == -1


def test_graphml_is_deterministic(tmp_path, ev):
    D = build_dyad_graph(ev)
    a = write_graphml(D, tmp_path / "a.graphml").read_bytes()
    b = write_graphml(build_dyad_graph(ev), tmp_path / "b.graphml").read_bytes()
    assert a == b


def test_gexf_has_spells_and_reads_back(tmp_path, ev):
    D = build_dyad_graph(ev)
    p = write_gexf(D, tmp_path / "g.gexf", events=ev)
    xml = p.read_text()
    assert 'mode="dynamic"' in xml and "2013-04-23" in xml
    G = nx.read_gexf(p)
    assert set(G.edges) == set(D.edges)


def test_json_and_table(tmp_path, ev):
    import json
    D = build_dyad_graph(ev)
    data = json.loads(write_json(D, tmp_path / "g.json").read_text())
    assert {n["id"] for n in data["nodes"]} == {"RUS", "NATO", "USA"}
    p = write_table(dyad_table(ev), tmp_path / "d.csv")
    assert pd.read_csv(p).shape[0] == 2


def _reference_dyads(rows):
    """dyads.csv computed the slow, obvious way, one event at a time."""
    out = {}
    for r in rows:
        if not r["target"]:
            continue
        d = out.setdefault((r["source"], r["target"]), dict(
            events=0, cooperative=0, conflictual=0, negated=0, sum=0.0, live=0, dates=[],
            issues=set(), ids=[], name=(r["source_name"], r["target_name"])))
        d["events"] += 1
        d["ids"].append(r["event_id"])
        if r["date"]:
            d["dates"].append(r["date"])
        d["issues"].update(i for i in r["issue"].split(";") if i)     # negated ones too
        if r["negated"]:
            d["negated"] += 1
            continue
        d["live"] += 1
        d["sum"] += r["intensity"]
        d["cooperative"] += r["polarity"] > 0
        d["conflictual"] += r["polarity"] < 0
    return out


def test_dyad_table_matches_a_plain_python_count():
    import random
    rnd = random.Random(7)
    parties = ["RUS", "USA", "NATO", "CHN", "SYR-REB"]
    rows = []
    for k in range(3000):
        pol = rnd.choice([1, -1, 0])
        rows.append(dict(
            event_id=f"doc{rnd.randint(0, 9)}#{k}", doc_id="d", source=rnd.choice(parties),
            source_name="s" + str(k % 3), target=rnd.choice(parties + [""]),
            target_name="t" + str(k % 5), event_type=rnd.choice(["CONSULT", "ACCUSE", "AID"]),
            polarity=pol, intensity=float(rnd.randint(-8, 8)), negated=rnd.random() < 0.1,
            date=rnd.choice(["", "2013-04-23", "2001-01-01", "2020-12-31"]),
            issue=rnd.choice(["", "syria", "syria;trade", "trade"])))
    table = dyad_table(events_frame(rows)).set_index(["source", "target"])
    ref = _reference_dyads(rows)
    assert set(table.index) == set(ref)
    for key, d in ref.items():
        row = table.loc[key]
        assert (row.events, row.cooperative, row.conflictual, row.negated) == (
            d["events"], d["cooperative"], d["conflictual"], d["negated"])
        assert row.weight == d["live"]
        assert row.sum_intensity == pytest.approx(d["sum"])
        assert row.mean_intensity == pytest.approx(round(d["sum"] / d["live"], 3) if d["live"] else 0)
        assert (row.first_date, row.last_date) == (min(d["dates"], default=""),
                                                   max(d["dates"], default=""))
        assert row.issues == ";".join(sorted(d["issues"]))
        assert row.event_ids == ";".join(d["ids"][:20])      # the first 20, in table order
        assert (row.source_name, row.target_name) == d["name"]


def test_dyads_merged_from_chunks_equal_dyads_of_all_events():
    import random
    from graphkit.graph import DyadAccumulator
    rnd = random.Random(3)
    parties = ["RUS", "USA", "NATO", "CHN"]
    rows = [dict(event_id=f"e{k:04d}", source=rnd.choice(parties), target=rnd.choice(parties + [""]),
                 source_name=f"s{k}", target_name=f"t{k}",
                 event_type=rnd.choice(["CONSULT", "ACCUSE", "AID"]), polarity=rnd.choice([1, -1, 0]),
                 intensity=rnd.choice([1.0, -2.5, 0.1, 4.4]), negated=rnd.random() < 0.2,
                 date=rnd.choice(["", "2013-04-23", "2001-01-01"]),
                 issue=rnd.choice(["", "syria", "trade;syria"])) for k in range(2000)]
    ev = events_frame(rows)
    whole = dyad_table(ev)
    for sizes in ([1] * 40 + [1960], [7] * 300, [2000], [0, 999, 0, 1001]):
        acc, start = DyadAccumulator(), 0
        for size in sizes:
            acc.add(ev.iloc[start:start + size])
            start += size
        pd.testing.assert_frame_equal(acc.table(), whole)
