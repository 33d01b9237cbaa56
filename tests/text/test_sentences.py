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


@pytest.mark.parametrize(("run", "first_end"), [
    (("钒钛产业" * 70 + "，") * 2000, "，"),  # a long page with no sentence end: was a RecursionError past ~1000 cuts
    ("、".join(["四川德胜集团钒钛有限公司"] * 300), "、"),  # a list with no comma: was one sentence of 3,900 characters
    ("沙湾区钒钛产业园" * 300, "沙湾区钒钛产业园"[399 % 8]),  # no punctuation at all: cut at 400 characters
])
def test_runs_over_400_characters_are_cut(run, first_end):
    sents = split_sentences(run, ((0, len(run)),))
    assert len(sents) > 1 and all(0 < s.end - s.start <= 400 for s in sents)
    assert sents[0].text.endswith(first_end)
    assert "".join(s.text for s in sents) == run.replace(" ", "")
    assert all(run[s.start:s.end] == s.text for s in sents)
