"""Facts of one document → triples of its named graph, with provenance.

Provenance shape (every fact traceable to its sentence)::

    entity  ←govkg:mentionOf─  mention  ─govkg:inSentence→  sentence  ─govkg:inDocument→  document
    subject ─govkg:develops→ object,  and a reified rdf:Statement ─govkg:evidence→ sentence

Entities are never linked straight to their document, so two entities are
related only when a sentence relates them.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from govkg.graph.iri import doc_iri, entity_iri, mention_iri, sentence_iri, statement_iri
from govkg.model import DocFacts
from govkg.ontology.namespaces import GOVKG

ZH = "zh"


def add_document(g: Graph, facts: DocFacts) -> None:
    """Add every triple of ``facts`` to ``g`` (the document's named graph)."""
    doc = facts.document
    d = doc_iri(doc.doc_id)
    g.add((d, RDF.type, GOVKG.Document))
    g.add((d, RDFS.label, Literal(doc.title or doc.doc_id, lang=ZH)))
    if doc.title:
        g.add((d, DCTERMS.title, Literal(doc.title, lang=ZH)))
    if doc.date:
        g.add((d, DCTERMS.date, Literal(doc.date, datatype=_date_type(doc.date))))
    g.add((d, GOVKG.sourcePath, Literal(doc.path)))
    g.add((d, GOVKG.contentHash, Literal(doc.content_hash)))

    used_sentences: set[int] = set()
    for ref, info in facts.entities.items():
        e = entity_iri(ref)
        g.add((e, RDF.type, GOVKG[ref.type]))
        g.add((e, RDFS.label, Literal(info.label, lang=ZH)))
        for alias in sorted(info.aliases - {info.label}):
            g.add((e, SKOS.altLabel, Literal(alias, lang=ZH)))
        if info.definition:
            g.add((e, SKOS.definition, Literal(info.definition, lang=ZH)))
        for key, value in sorted(info.attrs.items()):
            g.add((e, GOVKG[key], Literal(value)))

    for m in facts.mentions:
        if m.start < 0:  # a declared entity (e.g. a parent region) with no span in the text
            continue
        node = mention_iri(doc.doc_id, m.ref, m.start, m.end)
        g.add((node, RDF.type, GOVKG.Mention))
        g.add((node, GOVKG.mentionOf, entity_iri(m.ref)))
        g.add((node, GOVKG.surface, Literal(doc.text[m.start:m.end])))
        g.add((node, GOVKG.startOffset, Literal(m.start)))
        g.add((node, GOVKG.endOffset, Literal(m.end)))
        g.add((node, GOVKG.rule, Literal(m.rule)))
        if m.sentence >= 0:
            g.add((node, GOVKG.inSentence, sentence_iri(doc.doc_id, m.sentence)))
            used_sentences.add(m.sentence)

    for n, r in enumerate(facts.relations):
        s, o = entity_iri(r.subject), entity_iri(r.object)
        g.add((s, GOVKG[r.predicate], o))
        st = statement_iri(doc.doc_id, n)
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, GOVKG[r.predicate]))
        g.add((st, RDF.object, o))
        g.add((st, GOVKG.rule, Literal(r.rule)))
        g.add((st, PROV.wasDerivedFrom, d))
        if r.sentence is not None and r.sentence >= 0:
            g.add((st, GOVKG.evidence, sentence_iri(doc.doc_id, r.sentence)))
            used_sentences.add(r.sentence)

    for i in sorted(used_sentences):
        s = facts.sentences[i]
        node = sentence_iri(doc.doc_id, i)
        g.add((node, RDF.type, GOVKG.Sentence))
        g.add((node, GOVKG.text, Literal(doc.text[s.start:s.end], lang=ZH)))
        g.add((node, GOVKG.startOffset, Literal(s.start)))
        g.add((node, GOVKG.endOffset, Literal(s.end)))
        g.add((node, GOVKG.inDocument, d))


def build_dataset(all_facts: Iterable[DocFacts]) -> Dataset:
    """A dataset with one named graph per document."""
    ds = Dataset()
    bind_prefixes(ds)
    for facts in all_facts:
        add_document(ds.graph(doc_iri(facts.document.doc_id)), facts)
    return ds


def bind_prefixes(g: Graph) -> None:
    g.bind("govkg", str(GOVKG._NS))
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    g.bind("prov", PROV)


def _date_type(date: str):
    return {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(date), XSD.string)
