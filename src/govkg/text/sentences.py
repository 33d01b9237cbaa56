"""Sentence splitting with offsets, inside the content spans of a document."""

from __future__ import annotations

import re

from govkg.model import Sentence

# A sentence ends at 。！？；, a line break, or a closing quote right after one of those.
_END = re.compile(r"[。！？!?；;]+[”’」』\"]?|\n+|\\r\\n|\\n")
_MAX_LEN = 400  # very long runs without punctuation are cut at commas (or another clause mark, or anywhere)
_CLAUSE_MARKS = "、；;：:,， "


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
    """``norm[start:end]``, spaces trimmed, as sentences: a run over ``_MAX_LEN`` characters is cut after its last
    comma within that length, else after another clause mark, else at that length.

    >>> out = []
    >>> _add(out, "、".join(["钒钛产业"] * 100), 0, 499)
    >>> [s.end - s.start for s in out], out[0].text[-2:]
    ([400, 99], '业、')
    """
    while True:
        start, end = _trimmed(norm, start, end)
        if end - start <= _MAX_LEN:
            break
        cut = _cut(norm, start) + 1
        a, b = _trimmed(norm, start, cut)
        if b - a >= 2:
            out.append(Sentence(index=len(out), start=a, end=b, text=norm[a:b]))
        start = cut
    if end - start >= 2:
        out.append(Sentence(index=len(out), start=start, end=end, text=norm[start:end]))


def _trimmed(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def _cut(norm: str, start: int) -> int:
    """Where a run from ``start`` longer than ``_MAX_LEN`` ends: its last comma in reach, else clause mark, else
    the last character in reach (a run of names with no punctuation at all; the rules work per sentence, and
    some compare every pair of names in one)."""
    for marks in ("，", _CLAUSE_MARKS):
        cut = max(norm.rfind(mark, start, start + _MAX_LEN) for mark in marks)
        if cut > start:
            return cut
    return start + _MAX_LEN - 1
