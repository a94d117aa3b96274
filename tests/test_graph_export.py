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


# ---------------------------------------------------------------------------
# the streaming GraphML/GEXF writers against networkx's own writers

def _synthetic_graph(parties=2000, events=8000, seed=5):
    """A dyad graph of many parties with every kind of attribute value."""
    import numpy as np
    rng = np.random.default_rng(seed)
    ids = np.array([f"P{i:04d}" for i in range(parties)], dtype=object)
    src, tgt = rng.integers(0, parties, events), rng.integers(0, parties, events)
    tgt[src == tgt] = (tgt[src == tgt] + 1) % parties
    dates = (np.datetime64("2010-01-01") + rng.integers(0, 4000, events).astype("timedelta64[D]")
             ).astype(str).astype(object)
    dates[rng.random(events) < 0.1] = ""
    ev = events_frame(pd.DataFrame({
        "event_id": [f"e{k}" for k in range(events)], "doc_id": "d", "date": dates,
        "source": ids[src], "source_name": [f"Party {i} & <co>" for i in src],
        "target": ids[tgt], "target_name": [f"Party {i}" for i in tgt],
        "event_type": rng.choice(["CONSULT", "ACCUSE", "AID", "AGREE"], events),
        "intensity": rng.normal(0, 4, events).round(1), "polarity": rng.choice([1, -1], events),
        "negated": rng.random(events) < 0.05,
        "issue": rng.choice(["", "syria", "trade;syria", "cl\u00e9mat"], events)}))
    actors = pd.DataFrame({"id": ids, "name": [f"Party {i} \"quoted\"" for i in range(parties)],
                           "kind": rng.choice(["state", "igo", "group"], parties),
                           "region": rng.choice(["Europe", "Asia", ""], parties)})
    return build_dyad_graph(ev, actors), ev


def _input(name):
    from tests.conftest import ROOT, SEED_DIR
    fixtures = ROOT / "tests" / "fixtures"
    named = {"seed": SEED_DIR, "robust": fixtures / "robust"}
    return named.get(name, fixtures / "eventfiles" / name)


@pytest.fixture(scope="module", params=["seed", "robust", "events.csv", "gdelt1_mixed.csv",
                                        "gdelt1_r_export.csv", "gdelt2_sample.export.CSV",
                                        "icews_sample.tab", "synthetic 2,000 parties"])
def graph_and_events(request):
    """A full graph and its events: from a pipeline run on the seed or a fixture, or
    synthetic."""
    if request.param.startswith("synthetic"):
        return _synthetic_graph()
    from graphkit.pipeline import run
    res = run([_input(request.param)], None)
    assert res.full_graph.number_of_edges()
    return res.full_graph, res.events


def _same_read_back(a: nx.Graph, b: nx.Graph):
    assert a.graph == b.graph
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert {(u, v): d for u, v, d in a.edges(data=True)} == {
        (u, v): d for u, v, d in b.edges(data=True)}


def test_graphml_reads_back_as_networkx_writes_it(graph_and_events, tmp_path):
    from graphkit.export import gephi_graph
    D, _ev = graph_and_events
    ours = write_graphml(D, tmp_path / "ours.graphml")
    theirs = tmp_path / "nx.graphml"
    nx.write_graphml(gephi_graph(D), theirs, named_key_ids=True)
    _same_read_back(nx.read_graphml(ours), nx.read_graphml(theirs))


def test_gexf_reads_back_as_networkx_writes_it(graph_and_events, tmp_path):
    from graphkit.export import gexf_graph
    D, ev = graph_and_events
    ours = write_gexf(D, tmp_path / "ours.gexf", events=ev)
    theirs = tmp_path / "nx.gexf"
    nx.write_gexf(gexf_graph(D, events=ev), theirs)
    G = nx.read_gexf(ours)
    _same_read_back(G, nx.read_gexf(theirs))
    dated = ev[(ev["target"] != "") & (ev["date"] != "")]
    if len(dated):
        assert G.graph["mode"] == "dynamic"
        u, v, date = dated.iloc[0][["source", "target", "date"]]
        assert (date, date) in G[u][v]["spells"]


HOSTILE = "A\x00B\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800 & <b> \"q\" 'a' ]]> \t tab\r\nend"


def test_hostile_strings_make_well_formed_xml(tmp_path):
    D = nx.DiGraph()
    D.add_node("R\x01US", name=HOSTILE, kind="state", aliases=HOSTILE)
    D.add_node("NATO", name="NATO", kind="igo")
    D.add_edge("R\x01US", "NATO", issues=HOSTILE, weight=2, sign=1, first_date="2013-04-23",
               last_date="2013-04-23")
    expected = ("A\ufffdB\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd & <b> \"q\" 'a' ]]> "
                "\t tab\r\nend")
    G = nx.read_graphml(write_graphml(D, tmp_path / "g.graphml"))
    assert G.nodes["R\ufffdUS"]["label"] == expected and G.nodes["R\ufffdUS"]["aliases"] == expected
    assert G["R\ufffdUS"]["NATO"]["issues"] == expected
    H = nx.read_gexf(write_gexf(D, tmp_path / "g.gexf"))
    assert H.nodes["R\ufffdUS"]["label"] == expected
    assert H["R\ufffdUS"]["NATO"]["issues"] == expected


def test_gexf_does_not_depend_on_clock_or_time_zone(tmp_path, monkeypatch, ev):
    import os
    import time
    D = build_dyad_graph(ev)
    files = []
    for zone, day in (("Pacific/Kiritimati", "2031-01-01"), ("America/Adak", "2030-12-30")):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        monkeypatch.setattr(time, "strftime", lambda fmt, *a, _day=day: _day)
        files.append(write_gexf(D, tmp_path / f"{len(files)}.gexf", events=ev).read_bytes())
    monkeypatch.undo()
    time.tzset()
    assert files[0] == files[1]
    assert b"lastmodifieddate" not in files[0] and b"2031" not in files[0]
    assert os.environ.get("TZ") != "America/Adak"


def test_gexf_is_deterministic(tmp_path, ev):
    a = write_gexf(build_dyad_graph(ev), tmp_path / "a.gexf", events=ev).read_bytes()
    b = write_gexf(build_dyad_graph(ev), tmp_path / "b.gexf", events=ev.iloc[::-1]).read_bytes()
    assert a == b
