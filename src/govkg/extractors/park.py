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
  (教育园区, 农业园区 are kinds; 南王庄园区, 特色林木园区 are names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govkg.extractors.base import Context
from govkg.extractors.names import head_regex, is_generic, literal_alternation, words
from govkg.extractors.phrase import COMMON_WORD_FREQ, Lexicon, headed_names, lexicon
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention

_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十百两几多]+)[个家批座]")
_RANK = re.compile(r"^(?:[省市县区]|国家)?(?:[\dA-Za-zＡ-Ｚ一二三四五]+[星AＡ]级)")
_SIZE = re.compile(r"[\d十百千万]+亿元?级?")  # 千亿元, 百亿级: the size of a park, not its name
_BARE_HEADS = ("园区",)


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
    for span in headed_names(ctx, heads):
        cut = _trim(lex, lead, span.text)
        name = span.text[cut:]
        head = heads.search(name)
        if head is None:
            continue
        body = name[: head.start()]
        if not is_park_body(ctx, body, head.group()):
            continue
        label = normalise_label(name)
        yield Mention(EntityRef("Park", label), label, span.start + cut, span.end, span.sentence, "park.head")


def _trim(lex: Lexicon, lead: frozenset[str], text: str) -> int:
    """Characters to drop from the left of ``text``: leading verbs, everything up to a count, a leading size.

    >>> from govkg.extractors.phrase import load_lexicon
    >>> _trim(load_lexicon(), frozenset({"对", "发挥"}), "对立中百亿工业园")
    1
    >>> _trim(load_lexicon(), frozenset(), "百亿元级立中工业园")
    4
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
            return cut
        cut += len(word)


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
    ...                                     ("教育", "园区"), ("零碳", "产业园区"), ("韵达", "产业园")]]
    [True, False, False, False, True]
    """
    if len(body) < 2 or is_generic(ctx, body) or _RANK.match(body):
        return False
    rest = _generic_regex(ctx).sub("", body)
    if not rest or is_generic(ctx, rest):
        return False
    lex = lexicon(ctx)
    toks = list(lex.tokenizer.cut(rest, HMM=False))
    if head in _BARE_HEADS and len(toks) < 2:
        return len(rest) == 1 or lex.tokenizer.FREQ.get(rest, 0) < COMMON_WORD_FREQ
    return True
