"""Exports read the graph as a stream (pyoxigraph's parser, or the store), and write what the rdflib path wrote.

Every writer still takes an rdflib graph (the path ``govkg export`` took
before): for the same graph, the streamed path must give the same bytes
(projection exports and JSON-LD) or the same quads (RDF exports, where a
build folder's own files are copied), with and without ``--min-confidence``.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.export import get_exporter
from govkg.graph.confidence import without_unsure
from govkg.graph.load import load_graph
from govkg.graph.quads import GraphSource
from govkg.graph.store import write_store
from govkg.ontology.namespaces import GOVKG

PROJECTIONS = ("csv", "neo4j", "cypher", "gexf", "graphml", "html", "jsonld")


def _same_files(a: Path, b: Path) -> None:
    if a.is_dir():
        names = sorted(p.name for p in a.iterdir())
        assert names == sorted(p.name for p in b.iterdir())
        for name in names:
            assert filecmp.cmp(a / name, b / name, shallow=False), name
    else:
        assert a.read_bytes() == b.read_bytes()


def _quads(path: Path, fmt) -> set:
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in ox.parse(path=str(path), format=fmt)}


def _threshold(build: Path) -> float:
    values = sorted(float(q.object.value) for q in ox.parse(path=str(build / "graph.trig"), format=ox.RdfFormat.TRIG)
                    if q.predicate.value == str(GOVKG.confidence))
    return values[len(values) // 2]


@pytest.fixture(scope="module")
def seeds_threshold(seeds_out) -> float:
    return _threshold(seeds_out)


@pytest.mark.parametrize("fmt", PROJECTIONS)
@pytest.mark.parametrize("unsure", [False, True], ids=["all", "min-confidence"])
def test_streamed_export_is_byte_identical_to_the_rdflib_path(seeds_out, seeds_threshold, tmp_path, fmt, unsure):
    threshold = seeds_threshold if unsure else 0.0
    ds = load_graph(seeds_out)
    if threshold:
        assert without_unsure(ds, threshold) > 0  # the threshold leaves something out
    writer = get_exporter(fmt)
    writer(ds, tmp_path / "old")
    source = GraphSource.of(seeds_out, threshold)
    assert source.kind == "build"
    writer(source, tmp_path / "new")
    _same_files(tmp_path / "old", tmp_path / "new")


def test_a_store_folder_and_a_trig_file_export_as_the_build_folder(seeds_out, tmp_path):
    store = tmp_path / "store"
    write_store(load_graph(seeds_out), store)
    assert GraphSource.of(store).kind == "store" and GraphSource.of(seeds_out / "graph.trig").kind == "file"
    for fmt in ("csv", "jsonld", "nq"):
        writer = get_exporter(fmt)
        writer(GraphSource.of(seeds_out), tmp_path / f"build-{fmt}")
        writer(GraphSource.of(seeds_out / "graph.trig"), tmp_path / f"file-{fmt}")
        writer(GraphSource.of(store), tmp_path / f"store-{fmt}")
        if fmt == "nq":  # quads in the order read: compare as sets
            nq = ox.RdfFormat.N_QUADS
            assert (_quads(tmp_path / "build-nq", nq) == _quads(tmp_path / "file-nq", nq)
                    == _quads(tmp_path / "store-nq", nq))
        else:
            _same_files(tmp_path / f"build-{fmt}", tmp_path / f"file-{fmt}")
            _same_files(tmp_path / f"build-{fmt}", tmp_path / f"store-{fmt}")


def test_rdf_exports_hold_the_same_quads(seeds_out, tmp_path):
    trig = _quads(seeds_out / "graph.trig", ox.RdfFormat.TRIG)
    merged = _quads(seeds_out / "graph.ttl", ox.RdfFormat.TURTLE)
    union = {(s, p, o, ox.DefaultGraph()) for s, p, o, _ in trig}
    for fmt, rdf_format, expected in (("trig", ox.RdfFormat.TRIG, trig), ("nq", ox.RdfFormat.N_QUADS, trig),
                                      ("ttl", ox.RdfFormat.TURTLE, merged), ("nt", ox.RdfFormat.N_TRIPLES, merged)):
        result = CliRunner().invoke(main, ["export", str(seeds_out), "--to", fmt, "--out", str(tmp_path / fmt)])
        assert result.exit_code == 0, result.output
        assert _quads(tmp_path / fmt, rdf_format) == expected, fmt
    # a build folder's own files, as they are
    assert (tmp_path / "trig").read_bytes() == (seeds_out / "graph.trig").read_bytes()
    assert (tmp_path / "ttl").read_bytes() == (seeds_out / "graph.ttl").read_bytes()
    # from a TriG file, the merged graph is the union of the document graphs (every confidence kept)
    get_exporter("ttl")(GraphSource.of(seeds_out / "graph.trig"), tmp_path / "file.ttl")
    assert _quads(tmp_path / "file.ttl", ox.RdfFormat.TURTLE) == union
    assert merged < union  # graph.ttl keeps an entity's highest confidence only


def test_min_confidence_leaves_out_what_without_unsure_does(seeds_out, seeds_threshold, tmp_path):
    ds = load_graph(seeds_out)
    without_unsure(ds, seeds_threshold)
    old = {tuple(str(t) for t in q) for q in ds.quads((None, None, None, None))}
    new = {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
           for q in GraphSource.of(seeds_out, seeds_threshold).quads()}
    assert new == old and len(new) < sum(1 for _ in GraphSource.of(seeds_out).quads())
    result = CliRunner().invoke(main, ["export", str(seeds_out), "--to", "trig", "--out", str(tmp_path / "g.trig"),
                                       "--min-confidence", str(seeds_threshold)])
    assert result.exit_code == 0, result.output
    assert {tuple(t.value for t in q) for q in ox.parse(path=str(tmp_path / "g.trig"), format=ox.RdfFormat.TRIG)} == old


def test_a_broken_trig_file_is_one_error_line(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<urn:g> { <urn:a> <urn:b> ", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(bad), "--to", "csv", "--out", str(tmp_path / "csv")])
    assert result.exit_code == 2 and "not valid TriG" in result.output  # EXIT_FAILED
