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
       family=Option(str, "小标宋", doc="font family (rules/data/fonts.yaml)"),
       size=Option((int, float), 22, doc="size in points (2号 = 22)"))
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
       family=Option(str, "仿宋", doc="font family of body text"),
       size=Option((int, float), 16, doc="size in points (3号 = 16)"))
def body_font(doc, rule, ctx):
    """Body text and the addressee (主送机关) in 3号 仿宋 (仿宋_GB2312 or an equivalent)."""
    o = rule.options
    bad = [p for p in pieces(doc) if p.role in ("body", "addressee")
           and _wrong_face(p, o["family"], o["size"])]
    if bad:
        yield _hit(doc, bad, _faces(bad), want=f"{size_zh(o['size'])}{o['family']}")


@check("heading-font",
       families=Option(dict, {"1": "黑体", "2": "楷体", "3": "仿宋", "4": "仿宋"}, item=str,
                       doc="font family of each heading level (1–4)"),
       size=Option((int, float), 16, doc="size in points of every heading level"))
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
       chars=Option((int, float), 2, doc="first-line indent in characters"),
       tolerance=Option((int, float), 0.3, doc="characters either way"))
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
       min=Option((int, float), 27.5, doc="smallest line pitch in points"),
       max=Option((int, float), 30, doc="largest line pitch in points"))
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


@check("font-equivalent")
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
       indent=Option((int, float), 8, doc="left indent in characters that counts as set right"))
def closing_layout(doc, rule, ctx):
    """The issuer and the date sit to the right (right-aligned or indented), not at the left."""
    closing = [p for p in pieces(doc) if p.role in ("issuer", "date")]
    bad = [p for p in closing if p.para.align not in ("right", "center")
           and p.para.left + p.para.first_line + _lead(p.line.text) < rule.options["indent"]]
    if bad:
        yield _hit(doc, bad, ALIGN_ZH.get(bad[0].para.align, bad[0].para.align))


@check("date-numerals")
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
