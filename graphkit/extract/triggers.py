"""Triggers: lexicon patterns matched in a sentence, the readings vetoed, and triggers
absorbed into the one before them."""

from __future__ import annotations

import bisect

from .engine import Example, Rule, Table
from .lexicon import PARTICIPLE_FORMS, PAST_FORMS, SAME_PARTICIPLE
from .sentence import TriggerHit, true_indexes
from .syntax import in_name
from .vocab import (
    AFTER_INTRANSITIVE,
    AFTER_OBJECT,
    AUX_BEFORE_PARTICIPLE,
    BE,
    COMPLEMENTIZERS,
    DETERMINERS,
    FINITE,
    GAP_END_PREPS,
    GAP_POSSESSIVES,
    GAP_TIME_WORDS,
    HELP,
    HELP_OBJECTS,
    ING_LEFT,
    MODAL_LEFT,
    MODIFIED_HEADS,
    NOT_A_NOUN,
    NOT_SUBJECT_PREP,
    NP_FILLER,
    OBJECT_PREP_ANY,
    OWN_SUBJECT,
    PARTITIVE,
    POSSESSIVE_MARKS,
    PROTESTERS,
    STOP_MODIFIER,
    SUBORDINATORS,
    TITLE_HEADS,
    UNITS,
)


def month_march(lower, i):
    """Whether "march" at ``i`` is the month ("20 March", "last March", "in March 2003")."""
    before = lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    return before.isdigit() or after.isdigit() or before in (
        "last", "next", "early", "late", "mid", "since", "until", "of", "from", "this", "in",
        "by", "during", "on", "till")


def intransitive(lower, i, end, covered) -> bool:
    """Whether a verb at ``i:end`` is used without an object by people, as a protest
    is ("students demonstrated in Kirkuk", "demonstrated against the war"; not
    "demonstrated leadership", "demonstrated to the world its resolve", "as
    demonstrated by", "the open spirit demonstrated throughout the talks")."""
    if i > 0 and (lower[i - 1] == "as" or (
            lower[i - 1].isalpha() and (i - 1) not in covered
            and lower[i - 1] not in PROTESTERS and lower[i - 1] not in FINITE
            and lower[i - 1] not in OWN_SUBJECT and not lower[i - 1].endswith("s")
            and lower[i - 1] not in (
                "who", "and", "also", "again", "then", "have", "been", "peacefully",
                "reportedly", "people"))):
        return False
    nxt = lower[end] if end < len(lower) else "."
    after = lower[end + 1] if end + 1 < len(lower) else "."
    if nxt == "in" and after.endswith("ing"):
        return False        # "demonstrated in presiding over the session"
    if nxt == "to" and (after in DETERMINERS or after in ("all", "everyone", "us")):
        return False        # "demonstrated to the whole world its defiance"
    return nxt in AFTER_INTRANSITIVE or nxt in GAP_TIME_WORDS


def in_number(lower, x) -> bool:
    """Whether token ``x`` is part of a written number ("2", ",", "000")."""
    w = lower[x]
    return w.isdigit() or (w in (",", ".") and 0 < x < len(lower) - 1
                           and lower[x - 1].isdigit() and lower[x + 1].isdigit())


def amount_in_gap(lower, x, nxt) -> bool:
    """Whether token ``x`` belongs to a number that may sit in a pattern's gap: one
    with a unit ("700 kg of medicine"), a hyphen ("30-day") or right before the
    pattern's next word ``nxt`` ("welcomed more than 2,000 refugees")."""
    if not in_number(lower, x):
        return False
    k = x + 1
    while k < len(lower) and in_number(lower, k):
        k += 1
    return k == nxt or (k < len(lower) and (lower[k] == "-" or lower[k] in UNITS))


def after_since(lower, i, covered) -> bool:
    """Whether the noun at ``i`` heads a phrase opened by "since" ("since last
    month's U.S. invasion", "since the 2003 war")."""
    j = i - 1
    while j >= 0 and i - j <= 6 and (j in covered or lower[j] in ("'s", "’s")
                                     or lower[j].isdigit() or (
                                         lower[j].isalpha() and lower[j] != "since"
                                         and lower[j] not in STOP_MODIFIER
                                         and lower[j] not in OBJECT_PREP_ANY
                                         and lower[j] not in NOT_SUBJECT_PREP)):
        j -= 1
    return j >= 0 and lower[j] == "since"


# the longest gap match_elements allows: 3 words plus 2 per free word, of which a
# window of 8 holds at most 8 hyphens or time words, 7 partitives (counted twice) and 7
# number pieces
_GAP_REACH = 4 + 2 * (8 + 2 * 7 + 7)


def match_elements(elements, lower, i, covered, heads=None):
    """End index if ``elements`` match at ``i`` (gaps of up to three words), else None.

    The last element may be the head word of a role mention: ``heads`` maps a
    head's index to its mention's start ("dispersed Kurdish protesters")."""
    heads = heads or {}
    j = i
    k = 0
    while k < len(elements):
        e = elements[k]
        if e is None:
            nxt = elements[k + 1]
            if k + 2 == len(elements) and not nxt.isdisjoint(AFTER_OBJECT) and covered:
                # a phrasal verb's object sits before its particle, a name too:
                # "forced the UN refugee agency, UNHCR, out of the country"
                end = next((x for x in range(j + 1, min(j + 10, len(lower)))
                            if lower[x] in nxt), None)
                if end is not None and any(x in covered for x in range(j, end)) and all(
                        x in covered or lower[x] in (",", "the", "a", "an", "its", "their")
                        or (lower[x].isalpha() and lower[x] not in STOP_MODIFIER)
                        for x in range(j, end)):
                    j = end
                    k += 1
                    continue
            if nxt.isdisjoint(lower[j:j + _GAP_REACH]):
                return None     # the next word is not within any gap allowed below
            # (a hyphen inside a compound, "a day - old blockade", a time word,
            # "lifted Friday a blockade", and the later pieces of a split number,
            # "2 , 000", are no extra words)
            window = lower[j:j + 8]
            free = (window.count("-") + sum(1 for w in window if w in GAP_TIME_WORDS)
                    if "-" in window or not GAP_TIME_WORDS.isdisjoint(window) else 0)
            if "of" in window and not PARTITIVE.isdisjoint(window):
                # "suspended part of a military aid program": a share of the object
                free += 2 * sum(1 for x in range(j, min(j + 7, len(lower) - 1))
                                if lower[x] in PARTITIVE and lower[x + 1] == "of")
            if "," in window and any(w[:1].isdigit() for w in window):
                free += sum(1 for x in range(j + 1, min(j + 8, len(lower)))
                            if in_number(lower, x) and in_number(lower, x - 1))
            for gap in range(0, 4 + 2 * free):
                if j + gap < len(lower) and lower[j + gap] in nxt and (not free or gap - sum(
                        1 for x in range(j, j + gap) if lower[x] == "-"
                        or lower[x] in GAP_TIME_WORDS
                        or (lower[x] in PARTITIVE and lower[x + 1] == "of")
                        or (lower[x] == "of" and x > j and lower[x - 1] in PARTITIVE)
                        or (x > j and in_number(lower, x) and in_number(lower, x - 1))
                ) <= 3) and all(
                        (lower[x].isalpha() or lower[x] == "-"
                         or (lower[x] in POSSESSIVE_MARKS and x - 1 in covered)
                         or (lower[x][0] in "0123456789,."
                             and amount_in_gap(lower, x, j + gap)))
                        and (x not in covered or lower[x] in GAP_POSSESSIVES
                             or _possessor_in_gap(lower, covered, x, j + gap) or (
                            k + 2 == len(elements) and heads.get(j + gap, j + gap + 1) <= x))
                        for x in range(j, j + gap)):
                    j = j + gap
                    break
            else:
                return None
            k += 1
            continue
        if j >= len(lower) or lower[j] not in e or (
                j in covered and not (k + 1 == len(elements) and j in heads)):
            return None
        j += 1
        k += 1
    return j


def _possessor_in_gap(lower, covered, x, gap_end) -> bool:
    """Whether the name at ``x`` is a possessor inside a pattern's gap: "declined
    Somalia's request", "reaffirmed the United States' commitment"."""
    k = x
    while k < gap_end and k in covered:
        k += 1
    return k < gap_end and lower[k] in POSSESSIVE_MARKS


def verb_reading(lower, i, trig, covered, nominal):
    """Whether a verb pattern at ``i`` is read as a verb, not a noun ("bomb detection").

    Past and -ing forms are verbs unless a determiner precedes them; base and
    -s forms, which are also nouns, need a subject, modal, "to" or adverb right
    before them.
    """
    w = lower[i]
    if nominal:
        return False
    base_or_s = any(w == f for f in trig.elements[0] if not (f.endswith("ed") or
                                                              f.endswith("ing")))
    if w.endswith("ing") and not base_or_s:
        # "is attacking", "Russia attacking", "after meeting": a verb; "violent
        # shooting death": a noun
        if i == 0:
            return True
        prev = lower[i - 1]
        return (prev in BE or prev in ING_LEFT or (i - 1) in covered or prev.endswith("ly")
                or prev == "," or (
                    # "was still refusing"
                    prev in ("still", "now", "currently", "again") and i > 1
                    and lower[i - 2] in BE))
    if not base_or_s or w in PAST_FORMS:
        return True
    if i == 0:
        return False
    prev = lower[i - 1]
    # (an auxiliary before a base form is a participle like it: "has been put", "was hit")
    return prev in MODAL_LEFT or (i - 1) in covered or prev.endswith("ly") or (
        prev in AUX_BEFORE_PARTICIPLE and w in SAME_PARTICIPLE)


def is_participle(word):
    """Whether ``word`` is a past participle ("attacked", "held", "put")."""
    return word.endswith("ed") or word in PARTICIPLE_FORMS or word in SAME_PARTICIPLE


def absorb(triggers, lower, breaks, mentions):
    """A trigger in the complement of the one before it ("agreed to cooperate",
    "promised to continue aid", "urged X to impose sanctions") is part of that
    event: it is dropped, and the first trigger may take its object. Triggers
    joined by "and" or a comma stay separate events."""
    out = list(triggers)
    last = None
    for k, (s, e, trig) in enumerate(out):
        if trig is None:
            continue
        if last is not None:
            ps, pe, _pt = out[last]
            gap = lower[pe:s]
            same_clause = bisect.bisect_right(breaks, s) == bisect.bisect_right(breaks, ps)
            coordinated = any(g in ("and", "or", ",", ";", "but", "while", "then")
                              for g in gap) and not (
                # "provide economic, development, and humanitarian aid": a list of
                # modifiers before a noun trigger
                trig.pos == "noun" and 0 < len(gap) <= 6 and gap[-1] in ("and", "or")
                and gap[0] not in (",", "and", "or")
                and all(g in (",", "and", "or") or g in NP_FILLER
                        or (g.isalpha() and g not in STOP_MODIFIER)
                        for g in gap)
                and not any(pe <= m.start < s for m in mentions))
            linked = any(g in COMPLEMENTIZERS for g in gap) or (
                pe > 0 and lower[pe - 1] in COMPLEMENTIZERS)
            new_subject = "that" in gap and any(
                m.start >= pe + gap.index("that") and m.end <= s and m.kind != "media"
                for m in mentions)
            # a noun trigger (or an adjectival participle) inside the object of the
            # previous one: "rejected a U.S. request", "reject proposed changes"
            in_object = len(gap) <= 6 and (
                trig.pos == "noun" or (lower[s].endswith("ed")
                                       and all(g in NP_FILLER for g in gap)))
            if in_object and _pt is not None and _pt.category == "CONSULT" \
                    and trig.pos == "noun" and not GAP_POSSESSIVES.isdisjoint(gap):
                # "discussed their continued support for Ukraine": the talkers' own
                # act, an event of its own (not "discussed Russia's aggression")
                in_object = False
            if _pt is not None and _pt.category == "REQUEST":
                new_subject = False       # "demanded that Turkey provide ...": one demand
            elif not new_subject and not SUBORDINATORS.isdisjoint(gap):
                # "discussed it as Russia continues its attacks": a clause of its own
                new_subject = any(
                    lower[j] in SUBORDINATORS and lower[j - 1] not in ("well", "such")
                    and any(m.start == j + 1 + (lower[j + 1] == "the") and m.end <= s
                            and m.kind != "media" for m in mentions)
                    for j in range(pe, s))
            if same_clause and (linked or in_object) and not coordinated \
                    and not new_subject:
                hostile = trig.category in ("ASSAULT", "COERCE", "SANCTION", "ACCUSE",
                                            "REJECT")
                if _pt is not None and (_pt.category == "AGREE" or (
                        _pt.category == "SUPPORT" and _pt.pos == "noun")) and linked \
                        and trig.pos == "verb" and hostile:
                    # "is prepared to impose martial law": the act is what is
                    # intended, and an intended hostile act is a threat; "pledged
                    # to hold Russia accountable", "support for efforts to impose
                    # costs on Russia" are no agreement with Russia or support of it
                    out[last] = TriggerHit(ps, pe, None)
                    last = k
                    continue
                if _pt is not None and _pt.category == "CONSULT" and hostile \
                        and trig.pos == "verb":
                    # "discussed efforts to impose costs on Russia": the talk is
                    # between those who talk, the hostile act an event of its own
                    last = k
                    continue
                if _pt is not None and "receives" in _pt.props and trig.category == "AID":
                    # "received aid from Japan": the aid is the event, given by
                    # Japan (see aid_giver)
                    out[last] = TriggerHit(ps, pe, None)
                    last = k
                    continue
                out[k] = TriggerHit(s, e, None)
                continue
        last = k
    return out


class TriggerIndex:
    """The lexicon's patterns by the forms of their first word, longest first."""

    def __init__(self, triggers):
        self.by_first: dict = {}
        for trig in sorted(triggers, key=lambda t: -t.length):
            for form in trig.elements[0]:
                self.by_first.setdefault(form, []).append(trig)
        self.words = frozenset(self.by_first)


def find_triggers(index, lower, mentions) -> list:
    """Lexicon matches in a sentence as :class:`TriggerHit`: at each word that starts
    a pattern, the longest reading not vetoed (a noun reading wins a tie after a
    determiner; a NONE reading wins and is dropped); a match that overlaps the one
    before keeps its span with no trigger."""
    if index.words.isdisjoint(lower):
        return []
    covered = set()
    for m in mentions:
        covered.update(range(m.start, m.end))
    # a pattern may end in the head of a role mention: "dispersed Kurdish protesters"
    heads = {k: m.start for m in mentions if m.form == "role" and m.kind == "party"
             for k in range(m.start, m.end) if lower[k].isalpha()}
    word_vetoes = WORD_VETOES.cued(None, lower, ())
    present = frozenset(lower)      # (a pattern's last element matches one of these)
    found = []
    pos = 0
    n = len(lower)
    # only a word that starts some pattern can start a trigger
    for i in true_indexes(map(index.by_first.__contains__, lower)):
        if i < pos or i in covered or word_vetoes and any(
                fn(lower, i, covered) for fn in word_vetoes):
            continue
        # a noun: after a determiner or a possessive, or "a U.S. request", "an Indian
        # proposal" (article + name + bare noun)
        nominal = i > 0 and (lower[i - 1] in DETERMINERS or lower[i - 1] in ("'s", "’s"))
        if not nominal and i > 0 and (i - 1) in covered and not lower[i].endswith(
                ("ed", "ing", "s")):
            j = i - 1
            while j > 0 and (j - 1) in covered:
                j -= 1
            nominal = j > 0 and lower[j - 1] in ("a", "an", "its", "their", "his", "her",
                                                 "this", "that", "another")
        best = None
        for trig in index.by_first[lower[i]]:
            # lower[i] is a form of the first element (that is how by_first is
            # built) and i is not covered: a one-word pattern matches here, and
            # a longer one whose second word is not next does not
            els = trig.elements
            if len(els) == 1:
                end = i + 1
            elif els[1] is not None and (i + 1 >= n or lower[i + 1] not in els[1]):
                continue
            elif els[-1].isdisjoint(present):
                continue        # its last word is nowhere in the sentence ("met ... demands")
            else:
                end = match_elements(els, lower, i, covered, heads)
            if end is None or READING_VETOES.any(lower, i, end, trig, covered, nominal):
                continue
            if best is None or trig.length > best.trigger.length or (
                    trig.length == best.trigger.length and nominal and trig.pos == "noun"
                    and best.trigger.pos == "verb"):
                best = TriggerHit(i, end, trig)
        if best and best.trigger.category == "NONE":
            pos = best.end
        elif best:
            found.append(best)
            pos = best.start + 1 if best.end - best.start > 3 else best.end
    out = []
    for hit in found:
        if out and out[-1].trigger is not None and hit.start < out[-1].end:
            hit = TriggerHit(hit.start, hit.end, None)      # overlaps the previous trigger
        out.append(hit)
    return out


def read_triggers(s, index) -> list:
    """The triggers of sentence ``s``: lexicon matches with the vetoed hits dropped."""
    hits = find_triggers(index, s.lower, s.mentions)
    if not hits:
        return hits
    vetoes = HIT_VETOES.cued(None, s.lower, s.words)
    kept = []
    for h in hits:
        for fn in vetoes:
            if fn(s, h):
                break
        else:
            kept.append(h)
    return kept




# -- vetoes of a word as a trigger start -------------------------------------------------

def _march_month(lower, i, covered):
    return lower[i] == "march" and month_march(lower, i)


def _help_to_do(lower, i, covered):
    return lower[i] in HELP and i + 1 < len(lower) and (i + 1) not in covered \
        and lower[i + 1].isalpha() and lower[i + 1] not in HELP_OBJECTS


def _participle_of_a_party(lower, i, covered):
    return i > 1 and lower[i - 1] == "-" and (i - 2) in covered and lower[i].endswith("ed")


WORD_VETOES = Table("trigger words", [
    Rule("trigger.march_is_a_month", "triggers",
         "'march' in a date is the month, not a protest march", _march_month, cue="march",
         examples=(Example("Kenya held elections last March.", "!KEN>KEN:PROTEST"),),
         counter=(Example("Chilean students held a march in Santiago.",
                          "CHL-CVL>CHL:PROTEST"),)),
    Rule("trigger.help_to_do_is_no_aid", "triggers",
         "a help to do something ('helped spur growth') is no aid to anyone", _help_to_do,
         cue=HELP,
         examples=(Example("Japan helped boost Vietnam's exports.", "!JPN>VNM:AID"),),
         counter=(Example("Japan helped the people of Vietnam after the storm.",
                          "JPN>VNM:AID"),)),
    Rule("trigger.participle_of_a_party", "triggers",
         "a participle joined to a party by a hyphen is an adjective ('a Chinese-brokered "
         "deal')", _participle_of_a_party, cue="-",
         examples=(Example("Egypt welcomed the Qatar-brokered truce.",
                           "EGY>:SUPPORT; !EGY>:CONSULT"),)),
])


# -- vetoes of a reading at a word ---------------------------------------------------------

def _not_a_verb(lower, i, end, trig, covered, nominal):
    # (a NONE reading suppresses whatever the word's part of speech)
    return trig.pos == "verb" and trig.category != "NONE" and not verb_reading(
        lower, i, trig, covered, nominal)


def _not_intransitive(lower, i, end, trig, covered, nominal):
    return "intransitive" in trig.props and not intransitive(lower, i, end, covered)


def _preposition_of_a_possessed_noun(lower, i, end, trig, covered, nominal):
    # "welcomed Finland's accession to NATO": the "to" belongs to the accession, so the
    # pattern "welcome ~ to" (hosting) does not reach it
    last = trig.elements[-1]
    return last is not None and None in trig.elements and not last.isdisjoint(
        GAP_END_PREPS) and any(lower[x] in POSSESSIVE_MARKS and lower[x + 1].isalpha()
                                and lower[x + 1] not in last for x in range(i + 1, end - 2))


READING_VETOES = Table("trigger readings", [
    Rule("trigger.verb_needs_a_verb_reading", "triggers",
         "a verb pattern on a word used as a noun is no trigger ('the bomb detection unit')",
         _not_a_verb,
         examples=(Example("Iran faces pressure from Iraq.", "!IRN>IRQ:REQUEST"),),
         counter=(Example("India attacked Pakistani posts.", "IND>PAK:ASSAULT"),)),
    Rule("trigger.protest_sense_takes_no_object", "triggers",
         "'demonstrate' is a protest only without an object ('demonstrated its resolve' is "
         "not)", _not_intransitive,
         examples=(Example("Iran demonstrated a new missile.", "!IRN>IRN:PROTEST"),),
         counter=(Example("Iranian students demonstrated in Tehran.", "IRN-CVL>IRN:PROTEST"),)),
    Rule("trigger.preposition_of_a_possessed_noun", "triggers",
         "a gap pattern's closing preposition after a possessed noun belongs to that noun "
         "('welcomed Finland's accession to NATO' is no hosting)",
         _preposition_of_a_possessed_noun,
         examples=(Example("Canada welcomed Finland's accession to NATO.",
                           "CAN>FIN:SUPPORT; !CAN>FIN:CONSULT"),),
         counter=(Example("Canada welcomed the Finnish president to Ottawa.",
                          "CAN>FIN:CONSULT"),)),
])


# -- vetoes of a trigger found -------------------------------------------------------------

def _aids_disease(s, hit):
    return s.words[hit.start] == "AIDS"


def _since_past_act(s, hit):
    in_mention = {k for m in s.mentions for k in range(m.start, m.end)}
    return hit.trigger is not None and hit.trigger.pos == "noun" and after_since(
        s.lower, hit.start, in_mention)


def _suspected_of(s, hit):
    lower, t = s.lower, hit.start
    return t > 1 and lower[t - 1] == "of" and "suspected" in lower[max(0, t - 7):t - 1]


def _noun_in_a_name(s, hit):
    return hit.trigger is not None and hit.trigger.pos == "noun" and hit.start > 1 \
        and s.words[hit.start][:1].isupper() and in_name(s.words, s.lower, hit.start,
                                                         s.mentions)


def _field_of_a_title(s, hit):
    words, lower = s.words, s.lower
    return hit.start > 0 and words[hit.start][:1].isupper() and hit.end < len(words) \
        and lower[hit.end] in TITLE_HEADS and words[hit.end][:1].isupper()


def _participle_modifier(s, hit):
    # "within recognized borders", "a negotiated solution", "a mutually agreed
    # ceasefire": a participle after a determiner or preposition (and an adverb) and
    # before its noun describes the noun; no act is reported
    t, lower = hit.start, s.lower
    if hit.trigger is None or hit.trigger.pos != "verb" or hit.end - t != 1 or t == 0 \
            or hit.end >= len(lower) or not is_participle(lower[t]):
        return False
    nxt, prev = lower[hit.end], lower[t - 1]
    if not (nxt.isalpha() and s.words[hit.end].islower()) or nxt in NOT_A_NOUN \
            or nxt.endswith("ly") or any(m.start == hit.end for m in s.mentions):
        return False
    if prev.endswith("ly") and t > 1:
        prev = lower[t - 2]     # "a mutually agreed solution", "internationally recognized"
    return prev in DETERMINERS or prev in NOT_SUBJECT_PREP or prev in OBJECT_PREP_ANY


def _modifies_a_noun(s, hit):
    # ("attack helicopters", "protest groups", "bomb disposal": the compound names a
    # thing, whatever the first noun would say alone); a verb's base form is such a
    # modifier only where no verb could stand: after a determiner or a party's
    # adjective, or opening the sentence ("Japan will help workers" is aid)
    t, lower = hit.start, s.lower
    if hit.trigger is None or hit.end - t != 1 or hit.end >= len(lower) \
            or lower[hit.end] not in MODIFIED_HEADS or not s.words[hit.end].islower() \
            or lower[t].endswith(("ed", "ing")):
        return False
    return hit.trigger.pos == "noun" or t == 0 or lower[t - 1] in DETERMINERS or any(
        m.end == t and m.form == "adj" for m in s.mentions)


HIT_VETOES = Table("trigger vetoes", [
    Rule("trigger.aids_is_the_disease", "triggers", "'AIDS' in capitals is the disease",
         _aids_disease, cue="AIDS",
         examples=(Example("The United States AIDS programme reached Uganda.",
                           "!USA>UGA:AID"),)),
    Rule("trigger.since_dates_another_act", "triggers",
         "an act named after 'since' only dates another ('since last year's Russian "
         "invasion')", _since_past_act, cue="since",
         examples=(Example("Poland has hosted Ukrainian refugees since the Russian invasion of "
                           "Ukraine.", "!RUS>UKR:ASSAULT"),)),
    Rule("trigger.suspected_act_is_no_event", "triggers",
         "an act someone is suspected of is not reported as done", _suspected_of,
         cue="suspected",
         examples=(Example("Two Libyans suspected by Britain of bombing a plane were "
                           "handed over.", "!LBY>:ASSAULT"),)),
    Rule("trigger.noun_inside_a_name", "triggers",
         "a capitalised noun trigger inside a proper name names a body or meeting "
         "('the Baltic Cooperation Council')", _noun_in_a_name,
         examples=(Example("Estonia joined the Nordic Defence Cooperation Forum.",
                           "!EST>:COOPERATE"),)),
    Rule("trigger.participle_modifying_a_noun", "triggers",
         "a participle between a modifier and a noun describes the noun ('internationally "
         "recognized borders', 'a negotiated settlement'); no act is reported",
         _participle_modifier,
         examples=(Example("Chile and Peru live within recognized borders.",
                           "!CHL>:SUPPORT"),
                   Example("Chile and Peru live within internationally recognized borders.",
                           "!CHL>:SUPPORT")),
         counter=(Example("Chile recognized Peru.", "CHL>PER:SUPPORT"),
                  Example("Chile and Peru negotiated trade rules.", "CHL>PER:CONSULT"))),
    Rule("trigger.noun_modifying_a_noun", "triggers",
         "an act's name before the head of a noun compound only describes the thing "
         "('attack helicopters', 'a protest group', 'bomb disposal teams')",
         _modifies_a_noun,
         examples=(Example("Indian attack helicopters crashed in Nepal.", "!IND>NPL:ASSAULT"),
                   Example("Qatar hosts Turkish protest groups.",
                           "QAT>TUR:CONSULT; !QAT>TUR:PROTEST"),
                   Example("The Turkish strike force trained in Qatar.", "!TUR>QAT:ASSAULT")),
         counter=(Example("Pakistan's attack on Indian posts continued.", "PAK>IND:ASSAULT"),
                  Example("The aid reached Somali refugees.", "!SOM>:AID"))),
    Rule("trigger.field_of_a_title", "triggers",
         "a capitalised trigger before a title head is the office's field ('Trade "
         "Minister X')", _field_of_a_title,
         examples=(Example("Egyptian Aid Minister Ahmed Ali arrived in Kenya.",
                           "EGY>KEN:CONSULT; !EGY>KEN:AID"),)),
])
