"""Start-up: a command imports only what it needs.

Each case runs the command line in a fresh interpreter and lists the modules it
imported (``python -X importtime`` shows the same, with times).
"""

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED_DIR

PROBE = """
import json, sys
from graphkit.cli import cli
try:
    cli(sys.argv[1:], prog_name="graphkit")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""

#: What only analysis of big graphs, notebooks, the Dask back-end or a Parquet
#: export need; pyvis is only a file holder (its vis-network script) for the page.
NEVER = ("dask", "distributed", "pyvis", "IPython", "jinja2", "scipy", "matplotlib")


def _imported(*args) -> set:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["--version"]])
def test_help_imports_no_data_or_graph_library(args):
    mods = _imported(*args)
    assert "graphkit.cli" in mods
    for name in ("pandas", "numpy", "networkx", "pyarrow", "graphkit.pipeline",
                 "graphkit.extract.rules", *NEVER):
        assert name not in mods, f"graphkit {' '.join(args)} imported {name}"


def test_a_run_on_the_seed_imports_no_optional_back_end(tmp_path):
    mods = _imported("run", str(SEED_DIR), "-o", str(tmp_path / "out"), "-q")
    assert "graphkit.pipeline" in mods and "pandas" in mods      # it did run
    assert (tmp_path / "out" / "graph.html").is_file()
    for name in NEVER + ("multiprocessing.pool",):
        assert name not in mods, f"graphkit run seeds/ imported {name}"
