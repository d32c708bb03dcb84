"""Duplicated text: passages repeated inside a report, and paragraphs copied between reports.

`duplicate-text` compares the paragraphs, then the sentences, then the long clauses of one
report; a passage inside an already reported copy is not reported again, and neighbouring
repeated sentences make one finding. Headings are never compared: a sub-heading that echoes
its section's heading (三、党政主要负责人… / （一）党委主要负责人…) is structure, not a copy.

Paragraphs copied between reports: `duplicate-across` in checks/duplicate_across.py.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from .. import shingles as S
from .. import hanzi as T
from ..finding import Related
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
        rt = _report_text(doc)
        doc.analysis.normalized_paragraphs = rt.paragraphs() if rt else \
            [S.normalize(p.text) for p in doc.paragraphs]
    return doc.analysis.normalized_paragraphs


def _report_text(doc):
    """The report's normalised text in numpy (reportgrams), where numpy is loaded (it is
    for any batch, by D002) and the report's characters allow it; else None."""
    if doc.analysis.report_text is None:
        doc.analysis.report_text = False
        if "numpy" in sys.modules:
            from .. import reportgrams
            doc.analysis.report_text = reportgrams.report_text(doc.paragraphs) or False
    return doc.analysis.report_text or None


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
    wanted = [level for level in SAMPLE if o[f"min_{level}"] > 0]
    for level, units, found in _repeats(doc, wanted, o):
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


def _repeats(doc, wanted: list[str], o):
    """(level, units, found) for each level: its units and shingles.repeats() of them."""
    k, rt = o["ngram"], _report_text(doc)
    if rt is not None:
        levels = {level: _spans(doc, level, o[f"min_{level}"], rt) for level in wanted}
        from .. import reportgrams
        found = reportgrams.repeats(rt, [(f, e, SAMPLE[level]) for level, (_, f, e)
                                         in levels.items()], k, o["min_shared"],
                                    o["min_similarity"])
        units = {level: [Unit(line, a, b, rt.norm[f:e], n) for (line, a, b, n), f, e
                         in zip(meta, first.tolist(), end.tolist())]
                 for level, (meta, first, end) in levels.items()}
        if found is not None:
            return [(level, units[level], f) for level, f in zip(levels, found)]
    else:
        units = {level: _units(doc, level, o[f"min_{level}"]) for level in wanted}
    # the k-grams each unit shares with others of its level, for all levels in one pass
    shared = S.shared_in_groups([([u.norm for u in us], SAMPLE[level])
                                 for level, us in units.items()], k)
    return [(level, us, S.repeats([u.norm for u in us], k, o["min_shared"],
                                  o["min_similarity"], SAMPLE[level], known))
            for (level, us), known in zip(units.items(), shared)]


def _spans(doc, level: str, minimum: int, rt):
    """_units() with the report's normalised text: ([(line, start, end, paragraph)], first,
    end), where first and end place each unit's normalised text in rt.norm."""
    meta, starts, ends = [], [], []
    if level == "paragraph":
        b = rt.bounds
        for n, p in enumerate(doc.paragraphs):
            if b[n + 1] - b[n] >= minimum:
                meta.append((p.line, p.start, len(p.line.text.rstrip()), n))
                starts.append(b[n])
                ends.append(b[n + 1])
        return (meta, *rt.place(starts, ends)[1:])
    base = rt.base
    for n, (p, spans) in enumerate(zip(doc.paragraphs, _sentence_spans(doc))):
        if level == "clause":     # a sentence too short to compare has no long clause
            spans = [c for a, b in spans if b - a >= minimum for c in _clauses(p.line.text, a, b)]
        shift = base[n] - p.start       # from the line's offsets to the report's
        for a, b in spans:
            if b - a >= minimum:     # normalising only ever shortens a text
                meta.append((p.line, a, b, n))
                starts.append(a + shift)
                ends.append(b + shift)
    long, first, end = rt.place(*rt.spans(starts, ends), minimum)
    return [meta[i] for i in long], first, end


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
