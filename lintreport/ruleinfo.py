"""What `lintreport rules` and `lintreport explain` print: a rule table aligned by display
width (a Chinese character takes two columns in a terminal) and a rule's explanation with the
real messages its examples produce."""
from __future__ import annotations

import dataclasses
import os
import tempfile

from .config import Config
from .data import categories
from .hanzi import width
from .model import Checklist, Rule


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def rules_table(checklist: Checklist, active: set[str]) -> list[str]:
    """One aligned line per rule: id, severity, category, title, slug, and whether it is off."""
    rows = [(r.id, r.severity.zh, categories().get(r.category, r.category), r.title or r.name,
             r.name, "" if r.id in active else "（未启用）") for r in checklist.rules]
    head = ("规则", "级别", "类别", "名称", "英文名", "")
    cols = [max(width(row[i]) for row in [head, *rows]) for i in range(5)]
    return ["  ".join(pad(cell, cols[i]) if i < 5 else cell for i, cell in enumerate(row)).rstrip()
            for row in [head, *rows]]


def lint_example(rule: Rule, checklist_name: str, example, folder: str):
    """Lint one of a rule's examples with that rule alone; `folder` holds the files a
    non-text example needs. An example is one report (a string), a batch of reports (a
    list) for a cross-report rule, last year's report and this year's ({previous: …,
    report: …}) for the follow-up rules, a report checked with other options ({options: …,
    report: …}), or a .docx described by {docx: …} for a layout rule (built by docx_build.build). Returns the engine's result."""
    from .engine import lint, lint_text
    config = Config(checklist=checklist_name)
    if isinstance(example, dict) and "options" in example:     # checked with other options
        rule = dataclasses.replace(rule, options={**rule.options, **example["options"]})
        example = example["report"]
    if isinstance(example, str):
        return lint_text(example, config, rules=[rule])
    previous, paths = [], []
    if isinstance(example, dict) and "previous" in example:
        previous.append(os.path.join(folder, "上一年度.txt"))
        with open(previous[0], "w", encoding="utf-8") as f:
            f.write(example["previous"])
        example = [example["report"]]
    if isinstance(example, dict):
        from .docx_build import build
        paths.append(build(example.get("docx") or {}, os.path.join(folder, "报告.docx")))
    for n, text in enumerate(example if isinstance(example, list) else [], 1):
        paths.append(os.path.join(folder, f"报告{n}.txt"))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write(text)
    return lint(paths, dataclasses.replace(config, select=(rule.id,)), previous=previous, jobs=1)


def example_messages(rule: Rule, checklist_name: str, example) -> list[str]:
    """The messages the rule reports on one of its examples, as a user would see them."""
    with tempfile.TemporaryDirectory() as folder:
        found = lint_example(rule, checklist_name, example, folder).findings
        found = [dataclasses.replace(f, message=f.message.replace(folder + os.sep, ""))
                 for f in found]
    return [f"第{f.line}行：{f.message}" for f in found if f.rule == rule.id]


def _indent(example) -> str:
    from .docgen import example_text
    text = example_text(example)
    return "".join(f"    {line}\n" for line in text.strip().splitlines())


def explain(rule: Rule, checklist_name: str, per_kind: int = 2) -> str:
    """A rule's title, what it checks, why, its source, and examples with their messages."""
    out = [f"{rule.id} {rule.title or rule.name}（{rule.name}）"
           f"  [{categories().get(rule.category, rule.category)}，{rule.severity.zh}]",
           f"理由：{rule.rationale}", f"依据：{rule.source}"]
    if rule.fix:
        out.append(f"怎样改：{rule.fix}")
    for example in rule.examples.get("pass", [])[:per_kind]:
        out += ["不报的例子：", _indent(example).rstrip("\n")]
    for example in rule.examples.get("fail", [])[:per_kind]:
        out += ["报出的例子：", _indent(example).rstrip("\n"), "  报出："]
        out += [f"    {m}" for m in example_messages(rule, checklist_name, example)]
    return "\n".join(out) + "\n"
