"""The Markdown summary report: corpus, top parties and pairs, issues, communities, blocs."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from .analysis import MIXED_MIN_EVENTS, STAR_SHARE, WEAK_MODULARITY
from .errors import AnalysisError

__all__ = ["report_markdown", "escape_cell", "party_counts", "PARTY_COUNTS"]

_TOP_PARTIES = 10
_MAX_MEMBERS = 8

#: What a party's event count counts, in the report, ``actors.csv`` and the page.
PARTY_COUNTS = "every event in events.csv it is the source or target of, each once"


def party_counts(events: pd.DataFrame, *, weights=None) -> pd.DataFrame:
    """Events per party, as the report, ``actors.csv`` and the explorer page count them.

    A party's events are the events it is the source or the target of, each
    counted once (an event with itself too, and an event with no target);
    ``cooperative`` and ``conflictual`` are those of them with polarity +1 or
    -1 that are not negated.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns ``source``, ``target``,
        ``polarity`` and ``negated``.
    weights : array-like of int, optional
        Events each row stands for (default 1 each).

    Returns
    -------
    DataFrame
        Indexed by party id (sorted), columns ``events``, ``cooperative``,
        ``conflictual`` (int64).

    Examples
    --------
    >>> from graphkit.graph import events_frame
    >>> ev = events_frame([
    ...     dict(event_id="e1", source="USA", target="UKR", polarity=1),
    ...     dict(event_id="e2", source="USA", target="USA", polarity=-1),
    ...     dict(event_id="e3", source="USA", target="", polarity=1, negated=True)])
    >>> party_counts(ev).loc["USA"].tolist(), party_counts(ev).loc["UKR"].tolist()
    ([3, 1, 1], [1, 1, 0])
    """
    n = len(events)
    source = events["source"].astype(str).to_numpy() if n else np.array([], dtype=object)
    target = events["target"].astype(str).to_numpy() if n else np.array([], dtype=object)
    w = np.ones(n, dtype="int64") if weights is None else np.asarray(weights, dtype="int64")
    pol = pd.to_numeric(events["polarity"], errors="coerce").fillna(0).to_numpy() if n else w
    neg = events["negated"].astype(bool).to_numpy() if n else np.zeros(0, dtype=bool)
    coop = np.where(~neg & (pol > 0), w, 0)
    conf = np.where(~neg & (pol < 0), w, 0)
    second = (target != "") & (target != source)
    frame = pd.DataFrame({
        "id": np.concatenate([source, target[second]]),
        "events": np.concatenate([w, w[second]]),
        "cooperative": np.concatenate([coop, coop[second]]),
        "conflictual": np.concatenate([conf, conf[second]]),
    })
    frame = frame[frame["id"] != ""]
    out = frame.groupby("id", sort=True)[["events", "cooperative", "conflictual"]].sum()
    return out.astype("int64")


def report_markdown(events, D, tables, *, title, documents=None, agreements=0,
                    mentioned_only=0, corrections=None):
    """A Markdown report of an analysis, each table introduced by a sentence from its numbers.

    Parameters
    ----------
    events : DataFrame
        Rows with the ``events.csv`` columns.
    D : nx.DiGraph
        Their dyad graph (:func:`graphkit.graph.build_dyad_graph`); used for party names.
    tables : dict of DataFrame
        The result of :func:`graphkit.analysis.analyze`; a missing table gives a
        "no data" line instead of its section's table.
    title : str
        The report's first heading.
    documents : int or sized collection, optional
        Number of documents read (or the documents); by default the distinct ``doc_id``
        values of ``events``, which misses documents without events.
    agreements : int, optional (default=0)
        Named agreements parties took a stance on (nodes of kind ``agreement`` in the
        page and GraphML); counted apart from the parties.
    mentioned_only : int, optional (default=0)
        Parties ``actors.csv`` lists because they are mentioned, though they take part
        in no event; counted apart from the parties.
    corrections : DataFrame, optional
        What ``--corrections`` did (:meth:`graphkit.corrections.Corrections.outcomes`);
        a section lists what was applied and what did not match.

    Returns
    -------
    str
        Markdown text ending with a newline; the same inputs give the same text.

    Raises
    ------
    AnalysisError
        If ``title`` is empty or an argument has the wrong type.

    Examples
    --------
    >>> from graphkit.graph import events_frame, build_dyad_graph
    >>> from graphkit.analysis import analyze
    >>> ev = events_frame(
    ...     [dict(event_id=f"c{i}", doc_id="d1", date="2013-04-23", source="RUS",
    ...           source_name="Russia", target="NATO", target_name="NATO",
    ...           event_type="CONSULT", intensity=2.0, polarity=1) for i in range(3)]
    ...     + [dict(event_id="x1", doc_id="d2", date="2013-05-02", source="NATO",
    ...             source_name="NATO", target="RUS", target_name="Russia",
    ...             event_type="ACCUSE", intensity=-3.0, polarity=-1, issue="missile defence")])
    >>> text = report_markdown(ev, build_dyad_graph(ev), analyze(ev), title="Demo")
    >>> text.splitlines()[0]
    '# Demo'
    >>> print([line for line in text.splitlines() if line.startswith("NATO and Russia")][0])
    NATO and Russia are the most cooperative pair: 3 cooperative and 1 conflictual events (net intensity +3.0), from 2013-04-23 to 2013-05-02.
    """
    if not isinstance(title, str) or not title.strip():
        raise AnalysisError("title must be a non-empty string")
    if not isinstance(events, pd.DataFrame):
        raise AnalysisError(f"events must be a DataFrame, got {type(events).__name__}")
    if not isinstance(D, nx.DiGraph):
        raise AnalysisError(f"D must be a networkx DiGraph, got {type(D).__name__}")
    if not isinstance(tables, dict):
        raise AnalysisError(f"tables must be a dict of DataFrames, got {type(tables).__name__}")

    names = {v: _label(v, D.nodes[v].get("name", "")) for v in D}
    out = [f"# {_inline(title)}", ""]
    counts = party_counts(events)
    out += _corpus(events, D, tables, documents, agreements, mentioned_only)
    out += _parties(tables.get("centrality"), names, counts)
    out += _pairs(tables.get("top_cooperative"), "cooperative")
    out += _pairs(tables.get("top_conflictual"), "conflictual")
    out += _pairs(tables.get("most_mixed"), "mixed")
    out += _domestic(tables.get("domestic"), names)
    out += _issues(tables.get("issues"))
    out += _groups(tables, names)
    if corrections is not None:
        out += _corrections(corrections)
    out += _method(tables.get("summary"))
    while out and out[-1] == "":
        out.pop()
    return _no_markup("\n".join(out) + "\n")


# The report writes none of these itself: in a title, a name or an id they
# could only be raw HTML, a link or code, which a Markdown viewer would render.
_MARKUP = str.maketrans({"<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]", "`": "\\`"})


def _no_markup(text: str) -> str:
    """``text`` with the characters that start raw HTML, links and code escaped.

    Examples
    --------
    >>> _no_markup("<img src=x onerror=alert(1)> [x](javascript:y)")
    '&lt;img src=x onerror=alert(1)&gt; \\\\[x\\\\](javascript:y)'
    """
    return text.translate(_MARKUP)


def escape_cell(value):
    """Text safe inside a Markdown table cell: pipes escaped, line breaks made spaces.

    Examples
    --------
    >>> escape_cell("a|b\\nc")
    'a\\\\|b c'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.replace("\r", "\n").split("\n")).strip()


# --------------------------------------------------------------------------- sections


def _corpus(events, D, tables, documents, agreements=0, mentioned_only=0):
    n_docs = _documents(events, documents)
    n_events = len(events)
    negated = int(events["negated"].astype(bool).sum()) if "negated" in events else 0
    dates = events["date"].astype(str) if "date" in events else pd.Series([], dtype=str)
    dated = dates[dates.str.match(r"^\d{4}-\d{2}-\d{2}$")]
    undated = n_events - len(dated)
    parties = D.number_of_nodes()
    lines = ["## Corpus", ""]
    if n_events == 0:
        lines += [f"The corpus has {_n(n_docs, 'document')} and no events.", ""]
        return lines
    span = f"from {dated.min()} to {dated.max()}" if len(dated) else "with no dates"
    text = (f"The corpus has {_n(n_docs, 'document')} with {_n(n_events, 'event')} "
            f"between {_n(parties, 'party', 'parties')}, {span}.")
    extra = []
    if negated:
        extra.append(f"{_n(negated, 'negated event')} count{'s' if negated == 1 else ''} "
                     "as neither cooperation nor conflict")
    if undated:
        extra.append(f"{_n(undated, 'event')} {'has' if undated == 1 else 'have'} no date")
    if extra:
        text += " " + "; ".join(extra) + "."
    apart = []
    if mentioned_only:
        apart.append(f"{_n(mentioned_only, 'more party', 'more parties')} "
                     f"{'is' if mentioned_only == 1 else 'are'} mentioned without taking part "
                     "in an event (listed in actors.csv with 0 events)")
    if agreements:
        apart.append(f"parties took stances on {_n(agreements, 'named agreement')} "
                     "(stances.csv; drawn as agreement nodes on the page, not counted as parties)")
    if apart:
        text += " " + "; ".join(a[0].upper() + a[1:] for a in apart) + "."
    lines += [text, ""]
    rows = [
        ("Documents", n_docs),
        ("Events", n_events),
        ("Negated events", negated),
        ("Undated events", undated),
        ("Parties", parties),
        ("Parties mentioned without events", mentioned_only),
        ("Agreements with stances", agreements),
        ("Directed dyads", D.number_of_edges()),
        ("First date", dated.min() if len(dated) else ""),
        ("Last date", dated.max() if len(dated) else ""),
    ]
    lines += _table(["Measure", "Value"], rows)
    return lines


def _parties(cent, names, counts):
    lines = ["## Top parties", ""]
    if cent is None or cent.empty or counts.empty:
        return lines + ["No parties.", ""]
    info = ["partners", "pagerank", "betweenness", "community", "bloc"]
    c = counts.reset_index().merge(cent[["id"] + [k for k in info if k in cent.columns]],
                                   on="id", how="left")
    for k in info:
        if k not in c.columns:
            c[k] = float("nan")
    c = c.sort_values(["events", "pagerank", "id"], ascending=[False, False, True],
                      kind="mergesort", na_position="last")
    first = c.iloc[0]
    text = (f"{names.get(first['id'], first['id'])} takes part in the most events: "
            f"{_n(int(first['events']), 'event')} ({int(first['cooperative'])} cooperative, "
            f"{int(first['conflictual'])} conflictual)")
    if not math.isnan(first["partners"]):
        text += f" with {_n(int(first['partners']), 'partner')}"
    text += "."
    ranked = c.dropna(subset=["pagerank"])
    if len(ranked) > 1:
        top_pr = ranked.sort_values(["pagerank", "id"], ascending=[False, True],
                                    kind="mergesort").iloc[0]
        if top_pr["id"] != first["id"]:
            text += (f" {names.get(top_pr['id'], top_pr['id'])} ranks first by PageRank on "
                     f"cooperation ({top_pr['pagerank']:.3f}).")
        else:
            text += f" It also ranks first by PageRank on cooperation ({top_pr['pagerank']:.3f})."
    lines += [text, ""]
    header = ["#", "Party", "Events", "Cooperative", "Conflictual", "Partners", "PageRank",
              "Betweenness"]
    has_groups = c["community"].notna().any() and c["bloc"].notna().any()
    if has_groups:
        header += ["Community", "Bloc"]
    rows = []
    for i, r in enumerate(c.head(_TOP_PARTIES).itertuples(index=False), 1):
        row = [i, _full(r.id, names.get(r.id, r.id)), int(r.events), int(r.cooperative),
               int(r.conflictual), _whole(r.partners), _fixed(r.pagerank), _fixed(r.betweenness)]
        if has_groups:
            row += [_whole(r.community), _whole(r.bloc)]
        rows.append(row)
    return lines + _table(header, rows)


def _whole(value):
    return "" if value is None or math.isnan(value) else int(value)


def _fixed(value):
    return "" if value is None or math.isnan(value) else f"{value:.4f}"


_PAIR_TEXT = {
    "cooperative": ("Strongest cooperative pairs", "the most cooperative pair",
                    "No pair has cooperative events."),
    "conflictual": ("Strongest conflictual pairs", "the most conflictual pair",
                    "No pair has conflictual events."),
    "mixed": ("Most mixed pairs", "the most evenly mixed pair",
              f"No pair has {MIXED_MIN_EVENTS} or more cooperative and conflictual events "
              "with some of each."),
}


def _pairs(frame, kind):
    heading, phrase, none = _PAIR_TEXT[kind]
    lines = [f"## {heading}", ""]
    if frame is None or frame.empty:
        return lines + [none, ""]
    r = frame.iloc[0]
    a, b = _label(r["a"], r["a_name"]), _label(r["b"], r["b_name"])
    coop, conf = int(r["cooperative"]), int(r["conflictual"])
    counts = (f"{conf} conflictual and {coop} cooperative" if kind == "conflictual"
              else f"{coop} cooperative and {conf} conflictual")
    net = float(r["sum_intensity"])
    text = (f"{a} and {b} are {phrase}: {counts} {_plural(coop + conf, 'event')} "
            f"(net intensity {net:+.1f})")
    text += _span(r["first_date"], r["last_date"]) + "."
    if kind == "conflictual" and net > 0:
        text += " Cooperation still outweighs conflict between them."
    elif kind == "cooperative" and net < 0:
        text += " Conflict still outweighs cooperation between them."
    if len(frame) > 1:
        r2 = frame.iloc[1]
        c2, k2 = int(r2["cooperative"]), int(r2["conflictual"])
        if kind == "cooperative":
            what = f"{_n(c2, 'cooperative event')}"
        elif kind == "conflictual":
            what = f"{_n(k2, 'conflictual event')}"
        else:
            what = f"{c2} cooperative and {k2} conflictual {_plural(c2 + k2, 'event')}"
        text += (f" Next come {_label(r2['a'], r2['a_name'])} and "
                 f"{_label(r2['b'], r2['b_name'])} with {what}.")
    if kind == "mixed":
        text += (" Pairs rank by balance, the smaller of their cooperative and conflictual "
                 "counts over the larger (1.0: as many of each), among pairs with at least "
                 f"{MIXED_MIN_EVENTS} such events (fewer make the balance noise: one event "
                 "each way would be a perfect 1.0).")
    lines += [text, ""]
    header = ["#", "Pair", "Events", "Cooperative", "Conflictual", "Net intensity", "First",
              "Last", "Issues"]
    rows = [
        [i, f"{_full(x.a, x.a_name)} – {_full(x.b, x.b_name)}", int(x.events),
         int(x.cooperative), int(x.conflictual), f"{float(x.sum_intensity):+.1f}",
         x.first_date, x.last_date, str(x.issues).replace(";", ", ")]
        for i, x in enumerate(frame.itertuples(index=False), 1)
    ]
    return lines + _table(header, rows)


def _issues(frame):
    lines = ["## Issues", ""]
    if frame is None or frame.empty:
        return lines + ["No event names an issue.", ""]
    r = frame.iloc[0]
    text = (f"The most frequent issue is {r['issue']}: {_n(int(r['events']), 'event')} "
            f"({int(r['cooperative'])} cooperative, {int(r['conflictual'])} conflictual) "
            f"among {_n(int(r['parties']), 'party', 'parties')}.")
    no_issue = frame.attrs.get("no_issue")
    if no_issue:
        text += f" {_n(int(no_issue), 'event')} name{'s' if no_issue == 1 else ''} no issue."
    lines += [text, ""]
    header = ["Issue", "Events", "Cooperative", "Conflictual", "Negated", "Dyads", "Parties",
              "First", "Last"]
    rows = [[x.issue, int(x.events), int(x.cooperative), int(x.conflictual), int(x.negated),
             int(x.dyads), int(x.parties), x.first_date, x.last_date]
            for x in frame.itertuples(index=False)]
    return lines + _table(header, rows)


def _domestic(frame, names):
    lines = ["## Events within one party", ""]
    if frame is None or frame.empty:
        return lines + ["No party acts on itself (no domestic events).", ""]
    r = frame.iloc[0]
    who = names.get(r["a"], _label(r["a"], r["a_name"]))
    lines += [f"These events have the same party on both sides (a government and its own "
              f"opposition, courts or citizens) and are left out of the pair tables above. "
              f"{who} has the most: {_n(int(r['events']), 'event')} "
              f"({int(r['cooperative'])} cooperative, {int(r['conflictual'])} conflictual).",
              ""]
    rows = [[i, _full(x.a, x.a_name), int(x.events), int(x.cooperative), int(x.conflictual),
             f"{float(x.sum_intensity):+.1f}", x.first_date, x.last_date]
            for i, x in enumerate(frame.itertuples(index=False), 1)]
    return lines + _table(["#", "Party", "Events", "Cooperative", "Conflictual",
                           "Net intensity", "First", "Last"], rows)


def _star_text(summary, names) -> list:
    """What a star-shaped corpus means for communities and blocs, or nothing."""
    if not int(summary.get("star", 0) or 0):
        return []
    hub = str(summary.get("hub", ""))
    share = float(summary.get("hub_share", 0) or 0)
    who = names.get(hub, hub)
    return [f"{who} takes part in {100 * share:.0f}% of the events between two parties: the "
            f"corpus is star-shaped, told from {who}'s side (more than "
            f"{100 * STAR_SHARE:.0f}% makes a star). Most parties are linked only through "
            f"{who}, so communities and blocs computed with it would sort parties by their "
            f"ties to {who}; they are computed without it, and parties whose only relations "
            f"are with {who} are communities of their own.", ""]


def _groups(tables, names):
    lines = ["## Communities, blocs and balance", ""]
    comm = tables.get("communities")
    summary = _metrics(tables.get("summary"))
    cent = tables.get("centrality")
    lines += _star_text(summary, names)
    if comm is None or comm.empty:
        lines += ["No communities: the graph has no parties.", ""]
    else:
        big = comm.iloc[0]
        members = str(big["members"]).split(";") if big["members"] else []
        shown = ", ".join(names.get(m, m) for m in members[:_MAX_MEMBERS])
        more = f" and {len(members) - _MAX_MEMBERS} more" if len(members) > _MAX_MEMBERS else ""
        q = summary.get("modularity")
        q_text = f" (modularity {float(q):.2f})" if q not in (None, "") else ""
        weak = ""
        if q not in (None, "") and float(q) < WEAK_MODULARITY and len(comm) > 1:
            weak = (f" A modularity below {WEAK_MODULARITY} is weak (networks with real "
                    f"groups score about 0.3 to 0.7): read these communities as loose.")
        lines += [
            f"Louvain finds {_n(len(comm), 'community', 'communities')} of cooperating "
            f"parties{q_text}. The largest has {_n(int(big['size']), 'party', 'parties')}: "
            f"{shown}{more}.{weak}",
            "",
        ]
        rows = []
        for x in comm.itertuples(index=False):
            ms = str(x.members).split(";") if x.members else []
            tail = f" (+{len(ms) - _MAX_MEMBERS})" if len(ms) > _MAX_MEMBERS else ""
            rows.append([int(x.community), int(x.size), int(x.cooperative_inside),
                         ", ".join(names.get(m, m) for m in ms[:_MAX_MEMBERS]) + tail])
        lines += _table(["Community", "Parties", "Cooperative events inside", "Members"],
                        rows[:_TOP_PARTIES])
    bal = _metrics(tables.get("balance"))
    signed = int(bal.get("signed_edges", 0) or 0)
    if cent is not None and not cent.empty and "bloc" in cent.columns and signed:
        method = bal.get("method", "")
        ranked = cent.sort_values(["strength", "id"], ascending=[False, True], kind="mergesort")
        parts = []
        for k in (0, 1):
            ids = ranked.loc[ranked["bloc"] == k, "id"].tolist()
            shown = ", ".join(names.get(m, m) for m in ids[:_MAX_MEMBERS])
            more = f" and {len(ids) - _MAX_MEMBERS} more" if len(ids) > _MAX_MEMBERS else ""
            parts.append(f"bloc {k} has {_n(len(ids), 'party', 'parties')}"
                         f"{' (' + shown + more + ')' if ids else ''}")
        frustration = int(bal.get("frustration", 0))
        how = "exact" if method == "exact" else "heuristic (local search)"
        contradict = (f"{frustration} of {_n(signed, 'signed pair')} "
                      f"{'contradicts' if frustration == 1 else 'contradict'} it (a hostile "
                      f"pair inside a bloc or a friendly pair across).")
        if (cent["bloc"] == 1).any():
            text = (f"The two-bloc split ({how}) that best matches friends and foes: "
                    f"{parts[0]}; {parts[1]}. {contradict}")
        else:
            text = (f"No split into two hostile blocs fits better than keeping all parties "
                    f"together ({how} search). {contradict}")
        lines += [text, ""]
    else:
        lines += ["No pair has a positive or negative net intensity, so there are no blocs.", ""]
    tri = int(bal.get("triangles", 0) or 0)
    if tri:
        good = int(bal.get("balanced", 0))
        lines += [
            f"Of {_n(tri, 'triangle')} of signed pairs, {good} ({100 * good / tri:.0f}%) "
            f"{'is' if good == 1 else 'are'} balanced in Heider's sense (the friend of a "
            f"friend is a friend, the enemy of an enemy a friend) and {tri - good} "
            f"{'is' if tri - good == 1 else 'are'} not.",
            "",
        ]
    elif signed:
        lines += ["No three parties are all linked by signed pairs, so there is no triangle "
                  "to test for balance.", ""]
    if bal:
        labels = {
            "triangles": "Triangles", "balanced": "Balanced", "unbalanced": "Unbalanced",
            "share_balanced": "Share balanced", "frustration": "Frustration",
            "signed_edges": "Signed pairs", "positive": "Positive pairs",
            "negative": "Negative pairs", "method": "Bloc method",
        }
        rows = [(labels.get(k, k), _fmt(v)) for k, v in bal.items()]
        lines += _table(["Measure", "Value"], rows)
    return lines


def _corrections(frame):
    lines = ["## Corrections", ""]
    if frame.empty:
        return lines + ["The corrections file has no corrections.", ""]
    applied = frame[frame["outcome"] == "applied"]
    dropped = int((applied["action"] == "drop").sum())
    edited = len(applied) - dropped
    missed = len(frame) - len(applied)
    text = (f"Corrections from the page: {len(applied)} of {len(frame)} applied "
            f"({_n(dropped, 'event')} dropped, {edited} edited).")
    if missed:
        text += (f" {missed} did not match an event of this run (the documents or the "
                 "extractor changed since the page was made) and changed nothing.")
    lines += [text, ""]
    rows = [[x.event_id, x.change, x.outcome, x.note] for x in frame.itertuples(index=False)]
    return lines + _table(["Event", "Correction", "Outcome", "Note"], rows)


def _method(summary):
    metrics = _metrics(summary)
    notes = [x for x in str(metrics.get("notes", "") or "").split("; ") if x]
    lines = ["## Method", ""]
    text = ("A party's events are " + PARTY_COUNTS + " (the explorer page and actors.csv "
            "count the same). Cooperative and conflictual counts leave out negated events; a "
            "pair's sign is the sign of its net intensity summed over both directions. "
            "Communities come from Louvain on cooperative counts")
    if "seed" in metrics:
        text += f" (seed {metrics['seed']})"
    text += "."
    if notes:
        text += " " + "; ".join(n[0].upper() + n[1:] for n in notes) + "."
    return lines + [text, ""]


# --------------------------------------------------------------------------- helpers


def _documents(events, documents):
    if documents is None:
        if "doc_id" not in events:
            return 0
        ids = events["doc_id"].astype(str)
        return int(ids[ids != ""].nunique())
    if isinstance(documents, bool):
        raise AnalysisError("documents must be a count or a collection of documents")
    if isinstance(documents, int):
        return documents
    try:
        return len(documents)
    except TypeError:
        raise AnalysisError("documents must be a count or a collection of documents") from None


def _metrics(frame):
    if frame is None or frame.empty or not {"metric", "value"} <= set(frame.columns):
        return {}
    return dict(zip(frame["metric"], frame["value"]))


def _table(header, rows):
    out = ["| " + " | ".join(escape_cell(h) for h in header) + " |",
           "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(escape_cell(_fmt(c)) for c in row) + " |" for row in rows]
    return out + [""]


def _fmt(value):
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return value


def _label(party, name):
    party = str(party)
    name = "" if name is None or (isinstance(name, float) and math.isnan(name)) else str(name)
    return name if name and name != party else party


def _span(first, last):
    if not first:
        return ""
    return f", on {first}" if first == last else f", from {first} to {last}"


def _full(party, name):
    label = _label(party, name)
    return label if label == str(party) else f"{label} ({party})"


def _inline(text):
    return " ".join(str(text).split())


def _plural(count, word, plural=None):
    return word if count == 1 else (plural or word + "s")


def _n(count, word, plural=None):
    return f"{count} {_plural(count, word, plural)}"
