"""Industries: "X产业" names, the items of lists ending in 等…产业, and sector terms.

"大力发展智能家电、装备制造、绿色建材等支柱产业" gives one Industry per item;
generic words (主导产业, 新兴产业) are not industries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govkg.extractors.base import Context
from govkg.extractors.names import head_regex, is_generic
from govkg.extractors.phrase import enumeration_items, headed_names, lexicon
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention

# 产业 ends an industry name unless a park, chain or move follows (产业园, 产业链, 产业转移)
_HEAD = re.compile(r"产业(?:集群)?(?![园基区链化发转升结体项协布工用])")
# scale and rank words inside a name: 千亿级新型化工, 新能源材料主导
_SCALE = re.compile(r"[千百万]亿(?:元)?级|(?:主导|支柱|优势|特色|首位|重点|战略性|新兴)$")
_LIST_END = re.compile(r"(?:等|和|及)?(?:[\u4e00-\u9fff]{0,6})(?:产业|行业)(?:集群|链)?")
# a sector is developed: the sentence says so
_DEVELOP = re.compile(r"发展|产业|培育|壮大|打造|做强|做大|集群|延链|补链|强链|招引|引进|投资")
_NOT_INDUSTRY = re.compile(r"[\d%％]|企业|项目|园区|公司|集团")


def extract_industries(ctx: Context) -> Iterator[Mention]:
    for span in headed_names(ctx, _HEAD, max_len=12):
        body = _SCALE.sub("", _HEAD.split(span.text)[0])
        if is_generic(ctx, body) or _NOT_INDUSTRY.search(body) or len(body) > 10:
            continue
        yield _mention(body + "产业", span.start, span.end, span.sentence, "industry.head", aliases=(body,))
    yield from _listed(ctx)
    yield from _terms(ctx)


def _listed(ctx: Context) -> Iterator[Mention]:
    lex = lexicon(ctx)
    for sent in ctx.sentences:
        for m in _LIST_END.finditer(sent.text):
            if m.start() == 0 or sent.text[m.start() - 1] in "，。；":
                continue
            items = enumeration_items(sent.text, m.start(), lex)
            if len(items) < 2:
                continue
            for a, b in items:
                name = sent.text[a:b]
                if 2 <= len(name) <= 10 and not is_generic(ctx, name) and not _NOT_INDUSTRY.search(name):
                    yield _mention(name, sent.start + a, sent.start + b, sent.index, "industry.list")


def _terms(ctx: Context) -> Iterator[Mention]:
    terms = head_regex("industry_terms.txt")
    for sent in ctx.sentences:
        if not _DEVELOP.search(sent.text):
            continue
        for m in terms.finditer(sent.text):
            end = m.end()
            if sent.text.startswith("产业", end):
                continue  # "X产业" is found by the head rule
            yield _mention(m.group(), sent.start + m.start(), sent.start + end, sent.index, "industry.term")


def _mention(text: str, start: int, end: int, sentence: int, rule: str, aliases: tuple[str, ...] = ()) -> Mention:
    label = normalise_label(text)
    return Mention(EntityRef("Industry", industry_key(label)), label, start, end, sentence, rule, aliases=aliases)


def industry_key(label: str) -> str:
    """The key of an industry: its name without a trailing 产业 (氟化工产业 and 氟化工 are one).

    >>> industry_key("氟化工产业"), industry_key("文化产业")
    ('氟化工', '文化')
    """
    return label[:-2] if label.endswith("产业") and len(label) >= 4 else label
