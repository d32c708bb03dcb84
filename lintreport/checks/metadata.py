"""Metadata: title, closing issuer and date (落款、成文日期), the report year, the deadline."""
from __future__ import annotations

import os
import re

from .. import hanzi as T
from ..place import place_of
from . import Option, check


@check("title-present",
       doc="报告应以标题开头，不应直接从主送机关或正文开始。提示中给出一个建议的标题（如“××镇"
           "2024年法治政府建设工作报告”）。")
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


@check("closing-present",
       doc="报告文末应有落款（发文机关署名）和成文日期，选项 `need` 决定要哪几样。",
       need=Option(list, item=str, doc="文末必须有哪些：issuer（落款，即发文机关署名）、"
                                       "date（成文日期）"))
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


@check("year-consistency",
       doc="标题中的年份、正文所说的年度和报告中的日期应相互吻合：不一致时报一条，"
           "列出各处的依据，按多数依据取报告年度，指出哪几处与之不符。"
           "小标题中的年份由 DT001（`heading-year`）检查，这里不看。")
def year_consistency(doc, rule, ctx):
    """The title's year, the year the text speaks of and the dates fit together: one finding
    that lists the evidence when they do not (headings' years are DT001's)."""
    verdict = doc.year_verdict
    if verdict is None:
        return
    odd = [e for e in verdict.conflicts if e.kind not in ("heading", "plan")]
    if not odd:
        return
    first = odd[0]
    line = {"title": doc.title[:1], "opening": [p.line for p in doc.opening[:1]],
            "date": [doc.date_line] if doc.date_line else []}.get(first.kind) or \
        (doc.title[:1] or doc.lines[:1])
    if not line:
        return
    told = "；".join(f"{e.where}{e.text if e.kind in ('date', 'written') else str(e.year) + '年'}"
                    for e in verdict.evidence if e.kind not in ("heading", "plan"))
    yield doc.hit(line[0], 0, None, args={
        "what": f"{told}，按多数依据取{verdict.year}年度，"
                f"{'、'.join(e.where for e in odd)}与之不符"})


@check("deadline",
       doc="报告的成文日期和网页上的发布日期不应晚于公开时限，即次年的4月1日（可在配置中用 "
           "`deadline` 修改）。")
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


# A place and its kind (王河 + 乡): the kind is what a copied or renamed page gets wrong.
KINDS = "街道办事处|街道|苏木|乡|镇|县|区|市|旗"
UNIT = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?)({KINDS})")


@check("page-publisher",
       doc="网页信息栏中的发布机构与报告的标题或落款是同一个地方，"
           "却写成了另一种机构（发布机构为“王河乡人民政府”，标题和落款是“王河镇”）："
           "二者必有一个是错的。")
def page_publisher(doc, rule, ctx):
    """The page's 发布机构 names the same place as the report but as another kind of body
    (发布机构 王河乡人民政府, title and issuer 王河镇): one of them is wrong."""
    publisher = doc.page_fields.get("发布机构", "")
    own = doc.title_text + "".join((doc.issuer.text if doc.issuer else "").split())
    if not publisher or not own:
        return
    for m in UNIT.finditer(publisher):
        stem, kind = m.groups()
        if stem + kind in own:
            continue
        other = re.search(re.escape(stem) + f"({KINDS})", own)
        if other and other.group(1) != kind:
            line = _field_line(doc, "发布机构") or doc.title[0]
            yield doc.hit(line, 0, None, args={
                "publisher": publisher, "own": stem + other.group(1),
                "where": "标题" if stem + other.group(1) in doc.title_text else "落款"})
            return


def _field_line(doc, label: str):
    """The line of the page's information table that holds a field."""
    lines = doc.source.lines
    for _, _, block in doc.web_blocks:
        for line in lines[block.first:block.last + 1]:
            if label in "".join(line.text.split()):
                return line
    return None


@check("report-text",
       doc="文件里到底有没有报告：空文件、只有网页栏目的页面、没有一个标题的短文，"
           "都不是年度报告。这样的文件不报出，就等于说它是一份没有问题的报告。",
       min_chars=Option(int, doc="汉字（网页栏目不计）少于这么多，就不是报告"),
       bare_chars=Option(int, doc="汉字少于这么多，又没有一个标题，就不是报告"))
def report_text(doc, rule, ctx):
    """The file holds a report at all: an empty file, a page of only furniture or a short
    note without a single heading is not an annual report, and passing it silently would
    say it is a clean one."""
    # counted only as far as the text passes: a report passes in its first lines
    enough = max(rule.options["min_chars"], 0 if doc.headings else rule.options["bare_chars"])
    count = 0
    for line in doc.lines:
        count += T.han_count(line.text)
        if count >= enough:
            return
    if count >= rule.options["min_chars"] and (doc.headings or count >= rule.options["bare_chars"]):
        return
    from ..read import Line
    first = next((l for l in doc.lines if l.text.strip()), None) or Line("", 1)
    yield doc.hit(first, 0, None, args={
        "what": "文件是空的" if not any(l.text.strip() for l in doc.source.lines) else
                f"全文只有{count}个汉字（网页栏目不计）" +
                ("" if count < rule.options["min_chars"] else "，也没有一个部分标题")})
