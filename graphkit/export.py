"""Writers for the tools people use: CSV tables, Gephi-ready GraphML and GEXF,
node-link JSON, Parquet.

Every writer is atomic (temporary file, then rename) and deterministic (same
graph, same bytes). Graph writers never mutate the graph they are given.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import sys
import tempfile
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from .errors import ExportError
from .graph import _to_bool
from .io import atomic_path, atomic_write_text
from .safe import EXCEL_BOM, clean_text, excel_csv, unguard_cell

__all__ = [
    "KIND_COLOURS",
    "gephi_graph",
    "write_table",
    "write_events_csv",
    "events_csv_text",
    "write_excel_csv",
    "read_table",
    "write_xlsx",
    "write_parquet",
    "write_graphml",
    "graphml_text",
    "write_gexf",
    "gexf_graph",
    "xml_text",
    "write_json",
]

#: Node colours by kind, as (r, g, b); the page and Gephi use the same palette.
KIND_COLOURS = {
    "state": (52, 101, 164),
    "igo": (230, 145, 56),
    "ngo": (196, 160, 0),
    "group": (204, 0, 0),
    "person": (117, 80, 123),
    "agreement": (78, 154, 6),
    "unknown": (136, 138, 133),
}

# node attribute names that would collide with edge attribute names in GraphML
_NODE_RENAMES = {"events": "activity", "weight": "node_weight"}
# attribute names GEXF (and networkx's GEXF reader) give a meaning of their own
_GEXF_RENAMES = {"type": "relation", "start": "start_attr", "end": "end_attr", "id": "id_attr"}
_VIZ = ("r", "g", "b", "size", "x", "y")
_SCALARS = frozenset({bool, int, float, str})
_BLOCK = 2_000          # elements formatted and written at a time


def _clean(value):
    """A GraphML/GEXF-safe scalar (str, int, float, bool) or None to drop."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple, set, frozenset)):
        return ";".join(sorted(str(v) for v in value))
    if isinstance(value, str):
        return value
    return str(value)


def _clean_column(values: list) -> tuple[list, type | None]:
    """Clean values of one attribute (None where absent) and give them one type:
    mixed int/float become float, any other mix str. The type is None when no
    value is left."""
    kinds = set(map(type, values)) - {type(None)}
    if not kinds <= _SCALARS:
        values = [_clean(v) for v in values]
    elif float in kinds:
        values = [None if v.__class__ is float and not math.isfinite(v) else v for v in values]
    else:
        values = list(values)
    kinds = set(map(type, values)) - {type(None)}
    if len(kinds) <= 1:
        return values, (kinds.pop() if kinds else None)
    kind = float if kinds <= {int, float} else str
    return [v if v is None else kind(v) for v in values], kind


class _Table:
    """Nodes or edges of a Gephi-ready graph, by attribute.

    ``keys`` are node ids or ``(source, target)`` pairs; ``columns`` maps every
    attribute name (sorted) to one clean value per element, None where the
    element has none; ``types`` gives each attribute's one type.
    """

    def __init__(self, keys: list, columns: dict):
        self.keys = keys
        self.columns, self.types = {}, {}
        for name in sorted(columns):
            values, kind = _clean_column(columns[name])
            if kind is not None:
                self.columns[name], self.types[name] = values, kind

    def records(self):
        """``(key, {name: value})`` per element, absent values left out."""
        names = list(self.columns)
        rows = zip(*self.columns.values()) if names else ((),) * len(self.keys)
        for key, values in zip(self.keys, rows):
            yield key, {n: v for n, v in zip(names, values) if v is not None}


def _raw_columns(datas: list, renames: dict | None = None) -> dict:
    renames = renames or {}
    return {renames.get(k, k): [d.get(k) for d in datas]
            for k in sorted(set().union(*datas))}


def _gephi_tables(D: nx.DiGraph, positions: dict | None = None) -> tuple[_Table, _Table]:
    """The nodes and edges of :func:`gephi_graph`, by attribute."""
    nodes = sorted(D.nodes, key=str)
    datas = [D.nodes[n] for n in nodes]
    cols = _raw_columns(datas, _NODE_RENAMES)
    cols["label"] = [str(d.get("name") or n) for n, d in zip(nodes, datas)]
    colours = [KIND_COLOURS.get(str(d.get("kind", "unknown")), KIND_COLOURS["unknown"])
               for d in datas]
    for i, name in enumerate("rgb"):
        cols[name] = [c[i] for c in colours]
    cols["size"] = [round(10.0 + 6.0 * math.log1p(float(
        d.get("events", d.get("mentions", 1)) or 1)), 3) for d in datas]
    if positions:
        for i, name in enumerate("xy"):
            own = cols.get(name, [None] * len(nodes))
            cols[name] = [round(float(positions[n][i]), 4) if n in positions else v
                          for n, v in zip(nodes, own)]
    node_table = _Table([str(n) for n in nodes], cols)

    edges = sorted(D.edges, key=lambda e: (str(e[0]), str(e[1])))
    datas = [D.succ[u][v] for u, v in edges]
    cols = _raw_columns(datas)
    weights = [_clean(d.get("weight", d.get("events", 1))) for d in datas]
    cols["weight"] = [abs(float(w)) if isinstance(w, (int, float)) and not isinstance(w, bool)
                      else 1.0 for w in weights]
    cols["sign"] = [int(_clean(d.get("sign", 0)) or 0) for d in datas]
    edge_table = _Table([(str(u), str(v)) for u, v in edges], cols)
    return node_table, edge_table


def gephi_graph(D: nx.DiGraph, *, positions: dict | None = None) -> nx.DiGraph:
    """A cleaned copy of a dyad graph that follows Gephi's import rules.

    Nodes get ``label`` (display name), ``r``/``g``/``b`` (colour by kind),
    ``size`` (by activity) and, when ``positions`` is given, ``x``/``y``.
    Edges get ``weight`` = number of non-negated events (never negative) and
    an integer ``sign``. Values are str/int/float/bool only, one type per
    attribute name; None, NaN and inf are dropped; lists are joined with
    ``;``. Nodes and edges are sorted. (:func:`write_graphml` and
    :func:`write_gexf` write these nodes and edges without building the copy.)

    Examples
    --------
    >>> D = nx.DiGraph()
    >>> D.add_node("RUS", name="Russia", kind="state", events=3)
    >>> D.add_node("NATO", name="NATO", kind="igo", events=3)
    >>> D.add_edge("RUS", "NATO", weight=3, sign=1, issues=None)
    >>> G = gephi_graph(D)
    >>> G.nodes["RUS"]["label"], G.nodes["RUS"]["r"], "issues" in G["RUS"]["NATO"]
    ('Russia', 52, False)
    """
    nodes, edges = _gephi_tables(D, positions)
    G = nx.DiGraph()
    G.add_nodes_from(nodes.records())
    G.add_edges_from((u, v, data) for (u, v), data in edges.records())
    return G


# --------------------------------------------------------------------------- XML

# Characters XML 1.0 does not allow (C0 controls but tab, newline and carriage
# return; lone surrogates; U+FFFE and U+FFFF) become U+FFFD; markup characters
# and the white space an XML parser would normalise are escaped.
_XML_NEEDS = re.compile('[&<>"\x00-\x1f\ud800-\udfff\ufffe\uffff]')
_XML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;",
                "\n": "&#10;", "\r": "&#13;"}


def xml_text(value: str) -> str:
    """``value`` escaped for XML text or a double-quoted attribute, with every
    character XML 1.0 does not allow replaced by U+FFFD.

    Examples
    --------
    >>> xml_text('A & "B"\\x01\\n')
    'A &amp; &quot;B&quot;\\ufffd&#10;'
    """
    if _XML_NEEDS.search(value) is None:
        return value
    return _XML_NEEDS.sub(lambda m: _XML_ESCAPES.get(m.group(), "\ufffd"), value)


_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_FORMATS = {str: xml_text, int: str, float: repr, bool: lambda v: "true" if v else "false"}


def _fragments(table: _Table, start: int, stop: int, pieces: dict) -> list:
    """The XML of the attributes of elements ``start:stop``, one string each;
    ``pieces`` maps an attribute name to the (before, after) text of its value.
    A text column is searched for characters to escape once, as a whole."""
    columns = []
    for name, (before, after) in pieces.items():
        values = table.columns[name][start:stop]
        kind = table.types[name]
        if kind is str and _XML_NEEDS.search("".join(v for v in values if v is not None)) is None:
            columns.append([before + v + after if v is not None else "" for v in values])
            continue
        fmt = _FORMATS[kind]
        columns.append([before + fmt(v) + after if v is not None else "" for v in values])
    if not columns:
        return [""] * len(table.keys[start:stop])
    return list(map("".join, zip(*columns)))


@contextlib.contextmanager
def _xml_file(path):
    """A UTF-8 text file for a streaming writer, renamed onto ``path`` when complete."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        yield fh


def write_graphml(D: nx.DiGraph, path, *, positions: dict | None = None,
                  _tables: tuple | None = None) -> Path:
    """Write a Gephi-ready GraphML file (see :func:`gephi_graph`): named key
    ids, one typed key per attribute, keys and elements in sorted order.

    The file is written as it is formatted, a block of elements at a time,
    each value escaped once (``_tables``: see :func:`write_gexf`); networkx
    reads it back as it reads
    ``nx.write_graphml(gephi_graph(D), named_key_ids=True)``, which is several
    times slower.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> D = nx.DiGraph([("RUS", "NATO")])
    >>> D.nodes["RUS"]["name"] = "Russia & co"
    >>> p = write_graphml(D, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    >>> G = nx.read_graphml(p)
    >>> sorted(G.edges()), G.nodes["RUS"]["label"]
    ([('RUS', 'NATO')], 'Russia & co')
    """
    nodes, edges = _tables if _tables is not None else _gephi_tables(D, positions)
    clash = set(nodes.columns) & set(edges.columns)
    with _xml_file(path) as fh:
        fh.write("<?xml version='1.0' encoding='utf-8'?>\n"
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        pieces = {}
        for where, table in (("node", nodes), ("edge", edges)):
            pieces[where] = {}
            for name, kind in table.types.items():
                key = xml_text(f"{where[0]}_{name}" if name in clash else name)
                fh.write(f'  <key id="{key}" for="{where}" attr.name="{xml_text(name)}" '
                         f'attr.type="{_XML_TYPES[kind]}" />\n')
                pieces[where][name] = (f'      <data key="{key}">', "</data>\n")
        fh.write('  <graph edgedefault="directed">\n')
        for start in range(0, len(nodes.keys), _BLOCK):
            stop = start + _BLOCK
            fh.write("".join(f'    <node id="{xml_text(n)}">\n{body}    </node>\n'
                             for n, body in zip(nodes.keys[start:stop],
                                                _fragments(nodes, start, stop, pieces["node"]))))
        for start in range(0, len(edges.keys), _BLOCK):
            stop = start + _BLOCK
            fh.write("".join(f'    <edge source="{xml_text(u)}" target="{xml_text(v)}">\n'
                             f'{body}    </edge>\n'
                             for (u, v), body in zip(edges.keys[start:stop],
                                                     _fragments(edges, start, stop,
                                                                pieces["edge"]))))
        fh.write("  </graph>\n</graphml>\n")
    return Path(path)


def graphml_text(D: nx.DiGraph, *, positions: dict | None = None) -> str:
    """The text :func:`write_graphml` writes for ``D``.

    Examples
    --------
    >>> G = nx.DiGraph(); G.add_node("A", name="A & B"); G.add_edge("A", "B", weight=1.5)
    >>> H = nx.parse_graphml(graphml_text(G))
    >>> H.nodes["A"]["label"], H["A"]["B"]["weight"]
    ('A & B', 1.5)
    """
    with tempfile.TemporaryDirectory() as tmp:
        return write_graphml(D, Path(tmp) / "g.graphml", positions=positions).read_text(
            encoding="utf-8")


# --------------------------------------------------------------------------- GEXF

def _gexf_tables(D, events, positions, tables=None):
    """Nodes and edges for GEXF: attribute tables without the names GEXF gives a
    meaning (colour, size, position, label, weight), and the dates of each
    (``tables``: those of :func:`_gephi_tables` when already made)."""
    nodes, edges = tables if tables is not None else _gephi_tables(D, positions)
    edge_dates: dict = {}
    if events is not None and len(events):
        s, t, d = (events[c].to_numpy(dtype=object).astype(str) for c in ("source", "target",
                                                                           "date"))
        keep = (t != "") & (d != "")
        for u, v, day in sorted(set(zip(s[keep].tolist(), t[keep].tolist(),
                                        d[keep].tolist()))):
            edge_dates.setdefault((u, v), []).append(day)
    first, last = (edges.columns.get(k, [None] * len(edges.keys))
                   for k in ("first_date", "last_date"))
    dates = []
    node_dates: dict = {}
    for key, a, b in zip(edges.keys, first, last):
        found = edge_dates.get(key)
        if found is None:
            found = sorted({d for d in (a, b) if d})
        dates.append(found)
        for n in key:
            node_dates.setdefault(n, set()).update(found)
    node_dates = [sorted(node_dates.get(n, ())) for n in nodes.keys]
    return nodes, edges, node_dates, dates


def _gexf_attributes(table: _Table, skip: tuple, first_id: int) -> list:
    """``(name, title, id)`` of the attributes GEXF keeps as ``attvalue``s, by title."""
    titles = {_GEXF_RENAMES.get(name, name): name for name in table.columns if name not in skip}
    return [(titles[t], t, str(first_id + i)) for i, t in enumerate(sorted(titles))]


def _spells_xml(dates, indent):
    if not dates:
        return ""
    inner = "".join(f'{indent}  <spell start="{xml_text(d)}" end="{xml_text(d)}" />\n'
                    for d in dates)
    return f"{indent}<spells>\n{inner}{indent}</spells>\n"


def write_gexf(D: nx.DiGraph, path, *, events: pd.DataFrame | None = None,
               positions: dict | None = None, _tables: tuple | None = None) -> Path:
    """Write GEXF with time: nodes and edges carry the dates of their events as
    spells, so Gephi's timeline plays the relations over time.

    The nodes and edges are those of :func:`gephi_graph`; colour, size and
    position go into ``viz``, an attribute named ``type`` becomes ``relation``.
    The file is streamed (a block of elements at a time, each value escaped
    once) and holds nothing that depends on the clock or the time zone;
    networkx reads it back as it reads ``nx.write_gexf(gexf_graph(D))``.

    Parameters
    ----------
    D : nx.DiGraph
        Dyad graph.
    path : path-like
        Output file.
    events : DataFrame, optional
        Events with ``source``, ``target`` and ``date``; without it, spells come
        from each edge's ``first_date``/``last_date``.
    positions : dict, optional
        Node positions for the ``viz`` attribute.
    _tables : tuple, optional
        Internal: ``_gephi_tables(D, positions)`` when already made (a run's
        GraphML and GEXF share them).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> D = nx.DiGraph()
    >>> D.add_edge("RUS", "NATO", first_date="2013-04-23", last_date="2013-04-24")
    >>> p = write_gexf(D, pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    >>> G = nx.read_gexf(p)
    >>> sorted(G.edges()), G["RUS"]["NATO"]["spells"]
    ([('RUS', 'NATO')], [('2013-04-23', '2013-04-23'), ('2013-04-24', '2013-04-24')])
    """
    nodes, edges, node_dates, edge_dates = _gexf_tables(D, events, positions, _tables)
    node_attrs = _gexf_attributes(nodes, _VIZ + ("label",), 0)
    edge_attrs = _gexf_attributes(edges, ("first_date", "last_date", "label", "weight"),
                                  len(node_attrs))
    dynamic = any(node_dates) or any(edge_dates)
    with _xml_file(path) as fh:
        fh.write("<?xml version='1.0' encoding='utf-8'?>\n"
                 '<gexf xmlns="http://www.gexf.net/1.2draft" '
                 'xmlns:viz="http://www.gexf.net/1.2draft/viz" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://www.gexf.net/1.2draft '
                 'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
                 "  <meta>\n    <creator>graphkit</creator>\n  </meta>\n"
                 '  <graph defaultedgetype="directed" '
                 + ('mode="dynamic" timeformat="date">\n' if dynamic else 'mode="static">\n'))
        for where, table, attrs in (("node", nodes, node_attrs), ("edge", edges, edge_attrs)):
            if attrs:
                fh.write(f'    <attributes mode="static" class="{where}">\n'
                         + "".join(f'      <attribute id="{aid}" title="{xml_text(title)}" '
                                   f'type="{_XML_TYPES[table.types[name]]}" />\n'
                                   for name, title, aid in attrs)
                         + "    </attributes>\n")
        node_pieces, edge_pieces = (
            {name: (f'          <attvalue for="{aid}" value="', '" />\n')
             for name, _title, aid in attrs} for attrs in (node_attrs, edge_attrs))
        fh.write("    <nodes>\n")
        viz = {k: nodes.columns.get(k, [None] * len(nodes.keys)) for k in _VIZ}
        for start in range(0, len(nodes.keys), _BLOCK):
            stop = start + _BLOCK
            out = []
            for i, body in enumerate(_fragments(nodes, start, stop, node_pieces), start):
                out.append(f'      <node id="{xml_text(nodes.keys[i])}" '
                           f'label="{xml_text(nodes.columns["label"][i])}">\n')
                out.append(_spells_xml(node_dates[i], "        "))
                out.append(f'        <viz:color r="{viz["r"][i]}" g="{viz["g"][i]}" '
                           f'b="{viz["b"][i]}" a="1.0" />\n'
                           f'        <viz:size value="{viz["size"][i]!r}" />\n')
                if viz["x"][i] is not None and viz["y"][i] is not None:
                    out.append(f'        <viz:position x="{float(viz["x"][i])!r}" '
                               f'y="{float(viz["y"][i])!r}" z="0.0" />\n')
                if body:
                    out.append(f"        <attvalues>\n{body}        </attvalues>\n")
                out.append("      </node>\n")
            fh.write("".join(out))
        fh.write("    </nodes>\n    <edges>\n")
        label = edges.columns.get("label")
        for start in range(0, len(edges.keys), _BLOCK):
            stop = start + _BLOCK
            out = []
            for i, body in enumerate(_fragments(edges, start, stop, edge_pieces), start):
                u, v = edges.keys[i]
                extra = (f' label="{xml_text(str(label[i]))}"'
                         if label is not None and label[i] is not None else "")
                out.append(f'      <edge source="{xml_text(u)}" target="{xml_text(v)}" '
                           f'id="{i}"{extra} weight="{edges.columns["weight"][i]!r}">\n')
                out.append(_spells_xml(edge_dates[i], "        "))
                if body:
                    out.append(f"        <attvalues>\n{body}        </attvalues>\n")
                out.append("      </edge>\n")
            fh.write("".join(out))
        fh.write("    </edges>\n  </graph>\n</gexf>\n")
    return Path(path)


def gexf_graph(D: nx.DiGraph, *, events: pd.DataFrame | None = None,
               positions: dict | None = None) -> nx.DiGraph:
    """The graph :func:`write_gexf` writes, as networkx holds GEXF: node
    attribute ``viz`` (colour, size, position), ``spells`` on nodes and edges.

    ``nx.write_gexf(gexf_graph(D))`` writes the same graph as ``write_gexf(D)``
    (more slowly, and with the day it was written).

    Examples
    --------
    >>> D = nx.DiGraph()
    >>> D.add_edge("RUS", "NATO", first_date="2013-04-23", last_date="2013-04-23", type="x")
    >>> H = gexf_graph(D)
    >>> H["RUS"]["NATO"]["spells"], H["RUS"]["NATO"]["relation"], sorted(H.nodes["RUS"]["viz"])
    ([('2013-04-23', '2013-04-23')], 'x', ['color', 'size'])
    """
    nodes, edges, node_dates, edge_dates = _gexf_tables(D, events, positions)
    H = nx.DiGraph()
    for (node, data), dates in zip(nodes.records(), node_dates):
        attrs = {_GEXF_RENAMES.get(k, k): v for k, v in data.items() if k not in _VIZ}
        attrs["viz"] = {"color": {"r": data["r"], "g": data["g"], "b": data["b"], "a": 1.0},
                        "size": data["size"]}
        if "x" in data and "y" in data:
            attrs["viz"]["position"] = {"x": float(data["x"]), "y": float(data["y"]), "z": 0.0}
        if dates:
            attrs["spells"] = _spells(dates)
        H.add_node(node, **attrs)
    for ((u, v), data), dates in zip(edges.records(), edge_dates):
        attrs = {_GEXF_RENAMES.get(k, k): val for k, val in data.items()
                 if k not in ("first_date", "last_date")}
        if dates:
            attrs["spells"] = _spells(dates)
        H.add_edge(u, v, **attrs)
    return H


def _spells(dates) -> list[tuple[str, str]]:
    """Consecutive-free spells: one (start, end) per date, ISO strings."""
    return [(d, d) for d in dates]


def write_json(D: nx.DiGraph, path) -> Path:
    """Write node-link JSON (``graph.json``) for web tools.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> p = write_json(nx.DiGraph([("RUS", "NATO")]), pathlib.Path(tempfile.mkdtemp()) / "g.json")
    >>> [e["source"] for e in json.loads(p.read_text())["links"]]
    ['RUS']
    """
    G = gephi_graph(D)
    data = nx.node_link_data(G, edges="links")
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, sort_keys=True,
                                              indent=1) + "\n")


def write_table(df: pd.DataFrame, path, *, excel: bool = False) -> Path:
    """Write a DataFrame as CSV (UTF-8, ``\\n`` line ends, no index), atomically.

    Text cells are :func:`graphkit.safe.clean_text` (no control character, no
    bare carriage return), so every CSV reader sees the same rows.

    Parameters
    ----------
    df : DataFrame
    path : path-like
    excel : bool, optional (default=False)
        Write the spreadsheet form instead: a byte order mark, and every text
        cell that a spreadsheet would run as a formula (``= + - @``, tab, CR)
        behind a ``'`` (see :func:`graphkit.safe.excel_cell`). The plain form
        keeps every value exactly, for pandas, R and ``graphkit analyze``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> df = pd.DataFrame({"name": ["=1+2", "Russia"], "n": [-3, 4]})
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_table(df, d / "plain.csv").read_text()
    'name,n\\n=1+2,-3\\nRussia,4\\n'
    >>> write_table(df, d / "excel.csv", excel=True).read_text(encoding="utf-8-sig")
    "name,n\\n'=1+2,-3\\nRussia,4\\n"
    """
    text = _clean_frame(df).to_csv(index=False, lineterminator="\n")
    if excel:
        text = "".join(excel_csv(io.StringIO(text, newline="")))
    return atomic_write_text(path, text)


def _clean_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with :func:`clean_text` on the text columns that need it (one
    regular-expression pass over each text column finds them)."""
    fixed = {}
    for col in df.columns:
        s = df[col]
        if not len(s) or not (s.dtype == object or isinstance(s.dtype, pd.StringDtype)):
            continue
        values = s.tolist()
        try:        # one pass: join fails when a value is not text
            clean = _NEEDS_CLEANING.search("".join(values)) is None
        except TypeError:
            clean = False
        if clean:
            continue
        fixed[col] = [clean_text(v) if isinstance(v, str) else v for v in values]
    return df.assign(**{c: pd.Series(v, index=df.index, dtype=object)
                        for c, v in fixed.items()}) if fixed else df


_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def write_events_csv(events: pd.DataFrame, path, *, excel: bool = False) -> Path:
    """Write ``events.csv`` with exactly the contract's columns, in order, and
    ``negated`` as ``true``/``false`` (``excel``: see :func:`write_table`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphkit.graph import events_frame
    >>> p = write_events_csv(events_frame([dict(event_id="e1", negated=True)]),
    ...                      pathlib.Path(tempfile.mkdtemp()) / "events.csv")
    >>> p.read_text().splitlines()[1].split(",")[16]
    'true'
    """
    text = events_csv_text(events)
    if excel:
        text = "".join(excel_csv(io.StringIO(text, newline="")))
    return atomic_write_text(path, text)


def events_csv_text(events: pd.DataFrame, *, header: bool = True) -> str:
    """``events.csv`` text for some events; chunks written with ``header=False``
    after a first one with a header make the same file as one call on all rows.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> events_csv_text(events_frame([dict(event_id="e1")]), header=False)[:3]
    'e1,'
    """
    from .model import EVENT_COLUMNS
    df = events.reindex(columns=list(EVENT_COLUMNS))
    neg = df["negated"]
    neg = neg.to_numpy() if neg.dtype == bool else neg.map(_to_bool).to_numpy(dtype=bool)
    df = _clean_frame(df.assign(negated=np.where(neg, "true", "false")))
    return df.to_csv(index=False, header=header, lineterminator="\n")


def write_excel_csv(src, path) -> Path:
    """Write the ``--excel`` form (see :func:`write_table`) of the CSV file
    ``src`` to ``path``, row by row (memory stays one row, whatever the size).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.csv").write_text("id,title\\n1,@SUM(A1)\\n")
    >>> write_excel_csv(d / "a.csv", d / "b.csv").read_text(encoding="utf-8-sig")
    "id,title\\n1,'@SUM(A1)\\n"
    """
    import csv

    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with atomic_path(path) as tmp:
        with open(src, encoding="utf-8", newline="") as fin, \
                open(tmp, "w", encoding="utf-8", newline="") as fout:
            fout.writelines(excel_csv(fin))
    return Path(path)


def read_table(path, *, required=(), what: str = "table") -> pd.DataFrame:
    """Read a CSV table that graphkit wrote (plain or ``--excel`` form) as text.

    Every cell is a ``str`` (empty for missing). A file starting with a byte
    order mark is the ``--excel`` form: its cells are unguarded
    (:func:`graphkit.safe.unguard_cell`), so both forms read back the same.

    Parameters
    ----------
    path : path-like
    required : tuple of str, optional
        Columns the table must have.
    what : str, optional
        What the table is, for error messages.

    Raises
    ------
    graphkit.errors.SourceError
        If the file is not UTF-8, not CSV, or lacks a required column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_table(pd.DataFrame({"id": ["=X"], "n": [1]}),
    ...                 pathlib.Path(tempfile.mkdtemp()) / "t.csv", excel=True)
    >>> read_table(p).values.tolist()
    [['=X', '1']]
    """
    from .errors import SourceError
    from .sources import printable

    path = Path(path)
    try:
        with open(path, "rb") as fh:
            excel = fh.read(3) == EXCEL_BOM.encode("utf-8")
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                         encoding_errors="strict", index_col=False)
    except pd.errors.EmptyDataError:
        df = pd.DataFrame()
    except UnicodeDecodeError as exc:
        raise SourceError(f"{what} {printable(path)} is not valid UTF-8 (byte {exc.start})"
                          ) from None
    except (pd.errors.ParserError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SourceError(f"{what} {printable(path)} is not a readable CSV table ({first})"
                          ) from None
    except OSError as exc:
        raise SourceError(f"cannot read {what} {printable(path)}: {exc.strerror or exc}"
                          ) from None
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise SourceError(f"{what} {printable(path)} has no {', '.join(map(repr, missing))} "
                          "column")
    df.columns = [clean_text(str(c)) for c in df.columns]
    if excel:
        df = df.apply(lambda s: s.map(unguard_cell)) if len(df) else df
    return df


#: Rows a worksheet holds (Excel's limit, header included).
XLSX_MAX_ROWS = 1_048_576
#: Characters a cell holds (Excel's limit).
XLSX_MAX_CELL = 32_767


def write_xlsx(tables: dict, path) -> Path:
    """Write DataFrames as one ``.xlsx`` workbook, one sheet per table (in the
    order given), atomically and deterministically (fixed document dates and
    zip times).

    Text cells are stored as text, never as formulas, so no guard character is
    needed and every value reads back exactly (a cell longer than Excel's
    32,767 characters is cut there). Needs openpyxl: ``pip install -e
    ".[excel]"``.

    Raises
    ------
    ExportError
        If openpyxl is missing, a table name is not a valid sheet name, or a
        table has more rows than a sheet holds.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> p = write_xlsx({"events": pd.DataFrame({"evidence": ["=1+2"], "n": [3]})},
    ...                pathlib.Path(tempfile.mkdtemp()) / "tables.xlsx")
    >>> ws = openpyxl.load_workbook(p)["events"]
    >>> ws["A2"].value, ws["A2"].data_type, ws["B2"].value
    ('=1+2', 's', 3)
    """
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
    except ImportError:
        raise ExportError("Excel workbooks need openpyxl: pip install 'graphkit[excel]'") from None
    import datetime
    import zipfile

    wb = Workbook(write_only=True)
    fixed = datetime.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = "graphkit"
    for name, df in tables.items():
        if not re.fullmatch(r"[A-Za-z0-9_ .-]{1,31}", str(name)):
            raise ExportError(f"{name!r} is not a valid sheet name")
        if len(df) + 1 > XLSX_MAX_ROWS:
            raise ExportError(f"table {name} has {len(df):,} rows; an Excel sheet holds "
                              f"{XLSX_MAX_ROWS - 1:,}: use the CSV file")
        ws = wb.create_sheet(str(name))
        ws.append([_xlsx_cell(ws, WriteOnlyCell, str(c)) for c in df.columns])
        columns = [df[c].tolist() for c in df.columns]
        for row in zip(*columns):
            ws.append([_xlsx_cell(ws, WriteOnlyCell, v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps each zip member with the current time: rewrite with a fixed one
    with atomic_path(path) as tmp:
        with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                fixed_info = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                fixed_info.compress_type = zipfile.ZIP_DEFLATED
                fixed_info.external_attr = 0o644 << 16
                data = zin.read(info.filename)
                if info.filename == "docProps/core.xml":    # openpyxl sets "modified" to now
                    data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z",
                                  data)
                zout.writestr(fixed_info, data)
    return Path(path)


def _xlsx_cell(ws, cell_type, value):
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, (bool, int, float)):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**53:
            value = str(value)      # Excel keeps 15 digits: a larger number stays exact as text
        else:
            return value
    text = clean_text(str(value)).replace("\t", " ")[:XLSX_MAX_CELL]
    cell = cell_type(ws, value=text)
    cell.data_type = "s"        # text, even when it starts with "=" (never a formula)
    return cell


def write_parquet(df: pd.DataFrame, path) -> Path:
    """Write a DataFrame as Parquet (needs pyarrow: ``pip install graphkit[parquet]``).

    Raises
    ------
    ExportError
        If pyarrow is not installed.
    """
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ExportError("Parquet output needs pyarrow: pip install 'graphkit[parquet]'") from None
    with atomic_path(path) as tmp:
        df.to_parquet(tmp, index=False)
    return Path(path)
