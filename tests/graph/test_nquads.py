import pytest
from rdflib import Dataset, Literal, URIRef

from govkg.graph.iri import doc_iri
from govkg.graph.nquads import nquads_term
from govkg.graph.rdf import add_document, document_nquads



HOSTILE = ['引号"与反斜杠\\', "换行\n回车\r", "'})MATCH (n) DETACH DELETE n//", "<img src=x onerror=alert(1)>", "制表\t符"]


@pytest.mark.parametrize("text", HOSTILE)
def test_literals_round_trip_through_a_real_parser(text):
    line = f"<urn:s> <urn:p> {nquads_term(Literal(text, lang='zh'))} <urn:g> .\n"
    ds = Dataset()
    ds.parse(data=line, format="nquads")
    [(_, _, o, _)] = list(ds.quads((None, None, None, None)))
    assert str(o) == text and o.language == "zh"


def test_iri_with_forbidden_characters_is_escaped():
    out = nquads_term(URIRef("urn:a b>c"))
    assert " " not in out[1:-1] and ">" not in out[1:-1]


def test_document_nquads_equals_rdflib_graph(make_facts):
    f = make_facts()
    ds = Dataset()
    ds.parse(data=document_nquads(f), format="nquads")
    expected = Dataset()
    add_document(expected.graph(doc_iri("d1")), f)
    assert set(ds.quads((None, None, None, None))) == set(expected.quads((None, None, None, None)))
