"""Read documents: text and Markdown files (with front matter), JSONL and CSV.

Documents are streamed one at a time. A file that cannot be read is reported in
a :class:`SkipLog` and skipped; the rest of the input is still read. Nothing in
a user's files (bytes, encodings, names, markup, links, special files) raises
anything but a skip, and every skip reason is one printable line naming the
file (and the line, for JSONL and CSV records).
"""

from __future__ import annotations

import calendar
import csv
import errno
import functools
import fnmatch
import html
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field, replace
from datetime import date as _date
from datetime import datetime as _datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import SourceError
from .model import Document
from .safe import clean_field, clean_text

__all__ = [
    "TEXT_SUFFIXES",
    "DOCUMENT_SUFFIXES",
    "SkipLog",
    "find_files",
    "iter_documents",
    "read_document_file",
    "parse_front_matter",
    "markdown_to_text",
    "find_date",
    "parse_date",
    "window_bound",
    "date_from_name",
    "check_date_pattern",
    "skip_rule",
    "skip_summary",
    "Metadata",
    "load_metadata",
    "printable",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")
BINARY_SUFFIXES = (".pdf", ".docx")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + BINARY_SUFFIXES + (".jsonl", ".csv")
_DOCS_EXTRA = "pip install 'graphkit[docs]'"

# Characters that cannot be written as UTF-8 (lone surrogates, e.g. from undecodable
# file names or "\ud800" escapes in JSON), that break a line (controls), or that XML
# forbids (U+FFFE, U+FFFF).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    c = m.group()
    o = ord(c)
    if 0xDC80 <= o <= 0xDCFF:       # a byte that os.fsdecode could not decode
        return f"\\x{o - 0xDC00:02x}"
    return _ESCAPES.get(c) or (f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")


def printable(text) -> str:
    """``text`` as one printable line that can be written as UTF-8.

    File names that are not valid UTF-8 (``os.fsdecode`` keeps their bytes as
    lone surrogates) show those bytes as ``\\xNN``; line breaks and other
    control characters are escaped the same way.

    Examples
    --------
    >>> printable(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    >>> printable("two\\nlines")
    'two\\\\nlines'
    """
    text = os.fsdecode(text) if isinstance(text, (bytes, os.PathLike)) else str(text)
    return _UNPRINTABLE.sub(_escape, text)


# Text that every writer (CSV, GraphML, HTML) can hold: NULs dropped, other control
# characters made spaces, lone surrogates and non-characters made U+FFFD, bare carriage
# returns made line feeds.
_clean_text = clean_text


@dataclass
class SkipLog:
    """What was skipped and why: a list of ``(path, reason)`` pairs.

    Paths and reasons are stored as printable one-line text (see
    :func:`printable`), so they can always be shown and written to CSV.

    Examples
    --------
    >>> log = SkipLog()
    >>> log.add("a.txt", "binary file")
    >>> log.items
    [('a.txt', 'binary file')]
    >>> log.add(os.fsdecode(b"b\\xff.txt"), "not valid UTF-8")
    >>> log.items[-1]
    ('b\\\\xff.txt', 'not valid UTF-8')
    """

    items: list = field(default_factory=list)
    echo: bool = False
    #: files and folders left out by a rule (hidden, licence, readme, changelog,
    #: ``--exclude``): ``(path, reason)`` pairs, not problems
    excluded: list = field(default_factory=list)

    def add(self, where, reason: str) -> None:
        where, reason = printable(where), printable(reason)
        self.items.append((where, reason))
        if self.echo:
            print(f"skipped {where}: {reason}", file=sys.stderr)

    def exclude(self, where, reason: str) -> None:
        """Record a file or folder left out by a rule (see :func:`skip_rule`)."""
        self.excluded.append((printable(where), printable(reason)))

    def __len__(self) -> int:
        return len(self.items)


def skip_summary(skipped, excluded, where) -> str:
    """One line saying what was left out: unreadable inputs, and files or folders
    left out by rule, counted by reason.

    Examples
    --------
    >>> skip_summary([("a.txt", "binary file")], [("README.md", "readme file"),
    ...              ("LICENSE", "licence file"), ("x/README", "readme file")], "skipped.csv")
    'skipped 1 unreadable and 3 by rule (readme file 2, licence file 1), listed in skipped.csv'
    """
    parts = []
    if skipped:
        parts.append(f"{len(skipped)} unreadable")
    if excluded:
        counts: dict = {}
        for _where, reason in excluded:
            counts[reason] = counts.get(reason, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        parts.append(f"{len(excluded)} by rule ("
                     + ", ".join(f"{r} {n}" for r, n in ranked) + ")")
    return f"skipped {' and '.join(parts)}, listed in {where}"


def _os_reason(exc: OSError, path) -> str:
    """A short, user-facing reason for an OS error on ``path``."""
    code = exc.errno
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        return "vanished before it could be read (no such file)"
    if code == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if code == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read: {exc.strerror or exc}"


def _link_reason(link: str) -> str:
    """Why a symbolic link to a folder is not followed."""
    try:
        target = os.path.realpath(link)
        here = os.path.realpath(os.path.dirname(link))
    except (OSError, ValueError):
        return "symbolic link to a folder, not followed"
    if here == target or here.startswith(target.rstrip(os.sep) + os.sep):
        return "symbolic link loop (points to a folder that contains it), not followed"
    return "symbolic link to a folder, not followed"


def find_files(path, *, suffixes=DOCUMENT_SUFFIXES, skipped: SkipLog | None = None,
               exclude_globs=()) -> list[tuple[Path, str]]:
    """Files to read under ``path`` with their document ids, sorted.

    A file given directly has its own name as id; files in a folder have their
    path relative to that folder (POSIX separators). Symbolic links to folders
    are not followed, so link loops cannot hang the walk (each one is reported
    in ``skipped``). Hidden files and folders are ignored. Ids are
    :func:`printable` (bytes of a non-UTF-8 name appear as ``\\xNN``).

    Parameters
    ----------
    path : path-like
        A file or a folder.
    suffixes : tuple of str, optional
        File name endings (lower case) to read in folders.
    skipped : SkipLog, optional
        Receives folders that cannot be listed and links not followed. Without
        it, a ``path`` that cannot be opened raises :class:`SourceError`.
    exclude_globs : iterable of str, optional
        Shell patterns (``--exclude``) matched against each name and each path
        relative to ``path``.

    Raises
    ------
    SourceError
        If ``path`` does not exist (or, without ``skipped``, cannot be opened).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "sub").mkdir(); _ = (d / "sub" / "a.txt").write_text("x")
    >>> _ = (d / "b.md").write_text("y"); _ = (d / "c.png").write_bytes(b"z")
    >>> _ = (d / "README.md").write_text("About this folder")
    >>> [i for _, i in find_files(d)]
    ['b.md', 'sub/a.txt']
    >>> [i for _, i in find_files(d, exclude_globs=["sub/*"])]
    ['b.md']
    """
    p = Path(path)
    try:
        st = p.stat()
    except (FileNotFoundError, NotADirectoryError):
        if p.is_symlink():
            return _top_level_problem(path, "broken symbolic link (its target does not exist)",
                                      skipped)
        raise SourceError(f"no such file or folder: {printable(path)}") from None
    except OSError as exc:
        return _top_level_problem(path, _os_reason(exc, path), skipped)
    except ValueError:                      # e.g. an embedded NUL in the name
        raise SourceError(f"no such file or folder: {printable(path)}") from None
    globs = tuple(g.rstrip("/") for g in exclude_globs if g.rstrip("/"))
    if stat.S_ISREG(st.st_mode):
        reason = _glob_rule(p.name, p.name, globs) or _glob_rule(str(path), "", globs)
        if reason:
            if skipped is not None:
                skipped.exclude(path, reason)
            return []
        return [(p, printable(p.name))]
    if not stat.S_ISDIR(st.st_mode):
        return _top_level_problem(path, "not a regular file or folder (device, pipe or socket)",
                                  skipped)

    def onerror(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else path
        _skip(skipped, where, "cannot list folder: " + _os_reason(exc, where).replace(
            "cannot read: ", ""))

    out = []
    for root, dirs, files in os.walk(p, onerror=onerror, followlinks=False):
        keep = []
        rel_root = Path(root).relative_to(p).as_posix()
        rel_root = "" if rel_root == "." else rel_root + "/"
        for d in sorted(dirs):
            full = os.path.join(root, d)
            reason = skip_rule(d, rel_root + d, folder=True, exclude_globs=globs)
            if reason:
                if skipped is not None:
                    skipped.exclude(full, reason)
                continue
            if os.path.islink(full):
                _skip(skipped, full, _link_reason(full))
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            f = Path(root) / name
            if f.suffix.lower() not in suffixes:
                continue
            reason = skip_rule(name, rel_root + name, exclude_globs=globs)
            if reason:
                if skipped is not None:
                    skipped.exclude(f, reason)
                continue
            out.append((f, printable(f.relative_to(p).as_posix())))
    out.sort(key=lambda t: t[1])
    return out


# Files that describe a folder rather than report anything: "README_origin.txt",
# "LICENSE.txt", "CHANGELOG.md" (the stem, then a separator or nothing).
_ABOUT_FILES = re.compile(r"(?i)^(?:(readme)|(licen[cs]e|copying)|(changelog))(?:[._ -].*)?$")


def skip_rule(name: str, relative: str = "", *, folder: bool = False,
              exclude_globs=()) -> str:
    """Why a file or folder found in an input folder is not read, or ``""``.

    Hidden files and folders (a name starting with ``.``), licence, readme and
    changelog files (``LICENSE.txt``, ``README_origin.md``, ``CHANGELOG``), and
    names or relative paths matching one of ``exclude_globs`` are left out.

    Examples
    --------
    >>> skip_rule("LICENSE.txt"), skip_rule("README_origin.txt"), skip_rule(".draft.md")
    ('licence file', 'readme file', 'hidden file')
    >>> skip_rule("BHS_72_2017.txt")
    ''
    >>> skip_rule("notes.md", "drafts/notes.md", exclude_globs=["drafts/*"])
    'excluded by --exclude drafts/*'
    """
    if name.startswith("."):
        return "hidden folder" if folder else "hidden file"
    reason = _glob_rule(name, relative or name, exclude_globs)
    if reason or folder:
        return reason
    m = _ABOUT_FILES.match(name)
    if m:
        return ("readme file", "licence file", "changelog file")[m.lastindex - 1]
    return ""


def _glob_rule(name: str, relative: str, globs) -> str:
    for g in globs:
        if fnmatch.fnmatchcase(name, g) or (relative and fnmatch.fnmatchcase(relative, g)):
            return f"excluded by --exclude {g}"
    return ""


def _top_level_problem(path, reason: str, skipped: SkipLog | None) -> list:
    if skipped is None:
        raise SourceError(f"{printable(path)}: {reason}")
    skipped.add(path, reason)
    return []


def iter_documents(paths: Iterable, *, text_column: str = "text", skipped: SkipLog | None = None,
                   exclude=frozenset(), exclude_globs=(), metadata: Metadata | None = None,
                   date_pattern: str | None = None) -> Iterator[Document]:
    """Yield every document under ``paths`` (files or folders, recursive).

    Parameters
    ----------
    paths : iterable of path-like
        Files or folders of ``.txt``/``.md``/``.html``/``.pdf``/``.docx``/``.jsonl``/``.csv``.
    text_column : str, optional (default="text")
        Column holding the text in CSV files.
    skipped : SkipLog, optional
        Receives every file or record that could not be read.
    exclude : set of Path, optional
        Resolved paths of files not to read (e.g. already read as event files).
        A file reached twice (named twice, or in two folders given) is read once.
    exclude_globs : iterable of str, optional
        Shell patterns of names or relative paths not to read (see :func:`find_files`).
    metadata : Metadata, optional
        The user's metadata table (:func:`load_metadata`): dates, titles, urls
        and extra columns, which win over what documents say themselves.
    date_pattern : str, optional
        A regular expression with a ``year`` group (and ``month``, ``day``)
        that finds the date in a file's relative path (:func:`date_from_name`).

    Notes
    -----
    A document's date comes from, in this order: ``metadata``; its own fields
    (front matter, a JSONL or CSV record's ``date``); its file name (files
    only); a dateline or "Published ..." line at the top (:func:`find_date`).
    A date mentioned in the body is never used. ``Document.date_source``
    says which.

    Raises
    ------
    SourceError
        If one of ``paths`` does not exist. Every other problem is a skip.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.md").write_text("---\\ndate: 2013-04-23\\ntitle: T\\n---\\nRussia met NATO.\\n")
    >>> _ = (d / "b.txt").write_bytes("Caf\\xe9".encode("latin-1"))
    >>> log = SkipLog()
    >>> [(x.doc_id, x.date, x.title) for x in iter_documents([d], skipped=log)]
    [('a.md', '2013-04-23', 'T')]
    >>> [(pathlib.Path(w).name, r) for w, r in log.items]
    [('b.txt', 'not valid UTF-8 (line 1, byte 3); save it as UTF-8')]
    """
    skipped = skipped if skipped is not None else SkipLog()
    pattern = check_date_pattern(date_pattern) if date_pattern else None
    seen: dict[str, int] = {}
    read = set(exclude)         # a file named twice (or in two folders given) is read once
    for path in paths:
        for f, doc_id in find_files(path, skipped=skipped, exclude_globs=exclude_globs):
            real = Path(os.path.realpath(f))
            if real in read:
                continue
            read.add(real)
            try:
                for doc in read_document_file(f, doc_id=doc_id, text_column=text_column,
                                              skipped=skipped, metadata=metadata,
                                              date_pattern=pattern):
                    n = seen.get(doc.doc_id, 0)
                    seen[doc.doc_id] = n + 1
                    if n:  # two inputs gave the same id: keep both, distinguishably
                        doc = replace(doc, doc_id=f"{printable(f.name)}:{doc.doc_id}#{n}")
                    yield doc
            except SourceError as exc:
                skipped.add(f, str(exc))
            except OSError as exc:
                skipped.add(f, _os_reason(exc, f))
            except (ValueError, RecursionError, MemoryError, csv.Error) as exc:
                # defensive: a reader bug must cost one file, not the run
                skipped.add(f, f"cannot read: {type(exc).__name__}: {exc}")


def read_document_file(path, *, doc_id: str | None = None, text_column: str = "text",
                       skipped: SkipLog | None = None, metadata: Metadata | None = None,
                       date_pattern=None) -> Iterator[Document]:
    """Documents in one file (one for text files, one per record for JSONL/CSV).

    PDF and Word (``.docx``) files are read with pypdf and python-docx, from
    the ``docs`` extra (``pip install 'graphkit[docs]'``); without it they are
    skipped with a message naming the extra.

    Raises
    ------
    SourceError
        If the file cannot be read, is binary, is not valid UTF-8, or holds no
        text (empty, only whitespace, only markup or only page boilerplate).
    """
    path = Path(path)
    doc_id = printable(doc_id or path.name)
    suffix = path.suffix.lower()
    dating = _Dating(metadata, check_date_pattern(date_pattern)
                     if isinstance(date_pattern, str) else date_pattern)
    if suffix in BINARY_SUFFIXES:
        meta, body = (_pdf_text if suffix == ".pdf" else _docx_text)(_read_bytes(path))
        if not body.strip():
            raise SourceError("no text in the PDF (scanned pages? graphkit does not run OCR)"
                              if suffix == ".pdf" else "empty Word document")
        yield _make_document(doc_id, body, meta, fields="document properties", path=path,
                             dating=dating)
        return
    text = _read_text(path)
    if suffix == ".jsonl":
        yield from _jsonl_documents(text, path, skipped, dating)
    elif suffix == ".csv":
        yield from _csv_documents(text, path, text_column, skipped, dating)
    else:
        if not text.strip():
            raise SourceError("empty file" if not text else "empty (only whitespace)")
        meta, body = parse_front_matter(text)
        if suffix in _MARKDOWN_SUFFIXES:
            body = markdown_to_text(body)
        if suffix in HTML_SUFFIXES:
            title, body = _html_to_text(body)
            meta.setdefault("title", title)
            if not body.strip():
                raise SourceError("empty (no text outside the HTML markup)")
        if not body.strip():
            raise SourceError("empty (front matter only)")
        if _only_boilerplate(body):
            raise SourceError("only page boilerplate (menus, share bars, notices), no article text")
        yield _make_document(doc_id, body, meta, path=path, dating=dating)


def _pdf_text(data: bytes) -> tuple[dict, str]:
    """Title and text of a PDF, read with pypdf (the ``docs`` extra); pages are
    separated by a blank line."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise SourceError("not a PDF file (no %PDF- header)")
    try:
        import pypdf
    except ImportError:
        raise SourceError(f"reading PDF needs the docs extra: {_DOCS_EXTRA}") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata or {}).get("/Title") or ""
    except SourceError:
        raise
    except Exception as exc:         # pypdf raises many kinds on a damaged file
        raise SourceError(f"cannot read the PDF ({type(exc).__name__}: {exc})") from None
    return {"title": str(title)}, "\n\n".join(p.strip() for p in pages if p.strip())


def _docx_text(data: bytes) -> tuple[dict, str]:
    """Title and text of a Word (.docx) file, read with python-docx (the ``docs``
    extra): one paragraph per paragraph, then table rows, cells joined by "; "."""
    if not data.startswith(b"PK"):
        raise SourceError("not a Word file (a .docx is a zip archive; an old .doc or a "
                          "renamed text file is not read)")
    try:
        import docx
    except ImportError:
        raise SourceError(f"reading Word files needs the docs extra: {_DOCS_EXTRA}") from None
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [p.text for p in document.paragraphs]
        for table in document.tables:
            blocks += ["; ".join(c.text.strip() for c in row.cells if c.text.strip())
                       for row in table.rows]
        title = document.core_properties.title or ""
    except Exception as exc:         # zipfile, lxml and python-docx errors alike
        raise SourceError(f"cannot read the Word file ({type(exc).__name__}: {exc})") from None
    return {"title": title}, "\n\n".join(b.strip() for b in blocks if b.strip())


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; never blocks on a pipe or device."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SourceError(_os_reason(exc, path)) from None
    except ValueError:                       # embedded NUL in the name
        raise SourceError("invalid file name") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise SourceError("is a folder")
        if not stat.S_ISREG(mode):
            raise SourceError("not a regular file (device, pipe or socket)")
        with os.fdopen(fd, "rb") as fh:
            fd = None
            return fh.read()
    except OSError as exc:
        raise SourceError(_os_reason(exc, path)) from None
    except MemoryError:
        raise SourceError("too large to read into memory") from None
    finally:
        if fd is not None:
            os.close(fd)


def _read_text(path: Path) -> str:
    data = _read_bytes(path)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = None
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise SourceError(f"invalid {encoding.upper()} text (byte {exc.start})") from None
    else:
        if b"\x00" in data[:8192]:
            raise SourceError("binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise SourceError(f"not valid UTF-8 (line {line}, byte {exc.start}); "
                              "save it as UTF-8") from None
    head = text[:8192]
    if head and sum(1 for c in head if c in _CONTROL_CHARS) > max(8, len(head) // 10):
        raise SourceError("binary file (mostly control characters)")
    return _clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))


_CONTROL_CHARS = frozenset(chr(i) for i in range(32) if chr(i) not in "\t\n\r\f") | {"\x7f"}

# A line of page furniture: navigation, share bars, notices, footers.
_BOILERPLATE_LINE = re.compile(
    r"(?i)^\W*(?:home(?:page)?|menu|search|skip to (?:main )?content|sign (?:in|up)|log ?(?:in|out)"
    r"|register|subscribe(?: now| to .{0,40})?|newsletter|advertisement|advert|sponsored(?: content)?"
    r"|share(?: this(?: article| story| page)?)?(?: on \w+)?|tweet|print|e-?mail|facebook|twitter"
    r"|linkedin|whatsapp|telegram|reddit|comments?(?:\s*:?\s*\d+)?|\d+\s+comments?"
    r"|leave a (?:comment|reply)|related(?: articles| stories| news| posts)?\s*:?|read more\s*:?"
    r"|more from .{0,40}|most (?:read|popular|viewed)|popular(?: now| stories| in .{0,40})?"
    r"|trending(?: now)?|you may also like|recommended(?: for you)?|tags?\s*:.{0,80}"
    r"|follow us.{0,40}|contact(?: us)?|about(?: us)?|privacy(?: policy| settings)?"
    r"|terms(?: (?:of|and) (?:use|service|conditions))?|cookies?(?: policy| settings)?"
    r"|accept(?: all)?(?: cookies)?|we use cookies.{0,200}|all rights reserved.{0,80}|©.{0,80}"
    r"|copyright .{0,80}|back to top|next|previous|loading\W*"
    r"|(?:please )?enable javascript.{0,80}|javascript (?:is )?(?:disabled|required).{0,80})\W*$")
_NAV_SPLIT = re.compile(r"\s*[|•·»]\s*")


def _only_boilerplate(text: str) -> bool:
    """True when every non-blank line is page furniture (and there is one)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines or len(lines) > 200:
        return False
    for ln in lines:
        if _BOILERPLATE_LINE.match(ln):
            continue
        items = [x for x in _NAV_SPLIT.split(ln) if x]
        if len(items) >= 3 and all(len(x.split()) <= 3 and x[-1] not in ".!?" for x in items):
            continue                          # a navigation bar: "Home | World | Sport"
        return False
    return True


_FM = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_LIMIT = 65_536          # a front matter block longer than this is text, not metadata


def parse_front_matter(text: str) -> tuple[dict, str]:
    """Split YAML front matter from a text, read with PyYAML's safe loader.

    Returns the front matter as a dict with lower-case keys (dates as ISO
    text, lists joined with ``"; "``) and the text after it. Front matter that
    is not a YAML mapping, or not valid YAML, is kept as text. Aliases are
    refused (a few lines of them can expand to gigabytes).

    Examples
    --------
    >>> parse_front_matter('---\\ntitle: "A: B"\\ndate: 2021-01-02\\n---\\nBody')
    ({'title': 'A: B', 'date': '2021-01-02'}, 'Body')
    >>> parse_front_matter('---\\ntitle: "Call with the United\\\\_Kingdom"\\n---\\nBody')[0]
    {'title': 'Call with the United\xa0Kingdom'}
    >>> parse_front_matter("No front matter")
    ({}, 'No front matter')
    """
    m = _FM.match(text)
    if not m or m.end() > _FM_LIMIT:
        return {}, text
    try:
        data = yaml.load(m.group(1) or "", Loader=_FrontMatterLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, OverflowError):
        return {}, text
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, text
    meta = {}
    for key, value in data.items():
        value = _fm_value(value)
        if value is not None:
            meta[str(key).strip().lower()] = value
    return meta, text[m.end():]


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def _fm_value(value):
    """A front matter value as text (None for a nested mapping)."""
    if isinstance(value, (_date, _datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value if v is not None and not isinstance(v, dict))
    if isinstance(value, dict):
        return None
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- Markdown

_MARKDOWN_SUFFIXES = (".md", ".markdown")
_BLOCK_CLOSE = {"paragraph_close", "heading_close", "tr_close"}
_HAS_WORD = re.compile(r"\w")


@functools.lru_cache(maxsize=1)
def _markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def markdown_to_text(text: str) -> str:
    """The text of a Markdown document, read with markdown-it-py.

    Links become their text (the URL is dropped), images and inline HTML are
    dropped, emphasis and escapes are resolved, and every paragraph, heading,
    list item and table row becomes its own paragraph (blocks are separated
    by a blank line, so each list item is its own sentence). Lines wrapped
    inside a paragraph are joined. Blocks with no letter or digit (``***``,
    ``###``) are dropped.

    Examples
    --------
    >>> print(markdown_to_text("# Call\\n\\nBiden [spoke](https://x.org/a) with\\nScholz.\\n\\n"
    ...                        "- NATO\\n- *Ukraine*\\n"))
    Call
    <BLANKLINE>
    Biden spoke with Scholz.
    <BLANKLINE>
    NATO
    <BLANKLINE>
    Ukraine
    """
    blocks, parts = [], []
    for tok in _markdown_parser().parse(text):
        if tok.type == "inline":
            parts.append(_inline_text(tok.children or ()))
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content.strip())
        elif tok.type == "html_block":
            blocks.append(_html_to_text(tok.content)[1])
        elif tok.type in _BLOCK_CLOSE or tok.type == "list_item_close":
            if parts:
                blocks.append("; ".join(p for p in parts if p.strip())
                              if tok.type == "tr_close" else " ".join(parts))
                parts = []
    if parts:
        blocks.append(" ".join(parts))
    blocks = [" ".join(b.split(" ")).strip() for b in blocks]
    return "\n\n".join(b for b in blocks if _HAS_WORD.search(b))


def _inline_text(children) -> str:
    out = []
    for t in children:
        if t.type == "image":
            continue
        if t.type in ("text", "code_inline"):
            out.append(t.content)
        elif t.type == "softbreak":
            out.append(" ")
        elif t.type == "hardbreak":
            out.append("\n")
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


def _jsonl_documents(text: str, path: Path, skipped: SkipLog | None, dating: _Dating
                     ) -> Iterator[Document]:
    found = bad = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            bad += _skip(skipped, where, f"invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:
            bad += _skip(skipped, where, "invalid JSON (nested too deeply)")
            continue
        except ValueError as exc:           # e.g. an integer with too many digits
            bad += _skip(skipped, where, f"invalid JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            bad += _skip(skipped, where, "record is not a JSON object")
            continue
        if not isinstance(rec.get("text"), str):
            bad += _skip(skipped, where, "record has no 'text' string")
            continue
        if not rec["text"].strip():
            bad += _skip(skipped, where, "empty text")
            continue
        rid = rec.get("id", rec.get("doc_id"))
        rid = str(rid) if rid not in (None, "") else f"{path.name}:{lineno}"
        found += 1
        yield _make_document(rid, rec["text"], rec, fields="record", dating=dating)
    if not found and not bad:
        raise SourceError("no records (only blank lines)")


def _csv_documents(text: str, path: Path, text_column: str, skipped: SkipLog | None,
                   dating: _Dating) -> Iterator[Document]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(text.splitlines(keepends=True))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise SourceError(f"invalid CSV header ({exc})") from None
    if fieldnames is None or text_column not in fieldnames:
        cols = ", ".join(printable(c) for c in fieldnames or []) or "none"
        raise SourceError(f"no {text_column!r} column (columns: {cols}); use --text-column")
    found = bad = 0
    n = 0
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            _skip(skipped, f"{path}:{reader.line_num}", f"invalid CSV ({exc}); rest of file skipped")
            return
        n += 1
        body = rec.get(text_column) or ""
        if not isinstance(body, str) or not body.strip():
            bad += _skip(skipped, f"{path}:{reader.line_num}", "empty text")
            continue
        rid = rec.get("id") or rec.get("doc_id") or f"{path.name}:{n}"
        found += 1
        yield _make_document(str(rid), body, {k.lower(): v for k, v in rec.items()
                                              if isinstance(k, str) and isinstance(v, str)},
                             fields="record", dating=dating)
    if not found and not bad:
        raise SourceError("no records (header only)")


def _skip(skipped, where, reason) -> int:
    if skipped is not None:
        skipped.add(where, reason)
    return 1


class _TextExtractor(HTMLParser):
    _DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "pre", "header", "footer", "ul", "ol", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.title, self._drop, self._in_title = [], "", 0, False
        self._title_done = False

    def handle_starttag(self, tag, attrs):
        if tag == "body":          # a <head> left open ends here
            self._drop, self._in_title = 0, False
            return
        if tag in self._DROP:
            self._drop += 1
        if tag == "title" and not self._title_done:
            self._in_title = True
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._DROP and self._drop:
            self._drop -= 1
        if tag == "title" and self._in_title:
            self._in_title, self._title_done = False, True
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def close(self):
        # what is left is an unfinished tag, comment or declaration ("<!-- never
        # closed ..."): a browser shows none of it, and neither do we
        if self.rawdata[:1] == "<":
            self.rawdata = ""
        super().close()

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._drop:
            self.parts.append(data)


def _html_to_text(text: str) -> tuple[str, str]:
    p = _TextExtractor()
    try:
        p.feed(text)
        p.close()
        title, body = p.title, "".join(p.parts)
    except (AssertionError, ValueError, IndexError):
        # html.parser gives up on some malformed declarations ("<![ x ]]>"):
        # fall back to a plain tag stripper rather than lose the page.
        title, body = _strip_tags(text)
    body = re.sub(r"[ \t]+", " ", body)
    body = re.sub(r"\n\s*\n\s*", "\n\n", body)
    return " ".join(html.unescape(title).split()), body.strip()


_DROP_OPEN = re.compile(r"<(script|style|noscript|template|svg|head|iframe|object)\b|<!--", re.I)
_TITLE = re.compile(r"<title\b[^<>]*>([^<]*)", re.I)
_TAG = re.compile(r"</?[A-Za-z!?][^<>]*>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|pre|header|"
                        r"footer|ul|ol|table)\b[^<>]*>", re.I)


def _strip_tags(text: str) -> tuple[str, str]:
    """Title and text of an HTML page, without a parser (linear time)."""
    m = _TITLE.search(text)
    title = m.group(1) if m else ""
    out, pos = [], 0
    while True:
        m = _DROP_OPEN.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        out.append(text[pos:m.start()])
        if m.group(1) is None:                       # a comment
            end = text.find("-->", m.end())
            pos = len(text) if end < 0 else end + 3
            continue
        close = re.compile(r"</" + m.group(1) + r"\s*>", re.I).search(text, m.end())
        pos = len(text) if close is None else close.end()
    body = _BLOCK_TAG.sub("\n\n", "".join(out))
    return title, html.unescape(_TAG.sub(" ", body))


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? " + _MON + r",? (\d{4})\b"), ("d", "M", "y")),
    (re.compile(r"\b" + _MON + r" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b"), ("M", "d", "y")),
]
_DATE_CUE = re.compile(r"\b(?:published|posted|updated|dated?|released)\b", re.I)
# A dateline: the date opens the line, after at most a place in capitals and a
# news agency ("WASHINGTON, March 3, 2022 -", "MOSCOW (Reuters) 3 March 2022"),
# and ends it or is followed by a separator or a time.
_PLACE = re.compile(r"(?:[A-Z][A-Z.'’ -]{1,40}(?:\([^()\n]{1,30}\))?\s*[,:]?\s*)?")
_AFTER_DATELINE = re.compile(r"\s*(?:$|[-—–|:,(]|\d{1,2}[:.]\d{2}\b)")
_TOP_LINES = 8


def find_date(text: str, *, head: int = 1500) -> str:
    """The date of a dateline or a "Published ..." line at the top of a text, or ``""``.

    Only the first eight non-blank lines (within ``head`` characters) are read,
    and in them only a date after a cue word ("Published", "Posted", "Updated",
    "Date") or a dateline (a line that opens with the date, after at most a
    place name in capitals, and ends there or goes on after a dash). A date
    mentioned in a sentence of the body is never the document's date.

    Examples
    --------
    >>> find_date("Lavrov, Kerry to talk\\nPublished 23-04-2013, 13:52\\nText")
    '2013-04-23'
    >>> find_date("WASHINGTON, March 3, 2022 - The President spoke")
    '2022-03-03'
    >>> find_date("My term of office will end on 20 March 2025.")
    ''
    """
    lines = [ln.strip() for ln in text[:head].split("\n") if ln.strip()][:_TOP_LINES]
    cued = plain = ""
    for line in lines:
        for rx, order in _DATE_PATTERNS:
            for m in rx.finditer(line):
                iso = _to_iso(dict(zip(order, m.groups())))
                if not iso:
                    continue
                if _DATE_CUE.search(line[:m.start()][-40:]):
                    cued = cued or iso
                elif not plain and _is_dateline(line, m, order):
                    plain = iso
        if cued:
            break
    return cued or plain


def _is_dateline(line: str, m: re.Match, order: tuple) -> bool:
    lead = _PLACE.match(line, 0, m.start())
    if lead is None or lead.end() != m.start():
        return False
    if order[0] == "y" and m.start() == 0:          # an ISO date opening a line
        return True
    return _AFTER_DATELINE.match(line, m.end()) is not None


def _to_iso(parts: dict) -> str:
    try:
        month = _MONTHS[parts["M"].lower().rstrip(".")] if "M" in parts else int(parts["m"])
        return _date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except (KeyError, ValueError):
        return ""


def parse_date(value) -> tuple[str, str]:
    """A date written in a table or front matter, as ``(YYYY-MM-DD, precision)``.

    ``precision`` is ``day``, ``month`` or ``year``; a month or a year alone is
    dated its first day. Times and time zones after a date are ignored. An
    unreadable value gives ``("", "")``.

    Examples
    --------
    >>> parse_date("2021-01-23 19:04:00-05:00")
    ('2021-01-23', 'day')
    >>> parse_date("March 3, 2022"), parse_date("2017"), parse_date("2022-02")
    (('2022-03-03', 'day'), ('2017-01-01', 'year'), ('2022-02-01', 'month'))
    >>> parse_date("soon")
    ('', '')
    """
    if isinstance(value, _date):
        return _date(value.year, value.month, value.day).isoformat(), "day"
    value = _clean_text(str(value or "")).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?", value)
    if m is None:
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    if m is not None:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        iso = _to_iso({"y": y, "m": mo or 1, "d": d or 1})
        return (iso, "day" if d else "month" if mo else "year") if iso else ("", "")
    for rx, order in _DATE_PATTERNS:
        m = rx.match(value)
        if m is not None:
            iso = _to_iso(dict(zip(order, m.groups())))
            if iso:
                return iso, "day"
    return "", ""


def window_bound(value, which: str) -> str | None:
    """A ``--since``/``--until`` bound as ``YYYY-MM-DD`` (a month or year widened to its
    first day for ``since`` and its last for ``until``), or None.

    Examples
    --------
    >>> window_bound("2022-02", "until"), window_bound("2021", "since")
    ('2022-02-28', '2021-01-01')
    """
    if value is None or value == "":
        return None
    text = value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    try:
        if m is None:
            raise ValueError
        y = int(m.group(1))
        mo = int(m.group(2)) if m.group(2) else (1 if which == "since" else 12)
        last = calendar.monthrange(y, mo)[1]
        d = int(m.group(3)) if m.group(3) else (1 if which == "since" else last)
        return _date(y, mo, d).isoformat()
    except (ValueError, calendar.IllegalMonthError):
        raise SourceError(f"--{which} must be a date (YYYY-MM-DD, YYYY-MM or YYYY), "
                            f"not {value!r}") from None


# Dates in file and folder names, most precise first; separators and digits
# around them must not be part of a longer number or word ("7d2013ab" is no year).
_NAME_DATES = (
    ("day", re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?:\d{6})?"
                       r"(?![0-9A-Za-z])")),
    ("month", re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)[-_.](\d\d)(?![0-9A-Za-z])")),
    ("year", re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)(?![0-9A-Za-z])")),
)


def date_from_name(name: str, *, pattern: re.Pattern | str | None = None) -> tuple[str, str]:
    """The date in a file's name (or, failing that, its folders'), as ``(date, precision)``.

    ``name`` is a path relative to the input folder. A ``pattern`` (a regular
    expression with named groups ``year`` and optionally ``month`` and ``day``,
    searched in the whole relative path) is tried first. Then the file name and
    each folder above it, nearest first: an ISO date (``2021-01-23``, also with
    ``_`` or ``.``), ``YYYYMMDD`` (optionally followed by a time, ``YYYYMMDDhhmmss``),
    ``YYYY-MM``, or a year (1900-2099) standing alone between separators. A name
    with two different dates of the same kind is ambiguous and gives none.

    Examples
    --------
    >>> date_from_name("Session 72 - 2017/BHS_72_2017.txt")
    ('2017-01-01', 'year')
    >>> date_from_name("2021-01-23-readout-of-a-call.md")
    ('2021-01-23', 'day')
    >>> date_from_name("20191024143000.export.CSV")
    ('2019-10-24', 'day')
    >>> date_from_name("000_7d77c12b89888fdd.txt")
    ('', '')
    >>> date_from_name("speech-of-17-03-2014.txt", pattern=r"(?P<day>\\d\\d)-(?P<month>\\d\\d)-(?P<year>\\d{4})")
    ('2014-03-17', 'day')
    """
    name = str(name)
    if pattern is not None:
        m = re.search(pattern, name)
        if m is not None:
            got = m.groupdict()
            month, day = got.get("month"), got.get("day")
            parts = {"y": got.get("year"), "d": day or 1}
            if month and not month.isdigit():
                parts["M"] = month
            else:
                parts["m"] = month or 1
            iso = _to_iso(parts)
            if iso:
                return iso, "day" if day else "month" if month else "year"
    parts = name.replace("\\", "/").split("/")
    for part in reversed(parts):
        for precision, rx in _NAME_DATES:
            found = set()
            for m in rx.finditer(part):
                g = m.groups()
                iso = _to_iso({"y": g[0], "m": g[2] if precision == "day" else
                               (g[1] if precision == "month" else 1),
                               "d": g[3] if precision == "day" else 1})
                if iso:
                    found.add(iso)
            if len(found) == 1:
                return found.pop(), precision
            if found:
                break           # ambiguous at this precision: look no further in this part
    return "", ""


def check_date_pattern(pattern: str) -> re.Pattern:
    """Compile a ``--date-pattern``; it needs a ``(?P<year>...)`` group.

    Raises
    ------
    SourceError
        If the pattern is not a valid regular expression or has no ``year`` group.

    Examples
    --------
    >>> check_date_pattern(r"(?P<year>\\d{4})").groupindex["year"]
    1
    >>> check_date_pattern(r"\\d{4}")
    Traceback (most recent call last):
    ...
    graphkit.errors.SourceError: --date-pattern needs a named group (?P<year>...); optional (?P<month>...) and (?P<day>...)
    """
    try:
        rx = re.compile(pattern)
    except re.error as exc:
        raise SourceError(f"--date-pattern is not a valid regular expression: {exc}") from None
    if "year" not in rx.groupindex:
        raise SourceError("--date-pattern needs a named group (?P<year>...); "
                          "optional (?P<month>...) and (?P<day>...)")
    return rx


_DATE_FIELDS = ("date", "published", "published_time", "published_at", "pubdate")
_KEY_COLUMNS = ("path", "doc_id", "id", "file")


@dataclass
class Metadata:
    """A user's table of document metadata (``--metadata docs.csv``).

    One row per document: a ``path`` (or ``doc_id``, ``id`` or ``file``) column
    naming it, and any of ``date``, ``title``, ``url``; every other column is
    kept and written to ``documents.csv`` (a speaker's country, a source...).
    A row names a document by its id (its path relative to the input folder,
    or a record's id), by a path to the file, or by the file name alone.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "docs.csv"
    >>> _ = f.write_text("path,date,speaker_country\\nspeeches/BHS_72_2017.txt,2017-09-22,BHS\\n")
    >>> meta = load_metadata(f)
    >>> meta.lookup("speeches/BHS_72_2017.txt")["date"], meta.extra_columns
    ('2017-09-22', ['speaker_country'])
    >>> meta.lookup("BHS_72_2017.txt")["speaker_country"]
    'BHS'
    """

    rows: dict = field(default_factory=dict)
    extra_columns: list = field(default_factory=list)
    _by_name: dict = field(default_factory=dict, repr=False)
    _by_path: dict = field(default_factory=dict, repr=False)

    def lookup(self, doc_id: str, path=None) -> dict | None:
        """The row for a document, or None."""
        row = self.rows.get(doc_id)
        if row is None and path is not None:
            row = self._by_path.get(os.path.realpath(path))
        if row is None:
            row = self._by_name.get(doc_id.rsplit("/", 1)[-1])
        return row


def load_metadata(path) -> Metadata:
    """Read a ``--metadata`` CSV (see :class:`Metadata`).

    Raises
    ------
    SourceError
        If the file cannot be read, has no key column, or a date cannot be read
        (the message names the line).
    """
    path = Path(path)
    try:
        text = _read_text(path)
    except SourceError as exc:
        raise SourceError(f"metadata file {printable(path)}: {exc}") from None
    reader = csv.DictReader(text.splitlines())
    try:
        cols = [c.strip() for c in reader.fieldnames or []]
    except csv.Error as exc:
        raise SourceError(f"metadata file {printable(path)}: invalid CSV ({exc})") from None
    key = next((c for c in _KEY_COLUMNS if c in cols), None)
    if key is None:
        raise SourceError(f"metadata file {printable(path)} needs a path, doc_id or id column "
                          f"(columns: {', '.join(printable(c) for c in cols) or 'none'})")
    reader.fieldnames = cols
    meta = Metadata(extra_columns=[c for c in cols if c and c not in _KEY_COLUMNS
                                   and c not in ("date", "title", "url")])
    names: dict = {}
    try:
        for row in reader:
            ident = (row.get(key) or "").strip()
            if not ident:
                continue
            row = {k: _clean_text(v or "") for k, v in row.items() if isinstance(k, str)}
            if row.get("date", "").strip():
                iso, precision = parse_date(row["date"])
                if not iso:
                    raise SourceError(f"metadata file {printable(path)}:{reader.line_num}: "
                                      f"cannot read the date {printable(row['date'])!r}")
                row["date"], row["_precision"] = iso, precision
            ident = ident.replace("\\", "/")
            meta.rows[ident] = row
            meta._by_path[os.path.realpath(ident)] = row
            base = ident.rsplit("/", 1)[-1]
            names[base] = None if base in names else row     # ambiguous names match nothing
    except csv.Error as exc:
        raise SourceError(f"metadata file {printable(path)}:{reader.line_num}: "
                          f"invalid CSV ({exc})") from None
    meta._by_name = {k: v for k, v in names.items() if v is not None}
    return meta


@dataclass(frozen=True)
class _Dating:
    """Where documents get their dates: the user's table and file-name pattern."""

    metadata: Metadata | None = None
    pattern: re.Pattern | None = None


def _dated(precision: str, source: str) -> str:
    return source if precision in ("day", "") else f"{source} ({precision})"


def _make_document(doc_id: str, text: str, meta: dict, *, fields: str = "front matter",
                   path=None, dating: _Dating = _Dating()) -> Document:
    """A document with its date taken, in order, from the user's metadata table,
    the document's own fields, its file name (files only: ``path`` given), and
    a dateline at the top of its text."""
    user = dating.metadata.lookup(doc_id, path) if dating.metadata is not None else None
    user = user or {}
    date, source = "", ""
    if user.get("date"):
        date, source = user["date"], _dated(user["_precision"], "metadata")
    if not date:
        for key in _DATE_FIELDS:
            if meta.get(key):
                iso, precision = parse_date(meta[key])
                if iso:
                    date, source = iso, _dated(precision, fields)
                    break
    if not date and path is not None:
        iso, precision = date_from_name(doc_id, pattern=dating.pattern)
        if iso:
            date, source = iso, _dated(precision, "file name")
    if not date:
        date = find_date(text)
        source = "dateline" if date else ""
    title = clean_field(user.get("title") or str(meta.get("title", "") or ""))
    url = clean_field(user.get("url") or str(meta.get("source_url") or meta.get("url") or ""))
    extra = tuple((c, user.get(c, "")) for c in dating.metadata.extra_columns) \
        if dating.metadata is not None else ()
    return Document(doc_id=printable(doc_id), text=_clean_text(text), date=date,
                    title=title, url=url, date_source=source, meta=extra)
