"""The capability suite (issue 16): templates, generation, scoring and `graphkit eval --suite`.

These tests check the suite itself and its runner with fake extractors; they never assert the
rules extractor's pass rates, which are a measurement that changes as capabilities are built.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections import Counter
from importlib import resources
from types import SimpleNamespace as NS

import pytest
from click.testing import CliRunner

from graphkit.actors import load_registry
from graphkit.cli import cli
from graphkit.errors import SourceError
from graphkit.suite import (
    TEST_TYPES, Check, _INVENTED, _pools, generate, load_templates, parse_templates, score,
)


@pytest.fixture(scope="module")
def suite():
    templates, descriptions, date = load_templates()
    return templates, descriptions, generate(templates, seed=0, date=date)


def _event(source, target, category, modality):
    return NS(source=source, target=target or "", event_type=category,
              modality="" if modality == "asserted" else modality,
              negated=modality == "negated")


class Gold:
    """A fake extractor that gives every generated document exactly the events its
    template expects (the first category and modality of each expectation)."""

    name = "gold"

    def __init__(self, cases, *, variants=True):
        self.answers = {}
        for case in cases:
            for sentence in (case.base, case.variant):
                if sentence is None or (sentence is case.variant and not variants):
                    continue
                self.answers[sentence.doc_id] = [
                    _event(c.source, c.target, min(c.categories or {"CONSULT"}),
                           min(c.modalities or {"asserted"})) for c in sentence.expect]

    def extract(self, doc):
        return NS(events=self.answers.get(doc.doc_id, []))


class Empty:
    name = "empty"

    def extract(self, doc):
        return NS(events=[])


def test_generation_is_deterministic_and_the_seed_matters(suite):
    templates, _, cases = suite
    again = generate(templates, seed=0)
    assert [(c.id, c.base.text, c.variant and c.variant.text) for c in again] == \
        [(c.id, c.base.text, c.variant and c.variant.text) for c in cases]
    other = generate(templates, seed=1)
    changed = sum(a.base.text != b.base.text for a, b in zip(cases, other))
    assert changed > len(cases) * 0.9


def test_a_case_does_not_change_when_another_template_is_edited(suite):
    templates, _, cases = suite
    first = templates[0]
    edited = dataclasses.replace(first, template="{A} met {B}.", expect=(), fills=2)

    def others(generated):
        return [c.base.text for c in generated
                if not c.id.startswith(f"{first.capability}:{first.index}:")]

    assert others(generate([edited] + templates[1:])) == others(cases)


def test_every_capability_has_20_cases_of_every_test_type(suite):
    _, descriptions, cases = suite
    assert len(descriptions) == 18
    per_cap = Counter(c.capability for c in cases)
    sentences = Counter()
    for c in cases:
        sentences[c.capability] += 1 + (c.variant is not None)
    for cap in descriptions:
        assert per_cap[cap] >= 20, cap
        assert sentences[cap] >= 20, cap
        assert {c.test for c in cases if c.capability == cap} == set(TEST_TYPES), cap
        assert descriptions[cap], cap


def test_sentences_vary_actors_and_wording(suite):
    _, _, cases = suite
    for cap in {c.capability for c in cases}:
        texts = [c.base.text for c in cases if c.capability == cap]
        assert len(set(texts)) == len(texts), cap
        parties = {pid for c in cases if c.capability == cap for pid, _ in c.base.slots}
        assert len(parties) >= 30, cap


def test_a_perfect_extractor_passes_every_case(suite):
    """Also the suite's own consistency: no template excludes what it expects, every DIR
    variant moves away from asserted, every INV pair has the same structure."""
    _, descriptions, cases = suite
    result = score(cases, Gold(cases), descriptions=descriptions)
    failing = [(r.case.id, r.reasons) for r in result.results if not r.passed]
    assert failing == []
    assert result.pass_rate == 1.0
    assert all(cell[0] == cell[1] for tests in result.counts().values()
               for cell in tests.values())


def test_an_empty_extractor_fails_every_mft_and_dir(suite):
    _, _, cases = suite
    result = score(cases, Empty())
    for r in result.results:
        if r.case.test in ("MFT", "DIR"):
            assert not r.passed, r.case.id
            assert any(x.startswith(("missing", "template: missing")) for x in r.reasons)
        else:       # nothing in, nothing out: the same (empty) structure
            assert r.passed
    counts = result.counts()["all"]
    assert counts["MFT"][0] == 0 and counts["DIR"][0] == 0


def test_dir_fails_when_the_variant_stays_asserted_or_drops_the_event(suite):
    _, _, cases = suite
    dirs = [c for c in cases if c.test == "DIR"]

    class Literal(Gold):    # the variant gets the template's asserted events
        def extract(self, doc):
            return NS(events=self.answers[doc.doc_id.replace("/variant", "/base")])

    result = score(dirs, Literal(dirs))
    assert result.passed == 0
    assert all(any(x.startswith("variant: still asserted") for x in r.reasons)
               for r in result.results)
    dropped = score(dirs, Gold(dirs, variants=False))
    assert dropped.passed == 0
    assert all(any("dropped" in x for x in r.reasons) for r in dropped.results)


def test_inv_compares_structure_with_the_parties_swapped(suite):
    _, _, cases = suite
    swaps = [c for c in cases if c.test == "INV" and c.base.text != c.variant.text
             and dict(c.base.slots) != dict(c.variant.slots)]
    assert swaps

    class Frozen(Gold):     # the variant gets the template's events, parties not swapped
        def extract(self, doc):
            return NS(events=self.answers[doc.doc_id.replace("/variant", "/base")])

    result = score(swaps, Frozen(swaps))
    assert result.passed == 0
    assert all(r.reasons[0].startswith("only in the template") for r in result.results)


def test_mft_fails_on_an_excluded_event_and_names_it():
    ts, _, _ = parse_templates({"capabilities": {"participants.topic": {"tests": [
        {"test": "MFT", "template": "{A} and {B} discussed the situation in {C}.",
         "expect": ["A-B CONSULT asserted"], "absent": ["A-C * *"], "fills": 1}]}}})
    case = generate(ts)[0]
    slots = {letter: pid for pid, letter in case.base.slots}

    class Topic:
        name = "topic"

        def extract(self, doc):
            return NS(events=[_event(slots["B"], slots["A"], "CONSULT", "asserted"),
                              _event(slots["A"], slots["C"], "CONSULT", "asserted")])

    result = score([case], Topic())
    assert not result.results[0].passed
    assert result.results[0].reasons[0] == (
        f"unexpected {slots['A']}>{slots['C']} CONSULT asserted "
        f"(excluded by {slots['A']}-{slots['C']} * *)")


def test_modalities_are_read_from_the_extractor_vocabulary():
    check = Check.parse("A>B * desired").bind({"A": "FRA", "B": "DEU"})
    assert check.matches(("FRA", "DEU", "RETREAT", "desired"))
    assert not check.matches(("DEU", "FRA", "RETREAT", "desired"))
    assert Check.parse("A-B * *").bind({"A": "FRA", "B": "DEU"}).matches(
        ("DEU", "FRA", "AID", "future"))
    assert Check.parse("A>* REQUEST asserted").bind({"A": "FRA"}).matches(
        ("FRA", "", "REQUEST", "asserted"))


@pytest.mark.parametrize("entry,message", [
    ({"test": "MFT", "template": "{A} met {B}."}, "needs 'expect'"),
    ({"test": "MFT", "template": "{A} met {B.name}.", "expect": ["A>B * *"]},
     "a state slot has the fields"),
    ({"test": "MFT", "template": "{A} met {B", "expect": ["A>B * *"]}, "unbalanced braces"),
    ({"test": "MFT", "template": "{A} met {B}.", "expect": ["A>B MEET *"]},
     "unknown category 'MEET'"),
    ({"test": "MFT", "template": "{A} met {B}.", "expect": ["A>B * maybe"]},
     "unknown modality 'maybe'"),
    ({"test": "INV", "template": "{A} met {G}.", "variant": "swap A G"}, "two slots of one kind"),
    ({"test": "INV", "template": "{A} met {B}.", "variant": "{A} met {C}."}, "same slots"),
    ({"test": "DIR", "template": "{A} met {B}.", "variant": "Did {A} meet {B}?",
      "expect": ["A>B * asserted"]}, "'changes_to'"),
    ({"test": "DIR", "template": "{A} met {B}.", "variant": "Did {A} meet {B}?",
      "expect": ["A>B * future"], "changes_to": "question"}, "expects asserted events"),
    ({"test": "MFT", "template": "{A} met {B}.", "expects": ["A>B * *"]}, "unknown key"),
])
def test_a_broken_template_is_a_one_line_error(entry, message):
    with pytest.raises(SourceError, match=message) as info:
        parse_templates({"capabilities": {"x": {"tests": [entry]}}})
    assert "\n" not in str(info.value) and "x test 1" in str(info.value)


def test_fillers_are_parties_the_registry_knows_by_those_words():
    """Failures then measure a capability, not an unknown name."""
    reg = load_registry()
    states, groups, orgs, officials = _pools()
    for s in states:
        for form in ("", "adj", "capital"):
            assert reg.resolve(s[form].removeprefix("the ")) == s["id"], (s["id"], form)
    for g in groups + orgs:
        assert reg.resolve(g[""].removeprefix("the ")) == g["id"], g["id"]
    for o in officials[::20]:
        assert reg.resolve(o["name"], o["date"]) == o["id"], o["name"]
    text = resources.files("graphkit").joinpath("data", "officials.csv").read_text("utf-8")
    surnames = {name for r in csv.DictReader(text.splitlines())
                for name in r["surname"].split(";")}
    for _, name in _INVENTED:
        assert reg.resolve(name) is None and name.split()[-1] not in surnames, name


def test_cli_prints_the_table_and_writes_json(tmp_path):
    out = tmp_path / "suite.json"
    res = CliRunner().invoke(cli, ["eval", "--suite", "--out", str(out)])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith("Capability suite graphkit/data/suite.yaml (seed 0): rules.v1")
    assert lines[2].split() == ["capability", "cases", "pass", "MFT", "INV", "DIR"]
    _, descriptions, _ = load_templates()
    for cap in descriptions:
        assert any(ln.startswith(cap + " ") for ln in lines), cap
    data = json.loads(out.read_text())
    assert set(data["capabilities"]) == set(descriptions) | {"all"}
    assert data["cases"] == data["capabilities"]["all"]["cases"]
    assert len(data["failures"]) == data["cases"] - data["passed"]


def test_cli_suite_file_errors_and_usage(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("capabilities: {x: {tests: [{test: MFT, template: '{A} met {Z}.'}]}}")
    res = CliRunner().invoke(cli, ["eval", "--suite", str(bad)])
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        f"Error: suite file {bad}: x test 1: {{Z}} is neither a slot ({{A}}, {{A.adj}}, ...) "
        "nor alternatives ({x|y})"]
    bad.write_text("capabilities: [")
    res = CliRunner().invoke(cli, ["eval", "--suite", str(bad)])
    assert res.exit_code == 1 and "is not valid YAML" in res.output
    res = CliRunner().invoke(cli, ["eval"])
    assert res.exit_code == 2 and "give a GOLD file, or --suite" in res.output


def test_cli_runs_a_users_suite_file(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("fills: 3\ncapabilities:\n  coverage.passive:\n    tests:\n"
                    "      - test: MFT\n        template: '{B} was attacked by {A}.'\n"
                    "        expect: ['A>B ASSAULT asserted']\n")
    res = CliRunner().invoke(cli, ["eval", "--suite", str(mine), "--seed", "5"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"Capability suite {mine} (seed 5): rules.v1 passes ")
    assert "of 3 cases" in res.output.splitlines()[0]
