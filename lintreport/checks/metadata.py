"""Metadata: title, closing issuer and date (落款、成文日期), the report year, the deadline."""
from __future__ import annotations

import os

from .. import text as T
from ..place import place_of
from . import Option, check


def _first(doc):
    return (doc.title or [p.line for p in doc.paragraphs[:1]] or doc.lines[:1] or [None])[0]


@check("title-present")
def title_present(doc, rule, ctx):
    """The report opens with a title line (标题), not with the addressee or the text."""
    if doc.title or not doc.paragraphs:
        return
    line = doc.addressee or doc.paragraphs[0].line
    yield doc.hit(line, 0, None, args={"first": T.clip(line.text, 20),
                                       "suggest": suggested_title(doc, ctx)})


def suggested_title(doc, ctx) -> str:
    """A title for this report: its own place (or the level it is from), its year."""
    place = place_of(doc)
    if not place:
        county = "county" in os.path.basename(ctx.checklist.path)
        place = "××县" if county else "××镇"
    year = f"{doc.report_year}年" if doc.report_year else "××××年"
    return f"{place}{year}法治政府建设工作报告"


@check("closing-present", need=Option(list, ["issuer", "date"], item=str,
                                     doc="what must close the report: issuer, date"))
def closing_present(doc, rule, ctx):
    """The report ends with the issuing body (落款) and the date it was written (成文日期)."""
    if not doc.paragraphs:
        return
    names = {"issuer": "落款（发文机关署名）", "date": "成文日期"}
    missing = [names[k] for k in rule.options["need"]
               if k in names and getattr(doc, "issuer" if k == "issuer" else "date_line") is None]
    if missing:
        line = doc.date_line or doc.issuer or doc.paragraphs[-1].line
        yield doc.hit(line, 0, None, args={"missing": "和".join(missing)})


@check("year-consistency")
def year_consistency(doc, rule, ctx):
    """The title's year, the year the text speaks of and the date fit together."""
    years = doc.years
    if "title" in years and "body" in years and years["title"] != years["body"]:
        line = doc.title[0]
        yield doc.hit(line, 0, None, args={
            "what": f"标题写{years['title']}年，正文写{years['body']}年"})
    if doc.date and doc.report_year and not (
            doc.report_year <= doc.date.year <= doc.report_year + 1):
        yield doc.hit(doc.date_line, 0, None, args={
            "what": f"成文日期{doc.date.year}年{doc.date.month}月{doc.date.day}日"
                    f"与报告年度{doc.report_year}年不符"})


@check("deadline")
def deadline(doc, rule, ctx):
    """The report is dated (or published) before the publication deadline of the next year."""
    if not doc.report_year:
        return
    due = ctx.config.deadline_for(doc.report_year)
    dates = [(doc.date, doc.date_line, "成文日期")] if doc.date else []
    published = doc.source.meta.get("published")
    if published:
        dates.append((published, doc.lines[0] if doc.lines else None, "发布日期"))
    for date, line, what in dates:
        if date > due and line is not None:
            yield doc.hit(line, 0, None, args={
                "what": what, "date": f"{date.year}年{date.month}月{date.day}日",
                "due": f"{due.year}年{due.month}月{due.day}日"})
