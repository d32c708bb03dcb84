"""Shared helpers: lint a text with one rule, and paths to the sample reports."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from lintreport import checklist as cl
from lintreport.config import Config
from lintreport.engine import lint_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))
SHARED = ROOT.parent / "shared"


def run_rule(text: str, rule_id: str, checklist: str = "township", **options):
    """Findings of one shipped rule on a text; options override the rule's own."""
    chk = cl.load(checklist)
    rule = chk.rule(rule_id)
    assert rule is not None, rule_id
    if options:
        import dataclasses
        rule = dataclasses.replace(rule, options={**rule.options, **options})
    result = lint_text(textwrap.dedent(text).strip("\n"), Config(checklist=checklist), rules=[rule])
    assert result.error is None, result.error
    return result.findings


def lines_of(findings):
    return [f.line for f in findings]


@pytest.fixture
def seeds():
    return SEEDS


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch, tmp_path):
    """Tests must not pick up a .lintreport.yaml from the developer's folders."""
    monkeypatch.setenv("LINTREPORT_NO_USER_CONFIG", "1")
    yield
