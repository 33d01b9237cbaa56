from rdflib import RDF, RDFS, Dataset, Literal
from rdflib.namespace import SKOS

from govkg.graph.iri import doc_iri, entity_iri, normalise_label
from govkg.graph.rdf import build_dataset
from govkg.model import DocFacts, Document, EntityInfo, EntityRef, Mention, Relation, Sentence
from govkg.ontology.namespaces import GOVKG

REGION = EntityRef("Region", "511111")
INDUSTRY = EntityRef("Industry", "钒钛")
TEXT = "沙灣區發展釩鈦産業。"  # the sentence of the make_facts fixture (tests/graph/conftest.py)


def test_one_named_graph_per_document_and_same_entity_iri(make_facts):
    facts = make_facts
    ds = build_dataset([facts("d1"), facts("d2")])
    graphs = {g.identifier for g in ds.graphs() if len(g)}
    assert {doc_iri("d1"), doc_iri("d2")} <= graphs
    region = entity_iri(REGION)
    assert sum(1 for _ in ds.quads((region, RDF.type, GOVKG.Region, None))) == 2  # once per graph
    assert len({o for _, _, o, _ in ds.quads((region, RDFS.label, None, None))}) == 1


def test_labels_aliases_and_relation(make_facts):
    facts = make_facts
    ds = build_dataset([facts()])
    g = ds.graph(doc_iri("d1"))
    region = entity_iri(REGION)
    assert (region, RDFS.label, Literal("沙湾区", lang="zh")) in g
    assert (region, SKOS.altLabel, Literal("沙灣區", lang="zh")) in g
    assert (region, GOVKG.develops, entity_iri(INDUSTRY)) in g
    assert (region, GOVKG.adminCode, Literal("511111")) in g


def test_provenance_reaches_sentence_text_and_offsets(make_facts):
    facts = make_facts
    g = build_dataset([facts()]).graph(doc_iri("d1"))
    mention = next(g.subjects(GOVKG.mentionOf, entity_iri(INDUSTRY)))
    assert g.value(mention, GOVKG.startOffset).toPython() == 5
    assert str(g.value(mention, GOVKG.surface)) == "釩鈦産業"
    sentence = g.value(mention, GOVKG.inSentence)
    assert str(g.value(sentence, GOVKG.text)) == TEXT
    assert g.value(sentence, GOVKG.inDocument) == doc_iri("d1")
    statement = next(g.subjects(RDF.predicate, GOVKG.develops))
    assert g.value(statement, GOVKG.evidence) == sentence


def test_entities_not_linked_to_document_directly(make_facts):
    facts = make_facts
    """Two entities of one document must not look related through the document node."""
    g = build_dataset([facts()]).graph(doc_iri("d1"))
    d = doc_iri("d1")
    for e in (entity_iri(REGION), entity_iri(INDUSTRY)):
        assert not list(g.triples((e, None, d))) and not list(g.triples((d, None, e)))


def test_trig_round_trip(make_facts):
    facts = make_facts
    ds = build_dataset([facts()])
    back = Dataset()
    back.parse(data=ds.serialize(format="trig"), format="trig")
    assert set(ds.quads((None, None, None, None))) == set(back.quads((None, None, None, None)))


def test_normalise_label():
    assert normalise_label("“1+5” 片区") == "1+5片区"
    assert normalise_label("１２５０m³") == "1250m³"


def test_a_sentence_is_about_what_it_names_and_the_ends_of_what_it_states():
    """govkg:about: the entities of the mentions in a sentence and of the statements it is evidence for."""
    text = "沙湾区发展钒钛。做强钒钛产业。"
    doc = Document("d1", "d1.txt", text, text, ((0, len(text)),), "hash", "标题", None)
    sentences = (Sentence(0, 0, 8, text[:8]), Sentence(1, 8, len(text), text[8:]))
    mentions = (Mention(REGION, "沙湾区", 0, 3, 0, "region.gazetteer"),
                Mention(INDUSTRY, "钒钛产业", 10, 14, 1, "industry.head"))
    # the region develops the industry, stated by the second sentence, which does not name the region
    relations = (Relation(REGION, "develops", INDUSTRY, 1, "relation.develops"),)
    entities = {REGION: EntityInfo(REGION, "沙湾区", set()), INDUSTRY: EntityInfo(INDUSTRY, "钒钛产业", set())}
    g = build_dataset([DocFacts(doc, sentences, mentions, relations, entities)]).graph(doc_iri("d1"))
    about = {(str(g.value(s, GOVKG.text)), o) for s, o in g.subject_objects(GOVKG.about)}
    assert about == {("沙湾区发展钒钛。", entity_iri(REGION)),
                     ("做强钒钛产业。", entity_iri(REGION)), ("做强钒钛产业。", entity_iri(INDUSTRY))}
