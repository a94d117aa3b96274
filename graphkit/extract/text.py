"""Text clean-up and sentence splitting that keep character offsets.

Cleaning never changes the length of the text (removed markup becomes spaces),
so every offset found later points into the document's own text.
"""

from __future__ import annotations

import re

from ..actors import token_texts, tokenize

__all__ = ["clean_text", "body_end", "split_sentences", "iter_sentences", "MAX_TOKENS"]

_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~'\"])")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_MD_EMPH = re.compile(r"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"(?m)^[ \t]*(?:[-*_][ \t]*){3,}$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")


def _blank(m: re.Match) -> str:
    return " " * (m.end() - m.start())


def clean_text(text: str) -> str:
    """Replace Markdown/HTML markup with spaces, keeping every offset.

    Examples
    --------
    >>> clean_text(r"\\### Russia [met](http://x.org) **NATO**")
    '     Russia  met                  NATO  '
    """
    # each pattern needs a character that plain prose often lacks; testing for it
    # first (on the text as it is at that step) skips a scan of the whole text
    if "\\" in text:
        text = _MD_ESCAPE.sub(lambda m: " " + m.group(1), text)
    if "](" in text:
        text = _MD_LINK.sub(lambda m: " " * (1 + (m.group(0)[0] == "!")) + m.group(1)
                            + " " * (len(m.group(2)) + 3), text)
    if "#" in text:
        text = _MD_HEADING.sub(_blank, text)
    if "-" in text or "*" in text or "_" in text:
        text = _MD_RULE.sub(_blank, text)
    if "*" in text or "__" in text:
        text = _MD_EMPH.sub(lambda m: " " * len(m.group(1)) + m.group(2)
                            + " " * len(m.group(1)), text)
    if "<" in text:
        text = _HTML_TAG.sub(_blank, text)
    return text


# Lines that start the footer of a scraped page: comments, related stories, share bars.
_FOOTER = re.compile(
    r"(?im)^[ \t]*(?:comments?\s*:?\s*\d*|\d+\s+comments?|related(?: articles| stories| news)?\s*:?|"
    r"read more\s*:?|more from .{0,40}|popular(?: in .{0,40}| now| stories)?|most read|"
    r"share this(?: article)?\s*:?|tags?\s*:|advertisement|you may also like|recommended(?: for you)?|"
    r"trending(?: now)?|subscribe(?: to .{0,40})?|follow us.{0,40}|experts' panel|"
    r"leave a (?:comment|reply)|all rights reserved.{0,80}|©.{0,80}|copyright .{0,80})[ \t]*$"
)


def body_end(text: str) -> int:
    """Offset where the article body ends and page furniture (comments, related
    stories, share bars) begins; ``len(text)`` when there is none.

    Only a footer line in the second half of the text counts, so a "Comments: 0"
    line under a headline does not cut the article.

    Examples
    --------
    >>> t = "Title\\nComments: 0\\n" + "Body sentence. " * 20 + "\\nComments: 0\\nJunk"
    >>> t[body_end(t):].split()[0]
    'Comments:'
    """
    half = len(text) // 2
    # any footer line starting in the second half is also found by a search that
    # starts there, so when that search finds nothing there is no footer
    if _FOOTER.search(text, half) is None:
        return len(text)
    for m in _FOOTER.finditer(text):
        if m.start() >= half:
            return m.start()
    return len(text)


_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "sen", "rep", "gov", "pres", "amb", "st", "jr", "sr", "rev", "hon", "messrs", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "al",
}
# Final punctuation and closing quotes, then a capital (or digit) or the end.
# (The shared prefix is written once so the engine can skip ahead to a [.!?];
# only a maximal run of these characters can be followed by space or the end,
# so this accepts exactly what "P(?=...)|P$" would.)
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?:(?=\s+[\"'“‘(\[]*[A-Z0-9])|$)")
_TERMINAL = re.compile(r"[.!?:;\"'”’)]\s*$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text[start:end]``.

    Paragraphs are separated by blank lines. Inside a paragraph, wrapped lines
    are joined; a short line without final punctuation followed by more text is
    a heading and stands alone. Abbreviations ("Mr.", "Gen.", "U.S.") and
    initials do not end a sentence.

    Two caps bound the work on one sentence, which grows faster than its length:
    a "sentence" longer than 1,000 characters is cut at whitespace, and a piece of
    more than :data:`MAX_TOKENS` (250) tokens at its last comma, semicolon or colon
    within them, else after 250 tokens. No sentence of the shared corpora (UN
    General Debate, White House readouts, Kremlin news: 325,297 sentences) has
    more than 205 tokens after the first cut; 99.99% have at most 152.

    Examples
    --------
    >>> t = "Kerry met Lavrov.\\nThe U.S. and Russia agreed. Mr. Obama spoke."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Kerry met Lavrov.', 'The U.S. and Russia agreed.', 'Mr. Obama spoke.']
    """
    return list(iter_sentences(text, start, end))


def iter_sentences(text: str, start: int = 0, end: int | None = None, cut: list | None = None):
    """The spans of :func:`split_sentences`, one at a time (a huge document's
    spans need not all be held at once). ``cut``, a list, gets the start of each
    sentence that the :data:`MAX_TOKENS` cap cut into pieces.

    Examples
    --------
    >>> t = "Russia and NATO met. " * 3
    >>> it = iter_sentences(t)
    >>> next(it), next(it)
    ((0, 20), (21, 41))
    """
    end = len(text) if end is None else end
    for block_start, block_end in _blocks(text, start, end):
        yield from _split_block(text, block_start, block_end, cut)


def _blocks(text: str, start: int, end: int):
    """Paragraphs, with heading lines split off; yields (start, end)."""
    raw = text[start:end].split("\n")
    if raw and not raw[-1]:
        raw.pop()               # the text ends with a newline: no line after it
    stripped = [ln.strip() for ln in raw]
    widths = _block_widths(stripped)
    block = []
    a = start                   # offset of line i
    last = len(raw) - 1
    for i, ln in enumerate(raw):
        line = stripped[i]
        line_start, a = a, a + len(ln) + 1
        if not line:
            if block:
                yield block[0], block[-1]
                block = []
            continue
        block_end = line_start + len(ln.rstrip())
        if not block:
            block = [line_start + (len(ln) - len(ln.lstrip())), block_end]
        else:
            block[1] = block_end
        is_heading = (
            len(line) < 0.6 * widths[i] and i < last and stripped[i + 1] != ""
            and not _TERMINAL.search(line)
            and line.rsplit(None, 1)[-1] not in _CONTINUES  # "... spoke today with" wraps
        )
        if is_heading:
            yield block[0], block[1]
            block = []
    if block:
        yield block[0], block[1]


def _block_widths(stripped: list[str]) -> list[int]:
    """For each line (given stripped), the longest line of its blank-line-separated block.

    A line much shorter than its block's longest line, with no final
    punctuation, is a heading; lines of a hard-wrapped paragraph are all long.
    """
    widths = [0] * len(stripped)
    start = 0
    for i in range(len(stripped) + 1):
        if i == len(stripped) or not stripped[i]:
            w = max(map(len, stripped[start:i]), default=0)
            for k in range(start, i):
                widths[k] = w
            start = i + 1
    return widths


_MAX_SENTENCE = 1000
#: the most tokens a sentence may have (a longer one is cut, see _split_block); the
#: longest of the 325,297 sentences of the three shared corpora has 205, the
#: 99.99th percentile 152
MAX_TOKENS = 250
_CONTINUES = {"with", "of", "the", "and", "to", "for", "in", "on", "a", "an", "by", "at", "from",
              "that", "as", "or", "his", "her", "their", "its", "our", "is", "are", "was",
              "were", "will", "would", "has", "have", "had", "be", "said", "says", "who",
              "which", "between", "about", "into", "over", "after", "before", "than", "but"}


def _split_block(text: str, a: int, b: int, cut: list | None = None):
    """Sentences of one block. A "sentence" longer than 1,000 characters (a page
    without punctuation, a data dump) is cut at whitespace, and one of more than
    :data:`MAX_TOKENS` tokens at its last comma, semicolon or colon within them
    (else after them): the work of the rules on a sentence grows faster than its
    length, and this bounds it. Real sentences never reach the token cap."""
    for s, e in _split_punctuated(text, a, b):
        if e - s <= MAX_TOKENS:     # (most sentences: no token cap to check)
            yield s, e
            continue
        while e - s > _MAX_SENTENCE:
            at = text.rfind(" ", s + _MAX_SENTENCE // 2, s + _MAX_SENTENCE)
            at = at if at > s else s + _MAX_SENTENCE
            yield from _noted(_token_capped(text, s, at), s, cut)
            s = at
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            yield from _noted(_token_capped(text, s, e), s, cut)


def _noted(pieces: list, s: int, cut: list | None) -> list:
    """``pieces``, and ``s`` noted in ``cut`` when the token cap made more than one."""
    if cut is not None and len(pieces) > 1:
        cut.append(s)
    return pieces


_CLAUSE_MARKS = frozenset(",;:")


def _token_capped(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``(s, e)`` cut into pieces of at most :data:`MAX_TOKENS` tokens, each
    ending at its last comma, semicolon or colon in the second half of its
    tokens when there is one (else after its last token).

    Examples
    --------
    >>> t = "Russia met NATO, " * 99 + "Russia met NATO."      # 400 tokens
    >>> [(len(tokenize(t[a:b])), t[b - 1]) for a, b in _token_capped(t, 0, len(t))]
    [(248, ','), (152, '.')]
    """
    if e - s <= MAX_TOKENS or len(token_texts(text[s:e])) <= MAX_TOKENS:
        return [(s, e)]             # (every token has a character at least)
    tokens = tokenize(text[s:e])
    out = []
    first = 0
    while len(tokens) - first > MAX_TOKENS:
        last = first + MAX_TOKENS
        cut = next((k + 1 for k in range(last - 1, first + MAX_TOKENS // 2, -1)
                    if tokens[k][0] in _CLAUSE_MARKS), last)
        out.append((s + tokens[first][1], s + tokens[cut - 1][2]))
        first = cut
    out.append((s + tokens[first][1], e))
    return out


_ASCII_LETTER_STR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_LETTERS = frozenset(_ASCII_LETTER_STR)
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)")
_SPACES = re.compile(r"\s*")      # \s is str.isspace, as strip() uses


def _word_before(chunk: str, s: int, e: int) -> tuple[int, int]:
    """Span of the ASCII word ending ``chunk[s:e]`` (a single final newline
    allowed after it, as ``$`` allows); empty when there is none.

    Walking back from ``e`` costs the length of the word, where a regex search
    for ``[A-Za-z]+$`` would scan the whole sentence before it.
    """
    j = e
    if j > s and chunk[j - 1] == "\n":
        j -= 1
    # (str.rstrip walks back in C; a word of 40 letters or more walks on in Python)
    tail = chunk[max(s, j - 40):j]
    k = j - (len(tail) - len(tail.rstrip(_ASCII_LETTER_STR)))
    while k > s and k == j - 40 and chunk[k - 1] in _ASCII_LETTERS:
        k -= 1
        while k > s and chunk[k - 1] in _ASCII_LETTERS:
            k -= 1
    return k, j


def _split_punctuated(text: str, a: int, b: int):
    chunk = text[a:b]
    s = 0
    for m in _SENT_END.finditer(chunk):
        cut = m.end()
        if chunk[m.start()] == ".":
            k, j = _word_before(chunk, s, m.start())
            if k < j:
                w = chunk[k:j]
                if w.lower() in _ABBREV or (len(w) == 1 and w.isupper()):
                    continue
                # U.S. / U.N. (the text before ends in capital, dot, capital)
                if j - s >= 3 and chunk[j - 2] == "." and chunk[j - 1] in _ASCII_UPPER \
                        and chunk[j - 3] in _ASCII_UPPER:
                    nxt = _NEXT_WORD.match(chunk, cut)
                    if nxt and nxt.group(1) not in _SENTENCE_STARTERS:
                        continue
        # the piece holds the end mark, so it is never blank; it starts after
        # its leading white space
        yield a + _SPACES.match(chunk, s).end(), a + cut
        s = cut
    if chunk[s:].strip():
        piece = chunk[s:]
        lead = len(piece) - len(piece.lstrip())
        yield a + s + lead, a + len(chunk.rstrip())


_SENTENCE_STARTERS = {
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those",
    "In", "On", "At", "But", "And", "However", "Meanwhile", "Earlier", "Later", "There",
}
