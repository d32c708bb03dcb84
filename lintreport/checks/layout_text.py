"""Layout of the text in a .docx (GB/T 9704-2012 5.2.2, 5.2.3, 7.3): fonts and sizes of the
title, headings and body, the first-line indent, line spacing and the closing. Which
paragraph is the title, a heading or body text comes from the parsed Document; each kind of
deviation is one finding per report, with the count and the first paragraphs."""
from __future__ import annotations

import re
from collections import Counter

from ..layout import (LEVEL_ZH, describe, family_of, layout_of, pieces, places, size_zh,
                      standard_name)
from . import Option, check

# a date written at least partly in Chinese numerals, 〇 mixed in included (2〇25年)
LOOSE_DATE = re.compile(r"[\d〇零○Ｏ一二三四五六七八九]{4}年[\d一二三四五六七八九十]{1,3}月"
                        r"[\d一二三四五六七八九十]{1,3}日")
CN_NUMERAL = re.compile(r"[〇零○Ｏ一二三四五六七八九十]")
ALIGN_ZH = {"left": "左对齐", "both": "两端对齐", "center": "居中", "distribute": "分散对齐",
            "right": "右对齐"}


def _hit(doc, bad, found: str, **args):
    """One finding for all the pieces in `bad`, anchored at the first."""
    first = bad[0]
    return doc.hit(first.line, first.start, first.end, args={
        "count": len({p.line.number for p in bad}), "places": places(p.line for p in bad),
        "found": found, **args})


def _faces(bad) -> str:
    """The most common wrong faces, e.g. “5号（10.5磅）宋体（12段）”."""
    counts = Counter(p.face() for p in bad)
    if len(counts) == 1:
        return describe(next(iter(counts)))
    return "、".join(f"{describe(face)}（{n}段）" for face, n in counts.most_common(3))


def _wrong_face(piece, family: str, size: float) -> bool:
    face = piece.face()
    return face is not None and (family_of(face[0]) != family or abs(face[1] - size) > 0.25)


@check("title-format",
       doc="仅检查 .docx：标题应为2号小标宋体，居中。",
       family=Option(str, "小标宋", doc="标题的字体（等同字体见 `rules/data/fonts.yaml`）"),
       size=Option((int, float), 22, doc="标题的字号，单位磅（2号为22磅）"))
def title_format(doc, rule, ctx):
    """The title in 2号 小标宋, centred."""
    o = rule.options
    title = [p for p in pieces(doc) if p.role == "title"]
    found = []
    wrong = [p for p in title if _wrong_face(p, o["family"], o["size"])]
    if wrong:
        found.append(f"字体字号为{_faces(wrong)}，应为{size_zh(o['size'])}{o['family']}"
                     f"（{standard_name(o['family'])}）")
    off = [p for p in title if p.para.align != "center"]
    if off:
        found.append(f"{ALIGN_ZH.get(off[0].para.align, off[0].para.align)}，应居中")
    if found:
        yield _hit(doc, wrong or off, "；".join(found))


@check("body-font",
       doc="仅检查 .docx：正文和主送机关应为3号仿宋体（仿宋_GB2312或其等同字体）。"
           "不合的段落合报一条，写明段数和前几处。",
       family=Option(str, "仿宋", doc="正文的字体（等同字体见 `rules/data/fonts.yaml`）"),
       size=Option((int, float), 16, doc="正文的字号，单位磅（3号为16磅）"))
def body_font(doc, rule, ctx):
    """Body text and the addressee (主送机关) in 3号 仿宋 (仿宋_GB2312 or an equivalent)."""
    o = rule.options
    bad = [p for p in pieces(doc) if p.role in ("body", "addressee")
           and _wrong_face(p, o["family"], o["size"])]
    if bad:
        yield _hit(doc, bad, _faces(bad), want=f"{size_zh(o['size'])}{o['family']}")


@check("heading-font",
       doc="仅检查 .docx：结构层次标题的字体字号：一级标题黑体，二级标题楷体，三级、"
           "四级标题仿宋，都用3号字。",
       families=Option(dict, {"1": "黑体", "2": "楷体", "3": "仿宋", "4": "仿宋"}, item=str,
                       doc="各级标题的字体：键为标题层级（'1'～'4'），值为字体名称；"
                           "没有列出的层级不检查"),
       size=Option((int, float), 16, doc="各级标题的字号，单位磅（3号为16磅）"))
def heading_font(doc, rule, ctx):
    """Headings: 一级 黑体, 二级 楷体, 三级 and 四级 仿宋, all 3号."""
    o = rule.options
    heads = [p for p in pieces(doc) if p.role == "heading"]
    found, bad = [], []
    for level in sorted({p.level for p in heads}):
        family = o["families"].get(str(level))
        if not family:
            continue
        wrong = [p for p in heads if p.level == level and _wrong_face(p, family, o["size"])]
        if wrong:
            bad += wrong
            found.append(f"{LEVEL_ZH[level]}标题{len(wrong)}处为{_faces(wrong)}，"
                         f"应为{size_zh(o['size'])}{family}（{places(p.line for p in wrong)}）")
    if bad:
        yield _hit(doc, bad, "；".join(found))


@check("first-line-indent",
       doc="仅检查 .docx：正文每个自然段首行左空二字，用首行缩进或两个全角空格都可以；"
           "紧接在同一行标题之后的文字不检查。",
       chars=Option((int, float), 2, doc="首行缩进的字数"),
       tolerance=Option((int, float), 0.3, doc="允许的误差，单位为字（多或少这么多都算对）"))
def first_line_indent(doc, rule, ctx):
    """Each body paragraph starts two characters in (左空二字), by indent or by two 全角 spaces."""
    o = rule.options
    bad, all_pieces = [], pieces(doc)
    heads = {p.line.number for p in all_pieces if p.role == "heading"}
    for p in all_pieces:
        if p.role != "body" or p.line.number in heads or p.face() is None:
            continue            # run-in text after a heading starts mid-line
        indent = p.para.first_line + p.para.left + _lead(p.line.text)
        if abs(indent - o["chars"]) > o["tolerance"]:
            bad.append((p, indent))
    if bad:
        counts = Counter(round(i, 1) for _, i in bad)
        found = "、".join(f"{i:g}字（{n}段）" for i, n in counts.most_common(3))
        yield _hit(doc, [p for p, _ in bad], found, want=f"{o['chars']:g}")


def _lead(text: str) -> float:
    """Leading spaces in characters: a 全角 space is one, a half-width space half of one."""
    spaces = text[:len(text) - len(text.lstrip(" \u3000\u00a0"))]
    return spaces.count("\u3000") + (len(spaces) - spaces.count("\u3000")) / 2


@check("line-spacing",
       doc="仅检查 .docx：正文行距约28～29磅，A4版心（高225毫米）每面才能排22行。",
       min=Option((int, float), 27.5, doc="最小行距，单位磅"),
       max=Option((int, float), 30, doc="最大行距，单位磅"))
def line_spacing(doc, rule, ctx):
    """Body lines about 28–29 points apart, so that a page holds 22 lines of the 225 mm 版心."""
    o = rule.options
    bad = [p for p in pieces(doc) if p.role == "body" and p.face() is not None
           and p.para.line_pt is not None and not o["min"] <= p.para.line_pt <= o["max"]]
    if bad:
        rules = {"exact": "固定值", "atLeast": "最小值", "auto": "多倍行距，约", "grid": "按网格，约"}
        counts = Counter((p.para.line_rule, p.para.line_pt) for p in bad)
        page = next((p for p in layout_of(doc).pages if p.height >= p.width), None)
        height = (page.height - page.top - page.bottom if page else 225) * 72 / 25.4  # 版心, pt
        found = "、".join(f"{rules.get(r, '')}{pt:g}磅（每面约{int(height // pt)}行，{n}段）"
                          for (r, pt), n in counts.most_common(3))
        yield _hit(doc, bad, found, want=f"{o['min']:g}–{o['max']:g}")


@check("font-equivalent",
       doc="仅检查 .docx：说明用了哪些等同字体代替标准字体（如用“仿宋”代替“仿宋_GB2312”）。"
           "用等同字体不算错，只以提示说明用的是哪一种；标准字体及其等同字体见 "
           "`rules/data/fonts.yaml`。")
def font_equivalent(doc, rule, ctx):
    """Which documented equivalents stand in for the standard fonts (仿宋 for 仿宋_GB2312…)."""
    used = {}
    for p in pieces(doc):
        face = p.face()
        family = family_of(face[0]) if face else None
        if family and face[0] != standard_name(family):
            used.setdefault((face[0], family), []).append(p)
    if used:
        found = "、".join(f"{font}（代替{standard_name(family)}，{len(ps)}段）"
                          for (font, family), ps in list(used.items())[:4])
        yield _hit(doc, [p for ps in used.values() for p in ps], found)


@check("closing-layout",
       doc="仅检查 .docx：落款（发文机关署名）和成文日期应居右编排（右对齐、居中，"
           "或左缩进足够多），不应靠左。",
       indent=Option((int, float), 8, doc="左缩进达到这么多字，就算居右编排"))
def closing_layout(doc, rule, ctx):
    """The issuer and the date sit to the right (right-aligned or indented), not at the left."""
    closing = [p for p in pieces(doc) if p.role in ("issuer", "date")]
    bad = [p for p in closing if p.para.align not in ("right", "center")
           and p.para.left + p.para.first_line + _lead(p.line.text) < rule.options["indent"]]
    if bad:
        yield _hit(doc, bad, ALIGN_ZH.get(bad[0].para.align, bad[0].para.align))


@check("date-numerals",
       doc="仅检查 .docx：成文日期应用阿拉伯数字（“2025年3月20日”），"
           "不用汉字数字（“二〇二五年三月二十日”），也不混入“〇”（“2〇25年”）。")
def date_numerals(doc, rule, ctx):
    """The date in Arabic numerals (2025年3月20日), not 二〇二五年三月二十日 nor a 〇 mixed in."""
    if layout_of(doc) is None:
        return
    # the parsed date line; a mixed date (2〇25年) is not one, so look at the last lines too
    last = [line for line in doc.lines if line.text.strip()][-2:]
    for line in ([doc.date_line] if doc.date_line is not None else []) + last[::-1]:
        m = LOOSE_DATE.search(line.text)
        if m and len(line.text.strip()) <= 40:
            if CN_NUMERAL.search(m.group(0)):
                yield doc.hit(line, m.start(), m.end(), args={
                    "found": m.group(0), "good": _arabic(m.group(0))})
            return


def _arabic(date: str) -> str:
    """二〇二六年一月十五日 → 2026年1月15日 (a mixed 2〇26年 too)."""
    from ..hanzi import CN_DIGITS, ordinal
    year, rest = date.split("年", 1)
    month, day = rest.rstrip("日").split("月")
    year = "".join(str(CN_DIGITS.get(c, c)) if not c.isdigit() else c
                   for c in year.replace("○", "〇").replace("Ｏ", "〇"))
    return f"{year}年{ordinal(month) or month}月{ordinal(day) or day}日"
