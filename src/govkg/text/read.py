"""Reading input files: detect the encoding, reduce HTML to text, normalise line breaks.

The encoding is detected, not assumed: a byte-order mark wins, then UTF-16
without a mark when the NUL bytes show it, then strict UTF-8; otherwise every
legacy Chinese codec (GB18030, Big5) and charset-normalizer's guess are tried
and the decoding that reads most like real text is kept (Big5 bytes often
decode without error as GB18030 into garbage, and the other way round).

Some portals gloss characters with their pinyin in brackets right after them
(高新區(qū), 網(wǎng)絡(luò)): the glosses split every name they fall in, so they are
dropped (a bracketed syllable with a tone mark, right after a hanzi).

A file no codec decodes without error, but one with few bad bytes (a report
cut in the middle of its last character, a stray byte from a portal), is
read with each bad byte replaced by U+FFFD, and :attr:`Decoded.replaced`
says how many there were. "Few" is at most one byte in a hundred (at least 2),
as for stray NUL bytes; with more, the file is not text and is refused.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
>>> _ = p.write_bytes("各位代表：\\\\r\\\\n现在，我代表区人民政府。".encode("gb18030"))
>>> read_text(p)
'各位代表：\\n现在，我代表区人民政府。'
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govkg.errors import InputError

# Magic numbers of binary formats people hand in by mistake.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX?)"),
    (b"\xd0\xcf\x11\xe0", "an Office binary file (DOC/XLS?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
)
_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BIG5 = ("big5", "cp950", "big5hkscs")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_START = r"(?is)\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])"
_DROP = frozenset(("head", "script", "style", "noscript", "nav", "header", "footer", "form", "iframe",
                   "aside", "template", "svg", "button", "select", "textarea", "object", "embed", "canvas"))
_BLOCK_TAGS = frozenset(("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                         "article", "ul", "ol", "dl", "dt", "dd", "table", "blockquote", "pre",
                         "center", "main", "figure", "figcaption", "address", "hr"))
_ENTITY = r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});"
# a pinyin gloss: one syllable with its tone mark, in brackets, right after a hanzi (區(qū))
_PINYIN_GLOSS = r"(?<=[\u3400-\u9fff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]"
# a space between two hanzi, or a hanzi and a figure, left where a PDF wrapped a line or padded a number (改 革,
# 骨干 项目, 总投资 48 亿元); see :func:`join_wrapped_lines`
_WRAP_SPACE = r"[\u3400-\u9fff] [\u3400-\u9fff\d]|\d [\u3400-\u9fff]"
_WRAP_RUN = 8  # a wrap joins runs of text; a table row or a title's letter spacing has short ones
_FIGURE_LINE = 30  # a line of prose, whose figures a PDF pads with spaces (a table row is shorter)
# a figure that a run opens or ends with among hanzi (48|亿元的…, …等|12), not a clock's time (日 10:10:40 来源)
_FIGURE_OPENS = r"[\d.]+(?:[%％]|(?=[\u3400-\u9fff])|$)"
_FIGURE_ENDS = r"(?:^|(?<=[\u3400-\u9fff]))[\d.]+[%％]?$"
_CONTROLS = "[\x00-\x08\x0e-\x1f\x7f]"  # control characters other than tab, line breaks, form feed
_BREAKS = "\r\f\v"  # line breaks of other systems and page breaks, read as LF
_UNDECODABLE = "cannot decode text (not UTF-8, UTF-16, GB18030 or Big5)"
_MIN_SCORE = 0.5  # below this share of plausible characters a decoding is rejected
_SAMPLE = 20000  # characters scored per candidate decoding
# Characters rare in Chinese text: Latin-1 supplement to Armenian, Hangul, halfwidth kana, private use.
_UNUSUAL = "[\u0080-\u05ff\uac00-\ud7af\ue000-\uf8ff\uff61-\uffdc]{2}"


@lru_cache(maxsize=None)
def _re(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled once, on first use."""
    return re.compile(pattern)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text read from bytes: ``replaced`` bytes could not be decoded in ``encoding`` and became U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0


def read_text(path: Path, data: bytes | None = None) -> str:
    """Read ``path`` as text: detected encoding, HTML reduced to text, LF line breaks, no control characters.

    A file may hold a few control characters, NUL too (up to 1 %: a slip of
    whoever saved it); they are dropped, and tab, line and page breaks kept.
    A few undecodable bytes become U+FFFD (see :func:`read_file` to learn how
    many). Raises :class:`~govkg.errors.InputError` (never ``OSError`` or
    ``UnicodeDecodeError``) when the file is missing, a directory, unreadable,
    empty, binary or not decodable.

    ``data``: the file's bytes when they were read already (a cluster worker
    is sent them); ``path`` then names the file in messages and by its suffix.
    """
    return read_file(path, data).text


def read_file(path: Path, data: bytes | None = None) -> Decoded:
    """:func:`read_text`, and how many undecodable bytes were replaced, in which encoding.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "cut.txt"
    >>> _ = p.write_bytes("各位代表：现在，我代表区人民政府。".encode()[:-1])
    >>> read_file(p)
    Decoded(text='各位代表：现在，我代表区人民政府\ufffd', encoding='utf-8', replaced=2)
    """
    path = Path(path)
    data = read_bytes(path) if data is None else data
    if not data.strip():
        raise InputError(path, "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary content ({what}), not a text file")
    is_html = path.suffix.lower() in _HTML_SUFFIXES or bool(_re(_HTML_START).match(data[:512].decode("latin-1")))
    decoded = decode(data, path, declared=_declared_charset(data) if is_html else None)
    text = _re(_CONTROLS).sub("", decoded.text)
    if is_html or _re(_HTML_START).match(text[:512]):
        text = html_to_text(text)
    else:
        text = _re(_ENTITY).sub(lambda m: html.unescape(m.group()), text)  # &nbsp; left by copy and paste
    text = _re(_CONTROLS).sub("", normalise_breaks(text))  # again: an HTML character reference may make one
    text = _re(_PINYIN_GLOSS).sub("", text)
    if not is_html:
        text = join_wrapped_lines(text)
    if not any(ch.isprintable() and not ch.isspace() for ch in text):
        raise InputError(path, "no text content")
    return Decoded(text, decoded.encoding, decoded.replaced)


def join_wrapped_lines(text: str) -> str:
    """``text`` without the single spaces that split a word or a phrase where a PDF's line wrapped.

    Text copied out of a PDF keeps a space at each line end it joined (深化科技体制改 革); the space splits
    the word for the segmenter and the rules. A single space between two hanzi goes when the run of text on
    one side of it is long, as a wrapped line is; the short runs of a table row (序号 项目名称 总投资), a
    title's letter spacing (政 府 工 作 报 告) and an official's name after his office keep theirs. So goes the
    space a PDF puts on each side of a figure among hanzi (总投资 48 亿元的…等 12 个重大产业项目).

    >>> join_wrapped_lines("深化科技体制改 革，优化科技资源配置\\n序号 项目名称 总投资")
    '深化科技体制改革，优化科技资源配置\\n序号 项目名称 总投资'
    >>> join_wrapped_lines("总投资 48 亿元的辽宁三木、渼瑞石油等 12 个重大产业项目开工建设\\n2022 2023 增长")
    '总投资48亿元的辽宁三木、渼瑞石油等12个重大产业项目开工建设\\n2022 2023 增长'
    >>> join_wrapped_lines("2022年07月26日 10:10:40 来源:新华网 编辑:王某 责任编辑:李某")
    '2022年07月26日 10:10:40 来源:新华网 编辑:王某 责任编辑:李某'
    """
    if not _re(_WRAP_SPACE).search(text):
        return text
    lines = []
    for line in text.split("\n"):
        parts = line.split(" ")
        out = [parts[0]]
        for before, part in zip(parts, parts[1:]):
            if before and part and _wrapped_at(before, part, len(line)):
                out[-1] += part
            else:
                out.append(part)
        lines.append(" ".join(out))
    return "\n".join(lines)


def _wrapped_at(before: str, part: str, line: int) -> bool:
    """True when the single space between the runs ``before`` and ``part`` of a line of ``line`` characters is a
    wrap's (two hanzi, one run long) or a figure's padding among hanzi in a line of prose (投资 48 亿元)."""
    left, right = before[-1], part[0]
    han_left, han_right = "\u3400" <= left <= "\u9fff", "\u3400" <= right <= "\u9fff"
    if han_left and han_right:
        return max(len(before), len(part)) >= _WRAP_RUN
    return line >= _FIGURE_LINE and ((han_left and _re(_FIGURE_OPENS).match(part) is not None)
                                     or (han_right and _re(_FIGURE_ENDS).search(before) is not None))


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``; :class:`~govkg.errors.InputError` when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None


def normalise_breaks(text: str) -> str:
    r"""Literal ``\r\n`` sequences (4 characters), CRLF, lone CR, and page breaks (form feed, as text taken
    from a PDF has between pages, and vertical tab) become LF.

    >>> normalise_breaks("甲\\r\\n乙\r\n丙\r丁\f戊\v己")
    '甲\n乙\n丙\n丁\n戊\n己'
    """
    text = text.replace("\\r\\n", "\n").replace("\r\n", "\n")
    for ch in _BREAKS:  # one replace each: fifty times faster than str.translate on a long text
        text = text.replace(ch, "\n")
    return text


def decode_bytes(data: bytes, path: object = "<bytes>", declared: str | None = None) -> str:
    """The text of :func:`decode`.

    >>> decode_bytes("中華民國政府工作報告".encode("big5"))
    '中華民國政府工作報告'
    """
    return decode(data, path, declared).text


def decode(data: bytes, path: object = "<bytes>", declared: str | None = None) -> Decoded:
    """Decode ``data``: BOM, UTF-16 by NUL pattern, a declared charset, strict UTF-8, then the
    most plausible of GB18030 / Big5 / charset-normalizer's guess; failing all, the most plausible
    of those that leave few bytes undecodable (see :func:`_repaired`), those bytes replaced.

    >>> decode("沙湾区".encode("gbk"))
    Decoded(text='沙湾区', encoding='gb18030', replaced=0)
    >>> decode("我代表区人民政府向大会报告工作。".encode("utf-8")[:-1])
    Decoded(text='我代表区人民政府向大会报告工作\ufffd', encoding='utf-8', replaced=2)
    """
    marked = [codec for bom, codec in _BOMS if data.startswith(bom)]
    for codec in marked:  # FF FE 00 00 is UTF-32's mark, or UTF-16's and a NUL character
        text = _strict(data, codec)
        if text is not None:
            return _checked(text, codec, path)
    if marked:
        repaired = _repaired(data, marked)
        if repaired is None:
            raise InputError(path, f"invalid {marked[0].upper()} text after its byte-order mark")
        return _checked(repaired.text, repaired.encoding, path, repaired.replaced)
    if b"\x00" in data:
        found = _utf16_by_nuls(data)
        if found is not None:
            return _checked(*found, path)
        if data.count(b"\x00") > max(2, len(data) // 100):  # a stray NUL or two is a slip in a text file
            raise InputError(path, "binary content (NUL bytes), not a text file")
    if declared:
        text = _strict(data, declared)
        if text is not None:
            return _checked(text, declared, path)
    text = _strict(data, "utf-8")
    if text is not None and not _re(_UNUSUAL).search(text, 0, _SAMPLE):
        return _checked(text, "utf-8", path)
    if text is not None:  # valid UTF-8 but odd characters: short GBK/Big5 text can be valid UTF-8
        legacy = _best_legacy(data)
        if legacy is not None and _plausibility(legacy[0]) > _plausibility(text) + 0.1:
            return _checked(*legacy, path)
        return _checked(text, "utf-8", path)
    legacy = _best_legacy(data)
    repaired = _repaired(data, [c for c in (declared, "utf-8", "gb18030", *_BIG5) if c])
    if repaired is not None and (legacy is None or _plausibility(repaired.text) > _plausibility(legacy[0])):
        return _checked(repaired.text, repaired.encoding, path, repaired.replaced)
    if legacy is None:
        raise InputError(path, _UNDECODABLE)
    return _checked(*legacy, path)


def _repaired(data: bytes, codecs_: list[str]) -> Decoded | None:
    """The most plausible decoding of ``data`` in one of ``codecs_`` with its undecodable bytes replaced by
    U+FFFD, among those that leave at most 1 % of the bytes (at least 2) undecodable; None when none does.

    >>> _repaired("各位代表".encode() + b"\\xff", ["utf-8", "gb18030"])
    Decoded(text='各位代表\ufffd', encoding='utf-8', replaced=1)
    >>> _repaired(bytes(range(0x80, 0x100)), ["utf-8"]) is None
    True
    """
    limit = max(2, len(data) // 100)
    found: list[tuple[float, int, Decoded]] = []
    for n, codec in enumerate(dict.fromkeys(codecs_)):
        try:
            # each undecodable byte is 4 characters (\xNN) with backslashreplace and none with ignore
            bad = (len(data.decode(codec, "backslashreplace")) - len(data.decode(codec, "ignore"))) // 4
        except LookupError:
            continue
        if bad > limit:
            continue
        text = data.decode(codec, "replace")
        score = _plausibility(text)
        if score >= _MIN_SCORE:
            found.append((score, -n, Decoded(text, codec, bad)))
    return max(found, key=lambda f: f[:2])[2] if found else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _checked(text: str, encoding: str, path: object, replaced: int = 0) -> Decoded:
    """``text`` as :class:`Decoded`; :class:`~govkg.errors.InputError` when it holds too many control characters."""
    sample = text[:_SAMPLE]
    controls = len(_re(_CONTROLS).findall(sample))
    if controls > max(2, len(sample) // 100):
        raise InputError(path, "binary content (control characters), not a text file")
    return Decoded(text, encoding, replaced)


def _utf16_by_nuls(data: bytes) -> tuple[str, str] | None:
    """``data`` read as UTF-16 without a BOM (the text and the codec), when NUL bytes and a plausible decoding
    show it.

    ASCII in UTF-16 puts its NULs on one parity (odd for little-endian), so
    that endianness is tried first; the decoding must read like text.
    """
    if len(data) % 2:
        return None
    head = data[:8192]
    order = ("utf-16-le", "utf-16-be") if head[1::2].count(0) >= head[0::2].count(0) else ("utf-16-be", "utf-16-le")
    for codec in order:
        text = _strict(data, codec)
        if text is not None and "\x00" not in text and _plausibility(text) >= _MIN_SCORE:
            return text, codec
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in ``<meta>`` (or an XML declaration), normalised."""
    head = data[:4096].decode("latin-1")
    m = _re(r"(?i)<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)").search(head) or \
        _re(r"(?i)<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)").search(head)
    if not m:
        return None
    name = m.group(1).lower()
    if name in {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312"}:
        return "gb18030"  # pages labelled GB2312/GBK routinely use GBK/GB18030 characters
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """The most plausible decoding among GB18030, Big5 and charset-normalizer's guess (the text and the codec),
    or None when none decodes without error into text plausible enough."""
    candidates: dict[str, str] = {}
    text = _strict(data, "gb18030")
    if text is not None:
        candidates["gb18030"] = text
    for codec in _BIG5:  # the Big5 family in order, until one decodes
        text = _strict(data, codec)
        if text is not None:
            candidates["big5"] = text
            break
    guess = _family(_normalizer_guess(data))
    if guess and guess not in candidates:
        text = _strict(data, guess)
        if text is not None:
            candidates[guess] = text
    if not candidates:
        return None
    scores = {codec: _plausibility(text) for codec, text in candidates.items()}
    best = max(scores, key=lambda c: (scores[c], c == guess))
    if guess in scores and scores[best] - scores[guess] < 0.02:
        best = guess  # near-ties go to charset-normalizer's choice
    if scores[best] < _MIN_SCORE:
        return None
    return candidates[best], best


def _family(codec: str | None) -> str | None:
    """Fold codec names onto the candidates tried here (GBK and GB2312 read as GB18030)."""
    if codec in {"gbk", "gb2312", "hz"}:
        return "gb18030"
    if codec in _BIG5:
        return "big5"
    return codec


def _normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: only legacy files need it

    match = from_bytes(data[:65536]).best()
    if match is None:
        return None
    try:
        return codecs.lookup(match.encoding).name
    except LookupError:
        return None


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """Frequently used characters: GB2312 level 1 (simplified) and Big5 level 1 (traditional)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            ch = _strict(bytes((lead, trail)), "gb2312")
            if ch:
                chars.add(ch)
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            ch = _strict(bytes((lead, trail)), "big5")
            if ch and (lead, trail) <= (0xC6, 0x7E):
                chars.add(ch)
    return frozenset(chars)


def _plausibility(text: str) -> float:
    """Share of characters that look like real Chinese (or plain) text, in [-1, 1].

    Common hanzi, ASCII and CJK punctuation count 1, rare hanzi 0.3, and
    symbols typical of a wrong decoding (kana, hangul, box drawing, private use,
    unassigned code points, U+FFFD for a byte that did not decode) count -1.
    """
    common = _common_hanzi()
    good = 0.0
    total = 0
    for ch in text[:_SAMPLE]:
        if ch.isspace():
            continue
        total += 1
        o = ord(ch)
        if o < 0x80:
            good += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            good += 1 if ch in common else 0.3
        elif 0x3040 <= o <= 0x30FF or 0xFF61 <= o <= 0xFFDC or 0xAC00 <= o <= 0xD7AF \
                or 0x2500 <= o <= 0x259F or 0xE000 <= o <= 0xF8FF or o == 0xFFFD \
                or unicodedata.category(ch) in {"Co", "Cn", "Cs", "Cc"}:
            good -= 1  # kana, hangul, box drawing, private use: a wrong decoding
        elif 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x206F:
            good += 1
        else:
            good += 0.5  # other letters and symbols: possible, not typical
    return good / total if total else 0.0


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page: no script/style/navigation, one block per line.

    The page is read as a stream of parser events (an lxml parser target), never
    built into a tree: libxml2's tree builder stops at 256 levels of nesting
    (a paragraph inside 100,000 ``div``s came out as no text at all) and drops
    text runs over 10 MB, and lxml's tree refuses control characters in text;
    the stream has none of these limits and holds only the text.

    >>> html_to_text("<html><body><nav>首页</nav><p>各位代表：</p><p>现在&nbsp;&nbsp;我代表</p>"
    ...              "<script>var a;</script></body></html>")
    '各位代表：\\n现在 我代表'
    >>> html_to_text("<div>" * 100_000 + "<p>深处的段落</p>" + "</div>" * 100_000)
    '深处的段落'
    """
    from lxml import etree

    markup = _re(r"^\s*<\?xml[^>]*>").sub("", markup)  # lxml refuses str input with an XML declaration
    target = _TextEvents()
    parser = etree.HTMLParser(target=target, huge_tree=True, no_network=True)
    try:
        parser.feed(markup)
        text = parser.close()
    except (etree.LxmlError, ValueError):  # ValueError: lone surrogates, which no decoding here gives
        return ""
    space = _re(r"\s+")
    lines = (space.sub(" ", line).strip() for line in normalise_breaks(text).split("\n"))
    return "\n".join(line for line in lines if line)


class _TextEvents:
    """lxml parser target: collects the text outside dropped elements, a line break around each block,
    after ``<br>``, and a space after each table cell."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.dropped = 0  # depth inside a dropped element (the parser closes every element it opens)

    def start(self, tag: object, attrib: object) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if self.dropped or name in _DROP:
            self.dropped += 1
        elif name in _BLOCK_TAGS:
            self.parts.append("\n")

    def end(self, tag: object) -> None:
        if self.dropped:
            self.dropped -= 1
            return
        name = tag.lower() if isinstance(tag, str) else ""
        if name in _BLOCK_TAGS or name == "br":
            self.parts.append("\n")
        elif name in ("td", "th"):
            self.parts.append(" ")

    def data(self, text: str) -> None:
        if not self.dropped:
            self.parts.append(text)

    def close(self) -> str:
        return "".join(self.parts)
