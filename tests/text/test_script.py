import pytest

from govkg.text.script import ScriptFolder


@pytest.mark.parametrize("traditional, simplified", [
    ("樂山市沙灣區", "乐山市沙湾区"),
    ("重大産業項目", "重大产业项目"),          # 産 (U+7523) folds to 产
    ("眉縣是陜西省獼猴桃基地", "眉县是陕西省猕猴桃基地"),  # 陜 (U+965C), a variant of 陝 OpenCC leaves alone
    ("60萬噸燒堿項目", "60万吨烧碱项目"),  # 堿 (U+583F), a variant of 鹼
    ("深化核心引領", "深化核心引领"),          # phrase-level conversion would give 内核
    ("迴圈經濟", "回圈经济"),                  # character level: no word rewriting
    ("一項興一業、一業定乾坤", "一项兴一业、一业定乾坤"),  # 乾 stays in 乾坤
    ("“163”黨建工作思路", "“163”党建工作思路"),
])
def test_fold_is_character_level(folder, traditional, simplified):
    assert folder.fold(traditional) == simplified


def test_fold_keeps_length_and_ascii(folder):
    text = "德勝釩鈦公司1250m³高爐 ABC,123"
    out = folder.fold(text)
    assert len(out) == len(text)
    assert out.endswith("高炉 ABC,123")


def test_simplified_text_is_unchanged():
    text = "2023年自贡市沿滩区政府工作报告"
    assert ScriptFolder().fold(text) == text


@pytest.mark.parametrize(("text", "folded"), [
    # a page in traditional script with Taiwan wording: technology terms in mainland words, the length kept
    ("宜昌大力發展新一代資訊技術、軟體和晶片産業，網路建設加快。", "宜昌大力发展新一代信息技术、软件和芯片产业，网络建设加快。"),
    # a simplified report keeps its own words (资讯 is a mainland word too), and so does one quoting a traditional name
    ("建设农业资讯平台和软体家具产业园。", "建设农业资讯平台和软体家具产业园。"),
    ("引进“德勝釩鈦”项目，建设资讯平台和软体家具产业园，完善县城网路。", "引进“德胜钒钛”项目，建设资讯平台和软体家具产业园，完善县城网路。"),
])
def test_fold_document_reads_taiwan_wording_only_in_traditional_documents(text, folded):
    out = ScriptFolder().fold_document(text)
    assert out == folded and len(out) == len(text)
