"""Emission: candidate events of a sentence become :class:`~graphkit.model.Event` records,
each category once per directed pair."""

from __future__ import annotations

from ..model import Event, default_polarity, quad_class
from .reclassify import reclassify

__all__ = ["NAME", "emit_events"]

#: the extractor name written in every event
NAME = "rules.v1"


def emit_events(s, found, registry, issue: str, events: list) -> None:
    """Append the events of sentence ``s`` to ``events``: each candidate
    reclassified, then kept once per (source, target, category)."""
    seen = set()
    speaker = s.speaker
    said = (speaker.agent or registry.name(speaker.party)) if speaker else ""
    evidence = " ".join(s.text.split())
    doc = s.doc
    for c in found:
        trig, negated, modality = reclassify(s, c)
        category, mode = trig.category, trig.mode
        key = (c.source, c.target, category)
        if key in seen:
            continue
        seen.add(key)
        cs, ce = s.tokens[c.start][1], s.tokens[c.end - 1][2]
        events.append(Event(
            event_id=f"{doc.doc_id}#{s.sid}.{len(seen)}",
            doc_id=doc.doc_id, date=doc.date, sentence_id=s.sid,
            source=c.source, source_name=registry.name(c.source),
            source_agent=c.source_agent,
            target=c.target, target_name=registry.name(c.target) if c.target else "",
            target_agent=c.target_agent, event_type=category, mode=mode,
            quad_class=quad_class(category, mode), intensity=trig.intensity,
            polarity=0 if negated else default_polarity(category, mode), issue=issue,
            negated=negated, modality=_modality(modality, negated),
            speaker=said, evidence=evidence,
            char_start=s.offset, char_end=s.offset + len(s.text), extractor=NAME,
            trigger=s.text[cs:ce],
        ))


def _modality(modality: str, negated: bool) -> str:
    """The event's modality word: what the cues said (a question, a condition ...),
    else negated or asserted.

    Examples
    --------
    >>> _modality("", False), _modality("", True), _modality("question", True)
    ('asserted', 'negated', 'question')
    """
    if modality and modality != "asserted":
        return modality
    return "negated" if negated else "asserted"
