"""A clean Word file of a report read from text, Markdown, a web page or a PDF, so that its
findings can be given as comments too: the title centred, headings as Word headings (so
Word's navigation pane lists them), the issuer and date right-aligned, every other line a
body paragraph with a two-character first-line indent, in the fonts of GB/T 9704-2012.

Each paragraph is one run of the line's own text, without its indent (and without Markdown
heading marks); `Place.shift` records what was left out so columns still map.
"""
from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ..switches import strip as strip_switches
from ..hanzi import SPACES
from .comments import Place, xml_safe

MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
SIZE = Pt(16)                    # 三号
TITLE_SIZE = Pt(22)              # 二号
# style → (East Asian font, bold): GB/T 9704-2012 7.3 and the usual heading fonts
FONTS = {"Normal": ("仿宋_GB2312", False), "Heading 1": ("黑体", False),
         "Heading 2": ("楷体_GB2312", False), "Heading 3": ("仿宋_GB2312", True),
         "Heading 4": ("仿宋_GB2312", False)}


def _font(style_or_run, east_asian: str, size, bold: bool) -> None:
    font = style_or_run.font
    font.size, font.bold = size, bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)     # a theme font would win over ours


def _styles(document) -> None:
    for name, (east_asian, bold) in FONTS.items():
        style = document.styles[name]
        _font(style, east_asian, SIZE, bold)
        if name != "Normal":
            style.font.italic = False
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.space_after = Pt(0)
            style.paragraph_format.first_line_indent = Pt(32)
    document.styles["Normal"].paragraph_format.line_spacing = Pt(28)


def _kept(text: str, markdown: bool) -> tuple[int, str]:
    """(characters left out at the start, the text kept) of one line."""
    lead = MARKDOWN_HEADING.match(text) if markdown else None
    start = lead.end() if lead else 0
    body = text[start:]
    stripped = body.lstrip(SPACES)
    return start + len(body) - len(stripped), stripped.rstrip(SPACES)


def build(result):
    """(python-docx Document, {line number: Place}) for a report's record: its lines laid
    out by the roles its outline gives them (title, headings, closing, body)."""
    import docx
    document = docx.Document()
    _styles(document)
    outline = result.outline
    title = set(outline.title)
    levels = {line: min(max(level, 1), 4) for line, level in outline.headings}
    right = set(outline.closing)
    flush = {outline.addressee} if outline.addressee is not None else set()
    markdown = result.kind == "markdown"
    places = {}
    for n, line_text, _, _ in result.lines:
        if any(a <= n <= b for a, b in result.skipped):
            continue        # web page furniture is no part of the report
        # the report's own text, as the checks saw it: inline switches are not report text
        shift, text = _kept(strip_switches(line_text), markdown)
        if not text:
            continue
        p = document.add_paragraph(style=f"Heading {levels[n]}" if n in levels else None)
        run = p.add_run(xml_safe(text))
        if n in title:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, "方正小标宋简体", TITLE_SIZE, False)
        elif n in right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif n not in levels and n not in flush:
            p.paragraph_format.first_line_indent = Pt(32)
        places[n] = Place(p._p, shift, len(text))
    return document, places
