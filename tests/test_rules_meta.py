"""Every shipped rule: valid, unique, cited, and its pass/fail examples behave."""
from __future__ import annotations

import re

import pytest

from lintreport import checklist as cl
from lintreport.config import Config
from lintreport.engine import lint_text
from lintreport.finding import CATEGORIES

CHECKLISTS = sorted(p.stem for p in cl.rules_dir().glob("*.yaml"))
RULES = [(name, rule) for name in CHECKLISTS for rule in cl.load(name).rules]


def test_checklists_load_and_have_rules():
    assert "township" in CHECKLISTS and "county" in CHECKLISTS
    for name in CHECKLISTS:
        chk = cl.load(name)
        assert len(chk.rules) >= 10
        ids = [r.id for r in chk.rules]
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name,rule", RULES, ids=[f"{n}:{r.id}" for n, r in RULES])
def test_rule_metadata(name, rule):
    assert rule.category in CATEGORIES
    assert re.search(r"[\u4e00-\u9fff]", rule.message), "messages are in Chinese"
    assert re.search(r"《|GB/T|〔|条", rule.source), "the source names a regulation or standard"
    assert "UNVERIFIED" not in rule.source
    assert rule.rationale
    assert rule.examples.get("pass") and rule.examples.get("fail"), "needs pass and fail examples"


@pytest.mark.parametrize("name,rule", RULES, ids=[f"{n}:{r.id}" for n, r in RULES])
def test_rule_examples(name, rule):
    config = Config(checklist=name)
    for text in rule.examples["pass"]:
        result = lint_text(text, config, rules=[rule])
        assert result.error is None, result.error
        assert [f for f in result.findings if f.rule == rule.id] == [], f"pass example fired:\n{text}"
    for text in rule.examples["fail"]:
        result = lint_text(text, config, rules=[rule])
        assert result.error is None, result.error
        hits = [f for f in result.findings if f.rule == rule.id]
        assert hits, f"fail example did not fire:\n{text}"
        for f in hits:
            assert "{" not in f.message, f"unfilled placeholder in {f.message}"
