"""Duplicated text: passages repeated inside a report, and paragraphs copied between reports.

`duplicate-text` compares the paragraphs, then the sentences, then the long clauses of one
report; a passage inside an already reported copy is not reported again, and neighbouring
repeated sentences make one finding. Headings are never compared: a sub-heading that echoes
its section's heading (三、党政主要负责人… / （一）党委主要负责人…) is structure, not a copy.

`duplicate-across` is a batch check: each report's long paragraphs are sketched in the worker
(MinHash band keys, see lintreport.shingles), the parent meets them through the LSH bands,
verifies every candidate with rapidfuzz and reports each copy with the other file and line.
"""
from __future__ import annotations

import os
import re
from array import array
from dataclasses import dataclass

from .. import shingles as S
from .. import hanzi as T
from ..finding import Hit, Related
from ..parts import sections_for
from ..place import unit_of
from ..read import Line
from . import Option, check

CLAUSE_END = re.compile(r"[，,：:]")
# Long units need only part of their n-grams to meet their copies (see shingles.grams)
SAMPLE = {"paragraph": 4, "sentence": 1, "clause": 1}
UNITS = {   # level: (one, several, what it is)
    "paragraph": ("本段", "本段", "段落"),
    "sentence": ("本句", "这几句", "句子"),
    "clause": ("这一分句", "这几个分句", "分句"),
}


@dataclass
class Unit:
    line: Line
    start: int
    end: int
    norm: str
    para: int           # index of its paragraph in doc.paragraphs


def normalized(doc) -> list[str]:
    """Every paragraph's text normalised for comparison, computed once per report."""
    if doc.analysis.normalized_paragraphs is None:
        doc.analysis.normalized_paragraphs = [S.normalize(p.text) for p in doc.paragraphs]
    return doc.analysis.normalized_paragraphs


def _units(doc, level: str, minimum: int) -> list[Unit]:
    """The paragraphs, sentences or clauses of a report that are long enough to compare."""
    out = []
    if level == "paragraph":
        for n, (p, norm) in enumerate(zip(doc.paragraphs, normalized(doc))):
            if len(norm) >= minimum:
                out.append(Unit(p.line, p.start, len(p.line.text.rstrip()), norm, n))
        return out
    for n, (p, spans) in enumerate(zip(doc.paragraphs, _sentence_spans(doc))):
        if level == "clause":     # a sentence too short to compare has no long clause
            spans = [c for a, b in spans if b - a >= minimum for c in _clauses(p.line.text, a, b)]
        for a, b in spans:
            if b - a < minimum:     # normalising only ever shortens a text
                continue
            norm = S.normalize(p.line.text[a:b])
            if len(norm) >= minimum:
                out.append(Unit(p.line, a, b, norm, n))
    return out


def _sentence_spans(doc) -> list[list[tuple[int, int]]]:
    """Each paragraph's sentence spans, worked out once for the sentence and clause levels."""
    if doc.analysis.sentence_spans is None:
        doc.analysis.sentence_spans = [T.sentences(p.line.text, p.start) for p in doc.paragraphs]
    return doc.analysis.sentence_spans


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for m in CLAUSE_END.finditer(text, start, end):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return spans


@check("duplicate-text",
       doc="同一份报告中前后重复的内容：先比较段落，再比较句子，再比较较长的分句（逗号、"
           "冒号隔开），相似度达到 `min_similarity` 的报出，并指出先出现的地方。"
           "已报出的重复段落中的句子不再报，相邻的几句重复合报一条。标题不比较："
           "小标题重复上级标题的字眼（“三、党政主要负责人……”下的“（一）党委主要负责人……”）"
           "是结构，不是重复。",
       min_paragraph=Option(int, doc="段落去掉标点、空格后至少这么多字才比较；0表示不比较段落"),
       min_sentence=Option(int, doc="句子至少这么多字才比较；0表示不比较句子"),
       min_clause=Option(int, doc="分句（逗号、冒号隔开）至少这么多字才比较；0表示不比较分句"),
       min_similarity=Option(float, doc="相似度（0～1）达到此值才算重复"),
       ngram=Option(int, 4, doc="找候选时所用的字符n元组长度，一般不必改"),
       min_shared=Option(float, 0.5, doc="两段文字共有的n元组至少占较短一方的这个比例（0～1），"
                                         "才进一步比较相似度；一般不必改"))
def duplicate_text(doc, rule, ctx):
    """Paragraphs, sentences and long clauses that repeat earlier text of the same report."""
    o = rule.options
    reported: list[tuple[int, int, int]] = []      # (line, start, end) already reported
    levels = {level: _units(doc, level, o[f"min_{level}"]) for level in SAMPLE
              if o[f"min_{level}"] > 0}
    # the k-grams each unit shares with others of its level, for all levels in one pass
    shared = S.shared_in_groups([([u.norm for u in units], SAMPLE[level])
                                 for level, units in levels.items()], o["ngram"])
    for (level, units), known in zip(levels.items(), shared):
        found = S.repeats([u.norm for u in units], o["ngram"], o["min_shared"],
                          o["min_similarity"], SAMPLE[level], known)
        fresh = [(j, i, sim) for j, i, sim in found if not _inside(units[j], reported)]
        for run in _runs(fresh, units):
            first, last = units[run[0][0]], units[run[-1][0]]
            earlier = units[run[0][1]]
            sim = min(sim for _, _, sim in run)
            one, several, what = UNITS[level]
            where = "本段前文" if earlier.para == first.para else f"第{earlier.line.number}行"
            excerpt = earlier.line.text[earlier.start:earlier.end].strip()
            note = "先出现之处：" + T.clip(excerpt, 30)
            reported.append((first.line.number, first.start, last.end))
            yield doc.hit(first.line, first.start, last.end, args={
                "unit": several if len(run) > 1 else one, "where": where, "what": what,
                "similarity": f"{sim:.0%}", "other_line": earlier.line.number},
                related=(Related(doc.path, earlier.line.number, note),))


def _inside(u: Unit, reported) -> bool:
    return any(line == u.line.number and a <= u.start and u.end <= b for line, a, b in reported)


def _runs(found, units):
    """Group repeats of neighbouring units whose earlier copies are neighbours too."""
    runs = []
    for j, i, sim in sorted(found):
        if runs:
            pj, pi, _ = runs[-1][-1]
            if j == pj + 1 and i == pi + 1 and units[j].para == units[pj].para and \
                    units[i].para == units[pi].para and i < runs[-1][0][0]:
                runs[-1].append((j, i, sim))
                continue
        runs.append([(j, i, sim)])
    return runs


# ---- across reports ----------------------------------------------------------------------

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
        hit = doc.hit(p.line, p.start, len(p.line.text.rstrip()))
        spots.extend((hit.line, hit.column, hit.end_column))
        texts += (norm, T.clip(p.text, EXCERPT))
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


@check("duplicate-across",
       doc="一批报告之间相同或几乎相同的段落，即照搬了其他单位的报告、"
           "本单位往年的报告或参照报告：足够长的段落先用 MinHash 找出可能相似的，"
           "再逐对计算相似度，达到门槛的报出，并指出另一份报告的文件名和行号。"
           "两份报告年度不同的，报在较晚的一份上；同一段文字出现在很多份报告中的，"
           "视为通用模板文字，不报；同一个文件给了两次的不比较。",
       scope="batch", collect=_sketch_report,
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
    from ..lsh import candidates
    owner, pairs, _ = candidates([d["keys"] for d in data], o["bands"], o["template_reports"])
    spots, plan, first = array("I"), array("B"), array("I")
    for d in data:
        first.append(len(plan))         # global number of the report's first paragraph
        spots.extend(d["spots"])
        plan.extend(d["plan"])

    def text(g: int, what: int) -> str:     # 0: the normalised text, 1: the excerpt
        r = owner[g]
        return ctx.store.get(data[r]["texts"], 2 * (g - first[r]) + what)
    matches: dict[int, list[tuple[float, int]]] = {}
    normal: dict[int, str] = {}
    for x, y in sorted(pairs):
        if data[owner[x]]["real"] == data[owner[y]]["real"]:     # the same file given twice
            continue
        for g in (x, y):
            if g not in normal:
                normal[g] = text(g, 0)
        tx, ty = normal[x], normal[y]
        cutoff = o["min_similarity"]
        if min(len(tx), len(ty)) < o["short_chars"]:
            cutoff = max(cutoff, o["short_similarity"])
        sim = S.similarity(tx, ty, cutoff)
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
        excerpt = text(g, 1)
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
