"""Projects: named works and facilities (…项目, …工程, …大桥, …二期), and the items of 等N个项目 lists.

In a list "中昊晨光一期、江苏国泰锂离子电池电解液等14个项目", long items and
items ending in a head noun are projects; short bare items name the
enterprise that carries the project out ("信乙化工、华砂新材料等项目").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govkg.extractors.base import Context
from govkg.extractors.names import head_regex, is_generic
from govkg.extractors.phrase import enumeration_items, headed_names, is_common_word, lexicon
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention, Relation

_LIST_END = re.compile(r"等(?:\d+|[一二三四五六七八九十两几多]+)?[个项批]?(?:[\u4e00-\u9fff]{0,4})项目")
_PHASE = re.compile(r"^(.{2,8}?)([一二三四五六七八九十]期)$")
# a name ending in these is a place or facility, not an enterprise (清苑新城一期)
_PLACE_END = re.compile(r"[城区路街园厂站段线桥港场馆院校湖河山镇乡村]$")


def extract_projects(ctx: Context) -> Iterator[Mention | Relation]:
    heads = head_regex("project_heads.txt")
    lex = lexicon(ctx)
    for span in headed_names(ctx, heads):
        head = _last_head(heads, span.text)
        body = span.text[:head] if head is not None else span.text
        if is_generic(ctx, body) or is_common_word(lex, body):
            continue
        yield from _project(ctx, span.text, span.start, span.end, span.sentence, "project.head")
    yield from _listed(ctx)


def _last_head(heads: re.Pattern[str], text: str) -> int | None:
    start = None
    for m in heads.finditer(text):
        start = m.start()
    return start


def _listed(ctx: Context) -> Iterator[Mention | Relation]:
    lex = lexicon(ctx)
    heads = head_regex("project_heads.txt")
    for sent in ctx.sentences:
        for m in _LIST_END.finditer(sent.text):
            for a, b in enumeration_items(sent.text, m.start(), lex):
                name = sent.text[a:b]
                if (len(name) < 2 or is_generic(ctx, name) or re.search(r"\d+[个家户项]", name)
                        or is_common_word(lex, name)):
                    continue
                start, end = sent.start + a, sent.start + b
                if heads.search(name) or len(name) > 7 or _works_word(lex, name):
                    yield from _project(ctx, name, start, end, sent.index, "project.list")
                else:
                    label = normalise_label(name)
                    yield Mention(EntityRef("Enterprise", label), label, start, end, sent.index,
                                  "enterprise.project_list")


def _project(ctx: Context, text: str, start: int, end: int, sentence: int, rule: str
             ) -> Iterator[Mention | Relation]:
    label = normalise_label(text)
    ref = EntityRef("Project", label)
    yield Mention(ref, label, start, end, sentence, rule)
    phase = _PHASE.match(label)
    if phase and not _PLACE_END.search(phase.group(1)) and not is_generic(ctx, phase.group(1)):
        owner = phase.group(1)
        owner_ref = EntityRef("Enterprise", owner)
        yield Mention(owner_ref, owner, start, start + len(owner), sentence, "enterprise.project_phase")
        yield Relation(owner_ref, "carriesOut", ref, sentence, "enterprise.project_phase")


_WORKS = re.compile(r"(?:改造|安置房|住房|建设|工程|提升|整治|设施|道路|管网|治理|修复|服务|中心|小区|搬迁|改建|新建|扩建)$")


def _works_word(lex, name: str) -> bool:
    """True when the item ends in a word for works (改造, 安置房): it names works, not a company."""
    return bool(_WORKS.search(name))
