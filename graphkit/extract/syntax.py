"""Shallow syntax over tokens: compound groups, subjects, prepositions, appositions,
relative clauses and names, read from word order and closed-class words."""

from __future__ import annotations

from bisect import bisect_left

from .sentence import APPOSITION_OPENERS, Group, inside, kind_of
from .vocab import (
    ABBREVIATED_TITLES,
    APPROX,
    COMPASS,
    CONTENT_NOUNS,
    DETERMINERS,
    FRONTED,
    HONORIFICS,
    INTRODUCERS,
    NAME_PARTICLES,
    NAMED_AFTER_A_PLACE,
    NOT_NAMES,
    NOT_PEOPLE_HEADS,
    NOT_SUBJECT_PREP,
    NP_FILLER,
    OBJECT_PREP_ANY,
    PROPOSALS,
    QUANTITY,
    REPORT_VERBS,
    SENT_PEOPLE,
    SPOKES,
    STOP_MODIFIER,
    TIME_ADVERBS,
    WEEKDAYS,
)


def relative_subject(words, lower, i) -> bool:
    """Whether the mention at ``i`` opens a relative clause after a noun phrase:
    "the actions that Nicaragua ...", "the measures which Russia ..." (not "agreed
    that Russia ...", "said that Russia ...")."""
    if i < 3 or lower[i - 1] not in ("that", "which"):
        return False
    k = i - 2
    while k > 1 and (lower[k] in TIME_ADVERBS or lower[k] in WEEKDAYS):
        k -= 1      # "its demand today that Israel ..."
    if lower[k] == "on" and lower[k + 1] in WEEKDAYS:
        k -= 1
    noun = lower[k]
    if not (words[k].isalpha() and words[k].islower()) or noun.endswith("ed") \
            or noun in REPORT_VERBS or noun in PROPOSALS or noun in CONTENT_NOUNS:
        return False        # ("its demands that Burundi's government grant ...")
    det = next((k for k in range(i - 3, max(-1, i - 6), -1) if lower[k] in DETERMINERS),
               None)
    return det is not None and all(words[k].isalpha() and words[k].islower()
                                   for k in range(det + 1, i - 1))


def capitalised_run(words, i, max_len=4, min_names=2):
    """End of a run of 2-4 capitalised name words starting at ``i`` (0 if none);
    particles ("bin", "al", "de", "van", "-") may join them and do not count."""
    j = i
    names = 0
    while j < len(words) and names < max_len + 2:
        w = words[j]
        if len(w) > 1 and w[0].isupper() and w[1:].replace("’", "").replace("'", "").isalpha() \
                and not w.isupper() and w not in NOT_NAMES:
            # capitalised particles ("Al-Sabah", "Bin Hamad") join without counting
            names += w.lower() not in NAME_PARTICLES
            j += 1
        elif w in NAME_PARTICLES and j > i and j + 1 < len(words) and (
                words[j + 1][:1].isupper() or words[j + 1] in NAME_PARTICLES) and w != ".":
            j += 1
        elif w in ("Jr", "Jr.") and j > i:
            j += 1 + (j + 1 < len(words) and words[j + 1] == ".")
        else:
            break
    while j > i and words[j - 1] in NAME_PARTICLES and words[j - 1] not in ("Jr", "Jr."):
        j -= 1
    return j if names >= min_names else 0


def groups_of(mentions, lower):
    """Join mentions linked by "and", "&", commas or hyphens into groups."""
    actors = [m for m in mentions if m.kind in ("party", "person")]
    groups = []
    for m in actors:
        if groups:
            g = groups[-1]
            gap = lower[g.end:m.start]
            hy = gap == ["-"] or gap == ["–"]
            comma = "," in gap
            if hy or gap in (["and"], ["&"], [","], [",", "and"], ["as", "well", "as"],
                             ["and", "the"], [",", "the"], ["and", "its"]):
                if comma and (m.form in ("pronoun", "ref") or (m.end < len(lower)
                                                                and lower[m.end] in REPORT_VERBS)):
                    pass
                elif comma and fronted_clause(lower, g.start) and not (
                        m.end < len(lower) and lower[m.end] in ("and", "or", ",", "&")):
                    # "If Russia invades Ukraine, the United States will ..." (but a list
                    # goes on: "While the United States, Australia and Japan ...")
                    pass
                elif not (m.location != g.mentions[-1].location):
                    g.mentions.append(m)
                    g.end = m.end
                    g.hyphen = g.hyphen or hy
                    continue
        groups.append(Group([m], m.start, m.end))
    return groups


def fronted_clause(lower, i):
    """Whether the word at ``i`` is in a clause opened by "if" or "unless" that a
    comma will close."""
    j = i - 1
    while j >= 0 and lower[j] not in (",", ";"):
        if lower[j] in FRONTED:
            return True
        j -= 1
    return False


def in_name(words, lower, i, mentions):
    """Whether the capitalised word at ``i`` continues a proper name: the word before
    it (past a bracketed acronym, "Nine (B9) Summit") is capitalised, no article and
    no actor mention."""
    j = i - 4 if i >= 4 and words[i - 1] == ")" and words[i - 3] == "(" else i - 1
    return words[j][:1].isupper() and lower[j] not in ("the", "a") and not inside(j, mentions)


def skip_back(lower, j):
    """Index of the word before an article or compass word ending at ``j``."""
    while j > 0 and (lower[j] in ("the", "a") or lower[j] in COMPASS):
        j -= 1
    return j


def names_a_thing(m, lower) -> bool:
    """Whether a city's name names a document, process or meeting: "the Sirte
    Declaration", "the Geneva process", "the Minsk agreements" (but "the
    Belgrade-Pristina talks" are between the two)."""
    return m.form in ("place", "capital") and m.end < len(lower) \
        and lower[m.end] in NAMED_AFTER_A_PLACE \
        and not (m.start > 0 and lower[m.start - 1] in ("-", "–"))


def in_apposition(group, s, c_start):
    """Whether a group of sentence ``s`` sits in an apposition: "Pakistan, a key
    U.S. ally, ...". The mark that opens it is the nearest comma, bracket or dash
    before the group, with no "and", "or", "said" or "says" between, after the
    clause start ``c_start`` (looked up in :attr:`Sentence.apposition_marks`, so a
    call costs the same however long the sentence).

    Examples
    --------
    >>> from graphkit.extract.sentence import Group, Mention, Sentence
    >>> words = "Pakistan , a key U.S. ally , met India".split()
    >>> s = Sentence(None, 0, 0, " ".join(words), words, [w.lower() for w in words])
    >>> in_apposition(Group([Mention(4, 5)], 4, 5), s, 0)
    True
    >>> in_apposition(Group([Mention(8, 9)], 8, 9), s, 0)
    False
    """
    lower = s.lower
    stops, commas = s.apposition_marks
    k = bisect_left(stops, group.start)
    j = stops[k - 1] if k else -1
    if j <= c_start or lower[j] not in APPOSITION_OPENERS:
        return False
    if lower[j] == "," and lower[c_start] in INTRODUCERS \
            and commas[bisect_left(commas, c_start)] == j:
        # "Despite warnings, the Israeli government ...": the comma closes an
        # introductory phrase (it is the first after the clause start)
        return False
    k = j + 1
    return k < len(lower) and lower[k] in ("a", "an", "the", "its", "one", "another") \
        and k < group.start


def skip_address(lower, j, floor=0):
    """Index before the form of address that ends at ``j`` ("Mr.", "Dr.", "His
    Excellency", "Her Royal Highness"), or ``j`` when there is none."""
    while True:
        if j - 1 >= floor and lower[j] == "," and lower[j - 1] in HONORIFICS:
            j -= 1      # "His Royal Highness, Crown Prince ..."
        elif j - 1 >= floor and lower[j] == "." and lower[j - 1] in ABBREVIATED_TITLES:
            j -= 2
        elif j >= floor and lower[j] in ABBREVIATED_TITLES:
            j -= 1
        elif j - 1 >= floor and lower[j] in HONORIFICS and lower[j - 1] in (
                "his", "her", "their", "your", "royal"):
            j -= 2
            if j >= floor and lower[j + 1] == "royal" and lower[j] in ("his", "her", "their",
                                                                         "your"):
                j -= 1
        else:
            return j


def subject_like(group, lower, registry=None):
    j = skip_address(lower, group.start - 1)
    while j >= 0 and lower[j] in NP_FILLER and lower[j] not in ("the",):
        j -= 1
    k = j
    while k >= 1 and lower[k] in ("the", "a", "an"):
        k -= 1
    if k >= 1 and lower[k] == "of" and ((lower[k - 1] in SPOKES and not (
            # ("Heads of State and Government of the Non-Aligned Movement" is a title)
            k >= 3 and lower[k - 1] == "government" and lower[k - 2] == "and"
            and lower[k - 3] == "state")) or (
            lower[k - 1] in ("member", "members") and registry is not None
            and not any(kind_of(registry, p) == "igo" for p in group.parties))):
        # "a member of the Syrian parliament started ...", "the head of the IMF said"
        # (but "members of the United Nations" are its member states)
        j = k - 2
        while j >= 0 and lower[j] in NP_FILLER:
            j -= 1
    elif j >= 1 and lower[j] == "from" and lower[j - 1] in SENT_PEOPLE:
        # "Doctors from two American aid groups donated ...": those sent act for them
        j -= 2
        while j >= 0 and (lower[j] in NP_FILLER or lower[j].isdigit()):
            j -= 1
        # (opening a clause: not "we are expecting teams from Ecuador")
        return j < 0 or lower[j] in (",", ";", ":", "and", "but", "that", "when", "while",
                                     "after", "as", "(")
    elif j >= 1 and lower[j] == "of" and lower[j - 1] in QUANTITY:
        # "Thousands of Nigerians held a rally": the people are the subject
        j -= 2
        while j >= 0 and (lower[j] in NP_FILLER or lower[j] in QUANTITY
                          or lower[j] in ("of", "up", "to", "at", "least", "about", "over",
                                          "nearly", "some", "more", "than")
                          or lower[j].replace(",", "").isdigit()):
            if lower[j] == "of" and not (j >= 1 and lower[j - 1] in QUANTITY):
                break
            j -= 1
    while j >= 0 and lower[j] in ("the", "a", "an", "both", "all"):
        j -= 1
    return not (j >= 0 and lower[j] in NOT_SUBJECT_PREP)


def head_of(lower, g_start, trig_end):
    """Whether the group at ``g_start`` completes the verb's object as "<people> of
    (the) X" right after the verb ("expelled inspectors of the IAEA", "arrested members
    of Hamas")."""
    j = g_start - 1
    mods = 0
    while j > trig_end and (lower[j] in ("the", "a", "an") or (
            # "members of the banned MASSOB"
            mods < 2 and lower[j].isalpha() and lower[j].islower() and lower[j] != "of"
            and lower[j] not in STOP_MODIFIER and lower[j] not in NOT_SUBJECT_PREP)):
        mods += lower[j] not in ("the", "a", "an")
        j -= 1
    if j <= trig_end or lower[j] != "of":
        return False
    head = lower[j - 1]
    if not (head.isalpha() and head.endswith("s") and head not in NOT_PEOPLE_HEADS):
        return False
    # (the head is the verb's direct object: no preposition or time word between)
    return all(w in NP_FILLER or w.isdigit() or (w.isalpha() and w.islower()
                                                  and w not in STOP_MODIFIER
                                                  and w not in NOT_SUBJECT_PREP
                                                  and w not in TIME_ADVERBS)
               for w in lower[trig_end:j - 1]) and j - 1 - trig_end <= 3


def preposition_before(lower, g_start, trig_end):
    j = g_start - 1
    steps = 0
    # skip determiners and up to three modifiers: "to war - torn Mozambique"
    # and numbers: "asylum to 18 Rwandan rebels", "to 13,000 refugees"
    while j >= trig_end and (lower[j] in NP_FILLER or lower[j].isdigit() or (
            lower[j] in APPROX and j + 1 < len(lower) and (
                lower[j + 1].replace(",", "").isdigit() or lower[j + 1] in APPROX)) or (
            lower[j] == "," and j > trig_end and lower[j - 1].isdigit()
            and lower[j + 1].isdigit()) or (
            steps < 3 and (lower[j].isalpha() and lower[j].islower() or lower[j] == "-")
            and lower[j] not in NOT_SUBJECT_PREP and lower[j] not in OBJECT_PREP_ANY
            and lower[j] not in STOP_MODIFIER)):
        if lower[j] not in NP_FILLER and not lower[j].isdigit() and lower[j] != ",":
            steps += 1
        j -= 1
    # a form of address before the name: "met with Dr. Ibrahim Kalin"
    k = skip_address(lower, j, trig_end)
    if k != j:
        j = k
        while j >= trig_end and lower[j] in NP_FILLER:
            j -= 1
    if j < trig_end:
        last = lower[trig_end - 1]     # "talks with", "insist on": the trigger ends in it
        return last if last in NOT_SUBJECT_PREP or last in OBJECT_PREP_ANY else None
    w = lower[j]
    if w == "of" and j - 1 >= trig_end and lower[j - 1] in QUANTITY:
        # "aid to the millions of Ukrainians": the preposition before the amount
        return preposition_before(lower, j - 1, trig_end)
    if w in NOT_SUBJECT_PREP or w in OBJECT_PREP_ANY:
        return w
    return "other"
