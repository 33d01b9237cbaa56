import pytest

from govkg.extractors import extract
from govkg.graph.resolve import resolve_document
from govkg.model import EntityRef, Mention, Relation
from govkg.text.document import sentences_of


def mention(kind, label, start=0):
    return Mention(EntityRef(kind, label), label, start, start + len(label), 0, "test")


def keys(mentions):
    return {(m.ref.type, m.ref.key) for m in mentions}


COMMON = {"食品", "机械"}


def is_common(label):
    return any(label.startswith(w) for w in COMMON)


@pytest.mark.parametrize("long, short, prefixes", [
    ("中国中化", "中化", []),                    # national prefix
    ("自贡食品产业园", "食品产业园", ["自贡"]),      # the document's city in front
    ("沿滩区花椒现代农业园区", "花椒现代农业园区", ["沿滩区"]),
])
def test_prefixed_name_joins_short_one(long, short, prefixes):
    kind = "Enterprise" if long.endswith("中化") else "Park"
    ms, _ = resolve_document([mention(kind, long), mention(kind, short, 10)], [], prefixes, "510311", is_common)
    assert keys(ms) == {(kind, long)}
    assert short in ms[1].aliases


@pytest.mark.parametrize("a, b", [
    ("中化蓝天", "中化"),     # a longer name that is not a region prefix plus the short one
    ("韵达产业园", "产业园"),
])
def test_different_names_stay_apart(a, b):
    ms, _ = resolve_document([mention("Enterprise", a), mention("Enterprise", b, 10)], [], ["自贡"], None,
                             is_common)
    assert keys(ms) == {("Enterprise", a), ("Enterprise", b)}


def test_common_park_name_is_scoped_to_the_document_region():
    ms1, _ = resolve_document([mention("Park", "食品产业园")], [], [], "510311", is_common)
    ms2, _ = resolve_document([mention("Park", "食品产业园")], [], [], "130608", is_common)
    assert ms1[0].ref != ms2[0].ref
    assert ms1[0].label == ms2[0].label == "食品产业园"


def test_proper_park_name_is_not_scoped():
    ms, _ = resolve_document([mention("Park", "韵达产业园")], [], [], "510311", is_common)
    assert ms[0].ref == EntityRef("Park", "韵达产业园")


def test_relations_follow_the_merge():
    long, short = mention("Park", "自贡食品产业园"), mention("Park", "食品产业园", 20)
    ent = mention("Enterprise", "永汇食品", 40)
    rel = Relation(short.ref, "hosts", ent.ref, 0, "test")
    _, rels = resolve_document([long, short, ent], [rel], ["自贡"], None, is_common)
    assert rels[0].subject == long.ref


def test_end_to_end_in_a_report(make_context):
    ctx = make_context("加快建设自贡食品产业园。食品产业园累计建成标准化厂房31.5万平方米。",
                       title="2023年自贡市沿滩区政府工作报告")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    parks = {ref: info for ref, info in facts.entities.items() if ref.type == "Park"}
    assert len(parks) == 1
    [info] = parks.values()
    assert info.label == "自贡食品产业园" and "食品产业园" in info.aliases


def test_a_park_by_its_place_and_kind_alone_is_the_one_park_so_named():
    """唐河县开发区 is 唐河县先进制造业开发区 when that is the only 唐河县…开发区 of the document; with two it is neither."""
    full, bare = mention("Park", "唐河县先进制造业开发区"), mention("Park", "唐河县开发区", 20)
    ms, _ = resolve_document([full, bare], [], ["唐河县"], None, is_common)
    assert keys(ms) == {("Park", "唐河县先进制造业开发区")} and "唐河县开发区" in ms[1].aliases
    other = mention("Park", "唐河县食品经济开发区", 40)
    ms, _ = resolve_document([full, bare, other], [], ["唐河县"], None, is_common)
    assert ("Park", "唐河县开发区") in keys(ms)


def test_a_page_about_a_park_it_calls_by_place_and_kind_hosts_what_it_names(make_context):
    """A park's own page (its full name first, then 唐河县开发区, 开发区): it hosts the companies the page lists."""
    ctx = make_context("唐河县先进制造业开发区，于2023年正式设立。目前，开发区入住企业269家。"
                       "唐河县开发区在产业培育上，培育高新技术企业。中盛汽配、诺信腾达、宣溢环保等21家企业获批省级专精特新企业。")
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    hosted = {r.object.key for r in facts.relations if r.predicate == "hosts"}
    assert {"中盛汽配", "诺信腾达", "宣溢环保"} <= hosted
