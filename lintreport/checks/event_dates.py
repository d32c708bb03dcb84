"""Dated events and plan periods a report speaks of (rules/data/events.yaml or a table of the
user's): a meeting held before the year written about spoken of as coming, an event cited as
past that happened after the report was written, a plan period that does not cover the year.
"""
from __future__ import annotations

import re

from ..events import dated_table
from ..trigger import lines_with, trigger, when_reused
from ..quantity import sentence
from ..year import trusted_date
from . import Option, check
from .dates import paragraphs

# Speaking of a meeting as still to come, or as past.
COMING_BEFORE = re.compile(r"(迎接|喜迎|确保|保障|护航|献礼|筹备|服务)[^，,。；;]{0,6}$")
COMING_AFTER = re.compile(r"^[^，,。；;]{0,3}(胜利召开|顺利召开|即将召开|召开前|召开之际|前夕)"
                          r"(?!以来|后|之后|的|精神)")
PAST_AFTER = re.compile(r"^[^，,。；;]{0,3}(精神|以来|召开以来|胜利召开以来|召开后|作出|部署|提出)")
BACKWARD = re.compile(r"总结|验收|收官|圆满完成|顺利完成|全面完成|回顾|期间|以来|评估|考核")



TABLE = Option(str, "events", doc="日期表：随程序提供的表名（`rules/data/` 中的文件名，"
                                  "不含 .yaml，如 events），或同样格式的 YAML 文件的路径")
def _mentions(doc, ctx, table: str, kind: int) -> list:
    """(line, match, entry, in_plan, text) for each mention of an event (kind 0) or a period
    (kind 1) of a table, found once per report: two checks look for the events."""
    memo, key = doc.analysis.date_mentions, (ctx.checklist.path, table, kind)
    if key not in memo:
        found = []
        searches = [(entry, entry["regex"].search) for entry in dated_table(table)[kind]]
        # only the paragraphs of the lines where some entry's pattern can begin
        where = _trigger(table, kind)
        hot = None if where is None else {doc.lines[i].number for i in lines_with(doc, where)}
        for line, text, a, b, plan in paragraphs(doc, ctx):
            if hot is not None and line.number not in hot:
                continue
            for entry, search in searches:
                if search(text, a, b):      # most paragraphs mention none: one search tells
                    found += [(line, m, entry, plan, text)
                              for m in entry["regex"].finditer(text, a, b)]
        memo[key] = found
    return memo[key]


def _trigger(table: str, kind: int):
    """Where any entry of a table can be named (trigger.trigger), worked out once a run;
    eight characters deep, as names begin with words every report uses (法治政府建设…)."""
    return when_reused(("events", table, kind), lambda: trigger(
        [entry["regex"].pattern for entry in dated_table(table)[kind]], depth=8))


def _coming(text: str, m) -> bool:
    before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 12]
    if PAST_AFTER.match(after):
        return False
    return bool(COMING_BEFORE.search(before) or COMING_AFTER.match(after))


@check("event-upcoming",
       doc="在所写年度之前已经召开的会议，不应仍说成即将召开：2023年度报告写“迎接党的二十大胜利"
           "召开”（二十大于2022年10月召开），疑为沿用旧稿；“下一年度工作安排”部分按下一年算。"
           "会议及其日期见选项 `table` 指定的日期表。",
       table=TABLE)
def event_upcoming(doc, rule, ctx):
    """A meeting that was held before the period written about is not spoken of as coming."""
    if not doc.report_year:
        return
    for line, m, event, plan, text in _mentions(doc, ctx, rule.options["table"], 0):
        if not event.get("upcoming"):
            continue
        period = doc.report_year + (1 if plan else 0)
        held = event["date"]
        if held.year < period and _coming(text, m):
            yield doc.hit(line, m.start(), m.end(), args={
                "event": quote(event["name"]), "held": f"{held.year}年{held.month}月",
                "report": doc.report_year, "year": period,
                "where": "下一年度工作安排" if plan else "本年度工作"})


def quote(name: str) -> str:
    """A name in the message: titles and quoted names carry their own marks."""
    return name if name[:1] in "“《" else f"“{name}”"


@check("event-before",
       doc="报告说成已经发生的事件（会议、法律的通过或施行等），日期不应晚于报告写成的时间（成文"
           "日期；没有可信的成文日期时按公开期限）：写成于2024年3月的报告引述了2024年7月才召开的"
           "会议，报出。说成即将召开的不报。事件及其日期见选项 `table` 指定的日期表。",
       table=TABLE)
def event_before(doc, rule, ctx):
    """An event cited as past happened before the report was written."""
    if not doc.report_year:
        return
    written = trusted_date(doc) or ctx.config.deadline_for(doc.report_year)
    for line, m, event, _plan, text in _mentions(doc, ctx, rule.options["table"], 0):
        held = event["date"]
        if held > written and not _coming(text, m):
            yield doc.hit(line, m.start(), m.end(), args={
                "event": quote(event["name"]), "held": f"{held.year}年{held.month}月{held.day}日",
                "written": f"{written.year}年{written.month}月{written.day}日",
                "report": doc.report_year})


@check("plan-period",
       doc="报告中说成当前的规划期（如“‘八五’普法”“‘十四五’规划”），应覆盖所写的年度："
           "2026年度报告仍说“深入实施‘八五’普法规划”（2021—2025年），报出。"
           "规划开始的前一年可以为之作准备，不报；同一句中有“总结”“验收”“收官”一类回顾的词，"
           "也不报。各规划的起止年份见选项 `table` 指定的日期表。",
       table=TABLE)
def plan_period(doc, rule, ctx):
    """A plan period cited as current covers the year written about."""
    if not doc.report_year:
        return
    for line, m, period, plan, text in _mentions(doc, ctx, rule.options["table"], 1):
        year = doc.report_year + (1 if plan else 0)
        s, e = sentence(text, m.start())
        # a period may be prepared for in the year before it starts
        if period["start"] - 1 <= year <= period["end"] or BACKWARD.search(text[s:e]):
            continue
        state = "已于{}年结束".format(period["end"]) if year > period["end"] else \
            "{}年才开始".format(period["start"])
        yield doc.hit(line, m.start(), m.end(), args={
            "period": quote(period["name"]), "span": f"{period['start']}—{period['end']}年",
            "state": state, "year": year})
