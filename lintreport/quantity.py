"""Quantities in report text: a number with its unit or measure word, its qualifiers and,
on demand, the thing it counts ("化解矛盾纠纷131起", "15000余份", "近万人次", "99.2%").

Arabic digits (half- or full-width) and the common Chinese numerals (三, 二十, 三百) are read
directly; other Chinese numerals (一百五十) go through cn2an, imported lazily. The counted
noun phrase needs jieba, also lazily: callers ask for it only for the few quantities that a
check wants to compare, so most reports never load it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from . import hanzi as T

# Measure words, longest first so that 人次 wins over 人. 年/月 are left out: "2025年" is a
# date, not a count.
UNITS = ("个百分点", "平方米", "人次", "户次", "场次", "件次", "批次", "课时", "小时", "公里",
         "万元", "亿元", "人", "名", "位", "次", "场", "件", "起", "宗", "例", "份", "个", "户",
         "家", "项", "条", "册", "本", "张", "篇", "期", "批", "处", "所", "间", "座", "块",
         "台", "辆", "套", "元", "亩", "吨", "米", "天", "轮", "遍", "支", "幅", "部",
         "%", "％", "‰")
# Units that count the same kind of thing, so that "10名…其中3人" compares.
FAMILIES = ({"人", "名", "位"}, {"次", "场", "场次", "轮", "期", "遍"}, {"件", "起", "宗", "例"},
            {"户", "家"}, {"%", "％"}, {"份", "张", "册", "本", "篇", "幅"})
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "千": 1000, "百": 100}

ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+(?:[.．][0-9０-９]+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
_UNIT = "|".join(re.escape(u) for u in UNITS)
PRE = ("近", "约", "大约", "超过", "超", "逾", "多达", "高达", "不少于", "不低于", "不超过", "至少",
       "最多")
QUANTITY = re.compile(
    rf"(?P<pre>{'|'.join(PRE)})?"
    r"(?P<pct>百分之)?"
    rf"(?P<num>{ARABIC}|{CHINESE})"
    r"(?P<yu>余|多)?(?P<mul>[万亿千百](?!分之))?(?P<yu2>余|多)?"
    rf"(?P<unit>{_UNIT})?"
    r"(?P<post>以上|以下|以内|左右|之多)?")
# Where a quantity can start. QUANTITY begins with optional groups, so the regex engine
# cannot skip ahead to a likely start and tries a match at every character; looking for
# these first (one fast character-class scan) and matching only there finds the same
# matches four times faster. A qualifier's first character (不, 大, 高, 多: common words)
# counts only when the whole qualifier and then a numeral follow, checked in the same scan.
_NUMERAL = "0-9０-９" + CHINESE[1:-2]     # the class of CHINESE, without [ ]+
_LEADS: dict[str, list[str]] = {}
for _word in PRE:
    _LEADS.setdefault(_word[0], []).append(re.escape(_word[1:]))
FIRST = re.compile(f"[{_NUMERAL}{''.join(_LEADS)}]"
                   f"(?:(?<=[{_NUMERAL}])|" + "|".join(
                       f"(?<={c})(?=(?:{'|'.join(rests)})[{_NUMERAL}])"
                       for c, rests in _LEADS.items()) + ")")
# A number glued to letters or other digits is an identifier (IPV6, 0887-8222511), and one
# after 第/其 is an ordinal.
NOT_BEFORE = re.compile(r"[A-Za-z0-9０-９.．第其初周*×/\-－]")
CLAUSE_END = "，,；;。：:！？!?\n"
# Qualifiers and the interval of values they allow, as factors of the stated number.
AT_LEAST = {"超过", "超", "逾", "多达", "高达", "不少于", "不低于", "至少", "以上", "之多"}
AT_MOST = {"不超过", "最多", "以下", "以内"}


@dataclass(frozen=True)
class Quantity:
    """One number in the text and what the words around it say about it."""
    start: int          # offsets in the text it was found in
    end: int
    value: float        # the number, multipliers applied (10余万 → 100000)
    unit: str           # measure word or "%"; "" when none follows
    text: str           # as written
    qualifiers: tuple[str, ...] = ()    # 近, 约, 余, 多, 以上, …
    chinese: bool = False
    digits: str = ""    # the numeral as written, before 余/多 and multipliers
    yu_inside: bool = False     # 余/多 directly after the numeral: "4余次", "10余万元"

    @property
    def exact(self) -> bool:
        return not self.qualifiers

    @property
    def percent(self) -> bool:
        return self.unit in ("%", "％")

    def bounds(self) -> tuple[float, float]:
        """The values the qualified number allows: 10余 → [10, 20), 近万 → [8000, 10000]."""
        v, q = self.value, set(self.qualifiers)
        if q & {"余", "多"}:
            return v, v + _step(self.value)
        if q & AT_LEAST:
            return v, float("inf")
        if q & AT_MOST:
            return 0.0, v
        if "近" in q:
            return v * 0.8, v
        if q & {"约", "大约", "左右"}:
            return v * 0.8, v * 1.2
        return v, v

    def same_kind(self, other: "Quantity") -> bool:
        """Whether two quantities count the same kind of thing (人 and 名 do, 人 and 人次 not)."""
        return same_family(self.unit, other.unit)


def _step(value: float) -> float:
    """What 余 may add to a round number: 10 → 10, 1000 → 1000, 15000 → 1000."""
    n, step = int(value), 1
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return step


def same_family(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    return any(a in f and b in f for f in FAMILIES)


# Two-character numerals of the common shapes (二十, 十二, 三十五, 三百, 两万), read without
# cn2an; tests/test_quantity.py checks every one against cn2an.
_TENS = re.compile("([一二两三四五六七八九]?)十([一二两三四五六七八九]?)")
_TIMES = re.compile("([一二两三四五六七八九])([百千万亿])")


def chinese_value(numeral: str) -> float | None:
    """一千二百 → 1200, 两 → 2, 万 → 10000; None when cn2an cannot read it."""
    if len(numeral) == 1:   # 一名, 四次, 万名: a single character needs no parser
        single = T.CN_DIGITS.get(numeral)
        return float(single) if single is not None else float(MULTIPLIERS.get(numeral, 10))
    m = _TENS.fullmatch(numeral)
    if m:
        tens, units = m.groups()
        return float(T.CN_DIGITS[tens] * 10 if tens else 10) + (T.CN_DIGITS[units] if units else 0)
    m = _TIMES.fullmatch(numeral)
    if m:
        return float(T.CN_DIGITS[m.group(1)] * MULTIPLIERS[m.group(2)])
    import cn2an   # 90 ms to import (and 20 ms more on first use): only 一百五十 and the like
    if numeral[0] in "百千万亿":
        numeral = "一" + numeral
    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def arabic_value(numeral: str) -> float:
    return float(T.fold(numeral).replace(",", ""))


def quantities(text: str, start: int = 0, end: int | None = None,
               units_only: bool = True, limit: int | None = None) -> list[Quantity]:
    """The quantities in text[start:end], in order; by default only those with a unit; at
    most `limit` of them."""
    end = len(text) if end is None else end
    found = []
    for m in _matches(text, start, end):
        if limit is not None and len(found) >= limit:
            break
        pre, pct, num, yu, mul, yu2, unit, post = m.groups()    # one call, not eight
        if not num or (units_only and not unit and not pct):
            continue
        s = m.start(3)      # the numeral's
        if s > 0 and NOT_BEFORE.match(text[s - 1]):
            continue
        chinese = not num[0].isdigit()
        if chinese:
            if _idiom(text, m):
                continue
            value = chinese_value(num)
        else:
            value = arabic_value(num)
        if value is None:
            continue
        if mul:
            value *= MULTIPLIERS[mul]
        unit = "%" if pct else (unit or "")
        quals = tuple(q for q in (pre, yu, yu2, post) if q)
        found.append(Quantity(m.start(), m.end(), value, unit, m.group(0), quals, chinese, num,
                              bool(yu)))
    return found


def _matches(text: str, start: int, end: int):
    """QUANTITY.finditer(text, start, end), trying a match only where FIRST finds a start."""
    pos = start
    while True:
        first = FIRST.search(text, pos, end)
        if first is None:
            return
        m = QUANTITY.match(text, first.start(), end)
        if m:
            yield m
            pos = m.end()       # a quantity is never empty, so this always moves on
        else:
            pos = first.start() + 1


def _idiom(text: str, m: re.Match) -> bool:
    """Chinese numerals that are words, not counts: 一起 (together), 一次性, 万一, 统一…"""
    num, unit = m.group("num"), m.group("unit") or ""
    after = text[m.end():m.end() + 1]
    if num == "一" and unit in ("起", "体", "部") or after == "性":
        return True
    before = text[m.start("num") - 1] if m.start("num") else ""
    return len(num) == 1 and bool(before) and before in "统唯万进之同逐单划专"


SENTENCE_END = "。；;！？!?\n"
_CLAUSE_STOP = re.compile(f"[{CLAUSE_END}]")
_SENTENCE_STOP = re.compile(f"[{SENTENCE_END}]")


def clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around text[pos]: between the nearest ，；。： on either side."""
    return _between(text, pos, CLAUSE_END, _CLAUSE_STOP)


def sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence around text[pos]: between the nearest 。；！？ on either side."""
    return _between(text, pos, SENTENCE_END, _SENTENCE_STOP)


def _between(text: str, pos: int, stops: str, stop: re.Pattern) -> tuple[int, int]:
    """From after the last of `stops` before pos to the first at or after it. The stops of
    a text are found once (a paragraph asks for many clauses) and looked up by bisection:
    scanning back and forth for each number made a long paragraph without a 。 quadratic."""
    marks = _stop_positions(text, stop)
    i = bisect.bisect_left(marks, pos)
    return (marks[i - 1] + 1 if i else 0), (marks[i] if i < len(marks) else len(text))


@lru_cache(maxsize=32)
def _stop_positions(text: str, stop: re.Pattern) -> list[int]:
    return [m.start() for m in stop.finditer(text)]
