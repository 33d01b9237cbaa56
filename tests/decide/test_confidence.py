"""A user filters on confidence: build, export, serve, the ready-made queries, and review's reasons."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from govkg.cli import main
from govkg.graph.confidence import unsure_entities, without_unsure
from govkg.graph.load import load_graph
from govkg.ontology.namespaces import GOVKG

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_b22b28e224b33268.txt"


def confidences(path: Path) -> dict[str, float]:
    g = Graph().parse(path)
    return {str(s): float(o) for s, o in g.subject_objects(GOVKG.confidence)}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("conf") / "out"
    result = CliRunner().invoke(main, ["build", str(SEED), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def threshold(seed_build) -> float:
    """A threshold that leaves out some entities of the seed but not most: the median confidence."""
    values = sorted(confidences(seed_build / "graph.ttl").values())
    assert len(values) > 50 and values[0] < values[-1]
    return values[len(values) // 2]


def test_build_leaves_out_entities_below_the_threshold(seed_build, threshold, tmp_path):
    everything = confidences(seed_build / "graph.ttl")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEED), "--out", str(out), "--jobs", "1",
                                       "--min-confidence", str(threshold)])
    assert result.exit_code == 0, result.output
    kept = confidences(out / "graph.ttl")
    assert set(kept) == {e for e, c in everything.items() if c >= threshold}
    g = Graph().parse(out / "graph.ttl")
    named = set(g.objects(None, GOVKG.mentionOf))
    assert not {e for e, c in everything.items() if c < threshold} & {str(n) for n in named}
    # the threshold is part of the build's settings: back to none rebuilds the whole graph as before
    again = CliRunner().invoke(main, ["build", str(SEED), "--out", str(out), "--jobs", "1"])
    assert again.exit_code == 0, again.output
    assert (out / "graph.ttl").read_bytes() == (seed_build / "graph.ttl").read_bytes()


def test_a_bad_threshold_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(SEED), "--out", str(tmp_path / "o"), "--min-confidence", "1.5"])
    assert result.exit_code == 2 and "1.5" in result.output
    assert not (tmp_path / "o").exists()


def test_export_leaves_out_unsure_entities_and_what_hangs_on_them(seed_build, threshold, tmp_path):
    out = tmp_path / "g.nt"
    result = CliRunner().invoke(main, ["export", str(seed_build), "--to", "nt", "--out", str(out),
                                       "--min-confidence", str(threshold)])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out, format="nt")
    low = {e for e, c in confidences(seed_build / "graph.ttl").items() if c < threshold}
    terms = {str(t) for triple in g for t in triple}
    assert low and not low & terms
    assert set(g.subjects(GOVKG.confidence, None))  # the rest is still there


def test_without_unsure_keeps_entities_with_no_confidence(seed_build):
    ds = load_graph(seed_build)
    graph = next(g for g in ds.graphs() if len(g))
    undecided = URIRef("https://w3id.org/govkg/id/park/undecided")  # as from a build with no model
    graph.add((undecided, RDF.type, GOVKG.Park))
    graph.add((undecided, RDFS.label, Literal("无置信度园区", lang="zh")))
    dropped = without_unsure(ds, 1.0)  # every decided entity is below 1 but the certain ones
    assert dropped > 0 and not unsure_entities(ds, 1.0)
    assert (undecided, RDF.type, GOVKG.Park) in ds


def test_ready_made_query_filters_on_confidence(seed_build):
    runner = CliRunner()
    base = runner.invoke(main, ["query", str(seed_build), "region-slogans", "--param", "region=沿滩区",
                                "--format", "json"])
    assert base.exit_code == 0, base.output
    strict = runner.invoke(main, ["query", str(seed_build), "region-slogans", "--param", "region=沿滩区",
                                  "--param", "min_confidence=0.99", "--format", "json"])
    assert strict.exit_code == 0, strict.output
    rows, fewer = (json.loads(r.output)["results"]["bindings"] for r in (base, strict))
    assert len(fewer) < len(rows)
    bad = runner.invoke(main, ["query", str(seed_build), "region-slogans", "--param", "region=沿滩区",
                               "--param", "min_confidence=high"])
    assert bad.exit_code == 2 and "expected a number from 0 to 1" in bad.output


def test_serve_pages_leave_out_unsure_entities(seed_build, threshold):
    from govkg.serve.app import Explorer

    everything = Explorer(seed_build)
    strict = Explorer(seed_build, min_confidence=threshold)
    try:
        low = {e for e, c in confidences(seed_build / "graph.ttl").items() if c < threshold}
        assert low <= set(everything.by_id)
        assert not low & set(strict.by_id)
        assert len(strict.data["edges"]) < len(everything.data["edges"])
        one = sorted(low)[0]
        answer = strict._route("/entity", {"QUERY_STRING": f"id={quote(one)}", "REQUEST_METHOD": "GET"})
        assert answer.status == 404
    finally:
        everything.close()
        strict.close()


def test_review_shows_why(seed_build, tmp_path):
    out = tmp_path / "b"
    shutil.copytree(seed_build, out)
    result = CliRunner().invoke(main, ["review", str(out), "--limit", "3"])
    assert result.exit_code == 0, result.output
    reasons = [line for line in result.output.splitlines() if line.strip().startswith("why:")]
    assert len(reasons) == 3, result.output
    assert all("type=" in r or "|" in r for r in reasons)
