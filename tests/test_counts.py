"""One set of numbers: parties, agreements, dyads and each party's events counted the same
way in the run summary, report.md, actors.csv and the page."""

import re

import pandas as pd
from click.testing import CliRunner

from graphkit.cli import cli
from graphkit.graph import events_frame
from graphkit.pipeline import build_outputs
from graphkit.report import party_counts, report_markdown

from conftest import SEED_DIR


def _events():
    return events_frame([
        dict(event_id="a1", doc_id="d", source="USA", target="UKR", event_type="CONSULT",
             polarity=1, intensity=1.0),
        dict(event_id="a2", doc_id="d", source="USA", target="USA", event_type="ACCUSE",
             polarity=-1, intensity=-3.0),
        dict(event_id="a3", doc_id="d", source="USA", target="", event_type="AID", polarity=1,
             intensity=7.0),
        dict(event_id="a4", doc_id="d", source="UKR", target="USA", event_type="AID",
             polarity=1, intensity=7.0),
        dict(event_id="a5", doc_id="d", source="RUS", target="UKR", event_type="CONSULT",
             polarity=0, negated=True)])


def test_a_party_event_counts_once_with_itself_and_without_a_target():
    counts = party_counts(_events())
    assert counts.to_dict("index") == {
        "RUS": {"events": 1, "cooperative": 0, "conflictual": 0},
        "UKR": {"events": 3, "cooperative": 2, "conflictual": 0},
        "USA": {"events": 4, "cooperative": 3, "conflictual": 1}}
    assert party_counts(events_frame()).empty


def test_report_and_actors_csv_give_the_same_party_counts():
    ev = _events()
    result = build_outputs(ev)
    actors = result.actors.set_index("id")
    assert actors.loc["USA", ["events", "cooperation", "conflict", "degree"]].tolist() == [4, 3, 1, 1]
    assert result.graph.nodes["USA"]["events"] == 4
    text = report_markdown(ev, result.graph, result.tables, title="T", agreements=2,
                           mentioned_only=3)
    assert "| 1 | United States (USA) | 4 | 3 | 1 | 1 |" in text
    assert "United States takes part in the most events: 4 events (3 cooperative, 1 conflictual)" \
        in text
    assert ("3 more parties are mentioned without taking part in an event (listed in actors.csv "
            "with 0 events)") in text
    assert "Parties took stances on 2 named agreements" in text
    assert "| Parties | 3 |" in text and "| Agreements with stances | 2 |" in text
    assert "| Directed dyads | 4 |" in text


def test_seed_run_summary_report_and_actors_agree(tmp_path):
    res = CliRunner().invoke(cli, ["run", str(SEED_DIR), "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    m = re.search(r"(\d+) events, (\d+) parties, (\d+) dyads(?:, (\d+) agreements)? in", res.output)
    events, parties, dyads, agreements = (int(x or 0) for x in m.groups())
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    measure = lambda k: int(re.search(rf"^\| {k} \| (\d+) \|", report, re.M).group(1))  # noqa: E731
    assert (measure("Events"), measure("Parties"), measure("Directed dyads"),
            measure("Agreements with stances")) == (events, parties, dyads, agreements)
    actors = pd.read_csv(tmp_path / "actors.csv", keep_default_na=False)
    assert (actors["events"] > 0).sum() == parties
    assert measure("Parties mentioned without events") == (actors["events"] == 0).sum()
    section = report.split("## Top parties", 1)[1].split("\n## ", 1)[0]
    top = re.findall(r"^\| \d+ \| .*\((\w+)\) \| (\d+) \|", section, re.M)
    by_id = actors.set_index("id")["events"]
    assert top and all(by_id[pid] == int(n) for pid, n in top)
