"""Hand-written Turtle and TriG: what real parsers read back, and one canonical order."""

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from govkg.graph.iri import doc_iri
from govkg.graph.rdf import document_graph, trig_text
from govkg.graph.turtle import PREFIX_HEADER, integer, iri, literal, subject_text

HOSTILE = ['引号"与反斜杠\\', "换行\n回车\r", "'})MATCH (n) DETACH DELETE n//", "<img src=x onerror=alert(1)>",
           "制表\t符", '""" 三引号', "结尾的反斜杠\\"]


@pytest.mark.parametrize("text", HOSTILE)
def test_literals_round_trip_through_both_parsers(text):
    data = PREFIX_HEADER + subject_text("<urn:s>", [("rdfs:label", literal(text, "zh"))])
    g = Graph()
    g.parse(data=data, format="turtle")
    [(_, _, o)] = list(g)
    assert str(o) == text and o.language == "zh"
    [q] = list(ox.parse(data.encode(), format=ox.RdfFormat.TURTLE))
    assert q.object.value == text and q.object.language == "zh"


def test_iri_with_forbidden_characters_is_escaped_and_read_back():
    term = iri("urn:a b>c")
    assert " " not in term[1:-1] and ">" not in term[1:-1]
    [q] = list(ox.parse(f"{term} <urn:p> {integer(5)} .".encode(), format=ox.RdfFormat.TURTLE))
    assert q.subject.value == "urn:a%20b%3Ec" and q.object.value == "5"


def test_subject_text_is_canonical_whatever_the_order_of_pairs():
    pairs = [("rdfs:label", literal("乙", "zh")), ("a", "<urn:C>"), ("rdfs:label", literal("甲", "zh"))]
    assert subject_text("<urn:s>", pairs) == subject_text("<urn:s>", list(reversed(pairs))) \
        == subject_text("<urn:s>", pairs + pairs[:1])
    assert subject_text("<urn:s>", pairs) == '<urn:s> a <urn:C> ;\n    rdfs:label "乙"@zh , "甲"@zh .\n'  # code point order


def test_document_graph_reads_back_as_one_named_graph(make_facts):
    g = document_graph(make_facts("d1"))
    ds = Dataset()
    ds.parse(data=trig_text([g]), format="trig")
    quads = list(ds.quads((None, None, None, None)))
    assert len(quads) == g.triples
    assert {c.identifier if hasattr(c, "identifier") else c for *_, c in quads} == {doc_iri("d1")}
    store = ox.Store()
    store.load(trig_text([g]).encode(), format=ox.RdfFormat.TRIG)
    assert len(store) == g.triples


def test_local_part_holds_only_the_documents_own_nodes(make_facts):
    g = document_graph(make_facts("d1"))
    subjects = {q.subject.value for q in ox.parse((PREFIX_HEADER + g.local).encode(), format=ox.RdfFormat.TURTLE)}
    assert subjects and all(s.startswith(str(doc_iri("d1"))) for s in subjects)
    assert all(s.startswith("<https://w3id.org/govkg/id/") for s, _ in g.entities)
    assert g.block == f"{g.name} {{\n{g.local}" + "".join(subject_text(s, p) for s, p in g.entities) + "}\n"


def test_integer_offsets_are_typed_integers(make_facts):
    ds = Dataset()
    ds.parse(data=trig_text([document_graph(make_facts("d1"))]), format="trig")
    offsets = {o for _, p, o, _ in ds.quads((None, None, None, None)) if str(p).endswith("#startOffset")}
    assert Literal(5) in offsets and all(isinstance(o.toPython(), int) for o in offsets)
    assert URIRef("https://w3id.org/govkg/doc/d1") in {s for s, *_ in ds.quads((None, None, None, None))}
