"""Parks and zones: a name ending in a park head noun (产业园, 开发区, 高新区, 园区 …).

A Park is a named industrial, agricultural, logistics or tourism park, zone or
development area. What makes a name one, in one place:

- it ends in a head of ``park_heads.txt`` (产业园, 经开区, 园区 …);
- leading verbs and prepositions the shared boundary words miss are trimmed
  (发挥南王庄园区 -> 南王庄园区; data ``park_lead_words.txt``), and so is a
  count ("崆峒2个现代农业产业园" names no single park);
- its body (the part before the head) is not made only of generic words, ranks
  and kinds of park (省级, 一流, 五星级, 零碳, 飞地; data ``park_generic.txt``);
- with the bare head 园区 the body needs more than one common word
  (教育园区, 农业园区 are kinds; 南王庄园区, 特色林木园区 are names);
- a body ending in a verb or adverb is a clause, not a name (研究制定开发区,
  产业进园区, 高标准建设园区); sector activities (制造, 种植) are not verbs here;
- a province's full name in front is where the park lies, not its name
  (浙江省|杭州高新区);
- a name with a predicate between two heads keeps only its first part
  (衡水高新区晋升国家级高新区 -> 衡水高新区), and a name cut from a number
  (2.0版零碳园区) or followed by 段 (a road section: 开发区段) is no name;
- a designation (示范区, 示范基地) with a rank in front is a title a place was
  given (国家全域旅游示范区), not a named park.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govkg.extractors.base import Context
from govkg.extractors.gazetteer import Gazetteer, gazetteer, province_forms, short_form
from govkg.extractors.names import head_regex, honour_title, is_generic, literal_alternation, words
from govkg.extractors.phrase import (COMMON_WORD_FREQ, CONJUNCTIONS, NUMERAL_VALUE, STOP_CHARS, Lexicon, count_value,
                                     counted_items, enumeration_items, headed_names, left_edge, lexicon)
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention

_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十百两几多]+)[个家批座]")
_COUNTED = re.compile(_COUNT.pattern + "$")
_COUNT_END = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)[个家批座大]$")
_PHASE = re.compile(r"[一二三四五六七八九十]期")
_RANK = re.compile(r"^(?:[省市县区]|国家)?(?:[\dA-Za-zＡ-Ｚ一二三四五]+[星AＡ]级)")
_SIZE = re.compile(r"[\d十百千万]+亿元?级?")  # 千亿元, 百亿级: the size of a park, not its name
_BARE_HEADS = ("园区",)
# heads of designations that a ranked body makes a title, not a place (国家全域旅游示范区, 省级慢性病综合防控示范区)
_TITLE_HEADS = ("示范区", "示范基地")
# heads that any town has a kind of (文旅街区, 科创孵化器): the body must hold a rare word, a name (天美艺术街区)
_NAMED_HEADS = ("街区", "孵化器", "创新区", "科技城", "科学城", "双创基地", "创业基地", "示范基地", "旅游区")
_RANK_FIRST = re.compile(r"(?:国家级|自治区级|省级|市级|县级|区级)")
_KIND_ADJECTIVE = re.compile(r"(?:[\u4e00-\u9fff]{1,3}[性型式]|现代化|国际化)+")  # 综合性现代化园区, 功能型开发区, 开放式现代化开发区: a kind
_NAME_TAGS = frozenset({"nr", "ns"})  # jieba's tags of person and place names
_RANKED = re.compile(r"^(?:国家级?|全国|[省市县区]级?|自治区级?)")
# jieba tags of a word that makes a body a clause when it ends it (adverbs, idioms, particles; not
# verbs, which jieba gives to many name parts: 韵|达, 智慧创新)
_CLAUSE_TAGS = frozenset("vd ad i l uv ul uz p c".split())
_PREDICATE = re.compile("(?:晋升|争列|争创|获批|获评|创建|成为|列入|入选|被评为|跻身|整建制|并入|划归|紧邻|毗邻|邻近)为?|(?:升级|升格|划改|改|更名)为"
                        "|属于?")


def extract_parks(ctx: Context) -> Iterator[Mention]:
    """Every named park in ``ctx``'s sentences.

    >>> from govkg.extractors.base import Context, Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> doc = make_document("发挥南王庄园区示范带动作用，建设教育园区。", path="x", doc_id="x", folder=ScriptFolder())
    >>> [m.label for m in extract_parks(Context(doc=doc, sentences=sentences_of(doc), resources=Resources()))]
    ['南王庄园区']
    """
    heads = head_regex("park_heads.txt")
    lex = lexicon(ctx)
    lead = ctx.resources.get("park.lead", lambda: frozenset(words("park_lead_words.txt")))
    yield from _counted_list(ctx, lex)
    yield from _all_parks(ctx, lex)
    for span in headed_names(ctx, heads, bracketed=True, governed=True):
        if _fragment(ctx, span.sentence, span.start, span.end):
            continue
        cut = _trim(lex, lead, span.text)
        if _COUNTED.search(ctx.doc.text[max(0, span.start - 4):span.start] + span.text[:cut]):
            continue  # 推进四个新型建材产业园区建设: a number of a kind of park
        cut = _past_rank(ctx, heads, span.text, cut)
        name = _before_predicate(heads, span.text[cut:])
        after = cut + len(name)  # 原嘉祥经济开发区整建制划改为|济宁经开区: the park the predicate names is one too
        while predicate := _PREDICATE.match(span.text, after):
            after = predicate.end()
        parts = [(cut + at + shared, part[shared:]) for at, part in _nested(heads, lex, name)
                 for shared in [_shared_head(ctx, heads, part)]]
        for start, text in (*parts, (after, span.text[after:] if after > cut + len(name) else "")):
            found = _named_park(ctx, heads, lead, text)
            if found:
                at, label, length = found
                yield Mention(EntityRef("Park", label), label, span.start + start + at,
                              span.start + start + at + length, span.sentence, "park.head")


def _shared_head(ctx: Context, heads: re.Pattern[str], name: str) -> int:
    """Where the last of two parks sharing one head starts in ``name`` (和发及|楠梓产业园区: 楠梓, a place's name
    or a rare word, is a park's, the head both parks'), else 0; 汽车零部件及装备制造产业园 is one park of two sectors.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> heads = head_regex("park_heads.txt")
    >>> [_shared_head(C, heads, n) for n in ("和发及楠梓产业园区", "汽车零部件及装备制造产业园", "楠梓产业园区")]
    [3, 0, 0]
    """
    head = _last_head(heads, name)
    m = _SHARED.search(name[:head.start()]) if head is not None else None
    words = lexicon(ctx).tokenizer.cut_around(name, m.start(1), m.end(1)) if m else []
    if m is None or any(at + len(w) > m.end(1) for at, w in words):
        return 0  # no conjunction, or one inside a word that goes on (涿州义和庄|空港产业基地: 义和庄 is a place)
    return m.start(2) if gazetteer(ctx.resources).names_place(m.group(2)) or _has_rare_word(ctx, m.group(2)) else 0


_SHARED = re.compile(r"([及和与])([\u4e00-\u9fff]{2,3})$")
"""The conjunction and the short name of the last of two parks that share a head."""


_LIST_OF_PARKS = re.compile(r"(?:([两二三四五六七八九十])个(工业园区|产业园区|工业园|产业园|工业集中区|经济开发区|开发区|园区)"
                            r"|等(工业园区|产业园区|工业园|产业园|工业集中区))")


def _counted_list(ctx: Context, lex: Lexicon) -> Iterator[Mention]:
    """Parks listed by their short names before the count of them and their kind, the count matching the list
    (提升下营、柳疃、龙池三个工业园: 下营工业园 …), or before 等 and a kind of industrial park (孔垄纺织、杉木陶瓷、
    独山页岩等工业集中区). The mention is the short name; the label adds the kind.
    """
    for sent in ctx.sentences:
        for m in _LIST_OF_PARKS.finditer(sent.text):
            items = enumeration_items(sent.text, m.start(), lex)
            counted, kind = m.group(1), m.group(2) or m.group(3)
            if len(items) != NUMERAL_VALUE[counted] if counted else len(items) < 2:
                continue
            names = [sent.text[a:b] for a, b in items]
            common = sum(_common_words_only(lex, n) for n in names)
            # places' names, not sectors (休闲食品、生物医药、智能制造三个产业园: parks of a kind); after 等, most of
            # them (杉木陶瓷 beside 孔垄纺织、独山页岩: a town's name the dictionary knows as a word)
            if (common if counted else 2 * common >= len(names)) or not all(
                    2 <= len(n) <= 4 and not is_generic(ctx, n) and not _COUNT.search(n) and n not in _activities(ctx)
                    for n in names):
                continue
            for (a, b), name in zip(items, names):
                label = normalise_label(name + kind)
                yield Mention(EntityRef("Park", label), label, sent.start + a, sent.start + b, sent.index,
                              "park.counted_list")


_ALL_PARKS = re.compile(r"等([2-9两二三四五六七八九十])[大个](?:园区|产业园区|工业园区)")


def _all_parks(ctx: Context, lex: Lexicon) -> Iterator[Mention]:
    """Every item of a list of parks named in full and closed by their count (明确海南老城经济开发区、海南生态科技新城、
    金马现代物流中心、福山咖啡文化风情小镇和琼台全面战略合作示范基地等5大园区), whatever each is called: the count
    says all are parks. Items of four characters or more, none a generic word."""
    for sent in ctx.sentences:
        for m in _ALL_PARKS.finditer(sent.text):
            count = count_value(m.group(1))
            items = counted_items(sent.text, enumeration_items(sent.text, m.start(), lex, max_len=30), count)
            names = [sent.text[a:b] for a, b in items]  # …小镇和琼台…示范基地: the last two, as the count says
            if len(items) != count or not all(len(n) >= 4 and not is_generic(ctx, n) for n in names):
                continue
            for (a, b), name in zip(items, names):
                label = normalise_label(name)
                yield Mention(EntityRef("Park", label), label, sent.start + a, sent.start + b, sent.index,
                              "park.counted_list")


# the long and short forms of a zone's kind, as reports write them for one zone
_ZONE_FORMS = ((re.compile(r"(?:经济技术开发区|经济开发区)$"), "经开区"),
               (re.compile(r"(?:高新技术产业开发区|高新技术开发区|高新技术产业园区)$"), "高新区"),
               (re.compile(r"综合保税区$"), "综保区"))


def same_park_key(ctx: Context, label: str) -> str:
    """What two names of one park have in common: the short form of its kind and of a division's full name in
    front (吉林市经济技术开发区 and 吉林经开区 are one zone; 漳州高新区 and 漳州高新技术产业开发区 too).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> same_park_key(C, "吉林市经济技术开发区") == same_park_key(C, "吉林经开区"), same_park_key(C, "吉林经开区")
    (True, '吉林经开区')
    """
    for form, short in _ZONE_FORMS:
        label = form.sub(short, label)
    n = gazetteer(ctx.resources).division_prefix(label[:-3])  # a zone's kind is three characters at least
    return (short_form(label[:n]) or label[:n]) + label[n:] if n else label


def _past_rank(ctx: Context, heads: re.Pattern[str], text: str, cut: int) -> int:
    """``cut`` moved past a rank the park was given (省级|满城草莓现代农业园区) when the rest is named by a rare
    word or a place and is no title (省级慢性病综合防控示范区 is one; 国家级智慧化工园区 names a kind)."""
    rank = _RANK_FIRST.match(text, cut)
    head = _last_head(heads, text[rank.end():]) if rank else None
    if head is None or head.start() < 2 or head.group() in _TITLE_HEADS:
        return cut
    return rank.end() if _has_rare_word(ctx, text[rank.end():rank.end() + head.start()]) else cut


def _named_park(ctx: Context, heads: re.Pattern[str], lead: frozenset[str], name: str) -> tuple[int, str, int] | None:
    """(offset, label, length) of the park ``name`` names, or None when it names none."""
    province = next((p for p in _provinces(ctx) if name.startswith(p)), "")
    rest = _last_head(heads, name[len(province):]) if province else None
    at = 0
    if rest is not None and rest.start() >= 2:
        at, name = len(province), name[len(province):]  # 浙江省|杭州高新区: the park is named in its province
    city = _city_before_county(gazetteer(ctx.resources), name)
    if city and _last_head(heads, name[city:]) is not None:
        at, name = at + city, name[city:]  # 汕尾市|海丰县产业转移工业园: named in its county, which lies in the city
    if _formerly(ctx, name):
        at, name = at + 1, name[1:]  # 原|嘉祥经济开发区: the park's name before it was renamed
    head = _last_head(heads, name)
    if head is None:
        return None
    body = name[: head.start()]
    if body in _province_words(ctx):
        return None  # 山西省开发区, 河南省经济开发区: a province's zones, a kind
    if not is_park_body(ctx, body, head.group()) or _ends_in_verb(ctx, body, lead) or _only_a_verb(ctx, body) \
            or _COUNT_END.search(body):
        return None  # …, or the parks of a list counted (和发、楠梓、仁武一期及白埔5大|产业园区)
    if head.group() in _NAMED_HEADS and not _has_rare_word(ctx, body):
        return None
    if head.group() in _BARE_HEADS and _verb_last(ctx, body):
        return None  # 贫困人口入住|园区, 一排排驻守|园区: the common noun after a clause's verb
    if head.group() in _TITLE_HEADS and (_RANKED.match(body) or re.search("[和与及]", body)):
        return None
    return at, normalise_label(name), len(name)


def _city_before_county(gaz: Gazetteer, name: str) -> int:
    """Length of the full name of a division that ``name`` opens with when the full name of a division under it
    follows (汕尾市|海丰县…, 3), else 0.

    >>> from govkg.extractors.base import Resources
    >>> gaz = gazetteer(Resources())
    >>> [_city_before_county(gaz, n) for n in ("汕尾市海丰县产业转移工业园", "海丰县产业转移工业园", "汕尾市产业园")]
    [3, 0, 0]
    """
    n = gaz.division_prefix(name)
    m = gaz.division_prefix(name[n:]) if n else 0
    if not m:
        return 0
    inner = gaz.by_name[name[n:n + m]]
    return n if any(gaz.is_ancestor(a, c) for a in gaz.by_name[name[:n]] for c in inner) else 0


def _formerly(ctx: Context, name: str) -> bool:
    """Whether ``name`` opens with 原 (formerly) before a division's name (原嘉祥经济开发区, 原济宁市生物产业园), not
    as the first character of one (原平经济开发区: 原平 is a city).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_formerly(C, n) for n in ("原嘉祥经济开发区", "原济宁市生物产业园", "原平经济开发区", "原料产业园")]
    [True, True, False, False]
    """
    if not name.startswith("原"):
        return False
    is_division = gazetteer(ctx.resources).names_division
    return not any(is_division(name[:n]) for n in (2, 3)) and any(is_division(name[1:1 + n]) for n in (2, 3, 4))


def _provinces(ctx: Context) -> tuple[str, ...]:
    """Full names of the provinces and autonomous regions (浙江省, 广西壮族自治区), longest first."""
    return ctx.resources.get("park.provinces", lambda: tuple(
        n for n in gazetteer(ctx.resources).province_names() if n.endswith(("省", "自治区"))))


def _common_words_only(lex: Lexicon, name: str) -> bool:
    """``name`` is made of common words of two characters or more (休闲|食品; not 柳|疃, 下营)."""
    return all(len(w) > 1 and lex.tokenizer.FREQ.get(w, 0) >= COMMON_WORD_FREQ for w in lex.tokenizer.cut(name))


def _province_words(ctx: Context) -> frozenset[str]:
    """Full names and short forms of the provinces (山西省, 山西)."""
    return ctx.resources.get("park.province_words", lambda: frozenset(province_forms(ctx.resources)))


def _has_rare_word(ctx: Context, body: str) -> bool:
    """``body`` holds a word jieba's dictionary counts rarely (a place or brand name: 天美, 湘江; not 文旅, 老旧),
    a division's name or short form but a direction (张家界, 沈阳; not 南部), or a person's or place's name jieba counts less than a common word's
    tenfold (李时珍, 中关村; jieba also tags 城市, 文明, 玉米 so, but counts them often)."""
    lex, gaz, generic = lexicon(ctx), gazetteer(ctx.resources), _generic_regex(ctx)
    for w, tag in lex.tokenizer.tags(body, HMM=False):
        if generic.fullmatch(w):
            continue
        freq = lex.tokenizer.FREQ.get(w) or 0
        if freq < COMMON_WORD_FREQ or (tag != "f" and gaz.names_division(w)) \
                or (len(w) >= 2 and tag in _NAME_TAGS and freq < 10 * COMMON_WORD_FREQ):
            return True
    return False


def _last_head(heads: re.Pattern[str], name: str) -> re.Match[str] | None:
    """The head match that ends ``name`` (None when the name does not end in a head)."""
    last = None
    for m in heads.finditer(name):
        last = m
    return last if last is not None and last.end() == len(name) else heads.search(name)


def _before_predicate(heads: re.Pattern[str], name: str) -> str:
    """``name`` up to its first head when a predicate follows that head (衡水高新区晋升国家级高新区 -> 衡水高新区), or
    园区 again (轮台工业园区园区…: the common word of the park after its name).

    >>> from govkg.extractors.names import head_regex
    >>> _before_predicate(head_regex("park_heads.txt"), "衡水高新区晋升国家级高新区")
    '衡水高新区'
    >>> _before_predicate(head_regex("park_heads.txt"), "轮台工业园区园区")
    '轮台工业园区'
    """
    for m in heads.finditer(name):
        if m.end() < len(name) and _PREDICATE.match(name, m.end()):
            return name[:m.end()]
        if name.endswith("园区", 0, m.end()) and name[m.end():] == "园区":
            return name[:m.end()]  # 轮台工业园区|园区产业聚集优势: the common word of it after its name
    return name


_PART_OF_ZONE = re.compile(r"[东西南北中][区部片园]|核心区|起步区|拓展区|[一二三四五六七八九十]期")
"""What opens a part of the zone before it, not a park of its own (北湖科学城|东区创新区)."""


def _nested(heads: re.Pattern[str], lex: Lexicon, name: str) -> list[tuple[int, str]]:
    """``name`` as the zone and the park inside it when it names both, one after the other, each with its own
    head (准格尔经济开发区|伊东循环经济产业基地, 经济开发区|家居产业园: the zone's part is judged on its own, and a
    bare 经济开发区 names none), or as two parks joined by 和 (…电池产业园和|京车轨道装备产业园); else ``name`` alone
    (北湖科学城东区创新区: the east part of the zone; 岳阳绿色化工高新区综合竞争力居中部化工园区: a clause follows the
    park, the second head is no name's). (offset, text) pairs.

    >>> from govkg.extractors.names import head_regex
    >>> from govkg.extractors.phrase import load_lexicon
    >>> heads, lex = head_regex("park_heads.txt"), load_lexicon()
    >>> _nested(heads, lex, "准格尔经济开发区伊东循环经济产业基地"), _nested(heads, lex, "银岭产业园")
    ([(0, '准格尔经济开发区'), (8, '伊东循环经济产业基地')], [(0, '银岭产业园')])
    >>> _nested(heads, lex, "风帆产业园和京车轨道装备产业园")
    [(0, '风帆产业园'), (6, '京车轨道装备产业园')]
    >>> _nested(heads, lex, "仁武产业园区二期及白埔产业园区")
    [(0, '仁武产业园区二期'), (9, '白埔产业园区')]
    """
    for m in heads.finditer(name):
        phase = _PHASE.match(name, m.end())
        end = phase.end() if phase else m.end()  # 仁武产业园区二期|及|白埔产业园区: the first park's phase
        joined = next((c for c in CONJUNCTIONS if name.startswith(c, end)), "")
        if phase and not joined:
            continue
        at = end + len(joined)
        rest = name[at:]
        last = _last_head(heads, rest) if len(rest) >= 4 else None
        if last is not None and last.end() == len(rest) and last.start() >= 2 and not _PART_OF_ZONE.match(rest):
            words = lex.tokenizer.tags(rest[:last.start()])
            if left_edge(rest, last.start(), lex) > 0 or any(tag == "v" for _, tag in words[:-1]):
                return [(0, name[:end])]  # the rest is a clause about the park before it (…居中部…)
            return [(0, name[:end]), (at, rest)]
    return [(0, name)]


def _fragment(ctx: Context, index: int, start: int, end: int) -> bool:
    """The name is cut from a number (2.0版零碳园区) or after a particle, is the start of a road section (开发区段) or of 带动 (产业带|动力),
    or is counted right after it (标准果园3个, 零碳园区3家): a kind of park, not one; or it is a title the place was
    awarded (“东北亚建筑陶瓷产业基地”等荣誉称号)."""
    text = ctx.doc.text
    if text[start] in "地的得" and start > 0 and text[start - 1] not in STOP_CHARS:
        return True  # cut after a particle inside a word: 苏州等|地先进园区, 坚定不移|地走园区
    return bool(re.search(r"\d[.．]$", text[max(0, start - 2):start]) or re.match(r"[\d.．]+版", text[start:end])
                or text[end:end + 1] == "段"
                or (text[end - 1:end + 1] == "带动")
                or (_counted_here(text, end) and not _counts_its_list(ctx, index, end))
                or honour_title(ctx.doc.norm, end))


def _counted_here(text: str, end: int) -> bool:
    """True when a count of the park's kind follows its name (标准果园3个, 零碳园区3家), not one of what it holds
    (金川科技园|6家企业)."""
    m = _COUNT.match(text, end)
    after = text[m.end():m.end() + 2] if m else ""
    return m is not None and (not ("\u4e00" <= after[:1] <= "\u9fff") or after in ("以上", "左右"))


def _counts_its_list(ctx: Context, index: int, end: int) -> bool:
    """True when the count right after a park's name is that of the 、-list the name closes (电子信息产业园、智能装备
    制造产业园、龙门工业新区|三个产业承接平台): three parks, not a kind of park counted."""
    sent = ctx.sentences[index]
    m = re.match(r"([一二三四五六七八九十两])个", sent.text[end - sent.start:])
    items = enumeration_items(sent.text, end - sent.start, lexicon(ctx)) if m else []
    return m is not None and len(items) == NUMERAL_VALUE[m.group(1)]


_MOVE_VERBS = frozenset("建走抓进入搞办招引")
"""One-character verbs that take a park as their object (建园区, 进园区, 抓园区)."""


def _ends_in_verb(ctx: Context, body: str, lead: frozenset[str]) -> bool:
    """True when the last word of ``body`` is a governing verb or an adverb (研究制定, 高标准建设, 坚定不移地走), or
    a verb of one character after other words (荒山上建)."""
    lex = lexicon(ctx)
    toks = lex.tokenizer.tags(body)
    if not toks:
        return False
    word, tag = toks[-1]
    if word in _activities(ctx):
        return False
    return word in lead or (len(word) >= 2 and word in lex.boundary) or tag in _CLAUSE_TAGS \
        or (word in _MOVE_VERBS and len(toks) > 1)  # 荒山上|建|园区, 散户|走|园区: builds or enters parks, names none


def _verb_last(ctx: Context, body: str) -> bool:
    """Whether the last word of ``body`` is a verb of two characters or more, and no sector's activity (入住, 驻守;
    not 种植, 加工)."""
    toks = lexicon(ctx).tokenizer.tags(body)
    return bool(toks) and toks[-1][1] == "v" and len(toks[-1][0]) >= 2 and toks[-1][0] not in _activities(ctx)


def _only_a_verb(ctx: Context, body: str) -> bool:
    """True when ``body`` is a common verb, or a modifier and one, a clause and not a name (理顺|开发区权责,
    新|改建|园区路网), unless the verb is a sector's activity (种植基地); a rare word (a place, a brand) makes it a
    name, and so does a longer body (高铁东站|智慧|创新|产业园: jieba tags 创新 a verb).

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_only_a_verb(C, b) for b in ("理顺", "新改建", "物流", "种植", "韵达", "临港", "长株潭国家自主创新", "保定")]
    [True, True, False, False, False, False, False, False]
    """
    lex = lexicon(ctx)
    toks = lex.tokenizer.tags(body)
    if any(gazetteer(ctx.resources).names_division(w) for w, _ in toks):
        return False  # jieba tags 保定 a verb
    return (0 < len(toks) <= 2 and toks[-1][1] == "v" and len(toks[-1][0]) >= 2 and toks[-1][0] not in _activities(ctx)
            and all(tag in ("a", "d", "ad") if len(w) == 1 else lex.tokenizer.FREQ.get(w, 0) >= COMMON_WORD_FREQ
                    for w, tag in toks))


def _activities(ctx: Context) -> frozenset[str]:
    """Sector activities and sector terms that jieba tags as verbs or set phrases but that end park names
    (制造园, 种植基地, 无人机产业园)."""
    return ctx.resources.get("park.activities", lambda: frozenset(
        words("industry_activities.txt") + words("industry_terms.txt")))


def _trim(lex: Lexicon, lead: frozenset[str], text: str) -> int:
    """Characters to drop from the left of ``text``: leading verbs, everything up to a count, a leading size.

    >>> from govkg.extractors.phrase import load_lexicon
    >>> _trim(load_lexicon(), frozenset({"对", "发挥"}), "对立中百亿工业园")
    1
    >>> _trim(load_lexicon(), frozenset(), "百亿元级立中工业园")
    4
    >>> _trim(load_lexicon(), frozenset({"走进"}), "记者走进云岭科技园")
    4
    >>> [_trim(load_lexicon(), frozenset(), t) for t in ("中国技术交易所怀柔科学城", "中心城区主题园区", "红山中心商贸集聚区",
    ...                                                  "省重大项目吴江纺织循环经济产业园")]
    [7, 0, 0, 5]
    """
    cut = 0
    counted = None
    for counted in _COUNT.finditer(text):
        pass
    if counted is not None:
        cut = counted.end()
    size = _SIZE.match(text, cut)
    if size:
        cut = size.end()
    while True:  # by string prefix, not by jieba word: "对立中百亿工业园" is 对 + 立中…
        word = next((w for w in sorted(lead, key=lambda w: (-len(w), w)) if text.startswith(w, cut)), None)
        if word is None or len(text) - cut - len(word) < 2:
            break
        cut += len(word)
    pos, before = cut, ""  # a governing verb of two or more characters inside (记者走进|云岭科技企业孵化器) ends
    # the clause
    for tok, tag in lex.tokenizer.tags(text[cut:], HMM=False):
        pos += len(tok)
        if len(tok) >= 2 and len(text) - pos >= 4 and (tok in lead or (
                ((tok in _INSTITUTIONS and pos - len(tok) - cut >= 2) or tok.endswith("项目"))
                and "\u4e00" <= text[pos] <= "\u9fff"
                and not (tok == "中心" and before == "ns"))):
            cut = pos  # …保护中心|怀柔科学城分中心, 中国技术交易所|怀柔科学城…: an institution's name before it, or the
            # kind of project the park is (省重大项目|吴江纺织循环经济产业园) (not
            # 中心|城区主题园区, nor 研究院|+大学科技园, nor a place's centre: 红山中心商贸集聚区)
        before = tag
    return cut


_INSTITUTIONS = frozenset("中心 分中心 交易所 研究院 研究所 协会 学会 大学 学院 医院 委员会".split())


def _generic_regex(ctx: Context) -> re.Pattern[str]:
    """Any word of ``park_generic.txt``, a rank (五星级, 4A级) or a size (千亿元, 万亿级), to be removed from a body."""
    return ctx.resources.get("park.generic", lambda: re.compile(
        literal_alternation(words("park_generic.txt"))
        + r"|[\dA-Za-zＡ-Ｚ一二三四五]+[星AＡ]级|" + _SIZE.pattern))


def is_park_body(ctx: Context, body: str, head: str) -> bool:
    """True when ``body`` + ``head`` names one park rather than a kind of park.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [is_park_body(C, b, h) for b, h in [("川南新材料化工", "园区"), ("省三星级现代农业", "园区"),
    ...                                     ("教育", "园区"), ("零碳", "产业园区"), ("韵达", "产业园"), ("综合性", "园区")]]
    [True, False, False, False, True, False]
    """
    if len(body) < 2 or is_generic(ctx, body) or _RANK.match(body) or _KIND_ADJECTIVE.fullmatch(body):
        return False
    rest = _generic_regex(ctx).sub("", body)
    if not rest or is_generic(ctx, rest):
        return False
    lex = lexicon(ctx)
    toks = list(lex.tokenizer.cut(rest, HMM=False))
    if head in _BARE_HEADS and len(toks) < 2:
        return len(rest) == 1 or lex.tokenizer.FREQ.get(rest, 0) < COMMON_WORD_FREQ
    return True
