"""Tests of the interactive network page (govkg.export.html)."""

from __future__ import annotations

import contextlib
import importlib.resources
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from govkg.errors import OutputError
from govkg.export import html as page
from govkg.ontology.namespaces import ENTITY, ENTITY_TYPES, GOVKG

SZ = ENTITY["region/shenzhen"]
GD = ENTITY["region/guangdong"]
NEV = ENTITY["industry/nev"]
BYD = ENTITY["enterprise/byd"]
DOC = URIRef("https://w3id.org/govkg/doc/sz2024")

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "\"quoted\" 'single' \\back\\slash\\",
    "<!-- <script>alert(2)</script>",
    "line\u2028sep & amp;",
]


def _sentence(g: Graph, n: int, text: str, *entities: URIRef) -> None:
    sent = URIRef(f"{DOC}/s{n}")
    g.add((sent, RDF.type, GOVKG.Sentence))
    g.add((sent, GOVKG.text, Literal(text, lang="zh")))
    g.add((sent, GOVKG.inDocument, DOC))
    for i, ent in enumerate(entities):
        mention = URIRef(f"{sent}/m{i}")
        g.add((mention, RDF.type, GOVKG.Mention))
        g.add((mention, GOVKG.mentionOf, ent))
        g.add((mention, GOVKG.inSentence, sent))


def _entity(g: Graph, iri: URIRef, kind: str, label: str) -> None:
    g.add((iri, RDF.type, GOVKG[kind]))
    g.add((iri, RDFS.label, Literal(label, lang="zh")))


def sample(g: Graph | None = None) -> Graph:
    """Two regions, an industry, an enterprise, three relations and three sentences."""
    g = Graph() if g is None else g
    _entity(g, SZ, "Region", "深圳市")
    _entity(g, GD, "Region", "广东省")
    _entity(g, NEV, "Industry", "新能源汽车")
    _entity(g, BYD, "Enterprise", "比亚迪")
    g.add((SZ, RDFS.label, Literal("Shenzhen", lang="en")))
    g.add((SZ, SKOS.altLabel, Literal("鹏城", lang="zh")))
    g.add((SZ, SKOS.altLabel, Literal("深圳", lang="zh")))
    g.add((NEV, GOVKG.definition, Literal("以新能源为动力的汽车产业", lang="zh")))
    g.add((SZ, GOVKG.locatedIn, GD))
    g.add((SZ, GOVKG.develops, NEV))
    g.add((BYD, GOVKG.belongsTo, NEV))
    g.add((SZ, GOVKG.relatedTo, URIRef("https://example.org/not-an-entity")))
    g.add((DOC, RDF.type, GOVKG.Document))
    g.add((DOC, RDFS.label, Literal("2024年深圳市政府工作报告", lang="zh")))
    _sentence(g, 1, "深圳市大力发展新能源汽车产业。", SZ, NEV)
    _sentence(g, 2, "深圳市位于广东省南部。", SZ, GD)
    _sentence(g, 3, "深圳市推动比亚迪扩大产能。", SZ, BYD)
    return g


def _nodes(data: dict) -> dict[str, dict]:
    return {n["id"]: n for n in data["nodes"]}


def _vis_code() -> str:
    lib = importlib.resources.files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.min.js")
    return lib.read_text(encoding="utf-8")


def _data_block(html: str) -> str:
    start = html.index('<script type="application/json" id="govkg-data">')
    start = html.index(">", start) + 1
    return html[start:html.index("</script>", start)]


def _glue_script(html: str) -> str:
    start = html.rindex("<script>") + len("<script>")
    return html[start:html.index("</script>", start)]


# --- network_data --------------------------------------------------------------------------


def test_one_node_per_entity_with_type_colour_and_zh_label() -> None:
    nodes = _nodes(page.network_data(sample()))
    assert set(nodes) == {str(SZ), str(GD), str(NEV), str(BYD)}
    assert {k: (n["type"], n["label"]) for k, n in nodes.items()} == {
        str(SZ): ("Region", "深圳市"),
        str(GD): ("Region", "广东省"),
        str(NEV): ("Industry", "新能源汽车"),
        str(BYD): ("Enterprise", "比亚迪"),
    }
    for node in nodes.values():
        assert node["color"] == page.PALETTE[node["type"]]
    assert nodes[str(SZ)]["color"] != nodes[str(NEV)]["color"] != nodes[str(BYD)]["color"]


def test_palette_has_six_distinct_colours_for_the_six_types() -> None:
    assert tuple(page.PALETTE) == ENTITY_TYPES
    assert len(set(page.PALETTE.values())) == 6
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in page.PALETTE.values())


def test_legend_lists_every_type_with_its_count() -> None:
    legend = page.network_data(sample())["legend"]
    assert [e["type"] for e in legend] == list(ENTITY_TYPES)
    assert {e["type"]: e["count"] for e in legend} == {
        "Region": 2, "Industry": 1, "Project": 0, "Enterprise": 1, "Park": 0, "Slogan": 0,
    }
    assert all(e["color"] == page.PALETTE[e["type"]] for e in legend)


def test_relations_become_labelled_edges_between_entities_only() -> None:
    edges = page.network_data(sample())["edges"]
    assert [(e["from"], e["label"], e["to"]) for e in edges] == [
        (str(BYD), "belongsTo", str(NEV)),
        (str(SZ), "develops", str(NEV)),
        (str(SZ), "locatedIn", str(GD)),
    ]
    assert len({e["id"] for e in edges}) == 3


def test_node_size_grows_with_degree() -> None:
    nodes = _nodes(page.network_data(sample()))
    assert nodes[str(SZ)]["degree"] == 2
    assert nodes[str(NEV)]["degree"] == 2
    assert nodes[str(GD)]["degree"] == 1
    assert nodes[str(SZ)]["size"] > nodes[str(GD)]["size"]
    lonely = Graph()
    _entity(lonely, SZ, "Region", "深圳市")
    assert _nodes(page.network_data(lonely))[str(SZ)]["size"] < nodes[str(GD)]["size"]


def test_aliases_definition_and_at_most_two_evidence_sentences() -> None:
    nodes = _nodes(page.network_data(sample()))
    sz = nodes[str(SZ)]
    assert sz["aliases"] == ["深圳", "鹏城"]
    assert [e["text"] for e in sz["evidence"]] == ["深圳市大力发展新能源汽车产业。", "深圳市位于广东省南部。"]
    assert {e["document"] for e in sz["evidence"]} == {"2024年深圳市政府工作报告"}
    assert [e["text"] for e in nodes[str(BYD)]["evidence"]] == ["深圳市推动比亚迪扩大产能。"]
    assert nodes[str(NEV)]["definition"] == "以新能源为动力的汽车产业"
    assert nodes[str(GD)]["definition"] == ""


def test_label_falls_back_to_the_iri_when_missing() -> None:
    g = Graph()
    g.add((ENTITY["park/qianhai"], RDF.type, GOVKG.Park))
    assert page.network_data(g)["nodes"][0]["label"] == "qianhai"


def test_dataset_is_read_as_the_union_of_its_graphs() -> None:
    ds = Dataset()
    sample(ds.graph(URIRef("urn:graph:a")))
    extra = ds.graph(URIRef("urn:graph:b"))
    _entity(extra, ENTITY["park/qianhai"], "Park", "前海")
    extra.add((ENTITY["park/qianhai"], GOVKG.locatedIn, SZ))
    data = page.network_data(ds)
    assert len(data["nodes"]) == 5
    assert (str(ENTITY["park/qianhai"]), "locatedIn", str(SZ)) in {
        (e["from"], e["label"], e["to"]) for e in data["edges"]
    }
    assert _nodes(data)[str(SZ)]["evidence"] == _nodes(page.network_data(sample()))[str(SZ)]["evidence"]


# --- the page --------------------------------------------------------------------------------


@pytest.fixture
def written(tmp_path: Path) -> str:
    out = tmp_path / "graph.html"
    page.write_html(sample(), out, title="深圳 知识图谱")
    return out.read_text(encoding="utf-8")


def test_page_carries_nodes_edges_and_legend(written: str) -> None:
    assert '<meta charset="utf-8">' in written
    assert "<title>深圳 知识图谱</title>" in written
    payload = json.loads(_data_block(written))
    assert sorted(n["label"] for n in payload["nodes"]) == sorted(["广东省", "新能源汽车", "深圳市", "比亚迪"])
    assert {n["color"] for n in payload["nodes"]} == {page.PALETTE[k] for k in ("Region", "Industry", "Enterprise")}
    assert sorted(e["label"] for e in payload["edges"]) == ["belongsTo", "develops", "locatedIn"]
    assert payload["options"]["physics"]["enabled"] is True and payload["physics"] is True
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in payload["nodes"])
    assert payload["documents"] == [{"id": str(DOC), "title": "2024年深圳市政府工作报告", "year": None}]
    legend = re.findall(r'<li data-type="(\w+)">.*?\((\d+)\)</label></li>', written)
    assert legend == [("Region", "2"), ("Industry", "1"), ("Project", "0"),
                      ("Enterprise", "1"), ("Park", "0"), ("Slogan", "0")]
    assert f"background-color: {page.PALETTE['Enterprise']}" in written


def test_page_works_offline_with_vis_network_inlined(written: str) -> None:
    lowered = written.lower()
    for needle in ('src="http', "src='http", 'href="http', "href='http", "//cdn", "@import url(http",
                   "<link", "bootstrap", "tom-select", "<script src"):
        assert needle not in lowered, needle
    code = _vis_code()
    assert len(code) > 100_000
    assert code[:5000] in written and code[-5000:] in written
    css = importlib.resources.files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.css")
    assert css.read_text(encoding="utf-8")[:2000] in written


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_labels_stay_inside_escaped_json(tmp_path: Path, hostile: str) -> None:
    g = sample()
    g.add((GD, SKOS.altLabel, Literal(hostile, lang="zh")))
    _entity(g, ENTITY["slogan/x"], "Slogan", hostile)
    _sentence(g, 9, hostile, ENTITY["slogan/x"])
    out = tmp_path / "graph.html"
    page.write_html(g, out, title=hostile)
    html = out.read_text(encoding="utf-8")

    # exactly three script elements open and close: no label ends one early or starts another
    # (the vis library itself holds a harmless "<script>" string literal)
    assert html.count("<script") == 3 + _vis_code().count("<script")
    assert len(re.findall(r"</script", html, flags=re.IGNORECASE)) == 3
    block = _data_block(html)
    assert not set(block) & {"<", ">", "&", "\u2028", "\u2029"}
    nodes = {n["label"]: n for n in json.loads(block)["nodes"]}
    assert nodes[hostile]["evidence"][0]["text"] == hostile
    assert hostile in _nodes(json.loads(block))[str(GD)]["aliases"]
    # outside the JSON the hostile text only appears HTML-escaped (the title)
    outside = html.replace(block, "")
    if "<" in hostile or "&" in hostile or '"' in hostile:
        assert hostile not in outside
    assert "alert(1)</script>" not in html


@pytest.mark.parametrize("value", HOSTILE + ["深圳\u2029", "a\\u003cb"])
def test_script_json_round_trips(value: str) -> None:
    text = page.script_json({"v": value, "list": [value]})
    assert json.loads(text) == {"v": value, "list": [value]}
    assert "<" not in text and "\u2028" not in text
    assert "深圳" in page.script_json("深圳")


def test_same_graph_gives_byte_identical_files(tmp_path: Path) -> None:
    page.write_html(sample(), tmp_path / "a.html")
    page.write_html(sample(), tmp_path / "b.html")
    reordered = Graph()
    for triple in sorted(sample(), key=lambda t: (str(t[2]), str(t[1]), str(t[0]))):
        reordered.add(triple)
    page.write_html(reordered, tmp_path / "c.html")
    a = (tmp_path / "a.html").read_bytes()
    assert a == (tmp_path / "b.html").read_bytes() == (tmp_path / "c.html").read_bytes()


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    """rdflib's store iterates in hash order; the page must not."""
    g = sample()
    g.add((GD, RDFS.label, Literal("粤", lang="zh")))  # two zh labels: the choice must not vary
    g.serialize(tmp_path / "g.nt", format="nt", encoding="utf-8")
    script = (
        "import sys, rdflib; from govkg.export.html import write_html; "
        "write_html(rdflib.Graph().parse(sys.argv[1], format='nt'), sys.argv[2])"
    )
    for seed in ("0", "1", "4"):
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "g.nt"), str(tmp_path / f"{seed}.html")],
            env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=120,
        )
    pages = {(tmp_path / f"{seed}.html").read_bytes() for seed in ("0", "1", "4")}
    assert len(pages) == 1


def test_failed_write_leaves_the_old_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.html"
    out.write_text("old page", encoding="utf-8")
    real_atomic_write = page.atomic_write

    class HalfWriter:
        def __init__(self, fh):
            self.fh = fh

        def write(self, text: str) -> int:
            self.fh.write(text[: len(text) // 2])
            raise OSError(28, "No space left on device")

    @contextlib.contextmanager
    def failing_atomic_write(path):
        with real_atomic_write(path) as fh:
            yield HalfWriter(fh)

    monkeypatch.setattr(page, "atomic_write", failing_atomic_write)
    with pytest.raises(OutputError, match="No space left"):
        page.write_html(sample(), out)
    assert out.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_unwritable_path_raises_output_error(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(OutputError):
        page.write_html(sample(), tmp_path / "taken")


def test_big_graphs_draw_the_precomputed_layout_without_physics() -> None:
    g = Graph()
    for i in range(page.PHYSICS_NODE_LIMIT):
        _entity(g, ENTITY[f"project/p{i:04d}"], "Project", f"项目{i}")
        if i:
            g.add((ENTITY[f"project/p{i:04d}"], GOVKG.hasPart, ENTITY[f"project/p{i - 1:04d}"]))
    big = json.loads(_data_block(page.render_html(page.network_data(g))))
    small = json.loads(_data_block(page.render_html(page.network_data(sample()))))
    assert len(big["nodes"]) == page.PHYSICS_NODE_LIMIT
    assert big["physics"] is False and small["physics"] is True
    assert big["options"]["physics"]["enabled"] is False
    assert big["options"]["layout"]["improvedLayout"] is False
    assert len({(n["x"], n["y"]) for n in big["nodes"]}) == page.PHYSICS_NODE_LIMIT  # no two nodes on one spot


def test_nodes_carry_their_documents_and_confidence_and_documents_their_year() -> None:
    from rdflib import XSD

    g = sample()
    assert page.network_data(g)["documents"] == [{"id": str(DOC), "title": "2024年深圳市政府工作报告", "year": None}]
    g.add((DOC, GOVKG.year, Literal("2024", datatype=XSD.gYear)))
    for value in ("0.8", "0.95"):  # two documents' confidences: the highest is shown
        g.add((SZ, GOVKG.confidence, Literal(value, datatype=XSD.decimal)))
    data = page.network_data(g)
    assert data["documents"] == [{"id": str(DOC), "title": "2024年深圳市政府工作报告", "year": 2024}]
    nodes = _nodes(data)
    assert nodes[str(SZ)]["confidence"] == 0.95 and nodes[str(BYD)]["confidence"] is None
    assert nodes[str(SZ)]["docs"] == [0] and nodes[str(BYD)]["docs"] == [0]
    assert nodes[str(GD)]["docs"] == [0]
    lonely = Graph()
    _entity(lonely, SZ, "Region", "深圳市")
    assert page.network_data(lonely)["nodes"][0]["docs"] == []


def test_fold_table_covers_traditional_forms_of_the_labels() -> None:
    table = page.fold_table(["沙湾区", "重大产业项目"])
    assert table["灣"] == "湾" and table["區"] == "区" and table["産"] == "产" and table["業"] == "业"
    assert "樂" not in table  # 乐 is in no label: the table stays small
    assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())
    assert page.fold_table(["abc"]) == {}


def test_selection_is_applied_when_writing(tmp_path: Path) -> None:
    from govkg.export.subgraph import Selection

    out = tmp_path / "graph.html"
    page.write_html(sample(), out, selection=Selection(types=("Region",)))
    payload = json.loads(_data_block(out.read_text(encoding="utf-8")))
    assert sorted(n["label"] for n in payload["nodes"]) == ["广东省", "深圳市"]
    assert [e["label"] for e in payload["edges"]] == ["locatedIn"]


def test_served_pages_link_nodes_to_entity_pages() -> None:
    payload = json.loads(_data_block(page.render_html(page.network_data(sample()), entity_link="/entity?id=")))
    assert payload["entity_link"] == "/entity?id="
    assert json.loads(_data_block(page.render_html(page.network_data(sample()))))["entity_link"] == ""


def test_skos_definition_as_the_pipeline_writes_it() -> None:
    g = Graph()
    slogan = ENTITY["slogan/x"]
    _entity(g, slogan, "Slogan", "两区一城")
    g.add((slogan, SKOS.definition, Literal("两个区和一座城", lang="zh")))
    assert _nodes(page.network_data(g))[str(slogan)]["definition"] == "两个区和一座城"


# --- the overview of big graphs and the fonts ------------------------------------------------


def _big_data(hostile: str = "大项目") -> dict:
    """Regions 广东省 > 深圳市 > 南山区 holding enough projects for the overview; industries spanning provinces."""
    from govkg.export.network import NetworkBuilder

    b = NetworkBuilder()
    chain = [("440000", "广东省"), ("440300", "深圳市"), ("440305", "南山区")]
    for (code, name), (up, _) in zip(chain, [(None, None), *chain]):
        b.add_node(str(ENTITY[f"region/{code}"]), "Region", [(name, "zh")])
        if up:
            b.add_edge(str(ENTITY[f"region/{code}"]), "locatedIn", str(ENTITY[f"region/{up}"]))
    b.add_node(str(ENTITY["region/510311"]), "Region", [("沿滩区", "zh")])
    for i in range(page.OVERVIEW_NODE_LIMIT):
        iri = str(ENTITY[f"project/p{i:05d}"])
        b.add_node(iri, "Project", [(f"项目{i}", "zh")])
        b.add_edge(iri, "locatedIn", str(ENTITY["region/440305"]))
    for i in range(6):
        iri = str(ENTITY[f"industry/i{i}"])
        b.add_node(iri, "Industry", [(hostile if i == 0 else f"产业{i}", "zh")])
        b.add_edge(str(ENTITY["region/440305"]), "develops", iri)
        b.add_edge(str(ENTITY["region/510311"]), "develops", iri)
        for j in range(i):
            b.add_edge(iri, "relatedTo", str(ENTITY[f"industry/i{j}"]))
    return b.data()


def test_big_graphs_open_on_the_overview() -> None:
    hostile = "</script><img src=x onerror=alert(1)>"
    html = page.render_html(_big_data(hostile))
    payload = json.loads(_data_block(html))
    groups = payload["overview"]["groups"]
    assert [g["label"] for g in groups if g["parent"] < 0] == ["广东省", f"{hostile}、产业1 等"]
    assert [g["label"] for g in groups] == ["广东省", "深圳市", "南山区", *(f"南山区 {k}/10" for k in range(1, 11)),
                                            f"{hostile}、产业1 等"]
    assert "x" not in payload["nodes"][0]  # the page lays out what the overview shows
    assert payload["options"]["nodes"]["scaling"]["label"]["drawThreshold"] == page.LABEL_THRESHOLD
    assert 'id="overview-bar"' in html and "function standIns()" in _glue_script(html)
    assert html.count("<script") == 3 + _vis_code().count("<script")  # the overview's code is in the main script
    assert len(re.findall(r"</script", html, flags=re.IGNORECASE)) == 3
    assert not set(_data_block(html)) & {"<", ">", "&"}
    small = page.render_html(page.network_data(sample()))
    assert json.loads(_data_block(small))["overview"] is None
    assert 'id="overview-bar"' not in small and "standIns" not in small


def test_pages_ask_for_the_chinese_fonts_a_desktop_has() -> None:
    html = page.render_html(page.network_data(sample()))
    payload = json.loads(_data_block(html))
    face = payload["options"]["nodes"]["font"]["face"]
    assert face == payload["font"] == page.font_stack("'") and '"' not in face  # vis-network drops double quotes
    for name in ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"):
        assert f"'{name}'" in face and f'"{name}"' in html
    assert f"font-family: {page.font_stack()};" in html
    css = importlib.resources.files("govkg").joinpath("serve/static/app.css").read_text(encoding="utf-8")
    assert f"font-family: {page.font_stack()};" in css  # the served pages ask for the same fonts
