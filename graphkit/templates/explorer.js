/* graphkit explorer. Every DOM node is built with createElement/textContent; no
   document text ever reaches innerHTML. The data is read from the JSON block. */
(function () {
  "use strict";

  var T0 = performance.now();
  var DATA = JSON.parse(document.getElementById("graphkit-data").textContent);
  var timings = { start: Math.round(T0), parsed: Math.round(performance.now()) };
  var META = DATA.meta, NODES = DATA.nodes, EV = DATA.events, DOCS = DATA.docs;
  var nN = NODES.id.length, nE = EV.id.length;
  EV.date = EV.di.map(function (d) { return d >= 0 ? META.dates[d] : ""; });
  var CATS = META.categories, MODS = META.modalities, STANCE = META.stance_category;
  var ASSERTED = MODS.indexOf("asserted");
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
  var PHYSICS = META.layout === "physics", GIVEN = META.layout === "given";
  var FONT = "system-ui, -apple-system, Segoe UI, Roboto, Liberation Sans, DejaVu Sans, sans-serif";
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
  function button(text, title, onClick, cls) {
    var b = el("button", cls || null, text);
    b.type = "button";
    if (title) b.title = title;
    if (onClick) b.addEventListener("click", onClick);
    return b;
  }
  function fmt(n) { return FMT.format(n); }
  function compact(n) { return n < 1000 ? String(n) : (n < 1e6 ? (n / 1000).toFixed(n < 1e4 ? 1 : 0) + "k" : (n / 1e6).toFixed(1) + "M"); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function dot(color) { var d = el("span", "gk-dot"); d.style.background = color; return d; }
  function kindColor(k) { return KIND_COLORS[k] || KIND_COLORS.unknown; }
  function signOf(x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }
  function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : (many || one + "s")); }
  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function catLabel(c) { return c === STANCE ? "Stance" : CATS[c].charAt(0) + CATS[c].slice(1).toLowerCase(); }
  function safeHref(url) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return null;
    try {
      var u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") && u.host ? u.href : null;
    } catch (err) { return null; }
  }

  // ------------------------------------------------------------------ state
  function range(n) { var s = new Set(); for (var k = 0; k < n; k++) s.add(k); return s; }
  var lastDate = Math.max(0, META.dates.length - 1);
  function defaults() {
    return {
      cats: range(CATS.length), polarity: "all", issue: "", dateLo: 0, dateHi: lastDate,
      minEvents: 1, kinds: new Set(META.kinds), collapse: true,
      mods: ASSERTED >= 0 ? new Set([ASSERTED]) : range(MODS.length)
    };
  }
  var state = defaults();
  var pinned = new Set();
  var focus = -1;               // the party whose neighbours alone are shown, or -1
  var selection = null;         // {type: "node", u} | {type: "pair", a, b}
  var view = null;              // result of compute()
  var nodesDS, edgesDS, network;
  var baseNode = new Map(), baseEdge = new Map(), dimmed = new Map(), dimmedEdges = new Map();
  var api = { ready: false };
  window.graphkit = api;

  function unit(i) { return state.collapse && NODES.party[i] >= 0 ? NODES.party[i] : i; }
  function allModalities() { return state.mods.size === MODS.length; }
  function otherEventFilters() {
    return state.cats.size !== CATS.length || state.polarity !== "all" || state.issue !== "" ||
      state.dateLo > 0 || state.dateHi < lastDate;
  }
  function anyFilterActive() {
    return otherEventFilters() || !allModalities() || state.minEvents > 1 || state.kinds.size !== META.kinds.length;
  }
  // skip: "cat" or "mod" leaves that filter out (for the counts shown next to its boxes)
  function passEvent(e, skip) {
    if (skip !== "cat") {
      var c = EV.cat[e];
      if (c >= 0 ? !state.cats.has(c) : state.cats.size !== CATS.length) return false;
    }
    if (skip !== "mod" && !state.mods.has(EV.mc[e])) return false;
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
  function addIssues(agg, text) {
    if (!text) return;
    var parts = text.split(";");
    for (var k = 0; k < parts.length; k++) if (parts[k]) agg.issues.add(parts[k]);
  }

  // Every count on the page comes from here: events under the filters, a party's
  // events counted once each (as report.md and actors.csv count them), relations
  // per pair of drawn parties. Stances on agreements count for the agreement only.
  function compute() {
    var dir = new Map(), act = new Float64Array(nN), total = 0, k, s, t, key, agg;
    for (k = 0; k < nE; k++) {
      if (!passEvent(k)) continue;
      var w = EV.n[k], stance = EV.cat[k] === STANCE;
      s = unit(EV.s[k]);
      if (!stance) { act[s] += w; total += w; }
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
        agg.sum += EV.int[k] * w; agg.signed += EV.pol[k] * w;
      }
      var d = EV.date[k];
      if (d) { if (!agg.first || d < agg.first) agg.first = d; if (!agg.last || d > agg.last) agg.last = d; }
      addIssues(agg, EV.issue[k]);
    }
    var pairs = new Map();
    dir.forEach(function (d) {
      var a = Math.min(d.s, d.t), b = Math.max(d.s, d.t), pk = a * nN + b;
      var p = pairs.get(pk);
      if (!p) { p = newAgg(a, b); p.a = a; p.b = b; p.ab = null; p.ba = null; pairs.set(pk, p); }
      if (d.s === a) p.ab = d; else p.ba = d;
      p.events += d.events; p.coop += d.coop; p.conf += d.conf; p.neg += d.neg; p.sum += d.sum; p.signed += d.signed;
      if (d.first && (!p.first || d.first < p.first)) p.first = d.first;
      if (d.last && (!p.last || d.last > p.last)) p.last = d.last;
      d.issues.forEach(function (x) { p.issues.add(x); });
    });
    var kindOK = function (u) { return state.kinds.has(NODES.kind[u]); };
    var candPairs = [], cand = new Set();
    pairs.forEach(function (p) {
      // the sign of the summed intensity; rows without intensities (stances) keep their polarity
      p.sign = signOf(Math.round(p.sum * 1000)) || signOf(p.signed);
      if (p.events >= state.minEvents && kindOK(p.a) && kindOK(p.b)) {
        candPairs.push(p); cand.add(p.a); cand.add(p.b);
      }
    });
    if (!anyFilterActive()) {
      for (k = 0; k < nN; k++) if (unit(k) === k && act[k] > 0 && kindOK(k)) cand.add(k);
    }
    var byAct = function (x, y) { return (act[y] - act[x]) || (x - y); };
    var shown;
    if (focus >= 0) {
      shown = new Set([focus]);
      candPairs.forEach(function (p) { if (p.a === focus) shown.add(p.b); else if (p.b === focus) shown.add(p.a); });
    } else {
      var ranked = Array.from(cand).sort(byAct);
      shown = new Set(ranked.slice(0, META.max_nodes));
      pinned.forEach(function (u) { if (unit(u) === u && kindOK(u)) shown.add(u); });
    }
    var visible = candPairs.filter(function (p) { return shown.has(p.a) && shown.has(p.b); });
    visible.sort(function (x, y) { return (x.a - y.a) || (x.b - y.b); });
    var maxEv = 1, maxAct = 1;
    visible.forEach(function (p) { if (p.events > maxEv) maxEv = p.events; });
    shown.forEach(function (u) { if (act[u] > maxAct) maxAct = act[u]; });
    return { pairs: pairs, act: act, shown: shown, visible: visible, candidates: cand, total: total,
             order: Array.from(shown).sort(byAct), maxEv: maxEv, maxAct: maxAct,
             truncated: focus < 0 && cand.size > META.max_nodes };
  }

  // ------------------------------------------------------------------ layout
  // Python gives every party a base position (render.py). Here the parties the
  // filters leave are fitted to the window after every change: concentric rings
  // around the hub of a star-shaped view (or around a party whose neighbours alone
  // are shown), the base positions snapped onto a hexagonal lattice otherwise; small
  // components and isolated parties in columns beside the main component. Two node
  // centres are never closer than 0.9 S (S >= MIN_SPACING px at zoom 1), two discs never
  // closer than GAP, and no radius exceeds 0.6 S, so no centre lies inside another
  // node's square hit box (0.6 S * sqrt 2 < 0.9 S): a click at a node's centre selects
  // that node, whatever order vis-network tests them in.
  var GAP = 6, MIN_SPACING = 30, MAX_SPACING = 150, FILL = 0.5, STAR_SHARE = 0.5;
  var GOLDEN = 0.6180339887;
  var layoutInfo = {};

  function clamp(x, lo, hi) { return Math.max(lo, Math.min(hi, x)); }
  function stageBox() {
    var n = document.getElementById("gk-network");
    return { w: Math.max(n.clientWidth, 240), h: Math.max(n.clientHeight, 240) };
  }
  function spacingFor(count, box) {
    return clamp(Math.sqrt(box.w * box.h * FILL / (0.866 * Math.max(count, 1))), MIN_SPACING, MAX_SPACING);
  }
  function nodeRadii(v, S) {
    var rmax = Math.min(30, 0.6 * S), rmin = Math.min(7, 0.2 * S), r = new Map();
    v.shown.forEach(function (u) { r.set(u, rmin + (rmax - rmin) * Math.sqrt(v.act[u] / v.maxAct)); });
    return r;
  }
  function components(v) {
    var parent = new Map();
    v.shown.forEach(function (u) { parent.set(u, u); });
    var find = function (x) {
      while (parent.get(x) !== x) { var up = parent.get(parent.get(x)); parent.set(x, up); x = up; }
      return x;
    };
    v.visible.forEach(function (p) { var a = find(p.a), b = find(p.b); if (a !== b) parent.set(a, b); });
    var groups = new Map();
    v.order.forEach(function (u) {
      var root = find(u);
      if (!groups.has(root)) groups.set(root, []);
      groups.get(root).push(u);
    });
    return Array.from(groups.values());      // members and groups in order of activity
  }
  function starHub(v, members) {
    var hub = members[0], total = 0, touching = 0;
    v.visible.forEach(function (p) { total += p.events; if (p.a === hub || p.b === hub) touching += p.events; });
    return members.length >= 6 && total > 0 && touching / total >= STAR_SHARE ? hub : -1;
  }
  // Communities as sectors when they split the parties, else regions, else kinds.
  function sectorKey(members) {
    var splits = function (key) {
      var c = new Map(), top = 0;
      members.forEach(function (u) { var k = key(u); c.set(k, (c.get(k) || 0) + 1); top = Math.max(top, c.get(k)); });
      return c.size > 1 && top <= 0.8 * members.length;
    };
    var byComm = function (u) { return NODES.community[u] === null ? "" : "c" + NODES.community[u]; };
    var byRegion = function (u) { return NODES.region[u] || "~" + NODES.kind[u]; };
    if (META.has.community && splits(byComm)) return byComm;
    if (splits(byRegion)) return byRegion;
    return function (u) { return NODES.kind[u]; };
  }
  // Preferred angle of each member: a sector per group (larger groups first, arcs in
  // proportion to their size), members spread over their sector in order of priority.
  function sectorAngles(members, key, groupOrder) {
    var groups = new Map();
    members.forEach(function (u) { var g = key(u); if (!groups.has(g)) groups.set(g, []); groups.get(g).push(u); });
    var names = Array.from(groups.keys());
    names.sort(groupOrder || function (a, b) { return (groups.get(b).length - groups.get(a).length) || (a < b ? -1 : a > b ? 1 : 0); });
    var angle = new Map(), start = 0, n = Math.max(members.length, 1);
    names.forEach(function (g) {
      var list = groups.get(g), width = 2 * Math.PI * list.length / n;
      list.forEach(function (u, k) { angle.set(u, start + width * (((k + 0.5) * GOLDEN) % 1)); });
      start += width;
    });
    return angle;
  }
  // Rings around `center`: the first members (by priority) on the inner rings, each
  // ring as full as node sizes allow, members around a ring in the order of their
  // preferred angles, with the ring's free arc shared out where those angles leave gaps.
  function radial(center, others, S, r, pref) {
    var pos = new Map(), need = function (u) { return Math.max(S, 2 * r.get(u) + GAP); };
    pos.set(center, { x: 0, y: 0 });
    var R = 0, prevMax = r.get(center), k = 0;
    while (k < others.length) {
      var first = r.get(others[k]);
      R = R === 0 ? Math.max(S, prevMax + first + GAP) : R + Math.max(0.9 * S, prevMax + first + GAP);
      var budget = 2 * Math.PI * R * 0.97, used = 0, ring = [], ringMax = 0;
      while (k < others.length) {
        var nd = need(others[k]);
        if (ring.length && used + nd > budget) break;
        used += nd; ring.push(others[k]); ringMax = Math.max(ringMax, r.get(others[k])); k++;
      }
      ring.sort(function (a, b) { return (pref.get(a) - pref.get(b)) || (a - b); });
      var slack = Math.max(0, 2 * Math.PI - used / R), theta = pref.get(ring[0]);
      for (var i = 0; i < ring.length; i++) {
        if (i > 0) theta += (need(ring[i - 1]) + need(ring[i])) / 2 / R + slack * (pref.get(ring[i]) - pref.get(ring[i - 1])) / (2 * Math.PI);
        pos.set(ring[i], { x: R * Math.cos(theta - Math.PI / 2), y: R * Math.sin(theta - Math.PI / 2) });
      }
      prevMax = ringMax;
    }
    return pos;
  }
  // A hexagonal lattice of spacing S; place() takes the free lattice point nearest to a
  // target whose disc keeps GAP from every disc placed before.
  // cells and lattice points are keyed by one small integer: (i + 2^14) * 2^15 + (j + 2^14)
  function cellKey(i, j) { return (i + 16384) * 32768 + (j + 16384); }
  function Packer(S) { this.S = S; this.H = S * Math.sqrt(3) / 2; this.used = new Set(); this.grid = new Map(); this.maxR = 0; }
  Packer.prototype.fits = function (x, y, rad) {
    var cs = this.S, q = Math.ceil((rad + this.maxR + GAP) / cs), gx = Math.floor(x / cs), gy = Math.floor(y / cs);
    for (var i = gx - q; i <= gx + q; i++) {
      for (var j = gy - q; j <= gy + q; j++) {
        var cell = this.grid.get(cellKey(i, j));
        if (!cell) continue;
        for (var k = 0; k < cell.length; k++) {
          var o = cell[k], dx = o.x - x, dy = o.y - y, d = rad + o.r + GAP;
          if (dx * dx + dy * dy < d * d) return false;
        }
      }
    }
    return true;
  };
  Packer.prototype.place = function (tx, ty, rad) {
    var S = this.S, H = this.H, j0 = Math.round(ty / H), i0 = Math.round(tx / S - (j0 & 1) / 2);
    var best = null, bestD = Infinity, self = this;
    var probe = function (i, j) {
      var key = cellKey(i, j);
      if (self.used.has(key)) return;
      var x = S * (i + (j & 1) / 2), y = H * j, d = (x - tx) * (x - tx) + (y - ty) * (y - ty);
      if (d < bestD && self.fits(x, y, rad)) { best = { x: x, y: y, key: key }; bestD = d; }
    };
    for (var q = 0; q < 1000; q++) {
      if (q === 0) probe(i0, j0);
      for (var a = -q; a <= q && q > 0; a++) { probe(i0 + a, j0 - q); probe(i0 + a, j0 + q); }
      for (var b = -q + 1; b <= q - 1; b++) { probe(i0 - q, j0 + b); probe(i0 + q, j0 + b); }
      if (best && Math.sqrt(bestD) <= (q + 0.5) * H) break;
    }
    this.used.add(best.key);
    var g = cellKey(Math.floor(best.x / S), Math.floor(best.y / S));
    if (!this.grid.has(g)) this.grid.set(g, []);
    this.grid.get(g).push({ x: best.x, y: best.y, r: rad });
    this.maxR = Math.max(this.maxR, rad);
    return { x: best.x, y: best.y };
  };
  // Each coordinate blended with its rank among the members': the order of the base
  // drawing is kept, its dense core spread out, so the lattice search stays local.
  function evened(values) {
    var n = values.length, order = values.map(function (v, k) { return k; });
    order.sort(function (a, b) { return (values[a] - values[b]) || (a - b); });
    var lo = values[order[0]], span = Math.max(values[order[n - 1]] - lo, 1e-9), out = new Array(n);
    order.forEach(function (k, rank) { out[k] = 0.4 * (values[k] - lo) / span + 0.6 * (n > 1 ? rank / (n - 1) : 0.5); });
    return out;
  }
  // Base positions of `members` evened out and stretched over a box of the right area
  // and aspect, then snapped onto the lattice, most active parties first.
  function snap(members, S, r, aspect) {
    var pos = new Map(), xs = [], ys = [];
    members.forEach(function (u) { xs.push(NODES.x[u] || 0); ys.push(NODES.y[u] || 0); });
    xs = evened(xs); ys = evened(ys);
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var area = members.length * 0.866 * S * S / 0.75, W = Math.sqrt(area * aspect), H = area / W;
    var sx = W / Math.max(maxX - minX, 1e-9), sy = H / Math.max(maxY - minY, 1e-9);
    sx = Math.min(sx, 2 * sy); sy = Math.min(sy, 2 * sx);
    var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, packer = new Packer(S);
    members.forEach(function (u, k) { pos.set(u, packer.place((xs[k] - cx) * sx, (ys[k] - cy) * sy, r.get(u))); });
    return pos;
  }
  function extent(pos, r, members) {
    var e = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    members.forEach(function (u) {
      var p = pos.get(u), rad = r.get(u);
      e.x0 = Math.min(e.x0, p.x - rad); e.x1 = Math.max(e.x1, p.x + rad);
      e.y0 = Math.min(e.y0, p.y - rad); e.y1 = Math.max(e.y1, p.y + rad);
    });
    return e;
  }
  // Small components (each as rings around its most active party) and isolated parties
  // in columns of height `height` from (left, top).
  function packAside(groups, S, r, left, top, height, pos) {
    var items = groups.map(function (g) {
      var local = radial(g[0], g.slice(1), S, r, sectorAngles(g.slice(1), function () { return ""; }));
      var rho = 0;
      local.forEach(function (p, u) { rho = Math.max(rho, Math.sqrt(p.x * p.x + p.y * p.y) + r.get(u)); });
      return { local: local, rho: rho, h: Math.max(2 * rho + GAP, S), w: Math.max(2 * rho + GAP, S) };
    });
    var cols = [], col = null;
    items.forEach(function (it) {
      if (!col || (col.h > 0 && col.h + it.h > height)) { col = { items: [], h: 0, w: 0 }; cols.push(col); }
      col.items.push(it); col.h += it.h; col.w = Math.max(col.w, it.w);
    });
    var x = left;
    cols.forEach(function (c) {
      var y = top;
      c.items.forEach(function (it) {
        var cx = x + c.w / 2, cy = y + it.h / 2;
        it.local.forEach(function (p, u) { pos.set(u, { x: cx + p.x, y: cy + p.y }); });
        y += it.h;
      });
      x += c.w;
    });
  }
  function layout(v) {
    var box = stageBox(), S = spacingFor(v.shown.size, box), r = nodeRadii(v, S), pos = new Map();
    var info = { spacing: Math.round(S * 10) / 10, mode: GIVEN ? "given" : "lattice", hub: null };
    if (!v.shown.size) return { pos: pos, r: r, info: info };
    if (GIVEN) {
      v.shown.forEach(function (u) { pos.set(u, { x: NODES.x[u], y: NODES.y[u] }); });
      return { pos: pos, r: r, info: info };
    }
    var comps = components(v), main = comps[0];
    comps.forEach(function (c) { if (c.length > main.length || (focus >= 0 && c.indexOf(focus) >= 0)) main = c; });
    if (focus >= 0 && main.indexOf(focus) < 0) main = [focus];
    var rest = comps.filter(function (c) { return c !== main; });
    rest.sort(function (a, b) { return (b.length - a.length) || (v.act[b[0]] - v.act[a[0]]) || (a[0] - b[0]); });
    var restCount = 0;
    rest.forEach(function (c) { restCount += c.length; });
    var hub = focus >= 0 ? focus : starHub(v, main);
    if (hub >= 0) {
      var others = main.filter(function (u) { return u !== hub; }), pref;
      if (focus >= 0) {
        var rel = new Map();
        v.visible.forEach(function (p) { if (p.a === hub || p.b === hub) rel.set(p.a === hub ? p.b : p.a, p); });
        others.sort(function (a, b) { return (rel.get(b).events - rel.get(a).events) || (v.act[b] - v.act[a]) || (a - b); });
        var sideOf = function (u) { var p = rel.get(u); return p.coop > p.conf ? "a" : (p.conf > p.coop ? "c" : "b"); };
        pref = sectorAngles(others, sideOf, function (a, b) { return a < b ? -1 : 1; });
        info.mode = "neighbours";
      } else {
        pref = sectorAngles(others, sectorKey(others));
        info.mode = "rings";
      }
      pos = radial(hub, others, S, r, pref);
      info.hub = NODES.id[hub];
    } else {
      var sideW = restCount * S * S / (0.9 * box.h);
      pos = snap(main, S, r, clamp((box.w - sideW) / box.h, 0.5, 3));
    }
    if (rest.length) {
      var e = extent(pos, r, main), side = 0;
      rest.forEach(function (c) { side += c.length * S * S * 1.2; });
      var height = Math.max(e.y1 - e.y0, Math.sqrt(side));
      packAside(rest, S, r, e.x1 + S, (e.y0 + e.y1) / 2 - height / 2, height, pos);
    }
    info.components = comps.length;
    return { pos: pos, r: r, info: info };
  }

  // ------------------------------------------------------------------ vis items
  // vis-network ids are the integer node indexes, never party ids: vis keeps items
  // in plain objects, where a party called "constructor" or "__proto__" would
  // collide with Object.prototype (issue 19).
  function edgeId(a, b) { return a + "-" + b; }
  var POL_RGB = { 1: "46,157,79", "-1": "214,69,65", 0: "163,170,181" };
  // edges fade as they multiply, so that nodes and labels stay readable
  function edgeColor(sign, count) { return "rgba(" + POL_RGB[sign] + "," + (count > 1500 ? 0.3 : (count > 400 ? 0.45 : 0.75)) + ")"; }
  function nodeItem(u, p, rad, v) {
    var c = kindColor(NODES.kind[u]);
    return {
      id: u, gk: u, kind: NODES.kind[u], activity: v.act[u], x: p.x, y: p.y,
      size: Math.round(rad * 10) / 10,
      color: { background: c, border: "#ffffff", highlight: { background: c, border: "#1f2933" }, hover: { background: c, border: "#1f2933" } },
      borderWidth: 1.5, borderWidthSelected: 3
    };
  }
  function edgeItem(p, v) {
    // Few, flat options per edge: vis-network merges every per-item option object,
    // which dominates start-up with tens of thousands of edges.
    var w = 1 + (v.visible.length > 400 ? 4 : 7) * Math.log(1 + p.events) / Math.log(1 + Math.max(v.maxEv, 12));
    var item = {
      id: edgeId(p.a, p.b), from: p.a, to: p.b,
      width: Math.round(w * 10) / 10, color: edgeColor(p.sign, v.visible.length), sign: p.sign, events: p.events,
      cooperative: p.coop, conflictual: p.conf, negated: p.neg, first_date: p.first, last_date: p.last
    };
    item.arrows = v.visible.length <= 3000 && !(p.ab && p.ba) ? (p.ab ? "to" : "from") : "";
    return item;
  }

  // A new layout and a fit after every change of what is drawn.
  function render() {
    view = compute();
    var v = view, L = layout(v);
    layoutInfo = L.info;
    var nodeItems = [], edgeItems = [];
    baseNode.clear(); baseEdge.clear(); dimmed.clear(); dimmedEdges.clear();
    v.order.forEach(function (u) {
      var it = nodeItem(u, L.pos.get(u), L.r.get(u), v);
      baseNode.set(it.id, it.color);
      nodeItems.push(it);
    });
    v.visible.forEach(function (p) {
      var it = edgeItem(p, v);
      baseEdge.set(it.id, it.color);
      edgeItems.push(it);
    });
    if (!nodesDS) {
      nodesDS = new vis.DataSet(nodeItems);
      edgesDS = new vis.DataSet(edgeItems);
    } else {
      edgesDS.clear(); nodesDS.clear();
      nodesDS.add(nodeItems); edgesDS.add(edgeItems);
    }
    api.nodes = nodesDS; api.edges = edgesDS; api.view = v; api.layout = layoutInfo;
    renderStatus();
    renderFocusBar();
    updateFacets();
    if (network) {
      settle();
      if (selection) reselect(); else { refreshLabels(); showOverview(); }
    }
  }
  // Fit the drawing to the window; with physics, let vis-network settle it first.
  function settle(done) {
    if (PHYSICS && nodesDS.length) {
      network.setOptions({ physics: { enabled: true } });
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.fit();
        if (done) done();
      });
      network.stabilize(META.stabilization_iterations);
    } else {
      network.fit();
      if (done) done();
    }
  }

  // ------------------------------------------------------------------ labels
  // Labels are drawn here, not by vis-network: largest parties first, each only where
  // it overlaps no other label or node at the current zoom (zooming in shows more);
  // the hovered and selected parties always.
  var LABEL_MAX = 3000, LABEL_LEAD = 25;     // the LEAD largest may cover smaller nodes
  var widthCache = new Map(), measure = document.createElement("canvas").getContext("2d");
  var labelOrder = [], hoverId = null;
  function labelText(u) { var n = NODES.name[u]; return n.length > 30 ? n.slice(0, 29).trimEnd() + "\u2026" : n; }
  function textWidth(s) {
    var w = widthCache.get(s);
    if (w === undefined) { measure.font = "12px " + FONT; w = measure.measureText(s).width; widthCache.set(s, w); }
    return w;
  }
  function forcedLabel(id) {
    if (id === hoverId) return true;
    if (!selection) return false;
    return selection.type === "node" ? selection.u === id : (selection.a === id || selection.b === id);
  }
  function refreshLabels() {
    var ids = nodesDS.getIds(), lit = [], dim = [];
    ids.forEach(function (id) { (dimmed.get(id) ? dim : lit).push(id); });
    labelOrder = lit.concat(dim).slice(0, LABEL_MAX);
    if (network) network.redraw();
  }
  function drawLabels(ctx) {
    var scale = network.getScale(), inv = 1 / scale, body = network.body.nodes;
    var cv = ctx.canvas, tl = network.DOMtoCanvas({ x: 0, y: 0 }), br = network.DOMtoCanvas({ x: cv.clientWidth, y: cv.clientHeight });
    var cell = 64 * inv, grid = new Map();
    var keyOf = function (i, j) { return i + "," + j; };
    var insert = function (b) {
      for (var i = Math.floor(b.x0 / cell); i <= Math.floor(b.x1 / cell); i++)
        for (var j = Math.floor(b.y0 / cell); j <= Math.floor(b.y1 / cell); j++) {
          var k = keyOf(i, j);
          if (!grid.has(k)) grid.set(k, []);
          grid.get(k).push(b);
        }
    };
    // a label may not cover another label, nor the disc of a larger node; a label of
    // one of the LEAD largest nodes may cover the discs of smaller ones
    var hits = function (b) {
      for (var i = Math.floor(b.x0 / cell); i <= Math.floor(b.x1 / cell); i++)
        for (var j = Math.floor(b.y0 / cell); j <= Math.floor(b.y1 / cell); j++) {
          var list = grid.get(keyOf(i, j));
          if (!list) continue;
          for (var k = 0; k < list.length; k++) {
            var o = list[k];
            if (o.id === b.id || (o.disc && o.rank > b.rank && b.rank < LABEL_LEAD)) continue;
            if (o.x0 < b.x1 && o.x1 > b.x0 && o.y0 < b.y1 && o.y1 > b.y0) return true;
          }
        }
      return false;
    };
    var margin = 150 * inv, drawn = [];
    labelOrder.forEach(function (id) {
      var n = body[id];
      if (!n || n.x < tl.x - margin || n.x > br.x + margin || n.y < tl.y - margin || n.y > br.y + margin) return;
      var rad = n.options.size * 0.7;       // a label may graze a disc's rim
      insert({ x0: n.x - rad, y0: n.y - rad, x1: n.x + rad, y1: n.y + rad, id: id, rank: drawn.length, disc: true });
      drawn.push(id);
    });
    ctx.save();
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    var forced = [];
    drawn.forEach(function (id) { if (forcedLabel(id)) forced.push(id); });
    var rank = new Map();
    drawn.forEach(function (id, k) { rank.set(id, k); });
    forced.concat(drawn).forEach(function (id, k) {
      if (k >= forced.length && forcedLabel(id)) return;
      var n = body[id], text = labelText(id), px = n.options.size * scale >= 14 ? 13 : 11.5;
      var w = textWidth(text) * px / 12 * inv, h = px * 1.2 * inv, top = n.y + n.options.size + inv;
      var b = { x0: n.x - w / 2 - inv, y0: top, x1: n.x + w / 2 + inv, y1: top + h, id: id, rank: rank.get(id) };
      if (k >= forced.length && hits(b)) {          // below the node, else above it
        top = n.y - n.options.size - inv - h;
        b.y0 = top; b.y1 = top + h;
        if (hits(b)) return;
      }
      insert(b);
      ctx.font = (px * inv) + "px " + FONT;
      ctx.lineWidth = 3 * inv; ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(text, n.x, top);
      ctx.fillStyle = dimmed.get(id) ? "#aab2bc" : "#1f2933";
      ctx.fillText(text, n.x, top);
    });
    ctx.restore();
  }

  // ------------------------------------------------------------------ highlight
  function highlight(nodeSet, edgeSet) {
    var nUpd = [], eUpd = [];
    nodesDS.forEach(function (n) {
      var dim = !!nodeSet && !nodeSet.has(n.id);
      if ((dimmed.get(n.id) || false) === dim) return;
      dimmed.set(n.id, dim);
      nUpd.push(dim ? { id: n.id, color: { background: FADED.background, border: FADED.border } } : { id: n.id, color: baseNode.get(n.id) });
    });
    if (edgesDS.length <= 8000) {
      edgesDS.forEach(function (e) {
        var dim = !!edgeSet && !edgeSet.has(e.id);
        if ((dimmedEdges.get(e.id) || false) === dim) return;
        dimmedEdges.set(e.id, dim);
        eUpd.push({ id: e.id, color: dim ? "rgba(205,211,218,0.45)" : baseEdge.get(e.id) });
      });
    }
    if (nUpd.length) nodesDS.update(nUpd);
    if (eUpd.length) edgesDS.update(eUpd);
    refreshLabels();
  }
  function neighbourhood(u) {
    var ns = new Set([u]), es = new Set();
    view.visible.forEach(function (p) {
      if (p.a === u || p.b === u) { ns.add(p.a); ns.add(p.b); es.add(edgeId(p.a, p.b)); }
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
      if (focus >= 0) focus = -1;
      selection = null;
      render();
    }
    selection = { type: "node", u: u };
    if (!nodesDS.get(u)) { showNodePanel(u); return NODES.id[u]; }
    network.selectNodes([u], false);
    var h = neighbourhood(u);
    highlight(h.nodes, h.edges);
    if (opts.focus) network.focus(u, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    showNodePanel(u);
    return NODES.id[u];
  }
  function selectPair(a, b, opts) {
    opts = opts || {};
    var x = Math.min(unit(a), unit(b)), y = Math.max(unit(a), unit(b));
    var p = view.pairs.get(x * nN + y);
    if (!p) return null;
    if (!view.shown.has(x) || !view.shown.has(y)) { pinned.add(x); pinned.add(y); if (focus >= 0 && focus !== x && focus !== y) focus = -1; selection = null; render(); }
    selection = { type: "pair", a: x, b: y };
    var id = edgeId(x, y);
    if (edgesDS.get(id)) network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    highlight(new Set([x, y]), new Set([id]));
    if (opts.focus) zoomTo([x, y]);
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
    else { selection = null; highlight(null, null); showOverview(); }
  }
  function zoomTo(ids) {
    ids = ids.filter(function (id) { return nodesDS.get(id); });
    if (ids.length) network.fit({ nodes: ids, animation: { duration: 450, easingFunction: "easeInOutQuad" } });
  }
  // "Neighbours only": the party and its partners under the filters, laid out around it.
  function setFocus(u) {
    u = unit(u);
    focus = u;
    selection = { type: "node", u: u };
    render();
    return NODES.id[u];
  }
  function unfocus() {
    if (focus < 0) return;
    focus = -1;
    render();
  }

  // ------------------------------------------------------------------ header, status
  function renderHeader() {
    document.getElementById("gk-title").textContent = META.title;
    var sub = document.getElementById("gk-subtitle"), c = META.counts;
    var span = META.date_min ? (META.date_min === META.date_max ? META.date_min : META.date_min + " \u2013 " + META.date_max) : "no dates";
    if (META.date_min && c.undated) span += " \u00b7 " + fmt(c.undated) + " of " + fmt(c.events) + " events undated";
    sub.textContent = span;
    sub.title = "Dates of the events as events.csv gives them";
    var stats = document.getElementById("gk-stats");
    var rows = [["Documents", c.documents, "documents read"], ["Events", c.events, "rows of events.csv"],
                ["Parties", c.parties, "parties in at least one event (as report.md counts them)"]];
    if (c.agreements) rows.push(["Agreements", c.agreements, "named agreements with " + plural(c.stances, "stance") + " on them (not counted as parties)"]);
    rows.push(["Dyads", c.dyads, "directed pairs of parties with events (dyads.csv)"]);
    if (c.officials) rows.push(["Officials", c.officials, "officials drawn as their own nodes"]);
    rows.forEach(function (kv) {
      var d = el("div");
      d.title = kv[2];
      add(d, el("dt", null, kv[0]), el("dd", null, fmt(kv[1])));
      stats.appendChild(d);
    });
  }
  function modalityText() {
    if (allModalities()) return "";
    var names = Array.from(state.mods).sort().map(function (m) { return MODS[m]; });
    return names.length === 1 && names[0] === "asserted" ? "asserted only" : (names.length ? names.join(", ") : "no modality");
  }
  function renderStatus() {
    var s = document.getElementById("gk-status");
    clear(s);
    // parties and agreements counted apart, each as "shown of those the filters leave"
    var count = function (set) {
      var c = { p: 0, a: 0 };
      set.forEach(function (u) { if (NODES.kind[u] === "agreement") c.a += 1; else c.p += 1; });
      return c;
    };
    var shown = count(view.shown), cand = focus >= 0 ? shown : count(view.candidates);
    add(s, document.createTextNode("Showing "), el("b", null, fmt(shown.p)));
    if (cand.p > shown.p) add(s, document.createTextNode(" of "), el("b", null, fmt(cand.p)));
    s.appendChild(document.createTextNode(cand.p === 1 ? " party" : " parties"));
    if (cand.a) {
      add(s, document.createTextNode(" and "), el("b", null, fmt(shown.a)));
      if (cand.a > shown.a) add(s, document.createTextNode(" of "), el("b", null, fmt(cand.a)));
      s.appendChild(document.createTextNode(cand.a === 1 ? " agreement" : " agreements"));
    }
    add(s, document.createTextNode(" \u00b7 "), el("b", null, fmt(view.visible.length)), document.createTextNode(view.visible.length === 1 ? " relation \u00b7 " : " relations \u00b7 "),
        el("b", null, fmt(view.total)), document.createTextNode(" of " + fmt(META.counts.events) + " events"));
    var why = [modalityText(), otherEventFilters() ? "filtered" : ""].filter(Boolean);
    if (why.length) s.appendChild(document.createTextNode(" (" + why.join("; ") + ")"));
    if (view.truncated) s.appendChild(document.createTextNode(" \u2014 the most active; search or filter to bring in others"));
  }
  function renderFocusBar() {
    var bar = document.getElementById("gk-focusbar");
    clear(bar);
    bar.hidden = focus < 0;
    if (focus < 0) return;
    add(bar, el("span", null, "Neighbours of "), el("b", null, NODES.name[focus]),
        el("span", null, " (" + plural(view.shown.size - 1, "party", "parties") + ")"),
        button("\u2190 All parties", "Back to every party (Esc)", unfocus, "gk-back"));
  }

  // ------------------------------------------------------------------ filters UI
  var controls = { catCount: [], modCount: [] };
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
    var l = el("label", "gk-check"), box = el("input"), num = el("span", "gk-count", count === undefined ? "" : count);
    box.type = "checkbox"; box.checked = checked;
    add(l, box, color ? dot(color) : null, el("span", null, label), num);
    return { label: l, box: box, count: num };
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
    if (META.counts.undated) df.appendChild(el("div", "gk-note", "Undated events (" + fmt(META.counts.undated) + ") drop out when the range is narrowed."));
    rel.appendChild(df);
    var onDate = function (which) {
      var lo = +controls.dateLo.value, hi = +controls.dateHi.value;
      if (lo > hi) { if (which === "lo") hi = lo; else lo = hi; }
      state.dateLo = lo; state.dateHi = hi;
      syncControls(); changed();
    };
    controls.dateLo.addEventListener("change", function () { onDate("lo"); });
    controls.dateHi.addEventListener("change", function () { onDate("hi"); });
    controls.dateLo.addEventListener("input", function () { controls.dateLabel.textContent = dateLabel(+controls.dateLo.value, +controls.dateHi.value); });
    controls.dateHi.addEventListener("input", function () { controls.dateLabel.textContent = dateLabel(+controls.dateLo.value, +controls.dateHi.value); });

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
    controls.minEvents.addEventListener("change", function () { state.minEvents = +controls.minEvents.value; syncControls(); changed(); });
    controls.minEvents.addEventListener("input", function () { controls.minLabel.textContent = controls.minEvents.value; });

    // modality: asserted events by default, every other kind switchable
    var modSec = section(root, "Modality");
    controls.mods = [];
    MODS.forEach(function (m, k) {
      var cb = checkbox(capital(m), state.mods.has(k), null, "");
      cb.box.dataset.modality = m;
      cb.box.addEventListener("change", function () { if (cb.box.checked) state.mods.add(k); else state.mods.delete(k); changed(); });
      controls.mods[k] = cb.box; controls.modCount[k] = cb.count;
      modSec.appendChild(cb.label);
    });
    modSec.appendChild(el("div", "gk-note", "Only asserted events make a relation by default; switch on what was negated, planned, conditional or called for to see it too."));

    // categories, grouped by quad class
    var both = el("span");
    add(both, button("all", "Every category", function () { state.cats = range(CATS.length); syncControls(); changed(); }),
        button("none", "No category", function () { state.cats = new Set(); syncControls(); changed(); }));
    var catSec = section(root, "Event categories", both);
    controls.cats = [];
    [1, 2, 3, 4, 0].forEach(function (q) {
      var idx = [];
      CATS.forEach(function (c, k) { if (META.category_quad[k] === q) idx.push(k); });
      if (!idx.length) return;
      catSec.appendChild(el("div", "gk-quad", META.quad_classes[String(q)] || "other"));
      var grid = el("div", "gk-cats");
      idx.forEach(function (k) {
        var cb = checkbox(catLabel(k), true, null, "");
        cb.box.dataset.cat = String(k);
        cb.box.addEventListener("change", function () { if (cb.box.checked) state.cats.add(k); else state.cats.delete(k); changed(); });
        controls.cats[k] = cb.box; controls.catCount[k] = cb.count;
        grid.appendChild(cb.label);
      });
      catSec.appendChild(grid);
    });

    // node kinds: legend and filter at once
    var kindSec = section(root, "Parties");
    var kindCounts = {};
    for (var u = 0; u < nN; u++) kindCounts[NODES.kind[u]] = (kindCounts[NODES.kind[u]] || 0) + 1;
    controls.kinds = {};
    META.kinds.forEach(function (k) {
      var cb = checkbox(KIND_LABELS[k] || k, true, kindColor(k), fmt(kindCounts[k]));
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
    col.box.addEventListener("change", function () { state.collapse = col.box.checked; pinned.clear(); if (focus >= 0) focus = unit(focus); changed(); });
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
    add(sz, d1, d2, el("span", null, "node size: events under the filters"));
    leg.appendChild(sz);
    var reset = button("Reset filters", null, resetFilters, "gk-reset");
    reset.id = "gk-reset";
    leg.appendChild(reset);
    syncControls();
    updateFacets();
  }
  // The count next to each category and modality box: events under every other filter.
  function updateFacets() {
    if (!controls.cats) return;
    var cats = new Array(CATS.length).fill(0), mods = new Array(MODS.length).fill(0);
    for (var e = 0; e < nE; e++) {
      if (EV.cat[e] >= 0 && passEvent(e, "cat")) cats[EV.cat[e]] += EV.n[e];
      if (passEvent(e, "mod")) mods[EV.mc[e]] += EV.n[e];
    }
    cats.forEach(function (n, k) { if (controls.catCount[k]) controls.catCount[k].textContent = compact(n); });
    mods.forEach(function (n, k) { if (controls.modCount[k]) controls.modCount[k].textContent = compact(n); });
  }
  function dateLabel(lo, hi) { return META.dates.length ? (META.dates[lo] + " \u2013 " + META.dates[hi]) : "none"; }
  function syncControls() {
    controls.polarity.value = state.polarity;
    controls.issue.value = state.issue;
    controls.dateLo.value = String(state.dateLo);
    controls.dateHi.value = String(state.dateHi);
    controls.dateLabel.textContent = dateLabel(state.dateLo, state.dateHi);
    controls.minEvents.value = String(state.minEvents);
    controls.minLabel.textContent = String(state.minEvents);
    controls.cats.forEach(function (box, k) { if (box) box.checked = state.cats.has(k); });
    controls.mods.forEach(function (box, k) { if (box) box.checked = state.mods.has(k); });
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
    if ("modalities" in obj) {
      state.mods = obj.modalities === "all" ? range(MODS.length)
        : new Set(obj.modalities.map(function (m) { return MODS.indexOf(m); }).filter(function (k) { return k >= 0; }));
    }
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

  // ------------------------------------------------------------------ corrections
  // An analyst marks an event as wrong or edits its category or parties; the
  // corrections download as a CSV that `graphkit run --corrections FILE` applies.
  var corrections = new Map();      // event index -> {action: "drop"|"edit", cat, source, target}
  var CORRECTION_COLUMNS = ["event_id", "action", "event_type", "source", "target", "orig_event_type",
                            "orig_source", "orig_target", "doc_id", "date", "evidence"];
  var nameIndex = null;
  // A party id (one on the page, or any id-like code: the next run resolves it), or a
  // drawn party's name; "" for none; null when not understood.
  function partyFromInput(text) {
    text = String(text || "").trim();
    if (!text) return "";
    if (idIndex.has(text)) return text;
    if (/^[A-Z][A-Z0-9-]{1,19}$/.test(text.toUpperCase()) && idIndex.has(text.toUpperCase())) return text.toUpperCase();
    if (!nameIndex) { nameIndex = new Map(); for (var i = 0; i < nN; i++) nameIndex.set(norm(NODES.name[i]), NODES.id[i]); }
    var byName = nameIndex.get(norm(text));
    if (byName !== undefined) return byName;
    return /^[A-Z][A-Z0-9-]{1,19}$/.test(text) ? text : null;
  }
  function original(e) {
    return { cat: CATS[EV.cat[e]], source: NODES.id[EV.s[e]], target: EV.t[e] >= 0 ? NODES.id[EV.t[e]] : "" };
  }
  function correctionText(e) {
    var c = corrections.get(e);
    if (!c) return "";
    if (c.action === "drop") return "marked wrong";
    var o = original(e), parts = [];
    if (c.cat !== o.cat) parts.push(c.cat);
    if (c.source !== o.source || c.target !== o.target) parts.push(c.source + " \u2192 " + (c.target || "(none)"));
    return "edited: " + parts.join(", ");
  }
  function correctionsCSV() {
    var rows = [CORRECTION_COLUMNS];
    Array.from(corrections.keys()).sort(function (x, y) { return EV.id[x] < EV.id[y] ? -1 : (EV.id[x] > EV.id[y] ? 1 : 0); }).forEach(function (e) {
      var c = corrections.get(e), edit = c.action === "edit", o = original(e), d = EV.doc[e];
      rows.push([EV.id[e], c.action, edit ? c.cat : "", edit ? c.source : "", edit ? c.target : "",
                 o.cat, o.source, o.target, d >= 0 ? DOCS.id[d] : "", EV.date[e], EV.text[e]]);
    });
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function renderCorrectionsButton() {
    var b = document.getElementById("gk-corrections");
    b.textContent = "Corrections (" + corrections.size + ")";
    b.disabled = !corrections.size;
  }
  function setCorrection(e, c) {
    if (c) corrections.set(e, c); else corrections.delete(e);
    renderCorrectionsButton();
  }
  function downloadCorrections() {
    var url = URL.createObjectURL(new Blob([correctionsCSV()], { type: "text/csv;charset=utf-8" }));
    download(url, slug() + "-corrections.csv");
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function editForm(e, head, tag) {
    var form = el("div", "gk-edit"), c = corrections.get(e), o = original(e);
    var cur = c && c.action === "edit" ? c : { cat: o.cat, source: o.source, target: o.target };
    var cat = select("", CATS.filter(function (x, k) { return k !== STANCE; }).map(function (x) { return [x, x]; }));
    cat.value = cur.cat;
    var src = el("input"), tgt = el("input"), msg = el("div", "gk-note");
    [src, tgt].forEach(function (inp) { inp.setAttribute("list", "gk-party-list"); inp.spellcheck = false; inp.autocomplete = "off"; });
    src.value = cur.source; tgt.value = cur.target;
    src.setAttribute("aria-label", "Source party id"); tgt.setAttribute("aria-label", "Target party id");
    cat.setAttribute("aria-label", "Category");
    var save = button("Save", "Keep this correction", function () {
      var s = partyFromInput(src.value), t = partyFromInput(tgt.value);
      if (!s) { msg.textContent = "Unknown source party: " + src.value; return; }
      if (t === null) { msg.textContent = "Unknown target party: " + tgt.value; return; }
      var same = cat.value === o.cat && s === o.source && t === o.target;
      setCorrection(e, same ? null : { action: "edit", cat: cat.value, source: s, target: t });
      tag.textContent = correctionText(e); tag.hidden = !tag.textContent;
      form.remove();
    }, "gk-save");
    var cancel = button("Cancel", null, function () { form.remove(); });
    add(form, el("label", null, "Category"), cat, el("label", null, "Source"), src, el("label", null, "Target"), tgt,
        add(el("div", "gk-edit-actions"), save, cancel), msg);
    head.parentNode.insertBefore(form, head.nextSibling);
  }
  function correctionControls(e, head) {
    if (!EV.id[e] || EV.cat[e] === STANCE) return;
    var tag = el("span", "gk-tag fix", correctionText(e));
    tag.hidden = !tag.textContent;
    var wrong = button("\u2717", "Mark this event as wrong (dropped on the next run with --corrections)", function () {
      var c = corrections.get(e);
      setCorrection(e, c && c.action === "drop" ? null : { action: "drop" });
      tag.textContent = correctionText(e); tag.hidden = !tag.textContent;
    }, "gk-fix gk-wrong");
    var edit = button("\u270e", "Edit this event's category or parties", function () {
      var open = head.nextSibling && head.nextSibling.className === "gk-edit";
      if (open) head.nextSibling.remove(); else editForm(e, head, tag);
    }, "gk-fix gk-editbtn");
    add(head, tag, wrong, edit);
  }

  // ------------------------------------------------------------------ events & evidence
  function sentence(text, marks, maxLen) {
    var p = el("div", "gk-sentence"), end = maxLen && text.length > maxLen ? maxLen : text.length, pos = 0;
    for (var k = 0; k + 1 < marks.length; k += 2) {
      var s = Math.max(marks[k], pos), t = Math.min(marks[k + 1], end);
      if (s >= end) break;
      if (t <= s) continue;
      if (s > pos) p.appendChild(document.createTextNode(text.slice(pos, s)));
      p.appendChild(el("mark", null, text.slice(s, t)));
      pos = t;
    }
    if (pos < end) p.appendChild(document.createTextNode(text.slice(pos, end)));
    if (end < text.length) p.appendChild(document.createTextNode("\u2026"));
    return p;
  }
  function mergedMarks(list) {
    var spans = [];
    list.forEach(function (e) { for (var k = 0; k + 1 < EV.marks[e].length; k += 2) spans.push([EV.marks[e][k], EV.marks[e][k + 1]]); });
    spans.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    var flat = [];
    spans.forEach(function (s) { if (flat.length && s[0] <= flat[flat.length - 1]) flat[flat.length - 1] = Math.max(flat[flat.length - 1], s[1]); else flat.push(s[0], s[1]); });
    return flat;
  }
  function partyName(i) { return i >= 0 ? NODES.name[i] : "(no target)"; }
  function eventHead(e) {
    var head = el("div", "gk-head");
    head.dataset.event = EV.id[e];
    var who = function (i, agent) { var n = partyName(i); return agent && agent !== n ? n + " (" + agent + ")" : n; };
    add(head, el("span", null, EV.date[e] || "undated"), el("span", "gk-cat", EV.cat[e] >= 0 ? CATS[EV.cat[e]] : "?"),
        el("span", null, who(EV.s[e], EV.sa[e]) + " \u2192 " + who(EV.t[e], EV.ta[e])));
    if (EV.n[e] > 1) head.appendChild(el("span", "gk-tag", "\u00d7 " + fmt(EV.n[e])));
    if (MODS[EV.mc[e]] !== "asserted") head.appendChild(el("span", "gk-tag" + (EV.neg[e] ? "" : " mod"), MODS[EV.mc[e]]));
    if (EV.mode[e]) head.appendChild(el("span", "gk-tag mod", EV.mode[e]));
    correctionControls(e, head);
    return head;
  }
  function sourceLine(list) {
    var e = list[0], d = EV.doc[e], line = el("div", "gk-src");
    if (EV.speaker[e]) line.appendChild(document.createTextNode("said by " + EV.speaker[e] + " \u00b7 "));
    if (d >= 0) {
      var label = DOCS.title[d] || DOCS.id[d];
      var href = DOCS.link[d] ? safeHref(DOCS.url[d]) : null;
      if (href) {
        var a = el("a", null, label);
        a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
        line.appendChild(a);
      } else {
        line.appendChild(el("span", null, label));
        if (DOCS.url[d]) line.appendChild(document.createTextNode(" \u00b7 " + DOCS.url[d]));
      }
      if (DOCS.date[d]) line.appendChild(document.createTextNode(" \u00b7 " + DOCS.date[d]));
    }
    var ids = list.map(function (x) { return EV.id[x]; }).filter(Boolean).join(", ");
    if (ids) line.appendChild(document.createTextNode((d >= 0 ? " \u00b7 " : "") + ids));
    return line;
  }
  // One entry per sentence: the events read from it (both directions of a meeting,
  // say) are listed on it; sentences embedded in the page come first.
  function entries(list) {
    var sorted = list.slice().sort(function (x, y) {
      return ((EV.text[x] ? 0 : 1) - (EV.text[y] ? 0 : 1)) || (EV.di[x] - EV.di[y]) || (EV.doc[x] - EV.doc[y]) || (x - y);
    });
    var out = [], byKey = new Map();
    sorted.forEach(function (e) {
      if (!EV.text[e]) { out.push([e]); return; }
      var key = EV.doc[e] + "\u0001" + EV.text[e], group = byKey.get(key);
      if (group) group.push(e); else { group = [e]; byKey.set(key, group); out.push(group); }
    });
    return out;
  }
  function entryItem(group) {
    var e = group[0], pol = 0;
    group.forEach(function (x) { if (!EV.neg[x]) pol = pol || signOf(EV.pol[x]); });
    var box = el("div", "gk-event " + (pol > 0 ? "coop" : (pol < 0 ? "conf" : "")));
    group.forEach(function (x) { box.appendChild(eventHead(x)); });
    if (EV.text[e]) box.appendChild(sentence(EV.text[e], mergedMarks(group)));
    else if (META.counts.evidence_sampled && EV.cat[e] !== STANCE) {
      box.appendChild(el("div", "gk-src", (EV.n[e] > 1 ? fmt(EV.n[e]) + " like events; their sentences are" : "sentence") +
        " not embedded in this page (" + fmt(META.counts.with_text) + " of " + fmt(META.counts.events) +
        " events are); events.csv has every one"));
    }
    box.appendChild(sourceLine(group));
    return box;
  }
  function eventList(parent, list, step) {
    var groups = entries(list), holder = el("div", "gk-events"), shown = 0;
    parent.appendChild(holder);
    var more = button("", null, null, "gk-more");
    function page() {
      var stop = Math.min(groups.length, shown + step);
      for (; shown < stop; shown++) holder.appendChild(entryItem(groups[shown]));
      if (shown < groups.length) { more.textContent = "Show more (" + fmt(groups.length - shown) + " left)"; if (!more.parentNode) parent.appendChild(more); }
      else if (more.parentNode) more.remove();
    }
    more.addEventListener("click", page);
    if (!list.length) parent.appendChild(el("p", "gk-empty", "No events under the current filters."));
    page();
    return groups.length;
  }
  function evidenceTitle(list) {
    var n = eventCount(list), s = entries(list).filter(function (g) { return EV.text[g[0]]; }).length;
    return "Evidence (" + plural(n, "event") + (s ? ", " + plural(s, "sentence") : "") + ")";
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
    list.forEach(function (e) { if (EV.cat[e] !== STANCE) total += EV.n[e]; });
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
    if (color) {
      var track = el("span", "gk-share"), bar = el("span", "gk-bar-mini");
      bar.style.background = color; track.appendChild(bar); li.bar = bar; li.appendChild(track);
    }
    li.appendChild(el("span", "gk-num", numText));
    li.title = NODES.name[u] + " (" + NODES.id[u] + ")";
    li.addEventListener("click", onClick);
    return li;
  }
  function newPanel() { clear(panel); panel.scrollTop = 0; }

  function showOverview() {
    newPanel();
    add(panel, el("h2", null, "Overview"));
    panel.appendChild(el("p", "gk-intro", "Click a party to see its partners, rivals and events; click a relation for its timeline and evidence sentences. Hover for a summary. Mark a wrong event with \u2717 or correct it with \u270e, then download the corrections for the next run."));
    var top = view.order.slice(0, 8);
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

  // How this view's count for a party relates to the one report.md and actors.csv give.
  function countNote(u) {
    var own = NODES.activity[u], here = view.act[u];
    var officials = state.collapse && NODES.party.some(function (p) { return p === u; });
    if (here === own && !officials) return null;
    var why = [];
    if (!allModalities()) why.push(modalityText());
    if (otherEventFilters()) why.push("the filters on categories, polarity, issue or dates");
    if (officials) why.push("its officials' events included");
    var text = "report.md and actors.csv: " + plural(own, "event") + " (" + META.party_counts + "). Here: " + fmt(here);
    return text + (why.length ? ", " + why.join("; ") + "." : ".");
  }
  function showNodePanel(u) {
    newPanel();
    var kind = NODES.kind[u];
    add(panel, el("h2", null, NODES.name[u]));
    var meta = el("div", "gk-meta"), badge = el("span", "gk-badge");
    add(badge, dot(kindColor(kind)), el("span", null, KIND_LABELS[kind] || kind));
    add(meta, el("span", null, NODES.id[u]), badge);
    var where = [NODES.country[u] && NODES.country[u] !== NODES.id[u] ? NODES.country[u] : "", NODES.region[u]].filter(Boolean).join(" \u00b7 ");
    if (where) meta.appendChild(el("span", null, where));
    panel.appendChild(meta);
    var partners = [];
    view.pairs.forEach(function (p) {
      if (p.a !== u && p.b !== u) return;
      if (p.events < state.minEvents) return;
      var other = p.a === u ? p.b : p.a;
      if (!state.kinds.has(NODES.kind[other])) return;
      partners.push({ u: other, p: p });
    });
    var stats = [["Events", fmt(view.act[u])], ["Partners", fmt(partners.length)], ["Mentions", NODES.mentions[u] ? fmt(NODES.mentions[u]) : null]];
    if (META.has.community && NODES.community[u] !== null) stats.push(["Community", String(NODES.community[u])]);
    if (META.has.pagerank && NODES.pagerank[u] !== null) stats.push(["PageRank", NODES.pagerank[u].toFixed(4)]);
    if (META.has.betweenness && NODES.betweenness[u] !== null) stats.push(["Betweenness", NODES.betweenness[u].toFixed(4)]);
    kv(panel, stats);
    var note = countNote(u);
    if (note) { var n = el("p", "gk-note gk-count-note", note); panel.appendChild(n); }
    var actions = el("div", "gk-actions-row");
    actions.appendChild(button("Zoom to", "Zoom to this party and its partners", function () {
      var h = neighbourhood(u); zoomTo(Array.from(h.nodes));
    }, "gk-zoom"));
    actions.appendChild(focus === u ? button("\u2190 All parties", "Back to every party", unfocus, "gk-back")
      : button("Neighbours only", "Show this party and its partners alone, laid out around it", function () { setFocus(u); }, "gk-focus"));
    panel.appendChild(actions);
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
    // partners where cooperation outweighs conflict, rivals where conflict outweighs
    // cooperation; each bar is the share of the pair's events
    var block = function (title, key, other, color, word) {
      var list = partners.filter(function (x) { return x.p[key] > x.p[other]; })
        .sort(function (x, y) { return (y.p[key] - x.p[key]) || (y.p.events - x.p.events) || (x.u - y.u); }).slice(0, 6);
      panel.appendChild(el("h3", null, title));
      if (!list.length) { panel.appendChild(el("p", "gk-empty", "None under the current filters.")); return; }
      var ul = el("ul", "gk-list gk-" + key);
      list.forEach(function (x) {
        var li = partyRow(x.u, fmt(x.p[key]) + " " + word + " of " + fmt(x.p.events), color, function () { selectPair(u, x.u, { focus: true }); });
        li.bar.style.width = Math.max(1, Math.round(40 * x.p[key] / x.p.events)) + "px";
        li.dataset.party = NODES.id[x.u];
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    };
    block("Strongest partners", "coop", "conf", POL_COLORS[1], "coop.");
    block("Rivals", "conf", "coop", POL_COLORS[-1], "confl.");
    var evs = nodeEvents(u);
    panel.appendChild(el("h3", null, evidenceTitle(evs)));
    eventList(panel, evs, 25);
  }

  function timeline(list) {
    var NS = "http://www.w3.org/2000/svg", W = 320, H = 96, L = 22, R = 8, T = 8, B = 20;
    var byDate = new Map();
    list.forEach(function (e) {
      var d = EV.date[e];
      if (!d || EV.cat[e] === STANCE) return;
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
    newPanel();
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
    panel.appendChild(el("h3", null, evidenceTitle(evs)));
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
  function nodeTip(u) {
    var box = el("div");
    add(box, el("h3", null, NODES.name[u]));
    box.appendChild(el("div", "gk-muted", NODES.id[u] + " \u00b7 " + (KIND_LABELS[NODES.kind[u]] || NODES.kind[u])));
    box.appendChild(el("div", null, fmt(view.act[u]) + " events"));
    return box;
  }


  // ------------------------------------------------------------------ search
  // Every name, id, alias and official's name variant, compared without case or
  // diacritics; near spellings (one edit in 4-7 letters, two from 8) when nothing
  // contains the query.
  function norm(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  var searchIndex = null;
  function buildIndex() {       // on the first search: the page opens without it
    searchIndex = [];
    var seen = new Set();
    var push = function (text, i, via) {
      if (!text) return;
      var key = norm(text);
      if (!key || seen.has(key + "\u0000" + i)) return;
      seen.add(key + "\u0000" + i);
      searchIndex.push({ key: key, words: key.split(" "), text: text, i: i, via: via });
    };
    for (var i = 0; i < nN; i++) {
      push(NODES.name[i], i, "name"); push(NODES.id[i], i, "id");
      NODES.aliases[i].forEach(function (a) { push(a, i, "alias"); });
    }
    for (var e = 0; e < nE; e++) {
      if (EV.sa[e]) push(EV.sa[e], EV.s[e], "official");
      if (EV.ta[e] && EV.t[e] >= 0) push(EV.ta[e], EV.t[e], "official");
    }
  }
  // Optimal string alignment distance, or limit + 1 once it exceeds limit.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < low) low = v;
      }
      if (low > limit) return limit + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function tolerance(word) { return word.length >= 8 ? 2 : (word.length >= 4 ? 1 : 0); }
  function fuzzyScore(qwords, entry) {
    var total = 0;
    for (var k = 0; k < qwords.length; k++) {
      var q = qwords[k], tol = tolerance(q), best = tol + 1, last = k === qwords.length - 1;
      for (var w = 0; w < entry.words.length && best > 0; w++) {
        var word = entry.words[w];
        best = Math.min(best, distance(q, word, tol));
        if (last && word.length > q.length) best = Math.min(best, distance(q, word.slice(0, q.length), tol));
      }
      if (best > tol) return -1;
      total += best;
    }
    return total;
  }
  function matches(q, limit) {
    q = norm(q || "");
    limit = limit || 8;
    if (!q) return [];
    if (!searchIndex) buildIndex();
    var best = new Map();
    var keep = function (s, score) {
      var u = unit(s.i), old = best.get(u);
      if (!old || score < old.score || (score === old.score && s.i === u && old.s.i !== u)) best.set(u, { u: u, score: score, s: s });
    };
    searchIndex.forEach(function (s) {
      var pos = s.key.indexOf(q);
      if (pos < 0) return;
      keep(s, s.key === q ? 0 : (pos === 0 ? 1 : (s.key.charAt(pos - 1) === " " ? 2 : 3)));
    });
    if (best.size < limit && q.replace(/ /g, "").length >= 4) {
      var qwords = q.split(" ");
      searchIndex.forEach(function (s) {
        var d = fuzzyScore(qwords, s);
        if (d >= 0) keep(s, 4 + d);
      });
    }
    return Array.from(best.values()).sort(function (x, y) {
      return (x.score - y.score) || ((NODES.activity[y.u] || 0) - (NODES.activity[x.u] || 0)) || (x.u - y.u);
    }).slice(0, limit);
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
        if (m.s.via !== "id" && m.s.via !== "name" && m.s.i === m.u) hint = "\u2192 " + own + " \u00b7 " + NODES.id[m.u];
        if (m.score >= 4) hint = "near spelling " + hint;
        li.appendChild(el("span", "gk-hint", hint));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
        list.appendChild(li);
      });
      if (!current.length && input.value.trim()) { var none = el("li", "gk-none", "No party, alias or official matches"); list.appendChild(none); }
      list.hidden = !input.value.trim();
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
  function partyList() {
    var list = document.getElementById("gk-party-list");
    if (nN > 5000) return;
    for (var i = 0; i < nN; i++) {
      if (NODES.kind[i] === "agreement") continue;
      var o = el("option"); o.value = NODES.id[i]; o.label = NODES.name[i];
      list.appendChild(o);
    }
  }

  function start() {
    renderHeader();
    render();
    timings.computed = Math.round(performance.now());
    buildFilters();
    buildSearch();
    partyList();
    renderCorrectionsButton();
    var big = edgesDS.length > 4000 || nodesDS.length > 1500;
    var options = {
      autoResize: true,
      layout: { randomSeed: META.seed, improvedLayout: false },
      nodes: { shape: "dot" },
      edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.8 },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false, navigationButtons: false, keyboard: false },
      physics: PHYSICS ? {
        enabled: false, solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.012, springLength: 110, springConstant: 0.08, damping: 0.5, avoidOverlap: 0.6 },
        minVelocity: 1, maxVelocity: 60,
        stabilization: { enabled: false, iterations: META.stabilization_iterations, updateInterval: 25, fit: true }
      } : { enabled: false }
    };
    var loading = document.getElementById("gk-loading-text");
    loading.textContent = (PHYSICS ? "Laying out " : "Drawing ") + plural(nodesDS.length, "party", "parties");
    network = new vis.Network(document.getElementById("gk-network"), { nodes: nodesDS, edges: edgesDS }, options);
    timings.network = Math.round(performance.now());
    timings.draws = 0;
    network.on("afterDrawing", function (ctx) { timings.draws += 1; drawLabels(ctx); });
    api.network = network;
    network.on("beforeDrawing", function (ctx) {
      ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
    });
    refreshLabels();
    settle(function () {
      network.once("afterDrawing", markReady);
      network.redraw();
      if (!nodesDS.length) markReady();
    });
    network.on("click", function (params) {
      hideTip();
      if (params.nodes.length) selectUnit(params.nodes[0]);
      else if (params.edges.length) { var parts = String(params.edges[0]).split("-"); selectPair(+parts[0], +parts[1]); }
      else clearSelection();
    });
    network.on("hoverEdge", function (p) { showTip(edgeTip(p.edge), p.pointer.DOM); });
    network.on("hoverNode", function (p) { hoverId = p.node; showTip(nodeTip(p.node), p.pointer.DOM); network.redraw(); });
    network.on("blurEdge", hideTip);
    network.on("blurNode", function () { hoverId = null; hideTip(); network.redraw(); });
    network.on("dragStart", hideTip);
    network.on("zoom", hideTip);
    document.getElementById("gk-fit").addEventListener("click", function () { network.fit({ animation: { duration: 350 } }); });
    document.getElementById("gk-png").addEventListener("click", savePNG);
    document.getElementById("gk-csv").addEventListener("click", downloadCSV);
    document.getElementById("gk-corrections").addEventListener("click", downloadCorrections);
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" || document.activeElement.id === "gk-search") return;
      if (focus >= 0) unfocus(); else clearSelection();
    });
    window.addEventListener("beforeunload", function (ev) {
      if (corrections.size) { ev.preventDefault(); ev.returnValue = ""; }
    });
    showOverview();

    api.data = DATA;
    api.search = search;
    api.matches = function (q) { return matches(q, 8).map(function (m) { return NODES.id[m.u]; }); };
    api.selectNode = function (id) { var i = idIndex.get(String(id)); return i === undefined ? null : selectUnit(i, { focus: true }); };
    api.selectEdge = function (from, to) {
      var a = idIndex.get(String(from)), b = idIndex.get(String(to));
      return a === undefined || b === undefined ? null : selectPair(a, b, { focus: true });
    };
    api.visId = function (id) { var i = idIndex.get(String(id)); return i === undefined ? null : i; };
    api.selected = function () { return selection ? (selection.type === "node" ? NODES.id[selection.u] : [NODES.id[selection.a], NODES.id[selection.b]]) : null; };
    api.focus = function (id) { var i = idIndex.get(String(id)); return i === undefined ? null : setFocus(i); };
    api.unfocus = unfocus;
    api.focused = function () { return focus >= 0 ? NODES.id[focus] : null; };
    api.setFilter = setFilter;
    api.resetFilters = resetFilters;
    api.clearSelection = clearSelection;
    api.csv = csvText;
    api.correctionsCSV = correctionsCSV;
    api.downloadCSV = downloadCSV;
    api.savePNG = savePNG;
    Object.defineProperty(api, "state", { get: function () { return state; } });
  }

  start();
})();
