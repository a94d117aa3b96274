"""Events to networkx graphs: one edge per event, and one edge per ordered dyad.

The dyad graph is built from an aggregated table (pandas group-bys), so its cost
grows with the number of dyads, not the number of events.
"""

from __future__ import annotations

import re

import networkx as nx
import numpy as np
import pandas as pd

from .model import CATEGORIES, EVENT_COLUMNS, MODALITIES
from .safe import clean_field

__all__ = [
    "DYAD_COLUMNS",
    "OTHER_MODALITIES",
    "asserted_mask",
    "DyadAccumulator",
    "events_frame",
    "dyad_table",
    "node_table",
    "build_event_graph",
    "build_dyad_graph",
    "stances_frame",
    "with_agreements",
]

#: Modalities counted in ``dyads.csv`` beside ``asserted`` and ``negated``.
OTHER_MODALITIES = tuple(m for m in MODALITIES if m not in ("asserted", "negated"))

#: Columns of ``dyads.csv``, in order. Only asserted events (modality ``asserted`` or
#: empty, not negated) make up the relation: ``cooperative``, ``conflictual``,
#: ``n_<CATEGORY>``, the intensities, ``sign`` and ``weight`` (= ``asserted``); the others
#: are counted per modality (``negated`` and ``m_<modality>``).
DYAD_COLUMNS = (
    ["source", "target", "source_name", "target_name", "events", "asserted", "cooperative",
     "conflictual", "negated"]
    + [f"m_{m}" for m in OTHER_MODALITIES]
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
    if isinstance(rows, pd.DataFrame):
        df = rows.reindex(columns=list(EVENT_COLUMNS))
    else:
        # object dtype keeps the rows' own str objects, which many rows share
        # (party ids, names, categories); pandas' inferred string dtype would
        # copy every cell into a new object when converted below.
        df = pd.DataFrame(list(rows) if rows is not None else [], columns=list(EVENT_COLUMNS),
                          dtype=object)
    for col in EVENT_COLUMNS:
        s = df[col]
        if col in _INT_COLUMNS:
            if s.dtype != "int64":
                df[col] = _whole_numbers(s)
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


def _whole_numbers(s: pd.Series) -> pd.Series:
    """Integers from any column: what is not a finite number within +-2**53 (text,
    ``inf``, ``1e99``) becomes 0, never a wrapped-around int64."""
    v = pd.to_numeric(s, errors="coerce").astype("float64").to_numpy()
    ok = np.isfinite(v) & (np.abs(v) <= 2.0**53)
    return pd.Series(np.where(ok, np.trunc(np.where(ok, v, 0.0)), 0.0).astype("int64"),
                     index=s.index)


def _to_bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    if value is None or (isinstance(value, float) and value != value):
        return False
    return bool(value)


def dyad_table(events: pd.DataFrame) -> pd.DataFrame:
    """Aggregate events per ordered (source, target) pair.

    Events without a target are left out. Only asserted events (modality
    ``asserted`` or empty, not negated) make up the relation: the cooperative and
    conflictual counts, the category counts, the intensities, the sign and the
    weight; the others are counted in ``events`` and per modality (``negated``,
    ``m_future``, ``m_desired`` ...) only.
    ``first_date``/``last_date`` span every event of the dyad; ``event_ids``
    lists its first 20 events in the order of the events table (for
    extracted text: document order).

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
    return _finish_dyads(_dyad_sums(events))


class DyadAccumulator:
    """Dyad aggregates built chunk by chunk: partial sums per chunk of events,
    merged at the end into exactly what :func:`dyad_table` gives for all
    the events at once (chunks added in table order).

    Examples
    --------
    >>> ev = events_frame([dict(event_id=f"e{i}", source="RUS", target="USA",
    ...                         event_type="CONSULT", polarity=1, intensity=1.0)
    ...                    for i in range(5)])
    >>> acc = DyadAccumulator()
    >>> acc.add(ev.iloc[:2]); acc.add(ev.iloc[2:])
    >>> acc.table().equals(dyad_table(ev))
    True
    """

    def __init__(self):
        self._parts: list = []

    def add(self, events: pd.DataFrame) -> None:
        """Aggregate one chunk of events (``events.csv`` columns)."""
        self.add_sums(self.sums(events))

    @staticmethod
    def sums(events: pd.DataFrame) -> pd.DataFrame:
        """The partial sums :meth:`add` keeps for one chunk of events (another
        process can make them, and :meth:`add_sums` add them)."""
        return _dyad_sums(events)

    def add_sums(self, part: pd.DataFrame) -> None:
        """Add the partial sums of one chunk, made by :meth:`sums`."""
        if len(part):
            self._parts.append(part)
        if len(self._parts) >= 64:      # keep memory bounded by the number of dyads
            self._parts = [_merge_sums(pd.concat(self._parts, ignore_index=True))]

    def table(self) -> pd.DataFrame:
        """The merged ``dyads.csv`` table."""
        if not self._parts:
            return pd.DataFrame(columns=DYAD_COLUMNS)
        if len(self._parts) == 1:
            return _finish_dyads(self._parts[0])
        parts = pd.concat(self._parts, ignore_index=True)
        self._parts = [_merge_sums(parts)]
        return _finish_dyads(self._parts[0])


_MICRO = 1_000_000      # intensity sums are kept in millionths (integers below 2**53)
_COUNT_COLUMNS = ["events", "asserted", "cooperative", "conflictual", "negated"] + [
    f"m_{m}" for m in OTHER_MODALITIES] + [f"n_{c}" for c in CATEGORIES]


def _pairs(source: np.ndarray, target: np.ndarray):
    """Ordered pairs as integer rows 0..n-1 (numbered in (source, target)
    order), with each row's source and target."""
    src_codes, src_uniq = pd.factorize(source, sort=True)
    tgt_codes, tgt_uniq = pd.factorize(target, sort=True)
    pair = src_codes.astype("int64") * len(tgt_uniq) + tgt_codes
    keys, row = np.unique(pair, return_inverse=True)
    return (row.reshape(-1), len(keys), np.asarray(src_uniq, dtype=object)[keys // len(tgt_uniq)],
            np.asarray(tgt_uniq, dtype=object)[keys % len(tgt_uniq)])


def _dyad_sums(events: pd.DataFrame) -> pd.DataFrame:
    """Per ordered pair: counts, the unrounded intensity sum, date span,
    issues, names and the first event ids (what :class:`DyadAccumulator`
    merges)."""
    target = _text(events, "target")
    pick = np.flatnonzero(target != "")
    if not len(pick):
        return pd.DataFrame(columns=["source", "target", "source_name", "target_name",
                                     *_COUNT_COLUMNS, "_sum", "first_date", "last_date",
                                     "issues", "event_ids"])
    # Everything below is numpy on integer keys: one key per ordered pair and
    # one bincount per column.
    row, n, sources, targets = _pairs(_text(events, "source")[pick], target[pick])
    neg = events["negated"].to_numpy(dtype=bool)[pick]
    modality = _text(events, "modality")[pick]
    live = asserted_mask(neg, modality)
    pol = events["polarity"].to_numpy()[pick]
    inten = _intensities(events["intensity"].to_numpy(dtype="float64")[pick])

    def count(mask):
        return np.bincount(row[mask], minlength=n).astype("int64")

    out = {"source": sources, "target": targets}
    first = _first_index(row, n)
    out["source_name"] = _text(events, "source_name")[pick][first]
    out["target_name"] = _text(events, "target_name")[pick][first]
    out["events"] = np.bincount(row, minlength=n).astype("int64")
    out["asserted"] = count(live)
    out["cooperative"] = count(live & (pol > 0))
    out["conflictual"] = count(live & (pol < 0))
    out["negated"] = count(neg)
    for m in OTHER_MODALITIES:
        out[f"m_{m}"] = count(~neg & (modality == m))
    # counts per category: one bincount over (dyad, category) cells
    cat_codes, cat_uniq = pd.factorize(_text(events, "event_type")[pick])
    ncat = max(len(cat_uniq), 1)
    cells = np.bincount(row[live] * ncat + cat_codes[live],
                        minlength=n * ncat).reshape(n, ncat)
    cat_pos = {c: i for i, c in enumerate(cat_uniq)}
    for c in CATEGORIES:
        out[f"n_{c}"] = cells[:, cat_pos[c]] if c in cat_pos else np.zeros(n, dtype="int64")
    # intensities summed in millionths, as integers: exact, so the sums do not
    # depend on how events were split into chunks or ordered
    micro = np.rint(inten[live] * _MICRO)
    out["_sum"] = np.rint(np.bincount(row[live], weights=micro, minlength=n)).astype("int64")
    out["first_date"], out["last_date"] = _date_span(_text(events, "date")[pick], row, n)
    out["issues"] = _issues_per_dyad(_text(events, "issue")[pick], row, n)
    out["event_ids"] = _first_ids(_text(events, "event_id")[pick], row, n)
    return _frame(out)


def asserted_mask(negated, modality) -> np.ndarray:
    """Which events count in a relation: not negated, and modality ``asserted`` or
    empty (events.csv files written before the modality vocabulary).

    Examples
    --------
    >>> asserted_mask(np.array([False, True, False, False]),
    ...               np.array(["asserted", "negated", "", "future"], dtype=object)).tolist()
    [True, False, True, False]
    """
    modality = np.asarray(modality, dtype=object)
    return ~np.asarray(negated, dtype=bool) & ((modality == "asserted") | (modality == ""))


def _intensities(values: np.ndarray) -> np.ndarray:
    """Intensities as the sums may take them: NaN and infinities count 0 and the
    rest is clipped to -10..10, so a sum in millionths stays exact in int64 up
    to 9e11 events (the readers reject such values; this guards the API)."""
    return np.clip(np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0), -10.0, 10.0)


def _merge_sums(parts: pd.DataFrame) -> pd.DataFrame:
    """Merge :func:`_dyad_sums` tables (rows in table order) into one."""
    row, n, sources, targets = _pairs(_text(parts, "source"), _text(parts, "target"))
    out = {"source": sources, "target": targets}
    first = _first_index(row, n)
    out["source_name"] = _text(parts, "source_name")[first]
    out["target_name"] = _text(parts, "target_name")[first]
    for col in _COUNT_COLUMNS:
        out[col] = np.bincount(row, weights=parts[col].to_numpy(dtype="int64"),
                               minlength=n).astype("int64")
    out["_sum"] = np.rint(np.bincount(row, weights=parts["_sum"].to_numpy(dtype="float64"),
                                      minlength=n)).astype("int64")
    out["first_date"] = _date_span(_text(parts, "first_date"), row, n)[0]
    out["last_date"] = _date_span(_text(parts, "last_date"), row, n)[1]
    out["issues"] = _issues_per_dyad(_text(parts, "issues"), row, n)
    ids = [x.split(";") for x in _text(parts, "event_ids").tolist()]
    id_rows = np.repeat(row, [len(x) for x in ids])
    flat = np.array([i for x in ids for i in x], dtype=object)
    out["event_ids"] = _first_ids(flat, id_rows, n)
    return _frame(out)


def _frame(columns: dict) -> pd.DataFrame:
    """A DataFrame of numpy columns; text columns stay plain object dtype."""
    return pd.DataFrame({k: pd.Series(v, dtype=object) if isinstance(v, np.ndarray)
                         and v.dtype == object else v for k, v in columns.items()})


def _finish_dyads(sums: pd.DataFrame) -> pd.DataFrame:
    """``dyads.csv`` columns from :func:`_dyad_sums`: intensities, sign, weight."""
    if not len(sums):
        return pd.DataFrame(columns=DYAD_COLUMNS)
    table = sums.copy()
    live = table["asserted"].to_numpy()
    total = table.pop("_sum").to_numpy(dtype="float64") / _MICRO
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(live > 0, total / np.maximum(live, 1), 0.0)
    table["mean_intensity"] = np.round(mean, 3)
    table["sum_intensity"] = np.round(total, 3)
    table["sign"] = ((table["sum_intensity"] > 0).astype("int64")
                     - (table["sum_intensity"] < 0).astype("int64"))
    table["weight"] = live.astype("int64")
    for col in _COUNT_COLUMNS:
        table[col] = table[col].astype("int64")
    for col in ("source", "target", "source_name", "target_name", "first_date", "last_date",
                "issues", "event_ids"):
        table[col] = table[col].astype(object)
    return table[DYAD_COLUMNS].reset_index(drop=True)


def _text(df: pd.DataFrame, col: str) -> np.ndarray:
    """A text column as a numpy object array of ``str`` ("" for missing)."""
    if col not in df:
        return np.full(len(df), "", dtype=object)
    return df[col].to_numpy(dtype=object)      # events_frame leaves no NaN in text columns


def _first_index(row: np.ndarray, n: int) -> np.ndarray:
    """Position of the first element of each group 0..n-1 in ``row``."""
    first = np.full(n, len(row), dtype="int64")
    np.minimum.at(first, row, np.arange(len(row)))
    return first


def _date_span(dates: np.ndarray, row: np.ndarray, n: int) -> tuple:
    """Earliest and latest non-empty date per group (as text; "" when none)."""
    codes, uniq = pd.factorize(dates, sort=True)
    uniq = np.asarray(uniq, dtype=object)
    dated = (codes >= 0) & (dates != "")
    lo = np.full(n, np.iinfo("int64").max, dtype="int64")
    hi = np.full(n, -1, dtype="int64")
    np.minimum.at(lo, row[dated], codes[dated])
    np.maximum.at(hi, row[dated], codes[dated])
    found = hi >= 0
    first = np.full(n, "", dtype=object)
    last = np.full(n, "", dtype=object)
    first[found] = uniq[lo[found]]
    last[found] = uniq[hi[found]]
    return first, last


def _issues_per_dyad(issue: np.ndarray, row: np.ndarray, n: int) -> np.ndarray:
    """Sorted, ``;``-joined distinct issues per group."""
    out = np.full(n, "", dtype=object)
    has = issue != ""
    if not has.any():
        return out
    codes, uniq = pd.factorize(issue[has])
    pairs = np.unique(row[has].astype("int64") * len(uniq) + codes)
    parts = [u.split(";") for u in uniq]
    per: dict = {}
    for r, c in zip((pairs // len(uniq)).tolist(), (pairs % len(uniq)).tolist()):
        per.setdefault(r, set()).update(parts[c])
    for r, names in per.items():
        out[r] = ";".join(sorted(names - {""}))
    return out


def _first_ids(ids: np.ndarray, row: np.ndarray, n: int) -> np.ndarray:
    """The first ``_MAX_EVENT_IDS`` ids of each group, in table order, ``;``-joined."""
    order = np.argsort(row, kind="stable")
    sorted_rows = row[order]
    starts = np.searchsorted(sorted_rows, np.arange(n))
    ends = np.minimum(np.append(starts[1:], len(row)), starts + _MAX_EVENT_IDS)
    ranked = ids[order].tolist()
    return np.array([";".join(ranked[a:b]) for a, b in zip(starts.tolist(), ends.tolist())],
                    dtype=object)


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
    ids = np.concatenate([_text(events, "source"), _text(events, "target")])
    names = np.concatenate([_text(events, "source_name"), _text(events, "target_name")])
    keep = np.flatnonzero(ids != "")
    codes, uniq = pd.factorize(ids[keep], sort=True)
    nodes = pd.DataFrame({
        "id": np.asarray(uniq, dtype=object),
        "name": names[keep][_first_index(codes, len(uniq))] if len(uniq) else [],
        "events": np.bincount(codes, minlength=len(uniq)).astype("int64"),
    })
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
    D.add_nodes_from(_records(_clean_strings(node_table(events, actors)), "id"))
    edges = _clean_strings(dyads.drop(columns=["source_name", "target_name"], errors="ignore"))
    D.add_edges_from((u, v, attrs) for (u, v), attrs in _records(edges, ("source", "target")))
    return D


def _clean_strings(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with :func:`graphkit.safe.clean_field` on every text column that
    holds a character XML or a one-line field cannot (control characters,
    surrogates, U+FFFE/U+FFFF), so GraphML and GEXF stay well-formed whatever
    the ids and names were. One regular-expression pass finds such columns."""
    fixed = {}
    for col in df.columns:
        values = df[col].tolist()
        text = df[col].dtype == object or isinstance(df[col].dtype, pd.StringDtype)
        if text and values and _UNCLEAN.search(
                " ".join(v for v in values if isinstance(v, str))):
            fixed[col] = pd.Series([clean_field(v) if isinstance(v, str) else v
                                    for v in values], index=df.index, dtype=object)
    return df.assign(**fixed) if fixed else df


_UNCLEAN = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _records(df: pd.DataFrame, key):
    """``(key value, {other column: plain Python value})`` per row of ``df``;
    ``key`` is a column name or a tuple of them."""
    keys = (key,) if isinstance(key, str) else tuple(key)
    rest = [c for c in df.columns if c not in keys]
    key_values = zip(*(df[k].tolist() for k in keys))
    rows = zip(*(df[c].tolist() for c in rest)) if rest else ((),) * len(df)
    for kv, values in zip(key_values, rows):
        yield (kv[0] if isinstance(key, str) else kv), dict(zip(rest, values))


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
    agr = _clean_strings(agr)
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
