"""Atomic, deterministic file writing shared by every writer in graphkit."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import ExportError, SourceError

__all__ = ["atomic_write", "atomic_write_text", "atomic_path", "read_regular_file"]


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path next to ``path``; rename it onto ``path`` on success.

    If the block raises (or the process dies), ``path`` keeps its previous
    content and the temporary file is removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_path(d / "x.txt") as tmp:
    ...     _ = tmp.write_text("hello")
    >>> (d / "x.txt").read_text()
    'hello'
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write(path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_write_text(path, text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to ``path`` atomically.

    A lone surrogate (from an undecodable file name or command-line argument)
    cannot be UTF-8: it is written as U+FFFD rather than failing the write.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = atomic_write_text(pathlib.Path(tempfile.mkdtemp()) / "t.md", "caf\\udce9")
    >>> p.read_text()
    'caf\ufffd'
    """
    return atomic_write(path, _utf8(text))


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c
                       for c in text).encode("utf-8")


def read_regular_file(path, *, limit: int | None = None, what: str = "file") -> bytes:
    """The bytes of a regular file, never blocking on a pipe or a device.

    Parameters
    ----------
    path : path-like
    limit : int, optional
        Largest size accepted, in bytes.
    what : str, optional
        What the file is, for error messages.

    Raises
    ------
    SourceError
        If the path is missing, not a regular file (a FIFO, ``/dev/zero``, a
        folder), larger than ``limit`` or unreadable.

    Examples
    --------
    >>> read_regular_file("/dev/zero", what="actors file")
    Traceback (most recent call last):
    ...
    graphkit.errors.SourceError: actors file /dev/zero is not a regular file (a device, pipe, socket or folder)
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    name = os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8")
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise SourceError(f"cannot read {what} {name}: {reason}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"{what} {name} is not a regular file "
                              "(a device, pipe, socket or folder)")
        if limit is not None and st.st_size > limit:
            raise SourceError(f"{what} {name} is larger than {limit // 2**20} MB")
        with os.fdopen(fd, "rb") as fh:
            fd = None
            data = fh.read() if limit is None else fh.read(limit + 1)
        if limit is not None and len(data) > limit:      # grew while being read
            raise SourceError(f"{what} {name} is larger than {limit // 2**20} MB")
        return data
    except OSError as exc:
        raise SourceError(f"cannot read {what} {name}: {exc.strerror or exc}") from None
    finally:
        if fd is not None:
            os.close(fd)
