"""The RDF graph projected to plain node and edge rows, shared by the tabular exporters.

A node is an entity (one of the six entity classes) with a stable id (its
IRI), its type, label, aliases, definition, admin code and the documents that
name it. An edge is one entity-to-entity relation (``govkg:locatedIn`` …)
with the sentences that state it, and for a link the gazetteer or a rule
derived, the division table or rule it is derived from. Rows come out sorted, so every exporter
built on them writes byte-identical files for the same graph.

>>> from rdflib import Graph, Literal
>>> from rdflib.namespace import RDF, RDFS
>>> g = Graph()
>>> sz = ENTITY["region/440300"]
>>> _ = g.add((sz, RDF.type, GOVKG.Region))
>>> _ = g.add((sz, RDFS.label, Literal("深圳市", lang="zh")))
>>> p = project(g)
>>> [(n.id, n.type, n.label) for n in p.nodes]
[('https://w3id.org/govkg/id/region/440300', 'Region', '深圳市')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from rdflib import BNode, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import PROV, QB, RDF, RDFS, SKOS

from govkg.graph.quads import GraphSource
from govkg.ontology.namespaces import (
    DIVISION, DOC_BASE, ENTITY, ENTITY_TYPES, GOVKG, RELATIONS, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE,
)

__all__ = ["Edge", "Node", "Projection", "document_id", "project", "relation_type"]


@dataclass(frozen=True, slots=True)
class Node:
    """One entity. ``documents`` are document ids (see :func:`document_id`), sorted."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    definition: str = ""
    admin_code: str = ""
    documents: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # of the documents naming it (govkg:year) and of its milestones


@dataclass(frozen=True, slots=True)
class Edge:
    """One relation ``source -type-> target`` (``type`` is the ontology name, e.g. ``locatedIn``).

    ``evidence`` holds the distinct sentences stating it, in document and
    text order; ``documents`` the ids of the documents they come from;
    ``derived_from`` the labels of the division tables and rules it is
    derived from (``prov:wasDerivedFrom`` other than its documents), sorted;
    ``years`` the years those documents speak for (``govkg:year``), sorted.
    """

    source: str
    type: str
    target: str
    evidence: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    derived_from: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # of the documents stating it

    @property
    def first_evidence(self) -> str:
        """The first evidence sentence; without one, what the edge is derived from; ``""`` only when the graph
        says neither (a graph that passes ``govkg validate`` always says one).

        >>> Edge("a", "locatedIn", "b", derived_from=("region.hierarchy",)).first_evidence
        'derived from region.hierarchy'
        >>> Edge("a", "locatedIn", "b", ("甲在乙。",), derived_from=("region.hierarchy",)).first_evidence
        '甲在乙。'
        """
        if self.evidence:
            return self.evidence[0]
        return "derived from " + "; ".join(self.derived_from) if self.derived_from else ""


@dataclass(frozen=True, slots=True)
class Projection:
    """Nodes sorted by id; edges sorted by (source, type, target)."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def nodes_of(self, kind: str) -> tuple[Node, ...]:
        """The nodes of entity type ``kind``."""
        return tuple(n for n in self.nodes if n.type == kind)

    def edges_of(self, kind: str) -> tuple[Edge, ...]:
        """The edges of relation ``kind`` (e.g. ``develops``)."""
        return tuple(e for e in self.edges if e.type == kind)


def relation_type(name: str) -> str:
    """The Neo4j-style relationship type of an ontology relation.

    >>> relation_type("locatedIn"), relation_type("hasPart")
    ('LOCATED_IN', 'HAS_PART')
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def document_id(doc: Any) -> str:
    """The id of a document IRI (the part after the document base, unquoted).

    >>> document_id(URIRef("https://w3id.org/govkg/doc/003_a%20b"))
    '003_a b'
    """
    return _document_id(str(doc))


@lru_cache(maxsize=65536)
def _document_id(text: str) -> str:
    return unquote(text[len(DOC_BASE):]) if text.startswith(DOC_BASE) else text


def project(graph: Graph | GraphSource | GraphFacts) -> Projection:
    """Project ``graph`` (a Graph, a Dataset read as the union of its graphs, a
    :class:`~govkg.graph.quads.GraphSource`, or the facts :func:`collect_facts` gathered of one) to rows.

    Only IRIs typed with an entity class become nodes (several types: the first
    in :data:`ENTITY_TYPES` order), and the divisions the regions lie in that no document names (a
    ``govkg:Division``: a Region node); only relations between two nodes become edges.
    """
    facts = graph if isinstance(graph, GraphFacts) else collect_facts(graph)
    order = {name: i for i, name in enumerate((*ENTITY_TYPES, DIVISION))}
    node_type = {
        s: min(kinds, key=order.__getitem__)
        for s, kinds in facts.types.items() if isinstance(s, URIRef)
    }
    node_type = {s: "Region" if kind == DIVISION else kind for s, kind in node_type.items()}
    nodes = []
    for iri in sorted(node_type, key=str):
        label = _label(facts.labels.get(iri, ()), iri)
        docs = facts.entity_documents(iri)
        nodes.append(Node(
            id=str(iri),
            type=node_type[iri],
            label=label,
            aliases=tuple(sorted({str(a) for a in facts.alt_labels.get(iri, ())} - {label})),
            definition=min((str(d) for d in facts.definitions.get(iri, ())), default=""),
            admin_code=min((str(c) for c in facts.admin_codes.get(iri, ())), default=""),
            documents=tuple(sorted({document_id(d) for d in docs})),
            years=_years(facts, docs | facts.values[GOVKG.milestone].get(iri, set())),
        ))
    edges = []
    for s, name, o in sorted(facts.relations, key=lambda t: (str(t[0]), t[1], str(t[2]))):
        if s not in node_type or o not in node_type:
            continue
        sentences = sorted(facts.statement_sentences.get((s, name, o), ()), key=facts.sentence_key)
        texts: list[str] = []
        for sent in sentences:
            text = min((str(t) for t in facts.text.get(sent, ())), default="")
            if text and text not in texts:
                texts.append(text)
        docs = {d for sent in sentences for d in facts.in_document.get(sent, ())}
        derived = facts.statement_documents.get((s, name, o), set())
        docs |= {d for d in derived if str(d).startswith(DOC_BASE)}
        sources = facts.derived_from((s, name, o))
        edges.append(Edge(
            source=str(s), type=name, target=str(o), evidence=tuple(texts),
            documents=tuple(sorted({document_id(d) for d in docs})), derived_from=sources,
            years=_years(facts, docs),
        ))
    return Projection(tuple(nodes), tuple(edges))


def _years(facts: GraphFacts, subjects: Any) -> tuple[int, ...]:
    """The years (``govkg:year``) of ``subjects`` (documents, milestones), sorted."""
    return tuple(sorted({int(str(y)[:4]) for x in subjects for y in facts.years.get(x, ()) if str(y)[:4].isdigit()}))


def _label(labels: Any, node: Any) -> str:
    """The ``zh`` label, else any label, else the last IRI segment (smallest if several)."""
    usable = [lit for lit in labels if str(lit).strip()]
    zh = [str(lit) for lit in usable if (lit.language or "").lower().startswith("zh")]
    chosen = zh or [str(lit) for lit in usable]
    if chosen:
        return min(chosen)
    return unquote(re.split(r"[/#]", str(node).rstrip("/#"))[-1])


def _quads(graph: Graph | GraphSource) -> Iterator[tuple[Any, Any, Any, Any]]:
    """Every triple of ``graph`` with its graph name (``None`` for a plain Graph), as rdflib terms."""
    if isinstance(graph, GraphSource):  # one holding an rdflib graph (the others go to _collect_streamed)
        yield from _quads(graph.graph)
    elif isinstance(graph, ConjunctiveGraph):
        for s, p, o, ctx in graph.quads((None, None, None, None)):
            yield s, p, o, getattr(ctx, "identifier", ctx)
    else:
        for s, p, o in graph.triples((None, None, None)):
            yield s, p, o, None


def _collect_streamed(quads: Iterator[Any], facts: GraphFacts, type_names: dict[Any, str],
                      relation_names: dict[Any, str], literal_maps: dict[Any, Any],
                      statement_keys: dict[Any, str]) -> None:
    """:func:`collect_facts` over pyoxigraph quads: the same facts, found by the predicate's text first, so the
    quads nothing is kept of cost no rdflib term; each kept term is made once."""
    import pyoxigraph as ox

    named, literal_type, default = ox.NamedNode, ox.Literal, ox.DefaultGraph()
    iris: dict[str, URIRef] = {}
    others: dict[Any, Any] = {}

    def term(t: Any) -> Any:
        if type(t) is named:
            v = t.value
            u = iris.get(v)
            if u is None:  # an IRI pyoxigraph read is valid: no need for URIRef's checks
                u = iris[v] = str.__new__(URIRef, v)
            return u
        out = others.get(t)
        if out is None:
            out = others[t] = _term(t)
        return out

    TYPE, RELATION, STATEMENT, LITERAL, START, MENTION, SENTENCE, DOCUMENT = range(8)
    kinds: dict[str, tuple[int, Any]] = {str(RDF.type): (TYPE, None), str(GOVKG.startOffset): (START, None),
                                         str(GOVKG.mentionOf): (MENTION, None), str(GOVKG.inSentence): (SENTENCE, None),
                                         str(GOVKG.inDocument): (DOCUMENT, None)}
    kinds.update({str(p): (RELATION, name) for p, name in relation_names.items()})
    kinds.update({str(p): (STATEMENT, key) for p, key in statement_keys.items()})
    kinds.update({str(p): (LITERAL, target) for p, target in literal_maps.items()})
    values = {str(p): target for p, target in facts.values.items()}
    classes = {str(c): name for c, name in type_names.items()}
    document, observation = str(GOVKG.Document), str(QB.Observation)
    for q in quads:
        p = q.predicate.value
        kept = values.get(p)
        if kept is not None:
            kept[term(q.subject)].add(term(q.object))
        kind = kinds.get(p)
        if kind is None:
            continue
        code, arg = kind
        o = q.object
        if code == TYPE:
            if type(o) is not named:
                continue
            c = o.value
            if c in classes:
                s = term(q.subject)
                facts.types[s].add(classes[c])
                if q.graph_name != default:
                    facts.typed_in[s].add(term(q.graph_name))
            elif c == document:
                facts.documents.add(term(q.subject))
            elif c == observation:
                facts.observations.add(term(q.subject))
        elif code == RELATION:
            facts.relations.add((term(q.subject), arg, term(o)))
        elif code == STATEMENT:
            facts.statements[term(q.subject)].setdefault(arg, set()).add(term(o))
        elif type(o) is literal_type:
            if code == LITERAL:
                arg[term(q.subject)].add(term(o))
            elif code == START:
                value = term(o).toPython()
                if isinstance(value, int):
                    s = term(q.subject)
                    facts.start[s] = min(value, facts.start.get(s, value))
        elif code == MENTION:
            facts.mention_of[term(o)].add(term(q.subject))
        elif code == SENTENCE:
            facts.in_sentence[term(q.subject)].add(term(o))
        elif code == DOCUMENT:
            facts.in_document[term(q.subject)].add(term(o))


def _term(t: Any) -> Any:
    """A pyoxigraph term as an rdflib term."""
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=None if t.datatype.value == _XSD_STRING else URIRef(t.datatype.value))
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    return Literal(str(t))  # a quoted triple (RDF-star): not part of govkg's graph


def _converted(quads: Iterator[Any]) -> Iterator[tuple[Any, Any, Any, Any]]:
    """pyoxigraph quads as rdflib terms, each distinct term made once (a literal's value is parsed once, not
    once per statement)."""
    import pyoxigraph as ox

    cache: dict[Any, Any] = {}
    default = ox.DefaultGraph()

    def term(t: Any) -> Any:
        out = cache.get(t)
        if out is None:
            out = cache[t] = _term(t)
        return out

    for q in quads:
        g = q.graph_name
        yield term(q.subject), term(q.predicate), term(q.object), None if g == default else term(g)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
OBSERVATION_VALUES = (SDMX_DIMENSION.refArea, SDMX_DIMENSION.refPeriod, GOVKG.observationKind, GOVKG.indicator,
                      SKOS.prefLabel, SDMX_MEASURE.obsValue, SDMX_ATTRIBUTE.unitMeasure, GOVKG.growthRate,
                      GOVKG.evidence, PROV.wasDerivedFrom, GOVKG.milestone)
"""Predicates whose values :class:`GraphFacts` keeps for the observation table and the projects' milestones (besides
labels and text)."""


class GraphFacts:
    """What the projection needs from the graph, gathered in one pass."""

    def __init__(self) -> None:
        self.types: dict[Any, set[str]] = defaultdict(set)
        self.labels: dict[Any, set[Literal]] = defaultdict(set)
        self.alt_labels: dict[Any, set[Literal]] = defaultdict(set)
        self.definitions: dict[Any, set[Literal]] = defaultdict(set)
        self.admin_codes: dict[Any, set[Literal]] = defaultdict(set)
        self.text: dict[Any, set[Literal]] = defaultdict(set)
        self.confidence: dict[Any, set[Literal]] = defaultdict(set)
        self.years: dict[Any, set[Literal]] = defaultdict(set)  # govkg:year of documents and milestones
        self.start: dict[Any, int] = {}
        self.relations: set[tuple[Any, str, Any]] = set()
        self.mention_of: dict[Any, set[Any]] = defaultdict(set)
        self.in_sentence: dict[Any, set[Any]] = defaultdict(set)
        self.in_document: dict[Any, set[Any]] = defaultdict(set)
        self.typed_in: dict[Any, set[Any]] = defaultdict(set)
        self.documents: set[Any] = set()
        self.statements: dict[Any, dict[str, Any]] = defaultdict(dict)
        self.statement_sentences: dict[tuple[Any, str, Any], set[Any]] = defaultdict(set)
        self.statement_documents: dict[tuple[Any, str, Any], set[Any]] = defaultdict(set)
        self.observations: set[Any] = set()  # subjects typed qb:Observation
        self.values: dict[Any, dict[Any, set[Any]]] = {p: defaultdict(set) for p in OBSERVATION_VALUES}

    def value(self, subject: Any, predicate: Any) -> Any:
        """One value of ``subject``'s ``predicate`` (the smallest as text, so the same each time), or None.

        ``predicate`` is one of :data:`OBSERVATION_VALUES`, ``rdfs:label``, ``govkg:adminCode`` or ``govkg:text``.
        """
        found = {RDFS.label: self.labels, GOVKG.adminCode: self.admin_codes, GOVKG.text: self.text}.get(predicate)
        values = (found if found is not None else self.values[predicate]).get(subject, ())
        return min(values, key=str, default=None)

    def derived_from(self, key: tuple[Any, str, Any]) -> tuple[str, ...]:
        """The labels of the division tables and rules relation ``key`` is ``prov:wasDerivedFrom`` besides its
        documents, sorted."""
        return tuple(sorted({_label(self.labels.get(d, ()), d) for d in self.statement_documents.get(key, ())
                             if not str(d).startswith(DOC_BASE)}))

    def entity_documents(self, entity: Any) -> set[Any]:
        """Documents naming ``entity``: through its mentions, and the named graphs typing it."""
        docs = {d for m in self.mention_of.get(entity, ())
                for sent in self.in_sentence.get(m, ()) for d in self.in_document.get(sent, ())}
        docs |= {g for g in self.typed_in.get(entity, ()) if g in self.documents}
        return docs

    def sentence_key(self, sentence: Any) -> tuple[str, int, str]:
        """Order of sentences: by document, then position in the text."""
        doc = min((str(d) for d in self.in_document.get(sentence, ())), default="")
        return doc, self.start.get(sentence, 0), str(sentence)


def collect_facts(graph: Graph | GraphSource, facts: GraphFacts | None = None) -> GraphFacts:
    """Read every triple of ``graph`` once (a Dataset or a source: all its graphs) into ``facts`` (a new one by
    default)."""
    facts = facts if facts is not None else GraphFacts()
    type_names = {GOVKG[name]: name for name in (*ENTITY_TYPES, DIVISION)}
    relation_names = {GOVKG[name]: name for name in RELATIONS}
    literal_maps = {RDFS.label: facts.labels, SKOS.altLabel: facts.alt_labels,
                    SKOS.definition: facts.definitions, GOVKG.definition: facts.definitions,
                    GOVKG.adminCode: facts.admin_codes, GOVKG.text: facts.text,
                    GOVKG.confidence: facts.confidence, GOVKG.year: facts.years}
    statement_keys = {RDF.subject: "s", RDF.predicate: "p", RDF.object: "o",
                      GOVKG.evidence: "evidence", PROV.wasDerivedFrom: "doc"}
    values = facts.values
    streamed = isinstance(graph, GraphSource) and graph.kind != "rdflib"
    if streamed:
        _collect_streamed(graph.quads(), facts, type_names, relation_names, literal_maps, statement_keys)
    for s, p, o, ctx in () if streamed else _quads(graph):
        kept = values.get(p)
        if kept is not None:
            kept[s].add(o)
        if p == RDF.type:
            if o in type_names:
                facts.types[s].add(type_names[o])
                if ctx is not None:
                    facts.typed_in[s].add(ctx)
            elif o == GOVKG.Document:
                facts.documents.add(s)
            elif o == QB.Observation:
                facts.observations.add(s)
        elif p in relation_names:
            facts.relations.add((s, relation_names[p], o))
        elif p in statement_keys:
            facts.statements[s].setdefault(statement_keys[p], set()).add(o)
        elif isinstance(o, Literal):
            target = literal_maps.get(p)
            if target is not None:
                target[s].add(o)
            elif p == GOVKG.startOffset and isinstance(o.toPython(), int):
                facts.start[s] = min(o.toPython(), facts.start.get(s, o.toPython()))
        elif p == GOVKG.mentionOf:
            facts.mention_of[o].add(s)
        elif p == GOVKG.inSentence:
            facts.in_sentence[s].add(o)
        elif p == GOVKG.inDocument:
            facts.in_document[s].add(o)
    for parts in facts.statements.values():
        for s in parts.get("s", ()):
            for p in parts.get("p", ()):
                if p not in relation_names:
                    continue
                for o in parts.get("o", ()):
                    key = (s, relation_names[p], o)
                    facts.statement_sentences[key] |= parts.get("evidence", set())
                    facts.statement_documents[key] |= parts.get("doc", set())
    return facts
