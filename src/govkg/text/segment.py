"""jieba segmentation behind one small class: a private tokenizer, memoised cuts, tags on demand.

The extractors cut short windows of text (the words left of a head noun, a
list item, a sentence around a head), and the same windows come back again
and again within a document and across documents; a cut is a pure function
of the text and the dictionary, so each distinct window is cut once.
Part-of-speech tagging is six times slower than cutting and only some rules
need it: :meth:`Segmenter.tags` tags a window only when asked.

>>> seg = Segmenter.load(extra_words=["卧龙湖"])
>>> seg.cut("建成卧龙湖大桥")
('建成', '卧龙湖', '大桥')
>>> seg.cut("建成卧龙湖大桥") is seg.cut("建成卧龙湖大桥")  # cut once
True
>>> seg.FREQ["交通"] > 100, seg.FREQ["卧龙湖"]
(True, 2000)
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from math import log

from govkg.text.dictionary import default_dictionary, jieba, posseg_module

MEMO_LIMIT = 200_000
"""Distinct windows kept per segmenter; the memo starts afresh beyond this (memory stays bounded)."""

EXTRA_WORD_FREQ = 2000
"""The count given to words added to the dictionary: high enough that jieba keeps them whole."""


_BLOCK = jieba.re_han_default  # what jieba cuts as one block (accurate mode)
_SKIP = jieba.re_skip_default  # white space between blocks: one word each


def _other_words(text: str, a: int, b: int) -> list[tuple[int, str]]:
    """jieba's words of ``text[a:b]``, a stretch outside any block: white space runs as jieba splits them, else one character each."""
    out, at = [], a
    for piece in _SKIP.split(text[a:b]):
        if not piece:
            continue
        if _SKIP.match(piece):
            out.append((at, piece))
        else:
            out.extend((at + i, ch) for i, ch in enumerate(piece))
        at += len(piece)
    return out


def _pos_tokenizer(tokenizer: jieba.Tokenizer):
    """A ``jieba.posseg.POSTokenizer`` over ``tokenizer`` with the dictionary's tags (read once per process).

    ``POSTokenizer(tokenizer)`` would read the dictionary file once more for the
    same table (our tokenizers use jieba's dictionary; their added words carry no tags).
    """
    posseg = posseg_module()
    pos = object.__new__(posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = default_dictionary().tags
    pos._POSTokenizer__cut = _HmmWords(posseg)  # the name jieba's own ``self.__cut`` looks up (name mangling)
    return pos


class _HmmWords:
    """jieba.posseg's guess of the words and tags of a run of characters its dictionary route left
    single (``POSTokenizer.__cut``), found faster and memoised per run.

    jieba's Viterbi pass takes, for each state of each character, the best of every
    state of the character before; most of those have no transition into it at all
    (their score is minus infinity). Here only the states that can lead to it are
    compared, with jieba's own sums in jieba's own order and its ties broken the same
    way (the larger state); when none of them gives a finite score jieba's full
    comparison decides. A test compares the tags with jieba's over real text.
    """

    def __init__(self, posseg) -> None:  # noqa: ANN001 - the jieba.posseg module
        viterbi = sys.modules["jieba.posseg.viterbi"]  # loaded with posseg (whose ``viterbi`` is the function)
        # the score of a character a state never emits, and of a move between states that never follow each other
        self.min_float, self.min_inf = viterbi.MIN_FLOAT, viterbi.MIN_INF
        self.pair = posseg.pair
        self.states, self.start, self.trans, self.emit = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P,
                                                          posseg.emit_P)
        self.leads_to: dict[tuple[str, str], list[tuple[str, str]]] = {}  # state -> the states with a move into it
        for a, moves in self.trans.items():
            for b in moves:
                self.leads_to.setdefault(b, []).append(a)
        self.memo: dict[str, tuple] = {}

    def __call__(self, sentence: str):
        try:
            return iter(self.memo[sentence])
        except KeyError:
            pass
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        out = self.memo[sentence] = tuple(self._words(sentence))
        return iter(out)

    def _words(self, sentence: str):
        """``POSTokenizer.__cut`` on :meth:`_route`."""
        pos_list = self._route(sentence)
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield self.pair(sentence[begin:i + 1], pos_list[i][1])
                nexti = i + 1
            elif pos == "S":
                yield self.pair(char, pos_list[i][1])
                nexti = i + 1
        if nexti < len(sentence):
            yield self.pair(sentence[nexti:], pos_list[nexti][1])

    def _route(self, obs: str) -> list:
        """The state of each character: ``jieba.posseg.viterbi``'s route."""
        states, trans, emit, leads_to = self.states, self.trans, self.emit, self.leads_to
        min_float, min_inf = self.min_float, self.min_inf
        all_states = trans.keys()
        score = {y: self.start[y] + emit[y].get(obs[0], min_float) for y in states.get(obs[0], all_states)}
        paths = [dict.fromkeys(score, "")]
        for t in range(1, len(obs)):
            prev = [x for x in paths[-1] if trans[x]]
            expect = {y for x in prev for y in trans[x]}
            now = set(states.get(obs[t], all_states)) & expect or expect or all_states
            char, scores, back = obs[t], {}, {}
            for y in now:
                e = emit[y].get(char, min_float)
                best = None
                for y0 in leads_to.get(y, ()):
                    v = score.get(y0)
                    if v is not None:
                        cand = (v + trans[y0][y] + e, y0)
                        if best is None or cand > best:
                            best = cand
                if best is None or best[0] == min_inf:
                    best = max((score[y0] + trans[y0].get(y, min_inf) + e, y0) for y0 in prev)
                scores[y], back[y] = best
            score = scores
            paths.append(back)
        state = max((score[y], y) for y in paths[-1])[1]
        route = [None] * len(obs)
        for i in range(len(obs) - 1, -1, -1):
            route[i] = state
            state = paths[i][state]
        return route


class _Tokenizer(jieba.Tokenizer):
    """``jieba.Tokenizer`` with the same cuts, found faster: the word graph and the best route are
    jieba's own arithmetic, done with local names and each word's log count memoised (jieba takes the
    log of every candidate word of every window again). The two methods below replace jieba's
    ``get_DAG`` and ``calc``, which its accurate-mode cut and ``jieba.posseg`` call; a test compares
    the cuts with jieba's over real text."""

    def __init__(self) -> None:
        super().__init__()
        self._logs: dict[str, float] = {}  # word -> log(count) - log(total), for ``_total``
        self._total = None

    def add_word(self, word, freq=None, tag=None):  # noqa: ANN001 - jieba's signature
        self._logs.clear()
        super().add_word(word, freq, tag)

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 - jieba's name
        freq = self.FREQ
        n = len(sentence)
        dag = {}
        for k in range(n):
            ends = []
            i = k
            frag = sentence[k]
            while i < n and frag in freq:
                if freq[frag]:
                    ends.append(i)
                i += 1
                frag = sentence[k:i + 1]
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict) -> None:  # noqa: N803 - jieba's names
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = log(self.total)
        if self._total != self.total:
            self._logs.clear()
            self._total = self.total
        logs, freq = self._logs, self.FREQ
        for idx in range(n - 1, -1, -1):
            best, at = None, idx
            for x in DAG[idx]:  # ascending: on a tie the later end wins, as in jieba's max over (value, end)
                word = sentence[idx:x + 1]
                weight = logs.get(word)
                if weight is None:
                    weight = logs[word] = log(freq.get(word) or 1) - logtotal
                value = weight + route[x + 1][0]
                if best is None or value >= best:
                    best, at = value, x
            route[idx] = (best, at)


class Segmenter:
    """A private ``jieba.Tokenizer`` (never the global one) with memoised :meth:`cut` and :meth:`tags`."""

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.FREQ: dict[str, int] = tokenizer.FREQ
        self._cuts: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._tags: dict[tuple[str, bool], tuple[tuple[str, str], ...]] = {}
        self._pos = None

    @classmethod
    def load(cls, extra_words: Iterable[str] = (), *, like: Segmenter | None = None) -> Segmenter:
        """jieba's default dictionary plus ``extra_words``.

        The dictionary comes from :func:`~govkg.text.dictionary.default_dictionary`
        (shared as it is when no word is added, else a copy: added words change
        it); with ``like``, it is copied from that segmenter instead (it must not
        have extra words of its own that this one should lack: pass the plain one).
        """
        jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading to stderr by default
        tok = _Tokenizer()
        words = sorted(set(extra_words))
        base = default_dictionary() if like is None else None
        freq = base.freq if base is not None else like.tokenizer.FREQ
        tok.FREQ = dict(freq) if words else freq
        tok.total = base.total if base is not None else like.tokenizer.total
        tok.initialized = True
        for word in words:
            tok.add_word(word, freq=EXTRA_WORD_FREQ)
        return cls(tok)

    def cut(self, text: str, HMM: bool = True) -> tuple[str, ...]:  # noqa: N803 - jieba's own keyword
        """``jieba.Tokenizer.cut(text, HMM=HMM)`` as a tuple, each distinct ``(text, HMM)`` cut once."""
        key = (text, HMM)
        try:
            return self._cuts[key]
        except KeyError:
            pass
        if len(self._cuts) >= MEMO_LIMIT:
            self._cuts.clear()
        out = self._cuts[key] = tuple(self.tokenizer.cut(text, HMM=HMM))
        return out

    def cut_around(self, text: str, lo: int, hi: int, HMM: bool = True) -> list[tuple[int, str]]:  # noqa: N803
        """(offset, word) for the words of ``cut(text)`` that overlap ``text[lo:hi]``, in order.

        jieba cuts each run of Chinese characters, letters and digits (a block,
        ``jieba.re_han_default``) on its own and every other character alone
        (a line break ``\\r\\n`` as one), so the words around a span do not depend
        on the rest of the text: only the blocks the span touches are cut.

        >>> seg = Segmenter.load()
        >>> seg.cut_around("我们，建设卧龙湖大桥。", 5, 8)
        [(5, '卧龙'), (7, '湖')]
        >>> seg.cut_around("我们，建设卧龙湖大桥。", 1, 4)
        [(0, '我们'), (2, '，'), (3, '建设')]
        """
        out: list[tuple[int, str]] = []
        pos = 0
        for m in _BLOCK.finditer(text):
            a, b = m.span()
            if a > pos and a > lo and pos < hi:
                out.extend(_other_words(text, pos, a))
            if b > lo and a < hi:
                at = a
                for word in self.cut(m.group(), HMM):
                    out.append((at, word))
                    at += len(word)
            pos = b
            if pos >= hi:
                break
        else:
            if pos < hi and len(text) > pos:
                out.extend(_other_words(text, pos, len(text)))
        return [(at, w) for at, w in out if at < hi and at + len(w) > lo]

    def tags(self, text: str, HMM: bool = True) -> tuple[tuple[str, str], ...]:  # noqa: N803 - jieba's own keyword
        """(word, part-of-speech tag) pairs of ``text`` (``jieba.posseg`` on this dictionary), memoised.

        With ``HMM=False`` jieba guesses no words the dictionary lacks (each of their characters stands
        alone, with its own tag), which saves the tagger's Viterbi pass: about a third of a build's time
        when every candidate's name is tagged.
        """
        key = (text, HMM)
        try:
            return self._tags[key]
        except KeyError:
            pass
        if self._pos is None:
            self._pos = _pos_tokenizer(self.tokenizer)
        if len(self._tags) >= MEMO_LIMIT:
            self._tags.clear()
        out = self._tags[key] = tuple((p.word, p.flag) for p in self._pos.cut(text, HMM=HMM))
        return out
