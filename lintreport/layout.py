"""The parsed report seen as laid out in Word: which docx paragraph is the title, a heading of
which level, body text or the closing, with its formatting; and the words for sizes, fonts
and places that the layout findings use.

Only .docx reports carry layout; for every other input `layout_of` is None, so the layout
checks never fire on text, web pages or PDFs.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .data import load_data

if TYPE_CHECKING:   # lxml and the docx layout reader load only when a .docx is checked
    from .read.docx_layout import Layout, Para, Span

# 中文字号 (GB/T 9704 names sizes this way) → points
SIZES = {"初号": 42, "小初": 36, "1号": 26, "小1号": 24, "2号": 22, "小2号": 18, "3号": 16,
         "小3号": 15, "4号": 14, "小4号": 12, "5号": 10.5, "小5号": 9}
LEVEL_ZH = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


def layout_of(doc) -> Layout | None:
    """The docx layout of a parsed report, read once per report; None for other inputs."""
    if doc.source.kind != "docx":
        return None
    if doc.analysis.layout is None:
        from .read.docx_layout import extract
        doc.analysis.layout = extract(doc.source)
    return doc.analysis.layout


def size_zh(points: float) -> str:
    """16 → 3号（16磅）, 11 → 11磅."""
    for name, value in SIZES.items():
        if abs(points - value) < 0.05:
            return f"{name}（{points:g}磅）"
    return f"{points:g}磅"


def families() -> dict[str, list[str]]:
    return load_data("fonts")


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def family_of(font: str) -> str | None:
    """The 公文 font family (仿宋, 黑体, …) a font name belongs to, or None."""
    key = _key(font)
    for family, names in families().items():
        if any(_key(n) == key for n in names):
            return family
    return None


def standard_name(family: str) -> str:
    return families()[family][0]


@dataclass(frozen=True)
class Piece:
    """A stretch of one docx paragraph that plays one role (title, heading, body, closing)."""
    role: str           # title, addressee, heading, body, issuer, date
    line: object        # the document's Line
    para: Para
    start: int
    end: int
    level: int = 0      # heading level (1–4)

    def spans(self) -> list[Span]:
        return [s for s in self.para.spans_in(self.start, self.end, self.line.prefix)
                if s.end > s.start]

    def face(self) -> tuple[str, float, str] | None:
        """(East-Asian font, size, from the theme) of most of its Chinese characters."""
        weights = Counter()
        for s in self.spans():
            weights[(s.font, s.size, s.theme)] += s.han
        if not weights or not sum(weights.values()):
            return None
        return weights.most_common(1)[0][0]


def pieces(doc) -> list[Piece]:
    """The report's title, headings, body paragraphs and closing as docx paragraphs
    (table cells left out: tables have their own house style)."""
    layout = layout_of(doc)
    if layout is None:
        return []
    if doc.analysis.layout_pieces is not None:
        return doc.analysis.layout_pieces
    out = []

    def add(role, line, start, end, level=0):
        para = layout.paras.get(line.number)
        if para is not None and not para.in_table:
            out.append(Piece(role, line, para, start, end, level))

    for line in doc.title:
        add("title", line, 0, len(line.text))
    if doc.addressee is not None:
        add("addressee", doc.addressee, 0, len(doc.addressee.text))
    for h in doc.headings:
        add("heading", h.line, h.start, h.title_end, min(h.form or h.level, 4))
    for p in doc.paragraphs:
        add("body", p.line, p.start, len(p.line.text))
    if doc.issuer is not None:
        add("issuer", doc.issuer, 0, len(doc.issuer.text))
    if doc.date_line is not None and doc.date_line is not doc.issuer:
        add("date", doc.date_line, 0, len(doc.date_line.text))
    doc.analysis.layout_pieces = out
    return out


def places(lines, most: int = 5) -> str:
    """第3、5、8段等: the first few paragraphs a finding is about."""
    numbers = list(dict.fromkeys(line.number for line in lines))
    shown = "、".join(str(n) for n in numbers[:most])
    return f"第{shown}段" + ("等" if len(numbers) > most else "")


def describe(face) -> str:
    font, size, theme = face      # the way the standard says it: 3号仿宋
    name = font or "未指定的字体"
    theme = {"minor": "（主题字体“+中文正文”）", "major": "（主题字体“+中文标题”）"}.get(theme, "")
    return f"{size_zh(size)}{name}{theme}"
