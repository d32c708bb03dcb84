"""Paragraphs copied between reports (`duplicate-across`, a batch check): each report's long
paragraphs are sketched in the worker (MinHash band keys, lintreport.minhash), their texts
go to the batch's spool; the parent meets them through the LSH bands (lintreport.lsh),
reads back only the candidates' texts, verifies each pair with rapidfuzz and reports each
copy with the other file and line.
"""
from __future__ import annotations

import os
from array import array

from .. import hanzi as T
from ..finding import Hit, Related
from ..parts import sections_for
from ..place import unit_of
from . import Option, check
from .duplicate import normalized

def _sketch_report(doc, rule, ctx) -> dict:
    """The worker's summary of one report: where its long paragraphs are and their MinHash
    band keys (packed in arrays: a batch of 40,000 reports must fit). Their normalised text
    and excerpt go to the batch's store (ctx.store, engine/spool.py): the summary holds only
    a reference, and the parent reads back the one paragraph in seven it compares."""
    o = rule.options
    spots, texts, total = array("I"), [], 0
    planned = {id(p) for s in sections_for(doc, ctx.checklist, "plan") for p in s.all_paragraphs()}
    plan = array("B")           # 1 for a paragraph of the 下一年度安排 part
    long = []
    for p, norm in zip(doc.paragraphs, normalized(doc)):
        total += len(norm)
        if len(norm) < o["min_chars"]:
            continue
        spots.extend(_place(p))
        texts += (norm, p.text.strip()[:EXCERPT + 1])     # clipped in the parent (clipped)
        plan.append(id(p) in planned)
        long.append(norm)
    from ..minhash import band_keys     # numpy: loaded only where reports are compared
    keys = band_keys(long, o["ngram"], o["bands"], o["rows"])
    # its resolved path (the same file given twice is no copy), in the worker: 8,000 calls
    # in the parent took 0.2 s of its serial tail
    return {"place": unit_of(doc), "year": doc.report_year, "total": total,
            "real": os.path.realpath(doc.path) if long else None,
            "spots": spots, "texts": ctx.store.put(texts) if long else None, "keys": keys,
            "plan": plan}


EXCERPT = 40        # characters of a copied paragraph quoted in its finding
# a batch this big (band keys; pairs to verify) shares the parent's work over its cores
PARALLEL_KEYS = 200_000
PARALLEL_PAIRS = 2_000


def clipped(head: str) -> str:
    """T.clip(text, EXCERPT) of a paragraph from `head`, its stripped text's first
    EXCERPT + 1 characters (what the worker spools): clip() reads no further, and a
    non-space character after them keeps a cut head from looking short when it ends in a
    space. Clipping only the copied paragraphs' excerpts saved 20 clip() calls a report."""
    return T.clip(head + "。" if len(head) > EXCERPT else head, EXCERPT)


def _place(p) -> tuple:
    """(line, column, end column) of doc.hit() for the paragraph, without making a Hit and
    clipping its excerpt: 20 a report, one of the collect's costs."""
    line, end = p.line, len(p.line.text.rstrip())
    return (line.number, max(p.start - line.prefix, 0) + 1,
            max(end - line.prefix, 0) + 1 if end > p.start else None)


@check("duplicate-across",
       doc="一批报告之间相同或几乎相同的段落，即照搬了其他单位的报告、"
           "本单位往年的报告或参照报告：足够长的段落先用 MinHash 找出可能相似的，"
           "再逐对计算相似度，达到门槛的报出，并指出另一份报告的文件名和行号。"
           "两份报告年度不同的，报在较晚的一份上；同一段文字出现在很多份报告中的，"
           "视为通用模板文字，不报；同一个文件给了两次的不比较。",
       scope="batch", collect=_sketch_report, preload=("lintreport.minhash",),
       min_chars=Option(int, doc="段落去掉标点、空格后至少这么多字才参与跨报告比对"),
       min_similarity=Option(float, doc="相似度（0～1）达到此值才算照搬"),
       short_chars=Option(int, doc="短于这么多字的段落，相似度门槛取 `short_similarity`"),
       short_similarity=Option(float, doc="短段落的相似度门槛：短段落里几句套话就占了大半，偶然相似更多见"),
       template_reports=Option(int, doc="同一段文字出现在这么多份及以上报告中，视为通用模板文字，不报"),
       ngram=Option(int, 5, doc="MinHash 所用的字符n元组长度，一般不必改"),
       bands=Option(int, 21, doc="LSH 分带数：越多越不易漏，要核对的候选也越多；一般不必改"),
       rows=Option(int, 3, doc="每带的 MinHash 值个数：越多候选越少；一般不必改"))
def duplicate_across(items, rule, ctx):
    """Paragraphs shared between different reports of a batch or with reference reports."""
    o = rule.options
    live = [n for n, item in enumerate(items) if item.data and item.data["plan"]]
    if len(live) < 2:
        return
    items = [items[n] for n in live]
    data = [item.data for item in items]
    from ..lsh import candidates, similarities
    keys = [d["keys"] for d in data]
    threads = ctx.jobs if sum(map(len, keys)) >= PARALLEL_KEYS else 1
    owner, pairs, _ = candidates(keys, o["bands"], o["template_reports"], threads)
    spots, plan, first = array("I"), array("B"), array("I")
    for d in data:
        first.append(len(plan))         # global number of the report's first paragraph
        spots.extend(d["spots"])
        plan.extend(d["plan"])

    def text(g: int, what: int) -> str:     # 0: the normalised text, 1: the excerpt's head
        r = owner[g]
        return ctx.store.get(data[r]["texts"], 2 * (g - first[r]) + what)
    matches: dict[int, list[tuple[float, int]]] = {}
    normal: dict[int, str] = {}
    # the same file given twice is no copy
    pairs = [(x, y) for x, y in sorted(pairs) if data[owner[x]]["real"] != data[owner[y]]["real"]]
    for x, y in pairs:
        for g in (x, y):
            if g not in normal:
                normal[g] = text(g, 0)
    cutoffs = []
    for x, y in pairs:
        cutoff = o["min_similarity"]
        if min(len(normal[x]), len(normal[y])) < o["short_chars"]:
            cutoff = max(cutoff, o["short_similarity"])
        cutoffs.append(cutoff)
    # threads only where there is enough to share: starting them costs about a millisecond
    threads = ctx.jobs if len(pairs) >= PARALLEL_PAIRS else 1
    sims = similarities([(normal[x], normal[y]) for x, y in pairs], cutoffs, threads)
    for (x, y), sim in zip(pairs, sims):
        for a, b in ((x, y), (y, x)):
            if sim and _copier(items[owner[a]], items[owner[b]]):
                matches.setdefault(a, []).append((sim, b))
    copied = [0] * len(items)
    for g in sorted(matches):
        r = owner[g]
        copied[r] += len(normal[g])
        found = sorted(matches[g], key=lambda m: (-m[0], items[owner[m[1]]].path, m[1]))
        related = tuple(Related(items[owner[b]].path, spots[3 * b],
                                _relation(items[r], items[owner[b]]) or "另一份报告")
                        for _, b in found[:5])
        sim, b = found[0]
        relation = _relation(items[r], items[owner[b]], plan[g] and plan[b])
        args = {"other": os.path.basename(items[owner[b]].path), "other_line": spots[3 * b],
                "similarity": f"{sim:.0%}", "count": len(found),
                "relation": f"，{relation}" if relation else ""}
        excerpt = clipped(text(g, 1))
        line, column, end_column = spots[3 * g:3 * g + 3]
        yield live[r], Hit(line, column, line, end_column, args=args, related=related,
                           excerpt=excerpt)
    for r, item in enumerate(items):
        if not item.reference:
            item.figures.copied_share = round(copied[r] / max(item.data["total"], 1), 3)


def _copier(item, other) -> bool:
    """Whether `item` gets the finding for a paragraph it shares with `other`.

    Reference reports are never linted. Between two linted reports of different years the
    later one copied; otherwise either may have, and both are told.
    """
    year, other_year = item.data["year"], other.data["year"]
    if item.reference:
        return False
    if other.reference or not (year and other_year):
        return True
    return year >= other_year


def _relation(item, other, both_plans: bool = False) -> str:
    """What the other report is to this one, in words: the case reviewers care most about.
    A plan copied from an earlier year's plan is said so: the work planned then is planned
    again, and what became of it is a question for F001 (--previous)."""
    place, year = item.data["place"], other.data["year"]
    if place and place == other.data["place"] and year and year != item.data["year"]:
        if both_plans:
            return f"该报告是本单位{year}年度的报告，两段都在下一年度安排部分：本年度的安排照搬了该年度的安排"
        return f"该报告是本单位{year}年度的报告"
    if other.reference:
        return "该报告是参照报告"
    return ""
