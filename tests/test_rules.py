"""The rules extractor: what the case tables cannot say.

The sentences and the events they must give are rows of ``tests/cases/*.tsv``, run by
``test_cases.py``. Here stay the checks a row cannot express: errors, stances, evidence
offsets, a document's title or front matter, the set of parties named across events,
and which event comes first.
"""

import pytest

from graphkit.errors import ExtractionError
from graphkit.extract import get_extractor
from graphkit.model import Document


def test_unknown_extractor_is_a_clear_error():
    with pytest.raises(ExtractionError, match="unknown extractor"):
        get_extractor("spacy.v9")


def test_reporters_and_outlets_are_not_parties(events):
    text = ("NATO and Russia will hold talks, Voice of Russia correspondent Olga Denisova "
            "reports.")
    parties = {p for e in events(text) for p in (e.source, e.target)}
    assert parties == {"NATO", "RUS"}


def test_evidence_offsets_point_into_the_text(events):
    text = "Preamble line.\n\nIndia signed an agreement with Japan."
    ev = events(text)[0]
    assert text[ev.char_start:ev.char_end] == "India signed an agreement with Japan."


def test_stances_on_agreements_and_issues(ex):
    doc = Document("s", "Iran said it would not implement the Vienna Agreement. "
                        "Britain strongly supports the Paris Agreement.", "2020-01-01")
    got = {(s.actor, s.issue, s.stance, s.negated) for s in ex.extract(doc).stances}
    assert ("IRN", "AGR:VIENNA-AGREEMENT", "support", True) in got
    assert ("GBR", "AGR:PARIS-AGREEMENT", "support", False) in got


def test_stances_share_the_events_negators(ex):
    # "failed to", "neither ... nor", "without" negate a stance as they negate an event
    doc = Document("s", "Chile has failed to implement the Lima Agreement. "
                        "Peru neither supports nor funds terrorism.", "2020-01-01")
    got = {(s.actor, s.stance, s.negated) for s in ex.extract(doc).stances}
    assert ("CHL", "support", True) in got and ("PER", "support", True) in got


def test_markdown_noise_and_wrapped_lines(ex):
    text = ("---\ntitle: x\n---\n\\### Readout\n\nPresident Joe Biden spoke today with\n"
            "Prime Minister Justin Trudeau of Canada. The leaders discussed\ntrade.\n")
    from graphkit.sources import parse_front_matter
    _meta, body = parse_front_matter(text)
    got = {(e.source, e.target) for e in ex.extract(Document("t", body, "2021-01-22")).events}
    assert {("USA", "CAN"), ("CAN", "USA")} <= got


def test_resigning_is_a_retreat(triples):
    assert triples("Peruvian President Pedro Castillo resigned on Friday.")[0][::2] == (
        "PER", "RETREAT")


def test_former_state_names_code_their_continuing_state(events, triples):
    # as the officials table does: Soviet leaders act for RUS, Zaire is the DR Congo
    assert triples("The Soviet Union criticized the United States.", "1985-06-01") == [
        ("RUS", "USA", "ACCUSE")]
    assert triples("Zaire accused Rwanda of aggression.", "1996-10-01") == [
        ("COD", "RWA", "ACCUSE")]
    # a period, not the state
    assert events("Kazakhstan and other post-Soviet states met Japan.")[0].source == "KAZ"


def test_the_subject_of_a_relative_clause_does_its_verb(events):
    text = ("President Biden spoke today with Prime Minister Justin Trudeau of Canada. In "
            "turn, the Prime Minister thanked the President and his administration, the "
            "Governor of Michigan, and US officials for all of the assistance that the "
            "United States is providing.")
    got = {(e.source, e.target, e.event_type) for e in events(
        text, "2022-02-11",
        title="Readout of President Biden's Call with Prime Minister Justin Trudeau of Canada")}
    assert ("USA", "", "AID") in got and ("CAN", "USA", "AID") not in got
