"""Read documents: text and Markdown files (with front matter), JSONL and CSV.

Documents are streamed one at a time. A file that cannot be read is reported in
a :class:`SkipLog` and skipped; the rest of the input is still read. Nothing in
a user's files (bytes, encodings, names, markup, links, special files) raises
anything but a skip, and every skip reason is one printable line naming the
file (and the line, for JSONL and CSV records).
"""

from __future__ import annotations

import csv
import errno
import html
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import date as _date
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .errors import SourceError
from .model import Document

__all__ = [
    "TEXT_SUFFIXES",
    "DOCUMENT_SUFFIXES",
    "SkipLog",
    "find_files",
    "iter_documents",
    "read_document_file",
    "parse_front_matter",
    "find_date",
    "printable",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".jsonl", ".csv")

# Characters that cannot be written as UTF-8 (lone surrogates, e.g. from undecodable
# file names or "\ud800" escapes in JSON), that break a line (controls), or that XML
# forbids (U+FFFE, U+FFFF).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BAD_TEXT = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
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


def _clean_text(text: str) -> str:
    """Text that every writer (CSV, GraphML, HTML) can hold: NULs dropped, other
    control characters made spaces, lone surrogates and non-characters made U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    text = _BAD_TEXT.sub(lambda m: "\ufffd" if m.group() in "\ufffe\uffff" else " ", text)
    return _SURROGATE.sub("\ufffd", text)


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

    def add(self, where, reason: str) -> None:
        where, reason = printable(where), printable(reason)
        self.items.append((where, reason))
        if self.echo:
            print(f"skipped {where}: {reason}", file=sys.stderr)

    def __len__(self) -> int:
        return len(self.items)


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


def find_files(path, *, suffixes=DOCUMENT_SUFFIXES, skipped: SkipLog | None = None
               ) -> list[tuple[Path, str]]:
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
    >>> [i for _, i in find_files(d)]
    ['b.md', 'sub/a.txt']
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
    if stat.S_ISREG(st.st_mode):
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
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            full = os.path.join(root, d)
            if os.path.islink(full):
                _skip(skipped, full, _link_reason(full))
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            if name.startswith("."):
                continue
            f = Path(root) / name
            if f.suffix.lower() in suffixes:
                out.append((f, printable(f.relative_to(p).as_posix())))
    out.sort(key=lambda t: t[1])
    return out


def _top_level_problem(path, reason: str, skipped: SkipLog | None) -> list:
    if skipped is None:
        raise SourceError(f"{printable(path)}: {reason}")
    skipped.add(path, reason)
    return []


def iter_documents(paths: Iterable, *, text_column: str = "text", skipped: SkipLog | None = None,
                   exclude=frozenset()) -> Iterator[Document]:
    """Yield every document under ``paths`` (files or folders, recursive).

    Parameters
    ----------
    paths : iterable of path-like
        Files or folders of ``.txt``/``.md``/``.html``/``.jsonl``/``.csv``.
    text_column : str, optional (default="text")
        Column holding the text in CSV files.
    skipped : SkipLog, optional
        Receives every file or record that could not be read.
    exclude : set of Path, optional
        Resolved paths of files not to read (e.g. already read as event files).

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
    seen: dict[str, int] = {}
    for path in paths:
        for f, doc_id in find_files(path, skipped=skipped):
            if exclude and Path(os.path.realpath(f)) in exclude:
                continue
            try:
                for doc in read_document_file(f, doc_id=doc_id, text_column=text_column,
                                              skipped=skipped):
                    n = seen.get(doc.doc_id, 0)
                    seen[doc.doc_id] = n + 1
                    if n:  # two inputs gave the same id: keep both, distinguishably
                        doc = Document(f"{printable(f.name)}:{doc.doc_id}#{n}", doc.text,
                                       doc.date, doc.title, doc.url)
                    yield doc
            except SourceError as exc:
                skipped.add(f, str(exc))
            except OSError as exc:
                skipped.add(f, _os_reason(exc, f))
            except (ValueError, RecursionError, MemoryError, csv.Error) as exc:
                # defensive: a reader bug must cost one file, not the run
                skipped.add(f, f"cannot read: {type(exc).__name__}: {exc}")


def read_document_file(path, *, doc_id: str | None = None, text_column: str = "text",
                       skipped: SkipLog | None = None) -> Iterator[Document]:
    """Documents in one file (one for text files, one per record for JSONL/CSV).

    Raises
    ------
    SourceError
        If the file cannot be read, is binary, is not valid UTF-8, or holds no
        text (empty, only whitespace, only markup or only page boilerplate).
    """
    path = Path(path)
    doc_id = printable(doc_id or path.name)
    suffix = path.suffix.lower()
    text = _read_text(path)
    if suffix == ".jsonl":
        yield from _jsonl_documents(text, path, skipped)
    elif suffix == ".csv":
        yield from _csv_documents(text, path, text_column, skipped)
    else:
        if not text.strip():
            raise SourceError("empty file" if not text else "empty (only whitespace)")
        meta, body = parse_front_matter(text)
        if suffix in HTML_SUFFIXES:
            title, body = _html_to_text(body)
            meta.setdefault("title", title)
            if not body.strip():
                raise SourceError("empty (no text outside the HTML markup)")
        if not body.strip():
            raise SourceError("empty (front matter only)")
        if _only_boilerplate(body):
            raise SourceError("only page boilerplate (menus, share bars, notices), no article text")
        yield _make_document(doc_id, body, meta)


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


_FM = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse_front_matter(text: str) -> tuple[dict, str]:
    """Split YAML-style front matter (simple ``key: value`` lines) from a text.

    Malformed front matter is kept as text. Values may be quoted.

    Examples
    --------
    >>> parse_front_matter('---\\ntitle: "A: B"\\ndate: 2021-01-02\\n---\\nBody')
    ({'title': 'A: B', 'date': '2021-01-02'}, 'Body')
    >>> parse_front_matter("No front matter")
    ({}, 'No front matter')
    """
    m = _FM.match(text)
    if not m:
        return {}, text
    raw: dict = {}
    last = None
    for line in m.group(1).split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith((" ", "\t")) and last is not None:   # folded continuation
            raw[last] += "\n" + line.strip()
            continue
        if line.startswith("-"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            return {}, text
        last = key.strip().lower()
        raw[last] = value.strip()
    return {k: _yaml_scalar(v) for k, v in raw.items()}, text[m.end():]


_YAML_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_YAML_SIMPLE = {"_": "\u00a0", "n": " ", "t": " ", "N": "\u0085", "L": "\u2028",
                "P": "\u2029", "0": "", "a": "", "b": "", "e": "", "f": "", "r": "", "v": ""}


def _yaml_unescape(m: re.Match) -> str:
    code = m.group(1)
    if len(code) > 1 and code[0] in "xuU":
        try:
            return chr(int(code[1:], 16))
        except ValueError:
            return code
    return _YAML_SIMPLE.get(code, code)


def _yaml_scalar(value: str) -> str:
    """A plain, single- or double-quoted YAML scalar, folded over lines."""
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        inner = value[1:-1]
        inner = re.sub(r"\\\n\s*", "", inner)          # escaped line break: join
        inner = re.sub(r"\s*\n\s*", " ", inner)
        return _YAML_ESCAPE.sub(_yaml_unescape, inner)
    if value.startswith("'") and value.endswith("'") and len(value) >= 2:
        return re.sub(r"\s*\n\s*", " ", value[1:-1]).replace("''", "'")
    return re.sub(r"\s*\n\s*", " ", value)



def _make_document(doc_id: str, text: str, meta: dict) -> Document:
    date = _normalise_date(_clean_text(str(meta.get("date", "") or ""))) or find_date(text)
    url = _clean_text(str(meta.get("source_url") or meta.get("url") or ""))
    return Document(doc_id=printable(doc_id), text=_clean_text(text), date=date,
                    title=_clean_text(str(meta.get("title", "") or "")), url=url)


def _jsonl_documents(text: str, path: Path, skipped: SkipLog | None) -> Iterator[Document]:
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
        yield _make_document(rid, rec["text"], rec)
    if not found and not bad:
        raise SourceError("no records (only blank lines)")


def _csv_documents(text: str, path: Path, text_column: str, skipped: SkipLog | None
                   ) -> Iterator[Document]:
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
                                              if isinstance(k, str) and isinstance(v, str)})
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


def find_date(text: str, *, head: int = 1500) -> str:
    """The document date found near the top of a text, as ``YYYY-MM-DD``, or ``""``.

    A date after a cue word ("Published", "Posted", "Updated", "Date") wins;
    otherwise the first complete date in the first ``head`` characters.

    Examples
    --------
    >>> find_date("Lavrov, Kerry to talk\\nPublished 23-04-2013, 13:52\\nText")
    '2013-04-23'
    >>> find_date("WASHINGTON, March 3, 2022 - The President spoke")
    '2022-03-03'
    >>> find_date("no date here")
    ''
    """
    top = text[:head]
    candidates = []
    for rx, order in _DATE_PATTERNS:
        for m in rx.finditer(top):
            iso = _to_iso(dict(zip(order, m.groups())))
            if iso:
                before = top[max(0, m.start() - 40):m.start()]
                cued = bool(_DATE_CUE.search(before))
                candidates.append((0 if cued else 1, m.start(), iso))
    return min(candidates)[2] if candidates else ""


def _to_iso(parts: dict) -> str:
    try:
        month = _MONTHS[parts["M"].lower().rstrip(".")] if "M" in parts else int(parts["m"])
        return _date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except (KeyError, ValueError):
        return ""


def _normalise_date(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return _to_iso({"y": m.group(1), "m": m.group(2), "d": m.group(3)})
    return find_date(value)
