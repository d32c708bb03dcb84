"""Last year's plan followed up: the planned items of one report's 下一年度安排 and where the
next year's report says what became of each.

A plan is split into items the way reports write them: one item per sub-heading that stands
alone (（一）推进行政执法规范化建设…), one per enumerated piece (一是/二要/第三，) and, in a
plan written as running text, one per sentence that opens with a verb of action (加强、推进、
深化…). Opening and closing sentences of intent (下一步，我镇将重点做好以下工作) are not items.

An item's follow-up is looked for in every part of this year's report except its own plan and
its 不足和原因 (a plan item named there is a shortcoming, not a result). An item's words (jieba)
weigh by their rarity in jieba's general corpus, so 告知承诺、法律明白人 count for more than
推进、工作; the score is the share of the item's weight whose words occur in one place of this
year's report, wherever that place's own segmentation puts the boundaries. Rarity measured
in the two reports themselves did worse, and is unsteady for short reports; character
bigrams and rapidfuzz's partial ratio did worse too (bench/followup_eval.py, tests/pairs/).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from . import hanzi as T
from .model import Checklist
from .document import Document, Paragraph, Section
from .parts import sections_for
from .shingles import normalize

PLAN, NOT_RESULTS = "plan", ("plan", "shortcomings")     # roles
THRESHOLD = 0.3         # share of an item's weight that must be found in one place
# A planned item opens with a verb of action, perhaps after an adverb (进一步加强, 持续深化)
ACTION = re.compile(
    r"^(?:[要将]|进一步|继续|着力|大力|切实|不断|深入|积极|认真|扎实|全力|持续|全面)*"
    r"(?:加强|推进|推动|推行|深化|持续|完善|健全|建立|落实|开展|提升|提高|强化|加快|实施|打造|"
    r"做好|抓好|做实|规范|优化|创新|组织|建设|筑牢|夯实|压实|巩固|扩大|加大|探索|筹建|组建|"
    r"修订|制定|培育|严格|聚焦|构建|坚持|全面|深入|整合|拓宽|畅通|落细|统筹|配齐|配强)")
# Sentences of intent that frame a plan rather than name a task
INTENT = re.compile(r"以下|如下|[：:]$|^(?:下一步|下一年度?|明年|今后|新的一年|\d{4}年|针对|总之|"
                    r"我[镇乡县区局委办]|全[镇乡县区])")
# 一是 / 三要 / 第四， / 其二， opening an enumerated piece: not shown in its label
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[是要][，,：:]?|[第其][一二三四五六七八九十]{1,3}[，,、：:是])")
MARKER = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)")


@dataclass(frozen=True)
class Passage:
    """A planned item, or a place in this year's report where work is reported."""
    line: int           # source line number
    start: int          # offsets in that line's text
    end: int
    text: str           # the words compared
    label: str          # what is shown: the first sentence, shortened

    def to_tuple(self) -> tuple:
        return (self.line, self.start, self.end, self.text, self.label)


def shorten(text: str, limit: int = 40) -> str:
    text = text.strip(T.SPACES)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _first_sentence(text: str) -> str:
    spans = T.sentences(text)
    return text[spans[0][0]:spans[0][1]] if spans else text


def _pieces(p: Paragraph) -> list[tuple[int, int]]:
    """Spans of a paragraph's enumerated pieces (一是… 二是…), else the whole paragraph."""
    text = p.line.text
    end = len(text.rstrip(T.SPACES))
    marks = [offset for offset, _, _ in T.enumeration(text, p.start)]
    if not marks:
        return [(p.start, end)]
    spans = [(a, b) for a, b in zip(marks, marks[1:] + [end])]
    if text[p.start:marks[0]].strip(T.SPACES):
        spans.insert(0, (p.start, marks[0]))    # the lead-in before the first piece
    return spans


def _passage(line, start: int, end: int, lead: str = "") -> Passage:
    text = line.text[start:end]
    label = lead + ORDINAL.sub("", _first_sentence(text).strip(T.SPACES))
    return Passage(line.number, start, end, lead + text, shorten(label))


def _sentence_items(p: Paragraph) -> list[Passage]:
    """Items of a plan written as running text: each opens with a verb of action."""
    items: list[list[int]] = []
    for a, b in T.sentences(p.line.text, p.start):
        sentence = p.line.text[a:b].strip(T.SPACES)
        if ACTION.match(MARKER.sub("", sentence)):
            items.append([a, b])
        elif items:
            items[-1][1] = b            # a sentence that goes on with the item before it
        elif not INTENT.search(sentence):
            items.append([a, b])
    return [_passage(p.line, a, b) for a, b in items]


def plan_items(doc: Document, checklist: Checklist) -> list[Passage]:
    """The planned items of a report's 下一年度安排, in order."""
    items: list[Passage] = []
    for root in sections_for(doc, checklist, PLAN):
        for section in root.walk():
            enumerated = {id(p) for p in section.paragraphs
                          if T.enumeration(p.line.text, p.start)}
            if section is not root and not section.children and not enumerated:
                items.append(_heading_item(section))
                continue
            for p in section.paragraphs:
                if id(p) not in enumerated:
                    if section is root and not root.children:
                        items.extend(_sentence_items(p))
                    continue            # an introduction to the sub-headings below it
                for n, (a, b) in enumerate(_pieces(p)):
                    lead = p.line.text[a:b].strip(T.SPACES)
                    if n == 0 and not T.enumeration(lead) and INTENT.search(lead):
                        continue
                    items.append(_passage(p.line, a, b))
    return items


def _heading_item(section: Section) -> Passage:
    """A sub-heading of the plan and the text under it make one item."""
    h = section.heading
    body = "".join(p.text for p in section.all_paragraphs())
    return Passage(h.line.number, h.start, h.title_end, h.title + body, shorten(h.title))


def result_places(doc: Document, checklist: Checklist) -> list[Passage]:
    """Where this year's report tells its work: every paragraph (enumerated pieces apart)
    under a heading outside the plan and the shortcomings (the opening only introduces);
    a run-in heading leads its line's first piece."""
    excluded = {id(p) for role in NOT_RESULTS for s in sections_for(doc, checklist, role)
                for p in s.all_paragraphs()}
    places = []
    for section in doc.walk():
        for p in section.paragraphs:
            if id(p) in excluded:
                continue
            h = section.heading
            for n, (a, b) in enumerate(_pieces(p)):
                if n == 0 and h.run_in and h.line is p.line:
                    places.append(_passage(p.line, a, b, h.title + "。"))
                else:
                    places.append(_passage(p.line, a, b))
    return places


# ---- matching ----------------------------------------------------------------------------

def keywords(text: str) -> set[str]:
    """The words of a text (jieba, two characters or more, numbers left out)."""
    import jieba        # loaded only when there is a previous report to compare with
    jieba.setLogLevel(60)
    return {w for w in jieba.lcut(normalize(text)) if len(w) >= 2 and "#" not in w}


@lru_cache(maxsize=1)
def rarity() -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies (a large general corpus) and their median, the
    weight of a word it does not know. Read from its file: importing jieba.analyse would
    build two such tables and load TextRank, for a second more."""
    import jieba
    path = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
    idf = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


def named(norm: str, synonyms: dict) -> str:
    """A normalised text with the short names of what it describes added at its end."""
    extra = [name for name, ways in synonyms.items() if name not in norm and
             any(normalize(w) in norm for w in ways)]
    return norm + "".join(extra)


@dataclass(frozen=True)
class Match:
    """A planned item of last year's report and the place of this year's that reports it best."""
    item: tuple                 # a Passage as a tuple (line, start, end, text, label)
    place: tuple | None         # the best place in this year's report, or None
    score: float


def follow_up(items: list[tuple], places: list[tuple], threshold: float = THRESHOLD,
              synonyms: dict | None = None) -> list[Match]:
    """For each planned item, the place of this year's report that reports it best, kept
    when the item's words found there make up `threshold` of its weight. A word weighs by
    its rarity (jieba's inverse document frequency): rare words say which work is meant.
    `synonyms` maps a short name to what reports write instead (三项制度 → 执法公示, …): a
    place that writes one of them names it too.

    Items and places are Passage tuples (line, start, end, text, label): batch summaries.
    """
    idf, unknown = rarity()
    norms = [named(normalize(p[3]), synonyms or {}) for p in places]
    out = []
    for item in items:
        mine = {w: idf.get(w, unknown) for w in keywords(item[3])}
        total = sum(mine.values()) or 1.0
        best, score = None, 0.0
        for place, norm in zip(places, norms):
            # a word counts where its characters occur, however the place is segmented
            s = sum(weight for w, weight in mine.items() if w in norm) / total
            if s > score:
                best, score = place, s
        out.append(Match(item, best if score >= threshold else None, round(score, 3)))
    return out
