"""Convert the extractor asserts of tests/test_rules.py and tests/test_lexicon_coverage.py
into case-table rows (tests/cases/*.tsv), mechanically. Used once (issue 15); kept in
the history of the commit that made the tables.

It reads each test function's AST, follows its local names, unrolls its loops and
parametrize lists, and turns every assert about the events of one document into one
row (two where a Python idiom needs two: ``evs and all(P for e in evs if C)``). A
function with a statement it cannot translate stays whole in Python.

    python bench/convert_cases.py            # counts, and the functions that stay
    python bench/convert_cases.py --plan     # every row, with the function and line
    python bench/convert_cases.py --write    # write the tables, trim the test modules
    python bench/convert_cases.py --verify   # mutants: old functions vs their rows

The test modules are read from git (``--rev``, default HEAD); the conversion was run
on 245a241, the commit before the tables: ``--rev 245a241`` reproduces it.

``--verify`` runs the original functions and their rows on mutants of
the real events of each document (events dropped, duplicated or added, one field of one
event changed) and lists every mutant where the two disagree.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import io
import itertools
import json
import subprocess
import sys
import tempfile
import tokenize
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from graphkit.model import CATEGORIES  # noqa: E402
from test_cases import Case, Constraint, holds, show_item  # noqa: E402

#: module -> the date its helpers give a document when the test gives none
SOURCES = {"tests/test_rules.py": "2013-04-23", "tests/test_lexicon_coverage.py": "2014-05-01"}
TRIPLE = ("source", "target", "event_type")

#: the first line of each table
ABOUT = {
    "arguments": "Who acts and who is acted on: subjects, objects, prepositions, the doer named after 'by' or a possessive.",
    "passives": "Passives and participles: the agent after 'by' acts, the subject is acted on; acts with no doer named.",
    "compounds": "Two parties at once: compound subjects, coordinated verbs, mediation between two parties, pairs acting together.",
    "references": "Words that point back: pronouns, surnames after a first mention, 'the two', 'both sides', 'the minister'.",
    "officials": "People who act for a party: office holders by date, titles, forms of address, names in either order, misspellings.",
    "places": "Places: cities, capitals and regions say where, not who; the state where something happens; names that only look like a state.",
    "groups": "Groups and peoples: rebels, civilians, opposition, ethnic groups and home bodies, placed in their state.",
    "domestic": "Acts at home: a state's coercion or concession on its own territory or people targets the state itself.",
    "modality": "Acts not done (yet): future, conditional, intents and threats, wishes, and performatives that are done.",
    "negation": "Negated acts and refusals: recorded as negated, or read as a rejection.",
    "attribution": "Who said it: speakers, quotes, reporters, reported clauses.",
    "clauses": "Clause structure: appositions, relative and subordinate clauses, 'since', 'after', 'but'.",
    "triggers": "Trigger words and their readings: verb forms and spellings, the category a word gives, readings that are no event.",
    "lexicon": "The trigger lexicon (graphkit/data/triggers.csv): event verbs and nouns of every PLOVER category, and the NONE rows.",
    "negative": "Sentences that must yield no event at all.",
}

class Unsupported(Exception):
    pass


# ---------------------------------------------------------------------------
# symbolic values

@dataclass(frozen=True)
class EvList:
    """The events of one document, maybe filtered (scope) and projected onto fields."""
    text: str
    date: str
    proj: tuple | None = None       # None: the events themselves
    scalar: bool = False            # elements are single values, not tuples
    kind: str = "list"              # list or set
    ordered: bool = True            # extraction order (events) or sorted (triples)
    scope: tuple = ()


@dataclass
class Row:
    func: str
    line: int
    date: str
    text: str
    mode: str
    scope: tuple
    alts: list                      # list of lists of items
    note: str = ""

    def expect(self):
        return " | ".join("; ".join(show_item(i) for i in alt) or "-" for alt in self.alts)

    def match(self):
        return self.mode + (f" where {show_item(self.scope)}" if self.scope else "")


def glob_safe(v) -> str:
    s = "True" if v is True else "False" if v is False else str(v)
    if any(ch in s for ch in "*?[]{}|;\t\n"):
        raise Unsupported(f"value {s!r} holds a special character")
    return s


def item_of(value, ev: EvList) -> tuple:
    if ev.proj is None:
        raise Unsupported("comparing whole events with values")
    values = (value,) if ev.scalar else tuple(value)
    if len(values) != len(ev.proj):
        raise Unsupported("value and projection differ in length")
    return tuple(Constraint(f, glob_safe(v)) for f, v in zip(ev.proj, values))


# ---------------------------------------------------------------------------
# predicates over one event, as DNF (a list of items: OR of ANDs)

def flip(c: Constraint) -> Constraint:
    if c.field == "negated":                    # a bool has two values: "not True" is False
        return Constraint("negated", "False" if c.pattern == "True" else "True", c.equal)
    return Constraint(c.field, c.pattern, not c.equal)


def negate(dnf):
    """not (OR of ANDs) = AND of ORs of negated constraints, expanded back to DNF."""
    choices = [[flip(c) for c in item] for item in dnf]
    if any(not ch for ch in choices):
        return []                   # not(True) = False
    return [tuple(combo) for combo in itertools.product(*choices)]


def conj(a, b):
    return [x + y for x in a for y in b]


class Binder:
    """Names bound by a comprehension: an event variable, a tuple, or single fields."""

    def __init__(self, target, ev: EvList):
        self.names = {}
        if isinstance(target, ast.Name):
            self.names[target.id] = ("event", None) if ev.proj is None else (
                ("field", ev.proj[0]) if ev.scalar else ("tuple", ev.proj))
        elif isinstance(target, ast.Tuple) and ev.proj and not ev.scalar:
            if len(target.elts) != len(ev.proj):
                raise Unsupported("unpacking length")
            for elt, f in zip(target.elts, ev.proj):
                self.names[elt.id] = ("field", f)
        else:
            raise Unsupported("comprehension target")

    def field(self, node) -> str:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            kind, _ = self.names.get(node.value.id, (None, None))
            if kind == "event":
                return node.attr
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            kind, proj = self.names.get(node.value.id, (None, None))
            if kind == "tuple" and isinstance(node.slice, ast.Constant):
                return proj[node.slice.value]
        if isinstance(node, ast.Name):
            kind, f = self.names.get(node.id, (None, None))
            if kind == "field":
                return f
        raise Unsupported(f"not a field: {ast.unparse(node)}")

    def element(self, node):
        """(projection, scalar) of a comprehension's element expression."""
        if isinstance(node, ast.Name):
            kind, x = self.names.get(node.id, (None, None))
            if kind == "event":
                return None, False
            if kind == "tuple":
                return x, False
        if isinstance(node, ast.Tuple):
            return tuple(self.field(e) for e in node.elts), False
        if (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice)
                and isinstance(node.value, ast.Name)):
            kind, proj = self.names.get(node.value.id, (None, None))
            if kind == "tuple":
                sl = node.slice
                parts = [None if p is None else ast.literal_eval(p)
                         for p in (sl.lower, sl.upper, sl.step)]
                return proj[slice(*parts)], False
        return (self.field(node),), True

    def pred(self, node, const):
        """DNF of a condition on one event."""
        if isinstance(node, ast.BoolOp):
            parts = [self.pred(v, const) for v in node.values]
            if isinstance(node.op, ast.And):
                out = parts[0]
                for p in parts[1:]:
                    out = conj(out, p)
                return out
            return [i for p in parts for i in p]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return negate(self.pred(node.operand, const))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "startswith":
            return [(Constraint(self.field(node.func.value), glob_safe(const(node.args[0])) + "*"),)]
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            op, left, right = node.ops[0], node.left, node.comparators[0]
            if isinstance(op, (ast.Eq, ast.NotEq)):
                try:
                    f, v = self.field(left), const(right)
                except Unsupported:
                    f, v = self.field(right), const(left)
                return [(Constraint(f, glob_safe(v), isinstance(op, ast.Eq)),)]
            if isinstance(op, (ast.In, ast.NotIn)):
                if isinstance(right, ast.Tuple) and all(isinstance(e, ast.Constant) for e in right.elts):
                    f = self.field(left)          # field in ("A", "B")
                    dnf = [(Constraint(f, glob_safe(e.value)),) for e in right.elts]
                elif isinstance(right, ast.Tuple):  # "X" in (s, t)
                    v = glob_safe(const(left))
                    dnf = [(Constraint(self.field(e), v),) for e in right.elts]
                elif isinstance(right, ast.BinOp) and isinstance(right.op, ast.Add):
                    v = glob_safe(const(left))      # "X" in a + b: in either field
                    dnf = [(Constraint(self.field(e), f"*{v}*"),) for e in (right.left, right.right)]
                else:                               # "X" in field (substring)
                    dnf = [(Constraint(self.field(right), f"*{glob_safe(const(left))}*"),)]
                return dnf if isinstance(op, ast.In) else negate(dnf)
        if isinstance(node, ast.Attribute):
            f = self.field(node)
            if f == "negated":
                return [(Constraint("negated", "True"),)]
        raise Unsupported(f"predicate {ast.unparse(node)}")


# ---------------------------------------------------------------------------
# one test function

class Func:
    def __init__(self, fn: ast.FunctionDef, default_date: str, comments: dict, consts: dict):
        self.fn, self.default_date, self.comments, self.consts = fn, default_date, comments, consts
        self.rows: list[Row] = []
        self.instances = 0          # assertion instances (loops unrolled)
        self.subsumed = []          # instances implied by another one, with the reason
        self.why = None             # why the function stays Python

    # -- values --------------------------------------------------------------
    def const(self, node, env):
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        allowed = (ast.Constant, ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.Add, ast.Mult,
                   ast.Tuple, ast.List, ast.Name, ast.Load, ast.Set, ast.UnaryOp, ast.USub)
        if not all(isinstance(n, allowed) for n in ast.walk(node)):
            raise Unsupported(f"not a constant: {ast.unparse(node)}")
        values = {k: env[k] for k in names if k in env}
        if set(values) != names or any(isinstance(v, EvList) for v in values.values()):
            raise Unsupported(f"not a constant: {ast.unparse(node)}")
        return eval(compile(ast.Expression(node), "<case>", "eval"), {}, dict(values))

    def evlist(self, node, env) -> EvList:
        if isinstance(node, ast.Name) and isinstance(env.get(node.id), EvList):
            return env[node.id]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("events", "triples", "modalities"):
            args = [self.const(a, env) for a in node.args
                    if not (isinstance(a, ast.Name) and a.id in ("ex", "events"))]
            text, date = args[0], (args[1] if len(args) > 1 else self.default_date)
            if node.keywords:
                raise Unsupported("keyword arguments")
            if node.func.id == "events":
                return EvList(text, date)
            proj = TRIPLE if node.func.id == "triples" else TRIPLE + ("modality",)
            return EvList(text, date, proj, ordered=False)
        if isinstance(node, (ast.ListComp, ast.SetComp)) and len(node.generators) == 1:
            gen = node.generators[0]
            base = self.evlist(gen.iter, env)
            b = Binder(gen.target, base)
            scope = base.scope
            for cond in gen.ifs:
                dnf = b.pred(cond, lambda n: self.const(n, env))
                if len(dnf) != 1:
                    raise Unsupported("a filter that is not one conjunction")
                scope += dnf[0]
            proj, scalar = b.element(node.elt)
            if proj is None and (scalar or isinstance(node, ast.SetComp)):
                raise Unsupported("a set of events")
            return EvList(base.text, base.date, proj if proj is not None else base.proj,
                          scalar if proj is not None else base.scalar,
                          "set" if isinstance(node, ast.SetComp) else base.kind,
                          base.ordered, scope)
        raise Unsupported(f"not an event list: {ast.unparse(node)}")

    def values(self, node, env):
        v = self.const(node, env)
        if not isinstance(v, (list, tuple, set)):
            raise Unsupported("not a collection")
        return sorted(v) if isinstance(v, set) else v

    # -- asserts -------------------------------------------------------------
    def row(self, ev: EvList, mode, alts, scope=None):
        return Row(self.fn.name, 0, ev.date, ev.text, mode,
                   ev.scope if scope is None else scope, alts)

    def exact(self, ev: EvList, vals, mode="exact"):
        vals = list(vals)
        if ev.kind == "set":
            if mode != "exact" or not vals:
                raise Unsupported("a set compared otherwise than for equality")
            return [self.row(ev, "set", [[item_of(v, ev) for v in dict.fromkeys(vals)]])]
        if ev.ordered and len(set(map(repr, vals))) > 1:
            raise Unsupported("an ordered list of different values")
        if ev.proj is None and vals:
            raise Unsupported("a list of whole events")
        if not vals and ev.scope and mode == "exact":
            return [Row(self.fn.name, 0, ev.date, ev.text, "lacks", (), [[ev.scope]])]
        return [self.row(ev, mode, [[item_of(v, ev) for v in vals]])]

    def check(self, node, env) -> list[Row]:
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            first = node.values[0]
            if (len(node.values) == 2 and isinstance(first, ast.Name)
                    and isinstance(env.get(first.id), EvList)):
                return self.nonempty_and_all(env[first.id], node.values[1], env)
            rows = [r for v in node.values for r in self.check(v, env)]
            return self.merge(rows)
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            return self.implied_or(node, env)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "all":
            ev, b, cond, p = self.generator(node, env)
            items = [cond + d for d in negate(p)]
            return [self.row(ev, "lacks", [items])]
        if not isinstance(node, ast.Compare):
            raise Unsupported(f"assert {ast.unparse(node)}")
        if len(node.ops) > 1:            # a == b == [...]
            if not all(isinstance(o, ast.Eq) for o in node.ops):
                raise Unsupported("chained comparison")
            last = node.comparators[-1]
            return [r for side in [node.left] + node.comparators[:-1]
                    for r in self.check(ast.Compare(side, [ast.Eq()], [last]), env)]
        op, left, right = node.ops[0], node.left, node.comparators[0]
        first = self.first_event(left, env)
        if first is not None and isinstance(op, (ast.Eq, ast.NotEq)):
            ev, attr = first
            c = Constraint(attr, glob_safe(self.const(right, env)), isinstance(op, ast.Eq))
            return [self.row(ev, "all", [[(c,)]])]
        if isinstance(op, (ast.Eq, ast.NotEq)):
            ev = self.evlist(left, env)
            return self.exact(ev, self.values(right, env),
                              "exact" if isinstance(op, ast.Eq) else "differs")
        if isinstance(op, (ast.In, ast.NotIn)):
            try:
                ev = self.evlist(right, env)
            except Unsupported:
                ev = None
            if ev is not None:
                item = item_of(self.const(left, env), ev)
                return [self.row(ev, "has" if isinstance(op, ast.In) else "lacks", [[item]])]
            if isinstance(op, ast.In):   # triples(...) in ([], [...])
                ev = self.evlist(left, env)
                alts = [[item_of(v, ev) for v in alt] for alt in self.values(right, env)]
                if ev.ordered and any(len(set(map(repr, a))) > 1 for a in self.values(right, env)):
                    raise Unsupported("an ordered list of different values")
                return [self.row(ev, "exact", alts)]
        if isinstance(op, (ast.LtE, ast.GtE)):
            sub, sup = (left, right) if isinstance(op, ast.LtE) else (right, left)
            ev = self.evlist(sup, env)
            return [self.row(ev, "has", [[item_of(v, ev) for v in self.values(sub, env)]])]
        raise Unsupported(f"assert {ast.unparse(node)}")

    def first_event(self, node, env):
        """'got[0].attr' where an earlier assert found exactly one event in got: (got, attr)."""
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Subscript)
                and isinstance(node.value.value, ast.Name)
                and ast.unparse(node.value.slice) == "0"):
            return None
        ev = env.get(node.value.value.id)
        if not isinstance(ev, EvList) or ev.proj is not None:
            return None
        single = any(r.text == ev.text and r.date == ev.date and r.mode == "exact"
                     and not r.scope and len(r.alts) == 1 and len(r.alts[0]) == 1
                     for r in self.rows)
        if not single:
            raise Unsupported("the first of several events")
        return ev, node.attr

    def generator(self, call, env):
        gen = call.args[0]
        if not isinstance(gen, ast.GeneratorExp) or len(gen.generators) != 1:
            raise Unsupported("all() of something else")
        g = gen.generators[0]
        ev = self.evlist(g.iter, env)
        b = Binder(g.target, ev)
        const = lambda n: self.const(n, env)   # noqa: E731
        cond = ()
        for c in g.ifs:
            dnf = b.pred(c, const)
            if len(dnf) != 1:
                raise Unsupported("filter")
            cond += dnf[0]
        return ev, b, cond, b.pred(gen.elt, const)

    def nonempty_and_all(self, ev: EvList, call, env):
        if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "all"):
            raise Unsupported("x and y")
        ev2, _b, cond, p = self.generator(call, env)
        if ev2 != ev:
            raise Unsupported("all() over another list")
        if not cond:
            return [self.row(ev, "all", [p])]
        # nonempty(ev) and every event meeting cond meets p: two rows
        return [self.row(ev, "has", [[()]]),
                self.row(ev, "lacks", [[cond + d for d in negate(p)]])]

    @staticmethod
    def merge(rows):
        """'A in got and B in got': one row with both items, when mode, text and scope agree."""
        keys = {(r.mode, r.text, r.date, r.scope) for r in rows}
        if len(keys) == 1 and rows[0].mode in ("has", "lacks"):
            return [Row(rows[0].func, 0, rows[0].date, rows[0].text, rows[0].mode, rows[0].scope,
                        [[i for r in rows for i in r.alts[0]]])]
        return rows

    def implied_or(self, node, env):
        """'A or B' kept only where one side is implied by the other, as B alone."""
        if len(node.values) != 2:
            raise Unsupported("or")
        a, b = (self.check(v, env) for v in node.values)
        if len(a) == len(b) == 1 and a[0].mode == "exact" and b[0].mode == "lacks" \
                and a[0].text == b[0].text and a[0].scope == b[0].scope == ():
            found = a[0].alts[0]        # A: exactly these; B: none like these
            if not any(set(bad) <= set(item) for item in found for bad in b[0].alts[0]):
                return [b[0]]           # A implies B, so A or B is B
        # independent sides: kept only if a later assert of the function is one side
        self.pending_or.append((a, b))
        return []

    # -- statements ----------------------------------------------------------
    def note(self, lo, hi):
        return " ".join(self.comments[n] for n in range(lo, hi + 1) if n in self.comments)

    def run(self, body, env, prev_end, note=""):
        for st in body:
            here = self.note(prev_end + 1, st.end_lineno)
            if isinstance(st, ast.Assign) and len(st.targets) == 1 \
                    and isinstance(st.targets[0], ast.Name):
                try:
                    env[st.targets[0].id] = self.const(st.value, env)
                except Unsupported:
                    env[st.targets[0].id] = self.evlist(st.value, env)
                note = " ".join(x for x in (note, here) if x) if here else note
            elif isinstance(st, ast.For):
                seq = self.values(st.iter, env)
                for v in seq:
                    inner = dict(env)
                    names = st.target.elts if isinstance(st.target, ast.Tuple) else [st.target]
                    vals = v if isinstance(st.target, ast.Tuple) else [v]
                    for n, x in zip(names, vals):
                        inner[n.id] = x
                    self.run(st.body, inner, st.lineno, " ".join(x for x in (note, here) if x))
            elif isinstance(st, ast.Assert):
                self.assert_(st, env, " ".join(x for x in (note, here) if x))
            elif (isinstance(st, ast.Expr) and isinstance(st.value, ast.Call)
                  and getattr(st.value.func, "id", "") == "check"):
                self.check_call(st.value, env)
            else:
                raise Unsupported(f"statement {ast.unparse(st).splitlines()[0]}")
            prev_end = st.end_lineno
            if not isinstance(st, ast.Assign):
                note = note if isinstance(st, ast.For) else note

    def assert_(self, st, env, note):
        self.instances += 1
        rows = self.check(st.test, env)
        for r in rows:
            r.line, r.note = st.lineno, note
        self.rows.extend(rows)
        self.by_instance.append((st.lineno, len(rows)))

    def check_call(self, call, env):
        """check(triples, [(text, expected), ...]) of the lexicon tests (date: its DATE)."""
        prev, date = call.args[1].lineno - 1, self.consts.get("DATE", self.default_date)
        for elt in call.args[1].elts:
            self.instances += 1
            text, expected = self.const(elt, env)
            ev = EvList(text, date, TRIPLE, ordered=False)
            row = self.exact(ev, sorted(expected))[0]
            row.line, row.note = elt.lineno, self.note(prev + 1, elt.end_lineno)
            prev = elt.end_lineno
            self.rows.append(row)
            self.by_instance.append((elt.lineno, 1))

    def convert(self):
        self.by_instance, self.pending_or = [], []
        params = [{}]
        for dec in self.fn.decorator_list:
            if isinstance(dec, ast.Call) and ast.unparse(dec.func) == "pytest.mark.parametrize":
                names = [n.strip() for n in dec.args[0].value.split(",")]
                params = [dict(zip(names, vals)) for vals in ast.literal_eval(dec.args[1])]
            else:
                raise Unsupported("decorator")
        for env in params:
            self.run(self.fn.body, {**self.consts, **env}, self.fn.lineno)
        self.drop_subsumed()

    def drop_subsumed(self):
        def key(r):
            return (r.text, r.date, r.mode, r.scope, repr(r.alts))
        later = {key(r) for r in self.rows}
        for a, b in self.pending_or:
            side = next((s for s in (a, b) if len(s) == 1 and key(s[0]) in later), None)
            if side is None:
                raise Unsupported("an 'or' whose sides are independent")
            self.subsumed.append(f"'A or B' where a later assert is {side[0].expect()!r} "
                                 f"on {side[0].text!r}")


def comments_of(src: str) -> dict:
    out = {}
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.COMMENT:
            out[tok.start[0]] = tok.string.lstrip("#").strip()
    return out


def count_asserts(tree) -> int:
    return sum(isinstance(n, ast.Assert) for n in ast.walk(tree))


def source(rel: str, rev: str) -> str:
    """A test module as it is at git revision ``rev``."""
    return subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout


def convert_file(src: str, default_date: str):
    tree = ast.parse(src)
    comments = comments_of(src)
    consts = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            try:
                consts[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    done, kept = [], []
    for fn in tree.body:
        if not (isinstance(fn, ast.FunctionDef) and fn.name.startswith("test_")):
            continue
        f = Func(fn, default_date, comments, consts)
        try:
            f.convert()
            done.append(f)
        except Unsupported as e:
            f.why = str(e)
            kept.append(f)
    return src, tree, done, kept


THEMES = {
    "arguments": """subject_verb_object noun_trigger_between noun_trigger_with_preposition
        talk_topic_is_not_a_target noun_triggers_with_prepositions withdrawal_targets_the_party_left
        a_complaint_targets_whom_it_is_about_not_its_addressee demanded_act_with_modifiers_or_by_names_its_doer
        received_from_names_the_giver people_of_a_party_as_object approximate_numbers_before_an_object
        numbers_before_an_object_do_not_hide_it an_answer_to_a_proposal_targets_its_author
        the_doer_of_a_demanded_act_is_the_target the_doer_of_a_demanded_act_comes_before_objects_in_its_clause
        the_of_after_a_hostile_noun_names_its_victim the_accused_is_the_doer_named_after_by
        a_threat_is_aimed_at_the_one_it_sets_a_condition_for a_possessor_before_a_hostile_noun_is_its_doer
        allowing_the_return_of_someone_and_seizing_from_someone the_implications_of_a_war_are_a_topic_not_a_counterpart
        a_protest_against_acts_by_a_party_is_aimed_at_it an_attack_on_someones_property_hits_its_owner
        a_withdrawal_from_a_party_is_aimed_at_it aid_to_the_millions_of_a_people_goes_to_them
        a_states_adjective_before_an_act_names_its_doer the_one_accused_is_the_doer_named_after_by_past_a_place
        the_scene_of_a_condemned_attack_is_not_accused the_one_whose_act_is_condemned_is_the_target
        whose_right_is_upheld_is_the_target a_threat_against_acts_by_someone_is_aimed_at_them
        a_folded_acts_preposition_takes_an_object_only_right_after_it
        a_phrasal_verbs_object_before_its_particle_is_its_target an_inquiry_into_takes_its_own_object
        an_investigation_of_sales_to_a_state_does_not_target_the_buyer a_pattern_may_end_in_a_role_mention
        a_share_of_the_object_fits_in_a_patterns_gap a_compound_number_fits_inside_a_pattern_gap
        hyphenated_modifier_in_a_gap_counts_as_one_word article_name_noun_is_a_noun""",
    "passives": """passive_voice_swaps_roles passive_patient_inside_the_subject possessive_is_no_passive
        a_bare_participle_after_a_noun_is_passive put_under_investigation_in_a_state_is_that_states_act
        an_arrest_with_no_doer_named_is_the_states_where_it_happened
        an_attack_no_one_is_named_for_is_given_to_the_state_where_it_happened
        a_bombing_near_a_town_goes_to_the_towns_state_and_hits_those_named irregular_participles_read_as_verbs""",
    "compounds": """compound_subject_reciprocal_predicate compound_subject_with_object coordinated_verbs_share_their_object
        mediation_between_two_parties helping_to_broker_a_deal_is_mediation locations_are_not_parties_when_parties_act
        a_pair_that_pledges_to_work_together_agrees_with_each_other
        a_pair_agreeing_about_its_own_people_agrees_with_each_other""",
    "references": """surname_after_first_mention_and_pronoun his_majesty_is_a_form_of_address_not_a_pronoun
        they_after_a_plural_speaker one_bodys_own_meeting_is_not_the_pairs general_talk_of_dialogue_is_not_the_pairs
        plural_reference_to_last_pair both_sides_welcomed_gives_both_directions minister_and_diplomat_refer_back
        their_after_a_bare_plural_subject_is_not_the_pair_in_focus he_after_a_named_speaker_is_that_speaker
        the_first_two_names_of_a_three_part_name_refer_back the_prime_minister_refers_to_the_one_named_with_that_office
        the_two_refers_to_a_pair_not_a_third_party_discussed
        they_opening_a_when_clause_is_the_group_the_sentence_opens_with""",
    "officials": """officials_resolve_by_date role_phrase_with_unknown_name
        unknown_name_placed_by_a_capitalised_title_in_apposition lower_case_words_end_a_title_in_apposition
        officials_of_the_1980s_are_dated common_words_that_are_surnames_need_a_first_mention
        forms_of_address_before_an_object_name two_offices_in_one_title_and_portfolio_ministers
        title_and_a_titled_name particles_match_in_either_case forms_of_address_with_a_comma
        a_leaders_administration_acts_for_the_state role_of_country_with_name_after name_in_either_order
        long_names_with_particles_still_reach_their_country a_title_picks_among_officials_sharing_a_surname
        a_shared_royal_name_takes_the_one_in_office a_national_security_council_is_not_the_un_security_council
        an_unknown_office_holder_belongs_to_the_state_the_sentence_is_about
        a_misspelt_office_holder_is_the_holder_at_the_time
        a_misspelt_holder_of_the_office_at_another_time_is_still_placed
        a_misspelt_former_office_holder_with_both_names_near_is_found""",
    "places": """cities_and_regions_place_events_but_never_act place_is_the_target_when_no_other_party
        capitals_and_demonyms_stand_for_governments where_a_meeting_is_held_is_no_party_to_it
        a_country_further_on_is_the_target_when_no_party_is
        a_city_of_a_state_that_did_not_exist_yet_belongs_to_the_older_state
        a_country_adjective_naming_a_border_only_says_where a_participle_compounded_with_a_party_is_an_adjective
        a_document_or_process_named_after_a_city_is_no_party a_state_adjective_before_a_settlement_noun_is_a_place
        a_misspelt_state_name_is_read south_georgia_is_not_georgia bombs_set_off_in_the_capital
        dateline_is_not_an_actor a_summit_named_in_passing_is_no_meeting""",
    "groups": """hyphenated_backer_describes_the_actor quantities_of_people_are_subjects organized_strike_belongs_to_its_organizers
        members_and_heads_of_a_party_act_for_it sector_groups_from_demonyms ethnic_groups_are_people_of_the_place
        bare_domestic_actors_belong_to_the_country_the_sentence_is_about an_ethnic_group_belongs_to_the_state_it_lives_in
        courts_act_for_their_state_and_ordering_an_act_supports_its_noun bare_groups_take_the_state_a_later_phrase_names
        indicting_is_an_accusation_and_a_leaning_is_no_actor inhabitants_of_a_place_act_for_it
        a_state_adjective_before_another_peoples_name_places_them a_body_of_a_party_acts_for_it
        an_unknown_party_or_front_belongs_to_the_one_state_named a_bare_judge_belongs_to_the_state_whose_government_is_named
        a_peoples_name_between_a_state_and_a_group_keeps_the_state a_people_of_a_state_belongs_to_that_state
        allies_named_by_an_adjective_are_that_state a_people_of_an_occupied_place_are_not_the_occupiers
        people_sent_from_a_body_act_for_it more_armed_and_political_groups_are_known a_states_assembly_is_a_home_body
        a_bare_group_opening_a_sentence_about_a_states_leader_is_of_that_state a_peace_movement_is_a_states_civilians
        a_population_or_minority_is_of_the_state_it_lives_in""",
    "domestic": """acting_on_itself_leaves_no_target acts_at_home_target_the_home_state a_sanction_at_home_is_repression
        a_domestic_act_on_a_city_is_coded_on_its_own_state
        repressing_a_protest_is_domestic_and_calling_off_a_strike_a_concession
        a_person_or_home_body_of_the_same_state_is_a_domestic_target a_threat_of_a_domestic_act_is_aimed_at_home
        calling_off_a_strike_is_aimed_at_home""",
    "modality": """modality_future_and_conditional hostile_act_announced_for_later_is_a_threat
        performative_thanks_are_not_promises an_intended_hostile_act_is_a_threat an_upcoming_meeting_is_future
        a_conditional_withdrawal_or_sanction_is_a_threat a_visit_announced_for_later_is_an_intent
        a_noun_trigger_takes_the_modality_of_its_support_verb providing_is_no_condition
        an_act_in_an_if_or_unless_clause_is_hypothetical
        a_summit_named_with_a_bracketed_acronym_or_later_this_week_is_not_held
        a_wished_or_next_day_meeting_is_future more_cooperation_wished_for_is_an_intent
        a_hostile_act_promised_on_a_condition_is_a_threat an_act_after_a_commitment_or_intent_is_a_promise
        would_like_to_meet_is_a_meeting_to_come""",
    "negation": """negation_is_recorded_and_zeroes_polarity no_breakthrough_is_negated
        a_refusal_is_a_rejection_and_a_failed_outcome_stays_negated
        meeting_demands_is_a_concession_and_refusing_it_a_rejection""",
    "attribution": """attribution_records_speaker time_words_after_said_keep_it_the_speaker
        possessive_speaker_is_not_part_of_the_object_list quote_spanning_sentences_keeps_its_speaker
        a_speaker_based_somewhere_is_the_one_who_speaks whom_a_speaker_speaks_for_is_no_object
        a_reported_clause_about_the_speakers_own_side_has_the_speaker_as_doer a_reiterated_noun_act_is_the_speakers_own""",
    "clauses": """apposition_is_skipped a_comma_closing_an_introductory_phrase_is_no_apposition
        the_object_of_a_first_verb_is_not_the_subject_of_a_second
        a_support_verb_after_a_conjunction_takes_that_clauses_subject the_subject_of_a_relative_clause_is_no_object
        an_act_someone_is_suspected_of_is_no_event an_act_named_after_since_only_dates_another
        a_relative_clause_about_a_text_is_no_act_of_the_subject a_time_phrase_opens_no_clause
        a_clause_after_but_with_no_subject_has_the_one_before""",
    "triggers": """doubled_consonant_and_british_spellings_of_triggers irregular_verb_forms_of_triggers
        hyphenated_triggers_match_hyphenated_text figurative_and_publishing_readings_are_no_events
        more_cameo_verbs noun_reading_of_verb_forms resigning_is_a_retreat providing_remarks_or_updates_is_not_aid
        diplomatic_ties_are_diplomatic_support cutting_aid_is_a_sanction_and_an_announced_resignation_a_retreat
        diplomatic_protests_apologies_and_signatures_follow_the_cameo_mapping
        spoke_to_and_welcomed_to_a_place_are_consultations re_verbs_plural_objects_and_time_words_inside_a_pattern
        the_month_march_is_no_protest fighting_a_problem_is_no_assault
        mobilizing_groups_or_opinion_is_no_military_mobilization help_to_do_something_is_no_aid
        domestic_policy_objects_are_no_events refugees_welcomed_are_aid an_amount_of_goods_handed_over_is_aid
        peacekeepers_arriving_or_sent_are_aid pressure_abuse_and_inspectors_sent
        a_hearing_or_inquiry_into_something_is_an_investigation demonstrating_in_a_place_or_in_support_is_a_protest
        a_message_delivered_is_no_aid pushing_for_is_a_request a_reminder_to_a_state_is_an_appeal
        page_footer_produces_no_events""",
}
THEME_OF = {name: theme for theme, names in THEMES.items() for name in names.split()}



# ---------------------------------------------------------------------------
# writing

def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def case_rows(done, theme_of):
    """(theme, id, row) for every row; the id is the function's name, .N when it has several."""
    out = []
    for f in done:
        base = f.fn.name[len("test_"):]
        for n, r in enumerate(f.rows, 1):
            cid = base if len(f.rows) == 1 else f"{base}.{n}"
            negative = r.mode == "exact" and r.alts == [[]] and not r.scope
            out.append(("negative" if negative else theme_of(base), cid, r))
    return out


def write_tables(rows, folder: Path):
    by_theme = defaultdict(list)
    for theme, cid, r in rows:
        by_theme[theme].append((cid, r))
    for theme, items in by_theme.items():
        negative = theme == "negative"
        header = ["id", "date", "sentence", "note"] if negative else \
            ["id", "date", "match", "expect", "sentence", "note"]
        lines, last = [f"# {ABOUT[theme]} Format: README.md.", "\t".join(header)], None
        for cid, r in items:
            if last is not None and r.func != last:
                lines.append("")
            last = r.func
            cols = [cid, r.date] + ([] if negative else [r.match(), r.expect()]) + \
                [escape(r.text), r.note]
            lines.append("\t".join(cols).rstrip("\t"))
        (folder / f"{theme}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def kept_source(src: str, kept) -> str:
    """The test module reduced to its docstring, imports and the functions that stay."""
    tree = ast.parse(src)
    lines = src.splitlines()
    head = ["\n".join(lines[n.lineno - 1:n.end_lineno]) for n in tree.body
            if isinstance(n, (ast.Import, ast.ImportFrom))
            or (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    body = ["\n".join(lines[min([f.fn.lineno] + [d.lineno for d in f.fn.decorator_list]) - 1:
                             f.fn.end_lineno]) for f in kept]
    return "\n".join(head) + "\n\n\n" + "\n\n\n".join(body) + "\n"


# ---------------------------------------------------------------------------
# verifying: the original functions and their rows on mutated events

def mutants(evs, rows, template):
    """(name, events) variants of one document's events."""
    evs = list(evs)
    yield "none", []
    if evs:
        yield "drop last", evs[:-1]
        yield "drop first", evs[1:]
        yield "duplicate", evs + [evs[0]]
        yield "reverse", evs[::-1]
    values = {"source": {"", "ZZZ"}, "target": {"", "ZZZ"}, "event_type": set(),
              "modality": {"", "future", "conditional"}, "negated": {True, False},
              "sentence_id": {0, 1, 2}, "speaker": {"", "Somebody Else"},
              "source_agent": {"", "Some One"}, "target_agent": {"", "Some One"},
              "polarity": {0, 1, -1}, "issue": {"", "trade"}, "trigger": {"", "held talks"}}
    items = [i for r in rows for alt in r.alts for i in alt] + [r.scope for r in rows]
    for item in items:
        for c in item:
            v = typed(c.field, c.pattern.replace("*", ""))
            values[c.field].add(v)
            if c.field in ("source", "target"):
                values["source"] |= {v, v + "-CVL"}
                values["target"] |= {v, v + "-CVL"}
    cats = list(CATEGORIES)
    values["event_type"] |= {cats[(cats.index(c) + 1) % len(cats)]
                             for c in values["event_type"] | {"CONSULT"}}
    for i, e in enumerate(evs):
        for f, vs in values.items():
            for v in sorted(vs, key=repr):
                if getattr(e, f) != v:
                    yield f"event {i} {f}={v!r}", evs[:i] + [
                        dataclasses.replace(e, **{f: v})] + evs[i + 1:]
    base = evs[0] if evs else template
    for item in items:
        new = dataclasses.replace(base, **{c.field: typed(c.field, c.pattern.replace("*", ""))
                                           for c in item if c.equal})
        yield f"add {show_item(item)}", evs + [new]
        yield f"only {show_item(item)}", [new]


def typed(field, value):
    if field in ("sentence_id", "polarity"):
        return int(value)
    return value == "True" if field == "negated" else value


def verify(src, date, done):
    """(mutants, mutants the rows reject, mutants where the function and its rows disagree)."""
    from graphkit.extract import get_extractor
    from graphkit.model import Document

    real = get_extractor("rules.v1")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "original.py"
        path.write_text(src, encoding="utf-8")
        namespace = {"__name__": "original", "__file__": str(path)}
        exec(compile(src, str(path), "exec"), namespace)
    template = real.extract(Document("t", "Japan held discussions with China.", date)).events[0]

    def run_original(fn, params, key, evs):
        class Fake:
            def extract(self, doc):
                res = real.extract(doc)
                if (doc.text, doc.date) == key:
                    res = dataclasses.replace(res, events=list(evs))
                return res
        ex = Fake()

        def events(text, when=SOURCES["tests/test_rules.py"], **fields):
            return ex.extract(Document("t", text, when, **fields)).events

        def triples(text, when=SOURCES["tests/test_rules.py"], **fields):
            return sorted((e.source, e.target, e.event_type) for e in events(text, when, **fields))
        fixtures = {"ex": ex, "events": events, "triples": triples}
        try:
            for p in params:
                names = fn.__code__.co_varnames[:fn.__code__.co_argcount]
                fn(**{n: p[n] if n in p else fixtures[n] for n in names})
            return True
        except (AssertionError, IndexError):
            return False

    checked, rejected, differ = 0, 0, []
    for f in done:
        fn = namespace[f.fn.name]
        params = [{}]
        for dec in f.fn.decorator_list:
            names = [n.strip() for n in dec.args[0].value.split(",")]
            params = [dict(zip(names, v)) for v in ast.literal_eval(dec.args[1])]
        for key in {(r.text, r.date) for r in f.rows}:
            rows = [r for r in f.rows if (r.text, r.date) == key]
            cases = [Case("x", 0, "x", r.date, r.mode, r.scope, tuple(map(tuple, r.alts)),
                          r.text, "") for r in rows]
            real_events = real.extract(Document("t", *key)).events
            seen = set()
            for name, evs in mutants(real_events, rows, template):
                sig = tuple(map(repr, evs))
                if sig in seen:
                    continue
                seen.add(sig)
                checked += 1
                table = all(holds(c, evs) for c in cases)
                rejected += not table
                python = run_original(fn, params, key, evs)
                if table != python:
                    differ.append(f"{f.fn.name} {key[0][:40]!r} {name}: table {table}, "
                                  f"python {python}")
    return checked, rejected, differ


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plan", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--verify", action="store_true")
    ap.add_argument("--rev", default="HEAD", help="the revision to read the test modules from")
    a = ap.parse_args()
    rows, summary = [], {}
    for rel, date in SOURCES.items():
        src = source(rel, a.rev)
        src, tree, done, kept = convert_file(src, date)
        rows += case_rows(done, (lambda name: "lexicon") if "lexicon" in rel else THEME_OF.get)
        summary[rel] = dict(
            assert_statements=count_asserts(tree),
            converted_functions=len(done), kept_functions=len(kept),
            converted_assertions=sum(f.instances for f in done),
            rows=sum(len(f.rows) for f in done),
            kept_asserts=sum(count_asserts(f.fn) for f in kept),
            not_one_row=[(f.fn.name, line, n) for f in done for line, n in f.by_instance if n != 1],
            subsumed=[s for f in done for s in f.subsumed],
            kept={f.fn.name: f.why for f in kept})
        if a.plan:
            for f in done:
                for r in f.rows:
                    print(f"{f.fn.name}:{r.line}\t{r.match()}\t{r.expect()}\t{r.text!r}\t"
                          f"{r.date}\t{r.note}")
        if a.verify:
            checked, rejected, differ = verify(src, date, done)
            summary[rel].update(mutants=checked, mutants_rejected=rejected,
                                mutants_differing=differ)
        if a.write:
            if kept:
                (ROOT / rel).write_text(kept_source(src, kept), encoding="utf-8")
            else:
                (ROOT / rel).unlink(missing_ok=True)
    if a.write:
        (ROOT / "tests" / "cases").mkdir(exist_ok=True)
        write_tables(rows, ROOT / "tests" / "cases")
    print(json.dumps(summary, indent=1))
