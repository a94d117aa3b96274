"""The rules' vocabulary: word lists, role phrases and small fixed tables.

The lists themselves are data (``data/words.csv``, ``data/roles.csv``); this module
names each one once, with what it is for, so that every stage imports the same
sets. Small fixed tables that are logic more than vocabulary (which words may
start a reference, the state a region belonged to before a split) stay here as
constants.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

from ..errors import ExtractionError
from .lexicon import make_trigger, verb_forms
from .words import categories, phrases, words


@functools.lru_cache(maxsize=1)
def role_phrases() -> dict:
    """``data/roles.csv`` as ``{phrase: (role, individual)}``, in file order.

    Examples
    --------
    >>> role_phrases()["foreign minister"]
    ('Foreign Minister', True)
    """
    text = resources.files("graphkit").joinpath("data", "roles.csv").read_text(encoding="utf-8")
    rows = csv.reader(ln for ln in io.StringIO(text) if not ln.startswith("#"))
    if next(rows, None) != ["phrase", "role", "individual"]:
        raise ExtractionError("roles.csv: the header must be 'phrase,role,individual'")
    out = {}
    for n, row in enumerate(rows, 2):
        if len(row) != 3 or not row[0] or not row[1] or row[2] not in ("0", "1") \
                or row[0] in out:
            raise ExtractionError(f"roles.csv:{n}: bad or repeated row {row!r}")
        out[row[0]] = (row[1], row[2] == "1")
    return out


REPORT_VERBS = words("report_verbs")
WEAK_REPORT = words("weak_report")

# ("'s" is left out: as a token it is mostly the possessive, "Poland's parliament")
BE = words("be")
NEGATORS = words("negators")
# words before an act that say it is called for, hoped, urged or wished ("urged X to",
# "hopes to meet", "efforts to bring X and Y together")
DESIRE_CUES = words("desire_cues")
# ... and verbs that do so with "for" or "on" after them ("called for talks", "pushed
# for a ceasefire", "support for negotiations")
DESIRE_PAIR_HEADS = words("desire_pair_heads")
# "the importance of continued support", "the need of dialogue": what is wished for
DESIRE_OF_HEADS = words("desire_of_heads")
# endings of abstract nouns ("to security", "to peace"): the word after "to" is no verb
ABSTRACT_NOUN_ENDINGS = tuple(sorted(words("abstract_noun_endings")))
# words before an act that say it failed ("failed to reach", "the failure of the
# talks", "unable to agree") and after it ("the talks collapsed")
FAILURE_BEFORE = words("failure_before")
FAILURE_AFTER = words("failure_after")
FAILURE_STATES = words("failure_states")
# heads of noun compounds that an act's name only describes: "attack helicopters",
# "protest groups", "bomb disposal", "strike force"
MODIFIED_HEADS = words("modified_heads")
# function words that cannot be the noun a participle describes ("recognized by",
# "agreed to", "attacked the")
NOT_A_NOUN = words("not_a_noun")
# verbs that refuse the act after them ("refused to sign the accord"): a negated stance
REFUSAL_VERBS = words("refusal_verbs")
FUTURE = words("future")
POSSIBLE = words("possible")
OBLIGATION = words("obligation")
FUTURE_VERBS = words("future_verbs")
DETERMINERS = words("determiners")
MODAL_LEFT = words("modal_left")
MUST = words("must")

# participles that describe the subject ("is committed to", "was prepared to"): not passives
ADJECTIVAL = words("adjectival")
COMPLEMENTIZERS = words("complementizers")

# bodies a leader's surname may lead ("the Bush administration", "the Abe government")
LED = words("led")
TITLE_HEADS = words("title_heads")
COMPASS = words("compass")
DOMESTIC = categories("domestic")
INTENT_CATEGORIES = categories("intent_categories")
COOPERATIVE = categories("cooperative")
REFUSING = words("refusing")
CLAUSAL_OBJECT = categories("clausal_object")
SUPPORT_VERBS = words("support_verbs")
CLAUSE_BREAK = words("clause_break")
LOCATIVE = words("locative")

NOT_SUBJECT_PREP = LOCATIVE | words("not_subject_prep")
OBJECT_PREP_ANY = words("object_prep_any")
OBJECT_PREP_TALK = words("object_prep_talk")

# "X-backed Y": X describes Y
BROKERED = words("brokered")
BACKED = words("backed")

# prepositions that take the object of particular kinds of act: one withdraws from
# the party whose territory is left ("withdraw its troops from Lebanon")
STOP_MODIFIER = words("stop_modifier")
OBJECT_PREP_AGREE = words("object_prep_agree")
NP_FILLER = words("np_filler")
RELATIONAL = words("relational")

# offices of a state, not of an international body or a foreign mission: a holder
# named without a party is placed in the one state the sentence is about
STATE_OFFICES = words("state_offices")

# people who act for the body they come from: "doctors from two American aid groups"
# (not refugees or migrants, who come from a place)
SENT_PEOPLE = words("sent_people")
FRIENDS = words("friends")
NUMBER_WORDS = words("number_words")

# words that open an introductory phrase closed by a comma
INTRODUCERS = words("introducers")
OFFICE_WORDS = words("office_words")
BASED = words("based")
BORDERS = words("borders")

# what explodes or is set off: an attack with no named attacker
BLASTS = words("blasts")

# nouns of a settlement or area: "the Iraqi city of Basra", "the north Lebanese port"
SETTLEMENTS = words("settlements")
MEDIA_ROLE = words("media_role")
TITLES = words("titles")
SURNAME_STOP = words("surname_stop")

MUST_TRIGGER = make_trigger("must", "verb", "REQUEST", "demand", -4.9)

# Role phrases: lower-case tokens -> (canonical role for office look-up, individual?)
ROLE_TABLE = dict(role_phrases())

# portfolio ministers: "Finance Minister X", "the minister of the interior"
for _field in ("finance", "interior", "economy", "trade", "justice", "energy", "health",
               "oil", "agriculture", "education", "information", "home", "commerce",
               "industry", "labour", "labor", "transport", "environment", "culture"):
    ROLE_TABLE.setdefault(f"{_field} minister", (f"{_field.title()} Minister", True))
    ROLE_TABLE.setdefault(f"minister of {_field}", (f"{_field.title()} Minister", True))
    ROLE_TABLE.setdefault(f"minister of the {_field}", (f"{_field.title()} Minister", True))

ROLES = {tuple(k.split()): v for k, v in ROLE_TABLE.items()}

ROLE_FIRST = {}

for _k in ROLES:
    ROLE_FIRST[_k[0]] = max(ROLE_FIRST.get(_k[0], 0), len(_k))

# (a frozenset answers "any of these words here?" faster than a dict's key view)
ROLE_WORDS = frozenset(ROLE_FIRST)

# Non-state sectors that make a country-adjective a separate group id: "Syrian rebels" -> SYR-REB.
SECTOR_GROUPS = {"Rebels": "REB", "Opposition": "OPP", "Militants": "REB", "Civilians": "CVL"}

# Collective roles that, named bare ("the rebels", "government troops", "police"), belong to
# the one country the sentence is about: domestic politics is reported that way.
DOMESTIC_ROLES = frozenset({"Government", "Authorities", "Police", "Parliament",
                             "Judiciary", *SECTOR_GROUPS})
HOME_INSTITUTIONS = words("home_institutions")

# "my Government" is the speaker's, "Heads of State and Government" a title
NOT_HOME_BEFORE = words("not_home_before")

# States that split from another: before the date, their cities and regions were the
# other state's ("rebels shelled Juba" in 1995 is Sudan's war).
# (only a state that was part of the other; East Timor, Eritrea, Kosovo or Namibia
# under another's rule are coded as themselves by event coders)
SEPARATED = {"SSD": ("2011-07-09", "SDN")}
PLACE_PREPS = words("place_preps")

# nouns of an act whose "of" names its doer ("the withdrawal of Serbian forces")
ACT_NOUNS = words("act_nouns")
HOSTILE = categories("hostile")

# categories that answer a proposal, and the nouns that name one
ANSWERS = categories("answers")
PROPOSALS = words("proposals")

# how far after its trigger a place may be an event's target when no party is
# ("contribute up to 4,000 troops to a peace-keeping force in Liberia"); the
# clause end bounds it too
PLACE_REACH = 16

# bare plural subjects a "they" or "their" later in the sentence refers back to
PLURAL_NOUNS = words("plural_nouns")
# words after "the leaders", "the parties" ... that make them a description of their own
# ("the leaders of the world", "the parties to the conflict", "the leaders who spoke")
RESTRICTIVE_AFTER = words("restrictive_after")

PLURAL_REFS = phrases("plural_refs")

# nouns after "His"/"Her"/"Your" that make a form of address, not a pronoun
HONORIFICS = words("honorifics")

PLURAL_FIRST = {}

for _k in PLURAL_REFS:
    PLURAL_FIRST[_k[0]] = max(PLURAL_FIRST.get(_k[0], 0), len(_k))
PERSON_PRONOUNS = words("person_pronouns")

# auxiliaries that make a reported clause of its own ("their forces had ...", not
# "reiterates its call to ...")
FINITE = words("finite")

# head nouns of a party, movement or armed group's name ("Islamic Salvation Front")
ORG_HEADS = words("org_heads")

# first words of an international body's name, which no one state owns
NOT_DOMESTIC_NAMES = words("not_domestic_names")
AFTER_REDUCED = words("after_reduced")
NOT_BEFORE_REDUCED = words("not_before_reduced")

# participles naming who holds a protest ("a rally organised by the opposition")
ORGANISED = words("organised")

# words asking for more of something ("deepen cooperation", "closer cooperation")
MORE_OF = words("more_of")

# ... and comparatives that do so after a wish ("his desire for closer cooperation";
# not "announced closer cooperation")
MORE = words("more")
WISHES = words("wishes")

# nouns whose "that" opens what they say, not a relative clause
CONTENT_NOUNS = words("content_nouns")

# -ing words that describe a party rather than take it as object ("visiting
# President X", "the ruling party")
ING_ADJECTIVES = words("ing_adjectives")

# nouns that make a city's name the name of a document, process or meeting
NAMED_AFTER_A_PLACE = words("named_after_a_place")

# people who protest ("students demonstrated")
PROTESTERS = words("protesters")
AFTER_INTRANSITIVE = words("after_intransitive")

# acts whose "against X", "on X" names the place they hit, and those prepositions
HOSTILE_ACTS = words("hostile_acts")
VICTIM_PREPS = words("victim_preps")

# what a party's adjective or possessive makes a topic of cooperation, not its object
# ("agreed to counter Chinese influence", "discussed Russia's war")
TOPIC_HEADS = words("topic_heads")
# words that may follow a topic head ("Russia's war against Ukraine")
TOPIC_HEAD_ENDS = words("topic_head_ends")

# what may stand between "of" or "in" and a state's name ("of southern Serbia")
COMPASS_OR_THE = frozenset(("the", *COMPASS))

# people who speak for a party ("a spokeswoman for the U.S. embassy")
SPEAKER_NOUNS = words("speaker_nouns")

# conjunctions that open a clause with its own subject
SUBORDINATORS = words("subordinators")

# words opening a reported clause about the speaker's own side ("said their forces ...")
OWN_SUBJECT = words("own_subject")

# words without which a sentence has no pronoun or plural reference to resolve
REF_FIRST = ({w for k in PLURAL_REFS for w in k} - {"the", "both"}) | PERSON_PRONOUNS | {
    "alliance", "bloc", "organization", "organisation", "union"}
FIRST_PERSON = words("first_person")

DEFINITE_IGO = {"alliance": ("NATO", "CSTO"), "bloc": ("EU", "ASEAN", "NATO", "AU", "GCC"),
                 "organization": (), "organisation": (), "union": ("EU", "AU")}

# (pair in focus?, person in focus?) -> words a reference can start with
REF_STARTS = {(group, person): frozenset(DEFINITE_IGO) | (frozenset(PLURAL_FIRST) if group
                                                            else frozenset())
               | (frozenset(PERSON_PRONOUNS) if person else frozenset())
               for group in (False, True) for person in (False, True)}

# lower-case words that may join the words of a title ("Head of Cabinet to the President")
TITLE_JOINERS = words("title_joiners")

RECEIVE_FORMS = frozenset().union(*(verb_forms(v) for v in (
    "receive", "accept", "get", "obtain", "secure", "win", "seek", "request"))) | {
        "got", "gotten", "won", "sought"}
NOT_NAMES = words("not_names")
NAME_PARTICLES = words("name_particles")

# (only conditions: "when", "while" or "since" open too many other phrases to close
# them at the next comma)
FRONTED = words("fronted")

# nouns of an intention: the act after "<noun> to" is still to come
INTENT_NOUNS = words("intent_nouns")
TIME_PREPS = words("time_preps")
TIME_UNITS = words("time_units")
WEEKDAYS = words("weekdays")
MONTHS = words("months")
TIME_ADVERBS = words("time_adverbs")

# roles that may refer back to anyone named before ("the diplomat", "the leader")
ANY_OFFICE = words("any_office")
HELP = words("help")
HELP_OBJECTS = words("help_objects")

# units of an amount, whose number fits in a pattern's gap ("handed over 700 kg of
# medicine"; not "launched 10 days of war games"), as does a number right before the
# pattern's next word ("welcomed more than 2,000 refugees")
UNITS = words("units")
GAP_TIME_WORDS = words("gap_time_words")
# possessive pronouns: in a trigger's gap a determiner, even when resolved to a party
# ("reaffirmed his support for")
GAP_POSSESSIVES = words("gap_possessives")
# prepositions closing a gap pattern ("welcome ~ to")
GAP_END_PREPS = words("gap_end_preps")
# the possessive marks as tokens ("Russia 's", "the United States '")
POSSESSIVE_MARKS = frozenset(("'s", "’s", "'", "’"))

# real words one letter away from a state's name or adjective
# (the region, an island, currencies, a sports team, an airline)
NOT_MISSPELT = words("not_misspelt")

# texts that "aim to", "call for" or "impose" things: the doer of a relative clause
# about one is the text, not the sentence's subject
DOCUMENTS = words("documents")

# nouns that take their own "to" (a party after it is theirs, not the verb's)
TO_NOUNS = words("to_nouns")
MINORITY_NOUNS = words("minority_nouns")
PARTICLES = words("particles")
# what closes a verb pattern after its object, as a particle does: "held Iran
# responsible", "hold the regime accountable" (the object sits inside the pattern)
AFTER_OBJECT = PARTICLES | words("object_complements")
PARTITIVE = words("partitive")

AUX_BEFORE_PARTICIPLE = frozenset(BE | {"has", "have", "had"})
ING_LEFT = words("ing_left")

# nouns of number or part before "of" ("thousands of Nigerians", "a group of students")
# ("members of the United Nations" are not the organisation: no "members", "some", "most")
QUANTITY = words("quantity")

# people who act or speak for the party named after "of"
# (office titles, "President of the General Assembly", are role mentions of their own)
SPOKES = words("spokes")
ABBREVIATED_TITLES = words("abbreviated_titles")

# heads whose "of" names no party acted on ("the terms of", "years of")
NOT_PEOPLE_HEADS = words("not_people_heads")

# words that make a number approximate: "more than 100", "at least 20", "up to 16"
APPROX = words("approx")
UPCOMING = words("upcoming")
PERFORMATIVE = words("performative")

# acts that saying "I would like to" does not perform: "would like to meet with them
# upon his return" is a meeting still to come
NOT_PERFORMED = words("not_performed")
