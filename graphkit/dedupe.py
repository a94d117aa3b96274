"""Repeated sentences: counted once within a document, flagged (or dropped) across documents.

A scraped page often repeats its title in the body, and a syndicated story
appears in several documents word for word. :class:`SentenceFilter` sees the
events (and stances) of each document in input order and

- drops those of a sentence that already gave events earlier in the same
  document (the same sentence counts once);
- flags those of a sentence that gave events in an earlier document
  (``repeated`` per document, with the document it first appeared in), and
  drops them too when ``across=True`` (``graphkit run --dedupe``).

Sentences are compared after white space is collapsed; only a 16-byte digest
of each is kept, so memory stays small on large corpora.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["SentenceFilter", "DocumentFilter", "DocumentRepeats"]


@dataclass
class DocumentRepeats:
    """What :meth:`SentenceFilter.filter` found in one document."""

    within: int = 0          #: events dropped: their sentence came earlier in the document
    repeated: int = 0        #: events whose sentence gave events in an earlier document
    first_seen: str = ""     #: the earlier document most of those sentences came from


@dataclass
class SentenceFilter:
    """Drop events of a sentence repeated within a document; flag repeats across documents.

    Parameters
    ----------
    across : bool, optional (default=False)
        Also drop the events of a sentence that gave events in an earlier document.

    Examples
    --------
    >>> f = SentenceFilter()
    >>> title = dict(sentence_id=0, evidence="Lavrov, Kerry to talk Syria")
    >>> rows = [title, dict(title, sentence_id=3), dict(sentence_id=4, evidence="Other.")]
    >>> kept, seen = f.filter("a.txt", rows)
    >>> [r["sentence_id"] for r in kept], seen.within
    ([0, 4], 1)
    >>> kept, seen = f.filter("copy.txt", [dict(sentence_id=0, evidence="Other.")])
    >>> len(kept), seen.repeated, seen.first_seen
    (1, 1, 'a.txt')
    >>> SentenceFilter(across=True).filter("x", rows)[0] == rows[:1] + rows[2:]
    True
    """

    across: bool = False
    _first: dict = field(default_factory=dict, repr=False)

    def filter(self, doc_id: str, *groups: list) -> tuple:
        """Filter one document's rows (dicts with ``sentence_id`` and ``evidence``).

        Several lists (events, stances) may be given; a sentence is the same
        across them, and the counts are of the first list's rows. Returns the
        kept rows of each list, then a :class:`DocumentRepeats`.
        """
        one = self.document(doc_id)
        return (*one.filter(*groups), one.repeats())

    def document(self, doc_id: str) -> "DocumentFilter":
        """A filter for one document whose rows come in parts (a huge document
        is extracted part by part): :meth:`DocumentFilter.filter` each part in
        turn, then :meth:`DocumentFilter.repeats`.

        Examples
        --------
        >>> f = SentenceFilter()
        >>> one = f.document("a.txt")
        >>> row = dict(sentence_id=0, evidence="Russia and NATO met.")
        >>> one.filter([row]), one.filter([dict(row, sentence_id=9)]), one.repeats().within
        (([{'sentence_id': 0, 'evidence': 'Russia and NATO met.'}],), ([],), 1)
        """
        return DocumentFilter(self, doc_id)


class DocumentFilter:
    """One document's part of a :class:`SentenceFilter` (see
    :meth:`SentenceFilter.document`)."""

    def __init__(self, owner: SentenceFilter, doc_id: str):
        self.owner, self.doc_id = owner, doc_id
        self.mine: dict = {}            # digest -> the sentence id it first had here
        self.sources: dict = {}         # earlier document -> events repeated from it
        self.seen = DocumentRepeats()

    def filter(self, *groups: list) -> tuple:
        """The kept rows of each list of one part of the document."""
        first_doc, doc_id, mine, seen = self.owner._first, self.doc_id, self.mine, self.seen
        kept_groups = []
        last = key = None
        for i, rows in enumerate(groups):
            count = i == 0
            kept = []
            for row in rows:
                evidence = row.get("evidence", "")
                if evidence is not last:    # (a sentence's rows share its evidence)
                    key, last = _digest(evidence), evidence
                sid = row.get("sentence_id")
                first = mine.setdefault(key, sid)
                if first != sid:
                    seen.within += count
                    continue
                # (a sentence first seen here counts as this document's: its
                # later parts, like its later rows, find it is their own)
                earlier = first_doc.setdefault(key, doc_id)
                if earlier != doc_id:
                    seen.repeated += count
                    self.sources[earlier] = self.sources.get(earlier, 0) + count
                    if self.owner.across:
                        continue
                kept.append(row)
            kept_groups.append(kept)
        return tuple(kept_groups)

    def repeats(self) -> DocumentRepeats:
        """What the document's parts so far repeated."""
        if self.seen.repeated:
            self.seen.first_seen = min(self.sources, key=lambda d: (-self.sources[d], d))
        return self.seen


def _digest(text: str) -> bytes:
    return hashlib.blake2b(" ".join(str(text).split()).encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()
