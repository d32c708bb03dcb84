"""Last year's plan and this year's report, two batch checks that run only with last year's
reports (--previous):

- plan-followup (F001): what last year's report planned and this year's does not say it did.
  In the worker each report gives its planned items and the places where it tells its work
  (lintreport.followup). The parent pairs each report with last year's report of the same
  unit (one report and one previous report given: those two), finds each planned item's
  follow-up and reports the items without one. The whole table (item → place or nothing)
  goes into the report's figures (followup) for the review page.
- plan-repeated (F002): an item of this year's plan that repeats an item of last year's plan.
  A whole plan paragraph copied is D002's finding (its message says it is a plan), so an item
  whose paragraph is that alike to one of last year's plan paragraphs is left to D002.
"""
from __future__ import annotations

import os

from .. import followup as F
from .. import shingles as S
from ..finding import Hit, Related
from ..parts import sections_for
from . import Option, check
from ..place import unit_of


def _summary(doc, rule, ctx) -> dict:
    items = F.plan_items(doc, ctx.checklist)
    places = F.result_places(doc, ctx.checklist)
    first = next((s.heading.line.number for s in sections_for(doc, ctx.checklist, "measures")),
                 None)
    anchor = first or (places[0].line if places else doc.lines[0].number if doc.lines else 1)
    return {"place": unit_of(doc), "year": doc.report_year, "anchor": anchor,
            "items": [i.to_tuple() for i in items], "places": [p.to_tuple() for p in places]}


def last_year(items, n: int, previous: list[int]) -> int | None:
    """Which of the previous reports is last year's report of report n."""
    me = items[n].data
    if len(previous) == 1 and sum(1 for i in items if not i.reference) == 1:
        return previous[0]      # one report and one previous report: the user paired them
    for m in previous:
        other = items[m].data
        if me["place"] and other["place"] == me["place"] and me["year"] and \
                other["year"] == me["year"] - 1:
            return m
    return None


def pairs(items, ctx):
    """(n, m) for each report n of this year and its own report m of last year (None when
    --previous gave none): a report is never its own previous year."""
    real = [os.path.realpath(i.path) for i in items]
    previous = [m for m, item in enumerate(items) if item.data and real[m] in ctx.previous]
    for n, item in enumerate(items):
        if not item.reference and item.data:
            yield n, last_year(items, n, [p for p in previous if real[p] != real[n]])


@check("plan-followup",
       doc="去年报告“下一年度工作安排”中的各项安排，今年的报告有没有写落实情况："
           "需要用 `--previous` 给出上一年度的报告，按单位和年度配对（只检查一份报告、"
           "只给一份上年报告时，二者直接配对）。去年的一项安排中的词语（越少见的词分量越重）"
           "在今年报告写工作的同一处出现得足够多，才算写了；没写的每项报一条。",
       scope="batch", collect=_summary, previous=True,
       min_score=Option(float,
                        doc="去年安排的一项中，按罕见程度加权的词语在今年报告同一处出现的比例达到此值，算写了落实情况"),
       synonyms=Option(dict, {}, item=list,
                       doc="简称及其常见的具体写法（如 `三项制度: [执法公示, 全过程记录, 法制审"
                           "核]`）：写了具体内容的地方也算提到了简称"))
def plan_followup(items, rule, ctx):
    """Planned items of last year's report that this year's report does not follow up."""
    for n, m in pairs(items, ctx):
        item = items[n]
        if m is None:
            item.figures.followup = {"previous": None}
            continue
        other, me = items[m], item.data
        matches = F.follow_up(other.data["items"], me["places"], rule.options["min_score"],
                              rule.options["synonyms"])
        rows = []
        for match in matches:
            line, _, _, _, label = match.item
            place = match.place
            rows.append([line, label, place[0] if place else None, place[4] if place else "",
                         match.score])
            if place is None:
                year = other.data["year"]
                yield n, Hit(me["anchor"], args={
                    "plan": label, "other": os.path.basename(other.path), "other_line": line,
                    "year": f"{year}年度" if year else "上一年度"},
                    related=(Related(other.path, line, "去年报告中的这项安排"),), excerpt=label)
        item.figures.followup = {"previous": other.path, "year": other.data["year"], "rows": rows}


def _plan_summary(doc, rule, ctx) -> dict:
    """This report's planned items (where, normalised text, label) and its plan paragraphs
    long enough for D002, by line."""
    lines = {line.number: line for line in doc.lines}
    items = []
    for i in F.plan_items(doc, ctx.checklist):
        hit = doc.hit(lines[i.line], i.start, i.end)
        items.append((hit.line, hit.column, hit.end_column, S.normalize(i.text), i.label))
    paragraphs = {p.line.number: norm for s in sections_for(doc, ctx.checklist, F.PLAN)
                  for p in s.all_paragraphs()
                  if len(norm := S.normalize(p.text)) >= rule.options["paragraph_chars"]}
    return {"place": unit_of(doc), "year": doc.report_year, "items": items,
            "paragraphs": paragraphs}


@check("plan-repeated",
       doc="今年“下一年度工作安排”中与去年的安排几乎相同的一项，即同一项工作连续两年列入安排，"
           "需要用 `--previous` 给出上一年度的报告。太短的安排（如“加强普法宣传”）不比较；"
           "所在整段与去年安排中的一段相同的，由 D002 报出，这里不再报。",
       scope="batch", collect=_plan_summary, previous=True,
       min_chars=Option(int, doc="去掉标点、空格后不足这么多字的安排不比较：“加强普法宣传”一类短语年年相同不足为怪"),
       min_similarity=Option(float, doc="与去年的一项安排相似度（0～1）达到此值算照搬"),
       paragraph_similarity=Option(float,
                                   doc="所在整段与去年安排中的一段相似度（0～1）达到此值的，"
                                       "由 D002 报出，这里不再报"),
       paragraph_chars=Option(int, 30, doc="D002 比较的段落最少有多少字（应与 D002 的 "
                                           "`min_chars` 一致）"))
def plan_repeated(items, rule, ctx):
    """Items of this year's plan that repeat items of last year's plan."""
    o = rule.options
    for n, m in pairs(items, ctx):
        item = items[n]
        if m is None:
            continue
        other = items[m]
        theirs = list(other.data["paragraphs"].values())
        for line, column, end_column, norm, label in item.data["items"]:
            if len(norm) < o["min_chars"]:
                continue
            paragraph = item.data["paragraphs"].get(line)
            if paragraph and any(S.similarity(paragraph, t, o["paragraph_similarity"])
                                 for t in theirs):
                continue        # its whole paragraph is copied: D002 says so
            best = max(((S.similarity(norm, t[3], o["min_similarity"]), t)
                        for t in other.data["items"]), default=(0, None), key=lambda x: x[0])
            if best[0]:
                year = other.data["year"]
                yield n, Hit(line, column, line, end_column, args={
                    "plan": label, "other": os.path.basename(other.path),
                    "other_line": best[1][0], "similarity": f"{best[0]:.0%}",
                    "year": f"{year}年度" if year else "上一年度"},
                    related=(Related(other.path, best[1][0], "去年报告中相同的安排"),),
                    excerpt=label)
