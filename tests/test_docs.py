"""Generated documentation stays in step with the rules; docs name every command."""
from __future__ import annotations

import re

from lintreport.docgen import render, render_kinds

from tests.conftest import ROOT


def test_rule_reference_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), "run: python -m lintreport.docgen > docs/rules.md"


def test_check_kind_reference_is_current():
    committed = (ROOT / "docs" / "check-kinds.md").read_text(encoding="utf-8")
    assert committed == render_kinds(), "run: python -m lintreport.docgen kinds > docs/check-kinds.md"


def test_every_check_kind_and_option_is_in_the_kind_reference():
    from lintreport import checks
    text = render_kinds()
    for name, kind in checks.load_all().items():
        assert f"## `{name}`" in text
        assert all(f"`{key}`" in text for key in kind.options)


# What the kind reference shows people who write rules must be Chinese (GB/T 15834): code,
# option names, rule ids (D002) and {placeholders} may be English, a phrase may not. Examples in “…” may show
# the very slip a kind reports (“2025 年”, “(一)”), so the punctuation is judged outside them.
HAN = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"`[^`]*`|\{[a-z_]+\}|[A-Z]{1,2}\d{3}")
ENGLISH = re.compile(r"[A-Za-z]+(?:[\s,;:.()'’-]+[A-Za-z]+)+")      # two English words in a row
QUOTED = re.compile(r"“[^”]*”")
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]")
SPACED_DIGIT = re.compile(r"[\u4e00-\u9fff][ \u3000]+\d|\d[ \u3000]+[\u4e00-\u9fff]")


def user_texts():
    """(where, text) of every kind's description and every option's doc."""
    from lintreport import checks
    for name, kind in sorted(checks.load_all().items()):
        yield f"检查类型 {name}", kind.doc
        for key, opt in kind.options.items():
            yield f"检查类型 {name} 的选项 {key}", opt.doc


def chinese_problems(text: str) -> list[str]:
    plain = CODE.sub("", text)
    outside = QUOTED.sub("", plain)
    found = [] if HAN.search(plain) else ["没有中文"]
    found += [f"英文“{m.group(0)}”" for m in ENGLISH.finditer(plain)]
    found += [f"半角标点“{m.group(0)}”" for m in HALF_WIDTH.finditer(outside)]
    found += [f"中文与数字之间有空格“{m.group(0)}”" for m in SPACED_DIGIT.finditer(outside)]
    return found


def test_kind_descriptions_and_option_docs_are_chinese():
    """docs/check-kinds.md is read by the staff who write rules: a new kind or option with
    an English (or missing) description fails here, not in front of them."""
    problems = [f"{where}：{'；'.join(found)}" for where, text in user_texts()
                if (found := chinese_problems(text))]
    assert not problems, "\n".join(problems)


def test_the_chinese_check_catches_english():
    assert chinese_problems("font family of body text") == [
        "没有中文", "英文“font family of body text”"]
    assert chinese_problems("天头 (top margin) in mm")[0] == "英文“top margin) in mm”"
    assert chinese_problems("正文的字号,单位磅") == ["半角标点“号,”"]
    assert chinese_problems("共 62 个") == ["中文与数字之间有空格“共 6”", "中文与数字之间有空格“2 个”"]
    assert chinese_problems("多余的空格（如“2025 年”）；由 D002 报出；用 `--fix` 删去 {text}") == []


def test_every_rule_is_in_the_reference():
    from lintreport import checklist as cl
    text = render()
    for rule in cl.load("township").rules:
        assert f"### {rule.id}" in text and rule.source in text


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/lintreport check fixtures/"
    tests = ("python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
             ".venv/bin/python -m pytest")
    assert install in readme and tests in readme
    assert readme.index(install) < readme.index(tests) < readme.index("## 常用用法")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci, ".ci/run runs exactly the README's test command"


def test_docs_do_not_install_an_unpublished_package():
    """lintreport is not on PyPI: docs install it from the repository or a path."""
    import re
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"pip install\s+lintreport(?![\w./@-])", text), path.name
