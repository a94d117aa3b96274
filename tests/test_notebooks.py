"""The notebooks in ``notebooks/`` run from top to bottom and write what they promise.

Each notebook is executed with nbclient in a fresh kernel of *this* interpreter
(``sys.executable``, so the kernel sees the same graphkit install as the tests), with
``notebooks/`` as the working directory, as when Jupyter opens it there. The notebooks
write under ``output/notebooks/`` (git-ignored). Skipped when nbclient, nbformat,
ipykernel or matplotlib is not installed (they are in the ``test`` extra).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED_DATA

NB_DIR = ROOT / "notebooks"
OUT = ROOT / "output" / "notebooks"
NOTEBOOKS = ("01_seed_walkthrough.ipynb", "02_readouts_over_time.ipynb", "03_gdelt.ipynb")
CELL_TIMEOUT = 240  # seconds per cell; the three notebooks take about a minute in all


def test_notebooks_are_committed_without_outputs():
    for name in NOTEBOOKS:
        nb = json.loads((NB_DIR / name).read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == "python3", name
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [], f"{name} cell {i} has outputs"
                assert cell.get("execution_count") is None, f"{name} cell {i} was executed"


@pytest.fixture(scope="module")
def execute(tmp_path_factory):
    """``execute(name) -> (executed notebook, seconds)``, in a kernel of sys.executable."""
    for module in ("nbformat", "nbclient", "ipykernel", "matplotlib"):
        pytest.importorskip(module, reason=f"{module} is not installed; the notebook tests "
                            "need the test extra: pip install -e '.[test]'")
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    # A kernel spec of our own, so that a user-level "python3" spec (for example one left by
    # `ipykernel install --user` for another Python) cannot be picked up instead.
    kernels = tmp_path_factory.mktemp("kernels")
    (kernels / "python3").mkdir()
    (kernels / "python3" / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (graphkit tests)", "language": "python",
    }), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)
    assert specs.get_kernel_spec("python3").argv[0] == sys.executable

    def run(name):
        nb = nbformat.read(NB_DIR / name, as_version=4)
        km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=specs)
        client = NotebookClient(nb, km=km, kernel_name="python3", timeout=CELL_TIMEOUT,
                                resources={"metadata": {"path": str(NB_DIR)}})
        t0 = time.perf_counter()
        client.execute()  # raises CellExecutionError on the first failing cell
        seconds = time.perf_counter() - t0
        print(f"\n{name}: executed in {seconds:.1f} s")
        for i, cell in enumerate(nb.cells):
            for out in cell.get("outputs", []):
                assert out.get("output_type") != "error", f"{name} cell {i}: {out.get('ename')}"
        return nb, seconds

    return run


def _text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            else:
                data = out.get("data", {})
                parts.append(data.get("text/plain", "") + data.get("text/html", ""))
    return "".join(parts)


def _has_image(nb) -> bool:
    return any("image/png" in out.get("data", {}) for cell in nb.cells
               for out in cell.get("outputs", []))


def _fresh(path: Path, since: float) -> bool:
    return path.is_file() and path.stat().st_size > 0 and path.stat().st_mtime >= since - 1


def test_01_seed_walkthrough(execute):
    import networkx as nx

    start = time.time()
    nb, _ = execute("01_seed_walkthrough.ipynb")
    text = _text(nb)
    for name in ("graph.graphml", "graph.gexf", "graph.html", "events.csv"):
        assert _fresh(OUT / "01_seed" / name, start), name
    assert _fresh(OUT / "01_russia_nato_categories.png", start)
    assert "evidence == document[char_start:char_end]" in text
    assert "<iframe srcdoc=" in text          # the interactive page, inline
    assert _has_image(nb)                     # the matplotlib chart
    assert "legend titled 'direction'" in text              # not pandas' "col_0"
    colours = text.split("bar colours ")[1].split("\n")[0]
    assert "#c0392b" not in colours and "#27ae60" not in colours  # red/green mean conflict/coop
    assert nx.read_graphml(OUT / "01_seed" / "graph.graphml").has_edge("RUS", "NATO")


def test_02_readouts_over_time(execute):
    import networkx as nx

    start = time.time()
    nb, _ = execute("02_readouts_over_time.ipynb")
    text = _text(nb)
    if (SHARED_DATA / "corpora" / "whitehouse_readouts_2021_2023").is_dir():
        assert "using 1063 readouts" in text
    else:
        assert "NOTE: the readouts corpus is not available" in text
    for name in ("02_readouts.graphml", "02_readouts.gexf", "02_us_partners_by_month.png",
                 "02_readouts_before_2022-02-24.graphml", "02_readouts_from_2022-02-24.graphml"):
        assert _fresh(OUT / name, start), name
    G = nx.read_graphml(OUT / "02_readouts.graphml")
    assert "USA" in G and G.number_of_edges() > 0
    assert nx.read_gexf(OUT / "02_readouts.gexf").number_of_nodes() == G.number_of_nodes()
    assert _has_image(nb)
    assert "labels overlapping the title: 0" in text


def test_03_gdelt(execute):
    import networkx as nx

    start = time.time()
    nb, _ = execute("03_gdelt.ipynb")
    text = _text(nb)
    assert "rows read" in text and "rejected" in text
    for name in ("graph.graphml", "graph.gexf", "events.csv"):
        assert _fresh(OUT / "03_gdelt" / name, start), name
    assert nx.read_graphml(OUT / "03_gdelt" / "graph.graphml").number_of_edges() > 0
    assert "in both" in text                  # the comparison with the seed
