"""JSON-LD, self-contained (inline context) or naming a published context: parses back to the same quads with
rdflib (from a file or a string) and pyld (its default document loader)."""

from __future__ import annotations

import json

import pytest
from rdflib import XSD, Literal, Dataset

from govkg.errors import OutputError
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


def test_round_trip_self_contained(hostile_graph, tmp_path):
    write_jsonld(hostile_graph, tmp_path / "graph.jsonld")
    text = (tmp_path / "graph.jsonld").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["@context"] == context()["@context"]  # inline: the file alone is the graph
    assert json.loads((tmp_path / "graph.context.jsonld").read_text(encoding="utf-8")) == context()
    back = read_back(tmp_path / "graph.jsonld")
    assert quads(back) == quads(hostile_graph)
    assert "深圳市" in text  # readable, not \\u-escaped
    labels = {str(o) for _, _, o, _ in back.quads((None, None, None, None))}
    assert set(HOSTILE_NAMES) <= labels


def test_rdflib_reads_it_from_a_string(hostile_graph, tmp_path):
    """From a string there is no folder to look a relative context up in (it looked for /graph.context.jsonld)."""
    write_jsonld(hostile_graph, tmp_path / "graph.jsonld")
    (tmp_path / "graph.context.jsonld").unlink()
    back = Dataset(default_union=True)
    back.parse(data=(tmp_path / "graph.jsonld").read_text(encoding="utf-8"), format="json-ld")
    assert quads(back) == quads(hostile_graph)


def pyld_quads(document, loader=None) -> set:
    """The quads pyld makes of ``document`` (its default document loader unless ``loader``), read by rdflib."""
    from pyld import jsonld

    options = {"format": "application/n-quads"}
    if loader is not None:
        options["documentLoader"] = loader
    back = Dataset(default_union=True)
    back.parse(data=jsonld.to_rdf(document, options), format="nquads")
    return quads(back)


def test_pyld_reads_it_with_its_default_loader(hostile_graph, tmp_path):
    write_jsonld(hostile_graph, tmp_path / "graph.jsonld")
    document = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert pyld_quads(document) == quads(hostile_graph)


def test_the_context_is_needed(hostile_graph, tmp_path):
    """Without its context the compact names mean nothing: the checks above depend on it."""
    write_jsonld(hostile_graph, tmp_path / "graph.jsonld")
    data = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    data["@context"] = {}
    back = Dataset(default_union=True)
    back.parse(data=json.dumps(data), format="json-ld")
    assert quads(back) != quads(hostile_graph)


def test_a_published_context_is_named_by_its_url(hostile_graph, tmp_path):
    url = "https://example.org/govkg/graph.context.jsonld"
    write_jsonld(hostile_graph, tmp_path / "graph.jsonld", context_url=url)
    document = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == url
    published = json.loads((tmp_path / "graph.context.jsonld").read_text(encoding="utf-8"))
    asked = []

    def loader(address, options=None):  # the web, as a user who published the file beside the data sees it
        asked.append(address)
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": address,
                "document": published}

    assert pyld_quads(document, loader) == quads(hostile_graph)
    assert asked == [url]


@pytest.mark.parametrize("url", ["graph.context.jsonld", "/srv/ctx.jsonld", "ftp://x/ctx", ""])
def test_a_context_that_is_not_an_absolute_url_is_refused(hostile_graph, tmp_path, url):
    with pytest.raises(OutputError, match="absolute http"):
        write_jsonld(hostile_graph, tmp_path / "graph.jsonld", context_url=url)
    assert not (tmp_path / "graph.jsonld").exists()


def test_other_file_names_get_their_own_context(hostile_graph, tmp_path):
    write_jsonld(hostile_graph, tmp_path / "kg.jsonld")
    assert isinstance(json.loads((tmp_path / "kg.jsonld").read_text(encoding="utf-8"))["@context"], dict)
    assert (tmp_path / "kg.context.jsonld").is_file()


def test_cli_context_option(seeds_out, tmp_path):
    from click.testing import CliRunner

    from govkg.cli import main

    url = "https://example.org/ctx.jsonld"
    result = CliRunner().invoke(main, ["export", str(seeds_out), "--to", "jsonld", "--out",
                                       str(tmp_path / "g.jsonld"), "--context", url])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))["@context"] == url
    assert (tmp_path / "g.context.jsonld").is_file()
    result = CliRunner().invoke(main, ["export", str(seeds_out), "--to", "ttl", "--out", str(tmp_path / "g.ttl"),
                                       "--context", url])
    assert result.exit_code != 0 and "--context only applies to --to jsonld" in result.output


def test_seeds_round_trip_and_deterministic(seeds_graph, tmp_path):
    write_jsonld(seeds_graph, tmp_path / "a" / "graph.jsonld")
    write_jsonld(seeds_graph, tmp_path / "b" / "graph.jsonld")
    assert (tmp_path / "a" / "graph.jsonld").read_bytes() == (tmp_path / "b" / "graph.jsonld").read_bytes()
    assert quads(read_back(tmp_path / "a" / "graph.jsonld")) == quads(seeds_graph)
    assert get_exporter("jsonld") is write_jsonld
