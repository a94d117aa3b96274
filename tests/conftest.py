"""Shared fixtures: the rules extractor, the seed article, and the path of the shared
reference data."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def ex():
    """The rules extractor with the package registry (built once)."""
    from graphkit.extract import get_extractor

    return get_extractor("rules.v1")


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
