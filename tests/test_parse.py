"""The parse-assisted back-end (``rules+parse``): the one-line error without spaCy or a
model, and, where a small English model is installed, how the parse confirms, replaces
and vetoes the parties of events (the events are written by hand here, so each test
checks the parse's reading whatever the rules find), and the events.csv it writes."""

import csv
import sys

import pytest
from click.testing import CliRunner

from graphkit.cli import cli
from graphkit.errors import ExtractionError
from graphkit.extract import get_extractor, parse
from graphkit.model import EVENT_COLUMNS, Document, Event

INSTALL = ('pip install -e ".[parse]"', "python -m spacy download en_core_web_sm")


@pytest.fixture(scope="module")
def px():
    """The rules+parse extractor; the tests using it skip without a model."""
    try:
        return get_extractor("rules+parse")
    except ExtractionError as err:
        pytest.skip(f"no spaCy English model importable: {err}")


def event(source, target, event_type, trigger, sentence, n=1):
    """A hand-made event of the rules' kind in a one-sentence document."""
    return Event(event_id=f"t#0.{n}", doc_id="t", date="2022-05-01", sentence_id=0,
                 source=source, source_name=source, source_agent="", target=target,
                 target_name=target, target_agent="", event_type=event_type, mode="",
                 quad_class=1, intensity=1.0, polarity=1, issue="", negated=False,
                 modality="", speaker="", evidence=sentence, char_start=0,
                 char_end=len(sentence), extractor="rules.v1", trigger=trigger)


def check(px, *events):
    kept, checks = px.check(list(events), date="2022-05-01")
    return [(e.source, e.target) for e in kept], [(c.source_check, c.target_check)
                                                  for c in checks]


def _run(tmp_path, extra=()):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Russian troops attacked Ukrainian positions.\n")
    return CliRunner().invoke(cli, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                                    "--extractor", "rules+parse", "-q", *extra])


# ---------------------------------------------------------------- without spaCy or a model

def test_run_without_spacy_is_one_line_naming_the_installs(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)     # import spacy -> ImportError
    result = _run(tmp_path)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "spaCy is not installed" in lines[0]
    assert all(hint in lines[0] for hint in INSTALL)
    assert not (tmp_path / "out" / "events.csv").exists()


def test_run_without_a_model_is_one_line_naming_the_installs(tmp_path, monkeypatch):
    pytest.importorskip("spacy", reason="spaCy is not installed (the test above covers it)")
    monkeypatch.setattr(parse, "MODEL_PACKAGES", ("graphkit_no_such_model",))
    result = _run(tmp_path)
    assert result.exit_code == 1
    line, = result.output.strip().splitlines()
    assert "graphkit_no_such_model" in line and all(hint in line for hint in INSTALL)


def test_eval_without_a_model_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    gold = tmp_path / "gold.json"
    gold.write_text('[{"id": "g1", "date": "2000-01-01", "event": "CONSULT", '
                    '"text": "Russia met NATO.", "source": [{"code": "RUS"}], '
                    '"target": [{"code": "IGO"}]}]')
    result = CliRunner().invoke(cli, ["eval", str(gold), "--extractor", "rules+parse"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and INSTALL[1] in result.output


def test_find_parties_reads_names_adjectives_and_agents_surnames():
    from graphkit.actors import load_registry
    text = "The Russian envoy met Lavrov and the French side in Paris and Geneva."
    found = parse.find_parties(load_registry(), text, agents={"Sergei Lavrov": "RUS"})
    assert [(p, text[a:b]) for p, a, b in found] == [      # Geneva: a place, no party
        ("RUS", "Russian"), ("RUS", "Lavrov"), ("FRA", "French"), ("FRA", "Paris")]


def test_unknown_action_is_an_error(px):
    with pytest.raises(ExtractionError, match="unknown parse actions"):
        parse.ParseExtractor(registry=px.registry, nlp=px.nlp, actions=("drop",))


# ---------------------------------------------------------------- the parse's reading

@pytest.mark.parametrize("a,b,sentence", [
    ("RUS", "UKR", "Russian troops attacked Ukrainian positions near the border."),
    ("ISR", "IRN", "Iran was attacked by Israel on Friday."),
    ("TUR", "SYR", "Turkey launched an offensive against Syria."),
    ("JPN", "CHN", "Japan accused China of violating its airspace."),
])
def test_subjects_objects_passives_and_support_verbs_confirm(px, a, b, sentence):
    trigger = {"RUS": "attacked", "ISR": "attacked", "TUR": "offensive", "JPN": "accused"}[a]
    assert check(px, event(a, b, "ASSAULT", trigger, sentence)) == (
        [(a, b)], [("confirmed", "confirmed")])


@pytest.mark.parametrize("a,b", [("ISR", "IRN"), ("IRN", "ISR"), ("IND", "PAK")])
def test_swapped_parties_are_replaced(px, a, b):
    name = {"ISR": "Israel", "IRN": "Iran", "IND": "India", "PAK": "Pakistan"}
    sentence = f"{name[b]} was attacked by {name[a]} on Friday."
    kept, checks = check(px, event(b, a, "ASSAULT", "attacked", sentence))
    assert kept == [(a, b)] and checks == [("replaced", "replaced")]


def test_a_source_the_sentence_does_not_name_is_replaced_by_the_subject(px):
    sentence = "Russia accused Ukraine of shelling the city."
    assert check(px, event("CHN", "UKR", "ACCUSE", "accused", sentence)) == (
        [("RUS", "UKR")], [("replaced", "confirmed")])


@pytest.mark.parametrize("a,b", [("DEU", "IRN"), ("FRA", "PRK"), ("JPN", "SYR")])
def test_a_party_named_only_inside_a_topic_is_vetoed(px, a, b):
    name = {"DEU": "Germany", "FRA": "France", "JPN": "Japan", "IRN": "Iran",
            "PRK": "North Korea", "SYR": "Syria"}
    sentence = f"{name[a]} will continue to work for a ban on the testing of weapons in {name[b]}."
    e = event(a, b, "THREATEN", "ban on", sentence)
    assert check(px, e) == ([], [("open", "vetoed")])
    measuring = parse.ParseExtractor(registry=px.registry, nlp=px.nlp, actions=())
    kept, checks = measuring.check([e])
    assert [(k.source, k.target) for k in kept] == [(a, b)]     # recorded, not applied
    assert checks[0].target_check == "vetoed" and checks[0].kept


def test_pronouns_and_collectives_leave_the_rules_choice(px):
    sentence = "The two leaders discussed the war in Ukraine."
    assert check(px, event("USA", "RUS", "CONSULT", "discussed", sentence)) == (
        [("USA", "RUS")], [("open", "open")])
    sentence = "We condemn the attack on the embassy."      # Iran: from the discourse
    assert check(px, event("GBR", "IRN", "ACCUSE", "condemn", sentence)) == (
        [("GBR", "IRN")], [("open", "unlocated")])


def test_a_partner_a_preposition_may_attach_elsewhere_is_not_vetoed(px):
    sentence = "Germany discussed Russia's war in Ukraine with France."
    kept, checks = check(px, event("DEU", "FRA", "CONSULT", "discussed", sentence))
    assert kept == [("DEU", "FRA")] and "vetoed" not in checks[0]
    kept, checks = check(px, event("DEU", "RUS", "CONSULT", "discussed", sentence))
    assert kept == [] and checks[0][1] == "vetoed"          # Russia's war is the topic


def test_a_list_of_subjects_stays_whole(px):
    sentence = ("Russia, China, India, Brazil and South Africa signed an agreement "
                "with the European Union.")
    events = [event(p, "EU", "AGREE", "signed an agreement", sentence, n)
              for n, p in enumerate(["RUS", "CHN", "IND", "BRA", "ZAF"], 1)]
    kept, checks = check(px, *events)
    assert len(kept) == 5 and set(checks) == {("confirmed", "confirmed")}


def test_a_trigger_not_in_the_sentence_is_unparsed(px):
    e = event("RUS", "UKR", "ASSAULT", "shelled", "Russian troops attacked Ukraine.")
    assert check(px, e) == ([("RUS", "UKR")], [("unparsed", "unparsed")])


# ---------------------------------------------------------------- the back-end as a whole

def test_extract_marks_every_event_and_checks_only_sentences_with_events(px):
    text = ("The weather was fine. Russian troops attacked Ukrainian positions. "
            "Germany will continue to work for a ban on the testing of weapons in Iran.")
    res = px.extract(Document("d", text, "2022-05-01"))
    rules = px.rules.extract(Document("d", text, "2022-05-01"))
    assert {e.extractor for e in res.events} == {"rules+parse"}
    assert {c.event_id for c in res.checks} == {e.event_id for e in rules.events}
    assert ("RUS", "UKR") in {(e.source, e.target) for e in res.events}
    assert ("DEU", "IRN") not in {(e.source, e.target) for e in res.events}
    assert res.sentences == rules.sentences and res.mentions == rules.mentions


def test_without_actions_the_events_are_the_rules_own(px, ex):
    from graphkit.sources import iter_documents
    from tests.conftest import SEED_DIR
    measuring = parse.ParseExtractor(registry=px.registry, nlp=px.nlp, actions=())
    for doc in iter_documents([SEED_DIR]):
        rules = [e.row() | {"extractor": ""} for e in ex.extract(doc).events]
        assert [e.row() | {"extractor": ""} for e in measuring.extract(doc).events] == rules


def test_run_writes_the_events_csv_contract(px, tmp_path):
    result = _run(tmp_path, ["-j", "1"])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "events.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [(r["source"], r["target"], r["extractor"]) for r in rows] == [
        ("RUS", "UKR", "rules+parse")]
