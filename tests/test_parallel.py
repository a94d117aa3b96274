"""Serial, multi-process and Dask extraction give byte-identical outputs."""


import pytest

from graphkit.pipeline import run
from tests.conftest import SEED_DIR

FILES = ("events.csv", "dyads.csv", "actors.csv", "graph.graphml")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    seed = next(SEED_DIR.glob("*.txt")).read_text(encoding="utf-8")
    sentences = [
        "Japan and the Philippines held talks in Manila.",
        "Germany announced new sanctions on Russia.",
        "Moscow accused Washington of interference.",
        "Britain and France imposed sanctions on Syria.",
    ]
    for i in range(70):     # enough documents for several batches
        (d / f"doc{i:03d}.txt").write_text(seed if i % 10 == 0 else sentences[i % 4],
                                           encoding="utf-8")
    return d


def _outputs(corpus, out, **kw):
    run([corpus], out, **kw)
    return {name: (out / name).read_bytes() for name in FILES}


def test_two_workers_match_serial(corpus, tmp_path):
    serial = _outputs(corpus, tmp_path / "serial")
    parallel = _outputs(corpus, tmp_path / "par", workers=2)
    assert serial == parallel


def test_dask_local_matches_serial(corpus, tmp_path):
    pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    serial = _outputs(corpus, tmp_path / "serial")
    on_dask = _outputs(corpus, tmp_path / "dask", dask="local")
    assert serial == on_dask


def test_unreachable_scheduler_is_a_clear_error(corpus, tmp_path):
    pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    from graphkit.errors import GraphkitError
    with pytest.raises(GraphkitError, match="Dask scheduler"):
        run([corpus], tmp_path / "x", dask="tcp://127.0.0.1:9")


def test_compacting_events_in_chunks_changes_nothing(corpus, tmp_path, monkeypatch):
    import graphkit.pipeline as pipeline
    whole = _outputs(corpus, tmp_path / "whole")
    monkeypatch.setattr(pipeline, "_CHUNK_ROWS", 7)
    chunked = _outputs(corpus, tmp_path / "chunked")
    assert whole == chunked
