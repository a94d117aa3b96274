"""Running on a Dask cluster: the client, and the dyad table aggregated there.

Only ``graphkit run --dask`` imports this module (and dask with it). The tasks
themselves (document batches, event files) are submitted by
:class:`graphkit.pipeline._Runner`; this module holds what is Dask's own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import GraphkitError
from .graph import DyadAccumulator, _dyad_sums, _finish_dyads, _merge_sums, events_frame

__all__ = ["dask_client", "ClusterDyads"]

#: The columns of the events that the dyad sums read (the rest never travels).
_DYAD_INPUT = ["event_id", "date", "source", "source_name", "target", "target_name",
               "event_type", "intensity", "polarity", "issue", "negated", "modality"]


def dask_client(scheduler: str):
    """A Dask client of ``scheduler`` (an address such as ``tcp://host:8786``,
    or ``"local"`` for a LocalCluster of one single-threaded worker process per
    core) and the cluster it started (None for an address).

    Raises
    ------
    GraphkitError
        If dask.distributed is not installed or the scheduler cannot be reached.
    """
    import os

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise GraphkitError("--dask needs dask.distributed: pip install 'graphkit[dask]'") from None
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            return Client(cluster), cluster
        return Client(scheduler, timeout="5s"), None
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise GraphkitError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None


class ClusterDyads:
    """Dyad aggregates computed on a Dask cluster; a drop-in for
    :class:`graphkit.graph.DyadAccumulator` (same ``add`` and ``table``, same
    table to the byte).

    Each chunk of events added is sent to the cluster, where its partial sums
    per ordered pair are computed as a task. :meth:`table` then makes the
    partial sums one ``dask.dataframe``, hash-partitions it by (source, target)
    on the cluster and merges each partition's pairs with the merge
    :class:`~graphkit.graph.DyadAccumulator` uses, in the order the chunks were
    added (first names, first event ids); only the merged table comes back.
    """

    def __init__(self, client):
        self.client = client
        self._parts: list = []

    def add(self, events: pd.DataFrame) -> None:
        """Send one chunk of events (``events.csv`` columns) to be summed."""
        chunk = events[_DYAD_INPUT]
        if not (chunk["target"].to_numpy(dtype=object) != "").any():
            return
        self._parts.append(self.client.submit(_ordered_sums, chunk, len(self._parts),
                                              pure=False))

    def add_sums(self, sums: pd.DataFrame) -> None:
        """Send the partial sums of one chunk, made where its events were read."""
        if len(sums):
            self._parts.append(self.client.submit(_with_order, sums, len(self._parts),
                                                  pure=False))

    def table(self) -> pd.DataFrame:
        """The merged ``dyads.csv`` table."""
        import dask.dataframe as dd

        if not self._parts:
            return DyadAccumulator().table()
        meta = _ordered_sums(events_frame([dict(event_id="e", source="A", target="B")]), 0
                             ).iloc[:0]
        sums = dd.from_delayed(self._parts, meta=meta, verify_meta=False)
        merged = sums.shuffle(on=["source", "target"], npartitions=max(1, len(self._parts) // 4),
                              shuffle_method="tasks")
        merged = merged.map_partitions(_merge_partition, meta=meta.drop(columns="_order"))
        table = self.client.compute(merged, sync=True)
        table = table.sort_values(["source", "target"], kind="stable").reset_index(drop=True)
        return _finish_dyads(table)


def _ordered_sums(events: pd.DataFrame, chunk: int) -> pd.DataFrame:
    """Partial dyad sums of one chunk, with an ``_order`` (chunk, row) for the merge."""
    return _with_order(_dyad_sums(events), chunk)


def _with_order(sums: pd.DataFrame, chunk: int) -> pd.DataFrame:
    sums = sums.copy()
    sums["_order"] = np.int64(chunk) * (1 << 32) + np.arange(len(sums), dtype=np.int64)
    return sums


def _merge_partition(part: pd.DataFrame) -> pd.DataFrame:
    """Merge the partial sums of the pairs in one partition, in chunk order."""
    part = part.sort_values("_order", kind="stable").drop(columns="_order")
    return _merge_sums(part.reset_index(drop=True)) if len(part) else part
