"""Writers for the tools people use: CSV tables, Gephi-ready GraphML and GEXF,
node-link JSON, Parquet.

Every writer is atomic (temporary file, then rename) and deterministic (same
graph, same bytes). Graph writers never mutate the graph they are given.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import tempfile
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from .errors import ExportError
from .graph import _to_bool
from .io import atomic_path, atomic_write_text

__all__ = [
    "KIND_COLOURS",
    "gephi_graph",
    "write_table",
    "write_events_csv",
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
    ``pieces`` maps an attribute name to the (before, after) text of its value."""
    columns = []
    for name, (before, after) in pieces.items():
        fmt = _FORMATS[table.types[name]]
        columns.append([before + fmt(v) + after if v is not None else ""
                        for v in table.columns[name][start:stop]])
    if not columns:
        return [""] * len(table.keys[start:stop])
    return list(map("".join, zip(*columns)))


@contextlib.contextmanager
def _xml_file(path):
    """A UTF-8 text file for a streaming writer, renamed onto ``path`` when complete."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        yield fh


def write_graphml(D: nx.DiGraph, path, *, positions: dict | None = None) -> Path:
    """Write a Gephi-ready GraphML file (see :func:`gephi_graph`): named key
    ids, one typed key per attribute, keys and elements in sorted order.

    The file is written as it is formatted, a block of elements at a time,
    each value escaped once; networkx reads it back as it reads
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
    nodes, edges = _gephi_tables(D, positions)
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

def _gexf_tables(D, events, positions):
    """Nodes and edges for GEXF: attribute tables without the names GEXF gives a
    meaning (colour, size, position, label, weight), and the dates of each."""
    nodes, edges = _gephi_tables(D, positions)
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
               positions: dict | None = None) -> Path:
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
    nodes, edges, node_dates, edge_dates = _gexf_tables(D, events, positions)
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


def write_table(df: pd.DataFrame, path) -> Path:
    """Write a DataFrame as CSV (UTF-8, ``\\n`` line ends, no index), atomically."""
    return atomic_write_text(path, df.to_csv(index=False, lineterminator="\n"))


def write_events_csv(events: pd.DataFrame, path) -> Path:
    """Write ``events.csv`` with exactly the contract's columns, in order, and
    ``negated`` as ``true``/``false``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphkit.graph import events_frame
    >>> p = write_events_csv(events_frame([dict(event_id="e1", negated=True)]),
    ...                      pathlib.Path(tempfile.mkdtemp()) / "events.csv")
    >>> p.read_text().splitlines()[1].split(",")[16]
    'true'
    """
    return atomic_write_text(path, events_csv_text(events))


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
    df = df.assign(negated=np.where(neg, "true", "false"))
    return df.to_csv(index=False, header=header, lineterminator="\n")


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
