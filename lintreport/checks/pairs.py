"""Pair marks (GB/T 15834-2011): quotes, brackets and title marks that open without closing
or close without opening, in one line."""
from __future__ import annotations

import re

from ..trigger import lines_with
from . import check
from .punctuation import CLOSE, OPEN, PARTNER, word

# the marks said in words, so that “““”没有与之配对的“”””” cannot happen
MARK_NAMES = {"“": "左引号", "”": "右引号", "‘": "左单引号", "’": "右单引号", "（": "左括号",
              "(": "左括号", "）": "右括号", ")": "右括号", "《": "左书名号", "》": "右书名号",
              "〈": "左单书名号", "〉": "右单书名号", "【": "左方头括号", "】": "右方头括号"}
PAIR_MARKS = re.compile("[" + re.escape("".join(OPEN) + "".join(CLOSE)) + "]")
LIST_MARK = re.compile(r"(?:^|(?<=[\s，。；：、,;:]))[\dA-Za-z一二三四五六七八九十①-⑳]{1,2}[)）]")
# a pair mark as its kind, opening or closing (half-width brackets as full-width ones)
KIND = str.maketrans({**OPEN, **{c: PARTNER[k] for c, k in CLOSE.items()}})
ADJACENT_PAIR = re.compile("|".join(re.escape(o + c) for o, c in PARTNER.items()))


@check("unbalanced-pairs",
       doc="同一行中成对的标点不配对：引号、括号、书名号有左无右或有右无左（“《法治政府建设实施"
           "纲要”）。列表序号“1)”“一）”不算。")
def unbalanced_pairs(doc, rule, ctx):
    """Quotes, brackets and title marks that open without closing, or close without opening."""
    for n in lines_with(doc, PAIR_MARKS):
        line = doc.lines[n]
        t = line.text
        if nested(t):
            continue        # every mark has its partner: nothing to find
        # 1) and 一) are list markers, not unpaired brackets
        markers = {m.end() - 1 for m in LIST_MARK.finditer(t)} if ")" in t or "）" in t else set()
        stack, lonely = [], []
        for m in PAIR_MARKS.finditer(t):
            i, c = m.start(), m.group(0)
            if c in "‘’" and word(t[i - 1:i]) and word(t[i + 1:i + 2]):
                continue            # an apostrophe
            if c in OPEN:
                stack.append((OPEN[c], i))
            elif c in CLOSE and i not in markers:
                kinds = [k for k, _ in stack]
                if CLOSE[c] not in kinds:
                    lonely.append((i, c))
                    continue
                while stack and stack[-1][0] != CLOSE[c]:
                    lonely.append((stack[-1][1], t[stack.pop()[1]]))
                stack.pop()
        lonely += [(i, t[i]) for _, i in stack]
        for i, c in sorted(lonely):
            other = PARTNER.get(OPEN.get(c, ""), "") or CLOSE.get(c, "")
            yield doc.hit(line, i, i + 1, args={"mark": MARK_NAMES[c] + c,
                                                "other": MARK_NAMES[other]})


def nested(t: str) -> bool:
    """Whether a line's pair marks nest properly (removing each adjacent open-close pair
    leaves none), so the stack in unbalanced_pairs finds nothing. Lines with a ‘ ’ (maybe
    apostrophes) or a list marker (1), not a bracket) are left to it."""
    if "‘" in t or "’" in t or ((")" in t or "）" in t) and LIST_MARK.search(t)):
        return False
    marks = "".join(PAIR_MARKS.findall(t)).translate(KIND)
    while marks:
        fewer = ADJACENT_PAIR.sub("", marks)
        if fewer == marks:
            return False
        marks = fewer
    return True
