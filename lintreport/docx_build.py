"""Build a .docx from a small description, for the layout rules' examples and tests.

    build({"page": {"top": 25.4}, "body": {"font": "宋体", "size": 10.5}}, path)

With an empty description the result is laid out per GB/T 9704-2012: A4, 37/28 mm margins
and a 156 × 225 mm 版心, “— 1 —” page numbers in 4号 宋体 (odd right, even left), a 2号
方正小标宋简体 centred title, 3号 黑体/楷体_GB2312/仿宋_GB2312 headings, 3号 仿宋_GB2312 body
indented two characters with 28 pt lines, and the closing set right. Every key overrides one
of these. Roles (title, h1–h4, body, issuer, date) come from lintreport's own parse of the
text, which is what the checks use. `via: direct` puts a role's formatting on the paragraph
and its runs instead of in its style.
"""
from __future__ import annotations

import copy

from lintreport.document import parse
from lintreport.read import Line, Source

TEXT = """那吾镇2025年法治政府建设工作报告
县委、县政府：
2025年，那吾镇坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下。
一、主要举措和成效
（一）加强组织领导
1.健全工作机制
镇党委召开专题会议研究法治建设工作3次。
（1）落实学法制度
全年组织集中学法12次，参学干部310人次。
二、存在的不足和原因
部分干部运用法治思维解决问题的能力有待提高。
三、下一年度工作安排
持续推进严格规范公正文明执法。
那吾镇人民政府
2026年1月15日"""

ROLES = {
    "title": {"font": "方正小标宋简体", "size": 22, "align": "center"},
    "h1": {"font": "黑体", "size": 16, "indent": 2, "line": 28},
    "h2": {"font": "楷体_GB2312", "size": 16, "indent": 2, "line": 28},
    "h3": {"font": "仿宋_GB2312", "size": 16, "indent": 2, "line": 28},
    "h4": {"font": "仿宋_GB2312", "size": 16, "indent": 2, "line": 28},
    "body": {"font": "仿宋_GB2312", "size": 16, "indent": 2, "line": 28},
    "addressee": {"font": "仿宋_GB2312", "size": 16, "line": 28},
    "issuer": {"font": "仿宋_GB2312", "size": 16, "align": "right", "right": 4, "line": 28},
    "date": {"font": "仿宋_GB2312", "size": 16, "align": "right", "right": 4, "line": 28},
}
PAGE = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER = {"text": "— {PAGE} —", "font": "宋体", "size": 14, "odd": "right", "even": "left",
          "place": "footer"}
ALIGN = {"center": "center", "right": "right", "left": "left", "both": "both"}


def roles(text: str) -> tuple[dict[int, str], dict[int, int]]:
    """Line number → role, and line number → where a run-in heading ends, from
    lintreport's parse of the text."""
    doc = parse(Source("<build>", [Line(t, i) for i, t in enumerate(text.splitlines(), 1)]))
    out = {}
    for line in doc.lines:
        out[line.number] = "body"
    for line in doc.title:
        out[line.number] = "title"
    if doc.addressee is not None:
        out[doc.addressee.number] = "addressee"
    run_in = {}
    for h in doc.headings:
        out[h.line.number] = f"h{min(h.form or h.level, 4)}"
        if h.run_in:
            run_in[h.line.number] = h.title_end
    for name in ("issuer", "date_line"):
        line = getattr(doc, name)
        if line is not None:
            out[line.number] = name.replace("_line", "")
    return out, run_in


def _fonts(rpr, font: str, size):
    from docx.oxml.ns import qn
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(slot), font)
    if size:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = rpr.makeelement(qn(tag), {})
                rpr.append(el)
            el.set(qn("w:val"), str(int(size * 2)))


def _paragraph_format(fmt, spec):
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt
    if "align" in spec:
        fmt.alignment = {"center": 1, "right": 2, "left": 0, "both": 3}[spec["align"]]
    if spec.get("indent") is not None:
        fmt.first_line_indent = Pt(spec["indent"] * spec.get("size", 16))
    if spec.get("right"):
        fmt.right_indent = Pt(spec["right"] * spec.get("size", 16))
    if spec.get("line"):
        fmt.line_spacing = Pt(spec["line"])
        fmt.line_spacing_rule = {"exact": WD_LINE_SPACING.EXACTLY,
                                 "atLeast": WD_LINE_SPACING.AT_LEAST}[spec.get("rule", "exact")]


def _field(paragraph, code: str):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {code} </w:instrText>'))
    paragraph.add_run()._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run("1")
    paragraph.add_run()._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def _page_number(part, spec, side):
    p = part.paragraphs[0] if part.paragraphs else part.add_paragraph()
    before, _, after = spec["text"].partition("{PAGE}")
    if before:
        p.add_run(before)
    if "{PAGE}" in spec["text"]:
        _field(p, "PAGE")
    if after:
        p.add_run(after)
    for run in p.runs:
        _fonts(run._r.get_or_add_rPr(), spec["font"], spec["size"])
    if side in ("outside", "inside"):   # a frame Word moves to the outer (inner) edge
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls
        p._p.get_or_add_pPr().insert(0, parse_xml(
            f'<w:framePr {nsdecls("w")} w:wrap="around" w:vAnchor="text" w:hAnchor="margin" '
            f'w:xAlign="{side}" w:y="1"/>'))
    else:
        p.paragraph_format.alignment = {"right": 2, "left": 0, "center": 1}[side]


def build(spec: dict, path) -> str:
    """Write the described .docx to path and return the path as a string."""
    import docx
    from docx.shared import Mm
    spec = copy.deepcopy(spec or {})
    text = spec.get("text", TEXT).strip("\n")
    document = docx.Document()
    section = document.sections[0]
    page = {**PAGE, **spec.get("page", {})}
    section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
    section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
    section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
    if spec.get("grid", 28.95):
        grid = section._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docGrid")
        if grid is None:
            grid = section._sectPr.makeelement(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docGrid", {})
            section._sectPr.append(grid)
        from docx.oxml.ns import qn
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(int(spec.get("grid", 28.95) * 20)))
    if spec.get("footer", {}) is not None:
        footer = {**FOOTER, **spec.get("footer", {})}
        even_odd = footer["even"] is not None
        document.settings.odd_and_even_pages_header_footer = even_odd
        place = footer["place"]
        _page_number(getattr(section, place), footer, footer["odd"])
        if even_odd:
            _page_number(getattr(section, f"even_page_{place}"), footer, footer["even"])
    styles = {}
    for role, base in ROLES.items():
        style_spec = {**base, **spec.get(role, {})}
        if style_spec.get("via") == "direct":
            styles[role] = (None, style_spec)
            continue
        style = document.styles.add_style(f"公文{role}", 1)
        _fonts(style.element.get_or_add_rPr(), style_spec["font"], style_spec["size"])
        _paragraph_format(style.paragraph_format, style_spec)
        styles[role] = (style, style_spec)
    by_line, run_in = roles(text)
    for number, line in enumerate(text.splitlines(), 1):
        role = by_line.get(number, "body")
        style, style_spec = styles["body" if number in run_in else role]
        if style_spec.get("indent"):    # the style indents: spaces typed for it go
            line = line.lstrip(" \t\u3000\u00a0")
        p = document.add_paragraph(style=style)
        cut = run_in.get(number, 0) - (len(text.splitlines()[number - 1]) - len(line))
        if cut > 0:     # a run-in heading: its words in the heading's font, the rest as body
            head = p.add_run(line[:cut])
            _fonts(head._r.get_or_add_rPr(), styles[role][1]["font"], styles[role][1]["size"])
            line = line[cut:]
        run = p.add_run(line)
        if style is None:
            _fonts(run._r.get_or_add_rPr(), style_spec["font"], style_spec["size"])
            _paragraph_format(p.paragraph_format, style_spec)
    document.save(str(path))
    return str(path)
