"""`lintreport show FILE`: how lintreport read a report, in Chinese, so that a reviewer can
see why a check said what it said: the title, addressee, parts with their headings, the
report year with the evidence it rests on, issuer and date, the page's information-table
fields and every block of page furniture with its lines.
"""
from __future__ import annotations

from .model import Checklist
from .document import Document
from .parts import classify

WHERE = {"header": "页首", "footer": "页尾"}


def _lines(first: int, last: int) -> str:
    return f"第{first}行" if first == last else f"第{first}—{last}行"


def describe(doc: Document, checklist: Checklist) -> str:
    """The parsed document in words, one fact a line."""
    out = [f"文件：{doc.path}"]
    title = doc.title
    out.append(f"标题：{doc.title_text}（{_lines(title[0].number, title[-1].number)}）"
               if title else "标题：（未认出）")
    out.append(f"主送机关：{doc.addressee.text.strip()}（第{doc.addressee.number}行）"
               if doc.addressee else "主送机关：（无）")
    if doc.opening:
        out.append(f"开头：{_lines(doc.opening[0].line.number, doc.opening[-1].line.number)}，"
                   f"{len(doc.opening)}段")
    out.append("部分：")
    names = {key: part.name for key, part in checklist.parts.items()}
    parts = sorted(classify(doc, checklist).items(),      # in the report's order
                   key=lambda kv: kv[1][0].first_line if kv[1] else 10 ** 9)
    for key, sections in parts:
        if not sections:
            out.append(f"  {names[key]}：（未找到）")
            continue
        out.append(f"  {names[key]}：")
        out += [f"    第{s.first_line}行  {'  ' * (s.level - 1)}{s.heading.text}" for s in sections]
    heads = len(doc.headings)
    out.append(f"小标题：共{heads}个")
    verdict = doc.year_verdict
    if verdict and verdict.year:
        out.append(f"报告年度：{verdict.year}年")
        for e in verdict.evidence:
            at = f"第{e.line}行，" if e.line else ""
            fit = "" if e.fits(verdict.year) else "（与所取年度不符）"
            out.append(f"  依据：{e.where}（{at}“{e.text}”）→{e.year}年{fit}")
    else:
        out.append("报告年度：（无从判断：标题、开头、小标题和日期都没有年份）")
    out.append(f"落款：{doc.issuer.text.strip()}（第{doc.issuer.number}行）"
               if doc.issuer else "落款：（未认出）")
    out.append(f"成文日期：{doc.date.year}年{doc.date.month}月{doc.date.day}日"
               f"（第{doc.date_line.number}行）" if doc.date else "成文日期：（未认出）")
    if doc.page_fields:
        out.append("网页信息栏：")
        out += [f"  {k}：{v}" for k, v in doc.page_fields.items()]
    published = doc.source.meta.get("published")
    if published:
        out.append(f"网页发布日期：{published.year}年{published.month}月{published.day}日")
    if doc.web_blocks:
        out.append("网页栏目（不参与其他检查）：")
        for first, last, block in doc.web_blocks:
            out.append(f"  {WHERE.get(block.where, block.where)} {_lines(first, last)}："
                       f"{'、'.join(block.labels)}")
    else:
        out.append("网页栏目：（无）")
    return "\n".join(out) + "\n"
