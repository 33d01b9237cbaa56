"""What the merged views of a build need of each document, and the merge itself.

A build writes every document's named graph as it arrives; the views over
all documents (the merged Turtle file, the network page, the summary counts)
need much less: the statements about entities (to unite them across
documents) and, for the page, each entity's names, evidence and relations.
:func:`summarize` takes that out of one document's facts (in the worker that
extracted them); :class:`Merged` adds the documents up in the main process.
A summary is plain data, so a later build can reuse it for an unchanged document.
"""

from __future__ import annotations

import itertools
import logging
import marshal
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any
from pathlib import Path

from govkg.export.network import NetworkBuilder
from govkg.graph.iri import doc_iri_text, entity_iri_text, sentence_iri_text
from govkg.graph.rdf import DocGraph, derivation_labels, pname
from govkg.graph.turtle import Pair, subject_text
from govkg.model import DocFacts, Document, EntityInfo, EntityRef
from govkg.ontology.namespaces import DIVISION, ENTITY_TYPES, GOVKG

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DocSummary:
    """One document as the merged views see it (IRIs as plain strings).

    ``nodes``: (entity, type, label, aliases, definition); ``sentences``:
    (IRI, text) of the sentences ``evidence`` points into; ``evidence``:
    (entity, index into ``sentences``) — for each entity with a mention, the
    sentences the page may show, at most :data:`~govkg.export.network.MAX_EVIDENCE`
    distinct texts, least IRIs first; ``edges``: (subject, relation, object,
    index into ``sentences`` of the least sentence stating it or -1, the least
    label of what it is derived from or "");
    ``entities``: the statements about entities (subject -> pairs, as in
    :class:`~govkg.graph.rdf.DocGraph`).
    """

    document: str
    title: str
    nodes: tuple[tuple[str, str, str, tuple[str, ...], str], ...]
    sentences: tuple[tuple[str, str], ...]
    evidence: tuple[tuple[str, int], ...]
    edges: tuple[tuple[str, str, str, int, str], ...]
    entities: tuple[tuple[str, tuple[Pair, ...]], ...]
    triples: int
    statements: int
    year: int | None = None  # the year the document speaks for (govkg:year)

    def pack(self) -> bytes:
        """The summary as bytes (:mod:`marshal`, which reads back plain tuples fast): what a worker sends and
        the build record keeps; see :meth:`unpack`.

        >>> s = DocSummary("urn:d", "报告", (), (), (), (("urn:a", "develops", "urn:b", -1, ""),), (), 3, 1)
        >>> DocSummary.unpack(s.pack()) == s
        True
        """
        return marshal.dumps(tuple(getattr(self, f.name) for f in fields(self)))

    @classmethod
    def unpack(cls, data: bytes) -> DocSummary:
        """The summary :meth:`pack` made; ValueError when ``data`` is not one."""
        try:
            return cls(*marshal.loads(data))
        except (EOFError, TypeError, ValueError) as exc:
            raise ValueError(f"not a document summary ({exc})") from None


def summarize(facts: DocFacts, graph: DocGraph) -> DocSummary:
    """The summary of one document's facts (``graph`` is its :func:`~govkg.graph.rdf.document_graph`)."""
    summary = SummaryBuilder(facts.document)
    summary.add(facts)
    return summary.summary(facts.entities, graph.entities, graph.triples, graph.named)


class SummaryBuilder:
    """The summary of one document made from the facts of its pieces, given in text order (see
    :class:`~govkg.graph.rdf.GraphBuilder`); it keeps only what the page may show."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._chooser = NetworkBuilder()  # keeps, per entity, the sentences the page would show (the merge's rule)
        self._first: dict[str, str] = {}  # entity -> its least sentence IRI
        # (subject, relation, object) -> [least sentence IRI stating it or None, its text, what it is derived from]
        self._edges: dict[tuple[str, str, str], list[Any]] = {}
        self._relations = 0
        self._year: int | None = None

    def add(self, facts: DocFacts) -> None:
        doc, first = self._doc, self._first
        if self._year is None:
            self._year = facts.year
        for m in facts.mentions:
            if m.start >= 0 and m.sentence >= 0:
                s = facts.sentence(m.sentence)
                entity, sentence = entity_iri_text(m.ref), sentence_iri_text(doc.doc_id, m.sentence)
                self._chooser.add_evidence(entity, sentence, doc.text[s.start:s.end], None)
                first[entity] = min(first.get(entity, sentence), sentence)
        for r in facts.relations:
            entry = self._edges.setdefault((entity_iri_text(r.subject), r.predicate, entity_iri_text(r.object)),
                                           [None, "", set()])
            if r.sentence is not None and r.sentence >= 0:
                sentence = sentence_iri_text(doc.doc_id, r.sentence)
                if entry[0] is None or sentence < entry[0]:
                    s = facts.sentence(r.sentence)
                    entry[0], entry[1] = sentence, doc.text[s.start:s.end]
            entry[2].update(derivation_labels(r))
        self._relations += len(facts.relations)

    def summary(self, entities: dict[EntityRef, EntityInfo], groups: tuple[tuple[str, tuple[Pair, ...]], ...],
                triples: int, named: set[EntityRef] | frozenset[EntityRef]) -> DocSummary:
        """The summary, given the document's entities, the statements about them (subject -> pairs) and the
        entities it speaks of (a region outside them is a Division)."""
        doc = self._doc
        nodes = tuple(
            (entity_iri_text(ref), DIVISION if ref.type == "Region" and ref not in named else ref.type,
             info.label, tuple(sorted(info.aliases - {info.label})), info.definition or "")
            for ref, info in entities.items()
        )
        sentences: dict[tuple[str, str], int] = {}
        evidence = []
        for entity in sorted(self._first):
            for key in self._chooser.evidence(entity) or [(self._first[entity], "")]:  # named there all the same
                evidence.append((entity, sentences.setdefault(key, len(sentences))))
        edges = tuple(sorted(
            (*edge, -1 if sentence is None else sentences.setdefault((sentence, text), len(sentences)),
             min(derived, default=""))
            for edge, (sentence, text, derived) in self._edges.items()))
        return DocSummary(doc_iri_text(doc.doc_id), doc.title or doc.doc_id, nodes, tuple(sentences),
                          tuple(evidence), edges, groups, triples, self._relations, self._year)


SPILL_PAIRS = 2_000_000
"""United entity statements held in memory; past this many the union moves to a file (:class:`EntityUnion`)."""

UNION_PREFIX = "govkg-union-"
"""Name start of the union's file (a build removes those a killed build left)."""

PAGE_MAX_ENTITIES = 100_000
"""Entities the page's data may hold; a build with more writes no page (see :class:`Merged`)."""


class EntityUnion:
    """Every document's statements about entities, united per subject, in memory or in a file.

    Up to ``spill_pairs`` (:data:`SPILL_PAIRS`) distinct (subject, predicate, object) statements are
    held in a dict; past that, they all go to an SQLite file in ``folder`` (the
    system's temp folder by default), which holds each statement once and
    gives them back sorted by subject with a bounded memory, and is removed by
    :meth:`close`. Both ways give the same Turtle.

    >>> u = EntityUnion(spill_pairs=2)
    >>> u.add("<urn:b>", [("rdfs:label", '"b"')]); u.add("<urn:a>", [("a", "govkg:Region"), ("rdfs:label", '"a"')])
    >>> u.spilled, "".join(u.chunks()).split()[:3]
    (True, ['<urn:a>', 'a', 'govkg:Region'])
    >>> u.close()
    """

    def __init__(self, *, spill_pairs: int | None = None, folder: Path | str | None = None) -> None:
        self._memory: dict[str, set[Pair]] | None = {}
        self._pairs = 0
        self._spill_pairs = SPILL_PAIRS if spill_pairs is None else spill_pairs
        self._folder = folder
        self._db: sqlite3.Connection | None = None
        self._path: Path | None = None

    @property
    def spilled(self) -> bool:
        """Whether the union lives in its file."""
        return self._db is not None

    def add(self, subject: str, pairs: Iterable[Pair]) -> None:
        if self._memory is not None:
            held = self._memory.setdefault(subject, set())
            before = len(held)
            held.update(pairs)
            self._pairs += len(held) - before
            if self._pairs > self._spill_pairs:
                self._spill()
            return
        self._db.executemany("INSERT OR IGNORE INTO pairs VALUES (?, ?, ?)", ((subject, p, o) for p, o in pairs))

    def _spill(self) -> None:
        fd, name = tempfile.mkstemp(prefix=UNION_PREFIX, suffix=".sqlite", dir=self._folder)
        os.close(fd)
        self._path = Path(name)
        self._db = sqlite3.connect(self._path, isolation_level=None)
        self._db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; "
                               "CREATE TABLE pairs (s TEXT, p TEXT, o TEXT, PRIMARY KEY (s, p, o)) WITHOUT ROWID; "
                               "BEGIN")
        memory, self._memory = self._memory, None
        for subject in list(memory):
            self._db.executemany("INSERT INTO pairs VALUES (?, ?, ?)", ((subject, p, o) for p, o in memory.pop(subject)))
        log.info("the united entity statements (%s) went to %s", f"{self._pairs:,}", self._path)

    def subjects(self) -> Iterator[tuple[str, set[Pair]]]:
        """Each subject with its statements, subjects sorted as text (UTF-8 bytes sort as code points)."""
        if self._memory is not None:
            for subject in sorted(self._memory):
                yield subject, self._memory[subject]
            return
        rows = self._db.execute("SELECT s, p, o FROM pairs ORDER BY s")
        for subject, group in itertools.groupby(rows, key=lambda row: row[0]):
            yield subject, {(p, o) for _, p, o in group}

    def chunks(self, size: int = 1 << 20) -> Iterator[str]:
        """The union as Turtle, in pieces of about ``size`` characters."""
        part: list[str] = []
        length = 0
        for subject, pairs in self.subjects():
            text = subject_text(subject, _surest(_named_type(pairs)))
            part.append(text)
            length += len(text)
            if length >= size:
                yield "".join(part)
                part, length = [], 0
        if part:
            yield "".join(part)

    def entity_counts(self) -> dict[str, int]:
        """Entities per type, each counted once under its first type in display order."""
        ranks = {pname(GOVKG[name]): i for i, name in enumerate(ENTITY_TYPES)}
        counts = dict.fromkeys(ENTITY_TYPES, 0)
        for _, pairs in self.subjects():
            found = [ranks[o] for p, o in pairs if p == "a" and o in ranks]
            if found:
                counts[ENTITY_TYPES[min(found)]] += 1
        return counts

    def close(self) -> None:
        """Remove the file, if there is one."""
        if self._db is not None:
            self._db.close()
            self._db = None
            self._path.unlink(missing_ok=True)


class Merged:
    """The documents of a build added up: the entity statements united, the page's data, the counts.

    What it holds grows with the number of distinct entities, not with the
    text: the united statements (moved to a file past :data:`SPILL_PAIRS`,
    see :class:`EntityUnion`) and, with ``page``, the page's data (every
    entity's names, a few evidence sentences, its edges and documents). Past
    ``page_limit`` entities no page could be opened in a browser anyway: the
    page's data is dropped (``network`` becomes None, ``dropped_page`` says
    how many entities there were), so memory stays bounded.
    """

    def __init__(self, *, page: bool = True, page_limit: int | None = None,
                 union: EntityUnion | None = None) -> None:
        self.union = union if union is not None else EntityUnion()
        self.network: NetworkBuilder | None = NetworkBuilder() if page else None
        self.page_limit = PAGE_MAX_ENTITIES if page_limit is None else page_limit
        self.dropped_page = 0
        self.triples = 0
        self.statements = 0

    def add(self, summary: DocSummary) -> None:
        net = self.network
        for subject, pairs in summary.entities:
            self.union.add(subject, pairs)
            if net is not None:
                for p, o in pairs:
                    if p == _CONFIDENCE:  # the subject in Turtle's <…>
                        net.add_confidence(subject[1:-1], float(o.split('"')[1]))
        self.triples += summary.triples
        self.statements += summary.statements
        if net is None:
            return
        net.add_document(summary.document, summary.title, year=summary.year)
        for iri, kind, label, aliases, definition in summary.nodes:
            net.add_node(iri, kind, [(label, "zh")], aliases, [definition] if definition else [])
        sentences = summary.sentences
        for iri, at in summary.evidence:
            sentence, text = sentences[at]
            net.add_evidence(iri, sentence, text, summary.document)
        for s, relation, o, at, derived in summary.edges:
            net.add_edge(s, relation, o, None if at < 0 else sentences[at], derived)
        if net.node_count() > self.page_limit:
            self.dropped_page = net.node_count()
            self.network = None
            log.info("the page's data dropped at %s entities", f"{self.dropped_page:,}")

    def entity_chunks(self) -> Iterator[str]:
        """The united statements about entities as Turtle, subjects sorted, in pieces."""
        return self.union.chunks()

    def entity_text(self) -> str:
        """The united statements about entities as Turtle, subjects sorted."""
        return "".join(self.entity_chunks())

    def entity_counts(self) -> dict[str, int]:
        """Entities per type (each counted once, under its first type in display order)."""
        return self.network.entity_counts() if self.network is not None else self.union.entity_counts()

    def close(self) -> None:
        """Remove the union's file, if it has one."""
        self.union.close()


_CONFIDENCE = pname(GOVKG.confidence)
_REGION, _DIVISION = ("a", pname(GOVKG.Region)), ("a", pname(GOVKG.Division))


def _named_type(pairs: set[Pair]) -> set[Pair]:
    """A division one document names (a Region there) and another only places above its regions (a Division)
    is a Region in the united graph.

    >>> sorted(_named_type({("a", "govkg:Region"), ("a", "govkg:Division")}))
    [('a', 'govkg:Region')]
    """
    if _DIVISION in pairs and _REGION in pairs:
        return pairs - {_DIVISION}
    return pairs


def _surest(pairs: set[Pair]) -> set[Pair] | list[Pair]:
    """An entity's united statements with one confidence, the highest the documents give it.

    >>> c = '"0.5"^^xsd:decimal', '"0.9"^^xsd:decimal'
    >>> sorted(_surest({("govkg:confidence", c[0]), ("govkg:confidence", c[1]), ("rdfs:label", "x")}))
    [('govkg:confidence', '"0.9"^^xsd:decimal'), ('rdfs:label', 'x')]
    """
    values = [o for p, o in pairs if p == _CONFIDENCE]
    if len(values) < 2:
        return pairs
    best = max(values, key=lambda o: float(o.split('"')[1]))
    return [(p, o) for p, o in pairs if p != _CONFIDENCE or o == best]
