"""Event extraction back-ends, chosen by a versioned name.

Every back-end follows the :class:`Extractor` protocol: ``extract(doc)``
returns an :class:`~graphkit.extract.rules.Extraction` with the document's
events. ``rules.v1`` (pure Python, no model) is the default; ``rules+parse``
(:mod:`graphkit.extract.parse`) checks the rules' parties against a spaCy
dependency parse and needs the ``[parse]`` extra and an English model.
"""

from __future__ import annotations

from typing import Protocol

from ..errors import ExtractionError
from ..model import Document

__all__ = ["Extractor", "EXTRACTORS", "get_extractor"]


class Extractor(Protocol):
    """What the pipeline needs from an extraction back-end."""

    name: str

    def extract(self, doc: Document):  # pragma: no cover - protocol
        ...


def _rules(**options):
    from .rules import RulesExtractor
    return RulesExtractor(**options)


def _rules_parse(**options):
    from .parse import ParseExtractor
    return ParseExtractor(**options)


#: Registered back-ends: name -> factory accepting keyword options (``registry=``).
EXTRACTORS = {"rules.v1": _rules, "rules": _rules, "rules+parse": _rules_parse}


def get_extractor(name: str = "rules.v1", **options) -> Extractor:
    """The extractor registered under ``name``.

    Examples
    --------
    >>> get_extractor("rules.v1").name
    'rules.v1'

    Raises
    ------
    ExtractionError
        If no back-end has that name.
    """
    try:
        factory = EXTRACTORS[name]
    except KeyError:
        known = ", ".join(sorted(EXTRACTORS))
        raise ExtractionError(f"unknown extractor {name!r} (known: {known})") from None
    return factory(**options)
