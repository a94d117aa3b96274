"""Tests for graphkit.evaluate: gold loading, actor keys, the scorer and its reports."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from graphkit.errors import SourceError
from graphkit.evaluate import (
    ERROR_BUCKETS, LEVELS, GoldRecord, actor_key, evaluate, load_gold,
    parse_gold, run_eval, write_json,
)
from graphkit.model import Event, quad_class
from tests.conftest import SHARED_DATA

FIXTURE = Path(__file__).parent / "fixtures" / "gold_small.json"
REAL_GOLD = SHARED_DATA / "eval" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"


# ---------------------------------------------------------------------------
# helpers


def ev(source, target, category, mode="", *, negated=False, doc_id="d"):
    return Event(
        event_id="e", doc_id=doc_id, date="", sentence_id=0,
        source=source, source_name=source, source_agent="",
        target=target, target_name=target, target_agent="",
        event_type=category, mode=mode, quad_class=quad_class(category, mode),
        intensity=0.0, polarity=0, issue="", negated=negated, modality="", speaker="",
        evidence="", char_start=0, char_end=0, extractor="fake",
    )


class FakeExtractor:
    """Returns canned events per document id."""

    name = "fake"

    def __init__(self, by_id):
        self.by_id = by_id
        self.seen = []

    def extract(self, doc):
        self.seen.append((doc.doc_id, doc.text, doc.date))
        return SimpleNamespace(doc_id=doc.doc_id, events=list(self.by_id.get(doc.doc_id, [])))


def gold(rid, events, mode="", label=""):
    return GoldRecord(rid, f"text of {rid}", "2000-01-01", list(events), mode, label)


def record(rid="g1", event="AGREE", source=(("RUS", "Russia"),), target=(("USA", "US"),),
           markup="", **extra):
    rec = {"id": rid, "date": "2000-01-01", "event": event, "text": f"sentence {rid}",
           "source": [{"actorText": t, "code": c} for c, t in source],
           "target": [{"actorText": t, "code": c} for c, t in target],
           "textInfo": {"markup": markup}}
    rec.update(extra)
    return rec


# ---------------------------------------------------------------------------
# the scorer on hand-made gold and predictions


def test_perfect_prediction_scores_one_everywhere():
    records = [
        gold("g1", [("RUSGOV", "USA", "ACCUSE")]),
        gold("g2", [("JOR", "GBR", "AGREE"), ("GBR", "JOR", "AGREE")]),
        gold("g3", [("USA", "PRK", "REQUEST")], mode="demand"),
        gold("g4", [("SYRREB", "", "RETREAT")]),
    ]
    fake = FakeExtractor({
        "g1": [ev("RUS", "USA", "ACCUSE")],
        "g2": [ev("JOR", "GBR", "AGREE"), ev("GBR", "JOR", "AGREE")],
        "g3": [ev("USA", "PRK", "REQUEST", "demand")],
        "g4": [ev("SYR-REB", "", "RETREAT")],
    })
    res = evaluate(records, fake)
    assert res.n_records == 4
    for lv in "abce":
        s = res.scores[lv]
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), lv
        assert s.fp == s.fn == 0
    assert res.category_accuracy == 1.0
    assert all(s.f1 == 1.0 for s in res.per_category.values())
    assert not res.confusion
    assert sum(res.buckets.values()) == 0
    assert all(met for _, _, met in res.targets().values())


def test_each_sentence_is_its_own_document_with_id_and_date():
    fake = FakeExtractor({})
    evaluate([gold("g1", [("RUS", "USA", "ACCUSE")])], fake)
    assert fake.seen == [("g1", "text of g1", "2000-01-01")]


def test_reversed_dyad_counts_undirected_but_not_directed():
    res = evaluate([gold("g1", [("RUS", "USA", "ACCUSE")])],
                   FakeExtractor({"g1": [ev("USA", "RUS", "ACCUSE")]}))
    assert res.scores["a"].f1 == 1.0
    assert (res.scores["b"].tp, res.scores["b"].fp, res.scores["b"].fn) == (0, 1, 1)
    assert res.scores["c"].f1 == 0.0
    assert res.found == 0
    assert res.buckets["reversed"] == 1


def test_reciprocal_record_needs_both_directions():
    rec = gold("g1", [("JOR", "GBR", "AGREE"), ("GBR", "JOR", "AGREE")])
    one = evaluate([rec], FakeExtractor({"g1": [ev("JOR", "GBR", "AGREE")]}))
    b = one.scores["b"]
    assert (b.tp, b.fp, b.fn) == (1, 0, 1)
    assert b.precision == 1.0 and b.recall == 0.5
    assert one.scores["a"].f1 == 1.0          # one undirected pair, found
    both = evaluate([rec], FakeExtractor(
        {"g1": [ev("JOR", "GBR", "AGREE"), ev("GBR", "JOR", "AGREE")]}))
    assert both.scores["b"].f1 == 1.0 and both.scores["c"].f1 == 1.0


def test_extra_predicted_event_is_a_false_positive():
    res = evaluate([gold("g1", [("RUS", "USA", "ACCUSE")])], FakeExtractor(
        {"g1": [ev("RUS", "USA", "ACCUSE"), ev("CHN", "JPN", "THREATEN")]}))
    b = res.scores["b"]
    assert (b.tp, b.fp, b.fn) == (1, 1, 0)
    assert b.precision == 0.5 and b.recall == 1.0
    assert res.per_category["THREATEN"].fp == 1
    assert res.buckets["extra_events"] == 1


def test_category_confusion_is_counted_on_right_dyads():
    records = [gold("g1", [("RUS", "USA", "SUPPORT")]),
               gold("g2", [("FRA", "DEU", "SUPPORT")]),
               gold("g3", [("IND", "PAK", "ACCUSE")])]
    res = evaluate(records, FakeExtractor({
        "g1": [ev("RUS", "USA", "AGREE")],
        "g2": [ev("FRA", "DEU", "AGREE")],
        "g3": [ev("IND", "PAK", "ACCUSE")],
    }))
    assert res.scores["b"].f1 == 1.0
    c = res.scores["c"]
    assert (c.tp, c.fp, c.fn) == (1, 2, 2)
    assert (res.correct, res.found) == (1, 3)
    assert res.category_accuracy == pytest.approx(1 / 3)
    assert res.confusion == {("SUPPORT", "AGREE"): 2}
    assert res.buckets["wrong_category"] == 2
    assert res.per_category["SUPPORT"].fn == 2 and res.per_category["AGREE"].fp == 2
    assert res.to_dict()["confusion"] == [{"gold": "SUPPORT", "predicted": "AGREE", "count": 2}]


def test_quad_class_level_uses_demand_mode():
    records = [gold("g1", [("USA", "PRK", "REQUEST")], mode="demand"),
               gold("g2", [("USA", "PRK", "REQUEST")], mode="demand")]
    res = evaluate(records, FakeExtractor({
        "g1": [ev("USA", "PRK", "REQUEST", "demand")],   # quad 3, as gold
        "g2": [ev("USA", "PRK", "REQUEST", "appeal")],   # quad 1
    }))
    assert res.scores["c"].tp == 2
    assert (res.scores["e"].tp, res.scores["e"].fp, res.scores["e"].fn) == (1, 1, 1)


def test_error_buckets():
    records = [gold("none", [("RUS", "USA", "ACCUSE")]),
               gold("src", [("RUS", "USA", "ACCUSE")]),
               gold("tgt", [("RUS", "USA", "ACCUSE")]),
               gold("dyad", [("RUS", "USA", "ACCUSE")])]
    res = evaluate(records, FakeExtractor({
        "src": [ev("CHN", "USA", "ACCUSE")],
        "tgt": [ev("RUS", "", "ACCUSE")],
        "dyad": [ev("FRA", "DEU", "ACCUSE")],
    }))
    errors = {d["id"]: d["errors"] for d in res.details}
    assert errors == {"none": ["no_event"], "src": ["wrong_source"],
                      "tgt": ["wrong_target"], "dyad": ["wrong_dyad", "extra_events"]}
    assert res.buckets["no_event"] == 1 and res.scores["b"].fn == 4


def test_negated_predictions_still_count():
    res = evaluate([gold("g1", [("RUS", "USA", "ACCUSE")])],
                   FakeExtractor({"g1": [ev("RUS", "USA", "ACCUSE", negated=True)]}))
    assert res.scores["c"].tp == 1
    assert res.details[0]["predicted"][0]["negated"] is True


def test_skipped_records_are_counted_not_scored():
    recs = parse_gold([record("g1", "ACCUSE"), record("g2", "MAKE-STATEMENT")])
    assert recs[1].skipped and recs[1].events == []
    fake = FakeExtractor({"g1": [ev("RUS", "USA", "ACCUSE")]})
    res = evaluate(recs, fake)
    assert res.n_records == 1 and [s[0] for s in fake.seen] == ["g1"]
    assert res.skipped == {"MAKE-STATEMENT": 1}
    assert "MAKE-STATEMENT (1)" in res.format_table()


def test_details_keep_text_gold_and_predictions():
    res = evaluate([gold("g1", [("RUSGOV", "", "ACCUSE")])],
                   FakeExtractor({"g1": [ev("RUS", "USA", "ACCUSE")]}))
    d = res.details[0]
    assert d["id"] == "g1" and d["text"] == "text of g1"
    assert d["gold"] == [["RUS", "", "ACCUSE", 3]]
    assert d["predicted"][0]["source"] == "RUS" and d["predicted"][0]["target"] == "USA"
    assert d["errors"] == ["wrong_target"]


# ---------------------------------------------------------------------------
# reports


def test_to_dict_is_json_and_deterministic(tmp_path):
    records = [gold("g1", [("RUS", "USA", "ACCUSE")]), gold("g2", [("FRA", "DEU", "AGREE")])]
    preds = {"g1": [ev("RUS", "USA", "ACCUSE")], "g2": [ev("FRA", "DEU", "CONSULT")]}
    a = evaluate(records, FakeExtractor(preds)).to_dict()
    b = evaluate(records, FakeExtractor(preds)).to_dict()
    assert json.dumps(a) == json.dumps(b)
    assert list(a["levels"]) == list(LEVELS)
    assert list(a["error_buckets"]) == list(ERROR_BUCKETS)
    assert list(a["per_category"]) == ["AGREE", "CONSULT", "ACCUSE"]   # ontology order
    assert a["targets"]["b"] == {"target": 0.75, "value": 1.0, "met": True}
    assert a["targets"]["c"]["met"] is False
    p = write_json(evaluate(records, FakeExtractor(preds)), tmp_path / "out" / "eval.json")
    first = p.read_bytes()
    write_json(evaluate(records, FakeExtractor(preds)), p)
    assert p.read_bytes() == first
    assert json.loads(first) == a


def test_format_table_lists_levels_categories_and_targets():
    res = evaluate([gold("g1", [("RUS", "USA", "SUPPORT")])],
                   FakeExtractor({"g1": [ev("RUS", "USA", "AGREE")]}))
    text = res.format_table()
    for lv, name in LEVELS.items():
        assert f"({lv}) {name}" in text
    assert "not met" in text and " met" in text
    assert "SUPPORT      -> AGREE" in text
    assert "no_event" in text and "extra_events" in text
    assert "AGREE" in text.split("category (level c)")[1]


# ---------------------------------------------------------------------------
# gold loading


def test_parse_gold_shapes_and_relabelling():
    recs = parse_gold([
        {"id": "hdr", "event": "DOCUMENT"},
        record("plain", "DEMAND"),
        record("recip", "AGREE", source=(("HUN", "Hungarian"), ("ROU", "Romanian")), target=(),
               markup="(SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials agreed"),
        record("same", "CONSULT", source=(("ISR", "Israel"), ("LBN", "Lebanon")),
               target=(("LBN", "Lebanon"), ("ISR", "Israel"))),
        record("multi", "THREATEN", target=(("IRQ", "Iraq"), ("TUR", "Turkey"))),
        record("notgt", "FIGHT", target=(), markup="(SRC: Russia) fought"),
        record("strtgt", "INVESTIGATE", target=()) | {"target": "diplomatic"},
        record("nulltgt", "DISAPPROVE", target=()) | {"target": None},
        record("nosrc", "ASSAULT", source=()) | {"source": None},
    ])
    by = {r.id: r for r in recs}
    assert "hdr" not in by
    assert by["plain"].events == [("RUS", "USA", "REQUEST")] and by["plain"].mode == "demand"
    assert by["plain"].label == "DEMAND"
    assert by["recip"].reciprocal
    assert by["recip"].events == [("HUN", "ROU", "AGREE"), ("ROU", "HUN", "AGREE")]
    assert by["same"].reciprocal
    assert sorted(by["same"].events) == [("ISR", "LBN", "CONSULT"), ("LBN", "ISR", "CONSULT")]
    assert by["multi"].events == [("RUS", "IRQ", "THREATEN"), ("RUS", "TUR", "THREATEN")]
    assert by["notgt"].events == [("RUS", "", "ASSAULT")]
    assert by["strtgt"].events == [("RUS", "", "ACCUSE")]
    assert by["nulltgt"].events == [("RUS", "", "ACCUSE")]
    assert by["nosrc"].events == [("", "USA", "ASSAULT")]


def test_parse_gold_maps_organisation_texts():
    recs = parse_gold([
        record("a", source=(("IGO", "U.N. Security Council"),), target=(("IGO", "NATO"),)),
        record("b", source=(("IGO", "European Community"),),
               target=(("IMG", "Osama bin Laden's al-Qaeda"),)),
        record("c", source=(("IGO", "Arab League Secretary General Chadli Klibi"),),
               target=(("NGO", "Third World Water Forum"),)),
    ])
    assert [r.events[0][:2] for r in recs] == [("UN", "NATO"), ("EU", "AQ"),
                                                ("ARAB-LEAGUE", "NGO")]


def test_relabelled_names_are_reported():
    recs = parse_gold([record("a", "DEMAND"), record("b", "FIGHT"), record("c", "FIGHT")])
    res = evaluate(recs, FakeExtractor({}))
    assert res.relabelled == {"DEMAND -> REQUEST": 1, "FIGHT -> ASSAULT": 2}


@pytest.mark.parametrize("content, match", [
    ("{not json", r"is not JSON"),
    ('{"id": "x"}', r"expected a JSON array of records, got dict"),
    ('[1, 2]', r"record 0 is a int, not an object"),
    ('[{"id": "a", "event": "AGREE"}]', r"record 0 has no 'text' string"),
    ('[{"id": "a", "event": "AGREE", "text": "t", "source": ["RUS"]}]',
     r"record a: actors must be objects"),
])
def test_load_gold_errors(tmp_path, content, match):
    p = tmp_path / "gold.json"
    p.write_text(content)
    with pytest.raises(SourceError, match=match) as info:
        load_gold(p)
    assert "\n" not in str(info.value)


def test_load_gold_missing_file(tmp_path):
    with pytest.raises(SourceError, match=r"gold file not found: .*nope\.json$"):
        load_gold(tmp_path / "nope.json")


def test_load_gold_fixture():
    recs = load_gold(FIXTURE)
    assert len(recs) == 8
    assert all(r.events and not r.skipped for r in recs)
    assert sum(r.reciprocal for r in recs) == 1


# ---------------------------------------------------------------------------
# actor keys


@pytest.mark.parametrize("code, key", [
    ("RUSGOV", "RUS"), ("USAMIL", "USA"), ("RUS", "RUS"), ("ROM", "ROU"), ("ROMGOV", "ROU"),
    ("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"),
    ("UNO", "UN"), ("IGOUNO", "UN"), ("NAT", "NATO"), ("IGONAT", "NATO"), ("EEC", "EU"),
    ("ARL", "ARAB-LEAGUE"), ("AFU", "AU"),
    ("NATO", "NATO"), ("UN", "UN"), ("UNSC", "UN"), ("EU", "EU"), ("ARAB-LEAGUE", "ARAB-LEAGUE"),
    ("SYR-REB", "SYR"), ("SYR-OPP", "SYR"), ("HAMAS", "PSE"), ("AQ", "AQ"),
    ("", ""), (None, ""), ("IGO", "IGO"),
])
def test_actor_key(code, key):
    assert actor_key(code) == key


def test_actor_key_is_idempotent():
    for code in ("RUSGOV", "IGOUNO", "SYR-REB", "NATO", "ARAB-LEAGUE", "ROM", "AQ"):
        once = actor_key(code)
        assert actor_key(once) == once


def test_actor_key_uses_the_given_registry(tmp_path):
    from graphkit.actors import load_registry
    csv_path = tmp_path / "actors.csv"
    csv_path.write_text("id,name,kind,country\nXYZ-MIL,Xyz militia,group,AFG\n")
    assert actor_key("XYZ-MIL", load_registry([csv_path])) == "AFG"


# ---------------------------------------------------------------------------
# the real extractor


def test_real_extractor_on_small_gold():
    res = run_eval(FIXTURE)
    assert res.extractor == "rules.v1"
    assert res.n_records == 8 and len(res.details) == 8
    d = res.to_dict()
    assert set(d["levels"]) == set("abcde")
    for lv in "abce":
        for k in ("precision", "recall", "f1"):
            assert 0.0 <= d["levels"][lv][k] <= 1.0
    assert 0.0 <= d["levels"]["d"]["accuracy"] <= 1.0
    assert set(d["targets"]) == {"a", "b", "c", "d"}
    assert json.loads(json.dumps(d)) == d
    assert {"id", "text", "label", "gold", "predicted", "errors"} <= set(d["details"][0])
    assert res.format_table().startswith("Evaluation of rules.v1 on 8 sentences")


def test_run_eval_unknown_extractor():
    from graphkit.errors import ExtractionError
    with pytest.raises(ExtractionError, match="unknown extractor"):
        run_eval(FIXTURE, extractor="nope.v0")


@pytest.mark.skipif(not REAL_GOLD.exists(),
                    reason=f"shared gold data not found at {REAL_GOLD} (needs ../shared/data)")
def test_real_gold_file_is_fully_scored():
    records = load_gold(REAL_GOLD)
    res = run_eval(REAL_GOLD)
    assert res.n_records == sum(1 for r in records if not r.skipped) == len(res.details)
    assert res.n_records + sum(res.skipped.values()) == len(records)
    for lv in "abce":
        s = res.scores[lv]
        assert 0.0 <= s.precision <= 1.0 and 0.0 <= s.recall <= 1.0 and 0.0 <= s.f1 <= 1.0
    assert 0.0 <= res.category_accuracy <= 1.0
