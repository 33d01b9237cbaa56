"""Chinese is drawn with real glyphs, not boxes, on vis-network's canvas and in the page.

Needs a Chinese font that fontconfig finds (CI installs fonts-wqy-microhei): in CI
its absence fails the test, elsewhere it is skipped. With no such font Chromium
draws every Chinese character as the same empty box, a third of an em wide with
Debian's DejaVu fonts: the checks below then fail (tried with a fontconfig file
that lists only DejaVu and Liberation).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from govkg.export.html import font_stack

SHAWAN = "https://w3id.org/govkg/id/region/511111"

BITMAPS = """([text, font]) => {
  function bitmap(ch) {  // the character drawn at 48 px, as a string of ink and paper
    const c = document.createElement("canvas");
    c.width = 64; c.height = 64;
    const x = c.getContext("2d");
    x.font = "48px " + font;
    x.textBaseline = "top";
    x.fillText(ch, 4, 4);
    const d = x.getImageData(0, 0, 64, 64).data;
    let s = "";
    for (let i = 3; i < d.length; i += 4) { s += d[i] > 127 ? "1" : "0"; }
    return s;
  }
  const tofu = bitmap("\\u{10FFFD}");  // a private-use code point no font has: the missing-glyph box
  return {tofu: tofu, chars: Array.from(text).map(bitmap)};
}"""


@pytest.fixture(autouse=True)
def chinese_font() -> None:
    found = ""
    if shutil.which("fc-list"):
        found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
    if not found:
        reason = "no Chinese font for Chromium (apt-get install -y fonts-wqy-microhei)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"CI needs it: {reason}")
        pytest.skip(reason)


def assert_glyphs(tab, text: str, font: str) -> None:
    """Each character of ``text`` drawn in ``font`` is a glyph of its own, not the missing-glyph box."""
    drawn = tab.evaluate(BITMAPS, [text, font])
    assert all(b != drawn["tofu"] for b in drawn["chars"]), f"{text!r} drawn as boxes in {font}"
    assert len(set(drawn["chars"])) == len(set(text)), f"{text!r}: different characters look the same"


def test_canvas_labels_are_drawn_with_chinese_glyphs(page, seeds_build: Path) -> None:
    tab, _ = page
    tab.goto((seeds_build / "graph.html").as_uri())
    tab.wait_for_function("window.govkgReady !== undefined", timeout=60_000)
    tab.evaluate(f"""() => new Promise(r => {{
        govkgExplorer.network.moveTo({{position: govkgExplorer.network.getPosition('{SHAWAN}'), scale: 2}});
        requestAnimationFrame(() => requestAnimationFrame(r)); }})""")
    label = tab.evaluate(f"""() => {{
        const m = govkgExplorer.network.body.nodes['{SHAWAN}'].labelModule;
        return {{text: m.elementOptions.label, width: m.size.width, size: m.fontOptions.size, face: m.fontOptions.face}};
    }}""")
    assert label["text"] == "沙湾区" and label["face"] == font_stack("'")
    # vis-network measured the label with the canvas: CJK glyphs are one em wide, the box a third
    assert abs(label["width"] - 3 * label["size"]) <= 0.1 * 3 * label["size"], label
    assert_glyphs(tab, "沙湾区", f"{label['size']}px {label['face']}")


def test_page_text_is_drawn_with_chinese_glyphs(page, seeds_build: Path) -> None:
    tab, _ = page
    tab.goto((seeds_build / "graph.html").as_uri())
    tab.wait_for_function("window.govkgReady !== undefined", timeout=60_000)
    family = tab.evaluate("getComputedStyle(document.body).fontFamily")
    assert "WenQuanYi Micro Hei" in family and "Noto Sans CJK SC" in family
    width = tab.evaluate("""() => {
        const s = document.createElement("span");
        s.style.position = "absolute";  // its own width, not the flex column's
        s.style.fontSize = "100px";
        s.textContent = "地区产业";
        document.body.appendChild(s);
        const w = s.getBoundingClientRect().width;
        s.remove();
        return w;
    }""")
    assert 380 <= width <= 420
    assert_glyphs(tab, "地区产业", family)
