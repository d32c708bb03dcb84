"""The human format: findings grouped by file, with line, severity, rule and excerpt."""
from __future__ import annotations

from ..finding import Severity

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format(result, colour: bool = False) -> str:
    def style(text, **kw):
        if not colour:
            return text
        import click
        return click.style(text, **kw)

    # which settings applied: a configuration found upward can switch checks off
    out = [f"配置文件：{result.config}"] if getattr(result, "config", None) else []
    totals = {s: 0 for s in Severity}
    for r in result.files:
        year = f"（{r.report_year}年度）" if r.report_year else ""
        # the reason itself goes to stderr, once (the command prints it); here only the fact
        if r.error and not r.findings:
            out.append(style(r.path, bold=True) + "  无法检查（原因见错误输出）")
            continue
        out.append(style(r.path, bold=True) + year)
        if r.error:
            out.append(f"  {style('注意', fg='red')}：部分检查没有完成（原因见错误输出）")
        for f in r.findings:
            totals[f.severity] += 1
            where = f"{f.line}:{f.column}"
            excerpt = f"  「{f.excerpt}」" if f.excerpt else ""
            related = "".join(f"（另见{_short(x.path, r.path)}第{x.line}行）" for x in f.related[:2])
            out.append(f"  {where:>8}  {style(f.severity.zh, fg=COLOURS[f.severity])}  "
                       f"{f.rule}  {f.message}{related}{excerpt}")
        if not r.findings:
            out.append("  未发现问题")
        share = r.figures.copied_share
        if share:
            out.append(f"  与其他报告重复的文字约占{share:.0%}")
    checked = sum(1 for r in result.files if not (r.error and not r.findings))
    failed = len(result.files) - checked
    summary = (f"共检查{checked}份报告：错误{totals[Severity.ERROR]}处，"
               f"警告{totals[Severity.WARNING]}处，提示{totals[Severity.INFO]}处")
    if failed:
        summary += f"；{failed}个文件无法读取"
    out.append(summary)
    return "\n".join(out) + "\n"


def _short(path: str, this: str) -> str:
    return "" if path == this else path + " "
