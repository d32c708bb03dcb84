"""Generate docs/rules.md from the shipped checklists and docs/check-kinds.md from the
check kinds' Chinese descriptions (`@check(..., doc=...)`) and option declarations, so
neither reference can drift.

    python -m lintreport.docgen > docs/rules.md
    python -m lintreport.docgen kinds > docs/check-kinds.md
"""
from __future__ import annotations

import sys

from . import checklist as cl
from .data import categories


def example_text(example) -> str:
    """A rule's example as text: one report; a cross-report rule's batch of reports, one
    after another; last year's report and this year's ({previous: …, report: …}); or a
    layout rule's .docx, as its differences ({docx: …})."""
    if isinstance(example, dict) and "docx" in example:
        return docx_example(example)
    if isinstance(example, dict) and "options" in example:
        return example_text(example["report"])
    if isinstance(example, dict):
        return (f"上一年度的报告：\n{example['previous'].strip()}\n---\n"
                f"本年度的报告：\n{example['report'].strip()}")
    if isinstance(example, list):
        return "\n---\n".join(x.strip() for x in example)
    return str(example).strip()


def docx_example(example: dict) -> str:
    """A layout rule's example: how its .docx differs from one laid out per GB/T 9704."""
    import yaml
    spec = example.get("docx") or {}
    if not spec:
        return "# 按 GB/T 9704-2012 排版的 .docx（A4、天头37毫米、订口28毫米、3号仿宋……）"
    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper, value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                       style="|" if "\n" in value else None)
    Dumper.add_representer(str, text)
    return "# 按 GB/T 9704-2012 排版的 .docx，只有以下不同：\n" + yaml.dump(
        spec, Dumper=Dumper, allow_unicode=True, sort_keys=False).strip()


def render() -> str:
    township = cl.load("township")
    zh = categories()
    others = [cl.load(name) for name in cl.shipped() if name != "township"]
    out = ["# 规则参考", "",
           "本页由 `python -m lintreport.docgen > docs/rules.md` 从 `rules/` 中的 YAML 生成，请勿手工编辑。",
           "", f"默认检查清单 `{township.name}`（{township.title}），共{len(township.rules)}条规则。"]
    for other in others:
        out.append(f"另有检查清单 `{other.name}`（{other.title}），规则相同，差异见各规则下的说明。")
    out += ["", "| 规则 | 名称 | 英文名 | 类别 | 级别 |", "|---|---|---|---|---|"]
    for r in township.rules:
        out.append(f"| [{r.id}](#{r.id.lower()}) | {r.title} | {r.name} | {zh[r.category]} | "
                   f"{r.severity.zh} |")
    for category in zh:
        rules = [r for r in township.rules if r.category == category]
        if not rules:
            continue
        out += ["", f"## {zh[category]}（{category}）"]
        for r in rules:
            out += ["", f"### {r.id}", "", f"**{r.title}**（{r.name}）· {r.severity.zh} · 检查类型 `{r.check}`", "",
                    f"- 检查什么：{r.message}", f"- 为什么：{r.rationale}", f"- 依据：{r.source}"]
            for other in others:
                o = other.rule(r.id)
                if o is not None and o.options != r.options:
                    out.append(f"- 在 `{other.name}` 清单中的选项：`{o.options}`")
            for label, key in (("会报出", "fail"), ("不会报出", "pass")):
                example = (r.examples.get(key) or [""])[0]
                lang = "yaml" if isinstance(example, dict) and "docx" in example else "text"
                example = example_text(example)
                if example:
                    out += ["", f"{label}的例子：", "", f"```{lang}", example, "```"]
    return "\n".join(out) + "\n"


def yaml_value(value) -> str:
    """A value as a rule's YAML writes it (`true`, `[原, 旧]`, a pattern with single
    backslashes), not as Python shows it (`True`, `['原', '旧']`, doubled backslashes)."""
    import yaml
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def option_text(opt) -> str:
    """What follows an option's name: its type and default (or that it is required) in
    brackets, then what it means."""
    from . import checks
    kind, item = checks.type_name(opt.type), opt.item and checks.type_name(opt.item)
    if item and opt.type is dict:
        kind = (f"键为{checks.type_name(opt.key)}、" if opt.key else "") + f"值为{item}的映射"
    elif item:
        kind = f"{item}的{kind}"
    default = "必需" if opt.default is checks.REQUIRED else f"默认 `{yaml_value(opt.default)}`"
    return f"（{kind}，{default}）" + (f"：{opt.doc}" if opt.doc else "")


def render_kinds() -> str:
    """docs/check-kinds.md: every check kind, what it checks, its options, its rules."""
    from . import checks
    kinds = checks.load_all()
    township = cl.load("township")
    out = ["# 检查类型参考", "",
           "本页由 `python -m lintreport.docgen kinds > docs/check-kinds.md` 从各检查类型的说明"
           "（`lintreport/checks/` 中 `@check(..., doc=...)` 的 `doc`）和选项声明生成，请勿手工编辑。",
           "", "规则（YAML）用 `check:` 选一个检查类型，用 `options:` 给它选项。"
           "通用的 `existence`（出现即报）和 `substitution`（应改写为）只需 YAML 就能写出新的用语规则。",
           "", f"共{len(kinds)}个检查类型。"]
    for name in sorted(kinds):
        kind = kinds[name]
        rules = [f"[{r.id}](rules.md#{r.id.lower()})" for r in township.rules if r.check == name]
        scope = "跨报告（一批报告一起检查）" if kind.scope == "batch" else "单份报告"
        out += ["", f"## `{name}`", "", kind.doc or "（无说明）", "",
                f"- 范围：{scope}" + ("；需要上一年度的报告（--previous）" if kind.previous else ""),
                f"- 使用它的规则：{'、'.join(rules) if rules else '无（供自定义规则使用）'}"]
        if kind.options:
            out += ["- 选项："]
            out += [f"  - `{key}`{option_text(opt)}" for key, opt in kind.options.items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_kinds() if sys.argv[1:] == ["kinds"] else render())
