"""The HTML explorer page: offline, deterministic, escaped, non-mutating (no browser)."""

import base64
import copy
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from graphkit.errors import ExportError
from graphkit.graph import build_dyad_graph, events_frame
from graphkit.render import (
    CORE_MAX_NODES,
    notebook_iframe,
    render_html,
    write_html,
)

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SVG = '"><svg onload=window.__xss=1>'
XSS_URL = "javascript:window.__xss=1"

_COLS = ["event_id", "doc_id", "date", "source", "source_name", "source_agent", "target",
         "target_name", "event_type", "mode", "polarity", "intensity", "issue", "evidence", "trigger"]
_ROWS = [
    ("e01", "d1", "2013-04-23", "LAVROV", "Sergei Lavrov", "Sergei Lavrov", "NATO", "NATO",
     "CONSULT", "", 1, 1.0, "syria",
     "Lavrov said Russia and NATO held talks at the Russia-NATO Council in Brussels.", "held talks"),
    ("e02", "d1", "2013-04-23", "RUS", "Russia", "", "NATO", "NATO", "COOPERATE", "", 1, 6.0, "",
     "Russia should maintain military-technological cooperation with NATO countries.", "cooperation"),
    ("e03", "d2", "2013-04-24", "NATO", "NATO", "", "RUS", "Russia", "COOPERATE", "", 1, 6.0,
     "afghanistan", "NATO and Russia agreed to expand the helicopter trust fund for Afghanistan.",
     "agreed to expand"),
    ("e04", "d2", "2013-04-24", "RUS", "Russia", "", "NATO", "NATO", "ACCUSE", "", -1, -3.0,
     "missile-defence", "Russia accused NATO of ignoring its concerns over missile defence.", "accused"),
    ("e05", "d1", "2013-04-23", "RUS", "Russia", "Sergei Lavrov", "USA", "United States", "CONSULT",
     "", 1, 1.0, "syria", "Sergei Lavrov is holding talks with US Secretary of State John Kerry.",
     "holding talks"),
    ("e06", "d3", "2013-04-25", "USA", "United States", "John Kerry", "RUS", "Russia", "REQUEST",
     "appeal", 1, 2.0, "syria", "Kerry called on Russia to help end the war in Syria.", "called on"),
    ("e07", "d3", "2013-04-25", "NATO", "NATO", "", "AFG", "Afghanistan", "AID", "", 1, 7.0,
     "afghanistan", "NATO will keep funding the Afghan security forces. " + XSS_IMG, "funding"),
    ("e08", "d4", "2013-04-26", "XSSG", XSS_SVG, "", "AFG", "Afghanistan", "ACCUSE", "", -1, -3.0, "",
     "The group accused Kabul of " + XSS_SCRIPT + " treachery.", "accused"),
]


def seed_like():
    raw = pd.DataFrame(_ROWS, columns=_COLS)
    events = events_frame(raw)
    events["trigger"] = raw["trigger"]
    actors = pd.DataFrame([
        ("RUS", "Russia", "state", "RUS"), ("NATO", "NATO", "igo", ""),
        ("USA", "United States", "state", "USA"), ("AFG", "Afghanistan", "state", "AFG"),
        ("LAVROV", "Sergei Lavrov", "person", "RUS"), ("XSSG", XSS_SVG, "group", "AFG"),
    ], columns=["id", "name", "kind", "country"])
    D = build_dyad_graph(events, actors)
    D.nodes["LAVROV"]["aliases"] = "Lavrov;Sergey Lavrov"
    documents = pd.DataFrame([
        ("d1", "Lavrov, Kerry to talk Syria", "2013-04-23", "https://example.org/lavrov-kerry"),
        ("d2", "NATO and Russia on Afghanistan", "2013-04-24", "http://example.org/afg"),
        ("d3", XSS_IMG, "2013-04-25", XSS_URL),
        ("d4", XSS_SCRIPT, "2013-04-26", " JavaScript:window.__xss=1"),
    ], columns=["doc_id", "title", "date", "url"])
    return D, events, documents


def data_of(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="graphkit-data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def seed():
    return seed_like()


@pytest.fixture(scope="module")
def page(seed):
    D, events, documents = seed
    return render_html(D, events, title="Seed " + XSS_SCRIPT, documents=documents)


def test_no_remote_resources(page):
    assert not re.search(r"""(?:src|href|action|poster)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"<link\b|<script[^>]*\bsrc=|@import|sourceMappingURL", page, re.I)


def test_vis_network_inline_and_csp(page):
    assert "vis-network" in page and "@version 9.1.2" in page
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2 and "new vis.Network" in scripts[1]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    for code in scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_deterministic_bytes(seed):
    D, events, documents = seed
    first = render_html(D, events, documents=documents)
    assert first == render_html(D, events, documents=documents)
    shuffled = events.sample(frac=1.0, random_state=3)
    assert render_html(D, shuffled, documents=documents.iloc[::-1]) == first


def test_xss_payloads_only_escaped(page):
    for raw in ("<script>window", "<img src=x", "<svg onload", '"><svg', "onerror=\"window"):
        assert raw not in page
    assert "\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e" in page
    assert "<title>Seed &lt;script&gt;window.__xss=1&lt;/script&gt;</title>" in page
    data = data_of(page)
    assert XSS_SVG in data["nodes"]["name"]
    assert any(XSS_SCRIPT in t for t in data["events"]["text"])
    assert XSS_IMG in data["docs"]["title"] and data["meta"]["title"] == "Seed " + XSS_SCRIPT


def test_line_separators_escaped():
    ev = events_frame([dict(event_id="e1", source="A", target="B", event_type="AGREE", polarity=1,
                            evidence="one\u2028two\u2029three & <b>")])
    page = render_html(build_dyad_graph(ev), ev)
    assert "\u2028" not in page and "\u2029" not in page
    assert "one\\u2028two\\u2029three \\u0026 \\u003cb\\u003e" in page
    assert data_of(page)["events"]["text"] == ["one\u2028two\u2029three & <b>"]


def test_javascript_url_is_not_a_link(page):
    docs = data_of(page)["docs"]
    links = dict(zip(docs["id"], docs["link"]))
    assert links == {"d1": True, "d2": True, "d3": False, "d4": False}
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", page, re.I)


def test_inputs_not_mutated(seed):
    D, events, documents = seed
    nodes_before = copy.deepcopy(list(D.nodes(data=True)))
    edges_before = copy.deepcopy(list(D.edges(data=True)))
    graph_before = dict(D.graph)
    events_before, docs_before = events.copy(deep=True), documents.copy(deep=True)
    render_html(D, events, documents=documents, max_nodes=2, layout="python")
    assert list(D.nodes(data=True)) == nodes_before
    assert list(D.edges(data=True)) == edges_before
    assert D.graph == graph_before
    pd.testing.assert_frame_equal(events, events_before)
    pd.testing.assert_frame_equal(documents, docs_before)


def test_officials_collapse_into_party(page):
    data = data_of(page)
    nodes = data["nodes"]
    lavrov, rus = nodes["id"].index("LAVROV"), nodes["id"].index("RUS")
    assert nodes["party"][lavrov] == rus and nodes["party"][rus] == -1
    assert nodes["aliases"][lavrov] == ["Lavrov", "Sergey Lavrov"]
    meta = data["meta"]
    assert meta["counts"] == {"documents": 4, "events": 8, "parties": 5, "officials": 1, "dyads": 7,
                              "with_text": 8, "evidence_sampled": False, "agreements": 0,
                              "stances": 0, "undated": 0}
    assert meta["n_units"] == 5 and "LAVROV" not in meta["initial"]
    assert (meta["date_min"], meta["date_max"]) == ("2013-04-23", "2013-04-26")


def test_trigger_words_marked(page):
    ev = data_of(page)["events"]
    k = ev["id"].index("e03")
    text, marks = ev["text"][k], ev["marks"][k]
    assert [text[s:e] for s, e in zip(marks[::2], marks[1::2])] == ["agreed to expand"]


def _star_graph(n_parties=40):
    rows = []
    for i in range(1, n_parties):
        for k in range(1 + (n_parties - i) // 8):
            rows.append(dict(event_id=f"e{i:03d}-{k}", source="P000", target=f"P{i:03d}",
                             event_type="CONSULT", polarity=1, intensity=1.0, date="2020-01-01"))
    ev = events_frame(rows)
    return build_dyad_graph(ev), ev


def test_top_n_truncation_metadata():
    D, ev = _star_graph(40)
    meta = data_of(render_html(D, ev, max_nodes=10))["meta"]
    assert meta["truncated"] is True and meta["max_nodes"] == 10 and meta["n_units"] == 40
    activity = {n: a["events"] for n, a in D.nodes(data=True)}
    expected = sorted(D.nodes, key=lambda n: (-activity[n], n))[:10]
    assert meta["initial"] == expected and meta["initial"][0] == "P000"
    full = data_of(render_html(D, ev, max_nodes=300))
    assert full["meta"]["truncated"] is False and len(full["meta"]["initial"]) == 40
    assert len(full["nodes"]["id"]) == 40 and full["meta"]["counts"]["dyads"] == 39


def test_layout_choice():
    D, ev = _star_graph(40)
    data = data_of(render_html(D, ev))
    assert data["meta"]["layout"] == "python"
    assert len(data["nodes"]["x"]) == D.number_of_nodes() and None not in data["nodes"]["x"]
    physics = data_of(render_html(D, ev, layout="physics", max_nodes=5))
    assert physics["meta"]["layout"] == "physics" and None not in physics["nodes"]["x"]
    G = D.copy()
    for i, n in enumerate(sorted(G)):
        G.nodes[n]["x"], G.nodes[n]["y"] = float(i), float(i % 7)
    given = data_of(render_html(G, ev))
    assert given["meta"]["layout"] == "given" and len(set(given["nodes"]["x"])) == 40
    with pytest.raises(ValueError, match='layout="given" needs'):
        render_html(D, ev, layout="given")


def test_centrality_and_community_passed_through(seed):
    D, events, _ = seed
    G = D.copy()
    nx.set_node_attributes(G, {n: 1 / (i + 2) for i, n in enumerate(sorted(G))}, "pagerank")
    nx.set_node_attributes(G, {n: i % 2 for i, n in enumerate(sorted(G))}, "community")
    data = data_of(render_html(G, events))
    assert data["meta"]["has"] == {"community": True, "pagerank": True, "betweenness": False}
    assert data["nodes"]["community"] == [0, 1, 0, 1, 0, 1]


def test_empty_graph_renders():
    ev = events_frame()
    data = data_of(render_html(nx.DiGraph(), ev))
    assert data["meta"]["counts"]["events"] == 0 and data["nodes"]["id"] == []


@pytest.mark.parametrize("kwargs, exc, match", [
    (dict(max_nodes=0), ValueError, "max_nodes must be a positive integer"),
    (dict(max_nodes=True), ValueError, "max_nodes must be a positive integer"),
    (dict(layout="spring"), ValueError, "layout must be one of"),
])
def test_bad_options(seed, kwargs, exc, match):
    D, events, _ = seed
    with pytest.raises(exc, match=match):
        render_html(D, events, **kwargs)


def test_bad_inputs(seed):
    D, events, _ = seed
    with pytest.raises(TypeError, match="networkx.DiGraph"):
        render_html(nx.MultiDiGraph(D), events)
    with pytest.raises(TypeError, match="pandas DataFrame"):
        render_html(D, events.to_dict("records"))


def test_write_html(tmp_path, seed):
    D, events, documents = seed
    out = write_html(tmp_path / "sub" / "graph.html", D, events, documents=documents, title="T")
    assert out == tmp_path / "sub" / "graph.html"
    assert out.read_text(encoding="utf-8") == render_html(D, events, documents=documents, title="T")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["graph.html"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError):
        write_html(tmp_path / "file" / "graph.html", D, events)


def test_notebook_iframe(page):
    frame = notebook_iframe(page, height=480)
    assert frame.startswith('<iframe srcdoc="') and "height:480px" in frame
    inner = frame.split('srcdoc="', 1)[1].split('" title=', 1)[0]
    assert "<" not in inner and '"' not in inner
    assert 'sandbox="allow-scripts' in frame and "allow-same-origin" not in frame
    with pytest.raises(ValueError, match="height"):
        notebook_iframe(page, height=0)


def test_python_layout_deterministic_across_processes():
    """Same bytes whatever the hash seed (sets and dicts never leak their order)."""
    tests_dir, root = Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]
    script = (
        "import hashlib, sys; sys.path[:0] = [%r, %r]; import test_render as t; "
        "from graphkit.render import render_html; D, ev = t._star_graph(%d); "
        "print(hashlib.sha256(render_html(D, ev).encode()).hexdigest())"
    ) % (str(tests_dir), str(root), CORE_MAX_NODES + 30)
    digests = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


@pytest.mark.parametrize("text, trigger, expected", [
    ("Recalled, called; CALLED for", "called", ["called", "CALLED"]),
    ("Russia called for talks; Russia called again.", "called for|again", ["called for", "again"]),
    ("The U.S. and the u.s. agreed", "U.S.", ["U.S.", "u.s."]),
    ("İstanbul hosted aid talks", "aid", ["aid"]),
    ("x \U0001F600 aid", "aid", ["aid"]),
    ("nothing here", "zzz", []),
])
def test_marks_case_insensitive_whole_words(text, trigger, expected):
    from graphkit.render import _marks

    marks = _marks(text, trigger)
    units = text.encode("utf-16-le")      # the page indexes UTF-16 code units, like JavaScript
    found = [units[2 * s:2 * e].decode("utf-16-le") for s, e in zip(marks[::2], marks[1::2])]
    assert found == expected


def _counted():
    """Events with a self-directed, a targetless, a future and a negated event, and a
    stance on an agreement: what the page must count as report.md does."""
    from graphkit.graph import stances_frame, with_agreements

    rows = [dict(event_id="a1", source="USA", target="UKR", event_type="CONSULT", polarity=1,
                 date="2022-01-05"),
            dict(event_id="a2", source="USA", target="USA", event_type="ACCUSE", polarity=-1,
                 date="2022-01-06"),
            dict(event_id="a3", source="USA", target="", event_type="AID", polarity=1, date=""),
            dict(event_id="a4", source="UKR", target="USA", event_type="AID", polarity=1,
                 date="2022-01-07", modality="future"),
            dict(event_id="a5", source="RUS", target="UKR", event_type="CONSULT", polarity=0,
                 negated=True, date="2022-01-08")]
    ev = events_frame(rows)
    D = build_dyad_graph(ev)
    st = stances_frame([dict(actor="UKR", issue="AGR:MINSK", issue_name="Minsk Agreements",
                             stance="support", date="2022-01-09")])
    return with_agreements(D, st), ev


def test_page_counts_parties_agreements_and_events_as_the_report_does():
    from graphkit.report import party_counts

    G, ev = _counted()
    data = data_of(render_html(G, ev))
    counts = data["meta"]["counts"]
    assert counts["parties"] == 3 and counts["agreements"] == 1 and counts["stances"] == 1
    assert counts["dyads"] == 4 and counts["events"] == 5 and counts["undated"] == 1
    activity = dict(zip(data["nodes"]["id"], data["nodes"]["activity"]))
    report = party_counts(ev)["events"].to_dict()
    assert report == {"RUS": 1, "UKR": 3, "USA": 4}
    assert {k: activity[k] for k in report} == report and activity["AGR:MINSK"] == 1
    # the stance is a row of its own category, counted apart from the events
    cats = [data["meta"]["categories"][c] for c in data["events"]["cat"]]
    assert cats.count("STANCE") == 1
    assert data["meta"]["categories"][data["meta"]["stance_category"]] == "STANCE"


def test_modality_classes_asserted_first_negated_last():
    G, ev = _counted()
    data = data_of(render_html(G, ev))
    mods = data["meta"]["modalities"]
    assert mods == ["asserted", "future", "negated"]
    by_id = dict(zip(data["events"]["id"], data["events"]["mc"]))
    assert [mods[by_id[k]] for k in ("a1", "a2", "a3", "a4", "a5")] == [
        "asserted", "asserted", "asserted", "future", "negated"]


def test_search_names_join_the_aliases():
    G, ev = _counted()
    data = data_of(render_html(G, ev, search_names={"UKR": ["Zelenskyy", "Volodymyr Zelenskyy"],
                                                    "XXX": ["nobody"]}))
    aliases = dict(zip(data["nodes"]["id"], data["nodes"]["aliases"]))
    assert {"Zelenskyy", "Volodymyr Zelenskyy"} <= set(aliases["UKR"])
    assert not any("nobody" in a for a in aliases.values())
