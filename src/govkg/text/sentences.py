"""Sentence splitting with offsets, inside the content spans of a document."""

from __future__ import annotations

import re

from govkg.model import Sentence

# A sentence ends at 。！？；, a line break, or a closing quote right after one of those.
_END = re.compile(r"[。！？!?；;]+[”’」』\"]?|\n+|\\r\\n|\\n")
_MAX_LEN = 400  # very long runs without punctuation are cut at commas


def split_sentences(norm: str, spans: tuple[tuple[int, int], ...]) -> tuple[Sentence, ...]:
    """Split the content ``spans`` of ``norm`` into sentences.

    >>> [s.text for s in split_sentences("甲乙。丙丁！\\n戊己", ((0, 9),))]
    ['甲乙。', '丙丁！', '戊己']
    """
    out: list[Sentence] = []
    for start, end in spans:
        end = min(end, len(norm))
        pos = start
        for m in _END.finditer(norm, start, end):
            keep_end = m.group()[0] not in "\n\\"  # punctuation stays in the sentence, breaks do not
            _add(out, norm, pos, m.end() if keep_end else m.start())
            pos = m.end()
        _add(out, norm, pos, end)
    return tuple(out)


def _add(out: list[Sentence], norm: str, start: int, end: int) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return
    if end - start > _MAX_LEN:
        cut = norm.rfind("，", start, start + _MAX_LEN)
        if cut > start:
            _add(out, norm, start, cut + 1)
            _add(out, norm, cut + 1, end)
            return
    out.append(Sentence(index=len(out), start=start, end=end, text=norm[start:end]))
