"""Regions: administrative divisions named in a document, with their hierarchy.

Three rules, each keeping its character offsets:

* ``region.gazetteer`` — full names from the gazetteer (四川省, 沿滩区), an
  ambiguous one (朝阳区) resolved by a parent named just before it, else by the
  document's own region, else left out;
* ``region.short`` — short forms (沿滩 for 沿滩区) of the document's region and
  its family (parents, children, siblings) or of regions named in full, and a
  parent short form followed by a child's (重庆长寿);
* ``region.town_pattern`` — towns, townships, streets, villages and communities
  by pattern (永安镇, 交口乡自强村), inside the county named before them or the
  document's county.

Every region is tied to its parent by ``locatedIn`` up to its province; a parent
the text never names is declared by a mention without offsets (``start == end
== -1``, ``sentence == -1``, rule ``region.parent``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from govkg.extractors.base import CLAUSE, Context, Resources, data_lines
from govkg.extractors.gazetteer import COUNTY, PREFECTURE, PROVINCE, Division, Gazetteer, gazetteer
from govkg.extractors.names import literal_alternation, official_spans
from govkg.extractors.phrase import COMMON_WORD_FREQ, NUMERAL_VALUE, cut_at_both, plain_segmenter, resources_lexicon
from govkg.model import EntityRef, Mention, Relation, Sentence
from govkg.text.clean import PORTAL_LINKS
from govkg.text.segment import Segmenter

REGION = "Region"
_LEVEL_RANK = {PROVINCE: 0, PREFECTURE: 1, COUNTY: 2, "town": 3, "village": 4}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TOWN_SUFFIX = re.compile(r"街道|社区|苏木|嘎查|镇|乡|村")
_TABLE_SUFFIXES = ("镇", "乡", "街道", "苏木")  # the levels the national town table lists
_TOWN_LEVEL = {"镇": "town", "乡": "town", "街道": "town", "苏木": "town", "村": "village", "社区": "village",
               "嘎查": "village"}
# A character right after the suffix that makes it part of another word (乡村, 镇级, 村民).
_RIGHT_DENY = {"乡": set("村镇亲贤土愁情风俗里间下野音邻民绅味宴长"), "镇": set("村级域长"),
               "村": set("级庄落容貌风干医委民务规组集社域"), "社区": set("化"), "街道": set(), "苏木": set(),
               "嘎查": set()}
# A short unpunctuated line naming another report, or a bare tag: portal links, not content.
_LINK_LINE = re.compile(r"[^，。；：、！？,;:!?]{0,40}(?:工作报告|公报|年鉴)[^，。；：、！？,;:!?]{0,12}|\S{2,8}")
_ADDRESS = ("各位代表", "各位委员")
"""How a report speaks to its congress, right after its title (2024年夏县政府工作报告 / 各位代表：), wherever the
title stands (after a table of contents, 2024年…|一、…|二、…|2024年夏县政府工作报告): no portal link."""
_TOWN_SHORT_LEFT_DENY = set("东西南北前后上下大小新老")
# a short form ending in a landform is as often the river, lake, garden or hill itself (漕河, 莲池)
_LANDFORM_END = tuple("河湖池山园江泉")
_SHORT_NAME_LEFT = set("、，,：:和与及在对至到赴向从把将为是的")
_COUNTED = re.compile(r"[0-9０-９一二两三四五六七八九十百千]+[个家](?=[，。；、,;）)]|$)")
"""A count that ends its clause right after a town's or village's suffix: the suffix closes a kind (专业村7个,
特色镇3个), not a name (梭落坪村4个组 is the village's)."""
_SHORT_NAME_RIGHT_DENY = set("域级城委政长乡镇区里内外")


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


@dataclass
class _Index:
    """Everything precomputed from the gazetteer and word lists (cached in Resources)."""

    gaz: Gazetteer
    names: dict[str, tuple[str, ...]]
    generic: frozenset[str]
    lengths: dict[str, list[int]]  # last char -> name lengths, longest first
    last_chars: re.Pattern[str]
    upper_short: re.Pattern[str]  # short forms of provinces and prefectures
    upper_short_codes: dict[str, tuple[str, ...]]
    child_short: dict[str, dict[str, str]]  # parent code -> {child short form: child code}
    short_stop: frozenset[str]
    city_short: dict[str, str]  # short form of a city unique in the country -> its code
    city_pattern: re.Pattern[str]
    county_short: dict[str, str]  # short form of a county unique in the country -> its code
    county_pattern: re.Pattern[str]
    prefixes: tuple[str, ...]
    badsub: tuple[str, ...]
    bad_any: frozenset[str]
    bad_first: frozenset[str]
    bad_last: frozenset[str]
    nations: tuple[str, ...]


def _words(name: str) -> list[str]:
    return [w for line in data_lines(name) for w in line.split()]


_CITY_WORDS = frozenset("来宾 日照 开封 阿里 白银 安康 玉树".split())
"""Cities' short forms that are everyday words too (guests, sunshine, to unseal, silver, well-being): never read
as the city on their count alone (:func:`_recurring_cities`)."""


def _topmost(gaz: Gazetteer, codes: tuple[str, ...]) -> tuple[str, ...]:
    """``codes`` without those that lie inside another of them: a city over its own district or county of the
    same short form (铁岭市, not 铁岭县; 广安市, not 广安区)."""
    return tuple(c for c in codes if not any(gaz.is_ancestor(o, c) for o in codes))


def _autonomous_forms(gaz: Gazetteer) -> Iterator[tuple[str, tuple[str, ...]]]:
    """An autonomous prefecture or county by its short form and its level's word (阿坝州 for 阿坝藏族羌族自治州,
    长阳县 for 长阳土家族自治县), as reports and news call them.

    >>> from govkg.extractors.gazetteer import gazetteer
    >>> forms = dict(_autonomous_forms(gazetteer(Resources())))
    >>> forms["阿坝州"], forms["长阳县"]
    (('513200',), ('420528',))
    """
    from govkg.extractors.gazetteer import short_form

    for name, codes in gaz.by_name.items():
        for kind, word in (("自治州", "州"), ("自治县", "县")):
            if name.endswith(kind) and len(codes) == 1:
                short = short_form(name)
                if short and short != name:
                    yield short + word, codes


def _former_county_forms(gaz: Gazetteer) -> Iterator[tuple[str, tuple[str, ...]]]:
    """A county made a district or a city (撤县设区, 撤县设市) by its short form and 县, as texts from before the
    change call it (望城县 for 望城区, 江都县 for 江都区). Only a short form that names no other division in the
    country (not 河北 of 天津's 河北区: 河北|县域 is the province's) and no form that is a division's name.

    >>> from govkg.extractors.gazetteer import gazetteer
    >>> forms = dict(_former_county_forms(gazetteer(Resources())))
    >>> forms["望城县"], "荣县" in forms
    (('430112',), False)
    """
    from govkg.extractors.gazetteer import short_form

    found: dict[str, list[str]] = {}
    for name, codes in gaz.by_name.items():
        if name[-1] in "区市" and len(codes) == 1 and gaz.get(codes[0]).level == COUNTY:
            short = short_form(name)
            if short and len(short) >= 2 and short != name and gaz.by_short.get(short) == codes and "族" not in name:
                found.setdefault(short + "县", []).append(codes[0])
    yield from _unshared(gaz, found)


_BANNER = re.compile(r"^(.{2,3}?)(?:([左右])翼([前中后])|([左右前中后]))旗$")


def _banner_forms(gaz: Gazetteer) -> Iterator[tuple[str, tuple[str, ...]]]:
    """A banner by the first character of its people's or mountain's name, its wing and its place (科右中旗 for
    科尔沁右翼中旗, 土右旗 for 土默特右旗, 鄂前旗 for 鄂托克前旗), as Inner Mongolia's reports and news call them;
    a form two banners would share is left out.

    >>> from govkg.extractors.gazetteer import gazetteer
    >>> forms = dict(_banner_forms(gazetteer(Resources())))
    >>> forms["科右中旗"], forms["土右旗"], forms["鄂前旗"]
    (('152222',), ('150221',), ('150623',))
    """
    found: dict[str, list[str]] = {}
    for name, codes in gaz.by_name.items():
        m = _BANNER.match(name)
        if m and len(codes) == 1:
            found.setdefault(m.group(1)[0] + "".join(g for g in m.groups()[1:] if g) + "旗", []).append(codes[0])
    yield from _unshared(gaz, found)


def _unshared(gaz: Gazetteer, found: dict[str, list[str]]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The forms of ``found`` (form -> codes) that one division alone takes and no division's name is."""
    for form, codes in found.items():
        if len(codes) == 1 and form not in gaz.by_name:
            yield form, tuple(codes)


def _build_index(gaz: Gazetteer) -> _Index:
    generic = frozenset(data_lines("region_generic.txt"))
    names = dict(gaz.by_name)
    forms = (*_autonomous_forms(gaz), *_banner_forms(gaz), *_former_county_forms(gaz))
    names.update((name, codes) for name, codes in forms if name not in names)
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[-1], set()).add(len(name))
    upper = {}
    for short, codes in gaz.by_short.items():
        top = _topmost(gaz, codes)
        if all(gaz.get(x).level in (PROVINCE, PREFECTURE) for x in top):
            upper[short] = top
    child_short: dict[str, dict[str, str]] = {}
    by_province: dict[str, dict[str, set[str]]] = {}  # a county's short form under its province (云南嵩明, 浙江安吉)
    for short, codes in gaz.by_short.items():
        for code in codes:
            parent = gaz.get(code).parent
            if parent:
                child_short.setdefault(parent, {})[short] = code
                grand = gaz.get(parent).parent
                if grand and gaz.get(grand).level == PROVINCE and gaz.get(code).level == COUNTY:
                    by_province.setdefault(grand, {}).setdefault(short, set()).add(code)
    for province, shorts in by_province.items():
        kids = child_short.setdefault(province, {})
        for short, codes in shorts.items():
            if len(codes) == 1 and short not in kids:  # one county of that short form in the province
                kids[short] = next(iter(codes))
    badchar = data_lines("region_town_badchar.txt")
    from govkg.extractors.gazetteer import _nations  # the ethnic names the gazetteer strips

    short_stop = frozenset(_words("region_short_stop.txt"))
    city_short = {short: top[0] for short, top in upper.items()
                  if len(top) == 1 and gaz.get(top[0]).level == PREFECTURE and short not in short_stop | _CITY_WORDS}
    county_short = {short: codes[0] for short, codes in gaz.by_short.items()
                    if len(codes) == 1 and len(short) >= 2 and gaz.get(codes[0]).level == COUNTY
                    and short not in short_stop and short not in upper and short not in names}
    return _Index(
        gaz=gaz, names=names, generic=generic,
        lengths={k: sorted(v, reverse=True) for k, v in lengths.items()},
        last_chars=re.compile("[" + re.escape("".join(sorted(lengths))) + "]"),
        upper_short=re.compile(literal_alternation(upper)),
        upper_short_codes=upper, child_short=child_short,
        short_stop=short_stop, city_short=city_short, city_pattern=re.compile(literal_alternation(city_short)),
        county_short=county_short, county_pattern=re.compile(literal_alternation(county_short)),
        prefixes=tuple(sorted(set(_words("region_town_prefix.txt")))),
        badsub=tuple(_words("region_town_badsub.txt")),
        bad_any=frozenset(badchar[0].split()), bad_first=frozenset(badchar[1].split()),
        bad_last=frozenset(badchar[2].split()), nations=_nations(),
    )


def region_index(resources: Resources) -> _Index:
    """The region matcher's tables, built once per process."""
    return resources.get("region.index", lambda: _build_index(gazetteer(resources)))


_BAD_TAGS = frozenset({"a", "ad", "an", "v", "vd", "vn", "d", "c", "p", "u", "r", "m", "q"})


def _common_words(resources: Resources) -> frozenset[str]:
    """Words of jieba's dictionary tagged as verbs, adjectives, adverbs or function words (not names)."""

    def make() -> frozenset[str]:
        from govkg.text.dictionary import default_dictionary

        return frozenset(w for w in default_dictionary().tagged(*sorted(_BAD_TAGS)) if 2 <= len(w) <= 4)

    return resources.get("region.common_words", make)


@dataclass
class _Hit:
    """One region occurrence in a sentence (offsets into the sentence text)."""

    start: int
    end: int
    rule: str
    codes: tuple[str, ...] = ()
    code: str | None = None  # resolved gazetteer code
    name: str = ""  # full name of a town/village
    level: str = ""
    parent: _Hit | None = None  # adjacent parent hit
    key: str = ""


@dataclass
class _Sent:
    index: int
    offset: int
    text: str
    hits: list[_Hit] = field(default_factory=list)


def _full_hits(idx: _Index, text: str) -> list[_Hit]:
    """Gazetteer full names in ``text``: longest per end, then non-overlapping."""
    raw: list[_Hit] = []
    for m in idx.last_chars.finditer(text):
        end = m.end()
        for length in idx.lengths[m.group()]:
            start = end - length
            if start < 0:
                continue
            name = text[start:end]
            if name in idx.names:
                raw.append(_Hit(start, end, "region.gazetteer", idx.names[name]))
                break
    out: list[_Hit] = []
    for hit in raw:
        if out and hit.start < out[-1].end:
            if hit.end - hit.start > out[-1].end - out[-1].start:
                out[-1] = hit
            continue
        out.append(hit)
    kept: list[_Hit] = []
    for hit in out:
        name = text[hit.start:hit.end]
        adjacent = bool(kept) and kept[-1].end == hit.start
        if name in idx.generic and not adjacent:
            continue
        if len(name) == 2:
            left_ok = hit.start == 0 or not (_is_han(text[hit.start - 1]) or text[hit.start - 1].isdigit()) \
                or adjacent or text[hit.start - 1] in _SHORT_NAME_LEFT or _under_short(idx, text, hit) \
                or _after_year(text, hit.start)
            right_ok = hit.end >= len(text) or text[hit.end] not in _SHORT_NAME_RIGHT_DENY \
                or text.startswith("政府", hit.end)
            if not (left_ok and right_ok):
                continue
        kept.append(hit)
    return kept


def _municipalities(resources: Resources) -> list[str]:
    """The codes of the provinces that are cities (北京市, 天津市, 上海市, 重庆市), from the gazetteer, read once: their
    short forms name them wherever they stand as places, named in full or not."""
    def build() -> list[str]:
        gaz = gazetteer(resources)
        return sorted(code for code, div in gaz.divisions.items() if div.level == PROVINCE and div.name.endswith("市"))
    return resources.get("region.municipalities", build)


def _link_line(sentences: Sequence[Sentence], i: int) -> bool:
    """Whether sentence ``i`` reads as a portal's link (首页, 兰西新闻, 2024年夏县政府工作报告)."""
    return 0 <= i < len(sentences) and bool(_LINK_LINE.fullmatch(sentences[i].text))


def _subheading(sentences: Sequence[Sentence], i: int) -> bool:
    """Whether the short line ``i`` heads a section of prose, no link among links: the sentences on each side of it
    read as no link (…品牌耀星城。|长江乡双堡村|蔬果矩阵托起“菜篮标杆”)."""
    return 0 < i < len(sentences) - 1 and len(sentences[i].text) <= _SUBHEADING_CHARS \
        and not _link_line(sentences, i - 1) and not _link_line(sentences, i + 1)


_SUBHEADING_CHARS = 8
"""The longest subheading read (a longer link line is another report's title: 2024年夏县政府工作报告)."""


def _addressed(sentences: Sequence[Sentence], i: int) -> bool:
    """Whether sentence ``i`` opens by addressing the congress (各位代表：)."""
    return i < len(sentences) and sentences[i].text.startswith(_ADDRESS)


def _after_year(text: str, at: int) -> bool:
    """Whether ``at`` follows a year written in digits (2024年|夏县政府工作报告).

    >>> [_after_year(s, s.index("夏县")) for s in ("2024年夏县", "去年夏县", "一年夏县")]
    [True, False, False]
    """
    return at >= 2 and text[at - 1] == "年" and text[at - 2].isdigit()


def _under_short(idx: _Index, text: str, hit: _Hit) -> bool:
    """Whether ``hit`` follows the short form of a province or city it lies in (山东|费县, 云南|文山州).

    >>> idx = region_index(Resources())
    >>> [_under_short(idx, s, _Hit(2, 4, "region.gazetteer", idx.names["费县"])) for s in ("山东费县", "广东费县")]
    [True, False]
    """
    return any(idx.gaz.is_ancestor(p, c) for k in (3, 2) if hit.start >= k
               for p in idx.upper_short_codes.get(text[hit.start - k:hit.start], ()) for c in hit.codes)


def _resolve(gaz: Gazetteer, hits: list[_Hit], doc_chain: list[str]) -> None:
    """Pick one code per gazetteer hit: parent just before, else the document's region, else unique."""
    prev: _Hit | None = None
    for hit in hits:
        if hit.code is None and hit.codes:
            choice = None
            if prev is not None and prev.code and prev.end == hit.start:
                under = [c for c in hit.codes if gaz.is_ancestor(prev.code, c)]
                if len(under) == 1:
                    choice, hit.parent = under[0], prev
            if choice is None and len(hit.codes) > 1 and doc_chain:
                choice = _closest(gaz, hit.codes, doc_chain)
            if choice is None and len(hit.codes) == 1:
                choice = hit.codes[0]
            hit.code = choice
            if choice and hit.parent is None and prev is not None and prev.code and prev.end == hit.start \
                    and gaz.is_ancestor(prev.code, choice):
                hit.parent = prev
        prev = hit if hit.code else None


def _closest(gaz: Gazetteer, codes: Sequence[str], doc_chain: list[str]) -> str | None:
    """The candidate nearest to the document's region (sharing its deepest ancestor), if unique."""
    for anchor in doc_chain:  # the document's region first, then its parents
        found = [c for c in codes if c == anchor or gaz.is_ancestor(anchor, c)]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _head_lines(ctx: Context) -> list[tuple[int, int]]:
    """The title-like lines at the top of the document: up to 4 of the first 6 lines, each <= 80 chars and no line
    of links to other portals."""
    out = []
    for start, stop in ctx.doc.spans[:6]:
        if len(ctx.doc.norm[start:stop].strip()) <= 80 and not PORTAL_LINKS.match(ctx.doc.norm, start, stop):
            out.append((start, stop))
            if len(out) >= 4:
                break
    return out


def _pick_region(gaz: Gazetteer, found: list[tuple[int, str]], head: list[tuple[int, int]]) -> str | None:
    """The document's region from (offset, code) pairs.

    The most specific region of the first head line that names one, else the most
    frequent county, prefecture, province.
    """
    for start, stop in head:
        line = [(gaz.get(c).level, o, c) for o, c in found if start <= o < stop]
        if line:
            return min(line, key=lambda t: (-_LEVEL_RANK[t[0]], t[1]))[2]
    for level in (COUNTY, PREFECTURE, PROVINCE):
        counts = Counter(c for _, c in found if gaz.get(c).level == level)
        if counts:
            return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return None


def document_region(ctx: Context, mentions: Sequence[Mention]) -> EntityRef | None:
    """The region the document is about: the most specific one in its title, else the most frequent county.

    The title is the document's own (``标题：2024年保定市政府工作报告``, which may lie outside its content),
    else its head lines. Reads the gazetteer mentions (rules ``region.gazetteer`` and ``region.short``)
    among ``mentions``.
    """
    gaz = gazetteer(ctx.resources)
    found = [(m.start, m.ref.key) for m in mentions
             if m.type == REGION and m.rule in ("region.gazetteer", "region.short") and m.ref.key in gaz.divisions]
    code = _doc_code(region_index(ctx.resources), ctx, found, _head_lines(ctx))
    if code is None:
        return None
    town = _report_town(ctx, mentions, code)
    return town or EntityRef(REGION, code)


_TOWN_REPORT = re.compile(r"(?:人民)?政府工作报告")


def _report_town(ctx: Context, mentions: Sequence[Mention], code: str) -> EntityRef | None:
    """The town (乡, 镇, 街道) of the county ``code`` whose government's report the document is: its title names the
    town right before 政府工作报告 (2019年南渡镇政府工作报告, in a report of 溧阳市's town)."""
    title = ctx.doc.title or ""
    report = _TOWN_REPORT.search(title)
    if report is None:
        return None
    before = title[:report.start()]
    return next((m.ref for m in mentions if m.type == REGION and m.ref.key.startswith(code + "/")
                 and m.ref.key.count("/") == 1 and before.endswith(m.label)), None)


def _doc_code(idx: _Index, ctx: Context, found: list[tuple[int, str]], head: list[tuple[int, int]]) -> str | None:
    """The document's region: its title's, else the one the text names most (``found``: offsets and codes), else
    its source line's."""
    return (_title_region(idx, ctx.doc.title) or _pick_region(idx.gaz, found, head) or _source_region(idx, ctx.doc.norm)
            or _crumb_region(ctx, idx) or _dateline_region(ctx, idx) or _self_region(idx, ctx))


# a report's speaker: 我代表县人民政府 (the county's report), 我代表区政府
# who speaks for the county (or city): 我代表县人民政府; 全县上下坚持…; 全县人民; the plenary session of its own party
# committee whose spirit the report carries out (贯彻…县委十三届三次全会精神)
_SPEAKER = re.compile(r"我代表(?:[\u4e00-\u9fff]{0,8}?)([县区旗市])(?:人民)?政府|全([县区旗市])(?:上下|人民)"
                      r"|(?:(?<![\u4e00-\u9fff])|(?<=[和及与]))([县区旗市])委[一二三四五六七八九十]+届")
_SPEAKER_LOOK = 2000


def _self_region(idx: _Index, ctx: Context) -> str | None:
    """The county of a report that names itself only by its short form (我代表县人民政府…也是城固发展进程中…:
    城固县; 2022年，是泽州发展历程中极不平凡的一年。全县上下…: 泽州县; …和县委十三届三次全会精神…把漾濞打造成…:
    漾濞彝族自治县), when nothing else says: the short form of a county (a city's for 市) unique in the country and no
    common word that the text names most."""
    speaker = _SPEAKER.search(ctx.doc.norm[:_SPEAKER_LOOK])
    if speaker is None:
        return None
    levels = (COUNTY, PREFECTURE) if "市" in speaker.groups() else (COUNTY,)
    shorts, pattern = _county_shorts(ctx, idx)
    counts = Counter(shorts[m.group()] for m in pattern.finditer(ctx.doc.norm)
                     if idx.gaz.get(shorts[m.group()]).level in levels
                     and cut_at_both(ctx.resources, ctx.doc.norm, m.start(), m.end()))  # (壮大新质: no 大新)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _county_shorts(ctx: Context, idx: _Index) -> tuple[dict[str, str], re.Pattern[str]]:
    """Short form -> code of the counties and cities whose short form is theirs alone in the country, of two
    characters or more and no common word (but a place's name jieba knows well: 潼关), and the regex of those short
    forms."""
    def build() -> tuple[dict[str, str], re.Pattern[str]]:
        seg = plain_segmenter(ctx.resources)
        out = {short: codes[0] for short, codes in idx.gaz.by_short.items()
               if len(codes) == 1 and len(short) >= 2 and short not in idx.short_stop
               and (seg.FREQ.get(short, 0) < COMMON_WORD_FREQ or seg.tags(short, HMM=False)[0][1] == "ns")
               and idx.gaz.get(codes[0]).level in (COUNTY, PREFECTURE)}
        return out, re.compile(literal_alternation(out))
    return ctx.resources.get("region.county_shorts", build)


_SOURCE = re.compile(r"(?:^|\s)(?:来源|稿源|出处)\s*[:：]\s*(\S{3,30})")
_SOURCE_LOOK = 600
"""How far into a page its source line (来源：陆良县融媒体中心) is looked for."""


def _source_region(idx: _Index, text: str) -> str | None:
    """The county or city whose own media a page names as its source at the top (来源：陆良县融媒体中心, a county's
    news centre, paper or government site), when nothing else says where the page is from."""
    m = _SOURCE.search(text[:_SOURCE_LOOK])
    if m is None:
        return None
    length = idx.gaz.division_prefix(m.group(1))
    return _below_province(idx, m.group(1)[:length]) if length else None


_CRUMB = re.compile(r"[ \t]*(?:>>?|＞|»|›)[ \t]*")
_CRUMB_ITEM_END = re.compile(r"(?:新闻网|新闻|频道|网)$")


def _crumb_region(ctx: Context, idx: _Index) -> str | None:
    """The most specific county or city a portal's breadcrumb at the top of the page names (首页>地方频道>泰州>靖江:
    靖江市; 嵊州新闻网 >> 图片中心: 嵊州市), in full or by a short form that is its alone in the country, when nothing
    else says where the page is from. A province's name there says too little and is not taken.
    """
    shorts = _county_shorts(ctx, idx)[0]
    for line in ctx.doc.norm[:_SOURCE_LOOK].splitlines():
        items = _CRUMB.split(line.strip())
        if len(items) < 2:
            continue
        for item in reversed(items):
            item = _CRUMB_ITEM_END.sub("", item) or item
            upper = idx.upper_short_codes.get(item, ())
            code = (_below_province(idx, item) or shorts.get(item)
                    or (upper[0] if len(upper) == 1 and idx.gaz.get(upper[0]).level != PROVINCE else None))
            if code:
                return code
    return None


def _below_province(idx: _Index, name: str) -> str | None:
    """The code of the one division named ``name`` in full, when it is no province (a county's or city's media)."""
    codes = idx.gaz.by_name.get(name, ())
    return codes[0] if len(codes) == 1 and idx.gaz.get(codes[0]).level != PROVINCE else None


_DATELINE = re.compile(r"本报([\u4e00-\u9fff]{2,5}?)讯|(?:^|\n)\s*(?!本报)([\u4e00-\u9fff]{2,5}?)讯\s*[（(【]")


def _dateline_region(ctx: Context, idx: _Index) -> str | None:
    """The county or city a news item's dateline names (本报嘉祥讯, 嘉祥讯（记者…）), in full or by a short form that is
    its alone in the country, when nothing else says where the page is from.

    >>> from govkg.extractors.base import Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> idx = region_index(Resources())
    >>> def ctx(text):
    ...     doc = make_document(text, path="x", doc_id="x", folder=ScriptFolder())
    ...     return Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    >>> [_dateline_region(ctx(t), idx) for t in ("本报嘉祥讯(通讯员 张德峰)今年以来，", "嘉祥讯（记者 王）", "本报讯 今年以来")]
    ['370829', '370829', None]
    """
    m = _DATELINE.search(ctx.doc.norm[:_SOURCE_LOOK])
    if m is None:
        return None
    name = m.group(1) or m.group(2)
    return _below_province(idx, name) or _county_shorts(ctx, idx)[0].get(name)


def _title_region(idx: _Index, title: str | None) -> str | None:
    """The most specific region the title names in full (2024年保定市政府工作报告 -> 保定市), or else by the short
    form that opens it before a zone's head, if any."""
    if not title:
        return None
    hits = _full_hits(idx, title)
    _resolve(idx.gaz, hits, [])
    codes = [h.code for h in hits if h.code]
    if codes:
        return min(codes, key=lambda c: -_LEVEL_RANK[idx.gaz.get(c).level])
    zone = _ZONE_HEAD.search(title)  # a zone named after its county at the title's start: 威宁|经开区2016年…
    province = idx.upper_short.match(title)  # or after its province's short form: 辽宁|西丰|经济开发区
    at = province.end() if province and any(idx.gaz.get(c).level == PROVINCE
                                             for c in idx.upper_short_codes[province.group()]) else 0
    return _zone_namer(idx, title, at, zone.start()) if zone and zone.start() - at in (2, 3) else None


def _family(gaz: Gazetteer, code: str) -> list[str]:
    """The region, its parents, its children, and the children of its parents (siblings, uncles)."""
    chain = [code] + gaz.ancestors(code)
    out = list(chain) + gaz.children(code)
    for anc in chain[1:]:
        out.extend(gaz.children(anc))
    return list(dict.fromkeys(out))


CITY_RECURS = 2
"""How often a city's short form must stand as a word in a document to name the city with nothing else saying so."""
_RIVER_AFTER = re.compile(r"等?(?:流域|水系|干流|支流|沿岸|两岸|河段|江段|河道)")  # 牡丹江流域: the river, not the city


def _before_a_noun(resources: Resources, text: str, at: int) -> bool:
    """Whether the word at ``text[at:]`` is a noun other than a place's name (水库, 采芝林, 国际; not 龙江)."""
    after = plain_segmenter(resources).tags(text[at:at + 6])
    return bool(after) and after[0][1].startswith("n") and after[0][1] != "ns"


def _recurring_cities(resources: Resources, idx: _Index, sents: list[_Sent]) -> list[str]:
    """The cities whose short form, unique in the country, stands as a word at least :data:`CITY_RECURS` times in
    ``sents`` (荣昌与永川、泸州、内江就…；荣昌和内江同处…: a page about another city's district names 内江 without 市). Not counted:
    a river's basin (牡丹江流域), and a short form before a noun, where it may begin the name of a mountain's
    reservoir or a company (马鞍山水库, 广州采芝林药业): the city must stand on its own twice. Another city after it
    is no noun (阜阳合肥现代产业园区: a park of two cities)."""
    counts: dict[str, int] = {}
    for sent in sents:
        text = sent.text
        for m in idx.city_pattern.finditer(text):
            if (cut_at_both(resources, text, m.start(), m.end()) and not _RIVER_AFTER.match(text, m.end())
                    and (idx.city_pattern.match(text, m.end()) or not _before_a_noun(resources, text, m.end()))):
                counts[m.group()] = counts.get(m.group(), 0) + 1
    found = [idx.city_short[short] for short, n in counts.items() if n >= CITY_RECURS]
    return found + _recurring_counties(resources, idx, sents)


COUNTY_RECURS = 3
_HEADLINE_CHARS = 100


def _recurring_counties(resources: Resources, idx: _Index, sents: list[_Sent]) -> list[str]:
    """The counties whose short form, unique in the country and no common word, stands on its own in the page's
    headline (the sentences that start in its first :data:`_HEADLINE_CHARS` characters) and at least
    :data:`COUNTY_RECURS` times in all (龙游招商引资迎来开门红…签约落户龙游…龙游吹响…: a page that never writes
    龙游县). A report's headline names its own region in full; a river, an airport or a slogan's word that shares a
    county's short form (唐河, 美兰机场, 宜居乐业) heads no page."""
    freq = plain_segmenter(resources).FREQ

    def standing(sent: _Sent) -> Iterator[str]:
        for m in idx.county_pattern.finditer(sent.text):
            if freq.get(m.group(), 0) < COMMON_WORD_FREQ and cut_at_both(resources, sent.text, m.start(), m.end()) \
                    and not _RIVER_AFTER.match(sent.text, m.end()):
                yield m.group()

    end = sents[0].offset + _HEADLINE_CHARS if sents else 0
    headline = {short for sent in sents if sent.offset < end for short in standing(sent)}
    if not headline:
        return []  # most pages: the rest need not be read
    counts = Counter(short for sent in sents for short in standing(sent) if short in headline)
    return [idx.county_short[short] for short, n in counts.items() if n >= COUNTY_RECURS]


_PLACES_CLOSE = re.compile(r"等(?:地|城市|省市|省份|省区|地区|市县|县市)")


def _listed_places(idx: _Index, sents: list[_Sent]) -> list[str]:
    """The provinces and cities named by their short forms, unique in the country, in a list closed by 等地 or
    等城市 (与北京、沈阳等地客商签订合同): the list says they are places.

    >>> _listed_places(region_index(Resources()), [_Sent(0, 0, "与北京、沈阳等地客商签订合同，长城、黄山等景区")])
    ['110000', '210100']
    >>> _listed_places(region_index(Resources()), [_Sent(0, 0, "来自北京、河北、河南的企业")])
    ['110000', '130000', '410000']
    """
    out: list[str] = []
    for sent in sents:
        for m in _PLACES_CLOSE.finditer(sent.text):
            items = re.split("[、和与及]", sent.text[max(0, m.start() - 40):m.start()])[-8:]
            if len(items) < 2:
                continue
            items[0] = next((items[0][-k:] for k in (3, 2) if items[0][-k:] in idx.upper_short_codes), "")
            out.extend(filter(None, (_unique_short(idx, item) for item in items)))
        out.extend(_all_places(idx, sent.text))
    return list(dict.fromkeys(out))


def _unique_short(idx: _Index, item: str) -> str | None:
    """The code of the province or city whose short form, unique in the country, ``item`` is, or of the one
    province it names among lower divisions (河北, also 天津's 河北区: among places, the province); else None."""
    codes = idx.upper_short_codes.get(item)
    if not codes:
        codes = tuple(c for c in idx.gaz.by_short.get(item, ()) if idx.gaz.get(c).level == PROVINCE)
    return codes[0] if codes and len(codes) == 1 and item not in idx.short_stop else None


def _all_places(idx: _Index, text: str) -> list[str]:
    """The provinces and cities of a 、-list in ``text`` whose every item is one's short form, unique in the
    country, whatever closes it (赴北京、上海、深圳开展招商; 深耕深圳、北京、上海等产业集聚区): a list of nothing but
    places says they are places. The first item may follow other words, the last be followed by them.

    >>> _all_places(region_index(Resources()), "华科园深耕深圳、北京、上海等产业集聚区，长城、黄山等景区")
    ['440300', '110000', '310000']

    Among two such cities or more, a county's short form unique in the country is a place too (赴浙江杭州、嘉兴、
    义乌、金华4市):

    >>> _all_places(region_index(Resources()), "赴浙江杭州、嘉兴、义乌、金华4市")
    ['330100', '330400', '330782', '330700']

    A first item that is no division (a part of the country) leaves the rest a list of places:

    >>> _all_places(region_index(Resources()), "关于东北、辽宁、抚顺振兴发展的重要讲话")
    ['210000', '210400']
    """
    out: list[str] = []
    for clause in CLAUSE.finditer(text):
        items = clause.group().split("、")
        if len(items) < 2:
            continue
        first = next((items[0][-k:] for k in (3, 2) if _unique_short(idx, items[0][-k:])), "")
        last = next((items[-1][:k] for k in (3, 2) if _unique_short(idx, items[-1][:k])), "")
        named = (first, *items[1:-1], last) if first or len(items) < 3 else (*items[1:-1], last)
        upper = [_unique_short(idx, item) for item in named]
        codes = [code or idx.county_short.get(item) for code, item in zip(upper, named)]
        if all(codes) and sum(map(bool, upper)) >= 2:
            out.extend(codes)
    return out


def _short_table(idx: _Index, doc_code: str | None, named: list[str]) -> dict[str, str]:
    """Short form -> code for the document's family, then regions named in full (or by a recurring short form,
    :func:`_recurring_cities`); ambiguous ones dropped."""
    table: dict[str, str] = {}
    dropped: set[str] = set()
    codes = (_family(idx.gaz, doc_code) if doc_code else []) + named
    for code in dict.fromkeys(codes):
        div = idx.gaz.divisions.get(code)
        if div is None:
            continue
        short = _short_of(idx, div)
        if not short or short in idx.short_stop or short in dropped:
            continue
        if short.endswith(_LANDFORM_END) and code not in named and code != doc_code and div.level != PROVINCE:
            continue  # 莲池 alone is a garden unless 莲池区 is named (the page's province is no river: (黑龙江)…报告)
        if short in table and table[short] != code:
            if code in named and table[short] not in named or div.parent == table[short]:
                continue  # the family wins; a city over its county of the same short form (长沙市, 长沙县)
            dropped.add(short)
            del table[short]
            continue
        table[short] = code
    return table


def _short_of(idx: _Index, div: Division) -> str | None:
    return next((short for short, _ in _shorts_for(idx, div.code)), None)


def _shorts_for(idx: _Index, code: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    from govkg.extractors.gazetteer import short_form

    short = short_form(idx.gaz.get(code).name, idx.nations)
    if short and short not in idx.nations:
        yield short, idx.gaz.by_short.get(short, (code,))


def _reads_across(resources: Resources, text: str, hit: _Hit) -> bool:
    """True when a full name of three or more characters reads as two common words (or a place's short name and
    a common word), its first character closing the word before it (新增|城区停车位: not 增城区; 零陵|城区: not
    陵城区), or its last opening the word
    after it (环泰山|区域: not 泰山区).

    >>> s = "新增城区停车位1860个"
    >>> _reads_across(Resources(), s, _Hit(1, 4, "region.gazetteer"))
    True
    >>> _reads_across(Resources(), "打造环泰山区域旅游圈", _Hit(3, 6, "region.gazetteer"))
    True
    >>> _reads_across(Resources(), "位于零陵城区东南郊", _Hit(3, 6, "region.gazetteer"))
    True
    >>> _reads_across(Resources(), "振兴县域经济", _Hit(0, 3, "region.gazetteer"))
    True
    """
    if hit.end - hit.start < 3:
        return False
    if hit.start > 0 and (_common(resources, text[hit.start - 1:hit.start + 1])
                          or gazetteer(resources).names_division(text[hit.start - 1:hit.start + 1])) \
            and _common(resources, text[hit.start + 1:hit.end]):
        return True  # or its first closing a place's short name before it (零陵|城区: not 陵城区)
    if text.startswith(_OPENED_AFTER, hit.end - 1) and _common(resources, text[hit.start:hit.end - 1]):
        return True
    name = text[hit.start:hit.end]  # a common word and 县 that no division's name is (振兴|县域, 振兴|县中: not 振兴区)
    return name[-1] == "县" and not gazetteer(resources).names_division(name) and _common(resources, name[:-1])


_OPENED_AFTER = ("区域",)
"""Words a full name's last character may open that leave the division unnamed (环泰山|区域, 黄山|区域: an area
around a mountain). Not 市委, 市区, 市场, 县城, 县域 …: 上海市委, 成都市区 and 北京市场 name their division."""


def _common(resources: Resources, word: str) -> bool:
    """A common word of jieba's dictionary (振兴, 合作): under a province's name it is no county (辽宁振兴发展)."""
    return plain_segmenter(resources).FREQ.get(word, 0) >= COMMON_WORD_FREQ


def _free(hits: list[_Hit], start: int, end: int) -> bool:
    return all(end <= h.start or start >= h.end for h in hits)


def _narrow_by_short_parent(idx: _Index, sent: _Sent) -> None:
    """A full name that several divisions share, right after the short form of one's province or city, is that one
    (浙江舟山|普陀区: 舟山's, not 上海's).

    >>> idx = region_index(Resources())
    >>> sent = _Sent(0, 0, "浙江舟山普陀区桃花镇")
    >>> sent.hits = _full_hits(idx, sent.text)
    >>> _narrow_by_short_parent(idx, sent)
    >>> [h.codes for h in sent.hits if sent.text[h.start:h.end] == "普陀区"]
    [('330903',)]
    """
    for h in sent.hits:
        if len(h.codes) < 2:
            continue
        for k in (3, 2):
            parents = idx.upper_short_codes.get(sent.text[h.start - k:h.start], ()) if h.start >= k else ()
            narrowed = tuple(c for c in h.codes if any(idx.gaz.is_ancestor(p, c) for p in parents))
            if len(narrowed) == 1:
                h.codes = narrowed
                break


def _short_hits(ctx: Context, idx: _Index, sent: _Sent, table: dict[str, str], pattern: re.Pattern[str] | None) -> None:
    """Add short-form hits: parent+child pairs anywhere (重庆长寿), and the table's short forms."""
    text, gaz = sent.text, idx.gaz
    for m in idx.upper_short.finditer(text):
        if not _free(sent.hits, m.start(), m.end()):
            continue
        for pcode in idx.upper_short_codes[m.group()]:
            kids = idx.child_short.get(pcode, {})
            for length in (4, 3, 2):
                child = text[m.end():m.end() + length]
                if len(child) == length and child in kids and _free(sent.hits, m.end(), m.end() + length) \
                        and (m.end() + length >= len(text) or text[m.end() + length] not in "区县市州旗盟镇乡村街路") \
                        and (cut_at_both(ctx.resources, text, m.end(), m.end() + length)
                             or cut_at_both(ctx.resources, text, m.start(), m.end() + length)) \
                        and not (gaz.get(kids[child]).parent != pcode and _common(ctx.resources, child)):
                    parent = _Hit(m.start(), m.end(), "region.short", (pcode,), pcode)
                    kid = _Hit(m.end(), m.end() + length, "region.short", (kids[child],), kids[child], parent=parent)
                    sent.hits.extend([parent, kid])
                    break
            else:
                continue
            break
        # a parent short form right before a full name gives that name its context
        nxt = [h for h in sent.hits if h.start == m.end() and h.rule == "region.gazetteer"]
        if nxt and nxt[0].code and any(gaz.is_ancestor(p, nxt[0].code) for p in idx.upper_short_codes[m.group()]) \
                and _free(sent.hits, m.start(), m.end()):
            pcode = next(p for p in idx.upper_short_codes[m.group()] if gaz.is_ancestor(p, nxt[0].code))
            parent = _Hit(m.start(), m.end(), "region.short", (pcode,), pcode)
            nxt[0].parent = parent
            sent.hits.append(parent)
    sent.hits.sort(key=lambda h: h.start)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        if not _free(sent.hits, s, e):
            continue
        if e < len(text) and text[e] in "区县市州旗盟镇乡村街路":
            continue
        prev = [h for h in sent.hits if h.end == s and h.code]
        if not (prev and gaz.is_ancestor(prev[0].code, table[m.group()])) \
                and not cut_at_both(ctx.resources, text, s, e):
            continue
        hit = _Hit(s, e, "region.short", (table[m.group()],), table[m.group()])
        if prev and gaz.is_ancestor(prev[0].code, hit.code):
            hit.parent = prev[0]
        sent.hits.append(hit)
    sent.hits.sort(key=lambda h: h.start)


_FUNCTION_TAGS = frozenset("cpruy")
"""jieba's tags of conjunctions, prepositions, pronouns, particles and modal words: no place name starts with one."""


def _function_floor(seg: Segmenter, run: str) -> int | None:
    """Where a place name in ``run`` (the characters before a town or village suffix) may start at the earliest:
    after the last conjunction, preposition, pronoun or particle that leaves two characters or more (而|铁炉村);
    None when only such words are left (其中我们村). One at the very end is part of the name (王和镇).
    """
    tags = seg.tags(run, HMM=False)
    floor, pos = 0, 0
    for i, (word, tag) in enumerate(tags):
        pos += len(word)
        if tag[:1] in _FUNCTION_TAGS and len(run) - pos >= 2:
            floor = pos
        elif tag == "c" and len(run) - pos == 1 and i == 0:
            return None  # 但|白村: a name of one character is read only after its town (三泉镇白村)
    return floor if any(tag[:1] not in _FUNCTION_TAGS for _, tag in tags) else None


def _town_name(idx: _Index, text: str, barrier: int, a: int, suffix: str, seg: Segmenter) -> tuple[int, str] | None:
    """The start and name (without suffix) of a town ending at ``a``, or None (``seg``: the segmenter whose tags
    keep function words out of the name)."""
    rs = a
    while rs > barrier and a - rs < 12 and _is_han(text[rs - 1]):
        rs -= 1
    if rs < a:
        floor = _function_floor(seg, text[rs:a])
        if floor is None:
            return None
        rs += floor
    run = text[rs:a]
    ethnic = ""
    if run.endswith("族"):
        for nation in sorted(idx.nations, key=lambda w: (-len(w), w)):
            if run[:-1].endswith(nation) and len(run) - 1 - len(nation) >= 2:
                ethnic = nation + "族"
                break
        if not ethnic:
            return None
    base = run[: len(run) - len(ethnic)]
    base_end = rs + len(base)
    found = None
    for length in (4, 3, 2):
        if length > len(base):
            continue
        name = base[-length:]
        start = base_end - length
        if not _plausible(idx, name, suffix):
            continue
        if found is None and (start == rs or text[rs:start].endswith(idx.prefixes)):
            found = start, name + ethnic  # what stands before a name inside the run must be a known prefix word
        if suffix in _TABLE_SUFFIXES and start - rs != 1 and idx.gaz.counties_with_town(name + ethnic + suffix):
            # a town of the national table outweighs a longer unknown run (地处|义宁镇), unless one character
            # stands before it: 北果园乡 is the old name of a town, not 北 and 果园乡
            return start, name + ethnic
    return found


_COUNT_OF_KIND = re.compile(r"[\d一二两三四五六七八九十百]+大?")


def _plausible(idx: _Index, name: str, suffix: str) -> bool:
    """Whether ``name`` (before ``suffix``) can be a place name rather than a phrase."""
    if any(ch in idx.bad_any for ch in name) or name[0] in idx.bad_first or name[-1] in idx.bad_last:
        return False
    if name.startswith(idx.prefixes) or _COUNT_OF_KIND.fullmatch(name):
        return False  # (吴江区八大|镇区: a count of the kind)
    whole = name + suffix
    return not any(sub in whole for sub in idx.badsub)


_COUNTED_TOWNS = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})"
                            r"([两二三四五六七八九十]个?|等(?:\d+个)?(?:坝区|山区|重点|贫困|传统)?)(村|镇|乡)"
                            r"(?![村镇民])(?![\u4e00-\u9fff]?[级域])")  # not 等乡村基础设施, 等村民


def _counted_towns(resources: Resources, idx: _Index, sent: _Sent) -> None:
    """Add the villages or towns a list names by their short names before their count and level word, the count
    matching the list (下堡坪乡蛟龙寺、十八湾两村: 蛟龙寺村, 十八湾村) or closed by 等, with the whole count and a
    word of the land or rank if it says them (龙场乡麻窝、鱼塘、娱乐等村; 阿乌、盘龙、菜花等14个坝区村委会), placed in the
    division the list follows."""
    for m in _COUNTED_TOWNS.finditer(sent.text):
        items = m.group(1).split("、")
        start = m.start(1)
        before = [h for h in sent.hits if h.start < start + len(items[0]) and h.end > start]
        if before:  # the division before the list (下堡坪乡) ran into the first item's characters
            items[0] = sent.text[before[-1].end:start + len(items[0])]
            start = before[-1].end
        elif (verb := _verb_before(resources, items[0])) and _plausible(idx, items[0][verb:], m.group(3)):
            items[0], start = items[0][verb:], start + verb  # 整合|河西、中村、甄湖等10个村: a verb before the list
        elif not _plausible(idx, items[0], m.group(3)):
            # a word before the list ran into the first item (位于|新村、阿乌…): the item is the longest place name
            # that starts at a word of its own, or it is left out
            end = start + len(items[0])
            k = next((k for k in range(1, len(items[0]) - 1) if cut_at_both(resources, sent.text, start + k, end)
                      and _plausible(idx, items[0][k:], m.group(3))), len(items[0]) + 1)
            items[0], start = items[0][k:], start + k
            if not items[0]:
                items.pop(0)
        suffix = m.group(3)
        counted = m.group(2).startswith("等") or len(items) == NUMERAL_VALUE[m.group(2)[0]]
        if not counted or len(items) < 2 or not all(2 <= len(i) <= 4 and _plausible(idx, i, suffix) for i in items):
            continue
        parent = before[-1] if before and (before[-1].code or before[-1].name) else None
        for item in items:
            if _free(sent.hits, start, start + len(item)):
                sent.hits.append(_Hit(start, start + len(item), "region.town_pattern", name=item + suffix,
                                      level=_TOWN_LEVEL[suffix], parent=parent))
            start += len(item) + 1
    sent.hits.sort(key=lambda h: h.start)


def _verb_before(resources: Resources, item: str) -> int:
    """Length of a boundary verb that opens ``item`` as a word of its own and leaves two characters or more
    (整合|河西), 0 when none."""
    words = plain_segmenter(resources).cut(item, HMM=False)
    lead = words[0] if len(words) > 1 else ""
    return len(lead) if lead in resources_lexicon(resources).boundary and len(item) - len(lead) >= 2 else 0


_QUOTE = re.compile(r"[“「]([^”」]{8,80})[”」]")


def _in_parallel_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a quote of three parallel parts or more, each as long as the others
    (“工业强镇,生态立镇,旅游活镇,农业富镇,民生稳镇”).

    >>> s = "按照“工业强镇,生态立镇,旅游活镇,民生稳镇”的布局，建设诸往镇"
    >>> _in_parallel_quote(s, s.index("民生稳镇"), s.index("民生稳镇") + 4), _in_parallel_quote(s, len(s) - 3, len(s))
    (True, False)
    """
    for m in _QUOTE.finditer(text):
        if m.start(1) <= start and end <= m.end(1):
            parts = re.split("[,，、；;]", m.group(1))
            return len(parts) >= 3 and len({len(p) for p in parts}) == 1
    return False


_NOT_IN_STEM = frozenset("等和与及的个所座家条一二三四五六七八九十两几多乡镇村区县市")
"""Characters no village's or town's name between a county and its suffix holds (复兴|街等|街道, 阳城|等四所|乡镇,
交口|乡自强|村: a division's own level word)."""


def _county_before_village(idx: _Index, sent: _Sent, province: str) -> None:
    """Add the county named by its short form, unique in the document's province, right before a village's or a
    town's name (兴义纳灰村, 凤冈田坝村 in a page about Guizhou), where a list item or the clause starts: the town rule
    then reads the village as the county's."""
    kids = idx.child_short.get(province, {})
    text = sent.text
    for m in _TOWN_SUFFIX.finditer(text):
        found = _county_short_before(idx, sent, kids, m.start(), m.end())
        if found is None:
            continue
        a, k, code = found
        if a == 0 or not _is_han(text[a - 1]) or text[a - 1] in "在和与及":
            sent.hits.append(_Hit(a, a + k, "region.short", (code,), code))
            sent.hits.sort(key=lambda h: h.start)


def _county_short_before(idx: _Index, sent: _Sent, kids: dict[str, str], suffix_start: int,
                         suffix_end: int) -> tuple[int, int, str] | None:
    """(start, length, code) of the first county short form of ``kids`` found two or three characters of a
    village's name before the suffix at ``suffix_start``, or None."""
    text = sent.text
    for stem in (2, 3):
        for k in (2, 3):
            a = suffix_start - stem - k
            code = kids.get(text[a:a + k]) if a >= 0 else None
            if code is None or idx.gaz.get(code).level != COUNTY or not _free(sent.hits, a, suffix_end) \
                    or not all(_is_han(ch) for ch in text[a:suffix_start]) or _NOT_IN_STEM & set(text[a + k:suffix_start]):
                continue
            return a, k, code
    return None


def _town_hits(ctx: Context, idx: _Index, sent: _Sent) -> None:
    """Add towns and villages found by pattern; each may follow a region hit (沿滩区永安镇, 交口乡自强村)."""
    text = sent.text
    for m in _TOWN_SUFFIX.finditer(text):
        a, b = m.start(), m.end()
        suffix = m.group()
        if not _free(sent.hits, a, b):
            continue
        if b < len(text) and text[b] in _RIGHT_DENY[suffix] or _COUNTED.match(text, b):
            continue  # 以叉尾鮰为主的渔业村4个: a kind of village counted, no name
        barrier = max([h.end for h in sent.hits if h.end <= a], default=0)
        if suffix == "村" and text.endswith("行政", barrier, a):
            a -= 2  # 陈良行政村: the village 陈良村, called by its administrative kind
        found = _town_name(idx, text, barrier, a, suffix, plain_segmenter(ctx.resources))
        if found is None and suffix == "村" and barrier == a - 1 and _plausible(idx, text[a - 1], suffix) \
                and any(h.end == a - 1 and h.level == "town" for h in sent.hits):
            found = a - 1, text[a - 1]  # 三泉镇|白村: a village of one character, after its town
        if found is None:
            continue
        start, name = found
        prev = [h for h in sent.hits if h.end == start and (h.code or h.name)]
        if not prev and (name in _common_words(ctx.resources) or name[:2] in _common_words(ctx.resources)):
            continue  # 优秀村, 吸引返乡: a verb or adjective before the suffix, not a name
        if start > 0 and text[start - 1] in "“‘「『\"" and b < len(text) and text[b] in "”’」』\"":
            continue  # “低碳村”: a quoted title, not a place
        if _in_parallel_quote(text, start, b):
            continue  # “工业强镇,生态立镇,…,民生稳镇”: a line of a slogan, not a place
        level = _TOWN_LEVEL[suffix]
        if not prev and start > 0 and text[start - 1] == "、":  # 义宁镇走马村、吴周村: a list shares its place
            prev = [h.parent for h in sent.hits if h.end == start - 1 and h.level == level and h.parent is not None]
        hit = _Hit(start, b, "region.town_pattern", name=name + suffix, level=level, parent=prev[0] if prev else None)
        sent.hits.append(hit)
        sent.hits.sort(key=lambda h: h.start)


@dataclass
class _Entity:
    ref: EntityRef
    label: str
    attrs: tuple[tuple[str, str], ...]
    parent: EntityRef | None
    aliases: set[str] = field(default_factory=set)
    stated: int | None = None  # sentence stating the parent link


def extract_regions(ctx: Context) -> Iterator[Mention | Relation]:
    """Regions in ``ctx``'s sentences, their locatedIn links, and declarations of unnamed parents."""
    idx = region_index(ctx.resources)
    gaz = idx.gaz
    head = _head_lines(ctx)
    head_end = head[-1][1] if head else 0
    sents = [_Sent(s.index, s.start, s.text) for i, s in enumerate(ctx.sentences)
             if s.start < head_end or not _link_line(ctx.sentences, i) or _addressed(ctx.sentences, i + 1)
             or _subheading(ctx.sentences, i)]
    for sent in sents:
        sent.hits = [h for h in _full_hits(idx, sent.text) if not _reads_across(ctx.resources, sent.text, h)]
        _narrow_by_short_parent(idx, sent)
        _resolve(gaz, sent.hits, [])
    doc_code = _doc_code(idx, ctx, [(s.offset + h.start, h.code) for s in sents for h in s.hits if h.code], head)
    if doc_code is None:  # a page that names its county only by the short form, in its headline and again (兰西)
        recurring = _recurring_counties(ctx.resources, idx, sents)
        doc_code = recurring[0] if len(recurring) == 1 else None
    chain = [doc_code] + gaz.ancestors(doc_code) if doc_code else []
    for sent in sents:
        for h in sent.hits:
            h.code, h.parent = None, None
        _resolve(gaz, sent.hits, chain)
        sent.hits = [h for h in sent.hits if h.code]
    local, local_pattern = ctx.resources.get(f"region.local_towns.{doc_code}", lambda: _local_towns(idx, doc_code))
    local_shorts = {name[:-len(suffix)] for name in local for suffix in _TABLE_SUFFIXES if name.endswith(suffix)}
    named = list(dict.fromkeys(h.code for s in sents for h in s.hits))
    named += [code for code in _recurring_cities(ctx.resources, idx, sents)
              if _short_of(idx, gaz.get(code)) not in local_shorts]  # 铜官 in a page on 望城区: its 铜官街道
    named += _listed_places(idx, sents) + _municipalities(ctx.resources)
    table = _short_table(idx, doc_code, named)
    pattern = re.compile(literal_alternation(table)) if table else None
    for sent in sents:
        _short_hits(ctx, idx, sent, table, pattern)
        _zone_namesakes(idx, sent, chain[-1] if chain else None)
        if chain:
            _county_before_village(idx, sent, chain[-1])
        if local_pattern is not None:
            _local_town_hits(sent, local, local_pattern)
        _town_hits(ctx, idx, sent)
        _counted_towns(ctx.resources, idx, sent)
    towns, landforms = _town_short_table(idx, sents, doc_code, table, plain_segmenter(ctx.resources).FREQ)
    if towns:
        town_pattern = re.compile(literal_alternation(towns))
        for sent in sents:
            _town_short_hits(ctx, sent, towns, town_pattern)
    if landforms:
        landform_pattern = re.compile(literal_alternation(landforms))
        for sent in sents:
            _listed_landform_towns(ctx, sent, landforms, landform_pattern)
    for sent in sents:
        _without_people(sent)
    yield from _emit(ctx, idx, sents, doc_code)


def _without_people(sent: _Sent) -> None:
    """Drop the hits inside a person's name after a title (常务副县长闫|晋中|主持: a deputy head, no city)."""
    people = official_spans(sent.text)
    if not people:
        return
    dropped = [h for h in sent.hits if any(a <= h.start and h.end <= b for a, b in people)]
    sent.hits = [h for h in sent.hits if h not in dropped]
    for h in sent.hits:
        if h.parent in dropped:
            h.parent = None


# A development zone is named after its county or city (宽甸经济开发区): the short form before its head names the place.
_ZONE_HEAD = re.compile(r"(?:经济技术|经济|高新技术产业)开发区|高新区|经开区|工业园区|产业集聚区")


def _zone_namesakes(idx: _Index, sent: _Sent, province: str | None) -> None:
    """Add the county or city whose short form, unique in the country (a city before its own district of that
    name: 广安市, not 广安区), names a zone (宽甸|经济开发区), when what stands before it is no name's start:
    punctuation, a prose word (在), a province or city (辽宁|宽甸). In a document of a known ``province`` the place
    must lie in it unless the zone names it (金台经济开发区 of a Hebei county is no 金台区 of Shaanxi)."""
    text = sent.text
    for m in _ZONE_HEAD.finditer(text):
        for length in (3, 2):
            start = m.start() - length
            code = _zone_namer(idx, text, start, m.start())
            if code is None:
                continue
            before = text[:start]
            placed = before.endswith(tuple(idx.upper_short_codes))  # 辽宁|宽甸经济开发区
            if (placed or not before or not _is_han(before[-1]) or before.endswith(idx.prefixes)) \
                    and (placed or province is None or province in idx.gaz.ancestors(code)) \
                    and _free(sent.hits, start, m.start()):
                sent.hits.append(_Hit(start, m.start(), "region.short", (code,), code))
            break
    sent.hits.sort(key=lambda h: h.start)


def _zone_namer(idx: _Index, text: str, start: int, end: int) -> str | None:
    """The county or city whose short form ``text[start:end]``, unique in the country, names the zone after it."""
    short = text[max(start, 0):end]
    found = idx.gaz.by_short.get(short, ()) if start >= 0 and short not in idx.short_stop else ()
    found = _topmost(idx.gaz, found)
    return found[0] if len(found) == 1 and idx.gaz.get(found[0]).level in (PREFECTURE, COUNTY) else None


def _local_towns(idx: _Index, doc_code: str | None) -> tuple[dict[str, tuple[str, str]], re.Pattern[str] | None]:
    """Town name -> (county, the table's name) for the towns of the document's county, or of a city's counties
    where no two share a name: the national table knows them, whatever words they are made of (太平镇, 黎村镇, 五里桥镇,
    大莫古镇), an ethnic township also without its people's name (力所乡 for 力所拉祜族乡); and a regex of the
    names (None when there are none)."""
    if not doc_code:
        return {}, None
    level = idx.gaz.get(doc_code).level
    counties = [doc_code] if level == COUNTY else idx.gaz.children(doc_code) if level == PREFECTURE else []
    towns: dict[str, str] = {}
    shared: set[str] = set()
    for county in counties:
        for name in idx.gaz.towns_of(county):
            if name in towns:
                shared.add(name)
            towns[name] = county
    local = {name: (county, name) for name, county in towns.items() if name not in shared and len(name) >= 3}
    for name, (county, _) in list(local.items()):
        short = _town_short(idx, name)
        if short and name.endswith(("乡", "镇")) and "族" in name and short + name[-1] not in towns:
            local.setdefault(short + name[-1], (county, name))
    return local, re.compile(literal_alternation(local)) if local else None


def _local_town_hits(sent: _Sent, towns: dict[str, tuple[str, str]], pattern: re.Pattern[str]) -> None:
    """Add the towns of the document's own county (or city) named in full, placed in their county."""
    for m in pattern.finditer(sent.text):
        s, e, name = m.start(), m.end(), m.group()
        deny = next((chars for suffix, chars in _RIGHT_DENY.items() if name.endswith(suffix)), set())
        inside = [h for h in sent.hits if h.start < e and s < h.end]
        if any(h.rule != "region.short" or h.start < s or h.end > e for h in inside) \
                or (e < len(sent.text) and sent.text[e] in deny):
            continue
        sent.hits = [h for h in sent.hits if h not in inside]  # 云南驿镇: the town, not the province's short form
        county, name = towns[name]
        parent = next((h for h in sent.hits if h.end == s and h.code), None) \
            or _Hit(-1, -1, "region.gazetteer", (county,), county)
        sent.hits.append(_Hit(s, e, "region.town_pattern", name=name, level="town", parent=parent))
    sent.hits.sort(key=lambda h: h.start)


_TownShorts = dict[str, tuple[str | None, str]]
"""A town's short form -> (its county's code or None, the town's full name)."""


def _town_short_table(idx: _Index, sents: list[_Sent], doc_code: str | None, region_short: dict[str, str],
                      freq: dict[str, int]) -> tuple[_TownShorts, _TownShorts]:
    """Short form -> (county or None, town name): towns of the document's county and towns found by pattern; and
    apart, those whose short form ends in a landform (松山 of 松山镇), read only in a list of their sibling towns.
    A short form that jieba's dictionary (``freq``) counts as an everyday word is left out (安全 of 安全乡)."""
    table: _TownShorts = {}
    landforms: _TownShorts = {}
    dropped: set[str] = set()
    found: list[tuple[str | None, str]] = []
    if doc_code and idx.gaz.get(doc_code).level == COUNTY:
        found.extend((doc_code, name) for name in idx.gaz.towns_of(doc_code))
    for sent in sents:
        for hit in sent.hits:
            if hit.rule == "region.town_pattern" and hit.level == "town":
                par = hit.parent.code if hit.parent is not None and hit.parent.code else None
                found.append((par, hit.name))
    for county, name in found:
        short = _town_short(idx, name)
        if not short or short in idx.short_stop or short in region_short or short in dropped \
                or freq.get(short, 0) >= _EVERYDAY_FREQ:
            continue
        if short.endswith(_LANDFORM_END):  # 漕河 alone is the river the town 漕河镇 is named after
            landforms.setdefault(short, (county, name))
            continue
        if short in table and table[short][1] != name:
            dropped.add(short)
            del table[short]
            continue
        if short not in table or table[short][0] is None:
            table[short] = (county, name)
    return table, landforms


_EVERYDAY_FREQ = 3000
"""How often jieba's dictionary counts a word of everyday text (安全 9921, 民主; not 永安 645, 邓关 0)."""


def _town_short_hits(ctx: Context, sent: _Sent, towns: _TownShorts, pattern: re.Pattern[str]) -> None:
    """Add towns named by their short form (邓关 for 邓关街道), where jieba cuts around it."""
    text = sent.text
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        if not _free(sent.hits, s, e) or (e < len(text) and text[e] in "区县市州旗盟镇乡村街河江湖"):
            continue  # …, or the river or lake named after the town (竹竿|河)
        if s > 0 and text[s - 1] in _TOWN_SHORT_LEFT_DENY:
            continue  # 东石桥, 北白团: a village named after the town, or another place
        if not cut_at_both(ctx.resources, text, s, e):
            continue
        county, name = towns[m.group()]
        parent = _Hit(-1, -1, "region.gazetteer", (county,), county) if county else None
        sent.hits.append(_Hit(s, e, "region.short", name=name, level="town", parent=parent))
    sent.hits.sort(key=lambda h: h.start)


def _listed_landform_towns(ctx: Context, sent: _Sent, towns: _TownShorts, pattern: re.Pattern[str]) -> None:
    """Add the towns whose short form ends in a landform (松山 of 松山镇) where a list names them beside a sibling
    town of the same county (在松山、容州、杨梅发展…): there the word is the town, not the hill or river.

    >>> from govkg.extractors.base import Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> def towns(text):
    ...     doc = make_document(text, path="x", doc_id="x", folder=ScriptFolder())
    ...     ctx = Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    ...     return sorted(m.label for m in extract_regions(ctx) if getattr(m, "start", -1) >= 0 and "镇" in m.label)
    >>> towns("容县在松山、容州、杨梅发展苗木产业。")
    ['容州镇', '杨梅镇', '松山镇']
    >>> towns("容县松山苗木产业带。容州、杨梅发展苗木产业。")
    ['容州镇', '杨梅镇']
    """
    text = sent.text
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        county = towns[m.group()][0]
        if not _free(sent.hits, s, e) or not cut_at_both(ctx.resources, text, s, e):
            continue
        beside = [h for h in sent.hits if h.level == "town" and h.parent is not None and h.parent.code == county
                  and ((h.start == e + 1 and text[e] == "、") or (h.end == s - 1 and text[s - 1] == "、"))]
        if beside:
            parent = _Hit(-1, -1, "region.gazetteer", (county,), county) if county else None
            sent.hits.append(_Hit(s, e, "region.short", name=towns[m.group()][1], level="town", parent=parent))
    sent.hits.sort(key=lambda h: h.start)


def _town_parent(idx: _Index, hit: _Hit, doc_code: str | None) -> tuple[str | None, str | None]:
    """(county code, town key or None) that a town/village hit lies in."""
    gaz = idx.gaz
    par = hit.parent
    if par is not None and par.code:  # a county, or a city without counties (东莞市, 雄安新区)
        return par.code, None
    if par is not None and par.name and par.key:  # a village right after its town
        return par.key.split("/")[0], par.key
    if doc_code and gaz.get(doc_code).level == COUNTY:
        return doc_code, None
    if hit.level == "town":  # a prefecture or province report, or news naming no county: the town table may tell
        owners = [c for c in gaz.counties_with_town(hit.name) if doc_code is None or gaz.is_ancestor(doc_code, c)]
        if len(owners) == 1:
            return owners[0], None
    return None, None


def _emit(ctx: Context, idx: _Index, sents: list[_Sent], doc_code: str | None) -> Iterator[Mention | Relation]:
    gaz = idx.gaz
    entities: dict[EntityRef, _Entity] = {}
    mentions: list[tuple[EntityRef, _Hit, _Sent]] = []
    village_town: dict[tuple[str, str], str] = {}  # (county, village) -> town key seen with it

    def gaz_entity(code: str) -> _Entity:
        ref = EntityRef(REGION, code)
        if ref not in entities:
            div = gaz.get(code)
            parent = EntityRef(REGION, div.parent) if div.parent else None
            ent = _Entity(ref, div.name, (("adminCode", code), ("adminLevel", div.level)), parent)
            short = next((s for s, _ in _shorts_for(idx, code)), None)
            if short:
                ent.aliases.add(short)
            if div.level == COUNTY and div.parent:
                ent.aliases.add(gaz.get(div.parent).name + div.name)
            entities[ref] = ent
        return entities[ref]

    for sent in sents:
        for hit in sent.hits:
            if hit.code:
                ent = gaz_entity(hit.code)
                seen = sent.text[hit.start:hit.end]
                if seen != ent.label:
                    ent.aliases.add(seen)
                if hit.parent is not None:
                    ent.aliases.add(sent.text[hit.parent.start:hit.end])
                    ent.stated = ent.stated if ent.stated is not None else sent.index
                hit.key = hit.code
                mentions.append((ent.ref, hit, sent))
    for sent in sents:  # towns first, then villages (they may hang on a town)
        for level in ("town", "village"):
            for hit in sent.hits:
                if not hit.name or hit.level != level:
                    continue
                county, town_key = _town_parent(idx, hit, doc_code)
                if county is None:
                    continue
                if level == "village" and town_key is None:
                    town_key = village_town.get((county, hit.name))
                if level == "village" and town_key:
                    village_town[(county, hit.name)] = town_key
                parent_key = town_key or county
                hit.key = f"{parent_key}/{hit.name}"
                ref = EntityRef(REGION, hit.key)
                ent = entities.get(ref)
                if ent is None:
                    attrs: tuple[tuple[str, str], ...] = (("adminLevel", level),)
                    code = gaz.towns_of(county).get(hit.name)
                    if code:
                        attrs += (("adminCode", code),)
                    ent = _Entity(ref, hit.name, attrs, EntityRef(REGION, parent_key))
                    parent_label = parent_key.rsplit("/", 1)[-1] if town_key else gaz.get(county).name
                    ent.aliases.add(parent_label + hit.name)
                    if level == "town":
                        short = _town_short(idx, hit.name)
                        if short and short != _short_of(idx, gaz.get(county)):  # 兰西 of 兰西镇 is its county's
                            ent.aliases.add(short)
                    entities[ref] = ent
                    gaz_entity(county)
                if hit.parent is not None and hit.parent.start >= 0:
                    ent.stated = ent.stated if ent.stated is not None else sent.index
                mentions.append((ref, hit, sent))
    # villages first seen without their town, then with it: give all mentions the town key
    for i, (ref, hit, sent) in enumerate(mentions):
        if hit.level == "village" and hit.key.count("/") == 1:
            county, name = hit.key.split("/")
            town = village_town.get((county, name))
            if town:
                mentions[i] = (EntityRef(REGION, f"{town}/{name}"), hit, sent)
                entities.pop(ref, None)
    for ref, hit, sent in mentions:
        ent = entities[ref]
        yield Mention(ref=ref, label=ent.label, start=sent.offset + hit.start, end=sent.offset + hit.end,
                      sentence=sent.index, rule=hit.rule, aliases=tuple(sorted(ent.aliases - {ent.label})),
                      attrs=ent.attrs)
    mentioned = {ref for ref, _, _ in mentions}
    todo = sorted(entities.values(), key=lambda e: e.ref.key)
    done: set[EntityRef] = set()
    while todo:
        ent = todo.pop()
        if ent.ref in done:
            continue
        done.add(ent.ref)
        if ent.ref not in mentioned:
            yield Mention(ref=ent.ref, label=ent.label, start=-1, end=-1, sentence=-1, rule="region.parent",
                          aliases=tuple(sorted(ent.aliases - {ent.label})), attrs=ent.attrs)
        if ent.parent is not None:
            parent = entities.get(ent.parent) or gaz_entity(ent.parent.key)
            rule = "region.town_pattern" if "/" in ent.ref.key else "region.gazetteer"
            div = gaz.divisions.get(ent.ref.key) if rule == "region.gazetteer" else None
            table = div.source if div is not None else None
            yield Relation(subject=ent.ref, predicate="locatedIn", object=parent.ref, sentence=ent.stated, rule=rule,
                           derived_from=table)
            todo.append(parent)
    # locatedIn is transitive: state the closure, so a county is in its province without a path query
    for ref in sorted(done, key=lambda r: r.key):
        parent = entities[ref].parent
        first = True
        while parent is not None:
            if not first:
                yield Relation(subject=ref, predicate="locatedIn", object=parent, sentence=None,
                               rule="region.hierarchy")
            first = False
            up = entities.get(parent)
            parent = up.parent if up is not None else None


def _town_short(idx: _Index, name: str) -> str | None:
    """永安镇 -> 永安, 新山傈僳族乡 -> 新山, 邓关街道 -> 邓关 (>= 2 characters)."""
    for suffix in ("街道", "苏木", "嘎查", "镇", "乡"):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if base.endswith("族"):
                for nation in sorted(idx.nations, key=lambda w: (-len(w), w)):
                    if base[:-1].endswith(nation):
                        base = base[: -1 - len(nation)]
                        break
            return base if len(base) >= 2 else None
    return None
