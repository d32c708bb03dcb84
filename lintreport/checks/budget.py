"""The time budget of one report: a report that takes far longer to check than any real one
(a 100 KB paragraph, thousands of numbers) gets one finding saying so, and the batch goes on.

The engine looks at the clock between rules (engine.check_document) and stops running the
remaining rules once the budget is spent; it records what happened in `doc.analysis.over_budget`, and this
check turns the record into the finding. Each check is kept near-linear and the readers cap
paragraphs, pages and characters before any work, so no single rule runs long on its own.
"""
from __future__ import annotations

from ..read import Line
from . import Option, check

@check("time-budget",
       doc="一份报告检查用时超过上限时报一条：程序在两条规则之间看时钟，"
           "用完时限后其余规则不再运行，提示中写明用了多少秒、有几条规则没有运行。"
           "真正的报告远用不了这么久，超时的多是异常文件（超长段落、成千上万的数字或重复文字）；"
           "这一批的其他报告照常检查。",
       seconds=Option((int, float), doc="每份报告检查用时的上限（秒）；超过后其余规则不再运行"))
def time_budget(doc, rule, ctx):
    """One finding when the checks of a report ran over its time budget."""
    spent = doc.analysis.over_budget     # (seconds spent, rules not run)
    if spent is None:
        return
    seconds, skipped = spent
    first = doc.source.lines[0] if doc.source.lines else Line("", 1)
    rest = f"，其余 {skipped} 条规则未运行" if skipped else ""
    yield doc.hit(first, 0, 0, excerpt="", args={"spent": f"{seconds:.1f}", "limit": f"{rule.options['seconds']:g}",
                               "rest": rest})
