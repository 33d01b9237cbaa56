"""Fixtures of the exporter tests: a small graph full of hostile names, the seeds' graph, real engines.

Engines (node with tools/cypher-lint, ladybug) are required in CI (``CI=true``):
there a missing one fails the test; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

from govkg.graph.rdf import build_dataset
from govkg.model import DocFacts, Document, EntityInfo, EntityRef, Mention, Relation, Sentence

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TOOLS = ROOT / "tools" / "cypher-lint"

HOSTILE_NAMES = (
    "O'Brien\\\"}) 公司",
    "x'}) DETACH DELETE n //",
    "\\'",
    "line\nbreak\r\tend",
    "a;b,c \"q\"",
    "</script><!-- & -->",
    "`backtick` $param {brace}",
    "trailing backslash\\",
)
"""Names that break naive Cypher, CSV, XML or JSON writers."""


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(reason: str) -> None:
    """Fail in CI, skip elsewhere: a missing engine must never pass silently in CI."""
    if in_ci():
        pytest.fail(f"CI needs it: {reason}")
    pytest.skip(reason)


def _entity(ref: EntityRef, label: str, aliases: set[str] | None = None, definition: str | None = None,
            **attrs: str) -> EntityInfo:
    return EntityInfo(ref, label, set(aliases or ()), definition, dict(attrs))


def hostile_facts() -> list[DocFacts]:
    """Two documents naming regions, an industry, enterprises, a project, a park and a slogan."""
    sz, gd = EntityRef("Region", "440300"), EntityRef("Region", "440000")
    nev = EntityRef("Industry", "新能源汽车")
    obrien = EntityRef("Enterprise", HOSTILE_NAMES[0])
    catl = EntityRef("Enterprise", "宁德时代")
    project = EntityRef("Project", HOSTILE_NAMES[1])
    park = EntityRef("Park", HOSTILE_NAMES[7])
    slogan = EntityRef("Slogan", "“1+5”片区")
    text1 = "深圳市大力发展新能源汽车产业。O'Brien公司实施项目。项目位于深圳市。"
    text2 = "园区引进宁德时代。宁德时代属于新能源汽车产业。深圳市位于广东省。“1+5”片区由深圳市提出。"

    def doc(doc_id: str, text: str, title: str) -> Document:
        return Document(doc_id, f"{doc_id}.txt", text, text, ((0, len(text)),), f"hash-{doc_id}", title, "2024-01-01")

    def sentences(text: str) -> tuple[Sentence, ...]:
        out, start = [], 0
        for i, part in enumerate(text.split("。")[:-1]):
            end = start + len(part) + 1
            out.append(Sentence(i, start, end, text[start:end]))
            start = end
        return tuple(out)

    ents1 = {
        sz: _entity(sz, "深圳市", {"鹏城", HOSTILE_NAMES[2]}, adminCode="440300"),
        nev: _entity(nev, "新能源汽车", {HOSTILE_NAMES[3]}, "以新能源为动力的\n汽车产业 'x' \"y\" \\z"),
        obrien: _entity(obrien, HOSTILE_NAMES[0], {HOSTILE_NAMES[4], HOSTILE_NAMES[5]}),
        project: _entity(project, HOSTILE_NAMES[1], {HOSTILE_NAMES[6]}),
    }
    ents2 = {
        sz: _entity(sz, "深圳市", {"深圳"}, adminCode="440300"),
        gd: _entity(gd, "广东省", adminCode="440000"),
        nev: _entity(nev, "新能源汽车"),
        catl: _entity(catl, "宁德时代"),
        park: _entity(park, HOSTILE_NAMES[7]),
        slogan: _entity(slogan, "1+5片区", {"“1+5”片区"}, "一个核心区加五个片区"),
    }
    rels1 = (
        Relation(sz, "develops", nev, 0, "test"),
        Relation(obrien, "carriesOut", project, 1, "test"),
        Relation(project, "locatedIn", sz, 2, "test"),
        Relation(obrien, "belongsTo", nev, None, "test"),  # no evidence sentence
    )
    rels2 = (
        Relation(park, "hosts", catl, 0, "test"),
        Relation(catl, "belongsTo", nev, 1, "test"),
        Relation(sz, "locatedIn", gd, 2, "test"),
        Relation(slogan, "proposedBy", sz, 3, "test"),
        Relation(sz, "develops", nev, 0, "test"),  # the same edge again, from another document
    )

    def mentions(ents: dict[EntityRef, EntityInfo], text: str, sents: tuple[Sentence, ...]) -> tuple[Mention, ...]:
        out = []
        for ref, info in ents.items():
            at = text.find(info.label[:2])
            if at >= 0:
                sent = next(s.index for s in sents if s.start <= at < s.end)
                out.append(Mention(ref, info.label, at, at + 2, sent, "test"))
        return tuple(out)

    d1, d2 = doc("doc-1", text1, "第一份'报告"), doc("doc-2", text2, "第二份报告")
    s1, s2 = sentences(text1), sentences(text2)
    return [DocFacts(d1, s1, mentions(ents1, text1, s1), rels1, ents1),
            DocFacts(d2, s2, mentions(ents2, text2, s2), rels2, ents2)]


@pytest.fixture(scope="session")
def hostile_graph() -> Dataset:
    """9 entities (one named by every hostile name), 8 distinct relations, two named graphs."""
    return build_dataset(hostile_facts())


@pytest.fixture(scope="session")
def seeds_graph(seeds_out) -> Dataset:
    """The graph the real pipeline builds from seeds/."""
    from govkg.graph.load import load_graph

    return load_graph(seeds_out)


@pytest.fixture(scope="session")
def node_tool() -> Callable[..., Any]:
    """``node_tool(script, *args)`` -> (exit code, parsed JSON lines) of a tools/cypher-lint script."""
    node = shutil.which("node")
    if node is None:
        missing("node is not installed (Node 20+ runs the Neo4j Cypher linter)")
    if not (TOOLS / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        missing(f"npm packages missing: run `npm ci --prefix {TOOLS.relative_to(ROOT)}`")

    def run(script: str, *args: str, stdin: str | None = None) -> tuple[int, list[dict[str, Any]]]:
        proc = subprocess.run([node, str(TOOLS / script), *args], input=stdin, capture_output=True,
                              text=True, encoding="utf-8", timeout=300, check=False)
        if proc.returncode not in (0, 1):
            raise AssertionError(f"{script} failed ({proc.returncode}): {proc.stderr}")
        return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]

    return run
