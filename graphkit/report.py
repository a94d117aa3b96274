"""The Markdown summary report: corpus, top parties and pairs, issues, communities, blocs."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from .errors import AnalysisError

__all__ = ["report_markdown", "escape_cell"]

_TOP_PARTIES = 10
_MAX_MEMBERS = 8


def report_markdown(events, D, tables, *, title, documents=None):
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
    out += _corpus(events, D, tables, documents)
    out += _parties(tables.get("centrality"), names)
    out += _pairs(tables.get("top_cooperative"), "cooperative")
    out += _pairs(tables.get("top_conflictual"), "conflictual")
    out += _pairs(tables.get("most_mixed"), "mixed")
    out += _issues(tables.get("issues"))
    out += _groups(tables, names)
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


def _corpus(events, D, tables, documents):
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
    lines += [text, ""]
    rows = [
        ("Documents", n_docs),
        ("Events", n_events),
        ("Negated events", negated),
        ("Undated events", undated),
        ("Parties", parties),
        ("Directed dyads", D.number_of_edges()),
        ("First date", dated.min() if len(dated) else ""),
        ("Last date", dated.max() if len(dated) else ""),
    ]
    lines += _table(["Measure", "Value"], rows)
    return lines


def _parties(cent, names):
    lines = ["## Top parties", ""]
    if cent is None or cent.empty:
        return lines + ["No parties.", ""]
    c = cent.sort_values(["strength", "pagerank", "id"], ascending=[False, False, True],
                         kind="mergesort").head(_TOP_PARTIES)
    first = c.iloc[0]
    text = (f"{names.get(first['id'], first['id'])} takes part in the most events: "
            f"{_n(int(first['strength']), 'event')} ({int(first['cooperative'])} cooperative, "
            f"{int(first['conflictual'])} conflictual) with "
            f"{_n(int(first['partners']), 'partner')}.")
    by_pr = cent.sort_values(["pagerank", "id"], ascending=[False, True], kind="mergesort")
    top_pr = by_pr.iloc[0]
    if len(cent) > 1 and top_pr["id"] != first["id"]:
        text += (f" {names.get(top_pr['id'], top_pr['id'])} ranks first by PageRank on "
                 f"cooperation ({top_pr['pagerank']:.3f}).")
    elif len(cent) > 1:
        text += f" It also ranks first by PageRank on cooperation ({top_pr['pagerank']:.3f})."
    lines += [text, ""]
    header = ["#", "Party", "Events", "Cooperative", "Conflictual", "Partners", "PageRank",
              "Betweenness"]
    has_groups = "community" in c.columns and "bloc" in c.columns
    if has_groups:
        header += ["Community", "Bloc"]
    rows = []
    for i, r in enumerate(c.itertuples(index=False), 1):
        row = [i, _full(r.id, r.name), int(r.strength), int(r.cooperative),
               int(r.conflictual), int(r.partners), f"{r.pagerank:.4f}", f"{r.betweenness:.4f}"]
        if has_groups:
            row += [int(r.community), int(r.bloc)]
        rows.append(row)
    return lines + _table(header, rows)


_PAIR_TEXT = {
    "cooperative": ("Strongest cooperative pairs", "the most cooperative pair",
                    "No pair has cooperative events."),
    "conflictual": ("Strongest conflictual pairs", "the most conflictual pair",
                    "No pair has conflictual events."),
    "mixed": ("Most mixed pairs", "the pair with the most mixed relations",
              "No pair has both cooperative and conflictual events."),
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


def _groups(tables, names):
    lines = ["## Communities, blocs and balance", ""]
    comm = tables.get("communities")
    summary = _metrics(tables.get("summary"))
    cent = tables.get("centrality")
    if comm is None or comm.empty:
        lines += ["No communities: the graph has no parties.", ""]
    else:
        big = comm.iloc[0]
        members = str(big["members"]).split(";") if big["members"] else []
        shown = ", ".join(names.get(m, m) for m in members[:_MAX_MEMBERS])
        more = f" and {len(members) - _MAX_MEMBERS} more" if len(members) > _MAX_MEMBERS else ""
        q = summary.get("modularity")
        q_text = f" (modularity {float(q):.2f})" if q not in (None, "") else ""
        lines += [
            f"Louvain finds {_n(len(comm), 'community', 'communities')} of cooperating "
            f"parties{q_text}. The largest has {_n(int(big['size']), 'party', 'parties')}: "
            f"{shown}{more}.",
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


def _method(summary):
    metrics = _metrics(summary)
    notes = [x for x in str(metrics.get("notes", "") or "").split("; ") if x]
    lines = ["## Method", ""]
    text = ("Cooperative and conflictual counts leave out negated events; a pair's sign is "
            "the sign of its net intensity summed over both directions. Communities come "
            "from Louvain on cooperative counts")
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
