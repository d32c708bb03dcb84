"""The reviewer's spreadsheet: one row per report (报告总览) and one row per finding (问题明细)
so a batch can be filtered and sorted across reports. CSV is UTF-8 with BOM, so Excel and WPS
open the Chinese correctly (the findings go to a second file, NAME_问题明细.csv); .xlsx holds
both as sheets, through openpyxl."""
from __future__ import annotations

import csv
import os
from collections import Counter

from ..errors import LintreportError
from ..data import categories
from ..finding import Severity
from ..model import part_keys, part_label
from . import Review
from .page import part_state

FINDINGS_HEADER = ["序号", "报告", "地方", "文件", "行", "规则", "规则名称", "类别", "级别", "问题",
                   "原文", "依据"]


def _rules_cell(findings, titles: dict) -> str:
    """缺少标题（M001）；书名号或引号间多用顿号（P008）7处: what a reader can act on."""
    counts = Counter(f.rule for f in findings)
    return "；".join(f"{titles.get(rule, rule)}（{rule}）" + (f"{n}处" if n > 1 else "")
                    for rule, n in sorted(counts.items()))


def rows(review: Review) -> list[list]:
    """A header row, then one row per report."""
    keys = part_keys(review.checklist.parts)
    titles = {r.id: r.title or r.name for r in review.rules}
    header = ["序号", "报告", "文件", "格式", "标题", "报告年度", "发布日期", "错误", "警告", "提示"]
    header += [part_label(review.checklist.parts[k]) for k in keys]
    header += ["重复占比", "问题", "无法读取或注意"]
    out = [header]
    for i, r in enumerate(review.reports, 1):
        res = r.result
        share = res.stats.get("copied_share")
        out.append([i, r.name, res.path, r.format_name, res.title, res.report_year or "",
                    r.published.isoformat() if r.published else "",
                    r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO)]
                   + [part_state(res, k, review.rules)[0] for k in keys]
                   + [round(share, 3) if isinstance(share, (int, float)) else "",
                      _rules_cell(res.findings, titles), res.error or ""])
    return out


def finding_rows(review: Review) -> list[list]:
    """A header row, then one row per finding of every report, in reading order."""
    titles = {r.id: r.title or r.name for r in review.rules}
    out = [FINDINGS_HEADER]
    for i, r in enumerate(review.reports, 1):
        for f in r.result.findings:
            out.append([i, os.path.basename(r.path), r.place, r.path, f.line, f.rule, titles.get(f.rule, ""),
                        categories().get(f.category, f.category), f.severity.zh, f.message,
                        f.excerpt, f.source])
    return out


# A cell that starts with one of these is a formula to Excel and WPS (a report named
# "=HYPERLINK(…).txt", a title starting with "-"): written as text, never evaluated.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(value):
    """A CSV cell that a spreadsheet will not take for a formula: a leading apostrophe, as
    OWASP advises for CSV injection (Excel hides it and shows the text)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def findings_csv_path(path: str) -> str:
    stem, ext = os.path.splitext(path)
    return f"{stem}_问题明细{ext or '.csv'}"


def write_csv(review: Review, path: str) -> list[str]:
    """The report table at path and the findings beside it; returns both paths."""
    second = findings_csv_path(path)
    for target, table in ((path, rows(review)), (second, finding_rows(review))):
        with open(target, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows([as_text(v) for v in row] for row in table)
    return [path, second]


def _sheet(book, title: str, table: list[list], widths: dict, freeze: str, first: bool):
    from openpyxl.styles import Font
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    for row in table:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:           # a string cell stays a string, whatever it starts with
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = sheet.dimensions
    for col, name in enumerate(table[0], 1):
        sheet.column_dimensions[sheet.cell(1, col).column_letter].width = widths.get(name, 9)
    return sheet


def write_xlsx(review: Review, path: str) -> None:
    """Both tables as sheets with a bold, frozen, filterable header."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise LintreportError("写入 .xlsx 需要 openpyxl：pip install openpyxl，或改用 --csv") from None
    book = Workbook()
    table = rows(review)
    sheet = _sheet(book, "报告总览", table, {"报告": 16, "文件": 36, "标题": 36, "问题": 60,
                                         "无法读取或注意": 40}, "C2", True)
    share = table[0].index("重复占比") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=share, max_col=share):
        cell.number_format = "0%"
    _sheet(book, "问题明细", finding_rows(review), {"报告": 16, "地方": 12, "文件": 30, "行": 6,
                                               "规则": 8, "规则名称": 22, "问题": 70, "原文": 40,
                                               "依据": 50}, "A2", False)
    book.save(path)
