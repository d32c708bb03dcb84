"""Dates: years, periods and events that do not fit the report year.

The report year is the core's (`doc.report_year`). The plan part speaks of the next year, so
what is expected there is one year later. Years inside quoted titles (《…2021—2025年…》) and
document numbers (〔2023〕16号) name other documents and are not the report speaking of itself.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from ..parts import role_at
from ..trigger import lines_with, trigger, when_reused
from ..quantity import clause, sentence
from ..year import trusted_date
from . import Option, Regex, check

# A year the text speaks of; not one end of a range (2021—2025年) nor a document number.
# The lookbehind (what stands before the year) is written after the four digits so that the
# pattern starts with the digits 2 or 1, which the regex engine scans for quickly.
YEAR = re.compile(r"(20\d\d|19\d\d)(?<![\d０-９〔［\[（(—–\-－~～至到]\d{4})\s*年(度)?"
                  r"(?!\s*[—–\-－~～至到]\s*\d)")
RANGE = re.compile(r"\d{4}\s*年?\s*[—–\-－~～至到]\s*\d{4}")
DATE = re.compile(r"(?<!\d)(20\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
# "上半年", "截至10月", "截止目前", "1-10月", "前三季度": a part of the year, not the year.
PARTIAL = re.compile(
    r"上半年|前三季度|截[至止]\s*(?:目前|当前|今天|(?:[1-9]|1[01]|[一二三四五六七八九]|十一?)\s*月"
    r"(?:份|底|末|中旬|上旬|下旬|\s*\d{1,2}\s*日)?)"
    r"|(?<![\d年])[1１一]\s*[-—–~～至到]\s*(?:[1-9]|1[01]|[二三四五六七八九]|十一?)\s*月(?:份)?"
    r"|目前(?:已|共|累计)(?=[^。；;，,]{0,20}?\d+\s*(?:次|场|件|起|期|批|轮|人次))")
# 目前已开展…5次 counts what was done so far (次, 场, 件…); 目前共有…60名 is a stock, not that.
# A count kept over several years (2019年以来累计…): "截至目前" there is not a part of the year.
RUNNING = re.compile(r"以来|历年|先后|连续\d+年|[0-9]{4}\s*年[以至到起]")
PLAN_DOC = re.compile(
    r"(制定|印发|出台|编制|拟定|起草|下发|修订|完善|落实|执行|实施|按照|依据|对照)了?"
    r"[^。；;，,《]{0,12}?(《[^《》]{0,60}》|(?:20\d{2})\s*年度?[\u4e00-\u9fff]{0,16}?"
    r"(?:计划|要点|方案|安排|清单))")
PLAN_NOUN = re.compile(r"(20\d{2})\s*年度?[^《》]{0,20}?(计划|要点|方案|安排|清单|任务)")
def _trigger(phrases: str):
    """Where one of a rule's phrases can begin (trigger.trigger), worked out once a run."""
    return when_reused(("phrases", phrases), lambda: trigger([phrases]))


@lru_cache(maxsize=1024)
def quoted(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of 《…》 titles (with nested 〈…〉) and document numbers like （2023）16号."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            start = i if depth == 0 else start
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    for m in re.finditer(r"[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d+\s*号", text):
        spans.append(m.span())
    return tuple(spans)


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def paragraphs(doc, ctx):
    """(line, text, start, end, in_plan) of each paragraph, worked out once per report."""
    memo, key = doc.analysis.paragraphs, ctx.checklist.path
    if key not in memo:
        memo[key] = [(p.line, p.line.text, p.start, p.start + len(p.text),
                      role_at(doc, ctx.checklist, p.line.number) == "plan")
                     for p in doc.paragraphs]
    return memo[key]


@check("heading-year",
       doc="小标题中的年份应是报告年度：2024年度报告中出现“二、2023年工作举措”，报出；"
           "“下一年度工作安排”部分中的小标题应是下一年（2025年）。书名号中的文件名、"
           "发文字号中的年份和“2020年以来”“2023年底”一类说法不报。")
def heading_year(doc, rule, ctx):
    """A heading's year is the report year (the next year in the plan part)."""
    if not doc.report_year:
        return
    for h in doc.headings:
        text = h.line.text[:h.title_end]
        plan = role_at(doc, ctx.checklist, h.line.number) == "plan"
        expected = doc.report_year + (1 if plan else 0)
        for m in YEAR.finditer(text, h.start):
            year = int(m.group(1))
            if year == expected or _inside(m.start(), quoted(text)) or \
                    re.match(r"\s*(以来|至今|前|底|末)", text[m.end():]):
                continue
            yield doc.hit(h.line, m.start(), m.end(), args={
                "year": year, "expected": expected, "report": doc.report_year,
                "where": "工作安排" if plan else "本年度工作"})


@check("plan-year",
       doc="报告中制定或落实的一年期计划应是本年度的：2024年度报告写“印发了《2023年普法工作要"
           "点》”，疑为沿用旧稿；“下一年度工作安排”部分中应是下一年的计划。"
           "同一分句前面已说明是那一年的事（作为往事叙述）、“落实2023年出台的方案”"
           "一类说明计划何时制定的，以及跨年度的规划（2021—2025年）不报。")
def plan_year(doc, rule, ctx):
    """A one-year plan made or carried out in the report year is that year's plan."""
    if not doc.report_year:
        return
    for line, text, a, b, plan in paragraphs(doc, ctx):
        expected = doc.report_year + (1 if plan else 0)
        for m in PLAN_DOC.finditer(text, a, b):
            name = m.group(2)
            n = PLAN_NOUN.search(name)
            if not n or RANGE.search(name) or \
                    not name.startswith("《") and re.search(r"的|制定|出台|印发|以来", n.group(0)):
                continue    # "落实2023年出台的方案" tells when a plan was made, not its year
            year = int(n.group(1))
            if year >= expected or str(year) in text[clause(text, m.start())[0]:m.start()]:
                continue    # this year's plan, or an earlier plan told as history
            yield doc.hit(line, m.start(2), m.end(2), args={
                "name": name.strip("《》"), "year": year, "expected": expected,
                "report": doc.report_year})


@check("future-date",
       doc="“下一年度工作安排”以外的部分，写成已经做了的事，日期不应晚于报告的成文日期；"
           "没有可信的成文日期时，按公开期限（次年4月1日，可在配置中用 `deadline` 修改）。"
           "日期前有 `ahead` 中的词（“力争2025年6月底前完成”）的是目标，“年底前”"
           "一类和书名号中的年份也不报；只写年份的，按该年1月1日比较。",
       ahead=Option(Regex, "到|至|计划|拟|将|力争|确保|预计|争取",
                    doc="日期前同一分句中、相隔不超过4个字处有这些词（如“到”“计划”"
                        "“力争”），日期就是目标而不是已做的事，不报"))
def future_date(doc, rule, ctx):
    """Outside the plan part, the report states nothing as done after the date it was written."""
    if not doc.report_year:
        return
    dated = trusted_date(doc)
    written = dated or ctx.config.deadline_for(doc.report_year)
    ahead = re.compile(f"(?:{rule.options['ahead']})[^，,。；;]{{0,4}}$")
    for line, text, a, b, plan in paragraphs(doc, ctx):
        if plan:
            continue
        for m in YEAR.finditer(text, a, b):
            year = int(m.group(1))
            d = DATE.match(text, m.start())
            month = int(d.group(2)) if d else 1     # a bare year: only a later year is wrong
            when = datetime.date(year, min(max(month, 1), 12), 1)
            if when <= written or _inside(m.start(), quoted(text)) or \
                    ahead.search(text[max(a, m.start() - 8):m.start()]) or \
                    re.match(r"\s*年?度?(以前|之前|前|底前|年底|末)", text[m.end():]):
                continue
            yield doc.hit(line, m.start(), (d or m).end(), args={
                "date": text[m.start():(d or m).end()].strip(),
                "written": f"{written.year}年{written.month}月{written.day}日",
                "basis": "成文日期" if dated else "公开期限"})


@check("partial-period",
       doc="年度报告应写全年的情况：“下一年度工作安排”以外的部分出现“上半年”“前三季度”“截至10月”"
           "“1—10月”“目前已开展……5次”一类说法，疑为套用半年总结或阶段性材料。"
           "同一句中也写了“下半年”的、“2019年以来累计……截至目前”一类跨年累计的，"
           "以及书名号中的不报。",
       phrases=Option(Regex, PARTIAL.pattern, doc="表示一年中一段时间的说法（“上半年”"
                                                  "“截至10月”等）"))
def partial_period(doc, rule, ctx):
    """An annual report speaks of the whole year, not 上半年 or 截至10月."""
    pattern = re.compile(rule.options["phrases"])
    headings = [(h.line, h.line.text, h.start, h.title_end,
                 role_at(doc, ctx.checklist, h.line.number) == "plan") for h in doc.headings]
    # only the lines where a phrase can begin (one scan of the whole text)
    where = _trigger(rule.options["phrases"])
    hot = None if where is None else {doc.lines[i].number for i in lines_with(doc, where)}
    for line, text, a, b, plan in headings + paragraphs(doc, ctx):
        if plan or hot is not None and line.number not in hot:
            continue    # "明年上半年完成" is a plan
        for m in pattern.finditer(text, a, b):
            s, e = sentence(text, m.start())
            if _inside(m.start(), quoted(text)) or ("上半年" in m.group(0) and "下半年" in text[s:e]):
                continue
            if "目前" in m.group(0) and RUNNING.search(text, s, e):
                continue    # 2019年以来累计…截至目前: a running count over years, not this year's
            yield doc.hit(line, m.start(), m.end(), args={"phrase": m.group(0)})
