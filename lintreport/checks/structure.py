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


@check("required-part", part=Option(str, doc="the key of a part in the checklist's `parts`"))
def required_part(doc, rule, ctx):
    """The report has a section (a heading of its own) for the part."""
    part = ctx.checklist.parts[rule.options["part"]]
    if not doc.paragraphs or classify(doc, ctx.checklist)[part.key]:
        return
    line = _first_line(doc)
    yield doc.hit(line, 0, 0, args={"part": part.name}, excerpt="")


@check("part-mentions",
       part=Option(str, doc="the part to look in"),
       any=Option(list, [], item=Regex, doc="at least one of these patterns must occur"),
       all=Option(dict, {}, item=list, doc="name → patterns: each name must be covered"),
       in_heading=Option(bool, True, doc="whether the part's own heading counts (不足和原因 "
                                         "in the heading is not an analysis of causes)"))
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


@check("part-order", parts=Option(list, item=str, doc="part keys in the required order"))
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
