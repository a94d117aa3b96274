"""Context: mentions that only say where (places), who reports (media) or describe something
else (relational: "Iranian proxies", "a UN-brokered truce")."""

from __future__ import annotations

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
    """Mark mentions that are places, media, or relational ("Russian partners")."""
    if not out:
        return
    n = len(words)
    media_ends = [m.end for m in out if m.kind == "media"]
    dateline = (out and out[0].start == 0 and out[0].end < n and words[out[0].end] == ","
                and any(w in ("-", "–", "—") for w in words[out[0].end:out[0].end + 12]))
    for m in out:
        if m.kind == "media":
            continue
        if names_a_thing(m, lower):
            # "the Sirte Declaration", "the Geneva process", "the Minsk agreements":
            # a document or a process named after a city is neither party nor place
            m.relational = True
            continue
        if m.form == "place":
            # a city or region only says where: "police in Karachi", "Omdurman radio"
            m.location = True
            if m.end < n and lower[m.end] in ("radio", "television", "tv"):
                m.kind = "media"
            continue
        if dateline and m is out[0] and m.kind == "party" and (
                m.form == "capital" or words[m.start].isupper()):
            m.location = True      # "MOSCOW, April 23 (Reuters) - ..."
            continue
        j = m.start - 1
        while j >= 0 and (lower[j] in ("the", "a", "neighbouring", "neighboring",
                                       *COMPASS) or (
                # "in the capital Kabul", "in the port city Basra"
                lower[j] in SETTLEMENTS and m.form in ("capital", "place")
                and j > 0 and lower[j - 1] in ("the", "port", "border", "holy"))):
            j -= 1
        modifier = m.end < n and words[m.end] in ("-", "–", "'", "’", "'s", "’s")
        if j >= 0 and lower[j] in LOCATIVE and m.form in ("name", "capital") \
                and not modifier:
            m.location = True
        if j >= 0 and lower[j] in ("from",) and m.form == "capital":
            m.location = True
        if m.form == "adj" and m.end < n and lower[m.end] in RELATIONAL \
                and lower[m.end] not in FRIENDS:
            # "Iranian proxies" are not Iran; "our Philippine allies" are the
            # Philippines
            m.relational = True
        if m.form == "adj" and m.end < n and lower[m.end] in SETTLEMENTS:
            # "outside the Iraqi city of Basra": a place, never an actor
            m.location = True
            continue
        if m.form == "adj" and m.end < n and lower[m.end] in BORDERS and j >= 0 and \
                lower[j] in ("on", "near", "along", "across", "at", "from", "off"):
            # "a stronghold on the Thai border": where, on either side of it
            m.relational = True
        if m.start >= 2 and words[m.start - 1] == "-" and lower[m.start - 2] in (
                "pro", "anti", "non"):
            # "the pro-Iranian Hizbollah", "an anti-Syria journalist": a leaning
            m.relational = True
        if m.end + 1 < n and words[m.end] == "-" and lower[m.end + 1] in BROKERED:
            # "a UN-brokered truce", "the Israeli-occupied West Bank": the party
            # only describes what follows
            m.relational = True
        if m.end + 2 < n and words[m.end] == "-" and lower[m.end + 1] in BACKED and any(
                o.start == m.end + 2 and o.kind in ("party", "person") for o in out):
            # "NATO-member Norway", "the Iranian-backed Hezbollah": the second
            # party acts; the first only describes it
            m.relational = True
        if m.form == "adj" and lower[m.start].endswith("s") and m.end + 1 < n \
                and lower[m.end] == "of" and (m.start == 0 or lower[m.start - 1] != "ethnic"):
            # "the Albanians of southern Serbia": a people of that state
            if _people_of(reg, m, out, lower, m.end + 1, other_state=True):
                continue
        if m.form == "adj" and m.end < n and lower[m.end] in MINORITY_NOUNS \
                and not (m.start > 0 and lower[m.start - 1] == "ethnic"):
            # "ethnic cleansing in Montenegro against the Albanian population of the
            # province": a people living in the one state the sentence places
            # things in
            homes = {p.party for p in out if p is not m and p.kind == "party"
                     and p.form != "adj" and p.start > 0
                     and lower[skip_back(lower, p.start - 1)] in PLACE_PREPS
                     and kind_of(reg, p.party) == "state"}
            if len(homes) == 1 and m.party not in homes:
                m.parties = (f"{homes.pop()}-CVL",)
                continue
        if m.form == "adj" and m.start > 0 and lower[m.start - 1] == "ethnic":
            # "ethnic Albanians in south Serbia": people of the place, not Albania
            k = m.end
            if k < n and lower[k] in ("in", "of", "from") \
                    and _people_of(reg, m, out, lower, k + 1):
                continue
            # "ethnic Albanians demonstrated on Tuesday in Serbia": the one state
            # the sentence places anything in
            homes = {p.party for p in out if p is not m and p.kind == "party"
                     and p.form != "adj" and p.start > 0
                     and lower[skip_back(lower, p.start - 1)] in PLACE_PREPS
                     and kind_of(reg, p.party) == "state"}
            if len(homes) == 1:
                m.parties = (f"{homes.pop()}-CVL",)
                continue
            m.relational = True
        # reporters: "Voice of Russia correspondent Olga Denisova"
        if m.start > 0 and lower[m.start - 1] in MEDIA_ROLE:
            m.kind = "media"
        if media_ends and any(e == m.start or e == m.start - 1 for e in media_ends) \
                and m.form != "role":
            if m.end < n and lower[m.end] in MEDIA_ROLE:
                m.kind = "media"
        if m.end < n and lower[m.end] in MEDIA_ROLE and m.form in ("name", "adj") \
                and m.kind == "party" and lower[m.end] not in ("agency",):
            if lower[m.end] in ("correspondent", "reporter", "journalist", "tv",
                                "television", "radio", "newspaper", "broadcaster"):
                m.kind = "media"


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
