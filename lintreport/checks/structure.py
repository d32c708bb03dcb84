"""Structure: the four required parts of the annual report, complete and in order.

《法治政府建设与责任落实督察工作规定》 lists what the annual report contains; how each part
is recognised comes from the checklist's `parts` (real reports phrase their headings in many
ways), so these functions know nothing about particular wordings.
"""
from __future__ import annotations

import re

from ..parts import classify
from . import Option, Regex, check


def _first_line(doc):
    lines = doc.title or [p.line for p in doc.opening[:1]] or doc.lines[:1]
    return lines[0] if lines else None


def _texts(sections, own_heading: bool = True):
    for s in sections:
        for sub in s.walk():
            if own_heading or sub is not s:
                yield sub.heading.title
        for p in s.all_paragraphs():
            yield p.text


@check("required-part",
       doc="报告中应有某个必备部分（如“存在的不足和原因”），且有它自己的标题。各部分怎样识别，"
           "见检查清单的 `parts`（`rules/data/parts.yaml`）。",
       part=Option(str, doc="必备部分的键：检查清单 `parts` 中的一个（如 measures、"
                            "shortcomings、leaders、plan）"))
def required_part(doc, rule, ctx):
    """The report has a section (a heading of its own) for the part."""
    part = ctx.checklist.parts[rule.options["part"]]
    if not doc.paragraphs or classify(doc, ctx.checklist)[part.key]:
        return
    line = _first_line(doc)
    yield doc.hit(line, 0, 0, args={"part": part.name}, excerpt="")


@check("part-mentions",
       doc="某个部分存在时，应写到规定的内容：如“存在的不足和原因”要分析原因，不能只列不足；"
           "第一责任人履职情况要写到党委和政府两位主要负责人。缺少这个部分的，"
           "由 `required-part` 报出。",
       part=Option(str, doc="在哪个部分中找：检查清单 `parts` 中的键（如 shortcomings）"),
       any=Option(list, [], item=Regex, doc="其中至少有一个要在这一部分中出现；"
                                            "空列表表示不要求"),
       all=Option(dict, {}, item=list, doc="名称 → 正则列表：每个名称都要写到（其正则中至少有一"
                                           "个出现），没写到的名称写入提示；空表示不要求"),
       in_heading=Option(bool, True, doc="这一部分自己的标题算不算数：标题为“不足和原因”，"
                                         "并不等于分析了原因；false：只看正文和下级标题"))
def part_mentions(doc, rule, ctx):
    """A part, where present, says what it must: 原因 besides 不足; both principal leaders."""
    part = ctx.checklist.parts[rule.options["part"]]
    sections = classify(doc, ctx.checklist)[part.key]
    if not sections:
        return      # the required-part rule reports a missing part
    text = "\n".join(_texts(sections, own_heading=rule.options["in_heading"]))
    missing = []
    if rule.options["any"] and not any(re.search(p, text) for p in rule.options["any"]):
        missing.append("、".join(rule.options["any"][:3]))
    for name, patterns in rule.options["all"].items():
        if not any(re.search(p, text) for p in patterns):
            missing.append(name)
    if missing:
        h = sections[0].heading
        yield doc.hit(h.line, h.start, h.title_end,
                      args={"part": part.name, "missing": "、".join(missing)})


def _nested(section, found) -> bool:
    """Whether a part stands inside another part (履职情况 as （二） under 一、举措和成效): its
    place is its container's, which the regulation allows (the part may be a sub-section)."""
    parent = section.parent
    while parent is not None:
        if any(x is parent for sections in found.values() for x in sections):
            return True
        parent = parent.parent
    return False


@check("part-order",
       doc="已有的各部分应按规定的顺序排列（如主要举措和成效、存在的不足和原因、"
           "第一责任人履职情况、下一年度安排）。作为小节放在其他部分之中的部分，"
           "按其所在部分的位置算，不报。",
       parts=Option(list, item=str, doc="各部分的键（检查清单 `parts` 中的），按规定的顺序排列"))
def part_order(doc, rule, ctx):
    """The parts that are present come in the required order."""
    found = classify(doc, ctx.checklist)
    seen = []
    for key in rule.options["parts"]:
        if found.get(key) and not _nested(found[key][0], found):
            seen.append((found[key][0].first_line, key, found[key][0]))
    for (line_a, key_a, _), (line_b, key_b, section) in zip(seen, seen[1:]):
        if line_b < line_a:
            h = section.heading
            yield doc.hit(h.line, h.start, h.title_end, args={
                "part": ctx.checklist.parts[key_b].name,
                "before": ctx.checklist.parts[key_a].name})
