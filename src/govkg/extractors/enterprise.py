"""Enterprises: names ending in 公司/集团/股份, and the items of lists that end in 等…企业.

"江苏国泰、中化蓝天等头部企业" and "永汇食品等16户企业" name enterprises even
without a legal suffix; a list's items are taken when the list is followed by
等 and a word for enterprises.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govkg.extractors.base import Context
from govkg.extractors.names import head_regex, is_generic
from govkg.extractors.phrase import enumeration_items, headed_names, is_common_word, lexicon
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention

# "…等头部企业", "…等16户企业", "…等7家企业", "…两家企业"
_LIST_END = re.compile(r"(?:等(?:\d+|[一二三四五六七八九十两几多]+)?|(?:\d+|[两三四五六七八九十]))[家户个]?"
                       r"(?:(?![的和与及])[\u4e00-\u9fff]){0,4}(?:企业|公司|集团)")
_NOT_NAME = re.compile(r"[\d%％]|^(?:[\u4e00-\u9fff]{0,2}(?:企业|公司|集团))$")


def extract_enterprises(ctx: Context) -> Iterator[Mention]:
    lex = lexicon(ctx)
    for span in headed_names(ctx, head_regex("enterprise_heads.txt")):
        head = head_regex("enterprise_heads.txt").search(span.text)
        body = span.text[: head.start()] if head else span.text
        if is_generic(ctx, body) or len(body) > 14 or is_common_word(lex, body):
            continue
        yield _mention(span.text, span.start, span.end, span.sentence, "enterprise.head")
    yield from _listed(ctx)


def _listed(ctx: Context) -> Iterator[Mention]:
    lex = lexicon(ctx)
    for sent in ctx.sentences:
        for m in _LIST_END.finditer(sent.text):
            items = enumeration_items(sent.text, m.start(), lex)
            if not sent.text.startswith("等", m.start()) and len(items) < 2:
                continue  # without 等 only a list counts ("A、B两家企业")
            for a, b in items:
                name = sent.text[a:b]
                if (2 <= len(name) <= 12 and not _NOT_NAME.search(name) and not is_generic(ctx, name)
                        and not is_common_word(lex, name)):
                    yield _mention(name, sent.start + a, sent.start + b, sent.index, "enterprise.list")


def _mention(text: str, start: int, end: int, sentence: int, rule: str) -> Mention:
    label = normalise_label(text)
    return Mention(EntityRef("Enterprise", label), label, start, end, sentence, rule)
