"""Finding the content of a page: which lines are text and which are portal junk.

Reports copied from portals and forums come wrapped in page furniture: forum
headers and user panels, view counters, source/editor lines, breadcrumbs,
share buttons, related-link lists, tag clouds and copyright footers. Each line
is classified on its own first, then by its neighbours:

* **junk** - it matches a pattern of ``extractors/data/page_junk.txt``, or has
  no letter, digit or hanzi at all;
* **paragraph** - running Chinese text (enough hanzi and clause punctuation);
* **anchor** - a line only a report has (各位代表, 一、..., 在...会议上);
* **weak** - anything else: short lines, titles, stray words.

Then: in the header (before the first paragraph or anchor) weak lines above
the last junk line go unless they are long enough to be a title; after the end
of the report (the last stretch without sentences) everything from the first
junk line on goes; a teaser ending in an ellipsis right after a junk line goes;
short weak lines next to junk become junk (repeatedly, so a run of navigation
words between junk lines goes). Content lines that end with a junk marker
(``责任编辑：...``) are cut before it.

Lines are matched in simplified script (folded character by character), so
traditional pages are cleaned by the same patterns; offsets are into the text
as given.

>>> text = "设为首页收藏本站\\n各位代表：\\n现在，我代表区人民政府向大会报告工作。\\nPowered by X"
>>> [text[a:b] for a, b in content_spans(text)]
['各位代表：', '现在，我代表区人民政府向大会报告工作。']
>>> text = "2023年某县政府工作报告\\n——2023年1月8日在某县人民代表大会上\\n各位代表："
>>> title_and_date(text, content_spans(text))
('2023年某县政府工作报告', '2023-01-08')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from govkg.extractors.base import data_lines
from govkg.text.script import ScriptFolder

_SHORT = 100  # unanchored junk patterns apply to lines up to this length ...
_SHORT_STOPS = 1  # ... with at most this many sentence stops
_TITLE_HANZI = 8  # a weak line with this many hanzi may be a title: it is not peeled off
_LINK_BLOCK = 6  # this many short weak lines in a row next to junk are a link list
_TOP_LINES = 40  # title and date are looked for in this many non-blank lines at the top

_CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_STOPS = r"[。！？；!?;]"
_CLAUSE = r"[。，；！？、,;!?：:]"
_WORDISH = r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff5a]"
_TEXT_PUNCT = frozenset("“”‘’「」『』，。、；：！？（）《》〈〉…—\"',.;:!?()")
_BREAK = r"\n|\\r\\n"
_ANCHOR = (
    r"^(各位代表|各位委员|同志们|女士们)"
    r"|^[一二三四五六七八九十]{1,3}[、.．]"
    r"|^[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|^第[一二三四五六七八九十]{1,3}[，、,部章节是]"
    r"|^\d{1,2}[.、．]\s*\S"
    r"|在.{2,40}(会议|大会)(上|开幕)"
)
_NUM_DATE = r"(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?(?!\d)"
_CN_DIGITS = "〇○零一二三四五六七八九十"
_CN_DATE = (rf"(\d{{4}}|[0{_CN_DIGITS[:-1]}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*月"
            rf"(?:\s*(\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*[日号])?")
_DATE = rf"{_CN_DATE}|{_NUM_DATE}"
_CN_DATE_ONLY = rf"^[（(——\-－\s]*{_CN_DATE}[）)]?$"
_PAREN_DATE = rf"[（(]\s*{_CN_DATE}\s*[）)]"
_MEETING = r"[在于].{0,40}(会议|大会|人大)|人民代表大会|第.{1,4}次(全体)?会议"
_LABELLED_DATE = (
    r"(?:发布日期|发布时间|发文时间|发表时间|更新时间|成文日期|时间|日期|发表于)\s*[:：]?\s*"
    rf"(?:{_CN_DATE}|{_NUM_DATE})")
_CLOCK_DATE = rf"(?:{_CN_DATE}|{_NUM_DATE})\s+\d{{1,2}}:\d{{2}}"
# a labelled date of a two-digit year (时间:17-04-19): 2017-04-19
_LABELLED_SHORT_DATE = r"(?:发布日期|发布时间|发文时间|发表时间|更新时间|时间|日期)\s*[:：]\s*(\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])"
# a byline: a short line of a source, an author or a counter with a full date (西西新闻 @2024-08-17)
_BYLINE_DATE = rf"^[^。，,；;！？]{{0,24}}?(?:{_CN_DATE}|{_NUM_DATE})[^。，,；;！？\d]{{0,16}}$"
# a date written day first on a line of its own, with its time perhaps (26.03.2021  06:53)
_DAY_FIRST_DATE = r"^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
_TITLE_LABEL = r"^(标题|题目|文章标题)\s*[:：]\s*(.+)$"
_TITLE_YEAR = r"((?:19|20)\d\d)\s*年"
_TAG_PREFIX = r"^(\[[^\]]{1,10}\]|【[^】]{1,6}】)\s*"
_NOT_TITLE = (r"^(各位代表|同志们|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
              r"|[：:]$|在.{2,40}(会议|大会)|(会议|大会)上?$|^[（(][^）)]*[）)]$"
              r"|^.{0,12}(省长|市长|县长|区长|州长|旗长|主席)(\s*\S{1,4})?$"
              r"|[\"']\s*/?>|</?[a-zA-Z]")  # the rest of a page's markup (…官网图片 ">): no title
_ELLIPSIS_END = r"(\.{3,}|…+|。{3,})$"
_SUMMARY_LABEL = r"^(内容)?(摘要|简介|导读)\s*[:：]\s*$"
_TRAILING_DATE = rf"\s*[（(]\s*{_CN_DATE}\s*[）)]$"
_GENERIC_TITLES = frozenset({"政府工作报告", "工作报告", "报告", "正文"})


class _Kind(Enum):
    BLANK = 0
    JUNK = 1
    WEAK = 2
    ANCHOR = 3
    PARA = 4


@dataclass(frozen=True)
class _Rules:
    """Compiled junk patterns of ``page_junk.txt``."""

    anchored: re.Pattern[str]  # tried with .match on every line
    short: re.Pattern[str]  # searched in short lines only
    tail: re.Pattern[str]  # cut a content line before these when little follows


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    sections: dict[str, list[str]] = {"line": [], "tail": []}
    current = "line"
    for line in data_lines("page_junk.txt"):
        if line.startswith("[") and line.endswith("]") and line[1:-1] in sections:
            current = line[1:-1]
        else:
            sections[current].append(line)
    anchored = [p for p in sections["line"] if p.startswith("^")]
    short = [p for p in sections["line"] if not p.startswith("^")]

    def join(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.I)

    return _Rules(anchored=join(anchored), short=join(short), tail=join(sections["tail"]))


@lru_cache(maxsize=None)
def _re(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled once, on first use."""
    return re.compile(pattern)


@lru_cache(maxsize=1)
def _folder() -> ScriptFolder:
    return ScriptFolder()


def content_spans(text: str, folded: str | None = None) -> tuple[tuple[int, int], ...]:
    """(start, end) ranges of the lines of ``text`` that are content, not page junk.

    Each span is one line without its surrounding whitespace (and without a
    trailing junk marker); junk and blank lines lie outside every span.
    ``folded`` is ``text`` in simplified script when the caller has it already.
    """
    if folded is None:
        folded = _folder().fold(text)
    lines = _lines(folded)
    rules = _rules()
    kinds = [_classify(folded[a:b].strip(), rules) for a, b in lines]
    stripped = [folded[a:b].strip() for a, b in lines]
    _drop_teasers(kinds, stripped)
    _drop_header(kinds, stripped)
    _drop_tail(kinds, stripped)
    _drop_link_blocks(kinds, stripped)
    _peel(kinds, stripped)
    spans = []
    for (start, end), kind in zip(lines, kinds):
        if kind in (_Kind.JUNK, _Kind.BLANK):
            continue
        m = rules.tail.search(folded, start + 1, end)
        if m and end - m.start() <= 40 and _re(_CJK).search(folded, start, m.start()):
            end = m.start()
        while start < end and folded[start].isspace():
            start += 1
        while end > start and (folded[end - 1].isspace() or folded[end - 1] in "(（"):
            end -= 1
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, breaking at LF and at literal ``\\r\\n``."""
    out = []
    pos = 0
    for m in _re(_BREAK).finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _classify(line: str, rules: _Rules) -> _Kind:
    if not line:
        return _Kind.BLANK
    if not _re(_WORDISH).search(line):
        # punctuation left over from split sentences is transparent; bars, arrows, brackets are junk
        return _Kind.BLANK if all(ch in _TEXT_PUNCT or ch.isspace() for ch in line) else _Kind.JUNK
    if rules.anchored.match(line):
        return _Kind.JUNK
    if len(line) <= _SHORT and len(_re(_STOPS).findall(line)) <= _SHORT_STOPS:
        m = rules.short.search(line)
        if m and _hanzi(line[:m.start()]) < 15:  # after a sentence it is a trailing marker, cut later
            return _Kind.JUNK
    if _re(_ANCHOR).search(line[:80]):
        return _Kind.ANCHOR
    hanzi = len(_re(_CJK).findall(line))
    if hanzi >= 40 or (hanzi >= 20 and _re(_CLAUSE).search(line)):
        return _Kind.PARA
    return _Kind.WEAK


def _hanzi(line: str) -> int:
    return len(_re(_CJK).findall(line))


def _peelable(kind: _Kind, line: str) -> bool:
    """A short weak line that may go with the junk next to it (not a date line)."""
    return kind is _Kind.WEAK and _hanzi(line) < _TITLE_HANZI and not _re(_CN_DATE_ONLY).match(line)


def _drop_teasers(kinds: list[_Kind], lines: list[str]) -> None:
    """A portal's summary teaser (ending in an ellipsis) right after a ``摘要：`` label."""
    prev = ""
    for i, line in enumerate(lines):
        if kinds[i] is _Kind.BLANK:
            continue
        if _re(_SUMMARY_LABEL).match(prev) and _re(_ELLIPSIS_END).search(line):
            kinds[i] = _Kind.JUNK
        prev = line


def _drop_header(kinds: list[_Kind], lines: list[str]) -> None:
    """Before the first paragraph or anchor, weak lines above the last junk line (titles stay)."""
    end = next((i for i, k in enumerate(kinds) if k in (_Kind.PARA, _Kind.ANCHOR)), len(kinds))
    last_junk = max((i for i in range(end) if kinds[i] is _Kind.JUNK), default=-1)
    for i in range(last_junk):
        if kinds[i] is _Kind.WEAK and _hanzi(lines[i]) < _TITLE_HANZI:
            kinds[i] = _Kind.JUNK


def _drop_tail(kinds: list[_Kind], lines: list[str]) -> None:
    """After the last sentence of the report, everything from the first junk line on."""
    start = len(kinds)
    while start > 0 and _tail_like(kinds[start - 1], lines[start - 1]):
        start -= 1
    if start == 0:
        return  # no sentence anywhere: no way to tell where the report ends
    first_junk = next((i for i in range(start, len(kinds)) if kinds[i] is _Kind.JUNK), None)
    if first_junk is not None:
        for i in range(first_junk, len(kinds)):
            if kinds[i] is not _Kind.BLANK:
                kinds[i] = _Kind.JUNK


def _drop_link_blocks(kinds: list[_Kind], lines: list[str]) -> None:
    """A long run of short weak lines (a link list, a menu) that touches junk."""
    run: list[int] = []
    before = _Kind.BLANK
    for i in [*range(len(kinds)), len(kinds)]:
        kind = kinds[i] if i < len(kinds) else _Kind.JUNK
        if kind is _Kind.BLANK:
            continue
        if kind is _Kind.WEAK and len(lines[i]) < 25 and not _re(_STOPS).search(lines[i]):
            run.append(i)
            continue
        if len(run) >= _LINK_BLOCK and (before is _Kind.JUNK or (kind is _Kind.JUNK and i < len(kinds))):
            for j in run:
                kinds[j] = _Kind.JUNK
        run = []
        before = kind


def _tail_like(kind: _Kind, line: str) -> bool:
    """Junk, blank, or a short line without a sentence stop (a link, a tag, a date)."""
    return kind in (_Kind.JUNK, _Kind.BLANK) or (len(line) < 50 and not _re(_STOPS).search(line))


def _peel(kinds: list[_Kind], lines: list[str]) -> None:
    """Short weak lines next to junk (blank lines skipped) become junk, transitively."""
    for order in (range(len(kinds)), range(len(kinds) - 1, -1, -1)):
        prev = _Kind.BLANK
        for i in order:
            if kinds[i] is _Kind.BLANK:
                continue
            if prev is _Kind.JUNK and _peelable(kinds[i], lines[i]):
                kinds[i] = _Kind.JUNK
            prev = kinds[i]


def title_and_date(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str | None, str | None]:
    """The document's title and date (ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), or None.

    ``text`` is the simplified text, ``spans`` its content spans. The title is
    a labelled one (``标题：``) or the first title-like content line at the top.
    The date is, in this order, that of the meeting the report was given at,
    a date in brackets or alone on a content line, a labelled publication date
    (``时间：``, ``发表于``), a date with a clock time, a report's title's year,
    or a page's date: a labelled one of a two-digit year (``时间:17-04-19``) or
    a full date on a short byline (``西西新闻 @2024-08-17``; a report's title
    outranks them, since a library gives the day it was uploaded).

    >>> text = "来源：新华网 时间：2022-03-01 11:56:53\\n某区党建工作综述\\n正文。"
    >>> title_and_date(text, content_spans(text))
    ('某区党建工作综述', '2022-03-01')
    """
    top = _top_lines(text)
    content = [text[a:b].strip() for a, b in spans[:_TOP_LINES] if a < (top[-1][1] if top else 0)]
    title = _title(text, top, content)
    top_text = [text[a:b].strip() for a, b in top]
    date = _content_date(content) or _content_date(top_text, (_MEETING,)) or _page_date(text, top)
    if date is None and title:
        m = _re(_TITLE_YEAR).search(title)
        date = m.group(1) if m and "报告" in title else None
    return title, date or _byline_date(text, top)


def _top_lines(text: str) -> list[tuple[int, int]]:
    out = []
    for start, end in _lines(text):
        if text[start:end].strip():
            out.append((start, end))
            if len(out) == _TOP_LINES:
                break
    return out


PORTAL_LINKS = re.compile(r"^\s*(?:\S{2,12}(?:网|政府|门户)\s+)+\S{2,12}(?:网|政府|门户)\s*$")
"""A line of links to other portals (中国政府网 山西省政府 忻州市政府): no title, and no place the page is about."""


def _title(text: str, top: list[tuple[int, int]], content: list[str]) -> str | None:
    for a, b in top:
        m = _re(_TITLE_LABEL).match(text[a:b].strip())
        if m:
            return _clean_title(m.group(2))
    found = None
    for line in content:
        if line.endswith("。") or len(_re(_STOPS).findall(line)) + line.count("，") >= 2:
            break  # the text has begun: no title above it
        if _hanzi(line) < 4 or len(line) > 80 or _re(_STOPS).search(line[:-1]) or _re(_NOT_TITLE).search(line) \
                or PORTAL_LINKS.match(line) \
                or _re(_DATE).fullmatch(line.strip("（）()—- ")):
            continue
        title = _clean_title(line)
        if title not in _GENERIC_TITLES:
            return title
        found = found or title
    return found


def _clean_title(line: str) -> str:
    line = _re(_TAG_PREFIX).sub("", line.strip())
    line = _re(r"\?{2,}").sub("", line)
    line = _re(_TRAILING_DATE).sub("", line)
    words = line.split()
    if len(words) > 2 and all(len(w) == 1 for w in words):
        line = "".join(words)  # 政 府 工 作 报 告
    return line.strip()


def _content_date(content: list[str], patterns: tuple[str, ...] = (
        _MEETING, _PAREN_DATE, _CN_DATE_ONLY)) -> str | None:
    """A full date from a meeting line, a bracketed date or a line that is only a date."""
    for pattern in patterns:
        for line in content:
            if pattern is _MEETING:
                if len(line) > 120 or not _re(pattern).search(line):
                    continue
                date = _full_date(_re(_DATE).finditer(line))
            else:
                date = _full_date(_re(pattern).finditer(line))
            if date:
                return date
    return None


def _page_date(text: str, top: list[tuple[int, int]]) -> str | None:
    for pattern in (_LABELLED_DATE, _CLOCK_DATE):
        partial = None
        for a, b in top:
            for m in _re(pattern).finditer(text, a, b):
                iso = _iso(m)
                if iso and len(iso) == 10:
                    return iso
                partial = partial or iso
        if partial:
            return partial
    return None


def _byline_date(text: str, top: list[tuple[int, int]]) -> str | None:
    """A page's own date in its top lines when nothing better dates it: a labelled date of a two-digit year
    (时间:17-04-19), else a full date on a short byline (西西新闻 @2024-08-17), else a date written day first on a
    line of its own (26.03.2021  06:53).

    >>> text = "大渡口一季度招商引资总额超72亿元\\n\\n26.03.2021  06:53\\n\\n重庆日报消息，25日下午，大渡口区举行签约仪式。"
    >>> title_and_date(text, content_spans(text))[1]
    '2021-03-26'
    """
    for a, b in top:
        m = _re(_LABELLED_SHORT_DATE).search(text, a, b)
        if m:
            year, month, day = (int(g) for g in m.groups())
            year += 2000 if year < 50 else 1900
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    for a, b in top:
        m = _re(_BYLINE_DATE).search(text[a:b].strip())
        iso = _iso(m) if m else None
        if iso and len(iso) == 10:
            return iso
    for a, b in top:
        m = _re(_DAY_FIRST_DATE).match(text[a:b].strip())
        if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
            return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return None


def _full_date(matches: Iterable[re.Match[str]]) -> str | None:
    for m in matches:
        iso = _iso(m)
        if iso and len(iso) == 10:
            return iso
    return None


def _iso(m: re.Match[str]) -> str | None:
    """ISO date from a match of the date groups (year, month, day: Chinese or Arabic numerals)."""
    groups = [g for g in m.groups() if g is not None]
    if len(groups) < 2:
        return None
    year, month = _number(groups[0], year=True), _number(groups[1])
    day = _number(groups[2]) if len(groups) > 2 else None
    if not (1949 <= year <= 2100 and 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _number(s: str, year: bool = False) -> int:
    """12 / 十二 / 二〇二三 -> int (year digits are read one by one)."""
    if s.isdigit():
        return int(s)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
    if year:
        return int("".join(str(digits.get(c, 0)) for c in s))
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(s, 0)
