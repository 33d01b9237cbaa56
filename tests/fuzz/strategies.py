"""Hypothesis strategies of hostile input: report-like text and its worst variants, bytes in any encoding,
file names, SPARQL parameter values.

The text is made of pieces the rules react to (region, park, company and
industry names, slogans, list and footnote markers, quotes and brackets)
mixed with real report sentences, traditional characters, control and
invisible characters, random Unicode and long runs without a sentence end.

How many examples each property gets: :func:`fuzz`, from the profile chosen
by ``GOVKG_FUZZ`` (``ci``, the default: a fixed budget, derandomised so that
every CI run tries the same examples; ``long``: fifty times as many, random
and remembered in ``.hypothesis/``). See docs/reliability.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", derandomize=False, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("GOVKG_FUZZ", "ci")
SCALE = {"ci": 1, "long": 50}[PROFILE]
settings.load_profile(PROFILE)


def fuzz(examples: int) -> settings:
    """Settings of a property tried on ``examples`` examples in CI (more in the long profile)."""
    return settings(max_examples=examples * SCALE)


def _seed_sentences() -> list[str]:
    text = (ROOT / "seeds" / "000_247f5b625e04f3c0.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if 8 <= len(line.strip()) <= 200][:60]


SENTENCES = _seed_sentences()
NAMES = ["沙湾区", "乐山市", "樂山市沙灣區", "四川省", "自贡市沿滩区", "仙市镇", "沙湾区人民政府", "乐山高新区",
         "沙湾经济开发区", "四川德胜集团钒钛有限公司", "德胜集团", "乐山市永祥多晶硅有限公司", "钒钛产业",
         "不锈钢", "多晶硅", "文化旅游", "“三个一”", "“163”党建工作思路", "嘉农镇", "太平镇", "峨眉山",
         "四川沙湾经济开发区", "钒钛产业园", "绿色硅谷", "沫若故里", "智能制造", "新能源汽车产业", "稀土"]
VERBS = ["大力发展", "加快建设", "推进", "打造", "签约落户", "投资", "位于", "培育壮大", "实施", "引进"]
MARKERS = ["一、", "（一）", "(二)", "1.", "2、", "①", "⑵", "第一，", "其一", "[1]", "¹", "※", "*", "注：", "●",
           "——", "……", "·", "#", "1)", "Ⅲ.", "㈠"]
PUNCT = list("，。、；：？！“”‘’「」『』《》〈〉（）()【】[]{}\"'<>&—…·/\\|~`^%$@")
TRADITIONAL = list("區灣産產發展與業機關國會經濟開縣鎮鄉東門樂華農廠設計劃體")
ODD = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\u200b", "\u200d", "\ufeff", "\u2028",
       "\u2029", "\u3000", "\u00a0", "\u0301", "\ufffd", "\r", "\r\n", "\\r\\n", "\t", "&nbsp;", "&#x4E2D;", "&amp;",
       "\U0002a6a5", "\U0001f600", "\u202e", "\ue000"]
_ANY_CHAR = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be written to a file


def _glued(draw) -> str:
    """A name with a marker or quote glued to it, before or after."""
    name = draw(st.sampled_from(NAMES))
    mark = draw(st.sampled_from(MARKERS + PUNCT + ODD))
    return mark + name if draw(st.booleans()) else name + mark


@st.composite
def piece(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(SENTENCES))
    if kind == 1:
        return draw(st.sampled_from(NAMES)) + draw(st.sampled_from(VERBS)) + draw(st.sampled_from(NAMES))
    if kind == 2:
        return _glued(draw)
    if kind == 3:
        return draw(st.sampled_from(PUNCT + MARKERS))
    if kind == 4:
        return draw(st.sampled_from(ODD))
    if kind == 5:
        return "".join(draw(st.lists(st.sampled_from(TRADITIONAL + NAMES[0:3]), min_size=1, max_size=8)))
    if kind == 6:
        return draw(st.text(_ANY_CHAR, max_size=12))
    if kind == 7:
        return "\n" * draw(st.integers(1, 3))
    if kind == 8:  # a list of names run together: 、 between, no sentence end
        items = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=12))
        return draw(st.sampled_from(["、", "，", "和", "；", " ", ""])).join(items)
    return draw(st.sampled_from(VERBS))


def report_text(max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Report-like text assembled from :func:`piece`."""
    return st.lists(piece(), max_size=max_pieces).map("".join)


@st.composite
def long_sentence(draw) -> str:
    """One sentence of 400 to 6,000 characters with no sentence end in it: names and list marks run together."""
    size = draw(st.integers(400, 6000))
    sep = draw(st.sampled_from(["、", "和", " ", "", "；", "/", "·"]))
    items = draw(st.lists(st.sampled_from(NAMES + VERBS), min_size=4, max_size=30))
    text = sep.join(items)
    return (text * (size // max(len(text), 1) + 1))[:size]


def file_stem() -> st.SearchStrategy[str]:
    """A file name without its suffix: any characters a Linux file name may hold, up to 60 of them."""
    chars = st.characters(exclude_categories=("Cs",), exclude_characters="/\x00")
    return st.text(chars, min_size=1, max_size=60).filter(lambda s: s not in (".", "..")
                                                          and len(s.encode("utf-8")) <= 200)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "gbk", "gb2312",
             "big5", "cp950", "big5hkscs", "latin-1", "cp1252", "shift_jis", "euc-kr", "koi8-r", "hz"]


@st.composite
def encoded(draw) -> bytes:
    """Text (report-like or any) in any encoding, maybe damaged: cut at any byte, bytes spliced in, a BOM that lies."""
    text = draw(st.one_of(report_text(20), st.text(_ANY_CHAR, max_size=200)))
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors=draw(st.sampled_from(["replace", "ignore"])))
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=16)) + data[at:]
    if draw(st.integers(0, 5)) == 0:
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])) + data
    return data


@st.composite
def html_page(draw) -> str:
    """An HTML page around report text: maybe a (lying) charset, script and style, deep or broken nesting."""
    body = draw(report_text(15))
    depth = draw(st.sampled_from([0, 1, 5, 300, 3000]))
    tag = draw(st.sampled_from(["div", "span", "p", "td", "li", "b", "nav", "font"]))
    close = draw(st.booleans())
    charset = draw(st.sampled_from(["", '<meta charset="utf-8">', '<meta charset="gbk">', '<meta charset="big5">',
                                    '<meta charset="nonsense">', '<?xml version="1.0" encoding="utf-8"?>']))
    extra = draw(st.sampled_from(["", "<script>var 沙湾区 = '<p>';</script>", "<style>p{}</style>", "<!-- 注释",
                                  "<![CDATA[x]]>", "</html>尾巴", "<p>未闭合"]))
    return (f"<!DOCTYPE html><html><head>{charset}</head><body>" + f"<{tag}>" * depth + body + extra
            + (f"</{tag}>" * depth if close else "") + "</body></html>")


def param_value() -> st.SearchStrategy[str]:
    """A value for a SPARQL parameter: any text, and text made of SPARQL syntax."""
    syntax = st.sampled_from(['"', "'", "\\", "}", "{", "#", "\n", "?x", "<", ">", "\\u0022", "\\\"", '"""', "'''",
                              " UNION ", " . ", "SERVICE", "FILTER(true)", "^^", "@zh", "$", ";", "\x00", "沙湾区"])
    return st.one_of(st.text(_ANY_CHAR, max_size=30), st.lists(syntax, max_size=12).map("".join))
