"""read_text: encodings detected, HTML reduced to text, line breaks normalised, clear errors."""

from __future__ import annotations

import codecs
import pathlib
from pathlib import Path

import pytest

from govkg.errors import InputError
from govkg.text.read import decode_bytes, html_to_text, read_file, read_text

SIMPLIFIED = (
    "2023年自贡市沿滩区政府工作报告\n"
    "各位代表：\n"
    "现在，我代表区人民政府向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。\n"
    "一、2022年工作回顾\n"
    "全年地区生产总值增长6.5%，一般公共预算收入完成12.3亿元。"
)
TRADITIONAL = (
    "樂山市沙灣區：黨建工作思路助力縣域發展\n"
    "新年伊始，四川省樂山市沙灣區深入貫徹中央和省委、市委經濟工作會議精神，"
    "堅持黨建引領，研究制定了一系列強有力科學舉措。\n"
    "力爭完成46個市區項目建設，年內對上爭取到位資金6億元。"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", SIMPLIFIED),
        ("utf-8-sig", SIMPLIFIED),
        ("utf-16", SIMPLIFIED),  # Python writes a BOM (little-endian here)
        ("utf-16", TRADITIONAL),
        ("gb18030", SIMPLIFIED),
        ("gb18030", TRADITIONAL),  # traditional characters exist in GB18030 too
        ("gbk", SIMPLIFIED),
        ("big5", TRADITIONAL),
        ("cp950", TRADITIONAL),
        ("utf-8", TRADITIONAL),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = _write(tmp_path, "report.txt", text.encode(encoding))
    assert read_text(path) == text


@pytest.mark.parametrize(
    ("prefix", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_explicit_bom(tmp_path: Path, prefix: bytes, codec: str) -> None:
    path = _write(tmp_path, "r.txt", prefix + SIMPLIFIED.encode(codec))
    assert read_text(path) == SIMPLIFIED


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_by_nul_pattern(tmp_path: Path, codec: str) -> None:
    path = _write(tmp_path, "r.txt", SIMPLIFIED.encode(codec))
    assert read_text(path) == SIMPLIFIED


@pytest.mark.parametrize(
    ("text", "encoding", "wrong"),
    [
        # Each of these decodes without error in the *other* codec too, into garbage.
        ("發展健康、養老、托幼、家政等服務", "big5", "gb18030"),
        ("防範化解各種風險，守住不發生系統性風險底線", "big5", "gb18030"),
        ("云浮水源山、汕尾陆河、肇庆浪江", "gbk", "big5"),
        ("推进高质量发展，建设现代化产业体系", "gbk", "big5"),
        ("坚持稳中求进工作总基调", "gb18030", "big5"),
    ],
)
def test_legacy_codecs_are_told_apart(text: str, encoding: str, wrong: str) -> None:
    data = text.encode(encoding)
    garbage = data.decode(wrong)  # the near-miss: a wrong but error-free decoding exists
    assert garbage != text
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("各位代表：\r\n现在，我代表区政府。\r\n", "各位代表：\n现在，我代表区政府。\n"),
        ("一、2018年工作回顾\\r\\n2018年，是具有重大历史意义的一年。", "一、2018年工作回顾\n2018年，是具有重大历史意义的一年。"),
        ("甲\r乙", "甲\n乙"),
        ("路径C:\\reports\\new 不变", "路径C:\\reports\\new 不变"),  # a lone backslash-r is not a break
        ("人民政府&nbsp;工作报告 R&D投入", "人民政府\xa0工作报告 R&D投入"),
        # pinyin glosses some portals put after characters go; brackets without a tone mark stay
        ("高新區(qū)(弋江區(qū))網(wǎng)聯(lián)汽車小鎮（zhèn）", "高新區(弋江區)網聯汽車小鎮"),
        ("英文(en)名称(Hu)与编号(A1)，见(ā)", "英文(en)名称(Hu)与编号(A1)，见"),
        # a space left where a PDF's line wrapped goes; a table row's, a title's letter spacing and a name's stay
        ("点延伸石油化工、煤 化工和盐化工三大产业，培育新的经济增长\n序号 项目名称 总投资\n政 府 工 作 报 告\n县长 王 明",
         "点延伸石油化工、煤化工和盐化工三大产业，培育新的经济增长\n序号 项目名称 总投资\n政 府 工 作 报 告\n县长 王 明"),
    ],
)
def test_line_breaks_and_stray_entities(tmp_path: Path, raw: str, expected: str) -> None:
    path = _write(tmp_path, "r.txt", raw.encode("utf-8"))
    assert read_text(path) == expected


PAGE = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>页面标题</title>
<style>p {{ color: red }}</style><script>var x = "<p>脚本文字</p>";</script></head>
<body>
<nav><a href="/">首页</a> &gt; <a>新闻</a></nav>
<header>设为首页</header>
<div class="main"><h1>2023年某县政府工作报告</h1>
<p>各位代表：</p>
<p>现在，我代表县人民政府&nbsp;&nbsp;向大会报告工作，请予审议。<br>一、2022年工作回顾</p>
<ul><li>“两书一函”&amp;约谈</li><li>第二项</li></ul>
<table><tr><td>指标</td><td>增长6.5%</td></tr></table>
<noscript>请启用脚本</noscript><form>验证码<input></form><iframe>广告</iframe>
</div>
<footer>版权所有 &copy; 2024</footer>
</body></html>"""
PAGE_TEXT = ("2023年某县政府工作报告\n各位代表：\n现在，我代表县人民政府 向大会报告工作，请予审议。\n"
             "一、2022年工作回顾\n“两书一函”&约谈\n第二项\n指标 增长6.5%")


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt"])  # .txt: sniffed from <!DOCTYPE
def test_html_is_reduced_to_text_with_meta_charset(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, PAGE.encode("gbk"))
    assert read_text(path) == PAGE_TEXT


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<html><body><p>甲</p><script>乙</script><p>丙</p></body></html>", "甲\n丙"),
        ("<html><body><p>  甲 \t 乙  </p></body></html>", "甲 乙"),
        ("<html><body><div>甲<br/>乙</div><!-- 注释 --></body></html>", "甲\n乙"),
        ("<html><body><span>甲</span><span>乙</span></body></html>", "甲乙"),  # inline: no break
        ("<html><body><p>&lt;b&gt; &ldquo;甲&rdquo;</p></body></html>", "<b> “甲”"),
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


@pytest.mark.parametrize("depth", [1, 255, 257, 2049, 100_000])  # libxml2's tree stops at 256 (2048 with huge_tree)
def test_html_of_any_depth_keeps_its_text(tmp_path: Path, depth: int) -> None:
    page = ("<html><body><p>各位代表：</p>" + "<div>" * depth + "<p>现在，我代表区人民政府。</p><span>深处</span>"
            + "</div>" * depth + "<p>请予审议。</p><script>var x;</script></body></html>")
    path = _write(tmp_path, "deep.html", page.encode("utf-8"))
    assert read_text(path) == "各位代表：\n现在，我代表区人民政府。\n深处\n请予审议。"


def test_unclosed_deep_html_keeps_its_text(tmp_path: Path) -> None:
    page = "<html><body>" + "<div><span>" * 60_000 + "园区建设" + "<nav>首页</nav>" + "<p>产业发展"
    assert read_text(_write(tmp_path, "open.htm", page.encode("utf-8"))) == "园区建设\n产业发展"


def test_html_text_run_over_10_mb_is_kept() -> None:
    run = "各位代表" * 2_700_000  # 10.8 M characters, 32 MB of UTF-8: over libxml2's 10 MB text limit
    assert html_to_text(f"<html><body><p>{run}</p><p>完</p></body></html>") == run + "\n完"


def test_html_with_control_characters_in_text() -> None:
    # lxml's tree refused them: "All strings must be XML compatible" (an internal error for the document)
    assert html_to_text("<p>甲\x08乙</p><p>丙\x1b</p>") == "甲\x08乙\n丙\x1b"


def test_text_after_the_closing_html_tag_is_kept() -> None:
    assert html_to_text("<html><body><p>甲</p></body></html>乙") == "甲\n乙"


def test_meta_charset_utf8_page_read_as_utf8(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>' \
           "<body><p>樂山市沙灣區黨建工作</p></body></html>"
    path = _write(tmp_path, "p.htm", page.encode("utf-8"))
    assert read_text(path) == "樂山市沙灣區黨建工作"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\r\n ", "empty file"),
        ("doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (a PDF file)"),
        ("doc.txt", b"PK\x03\x04\x14\x00\x06\x00", "binary content (a ZIP archive"),
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (a PNG image)"),
        ("data.bin", b"abc\x00\x01\x02\x00\x00xyz\x00\x00\x00\x10", "binary content (NUL bytes)"),
        ("ctrl.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f\x10\x11", "binary content (control characters)"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 4, "cannot decode text"),
        ("bad-bom.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", "invalid UTF-8-SIG text"),
        # more than 1 % of the bytes undecodable: not text, even though most of it is UTF-8
        ("spliced.txt", SIMPLIFIED.encode()[:200] + b"\xff\xfe\xfd\xfc" + SIMPLIFIED.encode()[200:], "cannot decode"),
        ("six-in-594.txt", SIMPLIFIED.encode()[:28] + b"\xff\xc0\x80\xfe\xfd\xfc" + 2 * SIMPLIFIED.encode()[28:],
         "cannot decode"),  # 1 % is 5 bytes
    ],
)
def test_bad_content_raises_input_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value).startswith(f"{path}: {reason}")
    assert info.value.path == str(path)


ASCII_GBK = "Page 1 of 1. " * 80 + "沙湾区" + " Page 1 of 1." * 5  # 1,041 bytes: 6 of them not UTF-8


@pytest.mark.parametrize(
    ("text", "data", "encoding", "replaced", "expected"),
    [
        ("cut in the last character", SIMPLIFIED.encode()[:-1], "utf-8", 2, SIMPLIFIED[:-1] + "\ufffd"),
        ("a stray byte", SIMPLIFIED.encode()[:28] + b"\xff" + SIMPLIFIED.encode()[28:], "utf-8", 1,
         SIMPLIFIED[:12] + "\ufffd" + SIMPLIFIED[12:]),
        ("five stray bytes in 593 (the most: 1 %)", SIMPLIFIED.encode()[:28] + b"\xff\xc0\x80\xfe\xfd" +
         2 * SIMPLIFIED.encode()[28:], "utf-8", 5, SIMPLIFIED[:12] + "\ufffd" * 5 + 2 * SIMPLIFIED[12:]),
        ("GBK cut in the last character", SIMPLIFIED.encode("gbk")[:-1], "gb18030", 1, SIMPLIFIED[:-1] + "\ufffd"),
        ("Big5 cut in the last character", TRADITIONAL.encode("big5")[:-1], "big5", 1, TRADITIONAL[:-1] + "\ufffd"),
        ("UTF-16 with a byte too many", codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le") + b"\x41", "utf-16", 1,
         SIMPLIFIED + "\ufffd"),
        # the near-misses: whole GBK, even a page of ASCII with one GBK word, is GBK, not UTF-8 with replacements
        ("GBK", SIMPLIFIED.encode("gbk"), "gb18030", 0, SIMPLIFIED),
        ("mostly ASCII GBK", ASCII_GBK.encode("gbk"), "gb18030", 0, ASCII_GBK),
        ("UTF-8", SIMPLIFIED.encode(), "utf-8", 0, SIMPLIFIED),
    ],
)
def test_a_few_undecodable_bytes_are_replaced_and_counted(tmp_path: Path, text: str, data: bytes, encoding: str,
                                                          replaced: int, expected: str) -> None:
    decoded = read_file(_write(tmp_path, "r.txt", data))
    assert (decoded.text, decoded.encoding, decoded.replaced) == (expected, encoding, replaced), text


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError, match=r"missing\.txt: file not found$"):
        read_text(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r": is a directory, not a file$") as info:
        read_text(tmp_path)
    assert info.value.path == str(tmp_path)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "secret.txt", "各位代表：".encode())

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "read_bytes", deny)
    with pytest.raises(InputError, match=r"secret\.txt: permission denied$"):
        read_text(path)


def test_other_os_errors_are_wrapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "flaky.txt", b"x")

    def broken(self: Path) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(pathlib.Path, "read_bytes", broken)
    with pytest.raises(InputError, match=r"flaky\.txt: cannot read file \(Input/output error\)$"):
        read_text(path)


def test_string_path_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.txt", SIMPLIFIED.encode("gb18030"))
    assert read_text(str(path)) == SIMPLIFIED  # type: ignore[arg-type]


def test_control_characters_only_is_not_text(tmp_path):
    p = tmp_path / "ctl.txt"
    p.write_bytes(b"\x00\x01")
    with pytest.raises(InputError, match="ctl.txt"):
        read_text(p)


@pytest.mark.parametrize(("data", "expected"), [
    ("四川德胜集团\x00签约落户沙湾区。".encode(), "四川德胜集团签约落户沙湾区。"),  # one NUL: was refused as binary
    ("第一页\f第二页\v第三行\x1b。".encode(), "第一页\n第二页\n第三行。"),  # page breaks (pdftotext), a stray escape
    ("<p>甲\x00乙\x08丙</p>".encode(), "甲乙丙"),
])
def test_a_few_control_characters_are_dropped(tmp_path: Path, data: bytes, expected: str) -> None:
    assert read_text(_write(tmp_path, "c.html" if data.startswith(b"<") else "c.txt", data)) == expected

