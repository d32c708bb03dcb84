"""The reviewer's HTML: one self-contained file (styles and script inline, no network) with
an overview of all reports, one page per report with its findings marked in the text, and
the rules that fired. Each part renders on its own, so `lintreport serve` can reuse
`render_report()` for a single report.
"""
from __future__ import annotations

import datetime
import html
import itertools
from importlib import resources

from ..finding import CATEGORY_ZH, Severity
from . import Report, Review
from .followup import followup_table

# short column labels for the checklist's four required parts (their names are sentences)
PART_LABELS = {"measures": "举措成效", "shortcomings": "不足原因", "leaders": "第一责任人",
               "plan": "下年安排"}
SPAN_MAX_LINES = 20     # a finding over more lines than this is shown at its first line only


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def document(body: str, title: str) -> str:
    """A whole HTML page around `body`, with the review's styles and script inline."""
    # the generator mark (engine.OUTPUT_MARK) keeps a second review from reading this page
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="generator" content="lintreport">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{esc(title)}</title><style>{asset("review.css")}</style>'
            f'<noscript><style>.view{{display:block!important}}</style></noscript>'
            f'</head><body>\n{body}\n<script>{asset("review.js")}</script></body></html>\n')


def part_keys(parts: dict) -> list[str]:
    known = [k for k in PART_LABELS if k in parts]
    return known + [k for k in parts if k not in PART_LABELS]


def part_state(result, key: str, rules) -> tuple[str, str]:
    """("有" | "不全" | "缺" | "", why) of one required part: present but lacking what it
    must say (causes, both leaders) is 不全, so the table agrees with the findings."""
    if result.error and not result.parts:
        return "", ""
    if not result.parts.get(key):
        return "缺", ""
    by_id = {r.id: r for r in rules}
    gaps = [by_id[f.rule] for f in result.findings if f.rule in by_id and
            by_id[f.rule].check == "part-mentions" and by_id[f.rule].options.get("part") == key]
    if gaps:
        return "不全", "；".join(dict.fromkeys(r.title or r.name for r in gaps))
    return "有", ""


def _share(report: Report) -> float | None:
    share = report.result.stats.get("copied_share")
    return share if isinstance(share, (int, float)) else None


def overview(review: Review) -> str:
    """The sortable table of all reports, with totals and the rules that fired most."""
    keys = part_keys(review.checklist.parts)
    totals = {s: sum(r.count(s) for r in review.reports) for s in Severity}
    unread = len(review.errors)
    out = [f'<section class="view" id="overview"><h1>{esc(review.checklist.title)}审阅</h1>',
           (f'<p class="totals">共 {len(review.reports)} 份报告'
            f'{f"，其中 {unread} 份无法读取" if unread else ""}：'
            f'<span class="sev-error">错误 {totals[Severity.ERROR]}</span>、'
            f'<span class="sev-warning">警告 {totals[Severity.WARNING]}</span>、'
            f'<span class="sev-info">提示 {totals[Severity.INFO]}</span>。'
            f'点击表头排序，点击报告名称查看全文和问题。</p>'),
           '<p><input type="search" id="filter" placeholder="筛选：地方、文件名或规则编号"></p>',
           ('<table class="overview"><thead><tr><th data-sort="num">序号</th>'
            '<th data-sort="text">报告</th><th data-sort="num">年度</th><th data-sort="text">格式</th>'
            '<th data-sort="num">错误</th><th data-sort="num">警告</th><th data-sort="num">提示</th>')]
    for key in keys:
        name = review.checklist.parts[key].name
        out.append(f'<th data-sort="num" title="{esc(name)}">{esc(PART_LABELS.get(key, name[:6]))}</th>')
    out.append('<th data-sort="num">重复占比</th><th data-sort="text">说明</th></tr></thead><tbody>')
    for i, r in enumerate(review.reports, 1):
        res = r.result
        counts = [r.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        rules = " ".join(sorted({f.rule for f in res.findings}))
        out.append(f'<tr data-key="{esc(r.name)} {esc(res.path)} {rules}"'
                   f'{" class=unread" if res.error and not res.findings else ""}>'
                   f'<td data-v="{i}">{i}</td>'
                   f'<td data-v="{esc(r.name)}"><a href="#r{i}">{esc(r.name)}</a>'
                   f'<div class="path">{esc(res.path)}</div></td>'
                   f'<td data-v="{res.report_year or 0}">{res.report_year or "—"}</td>'
                   f'<td data-v="{esc(r.format_name)}">{esc(r.format_name)}</td>')
        for sev, n in zip(("error", "warning", "info"), counts):
            out.append(f'<td data-v="{n}" class="n{" sev-" + sev if n else ""}">{n}</td>')
        for key in keys:
            state, why = part_state(res, key, review.rules)
            if not state:
                out.append('<td data-v="-1">—</td>')
            elif state == "有":
                out.append('<td data-v="1" class="yes" title="有">✓</td>')
            elif state == "不全":
                out.append(f'<td data-v="0.5" class="part" title="不全：{esc(why)}">△</td>')
            else:
                out.append('<td data-v="0" class="no" title="缺少">✗</td>')
        share = _share(r)
        out.append(f'<td data-v="{share if share is not None else -1}">'
                   f'{f"{share:.0%}" if share is not None else "—"}</td>'
                   f'<td data-v="{esc(res.error or "")}">{esc(_state(res))}</td></tr>')
    out.append("</tbody></table>")
    out.append(_top_rules(review))
    out.append("</section>")
    return "\n".join(out)


def _state(result) -> str:
    if result.error and not result.findings:
        return f"无法读取：{result.error}"
    return f"注意：{result.error}" if result.error else ""


def _top_rules(review: Review, limit: int = 15) -> str:
    """Which rules fired in how many reports: what to tell all the townships at once."""
    reach: dict[str, int] = {}
    for r in review.reports:
        for rule in {f.rule for f in r.result.findings}:
            reach[rule] = reach.get(rule, 0) + 1
    if not reach:
        return ""
    by_id = {rule.id: rule for rule in review.rules}
    out = [('<h2>最常见的问题</h2><table class="top"><thead><tr><th>规则</th><th>说明</th>'
            '<th>报告数</th></tr></thead><tbody>')]
    for rule_id, n in sorted(reach.items(), key=lambda x: (-x[1], x[0]))[:limit]:
        rule = by_id.get(rule_id)
        text = (rule.title or rule.name) if rule else ""
        out.append(f'<tr><td><a href="#rule-{esc(rule_id)}">{esc(rule_id)}</a></td>'
                   f'<td>{esc(text)}</td><td>{n}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


def _spans(report: Report) -> tuple[dict, dict]:
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


def render_report(report: Report, anchor: str, links: dict[str, str] | None = None,
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
    share = _share(report)
    facts += [f"与其他报告重复的文字约占{share:.0%}"] if share else []
    out = [f'<h1>{esc(report.name)}</h1><p class="facts">{esc("；".join(facts))}</p>',
           f'<p class="counts">{counts}</p>']
    if res.error:
        out.append(f'<p class="error">{esc(_state(res))}</p>')
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


def _rows(out: list, report: Report, anchor: str, links: dict, rule_href: str, indices,
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
                   f'<div class="cat">{esc(CATEGORY_ZH.get(f.category, f.category))}</div></td>'
                   f'<td><div class="msg">{esc(f.message)}</div>{excerpt}{fix}'
                   f'<div class="src">依据：{esc(f.source)}</div>{related}</td></tr>')


def _related(x, path: str, anchor: str, links: dict) -> str:
    target = anchor if x.path == path else links.get(x.path)
    where = ("本报告" if x.path == path else x.path) + f"第{x.line}行"
    label = esc(where + (f"（{x.note}）" if x.note else ""))
    if target:
        return f'<div class="rel">另见：<a href="#{target}-L{x.line}">{label}</a></div>'
    return f'<div class="rel">另见：{label}</div>'


def _text(report: Report, anchor: str) -> str:
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


def glossary(review: Review) -> str:
    """Every rule that fired: what it checks, why, and which regulation requires it."""
    fired = {f.rule for f in review.findings}
    out = [('<section class="view" id="rules"><h1>规则说明</h1><p>以下是本次审阅中报出问题的规则。'
            '</p><dl class="rules">')]
    for rule in sorted(review.rules, key=lambda r: r.id):
        if rule.id not in fired:
            continue
        out.append(f'<dt id="rule-{esc(rule.id)}">{esc(rule.id)} {esc(rule.title or rule.name)}'
                   f'<span class="sev-{rule.severity.label}">{rule.severity.zh}</span></dt>'
                   f'<dd><p>{esc(rule.rationale)}</p><p class="src">依据：{esc(rule.source)}</p></dd>')
    out.append("</dl></section>")
    return "\n".join(out)


def render(review: Review, title: str | None = None) -> str:
    """The whole review as one HTML file."""
    title = title or f"{review.checklist.title}审阅"
    links = {r.path: f"r{i}" for i, r in enumerate(review.reports, 1)}
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    nav = (f'<nav class="bar"><a href="#overview">总览</a><a href="#rules">规则说明</a>'
           f'<span>lintreport 生成于 {stamp}</span></nav>')
    body = [nav, overview(review)]
    for i, report in enumerate(review.reports, 1):
        body.append(f'<section class="view report" id="r{i}"><p><a href="#overview">← 返回总览</a>'
                    f'</p>{render_report(report, f"r{i}", links)}</section>')
    body.append(glossary(review))
    return document("\n".join(body), title)
