"""Where a .docx puts its page numbers: the PAGE field in a footer (or, wrongly, a header),
the text around it, its font and size, and where it sits on odd and even pages."""
from __future__ import annotations

import re

from .docx_layout import PageNumber
from .docx_styles import W, Styles, first_attr

PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
SIDES = {"start": "left", "end": "right"}


def _field_paragraph(part):
    """The w:p of the first PAGE field in a header or footer part, or None."""
    if part is None:
        return None
    for el in part.iter(W + "fldSimple", W + "instrText"):
        code = el.get(W + "instr") if el.tag == W + "fldSimple" else (el.text or "")
        if PAGE_FIELD.search(code.upper()):
            p = next(el.iterancestors(W + "p"), None)
            if p is not None:
                return p
    return None


def _text(p) -> str:
    """What the paragraph shows: its text with the field codes left out."""
    out = []
    for el in p.iter(W + "t", W + "tab"):
        out.append("\t" if el.tag == W + "tab" else el.text or "")
    return "".join(out)


def _where(styles: Styles, p) -> str:
    """Which side the number sits: a frame's or a text box's alignment, else the paragraph's."""
    frame = first_attr(styles.para_levels(p), "framePr", "xAlign")
    if frame:
        return SIDES.get(frame, frame)
    anchor = next(p.iterancestors(WP + "anchor"), None)
    if anchor is not None:
        align = anchor.find(f"{WP}positionH/{WP}align")
        if align is not None and align.text:
            return SIDES.get(align.text, align.text)
    jc = first_attr(styles.para_levels(p), "jc", "val") or "left"
    return SIDES.get(jc, jc)


def _part(header_footer):
    if header_footer is None or not header_footer._has_definition:
        return None
    return header_footer._element


def page_number(document, styles: Styles) -> PageNumber:
    """The page number of the report's first section with one."""
    settings = document.settings.element
    even_odd = settings.find(W + "evenAndOddHeaders") is not None
    for place in ("footer", "header"):
        for section in document.sections:
            odd = _part(getattr(section, place))
            p = _field_paragraph(odd)
            if p is None:
                continue
            digits = [r for r in p.iter(W + "r") if re.search(r"\d", "".join(
                t.text or "" for t in r.iter(W + "t")))] or list(p.iter(W + "r"))
            levels = styles.run_levels(digits[0], p) if digits else styles.para_levels(p)
            font = styles.font(levels, "ascii")[0] or styles.font(levels)[0]
            even = ""
            if even_odd:
                ep = _field_paragraph(_part(getattr(section, f"even_page_{place}")))
                even = _where(styles, ep) if ep is not None else "none"
            return PageNumber(place, _text(p).strip(), font, styles.size(levels),
                              _where(styles, p), even, even_odd)
    return PageNumber("")
