"""Word's automatic list numbering (一、 (一) 1. …), which Word draws but does not store in
the paragraph's text: counted here the way Word shows it, so that the reader can put the
numbers back in front of the text (Line.prefix counts them)."""
from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "零一二三四五六七八九"


def chinese_count(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一: Word's chineseCounting list format."""
    if n <= 0:
        return str(n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    return str(n)


def format_number(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt in ("ideographDigital", "japaneseCounting", "taiwaneseCounting"):
        return chinese_count(n)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Counts Word's automatic list numbers the way Word shows them."""

    def __init__(self, document):
        self.levels = {}      # numId → {ilvl: (start, numFmt, lvlText)}
        self.counters = {}    # numId → {ilvl: current}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for an in root.iter(W + "abstractNum"):
            lv = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                start = lvl.find(W + "start")
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                lv[ilvl] = (int(start.get(W + "val")) if start is not None else 1,
                            fmt.get(W + "val") if fmt is not None else "decimal",
                            text.get(W + "val") if text is not None else f"%{ilvl + 1}.")
            abstract[an.get(W + "abstractNumId")] = lv
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.levels[num.get(W + "numId")] = abstract.get(ref.get(W + "val"), {})

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def value(m):
            k = int(m.group(1)) - 1
            start, fmt, _ = levels.get(k, (1, "decimal", ""))
            return format_number(counters.get(k, start), fmt)
        return re.sub(r"%(\d)", value, levels[ilvl][2])


def num_props(p, style=None):
    """(numId, ilvl) from the paragraph element or its style's element, or None."""
    for el in (p.find(W + "pPr"), style):
        ppr = el if el is None or el.tag == W + "pPr" else el.find(W + "pPr")
        if ppr is None:
            continue
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            nid, lvl = numpr.find(W + "numId"), numpr.find(W + "ilvl")
            if nid is not None and nid.get(W + "val") != "0":
                return nid.get(W + "val"), int(lvl.get(W + "val")) if lvl is not None else 0
    return None
