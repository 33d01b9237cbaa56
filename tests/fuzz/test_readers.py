"""Property-based fuzzing of the readers: bytes of any kind, in any encoding, as .txt and .html, and HTML pages.

read_text gives text or refuses the file with an InputError, never another exception; the text has LF line
breaks and no control characters but tab; text saved with a byte-order mark, or as UTF-8, comes
back as it was.
"""

from __future__ import annotations

import codecs
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from govkg.errors import InputError
from govkg.text.read import html_to_text, join_wrapped_lines, read_text
from tests.fuzz.strategies import encoded, fuzz, html_page, report_text

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r]")
ODD_PAIR = re.compile("[\u0080-\u05ff\uac00-\ud7af\ue000-\uf8ff\uff61-\uffdc]{2}")


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="govkg-fuzz-read-"))


def read(folder: Path, data: bytes, suffix: str) -> str | None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        text = read_text(path)
    except InputError as exc:
        assert exc.path == str(path) and exc.reason
        return None
    assert isinstance(text, str) and text.strip()
    assert not FORBIDDEN.search(text), repr(text)
    return text


@fuzz(300)
@given(data=st.one_of(encoded(), st.binary(max_size=300)), suffix=st.sampled_from([".txt", ".html", ".htm"]))
@example(data="四川德胜集团\x00签约落户沙湾区。".encode(), suffix=".txt")  # one NUL: was refused as binary
@example(data="<p>甲\x08乙</p>".encode(), suffix=".html")  # a control character in HTML text: was a ValueError
def test_any_bytes_read_or_refused(folder, data: bytes, suffix: str) -> None:
    read(folder, data, suffix)


def _comparable(text: str) -> str:
    """``text`` as read_text gives it back: LF line breaks (page breaks too), no control characters, and the
    spaces a PDF's wrapped lines left between two hanzi joined (``join_wrapped_lines``, tested on its own in
    ``tests/text/test_read.py``)."""
    text = text.replace("\\r\\n", "\n").replace("\r\n", "\n")
    text = text.replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    return join_wrapped_lines(re.sub("[\x00-\x08\x0e-\x1f\x7f]", "", text))


@fuzz(200)
@given(text=report_text(20), bom=st.sampled_from(["utf-8-sig", "utf-16", "utf-32", "utf-8"]))
@example(text="\x00樂山市沙灣區", bom="utf-16")  # FF FE 00 00: read as UTF-32's mark only, and refused
@example(text="來源:中國網 時間:2022-03-01 11:56:53 編輯:王衛東", bom="utf-8-sig")  # a space between hanzi: joined
def test_unicode_text_comes_back_as_it_was(folder, text: str, bom: str) -> None:
    assume("&" not in text and "<" not in text)  # entities are decoded and markup read as HTML, on purpose
    expected = _comparable(text)
    assume(any(ch.isprintable() and not ch.isspace() for ch in expected))
    assume(len(re.findall("[\x00-\x08\x0e-\x1f\x7f]", text)) <= max(2, len(text) // 100))  # else binary
    data = text.encode(bom)
    if bom == "utf-8":  # without a mark, two odd letters in a row are what GBK or Big5 bytes look like read as UTF-8,
        # and the reader takes the reading that looks more like Chinese: not this property's business
        assume(not data.startswith(codecs.BOM_UTF8) and not ODD_PAIR.search(text))
    assert read(folder, data, ".txt") == expected


@fuzz(150)
@given(page=html_page(), encoding=st.sampled_from(["utf-8", "gb18030", "big5"]))
def test_html_pages_read_or_refused(folder, page: str, encoding: str) -> None:
    text = read(folder, page.encode(encoding, errors="replace"), ".html")
    if text is not None:
        assert "<script" not in text and "var 沙湾区" not in text


@fuzz(100)
@given(body=report_text(15), tag=st.sampled_from(["div", "span", "font", "b", "section", "blockquote"]),
       depth=st.sampled_from([1, 255, 257, 2049, 20_000]), closed=st.booleans())
def test_html_text_does_not_depend_on_nesting(body: str, tag: str, depth: int, closed: bool) -> None:
    """A page's text, nested in ``depth`` elements (closed or not), is its text with no nesting."""
    assume("<" not in body and "&" not in body)

    def page(n: int) -> str:
        opened, ended = f"<{tag}>" * n, f"</{tag}>" * n if closed else ""
        return f"<html><body><p>标题</p>{opened}{body}{ended}</body></html>"

    assert re.sub(r"\s", "", html_to_text(page(depth))) == re.sub(r"\s", "", html_to_text(page(0)))
