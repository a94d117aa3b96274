"""One exception tree for graphkit: every library error derives from :class:`GraphkitError`."""

__all__ = [
    "GraphkitError",
    "SourceError",
    "ActorDataError",
    "ExtractionError",
    "ExportError",
    "AnalysisError",
]


class GraphkitError(Exception):
    """Base class of every error graphkit raises on purpose.

    The command line turns these into a one-line message and exit code 1.
    """


class SourceError(GraphkitError):
    """An input path, document or event file cannot be read or understood."""


class ActorDataError(GraphkitError):
    """An actor table (package data or a user's ``--actors`` CSV) is malformed."""


class ExtractionError(GraphkitError):
    """An extractor back-end is unknown or failed."""


class ExportError(GraphkitError):
    """An output file cannot be written."""


class AnalysisError(GraphkitError):
    """An analysis was asked for something the graph cannot answer."""
