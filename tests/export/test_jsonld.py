"""JSON-LD with a separate context file: parses back to the same quads."""

from __future__ import annotations

import json

from rdflib import XSD, Literal, Dataset

from govkg.export import get_exporter
from govkg.export.jsonld import context, write_jsonld

from .conftest import HOSTILE_NAMES


def quads(ds: Dataset) -> set:
    """Quads with RDF 1.1's equal literals made equal ("x" and "x"^^xsd:string, as Oxigraph returns them)."""
    return {(s, p, _plain(o), getattr(c, "identifier", c)) for s, p, o, c in ds.quads((None, None, None, None))}


def _plain(o):
    if isinstance(o, Literal) and o.datatype == XSD.string:
        return Literal(str(o))
    return o


def read_back(path) -> Dataset:
    back = Dataset(default_union=True)
    back.parse(path, format="json-ld")
    return back


def test_round_trip_with_separate_context(hostile_graph, tmp_path):
    write_jsonld(hostile_graph, tmp_path / "graph.jsonld")
    data = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == "graph.context.jsonld"
    assert json.loads((tmp_path / "graph.context.jsonld").read_text(encoding="utf-8")) == context()
    back = read_back(tmp_path / "graph.jsonld")
    assert quads(back) == quads(hostile_graph)
    text = (tmp_path / "graph.jsonld").read_text(encoding="utf-8")
    assert "深圳市" in text  # readable, not \\u-escaped
    labels = {str(o) for _, _, o, _ in back.quads((None, None, None, None))}
    assert set(HOSTILE_NAMES) <= labels


def test_the_context_is_needed(hostile_graph, tmp_path):
    """Without its context the compact names mean nothing: the check above depends on the file."""
    write_jsonld(hostile_graph, tmp_path / "graph.jsonld")
    (tmp_path / "graph.context.jsonld").write_text('{"@context": {}}', encoding="utf-8")
    assert quads(read_back(tmp_path / "graph.jsonld")) != quads(hostile_graph)


def test_other_file_names_get_their_own_context(hostile_graph, tmp_path):
    write_jsonld(hostile_graph, tmp_path / "kg.jsonld")
    assert json.loads((tmp_path / "kg.jsonld").read_text(encoding="utf-8"))["@context"] == "kg.context.jsonld"
    assert (tmp_path / "kg.context.jsonld").is_file()


def test_seeds_round_trip_and_deterministic(seeds_graph, tmp_path):
    write_jsonld(seeds_graph, tmp_path / "a" / "graph.jsonld")
    write_jsonld(seeds_graph, tmp_path / "b" / "graph.jsonld")
    assert (tmp_path / "a" / "graph.jsonld").read_bytes() == (tmp_path / "b" / "graph.jsonld").read_bytes()
    assert quads(read_back(tmp_path / "a" / "graph.jsonld")) == quads(seeds_graph)
    assert get_exporter("jsonld") is write_jsonld
