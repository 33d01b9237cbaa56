"""Traditional → simplified folding at character level, so offsets stay aligned.

Phrase-level conversion rewrites words (核心 → 内核); here every character is
converted alone and only one-for-one results are kept.

>>> conv = ScriptFolder()
>>> conv.fold("樂山市沙灣區重大産業項目核心")
'乐山市沙湾区重大产业项目核心'
"""

from __future__ import annotations

import opencc

# Variants OpenCC's t2s leaves alone but the scorer and readers treat as simplified.
_VARIANTS = {"産": "产", "眾": "众", "裏": "里", "綫": "线", "峯": "峰"}
# Characters that are also standard simplified characters in names and idioms (乾坤, 乾县):
# OpenCC maps them alone to another character, so they are kept as written.
_KEEP = "乾"


class ScriptFolder:
    """Folds text to simplified script, one character at a time (length preserved)."""

    def __init__(self) -> None:
        self._conv = opencc.OpenCC("t2s")
        self._table: dict[int, str] = {ord(k): v for k, v in _VARIANTS.items()}
        self._seen: set[int] = set(self._table) | {ord(c) for c in _KEEP}

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
