"""Every shipped rule: valid, unique, cited, and its pass/fail examples behave."""
from __future__ import annotations

import re
import types

import pytest

from lintreport import checklist as cl
from lintreport.config import Config
from lintreport.data import categories
from lintreport.ruleinfo import lint_example

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
    assert rule.category in categories()
    assert re.search(r"[\u4e00-\u9fff]", rule.message), "messages are in Chinese"
    assert re.search(r"《|GB/T|〔|条", rule.source), "the source names a regulation or standard"
    assert "UNVERIFIED" not in rule.source
    assert rule.rationale
    assert rule.examples.get("pass") and rule.examples.get("fail"), "needs pass and fail examples"
    assert rule.title, "every rule has a short Chinese title (title:)"
    assert re.search(r"[\u4e00-\u9fff]", rule.title) and len(rule.title) <= 16
    assert "{" not in rule.title and not HALF_WIDTH.search(rule.title)


@pytest.mark.parametrize("name", CHECKLISTS)
def test_rule_titles_tell_rules_apart(name):
    titles = [r.title for r in cl.load(name).rules]
    assert len(set(titles)) == len(titles), "two rules share a title"


def _lint_example(example, config, rule, folder):
    folder.mkdir()
    result = lint_example(rule, config.checklist, example, str(folder))
    if hasattr(result, "files"):    # a batch: the reading errors of its files
        errors = "; ".join(r.error for r in result.files if r.error)
        return types.SimpleNamespace(error=errors or None, findings=result.findings)
    return result


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


def test_our_own_rule_texts_use_full_width_punctuation():
    """Titles, rationales, fixes and the rule files' descriptions are our Chinese text."""
    import glob
    import os
    from lintreport import yamlfile
    base = cl.rules_dir()
    for path in glob.glob(os.path.join(base, "*.yaml")) + glob.glob(os.path.join(base, "common", "*.yaml")):
        data = yamlfile.load(path)
        texts = [data.get("description", "")] + [
            str(r.get(k, "")) for r in data.get("rules", []) for k in ("title", "rationale", "fix")]
        for text in texts:
            assert not HALF_WIDTH.search(QUOTED.sub("", text)), f"{path}: {text[:60]}"
