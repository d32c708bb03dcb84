"""plan-followup (F001): what last year's report planned and this year's report does not
say it did. A batch check that runs only with last year's reports (--previous).

In the worker each report gives its planned items and the places where it tells its work
(lintreport.followup). The parent pairs each report with last year's report of the same
place (one report and one previous report given: those two), finds each planned item's
follow-up and reports the items without one. The whole table (item → place or nothing)
goes into the report's stats for the review page.
"""
from __future__ import annotations

import os

from .. import followup as F
from ..parts import classify
from ..finding import Hit, Related
from . import Option, check
from .duplicate import unit_of


def _summary(doc, rule, ctx) -> dict:
    items = F.plan_items(doc, ctx.checklist)
    places = F.result_places(doc, ctx.checklist)
    parts = classify(doc, ctx.checklist)
    first = next((s.heading.line.number for s in parts.get("measures", [])), None)
    anchor = first or (places[0][0] if places else doc.lines[0].number if doc.lines else 1)
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


@check("plan-followup", scope="batch", collect=_summary, previous=True,
       min_score=Option(float, F.THRESHOLD,
                        doc="去年安排的一项中，按罕见程度加权的词语在今年报告同一处出现的比例达到此值，算写了落实情况"),
       synonyms=Option(dict, {}, item=list,
                       doc="简称及其常见的具体写法（如 三项制度: [执法公示, 全过程记录, 法制审核]）：写了具体内容的地方也算提到了简称"))
def plan_followup(items, rule, ctx):
    """Planned items of last year's report that this year's report does not follow up."""
    real = [os.path.realpath(i.path) for i in items]
    previous = [m for m, item in enumerate(items) if item.data and real[m] in ctx.previous]
    for n, item in enumerate(items):
        if item.reference or not item.data:
            continue
        m = last_year(items, n, [p for p in previous if real[p] != real[n]])
        if m is None:
            yield n, {"followup": {"previous": None}}
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
        yield n, {"followup": {"previous": other.path, "year": other.data["year"], "rows": rows}}
