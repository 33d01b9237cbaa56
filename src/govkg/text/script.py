"""Traditional → simplified folding at character level, so offsets stay aligned.

Phrase-level conversion rewrites words (核心 → 内核); here every character is
converted alone and only one-for-one results are kept.

>>> conv = ScriptFolder()
>>> conv.fold("樂山市沙灣區重大産業項目核心")
'乐山市沙湾区重大产业项目核心'
"""

from __future__ import annotations

import re

import opencc

from govkg.extractors.base import data_lines

# Variants OpenCC's t2s leaves alone but the scorer and readers treat as simplified.
_VARIANTS = {"産": "产", "眾": "众", "裏": "里", "綫": "线", "峯": "峰", "陜": "陕", "槪": "概", "堿": "碱"}
_TW_WORDS = dict(line.split() for line in data_lines("taiwan_words.txt"))
_TW_WORD = re.compile("|".join(sorted(_TW_WORDS, key=lambda w: (-len(w), w))))
_TRADITIONAL_SHARE = 0.2
"""A document is written in traditional script when folding changes this share of its hanzi or more (a simplified
document quoting a traditional name stays as it is)."""
# Characters that are also standard simplified characters in names and idioms (乾坤, 乾县):
# OpenCC maps them alone to another character, so they are kept as written.
_KEEP = "乾"


class ScriptFolder:
    """Folds text to simplified script, one character at a time (length preserved)."""

    def __init__(self) -> None:
        self._conv = opencc.OpenCC("t2s")
        self._table: dict[int, str] = {ord(k): v for k, v in _VARIANTS.items()}
        self._seen: set[int] = set(self._table) | {ord(c) for c in _KEEP}

    def fold_document(self, text: str) -> str:
        """:meth:`fold`, and in a document written mostly in traditional script, Taiwan wording of technology terms
        in mainland words of the same length (资讯 -> 信息, 软体 -> 软件; ``extractors/data/taiwan_words.txt``).

        >>> conv = ScriptFolder()
        >>> conv.fold_document("發展新一代資訊技術和軟體産業")
        '发展新一代信息技术和软件产业'
        >>> conv.fold_document("完善资讯平台")  # simplified already: its words are its own
        '完善资讯平台'
        """
        folded = self.fold(text)
        if folded is text or not _TW_WORD.search(folded):
            return folded
        hanzi = sum(1 for ch in folded if ch >= "\u3400")
        changed = sum(1 for a, b in zip(text, folded) if a != b)
        if changed < _TRADITIONAL_SHARE * hanzi:
            return folded
        return _TW_WORD.sub(lambda m: _TW_WORDS[m.group()], folded)

    def fold(self, text: str) -> str:
        """Return ``text`` in simplified script with ``len(result) == len(text)``."""
        used = set(map(ord, set(text)))
        for cp in used - self._seen:
            if cp >= 0x3400:  # CJK only; ASCII and punctuation stay as they are
                out = self._conv.convert(chr(cp))
                if len(out) == 1 and ord(out) != cp:
                    self._table[cp] = out
            self._seen.add(cp)
        if used.isdisjoint(self._table):
            return text  # simplified already: nothing to fold
        return text.translate(self._table)
