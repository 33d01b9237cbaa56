"""Facts of one document → triples of its named graph, with provenance.

Provenance shape (every fact traceable to its sentence)::

    entity  ←govkg:mentionOf─  mention  ─govkg:inSentence→  sentence  ─govkg:inDocument→  document
    subject ─govkg:develops→ object,  and a reified rdf:Statement ─govkg:evidence→ sentence

Entities are never linked straight to their document, so two entities are
related only when a sentence relates them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal
from rdflib.term import Node
from rdflib.namespace import DCTERMS, PROV, SKOS

from govkg import __version__
from govkg.graph.nquads import nquads_term
from govkg.graph.iri import doc_iri, entity_iri, mention_iri, sentence_iri, statement_iri
from govkg.model import DocFacts
from govkg.ontology.namespaces import GOVKG, PREFIXES

ZH = "zh"


def document_triples(facts: DocFacts) -> Iterator[tuple[Node, Node, Node]]:
    """Every triple of the document's named graph."""
    doc = facts.document
    d = doc_iri(doc.doc_id)
    yield (d, RDF.type, GOVKG.Document)
    yield (d, RDFS.label, Literal(doc.title or doc.doc_id, lang=ZH))
    if doc.title:
        yield (d, DCTERMS.title, Literal(doc.title, lang=ZH))
    if doc.date:
        yield (d, DCTERMS.date, Literal(doc.date, datatype=_date_type(doc.date)))
    yield (d, GOVKG.sourcePath, Literal(doc.path))
    yield (d, GOVKG.contentHash, Literal(doc.content_hash))
    yield (d, GOVKG.builtWith, Literal(code_fingerprint()))

    used_sentences: set[int] = set()
    for ref, info in facts.entities.items():
        e = entity_iri(ref)
        yield (e, RDF.type, GOVKG[ref.type])
        yield (e, RDFS.label, Literal(info.label, lang=ZH))
        for alias in sorted(info.aliases - {info.label}):
            yield (e, SKOS.altLabel, Literal(alias, lang=ZH))
        if info.definition:
            yield (e, SKOS.definition, Literal(info.definition, lang=ZH))
        for key, value in sorted(info.attrs.items()):
            yield (e, GOVKG[key], Literal(value))

    for m in facts.mentions:
        if m.start < 0:  # a declared entity (e.g. a parent region) with no span in the text
            continue
        node = mention_iri(doc.doc_id, m.ref, m.start, m.end)
        yield (node, RDF.type, GOVKG.Mention)
        yield (node, GOVKG.mentionOf, entity_iri(m.ref))
        yield (node, GOVKG.surface, Literal(doc.text[m.start:m.end]))
        yield (node, GOVKG.startOffset, Literal(m.start))
        yield (node, GOVKG.endOffset, Literal(m.end))
        yield (node, GOVKG.rule, Literal(m.rule))
        if m.sentence >= 0:
            yield (node, GOVKG.inSentence, sentence_iri(doc.doc_id, m.sentence))
            used_sentences.add(m.sentence)

    for n, r in enumerate(facts.relations):
        s, o = entity_iri(r.subject), entity_iri(r.object)
        yield (s, GOVKG[r.predicate], o)
        st = statement_iri(doc.doc_id, n)
        yield (st, RDF.type, RDF.Statement)
        yield (st, RDF.subject, s)
        yield (st, RDF.predicate, GOVKG[r.predicate])
        yield (st, RDF.object, o)
        yield (st, GOVKG.rule, Literal(r.rule))
        yield (st, PROV.wasDerivedFrom, d)
        if r.sentence is not None and r.sentence >= 0:
            yield (st, GOVKG.evidence, sentence_iri(doc.doc_id, r.sentence))
            used_sentences.add(r.sentence)

    for i in sorted(used_sentences):
        s = facts.sentences[i]
        node = sentence_iri(doc.doc_id, i)
        yield (node, RDF.type, GOVKG.Sentence)
        yield (node, GOVKG.text, Literal(doc.text[s.start:s.end], lang=ZH))
        yield (node, GOVKG.startOffset, Literal(s.start))
        yield (node, GOVKG.endOffset, Literal(s.end))
        yield (node, GOVKG.inDocument, d)


def add_document(g: Graph, facts: DocFacts) -> None:
    """Add every triple of ``facts`` to ``g`` (the document's named graph)."""
    for triple in document_triples(facts):
        g.add(triple)


def document_nquads(facts: DocFacts) -> str:
    """The document's named graph as N-Quads text (fast: no rdflib store in between)."""
    graph = nquads_term(doc_iri(facts.document.doc_id))
    return "".join(f"{nquads_term(s)} {nquads_term(p)} {nquads_term(o)} {graph} .\n"
                   for s, p, o in document_triples(facts))


def build_dataset(all_facts: Iterable[DocFacts]) -> Dataset:
    """A dataset with one named graph per document."""
    ds = Dataset()
    bind_prefixes(ds)
    for facts in all_facts:
        add_document(ds.graph(doc_iri(facts.document.doc_id)), facts)
    return ds


def bind_prefixes(g: Graph) -> None:
    """Bind the project's prefixes (:data:`~govkg.ontology.namespaces.PREFIXES`) on ``g``."""
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)


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


def _date_type(date: str):
    return {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(date), XSD.string)
