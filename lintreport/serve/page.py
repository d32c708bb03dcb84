"""The drafter's page: the upload form, and one report's result drawn by the review page's
`html.report.render_report()` (findings grouped by required part, each marked in the text).

Styles and scripts are the review page's files plus two small ones of our own, served by
this server itself: the page loads nothing from anywhere else.
"""
from __future__ import annotations

from importlib import resources

from ..html import esc
from ..html.report import render_report
from ..read import kinds
from .work import CHECKLISTS, Checked

TITLE = "法治政府建设年度报告自查"


def asset(name: str) -> bytes:
    """A static file: ours (serve.css, serve.js) or the shared ones (review.css, review.js)."""
    package = "lintreport.html" if name.startswith("review.") else __package__
    return resources.files(package).joinpath(name).read_bytes()


def shell(result: str = "", message: str = "", checklist: str = "township",
          max_bytes: int = 20 * 1024 * 1024, local: bool = True) -> str:
    """The whole page: the form, a message (an error) and a result, when there is one."""
    radios = "".join(
        f'<label><input type="radio" name="checklist" value="{key}"'
        f'{" checked" if key == checklist else ""}> {esc(label)}</label>'
        for key, (label, _) in CHECKLISTS.items())
    accept = ",".join(kinds())
    where = "这台电脑" if local else "运行本页面的电脑"
    mb = max_bytes // (1024 * 1024)
    return f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TITLE}</title>
<link rel="stylesheet" href="/static/review.css"><link rel="stylesheet" href="/static/serve.css">
</head><body>
<header class="bar"><a href="/">{TITLE}</a><span>lintreport · 在{where}上检查，文件不保存、不外传</span></header>
<main>
<form id="upload" method="post" action="/check" enctype="multipart/form-data" data-max="{max_bytes}">
<fieldset class="lists"><legend>报告类别</legend>{radios}</fieldset>
<label class="drop" id="drop">
<input type="file" name="file" id="file" accept="{accept}">
<span class="big">把报告文件拖到这里，或点击选择文件</span>
<span class="hint">支持 docx、txt、md、html、pdf，最大{mb} MB。旧版 doc、wps 请先另存为 docx。</span>
<span id="chosen"></span>
</label>
<label class="paste" for="text">或者把报告全文粘贴在这里（未选择文件时检查这里的文字）：</label>
<textarea name="text" id="text" rows="6" placeholder="××镇人民政府关于2025年度法治政府建设情况的报告……"></textarea>
<p class="buttons"><button type="submit" name="action" value="check" id="go">检查</button>
<button type="submit" name="action" value="fix" formaction="/fix" id="fix">下载自动修正稿</button>
<button type="submit" name="action" value="annotate" formaction="/annotate" id="annotate">下载带批注的 Word 副本</button>
<span class="hint">自动修正只改标点、空格等确定无误的问题，原文件不动。</span></p>
</form>
<p id="message" class="message" role="alert"{"" if message else " hidden"}>{esc(message)}</p>
<div id="result">{result}</div>
<p class="privacy">本页面由{where}上运行的 lintreport 提供。上传的文件只在内存和临时文件夹中处理，
检查完立即删除，不保存，也不发送到任何其他地方；页面不使用任何外部网站的资源。</p>
</main>
<script src="/static/review.js"></script><script src="/static/serve.js"></script>
</body></html>
'''


def result(checked: Checked) -> str:
    """One report's result: the four parts at a glance, the fixed copy, the findings grouped
    by part and marked in the text, and what each rule that fired asks for."""
    report = checked.report
    out = ['<section class="view shown report" id="res">',
           '<p class="banner">检查结果</p><p class="parts">四个必备部分：']
    for g, (_, label, present) in enumerate(checked.parts):
        mark, state = ("yes", "✓") if present else ("no", "✗ 缺少")
        out.append(f'<a class="{mark}" href="#res-g{g}">{state} {esc(label)}</a>')
    out.append("</p>")
    if checked.fixable:
        out.append(f'<p class="fixbar"><button type="submit" form="upload" '
                   f'formaction="/fix" name="action" value="fix">下载修正稿</button>'
                   f'可自动修正{checked.fixable}处（标有“修正”的问题）；其余问题请按说明修改。</p>')
    elif checked.fixes:
        out.append('<p class="fixbar">PDF 和网页不能自动修正：请按标有“修正”的说明在原稿中修改。</p>')
    out.append('<p class="copybar"><button type="submit" form="upload" formaction="/annotate" '
               'name="action" value="annotate">下载带批注的 Word 副本</button>'
               '每条问题是一条批注，标在问题所在的文字上，可在 Word、WPS 中逐条查看。</p>')
    out.append(render_report(report, "res", groups=checked.groups, fixes=checked.fixes))
    fired = {f.rule for f in report.result.findings}
    if fired:
        out.append('<h2>规则说明</h2><dl class="rules">')
        for rule in sorted(checked.rules, key=lambda r: r.id):
            if rule.id in fired:
                out.append(f'<dt id="rule-{esc(rule.id)}">{esc(rule.id)} {esc(rule.name)}'
                           f'<span class="sev-{rule.severity.label}">{rule.severity.zh}</span></dt>'
                           f'<dd><p>{esc(rule.rationale)}</p>'
                           f'<p class="src">依据：{esc(rule.source)}</p></dd>')
        out.append("</dl>")
    out.append("</section>")
    return "\n".join(out)
