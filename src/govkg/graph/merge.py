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

import marshal
from dataclasses import dataclass, fields

from govkg.export.network import NetworkBuilder
from govkg.graph.iri import doc_iri_text, entity_iri_text, sentence_iri_text
from govkg.graph.rdf import DocGraph, pname
from govkg.graph.turtle import Pair, subject_text
from govkg.model import DocFacts, Document, EntityInfo, EntityRef
from govkg.ontology.namespaces import GOVKG


@dataclass(frozen=True, slots=True)
class DocSummary:
    """One document as the merged views see it (IRIs as plain strings).

    ``nodes``: (entity, type, label, aliases, definition); ``sentences``:
    (IRI, text) of the sentences ``evidence`` points into; ``evidence``:
    (entity, index into ``sentences``) — for each entity with a mention, the
    sentences the page may show, at most :data:`~govkg.export.network.MAX_EVIDENCE`
    distinct texts, least IRIs first; ``edges``: (subject, relation, object);
    ``entities``: the statements about entities (subject -> pairs, as in
    :class:`~govkg.graph.rdf.DocGraph`).
    """

    document: str
    title: str
    nodes: tuple[tuple[str, str, str, tuple[str, ...], str], ...]
    sentences: tuple[tuple[str, str], ...]
    evidence: tuple[tuple[str, int], ...]
    edges: tuple[tuple[str, str, str], ...]
    entities: tuple[tuple[str, tuple[Pair, ...]], ...]
    triples: int
    statements: int
    year: int | None = None  # the year the document speaks for (govkg:year)

    def pack(self) -> bytes:
        """The summary as bytes (:mod:`marshal`, which reads back plain tuples fast): what a worker sends and
        the build record keeps; see :meth:`unpack`.

        >>> s = DocSummary("urn:d", "报告", (), (), (), (("urn:a", "develops", "urn:b"),), (), 3, 1)
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
    return summary.summary(facts.entities, graph.entities, graph.triples)


class SummaryBuilder:
    """The summary of one document made from the facts of its pieces, given in text order (see
    :class:`~govkg.graph.rdf.GraphBuilder`); it keeps only what the page may show."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._chooser = NetworkBuilder()  # keeps, per entity, the sentences the page would show (the merge's rule)
        self._first: dict[str, str] = {}  # entity -> its least sentence IRI
        self._edges: set[tuple[str, str, str]] = set()
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
        self._edges.update((entity_iri_text(r.subject), r.predicate, entity_iri_text(r.object))
                           for r in facts.relations)
        self._relations += len(facts.relations)

    def summary(self, entities: dict[EntityRef, EntityInfo], groups: tuple[tuple[str, tuple[Pair, ...]], ...],
                triples: int) -> DocSummary:
        """The summary, given the document's entities and the statements about them (subject -> pairs)."""
        doc = self._doc
        nodes = tuple(
            (entity_iri_text(ref), ref.type, info.label, tuple(sorted(info.aliases - {info.label})),
             info.definition or "")
            for ref, info in entities.items()
        )
        sentences: dict[tuple[str, str], int] = {}
        evidence = []
        for entity in sorted(self._first):
            for key in self._chooser.evidence(entity) or [(self._first[entity], "")]:  # named there all the same
                evidence.append((entity, sentences.setdefault(key, len(sentences))))
        return DocSummary(doc_iri_text(doc.doc_id), doc.title or doc.doc_id, nodes, tuple(sentences),
                          tuple(evidence), tuple(sorted(self._edges)), groups, triples, self._relations, self._year)


class Merged:
    """The documents of a build added up: the entity statements united, the page's data, the counts."""

    def __init__(self) -> None:
        self.entities: dict[str, set[Pair]] = {}
        self.network = NetworkBuilder()
        self.triples = 0
        self.statements = 0

    def add(self, summary: DocSummary) -> None:
        net = self.network
        for subject, pairs in summary.entities:
            self.entities.setdefault(subject, set()).update(pairs)
            for p, o in pairs:
                if p == _CONFIDENCE:  # the subject in Turtle's <…>
                    net.add_confidence(subject[1:-1], float(o.split('"')[1]))
        net.add_document(summary.document, summary.title, year=summary.year)
        for iri, kind, label, aliases, definition in summary.nodes:
            net.add_node(iri, kind, [(label, "zh")], aliases, [definition] if definition else [])
        sentences = summary.sentences
        for iri, at in summary.evidence:
            sentence, text = sentences[at]
            net.add_evidence(iri, sentence, text, summary.document)
        for s, relation, o in summary.edges:
            net.add_edge(s, relation, o)
        self.triples += summary.triples
        self.statements += summary.statements

    def entity_text(self) -> str:
        """The united statements about entities as Turtle, subjects sorted."""
        return "".join(subject_text(s, _surest(self.entities[s])) for s in sorted(self.entities))


_CONFIDENCE = pname(GOVKG.confidence)


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
