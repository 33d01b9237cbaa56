"""Very long documents, extracted piece by piece so that memory and time stay bounded per piece.

The rules compare a candidate with what the document said before it, and
the per-document step keeps every sentence, token and candidate of the
document until its graph is made: on a document of several megabytes that
grows faster than the text (a 10 MB document took 4 minutes and about 1 GB).
A document longer than :data:`PIECE_CHARS` characters is therefore cut into
pieces of at most that length, between its content spans (paragraphs) where
it can and else after a sentence's end; each piece is extracted as a document
of its own (with the whole document's identity, title and date), and its
facts are moved to their place in the whole document (character offsets,
sentence numbers) before the graph takes them in. Every report we have seen
is far shorter (the longest about 45,000 characters), so this never changes
their output.

>>> from govkg.model import Document
>>> text = "甲乙。丙丁。" + chr(10) + "戊己。"
>>> doc = Document("d", "d.txt", text, text, ((0, 6), (7, 10)), "h")
>>> [doc.text[a:b] for a, b in bounds(doc, size=4)]
['甲乙。', '丙丁。', '戊己。']
>>> [doc.text[a:b] for a, b in bounds(doc, size=7)]
['甲乙。丙丁。', '戊己。']
"""

from __future__ import annotations

import re
from dataclasses import replace

from govkg.model import DocFacts, Document

PIECE_CHARS = 100_000
"""The longest piece, in characters; a document up to this long is one piece, as it always was."""

MAX_DOC_MB = 50.0
"""The largest input file a build reads by default, in MB (10⁶ bytes). Pieces bound the working memory of the
rules, but the text, its graph and the summary of a document still grow with it (about 20 bytes per byte of
text, besides the 0.3 GB every process needs; a 49.9 MB file peaked at 1.07 GB): this keeps every process of
a build under 2 GB. Reports are seldom over 0.2 MB."""

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』\"]?|\n+")
_CLAUSE_END = re.compile(r"[，,、：:\s]+")


def bounds(doc: Document, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``doc``, in order: its content spans in runs of at most ``size`` characters
    (default :data:`PIECE_CHARS`), a span longer than that cut after the last sentence end in its second half
    (else a clause end, else at ``size``).

    A document up to ``size`` characters long is one piece, the whole text.
    """
    size = size or PIECE_CHARS
    if len(doc.text) <= size:
        return [(0, len(doc.text))]
    out: list[tuple[int, int]] = []
    start = end = -1  # the piece being made; empty while start < 0
    for a, b in doc.spans:
        b = min(b, len(doc.text))
        if a >= b:
            continue
        if start >= 0 and b - start > size:  # the span does not fit in the piece: close it
            out.append((start, end))
            start = -1
        if start < 0:
            start = a
        while b - start > size:  # a span longer than a piece on its own
            cut = _cut(doc.norm, start, start + size)
            out.append((start, cut))
            start = cut
        end = b
    if start >= 0 and end > start:
        out.append((start, end))
    return out


def _cut(norm: str, start: int, stop: int) -> int:
    """Where to end a piece that starts at ``start`` and may not reach past ``stop``."""
    half = start + (stop - start) // 2
    for pattern in (_SENTENCE_END, _CLAUSE_END):
        last = -1
        for m in pattern.finditer(norm, half, stop):
            last = m.end()
        if last > half:
            return last
    return stop


def piece(doc: Document, start: int, end: int) -> Document:
    """``doc[start:end]`` as a document of its own: the same identity, title and date, its content spans shifted."""
    if (start, end) == (0, len(doc.text)):
        return doc
    spans = tuple((max(a, start) - start, min(b, end) - start) for a, b in doc.spans if a < end and b > start)
    return replace(doc, text=doc.text[start:end], norm=doc.norm[start:end], spans=spans)


PLACED_FIELDS = frozenset({"document", "sentences", "mentions", "relations", "entities", "year", "region",
                           "observations", "investments", "milestones"})
"""The fields of :class:`~govkg.model.DocFacts` that :func:`placed` knows how to move (a test checks that these are
all its fields): a new field that holds offsets or sentence numbers must be moved there too."""


def placed(facts: DocFacts, doc: Document, start: int, first_sentence: int) -> DocFacts:
    """The facts of the piece of ``doc`` that starts at character ``start`` and sentence ``first_sentence``, with
    their offsets and sentence numbers in the whole document ``doc``.

    >>> from govkg.model import EntityRef, Mention, Relation, Sentence
    >>> doc = Document("d", "d.txt", "前言。甲县乙县。", "前言。甲县乙县。", ((0, 8),), "h")
    >>> part = piece(doc, 3, 8)
    >>> a, b = EntityRef("Region", "a"), EntityRef("Region", "b")
    >>> facts = DocFacts(part, (Sentence(0, 0, 5, "甲县乙县。"),),
    ...                  (Mention(a, "甲县", 0, 2, 0, "r"), Mention(b, "乙县", 2, 4, 0, "r")),
    ...                  (Relation(a, "locatedIn", b, 0, "r"),))
    >>> whole = placed(facts, doc, 3, 1)
    >>> [(doc.text[m.start:m.end], m.sentence) for m in whole.mentions], whole.relations[0].sentence
    ([('甲县', 1), ('乙县', 1)], 1)
    >>> whole.sentence(1).start, whole.document is doc
    (3, True)
    """
    if facts.document is doc:
        return facts
    sentences = tuple(replace(s, index=s.index + first_sentence, start=s.start + start, end=s.end + start)
                      for s in facts.sentences)
    mentions = tuple(m if m.start < 0 else
                     replace(m, start=m.start + start, end=m.end + start,
                             sentence=m.sentence + first_sentence if m.sentence >= 0 else m.sentence)
                     for m in facts.mentions)
    relations = tuple(r if r.sentence is None or r.sentence < 0 else replace(r, sentence=r.sentence + first_sentence)
                      for r in facts.relations)
    observations = tuple(replace(o, sentences=tuple(i + first_sentence for i in o.sentences))
                         for o in facts.observations)
    investments = tuple(replace(f, start=f.start + start, end=f.end + start, sentence=f.sentence + first_sentence)
                        for f in facts.investments)
    milestones = tuple(replace(f, start=f.start + start, end=f.end + start, sentence=f.sentence + first_sentence)
                       for f in facts.milestones)
    return replace(facts, document=doc, sentences=sentences, mentions=mentions, relations=relations,
                   observations=observations, investments=investments, milestones=milestones)


def joined(doc: Document, pieces: list[DocFacts]) -> DocFacts:
    """The facts of the pieces of ``doc`` (each :func:`placed`) as one :class:`~govkg.model.DocFacts`."""
    if len(pieces) == 1:
        return pieces[0]
    entities = {}
    for facts in pieces:
        for ref, info in facts.entities.items():
            if ref in entities:
                entities[ref].absorb(info)
            else:
                entities[ref] = info.copy()
    return DocFacts(document=doc, sentences=tuple(s for f in pieces for s in f.sentences),
                    mentions=tuple(m for f in pieces for m in f.mentions),
                    relations=tuple(r for f in pieces for r in f.relations), entities=entities,
                    year=pieces[0].year, region=pieces[0].region,
                    observations=tuple(o for f in pieces for o in f.observations),
                    investments=tuple(i for f in pieces for i in f.investments),
                    milestones=tuple(m for f in pieces for m in f.milestones))
