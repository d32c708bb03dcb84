"""Coverage: topics a report is expected to speak of (三项制度, 述法, 合法性审查 …), and
where it must speak of them (a result is not a plan)."""
from __future__ import annotations

import re

from ..parts import classify
from . import Option, Regex, check


def _found(text: str, any_patterns, all_patterns) -> bool:
    if any(re.search(p, text) for p in any_patterns):
        return True
    return bool(all_patterns) and all(re.search(p, text) for p in all_patterns)


@check("topic",
       doc="报告是否写到了某项工作（如行政执法“三项制度”、领导干部述法、合法性审查）：在标题、"
           "各级小标题和正文中找 `any` 中的任一个正则，或同时找到 `all` 中的全部正则；"
           "都找不到就报一条。给了 `parts` 的，还要写在这些部分中（如写在“主要举措和成效”里，"
           "不能只写在“下一年度安排”里）；报告缺少这些部分的，由结构规则报出，这里不报。",
       topic=Option(str, doc="这项工作的名称，代入规则 `message` 中的 {topic}"),
       any=Option(list, item=Regex, doc="出现其中任一个，就算写到了这项工作"),
       all=Option(list, [], item=Regex, doc="全部出现（分别写到这项工作的各个方面），"
                                            "也算写到了；空列表表示不用"),
       parts=Option(list, [], item=str, doc="必须写在其中的部分（检查清单 `parts` 中的键）；"
                                            "空列表表示写在报告任何地方都可以"))
def topic(doc, rule, ctx):
    """The report mentions the topic, in one of the given parts where parts are given."""
    o = rule.options
    if not doc.paragraphs:
        return
    texts = doc.analysis.topic_texts        # the same texts for every topic rule
    everywhere = texts.get(("", ""))
    if everywhere is None:
        everywhere = texts[("", "")] = "\n".join(
            [doc.title_text] + [h.title for h in doc.headings] + [p.text for p in doc.paragraphs])
    line = (doc.title or [p.line for p in doc.paragraphs[:1]])[0]
    if not _found(everywhere, o["any"], o["all"]):
        yield doc.hit(line, 0, 0, args={"topic": o["topic"], "detail": ""}, excerpt="")
        return
    if not o["parts"]:
        return
    found = classify(doc, ctx.checklist)
    sections = [s for key in o["parts"] for s in found.get(key, [])]
    if not any(found.get(key) for key in o["parts"]):
        return      # the part itself is missing: the structure rules say so
    memo = (ctx.checklist.path, tuple(o["parts"]))
    text = texts.get(memo)
    if text is None:
        text = texts[memo] = "\n".join(
            t for s in sections for t in
            [x.heading.title for x in s.walk()] + [p.text for p in s.all_paragraphs()])
    if not _found(text, o["any"], o["all"]):
        # only the parts the report has: one it lacks is the structure rules' finding, and
        # telling the reader to write the topic there would contradict it
        names = "".join(f"“{ctx.checklist.parts[k].name}”" for k in o["parts"]
                        if k in ctx.checklist.parts and found.get(k))
        yield doc.hit(line, 0, 0, excerpt="", args={
            "topic": o["topic"], "detail": f"（只出现在其他部分，{names}中没有写本年度的落实情况）"})
