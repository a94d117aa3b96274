/* graphkit explorer. Every DOM node is built with createElement/textContent; no
   document text ever reaches innerHTML. The data is read from the JSON block. */
(function () {
  "use strict";

  var T0 = performance.now();
  var DATA = JSON.parse(document.getElementById("graphkit-data").textContent);
  var timings = { start: Math.round(T0), parsed: Math.round(performance.now()) };
  var META = DATA.meta, NODES = DATA.nodes, DY = DATA.dyads, EV = DATA.events, DOCS = DATA.docs;
  var nN = NODES.id.length, nY = DY.s.length, nE = EV.id.length;
  EV.date = EV.di.map(function (d) { return d >= 0 ? META.dates[d] : ""; });
  var CATS = META.categories;
  var KIND_COLORS = {
    state: "#2f6db5", igo: "#e08e0b", ngo: "#9b59b6", group: "#8d5a3b",
    person: "#2aa198", agreement: "#b59f00", unknown: "#8a94a6"
  };
  var KIND_LABELS = {
    state: "State", igo: "International organisation", ngo: "NGO", group: "Non-state group",
    person: "Official / person", agreement: "Agreement", unknown: "Unknown"
  };
  var POL_COLORS = { 1: "#2e9d4f", "-1": "#d64541", 0: "#a3aab5" };
  var FADED = { background: "#eceff2", border: "#dde1e6" };
  var HAS_POS = Array.isArray(NODES.x);
  var PHYSICS = META.layout === "physics";
  var FMT = new Intl.NumberFormat("en-US");
  var idIndex = new Map();
  for (var i0 = 0; i0 < nN; i0++) idIndex.set(NODES.id[i0], i0);

  // ------------------------------------------------------------------ helpers
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var k = 1; k < arguments.length; k++) if (arguments[k]) parent.appendChild(arguments[k]);
    return parent;
  }
  function fmt(n) { return FMT.format(n); }
  function compact(n) { return n < 1000 ? String(n) : (n < 1e6 ? (n / 1000).toFixed(n < 1e4 ? 1 : 0) + "k" : (n / 1e6).toFixed(1) + "M"); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function dot(color) { var d = el("span", "gk-dot"); d.style.background = color; return d; }
  function kindColor(k) { return KIND_COLORS[k] || KIND_COLORS.unknown; }
  function signOf(x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }
  function safeHref(url) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return null;
    try {
      var u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") && u.host ? u.href : null;
    } catch (err) { return null; }
  }
  function truncate(text, n) { return text.length > n ? text.slice(0, n - 1).trimEnd() + "\u2026" : text; }

  // ------------------------------------------------------------------ state
  var allCats = function () { var s = new Set(); for (var c = 0; c < CATS.length; c++) s.add(c); return s; };
  var lastDate = Math.max(0, META.dates.length - 1);
  function defaults() {
    return {
      cats: allCats(), polarity: "all", issue: "", dateLo: 0, dateHi: lastDate,
      minEvents: 1, kinds: new Set(META.kinds), collapse: true
    };
  }
  var state = defaults();
  var pinned = new Set();
  var selection = null;         // {type: "node", u} | {type: "pair", a, b}
  var view = null;              // result of compute()
  var nodesDS, edgesDS, network;
  var baseNode = new Map(), baseEdge = new Map(), dimmed = new Map(), dimmedEdges = new Map();
  var posCache = new Map();
  var api = { ready: false };
  window.graphkit = api;

  function unit(i) { return state.collapse && NODES.party[i] >= 0 ? NODES.party[i] : i; }
  function eventFilterActive() {
    return state.cats.size !== CATS.length || state.polarity !== "all" || state.issue !== "" ||
      state.dateLo > 0 || state.dateHi < lastDate;
  }
  function anyFilterActive() {
    return eventFilterActive() || state.minEvents > 1 || state.kinds.size !== META.kinds.length;
  }
  function passEvent(e) {
    var c = EV.cat[e];
    if (c >= 0 ? !state.cats.has(c) : state.cats.size !== CATS.length) return false;
    var neg = EV.neg[e] === 1, pol = EV.pol[e];
    if (state.polarity === "cooperative" && (neg || pol <= 0)) return false;
    if (state.polarity === "conflictual" && (neg || pol >= 0)) return false;
    if (state.polarity === "neutral" && !(neg || pol === 0)) return false;
    if (state.issue && (";" + EV.issue[e] + ";").indexOf(";" + state.issue + ";") < 0) return false;
    if (state.dateLo > 0 || state.dateHi < lastDate) {
      var di = EV.di[e];
      if (di < state.dateLo || di > state.dateHi) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ aggregation
  function newAgg(s, t) {
    return { s: s, t: t, events: 0, coop: 0, conf: 0, neg: 0, sum: 0, signed: 0, first: "", last: "", issues: new Set() };
  }
  function addDates(agg, first, last) {
    if (first && (!agg.first || first < agg.first)) agg.first = first;
    if (last && (!agg.last || last > agg.last)) agg.last = last;
  }
  function addIssues(agg, text) {
    if (!text) return;
    var parts = text.split(";");
    for (var k = 0; k < parts.length; k++) if (parts[k]) agg.issues.add(parts[k]);
  }

  function compute() {
    var dir = new Map(), act = new Float64Array(nN), k, s, t, key, agg;
    var units = [];
    for (k = 0; k < nN; k++) if (unit(k) === k) units.push(k);
    if (!eventFilterActive()) {
      for (k = 0; k < nN; k++) act[unit(k)] += NODES.activity[k];
      for (k = 0; k < nY; k++) {
        s = unit(DY.s[k]); t = unit(DY.t[k]);
        if (s === t) continue;
        key = s * nN + t;
        agg = dir.get(key);
        if (!agg) { agg = newAgg(s, t); dir.set(key, agg); }
        agg.events += DY.events[k]; agg.coop += DY.cooperative[k]; agg.conf += DY.conflictual[k];
        agg.neg += DY.negated[k]; agg.sum += DY.sum_intensity[k]; agg.signed += DY.sign[k] * DY.events[k];
        addDates(agg, DY.first_date[k], DY.last_date[k]);
        addIssues(agg, DY.issues[k]);
      }
    } else {
      for (k = 0; k < nE; k++) {
        if (!passEvent(k)) continue;
        var w = EV.n[k];
        s = unit(EV.s[k]);
        act[s] += w;
        if (EV.t[k] < 0) continue;
        t = unit(EV.t[k]);
        if (s === t) continue;
        act[t] += w;
        key = s * nN + t;
        agg = dir.get(key);
        if (!agg) { agg = newAgg(s, t); dir.set(key, agg); }
        agg.events += w;
        if (EV.neg[k]) agg.neg += w;
        else {
          if (EV.pol[k] > 0) agg.coop += w; else if (EV.pol[k] < 0) agg.conf += w;
          agg.sum += EV.int[k] * w;
        }
        addDates(agg, EV.date[k], EV.date[k]);
        addIssues(agg, EV.issue[k]);
      }
    }
    var pairs = new Map();
    dir.forEach(function (d) {
      var a = Math.min(d.s, d.t), b = Math.max(d.s, d.t), pk = a * nN + b;
      var p = pairs.get(pk);
      if (!p) { p = newAgg(a, b); p.a = a; p.b = b; p.ab = null; p.ba = null; pairs.set(pk, p); }
      if (d.s === a) p.ab = d; else p.ba = d;
      p.events += d.events; p.coop += d.coop; p.conf += d.conf; p.neg += d.neg; p.sum += d.sum; p.signed += d.signed;
      addDates(p, d.first, d.last);
      d.issues.forEach(function (x) { p.issues.add(x); });
    });
    var kindOK = function (u) { return state.kinds.has(NODES.kind[u]); };
    var candPairs = [], cand = new Set();
    pairs.forEach(function (p) {
      // the sign of the summed intensity; edges without intensities (stances on an
      // agreement) keep the sign the dyad graph gives them
      p.sign = signOf(Math.round(p.sum * 1000)) || signOf(p.signed);
      if (p.events >= state.minEvents && kindOK(p.a) && kindOK(p.b)) {
        candPairs.push(p); cand.add(p.a); cand.add(p.b);
      }
    });
    if (!anyFilterActive()) units.forEach(function (u) { cand.add(u); });
    var ranked = Array.from(cand).sort(function (x, y) { return (act[y] - act[x]) || (x - y); });
    var shown = new Set(ranked.slice(0, META.max_nodes));
    pinned.forEach(function (u) { if (unit(u) === u && kindOK(u)) shown.add(u); });
    var visible = candPairs.filter(function (p) { return shown.has(p.a) && shown.has(p.b); });
    visible.sort(function (x, y) { return (x.a - y.a) || (x.b - y.b); });
    var maxEv = 1, maxAct = 1;
    visible.forEach(function (p) { if (p.events > maxEv) maxEv = p.events; });
    shown.forEach(function (u) { if (act[u] > maxAct) maxAct = act[u]; });
    return { pairs: pairs, act: act, shown: shown, visible: visible, nCandidates: cand.size,
             maxEv: maxEv, maxAct: maxAct, pinnedShown: Array.from(pinned).filter(function (u) { return shown.has(u) && ranked.indexOf(u) >= META.max_nodes; }).length };
  }

  // ------------------------------------------------------------------ vis items
  function edgeId(a, b) { return a + "-" + b; }
  function nodeItem(u, v) {
    var ratio = Math.sqrt(v.act[u] / v.maxAct);
    var c = kindColor(NODES.kind[u]);
    return {
      id: NODES.id[u], label: NODES.name[u], gk: u, kind: NODES.kind[u], activity: v.act[u],
      size: Math.round((7 + 26 * ratio) * 10) / 10,
      font: { size: Math.round(11 + 9 * ratio), color: "#1f2933" },
      color: { background: c, border: "#ffffff", highlight: { background: c, border: "#1f2933" }, hover: { background: c, border: "#1f2933" } },
      borderWidth: 1.5, borderWidthSelected: 3
    };
  }
  var POL_RGBA = { 1: "rgba(46,157,79,0.75)", "-1": "rgba(214,69,65,0.75)", 0: "rgba(163,170,181,0.75)" };
  function edgeItem(p, v) {
    // Few, flat options per edge: vis-network merges every per-item option object,
    // which dominates start-up with tens of thousands of edges.
    var w = 1 + 7 * Math.log(1 + p.events) / Math.log(1 + Math.max(v.maxEv, 12));
    var item = {
      id: edgeId(p.a, p.b), from: NODES.id[p.a], to: NODES.id[p.b],
      width: Math.round(w * 10) / 10, color: POL_RGBA[p.sign], sign: p.sign, events: p.events,
      cooperative: p.coop, conflictual: p.conf, negated: p.neg, first_date: p.first, last_date: p.last
    };
    item.arrows = v.visible.length <= 3000 && !(p.ab && p.ba) ? (p.ab ? "to" : "from") : "";
    return item;
  }

  function placeNew(u, k, near, pos) {
    var id = NODES.id[u];
    if (posCache.has(id)) return posCache.get(id);
    if (HAS_POS && NODES.x[u] !== null) return { x: NODES.x[u], y: NODES.y[u] };
    // next to the partners already drawn, else on a ring around the drawing
    var angle = (u * 2.399963) % (2 * Math.PI), q = near.get(u);
    var party = NODES.party[u] >= 0 ? pos[NODES.id[NODES.party[u]]] : null;
    if (party) return { x: party.x + 45 * Math.cos(angle), y: party.y + 45 * Math.sin(angle) };
    if (q && q.n) return { x: q.x / q.n + 70 * Math.cos(angle), y: q.y / q.n + 70 * Math.sin(angle) };
    var r = 120 + 40 * Math.sqrt(k);
    return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
  }
  function neighbourPositions(v, existing, pos) {
    var near = new Map();
    var addTo = function (u, other) {
      var q = pos[NODES.id[other]];
      if (!q || existing.has(NODES.id[u])) return;
      var r = near.get(u) || { x: 0, y: 0, n: 0 };
      r.x += q.x; r.y += q.y; r.n += 1; near.set(u, r);
    };
    v.visible.forEach(function (p) { addTo(p.a, p.b); addTo(p.b, p.a); });
    return near;
  }

  function render() {
    view = compute();
    var v = view;
    var nodeItems = [], edgeItems = [], wantN = new Set(), wantE = new Set();
    var existing = nodesDS ? new Set(nodesDS.getIds()) : new Set();
    var fresh = 0, pos = {}, near = new Map();
    if (network && existing.size) {
      pos = network.getPositions();
      Object.keys(pos).forEach(function (id) { posCache.set(id, pos[id]); });
      near = neighbourPositions(v, existing, pos);
    }
    Array.from(v.shown).sort(function (x, y) { return x - y; }).forEach(function (u) {
      var it = nodeItem(u, v);
      wantN.add(it.id);
      if (!existing.has(it.id)) {
        if (HAS_POS || nodesDS) { var p = placeNew(u, fresh++, near, pos); it.x = p.x; it.y = p.y; }
      }
      baseNode.set(it.id, { color: it.color, font: it.font });
      nodeItems.push(it);
    });
    v.visible.forEach(function (p) {
      var it = edgeItem(p, v);
      wantE.add(it.id);
      baseEdge.set(it.id, it.color);
      edgeItems.push(it);
    });
    dimmed.clear(); dimmedEdges.clear();
    if (!nodesDS) {
      nodesDS = new vis.DataSet(nodeItems);
      edgesDS = new vis.DataSet(edgeItems);
    } else {
      var goneN = nodesDS.getIds().filter(function (id) { return !wantN.has(id); });
      var goneE = edgesDS.getIds().filter(function (id) { return !wantE.has(id); });
      edgesDS.remove(goneE);
      nodesDS.remove(goneN);
      nodesDS.update(nodeItems);
      edgesDS.update(edgeItems);
    }
    api.nodes = nodesDS; api.edges = edgesDS; api.view = v;
    renderStatus();
    if (selection) reselect();
    else if (network) showOverview();
  }

  // ------------------------------------------------------------------ highlight
  function highlight(nodeSet, edgeSet) {
    var nUpd = [], eUpd = [];
    nodesDS.forEach(function (n) {
      var dim = !!nodeSet && !nodeSet.has(n.id);
      if ((dimmed.get(n.id) || false) === dim) return;
      dimmed.set(n.id, dim);
      var b = baseNode.get(n.id);
      nUpd.push(dim ? { id: n.id, color: { background: FADED.background, border: FADED.border }, font: { size: b.font.size, color: "#b4bcc6" } }
                    : { id: n.id, color: b.color, font: b.font });
    });
    if (edgesDS.length <= 8000) {
      edgesDS.forEach(function (e) {
        var dim = !!edgeSet && !edgeSet.has(e.id);
        if ((dimmedEdges.get(e.id) || false) === dim) return;
        dimmedEdges.set(e.id, dim);
        var b = baseEdge.get(e.id);
        eUpd.push({ id: e.id, color: dim ? "rgba(205,211,218,0.45)" : b });
      });
    }
    if (nUpd.length) nodesDS.update(nUpd);
    if (eUpd.length) edgesDS.update(eUpd);
  }

  function neighbourhood(u) {
    var ns = new Set([NODES.id[u]]), es = new Set();
    view.visible.forEach(function (p) {
      if (p.a === u || p.b === u) { ns.add(NODES.id[p.a]); ns.add(NODES.id[p.b]); es.add(edgeId(p.a, p.b)); }
    });
    return { nodes: ns, edges: es };
  }

  // ------------------------------------------------------------------ selection
  function selectUnit(u, opts) {
    opts = opts || {};
    u = unit(u);
    if (!view.shown.has(u)) {
      pinned.add(u);
      if (!state.kinds.has(NODES.kind[u])) { state.kinds.add(NODES.kind[u]); syncControls(); }
      selection = null;
      render();
    }
    selection = { type: "node", u: u };
    var id = NODES.id[u];
    if (!nodesDS.get(id)) { showNodePanel(u); return id; }
    network.selectNodes([id], false);
    var h = neighbourhood(u);
    highlight(h.nodes, h.edges);
    if (opts.focus) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    showNodePanel(u);
    return id;
  }
  function selectPair(a, b, opts) {
    opts = opts || {};
    var x = Math.min(unit(a), unit(b)), y = Math.max(unit(a), unit(b));
    var p = view.pairs.get(x * nN + y);
    if (!p) return null;
    if (!view.shown.has(x) || !view.shown.has(y)) { pinned.add(x); pinned.add(y); selection = null; render(); }
    selection = { type: "pair", a: x, b: y };
    var id = edgeId(x, y);
    if (edgesDS.get(id)) network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    highlight(new Set([NODES.id[x], NODES.id[y]]), new Set([id]));
    if (opts.focus) network.fit({ nodes: [NODES.id[x], NODES.id[y]], animation: { duration: 450 } });
    showPairPanel(x, y);
    return id;
  }
  function clearSelection() {
    selection = null;
    network.unselectAll();
    highlight(null, null);
    showOverview();
  }
  function reselect() {
    var s = selection;
    if (s.type === "node" && view.shown.has(s.u) && unit(s.u) === s.u) selectUnit(s.u);
    else if (s.type === "pair" && view.pairs.has(s.a * nN + s.b)) selectPair(s.a, s.b);
    else { selection = null; showOverview(); }
  }

  // ------------------------------------------------------------------ header, status
  function renderHeader() {
    document.getElementById("gk-title").textContent = META.title;
    var sub = document.getElementById("gk-subtitle");
    sub.textContent = META.date_min ? (META.date_min === META.date_max ? META.date_min : META.date_min + " \u2013 " + META.date_max) : "no dates";
    var stats = document.getElementById("gk-stats");
    var c = META.counts;
    [["Documents", c.documents], ["Events", c.events], ["Parties", c.parties], ["Dyads", c.dyads]].forEach(function (kv) {
      var d = el("div");
      add(d, el("dt", null, kv[0]), el("dd", null, fmt(kv[1])));
      stats.appendChild(d);
    });
    if (c.officials) {
      var d = el("div");
      add(d, el("dt", null, "Officials"), el("dd", null, fmt(c.officials)));
      stats.appendChild(d);
    }
  }
  function renderStatus() {
    var s = document.getElementById("gk-status");
    clear(s);
    add(s, document.createTextNode("Showing "), el("b", null, fmt(view.shown.size)), document.createTextNode(" of "),
        el("b", null, fmt(view.nCandidates)), document.createTextNode(view.nCandidates === 1 ? " party \u00b7 " : " parties \u00b7 "),
        el("b", null, fmt(view.visible.length)), document.createTextNode(view.visible.length === 1 ? " relation" : " relations"));
    if (view.nCandidates > view.shown.size - view.pinnedShown) {
      add(s, document.createTextNode(" \u2014 the most active; search or filter to bring in others"));
    }
  }

  // ------------------------------------------------------------------ filters UI
  var controls = {};
  function section(parent, title, action) {
    var sec = el("section", "gk-section"), h = el("h2", null, title);
    if (action) h.appendChild(action);
    add(sec, h);
    parent.appendChild(sec);
    return sec;
  }
  function field(parent, label, input) {
    var f = el("div", "gk-field"), l = el("label", null, label);
    if (input.id) l.htmlFor = input.id;
    add(f, l, input);
    parent.appendChild(f);
    return f;
  }
  function select(id, options) {
    var s = el("select"); s.id = id;
    options.forEach(function (o) { var op = el("option", null, o[1]); op.value = o[0]; s.appendChild(op); });
    return s;
  }
  function checkbox(label, checked, color, count) {
    var l = el("label", "gk-check"), box = el("input");
    box.type = "checkbox"; box.checked = checked;
    add(l, box, color ? dot(color) : null, el("span", null, label), count !== undefined ? el("span", "gk-count", typeof count === "number" ? fmt(count) : count) : null);
    return { label: l, box: box };
  }
  function changed() { render(); }

  function buildFilters() {
    var root = document.getElementById("gk-filters");
    var rel = section(root, "Relations");
    controls.polarity = select("gk-polarity", [["all", "All events"], ["cooperative", "Cooperative only"], ["conflictual", "Conflictual only"], ["neutral", "Neutral or negated"]]);
    field(rel, "Polarity", controls.polarity);
    controls.polarity.addEventListener("change", function () { state.polarity = controls.polarity.value; changed(); });
    controls.issue = select("gk-issue", [["", "All issues"]].concat(META.issues.map(function (x) { return [x, x]; })));
    field(rel, "Issue", controls.issue);
    controls.issue.addEventListener("change", function () { state.issue = controls.issue.value; changed(); });

    var df = el("div", "gk-field"), dl = el("div", "gk-label");
    controls.dateLabel = el("span", "gk-value");
    add(dl, document.createTextNode("Dates "), controls.dateLabel);
    controls.dateLo = el("input", "gk-range"); controls.dateHi = el("input", "gk-range");
    [controls.dateLo, controls.dateHi].forEach(function (r, k) {
      r.type = "range"; r.min = "0"; r.max = String(lastDate); r.step = "1";
      r.id = k ? "gk-date-hi" : "gk-date-lo";
      r.setAttribute("aria-label", k ? "Last date" : "First date");
      r.disabled = META.dates.length < 2;
    });
    add(df, dl, controls.dateLo, controls.dateHi);
    rel.appendChild(df);
    var onDate = function (which) {
      var lo = +controls.dateLo.value, hi = +controls.dateHi.value;
      if (lo > hi) { if (which === "lo") hi = lo; else lo = hi; }
      state.dateLo = lo; state.dateHi = hi;
      syncControls(); changed();
    };
    controls.dateLo.addEventListener("input", function () { onDate("lo"); });
    controls.dateHi.addEventListener("input", function () { onDate("hi"); });

    var maxPair = 1;
    view.pairs.forEach(function (p) { if (p.events > maxPair) maxPair = p.events; });
    var mf = el("div", "gk-field"), ml = el("div", "gk-label");
    controls.minLabel = el("span", "gk-value");
    add(ml, document.createTextNode("Minimum events per relation "), controls.minLabel);
    controls.minEvents = el("input", "gk-range");
    controls.minEvents.type = "range"; controls.minEvents.min = "1"; controls.minEvents.max = String(Math.max(2, Math.min(maxPair, 50)));
    controls.minEvents.id = "gk-min-events"; controls.minEvents.setAttribute("aria-label", "Minimum events per relation");
    add(mf, ml, controls.minEvents);
    rel.appendChild(mf);
    controls.minEvents.addEventListener("input", function () { state.minEvents = +controls.minEvents.value; syncControls(); changed(); });

    // categories, grouped by quad class
    var allBtn = el("button", null, "all"), noneBtn = el("button", null, "none");
    allBtn.type = noneBtn.type = "button";
    var both = el("span"); add(both, allBtn, noneBtn);
    var catSec = section(root, "Event categories", both);
    var counts = new Array(CATS.length).fill(0);
    for (var e = 0; e < nE; e++) if (EV.cat[e] >= 0) counts[EV.cat[e]] += EV.n[e];
    controls.cats = [];
    [1, 2, 3, 4, 0].forEach(function (q) {
      var idx = [];
      CATS.forEach(function (c, k) { if (META.category_quad[k] === q) idx.push(k); });
      if (!idx.length) return;
      catSec.appendChild(el("div", "gk-quad", META.quad_classes[String(q)] || "other"));
      var grid = el("div", "gk-cats");
      idx.forEach(function (k) {
        var cb = checkbox(CATS[k].charAt(0) + CATS[k].slice(1).toLowerCase(), true, null, compact(counts[k]));
        cb.box.dataset.cat = String(k);
        cb.box.addEventListener("change", function () { if (cb.box.checked) state.cats.add(k); else state.cats.delete(k); changed(); });
        controls.cats[k] = cb.box;
        grid.appendChild(cb.label);
      });
      catSec.appendChild(grid);
    });
    allBtn.addEventListener("click", function () { state.cats = allCats(); syncControls(); changed(); });
    noneBtn.addEventListener("click", function () { state.cats = new Set(); syncControls(); changed(); });

    // node kinds: legend and filter at once
    var kindSec = section(root, "Parties");
    var kindCounts = {};
    for (var u = 0; u < nN; u++) kindCounts[NODES.kind[u]] = (kindCounts[NODES.kind[u]] || 0) + 1;
    controls.kinds = {};
    META.kinds.forEach(function (k) {
      var cb = checkbox(KIND_LABELS[k] || k, true, kindColor(k), kindCounts[k]);
      cb.box.dataset.kind = k;
      cb.box.addEventListener("change", function () { if (cb.box.checked) state.kinds.add(k); else state.kinds.delete(k); changed(); });
      controls.kinds[k] = cb.box;
      kindSec.appendChild(cb.label);
    });
    var hasOfficials = NODES.party.some(function (p) { return p >= 0; });
    var col = checkbox("Collapse officials into their parties", true);
    col.box.id = "gk-collapse";
    col.box.disabled = !hasOfficials;
    col.label.style.marginTop = "6px";
    col.box.addEventListener("change", function () { state.collapse = col.box.checked; pinned.clear(); changed(); });
    controls.collapse = col.box;
    kindSec.appendChild(col.label);

    var leg = section(root, "Legend");
    [[POL_COLORS[1], "Cooperative"], [POL_COLORS[-1], "Conflictual"], [POL_COLORS[0], "Mixed or neutral"]].forEach(function (r) {
      var row = el("div", "gk-legend-row"), sw = el("span", "gk-swatch");
      sw.style.height = "4px"; sw.style.background = r[0];
      add(row, sw, el("span", null, r[1]));
      leg.appendChild(row);
    });
    [[1, "1 event"], [7, "many events (line width)"]].forEach(function (r) {
      var row = el("div", "gk-legend-row"), sw = el("span", "gk-swatch");
      sw.style.height = r[0] + "px"; sw.style.background = "#8a94a6";
      add(row, sw, el("span", null, r[1]));
      leg.appendChild(row);
    });
    var sz = el("div", "gk-legend-row");
    var d1 = dot("#c3c9d1"), d2 = dot("#c3c9d1");
    d1.style.width = d1.style.height = "7px"; d2.style.width = d2.style.height = "15px";
    add(sz, d1, d2, el("span", null, "node size: activity (events)"));
    leg.appendChild(sz);
    var reset = el("button", "gk-reset", "Reset filters");
    reset.type = "button"; reset.id = "gk-reset";
    reset.addEventListener("click", resetFilters);
    leg.appendChild(reset);
    syncControls();
  }

  function syncControls() {
    controls.polarity.value = state.polarity;
    controls.issue.value = state.issue;
    controls.dateLo.value = String(state.dateLo);
    controls.dateHi.value = String(state.dateHi);
    controls.dateLabel.textContent = META.dates.length ? (META.dates[state.dateLo] + " \u2013 " + META.dates[state.dateHi]) : "none";
    controls.minEvents.value = String(state.minEvents);
    controls.minLabel.textContent = String(state.minEvents);
    controls.cats.forEach(function (box, k) { if (box) box.checked = state.cats.has(k); });
    Object.keys(controls.kinds).forEach(function (k) { controls.kinds[k].checked = state.kinds.has(k); });
    controls.collapse.checked = state.collapse;
  }
  function resetFilters() {
    var collapse = state.collapse;
    state = defaults();
    state.collapse = collapse;
    syncControls(); render();
  }
  function setFilter(obj) {
    obj = obj || {};
    if ("polarity" in obj) state.polarity = obj.polarity;
    if ("issue" in obj) state.issue = obj.issue;
    if ("minEvents" in obj) state.minEvents = Math.max(1, +obj.minEvents);
    if ("collapse" in obj) { state.collapse = !!obj.collapse; pinned.clear(); }
    if ("kinds" in obj) state.kinds = new Set(obj.kinds);
    if ("categories" in obj) state.cats = new Set(obj.categories.map(function (c) { return CATS.indexOf(c); }).filter(function (k) { return k >= 0; }));
    if ("dateFrom" in obj || "dateTo" in obj) {
      var from = obj.dateFrom || "", to = obj.dateTo || "\uffff";
      var lo = META.dates.findIndex(function (d) { return d >= from; });
      var hi = -1;
      META.dates.forEach(function (d, k) { if (d <= to) hi = k; });
      state.dateLo = lo < 0 ? lastDate : lo; state.dateHi = hi < 0 ? 0 : hi;
    }
    syncControls(); render();
    return view.visible.length;
  }

  // ------------------------------------------------------------------ events & evidence
  function docOf(e) { return EV.doc[e] >= 0 ? EV.doc[e] : -1; }
  function sentence(text, marks, maxLen) {
    var p = el("div", "gk-sentence"), end = maxLen && text.length > maxLen ? maxLen : text.length, pos = 0;
    for (var k = 0; k + 1 < marks.length; k += 2) {
      var s = marks[k], t = Math.min(marks[k + 1], end);
      if (s >= end) break;
      if (s > pos) p.appendChild(document.createTextNode(text.slice(pos, s)));
      p.appendChild(el("mark", null, text.slice(s, t)));
      pos = t;
    }
    if (pos < end) p.appendChild(document.createTextNode(text.slice(pos, end)));
    if (end < text.length) p.appendChild(document.createTextNode("\u2026"));
    return p;
  }
  function partyName(i) { return i >= 0 ? NODES.name[i] : "(no target)"; }
  function eventItem(e) {
    var box = el("div", "gk-event " + (EV.neg[e] ? "" : (EV.pol[e] > 0 ? "coop" : (EV.pol[e] < 0 ? "conf" : ""))));
    var head = el("div", "gk-head");
    var who = function (i, agent) { var n = partyName(i); return agent && agent !== n ? n + " (" + agent + ")" : n; };
    var src = who(EV.s[e], EV.sa[e]), tgt = who(EV.t[e], EV.ta[e]);
    add(head, el("span", null, EV.date[e] || "undated"), el("span", "gk-cat", EV.cat[e] >= 0 ? CATS[EV.cat[e]] : "?"),
        el("span", null, src + " \u2192 " + tgt));
    if (EV.n[e] > 1) head.appendChild(el("span", "gk-tag", "\u00d7 " + fmt(EV.n[e])));
    if (EV.neg[e]) head.appendChild(el("span", "gk-tag", "negated"));
    if (EV.mod[e] && EV.mod[e] !== "asserted") head.appendChild(el("span", "gk-tag mod", EV.mod[e]));
    if (EV.mode[e]) head.appendChild(el("span", "gk-tag mod", EV.mode[e]));
    box.appendChild(head);
    if (EV.text[e]) box.appendChild(sentence(EV.text[e], EV.marks[e]));
    else if (META.counts.evidence_sampled) {
      box.appendChild(el("div", "gk-src", (EV.n[e] > 1 ? fmt(EV.n[e]) + " like events; their sentences are" : "sentence") +
        " not embedded in this page (" + fmt(META.counts.with_text) + " of " + fmt(META.counts.events) +
        " events are); events.csv has every one"));
    }
    var d = docOf(e);
    var srcLine = el("div", "gk-src");
    if (EV.speaker[e]) srcLine.appendChild(document.createTextNode("said by " + EV.speaker[e] + " \u00b7 "));
    if (d >= 0) {
      var label = DOCS.title[d] || DOCS.id[d];
      var href = DOCS.link[d] ? safeHref(DOCS.url[d]) : null;
      if (href) {
        var a = el("a", null, label);
        a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
        srcLine.appendChild(a);
      } else {
        srcLine.appendChild(el("span", null, label));
        if (DOCS.url[d]) srcLine.appendChild(document.createTextNode(" \u00b7 " + DOCS.url[d]));
      }
      if (DOCS.date[d]) srcLine.appendChild(document.createTextNode(" \u00b7 " + DOCS.date[d]));
    }
    srcLine.appendChild(document.createTextNode((d >= 0 ? " \u00b7 " : "") + EV.id[e]));
    box.appendChild(srcLine);
    return box;
  }
  function eventList(parent, list, step) {
    var holder = el("div"), shown = 0;
    parent.appendChild(holder);
    var more = el("button", "gk-more");
    more.type = "button";
    function page() {
      var stop = Math.min(list.length, shown + step);
      for (; shown < stop; shown++) holder.appendChild(eventItem(list[shown]));
      if (shown < list.length) { more.textContent = "Show more (" + fmt(list.length - shown) + " left)"; if (!more.parentNode) parent.appendChild(more); }
      else if (more.parentNode) more.remove();
    }
    more.addEventListener("click", page);
    if (!list.length) parent.appendChild(el("p", "gk-empty", "No events under the current filters."));
    page();
  }
  function pairEvents(a, b) {
    var out = [];
    for (var e = 0; e < nE; e++) {
      if (EV.t[e] < 0) continue;
      var s = unit(EV.s[e]), t = unit(EV.t[e]);
      if (((s === a && t === b) || (s === b && t === a)) && passEvent(e)) out.push(e);
    }
    return out;
  }
  function eventCount(list) {
    var total = 0;
    list.forEach(function (e) { total += EV.n[e]; });
    return total;
  }
  function nodeEvents(u) {
    var out = [];
    for (var e = 0; e < nE; e++) {
      if ((unit(EV.s[e]) === u || (EV.t[e] >= 0 && unit(EV.t[e]) === u)) && passEvent(e)) out.push(e);
    }
    return out;
  }

  // ------------------------------------------------------------------ panels
  var panel = document.getElementById("gk-panel");
  function kv(parent, pairs) {
    var g = el("dl", "gk-kv");
    pairs.forEach(function (p) { if (p[1] === null || p[1] === undefined) return; var d = el("div"); add(d, el("dt", null, p[0]), el("dd", null, p[1])); g.appendChild(d); });
    parent.appendChild(g);
  }
  function partyRow(u, numText, color, onClick) {
    var li = el("li");
    add(li, dot(kindColor(NODES.kind[u])), el("span", "gk-name", NODES.name[u]));
    if (color) { var bar = el("span", "gk-bar-mini"); bar.style.background = color; bar.style.width = "0"; li.bar = bar; li.appendChild(bar); }
    li.appendChild(el("span", "gk-num", numText));
    li.title = NODES.name[u] + " (" + NODES.id[u] + ")";
    li.addEventListener("click", onClick);
    return li;
  }

  function showOverview() {
    clear(panel);
    add(panel, el("h2", null, "Overview"));
    panel.appendChild(el("p", "gk-intro", "Click a party to see its partners, rivals and events; click a relation for its timeline and evidence sentences. Hover for a summary."));
    var top = Array.from(view.shown).sort(function (x, y) { return (view.act[y] - view.act[x]) || (x - y); }).slice(0, 8);
    panel.appendChild(el("h3", null, "Most active parties"));
    var ul = el("ul", "gk-list");
    top.forEach(function (u) { ul.appendChild(partyRow(u, fmt(view.act[u]) + " events", null, function () { selectUnit(u, { focus: true }); })); });
    if (!top.length) panel.appendChild(el("p", "gk-empty", "Nothing matches the current filters."));
    panel.appendChild(ul);
    var rank = function (key) {
      return view.visible.filter(function (p) { return p[key] > 0; }).sort(function (x, y) { return (y[key] - x[key]) || (y.events - x.events) || (x.a - y.a) || (x.b - y.b); }).slice(0, 5);
    };
    [["coop", "Most cooperative relations", POL_COLORS[1]], ["conf", "Most conflictual relations", POL_COLORS[-1]]].forEach(function (r) {
      var list = rank(r[0]);
      if (!list.length) return;
      panel.appendChild(el("h3", null, r[1]));
      var ul2 = el("ul", "gk-list");
      list.forEach(function (p) {
        var li = el("li");
        add(li, dot(r[2]), el("span", "gk-name", NODES.name[p.a] + " \u2014 " + NODES.name[p.b]), el("span", "gk-num", fmt(p[r[0]]) + " of " + fmt(p.events)));
        li.addEventListener("click", function () { selectPair(p.a, p.b, { focus: true }); });
        ul2.appendChild(li);
      });
      panel.appendChild(ul2);
    });
  }

  function showNodePanel(u) {
    clear(panel);
    var kind = NODES.kind[u];
    add(panel, el("h2", null, NODES.name[u]));
    var meta = el("div", "gk-meta"), badge = el("span", "gk-badge");
    add(badge, dot(kindColor(kind)), el("span", null, KIND_LABELS[kind] || kind));
    add(meta, el("span", null, NODES.id[u]), badge);
    var where = [NODES.country[u] && NODES.country[u] !== NODES.id[u] ? NODES.country[u] : "", NODES.region[u]].filter(Boolean).join(" \u00b7 ");
    if (where) meta.appendChild(el("span", null, where));
    panel.appendChild(meta);
    var partners = [], degree = 0;
    view.pairs.forEach(function (p) {
      if (p.a !== u && p.b !== u) return;
      if (p.events < state.minEvents) return;
      var other = p.a === u ? p.b : p.a;
      if (!state.kinds.has(NODES.kind[other])) return;
      degree += 1;
      partners.push({ u: other, p: p });
    });
    var stats = [["Events", fmt(view.act[u])], ["Partners", fmt(degree)], ["Mentions", NODES.mentions[u] ? fmt(NODES.mentions[u]) : null]];
    if (META.has.community && NODES.community[u] !== null) stats.push(["Community", String(NODES.community[u])]);
    if (META.has.pagerank && NODES.pagerank[u] !== null) stats.push(["PageRank", NODES.pagerank[u].toFixed(4)]);
    if (META.has.betweenness && NODES.betweenness[u] !== null) stats.push(["Betweenness", NODES.betweenness[u].toFixed(4)]);
    kv(panel, stats);
    if (state.collapse) {
      var off = [];
      for (var i = 0; i < nN; i++) if (NODES.party[i] === u) off.push(i);
      if (off.length) {
        var p = el("p", "gk-meta");
        p.style.marginTop = "8px";
        p.textContent = "Includes officials: " + off.map(function (i) { return NODES.name[i]; }).join(", ");
        panel.appendChild(p);
      }
    }
    var block = function (title, key, color, label) {
      var list = partners.filter(function (x) { return x.p[key] > 0; })
        .sort(function (x, y) { return (y.p[key] - x.p[key]) || (y.p.events - x.p.events) || (x.u - y.u); }).slice(0, 6);
      panel.appendChild(el("h3", null, title));
      if (!list.length) { panel.appendChild(el("p", "gk-empty", "None under the current filters.")); return; }
      var max = list[0].p[key], ul = el("ul", "gk-list");
      list.forEach(function (x) {
        var li = partyRow(x.u, fmt(x.p[key]) + " " + label + " / " + fmt(x.p.events), color, function () { selectPair(u, x.u, { focus: true }); });
        li.bar.style.width = Math.round(4 + 36 * x.p[key] / max) + "px";
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    };
    block("Strongest partners", "coop", POL_COLORS[1], "coop.");
    block("Rivals", "conf", POL_COLORS[-1], "confl.");
    var evs = nodeEvents(u);
    panel.appendChild(el("h3", null, "Events (" + fmt(eventCount(evs)) + ")"));
    eventList(panel, evs, 25);
  }

  function timeline(list) {
    var NS = "http://www.w3.org/2000/svg", W = 320, H = 96, L = 22, R = 8, T = 8, B = 20;
    var byDate = new Map();
    list.forEach(function (e) {
      var d = EV.date[e];
      if (!d) return;
      var r = byDate.get(d) || { c: 0, f: 0, o: 0 };
      if (EV.neg[e] || EV.pol[e] === 0) r.o += EV.n[e]; else if (EV.pol[e] > 0) r.c += EV.n[e]; else r.f += EV.n[e];
      byDate.set(d, r);
    });
    var dates = Array.from(byDate.keys()).sort();
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("class", "gk-timeline");
    svg.setAttribute("role", "img");
    var mk = function (tag, attrs) { var n = document.createElementNS(NS, tag); Object.keys(attrs).forEach(function (k) { n.setAttribute(k, String(attrs[k])); }); svg.appendChild(n); return n; };
    if (!dates.length) { var t0 = mk("text", { x: L, y: H / 2 }); t0.textContent = "No dated events"; return svg; }
    var ms = dates.map(function (d) { return Date.parse(d + "T00:00:00Z") || 0; });
    var lo = ms[0], hi = ms[ms.length - 1], span = Math.max(hi - lo, 1);
    var maxN = 1;
    byDate.forEach(function (r) { maxN = Math.max(maxN, r.c + r.f + r.o); });
    var inner = W - L - R, bw = Math.max(2, Math.min(14, inner / Math.max(dates.length, 1) * 0.7));
    mk("line", { x1: L, x2: W - R, y1: H - B + 0.5, y2: H - B + 0.5, stroke: "#c5ccd4" });
    dates.forEach(function (d, k) {
      var r = byDate.get(d), x = dates.length === 1 ? L + inner / 2 : L + (ms[k] - lo) / span * (inner - bw) + bw / 2;
      var y = H - B, unitH = (H - B - T) / maxN;
      [[r.f, POL_COLORS[-1]], [r.o, POL_COLORS[0]], [r.c, POL_COLORS[1]]].forEach(function (seg) {
        if (!seg[0]) return;
        var h = seg[0] * unitH;
        var rect = mk("rect", { x: (x - bw / 2).toFixed(1), y: (y - h).toFixed(1), width: bw.toFixed(1), height: h.toFixed(1), fill: seg[1] });
        var tt = document.createElementNS(NS, "title");
        tt.textContent = d + ": " + (r.c + r.f + r.o) + " events (" + r.c + " cooperative, " + r.f + " conflictual)";
        rect.appendChild(tt);
        y -= h;
      });
    });
    var a = mk("text", { x: L, y: H - 5 }); a.textContent = dates[0];
    if (dates.length > 1) { var b = mk("text", { x: W - R, y: H - 5, "text-anchor": "end" }); b.textContent = dates[dates.length - 1]; }
    var m = mk("text", { x: L - 4, y: T + 8, "text-anchor": "end" }); m.textContent = String(maxN);
    return svg;
  }

  function showPairPanel(a, b) {
    var p = view.pairs.get(a * nN + b);
    clear(panel);
    add(panel, el("h2", null, NODES.name[a] + " \u2014 " + NODES.name[b]));
    var meta = el("div", "gk-meta"), badge = el("span", "gk-badge");
    add(badge, dot(POL_COLORS[p.sign]), el("span", null, p.sign > 0 ? "cooperative" : (p.sign < 0 ? "conflictual" : "mixed / neutral")));
    add(meta, el("span", null, NODES.id[a] + " \u2014 " + NODES.id[b]), badge);
    if (p.first) meta.appendChild(el("span", null, p.first === p.last ? p.first : p.first + " \u2013 " + p.last));
    panel.appendChild(meta);
    kv(panel, [["Events", fmt(p.events)], ["Cooperative", fmt(p.coop)], ["Conflictual", fmt(p.conf)],
               ["Negated", fmt(p.neg)], [NODES.id[a] + " \u2192 " + NODES.id[b], fmt(p.ab ? p.ab.events : 0)], [NODES.id[b] + " \u2192 " + NODES.id[a], fmt(p.ba ? p.ba.events : 0)]]);
    if (p.issues.size) {
      var chips = el("div", "gk-chips");
      Array.from(p.issues).sort().forEach(function (x) { chips.appendChild(el("span", "gk-badge", x)); });
      panel.appendChild(chips);
    }
    var evs = pairEvents(a, b);
    panel.appendChild(el("h3", null, "Timeline"));
    panel.appendChild(timeline(evs));
    var cats = new Map();
    evs.forEach(function (e) { if (EV.cat[e] >= 0) cats.set(EV.cat[e], (cats.get(EV.cat[e]) || 0) + EV.n[e]); });
    if (cats.size) {
      var chips2 = el("div", "gk-chips");
      Array.from(cats.entries()).sort(function (x, y) { return (y[1] - x[1]) || (x[0] - y[0]); }).forEach(function (c) { chips2.appendChild(el("span", "gk-badge", CATS[c[0]] + " " + c[1])); });
      panel.appendChild(chips2);
    }
    panel.appendChild(el("h3", null, "Evidence (" + fmt(eventCount(evs)) + ")"));
    eventList(panel, evs, 30);
  }

  // ------------------------------------------------------------------ tooltip
  var tip = document.getElementById("gk-tooltip");
  var stage = document.getElementById("gk-stage");
  function showTip(content, pointer) {
    clear(tip);
    tip.appendChild(content);
    tip.hidden = false;
    var W = stage.clientWidth, H = stage.clientHeight, w = tip.offsetWidth, h = tip.offsetHeight;
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + w > W - 6) x = Math.max(6, pointer.x - w - 14);
    if (y + h > H - 6) y = Math.max(6, pointer.y - h - 14);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  function edgeTip(id) {
    var parts = String(id).split("-"), a = +parts[0], b = +parts[1];
    var p = view.pairs.get(a * nN + b);
    var box = el("div");
    if (!p) return box;
    add(box, el("h3", null, NODES.name[a] + " \u2014 " + NODES.name[b]));
    box.appendChild(el("div", null, fmt(p.events) + " events \u00b7 " + fmt(p.coop) + " cooperative \u00b7 " + fmt(p.conf) + " conflictual" + (p.neg ? " \u00b7 " + fmt(p.neg) + " negated" : "")));
    box.appendChild(el("div", "gk-muted", NODES.name[a] + " \u2192 " + NODES.name[b] + ": " + fmt(p.ab ? p.ab.events : 0) + " \u00b7 " + NODES.name[b] + " \u2192 " + NODES.name[a] + ": " + fmt(p.ba ? p.ba.events : 0)));
    if (p.first) box.appendChild(el("div", "gk-muted", p.first === p.last ? p.first : p.first + " \u2013 " + p.last));
    if (p.issues.size) box.appendChild(el("div", "gk-muted", "Issues: " + Array.from(p.issues).sort().join(", ")));
    var evs = pairEvents(a, b).filter(function (e) { return EV.text[e]; }).slice(0, 3);
    evs.forEach(function (e) {
      var d = el("div", "gk-ev");
      d.style.borderLeftColor = EV.neg[e] ? POL_COLORS[0] : POL_COLORS[signOf(EV.pol[e])];
      add(d, el("div", "gk-muted", (EV.date[e] || "undated") + " \u00b7 " + (EV.cat[e] >= 0 ? CATS[EV.cat[e]] : "?") + (EV.neg[e] ? " (negated)" : "")), sentence(EV.text[e], EV.marks[e], 220));
      box.appendChild(d);
    });
    box.appendChild(el("div", "gk-muted", "Click for the timeline and all evidence"));
    return box;
  }
  function nodeTip(id) {
    var u = idIndex.get(id), box = el("div");
    add(box, el("h3", null, NODES.name[u]));
    box.appendChild(el("div", "gk-muted", NODES.id[u] + " \u00b7 " + (KIND_LABELS[NODES.kind[u]] || NODES.kind[u])));
    box.appendChild(el("div", null, fmt(view.act[u]) + " events"));
    return box;
  }

  // ------------------------------------------------------------------ search
  var searchIndex = [];
  (function buildIndex() {
    var seen = new Set();
    var push = function (text, i, via) {
      if (!text) return;
      var key = text.toLowerCase() + "\u0000" + i;
      if (seen.has(key)) return;
      seen.add(key);
      searchIndex.push({ key: text.toLowerCase(), text: text, i: i, via: via });
    };
    for (var i = 0; i < nN; i++) {
      push(NODES.name[i], i, "name"); push(NODES.id[i], i, "id");
      NODES.aliases[i].forEach(function (a) { push(a, i, "alias"); });
    }
    for (var e = 0; e < nE; e++) {
      if (EV.sa[e]) push(EV.sa[e], EV.s[e], "official");
      if (EV.ta[e] && EV.t[e] >= 0) push(EV.ta[e], EV.t[e], "official");
    }
  })();
  function matches(q, limit) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var best = new Map();
    searchIndex.forEach(function (s) {
      var pos = s.key.indexOf(q);
      if (pos < 0) return;
      var score = s.key === q ? 0 : (pos === 0 ? 1 : (/[\s\-(.,'"]/.test(s.key.charAt(pos - 1)) ? 2 : 3));
      var u = unit(s.i), old = best.get(u);
      if (!old || score < old.score || (score === old.score && s.i === u && old.i !== u)) best.set(u, { u: u, score: score, s: s });
    });
    return Array.from(best.values()).sort(function (x, y) {
      return (x.score - y.score) || ((NODES.activity[y.u] || 0) - (NODES.activity[x.u] || 0)) || (x.u - y.u);
    }).slice(0, limit || 8);
  }
  function search(q) {
    var m = matches(String(q || ""), 1);
    if (!m.length) return null;
    return selectUnit(m[0].u, { focus: true });
  }
  function buildSearch() {
    var input = document.getElementById("gk-search"), list = document.getElementById("gk-suggest");
    var current = [], active = 0;
    function close() { list.hidden = true; clear(list); current = []; }
    function choose(k) {
      var m = current[k];
      if (!m) return;
      close();
      input.value = NODES.name[m.u];
      selectUnit(m.u, { focus: true });
    }
    function paint() {
      clear(list);
      current.forEach(function (m, k) {
        var li = el("li");
        li.setAttribute("role", "option");
        if (k === active) li.className = "active";
        var own = NODES.name[m.s.i], label = m.s.via === "id" || m.s.via === "name" ? own : m.s.text;
        add(li, dot(kindColor(NODES.kind[m.s.i])), el("span", null, label));
        var hint = m.s.i === m.u ? NODES.id[m.u] : "\u2192 " + NODES.name[m.u];
        if (m.s.via !== "id" && m.s.via !== "name" && m.s.i === m.u) hint = own + " \u00b7 " + NODES.id[m.u];
        li.appendChild(el("span", "gk-hint", hint));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
        list.appendChild(li);
      });
      list.hidden = !current.length;
    }
    input.addEventListener("input", function () { current = matches(input.value, 8); active = 0; paint(); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { active = Math.min(active + 1, current.length - 1); paint(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); paint(); ev.preventDefault(); }
      else if (ev.key === "Enter") { if (!current.length) current = matches(input.value, 8); choose(active); ev.preventDefault(); }
      else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", close);
  }

  // ------------------------------------------------------------------ downloads
  function slug() { return (META.title || "graphkit").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "graphkit"; }
  function download(href, name) {
    var a = el("a");
    a.href = href; a.download = name; a.style.display = "none";
    document.body.appendChild(a); a.click(); a.remove();
  }
  function savePNG() {
    var canvas = document.querySelector("#gk-network canvas");
    download(canvas.toDataURL("image/png"), slug() + ".png");
  }
  function csvCell(v) {
    var s = String(v === null || v === undefined ? "" : v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }
  function csvText() {
    var rows = [["source", "target", "source_name", "target_name", "events", "cooperative", "conflictual", "negated", "sum_intensity", "sign", "first_date", "last_date", "issues"]];
    view.visible.forEach(function (p) {
      [p.ab, p.ba].forEach(function (d) {
        if (!d) return;
        rows.push([NODES.id[d.s], NODES.id[d.t], NODES.name[d.s], NODES.name[d.t], d.events, d.coop, d.conf, d.neg,
                   Math.round(d.sum * 1000) / 1000, signOf(Math.round(d.sum * 1000)) || signOf(d.signed), d.first, d.last, Array.from(d.issues).sort().join(";")]);
      });
    });
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function downloadCSV() {
    var url = URL.createObjectURL(new Blob([csvText()], { type: "text/csv;charset=utf-8" }));
    download(url, slug() + "-relations.csv");
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ------------------------------------------------------------------ start
  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyMs = Math.round(performance.now());
    timings.ready = api.readyMs;
    api.timings = timings;
    document.getElementById("gk-loading").classList.add("done");
    document.documentElement.dataset.ready = "true";
  }

  function start() {
    renderHeader();
    render();
    timings.computed = Math.round(performance.now());
    buildFilters();
    buildSearch();
    var big = edgesDS.length > 4000 || nodesDS.length > 1500;
    var options = {
      autoResize: true,
      layout: { randomSeed: META.seed, improvedLayout: PHYSICS && nodesDS.length <= 100 },
      nodes: { shape: "dot", font: { face: "system-ui, -apple-system, Segoe UI, Roboto, Liberation Sans, DejaVu Sans, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
               scaling: { label: { drawThreshold: 7 } } },
      edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.8 },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false, navigationButtons: false, keyboard: false },
      physics: PHYSICS ? {
        enabled: true, solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.012, springLength: 110, springConstant: 0.08, damping: 0.5, avoidOverlap: 0.2 },
        minVelocity: 1, maxVelocity: 60,
        stabilization: { enabled: true, iterations: META.stabilization_iterations, updateInterval: 25, fit: true }
      } : { enabled: false }
    };
    var loading = document.getElementById("gk-loading-text"), bar = document.getElementById("gk-bar-fill");
    loading.textContent = PHYSICS ? "Laying out " + fmt(nodesDS.length) + " parties" : "Drawing " + fmt(nodesDS.length) + " parties";
    network = new vis.Network(document.getElementById("gk-network"), { nodes: nodesDS, edges: edgesDS }, options);
    timings.network = Math.round(performance.now());
    timings.draws = 0;
    network.on("afterDrawing", function () { timings.draws += 1; });
    api.network = network;
    network.on("beforeDrawing", function (ctx) {
      ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
    });
    if (PHYSICS && nodesDS.length) {
      network.on("stabilizationProgress", function (p) { bar.style.width = Math.round(100 * p.iterations / p.total) + "%"; });
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.fit();
        network.once("afterDrawing", markReady);
        network.redraw();
      });
    } else {
      network.fit();
      network.once("afterDrawing", markReady);
      network.redraw();
      if (!nodesDS.length) markReady();
    }
    network.on("click", function (params) {
      hideTip();
      if (params.nodes.length) selectUnit(idIndex.get(params.nodes[0]));
      else if (params.edges.length) { var parts = String(params.edges[0]).split("-"); selectPair(+parts[0], +parts[1]); }
      else clearSelection();
    });
    network.on("hoverEdge", function (p) { showTip(edgeTip(p.edge), p.pointer.DOM); });
    network.on("hoverNode", function (p) { showTip(nodeTip(p.node), p.pointer.DOM); });
    network.on("blurEdge", hideTip);
    network.on("blurNode", hideTip);
    network.on("dragStart", hideTip);
    network.on("zoom", hideTip);
    document.getElementById("gk-fit").addEventListener("click", function () { network.fit({ animation: { duration: 350 } }); });
    document.getElementById("gk-png").addEventListener("click", savePNG);
    document.getElementById("gk-csv").addEventListener("click", downloadCSV);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && document.activeElement.id !== "gk-search") clearSelection(); });
    showOverview();

    api.data = DATA;
    api.search = search;
    api.matches = function (q) { return matches(q, 8).map(function (m) { return NODES.id[m.u]; }); };
    api.selectNode = function (id) { var i = idIndex.get(String(id)); return i === undefined ? null : selectUnit(i, { focus: true }); };
    api.selectEdge = function (from, to) {
      var a = idIndex.get(String(from)), b = idIndex.get(String(to));
      return a === undefined || b === undefined ? null : selectPair(a, b, { focus: true });
    };
    api.selected = function () { return selection ? (selection.type === "node" ? NODES.id[selection.u] : [NODES.id[selection.a], NODES.id[selection.b]]) : null; };
    api.setFilter = setFilter;
    api.resetFilters = resetFilters;
    api.clearSelection = clearSelection;
    api.csv = csvText;
    api.downloadCSV = downloadCSV;
    api.savePNG = savePNG;
    Object.defineProperty(api, "state", { get: function () { return state; } });
  }

  start();
})();
