"""Facts of one document → the statements of its named graph, with provenance.

Provenance shape (every fact traceable to its sentence)::

    entity  ←govkg:mentionOf─  mention  ─govkg:inSentence→  sentence  ─govkg:inDocument→  document
    subject ─govkg:develops→ object,  and a reified rdf:Statement ─govkg:evidence→ sentence

Entities are never linked straight to their document, so two entities are
related only when a sentence relates them.

The shape is defined once, in :func:`document_triples`, as Turtle text
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
from govkg.graph.iri import doc_iri, entity_iri, mention_iri, sentence_iri, statement_iri
from govkg.graph.turtle import PREFIX_HEADER, Pair, integer, iri, literal, subject_text
from govkg.model import DocFacts
from govkg.ontology.namespaces import ENTITY_BASE, GOVKG, PREFIXES

ZH = "zh"


def pname(term: URIRef) -> str:
    """``term`` as a prefixed name of :data:`~govkg.ontology.namespaces.PREFIXES` (``rdf:type`` as ``a``).

    >>> pname(GOVKG.mentionOf)
    'govkg:mentionOf'
    """
    if term == _RDF_TYPE:
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
        type="a", label=pname(RDFS.label), alt_label=pname(SKOS.altLabel), definition=pname(SKOS.definition),
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


def document_triples(facts: DocFacts) -> Iterator[tuple[str, str, str]]:
    """Every statement of the document's named graph, as (subject, predicate, object) Turtle text."""
    v = _vocabulary()
    g = v.govkg
    doc = facts.document
    d = iri(doc_iri(doc.doc_id))
    yield (d, v.type, g["Document"])
    yield (d, v.label, literal(doc.title or doc.doc_id, ZH))
    if doc.title:
        yield (d, v.title, literal(doc.title, ZH))
    if doc.date:
        yield (d, v.date, literal(doc.date, datatype=_date_type(doc.date)))  # a plain literal when no type fits
    yield (d, g["sourcePath"], literal(doc.path))
    yield (d, g["contentHash"], literal(doc.content_hash))
    yield (d, g["builtWith"], literal(code_fingerprint()))

    used_sentences: set[int] = set()
    for ref, info in facts.entities.items():
        e = _entity(ref)
        yield (e, v.type, _g(ref.type))
        yield (e, v.label, literal(info.label, ZH))
        for alias in sorted(info.aliases - {info.label}):
            yield (e, v.alt_label, literal(alias, ZH))
        if info.definition:
            yield (e, v.definition, literal(info.definition, ZH))
        for key, value in sorted(info.attrs.items()):
            yield (e, _g(key), literal(value))

    for m in facts.mentions:
        if m.start < 0:  # a declared entity (e.g. a parent region) with no span in the text
            continue
        node = iri(mention_iri(doc.doc_id, m.ref, m.start, m.end))
        yield (node, v.type, g["Mention"])
        yield (node, g["mentionOf"], _entity(m.ref))
        yield (node, g["surface"], literal(doc.text[m.start:m.end]))
        yield (node, g["startOffset"], integer(m.start))
        yield (node, g["endOffset"], integer(m.end))
        yield (node, g["rule"], literal(m.rule))
        if m.sentence >= 0:
            yield (node, g["inSentence"], iri(sentence_iri(doc.doc_id, m.sentence)))
            used_sentences.add(m.sentence)

    for n, r in enumerate(facts.relations):
        s, o, p = _entity(r.subject), _entity(r.object), _g(r.predicate)
        yield (s, p, o)
        st = iri(statement_iri(doc.doc_id, n))
        yield (st, v.type, v.statement)
        yield (st, v.subject, s)
        yield (st, v.predicate, p)
        yield (st, v.object, o)
        yield (st, g["rule"], literal(r.rule))
        yield (st, v.derived_from, d)
        if r.sentence is not None and r.sentence >= 0:
            yield (st, g["evidence"], iri(sentence_iri(doc.doc_id, r.sentence)))
            used_sentences.add(r.sentence)

    for i in sorted(used_sentences):
        s = facts.sentences[i]
        node = iri(sentence_iri(doc.doc_id, i))
        yield (node, v.type, g["Sentence"])
        yield (node, g["text"], literal(doc.text[s.start:s.end], ZH))
        yield (node, g["startOffset"], integer(s.start))
        yield (node, g["endOffset"], integer(s.end))
        yield (node, g["inDocument"], d)


@lru_cache(maxsize=1 << 16)
def _entity(ref) -> str:
    return iri(entity_iri(ref))


_ENTITY_PREFIX = "<" + ENTITY_BASE


@dataclass(frozen=True, slots=True)
class DocGraph:
    """One document's named graph as TriG text, and its entity statements for the merged views.

    ``block`` is the graph as a TriG block (``<document> { … }``, needing
    :data:`~govkg.graph.turtle.PREFIX_HEADER`); ``block[local_start:local_end]``
    are the statements about the document's own nodes (document, mentions,
    sentences, statements), which no other document shares; ``entities`` are
    the statements about entities (subject -> sorted pairs), which the merged
    graph unites across documents.
    """

    name: str
    block: str
    local_start: int
    local_end: int
    entities: tuple[tuple[str, tuple[Pair, ...]], ...]
    triples: int

    @property
    def local(self) -> str:
        return self.block[self.local_start:self.local_end]


def document_graph(facts: DocFacts) -> DocGraph:
    """The document's statements grouped by subject, in canonical order (see :mod:`govkg.graph.turtle`)."""
    local: dict[str, set[Pair]] = {}
    entities: dict[str, set[Pair]] = {}
    for s, p, o in document_triples(facts):
        (entities if s.startswith(_ENTITY_PREFIX) else local).setdefault(s, set()).add((p, o))
    name = iri(doc_iri(facts.document.doc_id))
    head = f"{name} {{\n"
    local_text = "".join(subject_text(s, local[s]) for s in sorted(local))
    groups = tuple((s, tuple(sorted(entities[s]))) for s in sorted(entities))
    entity_text = "".join(subject_text(s, pairs) for s, pairs in groups)
    block = f"{head}{local_text}{entity_text}}}\n"
    count = sum(map(len, local.values())) + sum(map(len, entities.values()))
    return DocGraph(name, block, len(head), len(head) + len(local_text), groups, count)


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
            elif entry.name.endswith((".py", ".txt", ".ttl", ".json", ".csv")):
                files.append(entry)
    for f in sorted(files, key=lambda e: str(e)):
        digest.update(str(f).replace(str(root), "").encode())
        digest.update(f.read_bytes())
    return f"govkg {__version__} {digest.hexdigest()[:16]}"


def _date_type(date: str) -> str | None:
    return {10: "xsd:date", 7: "xsd:gYearMonth", 4: "xsd:gYear"}.get(len(date))
