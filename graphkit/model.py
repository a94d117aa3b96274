"""Records that flow through graphkit, and the event ontology (PLOVER categories).

Everything here is a frozen dataclass or a constant table, so records can be
shared between processes and compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import GraphkitError

__all__ = [
    "EVENT_COLUMNS",
    "STANCE_COLUMNS",
    "CATEGORIES",
    "QUAD_CLASSES",
    "MODALITIES",
    "Document",
    "Actor",
    "Event",
    "Stance",
    "quad_class",
    "default_polarity",
]

#: The ``events.csv`` contract (DESIGN.md): exact column names, in this order.
EVENT_COLUMNS = (
    "event_id", "doc_id", "date", "sentence_id",
    "source", "source_name", "source_agent",
    "target", "target_name", "target_agent",
    "event_type", "mode", "quad_class", "intensity", "polarity",
    "issue", "negated", "modality", "speaker",
    "evidence", "char_start", "char_end", "extractor",
)

#: Columns of ``stances.csv``, in order.
STANCE_COLUMNS = ("doc_id", "date", "sentence_id", "actor", "actor_name", "issue", "issue_name",
                  "stance", "negated", "evidence", "char_start", "char_end")

#: PLOVER category -> (quad class, default polarity, default intensity).
#: REQUEST is an appeal (quad 1, +) unless its mode is ``demand`` (quad 3, -).
CATEGORIES = {
    "AGREE": (1, 1, 4.0),
    "CONSULT": (1, 1, 1.0),
    "SUPPORT": (1, 1, 3.5),
    "CONCEDE": (2, 1, 5.0),
    "COOPERATE": (2, 1, 6.0),
    "AID": (2, 1, 7.0),
    "RETREAT": (2, 1, 5.0),
    "REQUEST": (1, 1, 2.0),
    "ACCUSE": (3, -1, -3.0),
    "REJECT": (3, -1, -4.0),
    "THREATEN": (3, -1, -6.0),
    "PROTEST": (4, -1, -5.0),
    "SANCTION": (4, -1, -7.0),
    "MOBILIZE": (4, -1, -7.0),
    "COERCE": (4, -1, -8.0),
    "ASSAULT": (4, -1, -10.0),
}

#: Modality of an event (``events.csv`` column ``modality``): whether it happened as
#: stated. Only ``asserted`` events make up a relation's weight and sign; the others are
#: kept and counted per modality.
MODALITIES = {
    "asserted": "stated as done or happening ('met', 'is attacking')",
    "negated": "stated as not done ('did not meet', 'no progress was made')",
    "future": "announced or planned ('will meet', 'plans to visit next week')",
    "possible": "may happen ('could cooperate', 'might attack')",
    "conditional": "depends on a condition ('if', 'unless', 'once', 'only when', 'provided "
                   "that')",
    "hypothetical": "imagined, or the consequence of something imagined ('would produce', "
                    "'would have met')",
    "desired": "called for, hoped, urged or owed ('called for talks between X and Y', 'hope "
               "to meet', 'should withdraw', 'support efforts to')",
    "question": "asked ('why does X not recognize Y?')",
    "failed": "tried but failed or collapsed ('the talks failed', 'the failure of the "
              "negotiations')",
}

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def quad_class(category: str, mode: str = "") -> int:
    """Quad class (1-4) of a PLOVER category and mode.

    Examples
    --------
    >>> quad_class("CONSULT")
    1
    >>> quad_class("REQUEST", "demand")
    3
    """
    try:
        quad = CATEGORIES[category][0]
    except KeyError:
        raise GraphkitError(f"unknown event category {category!r}") from None
    if category == "REQUEST" and mode == "demand":
        return 3
    return quad


def default_polarity(category: str, mode: str = "") -> int:
    """Default polarity (+1 cooperative, -1 conflictual) of a category and mode.

    Examples
    --------
    >>> default_polarity("AID"), default_polarity("ACCUSE"), default_polarity("REQUEST", "demand")
    (1, -1, -1)
    """
    return 1 if quad_class(category, mode) <= 2 else -1


@dataclass(frozen=True)
class Document:
    """One text document.

    ``doc_id`` is stable across runs: a file's path relative to the input folder,
    or a JSONL/CSV record's own id. A date known only to the year (or month)
    is its first day, and ``date_source`` says so.
    """

    doc_id: str
    text: str
    date: str = ""
    title: str = ""
    url: str = ""
    #: where ``date`` came from: ``metadata``, ``front matter``, ``record``,
    #: ``file name``, ``dateline`` (with `` (year)`` or `` (month)`` when only
    #: that was known), or ``""`` when the document has no date
    date_source: str = ""
    #: extra ``(column, value)`` pairs from the user's ``--metadata`` table
    meta: tuple = ()


@dataclass(frozen=True)
class Actor:
    """A party (state, igo, group) or a person acting for one.

    ``country`` is the party a person or group belongs to (a state's own id for
    a state, empty for an international organisation).
    """

    id: str
    name: str
    kind: str
    country: str = ""
    region: str = ""


@dataclass(frozen=True)
class Event:
    """One directed event mention with its evidence. Fields follow ``EVENT_COLUMNS``."""

    event_id: str
    doc_id: str
    date: str
    sentence_id: int
    source: str
    source_name: str
    source_agent: str
    target: str
    target_name: str
    target_agent: str
    event_type: str
    mode: str
    quad_class: int
    intensity: float
    polarity: int
    issue: str
    negated: bool
    modality: str
    speaker: str
    evidence: str
    char_start: int
    char_end: int
    extractor: str
    trigger: str = field(default="", compare=False)

    def row(self) -> dict:
        """The event as a dict with exactly the ``events.csv`` columns, in order.

        (Every field is a plain value, so no copy is needed: ``dataclasses.asdict``
        would deep-copy each one, a third of the time of extraction on a document
        dense with events.)
        """
        return {k: getattr(self, k) for k in EVENT_COLUMNS}


@dataclass(frozen=True)
class Stance:
    """An actor's position on an issue or a named agreement."""

    doc_id: str
    date: str
    sentence_id: int
    actor: str
    actor_name: str
    issue: str
    stance: str
    negated: bool
    evidence: str
    char_start: int
    char_end: int
    issue_name: str = ""
