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

CLAUSE_MARKS = "，,：:"
CLAUSE_END = re.compile(f"[{CLAUSE_MARKS}]")
# Long units need only part of their n-grams to meet their copies (see shingles.grams)
SAMPLE = {"paragraph": 4, "sentence": 1, "clause": 1}
UNITS = {   # level: (one, several, what it is)
    "paragraph": ("本段", "本段", "段落"),
    "sentence": ("本句", "这几句", "句子"),
    "clause": ("这一分句", "这几个分句", "分句"),
}


@dataclass
class Unit:
    """A sentence as the duplicate check compares it: where it is, its normalised text."""
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
    """The report's normalised text in numpy (reporttext), where numpy is loaded (it is
    for any batch, by D002) and the report's characters allow it; else None."""
    if doc.analysis.report_text is None:
        doc.analysis.report_text = False
        if "numpy" in sys.modules:
            from .. import reporttext
            doc.analysis.report_text = reporttext.report_text(doc.paragraphs) or False
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
        units = _placed(doc, wanted, o, rt)
        from .. import reportgrams
        found = reportgrams.repeats(rt, [(u.first, u.end, SAMPLE[level]) for level, u
                                         in units.items()], k, o["min_shared"],
                                    o["min_similarity"])
        if found is not None:
            return [(level, units[level], f) for level, f in zip(units, found)]
        texts = {level: [rt.norm[f:e] for f, e in zip(u.first.tolist(), u.end.tolist())]
                 for level, u in units.items()}
    else:
        units = {level: _units(doc, level, o[f"min_{level}"]) for level in wanted}
        texts = {level: [u.norm for u in us] for level, us in units.items()}
    # the k-grams each unit shares with others of its level, for all levels in one pass
    shared = S.shared_in_groups([(texts[level], SAMPLE[level]) for level in units], k)
    return [(level, units[level], S.repeats(texts[level], k, o["min_shared"],
                                            o["min_similarity"], SAMPLE[level], known))
            for level, known in zip(units, shared)]


class Placed:
    """The units of one level, placed in the report's normalised text (rt.norm[first:end]);
    a Unit is made only for those asked for (the repeated ones)."""

    def __init__(self, doc, rt, para, first, end, starts=None, ends=None):
        self.doc, self.rt, self.para, self.first, self.end = doc, rt, para, first, end
        self.starts, self.ends = starts, ends       # raw offsets; None: whole paragraphs

    def __len__(self):
        return len(self.first)

    def __getitem__(self, i: int) -> Unit:
        n = int(self.para[i])
        p = self.doc.paragraphs[n]
        norm = self.rt.norm[self.first[i]:self.end[i]]
        if self.starts is None:
            return Unit(p.line, p.start, len(p.line.text.rstrip()), norm, n)
        shift = p.start - self.rt.base[n]
        return Unit(p.line, int(self.starts[i]) + shift, int(self.ends[i]) + shift, norm, n)


def _placed(doc, wanted: list[str], o, rt) -> dict[str, Placed]:
    """_units() of each wanted level, through the report's normalised text."""
    out, sentences = {}, None
    for level in wanted:
        minimum = o[f"min_{level}"]
        if level == "paragraph":
            b = rt.bounds
            para, first, end = rt.place(b[:-1], b[1:], minimum)
            out[level] = Placed(doc, rt, para, first, end)
            continue
        if sentences is None:       # hanzi.sentences() (numpy did it slower: 0.27 vs 0.17 s)
            sentences = rt.flatten(_sentence_spans(doc))
        starts, ends, para = sentences
        if level == "clause":     # a sentence too short to compare has no long clause
            long = ends - starts >= minimum
            starts, ends, sentence = rt.clauses(starts[long], ends[long], CLAUSE_MARKS)
            para = para[long][sentence]
        long = ends - starts >= minimum      # normalising only ever shortens a text
        starts, ends, para = starts[long], ends[long], para[long]
        kept, first, end = rt.place(*rt.spans(starts, ends), minimum)
        out[level] = Placed(doc, rt, para[kept], first, end, starts[kept], ends[kept])
    return out


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
