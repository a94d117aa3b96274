"""Every named rule's examples are its tests (graphkit/extract/engine.py).

A positive example must come out as stated with the rule on, and not with the rule
switched off: the example shows the rule at work. A counter-example must come out
as stated with the rule on.
"""

import re

import pytest

from graphkit.extract.engine import all_rules, switched_off
from graphkit.model import Document

# the extractor's modules register their tables on import
import graphkit.extract.rules  # noqa: F401

_EVENT = re.compile(r"^(!?)([A-Z0-9-]+)>([A-Z0-9-]*):([A-Z]+)(?:@(\w+))?(~?)$")


def parse(expect: str):
    """``[(wanted, (source, target, category, modality or None, negated))]``."""
    out = []
    for part in filter(None, (p.strip() for p in expect.split(";"))):
        m = _EVENT.match(part)
        assert m, f"bad expectation {part!r}"
        neg, src, tgt, cat, modality, negated = m.groups()
        out.append((not neg, (src, tgt, cat, modality, bool(negated))))
    return out


def holds(expect: str, events) -> bool:
    """Whether ``events`` satisfy ``expect`` (an empty one: no event at all)."""
    if not expect.strip():
        return not events
    found = [(e.source, e.target, e.event_type, e.modality, e.negated) for e in events]
    for wanted, (src, tgt, cat, modality, negated) in parse(expect):
        hit = any(s == src and t == tgt and c == cat and n == negated
                  and (modality is None or m == modality) for s, t, c, m, n in found)
        if hit != wanted:
            return False
    return True


def shown(events) -> str:
    return "; ".join(f"{e.source}>{e.target}:{e.event_type}"
                     + (f"@{e.modality}" if e.modality else "") + ("~" if e.negated else "")
                     for e in events) or "(nothing)"


CASES = [(rule.name, kind, k, ex) for rule in all_rules()
         for kind, exs in (("example", rule.examples), ("counter", rule.counter))
         for k, ex in enumerate(exs)]


def test_every_rule_has_an_example():
    missing = [r.name for r in all_rules() if not r.examples]
    assert not missing, f"rules without a positive example: {missing}"


@pytest.mark.parametrize("name,kind,k,ex", CASES,
                         ids=[f"{n}:{kind}{k}" for n, kind, k, _ in CASES])
def test_rule_example(ex_, name, kind, k, ex):
    doc = Document("t", ex.text, ex.date)
    events = ex_.extract(doc).events
    assert holds(ex.expect, events), (
        f"{name} {kind}: {ex.text!r}\n  expected {ex.expect or '(nothing)'}\n"
        f"  found    {shown(events)}")
    if kind == "example":
        with switched_off(name):
            without = ex_.extract(doc).events
        assert not holds(ex.expect, without), (
            f"{name}: the example comes out the same without the rule: {ex.text!r}\n"
            f"  found {shown(without)}")


@pytest.fixture(scope="module")
def ex_():
    from graphkit.extract import get_extractor

    return get_extractor("rules.v1")
