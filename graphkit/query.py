"""Questions asked of a run's events: one relation, one party, what changed, a date window.

Each question returns an :class:`Answer`: a title and sections, each a sentence and a
table, rendered as text, Markdown or CSV (:meth:`Answer.render`). ``graphkit pair``,
``graphkit party`` and ``graphkit compare`` print them; notebooks can use the tables.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .analysis import centrality, communities, compare, compare_periods, pair_table, timeline
from .errors import GraphkitError
from .graph import asserted_mask, events_frame
from .model import CATEGORIES
from .report import _table as _markdown_table
from .sources import window_bound

__all__ = ["Answer", "date_window", "window_mask", "find_party", "pair_report", "party_report",
           "compare_report", "ranked_centrality", "FORMATS"]

#: Formats of :meth:`Answer.render`.
FORMATS = ("text", "md", "csv")

_EVIDENCE_COLUMNS = ["date", "doc_id", "source", "target", "event_type", "modality", "negated",
                     "evidence"]


@dataclass
class Answer:
    """A titled list of sections ``(heading, sentence, table)``; ``main`` names the
    section written by the ``csv`` format. A section whose sentence is None is
    only a table for the ``csv`` format and for callers."""

    title: str
    sections: list = field(default_factory=list)
    main: str = ""

    def table(self, heading: str) -> pd.DataFrame:
        """The table of the section called ``heading``."""
        for h, _text, frame in self.sections:
            if h == heading:
                return frame
        raise KeyError(heading)

    def render(self, fmt: str = "text") -> str:
        """The answer as ``text`` (aligned tables), ``md`` (Markdown) or ``csv`` (the
        ``main`` table only, for a spreadsheet or pandas).

        Examples
        --------
        >>> a = Answer("T", [("Rows", "Two rows.", pd.DataFrame({"x": [1, 2]}))], main="Rows")
        >>> print(a.render("md"), end="")
        # T
        <BLANKLINE>
        ## Rows
        <BLANKLINE>
        Two rows.
        <BLANKLINE>
        | x |
        |---|
        | 1 |
        | 2 |
        >>> a.render("csv")
        'x\\n1\\n2\\n'
        """
        if fmt not in FORMATS:
            raise GraphkitError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
        if fmt == "csv":
            return self.table(self.main).to_csv(index=False, lineterminator="\n")
        out = [f"# {self.title}" if fmt == "md" else self.title, ""]
        for heading, text, frame in self.sections:
            if text is None:
                continue
            out += [f"## {heading}" if fmt == "md" else f"== {heading} ==", ""]
            if text:
                out += [text, ""]
            if frame is None or frame.empty:
                continue
            if fmt == "md":
                out += _markdown_table(list(frame.columns), frame.values.tolist())
            elif "evidence" in frame.columns:
                out += _evidence_lines(frame)
            else:
                out += [_text_table(frame), ""]
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n"


def _text_table(frame) -> str:
    """An aligned table: text columns to the left, numbers to the right.

    Examples
    --------
    >>> print(_text_table(pd.DataFrame({"id": ["RUS", "UKRAINE"], "events": [12, 3]})))
    id       events
    RUS          12
    UKRAINE       3
    """
    cols = []
    for c in frame.columns:
        cells = [_cell(x) for x in frame[c]]
        width = max([len(str(c))] + [len(x) for x in cells])
        numeric = pd.api.types.is_numeric_dtype(frame[c]) and frame[c].dtype != bool
        pad = (lambda x, w=width: x.rjust(w)) if numeric else (lambda x, w=width: x.ljust(w))
        cols.append([pad(str(c))] + [pad(x) for x in cells])
    return "\n".join("  ".join(row).rstrip() for row in zip(*cols))


def _cell(x) -> str:
    if isinstance(x, float):
        return f"{x:.4f}".rstrip("0").rstrip(".") if x != int(x) else f"{x:.1f}"
    return str(x)


def _evidence_lines(frame) -> list:
    """Evidence rows as text: a line of facts, then the sentence, indented."""
    out = []
    for r in frame.itertuples(index=False):
        mode = r.modality or "asserted"
        mode += ", negated" if r.negated and mode != "negated" else ""
        out += [f"{r.date or 'undated'}  {r.source} → {r.target or '-'}  {r.event_type} "
                f"({mode})  {r.doc_id}", f"    {r.evidence}", ""]
    return out


# --------------------------------------------------------------------------- windows


def date_window(events, *, since=None, until=None) -> pd.DataFrame:
    """The events dated from ``since`` to ``until`` (both included).

    A bound may be a day (``2022-02-24``), a month (``2022-02``: from its first or
    to its last day) or a year. With a bound, undated events are left out;
    ``frame.attrs["undated"]`` counts them and ``frame.attrs["outside"]`` counts
    the dated events outside the window.

    Raises
    ------
    GraphkitError
        If a bound is not a date, or ``since`` is after ``until``.

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> ev = toy_events("RUS UKR ASSAULT 2022-02-24", "RUS UKR CONSULT 2021-12-30",
    ...                 "RUS NATO CONSULT")
    >>> w = date_window(ev, since="2022")
    >>> w["date"].tolist(), w.attrs["undated"], w.attrs["outside"]
    (['2022-02-24'], 1, 1)
    >>> date_window(ev, since="2022-13")
    Traceback (most recent call last):
    ...
    graphkit.errors.SourceError: --since must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not '2022-13'
    """
    ev = events_frame(events)
    if window_bound(since, "since") is None and window_bound(until, "until") is None:
        return ev
    keep = window_mask(ev["date"], since=since, until=until)
    dated = ev["date"].astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    out = ev[keep].reset_index(drop=True)
    out.attrs["undated"] = int((~dated).sum())
    out.attrs["outside"] = int((dated & ~keep).sum())
    return out


def window_mask(dates, *, since=None, until=None):
    """True for the ``YYYY-MM-DD`` dates (a Series) from ``since`` to ``until``.

    Examples
    --------
    >>> window_mask(pd.Series(["2022-02-24", "", "2023-01-01"]), until="2022").tolist()
    [True, False, False]
    """
    lo, hi = window_bound(since, "since"), window_bound(until, "until")
    if lo and hi and lo > hi:
        raise GraphkitError(f"--since {since} is after --until {until}")
    dates = dates.astype(str)
    keep = dates.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False).astype(bool)
    if lo:
        keep &= dates >= lo
    if hi:
        keep &= dates <= hi
    return keep


# --------------------------------------------------------------------------- parties


def find_party(D: nx.DiGraph, query: str) -> str:
    """The party id in ``D`` that ``query`` names: its id or its name, in any case.

    Raises
    ------
    GraphkitError
        If no party matches; the message suggests the closest ids and names.

    Examples
    --------
    >>> D = nx.DiGraph()
    >>> D.add_node("RUS", name="Russia"); D.add_node("UKR", name="Ukraine")
    >>> find_party(D, "rus"), find_party(D, "Ukraine")
    ('RUS', 'UKR')
    >>> find_party(D, "Rusia")
    Traceback (most recent call last):
    ...
    graphkit.errors.GraphkitError: no party 'Rusia' in these events; did you mean RUS (Russia)?
    """
    q = str(query).strip().casefold()
    names = {v: str(D.nodes[v].get("name") or v) for v in D}
    for v in sorted(D, key=str):
        if str(v).casefold() == q or names[v].casefold() == q:
            return v
    labels = {str(v).casefold(): v for v in D} | {n.casefold(): v for v, n in names.items()}
    close = difflib.get_close_matches(q, list(labels), n=3, cutoff=0.6)
    hint = sorted({labels[c] for c in close}, key=str)
    tip = ("; did you mean " + ", ".join(f"{v} ({names[v]})" for v in hint) + "?") if hint else ""
    raise GraphkitError(f"no party {query!r} in these events{tip}")


def _name(D, v) -> str:
    name = D.nodes[v].get("name") if v in D else None
    return str(name) if name not in (None, "") and name == name else str(v)


def ranked_centrality(D: nx.DiGraph, cent: pd.DataFrame | None = None, *, seed: int = 0
                      ) -> pd.DataFrame:
    """Centrality ranked by importance: events (strength), then PageRank, then id.

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> D = build_dyad_graph(toy_events("AFG USA CONSULT", "RUS USA CONSULT", "RUS UKR ASSAULT",
    ...                                 "RUS UKR ASSAULT"))
    >>> ranked_centrality(D)["id"].tolist()
    ['RUS', 'USA', 'UKR', 'AFG']
    """
    cent = centrality(D, seed=seed) if cent is None else cent
    out = cent.sort_values(["strength", "pagerank", "id"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)
    out.insert(0, "rank", range(1, len(out) + 1))
    return out


# --------------------------------------------------------------------------- questions


def pair_report(events, D: nx.DiGraph, a: str, b: str) -> Answer:
    """One relation: counts by category and modality, the monthly timeline, the evidence.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    D : nx.DiGraph
        Their dyad graph (for names and for :func:`find_party`).
    a, b : str
        The two parties, by id or name.

    Returns
    -------
    Answer
        Sections ``Counts`` (one row per category: events per direction and per
        modality), ``Timeline`` (per month, both directions) and ``Evidence`` (every
        event with its date, document and sentence; the ``csv`` format's table).

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> ev = toy_events("RUS UKR ASSAULT 2022-02-24", "UKR RUS ACCUSE 2022-02-25",
    ...                 "RUS UKR CONSULT 2022-03-07")
    >>> ans = pair_report(ev, build_dyad_graph(ev), "RUS", "UKR")
    >>> ans.table("Counts").values.tolist()
    [['CONSULT', 1, 0, 1, 1], ['ACCUSE', 0, 1, 1, 1], ['ASSAULT', 1, 0, 1, 1]]
    >>> ans.table("Timeline")[["period", "events", "conflictual"]].values.tolist()
    [['2022-02', 2, 2], ['2022-03', 1, 0]]
    """
    ev = events_frame(events)
    a, b = find_party(D, a), find_party(D, b)
    if a == b:
        raise GraphkitError("give two different parties (a party's own events: graphkit party)")
    na, nb = _name(D, a), _name(D, b)
    sel = ev[((ev["source"] == a) & (ev["target"] == b)) | ((ev["source"] == b)
                                                          & (ev["target"] == a))]
    ab, ba = f"{a} → {b}", f"{b} → {a}"
    title = f"{na} and {nb}"
    if sel.empty:
        return Answer(title, [("Counts", f"No event between {na} and {nb}.", None)])
    direction = (sel["source"] == a).map({True: ab, False: ba})
    counts = pd.crosstab(sel["event_type"], direction).reindex(columns=[ab, ba], fill_value=0)
    by_mode = pd.crosstab(sel["event_type"], sel["modality"].replace("", "asserted"))
    counts = counts.join(by_mode)
    counts["total"] = counts[[ab, ba]].sum(axis=1)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    counts = counts.sort_index(key=lambda s: s.map(lambda c: order.get(c, len(order))))
    counts = counts.rename_axis("category").reset_index()
    counts.columns.name = None
    live = asserted_mask(sel["negated"].to_numpy(), sel["modality"].to_numpy())
    coop = int(((sel["polarity"] > 0) & live).sum())
    conf = int(((sel["polarity"] < 0) & live).sum())
    dates = sel.loc[sel["date"] != "", "date"]
    span = f", from {dates.min()} to {dates.max()}" if len(dates) else ""
    text = (f"{len(sel)} events{span}: {int((sel['source'] == a).sum())} from {na}, "
            f"{int((sel['source'] == b).sum())} from {nb}; {coop} cooperative and {conf} "
            f"conflictual (events not asserted, such as negated, future or desired ones, count "
            f"as neither).")
    tl = timeline(sel, freq="M", by="dyad")
    tl = (tl.groupby("period", sort=True)[["events", "cooperative", "conflictual"]].sum()
          .reset_index())
    undated = len(sel) - int(tl["events"].sum())
    evidence = sel.sort_values(["date", "doc_id", "sentence_id", "event_id"], kind="mergesort")
    evidence = evidence[_EVIDENCE_COLUMNS].reset_index(drop=True)
    return Answer(title, [
        ("Counts", text, counts),
        ("Timeline", "Events per month, both directions"
         + (f" ({undated} undated events left out)." if undated else "."), tl),
        ("Evidence", f"{len(evidence)} sentences, by date.", evidence),
    ], main="Evidence")


def party_report(events, D: nx.DiGraph, party: str, *, cent: pd.DataFrame | None = None,
                 seed: int = 0, top: int = 10) -> Answer:
    """One party: partners, rivals, centrality, community, events by month.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    D : nx.DiGraph
        Their dyad graph.
    party : str
        The party, by id or name.
    cent : DataFrame, optional
        The ``centrality`` table of :func:`graphkit.analysis.analyze` (with
        ``community``); computed when not given.
    seed : int, optional (default=0)
        Seed for the centrality and communities computed here.
    top : int, optional (default=10)
        Rows in the partner and rival tables.

    Returns
    -------
    Answer
        Sections ``Standing`` (rank by events, PageRank, betweenness, community),
        ``Partners`` (most cooperative pairs; the ``csv`` format's table),
        ``Rivals`` (most conflictual) and ``Timeline`` (events by month).

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> from graphkit.graph import build_dyad_graph
    >>> ev = toy_events("RUS CHN CONSULT 2022-02-04", "RUS UKR ASSAULT 2022-02-24",
    ...                 "USA RUS SANCTION 2022-02-24", "RUS BLR AID 2022-03-01")
    >>> ans = party_report(ev, build_dyad_graph(ev), "rus")
    >>> ans.table("Partners")["partner"].tolist(), ans.table("Rivals")["partner"].tolist()
    (['BLR', 'CHN'], ['UKR', 'USA'])
    """
    ev = events_frame(events)
    v = find_party(D, party)
    name = _name(D, v)
    ranked = ranked_centrality(D, cent, seed=seed)
    if "community" not in ranked:
        members, _q = communities(D, seed=seed)
        ranked["community"] = ranked["id"].map(members)
    me = ranked[ranked["id"] == v].iloc[0]
    by_pr = ranked.sort_values(["pagerank", "id"], ascending=[False, True], kind="mergesort")
    pr_rank = int(by_pr["id"].tolist().index(v)) + 1
    mates = ranked.loc[(ranked["community"] == me["community"]) & (ranked["id"] != v), "id"]
    shown = ", ".join(_name(D, m) for m in mates[:8]) + (f" and {len(mates) - 8} more"
                                                         if len(mates) > 8 else "")
    standing = (f"{name} ranks {int(me['rank'])} of {len(ranked)} parties by events "
                f"({int(me['strength'])} events with {int(me['partners'])} partners: "
                f"{int(me['cooperative'])} cooperative, {int(me['conflictual'])} conflictual) "
                f"and {pr_rank} by PageRank on cooperation ({me['pagerank']:.4f}); "
                f"betweenness {me['betweenness']:.4f}. "
                + (f"Its community ({int(me['community'])}) also holds {shown}."
                   if len(mates) else "It forms a community of its own."))
    pairs = pair_table(D)
    mine = pairs[((pairs["a"] == v) | (pairs["b"] == v)) & (pairs["a"] != pairs["b"])].copy()
    mine["partner"] = mine["a"].where(mine["b"] == v, mine["b"])
    mine["name"] = [_name(D, p) for p in mine["partner"]]
    cols = ["partner", "name", "events", "cooperative", "conflictual", "sum_intensity",
            "first_date", "last_date"]
    partners = mine[mine["cooperative"] > 0].sort_values(
        ["cooperative", "sum_intensity", "partner"], ascending=[False, False, True],
        kind="mergesort")[cols].head(top).reset_index(drop=True)
    rivals = mine[mine["conflictual"] > 0].sort_values(
        ["conflictual", "sum_intensity", "partner"], ascending=[False, True, True],
        kind="mergesort")[cols].head(top).reset_index(drop=True)
    tl = timeline(ev, freq="M", by="party")
    tl = tl[tl["party"] == v].drop(columns="party").reset_index(drop=True)
    own = int(((ev["source"] == v) & (ev["target"] == v)).sum())
    return Answer(name if name == v else f"{name} ({v})", [
        ("Standing", standing, None),
        ("Partners", f"Most cooperative relations of {name}"
         + (f" (and {own} events within {name})." if own else "."), partners),
        ("Rivals", f"Most conflictual relations of {name}.", rivals),
        ("Timeline", f"Events of {name} by month.", tl),
    ], main="Partners")


def compare_report(events_a, events_b=None, *, D: nx.DiGraph | None = None,
                   split_date=None, labels=("before", "after")) -> Answer:
    """Relations that appeared, disappeared or changed sign between two event sets,
    or before and from ``split_date`` in one.

    Parameters
    ----------
    events_a, events_b : DataFrame
        The earlier (reference) and later events; without ``events_b``,
        ``events_a`` is split at ``split_date``.
    D : nx.DiGraph, optional
        A dyad graph whose node names label the parties.
    split_date : str, optional
        ``YYYY-MM-DD``; needed when ``events_b`` is None.
    labels : tuple of str
        Names of the two sets in the text.

    Returns
    -------
    Answer
        One section per status (``appeared``, ``disappeared``, ``sign_changed``)
        with each directed relation's events and net intensity in both sets; the
        ``csv`` format writes them all in one table.

    Examples
    --------
    >>> from graphkit.analysis.examples import toy_events
    >>> ev = toy_events("RUS UKR CONSULT 2021-12-30", "RUS UKR ASSAULT 2022-02-24",
    ...                 "RUS UKR ASSAULT 2022-03-01", "USA UKR AID 2022-03-02")
    >>> ans = compare_report(ev, split_date="2022-02-24")
    >>> ans.table("All")[["source", "target", "status", "events_a", "events_b"]].values.tolist()
    [['USA', 'UKR', 'appeared', 0, 1], ['RUS', 'UKR', 'sign_changed', 1, 2]]
    """
    if events_b is None:
        if split_date is None:
            raise GraphkitError("give two output folders, or one and --split DATE")
        table = compare_periods(events_a, split_date=window_bound(split_date, "split"))
    else:
        table = compare(events_a, events_b)
    name = (lambda v: _name(D, v)) if D is not None else str
    table.insert(2, "source_name", [name(v) for v in table["source"]])
    table.insert(3, "target_name", [name(v) for v in table["target"]])
    first, second = labels
    sections = []
    what = {"appeared": f"in the {second} events only",
            "disappeared": f"in the {first} events only",
            "sign_changed": "in both, with the other sign of net intensity"}
    table["relation"] = table["source_name"] + " → " + table["target_name"]
    shown = ["source", "target", "relation", "events_a", "net_a", "events_b", "net_b"]
    for status in ("appeared", "disappeared", "sign_changed"):
        part = table[table["status"] == status].sort_values(
            ["events_b" if status != "disappeared" else "events_a", "source", "target"],
            ascending=[False, True, True], kind="mergesort").reset_index(drop=True)
        part = part[shown + (["sign_a", "sign_b"] if status == "sign_changed" else [])]
        sections.append((status.replace("_", " ").capitalize(),
                         f"{len(part)} relations {what[status]}.", part))
    sections.append(("All", None, table.drop(columns="relation").reset_index(drop=True)))
    return Answer(f"What changed: {first} and {second}", sections, main="All")
