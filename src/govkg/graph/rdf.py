"""Facts of one document → the statements of its named graph, with provenance.

Provenance shape (every fact traceable to its sentence)::

    entity  ←govkg:mentionOf─  mention  ─govkg:inSentence→  sentence  ─govkg:inDocument→  document
    subject ─govkg:develops→ object,  and a reified rdf:Statement ─govkg:evidence→ sentence
    a parent link the gazetteer or a rule gives:  rdf:Statement ─prov:wasDerivedFrom→ division table or govkg:Rule
    sentence ─govkg:about→ entity   (each entity a mention in it names or a statement it evidences has at one end)

Entities are never linked straight to their document, so two entities are
related only when a sentence relates them.

The shape is defined once, in :func:`document_statements`, as Turtle text
(:mod:`govkg.graph.turtle`); :func:`document_graph` groups it into the
document's TriG block, and rdflib reads the same text (:func:`build_dataset`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import Dataset, Graph, URIRef

from govkg import __version__
from govkg.graph.iri import (doc_iri_text, entity_iri_text, mention_iri_text, sentence_iri_text,
                             statement_iri_text, table_iri_text)
from govkg.graph.turtle import PREFIX_HEADER, Pair, integer, iri, literal, statements_text
from govkg.model import DocFacts, Document, EntityInfo, EntityRef
from govkg.graph.numbers import number_statements
from govkg.ontology.namespaces import DIVISION, ENTITY_BASE, GOVKG, ONTOLOGY_BASE, PREFIXES

ZH = "zh"


def pname(term: URIRef) -> str:
    """``term`` as a prefixed name of :data:`~govkg.ontology.namespaces.PREFIXES` (``rdf:type`` as ``a``).

    >>> pname(GOVKG.mentionOf), pname(URIRef(PREFIXES["rdf"] + "type"))
    ('govkg:mentionOf', 'a')
    """
    if str(term) == _RDF_TYPE:
        return "a"
    for prefix, base in PREFIXES.items():
        if term.startswith(base) and term[len(base):].isidentifier():
            return f"{prefix}:{term[len(base):]}"
    return iri(term)


_RDF_TYPE = PREFIXES["rdf"] + "type"


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The predicates and classes the graph uses, as Turtle text (made once from the closed namespaces)."""

    type: str
    label: str
    alt_label: str
    definition: str
    title: str
    date: str
    derived_from: str
    statement: str
    subject: str
    predicate: str
    object: str
    govkg: dict[str, str]  # local name -> prefixed name, for every term of govkg.ttl


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    from rdflib import RDF, RDFS
    from rdflib.namespace import DCTERMS, PROV, SKOS

    names = [n for n in GOVKG.__annotations__ if not n.startswith("_")]
    return _Vocabulary(
        type=pname(RDF.type), label=pname(RDFS.label), alt_label=pname(SKOS.altLabel), definition=pname(SKOS.definition),
        title=pname(DCTERMS.title), date=pname(DCTERMS.date), derived_from=pname(PROV.wasDerivedFrom),
        statement=pname(RDF.Statement), subject=pname(RDF.subject), predicate=pname(RDF.predicate),
        object=pname(RDF.object), govkg={n: pname(GOVKG[n]) for n in names},
    )


def _g(name: str) -> str:
    """The prefixed name of the govkg term ``name``; an unknown name fails like the closed namespace does."""
    try:
        return _vocabulary().govkg[name]
    except KeyError:
        GOVKG[name]  # raises AttributeError naming the term
        raise


DECIMAL_ATTRS = frozenset({"confidence"})
"""Entity data properties written as ``xsd:decimal`` (in canonical form, ``"0.87"^^xsd:decimal``); the others are
plain strings."""


def document_statements(facts: DocFacts) -> Iterator[tuple[str, list[Pair]]]:
    """Every statement of the document's named graph: (subject, its (predicate, object) pairs), as Turtle text.

    The document's own nodes (document, mentions, statements, sentences) come
    once each, in text order; an entity may come more than once (its names,
    then each relation it is the subject of).
    """
    yield document_node(facts.document)
    yield from entity_statements(facts.entities, named_entities(facts))
    yield from piece_statements(facts)


def named_entities(facts: DocFacts) -> set[EntityRef]:
    """The entities ``facts`` speak of: those the text names (a mention with a span), the region the document
    speaks for, the regions of its figures and the ends of its relations other than locatedIn. What is left are
    divisions that only place the regions below them (:data:`~govkg.ontology.namespaces.DIVISION`)."""
    named = {m.ref for m in facts.mentions if m.start >= 0}
    named.update(r.subject for r in facts.relations if r.predicate != "locatedIn")
    named.update(r.object for r in facts.relations if r.predicate != "locatedIn")
    named.update(o.region for o in facts.observations)
    if facts.region is not None:
        named.add(facts.region)
    return named


def document_node(doc: Document) -> tuple[str, list[Pair]]:
    """The statements about the document itself: title, date, source path (none when ``doc.path`` is empty), content
    hash, the code that built it."""
    v = _vocabulary()
    g = v.govkg
    pairs = [(v.type, g["Document"]), (v.label, literal(doc.title or doc.doc_id, ZH))]
    if doc.title:
        pairs.append((v.title, literal(doc.title, ZH)))
    if doc.date:
        pairs.append((v.date, literal(doc.date, datatype=_date_type(doc.date))))  # plain when no type fits
    if doc.path:
        pairs.append((g["sourcePath"], literal(doc.path)))
    pairs += [(g["contentHash"], literal(doc.content_hash)), (g["builtWith"], literal(code_fingerprint()))]
    return iri(doc_iri_text(doc.doc_id)), pairs


def entity_statements(entities: dict[EntityRef, EntityInfo],
                      named: set[EntityRef] | frozenset[EntityRef]) -> Iterator[tuple[str, list[Pair]]]:
    """What the document says of each entity: type, label, other names, definition, data properties.

    ``named``: the entities the document's text names (a mention with a span); a region outside it is a division
    the gazetteer places above one it names (``region.parent``), typed ``govkg:Division``, not ``govkg:Region``.
    """
    v = _vocabulary()
    for ref, info in entities.items():
        kind = DIVISION if ref.type == "Region" and ref not in named else ref.type
        pairs = [(v.type, _g(kind)), (v.label, literal(info.label, ZH))]
        pairs += [(v.alt_label, literal(alias, ZH)) for alias in sorted(info.aliases - {info.label})]
        if info.definition:
            pairs.append((v.definition, literal(info.definition, ZH)))
        pairs += [(_g(key), literal(value, datatype="xsd:decimal" if key in DECIMAL_ATTRS else None))
                  for key, value in sorted(info.attrs.items())]
        yield _entity(ref), pairs


def piece_statements(facts: DocFacts, first_statement: int = 0) -> Iterator[tuple[str, list[Pair]]]:
    """The mentions, relations and sentences of ``facts``: the document's own nodes in text order, and each relation
    as a statement between its entities.

    For a long document built piece by piece (:mod:`govkg.pieces`), ``facts``
    are one piece's, and ``first_statement`` numbers its first relation
    after those of the pieces before it.
    """
    v = _vocabulary()
    g = v.govkg
    doc = facts.document
    d = iri(doc_iri_text(doc.doc_id))
    about: dict[int, set[str]] = {}  # sentence -> the entities it names or states a relation of
    mention, mention_of, surface = g["Mention"], g["mentionOf"], g["surface"]
    start, end, rule, in_sentence = g["startOffset"], g["endOffset"], g["rule"], g["inSentence"]
    for m in facts.mentions:
        if m.start < 0:  # a declared entity (e.g. a parent region) with no span in the text
            continue
        entity = _entity(m.ref)
        pairs = [(v.type, mention), (mention_of, entity), (surface, literal(doc.text[m.start:m.end])),
                 (start, integer(m.start)), (end, integer(m.end)), (rule, literal(m.rule))]
        if m.sentence >= 0:
            pairs.append((in_sentence, iri(sentence_iri_text(doc.doc_id, m.sentence))))
            about.setdefault(m.sentence, set()).add(entity)
        yield iri(mention_iri_text(doc.doc_id, m.ref, m.start, m.end)), pairs

    sources: set[tuple[str, tuple[Pair, ...]]] = set()  # the tables and rules statements are derived from
    for n, r in enumerate(facts.relations, first_statement):
        s, o, p = _entity(r.subject), _entity(r.object), _g(r.predicate)
        yield s, [(p, o)]
        pairs = [(v.type, v.statement), (v.subject, s), (v.predicate, p), (v.object, o), (rule, literal(r.rule)),
                 (v.derived_from, d)]
        for source in derivations(r):
            pairs.append((v.derived_from, source[0]))
            sources.add(source)
        if r.sentence is not None and r.sentence >= 0:
            pairs.append((g["evidence"], iri(sentence_iri_text(doc.doc_id, r.sentence))))
            about.setdefault(r.sentence, set()).update((s, o))
        yield iri(statement_iri_text(doc.doc_id, n)), pairs
    for subject, source_pairs in sorted(sources):
        yield subject, list(source_pairs)

    evidence: set[int] = set()  # sentences that only numbers point to (observations, investments, milestones)
    yield from number_statements(facts, evidence)

    for i in sorted(about.keys() | evidence):
        s = facts.sentence(i)
        yield iri(sentence_iri_text(doc.doc_id, i)), [
            (v.type, g["Sentence"]), (g["text"], literal(doc.text[s.start:s.end], ZH)),
            (start, integer(s.start)), (end, integer(s.end)), (g["inDocument"], d),
            *((g["about"], e) for e in sorted(about.get(i, ())))]


DERIVING_RULES: dict[str, str] = {"region.hierarchy": "HierarchyRule", "region.town_pattern": "TownPatternRule"}
"""Rules that derive a relation from other statements rather than read it (rule name -> its govkg:Rule term);
a statement they make is ``prov:wasDerivedFrom`` the rule."""


def derivations(relation) -> list[tuple[str, tuple[Pair, ...]]]:
    """What ``relation`` (a :class:`~govkg.model.Relation`) is derived from besides its document: the division
    table it was read from and the rule that derived it, each as (IRI, the statements describing it).

    >>> from govkg.model import EntityRef, Relation
    >>> a, b = EntityRef("Region", "510311"), EntityRef("Region", "510300")
    >>> [iri for iri, _ in derivations(Relation(a, "locatedIn", b, None, "region.hierarchy"))]
    ['<https://w3id.org/govkg/ontology#HierarchyRule>']
    >>> derivations(Relation(a, "locatedIn", b, 3, "relation.develops"))
    []
    """
    out = []
    if relation.derived_from:
        out.append(_table(relation.derived_from))
    term = DERIVING_RULES.get(relation.rule)
    if term:
        out.append(_rule(relation.rule, term))
    return out


def derivation_labels(relation) -> list[str]:
    """The labels (``rdfs:label``) of what :func:`derivations` names, in its order.

    >>> from govkg.model import EntityRef, Relation
    >>> a, b = EntityRef("Region", "510311"), EntityRef("Region", "510300")
    >>> derivation_labels(Relation(a, "locatedIn", b, None, "region.hierarchy"))
    ['region.hierarchy']
    """
    from govkg.extractors.gazetteer import division_tables

    out = [division_tables()[relation.derived_from].label] if relation.derived_from else []
    if relation.rule in DERIVING_RULES:
        out.append(relation.rule)
    return out


@lru_cache(maxsize=None)
def _table(key: str) -> tuple[str, tuple[Pair, ...]]:
    from rdflib import RDFS
    from rdflib.namespace import SDO

    from govkg.extractors.gazetteer import division_tables

    t = division_tables()[key]
    return iri(table_iri_text(t.key, t.version)), (
        (_vocabulary().type, pname(SDO.Dataset)), (pname(RDFS.label), literal(t.label)),
        (pname(SDO.name), literal(f"{t.package} {t.file}")), (pname(SDO.version), literal(t.version)))


@lru_cache(maxsize=None)
def _rule(name: str, term: str) -> tuple[str, tuple[Pair, ...]]:
    from rdflib import RDFS

    return iri(str(GOVKG[term])), ((_vocabulary().type, _g("Rule")), (pname(RDFS.label), literal(name)))


@lru_cache(maxsize=1 << 16)
def _entity(ref) -> str:
    return iri(entity_iri_text(ref))


_ENTITY_PREFIX = "<" + ENTITY_BASE
_SHARED_PREFIXES = (_ENTITY_PREFIX, "<" + ONTOLOGY_BASE)
"""Subjects every document may describe (entities, and the concepts numbers point to): united across documents."""


@dataclass(frozen=True, slots=True)
class DocGraph:
    """One document's named graph as TriG text, and its entity statements for the merged views.

    ``block`` is the graph as a TriG block (``<document> { … }``, needing
    :data:`~govkg.graph.turtle.PREFIX_HEADER`); ``block[local_start:local_end]``
    are the statements about the document's own nodes (document, mentions,
    sentences, statements), which no other document shares; ``entities`` are
    the statements about entities (subject -> sorted pairs), which the merged
    graph unites across documents; ``named`` the entities the document speaks of (:func:`named_entities`).
    """

    name: str
    block: str
    local_start: int
    local_end: int
    entities: tuple[tuple[str, tuple[Pair, ...]], ...]
    triples: int
    named: frozenset[EntityRef]

    @property
    def local(self) -> str:
        return self.block[self.local_start:self.local_end]


def document_graph(facts: DocFacts) -> DocGraph:
    """The document's statements as its TriG block: its own nodes in text order, then the entities sorted.

    The same facts always give the same bytes.
    """
    graph = GraphBuilder(facts.document)
    graph.add(facts)
    block, local_start, local_end = graph.block()
    head, local = block[:local_start].decode("utf-8"), block[local_start:local_end].decode("utf-8")
    return DocGraph(graph.name, block.decode("utf-8"), len(head), len(head) + len(local), graph.groups(),
                    graph.triples(), frozenset(graph.named))


class GraphBuilder:
    """One document's named graph made from the facts of its pieces (a document of usual length is one piece),
    given in text order.

    Each piece's own nodes are written out (as UTF-8) when it is added; only
    what the entities' statements need is kept from one piece to the next.
    """

    def __init__(self, doc: Document) -> None:
        self.name = iri(doc_iri_text(doc.doc_id))
        subject, pairs = document_node(doc)
        self._local = [statements_text(subject, pairs).encode("utf-8")]
        self._count = len(pairs)
        self._statements = 0  # relations so far: the next one's number
        self.entities: dict[EntityRef, EntityInfo] = {}
        self.named: set[EntityRef] = set()  # the entities some piece's text names
        self._relations: dict[str, set[Pair]] = {}  # entity -> (relation, entity) it is the subject of
        self._groups: tuple[tuple[str, tuple[Pair, ...]], ...] | None = None

    def add(self, facts: DocFacts) -> None:
        """The facts of the next piece (offsets and sentence numbers in the whole document)."""
        if self._groups is not None:
            raise RuntimeError("the entities' statements are made already")  # a bug, never a user's
        for ref, info in facts.entities.items():
            if ref in self.entities:
                self.entities[ref].absorb(info)
            else:
                self.entities[ref] = info.copy()
        self.named |= named_entities(facts)
        local: list[str] = []
        for subject, pairs in piece_statements(facts, self._statements):
            if subject.startswith(_SHARED_PREFIXES):
                self._relations.setdefault(subject, set()).update(pairs)
            else:
                local.append(statements_text(subject, pairs))
                self._count += len(pairs)
        self._local.append("".join(local).encode("utf-8"))
        self._statements += len(facts.relations)

    def groups(self) -> tuple[tuple[str, tuple[Pair, ...]], ...]:
        """The statements about entities: subject -> its sorted pairs, subjects sorted (once every piece is in)."""
        if self._groups is None:
            united = self._relations
            for subject, pairs in entity_statements(self.entities, self.named):
                united.setdefault(subject, set()).update(pairs)
            self._groups = tuple((s, tuple(sorted(united[s]))) for s in sorted(united))
        return self._groups

    def triples(self) -> int:
        return self._count + sum(len(pairs) for _, pairs in self.groups())

    def block(self) -> tuple[bytes, int, int]:
        """The TriG block as UTF-8, and where the document's own statements start and end in it (the entities'
        statements follow them)."""
        head = f"{self.name} {{\n".encode("utf-8")
        entity_text = "".join(statements_text(s, pairs) for s, pairs in self.groups())
        local_end = len(head) + sum(map(len, self._local))
        return b"".join([head, *self._local, f"{entity_text}}}\n".encode("utf-8")]), len(head), local_end


def trig_text(graphs: Iterable[DocGraph]) -> str:
    """A TriG document of ``graphs``, one named graph each."""
    return PREFIX_HEADER + "".join(g.block for g in graphs)


def build_dataset(all_facts: Iterable[DocFacts]) -> Dataset:
    """An rdflib dataset with one named graph per document (parsed from the TriG the build writes)."""
    ds = Dataset()
    ds.parse(data=trig_text(document_graph(f) for f in all_facts), format="trig")
    bind_prefixes(ds)
    return ds


def bind_prefixes(g: Graph) -> None:
    """Bind the project's prefixes (:data:`~govkg.ontology.namespaces.PREFIXES`) on ``g``."""
    for prefix, base in PREFIXES.items():
        g.bind(prefix, base)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A short hash of the package's code and data files: what extracted the facts.

    Two builds with the same fingerprint extract the same facts from the same text.
    """
    root = resources.files("govkg")
    digest = hashlib.sha256()
    stack = [root]
    files = []
    while stack:
        for entry in stack.pop().iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append(entry)
            elif entry.name.endswith((".py", ".txt", ".tsv", ".ttl", ".json", ".csv")):
                files.append(entry)
    for f in sorted(files, key=lambda e: str(e)):
        digest.update(str(f).replace(str(root), "").encode())
        digest.update(f.read_bytes())
    return f"govkg {__version__} {digest.hexdigest()[:16]}"


def _date_type(date: str) -> str | None:
    return {10: "xsd:date", 7: "xsd:gYearMonth", 4: "xsd:gYear"}.get(len(date))
