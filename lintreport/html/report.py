"""One report's page: its header, its findings explained and its text with every finding
marked where it occurs. Drawn for each report of a review and for the one report of serve.
`report` is a review.Report: its result (engine.FileResult), name, format, lines.
"""
from __future__ import annotations

import itertools

from ..data import categories
from ..finding import Severity
from . import esc
from .followup import followup_table

SPAN_MAX_LINES = 20     # a finding over more lines than this is shown at its first line only


def copied_share(report) -> float | None:
    share = report.result.stats.get("copied_share")
    return share if isinstance(share, (int, float)) else None


def state_note(result) -> str:
    if result.error and not result.findings:
        return f"无法读取：{result.error}"
    return f"注意：{result.error}" if result.error else ""


def _spans(report) -> tuple[dict, dict]:
    """Per line number: the text ranges marked (start, end, finding index) and the findings
    anchored there."""
    prefix = {number: (len(text), pre) for number, text, _, pre in report.lines}
    spans: dict[int, list] = {}
    anchored: dict[int, list] = {}
    for k, f in enumerate(report.result.findings):
        anchored.setdefault(f.line, []).append(k)
        whole = f.end_column is None and f.end_line == f.line
        if whole or f.end_line - f.line > SPAN_MAX_LINES:
            continue
        for number in range(f.line, f.end_line + 1):
            if number not in prefix:
                continue
            length, pre = prefix[number]
            start = pre + (f.column - 1 if number == f.line else 0)
            end = pre + f.end_column - 1 if number == f.end_line and f.end_column else length
            end = max(end, min(start + 1, length))
            if start < length:
                spans.setdefault(number, []).append((start, end, k))
    return spans, anchored


def _marked(text: str, spans: list, findings) -> str:
    """The line's text with every span wrapped in <mark>; overlaps split into segments."""
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    out = []
    for a, b in itertools.pairwise(cuts):
        over = [k for s, e, k in spans if s <= a and b <= e]
        piece = esc(text[a:b])
        if not over:
            out.append(piece)
            continue
        worst = max(findings[k].severity for k in over)
        tip = "；".join(f"{findings[k].rule} {findings[k].message}" for k in over)
        out.append(f'<mark class="sev-{worst.label}" data-f="{" ".join(map(str, over))}" '
                   f'title="{esc(tip)}">{piece}</mark>')
    return "".join(out)


def render_report(report, anchor: str, links: dict[str, str] | None = None,
                  rule_href: str = "#rule-", groups: list[tuple[str, list[int]]] | None = None,
                  fixes: dict[int, str] | None = None) -> str:
    """One report's page: its header, its findings explained, and its text with every
    finding marked where it occurs. `anchor` prefixes every id (r3 → r3-L12, r3-f0);
    `links` maps another report's path to its anchor, for findings that point at it.
    `groups` lists the findings under headings, (heading, finding indices) (the drafter's
    page groups them by required part); `fixes` says a finding's safe fix in words."""
    res, links = report.result, links or {}
    findings = res.findings
    counts = " ".join(f'<span class="sev-{s.label}">{s.zh} {report.count(s)}</span>'
                      for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    pages = max((p for _, _, p, _ in report.lines if p), default=0)
    facts = [f"文件：{res.path}", f"格式：{report.format_name}"]
    facts += [f"标题：{res.title}"] if res.title else []
    facts += [f"报告年度：{res.report_year}年"] if res.report_year else []
    facts += [f"发布日期：{report.published:%Y-%m-%d}"] if report.published else []
    facts += [f"共{pages}页"] if pages else []
    share = copied_share(report)
    facts += [f"与其他报告重复的文字约占{share:.0%}"] if share else []
    out = [f'<h1>{esc(report.name)}</h1><p class="facts">{esc("；".join(facts))}</p>',
           f'<p class="counts">{counts}</p>']
    if res.error:
        out.append(f'<p class="error">{esc(state_note(res))}</p>')
    if findings:
        out.append('<table class="findings"><thead><tr><th>位置</th><th>级别</th><th>规则</th>'
                   '<th>问题和依据</th></tr></thead><tbody>')
        for g, (heading, indices) in enumerate(groups or [("", range(len(findings)))]):
            if heading:
                n = f"{len(indices)}处" if indices else "未发现问题"
                out.append(f'<tr class="group" id="{anchor}-g{g}"><th colspan="4">{esc(heading)}'
                           f'<span class="n">{n}</span></th></tr>')
            _rows(out, report, anchor, links, rule_href, indices, fixes or {})
        out.append("</tbody></table>")
    elif not res.error:
        out.append('<p class="clean">未发现问题。</p>')
    out.append(followup_table(res.stats, anchor))
    out.append(_text(report, anchor))
    return "\n".join(out)


def _rows(out: list, report, anchor: str, links: dict, rule_href: str, indices,
          fixes: dict[int, str]) -> None:
    """The findings table's rows for the findings at `indices`."""
    res = report.result
    page_of = {number: page for number, _, page, _ in report.lines}
    for k in indices:
        f = res.findings[k]
        page = page_of.get(f.line)
        where = f"{f.line}:{f.column}" + (f"（第{page}页）" if page else "")
        related = "".join(_related(x, res.path, anchor, links) for x in f.related[:5])
        excerpt = f'<div class="excerpt">「{esc(f.excerpt)}」</div>' if f.excerpt else ""
        fix = f'<div class="fix">修正：{esc(fixes[k])}</div>' if k in fixes else ""
        out.append(f'<tr id="{anchor}-f{k}" class="finding sev-{f.severity.label}">'
                   f'<td><a href="#{anchor}-L{f.line}">{where}</a></td>'
                   f'<td class="sev">{f.severity.zh}</td>'
                   f'<td><a href="{rule_href}{esc(f.rule)}">{esc(f.rule)}</a>'
                   f'<div class="cat">{esc(categories().get(f.category, f.category))}</div></td>'
                   f'<td><div class="msg">{esc(f.message)}</div>{excerpt}{fix}'
                   f'<div class="src">依据：{esc(f.source)}</div>{related}</td></tr>')


def _related(x, path: str, anchor: str, links: dict) -> str:
    target = anchor if x.path == path else links.get(x.path)
    where = ("本报告" if x.path == path else x.path) + f"第{x.line}行"
    label = esc(where + (f"（{x.note}）" if x.note else ""))
    if target:
        return f'<div class="rel">另见：<a href="#{target}-L{x.line}">{label}</a></div>'
    return f'<div class="rel">另见：{label}</div>'


def _text(report, anchor: str) -> str:
    """The report's lines, numbered as the findings count them, with findings marked."""
    spans, anchored = _spans(report)
    findings = report.result.findings
    skipped = report.skipped
    out, page = ['<div class="text">'], None
    for number, text, line_page, _ in report.lines:
        if line_page and line_page != page:
            page = line_page
            out.append(f'<div class="page">第{page}页</div>')
        skip = any(a <= number <= b for a, b in skipped)
        badges = "".join(
            f'<a class="badge sev-{findings[k].severity.label}" href="#{anchor}-f{k}">'
            f'{esc(findings[k].rule)}</a>' for k in anchored.get(number, []))
        body = _marked(text, spans.get(number, []), findings)
        out.append(f'<div class="ln{" skip" if skip else ""}" id="{anchor}-L{number}">'
                   f'<span class="no">{number}</span><span class="tx">{body}</span>'
                   f'<span class="badges">{badges}</span></div>')
    out.append("</div>")
    if skipped:
        out.insert(1, '<p class="note">灰色的行是网页的页眉、页脚，不属于报告正文，不作检查。</p>')
    return "\n".join(out)
