from rdflib import OWL, RDF, RDFS

from govkg.ontology import ontology_graph
from govkg.ontology.namespaces import ENTITY_TYPES, GOVKG, RELATIONS


def test_entity_classes_have_zh_en_labels_and_comment():
    g = ontology_graph()
    for name in ENTITY_TYPES + ("Document",):
        cls = GOVKG[name]
        assert (cls, RDF.type, OWL.Class) in g
        langs = {lab.language for lab in g.objects(cls, RDFS.label)}
        assert {"zh", "en"} <= langs, name
        assert g.value(cls, RDFS.comment) is not None, name


def test_every_namespace_term_is_defined_in_the_ontology():
    g = ontology_graph()
    defined = {s for s in g.subjects(RDF.type, None)}
    for term in GOVKG.__annotations__:
        assert GOVKG[term] in defined, term


def test_relations_are_object_properties():
    g = ontology_graph()
    for rel in RELATIONS:
        assert (GOVKG[rel], RDF.type, OWL.ObjectProperty) in g


def test_closed_namespace_rejects_typos():
    import pytest
    with pytest.raises(AttributeError):
        GOVKG.Regoin  # noqa: B018
