"""What the learned decision sees of a candidate entity: every feature, and what it is for.

The extractors propose candidates (a type and a name, with the mentions that
support it); :func:`candidates` groups one document's mentions by entity and
describes each group by a set of named features. The features are binary
(present or absent), so a model is one weight per feature and class, and
a reader can see which features weighed most (:meth:`govkg.decide.model.Model.explain`).

Most features are *conjoined* with the proposed type (``Project|tail2=工程``):
a name ending in 中心 means one thing for a Park and another for a Project.

| feature | what it is for |
|---|---|
| ``type=T`` | the prior of a type's candidates being right |
| ``rule=R`` | which rule proposed it: some rules are precise, others cast wide |
| ``T|tail1``, ``T|tail2`` | the head noun (产业, 工程, 公司, 园区 …) |
| ``T|head1``, ``T|head2`` | the left edge: ordinals (二是), verbs (搞好), region names |
| ``T|len=`` | length bucket: one-character fragments and run-on phrases are rarely names |
| ``T|digit``, ``T|latin``, ``T|bracket``, ``T|marker`` | numbers, Latin letters, brackets, footnote or list markers inside the name |
| ``T|quoted`` | the text puts the name in quotation marks |
| ``T|prev=``, ``T|next=`` | the characters just before and after its first mention (、 lists, 的, 在 …) |
| ``T|mentions=`` | how often the document names it |
| ``T|where=`` | where in the document it is first named (opening, body, end: glossaries and signatures) |
| ``T|defined``, ``T|aliased``, ``T|spanless`` | a glossary definition; other names; declared (a parent region) without a span |
| ``T|region_prefix`` | the name starts with a region the document names |
| ``T|also=T2``, ``T|inside=T2``, ``T|holds=T2`` | the same span proposed as another type; the span lies inside, or holds, another type's mention |
| ``T|invested``, ``T|staged`` | a sum invested right before it (投资3000万元的…, 投资400万元完成…) or a stage of works right after it (…通车, …顺利竣工): the text treats it as one project |
| ``Industry|term`` | the name (less 产业 or 业) is a sector of the maintained vocabulary (``industry_terms.txt``, after GB/T 4754): 酿酒 in a list of sectors is one, however few regions' reports name it |
| ``T|script=`` | the mention was written in traditional script |
| ``T|tok1=``, ``T|tokN=`` | the first and last word of the name (jieba, with the rules' boundary words): a governing verb or a count in front, the head behind |
| ``T|words=`` | how common the name's words are: ``common`` (all in jieba's dictionary with a high count: a generic phrase like 物流产业园区), ``rare`` (a word the dictionary lacks or seldom counts: a place, brand or coined name) |
| ``T|pos1=``, ``T|posN=`` | the part of speech (jieba.posseg, no guessed words: fast) of the name's first and last word: a verb or preposition in front (涌现出…产业园, 以…综合体, 整修…堤防) or a verb behind (…试验区提档升级) is a clause, not a name; a division's name or short form first reads ``ns`` whatever jieba says (包头 is a verb to it) |
| ``T|df=``, ``T|df=&words=`` | in reports on how many regions of the scale corpus the rules propose the same name (``decide/data/doc_frequency.tsv``, mined by ``scripts/mine_df.py``): a park or project name that many regions propose is a kind (文化产业园区, 全域旅游示范区), while a slogan or industry that many name is a national one; with the words' commonness, since a name of common words that recurs is the surest kind |
| ``T|spread=`` | the least widespread word before the head: in reports on how many regions of the scale corpus the word is part of a proposed name (``decide/data/word_spread.tsv``, mined with the names' frequencies; a region the document names counts as none): a name whose every word recurs in many regions' names (现代智慧物流园区) is a kind however rare the whole name; one word of one region's names (立中, 蓝鲸) makes it a proper name |
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from govkg.extractors.base import Context
from govkg.extractors.gazetteer import gazetteer
from govkg.extractors.industry import industry_key, is_sector_term
from govkg.extractors.phrase import COMMON_WORD_FREQ, Lexicon, lexicon
from govkg.extractors.project_facts import invested_sums, stage_table
from govkg.extractors.quantity import half_width
from govkg.model import EntityRef, Mention

_MARKER = re.compile(r"[\[［〔【(（]\s*[0-9０-９一二三四五六七八九十]+\s*[\]］〕】)）]|[①-⑳]|^[0-9]+[.．、]"
                     r"|^[一二三四五六七八九十]+[是要]|^第[一二三四五六七八九十]+")
_DIGIT = re.compile(r"[0-9０-９]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_BRACKET = re.compile(r"[()（）\[\]［］【】〔〕《》<>]")
_OPEN_QUOTES = frozenset("“‘「『\"'《")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entity an extractor proposed in one document: its mentions and features."""

    ref: EntityRef
    label: str
    mentions: tuple[Mention, ...]
    features: frozenset[str]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The first edge ``n`` does not exceed, or ``edges[-1]+``.

    >>> _bucket(1, (1, 2, 4)), _bucket(3, (1, 2, 4)), _bucket(9, (1, 2, 4))
    ('1', '4', '4+')
    """
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def candidates(ctx: Context, mentions: list[Mention]) -> list[Candidate]:
    """The document's candidate entities, in order of first mention, each with its features."""
    groups: dict[EntityRef, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.ref, []).append(m)
    spans: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        if m.start >= 0:
            spans.setdefault((m.start, m.end), set()).add(m.ref.type)
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    prefixes = _region_names(mentions)
    lex = lexicon(ctx)
    df = ctx.resources.get("decide.df", document_frequency)
    spread = ctx.resources.get("decide.spread", word_spread)
    out = []
    for ref, ms in groups.items():
        label = _label(ref, ms)
        features = _features(ctx, ref.type, label, ms, spans, ordered, starts, prefixes)
        features |= _word_features(lex, ref.type, label, df.get(label, 0), spread, prefixes,
                                   gazetteer(ctx.resources).names_division)
        out.append(Candidate(ref, label, tuple(ms), frozenset(features)))
    return out


def _label(ref: EntityRef, ms: list[Mention]) -> str:
    return ms[0].label if ref.type == "Region" else ref.key.split(":", 1)[-1] or ms[0].label


def _region_names(mentions: list[Mention]) -> frozenset[str]:
    names = set()
    for m in mentions:
        if m.ref.type == "Region":
            names.add(m.label)
            names.update(a for a in m.aliases if len(a) >= 2)
    return frozenset(names)


def _features(ctx: Context, t: str, label: str, ms: list[Mention], spans: dict, ordered: list,
              starts: list[int], prefixes: frozenset[str]) -> set[str]:
    f = {f"type={t}"}
    f.update(f"rule={m.rule}" for m in ms)
    c = f"{t}|"
    f.add(c + "tail1=" + label[-1:])
    f.add(c + "tail2=" + label[-2:])
    f.add(c + "head1=" + label[:1])
    f.add(c + "head2=" + label[:2])
    f.add(c + "len=" + _bucket(len(label), (1, 2, 3, 4, 6, 9, 13)))
    if _DIGIT.search(label):
        f.add(c + "digit")
    if _LATIN.search(label):
        f.add(c + "latin")
    if _BRACKET.search(label):
        f.add(c + "bracket")
    if _MARKER.search(label):
        f.add(c + "marker")
    if any(m.definition for m in ms):
        f.add(c + "defined")
    if any(m.aliases for m in ms):
        f.add(c + "aliased")
    if any(key == "adminCode" for m in ms for key, _ in m.attrs):
        f.add(c + "coded")  # a division, or a town of the national table: its official code
    if t == "Industry" and _sector_term(ctx, label):
        f.add(c + "term")
    if t != "Region" and any(label.startswith(p) and len(label) > len(p) for p in prefixes):
        f.add(c + "region_prefix")
    placed = [m for m in ms if m.start >= 0]
    f.add(c + "mentions=" + _bucket(len(placed), (0, 1, 2, 4)))
    if not placed:
        f.add(c + "spanless")
        return f
    doc = ctx.doc
    first = min(placed, key=lambda m: m.start)
    size = max(len(doc.norm), 1)
    f.add(c + "where=" + ("open" if first.start < 0.05 * size else "end" if first.start > 0.9 * size else "body"))
    before = doc.norm[first.start - 1] if first.start > 0 else "^"
    after = doc.norm[first.end] if first.end < len(doc.norm) else "$"
    f.add(c + "prev=" + _kind(before))
    f.add(c + "next=" + _kind(after))
    if any(m.start > 0 and doc.norm[m.start - 1] in _OPEN_QUOTES for m in placed):
        f.add(c + "quoted")
    if any(doc.text[m.start:m.end] != doc.norm[m.start:m.end] for m in placed):
        f.add(c + "script=traditional")
    if any(_invested_before(half_width(doc.norm[max(0, m.start - 30):m.start])) for m in placed):
        f.add(c + "invested")
    staged = _staged(ctx)
    if any(staged.match(doc.norm, m.end) for m in placed):
        f.add(c + "staged")
    for m in placed:
        f.update(c + "also=" + other for other in spans.get((m.start, m.end), ()) if other != t)
        lo = bisect.bisect_left(starts, m.start - 40)
        for s, e in ordered[lo:bisect.bisect_right(starts, m.end)]:
            if (s, e) == (m.start, m.end) or e <= m.start or s >= m.end:
                continue
            if s <= m.start and m.end <= e:
                f.update(c + "inside=" + other for other in spans[(s, e)])
            elif m.start <= s and e <= m.end:
                f.update(c + "holds=" + other for other in spans[(s, e)])
    return f


def _sector_term(ctx: Context, label: str) -> bool:
    """Whether ``label``, or it less 产业 or 业, or it with 产业 (an industry's key: 数字 of 数字产业), is a sector of
    the vocabulary.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> [_sector_term(C, w) for w in ("酿酒", "新材料产业", "鞋业", "数字", "传统产业")]
    [True, True, True, True, False]
    """
    return any(is_sector_term(ctx, name)
               for name in (label, industry_key(label), label.removesuffix("业"), label + "产业"))


# a sum invested, then 的 or a verb and at most a few words (a place, a count), then the candidate
_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:、]")


def _invested_before(text: str) -> bool:
    """Whether ``text`` ends with an invested sum and at most ten more characters of its clause (投资2599万元的).

    >>> _invested_before("投资2599万元的"), _invested_before("投资2599万元，实施"), _invested_before("产值5亿元的")
    (True, False, False)
    """
    return any(len(text) - s.end <= 10 and not _CLAUSE_MARK.search(text, s.end) for s in invested_sums(text))


def _staged(ctx: Context) -> re.Pattern[str]:
    """A strong stage cue (竣工, 通车, 签约 …), perhaps after an adverb of how it went (顺利, 正式, 全面)."""
    def build() -> re.Pattern[str]:
        strong = stage_table(ctx.resources).strong
        return re.compile(rf"(?:顺利|正式|全面|已|已经|基本|如期|提前)?(?:{'|'.join(map(re.escape, strong))})")
    return ctx.resources.get("decide.staged", build)


DF_FILE = "doc_frequency.tsv"
SPREAD_FILE = "word_spread.tsv"


def document_frequency() -> dict[str, int]:
    """Name -> in reports on how many regions of the scale corpus the rules propose it (two or more; mined by
    ``scripts/mine_df.py`` into ``decide/data/doc_frequency.tsv``)."""
    return _counts(DF_FILE)


def word_spread() -> dict[str, int]:
    """Word -> in reports on how many regions of the scale corpus it is a word of a proposed name (two or more;
    mined with the names' frequencies into ``decide/data/word_spread.tsv``)."""
    return _counts(SPREAD_FILE)


def _counts(name: str) -> dict[str, int]:
    entry = resources.files("govkg.decide").joinpath("data", name)
    if not entry.is_file():
        return {}
    out = {}
    for line in entry.read_text(encoding="utf-8").splitlines():
        label, _, n = line.rpartition("\t")
        if label:
            out[label] = int(n)
    return out


_HAN = re.compile("[\u4e00-\u9fd5]+")  # jieba's own range of Chinese characters (one block in cut and tagger)


def name_words(lex: Lexicon, label: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The words of a name (jieba's dictionary cut, no guessed words) and their parts of speech."""
    tags = [(w, tag) for w, tag in lex.tokenizer.tags(label, HMM=False) if w.strip()]
    # a name of Chinese characters only is cut by the tagger as by jieba.cut: no second cut for its words
    words = [w for w, _ in tags] if _HAN.fullmatch(label) else [w for w in lex.tokenizer.cut(label, HMM=False) if w.strip()]
    return words, tags


def _word_features(lex: Lexicon, t: str, label: str, df: int, spread: dict[str, int],
                   places: frozenset[str], is_division: Callable[[str], bool]) -> set[str]:
    words, tags = name_words(lex, label)
    if not words:
        return set()
    freq = lex.tokenizer.FREQ
    common = [freq.get(w, 0) >= COMMON_WORD_FREQ for w in words]
    kind = "common" if all(common) else "rare" if any(freq.get(w, 0) < 3 for w in words) else "mixed"
    dfb = _bucket(df, (1, 2, 4, 9))
    out = {f"{t}|tok1={words[0]}", f"{t}|tokN={words[-1]}", f"{t}|words={kind}", f"{t}|ntok={_bucket(len(words), (1, 2, 3, 5))}",
           f"{t}|df={dfb}", f"{t}|df={dfb}&words={kind}"}
    if tags:
        out.add(f"{t}|pos1={'ns' if is_division(tags[0][0]) else tags[0][1]}")  # 包头 is a verb to jieba
        out.add(f"{t}|posN={tags[-1][1]}")
    # the least widespread word before the head: a word of many regions' names (现代, 物流, 示范) is a kind's,
    # one of one region's (清苑, 立中) or none's is a proper name's; a region the document names is proper
    least = min(0 if w in places else spread.get(w, 0) for w in words[:-1] or words)
    out.add(f"{t}|spread={_bucket(least, (1, 3, 9, 24))}")
    return out


_KINDS = {**dict.fromkeys("，。；：！？", "stop"), **dict.fromkeys("、和及与", "and"),
          **dict.fromkeys("“”‘’「」『』\"'《》", "quote"), **dict.fromkeys("（）()[]【】〔〕", "bracket")}


def _kind(ch: str) -> str:
    """A context character, or its class (punctuation, digits, Latin) so rare ones still teach something.

    >>> _kind("、"), _kind("7"), _kind("的"), _kind("\\n")
    ('and', 'digit', '的', 'line')
    """
    if ch in _KINDS:
        return _KINDS[ch]
    if ch.isdigit():
        return "digit"
    if ch.isspace():
        return "line"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return ch


def squash(p: float) -> str:
    """A probability as the graph stores it: three places, in xsd:decimal's canonical form (as stores give it back).

    >>> squash(0.87654), squash(0.5), squash(1.0), squash(math.nan)
    ('0.877', '0.5', '1', '0')
    """
    text = f"{0.0 if math.isnan(p) else min(max(p, 0.0), 1.0):.3f}".rstrip("0").rstrip(".")
    return text or "0"
