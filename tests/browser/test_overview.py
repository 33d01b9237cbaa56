"""The overview of a big graph in headless Chromium: groups, expanding in place, the map, loose entities."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govkg.export.html import OVERVIEW_NODE_LIMIT, write_network
from govkg.export.network import NetworkBuilder
from govkg.ontology.namespaces import ENTITY_BASE

HOSTILE = "<img src=x onerror=alert(1)>"
COUNTIES = {"110105": ("110000",), "110108": ("110000",), "440106": ("440000", "440100"),
            "440305": ("440000", "440300"), "130602": ("130000", "130600"), "310115": ("310000",)}
NAMES = {"110000": "北京市", "110105": "朝阳区", "110108": "海淀区", "440000": "广东省", "440100": "广州市",
         "440106": "天河区", "440300": "深圳市", "440305": "南山区", "130000": "河北省", "130600": "保定市",
         "130602": "竞秀区", "310000": "上海市", "310115": "浦东新区"}
PER_COUNTY = 560
LOOSE = 20


def region(code: str) -> str:
    return f"{ENTITY_BASE}region/{code}"


@pytest.fixture(scope="module")
def big_page(tmp_path_factory) -> Path:
    """A page over ``OVERVIEW_NODE_LIMIT`` entities: six counties of four provinces with projects and slogans,
    industries developed in two provinces (one with a hostile name), loose slogans, two documents."""
    b = NetworkBuilder()
    docs = ["https://w3id.org/govkg/doc/a", "https://w3id.org/govkg/doc/b"]
    for doc, title in zip(docs, ("北京市政府工作报告", f"{HOSTILE}报告")):
        b.add_document(doc, title)
    for code, name in NAMES.items():
        b.add_node(region(code), "Region", [(name, "zh")])
        b.add_evidence(region(code), f"{docs[0]}/s/{code}", f"{name}加快发展。", docs[0])
    for county, above in COUNTIES.items():
        chain = [county, *reversed(above)]
        for low, high in zip(chain, chain[1:]):
            b.add_edge(region(low), "locatedIn", region(high))
        for i in range(PER_COUNTY):
            kind = "Project" if i % 4 else "Slogan"
            iri = f"{ENTITY_BASE}{kind.lower()}/{county}-{i:03d}"
            b.add_node(iri, kind, [(f"{NAMES[county]}{'项目' if i % 4 else '口号'}{i}", "zh")])
            b.add_edge(iri, "locatedIn" if i % 4 else "relatedTo", region(county))
            b.add_evidence(iri, f"{docs[i % 2]}/s/{county}-{i}", f"推进{NAMES[county]}第{i}项工作。", docs[i % 2])
    industries = [f"{ENTITY_BASE}industry/i{i}" for i in range(8)]
    for i, iri in enumerate(industries):
        b.add_node(iri, "Industry", [(HOSTILE if i == 0 else f"产业{i}", "zh")])
        b.add_edge(region("110105"), "develops", iri)
        b.add_edge(region("440305"), "develops", iri)
        for other in industries[:i]:
            b.add_edge(iri, "relatedTo", other)
    for i in range(LOOSE):
        b.add_node(f"{ENTITY_BASE}slogan/loose{i:02d}", "Slogan", [(f"孤立口号{i}", "zh")])
    data = b.data()
    assert len(data["nodes"]) >= OVERVIEW_NODE_LIMIT
    out = tmp_path_factory.mktemp("overview") / "graph.html"
    write_network(data, out, title="govkg 全国")
    return out


def open_page(tab: Any, path: Path) -> None:
    tab.goto(path.as_uri())
    tab.wait_for_function("window.govkgReady !== undefined", timeout=60_000)


def shown(tab: Any) -> list[str]:
    return sorted(tab.evaluate("govkgExplorer.network.body.nodeIndices"))


def group_index(tab: Any, label: str) -> int:
    return tab.evaluate("label => govkgExplorer.groups.findIndex(g => g.label === label)", label)


def click_node(tab: Any, node_id: str) -> None:
    """A real mouse click on the node's centre."""
    box = tab.locator("#network canvas").bounding_box()
    spot = tab.evaluate("id => govkgExplorer.network.canvasToDOM(govkgExplorer.network.getPosition(id))", node_id)
    tab.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def test_big_page_opens_on_the_groups(page, big_page: Path) -> None:
    tab, _ = page
    open_page(tab, big_page)
    ids = shown(tab)
    labels = tab.evaluate("govkgExplorer.groups.filter(g => g.parent < 0).map(g => g.label)")
    assert len(ids) <= 500 and all(i.startswith("group:") for i in ids)
    assert {"北京市", "广东省", "河北省", "上海市"} <= set(labels)
    assert "无关系实体" not in [tab.evaluate("k => govkgExplorer.groups[k].label", int(i[6:])) for i in ids]
    counts = {g["label"]: g["count"] for g in tab.evaluate("govkgExplorer.groups")}
    assert counts["广东省"] == 2 * PER_COUNTY + 5 and counts["北京市"] == 2 * PER_COUNTY + 3
    # zoomed out so far that vis-network draws no label, the page draws those of the biggest groups
    tab.evaluate("""() => new Promise(r => { govkgExplorer.network.moveTo({scale: 0.15});
        requestAnimationFrame(() => requestAnimationFrame(r)); })""")
    drawn = tab.evaluate("govkgExplorer.labelled()")
    assert f"广东省 {counts['广东省']}" in drawn and f"北京市 {counts['北京市']}" in drawn


def test_clicking_a_province_expands_it_in_place_and_the_breadcrumb_collapses_it(page, big_page: Path) -> None:
    tab, _ = page
    open_page(tab, big_page)
    before = shown(tab)
    gd = group_index(tab, "广东省")
    bj = f"group:{group_index(tab, '北京市')}"
    beijing = tab.evaluate("id => govkgExplorer.network.getPosition(id)", bj)
    click_node(tab, f"group:{gd}")
    after = shown(tab)
    assert f"group:{gd}" not in after
    for label in ("广州市", "深圳市"):
        assert f"group:{group_index(tab, label)}" in after
    assert region("440000") in after  # the province's own region entity, in the middle of its children
    assert set(before) - {f"group:{gd}"} <= set(after)  # everything else still there
    assert tab.evaluate("id => govkgExplorer.network.getPosition(id)", bj) != beijing  # moved aside to make room
    assert tab.inner_text("#crumbs").split() == ["全国", "›", "广东省"]
    assert "省级地区" in tab.inner_text("#details") and "广东省" in tab.inner_text("#details")
    click_node(tab, f"group:{group_index(tab, '深圳市')}")
    assert tab.inner_text("#crumbs").split() == ["全国", "›", "广东省", "›", "深圳市"]
    assert region("440300") in shown(tab)
    tab.click("#back")
    assert tab.inner_text("#crumbs").split() == ["全国", "›", "广东省"]
    tab.click("#crumbs button:first-child")
    assert shown(tab) == before
    assert tab.evaluate("id => govkgExplorer.network.getPosition(id)", bj) == beijing


def test_loose_entities_wait_behind_a_toggle_that_counts_them(page, big_page: Path) -> None:
    tab, _ = page
    open_page(tab, big_page)
    button = tab.locator("#loose-toggle")
    assert button.inner_text() == f"显示无关系实体 ({LOOSE})"
    loose = f"group:{group_index(tab, '无关系实体')}"
    assert loose not in shown(tab)
    button.click()
    assert loose in shown(tab) and button.inner_text() == f"隐藏无关系实体 ({LOOSE})"
    click_node(tab, loose)
    assert f"{ENTITY_BASE}slogan/loose00" in shown(tab)
    button.click()
    assert loose not in shown(tab) and not [i for i in shown(tab) if "loose" in i]
    assert tab.inner_text("#crumbs").split() == ["全国"]


def test_search_opens_the_groups_around_an_entity(page, big_page: Path) -> None:
    tab, _ = page
    open_page(tab, big_page)
    tab.fill("#search", "竞秀区项目7")
    tab.press("#search", "Enter")
    target = f"{ENTITY_BASE}project/130602-007"
    assert tab.evaluate("govkgExplorer.network.getSelectedNodes()") == [target]
    assert target in shown(tab)
    crumbs = tab.inner_text("#crumbs").split()
    assert crumbs[:5] == ["全国", "›", "河北省", "›", "保定市"] and "竞秀区" in crumbs
    assert "竞秀区项目7" in tab.inner_text("#details h2")
    tab.fill("#search", "孤立口号3")  # inside the hidden group: the toggle turns on
    tab.press("#search", "Enter")
    assert f"{ENTITY_BASE}slogan/loose03" in shown(tab)
    assert tab.locator("#loose-toggle").get_attribute("aria-pressed") == "true"


def test_map_layout_puts_regions_where_they_are_without_reloading(page, big_page: Path) -> None:
    tab, _ = page
    open_page(tab, big_page)
    tab.evaluate("window.sameLoad = 1")
    ids = {label: f"group:{group_index(tab, label)}" for label in ("北京市", "广东省", "上海市", "河北省")}
    network = {k: tab.evaluate("id => govkgExplorer.network.getPosition(id)", v) for k, v in ids.items()}
    tab.check('#overview-bar input[value="map"]')
    at = {k: tab.evaluate("id => govkgExplorer.network.getPosition(id)", v) for k, v in ids.items()}
    assert at["北京市"]["y"] < at["广东省"]["y"]  # north above south
    assert at["上海市"]["x"] > at["河北省"]["x"]  # east right of west
    groups = tab.evaluate("govkgExplorer.groups")
    for label, pos in at.items():
        geo = groups[int(ids[label][6:])]["geo"]
        assert abs(pos["x"] - geo[0]) < 1 and abs(pos["y"] - geo[1]) < 1  # vis-network keeps whole pixels
    click_node(tab, ids["广东省"])  # opening on the map: the divisions at their own places
    gz = tab.evaluate("id => govkgExplorer.network.getPosition(id)", f"group:{group_index(tab, '广州市')}")
    sz = tab.evaluate("id => govkgExplorer.network.getPosition(id)", f"group:{group_index(tab, '深圳市')}")
    assert sz["y"] > gz["y"] and sz["x"] > gz["x"]  # 深圳 lies south-east of 广州
    tab.check('#overview-bar input[value="network"]')
    tab.click("#crumbs button:first-child")
    back = {k: tab.evaluate("id => govkgExplorer.network.getPosition(id)", v) for k, v in ids.items()}
    assert back == network and tab.evaluate("window.sameLoad") == 1


def test_hostile_names_in_groups_stay_text(page, big_page: Path) -> None:
    tab, watch = page
    open_page(tab, big_page)
    k = tab.evaluate("label => govkgExplorer.groups.findIndex(g => g.label.indexOf(label) === 0)", HOSTILE)
    assert k >= 0
    tab.evaluate("id => govkgExplorer.focus(id)", f"{ENTITY_BASE}industry/i0")
    assert HOSTILE in tab.inner_text("#details h2")
    tab.select_option("#doc-filter", "1")
    assert tab.locator("#doc-filter option").nth(2).inner_text() == f"{HOSTILE}报告"
    assert tab.evaluate("document.querySelectorAll('img, #details script').length") == 0
    assert watch.dialogs == []
