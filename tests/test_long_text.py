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


SEED = next(__import__("pathlib").Path(__file__).parent.parent.joinpath("seeds").glob("*.txt"))


def _key(ev):
    return ev.row() | {"trigger": ev.trigger}


@pytest.mark.parametrize("size", [1, 200, 2_000])
def test_a_document_read_in_parts_gives_the_events_of_a_whole_read(ex, size):
    text = SEED.read_text(encoding="utf-8")
    doc = Document("seed", text, "2013-04-23", title="Russia-NATO Council")
    whole = ex.extract(doc)
    parts = list(ex.parts(doc, size=size))
    assert len(parts) > 1
    assert [_key(e) for p in parts for e in p.events] == [_key(e) for e in whole.events]
    assert sum(p.sentences for p in parts) == whole.sentences
    assert [st for p in parts for st in p.stances] == whole.stances
    assert (parts[-1].mentions, parts[-1].agents) == (whole.mentions, whole.agents)
    assert all(not p.mentions for p in parts[:-1])


def _outputs(folder):
    return {name: (folder / name).read_bytes() for name in
            ("events.csv", "documents.csv", "stances.csv", "actors.csv", "dyads.csv")}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_huge_document_extracted_in_parts_gives_the_same_outputs(tmp_path, monkeypatch,
                                                                    workers):
    from graphkit import pipeline

    seed = SEED.read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    # a document of several parts whose sentences repeat across parts (counted once),
    # between small documents, one of which repeats it (flagged in documents.csv)
    (folder / "a.txt").write_text("Russia and NATO held talks in Brussels.", encoding="utf-8")
    (folder / "b.txt").write_text(seed + "\n\n" + seed, encoding="utf-8")
    (folder / "c.txt").write_text(seed, encoding="utf-8")
    pipeline.run([folder], tmp_path / "whole", workers=workers)
    monkeypatch.setattr(pipeline, "_PART_CHARS", 500)
    tasks = [t[0] for t in pipeline._tasks(pipeline.iter_documents([folder]))]
    assert tasks.count("doc") == 2          # b.txt and c.txt, each in parts
    pipeline.run([folder], tmp_path / "parts", workers=workers)
    assert _outputs(tmp_path / "parts") == _outputs(tmp_path / "whole")


def test_the_cap_is_noted_per_document(ex, tmp_path):
    # the extractor counts the sentences the token cap cut, and `graphkit run`
    # says so in one line naming the documents; ordinary text gives no note
    from click.testing import CliRunner

    from graphkit.cli import cli

    assert ex.extract(Document("d", LONG, "2014-05-01")).capped == 1
    assert ex.extract(Document("d", "Russia and NATO held talks.", "2014-05-01")).capped == 0
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "long.txt").write_text(LONG, encoding="utf-8")
    (docs / "short.txt").write_text("Russia and NATO held talks.", encoding="utf-8")
    for workers in ("1", "2"):
        out = CliRunner().invoke(cli, ["run", str(docs), "-o", str(tmp_path / f"o{workers}"),
                                       "--workers", workers])
        assert out.exit_code == 0, out.output
        notes = [ln for ln in out.output.splitlines() if ln.startswith("note:")]
        assert len(notes) == 1 and "1 sentences of more than 250 tokens" in notes[0] \
            and "long.txt" in notes[0] and "short.txt" not in notes[0]
