"""Numbers: figures that contradict each other or are malformed.

A part larger than its whole ("仅有2名…,其中3名"), parts adding up to more than the total,
a bounded rate over 100%, a rate that the counts next to it cannot give, the same yearly
total stated twice with different values, and 余/多 after an exact number ("4余次").
"""
from __future__ import annotations

import re

from .. import quantity as Q
from .. import hanzi as T
from ..counted import counted
from ..finding import Related
from ..parts import role_at
from ..totals import WINDOW, shown, whole_and_parts, whole_text
from . import Option, check

# A part after 其中 that is a list item of its own: "3名为公益岗", "女性4人".
TOTAL = re.compile(r"共|累计|合计|总计|全年|今年|年内|本年度|一年来|以来")
# Verbs that state the whole a rate is taken of (受理X件，办结Y件): the denominator's clause.
WHOLE = re.compile(r"受理|排查|摸排|收到|接到|接收|受案|立案|登记|审查|审核|办理|涉及|发现|提交|申请|应到|参加|报名")
# A numerator clause tied to the whole before it: 其中/均/全部…, or the noun left out (办结11件).
PART_LEAD = re.compile(r"^(?:其中|均|全部|已|现已|目前已|共)")
# Numbers of one report that the number checks look at: a real report has a few hundred; a
# hostile file of millions would keep each of these checks busy for a minute.
MAX_NUMBERS = 20_000
# How far back in its sentence a number's lead words (共, 累计, a year) are looked for.
LEAD = 400
# How many different values of one counted thing are kept to compare new ones with.
KEEP_VALUES = 16
LEAD_VERB = re.compile(r"[共计达为了有累合总]+$")     # what stands between a count's noun and it
RATE_NAME = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:率|满意度|知晓度|占比|比重))"
                       r"(?:均达|均为|达到|达|为|是|保持在|稳定在|提升至|提高到|提升到)?$")


def _texts(doc, ctx=None, skip_plan=False):
    """(line, text, start, end) of each paragraph; the plan part is next year's and left out."""
    for p in doc.paragraphs:
        if skip_plan and ctx is not None and role_at(doc, ctx.checklist, p.line.number) == "plan":
            continue
        yield p.line, p.line.text, p.start, p.start + len(p.text)


def _quantities(doc, line, text, a, b):
    memo, key = doc.analysis, (line.number, a)
    found = memo.quantities.get(key)    # one dict look-up on the common (memoised) path
    if found is None:
        counted = memo.quantities_counted
        # past MAX_NUMBERS a report is not a report: the rest of it is not looked at
        found = Q.quantities(text, a, b, limit=MAX_NUMBERS - counted) if counted < MAX_NUMBERS else []
        memo.quantities_counted = counted + len(found)
        memo.quantities[key] = found
    return found


def _wholes(doc):
    """(line, (listed wholes, parts)) for each 其中 that follows a count."""
    for line, text, a, b in _texts(doc):
        qs = _quantities(doc, line, text, a, b)
        at = text.find("其中", a, b)
        while at >= 0:
            found = whole_and_parts(text, qs, at)
            if found:
                yield line, found
            at = text.find("其中", at + 2, b)


@check("part-exceeds-whole",
       doc="“其中”之后的部分数大于之前的总数：“共有执法人员2名，其中3名……”。")
def part_exceeds_whole(doc, rule, ctx):
    """After “N…,其中M…” the part M is not larger than the whole N."""
    for line, (listed, parts) in _wholes(doc):
        whole_high = sum(q.bounds()[1] for q in listed)
        part = parts[0]
        if part.bounds()[0] > whole_high:
            yield doc.hit(line, listed[-1].start, part.end,
                          args={"whole": whole_text(listed), "part": shown(part)})


@check("parts-exceed-total",
       doc="“其中”之后列出的几个部分数合计超过之前的总数：“现有执法人员10名，其中6名为工勤岗，"
           "5名为公益岗”。单个部分就超过总数的，由 `part-exceeds-whole` 报出。")
def parts_exceed_total(doc, rule, ctx):
    """The parts listed after “其中” add up to no more than the total before it."""
    for line, (listed, parts) in _wholes(doc):
        whole_high = sum(q.bounds()[1] for q in listed)
        if len(parts) < 2 or any(p.bounds()[0] > whole_high for p in parts):
            continue    # a single part larger than the whole is reported on its own
        low = sum(p.bounds()[0] for p in parts)
        if low > whole_high:
            yield doc.hit(line, listed[-1].start, parts[-1].end, args={
                "whole": whole_text(listed), "parts": "+".join(shown(p) for p in parts),
                "sum": f"{low:g}"})


def _rate_name(text: str, q: Q.Quantity) -> str | None:
    a = Q.clause(text, q.start)[0]
    m = RATE_NAME.search(text[a:q.start])
    return m.group(1) if m else None


@check("rate-over-100",
       doc="不可能超过100%的比率（化解率、办结率、覆盖率、满意度、占比等）超过了100%。"
           "名称中有“增”“降”“同比”等词的增长率、变化幅度不在此列（见选项 `unbounded`）。",
       unbounded=Option(list, ["增", "涨", "升", "提高", "降", "减", "同比", "环比", "变化", "幅"],
                        item=str, doc="比率名称中有这些词之一（如“增长率”中的“增”），"
                                      "就可以超过100%，不报"))
def rate_over_100(doc, rule, ctx):
    """A rate or share that cannot exceed 100% (化解率, 办结率, 覆盖率…) does not."""
    for line, text, a, b in _texts(doc):
        for q in _quantities(doc, line, text, a, b):
            if not q.percent or q.value <= 100:
                continue
            name = _rate_name(text, q)
            if name and not any(w in name for w in rule.options["unbounded"]):
                yield doc.hit(line, q.start, q.end, args={"name": name, "value": shown(q)})


def _stem(name: str) -> str:
    """化解率 → 化解, 调解成功率 → 调解: the verb the numerator's clause should contain."""
    return re.sub(r"(成功)?(率|度)$", "", name)[-2:]


@check("rate-arithmetic",
       doc="比率与同一句中给出的分子、分母对不上：“受理矛盾纠纷20件，化解18件，化解率95%”"
           "（18÷20为90%）。只核算句中明确是总数及其中一部分的两个确数。")
def rate_arithmetic(doc, rule, ctx):
    """A stated rate agrees with the numerator and denominator given in the same sentence."""
    for line, text, a, b in _texts(doc):
        qs = _quantities(doc, line, text, a, b)
        for i, rate in enumerate(qs):
            name = _rate_name(text, rate) if rate.percent else None
            if not name or len(_stem(name)) < 2:
                continue
            s_start = Q.sentence(text, rate.start)[0]
            counts = [q for q in qs[max(0, i - WINDOW):i] if q.start >= s_start and not q.percent]
            num = next((q for q in reversed(counts)
                        if _stem(name) in text[slice(*Q.clause(text, q.start))]), None)
            if num is None or not num.exact:
                continue
            den = _denominator([q for q in counts if q.end <= num.start and q.same_kind(num)],
                               text, _stem(name))
            if den is None or not den.exact or den.value <= 0 or num.value > den.value \
                    or not _tied(text, name, num, den):
                continue
            actual = num.value / den.value * 100
            digits = len(rate.digits.split(".")[1]) if "." in rate.digits else 0
            tolerance = 10 ** -digits + 1e-9
            low, high = rate.bounds()
            if actual < low - tolerance or actual > high + tolerance:
                yield doc.hit(line, den.start, rate.end, args={
                    "name": name, "rate": shown(rate), "num": shown(num), "den": shown(den),
                    "actual": f"{actual:.{max(digits, 1)}f}%"})


def _tied(text: str, name: str, num, den) -> bool:
    """Whether the sentence ties the two counts to the rate: the numerator is a part of the
    denominator (其中…, or its clause only says what was done: 办结11件), or the denominator is
    stated as the whole (共/累计/受理/排查…); and what the rate's name adds before its verb
    (出庭应诉率 → 出庭) is said of the counts. Two parallel counts (行政复议案件21件，行政应诉
    案件9件) are not a rate's numerator and denominator."""
    stem = _stem(name)
    n_start = Q.clause(text, num.start)[0]
    lead = text[n_start:num.start].strip(T.SPACES)
    d_start = Q.clause(text, den.start)[0]
    whole = text[d_start:den.start]
    part_of_whole = PART_LEAD.match(lead) is not None or len(lead) <= len(stem) + 2
    if not (part_of_whole or TOTAL.search(whole) or WHOLE.search(whole)):
        return False
    qualifier = name[:name.rfind(stem)][-2:] if stem in name else ""
    return not qualifier or qualifier in text[d_start:num.end]


def _denominator(candidates, text, stem):
    """The total a rate is taken of: the one marked 共/累计…, or the only candidate."""
    candidates = [q for q in candidates if stem not in text[slice(*Q.clause(text, q.start))]]
    marked = [q for q in candidates if TOTAL.search(text[Q.clause(text, q.start)[0]:q.start])]
    if len(marked) == 1:
        return marked[0]
    return candidates[0] if len(candidates) == 1 else None


@check("count-conflict",
       doc="报告年度内的同一事项前后说了两次，数字却不同：前文“全年共办理行政复议案件12件”，"
           "后文“共办理行政复议案件15件”。“下一年度工作安排”部分和写明其他年份的数字不比较。",
       totals_only=Option(bool, True, doc="是否只比较全年的总数（数字前有“共”“累计”“全年”“今年”"
                                          "等词的）；false：所有数字都比较"))
def count_conflict(doc, rule, ctx):
    """The same thing counted twice in the report's year is given the same number."""
    seen: dict[tuple, list] = {}
    other_year = re.compile(rf"(?<!\d)(?!{doc.report_year})\d{{4}}年") if doc.report_year else None
    for line, text, a, b in _texts(doc, ctx, skip_plan=True):
        for q in _quantities(doc, line, text, a, b):
            if q.percent or q.chinese:
                continue
            s_start = Q.sentence(text, q.start)[0]
            lead = text[max(s_start, q.start - LEAD):q.start]
            if rule.options["totals_only"] and not TOTAL.search(lead):
                continue
            if other_year is not None and other_year.search(lead):
                continue    # another year's figure
            c_start = Q.clause(text, q.start)[0]
            han = LEAD_VERB.sub("", "".join(T.HAN.findall(text[c_start:q.start])))
            if len(han) < 2:
                continue
            # cheap key first; jieba only for the few pairs that share it
            key = (han[-4:], _family(q.unit))
            for other_line, other_text, other in seen.get(key, []):
                lo1, hi1 = q.bounds()
                lo2, hi2 = other.bounds()
                if hi1 < lo2 or hi2 < lo1:
                    thing = counted(text, q)
                    if thing and thing == counted(other_text, other):
                        yield doc.hit(line, q.start, q.end, args={
                            "thing": "".join(thing), "value": shown(q), "other": shown(other),
                            "other_line": other_line.number},
                            related=(Related(doc.path, other_line.number, "另一处"),))
                        break
            kept = seen.setdefault(key, [])
            if len(kept) < KEEP_VALUES and all(o.bounds() != q.bounds() for _, _, o in kept):
                kept.append((line, text, q))    # one per value: a repeat adds nothing to compare


def _family(unit: str) -> str:
    for fam in Q.FAMILIES:
        if unit in fam:
            return min(fam)
    return unit


@check("approximate-exact",
       doc="“余”“多”只能跟在整十、整百等整数之后表示约数（“10余次”），不能跟在确数之后（“4余次”"
           "“12余处”）。")
def approximate_exact(doc, rule, ctx):
    """余/多 follows only a round number: “10余次”, not “4余次” or “12余处”."""
    for line, text, a, b in _texts(doc):
        for q in _quantities(doc, line, text, a, b):
            if not q.yu_inside or text[q.end:q.end + 1] in ("化", "解"):
                continue
            if q.chinese:
                round_number = q.digits[-1] in "十百千万亿"
            else:
                digits = T.fold(q.digits).replace(",", "")
                round_number = "." not in digits and int(digits) % 10 == 0
            if not round_number:
                word = next(x for x in q.qualifiers if x in "余多")
                exact = q.text.replace(word, "", 1).strip()
                yield doc.hit(line, q.start, q.end, args={
                    "text": shown(q), "word": word, "exact": exact})
