"""The segmenter's own word graph and route give exactly jieba's cuts and tags, on real text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from govkg.text.dictionary import default_dictionary, jieba, posseg_module
from govkg.text.segment import Segmenter

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXTRA = ["卧龙湖", "钒钛产业", "川南新材料化工园区"]


@pytest.fixture(scope="module")
def windows() -> list[str]:
    """Windows of every length from 1 to 40 characters at random places of the seeds, and whole lines."""
    rnd = random.Random(7)
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [line for line in text.splitlines() if line.strip()][:100]
        for _ in range(300):
            at = rnd.randrange(len(text))
            out.append(text[at:at + rnd.randint(1, 40)])
    return out


@pytest.fixture(scope="module")
def plain() -> jieba.Tokenizer:
    """jieba's own tokenizer on the same dictionary and added words."""
    d = default_dictionary()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = dict(d.freq), d.total, True
    for word in EXTRA:
        tok.add_word(word, freq=2000)
    return tok


@pytest.mark.parametrize("hmm", [True, False])
def test_cuts_are_jiebas(windows, plain, hmm):
    seg = Segmenter.load(extra_words=EXTRA)
    differ = [w for w in windows if seg.cut(w, HMM=hmm) != tuple(plain.cut(w, HMM=hmm))]
    assert len(windows) > 1500
    assert differ == []


def test_tags_are_jiebas(windows, plain):
    posseg = posseg_module()
    tagger = object.__new__(posseg.POSTokenizer)
    tagger.tokenizer = plain
    tagger.word_tag_tab = default_dictionary().tags
    seg = Segmenter.load(extra_words=EXTRA)
    # rare characters the tagger's model has no states for, mixed scripts, and runs that only its guess groups
    sample = windows[::3] + ["犇骉龘靐", "㐀㐁㐂㐃", "乾旻玄武岩纤维", "鿕鿔鿓", "xyz中文abc123", "翀昇犇森精工", "骉犇龘"]
    differ = [w for w in sample if seg.tags(w) != tuple((p.word, p.flag) for p in tagger.cut(w))]
    assert differ == []
    # each run the guess regrouped is kept: the same run again is not guessed anew
    guess = seg._pos._POSTokenizer__cut
    assert "犇骉龘靐" in guess.memo


def test_a_word_added_later_changes_the_route():
    """The memoised word weights follow the dictionary: a word added after a cut is used by the next one."""
    seg = Segmenter.load(extra_words=["沿滩区"])  # a copy of the dictionary: adding words must not touch the shared one
    tok = seg.tokenizer
    before = list(tok.cut("建成卧龙湖大桥", HMM=False))
    tok.add_word("卧龙湖", freq=2000)
    after = list(tok.cut("建成卧龙湖大桥", HMM=False))
    assert "卧龙湖" not in before and "卧龙湖" in after
