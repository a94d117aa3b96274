"""Events of a run, streamed to disk while they are extracted.

A run over a large corpus never holds its events as one big list. Rows are
compacted into frames of ``chunk_rows`` rows; each frame is appended to
``events.csv`` (and, when pyarrow is installed, written as a row group of
``events.parquet``) in the run's staging folder, aggregated into partial dyad
sums (:class:`graphkit.graph.DyadAccumulator`), and only a *slim* copy stays
in memory: every column, with the long texts (:data:`TEXT_COLUMNS`: evidence
sentences, speakers, agents) left empty. Graphs, analysis and the report need
nothing more; the explorer page reads the texts back for the events it
embeds (:meth:`EventSpool.texts`).

Without a folder the spool keeps full frames in memory (small runs from
Python that write nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .errors import ExportError
from .export import events_csv_text
from .graph import DyadAccumulator, events_frame
from .model import EVENT_COLUMNS

__all__ = ["Chunk", "EventSpool", "TEXT_COLUMNS", "frame_chunks", "text_sample"]

#: Columns the slim in-memory copy leaves empty (read back from ``events.csv``).
TEXT_COLUMNS = ("evidence", "speaker", "source_agent", "target_agent")

#: Default rows per compacted frame: small enough that the dicts waiting to be
#: compacted stay a few MB, large enough that pandas' per-call cost is noise.
CHUNK_ROWS = 5000
#: Extracted rows are compacted first in frames of this many rows, each frame
#: twice the one before, up to ``chunk_rows``: a small run then writes most of
#: its events while its workers still extract, not all of them at the end.
FIRST_CHUNK_ROWS = 500


class EventSpool:
    """Collect event rows; write them out in chunks; keep a slim copy.

    Parameters
    ----------
    folder : path-like, optional
        Where ``events.csv`` (and ``events.parquet``) are written. Without it
        nothing is written and full rows stay in memory.
    chunk_rows : int, optional (default=CHUNK_ROWS)
        Rows per compacted frame (and per Parquet row group); frames of
        extracted rows start at :data:`FIRST_CHUNK_ROWS` and double up to it.
    parquet : bool, optional
        Also write ``events.parquet`` (default: when pyarrow is installed).
    dyads : optional
        What aggregates the dyads of each chunk (``add(frame)``, ``table()``):
        a :class:`graphkit.graph.DyadAccumulator` by default, or
        :class:`graphkit.dask_backend.ClusterDyads` to sum them on a Dask cluster.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> spool = EventSpool(d, parquet=False)
    >>> spool.add_rows([dict(event_id="e1", source="RUS", target="USA",
    ...                      evidence="Russia met the United States.", trigger="met")])
    >>> slim = spool.finish()
    >>> slim.loc[0, "evidence"], slim.loc[0, "trigger"], spool.count
    ('', 'met', 1)
    >>> spool.texts([0]).loc[0, "evidence"]
    'Russia met the United States.'
    """

    def __init__(self, folder=None, *, chunk_rows: int | None = None,
                 parquet: bool | None = None, dyads=None):
        self.folder = Path(folder) if folder is not None else None
        self.chunk_rows = max(1, int(chunk_rows if chunk_rows is not None else CHUNK_ROWS))
        self._flush_at = min(self.chunk_rows, FIRST_CHUNK_ROWS)
        if parquet is None:
            parquet = _has_pyarrow()
        self.parquet = bool(parquet) and self.folder is not None
        self.count = 0
        #: Dyad aggregates, merged from partial sums of every chunk.
        self.dyads = dyads if dyads is not None else DyadAccumulator()
        self._rows: list = []
        self._frames: list = []
        self._csv = None
        self._pq = None
        self._schema = None
        self._done = False

    # -- writing -----------------------------------------------------------
    @property
    def csv_path(self) -> Path | None:
        return self.folder / "events.csv" if self.folder is not None else None

    @property
    def parquet_path(self) -> Path | None:
        return self.folder / "events.parquet" if self.parquet else None

    def add_rows(self, rows: list) -> None:
        """Add event rows (dicts with ``events.csv`` keys and an optional ``trigger``)."""
        self._rows.extend(rows)
        if len(self._rows) >= self._flush_at:
            self._flush_rows()
            self._flush_at = min(self.chunk_rows, 2 * self._flush_at)

    def add_frame(self, frame: pd.DataFrame, triggers=None) -> None:
        """Add events that already are a table (imported event files)."""
        self.add_chunks(frame_chunks(frame, triggers, chunk_rows=self.chunk_rows))

    def add_chunks(self, chunks: list) -> None:
        """Add the :class:`Chunk` s :func:`frame_chunks` made (in a worker
        process, say, with what the spool would make of them)."""
        self._flush_rows()
        for chunk in chunks:
            self._write(chunk)

    def _flush_rows(self) -> None:
        if not self._rows:
            return
        rows, self._rows = self._rows, []
        frame = events_frame(rows)
        frame["trigger"] = [r.get("trigger", "") for r in rows]
        del rows
        self._write(Chunk(frame, len(frame)))

    def _write(self, chunk: "Chunk") -> None:
        frame = chunk.events
        self.count += chunk.rows
        if chunk.sums is not None:
            self.dyads.add_sums(chunk.sums)
        else:
            self.dyads.add(frame)
        if self.folder is None:
            self._frames.append(frame)
            return
        try:
            if self._csv is None:
                self._csv = open(self.csv_path, "w", encoding="utf-8", newline="")
                self._csv.write(events_csv_text(events_frame().assign(trigger=[]),
                                                header=True))
            self._csv.write(chunk.text if chunk.text is not None
                            else events_csv_text(frame, header=False))
            if self.parquet:
                self._write_parquet(chunk.table if chunk.table is not None
                                    else _arrow_table(frame))
        except OSError as exc:
            raise ExportError(f"cannot write events in {self.folder}: "
                              f"{exc.strerror or exc}") from None
        self._frames.append(chunk.slim if chunk.slim is not None else _compact(frame))

    def _write_parquet(self, table) -> None:
        import pyarrow.parquet as pq
        if self._pq is None:
            self._schema = table.schema
            self._pq = pq.ParquetWriter(self.parquet_path, self._schema)
        elif not table.schema.equals(self._schema):
            table = table.cast(self._schema)
        self._pq.write_table(table)

    def finish(self) -> pd.DataFrame:
        """Flush and close the files; return the events in memory (slim when
        written to a folder), with a ``trigger`` column, in the order added."""
        self._flush_rows()
        if self.folder is not None and self._csv is None:
            self._write(Chunk(events_frame().assign(trigger=[]), 0))   # header-only files
            self.count = 0
        self.close()
        self._done = True
        if not self._frames:
            return events_frame().assign(trigger=pd.Series([], dtype=object))
        out = pd.concat(self._frames, ignore_index=True) if len(self._frames) > 1 else (
            self._frames[0].reset_index(drop=True))
        self._frames = []
        return out

    def close(self) -> None:
        """Close open files (idempotent; also used when a run fails)."""
        if self._csv is not None:
            self._csv.close()
            self._csv = None
        if self._pq is not None:
            self._pq.close()
            self._pq = None

    # -- reading back ---------------------------------------------------------
    def texts(self, positions) -> pd.DataFrame:
        """The :data:`TEXT_COLUMNS` of the events at ``positions`` (0-based,
        in the order added), read back from ``events.csv`` chunk by chunk.

        Returns a frame indexed by position.
        """
        want = np.unique(np.asarray(list(positions), dtype="int64"))
        if self.csv_path is None or not len(want):
            return pd.DataFrame({c: pd.Series([], dtype=object) for c in TEXT_COLUMNS},
                                index=pd.Index(want[:0], dtype="int64"))
        parts = []
        start = 0
        reader = pd.read_csv(self.csv_path, usecols=list(TEXT_COLUMNS), dtype=str,
                             keep_default_na=False, chunksize=10_000, encoding="utf-8")
        for chunk in reader:
            stop = start + len(chunk)
            lo, hi = np.searchsorted(want, [start, stop])
            if hi > lo:
                part = chunk.iloc[want[lo:hi] - start]
                part.index = want[lo:hi]
                parts.append(part.astype(object))
            start = stop
        out = pd.concat(parts) if parts else pd.DataFrame(columns=list(TEXT_COLUMNS))
        return out[list(TEXT_COLUMNS)]


class Chunk(NamedTuple):
    """A chunk of events for :meth:`EventSpool.add_chunks`: ``events`` (the
    ``events.csv`` columns and ``trigger``; None once prepared), its ``rows``,
    and, when prepared where it was read (:func:`frame_chunks`), what the
    spool would otherwise make of it: ``text`` (its ``events.csv`` lines, no
    header), ``table`` (its Parquet row group, an Arrow table), ``sums`` (its
    partial dyad sums) and ``slim`` (the copy kept in memory)."""

    events: pd.DataFrame | None
    rows: int
    text: str | None = None
    table: object = None
    sums: pd.DataFrame | None = None
    slim: pd.DataFrame | None = None


def frame_chunks(frame: pd.DataFrame, triggers=None, *, chunk_rows: int | None = None,
                 prepare: bool = False) -> list:
    """The chunks :meth:`EventSpool.add_frame` makes of a table of events,
    ``chunk_rows`` rows each, as :class:`Chunk` s.

    With ``prepare``, each chunk also carries its ``events.csv`` lines, Parquet
    row group (when pyarrow is installed), partial dyad sums and slim copy,
    and no longer the events: a worker process that read an event file does
    that work, and the spool of a run only appends the results (the same
    bytes as :meth:`~EventSpool.add_frame`).

    Examples
    --------
    >>> ev = events_frame([dict(event_id="e1"), dict(event_id="e2")])
    >>> [(c.rows, c.text[:3]) for c in frame_chunks(ev, chunk_rows=1, prepare=True)]
    [(1, 'e1,'), (1, 'e2,')]
    """
    rows = max(1, int(chunk_rows if chunk_rows is not None else CHUNK_ROWS))
    parquet = prepare and _has_pyarrow()
    chunks = []
    for start in range(0, len(frame), rows):
        part = events_frame(frame.iloc[start:start + rows])
        part["trigger"] = "" if triggers is None else list(triggers[start:start + rows])
        if not prepare:
            chunks.append(Chunk(part, len(part)))
            continue
        chunks.append(Chunk(None, len(part), text=events_csv_text(part, header=False),
                            table=_arrow_table(part) if parquet else None,
                            sums=DyadAccumulator.sums(part), slim=_compact(part)))
    return chunks


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _arrow_table(frame: pd.DataFrame):
    """A chunk's Parquet row group (an Arrow table of the ``events.csv`` columns)."""
    import pyarrow as pa
    return pa.Table.from_pandas(frame[list(EVENT_COLUMNS)], preserve_index=False)


def text_sample(events: pd.DataFrame, limit: int) -> np.ndarray:
    """Positions of at most ``limit`` events whose texts the page embeds.

    Every (source, target) pair gets its first event before any pair gets a
    second, and so on (ties in table order), so a capped page still shows
    evidence for as many relations as possible.

    Examples
    --------
    >>> ev = events_frame([dict(source="A", target="B"), dict(source="A", target="B"),
    ...                    dict(source="A", target="C")])
    >>> text_sample(ev, 2).tolist()
    [0, 2]
    """
    n = len(events)
    if limit >= n:
        return np.arange(n)
    if limit <= 0:
        return np.arange(0)
    pair = pd.factorize(events["source"].to_numpy(dtype=object) + "\x00"
                        + events["target"].to_numpy(dtype=object))[0]
    order = np.argsort(pair, kind="stable")
    sorted_pair = pair[order]
    starts = np.searchsorted(sorted_pair, sorted_pair)      # first position of each group
    rank = np.empty(n, dtype="int64")
    rank[order] = np.arange(n) - starts
    chosen = np.lexsort((np.arange(n), rank))[:limit]
    return np.sort(chosen)


_INTERNED: dict = {}


def _compact(frame: pd.DataFrame) -> pd.DataFrame:
    """The slim copy of a chunk that stays in memory for the whole run.

    Long texts are dropped. Every other text value is replaced by one shared
    object per distinct value (party ids, names, categories, dates repeat
    endlessly), and the unique ones (event ids) are copied afresh: the
    originals were allocated among the chunk's short-lived objects, and each
    of them would keep a block of freed memory from going back to the system
    (the peak memory of a long run then grows with the corpus).
    """
    slim = frame.copy()
    for col in slim.columns:
        if col in TEXT_COLUMNS:
            values = np.full(len(slim), "", dtype=object)
        elif col == "event_id":
            values = np.array([v.encode("utf-8").decode("utf-8") for v in slim[col].tolist()],
                              dtype=object)
        elif slim[col].dtype == object and len(slim):
            codes, uniq = pd.factorize(slim[col].to_numpy(dtype=object))
            shared = np.array([_INTERNED.setdefault(u, u) if len(_INTERNED) < 200_000 else u
                               for u in uniq], dtype=object)
            values = shared[codes]
        else:
            continue
        # object dtype stated: pandas would otherwise store the strings anew in its own
        # string type, and every later events_frame() would convert them back
        slim[col] = pd.Series(values, index=slim.index, dtype=object)
    return slim
