"""Corrections an analyst made in the explorer page, applied on the next run.

In ``graph.html`` an event can be marked as wrong (✗) or edited (✎: another
category, source or target); the page's "Corrections" button downloads them as
a CSV with the columns :data:`COLUMNS`. ``graphkit run --corrections FILE``
(``RunOptions(corrections=FILE)``) then drops or edits those events, by
``event_id``, as they are extracted, and ``report.md`` lists what was applied
and what did not match.

Event ids (``doc_id#sentence.k``) are stable across runs of the same extractor
on the same documents. A correction also records the event as the page showed
it (``orig_event_type``, ``orig_source``, ``orig_target``): when the event with
that id has changed (the extractor or the documents changed since), the
correction goes to the event of the same sentence that still reads that way, or
is reported as not matched; it is never applied to a different event.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .model import CATEGORIES, default_polarity, quad_class

__all__ = ["COLUMNS", "ACTIONS", "Correction", "Corrections"]

#: Columns of the corrections CSV the page writes, in order. Only ``event_id``
#: and ``action`` are required; the ``orig_*`` columns guard against applying a
#: correction to an event that has changed; ``doc_id``, ``date`` and
#: ``evidence`` are for the reader.
COLUMNS = ("event_id", "action", "event_type", "source", "target", "orig_event_type",
           "orig_source", "orig_target", "doc_id", "date", "evidence")
#: ``drop`` removes the event; ``edit`` sets its category and/or parties.
ACTIONS = ("drop", "edit")
_REQUIRED = ("event_id", "action")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Correction:
    """One row of a corrections file (``line`` is its line number in the file)."""

    event_id: str
    action: str
    event_type: str = ""
    source: str = ""
    target: str = ""
    orig_event_type: str = ""
    orig_source: str = ""
    orig_target: str = ""
    line: int = 0

    def describes(self, row: dict) -> bool:
        """Whether ``row`` still reads as the page showed the event: same category,
        source and target (always true when the file records no original values)."""
        if not (self.orig_event_type or self.orig_source):
            return True
        return (str(row.get("event_type", "")) == self.orig_event_type
                and str(row.get("source", "")) == self.orig_source
                and str(row.get("target", "")) == self.orig_target)

    def change(self) -> str:
        """The correction in words: ``drop`` or the new values."""
        if self.action == "drop":
            return "drop"
        parts = [f"category {self.event_type}"] if (
            self.event_type and self.event_type != self.orig_event_type) else []
        if (self.source, self.target) == (self.orig_source, self.orig_target):
            pass                            # the page writes the parties even when unchanged
        elif self.source:
            parts.append(f"{self.source} \u2192 {self.target or '(no target)'}")
        elif self.target:
            parts.append(f"target {self.target}")
        return "edit: " + (", ".join(parts) or "no change")


@dataclass
class Corrections:
    """A corrections file, applied to events as a run extracts them.

    Examples
    --------
    >>> fixes = Corrections.from_text(
    ...     "event_id,action,event_type,source,target,orig_event_type,orig_source,orig_target\\n"
    ...     "d1#0.1,drop,,,,CONSULT,USA,RUS\\n"
    ...     "d1#1.1,edit,ACCUSE,,,SUPPORT,RUS,UKR\\n")
    >>> rows = [dict(event_id="d1#0.1", event_type="CONSULT", source="USA", target="RUS"),
    ...         dict(event_id="d1#1.1", event_type="SUPPORT", source="RUS", target="UKR",
    ...              mode="", negated=False, polarity=1, intensity=3.5, quad_class=1)]
    >>> [(r["event_id"], r["event_type"], r["polarity"]) for r in fixes.apply_rows(rows)]
    [('d1#1.1', 'ACCUSE', -1)]
    >>> fixes.outcomes()[["event_id", "outcome"]].values.tolist()
    [['d1#0.1', 'applied'], ['d1#1.1', 'applied']]
    """

    items: list
    path: str = ""
    _by_id: dict = field(default_factory=dict, repr=False)
    _by_sentence: dict = field(default_factory=dict, repr=False)
    _done: dict = field(default_factory=dict, repr=False)
    _changed: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for c in self.items:
            self._by_id[c.event_id] = c
            self._by_sentence.setdefault(_sentence(c.event_id), []).append(c)

    # -- reading ---------------------------------------------------------------
    @classmethod
    def read(cls, path) -> "Corrections":
        """Read a corrections CSV (UTF-8, with or without BOM).

        Raises
        ------
        SourceError
            If the file is missing or unreadable, lacks ``event_id`` or
            ``action``, or a row names an unknown action or category, gives an
            edit with nothing to change, or repeats an event id.
        """
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise SourceError(f"corrections file not found: {p}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(f"cannot read corrections file {p}: {exc}") from None
        return cls.from_text(text, path=str(p))

    @classmethod
    def from_text(cls, text: str, *, path: str = "corrections") -> "Corrections":
        """Parse the CSV text of a corrections file (see :meth:`read`)."""
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip() for h in (reader.fieldnames or [])]
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            raise SourceError(f"{path}: not a corrections file (no {', '.join(missing)} column)")
        reader.fieldnames = header
        items, seen = [], {}
        for line, raw in enumerate(reader, start=2):
            row = {k: _cell(raw.get(k)) for k in COLUMNS}
            if not any(row.values()):
                continue
            c = Correction(event_id=row["event_id"], action=row["action"].lower(),
                           event_type=row["event_type"].upper(), source=row["source"],
                           target=row["target"], orig_event_type=row["orig_event_type"].upper(),
                           orig_source=row["orig_source"], orig_target=row["orig_target"],
                           line=line)
            where = f"{path}, line {line}"
            if not c.event_id:
                raise SourceError(f"{where}: no event_id")
            if c.action not in ACTIONS:
                raise SourceError(f"{where}: unknown action {row['action']!r} "
                                  f"(known: {', '.join(ACTIONS)})")
            if c.event_type and c.event_type not in CATEGORIES:
                raise SourceError(f"{where}: unknown event category {c.event_type!r}")
            if c.action == "edit" and not (c.event_type or c.source or c.target):
                raise SourceError(f"{where}: an edit needs a new event_type, source or target")
            if c.event_id in seen:
                raise SourceError(f"{where}: event {c.event_id} is already corrected on line "
                                  f"{seen[c.event_id]}")
            seen[c.event_id] = line
            items.append(c)
        return cls(items, path=path)

    # -- applying --------------------------------------------------------------
    def apply_rows(self, rows: list, *, name_of=None) -> list:
        """The event rows (``events.csv`` dicts, e.g. one document's) with the
        corrections applied: dropped rows left out, edited rows changed in place.
        ``name_of(party_id)`` gives the names of parties an edit brings in."""
        if not self.items or not rows:
            return rows
        chosen = {}                 # row index -> correction
        for k, row in enumerate(rows):
            c = self._by_id.get(str(row.get("event_id", "")))
            if c is None or c.event_id in self._done:
                continue
            if c.describes(row):
                chosen[k] = c
            else:
                now = (f"{row.get('event_type', '')} {row.get('source', '')} \u2192 "
                       f"{row.get('target', '') or '(no target)'}")
                self._changed[c.event_id] = f"the event now reads {now}"
        # a correction whose event changed or vanished: the same sentence's event that
        # still reads as the page showed it, if there is exactly one
        sentences = {_sentence(str(r.get("event_id", ""))) for r in rows}
        for key in sentences & self._by_sentence.keys():
            for c in self._by_sentence[key]:
                if c.event_id in self._done or c in chosen.values() or not (
                        c.orig_event_type or c.orig_source):
                    continue
                fits = [k for k, r in enumerate(rows) if k not in chosen
                        and _sentence(str(r.get("event_id", ""))) == key and c.describes(r)
                        and str(r.get("event_id", "")) not in self._by_id]
                if len(fits) == 1:
                    chosen[fits[0]] = c
                    self._changed[c.event_id] = ("applied to " + str(rows[fits[0]]["event_id"])
                                                 + ", the event of the same sentence that reads "
                                                 "as the page showed it")
        out = []
        for k, row in enumerate(rows):
            c = chosen.get(k)
            if c is None:
                out.append(row)
                continue
            self._done[c.event_id] = self._changed.pop(c.event_id, "")
            if c.action == "edit":
                out.append(_edited(row, c, name_of))
        return out

    def apply_frame(self, frame, *, name_of=None):
        """:meth:`apply_rows` over a DataFrame of events (event files)."""
        import pandas as pd

        if not self.items or frame.empty:
            return frame
        rows = self.apply_rows(frame.to_dict("records"), name_of=name_of)
        return pd.DataFrame(rows, columns=frame.columns).astype(frame.dtypes.to_dict())

    def outcomes(self):
        """One row per correction (a DataFrame): ``event_id, action, change, outcome,
        note``; ``outcome`` is ``applied`` or ``not matched``."""
        import pandas as pd

        rows = []
        for c in self.items:
            if c.event_id in self._done:
                rows.append((c.event_id, c.action, c.change(), "applied", self._done[c.event_id]))
            else:
                note = self._changed.get(c.event_id, "no event with this id in this run")
                rows.append((c.event_id, c.action, c.change(), "not matched", note))
        return pd.DataFrame(rows, columns=["event_id", "action", "change", "outcome", "note"])


def _cell(value) -> str:
    """A cell as written by the page: formula-neutralised values lose their quote."""
    text = "" if value is None else str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA:
        text = text[1:]
    return text


def _sentence(event_id: str) -> str:
    """``doc#sentence`` of an event id ``doc#sentence.k`` (the id itself otherwise)."""
    head, dot, tail = event_id.rpartition(".")
    return head if dot and "#" in head and tail.isdigit() else event_id


def _edited(row: dict, c: Correction, name_of) -> dict:
    row = dict(row)
    if c.event_type and c.event_type != row.get("event_type"):
        cat = c.event_type
        row["event_type"] = cat
        row["mode"] = ""
        row["quad_class"] = quad_class(cat)
        negated = str(row.get("negated", "")).lower() in ("true", "1")
        row["polarity"] = 0 if negated else default_polarity(cat)
        row["intensity"] = CATEGORIES[cat][2]
    # a new source comes with the target it goes to ("" for none), as the page writes
    # them; a target alone keeps the source
    sides = {"source": c.source, "target": c.target} if c.source else (
        {"target": c.target} if c.target else {})
    for side, new in sides.items():
        if new != row.get(side):
            row[side] = new
            row[f"{side}_name"] = name_of(new) if (name_of and new) else new
            row[f"{side}_agent"] = ""
    return row
