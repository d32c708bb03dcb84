"""Marks lost or replaced in copying: the dash of a year range (20212025年 for 2021—2025年)
and ASCII angle brackets used for the inner title marks (《…<…>…》 for 《…〈…〉…》).

Both are GB/T 15834 marks that web editors and plain-text conversions drop or flatten; the
fix puts the right mark back.
"""
from __future__ import annotations

import re

from .. import hanzi as T
from ..finding import Fix
from . import Option, check

# Two years run together before 年: the first earlier than the second, a plausible span.
RUN_TOGETHER = re.compile(r"((?:19|20)\d\d)((?:19|20)\d\d)(?=\s*年)")
# ASCII (or full-width) less-than / greater-than pairs standing for 〈〉.
ANGLES = re.compile(r"[<＜]([^<>＜＞《》\n]{1,60})[>＞]")
# 《…法<2023年修订>》: an edition note, which takes round brackets, not a title inside a title.
EDITION = re.compile(r"^(?:\d{4}\s*年)?\s*(?:修订|修正|试行|草案|征求意见稿|修订版|版|第?[一二三四五六七八九十]+次修正)?$")
TITLE = re.compile(r"《[^《》\n]*(?:《[^《》\n]*》[^《》\n]*)*》")


def _fix(line, start: int, end: int, text: str) -> Fix:
    return Fix(line.number, start - line.prefix + 1, end - line.prefix + 1, text)


@check("year-range-dash",
       doc="两个年份连在一起（“《法治政府建设实施纲要（20212025年）》”），中间的连接号丢了，"
           "应为“2021—2025年”。后一年份须晚于前一年份，且相差不超过 `max_span` 年。"
           "可用 `--fix` 补上连接号。",
       max_span=Option(int, doc="一个规划或时期最多跨多少年：相差更多的两个年份不当作起止年份"))
def year_range_dash(doc, rule, ctx):
    """Two years run together (《纲要（20212025年）》): the range's dash was lost."""
    for line in doc.lines:
        text = line.text
        if "年" not in text:
            continue
        for m in RUN_TOGETHER.finditer(text):
            first, last = int(m.group(1)), int(m.group(2))
            # part of a longer number (120212025年) is no range; the check is here, not in a
            # lookbehind, so that the regex engine can scan for the digits fast
            if m.start() and text[m.start() - 1].isdigit() or not 0 < last - first <= rule.options["max_span"]:
                continue
            good = f"{first}—{last}"
            yield doc.hit(line, m.start(), m.end(), fix=_fix(line, m.start(), m.end(), good),
                          args={"found": m.group(0), "good": good})


@check("nested-title-marks",
       doc="书名号中用了尖括号（“《关于印发<法治政府建设实施纲要>的通知》”），"
           "应为单书名号“〈〉”；注明版本、年份的（“<2023年修订>”）应为圆括号。"
           "可用 `--fix` 改正。")
def nested_title_marks(doc, rule, ctx):
    """Angle brackets < > inside 《…》 where the inner title marks 〈〉 belong."""
    for line in doc.lines:
        text = line.text
        if "《" not in text or not any(c in text for c in "<＜"):
            continue
        for title in TITLE.finditer(text):
            for m in ANGLES.finditer(text, title.start() + 1, title.end() - 1):
                if not T.HAN.search(m.group(1)):
                    continue    # an HTML tag (<br>) is conversion debris, not a title
                note = EDITION.match(m.group(1)) is not None
                good = f"（{m.group(1)}）" if note else f"〈{m.group(1)}〉"
                yield doc.hit(line, m.start(), m.end(), fix=_fix(line, m.start(), m.end(), good),
                              args={"found": m.group(0), "good": good,
                                    "what": "注明版本、年份用圆括号" if note else "书名号内层应用单书名号"})
