"""Numbering: heading numbers in sequence and of the right form for their level, markers
written as GB/T 9704 gives them, and in-paragraph enumerations (一是…二是…) in order.

Half-width brackets in "(一)" are punctuation, reported by the punctuation rules, not here.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import hanzi as T
from ..finding import Fix
from . import check

FORMS = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
# Markers as GB/T 9704-2012 7.3.3 writes them; half-width brackets are accepted here.
GOOD = {1: re.compile(r"^[一二三四五六七八九十]+、$"),
        2: re.compile(r"^[（(][一二三四五六七八九十]+[）)]$"),
        3: re.compile(r"^\d+[.．]$"),
        4: re.compile(r"^[（(]\d+[）)]$")}


def marker_for(form: int, number: int, like: str = "") -> str:
    """The marker of a heading of this form and number: (2, 3) → （三）, keeping like's brackets."""
    numeral = str(number) if form in (3, 4) else T.cn_ordinal(number)
    if form == 0:
        return f"第{numeral}部分"
    if form in (2, 4):
        if like.lstrip().startswith("("):
            return f"({numeral})"
        return f"（{numeral}）"
    return numeral + ("、" if form == 1 else ".")


def _groups(doc):
    """(parent heading or None, sibling headings of one numbered list: same marker form)."""
    parents = [(None, doc.sections)] + [(s.heading, s.children) for s in doc.walk()]
    for parent, children in parents:
        by_form: dict[int, list] = {}
        for s in children:
            if s.heading.number:    # headings known only by their Word style have no number
                by_form.setdefault(s.heading.form, []).append(s.heading)
        for group in by_form.values():
            yield parent, group


@check("heading-sequence",
       doc="同一组标题的序号应依次为一、二、三……，不重复、不跳号、不颠倒。"
           "小节之间连续编号的写法（“（一）”下为1.、2.，“（二）”下接着编3.、4.）不算跳号。")
def heading_sequence(doc, rule, ctx):
    """Headings of one list are numbered 1, 2, 3… without repeats, gaps or reversals."""
    last: dict[tuple[int, int], int] = {}     # (form, level) → last number of the list before
    straight: set[tuple[int, int]] = set()    # lists numbered straight through their cousins
    for _, group in _groups(doc):
        first = group[0]
        key = (first.form, first.level)
        # Some reports number items straight through the sub-sections ((一) 1. 2. (二) 3. 4.):
        # a list that takes up where its cousin stopped is that style, not a gap.
        if first.number > 1 and first.number == last.get(key, -1) + 1:
            straight.add(key)
        previous = last[key] if key in straight and first.number != 1 else 0
        last[key] = group[-1].number
        for h in group:
            expected = previous + 1
            if h.number != expected:
                if h.number == previous:
                    problem = "重复"
                elif h.number > expected:
                    problem = "跳号"
                else:
                    problem = "顺序颠倒"
                yield doc.hit(h.line, h.start, h.start + len(h.marker), args={
                    "marker": h.marker.strip(), "problem": problem,
                    "expected": marker_for(h.form, expected, h.marker)})
            previous = h.number


@check("heading-form",
       doc="下级标题应使用本层级的序号形式：“一、”之下的二级标题用“（一）”“（二）”，不用“一、”"
           "“二、”。")
def heading_form(doc, rule, ctx):
    """A sub-list uses the marker of its level (（一） under 一、), not the top-level form."""
    for parent, group in _groups(doc):
        wrong = [h for h in group if h.form != h.level]
        if not wrong:
            continue
        first, last = wrong[0], wrong[-1]
        yield doc.hit(first.line, first.start, first.title_end, end_line=last.line.number, args={
            "parent": parent.marker.strip() if parent else "",
            "level": LEVEL_NAMES.get(first.level, f"{first.level}级"),
            "markers": "、".join(f"“{h.marker.strip()}”" for h in wrong),
            "form": FORMS[first.form],
            "expected": "、".join(f"“{marker_for(first.level, h.number)}”" for h in wrong)})


@check("heading-marker",
       doc="标题序号的写法应为“一、”“（一）”“1.”“（1）”，不应写作“1、”“（一）、”“一）”或“一”；"
           "报告中同一形式的其他标题序号之后都不空格时，序号后多出的空格（“（二） 增强……”）"
           "也报出。可用 `--fix` 改正。半角括号“(一)”由标点规则报出。")
def heading_marker(doc, rule, ctx):
    """Heading markers are written 一、 （一） 1. （1）: not 1、 （一）、 一) or 一; and without
    a space after them ((二) 增强…) where the report's other headings of that form have none."""
    spaced = {id(h): _spaced(h) for h in doc.headings}
    forms = Counter((h.form, spaced[id(h)]) for h in doc.headings)
    for h in doc.headings:
        marker = re.sub(r"[ \t\u3000\u00a0]", "", h.marker)
        # a space is a slip where most headings of this form have none, not the report's style
        stray = spaced[id(h)] and forms[h.form, True] < forms[h.form, False]
        if not marker or h.form not in GOOD or (GOOD[h.form].match(marker) and not stray):
            continue
        expected = marker_for(h.form, h.number, marker)
        end = h.start + len(h.marker)
        if stray:
            end += len(h.line.text[end:]) - len(h.line.text[end:].lstrip(SPACE_CHARS))
            marker = h.line.text[h.start:end]
        fix = None
        if h.start >= h.line.prefix:    # the marker is in the file, not made up by Word
            fix = Fix(h.line.number, h.start - h.line.prefix + 1, end - h.line.prefix + 1,
                      expected)
        yield doc.hit(h.line, h.start, end, fix=fix, args={"marker": marker, "expected": expected})


SPACE_CHARS = " \t\u3000\u00a0"


def _spaced(h) -> bool:
    """Whether a heading's marker has a space inside or after it: “（二） 增强”, “一、 加强”."""
    after = h.line.text[h.start + len(h.marker):][:1]
    return any(c in SPACE_CHARS for c in h.marker) or (after != "" and after in SPACE_CHARS)


STYLES = {"是": "一是、二是", "要": "一要、二要", "第": "第一、第二", "其": "其一、其二"}
# Two characters every enumeration item contains (一是, 二要, 第三, 其一), or more: paragraphs
# without them are not searched for items (text.ENUM_ITEM is tried at every character).
ITEM_HINT = re.compile("[一二三四五六七八九十第其][一二三四五六七八九十是要]")


def _item(number: int, style: str) -> str:
    numeral = T.cn_ordinal(number)
    return {"第": f"第{numeral}", "其": f"其{numeral}"}.get(style, numeral + style)


@check("enumeration-sequence",
       doc="段内列举（“一是……二是……”“一要……二要……”“第一……第二……”“其一……其二……”）应依次编号，"
           "不重新从头、不跳号、不重复。列举可以在新的段落或小节中，或在引出它的话之后（“原因："
           "一是……”“在普法方面，一是……”）重新开始，也可以在同一小节的几个段落中接着编号；"
           "报出的是列举中间在句首又出现的“一是”等。")
def enumeration_sequence(doc, rule, ctx):
    """An enumeration (一是…二是…) runs on without restarting, skipping or repeating.

    A list may restart in a new paragraph or section, or when words introduce it within the
    sentence (原因:一是…; 在普法方面,一是…); it may run on over the paragraphs of a section.
    What is reported is 一是 standing bare at the start of a sentence in the middle of a list.
    """
    section, expected, outer = None, {}, {}
    for p in doc.paragraphs:
        if p.section is not section:
            section, expected, outer = p.section, {}, {}
        text = p.line.text
        in_paragraph: set[str] = set()
        items = T.enumeration(text, p.start) if ITEM_HINT.search(text, p.start) else []
        for offset, number, style in items:
            before = text[p.start:offset].rstrip(T.SPACES)
            nxt = expected.get(style)
            introduced = not before or before[-1] not in "。；;！？!?"
            if number == 1 and (nxt is None or introduced or style not in in_paragraph):
                if nxt is not None and before:
                    outer[style] = nxt      # a sub-list inside a running list
                expected[style] = 2
                in_paragraph.add(style)
                continue
            if nxt is None or number == nxt or number == outer.get(style):
                if nxt is not None and number != nxt:
                    outer.pop(style)        # back to the enclosing list
                expected[style] = number + 1
                in_paragraph.add(style)
                continue
            problem = "重新从头编号" if number == 1 else "重复" if number == nxt - 1 else \
                "跳号" if number > nxt else "顺序颠倒"
            yield doc.hit(p.line, offset, offset + len(_item(number, style)), args={
                "item": _item(number, style), "problem": problem,
                "expected": _item(nxt, style), "style": STYLES[style]})
            if number > nxt:
                expected[style] = number + 1    # follow the new count after a gap
