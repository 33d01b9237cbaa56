"""The on-disk store: idempotent writes, per-document replacement, reading back, errors."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from govkg.errors import InputError, OutputError
from govkg.graph.store import (
    MARKER,
    close_store,
    is_store,
    load_memory_store,
    named_quads,
    open_store,
    write_store,
)
from govkg.ontology.namespaces import GOVKG

D1, D2 = URIRef("https://w3id.org/govkg/doc/d1"), URIRef("https://w3id.org/govkg/doc/d2")
REGION = URIRef("https://w3id.org/govkg/id/region/510311")
PARENT = URIRef("https://w3id.org/govkg/id/region/510300")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DISTINCT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def dataset(d1_label: str = "沿滩区", with_d2: bool = True) -> Dataset:
    ds = Dataset()
    g1 = ds.graph(D1)
    g1.add((REGION, RDF.type, GOVKG.Region))
    g1.add((REGION, RDFS.label, Literal(d1_label, lang="zh")))
    g1.add((REGION, GOVKG.locatedIn, PARENT))
    if with_d2:
        g2 = ds.graph(D2)
        g2.add((REGION, RDF.type, GOVKG.Region))  # the same triple in two documents
        g2.add((PARENT, RDFS.label, Literal("自贡市", lang="zh")))
        g2.add((PARENT, GOVKG.adminCode, Literal(510300)))
    return ds


def stored(path) -> list[tuple]:
    ds = open_store(path)
    try:
        return named_quads(ds)
    finally:
        close_store(ds)


def test_writing_twice_gives_the_same_store(tmp_path):
    folder = tmp_path / "s"
    assert write_store(dataset(), folder) == 6
    first = stored(folder)
    assert write_store(dataset(), folder) == 6
    assert stored(folder) == first == named_quads(dataset())
    assert is_store(folder) and (folder / MARKER).is_file()


def test_a_document_graph_is_replaced_and_others_kept(tmp_path):
    folder = tmp_path / "s"
    write_store(dataset(), folder)
    write_store(dataset(d1_label="沿灘區", with_d2=False), folder)  # only d1 rebuilt, with a new label
    quads = stored(folder)
    labels = {str(o) for s, p, o, g in quads if p == RDFS.label and g == D1}
    assert labels == {"沿灘區"}  # the old label is gone, not duplicated
    assert any(g == D2 for *_, g in quads)  # d2 untouched
    assert len(quads) == 6


def test_queries_see_the_union_on_disk_and_in_memory(tmp_path):
    folder = tmp_path / "s"
    write_store(dataset(), folder)
    q = ("SELECT ?l WHERE { ?r <%s> ?p . ?p <%s> ?l }" % (GOVKG.locatedIn, RDFS.label))  # crosses d1 and d2
    for in_memory in (False, True):
        ds = open_store(folder, in_memory=in_memory)
        try:
            assert [str(r[0]) for r in ds.query(q)] == ["自贡市"]
            assert int(next(iter(ds.query(DISTINCT)))[0]) == 5  # six quads, five distinct triples
            assert int(next(iter(ds.query(COUNT)))[0]) == 5  # the stored union holds each triple once
        finally:
            close_store(ds)


def test_a_store_without_its_union_falls_back_to_the_on_the_fly_union(tmp_path):
    import pyoxigraph as ox

    folder = tmp_path / "s"
    write_store(dataset(), folder)
    inner = ox.Store(str(folder / "oxigraph"))
    inner.clear_graph(ox.DefaultGraph())  # as a store of the first format was
    del inner
    q = ("SELECT ?l WHERE { ?r <%s> ?p . ?p <%s> ?l }" % (GOVKG.locatedIn, RDFS.label))
    for in_memory in (False, True):
        ds = open_store(folder, in_memory=in_memory)
        try:
            assert [str(r[0]) for r in ds.query(q)] == ["自贡市"]
            # Oxigraph's on-the-fly union repeats a triple once per graph; the materialised one does not
            assert int(next(iter(ds.query(COUNT)))[0]) == (5 if in_memory else 6)
        finally:
            close_store(ds)


def test_a_build_folder_loads_its_document_graphs_only_when_asked(seeds_out):
    names = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    plain = load_memory_store(seeds_out, named_graphs=False)
    full = load_memory_store(seeds_out)
    assert int(next(iter(plain.query(names)))[0]) == 0
    assert int(next(iter(full.query(names)))[0]) == 5
    assert int(next(iter(plain.query(COUNT)))[0]) == int(next(iter(full.query(COUNT)))[0]) > 10000


def test_store_and_file_load_alike(tmp_path):
    folder = tmp_path / "s"
    write_store(dataset(), folder)
    trig = tmp_path / "g.trig"
    trig.write_bytes(dataset().serialize(format="trig", encoding="utf-8"))
    from_file = load_memory_store(trig)
    assert named_quads(from_file) == stored(folder)
    assert int(next(iter(from_file.query(COUNT)))[0]) == 5


def test_not_a_store_and_bad_targets(tmp_path):
    with pytest.raises(InputError, match="not a govkg store"):
        open_store(tmp_path)
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        write_store(dataset(), afile)
    (tmp_path / "foreign" / "oxigraph").mkdir(parents=True)
    with pytest.raises(OutputError, match="not a govkg store"):
        write_store(dataset(), tmp_path / "foreign")
    loose = Dataset()
    loose.add((REGION, RDF.type, GOVKG.Region))  # in the default graph
    with pytest.raises(OutputError, match="outside named graphs"):
        write_store(loose, tmp_path / "loose")


def test_bad_rdf_file_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="not valid"):
        load_memory_store(bad)
    with pytest.raises(InputError, match="no such graph file"):
        load_memory_store(tmp_path / "missing.trig")


def test_answers_equal_oxrdflibs_and_make_each_term_once(tmp_path):
    from oxrdflib import OxigraphStore

    folder = tmp_path / "s"
    write_store(dataset(), folder)
    ds = open_store(folder)
    plain = Dataset(store=OxigraphStore(store=ds.store._inner))  # the same database, oxrdflib's own answers
    select = ("SELECT ?r ?l ?code ?g WHERE { ?r <%s> ?l OPTIONAL { ?r <%s> ?code } "
              "OPTIONAL { GRAPH ?g { ?r <%s> ?p } } } ORDER BY ?r" % (RDFS.label, GOVKG.adminCode, GOVKG.locatedIn))
    ask = "ASK { ?r <%s> \"沿滩区\"@zh }" % RDFS.label
    bound = "SELECT ?want ?r WHERE { ?r <%s> ?want }" % RDFS.label
    construct = "CONSTRUCT { ?p <urn:named> ?l } WHERE { ?r <%s> ?p . ?p <%s> ?l }" % (GOVKG.locatedIn, RDFS.label)
    try:
        rows = [tuple(r) for r in ds.query(select)]
        assert rows == [tuple(r) for r in plain.query(select)]
        assert rows == [(PARENT, Literal("自贡市", lang="zh"), Literal(510300), None),
                        (REGION, Literal("沿滩区", lang="zh"), None, D1)]
        want = {"want": Literal("沿滩区", lang="zh")}
        assert [tuple(r) for r in ds.query(bound, initBindings=want)] == [(want["want"], REGION)]
        assert ds.query(ask).askAnswer is plain.query(ask).askAnswer is True
        assert set(ds.query(construct).graph) == set(plain.query(construct).graph) == {
            (PARENT, URIRef("urn:named"), Literal("自贡市", lang="zh"))}
        twice = [r[0] for r in ds.query("SELECT ?t WHERE { VALUES ?x { 1 2 } ?r a ?t }")]
        assert len(twice) == 2 and twice[0] is twice[1]  # one rdflib term for a term repeated in the answer
    finally:
        close_store(ds)
