"""Glossaries (名词解释): numbering styles, term labels, parts, markers, and the real seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.extractors.base import Context
from govkg.extractors.glossary import GlossaryEntry, extract_glossary, parse_glossary
from govkg.extractors.slogan import load_lexicon
from govkg.model import EntityRef, Mention, Relation
from govkg.text.document import make_document, sentences_of

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_b22b28e224b33268.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("正文。\n名词解释\n1.三最:历史同期最高的极端高温。", [(1, "三最", "历史同期最高的极端高温。")]),
        ("正文。\n名 词 解 释\n\n  2.“1+5”片区：“1”即园区。", [(2, "“1+5”片区", "“1”即园区。")]),
        ("正文。\n附：名词解释\n[3]“双碳”：碳达峰与碳中和。", [(3, "“双碳”", "碳达峰与碳中和。")]),
        ("正文。\n[名词解释]\n[4] 新时代“枫桥经验”：坚持党建引领。", [(4, "新时代“枫桥经验”", "坚持党建引领。")]),
        ("正文。\n名词解释\n5.[“克重化”管理]也称“以克论净”。", [(5, "“克重化”管理", "也称“以克论净”。")]),
        ("正文。\n名词解释\n6.[两不见面]指网上办理。", [(6, "两不见面", "网上办理。")]),
        ("正文。\n注释\n（7）“四医”联动：医疗、医保联动。", [(7, "“四医”联动", "医疗、医保联动。")]),
        ("正文。\n注[8]“放管服”：简政放权。", [(8, "“放管服”", "简政放权。")]),
        # an entry that is not a term (one character) is skipped, the next one kept
        ("正文。\n名词解释\n6.糃（táng）：古同糖。\n7.四美：自然美、形态美。", [(7, "四美", "自然美、形态美。")]),
        # the glossary ends at the first line that is not an entry
        ("正文。\n名词解释\n1.四美：自然美。\n分享到：\n2.下一篇：某县报告", [(1, "四美", "自然美。")]),
        # numbered lines without a glossary heading are not entries
        ("一、工作回顾\n1.加强领导：成立专班。", []),
        ("名词解释", []),
        # a heading with more on its line, or a sentence that speaks of the glossary right before it
        ("正文。\n※名词解释※\n1.三口两站：三个高速出入口。", [(1, "三口两站", "三个高速出入口。")]),
        ("正文。\n附件一：名词解释\n1.三口两站：三个高速出入口。", [(1, "三口两站", "三个高速出入口。")]),
        ("报道组梳理了24个名词解释方便大家读懂报告。\n\n5.四减四增:减少煤炭消费。", [(5, "四减四增", "减少煤炭消费。")]),
        # a line that speaks of 名词解释 before no entry opens none
        ("做好名词解释工作。\n一、工作回顾\n1.加强领导：成立专班。", []),
    ],
)
def test_parse_glossary(text, expected):
    got = [(e.number, e.term, e.definition) for e in parse_glossary(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("term", "label", "aliases"),
    [
        ("三最", "三最", ()),
        ("“1+5”片区", "1+5片区", ("1+5",)),
        ("“六清”行动", "六清行动", ("六清",)),
        ("政企“畅聊早餐会”", "畅聊早餐会", ("政企畅聊早餐会",)),
        ("“一件事”事项", "一件事", ("一件事事项",)),
        ("国家“千县工程”", "千县工程", ("国家千县工程",)),
    ],
)
def test_term_labels(make_context, term, label, aliases):
    ctx = make_context("正文。\n名词解释\n1." + term + "：定义。")
    (mention,) = [m for m in extract_glossary(ctx) if isinstance(m, Mention)]
    assert (mention.label, mention.aliases) == (label, aliases)
    assert mention.ref == EntityRef("Slogan", label)
    assert mention.definition == "定义。"
    assert GlossaryEntry(1, term, 0, "", 0).label_aliases(load_lexicon())[0] == label


def _parts(ctx) -> dict[EntityRef, Mention]:
    out = list(extract_glossary(ctx))
    mentions = {m.ref: m for m in out if isinstance(m, Mention)}
    return {r.object: mentions.get(r.object) for r in out if isinstance(r, Relation) and r.predicate == "hasPart"}


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # lists after a key (“1”即…) typed by suffix
        ("2.“1+5”片区：“1”即沿滩高新技术产业园区，“5”即沿滩新城、仙市片区。",
         {EntityRef("Park", "沿滩高新技术产业园区"), EntityRef("Region", "沿滩新城"), EntityRef("Region", "仙市片区")}),
        # quoted parts with the head after the quote
        ("15.“六清”行动：“清风”行动破思想障碍、“清障”行动优体制机制。",
         {EntityRef("Slogan", "清风行动"), EntityRef("Slogan", "清障行动")}),
        # quoted parallel sub-formulas
        ("9.四大战略：市委提出，要实施“融圈强极”“工业强市”“文旅兴市”“城乡融合”四大战略。",
         {EntityRef("Slogan", x) for x in ("融圈强极", "工业强市", "文旅兴市", "城乡融合")}),
        # enumerated items sharing the term's head noun, without the verb each opens with
        ("8.“八场攻坚战”：即坚决打好协同发展攻坚战、坚决打好项目建设攻坚战、坚决打好城市更新攻坚战。",
         {EntityRef("Slogan", x) for x in ("协同发展攻坚战", "项目建设攻坚战", "城市更新攻坚战")}),
        # enumerated items sharing the term's head noun
        ("20.碳达峰十大行动：能源绿色低碳转型行动、节能降碳增效行动、工业领域碳达峰行动。",
         {EntityRef("Slogan", x) for x in ("能源绿色低碳转型行动", "节能降碳增效行动", "工业领域碳达峰行动")}),
        # counted keys a colon explains
        ("1.“1354”总体思路：一个定位：打造先行区；三个坚持：坚持以党的建设为引领；四个新郯城：富强新郯城、文明新郯城。",
         {EntityRef("Slogan", x) for x in ("一个定位", "三个坚持", "四个新郯城")}),
        # near-misses: plain lists, everyday quoted words, a key's list of non-names
        ("12.两书一函：约谈通知书、整改通知书和提醒敦促函。", set()),
        ("4.政策保姆：提供“一站式”服务，实现“政策找企业”。", set()),
        ("16.一会四函一书：“一会”即项目所在片区指挥部会议。", set()),
        ("13.六社联动：社区、社会组织、社区社会企业的联动。", set()),
        # what a key's part does to a number of works (强力推进|10个…工程) is a count, no name
        ("3.“1020”工程：“10”指在主城区，强力推进10个城市品质提升工程；“20”指在各县城，强力推进20个县城品质基础工程。", set()),
    ],
)
def test_parts(make_context, entry, expected):
    parts = _parts(make_context("正文。\n名词解释\n" + entry))
    assert set(parts) == expected
    assert all(m is not None for m in parts.values())


def test_also_called_is_an_alias_not_a_part(make_context):
    ctx = make_context("正文。\n名词解释\n15.[“克重化”管理]也称“以克论净”，指道路保洁。")
    (term,) = [m for m in extract_glossary(ctx) if isinstance(m, Mention)]
    assert term.label == "克重化管理"
    assert "以克论净" in term.aliases


def test_body_marker_points_to_entry(make_context):
    ctx = make_context("面对历史同期“三最”[1]叠加局面。\n名词解释\n1.三最:历史同期最高温。")
    marks = [m for m in extract_glossary(ctx) if isinstance(m, Mention) and m.rule == "glossary.marker"]
    assert [(m.label, ctx.doc.text[m.start:m.end]) for m in marks] == [("三最", "“三最”")]


def test_bare_body_marker_points_to_entry(make_context):
    # a page copied without the brackets: the entry's number right after its term, but not a measure
    ctx = make_context("配合做好R1线10和雄忻高铁11及保定南站建设，R1线10公里已开通，雄忻高铁12和高速。\n"
                       "名词解释\n10.[R1线]即雄安至北京大兴国际机场快线。\n11.[雄忻高铁]即雄安至忻州高铁。")
    marks = [m for m in extract_glossary(ctx) if isinstance(m, Mention) and m.rule == "glossary.marker"]
    assert [(m.label, ctx.doc.text[m.start:m.end + 2]) for m in marks] == [("R1线", "R1线10"), ("雄忻高铁", "雄忻高铁11")]


def test_proposed_by_from_definition(make_context):
    ctx = make_context("正文。\n名词解释\n9.四大战略：自贡市委十三届四次全会提出，要实施四大战略。")
    at = ctx.doc.norm.index("自贡市")
    ctx.mentions.append(Mention(EntityRef("Region", "510300"), "自贡市", at, at + 3,
                                ctx.sentence_at(at).index, "test"))
    rels = [r for r in extract_glossary(ctx) if isinstance(r, Relation) and r.predicate == "proposedBy"]
    assert [(r.subject.key, r.object.key) for r in rels] == [("四大战略", "510300")]


def test_park_term_is_typed_park(make_context):
    ctx = make_context("正文。\n名词解释\n3.银岭产业园：位于某镇的产业园。")
    (term,) = [m for m in extract_glossary(ctx) if isinstance(m, Mention)]
    assert term.ref == EntityRef("Park", "银岭产业园")


@pytest.mark.parametrize("entry, type_", [
    ("14.大正食品：项目总投资1.23亿元，年产速冻食品3万吨。", "Project"),
    ("11.硒鸽屠宰深加工：该项目位于城南庄镇。", "Project"),
    ("4.醇油坊：总投资3.82亿元，建设酿酒车间。", "Project"),
    ("5.企业管家：项目库动态管理的服务机制。", "Slogan"),  # 项目库 names a pool, not the term as one project
])
def test_term_defined_as_a_project_is_a_project(make_context, entry, type_):
    ctx = make_context(f"正文。\n名词解释\n{entry}")
    term = next(m for m in extract_glossary(ctx) if isinstance(m, Mention) and m.rule == "glossary.term")
    assert term.ref.type == type_


def test_real_seed(resources, folder):
    doc = make_document(SEED.read_text(encoding="utf-8"), str(SEED), SEED.stem, folder)
    ctx = Context(doc=doc, sentences=sentences_of(doc), resources=resources)
    out = list(extract_glossary(ctx))
    terms = {m.label: m for m in out if isinstance(m, Mention) and m.rule == "glossary.term"}
    assert len(terms) == 20
    one_five = terms["1+5片区"]
    assert "1+5" in one_five.aliases
    assert one_five.definition.startswith("“1”即沿滩高新技术产业园区")
    rels = {(r.subject, r.object) for r in out if isinstance(r, Relation) and r.predicate == "hasPart"}
    assert (one_five.ref, EntityRef("Park", "沿滩高新技术产业园区")) in rels
    assert (EntityRef("Slogan", "六清行动"), EntityRef("Slogan", "清风行动")) in rels
    qingfeng = next(m for m in out if isinstance(m, Mention) and m.label == "清风行动")
    assert "清风" in qingfeng.aliases
    assert doc.text[qingfeng.start:qingfeng.end] == "“清风”行动"
