"""Names that end in a head noun: find the left edge with jieba tokens and a verb list.

Walking left from the head (项目, 园区, 公司 …), tokens join the name until a
boundary word (a verb, adverb or function word: 推进, 加快, 和, 等 …), a
punctuation mark or a number-with-measure-word is met. A boundary word right
before the head that names the kind of works (建设, 改造) stays in the name.

Page furniture never joins a name: reference and footnote markers ([12], 〔7〕,
①) end it like punctuation, a list ordinal at its front (一是, 其三, 10.) is cut
off, and a marker right after a list item is stepped over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from govkg.extractors.base import Context, Resources, data_lines
from govkg.extractors.gazetteer import gazetteer
from govkg.text.segment import Segmenter

# numbered bullets and note signs: ①-⑳, ⑴, ⒈, ❶, ㉑
BULLETS = "".join(map(chr, [*range(0x2460, 0x249C), *range(0x2776, 0x2794), *range(0x3251, 0x3260),
                            *range(0x32B1, 0x32C0)]))
# the brackets of reference and footnote markers ([12], ［1］, 〔7〕) and a full-width full stop (10．)
MARKER_CHARS = "［］〔〕〖〗｛｝{}．" + BULLETS
# characters that always end a name (punctuation, quotes, brackets that open a clause, markers)
# (丨 and the bars part a headline's label from it: 视频丨新田德润产业园…)
STOP_CHARS = set("，。；：！？、,.;:!?（）()【】[]《》“”‘’\"'「」『』…—─━\n\r\t ·丨｜|") | set(MARKER_CHARS)  # ─: a dash drawn as a line
_CN_NUM = "一二三四五六七八九十"
NUMERAL_VALUE = {ch: i for i, ch in enumerate(_CN_NUM, 1)} | {"两": 2}
"""The value of a numeral of one character (三个工业园, 两村: counts that lists must match)."""
# a list ordinal at the front of a clause: 一是, 三要 (not 三要素), 其三, 第二是, 十、, 3., （四）
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两几半")
_ORDINAL = re.compile(rf"^(?:[{_CN_NUM}]{{1,3}}(?:是|要(?![素求件点务闻]))|其[{_CN_NUM}]{{1,2}}是?|第[{_CN_NUM}]{{1,3}}是"
                      rf"|[{_CN_NUM}]{{1,3}}[、.．]|[\d０-９]{{1,3}}[、.．](?![\d０-９])|[（(][{_CN_NUM}\d]{{1,3}}[）)])")
# a reference marker right after a name: 新六种猪场〔12〕, 大正食品[14], 项目①
_TRAILING_MARKER = re.compile(r"(?:[\[［〔【(（][\d０-９]{1,3}[\]］〕】)）]|[" + BULLETS + "])$")
# "46个", "3家", "第二批": a count before a name ends it
_COUNT = re.compile(r"^(\d+|[一二三四五六七八九十百千万两几多]+)(个|家|户|项|批|座|条|所|处|类|大)$")


@dataclass(frozen=True, slots=True)
class Lexicon:
    tokenizer: Segmenter
    boundary: frozenset[str]
    modifiers: frozenset[str]
    lead: frozenset[str] = frozenset()  # verbs cut only from the front of a name (lead_verbs.txt)


def load_lexicon(plain: Segmenter | None = None) -> Lexicon:
    """A private segmenter with the boundary and modifier words as dictionary entries.

    ``plain`` (jieba's dictionary alone, see :func:`plain_segmenter`) saves reading the dictionary again.
    """
    boundary = frozenset(w for line in data_lines("boundary_verbs.txt") for w in line.split())
    modifiers = frozenset(w for line in data_lines("name_modifiers.txt") for w in line.split())
    lead = frozenset(w for line in data_lines("lead_verbs.txt") for w in line.split())
    return Lexicon(Segmenter.load(boundary | modifiers, like=plain), boundary, modifiers, lead)


def plain_segmenter(resources: Resources) -> Segmenter:
    """jieba's dictionary with no words of ours (the region rules cut with it), one per process."""
    return resources.get("phrase.plain", Segmenter.load)


def lexicon(ctx: Context) -> Lexicon:
    return resources_lexicon(ctx.resources)


def resources_lexicon(resources: Resources) -> Lexicon:
    """The :class:`Lexicon`, one per process (for rules that have no :class:`Context`)."""
    return resources.get("phrase.lexicon", lambda: load_lexicon(plain_segmenter(resources)))


def cut_at_both(resources: Resources, text: str, start: int, end: int) -> bool:
    """Whether jieba's dictionary cut (no guessed words) of a window around ``text[start:end]`` cuts at both
    ``start`` and ``end``: the span stands as words of its own (华能|国风, not 新华|能源).

    >>> from govkg.extractors.base import Resources
    >>> cut_at_both(Resources(), "华能国风临县项目", 0, 2), cut_at_both(Resources(), "新华能源公司", 1, 3)
    (True, False)
    """
    lo, hi = max(0, start - 8), min(len(text), end + 8)
    cuts, pos = set(), lo
    for tok in plain_segmenter(resources).cut(text[lo:hi], HMM=False):
        cuts.add(pos)
        pos += len(tok)
    cuts.add(pos)
    return start in cuts and end in cuts


NOT_FUNDS = r"(?!资金|经费|补助|补贴|债券)"
"""What may not follow the 项目 that closes a list of projects: 争取中省预算内投资、政府专项债券等项目资金 lists money
for projects, not projects (a negative lookahead, for the list-end regexes of the project and enterprise rules)."""

NAME_REACH = 24
"""How many characters left of its head a name is sought at most."""

COMMON_WORD_FREQ = 100
"""A word jieba's dictionary counts this often is a common noun (交通, 政策), not a name."""


def is_common_word(lex: Lexicon, text: str) -> bool:
    """True when ``text`` is one word of jieba's general dictionary with a high count.

    >>> lex = load_lexicon()
    >>> is_common_word(lex, "交通"), is_common_word(lex, "梅塞尔")
    (True, False)
    """
    return lex.tokenizer.FREQ.get(text, 0) >= COMMON_WORD_FREQ


# "within" after a place (园区内, 境内): what follows is in the place, not named by it (园区内|阳江万洋众创城项目)
_LOCATIVES = frozenset("内 境内 区内 县内 市内 省内 镇内 园内 域内 辖内 辖区内 以内 之内".split())


def _is_boundary(lex: Lexicon, tok: str) -> bool:
    """A boundary word, a locative (园区内), a verb with the aspect particle 着 (围着, 涌动着), or a dictionary
    word made only of boundary words (大力发展 = 大力 + 发展).

    >>> lex = load_lexicon()
    >>> _is_boundary(lex, "大力发展"), _is_boundary(lex, "围着"), _is_boundary(lex, "玄武岩")
    (True, True, False)
    """
    if tok in lex.boundary or tok in _LOCATIVES or (len(tok) >= 2 and tok.endswith("着")) or _ORDINAL.match(tok):
        return True
    if len(tok) < 3:
        return False
    return any(tok[:i] in lex.boundary and _is_boundary(lex, tok[i:]) for i in range(1, len(tok)))


def left_edge(text: str, head_start: int, lex: Lexicon, max_len: int = NAME_REACH) -> int:
    """Index in ``text`` where the name ending at ``head_start`` begins.

    >>> lex = load_lexicon()
    >>> s = "加快推进乾旻玄武岩纤维新材料建设项目"
    >>> s[left_edge(s, s.index("项目"), lex):]
    '乾旻玄武岩纤维新材料建设项目'
    >>> s = "签约300万吨重质碳酸钙超细微粉项目"  # 超 before a word is a prefix (超细), before a number "over"
    >>> s[left_edge(s, s.index("项目"), lex):]
    '300万吨重质碳酸钙超细微粉项目'
    >>> s = "依托奎屯—独山子经济开发区"
    >>> s[left_edge(s, s.index("开发区"), lex):]
    '奎屯—独山子经济开发区'
    """
    lo = head_start
    floor = max(0, head_start - max_len)
    while lo > floor and (text[lo - 1] not in STOP_CHARS or joins(text, lo - 1)):
        lo -= 1
    if lo == head_start:
        return head_start
    if lo == floor > 0 and _HAN.match(text, lo - 1) and _HAN.match(text, lo):
        # the reach ends inside a word (正大集|团石门…): the name starts after it
        wider = max(0, lo - 6)
        edge = wider
        for tok in lex.tokenizer.cut(text[wider:head_start], HMM=True):
            if edge >= lo:
                break
            edge += len(tok)
        lo = min(edge, head_start)
    tokens = list(lex.tokenizer.cut(text[lo:head_start], HMM=True))
    start = head_start
    content = False
    stop = ""
    right = ""  # the word after ``tok``
    for tok in reversed(tokens):
        prefix = tok == "超" and _HAN.match(right) and right[0] not in _NUMERALS  # 超|细微粉, not 超|千亿元
        if (_is_boundary(lex, tok) or _COUNT.match(tok)) and not prefix:
            if content or tok not in lex.modifiers:
                stop = tok
                break
        if tok not in lex.modifiers:
            content = True
        start -= len(tok)
        right = tok
    return _name_start(lex, text, start, head_start, stop)


def _name_start(lex: Lexicon, text: str, start: int, end: int, stop: str) -> int:
    """``start`` of the name ``text[start:end]``, found by walking left to the word ``stop`` (empty when none),
    moved past what opens it without being part of it: the result complement 好 of a verb ``stop``, standing as
    a word of its own (实施|好|新时代…工程; 打造|好梦林水 keeps its word, 、好嘉食品 follows no verb), then a list
    ordinal, a governing verb or a determiner (:func:`leading_clutter`).

    >>> lex = load_lexicon()
    >>> [_name_start(lex, s, i, len(s), stop) for s, i, stop in [("实施好新时代系列艺术创作工程", 2, "实施"),
    ...                                                           ("打造好梦林水田园综合体", 2, "打造"), ("、好嘉食品", 1, ""),
    ...                                                           ("建设—凤县中学", 2, "建设")]]
    [3, 2, 1, 3]
    """
    if (stop and not _COUNT.match(stop) and end - start > 2
            and next(iter(lex.tokenizer.cut(text[start:end], HMM=True)), "") == "好"):
        start += 1
    elif text.startswith("有", start) and text[start - 1:start] in _ADVERBS_OF_HAVING and end - start > 2:
        start += 1  # 又有|橙果桥梁…: jieba guesses 有橙果 as one word, so the walk left did not stop at 有
    elif text.startswith("既有", start) and _HAVING_TOO.search(text, end) and end - start > 3:
        start += 2  # 既有 A…，又有 B…: the pair, not 既有 (existing) of 既有线改造
    while start < end and text[start] in _JOINING_MARKS:
        start += 1  # 县城建设|—凤县双石铺中学: the walk stopped at a word before the dash, which joins nothing then
    return start + leading_clutter(lex, text[start:end])


_JOINING_MARKS = "—-·"
"""What :func:`joins` lets into a name between two of its characters, never its first."""


_ADVERBS_OF_HAVING = frozenset("又更也都均亦尚另")
"""Adverbs before 有 (又有 A、B 等项目, 更有…): the 有 is the verb, whatever jieba joins it to."""
_HAVING_TOO = re.compile("[又也更还]有")
"""What answers 既有 later in the sentence (既有 A…，又有 B…): then 既有 is "there are both", not "existing"."""


def joins(text: str, i: int) -> bool:
    """A dash between two Chinese characters joins two places in one name (海—宝农村公路, 奎屯—独山子经济开发区);
    a point between digits is a decimal point (1.6公里), and one between letters joins initials (I.E.D); a middle
    dot between Chinese characters joins a brand and its place (中国供销·麻阳智慧农产品冷链物流园).

    >>> [joins(s, 1) for s in ("海—宝", "3.5", "。—宝", "——", "I.E", "销·麻")]
    [True, True, False, False, True, True]
    """
    if not 0 < i < len(text) - 1:
        return False
    if text[i] == ".":  # 1.6公里; the initials of a company (I.E.D国际企业集团)
        return (text[i - 1].isdigit() and text[i + 1].isdigit()) or (text[i - 1].isascii() and text[i - 1].isalpha()
                                                                      and text[i + 1].isascii() and text[i + 1].isalpha())
    return text[i] in _JOINING_MARKS and "\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i + 1] <= "\u9fff"


CONJUNCTIONS = ("以及", "和", "及", "与")
"""The words that join two names into one list (钢铁和汽车, A以及B); longest first."""


def joined_before(text: str, start: int, lex: Lexicon, max_len: int = NAME_REACH) -> list[tuple[int, int]]:
    """The name joined by a conjunction in front of the item that starts at ``start`` (有色金属和|起重机械等,
    引进绿网菌业和|鑫瑞隆农业两家龙头企业), as a one-element list; empty when there is none or it is shorter than two.

    >>> lex = load_lexicon()
    >>> s = "推动有色金属和起重机械等传统行业"
    >>> [s[a:b] for a, b in joined_before(s, s.index("起重"), lex)]
    ['有色金属']
    """
    for conj in CONJUNCTIONS:
        if text.startswith(conj, start - len(conj)):
            end = start - len(conj)
            lo = left_edge(text, end, lex, max_len=max_len)
            return [(lo, end)] if end - lo >= 2 else []
    return []


def leading_clutter(lex: Lexicon, name: str) -> int:
    """Length of the list ordinal, conjunction (及) and governing verb that ``name`` starts with (0 when none).

    The verb is a word of ``lead_verbs.txt`` standing as a jieba word of its own
    (建|园区 is cut, 建新|大街 and 中铁|建 are not).

    A determiner standing as a word (所有, 每个, 一批: 所有|开发区, not 所有制) goes too: what follows it is
    a kind, judged as such.

    >>> lex = load_lexicon()
    >>> [leading_clutter(lex, s) for s in ("二是建", "建强县级龙头医院", "建新大街南延", "建昌铜业", "所有开发区",
    ...                                    "每个工业类开发区", "所有制改革", "及纬三路两侧亮化工程")]
    [3, 2, 0, 0, 2, 2, 0, 1]
    """
    cut = leading_ordinal(name)
    first = next(iter(lex.tokenizer.cut(name[cut:], HMM=True)), "")
    if first in ("及", "以及") or (first.startswith("及") and not lex.tokenizer.FREQ.get(first)):
        cut += 2 if first == "以及" else 1  # …泵站建设|及|纬三路两侧亮化工程: the conjunction joins two works
        first = next(iter(lex.tokenizer.cut(name[cut:], HMM=True)), "")  # (jieba guesses 及纬 as one word)
    if first in _DETERMINERS:
        cut += len(first)
        first = next(iter(lex.tokenizer.cut(name[cut:], HMM=True)), "")
    return cut + len(first) if first in lex.lead else cut


_DETERMINERS = frozenset("每个 每一个 各个 各类 所有 全部 多个 一批 若干 一些 其他 其它".split())


def leading_ordinal(text: str) -> int:
    """Length of the list ordinal that ``text`` starts with (0 when none).

    >>> [leading_ordinal(s) for s in ("二是建园区", "其三唐河大桥", "10．零碳园区", "二期工程", "5G产业", "1+5片区")]
    [2, 2, 3, 0, 0, 0]
    >>> [leading_ordinal(s) for s in ("三要产业引领", "四要素")]
    [2, 0]
    """
    m = _ORDINAL.match(text)
    return m.end() if m else 0


def before_marker(text: str, end: int) -> int:
    """``end`` moved left over a reference marker that ``text[:end]`` ends with.

    >>> s = "新六种猪场〔12〕、大正食品[14]等"
    >>> before_marker(s, s.index("、")), before_marker(s, s.index("等")), before_marker(s, 5)
    (5, 14, 5)
    """
    m = _TRAILING_MARKER.search(text, 0, end)
    return m.start() if m and m.start() > 0 else end


# single-character prepositions that open a clause and govern the name after them (以…为, 把, 向 …)
_LEAD_PREPOSITIONS = frozenset("以把将对向在从为由被给让")
# result complements: a verb followed by one (打好, 涌现出, 迎来) governs what follows it
_COMPLEMENTS = frozenset("好出来到起上住牢")
_CHAR_COMPLEMENTS = "好出到牢"  # complements that jieba may join to the next word (维护|好雄…)
_VERB_TAGS = frozenset({"v", "vn"})
_ADVERB_TAGS = frozenset({"d", "ad", "t"})  # adverbs and time words that go with the verb after them
GOVERNING_VERB_FREQ = 200
"""A verb jieba counts this often is an everyday verb (整修, 搭建, 运行), not the start of a brand (追觅, 融达)."""


def governing_lead(lex: Lexicon, name: str, body_len: int, is_place: Callable[[str], bool] = lambda w: False,
                   min_body: int = 2) -> int:
    """Length of a governing verb or preposition that jieba tags at the front of ``name`` (0 when none).

    ``name[:body_len]`` is the body before the head noun. Cut are: one of the
    prepositions 以, 把, 向 … standing as a word; an everyday verb of two or more
    characters (jieba tag v, counted at least ``GOVERNING_VERB_FREQ`` times, not a
    place name) whose next word is not a verb (a verbal noun, vn, is kept: 实验小学,
    生活垃圾); a verb with a result complement (打好, 维护好, 涌现出); an adverb or
    time word before such a verb (密切跟进, 今年整修). Nothing is cut unless
    ``min_body`` characters of body remain, so a head keeps a name in front, nor
    when the word after the cut is one character (安置|区二期: it binds to what follows).

    >>> lex = load_lexicon()
    >>> [governing_lead(lex, s, n) for s, n in [("整修清溪河堤防", 5), ("以万丰商贸综合体", 5),
    ...                                         ("涌现出清河电子产业园", 7), ("追觅机器人", 2), ("搭建园区", 2),
    ...                                         ("维护好清溪片林", 5), ("安置区二期项目", 5)]]
    [2, 1, 3, 0, 0, 3, 0]
    """
    toks = lex.tokenizer.tags(_front(lex, name[:body_len]))
    cut = 0
    i = 0
    if len(toks) > 2 and toks[0][1] in _ADVERB_TAGS and toks[1][1] in _VERB_TAGS and len(toks[1][0]) >= 2:
        cut, i = len(toks[0][0]), 1  # 密切|跟进: the adverb goes with the verb
    if i >= len(toks):
        return 0
    word, tag = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else ("", "")
    if len(nxt[0]) < 2 and nxt[0] not in _COMPLEMENTS:
        return 0  # the next character binds to what follows it (安置|区二期, 沉浸|式…): no clean cut
    if i == 0 and word in _LEAD_PREPOSITIONS and tag == "p":
        cut = len(word)
    elif tag in _VERB_TAGS and nxt[0] in _COMPLEMENTS and nxt[1] != "n":
        cut += len(word) + len(nxt[0])
    elif word.endswith(tuple(_CHAR_COMPLEMENTS)) and tag == "v" and len(word) >= 2:
        cut += len(word)  # 打好, 涌现出 as one word
    elif (tag == "v" and len(word) >= 2 and lex.tokenizer.FREQ.get(word, 0) >= GOVERNING_VERB_FREQ
          and (nxt[1] not in _VERB_TAGS or is_place(nxt[0])) and not is_place(word)):
        cut += len(word)
        if name[cut:cut + 1] in _CHAR_COMPLEMENTS and body_len - cut > min_body:
            cut += 1
    else:
        return 0
    return cut if body_len - cut >= min_body else 0


_FRONT_WORDS = 5


def _front(lex: Lexicon, body: str) -> str:
    """The first words of ``body`` (five of jieba's dictionary words), all :func:`governing_lead` reads:
    tagging the whole of a long body is most of the tagger's time.

    >>> _front(load_lexicon(), "加快推进乾旻玄武岩纤维新材料建设")
    '加快推进乾旻玄武岩纤维'
    """
    if len(body) <= 8:
        return body
    end = 0
    for n, word in enumerate(lex.tokenizer.cut(body, HMM=False), 1):
        end += len(word)
        if n >= _FRONT_WORDS:
            break
    return body[:end]


_MONEY = re.compile(r"\d\s*(?:亿|万)?元|\d+宗")
_LEADING_COUNT = re.compile(r"^(?:(?:[\d.]+|[一二三四五六七八九十百千万两几多]+)(?:个|家|户|项|批|座|条|所|处|类)"
                            r"|[\d.]+(?:平方公里|平方千米|公顷|亩))")  # 规划建设4.15平方公里|新能源汽车产业园: its area


@dataclass(frozen=True, slots=True)
class Span:
    """A name found in a sentence: offsets into the document, and its simplified text."""

    sentence: int
    start: int
    end: int
    text: str


def headed_names(ctx: Context, head: re.Pattern[str], min_body: int = 2, max_len: int = NAME_REACH,
                 bracketed: bool = False, governed: bool = False, every_end: bool = False):
    """Every name ending in a match of ``head`` (a compiled regex) in the document's sentences.

    Yields :class:`Span` with the body left-trimmed at a boundary word; names
    whose body (the part before the head) is shorter than ``min_body`` are dropped.
    With ``bracketed``, a name goes on left across a place in brackets (see :func:`across_brackets`);
    with ``governed``, a governing verb or preposition at its front is cut (see :func:`governing_lead`).
    Of the names that start at one place only the longest is given, unless ``every_end``
    (迷昜古城特色街区 and 迷昜古城特色街区整体开街: the caller chooses).
    """
    lex = lexicon(ctx)
    for sent in ctx.sentences:
        text = sent.text
        ends: dict[int, set[int]] = {}  # name start -> ends of the names from there
        for m in head.finditer(text):
            start = left_edge(text, m.start(), lex, max_len=max_len)
            if bracketed:
                start = across_brackets(text, start, lex, gazetteer(ctx.resources).names_place, max_len=max_len,
                                        head=head if m.start() - start >= min_body else None)
            body = text[start:m.start()]
            lead = _LEADING_COUNT.match(body)
            if lead:
                start += lead.end()
                body = body[lead.end():]
            if governed:
                cut = governing_lead(lex, text[start:m.end()], len(body), gazetteer(ctx.resources).names_place,
                                     min_body=min_body)
                start += cut
                body = body[cut:]
            if len(body) >= min_body and not body.endswith("等") and not _MONEY.search(body) \
                    and not _ETC_COUNT.search(body):
                ends.setdefault(start, set()).add(m.end())
        for start, found in sorted(ends.items()):
            for end in sorted(found) if every_end else (max(found),):
                yield Span(sent.index, sent.start + start, sent.start + end, text[start:end])


_ETC_COUNT = re.compile(r"等[\d一二三四五六七八九十两几多数]+[家个座所项类批]")
"""A list's close inside a body (保乐力加酒庄等20家|酒庄, where jieba's words cross 庄等 and 家酒庄): no name."""
_BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{1,5}[）)]$")
_SECTION = re.compile(r"[\u4e00-\u9fff]{1,4}段")  # the stretch of a river or road that works cover (唐河（清苑段）|治理工程)


def across_brackets(text: str, start: int, lex: Lexicon, place: Callable[[str], bool], max_len: int = NAME_REACH,
                    head: re.Pattern[str] | None = None) -> int:
    """``start`` moved left over a bracketed place (or a section of a river or road) and the name before it,
    when a name begins right after the bracket: 京东（保定）|数字经济产业园 is one park, 唐河（清苑段）|治理工程
    one works. ``place`` says what is a place (the
    gazetteer's names); 乡镇（街道）|养老服务中心 and 重点任务（五）|文旅产业园 stay as they are, and
    nothing moves when no name precedes the bracket or when it ends in ``head`` itself, a name of its own
    whose place the bracket says (高新园区（三界镇）|临杭产业园: a park within the zone; the caller passes ``head``
    when a name of its own follows the bracket: 区医院（西区）|二期 is one).

    >>> lex = load_lexicon()
    >>> s = "支持京东（保定）数字经济产业园"
    >>> s[across_brackets(s, s.index("数"), lex, {"保定"}.__contains__):]
    '京东（保定）数字经济产业园'
    >>> s = "建设乡镇（街道）养老服务中心"
    >>> s[across_brackets(s, s.index("养"), lex, {"保定"}.__contains__):]
    '养老服务中心'
    >>> s = "谋划启动唐河（清苑段）治理工程"
    >>> s[across_brackets(s, s.index("治"), lex, {"保定"}.__contains__):]
    '唐河（清苑段）治理工程'
    >>> s = "位于高新园区（三界镇）临杭产业园"
    >>> s[across_brackets(s, s.index("临"), lex, {"三界镇"}.__contains__, head=re.compile("产业园|园区")):]
    '临杭产业园'
    """
    m = _BRACKETED.search(text, max(0, start - 7), start)
    if m is None or m.end() != start:
        return start
    inner = m.group()[1:-1]
    if not (place(inner) or _SECTION.fullmatch(inner)):
        return start
    before = left_edge(text, m.start(), lex, max_len=max_len)
    if head is not None and any(h.end() == m.start() for h in head.finditer(text, before, m.start())):
        return start
    return before if before < m.start() else start


def enumeration_items(text: str, end: int, lex: Lexicon, max_items: int = 12,
                      max_len: int = 20) -> list[tuple[int, int]]:
    """The items of a 、-separated list that ends at ``end`` (exclusive), as (start, end) pairs.

    The first item is trimmed at a boundary word like any name; an item is at most ``max_len`` characters.

    An item that opens with a measured modifier ending in 的 (投资33亿元的, 年产10万吨的) starts after it; one
    that holds 以及 is two items.

    >>> lex = load_lexicon()
    >>> s = "成功引入四川现代种业集团、华智生物等龙头企业"
    >>> [s[a:b] for a, b in enumeration_items(s, s.index("等"), lex)]
    ['四川现代种业集团', '华智生物']
    >>> s = "投资161亿元的长城汽车产业园、投资33亿元的风帆产业园等大项目"
    >>> [s[a:b] for a, b in enumeration_items(s, s.index("等"), lex)]
    ['长城汽车产业园', '风帆产业园']

    A note of what an item includes is left out, and ，以及 goes on with the list:

    >>> s = "清单中包含了沪苏湖铁路松江段（含站本体）、沪松快速化，以及雨水泵站及调蓄池等27个市级工程项目"
    >>> [s[a:b] for a, b in enumeration_items(s, s.index("等"), lex)]
    ['沪苏湖铁路松江段', '沪松快速化', '雨水泵站及调蓄池']

    An item longer than ``max_len`` with a company's name in front is the company's project, and the list goes on:

    >>> s = "推进祺隆新材料产业园、四川夏氏鑫集团股份有限公司年产12万吨光伏清洁能源高纯电子化试剂等三个项目"
    >>> [s[a:b] for a, b in enumeration_items(s, s.index("等"), lex)]
    ['祺隆新材料产业园', '年产12万吨光伏清洁能源高纯电子化试剂']
    """
    items: list[tuple[int, int]] = []
    pos = end
    while len(items) < max_items:
        pos = before_marker(text, pos)
        note = _TRAILING_NOTE.search(text, max(0, pos - 10), pos)
        if note and note.start() > 0 and _HAN.match(text, note.start() - 1):
            pos = note.start()  # 沪苏湖铁路松江段|（含站本体）、: what the item includes is no part of its name
        lo = pos
        while lo > 0 and pos - lo < max_len:
            if text[lo - 1] in STOP_CHARS and not (text[lo - 1] in _JOINING_MARKS and joins(text, lo - 1)):
                # (虎林—长春…管道, 美瑞斯医械·智谷: joined)
                inner = _inner_bracket(text, lo)  # 三峡（宜昌）大数据产业园: the bracket is part of the item
                if inner is None:
                    break
                lo = inner
                continue
            lo -= 1
        if lo == pos:
            break
        owned = _owned_item(text, lo, pos)
        if owned is not None:  # a project longer than an item may be, its owner in front: the list goes on before it
            items.append((_first_item_start(text, owned[1], pos, lex), pos))
            if owned[0] == 0 or text[owned[0] - 1] != "、":
                break
            pos = owned[0] - 1
            continue
        if text.startswith("以及", lo) and pos - lo > 3 and text[lo - 1:lo] in ("，", ",") and not items \
                and "等" not in text[max(text.rfind("，", 0, lo - 1), text.rfind(",", 0, lo - 1), 0):lo]:
            items.append((lo + 2, pos))  # …、油墩港航道整治、沪松快速化，以及雨水泵站及调蓄池等: the list's last item;
            pos = lo - 1  # not a list of its own after one (…等重大交通项目，以及A、B等), nor after another (…政策，以及A、B等)
            continue
        if lo == 0 or text[lo - 1] != "、":
            lo = _first_item_start(text, lo, pos, lex)
            items.append((lo, pos))
            break
        aim = _aimed_at(text, lo, pos, lex)
        if aim is not None:  # 各板块、各部门瞄准|新能源汽车、…: the list starts after the verb that governs it
            items.append((aim, pos))
            break
        items.append((lo, pos))
        pos = lo - 1
    items.reverse()
    items = [part for a, b in items for part in _split_yiji(text, a, b)]
    items = [(a + _measured_modifier(text, a, b), b) for a, b in items]
    return [(a, b) for a, b in items if b > a]


_OWNER_END = re.compile(r"(?:有限责任公司|有限公司|股份公司|公司|集团)(?=[\u4e00-\u9fff\d]{4})")


def _owned_item(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """(owner's start, item's start) when the list item ending at ``pos``, cut at ``lo`` for its length, is a
    company's name and its project (四川夏氏鑫集团股份有限公司|年产12万吨…); else None."""
    if lo == 0 or text[lo - 1] in STOP_CHARS:
        return None
    start = lo
    while start > 0 and lo - start < 30 and text[start - 1] not in STOP_CHARS:
        start -= 1
    ends = [m.end() for m in _OWNER_END.finditer(text, start, pos)]
    return (start, ends[-1]) if ends else None


# a note of what a list item includes, after its name (沪苏湖铁路松江段|（含站本体）)
_TRAILING_NOTE = re.compile(r"[（(][含包括其中]{1,3}[\u4e00-\u9fff]{1,6}[）)]$")
# a place or qualifier in brackets, or a quoted formula (“互联网+”, “5G+”; not a quoted word: “专精特新”|小巨人企业)
_QUALIFIER = re.compile(r"(?:[（(][\u4e00-\u9fffA-Za-z]{1,6}[）)]|“(?=[^”]{0,7}[+＋\dA-Za-z])[\u4e00-\u9fff\w+＋]{1,8}”)$")


def _inner_bracket(text: str, at: int) -> int | None:
    """Where the bracketed place or qualifier that ends at ``at`` opens, when it stands inside a name, between
    two hanzi (三峡|（宜昌）|大数据产业园, 华为|（成都）|研究所, 猪八戒网|“互联网+”|型创新创业综合示范区); else None.

    >>> _inner_bracket("落地三峡（宜昌）大数据产业园", 8), _inner_bracket("建设（一期）", 6)
    (4, None)
    >>> _inner_bracket("猪八戒网“互联网+”型创新创业综合示范区", 10)
    4
    """
    m = _QUALIFIER.search(text, max(0, at - 10), at)
    if m is None or m.start() == 0 or at >= len(text):
        return None
    if not ("\u4e00" <= text[m.start() - 1] <= "\u9fff" and "\u4e00" <= text[at] <= "\u9fff"):
        return None
    return m.start()


def _split_yiji(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """An item that holds 以及 between two phrases of two characters or more as its two items (A、B以及C等:
    以及 opens the list's last item); else the item itself.

    >>> s = "长城大街、西三环南延以及东三环连接线"
    >>> [s[x:y] for x, y in _split_yiji(s, 5, len(s))], _split_yiji("以及", 0, 2)
    (['西三环南延', '东三环连接线'], [(0, 2)])
    """
    k = text.find("以及", a, b)
    if k - a >= 2 and b - k - 2 >= 2:
        return [(a, k), *_split_yiji(text, k + 2, b)]
    return [(a, b)]


def counted_items(text: str, items: list[tuple[int, int]], count: int) -> list[tuple[int, int]]:
    """``items`` with the last split at its 和 when the list's count says it holds two (A、B、C和D等4个项目; a name
    with 和 inside stays whole when the count is met without it).

    >>> s = "重点推介晋国博物馆群、智慧果蔬示范区流通集散中心、高端装备制造产业园和年产2万吨碳纤维生产基地"
    >>> [s[a:b] for a, b in counted_items(s, [(4, 10), (11, 24), (25, len(s))], 4)][2:]
    ['高端装备制造产业园', '年产2万吨碳纤维生产基地']
    """
    if len(items) + 1 != count or not items:
        return items
    a, b = items[-1]
    cut = text.find("和", a + 2, b - 2)
    return items if cut < 0 else [*items[:-1], (a, cut), (cut + 1, b)]


def count_value(numeral: str) -> int | None:
    """The value of a count in digits or in one character (12, 三), else None."""
    return int(numeral) if numeral.isdigit() else NUMERAL_VALUE.get(numeral)


_MEASURED_OF = re.compile(r"[^的]*\d[^的]*的|(?:总?投资)?[约近超逾达]?\d+(?:\.\d+)?[万亿]*元(?=[\u4e00-\u9fff])")


def _measured_modifier(text: str, a: int, b: int) -> int:
    """Length of the modifier with a number in it and 的 at its end that ``text[a:b]`` opens with, or of the sum it
    opens with (22亿元|乐京智能家电、10亿元|传化公路港枢纽等项目); 0 when none."""
    m = _MEASURED_OF.match(text, a, b)
    return m.end() - a if m and m.end() < b else 0


# verbs that take a whole list as their object and never stand inside a name
_AIMS = frozenset("瞄准 聚焦 锁定 紧扣 对标 主攻 抢占 盯住 扭住 抓住 紧盯 盯紧".split())


def _aimed_at(text: str, lo: int, end: int, lex: Lexicon) -> int | None:
    """Where the list starts inside the item ``text[lo:end]`` that a 、 opens, when a verb that governs a list
    stands in it after other words (各板块、各部门|瞄准|新能源汽车、移动智能终端…: the earlier items are the
    subject's); else None.

    >>> lex = load_lexicon()
    >>> s = "各板块、各部门瞄准新能源汽车、移动智能终端"
    >>> s[_aimed_at(s, 4, s.index("、", 4), lex):s.index("、", 4)]
    '新能源汽车'
    """
    at = lo
    for tok in lex.tokenizer.cut(text[lo:end], HMM=False):
        at += len(tok)
        if tok in _AIMS and at > lo + len(tok) and end - at >= 2:
            return at
    return None


def _first_item_start(text: str, lo: int, end: int, lex: Lexicon) -> int:
    """Trim the leading verbs of the first list item (``text[lo:end]``). A verb that ends the item after a noun
    is the item's head, as in the items after it (…领域内的烟气治理、水处理: 烟气|治理).

    >>> lex = load_lexicon()
    >>> s = "主攻环保领域内的烟气治理、水处理"
    >>> s[_first_item_start(s, 0, s.index("、"), lex):s.index("、")]
    '烟气治理'
    """
    start = end
    stop = ""
    toks = list(lex.tokenizer.cut(text[lo:end], HMM=True))
    for i, tok in enumerate(reversed(toks)):
        if i == 0 and len(toks) > 1 and _is_boundary(lex, tok) and len(toks[-2]) >= 2 \
                and not _is_boundary(lex, toks[-2]) and not _COUNT.match(toks[-2]):
            start -= len(tok)
            continue
        if (_is_boundary(lex, tok) or _COUNT.match(tok)) and not _glued_conjunction(tok, start - len(tok) - lo):
            stop = tok
            break
        start -= len(tok)
    return _name_start(lex, text, start, end, stop)


def _glued_conjunction(tok: str, before: int) -> bool:
    """A conjunction with one character before it in the item (盛|和|锆钛 at a clause's start): no item of one
    character stands before a conjunction, so it is a word of the name (盛和锆钛).

    >>> lex = load_lexicon()
    >>> s = "盛和锆钛、国源稀土"
    >>> s[_first_item_start(s, 0, s.index("、"), lex):s.index("、")]
    '盛和锆钛'
    >>> s = "钢铁和锆钛、稀土"
    >>> s[_first_item_start(s, 0, s.index("、"), lex):s.index("、")]
    '锆钛'
    """
    return tok in ("和", "与", "及", "同") and before == 1
