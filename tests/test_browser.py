"""The explorer page in headless Chromium (Playwright): offline, search, panels, filters, XSS.

Skips when Playwright or Debian's /usr/bin/chromium is missing. Never downloads a browser.
"""

import time
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from playwright.sync_api import sync_playwright  # noqa: E402

from graphkit.graph import build_dyad_graph, events_frame  # noqa: E402
from graphkit.render import write_html  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND"]
DOCS_DIR = Path(__file__).resolve().parents[1] / "docs"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium not found (apt-get install chromium); browser tests skipped")

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SVG = '"><svg onload=window.__xss=1>'

# (id, doc, date, source, source_agent, target, target_agent, category, mode, issue, evidence, trigger)
EVENTS = [
    ("e01", "d1", "2013-04-23", "LAVROV", "", "NATO", "", "CONSULT", "", "syria",
     "Lavrov said Russia and NATO held talks at the Russia-NATO Council in Brussels.", "held talks"),
    ("e02", "d1", "2013-04-23", "RUS", "", "NATO", "", "COOPERATE", "", "",
     "Russia should maintain military-technological cooperation with NATO countries.", "cooperation"),
    ("e03", "d2", "2013-04-24", "NATO", "Anders Fogh Rasmussen", "RUS", "", "COOPERATE", "",
     "afghanistan", "NATO and Russia agreed to expand the helicopter trust fund for Afghanistan.",
     "agreed to expand"),
    ("e04", "d2", "2013-04-24", "RUS", "", "NATO", "", "ACCUSE", "", "missile-defence",
     "Russia accused NATO of ignoring its concerns over missile defence in Europe.", "accused"),
    ("e05", "d1", "2013-04-23", "LAVROV", "", "USA", "John Kerry", "CONSULT", "", "syria",
     "Lavrov is holding talks with US Secretary of State John Kerry in Brussels.", "holding talks"),
    ("e06", "d3", "2013-04-25", "USA", "John Kerry", "RUS", "", "REQUEST", "appeal", "syria",
     "Kerry called on Russia to help bring the Syrian government to the negotiating table.",
     "called on"),
    ("e07", "d3", "2013-04-25", "NATO", "", "AFG", "", "AID", "", "afghanistan",
     "NATO will keep training and funding the Afghan security forces after 2014.", "funding"),
    ("e08", "d4", "2013-04-26", "AFG", "", "NATO", "", "REQUEST", "appeal", "afghanistan",
     "Afghanistan asked NATO to keep advisers in the country.", "asked"),
    ("e09", "d4", "2013-04-26", "LAVROV", "", "NATO", "", "ACCUSE", "", "missile-defence",
     "Lavrov accused the Alliance of stalling on legally binding missile defence guarantees.",
     "accused"),
    ("e10", "d5", "2013-04-27", "RUS", "", "SYR", "", "SUPPORT", "", "syria",
     "Moscow reaffirmed its support for the Geneva Communique and for talks with Damascus.",
     "support"),
    ("e11", "d5", "2013-04-27", "USA", "", "SYR", "", "ACCUSE", "", "syria",
     "Washington accused Damascus of using heavy weapons against civilians.", "accused"),
    ("e12", "d5", "2013-04-27", "USA", "", "SYR", "", "SANCTION", "", "syria",
     "The United States imposed new sanctions on the Syrian government.", "imposed new sanctions"),
    ("e13", "d6", "2013-04-28", "TALIBAN", "", "AFG", "", "ASSAULT", "", "afghanistan",
     "Taliban fighters attacked a police post in Helmand province.", "attacked"),
    ("e14", "d6", "2013-04-28", "AFG", "", "TALIBAN", "", "ACCUSE", "", "afghanistan",
     "Kabul accused the Taliban of targeting civilians.", "accused"),
    ("e15", "d6", "2013-04-28", "USA", "", "AFG", "", "AID", "", "afghanistan",
     "Washington pledged further aid to the Afghan government.", "pledged further aid"),
    ("e16", "d7", "2013-04-29", "UN", "", "SYR", "", "REQUEST", "demand", "syria",
     "The UN demanded that Damascus allow humanitarian access.", "demanded"),
    ("e17", "d7", "2013-04-29", "RUS", "", "UN", "", "CONSULT", "", "syria",
     "Russian diplomats met UN envoy Lakhdar Brahimi in New York.", "met"),
    ("e18", "d7", "2013-04-29", "USA", "", "UN", "", "CONSULT", "", "syria",
     "US officials consulted the UN envoy on the conference.", "consulted"),
    ("e19", "d8", "2013-04-30", "NATO", "", "USA", "", "AGREE", "", "missile-defence",
     "NATO and the United States agreed on the next phase of missile defence.", "agreed"),
    ("e20", "d8", "2013-04-30", "RUS", "", "USA", "", "REJECT", "", "missile-defence",
     "Russia rejected the US plan for missile defence in Europe.", "rejected"),
    ("e21", "d8", "2013-04-30", "RUS", "", "USA", "", "CONSULT", "", "missile-defence",
     "Russian and US experts held consultations on missile defence.", "held consultations"),
]
XSS_EVENTS = [
    ("x01", "dx1", "2013-04-26", "XSSG", "", "AFG", "", "ACCUSE", "", "",
     "The group accused Kabul of " + XSS_SCRIPT + " treachery " + XSS_IMG, "accused"),
    ("x02", "dx2", "2013-04-26", "NATO", "", "XSSG", XSS_SVG, "THREATEN", "", "",
     XSS_SVG + " NATO warned the group.", "warned"),
]
ACTORS = [
    ("RUS", "Russia", "state", "RUS"), ("NATO", "NATO", "igo", ""),
    ("USA", "United States", "state", "USA"), ("AFG", "Afghanistan", "state", "AFG"),
    ("SYR", "Syria", "state", "SYR"), ("UN", "United Nations", "igo", ""),
    ("TALIBAN", "Taliban", "group", "AFG"), ("LAVROV", "Sergei Lavrov", "person", "RUS"),
    ("XSSG", XSS_SVG, "group", "AFG"),
]
DOCUMENTS = [
    ("d1", "Lavrov, Kerry to talk Syria at Russia-NATO Council", "2013-04-23", "https://example.org/d1"),
    ("d2", "NATO and Russia on Afghanistan", "2013-04-24", "http://example.org/d2"),
    ("d3", "Kerry urges Moscow", "2013-04-25", ""),
    ("d4", "Afghan requests", "2013-04-26", "ftp://example.org/d4"),
    ("d5", "Syria diplomacy", "2013-04-27", "https://example.org/d5"),
    ("d6", "Helmand attack", "2013-04-28", "https://example.org/d6"),
    ("d7", "UN envoy talks", "2013-04-29", "https://example.org/d7"),
    ("d8", "Missile defence talks", "2013-04-30", "https://example.org/d8"),
    ("dx1", XSS_SCRIPT + " title", "2013-04-26", "javascript:window.__xss=1"),
    ("dx2", XSS_IMG, "2013-04-26", " javascript:window.__xss=1"),
]


def build(xss=True):
    rows = EVENTS + (XSS_EVENTS if xss else [])
    names = {a[0]: a[1] for a in ACTORS}
    raw = pd.DataFrame([
        dict(event_id=r[0], doc_id=r[1], date=r[2], source=r[3], source_name=names[r[3]],
             source_agent=r[4], target=r[5], target_name=names[r[5]], target_agent=r[6],
             event_type=r[7], mode=r[8], issue=r[9], evidence=r[10], trigger=r[11],
             polarity=-1 if r[7] in ("ACCUSE", "REJECT", "THREATEN", "SANCTION", "ASSAULT")
             or r[8] == "demand" else 1,
             intensity={"CONSULT": 1, "COOPERATE": 6, "ACCUSE": -3, "REQUEST": 2, "AID": 7,
                        "SUPPORT": 3.5, "SANCTION": -7, "ASSAULT": -10, "AGREE": 4,
                        "REJECT": -4, "THREATEN": -6}[r[7]] * (-1 if r[8] == "demand" else 1))
        for r in rows])
    events = events_frame(raw)
    events["trigger"] = raw["trigger"]
    actors = pd.DataFrame([a for a in ACTORS if xss or a[0] != "XSSG"],
                          columns=["id", "name", "kind", "country"])
    D = build_dyad_graph(events, actors)
    D.nodes["LAVROV"]["aliases"] = "Lavrov;Sergey Lavrov;Sergej Lawrow"
    D.nodes["NATO"]["aliases"] = "North Atlantic Treaty Organization;the Alliance"
    docs = pd.DataFrame([d for d in DOCUMENTS if xss or not d[0].startswith("dx")],
                        columns=["doc_id", "title", "date", "url"])
    return D, events, docs


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    D, events, docs = build(xss=True)
    paths = {
        "xss": write_html(out / "xss.html", D, events, documents=docs, title="Seed " + XSS_SCRIPT),
        "top5": write_html(out / "top5.html", D, events, documents=docs, max_nodes=5),
        "python": write_html(out / "python.html", D, events, documents=docs, layout="python"),
        "physics": write_html(out / "physics.html", D, events, documents=docs, layout="physics"),
    }
    D, events, docs = build(xss=False)
    paths["clean"] = write_html(out / "clean.html", D, events, documents=docs,
                                title="Russia-NATO Council, April 2013")
    # a large run's page: sentences for 4 events, the others counted in merged rows
    from graphkit.pipeline import _page_events
    sampled = _page_events(events.drop(columns="trigger"), events["trigger"], 4, None)
    paths["sampled"] = write_html(out / "sampled.html", D, sampled, documents=docs,
                                  evidence_sampled=True)
    return paths


class Opened:
    def __init__(self, browser, path, ready=True, **context):
        self.context = browser.new_context(viewport={"width": 1440, "height": 900}, **context)
        self.page = self.context.new_page()
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        if ready:
            self.wait("!!(window.graphkit && window.graphkit.ready)")

    def wait(self, expression, timeout=20.0):
        # Polled from Python: the page's CSP forbids the eval behind page.wait_for_function.
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(expression):
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            self.page.wait_for_timeout(20)

    def js(self, expression):
        return self.page.evaluate(expression)

    def close(self):
        self.context.close()


@pytest.fixture
def opened(browser):
    made = []

    def open_(path, **context):
        o = Opened(browser, path, **context)
        made.append(o)
        return o

    yield open_
    for o in made:
        o.close()


def test_loads_offline_without_errors(opened, pages):
    for name in ("xss", "python", "physics", "clean"):
        o = opened(pages[name])
        schemes = {url.split(":", 1)[0] for url in o.requests}
        assert schemes <= {"file", "data", "blob"}, o.requests
        assert o.errors == []
        assert o.js("window.graphkit.edges.length") > 0
    assert o.page.inner_text("#gk-title") == "Russia-NATO Council, April 2013"
    assert "2013-04-23 – 2013-04-30" in o.page.inner_text("#gk-subtitle")
    stats = o.page.inner_text("#gk-stats")
    assert "DOCUMENTS" in stats.upper() and "21" in stats


def test_search_lavrov_focuses_russia(opened, pages):
    o = opened(pages["xss"])
    o.page.fill("#gk-search", "Lavrov")
    o.wait("!document.getElementById('gk-suggest').hidden")
    first = o.page.inner_text("#gk-suggest li:first-child")
    assert "Lavrov" in first and "Russia" in first
    o.page.press("#gk-search", "Enter")
    assert o.js("window.graphkit.selected()") == "RUS"
    assert o.js("window.graphkit.network.getSelectedNodes().map(u => "
                "window.graphkit.data.nodes.id[u])") == ["RUS"]
    assert o.page.inner_text("#gk-panel h2") == "Russia"
    assert "Sergei Lavrov" in o.page.inner_text("#gk-panel")
    assert o.js("window.graphkit.search('sergej lawrow')") == "RUS"
    assert o.js("window.graphkit.search('the alliance')") == "NATO"
    assert o.errors == []


#: The drawn edges with party ids in ``from``/``to`` (vis ids are integer node indexes).
EDGES = ("window.graphkit.edges.get().map(e => Object.assign({}, e, "
         "{from: window.graphkit.data.nodes.id[e.from], to: window.graphkit.data.nodes.id[e.to]}))")


def node_of(party):
    """JS for the drawn vis node of a party id (null when it is not drawn)."""
    return f"window.graphkit.nodes.get(window.graphkit.visId({party!r}))"


def edge_point(o, a, b):
    """Page coordinates of the middle of the drawn edge a-b."""
    return o.js("""(([a, b]) => {
        const g = window.graphkit, u = g.visId(a), v = g.visId(b);
        const p = g.network.getPositions([u, v]);
        const dom = g.network.canvasToDOM({x: (p[u].x + p[v].x) / 2, y: (p[u].y + p[v].y) / 2});
        const box = document.getElementById('gk-network').getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    })(%r)""" % [a, b])


def test_click_edge_shows_evidence(opened, pages):
    o = opened(pages["xss"])
    point = edge_point(o, "RUS", "NATO")
    o.page.mouse.move(point["x"], point["y"])
    o.wait("!document.getElementById('gk-tooltip').hidden")
    tip = o.page.inner_text("#gk-tooltip")
    assert "NATO — Russia" in tip and "5 events" in tip and tip.count("2013-04-2") >= 3
    o.page.mouse.click(point["x"], point["y"])
    assert o.js("window.graphkit.selected()") == ["NATO", "RUS"]
    panel = o.page.inner_text("#gk-panel")
    assert "NATO — Russia" in panel and "EVIDENCE (5 EVENTS, 5 SENTENCES)" in panel.upper()
    assert "military-technological cooperation" in panel
    marks = o.js("Array.from(document.querySelectorAll('#gk-panel mark')).map(m => m.textContent)")
    assert {"cooperation", "accused", "held talks"} <= set(marks)
    links = o.js("Array.from(document.querySelectorAll('#gk-panel a')).map(a => a.href)")
    assert links and all(h.startswith(("https://example.org/", "http://example.org/")) for h in links)
    assert o.js("document.querySelectorAll('#gk-panel .gk-timeline rect').length") >= 2
    # the same through the page's own API, from the other direction
    o.js("window.graphkit.clearSelection()")
    assert o.js("window.graphkit.selectEdge('RUS', 'NATO')") is not None
    assert o.js("window.graphkit.selected()") == ["NATO", "RUS"]
    assert o.errors == []


def test_conflict_only_filter_hides_cooperative_edges(opened, pages):
    o = opened(pages["xss"])
    before = o.js(EDGES + ".map(e => [e.from, e.to, e.sign])")
    assert ["RUS", "USA", 1] in before or ["RUS", "USA", 0] in before
    assert any(sign > 0 for _, _, sign in before)
    o.page.select_option("#gk-polarity", "conflictual")
    after = o.js(EDGES + ".map(e => [e.from, e.to, e.sign, e.cooperative])")
    assert after and all(sign < 0 and coop == 0 for _, _, sign, coop in after)
    pairs = {(a, b) for a, b, _, _ in after}
    assert ("NATO", "RUS") in pairs and ("NATO", "AFG") not in pairs and ("AFG", "NATO") not in pairs
    o.page.click("#gk-reset")
    assert len(o.js("window.graphkit.edges.get()")) == len(before)
    # category and date filters go through the same DataSet
    o.js("window.graphkit.setFilter({categories: ['SANCTION']})")
    assert o.js(EDGES + ".map(e => [e.from, e.to].sort())") == [["SYR", "USA"]]
    o.js("window.graphkit.resetFilters(); window.graphkit.setFilter({dateFrom: '2013-04-30'})")
    assert o.js("window.graphkit.edges.length") == 2
    assert o.errors == []


def test_xss_payloads_never_execute(opened, pages):
    for context in ({}, {"bypass_csp": True}):   # safe by DOM construction, not only by CSP
        o = opened(pages["xss"], **context)
        o.js("window.graphkit.setFilter({collapse: false})")
        ids = o.js("window.graphkit.nodes.getIds().map(u => window.graphkit.data.nodes.id[u])")
        for node in ids:
            o.js(f"window.graphkit.selectNode({node!r})")
        for edge in o.js(EDGES + ".map(e => [e.from, e.to])"):
            o.js(f"window.graphkit.selectEdge({edge[0]!r}, {edge[1]!r})")
        o.js("window.graphkit.selectEdge('XSSG', 'AFG')")
        o.page.wait_for_timeout(600)   # let the focus animation end
        point = edge_point(o, "XSSG", "NATO")
        o.page.mouse.move(point["x"], point["y"])
        o.wait("!document.getElementById('gk-tooltip').hidden")
        assert XSS_SVG in o.page.inner_text("#gk-tooltip")
        o.page.fill("#gk-search", "svg")
        o.wait("!document.getElementById('gk-suggest').hidden")
        assert XSS_SVG in o.page.inner_text("#gk-suggest")
        o.page.wait_for_timeout(100)
        assert o.js("typeof window.__xss") == "undefined"
        assert o.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert o.js("document.querySelectorAll('script').length") == 3
        panel = o.page.inner_text("#gk-panel")
        assert XSS_SCRIPT in panel and "onerror" in panel
        assert o.js("Array.from(document.querySelectorAll('a')).every(a => !/^javascript:/i.test(a.href))")
        assert o.page.title() == "Seed " + XSS_SCRIPT
        assert o.errors == []


def test_collapse_officials_expandable(opened, pages):
    o = opened(pages["xss"])
    assert o.js(node_of("LAVROV")) is None
    o.page.uncheck("#gk-collapse")
    assert o.js(node_of("LAVROV") + " !== null")
    edges = o.js(EDGES + ".map(e => [e.from, e.to].sort().join('|'))")
    assert "LAVROV|NATO" in edges and "LAVROV|USA" in edges
    o.page.check("#gk-collapse")
    assert o.js(node_of("LAVROV")) is None
    nato_rus = o.js(EDGES + ".find(e => e.from === 'NATO' && e.to === 'RUS')")
    assert nato_rus["events"] == 5
    assert o.errors == []


def test_top_n_shows_count_and_search_brings_others_in(opened, pages):
    o = opened(pages["top5"])
    status = o.page.inner_text("#gk-status")
    assert "Showing 5 of 8 parties" in status and "search or filter" in status
    assert o.js("window.graphkit.nodes.length") == 5
    hidden = o.js("window.graphkit.data.nodes.id.filter((id, u) => !window.graphkit.nodes.get(u)"
                  " && id !== 'LAVROV')")
    assert hidden
    assert o.js(f"window.graphkit.search({hidden[0]!r})") == hidden[0]
    assert o.js(f"{node_of(hidden[0])} !== null")
    assert o.js("window.graphkit.nodes.length") == 6
    assert o.errors == []


def test_downloads_png_and_csv(opened, pages):
    o = opened(pages["clean"])
    with o.page.expect_download() as info:
        o.page.click("#gk-csv")
    csv_text = Path(info.value.path()).read_text(encoding="utf-8")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("source,target,source_name,target_name,events")
    assert len(lines) - 1 == o.js("window.graphkit.view.visible.reduce("
                                  "(n, p) => n + (p.ab ? 1 : 0) + (p.ba ? 1 : 0), 0)")
    assert any(line.startswith("RUS,NATO,Russia,NATO,4,") for line in lines)
    with o.page.expect_download() as info:
        o.page.click("#gk-png")
    assert info.value.suggested_filename.endswith(".png")
    assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert o.errors == []


def test_screenshot_for_docs(opened, pages):
    o = opened(pages["clean"])
    o.js("window.graphkit.selectEdge('RUS', 'NATO')")
    o.page.wait_for_timeout(700)
    DOCS_DIR.mkdir(exist_ok=True)
    o.page.screenshot(path=str(DOCS_DIR / "explorer.png"))
    o.js("window.graphkit.clearSelection()")
    o.js("window.graphkit.search('Lavrov')")
    o.page.wait_for_timeout(700)
    o.page.screenshot(path=str(DOCS_DIR / "explorer-party.png"))
    assert (DOCS_DIR / "explorer.png").stat().st_size > 20_000
    assert o.errors == []


def test_notebook_iframe_runs_sandboxed(opened, pages, tmp_path):
    from graphkit.render import notebook_iframe

    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body><h1>Notebook</h1>"
                    + notebook_iframe(pages["xss"].read_text(encoding="utf-8"), height=700)
                    + "</body></html>", encoding="utf-8")
    o = opened(host, ready=False)
    frame = o.page.frames[1]
    deadline = time.monotonic() + 20
    while not frame.evaluate("!!(window.graphkit && window.graphkit.ready)"):
        assert time.monotonic() < deadline
        o.page.wait_for_timeout(20)
    assert frame.evaluate("window.graphkit.search('Lavrov')") == "RUS"
    assert frame.evaluate("typeof window.__xss") == "undefined"
    assert o.js("typeof window.__xss") == "undefined"
    assert o.errors == []


def test_a_page_with_sampled_evidence_still_counts_every_event(opened, pages):
    o = opened(pages["sampled"])
    assert o.js("window.graphkit.selectEdge('RUS', 'NATO')") is not None
    panel = o.page.inner_text("#gk-panel")
    assert "EVIDENCE (5 EVENTS" in panel.upper()      # as on the full page
    assert "not embedded in this page (4 of 21 events are)" in panel
    # filters count merged rows with their weight: the same edges as the full page
    o.js("window.graphkit.setFilter({categories: ['CONSULT']})")
    consult = o.js(EDGES + ".map(e => [e.from, e.to, e.events]).sort()")
    full = opened(pages["clean"])
    full.js("window.graphkit.setFilter({categories: ['CONSULT']})")
    assert consult and all(isinstance(n, int) and n >= 1 for _, _, n in consult)
    assert consult == full.js(EDGES + ".map(e => [e.from, e.to, e.events]).sort()")
    assert o.errors == [] and full.errors == []


def test_party_ids_named_like_object_prototype_members(browser, tmp_path):
    """Issue 19, item 7: vis-network keeps items in plain objects, so party ids such as
    'constructor' or '__proto__' (from --actors or an edited events.csv) broke the page."""
    ids = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "RUS"]
    rows = [dict(event_id=f"p{i}", doc_id="d1", date="2013-04-23", source=a, source_name=a,
                 target=ids[(i + 1) % len(ids)], target_name=ids[(i + 1) % len(ids)],
                 event_type="CONSULT", polarity=1, intensity=1.0, evidence=f"{a} met.")
            for i, a in enumerate(ids)]
    events = events_frame(rows)
    events["trigger"] = "met"
    path = write_html(tmp_path / "proto.html", build_dyad_graph(events), events, title="proto")
    o = Opened(browser, path)
    try:
        assert o.js("window.graphkit.nodes.length") == 6
        assert o.js("window.graphkit.edges.length") == 6
        for party in ids:
            assert o.js(f"window.graphkit.selectNode({party!r})") == party
            assert o.js("window.graphkit.selected()") == party
            assert o.page.inner_text("#gk-panel h2") == party
        assert o.js("window.graphkit.selectEdge('constructor', '__proto__')") is not None
        assert o.errors == []
    finally:
        o.context.close()
