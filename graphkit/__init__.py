"""graphkit: a diplomatic-relations graph explorer.

Extract who-does-what-to-whom events from news and diplomatic text (or import
GDELT/ICEWS event files), build networkx graphs, analyse them, and write an
interactive page, GraphML for Gephi and tidy tables.

Examples
--------
>>> import graphkit
>>> graphkit.__version__
'0.1.0'
"""

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    ActorDataError, AnalysisError, ExportError, ExtractionError, GraphkitError, SourceError,
)

__all__ = [
    "__version__", "GraphkitError", "SourceError", "ActorDataError", "ExtractionError",
    "ExportError", "AnalysisError", "run", "load_registry", "get_extractor",
    "build_dyad_graph", "build_event_graph", "read_events",
]


def __getattr__(name):
    # the public API, imported lazily so `import graphkit` stays fast
    if name == "run":
        from .pipeline import run
        return run
    if name == "load_registry":
        from .actors import load_registry
        return load_registry
    if name == "get_extractor":
        from .extract import get_extractor
        return get_extractor
    if name in ("build_dyad_graph", "build_event_graph"):
        from . import graph
        return getattr(graph, name)
    if name == "read_events":
        from .eventfiles import read_events
        return read_events
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
