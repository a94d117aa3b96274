"""Context: mentions that only say where (places), who reports (media) or describe something
else (relational: "Iranian proxies", "a UN-brokered truce")."""

from __future__ import annotations

from .engine import Example, Key, Rule, Table
from .sentence import kind_of
from .syntax import names_a_thing, skip_back
from .vocab import (
    BACKED,
    BORDERS,
    BROKERED,
    COMPASS,
    COMPASS_OR_THE,
    FRIENDS,
    LOCATIVE,
    MEDIA_ROLE,
    MINORITY_NOUNS,
    PLACE_PREPS,
    RELATIONAL,
    SETTLEMENTS,
)


def mark_context(reg, out, words, lower) -> None:
    """Mark mentions that are places, media, or relational ("Russian partners"): each
    mention not an outlet goes through :data:`CONTEXT` in order, until a rule settles
    it."""
    if not out:
        return
    c = _Context(reg, out, words, lower)
    if c.dateline and out[0].kind != "media" and DATELINE.any(c, out[0]):
        out = out[1:]
    for m in out:
        if m.kind != "media":
            c.j = None
            CONTEXT.apply(c, m, key=_KEYS.get(m.form) or Key(form=m.form))


_KEYS = {form: Key(form=form) for form in ("name", "adj", "capital", "place", "role",
                                           "pronoun", "ref")}


class _Context:
    """The sentence as the context rules see it."""

    __slots__ = ("reg", "out", "words", "lower", "n", "media_ends", "dateline", "j", "nxt")

    def __init__(self, reg, out, words, lower):
        self.reg, self.out, self.words, self.lower, self.n = reg, out, words, lower, len(words)
        self.media_ends = [m.end for m in out if m.kind == "media"]
        n = self.n
        self.dateline = (out[0].start == 0 and out[0].end < n and words[out[0].end] == ","
                         and any(w in ("-", "–", "—") for w in words[out[0].end:out[0].end + 12]))
        self.j = None
        #: the lower-case words with "" past the end: ``c.nxt[m.end]`` is the word after m
        self.nxt = lower + ["", ""]

    def before(self, m) -> int:
        """Index of the word before ``m`` past articles, compass words and a
        settlement noun ("in the capital Kabul", "in the port city Basra")."""
        if self.j is None:
            lower = self.lower
            j = m.start - 1
            while j >= 0 and (lower[j] in ("the", "a", "neighbouring", "neighboring",
                                           *COMPASS) or (
                    lower[j] in SETTLEMENTS and m.form in ("capital", "place")
                    and j > 0 and lower[j - 1] in ("the", "port", "border", "holy"))):
                j -= 1
            self.j = j
        return self.j


def _named_after_a_place(c, m):
    if names_a_thing(m, c.lower):
        m.relational = True
        return True
    return None


def _place(c, m):
    if m.form == "place":
        m.location = True
        if c.nxt[m.end] in ("radio", "television", "tv"):
            m.kind = "media"
        return True
    return None


def _dateline(c, m):
    if m.kind == "party" and (m.form == "capital" or c.words[m.start].isupper()):
        m.location = True
        return True
    return None


def _after_a_locative(c, m):
    j = c.before(m)
    modifier = m.end < c.n and c.words[m.end] in ("-", "–", "'", "’", "'s", "’s")
    if j >= 0 and c.lower[j] in LOCATIVE and m.form in ("name", "capital") and not modifier:
        m.location = True
    if j >= 0 and c.lower[j] == "from" and m.form == "capital":
        m.location = True


def _relational_noun(c, m):
    if m.form == "adj" and c.nxt[m.end] in RELATIONAL and c.nxt[m.end] not in FRIENDS:
        m.relational = True


def _adjective_of_a_settlement(c, m):
    if m.form == "adj" and c.nxt[m.end] in SETTLEMENTS:
        m.location = True
        return True
    return None


def _border(c, m):
    j = c.before(m)
    if m.form == "adj" and c.nxt[m.end] in BORDERS and j >= 0 and \
            c.lower[j] in ("on", "near", "along", "across", "at", "from", "off"):
        m.relational = True


def _hyphenated(c, m):
    n, words = c.n, c.words
    if m.start >= 2 and words[m.start - 1] == "-" and c.lower[m.start - 2] in (
            "pro", "anti", "non"):
        m.relational = True     # a leaning
    if m.end + 1 < n and words[m.end] == "-" and c.lower[m.end + 1] in BROKERED:
        m.relational = True
    if m.end + 2 < n and words[m.end] == "-" and c.lower[m.end + 1] in BACKED and any(
            o.start == m.end + 2 and o.kind in ("party", "person") for o in c.out):
        m.relational = True


def _people_of_another_state(c, m):
    lower = c.lower
    if m.form == "adj" and lower[m.start].endswith("s") and m.end + 1 < c.n \
            and lower[m.end] == "of" and (m.start == 0 or lower[m.start - 1] != "ethnic"):
        return _people_of(c.reg, m, c.out, lower, m.end + 1, other_state=True) or None
    return None


def _home_of(c, m) -> set:
    """The states the sentence places things in ("in Serbia")."""
    lower = c.lower
    return {p.party for p in c.out if p is not m and p.kind == "party"
            and p.form != "adj" and p.start > 0
            and lower[skip_back(lower, p.start - 1)] in PLACE_PREPS
            and kind_of(c.reg, p.party) == "state"}


def _minority(c, m):
    if m.form == "adj" and c.nxt[m.end] in MINORITY_NOUNS \
            and not (m.start > 0 and c.lower[m.start - 1] == "ethnic"):
        homes = _home_of(c, m)
        if len(homes) == 1 and m.party not in homes:
            m.parties = (f"{homes.pop()}-CVL",)
            return True
    return None


def _ethnic(c, m):
    lower = c.lower
    if not (m.form == "adj" and m.start > 0 and lower[m.start - 1] == "ethnic"):
        return None
    if c.nxt[m.end] in ("in", "of", "from") and _people_of(c.reg, m, c.out, lower, m.end + 1):
        return True
    homes = _home_of(c, m)
    if len(homes) == 1:
        m.parties = (f"{homes.pop()}-CVL",)
        return True
    m.relational = True
    return None


def _media(c, m):
    lower = c.lower
    if m.start > 0 and lower[m.start - 1] in MEDIA_ROLE:
        m.kind = "media"
    if c.media_ends and any(e == m.start or e == m.start - 1 for e in c.media_ends) \
            and m.form != "role" and c.nxt[m.end] in MEDIA_ROLE:
        m.kind = "media"
    if c.nxt[m.end] in MEDIA_ROLE and m.form in ("name", "adj") and m.kind == "party" \
            and c.nxt[m.end] in ("correspondent", "reporter", "journalist", "tv",
                               "television", "radio", "newspaper", "broadcaster"):
        m.kind = "media"


#: a sentence opening with a dateline ("MOSCOW, April 23 (Reuters) - ..."): its first
#: mention is where the report was written
DATELINE = Table("dateline", [
    Rule("context.dateline", "context",
         "a capital opening a dateline ('MOSCOW, April 23 (Reuters) -') is where it was "
         "written", _dateline,
         examples=(Example("KABUL, March 3 (Reuters) - Pakistan shelled Afghan villages.",
                           "PAK>AFG:ASSAULT; !AFG>AFG:ASSAULT; !PAK>:ASSAULT"),)),
])

CONTEXT = Table("context", [
    Rule("context.named_after_a_place", "context",
         "a city's name in the name of a document, process or meeting ('the Minsk "
         "agreements') is neither party nor place", _named_after_a_place,
         forms={"place", "capital"},
         examples=(Example("Chad welcomed the Doha process.", "TCD>:SUPPORT; !TCD>QAT:SUPPORT"),)),
    Rule("context.place_says_where", "context",
         "a city or region only says where ('police in Karachi'); its radio is an outlet",
         _place,
         forms={"place"},
         examples=(Example("Sudan shelled villages near Nyala.", "SDN>SDN:ASSAULT"),)),
    Rule("context.after_a_locative", "context",
         "a state or capital after 'in', 'at', 'near' ... is where something happens",
         _after_a_locative,
         forms={"name", "capital"},
         examples=(Example("Iran imposed a curfew in Tehran.", "IRN>IRN:COERCE"),)),
    Rule("context.relational_noun", "context",
         "a state's adjective before 'proxies', 'rivals' ... describes others ('Iranian "
         "proxies' are not Iran); allies and partners are", _relational_noun,
         forms={"adj"},
         examples=(Example("Israel attacked Iranian proxies in Syria.", "!ISR>IRN:ASSAULT"),)),
    Rule("context.settlement_adjective", "context",
         "'the Iraqi city of Basra' is a place, never an actor", _adjective_of_a_settlement,
         forms={"adj"},
         examples=(Example("The Iraqi town of Safwan welcomed Kuwaiti aid.",
                           "!IRQ>KWT:SUPPORT"),)),
    Rule("context.border_adjective", "context",
         "'on the Thai border' says where, on either side of it", _border,
         forms={"adj"},
         examples=(Example("Cambodian troops attacked rebels on the Thai border.",
                           "!KHM>THA:ASSAULT"),)),
    Rule("context.hyphenated_description", "context",
         "a party joined by a hyphen describes: a leaning ('pro-Iranian', 'anti-Syria') or "
         "what follows ('a UN-brokered truce', 'the Iranian-backed Hezbollah')",
         _hyphenated,
         examples=(Example("Egypt criticized an anti-Israel rally.",
                           "EGY>:ACCUSE; !EGY>ISR:ACCUSE"),
                   Example("Israel attacked the Iranian-backed Hezbollah.",
                           "ISR>HEZBOLLAH:ASSAULT; !ISR>IRN:ASSAULT"))),
    Rule("context.people_of_another_state", "context",
         "'the Albanians of Serbia' are a people of that state", _people_of_another_state,
         forms={"adj"},
         examples=(Example("Serbia arrested the Albanians of southern Serbia.",
                           "SRB>SRB-CVL:COERCE"),)),
    Rule("context.minority_in_a_state", "context",
         "'the Albanian population' of the one state the sentence places things in lives "
         "there", _minority,
         forms={"adj"},
         examples=(Example("Montenegrin police attacked the Albanian population in "
                           "Montenegro.", "MNE>MNE-CVL:ASSAULT"),)),
    Rule("context.ethnic_people", "context",
         "'ethnic Albanians in Serbia' are people of the place they live in, not of "
         "Albania", _ethnic,
         forms={"adj"},
         examples=(Example("Ethnic Albanians in Serbia protested.", "SRB-CVL>SRB:PROTEST"),)),
    Rule("context.media", "context",
         "a reporter's or outlet's party ('Voice of Russia correspondent X', 'Omdurman "
         "radio') reports, it does not act", _media,
         examples=(Example("Russian TV attacked Ukraine.", "!RUS>UKR:ASSAULT"),)),
])


def _people_of(reg, m, out, lower, k, other_state=False) -> bool:
    """Make the people ``m`` those of the state named at ``k`` (past "the" and
    compass words: "ethnic Albanians in south Serbia"); whether it did."""
    while k < len(lower) and lower[k] in COMPASS_OR_THE:
        k += 1
    place = next((p for p in out if p.start == k and p.kind == "party"), None)
    if place is not None and place.end + 2 < len(lower) and lower[place.end] == "-" \
            and lower[place.end + 1] in BROKERED:
        # "Palestinians of the Israeli-occupied West Bank": of the place after it
        place = next((p for p in out if p.start == place.end + 2 and p.kind == "party"),
                     None)
    if place is None or kind_of(reg, place.party) != "state" or (
            other_state and place.party == m.party):
        return False
    m.parties = (f"{place.party}-CVL",)
    place.location = True
    return True
