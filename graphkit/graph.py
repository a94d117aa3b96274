"""Events to networkx graphs: one edge per event, and one edge per ordered dyad.

The dyad graph is built from an aggregated table (pandas group-bys), so its cost
grows with the number of dyads, not the number of events.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from .model import CATEGORIES, EVENT_COLUMNS

__all__ = [
    "DYAD_COLUMNS",
    "events_frame",
    "dyad_table",
    "node_table",
    "build_event_graph",
    "build_dyad_graph",
    "stances_frame",
    "with_agreements",
]

#: Columns of ``dyads.csv``, in order. ``n_<CATEGORY>`` counts exclude negated events.
DYAD_COLUMNS = (
    ["source", "target", "source_name", "target_name", "events", "cooperative", "conflictual",
     "negated"]
    + [f"n_{c}" for c in CATEGORIES]
    + ["mean_intensity", "sum_intensity", "sign", "weight", "first_date", "last_date",
       "issues", "event_ids"]
)

_INT_COLUMNS = ("sentence_id", "quad_class", "polarity", "char_start", "char_end")
_MAX_EVENT_IDS = 20


def events_frame(rows=None) -> pd.DataFrame:
    """A DataFrame with exactly the ``events.csv`` columns and their dtypes.

    Parameters
    ----------
    rows : iterable of dict or DataFrame, optional
        Event rows (extra keys are dropped, missing ones filled).

    Examples
    --------
    >>> df = events_frame()
    >>> list(df.columns)[:3], len(df)
    (['event_id', 'doc_id', 'date'], 0)
    """
    df = pd.DataFrame(rows if rows is not None else [], columns=list(EVENT_COLUMNS))
    df = df.reindex(columns=list(EVENT_COLUMNS))
    for col in EVENT_COLUMNS:
        s = df[col]
        if col in _INT_COLUMNS:
            if s.dtype != "int64":
                df[col] = pd.to_numeric(s, errors="coerce").fillna(0).astype("int64")
        elif col == "intensity":
            if s.dtype != "float64" or s.isna().any():
                df[col] = pd.to_numeric(s, errors="coerce").fillna(0.0).astype("float64")
        elif col == "negated":
            if s.dtype != bool:
                df[col] = s.map(_to_bool).astype(bool)
        elif s.dtype == object and len(s) and not s.isna().any():
            continue      # already text (the common case: CSV read as str, extractor rows)
        elif len(s) and s.isna().all():
            df[col] = pd.Series([""] * len(s), index=df.index, dtype=object)
        elif isinstance(s.dtype, pd.StringDtype):     # pandas' own strings: no per-value work
            df[col] = s.astype(object).where(s.notna(), "")
        else:       # text columns are plain Python strings (object dtype), never NaN
            df[col] = s.astype(object).where(s.notna(), "").map(
                lambda v: v if isinstance(v, str) else str(v)).astype(object)
    return df


def _to_bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    if value is None or (isinstance(value, float) and value != value):
        return False
    return bool(value)


def dyad_table(events: pd.DataFrame) -> pd.DataFrame:
    """Aggregate events per ordered (source, target) pair.

    Events without a target are left out. Negated events are counted in
    ``events`` and ``negated`` only: they add nothing to the cooperative or
    conflictual counts, the category counts, the intensities or the sign.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.

    Returns
    -------
    DataFrame
        One row per dyad with ``DYAD_COLUMNS``, sorted by source and target.

    Examples
    --------
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="USA", event_type="CONSULT",
    ...          intensity=1.0, polarity=1, date="2013-04-23"),
    ...     dict(event_id="e2", source="RUS", target="USA", event_type="ACCUSE",
    ...          intensity=-3.0, polarity=-1, date="2013-04-24"),
    ... ])
    >>> dyad_table(ev)[["events", "cooperative", "conflictual", "sign"]].values.tolist()
    [[2, 1, 1, -1]]
    """
    ev = events[events["target"].astype(str) != ""]
    if ev.empty:
        return pd.DataFrame(columns=DYAD_COLUMNS)
    # one integer key per ordered pair: every group-by below runs on integers
    src_codes, src_uniq = pd.factorize(ev["source"], sort=True)
    tgt_codes, tgt_uniq = pd.factorize(ev["target"], sort=True)
    key = src_codes.astype("int64") * len(tgt_uniq) + tgt_codes
    neg = ev["negated"].to_numpy(dtype=bool)
    live = ~neg
    pol = ev["polarity"].to_numpy()
    inten = ev["intensity"].to_numpy(dtype="float64")
    dates = ev["date"].to_numpy(dtype=object)
    work = pd.DataFrame({
        "_k": key,
        "_neg": neg.astype("int64"),
        "_coop": (live & (pol > 0)).astype("int64"),
        "_conf": (live & (pol < 0)).astype("int64"),
        "_int": np.where(live, inten, np.nan),
        "_date": pd.Series(dates, index=ev.index).replace("", None).to_numpy(dtype=object),
    })
    g = work.groupby("_k", sort=True)
    out = pd.DataFrame({
        "events": g.size(),
        "cooperative": g["_coop"].sum(),
        "conflictual": g["_conf"].sum(),
        "negated": g["_neg"].sum(),
        "mean_intensity": g["_int"].mean(),
        "sum_intensity": g["_int"].sum(min_count=0),
        "first_date": g["_date"].min(),
        "last_date": g["_date"].max(),
    })
    # counts per category with one bincount over (dyad row, category) cells
    cat_codes, cat_uniq = pd.factorize(ev["event_type"].to_numpy(dtype=object))
    rows = np.searchsorted(out.index.to_numpy(), key)
    ncat = max(len(cat_uniq), 1)
    cells = np.bincount(rows[live] * ncat + cat_codes[live],
                        minlength=len(out) * ncat).reshape(len(out), ncat)
    cat_pos = {c: i for i, c in enumerate(cat_uniq)}
    for c in CATEGORIES:
        out[f"n_{c}"] = cells[:, cat_pos[c]] if c in cat_pos else 0
    # issues: unique (dyad, issue) pairs first, so the string joins stay small
    issue = ev["issue"].to_numpy(dtype=object)
    has = issue != ""
    if has.any():
        iss = pd.DataFrame({"_k": key[has], "_issue": issue[has]}).drop_duplicates()
        iss = iss.assign(_issue=iss["_issue"].str.split(";")).explode("_issue")
        iss = iss[iss["_issue"] != ""].drop_duplicates().sort_values(["_k", "_issue"])
        out["issues"] = _join_by_key(iss["_k"].tolist(), iss["_issue"].tolist())
    else:
        out["issues"] = ""
    ids = pd.DataFrame({"_k": key, "event_id": ev["event_id"].to_numpy(dtype=object)})
    ids = ids.sort_values(["_k", "event_id"]).groupby("_k", sort=False).head(_MAX_EVENT_IDS)
    out["event_ids"] = _join_by_key(ids["_k"].tolist(), ids["event_id"].tolist())
    first = pd.DataFrame({"_k": key,
                          "source_name": ev["source_name"].to_numpy(dtype=object),
                          "target_name": ev["target_name"].to_numpy(dtype=object)})
    out = out.join(first.groupby("_k", sort=True).first())
    k = out.index.to_numpy()
    out.insert(0, "source", src_uniq[k // len(tgt_uniq)])
    out.insert(1, "target", tgt_uniq[k % len(tgt_uniq)])
    out = out.reset_index(drop=True)
    out["mean_intensity"] = out["mean_intensity"].fillna(0.0).round(3)
    out["sum_intensity"] = out["sum_intensity"].fillna(0.0).round(3)
    out["sign"] = (out["sum_intensity"] > 0).astype("int64") - (out["sum_intensity"] < 0).astype("int64")
    out["weight"] = out["events"] - out["negated"]
    for col in ("first_date", "last_date", "issues", "event_ids", "source_name", "target_name",
                "source", "target"):
        out[col] = out[col].astype(object).where(out[col].notna(), "").astype(str)
    for col in ("events", "cooperative", "conflictual", "negated") + tuple(
            f"n_{c}" for c in CATEGORIES):
        out[col] = out[col].fillna(0).astype("int64")
    return out[DYAD_COLUMNS].sort_values(["source", "target"]).reset_index(drop=True)


def _join_by_key(keys: list, values: list) -> pd.Series:
    """``;``-join values of consecutive equal keys (input sorted by key)."""
    index, joined = [], []
    prev, bucket = None, []
    for k, v in zip(keys, values):
        if k != prev:
            if bucket:
                index.append(prev)
                joined.append(";".join(bucket))
            prev, bucket = k, []
        bucket.append(v)
    if bucket:
        index.append(prev)
        joined.append(";".join(bucket))
    return pd.Series(joined, index=index, dtype=object)


def node_table(events: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per party that takes part in an event: id, name, kind, country,
    region, mentions and events (how many events it is source or target of).

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    actors : DataFrame, optional
        Known parties with columns ``id, name, kind, country, region`` and
        optionally ``mentions``; parties missing from it get their name from
        the events and kind ``unknown``.

    Examples
    --------
    >>> ev = events_frame([dict(event_id="e1", source="RUS", source_name="Russia",
    ...                         target="NATO", target_name="NATO")])
    >>> node_table(ev)[["id", "events"]].values.tolist()
    [['NATO', 1], ['RUS', 1]]
    """
    src = events[["source", "source_name"]].set_axis(["id", "name"], axis=1)
    tgt = events[["target", "target_name"]].set_axis(["id", "name"], axis=1)
    both = pd.concat([src, tgt], ignore_index=True)
    both = both[both["id"].astype(str) != ""]
    counts = both.groupby("id").size().rename("events")
    names = both.groupby("id")["name"].first()
    nodes = pd.DataFrame({"name": names, "events": counts})
    nodes.index.name = "id"
    nodes = nodes.reset_index()
    nodes["kind"] = "unknown"
    nodes["country"] = ""
    nodes["region"] = ""
    nodes["mentions"] = nodes["events"]
    if actors is not None and len(actors):
        info = actors.set_index("id")
        for col in ("name", "kind", "country", "region", "mentions"):
            if col in info.columns:
                mapped = nodes["id"].map(info[col])
                nodes[col] = mapped.where(mapped.notna() & (mapped != ""), nodes[col])
    nodes["mentions"] = pd.to_numeric(nodes["mentions"], errors="coerce").fillna(0).astype("int64")
    nodes["events"] = nodes["events"].astype("int64")
    for col in ("name", "kind", "country", "region"):
        nodes[col] = nodes[col].fillna("").astype(str)
    cols = ["id", "name", "kind", "country", "region", "mentions", "events"]
    return nodes[cols].sort_values("id").reset_index(drop=True)


def build_event_graph(events: pd.DataFrame, actors: pd.DataFrame | None = None) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` with one edge per event (key = ``event_id``), all
    event fields as edge attributes, and party attributes on the nodes.

    Examples
    --------
    >>> ev = events_frame([dict(event_id="e1", source="RUS", target="USA",
    ...                         event_type="CONSULT", polarity=1)])
    >>> G = build_event_graph(ev)
    >>> G.number_of_edges(), G["RUS"]["USA"]["e1"]["event_type"]
    (1, 'CONSULT')
    """
    G = nx.MultiDiGraph()
    for row in node_table(events, actors).to_dict("records"):
        G.add_node(row.pop("id"), **row)
    with_target = events[events["target"].astype(str) != ""]
    for row in with_target.to_dict("records"):
        G.add_edge(row["source"], row["target"], key=row["event_id"], **row)
    return G


def build_dyad_graph(
    events: pd.DataFrame,
    actors: pd.DataFrame | None = None,
    *,
    dyads: pd.DataFrame | None = None,
) -> nx.DiGraph:
    """A ``DiGraph`` with one edge per ordered dyad; edge attributes are the
    ``dyads.csv`` columns (without source/target), node attributes the
    ``node_table`` columns.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    actors : DataFrame, optional
        Party information for node attributes (see :func:`node_table`).
    dyads : DataFrame, optional
        A precomputed :func:`dyad_table` of ``events``.

    Examples
    --------
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", event_type="COOPERATE",
    ...          intensity=6.0, polarity=1),
    ...     dict(event_id="e2", source="NATO", target="RUS", event_type="COOPERATE",
    ...          intensity=6.0, polarity=1)])
    >>> D = build_dyad_graph(ev)
    >>> sorted(D.edges()), D["RUS"]["NATO"]["n_COOPERATE"]
    ([('NATO', 'RUS'), ('RUS', 'NATO')], 1)
    """
    if dyads is None:
        dyads = dyad_table(events)
    D = nx.DiGraph()
    for row in node_table(events, actors).to_dict("records"):
        D.add_node(row.pop("id"), **row)
    for row in dyads.to_dict("records"):
        u, v = row.pop("source"), row.pop("target")
        row.pop("source_name", None)
        row.pop("target_name", None)
        D.add_edge(u, v, **{k: _plain(x) for k, x in row.items()})
    return D


def _plain(value):
    """numpy scalars to Python scalars (JSON/GraphML friendly)."""
    return value.item() if hasattr(value, "item") else value


def stances_frame(rows=None) -> pd.DataFrame:
    """A DataFrame with exactly the ``stances.csv`` columns.

    Examples
    --------
    >>> list(stances_frame().columns)[:4]
    ['doc_id', 'date', 'sentence_id', 'actor']
    """
    from .model import STANCE_COLUMNS
    df = pd.DataFrame(rows if rows is not None else [], columns=list(STANCE_COLUMNS))
    df = df.reindex(columns=list(STANCE_COLUMNS))
    for col in ("sentence_id", "char_start", "char_end"):
        df[col] = pd.to_numeric(df[col], errors="coerce").fillna(0).astype("int64")
    df["negated"] = df["negated"].map(_to_bool).astype(bool)
    for col in set(STANCE_COLUMNS) - {"sentence_id", "char_start", "char_end", "negated"}:
        df[col] = df[col].astype(object).where(df[col].notna(), "").astype(str)
    return df


def with_agreements(D: nx.DiGraph, stances: pd.DataFrame) -> nx.DiGraph:
    """A copy of a dyad graph with named agreements as nodes of kind
    ``agreement``, linked from the parties that take a stance on them.

    Each party -> agreement edge counts supporting (``cooperative``) and
    opposing (``conflictual``) stances; negated stances count as ``negated``.
    Stances on issues (not agreements) are left out.

    Examples
    --------
    >>> D = nx.DiGraph(); D.add_node("RUS", name="Russia", kind="state")
    >>> st = stances_frame([dict(actor="RUS", issue="AGR:GENEVA-COMMUNIQUE",
    ...                          issue_name="Geneva Communique", stance="support")])
    >>> G = with_agreements(D, st)
    >>> G.nodes["AGR:GENEVA-COMMUNIQUE"]["kind"], G["RUS"]["AGR:GENEVA-COMMUNIQUE"]["cooperative"]
    ('agreement', 1)
    """
    G = D.copy()
    if stances is None or stances.empty:
        return G
    agr = stances[stances["issue"].str.startswith("AGR:")]
    if agr.empty:
        return G
    agr = agr.assign(_sup=((agr["stance"] == "support") & ~agr["negated"]).astype("int64"),
                     _opp=((agr["stance"] == "oppose") & ~agr["negated"]).astype("int64"),
                     _neg=agr["negated"].astype("int64"),
                     _date=agr["date"].replace("", pd.NA))
    names = agr.groupby("issue")["issue_name"].first()
    mentions = agr.groupby("issue").size()
    for aid in sorted(names.index):
        G.add_node(aid, name=str(names[aid]), kind="agreement", country="", region="",
                   mentions=int(mentions[aid]), events=int(mentions[aid]))
    g = agr.groupby(["actor", "issue"], sort=True)
    table = pd.DataFrame({"events": g.size(), "cooperative": g["_sup"].sum(),
                          "conflictual": g["_opp"].sum(), "negated": g["_neg"].sum(),
                          "first_date": g["_date"].min(), "last_date": g["_date"].max()})
    for (actor, aid), row in table.iterrows():
        if actor not in G:
            G.add_node(actor, name=actor, kind="unknown", country="", region="", mentions=0,
                       events=0)
        net = int(row["cooperative"]) - int(row["conflictual"])
        G.add_edge(actor, aid, events=int(row["events"]), cooperative=int(row["cooperative"]),
                   conflictual=int(row["conflictual"]), negated=int(row["negated"]),
                   sign=(net > 0) - (net < 0), weight=int(row["events"] - row["negated"]),
                   mean_intensity=0.0, sum_intensity=0.0,
                   first_date="" if pd.isna(row["first_date"]) else str(row["first_date"]),
                   last_date="" if pd.isna(row["last_date"]) else str(row["last_date"]),
                   issues="", event_ids="", relation="stance")
    return G
