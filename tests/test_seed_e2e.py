"""End to end on the seed article: what a careful reader sees must be in the events."""

import networkx as nx
import pytest
import pandas as pd

from graphkit.model import EVENT_COLUMNS


def _ev(seed_result):
    return seed_result.events


def _has(ev, source, target, category, **extra):
    sel = ev[(ev.source == source) & (ev.target == target) & (ev.event_type == category)]
    for k, v in extra.items():
        sel = sel[sel[k] == v]
    return len(sel) > 0


def test_seed_counts(seed_result):
    assert seed_result.documents == 1
    assert seed_result.sentences > 40
    assert len(seed_result.events) > 20


def test_russia_and_us_meet(seed_result):
    ev = _ev(seed_result)
    assert _has(ev, "RUS", "USA", "CONSULT") and _has(ev, "USA", "RUS", "CONSULT")


def test_russia_and_nato_meet_and_cooperate(seed_result):
    ev = _ev(seed_result)
    assert _has(ev, "RUS", "NATO", "CONSULT") and _has(ev, "NATO", "RUS", "CONSULT")
    # planned joint work is an expressed intent to cooperate (PLOVER AGREE, mode intent)
    coop = ev[((ev.event_type == "COOPERATE") | (ev["mode"] == "intent"))
              & (ev.source.isin(["RUS", "NATO"])) & (ev.target.isin(["RUS", "NATO"]))
              & ~ev.negated & (ev.polarity == 1)]
    text = " ".join(coop.evidence).lower()
    assert "explosives" in text                       # joint detection tests
    assert "exercises" in text                        # joint exercises
    assert "military-technological cooperation" in text


def test_russia_demands_guarantees_on_us_missile_defence(seed_result):
    ev = _ev(seed_result)
    sel = ev[(ev.source == "RUS") & (ev.target == "USA") & (ev.event_type == "REQUEST")
             & (ev["mode"] == "demand")]
    assert len(sel) and sel.issue.str.contains("missile-defence").all()
    assert (sel.quad_class == 3).all() and (sel.polarity == -1).all()


def test_no_solid_progress_on_missile_shield_is_negated(seed_result):
    ev = _ev(seed_result)
    sel = ev[(ev.source.isin(["RUS", "NATO"])) & (ev.target.isin(["RUS", "NATO"]))
             & ev.evidence.str.contains("did not achieve solid progress")
             & (ev["mode"] == "progress")]
    assert len(sel) >= 2 and sel.negated.all() and (sel.polarity == 0).all()
    assert sel.issue.str.contains("missile-defence").all()


def test_only_asserted_events_are_cooperation_in_dyads(seed_result):
    # negated, future and other unasserted events are counted per modality, not as the
    # relation
    ev = _ev(seed_result)
    pair = ev[(ev.source == "RUS") & (ev.target == "NATO")]
    dy = seed_result.dyads.set_index(["source", "target"]).loc[("RUS", "NATO")]
    asserted = (pair.modality == "asserted") & ~pair.negated
    assert dy["negated"] == int(pair.negated.sum()) > 0
    assert dy["m_future"] == int((pair.modality == "future").sum()) > 0
    assert dy["asserted"] == dy["weight"] == int(asserted.sum())
    assert dy["cooperative"] == int(((pair.polarity > 0) & asserted).sum())


def test_russia_and_nato_help_afghanistan(seed_result):
    ev = _ev(seed_result)
    assert _has(ev, "RUS", "AFG", "AID") and _has(ev, "NATO", "AFG", "AID")


def test_officials_resolve_to_their_parties(seed_result):
    agents = seed_result.agents.set_index("agent")["party"].to_dict()
    assert agents["Sergei Lavrov"] == "RUS"
    assert agents["John Kerry"] == "USA"
    assert agents["Anders Fogh Rasmussen"] == "NATO"
    assert agents["Alexander Lukashevich"] == "RUS"
    assert agents["Sergei Yermakov"] == "RUS"


def test_reporters_are_not_actors(seed_result):
    ev = _ev(seed_result)
    assert not ev.source_agent.str.contains("Denisov").any()
    assert not ev.target_agent.str.contains("Denisov").any()
    assert "Olga Denisova" not in set(seed_result.agents.agent)


def test_sidebar_junk_produces_no_events(seed_result):
    ev = _ev(seed_result)
    for junk in ("Navalny", "COVID", "Merkel", "Schnauzer", "Putin"):
        assert not ev.evidence.str.contains(junk).any(), junk


def test_document_date_from_text(seed_result):
    assert set(_ev(seed_result).date) == {"2013-04-23"}


def test_events_csv_contract(seed_result):
    path = seed_result.files["events.csv"]
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(df.columns) == list(EVENT_COLUMNS)
    assert set(df.polarity) <= {"1", "-1", "0"}
    assert set(df.negated) <= {"true", "false", "True", "False"}
    assert (df.doc_id == "000_7d77c12b89888fdd.txt").all()
    assert df.event_id.is_unique


def test_evidence_offsets_match_the_document(seed_result):
    from tests.conftest import SEED_DIR
    text = (SEED_DIR / "000_7d77c12b89888fdd.txt").read_text(encoding="utf-8")
    for row in seed_result.events.head(30).itertuples():
        assert " ".join(text[row.char_start:row.char_end].split()) == row.evidence


def test_graphml_round_trip(seed_result):
    G = nx.read_graphml(seed_result.files["graph.graphml"])
    D = seed_result.full_graph
    assert set(G.nodes) == set(D.nodes)
    assert set(G.edges) == set(D.edges)
    for n, data in G.nodes(data=True):
        assert data["label"] and {"r", "g", "b", "size"} <= set(data)
    for u, v, data in G.edges(data=True):
        assert data["weight"] >= 0 and data["sign"] in (-1, 0, 1)


def test_all_outputs_written(seed_result):
    for name in ("events.csv", "actors.csv", "dyads.csv", "graph.graphml", "graph.html",
                 "report.md"):
        assert seed_result.files[name].stat().st_size > 0, name
    actors = pd.read_csv(seed_result.files["actors.csv"])
    assert {"id", "name", "kind", "country", "mentions", "degree", "cooperation", "conflict",
            "community"} <= set(actors.columns)
    assert set(actors.id) >= {"RUS", "NATO", "USA", "AFG"}


def test_page_is_offline_and_escaped(seed_result):
    html = seed_result.files["graph.html"].read_text(encoding="utf-8")
    import re
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?://""", html)
    assert "Lavrov" in html


def test_stances_and_agreements(seed_result):
    st = seed_result.stances
    geneva = st[st.issue == "AGR:GENEVA-COMMUNIQUE"]
    assert len(geneva) and set(geneva.actor) == {"RUS"} and set(geneva.stance) == {"support"}
    heli = st[st.issue == "AGR:HELICOPTER-PACKAGE"]
    assert {"RUS", "NATO"} <= set(heli.actor)
    G = seed_result.full_graph
    assert G.nodes["AGR:GENEVA-COMMUNIQUE"]["kind"] == "agreement"
    assert G.has_edge("RUS", "AGR:GENEVA-COMMUNIQUE")
    assert "AGR:GENEVA-COMMUNIQUE" not in seed_result.graph     # analysis sees parties only


def test_parquet_copies_when_pyarrow_is_installed(seed_result):
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    ev = pd.read_parquet(seed_result.files["events.parquet"])
    assert list(ev.columns) == list(EVENT_COLUMNS) and len(ev) == len(seed_result.events)
    assert len(pd.read_parquet(seed_result.files["dyads.parquet"])) == len(seed_result.dyads)
