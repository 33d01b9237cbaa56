"""`govkg export GRAPH --to FORMAT --out PATH` end to end on the seeds, and its one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.export import EXPORTERS
from govkg.export.project import project
from govkg.graph.load import load_graph

from .conftest import SEEDS

NEW_FORMATS = {
    "neo4j": ("import.cypher", "import.sh", "nodes_Region.csv", "relationships_LOCATED_IN.csv"),
    "csv": ("nodes.csv", "edges.csv"),
    "cypher": (),
    "gexf": (),
    "graphml": (),
    "jsonld": (),
}


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("fmt", sorted(NEW_FORMATS))
def test_export_each_new_format(build_dir, tmp_path, fmt):
    out = tmp_path / ("folder" if NEW_FORMATS[fmt] else f"graph.{fmt}")
    result = CliRunner().invoke(main, ["export", str(build_dir), "--to", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output + result.stderr
    for name in NEW_FORMATS[fmt]:
        assert (out / name).stat().st_size > 0, name
    if not NEW_FORMATS[fmt]:
        assert out.stat().st_size > 0
    if fmt == "jsonld":
        assert json.loads((tmp_path / "graph.context.jsonld").read_text(encoding="utf-8"))["@context"]


def test_export_from_an_rdf_file(build_dir, tmp_path):
    result = CliRunner().invoke(main, ["export", str(build_dir / "graph.ttl"), "--to", "csv", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    rows = (tmp_path / "nodes.csv").read_text(encoding="utf-8").count("\n") - 1
    assert rows == len(project(load_graph(build_dir)).nodes)


def test_unknown_format_lists_the_known_ones(build_dir, tmp_path):
    result = CliRunner().invoke(main, ["export", str(build_dir), "--to", "pdf", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pdf" in lines[0]
    for fmt in EXPORTERS:
        assert fmt in lines[0]
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize("case", ["missing graph", "not rdf", "out is a file"])
def test_errors_are_one_line(build_dir, tmp_path, case):
    graph, out = str(build_dir), tmp_path / "out"
    if case == "missing graph":
        graph = str(tmp_path / "nope")
    elif case == "not rdf":
        bad = tmp_path / "bad.ttl"
        bad.write_text("this is @not turtle <", encoding="utf-8")
        graph = str(bad)
    else:
        out.write_text("a file", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", graph, "--to", "neo4j", "--out", str(out)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error:")
    assert "Traceback" not in result.output + result.stderr


def test_help_names_every_registered_format():
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    listed = text.split("Output format:")[1].split(".")[0]
    assert {f.strip() for f in listed.split(",")} == set(EXPORTERS)
