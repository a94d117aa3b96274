"""The extractor's data files are validated on load: a typo in a mode, a category, a
flag or a word-list name is an error, never a rule that silently stops firing."""

import pytest

from graphkit.errors import ExtractionError
from graphkit.extract import lexicon, words


@pytest.fixture
def data(monkeypatch):
    """Replace package data files by name for one test (caches cleared around it)."""
    files = {}
    real = lexicon._read

    def fake(name):
        return files[name] if name in files else real(name)

    monkeypatch.setattr(lexicon, "_read", fake)
    for f in (lexicon.load_triggers, lexicon.load_modes):
        f.cache_clear()
    yield files
    for f in (lexicon.load_triggers, lexicon.load_modes):
        f.cache_clear()


TRIGGERS_HEAD = "pattern,pos,category,mode,intensity,reciprocal,flags\n"


def test_every_lexicon_mode_is_known_and_every_property_documented():
    modes = lexicon.load_modes()
    for trig in lexicon.load_triggers():
        assert trig.mode in modes
        assert trig.props <= set(lexicon.MODE_PROPERTIES) | set(lexicon.TRIGGER_FLAGS)


def test_unknown_mode_in_the_lexicon_is_an_error(data):
    data["triggers.csv"] = TRIGGERS_HEAD + "meet,verb,CONSULT,meeet,1.0,1\n"
    with pytest.raises(ExtractionError, match=r"triggers.csv:2: unknown trigger mode 'meeet'"):
        lexicon.load_triggers()


def test_unknown_flag_and_unknown_category_are_errors(data):
    data["triggers.csv"] = TRIGGERS_HEAD + "meet,verb,CONSULT,meet,1.0,1,jiont\n"
    with pytest.raises(ExtractionError, match=r"triggers.csv:2: unknown trigger flags"):
        lexicon.load_triggers()
    lexicon.load_triggers.cache_clear()
    data["triggers.csv"] = TRIGGERS_HEAD + "meet,verb,CONSULTT,meet,1.0,1\n"
    with pytest.raises(ExtractionError, match=r"unknown category 'CONSULTT'"):
        lexicon.load_triggers()


def test_a_none_reading_takes_no_mode_and_an_event_needs_one(data):
    data["triggers.csv"] = TRIGGERS_HEAD + "meet ~ threat,verb,NONE,meet,0,0\n"
    with pytest.raises(ExtractionError, match="not allowed for NONE"):
        lexicon.load_triggers()


def test_unknown_mode_property_is_an_error(data):
    data["modes.csv"] = "mode,properties,object_preps,note\nmeet,talk direct_objet,,\n"
    with pytest.raises(ExtractionError, match=r"modes.csv:2: unknown properties \['direct_objet'\]"):
        lexicon.load_modes()


def test_recast_follows_the_new_mode():
    t = lexicon.make_trigger("visit", "verb", "CONSULT", "visit", 1.9)
    assert "venue" in t.props
    r = t.recast("REJECT", "reject")
    # the new category's intensity: a refused visit is no +1.9 event
    assert "venue" not in r.props and r.intensity == -4.0 and r.category == "REJECT"
    with pytest.raises(ExtractionError, match="unknown trigger mode"):
        t.recast("REJECT", "rejectt")


def test_word_lists_missing_unused_or_with_bad_categories_are_errors(monkeypatch):
    import graphkit.extract.rules  # noqa: F401 (asks for its lists)

    real = words._lists()
    assert words.unused() == []
    with pytest.raises(ExtractionError, match="no list 'report_verbz'"):
        words.words("report_verbz")
    monkeypatch.setattr(words, "_lists", lambda: {**real, "report_verbz": ("said",),
                                                  "answers": ("REJECT", "AGREED")})
    with pytest.raises(ExtractionError, match="lists no rule reads: report_verbz"):
        words.check_used()
    with pytest.raises(ExtractionError, match="unknown categories"):
        words.categories("answers")


def test_irregular_verbs_come_from_one_table():
    assert {"met", "meets", "meeting"} <= lexicon.verb_forms("meet")
    assert "stood" in lexicon.PAST_FORMS and "sought" in lexicon.PARTICIPLE_FORMS
    assert {"put", "cut", "hit"} <= lexicon.SAME_PARTICIPLE
    assert "putting" in lexicon.verb_forms("put") and "letting" in lexicon.verb_forms("let")
