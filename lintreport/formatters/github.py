"""GitHub Actions workflow commands (::error file=…::) and a Markdown step summary."""
from __future__ import annotations

from ..finding import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format(result) -> str:
    lines = []
    titles = {r.id: r.title for r in result.rules if r.title}
    for f in result.findings:
        props = [f"file={_prop(f.path)}", f"line={f.line}", f"endLine={f.end_line}",
                 f"col={f.column}"]
        if f.end_column and f.end_line == f.line:
            props.append(f"endColumn={f.end_column}")
        props.append(f"title={_prop(f'{f.rule} ' + titles.get(f.rule, f.category))}")
        lines.append(f"::{COMMANDS[f.severity]} {','.join(props)}::"
                     f"{_data(f.message + '（依据：' + f.source + '）')}")
    for r in result.files:
        if r.error:
            lines.append(f"::error file={_prop(r.path)}::{_data(r.error)}")
    return "\n".join(lines) + ("\n" if lines else "")


def summary(result, limit: int = 1024 * 1024 - 4096) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: GitHub shows only a few annotations per step."""
    counts = {s: 0 for s in Severity}
    for f in result.findings:
        counts[f.severity] += 1
    out = ["## lintreport 检查结果", "",
           f"共{len(result.files)}份报告：错误{counts[Severity.ERROR]}处，"
           f"警告{counts[Severity.WARNING]}处，提示{counts[Severity.INFO]}处。", "",
           "| 报告 | 年度 | 错误 | 警告 | 提示 |", "|---|---|---|---|---|"]
    for r in result.files:
        c = {s: sum(1 for f in r.findings if f.severity == s) for s in Severity}
        state = f"无法读取：{r.error}" if r.error and not r.findings else r.report_year or ""
        out.append(f"| `{r.path}` | {state} | {c[Severity.ERROR]} | {c[Severity.WARNING]} | "
                   f"{c[Severity.INFO]} |")
    titles = {r.id: r.title for r in result.rules if r.title}
    for r in result.files:
        if not r.findings:
            continue
        out += ["", f"<details><summary>{r.path}（{len(r.findings)}处）</summary>", "",
                "| 行 | 级别 | 规则 | 说明 |", "|---|---|---|---|"]
        for f in r.findings:
            msg = f.message.replace("|", "\\|")
            out.append(f"| {f.line} | {f.severity.zh} | {f.rule} {titles.get(f.rule, '')} | {msg} |")
        out += ["", "</details>"]
    text = "\n".join(out) + "\n"
    if len(text.encode("utf-8")) > limit:
        text = text.encode("utf-8")[:limit].decode("utf-8", "ignore") + "\n\n（内容过长，已截断）\n"
    return text
