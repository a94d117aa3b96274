"""Word lists of the rules extractor, loaded from ``data/words.csv``.

Each list is a named set of lower-case words (or capitalised ones where case
matters: titles, surnames), one ``list,word`` row per word, so a reviewer can
grep the data and a change to a list is a change to data. The code asks for a
list by name where it defines its constant (``_REPORT_VERBS =
words("report_verbs")``, with the comment saying what the list is for).

Nothing can silently stop firing: asking for a list that the file lacks is an
error, a list the file has but no code asks for is reported by :func:`unused`
(and the extractor refuses to start with one), a category list must hold
PLOVER categories only, and a mode list only modes of ``data/modes.csv``.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

from ..errors import ExtractionError
from ..model import CATEGORIES

__all__ = ["words", "phrases", "categories", "unused", "check_used"]

_asked: set = set()


@functools.lru_cache(maxsize=1)
def _lists() -> dict:
    text = resources.files("graphkit").joinpath("data", "words.csv").read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header != ["list", "word"]:
        raise ExtractionError(f"words.csv: the header must be 'list,word', not {header!r}")
    out: dict = {}
    for n, row in enumerate(rows, 2):
        if len(row) != 2 or not row[0] or not row[1] or row[1] != row[1].strip():
            raise ExtractionError(f"words.csv:{n}: expected 'list,word', got {row!r}")
        out.setdefault(row[0], []).append(row[1])
    return {name: tuple(ws) for name, ws in out.items()}


def _get(name: str) -> tuple:
    try:
        values = _lists()[name]
    except KeyError:
        raise ExtractionError(f"words.csv has no list {name!r}") from None
    _asked.add(name)
    return values


def words(name: str) -> frozenset:
    """The words of list ``name``.

    Examples
    --------
    >>> "said" in words("report_verbs")
    True
    """
    return frozenset(_get(name))


def phrases(name: str) -> frozenset:
    """The entries of list ``name`` as token tuples ("the two sides" -> 3 tokens).

    Examples
    --------
    >>> ("the", "two", "sides") in phrases("plural_refs")
    True
    """
    return frozenset(tuple(p.split()) for p in _get(name))


def categories(name: str) -> frozenset:
    """The PLOVER categories of list ``name``; an unknown category is an error.

    Examples
    --------
    >>> sorted(categories("answers"))
    ['AGREE', 'CONCEDE', 'REJECT', 'SUPPORT']
    """
    values = _get(name)
    bad = [c for c in values if c not in CATEGORIES]
    if bad:
        raise ExtractionError(f"words.csv: list {name!r} holds unknown categories {bad}")
    return frozenset(values)


def unused() -> list:
    """Lists in ``words.csv`` that no code has asked for (after the extractor's import).

    Examples
    --------
    >>> import graphkit.extract.rules  # noqa: F401 (asks for its lists)
    >>> unused()
    []
    """
    return sorted(set(_lists()) - _asked)


def check_used() -> None:
    """Raise :class:`ExtractionError` if ``words.csv`` has a list no code reads
    (a misspelt list name in the data would otherwise be ignored)."""
    extra = unused()
    if extra:
        raise ExtractionError(f"words.csv: lists no rule reads: {', '.join(extra)}")
