"""Attribution: who says a sentence ("..., Lavrov said", "According to X") and the obligations
reported speech puts on others."""

from __future__ import annotations

from .sentence import Mention, inside, true_indexes
from .syntax import groups_of
from .vocab import (
    BASED,
    DETERMINERS,
    FIRST_PERSON,
    MONTHS,
    MUST,
    NP_FILLER,
    REPORT_VERBS,
    TIME_ADVERBS,
    WEAK_REPORT,
    WEEKDAYS,
)


def skip_time(lower, j):
    """First index at or after ``j`` past time adverbials ("today", "on Tuesday", "last
    week", "on March 3")."""
    n = len(lower)
    while j < n:
        w = lower[j]
        if w in TIME_ADVERBS or w in WEEKDAYS:
            j += 1
        elif w == "on" and j + 1 < n and (lower[j + 1] in WEEKDAYS or lower[j + 1] in MONTHS
                                           or lower[j + 1].isdigit()):
            j += 2
            while j < n and (lower[j].isdigit() or lower[j] in MONTHS):
                j += 1
        elif w in ("last", "this", "next") and j + 1 < n and lower[j + 1] in (
                "week", "month", "year", "night", "weekend", "morning", "evening"):
            j += 2
        else:
            return j
    return j


def attr_end(lower, i):
    """End of an attribution tail: the report verb plus ', X reports' etc. stops at ','."""
    n = len(lower)
    j = i
    while j < n and lower[j] not in (",", ".", '"', "”"):
        j += 1
    return j if j > i else i


def find_attribution(words, lower, mentions):
    """The speaker mention of a sentence and the token span of the attribution."""
    n = len(words)
    actors = [m for m in mentions if m.kind in ("party", "person")]
    # "According to X, ..."
    for i in (range(n - 2) if "according" in lower else ()):
        if lower[i] == "according" and lower[i + 1] == "to":
            m = next((m for m in actors if i + 2 <= m.start <= i + 8), None)
            if m is not None:
                end = m.end
                while end < n and lower[end] not in (",",):
                    end += 1
                return m, (i, min(end + 1, n))
    for i in (true_indexes(map(REPORT_VERBS.__contains__, lower))
              if not REPORT_VERBS.isdisjoint(lower) else ()):
        lw = lower[i]
        if words[i] != lw or inside(i, mentions):
            continue
        # ", X said" or ", said X" (X adjacent to the verb)
        m_before = next((m for m in reversed(actors) if m.end <= i and i - m.end <= 3
                         and not any(lower[k] in (",", "that") for k in range(m.end, i))),
                        None)
        if m_before is not None and m_before.start >= 3 and lower[
                m_before.start - 1] in ("in", "at", "from") and lower[
                m_before.start - 2] in BASED:
            # "the Red Cross operating in Iraq said": the one based there speaks
            m_before = next((m for m in reversed(actors)
                             if m.end == m_before.start - 2), m_before)
        m_after = next((m for m in actors if m.start > i and m.start - i <= 2), None)
        if m_before is not None and lw in WEAK_REPORT and not any(
                lower[k] == "that" and not any(w in DETERMINERS for w in lower[i + 1:k])
                for k in range(i + 1, min(n, i + 4))):
            # "Germany announced sanctions", "reiterated its demand that Israel
            # ease ...": an event, not a quote
            m_before = None
        if m_before is not None:
            start = m_before.start
            while start > 0 and lower[start - 1] in NP_FILLER:
                start -= 1
            if start > 0 and words[start - 1] in (",", '"', "”", "'", "’", "-", "–", "—"):
                end = i + 1
                if end < n and lower[end] == "that":
                    end += 1
                return m_before, (start - 1, attr_end(lower, i + 1))
            if start == 0 or (start > 0 and lower[start - 1] in ("and",)):
                # "Japan said on Tuesday (that) it had halted aid": the time
                # belongs to the saying
                end = skip_time(lower, i + 1)
                if end < n and lower[end] == "that":
                    end += 1
                return m_before, (start, end)
        if m_after is not None and i > 0 and words[i - 1] in (",", '"', "”", "'", "’"):
            return m_after, (i - 1, attr_end(lower, m_after.end))
    # headline attribution "... - Lavrov"
    if n >= 3 and words[-2] in ("-", "–", "—") or (n >= 2 and actors and
                                                      actors[-1].end == n and
                                                      actors[-1].start > 0 and
                                                      words[actors[-1].start - 1] in
                                                      ("-", "–", "—")):
        m = actors[-1] if actors else None
        if m is not None and m.end == n and m.kind == "person":
            return m, (m.start - 1, n)
    return None, None


def reported_obligation(groups, lower, attr_span, speaker, breaks):
    """``(group, modal index, clause end)`` when reported speech puts an
    obligation on someone: "Britain said Libya must hand over the suspects"."""
    if speaker is None or attr_span is None or not speaker.party:
        return None
    n = len(lower)
    for g in groups:
        if attr_span[0] <= g.start < attr_span[1] or speaker.party in g.parties and len(
                g.parties) == 1:
            continue
        k = g.end
        while k < n and k - g.end <= 3 and lower[k] not in MUST and lower[k] in (
                "and", "other", "developed", "nations", "countries", "forces", "also",
                "now", "still", "immediately", "too"):
            k += 1
        if k < n and lower[k] in MUST and (lower[k] != "has" and lower[k] != "have" or (
                k + 1 < n and lower[k + 1] == "to")):
            end = min([b for b in breaks if b > k] + [n])
            return g, k, end
    return None


def find_speaker(s, state) -> None:
    """Set the speaker of sentence ``s`` and its attribution span: an attribution in
    the sentence, else the speaker of the quoted paragraph it continues. A
    speaker named after a list is no part of it ("... criticized the United States,
    South Korea's defense ministry said")."""
    speaker, attr_span = find_attribution(s.words, s.lower, s.mentions)
    if attr_span is not None and any(g.start < attr_span[0] < g.end for g in s.groups):
        a0 = attr_span[0]
        s.groups = (groups_of([m for m in s.mentions if m.end <= a0], s.lower)
                    + groups_of([m for m in s.mentions if m.start >= a0], s.lower))
    text, para_speaker = s.text, state.para_speaker
    in_quote = text.lstrip()[:1] in "\"“'‘" or (para_speaker is not None and
                                               text.count('"') % 2 == 1)
    if speaker is None and para_speaker is not None and (in_quote or '"' in text
                                                          or "”" in text):
        speaker = para_speaker
    if speaker is not None and ('"' in text or "“" in text or in_quote):
        state.quoting(speaker)
    s.speaker, s.attr_span = speaker, attr_span


def own_pronouns(s) -> None:
    """First-person pronouns inside quotes speak for the speaker, and so does "it"
    opening the reported clause ("Iran said it would ...", and "they" after a plural
    group: "the rebels said they would ...")."""
    speaker, attr_span, words, lower, mentions = (s.speaker, s.attr_span, s.words, s.lower,
                                                  s.mentions)
    if speaker is None:
        return
    for i, lw in enumerate(lower):
        own = lw in FIRST_PERSON or (lw in ("it", "they") and attr_span is not None
                                      and i == attr_span[1]
                                      and speaker.kind == "party" and (
                                          lw == "it" or speaker.form in ("role", "adj")))
        if own and not inside(i, mentions):
            if lw == "us" and words[i] != "us":
                continue
            if any(m.start == i + 1 and m.form == "adj" for m in mentions):
                continue    # "our Philippine allies" are the Philippines
            mentions.append(Mention(i, i + 1, (speaker.party,), speaker.agent,
                                    speaker.kind, "pronoun"))
    mentions.sort(key=lambda m: m.start)
    s.groups = groups_of(mentions, lower)
