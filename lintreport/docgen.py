"""Generate docs/rules.md from the shipped checklists, so the reference cannot drift.

    python -m lintreport.docgen > docs/rules.md
"""
from __future__ import annotations

import sys

from . import checklist as cl
from .finding import CATEGORIES

CATEGORY_ZH = {
    "structure": "结构", "coverage": "覆盖", "metadata": "元数据", "duplicate": "重复",
    "numbers": "数字", "dates": "日期", "numbering": "序号", "citation": "引用",
    "hygiene": "残留与杂质", "punctuation": "标点与数字用法",
}


def render() -> str:
    township = cl.load("township")
    others = [cl.load(name) for name in cl.shipped() if name != "township"]
    out = ["# 规则参考", "",
           "本页由 `python -m lintreport.docgen > docs/rules.md` 从 `rules/` 中的 YAML 生成，请勿手工编辑。",
           "", f"默认检查清单 `{township.name}`（{township.title}），共 {len(township.rules)} 条规则。"]
    for other in others:
        out.append(f"另有检查清单 `{other.name}`（{other.title}），规则相同，差异见各规则下的说明。")
    out += ["", "| 规则 | 名称 | 类别 | 级别 |", "|---|---|---|---|"]
    for r in township.rules:
        out.append(f"| [{r.id}](#{r.id.lower()}) | {r.name} | {CATEGORY_ZH[r.category]} | "
                   f"{r.severity.zh} |")
    for category in CATEGORIES:
        rules = [r for r in township.rules if r.category == category]
        if not rules:
            continue
        out += ["", f"## {CATEGORY_ZH[category]}({category})"]
        for r in rules:
            out += ["", f"### {r.id}", "", f"**{r.name}** · {r.severity.zh} · 检查类型 `{r.check}`", "",
                    f"- 检查什么：{r.message}", f"- 为什么：{r.rationale}", f"- 依据：{r.source}"]
            for other in others:
                o = other.rule(r.id)
                if o is not None and o.options != r.options:
                    out.append(f"- 在 `{other.name}` 清单中的选项：`{o.options}`")
            for label, key in (("会报出", "fail"), ("不会报出", "pass")):
                example = (r.examples.get(key) or [""])[0]
                if isinstance(example, dict):   # a report checked with other options
                    example = example["report"]
                # a cross-report rule's example is a batch of reports, one after another
                example = ("\n---\n".join(x.strip() for x in example) if isinstance(example, list) else str(example)).strip()
                if example:
                    out += ["", f"{label}的例子：", "", "```text", example, "```"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
