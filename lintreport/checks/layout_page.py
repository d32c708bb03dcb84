"""Layout of the page in a .docx (GB/T 9704-2012 5.1, 5.2.1, 7.5): paper size, margins and
版心, page numbers. One finding per report for each kind of deviation; none for inputs that
carry no layout (text, web pages, PDFs)."""
from __future__ import annotations

from ..layout import family_of, layout_of, size_zh
from . import Option, check

DASHES = {"-": "连字符“-”", "－": "全角连字符“－”", "–": "短横“–”", "―": "横线“―”", "─": "制表线“─”"}
SIDE_ZH = {"right": "居右", "left": "居左", "center": "居中", "both": "两端对齐",
           "outside": "外侧", "inside": "内侧", "none": "无页码", "distribute": "分散对齐"}


def _anchor(doc):
    return (doc.title or doc.lines or [None])[0]


def _whole(doc, args):
    line = _anchor(doc)
    return doc.hit(line, 0, 0, args=args, excerpt="") if line is not None else None


def _sections(pages) -> str:
    return "" if len(pages) < 2 else f"（共{len(pages)}节，第{'、'.join(str(p.section) for p in pages[:5])}节）"


@check("page-size",
       doc="仅检查 .docx：各节的纸张应为A4（210毫米×297毫米）；为宽表格设的横向A4节也可以。"
           "文本、网页和PDF没有版式信息，所有“仅检查 .docx”的检查类型都不检查它们。",
       width=Option((int, float), 210, doc="纸张宽度，单位毫米（A4为210毫米）"),
       height=Option((int, float), 297, doc="纸张高度，单位毫米（A4为297毫米）"),
       tolerance=Option((int, float), 1, doc="允许的误差，单位毫米（多或少这么多都算对）"))
def page_size(doc, rule, ctx):
    """Every section is on A4 paper (a landscape A4 section for a wide table is fine)."""
    layout = layout_of(doc)
    if layout is None:
        return
    o = rule.options
    want = sorted((o["width"], o["height"]))
    bad = [p for p in layout.pages
           if any(abs(a - b) > o["tolerance"] for a, b in zip(sorted((p.width, p.height)), want))]
    if bad:
        first = bad[0]
        hit = _whole(doc, {"found": f"{first.width:g}毫米×{first.height:g}毫米{_sections(bad)}",
                           "want": f"{o['width']:g}毫米×{o['height']:g}毫米"})
        if hit:
            yield hit


@check("page-margins",
       doc="仅检查 .docx：天头（上边距）37毫米，订口（左边距，对称页边距时为内侧边距）28毫米，"
           "版心156毫米×225毫米，即A4纸上右边距26毫米、下边距35毫米。为宽表格设的横向节不检查。",
       top=Option((int, float), 37, doc="天头（上边距），单位毫米"),
       left=Option((int, float), 28, doc="订口（装订一侧的边距），单位毫米"),
       width=Option((int, float), 156, doc="版心宽度，单位毫米"),
       height=Option((int, float), 225, doc="版心高度，单位毫米"),
       tolerance=Option((int, float), 1, doc="允许的误差，单位毫米（多或少这么多都算对）"))
def page_margins(doc, rule, ctx):
    """天头 37 mm, 订口 28 mm and a 版心 of 156 × 225 mm (so right 26 mm, bottom 35 mm on A4)."""
    layout = layout_of(doc)
    if layout is None:
        return
    o, tol = rule.options, rule.options["tolerance"]
    problems, bad = [], []
    for p in layout.pages:
        if p.width > p.height:      # a landscape section for a wide table keeps its own margins
            continue
        found = []
        if abs(p.top - o["top"]) > tol:
            found.append(f"天头（上边距）{p.top:g}毫米，应为{o['top']:g}±{tol:g}毫米")
        if abs(p.left - o["left"]) > tol:
            found.append(f"订口（{'内侧' if p.mirror else '左'}边距）{p.left:g}毫米，"
                         f"应为{o['left']:g}±{tol:g}毫米")
        w, h = round(p.width - p.left - p.right, 1), round(p.height - p.top - p.bottom, 1)
        if abs(w - o["width"]) > tol or abs(h - o["height"]) > tol:
            found.append(f"版心{w:g}毫米×{h:g}毫米，应为{o['width']:g}毫米×{o['height']:g}毫米"
                         f"（右边距{p.right:g}毫米、下边距{p.bottom:g}毫米）")
        if found:
            bad.append(p)
            problems = problems or found
    if problems:
        hit = _whole(doc, {"found": "；".join(problems) + _sections(bad)})
        if hit:
            yield hit


@check("page-number",
       doc="仅检查 .docx：页脚中应有页码域，打印出来的各页才有页码；页码放在页眉中的也报出。")
def page_number_present(doc, rule, ctx):
    """The footer carries a PAGE field, so that printed pages are numbered."""
    layout = layout_of(doc)
    if layout is None or layout.page_number.place == "footer":
        return
    where = "页眉中有页码，但页码应在页脚" if layout.page_number.place == "header" else "页脚中没有页码域"
    hit = _whole(doc, {"found": where})
    if hit:
        yield hit


@check("page-number-format",
       doc="仅检查 .docx：页码应写作“— 1 —”（数字左右各一条一字线），用4号宋体，单页码居右、"
           "双页码居左（设置“奇偶页不同”）。版心下边缘之下7毫米和左右各空一字的位置不检查。",
       family=Option(str, "宋体", doc="页码的字体（等同字体见 `rules/data/fonts.yaml`）"),
       size=Option((int, float), 14, doc="页码的字号，单位磅（4号为14磅）"))
def page_number_format(doc, rule, ctx):
    """A page number reads “— 1 —” (一字线 each side) in 4号 宋体, right on odd pages and left
    on even pages. The 7 mm below the 版心 and the one-character inset are not checked."""
    layout = layout_of(doc)
    if layout is None or layout.page_number.place != "footer":
        return
    pn, o, found = layout.page_number, rule.options, []
    text = pn.text.replace(" ", "").replace("\u3000", "")
    if not (text.startswith("—") and text.endswith("—")):
        used = [name for mark, name in DASHES.items() if mark in text]
        found.append(f"页码写作“{pn.text}”，{'用了' + '、'.join(used) if used else '两侧没有一字线'}"
                     f"，应为“— 1 —”（左右各一条一字线）")
    if family_of(pn.font) != o["family"]:
        found.append(f"页码字体为{pn.font or '未指定的字体'}，应为{o['family']}")
    if abs(pn.size - o["size"]) > 0.25:
        found.append(f"页码字号为{size_zh(pn.size)}，应为{size_zh(o['size'])}")
    if pn.odd != "outside":
        if not pn.even_odd:
            found.append(f"奇偶页页码位置相同（{SIDE_ZH.get(pn.odd, pn.odd)}），"
                         "应单页码居右、双页码居左（设置“奇偶页不同”）")
        elif pn.odd != "right" or pn.even != "left":
            found.append(f"单页码{SIDE_ZH.get(pn.odd, pn.odd)}、双页码{SIDE_ZH.get(pn.even, pn.even)}，"
                         "应单页码居右、双页码居左")
    if found:
        hit = _whole(doc, {"found": "；".join(found)})
        if hit:
            yield hit
