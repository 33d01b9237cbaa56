import pytest

from govkg.text.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("甲乙。丙丁！戊己？", ["甲乙。", "丙丁！", "戊己？"]),
    ("第一句；第二句", ["第一句；", "第二句"]),
    ("标题行\n正文第一句。", ["标题行", "正文第一句。"]),
    ("他说“好的。”然后走了。", ["他说“好的。”", "然后走了。"]),
    (r"网页行\r\n下一行", ["网页行", "下一行"]),
])
def test_split(text, expected):
    assert [s.text for s in split_sentences(text, ((0, len(text)),))] == expected


def test_offsets_point_into_text():
    text = "前言。\n  各位代表：现在报告工作。"
    sents = split_sentences(text, ((0, len(text)),))
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert [s.index for s in sents] == list(range(len(sents)))


def test_only_content_spans_are_split():
    text = "设为首页\n正文一句。\n点击:99"
    spans = ((5, 11),)
    assert [s.text for s in split_sentences(text, spans)] == ["正文一句。"]
