"""Glossaries (名词解释): numbered terms with their definitions, and the parts definitions name.

A report may end with a heading (名词解释, 附：名词解释, [名词解释], 注释, 注解)
followed by entries in one of several numbering styles::

    1.三最:历史同期最高的极端高温……
    2.[“1+5”专项整治]即违建别墅……
    [3]“双碳”：碳达峰与碳中和。
    （4）“四医”联动：……
    注[5] ……

Each entry gives a Slogan (unless the term is plainly a park or an enterprise)
with its definition. Parts named by the definition become mentions too, with
``hasPart`` relations: quoted sub-formulas (“清风”行动), lists after a key
(“1”即沿滩高新技术产业园区), and enumerations whose items share the term's
head noun (碳达峰十大行动：能源绿色低碳转型行动、…). Inline markers in the
body (“三最”[1]) point back to entries and are mentioned as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from govkg.extractors.base import Context
from govkg.extractors.slogan import (
    SloganLexicon,
    clean_content,
    has_formula_numeral,
    lexicon,
    numeric_signal,
    part_type,
    proposed_by,
    quoted_hits,
    slogan_label,
    slogan_ref,
)
from govkg.model import EntityRef, Mention, Relation, Sentence

_HEADING = re.compile(
    r"^[ \t\u3000]*[\[【（(]?[ \t\u3000]*(?:附[ \t\u3000]*[:：]?[ \t\u3000]*)?"
    r"(?:名[ \t\u3000]*词[ \t\u3000]*解[ \t\u3000]*释|名词注释|注[ \t\u3000]*释|注[ \t\u3000]*解)"
    r"[ \t\u3000]*[\]】）)]?[ \t\u3000]*[:：]?[ \t\u3000]*$",
    re.M,
)
_ENTRY = re.compile(
    r"^[ \t\u3000]*(注[ \t\u3000]*[:：]?[ \t\u3000]*)?"
    r"(?:\[(\d{1,3})\]|【(\d{1,3})】|〔(\d{1,3})〕|[（(](\d{1,3})[)）]|(\d{1,3})[ \t]*[.、．](?!\d))"
    r"[ \t\u3000]*(\S.*?)[ \t\u3000]*$"
)
_FOOTNOTE_ENTRY = re.compile(r"^[ \t\u3000]*注[ \t\u3000]*[:：]?[ \t\u3000]*(?:\[\d{1,3}\]|【\d{1,3}】|\d{1,3}[.、．])")
_QUOTE = re.compile(r"[“‘「『\"]([^“”‘’「」『』\"]{1,30})[”’」』\"]")
_KEY = re.compile(r"[“‘]([^“”‘’]{1,12})[”’](?:即|就是|是指|指)")
_LEAD = re.compile(r"^(?:即|是指|指|就是|包括|是)")
# a definition that opens by describing a project: 项目总投资…, 该项目位于…, 总投资3亿元…
_PROJECT_DEFINITION = re.compile(r"\s*(?:该|本|此)?项目(?![库群化制])|\s*(?:总|计划)投资\s*(?:约|超过|近|达)?\s*[\d０-９]")
_ITEM_VERB = re.compile(r"^(?:坚决|全力|大力|持续|深入|扎实|全面|着力|加快)?(?:打好|打赢|实施|开展|推进|抓好|做好|深化|落实)")
"""The verb an enumerated part opens with (即坚决打好|协同发展攻坚战、坚决打好|项目建设攻坚战): no part of its name."""
_COUNTED_WORKS = re.compile(r"^[\u4e00-\u9fff]{2,}?(?:\d+|[一二三四五六七八九十两百]+)个(?![一二三四五六七八九十两])[\u4e00-\u9fff]{2,}$")
"""What a part does to a number of things (强力推进|10个城市品质提升工程): a count of a kind, no one name."""
_ALIAS = re.compile(r"(?:也称|又称|简称|亦称)[“‘]([^“”‘’]{2,20})[”’]")
_ITEM_SPLIT = re.compile(r"[、，,；;。和及]")
_PROPOSER = re.compile(r"(党中央|中央|国务院|省委|市委|区委|县委|州委)[^，。,；;]{0,16}?(提出|作出|确定|确立|部署)")


@dataclass(frozen=True)
class GlossaryEntry:
    """One numbered entry: its term (as written) and definition, with offsets into the document."""

    number: int
    term: str
    term_start: int
    definition: str
    def_start: int

    @property
    def core(self) -> str:
        """The quoted part of the term, or the whole term."""
        m = _QUOTE.search(self.term)
        return m.group(1) if m else self.term

    def label_aliases(self, lex: SloganLexicon | None = None) -> tuple[str, tuple[str, ...]]:
        """Label and aliases of the term, agreeing with :func:`slogan_label`.

        >>> GlossaryEntry(1, "“六清”行动", 0, "", 0).label_aliases()
        ('六清行动', ('六清',))
        >>> GlossaryEntry(1, "政企“畅聊早餐会”", 0, "", 0).label_aliases()
        ('畅聊早餐会', ('政企畅聊早餐会',))
        """
        m = _QUOTE.search(self.term)
        if not m:
            return clean_content(self.term), ()
        prefix, core, tail = self.term[: m.start()], m.group(1), clean_content(self.term[m.end():])
        heads = lex.heads if lex else ()
        if tail and (not lex or any(tail.endswith(h) for h in heads) and len(tail) <= 8):
            return slogan_label(core, tail, prefix)
        label, aliases = slogan_label(core, "", prefix)
        extra = tuple(a for a in (clean_content(core + tail), clean_content(prefix + core + tail)) if a != label)
        return label, tuple(dict.fromkeys(aliases + extra))


def names_proposer(definition: str) -> bool:
    """Whether a definition says which body proposed its term (省委…提出).

    >>> names_proposer("省委十一届三次全会提出的“一干多支”发展战略"), names_proposer("即农旅融合。")
    (True, False)
    """
    return _PROPOSER.search(definition) is not None


def glossary_start(norm: str) -> int | None:
    """Offset of the last glossary heading in ``norm`` (None if there is none); without one, of a line that speaks
    of the glossary which follows it (…梳理了一本“小词典”，24个名词解释方便大家读懂政府工作报告。), when the next
    line is an entry.

    >>> glossary_start("正文。\\n名词解释\\n1.三最:最高温。"), glossary_start("梳理了24个名词解释。\\n\\n1.四减四增:减少煤炭消费。")
    (4, 0)
    >>> glossary_start("名词解释工作要做好。\\n1.加强学习。") is None
    True
    """
    last = None
    for m in _HEADING.finditer(norm):
        last = m.start()
    if last is not None:
        return last
    for m in _SPOKEN_OF.finditer(norm):
        line_start = norm.rfind("\n", 0, m.start()) + 1
        after = norm.find("\n", m.end())
        nxt = _LINE.search(norm, after) if after >= 0 else None  # the next line that is not blank
        if nxt and _entry(nxt.group(), 0) is not None:
            return line_start
    return None


_SPOKEN_OF = re.compile(r"名词解释|名词注释")
_LINE = re.compile(r"[^\n]*\S[^\n]*")


def parse_glossary(norm: str) -> list[GlossaryEntry]:
    """The entries of the document's glossary (after its heading, or 注[n] lines anywhere).

    >>> [(e.number, e.term, e.definition) for e in parse_glossary("正文。\\n名词解释\\n1.三最:最高温。\\n[2]“1+5”片区：甲。")]
    [(1, '三最', '最高温。'), (2, '“1+5”片区', '甲。')]
    """
    start = glossary_start(norm)
    entries: list[GlossaryEntry] = []
    pos = 0 if start is None else norm.index("\n", start) + 1 if "\n" in norm[start:] else len(norm)
    misses = 0
    for line_m in re.finditer(r"[^\n]*", norm[pos:]):
        line = line_m.group()
        if not line.strip():
            continue
        offset = pos + line_m.start()
        if start is None and not _FOOTNOTE_ENTRY.match(line):
            continue
        if _ENTRY.match(line):
            entry = _entry(line, offset)
            if entry:
                entries.append(entry)
            misses = 0
            continue
        misses += 1
        if start is not None and (entries or misses > 3):
            break
    return entries


def _entry(line: str, offset: int) -> GlossaryEntry | None:
    m = _ENTRY.match(line)
    if not m:
        return None
    number = int(next(g for g in m.groups()[1:6] if g))
    rest, rest_at = m.group(7), offset + m.start(7)
    if rest[0] in "[【":
        close = rest.find("]" if rest[0] == "[" else "】")
        if close < 2:
            return None
        term, term_at = rest[1:close], rest_at + 1
        definition, def_at = rest[close + 1:], rest_at + close + 1
    else:
        colon = re.search(r"[：:]", rest)
        if not colon:
            return None
        term, term_at = rest[: colon.start()], rest_at
        definition, def_at = rest[colon.end():], rest_at + colon.end()
    lead = _LEAD.match(definition)
    if lead:
        definition, def_at = definition[lead.end():], def_at + lead.end()
    term_clean = clean_content(re.sub(r"[（(][^）)]*[）)]", "", term))
    if not 2 <= len(term_clean) <= 30 or not definition.strip():
        return None
    return GlossaryEntry(number, term.strip(), term_at, definition.strip(), def_at)


def entry_type(entry: GlossaryEntry, label: str, lex: SloganLexicon) -> str:
    """Slogan, unless an unquoted, numeral-free term names a park, an enterprise or a line, or its definition
    opens by describing a project (大正食品：项目总投资1.23亿元, 硒鸽屠宰深加工：该项目…)."""
    if _QUOTE.search(entry.term) or numeric_signal(label) or has_formula_numeral(label, lex):
        return "Slogan"
    if _PROJECT_DEFINITION.match(entry.definition):
        return "Project"
    typ = part_type(label, lex)
    if typ in ("Park", "Enterprise") or (typ == "Project" and not label.endswith(("工程", "项目"))):
        return typ
    return "Slogan"


def extract_glossary(ctx: Context) -> Iterator[Mention | Relation]:
    """Mentions and relations of every glossary entry, its parts and its body markers."""
    lex = lexicon(ctx)
    entries = parse_glossary(ctx.doc.norm)
    stop = glossary_start(ctx.doc.norm)
    for entry in entries:
        sent = ctx.sentence_at(entry.term_start)
        if sent is None:
            continue
        label, aliases = entry.label_aliases(lex)
        aliases = tuple(dict.fromkeys(aliases + tuple(clean_content(a) for a in _ALIAS.findall(entry.definition))))
        typ = entry_type(entry, label, lex)
        ref = EntityRef(typ, label) if typ != "Slogan" else slogan_ref(label)
        end = entry.term_start + len(entry.term)
        yield Mention(ref, label, entry.term_start, end, sent.index, "glossary.term",
                      aliases=aliases, definition=entry.definition)
        def_sent = Sentence(sent.index, entry.def_start, entry.def_start + len(entry.definition), entry.definition)
        yield from _parts(ctx, entry, ref, label, def_sent, lex)
        proposer = _PROPOSER.search(entry.definition)
        if proposer and typ == "Slogan":
            rel = proposed_by(ctx, def_sent, entry.def_start + proposer.end(), ref, "glossary.proposed_by")
            if rel:
                yield rel
        if stop is not None:
            yield from _markers(ctx, entry, ref, label, aliases, stop)


def _parts(ctx: Context, entry: GlossaryEntry, term_ref: EntityRef, term_label: str,
           sent: Sentence, lex: SloganLexicon) -> Iterator[Mention | Relation]:
    text = sent.text
    seen: set[EntityRef] = {term_ref}
    skip = {m.start() for m in _KEY.finditer(text)} | {text.find(a) - 1 for a in _ALIAS.findall(text)}
    core = clean_content(entry.core)
    for h in quoted_hits(sent, lex):
        if h.start in skip or clean_content(h.content) in (core, term_label):
            continue
        label, aliases = slogan_label(h.content, h.head)
        yield from _part(term_ref, slogan_ref(label), label, aliases, sent, h.start, h.end, h.rule, seen)
    for key in _COUNTED_KEY.finditer(text):  # 一个定位：…；三个坚持：…；四个新郯城：…
        label = key.group(1)
        yield from _part(term_ref, slogan_ref(label), label, (), sent, key.start(1), key.end(1),
                         "glossary.counted_key", seen)
    for key in _KEY.finditer(text):
        tail = re.match(r"[^；;。“]*", text[key.end():]).group()
        yield from _typed_items(ctx, term_ref, sent, key.end(), tail, lex, seen)
    head = next((h for h in lex.suffixes if term_label.endswith(h)), None)
    if head:
        items = []
        for m in re.finditer(r"[^、，,；;。：:]+", text):
            item = _ITEM_VERB.sub("", _LEAD.sub("", m.group().strip()))
            if (item.endswith(head) and len(head) + 2 <= len(item) <= 20 and not re.search(r"[“”‘’等的]", item)
                    and not _COUNTED_WORKS.match(item)):
                items.append((m.start() + m.group().find(item), item))
        if len(items) >= 2:
            for at, item in items:
                label = clean_content(item)
                yield from _part(term_ref, slogan_ref(label), label, (), sent, at, at + len(item),
                                 "glossary.enumerated_part", seen)


_COUNTED_KEY = re.compile(r"(?:^|[；;。])\s*([一二三四五六七八九十两]个[\u4e00-\u9fff]{2,5})[：:]")
"""A count and what it counts, opening a part of a definition that a colon explains (三个坚持：坚持…；五个重点：…)."""


def _typed_items(ctx: Context, term_ref: EntityRef, sent: Sentence, at: int, tail: str,
                 lex: SloganLexicon, seen: set[EntityRef]) -> Iterator[Mention | Relation]:
    """Items of a key's list (“5”即A、B、C): known mentions there, or names typed by suffix."""
    for m in re.finditer(r"[^、，,和及]+", tail):
        item = m.group().strip()
        start, end = sent.start + at + m.start(), sent.start + at + m.end()
        known = next((x for x in ctx.mentions if start <= x.start and x.end <= end and x.type != "Slogan"), None)
        if known:
            yield from _relate(term_ref, known.ref, sent, seen)
            continue
        label = clean_content(item)
        if 2 <= len(label) <= 8 and (any(p.search(label) for p in lex.shapes)
                                     or has_formula_numeral(label, lex)):
            rel_at = at + m.start()
            yield from _part(term_ref, slogan_ref(label), label, (), sent, rel_at, rel_at + len(item),
                             "glossary.key_part", seen)
            continue
        typ = part_type(label, lex)
        if (typ and len(label) <= 20 and not _QUOTE.search(item) and not label.startswith(lex.verbs)
                and not _COUNTED_WORKS.match(label) and not label.startswith(("在", "于"))):  # 在|主城区: where, no name
            rel_at = at + m.start()
            yield from _part(term_ref, EntityRef(typ, label), label, (), sent, rel_at, rel_at + len(item),
                             "glossary.key_part", seen)


def _part(term_ref: EntityRef, ref: EntityRef, label: str, aliases: tuple[str, ...], sent: Sentence,
          start: int, end: int, rule: str, seen: set[EntityRef]) -> Iterator[Mention | Relation]:
    if ref in seen:
        return
    yield Mention(ref, label, sent.start + start, sent.start + end, sent.index, rule, aliases=aliases)
    yield from _relate(term_ref, ref, sent, seen)


def _relate(term_ref: EntityRef, ref: EntityRef, sent: Sentence, seen: set[EntityRef]) -> Iterator[Relation]:
    seen.add(ref)
    yield Relation(term_ref, "hasPart", ref, sent.index, "glossary.has_part")


# what may not follow a bare marker's number: more of the number, or a unit or counter it would measure
_NOT_A_MEASURE = r"(?![\d.．％%个万亿千百年月日号时元条座家项所处户人名次批公里米吨亩套栋辆台倍期级届]|[-~～至到])"


def _markers(ctx: Context, entry: GlossaryEntry, ref: EntityRef, label: str,
             aliases: tuple[str, ...], stop: int) -> Iterator[Mention]:
    """Body mentions of an entry at its inline markers: [n] right after the term, or n bare where a copy from a
    web page lost the brackets ("配合做好R1线10和雄忻高铁11及保定南站建设"), but not a count or a measure
    (R1线10公里)."""
    norm = ctx.doc.norm
    m = _QUOTE.search(entry.term)
    quoted_core = m.group(0) if m else None
    names = (entry.term, quoted_core, label, *aliases)
    candidates = [c for c in (*names, *(f"“{n}”" for n in names if n and "“" not in n)) if c]
    for marker in re.finditer(rf"\[{entry.number}\]|【{entry.number}】|〔{entry.number}〕|(?<!\d){entry.number}{_NOT_A_MEASURE}",
                              norm[:stop]):
        before = norm[: marker.start()]
        for cand in candidates:
            if before.endswith(cand):
                start = marker.start() - len(cand)
                sent = ctx.sentence_at(start)
                if sent is not None:
                    yield Mention(ref, label, start, marker.start(), sent.index, "glossary.marker", aliases=aliases)
                break
