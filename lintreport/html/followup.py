"""The review page's table of last year's plan followed up (F001, --previous): each planned
item of last year's report and where this year's report tells what became of it."""
from __future__ import annotations

import os

from . import esc


def followup_table(stats: dict, anchor: str) -> str:
    """HTML for a report's follow-up table, from its stats; "" when it was not checked."""
    data = stats.get("followup")
    if not isinstance(data, dict):
        return ""
    out = ['<h2>去年安排的落实情况</h2>']
    if not data.get("previous"):
        out.append('<p class="note">所给的上一年度报告中没有本单位上一年度的报告（按单位名称和年度配对），'
                   '未作比对。</p>')
        return "\n".join(out)
    year = f"{data['year']}年度" if data.get("year") else "上一年度"
    rows = data.get("rows") or []
    missing = sum(1 for row in rows if row[2] is None)
    out.append(f'<p class="note">{esc(year)}报告：{esc(os.path.basename(data["previous"]))}，'
               f'共安排 {len(rows)} 项工作，{missing} 项在本年度报告中未见落实情况。'
               f'比对按文字进行，请审阅人核实。</p>')
    if not rows:
        return "\n".join(out)
    out.append('<table class="followup"><thead><tr><th>去年的安排</th><th>本年度报告中的落实情况</th>'
               '</tr></thead><tbody>')
    for plan_line, plan, line, excerpt, _score in rows:
        where = (f'<a href="#{anchor}-L{line}">第{line}行</a>：{esc(excerpt)}' if line is not None
                 else '<span class="none">未见落实情况</span>')
        out.append(f'<tr><td><span class="path">第{plan_line}行</span> {esc(plan)}</td>'
                   f'<td>{where}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)
