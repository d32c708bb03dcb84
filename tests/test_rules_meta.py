"""Every shipped rule: valid, unique, cited, and its pass/fail examples behave."""
from __future__ import annotations

import dataclasses
import re
import types

import pytest

from lintreport import checklist as cl
from lintreport.config import Config
from lintreport.engine import lint, lint_text
from lintreport.finding import CATEGORIES

# GB/T 15834: our own Chinese text takes full-width punctuation too
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff“”][,;:()!?]|[,;:()!?][\u4e00-\u9fff“”]")
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|「[^」]*」")
CHECKLISTS = cl.shipped()
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


def _lint_example(example, config, rule, folder):
    """One example report, or a batch of reports (a list) for a cross-report rule; a
    mapping gives the report and the options it is checked with ({options:, report:})."""
    if isinstance(example, dict):
        rule = dataclasses.replace(rule, options={**rule.options, **example["options"]})
        example = example["report"]
    if isinstance(example, str):
        return lint_text(example, config, rules=[rule])
    folder.mkdir()
    paths = []
    for n, text in enumerate(example, 1):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
        paths.append(str(folder / f"{n}.txt"))
    batch = lint(paths, dataclasses.replace(config, select=(rule.id,)), jobs=1)
    errors = "; ".join(r.error for r in batch.files if r.error)
    return types.SimpleNamespace(error=errors or None, findings=batch.findings)


@pytest.mark.parametrize("name,rule", RULES, ids=[f"{n}:{r.id}" for n, r in RULES])
def test_rule_examples(name, rule, tmp_path):
    config = Config(checklist=name)
    for n, text in enumerate(rule.examples["pass"]):
        result = _lint_example(text, config, rule, tmp_path / f"pass{n}")
        assert result.error is None, result.error
        assert [f for f in result.findings if f.rule == rule.id] == [], f"pass example fired:\n{text}"
    for n, text in enumerate(rule.examples["fail"]):
        result = _lint_example(text, config, rule, tmp_path / f"fail{n}")
        assert result.error is None, result.error
        hits = [f for f in result.findings if f.rule == rule.id]
        assert hits, f"fail example did not fire:\n{text}"
        for f in hits:
            assert "{" not in f.message, f"unfilled placeholder in {f.message}"
            own_words = QUOTED.sub("", f.message)     # quotations of the report keep its marks
            assert not HALF_WIDTH.search(own_words), f"half-width punctuation: {f.message}"
