"""Long sentences and long documents (issue 19, item 11): the per-sentence cap and
the extraction of a document in segments."""

from __future__ import annotations

import pytest

from graphkit.actors import tokenize
from graphkit.extract.rules import RulesExtractor
from graphkit.extract.text import MAX_TOKENS, split_sentences
from graphkit.model import Document

# one "sentence" of 253 tokens in 969 characters: under the 1,000-character cut
LONG = ("Russia and NATO held talks in Brussels, " + "Iran met Iraq, " * 60
        + "and France criticized Israel.")


@pytest.fixture(scope="module")
def ex():
    return RulesExtractor()


def test_a_sentence_over_the_token_cap_is_cut_at_a_comma():
    spans = split_sentences(LONG)
    assert len(spans) == 2
    (a, b), (c, d) = spans
    assert LONG[b - 1] == "," and LONG[c:d] == "and France criticized Israel."
    assert all(len(tokenize(LONG[s:e])) <= MAX_TOKENS for s, e in spans)


def test_a_sentence_over_the_token_cap_without_commas_is_cut_at_the_cap():
    text = "US UK met EU " * 70           # 280 tokens, 910 characters, no mark at all
    spans = split_sentences(text)
    assert [len(tokenize(text[s:e])) for s, e in spans] == [MAX_TOKENS, 280 - MAX_TOKENS]
    assert " ".join(text[s:e] for s, e in spans) == text.strip()


def test_a_long_sentence_still_gives_its_events(ex):
    found = {(e.source, e.target, e.event_type) for e in
             ex.extract(Document("d", LONG, "2013-04-23")).events}
    assert {("RUS", "NATO", "CONSULT"), ("NATO", "RUS", "CONSULT"),
            ("FRA", "ISR", "ACCUSE")} <= found


def test_a_dense_sentence_keeps_its_appositions(ex):
    # an apposition far into a sentence full of groups and triggers: the group
    # inside it ("a key U.S. ally") is no subject
    text = "US UK met EU " * 20 + "; Pakistan, a key U.S. ally, criticized India."
    events = {(e.source, e.target, e.event_type) for e in
              ex.extract(Document("d", text, "2013-04-23")).events}
    assert ("PAK", "IND", "ACCUSE") in events
    assert ("USA", "IND", "ACCUSE") not in events
