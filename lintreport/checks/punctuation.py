"""Punctuation and number style of official documents (GB/T 15834-2011 标点符号用法,
GB/T 15835-2011 出版物上数字用法): doubled marks, stray spaces, half-width marks in Chinese
text, 文号 brackets, unbalanced pairs, abbreviated years, full-width digits. A Fix is given
only where the right text is certain.
"""
from __future__ import annotations

import re

from ..document import lead_length
from ..finding import Fix
from ..fixers import fixer
from .. import hanzi as T
from ..hanzi import HAN
from ..trigger import lines_with
from . import check

FULL = "，。、；：！？“”‘’（）《》〈〉【】「」『』…—～·"
STOPS = "，。、；：！？”’）》〉】」』"          # no space may stand before these
TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FAMILIES = ("，,", "；;", "：:", "！!", "？?", "。", "、")
FAMILY_OF = {c: f for f in FAMILIES for c in f}
DOUBLED = re.compile("|".join(f"[{f}]{{2,}}" for f in FAMILIES))
# Two marks of any family side by side: what a line needs before DOUBLED can match. A regex
# that starts with a character class is found by a fast scan; DOUBLED, an alternation, is
# tried at every character (ten times slower), so it runs only on the few lines that pass.
ADJACENT = re.compile("[{0}][{0}]".format("".join(FAMILIES)))
SPACE = re.compile(r"[ \t\u3000\u00a0]+")
# 、 first, then what stands on either side: a literal start is what the engine scans for
TITLE_COMMA = re.compile(r"、(?:(?<=》、)(?=《)|(?<=”、)(?=“))")
OPEN = {"“": "“", "‘": "‘", "（": "（", "(": "（", "《": "《", "〈": "〈", "【": "【"}
CLOSE = {"”": "“", "’": "‘", "）": "（", ")": "（", "》": "《", "〉": "〈", "】": "【"}
PARTNER = {"“": "”", "‘": "’", "（": "）", "《": "》", "〈": "〉", "【": "】"}
HALF_ONLY = re.compile(r"[,;:?!()]")
PARENS = re.compile(r"[()（）]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff" + re.escape(FULL)     # cjk(): hanzi.HAN and FULL
# A half-width , ; : ? ! counted: not doubled (a neighbour of its family is another check's
# business), not in a URL (://), and Chinese on at least one side (then not both sides are
# letters or digits: a Chinese side is neither). In C, not a test per mark in Python.
HALF_PUNCT = re.compile("|".join(
    f"{re.escape(c)}(?<![{re.escape(f)}]{re.escape(c)})(?![{re.escape(f)}]|//)"
    f"(?:(?<=[{_CJK}]{re.escape(c)})|(?=[{_CJK}]))"
    for c, f in ((c, FAMILY_OF[c]) for c in ",;:?!")))


def cjk(ch: str) -> bool:
    """A Han character or a full-width mark: the company that makes text Chinese."""
    return bool(ch) and (HAN.match(ch) is not None or ch in FULL)


def word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def layout(doc) -> set[int]:
    """Lines whose spacing is layout (the title, the closing issuer and date)."""
    return {l.number for l in [*doc.title, doc.issuer, doc.date_line] if l is not None}


def fix_at(line, start: int, end: int, text: str) -> Fix:
    return Fix(line.number, start - line.prefix + 1, end - line.prefix + 1, text)


@check("doubled-punctuation",
       doc="同一个标点连用两次以上：“。。”“，，”“、、”。可用 `--fix` 改为一个。"
           "成串的问号是乱码，由 `mojibake` 报出。")
def doubled_punctuation(doc, rule, ctx):
    """The same mark twice or more in a row: “。。”, “，，”, “、、”."""
    for line in doc.lines:
        if ADJACENT.search(line.text) is None:
            continue
        for m in DOUBLED.finditer(line.text):
            run = m.group(0)
            if set(run) == {"?"}:
                continue            # “??” is mojibake, reported by hygiene
            t = line.text
            full = next((c for c in run if c in FULL), TO_FULL.get(run[0], run[0]))
            single = full if cjk(t[m.start() - 1:m.start()]) or cjk(t[m.end():m.end() + 1]) else run[0]
            yield doc.hit(line, m.start(), m.end(), args={"mark": run, "single": single},
                          fix=fix_at(line, m.start(), m.end(), single))


def stray_spaces(doc) -> list[tuple]:
    """(line, start, end) of every stray space run, with one character either side."""
    if doc.analysis.spaces is not None:
        return doc.analysis.spaces
    skip, places = layout(doc), []
    # the space after a heading's marker (第一部分 主要举措) is the marker's, which NB003 judges
    markers = {h.line.number: h.start + len(h.marker) for h in doc.headings}
    for line in doc.lines:
        t = line.text
        if line.number in skip or not (" " in t or "\u3000" in t or "\t" in t or "\u00a0" in t):
            continue
        end = len(t.rstrip(" \t\u3000\u00a0"))
        for m in SPACE.finditer(t, max(lead_length(t), markers.get(line.number, 0)), end):
            left, right = t[m.start() - 1], t[m.end()]
            if (cjk(left) and (cjk(right) or right.isdigit()) or left.isdigit() and cjk(right)
                    or right in STOPS):
                places.append((line, m.start(), m.end()))
    doc.analysis.spaces = places
    return places


@fixer("stray-space")
def stray_space_edits(doc, rule=None) -> list[Fix]:
    """The fixes of every space the stray-space finding counts: the space goes."""
    return [fix_at(line, a, b, "") for line, a, b in stray_spaces(doc)]


def where(lines) -> str:
    """第3行、第5行等: the first few lines of a report-wide finding, for its message."""
    text = "、".join(dict.fromkeys(f"第{line.number}行" for line in lines[:40]))
    return text if len(text) < 30 else text[:text.rfind("、", 0, 30)] + "等"


@check("stray-space",
       doc="中文之间、中文与数字之间或全角标点之前多余的空格（公文中的中文不加空格，"
           "如“2025 年”）：全文合报一条，写明处数和前几处；可用 `--fix` 全部删去。标题、"
           "落款和成文日期中的空格是排版，不报。")
def stray_space(doc, rule, ctx):
    """Spaces between Chinese characters, between Chinese and digits, or before a
    full-width mark (official documents do not space Chinese text: “2025 年”): one
    finding per report with the count and the first places; --fix removes them all."""
    places = stray_spaces(doc)
    if places:
        line, a, b = places[0]
        yield doc.hit(line, a - 1, b + 1, args={
            "count": len(places), "places": where([line for line, _, _ in places]),
            "around": line.text[a - 1] + "␣" + line.text[b]})


def halfwidth_places(doc) -> list[tuple]:
    """(line, offset) of every half-width , ; : ? ! ( ) used in Chinese text, once per report."""
    if doc.analysis.halfwidth is not None:
        return doc.analysis.halfwidth
    # only the lines with a half-width mark (one scan of the whole text); there , ; : ? !
    # by one regex (HALF_PUNCT), brackets with a stack
    places = []
    for n in lines_with(doc, HALF_ONLY):
        line = doc.lines[n]
        t = line.text
        marks = [m.start() for m in HALF_PUNCT.finditer(t)]
        if "(" in t or ")" in t:
            stack = []
            for m in PARENS.finditer(t):
                i, c = m.start(), m.group(0)
                if c in "(（":
                    stack.append(i)
                elif stack:
                    a = stack.pop()
                    if (t[a] == "(" or c == ")") and t[a - 1:a] != "]" and HAN.search(t, a, i):
                        marks += [j for j in (a, i) if t[j] in "()"]
        places += [(line, i) for i in sorted(marks)]
    doc.analysis.halfwidth = places
    return places


@fixer("halfwidth-punctuation")
def halfwidth_edits(doc, rule=None) -> list[Fix]:
    """The fixes of every half-width mark the halfwidth-punctuation finding counts."""
    return [fix_at(line, i, i + 1, TO_FULL[line.text[i]]) for line, i in halfwidth_places(doc)]


@check("halfwidth-punctuation",
       doc="中文里用了半角标点（`,` `;` `:` `?` `!` `(` `)`，多是从网页复制来的）："
           "全文合报一条，写明处数和前几处；可用 `--fix` 全部改为全角。")
def halfwidth_punctuation(doc, rule, ctx):
    """Half-width , ; : ? ! ( ) in Chinese text (copies from web pages): one finding per
    report with the count and the first places; --fix converts them all."""
    places = halfwidth_places(doc)
    if places:
        line, i = places[0]
        yield doc.hit(line, i, i + 1, args={"count": len(places),
                                            "places": where([line for line, _ in places]),
                                            "marks": "".join(sorted({l.text[j] for l, j in places}))})


def title_commas(doc) -> list[tuple]:
    """(line, offset) of every 顿号 between titles or quotations side by side."""
    if doc.analysis.title_commas is None:
        doc.analysis.title_commas = [(line, m.start()) for line in doc.lines if "、" in line.text
                                     for m in TITLE_COMMA.finditer(line.text)]
    return doc.analysis.title_commas


@fixer("title-comma")
def title_comma_edits(doc, rule=None) -> list[Fix]:
    """The fixes of every 顿号 the title-comma finding counts: the 顿号 goes."""
    return [fix_at(line, i, i + 1, "") for line, i in title_commas(doc)]


@check("title-comma",
       doc="并列的书名号或引号之间用了顿号（“《宪法》、《民法典》”）：按 GB/T 15834，"
           "标有书名号、引号的并列成分之间通常不用顿号。全文合报一条，写明处数和前几处；"
           "可用 `--fix` 全部删去。")
def title_comma(doc, rule, ctx):
    """A 顿号 between titles or quotations standing side by side (《宪法》、《民法典》): one
    finding per report with the count and the first places; --fix removes them all."""
    places = title_commas(doc)
    if places:
        line, i = places[0]
        yield doc.hit(line, i - 1, i + 2, args={
            "count": len(places), "places": where([line for line, _ in places]),
            "found": _titles_around(line.text, i)})


def _titles_around(t: str, i: int) -> str:
    """《宪法》、《民法典》: the two titles or quotations on either side of the 顿号 at i, so
    the message never shows bare marks like “”、“”."""
    opening = OPEN.get(t[i + 1], t[i + 1])
    start = t.rfind(CLOSE.get(t[i - 1], t[i - 1]), max(i - 18, 0), i - 1)
    start = start if start >= 0 else i - 1
    end = t.find(PARTNER.get(opening, ""), i + 2)
    end = end if 0 <= end <= i + 18 else i + 2
    return T.clip(t[start:end + 1], 36)
