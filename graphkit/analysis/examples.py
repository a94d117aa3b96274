"""Toy event tables for examples and doctests."""

from __future__ import annotations

import pandas as pd

from ..errors import AnalysisError
from ..graph import events_frame
from ..model import CATEGORIES, default_polarity

__all__ = ["toy_events"]


def toy_events(*specs: str) -> pd.DataFrame:
    """An events table from short specs ``"SOURCE TARGET CATEGORY [YYYY-MM-DD]"``.

    Each event gets the id ``e1``, ``e2``, ... in order, the document ``d1``, and the
    intensity and polarity of its PLOVER category (``graphkit.model.CATEGORIES``).

    Parameters
    ----------
    *specs : str
        One event each, e.g. ``"RUS NATO COOPERATE 2013-04-23"``.

    Returns
    -------
    DataFrame
        Rows with the ``events.csv`` columns.

    Raises
    ------
    AnalysisError
        If a spec does not have three or four fields or names an unknown category.

    Examples
    --------
    >>> ev = toy_events("RUS NATO COOPERATE 2013-04-23", "USA RUS ACCUSE")
    >>> ev[["event_id", "source", "target", "intensity", "polarity", "date"]].values.tolist()
    [['e1', 'RUS', 'NATO', 6.0, 1, '2013-04-23'], ['e2', 'USA', 'RUS', -3.0, -1, '']]
    """
    rows = []
    for i, spec in enumerate(specs, 1):
        parts = spec.split()
        if len(parts) not in (3, 4) or parts[2] not in CATEGORIES:
            raise AnalysisError(f"toy event {spec!r}: expected 'SOURCE TARGET CATEGORY [DATE]'")
        source, target, category = parts[:3]
        rows.append(dict(event_id=f"e{i}", doc_id="d1", date=parts[3] if len(parts) == 4 else "",
                         source=source, target=target, event_type=category,
                         intensity=CATEGORIES[category][2],
                         polarity=default_polarity(category)))
    return events_frame(rows)
