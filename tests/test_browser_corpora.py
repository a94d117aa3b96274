"""The explorer page on the real corpora (White House readouts, UN General Debate), with a
real mouse in headless Chromium: layout, search, filters, counts, panels, corrections.

Skips when Playwright, /usr/bin/chromium or ../shared/data is missing. The two corpora are
run once per module (about 10 s and 40 s).
"""

import re

import pandas as pd
import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from playwright.sync_api import sync_playwright  # noqa: E402

import pagecheck as pc  # noqa: E402
from conftest import SEED_DIR, SHARED_DATA  # noqa: E402
from graphkit.pipeline import run  # noqa: E402

CORPORA = {"readouts": "whitehouse_readouts_2021_2023", "un": "un_general_debate_2010_2024"}

pytestmark = [
    pytest.mark.skipif(not pc.CHROMIUM.exists(), reason="/usr/bin/chromium not found "
                       "(apt-get install chromium); browser tests skipped"),
    pytest.mark.skipif(not (SHARED_DATA / "corpora").is_dir(),
                       reason=f"reference data not found at {SHARED_DATA} (../shared/data is "
                       "absent); corpus page tests skipped"),
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = {}
    for name, folder in CORPORA.items():
        target = tmp_path_factory.mktemp(name)
        result = run([SHARED_DATA / "corpora" / folder], target, workers=2, title=name)
        out[name] = (target, result)
    return out


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(pc.CHROMIUM), args=pc.ARGS)
        yield b
        b.close()


@pytest.fixture
def page_of(browser, outputs):
    opened = []

    def open_(name):
        page, errors, _wall = pc.open_page(browser, outputs[name][0] / "graph.html")
        opened.append((page, errors))
        return page, errors

    yield open_
    for page, errors in opened:
        page.close()
        assert errors == []


@pytest.mark.parametrize("name", ["readouts", "un"])
def test_largest_parties_separated_and_clickable_and_fast(page_of, name):
    page, _ = page_of(name)
    assert page.evaluate("window.graphkit.readyMs") < 2000
    m = pc.layout_measures(page)
    assert m["checked"] == 20
    assert m["separated"] >= 18, m["crowded"]          # >= 90% with no centre within 18 px
    assert m["selected"] >= 18, m["wrong_clicks"]      # >= 90% selected by a click there
    if name == "readouts":
        assert page.evaluate("window.graphkit.layout.mode") == "rings"
        assert page.evaluate("window.graphkit.layout.hub") == "USA"


def test_search_finds_registry_spellings_without_case_or_diacritics(page_of):
    page, _ = page_of("readouts")
    page.fill("#gk-search", "Zelenskyy")
    pc.wait(page, "!document.getElementById('gk-suggest').hidden")
    first = page.inner_text("#gk-suggest li:first-child")
    assert "Zelenskyy" in first and "Ukraine" in first
    page.press("#gk-search", "Enter")
    assert page.evaluate("window.graphkit.selected()") == "UKR"
    assert page.inner_text("#gk-panel h2") == "Ukraine"
    for query, party in [("zelenskiy", "UKR"), ("ZELENSKY", "UKR"), ("Zelenskky", "UKR"),
                         ("Erdoĝan", "TUR"), ("LAVRÓV", "RUS"), ("Kishida", "JPN")]:
        assert page.evaluate(f"window.graphkit.matches({query!r})")[0] == party, query


def _extent(page):
    nodes = pc.drawn_nodes(page)
    xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
    box = page.evaluate("(() => { const b = document.getElementById('gk-network')"
                        ".getBoundingClientRect(); return [b.width, b.height]; })()")
    return nodes, (max(xs) - min(xs)) / box[0], (max(ys) - min(ys)) / box[1]


def test_filters_lay_the_graph_out_again_and_fit_it(page_of):
    page, _ = page_of("readouts")
    before = {n["id"]: (n["x"], n["y"]) for n in pc.drawn_nodes(page)}
    page.select_option("#gk-polarity", "conflictual")
    nodes, wide, high = _extent(page)
    assert 10 < len(nodes) < len(before)
    assert all(n["inside"] for n in nodes)
    assert wide > 0.5 and high > 0.5                  # fitted: the drawing fills the stage
    moved = sum(1 for n in nodes if (n["x"], n["y"]) != before.get(n["id"]))
    assert moved >= 0.9 * len(nodes)                  # laid out again, not left in place
    sep = pc.separation(nodes)
    assert sep["separated"] >= 0.9 * sep["checked"], sep["crowded"]
    # the date slider, moved with the keyboard, lays out again too
    page.select_option("#gk-polarity", "all")
    shown = page.evaluate("window.graphkit.nodes.length")
    page.focus("#gk-date-hi")
    for _ in range(3):
        page.keyboard.press("PageDown")
    pc.wait(page, f"window.graphkit.nodes.length < {shown}")
    nodes, wide, high = _extent(page)
    assert all(n["inside"] for n in nodes) and max(wide, high) > 0.5
    status = page.inner_text("#gk-status")
    assert "filtered" in status


def _report_top(report_md):
    section = report_md.split("## Top parties", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        m = re.match(r"\| \d+ \| .*\((?P<id>[^()]+)\) \| (?P<ev>\d+) \| (?P<co>\d+) \| (?P<cf>\d+) \|",
                     line)
        if m:
            rows[m["id"]] = (int(m["ev"]), int(m["co"]), int(m["cf"]))
    return rows


def _report_measure(report_md, label):
    return int(re.search(rf"^\| {label} \| (\d+) \|", report_md, re.M).group(1))


@pytest.mark.parametrize("name", ["readouts", "un"])
def test_counts_agree_with_report_actors_and_summary(page_of, outputs, name):
    out, result = outputs[name]
    report_md = (out / "report.md").read_text(encoding="utf-8")
    actors = pd.read_csv(out / "actors.csv", keep_default_na=False).set_index("id")
    top = _report_top(report_md)
    assert len(top) == 10
    page, _ = page_of(name)
    stats = dict(zip(page.evaluate("Array.from(document.querySelectorAll('#gk-stats dt'))"
                                   ".map(d => d.textContent)"),
                     page.evaluate("Array.from(document.querySelectorAll('#gk-stats dd'))"
                                   ".map(d => +d.textContent.replace(/,/g, ''))")))
    assert stats["Parties"] == _report_measure(report_md, "Parties") == result.parties
    assert stats["Dyads"] == _report_measure(report_md, "Directed dyads") == len(result.dyads)
    assert stats["Events"] == _report_measure(report_md, "Events") == len(result.analysed_events)
    assert stats.get("Agreements", 0) == _report_measure(report_md, "Agreements with stances")
    assert stats.get("Agreements", 0) == result.agreements
    # every event, no filter: the page's count of each party is the report's and actors.csv's
    page.evaluate("window.graphkit.setFilter({modalities: 'all'})")
    for pid, (events, coop, conf) in top.items():
        assert page.evaluate(f"window.graphkit.view.act[window.graphkit.data.nodes.id"
                             f".indexOf({pid!r})]") == events, pid
        assert actors.loc[pid, ["events", "cooperation", "conflict"]].tolist() == [events, coop, conf]
    # the default view (asserted events) names the difference for a party
    page.evaluate("window.graphkit.resetFilters()")
    pid = next(iter(top))
    page.evaluate(f"window.graphkit.selectNode({pid!r})")
    note = page.inner_text("#gk-panel .gk-count-note")
    assert f"report.md and actors.csv: {top[pid][0]:,} events" in note and "asserted only" in note


def test_party_panel_reads_well(page_of):
    page, _ = page_of("readouts")
    page.evaluate("window.graphkit.selectNode('USA')")
    page.eval_on_selector("#gk-panel", "p => p.scrollTop = 2000")
    assert page.evaluate("document.getElementById('gk-panel').scrollTop") > 0
    pc.click_party(page, "RUS")
    assert page.evaluate("window.graphkit.selected()") == "RUS"
    assert page.evaluate("document.getElementById('gk-panel').scrollTop") == 0   # back at the top
    # partners where cooperation outweighs conflict, rivals the reverse; each bar is the
    # share of the pair's events
    rows = page.evaluate("""(() => { const g = window.graphkit, ids = g.data.nodes.id, n = ids.length,
        u = ids.indexOf('RUS');
        return Array.from(document.querySelectorAll('#gk-panel .gk-list li')).map(li => {
            const v = ids.indexOf(li.dataset.party), p = g.view.pairs.get(Math.min(u, v) * n + Math.max(u, v));
            return {rival: li.parentNode.classList.contains('gk-conf'), coop: p.coop, conf: p.conf,
                    events: p.events, bar: li.querySelector('.gk-bar-mini').getBoundingClientRect().width};
        }); })()""")
    assert rows and any(r["rival"] for r in rows) and any(not r["rival"] for r in rows)
    for r in rows:
        key, other = ("conf", "coop") if r["rival"] else ("coop", "conf")
        assert r[key] > r[other], r
        assert abs(r["bar"] - max(1, round(40 * r[key] / r["events"]))) <= 1, r
    # one entry per sentence (doc#sentence of the event ids), both directions on it
    entries = page.evaluate("""Array.from(document.querySelectorAll('#gk-panel .gk-event'))
        .map(e => Array.from(e.querySelectorAll('.gk-head')).map(h => h.dataset.event))""")
    sentences = [{i.rsplit(".", 1)[0] for i in ids} for ids in entries]
    assert all(len(s) == 1 for s in sentences)
    assert len({s.pop() for s in sentences}) == len(entries)
    assert any(len(ids) >= 2 for ids in entries)


def test_un_party_lists_embedded_evidence_first_and_dates_as_they_are(page_of, outputs):
    page, _ = page_of("un")
    assert page.evaluate("window.graphkit.data.meta.counts.evidence_sampled")
    page.evaluate("window.graphkit.selectNode('USA')")
    first = page.evaluate("Array.from(document.querySelectorAll('#gk-panel .gk-event')).slice(0, 10)"
                          ".map(e => !!e.querySelector('.gk-sentence'))")
    assert first == [True] * 10
    events = pd.read_csv(outputs["un"][0] / "events.csv", dtype=str, keep_default_na=False,
                         usecols=["date"])
    dated = events["date"][events["date"] != ""]
    subtitle = page.inner_text("#gk-subtitle")
    assert subtitle.startswith(f"{dated.min()} – {dated.max()}")
    undated = len(events) - len(dated)
    assert (f"{undated:,} of {len(events):,} events undated" in subtitle) == (undated > 0)


def test_category_and_modality_counts_follow_the_filters(page_of):
    page, _ = page_of("readouts")
    cats = page.evaluate("window.graphkit.data.meta.categories")

    def count(attr, value):
        return page.evaluate(f"document.querySelector(\"input[{attr}='{value}']\").closest('label')"
                             ".querySelector('.gk-count').textContent")

    consult, accuse = cats.index("CONSULT"), cats.index("ACCUSE")
    assert count("data-cat", consult) not in ("0", "")
    assert page.evaluate("Array.from(window.graphkit.state.mods)") == [0]   # asserted only
    total = page.evaluate("window.graphkit.view.total")
    future = count("data-modality", "future")
    page.check("input[data-modality='future']")
    assert page.evaluate("window.graphkit.view.total") > total
    if future.isdigit():
        assert page.evaluate("window.graphkit.view.total") == total + int(future)
    page.select_option("#gk-polarity", "conflictual")
    assert count("data-cat", consult) == "0"                 # CONSULT is cooperative
    assert count("data-cat", accuse) not in ("0", "")


def test_neighbours_only_and_back(page_of):
    page, _ = page_of("readouts")
    page.evaluate("window.graphkit.selectNode('RUS')")
    partners = page.evaluate("window.graphkit.view.visible.filter(p => "
                             "[p.a, p.b].includes(window.graphkit.data.nodes.id.indexOf('RUS'))).length")
    page.click("#gk-panel .gk-focus")
    assert page.evaluate("window.graphkit.focused()") == "RUS"
    assert page.evaluate("window.graphkit.nodes.length") == partners + 1
    assert page.evaluate("window.graphkit.layout.mode") == "neighbours"
    assert "Neighbours of Russia" in " ".join(page.inner_text("#gk-focusbar").split())
    nodes = pc.drawn_nodes(page)
    cx = sum(n["x"] for n in nodes) / len(nodes)
    cy = sum(n["y"] for n in nodes) / len(nodes)
    nearest = min(nodes, key=lambda n: (n["x"] - cx) ** 2 + (n["y"] - cy) ** 2)
    assert nearest["id"] == "RUS"                             # laid out around it
    assert pc.separation(nodes)["crowded"] == [] and all(n["inside"] for n in nodes)
    page.click("#gk-focusbar button")
    assert page.evaluate("window.graphkit.focused()") is None
    assert page.evaluate("window.graphkit.nodes.length") > partners + 1
    assert page.evaluate("window.graphkit.selected()") == "RUS"


def test_corrections_round_trip(browser, tmp_path):
    first = tmp_path / "first"
    run([SEED_DIR], first, title="seed")
    page, errors, _ = pc.open_page(browser, first / "graph.html")
    try:
        page.evaluate("window.graphkit.setFilter({modalities: 'all'})")
        page.evaluate("window.graphkit.selectEdge('RUS', 'USA')")
        heads = page.locator("#gk-panel .gk-head")
        ids = [heads.nth(k).get_attribute("data-event") for k in range(heads.count())]
        wrong, edit = ids[0], ids[1]
        page.locator(f"#gk-panel .gk-head[data-event='{wrong}'] .gk-wrong").click()
        page.locator(f"#gk-panel .gk-head[data-event='{edit}'] .gk-editbtn").click()
        page.select_option("#gk-panel .gk-edit select", "REJECT")
        page.click("#gk-panel .gk-edit .gk-save")
        tags = page.evaluate("Array.from(document.querySelectorAll('#gk-panel .gk-tag.fix'))"
                             ".filter(t => !t.hidden).map(t => t.textContent)")
        assert tags == ["marked wrong", "edited: REJECT"]
        assert page.inner_text("#gk-corrections") == "Corrections (2)"
        with page.expect_download() as info:
            page.click("#gk-corrections")
        path = tmp_path / "seed-corrections.csv"
        info.value.save_as(path)
    finally:
        page.close()
    assert errors == []
    fixes = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert fixes[["event_id", "action"]].values.tolist() == sorted([[wrong, "drop"], [edit, "edit"]])
    before = pd.read_csv(first / "events.csv", dtype=str, keep_default_na=False).set_index("event_id")
    second = tmp_path / "second"
    result = run([SEED_DIR], second, title="seed", corrections=path)
    after = pd.read_csv(second / "events.csv", dtype=str, keep_default_na=False).set_index("event_id")
    assert wrong in before.index and wrong not in after.index
    assert (before.loc[edit, "event_type"], after.loc[edit, "event_type"]) == (
        before.loc[edit, "event_type"], "REJECT")
    assert after.loc[edit, ["polarity", "quad_class"]].tolist() == ["-1", "3"]
    assert len(after) == len(before) - 1
    assert result.corrections["outcome"].tolist() == ["applied", "applied"]
    report = (second / "report.md").read_text(encoding="utf-8")
    assert "Corrections from the page: 2 of 2 applied (1 event dropped, 1 edited)." in report
