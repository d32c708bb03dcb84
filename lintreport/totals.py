"""其中: the whole a count refers to and the parts listed after it (受理复议案件5件、诉讼案件8件，
其中…), read from a paragraph's quantities; what the number checks compare."""
from __future__ import annotations

import bisect
import re

from . import quantity as Q

PART_ITEM = re.compile(r"^[\u4e00-\u9fff]{0,6}$")
# How many numbers before (or after) the one being checked a sentence may relate it to: a real
# sentence has a handful; a paragraph of thousands of numbers without a 。 would otherwise
# make every number look at every other (quadratic).
WINDOW = 64


def shown(q: Q.Quantity) -> str:
    return q.text.strip()


def whole_text(listed) -> str:
    """The whole as the message shows it: "2名", or "5件、8件(合计13)" for a list of totals."""
    text = "、".join(shown(q) for q in reversed(listed))
    if len(listed) > 1:
        text += f"（合计{sum(q.value for q in listed):g}）"
    return text


def whole_and_parts(text: str, qs: list, k: int):
    """For 其中 at k: the whole it refers to (a sum when several totals are listed before it)
    and the parts listed after it, or None."""
    s_start, s_end = Q.sentence(text, k)
    at = bisect.bisect_left(qs, k, key=start_of)
    before = [q for q in qs[max(0, at - WINDOW):at] if q.start >= s_start]
    after = [q for q in qs[at:at + WINDOW] if k < q.start < s_end]
    if not before or not after:
        return None
    part = after[0]
    if Q.clause(text, part.start)[0] > k:
        return None     # the first part must stand in the 其中 clause itself
    # the whole is the nearest count of the same kind: "检查45次,出动120人次,其中联合检查12次"
    whole = next((q for q in reversed(before) if q.same_kind(part)), None)
    if whole is None:
        return None
    before = before[:before.index(whole) + 1]
    # "受理复议案件5件、诉讼案件8件,其中…": the whole is the list of totals before 其中
    listed = [whole]
    for q in reversed(before[:-1]):
        gap = text[q.end:listed[-1].start]
        # a list item is short ("、行政诉讼案件"); a longer clause is a new statement
        if not q.same_kind(whole) or not gap or gap[0] not in "、，,；;和及与" or \
                len(gap) > (13 if gap[0] in "、和及与" else 9) or \
                re.search(r"\d|其中|[。；;]", gap[1:]):
            break
        listed.append(q)
    parts = [part]
    stop = text.find("其中", k + 2, s_end)
    stop = s_end if stop < 0 else stop
    for q in after[1:]:
        if q.start >= stop or not q.same_kind(whole):
            break
        c_start = Q.clause(text, q.start)[0]
        lead = text[c_start:q.start].strip("、 ")
        item = text[q.end:q.end + 1] in ("为", "是", "系") or \
            text[q.end:q.end + 1] in Q.CLAUSE_END + "、（("
        if not (PART_ITEM.match(lead) and item):
            break
        parts.append(q)
    return listed, parts


def start_of(q: Q.Quantity) -> int:
    return q.start
