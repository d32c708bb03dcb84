"""Character-level helpers for Chinese text (汉字): ordinals, sentences, enumerations, width.

Chinese is matched by characters here, never with regex word boundaries (\\b never falls
between two Han characters).
"""
from __future__ import annotations

import re
import unicodedata

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SPACES = " \t\u3000\u00a0\u2002\u2003\ufeff"

# Sentence ends: the mark itself and any closing quotes or brackets that follow it.
SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")
# An in-paragraph enumeration item: 一是/二要/第三,/其一, at the start of a clause.
ENUM_ITEM = re.compile(
    r"(?:(?<=^)|(?<=[。；;：:！？!?，,、\s”」）)]))"
    r"(?:([一二三四五六七八九十]{1,3})(是|要)|第([一二三四五六七八九十]{1,3})(?=[，,、：:])|"
    r"其([一二三四五六七八九十]{1,3})(?=[，,、：:是]))")


def ordinal(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 3 → 3; None when it is not an ordinal below 100."""
    numeral = numeral.strip()
    if numeral.isdigit():
        return int(unicodedata.normalize("NFKC", numeral))
    if not numeral or any(ch not in CN_DIGITS and ch != "十" for ch in numeral):
        return None
    if "十" not in numeral:
        return CN_DIGITS[numeral] if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


def cn_ordinal(n: int) -> str:
    """1 → 一, 12 → 十二: the inverse of ordinal() for 1..99."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans [start, end) of the sentences of text[start:], each ending with its mark."""
    spans = []
    pos = start
    for m in SENTENCE_END.finditer(text, start):
        if text[pos:m.start()].strip(SPACES):
            spans.append((pos, m.end()))
        pos = m.end()
    if text[pos:].strip(SPACES):
        spans.append((pos, len(text.rstrip(SPACES))))
    return spans


def enumeration(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """Items of an in-paragraph enumeration: (offset, number, style) with style 是/要/第/其."""
    items = []
    for m in ENUM_ITEM.finditer(text, start):
        if m.group(1):
            numeral, style = m.group(1), m.group(2)
        elif m.group(3):
            numeral, style = m.group(3), "第"
        else:
            numeral, style = m.group(4), "其"
        n = ordinal(numeral)
        if n:
            items.append((m.start(), n, style))
    return items


def fold(text: str) -> str:
    """Full-width letters, digits and punctuation to their half-width forms (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def han_count(text: str) -> int:
    return len(HAN.findall(text))


def width(text: str) -> int:
    """Terminal columns of text: wide and full-width characters (CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


CLAUSE_END = re.compile(r"[，。；：、！？,;:!?）)”》]")
# places where a word has surely ended: the particle 的, a date part (2024年), and whole
# words of official prose that never begin a longer word. Cheap, unlike jieba, whose
# dictionary takes about a second to load in every process.
WORD_END = re.compile(r"的|(?<=\d)[年月日号]|工作|建设|管理|发展|领导|部署|精神|思想|指导|要求|"
                      r"政府|会议|制度|机制|体系|水平|能力|意识|活动|情况")


def clip(text: str, limit: int) -> str:
    """text shortened to about `limit` characters for a quotation, cut where a reader
    would: before a clause mark in the second half, else after a word that surely ended
    there (WORD_END), else at the limit; “……” marks the cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    ends = [m.start() for m in CLAUSE_END.finditer(text, limit // 2, limit + 1)]
    if ends:
        return text[:ends[-1]].rstrip() + "……"
    ends = [m.end() for m in WORD_END.finditer(text, limit // 2 - 1, limit)]
    return text[:ends[-1] if ends else limit] + "……"
