"""The reviewer's HTML: one self-contained file (styles and script inline, no network) with
an overview of all reports, one page per report with its findings marked in the text, and
the rules that fired. One report's page is `html.report.render_report()`, which
`lintreport serve` draws too.
"""
from __future__ import annotations

import datetime

from ..data import load_data
from ..finding import Severity
from ..html import asset, esc
from ..html.report import copied_share, render_report, state_note  # noqa: F401 - API here
from ..model import part_keys, part_label
from . import Review


def __getattr__(name: str):
    # PART_LABELS: the old name of the shipped parts' labels (serve/work.py still reads it)
    if name == "PART_LABELS":
        return {k: v["label"] for k, v in load_data("parts")["parts"].items() if v.get("label")}
    raise AttributeError(name)


def document(body: str, title: str) -> str:
    """A whole HTML page around `body`, with the review's styles and script inline."""
    # the generator mark (engine.OUTPUT_MARK) keeps a second review from reading this page
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="generator" content="lintreport">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{esc(title)}</title><style>{asset("review.css")}</style>'
            f'<noscript><style>.view{{display:block!important}}</style></noscript>'
            f'</head><body>\n{body}\n<script>{asset("review.js")}</script></body></html>\n')


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


def overview(review: Review) -> str:
    """The sortable table of all reports, with totals and the rules that fired most."""
    keys = part_keys(review.checklist.parts)
    totals = {s: sum(r.count(s) for r in review.reports) for s in Severity}
    unread = len(review.errors)
    out = [f'<section class="view" id="overview"><h1>{esc(review.checklist.title)}审阅</h1>',
           (f'<p class="totals">共{len(review.reports)}份报告'
            f'{f"，其中{unread}份无法读取" if unread else ""}：'
            f'<span class="sev-error">错误{totals[Severity.ERROR]}</span>、'
            f'<span class="sev-warning">警告{totals[Severity.WARNING]}</span>、'
            f'<span class="sev-info">提示{totals[Severity.INFO]}</span>。'
            f'点击表头排序，点击报告名称查看全文和问题。</p>'),
           '<p><input type="search" id="filter" placeholder="筛选：地方、文件名或规则编号"></p>',
           ('<table class="overview"><thead><tr><th data-sort="num">序号</th>'
            '<th data-sort="text">报告</th><th data-sort="num">年度</th><th data-sort="text">格式</th>'
            '<th data-sort="num">错误</th><th data-sort="num">警告</th><th data-sort="num">提示</th>')]
    for key in keys:
        part = review.checklist.parts[key]
        out.append(f'<th data-sort="num" title="{esc(part.name)}">{esc(part.label or part.name[:6])}</th>')
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
        share = copied_share(r)
        out.append(f'<td data-v="{share if share is not None else -1}">'
                   f'{f"{share:.0%}" if share is not None else "—"}</td>'
                   f'<td data-v="{esc(res.error or "")}">{esc(state_note(res))}</td></tr>')
    out.append("</tbody></table>")
    out.append(_top_rules(review))
    out.append("</section>")
    return "\n".join(out)


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
                   f'<dd><p>{esc(rule.rationale)}</p>'
                   + (f'<p class="fix">怎样改：{esc(rule.fix)}</p>' if rule.fix else "")
                   + f'<p class="src">依据：{esc(rule.source)}</p></dd>')
    out.append("</dl></section>")
    return "\n".join(out)


def render(review: Review, title: str | None = None) -> str:
    """The whole review as one HTML file."""
    title = title or f"{review.checklist.title}审阅"
    links = {r.path: f"r{i}" for i, r in enumerate(review.reports, 1)}
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    nav = (f'<nav class="bar"><a href="#overview">总览</a><a href="#rules">规则说明</a>'
           f'<span>lintreport 生成于{stamp}</span></nav>')
    body = [nav, overview(review)]
    for i, report in enumerate(review.reports, 1):
        body.append(f'<section class="view report" id="r{i}"><p><a href="#overview">← 返回总览</a>'
                    f'</p>{render_report(report, f"r{i}", links)}</section>')
    body.append(glossary(review))
    return document("\n".join(body), title)
