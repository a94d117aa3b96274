"""Measures of the explorer page in headless Chromium, shared by tests/test_browser.py
and bench/bench_page.py (not a test module).

The layout measures are the ones issue 17 names: among the ``top`` largest drawn
parties, how many have no other drawn node centre within ``radius`` screen pixels at
the initial zoom, and how many a real mouse click at their drawn position selects.
"""

from __future__ import annotations

import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND"]
VIEWPORT = {"width": 1440, "height": 900}

_DRAWN = """() => {
    const g = window.graphkit, net = g.network;
    const box = document.getElementById('gk-network').getBoundingClientRect();
    const pos = net.getPositions();
    return g.nodes.get().map(n => {
        const dom = net.canvasToDOM(pos[n.id]);
        return {id: g.data.nodes.id[n.id], size: n.size, activity: n.activity,
                x: box.left + dom.x, y: box.top + dom.y,
                inside: dom.x >= 0 && dom.y >= 0 && dom.x <= box.width && dom.y <= box.height};
    });
}"""


def wait(page, expression: str, timeout: float = 30.0) -> None:
    """Poll ``expression`` until it is truthy (the page's CSP forbids the eval behind
    ``page.wait_for_function``)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {expression}")
        page.wait_for_timeout(20)


def drawn_nodes(page) -> list:
    """Every drawn node: id, size, activity and page coordinates of its centre."""
    return page.evaluate(_DRAWN)


def largest(nodes: list, top: int = 20) -> list:
    return sorted(nodes, key=lambda n: (-n["size"], -(n["activity"] or 0), n["id"]))[:top]


def separation(nodes: list, *, top: int = 20, radius: float = 18.0) -> dict:
    """How many of the ``top`` largest drawn nodes have no other node centre within
    ``radius`` px (and lie inside the drawing area)."""
    big = largest(nodes, top)
    ok, crowded = 0, []
    for n in big:
        near = min((((m["x"] - n["x"]) ** 2 + (m["y"] - n["y"]) ** 2) ** 0.5
                    for m in nodes if m["id"] != n["id"]), default=float("inf"))
        if n["inside"] and near >= radius:
            ok += 1
        else:
            crowded.append((n["id"], round(near, 1)))
    return {"checked": len(big), "separated": ok, "crowded": crowded}


def click_selection(page, nodes: list, *, top: int = 20) -> dict:
    """Click with the mouse at each of the ``top`` largest drawn nodes; count the
    clicks that select that node."""
    big = largest(nodes, top)
    ok, wrong = 0, []
    for n in big:
        page.evaluate("window.graphkit.clearSelection()")
        page.mouse.move(n["x"] + 40, n["y"] + 40)
        page.mouse.click(n["x"], n["y"])
        got = page.evaluate("window.graphkit.selected()")
        if got == n["id"]:
            ok += 1
        else:
            wrong.append((n["id"], got))
    page.evaluate("window.graphkit.clearSelection()")
    return {"checked": len(big), "selected": ok, "wrong": wrong}


def click_party(page, party: str) -> None:
    """Click with the mouse at the drawn position of ``party``."""
    node = next(n for n in drawn_nodes(page) if n["id"] == party)
    page.mouse.click(node["x"], node["y"])


def open_page(browser, path: Path, *, timeout: float = 60.0):
    """A fresh page at VIEWPORT with ``path`` loaded and interactive; returns
    ``(page, errors, wall seconds to interactive)``."""
    page = browser.new_page(viewport=VIEWPORT)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    t0 = time.perf_counter()
    page.goto(path.as_uri(), timeout=timeout * 1000)
    wait(page, "!!(window.graphkit && window.graphkit.ready)", timeout)
    return page, errors, time.perf_counter() - t0


def layout_measures(page, *, top: int = 20, radius: float = 18.0) -> dict:
    """Separation and click measures of the page as it stands."""
    nodes = drawn_nodes(page)
    sep = separation(nodes, top=top, radius=radius)
    clicks = click_selection(page, nodes, top=top)
    return {"drawn": len(nodes), "separated": sep["separated"], "selected": clicks["selected"],
            "checked": sep["checked"], "crowded": sep["crowded"], "wrong_clicks": clicks["wrong"]}
