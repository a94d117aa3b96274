"""Change over time: timelines per pair or party, dyads before and after a date, period
comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..graph import asserted_mask, dyad_table
from ._checks import _check_date, _check_events, _dated, _empty

__all__ = ["dyad_change", "compare", "compare_periods", "timeline"]


_FREQS = {"D": 10, "M": 7, "Y": 4}


_CHANGE_COLUMNS = [
    "source", "target", "events_before", "net_before", "sign_before", "events_after",
    "net_after", "sign_after", "delta", "sign_changed", "status",
]


_COMPARE_COLUMNS = [
    "source", "target", "status", "events_a", "net_a", "sign_a", "events_b", "net_b", "sign_b",
]


def dyad_change(events, *, split_date):
    """Per ordered dyad: events and net intensity before and after a date.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    split_date : str or datetime-like
        ``YYYY-MM-DD``; events dated before it are "before", on or after it "after".

    Returns
    -------
    DataFrame
        Columns ``source, target, events_before, net_before, sign_before, events_after,
        net_after, sign_after, delta`` (net after minus net before), ``sign_changed``
        (present in both periods with a different sign) and ``status``: ``appeared``,
        ``disappeared``, ``sign_changed`` or ``unchanged``. Sorted by source, target.
        Undated events are left out; ``frame.attrs["undated"]`` counts them.

    Raises
    ------
    AnalysisError
        If ``split_date`` is not a date or ``events`` lacks a column.

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> ev = toy_events("RUS NATO COOPERATE 2013-01-05", "RUS NATO THREATEN 2014-03-01",
    ...                 "USA RUS ACCUSE")
    >>> ch = dyad_change(ev, split_date="2014-01-01")
    >>> ch[["source", "target", "net_before", "net_after", "delta", "status"]].values.tolist()
    [['RUS', 'NATO', 6.0, -6.0, -12.0, 'sign_changed']]
    >>> ch.attrs["undated"]
    1
    """
    ev = _check_events(events)
    split = _check_date(split_date)
    dated, undated = _dated(ev)
    before = dated[dated["date"] < split]
    after = dated[dated["date"] >= split]
    out = _diff(dyad_table(before), dyad_table(after), ("before", "after"))
    out = out.rename(columns={"_status": "status"})
    out["sign_changed"] = out["status"] == "sign_changed"
    out = out[_CHANGE_COLUMNS].reset_index(drop=True)
    out.attrs["undated"] = undated
    return out


def compare(events_a, events_b):
    """Dyads that appeared, disappeared or changed sign between two event sets.

    Parameters
    ----------
    events_a, events_b : DataFrame
        Rows with the ``events.csv`` columns: the earlier (or reference) and the later set.

    Returns
    -------
    DataFrame
        Columns ``source, target, status, events_a, net_a, sign_a, events_b, net_b,
        sign_b``; ``status`` is ``appeared`` (only in b), ``disappeared`` (only in a) or
        ``sign_changed`` (in both, sign of net intensity differs). Unchanged dyads are left
        out. Sorted by status, source, target.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> def ev(*rows):
    ...     return events_frame([dict(event_id=f"e{i}", source=s, target=t, intensity=x,
    ...                               polarity=(x > 0) - (x < 0))
    ...                          for i, (s, t, x) in enumerate(rows)])
    >>> a = ev(("RUS", "NATO", 4.0), ("USA", "RUS", 1.0))
    >>> b = ev(("RUS", "NATO", -6.0), ("CHN", "RUS", 4.0))
    >>> compare(a, b)[["source", "target", "status"]].values.tolist()
    [['CHN', 'RUS', 'appeared'], ['USA', 'RUS', 'disappeared'], ['RUS', 'NATO', 'sign_changed']]
    """
    a = _check_events(events_a)
    b = _check_events(events_b)
    out = _diff(dyad_table(a), dyad_table(b), ("a", "b"))
    out = out[out["_status"] != "unchanged"].rename(columns={"_status": "status"})
    out = out.sort_values(["status", "source", "target"], kind="mergesort")
    return out[_COMPARE_COLUMNS].reset_index(drop=True)


def compare_periods(events, *, split_date):
    """:func:`compare` applied to the events before and from ``split_date``.

    Undated events are left out (counted in ``frame.attrs["undated"]``).

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> ev = toy_events("RUS NATO COOPERATE 2013-01-05", "RUS NATO THREATEN 2015-01-05")
    >>> compare_periods(ev, split_date="2014-03-18")["status"].tolist()
    ['sign_changed']
    """
    ev = _check_events(events)
    split = _check_date(split_date)
    dated, undated = _dated(ev)
    out = compare(dated[dated["date"] < split], dated[dated["date"] >= split])
    out.attrs["undated"] = undated
    return out


def _diff(ta, tb, names):
    x, y = names
    keep = ["source", "target", "events", "sum_intensity", "sign"]
    left = ta[keep].rename(columns={"events": f"events_{x}", "sum_intensity": f"net_{x}",
                                    "sign": f"sign_{x}"})
    right = tb[keep].rename(columns={"events": f"events_{y}", "sum_intensity": f"net_{y}",
                                     "sign": f"sign_{y}"})
    out = left.merge(right, on=["source", "target"], how="outer", indicator=True)
    for c in (f"events_{x}", f"sign_{x}", f"events_{y}", f"sign_{y}"):
        out[c] = out[c].fillna(0).astype("int64")
    for c in (f"net_{x}", f"net_{y}"):
        out[c] = out[c].fillna(0.0).astype(float)
    out["delta"] = (out[f"net_{y}"] - out[f"net_{x}"]).round(3)
    both = out["_merge"] == "both"
    status = np.where(out["_merge"] == "left_only", "disappeared",
                      np.where(out["_merge"] == "right_only", "appeared", "unchanged"))
    status = np.where(both & (out[f"sign_{x}"] != out[f"sign_{y}"]), "sign_changed", status)
    out["_status"] = status
    out = out.drop(columns="_merge").sort_values(["source", "target"], kind="mergesort")
    return out.reset_index(drop=True)


def timeline(events, *, freq="M", by="dyad"):
    """Events per period, per dyad or per party.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    freq : {"D", "M", "Y"}, optional (default="M")
        Period: day (``2013-04-23``), month (``2013-04``) or year (``2013``).
    by : {"dyad", "party"}, optional (default="dyad")
        ``dyad``: one row per period and ordered (source, target), events without a target
        left out. ``party``: one row per period and party, an event counting for its source
        and its target.

    Returns
    -------
    DataFrame
        Columns ``period``, then ``source, target`` or ``party``, then ``events,
        cooperative, conflictual, mean_intensity`` (mean over non-negated events, 0 when
        none). Sorted by period then ids. Events without a ``YYYY-MM-DD`` date are left out
        and counted in ``frame.attrs["undated"]``.

    Raises
    ------
    AnalysisError
        If ``freq`` or ``by`` is not one of the values above.

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", date="2013-04-23", source="RUS", target="NATO",
    ...          intensity=1.0, polarity=1),
    ...     dict(event_id="e2", date="2013-04-30", source="RUS", target="NATO",
    ...          intensity=-3.0, polarity=-1),
    ...     dict(event_id="e3", date="", source="RUS", target="NATO", intensity=1.0)])
    >>> t = timeline(ev, freq="M")
    >>> t.values.tolist()
    [['2013-04', 'RUS', 'NATO', 2, 1, 1, -1.0]]
    >>> t.attrs["undated"]
    1
    >>> timeline(ev, freq="Y", by="party")[["period", "party", "events"]].values.tolist()
    [['2013', 'NATO', 2], ['2013', 'RUS', 2]]
    """
    if freq not in _FREQS:
        raise AnalysisError(f"freq must be one of 'D', 'M', 'Y', got {freq!r}")
    if by not in ("dyad", "party"):
        raise AnalysisError(f"by must be 'dyad' or 'party', got {by!r}")
    return _timeline(_check_events(events), freq, by)


def _timeline(ev, freq, by):
    dated, undated = _dated(ev)
    keys = ["source", "target"] if by == "dyad" else ["party"]
    period = dated["date"].str.slice(0, _FREQS[freq])
    base = pd.DataFrame({
        "period": period,
        "source": dated["source"],
        "target": dated["target"],
        "_live": asserted_mask(dated["negated"].to_numpy(), dated["modality"].to_numpy()),
        "_pol": dated["polarity"],
        "_int": dated["intensity"],
    })
    if by == "dyad":
        rows = base[base["target"] != ""]
    else:
        src = base.drop(columns="target").rename(columns={"source": "party"})
        tgt = base[(base["target"] != "") & (base["target"] != base["source"])]
        tgt = tgt.drop(columns="source").rename(columns={"target": "party"})
        rows = pd.concat([src, tgt], ignore_index=True)
        rows = rows[rows["party"] != ""]
    cols = ["period"] + keys + ["events", "cooperative", "conflictual", "mean_intensity"]
    if rows.empty:
        out = _empty(cols)
        out.attrs["undated"] = undated
        return out
    rows = rows.assign(
        _coop=(rows["_live"] & (rows["_pol"] > 0)).astype("int64"),
        _conf=(rows["_live"] & (rows["_pol"] < 0)).astype("int64"),
        _int=rows["_int"].where(rows["_live"]),
    )
    g = rows.groupby(["period"] + keys, sort=True)
    out = pd.DataFrame({
        "events": g.size(),
        "cooperative": g["_coop"].sum(),
        "conflictual": g["_conf"].sum(),
        "mean_intensity": g["_int"].mean().fillna(0.0).round(3),
    }).reset_index()
    out = out[cols].reset_index(drop=True)
    out.attrs["undated"] = undated
    return out
