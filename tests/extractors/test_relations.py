import pytest

from govkg.extractors import EXTRACTORS, extract
from govkg.text.document import sentences_of

TITLE = "2023年自贡市沿滩区政府工作报告"


def relations(make_context, text):
    ctx = make_context(text, title=TITLE)
    facts = extract(ctx.doc, sentences_of(ctx.doc), ctx.resources)
    label = {ref: info.label for ref, info in facts.entities.items()}
    return {(label[r.subject], r.predicate, label[r.object]) for r in facts.relations}, facts


@pytest.mark.parametrize("sentence, expected", [
    ("大力发展智能家电、装备制造等支柱产业。", ("沿滩区", "develops", "智能家电")),
    ("川南新材料化工园区重点发展氟化工产业。", ("川南新材料化工园区", "hosts", "氟化工产业")),
    ("川南新材料化工园区重点发展氟化工产业。", ("川南新材料化工园区", "locatedIn", "沿滩区")),
    ("加快实施德胜钒钛公司1250m³高炉节能技改项目。", ("德胜钒钛公司", "carriesOut", "德胜钒钛公司1250m³高炉节能技改项目")),
    ("推动永汇食品等16户企业入驻自贡食品产业园。", ("自贡食品产业园", "hosts", "永汇食品")),
    ("沿滩区永安镇建成卧龙湖大桥。", ("卧龙湖大桥", "locatedIn", "永安镇")),
])
def test_relation_from_sentence(make_context, sentence, expected):
    found, _ = relations(make_context, sentence)
    assert expected in found


def test_relations_keep_their_evidence_sentence(make_context):
    _, facts = relations(make_context, "前言一句。川南新材料化工园区重点发展氟化工产业。")
    hosts = [r for r in facts.relations if r.predicate == "hosts"]
    assert hosts and all("氟化工" in facts.sentences[r.sentence].text for r in hosts)


def test_no_relation_across_sentences(make_context):
    found, _ = relations(make_context, "德胜钒钛公司完成改制。加快卧龙湖大桥建设。")
    assert not any(p == "carriesOut" for _, p, _ in found)


def test_every_registered_extractor_has_tests():
    from pathlib import Path
    here = Path(__file__).parent
    for name in EXTRACTORS:
        assert (here / f"test_{name}.py").is_file(), name
