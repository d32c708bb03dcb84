"""A checklist of one's own rules in a temporary folder, for tests of rules and kinds."""
from __future__ import annotations

from lintreport import checklist as cl

RULE = """
  - id: {id}
    name: test-rule
    category: hygiene
    severity: warning
    check: {check}
    options: {options}
    message: "{message}"
    source: 测试
    rationale: 测试
    examples: {{pass: [], fail: []}}
"""


def write_checklist(folder, *rules: dict) -> str:
    """The path of mine.yaml in folder with these rules ({id, check, options, message})."""
    path = folder / "mine.yaml"
    body = "".join(RULE.format(**r) for r in rules)
    path.write_text("checklist: mine\ntitle: 测试清单\nparts: {}\nrules:" + body, encoding="utf-8")
    cl.load.cache_clear()
    return str(path)
