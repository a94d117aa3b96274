"""Validation and small helpers shared by the analysis modules."""

from __future__ import annotations

import re

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..graph import events_frame
from ..model import EVENT_COLUMNS

_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def _check_digraph(D):
    if not isinstance(D, nx.DiGraph) or D.is_multigraph():
        raise AnalysisError(
            f"expected a dyad graph (networkx DiGraph), got {type(D).__name__}"
        )



def _check_events(events):
    if not isinstance(events, pd.DataFrame):
        raise AnalysisError(f"events must be a DataFrame, got {type(events).__name__}")
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        raise AnalysisError("events lack columns: " + ", ".join(missing))
    return events_frame(events)


def _check_int(value, name, low, high=None):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low or (
        high is not None and value > high
    ):
        bound = f"between {low} and {high}" if high is not None else f">= {low}"
        raise AnalysisError(f"{name} must be an integer {bound}, got {value!r}")


def _check_date(value):
    text = value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else value
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise AnalysisError(f"split_date must be a YYYY-MM-DD date, got {value!r}")
    try:
        pd.Timestamp(text)
    except ValueError:
        raise AnalysisError(f"split_date must be a YYYY-MM-DD date, got {value!r}") from None
    return text


def _dated(ev):
    ok = ev["date"].str.match(_ISO_DATE).astype(bool)
    return ev[ok], int((~ok).sum())


def _sorted_nodes(G):
    try:
        return sorted(G)
    except TypeError:
        return sorted(G, key=lambda v: (type(v).__name__, str(v)))


def _edge_frame(D, cols):
    sources, targets, attrs = [], [], []
    for u, v, d in D.edges(data=True):
        sources.append(u)
        targets.append(v)
        attrs.append(d)
    data = {"source": sources, "target": targets}
    for c in cols:      # (a column at a time: half the time of a row of tuples)
        data[c] = [d.get(c, 0) for d in attrs]
    return pd.DataFrame(data, columns=["source", "target", *cols])


def _num(series):
    return pd.to_numeric(series, errors="coerce").fillna(0).to_numpy(dtype=float)


def _as_int(values):
    return np.rint(values).astype(np.int64) if np.allclose(values, np.rint(values)) else values


def _node_name(G, v):
    name = G.nodes[v].get("name", "")
    return str(name) if name not in (None, "") and name == name else str(v)


def _empty(cols):
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})


def _plain(value):
    return value.item() if hasattr(value, "item") else value
