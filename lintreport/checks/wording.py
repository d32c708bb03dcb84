"""Generic wording checks, so that most new wording rules are YAML only: a rule lists
patterns (and for a substitution, what each becomes) and writes its message.

    check: existence          # each match is a finding: {text}
    options: {patterns: ['体育平台', '足球比分']}

    check: substitution       # each match should be written otherwise: {found} → {good}
    options: {swaps: {'（(\\d{4})）(\\d+号)': '〔\\1〕\\2'}, autofix: true}
"""
from __future__ import annotations

import re

from ..finding import Fix
from ..trigger import lines_with, trigger, when_reused
from . import Option, Regex, check


def _about(text: str, m: re.Match, unless: list[str]) -> bool:
    """Whether the sentence around a match has one of `unless`'s words (严厉打击网络博彩)."""
    a = max(text.rfind(c, 0, m.start()) for c in "。；;！？!?") + 1
    ends = [i for i in (text.find(c, m.end()) for c in "。；;") if i >= 0]
    return any(w in text[a:min(ends, default=len(text))] for w in unless)


@check("existence",
       doc="通用的“出现即报”：报告中不应出现的文字，如被植入网页的博彩广告、"
           "没有填写的模板占位符（“××月”）。`patterns` 中的正则每匹配到一处报一条，"
           "规则的 `message` 中的 {text} 是找到的文字。只写 YAML 就能用它加一条用语规则。",
       patterns=Option(list, item=Regex, doc="报告中不应出现的文字，"
                                             "每匹配到一处报一条（几个正则匹配到同一处的，"
                                             "只报一条）"),
       guarded=Option(list, [], item=Regex, doc="所在句子中没有 `unless` 中的任何一个"
                                                "词时，匹配到的才报"),
       unless=Option(list, [], item=str, doc="句子中有其中之一（如“严厉打击网络赌博”"
                                             "中的“打击”），`guarded` 在这一句中的匹配就不报"),
       heading_patterns=Option(list, [], item=Regex,
                               doc="只在标题的文字中匹配到才报"),
       ignore_case=Option(bool, False, doc="是否不分字母大小写"))
def existence(doc, rule, ctx):
    """Words or marks a report must not contain: spam injected into a web page, template
    placeholders never filled in. The message's {text} is what was found."""
    o = rule.options
    flags = re.I if o["ignore_case"] else 0
    patterns = [re.compile(p, flags) for p in o["patterns"]]
    guarded = [re.compile(p, flags) for p in o["guarded"]]
    in_heading = [re.compile(p, flags) for p in o["heading_patterns"]]
    titles = {h.line.number: h for h in doc.headings} if in_heading else {}
    found = _trigger(tuple(o["patterns"]) + tuple(o["guarded"]), flags)
    # (line, whether its text can hold a match): with a trigger only the lines where one of
    # the patterns can begin, and the headings (for heading_patterns)
    if found is None:
        lines = [(line, True) for line in doc.lines]
    else:
        lines = [(doc.lines[i], True) for i in lines_with(doc, found)]
        if titles:
            seen = {l.number for l, _ in lines}
            where = _trigger(tuple(o["heading_patterns"]), flags)
            heads = [h.line for h in doc.headings] if where is None else \
                [doc.lines[i] for i in lines_with(doc, where) if doc.lines[i].number in titles]
            lines += [(l, False) for l in heads if l.number not in seen]
            lines.sort(key=lambda pair: pair[0].number)
    for line, full in lines:
        t = line.text
        spans = [(m.start(), m.end()) for p in patterns for m in p.finditer(t)] if full else []
        if full and guarded:
            spans += [(m.start(), m.end()) for p in guarded for m in p.finditer(t)
                      if not _about(t, m, o["unless"])]
        h = titles.get(line.number)
        if h is not None:
            spans += [(m.start(), m.end()) for p in in_heading
                      for m in p.finditer(t, h.start + len(h.marker), h.title_end)]
        end = -1
        for start, stop in sorted(spans):
            if start >= end:        # ××月 is one placeholder, whichever patterns see it
                yield doc.hit(line, start, stop, args={"text": t[start:stop]})
                end = stop


def _trigger(patterns: tuple[str, ...], flags: int):
    """Where any of a rule's patterns can begin (trigger.trigger), worked out once a run."""
    return when_reused(("wording", patterns, flags), lambda: trigger(patterns, flags))


def tail_kept(found: str, good: str) -> int:
    """How many characters at the end of `found` stay as they are in `good`."""
    n = 0
    while n < min(len(found), len(good)) and found[-1 - n] == good[-1 - n]:
        n += 1
    return n


@check("substitution",
       doc="通用的“应改写为”：`swaps` 中的正则匹配到的文字应改写为对应的写法，"
           "规则的 `message` 中的 {found} 是原文，{good} 是应有的写法，如发文字号“（2023）16号”"
           "应为“〔2023〕16号”。允许自动修正时，只改两者不同的部分（只改“（2023）”），"
           "以免与同一处的其他修正冲突。只写 YAML 就能用它加一条用语规则。",
       swaps=Option(dict, item=str, key=Regex, doc="正则 → 应改写成的写法；写法中可用 `\\1`、"
                                                   "`\\2` 代入正则中第1、2个括号匹配到的文字"),
       autofix=Option(bool, False, doc="是否允许 `--fix` 自动改写（只在改写总是对的时才设为 "
                                       "true）"))
def substitution(doc, rule, ctx):
    """A wording or mark that has a right form: the message's {found} is what stands and
    {good} what should. The fix keeps the tail the two share (（2023）16号 → 〔2023〕16号
    changes （2023） only), so that it does not collide with another fix there."""
    swaps = [(re.compile(p), good) for p, good in rule.options["swaps"].items()]
    found = _trigger(tuple(rule.options["swaps"]), 0)
    lines = doc.lines if found is None else [doc.lines[i] for i in lines_with(doc, found)]
    for line in lines:
        for pattern, template in swaps:
            for m in pattern.finditer(line.text):
                found, good = m.group(0), m.expand(template)
                fix = None
                if rule.options["autofix"]:
                    keep = tail_kept(found, good)
                    fix = Fix(line.number, m.start() - line.prefix + 1,
                              m.end() - keep - line.prefix + 1, good[:len(good) - keep])
                yield doc.hit(line, m.start(), m.end(), args={"found": found, "good": good}, fix=fix)
