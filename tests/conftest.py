"""Shared fixtures: the rules extractor and helpers over it, the seed article, and the
path of the shared reference data."""

from pathlib import Path

import pytest

from graphkit.model import Document

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"
#: the document date of a sentence a test gives none
DATE = "2013-04-23"


@pytest.fixture(scope="session")
def ex():
    """The rules extractor with the package registry (built once)."""
    from graphkit.extract import get_extractor

    return get_extractor("rules.v1")


@pytest.fixture(scope="session")
def events(ex):
    """``events(text, date=DATE, **document_fields)``: the events of one document."""
    def extract(text, date=DATE, **fields):
        return ex.extract(Document("t", text, date, **fields)).events
    return extract


@pytest.fixture(scope="session")
def triples(events):
    """``triples(text, date=DATE)``: the sorted (source, target, event_type) of a document."""
    def extract(text, date=DATE, **fields):
        return sorted((e.source, e.target, e.event_type) for e in events(text, date, **fields))
    return extract


@pytest.fixture(scope="session")
def seed_result(tmp_path_factory):
    """The whole pipeline run once on the seed article."""
    from graphkit.pipeline import run

    out = tmp_path_factory.mktemp("seed_out")
    return run([SEED_DIR], out)


@pytest.fixture
def shared_data():
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA} (../shared/data is absent)")
    return SHARED_DATA
