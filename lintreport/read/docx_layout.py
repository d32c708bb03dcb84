"""The layout a .docx carries (page, margins, page numbers, fonts, indents, line spacing),
read from its XML for the GB/T 9704 layout checks.

Paragraphs are keyed by the number the docx reader gave their Line, so a check can go from
the parsed Document (title, headings, body, closing) to the paragraph's formatting. Nothing
here runs unless a layout rule asks for it.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from lxml import etree

from .docx_styles import W, Styles, first_attr

# the runs whose text python-docx's Paragraph.text joins, in order (compiled once)
RUNS = etree.XPath("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r",
                   namespaces={"w": W[1:-1]})

HAN = re.compile(r"[\u3400-\u9fff]")
SINGLE = 1.3        # a CJK font's single line height, as a multiple of its size (approximate)


@dataclass(frozen=True)
class Span:
    """A run's share of a paragraph's text: [start, end) in the reader's text."""
    start: int
    end: int
    font: str
    size: float
    han: int
    theme: str = ""             # minor or major: the font is the theme's (正文 or 标题) font


@dataclass
class Para:
    number: int
    text: str
    in_table: bool
    align: str                  # left, center, right, both, distribute (start/end mapped)
    first_line: float           # first-line indent in characters (negative: hanging)
    left: float                 # left indent in characters
    right: float                # right indent in characters
    line_pt: float | None       # line pitch in points, None when unknown
    line_rule: str              # exact, atLeast, auto, grid
    spans: list[Span] = field(default_factory=list)
    aligned: bool = True        # spans' offsets agree with the reader's text

    def spans_in(self, start: int, end: int, prefix: int = 0) -> list[Span]:
        """Spans that overlap [start, end) of the Line text (which has `prefix` made-up
        characters in front); all spans when offsets could not be matched."""
        if not self.aligned:
            return self.spans
        a, b = start - prefix, end - prefix
        return [s for s in self.spans if s.end > a and s.start < b]


@dataclass
class Page:
    section: int
    width: float                # mm
    height: float
    top: float
    bottom: float
    left: float                 # 订口 side (gutter included)
    right: float
    mirror: bool = False


@dataclass
class PageNumber:
    place: str                  # footer, header or "" (none found)
    text: str = ""              # e.g. "— 1 —", the field's cached result included
    font: str = ""
    size: float = 0.0
    odd: str = ""               # right, left, center, outside, inside or ""
    even: str = ""              # "" when odd and even pages share one footer
    even_odd: bool = False


@dataclass
class Layout:
    pages: list[Page]
    page_number: PageNumber
    paras: dict[int, Para]


def mm(twips) -> float:
    return round(int(twips) / 56.6929, 1) if twips not in (None, "") else 0.0


def _twips(value) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def _align(value: str) -> str:
    return {"start": "left", "end": "right", "": "left"}.get(value, value)


def _indent(levels, side: str, size: float) -> float:
    """An indent in characters of `size` points; the *Chars attribute wins over twips."""
    for el in levels:
        ind = el.find(W + "ind")
        if ind is None:
            continue
        names = {"firstLine": ("firstLineChars", "firstLine"),
                 "hanging": ("hangingChars", "hanging"),
                 "left": ("leftChars", "left", "startChars", "start"),
                 "right": ("rightChars", "right", "endChars", "end")}[side]
        for name in names:
            value = ind.get(W + name)
            if value is not None and (not name.endswith("Chars") or _twips(value)):
                return _twips(value) / 100 if name.endswith("Chars") else _twips(value) / 20 / size
    return 0.0


def _line(levels, size: float, grid: float | None) -> tuple[float | None, str]:
    rule = first_attr(levels, "spacing", "lineRule") or "auto"
    line = first_attr(levels, "spacing", "line")
    snap = first_attr(levels, "snapToGrid", "val") not in ("0", "false", "off")
    if rule in ("exact", "atLeast") and line:
        pitch = _twips(line) / 20
        return (max(pitch, grid) if rule == "atLeast" and grid and snap else pitch), rule
    multiple = _twips(line) / 240 if line else 1.0
    natural = multiple * size * SINGLE
    if grid and snap:   # Word sets a gridded line on a whole number of grid pitches
        return grid * max(1, math.ceil(natural / grid - 0.05)), "grid"
    return round(natural, 1), "auto"


def _spans(styles: Styles, p) -> tuple[list[Span], str]:
    spans, text = [], ""
    for r in RUNS(p):
        t = r.text.replace("\u000b", "")       # python-docx's CT_R.text, as the reader has it
        if not t:
            continue
        levels = styles.run_levels(r, p)
        font, how = styles.font(levels)
        spans.append(Span(len(text), len(text) + len(t), font, styles.size(levels),
                          len(HAN.findall(t)), how[:5] if how.startswith(("minor", "major")) else ""))
        text += t
    return spans, text


def paragraph(styles: Styles, number: int, p, reader_text: str, prefix: int,
              grid: float | None) -> Para:
    """The formatting of one w:p, its spans matched against the reader's text."""
    spans, text = _spans(styles, p)
    plevels = styles.para_levels(p)
    weights = {}
    for s in spans:
        weights[s.size] = weights.get(s.size, 0) + max(s.han, 1)
    size = max(weights, key=weights.get) if weights else styles.size(
        styles.run_levels(p.makeelement(W + "r"), p))
    line_pt, rule = _line(plevels, size, grid)
    return Para(number, text, any(True for _ in p.iterancestors(W + "tc")),
                _align(first_attr(plevels, "jc", "val")),
                _indent(plevels, "firstLine", size) - _indent(plevels, "hanging", size),
                _indent(plevels, "left", size), _indent(plevels, "right", size),
                line_pt, rule, spans, aligned=(text == reader_text[prefix:]))


def pages(document) -> list[Page]:
    settings = document.settings.element
    mirror = settings.find(W + "mirrorMargins") is not None
    out = []
    for i, sect in enumerate(document.sections, 1):
        sp = sect._sectPr
        size, mar = sp.find(W + "pgSz"), sp.find(W + "pgMar")
        size = size if size is not None else sp.makeelement(W + "pgSz")
        mar = mar if mar is not None else sp.makeelement(W + "pgMar")
        gutter = mm(mar.get(W + "gutter"))
        out.append(Page(i, mm(size.get(W + "w") or 12240), mm(size.get(W + "h") or 15840),
                        abs(mm(mar.get(W + "top"))), abs(mm(mar.get(W + "bottom"))),
                        mm(mar.get(W + "left")) + gutter, mm(mar.get(W + "right")), mirror))
    return out


def grid_pitch(document) -> float | None:
    """The document grid's line pitch in points, when the grid governs lines."""
    sp = document.sections[-1]._sectPr if len(document.sections) else None
    grid = sp.find(W + "docGrid") if sp is not None else None
    if grid is None or grid.get(W + "type") not in ("lines", "linesAndChars", "snapToChars"):
        return None
    return _twips(grid.get(W + "linePitch")) / 20 or None


def extract(source, paragraphs: dict | None = None) -> Layout:
    """The layout of a docx Source: its paragraphs keyed by Line number.

    `paragraphs` maps Line numbers to w:p elements (the reader keeps them in
    `source.meta`); without it the file is opened again and walked in the reader's order.
    """
    from .docx_pagenum import page_number
    paragraphs = paragraphs if paragraphs is not None else source.meta.get("docx_paragraphs")
    document = source.meta.get("docx")
    if paragraphs is None or document is None:
        import docx
        from .docx import body_elements
        document = docx.Document(source.path)
        paragraphs = dict(enumerate(body_elements(document), 1))
    styles = Styles(document)
    grid = grid_pitch(document)
    paras = {}
    for line in source.lines:
        p = paragraphs.get(line.number)
        if p is not None:
            paras[line.number] = paragraph(styles, line.number, p, line.text, line.prefix, grid)
    return Layout(pages(document), page_number(document, styles), paras)
