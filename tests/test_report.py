"""The Markdown report reads like a summary an analyst can trust."""

import re

import pytest

from graphkit.analysis import analyze
from graphkit.errors import AnalysisError
from graphkit.graph import build_dyad_graph, events_frame
from graphkit.model import CATEGORIES
from graphkit.report import escape_cell, report_markdown

NAMES = {"RUS": "Russia", "NATO": "NATO", "USA": "United States", "SYR": "Syria | Gov"}


def make_events():
    specs = ([("RUS", "NATO", "COOPERATE", "2013-04-23", "missile defence")] * 12
             + [("NATO", "RUS", "ACCUSE", "2013-05-02", "missile defence")]
             + [("USA", "SYR", "THREATEN", "2013-08-30", "chemical weapons|Syria")] * 3
             + [("USA", "RUS", "CONSULT", "", "")])
    rows = [dict(event_id=f"e{i:03d}", doc_id=f"doc{i % 4}", date=d, source=s,
                 source_name=NAMES[s], target=t, target_name=NAMES[t], event_type=k,
                 intensity=CATEGORIES[k][2], polarity=CATEGORIES[k][1], issue=issue)
            for i, (s, t, k, d, issue) in enumerate(specs)]
    return events_frame(rows)


def render(events=None, **kw):
    events = make_events() if events is None else events
    return report_markdown(events, build_dyad_graph(events), analyze(events),
                           title=kw.pop("title", "Test corpus"), **kw)


def table_rows(text):
    return [line for line in text.splitlines() if line.startswith("|")]


def cells(line):
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_report_names_the_strongest_dyads():
    text = render()
    assert ("NATO and Russia are the most cooperative pair: 12 cooperative and "
            "1 conflictual events (net intensity +69.0), from 2013-04-23 to 2013-05-02.") in text
    assert ("Syria | Gov and United States are the most conflictual pair: 3 conflictual and "
            "0 cooperative events (net intensity -18.0), on 2013-08-30.") in text
    assert "NATO and Russia are the most evenly mixed pair" in text
    assert "The most frequent issue is missile defence: 13 events" in text


def test_report_corpus_summary_and_sections():
    text = render()
    assert text.startswith("# Test corpus\n")
    assert ("The corpus has 4 documents with 17 events between 4 parties, "
            "from 2013-04-23 to 2013-08-30. 1 event has no date.") in text
    for heading in ("## Corpus", "## Top parties", "## Strongest cooperative pairs",
                    "## Strongest conflictual pairs", "## Most mixed pairs", "## Issues",
                    "## Communities, blocs and balance", "## Method"):
        assert heading in text
    assert "Louvain finds" in text and "two-bloc split (exact)" in text
    assert render(documents=10).count("The corpus has 10 documents") == 1
    assert "The corpus has 2 documents" in render(documents=["a", "b"])


def test_report_escapes_pipes_and_keeps_tables_rectangular():
    text = render(title="A | B")
    assert "Syria \\| Gov (SYR)" in text
    assert "chemical weapons\\|Syria" in text
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|") and (i == 0 or not lines[i - 1].startswith("|")):
            width = len(cells(line))
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                assert len(cells(lines[j])) == width, lines[j]
                j += 1
    assert escape_cell("a|b\nc") == "a\\|b c"


def test_report_is_deterministic():
    assert render() == render()
    shuffled = make_events().sample(frac=1, random_state=1)
    assert render(shuffled) == render()


def test_report_on_empty_corpus():
    text = render(events_frame())
    assert "The corpus has 0 documents and no events." in text
    assert "No pair has cooperative events." in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_report_validates_arguments():
    ev = make_events()
    D = build_dyad_graph(ev)
    with pytest.raises(AnalysisError, match="title must be a non-empty string"):
        report_markdown(ev, D, {}, title=" ")
    with pytest.raises(AnalysisError, match="documents must be a count"):
        report_markdown(ev, D, {}, title="x", documents=3.5)
    text = report_markdown(ev, D, {}, title="x")  # no tables: sections say so, no crash
    assert "No parties." in text


# ---------------------------------------------------------------------------
# issue 18: domestic pairs apart, mixed by balance, star-shaped corpora


def toy(*specs):
    from graphkit.analysis.examples import toy_events

    return toy_events(*[s for spec, n in specs for s in [spec] * n])


def section(text, heading):
    return text.split(f"## {heading}\n")[1].split("\n## ")[0]


def test_domestic_events_get_their_own_table_not_the_conflictual_pairs():
    ev = toy(("USA USA ACCUSE", 5), ("USA RUS ACCUSE", 2), ("RUS UKR ASSAULT", 1))
    text = render(ev)
    conflictual = section(text, "Strongest conflictual pairs")
    assert "USA – USA" not in conflictual and "USA (USA) – USA" not in conflictual
    domestic = section(text, "Events within one party")
    assert "USA has the most: 5 events (0 cooperative, 5 conflictual)" in domestic
    assert [cells(r)[1].strip() for r in table_rows(domestic)[2:]] == ["USA"]


def test_most_mixed_ranks_by_balance_with_a_floor():
    ev = toy(("UKR USA AID", 251), ("UKR USA ACCUSE", 12),       # min 12 but lopsided
             ("KOR PRK CONSULT", 6), ("PRK KOR THREATEN", 5),    # balanced
             ("FRA DEU CONSULT", 1), ("DEU FRA ACCUSE", 1))      # balanced, too few
    mixed = section(render(ev), "Most mixed pairs")
    pairs = [cells(r)[1].strip() for r in table_rows(mixed)[2:]]
    assert pairs == ["KOR – PRK", "UKR – USA"]
    assert mixed.strip().startswith("KOR and PRK are the most evenly mixed pair")


def test_star_shaped_corpus_is_said_and_groups_are_computed_without_the_hub():
    ev = toy(*[(f"USA {p} CONSULT", 5) for p in ("GBR", "JPN", "POL", "YEM", "TWN", "FRA")],
             ("FRA DEU CONSULT", 2), ("POL YEM ACCUSE", 1))
    tables = analyze(ev)
    summary = dict(zip(tables["summary"]["metric"], tables["summary"]["value"]))
    assert (summary["hub"], summary["hub_share"], summary["star"]) == ("USA", 0.909, 1)
    cent = tables["centrality"].set_index("id")
    assert (cent.at["USA", "community"], cent.at["USA", "bloc"]) == (-1, -1)
    assert cent.at["FRA", "community"] == cent.at["DEU", "community"]
    assert cent.at["POL", "bloc"] != cent.at["YEM", "bloc"]       # the hostile pair
    text = render(ev)
    assert ("USA takes part in 91% of the events between two parties: the corpus is "
            "star-shaped") in text
    assert "they are computed without it" in text


def test_weak_modularity_is_said():
    # two pairs that cooperate most with each other, but almost as much across
    weak = toy(("AAA BBB CONSULT", 2), ("CCC DDD CONSULT", 2), ("AAA CCC CONSULT", 1),
               ("BBB DDD CONSULT", 1), ("AAA DDD CONSULT", 1))
    assert "(modularity 0.07). The largest" in render(weak)
    assert "A modularity below 0.3 is weak" in render(weak)
    strong = toy(("AAA BBB CONSULT", 5), ("CCC DDD CONSULT", 5), ("AAA CCC CONSULT", 1))
    assert "is weak" not in render(strong)
