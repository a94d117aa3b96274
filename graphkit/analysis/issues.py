"""Issues: event counts per issue and the subgraph of one issue."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..graph import asserted_mask, build_dyad_graph
from ._checks import _ISO_DATE, _check_events, _empty

__all__ = ["issue_counts", "issue_subgraph"]


_ISSUE_COLUMNS = [
    "issue", "events", "cooperative", "conflictual", "negated", "dyads", "parties",
    "first_date", "last_date",
]


def issue_counts(events):
    """Events per issue (the ``issue`` column is ``;``-joined, so an event can count twice).

    Returns
    -------
    DataFrame
        Columns ``issue, events, cooperative, conflictual, negated, dyads, parties,
        first_date, last_date``, sorted by events (most first) then issue.
        ``frame.attrs["no_issue"]`` counts events without an issue.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", issue="missile defence",
    ...          polarity=-1),
    ...     dict(event_id="e2", source="USA", target="RUS", issue="Syria;missile defence",
    ...          polarity=1)])
    >>> issue_counts(ev)[["issue", "events", "cooperative", "parties"]].values.tolist()
    [['missile defence', 2, 1, 3], ['Syria', 1, 1, 2]]
    """
    return _issue_counts(_check_events(events))


def _issue_counts(ev):
    has = ev["issue"].str.strip() != ""
    no_issue = int((~has).sum())
    ev = ev[has]
    if ev.empty:
        out = _empty(_ISSUE_COLUMNS)
        out.attrs["no_issue"] = no_issue
        return out
    ex = ev.assign(issue=ev["issue"].str.split(";"), _row=np.arange(len(ev))).explode("issue")
    ex["issue"] = ex["issue"].str.strip()
    ex = ex[ex["issue"] != ""].drop_duplicates(["_row", "issue"])
    live = asserted_mask(ex["negated"].to_numpy(), ex["modality"].to_numpy())
    ex = ex.assign(
        _coop=(live & (ex["polarity"] > 0)).astype("int64"),
        _conf=(live & (ex["polarity"] < 0)).astype("int64"),
        _neg=ex["negated"].astype("int64"),
        _dyad=np.where(ex["target"] != "", ex["source"] + "\x1f" + ex["target"], None),
        _date=ex["date"].where(ex["date"].str.match(_ISO_DATE), None),
    )
    g = ex.groupby("issue", sort=True)
    parties = pd.concat([
        ex[["issue", "source"]].set_axis(["issue", "p"], axis=1),
        ex[["issue", "target"]].set_axis(["issue", "p"], axis=1),
    ])
    parties = parties[parties["p"] != ""].groupby("issue")["p"].nunique()
    out = pd.DataFrame({
        "events": g.size(),
        "cooperative": g["_coop"].sum(),
        "conflictual": g["_conf"].sum(),
        "negated": g["_neg"].sum(),
        "dyads": g["_dyad"].nunique(),
        "parties": parties,
        "first_date": g["_date"].min(),
        "last_date": g["_date"].max(),
    })
    out.index.name = "issue"
    out = out.reset_index()
    out["parties"] = out["parties"].fillna(0).astype("int64")
    for c in ("first_date", "last_date"):
        out[c] = out[c].fillna("").astype(str)
    out = out.sort_values(["events", "issue"], ascending=[False, True], kind="mergesort")
    out = out[_ISSUE_COLUMNS].reset_index(drop=True)
    out.attrs["no_issue"] = no_issue
    return out


def issue_subgraph(events, issue, *, actors=None):
    """The events about one issue and their dyad graph.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    issue : str
        Issue name, matched case-insensitively against each ``;``-separated issue.
    actors : DataFrame, optional
        Party information for node attributes (see :func:`graphkit.graph.node_table`).

    Returns
    -------
    events : DataFrame
        The matching rows (a copy, original index kept).
    D : nx.DiGraph
        Their dyad graph.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="RUS", target="NATO", issue="missile defence"),
    ...     dict(event_id="e2", source="USA", target="SYR", issue="Syria;chemical weapons")])
    >>> sub, D = issue_subgraph(ev, "syria")
    >>> sub["event_id"].tolist(), sorted(D.edges())
    (['e2'], [('USA', 'SYR')])
    """
    if not isinstance(issue, str) or not issue.strip():
        raise AnalysisError("issue must be a non-empty string")
    ev = _check_events(events)
    want = issue.strip().casefold()
    mask = ev["issue"].map(
        lambda s: want in {p.strip().casefold() for p in str(s).split(";")}
    ).astype(bool)
    sub = ev[mask].copy()
    return sub, build_dyad_graph(sub, actors)
