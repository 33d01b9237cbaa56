"""Time in a document: the year it speaks for, and the year each sentence's figures are for.

A work report speaks for the year it plans: the 2024 report (given in
January 2024) reviews 2023 (一、2023年工作回顾, 过去一年) and sets the targets of
2024 (二、2024年工作安排, 今年). A news article speaks for the year of its date.

:func:`timeline` reads the document once: its year, whether it is a report,
and the section each sentence lies in (``review`` of last year, ``five`` for a
five-year review, ``plan`` of this year, ``ahead`` for a plan of several
years, or none). :func:`resolve` then gives the year a figure in a sentence is
for and whether it is a target: the time word nearest before it (2023年, 去年,
今年, 明年, 过去一年; not 比上年, 较2020年, 2018年以来), else the section.

>>> t = Timeline(year=2024, report=True, sections=("review", "plan"))
>>> resolve(t, 0, "全年实现"), resolve(t, 1, "力争"), resolve(t, 1, "去年全县")
((2023, False), (2024, True), (2023, False))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govkg.extractors.quantity import half_width
from govkg.model import Document, Sentence

REVIEW, FIVE, PLAN, AHEAD = "review", "five", "plan", "ahead"

_YEAR = r"((?:19|20)\d\d)\s*年"
_LEAD = (r"^(?:各位代表[，,、：:\s]*(?:同志们)?[，,：:\s]*|[一二三四五六七八九十]{1,3}[、.．]\s*|[（(][一二三四五六七八九十]{1,3}[）)]\s*)?"
         r"(?:[^，,。；：:\d]{2,8}[：:]\s*|[^，,。；：:]{8,30}?(?:之|第)[一二三四五六七八九十]+(?:部分|篇|章)?[：:]\s*)?")
# a heading's own short title: 站在新起点：2012年工作回顾; a numbered part's title (a digest's, a series'):
# 2023“两会”解读政府工作报告要点之一:2022年工作回顾
_TITLE_REPORT = re.compile(r"工作报告")
_TITLE_YEAR = re.compile(_YEAR)
LEAD_CHARS = 300  # a news page's headline and lead, where a page without a date says the year of its event
_REPORT_TEXT = re.compile(r"政府工作报告|各位代表|向大会报告|请予审议")
# headings and openings that start a section (read at the start of a sentence)
_REVIEW_OF = re.compile(_LEAD + _YEAR + r"[^，,。；是]{0,10}?(?:工作(?:的|简要)?回顾|工作总结)")  # 2025年政府工作简要回顾
_PLAN_OF = re.compile(_LEAD + r"(?:做好)?" + _YEAR +
                      r"[^，,。；是]{0,12}?(?:工作安排|工作部署|工作任务|主要任务|重点任务|重点工作|工作目标|预期目标|总体要求|"
                      r"工作打算|目标任务|(?P<either>主要工作|政府工作))")
# (2022年政府主要工作 heads a plan in a report of 2022, the review in a report of 2023 that its title or date dates)
_YEAR_OPENING = re.compile(_LEAD + _YEAR + r"(?:[，,]|是|以来|全年|，全[区县市省旗])")
_REVIEW_OPENING = re.compile(_LEAD + r"(?:过去(?:的)?一年|一年来|一年以来|回顾(?:过去|去年))")
_FIVE_OPENING = re.compile(_LEAD + r"(?:过去(?:的)?五年|五年来|本届政府(?:任期)?(?:以来|五年)|“十[一二三四五]五”(?:时期|期间)?(?:以来)?[，,]"
                           r"|“?(?:九|十[一二三四五])五”?[^，,。；]{0,16}?(?:回顾|成就|总结))")  # “十三五”时期经济社会发展回顾
_PLAN_OPENING = re.compile(_LEAD + r"(?:今年(?:是|政府工作|的?工作|经济社会发展|全[区县市省旗]|主要|我们)|"
                           r"(?:经济社会发展的?)?(?:主要)?预期目标|工作安排|总体要求)")
_AHEAD_OPENING = re.compile(_LEAD + r"(?:今后五年|未来五年|今后一个时期|“十[一二三四五]五”(?:时期)?(?:的)?(?:主要)?(?:目标|任务)|"
                            r"到20\d\d年)")
_MAX_HEAD = 80  # only the start of a sentence can open a section
_MAX_HEADING = 40  # a heading that tells the report's year is a short line (not 各位代表，2020年各项目标任务的完成…)
# what every opening above starts with (after its lead): one cheap test before the others
_MAY_OPEN = re.compile(_LEAD + r"(?:做好|(?:19|20)\d\d|过去|一年|五年|本届|回顾|“?[九十]|今年|经济社会|主要|预期|工作安排|"
                       r"总体要求|今后|未来|到20)")

# time words before a figure; the nearest one decides its year
_TIME_WORD = re.compile(
    r"(?P<cmp>比|较|同|与|和|自|从|至|到|截至|截止)?"
    r"(?:(?P<year>(?:19|20)\d\d)\s*年(?P<after>以来|来|起|以前|前|底前|年底前|之前|度|底的|末的|的)?"
    r"|(?P<rel>今年|本年|明年|下一年|去年|上年|上一年|前年|过去(?:的)?一年|一年来|过去(?:的)?五年|五年来)(?P<since>以来)?)")
_NOT_TIME_AFTER = re.compile(r"\s*(?:同期|水平|基础上|的?基数)")
TARGET_CUE = re.compile(r"目标|预期|力争|确保|争取|计划|努力实现|奋斗")
_REL_OFFSET = {"今年": 0, "本年": 0, "明年": 1, "下一年": 1, "去年": -1, "上年": -1, "上一年": -1, "前年": -2,
               "过去一年": -1, "过去的一年": -1, "一年来": -1, "过去五年": -1, "过去的五年": -1, "五年来": -1}


@dataclass(frozen=True, slots=True)
class Timeline:
    """A document's year (None when it cannot be told), whether it is a work report, each sentence's section."""

    year: int | None
    report: bool
    sections: tuple[str | None, ...]


def timeline(doc: Document, sentences: Sequence[Sentence]) -> Timeline:
    """Read the document's year, kind and sections."""
    heads = [half_width(s.text[:_MAX_HEAD]) for s in sentences]
    openers = [i for i, h in enumerate(heads) if _MAY_OPEN.match(h)]
    title = half_width(doc.title or "")
    report = (bool(_TITLE_REPORT.search(title)) or any(_REPORT_TEXT.search(h) for h in heads[:40])
              or any(_REVIEW_OF.match(heads[i]) or _PLAN_OF.match(heads[i]) for i in openers))
    headings = [heads[i] for i in openers if len(sentences[i].text) <= _MAX_HEADING]
    year = _report_year(title, headings, doc.date) if report else _news_year(title, doc.date, _lead(sentences))
    sections: list[str | None] = [None] * len(heads)
    current: str | None = None
    last = 0
    for i in openers:
        sections[last:i] = [current] * (i - last)
        current = _section(heads[i], year, current, report)
        last = i
    sections[last:] = [current] * (len(heads) - last)
    return Timeline(year, report, tuple(sections))


def _report_year(title: str, heads: list[str], date: str | None) -> int | None:
    """The year a report plans: its headings' (2023年工作回顾 -> 2024; 2024年工作安排 -> 2024), else its title's,
    else its date's. The text's own headings come first: a title may come from a catalogue that mislabels it."""
    for head in heads:
        m = _REVIEW_OF.match(head)
        if m:
            return int(m.group(1)) + 1
        m = _PLAN_OF.match(head)
        if m:
            titled = _TITLE_YEAR.search(title)
            dated = int(titled.group(1)) if titled else int(date[:4]) if date else None
            if m.group("either") and dated == int(m.group(1)) + 1:
                return int(m.group(1)) + 1  # 2022年主要工作 in a report of 2023 (its title's year, else its date's)
            return int(m.group(1))
    m = _TITLE_YEAR.search(title)
    if m:
        return int(m.group(1))
    if not date:
        return None
    late = len(date) >= 7 and int(date[5:7]) >= _LATE_MONTH  # ——2018年12月22日在建平县…大会上: it plans 2019
    return int(date[:4]) + late


_LATE_MONTH = 11
"""A report given from this month on (some counties meet in December) reviews its own year and plans the next."""


def _lead(sentences: Sequence[Sentence]) -> list[str]:
    """The sentences of a page's headline and lead: those that start in its first ``LEAD_CHARS`` characters."""
    end = sentences[0].start + LEAD_CHARS if sentences else 0
    return [half_width(s.text) for s in sentences if s.start < end]


def _news_year(title: str, date: str | None, lead: list[str]) -> int | None:
    """A news page's year: its date's, else its title's, else the first year its lead names (近日，穆棱市2019年秋季
    招商引资项目集中签约仪式…: a page copied without its date still tells when its event was)."""
    if date:
        return int(date[:4])
    for text in (title, *lead):
        for m in _LEAD_YEAR.finditer(text):
            if not text.startswith(_SPAN_AFTER, m.end()):  # 2021年以来连续获评…: a span up to the event, not its year
                return int(m.group(1) or m.group(2))
    return None


_SPAN_AFTER = ("以来", "来", "起", "以前", "之前", "前")
# 2025中国福州国际招商月, 2023奉贤新城项目集中开工启动仪式: an event's year before its name (not 2000平方米, CH2000)
_LEAD_YEAR = re.compile(_YEAR + r"|(?<![\dA-Za-z.])((?:19|20)\d\d)"
                        r"(?=[\u4e00-\u9fff]{1,24}?(?:仪式|活动|大会|博览会|交易会|洽谈会|推介会|论坛|峰会|招商月|招商周))")


def _section(head: str, year: int | None, current: str | None, report: bool) -> str | None:
    """The section a sentence starting with ``head`` opens, else ``current``."""
    if year is None:
        return current
    m = _REVIEW_OF.match(head)
    if m and int(m.group(1)) == year - 1:
        return REVIEW
    plan = _PLAN_OF.match(head)
    m = plan or _YEAR_OPENING.match(head)
    if m:
        said = int(m.group(1))
        if said == year:  # a news page's "2024年，…" tells what its year brought, a report's what it plans
            return PLAN if plan or report else current
        if said == year - 1:
            return REVIEW
        return current
    if _FIVE_OPENING.match(head):
        return FIVE
    if _REVIEW_OPENING.match(head):
        return REVIEW
    if _AHEAD_OPENING.match(head):
        return AHEAD
    if _PLAN_OPENING.match(head):
        return PLAN
    return current


def time_word(text: str) -> tuple[int, int | None, str] | None:
    """The time word nearest the end of ``text``: (offset, year or None, what it says).

    What it says is ``year`` (2023年), ``horizon`` (到2025年: a deadline),
    or a relative word (去年, 今年); comparisons (比上年, 较2020年), spans
    (2018年以来) and bases (上年同期) are not time words.

    >>> time_word("比上年增长")
    >>> time_word("2023年，全县")
    (0, 2023, 'year')
    >>> time_word("到2025年，全市"), time_word("去年全县"), time_word("2018年以来")
    ((0, 2025, 'horizon'), (0, None, '去年'), None)
    >>> time_word("从2017年的3.06万亿元增长到2022年的")
    (16, 2022, 'year')
    """
    best = None
    for m in _TIME_WORD.finditer(text):
        if _NOT_TIME_AFTER.match(text, m.end()):
            continue
        cmp = m.group("cmp")
        if m.group("year"):
            after = m.group("after")
            if cmp in ("到", "至") and after in (None, "底前", "年底前", "前", "之前"):
                best = (m.start(), int(m.group("year")), "horizon")
            elif (cmp is None and after in (None, "度")) or (cmp in ("到", "至") and after in ("的", "底的", "末的")):
                # 增长到2022年的4.2万亿元: the value of that year
                best = (m.start(), int(m.group("year")), "year")
            elif cmp is None and after in ("底前", "年底前"):
                best = (m.start(), int(m.group("year")), "horizon")
            continue
        if cmp in ("比", "较", "同", "与", "和") or m.group("since"):
            continue  # 比上年: a comparison; 去年以来: a span up to now
        best = (m.start(), None, m.group("rel"))
    return best


def timeline_of(ctx) -> Timeline:
    """The :class:`Timeline` of the context's document, read once and kept on the context."""
    if ctx.timeline is None:
        ctx.timeline = timeline(ctx.doc, ctx.sentences)
    return ctx.timeline


def resolve(t: Timeline, index: int, before: str, cue: bool = False) -> tuple[int | None, bool]:
    """(year, is a target) of a figure in sentence ``index``, given the text of that sentence before it.

    The nearest time word decides; without one, the section: a report's review is
    last year's actuals, its plan this year's targets; a news article speaks of its year.
    A target cue (目标, 力争, 确保, 预期; ``cue`` when the paragraph gave one) makes a figure of
    this year or later a target.
    """
    section = t.sections[index] if index < len(t.sections) else None
    cue = cue or bool(TARGET_CUE.search(before))
    word = time_word(before)
    year: int | None = None
    if word is not None:
        _, said, what = word
        if what in ("year", "horizon"):
            year = said
        elif t.year is not None:
            year = t.year + _REL_OFFSET[re.sub(r"\s", "", what)]
        if year is None:
            return None, False
        if what == "horizon":
            return year, True
        if t.year is None:
            return year, cue
        future = year >= t.year if t.report else year > t.year
        return year, (future and (cue or section in (PLAN, AHEAD))) or (year > t.year)
    if t.year is None:
        return None, False
    if section == AHEAD:
        return None, True
    if section in (REVIEW, FIVE):
        return t.year - 1, False
    if section == PLAN:
        return t.year, True
    if t.report:
        return (t.year, True) if cue else (t.year - 1, False)
    return t.year, cue
