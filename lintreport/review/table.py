"""One row per report for the reviewer's spreadsheet: CSV (UTF-8 with BOM, so Excel and WPS
open the Chinese correctly) or .xlsx through openpyxl."""
from __future__ import annotations

import csv
from collections import Counter

from ..errors import LintreportError
from ..finding import Severity
from . import Review
from .page import PART_LABELS, part_keys


def rows(review: Review) -> list[list]:
    """A header row, then one row per report."""
    keys = part_keys(review.checklist.parts)
    header = ["序号", "报告", "文件", "格式", "标题", "报告年度", "发布日期", "错误", "警告", "提示"]
    header += [PART_LABELS.get(k, review.checklist.parts[k].name) for k in keys]
    header += ["重复占比", "规则", "无法读取或注意"]
    out = [header]
    for i, r in enumerate(review.reports, 1):
        res = r.result
        unread = bool(res.error and not res.parts)
        rules = Counter(f.rule for f in res.findings)
        share = res.stats.get("copied_share")
        out.append([i, r.name, res.path, r.kind, res.title, res.report_year or "",
                    r.published.isoformat() if r.published else "",
                    r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO)]
                   + ["" if unread else ("有" if res.parts.get(k) else "缺") for k in keys]
                   + [round(share, 3) if isinstance(share, (int, float)) else "",
                      " ".join(f"{rule}×{n}" for rule, n in sorted(rules.items())),
                      res.error or ""])
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


def write_csv(review: Review, path: str) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([as_text(v) for v in row] for row in rows(review))


def write_xlsx(review: Review, path: str) -> None:
    """The same rows as a worksheet with a bold, frozen, filterable header."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError:
        raise LintreportError("写入 .xlsx 需要 openpyxl：pip install openpyxl，或改用 --csv") from None
    table = rows(review)
    book = Workbook()
    sheet = book.active
    sheet.title = "报告总览"
    for row in table:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:           # a string cell stays a string, whatever it starts with
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    share = table[0].index("重复占比") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=share, max_col=share):
        cell.number_format = "0%"
    widths = {"报告": 16, "文件": 36, "标题": 36, "规则": 30, "无法读取或注意": 40}
    for col, name in enumerate(table[0], 1):
        sheet.column_dimensions[sheet.cell(1, col).column_letter].width = widths.get(name, 9)
    book.save(path)
