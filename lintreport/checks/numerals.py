"""How numbers are written (GB/T 15835): years in full (2024年, not 24年), digits half-width
(2025, not ２０２５)."""
from __future__ import annotations

import re

from ..hanzi import fold
from . import check
from .punctuation import fix_at

# The lookbehind (no digit, dot or slash before the two digits) stands after them so that
# the pattern starts with a character class, which the regex engine scans for quickly.
SHORT_YEAR = re.compile(r"(\d\d)(?<![\d０-９.．/\-'’]\d\d)年(?=\d{1,2}月|度|底|初|末|[上下]半年|第[一二三四]季度)")
# [０-９][０-９]*, not [０-９]+: a pattern that opens with a plain class is scanned for quickly
WIDE_DIGITS = re.compile(r"[０-９][０-９]*(?:[．.][０-９]+)*")


@check("abbreviated-year",
       doc="年份简写为两位数（“24年3月”“23年度”）：按 GB/T 15835，年份应写全（“2024年3月”）。")
def abbreviated_year(doc, rule, ctx):
    """A year written with two digits (“24年3月”, “23年度”): GB/T 15835 wants it in full."""
    for line in doc.lines:
        for m in SHORT_YEAR.finditer(line.text):
            yy = int(m.group(1))
            full = f"{2000 + yy if yy < 50 else 1900 + yy}年"
            yield doc.hit(line, m.start(), m.end(), args={"found": m.group(0), "full": full})


@check("fullwidth-digits",
       doc="用全角输入的数字（“２０２５”）：阿拉伯数字应使用半角（“2025”）。可用 `--fix` 改正。")
def fullwidth_digits(doc, rule, ctx):
    """Digits typed full-width (２０２５): Arabic numerals are written half-width."""
    for line in doc.lines:
        for m in WIDE_DIGITS.finditer(line.text):
            good = fold(m.group(0))
            yield doc.hit(line, m.start(), m.end(), args={"found": m.group(0), "good": good},
                          fix=fix_at(line, m.start(), m.end(), good))
